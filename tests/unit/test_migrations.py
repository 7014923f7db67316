"""The migrations form one line: two heads would stop `screening db upgrade` on every deployment."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from screening.store.migrate import alembic_config


def test_the_migrations_have_exactly_one_head():
    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1
