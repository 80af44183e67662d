"""Round 26: "J'ai reçu un SMS de l'URSSAF qui me demande de payer par lien, c'est une arnaque ?" was read as an URSSAF
debt: the triage noted "cotisations sociales" and the guidance offered the URSSAF payment plan and the ACED. The answer
says how to check such a message (never through the link; in one's own URSSAF space; the URSSAF never asks for bank
details or a password by e-mail or phone: its advice on fraud attempts, and the Sécurité sociale des indépendants' page
on scams), and no URSSAF debt is triaged from it.

Over real trackers (Tracker.from_dict, CollectingDispatcher); several voices.
"""

from __future__ import annotations

import pytest

from actions.intake_actions import ActionAcknowledgeSituation
from actions.service_answers import service_question_text
from actions.triage_actions import messages_for_triage
from intake.service_questions import URSSAF_SCAM_CHECK, asks_if_urssaf_message_is_a_scam
from tests.support.trackers import bot, run, texts, tracker, user
from triage import assess

ASKED = [
    "J'ai reçu un SMS de l'URSSAF qui me demande de payer par lien, c'est une arnaque ?",
    "jai recu un sms urssaf avec un lien pour payer 312 euros c une arnak ou pas",
    "euh bonjour... l'urssaf m'a envoyé un mail, faut cliquer sur le lien pour régler, c'est vraiment eux ?",
    "j'ai un message de l'URSSAF qui dit de payer par un lien sinon majoration point c'est normal point d'interrogation",
    "j'ai reçu un SMS de l'URSSAF qui me demande de payer 450 euros par un lien. C'est une arnaque ?",
    "un texto soi disant de l'urssaf, ca a l'air louche",
]
NOT_ASKED = [
    "l'urssaf m'a envoyé un mail pour ma dette de 3000 euros",
    "c'est une arnaque ce site ?",
    "mon fournisseur m'a arnaqué, l'urssaf me réclame 2000 euros",
    "j'ai payé l'urssaf en ligne sur mon espace",
    "l'urssaf me relance par courrier, je peux pas payer",
]


@pytest.mark.parametrize("words", ASKED)
def test_a_doubtful_urssaf_message_is_recognised(words):
    assert asks_if_urssaf_message_is_a_scam(words)


@pytest.mark.parametrize("words", NOT_ASKED)
def test_an_urssaf_debt_or_another_doubt_is_not_a_scam_question(words):
    assert not asks_if_urssaf_message_is_a_scam(words)


def test_the_answer_says_how_to_check_in_three_sentences():
    assert "Ne cliquez pas sur ce lien" in URSSAF_SCAM_CHECK
    assert "votre espace sur urssaf.fr" in URSSAF_SCAM_CHECK
    assert "secu-independants.fr/cpsti/actualites/arnaques" in URSSAF_SCAM_CHECK
    assert URSSAF_SCAM_CHECK.count(". ") <= 2
    assert " tu " not in f" {URSSAF_SCAM_CHECK} "


@pytest.mark.parametrize("words", ASKED)
def test_no_urssaf_debt_is_triaged_from_the_question(words):
    said = messages_for_triage([user(words)])
    assessment = assess(said, situation={})
    assert "cotisations_sociales" not in assessment.categories, assessment.categories


def test_a_real_urssaf_debt_said_beside_is_still_triaged():
    words = "j'ai reçu un SMS de l'URSSAF avec un lien, c'est une arnaque ? Par contre je dois vraiment 4000 euros de TVA aux impôts."
    assessment = assess(messages_for_triage([user(words)]), situation={})
    assert "impots" in assessment.categories
    assert "cotisations_sociales" not in assessment.categories


@pytest.mark.parametrize("words", ASKED)
def test_the_first_message_gets_the_check_and_no_intake(words):
    dispatcher, events = run(ActionAcknowledgeSituation(), tracker([user(words)]))
    said = texts(dispatcher)
    assert said[0] == URSSAF_SCAM_CHECK, said
    assert not any("Si je comprends bien" in text for text in said), said
    assert any(event.get("event") == "followup" and event.get("name") == "action_listen" for event in events), events


@pytest.mark.parametrize("words", ASKED[:3])
def test_asked_later_in_the_conversation_it_is_answered(words):
    current = tracker(
        [user("je suis plombier, la banque a coupé mon découvert"), bot("Depuis quand ?"), user(words)],
        slots={"difficulty_categories": ["banque"]},
    )
    assert service_question_text(current, words) == URSSAF_SCAM_CHECK


@pytest.mark.parametrize("words", NOT_ASKED)
def test_other_words_get_no_scam_answer(words):
    current = tracker([user(words)], slots={"difficulty_categories": ["cotisations_sociales"]})
    assert service_question_text(current, words) != URSSAF_SCAM_CHECK
