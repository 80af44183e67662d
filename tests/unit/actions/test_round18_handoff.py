"""Round 18 (helper b), the handoff: a moment said at the name question is the time of the call, never the name
(r18b-14); a surname with its particle or a title, surname and first name given before the consent is a name, never
"je n'ai pas bien compris" (r18b-02, r18b-14). New sentences and near misses."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import first_name_said, moment_at_the_name
from actions.handoff_actions import ValidateHandoffForm
from tests.support.trackers import bot, consented, texts, tracker, user


def name_question(words, intent="inform", **slots):
    events = [bot("Comment le conseiller peut-il vous appeler ? Un prénom suffit."), user(words, intent)]
    current = {**consented(), "contact_name": words, "requested_slot": "contact_name", **slots}
    return tracker(events, slots=current, active_loop="handoff_form")


@pytest.mark.parametrize(
    "words",
    [
        "plutôt en fin d'après-midi, avant 17h je suis sur les chantiers",
        "le mieux c'est le midi, entre 12h et 13h30 il mange à la maison",
        "après 18h de préférence car la journée je suis en tournée",
    ],
)
def test_a_moment_at_the_name_question_is_the_time_and_the_name_is_asked_again(words):
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_contact_name(words, dispatcher, name_question(words), {})
    assert result["contact_name"] is None
    if "18h" in words:
        # No hour the advisors call fits it: the hours said at once, never "noté" (round 23, r23b-05), and the moment
        # not kept, so that "Je vous demanderai ensuite un autre moment" comes true (as at the phone and e-mail
        # questions, moment_noted; round 28).
        assert texts(dispatcher)[0].startswith("Les conseillers ne peuvent pas vous appeler")
        assert result["callback_slot"] is None
    else:
        assert result["callback_slot"] == words
        assert texts(dispatcher) == [f"Merci, j'ai noté le moment de l'appel ({words})."]


def test_a_name_then_a_moment_keeps_both():
    words = "Odile, plutôt en début d'après-midi"
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_contact_name(words, dispatcher, name_question(words), {})
    assert result == {"contact_name": "Odile", "callback_slot": "plutôt en début d'après-midi"}


def test_a_moment_already_kept_is_not_replaced_at_the_name_question():
    words = "plutôt en fin d'après-midi, avant 17h je suis sur les chantiers"
    current = name_question(words, callback_slot="lundi matin")
    result = ValidateHandoffForm().validate_contact_name(words, CollectingDispatcher(), current, {})
    assert "callback_slot" not in result


@pytest.mark.parametrize("words", ["Gaston", "Jean Matin", "Marc-Antoine", "Mme Soulier"])
def test_names_stay_names(words):
    assert moment_at_the_name(words) is None


@pytest.mark.parametrize(
    "words, name",
    [
        ("Erwan Le Bihan", "Erwan Le Bihan"),
        ("Nadia Da Costa", "Nadia Da Costa"),
        ("Mme Fabre, Josette", "Josette Fabre"),
        ("M. Roux, Thierry", "Thierry Roux"),
        ("Gaston", "Gaston"),
    ],
)
def test_a_full_name_is_a_name(words, name):
    assert first_name_said(words) == name


@pytest.mark.parametrize(
    "words", ["Bonjour La Poste", "Paul De Rien", "Mme Fabre, merci", "oui le matin", "ok de rien merci"]
)
def test_near_misses_are_no_names(words):
    assert first_name_said(words) in (None, "Mme Fabre")


def test_a_full_name_at_the_consent_question_is_kept_and_the_consent_asked_again():
    words = "Erwan Le Bihan"
    events = [user("mon banquier a coupé le découvert, je suis boulanger à Quimper"), bot("…"), user(words, "inform")]
    current = tracker(
        events, {"wants_advisor": True, "requested_slot": "consent_given", "consent_given": None}, "handoff_form"
    )
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_consent_given(None, dispatcher, current, {})
    assert result == {"consent_given": None, "contact_name": "Erwan Le Bihan"}
    assert texts(dispatcher)[0].startswith("Merci Erwan Le Bihan.")


STORY = [user("je suis carreleur à Albi, mon fournisseur a bloqué mon compte et l'urssaf me relance"), bot("…")]


def offer(words, intent="deny", **slots):
    events = [*STORY, bot("Voulez-vous qu'un conseiller de la chambre vous rappelle ?"), user(words, intent)]
    return tracker(events, {"requested_slot": "wants_advisor", **slots}, "handoff_form")


@pytest.mark.parametrize(
    "words",
    [
        "non pas de date limite, mais sans mes outils je ne travaille plus",
        "non, aucune dette à part celle-là",
        "non j'ai pas de salariés",
        "il a pas de salarié non",  # round 28 (make run): a wife answering a question not asked, at the offer
        "elle n'a pas d'employés",
        "euh non pas de date je crois",  # round 31 (make run): a filler first, read as refusing the call
        "bah non, y a pas de dettes",
    ],
)
def test_a_no_about_the_situation_is_no_refusal_of_the_call(words):
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_wants_advisor(False, dispatcher, offer(words), {})
    assert result.get("wants_advisor") is None
    assert texts(dispatcher) and "personne ne vous appellera" not in " ".join(texts(dispatcher))


@pytest.mark.parametrize(
    "words", ["non merci", "non pas besoin de rappel", "non, pas de conseiller", "non", "euh non", "bah non merci"]
)
def test_a_refusal_of_the_call_stays_one(words):
    result = ValidateHandoffForm().validate_wants_advisor(False, CollectingDispatcher(), offer(words), {})
    assert result.get("wants_advisor") is False


@pytest.mark.parametrize("words", ["oui oui, à l'abri chez moi", "oui je suis en sécurité"])
def test_safety_said_at_the_offer_is_no_yes_to_the_call(words):
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_wants_advisor(True, dispatcher, offer(words, "affirm", distress=True), {})
    assert result.get("wants_advisor") is None
    assert texts(dispatcher) == ["Merci de me le dire, c'est important."]


@pytest.mark.parametrize("words", ["oui je suis en sécurité, rappelez-moi", "oui", "oui pour la sécurité sociale"])
def test_a_yes_to_the_call_stays_one(words):
    result = ValidateHandoffForm().validate_wants_advisor(True, CollectingDispatcher(), offer(words, "affirm"), {})
    assert result.get("wants_advisor") is True


@pytest.mark.parametrize(
    "words, said",
    [
        ("qui va lire tout ça ?", "Seuls les conseillers"),
        ("Qui m'appellera, une personne de la chambre de Nîmes ?", "Seuls les conseillers"),
        ("vous allez prévenir la gendarmerie ?", "je ne préviens personne"),
    ],
)
def test_who_reads_and_who_is_told_are_answered_at_the_offer(words, said):
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_wants_advisor(None, dispatcher, offer(words, "ask_question"), {})
    assert result.get("wants_advisor") is None
    assert said in " ".join(texts(dispatcher))


@pytest.mark.parametrize(
    "words", ["la banque va prévenir l'huissier ?", "l'urssaf m'a appelé hier", "qui sait ce qui va se passer"]
)
def test_near_misses_are_no_question_about_who_reads(words):
    from actions.erasure_actions import who_reads_text

    assert who_reads_text(words, consented_now=False) is None


def test_who_calls_back_is_no_request_in_the_summary():
    from actions.handoff import asks_said

    said = ["Qui me rappellera, quelqu'un de la chambre de Nîmes ?", "comment je fais pour étaler mes dettes ?"]
    assert asks_said(said, True) == ["« comment je fais pour étaler mes dettes ? »"]


@pytest.mark.parametrize(
    "words, moment",
    [
        ("bon si, mais pas avant mardi après-midi", "pas avant mardi après-midi"),
        ("bon d'accord, plutôt jeudi matin", "plutôt jeudi matin"),
        ("oui finalement", None),
    ],
)
def test_a_moment_said_with_the_change_of_mind_is_kept(words, moment):
    from actions.intake_actions import ActionAnswerOutsideQuestion
    from tests.support.trackers import run, slot_events

    events = [*STORY, bot("C'est entendu, personne ne vous appellera."), user(words, "affirm")]
    _, result = run(ActionAnswerOutsideQuestion(), tracker(events, {"wants_advisor": False}))
    slots = slot_events(result)
    assert slots["wants_advisor"] is True
    assert slots.get("callback_slot") == moment


def test_a_moment_already_kept_stays_after_the_change_of_mind():
    from actions.handoff_actions import moment_with_change_of_mind

    assert moment_with_change_of_mind({"callback_slot": "lundi 10h"}, "bon si, mais pas avant mardi") == {}


def _safety_question(words):
    said = user(words, "faq")
    said["parse_data"]["response_selector"] = {"default": {"response": {"intent_response_key": "faq/delete_data"}}}
    events = [*STORY, bot("Êtes-vous en sécurité en ce moment ?"), said]
    return tracker(events, {"requested_slot": "safe_now", "distress": True}, "safety_form")


@pytest.mark.parametrize(
    "words",
    [
        "je suis venu pour ma boîte, pas pour parler de moi. Comment je relance mes ventes ?",
        "laissez ma vie tranquille, c'est mon chiffre d'affaires le problème",
    ],
)
def test_a_business_question_read_as_erasure_gets_no_offer_to_erase(words):
    from actions.crisis_actions import erasure_at_the_safety_question

    assert erasure_at_the_safety_question(CollectingDispatcher(), _safety_question(words)) is None


@pytest.mark.parametrize("words", ["oubliez ce que je vous ai dit", "effacez tout ça s'il vous plaît"])
def test_erasing_asked_in_words_at_the_safety_question_still_gets_the_offer(words):
    from actions.crisis_actions import erasure_at_the_safety_question

    dispatcher = CollectingDispatcher()
    assert erasure_at_the_safety_question(dispatcher, _safety_question(words)) is not None
    assert "efface" in texts(dispatcher)[0]
