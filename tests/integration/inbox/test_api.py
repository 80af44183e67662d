from __future__ import annotations

from tests.integration.inbox.conftest import api_login, draft


def test_api_login_then_the_case_with_every_field(client, make_user, repository):
    sent = draft(
        urgency="haute",
        health_consent=True,
        categories=["sante", "banque"],
        reasons={"sante": ["opérée le mois dernier"], "banque": ["découvert coupé"]},
    )
    reference = repository.save_draft(sent)
    user = make_user()
    csrf = api_login(client, user.email)
    listed = client.get("/api/v1/cases").json()
    assert [c["reference"] for c in listed] == [reference]
    assert listed[0]["wait"]["target"] == "dans la journée"
    case = client.get(f"/api/v1/cases/{reference}").json()
    expected = {
        "reference": reference,
        "status": "nouveau",
        "urgency": "haute",
        "categories": ["sante", "banque"],
        "distress": False,
        "summary": sent.summary,
        "contact_name": "Inès",
        "departement": "75",
        "assignee": None,
        "chamber_id": "cma-generique",
        "reasons": sent.reasons,
        "situation": sent.situation,
        "guidance": sent.guidance,
        "phone": "+33612345678",
        "email": "ines@example.fr",
        "callback_slot": "jeudi 14h-16h",
        "consent": {"version": "2025-11-v1", "at": "2025-11-20T09:00:00+00:00", "health": True},
        "transcript": sent.transcript,
        "notes": [],
        "call_attempts": [],
        "first_contact_at": None,
        "closed_at": None,
        "erased_at": None,
        "next_statuses": ["en_cours", "en_attente", "clos"],
    }
    assert {k: case[k] for k in expected} == expected

    headers = {"X-CSRF-Token": csrf}
    taken = client.post(f"/api/v1/cases/{reference}/take", headers=headers).json()
    assert taken["status"] == "en_cours" and taken["assignee"]["email"] == user.email
    note = client.post(f"/api/v1/cases/{reference}/notes", json={"body": "à rappeler"}, headers=headers)
    assert note.status_code == 201 and note.json()["author"] == user.email
    call = client.post(f"/api/v1/cases/{reference}/calls", json={"outcome": "joint"}, headers=headers)
    assert call.status_code == 201
    closed = client.post(f"/api/v1/cases/{reference}/status", json={"status": "clos"}, headers=headers).json()
    assert closed["status"] == "clos" and closed["first_contact_at"] == call.json()["at"]
    refused = client.post(f"/api/v1/cases/{reference}/status", json={"status": "nouveau"}, headers=headers)
    assert refused.status_code == 409
    assert client.get("/api/v1/cases").json() == []  # closed: out of the default queue
    assert [c["reference"] for c in client.get("/api/v1/cases", params={"status": "clos"}).json()] == [reference]
    assert client.get("/api/v1/audit").status_code == 403  # supervisors only


def test_api_filters_and_validation(client, make_user, seed_case):
    user = make_user()
    api_login(client, user.email)
    impots = seed_case(categories=["impots"], reasons={}, urgency="basse")
    seed_case(categories=["banque"])
    assert [c["reference"] for c in client.get("/api/v1/cases", params={"category": "impots"}).json()] == [impots]
    assert [c["reference"] for c in client.get("/api/v1/cases", params={"urgency": "basse"}).json()] == [impots]
    for bad in ({"category": "nope"}, {"limit": 0}, {"assignee": "x"}, {"departement": "999"}, {"status": "ouvert"}):
        assert client.get("/api/v1/cases", params=bad).status_code == 422, bad
    assert client.get("/api/v1/cases/not-a-reference").status_code == 422
    assert client.get("/api/v1/cases/RL-ZZZZZZ").status_code == 404
    changes = client.get("/api/v1/cases/changes", params={"since": "2000-01-01T00:00:00+00:00"}).json()
    assert len(changes["cases"]) == 2
    for beyond_utc in ("0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"):
        assert client.get("/api/v1/cases/changes", params={"since": beyond_utc}).status_code == 422, beyond_utc


def test_supervisor_api_audit_stats_and_csv(client, make_user, seed_case):
    supervisor = make_user(role="supervisor")
    csrf = api_login(client, supervisor.email)
    reference = seed_case()
    client.get(f"/api/v1/cases/{reference}")
    events = client.get("/api/v1/audit", params={"case_reference": reference}).json()
    assert [e["action"] for e in events] == ["case.viewed", "case.created"]
    assert events[0]["actor"] == supervisor.email
    stats = client.get("/api/v1/stats", params={"weeks": 2}).json()
    assert stats["total"] == 1 and stats["urgency_mix"] == {"normale": 1}
    csv_text = client.get("/api/v1/stats/cases.csv").text
    assert reference in csv_text and "Inès" not in csv_text
    exported = client.get(f"/api/v1/cases/{reference}/personal-data").json()
    assert exported["phone"] == "+33612345678"
    erased = client.post(f"/api/v1/cases/{reference}/erase", headers={"X-CSRF-Token": csrf}).json()
    assert erased["contact_name"] is None and erased["status"] == "clos" and erased["erased_at"]


def test_openapi_document_describes_the_api_and_its_security(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["servers"] == [{"url": "/api/v1"}]
    schemes = document["components"]["securitySchemes"]
    assert {"HTTPBearer", "APIKeyCookie"} <= set(schemes)
    assert "/cases/{reference}" in document["paths"] and "/auth/login" in document["paths"]


def test_logout_through_the_api(client, make_user):
    user = make_user()
    csrf = api_login(client, user.email)
    assert client.get("/api/v1/me").json()["email"] == user.email
    assert client.post("/api/v1/auth/logout", headers={"X-CSRF-Token": csrf}).status_code == 204
    assert client.get("/api/v1/me").status_code == 401
