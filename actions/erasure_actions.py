"""The artisan asks to erase what they wrote ("effacez mes données", "supprimez tout"), in the intake, the
handoff or outside any question: asked to confirm once, then done for this conversation.

- ``action_answer_faq`` (actions/faq_actions.py) answers a request to erase with the offer (``offer_erasure``:
  ``ERASE_OFFER``, yes/no buttons), and a question pending in a form waits.
- The confirmation (a yes, or the request said again, right after the offer) runs
  ``action_erase_conversation``: a callback request is withdrawn and its case erased at once (cases.outbox
  withdraw, audited as the artisan's act), and the conversation restarts. The tracker store
  (bot/tracker_store.py) deletes every event stored before that restart in the same save: nothing the
  artisan wrote stays on the server. A no leaves everything as it was, and the pending question comes back.

What the widget's own button does (it empties this device) is said too: the two are different things.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from actions.handoff import consented
from french.text import fold_in_place
from intake.answers import (
    HEALTH,
    asks_how_long_kept,
    asks_which_health,
    asks_who_reads,
    fears_it_gets_known,
    fears_others_told,
    fears_someone_sees,
    is_withdrawal,
    keeps_the_call,
    mentions_erasing,
    mentions_time_difference,
    part_to_remove,
)
from intake.service_questions import no_one_told_text

ERASE_ACTION = "action_erase_conversation"  # its name marks the restart the tracker store erases before
ERASE_REQUEST_KEY = "faq/delete_data"
# The slot that remembers the offer: the form it interrupted ("aucune" when none), resumed after a no.
OFFERED_SLOT = "erasure_offered"
NO_LOOP = "aucune"
ERASED_SLOT = "conversation_erased"

ERASE_OFFER = "Voulez-vous que j'efface tout ce que vous m'avez écrit dans cette conversation ? Rien n'a été transmis à la chambre."
ERASE_OFFER_WITH_CASE = (
    "Voulez-vous que j'annule votre demande de rappel et que j'efface tout ce que vous m'avez écrit ici ? "
    "Le conseiller ne verra plus rien."
)
ERASE_BUTTONS = [{"title": "Oui, tout effacer", "payload": "/affirm"}, {"title": "Non", "payload": "/deny"}]
ERASED = (
    "C'est fait : j'ai effacé cette conversation de nos serveurs. Le bouton « Effacer la conversation » "
    "la retire aussi de cet écran. Vous pouvez repartir de zéro quand vous voulez."
)
ERASED_WITH_CASE = (
    "C'est fait : j'ai annulé votre demande de rappel et effacé cette conversation de nos serveurs. "
    "Le bouton « Effacer la conversation » la retire aussi de cet écran."
)
KEPT = "D'accord, je n'efface rien."
ERASED_BRIEF = (
    "C'est fait : j'ai effacé cette conversation de nos serveurs. Le bouton « Effacer la conversation » la retire aussi "
    "de cet écran."
)


def erased_text(slots: Any, had_case: bool) -> str:
    """The confirmation; after a warning sign, the numbers with it (round 17, r17b-07, r17b-16: "C'est fait" alone, to
    a man at risk and to a husband writing of his wife): the restart that follows forgets the crisis path."""
    from chamber.emergency import EUROPEAN_EMERGENCY, SAMU, SUICIDE_PREVENTION_LINE
    from guidance.crisis import LEAVING_REMINDER

    if not (slots.get("distress") or slots.get("person_at_risk")):
        return ERASED_WITH_CASE if had_case else ERASED
    done = ERASED_WITH_CASE if had_case else ERASED_BRIEF
    if slots.get("person_at_risk"):
        return (
            f"{done} Le {SUICIDE_PREVENTION_LINE} répond aussi aux proches, jour et nuit, gratuitement, et en cas de "
            f"danger immédiat, le {SAMU} ou le {EUROPEAN_EMERGENCY}."
        )
    return f"{done} {LEAVING_REMINDER}"


ERASE_HINT = "Pour tout effacer maintenant, écrivez « effacez mes données »."


# Round 16, r16b-10/18: "oui mais vous pourrez supprimer après ?", "je pourrai les faire supprimer plus tard mes données
# ?" at the consent question got the offer to erase now, and the "oui" after it erased an urgent consented callback.
# Erasing later, asked or wished, is a question about the data (answered: yes, how, and how long it is kept): words of
# later ("après", "plus tard", "un jour", "quand je veux"), the future of "pouvoir" or "être" ("vous pourrez",
# "ce sera effacé"), "automatiquement"; never with "maintenant" / "tout de suite".
_LATER = re.compile(
    r"\b(?:plus tard|plus tart|ensuite|par la suite|apres coup|un jour|a tout moment|n'importe quand|nimporte quand|"
    r"quand je (?:veux|voudrai|voudrais|le souhaite|le souhaiterai|le demande|le demanderai)|si je change d'avis|"
    r"a la fin|a l'avenir|dans le futur|au besoin|si besoin|si je (?:veux|le veux|le souhaite|le demande)|le jour ou|"
    r"une fois (?:que|qu'|le|la|l'|mon|ma|fini|termine|regle)|des que|lorsque|"
    r"(?:apres|apre)(?! (?:je|j'|on|il|elle|ca|c'|nous|vous|tout|ce que)\b))\b"
)
_FUTURE = re.compile(
    r"\b(?:pourr(?:ai|as|a|ons|ez|ont)|sera|seront|seras|serez|serai|faudra|vais pouvoir|allez pouvoir|va pouvoir)\b"
)
_AUTOMATIC = re.compile(r"\b(?:automatiquement|tout seul|toute seule|toutes seules|tous seuls|d'office)\b")
_NOW = re.compile(
    r"\b(?:maintenant|mtn|tout de suite|tt de suite|toute de suite|de suite|direct|directement|immediatement|"
    r"des maintenant|asap|aujourd'hui|tout suite)\b"
)
# Erasing now asked in ordinary words, whatever the classifier made of them (r16b-04: "en fait effacez tout svp je veux
# pas laisser de trace" read as a request for a call, then as its refusal). A verb of erasing with what was written
# ("effacez tout", "supprimez ce que j'ai écrit", "efface tt stp", "tout supprimer"), no trace to be left, "droit à
# l'oubli". A debt or an overdraft erased ("effacer ma dette", "ils ont supprimé mon découvert") is none.
_ERASE_VERB = r"(?:effac\w*|efface|supprim\w*|suprim\w*|detrui\w*|detruire)"
_WRITTEN = (
    r"(?:tout(?! (?:le|la|les|un|une|des|son|sa|ses|leur|leurs|nos|vos|mon|ma)\b)|tt|toutes? (?:mes|les|ces) (?:donnees|infos?|"
    r"informations|messages?|echanges|traces)|(?:mes|les|ces|vos|nos) (?:donnees|infos?|informations|messages?|"
    r"coordonnees|traces|echanges|reponses|conversations?)|mon (?:historique|message|numero|nom|prenom|dossier)|"
    r"ce que (?:j'ai|jai|je vous ai|je t'ai|je vs ai) (?:\w+ )?(?:ecrit|dit|mis|raconte|envoye|tape|confie|donne)|"
    # "effacez ce que je viens d'écrire", "supprimez mon dernier message" (round 17, r17b-07: not read).
    r"ce que je (?:viens|venais) (?:de vous |de |d')(?:ecrire|dire|envoyer|taper|raconter|mettre)|"
    r"(?:mon|ce) dernier message|ce message|mes (?:deux )?derniers messages|"
    r"(?:cette|la|notre|ma|cet) (?:conversation|discussion|conv|echange|historique)|l'historique|ca|ça|le tout|"
    r"(?:tous|tout) (?:mes|les) (?:messages?|donnees|infos?|echanges))"
)
_ERASE_NOW = re.compile(
    rf"\b{_ERASE_VERB}(?:-(?:les|le|la|moi|tout))?(?: \w+){{0,3}}? {_WRITTEN}\b|"
    # "tout supprimer svp", never "la banque a tout supprimé" (what someone did).
    rf"(?<!\ba )(?<!\bont )(?<!\bai )(?<!\bas )(?<!\bavez )(?<!\bavait )(?<!\bjai )\b(?:tout|tt)(?: \w+)? {_ERASE_VERB}\b|"
    r"\b(?:laisser|laisse|laisses|garder|garde|avoir)\b(?: \w+){0,3}? traces?\b|\b(?:aucune|zero) traces?\b|"
    r"\b(?:veux|voudrais|veut|souhaite|souhaiterais|aimerais|demande|exige)\b(?: \w+){0,2} (?:que vous|qu'on|que tu|"
    r"que la chambre)(?: \w+){0,2} (?:effac|supprim|suprim|detrui)\w*|"
    r"\bdroit (?:a l'oubli|de suppression|a l'effacement|d'effacement)|\bfaire disparaitre\b|"
    # "je veux juste que ce soit effacé", "que tout ça soit supprimé" (round 17, r17b-07: read as a refused call).
    r"\b(?:que|qu') ?(?:ce|ca|cela|tout|tout ca|tout cela|mes messages|ce que j'ai ecrit) (?:soit|soient|sois|soit bien) "
    r"(?:tout )?(?:efface|effacee?s?|supprimee?s?|detruite?s?)\b"
)


def retention_text(
    chamber: Any, conversation_days: int, *, case: bool, handoff: bool, how_to_erase: bool = False
) -> str:
    """How long what the artisan said is kept, with the figures the consent question gives (actions/handoff.py
    consent_text: the chamber's ``retention_days`` after the follow-up ends, ``max_case_age_days`` at the latest) and the
    conversation's own (RELAIS_TRACKER_RETENTION_DAYS). Round 9, r9a-20/21: asked at the consent question, it got the
    offer to erase, or the conversation's 7 days alone when the case's figures were the answer. ``how_to_erase``: the
    question also asked how to erase ("... et je peux les faire supprimer ?"): what to write for the offer."""
    kept = (
        f"vos données sont effacées {chamber.retention_days} jours après la fin de votre suivi, et au plus tard "
        f"{chamber.max_case_age_days} jours après votre demande"
    )
    if case:
        return f"{kept[0].upper()}{kept[1:]}. Pour les effacer avant, écrivez « annulez ma demande »."
    hint = f" {ERASE_HINT}" if how_to_erase else ""
    if handoff:
        return f"Si vous acceptez, {kept}. Sinon, cette conversation est effacée au bout de {conversation_days} jours.{hint}"
    return (
        f"Cette conversation est effacée de nos serveurs au bout de {conversation_days} jours. Si un conseiller vous "
        f"rappelle, {kept}.{hint}"
    )


def _has_case(tracker: Tracker) -> bool:
    return bool(tracker.get_slot("case_reference")) or consented(tracker.slots)


def _folded(text: str | None) -> str:
    return " ".join(fold_in_place(text or "").split()).strip(" .!")


# Erasing said of something else than what was written: a debt, an overdraft, a job ("ma dette pourra être effacée
# plus tard ?"). Only read when the classifier did not take the words for a question about the data.
_NOT_THE_DATA = re.compile(
    r"\b(?:dettes?|penalites?|majorations?|decouverts?|credits?|prets?|interets|postes?|salaries?|emplois?|aides?|"
    r"allocations?|agrements?|permis|frais|factures?|amendes?|impots?|cotisations?|loyers?|mandat|commande)\b"
)
_ERASE_STEM = re.compile(r"\b(?:effac|supprim|suprim|detrui|suppression|effacement)\w*")


def erasure_later_asked(text: str | None) -> bool:
    """Words that ask whether, or wish that, what was written can be erased LATER ("oui mais vous pourrez supprimer
    après ?", "je pourrai les faire supprimer plus tard mes données ?", "c'est effacé après ?", "on pourra tout effacer
    ensuite ?"): a question about the data, never a request to erase now (round 16, r16b-10/18). Words of now
    ("effacez tout maintenant") are a request."""
    folded = _folded(text)
    if not folded or folded.startswith("/") or not mentions_erasing(text) or _NOW.search(folded):
        return False
    return bool(_LATER.search(folded) or _FUTURE.search(folded) or _AUTOMATIC.search(folded))


def erasure_asked_in_words(text: str | None) -> bool:
    """Erasing now asked in ordinary words, whatever the classifier read ("effacez tout svp je veux pas laisser de
    trace", "supprimez ce que j'ai écrit", "efface tt stp", "tout supprimer"): round 16, r16b-04. Erasing later, a
    question about how long things are kept, or a debt erased, are not."""
    folded = _folded(text)
    if not folded or folded.startswith("/") or erasure_later_asked(text) or asks_how_long_kept(text):
        return False
    if part_to_remove(text):
        return False  # one part only (part_removal)
    found = _ERASE_NOW.search(folded)
    if not found:
        return False
    return not (_NOT_THE_DATA.search(folded) and not re.search(r"\b(?:traces?|donnees|conversation|ecrit)\b", folded))


def later_erasure_text(chamber: Any, conversation_days: int, *, case: bool, handoff: bool) -> str:
    """The answer to "vous pourrez l'effacer après ?": yes, how (true to the software: "annulez ma demande" erases a
    callback request at once, the chamber's address later, "effacez mes données" erases the conversation), and how
    long things are kept otherwise (the consent question's figures, and the conversation's)."""
    kept = (
        f"vos données sont effacées {chamber.retention_days} jours après la fin de votre suivi, et au plus tard "
        f"{chamber.max_case_age_days} jours après votre demande"
    )
    how = (
        f"écrivez ici « annulez ma demande », ou plus tard à {chamber.email} en donnant votre référence : "
        "l'effacement est immédiat"
    )
    if case:
        return f"Oui, quand vous voulez : {how}. Sinon, {kept}."
    if handoff:
        return (
            f"Oui. Si vous acceptez, vous pourrez tout faire effacer quand vous voulez : {how}. Sinon, {kept}. "
            f"Sans votre accord, rien n'est transmis, et cette conversation est effacée au bout de {conversation_days} "
            "jours."
        )
    return (
        f"Oui. Cette conversation est effacée de nos serveurs au bout de {conversation_days} jours, et vous pouvez la "
        f"faire effacer avant, quand vous voulez : écrivez « effacez mes données ». Si un conseiller vous rappelle, "
        f"{kept}."
    )


def _latest_words(tracker: Tracker) -> str:
    return str((tracker.latest_message or {}).get("text") or "")


def _latest_intent(tracker: Tracker) -> str:
    return str(((tracker.latest_message or {}).get("intent") or {}).get("name") or "")


def _say_later_erasure(dispatcher: CollectingDispatcher, tracker: Tracker, *, consenting: bool = False) -> None:
    slots = tracker.slots
    handoff = tracker.active_loop_name == "handoff_form" or slots.get("wants_advisor") is True
    text = later_erasure_text(
        services.chamber(),
        services.tracker_retention_days(),
        case=_has_case(tracker) or consenting,
        handoff=handoff,
    )
    dispatcher.utter_message(text=text)
    from intake.service_questions import WHO_READS_ONLY

    if asks_who_reads(_latest_words(tracker)):
        # "est ce que je peux tout effacer apres ? et qui a acces a mes infos ?" (round 27, r27-b-18): both answered.
        dispatcher.utter_message(text=WHO_READS_ONLY)


def _before_latest_message(tracker: Tracker) -> list[dict[str, Any]]:
    events = list(tracker.events)
    last_user = max((i for i, event in enumerate(events) if event.get("event") == "user"), default=len(events))
    return events[:last_user]


def _loop_before_message(tracker: Tracker) -> str | None:
    """The form that was asking when the artisan wrote (this turn's rules may have closed it: "effacez tout" read
    as a request for a call closed the intake to open the handoff)."""
    loops = [event for event in _before_latest_message(tracker) if event.get("event") == "active_loop"]
    if not loops:
        return tracker.active_loop_name
    return loops[-1].get("name") or None


def _slot_before_message(tracker: Tracker, name: str) -> Any:
    values = [
        event.get("value")
        for event in _before_latest_message(tracker)
        if event.get("event") == "slot" and event.get("name") == name
    ]
    return values[-1] if values else None


def erasure_in_handoff(
    dispatcher: CollectingDispatcher, tracker: Tracker, withdraws_consent: Callable[[Tracker], bool]
) -> list[EventType] | None:
    """For the handoff form's validation (actions/handoff_actions.py), before it reads the words as an answer.

    - The classifier's request to erase (``erasure_requested``): nothing here, ``action_answer_faq`` answers next
      (the offer, or for erasing later its answer).
    - Erasing now asked in other words ("en fait effacez tout svp je veux pas laisser de trace", read as a request
      for a call, then as its refusal: round 16, r16b-04): the offer, the handoff closed, the form that was asking
      kept for after a no, and a call the same words asked for undone.
    - Erasing later asked with another answer ("oui d'accord mais vous pourrez l'effacer après ?", read as a yes):
      the question answered, and None: the form reads the answer as before (the consent kept, the next question).
    None: nothing of erasing in the words. ``withdraws_consent``: the handoff's own reading of a withdrawal (passed in:
    the handoff imports this module)."""
    if erasure_requested(tracker):
        return []
    words = _latest_words(tracker)
    if erasure_asked_in_words(words):
        consented_before = tracker.get_slot("consent_given") is True and tracker.get_slot("requested_slot") not in (
            "wants_advisor",
            "consent_given",
        )
        if consented_before and withdraws_consent(tracker):
            # "annulez ma demande et supprimez mes données" after the consent: the handoff's own withdrawal (the
            # case erased at once) answers it, as before.
            return None
        text = ERASE_OFFER_WITH_CASE if _has_case(tracker) else ERASE_OFFER
        dispatcher.utter_message(text=text, buttons=ERASE_BUTTONS)
        loop = _loop_before_message(tracker)
        events: list[EventType] = [
            SlotSet(OFFERED_SLOT, loop or NO_LOOP),
            ActiveLoop(None),
            SlotSet("requested_slot", None),
        ]
        wanted = _slot_before_message(tracker, "wants_advisor")
        if tracker.get_slot("wants_advisor") != wanted:
            events.append(SlotSet("wants_advisor", wanted))
        return [*events, FollowupAction("action_listen")]
    if _latest_intent(tracker) == "faq":
        return None  # a question about the service: action_answer_faq answers it (the form rejects the turn)
    if erasure_later_asked(words) and _ERASE_STEM.search(_folded(words)) and not _NOT_THE_DATA.search(_folded(words)):
        consenting = _latest_intent(tracker) == "affirm" and tracker.get_slot("requested_slot") == "consent_given"
        _say_later_erasure(dispatcher, tracker, consenting=consenting)
    return None


def erasure_requested(tracker: Tracker) -> bool:
    """Whether the latest message asks to erase the conversation ("effacez mes données"): the offer answers it,
    wherever it comes (the handoff's validation leaves it alone rather than read it as a refused call)."""
    latest = tracker.latest_message or {}
    if (latest.get("intent") or {}).get("name") != "faq":
        return False
    selected = ((latest.get("response_selector") or {}).get("default") or {}).get("response") or {}
    return selected.get("intent_response_key") == ERASE_REQUEST_KEY


def offer_pending(tracker: Tracker) -> bool:
    """Whether the bot's last words before the artisan's latest message were the offer to erase."""
    events = list(tracker.events)
    last_user = max((i for i, event in enumerate(events) if event.get("event") == "user"), default=-1)
    for event in reversed(events[: max(last_user, 0)]):
        if event.get("event") == "bot":
            return event.get("text") in (ERASE_OFFER, ERASE_OFFER_WITH_CASE)
        if event.get("event") == "user":
            return False
    return False


def offer_erasure(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """The offer, with yes/no buttons; a form's question waits (the form is resumed after a no). Erasing later asked
    ("oui mais vous pourrez supprimer après ?", round 16, r16b-10/18): its answer instead, and the form's question
    comes back (the rule goes back to the form)."""
    if erasure_later_asked(_latest_words(tracker)):
        _say_later_erasure(dispatcher, tracker)
        return []
    text = ERASE_OFFER_WITH_CASE if _has_case(tracker) else ERASE_OFFER
    dispatcher.utter_message(text=text, buttons=ERASE_BUTTONS)
    loop = tracker.active_loop_name
    events: list[EventType] = [SlotSet(OFFERED_SLOT, loop or NO_LOOP)]
    if loop:
        events += [ActiveLoop(None), SlotSet("requested_slot", None)]
    # The rule that brought us here would go back to the form: the yes or no comes first.
    return [*events, FollowupAction("action_listen")]


def answer_to_offer(dispatcher: CollectingDispatcher, tracker: Tracker, yes: bool) -> list[EventType]:
    """A yes erases; a no keeps everything and takes up the interrupted question again. A yes that asks about erasing
    later ("oui mais je pourrai le faire effacer plus tard ?") erases nothing: the question answered, as after a no."""
    later = erasure_later_asked(_latest_words(tracker))
    if yes and not later:
        return [FollowupAction(ERASE_ACTION)]
    dispatcher.utter_message(text=KEPT)
    if later:
        _say_later_erasure(dispatcher, tracker)
    loop = tracker.get_slot(OFFERED_SLOT)
    events: list[EventType] = [SlotSet(OFFERED_SLOT, None)]
    if not loop or loop == NO_LOOP:
        return events
    from actions.asking import ask, can_ask

    pending = _pending_before_offer(tracker)
    if loop in _FORMS and pending is not None and can_ask(pending):
        # Round 25: the form's question again, the form active, and nothing read from this "non". FollowupAction(form)
        # activated the form, and Rasa validates the message that activates it: the "non" that kept everything was read
        # as the pending answer (the consent refused, "Sous quelle forme ... ?" passed, "Depuis quand ?" explained).
        ask(pending, dispatcher, tracker)
        return [
            *events,
            ActiveLoop(loop),
            SlotSet(pending, None),
            SlotSet("requested_slot", pending),
            FollowupAction("action_listen"),
        ]
    return [*events, FollowupAction(loop)]


_FORMS = ("situation_form", "handoff_form")


# Round 29 (r29-b-31): "non finalement laissez" to "Voulez-vous que j'annule votre demande … ?", read as neither yes nor
# no, renamed the contact "Finalement Laissez" (a name put right after a no). A no, or words that keep everything
# ("laissez", "gardez tout", "n'effacez rien", "c'est bon"), opening the answer, before any word that erases.
_KEEP_AT_THE_OFFER = re.compile(
    r"^(?:(?:ah|bon|euh|heu|hmm|ok|finalement|en fait|enfin|attendez|pardon|merci)[\s,.!…]+)*"
    r"(?:non|nan|nn|no|nop|pas la peine|surtout pas|laisse[zr]?|gardez|garde[zr]?|n'?(?: )?effacez (?:pas|rien)|"
    r"ne (?:supprimez|effacez) (?:pas|rien)|c'?(?: )?est bon|cest bon|tant pis|oubliez|finalement non|en fait non)\b"
)


_A_PART_NAMED = re.compile(
    r"\b(?:seulement|uniquement|juste|sauf|excepte|la partie|le passage|le paragraphe|ce que j'?(?: )?ai (?:dit|ecrit) sur)\b"
)


def offer_refused_in_words(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The offer to erase answered no in words the classifier read as neither yes nor no ("non finalement laissez",
    "euh non gardez tout"): everything kept, as after the "Non" button. None when no offer waits or the words erase."""
    words = _latest_words(tracker)
    if not offer_pending(tracker) or erasure_asked_in_words(words) or not _KEEP_AT_THE_OFFER.search(_folded(words)):
        return None
    if _A_PART_NAMED.search(_folded(words)):
        return None  # "non, seulement la santé": no to the whole, a part asked out (consent_part_withdrawn reads it)
    return answer_to_offer(dispatcher, tracker, yes=False)


def _pending_before_offer(tracker: Tracker) -> str | None:
    """The form question that was waiting when the offer to erase was made: the last requested slot set before it."""
    events = list(tracker.events)
    offered = max(
        (
            i
            for i, e in enumerate(events)
            if e.get("event") == "slot" and e.get("name") == OFFERED_SLOT and e.get("value")
        ),
        default=None,
    )
    if offered is None:
        return None
    asked = next(
        (
            e.get("value")
            for e in reversed(events[:offered])
            if e.get("event") == "slot" and e.get("name") == "requested_slot"
        ),
        None,
    )
    return asked if isinstance(asked, str) else None


def erasure_during_a_form(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Erasing now asked in ordinary words while a form question waits, whatever the classifier read and whatever rule
    answered it (round 25: "je préfère tout supprimer", "effacez tout", "supprimez mes données" at an intake or handoff
    question, read as distress, a goodbye, a "why", a thanks or a new fact, got the check-in or that rule's reply): the
    offer, the form's question kept for after a no. The 2026-12-06 fix of the intake's validation ("si finalement,
    supprimez tout" read as not understood), for every action a rule runs in the middle of a form. Outside a form,
    erasure_outside_forms. None when the words ask no erasure, when the classifier's request to erase is action_answer_faq's,
    or after the consent when the words also cancel the request ("annulez ma demande et ..."): the handoff's withdrawal.
    After the consent, erasing alone gets the offer that names the callback request (ERASE_OFFER_WITH_CASE)."""
    loop = _loop_before_message(tracker)
    if loop not in _FORMS:
        return erasure_outside_forms(dispatcher, tracker) if not tracker.active_loop_name else None
    words = _latest_words(tracker)
    if erasure_requested(tracker) or not erasure_asked_in_words(words):
        return None
    if offer_pending(tracker):
        return answer_to_offer(dispatcher, tracker, yes=True)
    if consented(tracker.slots) and is_withdrawal(_ERASE_NOW.sub(" ", _folded(words)), explicit_only=True):
        return None  # "annulez ma demande et supprimez mes données": the handoff's withdrawal, as in its validation
    dispatcher.utter_message(text=ERASE_OFFER_WITH_CASE if _has_case(tracker) else ERASE_OFFER, buttons=ERASE_BUTTONS)
    events: list[EventType] = [SlotSet(OFFERED_SLOT, loop), ActiveLoop(None), SlotSet("requested_slot", None)]
    wanted = _slot_before_message(tracker, "wants_advisor")
    if tracker.get_slot("wants_advisor") != wanted:
        events.append(SlotSet("wants_advisor", wanted))  # "effacez tout" read as a request for a call: undone
    return [*events, FollowupAction("action_listen")]


class ActionEraseConversation(Action):
    """Confirmed: the callback request withdrawn (its case erased at once), the conversation restarted; the
    tracker store deletes what was stored before the restart. The chamber's words are set again for the
    responses that use them."""

    def name(self) -> str:
        return ERASE_ACTION

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        had_case = _has_case(tracker)
        if had_case:
            services.case_outbox().withdraw(tracker.sender_id)
        dispatcher.utter_message(text=erased_text(tracker.slots, had_case))
        chamber = services.chamber()
        return [
            Restarted(),
            SlotSet("chamber_name", chamber.name),
            SlotSet("chamber_phone", chamber.phone),
            SlotSet("chamber_hours", chamber.hours_text),
            SlotSet("chamber_email", chamber.email),
            SlotSet("conversation_retention_days", str(services.tracker_retention_days())),
            # The session that starts after the restart: "C'est fait" was just said, no "Bonjour" follows it.
            SlotSet(ERASED_SLOT, True),
        ]


# One part taken back, not the whole (round 17, r17a-06, r17a-02): "enlevez la partie sur le cancer", "je retire mon
# accord pour l'information de santé", "non pas tout, juste la santé" got the all-or-nothing offer, then "D'accord, je
# n'efface rien", and the health quotes stayed in the case. What was said of health is what the software can take out
# (the health consent withdrawn: cases.drafts strips it, the summary drops it); another passage it cannot, said so.
HEALTH_REMOVED = (
    "C'est fait : j'ai retiré de votre demande ce qui touche à votre santé. Le reste est gardé, et votre référence "
    "reste {reference}."
)
HEALTH_NOT_PASSED_ON = (
    "C'est noté : ce qui touche à votre santé ne sera pas transmis au conseiller. Le reste de votre demande est gardé."
)
HEALTH_NOTHING_SENT = "C'est noté : rien n'a été transmis à la chambre, et ce qui touche à votre santé ne le sera pas."
PART_NOT_ALONE = (
    "Je ne peux pas retirer seulement ce passage d'ici ; si vous gardez votre demande, vous pourrez demander au "
    "conseiller de ne pas en tenir compte quand il vous appellera."
)
PART_CALL_KEPT = (
    "D'accord, votre demande est gardée. Je ne peux pas retirer seulement ce passage d'ici : vous pourrez demander au "
    "conseiller de ne pas en tenir compte quand il vous appellera."
)
PART_NOTHING_SENT = "Je ne peux pas effacer seulement ce passage, mais rien n'a été transmis à la chambre."


def part_removal(
    dispatcher: CollectingDispatcher, tracker: Tracker, save_case: Callable[[Tracker, dict[str, Any]], Any]
) -> list[EventType] | None:
    """One part of what was given taken back (``intake.answers.part_to_remove``), wherever it comes: in the handoff
    form, outside any question, or as the answer to the offer to erase everything. Health: the health consent
    withdrawn, the case (when stored) saved again without it, said plainly; another passage: said that it cannot be
    taken out alone, and the whole offered unless the call was kept in so many words. None: no part named.
    The form that was asking, or that the offer interrupted, goes on. ``save_case``: the handoff's (passed in: the
    handoff imports this module)."""
    words = _latest_words(tracker)
    after_offer = offer_pending(tracker)
    part = part_to_remove(words, after_offer=after_offer)
    if part is None:
        return None
    slots = dict(tracker.slots)
    case = _has_case(tracker)
    resume: list[EventType] = []
    if after_offer:
        loop = tracker.get_slot(OFFERED_SLOT)
        resume = [SlotSet(OFFERED_SLOT, None)]
        if loop and loop != NO_LOOP:
            resume.append(FollowupAction(loop))
    if part == HEALTH:
        events: list[EventType] = [SlotSet("health_consent", False)]
        if slots.get("case_reference"):
            result = save_case(tracker, {**slots, "health_consent": False})
            events.append(SlotSet("case_reference", result.reference))
            text = HEALTH_REMOVED.format(reference=result.reference)
        else:
            text = HEALTH_NOT_PASSED_ON if consented(slots) else HEALTH_NOTHING_SENT
        dispatcher.utter_message(text=text)
        tracker.slots["health_consent"] = False
        return [*events, *resume]
    if case and keeps_the_call(words):
        dispatcher.utter_message(text=PART_CALL_KEPT)
        return resume
    if after_offer and not case:
        dispatcher.utter_message(text=f"{PART_NOTHING_SENT} {KEPT}")
        return resume
    dispatcher.utter_message(text=PART_NOT_ALONE if case else PART_NOTHING_SENT)
    dispatcher.utter_message(text=ERASE_OFFER_WITH_CASE if case else ERASE_OFFER, buttons=ERASE_BUTTONS)
    loop = tracker.active_loop_name or (tracker.get_slot(OFFERED_SLOT) if after_offer else None)
    offered: list[EventType] = [SlotSet(OFFERED_SLOT, loop or NO_LOOP)]
    if tracker.active_loop_name:
        offered += [ActiveLoop(None), SlotSet("requested_slot", None)]
    return [*offered, FollowupAction("action_listen")]


# Questions back and worries at the consent questions (round 17, r17a-08, r17a-14): answered, then the question again.
PRIVACY_BEFORE_CONSENT = (
    "Ce que vous écrivez ici n'est lu que par les conseillers de la chambre, et je ne vous envoie rien par e-mail. "
    "Si vous répondez non, rien n'est transmis."
)
PRIVACY_AFTER_CONSENT = (
    "Ce que vous écrivez ici n'est lu que par les conseillers de la chambre, et je ne vous envoie rien par e-mail : le "
    "conseiller appellera le numéro que vous choisirez. Si vous préférez tout annuler, écrivez « annulez ma demande »."
)
_FORM_QUESTIONS_OF_CONSENT = ("consent_given", "health_consent", "contact_name", "phone", "email", "callback_slot")


def which_health_text(slots: Any) -> str:
    """What was taken for health information, in the artisan's words, and what a no does."""
    from actions.handoff import health_quotes

    quotes = health_quotes(slots)
    if quotes:
        said = ", ".join(quotes)
        return (
            f"J'ai compris comme une information de santé ce que vous avez écrit : {said}. Si vous répondez non, cela "
            "reste de côté et n'est pas transmis au conseiller."
        )
    return (
        "Vous avez parlé de votre santé ou de votre fatigue. Si vous répondez non, cela reste de côté et n'est pas "
        "transmis au conseiller."
    )


WHO_READS = (
    "Seuls les conseillers de la Chambre de métiers et de l'artisanat lisent ce que vous écrivez, et c'est l'un d'eux "
    "qui vous rappelle. Rien ne leur est transmis sans votre accord."
)


# Round 18 (r18a-09): "le conseiller, il connaît le garage ? je ne veux pas que ça se sache à Roanne" got the offer again.
KEPT_DISCREET = (
    "Les conseillers de la chambre sont tenus à la discrétion : ils ne parlent de votre situation à personne autour de "
    "vous. Si vous connaissez quelqu'un à la chambre, dites-le au conseiller qui vous rappelle."
)


TIME_DIFFERENCE_KEPT = (
    "Le décalage horaire est pris en compte : le moment de l'appel vous est proposé à l'heure de chez vous."
)


def who_reads_text(words: str | None, consented_now: bool) -> str | None:
    """The answer to "who reads / who calls back / will you tell the police? / will it be known here?", or None when
    the words ask none."""
    if fears_others_told(words):
        # "le conseiller il va pas prévenir ma banque ?" (round 22, r22b-10): the bank named, the bank answered.
        return no_one_told_text(words)
    known = KEPT_DISCREET if fears_it_gets_known(words) else None
    if asks_who_reads(words) and mentions_time_difference(words):
        # Round 18 (r18a-05): "quelqu'un de la Réunion ou de Paris ? parce que le décalage horaire...".
        return f"{WHO_READS.split('. ', maxsplit=1)[0]}. {TIME_DIFFERENCE_KEPT}"
    if asks_who_reads(words):
        reads = PRIVACY_AFTER_CONSENT if consented_now else WHO_READS
        # Three sentences at most: the discretion, without the advice about someone known at the chamber.
        return f"{reads} {known.split('. ')[0]}." if known else reads
    return known


def consent_worry_text(tracker: Tracker) -> str | None:
    """The answer to a question back or a worry said at a consent question, or right after it (who else could see,
    which health information); None when the words say neither."""
    asked = tracker.get_slot("requested_slot")
    words = _latest_words(tracker)
    if asked in (*_FORM_QUESTIONS_OF_CONSENT, "wants_advisor"):
        # Round 18 (r18b-04, r18b-11, r18b-13): who reads, who calls, whether anyone is told, answered before the
        # question comes again (it was asked again alone, or the words became the case's request).
        told = who_reads_text(words, consented(tracker.slots))
        if told is not None:
            return told
    if asked not in _FORM_QUESTIONS_OF_CONSENT:
        return None
    if asked == "health_consent" and asks_which_health(words):
        return which_health_text(tracker.slots)
    if fears_someone_sees(words):
        return PRIVACY_AFTER_CONSENT if consented(tracker.slots) else PRIVACY_BEFORE_CONSENT
    return None


def erasure_outside_forms(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Erasing now asked in ordinary words outside any form, whatever the classifier read ("effacez ce que je viens
    d'écrire", "je veux juste que ce soit effacé": round 17, r17b-07, read as a refused call or a question): the offer,
    or, said again right after it, the erasure. None otherwise (the classifier's request goes to action_answer_faq)."""
    if tracker.active_loop_name or erasure_requested(tracker) or not erasure_asked_in_words(_latest_words(tracker)):
        return None
    if offer_pending(tracker):
        return answer_to_offer(dispatcher, tracker, yes=True)
    return offer_erasure(dispatcher, tracker)
