"""Round 31 (make run, lead): a wife writing for her husband answered the health question with her name and who is to
be called ("..., c'est moi qu'il faut appeler"): "Je n'ai pas bien compris", and the case went to the advisor with no
name at all. Over the real form validation; the health question stays open (its answer alone lets health in)."""

from __future__ import annotations

import pytest

from tests.support.handoff_form import validate


@pytest.mark.parametrize(
    "words, name",
    [
        ("Sandrine, c'est moi qu'il faut appeler", "Sandrine"),
        ("Jean-Marc, appelez-moi plutôt", "Jean-Marc"),
        ("Léa, c'est moi à rappeler", "Léa"),
        ("Mireille, c est moi qu il faut joindre pas lui", "Mireille"),
    ],
)
def test_a_name_and_who_to_call_at_the_health_question_keeps_the_name(words, name):
    said, slots = validate("health_consent", words, {"health_consent": None})
    assert slots.get("contact_name") == name
    assert slots.get("health_consent") is None
    assert "pas bien compris" not in " ".join(said)
    assert said[0].startswith(f"Merci {name}")


@pytest.mark.parametrize("words", ["oui, c'est moi qu'il faut appeler", "non, appelez-moi", "Pau, c'est moi"])
def test_who_to_call_without_a_name_gives_no_name(words):
    _, slots = validate("health_consent", words, {"health_consent": None})
    assert not slots.get("contact_name")
