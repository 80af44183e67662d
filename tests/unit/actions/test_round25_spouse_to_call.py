"""Round 25, defect 5: "c'est elle qu'il faudrait appeler non ?", "c'est plutôt ma femme qu'il faut appeler ?", "vous
pouvez appeler mon mari plutôt ?".

The artisan asked whether the advisor should call the spouse or associate who handles the paperwork, and got "C'est
justement le rôle d'un conseiller…". The answer is yes; then the consent, the first name and the number are asked of
that person as they are when the artisan gives someone close's number ("appelez ma femme, Nadia, 06 ..."), and the case
says the number is hers, at the artisan's request (make run 2026-12-06, s24-final).

Real trackers, the real form validation, the case built as the handoff builds it; sentences written for these tests
(SMS, no accents, typos, dictation)."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.asking import ask
from actions.handoff import one_to_call
from actions.handoff_actions import ADVISOR_ROLE
from intake.who_to_call import someone_else_to_call
from tests.support.case_draft import case_draft
from tests.support.handoff_form import answered_at
from tests.support.trackers import asked, bot, texts, tracker, user

OWN = "je suis couvreur a coté de Saint-Malo, depuis la tempête de novembre j'ai plus de camion"
PAPERS = "c'est ma femme qui s'occupe des papiers, moi j'y comprends rien"
OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"

ASKED = [
    ("c'est elle qu'il faudrait appeler non ?", "femme"),
    ("c'est plutôt ma femme qu'il faut appeler ?", "femme"),
    ("vous pouvez appeler mon mari plutôt ?", "mari"),
    ("cest plutot ma femme quil faut apeler?", "femme"),  # SMS, a typo
    ("c est elle qu il faudrait appeler", "femme"),  # dictated
    ("vous pouvez pas appeler plutot mon associé ?", "associe"),
    ("le conseiller peut appeler ma femme ?", "femme"),
    ("appelez plutot ma femme", "femme"),
    ("vaudrait mieux appeler mon associe", "associe"),
]
# At the offer, a yes and whom rather than the writer (make run s25-fin1: the consent asked "votre prénom, votre
# numéro"): the yes takes its own path, the questions after it are asked of that person.
YES_THEN_WHOM = [
    ("oui mais plutot ma femme c'est elle qui fait les papiers", "femme"),
    ("ok mais plutôt mon associé, il gère tout ça", "associe"),
    ("Oui, plutôt ma femme", "femme"),
]


@pytest.mark.parametrize("words, relative", ASKED + YES_THEN_WHOM)
def test_the_person_to_call_instead_is_read(words, relative):
    assert someone_else_to_call(words, [OWN, PAPERS]) == relative


@pytest.mark.parametrize(
    "words",
    [
        "je dois appeler ma femme",
        "c'est ma femme qui fait les papiers",
        "appelez ma femme 06 45 12 78 90",  # a number: the round-24 path reads it
        "j'ai appelé ma femme",
        "ma femme peut vous appeler ?",  # she calls the chamber (defect 2)
        "ne l'appelez pas elle",
        "c'est lui qu'il faudrait appeler",  # nobody of his kind named before
        "je travaille plutot avec ma femme",  # no yes to an offer: whom they work with, not whom to call
        "oui je vis plutot avec ma femme a la campagne",
    ],
)
def test_near_misses_name_no_one_to_call(words):
    assert someone_else_to_call(words, [OWN, PAPERS]) is None


def at_question(requested: str, words: str, intent: str = "affirm"):
    before = [user(OWN), bot("Je vois."), user(PAPERS), bot(OFFER)]
    return answered_at(requested, words, intent, before, ["sinistre"], "Nadia")


@pytest.mark.parametrize("words", [words for words, relative in ASKED if relative == "femme"])
@pytest.mark.parametrize("intent", ["affirm", "inform", "deny"])
def test_at_the_offer_yes_then_the_consent_for_her(words, intent):
    dispatcher, changed = at_question("wants_advisor", words, intent)
    said = texts(dispatcher)
    assert said[0] == "Oui, bien sûr : le conseiller peut appeler votre femme."
    assert ADVISOR_ROLE not in " ".join(said)
    assert changed.get("wants_advisor") is True
    assert asked(dispatcher) == "consent_given"
    question = dispatcher.messages[-1]["text"]
    assert "votre femme" in question and "votre prénom, votre numéro" not in question


@pytest.mark.parametrize(
    "requested, wanted",
    [
        ("consent_given", "votre femme"),
        ("contact_name", "Quel est le prénom de votre femme"),
        ("phone", "joindre votre femme"),
    ],
)
@pytest.mark.parametrize(
    "words", ["c'est elle qu'il faudrait appeler non ?", "c'est plutôt ma femme qu'il faut appeler ?"]
)
def test_at_a_later_question_yes_and_the_question_asked_of_her(requested, wanted, words):
    dispatcher, changed = at_question(requested, words, "inform")
    assert texts(dispatcher)[0] == "Oui, bien sûr : le conseiller peut appeler votre femme."
    assert changed.get(requested) is None
    assert asked(dispatcher) == requested
    assert wanted in dispatcher.messages[-1]["text"]


@pytest.mark.parametrize(
    "requested, words",
    [
        ("contact_name", "rappelez plutôt ma femme, Nadia"),  # the name with it: the name question's own reading
        ("consent_given", "oui, c'est plutôt ma femme qu'il faut appeler"),  # a yes first: the consent's own reading
    ],
)
def test_a_name_or_a_yes_said_with_it_keeps_its_own_reading(requested, words):
    dispatcher, _ = at_question(requested, words, "affirm")
    assert "Oui, bien sûr : le conseiller peut appeler" not in " ".join(texts(dispatcher))


def test_the_artisan_calling_themself_back_again_is_the_one_called():
    messages = [OWN, PAPERS, "c'est elle qu'il faudrait appeler non ?", "non finalement appelez-moi"]
    assert one_to_call({}, messages) is None
    assert one_to_call({}, [*messages[:3], "mon portable c'est le 06 11 22 33 44"]) is None
    assert one_to_call({}, messages[:3]) == "votre femme"


def test_the_case_says_her_number_at_the_artisans_request():
    messages = [OWN, PAPERS, "c'est elle qu'il faudrait appeler non ?", "oui d'accord", "Nadia", "06 45 12 78 90"]
    draft = case_draft(
        messages, "s25-spouse", "RL-TEST25", phone="+33645127890", contact_name="Nadia", trade="couvreur"
    )
    summary = draft.summary
    assert "celui de son épouse (Nadia), à la demande de l'artisan, qui a écrit lui-même" in summary, summary
    assert "la personne concernée" not in summary


@pytest.mark.parametrize("words", [words for words, relative in YES_THEN_WHOM if relative == "femme"])
def test_a_yes_then_whom_at_the_offer_is_a_yes_and_the_consent_is_asked_of_her(words):
    _dispatcher, changed = at_question("wants_advisor", words, "affirm")
    assert changed.get("wants_advisor") is True
    events = [user(OWN), user(PAPERS), bot(OFFER), user(words, "affirm")]
    consent = CollectingDispatcher()
    ask("consent_given", consent, tracker(events, slots={"wants_advisor": True}, active_loop="handoff_form"))
    question = consent.messages[-1]["text"]
    assert "votre femme" in question and "votre prénom, votre numéro" not in question


# Round 31 (make run): her name first, then whom to call, at the question for her name: "Oui, bien sûr" and the question
# again, the name lost.
@pytest.mark.parametrize(
    "words", ["Nathalie, c'est elle qu'il faut appeler", "Nadia, c'est plutôt ma femme qu'il faut appeler"]
)
def test_her_name_then_whom_to_call_at_the_name_question_is_her_name(words):
    dispatcher, changed = at_question("contact_name", words, "inform")
    assert "Oui, bien sûr : le conseiller peut appeler" not in " ".join(texts(dispatcher))
    assert changed.get("contact_name") == words.split(",")[0]
