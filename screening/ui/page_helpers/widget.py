"""The Python side of the candidate page's helpers (see frontend/page_helpers.js)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from screening.ui.file_component import PROJECT, FileComponent

COMPONENT = "page_helpers"
COMPONENT_NAME = f"{PROJECT}.{COMPONENT}"  # what the browser's asset routes are named after

_COMPONENT = FileComponent(COMPONENT, Path(__file__).resolve().parent, js="page_helpers.js", css="page_helpers.css")


def page_helpers(*, key: str, language: str, title: str, focus: str | None = None,
                 deadline: datetime | None = None, messages: dict[str, str] | None = None,
                 on_expired: Callable[[], None] | None = None) -> None:
    """language, title: the document's `lang` attribute and the tab's title.
    focus: the id of a heading to focus once (Streamlit headings take their `anchor` as id); a new id moves
        focus again, the same id does not.
    deadline: when the attempt closes; the box counts down and announces 10, 5 and 1 minutes.
    messages: "left", "announce" (with {minutes}) and "over".
    on_expired: called on the rerun the browser starts when the time runs out."""
    data: dict[str, Any] = {"lang": language, "title": title, "focus": focus or "",
                            "deadline_ms": int(deadline.timestamp() * 1000) if deadline else 0,
                            "messages": messages or {}}
    kwargs: dict[str, Any] = {}
    if on_expired is not None:
        kwargs["on_expired_change"] = on_expired
    _COMPONENT.renderer()(key=key, data=data, **kwargs)
