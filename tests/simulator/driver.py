"""Drives simulated artisans through the real running bot (REST channel, Rasa's HTTP API, the cases
database, the processes' log files) and collects what the invariants need."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text

from tests.simulator.invariants import INVARIANTS, Transcript, Violation, check, guidance_figures
from tests.simulator.pool import Pool, load_pool
from tests.simulator.user import DETOURS, Artisan

# Tracker fields kept after each turn (what the user model and the invariants read).
STATE_SLOTS = (
    "requested_slot",
    "case_reference",
    "guidance_given",
    "distress",
    "person_at_risk",
    "departement",
    "wants_advisor",
    "consent_given",
    "phone",
    "since_when",
    "deadline",
    "trade",
    "legal_form",
    "employees",
    "creditors",
    "steps_taken",
)


def conversation_seed(base_seed: int, index: int) -> int:
    """Each conversation has its own seed, so that one can be replayed alone."""
    return base_seed * 1_000_003 + index


class LogWatcher:
    """New ERROR / Traceback lines of the processes' logs since the last call (shared by the senders)."""

    def __init__(self, paths: list[Path]):
        self.paths = paths
        self.offsets = {path: (path.stat().st_size if path.exists() else 0) for path in paths}
        self.lock = threading.Lock()

    def new_errors(self) -> list[str]:
        errors = []
        with self.lock:
            for path in self.paths:
                if not path.exists():
                    continue
                with path.open("rb") as log:
                    log.seek(self.offsets[path])
                    chunk = log.read()
                # Only whole lines; a line still being written is read next time.
                complete = chunk[: chunk.rfind(b"\n") + 1]
                self.offsets[path] += len(complete)
                for line in complete.decode("utf-8", errors="replace").splitlines():
                    if "ERROR" in line or "Traceback" in line:
                        errors.append(f"{path.name}: {line.strip()}")
        return errors


@dataclass
class Bot:
    """The running product as an artisan and an auditor see it."""

    rasa_url: str
    rasa_token: str
    database_url: str
    logs: LogWatcher
    client: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=60))

    def __post_init__(self) -> None:
        self.engine = create_engine(self.database_url)

    def say(self, sender: str, message: str) -> tuple[int, list[str]]:
        try:
            response = self.client.post(
                f"{self.rasa_url}/webhooks/rest/webhook", json={"sender": sender, "message": message}
            )
        except httpx.HTTPError:  # a timeout or a dropped connection is a missing reply (status 0)
            return 0, []
        if response.status_code not in (200, 413):
            return response.status_code, []
        # A refused message (413, too long) still carries the bot's French answer in Rasa's format.
        return response.status_code, [m["text"] for m in response.json() if m.get("text")]

    def state(self, sender: str) -> dict[str, Any]:
        response = self.client.get(
            f"{self.rasa_url}/conversations/{sender}/tracker",
            params={"token": self.rasa_token, "include_events": "NONE"},
        )
        response.raise_for_status()
        tracker = response.json()
        slots = tracker.get("slots") or {}
        state = {name: slots.get(name) for name in STATE_SLOTS}
        state["active_loop"] = (tracker.get("active_loop") or {}).get("name")
        return state

    def stored_case(self, sender: str) -> dict[str, Any] | None:
        with self.engine.connect() as connection:
            row = (
                connection.execute(
                    text("SELECT reference, departement, phone FROM cases WHERE conversation_id = :sender"),
                    {"sender": sender},
                )
                .mappings()
                .first()
            )
        return dict(row) if row else None

    def close(self) -> None:
        self.client.close()
        self.engine.dispose()


def run_conversation(bot: Bot, seed: int, pool: Pool | None = None, prefix: str = "sim") -> Transcript:
    pool = pool or load_pool()
    artisan = Artisan(pool, random.Random(seed), first_detour=list(DETOURS)[seed % len(DETOURS)])
    transcript = Transcript(seed=seed, sender=f"{prefix}-{seed}-{random.Random().getrandbits(32):08x}")
    state: dict[str, Any] = {}
    while (turn := artisan.next_turn(state)) is not None:
        turn.status, turn.replies = bot.say(transcript.sender, turn.user)
        state = bot.state(transcript.sender)
        turn.state = state
        turn.errors = bot.logs.new_errors()
        transcript.turns.append(turn)
    transcript.case = bot.stored_case(transcript.sender)
    return transcript


@dataclass
class Run:
    base_seed: int
    transcripts: list[Transcript] = field(default_factory=list)
    violations: dict[str, list[tuple[Transcript, Violation]]] = field(default_factory=dict)

    def add(self, transcript: Transcript) -> None:
        self.transcripts.append(transcript)
        for violation in check(transcript):
            self.violations.setdefault(violation.invariant, []).append((transcript, violation))

    def summary(self) -> dict[str, Any]:
        counts = {name: len(self.violations.get(name, [])) for name in INVARIANTS}
        return {
            "seed": self.base_seed,
            "conversations": len(self.transcripts),
            "turns": sum(len(t.turns) for t in self.transcripts),
            "violations": counts,
            "conversations_with_a_violation": len({t.sender for found in self.violations.values() for t, _ in found}),
            **guidance_figures(self.transcripts),
            # How often the consent-and-contact invariant was put to the test, by way of reaching the artisan.
            "cases_expected": sum(t.consented() and t.gave_a_way_to_be_reached() for t in self.transcripts),
            "addresses_instead_of_phone": sum(
                t.consented() and not t.gave_phone() and t.gave_a_way_to_be_reached() for t in self.transcripts
            ),
        }

    def explain(self, invariant: str, examples: int = 1) -> str:
        """The first violating transcripts in full, shortest first, with how to replay them."""
        found = sorted(self.violations.get(invariant, []), key=lambda pair: len(pair[0].turns))
        parts = [
            f"{invariant}: {len(found)} violation(s) in {len(self.transcripts)} conversations "
            f"(SIM_SEED={self.base_seed})"
        ]
        shown = set()
        for transcript, violation in found:
            if transcript.sender in shown:
                continue
            shown.add(transcript.sender)
            parts.append(f"-- turn {violation.turn}: {violation.detail}\n{transcript.render()}")
            if len(shown) >= examples:
                break
        return "\n".join(parts)


def simulate(
    bot_factory: Callable[[], Bot],
    conversations: int,
    base_seed: int,
    senders: int = 1,
    progress: Callable[[Run], None] | None = None,
    pool: Pool | None = None,
) -> Run:
    """`conversations` artisans, `senders` of them talking at the same time (each with its own client)."""
    run = Run(base_seed)
    lock = threading.Lock()
    local = threading.local()
    bots: list[Bot] = []

    def one(index: int) -> None:
        if not hasattr(local, "bot"):
            local.bot = bot_factory()
            with lock:
                bots.append(local.bot)
        transcript = run_conversation(local.bot, conversation_seed(base_seed, index), pool)
        with lock:
            run.add(transcript)
            if progress:
                progress(run)

    try:
        if senders <= 1:
            for index in range(conversations):
                one(index)
        else:
            with ThreadPoolExecutor(max_workers=senders) as executor:
                list(executor.map(one, range(conversations)))
    finally:
        for bot in bots:
            bot.close()
    run.transcripts.sort(key=lambda t: t.seed)
    return run
