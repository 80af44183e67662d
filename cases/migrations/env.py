"""Alembic environment: run by ``cases.db.migrate`` (which passes its connection) or the alembic CLI
(``alembic -c cases/alembic.ini revision --autogenerate -m "..."``, using ``RELAIS_DATABASE_URL``)."""

import os

from alembic import context
from sqlalchemy.engine import Connection

from cases.db import make_engine
from cases.models import Base


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things: batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("Offline migrations are not supported: run them against a database.")

_given = context.config.attributes.get("connection")
if _given is not None:
    _run(_given)
else:
    # The developer's command line (cases/alembic.ini): the database is named explicitly, never guessed.
    _url = context.get_x_argument(as_dictionary=True).get("url") or os.environ.get("RELAIS_DATABASE_URL")
    if not _url:
        raise SystemExit(
            "Name the database: RELAIS_DATABASE_URL=sqlite:///var/relais.db alembic -c cases/alembic.ini …"
        )
    _engine = make_engine(_url)
    with _engine.begin() as _connection:
        _run(_connection)
    _engine.dispose()
