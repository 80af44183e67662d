"""Round 14 (A8, B6, B10): the case an advisor reads. Whatever path filled a field, the stored case keeps a value only
of that field's shape (the summary line that said it goes with it), the name without its politeness; and the summary
says the facts told (a fire, an employee hurt, a death told for the artisan, the account emptied by an ex, a phone the
ex sees), never a departure for retirement nobody announced."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from actions.handoff import build_case_draft
from cases.drafts import CaseDraft
from intake.facts import extract_facts
from triage.engine import assess


def _draft(situation: dict[str, str], summary: str, contact_name: str | None = None) -> CaseDraft:
    return CaseDraft(
        conversation_id="c-r14",
        reference="RL-7K3Q9M",
        chamber_id="cma-test",
        summary=summary,
        situation=dict(situation),
        contact_name=contact_name,
        consent_version="v1",
        consent_at=datetime(2026, 12, 5, 9, 0, tzinfo=timezone.utc),
    )


def _summary_of(situation: dict[str, str]) -> str:
    from triage.labels import SITUATION_LABELS

    facts = " ; ".join(f"{SITUATION_LABELS[key]} : {value}" for key, value in situation.items())
    return f"Difficultés : trésorerie. Urgence : haute. {facts}."


@pytest.mark.parametrize(
    "key, value",
    [
        ("trade", "Mâcon"),
        ("trade", "Nevers"),
        ("employees", "31 décembre"),
        ("employees", "les salaires"),
        ("employees", "fin decembre"),
        ("deadline", "18 40"),
        ("deadline", "33 72 18 40"),
    ],
)
def test_a_value_not_of_its_fields_shape_is_not_stored(key, value):
    situation = {"commune": "Autun", key: value, "creditors": "URSSAF 8 000 €"}
    draft = _draft(situation, _summary_of(situation))
    draft.validate()
    assert key not in draft.situation
    assert value not in draft.summary
    assert "Commune : Autun ; Créanciers : URSSAF 8 000 €." in draft.summary


@pytest.mark.parametrize(
    "key, value",
    [
        ("trade", "horloger-bijoutier"),
        ("trade", "macon"),
        ("trade", "coiffeuse à domicile"),
        ("employees", "2 salariés"),
        ("employees", "0"),
        ("employees", "seul"),
        ("employees", "oui"),
        ("employees", "ma femme m'aide le samedi"),
        ("deadline", "le jeudi 10 décembre"),
        ("deadline", "aucune échéance connue"),
        ("deadline", "fin janvier (d'ici le dimanche 31 janvier)"),
        ("deadline", "demain (dimanche 6 décembre)"),
    ],
)
def test_a_value_of_its_fields_shape_is_kept(key, value):
    situation = {key: value}
    summary = _summary_of(situation)
    draft = _draft(situation, summary)
    draft.validate()
    assert draft.situation[key] == value
    assert draft.summary == summary


@pytest.mark.parametrize(
    "typed, kept",
    [
        ("Monsieur Lemoine je vous prie", "Monsieur Lemoine"),
        ("Corinne, merci beaucoup", "Corinne"),
        ("Léa svp", "Léa"),
        ("Jean-Marc", "Jean-Marc"),
    ],
)
def test_the_name_is_stored_without_politeness(typed, kept):
    draft = _draft({}, f"Écrit par un proche : sa femme ({typed}).", contact_name=typed)
    draft.validate()
    assert draft.contact_name == kept
    assert draft.summary == f"Écrit par un proche : sa femme ({kept})."


def _case(messages: list[str]) -> CaseDraft:
    situation: dict[str, str] = {}
    for message in messages:
        for key, value in extract_facts(message).items():
            situation[key] = value
    assessment = assess(messages)
    slots = {
        "difficulty_categories": list(assessment.categories),
        "triage_reasons": {key: list(value) for key, value in assessment.reasons.items()},
        "urgency": assessment.urgency,
        "consent_given": True,
        "consent_at": "2026-12-05T09:00:00+00:00",
    }
    draft = build_case_draft(
        conversation_id="c-r14",
        reference="RL-7K3Q9M",
        chamber_id="cma-test",
        slots=slots,
        situation=situation,
        transcript=[{"sender": "artisan", "text": message} for message in messages],
        consent_version="v1",
    )
    draft.validate()
    return draft


@pytest.mark.parametrize(
    "messages, said, unsaid",
    [
        (
            [
                "menuisier dans le 39, l atelier a pris feu cette nuit",
                "mon salarie s est brule au bras, il est a l hopital",
            ],
            ["Incendie", "accident du travail : un salarié blessé"],
            [],
        ),
        (
            ["je vous ecris pour mon pere il est boucher, ma mere est decedee en septembre et il s en sort plus"],
            ["Décès de l'épouse (en septembre)"],
            ["sa mère"],
        ),
        (
            ["boulanger a Digoin, ma femme est partie en septembre, un cancer. je dors plus"],
            ["Décès de sa femme (en septembre)"],
            [],
        ),
        (
            [
                "coiffeuse, mon ex a vidé le compte joint et je peux plus payer le loyer",
                "appelez chez ma soeur pas sur mon portable c mon ex qui paye le forfait il voit tout",
            ],
            ["compte joint vidé par son ex", "ne pas appeler sur son portable : son ex y a accès"],
            [],
        ),
        (
            ["couturiere, les clientes me doivent 900 euros, je couds pour compléter ma petite retraite"],
            ["déjà à la retraite (cumul emploi-retraite)"],
            ["Départ à la retraite"],
        ),
        (
            ["horloger-bijoutier à Mâcon, un redressement fiscal de 12000 euros, ma retraite approche"],
            ["Métier : horloger-bijoutier"],
            ["Métier : Mâcon", "retraite"],
        ),
        (
            ["boucher, les travaux de la rue depuis octobre, ils disent que ça va durer jusqu'en mars", "-40% de CA"],
            ["Depuis quand : depuis octobre", "chiffre d'affaires en baisse de 40 %"],
            ["en mars"],
        ),
    ],
)
def test_the_summary_says_the_facts_told(messages, said, unsaid):
    summary = _case(messages).summary
    for words in said:
        assert words.lower() in summary.lower(), summary
    # Round 17: the person's own account is quoted ("Ses mots : « … ma retraite approche »"); what must not be said is
    # a fact the summary states, outside the quote.
    stated = re.sub(r"Ses mots : « [^»]*»\.", "", summary)
    for words in unsaid:
        assert words.lower() not in stated.lower(), summary
