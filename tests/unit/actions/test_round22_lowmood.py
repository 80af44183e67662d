"""Round 22 (lowmood: r22a-07, r22a-12, r22a-16): answers to "Êtes-vous en sécurité en ce moment ?".

A yes said with more words (the earlier words taken back, a worry about the business, a callback asked, where one is)
was read as not safe ("Appelez tout de suite le 15 ou le 112"). It is a yes. A reassuring no with the words taken back
("non ça va, oubliez") is unsure (never "Appelez tout de suite"). Alone, or afraid for oneself, stays not safe.

Real trackers and the real form validation and action; sentences written for these tests, in several voices."""

from __future__ import annotations

import pytest

from actions.crisis_actions import ActionAfterSafetyAnswer, ValidateSafetyForm
from tests.support.trackers import bot, run, run_extract, texts, tracker, user
from triage.answers import NOT_SAFE, SAFE, UNSURE, answer_to_safety_question

SAFETY_QUESTION = "Êtes-vous en sécurité en ce moment ?"

YES_WITH_MORE = [
    "oui oui. bon laissez tomber, c'est la banque qui me stresse",
    "ouais ouais oubliez ça. cest l urssaf qui me prend la tete",
    "Oui. Oubliez ce que j'ai écrit, c'est ma trésorerie qui m'inquiète.",
    "oui je suis a l atelier. quelqu un peut me rappeler demain ?",
    "Oui, je suis dans mon camion. Est-ce qu'un conseiller pourrait me rappeler cet après-midi ?",
    "oui chui au garage, vous pouvez m'appeler ce soir svp",
    "oui. je m'inquiète pour mes factures, c'est tout",
]
STILL_NOT_SAFE = [
    "oui je suis seul",
    "ouais chui toute seule ce soir",
    "oui mais j'ai peur de moi",
    "oui. bon oubliez. je vais pas bien",
    "oui oubliez, c'est moi qui m'inquiète",
    "oui je suis seul au bureau. quelqu'un peut m'appeler ?",
    "non",
    "non. oubliez",
]
NO_BUT_FINE = ["nan ça va, laissez tomber", "non c bon oubliez ce que j'ai dit", "Non ça va. Oubliez."]


@pytest.mark.parametrize("typed", YES_WITH_MORE)
def test_a_yes_with_business_words_is_a_yes(typed):
    assert answer_to_safety_question(typed, "affirm") == SAFE
    assert answer_to_safety_question(typed, None, may_ask_again=True) == SAFE


@pytest.mark.parametrize("typed", STILL_NOT_SAFE)
def test_alone_afraid_or_a_bare_no_stay_not_safe(typed):
    assert answer_to_safety_question(typed, "affirm", may_ask_again=True) == NOT_SAFE


@pytest.mark.parametrize("typed", NO_BUT_FINE)
def test_a_reassuring_no_with_the_words_taken_back_is_unsure(typed):
    assert answer_to_safety_question(typed, "deny", may_ask_again=True) == UNSURE


@pytest.mark.parametrize("typed", ["oui chui chez moi", "oui je suis pas seul, ma femme est là"])
def test_plain_yes_unchanged(typed):
    assert answer_to_safety_question(typed, "affirm") == SAFE


def _crisis(typed: str, intent: str = "affirm"):
    return [
        user("je ferme la boite et j'ai plus envie de vivre", "express_distress"),
        {"event": "action", "name": "action_crisis_response"},
        bot("Merci de me l'avoir confié. Le 3114 répond jour et nuit."),
        bot(SAFETY_QUESTION),
        user(typed, intent),
    ]


@pytest.mark.parametrize("typed", YES_WITH_MORE[:2] + YES_WITH_MORE[4:5])
def test_the_form_stores_safe_and_the_reply_is_no_emergency(typed):
    current = tracker(_crisis(typed), slots={"requested_slot": "safe_now", "distress": True}, active_loop="safety_form")
    _, extracted = run_extract(ValidateSafetyForm(), "extract_safe_now", current)
    assert extracted.get("safe_now") == SAFE
    events = [*_crisis(typed), {"event": "slot", "name": "safe_now", "value": SAFE}]
    dispatcher, _ = run(ActionAfterSafetyAnswer(), tracker(events, slots={"distress": True, "safe_now": SAFE}))
    said = " ".join(texts(dispatcher))
    assert "tout de suite le 15" not in said
    assert "restez près de quelqu'un" not in said


# --- r22a-06, r22a-14, r22a-18: "bof", "...", "rien" in a row get varied replies, then the ways out ----------------


def _minimal_turns(typed: list[str]):
    from actions.intake import NO_DIFFICULTY_YET
    from actions.minimal_answers import open_question_again

    events: list[dict] = []
    replies: list[list[str]] = []
    from actions.intake_actions import ActionAcknowledgeSituation

    for said in typed:
        events.append(user(said, "inform"))
        dispatcher, _ = run(ActionAcknowledgeSituation(), tracker(list(events)))
        answer = texts(dispatcher)
        replies.append(answer)
        events.extend(bot(text) for text in answer)
    assert open_question_again([], None)[1] == NO_DIFFICULTY_YET
    return replies


@pytest.mark.parametrize(
    "typed",
    [["bof", "...", "rien"], ["ben..", "bof bof", "nan rien"], ["mouais", "pas grand chose", "jsais pas"]],
)
def test_minimal_answers_in_a_row_are_never_answered_the_same(typed):
    from actions.minimal_answers import EASIER_OPENING, WAYS_OUT

    replies = _minimal_turns(typed)
    flat = [" ".join(reply) for reply in replies]
    assert len(set(flat)) == len(flat), flat
    assert replies[1] == [EASIER_OPENING]
    assert replies[2] == [WAYS_OUT]
    assert "conseiller" in WAYS_OUT and "revenir" in WAYS_OUT
