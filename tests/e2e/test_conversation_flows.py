"""Conversation flows through the whole bot (issue 19 item 4): the artisan's text goes through the NLU,
the policies and the custom actions of the real running processes; each turn checks the predicted intent,
the actions run and the slots, read from Rasa's tracker, and the flows that reach a case check the stored
case. (`rasa test --e2e` replays the stories' slot events and runs no custom action; these do not.)

Every user sentence here is written for these tests, in the way artisans write; none is a training example.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, text

# Answers to the questions the flows do not look at, keyed by requested_slot.
PLAIN_ANSWERS = {
    "since_when": "ça fait deux mois à peu près",
    "deadline": "pas de date précise",
    "trade": "carreleur",
    "legal_form": "je suis en EURL",
    "employees": "un seul ouvrier",
    "departement": "dans le 62",
    "creditors": "l'urssaf environ 4000",
    "steps_taken": "j'ai juste appelé mon comptable",
    "wants_advisor": "oui je veux bien",
    "consent_given": "oui c'est d'accord",
    "health_consent": "oui",
    "contact_name": "Gérard",
    "phone": "06 11 22 33 44",
    "email": "non merci pas de mail",
    "callback_slot": "le matin plutôt",
}
SKIP = "je passe cette question"
HANDOFF_SLOTS = {"wants_advisor", "consent_given", "health_consent", "contact_name", "phone", "email", "callback_slot"}


@dataclass
class Turn:
    replies: list[str]
    intent: str | None
    actions: list[str]  # actions run after the message, action_listen left out
    slots: dict


def say(conversation, message: str) -> Turn:
    replies = conversation.say(message)
    response = conversation.client.get(
        f"{conversation.settings.rasa_url}/conversations/{conversation.sender}/tracker",
        params={"token": conversation.settings.rasa_token},
    )
    response.raise_for_status()
    tracker = response.json()
    events = tracker["events"]
    last_user = max(i for i, event in enumerate(events) if event["event"] == "user")
    intent = (events[last_user].get("parse_data") or {}).get("intent", {}).get("name")
    actions = [e["name"] for e in events[last_user + 1 :] if e["event"] == "action" and e["name"] != "action_listen"]
    return Turn(replies, intent, actions, tracker["slots"])


def answer_until(conversation, last: Turn, wanted: str | None, limit: int = 14) -> Turn:
    """Answers plainly whatever is asked until `wanted` is asked (None: until no question is pending)."""
    turn = last
    for _ in range(limit):
        asked = turn.slots.get("requested_slot")
        if asked == wanted:
            return turn
        assert asked in PLAIN_ANSWERS, f"unexpected state requested_slot={asked!r}; replies {turn.replies}"
        turn = say(conversation, PLAIN_ANSWERS[asked])
        assert turn.replies, f"no reply to {PLAIN_ANSWERS[asked]!r}"
    pytest.fail(f"{wanted!r} never asked; last replies {turn.replies}")


def stored_case(stack, sender: str) -> dict | None:
    engine = create_engine(stack.settings.database_url)
    try:
        with engine.connect() as connection:
            row = (
                connection.execute(
                    text(
                        "SELECT reference, departement, phone, contact_name, categories FROM cases "
                        "WHERE conversation_id = :sender"
                    ),
                    {"sender": sender},
                )
                .mappings()
                .first()
            )
    finally:
        engine.dispose()
    return dict(row) if row else None


def test_an_idiom_is_not_a_crisis(conversation):
    turn = say(conversation, "ce chantier me tue, la rue est barrée pour les travaux du tram depuis l'été")
    assert turn.intent != "express_distress"
    assert "action_crisis_response" not in turn.actions
    assert turn.slots["distress"] is False
    assert "travaux" in turn.slots["difficulty_categories"]
    assert not any("3114" in reply for reply in turn.replies), turn.replies
    assert turn.slots["requested_slot"] is not None  # the intake goes on


def test_a_town_answers_the_place_question_and_the_case_gets_its_departement(conversation, stack):
    turn = say(conversation, "les impôts me réclament 6000 euros de TVA et je n'ai pas la trésorerie")
    turn = answer_until(conversation, turn, "departement")
    turn = say(conversation, "Béthune")
    assert turn.replies
    assert turn.slots["requested_slot"] != "departement", "the town was asked again"
    turn = answer_until(conversation, turn, None)
    case = stored_case(stack, conversation.sender)
    assert case is not None, turn.replies
    assert case["departement"] == "62"
    assert case["phone"] == "+33611223344"
    assert case["contact_name"] == "Gérard"
    assert turn.slots["case_reference"] == case["reference"]
    assert turn.slots["phone"] == "+33611223344"
    assert turn.slots["consent_given"] is True
    # The trade is not asked: the intake asks two questions before guidance (issue 12 item 4).


def test_a_free_text_answer_to_the_callback_offer_is_not_a_refusal(conversation):
    turn = say(conversation, "ma banque m'a refusé le prêt pour le camion et je suis à découvert")
    turn = answer_until(conversation, turn, "wants_advisor")
    turn = say(conversation, "l'urssaf aussi me doit un remboursement de 800")
    assert turn.intent != "deny"
    assert turn.replies
    assert turn.slots["wants_advisor"] is not False
    assert not any("rien enregistré" in reply for reply in turn.replies), turn.replies
    assert turn.slots["requested_slot"] == "wants_advisor"  # asked again once


def test_not_knowing_whom_to_ask_is_a_request_for_help(conversation):
    turn = say(conversation, "j'ai reçu un commandement de payer d'un fournisseur")
    turn = answer_until(conversation, turn, "wants_advisor")
    turn = say(conversation, "je sais vraiment pas vers qui me tourner")
    assert turn.slots["wants_advisor"] is not False
    assert not any("rien enregistré" in reply for reply in turn.replies), turn.replies
    assert turn.slots["requested_slot"] in HANDOFF_SLOTS


@pytest.mark.parametrize("refused", ["wants_advisor", "consent_given"])
def test_refusing_then_accepting_the_callback_restarts_the_handoff_to_a_case(conversation, stack, refused):
    """A refusal of the offer or of the consent, then "en fait si": the handoff starts again, to a case."""
    turn = say(conversation, "plus de commandes depuis que mon gros client est parti chez un concurrent")
    turn = answer_until(conversation, turn, refused)
    turn = say(conversation, "non pas besoin")
    assert turn.intent == "deny"
    assert turn.slots[refused] is False
    assert "action_finish_handoff" in turn.actions
    assert stored_case(stack, conversation.sender) is None

    turn = say(conversation, "en fait si je préfère qu'un conseiller me rappelle")
    assert turn.replies
    assert turn.slots["wants_advisor"] is True
    assert turn.slots["requested_slot"] in HANDOFF_SLOTS - {"wants_advisor"}
    turn = answer_until(conversation, turn, None)
    case = stored_case(stack, conversation.sender)
    assert case is not None, turn.replies
    assert case["contact_name"] == "Gérard"
    assert turn.slots["consent_given"] is True


def test_skipping_every_question_still_gives_guidance_within_three_bot_turns(conversation):
    """Issue 12 item 5: first guidance at most three bot turns after the difficulty is stated (the reply to
    the description is the first), whatever is skipped."""
    turn = say(conversation, "l'urssaf m'a envoyé une mise en demeure pour les cotisations")
    assert turn.intent == "describe_situation"
    bot_turns = 1
    while not turn.slots.get("guidance_given"):
        assert bot_turns < 3, f"no guidance in the first {bot_turns} bot turns, every question skipped"
        assert turn.slots["requested_slot"] not in (None, *HANDOFF_SLOTS), turn.replies
        turn = say(conversation, SKIP)
        assert turn.intent == "skip_question"
        assert turn.replies
        bot_turns += 1
    assert turn.slots["since_when"] in (None, "non précisé")
    assert turn.slots["requested_slot"] == "wants_advisor"
