"""Round 27 (talk-a D25, r27-a-18): a liquidation already pronounced gets the steps of that stage, and "j'ai droit au
chômage ?" its answer.

"je voulais savoir si vous pouvez m'aider pour ma liquidation judiciaire, le tribunal l'a prononcée hier" got the
sauvegarde, the redressement and the conciliation (too late), and again ("comme je vous l'indiquais") when the artisan
said "c'est trop tard pour ca la liquidation est deja prononcée. j'ai droit au chomage ?": the stage was not read when
the pronouncing verb came after the word, or with "est déjà". The allowance for the self-employed (ATI, France Travail)
is the step that answers a question on unemployment; nothing answers it before a liquidation (an advisor will).
"""

from __future__ import annotations

import pytest

from actions import services
from actions.business_questions import answer_to_business_question
from guidance.facts import read_stage
from guidance.select import select_guidance
from tests.support.trackers import bot, tracker, user
from triage import assess

FIRST = (
    "Bonjour, je suis ambulancier... ah non pardon je suis taxi, enfin on s'en fiche. Je voulais savoir si vous pouvez "
    "m'aider pour ma liquidation judiciaire, le tribunal l'a prononcée hier."
)
PRONOUNCED = [
    FIRST,
    "mais c'est trop tard pour ca la liquidation est deja prononcée. j'ai droit au chomage ?",
    "la liquidation a été prononcée le 3 mars",
    "Madame, la liquidation judiciaire de ma SARL a été prononcée la semaine dernière.",
    "ma liquidation, le juge l'a ordonnée lundi",
    "liquidation deja prononcee, je fais quoi maintenant",
]
# Feared, a client's, a hearing to come: no liquidation of the artisan's pronounced.
NOT_PRONOUNCED = [
    "j'ai peur que le tribunal prononce la liquidation",
    "la liquidation de mon client a ete prononcee hier, je vais etre payé ?",
    "l'audience pour la liquidation est le 12",
]
TOO_LATE = {"procedures_collectives", "mandat_adhoc_conciliation", "cip_prevention", "audience_liquidation_preparer"}


@pytest.mark.parametrize("words", PRONOUNCED)
def test_the_stage_is_read(words):
    assert read_stage([words]) == "liquidation"


@pytest.mark.parametrize("words", NOT_PRONOUNCED)
def test_near_misses_are_not_a_liquidation_pronounced(words):
    assert read_stage([words]) != "liquidation"


@pytest.mark.parametrize("words", PRONOUNCED)
def test_the_steps_fit_the_stage(words):
    chosen = [
        entry.id
        for entry in select_guidance(
            services.knowledge_base(),
            assess([words]),
            services.chamber(),
            {"departement": "971"},
            messages=[words],
            today=services.chamber_today(),
        )
    ]
    assert not TOO_LATE & set(chosen), chosen
    assert "allocation_travailleurs_independants" in chosen, chosen


UNEMPLOYMENT = [
    "mais c'est trop tard pour ca la liquidation est deja prononcée. j'ai droit au chomage ?",
    "j'ai droit au chomage ?",
    "et le chômage, j'y ai droit ?",
    "Aurai-je droit à une allocation chômage ?",
    "jpeux toucher le chomage moi ?",
]


def _asked(first: str, question: str, categories: list[str]) -> str | None:
    current = tracker(
        [user(first), bot("Voulez-vous qu'un conseiller vous rappelle ?"), user(question)],
        {"difficulty_categories": categories, "departement": "971", "guidance_given": []},
    )
    return answer_to_business_question(current, question)


@pytest.mark.parametrize("question", UNEMPLOYMENT)
def test_unemployment_asked_after_a_liquidation_gets_the_allowance(question):
    said = _asked(FIRST, question, ["procedure_judiciaire"]) or ""
    assert "allocation des travailleurs indépendants" in said, said
    assert "sauvegarde" not in said and "redressement" not in said


def test_unemployment_asked_before_any_liquidation_is_left_to_the_advisor():
    assert (
        _asked("je suis boulanger, mon chiffre baisse depuis 6 mois", "j'ai droit au chomage ?", ["baisse_activite"])
        is None
    )
