"""Round 16 (r16b-06): the intake's first steps read only the triage's quotes, so a client contesting an invoice and
threatening to go to court got no mediator: every message of the artisan is read for the causes, as the business
questions already did. Real trackers, the real ActionGiveGuidance."""

from __future__ import annotations

from actions.intake_actions import ActionGiveGuidance
from tests.support.trackers import run, slot_events, tracker, user


def _given(*said: str, categories: list[str], reasons: dict[str, list[str]]) -> list[str]:
    slots = {"difficulty_categories": categories, "urgency": "normale", "distress": False, "triage_reasons": reasons}
    _, events = run(ActionGiveGuidance(), tracker([user(text) for text in said], slots=slots))
    return [entry["id"] for entry in slot_events(events).get("guidance_given") or []]


def test_a_client_contesting_an_invoice_gets_a_way_to_settle_it():
    given = _given(
        "un client conteste ma facture de 9500 euros",
        "il menace d'aller au tribunal si je relance encore",
        categories=["tresorerie"],
        reasons={"tresorerie": ["« ma facture de 9500 euros »"]},
    )
    assert {"mediateur_entreprises", "conciliateur_justice"} & set(given)
    assert not {"mandat_adhoc_conciliation", "sauvegarde_redressement"} & set(given)


def test_an_urssaf_debt_still_gets_the_payment_plan():
    given = _given(
        "l'urssaf me réclame 6000 euros de cotisations",
        categories=["cotisations_sociales"],
        reasons={"cotisations_sociales": ["« l'urssaf me réclame 6000 euros »"]},
    )
    assert given and given[0].startswith("urssaf")
