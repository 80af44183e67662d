"""Loading the rule tables: a wrong pattern is named, though each table is compiled as one alternation."""

from __future__ import annotations

import pytest

from triage.rules import _cues, category_titles, rules


def test_a_bad_pattern_is_named_with_its_rule():
    with pytest.raises(ValueError, match=r"tresorerie\.patterns: bad pattern 'dette\(\(s'"):
        _cues("tresorerie", {"patterns": ["impaye", "dette((s", "decouvert"]})


def test_good_patterns_make_one_alternation_per_kind():
    cues = _cues("tresorerie", {"patterns": ["impaye", "decouvert"], "weak": ["banque"]})
    assert [(cue.negatable, cue.weak) for cue in cues] == [(True, False), (True, True)]
    assert cues[0].regex.search("un decouvert refuse") and not cues[0].regex.search("decouverte")


def test_the_titles_without_compiling_are_the_rules_titles():
    assert category_titles() == {code: category.title for code, category in rules().categories.items()}
