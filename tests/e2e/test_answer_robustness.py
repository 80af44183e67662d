"""Answers that are not what they look like, through the whole running bot (NLU, policies, actions, the
case store): a place corrected at the callback offer, a place refused politely, a hesitation, a
question and a bare "oui" at a free-text question, the place of an urgent first message.

Every user sentence here is written for these tests, in the way artisans write; none is a training example.
"""

from __future__ import annotations

from tests.e2e.test_conversation_flows import HANDOFF_SLOTS, PLAIN_ANSWERS, answer_until, say, stored_case

GOODBYES = ("Prenez soin de vous", "on s'arrête là", "Au revoir")


def test_a_place_corrected_at_the_callback_offer_updates_the_case_and_refuses_nothing(conversation, stack):
    turn = say(conversation, "garagiste dans le Nord, la banque ne veut plus me suivre pour le découvert")
    assert turn.slots["departement"] == "59"
    turn = answer_until(conversation, turn, "wants_advisor")
    turn = say(conversation, "ah non c'est la somme pas le nord")
    assert turn.slots["wants_advisor"] is not False, turn.replies
    assert not any("rien à la chambre" in reply for reply in turn.replies), turn.replies
    assert turn.slots["departement"] == "80"
    assert turn.slots["requested_slot"] == "wants_advisor"  # the offer is made again
    turn = answer_until(conversation, turn, None)
    case = stored_case(stack, conversation.sender)
    assert case is not None and case["departement"] == "80", turn.replies


def test_a_negated_place_alone_is_never_kept(conversation):
    turn = say(conversation, "on me coupe l'électricité de l'atelier vendredi, je suis à Arras")
    assert turn.slots["departement"] == "62"
    turn = say(conversation, "enfin pas dans le 59 hein, je précise")
    assert turn.slots["departement"] == "62", turn.replies


def test_a_place_refused_politely_is_skipped_and_not_asked_again(conversation):
    # Urgent: the place is the one question asked before the advisor is offered.
    turn = say(conversation, "l'huissier vient saisir le matériel demain matin")
    assert turn.slots["requested_slot"] == "departement", turn.replies
    turn = say(conversation, "j'aime autant ne pas en parler")
    assert turn.replies
    assert turn.slots["departement"] == "non précisé"
    assert turn.slots["requested_slot"] != "departement"
    turn = answer_until(conversation, turn, None)


def test_a_hesitation_never_ends_the_conversation(conversation):
    turn = say(conversation, "depuis la fermeture de l'usine d'à côté je n'ai presque plus de clients")
    asked = turn.slots["requested_slot"]
    assert asked is not None
    turn = say(conversation, "attendez je réfléchis")
    assert turn.replies
    assert not any(word in reply for reply in turn.replies for word in GOODBYES), turn.replies
    assert any("Prenez votre temps" in reply for reply in turn.replies), turn.replies
    assert turn.slots["requested_slot"] == asked  # the same question, asked again softly
    turn = answer_until(conversation, turn, "wants_advisor")
    turn = say(conversation, "je réfléchis là")
    assert turn.slots["wants_advisor"] is not False
    assert turn.slots["requested_slot"] == "wants_advisor"


def test_a_question_and_a_bare_yes_at_the_creditors_question_are_not_its_answer(conversation):
    turn = say(conversation, "je n'arrive plus à payer mes charges et tout s'accumule depuis l'hiver")
    turn = answer_until(conversation, turn, "creditors")
    turn = say(conversation, "c grave ?")
    assert not any("gratuit" in reply for reply in turn.replies), turn.replies
    assert turn.slots["creditors"] is None
    assert turn.slots["requested_slot"] == "creditors"
    turn = say(conversation, "oui")
    assert turn.slots["creditors"] is None, turn.replies
    assert turn.slots["requested_slot"] == "creditors"
    turn = say(conversation, "l'urssaf dans les 7000")
    assert turn.slots["creditors"] == "URSSAF 7000 €"


def test_the_place_of_an_urgent_first_message_is_not_asked_again(conversation, stack):
    turn = say(conversation, "je suis plombier à Béthune, l'huissier passe demain saisir mon camion")
    assert turn.slots["departement"] == "62"
    asked = []
    for _ in range(12):
        slot = turn.slots["requested_slot"]
        if slot is None:
            break
        asked.append(slot)
        assert slot != "departement", f"the place was asked again; replies {turn.replies}"
        turn = say(conversation, PLAIN_ANSWERS[slot])
    assert set(asked) <= HANDOFF_SLOTS, asked
    case = stored_case(stack, conversation.sender)
    assert case is not None and case["departement"] == "62", turn.replies


def test_an_answer_to_another_handoff_question_is_kept_for_it(conversation, stack):
    # "demain matin" at the e-mail question was refused as a bad address, and the time was lost.
    turn = say(conversation, "mon fournisseur de farine me menace de couper les livraisons, je lui dois 6000 euros")
    turn = answer_until(conversation, turn, "email")
    turn = say(conversation, "demain matin")
    assert not any("adresse" in reply and "complète" in reply for reply in turn.replies), turn.replies
    assert turn.slots["callback_slot"] == "demain matin", turn.replies
    assert turn.slots["email"] is None
    assert turn.slots["requested_slot"] == "email"  # asked again, kindly
    turn = say(conversation, "non merci")
    assert turn.slots["requested_slot"] != "callback_slot", turn.replies  # already answered
    turn = answer_until(conversation, turn, None)
    assert turn.slots["callback_slot"] == "demain matin"
    assert stored_case(stack, conversation.sender) is not None


def test_an_amount_is_no_place_and_weather_is_out_of_scope(conversation):
    turn = say(conversation, "je n'arrive plus à payer mes charges, les relances s'empilent")
    turn = answer_until(conversation, turn, "creditors")
    turn = say(conversation, "l'urssaf 8000")
    assert turn.slots["departement"] is None, turn.replies
    assert turn.slots["creditors"] == "URSSAF 8000 €"
    asked = turn.slots["requested_slot"]
    turn = say(conversation, "vous pouvez me donner la météo ?")
    assert turn.slots["wants_advisor"] is None and turn.slots["consent_given"] is None, turn.replies
    assert not any("conseiller pourra" in reply for reply in turn.replies), turn.replies
    assert turn.slots["requested_slot"] == asked  # the same question again


def test_a_bare_no_to_since_when_passes_the_question_kindly(conversation):
    turn = say(conversation, "avec le chantier du tram devant ma vitrine les clients ne viennent plus")
    turn = answer_until(conversation, turn, "since_when")
    turn = say(conversation, "non")
    assert turn.slots["since_when"] == "non précisé", turn.replies
    assert turn.replies and not any("pas bien compris" in reply for reply in turn.replies), turn.replies
    assert turn.slots["requested_slot"] != "since_when"
