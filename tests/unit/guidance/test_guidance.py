"""Guidance: knowledge base validation, selection per category and urgency, rendering and the crisis reply."""

from __future__ import annotations

import copy
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from chamber import OPTION_KEYS, load_all_chambers, load_chamber
from guidance import (
    CHAMBER_ADVISORS,
    KNOWLEDGE_BASE,
    KnowledgeBaseError,
    count_sentences,
    load_knowledge_base,
    parse_knowledge_base,
    render_guidance,
    select_guidance,
)
from guidance.select import SITUATION_BOOST, active_situations
from triage import CATEGORIES, Assessment, assess

HERE = Path(__file__).resolve().parent
CHAMBERS = {chamber.id: chamber for chamber in load_all_chambers()}
KB = load_knowledge_base()
RAW_KB = yaml.safe_load(KNOWLEDGE_BASE.read_text(encoding="utf-8"))
URL = re.compile(r"https?://\S+")


def chamber_with(tmp_path, **options):
    """The generic chamber with some options switched on, written to a real file."""
    raw = yaml.safe_load((Path(load_chamber().source_path)).read_text(encoding="utf-8"))
    raw["options"].update(options)
    raw["id"] = "cma-options"
    path = tmp_path / "chamber.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return load_chamber(path)


# --- Knowledge base -------------------------------------------------------------------------------

def test_knowledge_base_covers_the_domain_facts():
    ids = {entry.id for entry in KB}
    assert {
        "urssaf_delai_paiement", "urssaf_revenu_estime", "cpsti_action_sociale", "sie_plan_reglement", "ccsf",
        "mediation_credit", "bdf_correspondant_tpe", "mediateur_entreprises", "injonction_de_payer_creancier",
        "cip_prevention", "mandat_adhoc_conciliation", "procedures_collectives", "retablissement_professionnel",
        "opposition_injonction_commissaire", "ij_cpam", "help_independants", "deces_comptes_bloques",
        "travaux_indemnisation", "declaration_assurance", "fci_cpsti", "chambre_conseillers",
        "chambre_fonds_urgence",
    } <= ids


@pytest.mark.parametrize("entry", KB, ids=lambda entry: entry.id)
def test_every_entry_is_sourced_dated_and_plain(entry):
    assert entry.source.url.startswith("https://") and entry.source.title
    assert entry.verified <= date.today()
    assert entry.link is None or entry.link.startswith("https://")
    assert set(entry.categories) <= set(CATEGORIES) and entry.categories
    assert entry.requires_option is None or entry.requires_option in OPTION_KEYS
    assert count_sentences(entry.summary) == 1 and count_sentences(entry.how[0]) == 1
    for text in (entry.summary, *entry.how, *entry.conditions):
        assert "vous obtiendrez" not in text and "automatiquement" not in text


def test_every_category_reaches_an_entry():
    for code in CATEGORIES:
        assert any(code in entry.categories for entry in KB), code


def test_unconfirmed_mechanisms_are_option_gated():
    gated = {entry.id: entry.requires_option for entry in KB if entry.requires_option}
    assert gated == {"bdf_correspondant_tpe": "bdf_tpe_correspondent_line",
                     "chambre_fonds_urgence": "emergency_fund"}
    for entry in KB:
        if entry.requires_option is None:
            assert "0 800 08 32 08" not in entry.how[0] and "0 805" not in entry.how[0]


def _mutated(index: int, **changes):
    raw = copy.deepcopy(RAW_KB)
    for key, value in changes.items():
        if value is KeyError:
            raw["entries"][index].pop(key, None)
        else:
            raw["entries"][index][key] = value
    return raw


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"source": KeyError}, "source"),
        ({"source": {"title": "Un blog", "url": "http://exemple.fr"}}, "source.url"),
        ({"verified": KeyError}, "verified"),
        ({"verified": date.today() + timedelta(days=3)}, "verified"),
        ({"link": "www.urssaf.fr"}, "link"),
        ({"categories": ["cotisations"]}, "categories"),
        ({"categories": []}, "categories"),
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
    with pytest.raises(KnowledgeBaseError) as error:
        parse_knowledge_base(_mutated(0, **changes))
    assert "urssaf_delai_paiement" in str(error.value) or "Délai URSSAF" in str(error.value)
    assert f"'{field}'" in str(error.value)


def test_duplicate_ids_and_uncovered_categories_are_refused():
    raw = copy.deepcopy(RAW_KB)
    raw["entries"].append(copy.deepcopy(raw["entries"][0]))
    with pytest.raises(KnowledgeBaseError, match="twice"):
        parse_knowledge_base(raw)
    raw = copy.deepcopy(RAW_KB)
    raw["entries"] = [entry for entry in raw["entries"] if "travaux" not in entry["categories"]]
    with pytest.raises(KnowledgeBaseError, match="travaux"):
        parse_knowledge_base(raw)


# --- Selection and rendering, table-driven, with both chambers ------------------------------------

def _cases():
    data = yaml.safe_load((HERE / "cases_guidance.yml").read_text(encoding="utf-8"))
    today = data.pop("today")
    for section, entries in data.items():
        for number, case in enumerate(entries, 1):
            for chamber_id in sorted(CHAMBERS):
                yield pytest.param(case, today, chamber_id, id=f"{section}-{number}-{chamber_id}")


@pytest.mark.parametrize("case, today, chamber_id", list(_cases()))
def test_guidance_case(case, today, chamber_id):
    chamber = CHAMBERS[chamber_id]
    situation = case.get("situation")
    assessment = assess([case["says"]], situation=situation, today=today)
    entries = select_guidance(KB, assessment, chamber, situation=situation)
    ids = [entry.id for entry in entries]
    described = f"{case['says']!r} {assessment.categories} {assessment.urgency} -> {ids}"

    assert len(entries) <= 3, described
    if "only" in case:
        assert ids == case["only"], described
    if "first" in case:
        assert ids and ids[0] == case["first"], described
    assert set(case.get("includes", [])) <= set(ids), described
    assert not set(case.get("excludes", [])) & set(ids), described
    # Most urgent first.
    tags = active_situations(assessment, situation)
    ranks = [entry.priority - SITUATION_BOOST * len(tags & set(entry.situations)) for entry in entries]
    assert ranks == sorted(ranks), described
    # Option-gated entries only where the chamber enables them.
    for entry in entries:
        assert entry.requires_option is None or chamber.options[entry.requires_option], described

    messages = render_guidance(entries, chamber)
    others = [c for c in CHAMBERS.values() if c.id != chamber.id]
    for entry, message in zip(entries, messages):
        assert count_sentences(message) <= 3, message
        assert "{" not in message and "}" not in message, message
        if entry.link:
            assert entry.link in URL.findall(message), message
        if "{chamber_phone}" in entry.how[0]:
            assert chamber.phone in message, message
        for other in others:
            assert other.phone not in message, message
            if other.name not in chamber.name:  # the generic name is a prefix of the other one
                assert other.name not in message, message


def test_emergency_fund_only_where_enabled():
    assessment = assess(["mon mari est décédé, je suis perdue"], today=date(2025, 11, 27))
    generic = [e.id for e in select_guidance(KB, assessment, CHAMBERS["cma-generique"])]
    nord = [e.id for e in select_guidance(KB, assessment, CHAMBERS["cma-exemple-nord"])]
    assert "chambre_fonds_urgence" not in generic
    assert "chambre_fonds_urgence" in nord
    fund = next(entry for entry in KB if entry.id == "chambre_fonds_urgence")
    message = render_guidance([fund], CHAMBERS["cma-exemple-nord"])[0]
    assert "Chambre de métiers et de l'artisanat Exemple Nord" in message and "09 72 72 20 60" in message


def test_banque_de_france_line_only_with_its_option(tmp_path):
    assessment = assess(["je voudrais anticiper un refus de prêt de ma banque"], today=date(2025, 11, 27))
    assert assessment.urgency == "basse"
    without = [e.id for e in select_guidance(KB, assessment, load_chamber(), limit=10)]
    enabled = chamber_with(tmp_path, bdf_tpe_correspondent_line=True)
    with_option = select_guidance(KB, assessment, enabled, limit=10)
    assert "bdf_correspondant_tpe" not in without
    assert "bdf_correspondant_tpe" in [e.id for e in with_option]
    assert any("0 800 08 32 08" in message for message in render_guidance(with_option, enabled))


def test_distress_means_no_guidance_yet():
    previous = assess(["l'urssaf me relance"], today=date(2025, 11, 27))
    crisis = assess(["l'urssaf me relance", "j'ai envie d'en finir"], previous=previous, today=date(2025, 11, 27))
    assert crisis.distress
    assert select_guidance(KB, crisis, load_chamber()) == []


def test_nothing_specific_leads_to_the_chamber_advisors():
    chamber = CHAMBERS["cma-exemple-nord"]
    for assessment in (None, Assessment(), Assessment(categories=("autre",), urgency="normale")):
        entries = select_guidance(KB, assessment, chamber)
        assert [entry.id for entry in entries] == [CHAMBER_ADVISORS]
        message = render_guidance(entries, chamber)[0]
        assert chamber.phone in message and chamber.hours_text in message


def test_limit_is_respected_and_every_difficulty_gets_a_step():
    assessment = assess(["l'urssaf, la banque et les travaux du tram, je n'en sors plus"], today=date(2025, 11, 27))
    assert {"cotisations_sociales", "banque", "travaux"} <= set(assessment.categories)
    entries = select_guidance(KB, assessment, load_chamber())
    assert len(entries) == 3
    for code in ("cotisations_sociales", "banque", "travaux"):
        assert any(code in entry.categories for entry in entries), code
    assert len(select_guidance(KB, assessment, load_chamber(), limit=1)) == 1


