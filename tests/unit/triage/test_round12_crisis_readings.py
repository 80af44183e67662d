"""Round 12 of off-script conversations (b.md B7, B2): answers to "Êtes-vous en sécurité ?" that say nothing of danger
(a joke taken back, the numbers refused, the question questioned) are never an explicit "not safe"; a relative who
introduced themself and frames the other's words with their own worry is not the person at risk."""

import pytest

from triage import assess
from triage.answers import NOT_SAFE, NUMBERS_REFUSED, UNSURE, WHY_ASKED, answer_to_safety_question, unsure_kind

TAKEN_LIGHTLY = [
    # (typed, kind)
    ("mdr non jplaisantais, c une facon de parler", "joke"),
    ("lol non je rigolais hein", "joke"),
    ("Non non je blaguais, c'était pour rire !", "joke"),
    ("ptdr c'était du second degré", "joke"),
    ("stop avec vos numéros svp, je veux juste savoir pour l'échéancier urssaf", "numbers"),
    ("arrete avec tes numeros j appellerai personne", "numbers"),
    ("j'ai pas besoin de vos numéros, dites moi plutôt si je peux étaler la TVA", "numbers"),
    ("je vais appeler personne. et pour mes factures?", "numbers"),
    ("pk vous me dites ca ? je posais juste une question sur mes impots", "why"),
    ("mais pourquoi vous me demandez ça, j'ai parlé de ma boite", "why"),
    ("quel rapport ? je demandais une info sur le redressement", "why"),
]


@pytest.mark.parametrize("typed, kind", TAKEN_LIGHTLY)
def test_an_answer_that_takes_the_question_lightly_is_never_not_safe(typed, kind):
    for first_time in (True, False):
        reading = answer_to_safety_question(typed, may_ask_again=first_time, may_answer_question=first_time)
        assert reading != NOT_SAFE
        if kind == "why" and first_time:
            assert reading == WHY_ASKED  # the reason, and the question once more
        elif kind == "numbers" and first_time and reading == NUMBERS_REFUSED:
            # Round 17 (r17b-08): the numbers refused with nothing else said: the refusal heard, the question once more.
            assert "?" not in typed and "pour" not in typed
        else:
            assert reading == UNSURE
    assert unsure_kind(typed) == kind


@pytest.mark.parametrize(
    "typed",
    [
        "non je plaisante pas, je suis tout seul ce soir",
        "je rigole pas du tout, j'ai envie d'en finir",
        "mdr non, j'ai les cachets à côté de moi",
        "arretez avec vos numeros, je veux mourir",
        "pourquoi ? de toute façon je vais pas tenir",
        "lol non pas vraiment",
        "non",
    ],
)
def test_a_joke_denied_or_danger_said_with_it_is_still_not_safe(typed):
    assert answer_to_safety_question(typed, may_ask_again=True, may_answer_question=True) == NOT_SAFE
    assert answer_to_safety_question(typed) == NOT_SAFE


OPENING_DAUGHTER = (
    "bonjour c'est la fille de M. Lefevre, il est carreleur, il a des dettes partout depuis la mort de maman et il "
    "refuse de demander de l'aide"
)
OPENING_WIFE = "Bonsoir, je suis la femme d'un menuisier, les impôts nous réclament 9000 euros"


@pytest.mark.parametrize(
    "messages, person",
    [
        (
            [OPENING_DAUGHTER, "ce qui me fait peur c'est qu'il dit des fois qu'il aimerait aller rejoindre maman"],
            "mon père",
        ),
        ([OPENING_DAUGHTER, "ca m'inquiete, il parle d'en finir"], "mon père"),
        ([OPENING_WIFE, "et le pire c'est qu'il a dit qu'on serait mieux sans lui"], "mon mari"),
        ([OPENING_WIFE, "il parle de se foutre en l'air"], "mon mari"),
        (["c'est la fille de Mme Roux, elle a un salon de coiffure", "elle dit qu'elle veut mourir"], "ma mère"),
        # No introduction: the worry set aside, the words are still about him.
        (["ce qui m'inquiète c'est qu'il dit qu'il voudrait plus se réveiller"], "un proche"),
    ],
)
def test_a_relative_who_said_who_they_are_is_not_the_person_at_risk(messages, person):
    assessment = assess(messages)
    assert assessment.distress or assessment.distress_level == 3
    assert assessment.person_at_risk == person


@pytest.mark.parametrize(
    "messages",
    [
        [OPENING_WIFE, "j'ai peur, je veux en finir moi aussi"],
        ["ça me fait peur, j'ai envie de mourir"],
        ["il n'y a plus d'espoir, j'ai peur d'en finir"],
        ["ce qui me fait peur c'est que je pense à en finir"],
        ["il faut que ca s'arrete, ca me fait peur, je veux plus me reveiller"],
    ],
)
def test_the_writers_own_sign_with_worry_stays_the_writers(messages):
    assessment = assess(messages)
    assert assessment.distress
    assert assessment.person_at_risk is None
