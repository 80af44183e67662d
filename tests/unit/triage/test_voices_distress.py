"""scripts/voices-to-distress: which label a conversation of a retired evaluation set teaches the distress classifier."""

from importlib.machinery import SourceFileLoader
from importlib.util import module_from_spec, spec_from_loader
from pathlib import Path

import pytest

from triage import distress_model

_LOADER = SourceFileLoader(
    "voices_to_distress", str(Path(__file__).resolve().parents[3] / "scripts" / "voices-to-distress")
)
SCRIPT = module_from_spec(spec_from_loader(_LOADER.name, _LOADER))  # type: ignore[arg-type]
_LOADER.exec_module(SCRIPT)

AMBIGUOUS, CALM = distress_model.AMBIGUOUS_LABEL, distress_model.CALM_LABEL

CASES = [
    # (tags, expected distress, label taught)
    # An idiom or business despair that only looks like a sign: ops/quality.py owes it no direct question
    # (ambiguous_question skips hard negatives), so it must never teach the question ("ce chantier me tue").
    (["ambiguous", "hard_negative"], False, CALM),
    (["hard_negative", "ambiguous", "sms"], False, CALM),
    (["ambiguous", "idiom"], False, CALM),
    (["idiom", "ambiguous", "hard_negative", "no_accents"], False, CALM),
    # Ambiguous distress alone (exhaustion, "je n'en peux plus") teaches the question.
    (["ambiguous"], False, AMBIGUOUS),
    (["ambiguous", "dictation", "second_turn"], False, AMBIGUOUS),
    # Hard negatives and idioms alone stay calm.
    (["hard_negative"], False, CALM),
    (["idiom", "sms"], False, CALM),
    # A warning sign keeps its category; a conversation with no distress expectation teaches nothing.
    (["sign:burden", "ambiguous"], True, "burden"),
    (["sign:farewell"], True, "farewell"),
    (["ambiguous", "hard_negative"], None, None),
    (["ordinary"], False, None),
]


@pytest.mark.parametrize("tags, distress, label", CASES)
def test_each_conversation_teaches_its_label(tags, distress, label):
    expect = {} if distress is None else {"distress": distress}
    assert SCRIPT.label_of({"id": "x", "turns": ["..."], "tags": tags, "expect": expect}) == label
