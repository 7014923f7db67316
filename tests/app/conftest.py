"""AppTest helpers: the real app.py, or one page run as a given staff member."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from screening import REPO_DIR
from screening.store.engine import get_database
from tests.factories import World, world

TIMEOUT = 60

PAGE_SCRIPT = """
import streamlit as st
from screening.domain.actors import CandidateActor, Staff
if {user_id} is not None:
    st.session_state["actor"] = Staff({user_id}, "{role}", "Tester")
from screening.ui.components import guarded
from screening.ui import {module}
guarded({module}.{function})()
"""


@pytest.fixture
def app_world(app_env) -> World:
    return world(get_database())


def app() -> AppTest:
    return AppTest.from_file(str(REPO_DIR / "app.py"), default_timeout=TIMEOUT)


def page(module: str, function: str, user_id: int | None, role: str = "") -> AppTest:
    return AppTest.from_string(PAGE_SCRIPT.format(user_id=user_id, role=role, module=module, function=function),
                               default_timeout=TIMEOUT)
