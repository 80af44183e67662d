"""Round 21 (z.md H5, M7): a widow writing about her dead husband hears condolences and is told she faces what follows
his death (never "votre mari fait face à"); "Pardon, c'est dur" is a feeling heard, never a question passed; a daughter
writing about her mother's stroke hears "La santé de votre mère", never "Votre santé"."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.intake_actions import ActionAcknowledgeSituation, ValidateSituationForm
from intake.answers import says_only_a_feeling
from intake.facts import deaths_said, sympathy
from tests.support.trackers import bot, run, texts, tracker, user
from triage import assess


def _acknowledged(messages: list[str]) -> list[str]:
    slots = assess(messages).to_slots()
    return texts(run(ActionAcknowledgeSituation(), tracker([user(m) for m in messages], slots=slots))[0])


@pytest.mark.parametrize(
    "message, kin",
    [
        (
            "Je vous écris pour mon mari, il est décédé il y a trois semaines, il avait une entreprise de plomberie",
            "mari",
        ),
        ("j'écris pour ma femme, elle est morte en octobre, elle tenait un salon de coiffure", "femme"),
        ("je vous écris pour mon père qui est décédé le mois dernier, il avait une boulangerie", "père"),
    ],
)
def test_a_death_told_about_the_person_concerned_gets_condolences_and_the_writer_faces_what_follows(
    message: str, kin: str
) -> None:
    said = _acknowledged([message])
    first = said[0]
    assert first.startswith(f"Toutes mes condoléances pour votre {kin}.")
    assert "fait face" not in first
    assert f"vous faites face aux suites du décès de votre {kin}" in first


def test_the_death_is_kept_for_the_advisor() -> None:
    message = "Je vous écris pour mon mari, il est décédé il y a trois semaines, il avait une entreprise de plomberie"
    assert deaths_said(message, "mari")


@pytest.mark.parametrize(
    "message",
    [
        "je vous écris pour mon mari, il est carreleur, la banque lui a coupé le découvert",
        "mon associé, il est parti avec la caisse",
    ],
)
def test_no_death_no_condolences(message: str) -> None:
    assert sympathy(message) is None or "condoléances" not in (sympathy(message) or "")


def test_a_relative_still_alive_keeps_the_usual_restatement() -> None:
    said = _acknowledged(["je vous écris pour mon mari, la banque lui a coupé le découvert"])
    assert said[0].startswith("Si je comprends bien, votre mari fait face à")


@pytest.mark.parametrize(
    "message, person",
    [
        ("je vous écris pour ma mère, elle est fleuriste et elle a fait un AVC la semaine dernière", "votre mère"),
        ("je vous écris pour mon père, il est boulanger, il est hospitalisé depuis lundi", "votre père"),
    ],
)
def test_a_relatives_illness_is_their_health_not_the_writers(message: str, person: str) -> None:
    said = " ".join(_acknowledged([message]))
    assert "Votre santé passe avant tout" not in said
    assert f"La santé de {person} passe avant tout" in said


def test_the_artisans_own_illness_keeps_your_health() -> None:
    said = " ".join(
        _acknowledged(["je suis fleuriste et j'ai fait un AVC la semaine dernière, je peux plus travailler"])
    )
    assert "Votre santé passe avant tout" in said


@pytest.mark.parametrize(
    "words", ["Pardon, c'est dur", "pardon c dur", "désolée, c'est difficile", "excusez-moi, c'est dur"]
)
def test_an_apology_and_a_feeling_is_a_feeling(words: str) -> None:
    assert says_only_a_feeling(words)


@pytest.mark.parametrize("words", ["pardon, SARL", "désolé je sais pas", "pardon c'est une SARL"])
def test_an_apology_with_an_answer_is_no_feeling_only(words: str) -> None:
    assert not says_only_a_feeling(words)


def test_its_hard_at_the_legal_form_question_is_heard_not_passed() -> None:
    events = [
        user("Je vous écris pour mon mari, il est décédé il y a trois semaines, il avait une entreprise de plomberie"),
        bot("Sous quelle forme l'entreprise de votre mari est-elle enregistrée ?"),
        user("Pardon, c'est dur"),
    ]
    current = tracker(events, slots={"requested_slot": "legal_form"}, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    result = ValidateSituationForm().validate_legal_form("Pardon, c'est dur", dispatcher, current, {})
    said = " ".join(texts(dispatcher))
    assert "passons cette question" not in said
    assert "ce n'est pas facile" in said
    assert result.get("legal_form") is None
