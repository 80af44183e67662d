"""The yes that opens a name given at the consent (``_YES_FIRST``) is read after the same hesitation sounds as every
intake reader (french.words.FILLERS): a row per sound. Its own lead-ins ("alors", "allez", "enfin") stay its own."""

from __future__ import annotations

import pytest

from actions.handoff import name_after_a_yes_then_more, name_after_yes

# As typed: the sound drawn out or not. "euhhh", "heu", "heuu", "hm", "hmm", "ah", "oh" were missing here.
SOUNDS = ("euh", "euhhh", "heu", "heuu", "hm", "hmm", "bah", "ben", "bon", "ah", "oh")


@pytest.mark.parametrize("sound", SOUNDS)
def test_name_after_yes_after_the_sound(sound):
    assert name_after_yes(f"{sound} oui, c'est Laurent") == "Laurent"


@pytest.mark.parametrize("sound", SOUNDS)
def test_name_after_a_yes_then_more_after_the_sound(sound):
    assert name_after_a_yes_then_more(f"{sound} ok Mathis, mais pas de mail") == "Mathis"


@pytest.mark.parametrize("lead_in", ["alors", "eh bien", "allez", "enfin", "finalement"])
def test_its_own_lead_ins_stay(lead_in):
    assert name_after_yes(f"{lead_in} oui, c'est Laurent") == "Laurent"
