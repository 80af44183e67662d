"""Round 25 (talker B): a message that gives a name, an e-mail address or a number is no distress evidence, whatever the
learned classifier reads in it; a sign said beside it, or any word of strain, still counts. Sentences of our own beside
the talker's, in several voices (SMS, no accents, typos, dictation).

- s25b-01: "et moi c'est Didier si jamais" after the case confirmation got "est-ce qu'il vous arrive de penser au
  suicide ?" (crisis guard: express_overwhelm, level 3, model:ambiguous).
- s25b-18: "et moi c'est Gérard si jamais, Gégé c'est pour les copains": the same.
- s25b-03: "oui d'accord mais par mail alors : sandrine.hoarau974@example.fr, c'est moi sa fille qui lirai" at the
  consent: "craignez-vous que votre père pense au suicide ?".
"""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.components.crisis_guard import CrisisGuard
from triage import assess
from triage.distress import AMBIGUOUS, find_signs

CONTACTS = [
    "et moi c'est Didier si jamais",  # s25b-01
    "et moi c'est Gérard si jamais, Gégé c'est pour les copains",  # s25b-18
    "oui d'accord mais par mail alors : sandrine.hoarau974@example.fr, c'est moi sa fille qui lirai",  # s25b-03
    "Et moi, c'est Didier, si jamais.",
    "et moi cest gerard si jamais",
    "moi c didier si jamé",
    "et moi c est Didier si jamais point",  # dictated: the classifier read it as finality (level 2)
    "et moi virgule c'est Gérard si jamais",
    "au fait moi c Didier",
    "jm appelle didier au fait",
    "mon prenom cest Francine",
]


@pytest.mark.parametrize("words", CONTACTS)
def test_a_name_an_address_or_a_number_is_no_sign(words):
    assert find_signs(words) == []
    assessment = assess(["l'urssaf me reclame 8000 euros", words])
    assert assessment.distress_level is None and not assessment.distress


@pytest.mark.parametrize("words", CONTACTS)
def test_the_crisis_guard_asks_no_question_about_suicide_for_a_contact(words):
    # The intent classifier's own reading (express_overwhelm at 1.0, as in s25b-18) gives way to its next guess.
    message = Message(data={"text": words})
    ranking = [{"name": "express_overwhelm", "confidence": 1.0}, {"name": "inform", "confidence": 0.0}]
    message.set("intent", ranking[0])
    message.set("intent_ranking", ranking)
    CrisisGuard({"classifier_only_threshold": 0.85}).process([message])
    assert message.get("intent")["name"] == "inform"


# Real distress, with or without a contact detail beside it, still gets the question (or the crisis path).
DISTRESS = [
    ("je suis épuisé, j'en peux plus", AMBIGUOUS),
    ("je suis epuise jen peux plus", AMBIGUOUS),
    ("moi c'est Didier et j'en peux plus", AMBIGUOUS),
    ("je suis à bout, moi c est Didier", AMBIGUOUS),
    ("moi c est didier, je veux plus etre la", AMBIGUOUS),
    ("06 12 34 56 78, je veux en finir", 1),
]


@pytest.mark.parametrize("words, level", DISTRESS)
def test_distress_beside_a_contact_still_counts(words, level):
    signs = find_signs(words)
    assert signs and signs[0].level <= level
