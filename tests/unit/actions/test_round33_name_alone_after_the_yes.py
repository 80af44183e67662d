"""Round 33 (r33-j): "oui rappelez moi moi, Nadia" at the callback offer, a wife writing for her husband: the yes was
read, the name was not (the case had no name, and none was asked after the consent). A capitalised first name said
alone last, after a comma, is the name said with the yes; a town or a word of time there is not."""

from __future__ import annotations

import pytest

from actions.handoff import name_after_yes
from tests.support.handoff_form import validate


@pytest.mark.parametrize(
    "words, name",
    [
        ("oui rappelez moi moi, Nadia", "Nadia"),
        ("ok appelez-moi, Jean-Marc", "Jean-Marc"),
        ("d'accord, rappelez moi plutôt moi ; Ophélie", "Ophélie"),
        ("oui rappelez moi, demain", None),
        ("oui merci, Lyon", None),
        ("oui rappelez moi, nadia", None),  # no capital: too close to a word to be read as a name
    ],
)
def test_a_name_alone_last_after_the_yes(words, name):
    assert name_after_yes(words, []) == name


def test_at_the_offer_the_name_is_kept_with_the_yes():
    _, slots = validate("wants_advisor", "oui rappelez moi moi, Nadia", {"wants_advisor": True}, intent="affirm")
    assert slots["wants_advisor"] is True
    assert slots.get("contact_name") == "Nadia"
