"""Round 27 (talk-a D15, r27-a-07): nothing left to live on is a material urgency, and a request for an aid to eat is
understood.

"jai plus rien pour vivre, le frigo est vide" got the crisis part only, no step; after it "vous avez pas une aide pour
manger ou un truc comme ca" got "je n'ai pas bien compris", "quelles aides je peux demander" the general self-
introduction. The cause is read now (guidance/causes.yml: sans_ressources), offered the social action's exceptional aid
(AFE) and the HELP scheme (URSSAF, CAF, Assurance maladie, retraite) the domain facts name; a request for an aid asked
without a question mark is a question (actions.intake.is_question), so a business step answers it after the crisis.
"""

from __future__ import annotations

import pytest

from actions import services
from actions.business_questions import answer_to_business_question
from actions.intake import is_question
from guidance.facts import read_causes
from guidance.select import select_guidance
from tests.support.trackers import bot, tracker, user
from triage import assess

FIRST = (
    "je suis auto entrepreneur en peinture batiment et jai plus de chantiers depuis 3 mois, jai plus rien pour vivre, "
    "le frigo est vide"
)
NOTHING_LEFT = [
    FIRST,
    "vous avez pas une aide pour manger ou un truc comme ca",
    "oui ca va. mais je fais comment pour manger ce mois ci",
    "Je n'ai plus de quoi nourrir mes enfants.",
    "euh... y a pas une aide alimentaire pour les artisans ?",
    "g pu rien a manger",
]
NOT_NOTHING_LEFT = [
    "je n'ai pas le temps de manger",
    "mes clients viennent manger le midi",
    "je fais des plats a emporter, les gens mangent chez eux maintenant",
]
STEPS = {"cpsti_afe", "help_independants"}


@pytest.mark.parametrize("words", NOTHING_LEFT)
def test_nothing_left_to_live_on_is_read(words):
    assert "sans_ressources" in read_causes([words])


@pytest.mark.parametrize("words", NOT_NOTHING_LEFT)
def test_near_misses_are_not(words):
    assert "sans_ressources" not in read_causes([words])


def test_the_first_steps_name_an_aid():
    chosen = [
        entry.id
        for entry in select_guidance(
            services.knowledge_base(),
            assess([FIRST]),
            services.chamber(),
            {},
            messages=[FIRST],
            today=services.chamber_today(),
            limit=12,
        )
    ]
    assert set(chosen) >= STEPS, chosen


@pytest.mark.parametrize(
    "question",
    [
        "vous avez pas une aide pour manger ou un truc comme ca",
        "quelles aides je peux demander pour manger",
        "Auriez-vous connaissance d'une aide alimentaire ?",
        "y a pas une aide pour faire les courses",
    ],
)
def test_asked_after_the_crisis_it_gets_an_aid(question):
    assert is_question(question)
    current = tracker(
        [user(FIRST), bot("Êtes-vous en sécurité ?"), user("oui"), bot("..."), user(question)],
        {"difficulty_categories": ["baisse_activite"], "distress": True, "guidance_given": []},
    )
    said = answer_to_business_question(current, question) or ""
    assert "aide financière exceptionnelle" in said or "dispositif HELP" in said, said


@pytest.mark.parametrize("words", ["vous avez raison", "vous avez noté mon numéro", "y a des jours comme ça"])
def test_statements_to_the_assistant_stay_statements(words):
    assert not is_question(words)


def test_after_the_crisis_the_request_is_understood_not_pardon():
    from actions.intake_actions import ActionHandleMisunderstanding
    from tests.support.trackers import run

    question = "vous avez pas une aide pour manger ou un truc comme ca"
    current = tracker(
        [
            user(FIRST),
            {"event": "slot", "name": "difficulty_categories", "value": ["baisse_activite", "tresorerie"]},
            bot("Êtes-vous en sécurité ?"),
            user("oui"),
            bot("..."),
            user(question, "nlu_fallback"),
        ],
        {"difficulty_categories": ["baisse_activite", "tresorerie"], "distress": True, "guidance_given": []},
    )
    dispatcher, _ = run(ActionHandleMisunderstanding(), current)
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "pas bien compris" not in said, said
    assert "aide financière exceptionnelle" in said or "dispositif HELP" in said, said
