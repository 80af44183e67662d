"""The knowledge base: coverage of the mechanisms of issue 14, conditions in law, honest sources."""

from __future__ import annotations

import copy
from datetime import date, timedelta

import pytest
import yaml

from chamber import OPTION_KEYS
from guidance import KNOWLEDGE_BASE, KnowledgeBaseError, count_sentences, load_knowledge_base, parse_knowledge_base
from triage import CATEGORIES

KB = load_knowledge_base()
BY_ID = {entry.id: entry for entry in KB}
RAW_KB = yaml.safe_load(KNOWLEDGE_BASE.read_text(encoding="utf-8"))


def test_covers_the_mechanisms_of_the_issue():
    assert {
        "urssaf_delai_paiement",
        "urssaf_delai_micro",
        "micro_declarer_chiffre_affaires",
        "urssaf_revenu_estime",
        "cpsti_aced",
        "cpsti_afe",
        "ccsf",
        "codefi",
        "sie_plan_reglement",
        "mediation_credit",
        "mediateur_entreprises",
        "cip_prevention",
        "mandat_adhoc_conciliation",
        "procedures_collectives",
        "retablissement_professionnel",
        "allocation_travailleurs_independants",
        "ij_independants",
        "rqth_mdph",
        "agefiph_independants",
        "patrimoine_ei",
        "deces_comptes_notaire",
        "deces_poursuite_activite",
        "chambre_fonds_urgence",
        "declaration_assurance",
        "vol_plainte",
        "catnat_mairie",
        "fci_cpsti",
        "soutien_psychologique_dirigeants",
        "chambre_conseillers",
    } <= set(BY_ID)


def test_conditions_in_law():
    # The independents' social action excludes the assimilés salariés (SAS/SASU presidents).
    for entry_id in ("cpsti_aced", "cpsti_afe", "fci_cpsti", "ij_independants"):
        assert BY_ID[entry_id].requires["social_status"] == ("independant",), entry_id
    # The estimated income is meaningless under the micro regime.
    assert "micro" not in BY_ID["urssaf_revenu_estime"].requires["legal_form"]
    assert BY_ID["urssaf_delai_micro"].requires["legal_form"] == ("micro",)
    # Rétablissement professionnel: natural persons without employees, in cessation des paiements.
    retablissement = BY_ID["retablissement_professionnel"].requires
    assert retablissement["natural_person"] == ("yes",) and retablissement["employees"] == ("no",)
    assert retablissement["had_employees"] == ("no",) and retablissement["stage"] == ("cessation",)
    # The calamity fund: catastrophes and bad weather, never a theft.
    assert "vol" in BY_ID["fci_cpsti"].excludes_causes and "vol" not in BY_ID["fci_cpsti"].offered_for.causes
    # The Médiateur des entreprises: a dispute with a client or a supplier only.
    assert set(BY_ID["mediateur_entreprises"].offered_for.causes) == {"impayes_clients", "litige"}
    assert not BY_ID["mediateur_entreprises"].offered_for.categories
    # The médiation du crédit: not in cessation des paiements (said when unknown).
    assert BY_ID["mediation_credit"].requires["stage"] == ("amiable",)
    assert "cessation des paiements" in BY_ID["mediation_credit"].caveat
    # The death entries are for a death only.
    for entry_id in ("deces_comptes_notaire", "deces_poursuite_activite"):
        assert BY_ID[entry_id].offered_for.causes == ("deces",) and not BY_ID[entry_id].offered_for.categories
    # The EI's asset separation: natural persons only.
    assert BY_ID["patrimoine_ei"].requires["natural_person"] == ("yes",)


@pytest.mark.parametrize("entry", KB, ids=lambda entry: entry.id)
def test_every_entry_is_sourced_honestly_and_plain(entry):
    assert entry.source.title
    assert entry.source.url is None or entry.source.url.startswith(("https://", "http://"))
    # A date only for a page really checked live; otherwise a note says what was done.
    assert (entry.source.verified is not None) == entry.source.checked_live
    assert entry.source.checked_live or entry.source.note
    assert entry.link is None or entry.link.startswith("https://")
    assert set(entry.categories) <= set(CATEGORIES)
    assert entry.requires_option is None or entry.requires_option in OPTION_KEYS
    assert count_sentences(entry.summary) == 1 and count_sentences(entry.how[0]) == 1


def test_unconfirmed_mechanisms_are_option_gated():
    gated = {entry.id: entry.requires_option for entry in KB if entry.requires_option}
    assert gated == {
        "bdf_correspondant_tpe": "bdf_tpe_correspondent_line",
        "chambre_fonds_urgence": "emergency_fund",
        "soutien_psychologique_dirigeants": "business_owner_line_0805",
    }
    for entry in KB:
        if entry.requires_option is None:
            assert "0 800 08 32 08" not in entry.how[0] and "0 805" not in entry.how[0]


def _mutated(**changes):
    raw = copy.deepcopy(RAW_KB)
    for key, value in changes.items():
        if value is KeyError:
            raw["entries"][0].pop(key, None)
        else:
            raw["entries"][0][key] = value
    return raw


def _source(**changes):
    source = dict(RAW_KB["entries"][0]["source"])
    source.update(changes)
    return source


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"source": KeyError}, "source"),
        ({"source": _source(url="exemple.fr")}, "source.url"),
        ({"source": _source(checked_live=KeyError)}, "source.checked_live"),
        ({"source": _source(verified=date(2026, 11, 27))}, "source.verified"),  # a date without a live check
        ({"source": _source(checked_live=True, verified=None)}, "source.verified"),
        ({"source": _source(checked_live=True, verified=date.today() + timedelta(days=3))}, "source.verified"),  # noqa: DTZ011 - the check's own date
        ({"source": _source(note="")}, "source.note"),
        ({"link": "www.urssaf.fr"}, "link"),
        ({"offered_for": {"categories": ["cotisations"]}}, "offered_for.categories"),
        ({"offered_for": {"causes": ["tsunami"]}}, "offered_for.causes"),
        ({"offered_for": {}}, "offered_for"),
        ({"requires": {"legal_form": ["auto-entrepreneur"]}}, "requires.legal_form"),
        ({"requires": {"age": ["jeune"]}}, "requires.age"),
        ({"requires": {"departement": ["100"]}}, "requires.departement"),
        ({"excludes_causes": ["meteorite"]}, "excludes_causes"),
        ({"caveat": "si micro"}, "caveat"),
        ({"requires_option": "fonds_urgence"}, "requires_option"),
        ({"situations": ["urgent"]}, "situations"),
        ({"priority": "haute"}, "priority"),
        ({"summary": "Vous obtiendrez un délai de paiement."}, "summary"),
        ({"summary": "Première phrase. Deuxième phrase."}, "summary"),
        ({"how": ["Appelez la {chambre} au plus vite."]}, "how"),
        ({"id": "Délai URSSAF"}, "id"),
    ],
)
def test_invalid_entries_are_refused_with_entry_and_field(changes, field):
    if "source" in changes and isinstance(changes["source"], dict):
        changes["source"] = {k: v for k, v in changes["source"].items() if v is not KeyError}
    with pytest.raises(KnowledgeBaseError) as error:
        parse_knowledge_base(_mutated(**changes))
    assert "urssaf_delai_paiement" in str(error.value) or "Délai URSSAF" in str(error.value)
    assert f"'{field}'" in str(error.value)


def test_yes_and_no_in_yaml_are_words_not_booleans():
    raw = _mutated(requires={"employees": [True]})  # what YAML 1.1 makes of `yes`
    entry = parse_knowledge_base(raw)[0]
    assert entry.requires["employees"] == ("yes",)


def test_duplicate_ids_and_uncovered_categories_are_refused():
    raw = copy.deepcopy(RAW_KB)
    raw["entries"].append(copy.deepcopy(raw["entries"][0]))
    with pytest.raises(KnowledgeBaseError, match="twice"):
        parse_knowledge_base(raw)
    raw = copy.deepcopy(RAW_KB)
    raw["entries"] = [e for e in raw["entries"] if "travaux" not in e["offered_for"].get("categories", [])]
    with pytest.raises(KnowledgeBaseError, match="travaux"):
        parse_knowledge_base(raw)
