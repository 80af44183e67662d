"""One list of hesitation sounds before a yes or a no (french.words.FILLERS), read by every intake reader of an
answer's opening: a row per sound for each of them, so that a sound heard before one kind of answer is heard before
the others too. The words each reader takes besides (a connective like "alors") stay its own."""

from __future__ import annotations

import re

import pytest

from french.words import FILLERS
from intake.answers import (
    NO,
    YES,
    kind as answer_kind,
    no_to_another_question,
    without_opening_filler,
    yes_for_the_call,
)
from intake.facts import says_no_first, says_no_to
from intake.offer_replies import corrects_what_was_understood, no_with_a_plan

# As typed: the sound drawn out or not. "euhhh", "heu", "heuu", "hmm" were missing from some of the readers.
SOUNDS = ("euh", "euhhh", "heu", "heuu", "hm", "hmm", "bah", "ben", "bon", "ah", "oh")


@pytest.mark.parametrize("sound", SOUNDS)
def test_the_shared_list_holds_the_sound(sound):
    assert re.fullmatch(FILLERS, sound)


@pytest.mark.parametrize("word", ["alors", "bonjour", "benne", "oui", "non", "bof", "enfin", "ahh"])
def test_the_shared_list_holds_no_other_word(word):
    assert not re.fullmatch(FILLERS, word)


@pytest.mark.parametrize("sound", SOUNDS)
def test_says_no_to_after_the_sound(sound):
    assert says_no_to("employees", f"{sound} non pas de salarié")
    assert says_no_to("deadline", f"{sound}, aucune échéance")


@pytest.mark.parametrize("sound", SOUNDS)
def test_says_no_first_after_the_sound(sound):
    assert says_no_first(f"{sound} non pas de date, mais le fournisseur menace")


@pytest.mark.parametrize("sound", SOUNDS)
def test_no_to_a_fact_after_the_sound(sound):
    assert no_to_another_question(f"{sound} non pas de salarié")


@pytest.mark.parametrize("sound", SOUNDS)
def test_answer_kind_after_the_sound(sound):
    assert answer_kind(f"{sound} non merci") == NO
    assert answer_kind(f"{sound} oui d'accord") == YES


@pytest.mark.parametrize("sound", SOUNDS)
def test_yes_for_the_call_after_the_sound(sound):
    assert yes_for_the_call(f"{sound} oui je veux un conseiller")


@pytest.mark.parametrize("sound", SOUNDS)
def test_opening_filler_dropped_after_the_sound(sound):
    assert without_opening_filler(f"{sound} le crédit de 5000") == "le crédit de 5000"


@pytest.mark.parametrize("sound", SOUNDS)
def test_offer_replies_after_the_sound(sound):
    assert no_with_a_plan(f"{sound} non merci, je vais chercher de mon côté")
    assert corrects_what_was_understood(f"{sound} non je parle de l'huissier, pas de vous")


# Only the sounds are shared: a reader that took a connective besides ("alors") still does, and one that did not still
# does not (no reader was loosened beyond the sounds).
def test_what_each_reader_takes_besides_stays_its_own():
    assert no_to_another_question("alors non pas de salarié")
    assert answer_kind("alors non merci") == NO
    assert not says_no_to("employees", "alors pas de salarié")
    assert not says_no_first("alors pas de date")
