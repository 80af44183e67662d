"""Choose the few mechanisms that fit what the conversation knows: by fit, then by urgency.

An entry is offered when one of its `offered_for` triggers is present (a triage category, a cause
read in the artisan's words, a procedure stage, overwhelm). It is never shown when one of its
`requires` conditions is known not to hold (a SAS president and the independents' social action,
a company and the rétablissement professionnel...). When a condition is unknown, the entry is shown
with its caveat ("Si vous êtes micro-entrepreneur, ..."), or not at all if it has none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from chamber import Chamber
from guidance.facts import Facts, cause_categories
from guidance.knowledge import UNKNOWN, GuidanceEntry
from guidance.profile import Profile
from triage import Assessment

CHAMBER_ADVISORS = "chambre_conseillers"
# Kept for callers of the previous ranking (a situation tag that applies was worth this much).
SITUATION_BOOST = 10
# How much each kind of match weighs in the fit of an entry (the strongest match of each kind counts).
FIT_PRIMARY_CATEGORY = 3
FIT_CATEGORY = 2
FIT_GENERIC_PENALTY = 1  # an entry offered for more than GENERIC_CATEGORIES categories is generic
GENERIC_CATEGORIES = 3
FIT_ALL_CATEGORIES = 1  # an entry for several difficulties together (the CCSF), all present
FIT_SPECIFIC_CAUSE = 5  # an entry offered for at most SPECIFIC_CAUSES causes
FIT_CAUSE = 2
SPECIFIC_CAUSES = 3
FIT_STAGE = 5
FIT_OVERWHELM = 2
FIT_TAG = 1
# A caveat to say ("Si vous êtes ...") counts as this much less urgency.
UNKNOWN_CONDITION_PRIORITY = 2
# Round 15: where the knowledge base has no step of its own, the chamber's advisors lead: a sauvegarde or a
# redressement already open (preparing the hearing with the administrator; r15a-02 was offered the conciliation),
# an URSSAF inspection to contest (r15b-14 was offered the payment plan). At a liquidation they keep a place.
ADVISORS_LEAD_STAGES = frozenset({"procedure"})
# Round 17 (r17a-17, r17a-09): a prud'hommes case, an insurer's refusal have no step of their own either: the advisors lead.
# Round 19 (r19a-12, r19c-12): a commercial lease not renewed or its rent raised, an energy cut announced have none either
# (they got the mandat ad hoc, the CODEFI, the Médiation du crédit).
# Round 22 (r22a-17): a supplier's prices or raw materials rising have none either (they got the mandat ad hoc first).
# Round 29 (r29-a-16, r29-b-29): contributions owed to the MSA have no step of their own either (they got the URSSAF's).
ADVISORS_LEAD_CAUSES = frozenset(
    {
        "controle_urssaf",
        "prudhommes",
        "refus_assurance",
        "bail_renouvellement",
        "coupure_energie",
        "hausse_couts",
        "caisse_msa",
    }
)
# Round 22 (r22a-02, r22a-17): the court-based negotiation with the creditors is for a business that cannot pay its debts.
# A cash shortfall explained by one late payer or a cost rise, with no cessation des paiements or procedure said, got it as
# the first step ("avant 45 jours de cessation des paiements" to a plumber owed 4,200 euros): it is not offered then.
COURT_NEGOTIATION = frozenset({"mandat_adhoc_conciliation"})
NOT_INSOLVENCY_CAUSES = frozenset({"impayes_clients", "acheteur_public", "litige", "hausse_couts"})
MONEY_CATEGORIES = frozenset({"tresorerie", "banque"})
# Round 25 (s25c-01, -02, -11, -16; a CFE reminder and a bank "qui fait la tête"): the court-based negotiation came as a
# third step for a single reminder or a small debt ("Demandez-le avant 45 jours de cessation des paiements"). It is offered
# only when the situation is serious enough: a stage of a procedure said (cessation...), a court step (procedure_judiciaire),
# the bank that cut the credit (credit_coupe), several creditors said ("je paie tout en retard": plusieurs_creanciers), or
# debts on several fronts at once (SEVERAL_FRONTS of DEBT_FRONTS).
SERIOUS_CAUSES = frozenset({"credit_coupe", "plusieurs_creanciers"})
DEBT_FRONTS = frozenset({"cotisations_sociales", "impots", "banque", "tresorerie"})
SEVERAL_FRONTS = 3
# Round 26: the commercial rent raised now has a card of its own (bail_commercial_revision: where its rules are), but the
# chamber's advice still comes first, as round 19 wanted: the card sends to the advisors before anything is signed.
ADVISORS_FIRST_CAUSES = frozenset({"loyer_hausse"})
ADVISORS_JOIN_STAGES = frozenset({"procedure", "liquidation"})
# Round 16 (r16b-06): a lawsuit threatened has no step of its own in the knowledge base: the advisors keep a place.
# Round 29 (r29-a-21): a client's lawsuit over one job brought (proces_client) has none either.
ADVISORS_JOIN_CAUSES = frozenset({"menace_proces", "proces_client"})
# Round 16 (r16a-01): the callers that ask for more entries than they show (limit=12, then the first three not given
# yet) got the three best fits of one difficulty (three unpaid-invoice steps for an URSSAF, bank and client case): the
# first ones of any longer list are the ones a short list would show, one per difficulty.
SHORT_LIST = 3


def active_situations(
    assessment: Assessment | None, situation: Mapping[str, str] | None = None, facts: Facts | None = None
) -> set[str]:
    """The situation tags of the knowledge base that apply to this conversation."""
    tags: set[str] = set()
    urgency = assessment.urgency if assessment is not None else None
    categories = set(assessment.categories) if assessment is not None else set()
    if urgency in ("haute", "critique"):
        tags.add("deadline_close")
    if urgency == "basse":
        tags.add("anticipation")
    if {"cotisations_sociales", "impots"} <= categories:
        tags.add("tax_and_social")
    if assessment is not None and assessment.overwhelm:
        tags.add("overwhelm")
    facts = facts or Facts.build(assessment, situation)
    if facts.profile.employees == "no":
        tags.add("no_employees")
    elif facts.profile.employees == "yes":
        tags.add("employees")
    return tags


@dataclass(frozen=True)
class Fit:
    """Why an entry fits: its score, the triggers it matched and the conditions left unknown."""

    score: int
    topics: frozenset[str]
    unknown: tuple[str, ...]


def triggers(entry: GuidanceEntry, facts: Facts) -> tuple[int, frozenset[str]]:
    """(score, categories answered) from the entry's `offered_for`; (0, ∅) when nothing triggers it.

    A cause answers the category it belongs to (guidance/causes.yml): the death entries answer
    'vie_personnelle', the calamity fund 'sinistre'.
    """
    offered = entry.offered_for
    if offered.all_categories and not set(offered.categories) <= set(facts.categories):
        return 0, frozenset()
    primary = facts.categories[0] if facts.categories else None
    matched_categories = [code for code in offered.categories if code in facts.categories and code != "autre"]
    matched_causes = [cause for cause in offered.causes if cause in facts.causes]
    score, answered = 0, set(matched_categories)
    if matched_categories:
        score += FIT_PRIMARY_CATEGORY if primary in matched_categories else FIT_CATEGORY
        if len(offered.categories) > GENERIC_CATEGORIES:
            score -= FIT_GENERIC_PENALTY
        if offered.all_categories:
            score += FIT_ALL_CATEGORIES
    if matched_causes:
        score += FIT_SPECIFIC_CAUSE if len(offered.causes) <= SPECIFIC_CAUSES else FIT_CAUSE
        answered.update(cause_categories()[cause] for cause in matched_causes)
    if facts.stage is not None and facts.stage in offered.stages:
        score += FIT_STAGE
        answered.add("procedure_judiciaire")
    if offered.overwhelm and facts.overwhelm:
        score += FIT_OVERWHELM
    if not (
        matched_categories
        or matched_causes
        or (facts.stage in offered.stages)
        or (offered.overwhelm and facts.overwhelm)
    ):
        return 0, frozenset()
    return max(score, 1), frozenset(answered)


def eligibility(entry: GuidanceEntry, facts: Facts) -> tuple[bool, tuple[str, ...]]:
    """(False, ...) when a condition is known not to hold; else (True, the conditions left unknown)."""
    if set(entry.excludes_causes) & facts.causes or set(entry.done_if) & facts.steps_done:
        return False, ()
    unknown = []
    for key, allowed in entry.requires.items():
        value = facts.known(key)
        if value is None:
            if UNKNOWN not in allowed:
                unknown.append(key)
        elif isinstance(value, frozenset):
            # A condition with several values at once (the triage categories): one of them suffices.
            if not value & set(allowed):
                return False, ()
        elif value not in allowed:
            return False, ()
    return True, tuple(unknown)


def fit(entry: GuidanceEntry, facts: Facts, tags: set[str]) -> Fit | None:
    """How well the entry fits this conversation, or None when it must not be shown."""
    score, topics = triggers(entry, facts)
    if score == 0 or _only_a_late_payer_or_a_cost_rise(entry, facts) or _not_serious_enough(entry, facts):
        return None
    eligible, unknown = eligibility(entry, facts)
    if not eligible or (unknown and entry.caveat is None):
        return None
    score += FIT_TAG * len(tags & set(entry.situations))
    return Fit(score, topics, unknown)


def _only_a_late_payer_or_a_cost_rise(entry: GuidanceEntry, facts: Facts) -> bool:
    """A court-based negotiation offered for a cash or bank difficulty that a late payer or a cost rise explains, with no
    stage of a procedure said and no other difficulty that would call for it."""
    if entry.id not in COURT_NEGOTIATION or facts.stage is not None or not facts.causes & NOT_INSOLVENCY_CAUSES:
        return False
    return set(entry.offered_for.categories) & set(facts.categories) <= MONEY_CATEGORIES


def _not_serious_enough(entry: GuidanceEntry, facts: Facts) -> bool:
    """A court-based negotiation for a situation not serious enough for it: no stage of a procedure, no court step, no
    credit cut by the bank, and debts on fewer than SEVERAL_FRONTS fronts."""
    if entry.id not in COURT_NEGOTIATION or facts.stage is not None:
        return False
    if "procedure_judiciaire" in facts.categories or facts.causes & SERIOUS_CAUSES:
        return False
    return len(DEBT_FRONTS & set(facts.categories)) < SEVERAL_FRONTS


def _order(entry: GuidanceEntry, entry_fit: Fit) -> tuple[int, int, str]:
    # By fit, then by urgency (lower priority first; a caveat to say counts as less urgent), then by id.
    return (-entry_fit.score, entry.priority + UNKNOWN_CONDITION_PRIORITY * len(entry_fit.unknown), entry.id)


def select_guidance(
    knowledge_base: Iterable[GuidanceEntry],
    assessment: Assessment | None,
    chamber: Chamber,
    situation: Mapping[str, str] | None = None,
    limit: int = 3,
    *,
    messages: Sequence[str] | None = None,
    today: date | None = None,
    facts: Facts | None = None,
    profile: Profile | None = None,
) -> list[GuidanceEntry]:
    """At most `limit` entries that fit this conversation, best fit first, then the most urgent.

    [] when distress (the crisis reply comes first and guidance waits). Only entries whose
    requires_option is enabled by the chamber. Each difficulty, cause or stage the conversation
    revealed gets its best entry before a second entry of the same topic; nothing specific leads to
    the chamber's advisors. `messages` (every message of the artisan) lets the causes be read in full;
    without them, the triage's quoted reasons and the situation answers are read. `profile` replaces
    the one read from `situation`. The entries
    returned carry, for rendering, whether their caveat is said and the court of the place.
    """
    if assessment is not None and assessment.distress:
        return []
    entries = [entry for entry in knowledge_base if entry.available_for(chamber.options)]
    facts = facts or Facts.build(
        assessment, situation, messages=messages, chamber=chamber, today=today, profile=profile
    )
    advisors = [
        replace(entry, court=facts.court, departement=facts.departement)
        for entry in entries
        if entry.id == CHAMBER_ADVISORS
    ]
    tags = active_situations(assessment, situation, facts)

    fitting: list[tuple[GuidanceEntry, Fit]] = []
    for entry in entries:
        if entry.id == CHAMBER_ADVISORS:
            continue
        entry_fit = fit(entry, facts, tags)
        if entry_fit is not None:
            fitting.append((entry, entry_fit))
    fitting.sort(key=lambda pair: _order(*pair))

    chosen = _one_per_difficulty(fitting, facts, min(limit, SHORT_LIST), owed_with_a_sum(situation))
    chosen.sort(key=lambda pair: _order(*pair))
    chosen += [pair for pair in fitting if pair not in chosen][: max(limit - len(chosen), 0)]
    if not chosen:
        return advisors[:limit]
    shown = [
        replace(entry, caveat_shown=bool(entry_fit.unknown), court=facts.court, departement=facts.departement)
        for entry, entry_fit in chosen
    ]
    return _with_advisors(shown, chosen, advisors, facts, limit)


# Round 26 (r26c-01: "8000 euros de dettes urssaf" among four difficulties; lead-r26-2: "tva 6000"): the body a sum is
# owed to, named in the creditors, lost its card to the other difficulties' (travaux, Médiation du crédit, an unpaid
# invoice). A creditor named with its sum is served first: its payment plan is the step the artisan came for.
_CREDITOR_CATEGORIES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:urssaf|cgss|cssm|msa|cotisations?)\b", re.IGNORECASE), "cotisations_sociales"),
    (re.compile(r"\b(?:imp[oô]ts?|tva|cfe|sie|fisc)\b", re.IGNORECASE), "impots"),
)


def owed_with_a_sum(situation: Mapping[str, str] | None) -> frozenset[str]:
    """The categories of the bodies named with a sum in the creditors ("URSSAF 8000 €, banque": cotisations_sociales)."""
    creditors = str((situation or {}).get("creditors") or "")
    owed: set[str] = set()
    for part in creditors.split(","):
        if re.search(r"\d", part):
            owed.update(category for pattern, category in _CREDITOR_CATEGORIES if pattern.search(part))
    return frozenset(owed)


def _one_per_difficulty(
    fitting: list[tuple[GuidanceEntry, Fit]], facts: Facts, limit: int, owed: frozenset[str] = frozenset()
) -> list[tuple[GuidanceEntry, Fit]]:
    """Each difficulty the triage found gets its best entry first (a cause answers its difficulty), a body owed a sum
    first of all (`owed`), then the remaining places go to the best fits overall (`fitting` is sorted, best first)."""
    chosen: list[tuple[GuidanceEntry, Fit]] = []
    categories = [code for code in facts.categories if code != "autre"]
    # A difficulty whose entry fits precisely (a cause said in words, such as an overdraft cut) is
    # served before one with only a generic entry (round 7: six difficulties, and the Médiation du
    # crédit for the overdraft the bank cut lost its place to generic entries).
    best_score = {
        code: max((pair[1].score for pair in fitting if code in pair[1].topics), default=0) for code in categories
    }
    categories.sort(key=lambda code: (code not in owed, -best_score[code]))
    for category in categories:
        candidates = [pair for pair in fitting if category in pair[1].topics and pair not in chosen]
        best = candidates[0] if candidates else None
        if category in owed and candidates:
            # The body owed a sum: its most urgent step (the payment plan before an aid that also fits another
            # difficulty said: r26c-01 got the ACED, for its "travaux" too, rather than the URSSAF's payment plan).
            best = min(candidates, key=lambda pair: _order(pair[0], replace(pair[1], score=0)))
        if best is not None and len(chosen) < limit:
            chosen.append(best)
    if facts.overwhelm and len(chosen) < limit:
        # Round 18 (r18b-02): exhaustion said ("journées de 14 h, je suis vidé") is a difficulty too; it lost its place to
        # a third unpaid-invoice step. Its best entry comes after each category's, before the other fits.
        best = next((pair for pair in fitting if pair[0].offered_for.overwhelm and pair not in chosen), None)
        if best is not None:
            chosen.append(best)
    for pair in fitting:
        if len(chosen) >= limit:
            break
        if pair not in chosen:
            chosen.append(pair)
    return chosen


def _specific_to_a_cause(entry: GuidanceEntry, facts: Facts) -> bool:
    """The entry answers a cause said in words, and few others (an audience to prepare, a claim to declare)."""
    causes = set(entry.offered_for.causes)
    return bool(causes & facts.causes) and len(causes) <= SPECIFIC_CAUSES


def _with_advisors(
    shown: list[GuidanceEntry],
    chosen: list[tuple[GuidanceEntry, Fit]],
    advisors: list[GuidanceEntry],
    facts: Facts,
    limit: int,
) -> list[GuidanceEntry]:
    """The advisors lead at an open procedure or an URSSAF inspection (unless the first entry answers a cause said
    in words), and keep a place, the last one, at a liquidation."""
    if not advisors or limit < 1:
        return shown
    lead = facts.stage in ADVISORS_LEAD_STAGES or bool(facts.causes & ADVISORS_LEAD_CAUSES)
    join = lead or facts.stage in ADVISORS_JOIN_STAGES or bool(facts.causes & ADVISORS_JOIN_CAUSES)
    if not join:
        return shown
    if lead and (not _specific_to_a_cause(chosen[0][0], facts) or facts.causes & ADVISORS_FIRST_CAUSES):
        return (advisors + shown)[:limit]
    return shown[: limit - 1] + advisors
