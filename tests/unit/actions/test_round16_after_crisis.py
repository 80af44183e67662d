"""Round 16 (r16b-02, r16b-08, r16b-13): right after the crisis numbers.

1. "ok" (and "ok merci", "d'accord", "oké", "ok ok") to "Êtes-vous en sécurité en ce moment ?" was read as "yes, I am
   safe" ("Je suis soulagé de le lire"). It acknowledges the numbers: the question once more, plainly; "ok" again is
   unsure (the numbers, never relief).
2. The safety answer said one turn late, at the callback offer ("jsais pas il est au magasin", "je sais pas s'il est en
   securite il repond pas au tel depuis ce matin", "il repond pas j'ai peur"), was read as an answer about the call (a
   hesitation, a relief, a refusal). It is safety news: the safety reply (the 15 or the 112 now when the person cannot
   be reached or fear is said), then the offer once more.

Real trackers and the real form validations and actions; sentences written for these tests, the way people type."""

from __future__ import annotations

import pytest

from actions.crisis_actions import ActionAfterSafetyAnswer, ValidateSafetyForm
from actions.handoff_actions import ValidateHandoffForm
from guidance.crisis import (
    ASK_AGAIN_FIRST,
    AT_RISK_REFUSAL,
    LATE_NEWS_AGAIN,
    NOT_A_BOTHER,
    OTHER_SUBJECT_SAFETY_REPLY,
    not_safe_reply,
    reached_reply,
    safe_reply,
    unreachable_reply,
    unsure_reply,
)
from tests.support.handoff_form import DOMAIN, SITUATION
from tests.support.trackers import bot, run, slot_events, texts, tracker, user
from triage.answers import (
    ACKNOWLEDGED,
    NOT_SAFE,
    SAFE,
    THANKED,
    UNSURE,
    acknowledges_only,
    answer_to_safety_question,
    says_safety_news,
)

SAFETY_QUESTION = "Êtes-vous en sécurité en ce moment ?"
SISTER_QUESTION = "Pensez-vous que votre frère soit en sécurité en ce moment ?"


def _crisis_block(person: str | None) -> list[dict]:
    first = (
        "vendredi mon frere a appele toute la famille pour dire au revoir"
        if person
        else "franchement jen peux plus, bientot ce sera plus mon probleme"
    )
    return [
        user(first, "express_distress"),
        {"event": "action", "name": "action_crisis_response"},
        bot("Merci de me l'avoir confié. Le 3114 répond jour et nuit."),
        bot(SISTER_QUESTION if person else SAFETY_QUESTION),
    ]


def _at_the_safety_question(typed: str, intent: str = "affirm", person: str | None = None, before: list | None = None):
    events = [*_crisis_block(person), *(before or []), user(typed, intent)]
    slots = {"requested_slot": "safe_now", "distress": True, "person_at_risk": person}
    return tracker(events, slots=slots, active_loop="safety_form")


def _safe_now(typed: str, intent: str = "affirm", person: str | None = None, before: list | None = None):
    current = _at_the_safety_question(typed, intent, person, before)
    from rasa_sdk.executor import CollectingDispatcher

    from tests.unit.actions.test_crisis_actions import run_coroutine

    dispatcher = CollectingDispatcher()
    answer = run_coroutine(ValidateSafetyForm().extract_safe_now(dispatcher, current, {}))
    return answer.get("safe_now"), texts(dispatcher)


# --- 1. "ok" acknowledges the numbers: no answer about safety -------------------------------------------------------

ACKS = [
    "ok",  # r16b-02, -08, -13 as typed
    "Ok.",
    "oké",
    "ok ok",
    "OKAY",
    "d'accord",
    "daccord",
    "dacc",
    "k",
    "ok c noté",
    "d'accord merci pour les numéros",
    "ok bien reçu",
    "ok 👍",
    "bon ok",
]


@pytest.mark.parametrize("typed", ACKS)
@pytest.mark.parametrize("person", [None, "mon frère"])
def test_an_acknowledgement_gets_the_question_once_more_plainly(typed, person):
    answer, said = _safe_now(typed, "affirm", person)
    assert answer is None
    assert said == [ASK_AGAIN_FIRST[ACKNOWLEDGED]]
    assert not any("soulagé" in text for text in said)


@pytest.mark.parametrize("typed", ["ok merci", "d'accord merci", "ok merci beaucoup"])
def test_an_acknowledgement_with_thanks_is_thanked_then_asked_again(typed):
    answer, said = _safe_now(typed)
    assert answer is None
    assert said == [ASK_AGAIN_FIRST[THANKED]]


@pytest.mark.parametrize("typed", [*ACKS, "ok merci"])
@pytest.mark.parametrize("person", [None, "mon frère"])
def test_an_acknowledgement_said_again_is_unsure(typed, person):
    kind_word = ASK_AGAIN_FIRST[ACKNOWLEDGED]
    before = [user("ok", "affirm"), bot(kind_word), bot(SISTER_QUESTION if person else SAFETY_QUESTION)]
    answer, said = _safe_now(typed, "affirm", person, before)
    assert answer == UNSURE
    assert said == []


def _after(typed: str, safe_now: str, person: str | None = None):
    events = [
        *_crisis_block(person),
        user("ok", "affirm"),
        bot(ASK_AGAIN_FIRST[ACKNOWLEDGED]),
        user(typed, "affirm"),
        {"event": "action", "name": "safety_form"},
        {"event": "slot", "name": "safe_now", "value": safe_now},
    ]
    return tracker(events, slots={"distress": True, "safe_now": safe_now, "person_at_risk": person})


@pytest.mark.parametrize("typed", ["ok", "d'accord", "ok ok"])
def test_the_writer_s_second_ok_gets_the_numbers_never_relief(typed):
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _after(typed, UNSURE))
    said = texts(dispatcher)
    assert said == [OTHER_SUBJECT_SAFETY_REPLY]
    assert "15" in said[0] and "112" in said[0] and "3114" in said[0]


def test_a_relative_s_second_ok_gets_where_to_turn_never_relief():
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _after("ok", UNSURE, "mon frère"))
    assert texts(dispatcher) == [unsure_reply("mon frère")]
    assert safe_reply("mon frère") not in texts(dispatcher)


# Near misses: a yes said with the "ok" is a yes; the promise to call the line is the promise; fear is not safe.
SAID_WITH_OK = [
    ("oui", SAFE),
    ("ouais", SAFE),
    ("ok oui", SAFE),
    ("ok ça va", SAFE),
    ("d'accord, je suis chez moi", SAFE),
    ("ok je vais bien", SAFE),
    ("/affirm", SAFE),
    ("ok je vais appeler le 3114", UNSURE),
    ("ok merci, je vais appeler le 3114", UNSURE),
    ("ok mais j'ai peur", NOT_SAFE),
    ("ok... pas vraiment", NOT_SAFE),
]


@pytest.mark.parametrize("typed, reading", SAID_WITH_OK)
def test_a_yes_a_no_or_the_line_said_with_ok_is_read_at_once(typed, reading):
    answer, said = _safe_now(typed, "affirm")
    assert answer == reading
    assert ASK_AGAIN_FIRST[ACKNOWLEDGED] not in said


def test_thanks_alone_read_as_affirm_are_thanked_not_a_yes():
    answer, said = _safe_now("merci", "affirm")
    assert answer is None and said == [ASK_AGAIN_FIRST[THANKED]]
    assert answer_to_safety_question("merci", "affirm") != SAFE


@pytest.mark.parametrize("typed", ["oui", "ok oui", "ok ça va", "ok je vais appeler le 3114", "merci", "ok mais"])
def test_near_misses_are_no_acknowledgement_alone(typed):
    assert not acknowledges_only(typed)


# --- 2. The safety answer one turn late, at the callback offer ----------------------------------------------------

OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle ?"
_MAPPED = {"deny": False, "affirm": True}


def _at_the_offer(typed: str, intent: str = "deny", person: str | None = "mon frère", before=(), **slots):
    events = [
        *_crisis_block(person),
        user("ok", "affirm"),
        bot(ASK_AGAIN_FIRST[ACKNOWLEDGED]),
        user("ok", "affirm"),
        {"event": "action", "name": "safety_form"},
        {"event": "slot", "name": "safe_now", "value": UNSURE},
        {"event": "action", "name": "action_after_safety_answer"},
        bot(unsure_reply(person) if person else OTHER_SUBJECT_SAFETY_REPLY),
        {"event": "action", "name": "handoff_form"},
        bot(OFFER),
        {"event": "slot", "name": "requested_slot", "value": "wants_advisor"},
        *before,
        user(typed, intent),
        # What the slot mapping put in the offer's slot (the tracker of r16b-08: the words themselves).
        {"event": "slot", "name": "wants_advisor", "value": _MAPPED.get(intent, typed)},
    ]
    current = {
        **SITUATION,
        "distress": True,
        "urgency": "critique",
        "person_at_risk": person,
        "safe_now": UNSURE,
        "requested_slot": "wants_advisor",
        "wants_advisor": _MAPPED.get(intent, typed),
        **slots,
    }
    return tracker(events, slots=current, active_loop="handoff_form")


UNREACHABLE = [
    "attendez non je sais pas s'il est en securité il repond pas au tel depuis ce matin",  # r16b-13 as typed
    "non c'est pas un soulagement il repond pas j'ai peur",  # r16b-13 as typed
    "en fait il decroche plus depuis midi",
    "jsais pas ou il est, son tel est eteint",
    "j'arrive pas à le joindre depuis hier soir",
]


@pytest.mark.parametrize("typed", UNREACHABLE)
@pytest.mark.parametrize("intent", ["deny", "nlu_fallback", "inform"])
def test_a_person_who_cannot_be_reached_said_at_the_offer_gets_the_15_now(typed, intent):
    dispatcher, produced = run(ValidateHandoffForm(), _at_the_offer(typed, intent), DOMAIN)
    said = texts(dispatcher)
    assert said == [unreachable_reply("mon frère")]
    assert "15" in said[0] and "112" in said[0]
    assert AT_RISK_REFUSAL not in said and reached_reply() not in said
    slots = slot_events(produced)
    assert slots["wants_advisor"] is None  # the offer once more, never a refusal
    assert slots["safe_now"] == NOT_SAFE


def test_said_again_it_is_the_one_thing_to_do_now_not_the_same_paragraph():
    before = [user(UNREACHABLE[0], "deny"), bot(unreachable_reply("mon frère")), bot(OFFER)]
    dispatcher, produced = run(
        ValidateHandoffForm(), _at_the_offer(UNREACHABLE[1], before=before, safe_now=NOT_SAFE), DOMAIN
    )
    assert texts(dispatcher) == [LATE_NEWS_AGAIN]
    assert slot_events(produced)["wants_advisor"] is None


FEAR = [
    "non j'ai peur",
    "j'ai trop peur pour lui",
    "je suis morte d'inquiétude",
    "jai peur qu'il fasse une connerie",
    "je m'inquiète pour mon frère",
    "il va pas bien du tout",
    "chais pas sil est en securite",
]


@pytest.mark.parametrize("typed", FEAR)
def test_fear_or_doubt_about_the_person_is_never_a_refusal(typed):
    dispatcher, produced = run(ValidateHandoffForm(), _at_the_offer(typed), DOMAIN)
    said = texts(dispatcher)
    assert said == [not_safe_reply("mon frère")]
    assert AT_RISK_REFUSAL not in said
    slots = slot_events(produced)
    assert slots["wants_advisor"] is None and slots["safe_now"] == NOT_SAFE


WHEREABOUTS = [
    "jsais pas il est au magasin",  # r16b-08 as typed
    "il doit etre au depot je crois",
    "elle bosse a l atelier la",
]


@pytest.mark.parametrize("typed", WHEREABOUTS)
def test_where_the_person_is_said_at_the_offer_is_the_unsure_safety_answer(typed):
    person = "ma soeur" if "elle" in typed else "mon père"
    current = _at_the_offer(typed, "nlu_fallback", person, safe_now=SAFE)
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    said = texts(dispatcher)
    assert said == [unsure_reply(person)]
    assert not any("rôle d'un conseiller" in text for text in said)
    slots = slot_events(produced)
    assert slots["wants_advisor"] is None and slots["safe_now"] == UNSURE


def test_the_case_never_reads_safer_than_it_was():
    current = _at_the_offer("jsais pas il est au magasin", "nlu_fallback", "mon père", safe_now=NOT_SAFE)
    _, produced = run(ValidateHandoffForm(), current, DOMAIN)
    assert "safe_now" not in slot_events(produced)


def test_a_call_asked_with_the_news_is_a_yes_after_the_15():
    current = _at_the_offer("oui rappelez moi vite, il repond plus au tel", "affirm")
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    assert texts(dispatcher)[0] == unreachable_reply("mon frère")
    assert slot_events(produced)["wants_advisor"] is True


def test_the_writer_s_own_fear_at_the_offer_gets_the_numbers_and_the_offer_again():
    dispatcher, produced = run(ValidateHandoffForm(), _at_the_offer("non j'ai peur", "deny", None), DOMAIN)
    assert texts(dispatcher) == [not_safe_reply()]
    assert slot_events(produced)["wants_advisor"] is None


# Near misses at the offer: read as before.
def test_no_thanks_at_the_offer_is_a_refusal():
    dispatcher, produced = run(ValidateHandoffForm(), _at_the_offer("non merci", "deny"), DOMAIN)
    assert slot_events(produced)["wants_advisor"] is False
    assert unreachable_reply("mon frère") not in texts(dispatcher)


def test_yes_at_the_offer_is_a_yes():
    _, produced = run(ValidateHandoffForm(), _at_the_offer("oui", "affirm"), DOMAIN)
    assert slot_events(produced)["wants_advisor"] is True


def test_the_promise_to_call_the_line_at_the_offer_is_the_promise():
    dispatcher, _ = run(ValidateHandoffForm(), _at_the_offer("ok je vais appeler le 3114", "affirm"), DOMAIN)
    said = texts(dispatcher)
    assert said and "Vous faites bien" in said[0]
    assert not_safe_reply("mon frère") not in said and unreachable_reply("mon frère") not in said


def test_afraid_of_bothering_is_no_safety_news():
    dispatcher, _ = run(ValidateHandoffForm(), _at_the_offer("j'ai peur de deranger", "deny", None), DOMAIN)
    assert texts(dispatcher) == [NOT_A_BOTHER]


def test_the_person_reached_is_still_relief():
    dispatcher, _ = run(
        ValidateHandoffForm(), _at_the_offer("c'est bon il a rappelé, il est chez sa soeur", "inform"), DOMAIN
    )
    assert texts(dispatcher) == [reached_reply()]


def test_before_the_safety_question_was_answered_nothing_is_read_as_its_late_answer():
    current = _at_the_offer("il repond pas au tel", "deny")
    current.events[:] = [event for event in current.events if event.get("name") != "action_after_safety_answer"]
    dispatcher, _ = run(ValidateHandoffForm(), current, DOMAIN)
    assert unreachable_reply("mon frère") not in texts(dispatcher)


NOT_NEWS = [
    ("je sais pas", True),  # a hesitation about the call
    ("j'ai peur d'appeler", True),
    ("jai peur des huissiers", False),
    ("je suis inquiet pour mon entreprise", False),
    ("mes données sont en sécurité ?", False),
    ("elle est au courant ?", True),
    ("il a 58 ans", True),
    ("j ai peur que ma femme le sache", False),
    ("il repond pas", False),  # the bank, a client: only someone close speaks of the person at risk
]


@pytest.mark.parametrize("typed, relative", NOT_NEWS)
def test_words_that_are_no_safety_news(typed, relative):
    assert not says_safety_news(typed, about_someone_else=relative)


@pytest.mark.parametrize("typed", ["non", "non merci", "nan", "pas du tout", "non non"])
def test_a_no_the_classifier_read_as_a_yes_is_never_safe(typed):
    """Found by the safety2 helper: a short answer read as affirm was safe without looking for a no in it."""
    from triage.answers import NOT_SAFE, answer_to_safety_question

    assert answer_to_safety_question(typed, "affirm") == NOT_SAFE


@pytest.mark.parametrize("typed", ["oui", "ouais", "oui oui", "ça va"])
def test_a_short_yes_read_as_affirm_is_still_safe(typed):
    from triage.answers import SAFE, answer_to_safety_question

    assert answer_to_safety_question(typed, "affirm") == SAFE
