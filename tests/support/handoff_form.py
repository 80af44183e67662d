"""The handoff form's validation run over a real tracker, as Rasa calls it at a handoff question."""

from __future__ import annotations

from pathlib import Path

import yaml

from actions.handoff_actions import ValidateHandoffForm
from ops.settings import REPO_ROOT
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

DOMAIN = {"forms": yaml.safe_load(Path(REPO_ROOT / "bot/domain/handoff.yml").read_text(encoding="utf-8"))["forms"]}
SITUATION = {"difficulty_categories": ["banque"], "urgency": "normale", "distress": False}
# What the slots hold when each question is asked.
BEFORE = {
    "wants_advisor": {},
    "consent_given": {"wants_advisor": True},
    "health_consent": {
        "wants_advisor": True,
        "consent_given": True,
        "consent_at": "2026-12-01T10:00:00+00:00",
        "difficulty_categories": ["sante"],
    },
}


def validate(
    question: str, words: str, filled: dict, intent: str = "inform", entities: list | None = None
) -> tuple[list[str], dict]:
    """What the bot says and the slots it sets when `words` answer `question` (its slot mapping gave `filled`)."""
    events = [user("la banque m'a coupé le découvert"), bot("?"), user(words, intent, entities)]
    events += [{"event": "slot", "name": name, "value": value} for name, value in filled.items()]
    slots = {**SITUATION, **BEFORE[question], **filled, "requested_slot": question}
    dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    return texts(dispatcher), slot_events(produced)
