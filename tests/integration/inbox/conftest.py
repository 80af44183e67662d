"""The inbox app on a real database (SQLite and PostgreSQL), driven through Starlette's TestClient."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from itertools import count

import pytest
from fastapi.testclient import TestClient

from cases.db import make_engine
from cases.drafts import CaseDraft
from cases.reference import new_reference
from cases.testing import BACKENDS, empty_all_tables, temporary_database
from inbox.app import create_app
from inbox.security import hash_password
from ops.settings import Settings

CHAMBER = "cma-generique"  # the default chamber (chamber/configs/default.yml)
OTHER_CHAMBER = "cma-exemple-nord"
PASSWORD = "un mot de passe de test"


@pytest.fixture(scope="session", params=BACKENDS)
def inbox_database_url(request, tmp_path_factory):
    with temporary_database(request.param, tmp_path_factory.mktemp("inbox-db")) as url:
        yield url


@pytest.fixture(scope="session")
def session_app(inbox_database_url):
    settings = Settings(database_url=inbox_database_url, session_secret="s" * 48, env="development")
    return create_app(settings)


@pytest.fixture
def app(session_app, inbox_database_url):
    engine = make_engine(inbox_database_url)
    empty_all_tables(engine)
    engine.dispose()
    session_app.state.context.throttle.reset()
    return session_app


@pytest.fixture
def repository(app):
    return app.state.context.repository


@pytest.fixture
def accounts(app):
    return app.state.context.accounts


@pytest.fixture
def audit(app):
    return app.state.context.audit


@pytest.fixture
def client(app):
    with TestClient(app, base_url="http://testserver") as test_client:
        yield test_client


@pytest.fixture
def new_client(app):
    clients = []

    def make():
        test_client = TestClient(app, base_url="http://testserver")
        clients.append(test_client)
        return test_client

    yield make
    for test_client in clients:
        test_client.close()


_numbers = count(1)


@pytest.fixture
def make_user(accounts):
    def make(email=None, chamber=CHAMBER, role="advisor", name=None):
        number = next(_numbers)
        email = email or f"conseiller{number}@cma.test"
        return accounts.create_user(email, name or f"Conseiller {number}", chamber, role, hash_password(PASSWORD))

    return make


def csrf_from(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def page_login(client, email, password=PASSWORD, next_url="/inbox"):
    token = csrf_from(client.get("/login").text)
    return client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": token, "suivant": next_url},
        follow_redirects=False,
    )


def api_login(client, email, password=PASSWORD):
    response = client.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    return response.json()["csrf_token"]


@pytest.fixture
def logged_in(new_client, make_user):
    """A client logged in through the login page, and its user."""

    def make(chamber=CHAMBER, role="advisor"):
        user = make_user(chamber=chamber, role=role)
        test_client = new_client()
        response = page_login(test_client, user.email)
        assert response.status_code == 303, response.text
        return test_client, user

    return make


_conversations = count(1)


def draft(**overrides) -> CaseDraft:
    values = dict(
        conversation_id=f"inbox-conversation-{next(_conversations)}",
        reference=new_reference(),
        chamber_id=CHAMBER,
        categories=["banque"],
        urgency="normale",
        distress=False,
        reasons={"banque": ["ma banque a coupé le découvert"]},
        summary="Menuisière, 2 salariés : découvert supprimé, salaires du mois menacés.",
        situation={"trade": "menuisière", "employees": "2", "departement": "75"},
        guidance=[
            {
                "id": "mediation-credit",
                "name": "Médiation du crédit",
                "link": "https://mediateur-credit.banque-france.fr",
            }
        ],
        contact_name="Inès",
        phone="+33612345678",
        email="ines@example.fr",
        callback_slot="jeudi 14h-16h",
        departement="75",
        consent_version="2025-11-v1",
        consent_at=datetime(2025, 11, 20, 9, 0, tzinfo=timezone.utc),
        health_consent=False,
        transcript=[
            {"sender": "artisan", "text": "ma banque a coupé mon découvert", "at": "2025-11-20T08:58:00+00:00"},
            {
                "sender": "bot",
                "text": "Je comprends, c'est une situation difficile.",
                "at": "2025-11-20T08:58:01+00:00",
            },
        ],
    )
    values.update(overrides)
    return CaseDraft(**values)


@pytest.fixture
def seed_case(repository):
    def seed(**overrides) -> str:
        return repository.save_draft(draft(**overrides))

    return seed
