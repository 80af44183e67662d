"""Round 18 (b.md M12, r18b-15): someone who came only for information left with no first step at all.

"je voulais seulement des renseignements" with the refusal of the call gives the first steps at once; a goodbye in the
middle of the questions gives them before the farewell. Near misses: a plain refusal, steps already given, distress.
"""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.intake_actions import NO_CALLBACK_NOTED, ActionStopConversation, ValidateSituationForm
from tests.support.trackers import run, slot_events, texts, tracker, user

STORY = "serrurier à Tours, les travaux de la rue ont vidé la boutique et le loyer augmente"
SLOTS = {"difficulty_categories": ["travaux", "baisse_activite"], "urgency": "normale", "distress": False}
STEPS_INTRO = "Voici quelques premières démarches qui peuvent vous aider :"


def _refusal(words: str, slots: dict) -> tuple[CollectingDispatcher, dict]:
    current = tracker(
        [user(STORY), user(words, "deny")],
        slots={**slots, "requested_slot": "creditors"},
        active_loop="situation_form",
    )
    dispatcher = CollectingDispatcher()
    result = ValidateSituationForm().validate_creditors(words, dispatcher, current, {})
    return dispatcher, result


def test_information_only_with_the_refusal_gives_the_steps_now():
    dispatcher, result = _refusal("non pas de rappel, c'était juste pour me renseigner", SLOTS)
    said = texts(dispatcher)
    assert said[:2] == [NO_CALLBACK_NOTED, STEPS_INTRO]
    assert len(said) >= 3
    assert result["creditors"] is None and result["wants_advisor"] is False
    assert result["guidance_given"], result


def test_near_miss_a_plain_refusal_gives_no_steps_yet():
    dispatcher, result = _refusal("non je ne veux pas qu'on me rappelle", SLOTS)
    assert texts(dispatcher) == [NO_CALLBACK_NOTED]
    assert "guidance_given" not in result


def test_near_miss_steps_already_given_are_not_repeated():
    given = {"guidance_given": [{"id": "chambre_travaux", "name": "x", "link": None}]}
    slots = {**SLOTS, "difficulty_categories": ["travaux"], **given}
    dispatcher, _ = _refusal("non pas de rappel, c'était juste pour me renseigner", slots)
    assert texts(dispatcher) == [NO_CALLBACK_NOTED]


def _goodbye(slots: dict) -> tuple[list[str], dict]:
    current = tracker(
        [user(STORY), user("Bon, merci, au revoir.", "goodbye")],
        slots={**slots, "requested_slot": "creditors"},
        active_loop="situation_form",
    )
    dispatcher, events = run(ActionStopConversation(), current)
    return texts(dispatcher), slot_events(events)


def test_a_goodbye_in_the_middle_of_the_questions_gets_the_steps_first():
    said, slots = _goodbye(SLOTS)
    assert said[0] == STEPS_INTRO
    assert said[-1].startswith("Prenez soin de vous.")
    assert slots.get("guidance_given")


def test_near_miss_a_goodbye_after_the_steps_is_a_farewell_only():
    said, _ = _goodbye({**SLOTS, "guidance_given": [{"id": "chambre_travaux", "name": "x", "link": None}]})
    assert STEPS_INTRO not in said
    assert said[-1].startswith("Prenez soin de vous.")


def test_near_miss_a_goodbye_before_any_difficulty_is_a_farewell_only():
    said, _ = _goodbye({"difficulty_categories": [], "distress": False})
    assert STEPS_INTRO not in said


# ------------------------------------------------------------------ LOW (r18b-16): "C'est entendu." hanging alone


def _after_refusal(words: str, intent: str) -> list[str]:
    from actions import services
    from actions.handoff_actions import finish_handoff, refusal_words
    from tests.support.trackers import bot

    refused = refusal_words(services.chamber(), {})
    current = tracker(
        [user(STORY), bot(refused), user(words, intent)],
        slots={"wants_advisor": False, "consent_given": None, "distress": False},
    )
    dispatcher = CollectingDispatcher()
    finish_handoff(dispatcher, current)
    return texts(dispatcher)


def test_a_fact_given_after_the_refusal_gets_no_hanging_word():
    assert _after_refusal("eurl", "inform") == []


def test_near_miss_a_second_refusal_still_gets_its_short_word():
    assert _after_refusal("non toujours pas", "deny") == ["C'est entendu."]


# ----------------------------------------------- LOW (r18b-03): "restez près de votre mari", whom she cannot reach


def test_fear_after_the_person_was_said_unreachable_is_the_one_thing_to_do_now():
    from actions.handoff_actions import ValidateHandoffForm
    from guidance.crisis import LATE_NEWS_AGAIN, unreachable_reply
    from tests.support.handoff_form import DOMAIN
    from tests.support.trackers import bot
    from tests.unit.actions.test_round16_after_crisis import OFFER, _at_the_offer

    before = [user("il répond plus au téléphone depuis midi", "inform"), bot(unreachable_reply("mon frère"))]
    before.append(bot(OFFER))
    dispatcher, _ = run(ValidateHandoffForm(), _at_the_offer("je ne sais pas, j'ai si peur", before=before), DOMAIN)
    said = texts(dispatcher)
    assert said == [LATE_NEWS_AGAIN]
    assert not any("restez près" in text for text in said)


def test_near_miss_fear_alone_keeps_stay_close():
    from actions.handoff_actions import ValidateHandoffForm
    from guidance.crisis import not_safe_reply
    from tests.support.handoff_form import DOMAIN
    from tests.unit.actions.test_round16_after_crisis import _at_the_offer

    dispatcher, _ = run(ValidateHandoffForm(), _at_the_offer("je ne sais pas, j'ai si peur"), DOMAIN)
    assert texts(dispatcher) == [not_safe_reply("mon frère")]


# ------------------------------------------------------ LOW (r18b-12): "..." to the direct question, nothing confided


def _crisis_after(words: str) -> list[str]:
    from actions.crisis_actions import crisis_reply
    from tests.support.trackers import bot

    current = tracker(
        [user(STORY), bot("est-ce qu'il vous arrive de penser au suicide ?"), user(words, "nlu_fallback")],
        slots={"distress": False, "person_at_risk": None},
    )
    dispatcher = CollectingDispatcher()
    crisis_reply(dispatcher, current, answered=True)
    return texts(dispatcher)


def test_a_wordless_answer_is_not_thanked_as_confided():
    from guidance.crisis import CONFIDED, WORDLESS_OPENING

    said = _crisis_after("…")
    assert said[0].startswith(WORDLESS_OPENING) and CONFIDED not in said[0]
    assert "3114" in said[0]


def test_near_miss_words_are_still_thanked():
    from guidance.crisis import CONFIDED

    assert _crisis_after("des fois oui, la nuit")[0].startswith(CONFIDED)
