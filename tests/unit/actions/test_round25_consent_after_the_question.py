"""Round 25, defect 1 (r24a-09 first): a question asked back at the consent question is answered before any consent.

A son writing for his father answered "Pour qu'un conseiller rappelle votre père, je dois garder son prénom, son numéro
... Êtes-vous d'accord ?" with "il faut que mon père soit d'accord ? il est à côté de moi, il dit oui": read as a yes,
the consent was taken while his question waited. Now the question is answered (yes, the father's agreement counts, and
how to give it) and the consent question asked again; the yes comes from an answer to it. "il dit oui", "il est
d'accord" said then is the father's yes relayed, which the project already takes from someone close: the consent
question asks the writer about the person's details (one_to_call), and writer_notes keeps "il est d'accord" as the
person knowing. The artisan writing about themself is asked for their own agreement.

Real trackers, the real form validation; sentences written for these tests (SMS, no accents, typos, dictation)."""

from __future__ import annotations

import pytest

from actions.handoff_actions import OWN_CONSENT_ASKED, ValidateHandoffForm
from intake.asked_at_consent import opens_with_a_question, relayed_yes
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import asked, bot, run, slot_events, texts, tracker, user

SON = "bonjour j'écris pour mon père, il est boulanger à Arras, l'urssaf lui réclame 8000 euros et il dort plus"
DAUGHTER = "bonsoir c'est pour ma mère, elle est coiffeuse, la banque lui a coupé son découvert"
OWN = "je suis couvreur à côté de Saint-Malo, depuis la tempête j'ai plus de camion et l'urssaf me relance"
CONSENT = "Pour qu'un conseiller rappelle votre père, je dois garder son prénom, son numéro [...] Êtes-vous d'accord ?"


def at_consent(first: str, words: str, intent: str = "affirm"):
    mapped = {"affirm": True, "deny": False}.get(intent, words)
    events = [
        user(first),
        bot("Voulez-vous qu'un conseiller de la chambre vous rappelle ?"),
        user("oui", "affirm"),
        {"event": "slot", "name": "wants_advisor", "value": True},
        bot(CONSENT),
        user(words, intent),
        {"event": "slot", "name": "consent_given", "value": mapped},
    ]
    slots = {
        "difficulty_categories": ["cotisations_sociales"],
        "urgency": "normale",
        "distress": False,
        "wants_advisor": True,
        "requested_slot": "consent_given",
        "consent_given": mapped,
    }
    dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots, "handoff_form"), DOMAIN)
    return dispatcher, slot_events(produced)


QUESTION_THEN_YES = [
    "il faut que mon père soit d'accord aussi ? il est à côté de moi, il dit oui",
    "il faut que mon père soit d'accord ? il dit oui",
    "faut l'accord de mon pere ? il est ok",  # SMS, no accents
    "mon pere doit etre daccord? il di oui",  # a typo
    "est ce que mon père doit être d'accord il est là il dit oui",  # dictated, no question mark
    "il faut son accord à lui ? il est d'accord hein",
    "il faut que mon père soit d'accord ?",
    "faut qu'il soit d'accord ? ok",
]


@pytest.mark.parametrize("words", QUESTION_THEN_YES)
@pytest.mark.parametrize("intent", ["affirm", "inform"])
def test_the_question_is_answered_and_the_consent_asked_again(words, intent):
    dispatcher, changed = at_consent(SON, words, intent)
    said = " ".join(texts(dispatcher))
    assert changed.get("consent_given") is None
    assert not changed.get("consent_at")
    assert "son accord compte" in said and "répondez simplement « oui »" in said
    assert asked(dispatcher) == "consent_given"


def test_a_daughter_is_told_of_her_mother():
    dispatcher, changed = at_consent(DAUGHTER, "il faut que ma mère soit d'accord ? elle dit oui")
    assert changed.get("consent_given") is None
    assert "Si elle est d'accord" in " ".join(texts(dispatcher))


@pytest.mark.parametrize(
    "words",
    [
        "c'est obligatoire ? ok",
        "qui va lire ça ? bon d'accord",
        "vous gardez ça combien de temps ? ok",
    ],
)
def test_any_question_asked_before_the_yes_leaves_the_consent_open(words):
    dispatcher, changed = at_consent(SON, words)
    assert changed.get("consent_given") is None
    assert texts(dispatcher)  # the question answered
    assert asked(dispatcher) == "consent_given"


RELAYED = [
    "il dit oui",
    "il est d'accord",
    "oui il est d'accord",
    "c bon il est dac",  # SMS
    "mon pere est d accord",  # no accents
    "il me dit que c'est bon",
    "papa dit oui",
    "il a dit ok vas y",
]


@pytest.mark.parametrize("words", RELAYED)
@pytest.mark.parametrize("intent", ["affirm", "inform"])
def test_the_fathers_yes_relayed_after_the_answer_is_the_consent(words, intent):
    _, changed = at_consent(SON, words, intent)
    assert changed.get("consent_given") is True
    assert changed.get("consent_at")


@pytest.mark.parametrize("words", ["il dit oui", "il est d'accord", "mon associé est d'accord"])
def test_the_artisan_writing_for_themself_is_asked_their_own_agreement(words):
    dispatcher, changed = at_consent(OWN, words, "affirm")
    assert changed.get("consent_given") is None
    assert OWN_CONSENT_ASKED in texts(dispatcher)


@pytest.mark.parametrize("words", ["oui", "oui d'accord", "ok pour moi", "d'accord allez-y"])
def test_a_plain_yes_is_still_the_consent(words):
    _, changed = at_consent(SON, words)
    assert changed.get("consent_given") is True


@pytest.mark.parametrize("words", ["non", "il dit non", "il est pas d'accord"])
def test_a_no_relayed_or_said_is_no_consent(words):
    _, changed = at_consent(SON, words, "deny")
    assert changed.get("consent_given") is not True


@pytest.mark.parametrize(
    "words",
    [
        "je sais pas s'il est d'accord",
        "s'il est d'accord oui",
        "il est d'accord ?",
        "je pense qu'il est d'accord",
        "il faut que je lui demande",
    ],
)
def test_a_yes_in_doubt_is_not_relayed(words):
    assert relayed_yes(words) is None


@pytest.mark.parametrize(
    "words",
    ["oui mais qui lit ?", "oui", "il dit oui", "non pas elle, mais moi vous pouvez m'appeler ?", "d'accord ?", "Paul"],
)
def test_what_opens_with_an_answer_opens_with_no_question(words):
    assert not opens_with_a_question(words)
