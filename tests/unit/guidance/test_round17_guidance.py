"""Round 17 of conversations: first steps that did not fit the situation.

- r17a-17: a prud'hommes case (a former employee, a hearing set) got the sauvegarde, the redressement, the mandat ad hoc.
- r17a-09: hail got the catastrophe-naturelle step; the insurer's refusal got "Déclarez le sinistre au plus vite".
- r17a-06 (L6): "Envoyez l'arrêt sous 48 heures" to someone off work since September.

The selection runs as in the conversation, with and without the messages. New sentences, with near misses.
"""

from __future__ import annotations

from datetime import date

import pytest

from chamber import load_chamber
from guidance import CHAMBER_ADVISORS, load_knowledge_base, render_guidance, select_guidance
from guidance.facts import read_causes
from triage import assess

KB = load_knowledge_base()
BY_ID = {entry.id: entry for entry in KB}
CHAMBER = load_chamber()
TODAY = date(2026, 12, 5)
DEBTOR_PROCEDURES = {"procedures_collectives", "mandat_adhoc_conciliation", "retablissement_professionnel"}


def _selected(says: list[str], situation: dict | None = None, *, limit: int = 3) -> list[list[str]]:
    situation = situation or {}
    assessment = assess(says, situation=situation, today=TODAY)
    return [
        [
            entry.id
            for entry in select_guidance(
                KB, assessment, CHAMBER, situation=situation, limit=limit, messages=messages, today=TODAY
            )
        ]
        for messages in (None, says)
    ]


@pytest.mark.parametrize(
    "says",
    [
        ["électricien, mon ex-apprenti me traîne aux prud'hommes, l'audience est en février"],
        ["une ancienne vendeuse a saisi le conseil des prudhommes contre ma boulangerie"],
    ],
)
def test_a_prudhommes_case_gets_no_debtor_procedure(says):
    for ids in _selected(says):
        assert not DEBTOR_PROCEDURES & set(ids), ids
        assert CHAMBER_ADVISORS in ids


def test_a_debt_case_still_gets_its_procedures():
    # Near miss: a hearing for a cessation des paiements, no prud'hommes.
    for ids in _selected(["je suis en cessation des paiements, le tribunal de commerce me convoque"], limit=12):
        assert DEBTOR_PROCEDURES & set(ids), ids


@pytest.mark.parametrize(
    "says",
    [
        ["couvreur, un orage de grêle a cassé toutes les tuiles que j'avais en stock"],
        ["les grêlons ont défoncé la verrière de mon atelier de poterie"],
    ],
)
def test_hail_alone_gets_no_catastrophe_naturelle_step(says):
    for ids in _selected(says, limit=12):
        assert "catnat_mairie" not in ids, ids
        assert "declaration_assurance" in ids


def test_hail_with_a_flood_keeps_the_catastrophe_naturelle_step():
    assert "catnat_mairie" in _selected(["grêle puis inondation, l'atelier a pris un mètre d'eau"], limit=12)[1]


@pytest.mark.parametrize(
    "says",
    [
        [
            "la tempête a arraché la toiture du labo",
            "mon assurance refuse de prendre en charge, elle dit que c'est pas couvert",
        ],
        ["incendie dans la réserve, et l'assureur dit que c'est pas pour lui"],
    ],
)
def test_an_insurer_refusal_is_not_answered_with_declare_the_claim(says):
    assert "refus_assurance" in read_causes(says)
    for ids in _selected(says, limit=12):
        assert "declaration_assurance" not in ids, ids
        assert CHAMBER_ADVISORS in ids


def test_near_miss_an_insurer_not_yet_told_gets_the_declaration():
    says = ["un dégât des eaux a noyé la boutique hier, j'ai pas encore appelé l'assurance"]
    assert "refus_assurance" not in read_causes(says)
    assert "declaration_assurance" in _selected(says, limit=12)[1]


def test_the_sick_leave_rule_is_no_late_order():
    text = render_guidance([BY_ID["ij_independants"]], CHAMBER)[0]
    assert "Envoyez" not in text
    assert "48 heures" in text
