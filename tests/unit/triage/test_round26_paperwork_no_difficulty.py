"""Round 26 (r26a-03): « … je suis mort de fatigue après 12h de chantier et le soir je fais les devis » added
baisse_activite, the learned model's reading of « devis » (and « avant »). The artisan's own paperwork done as a routine is
work, no lack of it; a lack of work said beside it is still read. Sentences in other words than the conversation's."""

from __future__ import annotations

import pytest

from triage import assess

_SAID = "la boite va crever si ça continue, je suis mort de fatigue après 12h de chantier et le soir je fais les devis"


@pytest.mark.parametrize(
    "words",
    [
        f"attendez avant, {_SAID}",  # as typed
        f"attendez avant, {_SAID}".replace("ça", "ca").replace("après", "apres"),  # no accents
        f"attendez avant {_SAID}".replace(",", ""),  # dictated, no punctuation
        f"attendez avant, {_SAID}".replace("je suis", "jsuis").replace("je fais", "jfais"),  # SMS
        f"euh attendez avant, {_SAID}",  # hesitation
    ],
)
def test_paperwork_done_is_no_lack_of_work(words: str) -> None:
    assert "baisse_activite" not in assess([words]).categories


@pytest.mark.parametrize(
    "words",
    [
        # Near misses that must not change: routine paperwork alone stays calm.
        "le soir je fais les devis",
        "je fais mes devis le dimanche, en semaine je suis sur les toits",
        "le soir jprepare mes devis",
    ],
)
def test_near_miss_routine_paperwork_stays_no_difficulty(words: str) -> None:
    assert assess([words]).categories == ()


@pytest.mark.parametrize(
    "words",
    [
        # Near misses: the lack of work said, with or beside the quotes, stays read.
        "plus aucun devis signé depuis septembre",
        "les clients refusent tous mes devis",
        "je fais les devis mais plus personne ne signe",
        "j'envoie des devis mais personne signe",
    ],
)
def test_near_miss_quotes_not_signed_are_still_a_lack_of_work(words: str) -> None:
    assert "baisse_activite" in assess([words]).categories
