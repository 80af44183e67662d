"""Keeps the triage slots up to date after every user message.

Rasa's default `action_extract_slots` runs this `action_validate_slot_mappings` after each user
message, whatever the dialogue is doing (form in progress, question pending), as the triage contract
requires.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction

from actions import services
from actions.conversation import SITUATION_SLOTS, SKIPPED, situation, user_messages, value_before_latest_message
from actions.handoff import (
    CONTACT_QUESTIONS,
    INTAKE_SLOTS_FILLED_ANYWHERE,
    callback_time,
    contact_answers,
    first_name_said,
    moment_corrected,
    moment_said_with,
    part_of_a_number,
    read_as_distress_by_the_model_only,
)
from actions.place_validation import (
    elsewhere_for_a_while,
    merely_mentioned,
    namesakes_to_offer,
    place_not_deadline,
    place_update,
)
from guidance.glossary import asks_only_definition
from intake.answers import (
    asks_for_callback,
    cancels_request,
    is_closing,
    is_correction,
    refuses_callback,
    without_service_questions,
)
from intake.facts import (
    bare_delay,
    commune_said,
    corrected_creditors,
    corrections,
    extract_facts,
    fold,
    is_place_mention,
    names_today,
    past_deadline,
    says_only_salaries_are_paid,
    trades_denied,
    vaguer_employees,
)
from intake.outside import writer_outside
from intake.shapes import is_time_span
from ops import clock
from places import departement_code, resolve
from places.resolve import negated_departements, said_as_whereabouts
from triage import Assessment, assess, names_a_difficulty
from triage.distress import find_signs


class ValidateTriageSlots(ValidationAction):
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        previous = Assessment.from_slots(tracker.slots)
        # What the entity extractor put in the situation slots from an answer to a contact question is set back below;
        # the triage must not read it either (round 12: "lundi" for the call, taken as the deadline, made a case haute).
        undone = contact_answer_undone(tracker)
        slots = {**tracker.slots, **{event["name"]: event["value"] for event in undone}, **call_not_a_deadline(tracker)}
        assessment = assess(
            # "c koi une conciliation" tells no difficulty of the artisan's: its word is no procedure to triage.
            # Answers to the handoff's own questions ("mercredi" for the call, a name, a number) are no deadline
            # nor difficulty (round 6: "lundi" for the callback raised a case to "haute").
            [text for text in messages_for_triage(tracker.events) if not asks_only_definition(text)],
            previous=previous,
            situation=situation(slots),
            today=services.chamber_today(),
        )
        events = [
            SlotSet(name, value) for name, value in assessment.to_slots().items() if tracker.get_slot(name) != value
        ]
        facts = facts_to_fill(tracker)
        trade_undone = (
            trade_said_wrong_before(tracker, facts)
            or trade_named_by_a_town(tracker, facts)
            or trade_of_a_payee(tracker, facts)
        )
        if assessment.urgency == "basse" and tracker.get_slot("requested_slot") != "creditors":
            # Asking ahead (round 22, r22c-07, r22c-12): "si un jour je n'arrive pas à payer mes cotisations" owes
            # nothing; "J'ai noté : sommes dues : URSSAF" misled the artisan and the advisor. A creditor noted from
            # such words goes too; one said owed before the triage read the conversation as asking ahead stays.
            facts.pop("creditors", None)
        events += [SlotSet(name, value) for name, value in facts.items() if tracker.get_slot(name) != value]
        if "departement" not in facts:
            events += place_undone(tracker)
        events += undone + trade_undone
        events += deadline_not_said(tracker, facts, undone)
        # "06 12 34 56" (a number short of two digits) at the health question, after the consent (round 33, r33-d):
        # "12 34 56" became the deadline, said noted. Digits of a number are never a fact, at whatever question.
        events += [SlotSet(name, value) for name, value in number_parts_undone(tracker).items()]
        events += answers_kept(tracker, facts)
        if "employees" in tracker.slots_to_validate() and is_time_span(tracker.get_slot("employees")):
            # "j'ai 5 min" (round 28, r28-a-02: "Salariés : 5 min" in the case): time available, no staff.
            events.append(SlotSet("employees", value_before_latest_message(tracker.events, "employees")))
        events += hours_for_the_place(tracker, events)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent == "request_human":
            if tracker.get_slot("consent_given") is False:
                # A change of mind after a refusal: the consent question is asked again, never assumed.
                events.append(SlotSet("consent_given", None))
            if tracker.get_slot("phone") == SKIPPED:
                # A person was asked for after the number was skipped: the number is asked again.
                events.append(SlotSet("phone", None))
        return events


# While these are asked, the artisan's words are contact details, not facts about the business.
_CONTACT_QUESTIONS = CONTACT_QUESTIONS
# Questions whose answers say nothing of the business: "je suis pas en danger, je serai sur un chantier à Brive lundi"
# at the safety question replaced the case's département (round 9, r9a-28). A place is kept only as a correction.
_NO_FACT_QUESTIONS = _CONTACT_QUESTIONS | {"safe_now", "suicide_thoughts"}
# An answer about safety whose "je voulais dire" corrects what was said, not the place (r9a-28); a place corrected at a
# crisis question without them ("je ne suis plus dans le 62, l'atelier est à Roubaix") is kept (the simulator).
_SAFETY_WORDS = re.compile(r"\b(?:danger|securite|en securite|ca va|je vais bien|suicid\w*|mourir|en finir)\b")


def messages_for_triage(events: Iterable[Mapping[str, Any]]) -> list[str]:
    """The artisan's messages, less the answers to a contact question: a moment for the call, a number, an address
    or a name said while one was asked. A sentence about the business said there ("c'est demain la saisie") stays."""
    pending = None
    case_stored = False
    refused = False
    kept: list[str] = []
    for event in events:
        if event.get("event") == "slot" and event.get("name") == "requested_slot":
            pending = event.get("value")
        elif event.get("event") == "slot" and event.get("name") == "case_reference" and event.get("value"):
            case_stored = True
        elif event.get("event") == "slot" and event.get("name") in _OFFER_QUESTIONS:
            refused = event.get("value") is False
        elif event.get("event") == "user":
            taken_up = refused and _intent(event) in _TAKES_UP_THE_OFFER
            if answers_the_handoff(pending, event.get("text"), case_stored, taken_up):
                continue
            if pending == "safe_now" and not _tells_more_than_safety(event.get("text")):
                continue
            kept += _kept_for_triage(event.get("text"), "departement" if pending == "departement" else None)
    return kept


# What the people around stand for at the safety question: the answer (with whom the person is), never a difficulty.
_COMPANY_ONLY = frozenset({"vie_personnelle", "autre"})


def _tells_more_than_safety(text: Any) -> bool:
    """Whether an answer to "Êtes-vous en sécurité ?" tells the triage something: a warning sign, or a difficulty of
    the business said with it ("oui ça va, mais l'huissier vient demain"). Round 27 (r27-a-14, D22): "je suis avec ma
    femme a la maison" made a case "vie personnelle": where the person is and with whom answers the question."""
    if not isinstance(text, str) or not text.strip():
        return False
    if find_signs(text):
        return True
    return bool(set(assess([text]).categories) - _COMPANY_ONLY)


# Every message of the conversation is read again at each turn; what is kept of one depends on its text and on whether
# the place question is pending alone (issue 18). Bounded; a tuple, never changed.
@lru_cache(maxsize=4096)
def _kept_for_triage(text: Any, place_pending: str | None) -> tuple[str, ...]:
    if moment_at_place_question(place_pending, text):
        return ()
    if cancels_request(text) and not find_signs(text or ""):
        return ()  # "annulez ma demande finalement, un client vient de payer": no fact (round 17, r17a-08)
    if writer_outside(text):
        # An apprentice's own pay, a creation project (round 22, r22c-08: "mon patron me paye pas" made his boss's case
        # "trésorerie, haute"): no difficulty of a business the service would triage.
        return ()
    # "c'est confidentiel vis à vis de l'urssaf ?" (round 24, r24c-17, r24c-04): the question is no difficulty.
    return tuple(user_messages([{"event": "user", "text": without_service_questions(text)}]))


# "à 18h30 après la fermeture du magasin" at the callback question (round 24, r24c-11): refused as outside the hours,
# then read as the shop closing down (baisse d'activité, urgency haute). A moment said by the working day is no fact.
_AROUND_WORK = re.compile(
    r"\b(?:apres|avant|des|a|pendant|vers|entre)\s+(?:la |l'|le |les |mon |ma )?(?:fermeture|ouverture|boulot|travail|"
    r"taf|chantiers?|service|journee|tournee|pause|livraisons?|clients?)\b"
)
_A_TIME = re.compile(
    r"\b(?:\d{1,2} ?h(?: ?\d{2})?|\d{1,2}:\d{2}|midi|minuit|matin|matinee|soir|soiree|aprem|apres-midi|apres midi|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain)\b"
)


_CLOSED_FOR_GOOD = re.compile(
    r"\b(?:administrativ\w*|definitiv\w*|judiciaire|liquidation|plus rien|plus de|fermer|ferme|depot de bilan)\b"
)


def moment_around_work(text: Any) -> bool:
    """A moment for the call told by the working day ("à 18h30 après la fermeture du magasin", "le soir après le
    boulot"), without a warning sign."""
    if not isinstance(text, str) or find_signs(text):
        return False
    folded = fold(text)
    if _CLOSED_FOR_GOOD.search(folded):
        return False  # "après la fermeture administrative de vendredi je n'ai plus rien": a fact of the business
    return bool(_AROUND_WORK.search(folded) and _A_TIME.search(folded)) and len(folded.split()) <= 12


def moment_at_place_question(asked: Any, text: Any) -> bool:
    """A moment for the call said at the place question, and no place ("samedi matin", the artisan still thinking of
    the call): neither a deadline nor a fact of the business (round 15, r15a-16: it replaced "le 20 janvier" and raised
    the urgency)."""
    if asked != "departement" or not isinstance(text, str) or find_signs(text):
        return False
    return bool(callback_time(text) or moment_corrected(text)) and not resolve(text, typos=False).found


def contact_answer_only(text: Any) -> bool:
    """Words that answer a contact question and say nothing else of weight ("samedi", "le 14 décembre",
    "06 12 34 56 78", "Marc", "entre midi et deux")."""
    if not isinstance(text, str):
        return False
    if find_signs(text):
        # "je veux mourir" at the phone question is short, and no contact answer: the triage must read it.
        return False
    if callback_time(text) or contact_answers(text) or first_name_said(text):
        return True
    return len(text.split()) <= 4


def handoff_answers(events: Iterable[Mapping[str, Any]]) -> list[str]:
    """The artisan's messages that answer the handoff's own questions or take leave (``answers_the_handoff``): no
    difficulty told, so never the triage's evidence nor the case's "Ses mots" (round 25, s25b-01, -06, -18)."""
    pending = None
    case_stored = False
    refused = False
    answers: list[str] = []
    for event in events:
        if event.get("event") == "slot" and event.get("name") == "requested_slot":
            pending = event.get("value")
        elif event.get("event") == "slot" and event.get("name") == "case_reference" and event.get("value"):
            case_stored = True
        elif event.get("event") == "slot" and event.get("name") in _OFFER_QUESTIONS:
            refused = event.get("value") is False
        elif event.get("event") == "user":
            taken_up = refused and _intent(event) in _TAKES_UP_THE_OFFER
            if answers_the_handoff(pending, event.get("text"), case_stored, taken_up):
                answers.append(str(event.get("text")))
    return answers


# The offer and the consent: a moment said there, with the yes or alone, is when to call (round 26).
_OFFER_QUESTIONS = frozenset({"wants_advisor", "consent_given"})
# The intents of a change of mind after the offer or the consent was refused ("en fait si, mais pas avant lundi").
_TAKES_UP_THE_OFFER = frozenset({"affirm", "request_human"})


def _intent(event: Mapping[str, Any]) -> Any:
    return ((event.get("parse_data") or {}).get("intent") or {}).get("name")


def moment_for_the_call(asked: Any, text: Any, taken_up: bool = False) -> bool:
    """A moment for the call said at the offer or the consent, or with the yes that takes up a refused offer again
    (``taken_up``), that tells no fact of the business beside it: when to call, never a deadline nor a difficulty
    (lead-r26-2: "en fait si, mais pas avant lundi" after "non je préfère pas qu'on m'appelle" made the case haute,
    « pas avant lundi » its reason; r26a-01: "demain matin avant 7h je suis au fournil après" at the consent became
    "Échéance : demain"). "oui mais l'huissier passe lundi" stays the fact it tells."""
    if not (asked in _OFFER_QUESTIONS or taken_up) or not isinstance(text, str) or find_signs(text):
        return False
    folded = fold(text)
    if not _WHEN_TO_CALL.search(folded) or _A_DATE_OF_THE_SITUATION.search(folded):
        return False  # "vendredi dernier, l'urgence c'est samedi le mariage": a date put right (round 25, s25c-18)
    return bool(moment_said_with(text)) and not adds_a_fact(text)


# How a wish for the time of the call is said: a constraint or a time of day ("pas avant lundi", "plutôt demain aprem",
# "demain matin avant 7h"); a day alone at the offer may be the situation's.
_WHEN_TO_CALL = re.compile(
    r"\b(?:pas avant|pas apres|plutot|de preference|a partir d[eu]|sauf|vers|entre|seulement|uniquement|"
    r"matin|matinee|aprem|apres-midi|apres midi|soir|soiree|midi|\d{1,2} ?h(?:\d{2})?)\b"
)
# Words of a date of the situation, never of the call: a past day, the urgency, a letter's date.
_A_DATE_OF_THE_SITUATION = re.compile(r"\b(?:dernier|derniere|urgence|urgent|date|c'?(?: )?etait|recu)\b")


def moment_for_the_call_now(tracker: Tracker) -> bool:
    """Whether the latest message is such a moment for the call (``moment_for_the_call``)."""
    refused = any(value_before_latest_message(tracker.events, name) is False for name in _OFFER_QUESTIONS)
    taken_up = refused and (tracker.latest_message.get("intent") or {}).get("name") in _TAKES_UP_THE_OFFER
    return moment_for_the_call(tracker.get_slot("requested_slot"), tracker.latest_message.get("text"), taken_up)


def answers_the_handoff(asked: Any, text: Any, case_stored: bool = False, taken_up: bool = False) -> bool:
    """Whether the message answers a contact question of the handoff (the moment of the call, a number, an address, a
    name), or takes leave there or once the case is stored, and adds no fact of the business: no difficulty evidence
    (round 25: "le cabinet ferme a midi le vendredi, sinon n'importe quand" made a case "baisse d'activité, haute", "n'importe
    quand elle est a la maison" added "vie personnelle", "demain matin avant 9h sinon je suis chez les clientes" raised
    it to haute, "bon je vous laisse j'ai une cliente qui rentre" added "trésorerie"). A fact said there still counts
    ("c'est demain la saisie sur mon compte", "je vous laisse, l'huissier est là")."""
    if not isinstance(text, str) or not text.strip():
        return False
    if moment_for_the_call(asked, text, taken_up):
        return True
    if asked == "deadline" and about_the_call(text):
        # "rappelez-moi demain matin", "je préfère appeler moi-même demain matin" at the deadline question (round 33,
        # r33-m): the moment is the call's, read as the offer's answers are.
        return moment_for_the_call("wants_advisor", text)
    contact = asked in _CONTACT_QUESTIONS
    return (contact or case_stored) and _answers_the_handoff(text, contact)


@lru_cache(maxsize=4096)
def _answers_the_handoff(text: str, contact: bool) -> bool:
    if contact and read_as_distress_by_the_model_only(text):
        return True  # "le soir apres 18h c mieux pour moi" (round 27, D17): the answer, never the classifier's sign
    if find_signs(text):
        return False  # "je veux mourir" at the phone question: the triage and the crisis path read it
    if _leaves_with_no_urgent_fact(text):
        return True
    return contact and (contact_answer_only(text) or moment_around_work(text) or not adds_a_fact(text))


# Farewells are short; a long message with a farewell at its end tells its story.
_MAX_FAREWELL_WORDS = 16


def _leaves_with_no_urgent_fact(text: str) -> bool:
    """A short leave-taking ("bon je vous laisse j'ai une cliente qui rentre", read as "trésorerie") that tells nothing
    urgent, nor a creditor or a procedure ("je vous laisse, l'huissier est là")."""
    if len(text.split()) > _MAX_FAREWELL_WORDS or not is_closing(text):
        return False
    assessment = assess([text])
    return assessment.urgency not in ("haute", "critique") and not set(assessment.categories) - _NO_FACT_LEAVING


# What the words of leaving themselves are read as ("une cliente qui rentre", "je dois retourner à la boutique").
_NO_FACT_LEAVING = frozenset({"tresorerie", "baisse_activite", "vie_personnelle", "autre"})


# Where a clause of an answer about the call starts: a stop, a comma, "sinon", "mais", "par contre".
_CLAUSE_CUT = re.compile(r"[,;.!?…]+|\b(?:sinon|mais|par contre)\b", re.IGNORECASE)
# A clause about when or where the person can be reached: a moment ("le vendredi", "toute la journée", "n'importe
# quand", "à ce moment-là", "quand la boutique est fermée") or their whereabouts ("je suis chez les clientes", "elle est à
# la maison", "lundi elle travaille").
_WHEN_OR_WHERE = re.compile(
    r"\b(?:n.?importe quand|quand|moment|journee|heures?|dispo\w*|joignable|libre|"
    r"(?:je suis|jsuis|j'suis|chui|il est|elle est|on est|je serai|il sera|elle sera) (?:chez|au|aux|a la|a l'|sur|en|la)|"
    r"(?:je|il|elle|on) (?:travaille|bosse)|a la maison|chez (?:moi|nous|elle|lui|les clients|les clientes))\b"
)
# What a clause about the moment may name and still be no difficulty: a shop or an office closed then, no customers
# then, someone at home (the triage read them as "baisse d'activité" and "vie personnelle").
_NO_FACT_WHEN_TIMED = frozenset({"baisse_activite", "vie_personnelle", "autre"})


def adds_a_fact(text: str) -> bool:
    """Whether an answer about the call tells a fact of the business beside it: a clause naming a difficulty that is no
    moment nor whereabouts ("le soir, la boutique ne tourne plus depuis 3 mois"), or a moment whose difficulty is no
    closing nor absence ("c'est demain la saisie sur mon compte", "l'huissier passe lundi")."""
    for clause in _CLAUSE_CUT.split(text):
        if not clause.strip():
            continue
        categories = set(assess([clause]).categories) - {"autre"}
        if not categories:
            continue
        folded = fold(clause)
        if not (_A_TIME.search(folded) or _WHEN_OR_WHERE.search(folded)) or categories - _NO_FACT_WHEN_TIMED:
            return True
    return False


def difficulty_told_at_direct_question(asked: Any, text: str) -> bool:
    """A difficulty told without a warning sign where "pensez-vous au suicide ?" was asked ("en plus les impôts veulent la
    CFE pour le 15"): the bot thanks for the detail and asks again (actions/crisis_actions.py), so the detail is a fact
    of the business like any other; left out, "Avez-vous une échéance proche ?" came next (2026-12-05)."""
    return asked == "suicide_thoughts" and names_a_difficulty(text) and not find_signs(text)


def facts_to_fill(tracker: Tracker) -> dict[str, Any]:
    """What the latest message says of the situation (listen first: it is not asked again). A later
    message saying otherwise corrects it."""
    text = without_service_questions(tracker.latest_message.get("text"))
    asked = tracker.get_slot("requested_slot")
    if cancels_request(text):
        return {}  # the request cancelled with its reason: no new fact for the case (round 17, r17a-08)
    if moment_for_the_call_now(tracker):
        return {}  # "demain matin avant 7h je suis au fournil après" at the consent: when to call (r26a-01)
    if asked in _NO_FACT_QUESTIONS and not difficulty_told_at_direct_question(asked, text):
        # Except a place corrected on purpose ("ah non c'est la Somme pas le Nord") at a contact question; at a crisis
        # question, "je voulais dire que je serai sur un chantier à Brive" corrects what was said, not the place.
        correction = is_correction(text) and (asked in _CONTACT_QUESTIONS or not _SAFETY_WORDS.search(fold(text)))
        place = extract_facts(text, services.chamber_today()).get("departement") if correction else None
        if not place and tracker.get_slot("place_choices"):
            # Round 18, r18a-14: "il est sur un toit à Corbeil" at the safety question settles the "Évry" pending
            # (Essonne, 91, not the Yonne's village): it narrows the choice offered, it never moves a place known.
            return namesakes_to_offer(tracker, text, asked)
        return {"departement": place} if place else {}
    # "non je suis tout seul. il y a des lettres de l'urssaf" at the employees question (round 25, s25a-03): no slot
    # mapping takes a new difficulty's words, and the question came again; the question gives "seul" its meaning.
    asked_employees = "employees" if asked == "employees" else None
    facts: dict[str, Any] = extract_facts(text, services.chamber_today(), asked=asked_employees)
    if tracker.get_slot("employees") and (
        says_only_salaries_are_paid(facts.get("employees"))
        # "deux gars" then "écrit à mes gars" (round 19, r19z-07): a later mention without a count never replaces one.
        or vaguer_employees(facts.get("employees"), tracker.get_slot("employees"))
    ):
        del facts["employees"]
    if "departement" in facts and (
        elsewhere_for_a_while(tracker, facts["departement"])
        or (asked == "departement" and tracker.get_slot("place_choices"))
    ):
        # "lundi je suis à Rungis" at the callback offer (round 12, r12c-09: Clermont, 60, became 94); and an answer to
        # "Laquelle est la vôtre ?" is read by the place validation among the choices ("celui à côté de Paris, le 9-3"
        # is Saint-Denis, 93, not Paris: r12c-01).
        del facts["departement"]
    facts.update(place_not_deadline(tracker, asked, facts))
    if facts.get("departement"):
        # Round 25: the commune named with it ("couvreur près de Saint-Malo") is kept for the case; another département
        # without one leaves no commune of the old place.
        commune = commune_said(text, facts["departement"])
        known = value_before_latest_message(tracker.events, "departement")
        if (
            commune
            and known not in (None, SKIPPED)
            and not is_correction(text)
            and (said_as_whereabouts(text) or merely_mentioned(text, facts["departement"]))
        ):
            commune = None  # "je serai sur un chantier à Beauvais", "mon fournisseur de Lyon": not the business's town
        now = departement_code(str(tracker.get_slot("departement") or ""))
        if commune or facts["departement"] not in (departement_code(str(known or "")), now):
            facts["commune"] = commune
    if "departement" not in facts:
        facts.update(namesakes_to_offer(tracker, text, asked))
    corrected = corrected_creditors(tracker.get_slot("creditors"), text) if "creditors" not in facts else None
    if corrected:
        facts["creditors"] = corrected
    for name in kept_answered(tracker, text):
        facts.pop(name, None)
    if asked not in SITUATION_SLOTS:
        # A correction sent after the intake ("c'est pas l'urssaf c'est les impôts les 6000", "j'ai pas d'échéance le
        # 11") corrects the facts noted, never replaced by the latest message's reading (round 15, r15a-11 and 13: the
        # denied URSSAF and date stayed). At a situation question the intake form applies the same reading.
        facts.update(corrections(text, _noted(tracker), services.chamber_today()))
    return facts


# Round 25 (s25a-12, s25a-14): "depuis septembre" became "en mars", the month the observation period ends, said at the
# deadline question; the salaries due on the 31st became "novembre", a month of rent named at the debts question. A date
# answered is changed by an answer to its own question or a correction, never by a date said of something else.
_ANSWERED_DATES = ("since_when", "deadline")
_PUT_RIGHT = re.compile(
    r"\b(?:en fait|plutot|finalement|pardon|je me suis trompee?|je voulais dire|je veux dire|rectifi\w*|corrig\w*)\b"
)


def kept_answered(tracker: Tracker, text: str | None) -> list[str]:
    """The dates answered before the latest message, and the trade at another intake question, that its words,
    answering another question, must leave as they are."""
    if is_correction(text) or _PUT_RIGHT.search(fold(text or "")):
        return []
    asked = tracker.get_slot("requested_slot")
    # The trade, unless put right (round 26, r26b-13: "L'électricité et le loyer, environ 2500 euros" at the debts question
    # made "Métier : électricité"; r26b-08: "Un mécanicien." at the employees question made it "mécanicien").
    trade_kept = asked in SITUATION_SLOTS and not trades_denied(text or "")
    answered = (*_ANSWERED_DATES, "trade") if trade_kept else _ANSWERED_DATES
    return [
        name
        for name in answered
        if name != asked
        and isinstance(known := value_before_latest_message(tracker.events, name), str)
        and known not in (SKIPPED, "aucune échéance connue")
    ]


def answers_kept(tracker: Tracker, facts: Mapping[str, Any]) -> list[EventType]:
    """The dates the entity extractor changed this turn ("novembre" tagged in "le loyer de novembre"), set back."""
    kept = kept_answered(tracker, tracker.latest_message.get("text"))
    changed = tracker.slots_to_validate()
    return [
        SlotSet(name, value_before_latest_message(tracker.events, name))
        for name in kept
        if name in changed and name not in facts and changed[name] != value_before_latest_message(tracker.events, name)
    ]


def trade_said_wrong_before(tracker: Tracker, facts: dict[str, Any]) -> list[EventType]:
    """A trade the artisan put right before ("carrossier pas garage"), read again from a later message ("si je suis pas
    au garage le 15", round 25, s25c-05: the case said "Métier : garage"): taken out of ``facts``, and the slot the entity
    extractor filled from it set back."""
    extracted = tracker.get_slot("trade") if "trade" in tracker.slots_to_validate() else None
    trade = facts.get("trade") or extracted
    if not isinstance(trade, str):
        return []
    earlier = user_messages(tracker.events)[:-1]
    if not any(fold(trade) in trades_denied(message) for message in earlier):
        return []
    facts.pop("trade", None)
    return [SlotSet("trade", value_before_latest_message(tracker.events, "trade"))] if extracted else []


def trade_named_by_a_town(tracker: Tracker, facts: dict[str, Any]) -> list[EventType]:
    """A trade read from a town's name ("dans le 71 a Macon": Mâcon read as "maçon", round 27, r27-b-21, r27-b-30: the
    trade "ébéniste", "coiffeuse" became "macon") when the place is asked or a trade is already known: taken out of
    ``facts``, and the slot the entity extractor filled from it set back, at any question or none, as the intake's own
    trade answer does (``town_named_like_a_trade``)."""
    from actions.place_validation import town_named_like_a_trade

    extracted = tracker.get_slot("trade") if "trade" in tracker.slots_to_validate() else None
    trade = facts.get("trade") or extracted
    known = value_before_latest_message(tracker.events, "trade")
    said = tracker.latest_message.get("text") or ""
    if not town_named_like_a_trade(trade, tracker.get_slot("requested_slot"), known, said):
        return []
    facts.pop("trade", None)
    return [SlotSet("trade", known)] if extracted else []


def trade_of_a_payee(tracker: Tracker, facts: dict[str, Any]) -> list[EventType]:
    """A trade the entity extractor read from someone paid ("3200 € au meunier" from a boulangère, round 30: the case said
    "Métier : meunier"), which the message's facts read as the payee: the slot set back to the trade said before."""
    extracted = tracker.get_slot("trade") if "trade" in tracker.slots_to_validate() else None
    creditors = facts.get("creditors")
    if not isinstance(extracted, str) or facts.get("trade") or not isinstance(creditors, str):
        return []
    if fold(extracted).lower() not in fold(creditors).lower().split():
        return []
    return [SlotSet("trade", value_before_latest_message(tracker.events, "trade"))]


def _noted(tracker: Tracker) -> dict[str, object]:
    """The facts a correction may deny, as noted before the latest message (the entity extractor may have filled them
    from its words since)."""
    known: dict[str, object] = {}
    for name in ("creditors", "deadline", "legal_form"):
        before = value_before_latest_message(tracker.events, name)
        known[name] = before if before is not None else tracker.get_slot(name)
    return known


def place_undone(tracker: Tracker) -> list[EventType]:
    """The entity extractor fills `departement` from any message; two kinds of value are never kept, and
    the slot gets back the value it had before this message:
    - a place the message negates ("pas le Nord");
    - anything read while a contact question is pending: "123456" typed as a phone number was taken
      for a place, the place given at the start was lost, and asked again at the end of the handoff;
    - a number that cannot name a place ("l'urssaf 8000": an amount, four digits are no département), or a small
      one said at another question without a word making it a place ("2" to "Depuis quand ?").
    """
    value = tracker.get_slot("departement")
    if not value or value == SKIPPED or "departement" not in tracker.slots_to_validate():
        return []
    text = tracker.latest_message.get("text") or ""
    requested = tracker.get_slot("requested_slot")
    contact = requested in _NO_FACT_QUESTIONS and not difficulty_told_at_direct_question(requested, text)
    # The question the latest message answered: at the place question "62" is the place, even once the form has moved
    # on in the same turn (the handoff form starting after it ran this validation again, and "62" alone, read as if
    # said at the callback offer, emptied the place: the simulator, seeds 20261201 and 20261232).
    asked = "departement" in (
        tracker.get_slot("requested_slot"),
        value_before_latest_message(tracker.events, "requested_slot"),
    )
    if not contact and elsewhere_for_a_while(tracker, departement_code(value) or value):
        # "lundi je suis à Rungis": where one will be, never the business's place (round 12, r12c-09).
        return [SlotSet("departement", value_before_latest_message(tracker.events, "departement"))]
    if (
        not contact
        and is_place_mention(value, text, place_asked=asked)
        and departement_code(value) not in negated_departements(text)
    ):
        events = place_read(tracker, value)
        known = value_before_latest_message(tracker.events, "departement")
        if not events and not asked and departement_code(str(known or "")) and _names_no_place(str(value)):
            # "Hakim", "bof" tagged a town at the employees question (round 25, s25a-06): a place read is never replaced
            # by words that name none.
            return [SlotSet("departement", known)]
        if (
            events
            or tracker.get_slot("requested_slot") == "departement"
            or extract_facts(str(value)).get("trade")
            or not resolve(str(value)).ambiguous
        ):
            return events
        # "Saint-Pierre", tagged a town: a name several communes bear is never kept as typed (round 12, r12c-03: the
        # case went without a département, never asked). A place known stays; otherwise the place question offers the
        # namesakes.
        known = value_before_latest_message(tracker.events, "departement")
        if known not in (None, SKIPPED):
            return [SlotSet("departement", known)]
        update, _ = place_update(str(value), {})
        return [SlotSet(name, update_value) for name, update_value in update.items()]
    return [SlotSet("departement", value_before_latest_message(tracker.events, "departement"))]


def _names_no_place(value: str) -> bool:
    resolution = resolve(value)
    return not resolution.found and not resolution.ambiguous


def hours_for_the_place(tracker: Tracker, events: list[EventType]) -> list[EventType]:
    """The chamber's hours the responses say ({chamber_hours}), in the artisan's own time too once their département
    is overseas (chamber.hours: "de 8 h à 17 h, heure de Paris (de 3 h à 12 h chez vous)")."""
    departement = tracker.get_slot("departement")
    for event in events:
        if event.get("event") == "slot" and event.get("name") == "departement":
            departement = event.get("value")
    hours = services.chamber().hours_text_for(departement, clock.now())
    return [SlotSet("chamber_hours", hours)] if tracker.get_slot("chamber_hours") != hours else []


def place_read(tracker: Tracker, value: str) -> list[EventType]:
    """A place the entity extractor kept as typed ("Lens" said at another question, or after the handoff) is
    kept as its département code, the form of every other place (the case, the guidance and the statistics
    read codes); the place question's own answer is read by its validator (places.resolve, with choices)."""
    if tracker.get_slot("requested_slot") == "departement" or extract_facts(str(value)).get("trade"):
        return []  # "maçon" names Mâcon too: a trade is no place
    resolution = resolve(str(value))
    if not resolution.found or resolution.departement == value:
        return []
    events: list[EventType] = [SlotSet("departement", resolution.departement)]
    if resolution.commune:
        events.append(SlotSet("commune", resolution.commune.name))
    return events


def number_parts_undone(tracker: Tracker) -> dict[str, Any]:
    """The intake slots set this turn from digits of a phone number, back to what they held before; {} otherwise."""
    said = tracker.latest_message.get("text")
    return {
        name: value_before_latest_message(tracker.events, name)
        for name, value in tracker.slots_to_validate().items()
        if name in INTAKE_SLOTS_FILLED_ANYWHERE and isinstance(value, str) and part_of_a_number(value, said)
    }


def deadline_not_said(tracker: Tracker, facts: Mapping[str, Any], undone: list[EventType]) -> list[EventType]:
    """A deadline the entity extractor read this turn in words that say none (round 19: "ah non on est samedi" became
    "Échéance : samedi", r19c-03; the day a husband died or an order was cancelled, r19c-08, r19c-12; "2 mois" at "Depuis
    quand ?", r19a-04): set back. The deadline question's own answer is read by the intake form."""
    if "deadline" in facts or any(event.get("name") == "deadline" for event in undone):
        return []
    if "deadline" not in tracker.slots_to_validate() or tracker.get_slot("requested_slot") == "deadline":
        return []
    value = tracker.get_slot("deadline")
    words = tracker.latest_message.get("text") or ""
    if not isinstance(value, str) or value == SKIPPED:
        return []
    today = services.chamber_today()
    if (
        names_today(words)
        or bare_delay(words)
        or past_deadline(words, today)
        or past_deadline(value, today)
        or place_read_as_deadline(words, value)
    ):
        return [SlotSet("deadline", value_before_latest_message(tracker.events, "deadline"))]
    return []


# A département said digit by digit ("le 9-3", "dans le 9 3", "du 7-7").
_CODE_SAID_DIGIT_BY_DIGIT = re.compile(r"(?<![\d/])([1-9])[ -](\d)(?![\d/])")


def place_read_as_deadline(words: str, value: str) -> bool:
    """A deadline the entity extractor read in a département said digit by digit ("slt jsuis boulanger dans le 9-3":
    "3"; "le 9-3 je vous ai dit, a Bobigny": "le 9-3"; round 25, s25b-02, "Échéance : le 9-3", urgency haute): the
    value holds only the code's digits and no word of a date."""
    code = _CODE_SAID_DIGIT_BY_DIGIT.search(words)
    if code is None:
        return False
    digits = re.sub(r"\D", "", value)
    letters = re.sub(r"\b(?:le|du|dans|la)\b|[^a-z]", "", fold(value))
    return not letters and digits in (code[1] + code[2], code[2])


def call_not_a_deadline(tracker: Tracker) -> dict[str, Any]:
    """At the deadline question, words about the call ("ok je préfère appeler moi-même demain matin", "non je veux pas
    être rappelé lundi") are no deadline for the triage to read: the slot the mapping filled with them, as it was before.
    Round 33 (r33-m): the case went haute on "demain matin", and the form's own reading (no deadline) came too late,
    urgency never going down. The form still reads the words (its reply to a refusal or a request). {} otherwise."""
    if tracker.get_slot("requested_slot") != "deadline" or "deadline" not in tracker.slots_to_validate():
        return {}
    if about_the_call(tracker.latest_message.get("text")):
        return {"deadline": value_before_latest_message(tracker.events, "deadline")}
    return {}


def about_the_call(text: Any) -> bool:
    """Words that ask for the advisor's call or refuse it, whatever moment they name."""
    return refuses_callback(text) or asks_for_callback(text)


def contact_answer_undone(tracker: Tracker) -> list[EventType]:
    """While a contact question is pending, the entity extractor still fills situation slots from the
    answer ("0033 7 81 12 12 12" became `since_when`): those are set back (the place is handled above)."""
    asked = tracker.get_slot("requested_slot")
    words = tracker.latest_message.get("text")
    if (
        asked not in _CONTACT_QUESTIONS
        and not moment_at_place_question(asked, words)
        and not cancels_request(words)  # "annulez ma demande, les pressings ont payé": no trade (round 17)
        and not moment_for_the_call_now(tracker)  # "demain matin avant 7h" at the consent: no deadline (r26a-01)
    ):
        return []
    changed = set(tracker.slots_to_validate()) & (set(SITUATION_SLOTS) - {"departement"})
    return [SlotSet(name, value_before_latest_message(tracker.events, name)) for name in sorted(changed)]
