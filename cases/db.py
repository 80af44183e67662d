"""Engines, sessions and migrations for the cases database, given its URL.

Which database is the configuration's business (``ops.settings.database_url``: SQLite under the git-ignored
``var/`` by default, PostgreSQL when ``RELAIS_DATABASE_URL`` says so, e.g.
``postgresql+psycopg2://postgres@127.0.0.1:5432/relais``). A PostgreSQL schema can be chosen with
``?options=-csearch_path%3Dmyschema`` in the URL.
"""

from __future__ import annotations

import contextlib
import fcntl
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Any constant works: it only has to be the same for every process migrating the same database.
_PG_MIGRATION_LOCK_KEY = 0x52454C41  # "RELA"


def is_sqlite(url_or_engine: str | Engine) -> bool:
    url = url_or_engine.url if isinstance(url_or_engine, Engine) else make_url(url_or_engine)
    backend: str = url.get_backend_name()
    return backend == "sqlite"


def make_engine(url: str) -> Engine:
    if is_sqlite(url):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        # hide_parameters: an error's log line never shows the values (names, phones, what people wrote).
        engine = create_engine(url, future=True, hide_parameters=True, **sqlite_pool_kwargs(url))

        @event.listens_for(engine, "connect")  # type: ignore[untyped-decorator]  # SQLAlchemy 1.4 ships no types
        def _configure_sqlite(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            # WAL lets the inbox read while the action server writes.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        return engine
    connect_args = {"connect_timeout": 5} if make_url(url).get_backend_name() == "postgresql" else {}
    # pre_ping: a database restarted under us costs one reconnect, not one failed request.
    return create_engine(url, future=True, pool_pre_ping=True, connect_args=connect_args, hide_parameters=True)


def sqlite_pool_kwargs(url: str) -> dict[str, Any]:
    """A SQLite file's connections kept open between sessions, as SQLAlchemy 2.0 does by default.

    SQLAlchemy 1.4 (Rasa's pin) opens and closes a SQLite file for every session (NullPool): with the
    pragmas above, 0.9 ms of CPU per session against 0.1 ms on a pooled connection, and the action server
    opens a few sessions per turn (the case draft saved at every answer). A pooled connection serves one
    thread at a time, so the threads of the web app and the outbox may share the pool: sqlite3's same-thread
    check is off, as SQLAlchemy 2.0 turns it off. Connections go back to the pool rolled back, so none holds
    a read snapshot between sessions. In-memory databases keep SQLAlchemy's own pool (one per thread)."""
    database = make_url(url).database
    if not database or database == ":memory:" or "mode=memory" in url:
        return {"connect_args": {"timeout": 30}}
    return {"poolclass": QueuePool, "connect_args": {"timeout": 30, "check_same_thread": False}}


def make_session_factory(engine: Engine) -> sessionmaker:
    # expire_on_commit=False: objects stay readable after the transaction (templates, API answers).
    return sessionmaker(bind=engine, future=True, expire_on_commit=False)


@contextlib.contextmanager
def _sqlite_migration_lock(engine: Engine) -> Iterator[None]:
    database = engine.url.database
    if not database or database == ":memory:":
        yield
        return
    with open(f"{database}.migrate-lock", "a+") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def _upgrade(connection: Connection) -> None:
    # Imported here: Alembic is half a second of every process's start, and only a migration needs it.
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def migrate(url: str) -> None:
    """Bring the database to the latest schema; several processes may call it at the same time."""
    engine = make_engine(url)
    try:
        if is_sqlite(engine):
            with _sqlite_migration_lock(engine), engine.begin() as connection:
                _upgrade(connection)
        else:
            with engine.begin() as connection:
                if connection.dialect.name == "postgresql":
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK_KEY})
                _upgrade(connection)
    finally:
        engine.dispose()
