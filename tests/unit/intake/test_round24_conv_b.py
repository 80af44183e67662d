"""Round 24 (conversation fixes B): amounts put right, debts told early, places read as trades; over real trackers.

1. "je dois 4000 à l'urssaf", then "non pas 4000, 6000" at the creditors question: replaced without a word.
2. "je dois 9000 à la banque... non 7000 pardon": the 9 000 € kept; the amount put right in the same message wins.
3. "mon mari est parti en mars, il reste l'URSSAF, 8 000 €, et le crédit du camion": asked later whom she owed.
4. "je suis en Loire-Atlantique" at the trade question: "Loire-" kept as the trade.
"""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from actions.intake import questions_to_ask
from actions.intake_actions import ValidateSituationForm
from actions.triage_actions import ValidateTriageSlots
from intake.facts import (
    amounts_taken_back,
    corrected_creditors,
    extract_facts,
    fold,
    hyphened_departement,
    place_read_as_trade,
    sums_said,
)
from ops.settings import REPO_ROOT
from tests.support.trackers import bot, run, slot_events, tracker, user

TODAY = date(2026, 12, 6)
DOMAIN = {"forms": yaml.safe_load((REPO_ROOT / "bot/domain/intake.yml").read_text(encoding="utf-8"))["forms"]}


def _at_question(words, slot, extracted, known):
    events = [
        user("je dois 4000 à l'urssaf"),
        *({"event": "slot", "name": k, "value": v} for k, v in known.items()),
        {"event": "slot", "name": "requested_slot", "value": slot},
        bot("Pouvez-vous me dire à qui vous devez de l'argent, et combien ?"),
        user(words, "inform"),
        *({"event": "slot", "name": k, "value": v} for k, v in extracted.items()),
    ]
    slots = {**known, "requested_slot": slot, **extracted}
    dispatcher, produced = run(ValidateSituationForm(), tracker(events, slots, "situation_form"), DOMAIN)
    return [m.get("text") or m.get("response") or "" for m in dispatcher.messages], slot_events(produced)


# ------------------------------------------------------------------ 1. an amount put right a turn later, said back

PUT_RIGHT_LATER = [
    "non pas 4000, 6000",
    "pardon non pas 4000 mais 6000",
    "enfin 6000 pas 4000",
    "je me suis trompé c'est 6000",
    "je me suis trompée, c'est 6 000 € et pas 4 000",
    "ah non c'est 6000 pas 4000",
    "non 6000",
    "je voulais dire 6000",
    "en fait 6000 pas 4000",
    "pardon c'est six mille",
    "oups, 6000 € pas 4000",
]


@pytest.mark.parametrize("words", PUT_RIGHT_LATER)
def test_an_amount_put_right_a_turn_later_is_kept(words):
    assert corrected_creditors("URSSAF 4 000 €", words) in ("URSSAF 6000 €", "URSSAF 6 000 €")


@pytest.mark.parametrize("words", PUT_RIGHT_LATER)
@pytest.mark.parametrize("triage_set_it", [False, True])
def test_an_amount_put_right_at_the_creditors_question_is_said_back(words, triage_set_it):
    extracted = {"creditors": "URSSAF 6000 €" if triage_set_it else words}
    said, slots = _at_question(
        words, "creditors", extracted, {"difficulty_categories": ["urssaf"], "creditors": "URSSAF 4 000 €"}
    )
    assert said[0] == "C'est noté : 6 000 €."
    assert slots["creditors"] in ("URSSAF 6000 €", "URSSAF 6 000 €")


@pytest.mark.parametrize("words", ["non pas 4000, 6000", "pardon c'est six mille", "je me suis trompé c'est 6000"])
def test_an_amount_put_right_at_another_question_is_said_back_too(words):
    said, slots = _at_question(
        words, "deadline", {"deadline": words}, {"difficulty_categories": ["urssaf"], "creditors": "URSSAF 4 000 €"}
    )
    assert said[0].startswith("C'est corrigé : URSSAF 6") and "6" in said[0]
    assert slots["deadline"] is None


def test_the_same_amount_said_again_says_nothing():
    said, _ = _at_question(
        "l'urssaf 4000", "creditors", {"creditors": "URSSAF 4000 €"}, {"creditors": "URSSAF 4 000 €"}
    )
    assert not any(text.startswith("C'est noté : 4") for text in said)


# ------------------------------------------------------------------ 2. put right in the same message

SAME_MESSAGE = [
    ("je dois 9000 à la banque... non 7000 pardon", "banque 7000 €"),
    ("je dois 9000 à la banque, non pardon 7000", "banque 7000 €"),
    ("je dois 9000 euros à la banque enfin non 7000", "banque 7000 €"),
    ("je dois 9000 à la banque non je me trompe 7000", "banque 7000 €"),
    ("j'ai 9000 de dettes à la banque, pardon 7000", "banque 7000 €"),
    ("je dois 9000 à la banque, euh non 7000", "banque 7000 €"),
    ("je dois à la banque 9000 non 7000 pardon", "banque 7000 €"),
    ("je dois 9 000 € à la banque... ah non, 7 000 €", "banque 7 000 €"),
    ("l'urssaf me réclame 9000, non pardon 7000", "URSSAF 7000 €"),
]


@pytest.mark.parametrize("words, creditors", SAME_MESSAGE)
def test_the_amount_put_right_in_the_same_message_wins(words, creditors):
    assert extract_facts(words, TODAY)["creditors"] == creditors
    assert [line.replace(" ", "") for line in sums_said(words)] == [creditors.replace(" ", "")]


@pytest.mark.parametrize(
    "words, creditors",
    [
        # Two debts: a creditor named after the correction, or joined by "et", is another one.
        ("l'urssaf 5000 et la banque, non pardon 7000", "URSSAF 5000 €"),
        ("je dois 9000 a la banque et 2000 au fournisseur, non 3000", "banque 9000 €, fournisseurs 3000 €"),
    ],
)
def test_two_debts_stay_two(words, creditors):
    assert extract_facts(words, TODAY)["creditors"].startswith(creditors)


def test_payments_are_no_correction():
    assert "9000" in amounts_taken_back(fold("9000 à la banque non payés 7000"))


@pytest.mark.parametrize("words", ["je dois 9000 à la banque... non 7000 pardon", "je dois 9000 à la banque, non 7000"])
def test_the_form_keeps_the_amount_put_right_in_the_same_message(words):
    _, slots = _at_question(words, "creditors", {"creditors": words}, {"difficulty_categories": ["banque"]})
    assert slots["creditors"] == "banque 7000 €"


# ------------------------------------------------------------------ 3. debts told early are kept

TOLD_EARLY = [
    "mon mari est parti en mars, il reste l'URSSAF, 8 000 €, et le crédit du camion",
    "mon mari est mort en mars. Il reste l'URSSAF 8000 et le crédit du camion.",
    "depuis le décès de mon mari il me reste le crédit du camion et l'urssaf à 8000",
    "il reste encore le prêt du camion et 8000 € à l'urssaf",
    "mon époux nous a quittés en mars, il reste 8 000 € d'URSSAF et le crédit du camion",
    "il reste l'urssaf 8 000 € et le crédit du camion",
    "reste le crédit du camion et l'urssaf 8000",
]


@pytest.mark.parametrize("words", TOLD_EARLY)
def test_debts_told_early_are_read(words):
    creditors = extract_facts(words, TODAY)["creditors"]
    assert "URSSAF 8" in creditors and "banque" in creditors


@pytest.mark.parametrize("words", TOLD_EARLY[:3])
def test_debts_told_early_are_not_asked_again(words):
    _, produced = run(ValidateTriageSlots(), tracker([user(words)]))
    slots = slot_events(produced)
    assert "URSSAF" in slots["creditors"] and "banque" in slots["creditors"]
    assert "creditors" not in questions_to_ask(["urssaf", "banque"], None, slots, [])


@pytest.mark.parametrize("words", ["je reste à la banque populaire comme cliente", "je reste seul à l'atelier"])
def test_staying_is_no_debt(words):
    assert "creditors" not in extract_facts(words, TODAY)


# ------------------------------------------------------------------ 4. a place is never a trade

PLACES_AS_TRADES = [
    ("Loire-", "je suis en Loire-Atlantique", "44"),
    ("Loire-Atlantique", "je suis en Loire-Atlantique", "44"),
    ("Haute-", "Haute-Loire", "43"),
    ("Haute-", "je suis en Haute-Loire", "43"),
    ("Loire-", "je suis dans le Loire-et-Cher", "41"),
    ("Loir-et-Cher", "Loir-et-Cher", "41"),
    ("Loire-", "je suis en loire-atlantiqe", "44"),
    ("Saône-", "en Saône-et-Loire", "71"),
    ("Côtes-", "en Côtes-d'Armor", "22"),
    ("Seine-", "on est en Seine-Saint-Denis", "93"),
    ("Hautes-", "je suis dans les Hautes-Pyrénées", "65"),
]


@pytest.mark.parametrize("value, words, code", PLACES_AS_TRADES)
def test_a_departement_is_never_a_trade(value, words, code):
    assert place_read_as_trade(value, words)
    assert extract_facts(words, TODAY).get("departement") == code
    assert "trade" not in extract_facts(words, TODAY, asked="trade")


@pytest.mark.parametrize(
    "value, words",
    [
        ("Bretagne", "je suis en Bretagne"),
        ("Île-de-France", "en Île-de-France"),
        ("Nantes", "je suis à Nantes"),
        ("Occitanie", "Occitanie"),
    ],
)
def test_a_region_or_a_town_is_never_a_trade(value, words):
    assert place_read_as_trade(value, words)


@pytest.mark.parametrize(
    "value, words",
    [
        ("maçon", "je suis maçon"),
        ("boulanger", "boulanger à Nantes"),
        ("plombier-chauffagiste", "je suis plombier-chauffagiste"),
        ("coiffeuse", "coiffeuse en Haute-Loire"),
        ("charcutier-traiteur", "charcutier-traiteur"),
        ("taxi", "je suis taxi à Lyon"),
        ("ambulancier", "ambulancier en Loire-Atlantique"),
    ],
)
def test_a_trade_stays_a_trade(value, words):
    assert not place_read_as_trade(value, words)


@pytest.mark.parametrize("words", ["à Saint-Nazaire", "je suis à Boulogne-sur-Mer", "menuisier à Saint-Étienne"])
def test_a_hyphenated_town_keeps_its_own_departement(words):
    assert extract_facts(words, TODAY)["departement"] in ("44", "62", "42")


def test_a_misspelt_departement_is_read_as_the_nearest_one_only():
    assert hyphened_departement("je suis en loire-atlantiqe") == "44"
    assert hyphened_departement("dans le Loire-et-Cher") == "41"
    assert hyphened_departement("je suis plombier-chauffagiste") is None


@pytest.mark.parametrize("value, words, code", PLACES_AS_TRADES)
def test_a_place_at_the_trade_question_is_noted_and_the_trade_asked_again(value, words, code):
    said, slots = _at_question(words, "trade", {"trade": value}, {"difficulty_categories": ["urssaf"]})
    assert slots["trade"] is None
    assert slots["departement"] == code
    assert said[0].startswith("Merci, j'ai noté le lieu")
    assert said[-1] == "Quel est votre métier ?"


@pytest.mark.parametrize("value, words, code", PLACES_AS_TRADES[:4])
def test_a_place_at_another_question_leaves_the_trade_known(value, words, code):
    _, slots = _at_question(
        words, "deadline", {"trade": value}, {"difficulty_categories": ["urssaf"], "trade": "menuisier"}
    )
    assert slots.get("trade", "menuisier") == "menuisier"


@pytest.mark.parametrize("words", [words for words, _ in SAME_MESSAGE[:4]])
def test_the_first_message_keeps_the_amount_put_right_in_it(words):
    _, produced = run(ValidateTriageSlots(), tracker([user(words)]))
    assert slot_events(produced)["creditors"] == "banque 7000 €"


@pytest.mark.parametrize(
    "words, code",
    [
        ("je suis en Pays de la Loire", None),
        ("en centre-val de loire", None),
        ("en région Rhône-Alpes", None),
        ("Pays de la Loire, en Loire-Atlantique", "44"),
        ("à Nantes en pays de la loire", "44"),
        ("je suis dans le Rhône, en Rhône-Alpes", "69"),
        ("je suis en Loire", "42"),
    ],
)
def test_a_region_names_no_departement_of_its_words(words, code):
    assert extract_facts(words, TODAY).get("departement") == code


@pytest.mark.parametrize(
    "words, code",
    [
        ("je suis dans le Loire-et-Cher", "41"),
        ("loire-atlantiqe", "44"),
        ("je suis en loire-atlantiqe", "44"),
        ("Haute-Loire", "43"),
        ("Saint-Nazaire", "44"),
        ("Saint-Étienne", "42"),
    ],
)
def test_a_misspelt_departement_at_the_place_question_is_noted_without_a_choice(words, code):
    said, slots = _at_question(words, "departement", {"departement": words}, {"difficulty_categories": ["urssaf"]})
    assert slots["departement"] == code
    assert not slots.get("place_choices")
    assert not any("Plusieurs communes" in text for text in said)
