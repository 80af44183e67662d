"""The rasa_sdk adapters over real trackers (Tracker.from_dict) and a real SQLite case store."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions import services
from actions.handoff_actions import NUMBER_AT_THE_NAME, ActionFinishHandoff, ValidateHandoffForm
from actions.intake_actions import ActionAcknowledgeSituation, ActionGiveGuidance
from actions.questions import QUESTIONS
from actions.session_actions import ActionSessionStart
from actions.triage_actions import ValidateTriageSlots
from cases.db import make_engine, make_session_factory
from cases.models import Case
from ops.settings import database_url
from tests.support.trackers import bot, slot_events, texts, tracker, user


def run_coroutine(coroutine):
    # In its own thread: a browser test's sync Playwright may hold this thread's event loop.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def run(action, tracker_, domain=None):
    dispatcher = CollectingDispatcher()
    events = run_coroutine(action.run(dispatcher, tracker_, domain or {}))
    return dispatcher, events


def test_session_start_welcomes_with_the_configured_chamber():
    dispatcher, events = run(ActionSessionStart(), tracker())
    chamber = services.chamber()
    welcome = texts(dispatcher)[0]
    assert chamber.name in welcome
    assert "gratuit" in welcome and "confidentiel" in welcome and "automatique" in welcome
    assert slot_events(events)["chamber_phone"] == chamber.phone
    assert events[0]["event"] == "session_started"
    assert events[-1]["name"] == "action_listen"


def test_session_start_uses_a_second_chamber_configuration(monkeypatch):
    monkeypatch.setenv("RELAIS_CHAMBER_CONFIG", "cma-exemple-nord")
    services.chamber.cache_clear()
    dispatcher, events = run(ActionSessionStart(), tracker())
    assert services.chamber().id == "cma-exemple-nord"
    assert services.chamber().name in texts(dispatcher)[0]
    assert slot_events(events)["chamber_phone"] == "09 72 72 20 60"


def test_session_start_carries_over_what_was_said():
    _, events = run(ActionSessionStart(), tracker(slots={"trade": "boulanger", "requested_slot": "phone"}))
    carried = slot_events(events)
    assert carried["trade"] == "boulanger"
    assert "requested_slot" not in carried


@pytest.mark.parametrize(
    "messages, category",
    [
        (["bonjour", "l'urssaf me réclame trois trimestres"], "cotisations_sociales"),
        (["la banque m'a coupé le découvert"], "banque"),
        (["depuis les travaux du tram plus personne ne vient"], "travaux"),
    ],
)
def test_triage_slots_follow_every_message(messages, category):
    _, events = run(ValidateTriageSlots(), tracker([user(m) for m in messages]))
    slots = slot_events(events)
    assert category in slots["difficulty_categories"]
    assert slots["urgency"] in {"basse", "normale", "haute"}
    assert slots["distress"] is False
    assert slots["triage_reasons"][category]


@pytest.mark.parametrize(
    "messages, categories",
    [
        # What a word means, asked alone, tells no difficulty: "c koi une conciliation" made a court procedure.
        (["bonjour", "c koi une conciliation"], []),
        (["la médiation du crédit c'est quoi ?"], []),
        (["c koi une conciliation", "l'urssaf me réclame 5000 euros"], ["cotisations_sociales"]),
        # The word in a sentence about oneself still counts.
        (["le tribunal me propose une conciliation, c'est quoi"], ["procedure_judiciaire"]),
    ],
)
def test_a_question_about_a_word_alone_is_no_difficulty(messages, categories):
    _, events = run(ValidateTriageSlots(), tracker([user(m) for m in messages]))
    assert slot_events(events).get("difficulty_categories", []) == categories


# 2026-12-05 is a Saturday; at 23:30 UTC it is already Sunday 00:30 in the chamber (Europe/Paris).
@pytest.mark.parametrize(
    "now, deadline",
    [
        ("2026-12-05T10:00:00+00:00", "demain (dimanche 6 décembre)"),
        ("2026-12-05T23:30:00+00:00", "demain (lundi 7 décembre)"),
    ],
)
def test_a_deadline_counts_from_the_chambers_date_not_the_servers(monkeypatch, now, deadline):
    monkeypatch.setenv("RELAIS_NOW", now)
    _, events = run(ValidateTriageSlots(), tracker([user("j'ai une audience au tribunal demain")]))
    assert slot_events(events)["deadline"] == deadline


def test_triage_runs_inside_a_form_and_raises_distress():
    events = [user("un huissier vient saisir"), bot("Dans quel département ?"), user("je veux mourir", "inform")]
    _, result = run(ValidateTriageSlots(), tracker(events, active_loop="situation_form"))
    slots = slot_events(result)
    assert slots["distress"] is True
    assert slots["urgency"] == "critique"


def test_triage_does_not_lower_urgency():
    _, result = run(
        ValidateTriageSlots(),
        tracker(
            [user("je voudrais des informations sur l'urssaf")],
            slots={"urgency": "haute", "difficulty_categories": ["cotisations_sociales"], "distress": False},
        ),
    )
    assert slot_events(result).get("urgency", "haute") == "haute"


def test_acknowledgement_restates_the_situation():
    slots = {
        "difficulty_categories": ["cotisations_sociales"],
        "urgency": "normale",
        "distress": False,
        "triage_reasons": {"cotisations_sociales": ["« l'urssaf me réclame »"]},
    }
    dispatcher, _ = run(ActionAcknowledgeSituation(), tracker([user("l'urssaf me réclame")], slots=slots))
    assert texts(dispatcher)[0].startswith("Si je comprends bien")


def test_guidance_names_the_urssaf_payment_plan():
    slots = {
        "difficulty_categories": ["cotisations_sociales"],
        "urgency": "normale",
        "distress": False,
        "triage_reasons": {},
    }
    dispatcher, events = run(ActionGiveGuidance(), tracker([user("l'urssaf me réclame")], slots=slots))
    said = " ".join(texts(dispatcher))
    assert "délai" in said.lower()
    given = slot_events(events)["guidance_given"]
    assert 1 <= len(given) <= 3


def test_guidance_waits_when_in_distress():
    slots = {
        "difficulty_categories": ["cotisations_sociales"],
        "urgency": "critique",
        "distress": True,
        "triage_reasons": {},
    }
    dispatcher, events = run(ActionGiveGuidance(), tracker([user("je veux mourir")], slots=slots))
    assert dispatcher.messages == [] and events == []


@pytest.mark.parametrize(
    "typed, stored, says",
    [
        ("06 12 34 56 78", "+33612345678", None),
        ("+33 6 12 34 56 78", "+33612345678", None),
        ("123", None, "06 12 34 56 78"),
    ],
)
def test_phone_is_normalised_or_asked_again_with_an_example(typed, stored, says):
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_phone(typed, dispatcher, tracker(), {})
    assert result == {"phone": stored}
    if says:
        assert says in texts(dispatcher)[0]
    else:
        assert dispatcher.messages == []


@pytest.mark.parametrize(
    "extracted, words, stored",
    [
        # The extractor kept part of a number said in a sentence: the whole message gives it.
        ("02 99 11 22", "ah zut, rappelez moi plutot sur le fixe, 02 99 11 22 33", "+33299112233"),
        ("06 12 34 56", "Fred, 06 12 34 56", None),  # a digit pair missing: asked again
    ],
)
def test_a_number_said_in_a_sentence_is_read_whole(extracted, words, stored):
    dispatcher = CollectingDispatcher()
    current = tracker([user(words, "inform")], slots={"requested_slot": "phone"})
    assert ValidateHandoffForm().validate_phone(extracted, dispatcher, current, {}) == {"phone": stored}
    assert (dispatcher.messages == []) is (stored is not None)


@pytest.mark.parametrize(
    "typed, stored, says",
    [
        # Stored as the name the advisor reads aloud (cases RL-0Y4XCY, RL-27W53D while talking to make run).
        ("Fred, 06 12 34 56", "Fred", None),
        ("06 23 45 67 8", None, NUMBER_AT_THE_NAME),
        ("Martine", "Martine", None),
    ],
)
def test_a_number_typed_at_the_name_question_is_never_part_of_the_name(typed, stored, says):
    dispatcher = CollectingDispatcher()
    current = tracker([user(typed, "inform")], slots={"requested_slot": "contact_name"})
    assert ValidateHandoffForm().validate_contact_name(typed, dispatcher, current, {}) == {"contact_name": stored}
    assert texts(dispatcher) == ([says] if says else [])


@pytest.mark.parametrize(
    "words, name",
    [
        ("ah pardon 06 23 45 67 89, je m'appelle Antoine", {"contact_name": "Antoine"}),
        ("Portable 06 23 45 67 89", {}),  # a capitalised word names nobody here
    ],
)
def test_a_name_said_with_the_number_corrects_the_name(words, name):
    current = tracker([user(words, "inform")], slots={"requested_slot": "phone", "contact_name": "06 23 45 67 8"})
    result = ValidateHandoffForm().validate_phone("06 23 45 67 89", CollectingDispatcher(), current, {})
    assert result == {"phone": "+33623456789", **name}


def test_health_consent_is_asked_only_when_health_is_involved():
    form = ValidateHandoffForm()
    with_health = run_coroutine(
        form.required_slots(
            [],
            CollectingDispatcher(),
            tracker(slots={"difficulty_categories": ["sante"], "wants_advisor": True, "consent_given": True}),
            {},
        )
    )
    without = run_coroutine(
        form.required_slots(
            [],
            CollectingDispatcher(),
            tracker(slots={"difficulty_categories": ["banque"], "wants_advisor": True, "consent_given": True}),
            {},
        )
    )
    assert "health_consent" in with_health and "health_consent" not in without
    declined = run_coroutine(
        form.required_slots([], CollectingDispatcher(), tracker(slots={"wants_advisor": False}), {})
    )
    assert declined == ["wants_advisor"]


def handoff_slots(**extra):
    slots = {
        "wants_advisor": True,
        "consent_given": True,
        "consent_at": "2026-11-27T10:00:00+00:00",
        "contact_name": "Sophie",
        "phone": "+33612345678",
        "email": "non précisé",
        "callback_slot": "plutôt le matin",
        "difficulty_categories": ["cotisations_sociales"],
        "urgency": "normale",
        "distress": False,
        "triage_reasons": {"cotisations_sociales": ["« l'urssaf »"]},
        "trade": "boulanger",
        "departement": "59",
    }
    slots.update(extra)
    return slots


def stored_cases():
    with make_session_factory(make_engine(database_url()))() as session:
        return session.execute(select(Case)).scalars().all()


def test_finishing_the_handoff_stores_one_case_and_gives_its_reference():
    conversation = tracker(
        [user("l'urssaf me réclame"), bot("..."), user("06 12 34 56 78", "inform")], slots=handoff_slots()
    )
    dispatcher, events = run(ActionFinishHandoff(), conversation)
    reference = slot_events(events)["case_reference"]
    assert reference in texts(dispatcher)[0]
    assert "06 12 34 56 78" in texts(dispatcher)[0]
    # A retry of the same conversation updates the same case.
    run(ActionFinishHandoff(), tracker([user("l'urssaf me réclame")], slots=handoff_slots(case_reference=reference)))
    cases = stored_cases()
    assert [c.reference for c in cases] == [reference]
    assert cases[0].contact_name == "Sophie"


def test_without_consent_nothing_personal_is_stored():
    dispatcher, events = run(
        ActionFinishHandoff(), tracker([user("l'urssaf")], slots=handoff_slots(consent_given=False))
    )
    assert events == []
    assert services.chamber().phone in texts(dispatcher)[0]
    assert stored_cases() == []


def test_database_down_keeps_the_case_and_says_so(monkeypatch, tmp_path):
    monkeypatch.setenv("RELAIS_DATABASE_URL", "postgresql://postgres@127.0.0.1:1/nowhere")
    services.case_outbox.cache_clear()
    dispatcher, events = run(ActionFinishHandoff(), tracker([user("l'urssaf")], slots=handoff_slots()))
    reference = slot_events(events)["case_reference"]
    said = " ".join(texts(dispatcher))
    assert reference in said
    assert services.chamber().phone in said
    spooled = list((tmp_path / "outbox").glob("*.json"))
    assert len(spooled) == 1


@pytest.mark.parametrize("consent", [True, False])
def test_health_is_kept_only_with_its_own_consent(consent):
    events = [
        user("je suis tombé malade, hospitalisé deux semaines"),
        bot("Si je comprends bien, votre santé."),
        user("et l'urssaf me relance"),
    ]
    slots = handoff_slots(
        difficulty_categories=["sante", "cotisations_sociales"],
        health_consent=consent,
        triage_reasons={"sante": ["« malade »"], "cotisations_sociales": ["« urssaf »"]},
    )
    run(ActionFinishHandoff(), tracker(events, slots=slots))
    case = stored_cases()[0]
    texts_kept = [line["text"] for line in case.transcript]
    assert ("sante" in case.categories) is consent
    assert ("sante" in case.reasons) is consent
    assert any("malade" in text for text in texts_kept) is consent
    assert ("santé" in case.summary) is consent
    assert "et l'urssaf me relance" in texts_kept


def fact(name: str, value: str) -> dict:
    return {"event": "slot", "timestamp": 1_600_000_000, "name": name, "value": value}


# (question slot, earlier events, answer, expected slot value, expected reply). An answer to another question
# ("je suis plombier" to "Depuis quand ?") goes to its own slot and is never stored as this question's answer:
# something new is noted and the question asked again; only what was already known passes the question.
WRONG_QUESTION_CASES = [
    ("since_when", [], "je suis plombier", None, "Merci, c'est noté."),
    ("deadline", [bot("Merci, c'est noté.")], "à Lens", None, "C'est noté aussi."),
    ("creditors", [fact("since_when", "depuis mars")], "ça fait deux mois", None, "Merci, c'est noté."),
    ("since_when", [fact("trade", "plombier"), bot("Merci, c'est noté.")], "je suis plombier", "__skipped__", None),
    ("deadline", [fact("departement", "62")], "à Lens", "__skipped__", None),
]


@pytest.mark.parametrize("slot, earlier, answer, expected, reply", WRONG_QUESTION_CASES)
def test_an_answer_to_another_question_is_never_this_questions_answer(slot, earlier, answer, expected, reply):
    from actions.conversation import SKIPPED
    from actions.intake import SKIPPED_ACK
    from actions.intake_actions import ValidateSituationForm

    events = [*earlier, user(answer, "inform")]
    dispatcher = CollectingDispatcher()
    result = getattr(ValidateSituationForm(), f"validate_{slot}")(answer, dispatcher, tracker(events), {})
    assert result == {slot: SKIPPED if expected == "__skipped__" else expected}
    assert texts(dispatcher) == [reply or SKIPPED_ACK]


def test_a_right_answer_is_kept_tidied_when_it_says_more():
    from actions.intake_actions import ValidateSituationForm

    form = ValidateSituationForm()
    right = tracker([user("ça fait deux ans, je suis plombier", "inform")])
    assert form.validate_since_when("ça fait deux ans, je suis plombier", CollectingDispatcher(), right, {}) == {
        "since_when": "ça fait deux ans"
    }
    plain = tracker([user("2 ans", "inform")])
    assert form.validate_since_when("2 ans", CollectingDispatcher(), plain, {}) == {"since_when": "2 ans"}


@pytest.mark.parametrize(
    "words, ends",
    [
        ("merci", False),
        ("merci beaucoup, c'est gentil", False),
        ("merci c'est tout", True),
        ("merci pour tout, je vous laisse", True),
    ],
)
def test_a_thanks_at_an_intake_question_ends_only_when_it_takes_leave(words, ends):
    from actions.intake_actions import ActionThanksDuringIntake

    asked = tracker(
        [bot("Depuis quand cette situation dure-t-elle ?"), user(words, "thank")],
        slots={"requested_slot": "since_when"},
        active_loop="situation_form",
    )
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionThanksDuringIntake().run(dispatcher, asked, {}))
    followups = [e.get("name") for e in events if e.get("event") == "followup"]
    deactivated = any(e.get("event") == "active_loop" and e.get("name") is None for e in events)
    assert (followups == [], deactivated) == (ends, ends)
    replies = texts(dispatcher) + [m.get("response") or "" for m in dispatcher.messages]
    assert any("Prenez soin de vous" in reply for reply in replies) is ends
    assert not any("?" in reply for reply in replies)  # never the next question


@pytest.mark.parametrize("declined", [{}, {"wants_advisor": False}, {"wants_advisor": True, "consent_given": False}])
def test_an_urgent_acknowledgement_announces_the_offer_only_when_it_can_follow(declined):
    slots = {"difficulty_categories": ["procedure_judiciaire"], "urgency": "haute", "distress": False, **declined}
    dispatcher, _ = run(ActionAcknowledgeSituation(), tracker([user("l'huissier vient lundi")], slots=slots))
    announced = any("je vais vous proposer" in text for text in texts(dispatcher))
    assert announced is (not declined)


@pytest.mark.parametrize(
    "declined, said",
    [
        # The offer announced ("Cela paraît urgent : ..."): the restatement does not say the urgency too.
        ({}, ["Si je comprends bien, vous faites face à une procédure en justice ou à un commissaire de justice."]),
        # No offer can follow: the restatement notes the urgency itself.
        (
            {"wants_advisor": False},
            [
                "Si je comprends bien, vous faites face à une procédure en justice ou à un commissaire de justice. "
                "Je note que c'est urgent."
            ],
        ),
    ],
)
def test_the_urgency_is_said_once_in_an_acknowledgement(declined, said):
    slots = {"difficulty_categories": ["procedure_judiciaire"], "urgency": "haute", "distress": False, **declined}
    dispatcher, _ = run(ActionAcknowledgeSituation(), tracker([user("l'huissier vient lundi")], slots=slots))
    assert texts(dispatcher)[:1] == said


@pytest.mark.parametrize("consent", [True, False])
def test_a_relatives_illness_is_health_data_asked_for_and_kept_only_with_consent(consent):
    """ "ma femme a un cancer" is a life event of the artisan's (vie_personnelle), not their own health, and it was
    kept in the case without any health question: health data all the same (RGPD art. 9)."""
    reasons = {"vie_personnelle": ["« ma femme a un cancer »"], "banque": ["« découvert »"]}
    asked = run_coroutine(
        ValidateHandoffForm().required_slots(
            [],
            CollectingDispatcher(),
            tracker(
                slots={
                    "difficulty_categories": ["vie_personnelle", "banque"],
                    "triage_reasons": reasons,
                    "wants_advisor": True,
                    "consent_given": True,
                }
            ),
            {},
        )
    )
    assert "health_consent" in asked
    text, _ = QUESTIONS["health_consent"].render(
        services.chamber(), {"difficulty_categories": ["vie_personnelle", "banque"]}
    )
    assert text.startswith("Vous avez parlé de la santé d'un proche.")
    events = [user("ma femme a un cancer et la banque m'a coupé le découvert"), bot("Je comprends."), user("boulanger")]
    slots = handoff_slots(
        difficulty_categories=["vie_personnelle", "banque"], health_consent=consent, triage_reasons=reasons
    )
    run(ActionFinishHandoff(), tracker(events, slots=slots))
    case = stored_cases()[0]
    said = [line["text"] for line in case.transcript]
    assert "vie_personnelle" in case.categories  # the code says a life event; the words need the consent
    assert any("cancer" in text for text in said) is consent
    assert ("vie_personnelle" in case.reasons) is consent
    assert case.reasons["banque"] == ["« découvert »"] and "boulanger" in said


def test_a_life_event_without_health_asks_no_health_question():
    slots = {
        "difficulty_categories": ["vie_personnelle"],
        "triage_reasons": {"vie_personnelle": ["« ma femme est partie avec les enfants »"]},
        "wants_advisor": True,
        "consent_given": True,
    }
    asked = run_coroutine(ValidateHandoffForm().required_slots([], CollectingDispatcher(), tracker(slots=slots), {}))
    assert "health_consent" not in asked


def test_what_to_do_with_no_question_pending_gets_first_steps_or_a_person():
    """ "alors pour la tva je fais quoi ?" after the crisis path and a refused call, read as "why do you ask?" with no
    question pending, got "Chaque réponse aide le conseiller à préparer votre rappel." (make run, 2026-12-03)."""
    from actions.intake_actions import ActionExplainQuestion

    calm = {"difficulty_categories": ["impots"], "urgency": "normale", "distress": False}
    dispatcher, events = run(ActionExplainQuestion(), tracker([user("je fais quoi ?", "ask_why_question")], slots=calm))
    assert texts(dispatcher)[0].startswith("Voici quelques premières démarches") and events
    after_crisis = {**calm, "distress": True, "urgency": "critique", "wants_advisor": False}
    words = "alors pour la tva je fais quoi ?"
    dispatcher, _ = run(ActionExplainQuestion(), tracker([user(words, "ask_why_question")], slots=after_crisis))
    [said] = texts(dispatcher)
    assert "conseiller" in said and services.chamber().phone in said and "Chaque réponse" not in said
