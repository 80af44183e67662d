"""One production stack per test session: two Rasa servers and two action servers behind nginx, the web app,
PostgreSQL for cases and trackers, Redis for locks. The cases database and Redis are reached through TCP
proxies that the tests cut and restore, as if those servers went away."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field

import httpx
import pytest
import redis
from sqlalchemy import text
from sqlalchemy.engine import make_url

from cases.db import make_engine, migrate
from cases.testing import TEST_POSTGRES_URL, TcpProxy, postgres_url_for_schema, temporary_schemas
from ops.production import Layout, ProductionStack, check_nginx_config, nginx_binary
from ops.settings import MODEL_PATH, REPO_ROOT, Settings
from tests.support.intake import ANSWERS
from tests.support.stack import ADVISOR_PASSWORD, STARTUP_TIMEOUT

SUPERVISOR_EMAIL = "superviseure@cma.test"
REDIS_HOST, REDIS_PORT, REDIS_DB = "127.0.0.1", 6379, 7
# A conversation that reaches the handoff form in the fewest turns.
OPENING = "l'urssaf me réclame trois trimestres de cotisations et je n'arrive plus à payer"


@dataclass
class Turn:
    text: str
    status: int
    replies: list[str]
    seconds: float


@dataclass
class Artisan:
    """An artisan talking to the production system through nginx, like the widget's REST fallback."""

    production: Production
    sender: str = field(default_factory=lambda: f"prod-{uuid.uuid4().hex[:12]}")
    turns: list[Turn] = field(default_factory=list)

    def say(self, message: str) -> Turn:
        started = time.monotonic()
        response = self.production.http.post(
            f"{self.production.public_url}/webhooks/rest/webhook", json={"sender": self.sender, "message": message}
        )
        replies = [m["text"] for m in response.json() if m.get("text")] if response.status_code == 200 else []
        turn = Turn(message, response.status_code, replies, time.monotonic() - started)
        self.turns.append(turn)
        return turn

    def tracker(self) -> dict:
        return self.production.tracker(self.sender)

    def slots(self) -> dict:
        return self.tracker()["slots"]

    def answer_next_question(self) -> Turn:
        asked = self.slots().get("requested_slot")
        assert asked in ANSWERS, f"unexpected requested_slot {asked!r} after {self.turns[-1]}"
        return self.say(ANSWERS[asked])

    def walk_until(self, slot: str | None = None, limit: int = 25) -> None:
        """Answers questions until ``slot`` is the one asked (or, with None, until the handoff is over with a
        case reference: the case exists from the phone number on, the reference is said at the end)."""
        if not self.turns:
            self.say("bonjour")
            self.say(OPENING)
        for _ in range(limit):
            slots = self.slots()
            over = slots.get("case_reference") and slots.get("requested_slot") is None
            if (slot is None and over) or (slot and slots.get("requested_slot") == slot):
                return
            self.answer_next_question()
        pytest.fail(f"{self.sender} never reached {slot or 'a case'}:\n{self.transcript()}")

    def transcript(self) -> str:
        return "\n".join(
            f"  {t.status} {t.seconds:5.2f}s {t.text!r} -> {[r[:50] for r in t.replies]}" for t in self.turns
        )

    def user_texts_in_tracker(self) -> list[str]:
        return [event.get("text") for event in self.tracker()["events"] if event["event"] == "user"]


@dataclass
class Production:
    stack: ProductionStack
    settings: Settings
    cases_proxy: TcpProxy
    redis_proxy: TcpProxy
    direct_cases_url: str  # the same schema without the proxy: tests count cases even while it is cut
    api_token: str
    http: httpx.Client

    @property
    def public_url(self) -> str:
        return self.stack.public_url

    def artisan(self) -> Artisan:
        return Artisan(self)

    def tracker(self, sender: str) -> dict:
        """The conversation as the shared tracker store holds it, read from whichever Rasa server answers."""
        for port in self.stack.layout.rasa_ports:
            try:
                response = self.http.get(
                    f"http://{self.settings.host}:{port}/conversations/{sender}/tracker",
                    params={"token": self.settings.rasa_token},
                )
            except httpx.TransportError:
                continue  # that server is down (a test killed it)
            response.raise_for_status()
            return response.json()
        raise AssertionError("no Rasa server answers")

    def cases_of(self, sender: str) -> list[tuple[str, str]]:
        """(reference, status) of every case of this conversation, read straight from PostgreSQL."""
        engine = make_engine(self.direct_cases_url)
        try:
            with engine.connect() as connection:
                return [
                    tuple(row)
                    for row in connection.execute(
                        text("SELECT reference, status FROM cases WHERE conversation_id = :sender"), {"sender": sender}
                    )
                ]
        finally:
            engine.dispose()

    def api(self, method: str, path: str, **kwargs) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.api_token}", **kwargs.pop("headers", {})}
        return self.http.request(method, f"{self.public_url}/api/v1{path}", headers=headers, **kwargs)

    def ensure_running(self) -> None:
        """Restarts whatever a test killed, so that the next test starts from a whole system."""
        for name, process in self.stack.processes.items():
            if not process.is_running():
                self.stack.restart(name, timeout=300)
        for proxy in (self.cases_proxy, self.redis_proxy):
            if proxy._listener is None:  # the proxy has no public "is listening"
                proxy.start()
        self.wait_until_routed(self.actions_health_through_nginx())

    def wait_until_routed(self, url: str, timeout_s: float = 30) -> None:
        """nginx leaves a server it saw failing alone for a moment (fail_timeout): wait until it routes again."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            try:
                if self.http.get(url).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"nginx does not route {url} again")

    def actions_health_through_nginx(self) -> str:
        return f"http://{self.settings.host}:{self.stack.layout.actions_proxy_port}/health"

    def log(self, name: str) -> str:
        return self.stack.processes[name].log_path.read_text(errors="replace")


def _run_inbox_cli(settings: Settings, *args: str, stdin: str | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "inbox", *args],
        input=stdin,
        text=True,
        capture_output=True,
        cwd=REPO_ROOT,
        env={**os.environ, **settings.process_env()},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture(scope="session")
def production(tmp_path_factory):
    if not MODEL_PATH.exists():
        pytest.fail(f"no trained model at {MODEL_PATH}: run `make train` (make test does it)")
    try:
        nginx_binary()
    except FileNotFoundError as error:
        pytest.fail(f"{error} (make test installs it)")
    var_dir = tmp_path_factory.mktemp("relais-production")
    with temporary_schemas("relais_prod_cases", "relais_prod_rasa") as (cases_schema, tracker_schema):
        postgres = make_url(TEST_POSTGRES_URL)
        cases_proxy = TcpProxy(postgres.host, postgres.port or 5432).start()
        redis_proxy = TcpProxy(REDIS_HOST, REDIS_PORT).start()
        direct_cases_url = postgres_url_for_schema(cases_schema)
        proxied = str(postgres.set(port=cases_proxy.port))
        # Two servers of each, JSON logs, random secrets; the suite talks from 127.0.0.1 all session long
        # (tests/security checks the limits from elsewhere).
        settings = Settings.temporary(
            var_dir,
            production=True,
            database_url=postgres_url_for_schema(cases_schema, proxied),
            tracker_db_url=postgres_url_for_schema(tracker_schema),
            lock_store_url=f"redis://127.0.0.1:{redis_proxy.port}/{REDIS_DB}",
            lock_lifetime_s=5,  # a killed server's lock blocks its conversation this long
        )
        settings.extra_env["RELAIS_RASA_PUBLIC_URL"] = f"http://127.0.0.1:{settings.proxy_port}"
        migrate(direct_cases_url)
        layout = Layout.on_free_ports(settings)
        stack = ProductionStack(settings, layout=layout)
        check_nginx_config(stack)
        http = httpx.Client(timeout=90)
        try:
            stack.start(timeout=STARTUP_TIMEOUT)
            from chamber import load_chamber

            _run_inbox_cli(
                settings,
                "create-user",
                "--email",
                SUPERVISOR_EMAIL,
                "--name",
                "Superviseure",
                "--chamber",
                load_chamber().id,
                "--role",
                "supervisor",
                "--password-stdin",
                stdin=ADVISOR_PASSWORD,
            )
            token = _run_inbox_cli(settings, "create-token", "--email", SUPERVISOR_EMAIL).splitlines()[-1]
            yield Production(stack, settings, cases_proxy, redis_proxy, direct_cases_url, token, http)
        finally:
            stack.stop()
            http.close()
            cases_proxy.stop()
            redis_proxy.stop()
            leftovers = redis.Redis(REDIS_HOST, REDIS_PORT, db=REDIS_DB)
            for key in leftovers.scan_iter("lock:prod-*"):  # only this session's conversations
                leftovers.delete(key)


@pytest.fixture
def system(production):
    """The production system, whole again before each test."""
    production.ensure_running()
    return production
