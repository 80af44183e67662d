"""The attack surface of issue 15: the token off the command line, the action servers answering Rasa only,
no personal data in logs or SQL errors, files created private, rotated logs, the CSV export."""

from __future__ import annotations

import io
import logging
import stat
import uuid
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, exc, insert

from cases.db import make_engine
from inbox.exports import csv_export
from ops import logs as logmask
from ops.logs import rotate_logs
from ops.settings import Settings, write_private
from tests.e2e.test_walking_skeleton import walk_to_case
from tests.support.stack import new_conversation


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_rasas_token_is_not_on_any_command_line(stack):
    for process in stack.processes.values():
        cmdline = Path(f"/proc/{process.popen.pid}/cmdline").read_bytes().decode(errors="replace")
        assert stack.settings.rasa_token not in cmdline, process.name
        assert stack.settings.actions_token not in cmdline, process.name
    # ...and Rasa's API still wants it.
    tracker = f"{stack.settings.rasa_url}/conversations/someone/tracker"
    assert httpx.get(tracker).status_code == 401
    assert httpx.get(tracker, params={"token": stack.settings.rasa_token}).status_code == 200


def test_the_action_server_answers_rasa_only(stack, conversation):
    webhook = f"{stack.settings.actions_url}/webhook"
    call = {
        "next_action": "action_finish_handoff",
        "sender_id": "x",
        "tracker": {"sender_id": "x", "slots": {}, "latest_message": {}, "events": []},
        "domain": {},
        "version": "3.6.21",
    }
    assert httpx.post(webhook, json=call).status_code == 401
    assert httpx.post(webhook, json=call, headers={"X-Relais-Token": "guess"}).status_code == 401
    assert httpx.get(f"{stack.settings.actions_url}/actions").status_code == 401
    assert httpx.get(f"{stack.settings.actions_url}/health").status_code == 200
    # Rasa itself gets through: a turn runs custom actions (the welcome of action_session_start).
    assert conversation.say("bonjour")


def test_secrets_endpoints_and_logs_are_readable_by_their_owner_only(stack):
    var = stack.settings.var_dir
    assert _mode(var / "endpoints.yml") == 0o600
    for log in (var / "logs").glob("*.log"):
        assert _mode(log) == 0o600, log


def test_generated_secrets_are_created_private(tmp_path, monkeypatch):
    monkeypatch.delenv("RELAIS_RASA_TOKEN", raising=False)
    monkeypatch.delenv("RELAIS_SESSION_SECRET", raising=False)
    monkeypatch.setenv("RELAIS_ENV", "development")
    Settings.from_env(var_dir=tmp_path)
    assert _mode(tmp_path / "rasa_token") == 0o600 and _mode(tmp_path / "session_secret") == 0o600
    assert _mode(write_private(tmp_path / "x" / "y.yml", "a: 1")) == 0o600


def test_no_log_line_carries_what_the_artisan_gave(stack, http):
    conversation = new_conversation(http, stack.settings)
    walk_to_case(conversation, "l'urssaf me réclame trois trimestres et je n'arrive plus à payer")
    logs = "\n".join(p.read_text(errors="replace") for p in (stack.settings.var_dir / "logs").glob("*.log"))
    for personal in ("06 12 34 56 78", "+33612345678", "trois trimestres et je n'arrive plus"):
        assert personal not in logs


def test_log_records_are_masked_rasa_error_bodies_included():
    logmask.install()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger = logging.getLogger(f"test.logmask.{uuid.uuid4().hex}")
    logger.addHandler(handler)
    logger.propagate = False
    body = (
        '{"error": "boom", "request_body": {"tracker": {"latest_message": {"text": "je veux mourir"}, '
        '"slots": {"contact_name": "Sophie Martin", "phone": "+33612345678"}}}}'
    )
    logger.error("Failed to run custom action. Action server responded with %s", body)
    try:
        raise ValueError("user wrote 'marie@example.fr et 06 12 34 56 78'")
    except ValueError:
        logger.exception("turn failed")
    logger.error("x" * 5000)
    written = stream.getvalue()
    for personal in ("je veux mourir", "Sophie Martin", "+33612345678", "marie@example.fr", "06 12 34 56 78"):
        assert personal not in written
    assert "<masqué>" in written and "ValueError" in written and "[tronqué]" in written


def test_database_errors_do_not_carry_the_values(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    people = Table("people", MetaData(), Column("id", Integer, primary_key=True), Column("name", String, unique=True))
    people.metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(insert(people).values(name="Sophie Martin"))
    with pytest.raises(exc.IntegrityError) as error, engine.begin() as connection:
        connection.execute(insert(people).values(name="Sophie Martin"))
    assert "Sophie Martin" not in str(error.value)
    engine.dispose()


def test_logs_are_rotated_keeping_five_private_copies(tmp_path):
    log = tmp_path / "rasa.log"
    for round_ in range(7):
        with open(log, "a") as file:
            file.write(f"round {round_}\n" + "x" * 200)
        rotate_logs(tmp_path, max_bytes=100, backups=5)
    assert log.read_text() == ""
    copies = sorted(tmp_path.glob("rasa.log.*"))
    assert [p.name for p in copies] == [f"rasa.log.{n}" for n in range(1, 6)]
    assert (tmp_path / "rasa.log.1").read_text().startswith("round 6") and _mode(tmp_path / "rasa.log.1") == 0o600


def test_the_csv_export_leaves_empty_cells_empty_and_defuses_formulas():
    text = csv_export([{"reference": "RL-7K3Q9M", "departement": "", "clos_le": "", "note": "=HYPERLINK(1)"}])
    assert text.splitlines()[1] == "RL-7K3Q9M;;;'=HYPERLINK(1)"
