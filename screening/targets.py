"""Target profiles for job families: weighted skills a campaign is measured against."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from screening.framework import Framework
from screening.text import Text
from screening.yaml_errors import BankError, BankValidationError, load_yaml

EXPERIENCE_LEVELS = ("be", "embody", "sublimate")


@dataclass(frozen=True)
class TargetWeight:
    skill_id: str
    weight: float
    rationale: Text


@dataclass(frozen=True)
class TargetProfile:
    id: str
    name: Text
    description: Text
    experience_level: str
    weights: tuple[TargetWeight, ...]

    @property
    def weight_by_skill(self) -> dict[str, float]:
        return {w.skill_id: w.weight for w in self.weights}


def _text(node: dict, fld: str, src: str, item: str, errors: list[BankError]) -> Text:
    value = node.get(fld) or {}
    for lang in ("en", "fr"):
        if not isinstance(value, dict) or not str(value.get(lang) or "").strip():
            errors.append(BankError(src, item, f"{fld}.{lang}", "missing translation"))
    value = value if isinstance(value, dict) else {}
    return Text(str(value.get("en") or ""), str(value.get("fr") or ""))


def load_targets(directory: Path, framework: Framework) -> dict[str, TargetProfile]:
    errors: list[BankError] = []
    out: dict[str, TargetProfile] = {}
    for path in sorted(directory.glob("*.yaml")):
        src = f"profiles/{path.name}"
        data, err = load_yaml(path, src)
        if err or not isinstance(data, dict):
            errors.append(err or BankError(src, "-", "-", "must be a mapping"))
            continue
        pid = str(data.get("id") or path.stem)
        weights: list[TargetWeight] = []
        for w in data.get("weights") or []:
            sid = str(w.get("skill"))
            if sid not in framework.skill_by_id:
                errors.append(BankError(src, pid, "weights.skill", f"unknown skill id {sid!r}"))
            weight = w.get("weight")
            if not isinstance(weight, (int, float)) or weight <= 0:
                errors.append(BankError(src, pid, f"weights.{sid}.weight", "must be a positive number"))
                weight = 1
            weights.append(TargetWeight(sid, float(weight), _text(w, "rationale", src, f"{pid}/{sid}", errors)))
        level = data.get("experience_level")
        if level not in EXPERIENCE_LEVELS:
            errors.append(BankError(src, pid, "experience_level", f"{level!r} is not one of be, embody, sublimate"))
        out[pid] = TargetProfile(pid, _text(data, "name", src, pid, errors),
                                 _text(data, "description", src, pid, errors), str(level), tuple(weights))
    if errors:
        raise BankValidationError(errors)
    return out
