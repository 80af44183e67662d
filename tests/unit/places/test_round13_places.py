"""Round 13 (talker b): an ordinary word that is also a département is no place outside a place phrase, and a place
known is never replaced by one merely mentioned (B1: "régler cette somme" replaced the Jura by the Somme); a place
said "sur tout Villeurbanne et Lyon 3e" is read at the place question (B8); the business's place said with the time
of the call is kept, never asked again (B9: "après 18h, on est dans le Tarn")."""

from __future__ import annotations

import asyncio

import pytest
import yaml
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff_actions import ValidateHandoffForm
from actions.place_validation import QUESTION, merely_mentioned
from actions.triage_actions import ValidateTriageSlots
from intake.facts import is_place_mention
from ops.settings import REPO_ROOT
from places import find_in_text
from places.resolve import said_as_a_place
from tests.support.trackers import bot, run, slot_events, texts, tracker, user


def _slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def _domain():
    return {"forms": yaml.safe_load((REPO_ROOT / "bot/domain/intake.yml").read_text(encoding="utf-8"))["forms"]}


# ------------------------------------------------------------------ B1: a word that is also a département


@pytest.mark.parametrize(
    "name, words",
    [
        ("Somme", "mon banquier refuse de m'accorder un prêt pour régler cette somme."),
        ("Somme", "je dois la somme de 4 500 euros au fournisseur"),
        ("Somme", "dans la somme réclamée il y a des pénalités"),
        ("Somme", "Somme toute, ça va mieux qu'en mars"),
        ("Cher", "les matériaux coûtent de plus en plus cher"),
        ("Cher", "c'est trop cher pour moi, je ne peux pas payer"),
        ("Vienne", "il faut que le comptable vienne vérifier les comptes"),
        ("Orne", "la vitrine que j'orne chaque Noël"),
        ("Lot", "j'ai reçu un lot de factures impayées"),
        ("Manche", "j'ai plus rien dans la manche"),
        ("Allier", "difficile d'allier le travail et la famille"),
        ("Creuse", "le trou se creuse chaque mois"),
        ("Nord", "le chantier au nord de la ville est arrêté"),
        ("Aube", "je me lève à l'aube tous les jours"),
    ],
)
def test_an_ordinary_word_is_no_place(name, words):
    assert not said_as_a_place(name, words)
    assert not is_place_mention(name, words)


@pytest.mark.parametrize(
    "name, words",
    [
        ("Somme", "on est dans la Somme depuis 20 ans"),
        ("Somme", "on est dans la somme"),
        ("Somme", "l'atelier est à Abbeville, Somme (80)"),
        ("Somme", "la Somme"),
        ("Somme", "non c'est la somme pas le Nord"),
        ("Cher", "j'habite dans le cher"),
        ("Cher", "département du Cher"),
        ("Vienne", "on est en Vienne"),
        ("Var", "je suis plombier dans le var"),
        ("Gard", "garage dans le Gard"),
        ("Tarn", "on est dans le tarn"),
        ("Lens", "je suis à lens"),
    ],
)
def test_a_departement_said_as_a_place_is_still_one(name, words):
    assert said_as_a_place(name, words)
    assert is_place_mention(name, words)


def test_an_ordinary_word_alone_at_the_place_question_is_the_place():
    assert is_place_mention("Somme", "somme", place_asked=True)
    assert is_place_mention("Cher", "le cher", place_asked=True)


@pytest.mark.parametrize(
    "words, code",
    [
        ("Cependant mon banquier refuse de m'accorder un prêt pour régler cette somme.", "80"),
        ("mon fournisseur à Lyon ne veut plus me livrer", "69"),
        ("le tribunal de commerce de Lyon m'a convoqué", "69"),
        ("ma fille habite à Lille, elle m'aide pour les papiers", "59"),
        ("ça coûte cher", "18"),
    ],
)
def test_a_place_merely_mentioned(words, code):
    assert merely_mentioned(words, code)


@pytest.mark.parametrize(
    "words, code",
    [
        ("on est à Lyon maintenant", "69"),
        ("l'atelier est à Lyon depuis mars", "69"),
        ("Lyon", "69"),
        ("dans le 69", "69"),
        ("je suis boulanger à Arras", "62"),
        ("on a déménagé à Lille, mon fournisseur aussi", "59"),
    ],
)
def test_a_place_said_as_ones_own_is_no_mere_mention(words, code):
    assert not merely_mentioned(words, code)


def _turn(known: dict, asked: str, words: str, extracted: dict, entities: list | None = None, intent="inform"):
    events = [
        user("je suis ébéniste à Dole dans le Jura, les impôts me réclament 12 300 euros"),
        *(_slot(k, v) for k, v in known.items()),
        _slot("requested_slot", asked),
        bot("…"),
        user(words, intent, entities),
        *(_slot(k, v) for k, v in extracted.items()),
    ]
    return events, {**known, "requested_slot": asked, **extracted}


_JURA = {"difficulty_categories": ["impots"], "departement": "39", "commune": "Dole"}


@pytest.mark.parametrize(
    "words, read",
    [
        (
            "Monsieur, je n'ai pas d'échéance précise à ce jour. Cependant mon banquier, au Crédit Agricole, refuse de "
            "m'accorder un prêt pour régler cette somme.",
            "Somme",
        ),
        ("pas de date, mais je ne sais pas comment payer la somme", "Somme"),
        ("non, mais tout coûte trop cher en ce moment", "Cher"),
        ("non, j'attends que l'expert vienne", "Vienne"),
    ],
)
def test_a_word_read_as_a_departement_never_replaces_the_place_confirmed(words, read):
    events, slots = _turn(_JURA, "deadline", words, {"departement": read}, [{"entity": "departement", "value": read}])
    _dispatcher, produced = run(ValidateTriageSlots(), tracker(events, slots, active_loop="situation_form"))
    assert slot_events(produced).get("departement", "39") == "39"


@pytest.mark.parametrize(
    "words, code",
    [
        ("non en fait l'atelier est à Besançon, dans le Doubs", "25"),
        ("pardon je me suis trompé, c'est la Somme", "80"),
    ],
)
def test_a_place_corrected_still_replaces_the_place_known(words, code):
    events, slots = _turn(_JURA, "deadline", words, {})
    _dispatcher, produced = run(ValidateTriageSlots(), tracker(events, slots, active_loop="situation_form"))
    assert slot_events(produced)["departement"] == code


# ------------------------------------------------------------------ B8: several places of one département


@pytest.mark.parametrize(
    "words, code",
    [
        ("je bouge sur tout Villeurbanne et Lyon 3e", "69"),
        ("j'interviens dans toute la ville de Grenoble", "38"),
        ("partout sur Lille et Roubaix", "59"),
        ("je me déplace dans tout le Tarn", "81"),
        ("sur tout le 69", "69"),
    ],
)
def test_a_place_said_with_the_whole_of_it_is_read(words, code):
    assert find_in_text(words).departement == code


@pytest.mark.parametrize(
    "words", ["il a tout dit", "sur tout le reste", "je fais tout à la main", "c'est tout à fait ça"]
)
def test_all_without_a_place_is_no_place(words):
    assert not find_in_text(words).found


_CALLBACK_ARRANGED = {
    "wants_advisor": True,
    "consent_given": True,
    "consent_at": "2026-12-01T10:00:00+00:00",
    "contact_name": "Samia",
    "phone": "+33781224596",
    "email": "non précisé",
    "callback_slot": "dès que possible",
    "difficulty_categories": ["banque"],
}


@pytest.mark.parametrize(
    "words, code",
    [
        ("je bouge sur tout Villeurbanne et Lyon 3e", "69"),
        ("je travaille sur tout Villeurbanne et Vaulx-en-Velin", "69"),
        ("partout sur Lille et Roubaix", "59"),
    ],
)
def test_two_places_of_one_departement_at_the_place_question_give_it(words, code):
    events = [
        *(_slot(k, v) for k, v in _CALLBACK_ARRANGED.items()),
        _slot("requested_slot", "departement"),
        bot(QUESTION),
        user(words, "describe_situation"),
    ]
    slots = {**_CALLBACK_ARRANGED, "requested_slot": "departement"}
    dispatcher = CollectingDispatcher()
    extracted = asyncio.run(ValidateHandoffForm().extract_departement(dispatcher, tracker(events, slots), {}))
    assert extracted == {"departement": words}
    result = ValidateHandoffForm().validate_departement(words, dispatcher, tracker(events, {**slots, **extracted}), {})
    assert result["departement"] == code


# ------------------------------------------------------------------ B9: the place said with the time of the call


def _at_the_time_question(words: str, known: dict | None = None):
    arranged = {k: v for k, v in _CALLBACK_ARRANGED.items() if k != "callback_slot"}
    arranged.update(known or {})
    events = [
        *(_slot(k, v) for k, v in arranged.items()),
        _slot("requested_slot", "callback_slot"),
        bot("À quel moment préférez-vous qu'un conseiller vous appelle ?"),
        user(words, "inform"),
        _slot("callback_slot", words),
    ]
    slots = {**arranged, "requested_slot": "callback_slot", "callback_slot": words}
    dispatcher = CollectingDispatcher()
    extracted = asyncio.run(ValidateHandoffForm().extract_departement(dispatcher, tracker(events, slots), {}))
    return extracted, texts(dispatcher)


@pytest.mark.parametrize(
    "words, code",
    [
        ("il vaut mieux le rappeler le soir après 18h, on est dans le Tarn", "81"),
        ("le matin plutôt, nous sommes à Albi", "81"),
        ("après 14h, l'atelier est à Rodez", "12"),
        ("en fin de journée, on est installés dans le Var", "83"),
    ],
)
def test_the_business_place_said_with_the_time_of_the_call_is_kept(words, code):
    extracted, said = _at_the_time_question(words)
    assert extracted["departement"] == code
    assert said and said[0].startswith("Merci, j'ai noté le lieu")


@pytest.mark.parametrize(
    "words",
    [
        "après 18h, je serai sur un chantier à Brive toute la journée",
        "le matin, ma fille habite à Lyon et elle peut répondre",
        "le soir après 18h",
        "plutôt le matin, c'est moins cher pour moi",
    ],
)
def test_no_place_of_the_business_with_the_time_of_the_call(words):
    extracted, said = _at_the_time_question(words)
    assert extracted == {} and said == []


def test_a_place_known_is_not_read_again_with_the_time_of_the_call():
    extracted, said = _at_the_time_question("le matin, on est dans le Tarn", {"departement": "12"})
    assert extracted == {} and said == []
