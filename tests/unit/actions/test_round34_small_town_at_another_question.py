"""Round 34 (make run, r34-n): "Morlaix" at the deadline question got the deadline question explained again, and the
case went to the advisor with no place: a town of 15,000 is below the size at which a bare name is read as a place
(places.names_a_known_town). At an intake question, whose answer is never a person's name, a smaller town typed with
its capital is a place too, kept for the place question; typed in lower case, it still needs its size."""

from __future__ import annotations

import pytest

from places.resolve import names_a_known_town
from tests.support.trackers import texts
from tests.unit.actions.test_intake_answers_of_their_kind import at_question


def _at(slot: str, words: str) -> tuple[dict, list[str]]:
    dispatcher, result = at_question(slot, [words])
    return result, texts(dispatcher)


@pytest.mark.parametrize(
    "slot, words, code",
    [
        ("deadline", "Morlaix", "29"),
        ("deadline", "Paimpol", "22"),
        ("since_when", "Quimperlé", "29"),
        ("since_when", "Dinan", "22"),
    ],
)
def test_a_smaller_town_typed_as_a_name_goes_to_the_place(slot, words, code):
    result, said = _at(slot, words)
    assert result.get("departement") == code
    assert result[slot] is None
    assert said[0].startswith("Merci")


@pytest.mark.parametrize("words", ["morlaix", "MORLAIX"])
def test_in_lower_case_or_shouted_a_smaller_town_needs_its_size(words):
    assert names_a_known_town(words, capitalised=True) is None


def test_elsewhere_a_smaller_town_still_needs_its_size():
    assert names_a_known_town("Morlaix") is None
    assert names_a_known_town("Morlaix", capitalised=True) is not None
