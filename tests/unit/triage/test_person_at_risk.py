"""Someone close writing about another person's warning signs: who is at risk (triage.Assessment.person_at_risk).

The crisis path's words and questions are about that person, and the case says who is at risk; a sign in the
writer's own words, anywhere in the conversation, keeps the path the writer's.
"""

import pytest

from triage import assess
from triage.distress import RELATIVE

CASES = [
    # (messages, the person at risk in the writer's words, or None: the writer's own signs or none)
    (
        [
            "bonjour je vous écris pour mon mari il est plombier, l'urssaf lui réclame 12000 euros et hier soir il m'a dit "
            "qu'il voulait en finir"
        ],
        "mon mari",
    ),
    (["je m'inquiète pour mon père, il parle de se suicider"], "mon père"),
    (["mon associé m'a dit hier qu'on serait tous mieux sans lui"], "mon associé"),
    (["mon fils dit qu'il veut plus se réveiller"], "mon fils"),
    (["ma femme a écrit une lettre d'adieu aux enfants"], "ma femme"),
    (["Mon Père veut mourir"], "Mon Père"),
    (["ma femme et moi on s'inquiète pour notre fils, il dit qu'il veut disparaître"], "notre fils"),
    (["mon associé veut se tirer une balle"], "mon associé"),
    # Found by the simulator's relatives (2026-12-04): a named subject for "m'a envoyé", signs said in the third
    # person after a reporting verb, the writer saying who they are, a dictated sentence without commas.
    (["mon associé m'a envoyé un message comme un adieu cette nuit, j'ai peur pour lui"], "mon associé"),
    (["c'est pour ma tante qui tient le pressing, elle dit que tout le monde serait mieux sans elle"], "ma tante"),
    (["mon beau frère nous a dit qu'il voulait plus se réveiller le matin"], "mon beau frère"),
    (["je suis sa fille ma mère parle de se suicider depuis que la boutique va mal"], "ma mère"),
    # Round 6 (2026-12-04): "sa vie" said of the person, by a daughter who says who she is first.
    (
        ["Bonsoir, je suis la fille d'un boulanger, mon père ne dort plus et il dit que sa vie ne sert plus à rien"],
        "mon père",
    ),
    (["ma mère répète que sa vie n'a plus aucun sens depuis la fermeture"], "ma mère"),
    # Whom the words were said to is not at risk (round 6: "Pensez-vous que votre mère soit en sécurité ?").
    (
        [
            "bonsoir je vous ecris pour mon pere",
            "il a 62 ans il est garagiste a Calais",
            "il boit beaucoup depuis et il a dit a ma mere qu'il voulait en finir",
        ],
        "mon pere",
    ),
    (["mon mari a avoué à ma sœur qu'il pensait à se suicider"], "mon mari"),
    # Someone named later only as company stays company (round 11, r11b-16).
    (
        [
            "ma mère est boulangère, j'écris pour elle",
            "depuis la mort de papa elle me dit qu'elle voudrait aller le rejoindre",
            "elle est avec ma tante ce soir, elle est pas seule",
        ],
        "ma mère",
    ),
    # Named in an earlier message, or not at all.
    (["je vous écris pour mon frère, maçon à Lens", "il m'a dit qu'il voulait en finir"], "mon frère"),
    (["il m'a dit qu'il voulait en finir"], RELATIVE),
    # The writer's own signs next to a relative's facts.
    (["ma femme est partie, elle a pris les enfants, à quoi bon continuer"], None),
    (["mon mari m'a quittée, je pense à en finir"], None),
    (["ma mère est malade et moi je veux mourir"], None),
    (["mes enfants seraient mieux sans moi"], None),
    (["mon mari est parti. je veux plus me réveiller"], None),
    (["ma femme dit que je serais mieux mort"], None),
    # Both: the writer's own sign keeps the path the writer's.
    (["mon père veut mourir", "et moi aussi j'ai envie de mourir"], None),
    # No sign at all.
    (["mon mari a un cancer, l'urssaf nous relance"], None),
    (["mon associé va se tirer une balle dans le pied avec ce prêt"], None),
]


@pytest.mark.parametrize("messages, person", CASES, ids=[" / ".join(m)[:60] for m, _ in CASES])
def test_the_person_at_risk(messages, person):
    assessment = assess(messages)
    assert assessment.person_at_risk == person
    if person is not None:
        assert assessment.distress is True


def test_the_classifiers_ambiguous_reading_of_a_relatives_answer_keeps_the_person_at_risk():
    """Round 5 replay: "elle est avec son copain ce soir. qu'est ce que je peux lui dire?" answered the safety question
    about "ma fille"; the classifier read it as ambiguous distress of the writer's own and the person was lost, so
    the reply spoke to the writer as if at risk ("restez près de quelqu'un")."""
    first = "ma fille va pas bien, elle dit que tout le monde serait mieux sans elle"
    answer = "elle est avec son copain ce soir. qu'est ce que je peux lui dire?"
    assert assess([first, answer]).person_at_risk == "ma fille"
    # The writer's own warning sign still makes the writer the person at risk.
    assert assess([first, "et moi je pense au suicide aussi"]).person_at_risk is None


# Round 14 (testers): a son wrote about his father's warning sign and was asked "Êtes-vous en sécurité en ce moment ?".
# The classifier's sign quotes the whole message, and the writer's own words said beside the father's ("je m'appelle
# Thomas son fils", "moi je sais plus quoi faire", "je suis perdue") made the sign the writer's. A relative named
# "papa" or "maman", without "mon", was nobody.
ROUND_14 = [
    (["mon père il me dit qu'il veut plus jamais se réveiller, je m'appelle Thomas son fils"], "mon père"),
    (["mon pere il dit qu il aimerait ne plus se reveiller, moi je sais plus quoi faire"], "mon pere"),
    (["ma mère dit qu'elle aimerait ne plus se réveiller, je suis perdue"], "ma mère"),
    (
        ["mon père est boulanger", "il dit qu'il aimerait ne plus jamais se réveiller, je vois pas comment l'aider"],
        "mon père",
    ),
    (["mon mari dit qu'il aimerait ne plus jamais se réveiller. moi c'est Sylvie sa femme"], "mon mari"),
    (["papa il dit qu'il veut plus se réveiller"], "mon père"),
    (["c'est pour papa il est plombier", "il dit qu'il veut plus se réveiller"], "mon père"),
    (["bonsoir c pour maman elle a un salon de coiffure", "elle dit qu'elle veut plus se réveiller"], "ma mère"),
    # Near misses: the writer's own sign beside someone close stays the writer's.
    (["mon père il dit qu'il aimerait ne plus se réveiller, et moi aussi je veux plus me réveiller"], None),
    (["ma femme est partie avec les enfants, je suis perdu, je veux plus me réveiller"], None),
    (["je suis papa de deux enfants et je veux plus me réveiller le matin"], None),
    (["ma femme dit que je serais mieux mort, je sais plus quoi faire"], None),
]


@pytest.mark.parametrize("messages, person", ROUND_14, ids=[" / ".join(m)[:60] for m, _ in ROUND_14])
def test_the_person_at_risk_round_14(messages, person):
    assessment = assess(messages)
    assert assessment.person_at_risk == person
    assert assessment.distress is True


PUT_RIGHT = [
    # Round 15 (r15b-08): someone close puts right which person they meant; the signs were that person's.
    (
        [
            "je vous écris pour ma mère, elle dit qu'elle veut en finir",
            "non c'est mon PERE qui va pas bien, pas ma mere",
        ],
        "mon père",
    ),
    (["ma femme dit qu'elle veut plus se réveiller", "pas ma femme, c mon associé pardon"], "mon associé"),
    (
        ["c'est pour mon fils il dit qu'il veut disparaître", "pas mon fils mais ma fille, je me suis trompée"],
        "ma fille",
    ),
    # Near misses: a contrast about someone else than the person at risk changes nothing.
    (["mon fils dit qu'il veut en finir", "c'est ma femme qui tient la caisse, pas ma fille"], "mon fils"),
    (["mon mari dit qu'il veut en finir", "c'est mon mari qui a la boîte, pas mon fils"], "mon mari"),
]


@pytest.mark.parametrize("messages, person", PUT_RIGHT, ids=[" / ".join(m)[:60] for m, _ in PUT_RIGHT])
def test_the_person_meant_put_right(messages, person):
    previous = None
    for index in range(len(messages)):
        previous = assess(messages[: index + 1], previous)
    assert previous.person_at_risk == person
    assert previous.distress is True
