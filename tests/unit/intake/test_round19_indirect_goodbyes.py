"""Round 19 (r19c-02, r19c-09, r19c-12): leave taken without a word of farewell, or in Creole, was read as time to
think ("Prenez votre temps. Je vous repose la question") or not understood. New sentences; near misses unchanged."""

from __future__ import annotations

import pytest

from intake.answers import _folded, _takes_leave, is_closing, is_hesitation


@pytest.mark.parametrize(
    "words",
    [
        "pardon, faut que je file, le livreur est là",
        "oh la y a ma femme qui m'appelle, je dois y aller",
        "bon je vais voir avec mon comptable, je vous tiens au courant",
        "ok je regarde ça et je vous redis demain",
        "je dois me sauver, merci",
        "bon, mwen ka ay",
        "mèsi anpil, a pita",
    ],
)
def test_leave_is_taken(words):
    assert _takes_leave(_folded(words))
    assert is_closing(words)
    assert not is_hesitation(words)


@pytest.mark.parametrize(
    "words",
    [
        "attendez je réfléchis",  # thinking: the question waits
        "je dois partir à la retraite dans deux ans",  # a story
        "je dois filer 1 500 € à l'URSSAF le 15",
        "je vous redis mon numéro : 06 11 22 33 44",
        "je dois y aller mais avant, c'est gratuit ?",
        "si je dois partir je vends le camion",
    ],
)
def test_near_misses_take_no_leave(words):
    assert not _takes_leave(_folded(words))
