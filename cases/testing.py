"""Throw-away migrated databases for tests (used by the cases and inbox test suites, and welcome elsewhere).

``temporary_database("sqlite", tmp_dir)`` or ``temporary_database("postgresql")`` yields a URL to a fresh,
migrated database: a file for SQLite, a uniquely named schema in ``RELAIS_TEST_POSTGRES_URL`` (default
``postgresql+psycopg2://postgres@127.0.0.1:5432/test``) for PostgreSQL, dropped afterwards.
``temporary_schemas(prefix, ...)`` gives bare schemas (Rasa's tracker store makes its own tables).
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Engine, make_url

from cases.db import make_engine, migrate
from cases.models import Base

if TYPE_CHECKING:
    import socket

TEST_POSTGRES_URL = os.environ.get("RELAIS_TEST_POSTGRES_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/test")
BACKENDS = ("sqlite", "postgresql")


def postgres_url_for_schema(schema: str, base_url: str = TEST_POSTGRES_URL) -> str:
    url = make_url(base_url)
    query = dict(url.query)
    query["options"] = f"-csearch_path={schema}"
    return str(url.set(query=query))


@contextlib.contextmanager
def temporary_database(backend: str, tmp_dir: Path | None = None) -> Iterator[str]:
    if backend == "sqlite":
        directory = Path(tmp_dir) if tmp_dir else Path(os.environ.get("TMPDIR", "/tmp"))
        path = directory / f"relais-test-{uuid.uuid4().hex[:10]}.db"
        url = f"sqlite:///{path}"
        migrate(url)
        try:
            yield url
        finally:
            for suffix in ("", "-wal", "-shm", ".migrate-lock"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    if backend != "postgresql":
        raise ValueError(f"unknown backend {backend!r}")
    with temporary_schemas("relais_test") as (schema,):
        url = postgres_url_for_schema(schema)
        migrate(url)
        yield url


@contextlib.contextmanager
def temporary_schemas(*prefixes: str) -> Iterator[tuple[str, ...]]:
    """One new, uniquely named schema per prefix in ``TEST_POSTGRES_URL``'s database, dropped afterwards."""
    schemas = tuple(f"{prefix}_{uuid.uuid4().hex[:12]}" for prefix in prefixes)
    admin = make_engine(TEST_POSTGRES_URL)
    try:
        with admin.begin() as connection:
            for schema in schemas:
                connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield schemas
    finally:
        with admin.begin() as connection:
            for schema in schemas:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def empty_all_tables(engine: Engine) -> None:
    """Delete every row (keeps the schema and its migration version): isolation between tests."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(Base.metadata.sorted_tables):
                connection.execute(table.delete())


class TcpProxy:
    """A TCP forwarder to a database that a test can cut and restore, like a server being killed.

    ``stop()`` closes the listening socket and every open connection (clients see a broken connection,
    then "connection refused"); ``start()`` listens again on the same port.
    """

    def __init__(self, target_host: str, target_port: int, listen_port: int = 0) -> None:
        import socket
        import threading

        self._socket_module = socket
        self._threading = threading
        self.target = (target_host, target_port)
        self.port = listen_port
        self._listener: socket.socket | None = None
        self._connections: list[socket.socket] = []
        self._lock = threading.Lock()

    def start(self) -> TcpProxy:
        socket = self._socket_module
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def stop(self) -> None:
        socket = self._socket_module
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        with self._lock:
            connections, self._connections = self._connections, []
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            connection.close()

    def _accept(self, listener: socket.socket) -> None:
        socket = self._socket_module
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                self._threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.close()
