"""Issue 15 against the production layout: nginx's limits, the client address Rasa counts by, the action
servers behind their token, the token off the command lines (tests/security does the embedded mode)."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx

from tests.security.conftest import client_from_new_address, texts


def _chat(client: httpx.Client, system, text: str = "bonjour", sender: str | None = None) -> httpx.Response:
    return client.post(
        f"{system.public_url}/webhooks/rest/webhook",
        json={"sender": sender or f"prod-{uuid.uuid4().hex[:12]}", "message": text},
    )


def test_rasa_counts_conversations_by_the_clients_address_behind_nginx(system):
    with client_from_new_address() as one, client_from_new_address() as other:
        # Each Rasa server counts for itself: one client opens 10 conversations per server at most.
        answers = [_chat(one, system) for _ in range(10 * len(system.stack.rasa_instances()) + 1)]
        assert [a.status_code for a in answers[:10]] == [200] * 10
        refused = [a for a in answers if a.status_code == 429]
        assert refused and "nouvelle" in texts(refused[0]) and "3114" in texts(refused[0])
        assert _chat(other, system).status_code == 200  # another artisan is not held back


def test_nginx_limits_requests_per_address_with_a_french_answer(system):
    with client_from_new_address() as script:
        answers = [script.post(f"{system.public_url}/webhooks/rest/webhook", content=b"{}") for _ in range(40)]
    limited = [a for a in answers if a.status_code == 429]
    assert limited and all("messages" in texts(a) for a in limited)


def test_nginx_caps_socketio_bodies_and_refuses_foreign_pages(system):
    base = f"{system.public_url}/socket.io/"
    with httpx.Client(timeout=30) as client:
        big = client.post(base, params={"EIO": "4", "transport": "polling", "sid": "x"}, content=b"4" * 60_000)
        assert big.status_code == 413
        foreign = client.get(
            base, params={"EIO": "4", "transport": "polling"}, headers={"Origin": "https://evil.example"}
        )
        assert foreign.status_code == 400
        own = client.get(base, params={"EIO": "4", "transport": "polling"}, headers={"Origin": system.public_url})
        assert own.status_code == 200


def test_the_action_servers_answer_rasa_only_and_no_token_is_on_a_command_line(system):
    proxy = f"http://{system.settings.host}:{system.stack.layout.actions_proxy_port}"
    assert httpx.post(f"{proxy}/webhook", json={"next_action": "action_finish_handoff"}).status_code == 401
    for name, process in system.stack.processes.items():
        cmdline = Path(f"/proc/{process.popen.pid}/cmdline").read_bytes().decode(errors="replace")
        assert system.settings.rasa_token not in cmdline and system.settings.actions_token not in cmdline, name
    assert system.artisan().say("bonjour").replies  # Rasa still reaches them
