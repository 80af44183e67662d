"""Round 24, the crisis path (talkers B and C): a yes said with more words, its correction, where one is tonight, a
relative who does not know what to say, anger at the bot, a callback asked for tonight. Real trackers throughout."""

from __future__ import annotations

import pytest

from actions.crisis_actions import (
    SAFETY_PUT_RIGHT,
    ActionAfterSafetyAnswer,
    ValidateSafetyForm,
)
from actions.handoff_actions import ValidateHandoffForm
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, run, slot_events, texts, tracker, user
from tests.unit.actions.test_crisis_actions import extract

MONDAY_10H = "2026-12-07T10:00:00+01:00"
SAFETY_QUESTION = "Êtes-vous en sécurité en ce moment ?"
OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle ?"
CRISIS_BLOCK = [
    user("bonjour, je suis menuisier et franchement je suis à bout, épuisé", "express_distress"),
    bot("Je vous pose la question simplement : pensez-vous au suicide ?"),
    user("je sais pas", "inform"),
    {"event": "action", "name": "action_crisis_response"},
    bot("Merci de me l'avoir confié. Vous pouvez appeler le 3114 dès maintenant."),
    bot(SAFETY_QUESTION),
]


def _at_the_safety_question(typed: str, intent: str = "affirm"):
    return tracker(
        [*CRISIS_BLOCK, user(typed, intent)],
        slots={"requested_slot": "safe_now", "distress": True},
        active_loop="safety_form",
    )


# --- 1. A yes said with more words is a yes; a real no, a doubt, stay as they were --------------------------------

CASUAL_YES = [
    "mais oui ça va, je suis chez moi, tranquille",  # r24c-05 as typed
    "mais oui ça va, je suis chez moi, tranquille. le loyer ?",  # r24c-03 as typed
    "ouais ouais ça va, t'inquiète",  # r24c-14 as typed
    "ben oui ça va hein",
    "mais oui je suis au magasin, ne vous inquiétez pas",
    "oui oui ça va, vous en faites pas",
    "bah oui, tranquille",
]


@pytest.mark.parametrize("typed", CASUAL_YES)
def test_a_yes_said_with_more_words_is_safe(typed):
    assert extract(ValidateSafetyForm(), "extract_safe_now", _at_the_safety_question(typed)) == {"safe_now": "safe"}


NOT_A_YES = [
    "non",
    "mais non",
    "je sais pas",
    "pas vraiment",
    "mais oui... enfin je sais pas",
    "mais oui mais j'ai peur",
    "ouais ouais je suis seul mais ça va",
    "ben oui pour l'instant, t'inquiète",
    "oui oui, pas trop tranquille quand même",
    "mais non ça va",
    "non mais ça va",
    "enfin oui ça va, t'inquiète",
]


@pytest.mark.parametrize("typed", NOT_A_YES)
def test_a_no_or_a_doubt_said_with_the_same_words_is_never_safe(typed):
    said = extract(ValidateSafetyForm(), "extract_safe_now", _at_the_safety_question(typed, "inform"))
    assert said.get("safe_now") != "safe"


# --- 1b. "je suis en sécurité" after a yes misread puts it right: the slot, so the case --------------------------


def _at_the_offer_after(first: str, typed: str, stored: str = "not_safe"):
    events = [
        *CRISIS_BLOCK,
        user(first, "inform"),
        {"event": "action", "name": "safety_form"},
        {"event": "slot", "name": "safe_now", "value": stored},
        {"event": "action", "name": "action_after_safety_answer"},
        bot("Merci de me l'avoir dit. Appelez tout de suite le 15 ou le 112."),
        bot(OFFER),
        user(typed, "inform"),
    ]
    slots = {
        "distress": True,
        "urgency": "critique",
        "safe_now": stored,
        "difficulty_categories": ["tresorerie"],
        "requested_slot": "wants_advisor",
    }
    return tracker(events, slots=slots, active_loop="handoff_form")


CORRECTIONS = [
    "non mais je suis en sécurité hein, j'ai juste dit que j'étais fatigué",  # r24c-05 as typed
    "quoi ?? j'ai dit que ça allait, je suis en sécurité !",  # r24c-03 as typed
    "Oui, je suis en sécurité",  # r24c-14: the button's own words, typed
    "je suis en sécurité !",
    "vous avez mal compris, je ne suis pas en danger",
]


@pytest.mark.parametrize("typed", CORRECTIONS)
@pytest.mark.parametrize("first", ["mais oui ça va, je suis chez moi, tranquille", "ouais ouais ça va, t'inquiète"])
def test_safety_said_after_a_yes_misread_puts_it_right(first, typed, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", MONDAY_10H)
    dispatcher, events = run(ValidateHandoffForm(), _at_the_offer_after(first, typed), DOMAIN)
    said = " ".join(texts(dispatcher))
    assert SAFETY_PUT_RIGHT in said
    assert "N'attendez pas" not in said and "tout de suite le 15" not in said
    assert slot_events(events).get("safe_now") == "safe"


@pytest.mark.parametrize("typed", CORRECTIONS)
@pytest.mark.parametrize("first", ["non", "pas vraiment", "je sais pas", "mais non"])
def test_a_real_no_is_never_made_safe_by_a_later_word(first, typed, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", MONDAY_10H)
    dispatcher, events = run(ValidateHandoffForm(), _at_the_offer_after(first, typed), DOMAIN)
    assert SAFETY_PUT_RIGHT not in " ".join(texts(dispatcher))
    assert slot_events(events).get("safe_now") in (None, "not_safe")


@pytest.mark.parametrize(
    "typed", ["je sais pas si je suis en sécurité", "je suis pas en sécurité", "je suis en sécurité pour l'instant"]
)
def test_safety_doubted_is_no_correction(typed, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", MONDAY_10H)
    dispatcher, events = run(
        ValidateHandoffForm(), _at_the_offer_after("mais oui ça va, je suis chez moi, tranquille", typed), DOMAIN
    )
    assert SAFETY_PUT_RIGHT not in " ".join(texts(dispatcher))
    assert slot_events(events).get("safe_now") != "safe"


# --- 2. Where the person at risk is tonight is no relative writing (talker B, r24b-13) ---------------------------

OWN_FIRST = [
    user(
        "J'ai l'impression que tout s'écroule et franchement des fois je me dis que ce serait plus simple de ne plus "
        "être là.",
        "express_distress",
    ),
    {"event": "action", "name": "action_crisis_response"},
    bot("Merci de me l'avoir confié. Vous pouvez appeler le 3114 dès maintenant."),
    bot(SAFETY_QUESTION),
]
WHERE_TONIGHT = [
    "oui ça va, je suis chez ma soeur ce soir. c'est elle qui m'a dit de vous écrire",  # r24b-13 as typed
    "oui je suis chez mon frère ce soir, c'est lui qui m'a conseillé de vous contacter",
    "ouais ça va, je suis chez ma mère. c'est ma mère qui m'a dit de vous écrire",
]


@pytest.mark.parametrize("typed", WHERE_TONIGHT)
def test_where_the_writer_is_tonight_is_their_own_yes(typed):
    at_question = tracker(
        [*OWN_FIRST, user(typed, "affirm")],
        slots={"requested_slot": "safe_now", "distress": True},
        active_loop="safety_form",
    )
    assert extract(ValidateSafetyForm(), "extract_safe_now", at_question) == {"safe_now": "safe"}
    after = tracker(
        [
            *OWN_FIRST,
            user(typed, "affirm"),
            {"event": "action", "name": "safety_form"},
            {"event": "slot", "name": "safe_now", "value": "safe"},
        ],
        slots={"distress": True, "safe_now": "safe"},
    )
    dispatcher, _ = run(ActionAfterSafetyAnswer(), after)
    said = " ".join(texts(dispatcher))
    for relative in ("votre sœur", "votre frère", "votre mère", "est en danger"):
        assert relative not in said


# --- 4. Anger or despair at the bot on the crisis path: a human word and the 3114, never a capability answer ------

AFTER_THE_CRISIS = [
    user("des fois je pense au suicide", "express_distress"),
    {"event": "action", "name": "action_crisis_response"},
    bot("Merci de me l'avoir confié. Vous pouvez appeler le 3114 dès maintenant."),
    bot(SAFETY_QUESTION),
    user("oui je suis chez moi", "affirm"),
    {"event": "action", "name": "action_after_safety_answer"},
    bot("Je suis soulagé de le lire."),
]
REBUKES = [
    ("vous êtes qu'une machine de toute façon, ça sert à rien", "faq/is_bot"),  # r24c-02 as typed
    ("putain mais vous êtes con ou quoi", "out_of_scope"),
    ("t'es qu'un robot, tu comprends rien", "faq/is_bot"),
    ("ça sert à rien de vous parler", "out_of_scope"),
    ("vous servez à rien", "out_of_scope"),
]


def _rebuke_tracker(typed: str, intent: str, case: bool = True):
    slots = {"distress": True, "safe_now": "safe", "urgency": "critique"}
    if case:
        slots.update(case_reference="RL-TEST01", consent_given=True, wants_advisor=True)
    return tracker([*AFTER_THE_CRISIS, user(typed, intent)], slots=slots)


@pytest.mark.parametrize("typed, intent", REBUKES)
def test_anger_at_the_bot_in_a_crisis_gets_a_human_word_and_the_3114(typed, intent):
    from actions.ask_actions import ActionOutOfScope
    from actions.faq_actions import ActionAnswerFaq

    action = ActionAnswerFaq() if intent.startswith("faq/") else ActionOutOfScope()
    dispatcher, _ = run(action, _rebuke_tracker(typed, intent), DOMAIN)
    said = texts(dispatcher)
    assert len(said) == 1, said
    assert "3114" in said[0] and "programme" in said[0] and "vous rappellera" in said[0]
    assert "certitude" not in said[0] and "Je ne peux pas vous aider" not in said[0]


def test_the_plain_question_whether_a_machine_answers_keeps_its_honest_answer():
    from actions.crisis_actions import rebukes_the_bot

    for asked in ("vous êtes un robot ?", "c'est un robot qui me répond ?", "je parle à une vraie personne ?"):
        assert not rebukes_the_bot(asked)
    for other in ("ça sert à rien de payer", "mon comptable est nul", "je suis nul"):
        assert not rebukes_the_bot(other)


# --- 5. A call asked for tonight, in a crisis: the 3114 answers tonight, beside the moment refused (r24c-02) ------

SUNDAY_EVENING = "2026-12-06T20:30:00+01:00"


def _time_answered(words: str, distress: bool):
    from tests.support.trackers import consented

    events = [
        user("des fois je pense au suicide", "express_distress"),
        bot(OFFER),
        user("oui", "affirm"),
        bot("À quel moment le conseiller peut-il vous appeler ?"),
        user(words, "inform"),
    ]
    slots = {
        **consented(),
        "phone": "+33612345678",
        "email": "non précisé",
        "requested_slot": "callback_slot",
        **({"distress": True, "urgency": "critique", "safe_now": "safe"} if distress else {}),
    }
    return run(ValidateHandoffForm(), tracker(events, slots, "handoff_form"), DOMAIN)


@pytest.mark.parametrize("words", ["ce soir vers 21h si possible", "ce soir 21h", "vers 22h", "le soir après 19h"])
def test_a_call_asked_for_tonight_in_a_crisis_is_told_the_3114_answers_tonight(words, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", SUNDAY_EVENING)
    dispatcher, events = _time_answered(words, distress=True)
    said = " ".join(texts(dispatcher) + [m.get("text") or "" for m in dispatcher.messages])
    assert "ne peuvent pas vous appeler" in said
    assert "Ce soir, le 3114 vous répond" in said
    assert slot_events(events).get("callback_slot") is None


def test_outside_a_crisis_the_refused_moment_is_unchanged(monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", SUNDAY_EVENING)
    dispatcher, _ = _time_answered("ce soir vers 21h si possible", distress=False)
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "ne peuvent pas vous appeler" in said and "3114" not in said


# --- 3. A relative who does not know what to say tonight gets the 3114, never "rien ne presse" (r24b-09) --------
# At a form's question the crisis path answers it (below). With no question pending, the Rasa rule "skipping when no
# question is pending" (stories/intake.yml) still says utter_skip_outside_question: left to the integrator.

PARTNER = [
    user(
        "mon compagnon est boucher, il m'a dit qu'il ne voulait plus être là, que tout le monde serait mieux sans lui",
        "express_distress",
    ),
    {"event": "action", "name": "action_crisis_response"},
    bot("Le 3114 répond aussi aux proches."),
    bot("Votre compagnon est-il en sécurité en ce moment ?"),
    user("oui il est à côté", "affirm"),
    {"event": "action", "name": "action_after_safety_answer"},
    bot(OFFER),
]


@pytest.mark.parametrize(
    "typed", ["merci. je sais pas quoi lui dire ce soir", "je ne sais pas comment lui parler", "je lui dis quoi moi ?"]
)
def test_a_relative_lost_for_words_at_the_offer_gets_the_3114(typed):
    from rasa_sdk.executor import CollectingDispatcher

    from actions.crisis_actions import crisis_in_form_reply

    current = tracker(
        [*PARTNER, user(typed, "skip_question")],
        slots={
            "distress": True,
            "urgency": "critique",
            "safe_now": "unsure",
            "person_at_risk": "son compagnon",
            "requested_slot": "wants_advisor",
        },
        active_loop="handoff_form",
    )
    dispatcher = CollectingDispatcher()
    events = crisis_in_form_reply(dispatcher, current)
    said = " ".join(texts(dispatcher))
    assert events is not None and "3114" in said and "rien ne presse" not in said
