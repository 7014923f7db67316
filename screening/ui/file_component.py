"""A Streamlit v2 component whose JavaScript and CSS are files shipped in a package folder.

File-backed JS/CSS need an asset directory, which Streamlit normally learns from a `[tool.streamlit.component]`
table in an installed package's pyproject.toml. A wheel of this project ships no pyproject.toml, so the folder is
declared here through the same manager call Streamlit's own discovery makes. Shipping files (never inline `blob:`
code) keeps the page under its Content-Security-Policy.
"""

from __future__ import annotations

import threading
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from streamlit.components.v2.component_manager import BidiComponentManager
    from streamlit.components.v2.types import ComponentRenderer

PROJECT = "screening"
ASSET_DIR = "frontend"


class FileComponent:
    """One component, registered once per Streamlit runtime."""

    def __init__(self, component: str, package_dir: Path, *, js: str, css: str) -> None:
        self.name = f"{PROJECT}.{component}"
        self._component, self._package_dir, self._js, self._css = component, package_dir, js, css
        self._lock = threading.Lock()
        self._renderers: weakref.WeakKeyDictionary[BidiComponentManager, ComponentRenderer] = \
            weakref.WeakKeyDictionary()

    def renderer(self) -> ComponentRenderer:
        from streamlit.components.v2 import component
        from streamlit.components.v2.get_bidi_component_manager import get_bidi_component_manager
        from streamlit.components.v2.manifest_scanner import ComponentConfig, ComponentManifest

        manager = get_bidi_component_manager()
        with self._lock:
            renderer = self._renderers.get(manager)
            if renderer is None:
                if manager.get_component_asset_root(self.name) is None:
                    manifest = ComponentManifest(name=PROJECT, version="0", components=[
                        ComponentConfig(name=self._component, asset_dir=ASSET_DIR)])
                    manager.register_from_manifest(manifest, self._package_dir)
                renderer = component(self.name, js=self._js, css=self._css, isolate_styles=True)
                self._renderers[manager] = renderer
        return renderer
