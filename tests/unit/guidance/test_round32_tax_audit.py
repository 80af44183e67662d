"""Round 32: a tax audit (contrôle fiscal, vérification de comptabilité, proposition de rectification) had no step of its
own: the artisan got the tax office's payment plan and the CODEFI, nothing on answering the audit within its time.

The cause `controle_fiscal` (guidance/causes.yml) brings `controle_fiscal_rectification`, first; a tax debt without an
audit, and an URSSAF inspection, do not. An inspection with "30 days to answer" said with the tax office is no URSSAF
letter of observations. Sentences written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from chamber import load_chamber
from guidance import load_knowledge_base, select_guidance
from guidance.facts import read_causes
from guidance.render import render_entry
from triage import assess

KB = load_knowledge_base()
CHAMBER = load_chamber()
TODAY = date(2026, 12, 7)
AUDIT = "controle_fiscal_rectification"
URSSAF_LETTER = "controle_urssaf_observations"


def _ids(says: list[str], situation: dict[str, str] | None = None) -> list[str]:
    situation = situation or {}
    assessment = assess(says, situation=situation, today=TODAY)
    chosen = select_guidance(KB, assessment, CHAMBER, situation=situation, limit=3, messages=says, today=TODAY)
    return [entry.id for entry in chosen]


AUDIT_WORDINGS = [
    ["je suis plombier, on a un contrôle fiscal depuis septembre et l'inspecteur parle de 15 000 euros"],
    ["maçon ici, contrôle fiscal en cours", "ils m'ont laissé un mois pour répondre"],
    ["j'ai reçu la proposition de rectification hier, je comprends rien"],
    ["le fisc me contrôle, je sais pas quoi faire"],
    ["le fisc m'a contrôlé l'an dernier et maintenant ils veulent 5000"],
    ["les impôts m'ont collé un redressement de 9 000 euros"],
    ["redressement fiscal sur la TVA de 2023"],
    ["vérification de comptabilité terminée, ils veulent 11 000 euros"],
    ["les impôts me demandent 7 000 euros après un contrôle"],
    ["un vérificateur des impôts est venu à l'atelier trois fois"],
    ["contrôle fiscal, j'ai trente jours pour répondre"],
]


@pytest.mark.parametrize("says", AUDIT_WORDINGS)
def test_an_audit_said_brings_the_answer_to_the_rectification_first(says):
    assert "controle_fiscal" in read_causes(says)
    ids = _ids(says)
    assert ids[:1] == [AUDIT], ids
    # The tax office's audit is never the URSSAF's letter of observations.
    assert URSSAF_LETTER not in ids


def test_the_audit_step_leads_even_when_the_tax_office_is_named_with_its_sum():
    says = ["on a un contrôle fiscal depuis septembre et l'inspecteur parle de 15 000 euros"]
    ids = _ids(says, {"creditors": "impôts 15 000 €"})
    assert ids[0] == AUDIT
    assert "sie_plan_reglement" in ids  # the payment plan keeps its place after it


@pytest.mark.parametrize(
    "says",
    [
        # A tax debt, with no audit.
        ["je dois 6 000 euros de TVA, je n'arrive pas à payer"],
        ["j'ai du retard sur mes impôts, le SIE m'a relancé"],
        ["les impôts me réclament 5000 euros, je contrôle plus rien"],
        ["j'ai reçu un avis avant saisie des impôts"],
        # An URSSAF inspection.
        ["l'URSSAF m'a contrôlé, j'ai 30 jours pour répondre à la lettre d'observations"],
        ["un inspecteur de l'URSSAF vient la semaine prochaine"],
        ["contrôle URSSAF, redressement de 4 000 euros"],
        ["la MSA m'a contrôlé et me réclame 3 000 euros"],
    ],
)
def test_no_audit_step_for_a_plain_tax_debt_or_an_urssaf_inspection(says):
    assert "controle_fiscal" not in read_causes(says)
    assert AUDIT not in _ids(says)


@pytest.mark.parametrize(
    "says, letter",
    [
        (["contrôle fiscal, j'ai trente jours pour répondre"], False),
        (["l'inspectrice des impôts m'a donné 30 jours pour répondre"], False),
        (["le contrôleur m'a laissé 30 jours pour répondre"], True),
        (["contrôle URSSAF fini, 30 jours pour répondre"], True),
    ],
)
def test_thirty_days_to_answer_is_the_urssaf_letter_only_without_the_tax_office(says, letter):
    assert ("lettre_observations" in read_causes(says)) is letter


def test_the_entry_says_the_time_the_counsel_and_the_recourse_and_cites_the_tax_doctrine():
    entry = next(entry for entry in KB if entry.id == AUDIT)
    message = render_entry(entry, CHAMBER)
    assert "30 jours" in message and "30 de plus" in message
    assert "comptable ou un avocat" in message
    assert "supérieur du vérificateur" in entry.how[1] and "interlocuteur départemental" in entry.how[1]
    assert entry.source.url is not None and entry.source.url.startswith("https://bofip.impots.gouv.fr/")
    assert "L57" in entry.source.title
    assert not entry.source.checked_live and entry.source.verified is None
