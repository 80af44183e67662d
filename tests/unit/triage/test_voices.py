"""scripts/voices-to-categories: which message of a development conversation trains which category."""

from importlib.machinery import SourceFileLoader
from importlib.util import module_from_spec, spec_from_loader
from pathlib import Path

import pytest

from triage.engine import rule_categories

_LOADER = SourceFileLoader(
    "voices_to_categories", str(Path(__file__).resolve().parents[3] / "scripts" / "voices-to-categories")
)
SCRIPT = module_from_spec(spec_from_loader(_LOADER.name, _LOADER))  # type: ignore[arg-type]
_LOADER.exec_module(SCRIPT)


def likelihood_from(table: dict[str, dict[str, float]]):
    """A stand-in for the corpus-only model's probabilities, written in the test so each case says what it assumes."""
    return lambda text: table.get(text, {SCRIPT.DIFFICULTY: 0.9})


CASES = [
    # (turns, expectation, the model's probabilities per message, the lines expected)
    (
        # The rules see URSSAF in the 2nd message; the 3rd carries trésorerie by the model; the trade is context.
        ["bonjour", "je suis plombier a Arras", "l'urssaf me réclame 4000 euros", "et je n'ai plus un rond en caisse"],
        {"categories": ["cotisations_sociales", "tresorerie"]},
        {
            "je suis plombier a Arras": {"tresorerie": 0.1, SCRIPT.DIFFICULTY: 0.05},
            "l'urssaf me réclame 4000 euros": {"tresorerie": 0.3, SCRIPT.DIFFICULTY: 0.9},
            "et je n'ai plus un rond en caisse": {"tresorerie": 0.7, SCRIPT.DIFFICULTY: 0.8},
        },
        [
            ("je suis plombier a Arras", []),
            ("l'urssaf me réclame 4000 euros", ["cotisations_sociales"]),
            ("et je n'ai plus un rond en caisse", ["tresorerie"]),
        ],
    ),
    (
        # any_of: the likeliest member of the group is the one trained.
        ["les ventes ont chuté de moitié depuis la fermeture du pont"],
        {"any_of": [["baisse_activite", "travaux"]]},
        {"les ventes ont chuté de moitié depuis la fermeture du pont": {"baisse_activite": 0.8, "travaux": 0.4}},
        [("les ventes ont chuté de moitié depuis la fermeture du pont", ["baisse_activite"])],
    ),
    (
        # A message that carries no code but looks like a difficulty is left out, not a negative.
        ["la banque a coupé le découvert", "et puis tout le reste ça va mal aussi"],
        {"categories": ["banque"]},
        {"et puis tout le reste ça va mal aussi": {"banque": 0.2, SCRIPT.DIFFICULTY: 0.6}},
        [("la banque a coupé le découvert", ["banque"])],
    ),
]


@pytest.mark.parametrize("turns, expect, table, lines", CASES)
def test_each_message_gets_the_codes_it_carries(turns, expect, table, lines):
    assert SCRIPT.message_codes(turns, expect, likelihood_from(table), rule_categories) == lines
