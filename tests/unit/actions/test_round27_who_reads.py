"""Round 27 (r27-b-18, r27-b-03, talk-b B17): "qui a accès à mes infos ?" got "Je n'ai pas bien compris, pardon".

Who reads what is written here, asked of no body in particular, is answered as the software does it: only the
chamber's advisors, only with the person's agreement; a relative clause about someone's own things is no such question.
"""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.intake_actions import ActionHandleMisunderstanding
from actions.service_answers import service_question_text
from intake.answers import asks_who_reads
from intake.service_questions import WHO_READS
from tests.support.trackers import bot, run, tracker, user

ASKED = [
    "bonjour, qui a acces a mes infos exactement ?",
    "ok mais qui le lit ? le patron de la chambre ?",
    "Qui est-ce qui lit ce que j’écris ?",
    "jvoulais savoir qui lit mes messages",
    "qui va voir ce que je vous ecris ?",
    "c lu par qui ?",
    "Madame, qui aura accès à ces informations ?",
    "euh... qui ça lit ?",
]
NEAR_MISSES = [
    "mon comptable qui lit mes courriers m a dit de vous ecrire",
    "le client qui a acces au chantier a tout casse",
    "qui a acces a mon compte en banque, l huissier ?",
    "je sais pas qui a raison",
]


@pytest.mark.parametrize("words", ASKED)
def test_who_reads_is_read(words: str) -> None:
    assert asks_who_reads(words)
    assert service_question_text(tracker([bot("Bonjour."), user(words)], {}), words) == WHO_READS


@pytest.mark.parametrize("words", NEAR_MISSES)
def test_near_misses_are_not(words: str) -> None:
    assert not asks_who_reads(words)


def test_not_understood_no_more() -> None:
    words = "bonjour, qui a acces a mes infos exactement ?"
    dispatcher, _ = run(ActionHandleMisunderstanding(), tracker([bot("Bonjour."), user(words)], {}))
    said = [message.get("text") or "" for message in dispatcher.messages]
    assert said[0] == WHO_READS
    assert not any("pas bien compris" in text for text in said)


def test_the_answer_is_short_and_names_no_one_else() -> None:
    assert WHO_READS.count(". ") + 1 <= 3
    assert "conseillers de la chambre" in WHO_READS


@pytest.mark.parametrize(
    "words",
    [
        "est ce que je peux tout effacer apres ? et qui a acces a mes infos exactement ?",
        "bonjour. si je vous parle de ma situation, je pourrai tout supprimer apres ? et c lu par qui ?",
    ],
)
def test_erasing_and_who_reads_asked_together_both_answered(words: str) -> None:
    from actions.erasure_actions import offer_erasure
    from intake.service_questions import WHO_READS_ONLY

    dispatcher = CollectingDispatcher()
    offer_erasure(dispatcher, tracker([bot("Bonjour."), user(words)], {}))
    said = [message.get("text") or "" for message in dispatcher.messages]
    assert said[0].startswith("Oui.")
    assert said[-1] == WHO_READS_ONLY


def test_erasing_asked_alone_names_no_reader() -> None:
    from actions.erasure_actions import offer_erasure
    from intake.service_questions import WHO_READS_ONLY

    dispatcher = CollectingDispatcher()
    offer_erasure(dispatcher, tracker([bot("Bonjour."), user("je pourrai tout effacer apres ?")], {}))
    assert WHO_READS_ONLY not in [message.get("text") for message in dispatcher.messages]
