"""Conversations that go sideways, through the whole running bot: a question answered with everything but its
answer, a first name given at the consent question, and an erasure asked for in the middle of the intake.

Every user sentence here is written for these tests, in the way artisans write; none is a training example.
"""

from __future__ import annotations

from sqlalchemy import create_engine, text

from actions.erasure_actions import ERASE_OFFER, ERASED, KEPT
from actions.intake import OFFER_SKIP
from tests.e2e.test_conversation_flows import answer_until, say, stored_case


def stored_events_mentioning(stack, sender: str, words: str) -> int:
    engine = create_engine(stack.settings.tracker_db_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT data FROM events WHERE sender_id = :s"), {"s": sender}).scalars()
            return sum(words in row for row in rows)
    finally:
        engine.dispose()


def test_a_question_answered_with_other_things_is_passed_after_the_third_time(conversation):
    turn = say(conversation, "les impots me reclament la tva de l'an dernier, 6000 balles")
    asked = turn.slots["requested_slot"]
    assert asked == "deadline", turn.replies
    times_asked = 1
    for other in ("je suis carreleur", "on est une sarl avec mon frere", "j'ai un apprenti"):
        turn = say(conversation, other)
        if turn.slots["requested_slot"] != asked:
            break
        times_asked += 1
        if times_asked == 3:
            assert any(OFFER_SKIP in reply for reply in turn.replies), turn.replies
    assert times_asked <= 3
    assert turn.slots["requested_slot"] != asked
    assert turn.slots["deadline"] == "non précisé"
    assert turn.slots["trade"] and turn.slots["employees"], turn.slots  # nothing said was lost


def test_a_first_name_at_the_consent_question_is_kept(conversation, stack):
    turn = say(conversation, "je voudrais qu'un conseiller me rappelle, mon fournisseur me menace d'une injonction")
    turn = answer_until(conversation, turn, "consent_given")
    turn = say(conversation, "Mathilde")
    assert turn.slots["consent_given"] is None and turn.slots["requested_slot"] == "consent_given", turn.replies
    assert turn.slots["contact_name"] == "Mathilde"
    turn = say(conversation, "oui ça me va")
    assert turn.slots["requested_slot"] != "contact_name", turn.replies  # not asked again
    turn = answer_until(conversation, turn, None)
    case = stored_case(stack, conversation.sender)
    assert case is not None and case["contact_name"] == "Mathilde"


def test_an_erasure_asked_during_the_intake_is_confirmed_then_done(conversation, stack):
    turn = say(conversation, "ma boulangerie perd de l'argent depuis la fermeture du pont, la banque s'inquiete")
    asked = turn.slots["requested_slot"]
    assert asked is not None
    turn = say(conversation, "en fait effacez tout ce que j'ai ecrit")
    assert turn.replies == [ERASE_OFFER], turn.replies
    turn = say(conversation, "non")
    assert turn.replies[0] == KEPT and turn.slots["requested_slot"] == asked, turn.replies  # the question again
    turn = say(conversation, "si finalement, supprimez tout")
    assert turn.replies == [ERASE_OFFER], turn.replies
    assert stored_events_mentioning(stack, conversation.sender, "boulangerie") > 0
    replies = conversation.say("oui")  # the stored conversation now starts after this very message
    assert replies[0] == ERASED, replies
    assert stored_events_mentioning(stack, conversation.sender, "boulangerie") == 0
    tracker = conversation.client.get(
        f"{conversation.settings.rasa_url}/conversations/{conversation.sender}/tracker",
        params={"token": conversation.settings.rasa_token},
    ).json()
    assert not any("boulangerie" in (event.get("text") or "") for event in tracker["events"])
    assert tracker["slots"]["difficulty_categories"] in (None, [])
    turn = say(conversation, "bonjour")  # the conversation goes on from scratch
    assert turn.replies
    assert stored_events_mentioning(stack, conversation.sender, "boulangerie") == 0


def test_a_no_at_the_name_question_passes_it_and_a_no_then_wait_refuses_nothing(conversation):
    turn = say(conversation, "mon fournisseur de farine ne me livre plus tant que je n'ai pas payé")
    turn = answer_until(conversation, turn, "consent_given")
    turn = say(conversation, "non attendez")
    assert turn.slots["consent_given"] is None and turn.slots["requested_slot"] == "consent_given", turn.replies
    turn = say(conversation, "oui d'accord")
    assert turn.slots["requested_slot"] == "contact_name", turn.replies
    turn = say(conversation, "non je préfère pas donner mon nom")
    assert not any("je n'ai pas su" in reply for reply in turn.replies), turn.replies
    assert turn.slots["contact_name"] == "non précisé" and turn.slots["requested_slot"] == "phone", turn.replies


def test_an_account_is_heard_whatever_the_classifier_reads_in_it(conversation):
    # A farewell to the customers read as a goodbye, a turn of phrase the classifier cannot place: the situation is
    # acknowledged and the intake asks its first question, never "Prenez soin de vous" nor "le dire autrement".
    turn = say(conversation, "fleuriste à Amiens, on a fait nos adieux aux clients du marché, reste le prêt du camion")
    assert turn.slots["requested_slot"] is not None, turn.replies
    assert turn.slots["difficulty_categories"], turn.slots
    assert not any("Prenez soin" in reply or "autrement" in reply for reply in turn.replies), turn.replies


def test_refusing_to_give_a_name_passes_the_question_and_keeps_the_case(conversation, stack):
    # "je ne vous dirai rien" at the name question is a question passed, never the crisis path; the consented
    # callback still becomes a case.
    turn = say(conversation, "je voudrais qu'un conseiller me rappelle, la banque a bloqué mon compte pro")
    turn = answer_until(conversation, turn, "contact_name")
    turn = say(conversation, "je ne vous dirai rien")
    assert turn.slots["distress"] is False and turn.slots["distress_level"] is None, turn.replies
    assert not any("3114" in reply for reply in turn.replies), turn.replies
    assert turn.slots["requested_slot"] != "contact_name", turn.replies
    turn = answer_until(conversation, turn, None)
    case = stored_case(stack, conversation.sender)
    assert case is not None and not case["contact_name"], case


def test_a_word_asked_about_at_an_intake_question_is_defined_and_the_question_comes_again(conversation):
    turn = say(conversation, "les impots me reclament la tva de l'an dernier, 6000 balles")
    asked = turn.slots["requested_slot"]
    turn = say(conversation, "c koi un echeancier ?")
    assert turn.replies[0].startswith("Un échéancier, ou délai de paiement, permet de payer une dette"), turn.replies
    assert turn.slots["requested_slot"] == asked and turn.slots[asked] is None


def test_a_first_message_opening_with_salut_starts_the_intake(conversation):
    turn = say(conversation, "salut, je suis serrurier a Grenoble, la banque me coupe le decouvert")
    assert not any("on s'arrête là" in reply for reply in turn.replies), turn.replies
    assert turn.slots["requested_slot"] is not None and turn.slots["difficulty_categories"] == ["banque"]
