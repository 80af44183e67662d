"""Reading what the artisan said out of a Rasa tracker's events (plain data, no rasa_sdk import)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import Any, TypeGuard

from triage import kept_without_health, mentions_health

# Answers collected by the intake form; also what the triage reads as `situation`.
SITUATION_SLOTS = (
    "since_when",
    "deadline",
    "trade",
    "legal_form",
    "employees",
    "departement",
    "creditors",
    "steps_taken",
)

# Written into a skipped slot so that the question is never asked twice.
SKIPPED = "non précisé"
# The button under a question the artisan may leave unanswered (the value stored is then SKIPPED).
SKIP_BUTTON = {"title": "Passer", "payload": "/skip_question"}


def _is_typed_text(text: str | None) -> TypeGuard[str]:
    # Button payloads ("/affirm") are not the artisan's words.
    return bool(text and not text.startswith("/"))


def user_messages(events: Iterable[Mapping[str, Any]]) -> list[str]:
    """Every message the artisan typed in this conversation, oldest first."""
    return [event["text"] for event in events if event.get("event") == "user" and _is_typed_text(event.get("text"))]


def said_before(events: Iterable[Mapping[str, Any]], text: str, prefix: bool = False) -> bool:
    """Whether the bot already said this message (or, with prefix, one starting with it)."""
    for event in events:
        if event.get("event") == "bot":
            said = event.get("text") or ""
            if said == text or (prefix and said.startswith(text)):
                return True
    return False


def situation(slots: Mapping[str, Any]) -> dict[str, str]:
    """The situation answers that are known (skipped ones excluded)."""
    return {name: str(slots[name]) for name in SITUATION_SLOTS if slots.get(name) not in (None, "", SKIPPED)}


def _timestamp(event: Mapping[str, Any]) -> str:
    seconds = event.get("timestamp")
    if seconds is None:
        return datetime.now(timezone.utc).isoformat()
    return datetime.fromtimestamp(float(seconds), tz=timezone.utc).isoformat()


# What the artisan saw on the buttons whose payload is an intent, for the advisor's transcript.
BUTTON_WORDS = {"/affirm": "Oui", "/deny": "Non", "/skip_question": "Passer"}


# The crisis path's questions (the direct question about suicide, the safety question): whatever answers them is health
# information (RGPD art. 9), withheld whole without the health consent, and no fact of the business.
CRISIS_QUESTIONS = frozenset({"suicide_thoughts", "safe_now"})


def crisis_answers(events: Iterable[Mapping[str, Any]]) -> list[str]:
    """The artisan's messages typed while the direct question about suicide or the safety question was pending."""
    asked = None
    answers: list[str] = []
    for event in events:
        if event.get("event") == "slot" and event.get("name") == "requested_slot":
            asked = event.get("value")
        elif event.get("event") == "user" and asked in CRISIS_QUESTIONS and _is_typed_text(event.get("text")):
            answers.append(str(event["text"]))
    return answers


def transcript(events: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The conversation as the advisor will read it: who said what, and when.

    Lines about health (the artisan's or a relative's), distress or exhaustion carry `"health": True` (and so does the bot's reply right
    after, which may say it back), so that the case store drops them without health consent. An artisan's line that
    says more than health also carries `"kept"`: its words with the clauses of health replaced (triage.kept_without_health),
    what the store keeps of it without the consent (round 26, r26b-14: the whole message was lost). An answer to the
    direct question about suicide or to the safety question (``CRISIS_QUESTIONS``) is health whole, whatever its words
    (``"crisis_answer"``): nothing of it is kept without the consent.
    """
    lines: list[dict[str, Any]] = []
    previous_was_health = False
    asked = None
    for event in events:
        kind = event.get("event")
        text = event.get("text")
        if kind == "slot" and event.get("name") == "requested_slot":
            asked = event.get("value")
        if kind == "user" and _is_typed_text(text):
            line: dict[str, Any] = {"sender": "artisan", "text": text, "at": _timestamp(event)}
            previous_was_health = mentions_health(text)
            if asked in CRISIS_QUESTIONS:
                # Round 27 (r27-a-14, D22): "oui. j'y pense depuis l'incendie" answers the direct question about
                # suicide, health whatever its words; it was kept verbatim while "je tiens plus" was withheld.
                line.update(health=True, crisis_answer=True)
                lines.append(line)
                previous_was_health = True
                continue
        elif kind == "user" and text in BUTTON_WORDS:
            line = {"sender": "artisan", "text": BUTTON_WORDS[text], "at": _timestamp(event)}
            previous_was_health = False
        elif kind == "bot" and text:
            line = {"sender": "bot", "text": text, "at": _timestamp(event)}
        else:
            continue
        if previous_was_health:
            line["health"] = True
            kept = kept_without_health(line["text"]) if line["sender"] == "artisan" else None
            if kept:
                line["kept"] = kept
        if line["sender"] == "bot":
            previous_was_health = False
        lines.append(line)
    return lines


def difficulty_first_told(events: list[dict[str, Any]]) -> bool:
    """The latest message names the conversation's first difficulty: the triage set the difficulty categories with it
    (its slot event after the message) and none was known before. Round 27 (talk-a r27-a-17, D24): "au secours y a
    l'huissier qui est la il veut prendre mon camion ... je fais quoi ???" as the first words was taken for a question
    on a difficulty "known already" (the categories its own triage had just set), answered "Je ne peux pas vous
    répondre avec certitude" alone: no restatement, no intake, no callback offered."""
    last_user = max((i for i, event in enumerate(events) if event.get("event") == "user"), default=None)
    if last_user is None:
        return False
    set_now = any(
        event.get("event") == "slot" and event.get("name") == "difficulty_categories" and event.get("value")
        for event in events[last_user + 1 :]
    )
    return set_now and not value_before_latest_message(events, "difficulty_categories")


def value_before_latest_message(events: list[dict[str, Any]], slot: str) -> Any:
    """The slot's value before the latest user message (its own validation may have set it since)."""
    last_user = max((i for i, event in enumerate(events) if event.get("event") == "user"), default=len(events))
    value = None
    for event in events[:last_user]:
        if event.get("event") == "slot" and event.get("name") == slot:
            value = event.get("value")
    return value
