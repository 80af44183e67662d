"""The case exists from the answer that gives consent and a phone number (issue: a consented handoff always
becomes a case), over real trackers (Tracker.from_dict), the real form validation action and a real SQLite
case store: later answers update it; thanks, a farewell or a closed tab lose nothing; a withdrawal erases it."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import abuse, services
from actions.ask_actions import ActionOutOfScope
from actions.conversation import SKIPPED
from actions.handoff import BEFORE_YOU_GO, CASE_KEPT, CASE_SAVED, thanks_without_consent_text, withdrawn_text
from actions.handoff_actions import ActionFinishHandoff, ActionHandoffThanks, ValidateHandoffForm
from actions.intake_actions import ActionAcknowledgeSituation, ActionAnswerOutsideQuestion, ActionStopConversation
from cases.limits import CASES_PER_CLIENT, CLIENT_KEY_METADATA, VOLUME_REASON
from ops.settings import database_url
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker as any_tracker, user

PHONE_QUESTION = "À quel numéro de téléphone peut-il vous joindre ?"


SENDER = "conversation-1"


def tracker(events=(), slots=None, sender_id=SENDER):
    return any_tracker(events, slots=slots, sender_id=sender_id)


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


HISTORY = [user("la banque m'a coupé le découvert"), bot("Voulez-vous qu'un conseiller vous rappelle ?")]


def answer(words, requested, slots, candidates=None, intent="inform", metadata=None, sender=SENDER):
    """The tracker the form's validation sees: the artisan's words, then the slots Rasa extracted from them."""
    message = user(words, intent)
    if metadata:
        message["parse_data"]["metadata"] = metadata
    events = [*HISTORY, bot(PHONE_QUESTION), message]
    events += [slot(name, value) for name, value in (candidates or {}).items()]
    current = tracker(events, slots={**slots, **(candidates or {}), "requested_slot": requested}, sender_id=sender)
    if metadata:
        current.latest_message["metadata"] = metadata
    current.active_loop = {"name": "handoff_form"}
    return current


def give_phone(sender=SENDER, **extra):
    return run(
        ValidateHandoffForm(),
        answer("06 12 34 56 78", "phone", consented(**extra), {"phone": "06 12 34 56 78"}, sender=sender),
    )


def test_the_case_is_stored_with_the_phone_number_and_said_so_briefly():
    dispatcher, events = give_phone()
    slots = slot_events(events)
    assert slots["phone"] == "+33612345678"
    assert slots["requested_slot"] == "email"  # the optional questions go on
    stored = stored_cases()
    assert [c.reference for c in stored] == [slots["case_reference"]]
    assert stored[0].phone == "+33612345678" and stored[0].contact_name == "Sophie"
    assert texts(dispatcher) == [CASE_SAVED]  # the reference itself is said once, at the end


def test_every_later_answer_updates_the_same_case_and_the_end_says_the_reference_once():
    _, events = give_phone()
    reference = slot_events(events)["case_reference"]
    after_phone = consented(phone="+33612345678", case_reference=reference)
    dispatcher, events = run(
        ValidateHandoffForm(),
        answer("sophie.martin@example.fr", "email", after_phone, {"email": "sophie.martin@example.fr"}),
    )
    assert "case_reference" not in slot_events(events) and texts(dispatcher) == []
    assert stored_cases()[0].email == "sophie.martin@example.fr"
    after_email = {**after_phone, "email": "sophie.martin@example.fr"}
    run(ValidateHandoffForm(), answer("plutôt le matin", "callback_slot", after_email, {"callback_slot": "le matin"}))
    assert stored_cases()[0].callback_slot == "le matin"
    finished = tracker([*HISTORY, user("plutôt le matin")], slots={**after_email, "callback_slot": "le matin"})
    dispatcher, _ = run(ActionFinishHandoff(), finished)
    assert texts(dispatcher)[0].startswith(
        f"C'est noté, votre référence est {reference}. Un conseiller vous rappellera"
    )
    assert [c.reference for c in stored_cases()] == [reference]


@pytest.mark.parametrize("health_consent", [True, False])
def test_the_health_rule_holds_at_the_save_made_with_the_phone(health_consent):
    health = consented(
        difficulty_categories=["sante", "banque"],
        triage_reasons={"sante": ["« opéré du dos »"], "banque": ["« découvert »"]},
        health_consent=health_consent,
    )
    HISTORY.insert(0, user("j'ai été opéré du dos et je ne peux plus travailler"))
    try:
        run(ValidateHandoffForm(), answer("06 12 34 56 78", "phone", health, {"phone": "06 12 34 56 78"}))
    finally:
        HISTORY.pop(0)
    case = stored_cases()[0]
    assert ("sante" in case.categories) is health_consent
    assert ("sante" in case.reasons) is health_consent
    assert any("opéré" in line["text"] for line in case.transcript) is health_consent


def test_the_abuse_limit_counts_one_case_for_the_whole_conversation():
    key = "client-of-test-the-abuse-limit"
    metadata = {CLIENT_KEY_METADATA: key}
    abuse._new_cases.forget(key)
    _, events = run(
        ValidateHandoffForm(),
        answer("06 12 34 56 78", "phone", consented(), {"phone": "06 12 34 56 78"}, metadata=metadata),
    )
    reference = slot_events(events)["case_reference"]
    after = consented(phone="+33612345678", case_reference=reference, email="non précisé")
    run(
        ValidateHandoffForm(),
        answer("le matin", "callback_slot", after, {"callback_slot": "le matin"}, metadata=metadata),
    )
    run(
        ActionFinishHandoff(),
        answer("le matin", "callback_slot", {**after, "callback_slot": "le matin"}, metadata=metadata),
    )
    assert len(abuse._new_cases._hits[key]) == 1


def test_a_case_over_the_client_limit_is_stored_all_the_same_and_held_for_review():
    """Several artisans may share one address (an office, a mobile operator's): a consented callback always
    becomes a case; beyond the allowance it carries the review reason instead of being refused."""
    key = "client-over-the-limit"
    metadata = {CLIENT_KEY_METADATA: key}
    for _ in range(CASES_PER_CLIENT.count):
        abuse._new_cases.hit(key)
    try:
        dispatcher, events = run(
            ValidateHandoffForm(),
            answer("06 12 34 56 78", "phone", consented(), {"phone": "06 12 34 56 78"}, metadata=metadata),
        )
        reference = slot_events(events)["case_reference"]
        assert slot_events(events)["requested_slot"] == "email" and texts(dispatcher) == [CASE_SAVED]
        [case] = stored_cases()
        assert case.reference == reference and case.phone == "+33612345678"
        assert case.reasons[VOLUME_REASON] == [
            f"plus de {CASES_PER_CLIENT.count} demandes de rappel depuis la même connexion en une heure"
        ]
        ended = answer(
            "le matin", "callback_slot", consented(phone="+33612345678", case_reference=reference), metadata=metadata
        )
        dispatcher, _ = run(ActionFinishHandoff(), ended)
        # The artisan hears the usual promise: the review is the chamber's business.
        assert texts(dispatcher)[0].startswith(
            f"C'est noté, votre référence est {reference}. Un conseiller vous rappellera"
        )
        assert [c.reference for c in stored_cases()] == [reference]
    finally:
        abuse._new_cases.forget(key)


def test_the_outbox_keeps_one_case_when_the_database_is_down_at_the_phone_and_back_at_the_end(monkeypatch, tmp_path):
    up = database_url()
    monkeypatch.setenv("RELAIS_DATABASE_URL", f"sqlite:////nonexistent-{tmp_path.name}/relais.db")
    services.case_outbox.cache_clear()
    dispatcher, events = give_phone()
    reference = slot_events(events)["case_reference"]
    assert texts(dispatcher) == [CASE_KEPT]
    assert len(list((tmp_path / "outbox").glob("*.json"))) == 1
    services.case_outbox().stop_background_flush()
    monkeypatch.setenv("RELAIS_DATABASE_URL", up)
    services.case_outbox.cache_clear()
    after = consented(phone="+33612345678", case_reference=reference, email="non précisé", callback_slot="le matin")
    dispatcher, _ = run(ActionFinishHandoff(), tracker([*HISTORY, user("le matin")], slots=after))
    assert reference in texts(dispatcher)[0]
    assert [(c.reference, c.conversation_id) for c in stored_cases()] == [(reference, SENDER)]


# ------------------------------------------------------------------------------- thanks and farewells


def stored_and_asking(requested="email"):
    _, events = give_phone()
    reference = slot_events(events)["case_reference"]
    return reference, consented(phone="+33612345678", case_reference=reference, requested_slot=requested)


def at_question(words, intent, slots):
    current = tracker(
        [*HISTORY, bot("Voulez-vous aussi laisser une adresse e-mail ?"), user(words, intent)], slots=slots
    )
    current.active_loop = {"name": "handoff_form"}
    return current


def ended(events):
    return any(e.get("event") == "active_loop" and e.get("name") is None for e in events)


@pytest.mark.parametrize(
    "action, words, intent",
    [
        (ActionHandoffThanks(), "merci c'est tout", "thank"),
        (ActionHandoffThanks(), "merci", "thank"),
        (ActionStopConversation(), "bon allez j'y vais moi", "goodbye"),
        (ActionStopConversation(), "au revoir", "goodbye"),
    ],
)
def test_thanks_or_a_farewell_after_the_phone_end_politely_with_the_reference(action, words, intent):
    reference, slots = stored_and_asking()
    dispatcher, events = run(action, at_question(words, intent, slots))
    said = " ".join(texts(dispatcher))
    assert ended(events) and f"votre référence est {reference}" in said
    assert "e-mail" not in said  # no next question
    assert [c.reference for c in stored_cases()] == [reference]


def test_a_closed_tab_after_the_phone_leaves_the_case():
    give_phone()  # and nothing more: the artisan closed the tab
    assert len(stored_cases()) == 1


@pytest.mark.parametrize("requested", ["wants_advisor", "consent_given"])
def test_thanks_before_consent_end_the_offer_politely_and_a_yes_takes_it_up_again(requested):
    slots = {"wants_advisor": True if requested == "consent_given" else None, "requested_slot": requested}
    dispatcher, events = run(ActionHandoffThanks(), at_question("merci", "thank", slots))
    assert ended(events) and slot_events(events)[requested] is False
    assert texts(dispatcher) == [thanks_without_consent_text(services.chamber())]
    assert stored_cases() == []
    after = tracker([user("oui", "affirm")], slots={**slots, requested: False, "requested_slot": None})
    _, events = run(ActionAnswerOutsideQuestion(), after)
    assert [e["name"] for e in events if e.get("event") == "followup"] == ["handoff_form"]


def test_between_consent_and_phone_a_thanks_keeps_the_question_and_a_farewell_says_why_once():
    slots = consented(requested_slot="phone")
    dispatcher, events = run(ActionHandoffThanks(), at_question("merci", "thank", slots))
    assert texts(dispatcher) == ["Je vous en prie."]
    assert [(e["event"], e.get("name")) for e in events] == [("followup", "handoff_form")]
    dispatcher, events = run(ActionStopConversation(), at_question("je dois filer", "goodbye", slots))
    assert texts(dispatcher) == [BEFORE_YOU_GO] and not ended(events)
    again = tracker([*HISTORY, bot(BEFORE_YOU_GO), bot(PHONE_QUESTION), user("au revoir", "goodbye")], slots=slots)
    again.active_loop = {"name": "handoff_form"}
    dispatcher, events = run(ActionStopConversation(), again)
    assert ended(events) and "Sans numéro" in texts(dispatcher)[0]
    assert stored_cases() == []


# ------------------------------------------------------------------------------- withdrawal


@pytest.mark.parametrize(
    "words, intent, requested",
    [
        ("non finalement je ne veux pas", "deny", "email"),
        ("annulez ma demande s'il vous plaît", "stop_conversation", "callback_slot"),
        ("je ne veux plus être rappelé", "inform", "departement"),
    ],
)
def test_consent_withdrawn_after_the_phone_erases_the_case_and_says_so(words, intent, requested):
    reference, slots = stored_and_asking(requested)
    current = at_question(words, intent, slots)
    dispatcher, events = run(ValidateHandoffForm(), current)
    changed = slot_events(events)
    assert changed["consent_given"] is False and changed["case_reference"] is None
    assert changed["phone"] is None and changed["requested_slot"] is None
    case = stored_cases()[0]
    assert (case.reference, case.phone, case.contact_name, case.transcript) == (reference, None, None, [])
    assert case.erased_at is not None and case.conversation_id == f"erased:{reference}"
    # The form ends; action_finish_handoff says what was done.
    finished = tracker([*current.events, *events], slots={**slots, **changed})
    dispatcher, _ = run(ActionFinishHandoff(), finished)
    assert texts(dispatcher) == [withdrawn_text(services.chamber())]


def test_a_withdrawal_after_the_end_of_the_handoff_erases_the_case_too():
    _reference, slots = stored_and_asking(None)
    dispatcher, events = run(
        ActionAnswerOutsideQuestion(), tracker([*HISTORY, user("non finalement je ne veux plus", "deny")], slots=slots)
    )
    assert slot_events(events)["consent_given"] is False
    assert texts(dispatcher) == [withdrawn_text(services.chamber())]
    assert stored_cases()[0].erased_at is not None


@pytest.mark.parametrize(
    "words, intent, requested, candidates",
    [
        ("non merci", "deny", "email", {"email": "non précisé"}),  # no e-mail: the case stays
        ("non en fait c'est plutôt l'après-midi", "inform", "callback_slot", {"callback_slot": "plutôt l'après-midi"}),
    ],
)
def test_a_plain_no_or_a_correction_after_the_phone_withdraws_nothing(words, intent, requested, candidates):
    _reference, slots = stored_and_asking(requested)
    current = at_question(words, intent, {**slots, **candidates})
    current.events.extend(slot(name, value) for name, value in candidates.items())
    _, events = run(ValidateHandoffForm(), current)
    assert slot_events(events).get("consent_given") is not False
    assert stored_cases()[0].erased_at is None and stored_cases()[0].phone == "+33612345678"


def test_a_bare_change_of_mind_at_the_health_question_refuses_the_health_details_only():
    slots = consented(difficulty_categories=["sante"], requested_slot="health_consent")
    current = at_question("non finalement je préfère pas", "deny", {**slots, "health_consent": False})
    current.events.append(slot("health_consent", False))
    _, events = run(ValidateHandoffForm(), current)
    changed = slot_events(events)
    assert changed["health_consent"] is False and "consent_given" not in changed


# ------------------------------------------------------------------------------- the health question


@pytest.mark.parametrize(
    "words, intent, expected",
    [
        ("c'est ok de mon cote", "nlu_fallback", True),  # the CI's case: the classifier was unsure
        ("oui", "affirm", True),
        ("non j aime mieux pas", "deny", False),
        ("je ne prefere pas", "skip_question", False),
        ("euh", "nlu_fallback", None),
    ],
)
def test_the_health_question_is_read_from_the_words_when_the_intent_is_unsure(words, intent, expected):
    value = {"affirm": True, "deny": False, "skip_question": False}.get(intent, words)
    slots = consented(difficulty_categories=["sante"], requested_slot="health_consent", contact_name=None)
    current = at_question(words, intent, {**slots, "health_consent": value})
    current.events.append(slot("health_consent", value))
    dispatcher, events = run(ValidateHandoffForm(), current)
    changed = slot_events(events)
    assert changed["health_consent"] is expected  # None: Rasa's form asks it again
    if expected is None:
        assert texts(dispatcher)  # said what it was taken for; the question comes again


# ------------------------------------------------------------------------------- the phone question


@pytest.mark.parametrize(
    "words, value, says",
    [
        ("laissez moi réfléchir deux secondes", "laissez moi réfléchir deux secondes", "Prenez votre temps."),
        ("je ne sais pas trop quoi vous dire", "non précisé", "vous pouvez aussi répondre « passer »"),
    ],
)
def test_a_hesitation_at_the_phone_question_is_no_wrong_number_nor_a_skip(words, value, says):
    current = answer(words, "phone", consented(), {"phone": value})
    dispatcher = CollectingDispatcher()
    assert ValidateHandoffForm().validate_phone(value, dispatcher, current, DOMAIN) == {"phone": None}
    assert says in texts(dispatcher)[0]
    # The same hesitation again: a skip is then an answer (the handoff ends without a number).
    again = answer(words, "phone", consented(), {"phone": value})
    again.events.insert(-2, bot(texts(dispatcher)[0]))
    result = ValidateHandoffForm().validate_phone(value, CollectingDispatcher(), again, DOMAIN)
    assert result == {"phone": None if value != "non précisé" else "non précisé"}


def test_a_number_said_while_thinking_aloud_is_taken():
    current = answer("attendez c'est le 06 12 34 56 78", "phone", consented(), {"phone": "06 12 34 56 78"})
    dispatcher = CollectingDispatcher()
    assert ValidateHandoffForm().validate_phone("06 12 34 56 78", dispatcher, current, DOMAIN) == {
        "phone": "+33612345678"
    }


# ------------------------------------------------------------------------------- off the script


def test_a_number_given_before_the_consent_is_read_and_the_case_stored_with_the_yes():
    # "c'est le 06 45 23 11 09 mais le soir seulement" to the consent question filled `phone` unread.
    slots = {"wants_advisor": True, "difficulty_categories": ["banque"], "phone": "06 45 23 11 09"}
    current = answer("bon ok", "consent_given", slots, {"consent_given": "bon ok"}, intent="nlu_fallback")
    dispatcher, events = run(ValidateHandoffForm(), current)
    changed = slot_events(events)
    assert changed["consent_given"] is True and changed["phone"] == "+33645231109"
    assert changed["requested_slot"] == "contact_name"  # the number is not asked again
    # Stored, but "votre demande est bien enregistrée" waits until the name is given (round 7: said, then the name
    # asked, which read as if the request were done).
    assert stored_cases()[0].phone == "+33645231109" and texts(dispatcher) == []


def test_a_number_before_the_consent_is_acknowledged_and_the_consent_asked_shortly_again():
    from actions.ask_actions import ASK_ACTIONS
    from actions.questions import QUESTIONS

    words = "c'est le 06 45 23 11 09 mais le soir seulement"
    current = answer(words, "consent_given", {"wants_advisor": True}, {"consent_given": words})
    dispatcher = CollectingDispatcher()
    # The number kept for its question (forgotten on a no), the consent still to give.
    assert ValidateHandoffForm().validate_consent_given(words, dispatcher, current, DOMAIN) == {
        "consent_given": None,
        "phone": "+33645231109",
    }
    assert texts(dispatcher) == ["Merci. Avant de noter vos coordonnées, j'ai besoin de votre accord."]
    full, _ = QUESTIONS["consent_given"].render(services.chamber(), {})
    asked_before = tracker([bot(full), user(words)], slots={"requested_slot": "consent_given"})
    dispatcher, _ = run(ASK_ACTIONS["consent_given"](), asked_before)
    assert texts(dispatcher) == [QUESTIONS["consent_given"].again]
    assert dispatcher.messages[0]["buttons"]  # Oui / Non stay


def test_waiting_words_read_as_out_of_scope_at_a_question_are_time_to_look():
    from actions.ask_actions import ActionOutOfScope
    from intake.answers import TAKE_YOUR_TIME

    current = answer("attendez je cherche mon numéro", "phone", consented(), intent="out_of_scope")
    dispatcher, _events = run(ActionOutOfScope(), current)
    assert texts(dispatcher) == [TAKE_YOUR_TIME]


def test_every_question_can_be_asked_again():
    """Asked a second time, each question renders (its short form when it has one), never an error."""
    from actions.ask_actions import ASK_ACTIONS
    from actions.questions import QUESTIONS

    for slot, action in ASK_ACTIONS.items():
        full, _ = QUESTIONS[slot].render(services.chamber(), {})
        asked_before = tracker([bot(full), user("hmm")], slots={"requested_slot": slot})
        dispatcher = CollectingDispatcher()
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(asyncio.run, action().run(dispatcher, asked_before, DOMAIN)).result()
        assert len(texts(dispatcher)) == 1 and texts(dispatcher)[0], slot
        assert "problème technique" not in texts(dispatcher)[0], slot


@pytest.mark.parametrize(
    "words, name, says",
    [
        ("bon ok", None, "Pardon, je n'ai pas saisi votre prénom."),
        ("euh", None, "Prenez votre temps"),
        ("non", "non précisé", None),
        ("Maryse", "Maryse", None),
        ("appelez moi Nadia", "Nadia", None),  # the name, without the words around it
        # Round 4 of off-script conversations: "Marc je vous l'ai dit" was stored as the name.
        ("Gérard Dumont comme je disais", "Gérard Dumont", None),
        ("Odile, je l'ai écrit plus haut", "Odile", None),
        ("Marc je vous l'ai dit", "Marc", None),
    ],
)
def test_a_yes_or_a_hesitation_is_no_first_name(words, name, says):
    current = answer(
        words, "contact_name", consented(contact_name=None), {"contact_name": words}, intent="nlu_fallback"
    )
    dispatcher = CollectingDispatcher()
    assert ValidateHandoffForm().validate_contact_name(words, dispatcher, current, DOMAIN) == {"contact_name": name}
    assert texts(dispatcher)[0].startswith(says) if says else texts(dispatcher) == []


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("karim arobase gmail point com", "karim@gmail.com"),  # dictated
        ("jean tiret pierre arobase orange point fr", "jean-pierre@orange.fr"),
        ("karim arobase", None),
    ],
)
def test_a_dictated_email_address_is_read(typed, stored):
    from actions.handoff import normalise_email

    assert normalise_email(typed) == stored


def test_a_refusal_read_as_a_request_for_a_call_declines_it():
    # "je ne veux plus être rappelée en fait" was classified request_human: the handoff started, consent asked.
    words = "je ne veux plus être rappelée en fait"
    current = answer(words, None, {}, {"wants_advisor": True}, intent="request_human")
    dispatcher, events = run(ValidateHandoffForm(), current)
    assert slot_events(events) == {"wants_advisor": False, "requested_slot": None}
    finished = tracker([*current.events, *events], slots={"wants_advisor": False})
    dispatcher, _ = run(ActionFinishHandoff(), finished)
    assert texts(dispatcher)[0].startswith("C'est entendu. Je ne transmets rien")


@pytest.mark.parametrize(
    "words, entities, kept",
    [
        ("à Arras", [{"entity": "town", "value": "Arras"}], {"departement": "62", "commune": "Arras"}),
        # Digits at a contact question are a number, never a place; a word the extractor did not see as a town
        # ("maçon" names Mâcon too) is no place either.
        ("62000", [{"entity": "departement", "value": "62000"}], None),
        ("maçon", [], None),
    ],
)
def test_a_town_named_at_the_email_question_is_kept_for_the_place_and_the_question_stays(words, entities, kept):
    """A place passed at its own question, then named at the e-mail question: the case gets its département."""
    _, events = give_phone(departement=SKIPPED)
    reference = slot_events(events)["case_reference"]
    after_phone = consented(phone="+33612345678", case_reference=reference, departement=SKIPPED)
    asking = answer(words, "email", after_phone, {"email": words})
    asking.latest_message["entities"] = entities
    dispatcher, events = run(ValidateHandoffForm(), asking)
    slots = slot_events(events)
    assert slots.get("email") is None  # never stored as an address: the question is asked again
    if kept is None:
        assert "departement" not in slots
        return
    assert {name: slots[name] for name in kept} == kept
    assert texts(dispatcher) == ["Merci, j'ai noté le lieu (Arras)."]
    assert stored_cases()[0].departement == "62"


@pytest.mark.parametrize(
    "words, intent, stored, said",
    [
        # "des que possible" read as a request for a human: a time all the same.
        ("des que possible", "request_human", "des que possible", []),
        ("je veux parler à quelqu'un vite", "request_human", "dès que possible", []),
        # The place again at the time question (found by an off-script conversation): never the time of the call.
        # Nothing kept (the place is known): never "c'est noté" (round 7).
        ("creuse je vous ai dit", "inform", None, ["Pardon, je n'ai pas trouvé de moment dans votre réponse."]),
    ],
)
def test_the_time_question_takes_a_time_and_only_a_time(words, intent, stored, said):
    slots = consented(phone="+33612345678", email="non précisé", departement="23")
    dispatcher, events = run(
        ValidateHandoffForm(), answer(words, "callback_slot", slots, {"callback_slot": words}, intent)
    )
    assert slot_events(events)["callback_slot"] == stored
    assert texts(dispatcher)[: len(said)] == said


@pytest.mark.parametrize(
    "now, urgency, distress, promise",
    [
        # Monday 30 November 2026, 10:00 in Paris: the line is open (default chamber, 8 h - 17 h).
        ("2026-11-30T10:00:00+01:00", "critique", True, "en priorité, dès que possible."),
        ("2026-11-30T18:30:00+01:00", "critique", True, "en priorité dès la réouverture, le mardi 1er décembre à 8 h."),
        ("2026-11-30T10:00:00+01:00", "haute", False, "dès que possible, dans la journée."),
        ("2026-11-30T10:00:00+01:00", "normale", False, "dès que possible, au plus tard le mercredi 2 décembre."),
    ],
)
def test_the_callback_promise_of_an_urgent_case_is_the_inbox_target_not_the_ordinary_delay(
    monkeypatch, now, urgency, distress, promise
):
    """A person in distress was told « au plus tard » four days later, though the inbox asks an advisor to call a
    critical case at once (cases/targets.py)."""
    monkeypatch.setenv("RELAIS_NOW", now)
    slots = consented(phone="+33612345678", urgency=urgency, distress=distress, email="non précisé")
    dispatcher, _ = run(ActionFinishHandoff(), tracker([*HISTORY, user("non merci")], slots=slots))
    [text] = texts(dispatcher)
    assert f"Un conseiller vous rappellera au 06 12 34 56 78 {promise}" in text
    assert ("3114" in text) is distress  # the end of a distress handoff repeats the crisis line


@pytest.mark.parametrize(
    "action, words, intent",
    [
        (ActionOutOfScope(), "bon ok 06 71 72 73 74", "out_of_scope"),
        (ActionAcknowledgeSituation(), "ah si attendez, 06 33 44 55 66", "inform"),
        (ActionAnswerOutsideQuestion(), "oui 06 71 72 73 74", "affirm"),
    ],
)
def test_a_number_given_after_the_handoff_ended_without_one_makes_the_case(action, words, intent):
    """Talking to make run: "pas de téléphone" ended the handoff, then "bon ok 06 71 72 73 74" got the out-of-scope
    reply and no case, the callback and the consent given (a consented handoff always becomes a case)."""
    slots = consented(phone=SKIPPED, email="jean.dupont@orange.fr")
    dispatcher, events = run(action, tracker([*HISTORY, user(words, intent)], slots=slots))
    [case] = stored_cases()
    assert case.phone in ("+33671727374", "+33633445566") and case.email == "jean.dupont@orange.fr"
    assert slot_events(events)["case_reference"] == case.reference
    assert texts(dispatcher) == [CASE_SAVED]
    assert events[-1]["event"] == "followup" and events[-1]["name"] == "handoff_form"


def test_a_number_without_consent_after_the_handoff_makes_no_case():
    slots = consented(phone=SKIPPED, consent_given=False)
    run(ActionOutOfScope(), tracker([*HISTORY, user("06 71 72 73 74", "inform")], slots=slots))
    assert stored_cases() == []


@pytest.mark.parametrize(
    "slot, asked",
    [("wants_advisor", "Voulez-vous qu'un conseiller vous rappelle ?"), ("consent_given", "Êtes-vous d'accord ?")],
)
def test_a_number_given_before_the_consent_is_forgotten_when_the_call_is_refused(slot, asked):
    """Talking to make run: "Bruno 06 99 88 77 66" at "Depuis quand ?" got "Je vous demanderai votre accord avant de
    garder vos coordonnées"; after "non" to the call the number was still in the conversation's slots."""
    slots = {"requested_slot": slot, "phone": "06 99 88 77 66", "email": "bruno@example.fr", "wants_advisor": True}
    if slot == "wants_advisor":
        slots.pop("wants_advisor")
    current = tracker([bot(asked), user("non", "deny")], slots=slots)
    current.active_loop = {"name": "handoff_form"}
    result = getattr(ValidateHandoffForm(), f"validate_{slot}")(False, CollectingDispatcher(), current, DOMAIN)
    result = asyncio.run(result) if asyncio.iscoroutine(result) else result
    assert result[slot] is False and result["phone"] is None and result["email"] is None
    assert stored_cases() == []


@pytest.mark.parametrize(
    "words, intent, candidate",
    [
        # Talking to make run (2026-12-03): the address was noted, then the phone question came back, and "je vous
        # dis que je n'ai pas de téléphone" got the chamber's number and the same question: consent, a name and a
        # way to be reached, and no case.
        ("je n'ai pas de téléphone, écrivez-moi à paul.durand@orange.fr", "inform", "je n'ai pas de téléphone"),
        ("pas de tel, par mail : paul.durand@orange.fr", "skip", SKIPPED),
        ("vous pouvez m'écrire : paul.durand@orange.fr", "inform", "vous pouvez m'écrire : paul.durand@orange.fr"),
    ],
)
def test_an_address_instead_of_a_phone_number_makes_the_case_and_the_advisor_writes(words, intent, candidate):
    dispatcher, events = run(
        ValidateHandoffForm(), answer(words, "phone", consented(), {"phone": candidate}, intent=intent)
    )
    slots = slot_events(events)
    assert slots["phone"] == SKIPPED and slots["email"] == "paul.durand@orange.fr"
    [case] = stored_cases()
    assert case.email == "paul.durand@orange.fr" and case.phone is None and case.contact_name == "Sophie"
    assert slots["case_reference"] == case.reference
    said = texts(dispatcher)
    assert said[0] == "Merci, j'ai noté votre adresse (paul.durand@orange.fr) : le conseiller vous écrira."
    assert PHONE_QUESTION not in said  # never asked again

    ending = consented(phone=SKIPPED, email="paul.durand@orange.fr", case_reference=case.reference)
    dispatcher, _ = run(ActionFinishHandoff(), tracker([*HISTORY, user("c'est bon")], slots=ending))
    [text] = texts(dispatcher)
    assert f"votre référence est {case.reference}" in text and "vous écrira à paul.durand@orange.fr" in text
    assert [c.reference for c in stored_cases()] == [case.reference]


def test_a_skipped_phone_without_an_address_still_makes_no_case():
    _dispatcher, events = run(
        ValidateHandoffForm(), answer("passer", "phone", consented(), {"phone": SKIPPED}, intent="skip")
    )
    assert slot_events(events)["phone"] == SKIPPED and "email" not in slot_events(events)
    assert stored_cases() == []


@pytest.mark.parametrize(
    "words, intent", [("je vous dis que je n'ai pas de téléphone", "inform"), ("pas de tel", "deny")]
)
def test_no_phone_said_after_an_address_is_an_answer_and_the_case_is_written_to(words, intent):
    """Talking to make run: the address kept at the phone question, then "je vous dis que je n'ai pas de téléphone" got
    "Je n'ai pas reconnu ce numéro" and the same question again."""
    dispatcher, events = run(
        ValidateHandoffForm(),
        answer(words, "phone", consented(email="paul.durand@orange.fr"), {"phone": words}, intent=intent),
    )
    slots = slot_events(events)
    assert slots["phone"] == SKIPPED and slots["requested_slot"] is None  # the place is known: the form ends
    assert not any("pas reconnu" in text for text in texts(dispatcher))
    [case] = stored_cases()
    assert case.email == "paul.durand@orange.fr" and case.phone is None


def test_someone_at_risk_who_refuses_the_call_gets_an_open_door_and_the_numbers_not_the_retention_notice():
    """Round 4: "non je veux pas qu'on m'appelle. je voulais juste l'ecrire a quelqu'un", not safe, got "Je ne
    transmets rien... cette conversation est effacée au bout de 7 jours"."""
    slots = {"wants_advisor": False, "distress": True, "safe_now": "not_safe", "urgency": "critique"}
    dispatcher, _ = run(
        ActionFinishHandoff(), tracker([*HISTORY, user("non je veux pas qu'on m'appelle")], slots=slots)
    )
    [said] = texts(dispatcher)
    assert "3114" in said and "112" in said and "continuer à m'écrire" in said and "effacée" not in said
    assert stored_cases() == []


@pytest.mark.parametrize(
    "words, stored",
    [
        # Round 4 of off-script conversations: a widower told his answer was "une adresse pas complète"; an
        # address with a few words after it refused.
        ("Je n'ai pas d'email, ma femme s'occupait de ça", SKIPPED),
        ("pas de mail", SKIPPED),
        ("sylvie.lefebvre59@gmail.com c'est le mien", "sylvie.lefebvre59@gmail.com"),
    ],
)
def test_no_address_is_a_skip_and_an_address_in_a_sentence_is_read(words, stored):
    dispatcher, events = run(
        ValidateHandoffForm(), answer(words, "email", consented(phone="+33612345678"), {"email": words})
    )
    assert slot_events(events)["email"] == stored
    assert not any("pas complète" in text for text in texts(dispatcher))


def test_wait_then_a_change_of_mind_at_the_phone_question_withdraws_the_consent():
    """Round 4: "attendez finalement non, je vais d'abord essayer toute seule sur le site" got "Prenez votre temps"."""
    words = "attendez finalement non, je vais d'abord essayer toute seule sur le site"
    _dispatcher, events = run(ValidateHandoffForm(), answer(words, "phone", consented(), {"phone": words}))
    slots = slot_events(events)
    assert slots["consent_given"] is False and slots["requested_slot"] is None
    assert stored_cases() == []


def test_a_name_said_with_the_number_before_the_consent_is_kept_then_forgotten_if_the_consent_is_refused():
    """Round 4: "Oui je veux bien. Je m'appelle Gérard Dumont, mon numéro est le ... 03 21 57 42 18" at the offer kept
    the number and dropped the name (asked again, then stored empty)."""
    words = "Oui je veux bien. Je m'appelle Gérard Dumont, mon numéro est le 03 21 57 42 18"
    current = tracker(
        [bot("Voulez-vous qu'un conseiller vous rappelle ?"), user(words, "affirm")],
        slots={"requested_slot": "wants_advisor", "phone": "03 21 57 42 18"},
    )
    current.active_loop = {"name": "handoff_form"}
    result = ValidateHandoffForm().validate_wants_advisor(True, CollectingDispatcher(), current, DOMAIN)
    assert result == {"wants_advisor": True, "contact_name": "Gérard Dumont"}

    refused = tracker(
        [bot("Êtes-vous d'accord ?"), user("non", "deny")],
        slots={
            "requested_slot": "consent_given",
            "wants_advisor": True,
            "contact_name": "Gérard Dumont",
            "phone": "03 21 57 42 18",
        },
    )
    refused.active_loop = {"name": "handoff_form"}
    result = ValidateHandoffForm().validate_consent_given(False, CollectingDispatcher(), refused, DOMAIN)
    result = asyncio.run(result) if asyncio.iscoroutine(result) else result
    assert result["consent_given"] is False and result["contact_name"] is None and result["phone"] is None
