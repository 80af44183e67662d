"""Answers new users give that are no answer, through the whole running bot (REST): a bare yes where no yes/no
was asked, a statement the classifier takes for a question about the service, a phone number at the callback
question, and an erasure asked for in the handoff, confirmed and then done without a second welcome.

Every user sentence here is written for these tests, in the way artisans write; none is a training example.
"""

from __future__ import annotations

from actions.erasure_actions import ERASE_OFFER, ERASE_OFFER_WITH_CASE, ERASED_WITH_CASE
from actions.handoff_actions import NUMBER_IS_A_YES
from actions.intake_actions import YES_IS_NO_ANSWER
from tests.e2e.test_conversation_flows import answer_until, say, stored_case


def test_a_yes_where_no_yes_no_was_asked_is_never_stored(conversation):
    turn = say(conversation, "je n'arrive plus à payer mon fournisseur de bois, il me réclame 3000 euros")
    turn = answer_until(conversation, turn, "since_when")
    for words in ("oui", "si finalement oui"):
        turn = say(conversation, words)
        assert turn.slots["since_when"] is None and turn.slots["requested_slot"] == "since_when", turn.replies
        assert turn.replies[0].startswith(YES_IS_NO_ANSWER), turn.replies
    turn = say(conversation, "depuis la rentrée")
    assert turn.slots["since_when"] and turn.slots["since_when"] != "si finalement oui", turn.slots


def test_a_number_at_the_callback_question_goes_on_to_the_consent(conversation, stack):
    turn = say(conversation, "l'urssaf me relance pour 2500 euros de cotisations")
    turn = answer_until(conversation, turn, "wants_advisor")
    turn = say(conversation, "07 81 22 33 44")
    assert turn.replies[0] == NUMBER_IS_A_YES, turn.replies
    assert turn.slots["wants_advisor"] is True and turn.slots["requested_slot"] == "consent_given", turn.replies
    turn = say(conversation, "oui d'accord")
    assert turn.slots["requested_slot"] != "phone", turn.replies  # the number given earlier is kept
    turn = answer_until(conversation, turn, None)
    case = stored_case(stack, conversation.sender)
    assert case is not None and case["phone"] == "+33781223344"


def test_an_erasure_in_the_handoff_is_confirmed_then_done_without_a_second_welcome(conversation, stack):
    turn = say(conversation, "je veux qu'on me rappelle, ma banque a bloqué mon compte pro")
    turn = answer_until(conversation, turn, "consent_given")
    turn = say(conversation, "effacez mes données")
    assert turn.replies == [ERASE_OFFER], turn.replies
    turn = say(conversation, "non")  # kept: the consent question again
    assert turn.slots["requested_slot"] == "consent_given", turn.replies
    turn = say(conversation, "oui c'est bon")
    turn = answer_until(conversation, turn, "email")
    assert stored_case(stack, conversation.sender) is not None
    turn = say(conversation, "en fait effacez toutes mes données")
    assert turn.replies == [ERASE_OFFER_WITH_CASE], turn.replies
    replies = conversation.say("oui")
    assert replies == [ERASED_WITH_CASE], replies  # said once, no "Bonjour" after it
    assert stored_case(stack, conversation.sender) is None
    turn = say(conversation, "bonjour")
    assert turn.replies and not any("effac" in reply for reply in turn.replies), turn.replies
