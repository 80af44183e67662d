"""The place question, validated once for every form that asks it (situation_form, handoff_form).

Found -> the département code (and the commune named, for the advisor); a name shared by several
départements -> the question again, with the candidates as buttons; not read -> asked once more with an
example, then kept as typed for the advisor. Never a loop, never a blocked handoff.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import services
from actions.conversation import SKIP_BUTTON, SKIPPED, user_messages, value_before_latest_message
from actions.intake import FEELING_HEARD
from actions.unanswered import answered_another_question
from chamber import Chamber
from intake.answers import (
    HESITATION,
    NO,
    OTHER,
    TAKE_YOUR_TIME,
    YES,
    asks_if_confidential,
    is_correction,
    is_skip,
    is_waiting,
    kind as answer_kind,
)
from intake.facts import extract_facts, fold, hyphened_departement, is_place_mention, without_phone_digits
from places import (
    NOT_FOUND,
    departement_code,
    departement_name,
    find_in_text,
    names_a_departement,
    names_a_known_town,
    resolve,
)
from places.choice import choose, settled_by_another_town, speaks_of_choices
from places.resolve import namesake_said_alone, place_said_alone, said_as_a_place, said_as_whereabouts
from places.text import normalise
from triage.distress import AMBIGUOUS as LEVEL_THREE

MAX_CHOICES = 3
_NONE_OF_THESE = re.compile(
    r"^\W*(non|aucune?|autre|ni l'une? ni l'autre|pas (celles?|ceux)[- ]l[àa]|aucune de celles?[- ]ci)\b", re.IGNORECASE
)
NONE_OF_THESE = {"title": "Aucune de celles-ci", "payload": "/skip_question"}
QUESTION = "Dans quel département ou quelle ville se trouve votre entreprise ?"
CHOOSE = "Plusieurs communes portent ce nom. Laquelle est la vôtre ?"
AGAIN = (
    "Je n'ai pas reconnu ce lieu. Pouvez-vous me donner la ville ou le département, par exemple « Arras » ou « 62 » ?"
)
GIVE_UP = "Ce n'est pas grave : le conseiller vous le demandera."
WHICH_AGAIN = "Je n'ai pas su laquelle de ces communes est la vôtre."
KEPT_AS_SAID = "C'est noté : {}. Le conseiller vous demandera laquelle."
# Round 23 (make run, s23-x2): "Aucune de celles-ci" at the namesakes offered closed the case with no place, and the
# town said next ("c'est saint-denis-les-bourg") never reached it. The place is asked once more, never twice.
ONCE_MORE = "D'accord. Quel est le nom complet de votre commune, ou son département ?"
# What place_unread holds while ONCE_MORE is pending (the candidates refused, no words to keep as the place).
NONE_OF_THE_CHOICES = NONE_OF_THESE["title"]


def place_update(value: Any, slots: Mapping[str, Any]) -> tuple[dict[str, Any], str | None]:
    """The slots to set for an answer to the place question, and a message to say (or None).

    Idempotent: a form validates its filled slots again (on activation, on later turns), so a value
    already settled (a code, or a place kept as typed) gives the same slots and says nothing.
    """
    text = "" if value is None else str(value).strip()
    cleared = {"place_choices": None, "place_unread": None}
    if not text:
        return {}, None
    if text == SKIPPED or is_skip(text):
        # "j'aime autant ne pas en parler": the place question may be passed like any other.
        return {"departement": SKIPPED, "commune": None, **cleared}, None
    resolution = resolve(text)
    if slots.get("place_choices") and _NONE_OF_THESE.match(text) and not resolution.found:
        # "aucune", "non, autre"; but "non clermont ferrand" names the place meant (round 12, r12a-01: given up).
        return {"departement": SKIPPED, "commune": None, **cleared}, GIVE_UP
    if is_waiting(text):
        # "euh attendez", "je regarde": no place yet, and no unread place either; the question waits.
        return {"departement": None}, TAKE_YOUR_TIME
    said = answer_kind(text) if not (resolution.found or resolution.ambiguous) else OTHER
    if said in (NO, HESITATION) and (len(text.split()) > _SHORT_REFUSAL or "?" in text):
        # "elle est pour quand cette contrainte en fait je sais pas, je l'ai reçue il y a 10 jours" (round 23, r23a-07:
        # "le conseiller vous le demandera", the case closed with no place): a question or a sentence about something
        # else, no refusal to say where; the place is asked once more.
        said = OTHER
    if said in (NO, HESITATION) or (said == YES and slots.get("place_unread")):
        namesake = _namesake_offered(slots)
        if namesake:
            # "oui" or "je sais pas" at the namesakes offered for "Saint-Denis" (round 34, make run: the town was
            # dropped and the case said "non précisé"): the town the artisan named is kept as typed for the advisor.
            return {"departement": namesake, "commune": None, "place_kept": namesake, **cleared}, KEPT_AS_SAID.format(
                namesake
            )
        # "non", "je ne sais pas", or a second "c bon": no place will come; never a place kept as typed.
        return {"departement": SKIPPED, "commune": None, **cleared}, GIVE_UP
    if said == YES:
        return {"departement": None, "place_choices": None, "place_unread": text}, None
    choices = slots.get("place_choices") or []
    if choices and speaks_of_choices(text, choices) and choose(text, choices) is None:
        # "celle sur loire", "la quatrième", "la 2e, dans le Rhône" (the 2nd in the Aveyron): none of the choices, and
        # no other place either ("sur saone" is the village of Saône, 25: r16b-14). Asked again once, then kept.
        if speaks_of_choices(slots.get("place_unread"), choices):
            return {"departement": text, "commune": None, "place_kept": text, **cleared}, GIVE_UP
        return {"departement": None, "place_choices": choices, "place_unread": text}, WHICH_AGAIN
    town = town_named_like_the_departement(resolution, text) if resolution.found and not choices else None
    if town is not None:
        # "vienne" (round 20, r20c-07: noted 86, the phone an 04 74 of Vienne, Isère): the département and a town of
        # its name elsewhere; the phone's area picks one when it can, else the artisan chooses.
        area = phone_area(slots.get("phone"))
        if area is not None and area == _AREA_OF.get(town.departement) != _AREA_OF.get(resolution.departement or ""):
            return {"departement": town.departement, "commune": town.name, **cleared}, None
        if area is None or area != _AREA_OF.get(resolution.departement or ""):
            named = f"{resolution.departement_name} ({resolution.departement})"
            return {"departement": None, "place_choices": [town.label, named], "place_unread": text}, None
    typed = hyphened_departement(text) if not choices else None
    if typed and (not resolution.found or (resolution.departement != typed and resolution.said is None)):
        # "dans le Loire-et-Cher", "loire-atlantiqe" (round 24, conv-b finding 4: the Cher or the Loire offered, the
        # Loire noted): the hyphenated département typed a letter or two wrong, Loir-et-Cher, Loire-Atlantique.
        return {"departement": typed, "commune": None, **cleared}, None
    if resolution.found:
        # "Nevers", or "près de Nevers" for "à côté de Nevers" (round 14, r14b-03: noted as the commune itself).
        commune = resolution.said
        if commune is None and text == slots.get("departement"):
            commune = slots.get("commune")  # "62" validated again: keep the commune named before
        return {"departement": resolution.departement, "commune": commune, **cleared}, None
    if text == slots.get("place_kept"):
        return {"departement": text}, None  # kept as typed earlier, validated again
    if slots.get("place_unread") or slots.get("place_choices"):
        # Asked twice: the advisor reads it as typed (the case keeps it; its département stays empty).
        return {"departement": text, "commune": None, "place_kept": text, **cleared}, GIVE_UP
    if resolution.ambiguous:
        choices = [c.label for c in resolution.candidates[:MAX_CHOICES]] or [
            f"{departement_name(code)} ({code})" for code in resolution.departement_options[:MAX_CHOICES]
        ]
        return {"departement": None, "place_choices": choices, "place_unread": text}, None
    return {"departement": None, "place_choices": None, "place_unread": text}, None


def _namesake_offered(slots: Mapping[str, Any]) -> str | None:
    """The town name shared by the communes offered as buttons ("Saint-Denis"), while they are pending; None otherwise
    (no choices offered, or words that were no town: "celle sur loire", the candidates refused)."""
    unread = slots.get("place_unread")
    if not slots.get("place_choices") or not unread or unread == NONE_OF_THE_CHOICES:
        return None
    return str(unread) if resolve(str(unread)).ambiguous else None


# "non", "je ne sais pas", "aucune idée", "je sais pas trop où c'est rattaché": a refusal or a doubt about the place
# said in so many words; a longer message is about something else.
_SHORT_REFUSAL = 8


# A town of this size named like a département elsewhere ("Vienne", Isère, 30,000 people, and the Vienne, 86) is asked
# between the two when the département alone was read.
NAMESAKE_TOWN_MIN_POPULATION = 10_000
# The first digit of a French landline by département (ARCEP's five zones): the area a phone number points to.
_AREAS = {
    "1": "75 77 78 91 92 93 94 95",
    "2": "14 18 22 27 28 29 35 36 37 41 44 45 49 50 53 56 61 72 76 85 974 976",
    "3": "02 08 10 21 25 39 51 52 54 55 57 58 59 60 62 67 68 70 71 80 88 89 90",
    "4": "01 03 04 05 06 07 11 13 15 2A 2B 26 30 34 38 42 43 48 63 66 69 73 74 83 84",
    "5": "09 12 16 17 19 23 24 31 32 33 40 46 47 64 65 79 81 82 86 87 971 972 973 975",
}
_AREA_OF = {code: area for area, codes in _AREAS.items() for code in codes.split()}


_BEFORE_A_TOWN = frozenset({"a", "je", "suis", "j", "on", "est", "c", "nous", "sommes", "vers", "pres", "de", "sur"})


def phone_area(phone: Any) -> str | None:
    """ "+33474..." or "04 74 ..." -> "4": the zone of a French landline; None for a mobile or no number."""
    digits = re.sub(r"\D", "", str(phone or ""))
    if digits.startswith("33"):
        digits = "0" + digits[2:]
    return digits[1] if len(digits) == 10 and digits[0] == "0" and digits[1] in _AREAS else None


def town_named_like_the_departement(resolution: Any, text: str) -> Any:
    """The town elsewhere bearing the name of the département read alone ("vienne", "à vienne"; never "dans la Vienne",
    "86", "la Vienne"), or None."""
    if resolution.commune is not None or not resolution.departement_name:
        return None
    from places.data import tables

    said = [word for word in normalise(text).split() if word not in _BEFORE_A_TOWN]
    if said != normalise(resolution.departement_name).split():
        return None

    towns = [
        commune
        for commune in tables().communes.get(normalise(resolution.departement_name), ())
        if commune.kind == "c"
        and commune.departement != resolution.departement
        and commune.population >= NAMESAKE_TOWN_MIN_POPULATION
    ]
    return towns[0] if towns else None


# A département's code said as where one is: "dans le 62", "on est du 9-3", "département 44", "je suis du 2B".
_CODE_AS_A_PLACE = re.compile(
    r"\b(?:dans le|on est du|je suis du|suis du|c'?(?: )?est le|departement|dept|dep)\s*(?:\d{2,3}|\d[ -]\d|2a|2b)\b"
)


def code_said_as_a_place(text: str | None) -> bool:
    """Whether the words say a département's code as the place where one is, and it resolves to one."""
    return bool(_CODE_AS_A_PLACE.search(fold(text or ""))) and find_in_text(without_phone_digits(text or "")).found


def place_in_answer(
    tracker: Tracker,
    entity_kinds: tuple[str, ...] = ("town", "departement"),
    namesakes: bool = False,
    capitalised_towns: bool = False,
) -> dict[str, Any] | None:
    """The place slots when a whole answer to another question is a place ("Lens" at the deadline question, "à
    Arras" at the e-mail question): the entity extractor saw one of `entity_kinds` and the whole answer resolves to
    a place. Both are needed, since many words name a commune somewhere ("maçon" is Mâcon, "Marie" a village); a
    known town said alone needs no entity (places.names_a_known_town). ``namesakes``: a name several communes bear
    ("à Aix"), no place known yet, gives its candidates for the place question to offer (round 17, r17a-04: "je n'ai
    pas bien compris" at the callback offer). ``capitalised_towns``: smaller towns typed with their capital count too
    (places.names_a_known_town), where no answer is a person's name."""
    latest = tracker.latest_message or {}
    if not is_place_mention(latest.get("text"), latest.get("text")):
        return None  # "2" at "Avez-vous une échéance ?" (round 7: the Nord became the Aisne): a number, no place
    seen = any(entity.get("entity") in entity_kinds for entity in latest.get("entities") or [])
    # A bare city name ("Rouen", "Limoges") often escapes the extractor: a known town said alone is read too; so does a
    # code said as a place ("on est dans le 9-3" at the deadline question, round 33, r33-g: tagged a date, the
    # deadline question explained again).
    if (
        not seen
        and names_a_known_town(latest.get("text"), capitalised=capitalised_towns) is None
        and names_a_departement(latest.get("text")) is None
        and not code_said_as_a_place(latest.get("text"))
    ):
        return None
    update, _ = place_update(latest.get("text") or "", {})
    if namesakes and update.get("place_choices") and not tracker.get_slot("departement"):
        return update
    return update if update.get("departement") not in (None, SKIPPED) else None


def place_noted(place: Mapping[str, Any]) -> str:
    """What is said when a place given at another question is kept for the place question; a name several communes
    bear is said with its candidates, the choice left to the place question (one question at a time)."""
    code = place.get("departement")
    choices = place.get("place_choices") or []
    if not code and choices:
        named = " ou ".join([", ".join(choices[:-1]), choices[-1]]) if len(choices) > 1 else choices[0]
        return f"Merci, c'est noté : {named}, je vous demanderai laquelle ensuite."
    return f"Merci, j'ai noté le lieu ({place.get('commune') or (code and departement_name(code)) or code})."


def choose_question(choices: list[str]) -> str:
    """ "Plusieurs communes portent ce nom : Sainte-Marie (La Réunion, 974) ou Sainte-Marie (Martinique, 972). Laquelle
    est la vôtre ?": the candidates named in the words too, for channels that show no buttons (round 19, r19c-12)."""

    def named(choice: str) -> str:
        found = re.match(r"^(.*) \((\w{2,3})\)$", choice)
        name = departement_name(found.group(2)) if found else None
        return f"{found.group(1)} ({name}, {found.group(2)})" if found and name else choice

    labels = [named(c) for c in choices]
    listed = " ou ".join([", ".join(labels[:-1]), labels[-1]]) if len(labels) > 1 else labels[0]
    return f"{CHOOSE.split('.', maxsplit=1)[0]} : {listed}. Laquelle est la vôtre ?"


class PlaceQuestion:
    """Renders the place question: plain, with the candidates of an ambiguous name, or once more."""

    def render(self, chamber: Chamber, slots: Mapping[str, Any]) -> tuple[str, list[dict]]:
        choices = slots.get("place_choices") or []
        if choices:
            return choose_question(choices), [{"title": c, "payload": c} for c in choices] + [NONE_OF_THESE]
        if slots.get("place_unread") == NONE_OF_THE_CHOICES:
            return ONCE_MORE, [SKIP_BUTTON]
        if slots.get("place_unread"):
            return AGAIN, [SKIP_BUTTON]
        return QUESTION, [SKIP_BUTTON]


PLACE_QUESTION = PlaceQuestion()


def _says_overwhelm(tracker: Tracker) -> bool:
    """The answer also says how overwhelmed one is ("je suis perdue, je tiens plus debout"), and no check-in will say
    the kind word this turn (actions.crisis_actions.check_in_in_form_reply speaks when level 3 is newly reached and the
    direct question was never answered)."""
    intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
    this_turn: list[dict[str, Any]] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        this_turn.append(event)
    level_three_now = any(
        e.get("event") == "slot" and e.get("name") == "distress_level" and e.get("value") == LEVEL_THREE
        for e in this_turn
    )
    if not (intent == "express_overwhelm" or level_three_now):
        return False
    check_in_coming = (
        level_three_now and tracker.get_slot("suicide_thoughts") is None and not tracker.get_slot("distress")
    )
    return not check_in_coming


class PlaceValidation:
    """Mixin for a FormValidationAction whose form asks `departement`."""

    async def extract_departement(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """A place said at the place question with words the slot mappings leave out (round 12, r12b-05: "a Clermont.
        excusez moi je suis perdue…", classified express_overwhelm, was not read and the question came again): the
        message is the answer when it names a place as a sentence does ("à Clermont", "dans le 63")."""
        latest = (tracker.latest_message or {}).get("text") or ""
        if tracker.get_slot("requested_slot") not in (None, "departement"):
            return own_place_said_aside(dispatcher, tracker, latest)
        if (
            tracker.get_slot("requested_slot") != "departement"
            or not latest
            or latest.startswith("/")
            or "departement" in tracker.slots_to_validate()
        ):
            return {}
        found = find_in_text(without_phone_digits(latest))  # "06 89 45 12 3" names no place (round 16, r16a-16)
        # "Gard. mais dites moi par quoi je commence" (round 22, r22c-11, a question the mappings leave): a place alone
        # in its clause answers too.
        alone = place_said_alone(without_phone_digits(latest), asked=True)
        return {"departement": latest} if found.found or found.ambiguous or alone is not None else {}

    def validate_departement(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        # An answer to the place question is read whole: an entity is only a part of it ("Boulogne sur
        # mer" tagged town "mer"), and places.resolve reads the rest better than the entity extractor.
        latest = (tracker.latest_message or {}).get("text") or ""
        asked = tracker.get_slot("requested_slot") == "departement" and bool(latest) and not latest.startswith("/")
        # "un instant je regarde mes papiers", which the NLU may read as a skip: the words wait, they pass nothing
        # (the simulator, 2026-12-04: after a refused callback the conversation ended there).
        picked = choose(latest, tracker.get_slot("place_choices") or []) if asked else None
        if picked:
            # "celle de la réunion", "le 93", "celle près de Paris" after "Laquelle est la vôtre ?": the choice, whatever
            # the classifier made of it (round 5: read as a skip, no département was saved).
            code, commune = picked
            return {"departement": code, "commune": commune, "place_choices": None, "place_unread": None}
        earlier = place_given_before(tracker, latest) if asked else None
        if earlier:
            # "je vous ai donné le code postal tout à l'heure" (round 17, r17a-13): the place said in an earlier
            # message, read there, never "Je n'ai pas reconnu ce lieu".
            dispatcher.utter_message(text=place_noted(earlier))
            return earlier
        chosen = None if asked else _chosen_this_turn(tracker, latest)
        if chosen:
            # The choice made at the place question, validated again by the next form starting in the same turn: the
            # triage had read the words again as another place ("la premiere sur saone": Saône, 25, r16b-14).
            return chosen
        known = value_before_latest_message(tracker.events, "departement")
        if not asked and number_not_a_new_place(value, latest, known, tracker.events):
            # "non c'est le 05 le bon !" at the time question, after two phone numbers (round 9, r9b-14: the 13 became
            # the Hautes-Alpes): a bare number at another question never replaces the place known.
            return {"departement": validated_this_turn(tracker.events, str(value)) or known}
        if not asked and value not in (None, SKIPPED) and elsewhere_for_a_while(tracker, departement_code(str(value))):
            # "lundi je suis à Rungis" at the callback offer: where one will be, never the business's place (r12c-09).
            return {"departement": known}
        at_question = tracker.get_slot("requested_slot") == "departement"
        if at_question and value == SKIPPED and tracker.get_slot("place_choices") and refuses_the_choices(latest):
            # "Aucune de celles-ci": the place is none of the namesakes offered, asked once more (round 23, s23-x2).
            return none_of_the_choices(dispatcher, tracker)
        if asked and (value not in (None, SKIPPED) or (is_waiting(latest) and not is_skip(latest))):
            value = latest
        elif asked and value == SKIPPED and not is_skip(latest) and not _NONE_OF_THESE.match(latest):
            # The classifier's skip_question on words that pass nothing ("celle à côté du stade de france" at the
            # Saint-Denis choice, r23a-06; "elle est pour quand cette contrainte ?" at the place question, r23a-07):
            # the case closed with no place, never asked again. The words are read as the answer they are.
            value = latest
        elif (
            not asked
            and isinstance(value, str)
            and re.search(rf"(?<!\d){re.escape(value)}(?!\d)", latest)
            and not is_place_mention(value, latest)
        ):
            # "2" to "Depuis quand ?", tagged a département by the entity extractor: the place known stays. A place the
            # place question validated in this very turn stays too: "62000" became "62" there, and the handoff form,
            # starting in the same turn, extracted "62000" again (the simulator, seed 20261232: the place was emptied).
            validated = validated_this_turn(tracker.events, value)
            return {"departement": validated or value_before_latest_message(tracker.events, "departement")}
        aside = _no_place_but_something_else(dispatcher, tracker, latest) if asked else None
        if aside is not None:
            return aside
        update, message = place_update(value, tracker.slots)
        if asked and message == GIVE_UP and refuses_the_choices(latest) and not place_asked_again(tracker.events):
            return none_of_the_choices(dispatcher, tracker)
        alone = (
            place_said_alone(without_phone_digits(latest), asked=True)
            if asked and update.get("departement") in (None, SKIPPED) and not update.get("place_choices")
            else None
        )
        if alone is not None:
            # "Nice, I said it. Nice", "Gard. mais dites moi…" (round 22, r22c-05, r22c-11: the place question came
            # again, or "non précisé" was kept): the place its clause names alone, whatever the rest made of the words.
            update = {
                "departement": alone.departement,
                "commune": alone.said,
                "place_choices": None,
                "place_unread": None,
            }
            message = None
        twice = place_asked_times(tracker.events) >= 2
        if (
            asked
            and not (twice and update.get("place_unread"))
            and ((update.get("place_unread") and not update.get("place_choices")) or update.get("place_kept"))
        ):
            # "depuis la semaine dernière" or "je suis carreleur" at the place question: no unread place (nor one
            # kept as typed), but the answer to another question, noted for it, and the place asked again.
            facts = extract_facts(latest, services.chamber_today())
            facts.pop("departement", None)
            if facts:
                # The words were no place: the question comes back plainly, never "Je n'ai pas reconnu ce lieu" about
                # words that were not one (round 35, make run, r35-d: a date, then "c'est la TVA de l'an dernier").
                answered = answered_another_question("departement", facts, dispatcher, tracker)
                return {**answered, "place_unread": None} if tracker.get_slot("place_unread") else answered
        if (
            asked
            and update.get("departement") is None
            and update.get("place_unread")
            and not update.get("place_choices")
            and twice
        ):
            # Asked twice already (an answer to another question brought it back plainly, round 23, r23a-07): a third
            # asking is never made; the words are kept as typed for the advisor, as after "Je n'ai pas reconnu ce lieu".
            update = {"departement": latest, "commune": None, "place_kept": latest, "place_choices": None}
            update["place_unread"] = None
            message = GIVE_UP
        if asked and not message and _says_overwhelm(tracker):
            # Heard before the question comes again (or the next one): the kind word of the intake questions.
            message = FEELING_HEARD
        if message:
            dispatcher.utter_message(text=message)
        return update


def refuses_the_choices(latest: str) -> bool:
    """ "Aucune de celles-ci" (the button, or typed: "aucune", "non, aucune", "ni l'une ni l'autre"), naming no place."""
    if latest.startswith("/"):
        return latest == "/skip_question"  # the button's payload: with the namesakes, it is "Aucune de celles-ci"
    return bool(_NONE_OF_THESE.match(latest)) and not resolve(latest).found and not is_skip(latest)


# The place question's second asking: once one of these was said, the next answer that names no place is kept as typed
# (or the question passed); never a third time.
_ASKED_AGAIN = (AGAIN, WHICH_AGAIN, ONCE_MORE)


def place_asked_again(events: list[dict[str, Any]]) -> bool:
    """Whether the place question was already asked a second time in this conversation."""
    return any(
        event.get("event") == "bot" and any(said in (event.get("text") or "") for said in _ASKED_AGAIN)
        for event in events
    )


def place_asked_times(events: list[dict[str, Any]]) -> int:
    """How many times the bot asked where the business is, in any of the place question's forms."""
    forms = (QUESTION, AGAIN, CHOOSE.split(".", maxsplit=1)[0], WHICH_AGAIN, ONCE_MORE)
    return sum(
        1 for event in events if event.get("event") == "bot" and any(f in (event.get("text") or "") for f in forms)
    )


def none_of_the_choices(dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
    """The namesakes offered refused: the place asked once more in plain words (ONCE_MORE, rendered by PlaceQuestion),
    unless it was asked again before; then the advisor will ask (GIVE_UP), as before."""
    cleared = {"commune": None, "place_choices": None}
    if place_asked_again(tracker.events):
        dispatcher.utter_message(text=GIVE_UP)
        return {"departement": SKIPPED, "place_unread": None, **cleared}
    return {"departement": None, "place_unread": NONE_OF_THE_CHOICES, **cleared}


# "c quoi la suite", "et après ?", "on fait quoi ensuite ?" (round 21, r21z-04: "Je n'ai pas reconnu ce lieu").
_WHAT_NEXT = re.compile(
    r"\b(?:(?:c'?(?: )?est |c |cest |ce )?(?:quoi|koi) la suite|quelle est la suite|et (?:apres|ensuite)\s*\?|"
    r"on fait quoi (?:apres|ensuite|maintenant)|(?:il )?se passe quoi (?:apres|ensuite)|qu'est-ce qui se passe (?:apres|ensuite))"
)
WHAT_COMES_NEXT = (
    "Ensuite, je vous donne de premières démarches et, si vous le souhaitez, un conseiller vous rappelle. Il me manque "
    "d'abord le lieu de votre entreprise."
)


def _no_place_but_something_else(
    dispatcher: CollectingDispatcher, tracker: Tracker, latest: str
) -> dict[str, Any] | None:
    """An answer to the place question that names no place and says something else: what comes next asked, or a fact
    put right ("en fait c'est pas les impôts c'est l'urssaf", round 21, r21z-19: corrected, then "Je n'ai pas reconnu ce
    lieu"). The place question comes again plainly; None when the words may name a place."""
    from intake.facts import corrected_creditors

    if not latest or find_in_text(without_phone_digits(latest)).found or names_a_known_town(latest) is not None:
        return None
    if place_said_alone(without_phone_digits(latest), asked=True) is not None:
        return None
    if _WHAT_NEXT.search(fold(latest)):
        dispatcher.utter_message(text=WHAT_COMES_NEXT)
        return {"departement": None, "place_unread": None}
    from actions.discretion_heard import discretion_at_question

    discreet = discretion_at_question("departement", dispatcher, tracker)
    if discreet is not None:
        # "il sait pas que je vous écris" at the place question (round 33, r33-b: "Je n'ai pas reconnu ce lieu"): heard
        # and noted for the advisor as at the intake questions (round 27), then the place question again.
        return {**discreet, "place_unread": None}
    if asks_if_confidential(latest):
        # "et mon banquier il va voir ce que je vous écris ?" (round 28, r28-b-25: "Je n'ai pas reconnu ce lieu"): who
        # reads the conversation, answered as at the other questions; then the place question again.
        from actions.service_answers import service_question_text
        from intake.service_questions import CONFIDENTIAL

        dispatcher.utter_message(text=service_question_text(tracker, latest) or CONFIDENTIAL)
        return {"departement": None, "place_unread": None}
    if is_correction(latest) and "departement" not in extract_facts(latest, services.chamber_today()):
        corrected = corrected_creditors(value_before_latest_message(tracker.events, "creditors"), latest)
        if corrected:
            dispatcher.utter_message(text=f"C'est corrigé : sommes dues : {corrected}.")
        return {"departement": None, "place_unread": None, **({"creditors": corrected} if corrected else {})}
    return None


# "je vous l'ai donné", "je vous ai dit la ville", "c'est le code postal de tout à l'heure": the place said before.
_GIVEN_BEFORE = re.compile(
    r"\b(?:je (?:vous )?(?:l'|l )?(?:ai|avais) (?:deja )?(?:donne|dit|ecrit|mis|envoye|tape)|deja (?:donne|dit|ecrit)|"
    r"plus haut|tout a l'heure|au debut|comme (?:je vous l'ai |j'ai )?dit|"
    r"(?:je |j )?(?:viens|venais) de (?:vous )?(?:le |l'|l )?(?:dire|donner|ecrire|mettre|taper|preciser))\b"
)


def place_given_before(tracker: Tracker, latest: str) -> dict[str, Any] | None:
    """The place slots from an earlier message when the answer to the place question sends back to it and names none
    itself: a postcode or a place found in the user's messages, latest first. None otherwise."""
    from intake.shapes import postcode_alone

    reminder = _GIVEN_BEFORE.search(fold(latest or ""))
    if not reminder or find_in_text(without_phone_digits(latest)).found:
        return None
    # "Dijon je viens de le dire" (round 19, r19a-16: stored "non précisé"): the town said again with the reminder.
    again = names_a_known_town(latest[: reminder.start()].strip(" ,.;:!-")) or names_a_known_town(
        latest[reminder.end() :].strip(" ,.;:!-")
    )
    if again is not None:
        update, _ = place_update(latest[: reminder.start()].strip(" ,.;:!-") or latest[reminder.end() :], {})
        if update.get("departement") not in (None, SKIPPED):
            return update
    for message in reversed(user_messages(tracker.events)[:-1]):
        postcode = postcode_alone(message)
        said = postcode or without_phone_digits(message)
        if postcode or find_in_text(said).found:
            update, _ = place_update(said, {})
            if update.get("departement") not in (None, SKIPPED):
                return update
    return None


def _chosen_this_turn(tracker: Tracker, latest: str) -> dict[str, Any] | None:
    """The slots of the choice the latest message made among the namesakes offered ("Laquelle est la vôtre ?" pending
    before it), or None."""
    choices = value_before_latest_message(tracker.events, "place_choices")
    if not choices or value_before_latest_message(tracker.events, "requested_slot") != "departement":
        return None
    picked = choose(latest, choices) if latest and not latest.startswith("/") else None
    if picked is None:
        return None
    code, commune = picked
    return {"departement": code, "commune": commune, "place_choices": None, "place_unread": None}


def own_place_said_aside(dispatcher: CollectingDispatcher, tracker: Tracker, latest: str) -> dict[str, Any]:
    """The business's place said with the answer to another question, no place known yet: "il vaut mieux le rappeler
    le soir après 18h, on est dans le Tarn" at the time question (round 13, r13b-01: the place question came next). The
    slot mappings leave it (a contact answer says nothing of the business), so it is read here, once, and said kept:
    a place the free-text reader finds, said as one's own ("on est", "l'atelier est", "j'habite"), never as where one
    will be ("je serai à Brive") nor as someone else's ("mon fils habite à Lyon")."""
    if (
        not latest
        or latest.startswith("/")
        or tracker.get_slot("departement") not in (None, "")
        or value_before_latest_message(tracker.events, "departement") not in (None, "")
    ):
        return {}
    found = find_in_text(without_phone_digits(latest))  # a phone number's digits are no place (round 16, r16a-16)
    if not found.found or said_as_whereabouts(latest) or merely_mentioned(latest, found.departement):
        return {}
    from actions.handoff import place_is_the_writers

    if place_is_the_writers(latest, user_messages(tracker.events)[:-1]):
        return {}  # "moi j'habite à Lyon" said by a son for his father: the son's home (round 14, r14b-07)
    if not _OWN_PLACE.search(fold(latest).replace("'", " ").replace("’", " ")) and not _trade_said(latest):
        return {}
    update = {"departement": found.departement, "commune": found.said}
    dispatcher.utter_message(text=place_noted(update))
    return update


def elsewhere_for_a_while(tracker: Tracker, code: Any) -> bool:
    """A place said as where one is or will be ("lundi je suis à Rungis", "je serai sur un chantier à Brive"), other
    than the business's place known: it never replaces it, unless the words correct the place. Nor does a place read
    again in a choice among namesakes once the choice is made ("la premiere sur saone", Villefranche-sur-Saône, 69, read
    again as Saône, 25, by the triage when the handoff form started in the same turn: r16b-14)."""
    if tracker.get_slot("requested_slot") != "departement" and code not in (None, SKIPPED):
        chosen = _chosen_this_turn(tracker, tracker.latest_message.get("text") or "")
        if chosen and departement_code(str(code)) not in (None, chosen["departement"]):
            return True
    known = value_before_latest_message(tracker.events, "departement")
    text = tracker.latest_message.get("text") or ""
    if known in (None, SKIPPED) or code in (None, known) or departement_code(str(code)) == departement_code(known):
        return False
    taken = tracker.slots_to_validate().get("departement")
    if is_correction(text):
        return False
    return said_as_whereabouts(text, taken if isinstance(taken, str) else None) or merely_mentioned(text, str(code))


# Someone else's place: "mon fournisseur de Lyon", "le tribunal de Lyon", "mon fils habite à Lyon", "un client à Lyon".
_THEIR_PLACE = re.compile(
    r"\b(?:fournisseurs?|clients?|clientes?|banques?|banquiers?|agences?|tribunal|tribunaux|urssaf|impots|sie|tresor"
    r"|comptables?|notaires?|avocats?|huissiers?|commissaires?|greffe|mairie|prefecture|cma|chambre|concurrents?"
    r"|proprio|proprietaire|bailleur|fils|fille|filles|enfants?|freres?|soeurs?|mere|pere|parents|beau pere|belle mere"
    r"|cousins?|cousines?|amie?s?|copains?|copines?|femme|mari|epouse|ex|associee?s?|salon|foire|siege social du groupe)"
    r"\b"
)


def _trade_said(text: str) -> bool:
    """The message says the artisan's trade ("kevin. plombier chauffagiste a montceau dans le 71", round 14, r14a-01, at
    the name question): the place said with it is the business's."""
    return bool(extract_facts(text, services.chamber_today()).get("trade"))


# The business's own place: "on est à", "l'atelier est à", "je suis boulanger à", "on a déménagé à", "j'habite"; "je
# suis" as SMS writes it ("jsuis a cote de macon", round 14, r14a-04: the place question came again).
_OWN_PLACE = re.compile(
    r"\b(?:on est|on se trouve|nous sommes|nous nous trouvons|je suis|j suis|jsuis|jsui|je sui|chui|chuis|j habite"
    r"|jhabite|on habite|nous habitons|on vit|je vis"
    r"|chez nous|chez moi|ici|mon entreprise|notre entreprise|ma boite|notre boite|mon atelier|notre atelier"
    r"|ma boutique|notre boutique|mon salon|mon garage|mon magasin|mon local|l atelier|l entreprise|la boutique"
    r"|le magasin|le garage|la societe|le local|demenage|demenagee?s?|installee?s?"
    r"|basee?s?|situee?s?|domiciliee?s?|siege|adresse)\b"
)


def merely_mentioned(text: str | None, code: str | None) -> bool:
    """A place the latest message only mentions, never as the business's: the free-text reader finds no such place
    (the entity extractor alone read it: "régler cette somme", round 13, r13b-02), or it is said as someone else's
    ("mon fournisseur à Lyon", "le tribunal de Lyon") with no word making it one's own. A place known is not replaced
    by it; a correction, a place said as one's own ("on est à Lyon maintenant") or alone ("Lyon") is another matter."""
    text = text or ""
    code = departement_code(code) if code else None
    if not text or code is None:
        return False
    if names_a_known_town(text) is not None or (
        len(text.split()) <= _ANSWER_WORDS
        and resolve(text, typos=False).departement == code
        and said_as_a_place(departement_name(code), text)
    ):
        return False  # "Lyon", "à Lyon", "c'est dans le 69": the answer is the place
    if find_in_text(text).departement != code:
        return True
    parts = [part for part in _PARTS.split(text) if part.strip()]
    said = [fold(part).replace("'", " ").replace("’", " ") for part in parts if find_in_text(part).departement == code]
    return bool(said) and all(_THEIR_PLACE.search(part) and not _OWN_PLACE.search(part) for part in said)


_ANSWER_WORDS = 4
_PARTS = re.compile(r"[,;.!?\n]+|\s(?:mais|et|sinon|par contre|puis)\s", re.IGNORECASE)


def place_not_deadline(tracker: Tracker, asked: Any, facts: Mapping[str, Any]) -> dict[str, Any]:
    """At the place question, a deadline the entity extractor read in the answer ("le 9-3", "le 93") is the place said,
    never the deadline: the deadline known before stays (round 12, r12c-01: "Échéance : le 9-3" replaced "le 15")."""
    read = tracker.slots_to_validate().get("deadline")
    if asked != "departement" or not read or "deadline" in facts:
        return {}
    choices = tracker.get_slot("place_choices") or []
    if choose(str(read), choices) or resolve(str(read), typos=False).status != NOT_FOUND:
        return {"deadline": value_before_latest_message(tracker.events, "deadline")}
    return {}


def namesakes_to_offer(tracker: Tracker, text: str, asked: Any) -> dict[str, Any]:
    """A town said in passing whose name several communes bear ("il a un garage à Saint-Pierre"), no place known yet:
    its candidates wait for the place question, which offers them ("Laquelle est la vôtre ?"); the name is never lost
    nor kept as typed (round 12, r12c-03: the case went without a département, never asked)."""
    if asked == "departement":
        return {}  # the place question reads its own answer
    if value_before_latest_message(tracker.events, "departement") not in (None, ""):
        return {}
    found = find_in_text(text)
    if tracker.get_slot("place_choices"):
        # Round 18, r18a-14: "à Évry" (Évry-Courcouronnes, 91, or Évry, 89), then "sur un toit à Corbeil" (91 or 51):
        # the only département both names share settles the choice.
        named = [c.departement for c in found.candidates] + ([found.departement] if found.found else [])
        settled = settled_by_another_town(tracker.get_slot("place_choices"), {code for code in named if code})
        if settled is None:
            return {}
        code, commune = settled
        return {"departement": code, "commune": commune, "place_choices": None, "place_unread": None}
    if not found.ambiguous and not found.found:
        # "Clermont" alone (round 23, r23b-14: lost, no choice between 63 and 60, never asked): a name several towns
        # bear, written alone, waits for the place question like one said in a sentence.
        found = namesake_said_alone(without_phone_digits(text)) or found
    choices = [c.label for c in found.candidates[:MAX_CHOICES]] or [
        f"{departement_name(code)} ({code})" for code in found.departement_options[:MAX_CHOICES]
    ]
    if not found.ambiguous or not choices:
        return {}
    return {"departement": None, "place_choices": choices, "place_unread": text}


# Words that say a number is a place ("on est dans le 62", "département 62", "(62)"): a place corrected at another
# question in so many words.
_PLACE_SAID = (
    r"\b(?:dans le|departement|dept|dpt|secteur|region|zone|habite|habitons|situee?s?|installee?s?|basee?s?)\s+"
    r"(?:dans le |du |le )?{0}\b|\(\s*{0}\s*\)"
)


def number_not_a_new_place(value: Any, latest: str, known: Any, events: list[dict[str, Any]]) -> bool:
    """Whether a number read as a département at another question must leave the known place as it is: a place is
    known, the number is a bare code typed as such (not read from a name), and the words neither say it is a place
    ("dans le 62", "département 62") nor name the place it would correct ("pas le 59, le 62"), nor correct a place
    ("pardon je me suis trompé, c'est le 59") with no phone number just given: "c'est le 05 le bon" after one is its
    end."""
    from actions.handoff import mentions_contact
    from intake.answers import is_correction
    from intake.facts import fold

    code = str(value or "").strip()
    if known in (None, SKIPPED) or not re.fullmatch(r"\d{1,3}", code) or code.zfill(2) == str(known):
        return False
    digits = rf"(?<!\d)0*{re.escape(code.lstrip('0') or '0')}(?!\d)"
    if re.search(digits, latest) and not re.search(digits, without_phone_digits(latest)):
        return True  # "c'est 06 98 45 12 30 pas 06 89": the digits of a phone number (round 16, r16a-16)
    if not re.search(digits, latest):
        # The code read from a name ("ah non c'est la Somme pas le Nord" gives 80): a place said as such (the simulator,
        # seed 20261234: eleven corrections at the contact questions were undone after a phone number).
        return False
    folded = fold(latest)
    # "non en fait c'est dans le 62", "non non pas le 59, le 62": a place said as such, or beside the place it corrects,
    # whatever was said before (the simulator, seed 20261234); "c'est le 05 le bon" after a phone number is no place.
    said_as_place = re.search(_PLACE_SAID.format(re.escape(code)), folded)
    another_denied = re.search(r"\bpas (?:le |dans le |du )?\d{2,3}\b", folded)  # "pas le 59, le 62"
    if said_as_place or another_denied or re.search(rf"(?<!\d){re.escape(str(known))}(?!\d)", folded):
        return False
    # "pardon je me suis trompé, c'est le 59" corrects the place, unless a phone number was just given (r9b-14).
    phone_talk = mentions_contact(latest) or any(mentions_contact(text) for text in _previous_turn(events))
    return phone_talk or not is_correction(latest)


def _previous_turn(events: list[dict[str, Any]]) -> list[str]:
    """The bot's messages and the artisan's message of the turn before the latest message."""
    said: list[str] = []
    users = 0
    for event in reversed(events):
        if event.get("event") == "user":
            users += 1
            if users == 2:
                said.append(event.get("text") or "")
                break
        elif event.get("event") == "bot" and users == 1:
            said.append(event.get("text") or "")
    return said


def validated_this_turn(events: list[dict[str, Any]], raw: str) -> str | None:
    """The département a validation set since the latest message, other than the raw words it was read from."""
    for event in reversed(events):
        if event.get("event") == "user":
            return None
        value = event.get("value")
        if event.get("event") == "slot" and event.get("name") == "departement" and value not in (None, SKIPPED, raw):
            return value
    return None


def place_said_aside(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """ "bon c'est à côté de Brest" at "Depuis quand ?", read as a farewell: the slot mappings took the place, the
    question's own slot took nothing, and the place question is not among the form's questions, so no validation
    reads it or says it was kept. Read here (a place the words name, a new one), said kept; [] otherwise."""
    asked = tracker.get_slot("requested_slot")
    taken = tracker.slots_to_validate()
    if asked in (None, "departement") or asked in taken or "departement" not in taken:
        return []
    if not is_place_mention(taken["departement"], (tracker.latest_message or {}).get("text")):
        return []  # "3 je crois": a number, no place (validate_departement keeps the place known)
    update, _ = place_update(taken["departement"], {})
    code = update.get("departement")
    if code in (None, SKIPPED) or value_before_latest_message(tracker.events, "departement") == code:
        return []
    dispatcher.utter_message(text=place_noted(update))
    return [SlotSet(name, value) for name, value in update.items()]


PLACE_CORRECTED = "C'est corrigé : le lieu de votre demande est {place}. Votre référence reste {reference}."
_DEPARTEMENT_WORD = re.compile(r"\b(?:departement|dept|dpt)\b")


def place_corrected_after_case(
    dispatcher: CollectingDispatcher, tracker: Tracker, save: Callable[[Tracker, dict[str, Any]], Any]
) -> list[EventType] | None:
    """A département put right once the case is stored with another (round 24, r24a-01: "mon département c'est le 44 pas
    le 16" got "Je ne suis pas sûr de bien vous comprendre" and the case kept the Charente): the case's place set again
    and said back with the reference. Only a correction said as one: the place known negated ("pas le 16"), the word
    "département", or a correction's words ("non pardon, c'est à Nantes"). None otherwise. ``save``: stores the case
    again with the slots given, and returns it (the handoff's own, passed in: no import cycle)."""
    from actions.handoff import consented, phones_in
    from places.resolve import negated_departements

    slots = dict(tracker.slots)
    words = (tracker.latest_message or {}).get("text") or ""
    known = value_before_latest_message(tracker.events, "departement")
    if not slots.get("case_reference") or not consented(slots) or phones_in(words) or known in (None, SKIPPED):
        return None
    found = find_in_text(without_phone_digits(words))
    code = found.departement if found.found else None
    if not code or code == str(known) or not departement_name(code):
        return None
    if (
        str(known) not in negated_departements(words)
        and not _DEPARTEMENT_WORD.search(fold(words))
        and not is_correction(words)
    ):
        return None  # a place merely named after the case ("mon fournisseur est à Lyon") leaves the case's place
    commune = found.said
    if commune is None and slots.get("commune"):
        before = resolve(str(slots["commune"]), typos=False)
        commune = slots["commune"] if before.found and before.departement == code else None  # Rezé stays, in the 44
    return place_set_on_the_case(dispatcher, tracker, slots, code, commune, PLACE_CORRECTED, save)


def place_set_on_the_case(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    slots: dict[str, Any],
    code: str,
    commune: str | None,
    said: str,
    save: Callable[[Tracker, dict[str, Any]], Any],
) -> list[EventType]:
    """The stored case saved again with its place (added or put right after the case), said back with the reference
    (``said``: a text with {place} and {reference}); the form goes on, or the bot listens."""
    from rasa_sdk.events import FollowupAction

    slots.update(departement=code, commune=commune)
    result = save(tracker, slots)
    place = f"{commune} ({code})" if commune else f"{departement_name(code)} ({code})"
    dispatcher.utter_message(text=said.format(place=place, reference=result.reference))
    events: list[EventType] = [
        SlotSet("departement", code),
        SlotSet("commune", commune),
        SlotSet("place_choices", None),
        SlotSet("place_unread", None),
        SlotSet("case_reference", result.reference),
    ]
    return events if tracker.active_loop_name == "handoff_form" else [*events, FollowupAction("action_listen")]


def town_named_like_a_trade(value: Any, asked: Any, known: Any, said: str = "") -> bool:
    """A trade read from a word that is also a town's name ("macon": Mâcon), at another question than the trade's,
    when the place is being asked or a trade is already known: the town, not a trade."""
    if not isinstance(value, str) or asked == "trade" or not (asked == "departement" or known not in (None, SKIPPED)):
        return False
    if known not in (None, SKIPPED) and normalise(str(known)) == normalise(value):
        return False
    word = re.escape(fold(value))
    if re.search(
        rf"\b(?:suis|metier|profession|travaille comme|comme)(?: c'est| c est| est|:)?\s+(?:un |une )?{word}\b|"
        rf"\b{word},? en fait\b|\ben fait,? {word}\b",
        fold(said),
    ):
        return False  # "je suis macon en fait": the trade said as such; never "je suis a Macon" (round 27, r27-b-30)
    place = resolve(value, typos=False)
    return place.found and place.commune is not None and normalise(place.commune.name) == normalise(value)
