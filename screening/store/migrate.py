"""Run Alembic migrations from code (the `screening db upgrade` command and the tests)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from screening import PACKAGE_DIR

MIGRATIONS_DIR = PACKAGE_DIR / "store" / "migrations"


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # configparser interpolation
    return cfg


def upgrade(url: str | None = None) -> None:
    command.upgrade(alembic_config(url), "head")


def revision(message: str, url: str | None = None) -> None:
    command.revision(alembic_config(url), message=message, autogenerate=True)
