"""How typed French becomes the text the rules read (triage/normalise.py)."""

from __future__ import annotations

import pytest

from triage.normalise import normalise, split_clauses


@pytest.mark.parametrize(
    "typed, read",
    [
        # Spoken and northern French elides before a consonant: the full word is meant.
        ("l'huissier a bloqué l'compte", "l huissier a bloque le compte"),
        ("j'vends pus rien au marché d'Béthune", "je vends plus rien au marche de bethune"),
        ("i m'a dit d'pas m'inquiéter", "i m a dit de pas m inquieter"),
        # Before a vowel or a mute h the elision is standard and stays as it is.
        ("j'ai l'URSSAF et l'huissier sur le dos", "j ai l urssaf et l huissier sur le dos"),
        ("d'accord, j'habite à Lens", "d accord j habite a lens"),
        # A number after an elided letter is no word to restore.
        ("l'2 décembre", "l 2 decembre"),
    ],
)
def test_normalised_text(typed, read):
    assert normalise(typed) == read
    assert " ".join(clause.text for clause in split_clauses(typed)).replace(" ,", "") == read
