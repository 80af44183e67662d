"""Process-wide objects of the action server, created once on first use."""

from __future__ import annotations

import os
from datetime import date
from functools import lru_cache
from pathlib import Path

from cases import retention
from cases.db import make_engine, make_session_factory
from cases.live import LiveRepository
from cases.outbox import CaseOutbox
from cases.repository import CaseRepository
from chamber import Chamber, load_chamber
from guidance import GuidanceEntry, load_knowledge_base
from ops import clock
from ops.settings import VAR_DIR, database_url


@lru_cache(maxsize=1)
def chamber() -> Chamber:
    return load_chamber()


def chamber_today() -> date:
    """The chamber's date now: what "demain" or "vendredi" in a deadline counts from, not the server's date."""
    return clock.today(chamber().timezone)


@lru_cache(maxsize=1)
def knowledge_base() -> tuple[GuidanceEntry, ...]:
    return load_knowledge_base()


@lru_cache(maxsize=1)
def case_outbox() -> CaseOutbox:
    """Cases go through a durable outbox: when the database is down they wait on disk, not in memory."""
    spool = Path(os.environ.get("RELAIS_OUTBOX_DIR", VAR_DIR / "outbox"))
    repository = CaseRepository(make_session_factory(make_engine(database_url())))
    outbox = CaseOutbox(repository, spool_dir=spool)
    outbox.start_background_flush()
    return outbox


@lru_cache(maxsize=1)
def live_repository() -> LiveRepository:
    """The live chat's store (cases.live): the advisors' presence for the offer, the artisan's live request."""
    return LiveRepository(make_session_factory(make_engine(database_url())))


def tracker_retention_days() -> int:
    """How long Rasa keeps a conversation (RELAIS_TRACKER_RETENTION_DAYS, the purge's setting)."""
    return int(retention.tracker_retention_days())
