"""Production configuration, logs and the lock store, without starting the servers."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import subprocess
import uuid
from pathlib import Path

import pytest
import redis
import yaml

from bot import channels
from bot.lock_store import FailSafeRedisLockStore
from ops.logs import json_log_formatter, mask_personal_data
from ops.production import Layout, ProductionStack, nginx_binary, nginx_process, render_nginx_config
from ops.rasa_config import TRACKER_STORE_TYPE, lock_store_config, tracker_store_config, write_channel_credentials
from ops.settings import ConfigurationError, Settings, free_port
from ops.stack import wait_ready

POSTGRES = "postgresql+psycopg2://postgres@127.0.0.1:5432/test"


def production_settings(tmp_path: Path, **overrides) -> Settings:
    values = dict(
        env="production",
        var_dir=tmp_path,
        database_url=POSTGRES,
        tracker_db_url=POSTGRES,
        lock_store_url="redis://127.0.0.1:6379/0",
        rasa_token="t" * 32,
        session_secret="s" * 48,
        rasa_instances=2,
        actions_instances=2,
        log_format="json",
    )
    values.update(overrides)
    return Settings(**values)


# ------------------------------------------------------------------------------------------- settings


@pytest.mark.parametrize(
    "variable, value, complaint",
    [
        ("RELAIS_RASA_TOKEN", None, "RELAIS_RASA_TOKEN must be set"),
        ("RELAIS_SESSION_SECRET", None, "RELAIS_SESSION_SECRET must be set"),
        ("RELAIS_DATABASE_URL", None, "RELAIS_DATABASE_URL must be a PostgreSQL URL"),
        ("RELAIS_TRACKER_DB_URL", "sqlite:///var/rasa.db", "RELAIS_TRACKER_DB_URL must be a PostgreSQL URL"),
        ("RELAIS_LOCK_STORE_URL", None, "RELAIS_LOCK_STORE_URL must be a redis:// URL"),
        ("RELAIS_RASA_INSTANCES", "0", "RELAIS_RASA_INSTANCES must be at least 1"),
    ],
)
def test_production_takes_nothing_by_default(monkeypatch, tmp_path, variable, value, complaint):
    complete = {
        "RELAIS_ENV": "production",
        "RELAIS_RASA_TOKEN": "t" * 32,
        "RELAIS_SESSION_SECRET": "s" * 48,
        "RELAIS_DATABASE_URL": POSTGRES,
        "RELAIS_TRACKER_DB_URL": POSTGRES,
        "RELAIS_LOCK_STORE_URL": "redis://127.0.0.1:6379/0",
    }
    for name, setting in complete.items():
        monkeypatch.setenv(name, setting)
    if value is None:
        monkeypatch.delenv(variable)
    else:
        monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigurationError, match=complaint):
        Settings.from_env(var_dir=tmp_path)


def test_production_defaults_to_two_servers_of_each_and_json_logs(monkeypatch, tmp_path):
    for name, setting in {
        "RELAIS_ENV": "production",
        "RELAIS_RASA_TOKEN": "t" * 32,
        "RELAIS_SESSION_SECRET": "s" * 48,
        "RELAIS_DATABASE_URL": POSTGRES,
        "RELAIS_TRACKER_DB_URL": POSTGRES,
        "RELAIS_LOCK_STORE_URL": "redis://127.0.0.1:6379/0",
    }.items():
        monkeypatch.setenv(name, setting)
    settings = Settings.from_env(var_dir=tmp_path)
    assert (settings.rasa_instances, settings.actions_instances, settings.log_format) == (2, 2, "json")
    assert not list(tmp_path.glob("*token*")) and not list(tmp_path.glob("*secret*"))  # nothing generated


def test_development_keeps_the_embedded_defaults(monkeypatch, tmp_path):
    for name in (
        "RELAIS_ENV",
        "RELAIS_DATABASE_URL",
        "RELAIS_TRACKER_DB_URL",
        "RELAIS_LOCK_STORE_URL",
        "RELAIS_RASA_INSTANCES",
        "RELAIS_ACTIONS_INSTANCES",
        "RELAIS_LOG_FORMAT",
    ):
        monkeypatch.delenv(name, raising=False)
    settings = Settings.from_env(var_dir=tmp_path)
    assert settings.database_url.startswith("sqlite") and settings.lock_store_url is None
    assert (settings.rasa_instances, settings.actions_instances, settings.log_format) == (1, 1, "text")


@pytest.mark.parametrize(
    "url, expected",
    [
        ("sqlite:////tmp/rasa.db", {"type": TRACKER_STORE_TYPE, "dialect": "sqlite", "db": "/tmp/rasa.db"}),
        (
            "postgresql+psycopg2://rasa:s%40cret@db.internal:5433/relais",
            {
                "type": TRACKER_STORE_TYPE,
                "dialect": "postgresql",
                "url": "db.internal",
                "db": "relais",
                "port": 5433,
                "username": "rasa",
                "password": "s@cret",
            },
        ),
        (
            "postgresql://postgres@127.0.0.1/test?options=-csearch_path%3Drasa",
            {
                "type": TRACKER_STORE_TYPE,
                "dialect": "postgresql",
                "url": "127.0.0.1",
                "db": "test",
                "username": "postgres",
                "query": {"options": "-csearch_path=rasa"},
            },
        ),
    ],
    ids=["sqlite", "postgresql", "postgresql-schema"],
)
def test_tracker_store_configuration(url, expected):
    assert tracker_store_config(url) == expected


def test_lock_store_configuration():
    assert lock_store_config("redis://:pw@redis.internal:6380/2") == {
        "type": "redis",
        "url": "redis.internal",
        "port": 6380,
        "db": 2,
        "password": "pw",
    }
    # Production names its fail-safe subclass; a URL without a database is database 0, not Rasa's default 1.
    assert lock_store_config("redis://127.0.0.1:6379", "bot.lock_store.FailSafeRedisLockStore") == {
        "type": "bot.lock_store.FailSafeRedisLockStore",
        "url": "127.0.0.1",
        "port": 6379,
        "db": 0,
    }


# ------------------------------------------------------------------------------------------- generated files


def test_nginx_configuration_is_valid_and_routes_every_instance(tmp_path):
    layout = Layout(
        rasa_ports=(15005, 15006),
        actions_ports=(15055, 15056),
        web_port=18000,
        proxy_port=free_port(),
        actions_proxy_port=free_port(),
    )
    run_dir = tmp_path / "nginx"
    run_dir.mkdir()
    config = render_nginx_config(production_settings(tmp_path), layout, run_dir, tmp_path)
    for port in (15005, 15006, 15055, 15056, 18000):
        assert f"127.0.0.1:{port}" in config
    assert "ip_hash;" in config and "client_max_body_size 1m;" in config
    path = tmp_path / "nginx.conf"
    path.write_text(config)
    done = subprocess.run(
        [nginx_binary(), "-t", "-p", str(run_dir), "-c", str(path), "-e", str(tmp_path / "e.log")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_production_stack_layout(tmp_path):
    stack = ProductionStack(production_settings(tmp_path, rasa_instances=3, actions_instances=2))
    assert list(stack.processes) == ["actions-1", "actions-2", "rasa-1", "rasa-2", "rasa-3", "web", "nginx"]
    # Each action server spools cases to its own folder; Rasa finds them through nginx.
    spools = {stack.processes[f"actions-{i}"].env["RELAIS_OUTBOX_DIR"] for i in (1, 2)}
    assert len(spools) == 2
    endpoints = yaml.safe_load((tmp_path / "production" / "endpoints.yml").read_text())
    assert endpoints["action_endpoint"]["url"].endswith(f":{stack.settings.actions_proxy_port}/webhook")
    assert endpoints["lock_store"]["type"] == "bot.lock_store.FailSafeRedisLockStore"
    assert stack.processes["rasa-1"].env["TICKET_LOCK_LIFETIME"] == "15"


def test_the_web_app_reaches_every_rasa_server_and_serves_websockets(tmp_path):
    """The live chat (issue 16): the web app pauses and resumes conversations through Rasa's API, and nginx
    hands the live sockets to it with the upgrade headers."""
    stack = ProductionStack(production_settings(tmp_path, rasa_instances=2))
    web = stack.processes["web"]
    rasa_ports = [
        stack.processes[f"rasa-{i}"].command[stack.processes[f"rasa-{i}"].command.index("--port") + 1] for i in (1, 2)
    ]
    assert web.env["RELAIS_RASA_URLS"].split() == [f"http://127.0.0.1:{port}" for port in rasa_ports]
    assert web.env["RELAIS_RASA_TOKEN"] == stack.settings.rasa_token
    assert web.command[web.command.index("--ws") + 1] == "wsproto"
    config = (tmp_path / "production" / "nginx.conf").read_text()
    live = config[config.index("location ~ ^/(widget|inbox)/live/") :]
    live = live[: live.index("}")]
    assert "proxy_set_header Upgrade $http_upgrade;" in live and "proxy_pass http://web;" in live


def test_production_channels_replace_rasas(tmp_path):
    credentials = yaml.safe_load(write_channel_credentials(tmp_path).read_text())
    assert set(credentials) == {"bot.channels.ReplaySafeRestInput", "bot.channels.ReplaySafeSocketIOInput"}
    assert credentials["bot.channels.ReplaySafeSocketIOInput"]["session_persistence"] is True
    # Same URLs as Rasa's own channels.
    assert channels.ReplaySafeRestInput.name() == "rest"
    assert channels.ReplaySafeSocketIOInput.name() == "socketio"


# ------------------------------------------------------------------------------------------- logs


@pytest.mark.parametrize(
    "text, expected",
    [
        ("rappeler le 06 12 34 56 78 demain", "rappeler le <phone> demain"),
        ("numéro 0612345678.", "numéro <phone>."),
        ("+33 6 12 34 56 78", "<phone>"),
        ("+33612345678", "<phone>"),
        ("0033 6.12.34.56.78", "<phone>"),
        ("écrire à jean.dupont+cma@exemple.fr", "écrire à <email>"),
        (
            "An exception occured while handling user message 'je veux mourir'.",
            "An exception occured while handling user message '<message>'.",
        ),
        # Not personal: dates, times, durations, ports, references.
        ("2026-11-27T04:31:08Z took 1234567 ms on port 15005", "2026-11-27T04:31:08Z took 1234567 ms on port 15005"),
        ("case RL-7K3Q9M stored", "case RL-7K3Q9M stored"),
    ],
)
def test_personal_data_is_masked(text, expected):
    assert mask_personal_data(text) == expected


def test_json_log_lines_mask_messages_and_exceptions():
    record = logging.LogRecord(
        "actions.handoff", logging.WARNING, __file__, 1, "case for %s at %s", ("Sophie", "06 12 34 56 78"), None
    )
    line = json.loads(json_log_formatter().format(record))
    assert line["event"] == "case for Sophie at <phone>"  # names cannot be recognised: never log them
    assert (line["level"], line["logger"]) == ("warning", "actions.handoff") and line["timestamp"].endswith("Z")
    try:
        raise ValueError("bad email sophie@exemple.fr")
    except ValueError:
        import sys

        failed = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    line = json.loads(json_log_formatter().format(failed))
    assert "<email>" in line["exception"] and "sophie@" not in line["exception"]


# ------------------------------------------------------------------------------------------- lock store


def lock_store(port: int = 6379):
    config = type("Endpoint", (), {"url": "127.0.0.1", "kwargs": {"port": port, "db": 7}})()
    return FailSafeRedisLockStore(endpoint_config=config)


def test_a_waiter_gets_the_lock_after_its_holder_died():
    store, conversation = lock_store(), f"lock-test-{uuid.uuid4().hex}"
    store.issue_ticket(conversation, 1)  # a server took the lock, then died: nobody releases it

    async def next_turn() -> str:
        async with store.lock(conversation, lock_lifetime=1, wait_time_in_seconds=0.5):
            return "served"

    try:
        assert store.get_lock(conversation).tickets  # the dead holder's ticket, never given back
        # Served once the dead holder's ticket expired, not never (the deadline is a hang guard).
        assert asyncio.run(asyncio.wait_for(next_turn(), timeout=10)) == "served"
    finally:
        redis.Redis(db=7).delete(f"lock:{conversation}")


def test_locks_work_in_memory_while_redis_is_unreachable(caplog):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]  # nothing listens there
    store = lock_store(port)

    async def two_turns() -> list[str]:
        order = []

        async def turn(name: str) -> None:
            async with store.lock("conversation", wait_time_in_seconds=0.05):
                order.append(f"{name} starts")
                await asyncio.sleep(0.2)
                order.append(f"{name} ends")

        await asyncio.gather(turn("first"), turn("second"))
        return order

    with caplog.at_level(logging.ERROR, logger="bot.lock_store"):
        order = asyncio.run(two_turns())
    assert order == ["first starts", "first ends", "second starts", "second ends"]  # still serialised
    assert store.degraded
    assert "Redis unreachable" in caplog.text


def test_action_responses_are_still_validated_after_the_speed_up():
    from jsonschema import ValidationError
    from rasa.core.actions.action import RemoteAction

    channels.speed_up_rasa()
    action = RemoteAction("action_anything", None)
    assert action._validate_action_result(
        {"events": [{"event": "slot", "name": "urgency", "value": "haute"}], "responses": [{"text": "Bonjour"}]}
    )
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result({"events": "not a list"})
    with pytest.raises(ValidationError):
        action._validate_action_result({"events": [{"event": "slot", "timestamp": "not a number"}]})


class _NamedServer:
    """A tiny HTTP server standing for one Rasa server: it answers with its own port, so that the test sees
    where nginx sent each request."""

    def __init__(self) -> None:
        import http.server
        import threading

        port = free_port()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                body = json.dumps([{"text": str(port)}]).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.port = port
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_a_rest_conversation_that_names_itself_stays_on_one_rasa_server_while_it_is_up(tmp_path):
    """X-Relais-Conversation keeps a conversation on the server that holds its tracker in memory; without it,
    requests go to either server; when that server is down, the conversation goes on on the other."""
    import httpx

    servers = {server.port: server for server in (_NamedServer(), _NamedServer())}
    layout = Layout(
        rasa_ports=tuple(servers),
        actions_ports=(free_port(), free_port()),
        web_port=free_port(),
        proxy_port=free_port(),
        actions_proxy_port=free_port(),
    )
    run_dir = tmp_path / "nginx"
    run_dir.mkdir()
    settings = production_settings(tmp_path, rate_limit_exempt=("127.0.0.1",))
    path = tmp_path / "nginx.conf"
    path.write_text(render_nginx_config(settings, layout, run_dir, tmp_path))
    proxy_url = f"http://127.0.0.1:{layout.proxy_port}"
    nginx = nginx_process(path, run_dir, tmp_path, proxy_url)
    nginx.start({})
    url = f"{proxy_url}/webhooks/rest/webhook"
    try:
        wait_ready(nginx, timeout=30)
        with httpx.Client(timeout=10) as http:

            def served_by(sender: str, named: bool = True) -> int:
                headers = {"X-Relais-Conversation": sender} if named else {}
                response = http.post(url, json={"sender": sender, "message": "bonjour"}, headers=headers)
                assert response.status_code == 200, response.text
                return int(response.json()[0]["text"])

            first = served_by("conversation-a")
            assert {served_by("conversation-a") for _ in range(10)} == {first}
            # Other conversations spread over both servers, and so do requests without the header.
            assert {served_by(f"conversation-{n}") for n in range(24)} == set(servers)
            assert {served_by("conversation-a", named=False) for _ in range(24)} == set(servers)

            servers.pop(first).stop()
            (survivor,) = servers
            assert {served_by("conversation-a") for _ in range(3)} == {survivor}
    finally:
        nginx.stop()
        for server in servers.values():
            server.stop()
