"""The soft-skills framework: intelligences -> families -> skills, loaded from YAML."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from screening.text import Text
from screening.yaml_errors import BankError, BankValidationError, load_yaml, localised


@dataclass(frozen=True)
class Skill:
    id: str
    name: Text
    definition: Text
    family_id: str
    intelligence_id: str


@dataclass(frozen=True)
class Family:
    id: str
    name: Text
    definition: Text
    intelligence_id: str
    skill_ids: tuple[str, ...]


@dataclass(frozen=True)
class Intelligence:
    id: str
    name: Text
    definition: Text
    family_ids: tuple[str, ...]


@dataclass(frozen=True)
class Framework:
    intelligences: tuple[Intelligence, ...]
    families: tuple[Family, ...]
    skills: tuple[Skill, ...]

    @cached_property
    def skill_by_id(self) -> dict[str, Skill]:
        return {s.id: s for s in self.skills}

    @cached_property
    def family_by_id(self) -> dict[str, Family]:
        return {f.id: f for f in self.families}

    @cached_property
    def intelligence_by_id(self) -> dict[str, Intelligence]:
        return {i.id: i for i in self.intelligences}


def parse_framework(data: Any, source: str) -> tuple[Framework, list[BankError]]:
    """Build a Framework from parsed YAML; collect every problem instead of stopping at the first."""
    errors: list[BankError] = []
    intelligences: list[Intelligence] = []
    families: list[Family] = []
    skills: list[Skill] = []
    seen: set[str] = set()
    if not isinstance(data, dict) or not isinstance(data.get("intelligences"), list):
        return Framework((), (), ()), [BankError(source, "-", "intelligences", "must be a list")]
    for intel in data["intelligences"]:
        iid = str(intel.get("id", "?"))
        fam_ids: list[str] = []
        for fam in intel.get("families") or []:
            fid = str(fam.get("id", "?"))
            skill_ids: list[str] = []
            for sk in fam.get("skills") or []:
                sid = str(sk.get("id", "?"))
                if sid in seen:
                    errors.append(BankError(source, sid, "id", "duplicate skill id"))
                seen.add(sid)
                skills.append(Skill(sid, localised(sk, "name", source, sid, errors),
                                    localised(sk, "definition", source, sid, errors), fid, iid))
                skill_ids.append(sid)
            if not skill_ids:
                errors.append(BankError(source, fid, "skills", "a family needs at least one skill"))
            families.append(Family(fid, localised(fam, "name", source, fid, errors),
                                   localised(fam, "definition", source, fid, errors), iid, tuple(skill_ids)))
            fam_ids.append(fid)
        intelligences.append(Intelligence(iid, localised(intel, "name", source, iid, errors),
                                          localised(intel, "definition", source, iid, errors), tuple(fam_ids)))
    return Framework(tuple(intelligences), tuple(families), tuple(skills)), errors


def load_framework(path: Path) -> Framework:
    """Load and validate framework.yaml; raise BankValidationError listing every problem."""
    data, err = load_yaml(path)
    if err:
        raise BankValidationError([err])
    framework, errors = parse_framework(data, path.name)
    if errors:
        raise BankValidationError(errors)
    return framework

