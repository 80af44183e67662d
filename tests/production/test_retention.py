"""Retention and the rights of the person, against SQLite and PostgreSQL: closed cases anonymised after their
chamber's retention (statistics kept), idle Rasa trackers deleted with anonymous counts kept, and the CLI's
export and erasure of one case, audited."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from itertools import count
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from cases.accounts import AccountRepository
from cases.db import make_engine, make_session_factory
from cases.drafts import CaseDraft
from cases.models import AuditEvent, Case, User
from cases.reference import new_reference
from cases.repository import CaseRepository
from cases.retention import purge_trackers
from cases.statistics import StatisticsRepository
from cases.testing import BACKENDS, temporary_database
from chamber import load_chamber
from ops.production import PurgeSchedule, purge
from ops.settings import REPO_ROOT, Settings

NOW = datetime.now(timezone.utc)
CHAMBER = load_chamber()  # retention_days: 90 in the default configuration
SUPERVISOR = "superviseur@cma.test"
ADVISOR = "conseiller@cma.test"
_numbers = count(1)


@pytest.fixture(params=BACKENDS)
def stores(request, tmp_path):
    """A migrated cases database and an empty tracker store of the same kind (a schema or a file)."""
    with (
        temporary_database(request.param, tmp_path) as cases_url,
        temporary_database(request.param, tmp_path) as tracker_url,
    ):
        yield cases_url, tracker_url


@pytest.fixture
def repository(stores):
    engine = make_engine(stores[0])
    yield CaseRepository(make_session_factory(engine))
    engine.dispose()


def settings_for(stores, tmp_path: Path, tracker_retention_days: int = 7) -> Settings:
    return Settings(
        env="development",
        var_dir=tmp_path,
        database_url=stores[0],
        tracker_db_url=stores[1],
        rasa_token="t" * 32,
        session_secret="s" * 48,
        tracker_retention_days=tracker_retention_days,
    )


def create_case(repository: CaseRepository, chamber_id: str = CHAMBER.id, conversation_id: str | None = None) -> str:
    return repository.save_draft(
        CaseDraft(
            conversation_id=conversation_id or f"conversation-{next(_numbers)}",
            reference=new_reference(),
            chamber_id=chamber_id,
            categories=["banque", "tresorerie"],
            urgency="haute",
            reasons={"banque": ["découvert coupé"]},
            summary="Menuisier, découvert coupé par la banque.",
            situation={"trade": "menuisier"},
            contact_name="Éloïse",
            phone="+33612345678",
            email="eloise@example.fr",
            callback_slot="le matin",
            departement="59",
            consent_version="v1",
            consent_at=NOW,
            transcript=[
                {"sender": "artisan", "text": "ma banque me coupe le découvert, 06 12 34 56 78", "at": NOW.isoformat()}
            ],
        )
    )


def close(repository: CaseRepository, reference: str, days_ago: float) -> None:
    with repository._session_factory() as session, session.begin():
        session.execute(
            update(Case)
            .where(Case.reference == reference)
            .values(status="clos", closed_at=NOW - timedelta(days=days_ago))
        )


def case(repository: CaseRepository, reference: str) -> Case:
    with repository._session_factory() as session:
        return session.execute(select(Case).where(Case.reference == reference)).scalar_one()


def audit(repository: CaseRepository, action: str) -> list[AuditEvent]:
    with repository._session_factory() as session:
        return list(session.execute(select(AuditEvent).where(AuditEvent.action == action)).scalars())


def save_trackers(tracker_url: str, conversations: dict[str, list]) -> None:
    """Writes trackers with Rasa's own SQL tracker store, so the purge is tested against Rasa's schema."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    store = SQLTrackerStore(Domain.empty(), host=tracker_url)
    for sender, events in conversations.items():
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))
    store.engine.dispose()


def tracker_senders(tracker_url: str) -> set[str]:
    engine = make_engine(tracker_url)
    with engine.connect() as connection:
        senders = set(connection.execute(text("SELECT DISTINCT sender_id FROM events")).scalars())
    engine.dispose()
    return senders


def conversation(days_ago: float, *slots: tuple[str, object], last_days_ago: float | None = None) -> list:
    from rasa.shared.core.events import BotUttered, SlotSet, UserUttered

    started = (NOW - timedelta(days=days_ago)).timestamp()
    ended = (NOW - timedelta(days=last_days_ago if last_days_ago is not None else days_ago)).timestamp()
    events = [UserUttered("ma banque me coupe le découvert", timestamp=started)]
    events += [SlotSet(name, value, timestamp=started + 1) for name, value in slots]
    events.append(BotUttered("Je comprends.", timestamp=ended))
    return events


# ------------------------------------------------------------------------------------------- cases


def test_closed_cases_are_anonymised_after_the_chamber_retention(stores, repository, tmp_path):
    expired, recent, still_open = (create_case(repository) for _ in range(3))
    elsewhere = create_case(repository, chamber_id="cma-inconnue")
    close(repository, expired, days_ago=CHAMBER.retention_days + 1)
    close(repository, recent, days_ago=CHAMBER.retention_days - 1)
    close(repository, elsewhere, days_ago=1000)

    report = purge(settings_for(stores, tmp_path))

    assert report.cases_anonymised == {CHAMBER.id: 1}
    assert report.chambers_without_configuration == ["cma-inconnue"]
    gone = case(repository, expired)
    assert (gone.contact_name, gone.phone, gone.email, gone.summary, gone.transcript) == (None, None, None, "", [])
    assert gone.erased_at is not None
    # What statistics need stays: codes, dates, département.
    assert (gone.categories, gone.urgency, gone.departement, gone.status) == (
        ["banque", "tresorerie"],
        "haute",
        "59",
        "clos",
    )
    for kept in (recent, still_open, elsewhere):
        assert case(repository, kept).phone == "+33612345678"
    erasures = audit(repository, "case.personal_data_erased")
    assert [(e.case_reference, e.actor_label) for e in erasures] == [(expired, "system")]
    assert audit(repository, "retention.cases_anonymised")[0].detail == {
        "cases": 1,
        "never_closed": 0,
        "retention_days": CHAMBER.retention_days,
        "max_case_age_days": CHAMBER.max_case_age_days,
    }

    # Run again: nothing more to do, and nothing audited twice.
    assert purge(settings_for(stores, tmp_path)).cases_anonymised == {}
    assert len(audit(repository, "case.personal_data_erased")) == 1


def test_anonymised_cases_still_count_in_the_statistics(stores, repository, tmp_path):
    reference = create_case(repository)
    close(repository, reference, days_ago=CHAMBER.retention_days + 30)
    purge(settings_for(stores, tmp_path))
    supervisor = User(id=None, email=SUPERVISOR, chamber_id=CHAMBER.id, role="supervisor")
    rows = StatisticsRepository(repository._session_factory).export_rows(supervisor, record=False)
    assert [(r["reference"], r["categorie_principale"], r["urgence"]) for r in rows] == [(reference, "banque", "haute")]


# ------------------------------------------------------------------------------------------- trackers


def test_idle_trackers_are_deleted_and_counted_anonymously(stores, repository, tmp_path):
    erased = create_case(repository)
    close(repository, erased, days_ago=CHAMBER.retention_days + 1)  # its case is anonymised by this purge
    save_trackers(
        stores[1],
        {
            "idle": conversation(10, ("difficulty_categories", ["banque"]), ("urgency", "haute"), ("distress", False)),
            "idle-with-case": conversation(30, ("difficulty_categories", ["impots"]), ("case_reference", "RL-0000AA")),
            "fresh": conversation(1, ("difficulty_categories", ["banque"])),
            "old-but-active": conversation(20, ("urgency", "normale"), last_days_ago=2),
            "erased-case": conversation(1, ("case_reference", erased)),
        },
    )

    report = purge(settings_for(stores, tmp_path, tracker_retention_days=7))

    assert tracker_senders(stores[1]) == {"fresh", "old-but-active"}
    assert report.trackers.statistics() == {
        "conversations": 3,
        "with_case": 2,
        "distress": 0,
        "primary_categories": {"aucune": 1, "banque": 1, "impots": 1},
        "urgencies": {"haute": 1, "non_evaluee": 2},
    }
    [event] = audit(repository, "retention.trackers_deleted")
    assert event.detail["conversations"] == 3 and event.detail["retention_days"] == 7
    assert event.actor_label == "system"
    assert "RL-" not in json.dumps(event.detail) and "découvert" not in json.dumps(event.detail)


def test_a_tracker_store_rasa_never_used_is_left_alone(stores):
    report = purge_trackers(stores[1], older_than_days=0)
    assert report.conversations == 0


# ------------------------------------------------------------------------------------------- the CLI


def run_cli(stores, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "RELAIS_ENV": "development",
        "RELAIS_DATABASE_URL": stores[0],
        "RELAIS_TRACKER_DB_URL": stores[1],
        "RELAIS_RASA_TOKEN": "t" * 32,
        "RELAIS_SESSION_SECRET": "s" * 48,
    }
    return subprocess.run(
        [sys.executable, "-m", "ops", *args],
        input=stdin,
        text=True,
        capture_output=True,
        cwd=REPO_ROOT,
        env=env,
        check=False,
    )


@pytest.fixture
def accounts(repository):
    for email, role in ((SUPERVISOR, "supervisor"), (ADVISOR, "advisor")):
        AccountRepository(repository._session_factory).create_user(
            email, email.split("@")[0], CHAMBER.id, role, "not-a-real-hash"
        )


def test_cli_exports_one_persons_data_audited(stores, repository, accounts, tmp_path):
    reference = create_case(repository)
    out = tmp_path / "export.json"

    done = run_cli(stores, "export-personal-data", reference, "--supervisor", SUPERVISOR, "--out", str(out))

    assert done.returncode == 0, done.stderr
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert (exported["reference"], exported["phone"], exported["contact_name"]) == (reference, "+33612345678", "Éloïse")
    assert out.stat().st_mode & 0o077 == 0  # readable by its owner only
    [event] = audit(repository, "case.personal_data_exported")
    assert (event.case_reference, event.actor_label) == (reference, SUPERVISOR)


def test_cli_erases_one_persons_data_and_conversation_audited(stores, repository, accounts):
    reference = create_case(repository, conversation_id="to-erase")
    save_trackers(stores[1], {"to-erase": conversation(0), "someone-else": conversation(0)})

    done = run_cli(stores, "erase-personal-data", reference, "--supervisor", SUPERVISOR, "--yes")

    assert done.returncode == 0, done.stderr
    assert "effacées" in done.stdout
    erased = case(repository, reference)
    assert (erased.phone, erased.contact_name, erased.transcript, erased.status) == (None, None, [], "clos")
    assert tracker_senders(stores[1]) == {"someone-else"}
    [event] = audit(repository, "case.personal_data_erased")
    assert (event.case_reference, event.actor_label) == (reference, SUPERVISOR)


@pytest.mark.parametrize(
    "who, reference, message",
    [
        (ADVISOR, None, "Aucun compte superviseur actif"),  # an advisor may not
        ("personne@cma.test", None, "Aucun compte superviseur actif"),
        (SUPERVISOR, "RL-ZZZZZZ", "Aucun dossier RL-ZZZZZZ"),
    ],
    ids=["advisor", "unknown-account", "unknown-case"],
)
def test_cli_refuses_what_it_may_not_do(stores, repository, accounts, who, reference, message):
    existing = create_case(repository)
    for command, confirm in (("export-personal-data", ()), ("erase-personal-data", ("--yes",))):
        done = run_cli(stores, command, reference or existing, "--supervisor", who, *confirm)
        assert done.returncode == 1
        assert message in done.stderr
    assert case(repository, existing).phone == "+33612345678"  # untouched


def test_cli_erasure_asks_for_confirmation(stores, repository, accounts):
    reference = create_case(repository)
    done = run_cli(stores, "erase-personal-data", reference, "--supervisor", SUPERVISOR, stdin="n\n")
    assert done.returncode == 1 and "Rien n'a été effacé" in done.stdout
    assert case(repository, reference).phone == "+33612345678"


def test_purge_command_and_its_schedule(stores, repository, tmp_path):
    reference = create_case(repository)
    close(repository, reference, days_ago=CHAMBER.retention_days + 1)
    settings = settings_for(stores, tmp_path)
    (tmp_path / "logs").mkdir()
    schedule = PurgeSchedule(settings, interval_hours=24, first_after_s=0.1)
    schedule.start()
    try:
        log = tmp_path / "logs" / "purge.log"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and "conversation(s)" not in (log.read_text() if log.exists() else ""):
            time.sleep(0.5)
    finally:
        schedule.stop()
    assert "1 dossier(s) anonymisé(s)" in log.read_text()
    assert case(repository, reference).phone is None
