"""The evaluation runner of shared/reference/triage-contract.md.

Each conversation of a cases file goes through the whole bot (NLU, policies, custom actions) in a
fresh conversation on the REST channel; the triage slots are read back from Rasa's HTTP API after
the last turn. The scoring functions are plain and tested on their own.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median
from typing import Any

import httpx
import yaml

URGENCY_ORDER = ["basse", "normale", "haute", "critique"]


EXPECT_KEYS = {"categories", "any_of", "forbid", "urgency", "urgency_at_least", "distress"}
CASE_KEYS = {"id", "turns", "expect", "tags"}


def case_errors(case: Mapping[str, Any]) -> list[str]:
    """What makes a conversation break the contract's format: a typo in a code would otherwise score
    silently (a forbidden category nobody can predict always "passes")."""
    from triage import CATEGORIES

    errors = []
    if not isinstance(case, Mapping):
        return [f"not a mapping: {case!r}"]
    if set(case) - CASE_KEYS:
        errors.append(f"unknown keys {sorted(set(case) - CASE_KEYS)}")
    if not case.get("id"):
        errors.append("no id")
    turns = case.get("turns")
    if not isinstance(turns, list) or not turns or not all(isinstance(t, str) and t.strip() for t in turns):
        errors.append("turns must be a non-empty list of non-empty texts")
    expect = case.get("expect") or {}
    if not isinstance(expect, Mapping) or set(expect) - EXPECT_KEYS:
        return [*errors, f"unknown expectations {sorted(set(expect) - EXPECT_KEYS)}"]
    named = set(expect.get("categories", [])) | set(expect.get("forbid", []))
    named |= {code for group in expect.get("any_of", []) for code in group}
    if named - set(CATEGORIES):
        errors.append(f"unknown categories {sorted(named - set(CATEGORIES))}")
    if set(expect.get("categories", [])) & set(expect.get("forbid", [])):
        errors.append("a category both expected and forbidden")
    if "urgency" in expect and "urgency_at_least" in expect:
        errors.append("both urgency and urgency_at_least")
    if "urgency" in expect and expect["urgency"] not in (*URGENCY_ORDER, None):
        errors.append(f"unknown urgency {expect['urgency']!r}")
    if "urgency_at_least" in expect and expect["urgency_at_least"] not in URGENCY_ORDER:
        errors.append(f"unknown urgency {expect['urgency_at_least']!r}")
    if "distress" in expect and not isinstance(expect["distress"], bool):
        errors.append("distress must be true or false")
    if expect.get("distress") is True and expect.get("urgency", "critique") != "critique":
        errors.append("distress means urgency critique")
    return errors


def load_cases(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    conversations = data.get("conversations")
    if not isinstance(conversations, list):
        raise ValueError(f"{path}: expected a top-level 'conversations' list")
    problems = [
        f"{case.get('id', '?') if isinstance(case, Mapping) else '?'}: {error}"
        for case in conversations
        for error in case_errors(case)
    ]
    ids = [case.get("id") for case in conversations if isinstance(case, Mapping)]
    problems += [f"{case_id}: id used twice" for case_id in sorted({i for i in ids if ids.count(i) > 1})]
    if problems:
        raise ValueError(f"{path}: " + "; ".join(problems))
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
        response = client.post(f"{rasa_url}/webhooks/rest/webhook", json={"sender": sender, "message": turn})
        response.raise_for_status()
        replies.append([m["text"] for m in response.json() if m.get("text")])
    tracker = client.get(f"{rasa_url}/conversations/{sender}/tracker", params={"token": token}).json()
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


def run_all(cases: list[Mapping[str, Any]], rasa_url: str, token: str, workers: int = 1) -> list[dict]:
    """Every conversation through the bot, in the order of `cases`; `workers` conversations at a time
    (each has its own sender, so they never share a tracker)."""
    with httpx.Client(timeout=60) as client:
        if workers <= 1:
            return [run_conversation(client, rasa_url, token, case) for case in cases]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(lambda case: run_conversation(client, rasa_url, token, case), cases))


def evaluate(cases: Iterable[Mapping[str, Any]], rasa_url: str, token: str, out: Path, workers: int = 1) -> Score:
    cases = list(cases)
    score = Score()
    out.parent.mkdir(parents=True, exist_ok=True)
    results = run_all(cases, rasa_url, token, workers)
    with out.open("w", encoding="utf-8") as sink:
        for case, result in zip(cases, results, strict=True):
            sink.write(json.dumps({key: result[key] for key in CONTRACT_KEYS}, ensure_ascii=False) + "\n")
            score.add(case["id"], check(case.get("expect") or {}, result))
            score.add_guidance(result["turns_to_guidance"])
    return score
