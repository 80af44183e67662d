"""Round 33, helper "fixd": the retired held-out v37's distress misses as classes.

Signs caught at once: leaving life or this world in any tense, falling asleep for good, putting oneself out or being
erased from everywhere, not seeing oneself reach a near date, things placed where one goes needs none and shares given
out for the few days left, a relative reported to call himself a dead weight, a last word to everyone with nothing of the
writer after it, a departure whose trip or move is denied. Calm: a file one would "bien" be done with, working oneself
to death with a time or the work named, the southern hello with the place "pas loin de", a life of a kind left, a date
not seen with a condition after it, a town left for good with someone waiting, no work without one's tools, a late
spouse's papers, fear for the boss and one's pay, the workshop tidied for the last time at its handover. Asked about
directly: the act said not to cross the mind in the present, a second act named with "ou", dying "pas au programme".
Sentences written for these tests; none comes from an evaluation set."""

from __future__ import annotations

import pytest

from triage.distress import AMBIGUOUS, EXPLICIT, INDIRECT, find_signs, suicide_denied_unprompted


def _strongest(text: str) -> int | None:
    signs = find_signs(text)
    return signs[0].level if signs else None


@pytest.mark.parametrize(
    "text, level",
    [
        # Leaving life or this world, in any tense, said by oneself or reported.
        ("dimanche soir je quitte la vie, tout est réglé dans ma tête", EXPLICIT),
        ("d'ici la fin de la semaine j'aurai quitté ce monde, voilà", EXPLICIT),
        ("ma mère m'a dit qu'elle quittera cette terre avant l'été", EXPLICIT),
        # Falling asleep for good.
        ("il voudrait s'endormir cette nuit, pour de bon, il me l'a dit au téléphone", INDIRECT),
        ("j'aimerais m'endormir un soir définitivement", INDIRECT),
        # Putting oneself out, erased from everywhere.
        ("j'aimerais tout doucement m'éteindre", INDIRECT),
        ("que je sois rayé de partout, voilà ce que je veux", INDIRECT),
        # Not seeing oneself reach a near date; one's time over.
        ("avec tout ça, je ne me vois pas à Noël", INDIRECT),
        ("franchement je me vois plus passer l'hiver", INDIRECT),
        ("je me sens comme une vieille qui a terminé son temps", INDIRECT),
        # Things placed where one goes needs none; shares given out for the few days left.
        ("mon vélo chez mon frère, ma scie chez l'apprenti, là-bas où je m'en vais on n'a besoin de rien", INDIRECT),
        ("mes neveux ont reçu chacun leur part, les bijoux, la voiture, l'argenterie", INDIRECT),
        ("plus besoin de rien, sauf du café pour les quelques jours qui restent", INDIRECT),
        # A relative reported to call himself a dead weight.
        ("mon oncle répète qu'on se coltine un boulet avec lui depuis la faillite", INDIRECT),
        ("ma mère dit, depuis la saisie, à qui veut l'entendre, que ça coûte, qu'elle nous encombre", INDIRECT),
        # A last word to everyone, nothing of the writer after it.
        (
            "sur le groupe de la famille il a écrit : plus rien de moi après ce soir, je vous embrasse, c'est mon mot de la fin",
            INDIRECT,
        ),
        ("pardon pour le bazar, merci à vous tous, voilà mon mot de la fin", INDIRECT),
        # A departure whose trip or move is denied.
        (
            "j'ai dit au revoir à mes sœurs hier, elles pensent que je pars en vacances, mais je ne pars pas en vacances",
            INDIRECT,
        ),
        ("il veut s'en aller en réglant tout, et il ne parle pas de vacances", INDIRECT),
    ],
)
def test_the_sign_is_caught_at_once(text: str, level: int) -> None:
    found = _strongest(text)
    assert found is not None and found <= level, (text, find_signs(text))


@pytest.mark.parametrize(
    "text",
    [
        # A file one would "bien" be done with.
        "j'en finirais volontiers avec ce vieux litige de TVA, mais pas à ce prix",
        "moi, j'en finirais bien volontiers avec ce dossier de la CFE",
        # Working oneself to death, a time between or the work named.
        "on se tue depuis septembre sur les chantiers de la rocade",
        "je me crève toute la saison avec les commandes de Noël",
        # The southern hello with the place "pas loin de".
        "Adieu ! Je suis potier pas loin de Mont-de-Marsan, installé depuis vingt ans",
        # A kind of life or a milieu left.
        "je quitte la vie parisienne pour m'installer dans le Gers",
        "je quitte cette vie de fou pour un poste salarié",
        # A date not seen with a condition after it.
        "je ne me vois pas à Noël avec ce découvert sur le dos",
        # Shares of an inheritance.
        "mes enfants ont reçu chacun leur part de l'héritage de leur grand-mère",
        # A town left for good, someone waiting there.
        "je quitte Limoges pour de bon, mon fils m'attend à Tours avec un local",
        # No work without one's tools or van.
        "sans mon camion je peux plus rien livrer",
        # A late spouse's papers.
        "le soir j'essaie de comprendre ses factures, c'était ma femme qui faisait tout",
        # Fear for the boss and for one's pay.
        "la patronne ne dit rien, je suis inquiète pour elle comme pour mon contrat",
        # Tired to the point of going out: exhaustion, asked about directly.
        "mon associé s'éteint d'épuisement, il ne dort plus",
        # A trip or a move denied with its reason, or no holiday this year.
        "je partirai pas en vacances cette année, trop de boulot, je ne pars pas en vacances cet été",
        "je dois partir à Lyon lundi, je ne pars pas en voyage, c'est pour un chantier",
    ],
)
def test_the_near_miss_stays_calm(text: str) -> None:
    level = _strongest(text)
    assert level is None or level > INDIRECT, (text, find_signs(text))


def test_the_workshop_tidied_for_the_last_time_at_its_handover_is_calm() -> None:
    text = (
        "Personne n'a voulu reprendre l'atelier, les machines iront à une jeune qui s'installe. "
        "Je range l'atelier pour la dernière fois."
    )
    level = _strongest(text)
    assert level is None or level > INDIRECT, find_signs(text)


@pytest.mark.parametrize(
    "text",
    [
        # The same gesture with an end of the person's own is a sign.
        "Personne pour reprendre l'atelier. Je range tout pour la dernière fois, pardon à mes enfants, je vous aime.",
    ],
)
def test_the_sign_stays_beside_its_near_misses(text: str) -> None:
    level = _strongest(text)
    assert level is not None and level <= INDIRECT, (text, find_signs(text))


@pytest.mark.parametrize(
    "text",
    [
        # The act said not to cross the mind in the present, "ne" dropped, "ça" for subject.
        "me tuer, ça m'effleure pas, je veux juste que la banque me réponde",
        "me suicider, ça m'effleure jamais, c'est la trésorerie le souci",
        # A second act named with "ou".
        "l'idée d'en finir ou de me faire du mal ne me traverse pas, je suis juste fatiguée",
        # Dying "not on the programme".
        "crever, c'est pas au programme, faut juste régler cette dette",
    ],
)
def test_an_unprompted_no_is_no_sign_but_gets_the_question(text: str) -> None:
    level = _strongest(text)
    assert level is None or level == AMBIGUOUS, (text, find_signs(text))
    denial = suicide_denied_unprompted(text)
    assert level == AMBIGUOUS or (denial is not None and denial.level == AMBIGUOUS), (text, denial)


@pytest.mark.parametrize(
    "text",
    [
        # A no limited in time is none.
        "me tuer, ça m'effleure pas pour le moment, mais qui sait",
    ],
)
def test_a_no_that_is_none_is_not_taken_as_one(text: str) -> None:
    assert suicide_denied_unprompted(text) is None, text
