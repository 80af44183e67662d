"""Nobody misses an urgent case: the supervisor's notification job (ops.notify) against a real database
(SQLite and PostgreSQL) and a real SMTP server on 127.0.0.1, with the clock given to each run."""

from __future__ import annotations

import dataclasses
import logging
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update

from cases.escalation import ESCALATED, ESCALATION_MAILED, NEW_CASE_MAILED
from cases.models import AuditEvent, Case
from cases.targets import due_at
from chamber import load_chamber
from ops.notify import NotificationJob, NotificationSchedule
from ops.settings import REPO_ROOT, Settings, SmtpSettings, free_port
from tests.integration.cases.conftest import make_draft
from tests.support.smtp import local_smtp_server

CHAMBER = "cma-generique"  # the default chamber: Mon-Fri 8h-17h Paris
ADVISORS = "conseillers@cma.test"
PUBLIC_URL = "https://relais.cma.test"
PASSWORD_HASH = "x" * 60


@pytest.fixture
def chambers():
    default = load_chamber()
    nord = load_chamber("cma-exemple-nord")
    return [dataclasses.replace(default, advisors_email=ADVISORS), nord]


@pytest.fixture
def make_job(database_url, chambers, monkeypatch):
    monkeypatch.setenv("RELAIS_PUBLIC_URL", PUBLIC_URL)
    jobs = []

    def make(smtp_port=None):
        smtp = (
            SmtpSettings("127.0.0.1", smtp_port, "relais@cma.test", security="none", timeout_s=5) if smtp_port else None
        )
        job = NotificationJob(Settings(database_url=database_url, smtp=smtp), chambers=chambers)
        jobs.append(job)
        return job

    yield make
    for job in jobs:
        job.close()


@pytest.fixture
def staff(accounts):
    accounts.create_user("sandrine@cma.test", "Sandrine", CHAMBER, "supervisor", PASSWORD_HASH)
    accounts.create_user("paul@cma.test", "Paul", CHAMBER, "supervisor", PASSWORD_HASH)
    accounts.create_user("camille@cma.test", "Camille", CHAMBER, "advisor", PASSWORD_HASH)
    accounts.create_user("nord@cma.test", "Nadia", "cma-exemple-nord", "supervisor", PASSWORD_HASH)
    return accounts.find_user_by_email("camille@cma.test")


def personal_data(draft) -> list[str]:
    """Every piece of the person's data the draft carries, as it could leak into a mail."""
    pieces = [draft.contact_name, draft.phone, draft.phone[3:], draft.email, draft.summary, draft.callback_slot]
    pieces += [str(v) for v in draft.situation.values() if len(str(v)) > 2]
    pieces += [why for whys in draft.reasons.values() for why in whys]
    pieces += [entry["text"] for entry in draft.transcript]
    return [p for p in pieces if p]


def audit_actions(engine, reference):
    with engine.connect() as connection:
        return [
            row.action
            for row in connection.execute(
                select(AuditEvent.action, AuditEvent.actor_label)
                .where(AuditEvent.case_reference == reference)
                .order_by(AuditEvent.id)
            )
        ]


def created_at(repository, draft):
    return repository.find_by_conversation(draft.conversation_id).created_at


def test_a_critical_case_nobody_takes_escalates_once_and_its_supervisors_are_mailed(
    repository, engine, staff, make_job
):
    draft = make_draft(chamber_id=CHAMBER, urgency="critique", distress=True)
    reference = repository.save_draft(draft)
    created = created_at(repository, draft)
    with local_smtp_server() as smtp:
        job = make_job(smtp.port)
        early = job.run_once(now=created + timedelta(minutes=14))  # the 15 minutes of grace are not over
        assert early.escalated == [] and early.escalation_mails == []
        assert [m.rcpt_tos for m in smtp.messages] == [[ADVISORS]]  # the new case, announced to the advisors

        report = job.run_once(now=created + timedelta(minutes=16))
        assert report.escalated == [reference]
        assert report.escalation_mails == [reference]
        escalations = [m for m in smtp.messages if "délai dépassé" in m.message["Subject"]]
        assert len(escalations) == 1
        mail = escalations[0]
        # The chamber's two supervisors, not its advisor, not another chamber's supervisor.
        assert sorted(mail.rcpt_tos) == ["paul@cma.test", "sandrine@cma.test"]
        assert mail.message["Subject"] == f"Dossier {reference} sans conseiller, délai dépassé"
        assert mail.message["Auto-Submitted"] == "auto-generated"
        assert reference in mail.body
        assert "urgence critique" in mail.body
        assert f"{PUBLIC_URL}/inbox/dossiers/{reference}" in mail.body
        raw = mail.message.as_string()
        for piece in personal_data(draft):
            assert piece not in raw and piece not in mail.body, f"personal data in the mail: {piece!r}"

        # Later runs: the escalation is neither recorded nor mailed again.
        count_before = len(smtp.messages)
        again = job.run_once(now=created + timedelta(minutes=45))
        assert again.escalated == [] and again.escalation_mails == []
        assert len(smtp.messages) == count_before
    actions = audit_actions(engine, reference)
    assert actions.count(ESCALATED) == 1
    assert actions.count(ESCALATION_MAILED) == 1


def test_a_case_taken_in_time_never_escalates(repository, staff, make_job):
    draft = make_draft(chamber_id=CHAMBER, urgency="critique")
    reference = repository.save_draft(draft)
    repository.take(reference, staff)
    job = make_job()
    assert job.run_once(now=created_at(repository, draft) + timedelta(hours=3)).escalated == []


def test_a_high_case_escalates_at_the_chambers_closing_time_not_before(repository, staff, make_job):
    draft = make_draft(chamber_id=CHAMBER, urgency="haute")
    reference = repository.save_draft(draft)
    created = created_at(repository, draft)
    hours = load_chamber().opening_hours
    due = due_at("haute", created, hours)
    job = make_job()
    assert job.run_once(now=due - timedelta(minutes=1)).escalated == []
    assert job.run_once(now=due + timedelta(minutes=1)).escalated == [reference]


def test_new_cases_are_mailed_once_to_the_advisors_address_with_nothing_personal(repository, engine, make_job):
    first = make_draft(chamber_id=CHAMBER, urgency="haute")
    second = make_draft(chamber_id=CHAMBER, urgency=None, categories=[], reasons={})
    elsewhere = make_draft(chamber_id="cma-exemple-nord", urgency="critique")  # no advisors' address there
    references = [repository.save_draft(d) for d in (first, second)]
    repository.save_draft(elsewhere)
    now = created_at(repository, second) + timedelta(minutes=1)
    with local_smtp_server() as smtp:
        job = make_job(smtp.port)
        report = job.run_once(now=now)
        assert report.new_case_mails == references
        assert [m.rcpt_tos for m in smtp.messages] == [[ADVISORS], [ADVISORS]]
        assert [m.message["Subject"] for m in smtp.messages] == [
            f"Nouveau dossier {references[0]} : urgence haute",
            f"Nouveau dossier {references[1]} : urgence non évaluée",
        ]
        for mail, draft, reference in zip(smtp.messages, (first, second), references, strict=True):
            assert f"Référence : {reference}" in mail.body
            assert f"{PUBLIC_URL}/inbox/dossiers/{reference}" in mail.body
            assert "aucune donnée personnelle" in mail.body
            raw = mail.message.as_string()
            for piece in personal_data(draft):
                assert piece not in raw and piece not in mail.body, f"personal data in the mail: {piece!r}"
        assert job.run_once(now=now + timedelta(minutes=1)).new_case_mails == []
        assert len(smtp.messages) == 2
    assert audit_actions(engine, references[0]).count(NEW_CASE_MAILED) == 1


def test_an_smtp_server_down_loses_no_case_and_no_mail(repository, engine, staff, make_job, caplog):
    draft = make_draft(chamber_id=CHAMBER, urgency="critique")
    reference = repository.save_draft(draft)
    created = created_at(repository, draft)
    port = free_port()  # nothing listens there yet
    job = make_job(port)
    with caplog.at_level(logging.WARNING, logger="ops.notify"):
        down = job.run_once(now=created + timedelta(minutes=20))
    # The case is stored and escalated (the inbox shows it); the mails wait.
    assert repository.find_by_conversation(draft.conversation_id).reference == reference
    assert down.escalated == [reference]
    assert down.failures >= 1 and down.escalation_mails == [] and down.new_case_mails == []
    assert "retried at the next run" in caplog.text
    assert NEW_CASE_MAILED not in audit_actions(engine, reference)

    with local_smtp_server(port=port) as smtp:
        back = job.run_once(now=created + timedelta(minutes=21))
        assert back.failures == 0
        assert back.escalation_mails == [reference] and back.new_case_mails == [reference]
        assert len(smtp.messages) == 2
    actions = audit_actions(engine, reference)
    assert actions.count(ESCALATED) == 1
    assert actions.count(ESCALATION_MAILED) == 1
    assert actions.count(NEW_CASE_MAILED) == 1


def test_without_smtp_escalations_are_still_recorded_and_nothing_is_mailed(repository, engine, make_job):
    draft = make_draft(chamber_id=CHAMBER, urgency="critique")
    reference = repository.save_draft(draft)
    report = make_job().run_once(now=created_at(repository, draft) + timedelta(hours=1))
    assert report.escalated == [reference]
    assert report.escalation_mails == [] and report.new_case_mails == [] and report.failures == 0
    assert audit_actions(engine, reference) == ["case.created", ESCALATED]


def age(engine, reference, minutes):
    at = datetime.now(timezone.utc) - timedelta(minutes=minutes)
    with engine.begin() as connection:
        connection.execute(update(Case).where(Case.reference == reference).values(created_at=at, updated_at=at))


def test_the_supervisor_runs_the_job_in_a_thread_of_its_own(repository, engine, database_url):
    reference = repository.save_draft(make_draft(chamber_id=CHAMBER, urgency="critique"))
    age(engine, reference, 60)
    schedule = NotificationSchedule(Settings(database_url=database_url), interval_s=0.2, first_after_s=0)
    schedule.start()
    try:
        deadline = time.monotonic() + 30
        while ESCALATED not in audit_actions(engine, reference):
            assert time.monotonic() < deadline, "the schedule never ran the job"
            time.sleep(0.1)
        runs = schedule.runs
        while schedule.runs < runs + 2:  # it keeps running, and records the escalation once
            assert time.monotonic() < deadline, "the schedule stopped running the job"
            time.sleep(0.1)
    finally:
        schedule.stop()
    assert audit_actions(engine, reference).count(ESCALATED) == 1


def test_python_m_ops_notify_runs_the_job_once(repository, engine, database_url):
    reference = repository.save_draft(make_draft(chamber_id=CHAMBER, urgency="critique"))
    age(engine, reference, 60)
    done = subprocess.run(
        [sys.executable, "-m", "ops", "notify"],
        cwd=REPO_ROOT,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("RELAIS_SMTP_")},
            "RELAIS_DATABASE_URL": database_url,
            "RELAIS_RASA_TOKEN": "t" * 32,
            "RELAIS_SESSION_SECRET": "s" * 48,
        },
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "escalated 1, supervisors mailed about 0, new cases mailed 0, failed mails 0" in done.stdout
    assert audit_actions(engine, reference).count(ESCALATED) == 1
