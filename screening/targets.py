"""Target profiles for job families: weighted skills a campaign is measured against."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from screening.framework import Framework
from screening.text import Text
from screening.yaml_errors import BankError, BankValidationError, load_yaml, localised

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
            weights.append(TargetWeight(sid, float(weight), localised(w, "rationale", src, f"{pid}/{sid}", errors)))
        level = data.get("experience_level")
        if level not in EXPERIENCE_LEVELS:
            errors.append(BankError(src, pid, "experience_level", f"{level!r} is not one of be, embody, sublimate"))
        out[pid] = TargetProfile(pid, localised(data, "name", src, pid, errors),
                                 localised(data, "description", src, pid, errors), str(level), tuple(weights))
    if errors:
        raise BankValidationError(errors)
    return out
