"""A town merged into a commune nouvelle that carries its name is still found by its own name (round 36, make run:
"elle est à Vire" was noted as Viré, Saône-et-Loire, never Vire Normandie, Calvados)."""

import pytest

from places import AMBIGUOUS, find_in_text, resolve


@pytest.mark.parametrize(
    "said, offered",
    [
        ("Vire", {"14", "71"}),  # Vire Normandie and the village of Viré: asked, never guessed
        ("viré", {"14", "71"}),  # accents are folded: the accent alone does not choose
        ("Belleville", {"69", "54"}),  # Belleville-en-Beaujolais and Belleville (Meurthe-et-Moselle)
    ],
)
def test_a_merged_town_is_offered_beside_its_namesakes(said, offered):
    resolution = resolve(said)
    assert resolution.status == AMBIGUOUS
    assert {commune.departement for commune in resolution.candidates} == offered


@pytest.mark.parametrize(
    "sentence, code",
    [
        ("Vire, dans le Calvados", "14"),
        ("à Vire (14)", "14"),
        ("Viré 71", "71"),
        ("Vire Normandie", "14"),
        ("Annecy", "74"),  # a commune nouvelle with the very name: as before
    ],
)
def test_a_merged_town_with_its_departement_is_found(sentence, code):
    assert resolve(sentence).departement == code


def test_a_merged_town_said_in_a_sentence_is_asked():
    resolution = find_in_text("on tient le salon à Vire depuis douze ans")
    assert resolution.status == AMBIGUOUS
    assert "Vire Normandie (14)" in {commune.label for commune in resolution.candidates}


@pytest.mark.parametrize("sentence", ["la banque me vire", "je vire les salaires le 5", "mon compte vire au rouge"])
def test_the_verb_is_no_place(sentence):
    assert find_in_text(sentence).departement is None
    assert not find_in_text(sentence).candidates
