"""Round 25, defect 2: "il peut vous appeler lui ?", "est-ce qu'il peut appeler lui-même ?", "je peux vous appeler moi ?".

The artisan, or someone close for them, asked whether they could call the chamber themselves; at a handoff question it
was read as a yes (the consent taken on "il peut vous appeler lui ?") or got "je n'ai pas bien compris". The answer is
yes, with the chamber's own number and hours from its configuration, and the pending question stays answerable (asked
again, its slot left as it was).

Real trackers, the real form validation and FAQ action; sentences written for these tests (SMS, no accents, typos,
dictation)."""

from __future__ import annotations

import pytest

from actions import services
from actions.faq_actions import ActionAnswerFaq
from intake.service_questions import who_calls_us
from tests.support.handoff_form import answered_at
from tests.support.trackers import asked, bot, consented, run, texts, tracker, user

ASKED = [
    ("il peut vous appeler lui ?", "il"),
    ("est-ce qu'il peut appeler lui-même ?", "il"),
    ("je peux vous appeler moi ?", "writer"),
    ("jpeux vous apeler moi?", "writer"),  # SMS, a typo
    ("je peu vs appeler moi meme ?", "writer"),
    ("est ce que je peux vous telephoner directement", "writer"),  # dictated, no "?"
    ("puis-je vous appeler ?", "writer"),
    ("je préfère vous appeler moi-même", "writer"),
    ("c'est possible que je vous appelle ?", "writer"),
    ("elle peut vous appeler elle-même ?", "elle"),
    ("mon père peut vous appeler directement ?", "pere"),
    ("ma femme peut vs joindre ?", "femme"),
    ("peut il vous appeler lui meme", "il"),
    ("ok mais il peut vous appeler lui ? il est au garage", "il"),
    ("c'est mieux qu'il vous appelle lui ?", "il"),
]


@pytest.mark.parametrize("words, caller", ASKED)
def test_asking_to_call_the_chamber_oneself_is_read(words, caller):
    assert who_calls_us(words) == caller


@pytest.mark.parametrize(
    "words",
    [
        "il peut m'appeler ?",  # the advisor calling the writer
        "le conseiller peut me rappeler ?",
        "vous pouvez l'appeler lui ?",  # the advisor calling the person
        "vous pouvez m appeler ?",
        "je peux appeler le 3114 ?",  # another line
        "je peux appeler l'urssaf ?",
        "je peux appeler ma banque ?",
        "il peut vous appeler demain ?",
        "je peux vous appeler quand ?",
        "je vais vous appeler",
        "je voudrais être rappelé",
        "il veut qu'on l'appelle",
    ],
)
def test_near_misses_are_not_read_as_calling_the_chamber(words):
    assert who_calls_us(words) is None


CONSENT = "Pour qu'un conseiller rappelle votre père, je dois garder son prénom, son numéro [...] Êtes-vous d'accord ?"
QUESTION_OF = {
    "wants_advisor": "Voulez-vous qu'un conseiller de la chambre rappelle votre père ?",
    "consent_given": CONSENT,
    "contact_name": "Quel est le prénom de votre père, pour le conseiller ?",
    "phone": "À quel numéro le conseiller peut-il joindre votre père ?",
}
FIRST = "bonjour j'écris pour mon père, il est boulanger, l'urssaf lui réclame 8000 euros et il dort plus"


def at_question(requested: str, words: str, intent: str):
    before = [user(FIRST), bot(QUESTION_OF[requested])]
    return answered_at(requested, words, intent, before, ["cotisations_sociales"], "Gérard")


@pytest.mark.parametrize("words", [words for words, _ in ASKED[:6]])
@pytest.mark.parametrize("requested", ["wants_advisor", "consent_given", "contact_name", "phone"])
@pytest.mark.parametrize("intent", ["affirm", "inform"])
def test_at_a_handoff_question_the_number_and_hours_then_the_question_again(words, requested, intent):
    dispatcher, changed = at_question(requested, words, intent)
    chamber = services.chamber()
    said = " ".join(texts(dispatcher))
    assert said.startswith("Oui, bien sûr")
    assert chamber.phone in said and chamber.hours_text in said
    assert changed.get(requested) is None  # never taken for the answer
    assert "consent_at" not in changed or changed["consent_at"] is None
    assert asked(dispatcher) == requested  # the question stays, asked again


def test_the_answer_names_whom_the_writer_named():
    dispatcher, _ = at_question("consent_given", "mon père peut vous appeler directement ?", "affirm")
    assert "votre père peut appeler" in " ".join(texts(dispatcher))
    dispatcher, _ = at_question("consent_given", "elle peut vous appeler elle-même ?", "inform")
    assert "elle peut appeler elle-même" in " ".join(texts(dispatcher))


def faq(words: str) -> dict:
    message = user(words, "faq")
    message["parse_data"]["response_selector"] = {"default": {"response": {"intent_response_key": "faq/contact"}}}
    return message


@pytest.mark.parametrize(
    "words", ["il peut vous appeler lui ?", "je peux vous appeler moi ?", "jpeux vs apeler moi meme?"]
)
def test_after_the_case_the_faq_answer_says_yes_with_the_number(words):
    events = [user(FIRST), bot("C'est noté, votre référence est RL-R25CAA."), faq(words)]
    slots = consented(phone="+33612345678", case_reference="RL-R25CAA")
    current = tracker(events, slots=slots)
    current.latest_message["response_selector"] = events[-1]["parse_data"]["response_selector"]
    dispatcher, _ = run(ActionAnswerFaq(), current)
    said = " ".join(texts(dispatcher))
    assert said.startswith("Oui, bien sûr") and services.chamber().phone in said
