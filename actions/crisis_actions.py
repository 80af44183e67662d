"""The crisis path: numbers first, a human without conditions, the safety question in one tap; the
direct question about suicide for ambiguous distress; the 3114 for relatives bereaved by suicide.

Thin adapters: the words live in guidance/crisis.py, the reading of answers in triage/answers.py,
the levels and rule ids in triage/distress.py. Logs carry levels and rule ids, never message text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection
from functools import partial
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import services
from actions.conversation import said_before, user_messages
from actions.handoff import NO_ANSWER_REASON, concerned_person, said_to_the_writer, written_for
from chamber.emergency import EMERGENCY_SMS, EUROPEAN_EMERGENCY, SAMU, SUICIDE_PREVENTION_LINE
from guidance import crisis_messages
from guidance.crisis import (
    ASK_AGAIN_FIRST,
    AT_RISK_REFUSAL,
    BEREAVEMENT,
    BUSINESS_QUESTION_DOOR,
    BUSINESS_QUESTION_DOOR_CASE,
    BUSINESS_QUESTION_UNKNOWN,
    CALLING_NOW_REPLY,
    CALLING_THEM_NOW_REPLY,
    CHECK_IN_AGAIN,
    COMPANY_SAFETY_REPLY,
    CONFIDED,
    DECLINED_OPENING,
    DECLINED_REASON,
    DENIED_UNPROMPTED_REPLY,
    HANDOFF_REMINDER,
    HUMAN_AFTER_THE_QUESTION,
    LATE_NEWS_AGAIN,
    LEAVING_REMINDER,
    LINE_LEAVING_REPLY,
    LONG_WAIT_AGAIN,
    NOT_A_BOTHER,
    NOT_SAFE_REPLY,
    NOT_SAFE_WRITTEN_REPLY,
    NOT_TALKING_SAFETY_REPLY,
    OPEN_QUESTION,
    OTHER_SUBJECT_SAFETY_REPLY,
    PRACTICAL_WORRY_HEARD,
    SAFE_AFTER_OWN_SIGN_REPLY,
    SAFE_NOT_A_BOTHER_REPLY,
    SAFE_NOT_TALKING_REPLY,
    SAFE_WHY_AFTER_OWN_SIGN_REPLY,
    SAFE_WITH_OBJECTION_REPLY,
    SMS_114_HOW,
    STEP_SAID_ABOVE,
    THOUGHTS_ADMITTED_REASON,
    THOUGHTS_DENIED_AT_SAFETY_REPLY,
    UNSURE_SELF_REPLY,
    WHAT_IT_CHANGES_SAFETY,
    WHY_AFTER_CLEAR_NO,
    WORDLESS_OPENING,
    _is as person_words,
    afraid_to_call_text,
    call_them_reply,
    cannot_call_text,
    check_in,
    clear_no_reply,
    crisis_again_text,
    declined_reply,
    emergency_called_reply,
    leaving_unanswered_reply,
    line_taken_up_reply,
    long_wait_text,
    means_away,
    nobody_answers_now_text,
    not_safe_reply,
    preparations_told,
    relative_advice,
    relative_reply,
    safe_after_preparations_reply,
    safe_leaving_reply,
    safe_reply,
    safety_buttons,
    safety_question,
    safety_question_again,
    suicide_question,
    tell_someone_reply,
    unreachable_reply,
    unsure_reply,
    your,
)
from guidance.glossary import DEFINITION_KEY, definition_text
from guidance.welcome import WELCOME_OPENING
from intake.answers import (
    asks_for_callback,
    asks_which_health,
    asks_who_reads,
    extract_facts,
    fears_it_gets_known,
    is_closing,
    is_intake_answer,
    yes_for_the_call,
)
from intake.facts import fold as fold_text
from intake.shapes import has_words
from intake.written_contact import asks_how_114_works, written_only
from triage import Assessment
from triage.answers import (
    ANSWERS_INTAKE_QUESTION,
    ASK_AGAIN,
    CLEAR_NO,
    DECLINED,
    EMERGENCY_QUESTION,
    LINE_QUESTION,
    NO_SAID_BEFORE,
    NOT_CLEAR_NO,
    NOT_SAFE,
    NUMBERS_REFUSED,
    QUESTION_BACK,
    SAFE,
    UNSURE,
    WHY_ASKED,
    admits_thoughts,
    afraid_to_call,
    answer_to_safety_question,
    answer_to_suicide_question,
    asks_to_call_for_someone,
    asks_us_to_call,
    asks_what_it_changes,
    asks_what_to_do_for_someone,
    asks_what_to_say,
    asks_whom_to_tell,
    asks_why_with_the_no,
    calls_now,
    cannot_reach,
    crisis_question,
    declines_to_talk,
    denies_the_question,
    denies_the_thoughts_plainly,
    doubt_with_company,
    doubts_anyone_answers_now,
    feels_a_bother,
    objects_to_the_question,
    person_reached,
    practical_question_after_yes,
    promises_to_call_the_line,
    questions_the_question,
    refuses_the_numbers,
    says_line_called,
    says_no_said_before,
    says_safety_news,
    says_the_wait_is_long,
    says_unsafe,
    speaks_for_someone_else,
    starts_with_no,
    takes_back_a_clear_no,
    takes_back_a_figure_of_speech,
    takes_back_safe,
    unsure_kind,
    without_safety_reassurance,
)
from triage.distress import (
    AMBIGUOUS,
    INDIRECT,
    RELATIVE,
    close_people_named,
    find_signs,
    rule_signs,
    says_not_the_writer,
    speaks_of_someone_else,
)
from triage.normalise import normalise

# The handoff's reading of a callback taken up again after a refusal (actions.handoff_actions.callback_taken_up_again),
# set by that module when it loads: it imports this one, so importing it here would make a cycle.
callback_taken_up_again: Callable[[CollectingDispatcher, Tracker], list[EventType] | None] | None = None
# The handoff's reading of a "non" to the consent taken back in the next message (round 23, r23a-10).
consent_taken_back: Callable[[CollectingDispatcher, Tracker], list[EventType] | None] | None = None
# The same for what the crisis path needs of a stored case (round 19): the case saved again, its number, a case that
# stands after a no, a yes read as the handoff reads it. Set by actions.handoff_actions, which imports this module.
save_case: Callable[[Tracker, dict[str, Any]], Any] | None = None
phone_of_stored_case: Callable[[Tracker], str | None] | None = None
case_still_stands: Callable[[CollectingDispatcher, Tracker], list[EventType]] | None = None
read_yes_no: Callable[[Any, Tracker, str | None], bool | None] | None = None
yes_as_the_form_takes_it: Callable[[CollectingDispatcher, Tracker, str, str], dict[str, Any]] | None = None

logger = logging.getLogger(__name__)

RESUMABLE_FORMS = ("situation_form", "handoff_form")

# Round 12 (r12b-03, 09, 12): the writer's answers to the safety question that say nothing of danger, each answered for
# what it says; never "Merci de me l'avoir dit", which answers a "no, I am not safe". (Their place is guidance/crisis.py,
# beside the other crisis words; kept here while that file is another helper's.)
JOKE_SAFETY_REPLY = (
    "D'accord, tant mieux si c'était une façon de parler : je préfère toujours prendre ces mots au sérieux. "
    f"Si un jour ça n'allait vraiment pas, le {SUICIDE_PREVENTION_LINE} répond jour et nuit, gratuitement."
)
NUMBERS_REFUSED_SAFETY_REPLY = (
    f"Entendu, je n'insiste pas : le {SUICIDE_PREVENTION_LINE} reste là, jour et nuit, si un jour vous en avez besoin."
)
WHY_SAFETY_REPLY = (
    "Je pose cette question dès que des mots peuvent faire penser à une grande détresse, sans rien supposer de vous. "
    f"Si un jour ça n'allait pas, le {SUICIDE_PREVENTION_LINE} répond jour et nuit, gratuitement."
)


# Round 15 (r15b-03, r15b-17): "ok j'appelle", "ok je les appelle tout de suite" right after the crisis reply: the call
# to the emergency line welcomed in two short sentences, never the consent text nor the crisis block again.
def calling_now_reply(text: str) -> str:
    return CALLING_THEM_NOW_REPLY if re.search(r"\bles app", normalise(text)) else CALLING_NOW_REPLY


# An answer this long to a yes/no question is an account of something else.
LONG_ACCOUNT_WORDS = 40
# The rule id recorded when the crisis path comes from the answer to the direct question.
DIRECT_QUESTION_RULE = "direct_question_not_a_clear_no"


def _latest_user_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def _latest_intent(tracker: Tracker) -> str | None:
    return ((tracker.latest_message or {}).get("intent") or {}).get("name")


def _intake_started(tracker: Tracker) -> bool:
    return any(event.get("event") == "active_loop" and event.get("name") in RESUMABLE_FORMS for event in tracker.events)


def _said_since(tracker: Tracker, action: str, texts: Collection[str]) -> bool:
    """Whether the bot said one of `texts` since `action` last ran."""
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") == action:
            return False
        if event.get("event") == "bot" and event.get("text") in texts:
            return True
    return False


def _times_said_since(tracker: Tracker, action: str, texts: Collection[str]) -> int:
    """How many times the bot said one of `texts` since `action` last ran."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") == action:
            break
        if event.get("event") == "bot" and event.get("text") in texts:
            count += 1
    return count


# A question asked back is answered, and the question asked again, while it has been asked at most this
# many times: someone who only asks questions back is then read as not having said a clear no/yes.
QUESTIONS_BACK_ANSWERED = 2


def _answer_the_question_back(tracker: Tracker, dispatcher: CollectingDispatcher) -> None:
    """The stored answer when the NLU knew the question ("vous êtes un robot ?": yes, an automatic
    assistant), the business answer to a business question, else an honest word that not everything is answered here."""
    latest = tracker.latest_message or {}
    selected = ((latest.get("response_selector") or {}).get("default") or {}).get("response") or {}
    utter = selected.get("utter_action")
    definition = definition_text(latest.get(DEFINITION_KEY))
    text = _latest_user_text(tracker)
    if definition:
        dispatcher.utter_message(text=definition)  # "c'est quoi une conciliation ?" (guidance/glossary.py)
    elif _latest_intent(tracker) == "faq" and utter:
        dispatcher.utter_message(response=utter)
    elif _ASKS_IF_A_MACHINE.search(normalise(text)):
        dispatcher.utter_message(response="utter_faq/is_bot")  # "c'est un robot qui répond ?", the NLU unsure
    elif asks_about_the_business(text):
        # Round 26 (r26a-12): "pour l'urssaf si je fais la demande en ligne ils vont accepter ?" got "Je suis un
        # assistant automatique, pas une personne": the business answer (a step said above is not said again).
        answer = business_answer(tracker, text)
        dispatcher.utter_message(text=STEP_SAID_ABOVE if said_before(tracker.events, answer) else answer)
    else:
        dispatcher.utter_message(text=ASK_AGAIN_FIRST[QUESTION_BACK])


# A short list of the business's facts ("je suis ébéniste, SAS, dans le 62", round 6) answers the intake, not a crisis
# question: asked once more, like a single fact, before it is read as no clear answer.
FACTS_LIST_MAX_WORDS = 12


def _facts_listed(text: str) -> bool:
    return len(text.split()) <= FACTS_LIST_MAX_WORDS and len(extract_facts(text)) >= 2


def _difficulty_told(text: str) -> bool:
    """A difficulty of the business told where the direct or the safety question was asked ("le juge aux affaires
    familiales c'est en février"): the artisan went on with the account, and said nothing of the question yet. Asked
    once more before it is read: taken at once, the crisis path thanked them for confiding what they had not said and
    put the case at critique (the bot's false alarms of held-out v24, 17 of 287). Hedges, a yes and warning signs are
    read first (triage.answers), never asked again."""
    from triage import names_a_difficulty

    return (
        names_a_difficulty(text)
        or bool(set(extract_facts(text)) & _FACTS_OF_THE_BUSINESS)
        or _business_decision_told(text)
    )


# Round 19 (r19b-10): a son's answer at the direct question, "ce qui la travaille c'est surtout de savoir si elle garde
# la boutique ou si elle vend", took the crisis path: a decision about the business (keep, sell, close, hand over) is the
# account going on, asked once more like a difficulty named. Words of an end or a sign are read first (triage.answers).
_BUSINESS_PLACE = (
    r"(?:boutique|atelier|entreprise|magasin|commerce|boite|affaire|fonds|salon|garage|restaurant|boulangerie|"
    r"boucherie|societe|fournil|cabinet|camion|local|pas de porte|clientele)"
)
_BUSINESS_DECISION = re.compile(
    r"\b(?:garder|garde|gardera|gardait|vendre|vend|vendra|vendrait|ceder|cede|cedera|fermer|ferme|fermera|reprendre|"
    r"reprend|transmettre|transmet|liquider|continuer|arreter|lacher|mettre en vente|met en vente)\b"
    r"(?: \w+){0,3} (?:la |le |l |sa |son |ma |mon |notre |cette |ce )?" + _BUSINESS_PLACE + r"\b"
    r"|\b"
    + _BUSINESS_PLACE
    + r"\b(?: \w+){0,6} (?:ou (?:si )?(?:elle |il |je |on )?(?:la |le |l )?(?:vend|vendre|ferme|fermer|"
    r"arrete|arreter|cede|ceder|garde|garder))\b"
)


def _business_decision_told(text: str) -> bool:
    return bool(_BUSINESS_DECISION.search(normalise(text or "")))


# Held-out v25 (2026-12-05), the bot's false alarms: "déménageur à Nevers, seul à bord depuis juin, plus d'associé",
# "paysagiste en Vendée, je dois arrêter trois semaines" at the direct question went on with the account as surely as a
# difficulty named. A date alone is not among them: "depuis des mois" may answer the question itself.
_FACTS_OF_THE_BUSINESS = {"trade", "legal_form", "employees", "creditors", "departement"}


# Round 20 (bot false alarms of development v26): at the direct question, a business fact or a question about the service
# ("on m'avait dit 6 semaines, on en est à 11", "ils demandent 3 000 € en bitcoin", "qui va faire tourner la boîte", "la
# chambre peut m'aider ?") took the crisis path with "Merci de me l'avoir confié", as if a yes had been said. Prevention
# guidelines: a change of subject is no yes and no clear no either. Asked once more; a second change of subject gets the
# 3114 once, as information, and the conversation resumes (the case says the question got no answer). Only what carries
# a subject of its own: hedges, a yes, signs (the reader's and the model's), words of strain or of the question, a time
# alone ("depuis des mois" may answer the question itself) and short or wordless answers stay the crisis path.
_ANOTHER_SUBJECT = re.compile(
    r"\b(?:boutique|atelier|boite|magasin|commerce|salon|fonds|local|vitrine|stock|marchandise|ordinateur|ordi|logiciel|"
    r"livraisons?|commandes?|devis|compta|comptable|rsa|caf|france travail|pole emploi|prevoyance|mutuelle|retraite|"
    r"rancon\w*|bitcoin|piratage|pirate|compte|chambre|cma|conseillers?|service|associee?s?|salariee?s?|apprentie?s?|"
    r"marches?|juge|audience|avocat|mandataire|administrateur|proprietaire|bailleur|cfe|tresorerie|chiffre d affaires)\b"
    r"|\b\d[\d .,]*(?:k|k€|€|euros?|balles|e)\b|€"
    r"|\b(?:on m a dit|on m avait dit|ils m ont dit|il m a dit|elle m a dit|ils disent|il dit|elle dit|ils demandent|"
    r"il demande|elle demande|ils veulent|il veut|elle veut|ils reclament|il reclame)\b"
    r"|^(?:qui|combien|comment|est ce que|vous pouvez|vous pourriez|on peut|je peux|la chambre|c est gratuit)\b"
)
# Words of strain, of the question itself, of time and frequency, or a no/yes/doubt opening: never a change of subject.
_NOT_ANOTHER_SUBJECT = re.compile(
    r"\b(?:suicide\w*|suicider|mourir|mort|morte|en finir|finir|disparaitre|partir|dormir|pense|pensee?s?|penser|idees?|"
    r"envie|tiens|tient|tenir|tenu|craque\w*|coule|sombre|noie|peux plus|en peux|abandonn\w*|lache\w*|fatigue\w*|"
    r"epuise\w*|videe?|bout|seule?|peur|mal|pleur\w*|triste\w*|deprim\w*|desespere\w*|nulle?|honte|perdue?|force|"
    r"courage|sais plus|sais pas|sait pas|sert a rien|ca va|va aller|s en sort\w*|m en sort\w*|en sortir|gout|"
    r"question|pourquoi|fois|parfois|souvent|nuits?|soirs?|chaque|jamais|toujours pas|plus rien|rien ne va|"
    r"vie|vivre|famille|enfants?|gosses?|femme|mari)\b"
    r"|^(?:(?:euh|ben|bah|bon|ah|oh|hm+|mais|et) )*(?:moi|non|nan|nn|oui|ouais|ouai|si|bof|mouais|peut etre|quand|lorsque|"
    r"des que|surtout|seulement|que|sauf|a part|le soir|la nuit|le matin|la journee)\b|\b(?:pire|empire|surtout quand)\b"
)
_MIN_WORDS_OF_ANOTHER_SUBJECT = 3
# Material want said with the account ("le RSA a été refusé, rien pour manger ce mois-ci"): a level-3 sign that brings
# the direct question; said where the question was asked, it is the account going on, not an answer to it.
_MATERIAL_WANT_RULES = frozenset({"ambiguous_cannot_feed"})


def _without_material_want(text: str) -> str | None:
    """The text without its material want, or None when it carries any other sign."""
    signs = find_signs(text)
    if any(sign.rule not in _MATERIAL_WANT_RULES for sign in signs):
        return None
    for sign in signs:
        quote = str(sign.quote or "").strip("«» ")
        text = text.replace(quote, " ") if quote and quote in text else text
    return text if not find_signs(text) else None


# Round 21 (bot false alarms of development v27): someone close, asked whether they fear that the person thinks of suicide,
# went on with the business or their own load ("le contrat de la fourrière est perdu et il reste 40 000 € sur le
# plateau", "depuis lundi je tiens seule le fournil et la boutique", "moi je sais pas si je serai payée à la fin du
# mois"): the writer's own words of the work ("perdu", "je tiens seule", "moi") were read as strain, and the crisis path
# went to the person. For someone close, only what says something of the person's mind or state, of the writer's worry
# for them, of the question, a doubt about them, a yes or a no, or any sign (the writer's own included) is no other subject.
_OF_THE_PERSON = re.compile(
    r"\b(?:suicid\w*|mourir|mort|morte|en finir|finir|disparaitre|partir|partie?|pense|pensee?s?|penser|idees?|envie|"
    r"gout|sert a rien|betises?|conneries?|mal|peur|angoiss\w*|crain\w*|(?<!l )inquiet\w*|panique\w*|danger|"
    r"va pas bien|craque\w*|pleur\w*|tiens plus|tient plus|tenir|dort plus|mange plus|parle plus|dit plus rien|"
    r"renferm\w*|enferm\w*|boit|bu|alcool|arme|fusil|corde|cachets|medicaments|medocs|injoignable|repond (?:pas|plus)|"
    r"disparu\w*|question|jamais|fois|parfois|souvent|nuits?|sais pas ou)\b"
    r"|\b(?:il|elle|lui)\b(?: \w+){0,3} seule?\b"
    r"|^(?:(?:euh|ben|bah|bon|ah|oh|hm+|mais|et) )*(?:non|nan|nn|oui|ouais|ouai|si|bof|mouais|peut etre|quand|lorsque|"
    r"surtout quand|seulement quand|je crois|je pense)\b"
)
# The writer's own doubt about their pay or their work ("je sais pas si je serai payée à la fin du mois"): no doubt
# about the person, and a subject of its own.
_OWN_WORK_DOUBT = re.compile(
    r"\b(?:je |j )?(?:ne )?(?:sais|sait) (?:pas|plus|meme pas) (?:si|quand|comment) (?:je|j|on|nous)\b(?: \w+){0,5}? "
    r"(?:paye\w*|payes?|paie|salaires?|argent|loyer|factures?|boutique|magasin|atelier|fournil|travail|boulot|emploi|"
    r"poste|chomage|place)\b"
)


_AMOUNT_TYPED = re.compile(r"\d\s?(?:k€|€|k ?euros?|euros?)(?!\w)", re.IGNORECASE)


def changes_the_subject(text: str | None, *, about_someone_else: bool = False) -> bool:
    """The answer at the direct question is about something else (a fact of the business, a question about the service),
    with nothing of the question, of doubt or of strain in it: no yes, and not yet an answer.

    `about_someone_else`: the question was about someone close; the writer's own words of the work are no answer about
    that person (_OF_THE_PERSON reads what would be)."""
    if not text or text.startswith("/") or not has_words(text):
        return False
    words = normalise(text)
    own_doubt = _OWN_WORK_DOUBT.search(words) if about_someone_else else None
    strain = _OF_THE_PERSON.search(_OWN_WORK_DOUBT.sub(" ", words)) if about_someone_else else None
    if (
        len(words.split()) < _MIN_WORDS_OF_ANOTHER_SUBJECT
        or (strain if about_someone_else else _NOT_ANOTHER_SUBJECT.search(words))
        or admits_thoughts(text)
    ):
        return False
    rest = _without_material_want(text)
    if rest is None:
        return False
    if own_doubt:
        rest = _OWN_WORK_DOUBT.sub(" ", normalise(rest))
    # The reader's own test: what it would ask again as the account going on (no hedge, no yes, no sign at all).
    if answer_to_suicide_question(rest, may_ask_again=True, answers_intake_question=True) != ANSWERS_INTAKE_QUESTION:
        return False
    # The normalised words lose "€": an amount is read in the text as typed ("il reste 40 000 € à rembourser").
    amount = bool(_AMOUNT_TYPED.search(text))
    return _difficulty_told(text) or bool(_ANOTHER_SUBJECT.search(words)) or bool(own_doubt) or amount


def _unanswered_after_another_subject(tracker: Tracker, slot: str) -> dict[str, Any]:
    """The direct question asked twice, answered both times with something else: no answer, so no clear no (prevention
    guidelines: anything but a clear no takes the crisis path, opened with NO_ANSWER_OPENING), and the case says no
    answer came. Round 20 recorded a no here and resumed the conversation; round 28 (r28-b-15: "la banque m'a envoyé
    une lettre…", then "je suis ébéniste à Fort-de-France") got "Merci pour votre réponse" and a case saying "non"."""
    reasons = {key: list(value) for key, value in (tracker.get_slot("triage_reasons") or {}).items()}
    if NO_ANSWER_REASON not in reasons.get("overwhelm", []):
        reasons.setdefault("overwhelm", []).append(NO_ANSWER_REASON)
    logger.info("%s answered: another subject twice", slot)
    return {slot: NOT_CLEAR_NO, "triage_reasons": reasons}


# Round 17 (r17b-08, r17b-06): the safety question once more after the helplines refused or the earlier no said again,
# with words that respect the refusal or the no (triage.answers.NUMBERS_REFUSED, NO_SAID_BEFORE).
ASK_AGAIN_HERE = {
    NUMBERS_REFUSED: f"Entendu, je n'insiste pas pour le {SUICIDE_PREVENTION_LINE}. J'ai seulement besoin de savoir une chose :",
    NO_SAID_BEFORE: "Pardon, vous m'aviez bien répondu non, je ne reviens pas là-dessus. Une seule question encore :",
}


def _read_answer(
    tracker: Tracker,
    dispatcher: CollectingDispatcher,
    slot: str,
    read: Callable[..., str],
    asked_by: str,
    questions: Collection[str],
) -> dict[str, Any]:
    """A form's answer read from the latest message, only when the form is asking for it.

    An answer to something else ("depuis décembre", "pourquoi vous me demandez ça ?") gets a kind word
    and the question once more (the form asks it again), only once since `asked_by` ran; a question asked
    back ("vous êtes un robot ?") gets its answer and the question again, while the question (`questions`:
    its wordings) was asked at most QUESTIONS_BACK_ANSWERED times."""
    if tracker.get_slot("requested_slot") != slot:
        return {}
    text = _latest_user_text(tracker)
    may_ask_again = not _said_since(
        tracker, asked_by, (*ASK_AGAIN_FIRST.values(), *ASK_AGAIN_HERE.values(), WHAT_IT_CHANGES_SAFETY)
    )
    answer = read(
        text,
        _latest_intent(tracker),
        may_ask_again=may_ask_again,
        # A long account ("alors pour vous expliquer depuis le début…", whatever intent the NLU gives it) answers
        # the intake, not this question: asked once more before it is read as no clear no (a short other subject,
        # "l'urssaf me réclame 3 trimestres", is read at once). Warning signs in it still take the crisis path at
        # once (triage.answers._ask_again).
        answers_intake_question=is_intake_answer(text)
        or len(text.split()) >= LONG_ACCOUNT_WORDS
        or _facts_listed(text)
        or _difficulty_told(text),
        may_answer_question=_times_said_since(tracker, asked_by, questions) <= QUESTIONS_BACK_ANSWERED,
    )
    if (
        slot == "suicide_thoughts"
        and answer in (NOT_CLEAR_NO, ANSWERS_INTAKE_QUESTION)
        and changes_the_subject(text, about_someone_else=person_at_risk(tracker) is not None)
    ):
        # Round 20: another subject is no yes. Asked once more (the kind word below), then no answer is recorded.
        if not may_ask_again or _times_said_since(tracker, asked_by, questions) >= 2:
            return _unanswered_after_another_subject(tracker, slot)
        answer = ANSWERS_INTAKE_QUESTION
    logger.info("%s answered: %s", slot, answer)  # the reading, never the words
    if answer == QUESTION_BACK and _latest_intent(tracker) == "request_human":
        # "je peux avoir un vrai conseiller ?" at a crisis question: the request is noted and comes right after it
        # (the simulator, 2026-12-04: after a clear no the intake resumed and the handoff came three questions later).
        dispatcher.utter_message(text=HUMAN_AFTER_THE_QUESTION)
        return {slot: None, "paused_form": "handoff_form"} if slot == "suicide_thoughts" else {slot: None}
    if answer == QUESTION_BACK:
        _answer_the_question_back(tracker, dispatcher)
        return {slot: None}
    if answer in ASK_AGAIN:
        said = {**ASK_AGAIN_FIRST, **ASK_AGAIN_HERE}[answer]
        if answer == WHY_ASKED and slot == "safe_now" and asks_what_it_changes(text):
            said = WHAT_IT_CHANGES_SAFETY  # "ça change quoi" (round 16, r16a-14): what the answer changes
        dispatcher.utter_message(text=said)
        return {slot: None, **(_place_said_instead(tracker, text) if answer == ANSWERS_INTAKE_QUESTION else {})}
    if answer == DECLINED:
        # Round 9 (r9b-24): the direct question refused. A refusal is no clear no: the crisis path, as for any other
        # answer, but its first words respect the refusal (crisis_reply) and the case says the question was declined.
        reasons = {key: list(value) for key, value in (tracker.get_slot("triage_reasons") or {}).items()}
        reasons.setdefault("overwhelm", []).append(DECLINED_REASON)
        return {slot: NOT_CLEAR_NO, "triage_reasons": reasons}
    return {slot: answer}


_DEPARTEMENT_SAID = re.compile(
    r"\b(?:dans|en) (?:le |l')?(?:\d{2}|2a|2b|97[1-6])\b(?! ?(?:h\b|heures?|jours?|du mois|[/.-]\d))"
)


def _place_said_instead(tracker: Tracker, text: str) -> dict[str, Any]:
    """The département said in answer to a crisis question ("c'est dans le 89", round 23, r23b-09: thanked, lost, and
    asked again later): kept, as the intake keeps an answer given early; the crisis question still comes first. Only a
    place read plainly (one département, no choice to offer), and never over one already known."""
    if tracker.get_slot("departement") not in (None, ""):
        return {}
    from actions.place_validation import place_in_answer, place_update
    from places.resolve import resolve

    # A town the extractor saw, or a département said as one ("dans le 89"); never a day ("la CFE pour le 15").
    if not (_DEPARTEMENT_SAID.search(fold_text(text)) or place_in_answer(tracker)):
        return {}
    resolution = resolve(text, typos=False)
    if not resolution.found or resolution.ambiguous:
        return {}
    update, _ = place_update(text, tracker.slots)
    code = update.get("departement")
    if not isinstance(code, str) or not code[:1].isdigit():
        return {}
    return {name: update[name] for name in ("departement", "commune") if name in update}


def person_at_risk(tracker: Tracker) -> str | None:
    """Someone close writes about another person's signs ("mon mari"): the path's words are about that person.

    The triage decides whose a sign is. Where it read none and the understanding of the words brought the check-in
    ("je suis la femme d'un plombier, il est au plus mal", round 12), the person is the one the writer writes for:
    the wife was asked whether she herself thought of suicide."""
    person = tracker.get_slot("person_at_risk")
    if person == RELATIVE:
        # "c'est pas mon proche c'est mon patron" (round 19, r19b-08): never "votre proche" again.
        from actions.handoff import person_put_right

        person = person_put_right(user_messages(tracker.events)) or person
    # Round 21 (v27-b1-069): the classifier's sign alone ("model:ambiguous") is the understanding of the words too, and
    # says nobody: "J'écris pour mon époux … il ne parle pas beaucoup de ses soucis" asked the wife about herself.
    rule_signs_read = [sign for sign in _signs(tracker) if not sign.startswith("model:")]
    if person or rule_signs_read:
        return person or None
    found = written_for(user_messages(tracker.events))
    relative = (found or {}).get("relative")
    return f"mon {relative}" if relative else None


def _signs(tracker: Tracker) -> list:
    return [str(sign) for sign in (tracker.get_slot("distress_signs") or [])]


def _this_turn(tracker: Tracker) -> list[dict[str, Any]]:
    """The events since the latest user message."""
    events: list[dict[str, Any]] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        events.append(event)
    return events[::-1]


def _welcome_said_this_turn(tracker: Tracker) -> bool:
    """The session started with the latest message: its welcome was said just before it, and is still held by the
    channel (bot/crisis_first.py) until the first reply that does not give the crisis numbers."""
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
            if users > 1:
                return False
        elif event.get("event") == "bot" and users == 1 and (event.get("text") or "").startswith(WELCOME_OPENING):
            return True
    return False


# What the crisis path changes that the stored case shows (its summary, its urgency, its signs).
_CASE_CRISIS_SLOTS = frozenset(
    {
        "distress",
        "urgency",
        "distress_level",
        "distress_signs",
        "triage_reasons",
        "safe_now",
        "suicide_thoughts",
        "person_at_risk",
    }
)


def stored_case_raised(tracker: Tracker, events: list[EventType]) -> list[EventType]:
    """Round 19 (r19a-03): a son's warning sign about his father, told once the case was stored, ran the crisis path,
    yet the case stayed "distress 0, urgency haute", with no line about it: the advisor would have called about a
    bailiff. Whenever the crisis path changes what the case shows (distress, urgency, the signs, the answers to the
    safety and the direct questions) and a case is stored, it is stored again at once with them (urgency never
    lowered by the case store). Nothing without a stored case; a failure is logged, never raised to the person."""
    changed = {
        event["name"]: event.get("value")
        for event in events
        if isinstance(event, dict) and event.get("event") == "slot" and event.get("name") in _CASE_CRISIS_SLOTS
    }
    reference = tracker.get_slot("case_reference")
    if not reference or not tracker.get_slot("consent_at"):
        return []
    slots = {**tracker.slots, **changed}
    if not changed and not slots.get("distress"):
        return []
    from actions.handoff import has_phone

    if save_case is None:
        return []
    if slots.get("phone") is not None and not has_phone(slots) and phone_of_stored_case is not None:
        slots["phone"] = phone_of_stored_case(tracker) or slots["phone"]
    try:
        result = save_case(tracker, slots)
    except Exception:
        logger.exception("stored case not updated after the crisis path")
        return []
    logger.info("stored case updated after the crisis path: distress=%s", bool(slots.get("distress")))
    return [] if result.reference == reference else [SlotSet("case_reference", result.reference)]


# The crisis reply's callback offer (guidance.crisis.crisis_messages), and what is said instead once a call is booked.
_CALLBACK_OFFER_START = "Si vous le souhaitez, un conseiller de notre chambre peut aussi vous rappeler."


def _callback_offer_booked() -> str:
    chamber = services.chamber()
    return (
        "Votre demande de rappel est bien enregistrée : un conseiller de notre chambre vous rappellera en priorité. "
        f"Vous pouvez aussi appeler le {chamber.phone}, {chamber.hours_text}."
    )


def _callback_booked(tracker: Tracker) -> bool:
    """A case is stored with the consent and a number to call: the callback is booked."""
    if not tracker.get_slot("case_reference") or not tracker.get_slot("consent_at"):
        return False
    from actions.handoff import has_phone

    if has_phone(tracker.slots):
        return True
    return phone_of_stored_case is not None and phone_of_stored_case(tracker) is not None


# The crisis reply's opening after an answer to the direct question that is neither a yes nor a sign in words.
NOT_A_YES_OPENING = "Je préfère prendre votre réponse au sérieux."
# Round 28 (r28-b-15): the question asked twice and answered with something else both times is no answer, and no answer
# is no clear no: the crisis path, opened without thanks for an answer never given.
NO_ANSWER_OPENING = "Vous n'avez pas répondu à ma question, et je préfère la prendre au sérieux."


def _confided(text: str) -> bool:
    """A yes to the direct question ("oui", "des fois j'y pense"), or a warning sign in its words."""
    return admits_thoughts(text) or bool(find_signs(text))


def cannot_phone_said(tracker: Tracker) -> bool:
    """The writer said they cannot hear, speak or phone, at any point (round 26, r26a-11): the 114 by SMS first, and
    an advisor who writes, never calls."""
    return written_only(user_messages(tracker.events))


# A message that ends on a goodbye ("non merci. ils seront mieux sans moi. bonsoir"), not only one that is a goodbye.
_GOODBYE_LAST = re.compile(
    r"^(?:(?:bon|bah|allez|voila|merci|et|donc) )*(?:bonne nuit|bonsoir|bonne soiree|adieu|au revoir|salut|ciao|tchao|"
    r"bye|merci pour tout|a dieu|prenez soin de vous|pardon pour tout)(?: (?:a (?:tous|vous|toi)|tout le monde))?$"
)


def _takes_leave(text: str | None) -> bool:
    if is_closing(text):
        return True
    parts = [normalise(part) for part in re.split(r"[.!?\n;]+", text or "") if normalise(part)]
    return bool(parts) and len(parts) > 1 and bool(_GOODBYE_LAST.match(parts[-1]))


def emergency_for_someone_close(person: str, text: str, signs: Collection[str]) -> str | None:
    """The 15 now, without condition, when someone close writes that the person is shut in with a weapon, or that they
    sent a farewell and no longer answer (r29-b-20, r29-b-30); None otherwise."""
    whom = your(person)
    if "explicit_shut_in_with_a_weapon" in signs:
        return (
            f"Appelez le {SAMU} ou le {EUROPEAN_EMERGENCY} maintenant (ou le 17) : dites-leur qu'une personne est "
            "enfermée avec une arme. Mettez-vous en sécurité et ne restez pas devant la porte : les secours savent faire."
        )
    farewell = any("farewell" in sign or "last_message" in sign for sign in signs)
    if farewell and cannot_reach(text):
        return (
            f"Puisque {whom} ne répond plus après ce message, appelez le {SAMU} ou le {EUROPEAN_EMERGENCY} maintenant. "
            "Si quelqu'un peut se rendre sur place, qu'il y aille."
        )
    return None


def crisis_reply(dispatcher: CollectingDispatcher, tracker: Tracker, answered: bool) -> list[EventType]:
    """The crisis reply and its slots; `answered`: the path comes from the answer to the direct question."""
    # The last message, the safety question, is asked by safety_form with its one-tap answers.
    messages = crisis_messages(services.chamber(), person_at_risk(tracker), written=cannot_phone_said(tracker))[:-1]
    if not answered and said_before(tracker.events, messages[1], prefix=True):
        # Round 29 (r29-a-14): a new sign after the crisis reply was given ("c'est mieux comme ça pour tout le monde.
        # bonne nuit") got the same block word for word: the worry in its own words, the numbers once; the safety
        # question follows (in other words: safety_question_again).
        text = _latest_user_text(tracker)
        messages = [crisis_again_text(person_at_risk(tracker), leaving=_takes_leave(text))]
        away = means_away(text)
        if away and not said_before(tracker.events, away):
            messages = [f"{messages[0]} {away}"]
        for message in messages:
            dispatcher.utter_message(text=message)
        logger.info(
            "crisis path again: level=%s rules=%s", tracker.get_slot("distress_level"), ",".join(_signs(tracker))
        )
        return _crisis_path_opened()
    if _callback_booked(tracker):
        # Round 20 (r20b-10, 11, 17, 18): "Rien ne vous oblige à laisser vos coordonnées" to someone whose callback is
        # booked already; the call stands and comes first (the case is raised in the same turn: stored_case_raised).
        messages = [
            _callback_offer_booked() if message.startswith(_CALLBACK_OFFER_START) else message for message in messages
        ]
    if answered and declines_to_talk(_latest_user_text(tracker)):
        # "je préfère pas en parler" to the direct question (round 9, r9b-24): no "merci de me l'avoir confié".
        messages[0] = messages[0].replace(CONFIDED, DECLINED_OPENING, 1)
    elif answered and _no_answer_this_turn(tracker):
        messages[0] = messages[0].replace(CONFIDED, NO_ANSWER_OPENING, 1)
    elif answered and not has_words(_latest_user_text(tracker)):
        # "...", "😶" to the direct question (round 18, r18b-12): nothing confided in words, no thanks for it.
        messages[0] = messages[0].replace(CONFIDED, WORDLESS_OPENING, 1)
    elif answered and not _confided(_latest_user_text(tracker)):
        # Round 20 (development v26): "je tiens encore un peu", "mais ça va aller", "je sais pas" are no yes: the crisis
        # path all the same, without thanks for confiding what was not said.
        messages[0] = messages[0].replace(CONFIDED, NOT_A_YES_OPENING, 1)
    person = person_at_risk(tracker)
    if person is not None and not answered:
        emergency = emergency_for_someone_close(person, _latest_user_text(tracker), _signs(tracker))
        if emergency is not None:
            # Round 29 (r29-b-20, r29-b-30): a farewell text from a father who no longer answers, a husband shut in with
            # his hunting gun: "Si votre père est en danger immédiat, appelez le 15" is no condition here. The 15 now,
            # and for a gun, safety first for the writer (never "éloignez cette arme", never "restez près de lui").
            messages[1] = emergency
            if _welcome_said_this_turn(tracker):
                messages = [messages[0], " ".join(messages[1:])]
            for message in messages:
                dispatcher.utter_message(text=message)
            logger.info("crisis path, someone close: the 15 now (%s)", ",".join(_signs(tracker)) or "none")
            return _crisis_path_opened()
    away = means_away(_latest_user_text(tracker))
    if away and not said_before(tracker.events, away):
        # Round 25 (s25a-06): "j'ai encore tous ses médicaments dans la salle de bain": after the numbers, one sentence
        # to put the means out of reach, once.
        messages[1] = f"{messages[1]} {away}"
    if _welcome_said_this_turn(tracker):
        # The held welcome goes out before the first reply without the numbers (bot/crisis_first.py): it came between
        # the 15/112 line and the callback offer (round 7, r7a-06 and r7a-12). Said in one message after the 3114,
        # the crisis lines stay together and the welcome follows them, before the safety question.
        messages = [messages[0], " ".join(messages[1:])]
    for message in messages:
        dispatcher.utter_message(text=message)
    events: list[EventType] = []
    if answered and not tracker.get_slot("distress"):
        # The case shows why: the answer to the direct question was not a clear no.
        reasons = {key: list(value) for key, value in (tracker.get_slot("triage_reasons") or {}).items()}
        quote = f"« {_latest_user_text(tracker)[:200]} »"
        if _no_answer_this_turn(tracker):
            # Round 28 (r28-b-15): words of something else are never quoted as the answer.
            quote = "posée deux fois, restée sans réponse"
            reasons.setdefault("distress", []).append(f"question « pensez-vous au suicide ? » {quote}")
        else:
            reasons.setdefault("distress", []).append(f"réponse à « pensez-vous au suicide ? » : {quote}")
        reasons.setdefault("distress_signs", []).append(
            f"niveau 3 puis réponse qui n'est pas un non clair ({DIRECT_QUESTION_RULE})"
        )
        if admits_thoughts(_latest_user_text(tracker)) and not yes_for_the_call(_latest_user_text(tracker)):
            # Round 28 (r28-a-01): "oui je veux un conseiller" says yes to the call, not to the thoughts; the case says
            # only what was read (the answer quoted, not a clear no), never « a dit avoir des pensées suicidaires ».
            # Round 18 (r18b-10, r18b-17): "des fois j'y pense" is a yes, said so in the case (actions/handoff.py).
            reasons.setdefault("distress_signs", []).append(THOUGHTS_ADMITTED_REASON)
        reasons["urgency"] = [
            "risque pour la vie : question directe posée deux fois, restée sans réponse"
            if _no_answer_this_turn(tracker)
            else f"risque pour la vie : réponse à la question directe {quote}"
        ]
        events += [
            SlotSet("triage_reasons", reasons),
            SlotSet("distress_signs", [*_signs(tracker), DIRECT_QUESTION_RULE]),
        ]
        logger.info("crisis path: level=3 answer=not_clear_no rule=%s", DIRECT_QUESTION_RULE)
    else:
        logger.info(
            "crisis path: level=%s rules=%s",
            tracker.get_slot("distress_level"),
            ",".join(_signs(tracker)) or "none",
        )
    if not tracker.get_slot("distress") and (
        tracker.get_slot("wants_advisor") is False or tracker.get_slot("consent_given") is False
    ):
        # Round 18 (r18b-15): a callback refused for the business, then a warning sign after the goodbye: the old no was
        # applied again ("personne ne vous appellera") and no human offered. Said before any sign, it is asked afresh.
        events += [SlotSet("wants_advisor", None), SlotSet("consent_given", None)]
    return [*events, *_crisis_path_opened()]


def _crisis_path_opened() -> list[EventType]:
    """Whatever form was running is closed: the crisis comes before any question, the safety question asked afresh."""
    return [
        SlotSet("distress", True),
        SlotSet("urgency", "critique"),
        SlotSet("safe_now", None),
        ActiveLoop(None),
        SlotSet("requested_slot", None),
    ]


def _first_message_since(tracker: Tracker, action_name: str) -> bool:
    """Whether the latest message is the first one since the bot ran ``action_name`` (its reply to a clear no to the
    direct question, or to the answer to the safety question)."""
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
            if users > 1:
                return False
        elif event.get("event") == "action" and event.get("name") == action_name:
            return users == 1
    return False


def clear_no_taken_back(tracker: Tracker, *, distress_words: bool = False) -> bool:
    """After a clear no to the direct question, the latest message takes it back ("en fait si" right
    after it, "des fois j'y pense" or "je vous ai menti" at any time). `distress_words`: the message
    carries distress words, so it is about the question whenever it comes ("en fait si, je suis à bout")."""
    if tracker.get_slot("suicide_thoughts") != CLEAR_NO or tracker.get_slot("distress"):
        return False
    about_the_question = distress_words or _first_message_since(tracker, "action_after_clear_no")
    return takes_back_a_clear_no(_latest_user_text(tracker), about_the_question=about_the_question)


def take_back_reply(
    dispatcher: CollectingDispatcher, tracker: Tracker, *, distress_words: bool = False
) -> list[EventType] | None:
    """The crisis path when the latest message takes back a clear no, wherever the conversation was (an
    intake or handoff question, no question at all); else None. The safety question follows. A "non" to the consent
    taken back the same way ("enfin si, si, d'accord", round 23, r23a-10) is the consent given (the handoff's reading)."""
    if not clear_no_taken_back(tracker, distress_words=distress_words):
        return consent_taken_back(dispatcher, tracker) if consent_taken_back else None
    logger.info("clear no taken back")
    events = crisis_reply(dispatcher, tracker, answered=True)
    return [*events, SlotSet("suicide_thoughts", NOT_CLEAR_NO), FollowupAction("safety_form")]


def _safety_answered_this_turn(tracker: Tracker) -> bool:
    """The latest message was the answer to the safety question, and its reply gave the emergency numbers (not safe,
    unsure, a relative's answer) or it carries no warning sign of the writer's own: nothing to say again."""
    answered = any(
        event.get("event") == "action" and event.get("name") == "action_after_safety_answer"
        for event in _this_turn(tracker)
    )
    if not answered:
        return False
    return tracker.get_slot("safe_now") != SAFE or not _own_warning_sign(_latest_user_text(tracker), model=True)


def _people_at_risk_said(tracker: Tracker) -> list[str]:
    """Every person at risk the triage named in this conversation, oldest first: a relative's later words may make the
    triage forget them (round 7, r7a-06: "je peux appeler le 3114 à sa place ?" read as the writer's own sign)."""
    return [
        str(event["value"])
        for event in tracker.events
        if event.get("event") == "slot" and event.get("name") == "person_at_risk" and event.get("value")
    ]


def _user_texts(tracker: Tracker) -> list[str]:
    return [str(event.get("text") or "") for event in tracker.events if event.get("event") == "user"]


def relative_writing(tracker: Tracker) -> tuple[bool, str | None]:
    """Whether someone close writes about another person at risk, and that person in the writer's words (None when
    not named): the triage's person, one it named earlier, or an answer that said "c'est lui le problème"."""
    person = person_at_risk(tracker)
    if person:
        return True, person
    earlier = _people_at_risk_said(tracker)
    if earlier:
        return True, earlier[-1]
    for text in reversed(_user_texts(tracker)):
        if speaks_for_someone_else(text):
            named = close_people_named(text)
            return True, named[-1] if named else None
    return False, None


def _own_warning_sign(text: str, *, model: bool = False) -> bool:
    """A warning sign in the writer's own words, but the 3114 named in a relative's question about calling it.
    `model`: the classifier's signs count too, not only the rule table's.

    A sign found only in a reassurance ("c'est pas ce que je voulais dire, je vais rien faire", read by the classifier
    as a plan: round 15, a.md M7, the crisis block and the safety question again after a clear yes) is none."""

    def signed(words: str) -> bool:
        return any(
            sign.level <= INDIRECT
            and not (sign.rule == "crisis_line_named" and asks_to_call_for_someone(words))
            and not speaks_of_someone_else(sign, words)
            for sign in (find_signs(words) if model else rule_signs(words))
        )

    if not signed(text):
        return False
    rest = without_safety_reassurance(text)
    return rest is None or (bool(rest) and signed(rest))


def _misread_request_undone(tracker: Tracker) -> list[EventType]:
    """A callback the NLU read in words that do not ask for it ("je veux pas en parler", "je fais quoi moi ?", read as
    request_human, round 7): the offer is made again rather than the data-consent text."""
    text = _latest_user_text(tracker)
    set_now = any(
        event.get("event") == "slot" and event.get("name") == "wants_advisor" and event.get("value") is True
        for event in _this_turn(tracker)
    )
    if not set_now or asks_for_a_call(text) or tracker.get_slot("consent_given") is True:
        return []
    return [SlotSet("wants_advisor", None)]


_OFFER_QUESTIONS = ("wants_advisor", "consent_given")


# Round 14 (r14a-04, r14a-27): "oui ca va je vais rien faire. mais jveux bien qlq1 qui me rappelle". Its "mais" is a
# reservation for the safety reading (triage/answers.py), so the answer was "not safe" ("Appelez tout de suite le 15")
# and the wish to be called, in words intake.answers.asks_for_callback does not know, was dropped and asked again. A
# call asked for after "mais" is no reservation about safety: the words before it are read alone, the wish is a yes.
_SOMEONE = (
    r"(?:quelqu un|qlq1|qlq un|qq1|qqun|quelquun|un conseiller|une conseillere|le conseiller|la conseillere|"
    r"un de vos conseillers|une personne|un humain|vous|on)"
)
_CALL_VERB = r"(?:rappel\w*|rapel\w*|appel\w*|telephon\w*|contact\w*|recontact\w*)"
_WANT = r"(?:je |j )?(?:veux|voudrais|voudrai|aimerais|aimerai|souhaite|souhaiterais|prefere|prefererais)"
_KINDLY = r"(?: bien| quand meme| juste| vraiment| bien quand meme)*"
_CALL_WISH = re.compile(
    r"\b(?:"
    # "jveux bien qlq1 qui me rappelle", "j'aimerais que quelqu'un m'appelle", "je voudrais qu'on me rappelle"
    rf"{_WANT}{_KINDLY} (?:que |qu )?{_SOMEONE} (?:qui )?(?:me |m )?(?:puisse |pourrait |peut )?(?:me |m )?{_CALL_VERB}"
    # "je veux bien être rappelé", "j'aimerais un rappel", "je veux bien parler à quelqu'un"
    rf"|{_WANT}{_KINDLY} (?:etre (?:rappele\w*|appele\w*|recontacte\w*)|un (?:rappel|appel|coup de fil)|"
    rf"parler (?:a|avec) {_SOMEONE})"
    # "est-ce que quelqu'un peut m'appeler", "vous pouvez me rappeler", "qlq1 pourrait me rappeler ?"
    rf"|{_SOMEONE} (?:peut|pourrait|pouvez|pourriez|peuvent|pourraient|va|vont|allez) (?:me |m )(?:rapidement )?{_CALL_VERB}"
    r"|(?:rappelez|appelez|contactez|rappele|appele) moi|me faire (?:rappeler|appeler)|un rappel"
    # "je peux avoir quelqu'un au téléphone tout de suite ?", "je peux parler a quelqu'un maintenant ?" (round 17,
    # r17b-09, r17b-03: "Je n'ai pas bien compris", or no word that nobody calls before the reopening).
    rf"|(?:je peux|je pourrais|puis-je|pourrais-je|est-ce que je peux|on peut) (?:avoir|parler (?:a|avec)|joindre) "
    r"(?:quelqu un|qlq1|qlq un|qq1|qqun|quelquun|un conseiller|une conseillere|le conseiller|la conseillere|une personne|"
    r"un humain|une vraie personne|un vrai humain)"
    r")\b"
)
# What may be said around the wish without saying anything of safety ("svp", "aujourd'hui si possible").
_WORDS_AROUND_A_CALL_WISH = (
    "svp stp plait s il vous plait merci quand meme si possible possible juste bien aussi alors du coup par contre "
    "aujourd hui maintenant tout de suite vite rapidement ce soir ce matin cet apres midi demain bientot des que "
    "est ce que ce serait ca serait ca me ferait du bien serait bien peut etre oui ok et"
)
_AROUND_A_CALL_WISH = frozenset(_WORDS_AROUND_A_CALL_WISH.split())
# The call refused, not wished ("appelez moi pas", "qu'on me rappelle pas").
_CALL_REFUSED_AFTER = re.compile(r"^\s*(?:pas|jamais|plus)\b")
_CALL_REFUSED = re.compile(
    r"\b(?:rappelez|appelez|contactez) (?:moi|me) (?:pas|jamais|plus)\b|\bm (?:appelez|rappelez) (?:pas|jamais|plus)\b"
)


def asks_for_a_call(text: str | None) -> bool:
    """Words that ask for a call: intake.answers' reading, and the SMS ways it misses ("jveux bien qlq1 qui me
    rappelle", "est-ce que quelqu'un peut m'appeler aujourd'hui ?"), never a refusal."""
    if not text or text.startswith("/"):
        return False
    folded = normalise(text)
    if _CALL_REFUSED.search(folded):
        return False
    if asks_for_callback(text):
        return True
    return any(not _CALL_REFUSED_AFTER.match(folded[wish.end() :]) for wish in _CALL_WISH.finditer(folded))


def _only_a_call_wish(words: str) -> bool:
    """The words after "mais" are a call wished for, and nothing else that could be a reservation."""
    wishes = list(_CALL_WISH.finditer(words))
    if not wishes or any(_CALL_REFUSED_AFTER.match(words[wish.end() :]) for wish in wishes):
        return False
    rest = _CALL_WISH.sub(" ", words)
    return all(word in _AROUND_A_CALL_WISH for word in rest.split())


def safe_then_call_wished(text: str | None, *, about_someone_else: bool = False) -> bool:
    """ "oui ca va je vais rien faire. mais jveux bien qlq1 qui me rappelle": a plain "safe" before "mais", and after it
    only a wish to be called, without a warning sign. A reservation of any other kind ("mais pour ce soir je sais pas",
    "mais je tiens plus") keeps the triage's reading."""
    if not text or text.startswith("/"):
        return False
    folded = normalise(text)
    cut = re.search(r"\bmais\b", folded)
    if cut is None:
        return False
    before, after = folded[: cut.start()].strip(), folded[cut.end() :].strip()
    if not before or not _only_a_call_wish(after) or find_signs(text):
        return False
    return answer_to_safety_question(before, about_someone_else=about_someone_else) == SAFE


# Round 14 (r14a-10): on a Saturday, "Oui, je veux bien. Mais est-ce que quelqu'un peut m'appeler aujourd'hui ?" at the
# callback offer of the crisis path went straight to the consent text; only the last message said "lundi à 8 h". Asked
# for a call soon while the chamber is closed, the writer is told plainly when it reopens and that the 3114 answers now.
_SOON = re.compile(
    r"\b(?:aujourd hui|maintenant|tout de suite|ce soir|ce matin|cet apres midi|cette nuit|ce week end|"
    r"vite|rapidement|au plus vite|des que possible|asap|quand|bientot|tot)\b"
)


# A call asked for now, off the crisis path ("maintenant", "tout de suite", "aujourd'hui"): narrower than _SOON, where
# "quand" or "bientôt" are worries to hear on the crisis path, not a time asked for.
_NOW_ASKED = re.compile(
    r"\b(?:aujourd hui|maintenant|tout de suite|tt de suite|de suite|immediatement|ce soir|cet apres midi|asap|"
    r"au plus vite|en urgence)\b"
)


def closed_now_notice(at: Any, departement: str | None = None) -> str | None:
    """While the chamber is closed: when its advisors are back, and the 3114 now; None while it is open."""
    chamber = services.chamber()
    closed = chamber.closed_now_text(at, departement)
    if closed is None:
        return None
    prefix = "Les conseillers ne sont pas disponibles en ce moment : ils reprennent "
    if closed.startswith(prefix):
        moment = closed[len(prefix) :].rstrip(". ")
        closed = (
            f"La chambre est fermée en ce moment : ses conseillers reprennent {moment}, et personne ne pourra vous "
            "appeler avant."
        )
    return (
        f"{closed} Si vous avez besoin de parler à quelqu'un maintenant, le {SUICIDE_PREVENTION_LINE} répond tout de "
        "suite, jour et nuit, gratuitement."
    )


def call_soon_while_closed(dispatcher: CollectingDispatcher, tracker: Tracker, text: str | None = None) -> bool:
    """On the crisis path, a call asked for today or now while the chamber is closed: the reopening and the 3114 said,
    once (the conversation then goes on where it was). True when said."""
    from intake.anyone_there import asks_for_a_person
    from ops import clock

    text = _latest_user_text(tracker) if text is None else text
    distress = bool(tracker.get_slot("distress"))
    # "jveux parler a quelqun", "pas à un robot" (round 29, r29-b-08, r29-b-23): a person asked for is asked for now.
    now_asked = asks_for_a_call(text) and bool((_SOON if distress else _NOW_ASKED).search(normalise(text)))
    if not now_asked and not asks_for_a_person(text):
        return False
    # Off the crisis path too (round 17, r17b-15, r17b-03: "je veux parler à un conseiller maintenant" on a Saturday
    # went straight to the consent): when the advisors are back, without the 3114 nobody asked about.
    departement = tracker.get_slot("departement")
    notice = (
        closed_now_notice(clock.now(), departement)
        if distress
        else services.chamber().closed_now_text(clock.now(), departement)
    )
    if notice is None or said_before(tracker.events, notice):
        return False
    if any(message.get("text") == notice for message in dispatcher.messages):
        return False
    dispatcher.utter_message(text=notice)
    logger.info("call asked for soon while the chamber is closed: reopening and 3114 said")
    return True


def relative_question_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """A relative's direct question at a form's question ("mais je fais quoi moi ? je l'appelle ?", "je peux appeler
    le 3114 à sa place ?"): answered, and the form's question asked again (round 7, r7b-05: read as request_human,
    it got the data-consent text; r7a-06: the 3114 named, the whole crisis block again). Else None."""
    text = _latest_user_text(tracker)
    requested = tracker.get_slot("requested_slot")
    if not requested or not tracker.get_slot("distress") or not asks_what_to_do_for_someone(text):
        return None
    if calls_now(text) and not asks_for_a_call(text):
        # "ok je les appelle tout de suite" (round 15, r15b-17: the whole relative paragraph again): no question, a call
        # made now, welcomed short by line_taken_up.
        return None
    if requested in _OFFER_QUESTIONS and "?" not in text and asks_for_a_call(text):
        # "je lui téléphone là. et oui rappelez-moi" at the offer (round 19, r19b-13: the relatives' paragraph and the
        # offer again): no question asked, a yes to the call; the handoff reads it.
        return None
    relative, person = relative_writing(tracker)
    if not (relative or asks_to_call_for_someone(text)) or _own_warning_sign(text):
        return None
    asked_to_call = asks_to_call_for_someone(text)
    first = relative_reply(person, asked_to_call=asked_to_call)
    said = {event.get("text") for event in tracker.events if event.get("event") == "bot"}
    if asks_whom_to_tell(text) and not asked_to_call:
        # Round 21 (r21x-19): "je dois en parler à quelqu'un ? mes parents ?" got the relatives' paragraph, unanswered.
        first = tell_someone_reply(person)
    dispatcher.utter_message(
        # "je saurais pas quoi leur dire" with a call feared is about the line (round 15), not the person.
        text=relative_advice(person, asked_to_call=asked_to_call)
        if first in said or (asks_what_to_say(text) and not afraid_to_call(text))
        else first
    )
    logger.info("relative's question answered at %s", requested)
    events: list[EventType] = [SlotSet(requested, None)]
    if requested in _OFFER_QUESTIONS:
        events = [SlotSet("wants_advisor", None), SlotSet("consent_given", None)]
    return events


def _safety_question_answered(tracker: Tracker) -> bool:
    """The crisis reply was given and its safety question answered, at some point of the conversation."""
    return any(
        event.get("event") == "action" and event.get("name") == "action_after_safety_answer" for event in tracker.events
    )


def _offer_closed_listening() -> list[EventType]:
    """The callback offer closed while the artisan calls the line: the form stops and the bot listens ("conseiller"
    or a yes later opens it again)."""
    return [
        SlotSet("wants_advisor", None),
        SlotSet("consent_given", None),
        ActiveLoop(None),
        SlotSet("requested_slot", None),
        FollowupAction("action_listen"),
    ]


# The callback put off for the line ("non pas de rappel pour l'instant", "pas tout de suite", "plus tard peut-être").
_CALL_PUT_OFF = re.compile(
    r"^(?:(?:non|nan|merci|ok|bon|euh) )*(?:non|nan)\b|\bpas (?:de |d )?(?:rappel|appel|conseiller)\b|"
    r"\bpas (?:maintenant|pour l instant|pour le moment|tout de suite|encore)\b|\bplus tard\b"
)


def line_taken_up(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """At a form's question after the crisis reply, "ok je vais appeler le 3114. et pour le chantier impayé il peut faire
    quoi ?" (round 11, r11a-21: the line named is a level-1 rule, and the whole crisis block came again): the decision
    welcomed, a business question answered with one sourced step, the form's question asked again. None when the
    message carries a warning sign of its own besides the line, or the crisis reply was not given yet."""
    from actions.business_questions import answer_to_business_question
    from actions.intake import is_question

    text = _latest_user_text(tracker)
    requested = tracker.get_slot("requested_slot")
    if not requested or not tracker.get_slot("distress") or not promises_to_call_the_line(text):
        return None
    if not _safety_question_answered(tracker):
        return None
    if any(
        sign.level <= INDIRECT and sign.rule != "crisis_line_named" and not speaks_of_someone_else(sign, text)
        for sign in rule_signs(text)
    ):
        return None
    if calls_now(text) and not asks_for_a_call(text):
        # "ok j'appelle" at the callback offer (round 15, r15b-03: the data-consent text followed): the emergency line
        # called now. Two short sentences; the offer is not pushed while the call is made (the form closes, the bot
        # listens; "conseiller" or a yes later opens it again).
        dispatcher.utter_message(text=calling_now_reply(text))
        logger.info("emergency line called now, at %s", requested)
        return _offer_closed_listening()
    dispatcher.utter_message(text=line_taken_up_reply(person_at_risk(tracker)))
    if requested in _OFFER_QUESTIONS and _CALL_PUT_OFF.search(normalise(text)) and not asks_for_a_call(text):
        # Round 21 (r21x-17): "non pas de rappel pour l'instant, je vais d'abord appeler le 3114": the call put off, the
        # line first. Welcomed; the offer is not pushed (the form closes, "conseiller" or a yes later opens it again).
        logger.info("crisis line first, the callback put off, at %s", requested)
        return _offer_closed_listening()
    # The question read without the line's name, which alone is a level-1 sign for the triage.
    rest = re.sub(r"\b(?:le |au )?3114\b", " ", text)
    step = answer_to_business_question(tracker, rest) if is_question(text) else None
    if step:
        dispatcher.utter_message(text=step)
    logger.info("crisis line taken up at %s", requested)
    if requested in _OFFER_QUESTIONS:
        return [SlotSet("wants_advisor", None), SlotSet("consent_given", None)]
    return [SlotSet(requested, None)]


def _form_question_again(requested: str | None) -> list[EventType]:
    """A form's question left unanswered by a crisis word, asked again by the form (the offer's pair both emptied)."""
    if requested in _OFFER_QUESTIONS:
        return [SlotSet("wants_advisor", None), SlotSet("consent_given", None)]
    return [SlotSet(requested, None)] if requested else []


# How worrying a reading of the safety question is: a later word never makes the case read safer than it was.
_WORRY_RANK = {None: 0, SAFE: 0, UNSURE: 1, NOT_SAFE: 2}


# Round 24 (talker C, r24c-03, -05, -14): "mais oui ça va, je suis chez moi, tranquille", "ouais ouais ça va,
# t'inquiète" at the safety question were read as not safe ("mais" a reservation, "inquiète" a worry): the 15 at once to
# a calm person, and the case "pas en sécurité". A yes said with more words is a yes: the emphasis taken off ("mais" or
# "ben" before the yes, the yes said twice, "t'inquiète", "tranquille", "hein") and the rest read as before. Only ever
# towards a plain yes: words of doubt, a no, fear or being alone left in it, or a warning sign anywhere, keep the
# first reading. (Talker B, r24b-13: "c'est elle qui m'a dit de vous écrire" after "je suis chez ma soeur ce soir",
# from the person at risk, tells who sent them, not that a relative writes.)
_YES_WORD = r"(?:oui|ouais|ouai|ouaip|ouep|si|bien sur|evidemment|carrement|ca va)"
_EMPHASIS_BEFORE_YES = re.compile(rf"^(?:(?:mais|ben|bah|beh|bon|eh|ah|oh) )+(?={_YES_WORD}\b)")
_YES_SAID_TWICE = re.compile(r"\b(oui|ouais|ouai|si)(?: \1\b)+")
_NO_WORRY_SAID = re.compile(
    r"\b(?:t inquiete(?: pas)?|t en fais pas|(?:ne )?vous inquietez pas|(?:ne )?vous en faites pas|pas d inquietude|"
    r"(?<!pas )(?<!plus )(?<!trop )tranquilles?|tranquillou|hein)\b"
)
_WHO_SENT_ME = re.compile(
    r"\bc est (?:elle|lui|(?:ma|mon) [a-z]+) qui m a (?:dit|conseille|pousse|propose|demande) de vous "
    r"(?:ecrire|contacter|parler)\b"
)
# Words that keep the first reading, whatever was taken off.
_NOT_A_PLAIN_YES = re.compile(
    r"\b(?:non|nan|pas|plus|jamais|sais|jsp|sai|peut etre|crois|pense|espere|sur|seule?s?|peur|mal|inquiete?s?|"
    r"danger|bientot|mais|sauf|enfin|nuit|craque|tiens|tenir)\b"
)


def _plain_yes_underneath(text: str | None, *, own: bool) -> str | None:
    """The answer with its emphasis taken off ("mais oui ça va, tranquille" -> "oui ça va"), when what is left is a yes
    and nothing else could be doubt; else None. `own`: the writer is the one at risk (who sent them may be said)."""
    if not text or text.startswith("/"):
        return None
    words = normalise(text)
    cleaned = _EMPHASIS_BEFORE_YES.sub("", words)
    cleaned = _YES_SAID_TWICE.sub(r"\1", cleaned)
    cleaned = _NO_WORRY_SAID.sub(" ", cleaned)
    if own:
        cleaned = _WHO_SENT_ME.sub(" ", cleaned)
    cleaned = " ".join(cleaned.split())
    if cleaned == words or not cleaned or not re.match(rf"{_YES_WORD}\b", cleaned):
        return None
    if _NOT_A_PLAIN_YES.search(cleaned) or _own_warning_sign(text, model=True):
        return None
    return cleaned


def read_safety_answer(
    text: str | None, intent: str | None = None, *, about_someone_else: bool = False, **kw: Any
) -> str:
    """`answer_to_safety_question`, but a yes said with more words (`_plain_yes_underneath`) is a yes (round 24)."""
    reading = answer_to_safety_question(text, intent, about_someone_else=about_someone_else, **kw)
    if reading == SAFE:
        return reading
    plain = _plain_yes_underneath(text, own=not about_someone_else)
    if plain is None or answer_to_safety_question(plain, about_someone_else=about_someone_else) != SAFE:
        return reading
    logger.info("safety answered: a yes said with more words (read %s at first)", reading)
    return SAFE


# Round 24 (talker C, r24c-03, -05, -14): after a yes misread as not safe, "non mais je suis en sécurité hein", "quoi ??
# j'ai dit que ça allait, je suis en sécurité !", even the button's own words typed, got "votre inquiétude est
# légitime. N'attendez pas : appelez maintenant le 15" and the case kept "pas en sécurité". Safety said plainly puts it
# right (the slot, so the case), with an apology, when the first answer was itself a yes; a real no, a "je sais pas"
# or no answer at all is never made safer by it.
_SAFE_SAID_PLAINLY = re.compile(
    r"(?<!pas )(?<!plus )(?<!si )(?<!suis je )\b(?:je suis|j suis|jsuis|suis) (?:bien |tout a fait |totalement )?"
    r"en securite\b|\b(?:je ne suis|je suis|jsuis) pas en danger\b|\b(?:j ai|je vous ai|je t ai) (?:dit|repondu|ecrit) que "
    r"(?:ca allait|ca va|j etais en securite|je suis en securite|tout allait bien)\b"
)
_SAFETY_DOUBTED = re.compile(
    r"\b(?:pas|plus|jamais) (?:vraiment |trop |tout a fait )?(?:en securite|bien)\b|\bsi je suis en securite\b|"
    r"\bsais pas\b|\bjsp\b|\bpeut etre\b|\bplus tard\b|\bpour l instant\b|\bpour le moment\b|\bpeur\b"
)
SAFETY_PUT_RIGHT = f"Pardon, j'ai mal compris, et merci de me rassurer. Le {SUICIDE_PREVENTION_LINE} reste là, jour et nuit, si besoin."


def _first_safety_answer(tracker: Tracker) -> str | None:
    """The words that answered the safety question last (the message before its reading was stored), or None."""
    said: str | None = None
    answer: str | None = None
    for event in tracker.events:
        if event.get("event") == "user":
            said = event.get("text")
        elif event.get("event") == "slot" and event.get("name") == "safe_now" and event.get("value") is not None:
            answer = said
    return answer


def safety_put_right(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The writer's own "je suis en sécurité" after their yes was read as not safe (or unsure): the apology, the slot
    made safe (the case follows), the form's question asked again. Else None."""
    if not tracker.get_slot("distress") or tracker.get_slot("safe_now") not in (NOT_SAFE, UNSURE):
        return None
    if person_at_risk(tracker) is not None:
        return None
    text = _latest_user_text(tracker)
    if not text or text.startswith("/"):
        return None
    words = normalise(text)
    if not _SAFE_SAID_PLAINLY.search(words) or _SAFETY_DOUBTED.search(words) or _own_warning_sign(text, model=True):
        return None
    first = _first_safety_answer(tracker)
    if first is None or first == text or read_safety_answer(first, about_someone_else=False) != SAFE:
        return None
    dispatcher.utter_message(text=SAFETY_PUT_RIGHT)
    logger.info("safety put right by the writer after a yes misread: safe")
    events: list[EventType] = [SlotSet("safe_now", SAFE)]
    requested = tracker.get_slot("requested_slot")
    if requested and tracker.active_loop.get("name"):
        events.extend(_form_question_again(requested))
    return events


# Round 28 (r28-b-05): "..." at "Êtes-vous en sécurité ?" (stored not safe, as silence must be), then at the callback
# offer "non non je suis chez moi ça va, c'est juste la fatigue": read as "no call", safe_now left not safe, and the case
# said "pas en sécurité : rappeler immédiatement". The leading no answers the worry, not the offer.
_LEADING_NO = re.compile(r"^(?:(?:non|nan|mais|ah|oh|bah|ben|euh|bon) )+")
SAFETY_SAID_LATE = (
    "Merci de me le dire, je suis soulagé de le lire. Le "
    f"{SUICIDE_PREVENTION_LINE} reste là, jour et nuit, gratuitement, si besoin."
)


def safety_said_late(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """At the callback offer, after the safety question got no answer in words ("...", stored not safe or unsure), the
    writer's own safety said plainly ("non non je suis chez moi ça va"): the safety answer it is, the slot made safe
    (the case follows), the offer asked again, its leading "non" no refusal of the call. Never after a no said in words,
    nor with a doubt or a warning sign. Else None."""
    if tracker.get_slot("requested_slot") not in _OFFER_QUESTIONS or not tracker.get_slot("distress"):
        return None
    if tracker.get_slot("safe_now") not in (NOT_SAFE, UNSURE) or person_at_risk(tracker) is not None:
        return None
    text = _latest_user_text(tracker)
    if not text or text.startswith("/") or asks_for_a_call(text):
        return None
    first = _first_safety_answer(tracker)
    if first is None or first == text or has_words(first):
        return None
    words = normalise(text)
    rest = _LEADING_NO.sub("", words)
    if rest == words and not _SAFE_SAID_PLAINLY.search(words):
        return None  # no leading no: a plain "ça va" is the handoff's (SAFETY_HEARD)
    if not rest or _SAFETY_DOUBTED.search(words) or _own_warning_sign(text, model=True):
        return None
    if answer_to_safety_question(rest, about_someone_else=False) != SAFE:
        return None
    dispatcher.utter_message(text=SAFETY_SAID_LATE)
    logger.info("safety said one turn late after a wordless answer: safe, the offer asked again")
    return [SlotSet("safe_now", SAFE), *_form_question_again(tracker.get_slot("requested_slot"))]


def safe_taken_back_reply() -> str:
    """The short crisis answer to a yes to the safety question taken back: the numbers, said once, not the crisis block."""
    from chamber.emergency import EMERGENCY_SMS

    return (
        f"Merci de me le dire. Appelez maintenant le {SAMU} ou le {EUROPEAN_EMERGENCY}, ou le {SUICIDE_PREVENTION_LINE} "
        f"jour et nuit (le {EMERGENCY_SMS} par SMS si vous ne pouvez pas parler)."
    )


SAFE_TAKEN_BACK_HUMAN = "Un conseiller de la chambre peut aussi vous rappeler, si vous le souhaitez."


def safe_taken_back(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Round 26 (issue 13): "oui" to "Êtes-vous en sécurité en ce moment ?", then "en fait non", "enfin non pas vraiment"
    as the very next message, at the callback offer that followed the yes (read as the offer refused, the person left
    "en sécurité"): not safe. The short crisis answer (the numbers, never the whole crisis reply again), the slot made
    not safe (the stored case follows), then a human: the question pending asked again, or said to be there. Else None."""
    if not tracker.get_slot("distress") or tracker.get_slot("safe_now") != SAFE:
        return None
    if not _first_message_since(tracker, "action_after_safety_answer") or not takes_back_safe(
        _latest_user_text(tracker)
    ):
        return None
    person = person_at_risk(tracker)
    logger.info("safety: the yes taken back in the next message, not safe")
    requested = tracker.get_slot("requested_slot")
    pending = bool(requested and tracker.active_loop.get("name"))
    reply = not_safe_reply(person) if person is not None else safe_taken_back_reply()
    dispatcher.utter_message(text=reply if pending else f"{reply} {SAFE_TAKEN_BACK_HUMAN}")
    events: list[EventType] = [SlotSet("safe_now", NOT_SAFE)]
    if pending:
        events.extend(_form_question_again(requested))
    return events


# Round 24 (talker C, r24c-02): a man in crisis asked for a call "ce soir vers 21h" on a Sunday evening and was told
# only that the advisors do not call then: the 3114 answers tonight, said beside the moment refused.
LINE_TONIGHT = f"Ce soir, le {SUICIDE_PREVENTION_LINE} vous répond, lui, jour et nuit, gratuitement."
LINE_ANY_HOUR = f"Le {SUICIDE_PREVENTION_LINE}, lui, vous répond à toute heure, gratuitement."
_EVENING_OR_NIGHT = re.compile(r"\b(?:soir|soiree|nuit|minuit|tard)\b|\b(?:1[89]|2[0-3]) ?h")
_EVENING_FROM_HOUR = 17


def line_beside_a_refused_moment(refusal: str, tracker: Tracker, moment: str | None = None) -> str:
    """The hours' refusal of a callback moment, with the 3114 said before its question when the conversation took the
    crisis path (tonight's words when the moment or the hour now is the evening); the refusal as it was otherwise."""
    if not tracker.get_slot("distress") or SUICIDE_PREVENTION_LINE in refusal:
        return refusal
    from chamber.hours import OTHER_MOMENT_ASKED
    from ops import clock

    evening = bool(_EVENING_OR_NIGHT.search(normalise(moment or _latest_user_text(tracker) or "")))
    from zoneinfo import ZoneInfo

    hour_here = clock.now().astimezone(ZoneInfo(services.chamber().opening_hours.timezone)).hour
    line = LINE_TONIGHT if evening or hour_here >= _EVENING_FROM_HOUR else LINE_ANY_HOUR
    if refusal.endswith(OTHER_MOMENT_ASKED):
        return f"{refusal[: -len(OTHER_MOMENT_ASKED)].rstrip()} {line} {OTHER_MOMENT_ASKED}"
    return f"{refusal} {line}"


def late_safety_news(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """At the callback offer (or its consent) after the crisis path, news about safety said one turn late (round 16,
    r16b-08 "jsais pas il est au magasin": "C'est justement le rôle d'un conseiller"; r16b-13 "je sais pas s'il est en
    sécurité il répond pas au tel depuis ce matin", then "il répond pas j'ai peur": "personne ne vous appellera"): read as
    the answer to the safety question it is. The safety reply (the 15 or the 112 now when the person cannot be reached or
    fear is said; where to turn at the least doubt for where the person is), the case's safety made no safer than it
    was, then the offer once more; a call asked for in the same words is a yes. Else None: a relief is
    handoff_actions.reached_news's, a warning sign of the writer's own keeps the crisis path."""
    requested = tracker.get_slot("requested_slot")
    if requested not in _OFFER_QUESTIONS or not tracker.get_slot("distress") or not _safety_question_answered(tracker):
        return None
    text = _latest_user_text(tracker)
    relative, person = relative_writing(tracker)
    if not says_safety_news(text, about_someone_else=relative) or person_reached(text):
        return None
    if _own_warning_sign(text, model=True):
        return None
    unreachable = relative and cannot_reach(text)
    reading = NOT_SAFE if unreachable else answer_to_safety_question(text, about_someone_else=relative)
    if reading == SAFE:
        return None  # "ouais ça va" said of safety: heard by the handoff (SAFETY_HEARD)
    if unreachable:
        reply = unreachable_reply(person)
    elif reading == NOT_SAFE and relative and any(cannot_reach(said) for said in user_messages(tracker.events)[:-1]):
        # Round 18 (r18b-03): "je sais pas, j'ai peur" after "il répond pas au téléphone" got "restez près de votre
        # mari", whom she cannot reach: the one thing to do, now.
        reply = LATE_NEWS_AGAIN
    elif reading == NOT_SAFE:
        reply = not_safe_reply(person if relative else None, written=not relative and cannot_phone_said(tracker))
    else:
        reply = unsure_reply(person) if relative else UNSURE_SELF_REPLY
    if reading == NOT_SAFE and said_before(tracker.events, reply):
        reply = LATE_NEWS_AGAIN
    dispatcher.utter_message(text=reply)
    logger.info("safety news at %s after the crisis path: %s", requested, reading)
    events: list[EventType] = []
    if _WORRY_RANK[reading] > _WORRY_RANK.get(tracker.get_slot("safe_now"), 0):
        events.append(SlotSet("safe_now", reading))
    if requested == "wants_advisor" and asks_for_a_call(text):
        return [*events, SlotSet("wants_advisor", True)]
    return [*events, *_form_question_again(requested)]


# Round 26 (r26a-02): said again, "not safe" gets the one thing to do now, in other words than the first time.
NOT_SAFE_AGAIN = (
    f"Je vous entends. N'attendez pas : appelez maintenant le {SAMU} ou le {EUROPEAN_EMERGENCY}, ou le "
    f"{SUICIDE_PREVENTION_LINE} qui répond jour et nuit (le {EMERGENCY_SMS} par SMS si vous ne pouvez pas parler). "
    "Je reste là."
)


def unsafe_said_again(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Once the safety question was answered, the writer's own "not safe" said at any later point (round 26, r26a-02:
    after the callback was refused, "je suis pas en securite" got "D'accord. Je reste là…", "je me sens pas en sécurité
    ce soir" got "D'accord.", and `safe_now` stayed "safe"): the emergency numbers first, the safety recorded not safe
    (the stored case follows), then a question pending asked again, or a human offered once more when no callback is
    booked. Else None (a relative's news is late_safety_news's; the first answer is the safety form's)."""
    text = _latest_user_text(tracker)
    if not tracker.get_slot("distress") or not says_unsafe(text) or not _safety_question_answered(tracker):
        return None
    if tracker.get_slot("requested_slot") == "safe_now" or person_at_risk(tracker) is not None:
        return None
    before = tracker.get_slot("safe_now")
    said_once = said_before(tracker.events, NOT_SAFE_REPLY) or said_before(tracker.events, NOT_SAFE_AGAIN)
    dispatcher.utter_message(text=NOT_SAFE_AGAIN if said_once or before == NOT_SAFE else NOT_SAFE_REPLY)
    logger.info("not safe said again after the safety answer (was %s)", before)
    events: list[EventType] = [SlotSet("safe_now", NOT_SAFE)]
    requested = tracker.get_slot("requested_slot")
    if requested and tracker.active_loop.get("name") == "handoff_form":
        return [*events, *_form_question_again(requested)]
    closed = [ActiveLoop(None), SlotSet("requested_slot", None)] if tracker.active_loop.get("name") else []
    if before != NOT_SAFE and not tracker.get_slot("case_reference"):
        # The callback offered again (it may have been refused while the person said they were safe).
        return [
            *events,
            *closed,
            SlotSet("wants_advisor", None),
            SlotSet("consent_given", None),
            FollowupAction("handoff_form"),
        ]
    return [*events, *closed, FollowupAction("action_listen")]


def afraid_to_call_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """After the crisis reply (its safety question answered), "j'ose pas appeler, je saurais pas quoi leur dire", "je sais
    pas quoi dire au 3114" (round 15, r15b-12: the chamber's e-mail address): the barrier to the 3114 lowered, and the
    form's question, if any, asked again. The line named is no sign here; any other sign of the writer's own keeps the
    crisis path. Else None."""
    text = _latest_user_text(tracker)
    if not tracker.get_slot("distress") or not afraid_to_call(text) or not _safety_question_answered(tracker):
        return None
    if _own_warning_sign(re.sub(r"\b3114\b", " ", text), model=True):
        return None
    dispatcher.utter_message(text=afraid_to_call_text(person_at_risk(tracker)))
    logger.info("afraid to call the line: the barrier lowered")
    return _form_question_again(tracker.get_slot("requested_slot"))


def cannot_call_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """After the crisis reply, "vous pouvez pas appeler vous ?", "appelez-le vous" (round 17, r17b-18: the chamber's
    e-mail address): the assistant calls nobody itself; the 15 or 112 for danger now, the 3114 (for relatives too), and
    the form's question, if any, asked again. A warning sign of the writer's own keeps the crisis path. Else None."""
    text = _latest_user_text(tracker)
    person = person_at_risk(tracker)
    if not tracker.get_slot("distress") or not asks_us_to_call(text, someone_at_risk=person is not None):
        return None
    if _own_warning_sign(text, model=True):
        return None
    dispatcher.utter_message(text=cannot_call_text(person))
    logger.info("the assistant asked to call someone itself")
    requested = tracker.get_slot("requested_slot")
    if requested and tracker.active_loop.get("name"):
        return _form_question_again(requested)
    return [FollowupAction("action_listen")]


def long_wait_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """After the crisis path with someone not safe (or unsure), "lundi c'est loin...", "d'ici là je fais comment" (round
    15, r15b-12: read as inform, the first business steps followed): the wait heard, the 3114 now and the 15/112, no
    guidance. At a form's question, the question is asked again; outside a form, the bot listens. Else None.

    For any action that answers a message after the crisis path (the intake's acknowledgement calls it first)."""
    text = _latest_user_text(tracker)
    if not tracker.get_slot("distress") or tracker.get_slot("safe_now") not in (NOT_SAFE, UNSURE):
        return None
    doubts_now = doubts_anyone_answers_now(text)  # "personne répondra à cette heure ci" (round 29, r29-b-36)
    if not (says_the_wait_is_long(text) or doubts_now) or not _safety_question_answered(tracker):
        return None
    if _own_warning_sign(text, model=True):
        return None
    first = (nobody_answers_now_text if doubts_now else long_wait_text)(person_at_risk(tracker))
    dispatcher.utter_message(text=LONG_WAIT_AGAIN if said_before(tracker.events, first) else first)
    logger.info("long wait said on the crisis path: the numbers again")
    requested = tracker.get_slot("requested_slot")
    if requested and tracker.active_loop.get("name"):
        return _form_question_again(requested)
    return [FollowupAction("action_listen")]


# Round 11 (r11b-10): "j'ai appelé le 15, ils envoient quelqu'un chez lui", "les pompiers sont en route": the emergency
# services already called or on their way. Not "je vais appeler", not "j'ai pas appelé".
_EMERGENCY_CALLED = re.compile(
    r"\b(?:j ai|on a|nous avons|je viens d|on vient d|mon \w+ a|ma \w+ a)\s*(?:deja |bien )?"
    r"(?:appele|appeler|contacte|contacter|prevenu|prevenir|alerte|alerter|eu)\s+(?:le |les |la |l )?"
    r"(?:15|112|114|18|17|samu|pompiers?|secours|urgences|police|gendarmes?|gendarmerie)\b"
    r"|\b(?:les secours|les pompiers|le samu|l ambulance|une ambulance|la police|les gendarmes|ils)\s+"
    r"(?:arrivent|arrive|envoient quelqu un|envoie quelqu un|viennent|vient|va venir|vont venir|"
    r"(?:sont|est) (?:en route|en chemin|partis?|la|sur place|arrives?))\b"
)
_NOT_CALLED = re.compile(
    r"\b(?:pas|jamais|toujours pas)\s+(?:encore\s+)?(?:appele|contacte|prevenu|alerte)\b|\bn ai pas\b"
)


def says_emergency_called(text: str) -> bool:
    """The emergency services were already called, or are on their way ("j'ai appelé le 15", "le samu arrive")."""
    folded = normalise(text)
    if _NOT_CALLED.search(folded):
        return False
    called = _EMERGENCY_CALLED.search(folded)
    if not called:
        return False
    # "ils arrivent" alone may be about anyone: only with the services named in the same words.
    return not called.group(0).startswith("ils") or bool(_SERVICES_NAMED.search(folded))


_SERVICES_NAMED = re.compile(r"\b(?:15|112|samu|pompiers?|secours|urgences|ambulance|police|gendarmes?)\b")


def emergency_called(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """On the crisis path, the emergency services already called (round 11, r11b-10: "Appelez tout de suite le 15"
    after "j'ai appelé le 15"): the call acknowledged, the 3114 given for the writer, and True; else False. A warning
    sign of the writer's own in the same words keeps the path it takes."""
    text = _latest_user_text(tracker)
    if not tracker.get_slot("distress") or not says_emergency_called(text) or _own_warning_sign(text, model=True):
        return False
    _, person = relative_writing(tracker)
    dispatcher.utter_message(text=emergency_called_reply(person))
    logger.info("emergency services already called")
    return True


# Round 19 (r19b-07, r19b-08): on the crisis path, a question about the helplines or one's own worry, answered in at most
# three short sentences, factual and without promise (the 3114: trained professionals, free, day and night; the 15 in
# danger: nobody is bothered). Never the off-topic refusal nor the advisors' "vous ne dérangez personne".
_DANGER_NOW = f"appelez le {SAMU} ou le {EUROPEAN_EMERGENCY}"


def crisis_question_text(kind: str, person: str | None, not_safe: bool) -> str:
    """The answer to a question about the helplines or one's own worry; `person`: the person at risk when someone close
    writes; `not_safe`: the safety question was answered not safe (or the person cannot be reached)."""
    whom, is_, _, _ = person_words(person) if person is not None else ("", "", "", "")
    if kind == LINE_QUESTION:
        if person is not None:
            return (
                f"Le {SUICIDE_PREVENTION_LINE} répond aussi aux proches : des professionnels formés vous écoutent et vous "
                f"aident à savoir quoi faire pour {whom}, gratuitement, jour et nuit. Vous n'avez pas besoin d'être sûr "
                "que ce soit grave pour appeler."
            )
        return (
            f"Le {SUICIDE_PREVENTION_LINE} est fait pour ce que vous vivez : des professionnels formés à l'écoute y "
            "répondent, gratuitement, jour et nuit. Vous n'avez pas besoin que ce soit « assez grave » pour appeler, ni "
            "de savoir quoi dire : vous pouvez simplement dire que ça ne va pas."
        )
    if kind == EMERGENCY_QUESTION:
        if not_safe:
            return (
                f"Oui, {_DANGER_NOW} maintenant : vous ne dérangez personne, c'est leur rôle, et ils savent quoi faire. "
                "Dites-leur simplement ce que vous m'avez écrit."
            )
        if person is not None:
            return (
                f"Si vous pensez que {whom} {is_} en danger maintenant, oui, {_DANGER_NOW} : vous ne dérangez personne, "
                f"c'est leur rôle. Dans le doute, le {SUICIDE_PREVENTION_LINE} vous aide aussi à savoir quoi faire, jour "
                "et nuit."
            )
        return (
            f"Si vous vous sentez en danger maintenant, oui, {_DANGER_NOW} : vous ne dérangez personne, c'est leur rôle. "
            f"Sinon, le {SUICIDE_PREVENTION_LINE} répond jour et nuit, gratuitement, pour en parler."
        )
    if person is not None:
        if not_safe:
            return (
                "Ce que vous décrivez est sérieux, et vous avez bien fait d'en parler. Comme rien ne dit que "
                f"{whom} {is_} en sécurité maintenant, {_DANGER_NOW} : ils savent quoi faire."
            )
        return (
            "Ce que vous décrivez est sérieux, et vous avez bien fait d'en parler. Si vous pensez que "
            f"{whom} {is_} en danger maintenant, {_DANGER_NOW} ; le {SUICIDE_PREVENTION_LINE} répond aussi aux proches, "
            "jour et nuit, gratuitement."
        )
    return (
        "Ce que vous m'avez dit est important, et vous avez bien fait de le dire : cela mérite d'être pris au sérieux, "
        f"sans jugement. Le {SUICIDE_PREVENTION_LINE} peut en parler avec vous dès maintenant, gratuitement, jour et nuit ; "
        f"en cas de danger immédiat, {_DANGER_NOW}."
    )


def how_114_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Round 26 (r26a-11): "comment je fais pour le 114 ?" from a deaf woman not safe got "un conseiller de la chambre
    pourra vous le dire". How to send the SMS, said at once, and a form's question, if any, asked again. Else None."""
    text = _latest_user_text(tracker)
    if not asks_how_114_works(text) or _own_warning_sign(re.sub(r"\b(?:le |au )?114\b", " ", text), model=True):
        return None
    dispatcher.utter_message(text=SMS_114_HOW)
    logger.info("how the 114 works, answered")
    requested = tracker.get_slot("requested_slot")
    if requested and tracker.active_loop.get("name"):
        return _form_question_again(requested)
    return []


def crisis_question_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """On the crisis path, "le 3114 ils vont me dire quoi ?", "c'est grave ce que je vous ai dit ?", "je dois vraiment
    appeler le 15 ? j'ai peur de déranger" (round 19, r19b-07, r19b-08): the question answered, and a form's question,
    if any, asked again. A warning sign of the writer's own besides the line's name keeps the crisis path. Else None.

    Called at a form's question (crisis_in_form_reply) and where the question was read as out of scope."""
    how = how_114_reply(dispatcher, tracker)
    if how is not None:
        return how
    text = _latest_user_text(tracker)
    if not tracker.get_slot("distress") or not _safety_question_answered(tracker):
        return None
    kind = crisis_question(text)
    if kind is None or _own_warning_sign(re.sub(r"\b(?:le |au )?3114\b", " ", text), model=True):
        return None
    relative, person = relative_writing(tracker)
    not_safe = tracker.get_slot("safe_now") == NOT_SAFE or (
        relative and any(cannot_reach(said) for said in user_messages(tracker.events))
    )
    dispatcher.utter_message(text=crisis_question_text(kind, (person or "un proche") if relative else None, not_safe))
    logger.info("crisis question answered: %s", kind)
    requested = tracker.get_slot("requested_slot")
    if requested and tracker.active_loop.get("name"):
        return _form_question_again(requested)
    return []


# Round 19 (r19c-11): back after calling the line, "j'ai appelé le 3114, ça m'a fait du bien. je veux bien un conseiller"
# got the whole crisis block and the safety question again, and the name given next was read as its answer.
LINE_HELPED_REPLY = "Merci de me le dire, je suis content que cet appel vous ait fait du bien."
LINE_CALLED_REPLY = f"Merci de me le dire : vous avez bien fait d'appeler le {SUICIDE_PREVENTION_LINE}."
_ADVISOR_WISHED = re.compile(
    r"\b(?:je veux|je voudrais|j aimerais|je veux bien|je voudrais bien|ok pour|d accord pour|oui pour|partant pour) "
    r"(?:bien )?(?:un|le|votre|parler a un|parler au|parler avec un|avoir un) conseill(?:er|ere)\b"
)
_HELPED = re.compile(r"\b(?:fait du bien|aide|aidee?|soulage|soulagee?|rassure|rassuree?|apaise|mieux|calme)\b")


def line_called_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """On the crisis path, the line called already ("c'est encore moi. j'ai appelé le 3114, ça m'a fait du bien. je veux
    bien un conseiller"): welcomed in a sentence, a call asked for taken (the handoff goes on), a form's question asked
    again; never the crisis block again. A warning sign of the writer's own besides the line keeps the crisis path."""
    text = _latest_user_text(tracker)
    if not tracker.get_slot("distress") or not says_line_called(text) or not _safety_question_answered(tracker):
        return None
    if _own_warning_sign(re.sub(r"\b(?:le |au )?3114\b", " ", text), model=True):
        return None
    relative, _ = relative_writing(tracker)
    wished = (
        asks_for_a_call(text)
        or asks_for_callback(text)
        or bool(_ADVISOR_WISHED.search(normalise(text)))
        or _latest_intent(tracker) == "request_human"
    )
    reply = LINE_HELPED_REPLY if not relative and _HELPED.search(normalise(text)) else LINE_CALLED_REPLY
    if wished and tracker.get_slot("wants_advisor") is not True:
        reply = f"{reply} {CALL_WISH_HEARD}"
    dispatcher.utter_message(text=reply)
    logger.info("line called already: welcomed, call wished=%s", bool(wished))
    requested = tracker.get_slot("requested_slot")
    loop = tracker.active_loop.get("name")
    if wished and tracker.get_slot("wants_advisor") is not True and not tracker.get_slot("case_reference"):
        events: list[EventType] = [SlotSet("wants_advisor", True)]
        if loop == "handoff_form":
            return [*events, *([SlotSet(requested, None)] if requested not in (None, "wants_advisor") else [])]
        return [*events, ActiveLoop(None), SlotSet("requested_slot", None), FollowupAction("handoff_form")]
    if requested and loop:
        return _form_question_again(requested) if requested not in _OFFER_QUESTIONS or not wished else []
    if not wished:
        called = tracker.get_slot("case_reference") or tracker.get_slot("wants_advisor") is True
        dispatcher.utter_message(text=BUSINESS_QUESTION_DOOR_CASE if called else BUSINESS_QUESTION_DOOR)
    return [FollowupAction("action_listen")] if not loop else []


# Round 11 (r11b-01, 06, 11, 24, 25; r11a-05): the business's words a question after the crisis reply names, beyond
# the triage's categories ("la contrainte", "prendre le camion").
_BUSINESS_WORDS = re.compile(
    r"\b(?:contraintes?|saisi\w*|saisir|huissiers?|commissaire de justice|mise en demeure|urssaf|impots?|tribunal|"
    r"bilan|liquidation|redressement|sauvegarde|echeancier|delai de paiement|indemnis\w*|assur\w*|banques?|credit|"
    r"pret|loyers?|bail|factures?|clients?|fournisseurs?|tva|cotisations?|camion|camionnette|vehicule|voiture|outils?|"
    r"materiel|machines?|chantiers?|entreprise|societe|dettes?|creanciers?|travaux|mairie)\b"
)


# Round 12 (r12b-02, 03, 09): a question asked without its question mark or in the imperative ("bon alors pour
# l'urssaf je fais quoi concretement", "dites moi juste pour la TVA si je peux étaler", "et donc pour l'urssaf ?").
_ASKED_OTHERWISE = re.compile(
    r"\b(?:dites moi|dis moi|expliquez moi|explique moi|je (?:veux|voudrais|voulais|aimerais) (?:juste |seulement )?savoir|"
    r"(?:je|j|on) (?:fais|fait|dois faire|peux faire) (?:quoi|comment)|comment (?:je|j|on) (?:fais|fait|peux|dois|pourrais)|"
    r"que (?:dois je|puis je|faire)|quoi faire|est ce que (?:je|j|on) (?:peux|peut|dois|ai droit)|"
    r"(?:je|j) (?:peux|pourrais|ai le droit de) (?:avoir|demander|etaler|payer|obtenir|contester|faire))\b"
)


# A yes or a no said first, then the question ("ok et pour le découvert alors je fais quoi", "non pas besoin. par contre
# la banque peut me fermer mon compte ?", round 12, r12c-06): the words after the first answer.
_FIRST_ANSWER = re.compile(
    r"^\W*(?:(?:ok|oki|okay|d accord|dac|bon|ben|bah|ah|oui|ouais|non|nan|merci|pas besoin|pas la peine|ca ira|ca va)"
    r"(?:\s+(?:merci|pas besoin|pas la peine|ca ira|ca va))?\b[\s,.;!]*)+"
)

# A question's first words, typed without its question mark ("est ce que la banque peut…", "comment je fais").
_QUESTION_FIRST = re.compile(
    r"(?:est ce qu\w*|qu est ce|comment|pourquoi|combien|quand|quel|quelle|quels|quelles|a qui)\b"
)


def _question_after_answer(text: str) -> str | None:
    """The question said after a first yes or no, or None when nothing but the answer was said."""
    folded = normalise(text)
    first = _FIRST_ANSWER.match(folded)
    if first is None:
        return None
    rest = folded[first.end() :].strip()
    rest = re.sub(r"^(?:et|mais|par contre|sinon|alors)\b\s*", "", rest)
    asked = "?" in text or bool(_ASKED_OTHERWISE.search(rest) or _QUESTION_FIRST.match(rest))
    return rest if rest and asked else None


def _asks(text: str) -> bool:
    from intake.answers import NO, QUESTION as ASKED, YES, kind

    said = kind(text)
    if said == ASKED:
        return True
    if said in (YES, NO):
        return _question_after_answer(text) is not None
    # A question mark inside the message asks too: "la banque peut me fermer mon compte ? j'ai 3000 de découvert".
    return "?" in text or bool(_ASKED_OTHERWISE.search(normalise(text)))


# "je parle à une machine là ?" (the simulator, seed 20261246): "machine" is a business word, the question is about us.
_ASKS_IF_A_MACHINE = re.compile(
    r"\b(?:parle\w*|ecri\w*|discute\w*) (?:a|avec) (?:une? )?(?:machine|robot|ordinateur|ordi|ia|bot|programme)\b|"
    r"\b(?:vous etes|t es|tes|c est|est ce) (?:une? )?(?:machine|robot|bot|ia|vraie? personne|humain)\b"
)


def asks_about_the_business(text: str) -> bool:
    """A question about the business, with no warning sign in it: neither a yes nor a no, nor a request for a call."""
    from triage import assess

    if not text or text.startswith("/") or not _asks(text) or asks_for_callback(text):
        return False
    if asks_which_health(text) or asks_who_reads(text) or fears_it_gets_known(text):
        return False  # "quelle santé ? j'ai rien dit sur ma santé" asks about the service (round 18, r18a-11)
    if _ASKS_IF_A_MACHINE.search(normalise(text)):
        return False  # whether a person answers: the stored answer, not a business step
    if any(sign.level <= INDIRECT for sign in rule_signs(text)) or _own_warning_sign(text, model=True):
        return False
    asked = assess([text])
    if asked.distress:
        return False
    return bool(asked.categories) or bool(_BUSINESS_WORDS.search(normalise(text)))


def business_answer(tracker: Tracker, text: str) -> str:
    """One sourced step for the question (guidance/knowledge_base.yml), else an honest "je ne sais pas": no rule of law
    is written here outside the sourced knowledge base."""
    from actions.business_questions import answer_to_business_question

    return answer_to_business_question(tracker, text) or BUSINESS_QUESTION_UNKNOWN


SAFETY_BELIEVED = "Merci, je vous crois."
_SAFETY_SAID_IN_WORDS = re.compile(r"\b(?:en securite|je vais bien|pas en danger|je ne risque rien|je risque rien)\b")


# Round 24 (talker C, r24c-02): after a sign of suicide, "vous êtes qu'une machine de toute façon, ça sert à rien" was
# read as a business question: "Je ne peux pas vous répondre avec certitude là-dessus". Anger or despair at the bot, on
# the crisis path, gets a short human acknowledgement and the 3114 again (a person answers there, day and night), never
# a capability answer. A plain question ("vous êtes un robot ?") keeps its honest answer.
_REBUKES_THE_BOT = re.compile(
    r"\b(?:qu |que |juste |rien qu )(?:une? )?(?:machine|robot|programme|ordinateur|ordi|bot|ia)\b|"
    r"\b(?:vous|tu|ce truc|votre truc|ce bot|ce robot|cette machine|ce site) (?:ne )?(?:sert|servez|sers) (?:strictement )?a rien\b|"
    r"\bca sert a rien (?:de |d )?(?:vous|te|parler|ecrire|discuter)\b|\b(?:des |un |une )?bons? a rien\b|"
    r"\b(?:vous etes|t es|tes|c est) (?:vraiment |completement |trop )?(?:cons?|connes?|nuls?|nulles?|inutiles?|debiles?|idiots?|"
    r"stupides?)\b|\b(?:vous|tu) (?:ne )?(?:comprenez|comprends|captez|captes|ecoutez|ecoutes) (?:rien|pas|que dalle)\b|"
    r"\ba quoi (?:vous servez|tu sers|ca sert de vous parler)\b|\bparler a une machine\b"
)


def rebukes_the_bot(text: str | None) -> bool:
    """Anger or despair said at the assistant itself ("vous êtes qu'une machine", "ça sert à rien de vous parler")."""
    return bool(text) and not (text or "").startswith("/") and bool(_REBUKES_THE_BOT.search(normalise(text or "")))


def rebuke_reply(tracker: Tracker) -> str:
    """Yes, a program; a person at the 3114, tonight; the advisor's call when one is coming. Three sentences at most."""
    called = tracker.get_slot("case_reference") or (
        tracker.get_slot("wants_advisor") is True and tracker.get_slot("consent_given") is not False
    )
    person = person_at_risk(tracker)
    first = "Vous avez raison, je ne suis qu'un programme, et je comprends que ce soit décourageant."
    line = f"Au {SUICIDE_PREVENTION_LINE}, une vraie personne vous répond, jour et nuit, gratuitement" + (
        ", y compris pour un proche." if person else "."
    )
    return " ".join(
        [first, line, *(["Et un conseiller de la chambre vous rappellera, comme prévu."] if called else [])]
    )


def rebuke_in_crisis(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """On the crisis path, the assistant rebuked: `rebuke_reply`, said once in those words (then its last two
    sentences); a form's question asked again. A warning sign of the writer's own keeps the crisis path. Else None."""
    text = _latest_user_text(tracker)
    if not tracker.get_slot("distress") or not rebukes_the_bot(text) or _own_warning_sign(text, model=True):
        return None
    reply = rebuke_reply(tracker)
    if said_before(tracker.events, reply):
        reply = reply.split(". ", 1)[1]
    dispatcher.utter_message(text=reply)
    logger.info("the assistant rebuked on the crisis path: acknowledged, the 3114 again")
    requested = tracker.get_slot("requested_slot")
    if requested and tracker.active_loop.get("name"):
        return _form_question_again(requested)
    return []


def business_question_after_crisis(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """After the crisis reply (the safety question answered), a question about the business ("la contrainte j'ai combien
    de temps pour contester ?", "je peux demander un échéancier ?"; round 11, r11b-25: "Je ne peux pas vous aider sur ce
    sujet"; r11b-01, r11a-05: a restatement and the offer again): one sourced step or an honest word, and the door kept
    open (a handoff yes/no question asked again; outside a question, the advisor offered). Else None.

    Callable outside a form (the out-of-scope and situation actions, after a goodbye) as well as at a form's question."""
    text = _latest_user_text(tracker)
    requested = tracker.get_slot("requested_slot")
    waited = long_wait_reply(dispatcher, tracker)  # "d'ici là je fais comment", read as a question (round 15)
    if waited is not None:
        return waited
    if not tracker.get_slot("distress") or requested not in (None, *_QUESTIONS_A_BUSINESS_QUESTION_PAUSES):
        return None
    if not _safety_question_answered(tracker):
        return None
    rebuked = rebuke_in_crisis(dispatcher, tracker)  # round 24, r24c-02: anger at the bot, never a capability answer
    if rebuked is not None:
        return rebuked
    if not asks_about_the_business(text):
        return None
    from intake.answers import NO, YES, kind

    said = kind(text)
    if requested in _OFFER_QUESTIONS and said == YES:
        return None  # a yes to the offer is the handoff's to keep; its question is read there
    if said == NO and requested not in (None, "wants_advisor"):
        return None  # a no to the consent or the health question is the handoff's to read
    question = _question_after_answer(text) if said in (YES, NO) else None
    answer = business_answer(tracker, question or text)
    # Asked again, the same step is not said in full again (a long answer repeated reads as a machine that did not
    # listen; the simulator's no_long_message_repeated).
    if _SAFETY_SAID_IN_WORDS.search(normalise(text)) and answer_to_safety_question(text) == SAFE:
        # Round 21 (r21x-04): "vous m'écoutez pas là. je suis en sécurité, je voulais juste savoir pour l'échéancier":
        # the safety said is heard first, in a word, then the question answered.
        dispatcher.utter_message(text=SAFETY_BELIEVED)
    dispatcher.utter_message(text=STEP_SAID_ABOVE if said_before(tracker.events, answer) else answer)
    logger.info("business question answered after the crisis reply at %s", requested or "no question")
    if requested == "wants_advisor" and said == NO:
        # Round 12 (r12c-06): "non pas besoin. par contre la banque peut me fermer mon compte ?" got "je ne sais pas
        # répondre" (the handoff answers a no's question from the steps already given, and none were): the question
        # answered with a sourced step, the no respected as the offer's answer.
        logger.info("callback declined on the crisis path, with a business question")
        return [SlotSet("wants_advisor", False), SlotSet("requested_slot", None)]
    if requested in _OFFER_QUESTIONS:
        return [SlotSet("wants_advisor", None), SlotSet("consent_given", None)]
    if requested:
        return [SlotSet(requested, None)]
    # A call asked for and then refused at the consent is no call coming ("Le conseiller qui vous rappellera" was said
    # after "non j'aime mieux pas": the simulator, seed 20261201).
    called = tracker.get_slot("case_reference") or (
        tracker.get_slot("wants_advisor") is True and tracker.get_slot("consent_given") is not False
    )
    dispatcher.utter_message(text=BUSINESS_QUESTION_DOOR_CASE if called else BUSINESS_QUESTION_DOOR)
    return []


# Round 17 (r17b-14, r17b-08): after the crisis path, with someone not safe or whose safety is not known, the callback
# declined, a business question or fact ("et pour la cfe je dois la payer si je ferme en décembre ?", "le mandataire m'a
# dit de rendre le camion lundi") started the intake ("Si je comprends bien…", "Avez-vous une échéance proche ?").
SAFETY_RECHECK = "D'accord, c'est noté. Avant d'aller plus loin, j'aimerais savoir comment vous allez."
NOT_SAFE_HOLD = f"D'accord, c'est noté. {LEAVING_REMINDER}"


def intake_held_after_crisis(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Outside a form, after the crisis reply, when the safety question was answered anything but "safe" (or never): a
    business question gets its sourced step and the door open (no intake); a fact, once, the safety question again
    (unsure or unanswered) or the numbers and the door (not safe: never made to read safer). The bot then listens.
    None otherwise: the intake goes on as before (the person safe, or the check already made)."""
    if tracker.active_loop.get("name") or tracker.get_slot("distress") is not True:
        return None
    safe_now = tracker.get_slot("safe_now")
    if safe_now == SAFE or tracker.get_slot("person_at_risk"):
        return None
    if not any(
        event.get("event") == "action" and event.get("name") == "action_crisis_response" for event in tracker.events
    ):
        return None
    if _safety_question_answered(tracker) and asks_about_the_business(_latest_user_text(tracker)):
        answered = business_question_after_crisis(dispatcher, tracker)
        if answered is not None:
            logger.info("business question after the crisis path (safety %s): answered, no intake", safe_now)
            return [*answered, FollowupAction("action_listen")]
    if said_before(tracker.events, SAFETY_RECHECK) or said_before(tracker.events, NOT_SAFE_HOLD):
        return None
    if safe_now == NOT_SAFE:
        dispatcher.utter_message(text=NOT_SAFE_HOLD)
        dispatcher.utter_message(text=BUSINESS_QUESTION_DOOR)
        logger.info("fact told after the crisis path, not safe: numbers and door, no intake")
        return [FollowupAction("action_listen")]
    dispatcher.utter_message(text=SAFETY_RECHECK)
    logger.info("fact told after the crisis path, safety %s: the safety question again", safe_now or "unanswered")
    return [SlotSet("safe_now", None), SlotSet("requested_slot", None), FollowupAction("safety_form")]


# Only the handoff's yes/no questions: at an intake question, the words may also be its answer, never dropped.
_QUESTIONS_A_BUSINESS_QUESTION_PAUSES = ("wants_advisor", "consent_given", "health_consent")


def offer_declined_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """On the crisis path, at the callback offer or the consent: "je veux pas déranger, il y a des gens plus à plaindre"
    is answered that nobody is bothered and the offer made once more; said again, or "je veux pas en parler", it is a
    no, respected (round 7, r7b-13: read as request_human, the consent was pushed twice). Else None."""
    text = _latest_user_text(tracker)
    if (
        tracker.get_slot("requested_slot") not in _OFFER_QUESTIONS
        or not tracker.get_slot("distress")
        or tracker.get_slot("consent_given") is True
        or asks_for_callback(text)
    ):
        return None
    reassured = any(
        event.get("event") == "bot" and NOT_A_BOTHER in (event.get("text") or "") for event in tracker.events
    )
    if feels_a_bother(text) and not reassured:
        dispatcher.utter_message(text=NOT_A_BOTHER)
        return [SlotSet("wants_advisor", None), SlotSet("consent_given", None)]
    if feels_a_bother(text) or declines_to_talk(text):
        logger.info("callback declined on the crisis path")
        return [SlotSet("wants_advisor", False), SlotSet("requested_slot", None)]
    return None


def crisis_in_form_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """`_crisis_in_form_reply`, and a stored case raised with it in the same turn (round 20, r20b-18, r20b-11): a sign
    at the e-mail or the time question, once the case was stored, got the crisis reply while the case stayed "normale,
    no distress" until the safety answer, or for good when none came. Every reply from inside a form goes through
    here, so no question pending keeps the stored case behind the crisis path."""
    events = _crisis_in_form_reply(dispatcher, tracker)
    if events is None:
        return None
    return [*events, *stored_case_raised(tracker, events)]


def _crisis_in_form_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The crisis path from inside an intake or handoff form when the latest message is a warning sign (the crisis
    guard's `express_distress`, the triage's distress); else None. The rules' "crisis during the intake" only runs when the form rejects
    the message, and a warning sign that also gives a fact ("je dors plus depuis des semaines. ma famille serait
    mieux sans moi": a duration, a place) filled a slot: the form went on to its next question, no 3114.

    Also the crisis path's own answers at a form's question: a relative's question, the offer declined."""
    if _safety_answered_this_turn(tracker):
        # The safety answer was replied to this very turn; the handoff that follows validated the same message again
        # and said the whole crisis block and the safety question a second time (round 7, r7a-06).
        return None
    taken_back = safe_taken_back(dispatcher, tracker)  # round 26: "oui", then "en fait non" as the next message
    if taken_back is not None:
        return taken_back
    called = line_called_reply(dispatcher, tracker)  # round 19, r19c-11: back after calling the 3114
    if called is not None:
        return called
    relative = relative_question_reply(dispatcher, tracker)
    if relative is not None:
        return relative
    taken_up = line_taken_up(dispatcher, tracker)
    if taken_up is not None:
        return taken_up
    afraid = afraid_to_call_reply(dispatcher, tracker)  # round 15, r15b-12
    if afraid is not None:
        return afraid
    cannot = cannot_call_reply(dispatcher, tracker)  # round 17, r17b-18
    if cannot is not None:
        return cannot
    asked = crisis_question_reply(dispatcher, tracker)  # round 19, r19b-07, r19b-08: the helplines, one's worry
    if asked is not None:
        return asked
    waited = long_wait_reply(dispatcher, tracker)  # round 15, r15b-12
    if waited is not None:
        return waited
    if tracker.get_slot("requested_slot") in _OFFER_QUESTIONS and emergency_called(dispatcher, tracker):  # r11b-10
        return [SlotSet("wants_advisor", None), SlotSet("consent_given", None)]
    put_right = safety_put_right(dispatcher, tracker)  # round 24, r24c-03, -05, -14: a yes misread, corrected
    if put_right is not None:
        return put_right
    late = safety_said_late(dispatcher, tracker)  # round 28, r28-b-05: safe said after "..." at the safety question
    if late is not None:
        return late
    news = late_safety_news(dispatcher, tracker)  # round 16, r16b-08, r16b-13: the safety answer one turn late
    if news is not None:
        return news
    unsafe = unsafe_said_again(dispatcher, tracker)  # round 26, r26a-02: "not safe" at any later point
    if unsafe is not None:
        return unsafe
    if tracker.get_slot("requested_slot") in _OFFER_QUESTIONS:
        # "Oui, je veux bien. Mais est-ce que quelqu'un peut m'appeler aujourd'hui ?" on a Saturday (round 14, r14a-10):
        # the reopening and the 3114 said first; the answer is then read as the form reads it.
        call_soon_while_closed(dispatcher, tracker)
    business = business_question_after_crisis(dispatcher, tracker)  # round 11, r11b-01, r11a-05
    if business is not None:
        return business
    if (tracker.latest_message.get("intent") or {}).get("name") != "express_distress":
        return offer_declined_reply(dispatcher, tracker)
    if not tracker.get_slot("distress"):
        # The triage (rules and its model, this turn) must see the sign too: the intent classifier alone mid-form
        # keeps the rules' path (a rejected message), where an idiom read as distress is no reason to close a form.
        return None
    logger.info("crisis path from inside %s", tracker.active_loop.get("name"))
    return [*crisis_reply(dispatcher, tracker, answered=False), FollowupAction("safety_form")]


class ActionCrisisResponse(Action):
    def name(self) -> str:
        return "action_crisis_response"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        events = self._reply(dispatcher, tracker)
        return [*events, *stored_case_raised(tracker, events)]  # round 19, r19a-03: the stored case follows

    @staticmethod
    def _reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        misread = contact_answer_misread_now(tracker)
        if misread is not None:
            return misread
        unsafe = unsafe_said_again(dispatcher, tracker)  # round 26, r26a-02: the crisis guard's "not safe" said again
        if unsafe is not None:
            return unsafe
        if tracker.get_slot("distress") and tracker.active_loop.get("name") is None:
            # Round 19 (r19c-11, r19b-07): after the crisis path, "j'ai appelé le 3114, ça m'a fait du bien" or a question
            # about the helplines, read as a new sign: welcomed or answered, never the whole block and the safety again.
            called = line_called_reply(dispatcher, tracker)
            if called is not None:
                return (
                    called
                    if any(isinstance(e, dict) and e.get("event") == "followup" for e in called)
                    else [
                        *called,
                        FollowupAction("action_listen"),
                    ]
                )
            asked = crisis_question_reply(dispatcher, tracker)
            if asked is not None:
                return [*asked, FollowupAction("action_listen")]
        answered = tracker.get_slot("suicide_thoughts") == NOT_CLEAR_NO and tracker.active_loop.get("name") in (
            None,
            "direct_question_form",
        )
        return crisis_reply(dispatcher, tracker, answered)


class ActionAskSafeNow(Action):
    """ "Êtes-vous en sécurité en ce moment ?", answerable in one tap or in free words."""

    def name(self) -> str:
        return "action_ask_safe_now"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        person = person_at_risk(tracker)
        question = safety_question(person)
        if said_before(tracker.events, question):
            question = safety_question_again(person)  # round 25 (s25a-06): never the same words a second time
        dispatcher.utter_message(text=question, buttons=[dict(b) for b in safety_buttons(person)])
        return []


class ValidateSafetyForm(FormValidationAction):
    """Anything but a clear yes ("non pas vraiment", "ça va aller", "je sais pas") is read as not safe, and an answer
    that says nothing of danger ("oui je crois", "il est à côté de moi") as unsure; an answer to something else
    ("pourquoi vous me demandez ça ?", "ça change quoi", "ok" for the numbers just given) first gets the question once
    more."""

    def name(self) -> str:
        return "validate_safety_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        erasure = erasure_at_the_safety_question(dispatcher, tracker)
        if erasure is not None:
            return erasure
        return await super().run(dispatcher, tracker, domain)

    async def extract_safe_now(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        mistaken = put_to_the_writer_by_mistake(
            dispatcher, tracker, "safe_now", (safety_question(None), safety_question_again(None))
        )
        if mistaken is not None:
            return mistaken
        person = person_at_risk(tracker)
        if (
            tracker.get_slot("requested_slot") == "safe_now"
            and says_no_said_before(_latest_user_text(tracker))
            and _said_not_safe_before(tracker)
        ):
            # "j'ai dit non" when the no said before was to this very question (round 17): still not safe.
            logger.info("safe_now answered: not safe, said again")
            return {"safe_now": NOT_SAFE}
        if tracker.get_slot("requested_slot") == "safe_now" and safe_then_call_wished(
            _latest_user_text(tracker), about_someone_else=person is not None
        ):
            # "oui ca va je vais rien faire. mais jveux bien qlq1 qui me rappelle" (round 14, r14a-04): safe, and a
            # call asked for; the "mais" is no reservation about safety (action_after_safety_answer takes the wish).
            logger.info("safe_now answered: safe, with a call asked for")
            return {"safe_now": SAFE}
        read = partial(read_safety_answer, about_someone_else=person is not None)
        asked = (safety_question(person), safety_question_again(person))
        return _read_answer(tracker, dispatcher, "safe_now", read, "action_crisis_response", asked)


CALL_WISH_HEARD = "C'est entendu pour le rappel par un conseiller de la chambre."
# Round 19 (r19b-04): a hesitant yes with someone near ("je sais pas trop... oui je crois. ma fille dort à côté") got the
# company welcomed as if the yes were sure: the doubt first, then the numbers at the least doubt.
DOUBT_WITH_COMPANY_REPLY = (
    "Je comprends que ce n'est pas tout à fait sûr, et c'est bien d'avoir quelqu'un près de vous. Au moindre "
    f"doute, appelez le {SAMU} ou le {EUROPEAN_EMERGENCY}, ou le {SUICIDE_PREVENTION_LINE} qui répond jour et nuit (le "
    "114 par SMS si vous ne pouvez pas parler)."
)


def _said_not_safe_before(tracker: Tracker) -> bool:
    """The safety question was answered "not safe" earlier in the conversation."""
    return any(
        event.get("event") == "slot" and event.get("name") == "safe_now" and event.get("value") == NOT_SAFE
        for event in tracker.events
    )


def erasure_at_the_safety_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Round 17 (r17b-07): "effacez ce que je viens d'écrire s'il vous plaît, je n'aurais pas dû" at "Êtes-vous en
    sécurité ?" was read as "not safe" (the 15 at once, the case "pas en sécurité"), and the wish to erase was lost. Words
    of erasing now, without a warning sign of the writer's own: the offer to erase (a no brings the safety question
    back), and nothing stored about safety. Else None."""
    from actions.erasure_actions import (
        ERASE_BUTTONS,
        ERASE_OFFER,
        ERASE_OFFER_WITH_CASE,
        NO_LOOP,
        OFFERED_SLOT,
        erasure_later_asked,
        erasure_requested as faq_erasure,
    )
    from actions.handoff import consented
    from intake.answers import asks_to_erase, mentions_erasing

    text = _latest_user_text(tracker)
    if tracker.get_slot("requested_slot") != "safe_now" or not text or text.startswith("/"):
        return None
    # Round 18 (r18b-05): "je vous ai écrit pour mon entreprise, pas pour parler de moi. Que puis-je faire pour mon
    # chiffre d'affaires ?", read as faq/delete_data, got the offer to erase: the classifier's reading needs words of
    # erasing ("oubliez ce que j'ai dit").
    if not (mentions_erasing(text) or (faq_erasure(tracker) and asks_to_erase(text))) or erasure_later_asked(text):
        return None
    if _own_warning_sign(text, model=True) or re.search(
        r"\b(?:dettes?|decouvert|credit|pret|penalites?)\b", normalise(text)
    ):
        return None
    case = bool(tracker.get_slot("case_reference")) or consented(tracker.slots)
    dispatcher.utter_message(text=ERASE_OFFER_WITH_CASE if case else ERASE_OFFER, buttons=ERASE_BUTTONS)
    logger.info("erasure asked at the safety question: offered, safety not stored")
    loop = tracker.active_loop.get("name") or NO_LOOP
    return [
        SlotSet(OFFERED_SLOT, loop),
        SlotSet("safe_now", None),
        ActiveLoop(None),
        SlotSet("requested_slot", None),
        FollowupAction("action_listen"),
    ]


SAFE_LEAVING_OFFER_AGAIN = (
    "Je suis soulagé de le lire. Si vous changez d'avis, un conseiller de la chambre peut encore vous rappeler : écrivez "
    "simplement « conseiller » ici, même plus tard. Au revoir, prenez soin de vous ; le "
    f"{SUICIDE_PREVENTION_LINE} répond jour et nuit, gratuitement."
)


def _call_declined_before(tracker: Tracker) -> bool:
    """The callback was declined on this conversation and no case was stored since."""
    if tracker.get_slot("case_reference"):
        return False
    return tracker.get_slot("wants_advisor") is False or tracker.get_slot("consent_given") is False


# Going to rest ("je vais me coucher", "bonne nuit"), not only away.
_TO_REST = re.compile(r"\b(?:coucher|dormir|reposer|lit|bonne nuit|dodo)\b")
# Naming the line is no warning sign the person wrote.
_NOT_A_SIGN_WRITTEN = frozenset({"crisis_line_named"})


def _own_sign_told(tracker: Tracker) -> bool:
    """The person's own words brought the safety question: a warning sign of the rules (not the classifier's reading
    alone), or an answer to the direct question that was no clear no. Then the bot misread nothing (round 27, D9)."""
    if tracker.get_slot("suicide_thoughts") == NOT_CLEAR_NO:
        return True
    return any(not sign.startswith("model:") and sign not in _NOT_A_SIGN_WRITTEN for sign in _signs(tracker))


def _practical_answer(tracker: Tracker, question: str) -> str:
    """A sourced step for a practical question said with a yes to the safety question, else that it was heard."""
    from actions.business_questions import answer_to_business_question

    return answer_to_business_question(tracker, question) or PRACTICAL_WORRY_HEARD


class ActionAfterSafetyAnswer(Action):
    """Safe: relief and the 3114; not safe: the emergency numbers at once. A human is offered next (rules)."""

    def name(self) -> str:
        return "action_after_safety_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        events = self._reply(dispatcher, tracker)
        return [*events, *stored_case_raised(tracker, events)]  # the safety answer reaches a stored case (r19a-03)

    def _reply(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        person = person_at_risk(tracker)
        answer = tracker.get_slot("safe_now")
        text = _latest_user_text(tracker)
        if answer != SAFE and emergency_called(dispatcher, tracker):  # round 11, r11b-10: the 15 already called
            return _misread_request_undone(tracker)
        if answer == NOT_SAFE and person is None and cannot_phone_said(tracker):
            # Round 26 (r26a-11): "non. et je vous ai dit que je ne peux pas téléphoner" got "Appelez tout de suite le 15
            # ou le 112": the SMS to the 114, now.
            dispatcher.utter_message(text=NOT_SAFE_WRITTEN_REPLY)
            logger.info("not safe, cannot phone: the 114 by SMS")
            return []
        if answer != SAFE and calls_now(text) and not asks_for_a_call(text):
            # "ok j'appelle", "je les appelle tout de suite" at the safety question (round 15, r15b-03, r15b-17): the call
            # made now, welcomed short; no callback offer pushed while it is made.
            dispatcher.utter_message(text=calling_now_reply(text))
            logger.info("emergency line called now, at the safety question")
            return [*_misread_request_undone(tracker), FollowupAction("action_listen")]
        if answer != SAFE and afraid_to_call(text) and not speaks_for_someone_else(text):
            # "j'ai peur d'appeler, je saurais pas quoi dire" as the answer (round 15, r15b-12): not safe, and the fear of
            # the call answered, the emergency numbers in the same three sentences.
            dispatcher.utter_message(text=afraid_to_call_text(person))
            logger.info("safety answered (%s), afraid to call the line", answer)
            return _misread_request_undone(tracker)
        if answer != SAFE and person is not None and cannot_reach(text):
            # "il est parti au dépôt ce matin et il répond pas" (round 15, r15b-03, -17): nobody can be at their side.
            dispatcher.utter_message(text=unreachable_reply(person))
            logger.info("safety answered (%s), the person at risk cannot be reached", answer)
            return _misread_request_undone(tracker)
        if answer != SAFE and speaks_for_someone_else(text):
            # "moi oui ça va, c'est lui le problème. il est seul à la boutique là" (round 7, r7b-05: "Je suis soulagé de
            # le lire"): what to do for that person, and the relative's question about the 3114 answered.
            _, person = relative_writing(tracker)
            dispatcher.utter_message(text=relative_reply(person, asked_to_call=asks_to_call_for_someone(text)))
            return _misread_request_undone(tracker)
        if asks_for_a_call(text) and tracker.get_slot("wants_advisor") is not False:
            # "oui ca va je vais rien faire. mais jveux bien qlq1 qui me rappelle" (round 14, r14a-04: the offer came
            # again as if nothing was asked): the answer to the safety question, then the call taken as asked for, so
            # the handoff goes on to its consent; a call asked for today while the chamber is closed is told when.
            reply = {SAFE: safe_reply, UNSURE: unsure_reply}.get(answer, not_safe_reply)(person)
            if answer == SAFE and preparations_told(_signs(tracker)):
                reply = safe_after_preparations_reply(person)  # round 29, r29-a-14: no relief after preparations
            dispatcher.utter_message(text=f"{reply} {CALL_WISH_HEARD}")
            call_soon_while_closed(dispatcher, tracker, text)
            logger.info("safety answered (%s), with a call asked for", answer)
            return [SlotSet("wants_advisor", True)]
        if (
            answer == SAFE
            and person is None
            and tracker.get_slot("suicide_thoughts") == NOT_CLEAR_NO
            and (denies_the_thoughts_plainly(text) or takes_back_a_figure_of_speech(text))
        ):
            # Round 28 (r28-b-18): "quoi ?? non je pense pas du tout au suicide, c'est une expression" at the safety
            # question asked after an answer to the direct question that was no clear no: the clear no it never got,
            # kept as such; the misunderstanding owned when only ambiguous words were read (a warning sign the person
            # wrote is believed, never excused: round 27, D9). A crisis path from a sign keeps its own replies.
            written = any(sign.startswith(("explicit_", "indirect_")) for sign in _signs(tracker))
            dispatcher.utter_message(text=SAFE_AFTER_OWN_SIGN_REPLY if written else THOUGHTS_DENIED_AT_SAFETY_REPLY)
            logger.info("safe: the thoughts denied plainly at the safety question")
            return [SlotSet("suicide_thoughts", CLEAR_NO), *_misread_request_undone(tracker)]
        if answer == SAFE and preparations_told(_signs(tracker)):
            # Round 29 (r29-a-14): "oui je suis à la maison. ma femme dort" after a letter written to her and his affairs
            # put in order got "Je suis soulagé de le lire": at home is no safety after preparations made. The worry
            # said, company and the 3114 now; the callback offer follows.
            dispatcher.utter_message(text=safe_after_preparations_reply(person))
            logger.info("safe said after preparations told: no relief")
            return _misread_request_undone(tracker)
        if answer == SAFE and text and not text.startswith("/"):
            said = self._safe_with_more(text)
            if said is not None and said[0] == "objection" and _own_sign_told(tracker):
                # Round 27 (r27-a-04, D9): "pardon si je me suis mépris" after a sign the person wrote: never an excuse
                # for a worry the words gave; believed and heard, the reason said when the question is questioned.
                reply = SAFE_WHY_AFTER_OWN_SIGN_REPLY if questions_the_question(text) else SAFE_AFTER_OWN_SIGN_REPLY
                said = ("objection after a sign", reply)
            if said is None and person is None:
                worry = practical_question_after_yes(text)
                if worry is not None:
                    # Round 27 (r27-a-07, D14): "oui ca va. mais je fais comment pour manger ce mois ci": safe, and the
                    # worry heard in its own message (a sourced step when there is one); the callback offer follows.
                    dispatcher.utter_message(text=safe_reply(None))
                    dispatcher.utter_message(text=_practical_answer(tracker, worry))
                    logger.info("safe, with a practical question")
                    return _misread_request_undone(tracker)
            if said is not None:
                kind, reply = said
                if kind == "leaving" and _call_declined_before(tracker):
                    # Round 19 (r19b-11): a call declined, then a new sign and "oui. bonne soirée": the door to the
                    # callback said once more in the goodbye, never pushed as a question.
                    reply = SAFE_LEAVING_OFFER_AGAIN
                dispatcher.utter_message(text=reply)
                logger.info("safe, with %s", kind)
                undone = _misread_request_undone(tracker)
                if kind in ("leaving", "not talking"):
                    # No callback offer to someone who leaves or declines it: the door stays open in the reply.
                    return [*undone, FollowupAction("action_listen")]
                return undone
        if answer == UNSURE and person is None:
            own = self._own_unsure(text)
            if own is not None:
                kind, reply = own
                dispatcher.utter_message(text=reply)
                logger.info("unsure, %s", kind)
                # The line's name alone is a sign for the triage: the question is read without it.
                question = re.sub(r"\b(?:le |au |du )?3114\b", " ", text)
                if kind in ("numbers", "joke", "why") and asks_about_the_business(question):
                    # "arrêtez avec vos numéros… dites moi juste pour la TVA si je peux étaler" (round 12, r12b-09):
                    # the question taken up in the same turn, one sourced step or an honest word.
                    dispatcher.utter_message(text=business_answer(tracker, question))
                if kind == "numbers":
                    # Calls refused: no callback offer pushed, the door left open in a word.
                    dispatcher.utter_message(text=BUSINESS_QUESTION_DOOR)
                    return [*_misread_request_undone(tracker), FollowupAction("action_listen")]
                if kind in ("line", "not talking", "leaving"):
                    # A goodbye or a refusal: no callback offer pushed; the door stays open in the reply.
                    return [*_misread_request_undone(tracker), FollowupAction("action_listen")]
                return _misread_request_undone(tracker)
        replies = {SAFE: safe_reply, UNSURE: unsure_reply}
        reply = replies.get(answer, not_safe_reply)(person)
        if answer == NOT_SAFE and text and not text.startswith("/") and not has_words(text):
            # Round 28 (r28-b-05): "..." at the safety question got "Merci de me l'avoir dit": nothing was said in words.
            reply = reply.replace("Merci de me l'avoir dit.", WORDLESS_OPENING, 1)
        dispatcher.utter_message(text=reply)
        return []

    @staticmethod
    def _own_unsure(text: str) -> tuple[str, str] | None:
        """The writer's own answer read as unsure (round 9): a doubted yes, another subject, the question refused, the
        3114 to be called. Never "Merci de me l'avoir dit. Appelez tout de suite le 15", which answers a no."""
        kind = unsure_kind(text)
        if kind == "company" and doubt_with_company(text):
            # "je sais pas trop... oui je crois. ma fille dort à côté" (round 19, r19b-04): the doubt answered first.
            return "doubt", DOUBT_WITH_COMPANY_REPLY
        if kind == "line":
            return (kind, LINE_LEAVING_REPLY) if is_closing(text) else (kind, UNSURE_SELF_REPLY)
        if kind == "leaving":
            # Round 27 (r27-a-13, D21): "laissez tomber, je vais me coucher": a warm goodbye, never "Appelez tout de suite".
            return kind, leaving_unanswered_reply(bool(_TO_REST.search(normalise(text))))
        replies = {
            "not talking": NOT_TALKING_SAFETY_REPLY,
            "doubt": UNSURE_SELF_REPLY,
            "other": OTHER_SUBJECT_SAFETY_REPLY,
            "company": COMPANY_SAFETY_REPLY,
            "joke": JOKE_SAFETY_REPLY,
            "numbers": NUMBERS_REFUSED_SAFETY_REPLY,
            "why": WHY_SAFETY_REPLY,
        }
        return (kind, replies[kind]) if kind in replies else None

    @staticmethod
    def _safe_with_more(text: str) -> tuple[str, str] | None:
        """A yes said with more: a goodbye, the callback declined, a fear of bothering, an objection (round 7)."""
        if is_closing(text):
            return "leaving", safe_leaving_reply(services.chamber())
        if declines_to_talk(text) and not asks_for_callback(text):
            return "not talking", SAFE_NOT_TALKING_REPLY
        if feels_a_bother(text):
            return "fear of bothering", SAFE_NOT_A_BOTHER_REPLY
        if objects_to_the_question(text):
            return "objection", SAFE_WITH_OBJECTION_REPLY
        return None


def contact_answer_misread_now(tracker: Tracker) -> list[EventType] | None:
    """Round 27 (r27-a-11, r27-a-23, D17): "le soir apres 18h c mieux pour moi" at the time question, which the distress
    classifier alone read as distress (the crisis guard made it level 3, or a sign), got the direct question about
    suicide and the moment was lost. A contact answer of the handoff with no word of feeling or strain and no sign of the
    rules goes back to the form, which reads it as the answer it is (actions/triage_actions.py: the triage leaves it
    out too). Else None."""
    from actions.handoff import contact_answer_misread

    if tracker.active_loop.get("name") != "handoff_form":
        return None
    if not contact_answer_misread(tracker.get_slot("requested_slot"), _latest_user_text(tracker)):
        return None
    logger.info("crisis guard: a contact answer read as distress by the classifier only, back to the form")
    return [FollowupAction("handoff_form")]


class ActionCheckIn(Action):
    """Ambiguous distress (level 3): a kind word, then the direct question (asked by
    direct_question_form). Asked once per conversation: after a clear no, or on the crisis path,
    a kind word and back to where the conversation was; a clear no taken back ("en fait si, des fois
    j'y pense") is the crisis path."""

    def name(self) -> str:
        return "action_check_in"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        misread = contact_answer_misread_now(tracker)
        if misread is not None:
            return misread
        active = tracker.active_loop.get("name")
        if not active or not _own_warning_sign(_latest_user_text(tracker), model=True):
            # Round 24 (r24c-09): "je préfère tout supprimer, j'ai trop peur" on coming back got only the kind word:
            # erasing asked in other words gets the offer (the 3114 with its answer when distress is present). Round 25:
            # at a form's question too (it got the check-in), unless the words carry a warning sign of the writer's own.
            from actions.erasure_actions import erasure_during_a_form

            erased = erasure_during_a_form(dispatcher, tracker)
            if erased is not None:
                return erased
        paused = active if active in RESUMABLE_FORMS else None
        assessment = Assessment.from_slots(tracker.slots)
        if paused is None and assessment and assessment.categories and not _intake_started(tracker):
            paused = "situation_form"  # the facts came with the distress: the intake follows a clear no
        # "en fait si, des fois j'y pense": the clear no is taken back, so the crisis path.
        taken_back = take_back_reply(dispatcher, tracker, distress_words=True)
        if taken_back is not None:
            return taken_back
        if tracker.get_slot("distress") and not active:
            # After the crisis path, a callback refused then asked for ("en fait si, rappelez moi. ma fille me dit que
            # je devrais", round 14, r14b-02, read as level 3 by the model only): the consent step, as for "oui".
            again = callback_taken_up_again(dispatcher, tracker) if callback_taken_up_again else None
            if again is not None:
                return again
        if active == "handoff_form" and tracker.get_slot("distress") and _refuses_the_offer(tracker):
            # "non j'ai dit que je voulais pas deranger" at the callback offer, read as despair (round 7, r7b-13): the
            # kind word and the offer again pushed it a second time. A no, respected; the handoff says so.
            logger.info("check-in: the callback offer refused")
            if tracker.get_slot("case_reference") and tracker.get_slot("consent_at") and case_still_stands is not None:
                # Round 19 (r19a-03): a stored case keeps its callback; never "personne ne vous appellera".
                return [
                    *case_still_stands(dispatcher, tracker),
                    SlotSet("requested_slot", None),
                    ActiveLoop(None),
                    FollowupAction("action_listen"),
                ]
            said = {event.get("text") for event in tracker.events if event.get("event") == "bot"}
            dispatcher.utter_message(
                text=f"C'est entendu. {HANDOFF_REMINDER}" if AT_RISK_REFUSAL in said else AT_RISK_REFUSAL
            )
            return [
                SlotSet("wants_advisor", False),
                SlotSet("requested_slot", None),
                ActiveLoop(None),
                FollowupAction("action_listen"),
            ]
        if not tracker.get_slot("distress") and denies_unprompted(_latest_user_text(tracker)):
            # Round 9 (r9b-13): "non je ne veux pas me suicider, je suis juste fatiguée, je veux une solution pour le
            # four" got the direct question, and she had to answer "NON. je viens de vous le dire". Her no is the answer.
            dispatcher.utter_message(
                text=DENIED_UNPROMPTED_REPLY if paused else f"{DENIED_UNPROMPTED_REPLY} {OPEN_QUESTION}"
            )
            logger.info("check-in: the question answered before it was asked")
            return [SlotSet("suicide_thoughts", CLEAR_NO), FollowupAction(paused or "action_listen")]
        # "oui vous pouvez mettre que je suis épuisée" to the health question (round 19, r19c-15: read as level 3, the
        # kind word, then the health question again; the yes was never kept): the yes kept, whatever follows.
        health = _yes_at_handoff_question(dispatcher, tracker) if active == "handoff_form" else []
        if tracker.get_slot("suicide_thoughts") == CLEAR_NO or tracker.get_slot("distress"):
            # Despair said again by someone at risk ("à quoi bon", round 4): the numbers again with the kind word.
            at_risk = tracker.get_slot("distress") is True
            dispatcher.utter_message(text=f"{CHECK_IN_AGAIN} {LEAVING_REMINDER}" if at_risk else CHECK_IN_AGAIN)
            logger.info("check-in: level=3 question already answered")
            return [*health, FollowupAction(paused or "action_listen")]
        dispatcher.utter_message(text=check_in(person_at_risk(tracker)))
        logger.info("check-in: level=3 rules=%s", ",".join(_signs(tracker)) or "model")
        return [*health, SlotSet("suicide_thoughts", None), SlotSet("paused_form", paused)]


def _yes_at_handoff_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """The answer to the health question, the callback offer or the consent question, when the words that read as
    ambiguous distress say a clear yes to it: kept as the handoff's form takes a yes ("oui mais c'est moi qu'il faut
    appeler pas lui, il sait pas que je vous écris" at the offer, round 32, r32-c: the kind word, then the offer again,
    as for the health question in round 19)."""
    slot = tracker.get_slot("requested_slot")
    if slot not in ("health_consent", "wants_advisor", "consent_given") or tracker.get_slot(slot) is not None:
        return []
    if read_yes_no is None or read_yes_no(None, tracker, slot) is not True:
        return []
    if slot == "health_consent":
        return [SlotSet(slot, True)]
    if yes_as_the_form_takes_it is None:
        return []
    answer = yes_as_the_form_takes_it(dispatcher, tracker, slot, _latest_user_text(tracker))
    return [SlotSet(name, value) for name, value in answer.items()]


def denies_unprompted(text: str) -> bool:
    """A message that already says no to the direct question ("je ne veux pas me suicider, je suis juste fatiguée"):
    read as the answer to it, without a hedge or a warning sign, and with the question's own words denied."""
    return (
        bool(text)
        and not text.startswith("/")
        and answer_to_suicide_question(text) == CLEAR_NO
        and (denies_the_question(text))
    )


def _level_three_reached_now(tracker: Tracker) -> bool:
    """The triage set distress_level to 3 with the latest message (ValidateTriageSlots runs before the form)."""
    return any(
        event.get("event") == "slot" and event.get("name") == "distress_level" and event.get("value") == AMBIGUOUS
        for event in _this_turn(tracker)
    )


def check_in_in_form_reply(
    dispatcher: CollectingDispatcher, tracker: Tracker, events: list[EventType], form: str
) -> list[EventType] | None:
    """Round 9 (r9b-19, 20, 21, 23): a level-3 sign said with the answer to a form's question ("depuis 6 mois, et je suis
    épuisé, je dors plus") filled the slot, so the form never rejected the message and the rules' check-in never ran:
    no kind word, no direct question. Whenever level 3 is newly reached in a turn and the question was not asked yet,
    whatever form asks and whatever slot the message fills: the answers kept (`events`, the form's validation), the kind
    word said, the form paused and the direct question asked, as action_check_in does (the events end with a
    FollowupAction). When the same words already deny the question, its answer is recorded and the form goes on (no
    FollowupAction: the caller asks its next question). Else None."""
    asked = tracker.get_slot("requested_slot")
    undone = any(
        event.get("event") == "slot" and event.get("name") == asked and event.get("value") is None for event in events
    )
    # The answer filled by the slot mappings this turn (already in the tracker), or by the validation (its events).
    kept = (
        any(
            event.get("event") == "slot" and event.get("name") == asked and event.get("value") is not None
            for event in _this_turn(tracker)
        )
        and not undone
    ) or any(
        event.get("event") == "slot" and event.get("name") != "requested_slot" and event.get("value") is not None
        for event in events
    )
    if (
        # Nothing kept: the form rejects the message and the rules' check-in answers it (stories/crisis.yml).
        not kept
        or not _level_three_reached_now(tracker)
        or tracker.get_slot("distress")
        or tracker.get_slot("suicide_thoughts") is not None
        or _safety_answered_this_turn(tracker)
    ):
        return None
    person = person_at_risk(tracker)
    questions = {suicide_question(person), suicide_question(person, again=True)}
    if any(event.get("event") == "bot" and event.get("text") in questions for event in tracker.events):
        return None
    text = _latest_user_text(tracker)
    if denies_unprompted(text):
        dispatcher.utter_message(text=DENIED_UNPROMPTED_REPLY)
        return [*events, SlotSet("suicide_thoughts", CLEAR_NO)]
    dispatcher.utter_message(text=check_in(person))
    logger.info("check-in from inside %s: level=3 rules=%s", form, ",".join(_signs(tracker)) or "model")
    return [
        *events,
        SlotSet("suicide_thoughts", None),
        SlotSet("paused_form", form),
        ActiveLoop(None),
        SlotSet("requested_slot", None),
        FollowupAction("direct_question_form"),
    ]


def _refuses_the_offer(tracker: Tracker) -> bool:
    """A no to the callback offer or its consent, said with its reason ("non j'ai dit que je voulais pas déranger")."""
    text = _latest_user_text(tracker)
    return (
        tracker.get_slot("requested_slot") in _OFFER_QUESTIONS
        and tracker.get_slot("consent_given") is not True
        and starts_with_no(text)
        and (feels_a_bother(text) or declines_to_talk(text) or "j ai dit" in normalise(text))
        and not _own_warning_sign(text)
    )


def not_the_writer_thanks(person: str) -> str:
    """Round 20 (r20a-13, r20a-03): the question was put to someone close about themself; they said it was not about them."""
    return (
        f"Merci de me le préciser, et pardon pour la confusion : je comprends que c'est pour {your(person)} que vous "
        f"vous inquiétez. Le {SUICIDE_PREVENTION_LINE} répond aussi aux proches, jour et nuit, gratuitement."
    )


def put_to_the_writer_by_mistake(
    dispatcher: CollectingDispatcher, tracker: Tracker, slot: str, writers_questions: Collection[str]
) -> dict[str, Any] | None:
    """The question just asked was about the writer ("est-ce qu'il vous arrive de penser au suicide ?", "Êtes-vous en
    sécurité en ce moment ?") and the writer answers that it is not about them ("moi non, c'est pour lui que j'ai peur",
    "mais je vais bien moi!! c mon patron qui est crevé"), the triage now naming the person at risk: thanks, and the
    question asked again about that person (the form asks it), never the emergency numbers to the writer."""
    if tracker.get_slot("requested_slot") != slot:
        return None
    person = person_at_risk(tracker)
    text = _latest_user_text(tracker)
    # At the safety question, "lui je sais pas" or "moi oui, c'est lui le problème" answer about the person already
    # (action_after_safety_answer's relative reply): only "moi je vais bien" without more is put right here.
    other = speaks_for_someone_else(text) and slot == "suicide_thoughts"
    if person is None or not (says_not_the_writer(text) or other):
        return None
    last_bot = next((e.get("text") for e in reversed(tracker.events) if e.get("event") == "bot"), None)
    if last_bot not in writers_questions:
        return None
    if any(sign.level <= INDIRECT for sign in rule_signs(text)):
        # A sign in the same words, the writer's own or the relative's ("je m'inquiète pour mon compagnon, il dit qu'il
        # va se foutre en l'air": the simulator, seed 20261201): read as the answer it is, the crisis numbers first.
        return None
    dispatcher.utter_message(text=not_the_writer_thanks(person))
    logger.info("%s: the question put to the writer was about someone else", slot)
    return {slot: None}


class ActionAskSuicideThoughts(Action):
    def name(self) -> str:
        return "action_ask_suicide_thoughts"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        # Asked again after an answer to something else: shorter, the kind word came just before.
        person = person_at_risk(tracker)
        again = _said_since(tracker, "action_check_in", (suicide_question(person),))
        dispatcher.utter_message(text=suicide_question(person, again=again))
        return []


class ValidateDirectQuestionForm(FormValidationAction):
    """Prevention guidelines: "oui", silence, "je sais pas", "parfois", another subject -> not a clear no.
    An answer to the intake question asked before, or "pourquoi vous me demandez ça ?", first gets the
    question once more."""

    def name(self) -> str:
        return "validate_direct_question_form"

    async def extract_suicide_thoughts(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        mistaken = put_to_the_writer_by_mistake(
            dispatcher, tracker, "suicide_thoughts", (suicide_question(None), suicide_question(None, again=True))
        )
        if mistaken is not None:
            return mistaken
        return _read_answer(
            tracker,
            dispatcher,
            "suicide_thoughts",
            answer_to_suicide_question,
            "action_check_in",
            (suicide_question(person_at_risk(tracker)), suicide_question(person_at_risk(tracker), again=True)),
        )


CLEAR_NO_THANKS = "Merci pour votre réponse."


# The chamber asked to call the person someone close writes for ("vous pouvez l'appeler lui ?", "un conseiller pourrait
# le contacter ?", "appelez-la plutôt", "c'est lui qu'il faut appeler"), with or without their number.
_CALL_THEM_ASKED = re.compile(
    r"\b(?:vous|vs|un conseiller|le conseiller|quelqu'un|qqn|qlq1|on|la chambre)(?: (?:pouvez|pourriez|pourrait|peut|"
    r"pourra|pouvait|pouvez pas|pourriez pas|peut pas|allez|devriez|voulez bien))?(?: pas)? (?:l' ?|l |le |la |les )"
    r"(?:r?ap?pel\w*|contact\w*|joindre|telephon\w*)|"
    r"\b(?:r?ap?pel|contact|telephon)(?:ez|er)[- ](?:le|la|les|lui)(?= *(?:$|[,.;:!?]|directement|plutot|aussi|svp|"
    r"stp|s'il|sil|lui|elle|au|sur|donc|alors|vite|maintenant|demain))|"
    r"\bc'?(?: )?est (?:lui|elle|eux) qu'?(?: )?il faut (?:r?ap?peler|contacter|joindre)|"
    r"\b(?:appeler|rappeler|contacter) (?:lui|elle|eux) (?:plutot|directement|pas moi)"
)


def asks_to_call_them(text: str | None) -> bool:
    """Whether the words ask the chamber to call the person concerned rather than the writer (round 22, r22a-13: "mais
    vous pouvez l'appeler lui ? 06 11 22 33 44" got no answer). Whether someone close writes is the caller's to know."""
    folded = fold_text(" ".join((text or "").replace("’", "'").split()))
    return bool(folded) and not folded.startswith("/") and bool(_CALL_THEM_ASKED.search(folded))


# A clear no said with the helplines refused: thanks, and the refusal heard, without a number (round 12, r12c-11).
NUMBERS_REFUSED_CLEAR_NO_REPLY = f"{CLEAR_NO_THANKS} C'est entendu, je ne vous donne pas de numéro d'écoute."
# An illness told with the answer ("c'est la maladie", "j'ai un cancer", "la chimio me crève"), and a grave prognosis.
_ILLNESS_TOLD = re.compile(
    r"\b(?:maladie|malade|cancer|chimio\w*|radiotherapie|tumeur|leucemie|metastases?|avc|infarctus|sclerose|"
    r"parkinson|alzheimer|hospitalise\w*|hopital|soins palliatifs|greffe|dialyse)\b"
)
_PROGNOSIS_TOLD = re.compile(
    r"\b(?:medecins?|docteurs?|oncologue|specialiste)\b.{0,40}\b(?:pas (?:tres |trop |bien )?optimistes?|pessimistes?|"
    r"inquiets?|rien a faire|plus rien)\b|\b(?:pronostic|condamnee?|incurable|palliatifs?|plus que quelques (?:mois|semaines))\b"
)


def illness_acknowledged(text: str) -> str | None:
    """One warm sentence for an illness said with the answer to the direct question, or None (round 12, r12b-06)."""
    # "ça me rend malade", "malade de stress": a way of speaking, no illness.
    words = re.sub(r"\b(?:rend\w*|rendre) malade\b|\bmalade (?:de|d) \w+", " ", normalise(text or ""))
    if not _ILLNESS_TOLD.search(words):
        return None
    if _PROGNOSIS_TOLD.search(words):
        return "Je suis vraiment désolé pour cette maladie et pour ce que vous disent les médecins : c'est une épreuve très lourde."
    return "Je suis vraiment désolé pour cette maladie : c'est une épreuve très lourde."


def no_answer_reply(person: str | None) -> str:
    """One short sentence, the 3114 as information, after the direct question got no answer twice."""
    if person is None:
        return f"Je n'insiste pas ; sachez seulement que le {SUICIDE_PREVENTION_LINE} répond jour et nuit, gratuitement, si un jour ça n'allait pas."
    return f"Je n'insiste pas ; sachez seulement que le {SUICIDE_PREVENTION_LINE} répond aussi aux proches, jour et nuit, gratuitement."


def _no_answer_this_turn(tracker: Tracker) -> bool:
    """The validation of this turn recorded that the direct question got no answer."""
    return any(
        event.get("event") == "slot"
        and event.get("name") == "triage_reasons"
        and NO_ANSWER_REASON in ((event.get("value") or {}).get("overwhelm") or [])
        for event in _this_turn(tracker)
    )


class ActionAfterClearNo(Action):
    """The 3114 once, then back to the conversation: the paused form asks its question again."""

    def name(self) -> str:
        return "action_after_clear_no"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        declined = declines_to_talk(_latest_user_text(tracker))
        text = (declined_reply if declined else clear_no_reply)(person_at_risk(tracker))
        unanswered = _no_answer_this_turn(tracker)
        if unanswered:
            # Round 20: asked twice, answered twice with something else: no thanks for an answer never given, the 3114
            # once as information, and the conversation goes on where it was.
            declined, text = False, no_answer_reply(person_at_risk(tracker))
        if not declined and not unanswered and refuses_the_numbers(_latest_user_text(tracker)):
            # Round 12 (r12c-11): "non c'est pas ça. et me donnez pas de numéro de psy svp" still got the 3114 line.
            # The refusal is respected: no number in this reply (the line was given before, and stays in the case).
            text = NUMBERS_REFUSED_CLEAR_NO_REPLY
        if not declined and text.startswith(CLEAR_NO_THANKS) and asks_why_with_the_no(_latest_user_text(tracker)):
            # Round 18 (r18b-08): "euh non … enfin pourquoi vous me demandez ça": the no, and the reason asked for.
            text = f"{WHY_AFTER_CLEAR_NO} {text[len(CLEAR_NO_THANKS) :].lstrip()}"
        if (
            not declined
            and not unanswered
            and text.startswith(CLEAR_NO_THANKS)
            and person_at_risk(tracker)
            and asks_to_call_them(_latest_user_text(tracker))
        ):
            # Round 22 (r22a-13): "non je crois pas. mais vous pouvez l'appeler lui ? 06 11 22 33 44" got the 3114 line
            # and the offer again, the question unanswered: whom the advisor may call, said before the offer.
            text = f"{CLEAR_NO_THANKS} {call_them_reply(person_at_risk(tracker))}"
        illness = illness_acknowledged(_latest_user_text(tracker))
        if illness and not declined and text.startswith(CLEAR_NO_THANKS):
            # Round 12 (r12b-06): "non c'est pas ça, c'est la maladie, les médecins sont pas très optimistes" got only
            # "Merci pour votre réponse": the illness told with the no is heard first, in one warm sentence.
            text = f"{illness} {text[len(CLEAR_NO_THANKS) :].lstrip()}"
        paused = tracker.get_slot("paused_form")
        if paused is None and not declined:
            text += f" {OPEN_QUESTION}"
        elif paused == "situation_form" and not _intake_started(tracker):
            from guidance.facts import goes_to_court_as_claimant

            assessment = Assessment.from_slots(tracker.slots)
            claimant = goes_to_court_as_claimant(user_messages(tracker.events))  # round 25: "un litige à porter ..."
            restatement = assessment.restatement(claimant=claimant) if assessment else None
            # Someone close writes (round 14, r14b-07): "votre père fait face à…", never "vous faites face à…".
            restatement = said_to_the_writer(
                restatement, concerned_person(tracker.slots, user_messages(tracker.events))
            )
            if restatement:
                dispatcher.utter_message(text=text)
                text = restatement
        dispatcher.utter_message(text=text)
        return []


class ActionBereavementSupport(Action):
    """Bereaved by suicide: sympathy and the 3114, which is also for relatives; not the crisis path."""

    def name(self) -> str:
        return "action_bereavement_support"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        from actions.erasure_actions import erasure_during_a_form

        erased = erasure_during_a_form(dispatcher, tracker)  # round 25: "effacez tout" read as a bereavement
        if erased is not None:
            return erased
        dispatcher.utter_message(text=BEREAVEMENT)
        logger.info("bereavement by suicide: 3114 offered")
        return []
