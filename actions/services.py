"""Process-wide objects of the action server, created once on first use."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from cases.db import make_engine, make_session_factory
from cases.outbox import CaseOutbox
from cases.repository import CaseRepository
from chamber import Chamber, load_chamber
from guidance import GuidanceEntry, load_knowledge_base

REPO_ROOT = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def chamber() -> Chamber:
    return load_chamber()


@lru_cache(maxsize=1)
def knowledge_base() -> tuple[GuidanceEntry, ...]:
    return load_knowledge_base()


@lru_cache(maxsize=1)
def case_outbox() -> CaseOutbox:
    """Cases go through a durable outbox: when the database is down they wait on disk, not in memory."""
    spool = Path(os.environ.get("RELAIS_OUTBOX_DIR", REPO_ROOT / "var" / "outbox"))
    repository = CaseRepository(make_session_factory(make_engine()))
    outbox = CaseOutbox(repository, spool_dir=spool)
    outbox.start_background_flush()
    return outbox


def tracker_retention_days() -> int:
    """How long Rasa keeps a conversation (RELAIS_TRACKER_RETENTION_DAYS, the purge's setting)."""
    try:
        days = int(os.environ.get("RELAIS_TRACKER_RETENTION_DAYS", "7"))
    except ValueError:
        return 7
    return days if days > 0 else 7
