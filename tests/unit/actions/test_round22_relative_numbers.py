"""Round 22 (r22a-13, r22a-07): someone close writing, and a refusal after the crisis path (the answer to "vous pouvez
l'appeler lui ?": test_round22_relative.py).

1. A daughter writing for her father answered the direct question "non je crois pas. mais vous pouvez l'appeler lui ?
   06 11 22 33 44": her question got no answer, the handoff form opened next took the father's number as hers, and the
   case was saved under her name with his number ("Je garde le 06 11 22 33 44 que vous m'avez donné"). A number given
   as the person's by a pronoun ("l'appeler lui", "appelez-la", "son portable", "le sien") is theirs when someone close
   writes: never the writer's number to call unless given as a yes to calling them at the offer (then said so); her
   question is answered (the person is called only with their agreement, the writer can be called back); the case
   says whose the number is.
2. The intake's deadline question to that daughter spoke to her as the artisan ("Avez-vous une échéance proche").
3. "non. laissez moi" to the callback offer after the crisis got "Prenez votre temps. Je vous repose la question":
   "laissez-moi" alone, "laissez-moi tranquille", is no pause to think; "laissez-moi réfléchir" still is.

Real trackers, the real validations and actions, a real SQLite case store; sentences written for these tests."""

from __future__ import annotations

import pytest

from actions.handoff import number_owner, relative_written_for, said_to_the_writer
from actions.handoff_actions import TAKE_YOUR_TIME, ActionFinishHandoff, ValidateHandoffForm
from actions.questions import QUESTIONS
from intake.answers import is_waiting
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

FIRST = "bonsoir, j'ecris pour mon pere qui est boulanger, il a des dettes partout et il dit plus rien"
DIRECT_QUESTION = "Je vous pose la question simplement : craignez-vous que votre père pense au suicide ?"
OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"
SENDER = "round22-relative"

# The question and the person's number, in several voices; the person always named by a pronoun only.
ASKED_FOR_HIM = [
    ("non je pense pas. mais vous pourriez l'appeler lui ? 06 47 21 38 95", "+33647213895"),
    ("non. vs pouvez l apeler? 0647213895", "+33647213895"),
    ("je crois pas non... un conseiller pourrait le contacter ? son portable c'est le 06 47 21 38 95", "+33647213895"),
    ("non pas a ce point. appelez le directement, 06.47.21.38.95", "+33647213895"),
    ("Non, je ne pense pas. Est-ce que vous pouvez le rappeler au 06 47 21 38 95 ?", "+33647213895"),
]


# ---------------------------------------------------------------------------- whose number it is, by a pronoun


@pytest.mark.parametrize(
    "words, person, owner",
    [
        ("mais vous pouvez l'appeler lui ? 06 52 14 87 33", "pere", "pere"),
        ("appelez-la plutot au 06 52 14 87 33", "mere", "mere"),
        ("c le 0652148733 son num", "mari", "mari"),
        ("lui c'est le 06 52 14 87 33", "frere", "frere"),
        ("vous pouvez la joindre elle ? 0652148733", "proche", "proche"),
        ("telephonez lui au 06 52 14 87 33 svp", "pere", "pere"),
        # Look-alikes: the writer's own number, or the article before a number.
        ("appelez le 06 52 14 87 33 svp", "pere", None),
        ("rappelez le 06 52 14 87 33", "pere", None),
        ("oui rappelez-moi, 06 52 14 87 33", "pere", None),
        ("mon portable 06 52 14 87 33, appelez-le si besoin", "pere", None),
        ("06 52 14 87 33", "pere", None),
        ("c'est le 06 52 14 87 33, le matin je suis joignable", "pere", None),
        # Nobody written for: a pronoun names no one.
        ("vous pouvez l'appeler lui ? 06 52 14 87 33", None, None),
    ],
)
def test_a_number_given_as_theirs_by_a_pronoun(words, person, owner):
    assert number_owner(words, person) == owner


def test_who_is_written_for():
    assert relative_written_for({}, [FIRST]) == "pere"
    assert relative_written_for({"person_at_risk": "ma mère"}, ["elle dort plus"]) == "mere"
    assert relative_written_for({"person_at_risk": "quelqu'un"}, ["il va mal"]) == "proche"
    assert relative_written_for({}, ["je suis boulanger et j'ai des dettes"]) is None


# -------------------------------------------------------- the person's number never becomes the writer's


def _form_opened_after(words: str, person: str | None = "mon père", number: str = "06 47 21 38 95"):
    """The handoff form opened again right after the clear no: the mapping took the number of the message before."""
    events = [
        user(FIRST if person else "je suis boulanger, j'ai des dettes partout", "describe_situation"),
        bot(DIRECT_QUESTION),
        user(words, "inform", [{"entity": "phone_number", "value": number}]),
        {"event": "action", "name": "action_after_clear_no"},
        bot("Merci pour votre réponse."),
        {"event": "action", "name": "handoff_form"},
        {"event": "slot", "name": "phone", "value": number},
    ]
    slots = {
        "difficulty_categories": ["tresorerie"],
        "urgency": "normale",
        "person_at_risk": person,
        "phone": number,
        "requested_slot": None,
    }
    current = tracker(events, slots=slots, active_loop="handoff_form", sender_id=SENDER)
    return current


@pytest.mark.parametrize("words, number", ASKED_FOR_HIM)
def test_the_persons_number_is_not_kept_as_the_writers(words, number):
    typed = next(part for part in ["06 47 21 38 95", "0647213895", "06.47.21.38.95"] if part in words)
    dispatcher, events = run(ValidateHandoffForm(), _form_opened_after(words, number=typed), DOMAIN)
    slots = slot_events(events)
    assert "phone" in slots and slots["phone"] is None  # the mapping's candidate undone
    assert not any("Je garde" in text for text in texts(dispatcher))


@pytest.mark.parametrize(
    "words, person",
    [
        ("non. joignable au 06 47 21 38 95", None),  # the artisan's own, about themself
        ("non je crois pas. rappelez-moi au 06 47 21 38 95", "mon père"),  # the writer's own
    ],
)
def test_the_writers_own_number_said_before_the_offer_is_kept(words, person):
    _, events = run(ValidateHandoffForm(), _form_opened_after(words, person), DOMAIN)
    assert slot_events(events).get("phone", "the mapping's candidate kept") is not None


FOR_HIM_MAPPED = {"wants_advisor": True, "phone": "06 47 21 38 95"}  # what the slot mappings take from it


def test_at_the_offer_a_number_given_for_him_says_the_advisor_calls_him():
    """The yes to calling him, with his number: said as a call to him (round 9's product rule), never "votre" number."""
    events = [user(FIRST), bot(OFFER), user("oui, vous pouvez l'appeler lui ? 06 47 21 38 95", "affirm")]
    slots = {"difficulty_categories": ["tresorerie"], "urgency": "normale", "requested_slot": "wants_advisor"}
    mapped = [{"event": "slot", "name": name, "value": value} for name, value in FOR_HIM_MAPPED.items()]
    current = tracker(
        [*events, *mapped],
        slots={**slots, **FOR_HIM_MAPPED},
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    assert slot_events(produced)["wants_advisor"] is True
    assert "qu'un conseiller appelle votre père" in " ".join(texts(dispatcher))


def test_the_case_keeps_the_writers_number_and_says_whose_the_other_is():
    said = [FIRST, "oui mais c'est lui qu'il faut appeler", ASKED_FOR_HIM[0][0], "oui mais moi alors", "Oui", "Julie"]
    history = []
    for words in [*said, "06 98 12 34 56"]:
        history += [bot("?"), user(words)]
    slots = consented(contact_name="Julie", phone="+33698123456", person_at_risk="mon père", urgency="normale")
    dispatcher, _ = run(ActionFinishHandoff(), tracker(history, slots=slots, sender_id=SENDER))
    confirmation = " ".join(texts(dispatcher))
    assert "vous rappellera au 06 98 12 34 56" in confirmation and "06 47 21 38 95" not in confirmation
    summary = stored_cases()[0].summary
    assert "Autre numéro donné : 06 47 21 38 95, celui de son père." in summary, summary


# ----------------------------------------------------------------- 2. the intake question speaks of the person


def test_the_deadline_question_speaks_of_the_person():
    question = QUESTIONS["deadline"]
    assert said_to_the_writer(question.text, "votre père") == (
        "Y a-t-il une échéance proche pour votre père, comme une audience, une saisie ou des salaires à payer ? "
        "Si oui, à quelle date ?"
    )
    assert said_to_the_writer(question.again, "votre mère") == "Y a-t-il une date limite proche ? Si oui, laquelle ?"
    assert said_to_the_writer(question.text, None) == question.text


# ---------------------------------------------------------- 3. "laissez-moi" after the crisis is a refusal


@pytest.mark.parametrize(
    "words, waiting",
    [
        ("non. laissez moi", False),
        ("laissez-moi tranquille", False),
        ("non laisse moi en paix", False),
        ("Laissez moi.", False),
        ("laissez-moi réfléchir", True),
        ("laisse moi 2 minutes", True),
        ("laissez moi le temps de regarder", True),
        ("laissez moi y penser un peu", True),
    ],
)
def test_leave_me_alone_is_no_pause(words, waiting):
    assert is_waiting(words) is waiting


def _offer_after_the_crisis(words: str, intent: str = "deny"):
    events = [
        user("j'ai envie d'en finir", "express_distress"),
        {"event": "action", "name": "action_crisis_response"},
        bot("Merci de me l'avoir confié."),
        bot("Êtes-vous en sécurité en ce moment ?"),
        user("oui", "affirm"),
        {"event": "action", "name": "action_after_safety_answer"},
        bot("Je suis soulagé de le lire."),
        {"event": "action", "name": "handoff_form"},
        bot("Voulez-vous qu'un conseiller de la chambre vous rappelle ?"),
        {"event": "slot", "name": "requested_slot", "value": "wants_advisor"},
        user(words, intent),
        {"event": "slot", "name": "wants_advisor", "value": False if intent == "deny" else words},
    ]
    slots = {
        "difficulty_categories": [],
        "urgency": "critique",
        "distress": True,
        "safe_now": "safe",
        "requested_slot": "wants_advisor",
        "wants_advisor": False if intent == "deny" else words,
    }
    return tracker(events, slots=slots, active_loop="handoff_form", sender_id=SENDER)


@pytest.mark.parametrize("words", ["non. laissez moi", "non laisse moi", "Non, laissez-moi tranquille"])
def test_a_refusal_with_leave_me_is_taken_the_first_time(words):
    dispatcher, events = run(ValidateHandoffForm(), _offer_after_the_crisis(words), DOMAIN)
    assert slot_events(events)["wants_advisor"] is False
    assert TAKE_YOUR_TIME not in texts(dispatcher)


def test_let_me_think_still_waits():
    _, events = run(ValidateHandoffForm(), _offer_after_the_crisis("laissez-moi réfléchir", "inform"), DOMAIN)
    assert slot_events(events)["wants_advisor"] is None
