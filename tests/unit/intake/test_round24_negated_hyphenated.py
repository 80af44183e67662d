"""Round 24: the hyphenated département reader (conv-b finding 4) took "pas dans le Pas-de-Calais, dans le Nord" for
the Pas-de-Calais; the simulator's invariants (negated place never stored, the case's département the one named)
caught it in the fresh-clone run. A département the words negate is never the one read."""

import pytest

from actions.place_validation import place_update
from intake.facts import extract_facts


@pytest.mark.parametrize(
    "words, code",
    [
        ("pas dans le Pas-de-Calais, dans le Nord", "59"),
        ("pas la loire-atlantique mais le maine-et-loire", "49"),
        ("non pas en Haute-Loire, en Loire", "42"),
        ("pas les Alpes-Maritimes, le Var", "83"),
        ("je suis en loire-atlantiqe", "44"),
        ("dans le Loire-et-Cher", "41"),
    ],
)
def test_a_negated_hyphenated_departement_is_never_the_one_read(words, code):
    assert extract_facts(words).get("departement") == code
    assert place_update(words, {})[0].get("departement") == code
