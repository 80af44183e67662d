"""The crisis path with the real bot (REST channel, NLU and its crisis guard, dialogue, actions)."""

from __future__ import annotations

import pytest

from actions.questions import QUESTIONS

SAFETY_QUESTION = "Êtes-vous en sécurité en ce moment ?"
# Asked a second time, never word for word (round 25, s25a-06: guidance.crisis.safety_question_again).
SAFETY_QUESTION_AGAIN = "Et là, maintenant, êtes-vous en sécurité ?"


def say(conversation, text: str) -> list[dict]:
    """The bot's messages, with their buttons."""
    response = conversation.client.post(
        f"{conversation.settings.rasa_url}/webhooks/rest/webhook",
        json={"sender": conversation.sender, "message": text},
    )
    response.raise_for_status()
    return response.json()


def texts(messages: list[dict]) -> list[str]:
    return [message.get("text") or "" for message in messages]


def test_an_indirect_sign_in_the_second_message_takes_the_crisis_path_without_an_intake_question(conversation):
    conversation.say("bonjour")
    conversation.say("la banque me refuse le prêt et l'urssaf me relance")
    assert conversation.slots()["requested_slot"] not in (None, "safe_now")

    messages = say(conversation, "de toute facon ma famille serait mieux sans moi")
    said = texts(messages)
    assert "3114" in said[0]
    assert "15" in said[1] and "112" in said[1] and "114 par SMS" in said[1]
    # The one-tap answers sit on the safety question, the last message; nothing else is asked.
    assert said[-1] == SAFETY_QUESTION and messages[-1]["buttons"]
    assert not any(message.get("buttons") for message in messages[:-1])
    assert sum(text.endswith("?") for text in said) == 1
    slots = conversation.slots()
    assert slots["distress"] is True and slots["urgency"] == "critique"
    assert slots["distress_level"] == 2 and "indirect_better_off_without_me" in slots["distress_signs"]
    assert {"banque", "cotisations_sociales"} <= set(slots["difficulty_categories"])
    assert slots["requested_slot"] == "safe_now"


def test_the_direct_question_in_the_middle_of_the_intake_then_a_clear_no_resumes_the_form(conversation):
    conversation.say("bonjour")
    before = conversation.say("l'urssaf me réclame trois trimestres de cotisations")
    asked = conversation.slots()["requested_slot"]
    assert asked and before[-1].endswith("?")

    said = conversation.say("je suis épuisé, je n'en peux plus")
    assert "suicide" in said[-1] and said[-1].endswith("?")
    slots = conversation.slots()
    assert slots["requested_slot"] == "suicide_thoughts" and slots["distress"] is False

    said = conversation.say("non")
    assert " ".join(said).count("3114") == 1
    assert said[-1] in (before[-1], QUESTIONS[asked].again), "the form asks its question again (its short form)"
    slots = conversation.slots()
    assert slots["requested_slot"] == asked and slots["distress"] is False


def test_anything_but_a_clear_no_to_the_direct_question_is_the_crisis_path(conversation):
    conversation.say("je n'en peux plus")
    said = conversation.say("je sais pas")
    assert "3114" in said[0] and said[-1] == SAFETY_QUESTION
    slots = conversation.slots()
    assert slots["distress"] is True
    assert "direct_question_not_a_clear_no" in slots["distress_signs"]
    assert any("pensez-vous au suicide" in reason for reason in slots["triage_reasons"]["distress"])


def test_a_free_non_to_the_safety_question_gives_the_emergency_numbers_again_and_a_human(conversation):
    conversation.say("j'ai envie de mourir")
    said = conversation.say("non pas vraiment")
    assert "15" in said[0] and "112" in said[0] and "3114" in said[0]
    assert conversation.slots()["requested_slot"] not in (None, "safe_now")  # the handoff asks next


def test_a_free_oui_to_the_safety_question_is_understood(conversation):
    conversation.say("j'ai envie de mourir")
    said = conversation.say("oui ça va")
    assert "soulagé" in said[0]


def test_bereaved_by_suicide_gets_the_3114_with_sympathy_without_the_crisis_path(conversation):
    conversation.say("bonjour")
    said = conversation.say("mon mari s'est suicidé l'an dernier et je n'arrive plus à payer l'urssaf")
    assert "désolé" in said[0] and "3114" in said[0] and "proches" in said[0]
    slots = conversation.slots()
    assert slots["distress"] is False and "cotisations_sociales" in slots["difficulty_categories"]


def test_idioms_stay_out_of_the_crisis_path(conversation):
    conversation.say("bonjour")
    said = " ".join(conversation.say("ce chantier me tue et la TVA va me tuer"))
    assert "3114" not in said and "suicide" not in said
    assert conversation.slots()["distress"] is False


def test_an_answer_to_the_intake_question_gets_the_direct_question_once_more(conversation):
    conversation.say("bonjour")
    before = conversation.say("l'urssaf me réclame trois trimestres de cotisations")
    asked = conversation.slots()["requested_slot"]
    conversation.say("je suis épuisé, je n'en peux plus")

    said = conversation.say("depuis décembre")  # the answer to the intake question, written late
    assert "3114" not in " ".join(said)
    assert "suicide" in said[-1] and said[-1].endswith("?")
    slots = conversation.slots()
    assert slots["requested_slot"] == "suicide_thoughts" and slots["distress"] is False

    said = conversation.say("non")
    assert said[-1] in (before[-1], QUESTIONS[asked].again), "the intake resumes at its question (its short form)"
    assert conversation.slots()["suicide_thoughts"] == "clear_no"


def test_the_second_answer_to_something_else_is_the_crisis_path(conversation):
    conversation.say("je n'en peux plus")
    assert "3114" not in " ".join(conversation.say("à Calais"))
    said = conversation.say("à Calais")
    assert "3114" in said[0] and said[-1] == SAFETY_QUESTION
    assert conversation.slots()["distress"] is True


def test_why_the_safety_question_is_asked_then_it_is_asked_again(conversation):
    conversation.say("j'ai envie de mourir")
    messages = say(conversation, "pourquoi vous me demandez ça ?")
    said = texts(messages)
    assert "sécurité" in said[0] and "15" not in said[0]
    assert said[-1] == SAFETY_QUESTION_AGAIN and messages[-1]["buttons"]
    assert "soulagé" in conversation.say("oui")[0]


@pytest.mark.parametrize("question", ["c'est quoi le 3114 ?", "le 3114 c'est payant ?"])
def test_a_question_about_the_3114_at_the_safety_question_is_answered_and_the_question_comes_again(
    conversation, question
):
    conversation.say("j'ai envie de mourir")
    messages = say(conversation, question)
    said = texts(messages)
    # The line explained, not read as "not safe" (the emergency block again).
    assert said[0].startswith("Le 3114 est le numéro national de prévention du suicide"), said
    assert not any("Appelez tout de suite le 15" in text for text in said)
    assert said[-1] == SAFETY_QUESTION_AGAIN and messages[-1]["buttons"]
    assert conversation.slots()["requested_slot"] == "safe_now"


def test_a_clear_no_taken_back_is_the_crisis_path(conversation):
    conversation.say("je n'en peux plus")
    conversation.say("non")
    said = conversation.say("en fait si, des fois j'y pense")
    assert "3114" in said[0] and said[-1] == SAFETY_QUESTION
    slots = conversation.slots()
    assert slots["distress"] is True and slots["requested_slot"] == "safe_now"


def test_a_question_asked_back_at_the_direct_question_is_answered_and_the_question_comes_again(conversation):
    conversation.say("je n'en peux plus")
    said = conversation.say("vous êtes un robot ?")
    assert "3114" not in " ".join(said)
    assert "assistant automatique" in said[0] and "suicide" in said[-1] and said[-1].endswith("?")
    slots = conversation.slots()
    assert slots["requested_slot"] == "suicide_thoughts" and slots["distress"] is False
    assert "3114" in conversation.say("non")[0]  # a clear no, then the 3114 once


@pytest.mark.parametrize("taken_back", ["en fait si", "si en fait", "oui en fait"])
def test_a_bare_yes_right_after_a_clear_no_is_the_crisis_path(conversation, taken_back):
    conversation.say("je n'en peux plus")
    after_no = conversation.say("non")
    assert not any("santé" in text for text in after_no), "exhaustion alone names no health problem"
    said = conversation.say(taken_back)
    assert "3114" in said[0] and said[-1] == SAFETY_QUESTION
    assert conversation.slots()["distress"] is True


def test_a_bare_yes_right_after_a_clear_no_during_the_intake_is_the_crisis_path(conversation):
    conversation.say("l'urssaf me réclame 8000 euros et je n'en peux plus")
    conversation.say("non")
    said = conversation.say("si en fait")
    assert "3114" in said[0] and said[-1] == SAFETY_QUESTION
    assert conversation.slots()["requested_slot"] == "safe_now"


def test_a_warning_sign_in_the_first_message_gets_the_numbers_before_the_welcome(conversation):
    """Round 4 of off-script conversations: "j'ai envie d'en finir" as the first message got the welcome first."""
    messages = say(conversation, "salut, j'ai juste envie d'en finir avec tout ça")
    said = texts(messages)
    assert "3114" in said[0] and "112" in said[1], said
    welcome = [index for index, text in enumerate(said) if text.startswith("Je suis l'assistant automatique")]
    assert welcome == [2], said  # said once, right after the numbers: automated, free and confidential
    assert not any(text.startswith("Bonjour") for text in said), said  # no greeting after the numbers (round 15)
    assert said[-1] == SAFETY_QUESTION


def test_an_ordinary_first_message_still_gets_the_welcome_first(conversation):
    said = texts(say(conversation, "bonjour, l'urssaf me réclame 15 000 euros"))
    assert said[0].startswith("Bonjour, je suis l'assistant automatique") and len(said) > 1, said


def test_a_wife_writing_about_her_husband_gets_the_path_for_relatives_and_the_case_says_who_is_at_risk(
    conversation, stack
):
    """Talking to make run (2026-12-04): a wife's report got "Êtes-vous en sécurité ?" about herself, and the case
    did not say who was at risk."""
    from sqlalchemy import create_engine, text

    from tests.e2e.test_conversation_flows import say as say_turn
    from tests.e2e.test_handoff_case_at_once import answer_until

    conversation.say("bonsoir, je vous écris pour mon mari, il est couvreur près d'Amiens")
    messages = say(conversation, "les impôts lui ont saisi le compte et cette nuit il m'a dit qu'il voulait en finir")
    said = texts(messages)
    assert "3114" in said[0] and "proches" in said[0]
    assert said[-1] == "Pensez-vous que votre mari soit en sécurité en ce moment ?" and messages[-1]["buttons"]
    assert conversation.slots()["person_at_risk"] == "mon mari"

    turn = say_turn(conversation, "je sais pas il est parti avec la camionnette")
    assert "15" in turn.replies[0] and "112" in turn.replies[0] and "restez près de votre mari" in turn.replies[0]
    answer_until(conversation, turn, "phone", {"contact_name": "Nadia"})
    turn = say_turn(conversation, "06 71 22 33 44")
    engine = create_engine(stack.settings.database_url)
    try:
        with engine.connect() as connection:
            summary = connection.execute(
                text("SELECT summary FROM cases WHERE conversation_id = :id"), {"id": conversation.sender}
            ).scalar_one()
    finally:
        engine.dispose()
    assert summary.startswith("DÉTRESSE signalée par un proche de la personne, au sujet de « mon mari »")
    # "je sais pas il est parti avec la camionnette": the relative does not know (round 29, r29-a-02, f6b6eef).
    assert "ce proche ne sait pas si la personne est en sécurité" in summary
