"""Round 17, leftovers: facts said at the callback offer (M2), the assistant asked to call someone itself (F9, second
half), a number given before its question said back when the case is stored (L1), eleven digits told "un chiffre de
trop" (L2), and a trade joined to other words by a hyphen (guidance note). New sentences, other trades and voices than
the talkers'; near misses unchanged."""

from __future__ import annotations

import datetime

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import SKIPPED
from actions.handoff import too_many_digits
from actions.handoff_actions import (
    FACT_NOTED,
    FACT_NOTED_AGAIN,
    NUMBER_ASKED_LATER,
    NUMBER_TOO_LONG_ASKED_LATER,
    ValidateHandoffForm,
    number_asked_later,
    number_read_back,
)
from guidance.crisis import cannot_call_text
from intake.answers import prefers_writing
from intake.facts import extract_facts
from tests.support.trackers import bot, run, slot_events, texts, tracker, user
from triage import assess
from triage.answers import asks_us_to_call

OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle ?"
STORY = [
    user("Fleuriste, depuis le chantier du tram la boutique est vide et je ne paie plus mes fournisseurs"),
    bot(OFFER),
]


def at_offer(words, intent="inform", entities=None, events=(), **slots):
    current = tracker(
        [*STORY, *events, user(words, intent, entities)],
        {"requested_slot": "wants_advisor", "difficulty_categories": ["travaux"], **slots},
        "handoff_form",
    )
    dispatcher = CollectingDispatcher()
    value = {"affirm": True, "deny": False}.get(intent, words)
    return ValidateHandoffForm().validate_wants_advisor(value, dispatcher, current, {}), texts(dispatcher)


# ------------------------------------------------------------------------------------------------ M2


def test_a_name_several_communes_bear_is_kept_for_the_place_question():
    result, said = at_offer("on est à Saint-Denis", entities=[{"entity": "town", "value": "Saint-Denis"}])
    assert result["wants_advisor"] is None  # the offer is asked again
    assert len(result["place_choices"]) >= 2 and result["departement"] is None
    assert said and said[0].startswith("Merci, c'est noté : ") and "?" not in said[0]
    assert "pas bien compris" not in said[0]


def test_a_place_said_with_a_hesitation_is_kept_and_the_hesitation_answered():
    result, said = at_offer("j'hésite, on est pas loin de Pau", entities=[{"entity": "town", "value": "Pau"}])
    assert result["wants_advisor"] is None and result["departement"] == "64"
    assert "Pau" in said[0] and "rôle d'un conseiller" in said[0]


def test_a_place_known_already_is_not_emptied_by_a_namesake():
    result, _said = at_offer(
        "on est à Saint-Denis", entities=[{"entity": "town", "value": "Saint-Denis"}], departement="93"
    )
    assert "place_choices" not in result or not result.get("place_choices")


@pytest.mark.parametrize(
    "words",
    [
        "le bailleur des murs nous menace depuis la semaine dernière",
        "en plus la propriétaire me menace",
        "le proprio menace, c'est tout",
    ],
)
def test_a_landlord_threat_is_a_difficulty(words):
    assert "tresorerie" in assess([words]).categories


@pytest.mark.parametrize(
    "words", ["le proprio ne menace pas", "la menace du proprio c'était l'an dernier", "mon proprio est arrangeant"]
)
def test_near_misses_of_the_landlord_threat(words):
    assert not assess([words]).categories


def test_a_new_difficulty_at_the_offer_is_said_noted_and_the_offer_stays():
    result, said = at_offer("aucune date encore, mais le bailleur nous menace")
    assert result["wants_advisor"] is None
    assert said == [FACT_NOTED]


def test_a_difficulty_said_with_a_hesitation_is_noted_and_the_hesitation_answered():
    result, said = at_offer("pas encore mais le bailleur nous menace")
    assert result["wants_advisor"] is None
    assert said[0].startswith(FACT_NOTED) and "rôle d'un conseiller" in said[0]


def test_a_second_fact_is_said_noted_too_never_the_question_again_alone():
    _result, said = at_offer("et la propriétaire me menace aussi", events=[bot(FACT_NOTED), bot(OFFER)])
    assert said == [FACT_NOTED_AGAIN]


def test_words_that_tell_nothing_are_still_not_understood():
    result, said = at_offer("bof euh zut alors")
    assert result["wants_advisor"] is None
    assert FACT_NOTED not in said


def test_a_plain_yes_or_no_at_the_offer_is_unchanged():
    assert at_offer("oui", "affirm")[0]["wants_advisor"] is True
    assert at_offer("non", "deny")[0]["wants_advisor"] is False


# ------------------------------------------------------------------------------------------------ F9, second half


@pytest.mark.parametrize(
    "words",
    [
        "et vous, vous pourriez pas la joindre ?",
        "c'est pas vous qui pouvez le prévenir ?",
        "appelez-le vous, moi il décroche plus",
        "vous pouvez pas appeler le samu à ma place ?",
    ],
)
def test_the_assistant_asked_to_call_is_read(words):
    assert asks_us_to_call(words)


@pytest.mark.parametrize(
    "words",
    [
        "vous pouvez m'appeler demain ?",
        "vous pouvez rappeler en fin de matinée ?",
        "rappelez-moi svp",
        "je peux l'appeler moi ?",
        "vous pouvez appeler le matin ?",
        "vous pouvez l'aider ?",
    ],
)
def test_a_call_for_oneself_or_a_time_is_not_read_so(words):
    assert not asks_us_to_call(words, someone_at_risk=True)


def test_a_person_named_counts_only_when_someone_is_at_risk():
    assert asks_us_to_call("vous pouvez appeler ma sœur ?", someone_at_risk=True)
    assert not asks_us_to_call("vous pouvez appeler ma sœur ?")


def test_calling_no_longer_reads_as_preferring_writing():
    assert not prefers_writing("vous pouvez pas appeler vous ?")
    assert prefers_writing("pas de téléphone, écrivez-moi")


RELATIVE = [
    user("je suis la compagne d'un ferronnier, il m'a écrit qu'il voulait en finir et il ne répond plus"),
    bot("Est-il en sécurité en ce moment ?"),
    user("non je crois pas"),
    bot(OFFER),
]


def test_at_the_offer_for_someone_close_the_answer_is_what_can_be_done_now():
    slots = {
        "requested_slot": "wants_advisor",
        "distress": True,
        "person_at_risk": "mon compagnon",
        "safe_now": "not_safe",
        "difficulty_categories": ["vie_personnelle"],
    }
    current = tracker([*RELATIVE, user("vous pourriez pas l'appeler vous ?", "faq")], slots, "handoff_form")
    dispatcher, events = run(ValidateHandoffForm(), current)
    said = " ".join(texts(dispatcher))
    assert said == cannot_call_text("mon compagnon")
    assert "15" in said and "112" in said and "3114" in said and "proches" in said and "@" not in said
    assert slot_events(events).get("wants_advisor", "unset") is None  # the offer asked again, nothing assumed


def test_the_text_for_the_writer_has_the_numbers_in_three_sentences_at_most():
    text = cannot_call_text()
    assert "15" in text and "112" in text and "3114" in text and text.count(".") <= 3


def test_without_distress_the_crisis_answer_is_not_given():
    current = tracker(
        [*STORY, user("vous pouvez pas appeler vous ?", "faq")],
        {"requested_slot": "wants_advisor", "difficulty_categories": ["travaux"]},
        "handoff_form",
    )
    dispatcher, _ = run(ValidateHandoffForm(), current)
    assert not any("112" in text for text in texts(dispatcher))


# ------------------------------------------------------------------------------------------------ L1


def test_a_number_given_before_its_question_is_said_back():
    events = [*STORY, user("c'est le 05 49 12 33 80, le fixe de l'atelier"), bot("…"), user("Odile")]
    current = tracker(events, {"phone": "+33549123380", "requested_slot": "contact_name"}, "handoff_form")
    assert number_read_back(current, current.slots) == "Je garde le 05 49 12 33 80 que vous m'avez donné."


def test_a_number_answered_at_its_question_is_not_said_back_twice():
    events = [
        *STORY,
        {"event": "slot", "name": "requested_slot", "value": "phone", "timestamp": 1},
        user("05 49 12 33 80"),
        bot("…"),
        user("Odile"),
    ]
    current = tracker(events, {"phone": "+33549123380", "requested_slot": "contact_name"}, "handoff_form")
    assert number_read_back(current, current.slots) is None
    assert number_read_back(tracker(STORY, {"phone": SKIPPED}), {"phone": SKIPPED}) is None


def test_a_number_already_said_back_is_not_said_again():
    events = [*STORY, user("05 49 12 33 80"), bot("Merci, j'ai noté votre numéro (05 49 12 33 80)."), user("Odile")]
    current = tracker(events, {"phone": "+33549123380", "requested_slot": "contact_name"}, "handoff_form")
    assert number_read_back(current, current.slots) is None


# ------------------------------------------------------------------------------------------------ L2


@pytest.mark.parametrize("words", ["07 61 22 48 90 3", "oui c'est le 0561224890 1", "+33 7 61 22 48 90 5"])
def test_a_digit_too_many_is_said_so(words):
    assert too_many_digits(words) == 1
    assert number_asked_later(words) == NUMBER_TOO_LONG_ASKED_LATER.format("un chiffre de trop")


def test_several_digits_too_many_are_said_so():
    assert too_many_digits("07 61 22 48 90 33 1") == 3
    assert "des chiffres en trop" in number_asked_later("07 61 22 48 90 33 1")


@pytest.mark.parametrize("words", ["07 61 22 48 9", "0761224890", "+33 7 61 22 48 90", "le 12.03.2026"])
def test_near_misses_are_not_too_long(words):
    assert not too_many_digits(words)


def test_at_the_offer_eleven_digits_are_a_yes_and_a_digit_too_many():
    result, said = at_offer("oui, 07 61 22 48 90 3")
    assert result["wants_advisor"] is True
    assert NUMBER_TOO_LONG_ASKED_LATER.format("un chiffre de trop") in said[0] and NUMBER_ASKED_LATER not in said[0]


# ------------------------------------------------------------------------------------------------ trade with a hyphen


@pytest.mark.parametrize(
    "words, trade",
    [
        ("serrurier-dépanneur à Tours, j'ai une question sur la TVA", "serrurier-dépanneur"),
        ("coiffeuse-barbière depuis 2019", "coiffeuse-barbière"),
        ("horloger-bijoutier à Metz", "horloger-bijoutier"),
        ("je suis boulanger, et j'ai un souci", "boulanger"),
    ],
)
def test_a_trade_joined_by_a_hyphen_is_kept(words, trade):
    assert extract_facts(words, datetime.date(2026, 12, 5)).get("trade") == trade


@pytest.mark.parametrize(
    "words", ["j'ai perdu mon porte-clés", "je suis un sous-traitant du BTP", "je suis pas plombier-zingueur"]
)
def test_hyphen_near_misses_name_no_trade(words):
    assert extract_facts(words, datetime.date(2026, 12, 5)).get("trade") is None
