"""A difficulty the artisan denies after it was read is dropped from the case (round 5 of off-script conversations:
"y a pas de travaux devant chez moi" was ignored, r5-06 filed as road works)."""

from __future__ import annotations

from datetime import date

import pytest

from triage import assess

TODAY = date(2026, 12, 4)
# r5-06 itself (a plumber whose client owes him) is no longer read as road works at first (round 17, b.md F11: a building
# trade or a client who owes makes "ce chantier me tue" the artisan's own site); a shop's "ce chantier me tue" still is.
R5_06 = "Bonjour, je suis coiffeuse dans le 33, en EI. Ce chantier me tue, je n'arrive plus a payer mes fournisseurs"


def conversation(messages: list[str]):
    """Assessed turn by turn as the action server does, each turn with the previous assessment."""
    assessment = None
    for count in range(1, len(messages) + 1):
        assessment = assess(messages[:count], previous=assessment, today=TODAY)
    return assessment


@pytest.mark.parametrize(
    "messages, dropped, kept",
    [
        (
            [
                R5_06,
                "y a pas de travaux devant chez moi, c'est la rénovation du salon qui me tue",
            ],
            "travaux",
            "tresorerie",
        ),
        # Round 6 (r6a-p14): the creditor corrected, the wrong one named last.
        (
            ["les impôts me réclament 15000 euros depuis le contrôle", "non en fait c'est l'urssaf pas les impôts"],
            "impots",
            "cotisations_sociales",
        ),
        (
            ["l'urssaf me relance et la banque m'a coupé le découvert", "c'est pas la banque, c'est l'urssaf"],
            "banque",
            "cotisations_sociales",
        ),
        (
            ["l'urssaf me relance et la banque m'a coupé le découvert", "non pas de souci avec l'urssaf"],
            "cotisations_sociales",
            "banque",
        ),
    ],
)
def test_a_difficulty_denied_later_is_dropped(messages, dropped, kept):
    first = assess(messages[:1], today=TODAY)
    assert dropped in first.categories  # read at first
    assessment = conversation(messages)
    assert dropped not in assessment.categories
    assert kept in assessment.categories
    assert dropped not in assessment.reasons


@pytest.mark.parametrize(
    "messages, category",
    [
        # Named again after the denial: the later words win.
        (["pas de souci avec la banque", "en fait si, la banque m'a coupé le découvert"], "banque"),
        # Denied and named in the same message, or never denied: kept.
        (["l'urssaf me relance", "je n'arrive pas à payer l'urssaf"], "cotisations_sociales"),
        (["l'urssaf me relance", "je n'ai pas de souci avec la banque"], "cotisations_sociales"),
    ],
)
def test_a_difficulty_named_after_its_denial_or_not_denied_stays(messages, category):
    assert category in conversation(messages).categories


@pytest.mark.parametrize(
    "turns, kept",
    [
        # Development sets v9 and v10: a negation that tells of the difficulty is no denial of it.
        (
            [
                "Ma banque supprime mon découvert autorisé de 8 000 euros par une simple lettre reçue hier.",
                "Je suis ébéniste à Dinan, mes clients paient à 45 jours, je ne tiens pas sans ce découvert.",
            ],
            "banque",
        ),
        (
            [
                "Le 9 décembre je passe devant le tribunal de commerce à Limoges, pour ma liquidation.",
                "Je suis couvreur, sans avocat, et je ne comprends rien aux papiers du mandataire.",
            ],
            "procedure_judiciaire",
        ),
        # Round 13 (r13a-12): "no deadline" at the deadline question, in SMS spelling, denied the word "échéance" and
        # with it every difficulty read before.
        (
            [
                "slt jsuis boulangere a mont de marsan, 4 mois de loyer en retard et le proprio menace",
                "ya pas decheance precise mai il veut tout avant fevrier",
            ],
            "tresorerie",
        ),
        (["le grossiste me relance pour 3 factures impayées", "non pas de date limite pour l'instant"], "tresorerie"),
    ],
)
def test_a_negation_that_tells_of_the_difficulty_keeps_it(turns, kept):
    assert kept in assess(turns).categories
