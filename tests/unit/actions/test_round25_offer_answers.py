"""Round 25 (talker C): answers at the callback offer, the consent and the deadline question that say more than a yes
or a no, over real trackers and the real form validations. Sentences of our own besides the talker's, in several
voices (SMS, no accents, typos, dictation), and near misses.

- s25c-05, s25c-04: "non je parle de l'huissier, si je suis pas au garage le 15 quand il vient" at the offer was a
  refusal ("C'est entendu. Je ne transmets rien…"): an urgent case dropped.
- s25c-10, s25c-16: "non ça ira merci, je vais regarder sur internet" got the offer again, word for word.
- s25c-02: "ok tant pis pour la météo. vous pouvez m'aider à remplir le formulaire … ?" after a refusal of the consent
  got "Merci, c'est noté : vous êtes d'accord."
- s25c-12, s25c-02, s25c-17: "oui mais il a le droit d'augmenter de 40% ?", "d'accord. sinon vous savez s'il va y avoir
  un cyclone ?", "oui mais j'ai pas de saisie hein, juste la lettre" at the offer got the consent text.
"""

from __future__ import annotations

import pytest

from actions.handoff_actions import ValidateHandoffForm, callback_taken_up_again
from actions.offer_replies import CORRECTION_TAKEN, PRECISION_NOTED
from tests.support.handoff_form import validate
from tests.support.trackers import bot, run_extract, tracker, user

CONSENT = "Merci, c'est noté : vous êtes d'accord."
REFUSED = "C'est entendu. Je ne transmets rien à la chambre sans votre accord."


# ------------------------------------------------------------------ a "non" that puts right what was understood


@pytest.mark.parametrize(
    "words, intent",
    [
        ("non je parle de l'huissier, si je suis pas au garage le 15 quand il vient", "deny"),
        ("non je parle de l'avocat, pas de vous. il faut un avocat pour une injonction de payer ?", "faq"),
        ("nan jparlais du commissaire, il revient le 15", "deny"),
        ("non non je voulais dire le papier de l urssaf", "deny"),
        ("non c'est pour le loyer que je demandais", "deny"),
        ("non vous avez mal compris je parle de mon client point", "deny"),
    ],
)
def test_a_no_that_says_what_was_meant_refuses_nothing(words, intent):
    said, slots = validate("wants_advisor", words, {"wants_advisor": False}, intent)
    assert slots.get("wants_advisor") is None
    assert slots.get("requested_slot") == "wants_advisor"  # the offer asked again
    assert said and said[0].startswith(CORRECTION_TAKEN)


@pytest.mark.parametrize(
    "words",
    [
        "non",
        "non merci",
        "non merci ça ira",
        "non je veux pas qu on m appelle",
        "non pas besoin je voulais juste savoir",
    ],
)
def test_near_miss_a_no_to_the_call_stays_one(words):
    _, slots = validate("wants_advisor", words, {"wants_advisor": False}, "deny")
    assert slots.get("wants_advisor") is False


# ------------------------------------------------------------------ a no with its reason or plan


def offer_tracker(words, intent):
    return tracker(
        [
            user("la banque m'a coupé le découvert"),
            bot("Voulez-vous qu'un conseiller vous rappelle ?"),
            user(words, intent),
        ],
        slots={"difficulty_categories": ["banque"], "urgency": "normale", "requested_slot": "wants_advisor"},
        active_loop="handoff_form",
    )


@pytest.mark.parametrize(
    "words",
    [
        "non ça ira merci, je vais regarder sur internet",
        "nan c bon jvais me debrouiller",
        "non merci je vais voir avec mon comptable",
        "ca ira merci je vais chercher de mon cote",
        "non merci virgule je vais regarder sur internet point",
    ],
)
def test_a_no_with_a_plan_is_a_no(words):
    _, extracted = run_extract(ValidateHandoffForm(), "extract_wants_advisor", offer_tracker(words, "goodbye"))
    assert extracted == {"wants_advisor": False}
    _, slots = validate("wants_advisor", words, extracted, "goodbye")
    assert slots.get("wants_advisor") is False and slots.get("requested_slot") is None


@pytest.mark.parametrize(
    "words",
    ["non mais rappelez moi demain", "non ça ira, c'est quoi la médiation ?", "au revoir", "je vais regarder"],
)
def test_near_miss_no_plan_without_a_no(words):
    _, extracted = run_extract(ValidateHandoffForm(), "extract_wants_advisor", offer_tracker(words, "goodbye"))
    assert extracted != {"wants_advisor": False}


# ------------------------------------------------------------------ a yes that turns to something else


@pytest.mark.parametrize(
    "words, answered",
    [
        ("oui mais il a le droit d'augmenter de 40% d'un coup ou pas ?", True),
        ("d'accord. sinon vous savez s'il va y avoir un cyclone cette semaine ?", True),
        ("dac sinon c koi la mediation du credit", True),
        ("ok tant pis pour la météo. vous pouvez m'aider à remplir le formulaire pour le plan de règlement ?", True),
        ("oui mais j'ai pas de saisie hein, juste la lettre. elle dit de payer sous un mois", False),
        ("ouais mais g pa de saisie hein", False),
        ("oui mais c'est payant ?", True),
    ],
)
def test_a_yes_turning_to_a_question_or_a_correction_is_no_yes(words, answered):
    said, slots = validate("wants_advisor", words, {"wants_advisor": True}, "affirm")
    assert slots.get("wants_advisor") is None
    assert slots.get("requested_slot") == "wants_advisor"  # never the consent text
    assert said
    assert (said[0] != PRECISION_NOTED) is answered


@pytest.mark.parametrize(
    "words",
    [
        "oui",
        "oui mais pas avant 14h",
        "oui rappelez moi. c est gratuit ?",
        "oui mais c mon mari qu il faut appeler",
        "ok bon on fait comme ça",
        "oui je veux bien qu on me rappelle mais c est payant ?",
    ],
)
def test_near_miss_a_yes_stays_a_yes(words):
    _, slots = validate("wants_advisor", words, {"wants_advisor": True}, "affirm")
    assert slots.get("wants_advisor") is True


def after_consent_refused(words, intent="out_of_scope"):
    return tracker(
        [
            user("je dois 4200 de TVA au SIE"),
            bot("Êtes-vous d'accord ?"),
            user("non", "deny"),
            {"event": "slot", "name": "consent_given", "value": False},
            bot(REFUSED),
            user(words, intent),
        ],
        slots={"wants_advisor": True, "consent_given": False, "difficulty_categories": ["impots"]},
    )


@pytest.mark.parametrize(
    "words",
    [
        "ok tant pis pour la météo. vous pouvez m'aider à remplir le formulaire pour le plan de règlement ?",
        "d'accord sinon c'est quoi un plan de reglement",
        "ok tant pis. est ce que le sie peut refuser",
    ],
)
def test_an_ok_about_something_else_after_a_refused_consent_is_no_consent(words):
    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    events = callback_taken_up_again(dispatcher, after_consent_refused(words))
    assert events is None
    assert CONSENT not in [message.get("text") for message in dispatcher.messages]


@pytest.mark.parametrize("words", ["ok d'accord", "enfin si, d'accord", "ah si ok"])
def test_near_miss_a_consent_taken_back_is_one(words):
    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    events = callback_taken_up_again(dispatcher, after_consent_refused(words, "affirm"))
    assert events is not None
    assert CONSENT in [message.get("text") for message in dispatcher.messages]


def test_a_question_about_the_service_beside_a_yes_gets_its_answer():
    said, _ = validate("wants_advisor", "oui mais c'est payant votre truc ?", {"wants_advisor": True}, "affirm")
    assert said == ["C'est entièrement gratuit, ici comme au téléphone avec nos conseillers."]
