"""Selection by situation, table-driven (cases_guidance.yml), with every chamber of chamber/configs/.

`python -m pytest tests/unit/guidance/test_selection.py -k measure -s` prints the size and the
precision of the table (README figures).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from chamber import load_all_chambers, load_chamber
from guidance import CHAMBER_ADVISORS, load_knowledge_base, render_guidance, select_guidance
from guidance.checks import MAX_WORDS, count_words
from triage import Assessment, assess

HERE = Path(__file__).resolve().parent
CHAMBERS = {chamber.id: chamber for chamber in load_all_chambers()}
KB = load_knowledge_base()
KB_IDS = {entry.id for entry in KB}
URL = re.compile(r"https?://\S+")
DATA = yaml.safe_load((HERE / "cases_guidance.yml").read_text(encoding="utf-8"))
TODAY = DATA["today"]
CASES = DATA["cases"]


def chamber_with(tmp_path, **options):
    """The generic chamber with some options switched on, written to a real file."""
    raw = yaml.safe_load(Path(load_chamber().source_path).read_text(encoding="utf-8"))
    raw["options"].update(options)
    raw["id"] = "cma-options"
    path = tmp_path / "chamber.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return load_chamber(path)


def run_case(case: dict, chamber) -> tuple[Assessment, list, list[str]]:
    situation = case.get("situation") or {}
    assessment = assess(case["says"], situation=situation, today=TODAY)
    entries = select_guidance(KB, assessment, chamber, situation=situation, messages=case["says"], today=TODAY)
    return assessment, entries, render_guidance(entries, chamber)


def _params():
    for case in CASES:
        for chamber_id in sorted(CHAMBERS):
            if case.get("chamber", chamber_id) == chamber_id:
                yield pytest.param(case, chamber_id, id=f"{case['id']}-{chamber_id}")


def test_the_table_is_large_and_names_real_entries():
    assert len(CASES) >= 40
    assert len({case["id"] for case in CASES}) == len(CASES)
    for case in CASES:
        named = set(case.get("must", [])) | set(case.get("must_not", [])) | set(case.get("may", []))
        named |= set(case.get("caveat", [])) | ({case["first"]} if "first" in case else set())
        assert named <= KB_IDS, (case["id"], named - KB_IDS)
        assert not set(case.get("must", [])) & set(case.get("must_not", [])), case["id"]


@pytest.mark.parametrize("case, chamber_id", list(_params()))
def test_guidance_case(case, chamber_id):
    chamber = CHAMBERS[chamber_id]
    assessment, entries, messages = run_case(case, chamber)
    ids = [entry.id for entry in entries]
    described = f"{case['id']}: {assessment.categories} {assessment.urgency} -> {ids}"

    assert len(entries) <= 3, described
    assert set(case.get("must", [])) <= set(ids), described
    assert not set(case.get("must_not", [])) & set(ids), described
    if "first" in case:
        assert ids and ids[0] == case["first"], described
    for entry in entries:
        # A caveat is said exactly when a condition of the entry is unknown.
        if entry.id in case.get("caveat", []):
            assert entry.caveat_shown, described
        # Option-gated entries only where the chamber enables them.
        assert entry.requires_option is None or chamber.options[entry.requires_option], described
    if "court" in case:
        assert any(case["court"] in message for message in messages), (described, messages)

    others = [c for c in CHAMBERS.values() if c.id != chamber.id]
    for entry, message in zip(entries, messages, strict=True):
        assert count_words(message) <= MAX_WORDS, message
        assert "{" not in message and "}" not in message, message
        if entry.link:
            assert entry.link in URL.findall(message), message
        if entry.caveat_shown:
            assert message.startswith(entry.caveat), message
        for other in others:
            assert other.phone not in message, message


def test_measure_size_and_precision():
    """Size and precision of the table: every shown entry is either expected (must or may) or not."""
    shown = expected = forbidden = missed = required = 0
    for case in CASES:
        for chamber_id in sorted(CHAMBERS):
            if case.get("chamber", chamber_id) != chamber_id:
                continue
            _, entries, _ = run_case(case, CHAMBERS[chamber_id])
            ids = {entry.id for entry in entries}
            acceptable = set(case.get("must", [])) | set(case.get("may", []))
            shown += len(ids)
            expected += len(ids & acceptable)
            forbidden += len(ids & set(case.get("must_not", [])))
            required += len(case.get("must", []))
            missed += len(set(case.get("must", [])) - ids)
    precision = expected / shown if shown else 1.0
    recall = (required - missed) / required if required else 1.0
    print(
        f"\n{len(CASES)} situations x chambers: {shown} entries shown, {expected} expected (must or may), "
        f"{forbidden} forbidden; precision {precision:.1%}; required entries shown {recall:.1%}"
    )
    assert forbidden == 0 and missed == 0


# --- Behaviour beyond the table ------------------------------------------------------------------


def test_unknown_legal_form_is_said_and_a_known_one_is_not():
    assessment = assess(["l'urssaf me réclame 3 trimestres"], today=TODAY)
    unknown = select_guidance(KB, assessment, CHAMBERS["cma-generique"], situation={})
    known = select_guidance(KB, assessment, CHAMBERS["cma-generique"], situation={"legal_form": "EI"})
    aced_unknown = next(entry for entry in unknown if entry.id == "cpsti_aced")
    aced_known = next(entry for entry in known if entry.id == "cpsti_aced")
    said_unknown = render_guidance([aced_unknown], CHAMBERS["cma-generique"])[0]
    said_known = render_guidance([aced_known], CHAMBERS["cma-generique"])[0]
    assert said_unknown.startswith("Si vous cotisez au régime des indépendants, l'aide aux cotisants")
    assert said_known.startswith("L'aide aux cotisants en difficulté (ACED)")


def test_the_old_call_without_messages_still_reads_causes_from_the_triage_reasons():
    # ActionGiveGuidance passes the assessment rebuilt from slots (with its quoted reasons) and the
    # situation, not the messages.
    assessment = assess(["on m'a volé tout l'outillage dans le camion"], today=TODAY)
    rebuilt = Assessment.from_slots(assessment.to_slots())
    ids = [e.id for e in select_guidance(KB, rebuilt, CHAMBERS["cma-generique"], situation={}, limit=3)]
    assert "fci_cpsti" not in ids
    assert "vol_plainte" in ids


def test_emergency_fund_only_where_enabled():
    assessment = assess(["mon mari est décédé, je suis perdue"], today=TODAY)
    generic = [e.id for e in select_guidance(KB, assessment, CHAMBERS["cma-generique"])]
    nord = [e.id for e in select_guidance(KB, assessment, CHAMBERS["cma-exemple-nord"])]
    assert "chambre_fonds_urgence" not in generic
    assert "chambre_fonds_urgence" in nord
    fund = next(entry for entry in KB if entry.id == "chambre_fonds_urgence")
    message = render_guidance([fund], CHAMBERS["cma-exemple-nord"])[0]
    assert "Chambre de métiers et de l'artisanat Exemple Nord" in message and "09 72 72 20 60" in message


def test_banque_de_france_line_only_with_its_option(tmp_path):
    assessment = assess(["je voudrais anticiper un refus de prêt de ma banque"], today=TODAY)
    without = [e.id for e in select_guidance(KB, assessment, load_chamber(), limit=10)]
    enabled = chamber_with(tmp_path, bdf_tpe_correspondent_line=True)
    with_option = select_guidance(KB, assessment, enabled, limit=10)
    assert "bdf_correspondant_tpe" not in without
    assert "bdf_correspondant_tpe" in [e.id for e in with_option]
    assert any("0 800 08 32 08" in message for message in render_guidance(with_option, enabled))


def test_business_owner_line_only_with_its_option_and_for_overwhelm(tmp_path):
    overwhelmed = Assessment(categories=("tresorerie",), urgency="normale", overwhelm=True)
    calm = Assessment(categories=("tresorerie",), urgency="normale")
    enabled = chamber_with(tmp_path, business_owner_line_0805=True)
    assert "soutien_psychologique_dirigeants" in [e.id for e in select_guidance(KB, overwhelmed, enabled, limit=10)]
    assert "soutien_psychologique_dirigeants" not in [e.id for e in select_guidance(KB, calm, enabled, limit=10)]
    assert "soutien_psychologique_dirigeants" not in [
        e.id for e in select_guidance(KB, overwhelmed, load_chamber(), limit=10)
    ]


def test_distress_means_no_guidance_yet():
    previous = assess(["l'urssaf me relance"], today=TODAY)
    crisis = assess(["l'urssaf me relance", "j'ai envie d'en finir"], previous=previous, today=TODAY)
    assert crisis.distress
    assert select_guidance(KB, crisis, load_chamber()) == []


def test_nothing_specific_leads_to_the_chamber_advisors():
    chamber = CHAMBERS["cma-exemple-nord"]
    for assessment in (None, Assessment(), Assessment(categories=("autre",), urgency="normale")):
        entries = select_guidance(KB, assessment, chamber)
        assert [entry.id for entry in entries] == [CHAMBER_ADVISORS]
        message = render_guidance(entries, chamber)[0]
        assert chamber.phone in message and chamber.name in message


def test_limit_is_respected_and_every_difficulty_gets_a_step():
    assessment = assess(["l'urssaf, la banque et les travaux du tram, je n'en sors plus"], today=TODAY)
    assert {"cotisations_sociales", "banque", "travaux"} <= set(assessment.categories)
    entries = select_guidance(KB, assessment, load_chamber())
    assert len(entries) == 3
    for code in ("cotisations_sociales", "banque", "travaux"):
        assert any(code in entry.categories for entry in entries), code
    assert len(select_guidance(KB, assessment, load_chamber(), limit=1)) == 1


def test_ranked_by_fit_then_by_urgency():
    # A theft: the theft entry (specific cause) before the general insurance entry, both before the
    # independents' social action (a generic match).
    assessment = assess(["on m'a volé tout l'outillage"], today=TODAY)
    ids = [e.id for e in select_guidance(KB, assessment, load_chamber(), messages=["on m'a volé tout l'outillage"])]
    assert ids.index("vol_plainte") < ids.index("declaration_assurance")


@pytest.mark.parametrize(
    "departement, collector, not_said",
    [
        # Round 7: a hairdresser in Guadeloupe was sent to "l'URSSAF"; overseas, the CGSS collects.
        ("Pointe-à-Pitre", "la CGSS", "l'URSSAF"),
        ("972", "la CGSS", "l'URSSAF"),
        ("Saint-Pierre 97410", "la CGSS", "l'URSSAF"),
        ("976", "la CSSM", "l'URSSAF"),
        ("59", "l'URSSAF", "CGSS"),
        (None, "l'URSSAF", "CGSS"),
    ],
)
def test_the_contributions_collector_is_the_one_of_the_place(departement, collector, not_said):
    situation = {"legal_form": "EI"} | ({"departement": departement} if departement else {})
    says = ["j'ai une dette de cotisations de 9000 euros"]
    assessment = assess(says, situation=situation, today=TODAY)
    chamber = CHAMBERS["cma-generique"]
    entries = select_guidance(KB, assessment, chamber, situation=situation, messages=says, today=TODAY)
    messages = render_guidance(entries, chamber)
    delay = next(m for e, m in zip(entries, messages, strict=True) if e.id == "urssaf_delai_paiement")
    assert f"demander à {collector} un délai" in delay
    assert not any(not_said in message for message in messages), messages


def test_a_condition_on_the_categories_needs_one_of_them():
    # The tax notice entry is for a tax debt: not for an URSSAF notice with the same words.
    says = ["j'ai reçu un avis avant saisie"]
    tax = Assessment(categories=("impots",), urgency="haute")
    social = Assessment(categories=("cotisations_sociales",), urgency="haute")
    chamber = CHAMBERS["cma-generique"]
    assert "impots_avis_avant_saisie" in [
        e.id for e in select_guidance(KB, tax, chamber, messages=says, today=TODAY, limit=10)
    ]
    assert "impots_avis_avant_saisie" not in [
        e.id for e in select_guidance(KB, social, chamber, messages=says, today=TODAY, limit=10)
    ]
