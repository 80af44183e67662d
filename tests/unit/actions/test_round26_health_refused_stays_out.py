"""Round 26 (talker B), over real trackers, the real handoff form and a real case store: health the artisan refused to
keep reaches no field of the case, and the health consent question is asked whenever the case's filter finds health.

- r26b-13 (H1): after « Non laissez de côté » at the health question, the summary kept `Demande : « Le conseiller il a
  besoin de savoir pour mon dos ? »`, the transcript kept that message, and the moment was stored as « Le matin,
  l'après-midi je me repose à cause du traitement ».
- r26b-14: « taxi conventionné, a Cayenne. La CPAM me paie plus depuis 3 mois… » was withheld from the transcript as
  health and cut from the summary, while no health question was asked: the CPAM paying a taxi is no health, and health
  the filter would leave out is asked about first.
Sentences of our own in several voices (SMS, no accents, dictation, hesitation).
"""

from __future__ import annotations

import asyncio
import re

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.ask_actions import ASK_ACTIONS
from actions.handoff_actions import ValidateHandoffForm
from cases.drafts import WITHHELD_LINE
from intake.facts import fold
from ops import clock
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN, case_finished
from tests.support.trackers import bot, run, texts, tracker, user

SENDER = "r26b-health-refused"
SUNDAY = "2026-12-06T10:00:00+01:00"
OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"
HEALTH_QUESTION = (
    "Vous avez parlé de votre santé. Acceptez-vous que cette information figure dans votre dossier, pour que le "
    "conseiller en tienne compte ?"
)


@pytest.fixture(autouse=True)
def sunday(monkeypatch):
    monkeypatch.setenv(clock.ENV_VAR, SUNDAY)


# ------------------------------------------------------------------ H1: nothing of health after a refusal (r26b-13)

FIRST = (
    "Bonjour, je suis boucher-charcutier à Ajaccio. J'ai une hernie discale, je peux plus porter les carcasses, "
    "le chiffre baisse."
)
# (what is asked at the health question, the refusal, the moment of the call, the moment kept)
REFUSED = [
    (
        "Le conseiller il a besoin de savoir pour mon dos ?",
        "Non laissez de côté",
        "Le matin, l'après-midi je me repose à cause du traitement.",
        "le matin",
    ),
    (
        "le conseiller il doit savoir pr mon dos ?",
        "non laissez",
        "le matin svp, l aprem je me repose a cause du traitement",
        "le matin svp",
    ),
    (
        "est ce que le conseiller a besoin de savoir pour ma hernie",
        "non",
        "plutot le matin, l apres midi je dors a cause des medicaments",
        "plutot le matin",
    ),
    (
        "est-ce que le conseiller a besoin de savoir pour mon dos point d'interrogation",
        "non laissez de côté point",
        "le matin virgule l'après-midi je me repose à cause de mon traitement point",
        "le matin",
    ),
    (
        "euh... le conseiller, il a besoin de savoir, pour mon genou ?",
        "euh non... laissez de côté",
        "euh le matin... l'après-midi je dors avec les médocs",
        "le matin",
    ),
]
HEALTH_WORDS = re.compile(r"\b(?:dos|genou|hernie|traitement|medicaments?|medocs?|repose|dors|carcasses)\b")


def _health_in(text: str | None) -> list[str]:
    return HEALTH_WORDS.findall(fold(text or ""))


@pytest.mark.parametrize("asked, refusal, moment, kept", REFUSED)
def test_health_refused_reaches_no_field_of_the_case(asked, refusal, moment, kept):
    case_finished(
        [FIRST, asked, refusal, moment],
        SENDER,
        difficulty_categories=["sante", "baisse_activite"],
        triage_reasons={"sante": ["« hernie discale »"], "baisse_activite": ["« le chiffre baisse »"]},
        health_consent=False,
        callback_slot=moment,
        steps_taken="j'ai vu l'expert-comptable, et le médecin pour mon dos",
    )
    case = stored_cases()[-1]
    assert not _health_in(case.summary), case.summary
    assert "Demande" not in case.summary
    assert fold(case.callback_slot or "") == kept
    for value in [*case.situation.values(), *[q for quotes in case.reasons.values() for q in quotes]]:
        assert not _health_in(str(value)), value
    assert "l'expert-comptable" in case.situation["steps_taken"]  # the rest of the answer stays
    artisan = [line["text"] for line in case.transcript if line["sender"] == "artisan"]
    assert not [line for line in artisan if _health_in(line)], artisan
    # A message that mixes health and the business keeps the business, the health replaced where it was.
    assert artisan[0] == (
        "Bonjour, je suis boucher-charcutier à Ajaccio. [information de santé retirée], le chiffre baisse."
    )
    assert "sante" not in case.categories


def test_with_the_health_consent_every_word_stays():
    asked, _, moment, _ = REFUSED[0]
    case_finished(
        [FIRST, asked, "oui", moment],
        SENDER,
        difficulty_categories=["sante", "baisse_activite"],
        triage_reasons={"sante": ["« hernie discale »"]},
        health_consent=True,
        callback_slot=moment,
    )
    case = stored_cases()[-1]
    assert [line["text"] for line in case.transcript if line["sender"] == "artisan"][:2] == [FIRST, asked]
    assert case.callback_slot == moment


# ------------------------------------------------------------------ r26b-14: the CPAM paying a taxi is no health

CPAM = [
    "Bonjour, taxi conventionné, a Cayenne. La CPAM me paie plus depuis 3 mois a cause d'un controle, je suis a sec",
    "taxi conventionne a cayenne, la cpam me paye plus depuis 3 mois a cause d un controle, je suis a sec",
    "je suis taxi conventionné à Cayenne point la CPAM ne me paie plus depuis trois mois à cause d'un contrôle virgule "
    "je suis à sec",
    "euh... je fais taxi conventionné... et la cpam me paie plus depuis 3 mois, un contrôle, je suis à sec",
]


@pytest.mark.parametrize("first", CPAM)
def test_the_cpam_that_stopped_paying_a_taxi_reaches_the_case(first):
    case_finished([first], SENDER, difficulty_categories=["tresorerie"], triage_reasons={})
    case = stored_cases()[-1]
    assert case.transcript[0]["text"] == first
    assert WITHHELD_LINE not in [line["text"] for line in case.transcript]
    assert "cpam" in fold(case.summary), case.summary


# ------------------------------------------------------------------ the health question asked whenever health is told

# Health in words the triage reads as no difficulty of its own: before round 26 no health question, and the case's
# filter left the words out all the same.
UNREAD_HEALTH = [
    "la banque m'a coupé le découvert, et avec mon dos je peux plus bosser comme avant",
    "banque qui me coupe le decouvert, pr mon genou c grave ?",
    "la banque m'a coupé le découvert virgule et moi je dors la moitié du jour avec les médocs",
    "euh... la banque... elle m'a coupé le découvert... et mes lombaires, bon",
]


@pytest.mark.parametrize("first", UNREAD_HEALTH)
def test_the_health_question_comes_when_the_filter_finds_health(first):
    events = [user(first), bot(OFFER), user("oui", "affirm"), bot("… Êtes-vous d'accord ?"), user("oui", "affirm")]
    events.append({"event": "slot", "name": "consent_given", "value": True})
    slots = {
        "wants_advisor": True,
        "consent_given": True,
        "consent_at": "2026-12-06T10:00:00+00:00",
        "difficulty_categories": ["banque"],
        "urgency": "normale",
        "distress": False,
    }
    current = tracker(events, slots=slots, active_loop="handoff_form")
    required = asyncio.run(ValidateHandoffForm().required_slots([], CollectingDispatcher(), current, DOMAIN))
    assert required.index("health_consent") < required.index("contact_name")
    # Rasa's own choice of the question (the first empty slot) asks it, in the artisan's own words: "votre santé".
    dispatcher, produced = run(ASK_ACTIONS["health_consent"](), current, DOMAIN)
    assert texts(dispatcher) == [HEALTH_QUESTION]
    assert produced == []
