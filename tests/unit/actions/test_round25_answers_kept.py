"""Round 25 (talker A): an answer changed by a later message that answered another question. s25a-12: "depuis
septembre" became "en mars", the month the observation period ends, said at the deadline question (which was asked
again: "finit en mars" was not read as the deadline); s25a-14: the salaries due on 31 December became "novembre", a
month named in the answer about debts. A slot answered is only changed by an answer to its own question or an explicit
correction. Real trackers, several voices."""

from __future__ import annotations

import pytest

from actions.triage_actions import ValidateTriageSlots
from tests.support.trackers import bot, run, slot_events, tracker, user

QUESTIONS = {
    "deadline": "Avez-vous une échéance proche, comme une audience, une saisie ou des salaires à payer ? Si oui, à quelle date ?",
    "creditors": "Devez-vous de l'argent à quelqu'un aujourd'hui (URSSAF, impôts, banque, fournisseurs) ? Si oui, environ combien ?",
    "legal_form": "Sous quelle forme votre entreprise est-elle enregistrée ?",
}


def _answered(first: str, known: dict, asked: str, words: str, intent: str, tagged: dict) -> list[dict]:
    return [
        user(first),
        *({"event": "slot", "name": name, "value": value} for name, value in known.items()),
        {"event": "slot", "name": "requested_slot", "value": asked},
        bot(QUESTIONS[asked]),
        user(words, intent, [{"entity": "date", "value": value} for value in tagged.values()]),
        *({"event": "slot", "name": name, "value": value} for name, value in tagged.items()),
    ]


LENS = "bonsoir jsuis couvreur dans le 62 a Lens. le juge a mis la boite en redressement judiciaire en septembre"
ENDS_IN_MARCH = [
    "la periode d'observation finit en mars je crois",
    "la période d'observation se termine en mars",
    "ca s'arrete en mars normalement",
    "l'observation elle finit en mars",
    "la période d'observation finit en mars virgule je crois point",
]


@pytest.mark.parametrize("words", ENDS_IN_MARCH)
def test_since_when_stays_when_the_deadline_names_a_month(words):
    known = {"since_when": "en septembre", "departement": "62"}
    current = tracker(
        _answered(LENS, known, "deadline", words, "describe_situation", {}),
        slots={**known, "requested_slot": "deadline"},
        active_loop="situation_form",
    )
    _, events = run(ValidateTriageSlots(), current)
    assert slot_events(events).get("since_when", "en septembre") == "en septembre"


CAYENNE = (
    "Bonjour, je suis prothésiste dentaire à Cayenne. Mon associé est parti avec la caisse en octobre. Je dois payer "
    "les 2 salariées le 31 et je n'ai plus rien."
)


@pytest.mark.parametrize(
    "words, tagged",
    [
        ("le loyer du labo de novembre et décembre, 2600 en tout. et l'urssaf du trimestre", "novembre"),
        ("le loyer de novembre 1300", "novembre"),
        ("loyer d'octobre et novembre pas payé + urssaf", "novembre"),
        ("l'urssaf depuis mars, 4000 a peu pres", "mars"),
        ("les fournisseurs, la facture de janvier prochain aussi", "janvier"),
    ],
)
def test_the_deadline_stays_when_the_debts_name_a_month(words, tagged):
    known = {"deadline": "le jeudi 31 décembre", "since_when": "en octobre", "departement": "973"}
    current = tracker(
        _answered(CAYENNE, known, "creditors", words, "describe_situation", {"deadline": tagged}),
        slots={**known, "requested_slot": "creditors", "deadline": tagged},
        active_loop="situation_form",
    )
    _, events = run(ValidateTriageSlots(), current)
    slots = slot_events(events)
    assert slots.get("deadline", tagged) == "le jeudi 31 décembre"
    assert slots.get("since_when", "en octobre") == "en octobre"


@pytest.mark.parametrize(
    "words, slot, expected",
    [
        ("pardon je me suis trompée, c'est depuis novembre", "since_when", "depuis novembre"),
        ("non en fait les salaires c'est le 15 janvier", "deadline", "15 janvier"),
    ],
)
def test_an_explicit_correction_still_changes_the_answer(words, slot, expected):
    known = {"deadline": "le jeudi 31 décembre", "since_when": "en octobre", "departement": "973"}
    current = tracker(
        _answered(CAYENNE, known, "legal_form", words, "inform", {}),
        slots={**known, "requested_slot": "legal_form"},
        active_loop="situation_form",
    )
    _, events = run(ValidateTriageSlots(), current)
    assert expected in (slot_events(events).get(slot) or "")
