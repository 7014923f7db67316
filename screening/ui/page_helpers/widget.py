"""The Python side of the candidate page's helpers (see frontend/page_helpers.js)."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from streamlit.components.v2.component_manager import BidiComponentManager
    from streamlit.components.v2.types import ComponentRenderer

PROJECT = "screening"
COMPONENT = "page_helpers"
COMPONENT_NAME = f"{PROJECT}.{COMPONENT}"
_PACKAGE_DIR = Path(__file__).resolve().parent
_ASSET_DIR = "frontend"

_lock = threading.Lock()
_renderers: weakref.WeakKeyDictionary[BidiComponentManager, ComponentRenderer] = weakref.WeakKeyDictionary()


def _renderer() -> ComponentRenderer:
    """Registered once per Streamlit runtime, with its asset directory (see ui/autosave/widget.py for why)."""
    from streamlit.components.v2 import component
    from streamlit.components.v2.get_bidi_component_manager import get_bidi_component_manager
    from streamlit.components.v2.manifest_scanner import ComponentConfig, ComponentManifest

    manager = get_bidi_component_manager()
    with _lock:
        renderer = _renderers.get(manager)
        if renderer is None:
            if manager.get_component_asset_root(COMPONENT_NAME) is None:
                manifest = ComponentManifest(name=PROJECT, version="0",
                                             components=[ComponentConfig(name=COMPONENT, asset_dir=_ASSET_DIR)])
                manager.register_from_manifest(manifest, _PACKAGE_DIR)
            renderer = component(COMPONENT_NAME, js="page_helpers.js", css="page_helpers.css", isolate_styles=True)
            _renderers[manager] = renderer
    return renderer


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
    _renderer()(key=key, data=data, **kwargs)
