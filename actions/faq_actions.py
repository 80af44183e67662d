"""A question about the service ("c'est gratuit ?", "qui lit ce que j'écris ?"): its answer, the response selector's
(`utter_faq/...`), or the glossary's definition of a word asked about ("c'est quoi un échéancier ?"); a request to erase gets the offer to do it now (actions/erasure_actions.py); and a statement the
classifier took, unsure, for such a question at a form's question ("c'est moi qui gère tout maintenant" at the
legal-form question) is read as that question's answer, as the form reads one."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from actions.conversation import SITUATION_SLOTS, SKIPPED, difficulty_first_told
from actions.erasure_actions import (
    ERASE_REQUEST_KEY,
    answer_to_offer,
    consent_worry_text,
    offer_erasure,
    offer_pending,
    part_removal,
    retention_text,
    who_reads_text,
)
from actions.handoff import consented
from actions.handoff_actions import (
    ValidateHandoffForm,
    already_said,
    callback_promise,
    moment_at_contact_question,
    save_case,
    yes_no_said_with_more,
)
from actions.intake import NO_DIFFICULTY_YET, asks_something
from actions.intake_actions import ValidateSituationForm, callback_asked_in_intake
from actions.outside_actions import outside_reply, then_the_intake
from guidance.glossary import DEFINITION_KEY, definition_answer
from guidance.welcome import FIRST_QUESTION, WELCOME_AFTER_CRISIS_OPENING, WELCOME_OPENING
from intake.answers import about_the_data, adds_to_the_case, asks_how_long_kept, asks_to_erase, mentions_erasing
from intake.facts import fold
from intake.service_questions import (
    NOBODY_TOLD,
    OUTCOME_ANSWER,
    asks_about_the_outcome,
    asks_if_someone_is_told,
    asks_price_of_own_matter,
    fits_stored_answer,
    names_business_matter,
    says_a_body_is_not_the_trouble,
)
from ops import clock


class ActionAnswerFaq(Action):
    """A question about the service: its answer (the response selector's), or, for a request to erase, the
    offer to do it now (in the handoff too; "annulez ma demande" stays the handoff's own withdrawal)."""

    def name(self) -> str:
        return "action_answer_faq"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        selected = (tracker.latest_message.get("response_selector") or {}).get("default") or {}
        key = (selected.get("response") or {}).get("intent_response_key") or ""
        words = tracker.latest_message.get("text") or ""
        part = part_removal(
            dispatcher, tracker, save_case
        )  # "enlevez la partie sur le cancer" (round 17): that part only
        if part is not None:
            return part
        if key == ERASE_REQUEST_KEY and asks_to_erase(words):
            # In the handoff too: "effacez mes données" at the consent question was read as a refused call
            # ("cette conversation est effacée au bout de 7 jours"), erasing nothing and confirming nothing.
            if offer_pending(tracker):
                return answer_to_offer(dispatcher, tracker, yes=True)  # "oui effacez tout": asked again
            return offer_erasure(dispatcher, tracker)
        asked_for = callback_asked_in_intake(dispatcher, tracker)  # "vous pouvez m'appeler lundi matin ?" (r28-a-04)
        if asked_for is not None:
            return asked_for
        outside = outside_reply(dispatcher, tracker)  # round 22, r22c-18: a takeover project asked about
        if outside is not None:
            return outside
        news = news_for_the_case(dispatcher, tracker, key)  # round 20, r20c-01: a returning artisan's new facts
        if news is not None:
            return news
        if key == ERASE_REQUEST_KEY and not about_the_data(words) and not asks_how_long_kept(words):
            # Round 20 (r20c-01, r20c-13): "j'ai oublié de dire que ...", "on peut demander d'enlever la majoration ?"
            # got the answer on erasing: not about the data, the words are read as what they say.
            from actions.business_questions import answer_here

            unfit = await _what_was_asked(dispatcher, tracker, domain, words)
            return unfit if unfit is not None else answer_here(dispatcher, tracker, words)
        # Round 9, r9a-20: "vous gardez mes infos combien de temps ?" at the consent question, read as a request to
        # erase, got the offer, and the "ok oui" after it erased a callback request. Only words that ask to erase get
        # the offer; a question about how long things are kept gets the retention, whatever answer was selected.
        if asks_how_long_kept(words):
            dispatcher.utter_message(text=_retention(tracker, how_to_erase=mentions_erasing(words)))
            return []
        definition = definition_answer(tracker.latest_message.get(DEFINITION_KEY), words)
        if definition:
            # "c'est quoi un échéancier ?" (bot/components/definition_guard.py): the glossary's definition; two terms
            # compared ("la différence entre redressement et liquidation"), both (round 9, r9a-20).
            dispatcher.utter_message(text=definition)
            return []
        early = moment_at_contact_question(dispatcher, tracker)  # "demain matin avant ..." at the e-mail question
        if early is not None:
            return early
        answered = yes_no_said_with_more(dispatcher, tracker)
        if answered is not None:
            # "non donnez moi plutot un numero que j'appelle direct" at the consent question (round 12, r12b-08): the no
            # is taken, the rest answered, never the same question again.
            return answered
        # Round 18 (r18a-05, r18a-09): "c'est qui qui rappelle, la Réunion ou Paris ? le décalage horaire...", "je ne veux
        # pas que ça se sache à Roanne" got the general confidentiality text: what was asked, answered.
        # Round 19 (r19c-01, r19c-09, r19c-16): "vous êtes la CGSS ou la chambre ?" got the self-introduction without a
        # plain no; "vous pouvez appeler ma banque pour moi ?" the text for a fear of being reported.
        from actions.service_answers import service_question_text

        service = service_question_text(tracker)
        # "vous êtes des impôts ?": the stored answer names these bodies already; said once, then the plain no.
        if (
            service is not None
            and key == "faq/other_bodies"
            and fits_stored_answer(key, words)
            and not any((event.get("metadata") or {}).get("utter_action") == f"utter_{key}" for event in tracker.events)
        ):
            service = None
        each = _each_question_answered(tracker, words)
        if each is not None:
            # Round 26 (r26a-03): "c'est payant le conseiller ? et mon banquier il sera au courant ?" got the bank's
            # answer only: each question its answer, in the order asked.
            for answer in each:
                dispatcher.utter_message(**answer)
            return await _then_a_first_difficulty(dispatcher, tracker, domain, words)
        beside = (
            service
            or _beside_the_answers(words)
            or consent_worry_text(tracker)
            or who_reads_text(words, consented(tracker.slots))
        )
        if beside:
            dispatcher.utter_message(text=beside)
            return await _then_a_first_difficulty(dispatcher, tracker, domain, words)
        slot = _question_answered(tracker)
        if slot:
            # "c'est moi qui gère tout maintenant" to "Sous quelle forme ... ?", taken for "qui êtes-vous": no
            # question asked, the words are this question's answer, read as the form reads one (the form does
            # not validate after this rule's action: it only asks its next question).
            form = ValidateHandoffForm() if tracker.active_loop_name == "handoff_form" else ValidateSituationForm()
            validate = getattr(form, f"validate_{slot}")
            answered = validate(tracker.latest_message.get("text"), dispatcher, tracker, domain)
            return [SlotSet(name, value) for name, value in answered.items()]
        if not tracker.active_loop_name and key not in (ERASE_REQUEST_KEY, PHONE_KEY):
            # A number asked ("c'est quoi le numéro des impôts") has its own answer below, never a business step.
            # After the crisis part, "et pour les factures impayees alors?" read as a question about the service got "C'est
            # entièrement gratuit" (round 12, r12b-03): a business question gets its step, as out of scope does.
            from actions.crisis_actions import business_question_after_crisis

            answered = business_question_after_crisis(dispatcher, tracker)
            if answered is not None:
                return answered
        first_told = difficulty_first_told(tracker.events) and not tracker.active_loop_name
        if key == FREE_KEY and asks_price_of_own_matter(words) and not first_told:
            # Round 25 (s25c-04, s25c-18): "et si je prends un avocat ça coûte combien ?" got "C'est entièrement gratuit":
            # the price of the artisan's own matter, which the advisor can look at with them; never the service's.
            from guidance.crisis import BUSINESS_QUESTION_UNKNOWN

            dispatcher.utter_message(text=BUSINESS_QUESTION_UNKNOWN)
            return []
        if key and not fits_stored_answer(key, words):
            # Round 17: the nearest stored answer, not fitting ("vous pensez que je vais m'en sortir ?" got "Non, la
            # Chambre n'est ni l'URSSAF…"): the question itself answered, when it can be read.
            unfit = await _what_was_asked(dispatcher, tracker, domain, words)
            if unfit is not None:
                return unfit
        if key:
            dispatcher.utter_message(**_answer(key, tracker))
            then = await _then_a_first_difficulty(dispatcher, tracker, domain, words)
            if then:
                return then
            if tracker.active_loop_name is None and not any(
                tracker.get_slot(name) for name in ("difficulty_categories", "case_reference", "distress")
            ):
                # "slt c gratuit ?" as the first words (round 7): answered, and then nothing asked; the artisan had
                # to guess what to write next.
                opening = FIRST_QUESTION if not already_said(tracker, FIRST_QUESTION) else NO_DIFFICULTY_YET
                if not already_said(tracker, opening):
                    dispatcher.utter_message(text=opening)
        return []


async def _then_a_first_difficulty(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any], words: str
) -> list[EventType]:
    """After the answer to a question about the service, the conversation's first difficulty told in the same words
    ("c'est gratuit ? l'huissier veut prendre mon camion"): said back and the intake started, as any difficulty told
    (round 27, r27-a-17, D24: a first message answered as a question only left the artisan with no step, no offer)."""
    from actions.intake_actions import ActionAcknowledgeSituation
    from triage import names_a_difficulty

    if tracker.active_loop_name or not difficulty_first_told(tracker.events) or not names_a_difficulty(words):
        return []
    events = await ActionAcknowledgeSituation().run(dispatcher, tracker, domain)
    return then_the_intake(events, tracker)


async def _what_was_asked(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any], words: str
) -> list[EventType] | None:
    """The answer to words the selected stored answer does not fit (intake/service_questions.py), or None when they
    cannot be read (the stored answer is then said): a hope asked for, a person told, a difficulty described, a question
    about the business (one sourced step, else an honest word)."""
    from actions.business_questions import answer_here
    from actions.intake_actions import ActionAcknowledgeSituation
    from triage import names_a_difficulty

    if asks_about_the_outcome(words):
        dispatcher.utter_message(text=OUTCOME_ANSWER)
        return []
    if asks_if_someone_is_told(words):
        dispatcher.utter_message(text=NOBODY_TOLD)
        return []
    # Round 23 (r23b-14): "c'est pas les impots le probleme, c'est mon associé qui veut partir" is the situation told.
    difficulty = names_a_difficulty(words) or says_a_body_is_not_the_trouble(words)
    if difficulty and (not asks_something(words) or difficulty_first_told(tracker.events)):
        # Round 27 (r27-a-17, D24): the first difficulty told with a question ("... je fais quoi ???") is a difficulty
        # told first: said back, the intake, the first steps and the callback; the question with them.
        # "des problèmes de sous quoi" (r17a-07): a difficulty said, acknowledged like any; outside a form, the intake.
        events = await ActionAcknowledgeSituation().run(dispatcher, tracker, domain)
        return events if tracker.active_loop_name else then_the_intake(events, tracker)
    if not (difficulty or names_business_matter(words)):
        return None
    return answer_here(dispatcher, tracker, words)


NO_CASE_YET = (
    "Je n'ai pas encore de demande enregistrée pour vous. Si vous acceptez qu'un conseiller vous rappelle, tout ce que "
    "vous m'écrivez ici lui sera transmis : écrivez « conseiller »."
)


def news_for_the_case(dispatcher: CollectingDispatcher, tracker: Tracker, key: str) -> list[EventType] | None:
    """Someone who comes back once the case is stored and tells more ("re bonjour, j'ai oublié de dire que le château a
    été mis en redressement judiciaire", "vous pouvez ajouter ça à mon dossier ?": round 20, r20c-01, which got the
    answer on erasing, then "Je n'ai pas bien compris"): the case updated with what was said, said so, and a sourced
    step for it (a client's redressement: declaring the claim). None when nothing is added, or with no question of it."""
    from triage import names_a_difficulty

    words = tracker.latest_message.get("text") or ""
    adds = adds_to_the_case(words)
    misread = key == ERASE_REQUEST_KEY and not about_the_data(words) and names_a_difficulty(words)
    if not (adds or misread):
        return None
    if not tracker.get_slot("case_reference") or not consented(tracker.slots):
        if adds and not misread and not names_a_difficulty(words):
            dispatcher.utter_message(text=NO_CASE_YET)
            return []
        return None
    from actions.business_questions import answer_to_business_question

    result = save_case(tracker, dict(tracker.slots))
    dispatcher.utter_message(
        text=f"C'est ajouté à votre demande {result.reference} : le conseiller l'aura sous les yeux."
    )
    step = answer_to_business_question(tracker, words)
    if step:
        dispatcher.utter_message(text=step)
    return [SlotSet("case_reference", result.reference)]


def _retention(tracker: Tracker, *, how_to_erase: bool) -> str:
    """How long things are kept: the case's figures once a callback is under way or a case exists (round 9, r9a-21:
    the conversation's 7 days were said at the consent question), the conversation's otherwise."""
    slots = tracker.slots
    case = bool(slots.get("case_reference")) or consented(slots)
    handoff = tracker.active_loop_name == "handoff_form" or slots.get("wants_advisor") is True
    return retention_text(
        services.chamber(), services.tracker_retention_days(), case=case, handoff=handoff, how_to_erase=how_to_erase
    )


# Questions no stored answer fits, which the selector gave the nearest one (round 9, r9a-12: "ça dure combien de temps
# l'appel ?" got "C'est entièrement gratuit"; "il appellera avec quel numéro ? je ne réponds pas aux numéros masqués"
# got the chamber's number, as if it were the one the advisor calls from). What the software does not know is said so.
_CALL_LENGTH = re.compile(
    r"\b(?:dure|durera|durer|duree|durent)\b[^.?!]*\b(?:appel|rappel|entretien|coup de fil|telephone|rendez-vous|rdv)\b|"
    r"\b(?:appel|rappel|entretien|coup de fil|rendez-vous|rdv)\b[^.?!]*\b(?:dure|durera|durer|duree|durent)\b|"
    r"\b(?:l'appel|l'entretien|le coup de fil|le rappel) (?:est|sera|va etre|prend|prendra|va prendre) "
    r"(?:long|longtemps|combien)\b"
)
_CALLER_NUMBER = re.compile(
    r"\bnumeros? (?:masques?|caches?|prives?|inconnus?)\b|\bappels? (?:masques?|anonymes?)\b|\ben masque\b|"
    r"\b(?:avec|depuis|de|par) quel (?:numero|telephone|tel)\b[^.?!]*\b(?:appel\w*|rappel\w*|contact\w*)|"
    r"\b(?:appel\w*|rappel\w*|contact\w*)\b[^.?!]*\b(?:avec|depuis|de|par) quel (?:numero|telephone|tel)\b|"
    r"\bquel numero (?:va |vas )?s'affich\w*|\bnumero (?:qui )?(?:va )?s'affich\w*"
)
CALL_LENGTH = "Je ne connais pas la durée de l'appel : elle dépend de votre situation et de ce que vous voudrez dire au conseiller."


def caller_number_text(chamber: Any) -> str:
    return (
        "Je ne sais pas de quel numéro le conseiller vous appellera. Si vous ne répondez pas aux numéros masqués ou "
        f"inconnus, vous pouvez aussi appeler vous-même la {chamber.name} au {chamber.phone}, {chamber.hours_text}."
    )


def _beside_the_answers(words: str) -> str | None:
    """The answer to a question the stored answers do not fit (the call's length, the number it comes from), or None."""
    folded = fold(words).replace("’", "'")
    if _CALL_LENGTH.search(folded):
        return CALL_LENGTH
    if _CALLER_NUMBER.search(folded):
        return caller_number_text(services.chamber())
    return None


_AFTER_A_QUESTION = re.compile(r"(?<=\?)\s*")


def _each_question_answered(tracker: Tracker, words: str) -> list[dict[str, Any]] | None:
    """The answers to a message of several questions about the service, one each in the order asked, when each is
    read (a question about who is told or reads, the call, or the price of the service); None for a single question,
    or when one of them cannot be read alone (the message is then answered whole)."""
    from actions.service_answers import service_question_text

    asked = [part for part in _AFTER_A_QUESTION.split(words or "") if "?" in part and re.search(r"\w", part)]
    if len(asked) < 2:
        return None
    answers: list[dict[str, Any]] = []
    for part in asked:
        said = service_question_text(tracker, part) or _beside_the_answers(part)
        said = said or who_reads_text(part, consented(tracker.slots))
        if said is not None:
            answer = {"text": said}
        elif _COST.search(fold(part)) and not asks_price_of_own_matter(part):
            answer = _answer(FREE_KEY, tracker, part)
        else:
            return None
        if answer not in answers:
            answers.append(answer)
    return answers if len(answers) > 1 else None


PHONE_KEY = "faq/phone_number"
# "c'est quoi le numéro des impôts ?": the number of another body, which the chamber's number does not answer.
FREE_KEY = "faq/is_free"
# What another body may charge: the cost of a payment plan, fees, surcharges (never the chamber's help).
_ANOTHER_COST = re.compile(
    r"\b(?:echeanciers?|plan de reglement|delais? de paiement|etalement|frais|majorations?|penalites?|agios|interets)\b"
)
_ANOTHER_BODY = re.compile(
    r"\b(?:impots?|fisc|sie|tresor public|finances publiques|urssaf|banques?|banque de france|tribunal|greffe|caf|"
    r"cpam|secu|securite sociale|pole emploi|france travail|huissier|commissaire de justice|notaire|comptable|"
    r"assurances?|assureur|mairie|prefecture)\b"
)


# The questions "when will I be called?" is taken for: the chamber's hours, its number.
WHEN_CALLED_KEYS = frozenset({"faq/opening_hours", PHONE_KEY})
_WHEN = re.compile(r"\b(?:quand|quelle heure|a quel moment|combien de temps|delai|bientot)\b")
_CALLED = re.compile(r"\b(?:r?appel\w*|contact\w*|joindre|telephon\w*)\b")
_REFERENCE_ASKED = re.compile(
    r"\b(?:(?:ma|la|votre|quelle) (?:reference|ref)|(?:mon|le) numero de (?:dossier|demande))\b"
)
_COST = re.compile(r"\b(?:gratuit\w*|payant\w*|coute\w*|cout|prix|tarif\w*|surtaxe\w*|factur\w*)\b")


# Round 20 (r20b-15): "je peux parler à quelqu'un direct ?" on a Sunday got the switchboard, closed, and nothing else.
_A_PERSON = re.compile(
    r"\b(?:parler|avoir|joindre|appeler)\b[^.?!]{0,20}\b(?:quelqu'?un|qqn|quelqu un|une personne|un humain|"
    r"(?:un|une|le|la) conseill\w*|direct\w*|en vrai)\b"
)
NOT_ANSWERED_ABOVE = (
    "Je ne suis pas sûr de bien vous suivre, pardon. Un conseiller de la chambre pourra reprendre cela avec vous : "
    "écrivez « conseiller » pour être rappelé."
)


def _callback_while_closed(tracker: Tracker) -> str | None:
    """The callback offered when the chamber is closed and a person is asked for; None once it is under way."""
    if tracker.get_slot("case_reference"):
        return "Votre demande de rappel est déjà enregistrée : un conseiller vous rappellera comme prévu."
    if tracker.get_slot("wants_advisor") is True or tracker.active_loop_name == "handoff_form":
        return None
    return (
        "C'est fermé en ce moment : si vous le souhaitez, un conseiller peut vous rappeler dès la réouverture. "
        "Écrivez « conseiller » pour cela."
    )


IS_BOT_KEY = "faq/is_bot"
WELCOME_CONFIRMED = "Oui, c'est bien un programme qui vous répond. Dès que vous voulez parler à une vraie personne, écrivez « conseiller »."


def _welcome_just_said(tracker: Tracker) -> bool:
    """Whether the bot's last words before the latest message were the welcome (or its form after the crisis numbers)."""
    events = list(tracker.events)
    last_user = max((i for i, event in enumerate(events) if event.get("event") == "user"), default=len(events))
    said = [event.get("text") or "" for event in events[:last_user] if event.get("event") == "bot"]
    return bool(said) and said[-1].startswith((WELCOME_OPENING, WELCOME_AFTER_CRISIS_OPENING))


def _answer(key: str, tracker: Tracker, asked: str | None = None) -> dict[str, Any]:
    """The stored answer, said in full once; asked again, a short one (a long answer repeated reads as a machine
    that did not listen). The number of another body is not the chamber's. Read on the latest words, or on `asked`
    (one question of several)."""
    chamber = services.chamber()
    words = fold(asked if asked is not None else tracker.latest_message.get("text") or "")
    reference = tracker.get_slot("case_reference")
    if _WHEN.search(words) and _CALLED.search(words) and key not in WHEN_CALLED_KEYS and not _COST.search(words):
        # "c'est combien de temps avant qu'on me rappelle ?" was taken for a question about the price (round 15,
        # r15a-04: "C'est entièrement gratuit"): the words ask when, whatever the sub-intent.
        key = "faq/opening_hours"
    if key in WHEN_CALLED_KEYS and reference and _WHEN.search(words) and _CALLED.search(words):
        # "quand est-ce qu'il va m'appeler ?" once the callback is asked: when, for this case (round 7: the opening
        # hours alone, as if nothing had been asked).
        slots = tracker.slots
        reach = "vous rappellera" if slots.get("phone") not in (None, SKIPPED) else "vous écrira"
        return {
            "text": f"Votre demande {reference} est enregistrée : un conseiller {reach} {callback_promise(chamber, slots)}."
        }
    if reference and _REFERENCE_ASKED.search(words):
        # "vous pouvez me redonner ma référence ?" (round 23, r23c-07: the stored answer about what the assistant can
        # do): the reference, with the promise it goes with.
        reach = "vous rappellera" if tracker.slots.get("phone") not in (None, SKIPPED) else "vous écrira"
        promise = callback_promise(chamber, tracker.slots)
        return {"text": f"Votre référence est {reference} : un conseiller {reach} {promise}."}
    if key == PHONE_KEY and _ANOTHER_BODY.search(words):
        text = (
            "Je n'ai pas le numéro de cet organisme : il figure sur ses courriers et sur son site. "
            f"La {chamber.name}, elle, est joignable au {chamber.phone}."
        )
        return {"text": "Ce numéro-là, je ne l'ai pas, pardon." if already_said(tracker, text) else text}
    if key == FREE_KEY and (_ANOTHER_BODY.search(words) or _ANOTHER_COST.search(words)):
        # "combien ça coûte un échéancier avec les impôts ?" got "C'est entièrement gratuit", then "Je vous ai répondu plus
        # haut" (round 12, r12a-11): the cost asked is another body's, which the assistant does not know for sure.
        text = (
            "Notre aide, elle, est gratuite. Ce que coûte un échéancier ou un délai auprès d'un autre organisme, je ne "
            f"peux pas vous le dire avec certitude ici : un conseiller de la {chamber.short_name} peut regarder votre "
            f"cas, au {chamber.phone}."
        )
        return {"text": "Je n'ai pas de réponse plus précise ici, pardon." if already_said(tracker, text) else text}
    if key == PHONE_KEY and _A_PERSON.search(words) and not chamber.is_open(clock.now()):
        offer = _callback_while_closed(tracker)
        if offer is not None:
            return {"text": f"Vous pouvez joindre la {chamber.name} au {chamber.phone}, {chamber.hours_text}. {offer}"}
    if key == IS_BOT_KEY and _welcome_just_said(tracker):
        # "vous êtes un robot ?" as the very first message (round 23, r23a-06): the welcome had just said "assistant
        # automatique"; the stored answer said it again, back to back.
        return {"text": WELCOME_CONFIRMED}
    utter = f"utter_{key}"
    if not any((event.get("metadata") or {}).get("utter_action") == utter for event in tracker.events):
        return {"response": utter}
    if not fits_stored_answer(key, words) and not asks_something(words):
        # Round 20 (r20c-20): "je viens de vous le dire, je dois 400000 francs a la cafat" got "Je vous ai répondu plus
        # haut", though nothing above answered it: said only when the words ask what the stored answer answers.
        return {"text": NOT_ANSWERED_ABOVE}
    short = {
        PHONE_KEY: f"C'est le {chamber.phone}.",
        FREE_KEY: "C'est gratuit, je vous le confirme, ici comme au téléphone.",
        "faq/opening_hours": f"La chambre répond {chamber.hours_text_for(tracker.get_slot('departement'), clock.now())}.",
    }
    return {
        "text": short.get(
            key, "Je vous ai répondu plus haut. Pour en parler avec une personne, écrivez « conseiller »."
        )
    }


# The questions a statement taken for a question about the service is read at: the intake's, and the handoff's
# yes/no questions (where it is neither a yes nor a no); a contact question would take the words as its answer.
QUESTIONS_A_STATEMENT_ANSWERS = {
    "situation_form": frozenset(SITUATION_SLOTS),
    "handoff_form": frozenset({"wants_advisor", "consent_given", "health_consent"}),
}
# The classifier's confidence above which a statement at an intake question is still a question about the
# service ("c'est confidentiel j'espère"); below it, only words that ask something get the service's answer.
FAQ_SURE = 0.9


def _question_answered(tracker: Tracker) -> str | None:
    """The form's question the latest words answer, when they were classified as a question about the service
    without asking anything, and the classifier was not sure of it."""
    slot = tracker.get_slot("requested_slot")
    questions = QUESTIONS_A_STATEMENT_ANSWERS.get(tracker.active_loop_name or "", frozenset())
    if slot not in questions:
        return None
    confidence = (tracker.latest_message.get("intent") or {}).get("confidence") or 0.0
    words = tracker.latest_message.get("text") or ""
    if not words or words.startswith("/") or confidence >= FAQ_SURE or asks_something(words):
        return None
    return slot
