"""Round 12 handoff answers (r12a A2, A3, A4; r12b B4, B9), over real trackers, the real form validation and the
actions that answer outside it: the words of a request are never a first name; a name said with who the person is,
or put right later, is the name kept; France's overseas numbers are French, and one the numbering metadata does not
know is kept when the artisan gives it again; digits of a number never become the deadline; a yes or a no opening a
longer answer to the callback offer or the consent is that answer."""

from __future__ import annotations

import pytest

from actions.ask_actions import ActionOutOfScope
from actions.conversation import SKIPPED
from actions.faq_actions import ActionAnswerFaq
from actions.handoff import (
    first_name_said,
    foreign_attempt,
    insisted_number,
    name_after_yes,
    name_in_so_many_words,
    normalise_phone,
    part_of_a_number,
    person_named,
)
from actions.handoff_actions import (
    FOREIGN_NUMBER_NOT_READ,
    NUMBER_UNKNOWN,
    ValidateHandoffForm,
    yes_no_said_with_more,
)
from actions.intake_actions import ActionAcknowledgeSituation, ActionHandleMisunderstanding
from cases.phones import readable_phone
from tests.support.handoff_form import DOMAIN, SITUATION, validate
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "round12-names-phones"


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def before_name(**extra):
    slots = consented()
    slots.pop("contact_name")
    return {**slots, **extra}


def at_question(requested, words, intent="inform", filled=None, slots=None, history=()):
    """The handoff form at ``requested``: the artisan's words, then what the slot mappings took from them."""
    events = [*history, bot("?"), user(words, intent), *(slot(name, value) for name, value in (filled or {}).items())]
    return tracker(
        events,
        slots={**(slots or consented()), **(filled or {}), "requested_slot": requested},
        active_loop="handoff_form",
        sender_id=SENDER,
    )


def validated(requested, words, intent="inform", filled=None, slots=None, history=()):
    dispatcher, events = run(
        ValidateHandoffForm(), at_question(requested, words, intent, filled, slots, history), DOMAIN
    )
    return slot_events(events), texts(dispatcher)


# ------------------------------------------------------------------ A4, B4: the words of a request name nobody


@pytest.mark.parametrize(
    "words",
    [
        "oui appelez moi maintenant svp",
        "ouais appelez-moi vite",
        "ok appelez moi tout de suite stp",
        "oui appelez moi au plus vite",
        "appelez moi sur mon portable",
        "oui appelez moi des que possible merci",
    ],
)
def test_a_request_to_be_called_names_nobody(words):
    assert name_after_yes(words) is None
    assert first_name_said(words) is None
    assert name_in_so_many_words(words) is None


@pytest.mark.parametrize(
    "words, name",
    [
        ("appelez moi Karine", "Karine"),
        ("je m'appelle Paul svp", "Paul"),
        ("moi c'est jean-marc", "Jean-Marc"),
        ("je m'appelle Marie Claire", "Marie Claire"),
    ],
)
def test_a_name_said_as_such_is_still_read(words, name):
    assert first_name_said(words) == name


@pytest.mark.parametrize("question", ["wants_advisor", "consent_given"])
@pytest.mark.parametrize("words", ["oui appelez moi maintenant svp", "ok appelez-moi vite s'il vous plait"])
def test_a_yes_with_a_request_keeps_no_name(question, words):
    """Round 12, r12b-19: "Merci Maintenant Svp.", and contact_name "Maintenant Svp" in the case."""
    said, produced = validate(question, words, {question: True}, intent="affirm")
    assert produced[question] is True and "contact_name" not in produced, (said, produced)
    assert not any(text.startswith("Merci M") for text in said), said


@pytest.mark.parametrize(
    "words, phone",
    [
        ("appelez moi sur le 06 45 78 12 90", "+33645781290"),
        ("appelez-moi au 07 52 18 93 46 svp", "+33752189346"),
        ("vous pouvez m'appeler sur le 0612457889", "+33612457889"),
    ],
)
def test_a_number_at_the_name_question_leaves_the_name_unknown(words, phone):
    """Round 12, r12a-10: "appelez moi sur le 06 ..." was stored as the name "Sur Le"."""
    produced, said = validated("contact_name", words, filled={"contact_name": words}, slots=before_name())
    assert produced.get("contact_name") in (None, SKIPPED) and produced["phone"] == phone, (produced, said)
    assert produced["requested_slot"] == "contact_name"


@pytest.mark.parametrize(
    "words, name",
    [
        ("c'est pour Sandrine", "Sandrine"),
        ("c pour sandrine", "Sandrine"),
        ("pour Jean-Marc", "Jean-Marc"),
        ("Sandrine sa femme", "Sandrine"),
        ("Nadia, sa soeur", "Nadia"),
        ("marc (mon mari)", "Marc"),
    ],
)
def test_a_name_said_with_who_the_person_is(words, name):
    """Round 12, r12a-02, r12b-04: stored "pour Sandrine", "Sandrine sa femme"."""
    assert person_named(words) == name
    produced, said = validated("contact_name", words, filled={"contact_name": words}, slots=before_name())
    assert produced["contact_name"] == name, (produced, said)


@pytest.mark.parametrize("words", ["c'est pour savoir", "pour info", "c'est pour mon mari", "Sandrine"])
def test_words_after_pour_that_name_nobody(words):
    assert person_named(words) is None


# ------------------------------------------------------------------ A4: a name put right later


@pytest.mark.parametrize(
    "words, name",
    [
        ("pardon c'est Marco pas Marc. 0694 20 30 40", "Marco"),
        ("c'est Marco, pas Marc", "Marco"),
        ("pas marc mais marco", "Marco"),
        ("c'est lea et pas lena", "Lea"),
        ("le matin. au fait c'est Yannick", "Yannick"),
        ("oups en fait c'est Fatou", "Fatou"),
    ],
)
def test_a_name_put_right_is_read(words, name):
    assert name_in_so_many_words(words) == name


@pytest.mark.parametrize(
    "words",
    [
        "c'est mardi pas lundi",
        "Paul pas maintenant",
        "au fait c'est compliqué",
        "au fait c'est Lyon",
        "non pas le matin",
    ],
)
def test_no_name_put_right(words):
    assert name_in_so_many_words(words) is None


@pytest.mark.parametrize(
    "words, phone",
    [
        ("pardon c'est Marco pas Marc. 0694 20 30 40", "+594694203040"),
        ("06 11 22 33 44, et c'est Marco pas Marc", "+33611223344"),
    ],
)
def test_a_name_put_right_with_the_number_replaces_the_name(words, phone):
    """Round 12, r12a-18: the number was kept, the name stayed "Marc"."""
    slots = before_name(contact_name="Marc")
    produced, said = validated("phone", words, filled={"phone": words}, slots=slots)
    assert produced["phone"] == phone and produced["contact_name"] == "Marco", (produced, said)
    assert "C'est corrigé : le conseiller demandera Marco." in said


# ------------------------------------------------------------------ A3: France's overseas numbers


@pytest.mark.parametrize(
    "words, e164",
    [
        ("0639 01 23 45", "+262639012345"),
        ("06 39 40 12 34", "+262639401234"),
        ("+262 639 01 23 45", "+262639012345"),
        ("00262639012345", "+262639012345"),
        ("0269 61 12 34", "+262269611234"),
        ("0692 45 67 89", "+262692456789"),
    ],
)
def test_mayotte_and_reunion_numbers_are_read(words, e164):
    assert normalise_phone(words) == e164


@pytest.mark.parametrize(
    "words, foreign",
    [
        ("+262 639 12 34 56", False),
        ("00262 639 12 34 56", False),
        ("+590 690 12 34 56", False),
        ("+596 696 12 34 56", False),
        ("+594 694 12 34 56", False),
        ("+508 41 23 45", False),
        ("+33 6 12 34 56 78", False),
        ("+44 7700 900123", True),
        ("0032 470 12 34 56", True),
        ("+269 321 23 45", True),  # the Comoros, not Mayotte
    ],
)
def test_france_s_own_country_codes_are_not_foreign(words, foreign):
    assert foreign_attempt(words) is foreign


@pytest.mark.parametrize("words", ["+262 639 12 34 56", "je vous l'ai donné: 0639 12 34 56"])
def test_an_overseas_number_no_range_holds_is_said_unknown_never_foreign(words):
    """Round 12, r12a-15: "Je n'ai pas reconnu ce numéro étranger" for a Mayotte mobile."""
    produced, said = validated("phone", words, filled={"phone": words}, slots=before_name(contact_name="Zaïna"))
    assert produced["phone"] is None, (produced, said)
    assert NUMBER_UNKNOWN in said and FOREIGN_NUMBER_NOT_READ not in said


@pytest.mark.parametrize(
    "first, again",
    [
        ("oui, +262 639 12 34 56", "je vous l'ai donné: 0639 12 34 56"),
        ("0639 12 34 56", "si si c'est bien le 06 39 12 34 56"),
        ("07 11 22 33 44", "07.11.22.33.44 c'est mon numero"),
    ],
)
def test_a_number_given_again_is_kept_as_given(first, again):
    """The metadata lags behind new ranges: a whole French number given twice is the artisan's own, kept."""
    history = [user(first, "inform"), bot(NUMBER_UNKNOWN)]
    produced, said = validated(
        "phone", again, filled={"phone": again}, slots=before_name(contact_name="Zaïna"), history=history
    )
    assert produced["phone"] == insisted_number(again, [first]) and produced["phone"], (produced, said)
    assert f"Merci, je garde le {readable_phone(produced['phone'])} tel que vous me l'avez redonné." in said


def test_a_number_said_once_or_a_different_one_is_not_insisted_on():
    assert insisted_number("0639 12 34 56", ["oui"]) is None
    assert insisted_number("0639 12 34 56", ["0639 12 34 57"]) is None
    assert insisted_number("0320 45 67 8", ["0320 45 67 8"]) is None  # a digit missing stays a digit missing
    assert readable_phone("+262639123456") == "0639 12 34 56"


# ------------------------------------------------------------------ A2: digits of a number are no deadline


@pytest.mark.parametrize(
    "value, words, part",
    [
        ("34 56", "oui, +262 639 12 34 56", True),
        ("12 34", "06 12 34 56 78", True),
        ("lundi 12", "l'huissier vient lundi 12", False),
        ("15 mars", "avant le 15 mars", False),
    ],
)
def test_part_of_a_number(value, words, part):
    assert part_of_a_number(value, words) is part


@pytest.mark.parametrize("words", ["oui, +262 639 12 34 56", "oui 0639 12 34 56"])
def test_digits_of_a_number_at_the_offer_never_replace_the_deadline(words):
    """Round 12, r12a-15: the case stored "Échéance : 34 56"."""
    history = [user("l'urssaf me relance", "describe_situation"), slot("deadline", "fin du mois")]
    produced, said = validated(
        "wants_advisor",
        words,
        intent="affirm",
        filled={"wants_advisor": True, "deadline": "34 56"},
        slots={**SITUATION, "deadline": "34 56"},
        history=history,
    )
    assert produced["wants_advisor"] is True and produced["deadline"] == "fin du mois", (produced, said)
    assert any("ne semble pas exister" in text for text in said), said
    assert not any("incomplet" in text for text in said), said


# ------------------------------------------------------------------ B9: a yes or a no, then more


def at_offer(question, words, intent):
    slots = {
        **SITUATION,
        **({"wants_advisor": True} if question == "consent_given" else {}),
        "requested_slot": question,
    }
    events = [user("la banque m'a coupé le découvert"), bot("?"), user(words, intent)]
    return tracker(events, slots=slots, active_loop="handoff_form", sender_id=SENDER)


@pytest.mark.parametrize(
    "action, intent",
    [
        (ActionAcknowledgeSituation, "describe_situation"),
        (ActionOutOfScope, "out_of_scope"),
        (ActionAnswerFaq, "faq"),  # r12b-08: read as a question about the service
    ],
)
@pytest.mark.parametrize(
    "question, words, answer",
    [
        ("wants_advisor", "non c bon. je voulais juste savoir comment recuperer mon argent des clients", False),
        ("wants_advisor", "non merci. je veux savoir si je peux etre indemnisee pour les travaux", False),
        ("wants_advisor", "oui je veux bien, mais c'est moi qu'il faut appeler pas lui", True),
        ("wants_advisor", "ouais ok mais pas avant lundi, je suis sur un chantier", True),
        ("consent_given", "non, donnez moi plutot un numero que j'appelle direct", False),
        ("consent_given", "oui d'accord. et pour l'urssaf je fais quoi ?", True),
    ],
)
def test_a_yes_or_a_no_opening_more_is_the_answer(action, intent, question, words, answer):
    """Round 12, r12b-03, r12b-04, r12b-08, r12b-15: "D'accord, c'est noté." and the same question again."""
    dispatcher, produced = run(action(), at_offer(question, words, intent), DOMAIN)
    slots = slot_events(produced)
    assert slots[question] is answer, (texts(dispatcher), produced)
    assert {"event": "followup", "name": "handoff_form"} in [
        {"event": e.get("event"), "name": e.get("name")} for e in produced
    ]
    assert "D'accord, c'est noté." not in texts(dispatcher)
    if question == "consent_given" and answer:
        assert slots["consent_at"]


def test_the_question_after_a_no_gets_an_answer():
    dispatcher = _collect(
        "wants_advisor", "non merci. je voulais juste savoir si on peut etaler une dette urssaf ?", "describe_situation"
    )
    assert texts(dispatcher), "the question after the no is answered"


def _collect(question, words, intent):
    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    assert yes_no_said_with_more(dispatcher, at_offer(question, words, intent)) is not None
    return dispatcher


@pytest.mark.parametrize(
    "words",
    [
        "non attendez je reflechis",
        "non. je pense a en finir",
        "la banque m'a encore ecrit ce matin",
        "peut-etre, je sais pas trop",
    ],
)
def test_no_yes_or_no_first_is_left_to_the_action(words):
    from rasa_sdk.executor import CollectingDispatcher

    assert yes_no_said_with_more(CollectingDispatcher(), at_offer("wants_advisor", words, "describe_situation")) is None


def test_outside_the_handoff_form_nothing_is_read():
    from rasa_sdk.executor import CollectingDispatcher

    current = tracker([user("non merci. je veux savoir si je peux etaler", "describe_situation")], slots=SITUATION)
    assert yes_no_said_with_more(CollectingDispatcher(), current) is None


def test_a_misunderstood_no_then_more_is_a_no():
    dispatcher, produced = run(
        ActionHandleMisunderstanding(),
        at_offer("wants_advisor", "nan c bon. merci quand meme, je me debrouille", "nlu_fallback"),
        DOMAIN,
    )
    assert slot_events(produced)["wants_advisor"] is False, (texts(dispatcher), produced)
