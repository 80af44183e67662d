"""Round 11 handoff answers (r11a F2, F3, F6, F7; r11b F10), over real trackers, the real form validation and a real
SQLite case store: a name put right in the same breath is the name kept; a name corrected after the case is stored
is corrected and said back; contact details given at the health question are kept and said noted, the health
question staying open; a wish for the time of the call is kept as said, never replaced by "dès que possible"."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from actions.conversation import SKIPPED
from actions.handoff import name_in_so_many_words, name_put_right
from actions.handoff_actions import ValidateHandoffForm, callback_promise, number_after_the_handoff
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "round11-handoff"
REFERENCE = "RL-R11AAA"


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def slots_before_name(**extra):
    slots = consented()
    slots.pop("contact_name")
    return {**slots, **extra}


def at_question(requested, words, intent="inform", filled=None, slots=None, history=(), active=True):
    """The handoff form at ``requested``: the artisan's words, then what the slot mappings took from them."""
    events = [*history, bot("?"), user(words, intent), *(slot(name, value) for name, value in (filled or {}).items())]
    current = tracker(
        events, slots={**(slots or consented()), **(filled or {}), "requested_slot": requested}, sender_id=SENDER
    )
    if active:
        current.active_loop = {"name": "handoff_form"}
    return current


def validated(requested, words, intent="inform", filled=None, slots=None, history=()):
    dispatcher, events = run(
        ValidateHandoffForm(), at_question(requested, words, intent, filled, slots, history), DOMAIN
    )
    return slot_events(events), texts(dispatcher)


# ------------------------------------------------------------------ F2: a name put right in the same breath


@pytest.mark.parametrize(
    "words, name",
    [
        ("Sandrine euh non Sandra pardon", "Sandra"),
        ("sandrine non sandra", "Sandra"),
        ("Karim, non c'est Kamel", "Kamel"),
        ("Jean-Pierre non Jean-Paul désolé", "Jean-Paul"),
        ("Marie enfin Marie-Claire", "Marie-Claire"),
    ],
)
def test_a_name_put_right_is_read(words, name):
    assert name_put_right(words) == name


@pytest.mark.parametrize(
    "words", ["Sandra", "Sandrine Dupont", "Paul non merci", "Jean non pas du tout", "non", "euh Nadia"]
)
def test_no_correction_no_name_put_right(words):
    assert name_put_right(words) is None


@pytest.mark.parametrize(
    "intent, filled",
    [
        ("deny", {"contact_name": SKIPPED}),  # r11a-03: read as a "non", the name was passed
        ("inform", {"contact_name": "Sandrine euh non Sandra pardon"}),
        ("inform", {"contact_name": "Sandrine"}),  # the entity extractor's first name
        ("describe_situation", None),  # no mapping at all
    ],
)
def test_the_corrected_name_is_the_name_kept(intent, filled):
    """Round 11, r11a-03: the case had an empty contact_name."""
    produced, said = validated("contact_name", "Sandrine euh non Sandra pardon", intent, filled, slots_before_name())
    assert produced["contact_name"] == "Sandra"
    assert produced["requested_slot"] == "phone"
    assert said == ["Merci Sandra, c'est noté."]


@pytest.mark.parametrize("words, kept", [("Sandra", "Sandra"), ("non", SKIPPED)])
def test_a_plain_name_or_a_no_at_the_name_question_is_read_as_before(words, kept):
    intent = "deny" if words == "non" else "inform"
    produced, _ = validated(
        "contact_name", words, intent, {"contact_name": SKIPPED if words == "non" else words}, slots_before_name()
    )
    assert produced["contact_name"] == kept


# ------------------------------------------------------------------ F3: a name corrected after the case

STORED = {**consented(contact_name="Nathalie"), "contact_name": "Nathalie", "phone": "+33612345695"}
STORED.update(email=SKIPPED, case_reference=REFERENCE)
HISTORY = [slot("phone", "+33612345695"), slot("case_reference", REFERENCE)]


@pytest.mark.parametrize(
    "words",
    [
        "mon nom c'est Nathalie Roux",
        "ah au fait mon nom c'est Nathalie Roux",
        "en fait je m'appelle Nathalie Roux",
    ],
)
def test_a_name_in_so_many_words_is_read(words):
    assert name_in_so_many_words(words) == "Nathalie Roux"


FIXED_LINE = "euh en fait attendez, mon nom c'est Nathalie Roux, et rappelez plutot sur le fixe 04 73 12 34 56"


def test_name_and_number_corrected_together_in_the_form():
    """Round 11, r11a-22: the number was corrected, the name stayed "Nathalie" and nothing was said of it."""
    produced, said = validated(
        "callback_slot",
        FIXED_LINE,
        filled={"phone": "+33473123456"},
        slots={**STORED, "phone": "+33473123456"},
        history=HISTORY,
    )
    assert produced["phone"] == "+33473123456"
    assert produced["contact_name"] == "Nathalie Roux"
    assert "Nathalie Roux" in " ".join(said) and "04 73 12 34 56" in " ".join(said)
    assert [(case.contact_name, case.phone) for case in stored_cases()] == [("Nathalie Roux", "+33473123456")]


@pytest.mark.parametrize(
    "words, phone",
    [(FIXED_LINE, "+33473123456"), ("ah au fait mon nom c'est Nathalie Roux", "+33612345695")],
)
def test_name_corrected_after_the_handoff_outside_the_form(words, phone):
    current = tracker([*HISTORY, bot("?"), user(words, "out_of_scope")], slots=STORED, sender_id=SENDER)
    dispatcher = CollectingDispatcher()
    events = number_after_the_handoff(dispatcher, current)
    assert slot_events(events)["contact_name"] == "Nathalie Roux"
    assert "Nathalie Roux" in " ".join(texts(dispatcher))
    assert [(case.contact_name, case.phone) for case in stored_cases()] == [("Nathalie Roux", phone)]


@pytest.mark.parametrize("requested", ["callback_slot", "email"])
def test_a_name_corrected_at_a_later_question_is_no_address_nor_time(requested):
    words = "ah au fait mon nom c'est Nathalie Roux"
    slots = {**STORED, requested: None}
    produced, said = validated(requested, words, filled={requested: words}, slots=slots, history=HISTORY)
    assert produced[requested] is None
    assert produced["contact_name"] == "Nathalie Roux"
    assert said[0] == "C'est corrigé : le conseiller demandera Nathalie Roux."


def test_the_same_name_again_changes_nothing():
    current = tracker(
        [*HISTORY, bot("?"), user("je m'appelle Nathalie", "out_of_scope")], slots=STORED, sender_id=SENDER
    )
    assert number_after_the_handoff(CollectingDispatcher(), current) is None


# ------------------------------------------------------------------ F6: contact details at the health question

HEALTH = slots_before_name(difficulty_categories=["sante"])


@pytest.mark.parametrize(
    "words, filled, kept, says",
    [
        (
            "06.12.34.56.79",
            {},
            {"phone": "+33612345679"},
            "Merci, c'est noté. J'ai gardé votre numéro (06 12 34 56 79).",
        ),
        (
            "06 12 34 56 89",
            {"phone": "06 12 34 56 89"},
            {"phone": "+33612345689"},
            "Merci, c'est noté. J'ai gardé votre numéro",
        ),
        (
            "plutot le soir apres 18h",
            {},
            {"callback_slot": "plutot le soir apres 18h"},
            # Outside the hours: said at once, never "gardé" (round 23, r23b-05).
            "Merci, c'est noté. Les conseillers ne peuvent pas vous appeler le soir après 18 h",
        ),
        (
            "Jean-Pierre 06 12 34 56 79",
            {},
            {"phone": "+33612345679", "contact_name": "Jean-Pierre"},
            "Merci Jean-Pierre, c'est noté. J'ai gardé votre numéro",
        ),
        ("Jean-Pierre", {}, {"contact_name": "Jean-Pierre"}, "Merci Jean-Pierre, c'est noté."),
    ],
)
def test_details_given_at_the_health_question_are_kept_and_said_noted(words, filled, kept, says):
    """Round 11, r11a-02, r11a-14: "Je vous repose la question", "je n'ai pas bien compris"."""
    produced, said = validated("health_consent", words, filled={"health_consent": words, **filled}, slots=HEALTH)
    assert produced["health_consent"] is None
    assert produced["requested_slot"] == "health_consent"  # the health question stays: no health data without it
    for name, value in kept.items():
        assert produced[name] == value
    assert said[0].startswith(says), said
    assert "un oui ou un non suffit" in said[0]
    assert "repose la question" not in " ".join(said) and "pas bien compris" not in " ".join(said)
    for case in stored_cases():
        assert case.health_consent is False


@pytest.mark.parametrize("words, intent, answer", [("oui", "affirm", True), ("non", "deny", False)])
def test_a_yes_or_a_no_to_the_health_question_is_read_as_before(words, intent, answer):
    produced, _ = validated("health_consent", words, intent, {"health_consent": answer}, HEALTH)
    assert produced["health_consent"] is answer


# ------------------------------------------------------------------ F7 / F10: the wish for the time of the call

AT_TIME = {**consented(), "phone": "+33612345679", "email": SKIPPED}


@pytest.mark.parametrize(
    "words, intent, filled",
    [
        ("je prefere pas lundi", "skip_question", "dès que possible"),  # r11a-19
        ("pas avant 10h et pas le mercredi", "inform", "words"),  # r11a-18
        ("plutot en fin de matinée vers 11h", "out_of_scope", None),  # r11a-13: no mapping, asked again
        ("merci, plutôt vers 11h", "thank", None),
    ],
)
def test_a_wish_for_the_time_is_kept_as_said(words, intent, filled):
    mapped = {"callback_slot": words if filled == "words" else filled} if filled else {}
    produced, _ = validated("callback_slot", words, intent, mapped, AT_TIME)
    assert produced["callback_slot"] == words


def test_an_evening_wish_at_the_time_question_is_told_the_hours_and_asked_again():
    """r11a-02 stored "dès que possible"; since round 14 a moment out of the hours is said so and asked again, as "soir"
    alone is (r14a-12), never kept silently."""
    words = "oui le soir c'est mieux"
    produced, said = validated("callback_slot", words, "affirm", {"callback_slot": words}, AT_TIME)
    assert produced["callback_slot"] is None and produced["requested_slot"] == "callback_slot"
    assert said[0].startswith("Les conseillers ne peuvent pas vous appeler le soir : ils appellent de 8 h à 17 h.")


@pytest.mark.parametrize(
    "words, intent, filled, kept",
    [("oui", "affirm", "oui", "dès que possible"), ("passer", "skip_question", "dès que possible", "dès que possible")],
)
def test_a_yes_or_a_skip_at_the_time_question_is_still_as_soon_as_possible(words, intent, filled, kept):
    produced, _ = validated("callback_slot", words, intent, {"callback_slot": filled}, AT_TIME)
    assert produced["callback_slot"] == kept


@pytest.mark.parametrize(
    "words",
    ["quand vous voulez mais pas le matin je suis sur les chantiers", "pas le matin, je suis sur les chantiers"],
)
def test_a_time_at_the_email_question_is_kept_not_refused_as_an_address(words):
    """Round 11, r11b-06: "Cette adresse ne semble pas complète"."""
    slots = {**consented(), "phone": "+33612345679"}
    produced, said = validated("email", words, filled={"email": words}, slots=slots)
    assert produced["callback_slot"]
    assert produced["email"] is None
    assert not any("adresse" in text.lower() and "complète" in text for text in said), said


def test_a_wrong_address_is_still_said_incomplete():
    slots = {**consented(), "phone": "+33612345679"}
    _, said = validated("email", "karim@gmail", filled={"email": "karim@gmail"}, slots=slots)
    assert any("ne semble pas complète" in text for text in said)


@pytest.mark.parametrize(
    "words",
    ["je voudrais qu'on m'appelle plutot le soir", "rappelez moi plutot le soir", "oui rappelez moi demain matin"],
)
def test_the_time_said_with_the_request_is_kept(words):
    """Round 11, r11b-04: the case had no time. At the offer, and when the request started the handoff."""
    offer = {**consented(), "wants_advisor": None, "consent_given": None}
    produced, _ = validated("wants_advisor", words, "affirm", {"wants_advisor": True}, offer)
    assert produced["wants_advisor"] is True and produced["callback_slot"]
    started = {**consented(), "wants_advisor": True, "consent_given": None}
    current = at_question(None, words, "request_human", None, started)
    _, events = run(ValidateHandoffForm(), current, DOMAIN)
    assert slot_events(events)["callback_slot"]


def test_a_request_without_a_time_keeps_no_time():
    started = {**consented(), "wants_advisor": True, "consent_given": None}
    _, events = run(
        ValidateHandoffForm(), at_question(None, "rappelez moi svp", "request_human", None, started), DOMAIN
    )
    assert "callback_slot" not in slot_events(events)


@pytest.mark.parametrize(
    "wish, kept",
    [
        # r11a-18: dropped from the confirmation; since round 12 the constraint is said as a time, not echoed.
        ("pas avant 10h et pas le mercredi", ["à partir de 10 h", "sauf le mercredi"]),
        ("pas le matin", ["dans l'après-midi"]),
        ("quand vous voulez mais pas le matin je suis sur les chantiers", ["dans l'après-midi"]),
    ],
)
def test_the_promise_keeps_a_wish_the_hours_do_not_read(wish, kept):
    promise = callback_promise(services.chamber(), {"callback_slot": wish, "urgency": "normale"})
    assert all(words in promise for words in kept), promise


@pytest.mark.parametrize("wish", ["plutot le soir apres 18h", "oui le soir c'est mieux", "plutot le soir apres 17h30"])
def test_an_evening_wish_is_told_the_hours(wish):
    """r11a-02, r11b-11: said to the artisan that advisors call until 17 h."""
    promise = callback_promise(services.chamber(), {"callback_slot": wish, "urgency": "normale"})
    assert "jusqu'à 17 h" in promise


@pytest.mark.parametrize("wish", ["dès que possible", "jeudi plutot", None])
def test_the_promise_is_unchanged_without_such_a_wish(wish):
    assert "souhait" not in callback_promise(services.chamber(), {"callback_slot": wish, "urgency": "normale"})


@pytest.mark.parametrize(
    "words",
    [
        "oui mais c'est moi qu'il faut appeler, pas lui, et pas entre midi et deux il rentre manger",
        "oui je suis dispo le matin avant 11h",
        "ok mais joignable seulement apres 17h",
    ],
)
def test_a_moment_said_with_words_about_the_call_at_the_offer_is_kept(words):
    """Round 12 (me12-2): the moment said with the yes was asked again at the time question."""
    offer = {**consented(), "wants_advisor": None, "consent_given": None}
    produced, _ = validated("wants_advisor", words, "affirm", {"wants_advisor": True}, offer)
    assert produced["wants_advisor"] is True and produced["callback_slot"]


def test_a_date_of_the_difficulty_said_with_the_yes_is_no_moment_for_the_call():
    offer = {**consented(), "wants_advisor": None, "consent_given": None}
    produced, _ = validated("wants_advisor", "oui, l'audience est lundi", "affirm", {"wants_advisor": True}, offer)
    assert produced["wants_advisor"] is True and not produced.get("callback_slot")
