"""Round 21 (z.md H2, H3, M6, M8, LOW; r21z-13, -21, -02, -23, -10, -04, -19): an answer is read for what it is. A sum
put right at the callback offer is no refusal: said corrected, the offer again; a callback asked at a business question
starts the handoff, the writer offered as the one to call; "bon je vais réfléchir" at the offer is respected, no question
in the same breath; "attendez" in a correction is no pause; a receipt date after a contrainte gives its 15 days; at the
place question, "c quoi la suite" and a correction are no unknown place. Real trackers."""

from __future__ import annotations

import asyncio

import pytest
import yaml
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import writer_notes
from actions.handoff_actions import ValidateHandoffForm
from actions.intake_actions import THINK_IT_OVER, ActionStopConversation, ValidateSituationForm
from actions.place_validation import AGAIN, WHAT_COMES_NEXT
from intake.answers import TAKE_YOUR_TIME, asks_for_callback, is_waiting, thinks_it_over
from ops.settings import REPO_ROOT
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"
DOMAIN = {"forms": yaml.safe_load((REPO_ROOT / "bot/domain/intake.yml").read_text(encoding="utf-8"))["forms"]}


def _at_offer(words, first, intent="deny", **slots):
    events = [
        user(first),
        bot("Voici quelques premières démarches qui peuvent vous aider :"),
        {"event": "slot", "name": "requested_slot", "value": "wants_advisor"},
        bot(OFFER),
        user(words, intent),
    ]
    return tracker(events, slots={"requested_slot": "wants_advisor", **slots}, active_loop="handoff_form")


def _offer_answer(words, first, value, intent="deny", **slots):
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_wants_advisor(
        value, dispatcher, _at_offer(words, first, intent, **slots), {}
    )
    return result, texts(dispatcher)


# ------------------------------------------------------------------ H2: a sum put right at the offer


THREE = "j'ai trois trucs: la banque me refuse un prêt, un client me doit 8000, et j'ai une échéance urssaf le 20"


@pytest.mark.parametrize(
    "words, said",
    [
        ("non c'est pas 8000 c'est 18000 le client", "C'est corrigé : le client vous doit 18 000 €."),
        ("non pardon, le client me doit 18000 pas 8000", "C'est corrigé : le client vous doit 18 000 €."),
    ],
)
def test_a_sum_put_right_at_the_offer_is_no_refusal(words, said):
    result, texts_said = _offer_answer(words, THREE, False, urgency="haute", creditors="banque, URSSAF")
    assert result.get("wants_advisor") is None
    assert texts_said == [said]


@pytest.mark.parametrize("words", ["non merci", "non je veux pas être rappelé", "non pas besoin"])
def test_a_plain_no_at_the_offer_stays_a_no(words):
    result, _ = _offer_answer(words, THREE, False, urgency="haute")
    assert result.get("wants_advisor") is False


# ------------------------------------------------------------------ H3: a callback asked at a business question

MOTHER = "je suis la fille de Mme Leroy, ma mère est coiffeuse à domicile à Cayenne, elle a fait un AVC en septembre"


@pytest.mark.parametrize(
    "words", ["oui qu'on la rappelle, ou moi plutôt", "oui qu'on me rappelle", "ok que vous la rappeliez"]
)
def test_a_callback_asked_at_a_business_question_starts_the_handoff(words):
    events = [
        user(MOTHER),
        {"event": "slot", "name": "requested_slot", "value": "legal_form"},
        bot("Sous quelle forme l'entreprise de votre mère est-elle enregistrée ?"),
        user(words, "affirm"),
    ]
    current = tracker(
        events, slots={"difficulty_categories": ["sante"], "requested_slot": "legal_form"}, active_loop="situation_form"
    )
    produced = asyncio.run(ValidateSituationForm().run(CollectingDispatcher(), current, DOMAIN))
    assert slot_events(produced)["wants_advisor"] is True
    assert any(event.get("name") == "handoff_form" for event in produced)


@pytest.mark.parametrize("words", ["oui qu'on me rappelle pas", "non je veux pas qu'on la rappelle", "oui qu'on verra"])
def test_no_callback_asked(words):
    assert not asks_for_callback(words)


def test_the_writer_offered_as_the_one_to_call_is_noted():
    assert writer_notes([MOTHER, "oui qu'on la rappelle, ou moi plutôt"]) == ["call_writer"]
    assert writer_notes([MOTHER, "appelez ma mère ou moi"]) == []


# ------------------------------------------------------------------ M6: a wish to think, a correction with "attendez"


@pytest.mark.parametrize("words", ["bon je vais réfléchir", "je dois réfléchir", "il faut que je réfléchisse"])
def test_a_wish_to_think_at_the_offer_is_respected_without_the_question(words):
    current = _at_offer(words, THREE, intent="goodbye", urgency="haute")
    dispatcher, events = run(ActionStopConversation(), current)
    said = texts(dispatcher)
    assert len(said) == 1 and said[0].startswith("Prenez votre temps. Quand vous le souhaitez")
    assert "« conseiller »" in said[0] and "?" not in said[0]
    assert TAKE_YOUR_TIME not in said
    assert {"event": "active_loop", "name": None} in [{k: e.get(k) for k in ("event", "name")} for e in events]
    assert not any(event.get("event") == "followup" for event in events)
    assert THINK_IT_OVER.split("{")[0] in said[0]


@pytest.mark.parametrize("words", ["attendez je cherche", "je réfléchis", "laissez-moi réfléchir"])
def test_a_short_pause_at_the_offer_still_waits(words):
    current = _at_offer(words, THREE, intent="goodbye")
    dispatcher, events = run(ActionStopConversation(), current)
    assert texts(dispatcher) == [TAKE_YOUR_TIME]
    assert any(event.get("event") == "followup" for event in events)


@pytest.mark.parametrize(
    "words, waiting",
    [
        ("non attendez en fait c'est pas l'urssaf c'est les impôts", False),
        ("attendez pardon c'est pas la banque c'est le fournisseur", False),
        ("attendez je regarde", True),
        ("non attendez", True),
    ],
)
def test_attendez_in_a_correction_is_no_pause(words, waiting):
    assert is_waiting(words) is waiting


def test_thinking_over_is_not_a_correction_nor_a_pause():
    assert thinks_it_over("bon je vais réfléchir")
    assert not thinks_it_over("attendez")
    assert not thinks_it_over("je réfléchis à ouvrir une deuxième boutique, c'est pas 5000 c'est 15000")


def test_a_correction_with_attendez_at_an_intake_question_gets_no_take_your_time():
    events = [
        user("mon échéancier urssaf est rompu, j'ai reçu une mise en demeure"),
        {"event": "slot", "name": "requested_slot", "value": "deadline"},
        bot("Avez-vous une date limite proche ? Si oui, laquelle ?"),
        user("non attendez en fait c'est pas l'urssaf c'est les impôts", "deny"),
    ]
    current = tracker(
        events,
        slots={"requested_slot": "deadline", "difficulty_categories": ["cotisations_sociales"]},
        active_loop="situation_form",
    )
    dispatcher = CollectingDispatcher()
    result = ValidateSituationForm().validate_deadline("aucune échéance connue", dispatcher, current, {})
    assert result["deadline"] is None
    assert TAKE_YOUR_TIME not in texts(dispatcher)


# ------------------------------------------------------------------ M8: a receipt date after a contrainte

CONTRAINTE = "Je suis électricien à Toulouse. L'URSSAF m'a envoyé une contrainte de 12 000 €."


@pytest.mark.parametrize("words", ["j'ai reçu ça le 1er décembre", "je l'ai reçue le 1er décembre"])
def test_a_receipt_date_at_the_offer_gives_the_opposition_deadline(words):
    result, said = _offer_answer(words, CONTRAINTE, words, intent="skip_question", urgency="haute")
    deadline = "15 jours pour faire opposition à compter du mardi 1er décembre (d'ici le mercredi 16 décembre)"
    assert result == {"wants_advisor": None, "deadline": deadline}
    assert said == [f"Merci, c'est noté pour le conseiller : {deadline}."]


def test_a_yes_with_a_receipt_date_is_a_yes():
    result, _ = _offer_answer("oui, je l'ai reçue le 1er décembre", CONTRAINTE, True, intent="affirm")
    assert result.get("wants_advisor") is True


def test_a_receipt_date_without_a_contrainte_says_no_delay():
    result, _ = _offer_answer("j'ai reçu ça le 1er décembre", "la banque m'a écrit", "x", intent="skip_question")
    assert result["deadline"] == "courrier reçu le mardi 1er décembre, délai non précisé"


# ------------------------------------------------------------------ LOW: the place question


def _at_place(words):
    events = [
        user("bjr mon client me paye pas depuis 4 mois 22000e de facture"),
        {"event": "slot", "name": "requested_slot", "value": "departement"},
        bot("Dans quel département ou quelle ville se trouve votre entreprise ?"),
        user(words, "nlu_fallback"),
    ]
    current = tracker(
        events,
        slots={"requested_slot": "departement", "difficulty_categories": ["tresorerie"]},
        active_loop="situation_form",
    )
    dispatcher = CollectingDispatcher()
    return ValidateSituationForm().validate_departement(words, dispatcher, current, {}), texts(dispatcher)


@pytest.mark.parametrize("words", ["c quoi la suite", "c'est quoi la suite ?", "et après ?"])
def test_what_comes_next_at_the_place_question(words):
    result, said = _at_place(words)
    assert result == {"departement": None, "place_unread": None}
    assert said == [WHAT_COMES_NEXT]


def test_a_correction_at_the_place_question_is_no_unknown_place():
    result, said = _at_place("en fait c'est pas les impôts c'est l'urssaf, une contrainte")
    assert result["departement"] is None and not result.get("place_unread")
    assert AGAIN not in said


@pytest.mark.parametrize("words, code", [("Arras", "62"), ("non c'est Lens", "62"), ("ensuite Lille", "59")])
def test_places_at_the_place_question_are_read(words, code):
    result, _ = _at_place(words)
    assert result["departement"] == code
