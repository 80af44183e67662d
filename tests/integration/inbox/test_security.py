from __future__ import annotations

import pytest
from fastapi.routing import APIRoute
from starlette.routing import Mount

from ops.settings import ConfigurationError, Settings
from tests.integration.inbox.conftest import CHAMBER, OTHER_CHAMBER, PASSWORD, api_login, csrf_from, page_login

# Open on purpose: the login itself, health probes, the API's description.
PUBLIC = {
    ("GET", "/login"),
    ("POST", "/login"),
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("GET", "/"),
    ("POST", "/api/v1/auth/login"),
    ("GET", "/api/v1/openapi.json"),
    ("GET", "/confidentialite"),
}  # the privacy notice: for the artisans, without an account


def every_route(app):
    """(method, path) of every page and API endpoint, found from the app itself so none is forgotten."""
    found = []
    for route in app.routes:
        if isinstance(route, APIRoute):
            found += [(m, route.path) for m in route.methods]
        elif isinstance(route, Mount) and route.path == "/api/v1":
            for inner in route.app.routes:
                if isinstance(inner, APIRoute):
                    found += [(m, "/api/v1" + inner.path) for m in inner.methods]
            found.append(("GET", "/api/v1/openapi.json"))
    return sorted(set(found))


def test_no_page_or_api_answer_without_login(app, client, seed_case):
    reference = seed_case(contact_name="Secrète")
    # The widget and its demo chamber site are public by nature (they are what artisans see).
    routes = [r for r in every_route(app) if r not in PUBLIC and not r[1].startswith(("/widget", "/demo"))]
    assert len(routes) > 25
    for method, path in routes:
        url = path.replace("{reference}", reference).replace("{user_id}", "1")
        response = client.request(method, url, follow_redirects=False, data={} if method == "POST" else None)
        if path.startswith("/api/") or path == "/inbox/live":  # JSON answers: 401
            assert response.status_code == 401, (method, url, response.status_code)
        elif method == "GET":
            assert response.status_code == 303, (method, url, response.status_code)
            assert response.headers["location"].startswith("/login?suivant=")
        else:  # a form posted without a session: refused before anything else (no CSRF token either)
            assert response.status_code in (303, 403), (method, url, response.status_code)
        assert "Secrète" not in response.text and reference not in response.text.replace("suivant=", "")


def test_after_login_the_protected_page_opens(client, make_user, seed_case):
    reference = seed_case()
    user = make_user()
    response = page_login(client, user.email, next_url=f"/inbox/dossiers/{reference}")
    assert response.headers["location"] == f"/inbox/dossiers/{reference}"
    assert "Inès" in client.get(response.headers["location"]).text


@pytest.mark.parametrize("next_url", ["//evil.example/x", "https://evil.example", "/\\evil.example"])
def test_login_never_redirects_elsewhere(client, make_user, next_url):
    user = make_user()
    assert page_login(client, user.email, next_url=next_url).headers["location"] == "/inbox"


def test_an_advisor_of_another_chamber_gets_404(app, logged_in, seed_case, new_client, make_user):
    reference = seed_case(chamber_id=CHAMBER)
    outsider_pages, outsider = logged_in(chamber=OTHER_CHAMBER, role="supervisor")
    page = outsider_pages.get(f"/inbox/dossiers/{reference}")
    assert page.status_code == 404 and "Inès" not in page.text
    token = csrf_from(outsider_pages.get("/inbox").text)
    for action, data in [
        ("prendre", {}),
        ("statut", {"status": "clos"}),
        ("notes", {"body": "x"}),
        ("appels", {"outcome": "joint"}),
        ("effacer", {"confirmation": reference}),
    ]:
        response = outsider_pages.post(f"/inbox/dossiers/{reference}/{action}", data={**data, "csrf_token": token})
        assert response.status_code == 404, action
    assert outsider_pages.get(f"/inbox/dossiers/{reference}/donnees").status_code == 404
    assert reference not in outsider_pages.get("/inbox").text
    assert reference not in outsider_pages.get("/inbox/journal").text
    api = new_client()
    csrf = api_login(api, outsider.email)
    assert api.get(f"/api/v1/cases/{reference}").status_code == 404
    assert api.post(f"/api/v1/cases/{reference}/take", headers={"X-CSRF-Token": csrf}).status_code == 404
    assert api.get(f"/api/v1/cases/{reference}/personal-data").status_code == 404
    assert api.get("/api/v1/cases").json() == []
    # Same answer as a case that does not exist: nothing tells the outsider it is there.
    assert api.get("/api/v1/cases/RL-000000").json() == api.get(f"/api/v1/cases/{reference}").json()


def test_every_form_without_its_csrf_token_is_refused(app, logged_in, seed_case, repository):
    reference = seed_case()
    pages, user = logged_in(role="supervisor")
    # /widget/: the artisan's side, no session and no form: the unguessable conversation id authorises, and a
    # foreign Origin is refused (widget/live.py).
    forms = [
        (m, p) for m, p in every_route(app) if m == "POST" and not p.startswith(("/api/", "/widget/")) and p != "/login"
    ]
    assert len(forms) >= 7
    for _method, path in forms:
        url = path.replace("{reference}", reference).replace("{user_id}", str(user.id))
        for token in (None, "forged-token"):
            data = {
                "status": "clos",
                "body": "note",
                "outcome": "joint",
                "assignee_id": str(user.id),
                "confirmation": reference,
            }
            if token:
                data["csrf_token"] = token
            response = pages.post(url, data=data, follow_redirects=False)
            assert response.status_code == 403, (url, token)
            assert "Formulaire refusé" in response.text
    case = repository.get_case(reference, user, record_view=False)
    assert (case.status, case.assignee_id, case.notes, case.call_attempts, case.erased_at) == (
        "nouveau",
        None,
        [],
        [],
        None,
    )
    assert pages.get("/inbox").status_code == 200  # the logout form was refused too


def test_the_login_form_needs_its_csrf_token(client, make_user):
    user = make_user()
    client.get("/login")
    response = client.post("/login", data={"email": user.email, "password": PASSWORD}, follow_redirects=False)
    assert response.status_code == 403


def test_api_with_the_session_cookie_needs_the_csrf_header_but_a_token_does_not(client, make_user, seed_case, accounts):
    from inbox.security import new_api_token

    reference = seed_case()
    user = make_user()
    csrf = api_login(client, user.email)
    assert client.post(f"/api/v1/cases/{reference}/take").status_code == 403
    assert client.post(f"/api/v1/cases/{reference}/take", headers={"X-CSRF-Token": "nope"}).status_code == 403
    assert client.post(f"/api/v1/cases/{reference}/take", headers={"X-CSRF-Token": csrf}).status_code == 200
    token, token_hash = new_api_token()
    accounts.set_api_token_hash(user.id, token_hash)
    client.cookies.clear()
    bearer = {"Authorization": f"Bearer {token}"}
    response = client.post(f"/api/v1/cases/{reference}/status", json={"status": "en_attente"}, headers=bearer)
    assert response.status_code == 200 and response.json()["status"] == "en_attente"
    assert client.get("/api/v1/cases", headers={"Authorization": "Bearer rlt_wrong"}).status_code == 401


MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_html_and_script_in_any_field_are_shown_as_text(logged_in, seed_case, repository):
    reference = seed_case(
        categories=["banque"],
        summary=MARKUP,
        reasons={"banque": [MARKUP]},
        situation={"trade": MARKUP, MARKUP: MARKUP},
        guidance=[{"id": MARKUP, "name": MARKUP, "link": "javascript:alert(1)"}],
        contact_name=MARKUP[:200],
        callback_slot=MARKUP,
        email='"><script>alert(1)</script>@x.fr',
        transcript=[{"sender": "artisan", "text": MARKUP, "at": MARKUP}],
    )
    pages, _user = logged_in(role="supervisor")
    token = csrf_from(pages.get("/inbox").text)
    pages.post(f"/inbox/dossiers/{reference}/notes", data={"body": MARKUP, "csrf_token": token})
    pages.post(f"/inbox/dossiers/{reference}/appels", data={"outcome": "joint", "comment": MARKUP, "csrf_token": token})
    for url in ("/inbox", f"/inbox/dossiers/{reference}", f"/inbox/journal?dossier={reference}", f"/inbox?q={MARKUP}"):
        html = pages.get(url).text
        assert "<script>alert" not in html and "<img src=x" not in html, url
        assert 'href="javascript:' not in html
    case_html = pages.get(f"/inbox/dossiers/{reference}").text
    assert (
        case_html.count("&lt;script&gt;alert(") >= 8
    )  # summary, reason, situation, guidance, name, slot, transcript, note...
    live = pages.get("/inbox/live", params={"since": "2000-01-01T00:00:00+00:00"}).json()
    assert "<script>alert" not in live["rows_html"] and "&lt;script&gt;" in live["rows_html"]


def test_pages_carry_a_strict_content_security_policy(logged_in):
    pages, _ = logged_in()
    headers = pages.get("/inbox").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_the_login_is_throttled_per_account_and_address(client, make_user, accounts):
    user = make_user()
    statuses = [page_login(client, user.email, password="pas le bon mot de passe").status_code for _ in range(6)]
    assert statuses == [401, 401, 401, 401, 401, 429]
    refused = page_login(client, user.email)  # this address has been guessing: it waits, even with the password
    assert refused.status_code == 429
    assert "Trop de tentatives" in refused.text and int(refused.headers["Retry-After"]) > 60
    api = client.post("/api/v1/auth/login", json={"email": user.email, "password": PASSWORD})
    assert api.status_code == 429 and "Retry-After" in api.headers
    assert accounts.find_user_by_email(user.email).failed_logins == 5


def test_the_login_is_throttled_per_address_across_accounts(client, make_user):
    user = make_user()
    statuses = [
        client.post("/api/v1/auth/login", json={"email": f"inconnu{n}@x.fr", "password": "devine"}).status_code
        for n in range(21)
    ]
    assert statuses[:20] == [401] * 20 and statuses[20] == 429
    assert client.post("/api/v1/auth/login", json={"email": user.email, "password": PASSWORD}).status_code == 429


def test_session_cookie_flags_and_logout_ends_the_session(client, make_user, new_client):
    user = make_user()
    response = page_login(client, user.email)
    cookie = response.headers["set-cookie"]
    assert "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()
    stolen = client.cookies.get("relais_session")
    token = csrf_from(client.get("/inbox").text)
    assert client.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    replay = new_client()
    replay.cookies.set("relais_session", stolen)
    assert replay.get("/inbox", follow_redirects=False).status_code == 303  # the old cookie no longer works


def test_production_refuses_to_start_without_a_session_secret(monkeypatch):
    monkeypatch.setenv("RELAIS_ENV", "production")
    monkeypatch.delenv("RELAIS_SESSION_SECRET", raising=False)
    with pytest.raises(ConfigurationError, match="RELAIS_SESSION_SECRET"):
        Settings.for_web()
    monkeypatch.setenv("RELAIS_SESSION_SECRET", "x" * 48)
    assert Settings.for_web().production


def test_production_session_cookie_is_secure(inbox_database_url):
    from fastapi.testclient import TestClient

    from inbox.app import create_app

    app = create_app(Settings(database_url=inbox_database_url, session_secret="p" * 48, env="production"))
    with TestClient(app, base_url="https://testserver") as secure_client:
        cookie = secure_client.get("/login").headers["set-cookie"].lower()
    assert "secure" in cookie and "httponly" in cookie


@pytest.mark.parametrize(
    "method, url, body",
    [
        ("GET", "/inbox?departement=%00", None),
        ("GET", "/inbox?q=%00%25_%5C", None),
        ("GET", "/inbox?assigne=99999999999999999999", None),
        ("GET", "/inbox?statut=%00&categorie=%00&urgence=%00", None),
        ("GET", "/inbox/live?since=%00", None),
        ("GET", "/inbox/journal?dossier=%00&page=-5", None),
        ("GET", "/inbox/statistiques?semaines=100000000000000000000", None),
        ("GET", "/inbox/dossiers/%00", None),
        ("GET", "/login?suivant=%00", None),
        ("POST", "/api/v1/auth/login", {"email": "a\u0000@b.fr", "password": "\u0000"}),
    ],
)
def test_odd_input_never_causes_a_server_error(app, logged_in, method, url, body):
    from fastapi.testclient import TestClient

    pages, _ = logged_in(role="supervisor")
    with TestClient(app, raise_server_exceptions=False, cookies=dict(pages.cookies)) as tolerant:
        response = tolerant.request(method, url, json=body, follow_redirects=False)
    assert response.status_code < 500, response.text


def test_a_nul_character_in_the_login_form_is_just_a_wrong_login(client, make_user):
    make_user(email="nul@cma.test")
    assert page_login(client, "nul\x00@cma.test", password="\x00").status_code == 401
