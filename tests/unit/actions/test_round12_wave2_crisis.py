"""Round 12, tester C (c.md C6, C10, C15), after the crisis part: a no to the callback offer said with a business question
gets a sourced step (not "je ne sais pas répondre"); a bank account "mort" is no death; a "why" at the direct question
gets its reason and the question again; a clear no that refuses the helplines gets no number. Sentences written for
these tests."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.business_questions import STEPS_AFTER_CRISIS_INTRO, first_steps_after_crisis
from actions.crisis_actions import (
    NUMBERS_REFUSED_CLEAR_NO_REPLY,
    ActionAfterClearNo,
    ValidateDirectQuestionForm,
    asks_about_the_business,
    business_question_after_crisis,
    crisis_in_form_reply,
)
from guidance.crisis import ASK_AGAIN_FIRST, BUSINESS_QUESTION_UNKNOWN, suicide_question
from tests.support.trackers import bot, run, slot_events, texts, tracker, user
from triage.answers import WHY_ASKED, refuses_the_numbers

AFTER_SAFETY = [
    {"event": "action", "name": "action_crisis_response"},
    bot("Merci de me l'avoir confié. Vous pouvez appeler le 3114 dès maintenant."),
    {"event": "slot", "name": "safe_now", "value": None},
    bot("Êtes-vous en sécurité en ce moment ?"),
    user("je suis vivant hein, c'est mon compte en banque qui est mort haha", "inform"),
    {"event": "slot", "name": "safe_now", "value": "unsure"},
    {"event": "action", "name": "action_after_safety_answer"},
    bot("D'accord, tant mieux si c'était une façon de parler."),
    bot("Souhaitez-vous qu'un conseiller de la chambre vous rappelle ?"),
]


def _at_the_offer(typed: str, intent: str = "deny"):
    slots = {
        "distress": True,
        "urgency": "critique",
        "safe_now": "unsure",
        "requested_slot": "wants_advisor",
        "difficulty_categories": ["banque"],
    }
    return tracker([*AFTER_SAFETY, user(typed, intent)], slots=slots, active_loop="handoff_form")


# C6: a no to the offer, then a question about the business, in several voices.
NO_WITH_A_QUESTION = [
    "non pas besoin. par contre la banque peut me fermer mon compte pro du jour au lendemain ? j'ai 3000 de decouvert",
    "nan ca ira. ma banque a le droit de me couper le decouvert comme ca ?",
    "non merci, mais est ce que la banque peut me retirer mon découvert sans prévenir",
    "non pas la peine. je voudrais juste savoir si la banque peut couper mon decouvert",
]


@pytest.mark.parametrize("typed", NO_WITH_A_QUESTION)
def test_a_no_to_the_offer_with_a_bank_question_gets_a_sourced_step(typed):
    dispatcher = CollectingDispatcher()
    events = crisis_in_form_reply(dispatcher, _at_the_offer(typed))
    said = texts(dispatcher)
    assert len(said) == 1 and said[0].startswith("Pour votre question")
    assert "Médiation du crédit" in said[0] or "banque" in said[0].lower()
    assert "Je ne sais pas répondre" not in said[0] and said[0] != BUSINESS_QUESTION_UNKNOWN
    # The no is the offer's answer: respected, the form closes (no offer asked again).
    assert slot_events(events) == {"wants_advisor": False, "requested_slot": None}


@pytest.mark.parametrize(
    "typed",
    [
        "oui, et la banque peut me couper le decouvert ?",  # a yes is the handoff's to keep
        "non merci",
        "non pas besoin, ça ira",
    ],
)
def test_a_yes_or_a_bare_no_at_the_offer_stays_the_handoffs(typed):
    dispatcher = CollectingDispatcher()
    assert business_question_after_crisis(dispatcher, _at_the_offer(typed)) is None
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    "typed",
    [
        "ok et pour le decouvert alors je fais quoi",
        "d'accord. et la banque elle peut fermer mon compte ?",
        "bon, je fais comment pour mon découvert",
        "la banque peut me fermer mon compte ? j'ai 3000 de decouvert",
    ],
)
def test_a_question_after_an_acknowledgement_or_with_an_inner_question_mark_is_asked(typed):
    assert asks_about_the_business(typed)


def test_the_first_steps_after_a_joke_about_a_dead_account_are_about_the_bank_not_a_death():
    events = [*AFTER_SAFETY, user("ok et pour le decouvert alors je fais quoi", "ask_what_to_do")]
    slots = {
        "distress": True,
        "urgency": "critique",
        "safe_now": "unsure",
        "difficulty_categories": ["banque"],
        "triage_reasons": {"banque": ["« c'est mon compte en banque qui est mort haha »"]},
    }
    dispatcher = CollectingDispatcher()
    given = first_steps_after_crisis(dispatcher, tracker(events, slots=slots))
    said = " ".join(texts(dispatcher))
    assert texts(dispatcher)[0] == STEPS_AFTER_CRISIS_INTRO
    # "notaire" alone is no death word: the EI-patrimony card names one for a caution (round 25: with the court card kept
    # for serious situations, that card takes the third place here).
    assert "décès" not in said and "héritiers" not in said and "acte de notoriété" not in said
    ids = {entry["id"] for event in given if event.get("name") == "guidance_given" for entry in event["value"]}
    assert not {"deces_comptes_notaire", "deces_poursuite_activite"} & ids


# C10: the question questioned at the direct question, with more words and nothing of danger.
@pytest.mark.parametrize(
    "typed",
    [
        "pourquoi vous me demandez ca?? j'ai parlé de mes factures",
        "pk vous me demandez ça, je parlais de mon chiffre",
        "mais pourquoi cette question ? moi c'est l'urssaf le souci",
        "quel rapport ? je vous parle de mes impayés",
    ],
)
def test_why_at_the_direct_question_gets_its_reason_and_the_question_again(typed):
    question = suicide_question(None)
    events = [{"event": "action", "name": "action_check_in"}, bot(question), user(typed, "ask_why_question")]
    t = tracker(events, slots={"requested_slot": "suicide_thoughts"}, active_loop="direct_question_form")
    dispatcher = CollectingDispatcher()
    read = asyncio.run(ValidateDirectQuestionForm().extract_suicide_thoughts(dispatcher, t, {}))
    assert read == {"suicide_thoughts": None}  # no disclosure, no crisis path: the form asks again
    assert texts(dispatcher) == [ASK_AGAIN_FIRST[WHY_ASKED]]


@pytest.mark.parametrize(
    "typed",
    [
        "pourquoi vous me demandez ca, j'y pense tous les jours",
        "pourquoi ? ca change quoi si je veux mourir",
        "pourquoi vous demandez ça... des fois oui j'y pense",
    ],
)
def test_why_with_a_warning_sign_is_still_not_a_clear_no(typed):
    question = suicide_question(None)
    events = [{"event": "action", "name": "action_check_in"}, bot(question), user(typed, "ask_why_question")]
    t = tracker(events, slots={"requested_slot": "suicide_thoughts"}, active_loop="direct_question_form")
    dispatcher = CollectingDispatcher()
    read = asyncio.run(ValidateDirectQuestionForm().extract_suicide_thoughts(dispatcher, t, {}))
    assert read == {"suicide_thoughts": "not_clear_no"}


def test_why_asked_a_second_time_is_read_as_before():
    question = suicide_question(None)
    events = [
        {"event": "action", "name": "action_check_in"},
        bot(question),
        user("pourquoi vous me demandez ca, je parlais de mes factures", "ask_why_question"),
        bot(ASK_AGAIN_FIRST[WHY_ASKED]),
        bot(suicide_question(None, again=True)),
        user("mais pourquoi vous insistez, je parle de mes factures", "ask_why_question"),
    ]
    t = tracker(events, slots={"requested_slot": "suicide_thoughts"}, active_loop="direct_question_form")
    dispatcher = CollectingDispatcher()
    read = asyncio.run(ValidateDirectQuestionForm().extract_suicide_thoughts(dispatcher, t, {}))
    assert read == {"suicide_thoughts": "not_clear_no"}


# C15: a clear no that refuses the helplines gets no number.
@pytest.mark.parametrize(
    "typed",
    [
        "non c'est pas ça. et me donnez pas de numéro de psy svp. je veux juste savoir ce qui se passe si je dépose le bilan",
        "non, et me filez pas vos numeros, je veux juste des infos sur la liquidation",
        "non jamais. je veux pas de vos numéros, juste savoir pour l'urssaf",
        "non pas du tout, pas de psy merci",
    ],
)
def test_a_clear_no_refusing_the_numbers_gets_no_number(typed):
    assert refuses_the_numbers(typed)
    events = [{"event": "action", "name": "action_check_in"}, bot("question"), user(typed, "deny")]
    t = tracker(events, slots={"suicide_thoughts": "clear_no", "paused_form": "situation_form"})
    dispatcher, _ = run(ActionAfterClearNo(), t)
    said = texts(dispatcher)
    assert said[0] == NUMBERS_REFUSED_CLEAR_NO_REPLY
    assert not any("3114" in text or "15" in text.split() for text in said)


@pytest.mark.parametrize(
    "typed", ["non pas du tout", "non, je voulais juste un numéro de siret", "non, c'est la banque le souci"]
)
def test_a_clear_no_without_refusing_the_numbers_keeps_the_line(typed):
    assert not refuses_the_numbers(typed)
    events = [{"event": "action", "name": "action_check_in"}, bot("question"), user(typed, "deny")]
    t = tracker(events, slots={"suicide_thoughts": "clear_no", "paused_form": "situation_form"})
    dispatcher, _ = run(ActionAfterClearNo(), t)
    assert "3114" in texts(dispatcher)[0]


@pytest.mark.parametrize(
    "typed, death",
    [
        ("je suis vivant hein, c'est mon compte en banque qui est mort haha", False),
        ("le marché du jeudi est mort depuis les travaux", False),
        ("c'est mort pour cette saison, il a pas neigé", False),
        ("mon four il est mort et le réparateur veut 6000", False),
        ("quoi?? personne est mort, je parle de mon decouvert", False),
        ("mon mari est mort le mois dernier", True),
        ("depuis que mon mari est mort l'entreprise coule", True),
        ("le compte de mon père qui est mort est bloqué", True),
        ("c'est mort pour la boutique, ma femme est décédée en mai", True),
    ],
)
def test_a_death_needs_a_person_who_died(typed, death):
    from guidance.facts import read_causes

    assert ("deces" in read_causes([typed])) is death


def test_a_business_question_asked_twice_after_the_crisis_gets_its_step_once_in_full():
    """The simulator (seed 20261201): after the crisis part and a refused consent, the same step said twice in full, and
    "Le conseiller qui vous rappellera" said although the consent was refused."""
    from actions.crisis_actions import STEP_SAID_ABOVE, business_question_after_crisis
    from guidance.crisis import BUSINESS_QUESTION_DOOR

    question = "je peux étaler ma dette de tva avec les impôts ?"
    events = [
        user("notre fils a repris la menuiserie et il nous a dit qu'il voulait disparaître", "describe_situation"),
        {"event": "action", "name": "action_crisis_response"},
        user("oui il est avec nous", "affirm"),
        {"event": "slot", "name": "safe_now", "value": "safe"},
        {"event": "action", "name": "action_after_safety_answer"},
        bot("Je suis soulagé de le lire."),
        user(question, "out_of_scope"),
    ]
    slots = {"distress": True, "safe_now": "safe", "wants_advisor": True, "consent_given": False}
    first = CollectingDispatcher()
    assert business_question_after_crisis(first, tracker(events, slots=slots)) is not None
    said = texts(first)
    assert said[-1] == BUSINESS_QUESTION_DOOR
    again = CollectingDispatcher()
    later = [*events, *(bot(text) for text in said), user(question, "out_of_scope")]
    assert business_question_after_crisis(again, tracker(later, slots=slots)) is not None
    assert texts(again)[0] == STEP_SAID_ABOVE
