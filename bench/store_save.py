"""`python -m bench.store_save`: the CPU a tracker store's `save` costs per turn, stores compared in one process.

The whole-stack benchmarks cannot see a change of a few per cent of a turn on a shared machine; this times only the
saves, in alternating rounds so that the machine's noise falls on every store alike. Each turn appends what a Relais
form turn stores (a user message with its parse data and three ranked intents, the form action, slots, a bot message,
action_listen) to a conversation, then saves it.

    python -m bench.store_save                          # Rasa's SQLTrackerStore and ours, on SQLite
    python -m bench.store_save --compare OLD.py         # and the CachedSQLTrackerStore of an older bot/tracker_store.py
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.tracker_store import CachedSQLTrackerStore

DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [inform, affirm, deny]
slots:
  trade: {type: text, mappings: [{type: custom}]}
  since_when: {type: text, mappings: [{type: custom}]}
  requested_slot: {type: any, mappings: [{type: custom}]}
""")


def _turn(index: int) -> list[Event]:
    ranking = [{"name": name, "confidence": 0.9 / (rank + 1)} for rank, name in enumerate(["inform", "affirm", "deny"])]
    parse_data = {"intent": ranking[0], "intent_ranking": ranking, "entities": [], "text": f"réponse {index}"}
    return [
        UserUttered(f"réponse {index}", ranking[0], [], parse_data),
        ActionExecuted("situation_form"),
        SlotSet("since_when", f"depuis {index} mois"),
        SlotSet("requested_slot", "trade"),
        BotUttered(f"Question numéro {index} ?", {"elements": None}),
        ActionExecuted("action_listen"),
    ]


def _load(path: Path) -> type[SQLTrackerStore]:
    spec = importlib.util.spec_from_file_location(f"compared_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    store: type[SQLTrackerStore] = module.CachedSQLTrackerStore
    return store


async def _round(store: SQLTrackerStore, prefix: str, conversations: int, turns: int) -> float:
    """CPU seconds spent in `save` over `conversations` conversations of `turns` turns."""
    spent = 0.0
    for number in range(conversations):
        sender = f"{prefix}-{number}"
        for index in range(turns):
            tracker = await store.retrieve(sender) or DialogueStateTracker(sender, DOMAIN.slots)
            tracker.update_with_events(_turn(index), DOMAIN)
            started = time.process_time()
            await store.save(tracker)
            spent += time.process_time() - started
    return spent


async def main(args: argparse.Namespace) -> None:
    stores = {"rasa SQLTrackerStore": SQLTrackerStore, "relais CachedSQLTrackerStore": CachedSQLTrackerStore}
    if args.compare:
        stores[f"relais, {args.compare.name}"] = _load(args.compare)
    with tempfile.TemporaryDirectory(prefix="relais-store-save-") as tmp:
        opened = {
            name: kind(DOMAIN, host=f"sqlite:///{tmp}/{index}.db") for index, (name, kind) in enumerate(stores.items())
        }
        spent: dict[str, list[float]] = {name: [] for name in stores}
        for round_number in range(args.rounds):
            for name, store in opened.items():
                seconds = await _round(store, f"r{round_number}", args.conversations, args.turns)
                spent[name].append(seconds * 1000 / (args.conversations * args.turns))
        for store in opened.values():
            store.engine.dispose()
    print(f"CPU per save (ms), median of {args.rounds} rounds of {args.conversations} x {args.turns} turns, SQLite:")
    for name, values in spent.items():
        print(f"  {name:40} {statistics.median(values):6.3f}  (rounds: {', '.join(f'{v:.3f}' for v in values)})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--conversations", type=int, default=20)
    parser.add_argument("--turns", type=int, default=16)
    parser.add_argument("--compare", type=Path, help="an older bot/tracker_store.py to time beside")
    asyncio.run(main(parser.parse_args()))
