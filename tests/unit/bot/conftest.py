"""Helpers shared by the store tests: temporary tracker databases, worker processes taking turns."""

from __future__ import annotations

import contextlib
import multiprocessing
from collections.abc import Callable, Iterator
from pathlib import Path

from cases.testing import postgres_url_for_schema, temporary_schemas


@contextlib.contextmanager
def temporary_tracker_db(backend: str, tmp_path: Path, name: str) -> Iterator[str]:
    """The URL of an empty database for Rasa's tracker store: a SQLite file, or a throw-away schema."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / f'{name}.db'}"
        return
    with temporary_schemas(f"relais_test_{name}") as (schema,):
        yield postgres_url_for_schema(schema)


def spans_of_forked_workers(target: Callable, args: tuple, workers: int = 2) -> tuple[list, list[int]]:
    """Runs ``target(*args, queue)`` in worker processes forked as Sanic forks its own; returns the
    (start, end) spans they put on the queue, sorted, and the workers' exit codes."""
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    processes = [context.Process(target=target, args=(*args, results)) for _ in range(workers)]
    for process in processes:
        process.start()
    spans = sorted(span for _ in processes for span in results.get(timeout=60))
    for process in processes:
        process.join(10)
    return spans, [process.exitcode for process in processes]
