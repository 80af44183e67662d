"""Round 24 (talker A, r24a-01): after the case was stored with the Charente (16), "mon département c'est le 44 pas le
16" got "Je ne suis pas sûr de bien vous comprendre" and the case kept 16. A département put right after the case, said
as a correction, reaches the case and is said back with the reference; a place merely named leaves it. Real trackers,
the real case store and the actions the classifier picked. Needs the hook in actions/handoff_actions.py
(``place_corrected_after_case`` beside ``place_added_after_case``)."""

from __future__ import annotations

import pytest

from actions.ask_actions import ActionOutOfScope
from actions.handoff_actions import ValidateHandoffForm
from actions.intake_actions import ActionAcknowledgeSituation, ActionAnswerOutsideQuestion
from actions.place_validation import PLACE_CORRECTED
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "round24-places-after-case"


def stored_case(departement: str, commune: str | None) -> str:
    events = [user("l'urssaf me réclame 16000"), bot("À quel numéro ?"), user("06 11 22 33 45", "inform")]
    slots = {
        **consented(),
        "phone": "06 11 22 33 45",
        "callback_slot": "jeudi",
        "requested_slot": "phone",
        "departement": departement,
        "commune": commune,
    }
    current = tracker(
        [*events, {"event": "slot", "name": "phone", "value": "06 11 22 33 45"}],
        slots=slots,
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    _, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return slot_events(produced)["case_reference"]


def after_case(action, words, intent, reference, departement, commune):
    slots = consented(phone="+33611223345", case_reference=reference, email="-", callback_slot="jeudi")
    slots.update(departement=departement, commune=commune)
    events = [
        user("l'urssaf me réclame 16000"),
        {"event": "slot", "name": "departement", "value": departement},
        bot(f"C'est noté, votre référence est {reference}."),
        user(words, intent),
    ]
    dispatcher, produced = run(action, tracker(events, slots=slots, sender_id=SENDER), DOMAIN)
    return slot_events(produced), texts(dispatcher)


@pytest.mark.parametrize(
    "action, words, intent, code, said",
    [
        (ActionOutOfScope, "mon département c'est le 44 pas le 16", "out_of_scope", "44", "Rezé (44)"),
        (ActionAcknowledgeSituation, "mon département c'est le 44 pas le 16", "describe_situation", "44", "Rezé (44)"),
        (ActionAnswerOutsideQuestion, "non pardon c'est le 44 pas le 16", "inform", "44", "Rezé (44)"),
        (ActionOutOfScope, "c'est pas le 16, je suis dans le 44", "out_of_scope", "44", "Rezé (44)"),
        (ActionAcknowledgeSituation, "mon dpt est le 44", "describe_situation", "44", "Rezé (44)"),
        (ActionOutOfScope, "pas la Charente, mon département c'est la Loire-Atlantique", "out_of_scope", "44", "Rezé"),
        (ActionOutOfScope, "non pardon je suis à Cholet, pas dans le 16", "out_of_scope", "49", "Cholet (49)"),
    ],
)
def test_a_departement_put_right_after_the_case_reaches_it(action, words, intent, code, said):
    reference = stored_case("16", "Rezé")
    produced, replies = after_case(action(), words, intent, reference, "16", "Rezé")
    assert produced["departement"] == code
    assert [case.departement for case in stored_cases()] == [code]
    assert len(replies) == 1 and replies[0].startswith(PLACE_CORRECTED.split("{")[0])
    assert said in replies[0] and reference in replies[0]


@pytest.mark.parametrize(
    "words, intent",
    [
        ("mon fournisseur est à Lyon", "describe_situation"),
        ("c'est 16000 pas 14000 au final", "inform"),
        ("merci beaucoup", "thank"),
    ],
)
def test_a_place_merely_named_after_the_case_leaves_it(words, intent):
    reference = stored_case("16", None)
    produced, replies = after_case(ActionAcknowledgeSituation(), words, intent, reference, "16", None)
    assert produced.get("departement", "16") == "16"
    assert [case.departement for case in stored_cases()] == ["16"]
    assert not any(reply.startswith(PLACE_CORRECTED.split("{")[0]) for reply in replies)
