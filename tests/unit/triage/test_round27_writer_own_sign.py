"""Round 27 (r27-b-04, r27-b-27): the artisan who says his spouse is ill and that he himself is worn out.

"je suis carrossier ..., ma femme est en arret maladie pour depression et moi je suis a bout, je dors 4h par nuit" was
read as someone close writing about his wife: the direct question asked whether the WIFE thought of suicide, the
business was restated as hers, and the writer's own exhaustion was never checked. A sign in the writer's own words
outweighs another's that is only ambiguous (an illness, tiredness); another's warning sign, and someone close who
writes for the artisan, keep the other person the one at risk.
"""

import pytest

from triage import assess

WRITER_ASKED = [
    "je suis carrossier a Saint-Brieuc, l'urssaf me reclame 8000 euros, ma femme est en arret maladie pour depression "
    "et moi je suis a bout, je dors 4h par nuit",
    "slt jsui plombier, ma femme est en depression depuis l'ete et moi jsui a bout jdors plus",
    "Bonjour, je suis boulangère à Niort. Mon mari est en arrêt maladie pour dépression et moi je suis à bout, je ne "
    "dors plus.",
    "euh… je suis menuisier… ma femme est en depression… et moi je suis epuise, je tiens plus",
    "je suis maçon, mon mari est en dépression depuis septembre, moi je suis à bout",
]


@pytest.mark.parametrize("message", WRITER_ASKED)
def test_the_writers_own_sign_is_the_one_asked_about(message: str) -> None:
    found = assess([message])
    assert found.distress_level == 3
    assert found.person_at_risk is None


def test_the_long_message_of_the_carrossier_is_his_own() -> None:
    long = (
        "je suis carrossier depuis 1998, mon garage a perdu la moitie du chiffre, j'ai deux salaries. ma femme est en "
        "arret maladie depuis septembre pour une depression. moi je dors 4 heures par nuit, je suis a bout, mais bon "
        "je tiens"
    )
    assert assess([long]).person_at_risk is None


@pytest.mark.parametrize(
    "messages",
    [
        [
            "je suis carrossier, ma femme est en arret maladie pour depression",
            "non elle c'est pas ca, elle est suivie. c'est moi qui suis crevé",
        ],
        ["ma femme est en depression", "non c'est moi qui suis a bout"],
        [
            "Mon épouse est suivie pour une dépression.",
            "Ce n'est pas elle, c'est moi qui suis épuisé, je ne dors plus.",
        ],
    ],
)
def test_the_writer_saying_next_that_he_is_the_one_worn_out(messages: list[str]) -> None:
    assert assess(messages).person_at_risk is None


@pytest.mark.parametrize(
    "messages, person",
    [
        # Another's warning sign: still that person, whatever the writer says of themself.
        (["ma femme parle d'en finir et moi je suis à bout"], "ma femme"),
        (["je suis carrossier, ma femme dit qu'elle veut mourir, moi je suis a bout"], "ma femme"),
        (["ma femme parle d en finir", "et moi je suis a bout"], "ma femme"),
        # Someone close writing for the artisan: the artisan stays the one asked about.
        (["bonjour je vous écris pour mon mari, il est carrossier, il est à bout, il ne dort plus"], "mon mari"),
        (["je vous ecris pour mon mari, il est en depression", "et moi je suis a bout"], "mon mari"),
        (["mon mari est carrossier, il est à bout, il ne dort plus"], "mon mari"),
        # The spouse's illness alone, no sign of the writer's: unchanged.
        (["ma femme est en depression depuis septembre"], "ma femme"),
    ],
)
def test_near_misses_keep_the_other_person(messages: list[str], person: str) -> None:
    assert assess(messages).person_at_risk == person
