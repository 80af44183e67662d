"""The evaluation runner of shared/reference/triage-contract.md.

Each conversation of a cases file goes through the whole bot (NLU, policies, custom actions) in a
fresh conversation on the REST channel; the triage slots are read back from Rasa's HTTP API after
the last turn. The scoring functions are plain and tested on their own.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from statistics import median
from pathlib import Path
from typing import Any, Iterable, Mapping

import httpx
import yaml

URGENCY_ORDER = ["basse", "normale", "haute", "critique"]


def load_cases(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    conversations = data.get("conversations")
    if not isinstance(conversations, list):
        raise ValueError(f"{path}: expected a top-level 'conversations' list")
    for case in conversations:
        if not case.get("id") or not isinstance(case.get("turns"), list):
            raise ValueError(f"{path}: every conversation needs an 'id' and a list of 'turns': {case!r}")
    return conversations


def _rank(level: str | None) -> int:
    return URGENCY_ORDER.index(level) if level in URGENCY_ORDER else -1


def check(expect: Mapping[str, Any], result: Mapping[str, Any]) -> dict[str, bool]:
    """One verdict per expectation kind present in `expect` (True when satisfied)."""
    predicted = set(result.get("categories") or [])
    verdicts: dict[str, bool] = {}
    if "categories" in expect:
        verdicts["categories"] = set(expect["categories"]) <= predicted
    if "any_of" in expect:
        verdicts["any_of"] = all(predicted & set(group) for group in expect["any_of"])
    if "forbid" in expect:
        verdicts["forbid"] = not (predicted & set(expect["forbid"]))
    if "urgency" in expect:
        verdicts["urgency"] = result.get("urgency") == expect["urgency"]
    if "urgency_at_least" in expect:
        verdicts["urgency_at_least"] = _rank(result.get("urgency")) >= _rank(expect["urgency_at_least"])
    if "distress" in expect:
        verdicts["distress"] = bool(result.get("distress")) == bool(expect["distress"])
    return verdicts


def turns_to_first_guidance(events: Iterable[Mapping[str, Any]]) -> int | None:
    """Bot turns from the first one where a difficulty was recognised (`difficulty_categories` set) up to
    and including the one that gave first guidance (`guidance_given` set): 1 when the reply to the
    description itself guides, as issue 12 counts them. None when either never happened."""
    user_turns = 0
    difficulty_at = None
    for event in events:
        if event.get("event") == "user":
            user_turns += 1
        elif event.get("event") == "slot" and event.get("value"):
            if event.get("name") == "difficulty_categories" and difficulty_at is None:
                difficulty_at = user_turns
            elif event.get("name") == "guidance_given" and difficulty_at is not None:
                return user_turns - difficulty_at + 1
    return None


@dataclass
class Score:
    cases: int = 0
    passed: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [passed, total]
    failures: list[tuple[str, list[str]]] = field(default_factory=list)
    guidance_turns: list[int] = field(default_factory=list)  # turns_to_first_guidance of the guided ones

    def add_guidance(self, turns: int | None) -> None:
        if turns is not None:
            self.guidance_turns.append(turns)

    def guidance_report(self) -> str:
        if not self.guidance_turns:
            return f"  first guidance: in none of {self.cases} conversations"
        return (
            f"  bot turns to first guidance: median {median(self.guidance_turns):g}, "
            f"max {max(self.guidance_turns)} ({len(self.guidance_turns)} of {self.cases} conversations "
            "reached guidance)"
        )

    def add(self, case_id: str, verdicts: Mapping[str, bool]) -> None:
        self.cases += 1
        failed = [kind for kind, ok in verdicts.items() if not ok]
        if not failed:
            self.passed += 1
        else:
            self.failures.append((case_id, failed))
        for kind, ok in verdicts.items():
            tally = self.by_kind.setdefault(kind, [0, 0])
            tally[0] += int(ok)
            tally[1] += 1

    def report(self) -> str:
        lines = [f"conversations: {self.cases}, all expectations met: {self.passed}", self.guidance_report()]
        for kind, (ok, total) in sorted(self.by_kind.items()):
            lines.append(f"  {kind:18} {ok}/{total} ({100 * ok / total:.1f}%)")
        for case_id, failed in self.failures:
            lines.append(f"  FAILED {case_id}: {', '.join(failed)}")
        return "\n".join(lines)


def run_conversation(client: httpx.Client, rasa_url: str, token: str, case: Mapping[str, Any]) -> dict:
    sender = f"eval-{case['id']}-{uuid.uuid4().hex[:8]}"
    replies = []
    for turn in case["turns"]:
        response = client.post(
            f"{rasa_url}/webhooks/rest/webhook", json={"sender": sender, "message": turn}
        )
        response.raise_for_status()
        replies.append([m["text"] for m in response.json() if m.get("text")])
    tracker = client.get(
        f"{rasa_url}/conversations/{sender}/tracker", params={"token": token}
    ).json()
    slots = tracker.get("slots", {})
    return {
        "id": case["id"],
        "categories": list(slots.get("difficulty_categories") or []),
        "urgency": slots.get("urgency"),
        "distress": bool(slots.get("distress")),
        "replies": replies,
        # Not part of the contract's JSON line (evaluate() leaves it out): for the score only.
        "turns_to_guidance": turns_to_first_guidance(tracker.get("events") or []),
    }


CONTRACT_KEYS = ("id", "categories", "urgency", "distress", "replies")


def evaluate(cases: Iterable[Mapping[str, Any]], rasa_url: str, token: str, out: Path) -> Score:
    score = Score()
    out.parent.mkdir(parents=True, exist_ok=True)
    with httpx.Client(timeout=60) as client, out.open("w", encoding="utf-8") as sink:
        for case in cases:
            result = run_conversation(client, rasa_url, token, case)
            sink.write(json.dumps({key: result[key] for key in CONTRACT_KEYS}, ensure_ascii=False) + "\n")
            score.add(case["id"], check(case.get("expect") or {}, result))
            score.add_guidance(result["turns_to_guidance"])
    return score
