"""Round 34 (make run, r34-k): a son wrote for his father, then "depuis que ma mère est partie il dit qu'on serait mieux
sans lui"; the crisis reply said "Si votre mère est en danger immédiat". The person the sign's words name counts only
when "il" or "elle" can be them: here the father, the one written for."""

import pytest

from triage import assess


@pytest.mark.parametrize(
    "conversation, person",
    [
        (
            [
                "bonsoir je vous écris pour mon père, il est menuisier",
                "depuis que ma mère est partie il dit qu'on serait mieux sans lui",
            ],
            "mon père",
        ),
        (
            [
                "c'est pour ma femme, elle est coiffeuse",
                "depuis que son frère est parti elle dit qu'elle veut plus se réveiller",
            ],
            "ma femme",
        ),
        (["je vous écris pour mon mari", "mon fils est parti à Lyon et il répète qu'il veut en finir"], "mon fils"),
        (["mon mari est maçon", "ma mère dit qu'elle serait mieux morte"], "ma mère"),
    ],
)
def test_the_person_at_risk_is_the_one_the_pronoun_can_be(conversation, person):
    assessment = assess(conversation)
    assert assessment.distress
    assert assessment.person_at_risk == person
