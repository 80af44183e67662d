"""Round 29 (r29-a-15): "mon mari était artisan électricien, il est décédé il y a 3 semaines" got no word of condolence
and "un événement difficile dans votre vie personnelle": the death told with a pronoun after what the relative did
("ma femme tenait la mercerie, elle est décédée", "mon père, qui avait la menuiserie, est mort") is read, the condolence
said first and the restatement names the death. Near misses: a relative who left, an idiom, a thing that died."""

from __future__ import annotations

import pytest

from intake.facts import death_told_of, sympathy
from tests.unit.actions.test_round21_mourning_and_relatives import _acknowledged


@pytest.mark.parametrize(
    "message, kin",
    [
        (
            "Bonjour, ma femme tenait la mercerie du bourg, elle est décédée début novembre, les fournisseurs réclament",
            "femme",
        ),
        ("mon père, qui avait la menuiserie, est mort il y a dix jours, je sais pas quoi faire des chantiers", "père"),
        ("mon frère avait une petite entreprise de plomberie, il vient de décéder, je gère les papiers", "frère"),
    ],
)
def test_a_death_told_after_what_the_relative_did_gets_condolences(message: str, kin: str) -> None:
    said = _acknowledged([message])
    assert said[0].startswith(f"Toutes mes condoléances pour votre {kin}.")
    assert f"aux suites du décès de votre {kin}" in said[0]
    assert "vie personnelle" not in said[0]


@pytest.mark.parametrize(
    "message",
    [
        "mon mari était boulanger, il est parti avec la caisse et le camion",
        "ma femme tient le salon, elle est morte de fatigue avec les fêtes",
        "mon associé a vidé le compte, il est mort de rire quand je lui en parle",
        "mon mari a un garage, le compresseur est mort hier",
    ],
)
def test_no_death_no_condolences(message: str) -> None:
    assert death_told_of(message) is None
    assert "condoléances" not in (sympathy(message) or "")
