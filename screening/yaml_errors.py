"""Reading YAML with errors that name the file, the item and the field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from screening.text import LANGUAGES, Text

# libyaml's safe loader when present: the banks load several times faster, errors keep their line.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class BankError:
    file: str
    item: str
    field: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file}: {self.item}: {self.field}: {self.problem}"


class BankValidationError(Exception):
    """Raised with every problem found, so an author fixes them in one pass."""

    def __init__(self, errors: list[BankError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def read_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def localised(node: Any, field: str, source: str, item: str, errors: list[BankError]) -> Text:
    """Read a `{en: ..., fr: ...}` field, recording a missing mapping or translation as an error."""
    value = node.get(field) if isinstance(node, dict) else None
    if not isinstance(value, dict):
        errors.append(BankError(source, item, field, "missing (needs en and fr)"))
        return Text("", "")
    for lang in LANGUAGES:
        if not isinstance(value.get(lang), str) or not value[lang].strip():
            errors.append(BankError(source, item, f"{field}.{lang}", "missing translation"))
    return Text(str(value.get("en") or ""), str(value.get("fr") or ""))


def load_yaml(path: Path, name: str | None = None) -> tuple[Any, BankError | None]:
    return parse_yaml(read_text(path), name or path.name)


def parse_yaml(text: str, name: str) -> tuple[Any, BankError | None]:
    try:
        return yaml.load(text, Loader=_Loader), None  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown line"
        problem = getattr(exc, "problem", None) or str(exc)
        return None, BankError(name, "-", "yaml", f"syntax error at {where}: {problem}")
