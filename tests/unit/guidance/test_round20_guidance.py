"""Round 20 of conversations: first steps that did not fit, or had no official page.

- a.H3 (r20a-06, r20a-14): "on est morts", "je suis mort" said about money gave the guidance after a death (notaire,
  acte de notoriété); "pourquoi vous me parlez de décès ? il est pas mort" did not take it back.
- c.M6 (r20c-16, r20c-14): "j'ai pas de prêt" got the loan left after closing; a commandement visant la clause
  résolutoire lacked the judge's payment delays within the month.
- b (r20b-08, r20b-12, r20b-13): an URSSAF letter of observations, an insurer slow to pay, a dead father's unknown debts.
- c.M7, b LOW: steps without an official page; secu-independants.fr closed since 2020.

New sentences, with near misses that must not change.
"""

from __future__ import annotations

from datetime import date

import pytest

from chamber import load_chamber
from guidance import load_knowledge_base, select_guidance
from guidance.facts import read_causes
from triage import assess

KB = load_knowledge_base()
CHAMBER = load_chamber()
TODAY = date(2026, 12, 5)
BEREAVEMENT = {"deces_comptes_notaire", "deces_poursuite_activite", "succession_option", "deces_proche_entreprise"}


def _ids(says: list[str]) -> list[str]:
    assessment = assess(says, situation={}, today=TODAY)
    return [e.id for e in select_guidance(KB, assessment, CHAMBER, situation={}, limit=3, messages=says, today=TODAY)]


@pytest.mark.parametrize(
    "says",
    [
        ["avec ce redressement URSSAF de 30 000 euros, franchement on est morts"],
        ["mon mari a ouvert le courrier, il a dit je suis mort, nous sommes morts"],
        ["les impôts me réclament tout d'un coup, je suis mort", "le contrôle date de juin"],
        ["on est morts", "pourquoi vous me parlez de décès ? il est pas mort mon mari"],
        ["personne n'est décédé, c'est une façon de parler", "la banque a rejeté deux prélèvements"],
    ],
)
def test_ruin_said_as_death_or_a_denied_death_gets_no_bereavement_step(says):
    assert "deces" not in read_causes(says)
    assert not BEREAVEMENT & set(_ids(says))


@pytest.mark.parametrize(
    "says",
    [
        ["mon mari est décédé en mars, je reprends sa menuiserie"],
        ["ma femme est morte, moi je suis mort de fatigue"],
        ["on est morts de fatigue", "en fait mon père est décédé la semaine dernière, c'était son garage"],
    ],
)
def test_a_real_death_keeps_its_steps(says):
    assert "deces" in read_causes(says)
    assert BEREAVEMENT & set(_ids(says))


@pytest.mark.parametrize(
    "says, present, absent",
    [
        # A landlord's formal notice naming the clause résolutoire: the judge's delays within the month lead.
        (
            ["le bailleur m'a fait délivrer un commandement visant la clause résolutoire, 5 mois de loyer"],
            "bail_clause_resolutoire_juge",
            None,
        ),
        (
            ["commandement de l'huissier, si je paie pas dans le mois il peut résilier le bail de la boutique"],
            "bail_clause_resolutoire_juge",
            None,
        ),
        # Near miss: rent late, no notice: the échéancier with the landlord only.
        (
            ["j'ai deux loyers en retard, le propriétaire s'impatiente"],
            "bail_commercial_loyers",
            "bail_clause_resolutoire_juge",
        ),
        # Retiring without any loan: no step about a loan left after closing.
        (["je suis coiffeuse, je pars à la retraite en juin, j'ai pas de prêt"], None, "fermeture_pret_restant"),
        (["je veux fermer mon atelier et partir à la retraite"], "fermeture_pret_restant", None),
        # An URSSAF inspection's letter, with its 30 days to reply.
        (
            ["contrôle URSSAF terminé, j'ai 30 jours pour répondre à leur lettre d'observations"],
            "controle_urssaf_observations",
            None,
        ),
        (["l'URSSAF veut me contrôler le mois prochain"], None, "controle_urssaf_observations"),
        # The insurer slow to pay a declared claim: chase it, not "declare the damage".
        (
            ["dégât des eaux en septembre, l'assureur ne paie toujours pas, l'expert est passé"],
            "assurance_indemnisation_retard",
            "declaration_assurance",
        ),
        (["l'atelier a été inondé cette nuit"], "declaration_assurance", "assurance_indemnisation_retard"),
        # A death with the dead man's debts unknown: the heir's choice (actif net, renonciation).
        (
            ["mon père est décédé, il avait une boucherie et je ne sais pas ce qu'il devait"],
            "succession_option",
            None,
        ),
        (["mon père est décédé le mois dernier, je suis perdue"], None, "succession_option"),
    ],
)
def test_the_step_fits_the_situation(says, present, absent):
    ids = _ids(says)
    if present:
        assert present in ids, ids
    if absent:
        assert absent not in ids, ids


def _entry(entry_id):
    return next(entry for entry in KB if entry.id == entry_id)


@pytest.mark.parametrize(
    "entry_id, link",
    [
        ("ccsf", "https://entreprendre.service-public.fr/vosdroits/F38326"),
        ("conciliateur_justice", "https://www.service-public.fr/particuliers/vosdroits/F1736"),
        ("succession_option", "https://www.service-public.fr/particuliers/vosdroits/F1199"),
    ],
)
def test_steps_link_their_official_page(entry_id, link):
    assert _entry(entry_id).link == link


def test_no_step_sends_the_artisan_to_the_closed_secu_independants_site():
    for entry in KB:
        assert "secu-independants.fr" not in (entry.link or ""), entry.id
        assert all("secu-independants.fr" not in step for step in entry.how), entry.id
