"""The time every process of Relais reads for what depends on it (opening hours, the live offer, the distress
reminder of a live wait), settable for tests with ``RELAIS_NOW`` (never in production: Settings refuses it).

``RELAIS_NOW`` is either an ISO 8601 date-time with its offset (``2026-12-02T10:00:00+01:00``): the clock starts
there when the process first reads it and runs on at the real pace; or ``file:/path``: the file holds such a
date-time and is read at every call, so a test moves the clock of running servers by rewriting it (a missing
or unreadable file gives the real time).
"""

from __future__ import annotations

import functools
import os
import time
from datetime import date, datetime, timedelta, timezone, tzinfo
from pathlib import Path

ENV_VAR = "RELAIS_NOW"


def _parse(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if moment.tzinfo is None or moment.utcoffset() is None:
        return None
    return moment.astimezone(timezone.utc)


@functools.lru_cache(maxsize=8)
def _anchor(text: str) -> tuple[datetime, float] | None:
    """The given moment and the monotonic time at which this process first read it."""
    moment = _parse(text)
    return (moment, time.monotonic()) if moment is not None else None


def now() -> datetime:
    """The current time, timezone-aware UTC: the real one unless ``RELAIS_NOW`` sets it."""
    given = os.environ.get(ENV_VAR, "").strip()
    if given.startswith("file:"):
        try:
            moment = _parse(Path(given[5:]).read_text(encoding="utf-8"))
        except OSError:
            moment = None
        return moment or datetime.now(timezone.utc)
    if given:
        anchor = _anchor(given)
        if anchor is not None:
            return anchor[0] + timedelta(seconds=time.monotonic() - anchor[1])
    return datetime.now(timezone.utc)


def today(zone: tzinfo) -> date:
    """The date it is now in ``zone`` (a chamber's time zone: its deadlines, its "aujourd'hui"), by this clock."""
    return now().astimezone(zone).date()


def is_set() -> bool:
    return bool(os.environ.get(ENV_VAR, "").strip())
