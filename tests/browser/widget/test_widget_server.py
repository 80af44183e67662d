"""widget.server on its own (no browser, no Rasa): what it serves, what it refuses, and the demo page's
one <script> tag configured from the environment and the chamber configuration. Also runs the
JavaScript unit tests (node's test runner) of the widget's pure helpers."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from chamber import load_chamber
from ops.settings import REPO_ROOT
from widget.server import DIST_DIR, router


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))


def scripts_of(html: str) -> list[dict]:
    parser = _Scripts()
    parser.feed(html)
    return parser.scripts


@pytest.fixture
def client(monkeypatch):
    monkeypatch.delenv("RELAIS_RASA_PUBLIC_URL", raising=False)
    monkeypatch.delenv("RELAIS_PUBLIC_URL", raising=False)
    monkeypatch.delenv("RELAIS_CHAMBER_CONFIG", raising=False)
    app = FastAPI()
    app.include_router(router)
    with TestClient(app, follow_redirects=False) as test_client:
        yield test_client


def test_the_built_widget_is_served_revalidated_and_embeddable_elsewhere(client):
    if not (DIST_DIR / "relais-widget.js").exists():
        pytest.fail("the widget is not built: run `make widget`")
    response = client.get("/widget/relais-widget.js")
    assert response.status_code == 200
    assert "javascript" in response.headers["content-type"]
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["cross-origin-resource-policy"] == "cross-origin"
    again = client.get("/widget/relais-widget.js", headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


@pytest.mark.parametrize(
    "path",
    [
        "/widget/../server.py",
        "/widget/%2e%2e/server.py",
        "/widget/..%2fserver.py",
        "/widget/.built",
        "/widget/",
        "/widget/nothing.js",
        "/demo/../../etc/passwd",
        "/demo/admin/",
    ],
)
def test_nothing_outside_the_built_files_and_demo_pages_is_served(client, path):
    assert client.get(path).status_code == 404


def test_the_demo_page_embeds_the_widget_with_one_script_tag_pointing_at_rasa(client):
    response = client.get("/demo/")
    assert response.status_code == 200
    chamber = load_chamber()
    [script] = scripts_of(response.text)
    assert script["src"] == "/widget/relais-widget.js"
    assert script["data-server"] == "http://127.0.0.1:5005"
    # The web app (live chat with an advisor): the address the page was asked on, unless configured.
    assert script["data-app"] == "http://testserver"
    assert "ws://testserver" in response.headers["content-security-policy"]
    assert script["data-chamber"] == chamber.name
    assert script["data-phone"] == chamber.phone
    assert script["data-hours"] == chamber.hours_text
    assert "Entreprises en difficulté" in response.text


@pytest.mark.parametrize(
    "public_url, data_server, socket_source",
    [
        ("https://relais.cma-exemple.fr/", "https://relais.cma-exemple.fr", "wss://relais.cma-exemple.fr"),
        ("http://127.0.0.1:5911", "http://127.0.0.1:5911", "ws://127.0.0.1:5911"),
    ],
)
def test_the_demo_page_follows_the_public_rasa_url(client, monkeypatch, public_url, data_server, socket_source):
    monkeypatch.setenv("RELAIS_RASA_PUBLIC_URL", public_url)
    response = client.get("/demo/contact/")
    [script] = scripts_of(response.text)
    assert script["data-server"] == data_server
    policy = response.headers["content-security-policy"]
    assert f"connect-src 'self' {data_server} {socket_source} " in policy
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy


@pytest.mark.parametrize(
    "public_url, data_app, socket_source",
    [
        ("https://relais.cma-exemple.fr/", "https://relais.cma-exemple.fr", "wss://relais.cma-exemple.fr"),
        ("http://127.0.0.1:5912", "http://127.0.0.1:5912", "ws://127.0.0.1:5912"),
    ],
)
def test_the_demo_page_points_the_live_chat_at_the_public_web_app(
    client, monkeypatch, public_url, data_app, socket_source
):
    monkeypatch.setenv("RELAIS_PUBLIC_URL", public_url)
    response = client.get("/demo/")
    [script] = scripts_of(response.text)
    assert script["data-app"] == data_app
    connect = next(part for part in response.headers["content-security-policy"].split(";") if "connect-src" in part)
    assert data_app in connect.split() and socket_source in connect.split()
    assert "testserver" not in connect


def test_the_demo_page_speaks_for_the_configured_chamber(client, monkeypatch):
    monkeypatch.setenv("RELAIS_CHAMBER_CONFIG", "cma-exemple-nord")
    response = client.get("/demo/")
    [script] = scripts_of(response.text)
    assert script["data-phone"] == "09 72 72 20 60"
    assert script["data-chamber"] == "Chambre de métiers et de l'artisanat Exemple Nord"
    assert "01 23 45 67 89" not in response.text


def test_demo_without_slash_redirects(client):
    response = client.get("/demo")
    assert response.status_code == 308
    assert response.headers["location"] == "/demo/"


def test_the_widget_javascript_unit_tests_pass():
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is missing: install Node.js 18+ (the widget's build needs it too)")
    result = subprocess.run(
        [npm, "test", "--silent"], cwd=REPO_ROOT / "widget", capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
