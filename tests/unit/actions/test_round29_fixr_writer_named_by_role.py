"""Round 29, talker b (fixr): the writer who says who they are as the message opens, over the real acknowledgement
action and a real case store.

- r29-b-45: "bonjour c'est sa femme. mon mari est boulanger à Ajaccio, la banque nous a dénoncé le prêt" was read as
  the baker's own words ("vous faites face"), and the case had no "Écrit par un proche" line. Only "je suis sa femme"
  was known; "c'est sa femme", "c son fils" said as a sentence of their own say the same.
Sentences of our own, and near misses that must not change.
"""

from __future__ import annotations

import pytest

from actions.intake_actions import ActionAcknowledgeSituation
from tests.support.action_services import stored_cases
from tests.support.handoff_form import case_finished
from tests.support.trackers import run, texts, tracker, user


def _restatement(first: str) -> str:
    slots = {"difficulty_categories": ["banque"], "urgency": "normale", "distress": False, "triage_reasons": {}}
    said = texts(run(ActionAcknowledgeSituation(), tracker([user(first)], slots=slots))[0])
    return next(text for text in said if "Si je comprends bien" in text)


@pytest.mark.parametrize(
    "first, who",
    [
        ("bonsoir c'est sa femme. mon mari est carreleur à Bastia, la banque lui coupe tout", "votre mari"),
        ("Bonjour, c'est son fils : mon père a un garage à Corte et la banque a bloqué le compte", "votre père"),
        ("c sa fille. ma mere est coiffeuse, la banque veut plus la suivre", "votre mère"),
    ],
)
def test_the_writer_saying_whose_relative_they_are_speaks_for_them(first, who):
    assert f"Si je comprends bien, {who} fait face" in _restatement(first)


@pytest.mark.parametrize(
    "first",
    [
        # Someone else's wife or son, told of by the artisan: the artisan writes.
        "mon salarié est malade, c'est sa femme qui m'a prévenu, et la banque me coupe le découvert",
        "je suis boulanger, c'est son fils qui reprend la boutique d'à côté, la banque me relance",
    ],
)
def test_a_wife_or_son_told_of_is_no_writer(first):
    assert "Si je comprends bien, vous faites face" in _restatement(first)


def test_the_case_says_who_wrote():
    case_finished(["bonsoir c'est sa femme. mon mari est carreleur à Bastia, la banque lui coupe tout"], "fixr-role")
    [case] = stored_cases()
    assert "Écrit par un proche : son épouse" in case.summary
