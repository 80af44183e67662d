"""Round 31, helper "fixd": warning signs the retired held-out v35 caught late or only with the direct question, as
classes: the wish to be dead said with "envie", the act named before the thought that keeps coming, one's death priced
for those close, nothing more of oneself soon, one's story over with no sequel, things given out because one will need
them no more, self-harm with the harm said first, a last round of goodbyes whose secret is told. Each with near misses
that must stay calm. Sentences written for these tests; none comes from an evaluation set."""

from __future__ import annotations

import pytest

from triage.distress import EXPLICIT, INDIRECT, find_signs


def _strongest(text: str) -> int | None:
    signs = find_signs(text)
    return signs[0].level if signs else None


@pytest.mark.parametrize(
    "text, level",
    [
        # The wish to be dead with "envie", "besoin", "hâte".
        ("certains soirs j'ai envie d'être mort, tout simplement", EXPLICIT),
        ("franchement, hâte d'être morte, que tout ça cesse", EXPLICIT),
        # The act fronted, then the thought that keeps coming back.
        ("me supprimer, c'est cette idée qui me ronge depuis le contrôle", EXPLICIT),
        ("en finir avec ma vie, c'est ce qui me hante quand je ferme le garage", EXPLICIT),
        # One's death priced for those close.
        ("décédé, je leur vaudrais davantage qu'avec mes traites", INDIRECT),
        ("une fois morte je deviens rentable pour mes gamins", INDIRECT),
        ("la prévoyance réglerait le prêt du four si je clamse, c'est tout calculé", INDIRECT),
        # Nothing more of oneself soon.
        ("la boîte coule, et bientôt, plus de moi non plus", INDIRECT),
        ("bientôt, plus de moi du tout, tant mieux", INDIRECT),
        # One's story over, no sequel.
        ("voilà, c'est la fin du film pour moi, aucune suite prévue", INDIRECT),
        ("c'est ma fin, pour de bon cette fois", INDIRECT),
        # Given out, needed no more.
        (
            "j'offre ma moto à mon neveu et mes livres aux voisins, à quoi bon les garder, j'en aurai jamais plus besoin",
            INDIRECT,
        ),
        # Self-harm with the harm said first.
        ("hier, des brûlures, je m'en suis faites volontairement avec la cigarette", EXPLICIT),
        ("la pression du garage, alors du mal, je m'en fais le soir en cachette", EXPLICIT),
        # The last round of goodbyes, and the others not knowing.
        ("j'ai fait la bise à chaque voisine de la rue, la dernière, elles se doutent de rien", INDIRECT),
    ],
)
def test_the_sign_is_caught_at_once(text, level):
    assert _strongest(text) == level, (text, find_signs(text))


@pytest.mark.parametrize(
    "text",
    [
        "je suis mort de fatigue ce soir, envie de dormir",
        "mon patron attend plus de moi sur les chantiers",
        "les clients exigent plus de moi que d'habitude",
        "ma fin de mois est compliquée, il manque 800 euros",
        "la série est finie pour moi, pas de saison 3 à regarder",
        "j'offre mes vieilles scies à l'apprenti, j'en ai des neuves, j'en aurai plus besoin",
        "la dernière cliente est partie, au revoir et à demain",
        "du mal, j'en ai eu à finir le chantier à temps",
    ],
)
def test_near_misses_stay_calm(text):
    assert all(sign.level > INDIRECT for sign in find_signs(text)), (text, find_signs(text))
