"""Round 7 of off-script conversations: answers on the crisis path that say more than yes or no.

A yes to "Êtes-vous en sécurité ?" with an objection, a goodbye, the callback declined or a fear of bothering; a
relative who answers about themself and asks what to do; the welcome of a first message carrying a warning sign.
"""

from __future__ import annotations

import pytest

from actions.crisis_actions import ActionAfterSafetyAnswer, ActionCheckIn, ActionCrisisResponse
from actions.handoff_actions import ValidateHandoffForm
from guidance.crisis import AT_RISK_REFUSAL, SAFE_REPLY, relative_reply
from guidance.welcome import WELCOME_OPENING
from tests.support.trackers import bot, slot_events, texts, tracker, user
from tests.unit.actions.test_actions import run

LISTEN = {"event": "followup", "timestamp": None, "name": "action_listen"}
CRISIS_BLOCK = [
    bot("Merci de me l'avoir confié. Vous pouvez appeler le 3114 dès maintenant."),
    bot("Êtes-vous en sécurité en ce moment ?"),
]


def _after_safety(text: str, safe_now: str, intent: str = "affirm", slots: dict | None = None, extra=()):
    """The tracker action_after_safety_answer sees: the answer read by the safety form this turn."""
    events = [
        *CRISIS_BLOCK,
        user(text, intent),
        *extra,
        {"event": "action", "name": "safety_form"},
        {"event": "slot", "name": "safe_now", "value": safe_now},
    ]
    return tracker(events, slots={"distress": True, "safe_now": safe_now, **(slots or {})})


# --- 1. A yes with a question back or an objection is a yes, answered kindly --------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "euh oui je suis en sécurité, pourquoi vous me demandez ça ? je parlais de l'argent du promoteur",
        "ben oui ça va, quel rapport avec mes dettes ?",
        "oui je vais bien, vous avez mal compris, c'était une façon de parler",
    ],
)
def test_a_yes_with_an_objection_gets_the_reason_and_no_emergency(typed):
    dispatcher, events = run(ActionAfterSafetyAnswer(), _after_safety(typed, "safe"))
    [said] = texts(dispatcher)
    assert "pardon si je me suis mépris" in said and "15" not in said and "112" not in said
    assert LISTEN not in events  # the callback offer still follows


# --- 2. A relative answering about themself: what to do for the person at risk -----------------------------------


@pytest.mark.parametrize(
    "typed, safe_now",
    [
        ("moi oui ça va, c'est lui le problème. il est seul à la boutique là", "not_safe"),
        ("moi je vais bien, c'est pour elle que j'ai peur", "not_safe"),
        ("ce n'est pas de moi qu'il s'agit, c'est mon frère, il est au garage", "unsure"),
    ],
)
def test_a_relative_safe_themself_is_told_what_to_do_for_the_person(typed, safe_now):
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _after_safety(typed, safe_now, "inform"))
    [said] = texts(dispatcher)
    assert "soulagé" not in said and "Appelez tout de suite" not in said
    assert "Si vous pensez que" in said and "15 ou le 112" in said
    assert "3114 répond aussi aux proches" in said and "auprès de" in said


def test_the_person_named_earlier_is_named_in_the_relatives_reply():
    events = [
        user("j'écris pour mon père, il est cordonnier"),
        {"event": "slot", "name": "person_at_risk", "value": "mon père"},
        # The relative's later words made the triage forget him (round 7, r7a-06).
        {"event": "slot", "name": "person_at_risk", "value": None},
    ]
    current = _after_safety("moi oui, c'est pas moi le problème, c'est lui", "unsure", "inform", extra=())
    current = tracker([*events, *current.events], slots=dict(current.slots))
    dispatcher, _ = run(ActionAfterSafetyAnswer(), current)
    [said] = texts(dispatcher)
    assert "votre père" in said


@pytest.mark.parametrize(
    "typed",
    [
        "moi oui, mais c'est pas moi le problème, c'est lui. il est au labo en bas là. je peux appeler le 3114 à sa place ?",
        "moi ça va, c'est elle qui m'inquiète. est-ce que je peux appeler le 3114 pour elle ?",
    ],
)
def test_a_relatives_question_about_calling_the_3114_is_answered_yes(typed):
    misread = [{"event": "slot", "name": "wants_advisor", "value": True}]
    current = _after_safety(typed, "unsure", "request_human", slots={"wants_advisor": True}, extra=misread)
    dispatcher, events = run(ActionAfterSafetyAnswer(), current)
    [said] = texts(dispatcher)
    assert said.startswith("Oui, vous pouvez appeler le 3114 vous-même") and "112" in said
    # Read as a request for a human, it went to the data-consent text: the offer is made again instead.
    assert slot_events(events) == {"wants_advisor": None}


def test_the_handoff_that_follows_the_safety_answer_does_not_say_the_crisis_block_again():
    """r7a-06: the handoff form validated the same message ("... le 3114 à sa place ?", express_distress) on its
    activation and said the whole crisis block and "Êtes-vous en sécurité" a second time."""
    typed = "moi oui, mais c'est pas moi le problème, c'est lui. je peux appeler le 3114 à sa place ?"
    events = [
        *CRISIS_BLOCK,
        user(typed, "express_distress"),
        {"event": "action", "name": "safety_form"},
        {"event": "slot", "name": "safe_now", "value": "unsure"},
        {"event": "action", "name": "action_after_safety_answer"},
        bot("Oui, vous pouvez appeler le 3114 vous-même."),
        {"event": "action", "name": "handoff_form"},
    ]
    current = tracker(
        events,
        slots={"distress": True, "safe_now": "unsure", "departement": "12", "requested_slot": None},
        active_loop="handoff_form",
    )
    dispatcher, result = run(ValidateHandoffForm(), current)
    said = " ".join(texts(dispatcher))
    assert "Merci de me l'avoir confié" not in said and "en sécurité" not in said
    assert {"event": "followup", "timestamp": None, "name": "safety_form"} not in result


def _at_offer(typed: str, intent: str, *, slots: dict | None = None, before=()):
    events = [
        *CRISIS_BLOCK,
        user("moi oui ça va, c'est lui le problème. il est seul à la boutique là", "inform"),
        bot(relative_reply(None)),
        *before,
        bot("Voulez-vous qu'un conseiller de la chambre vous rappelle ?"),
        user(typed, intent),
    ]
    return tracker(
        events,
        slots={"distress": True, "safe_now": "not_safe", "requested_slot": "wants_advisor", **(slots or {})},
        active_loop="handoff_form",
    )


@pytest.mark.parametrize(
    "typed",
    [
        "mais je fais quoi moi ? je l'appelle ? il va m'en vouloir si j'appelle quelqu'un",
        "qu'est-ce que je lui dis ?",
        "comment je peux l'aider concrètement ?",
    ],
)
def test_a_relatives_direct_question_at_the_offer_is_answered_not_taken_for_a_yes(typed):
    current = _at_offer(typed, "request_human", slots={"wants_advisor": True})
    dispatcher, events = run(ValidateHandoffForm(), current)
    said = texts(dispatcher)
    assert said and "Pour qu'un conseiller vous rappelle" not in " ".join(said)
    assert "3114" in said[0] and "112" in said[0] and "vous vous inquiétez" in said[0]
    assert slot_events(events)["wants_advisor"] is None  # the offer is asked again, never the consent


def test_the_relatives_reply_is_not_said_twice_word_for_word():
    typed = "je peux appeler le 3114 à sa place ?"
    first = _at_offer(typed, "express_distress")
    dispatcher, _ = run(ValidateHandoffForm(), first)
    [said] = texts(dispatcher)
    assert said.startswith("Oui, vous pouvez appeler le 3114 vous-même")
    assert "Merci de me l'avoir confié" not in said  # not the whole crisis block again


def test_the_writers_own_warning_sign_at_the_offer_still_takes_the_crisis_path():
    typed = "je fais quoi moi ? de toute façon ma famille serait mieux sans moi"
    current = _at_offer(typed, "express_distress")
    dispatcher, events = run(ValidateHandoffForm(), current)
    assert "3114" in texts(dispatcher)[0]
    assert events[-1] == {"event": "followup", "timestamp": None, "name": "safety_form"}


# --- 3. The callback declined: heard, asked at most once, a no respected ------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "oui je suis a la maison. je veux pas appeler de numero, je veux pas en parler",
        "oui ça va. j'ai pas envie d'en parler",
        "oui je suis chez moi, je préfère ne pas en parler",
    ],
)
def test_a_yes_that_declines_to_talk_is_heard_and_no_consent_follows(typed):
    misread = [{"event": "slot", "name": "wants_advisor", "value": True}]
    current = _after_safety(typed, "safe", "request_human", slots={"wants_advisor": True}, extra=misread)
    dispatcher, events = run(ActionAfterSafetyAnswer(), current)
    [said] = texts(dispatcher)
    assert "vous n'avez pas à en parler" in said and said.count("3114") == 1
    assert "Pour qu'un conseiller vous rappelle" not in said
    assert slot_events(events) == {"wants_advisor": None} and events[-1] == LISTEN


@pytest.mark.parametrize(
    "typed",
    [
        "oui oui je suis chez moi. je veux pas deranger un conseiller, il y a des gens plus a plaindre",
        "oui ça va, mais je vais pas embêter les conseillers, ils ont mieux à faire",
        "oui je suis en sécurité. d'autres en ont plus besoin que moi",
    ],
)
def test_a_yes_with_a_fear_of_bothering_is_answered_that_nobody_is_bothered(typed):
    misread = [{"event": "slot", "name": "wants_advisor", "value": True}]
    current = _after_safety(typed, "safe", "request_human", slots={"wants_advisor": True}, extra=misread)
    dispatcher, events = run(ActionAfterSafetyAnswer(), current)
    [said] = texts(dispatcher)
    assert "Vous ne dérangez personne" in said and "rôle des conseillers" in said
    # The offer is made once more by the handoff form, not the data-consent text.
    assert slot_events(events) == {"wants_advisor": None} and LISTEN not in events


def test_a_fear_of_bothering_at_the_offer_gets_the_reassurance_once_then_is_a_no():
    typed = "je veux pas déranger, il y a des gens plus à plaindre"
    dispatcher, events = run(ValidateHandoffForm(), _at_offer(typed, "request_human", slots={"wants_advisor": True}))
    [said] = texts(dispatcher)
    assert said.startswith("Vous ne dérangez personne")
    assert slot_events(events)["wants_advisor"] is None

    again = _at_offer(
        "non vraiment je veux pas embêter quelqu'un pour ça",
        "request_human",
        before=[bot(said)],
        slots={"wants_advisor": True},
    )
    dispatcher, events = run(ValidateHandoffForm(), again)
    assert "Vous ne dérangez personne" not in " ".join(texts(dispatcher))
    slots = slot_events(events)
    assert slots["wants_advisor"] is False and slots["requested_slot"] is None


@pytest.mark.parametrize(
    "typed", ["non j'ai dit que je voulais pas deranger", "non, je veux pas en parler", "non je veux pas embêter"]
)
def test_a_no_at_the_offer_read_as_despair_is_respected(typed):
    """r7b-13: "non j'ai dit que je voulais pas deranger" read as express_overwhelm got the kind word and the consent
    question again."""
    current = _at_offer(typed, "express_overwhelm")
    dispatcher, events = run(ActionCheckIn(), current)
    [said] = texts(dispatcher)
    assert said == AT_RISK_REFUSAL and "3114" in said
    slots = slot_events(events)
    assert slots["wants_advisor"] is False and slots["requested_slot"] is None
    assert events[-1] == LISTEN


# --- 4. A yes that takes leave: one goodbye, the 3114 once --------------------------------------------------------


@pytest.mark.parametrize("typed", ["oui oui. bon je vais y aller", "oui ça va, je vous laisse", "oui merci, au revoir"])
def test_a_yes_that_takes_leave_gets_one_goodbye_with_the_3114_once(typed):
    dispatcher, events = run(ActionAfterSafetyAnswer(), _after_safety(typed, "safe"))
    [said] = texts(dispatcher)
    assert "Au revoir" in said and said.count("3114") == 1 and "01 23 45 67 89" in said
    assert events[-1] == LISTEN  # no callback offer, no "C'est entendu" with the 3114 again


def test_a_plain_yes_still_gets_the_relief_and_the_offer():
    dispatcher, events = run(ActionAfterSafetyAnswer(), _after_safety("oui ça va", "safe"))
    assert texts(dispatcher) == [SAFE_REPLY] and events == []


def test_a_no_that_takes_leave_still_gets_the_emergency_numbers():
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _after_safety("non pas vraiment. bon je vais y aller", "not_safe"))
    [said] = texts(dispatcher)
    assert "Appelez tout de suite le 15 ou le 112" in said


# --- 5. The welcome of a first message with a warning sign never splits the crisis lines --------------------------


def test_on_the_first_message_the_crisis_lines_come_in_two_messages_before_the_welcome_is_released():
    welcome = f"{WELCOME_OPENING} de la Chambre de métiers. Ce service est gratuit et confidentiel."
    events = [
        {"event": "action", "name": "action_session_start"},
        bot(welcome),
        {"event": "session_started"},
        {"event": "action", "name": "action_listen"},
        user("salut, j'ai juste envie d'en finir avec tout ça", "express_distress"),
    ]
    dispatcher, _ = run(ActionCrisisResponse(), tracker(events))
    said = texts(dispatcher)
    # bot/crisis_first.py holds the welcome until the first reply without the numbers: every crisis line names them or
    # shares a message with one, so the welcome comes after them all, right before the safety question.
    assert len(said) == 2 and "3114" in said[0]
    assert "112" in said[1] and "114 par SMS" in said[1] and "un conseiller de notre chambre" in said[1]


def test_later_in_the_conversation_the_crisis_lines_stay_separate():
    events = [bot("Bonjour, je suis l'assistant automatique de la chambre."), user("bonjour"), bot("Pour commencer…")]
    events.append(user("ma famille serait mieux sans moi", "express_distress"))
    dispatcher, _ = run(ActionCrisisResponse(), tracker(events))
    said = texts(dispatcher)
    assert len(said) == 3 and "3114" in said[0] and "112" in said[1] and "conseiller" in said[2]


def test_a_warning_sign_in_a_yes_to_the_safety_question_still_takes_the_crisis_path_in_the_handoff():
    """The guard above only skips what was answered: a sign of the writer's own with a yes is never let through."""
    typed = "oui ça va, de toute façon ma famille serait mieux sans moi"
    events = [
        *CRISIS_BLOCK,
        user(typed, "express_distress"),
        {"event": "action", "name": "safety_form"},
        {"event": "slot", "name": "safe_now", "value": "safe"},
        {"event": "action", "name": "action_after_safety_answer"},
        {"event": "action", "name": "handoff_form"},
    ]
    current = tracker(
        events, slots={"distress": True, "safe_now": "safe", "departement": "12"}, active_loop="handoff_form"
    )
    dispatcher, result = run(ValidateHandoffForm(), current)
    assert "3114" in texts(dispatcher)[0]
    assert result[-1] == {"event": "followup", "timestamp": None, "name": "safety_form"}
