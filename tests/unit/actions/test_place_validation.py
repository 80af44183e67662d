"""The place question in the forms: found, ambiguous, asked once more, then left for the advisor."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import SKIPPED
from actions.handoff_actions import ValidateHandoffForm
from actions.intake import OFFER_SKIP, SKIPPED_ACK
from actions.intake_actions import ValidateSituationForm
from actions.place_validation import AGAIN, CHOOSE, GIVE_UP, PLACE_QUESTION, QUESTION, place_update
from actions.unanswered import WRONG_QUESTION_ACK, WRONG_QUESTION_ACK_AGAIN
from intake.answers import TAKE_YOUR_TIME
from tests.support.trackers import bot, texts, tracker, user


@pytest.mark.parametrize(
    "answer, code, commune",
    [
        ("Arras", "62", "Arras"),
        ("pas de calais", "62", None),
        ("le Nord", "59", None),
        ("Seine-St-Denis", "93", None),
        ("20000", "2A", "Ajaccio"),
        ("97400", "974", "Saint-Denis"),
        ("Saint-Omer (62)", "62", "Saint-Omer"),
        ("Saint-Pierre (974)", "974", "Saint-Pierre"),
    ],
)
def test_a_place_read_keeps_the_code_and_the_commune(answer, code, commune):
    update, message = place_update(answer, {})
    assert update == {"departement": code, "commune": commune, "place_choices": None, "place_unread": None}
    assert message is None


def test_an_ambiguous_name_offers_at_most_three_candidates_then_the_choice_is_read():
    update, message = place_update("Saint-Pierre", {})
    assert update["departement"] is None and message is None
    assert update["place_choices"] == ["Saint-Pierre (974)", "Saint-Pierre (975)", "Saint-Pierre (972)"]
    text, buttons = PLACE_QUESTION.render(None, update)
    assert text.startswith(CHOOSE.split(".")[0]) and "Saint-Pierre (Saint-Pierre-et-Miquelon, 975)" in text  # round 19
    assert [b["title"] for b in buttons] == [*update["place_choices"], "Aucune de celles-ci"]
    chosen, _ = place_update(buttons[1]["payload"], update)
    assert (chosen["departement"], chosen["commune"], chosen["place_choices"]) == ("975", "Saint-Pierre", None)


@pytest.mark.parametrize("answer", ["Aucune de celles-ci", "aucune", "non, aucune", "autre"])
def test_none_of_the_candidates_leaves_the_place_for_the_advisor(answer):
    asked, _ = place_update("Saint-Pierre", {})
    update, message = place_update(answer, asked)
    assert (update["departement"], update["place_choices"], message) == ("non précisé", None, GIVE_UP)


def test_an_unknown_place_is_asked_once_more_then_kept_as_typed():
    first, message = place_update("chez nous", {})
    assert first == {"departement": None, "place_choices": None, "place_unread": "chez nous"} and message is None
    assert PLACE_QUESTION.render(None, first)[0] == AGAIN
    second, message = place_update("vers la mer", first)
    assert second == {
        "departement": "vers la mer",
        "commune": None,
        "place_kept": "vers la mer",
        "place_choices": None,
        "place_unread": None,
    }
    assert message == GIVE_UP
    # The form validates filled slots again on later turns: nothing changes, nothing is said.
    assert place_update("vers la mer", {**first, **second}) == ({"departement": "vers la mer"}, None)


def test_a_code_validated_again_keeps_the_commune_named_before():
    first, _ = place_update("Arras", {})
    again, message = place_update("62", first)
    assert (again["departement"], again["commune"], message) == ("62", "Arras", None)


def test_skip_keeps_the_skip_marker_and_the_plain_question_is_asked_first():
    assert place_update("non précisé", {})[0]["departement"] == "non précisé"
    assert PLACE_QUESTION.render(None, {})[0] == QUESTION


@pytest.mark.parametrize("form", [ValidateSituationForm, ValidateHandoffForm])
def test_both_forms_validate_the_place_with_the_same_rules(form):
    tracker = Tracker.from_dict(
        {
            "sender_id": "t",
            "slots": {"departement": "bethune", "requested_slot": "departement"},
            "latest_message": {"text": "bethune", "intent": {"name": "inform"}},
            "events": [],
            "active_loop": {"name": "x"},
        }
    )
    dispatcher = CollectingDispatcher()
    result = form().validate_departement("bethune", dispatcher, tracker, {})
    assert result["departement"] == "62" and result["commune"] == "Béthune"


def test_the_whole_answer_is_read_rather_than_the_entity_found_in_it():
    tracker = Tracker.from_dict(
        {
            "sender_id": "t",
            "slots": {"departement": "mer", "requested_slot": "departement"},
            "latest_message": {"text": "Boulogne sur mer", "intent": {"name": "inform"}},
            "events": [],
        }
    )
    result = ValidateHandoffForm().validate_departement("mer", CollectingDispatcher(), tracker, {})
    assert (result["departement"], result["commune"]) == ("62", "Boulogne-sur-Mer")


@pytest.mark.parametrize(
    "answer, slots, update, message",
    [
        # Thinking aloud: the question waits; nothing unread is kept to be "not recognised".
        ("euh attendez", {}, {"departement": None}, "Prenez votre temps"),
        # A no or a "don't know": no place will come, said kindly, never kept as a place.
        ("non", {}, {"departement": "non précisé"}, GIVE_UP),
        ("je sais pas", {}, {"departement": "non précisé"}, GIVE_UP),
        # "c bon" is no place: asked once more, then passed, never kept as typed.
        ("c bon", {}, {"departement": None, "place_unread": "c bon"}, None),
        ("c bon", {"place_unread": "euh"}, {"departement": "non précisé"}, GIVE_UP),
    ],
)
def test_words_that_are_no_place_are_never_kept_as_the_place(answer, slots, update, message):
    produced, said = place_update(answer, slots)
    assert {name: produced.get(name) for name in update} == update
    assert (said or "").startswith(message) if message else said is None


def _at_place_question(words: str, earlier: list[dict], filled: dict) -> tuple[CollectingDispatcher, dict]:
    """The situation form's validation of ``words`` said at the place question, after ``earlier`` events;
    ``filled``: what the triage action and Rasa's mappings put in the slots from these words."""
    events = [
        *earlier,
        {"event": "slot", "name": "requested_slot", "value": "departement"},
        bot(QUESTION),
        user(words, "inform"),
        *({"event": "slot", "name": name, "value": value} for name, value in filled.items()),
    ]
    slots = {"requested_slot": "departement", "departement": words, **filled}
    dispatcher = CollectingDispatcher()
    result = ValidateSituationForm().validate_departement(words, dispatcher, tracker(events, slots), {})
    return dispatcher, result


@pytest.mark.parametrize(
    "words, filled",
    [
        # Found by talking to the running bot: the duration given at the place question got "Je n'ai pas reconnu
        # ce lieu", and a second such answer would have been kept as the place typed.
        ("depuis la semaine dernière", {"since_when": "depuis la semaine dernière"}),
        ("ah vous demandez le métier ? je suis carreleur", {"trade": "carreleur"}),
        ("on est 3 salariés", {"employees": "3 salariés"}),
    ],
)
def test_another_questions_answer_at_the_place_question_is_noted_and_the_place_asked_again(words, filled):
    dispatcher, result = _at_place_question(words, [], filled)
    assert texts(dispatcher) == [WRONG_QUESTION_ACK]
    assert result == {"departement": None}  # neither unread nor kept: the plain question comes again
    assert PLACE_QUESTION.render(None, result)[0] == QUESTION
    # After an unread answer too ("chez nous"), never kept as the place typed.
    dispatcher, result = _at_place_question(words, [user("chez nous", "inform")], filled)
    assert result["departement"] is None and "place_kept" not in result


def test_the_third_answer_to_other_questions_passes_the_place_question():
    earlier = [
        {"event": "slot", "name": "requested_slot", "value": "departement"},
        user("depuis mars", "inform"),
        bot(WRONG_QUESTION_ACK),
        user("je suis plombier", "inform"),
        bot(f"{WRONG_QUESTION_ACK_AGAIN} {OFFER_SKIP}"),
    ]
    dispatcher, result = _at_place_question("on a 2 salariés", earlier, {"employees": "2 salariés"})
    assert result == {"departement": SKIPPED}
    assert texts(dispatcher) == [f"{WRONG_QUESTION_ACK_AGAIN} {SKIPPED_ACK}"]


def test_what_was_already_known_said_again_at_the_place_question_passes_it():
    known = {"event": "slot", "name": "trade", "value": "carreleur"}
    dispatcher, result = _at_place_question("je suis carreleur", [known], {"trade": "carreleur"})
    assert result == {"departement": SKIPPED} and texts(dispatcher) == [SKIPPED_ACK]


def _aside(
    words: str, intent: str, extracted: dict, entities: list | None = None, known: dict | None = None
) -> tuple[list[str], dict]:
    """The situation form's validation when `words` answer "Depuis quand ... ?" and the mappings took `extracted`
    (`known`: slots set before the question)."""
    import yaml

    from ops.settings import REPO_ROOT
    from tests.support.trackers import run, slot_events

    domain = {"forms": yaml.safe_load((REPO_ROOT / "bot/domain/intake.yml").read_text(encoding="utf-8"))["forms"]}
    known = known or {}
    events = [
        user("je suis boulanger, l'urssaf me réclame 6000 €"),
        *({"event": "slot", "name": name, "value": value} for name, value in known.items()),
        {"event": "slot", "name": "requested_slot", "value": "since_when"},
    ]
    events += [bot("Depuis quand ?"), user(words, intent, entities)]
    events += [{"event": "slot", "name": name, "value": value} for name, value in extracted.items()]
    slots = {"difficulty_categories": ["cotisations_sociales"], "requested_slot": "since_when", **known, **extracted}
    dispatcher, produced = run(
        ValidateSituationForm(), tracker(events, slots=slots, active_loop="situation_form"), domain
    )
    return texts(dispatcher), slot_events(produced)


def test_a_place_said_aside_read_as_a_farewell_is_kept_and_said_kept():
    # "bon c'est à côté de Brest" to "Depuis quand ?", classified goodbye: the question's slot took nothing.
    said, produced = _aside("bon c'est à côté de Brest", "goodbye", {"departement": "29"})
    assert said == ["Merci, j'ai noté le lieu (Finistère)."]
    assert produced["departement"] == "29"


def test_a_place_at_another_question_is_acknowledged_once():
    # "Lens" to "Depuis quand ?": the question's own validation says it was noted; the place validation is silent.
    said, produced = _aside(
        "Lens", "inform", {"since_when": "Lens", "departement": "Lens"}, [{"entity": "town", "value": "Lens"}]
    )
    assert said == [WRONG_QUESTION_ACK], produced


@pytest.mark.parametrize("form", [ValidateSituationForm, ValidateHandoffForm])
@pytest.mark.parametrize("words", ["un instant je regarde mes papiers", "attendez je cherche"])
def test_time_asked_at_the_place_question_waits_even_when_the_nlu_read_a_skip(form, words):
    """The simulator (2026-12-04): the skip intent filled the skip marker, the place question was passed and, after a
    refused callback, the conversation ended on "C'est entendu"."""
    tracker_ = Tracker.from_dict(
        {
            "sender_id": "t",
            "slots": {"departement": SKIPPED, "requested_slot": "departement"},
            "latest_message": {"text": words, "intent": {"name": "skip_question"}},
            "events": [],
            "active_loop": {"name": "x"},
        }
    )
    dispatcher = CollectingDispatcher()
    result = form().validate_departement(SKIPPED, dispatcher, tracker_, {})
    assert result["departement"] is None
    assert [message["text"] for message in dispatcher.messages] == [TAKE_YOUR_TIME]
    # A real skip still passes the question.
    skipping = Tracker.from_dict(
        {**tracker_.current_state(), "latest_message": {"text": "je passe", "intent": {"name": "skip_question"}}}
    )
    assert form().validate_departement(SKIPPED, CollectingDispatcher(), skipping, {})["departement"] == SKIPPED


@pytest.mark.parametrize("words, number", [("2", "2"), ("on est 2", "2"), ("12", "12"), ("3 je crois", "3")])
@pytest.mark.parametrize("answer_taken", [False, True])
def test_a_small_number_at_another_question_never_replaces_the_place(words, number, answer_taken):
    """Round 7: "2" to "Depuis quand ?" (then to "Avez-vous une échéance ?"), tagged a département by the entity
    extractor, replaced the Nord (59) known from "Lille" with the Aisne, and said "Merci, c'est noté"."""
    entities = [{"entity": "departement", "value": number}]
    extracted = {"departement": number, **({"since_when": words} if answer_taken else {})}
    said, produced = _aside(words, "inform", extracted, entities, known={"departement": "59"})
    assert produced.get("departement", "59") == "59"
    assert not any("lieu" in line for line in said)


@pytest.mark.parametrize("words", ["ah et on est dans le 62", "on est dans le 62 en fait", "Liévin (62)"])
def test_a_number_said_as_a_place_at_another_question_is_the_place(words):
    entities = [{"entity": "departement", "value": "62"}]
    _, produced = _aside(words, "inform", {"departement": "62"}, entities, known={"departement": "59"})
    assert produced.get("departement") == "62"


def test_a_place_validated_this_turn_is_kept_when_the_next_form_checks_it_again():
    """The simulator (seed 20261232): "62000" at the place question became "62"; the handoff form, starting in the same
    turn, extracted "62000" again, found no place word in a number alone, and emptied the place."""
    events = [
        user("on a été cambriolés cette nuit", "describe_situation"),
        bot("Dans quel département ou quelle ville se trouve votre entreprise ?"),
        user("62000", "inform", [{"entity": "departement", "value": "62000"}]),
        {"event": "slot", "name": "departement", "value": "62000"},
        {"event": "slot", "name": "departement", "value": "62"},  # the place question's validation
        {"event": "slot", "name": "departement", "value": "62000"},  # the handoff form's own extraction
    ]
    current = tracker(events, slots={"requested_slot": None, "departement": "62000"}, active_loop="handoff_form")
    result = ValidateHandoffForm().validate_departement("62000", CollectingDispatcher(), current, {})
    assert result["departement"] == "62"


def test_a_number_answering_the_place_question_stays_when_the_next_form_starts_in_the_same_turn():
    """The simulator (seeds 20261201, 20261232): "62" answered the place question, the situation form ended and the
    handoff form started in the same turn; the slot validation ran again with the callback offer pending, read "62"
    alone as said at another question, and emptied the place, asked again at the end."""
    from actions.triage_actions import place_undone

    events = [
        user("j'ai reçu une injonction de payer", "describe_situation"),
        {"event": "slot", "name": "requested_slot", "value": "departement"},
        bot("Dans quel département ou quelle ville se trouve votre entreprise ?"),
        user("62", "inform", [{"entity": "departement", "value": "62"}]),
        {"event": "slot", "name": "departement", "value": "62"},
        {"event": "slot", "name": "requested_slot", "value": "wants_advisor"},
    ]
    current = tracker(
        events, slots={"requested_slot": "wants_advisor", "departement": "62"}, active_loop="handoff_form"
    )
    assert place_undone(current) == []


@pytest.mark.parametrize("requested", ["safe_now", "suicide_thoughts"])
def test_a_town_said_in_the_answer_to_a_crisis_question_leaves_the_place_known(requested):
    """Round 9 (r9a-28): "je suis pas en danger, je serai sur un chantier à Brive lundi" at the safety question turned
    the case's Haute-Vienne (87) into Corrèze (19)."""
    from actions.triage_actions import facts_to_fill, place_undone

    words = "je suis pas en danger, je voulais dire que je serai peut-être sur un chantier à Brive lundi"
    events = [
        {"event": "slot", "name": "departement", "value": "87"},
        {"event": "slot", "name": "requested_slot", "value": requested},
        bot("Êtes-vous en sécurité en ce moment ?"),
        user(words, "inform", [{"entity": "departement", "value": "Brive"}]),
        {"event": "slot", "name": "departement", "value": "Brive"},
    ]
    current = tracker(events, slots={"requested_slot": requested, "departement": "Brive"})
    assert place_undone(current) == [{"event": "slot", "timestamp": None, "name": "departement", "value": "87"}]
    assert "departement" not in facts_to_fill(current)


def test_a_place_corrected_at_a_crisis_question_without_talk_of_safety_is_kept():
    """The simulator (seed 20261234): "je ne suis plus dans le 62, l'atelier est à Roubaix maintenant" at the safety
    question was dropped with r9a-28's rule, which is about an answer that speaks of safety."""
    from actions.triage_actions import facts_to_fill

    words = "je ne suis plus dans le 62, l'atelier est à Roubaix maintenant"
    events = [
        {"event": "slot", "name": "departement", "value": "62"},
        {"event": "slot", "name": "requested_slot", "value": "safe_now"},
        bot("Êtes-vous en sécurité en ce moment ?"),
        user(words, "inform"),
    ]
    current = tracker(events, slots={"requested_slot": "safe_now", "departement": "62"})
    assert facts_to_fill(current).get("departement") == "59"
