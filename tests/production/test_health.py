"""Every production process answers a health check, the public address routes to each part, and the
logs are JSON lines without personal data."""

from __future__ import annotations

import json

import pytest


def test_every_process_answers_its_readiness_check(system):
    for process in system.stack.processes.values():
        response = system.http.get(process.ready_url)
        assert response.status_code == 200, (process.name, response.status_code)


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/nginx-health", 200),  # nginx itself
        ("/healthz", 200),  # the web app is alive
        ("/readyz", 200),  # ... and reaches the cases database
        ("/demo/", 200),  # the widget's demo page
        ("/api/v1/cases", 401),  # the inbox API, closed without a token
        # Rasa's HTTP API is not published through nginx, even with the token.
        ("/conversations/anyone/tracker", 404),
        ("/status", 404),
    ],
)
def test_the_public_address_routes_each_part(system, path, expected):
    assert system.http.get(f"{system.public_url}{path}").status_code == expected


def test_demo_page_points_the_widget_at_nginx(system):
    page = system.http.get(f"{system.public_url}/demo/").text
    assert system.public_url in page


def test_the_inbox_api_works_through_nginx(system):
    response = system.api("GET", "/me")
    assert response.status_code == 200, response.text
    assert response.json()["role"] == "supervisor"


def test_every_process_reports_its_memory(system):
    for name, process in system.stack.processes.items():
        memory = process.memory_mb()
        assert memory is not None and memory > 1, name
    # A Rasa server holds its model: spaCy's French model and the classifiers (483 MB without TensorFlow, 2026-12-02).
    assert all(p.memory_mb() > 300 for p in system.stack.rasa_instances())
    assert "MB" in system.stack.report()


def test_a_conversation_to_a_case_leaves_no_personal_data_in_the_logs(system):
    artisan = system.artisan()
    artisan.walk_until(None)
    assert len(system.cases_of(artisan.sender)) == 1
    for name in ("actions-1", "actions-2", "web"):
        lines = [line for line in system.log(name).splitlines() if line.startswith("{")]
        assert lines, f"{name} wrote no JSON log line"
        for line in lines:
            record = json.loads(line)  # every structured line is valid JSON
            assert {"event", "level", "timestamp"} <= record.keys()
        log = system.log(name)
        for personal in ("06 12 34 56 78", "0612345678", "+33612345678", "Sophie", "l'urssaf me réclame"):
            assert personal not in log, (name, personal)
    access_log = (system.settings.var_dir / "logs" / "nginx-access.log").read_text()
    assert "/webhooks/rest/webhook" in access_log or access_log == ""  # buffered: may not be flushed yet
