"""Round 25 (make run, s25-fin1): "appelez ma femme Nadia au 06 45 12 78 91" stored the name "femme Nadia", and the
case said "celui de son épouse (femme Nadia)". Who the person is to the artisan ("ma femme", "mon mari", "mon
associé") is said beside the name; it is no part of it."""

from __future__ import annotations

import pytest

from actions.handoff import name_beside_contact


@pytest.mark.parametrize(
    "words, name",
    [
        ("appelez ma femme Nadia au 06 45 12 78 91", "Nadia"),
        ("appelez ma femme, Nadia, 06 45 12 78 91", "Nadia"),
        ("mon mari Gérald 06 11 22 33 44", "Gérald"),
        ("mon mari gerald 0611223344", "gerald"),
        ("c ma femme nadia 06 45 12 78 91", "nadia"),
        ("mon associé Karim au 07 81 22 45 90", "Karim"),
        ("ma belle-mère Odile 06 12 34 56 78", "Odile"),
        ("appelez mon pere jean-marc 06 12 34 56 78", "jean-marc"),
        # Still a name where no kin word stands.
        ("Sophie 06 11 22 33 44", "Sophie"),
        ("Marie Femme 06 11 22 33 44", "Marie Femme"),  # a surname that is a word: no possessive before it
    ],
)
def test_the_kin_word_said_with_a_possessive_is_no_part_of_the_name(words, name):
    assert name_beside_contact(words) == name  # written as the artisan wrote it


@pytest.mark.parametrize("words", ["appelez ma femme au 06 45 12 78 91", "mon mari 06 11 22 33 44"])
def test_a_kin_word_alone_beside_a_number_is_no_name(words):
    assert name_beside_contact(words) is None
