"""Alembic environment: the URL comes from the settings (or the caller), batch mode on SQLite."""

from alembic import context
from sqlmodel import SQLModel

import screening.store.models  # noqa: F401  (registers the tables)
from screening.store.engine import build_engine, get_engine

config = context.config
url = config.get_main_option("sqlalchemy.url")
engine = build_engine(url) if url else get_engine()

with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=SQLModel.metadata,
                      render_as_batch=engine.dialect.name == "sqlite", compare_type=True)
    with context.begin_transaction():
        context.run_migrations()
