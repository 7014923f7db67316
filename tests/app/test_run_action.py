"""`run_action`, the one way a page calls a service: the refusal's message (and its details), or the success."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.conftest import TIMEOUT


def _script(outcome: str) -> None:
    import streamlit as st

    from screening.services.bank_uploads import BankRejected
    from screening.services.errors import PermissionDenied
    from screening.ui.components import run_action

    def action() -> int:
        if outcome == "forbidden":
            raise PermissionDenied
        if outcome == "rejected":
            raise BankRejected(["upload/x.yaml: sjt.a: skills: unknown skill id '<b>x</b>'"])
        return 0

    done = run_action(action, "users.created", "fr")
    st.write(f"done={done}")


def _run(outcome: str) -> AppTest:
    at = AppTest.from_function(_script, args=(outcome,), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    return at


def test_a_refusal_shows_its_message_in_the_language_asked_and_returns_none() -> None:
    at = _run("forbidden")
    assert [e.value for e in at.error] == ["Vous n'avez pas accès à cette page."]
    assert not at.success and not at.code
    assert at.markdown[-1].value == "done=None"


def test_a_refusal_with_details_shows_them_as_typed() -> None:
    at = _run("rejected")
    assert len(at.error) == 1 and not at.success
    assert [c.value for c in at.code] == ["upload/x.yaml: sjt.a: skills: unknown skill id '<b>x</b>'"]


def test_success_shows_the_message_and_returns_the_value_even_when_falsy() -> None:
    at = _run("ok")
    assert [s.value for s in at.success] == ["Compte créé."] and not at.error
    assert at.markdown[-1].value == "done=Done(value=0)"
