"""Round 35, helper "fixd": the retired held-out v39's distress misses and false alarms as classes.

Signs caught at once: someone's own death said to settle everything or be the solution, or the debts said to go with the
person; a last message posted where many read it, the place named between; asking or wishing not to open one's eyes
again. Calm: the same death in the past (an estate), debts going with a liquidation, a last post before the holidays;
the Occitan hello followed by the writer's Occitan; leaving a named place for good, "c'est décidé"; last wishes in a
message preparing the handover; "je me tue à petit feu" said of the work (round 34's leftover). Denials: the question
said back with who asks it, or with a relative's no after it; the wish to live said as the no; a loan or an overdraft not
renewed is a difficulty told, so a denial beside it gets the direct question. "Plus de jus" said of oneself is
exhaustion. Sentences written for these tests; none comes from an evaluation set."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.assessments import run_conversation
from triage.distress import AMBIGUOUS, INDIRECT, find_signs, suicide_denied_unprompted

TODAY = date(2026, 12, 7)


def _strongest(text: str) -> int | None:
    signs = find_signs(text)
    return signs[0].level if signs else None


@pytest.mark.parametrize(
    "text",
    [
        # One's own death said to settle everything or be the solution, reported; the debts going with the person.
        "ma sœur répète que sa mort arrangerait tout",
        "il m'a dit que son décès serait la seule solution",
        "au moins mes dettes partiront avec moi",
        "mon père dit que ses dettes s'en iraient avec lui",
        # A last message posted, the place named between.
        "mon cousin a posté sur le forum des boulangers son dernier message",
        "elle a publié sur le groupe de la chorale un ultime message",
        # Not opening one's eyes again, asked or wished.
        "je prie chaque soir pour que demain je n'ouvre plus les yeux",
        "j'espère ne plus ouvrir les yeux",
        "je supplie le bon dieu qu'un matin je ne rouvre pas les yeux",
        # Dying slowly said alone, or of the work with despair beside it.
        "je me tue à petit feu",
        "je me tue à petit feu au garage, à quoi bon",
        # The southern hello, then a farewell.
        "Adieu ! soi fustièr, merci pour tout",
        # Leaving "the scenery" for good is no move.
        "je quitte le décor pour de bon, c'est décidé",
    ],
)
def test_the_sign_is_caught_at_once(text: str) -> None:
    found = _strongest(text)
    assert found is not None and found <= INDIRECT, (text, find_signs(text))


@pytest.mark.parametrize(
    "text",
    [
        # The death in the past, the debts of a company.
        "sa mort a tout réglé pour la succession",
        "les dettes partiront avec la liquidation",
        # A last post about the business, not opening one's eyes too late.
        "j'ai posté sur la page de la boutique mon dernier message avant les vacances",
        "j'espère que demain je n'ouvre pas les yeux trop tard, j'ai une livraison",
        # The Occitan hello and the writer's Occitan after it.
        "Adieu ! Soi menusièr a Rodés, podetz m'ajudar per la TVA ?",
        "adiu, cossi va ? trabalhi a Albi",
        # Leaving a named place for good.
        "je rentre définitivement en Martinique, c'est décidé",
        "je quitte Bordeaux pour de bon, c'est décidé",
        # Last wishes in a message that prepares the handover.
        "je prépare la transmission à mon apprenti ; dans mes dernières volontés, à lui l'établi et les rabots",
        # Dying slowly said of the work.
        "je me tue à petit feu au fournil",
        "ce métier, on s'y tue à petit feu",
        "à la boutique je me tue à petit feu",
        "il se tue à petit feu avec ses livraisons",
        # The question said back with who asks it, answered no; a relative's no after it.
        "des pensées noires, vous me demandez ? non, aucune",
        "le suicide, c'est la question ? jamais",
        "idées noires ? elle m'a juré que non",
    ],
)
def test_no_crisis_sign(text: str) -> None:
    found = _strongest(text)
    assert found is None or found > INDIRECT, (text, find_signs(text))


@pytest.mark.parametrize(
    "text",
    [
        "idées noires, vous dites ? non... enfin parfois",
        "je me tue à petit feu, je ne vois plus le bout de cette vie",
    ],
)
def test_a_turning_or_despair_keeps_the_sign(text: str) -> None:
    found = _strongest(text)
    assert found is not None and found <= INDIRECT, (text, find_signs(text))


@pytest.mark.parametrize(
    "text",
    [
        "non non, moi je veux vivre, mais la banque me lâche",
        "nan, j'ai envie de vivre, c'est l'URSSAF le souci",
        "mwen pa lé mò, mais la saison est fichue",
    ],
)
def test_the_wish_to_live_is_a_denial(text: str) -> None:
    assert suicide_denied_unprompted(text) is not None, text


@pytest.mark.parametrize(
    "text",
    [
        "non, je veux vivre à la campagne",
        "je veux vivre de mon métier",
    ],
)
def test_living_somewhere_or_from_something_denies_nothing(text: str) -> None:
    assert suicide_denied_unprompted(text) is None, text


@pytest.mark.parametrize(
    "text, asked",
    [
        ("plus de jus, je bosse quatorze heures par jour", True),
        ("moi, plus de jus et les clients ne paient pas", True),
        ("plus de jus dans la batterie du camion", False),
        ("y a plus de jus à l'atelier, EDF a coupé", False),
    ],
)
def test_no_juice_said_of_oneself_is_exhaustion(text: str, asked: bool) -> None:
    found = _strongest(text)
    assert (found == AMBIGUOUS) is asked, (text, find_signs(text))


@pytest.mark.parametrize(
    "turns",
    [
        [
            "Bonjour, ébéniste à Rodez.",
            "Je le dis d'emblée : me tuer, ça ne me tente pas, mais la banque ne renouvelle plus mon découvert.",
        ],
        ["bonjour", "non non, moi je veux vivre, mais ils reconduisent pas mon prêt"],
    ],
)
def test_a_denial_beside_a_loan_not_renewed_gets_the_direct_question(turns: list[str]) -> None:
    result = run_conversation(turns, None, TODAY)[-1]
    assert result.distress_level == AMBIGUOUS and not result.distress, (turns, result)
