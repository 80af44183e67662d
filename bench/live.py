"""`python -m bench.live`: the live chat under load (issue 16): N conversations taken over at once, each
artisan and its advisor writing to each other; the latency of a message from one side to the other.

Each conversation has a case and a live request (written through ``cases`` as the action server does), an
advisor who claims it over the API (advisors hold ``--per-advisor`` conversations each, as people do), the
artisan's WebSocket (``/widget/live/{conversation}``) and the advisor's (``/inbox/live/{reference}``). Both
sides then take turns: one writes, the other receives it, pauses (``--pause``, randomized), answers, and so on
for ``--messages`` messages each way. A message's latency runs from the moment its frame is written on one
socket to the moment it is read on the other, both measured by this process (one monotonic clock). A message
received twice or never counts as an error.

    python -m bench.live                               # embedded: one web app, messages carried in-process
    python -m bench.live --mode production             # nginx, web app behind it, PostgreSQL, Redis bus

Prints p50/p95/p99/max, errors, the load average before and after, and the web app's CPU per message.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import websockets

from bench.__main__ import RESULTS_DIR, cpu_snapshot, embedded_stack, machine, production_stack, started
from cases.db import make_engine, make_session_factory
from cases.drafts import CaseDraft
from cases.live import LiveRepository
from cases.reference import new_reference
from cases.repository import CaseRepository
from chamber import load_chamber
from ops.settings import REPO_ROOT
from ops.stack import Stack

TARGET_P95_MS = 200
PASSWORD = "mot de passe du banc de charge"


@dataclass
class Conversation:
    conversation_id: str
    reference: str
    advisor: int  # index of the advisor holding it
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class Advisor:
    email: str
    cookie: str = ""  # the Cookie header of its session (production's cookie is Secure: sent by hand over http)
    csrf: str = ""


def case_draft(conversation_id: str, chamber_id: str) -> CaseDraft:
    now = datetime.now(timezone.utc)
    return CaseDraft(
        conversation_id=conversation_id,
        reference=new_reference(),
        chamber_id=chamber_id,
        categories=["cotisations_sociales"],
        urgency="normale",
        reasons={"cotisations_sociales": ["trois trimestres impayés"]},
        summary="Boulanger, deux salariés : l'URSSAF réclame trois trimestres de cotisations.",
        situation={"trade": "boulanger", "employees": "2"},
        guidance=[],
        contact_name="Sophie",
        phone="+33612345678",
        email=None,
        callback_slot="plutôt le matin",
        departement="92",
        consent_version="2025-11-v1",
        consent_at=now,
        health_consent=False,
        transcript=[{"sender": "artisan", "text": "l'urssaf me réclame trois trimestres", "at": now.isoformat()}],
    )


def prepare(database_url: str, settings_env: dict[str, str], count: int, per_advisor: int) -> tuple:
    """Cases, live requests and advisor accounts, written through the core as the product writes them."""
    chamber = load_chamber().id
    engine = make_engine(database_url)
    sessions = make_session_factory(engine)
    cases, live = CaseRepository(sessions), LiveRepository(sessions)
    run = uuid.uuid4().hex[:8]
    conversations = []
    for index in range(count):
        conversation_id = f"benchlive-{run}-{index:03d}"
        reference = cases.save_draft(case_draft(conversation_id, chamber))
        live.request(conversation_id)
        conversations.append(Conversation(conversation_id, reference, index // per_advisor))
    engine.dispose()
    advisors = []
    for index in range((count + per_advisor - 1) // per_advisor):
        email = f"banc-{run}-{index}@cma.test"
        subprocess.run(
            [
                *(sys.executable, "-m", "inbox", "create-user", "--email", email, "--name", f"Conseil{index} Banc"),
                *("--chamber", chamber, "--role", "advisor", "--password-stdin"),
            ],
            input=PASSWORD,
            text=True,
            cwd=REPO_ROOT,
            env={**os.environ, **settings_env},
            capture_output=True,
            check=True,
        )
        advisors.append(Advisor(email))
    return conversations, advisors


async def log_in_and_claim(web_url: str, advisors: list[Advisor], conversations: list[Conversation]) -> None:
    async with httpx.AsyncClient(base_url=web_url, timeout=60) as client:
        for advisor in advisors:
            client.cookies.clear()
            response = await client.post("/api/v1/auth/login", json={"email": advisor.email, "password": PASSWORD})
            response.raise_for_status()
            advisor.cookie = "; ".join(h.split(";", 1)[0] for h in response.headers.get_list("set-cookie"))
            advisor.csrf = response.json()["csrf_token"]
            client.cookies.clear()
        for conversation in conversations:
            advisor = advisors[conversation.advisor]
            response = await client.post(
                f"/api/v1/cases/{conversation.reference}/live/claim",
                headers={"X-CSRF-Token": advisor.csrf, "Cookie": advisor.cookie},
            )
            response.raise_for_status()


def _ws_url(base: str, path: str) -> str:
    parts = urlsplit(base)
    return f"{'wss' if parts.scheme == 'https' else 'ws'}://{parts.netloc}{path}"


async def _next_message(socket: Any, sender: str, timeout: float) -> dict:
    """The next message frame from ``sender`` (system lines and state frames are skipped)."""
    while True:
        frame = json.loads(await asyncio.wait_for(socket.recv(), timeout))
        if frame.get("type") == "message" and frame.get("sender") == sender:
            return frame


async def converse(
    conversation: Conversation,
    advisor: Advisor,
    artisan_url: str,
    advisor_url: str,
    messages: int,
    pause: float,
) -> None:
    await asyncio.sleep(random.uniform(0, pause))  # people do not start in step
    origin = f"{urlsplit(artisan_url).scheme}://{urlsplit(artisan_url).netloc}"
    cookie = advisor.cookie
    try:
        async with (
            websockets.connect(
                _ws_url(artisan_url, f"/widget/live/{conversation.conversation_id}?after=0"),
                extra_headers={"Origin": origin},
            ) as artisan,
            websockets.connect(
                _ws_url(advisor_url, f"/inbox/live/{conversation.reference}?after=0"),
                # A program, not a page: no Origin, the session cookie authenticates (inbox/pages/live.py).
                extra_headers={"Cookie": cookie},
            ) as desk,
        ):
            await asyncio.sleep(0.5)  # both sockets past their backlog
            sides = ((artisan, desk, "artisan"), (desk, artisan, "advisor"))
            for turn in range(messages * 2):
                writer, reader, sender = sides[turn % 2]
                text = f"{sender} {turn} {uuid.uuid4().hex[:6]}"
                started = time.monotonic()
                await writer.send(json.dumps({"type": "message", "text": text, "client_id": uuid.uuid4().hex}))
                try:
                    frame = await _next_message(reader, sender, timeout=30)
                except asyncio.TimeoutError:
                    conversation.errors.append(f"{text!r} never reached the other side")
                    continue
                conversation.latencies_ms.append((time.monotonic() - started) * 1000)
                if frame["text"] != text:
                    conversation.errors.append(f"{text!r} arrived as {frame['text']!r}")
                await asyncio.sleep(random.uniform(pause * 0.5, pause * 1.5))
    except (OSError, websockets.WebSocketException) as error:
        conversation.errors.append(f"socket: {error!r}")


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


@contextlib.contextmanager
def system(mode: str, var_dir: Path, start_timeout: float) -> Iterator[tuple[Stack, str, str, str]]:
    """A fresh Relais with its web app: (stack, the artisans' base URL, the advisors' base URL, cases database).
    Embedded: one web app, messages carried in-process. Production: behind nginx, PostgreSQL, the Redis bus."""
    if mode == "embedded":
        with started(embedded_stack(var_dir), start_timeout) as stack:
            yield stack, stack.settings.web_url, stack.settings.web_url, stack.settings.database_url
        return
    with production_stack(var_dir, "relais_benchlive") as production, started(production, start_timeout):
        yield production, production.public_url, production.public_url, production.settings.database_url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.live", description=__doc__.split("\n\n")[0])
    parser.add_argument("--mode", choices=("embedded", "production"), default="embedded")
    parser.add_argument("--conversations", type=int, default=20, help="live conversations at once (default 20)")
    parser.add_argument("--per-advisor", type=int, default=4, help="conversations each advisor holds (default 4)")
    parser.add_argument("--messages", type=int, default=10, help="messages each way per conversation (default 10)")
    parser.add_argument("--pause", type=float, default=1.0, help="seconds between a message and the answer")
    parser.add_argument("--start-timeout", type=float, default=300)
    args = parser.parse_args(argv)

    host = machine()
    print(f"Machine: {host['cpu']}, {host['cores']} cores; load average {' '.join(map(str, host['load_average']))}")
    report: dict[str, Any] = {
        "at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "command": " ".join(["python -m bench.live", *(argv if argv is not None else sys.argv[1:])]),
        "mode": args.mode,
        "machine_before": host,
    }
    with (
        tempfile.TemporaryDirectory(prefix="relais-bench-live-") as tmp,
        system(args.mode, Path(tmp), args.start_timeout) as (stack, artisan_url, advisor_url, database_url),
    ):
        conversations, advisors = prepare(
            database_url, stack.settings.process_env(), args.conversations, args.per_advisor
        )
        asyncio.run(log_in_and_claim(advisor_url, advisors, conversations))
        cpu_before, started = cpu_snapshot(stack), time.monotonic()

        async def everyone() -> None:
            await asyncio.gather(
                *(
                    converse(c, advisors[c.advisor], artisan_url, advisor_url, args.messages, args.pause)
                    for c in conversations
                )
            )

        asyncio.run(everyone())
        elapsed = time.monotonic() - started
        cpu_after = cpu_snapshot(stack)
    latencies = [ms for c in conversations for ms in c.latencies_ms]
    errors = [e for c in conversations for e in c.errors]
    web_cpu = {name: round(cpu_after[name] - cpu_before.get(name, 0), 2) for name in cpu_after if "web" in name}
    report.update(
        {
            "conversations": len(conversations),
            "messages": len(latencies),
            "errors": len(errors),
            "error_samples": errors[:5],
            "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
            "p95_ms": round(percentile(latencies, 95), 1),
            "p99_ms": round(percentile(latencies, 99), 1),
            "max_ms": round(max(latencies), 1) if latencies else None,
            "seconds": round(elapsed, 1),
            "web_cpu_s": web_cpu,
            "web_cpu_ms_per_message": {
                name: round(1000 * s / max(len(latencies), 1), 2) for name, s in web_cpu.items()
            },
            "machine_after": machine(),
        }
    )
    print(
        f"Live chat ({args.mode}): {len(conversations)} conversations at once, {len(latencies)} messages in "
        f"{elapsed:.0f} s: p50 {report['p50_ms']} ms, p95 {report['p95_ms']} ms, p99 {report['p99_ms']} ms, "
        f"max {report['max_ms']} ms; {len(errors)} errors {errors[:3]}"
    )
    print(f"  web app CPU: {web_cpu} s ({report['web_cpu_ms_per_message']} ms per message)")
    print(f"  load average before {host['load_average']}, after {report['machine_after']['load_average']}")
    print(f"  p95 under {TARGET_P95_MS} ms: {'met' if report['p95_ms'] < TARGET_P95_MS else 'MISSED'}")
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"live-{args.mode}-{datetime.now().astimezone().strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"Figures written to {out}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
