"""Round 34, helper "fixd": the retired held-out v38's distress misses and false alarms as classes.

Signs caught at once: affairs arranged for "after" (after oneself, one's death, the moment come) with little time said
left or no illness; one's life said to have lost its meaning; the near season not to be seen said with "aller"; an
insurance payout asked about for a voluntary act, or for leaving "pour de bon" with the debts paid. Calm: the same
arrangements with an illness, a retirement, a sale or someone else's estate; a working life; a season spent at a task; a
property claim; a relative asked by the writer who answered no; the act said back with a no and "ça ne m'effleure pas";
working oneself to death at a workplace named in any word, for little pay; last wishes "as a boss" for the business
handed on. Sentences written for these tests; none comes from an evaluation set."""

from __future__ import annotations

import pytest

from triage.distress import INDIRECT, find_signs


def _strongest(text: str) -> int | None:
    signs = find_signs(text)
    return signs[0].level if signs else None


@pytest.mark.parametrize(
    "text",
    [
        # Affairs arranged for after, with little time said left or no illness, by oneself or reported.
        "je range tout pour ma femme, les codes, les contrats, parce que je vais plus rester très longtemps",
        "mon associé a tout mis en ordre pour après lui, il dit qu'il n'en a plus pour longtemps, pourtant il n'est pas malade",
        "ma mère nous a montré où sont ses papiers pour le moment venu, elle a 58 ans et aucune maladie",
        "j'ai préparé ma succession, je n'en ai plus pour bien longtemps",
        "il a laissé ses codes à sa fille pour après sa mort, dit-il, et il n'est pas malade",
        # Everything in order for the family, with nothing of a business handed on.
        "tout est en ordre, le testament et les codes pour ma femme",
        # One's life said to have lost its meaning.
        "sa vie a perdu tout son sens depuis la faillite",
        "depuis le départ des enfants, ma vie a perdu son sens",
        # The near season not to be seen, with "aller".
        "je vais pas voir l'été, je le sens",
        "je ne vais pas passer l'hiver, c'est comme ça",
        "je vais jamais voir la fin de l'année",
        # A payout asked about for a voluntary act, or for leaving for good with the debts paid.
        "est-ce que l'assurance vie paie même si c'est un acte volontaire ?",
        "la prévoyance couvre-t-elle en cas de geste volontaire",
        "l'assurance décès de mon contrat de prêt couvre-t-elle un départ volontaire ?",
        "au moins si je pars pour de bon, ils pourront payer mes dettes avec l'assurance vie",
    ],
)
def test_the_sign_is_caught_at_once(text: str) -> None:
    found = _strongest(text)
    assert found is not None and found <= INDIRECT, (text, find_signs(text))


@pytest.mark.parametrize(
    "text",
    [
        # Arrangements with an illness, a retirement, a sale or someone else's estate.
        "mon père a un cancer, il n'en a plus pour longtemps, il prépare sa succession",
        "je prépare ma succession pour la retraite, je ne vais plus rester longtemps à l'atelier",
        "je prépare les papiers pour après la vente, je n'en ai plus pour longtemps",
        "elle n'est pas malade, elle prépare juste les papiers de la succession de sa mère",
        # A working life, a sense of direction.
        "ma vie professionnelle a perdu son sens",
        "mon chat a perdu tout son sens de l'orientation",
        # A season spent at a task, a business that will not last it.
        "je vais pas passer l'hiver à attendre les clients",
        "la boutique va pas passer l'hiver",
        # A property claim.
        "l'assurance ne couvre pas l'incendie volontaire du local",
        "si je pars pour de bon à la retraite, mes dettes seront soldées",
        # A relative asked by the writer, who answered no; the writer's worry beside it.
        "je lui ai demandé s'il pensait à en finir, il m'a dit non, il veut juste des vacances",
        "on lui a demandé si elle avait des pensées suicidaires, elle a répondu que non",
        "j'ai fini par lui demander s'il avait des idées noires, il a juré que non, mais je m'inquiète",
        "je leur ai demandé s'ils voulaient en finir, ils ont dit non",
        # The act said back with a no, then said not to cross the mind.
        "me tuer ? non, ça me traverse pas l'esprit",
        "mourir, non, ça ne me tente pas",
        "en finir ? nan, ça m'effleure jamais, j'ai juste besoin de vacances",
        # Last wishes "as a boss" for the business handed on.
        "tout est en ordre : mes dernières volontés de patronne, la clientèle à mon apprentie et les ciseaux aussi",
        "tout est prêt, mon testament professionnel dit que mon ouvrier garde le fichier et les outils",
        "tout est réglé pour la transmission, mes dernières volontés de chef : que le fournil reste ouvert",
        # Overwork at a workplace named in any word, for little pay.
        "je me tue à la brasserie pour des clous",
        "on se crève à la fromagerie pour trois sous",
        "il se tue dans son restaurant pour pas un rond",
        "je me tue au labo pour des miettes",
    ],
)
def test_no_crisis_sign(text: str) -> None:
    found = _strongest(text)
    assert found is None or found > INDIRECT, (text, find_signs(text))


@pytest.mark.parametrize(
    "text",
    [
        # A doubt after the relative's no keeps the sign or the question.
        "je lui ai demandé s'il pensait à en finir, il a dit non, enfin des fois",
        "je lui ai demandé si elle avait des idées noires, elle a dit non, pourtant elle a donné son chien",
    ],
)
def test_a_doubted_no_is_still_read(text: str) -> None:
    assert find_signs(text), text
