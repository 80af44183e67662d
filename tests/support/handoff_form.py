"""The handoff form's validation run over a real tracker, as Rasa calls it at a handoff question."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from actions.handoff_actions import ActionFinishHandoff, ValidateHandoffForm
from ops.settings import REPO_ROOT
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

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


def answered_at(
    requested: str, words: str, intent: str, before: list[dict], categories: list[str], contact_name: str
) -> tuple[Any, dict]:
    """The form's validation when `words` (read as `intent`) answer the question of `requested`, after the events
    `before`, the earlier questions answered yes (the consent given, the first name `contact_name`)."""
    slots: dict[str, Any] = {
        "difficulty_categories": categories,
        "urgency": "normale",
        "distress": False,
        "requested_slot": requested,
    }
    if requested != "wants_advisor":
        slots["wants_advisor"] = True
    if requested in ("contact_name", "phone"):
        slots.update(consent_given=True, consent_at="2026-12-06T10:00:00+00:00")
    if requested == "phone":
        slots["contact_name"] = contact_name
    mapped = {"affirm": True, "deny": False}.get(intent, words)
    events = [*before, user(words, intent), {"event": "slot", "name": requested, "value": mapped}]
    current = tracker(events, slots={**slots, requested: mapped}, active_loop="handoff_form")
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return dispatcher, slot_events(produced)


def case_finished(said: Sequence[str], sender_id: str, **extra: Any) -> tuple[list[str], dict]:
    """The messages `said`, then the number given at the form's last question: the case stored by the finish
    action. What the bot said at the finish and the slots then."""
    told = [event for words in said for event in (user(words), bot("D'accord."))]
    asked = [*told, bot("À quel numéro ?"), user("06 11 22 33 44", "inform")]
    stored = tracker(
        [*asked, {"event": "slot", "name": "phone", "value": "06 11 22 33 44"}],
        slots={**consented(**extra), "phone": "06 11 22 33 44", "requested_slot": "phone"},
        active_loop="handoff_form",
        sender_id=sender_id,
    )
    _, produced = run(ValidateHandoffForm(), stored, DOMAIN)
    slots = {**stored.slots, **slot_events(produced)}
    finished = tracker([*stored.events, *produced], slots=slots, sender_id=sender_id)
    dispatcher, _ = run(ActionFinishHandoff(), finished, DOMAIN)
    return texts(dispatcher), slots


def case_stored_with_moment(moment: str | None, sender_id: str, **extra: Any) -> Any:
    """The case stored when the number is given at the phone question, `moment` being the time of the call kept
    before (the slots of a consented handoff, and `extra`): what the store holds."""
    from tests.support.action_services import stored_cases

    events = [user("la banque m'a coupé le découvert"), bot("À quel numéro ?"), user("06 11 22 33 45", "inform")]
    current = tracker(
        [*events, {"event": "slot", "name": "phone", "value": "06 11 22 33 45"}],
        slots={**consented(), "phone": "06 11 22 33 45", "callback_slot": moment, "requested_slot": "phone", **extra},
        active_loop="handoff_form",
        sender_id=sender_id,
    )
    _, produced = run(ValidateHandoffForm(), current, DOMAIN)
    assert slot_events(produced)["case_reference"]
    [case] = stored_cases()
    return case
