"""A place said to be wrong is never read; a correction ("non c'est X") is read as the place meant."""

from __future__ import annotations

import pytest

from places import FOUND, NOT_FOUND, find_in_text, resolve
from places.resolve import negated_departements, without_negated

# text -> (département found in the sentence or None, départements it negates)
IN_TEXT = [
    ("ah non c'est la Somme pas le Nord", "80", {"59"}),
    ("ah non c'est la somme pas le nord", "80", {"59"}),  # no capital: the correction says it is a place
    ("pas dans le 59", None, {"59"}),
    ("je ne suis pas dans le Nord", None, {"59"}),
    ("c'est pas à Lille mais à Lens", "62", {"59"}),
    ("pas au Havre mais à Rouen", "76", {"76"}),
    ("ni Lille ni Lens", None, {"59", "62"}),
    ("je ne suis plus dans le 59, maintenant à Lens", "62", {"59"}),
    ("non en fait c'est dans le 62", "62", set()),
    ("pardon je me suis trompé, c'est le 59", "59", set()),
    ("oups erreur c'est plutôt Amiens", "80", set()),
    ("je rectifie : l'entreprise est à Calais", "62", set()),
    # the place right after a negated one is the place meant
    ("non non pas le 59, le 62", "62", {"59"}),
    ("pas dans le Pas-de-Calais, dans le Nord", "59", {"62"}),  # the département, not the commune Le Pas (53)
    ("pas le Nord mais plutôt la Somme", "80", {"59"}),
    ("je ne suis pas dans le 59 depuis longtemps", None, {"59"}),
    ("je ne suis plus dans le 62 l'atelier est à Roubaix maintenant", "59", {"62"}),  # dictation: no comma
    ("pas 62 ans", None, set()),
    # what looks like a negation and is none
    ("je suis dans le pas de calais", "62", set()),
    ("Pas-de-Calais", None, set()),  # a bare name: no cue in a sentence, and not negated either
    ("pas loin de Lille", None, set()),
    ("je sais pas, dans le 59", "59", set()),
    # a correction that names no place
    ("non c'est bon", None, set()),
    ("non c'est pas grave", None, set()),
    ("non en fait c'est mon fils qui gère la compta", None, set()),
]


@pytest.mark.parametrize("text, code, negated", IN_TEXT)
def test_a_negated_place_is_not_read_and_a_correction_is(text, code, negated):
    found = find_in_text(text)
    assert (found.departement if found.status == FOUND else None) == code, found
    assert negated_departements(text) == negated


# answers to the place question -> département, or None when nothing is left once the negation is dropped
ANSWERS = [
    ("pas le nord, la somme", "80"),
    ("non pas le 59 le 62", "62"),
    ("ni Lille ni Lens, Arras", "62"),
    ("pas dans le 59", None),
    ("pas de calais", "62"),
    ("Pas-de-Calais", "62"),
    ("pas loin d'Arras", "62"),
]


@pytest.mark.parametrize("answer, code", ANSWERS)
def test_an_answer_to_the_place_question_drops_what_it_negates(answer, code):
    resolution = resolve(answer)
    if code is None:
        assert resolution.status == NOT_FOUND, resolution
    else:
        assert (resolution.status, resolution.departement) == (FOUND, code)


def test_blanking_keeps_positions():
    text = "ah non c'est la Somme pas le Nord, vraiment"
    blanked = without_negated(text)
    assert len(blanked) == len(text)
    assert "Nord" not in blanked and blanked.endswith(", vraiment") and "Somme" in blanked
