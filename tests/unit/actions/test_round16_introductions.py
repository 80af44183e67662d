"""make run, round 16 (s16-z1): "je vous écris pour mon mari Patrick, il est carreleur vers Villefranche", read as
nlu_fallback, got "Je n'ai pas bien compris"; then "Si je comprends bien, vous faites face à ..." spoke to the wife as
if the business were hers. An introduction is noted and the open question asked about the person concerned; the
restatement speaks of the owner. Real trackers, the real actions."""

from __future__ import annotations

import pytest

from actions.intake_actions import ActionAcknowledgeSituation, ActionHandleMisunderstanding
from tests.support.trackers import run, texts, tracker, user


def _misread(words: str, **slots):
    return texts(run(ActionHandleMisunderstanding(), tracker([user(words, "nlu_fallback")], slots=slots))[0])


def test_someone_close_introducing_the_owner_is_asked_what_happens_to_them():
    said = _misread("je vous écris pour mon mari Patrick, il est carreleur", trade="carreleur")
    assert said == [
        "Merci. J'ai noté : carreleur. Dites-moi si je me trompe.",
        "Qu'est-ce qui se passe pour votre mari ? Vous pouvez l'écrire avec vos mots, même en vrac.",
    ]


def test_an_artisan_introducing_themself_is_asked_what_brings_them():
    said = _misread("bonsoir je suis boulangère à Rodez depuis 12 ans", trade="boulangère", departement="12")
    assert said[0].startswith("Merci. J'ai noté : boulangère, Aveyron (12).")
    assert said[1] == "Qu'est-ce qui vous amène : quelle difficulté rencontrez-vous dans votre activité ?"


@pytest.mark.parametrize(
    "words, slots",
    [
        ("azertyuiop", {}),  # nothing understood: the rephrase, as before
        ("je vous écris pour mon mari", {"difficulty_categories": ["banque"]}),  # a difficulty already told
    ],
)
def test_no_introduction_or_one_after_the_difficulty_keeps_the_usual_reply(words, slots):
    assert "Qu'est-ce qui se passe pour" not in " ".join(_misread(words, **slots))


def test_the_restatement_speaks_of_the_owner_when_someone_close_writes():
    events = [
        user("je vous écris pour mon mari Patrick"),
        user("la banque lui a coupé le découvert", "describe_situation"),
    ]
    slots = {"difficulty_categories": ["banque"], "urgency": "normale", "distress": False, "triage_reasons": {}}
    said = texts(run(ActionAcknowledgeSituation(), tracker(events, slots=slots))[0])
    assert said[0].startswith("Si je comprends bien, votre mari fait face à des difficultés avec")


def test_the_artisan_writing_hears_the_usual_restatement():
    slots = {"difficulty_categories": ["banque"], "urgency": "normale", "distress": False, "triage_reasons": {}}
    said = texts(run(ActionAcknowledgeSituation(), tracker([user("la banque m'a coupé le découvert")], slots=slots))[0])
    assert said[0].startswith("Si je comprends bien, vous faites face à des difficultés avec")


def test_one_restatement_serves_the_acknowledgement_and_a_difficulty_told_at_another_question():
    from actions.intake_actions import restated
    from triage import Assessment

    assessment = Assessment(categories=("banque",), urgency="normale")
    assert restated(assessment, False, "votre mari").startswith("Si je comprends bien, votre mari fait face à")
    assert restated(assessment, False, None).startswith("Si je comprends bien, vous faites face à")
    assert restated(None, False, "votre mari") is None
