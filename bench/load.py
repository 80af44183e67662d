"""An asyncio load generator: N artisans, each a whole scripted conversation on Rasa's REST channel.

Every artisan starts at a random moment within the first pause (people do not arrive in step), sends one
message, waits for the answer, pauses, and so on to the end of its script. A turn is one request and its
answer; its latency is measured by the client, so it includes nginx and everything behind it.
"""

from __future__ import annotations

import asyncio
import itertools
import random
import statistics
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

# The answers the bot accepts in the order it asks (see tests/e2e/test_walking_skeleton.py): 16 turns
# from a greeting to a case reference.
RELAIS_SCRIPT = (
    "bonjour",
    "l'urssaf me réclame trois trimestres de cotisations et je n'arrive plus à payer",
    "depuis 6 mois",
    "non",
    "boulanger",
    "SARL",
    "2 salariés",
    "dans le 59",
    "environ 8000 euros à l'urssaf",
    "rien encore",
    "oui",
    "oui",
    "Sophie",
    "06 12 34 56 78",
    "passer",
    "plutôt le matin",
)

# Each artisan words the same facts its own way: the triage caches what it computed per message text, so a
# benchmark that repeats one script measures that cache after the first conversation, not the work a chamber's
# new messages cost. Only words that fill no slot vary (an opening, a closing, the amount, the name, the
# number), so every conversation still walks the 16 turns above to its case.
_OPENINGS = ("", "alors voilà, ", "bon, ", "en fait ", "je vous explique, ", "pour faire court, ", "voilà, ", "euh ")
_COUNTS = ("trois trimestres", "deux trimestres", "quatre trimestres", "plusieurs trimestres")
_CLOSINGS = ("", ", voilà", " pour ma boulangerie", ", c'est pour ça que j'écris", " en ce moment", " cette année")
_NAMES = ("Sophie", "Karim", "Nadia", "Julien", "Maëlle", "Thierry", "Fatou", "Yannick", "Chantal", "Mehdi")


# Artisans are numbered across every run of the process: a saturation run after the paced one is new people.
_ARTISANS = itertools.count()


def relais_script(index: int) -> tuple[str, ...]:
    """The Relais script as the ``index``-th artisan writes it: the same answers, in words of its own."""
    rng = random.Random(index)
    script = list(RELAIS_SCRIPT)
    script[1] = (
        f"{rng.choice(_OPENINGS)}l'urssaf me réclame {rng.choice(_COUNTS)} de cotisations "
        f"et je n'arrive plus à payer{rng.choice(_CLOSINGS)}"
    )
    script[8] = f"environ {rng.randrange(3000, 15000, 10)} euros à l'urssaf"
    script[12] = rng.choice(_NAMES)
    script[13] = f"06 12 {rng.randrange(10, 99)} {index // 100 % 100:02d} {index % 100:02d}"  # mainland mobiles
    return tuple(script)


# `rasa init`'s mood bot, as many turns as the Relais script.
STOCK_SCRIPT = (
    "hello",
    "I am feeling sad",
    "no",
    "yes",
    "great",
    "bye",
    "are you a bot?",
    "hi",
    "very bad",
    "not really",
    "perfect",
    "goodbye",
    "am I talking to a human?",
    "hey",
    "I am sad",
    "yes",
)


def relais_completed(replies: list[str]) -> bool:
    """The last answer gives the case reference."""
    return any("RL-" in reply for reply in replies)


def stock_completed(replies: list[str]) -> bool:
    return True  # the mood bot has no end: it completed when it took every turn


# The mood bot stays silent on some turns of a script it was not written for (after "goodbye", say);
# Relais answers every message, so silence is an error there only.
SILENCE_ALLOWED = {STOCK_SCRIPT}


@dataclass
class Conversation:
    sender: str
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    completed: bool = False


@dataclass
class LoadResult:
    label: str
    conversations: list[Conversation]
    seconds: float
    pause_s: float

    @property
    def latencies(self) -> list[float]:
        return [latency for c in self.conversations for latency in c.latencies]

    @property
    def turns(self) -> int:
        return len(self.latencies)

    @property
    def errors(self) -> int:
        return sum(len(c.errors) for c in self.conversations)

    @property
    def completed(self) -> int:
        return sum(c.completed for c in self.conversations)

    @property
    def throughput(self) -> float:
        return self.turns / self.seconds if self.seconds else 0.0

    def percentile_ms(self, q: float) -> float:
        values = sorted(self.latencies)
        if not values:
            return float("nan")
        if len(values) == 1:
            return values[0] * 1000
        return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] * 1000

    def summary(self) -> dict:
        return {
            "label": self.label,
            "conversations": len(self.conversations),
            "pause_s": self.pause_s,
            "turns": self.turns,
            "seconds": round(self.seconds, 1),
            "turns_per_s": round(self.throughput, 2),
            "p50_ms": round(self.percentile_ms(50)),
            "p95_ms": round(self.percentile_ms(95)),
            "p99_ms": round(self.percentile_ms(99)),
            "errors": self.errors,
            "completed": self.completed,
            "first_errors": [e for c in self.conversations for e in c.errors][:5],
        }


async def _converse(
    client: httpx.AsyncClient,
    url: str,
    conversation: Conversation,
    script: tuple[str, ...],
    pause_s: float,
    start_after_s: float,
    completed: Callable[[list[str]], bool],
) -> None:
    await asyncio.sleep(start_after_s)
    replies: list[str] = []
    for index, text in enumerate(script):
        if index:
            await asyncio.sleep(pause_s)
        started = time.perf_counter()
        try:
            response = await client.post(
                url,
                json={"sender": conversation.sender, "message": text},
                # As deploy/README.md asks of REST clients: keeps a conversation on one Rasa server in production.
                headers={"X-Relais-Conversation": conversation.sender},
            )
            elapsed = time.perf_counter() - started
            if response.status_code != 200:
                conversation.errors.append(f"turn {index}: HTTP {response.status_code}")
                return
            replies = [m.get("text", "") for m in response.json() if m.get("text")]
        except (httpx.HTTPError, ValueError) as error:
            conversation.errors.append(f"turn {index}: {type(error).__name__}: {error}")
            return
        conversation.latencies.append(elapsed)
        if not replies and script not in SILENCE_ALLOWED:
            conversation.errors.append(f"turn {index}: no answer")
            return
    conversation.completed = completed(replies)
    if not conversation.completed:
        conversation.errors.append(f"not completed, last answer: {replies[-1][:80]!r}")


async def run_load(
    label: str,
    base_url: str,
    conversations: int,
    pause_s: float,
    script: tuple[str, ...] | Callable[[int], tuple[str, ...]],
    completed: Callable[[list[str]], bool],
    prefix: str = "bench",
    seed: int = 7,
) -> LoadResult:
    """Runs ``conversations`` artisans at once against ``base_url`` (Rasa or nginx) and measures every turn.

    ``script`` is every artisan's script, or a function giving the ``i``-th artisan's own (``relais_script``).
    """
    scripts = [script(next(_ARTISANS)) if callable(script) else script for _ in range(conversations)]
    random_starts = random.Random(seed)
    url = f"{base_url.rstrip('/')}/webhooks/rest/webhook"
    run_id = uuid.uuid4().hex[:6]
    people = [Conversation(f"{prefix}-{run_id}-{i:03d}") for i in range(conversations)]
    limits = httpx.Limits(max_connections=conversations + 10, max_keepalive_connections=conversations + 10)
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(
            *(
                _converse(client, url, person, own, pause_s, random_starts.uniform(0, pause_s), completed)
                for person, own in zip(people, scripts, strict=True)
            )
        )
        seconds = time.perf_counter() - started
    return LoadResult(label, people, seconds, pause_s)
