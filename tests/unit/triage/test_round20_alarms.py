"""Round 20, helper "alarms": level-3 classes (the bot asks directly about suicide) the retired held-out v26 missed,
asserted on the level itself, and their near misses, which ask nothing. Sentences written for these tests; none comes
from an evaluation set."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.assessments import run_conversation
from triage.distress import AMBIGUOUS

TODAY = date(2026, 12, 5)


def _last(turns: list[str]):
    return run_conversation(turns, None, TODAY)[-1]


ASKED = [
    # Feeling worthless, said of oneself.
    (["je me sens minable, le salon est vide depuis septembre"], "ambiguous_despair_more"),
    # Sinking slowly, said of oneself.
    (["je sombre lentement, la carrosserie ne tourne plus"], "ambiguous_despair_more"),
    # No end of the tunnel in sight.
    (["pas le moindre bout de tunnel, les impayés s'accumulent"], "ambiguous_despair_more"),
    # Wanting nothing, enjoying nothing.
    (["j'ai envie de rien, je reste assis dans le camion"], "ambiguous_despair_more"),
    (["plus goût à rien, même le marché du dimanche ne me dit plus rien"], "ambiguous_despair_more"),
    # No strength left, in Creole.
    (["mwen pa ni fòs ankò, l'URSSAF me réclame 4 000 €"], "ambiguous_exhaustion_creole"),
]

CALM = [
    # A skill, the business sinking, a purchase not wanted, others' lack of appetite, a car wash tunnel.
    ["je me sens nul en compta, il me faudrait une formation"],
    ["la boîte coule doucement depuis la fermeture de l'usine"],
    ["j'ai envie de rien acheter cette année pour l'atelier, on verra en janvier"],
    ["les clients n'ont envie de rien en ce moment, les ventes sont à plat"],
    ["le tunnel de lavage est en panne, pas de bout de chantier en vue"],
    # Handover wishes, a trade partner's deadline, money short to live on, a claim's condition.
    ["je prépare mes dernières volontés au sujet de l'atelier, mon apprenti doit le reprendre"],
    ["j'écris un dernier mail à mon grossiste avant qu'il suspende mon compte pro"],
    ["l'expert dit que la compagnie ne rembourse que si la porte était blindée"],
    ["il me reste pas un euro pour vivre et la banque refuse le découvert"],
]


@pytest.mark.parametrize("turns, rule", ASKED, ids=[f"asked-{n}" for n in range(1, len(ASKED) + 1)])
def test_asked_directly(turns, rule):
    result = _last(turns)
    assert result.distress_level == AMBIGUOUS, result
    assert rule in result.distress_signs, result
    assert not result.distress, result


@pytest.mark.parametrize("turns", CALM, ids=[f"calm-{n}" for n in range(1, len(CALM) + 1)])
def test_not_asked(turns):
    result = _last(turns)
    assert result.distress_level is None, result
    assert not result.distress, result
