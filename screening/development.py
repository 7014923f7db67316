"""Development-plan suggestions per skill (question_banks/development.yaml), EN and FR."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from screening.domain.vocab import LANGUAGES
from screening.text import TextList
from screening.yaml_errors import BankError, BankValidationError, load_yaml

MIN_SUGGESTIONS = 2
MAX_SUGGESTIONS = 5


@dataclass(frozen=True)
class DevelopmentPlans:
    skills: Mapping[str, TextList] = field(default_factory=dict)

    def for_skill(self, skill_id: str, lang: str) -> list[str]:
        entry = self.skills.get(skill_id)
        return list(entry.get(lang)) if entry else []


def parse_development_plans(data: Any, source: str, known_skills: Iterable[str] | None = None
                            ) -> tuple[DevelopmentPlans, list[BankError]]:
    """Build the plans from parsed YAML; collect every problem instead of stopping at the first."""
    if not isinstance(data, dict) or not isinstance(data.get("skills"), dict):
        return DevelopmentPlans(), [BankError(source, "-", "skills", "must be a mapping of skill id to suggestions")]
    errors: list[BankError] = []
    known = set(known_skills) if known_skills is not None else None
    plans: dict[str, TextList] = {}
    for skill_id, entry in data["skills"].items():
        sid = str(skill_id)
        if known is not None and sid not in known:
            errors.append(BankError(source, sid, "id", "unknown skill id"))
        if not isinstance(entry, dict):
            errors.append(BankError(source, sid, "-", "needs en and fr lists of suggestions"))
            continue
        per_lang: dict[str, tuple[str, ...]] = {}
        for lang in LANGUAGES:
            items = entry.get(lang)
            if not isinstance(items, list) or not all(isinstance(s, str) and s.strip() for s in items):
                errors.append(BankError(source, sid, lang, "missing or not a list of non-empty texts"))
                items = []
            elif not MIN_SUGGESTIONS <= len(items) <= MAX_SUGGESTIONS:
                errors.append(BankError(source, sid, lang,
                                        f"needs {MIN_SUGGESTIONS} to {MAX_SUGGESTIONS} suggestions, has {len(items)}"))
            per_lang[lang] = tuple(s.strip() for s in items)
        plans[sid] = TextList(per_lang["en"], per_lang["fr"])
    if known is not None:
        errors.extend(BankError(source, sid, "-", "no suggestions for this skill")
                      for sid in sorted(known - set(plans)))
    return DevelopmentPlans(plans), errors


def load_development_plans(path: Path, known_skills: Iterable[str] | None = None
                           ) -> DevelopmentPlans:
    """Load and validate development.yaml; raise BankValidationError listing every problem.

    With `known_skills` (e.g. the framework's skill ids), unknown ids and skills without
    suggestions are errors too.
    """
    data, err = load_yaml(path)
    if err:
        raise BankValidationError([err])
    plans, errors = parse_development_plans(data, path.name, known_skills)
    if errors:
        raise BankValidationError(errors)
    return plans
