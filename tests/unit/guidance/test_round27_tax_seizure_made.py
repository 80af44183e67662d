"""Round 27 (talk-a D20, r27-a-12): an account seized by the tax office gets the tax office's step, and "can the advisor
unblock my account?" an honest answer.

"mon compte pro est bloqué depuis hier par une saisie des impots" got "Une saisie par un commissaire de justice se
conteste devant le juge de l'exécution": the seizure said before the tax office ("saisie des impôts", "bloqué ... par le
fisc") was read as a bailiff's. Then "le conseiller il peut debloquer mon compte ou pas ?" got the CIP's interviews.
"""

from __future__ import annotations

import pytest

from actions import services
from actions.service_answers import service_question_text
from guidance.facts import read_causes
from guidance.select import select_guidance
from intake.service_questions import CANNOT_UNDO_IT, asks_if_we_can_undo_it
from tests.support.trackers import bot, tracker, user
from triage import assess

SEIZED = [
    "salut, electricien en EI dans le 59. mon compte pro est bloqué depuis hier par une saisie des impots et j'ai 2 gars "
    "a payer vendredi",
    "Mon compte professionnel a été saisi par le SIE pour la TVA.",
    "compte bloque, saisie du fisc hier",
    "euh... mon compte il est bloqué, c'est une saisie du trésor public je crois",
]
# A notice before seizure is the threat, not the seizure; a bailiff's seizure and a bank's block stay theirs.
NOT_SEIZED_BY_TAXES = [
    ("j'ai recu un avis de saisie des impots pour la cfe", {"poursuite_fiscale"}),
    ("un huissier a saisi mon compte pour la banque", {"saisie_compte"}),
    ("mon compte est bloqué par la banque, je paie plus les impots", set()),
]


@pytest.mark.parametrize("words", SEIZED)
def test_the_seizure_made_by_the_tax_office_is_read(words):
    assert "saisie_fiscale_faite" in read_causes([words])


@pytest.mark.parametrize("words", SEIZED)
def test_it_gets_the_tax_office_s_step_never_the_bailiff_s(words):
    assessment = assess([words])
    chosen = [
        entry.id
        for entry in select_guidance(
            services.knowledge_base(),
            assessment,
            services.chamber(),
            {"departement": "59"},
            messages=[words],
            today=services.chamber_today(),
        )
    ]
    assert "impots_saisie_faite" in chosen, chosen
    assert "saisie_juge_execution" not in chosen and "impots_avis_avant_saisie" not in chosen, chosen


@pytest.mark.parametrize("words, wanted", NOT_SEIZED_BY_TAXES)
def test_near_misses_keep_their_reading(words, wanted):
    causes = read_causes([words])
    assert "saisie_fiscale_faite" not in causes
    assert wanted <= causes


UNDO_ASKED = [
    "le conseiller il peut debloquer mon compte ou pas ?",
    "vous pouvez faire lever la saisie ?",
    "Le conseiller pourra-t-il faire annuler la saisie sur mon compte ?",
    "la chambre peut débloquer mon compte pro svp ?",
    "vs pouvez debloquer ?",
    "euh... il pourrait arrêter la saisie, le conseiller ?",
]
NOT_UNDO = [
    "vous pouvez me débloquer de l'argent ?",
    "le conseiller peut m'aider à débloquer mon compte ?",
    "la banque peut débloquer mon compte ?",
    "il peut debloquer mon compte ?",
    "il faut que je debloque mon compte",
    "vous pouvez annuler ma demande ?",
    "vous pouvez arreter de me poser des questions ?",
]


@pytest.mark.parametrize("words", UNDO_ASKED)
def test_can_the_advisor_undo_it_is_answered_honestly(words):
    assert asks_if_we_can_undo_it(words)
    current = tracker(
        [user(SEIZED[0]), bot("Voulez-vous qu'un conseiller vous rappelle ?"), user(words)],
        {"difficulty_categories": ["banque", "impots", "tresorerie"]},
    )
    said = service_question_text(current) or ""
    assert said == CANNOT_UNDO_IT
    assert said.startswith("Pas lui-même") and "intermédiaire" in said


@pytest.mark.parametrize("words", NOT_UNDO)
def test_other_questions_are_not_read_as_undoing(words):
    assert not asks_if_we_can_undo_it(words)
