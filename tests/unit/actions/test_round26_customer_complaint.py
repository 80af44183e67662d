"""Round 26 (talk-c H2, r26c-13): a customer complaining about an artisan ("j'ai fait faire ma cuisine par un
menuisier, il a encaissé l'acompte et ne vient plus, comment porter plainte ?") was read as an artisan short of cash
(trésorerie, the trade noted, the deadline question), and her protests ("je suis pas artisan moi, je suis la cliente",
"je veux me plaindre d'un artisan") ended on the callback consent. She is told kindly that the service is for artisans,
and where a consumer turns (the artisan's médiateur de la consommation, a conciliateur de justice, SignalConso); no
triage, no intake, no callback. Artisans speaking of their own clients, sub-contractors or bank stay in the service.

Real trackers and the real actions; sentences written for these tests, the way people type."""

from __future__ import annotations

import pytest

from actions.ask_actions import ActionOutOfScope
from actions.intake_actions import ActionAcknowledgeSituation
from actions.triage_actions import ValidateTriageSlots
from bot.components.keyword_guard import outside_the_service
from guidance.welcome import FIRST_QUESTION
from intake.outside import CONSUMER, conversation_outside, writer_outside
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

CUSTOMER_SAYS = [
    # r26c-13's first message, as typed
    "bonjour j'ai fait faire ma cuisine par un menuisier il a encaissé l'acompte de 3000 euros et il ne vient plus, il "
    "repond plus au telephone, comment je peux porter plainte contre lui ?",
    # SMS
    "jai fait poser ma sdb par un plombier c mal fait et il veut pas rembourser",
    # no accents
    "Je suis une particuliere, je voudrais signaler un artisan qui m'a arnaquee",
    # dictation
    "oui bonjour alors voilà j'ai fait refaire ma toiture par un couvreur l'année dernière et il y a des malfaçons "
    "partout il ne répond plus",
    # her protests (r26c-13)
    "mais non je suis pas artisan moi, je suis la cliente !",
    "vous comprenez rien, je veux me plaindre d'un artisan",
]
ARTISAN_SAYS = [
    "je suis client de la banque populaire depuis 20 ans et ils m'ont coupé le découvert",
    "mon client me doit 3000 euros d'acompte il repond plus",
    "j'ai fait faire le chantier par un sous-traitant qui a abandonné, je dois payer mes salariés",
    "je suis menuisier, un client veut porter plainte contre moi pour une cuisine",
    "je suis plombier et j'ai un litige avec un client qui refuse de payer",
    "j'ai pris un comptable mais il a fait n'importe quoi, l'urssaf me reclame 5000",
]
OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"


def _followups(events):
    return [event["name"] for event in events if event.get("event") == "followup"]


@pytest.mark.parametrize("words", CUSTOMER_SAYS)
def test_a_customer_is_outside_the_service(words):
    assert writer_outside(words) == CONSUMER
    assert outside_the_service(words, "describe_situation") == "out_of_scope"


@pytest.mark.parametrize("words", ARTISAN_SAYS)
def test_an_artisan_speaking_of_his_clients_stays_in_the_service(words):
    assert writer_outside(words) is None


@pytest.mark.parametrize("words", CUSTOMER_SAYS[:4])
def test_the_customer_gets_her_recourses_and_no_intake(words):
    dispatcher, events = run(ActionAcknowledgeSituation(), tracker([bot(FIRST_QUESTION), user(words)]))
    said = " ".join(texts(dispatcher))
    assert "pour les artisans" in said
    assert "médiateur de la consommation" in said and "conciliateur de justice" in said
    assert "signal.conso.gouv.fr" in said
    assert "Si je comprends bien" not in said and "trésorerie" not in said and "J'ai noté" not in said
    assert _followups(events) == ["action_listen"]


@pytest.mark.parametrize("words", CUSTOMER_SAYS[:4])
def test_her_words_are_not_triaged_as_a_business_difficulty(words):
    _, events = run(ValidateTriageSlots(), tracker([bot(FIRST_QUESTION), user(words)]))
    slots = slot_events(events)
    assert not slots.get("difficulty_categories")
    assert slots.get("urgency") not in ("haute", "critique")


@pytest.mark.parametrize("protest", [*CUSTOMER_SAYS[4:], "c'est moi la cliente, je veux qu'on me rembourse l'acompte"])
def test_her_protest_at_the_callback_offer_ends_it_with_her_recourses(protest):
    events = [
        bot(FIRST_QUESTION),
        user("mon menuisier a pris l'acompte et il vient plus"),
        bot(OFFER),
        user(protest, "out_of_scope"),
    ]
    dispatcher, result = run(
        ActionOutOfScope(), tracker(events, {"requested_slot": "wants_advisor"}, active_loop="handoff_form")
    )
    said = " ".join(texts(dispatcher))
    assert "médiateur de la consommation" in said
    assert "Êtes-vous d'accord" not in said
    assert any(event.get("event") == "active_loop" and event.get("name") is None for event in result)
    assert _followups(result) == ["action_listen"]


def test_said_again_it_is_short():
    first = CUSTOMER_SAYS[0]
    events = [bot(FIRST_QUESTION), user(first)]
    dispatcher, _ = run(ActionAcknowledgeSituation(), tracker(events))
    events += [bot(texts(dispatcher)[0]), user("je veux juste me plaindre d'un artisan c'est tout", "out_of_scope")]
    dispatcher, _ = run(ActionOutOfScope(), tracker(events))
    assert texts(dispatcher) == [
        "Pour une réclamation contre un artisan, le médiateur de la consommation, un conciliateur de justice ou "
        "signal.conso.gouv.fr pourront vous aider, bien mieux que moi."
    ]


def test_a_later_protest_is_read_with_the_conversation():
    assert conversation_outside([CUSTOMER_SAYS[0], "vous comprenez rien"]) == CONSUMER
    assert conversation_outside(["mon client me doit 3000 euros", "vous comprenez rien"]) is None
