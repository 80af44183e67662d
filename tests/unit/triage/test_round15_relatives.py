"""Round 15 (b.md H2, H3, M2; a.md M7): the classifier's reading of a feeling about a thing and of a reassurance, a
relative's report whose recipient is someone close, letters written to one's children.

The level and sign rows are in cases_distress.yml; here, who is at risk and what the classifier alone may say."""

from __future__ import annotations

import pytest

from triage import assess
from triage.distress import AMBIGUOUS, INDIRECT, RELATIVE, close_people_named, find_signs, speaks_of_someone_else

# (messages, the person at risk in the writer's words, or None: the writer's own signs)
PERSON_AT_RISK = [
    # The person the writer writes for, "il" or "elle" the subject of the sign; someone close only as the recipient.
    (
        [
            "bonjour c pour mon pere il a une maconnerie, la boite coule depuis 1 an",
            "je sais pas trop. ce qui m'inquiete c'est que depuis dimanche il a donné ses outils a mon cousin, il a rangé "
            "tous ses papiers et il m'a dit que bientot on serait tranquilles",
        ],
        "mon pere",
    ),
    (
        [
            "bonjour c pour mon pere il a une maconnerie, la boite coule depuis 1 an",
            "je sais pas trop. ce qui m'inquiete c'est que depuis dimanche il a donné ses outils a mon voisin, il a rangé "
            "tous ses papiers et il m'a dit que bientot on serait tranquilles",
        ],
        "mon pere",
    ),
    (
        [
            "je vous écris pour ma mère, elle a une boulangerie",
            "ce qui me fait peur c'est qu'elle a donné ses bijoux à ma soeur et elle dit qu'elle en aura plus besoin",
        ],
        "ma mère",
    ),
    (
        [
            "c'est pour mon mari, plombier",
            "ma fille est avec moi",
            "ce qui m'angoisse c'est qu'il a offert sa moto à mon neveu et il m'a dit qu'on serait mieux sans lui",
        ],
        "mon mari",
    ),
    (
        [
            "mon frère a une menuiserie qui coule",
            "il a laissé son chien à ma mère et ses outils à mon fils, il dit qu'il en aura plus besoin",
        ],
        "mon frère",
    ),
    # Someone close named later, whom "il" cannot be, is not the one at risk.
    (
        [
            "c pour mon pere, il est boulanger",
            "ma mere tient la caisse",
            "depuis lundi il a donne sa voiture a mon cousin et il dit qu il en aura plus besoin",
        ],
        "mon pere",
    ),
    (["mon associé a appelé ma femme pour lui dire adieu"], "mon associé"),
    (["ce qui m'inquiète c'est qu'il a donné ses outils à mon cousin et il dit qu'il en aura plus besoin"], RELATIVE),
    # Letters to the children, reported.
    (
        [
            "bonjour c pour mon frere",
            "cette semaine il a écrit des lettres à ses enfants et il dit qu'il sert plus à rien",
        ],
        "mon frere",
    ),
    (["ma mère a écrit une longue lettre à chacun de ses petits-enfants, elle répète qu'elle est un poids"], "ma mère"),
    # Near misses: the writer's own sign stays the writer's, whoever is named as the recipient or the worry.
    (["j'ai donné mes outils à mon cousin, j'en aurai plus besoin là où je vais"], None),
    (["ce qui m'inquiète c'est que je veux plus me réveiller"], None),
    (["mon père m'a donné sa montre", "et moi je veux plus me réveiller"], None),
    (["ce qui m'inquiete c'est la banque, je veux plus me reveiller"], None),
]


@pytest.mark.parametrize("messages, person", PERSON_AT_RISK, ids=[" / ".join(m)[:60] for m, _ in PERSON_AT_RISK])
def test_the_person_at_risk(messages: list[str], person: str | None) -> None:
    assessment = assess(messages)
    assert assessment.distress is True
    assert assessment.person_at_risk == person


@pytest.mark.parametrize("recipient", ["mon cousin", "mon voisin", "ma soeur", "mon fils", "ma mère"])
def test_a_close_person_named_as_the_recipient_does_not_make_the_sign_the_writers(recipient: str) -> None:
    text = (
        f"ce qui m'inquiete c'est que depuis dimanche il a donné ses outils a {recipient}, il a rangé tous ses papiers "
        "et il m'a dit que bientot on serait tranquilles"
    )
    signs = [sign for sign in find_signs(text) if sign.level <= INDIRECT]
    assert signs
    assert all(speaks_of_someone_else(sign, text) for sign in signs)


@pytest.mark.parametrize(
    "text, named",
    [
        ("il a donné ses outils a mon cousin", []),
        ("elle a appelé ma soeur pour lui dire au revoir", []),
        ("il a laissé son chien à ma mère et ses outils à mon fils", []),
        ("mon père a donné ses outils à mon cousin", ["mon père"]),
        # The writer's own act names the person: "j'ai vu mon père hier".
        ("j'ai vu mon père hier, il veut en finir", ["mon père"]),
        ("c pour mon pere il a une maconnerie", ["mon pere"]),
    ],
)
def test_close_people_named_leaves_out_whom_they_gave_to(text: str, named: list[str]) -> None:
    assert close_people_named(text) == named


def _level(text: str) -> int | None:
    signs = find_signs(text)
    return signs[0].level if signs else None


@pytest.mark.parametrize(
    "text",
    [
        "mon comptable me dit qu'il faudrait peut etre aller au tribunal mais j'ai honte rien que d'y penser, et j'ai peur "
        "qu'on me prenne la maison",
        "jai honte rien qu'a y penser et j'ai peur qu'on nous prenne la maison",
        "ma conseillère me dit qu'il faudrait sans doute aller voir un avocat mais jai honte rien que dy penser, et jai peur "
        "qu'on me prenne tout",
    ],
)
def test_a_feeling_about_a_thing_is_at_most_the_direct_question(text: str) -> None:
    assert _level(text) == AMBIGUOUS


@pytest.mark.parametrize(
    "text, level",
    [
        ("j'ai envie d'en finir, rien que d'y penser ça me soulage", 1),
        ("rien qu'à y penser ça me soulage de partir pour toujours", 2),
        ("rien que d'y penser je me dis que ma famille serait mieux sans moi", 2),
    ],
)
def test_a_rules_sign_beside_rien_que_d_y_penser_stays(text: str, level: int) -> None:
    assert _level(text) == level


@pytest.mark.parametrize(
    "text",
    [
        "oui oui je suis chez moi, c'est pas ce que je voulais dire, je vais rien faire",
        "c'est pas ce que je voulais dire, je vais rien faire de mal",
        "ce n'est pas ce que je voulais dire, je ne ferai rien",
        "je suis chez ma soeur, c'est pas ce que je voulais dire, je ferai rien de grave",
        "c pas ce que je voulais dire jvais rien faire",
        "je vais rien faire",
        "je ne ferai rien",
        "je vais pas faire de bêtise",
    ],
)
def test_a_reassurance_is_no_sign_from_the_classifier(text: str) -> None:
    assert _level(text) is None


@pytest.mark.parametrize(
    "text, level",
    [
        # What is left once the reassurance is set aside is read as any message.
        ("j'ai tout prévu mais je vais rien faire", 1),
        ("c'est pas ce que je voulais dire, j'ai juste envie de dormir et de plus me réveiller", 2),
        ("je vais rien faire, de toute façon bientôt vous n'entendrez plus parler de moi", 2),
    ],
)
def test_a_sign_beside_a_reassurance_stays(text: str, level: int) -> None:
    assert _level(text) == level
