"""Round 23 (make run, 2026-12-06, s23-x2): a place said once the case is stored without one.

"Aucune de celles-ci" to the namesakes of Saint-Denis closed the case with no département; the next message, "c'est
saint-denis-les-bourg", got "D'accord, c'est noté." and the case still had none. Over real trackers, the real case
store and the actions the classifier picked: the place reaches the case and is said back with the reference.
"""

from __future__ import annotations

import pytest

from actions.ask_actions import ActionOutOfScope
from actions.handoff_actions import PLACE_ADDED, ValidateHandoffForm
from actions.intake_actions import ActionAcknowledgeSituation, ActionAnswerOutsideQuestion
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "round23-place-after-case"


def stored_case() -> str:
    events = [user("la banque m'a coupé le découvert"), bot("À quel numéro ?"), user("06 11 22 33 45", "inform")]
    current = tracker(
        [*events, {"event": "slot", "name": "phone", "value": "06 11 22 33 45"}],
        slots={**consented(), "phone": "06 11 22 33 45", "callback_slot": "jeudi", "requested_slot": "phone"},
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    _, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return slot_events(produced)["case_reference"]


def after_case(action, words: str, intent: str, reference: str, departement=None):
    slots = consented(phone="+33611223345", case_reference=reference, email="-", callback_slot="jeudi")
    slots["departement"] = departement
    events = [user("la banque m'a coupé le découvert"), bot(f"C'est noté, votre référence est {reference}.")]
    if departement:
        events.insert(1, {"event": "slot", "name": "departement", "value": departement})
    events.append(user(words, intent))
    dispatcher, produced = run(action, tracker(events, slots=slots, sender_id=SENDER), DOMAIN)
    return slot_events(produced), texts(dispatcher)


@pytest.mark.parametrize(
    "action, words, intent, code, said",
    [
        (
            ActionAcknowledgeSituation,
            "c'est saint-denis-les-bourg",
            "describe_situation",
            "01",
            "Saint-Denis-lès-Bourg",
        ),
        (ActionAnswerOutsideQuestion, "Vitré", "inform", "35", "Vitré"),
        (ActionOutOfScope, "dans le 71", "out_of_scope", "71", "Saône-et-Loire"),
        (
            ActionAcknowledgeSituation,
            "au fait je vous ai pas dit, mon atelier est à Bourg-en-Bresse",
            "describe_situation",
            "01",
            "Bourg-en-Bresse",
        ),
    ],
)
def test_a_place_after_a_case_without_one_reaches_the_case(action, words, intent, code, said):
    reference = stored_case()
    produced, replies = after_case(action(), words, intent, reference)
    assert produced["departement"] == code
    assert [case.departement for case in stored_cases()] == [code]
    assert len(replies) == 1 and replies[0].startswith("Merci, j'ai ajouté le lieu à votre demande")
    assert said in replies[0] and reference in replies[0]
    assert PLACE_ADDED.split("{")[0] in replies[0]


def test_a_place_already_known_is_not_replaced():
    reference = stored_case()
    produced, replies = after_case(ActionAnswerOutsideQuestion(), "Vitré", "inform", reference, departement="29")
    assert produced.get("departement") != "35"
    assert not any(reply.startswith("Merci, j'ai ajouté le lieu") for reply in replies)


@pytest.mark.parametrize("words", ["merci beaucoup", "la banque m'a encore appelé ce matin"])
def test_words_with_no_place_add_none(words):
    reference = stored_case()
    produced, replies = after_case(ActionAcknowledgeSituation(), words, "describe_situation", reference)
    assert "departement" not in produced
    assert not any(reply.startswith("Merci, j'ai ajouté le lieu") for reply in replies)
