"""Round 18 (r18b-15): "je voulais seulement des renseignements" says the artisan came for the first steps."""

from __future__ import annotations

import pytest

from intake.answers import wants_information_only


@pytest.mark.parametrize(
    "words",
    [
        "non merci, c'était juste pour me renseigner",
        "pas d'appel, je cherchais seulement des infos",
        "Je veux simplement savoir quoi faire, pas qu'on m'appelle.",
        "je venais juste pour des conseils",
    ],
)
def test_information_only(words):
    assert wants_information_only(words)


@pytest.mark.parametrize(
    "words",
    [
        "je voulais des renseignements sur la retraite",  # a subject asked, no "seulement": the questions go on
        "non merci",
        "je veux bien qu'on me rappelle",
        "/deny",
        "",
    ],
)
def test_near_misses(words):
    assert not wants_information_only(words)
