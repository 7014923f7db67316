"""Reading YAML with errors that name the file, the item and the field."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from screening.domain.vocab import LANGUAGES
from screening.text import Text

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
        return yaml.load(text, Loader=_Loader), None  # a safe loader (CSafeLoader or SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown line"
        problem = getattr(exc, "problem", None) or str(exc)
        return None, BankError(name, "-", "yaml", f"syntax error at {where}: {problem}")


# --- pydantic errors in the `file: item: field: problem` form ----------------------------------------

_ITEM_LISTS = ("items", "questions")
_SUB_LISTS = ("options", "anchors", "exemplars")
RULES_ERROR = "bank_rules"  # the type of the error a model raises with several cross-field problems in its ctx


def _at(node: Any, key: str, index: int) -> Any:
    seq = node.get(key) if isinstance(node, dict) else None
    return seq[index] if isinstance(seq, list) and 0 <= index < len(seq) else None


def _sub_name(kind: str, node: Any, index: int) -> str:
    if kind == "anchors":
        level = node.get("level") if isinstance(node, dict) else None
        return f"anchor {level}" if isinstance(level, int) and not isinstance(level, bool) else f"anchor #{index + 1}"
    ident = node.get("id") if isinstance(node, dict) else None
    return str(ident) if isinstance(ident, str | int) and str(ident).strip() else f"#{index + 1}"


def _problem(err: Mapping[str, Any], field: str) -> str:
    kind, ctx = err["type"], err.get("ctx") or {}
    leaf = field.rsplit(".", 1)[-1]
    if kind in ("missing", "blank"):
        return "missing translation" if leaf in LANGUAGES else "missing"
    if kind == "extra_forbidden":
        return "unknown field (check its spelling)"
    if kind in ("too_short", "too_long"):
        has = ctx.get("actual_length")
        if leaf == "options":
            return f"needs 4 or 5 options, has {has}"
        if leaf == "skills":
            return f"needs 1 or 2 skill ids, has {has}"
        if kind == "too_short":
            return f"needs at least {ctx.get('min_length')}, has {has}"
        return f"allows at most {ctx.get('max_length')}, has {has}"
    if kind == "list_type":
        return "must be a list"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "must be a mapping"
    return str(err["msg"])


def clean_part(text: str, limit: int = 80) -> str:
    """An item or field name fit for `file: item: field: problem`: one line, no `: `, not too long."""
    text = " ".join(str(text).split()).replace(": ", ":") or "?"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def show(value: Any, limit: int = 60) -> str:
    """A value as it appears in a problem: its repr, one line, cut short."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def validation_errors(exc: ValidationError, data: Any, source: str, item: str = "-") -> list[BankError]:
    """Turn a pydantic ValidationError over `data` (a bank file or one record) into BankErrors.

    The item is the id of the SJT item or question (`id/option`, `id/exemplar`, `id/anchor 3` below
    it), else `item`; the field is the rest of the path, list positions left out."""
    out: list[BankError] = []
    for err in exc.errors():
        loc: list[Any] = list(err["loc"])
        where, head = item, ""
        if len(loc) >= 2 and loc[0] in _ITEM_LISTS and isinstance(loc[1], int):
            node = _at(data, loc[0], loc[1])
            where = _sub_name("items", node, loc[1])
            loc = loc[2:]
            if len(loc) >= 2 and loc[0] in _SUB_LISTS and isinstance(loc[1], int):
                where = f"{where}/{_sub_name(loc[0], _at(node, loc[0], loc[1]), loc[1])}"
                head, loc = loc[0], loc[2:]
        if err["type"] == RULES_ERROR:
            for suffix, fld, problem in (err.get("ctx") or {}).get("problems", []):
                out.append(BankError(source, clean_part(f"{where}/{suffix}" if suffix else where), fld, problem))
            continue
        field = ".".join(str(p) for p in loc if not isinstance(p, int)) or head or (
            str(err["loc"][0]) if err["loc"] else "-")
        field = clean_part(field)
        out.append(BankError(source, clean_part(where), field, _problem(err, field)))
    return out
