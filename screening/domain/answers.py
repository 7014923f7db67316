"""Cleaning what a candidate sends before it is stored."""

from __future__ import annotations

from typing import Any

from screening.domain.scale import is_level

# A written answer's length limit, in characters, shown to the candidate and enforced by the server.
ANSWER_MAX_CHARS = 20_000


def clean_sjt_response(response: dict[str, Any], option_ids: set[str]) -> dict[str, Any]:
    """Keep only known options and ratings 1-5."""
    kept: dict[str, Any] = {k: response[k] for k in ("best", "worst") if response.get(k) in option_ids}
    ratings = {k: int(v) for k, v in (response.get("ratings") or {}).items()
               if k in option_ids and is_level(v)}
    if ratings:
        kept["ratings"] = ratings
    return kept
