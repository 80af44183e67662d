"""Round 28 (make run, lead28-06): "ma femme est fleuriste a Agen, les travaux du tram ont vidé la rue" was read as the
writer's own business ("vous faites face", the callback asked as the writer's). A relative named first whose trade is
said is the person concerned; the writer's own business said in the same message keeps it theirs."""

from __future__ import annotations

import pytest

from actions.handoff import written_for


@pytest.mark.parametrize(
    "words, relative",
    [
        ("ma femme est fleuriste a Agen, les travaux du tram ont vidé la rue", "femme"),
        ("Mon mari est plombier depuis 20 ans et l'URSSAF lui réclame 4000", "mari"),
        ("bonsoir, mon père c'est le boulanger de la place, la banque lui coupe tout", "pere"),
        ("ma mère est couturière à Nérac, elle a plus de clientes", "mere"),
    ],
)
def test_a_relative_whose_trade_is_said_is_the_person_concerned(words, relative):
    assert (written_for([words]) or {}).get("relative") == relative


@pytest.mark.parametrize(
    "words",
    [
        "ma femme est malade, j'ai un garage et la banque me bloque",
        "ma femme est fleuriste et moi je suis plombier, mon entreprise a des dettes",
        "mon père est décédé en mars",
        "ma fille est en arrêt, et moi je gère seul",
    ],
)
def test_a_relative_without_a_trade_or_with_the_writers_own_business_is_no_writing_for(words):
    assert written_for([words]) is None
