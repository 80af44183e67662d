"""Round 26 (talk-c M1: r26c-01, 02, 03, 04, 06, 17, 20; talk-lead lead-r26-2): "je risque quoi si je paye pas
l'urssaf", "je risque quoi si je paye pas les impots", "et si je paye l'urssaf avant mardi ca s'arrete ?", "et pour
l'urssaf je fais quoi alors", "je fais quoi pour les impots du coup" got "D'accord, c'est noté", the summary again or an
unrelated card. Now: what an unpaid debt leads to, in the steps it goes through (majorations, mise en demeure, then a
contrainte or a seizure) and what can still be asked (a payment plan), with the advisor for the precise case; whether
paying stops it, honestly not promised; what to do for a body named, its step. And a body owed a sum named in the first
message gets its payment-plan card among the first ones (r26c-01's URSSAF 8 000 €, lead-r26-2's TVA 6 000 €).

Real trackers and the real actions; sentences written for these tests, the way people type."""

from __future__ import annotations

import pytest

from actions import services
from actions.faq_actions import ActionAnswerFaq
from actions.intake_actions import ActionAcknowledgeSituation, ActionHandleMisunderstanding
from guidance.select import select_guidance
from intake.facts import extract_facts
from tests.support.trackers import bot, run, texts, tracker, user
from triage import assess

OPENING = (
    "bonjour je suis plombier a beziers, un client me doit 12000 euros depuis 4 mois, la banque m'a coupé le "
    "découvert et j'ai 8000 euros de dettes urssaf"
)
SLOTS = {
    "difficulty_categories": ["cotisations_sociales", "tresorerie", "banque"],
    "trade": "plombier",
    "departement": "34",
    "urgency": "normale",
    "creditors": "URSSAF 8000 €, banque",
    "legal_form": "ei",
    "guidance_given": [{"id": "mediation_credit"}, {"id": "relance_mise_en_demeure"}, {"id": "urssaf_delai_paiement"}],
}
OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"


def _at_the_offer(words: str, intent: str = "describe_situation", **slots):
    events = [user(OPENING), bot(OFFER), user(words, intent)]
    return tracker(events, {**SLOTS, "requested_slot": "wants_advisor", **slots}, active_loop="handoff_form")


def _said(dispatcher) -> str:
    return " ".join(texts(dispatcher))


URSSAF_RISK = [
    "je risque quoi si je paye pas l'urssaf",  # r26c-02
    "jrisk koi si jpaye pa lurssaf",  # SMS
    "qu'est-ce que je risque si je ne paie pas l'URSSAF ?",
    "et je risque quoi si je paye pas ?",  # no body named: the conversation's (URSSAF)
    "euh du coup je risque quoi",
    "il se passe quoi si je peux pas payer mes cotisations",  # dictation
]
TAX_RISK = [
    "je risque quoi si je paye pas les impots",  # r26c-17
    "il se passe quoi si je peux pas payer la tva",
    "qu est ce que je risque si je regle pas la CFE",
]
PAYING_STOPS = [
    "et si je paye l'urssaf avant mardi ca s'arrete ?",  # r26c-06
    "ca s'arrete si je paye tout ?",
    "si je règle tout, c'est fini ?",
]
NOT_ASKED = [
    "je paye pas l'urssaf depuis 3 mois",
    "je risque quoi à demander un délai ?",
    "si je paye pas mes salariés ils partent",
    "la saisie s'arrete quand ?",
]


@pytest.mark.parametrize("words", URSSAF_RISK)
def test_what_an_unpaid_urssaf_debt_leads_to(words):
    dispatcher, _ = run(ActionAcknowledgeSituation(), _at_the_offer(words))
    said = _said(dispatcher)
    assert "majorations de retard" in said and "mise en demeure" in said and "contrainte" in said
    assert "délai de paiement" in said and "conseiller" in said
    assert "c'est noté" not in said


@pytest.mark.parametrize("words", TAX_RISK)
def test_what_an_unpaid_tax_debt_leads_to(words):
    dispatcher, _ = run(ActionAcknowledgeSituation(), _at_the_offer(words))
    said = _said(dispatcher)
    assert "mise en demeure de payer" in said and "saisie administrative à tiers détenteur" in said
    assert "plan de règlement" in said and "service des impôts des entreprises" in said


def test_with_both_bodies_and_none_named_the_answer_says_it_depends():
    slots = {"difficulty_categories": ["cotisations_sociales", "impots"]}
    dispatcher, _ = run(ActionAcknowledgeSituation(), _at_the_offer("je risque quoi si je paye pas ?", **slots))
    said = _said(dispatcher)
    assert "Je ne peux pas vous répondre avec certitude" in said and "mise en demeure" in said


@pytest.mark.parametrize("words", PAYING_STOPS)
def test_whether_paying_stops_it_is_not_promised(words):
    dispatcher, _ = run(ActionAcknowledgeSituation(), _at_the_offer(words))
    said = _said(dispatcher)
    assert "Je ne peux pas vous le garantir" in said and "un délai peut être demandé" in said


@pytest.mark.parametrize("words", NOT_ASKED)
def test_near_misses_get_no_such_answer(words):
    dispatcher, _ = run(ActionAcknowledgeSituation(), _at_the_offer(words))
    said = _said(dispatcher)
    assert "Sans paiement" not in said and "Je ne peux pas vous le garantir" not in said


@pytest.mark.parametrize("words", [*URSSAF_RISK[:2], TAX_RISK[0], PAYING_STOPS[0]])
@pytest.mark.parametrize("action, intent", [(ActionHandleMisunderstanding, "nlu_fallback"), (ActionAnswerFaq, "faq")])
def test_read_as_another_intent_it_is_answered_too(words, action, intent):
    dispatcher, _ = run(action(), _at_the_offer(words, intent))
    said = _said(dispatcher)
    assert "Sans paiement" in said or "Je ne peux pas vous le garantir" in said


@pytest.mark.parametrize(
    "words, step",
    [
        ("et pour l'urssaf je fais quoi alors", "URSSAF"),  # r26c-01
        ("je fais quoi pour les impots du coup", "impôts"),  # r26c-03
        ("bon pour la tva je fais quoi maintenant", "impôts"),
    ],
)
def test_what_to_do_for_a_body_named_gets_its_step(words, step):
    dispatcher, _ = run(ActionAcknowledgeSituation(), _at_the_offer(words))
    said = _said(dispatcher)
    assert "Pour votre question" in said and step in said


def _first_cards(message: str) -> list[str]:
    today = services.chamber_today()
    situation = {key: value for key, value in extract_facts(message, today=today).items() if isinstance(value, str)}
    entries = select_guidance(
        services.knowledge_base(), assess([message]), services.chamber(), situation, messages=[message], today=today
    )
    return [entry.id for entry in entries]


@pytest.mark.parametrize(
    "message, card",
    [
        # r26c-01: four difficulties, the URSSAF debt's payment plan lost its place
        (
            "bonjour je suis plombier a beziers, ca va mal depuis 6 mois, un client me doit 12000 euros depuis 4 mois, "
            "j'ai des travaux sur la route devant le magasin, la banque m'a coupé le découvert et j'ai 8000 euros de "
            "dettes urssaf",
            "urssaf_delai_paiement",
        ),
        # lead-r26-2
        (
            "je suis maçon, le promoteur me doit 40000 euros et j'ai une dette de tva de 6000 euros, j'ai 3 salariés",
            "sie_plan_reglement",
        ),
        (
            "jsuis coiffeuse, client paye pas 5000e, travaux devant le salon, banque coupe decouvert, tva 6000e",
            "sie_plan_reglement",
        ),
    ],
)
def test_a_body_owed_a_sum_gets_its_payment_plan_card(message, card):
    assert card in _first_cards(message)


def test_without_a_sum_the_cards_are_as_before():
    cards = _first_cards("un client me doit 12000 euros et la banque m'a coupé le découvert")
    assert "urssaf_delai_paiement" not in cards and "sie_plan_reglement" not in cards
