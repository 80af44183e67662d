"""A consented handoff always becomes a case, through the whole running bot (REST channel, NLU, policies,
action server, case store): the case exists from the answer that gives the phone number, whatever comes
next. Every user sentence here is written for these tests; none is a training example."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from actions.handoff import CASE_SAVED
from tests.e2e.test_conversation_flows import PLAIN_ANSWERS, say

OPENING = "la banque m'a supprimé mon découvert et je ne peux plus payer les fournisseurs"


def case_row(stack, where: str, value: str) -> dict | None:
    engine = create_engine(stack.settings.database_url)
    try:
        with engine.connect() as connection:
            row = (
                connection.execute(
                    text(
                        "SELECT reference, conversation_id, departement, phone, email, callback_slot, erased_at, "
                        f"situation FROM cases WHERE {where} = :value"
                    ),
                    {"value": value},
                )
                .mappings()
                .first()
            )
    finally:
        engine.dispose()
    return dict(row) if row else None


def answer_until(conversation, turn, wanted, answers=None):
    """Answers plainly (or as ``answers`` says) until ``wanted`` is asked."""
    answers = {**PLAIN_ANSWERS, **(answers or {})}
    for _ in range(16):
        asked = turn.slots.get("requested_slot")
        if asked == wanted:
            return turn
        assert asked in answers, f"unexpected state requested_slot={asked!r}; replies {turn.replies}"
        turn = say(conversation, answers[asked])
        assert turn.replies
    pytest.fail(f"{wanted!r} never asked")


def to_the_phone(conversation, answers=None):
    turn = say(conversation, OPENING)
    return answer_until(conversation, turn, "phone", answers)


def give_the_phone(conversation, stack):
    turn = say(conversation, "06 11 22 33 44")
    assert turn.slots["phone"] == "+33611223344", turn.replies
    assert CASE_SAVED in turn.replies
    reference = turn.slots["case_reference"]
    stored = case_row(stack, "conversation_id", conversation.sender)
    assert stored is not None and stored["reference"] == reference and stored["phone"] == "+33611223344"
    assert turn.slots["requested_slot"] is not None  # the optional questions go on
    return turn, reference


@pytest.mark.parametrize("leaving", ["merci c'est tout", "ok merci, bonne soirée à vous", "bon allez je file"])
def test_thanks_or_goodbye_after_the_phone_end_with_the_reference_and_keep_the_case(conversation, stack, leaving):
    to_the_phone(conversation)
    turn, reference = give_the_phone(conversation, stack)
    turn = say(conversation, leaving)
    said = " ".join(turn.replies)
    assert f"votre référence est {reference}" in said, turn.replies
    assert turn.slots["requested_slot"] is None and not said.rstrip().endswith("?"), turn.replies
    assert case_row(stack, "conversation_id", conversation.sender)["reference"] == reference


def test_a_closed_tab_after_the_phone_leaves_the_case(conversation, stack):
    to_the_phone(conversation)
    give_the_phone(conversation, stack)  # and the artisan writes nothing more


def test_consent_withdrawn_after_the_phone_erases_the_case(conversation, stack):
    to_the_phone(conversation)
    turn, reference = give_the_phone(conversation, stack)
    turn = say(conversation, "non finalement je ne veux pas")
    said = " ".join(turn.replies)
    assert "j'ai retiré votre demande" in said, turn.replies
    assert turn.slots["consent_given"] is False and turn.slots["case_reference"] is None
    assert turn.slots["phone"] is None and turn.slots["requested_slot"] is None
    assert case_row(stack, "conversation_id", conversation.sender) is None
    erased = case_row(stack, "reference", reference)
    assert erased["erased_at"] is not None and erased["phone"] is None and erased["situation"] in ({}, "{}")
    # Changing one's mind again asks the consent again, and makes a new case.
    turn = say(conversation, "en fait si je veux bien qu'un conseiller me rappelle")
    assert turn.slots["requested_slot"] == "consent_given", turn.replies


def test_later_answers_update_the_case_and_a_town_gives_its_departement(conversation, stack):
    # The place is passed during the intake, then asked at the end of the handoff: a town answers it.
    to_the_phone(conversation, {"departement": "je passe cette question"})
    turn, reference = give_the_phone(conversation, stack)
    turn = answer_until(conversation, turn, "departement", {"email": "gerard.carreleur@example.fr"})
    assert case_row(stack, "reference", reference)["email"] == "gerard.carreleur@example.fr"
    turn = say(conversation, "Liévin")
    assert turn.slots["requested_slot"] is None
    assert f"votre référence est {reference}" in " ".join(turn.replies), turn.replies
    stored = case_row(stack, "reference", reference)
    assert stored["departement"] == "62" and stored["callback_slot"] == PLAIN_ANSWERS["callback_slot"]


def test_a_wrong_phone_number_stores_nothing_and_the_right_one_stores_the_case(conversation, stack):
    to_the_phone(conversation)
    turn = say(conversation, "06 11 22")
    assert "06 12 34 56 78" in " ".join(turn.replies), turn.replies  # asked again with an example
    assert turn.slots["requested_slot"] == "phone" and not turn.slots.get("case_reference")
    assert case_row(stack, "conversation_id", conversation.sender) is None
    give_the_phone(conversation, stack)


def test_a_number_with_letters_stores_nothing(conversation, stack):
    """Round 4 of off-script conversations: "06.45.12.xx.xx" was stored as +33645129999 (keypad letters)."""
    to_the_phone(conversation)
    turn = say(conversation, "06.45.12.xx.xx")
    assert turn.slots["requested_slot"] == "phone" and not turn.slots.get("case_reference"), turn.replies
    assert case_row(stack, "conversation_id", conversation.sender) is None
    give_the_phone(conversation, stack)


def test_an_address_instead_of_a_phone_makes_the_case_and_the_end_says_the_advisor_writes(conversation, stack):
    to_the_phone(conversation)
    turn = say(conversation, "j'ai pas de portable, vous pouvez m'écrire sur gerard.m@laposte.net")
    assert turn.slots["phone"] == "non précisé" and turn.slots["email"] == "gerard.m@laposte.net", turn.replies
    assert CASE_SAVED in turn.replies and "À quel numéro" not in " ".join(turn.replies)
    stored = case_row(stack, "conversation_id", conversation.sender)
    assert stored is not None and stored["email"] == "gerard.m@laposte.net" and stored["phone"] is None
    turn = answer_until(conversation, turn, None)  # the questions left (the place) answered plainly
    said = " ".join(turn.replies)
    assert f"votre référence est {stored['reference']}" in said and "vous écrira à gerard.m@laposte.net" in said


def test_the_keyword_the_bot_gives_after_a_refusal_starts_the_handoff_again(conversation, stack):
    """Round 4: « écrivez « conseiller » », and « conseiller » got "Je n'ai pas bien compris"."""
    turn = say(conversation, OPENING)
    turn = answer_until(conversation, turn, "wants_advisor")
    turn = say(conversation, "non merci")
    assert "« conseiller »" in " ".join(turn.replies), turn.replies
    turn = say(conversation, "Conseiller")
    assert turn.slots["requested_slot"] in ("wants_advisor", "consent_given"), turn.replies
    assert "pas bien compris" not in " ".join(turn.replies)
