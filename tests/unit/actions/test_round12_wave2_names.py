"""Round 12, wave 2 (r12c C3, C4, C5, C7, C11), over real trackers and the real form validation: a name said with a
title, a comment, a correction or a repetition is the name, not the sentence; a "non" taken back in the same breath,
or said of another person than the writer who asks for the call, is a yes; a question said with a yes to the offer is
answered; a constraint on the moment said with the yes is kept for the time question, a date of the difficulty is not."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import first_name_said, name_put_right, name_then_more, person_named, person_to_call
from actions.handoff_actions import (
    ValidateHandoffForm,
    moment_with_the_yes,
    no_then_yes,
    question_after_yes,
    yes_no_said_with_more,
)
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "round12-wave2-names"
OFFER = {"difficulty_categories": ["impayes"], "urgency": "normale", "distress": False}


def at_question(requested, words, intent="inform", filled=None, slots=None, entities=None):
    events = [user("un client me doit 8000 euros depuis trois mois"), bot("?"), user(words, intent, entities)]
    events += [{"event": "slot", "name": name, "value": value} for name, value in (filled or {}).items()]
    return tracker(
        events,
        slots={**(slots if slots is not None else {}), **(filled or {}), "requested_slot": requested},
        active_loop="handoff_form",
        sender_id=SENDER,
    )


def before_name():
    slots = consented()
    slots.pop("contact_name")
    return slots


def validated(requested, words, intent="inform", filled=None, slots=None):
    dispatcher, events = run(ValidateHandoffForm(), at_question(requested, words, intent, filled, slots), DOMAIN)
    return slot_events(events), texts(dispatcher)


# ------------------------------------------------------------------ C4: the name, not the sentence around it


@pytest.mark.parametrize(
    "words, name",
    [
        ("appelez moi monsieur Da Silva, c'est plus simple", "M. Da Silva"),
        ("appelez-moi madame Nguyen svp", "Mme Nguyen"),
        ("vous pouvez m'appeler Mr Bertin, merci", "M. Bertin"),
        ("je m'appelle Paul, c'est plus simple comme ça", "Paul"),
        ("Ousseni c'est mon prénom", "Ousseni"),
        ("Da Silva c'est mon nom", "Da Silva"),
        ("Ousseni", "Ousseni"),
        ("Lefebvre. Bruno Lefebvre", "Bruno Lefebvre"),
        ("martin, jacques martin", "Jacques Martin"),
        ("Kevin. enfin non mettez Kévin avec l'accent c'est mon vrai prénom", "Kévin"),
        ("Helene, non pardon, ecrivez Hélène avec les accents", "Hélène"),
    ],
)
def test_the_name_is_kept_without_the_words_around_it(words, name):
    slots, _ = validated("contact_name", words, filled={"contact_name": words}, slots=before_name())
    assert slots["contact_name"] == name


@pytest.mark.parametrize("intent", ["out_of_scope", "nlu_fallback", "greet"])
def test_a_name_alone_no_mapping_takes_is_read_by_the_form(intent):
    slots, _ = validated("contact_name", "Ousseni", intent=intent, slots=before_name())
    assert slots["contact_name"] == "Ousseni"


@pytest.mark.parametrize("words", ["Pourquoi ?", "appelez moi demain, merci", "appelez moi maintenant svp"])
def test_words_that_name_nobody_stay_no_name(words):
    assert first_name_said(words) is None


@pytest.mark.parametrize(
    "words, name",
    [
        ("moi c'est Leïla mais c'est mon pere qu'il faut demander, Jean-Paul", "Jean-Paul"),
        ("c'est ma mere qu'il faut appeler : Josiane", "Josiane"),
        ("il faut demander mon pere, il s'appelle Gérard", "Gérard"),
        ("demandez mon mari, Karim", "Karim"),
    ],
)
def test_the_relative_to_ask_for_is_the_name_kept(words, name):
    assert person_named(words) == name
    assert person_to_call(words) == name
    slots, said = validated("contact_name", words, filled={"contact_name": words}, slots=before_name())
    assert slots["contact_name"] == name
    assert any(name in text for text in said)


def test_name_helpers_keep_what_worked():
    assert name_put_right("Sandrine euh non Sandra pardon") == "Sandra"
    assert name_put_right("Paul non merci") is None
    assert name_then_more("sandrine, c'est moi qu'il faut appeler pas lui") == "Sandrine"
    assert first_name_said("appelez moi Marc") == "Marc"


# ------------------------------------------------------------------ C5, C7: a "non" that is no refusal


@pytest.mark.parametrize(
    "words",
    [
        "non... enfin si, autant en parler a quelqu'un",
        "non euh si je veux bien",
        "nan attendez, oui allez-y",
        "non enfin ok d'accord",
        "non pas elle, elle saurait que j'ai ecrit. mais moi vous pouvez m'appeler ?",
        "non surtout pas mon mari, mais moi vous pouvez me rappeler",
        "non pas lui il est pas au courant, appelez-moi",
    ],
)
@pytest.mark.parametrize("intent", ["deny", "affirm", "inform"])
def test_a_no_taken_back_or_said_of_another_is_a_yes_to_the_offer(words, intent):
    slots, said = validated("wants_advisor", words, intent, {"wants_advisor": intent == "affirm"}, OFFER)
    assert slots["wants_advisor"] is True
    assert not any("personne ne vous appellera" in text for text in said)


@pytest.mark.parametrize("words", ["non merci", "non pas besoin", "non, enfin pas maintenant", "non pas elle ni moi"])
def test_a_plain_no_stays_a_no(words):
    assert not no_then_yes(words)


@pytest.mark.parametrize(
    "words",
    ["non... enfin si, autant en parler a quelqu'un", "non pas elle. mais moi vous pouvez m'appeler ?"],
)
def test_the_no_taken_back_read_outside_the_form_validation_is_a_yes(words):
    dispatcher = CollectingDispatcher()
    events = yes_no_said_with_more(dispatcher, at_question("wants_advisor", words, "out_of_scope", slots=OFFER))
    assert {"event": "slot", "timestamp": None, "name": "wants_advisor", "value": True} in events


@pytest.mark.parametrize("intent", ["deny", "inform"])
def test_a_name_put_right_at_the_consent_question_refuses_nothing(intent):
    words = "Kevin. enfin non mettez Kévin avec l'accent c'est mon vrai prénom"
    slots = {**OFFER, "wants_advisor": True, "contact_name": "Kevin"}
    result, said = validated(
        "consent_given", words, intent, {"consent_given": False if intent == "deny" else None}, slots
    )
    assert result.get("consent_given") is None
    assert result["contact_name"] == "Kévin"
    assert any("Kévin" in text for text in said)


def test_the_writer_who_asks_for_himself_is_the_one_asked_for():
    words = "non pas elle, elle saurait que j'ai ecrit. mais moi vous pouvez m'appeler ?"
    later = "je suis Franck, son mari, elle s'appelle Sophie"
    assert person_to_call(later, [words]) == "Franck"


# ------------------------------------------------------------------ C11: a question said with the yes


@pytest.mark.parametrize(
    "words",
    [
        "oui. et il existe pas un pret ou une aide pour racheter un four ?",
        "ok, et je peux envoyer une mise en demeure moi-meme ?",
    ],
)
@pytest.mark.parametrize("intent", ["affirm", "inform"])
def test_a_question_said_with_the_yes_is_answered_and_the_yes_kept(words, intent):
    slots, said = validated("wants_advisor", words, intent, {"wants_advisor": True}, OFFER)
    assert slots["wants_advisor"] is True
    assert said and ("Pour votre question" in said[0] or "conseiller" in said[0])
    assert not any("pas bien compris" in text for text in said)


@pytest.mark.parametrize(
    "words",
    [
        "oui mais d'abord dites moi comment je recupere l'argent de mes clients",
        "d'accord mais comment on fait pour relancer un client qui paie pas",
    ],
)
@pytest.mark.parametrize("intent", ["affirm", "inform"])
def test_a_yes_turning_to_a_question_is_answered_and_the_offer_asked_again(words, intent):
    # Round 25 (talker C, s25c-12, s25c-02): a yes that turns with "mais" to a question has not agreed yet ("oui mais il a
    # le droit d'augmenter de 40 % ?" got the consent text): the question answered first, then the offer again.
    slots, said = validated("wants_advisor", words, intent, {"wants_advisor": True}, OFFER)
    assert slots["wants_advisor"] is None
    assert said and ("Pour votre question" in said[0] or "conseiller" in said[0])
    assert not any("pas bien compris" in text for text in said)


def test_a_question_said_with_the_yes_outside_the_validation_is_answered():
    words = "oui mais d'abord dites moi comment je recupere l'argent de mes clients"
    dispatcher = CollectingDispatcher()
    events = yes_no_said_with_more(dispatcher, at_question("wants_advisor", words, "describe_situation", slots=OFFER))
    assert {"event": "slot", "timestamp": None, "name": "wants_advisor", "value": True} in events
    assert len(dispatcher.messages) == 1


@pytest.mark.parametrize(
    "words",
    [
        "oui",
        "oui merci",
        "oui, ce soir vers 19h c'est possible ?",
        "oui vous pouvez m'appeler quand ?",
        "oui c'est a quel numero que vous appelez ?",
        "oui mais pas avant mardi",
    ],
)
def test_no_question_to_answer_when_the_yes_comes_alone_or_asks_about_the_call(words):
    assert question_after_yes(words) is None


# ------------------------------------------------------------------ C3: a constraint on the moment said with the yes


@pytest.mark.parametrize(
    "words, kept",
    [
        ("oui mais pas avant mardi, lundi je suis a rungis", "pas avant mardi, lundi je suis a rungis"),
        ("oui mais pas avant 10h, je suis sur les toits le matin tôt", "pas avant 10h"),
        ("ok plutôt le soir", "plutôt le soir"),
        ("oui, ce soir vers 19h c'est possible ?", "ce soir vers 19h"),
        ("d'accord mais pas le mercredi", "pas le mercredi"),
    ],
)
@pytest.mark.parametrize("intent", ["affirm", "inform"])
def test_a_constraint_on_the_moment_said_with_the_yes_is_kept(words, kept, intent):
    slots, _ = validated("wants_advisor", words, intent, {"wants_advisor": True}, OFFER)
    assert slots["wants_advisor"] is True
    assert slots["callback_slot"].startswith(kept)


@pytest.mark.parametrize(
    "words", ["oui, l'audience est lundi", "oui l'huissier passe mardi", "oui je dois payer avant vendredi"]
)
def test_a_date_of_the_difficulty_said_with_the_yes_is_no_time_for_the_call(words):
    slots, _ = validated("wants_advisor", words, "affirm", {"wants_advisor": True}, OFFER)
    assert slots["wants_advisor"] is True
    assert "callback_slot" not in slots
    assert moment_with_the_yes(words) is None


def test_a_constraint_said_with_the_yes_outside_the_validation_is_kept():
    words = "ouais ok mais pas avant lundi, je suis sur un chantier"
    dispatcher = CollectingDispatcher()
    events = yes_no_said_with_more(dispatcher, at_question("wants_advisor", words, "describe_situation", slots=OFFER))
    kept = [e["value"] for e in events if e.get("name") == "callback_slot"]
    assert kept and kept[0].startswith("pas avant lundi")
