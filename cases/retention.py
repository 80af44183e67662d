"""Storage limitation (RGPD art. 5) and the right to erasure: one policy, one code path.

``apply_retention`` is what ``python -m ops purge`` and ``python -m inbox purge`` both run (production every
24 h): a case's personal data is erased (anonymised: codes and dates stay for the statistics) when

- it was closed more than its chamber's ``retention_days`` ago, or
- it was created more than its chamber's ``max_case_age_days`` ago, open or not (a case nobody closed
  is not kept forever);

and Rasa's conversations are deleted after ``tracker_retention_days`` of silence (``RELAIS_TRACKER_RETENTION_DAYS``,
7), and at once when their case is erased, after counting them anonymously in the audit log. Nothing is
deleted from the cases: an anonymised case keeps its categories, urgency, département and dates, so the
statistics stay true. ``python -m inbox purge --older-than-days N`` replaces every chamber's
``retention_days`` for that run (the ``max_case_age_days`` limit still applies).

``run_retention`` applies it with every known chamber (chamber/configs/ and the deployment's own); both
command lines call it, and so does the schedule of ``make run`` and production.

``erase_everywhere`` erases one case at once everywhere it lives: the case, Rasa's conversation, and any
draft an action server spooled to disk while the database was down (the inbox, the CLI and the retention
all use it).
"""

from __future__ import annotations

import functools
import json
import logging
import os
from collections import Counter
from collections.abc import Iterable, Set
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, delete, func, inspect, select

from cases.audit import AuditLog
from cases.db import make_engine, make_session_factory, migrate
from cases.models import Case, User, utcnow
from cases.repository import CaseRepository

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

    from chamber import Chamber

log = logging.getLogger(__name__)

SYSTEM_ACTOR_LABEL = "system"
TRACKER_RETENTION_ENV = "RELAIS_TRACKER_RETENTION_DAYS"
DEFAULT_TRACKER_RETENTION_DAYS = 7


def tracker_retention_days() -> float:
    """Days of silence after which Rasa's conversation is deleted: what the purge applies and what the bot and
    the privacy notice say (a value that is not a positive number gives the default)."""
    try:
        days = float(os.environ.get(TRACKER_RETENTION_ENV) or DEFAULT_TRACKER_RETENTION_DAYS)
    except ValueError:
        return DEFAULT_TRACKER_RETENTION_DAYS
    return days if days > 0 else DEFAULT_TRACKER_RETENTION_DAYS


def _system_actor(chamber_id: str) -> User:
    """A user that exists only for the audit trail: the retention acts as "system", not as a person."""
    return User(id=None, email=SYSTEM_ACTOR_LABEL, name="Rétention", chamber_id=chamber_id, role="supervisor")


@functools.lru_cache(maxsize=1)
def _events() -> Table:
    """Rasa's SQL tracker store table (rasa.core.tracker_store.SQLTrackerStore.SQLEvent), read with Core."""
    return Table(
        "events",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("sender_id", String(255), nullable=False, index=True),
        Column("type_name", String(255), nullable=False),
        Column("timestamp", Float),
        Column("intent_name", String(255)),
        Column("action_name", String(255)),
        Column("data", Text),
    )


def _tracker_engine(url: str) -> Engine | None:
    engine = make_engine(url)
    if not inspect(engine).has_table("events"):
        engine.dispose()
        return None  # Rasa never ran against this store: nothing to purge
    return engine


@dataclass
class TrackerSummary:
    """What a tracker's last slot values say, without anything personal."""

    categories: list[str] = field(default_factory=list)
    urgency: str | None = None
    distress: bool = False
    case_reference: str | None = None


def _summaries(connection: Connection, sender_ids: list[str]) -> dict[str, TrackerSummary]:
    events = _events()
    wanted = {"difficulty_categories", "urgency", "distress", "case_reference"}
    summaries = {sender: TrackerSummary() for sender in sender_ids}
    rows = connection.execute(
        select(events.c.sender_id, events.c.data)
        .where(events.c.sender_id.in_(sender_ids), events.c.type_name == "slot")
        .order_by(events.c.id)
    )
    for sender, data in rows:
        try:
            event = json.loads(data or "{}")
        except ValueError:
            continue
        name = event.get("name")
        if name not in wanted:
            continue
        summary, value = summaries[sender], event.get("value")
        if name == "difficulty_categories":
            summary.categories = list(value or [])
        elif name == "urgency":
            summary.urgency = value
        elif name == "distress":
            summary.distress = bool(value)
        else:
            summary.case_reference = value
    return summaries


def _chunks(items: list[str], size: int = 500) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def delete_trackers(tracker_db_url: str, sender_ids: Iterable[str]) -> int:
    """Deletes every event of these conversations from Rasa's tracker store; returns how many events."""
    senders = sorted(set(sender_ids))
    engine = _tracker_engine(tracker_db_url)
    if engine is None or not senders:
        return 0
    events = _events()
    deleted = 0
    try:
        with engine.begin() as connection:
            for chunk in _chunks(senders):
                deleted += connection.execute(delete(events).where(events.c.sender_id.in_(chunk))).rowcount
    finally:
        engine.dispose()
    return deleted


@dataclass
class TrackerPurge:
    conversations: int = 0
    events: int = 0
    with_case: int = 0
    distress: int = 0
    primary_categories: Counter[str] = field(default_factory=Counter)
    urgencies: Counter[str] = field(default_factory=Counter)

    def statistics(self) -> dict[str, Any]:
        return {
            "conversations": self.conversations,
            "with_case": self.with_case,
            "distress": self.distress,
            "primary_categories": dict(sorted(self.primary_categories.items())),
            "urgencies": dict(sorted(self.urgencies.items())),
        }


def purge_trackers(
    tracker_db_url: str, older_than_days: float, erased_references: Set[str] = frozenset(), now: datetime | None = None
) -> TrackerPurge:
    """Deletes trackers idle for longer than the retention, and those of erased cases, counting them first."""
    report = TrackerPurge()
    engine = _tracker_engine(tracker_db_url)
    if engine is None:
        return report
    events = _events()
    cutoff = ((now or datetime.now(timezone.utc)) - timedelta(days=older_than_days)).timestamp()
    try:
        with engine.begin() as connection:
            idle = list(
                connection.execute(
                    select(events.c.sender_id)
                    .group_by(events.c.sender_id)
                    .having(func.max(events.c.timestamp) < cutoff)
                ).scalars()
            )
            doomed = set(idle)
            if erased_references:
                # An erased case's conversation: the tracker still holds what the artisan wrote.
                holding = connection.execute(
                    select(events.c.sender_id, events.c.data).where(
                        events.c.type_name == "slot", events.c.data.like('%"case_reference"%')
                    )
                )
                for sender, data in holding:
                    try:
                        event = json.loads(data or "{}")
                    except ValueError:
                        continue
                    if event.get("name") == "case_reference" and event.get("value") in erased_references:
                        doomed.add(sender)
            for chunk in _chunks(sorted(doomed)):
                for summary in _summaries(connection, chunk).values():
                    report.conversations += 1
                    report.with_case += summary.case_reference is not None
                    report.distress += summary.distress
                    report.primary_categories[summary.categories[0] if summary.categories else "aucune"] += 1
                    report.urgencies[summary.urgency or "non_evaluee"] += 1
                report.events += connection.execute(events.delete().where(events.c.sender_id.in_(chunk))).rowcount
    finally:
        engine.dispose()
    return report


# ------------------------------------------------------------------------------------------ erasure


def discard_spooled(outbox_dir: str | Path | None, conversation_id: str, reference: str) -> int:
    """Deletes the drafts of this conversation an action server spooled (its own folder, ``actions-N``,
    and ``rejected``); returns how many."""
    if not outbox_dir or not Path(outbox_dir).is_dir():
        return 0
    removed = 0
    for path in Path(outbox_dir).rglob("*.json"):
        try:
            draft = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(draft, dict) and (
            draft.get("conversation_id") == conversation_id or draft.get("reference") == reference
        ):
            path.unlink(missing_ok=True)
            removed += 1
    return removed


@dataclass
class Erasure:
    reference: str
    tracker_events: int = 0
    spooled_drafts: int = 0


def erase_everywhere(
    repository: CaseRepository, reference: str, actor: User, tracker_db_url: str | None, outbox_dir: str | Path | None
) -> Erasure:
    """Erases the person's data of one case (``CaseRepository.erase_personal_data``, audited under ``actor``),
    deletes its Rasa conversation and its spooled drafts. Raises CaseNotFound like the repository."""
    case = repository.get_case(reference, actor, record_view=False)
    conversation_id = case.conversation_id
    repository.erase_personal_data(reference, actor)
    erasure = Erasure(reference)
    if conversation_id.startswith("erased:"):
        return erasure
    if tracker_db_url:
        erasure.tracker_events = delete_trackers(tracker_db_url, [conversation_id])
    erasure.spooled_drafts = discard_spooled(outbox_dir, conversation_id, reference)
    return erasure


# ------------------------------------------------------------------------------------------ the policy


@dataclass
class PurgeReport:
    cases_anonymised: dict[str, int] = field(default_factory=dict)  # chamber id -> count
    open_cases_anonymised: dict[str, int] = field(default_factory=dict)  # of which never closed
    chambers_without_configuration: list[str] = field(default_factory=list)
    trackers: TrackerPurge = field(default_factory=TrackerPurge)

    def text(self) -> str:
        total, still_open = sum(self.cases_anonymised.values()), sum(self.open_cases_anonymised.values())
        lines = [f"{total} dossier(s) anonymisé(s) après leur durée de conservation, dont {still_open} jamais clos."]
        lines += [f"  {chamber} : {count}" for chamber, count in sorted(self.cases_anonymised.items()) if count]
        if self.chambers_without_configuration:
            lines.append(
                "Chambres sans configuration, non traitées : " + ", ".join(self.chambers_without_configuration)
            )
        lines.append(
            f"{self.trackers.conversations} conversation(s) supprimée(s) du suivi de Rasa "
            f"({self.trackers.events} événements), dont {self.trackers.with_case} avec un dossier."
        )
        return "\n".join(lines)


def apply_retention(
    database_url: str,
    tracker_db_url: str | None,
    tracker_retention_days: float,
    chambers: dict[str, Chamber],
    default_chamber_id: str,
    outbox_dir: str | Path | None = None,
    now: datetime | None = None,
    closed_retention_days: int | None = None,
) -> PurgeReport:
    """The one retention policy (module docstring). ``chambers``: id -> Chamber; ``closed_retention_days``
    replaces every chamber's ``retention_days`` (``python -m inbox purge --older-than-days``)."""
    now = now or utcnow()
    report = PurgeReport()
    migrate(database_url)
    engine = make_engine(database_url)
    try:
        sessions = make_session_factory(engine)
        repository, audit = CaseRepository(sessions), AuditLog(sessions)
        with sessions() as session:
            candidates = session.execute(
                select(Case.reference, Case.chamber_id, Case.status, Case.closed_at, Case.created_at).where(
                    Case.erased_at.is_(None)
                )
            ).all()
        unknown = set()
        for reference, chamber_id, status, closed_at, created_at in candidates:
            chamber = chambers.get(chamber_id)
            if chamber is None:
                unknown.add(chamber_id)
                continue
            closed_days = closed_retention_days if closed_retention_days is not None else chamber.retention_days
            closed_long_ago = (
                status == "clos" and closed_at is not None and closed_at < now - timedelta(days=closed_days)
            )
            too_old = created_at < now - timedelta(days=chamber.max_case_age_days)
            if not (closed_long_ago or too_old):
                continue
            erase_everywhere(repository, reference, _system_actor(chamber_id), tracker_db_url, outbox_dir)
            report.cases_anonymised[chamber_id] = report.cases_anonymised.get(chamber_id, 0) + 1
            if status != "clos":
                report.open_cases_anonymised[chamber_id] = report.open_cases_anonymised.get(chamber_id, 0) + 1
        report.chambers_without_configuration = sorted(unknown)
        for chamber_id, count in report.cases_anonymised.items():
            chamber = chambers[chamber_id]
            audit.record(
                _system_actor(chamber_id),
                "retention.cases_anonymised",
                chamber_id,
                None,
                {
                    "cases": count,
                    "never_closed": report.open_cases_anonymised.get(chamber_id, 0),
                    "retention_days": closed_retention_days or chamber.retention_days,
                    "max_case_age_days": chamber.max_case_age_days,
                },
            )

        if tracker_db_url:
            with sessions() as session:
                erased = set(session.execute(select(Case.reference).where(Case.erased_at.is_not(None))).scalars())
            report.trackers = purge_trackers(tracker_db_url, tracker_retention_days, erased, now)
            if report.trackers.conversations:
                audit.record(
                    _system_actor(default_chamber_id),
                    "retention.trackers_deleted",
                    default_chamber_id,
                    None,
                    {**report.trackers.statistics(), "retention_days": tracker_retention_days},
                )
    finally:
        engine.dispose()
    return report


def run_retention(
    database_url: str,
    tracker_db_url: str | None,
    tracker_retention_days: float,
    chamber_config: str | os.PathLike[str] | None,
    outbox_dir: str | Path | None,
    now: datetime | None = None,
    closed_retention_days: int | None = None,
) -> PurgeReport:
    """``apply_retention`` with every chamber of chamber/configs/ and the deployment's own (``chamber_config``,
    the default chamber): what ``python -m bot purge`` and ``python -m inbox purge`` run."""
    from chamber import load_all_chambers, load_chamber

    default_chamber = load_chamber(chamber_config)
    chambers = {c.id: c for c in load_all_chambers()}
    chambers.setdefault(default_chamber.id, default_chamber)
    return apply_retention(
        database_url,
        tracker_db_url,
        tracker_retention_days,
        chambers,
        default_chamber.id,
        outbox_dir,
        now,
        closed_retention_days,
    )
