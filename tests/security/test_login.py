"""Login: throttling without lockout as a weapon, alike for known and unknown accounts, a supervisor can
unlock; sessions end after an absolute lifetime; HSTS where TLS ends (issue 15)."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from inbox import auth
from tests.integration.inbox.conftest import api_login, page_login

WRONG = "pas le bon mot de passe"


@pytest.fixture
def from_address(app):
    clients = []

    def make(address: str) -> TestClient:
        client = TestClient(app, base_url="http://testserver", client=(address, 40000))
        clients.append(client.__enter__())
        return clients[-1]

    yield make
    for client in clients:
        client.__exit__(None, None, None)


def test_someone_guessing_an_advisors_password_does_not_keep_the_advisor_out(make_user, from_address):
    advisor = make_user()
    attacker = from_address("203.0.113.7")
    assert [page_login(attacker, advisor.email, WRONG).status_code for _ in range(30)][-1] == 429
    office = from_address("198.51.100.20")
    assert page_login(office, advisor.email).status_code == 303  # the right password, from a good address


def test_many_addresses_guessing_one_account_get_one_try_each_and_the_owner_still_logs_in(make_user, from_address):
    advisor = make_user()
    for n in range(30):
        assert page_login(from_address(f"203.0.113.{n + 1}"), advisor.email, WRONG).status_code == 401
    late = from_address("203.0.113.99")
    assert [page_login(late, advisor.email, WRONG).status_code for _ in range(2)] == [401, 429]
    assert page_login(from_address("198.51.100.20"), advisor.email).status_code == 303


def test_known_and_unknown_accounts_answer_alike(make_user, from_address):
    known = make_user()
    statuses = {}
    for email, address in ((known.email, "203.0.113.30"), ("personne@cma.test", "203.0.113.31")):
        client = from_address(address)
        statuses[email] = [
            client.post("/api/v1/auth/login", json={"email": email, "password": WRONG}).status_code for _ in range(7)
        ]
        statuses[email + " page"] = [page_login(client, email, WRONG).status_code]
    assert statuses[known.email] == statuses["personne@cma.test"] == [401] * 5 + [429] * 2
    assert statuses[known.email + " page"] == statuses["personne@cma.test page"] == [429]


def test_a_supervisor_unlocks_an_account(make_user, from_address, audit):
    advisor = make_user()
    shared = from_address("203.0.113.40")  # the advisor's own office made the mistakes
    assert [page_login(shared, advisor.email, WRONG).status_code for _ in range(6)][-1] == 429
    chief = make_user(role="supervisor")
    boss = from_address("198.51.100.41")
    csrf = api_login(boss, chief.email)
    other_chamber = make_user(chamber="cma-exemple-nord")
    assert boss.post(f"/api/v1/users/{other_chamber.id}/unlock", headers={"X-CSRF-Token": csrf}).status_code == 404
    colleague = from_address("198.51.100.42")
    colleague_csrf = api_login(colleague, make_user().email)
    assert (
        colleague.post(f"/api/v1/users/{advisor.id}/unlock", headers={"X-CSRF-Token": colleague_csrf}).status_code
        == 403
    )
    assert boss.post(f"/api/v1/users/{advisor.id}/unlock", headers={"X-CSRF-Token": csrf}).status_code == 204
    assert page_login(shared, advisor.email).status_code == 303
    assert "user.unlocked" in [e.action for e in audit.entries(chief)]


def test_a_session_ends_after_its_absolute_lifetime_however_active(make_user, from_address, monkeypatch):
    advisor = make_user()
    client = from_address("198.51.100.50")
    assert page_login(client, advisor.email).status_code == 303
    assert client.get("/inbox", follow_redirects=False).status_code == 200
    later = time.time() + auth.SESSION_ABSOLUTE_S + 60
    monkeypatch.setattr(auth.time, "time", lambda: later)
    assert client.get("/inbox", follow_redirects=False).status_code == 303  # back to the login page


def test_hsts_is_sent_when_the_request_came_over_https(app, make_user):
    with (
        TestClient(app, base_url="https://testserver") as secure,
        TestClient(app, base_url="http://testserver") as plain,
    ):
        assert secure.get("/login").headers.get("strict-transport-security", "").startswith("max-age=31536000")
        assert "strict-transport-security" not in plain.get("/login").headers


def test_a_supervisor_unlocks_from_the_journal_page(make_user, from_address):
    from tests.integration.inbox.conftest import csrf_from

    advisor = make_user()
    shared = from_address("203.0.113.60")
    assert [page_login(shared, advisor.email, WRONG).status_code for _ in range(6)][-1] == 429
    chief = make_user(role="supervisor")
    boss = from_address("198.51.100.61")
    assert page_login(boss, chief.email).status_code == 303
    journal = boss.get("/inbox/journal")
    assert f"/inbox/comptes/{advisor.id}/debloquer" in journal.text
    done = boss.post(
        f"/inbox/comptes/{advisor.id}/debloquer", data={"csrf_token": csrf_from(journal.text)}, follow_redirects=False
    )
    assert done.status_code == 303
    assert page_login(shared, advisor.email).status_code == 303
    refused = boss.post(f"/inbox/comptes/{advisor.id}/debloquer", data={}, follow_redirects=False)
    assert refused.status_code in (303, 403)  # no CSRF token: nothing done
