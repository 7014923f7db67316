"""AppTest helpers: the real app.py, or one page run as a given actor (AppTest cannot set cookies, so the
shell's job of resolving the session cookie is replaced by handing the page its actor, as the shell does)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from screening import REPO_DIR
from screening.store.engine import get_database
from tests.factories import World, world

TIMEOUT = 60


@pytest.fixture
def app_world(app_env) -> World:
    return world(get_database())


def app() -> AppTest:
    return AppTest.from_file(str(REPO_DIR / "app.py"), default_timeout=TIMEOUT)


def _page_script(module: str, function: str, user_id: int | None, role: str) -> None:
    import importlib

    from screening.domain.actors import Staff
    from screening.ui.components import guarded

    render = getattr(importlib.import_module(f"screening.ui.pages.{module}"), function)
    actor = Staff(user_id, role, "Tester") if user_id is not None else None
    guarded(lambda: render(actor))()


def page(module: str, function: str, user_id: int | None, role: str = "") -> AppTest:
    return AppTest.from_function(_page_script, args=(module, function, user_id, role), default_timeout=TIMEOUT)
