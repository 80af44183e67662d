"""Round 16 of conversations: questions about the business answered beside the point, or not at all.

- r16b-14: "est ce que l'assurance a le droit de refuser comme ca" got the ACED (an URSSAF aid) as "Pour votre question".
- r16b-17: "et l'urssaf ils peuvent saisir ma maison?" got the URSSAF payment plan; the knowledge base has the home's
  protection for a sole trader.
- r16b-02: "et du coup pour la banque je fais koi" got "je ne peux pas vous répondre" two turns after the Médiation du
  crédit had been given.
- r16b-03: "et pour le client qui paie pas on peut faire quoi": no step for the unpaid client.
- r16b-11: someone in redressement judiciaire asked "l'audience du 12 je dois preparer quoi" and got the rétablissement
  professionnel and the CIP; the mandat ad hoc before.
- r16b-09: "nimporte quand" after the end brought new, unrelated steps.

An answer speaks of what the question asks, from the sourced knowledge base; else the caller says honestly that an
advisor will answer. Real trackers, the real actions.
"""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.business_questions import (
    STEPS_AFTER_CRISIS_INTRO,
    answer_to_business_question,
    asks_what_to_do,
    first_steps_after_crisis,
    topic_score,
)
from actions.crisis_actions import crisis_in_form_reply
from actions.intake_actions import ActionGiveGuidance
from guidance import load_knowledge_base
from guidance.crisis import BUSINESS_QUESTION_UNKNOWN
from tests.support.trackers import bot, run, texts, tracker, user

BY_ID = {entry.id: entry for entry in load_knowledge_base()}
SAFETY_ANSWERED = {"event": "action", "name": "action_after_safety_answer"}
OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle ?"


def _given(*ids: str) -> list[dict]:
    return [{"id": entry_id, "name": BY_ID[entry_id].name, "link": BY_ID[entry_id].link} for entry_id in ids]


def _at_the_offer(question: str, *, before: tuple[str, ...] = (), given: tuple[str, ...] = (), **slots):
    events = [*(user(text) for text in before), SAFETY_ANSWERED, bot(OFFER), user(question)]
    values = {
        "distress": True,
        "urgency": "critique",
        "requested_slot": "wants_advisor",
        "guidance_given": _given(*given),
        **slots,
    }
    return tracker(events, slots=values, active_loop="handoff_form")


# (question, what was said before, steps given, a word the answer must have, or None: an advisor will say)
QUESTIONS = [
    # The insurer's refusal: no step of the knowledge base speaks of it.
    ("est-ce que l'assureur peut refuser de payer les degats ?", (), ("declaration_assurance",), None),
    ("mon assurance me dit non, ils ont le droit de refuser ?", (), (), None),
    ("l assurance refuse de m indemniser c normal ?", (), ("declaration_assurance", "catnat_mairie"), None),
    # The home: the sole trader's personal assets, never the URSSAF's payment plan.
    ("le fisc peut saisir mon appartement ?", (), (), "résidence principale"),
    ("ils ont le droit de prendre ma maison pour les dettes de la boite ?", (), (), "résidence principale"),
    ("et les impots ils peuvent saisir ma baraque ?", (), (), "résidence principale"),
    # A question on the bank after its step was given: the step again.
    ("pour la banque je fais comment du coup", (), ("mediation_credit", "patrimoine_ei"), "Médiation du crédit"),
    ("et ma banque alors ?", (), ("mediation_credit",), "Médiation du crédit"),
    # The unpaid client, SMS spellings too.
    ("et pr le client ki paye pa on fait koi", (), (), "facture"),
    ("et mon client qui me doit 6000 je fais quoi ?", (), (), "facture"),
    # A hearing in a redressement: the advisors prepare it with the artisan.
    ("je prepare quoi pour l'audience de jeudi ?", ("on est en redressement judiciaire depuis juin",), (), None),
    # A conciliation asked about once in redressement: too late, an advisor says what is possible.
    (
        "je peux faire une conciliation avec mes creanciers ?",
        ("on est en redressement judiciaire depuis juin",),
        (),
        None,
    ),
    # Near misses that keep their answer.
    ("je peux faire une conciliation avec mes creanciers ?", (), (), "conciliation"),
    ("je peux avoir un délai pour l'urssaf ?", (), (), "délai pour payer vos cotisations"),
    ("ma banque peut refuser de me faire un pret ?", (), (), "Médiation du crédit"),
    ("je peux payer la TVA en plusieurs fois ?", (), (), "plan de règlement"),
    ("l'assureur a combien de temps pour m'indemniser ?", (), (), "assurance"),
    ("l'huissier peut saisir ma camionnette ?", (), (), "commissaire de justice"),
]


@pytest.mark.parametrize("question, before, given, expected", QUESTIONS)
def test_an_answer_speaks_of_what_the_question_asks(question, before, given, expected):
    answer = answer_to_business_question(_at_the_offer(question, before=before, given=given), question)
    if expected is None:
        assert answer is None
    else:
        assert answer is not None and answer.startswith("Pour votre question") and expected in answer
        assert "ACED" not in answer or "cotisations" in question


@pytest.mark.parametrize(
    "question, forbidden",
    [
        ("est ce que l'assurance a le droit de refuser comme ca", ("ACED", "cotisations")),
        ("et l'urssaf ils peuvent saisir ma maison?", ("délai pour payer",)),
        ("c'est quoi le mieux pour un client qui conteste ma facture ?", ("créanciers", "redressement")),
    ],
)
def test_a_step_beside_the_point_is_never_the_answer(question, forbidden):
    before = ("un client conteste ma facture et menace d'aller au tribunal",) if "client" in question else ()
    answer = answer_to_business_question(_at_the_offer(question, before=before), question) or ""
    assert not any(word in answer for word in forbidden), answer


def test_a_step_already_given_is_said_as_a_reminder():
    question = "et du coup pour la banque je fais koi"
    answer = answer_to_business_question(_at_the_offer(question, given=("mediation_credit",)), question)
    assert answer is not None and answer.startswith("Pour votre question, comme je vous l'indiquais : ")


@pytest.mark.parametrize(
    "question, expected",
    [
        ("est ce que l'assurance a le droit de refuser comme ca", BUSINESS_QUESTION_UNKNOWN),
        ("et l'urssaf ils peuvent saisir ma maison?", "résidence principale"),
        ("et du coup pour la banque je fais koi", "Médiation du crédit"),
    ],
)
def test_at_the_offer_after_the_crisis_the_question_gets_its_answer_or_an_honest_word(question, expected):
    """Through the crisis actions, as in r16b-14, r16b-17 and r16b-02."""
    current = _at_the_offer(question, given=("mediation_credit", "declaration_assurance"))
    dispatcher = CollectingDispatcher()
    crisis_in_form_reply(dispatcher, current)
    said = " ".join(texts(dispatcher))
    assert expected in said
    assert "ACED" not in said


def _after_the_crisis_part(
    question: str, *, before: tuple[str, ...], categories: list[str], given: tuple[str, ...] = ()
):
    events = [
        *(user(text) for text in before),
        {"event": "action", "name": "action_crisis_response"},
        {"event": "slot", "name": "safe_now", "value": None},
        bot("Êtes-vous en sécurité en ce moment ?"),
        user("je vais appeler le numero", "inform"),
        {"event": "slot", "name": "safe_now", "value": "unsure"},
        SAFETY_ANSWERED,
        bot("Oui, appelez maintenant. Je reste là."),
        user(question, "ask_why_question"),
    ]
    slots = {
        "distress": True,
        "urgency": "critique",
        "safe_now": "unsure",
        "difficulty_categories": categories,
        "guidance_given": _given(*given),
    }
    return tracker(events, slots=slots)


def test_a_question_after_the_crisis_part_is_answered_not_met_with_other_steps():
    """r16b-11: the hearing of a redressement asked about got the rétablissement professionnel and the CIP."""
    current = _after_the_crisis_part(
        "et pour l'audience du 12 je dois preparer quoi",
        before=("garagiste, redressement judiciaire audience le 12 janvier",),
        categories=["procedure_judiciaire"],
        given=("procedures_collectives", "mandat_adhoc_conciliation", "patrimoine_ei"),
    )
    dispatcher, events = run(ActionGiveGuidance(), current)
    said = texts(dispatcher)
    assert said == [BUSINESS_QUESTION_UNKNOWN]
    assert STEPS_AFTER_CRISIS_INTRO not in said
    assert not any(e.get("name") == "guidance_given" for e in events)


def test_a_question_after_the_crisis_part_with_a_step_gets_it_and_it_is_kept():
    current = _after_the_crisis_part(
        "et pour l'urssaf je peux avoir un délai ?",
        before=("l'urssaf me reclame 9000",),
        categories=["cotisations_sociales"],
        given=("cpsti_aced",),
    )
    dispatcher = CollectingDispatcher()
    events = first_steps_after_crisis(dispatcher, current)
    (said,) = texts(dispatcher)
    assert said.startswith("Pour votre question : ") and "délai" in said
    given = next(e for e in events if e.get("name") == "guidance_given")["value"]
    assert [entry["id"] for entry in given] == ["cpsti_aced", "urssaf_delai_paiement"]


def test_a_question_before_any_step_after_the_crisis_part_gets_the_first_steps():
    """Round 12 kept: "et pour l'urssaf je fais quoi" before any step: the first steps answer it."""
    current = _after_the_crisis_part(
        "et pour l'urssaf je fais quoi", before=("l'urssaf me reclame 9000",), categories=["cotisations_sociales"]
    )
    dispatcher = CollectingDispatcher()
    first_steps_after_crisis(dispatcher, current)
    assert texts(dispatcher)[0] == STEPS_AFTER_CRISIS_INTRO


def test_no_question_after_the_crisis_part_still_gets_the_first_steps():
    current = _after_the_crisis_part(
        "vers chartres", before=("l'urssaf me reclame 9000",), categories=["cotisations_sociales"]
    )
    dispatcher = CollectingDispatcher()
    first_steps_after_crisis(dispatcher, current)
    assert texts(dispatcher)[0] == STEPS_AFTER_CRISIS_INTRO


@pytest.mark.parametrize("words", ["nimporte quand", "ok", "d'accord merci", "le matin"])
def test_a_message_with_nothing_new_after_the_unpaid_invoice_steps_brings_no_new_steps(words):
    """r16b-09: the unpaid-invoice steps given, "nimporte quand" brought the mandat ad hoc, the ACED and the CIP."""
    events = [
        user("le client paie pas les 3 dernieres factures 4200e"),
        bot("Voici quelques premières démarches qui peuvent vous aider :"),
        user(words, "inform"),
    ]
    slots = {
        "difficulty_categories": ["tresorerie"],
        "urgency": "normale",
        "triage_reasons": {"tresorerie": ["« le client paie pas les 3 dernieres factures 4200e »"]},
        "guidance_given": _given("relance_mise_en_demeure", "mediateur_entreprises", "conciliateur_justice"),
        "creditors": "loyer 900 €",
    }
    dispatcher, events = run(ActionGiveGuidance(), tracker(events, slots=slots))
    assert texts(dispatcher) == [] and events == []


def test_a_new_difficulty_after_the_unpaid_invoice_steps_still_gets_its_steps():
    events = [
        user("le client paie pas"),
        bot("Voici quelques premières démarches"),
        user("et l'urssaf me reclame 3000"),
    ]
    slots = {
        "difficulty_categories": ["tresorerie", "cotisations_sociales"],
        "urgency": "normale",
        "guidance_given": _given("relance_mise_en_demeure", "mediateur_entreprises", "conciliateur_justice"),
    }
    dispatcher, _ = run(ActionGiveGuidance(), tracker(events, slots=slots))
    assert any("URSSAF" in text for text in texts(dispatcher))


@pytest.mark.parametrize(
    "question, entry, on_topic",
    [
        ("l'assurance a le droit de refuser ?", "cpsti_aced", False),
        ("l'assurance a le droit de refuser ?", "declaration_assurance", False),
        ("l'assureur met des mois a payer", "declaration_assurance", True),
        ("ils peuvent saisir ma maison ?", "urssaf_delai_paiement", False),
        ("ils peuvent saisir ma maison ?", "patrimoine_ei", True),
        ("la banque refuse le pret", "mediation_credit", True),
        ("je prepare quoi pour l'audience", "cip_prevention", False),
    ],
)
def test_the_topic_of_a_question(question, entry, on_topic):
    assert (topic_score(question, BY_ID[entry]) > 0) is on_topic


@pytest.mark.parametrize(
    "words, asks",
    [
        ("et pour l'audience du 12 je dois preparer quoi", True),
        ("et du coup pour la banque je fais koi", True),
        ("et pour le client qui paie pas on peut faire quoi", True),
        ("pour la tva je fais comment", True),
        ("ma femme et moi on doit faire quoi", True),
        # Near misses: answers, a trade, a moment, a doubt.
        ("vers chartres", False),
        ("nimporte quand", False),
        ("je fais des meubles", False),
        ("on fait de la menuiserie", False),
        ("pour le rappel le matin", False),
        ("je sais pas quoi", False),
        ("ok merci", False),
    ],
)
def test_a_question_on_what_to_do_without_its_question_mark(words, asks):
    assert asks_what_to_do(words) is asks


def _first_steps(categories: list[str], reasons: dict, **situation) -> list[str]:
    slots = {"difficulty_categories": categories, "urgency": "normale", "triage_reasons": reasons, **situation}
    _, events = run(ActionGiveGuidance(), tracker([user("...")], slots=slots))
    given = next(e for e in events if e.get("name") == "guidance_given")["value"]
    return [entry["id"] for entry in given]


def test_the_first_steps_of_an_urssaf_bank_and_client_case_serve_each_difficulty():
    """r16a-01: URSSAF, bank and a promoteur who owes 12 000: three unpaid-invoice steps and nothing else."""
    reasons = {
        "cotisations_sociales": ["« l urssaf me reclame 4800 euros de cotisations en retard »"],
        "banque": ["« la banque a bloque mon decouvert le mois dernier »"],
        "tresorerie": ["« un promoteur de agen me doit 12000 euros depuis juin »"],
    }
    shown = _first_steps(
        ["cotisations_sociales", "banque", "tresorerie"], reasons, creditors="URSSAF 4800 €, banque", legal_form="EI"
    )
    assert len(shown) == 3
    assert {"urssaf_delai_paiement", "urssaf_revenu_estime"} & set(shown)
    assert {"relance_mise_en_demeure", "mediateur_entreprises", "conciliateur_justice"} & set(shown)


def test_the_first_steps_of_a_client_who_contests_an_invoice_are_no_debtors_procedure():
    """r16b-06: the triage kept « menace d'aller au tribunal »; the sauvegarde and the mandat ad hoc were offered."""
    shown = _first_steps(
        ["procedure_judiciaire"],
        {"procedure_judiciaire": ["« menace d'aller au tribunal »"]},
        employees="1 apprenti",
        deadline="aucune échéance connue",
    )
    assert not {"procedures_collectives", "mandat_adhoc_conciliation", "patrimoine_ei"} & set(shown)
    assert "chambre_conseillers" in shown


def test_the_first_steps_of_a_supplier_debt_have_no_urssaf_aid():
    """r16a-10: a supplier who claims 6 000 € got the ACED."""
    shown = _first_steps(
        ["tresorerie"],
        {"tresorerie": ["« mes fournisseurs me livrent plus »", "« un fournisseur de tissu me reclame 6000 »"]},
        creditors="fournisseurs",
    )
    assert not {"cpsti_aced", "cpsti_afe"} & set(shown)
