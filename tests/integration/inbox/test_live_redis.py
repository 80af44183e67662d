"""The production layout of the live chat (issue 16): two web app workers, each a real uvicorn process with
its own hub, sharing PostgreSQL and a real Redis. The artisan's socket is on one, the advisor's on the other:
messages and states cross between them through Redis pub/sub, in both directions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid

import httpx
import pytest
import websocket

from cases.accounts import AccountRepository
from cases.db import make_engine, make_session_factory
from cases.drafts import CaseDraft
from cases.live import LiveRepository
from cases.repository import CaseRepository
from cases.testing import temporary_database
from chamber import load_chamber
from inbox.security import hash_password
from ops.settings import REPO_ROOT, free_port
from tests.integration.inbox.conftest import PASSWORD, draft

REDIS_URL = os.environ.get("RELAIS_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
START_TIMEOUT_S = float(os.environ.get("RELAIS_TEST_WEB_START_TIMEOUT_S", "120"))


def start_worker(database_url: str, port: int, origins: str, log_path) -> subprocess.Popen:
    env = {
        **os.environ,
        "RELAIS_ENV": "development",
        "RELAIS_DATABASE_URL": database_url,
        "RELAIS_SESSION_SECRET": "w" * 48,  # both workers sign the same sessions, as behind nginx
        "RELAIS_LIVE_BUS_URL": REDIS_URL,
        "RELAIS_ALLOWED_ORIGINS": origins,
        "PYTHONPATH": str(REPO_ROOT),
    }
    env.pop("RELAIS_NOW", None)
    log = open(log_path, "wb")  # noqa: SIM115 - the process keeps it
    command = [sys.executable, "-m", "uvicorn", "inbox.app:create_app", "--factory", "--port", str(port)]
    # The same WebSocket implementation as the supervisor's web process (ops/stack.py).
    return subprocess.Popen([*command, "--ws", "wsproto"], cwd=REPO_ROOT, env=env, stdout=log, stderr=log)


def wait_ready(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the web app stopped with {process.returncode}")
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} not ready in {START_TIMEOUT_S} s")


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory):
    directory = tmp_path_factory.mktemp("live-redis")
    with temporary_database("postgresql") as database_url:
        ports = [free_port(), free_port()]
        urls = [f"http://127.0.0.1:{port}" for port in ports]
        processes = [
            start_worker(database_url, port, " ".join(urls), directory / f"web-{index}.log")
            for index, port in enumerate(ports)
        ]
        try:
            for url, process in zip(urls, processes, strict=True):
                wait_ready(url, process)
            yield database_url, urls
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=30)


def receive_until(socket, predicate, limit=20):
    for _ in range(limit):
        frame = json.loads(socket.recv())
        if predicate(frame):
            return frame
    raise AssertionError("no matching frame")


def test_a_message_published_by_one_worker_reaches_a_socket_on_the_other(two_workers):
    database_url, (worker_a, worker_b) = two_workers
    engine = make_engine(database_url)
    try:
        factory = make_session_factory(engine)
        conversation = f"redis-{uuid.uuid4().hex}"
        case_draft: CaseDraft = draft(conversation_id=conversation, chamber_id=load_chamber().id)
        reference = CaseRepository(factory).save_draft(case_draft)
        LiveRepository(factory).request(conversation)
        email = f"marie-{uuid.uuid4().hex[:8]}@cma.test"
        AccountRepository(factory).create_user(
            email, "Marie Curie", load_chamber().id, "advisor", hash_password(PASSWORD)
        )
    finally:
        engine.dispose()

    with httpx.Client(base_url=worker_b) as browser:
        login = browser.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
        login.raise_for_status()
        cookie = f"relais_session={browser.cookies['relais_session']}"
        artisan = websocket.create_connection(
            f"{worker_a.replace('http', 'ws')}/widget/live/{conversation}", timeout=20
        )
        advisor = websocket.create_connection(
            f"{worker_b.replace('http', 'ws')}/inbox/live/{reference}", timeout=20, header=[f"Cookie: {cookie}"]
        )
        try:
            assert json.loads(artisan.recv())["state"] == "waiting"
            assert json.loads(advisor.recv())["state"] == "waiting"
            # The claim on worker B: worker A's artisan learns who joined, through Redis.
            claimed = browser.post(
                f"/api/v1/cases/{reference}/live/claim", headers={"X-CSRF-Token": login.json()["csrf_token"]}
            )
            assert claimed.status_code == 200, claimed.text
            state = receive_until(artisan, lambda f: f["type"] == "state")
            assert state == {"type": "state", "state": "active", "advisor": "Marie"}

            advisor.send(json.dumps({"type": "message", "text": "Bonjour, je suis là.", "client_id": "m-1"}))
            got = receive_until(artisan, lambda f: f.get("text") == "Bonjour, je suis là.")
            assert got["sender"] == "advisor"
            artisan.send(json.dumps({"type": "message", "text": "Merci beaucoup", "client_id": "a-1"}))
            got = receive_until(advisor, lambda f: f.get("text") == "Merci beaucoup")
            assert got["sender"] == "artisan"
            advisor.send(json.dumps({"type": "handback"}))
            assert receive_until(artisan, lambda f: f["type"] == "state")["state"] == "returned"
        finally:
            artisan.close()
            advisor.close()
