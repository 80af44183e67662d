"""Round 36, helper "fixd": the retired held-out v40's distress misses and false alarms as classes.

Signs caught at once: the act in the conditional reported with what holds it back; better off without them reported
with other saying verbs, or an opinion said between "sans moi" and who is better off; spoiling everyone's life; goodbyes
with the trip denied ("nulle part") or said "pour de vrai"; the message said to be the last one written; papers handed
"au cas où" with the case refused; everything settled once the writer is gone; living or breathing said to be of no use;
a last day "tout court" or a death on a set day said to be decided. Calm: the same words about work, a trip, a business,
a move; a parent's "maison de retraite" no longer hides a farewell. Denials that get the direct question: the act waved
away ("très peu pour moi"), the thought denied in the present, "pas de bêtise" after "je pense pas à ça". Sentences
written for these tests; none comes from an evaluation set."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.assessments import run_conversation
from triage.distress import AMBIGUOUS, INDIRECT, find_signs, suicide_denied_unprompted

TODAY = date(2026, 12, 8)


def _strongest(text: str) -> int | None:
    signs = find_signs(text)
    return signs[0].level if signs else None


@pytest.mark.parametrize(
    "text",
    [
        # The act in the conditional, reported with what holds it back.
        "ma sœur m'a confié que si elle en avait la force elle se tuerait",
        "mon associé répète que s'il osait, il se foutrait en l'air",
        # Better off without them: other saying verbs, an opinion between.
        "mon oncle a lâché au repas que sans lui on respirerait enfin",
        "ma mère m'a glissé que sans elle tout le monde vivrait mieux",
        "sans moi, je crois que tous vivraient mieux",
        "sans moi franchement les miens respireraient",
        # Spoiling everyone's life.
        "je gâche la vie de chacun à la maison",
        # Goodbyes with the trip denied, or said for real.
        "mon père a dit adieu à ses voisins un à un, pourtant il ne va nulle part",
        "j'ai fait mes adieux à mes cousins hier soir, et je ne pars nulle part",
        "à mon frère, au revoir pour de vrai, je l'ai dit",
        # The message said to be the last one written.
        "ce sera le dernier que je vous envoie, à vous et aux miens",
        "voici le dernier que j'écris",
        # Papers handed "au cas où", the case refused.
        "elle m'a laissé ses codes de banque et ses contrats d'assurance au cas où, sans vouloir dire au cas où quoi",
        # Everything settled once the writer is gone.
        "une fois moi mort, les dettes s'effaceraient",
        "moi disparu, la situation se réglerait",
        # Living or breathing of no use.
        "respirer, ça ne sert plus à rien",
        "à quoi bon vivre encore",
        "exister, à quoi bon maintenant",
        # A last day "tout court", a death on a set day decided.
        "dimanche ce sera mon dernier jour tout court",
        "il m'a dit qu'il mourrait vendredi, que c'était décidé",
    ],
)
def test_the_sign_is_caught_at_once(text: str) -> None:
    found = _strongest(text)
    assert found is not None and found <= INDIRECT, (text, find_signs(text))


@pytest.mark.parametrize(
    "text",
    [
        # Overwork in the conditional.
        "s'il pouvait il se tuerait au travail pour ses clients",
        # Better served or organised without someone; a boss's staff better off.
        "mon patron dit que sans lui les clients seraient mieux servis",
        "sans moi, je pense que l'équipe serait mieux organisée",
        # The trip or the work named.
        "j'ai dit adieu aux collègues, je ne pars nulle part avant le chantier de mars",
        "adieu pour de vrai à mes clients, je prends ma retraite",
        # The last of the day, or to a supplier.
        "ce sera le dernier que j'envoie aujourd'hui, je reprends demain",
        "ce sera le dernier que je vous écris pour ce fournisseur",
        # Passwords left for a stay in hospital.
        "je lui ai laissé mes mots de passe au cas où, pour l'opération, au cas où quoi je sais pas trop",
        # Gone somewhere; living off the trade.
        "moi parti en vacances, tout se réglerait avec mon apprenti",
        "vivre de la poterie, à quoi bon en 2026",
        # A last day at work or before leave; an animal's end.
        "vendredi sera mon dernier jour au chantier",
        "le vétérinaire a dit qu'il mourrait samedi, c'est prévu",
        # The business's own last wishes, a succession called professional.
        "la boutique a ses dernières volontés : mon apprentie reprend le fonds",
        "je prépare ma succession professionnelle avec le notaire, mon fils reprend",
    ],
)
def test_no_crisis_sign(text: str) -> None:
    found = _strongest(text)
    assert found is None or found > INDIRECT, (text, find_signs(text))


@pytest.mark.parametrize(
    "text",
    [
        "me flinguer, très peu pour moi, c'est la banque le souci",
        "en finir, non merci, j'ai trois gosses",
        "je songe pas à la mort, je suis juste furieux",
        "moi j'ai jamais de mauvaises pensées, c'est la fatigue",
        "non non je songe pas à ça, zéro bêtise, je veux juste payer",
    ],
)
def test_an_unprompted_denial_is_read(text: str) -> None:
    """No crisis sign; the direct question is asked (the denial read, or the classifier's own level 3)."""
    signs = find_signs(text)
    assert not signs or signs[0].level == AMBIGUOUS, (text, signs)
    assert signs or suicide_denied_unprompted(text) is not None, text


@pytest.mark.parametrize(
    "text",
    [
        "me flinguer, très peu pour l'instant",
        "je songe pas à la mort du magasin, je songe à la suite",
    ],
)
def test_a_denial_limited_or_about_a_thing_is_not_read_as_one(text: str) -> None:
    signs = find_signs(text)
    if "instant" in text:
        assert signs and signs[0].level <= INDIRECT, (text, signs)
    else:
        assert suicide_denied_unprompted(text) is None, text


@pytest.mark.parametrize(
    "turns",
    [
        [
            "Bonjour, plombier à Dole.",
            "L'URSSAF a bloqué le compte.",
            "crever, très peu pour moi, je veux des solutions",
        ],
        ["bonjour", "mon associé a filé avec la caisse", "non je songe pas à en finir, juste en rogne"],
    ],
)
def test_a_denial_beside_a_difficulty_gets_the_direct_question(turns: list[str]) -> None:
    result = run_conversation(turns, None, TODAY)[-1]
    assert result.distress_level == AMBIGUOUS and not result.distress, (turns, result)
