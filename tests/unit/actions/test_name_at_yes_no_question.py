"""A first name typed at a yes/no question of the handoff ("Paul" to "Êtes-vous d'accord ?") is kept for the
name question, never read as a yes or a no, and the question stays; a "non attendez" is a pause, not a
refusal. Over real trackers and the real form validation action."""

from __future__ import annotations

import pytest

from actions.handoff import first_name_said
from actions.handoff_actions import ValidateHandoffForm
from tests.support.handoff_form import BEFORE, DOMAIN, SITUATION, validate
from tests.support.trackers import bot, run, slot_events, tracker, user


@pytest.mark.parametrize("question", ["wants_advisor", "consent_given", "health_consent"])
@pytest.mark.parametrize(
    "words, intent, value",
    [
        ("Paul", "inform", None),
        ("Paul", "affirm", True),  # the classifier took it for a yes: a name says neither
        ("Paul", "deny", False),  # nor a no: consent is never refused by a first name
        ("je m'appelle paul", "inform", None),
        ("moi c'est Paul", "inform", None),
    ],
)
def test_a_first_name_at_a_yes_no_question_is_kept_and_the_question_stays(question, words, intent, value):
    said, produced = validate(question, words, {question: value}, intent=intent)
    assert produced.get("contact_name") == "Paul", (said, produced)
    assert produced.get(question) is None
    assert produced.get("requested_slot") == question
    assert said and said[0].startswith("Merci Paul"), said


def test_once_consent_is_given_the_name_is_not_asked_again():
    _said, produced = validate("consent_given", "oui", {"consent_given": True, "contact_name": "Paul"}, intent="affirm")
    assert produced["consent_given"] is True
    assert produced["requested_slot"] == "phone"


@pytest.mark.parametrize(
    "words, entities",
    [
        ("c'est grave", []),
        ("bof", []),
        ("Demain matin", []),
        ("Lens", [{"entity": "town", "value": "Lens"}]),
        ("URSSAF", []),
        ("je suis plombier", []),
        ("Ok", []),
    ],
)
def test_words_that_name_nobody_are_no_first_name(words, entities):
    assert first_name_said(words, entities) is None


@pytest.mark.parametrize(
    "words, entities, name",
    [
        ("Paul", [], "Paul"),
        ("Jean-Pierre", [], "Jean-Pierre"),
        ("c'est Nathalie", [], "Nathalie"),
        ("mon prénom est éloïse", [], "Éloïse"),
        ("karim", [{"entity": "first_name", "value": "karim"}], "karim"),
    ],
)
def test_a_first_name_is_read_as_typed(words, entities, name):
    assert first_name_said(words, entities) == name


@pytest.mark.parametrize("question", ["wants_advisor", "consent_given"])
@pytest.mark.parametrize("words", ["non attendez", "non, une seconde", "non attendez je réfléchis"])
def test_no_then_wait_is_a_pause_not_a_refusal(question, words):
    from intake.answers import TAKE_YOUR_TIME

    said, produced = validate(question, words, {question: False}, intent="deny")
    assert produced.get(question) is None and produced.get("requested_slot") == question, (said, produced)
    assert said == [TAKE_YOUR_TIME]


@pytest.mark.parametrize("words", ["non", "non merci", "non pas maintenant"])
def test_a_plain_no_still_refuses(words):
    _said, produced = validate("consent_given", words, {"consent_given": False}, intent="deny")
    assert produced.get("consent_given") is False


@pytest.mark.parametrize(
    "words, name",
    [
        ("moi c'est Paul", "Paul"),
        ("je m'appelle paul", "Paul"),
        ("paul", "Paul"),  # written as a name (round 26, r26b-14: "jean marc" read so by the advisor)
        ("Marie-Claire", "Marie-Claire"),
        # Said again, or with a title: what the advisor reads aloud (off-script conversations, 2026-12-03).
        ("je vous l'ai dit Jean-Marc", "Jean-Marc"),
        ("bah je vous ai déjà dit, Sophie", "Sophie"),
        ("c'est M. Dupont", "M. Dupont"),
    ],
)
def test_at_the_name_question_the_name_is_kept_without_the_words_around_it(words, name):
    events = [user("la banque m'a coupé le découvert"), bot("Comment le conseiller peut-il vous appeler ?")]
    events += [user(words, "inform"), {"event": "slot", "name": "contact_name", "value": words}]
    slots = {**SITUATION, **BEFORE["health_consent"], "difficulty_categories": ["banque"]}
    current = tracker(events, slots={**slots, "contact_name": words, "requested_slot": "contact_name"})
    current.active_loop = {"name": "handoff_form"}
    _, produced = run(ValidateHandoffForm(), current, DOMAIN)
    assert slot_events(produced)["contact_name"] == name


@pytest.mark.parametrize("words", ["n'importe quand", "demain matin", "plutôt l'après-midi"])
def test_a_moment_for_the_call_at_the_consent_question_is_kept_and_consent_still_asked(words):
    said, produced = validate("consent_given", words, {"consent_given": None}, intent="inform")
    assert produced.get("callback_slot") == words and produced.get("consent_given") is None, (said, produced)
    assert produced.get("requested_slot") == "consent_given"
    assert said[0].startswith("Merci, j'ai noté le moment de l'appel"), said


@pytest.mark.parametrize("question", ["wants_advisor", "consent_given"])
@pytest.mark.parametrize(
    "words, name",
    [
        ("bon ok, c'est Laurent", "Laurent"),
        ("ok, Laurent", "Laurent"),
        ("oui, je m'appelle paul", "Paul"),
        # Two yes words, or what the yes is for before the name (2026-12-05: the name was asked again after them).
        ("oui d'accord, c'est Mathieu", "Mathieu"),
        ("oui rappelez-moi plutôt le matin, c'est Yannick", "Yannick"),
        ("ok très bien, je m'appelle Anne-Sophie.", "Anne-Sophie"),
    ],
)
def test_a_yes_with_a_first_name_is_a_yes_and_the_name_is_kept(question, words, name):
    said, produced = validate(question, words, {question: True}, intent="affirm")
    assert produced[question] is True and produced["contact_name"] == name, (said, produced)
    assert said[0] == f"Merci {name}."
    assert produced["requested_slot"] != "contact_name"


@pytest.mark.parametrize("question", ["wants_advisor", "consent_given"])
@pytest.mark.parametrize(
    "words",
    ["bon ok", "oui allez", "oui c'est grave", "oui d'accord, c'est urgent", "oui rappelez-moi, c'est pour ma femme"],
)
def test_a_yes_alone_names_nobody(question, words):
    said, produced = validate(question, words, {question: True}, intent="affirm")
    assert produced[question] is True and "contact_name" not in produced, (said, produced)
    assert not any(text.startswith("Merci ") for text in said)


@pytest.mark.parametrize("question", ["wants_advisor", "consent_given"])
@pytest.mark.parametrize(
    "words, intent", [("passer", "skip_question"), ("je préfère ne pas répondre", "skip_question")]
)
def test_skipping_the_offer_or_the_consent_gives_none_and_ends_the_question(question, words, intent):
    said, produced = validate(question, words, {question: words}, intent=intent)
    assert produced[question] is False and produced["requested_slot"] is None, (said, produced)


@pytest.mark.parametrize(
    "question, slots",
    [("wants_advisor", {}), ("consent_given", {"wants_advisor": True})],
)
def test_a_yes_with_a_name_read_as_a_farewell_is_a_yes(question, slots):
    """ "bon ok, c'est Laurent" classified as goodbye: the stop action takes it as the yes, never a farewell."""
    from actions.intake_actions import ActionStopConversation

    events = [user("la banque m'a coupé le découvert"), bot("?"), user("bon ok, c'est Laurent", "goodbye")]
    current = tracker(events, slots={**SITUATION, **slots, "requested_slot": question}, active_loop="handoff_form")
    dispatcher, produced = run(ActionStopConversation(), current, DOMAIN)
    assert [m.get("text") for m in dispatcher.messages] == ["Merci Laurent."]
    assert slot_events(produced)[question] is True and slot_events(produced)["contact_name"] == "Laurent"
    assert produced[-1] == {"event": "followup", "name": "handoff_form", "timestamp": None}
    if question == "consent_given":
        assert slot_events(produced)["consent_at"]


def test_a_real_farewell_at_the_offer_still_ends_the_conversation():
    from actions.intake_actions import ActionStopConversation

    events = [user("la banque m'a coupé le découvert"), bot("?"), user("ok merci au revoir", "goodbye")]
    current = tracker(events, slots={**SITUATION, "requested_slot": "wants_advisor"}, active_loop="handoff_form")
    dispatcher, produced = run(ActionStopConversation(), current, DOMAIN)
    assert "wants_advisor" not in slot_events(produced) and not any(e.get("event") == "followup" for e in produced)
    # No step had been given yet: the first steps come before the farewell (round 18, r18b-15), which ends the turn.
    assert dispatcher.messages[-1]["text"].startswith("Prenez soin de vous")


@pytest.mark.parametrize("words, name", [("bon ok, c'est Martine", "Martine"), ("oui finalement", None)])
def test_a_yes_after_a_refusal_takes_the_offer_up_again_with_the_name(words, name):
    from actions.intake_actions import ActionAnswerOutsideQuestion

    events = [user("la banque m'a coupé le découvert"), bot("C'est entendu."), user(words, "affirm")]
    current = tracker(events, slots={**SITUATION, "wants_advisor": False})
    dispatcher, produced = run(ActionAnswerOutsideQuestion(), current, DOMAIN)
    slots = slot_events(produced)
    assert slots["wants_advisor"] is True and slots["consent_given"] is None
    assert slots.get("contact_name") == name
    assert [m.get("text") for m in dispatcher.messages] == ([f"Merci {name}."] if name else [])
    assert produced[-1]["event"] == "followup" and produced[-1]["name"] == "handoff_form"


@pytest.mark.parametrize("words", ["bon je vais y aller", "bon allez salut"])
def test_a_farewell_after_the_crisis_path_gives_the_numbers_again(words):
    """ "bon je vais y aller" right after "not safe": never only the chamber's office hours."""
    from actions.intake_actions import ActionStopConversation

    events = [user("bientot vous entendrez plus parler de moi", "express_distress"), bot("?"), user(words, "goodbye")]
    current = tracker(events, slots={**SITUATION, "distress": True, "safe_now": "not_safe"})
    dispatcher, _ = run(ActionStopConversation(), current, DOMAIN)
    [said] = [m.get("text") for m in dispatcher.messages]
    assert "3114" in said and "15" in said and "112" in said, said


def test_salut_opening_a_message_is_a_greeting_not_a_farewell():
    from intake.answers import is_closing

    assert not is_closing("salut, je suis serrurier à Grenoble, la banque me coupe le découvert")
    assert not is_closing("salut je suis peintre en batiment a Tours, l'urssaf me relance")
    assert (
        is_closing("bon allez salut") and is_closing("salut") and is_closing("oups faut que j'y aille un client arrive")
    )
