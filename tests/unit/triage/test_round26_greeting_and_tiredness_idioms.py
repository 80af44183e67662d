"""Round 26 (talk-a): two idioms read as warning signs.

r26a-18: "Adieu ! boulanger à Toulouse, 31, SARL avec 3 employés", the southern hello opening a message of business
facts, got the crisis block, a closed conversation and a case "critique" ("adieux, remerciements « pour tout »").
r26a-10: "je suis mort de fatigue, 14h de route hier" got the direct question about suicide, where "mort de fatigue
après 12h de chantier" (r26a-03) did not.
"""

from __future__ import annotations

import pytest

from triage.distress import INDIRECT, find_signs


def _rules(text: str) -> list[str]:
    return [sign.rule for sign in find_signs(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Adieu ! boulanger à Toulouse, 31, SARL avec 3 employés",  # r26a-18
        "adieu ! coiffeuse a Nimes, l'urssaf me réclame 3000",  # unaccented
        "Adiu, plombier 31, la banque me lache",  # Occitan spelling, SMS
        "adieu point je suis maçon à Montpellier point la banque refuse le prêt",  # dictation
        "Adieu messieurs dames, on a un souci avec le fisc pour la boulangerie",
    ],
)
def test_an_opening_adieu_with_business_facts_is_a_hello(text):
    assert not any(sign.level <= INDIRECT and "farewell" in sign.rule for sign in find_signs(text)), _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "adieu à tous, c'est mon dernier message",
        "Adieu. Prenez soin de ma famille",
        "adieu, je m'en vais pour de bon",
        "Adieu, dites à mes enfants que je les aime",
        "adieu ! je n'en peux plus",
        "adieu, ce n'est pas votre faute",
        "adieu, à vous comme à tous ceux qui m'ont tendu la main",
        "adieu, ne soyez pas tristes",
    ],
)
def test_an_adieu_with_finality_stays_a_warning_sign(text):
    assert any(sign.level <= INDIRECT for sign in find_signs(text)), _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "je suis mort de fatigue, 14h de route hier",  # r26a-10
        "chui mort de fatigue 14 h de route hier",  # SMS
        "je suis morte de fatigue après douze heures de salon",  # a hairdresser, in words
        "euh... je suis crevé, une journée de chantier sous la pluie",  # hesitation
        "je suis mort de fatigue virgule 14 heures de volant",  # dictation
    ],
)
def test_tired_after_the_hours_of_work_is_no_sign(text):
    assert find_signs(text) == [], _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "je suis mort de fatigue, 14h de route hier et je vois pas le bout",
        "je suis mort de fatigue",
    ],
)
def test_tiredness_with_hopelessness_or_alone_is_still_asked_about(text):
    assert find_signs(text), text
