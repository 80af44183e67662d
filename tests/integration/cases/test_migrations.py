from __future__ import annotations

import subprocess
import sys

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from cases.db import MIGRATIONS_DIR, make_engine, migrate
from cases.models import Base
from cases.testing import temporary_database
from ops.settings import REPO_ROOT


def head_revision() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config).get_current_head()


def test_migrations_reach_head_and_match_the_models(database_url):
    migrate(database_url)  # a second run changes nothing
    engine = make_engine(database_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert context.get_current_revision() == head_revision()
        assert compare_metadata(context, Base.metadata) == []
        assert {"cases", "notes", "call_attempts", "users", "audit_events"} <= set(
            inspect(connection).get_table_names()
        )
    engine.dispose()


def test_several_processes_can_migrate_a_new_database_at_once(tmp_path):
    # The action server and the inbox both migrate at start-up: neither may fail.
    for backend in ("sqlite", "postgresql"):
        with temporary_database(backend, tmp_path) as url:
            fresh = url if backend == "postgresql" else f"sqlite:///{tmp_path / 'fresh.db'}"
            if backend == "postgresql":
                engine = make_engine(url)
                with engine.begin() as connection:
                    for table in reversed(Base.metadata.sorted_tables):
                        table.drop(connection)
                    connection.exec_driver_sql("DROP TABLE alembic_version")
                engine.dispose()
            processes = [
                subprocess.Popen(
                    [sys.executable, "-c", f"from cases.db import migrate; migrate({fresh!r})"],
                    cwd=REPO_ROOT,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                for _ in range(2)
            ]
            errors = [p.communicate(timeout=120)[1] for p in processes]
            assert [p.returncode for p in processes] == [0, 0], errors


def test_the_advisors_live_role_word_starts_as_their_chambers(database_url):
    """0004: each account gets its chamber's live_chat.advisor_role, which it may change; an account of a
    chamber without a configuration keeps None (the live chat then says the chamber's word anyway)."""
    from alembic import command
    from sqlalchemy import text

    from chamber import load_chamber

    def run(connection, step, revision):
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = connection
        step(config, revision)

    engine = make_engine(database_url)
    try:
        with engine.begin() as connection:
            run(connection, command.downgrade, "0003")
            for email, chamber_id in (("paul@cma.test", load_chamber().id), ("zoe@cma.test", "nowhere")):
                connection.execute(
                    text(
                        "INSERT INTO users (email, name, chamber_id, role, password_hash, failed_logins, "
                        "session_epoch, active, created_at) VALUES (:email, 'Paul Martin', :chamber, 'advisor', 'x', "
                        "0, 0, :yes, CURRENT_TIMESTAMP)"
                    ),
                    {"email": email, "chamber": chamber_id, "yes": True},
                )
            run(connection, command.upgrade, "head")
            rows = dict(connection.execute(text("SELECT email, live_role FROM users ORDER BY email")).all())
            assert rows == {"paul@cma.test": load_chamber().live_advisor_role, "zoe@cma.test": None}
            assert set(connection.execute(text("SELECT live_name FROM users")).scalars()) == {None}
    finally:
        engine.dispose()
