"""`screening users ...` on a real database: accounts made and changed from the command line, as the system."""

from __future__ import annotations

import pytest
from sqlmodel import select

from screening import cli
from screening.store.engine import get_database
from screening.store.models import AuditEvent
from tests.factories import PASSWORD


def test_create_admin_list_set_role_and_deactivate(app_env, monkeypatch, capsys):
    monkeypatch.setattr("getpass.getpass", lambda prompt="": PASSWORD)
    assert cli.main(["users", "create-admin", "--email", "Boss@Example.org", "--name", "Boss"]) == 0
    assert cli.main(["users", "create-admin", "--email", "second@example.org", "--name", "Second"]) == 0
    assert cli.main(["users", "list"]) == 0
    listing = capsys.readouterr().out
    assert "boss@example.org" in listing and "admin" in listing
    assert cli.main(["users", "set-role", "second@example.org", "lead"]) == 0
    # the last active admin is kept: the command says why and changes nothing
    assert cli.main(["users", "deactivate", "boss@example.org"]) == 1
    assert "last active administrator" in capsys.readouterr().err
    with get_database().read() as s:
        kinds = {e.actor_kind for e in s.exec(select(AuditEvent).where(AuditEvent.action.startswith("user."))).all()}
    assert kinds == {"system:users"}


def test_create_admin_refuses_a_weak_password_and_different_entries(app_env, monkeypatch, capsys):
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "short")
    assert cli.main(["users", "create-admin", "--email", "a@example.org", "--name", "A"]) == 1
    assert "12 characters" in capsys.readouterr().err
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    with pytest.raises(SystemExit):
        cli.main(["users", "create-admin", "--email", "a@example.org", "--name", "A"])
