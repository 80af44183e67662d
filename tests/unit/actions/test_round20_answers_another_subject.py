"""Round 20 (the bot's false alarms of development v26): at the direct question about suicide, a fact of the business or
a question about the service ("on m'avait dit 6 semaines", "ils demandent 3 000 €", "la chambre peut m'aider ?") took
the crisis path with "Merci de me l'avoir confié", as if a yes had been said. Another subject is no yes: asked once
more, then the 3114 once as information and the conversation resumed, the case saying the question got no answer.
Hesitations, signs and short answers stay the crisis path, whose reply never thanks for a yes not said. Real trackers,
sentences written for this test."""

from __future__ import annotations

import pytest

from actions.crisis_actions import (
    ActionAfterClearNo,
    ActionAskSuicideThoughts,
    ActionCrisisResponse,
    ValidateDirectQuestionForm,
    changes_the_subject,
)
from actions.handoff import NO_ANSWER_REASON
from actions.handoff_actions import save_case
from guidance.crisis import CONFIDED, suicide_question
from tests.support.action_services import stored_cases
from tests.support.trackers import bot, consented, run, run_extract, slot_events, texts, tracker, user

CHECK_IN = {"event": "action", "name": "action_check_in", "timestamp": None}
OPENING = "menuisier à Dole, depuis la fermeture de la scierie je suis à bout, plus de commandes"
ASKED = {"event": "slot", "name": "requested_slot", "value": "suicide_thoughts", "timestamp": None}
SLOTS = {
    "requested_slot": "suicide_thoughts",
    "difficulty_categories": ["baisse_activite"],
    "distress_level": 3,
    "paused_form": "situation_form",
    "triage_reasons": {"baisse_activite": ["« plus de commandes »"]},
}

# Other subjects, in other words than the conversations of the development set.
OTHER_SUBJECTS = [
    "le fournisseur de bois veut être payé avant la fin du mois, 4 200 €",
    "ils réclament 1 500 € de pénalités de retard",
    "le comptable m'a dit qu'il fallait déposer le bilan",
    "qui va livrer les commandes si je m'arrête",
    "est-ce que la chambre peut m'aider là-dessus ?",
    "le bailleur a envoyé un courrier pour le loyer du local",
    "la CAF a refusé la prime d'activité, rien pour manger la semaine prochaine",
]
# Near misses: hesitations, a yes, signs, strain, time or frequency alone, short or wordless answers.
NEAR_MISSES = [
    "je sais pas trop",
    "des fois",
    "peut-être, un peu",
    "je tiens encore un peu",
    "je tiens le coup pour l'instant",
    "mais ça va aller",
    "bof",
    "ok",
    "...",
    "depuis quelques semaines",
    "surtout quand les factures arrivent",
    "oui, le fournisseur m'a appelé encore",
    "le fournisseur veut 4 000 € et j'ai plus la force",
    "rien pour manger, j'ai plus envie de rien",
    "la banque m'a lâché, je veux en finir",
    "ils demandent 3 000 €, je vais pas m'en sortir",
    "je sais plus quoi faire avec la boutique",
    "le bilan, la banque, ça sert à rien de continuer",
    "je paie encore le crédit du camion mais je sais pas jusqu'à quand",
]


def _events(answer: str, *, asked_again_after: str | None = None) -> list[dict]:
    events = [user(OPENING, "express_overwhelm"), CHECK_IN, bot(suicide_question(None)), ASKED]
    if asked_again_after is not None:
        events += [user(asked_again_after), bot("Merci pour cette précision."), bot(suicide_question(None, again=True))]
    return [*events, user(answer)]


def _at_the_question(answer: str, **kwargs):
    return tracker(_events(answer, **kwargs), dict(SLOTS), active_loop="direct_question_form")


def _read(answer: str, **kwargs):
    return run_extract(ValidateDirectQuestionForm(), "extract_suicide_thoughts", _at_the_question(answer, **kwargs))


@pytest.mark.parametrize("answer", OTHER_SUBJECTS)
def test_another_subject_first_gets_the_question_again(answer):
    assert changes_the_subject(answer) is True
    dispatcher, slots = _read(answer)
    assert slots == {"suicide_thoughts": None}
    assert texts(dispatcher) == ["Merci pour cette précision."]


@pytest.mark.parametrize("answer", OTHER_SUBJECTS)
def test_another_subject_twice_is_no_answer_and_takes_the_crisis_path(answer):
    """Round 28 (r28-b-15): no answer is no clear no (prevention guidelines): the crisis path, opened without thanks,
    the case saying that no answer came. Round 20 recorded a no here and resumed the conversation."""
    dispatcher, slots = _read(answer, asked_again_after="la scierie a fermé en mars")
    assert texts(dispatcher) == []
    assert slots["suicide_thoughts"] == "not_clear_no"
    assert NO_ANSWER_REASON in slots["triage_reasons"]["overwhelm"]  # the case says no answer came
    assert slots["triage_reasons"]["baisse_activite"] == ["« plus de commandes »"]

    # The crisis reply after the slot: the 3114 at once, no thanks for an answer never given, the words of the other
    # subject never quoted as the answer.
    events = [
        *_events(answer, asked_again_after="la scierie a fermé en mars"),
        {"event": "slot", "name": "suicide_thoughts", "value": "not_clear_no", "timestamp": None},
        {"event": "slot", "name": "triage_reasons", "value": slots["triage_reasons"], "timestamp": None},
    ]
    said_slots = {**SLOTS, **slots, "requested_slot": None}
    dispatcher, result = run(ActionCrisisResponse(), tracker(events, said_slots))
    said = texts(dispatcher)
    assert said[0].startswith("Vous n'avez pas répondu à ma question") and "3114" in said[0]
    assert not any(CONFIDED in line or "Merci pour votre réponse" in line for line in said)
    assert slot_events(result)["distress"] is True and slot_events(result)["urgency"] == "critique"
    reasons = slot_events(result)["triage_reasons"]
    assert answer not in " ".join(reasons["distress"]) and "sans réponse" in reasons["urgency"][0]


def test_a_relative_gets_the_line_for_relatives():
    events = [*_events("le loyer de la boutique tombe le 5", asked_again_after="elle est coiffeuse à Dole")]
    events += [
        {
            "event": "slot",
            "name": "triage_reasons",
            "value": {"overwhelm": [NO_ANSWER_REASON]},
            "timestamp": None,
        }
    ]
    slots = {**SLOTS, "suicide_thoughts": "clear_no", "person_at_risk": "ma sœur", "paused_form": None}
    dispatcher, _ = run(ActionAfterClearNo(), tracker(events, slots))
    assert "aussi aux proches" in texts(dispatcher)[0]


def test_a_later_clear_no_is_thanked_as_before():
    """The no-answer line only for the turn that recorded it: a plain no keeps its usual reply."""
    events = [*_events("non")]
    slots = {**SLOTS, "suicide_thoughts": "clear_no", "triage_reasons": {"overwhelm": [NO_ANSWER_REASON]}}
    dispatcher, _ = run(ActionAfterClearNo(), tracker(events, slots))
    assert texts(dispatcher)[0].startswith("Merci pour votre réponse")


@pytest.mark.parametrize("answer", NEAR_MISSES)
def test_near_misses_stay_the_crisis_path(answer):
    assert changes_the_subject(answer) is False
    _, slots = _read(answer, asked_again_after="la scierie a fermé en mars")
    assert slots.get("suicide_thoughts") == "not_clear_no"


@pytest.mark.parametrize("answer", ["des fois", "oui", "la banque m'a lâché, je veux en finir"])
def test_a_yes_or_a_sign_is_never_asked_again(answer):
    _, slots = _read(answer)
    assert slots.get("suicide_thoughts") == "not_clear_no"


def test_the_question_asked_again_is_the_short_one():
    events = [*_events("ils réclament 1 500 € de pénalités"), bot("Merci pour cette précision.")]
    dispatcher, _ = run(ActionAskSuicideThoughts(), tracker(events, dict(SLOTS)))
    assert texts(dispatcher) == [suicide_question(None, again=True)]


def _crisis_after(answer: str):
    events = [
        *_events(answer),
        {"event": "slot", "name": "suicide_thoughts", "value": "not_clear_no", "timestamp": None},
    ]
    slots = {**SLOTS, "suicide_thoughts": "not_clear_no", "requested_slot": None}
    return run(ActionCrisisResponse(), tracker(events, slots))


@pytest.mark.parametrize("answer", ["je tiens encore un peu", "mais ça va aller", "je sais pas trop", "bof"])
def test_the_crisis_reply_after_no_yes_never_thanks_for_confiding(answer):
    dispatcher, result = _crisis_after(answer)
    said = texts(dispatcher)
    assert "3114" in said[0] and CONFIDED not in " ".join(said)
    assert said[0].startswith("Je préfère prendre votre réponse au sérieux.")
    assert slot_events(result)["distress"] is True and slot_events(result)["urgency"] == "critique"


@pytest.mark.parametrize("answer", ["oui", "des fois j'y pense le soir", "je veux en finir"])
def test_a_yes_or_a_sign_is_still_thanked(answer):
    dispatcher, _ = _crisis_after(answer)
    assert texts(dispatcher)[0].startswith(CONFIDED)


def test_the_case_says_the_question_got_no_answer():
    slots = consented(
        triage_reasons={"banque": ["« découvert »"], "overwhelm": [NO_ANSWER_REASON]},
        suicide_thoughts="clear_no",
        phone="+33555123456",
    )
    current = tracker([user("le fournisseur veut être payé")], slots=slots, sender_id="answers-no-answer")
    save_case(current, dict(current.slots))
    case = stored_cases()[0]
    assert case.distress is False and case.urgency == "normale"
    assert "Question sur le suicide posée deux fois, restée sans réponse" in case.summary
    assert "DÉTRESSE" not in case.summary
