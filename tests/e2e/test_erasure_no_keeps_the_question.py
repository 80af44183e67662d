"""Round 25, through the whole running bot: a no to the offer to erase takes the pending form question up again, and
that "non" is never read as its answer (the consent was refused, the legal-form question passed, "Depuis quand ?"
explained: the form's activation validated the "non").

Every user sentence here is written for these tests, in the way artisans write; none is a training example.
"""

from __future__ import annotations

import pytest

from actions.erasure_actions import ERASE_OFFER, KEPT
from tests.e2e.test_conversation_flows import answer_until, say


@pytest.mark.parametrize("erase, no", [("je prefere tout supprimer", "non"), ("effacez tout svp", "nn je garde")])
def test_a_no_to_the_offer_at_the_consent_question_refuses_nothing(conversation, erase, no):
    turn = say(conversation, "je voudrais qu'un conseiller me rappelle, la banque m'a coupé le decouvert")
    turn = answer_until(conversation, turn, "consent_given")
    turn = say(conversation, erase)
    assert turn.replies == [ERASE_OFFER], turn.replies
    turn = say(conversation, no)
    assert turn.replies[0] == KEPT, turn.replies
    assert turn.slots["requested_slot"] == "consent_given" and turn.slots["consent_given"] is None, turn.replies
    assert len(turn.replies) == 2, turn.replies  # the question again, nothing about a refusal
    turn = say(conversation, "oui d'accord")
    assert turn.slots["consent_given"] is True, turn.replies


def test_a_no_to_the_offer_at_an_intake_question_answers_nothing(conversation):
    turn = say(conversation, "je suis plombier, un client me doit 9000 euros depuis 3 mois")
    asked = turn.slots["requested_slot"]
    assert asked is not None, turn.replies
    turn = say(conversation, "supprimez mes données")
    assert turn.replies == [ERASE_OFFER], turn.replies
    turn = say(conversation, "non")
    assert turn.replies[0] == KEPT and len(turn.replies) == 2, turn.replies
    assert turn.slots["requested_slot"] == asked and turn.slots[asked] is None, turn.replies
