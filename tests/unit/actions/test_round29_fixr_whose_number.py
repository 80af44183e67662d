"""Round 29, talker b (fixr): whose number it is, over real trackers, the real handoff form and a real case store.

- r29-b-01: a wife writing for her husband at risk, "oui je veux bien qu'on le rappelle mais c'est moi qu'il faut
  appeler d'abord, 0692 ...": her number was announced ("appelle votre mari") and filed as his, the man at risk who does
  not know she wrote. The writer who asks to be called first gives her own number, whatever pronoun names him beside.
Sentences of our own, and near misses that must not change.
"""

from __future__ import annotations

import pytest

from actions.handoff_actions import NUMBER_IS_A_YES, NUMBER_OF_RELATIVE
from tests.support.action_services import stored_cases
from tests.support.handoff_form import answered_at, case_finished
from tests.support.trackers import texts, user

FIRST = "bonsoir je suis la compagne de Hervé, il est ébéniste, il dit qu'il est fatigué de tout, la banque le lâche"

WRITER_FIRST = [
    "oui d'accord qu'on le rappelle, mais il faut m'appeler moi avant, 06 11 22 33 44",
    "qu'on l'appelle oui, mais c'est à moi qu'il faut téléphoner en premier : 06 11 22 33 44",
    "oui, vous pouvez me joindre au 06 11 22 33 44, et lui ensuite",
]
HIS = [
    "oui qu'on le rappelle, 06 11 22 33 44, il m'appelle plus depuis lundi",
    "vous pouvez l'appeler lui ? 06 11 22 33 44",
]


def _said_at_the_offer(words: str) -> list[str]:
    dispatcher, _ = answered_at("wants_advisor", words, "affirm", [user(FIRST)], ["banque"], "")
    return texts(dispatcher)


@pytest.mark.parametrize("words", WRITER_FIRST)
def test_the_writer_asking_to_be_called_first_gives_her_own_number(words):
    said = _said_at_the_offer(words)
    assert NUMBER_IS_A_YES in said
    assert not any(
        text.startswith("Merci, je comprends que vous voulez qu'un conseiller appelle votre") for text in said
    )


@pytest.mark.parametrize("words", HIS)
def test_his_number_given_by_a_pronoun_stays_his(words):
    said = _said_at_the_offer(words)
    assert NUMBER_OF_RELATIVE.format(who="votre compagnon") in said


def test_the_case_calls_the_writer_first_not_the_person_at_risk():
    case_finished([FIRST, WRITER_FIRST[0]], "fixr-whose-number")
    [case] = stored_cases()
    assert "celui de sa compagne" in case.summary
    assert "celui de son compagnon" not in case.summary


# r29-b-10: a secretary writing for her boss, "qu'on rappelle M. Leandri sur son portable 06 ...": his mobile was filed
# as the secretary's own number while the bot told her "votre proche".
SECRETARY = "Bonjour, je suis la secrétaire de Mme Casta, fleuriste à Calvi. L'URSSAF lui réclame 12 000 euros."


@pytest.mark.parametrize(
    "words",
    [
        "oui, qu'on rappelle Mme Casta sur son portable, 06 11 22 33 44",
        "oui appelez-la directement sur son mobile 06 11 22 33 44",
    ],
)
def test_the_boss_mobile_given_by_the_secretary_is_the_boss(words):
    dispatcher, _ = answered_at("wants_advisor", words, "affirm", [user(SECRETARY)], ["cotisations_sociales"], "")
    assert NUMBER_OF_RELATIVE.format(who="votre patronne") in texts(dispatcher)


def test_the_case_files_the_boss_mobile_as_hers():
    from actions.handoff import build_case_draft

    lines = [SECRETARY, "oui, qu'on rappelle Mme Casta sur son portable, 06 11 22 33 44", "oui", "Sophie"]
    draft = build_case_draft(
        conversation_id="fixr-secretary",
        reference="RL-FIXR01",
        chamber_id="cma-test",
        slots={
            "difficulty_categories": ["cotisations_sociales"],
            "urgency": "normale",
            "consent_given": True,
            "contact_name": "Sophie",
            "phone": "+33611223344",
        },
        situation={},
        transcript=[{"sender": "artisan", "text": line} for line in lines],
        consent_version="v1",
    )
    assert "celui de sa patronne" in draft.summary
    assert "celui de sa secrétaire" not in draft.summary


def test_the_secretary_own_number_stays_hers():
    dispatcher, _ = answered_at(
        "wants_advisor", "oui, mon portable c'est le 06 11 22 33 44", "affirm", [user(SECRETARY)], ["banque"], ""
    )
    assert NUMBER_IS_A_YES in texts(dispatcher)
