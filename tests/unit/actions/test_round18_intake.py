"""Round 18 (letter a, intake helper), over real trackers: a no said before a question at an intake question, a name
said with the yes to the call, a goodbye read as a yes by the classifier, a reading taken back, the first words after
an erasure, the worries about who reads and the time difference, "quelle santé ?" at the health question."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.crisis_actions import asks_about_the_business
from actions.erasure_actions import KEPT_DISCREET, TIME_DIFFERENCE_KEPT, WHO_READS, who_reads_text
from actions.handoff import person_to_call, written_for
from actions.handoff_actions import contact_kept_for_later, read_yes_no
from actions.intake_actions import (
    CALL_AFTER_ERASURE,
    ERASED_THEN_BACK,
    TELL_AGAIN_AFTER_ERASURE,
    WELCOME_BACK_NO_QUESTION,
    ActionGreet,
    ValidateSituationForm,
    _reading_put_right,
    first_words_after_erasure,
)
from guidance.knowledge import load_knowledge_base
from tests.support.trackers import bot, run, slot_events, texts, tracker, user


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


# --- a no, then a question, at an intake question (r18a-13) ----------------------------------------------------------


def validate(slot_name, words, intent="ask_question"):
    events = [user("je suis fleuriste, le chiffre a baissé"), slot("requested_slot", slot_name), bot("question")]
    events.append(user(words, intent))
    current = tracker(events, slots={"requested_slot": slot_name}, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    result = getattr(ValidateSituationForm(), f"validate_{slot_name}")(words, dispatcher, current, {})
    return result, texts(dispatcher)


@pytest.mark.parametrize(
    "words",
    ["Non. Mais est-ce que je peux toucher le chômage si je ferme ?", "non, et c'est grave si je paie en retard ?"],
)
def test_a_no_before_a_question_answers_the_deadline_question(words):
    result, said = validate("deadline", words)
    assert result == {"deadline": "aucune échéance connue"}
    assert len(said) == 1  # the question's short reply, never the question again


def test_a_question_alone_still_leaves_the_question_open():
    result, _ = validate("deadline", "c'est grave si je paie en retard ?")
    assert result == {"deadline": None}


# --- a name said with the yes to the call (r18a-02) -----------------------------------------------------------------


@pytest.mark.parametrize(
    "words, name",
    [
        ("oui rappelez-moi moi, je suis sa fille, Claire", "Claire"),
        ("oui appelez-moi, je suis son épouse, Nadège", "Nadège"),
    ],
)
def test_the_writers_name_said_with_the_yes_is_kept(words, name):
    assert person_to_call(words) == name
    current = tracker([user(words, "affirm")], slots={"requested_slot": "wants_advisor"}, active_loop="handoff_form")
    assert contact_kept_for_later(current, words).get("contact_name") == name


def test_a_request_before_the_role_is_never_the_name():
    assert (written_for(["oui rappelez-moi, je suis sa compagne, Inès"]) or {}).get("writer_name") == "Inès"
    assert (written_for(["Inès, je suis sa compagne"]) or {}).get("writer_name") == "Inès"


def test_a_yes_without_a_name_keeps_no_name():
    words = "oui rappelez-moi, je suis sa soeur"
    current = tracker([user(words, "affirm")], slots={"requested_slot": "wants_advisor"}, active_loop="handoff_form")
    assert "contact_name" not in contact_kept_for_later(current, words)


# --- a goodbye read as a yes (r18a-04) --------------------------------------------------------------------------------


def at_offer(words):
    return tracker([user(words, "affirm")], slots={"requested_slot": "wants_advisor"}, active_loop="handoff_form")


@pytest.mark.parametrize("words", ["je vous dis que je dois y aller", "jdois filer là"])
def test_a_goodbye_read_as_affirm_is_no_yes_to_the_call(words):
    assert read_yes_no(True, at_offer(words), "wants_advisor") is None


@pytest.mark.parametrize("words", ["oui rappelez-moi, je dois y aller", "ok d'accord"])
def test_a_yes_in_the_words_stays_a_yes(words):
    assert read_yes_no(True, at_offer(words), "wants_advisor") is True


# --- a reading taken back (r18a-04) -----------------------------------------------------------------------------------


def test_a_category_taken_back_is_said_back_anew():
    events = [
        user("je suis à bout, je travaille tous les jours"),
        slot("difficulty_categories", ["sante"]),
        bot("Si je comprends bien, vous faites face à un problème de santé."),
        user("non ce n'est pas ma santé, c'est le nouveau concurrent en face, les clients partent"),
        slot("difficulty_categories", ["baisse_activite"]),
    ]
    current = tracker(events, slots={"difficulty_categories": ["baisse_activite"], "urgency": "normale"})
    said = _reading_put_right(current)
    assert said is not None and said.startswith("Pardon, j'avais mal compris : ")
    assert "baisse d'activité" in said


def test_a_category_added_is_no_correction():
    events = [
        user("l'urssaf me relance"),
        slot("difficulty_categories", ["cotisations_sociales"]),
        user("et la banque a coupé le découvert"),
        slot("difficulty_categories", ["cotisations_sociales", "banque"]),
    ]
    current = tracker(events, slots={"difficulty_categories": ["cotisations_sociales", "banque"], "urgency": "normale"})
    assert _reading_put_right(current) is None


# --- the first words after an erasure (r18a-13) -------------------------------------------------------------------------


def after_erasure(words, intent="greet", more=()):
    return tracker(
        [
            slot("conversation_erased", True),
            {"event": "action", "name": "action_session_start"},
            slot("conversation_erased", None),
            *more,
            user(words, intent),
        ]
    )


def test_coming_back_after_an_erasure_to_accept_the_call_goes_to_the_consent():
    current = after_erasure("Bonsoir, c'est de nouveau moi. J'accepte l'appel finalement.")
    assert first_words_after_erasure(current)
    dispatcher, events = run(ActionGreet(), current)
    assert texts(dispatcher) == [f"{ERASED_THEN_BACK} {CALL_AFTER_ERASURE}"]
    assert slot_events(events) == {"wants_advisor": True}
    assert any(event.get("name") == "handoff_form" for event in events if event.get("event") == "followup")


def test_coming_back_after_an_erasure_with_a_greeting_only_hears_of_it():
    dispatcher, events = run(ActionGreet(), after_erasure("rebonsoir"))
    assert texts(dispatcher) == [f"{ERASED_THEN_BACK} {TELL_AGAIN_AFTER_ERASURE}"]
    assert events == []


def test_later_greetings_after_an_erasure_are_ordinary():
    earlier = [user("je suis plâtrier, plus de chantiers"), slot("difficulty_categories", ["baisse_activite"])]
    current = after_erasure("re", more=earlier)
    assert not first_words_after_erasure(current)
    current = tracker(
        [*current.events], slots={"difficulty_categories": ["baisse_activite"]}
    )  # the slots the earlier turn set
    dispatcher, _ = run(ActionGreet(), current)
    assert texts(dispatcher) == [WELCOME_BACK_NO_QUESTION]


# --- who reads, the time difference, the fear that it is known (r18a-05, r18a-09) --------------------------------------


def test_the_time_difference_is_answered():
    said = who_reads_text("qui va me rappeler, la chambre d'ici ou celle de Paris ? avec le décalage horaire", False)
    assert said is not None and said.endswith(TIME_DIFFERENCE_KEPT)


def test_the_fear_that_it_becomes_known_is_answered():
    assert who_reads_text("je veux pas que ça se sache au village", False) == KEPT_DISCREET
    both = who_reads_text("qui lit tout ça ? le conseiller, il connait mon garage ?", False)
    assert both is not None and both.startswith(WHO_READS) and KEPT_DISCREET.split(". ")[0] in both
    assert who_reads_text("le conseiller connait les aides ?", False) is None


# --- "quelle santé ?" (r18a-11) -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("words", ["quelle santé ? j'ai jamais parlé de ma santé", "c'est qui qui lit ça ?"])
def test_a_question_about_the_service_is_no_business_question(words):
    assert not asks_about_the_business(words)


def test_a_business_question_is_still_one():
    assert asks_about_the_business("la banque peut me fermer mon compte ?")


# --- no internet (r18a-10): the tax office can be reached otherwise ----------------------------------------------------


@pytest.mark.parametrize("entry_id", ["sie_plan_reglement", "impots_avis_avant_saisie"])
def test_the_tax_office_steps_name_the_phone_beside_the_online_account(entry_id):
    entry = next(entry for entry in load_knowledge_base() if entry.id == entry_id)
    assert any("téléphone" in step for step in entry.how)


def test_a_no_then_a_business_question_read_as_out_of_scope_answers_the_pending_question():
    from actions.ask_actions import ActionOutOfScope

    words = "Non. Mais est-ce que je pourrai toucher le chômage si je ferme mon entreprise ?"
    events = [
        user("je suis tapissier, je n'ai plus de commandes"),
        slot("difficulty_categories", ["baisse_activite"]),
        slot("requested_slot", "deadline"),
        bot("Avez-vous une échéance proche ?"),
        user(words, "out_of_scope"),
    ]
    current = tracker(
        events,
        slots={"requested_slot": "deadline", "difficulty_categories": ["baisse_activite"], "urgency": "normale"},
        active_loop="situation_form",
    )
    dispatcher, result = run(ActionOutOfScope(), current)
    assert texts(dispatcher)  # the question got its reply
    assert slot_events(result).get("deadline") == "aucune échéance connue"
    # Without the no, the question stays pending.
    events[-1] = user("est-ce que je pourrai toucher le chômage si je ferme mon entreprise ?", "out_of_scope")
    current = tracker(events, slots=dict(current.slots), active_loop="situation_form")
    _, result = run(ActionOutOfScope(), current)
    assert "deadline" not in slot_events(result)


def form_turn(categories, question, words):
    """The triage, then the intake form's validation, over ``words`` at ``question`` (as Rasa runs a turn)."""
    from actions.triage_actions import ValidateTriageSlots

    known = {"difficulty_categories": list(categories), "urgency": "normale"}
    earlier = [user("premier message"), *(slot(name, value) for name, value in known.items())]
    earlier += [bot("Si je comprends bien, ..."), slot("requested_slot", question), bot(f"question {question}")]
    message = user(words, "inform")
    current = tracker([*earlier, message], slots={**known, "requested_slot": question}, active_loop="situation_form")
    _, triage = run(ValidateTriageSlots(), current)
    after = [*earlier, message, *triage, slot(question, words)]
    merged = {**known, **slot_events(triage), question: words, "requested_slot": question}
    dispatcher, _ = run(ValidateSituationForm(), tracker(after, slots=merged, active_loop="situation_form"))
    return slot_events(triage).get("difficulty_categories"), texts(dispatcher)


def test_the_form_says_the_reading_taken_back():
    categories, said = form_turn(
        ["sante"],
        "since_when",
        "mais c'est pas la santé le souci, c'est qu'un concurrent a ouvert en face, plus de clients",
    )
    if categories is None or "sante" in categories:
        pytest.skip("the triage kept the health reading: nothing taken back to say")
    assert any(line.startswith("Pardon, j'avais mal compris : ") for line in said)
