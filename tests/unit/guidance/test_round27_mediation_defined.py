"""Round 27 (talk-a D3, r27-a-01, r27-a-10, r27-a-21): "c quoi une mediation ?" is answered with what a mediation is.

"c quoi une mediation ? mon comptable m'en a parlé" at the callback offer got what the assistant can do in general;
"et c'est quoi une mediation" at the deadline question got "D'accord, passons cette question."; only "la médiation du
crédit" had a definition. The glossary (read by the definition guard, answered by action_answer_faq at any point) has
the word alone now; the named mediations keep their own definitions.
"""

from __future__ import annotations

import pytest

from actions.faq_actions import ActionAnswerFaq
from guidance.glossary import definition_answer, term_asked
from tests.support.trackers import bot, run, texts, tracker, user

ASKED = [
    "c quoi une mediation ? mon comptable m'en a parlé",
    "et c'est quoi une mediation",
    "et une mediation tout court c quoi ?",
    "Qu'est-ce qu'une médiation, s'il vous plaît ?",
    "euh une médiation ça veut dire quoi",
    "un mediateur c'est qui ?",
    "mediation ?",
]
# The named ones keep their own definition; a wish for a mediation asks no definition.
NAMED = [
    ("et c'est quoi la mediation du credit exactement", "mediation_credit"),
    ("c'est quoi le mediateur des entreprises", "mediateur_entreprises"),
    ("je veux une mediation avec ma banque", None),
    ("la mediation du credit m'a rappelé hier", None),
]


@pytest.mark.parametrize("words", ASKED)
def test_the_word_alone_is_defined(words):
    found = term_asked(words)
    assert found is not None and found.id == "mediation"
    text = definition_answer(found.id, words) or ""
    assert text.startswith("Une médiation, c'est")
    assert "gratuits et confidentiels" in text
    assert text.count(".") <= 3


@pytest.mark.parametrize("words, wanted", NAMED)
def test_the_named_mediations_keep_their_own(words, wanted):
    found = term_asked(words)
    assert (found.id if found else None) == wanted


@pytest.mark.parametrize(
    "active_loop, pending", [(None, None), ("situation_form", "deadline"), ("handoff_form", "wants_advisor")]
)
def test_answered_at_any_question(active_loop, pending):
    message = user("c quoi une mediation ? mon comptable m'en a parlé", "faq")
    message["parse_data"]["response_selector"] = {
        "default": {"response": {"intent_response_key": "faq/what_can_you_do"}}
    }
    current = tracker(
        [user("l'urssaf me relance"), bot("Avez-vous une échéance proche ?"), message],
        {"difficulty_categories": ["cotisations_sociales"]},
    )
    current.latest_message["response_selector"] = message["parse_data"]["response_selector"]
    current.latest_message["definition"] = "mediation"
    if active_loop:
        current.active_loop = {"name": active_loop}
        current.slots["requested_slot"] = pending
    dispatcher, _ = run(ActionAnswerFaq(), current)
    said = texts(dispatcher)
    assert said and said[0].startswith("Une médiation, c'est"), said
