"""Round 27 (talk-a D26, r27-a-19): whether it stays secret, asked before anything is told, is answered.

"bonjour c'est pour savoir si l'urssaf aura accès a ce que je vous ecris" as the first message got "vous vous renseignez
par anticipation, concernant vos cotisations sociales" and "Quel est votre métier ?"; "et la chambre va le dire a mon
banquier ?" got the Médiation du crédit and a bank difficulty. Two things were wrong: the one reader of "will a body
learn it" (intake.asked_back.asks_if_a_body_learns) missed a body's access ("aura accès à ce que j'écris") and the chamber
or its advisor as the one who tells; and a question about secrecy asked before any difficulty was never answered (the
acknowledgement answers questions past the first message only, and a short one got "Je vous écoute.").
"""

from __future__ import annotations

import pytest

from actions.intake_actions import ActionAcknowledgeSituation
from actions.service_answers import TELL_WHAT_BRINGS_YOU
from actions.triage_actions import ValidateTriageSlots
from intake.asked_back import asks_if_a_body_learns
from intake.service_questions import NO_AUTHORITY_TOLD, NO_BANK_TOLD
from tests.support.trackers import bot, run, slot_events, tracker, user

WELCOME = "Bonjour, je suis l'assistant automatique de la chambre."
BANK = NO_BANK_TOLD[:40]
URSSAF = NO_AUTHORITY_TOLD[:40]
TAXES = "Non : la chambre ne prévient pas les impôts"

# words, the answer's start, categories the question must never give
ASKED = [
    ("bonjour c'est pour savoir si l'urssaf aura accès a ce que je vous ecris", URSSAF, {"cotisations_sociales"}),
    ("et la chambre va le dire a mon banquier ?", BANK, {"banque"}),
    # Paraphrases: SMS, no accents, formal, hesitant.
    ("jvoulais savoir si l urssaf aura acces a ce que jecris", URSSAF, {"cotisations_sociales"}),
    ("est-ce que les impots auront acces a mes messages ?", TAXES, {"impots"}),
    ("l'urssaf peut avoir accès à ce que j'écris ici ?", URSSAF, {"cotisations_sociales"}),
    ("euh... la banque a accès à cette conversation ?", BANK, {"banque"}),
    ("la cma va prevenir mon banquier ?", BANK, {"banque"}),
    ("Madame, la chambre transmettra-t-elle ces informations à ma banque ?", BANK, {"banque"}),
    ("le conseiller il va le dire aux impots ?", TAXES, {"impots"}),
    ("vous allez dire a mon banquier que je vous ai ecrit ?", BANK, {"banque"}),
]
IDS = [row[0][:40] for row in ASKED]

# A body's own business, or a request that the advisor speak for the artisan: no question about secrecy.
NEAR_MISSES = [
    "la banque a acces a mes comptes",
    "l'urssaf a accès à mon compte bancaire ?",
    "les impots ont accès à mon compte pro ?",
    "la chambre peut appeler ma banque pour moi ?",
    "ma banque va dire oui ?",
    "le conseiller peut dire a ma banque de patienter",
]


def _first(words: str) -> tuple[dict, list[str], list[dict]]:
    events = [bot(WELCOME), user(words)]
    _, produced = run(ValidateTriageSlots(), tracker(events, {}))
    slots = slot_events(produced)
    events += [{"event": "slot", "name": k, "value": v} for k, v in slots.items()]
    dispatcher, said = run(ActionAcknowledgeSituation(), tracker(events, slots))
    return slots, [m.get("text") or "" for m in dispatcher.messages], said


@pytest.mark.parametrize("words, wanted, never", ASKED, ids=IDS)
def test_the_reader_reads_access_and_the_chamber_telling(words, wanted, never):
    assert asks_if_a_body_learns(words)


@pytest.mark.parametrize("words, wanted, never", ASKED, ids=IDS)
def test_asked_first_it_is_answered_and_no_difficulty_is_made(words, wanted, never):
    slots, said, events = _first(words)
    assert not set(slots.get("difficulty_categories") or []) & never
    assert said[0].startswith(wanted), said
    assert said[-1] == TELL_WHAT_BRINGS_YOU
    assert not any("anticipation" in text or "métier" in text for text in said), said
    assert {"event": "followup", "timestamp": None, "name": "action_listen"} in events


@pytest.mark.parametrize("words", NEAR_MISSES)
def test_a_body_s_own_business_is_not_read_as_the_question(words):
    assert not asks_if_a_body_learns(words)


def test_asked_with_a_difficulty_in_the_first_message_both_are_heard():
    slots, said, _ = _first("bonjour, j'ai 2 trimestres de retard urssaf. l'urssaf aura accès a ce que je vous ecris ?")
    assert "cotisations_sociales" in slots["difficulty_categories"]
    assert said[0].startswith("Si je comprends bien")
    assert any(text.startswith(URSSAF) for text in said), said


def test_the_way_in_is_said_once():
    events = [
        bot(WELCOME),
        user("bonjour c'est pour savoir si l'urssaf aura accès a ce que je vous ecris"),
        bot(NO_AUTHORITY_TOLD),
        bot(TELL_WHAT_BRINGS_YOU),
        user("et la chambre va le dire a mon banquier ?"),
    ]
    dispatcher, _ = run(ActionAcknowledgeSituation(), tracker(events, {}))
    said = [m.get("text") or "" for m in dispatcher.messages]
    assert said == [NO_BANK_TOLD]
