"""Round 15 (a.md H1, H3; b.md H6), over real trackers, the real form validation, a real case store and the actions
the classifier picked.

- H1/H6 after the case: a change of the callback moment in ordinary words was lost. "ah non jeudi je peux pas, mettez
  vendredi matin plutot" (deny: "D'accord..."), "en fait mercredi j'ai un rdv, vous pouvez plutot m'appeler lundi apres
  midi ?" (request_human: added to the request), "et lundi finalement je peux pas, mardi aprem plutot" (goodbye),
  "vous pouvez m'appeler mardi après-midi plutôt que lundi ?" (faq: the hours). The case's moment is changed and said
  back with the reference, as a corrected number is.
- H6 before the case: "ah non plutot jeudi matin en fait" at the place question was read as a no and stored as the
  place ("non précisé"): the moment changes and the place question is asked again.
- H3: "samedi matin" at the place question overwrote the deadline ("le 20 janvier" -> "samedi") and raised the case to
  "haute": a moment said at another question never touches the deadline.
Near misses ("non", "non merci", "le 12 plutôt", "plutôt Lens que Lille", a day of the situation) stay as they were."""

from __future__ import annotations

import pytest

from actions.ask_actions import ActionOutOfScope
from actions.conversation import SKIPPED
from actions.faq_actions import ActionAnswerFaq
from actions.handoff_actions import ActionFinishHandoff, ValidateHandoffForm, moment_moved
from actions.intake_actions import ActionAnswerOutsideQuestion, ActionStopConversation
from ops import clock
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import asked, bot, consented, run, slot_events, texts, tracker, user

SENDER = "round15-moment"
THURSDAY = "2026-12-03T10:00:00+01:00"  # open; the default chamber calls from 8 h to 17 h
PLACE_QUESTION = "Dans quel département ou quelle ville se trouve votre entreprise ?"


@pytest.fixture(autouse=True)
def thursday(monkeypatch):
    monkeypatch.setenv(clock.ENV_VAR, THURSDAY)


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


# ------------------------------------------------------------------ the words: a moment changed, or not


@pytest.mark.parametrize(
    "words, moment",
    [
        # the round's own sentences
        ("ah non jeudi je peux pas, mettez vendredi matin plutot", "vendredi matin"),
        ("en fait mercredi j'ai un rdv, vous pouvez plutot m'appeler lundi apres midi ?", "lundi apres midi"),
        ("et lundi finalement je peux pas, mardi aprem plutot", "mardi aprem"),
        ("vous pouvez m'appeler mardi après-midi plutôt que lundi ?", "mardi après-midi"),
        ("ah non plutot jeudi matin en fait", "jeudi matin"),
        # the same class in other words, SMS spelling, no accents
        ("jeudi finalement ça va pas, plutôt vendredi 10h", "vendredi 10h"),
        ("oups mardi je suis pris, mettez mercredi aprem", "mercredi aprem"),
        ("finalement lundi matin ce serait mieux que mardi", "lundi matin"),
        ("ah non pas jeudi, vendredi plutot", "vendredi"),
        ("en fait mercredi c'est pas possible pour moi, jeudi 14h ?", "jeudi 14h"),
        ("vous pourriez me rappeler vendredi plutot que jeudi ?", "vendredi"),
        ("au lieu de jeudi, vendredi matin svp", "vendredi matin"),
        ("jeudi jpeux pas, vendredi aprem plutot", "vendredi aprem"),
        ("lundi c mort, mardi 9h ca ira ?", "mardi 9h"),
        ("Lundi ? Non, je ne pourrai pas. Mardi vers 11h ce serait mieux.", "Mardi vers 11h"),
        ("mardi j ai le kiné, plutot mercredi alors", "mercredi"),
        ("Non finalement, plutôt lundi entre 10h et 12h", "lundi entre 10h et 12h"),
    ],
)
def test_a_moment_changed_in_ordinary_words_is_read(words, moment):
    assert moment_moved(words) == moment


@pytest.mark.parametrize(
    "words",
    [
        "non",
        "non merci",
        "non merci ca ira, bonne soiree",
        "le 12 plutôt",  # a département answer
        "plutôt Lens que Lille",  # a place
        "jeudi matin",  # a moment with no change said: read by the paths that read a moment alone
        "lundi matin c est bon",
        "l'audience est jeudi plutot que mardi",  # days of the situation
        "l'huissier passe jeudi plutot que vendredi",
        "le tribunal c est jeudi finalement",
        "je peux pas payer lundi",
        "finalement je paie lundi",
        "non le matin je peux pas",  # a moment ruled out, none given
        "je suis plutot du matin",
        "je voudrais me suicider lundi plutot que mardi",  # a warning sign: the crisis path reads it
        "",
        None,
    ],
)
def test_other_words_change_no_moment(words):
    assert moment_moved(words) is None


# ------------------------------------------------------------------ after the case, whatever the classifier read


def stored_case(moment="jeudi aprem"):
    events = [user("la banque m'a coupé le découvert"), bot("À quel numéro ?"), user("06 11 22 33 45", "inform")]
    current = tracker(
        [*events, slot("phone", "06 11 22 33 45")],
        slots={**consented(), "phone": "06 11 22 33 45", "callback_slot": moment, "requested_slot": "phone"},
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    _, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return slot_events(produced)["case_reference"]


def after_case(action, words, intent, reference, moment="jeudi aprem", active_loop=None, requested=None):
    slots = consented(phone="+33611223345", case_reference=reference, email="-", callback_slot=moment)
    slots["requested_slot"] = requested
    promise = f"C'est noté, votre référence est {reference}. Un conseiller vous rappellera au 06 11 22 33 45 bientôt."
    events = [user("la banque m'a coupé le découvert"), bot(promise), user(words, intent)]
    current = tracker(events, slots=slots, active_loop=active_loop, sender_id=SENDER)
    dispatcher, produced = run(action, current, DOMAIN)
    return slot_events(produced), texts(dispatcher), events


def corrected(promised, reference):
    return f"C'est corrigé : un conseiller vous rappellera {promised}. Votre référence reste {reference}."


@pytest.mark.parametrize(
    "action, words, intent, moment, promised",
    [
        # r15a-04, read as a no
        (
            ActionAnswerOutsideQuestion,
            "ah non jeudi je peux pas, mettez vendredi matin plutot",
            "deny",
            "vendredi matin",
            "le vendredi 4 décembre, dans la matinée",
        ),
        # read as a correction (round 13's reading): kept as said, the day ruled out with it
        (
            ActionAnswerOutsideQuestion,
            "ah non pas jeudi, vendredi plutot",
            "deny",
            "pas jeudi, vendredi plutot",
            "le vendredi 4 décembre",
        ),
        # r15b-15, read as a goodbye
        (
            ActionStopConversation,
            "et lundi finalement je peux pas, mardi aprem plutot",
            "goodbye",
            "mardi aprem",
            "le mardi 8 décembre, dans l'après-midi",
        ),
        (
            ActionStopConversation,
            "oups jeudi je suis pris, mettez mercredi aprem",
            "stop_conversation",
            "mercredi aprem",
            "le mercredi 9 décembre, dans l'après-midi",
        ),
        # r15b-15, read as a question about the service
        (
            ActionAnswerFaq,
            "vous pouvez m'appeler mardi après-midi plutôt que jeudi ?",
            "faq",
            "mardi après-midi",
            "le mardi 8 décembre, dans l'après-midi",
        ),
        (
            ActionAnswerFaq,
            "vous pourriez me rappeler vendredi 10h plutot que jeudi ?",
            "faq",
            "vendredi 10h",
            "le vendredi 4 décembre, vers 10 h",
        ),
        # read as out of scope
        (
            ActionOutOfScope,
            "jeudi jpeux pas, lundi matin plutot",
            "out_of_scope",
            "lundi matin",
            "le lundi 7 décembre, dans la matinée",
        ),
    ],
)
def test_a_moment_changed_after_the_case_replaces_the_cases_and_is_said(action, words, intent, moment, promised):
    reference = stored_case()
    produced, said, _ = after_case(action(), words, intent, reference)
    assert produced["callback_slot"] == moment
    assert said == [corrected(promised, reference)]
    assert [case.callback_slot for case in stored_cases()] == [moment]


@pytest.mark.parametrize(
    "words",
    [
        "en fait mercredi j'ai un rdv, vous pouvez plutot m'appeler lundi apres midi ?",  # r15a-12
        "finalement jeudi c pas possible, vous pouvez me rappeler lundi aprem ?",
    ],
)
def test_a_moment_changed_with_a_request_for_a_call_after_the_case_is_said_once(words):
    # request_human starts the handoff form again, all its questions answered: the moment changed, said once, and the
    # handoff's end adds no "J'ai ajouté ce que vous venez de dire".
    reference = stored_case(moment="mercredi matin")
    produced, said, events = after_case(ValidateHandoffForm(), words, "request_human", reference, "mercredi matin")
    assert produced["callback_slot"] == "lundi apres midi" or produced["callback_slot"] == "lundi aprem"
    assert said == [corrected("le lundi 7 décembre, dans l'après-midi", reference)]
    assert [case.callback_slot for case in stored_cases()] == [produced["callback_slot"]]
    slots = {**consented(phone="+33611223345", email="-"), **produced}
    ended = tracker(
        [*events, bot(said[0]), slot("callback_slot", produced["callback_slot"])], slots=slots, sender_id=SENDER
    )
    dispatcher, _ = run(ActionFinishHandoff(), ended)
    assert texts(dispatcher) == []


@pytest.mark.parametrize(
    "action, words, intent",
    [
        (ActionAnswerOutsideQuestion, "non", "deny"),
        (ActionAnswerOutsideQuestion, "non merci", "deny"),
        (ActionStopConversation, "merci au revoir", "goodbye"),
        (ActionStopConversation, "le tribunal c'est jeudi finalement, au revoir", "goodbye"),
        (ActionAnswerFaq, "vous appelez le samedi aussi ?", "faq"),
        (ActionOutOfScope, "finalement je paie l'urssaf lundi plutot que mardi", "out_of_scope"),
    ],
)
def test_other_words_after_the_case_leave_its_moment(action, words, intent):
    reference = stored_case()
    produced, said, _ = after_case(action(), words, intent, reference)
    assert "callback_slot" not in produced
    assert not any(text.startswith("C'est corrigé : un conseiller") for text in said)
    assert [case.callback_slot for case in stored_cases()] == ["jeudi aprem"]


# ------------------------------------------------------------------ before the case: at the place question


def at_place_question(words, intent="inform", filled=None, before=None):
    """The place question pending, the time already kept ("mardi vers 14h"); `filled`: what the slot mappings set from
    the words; `before`: the slots set earlier in the conversation."""
    before = {"callback_slot": "mardi vers 14h", **(before or {})}
    filled = {"departement": words, **(filled or {})}
    history = [user("la banque m'a coupé le découvert"), *(slot(name, value) for name, value in before.items())]
    events = [*history, bot(PLACE_QUESTION), user(words, intent), *(slot(n, v) for n, v in filled.items())]
    slots = {**consented(phone="+33611223345", email=SKIPPED), "departement": None, **before, **filled}
    slots["requested_slot"] = "departement"
    current = tracker(events, slots=slots, active_loop="handoff_form", sender_id=SENDER)
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return slot_events(produced), texts(dispatcher), asked(dispatcher)


@pytest.mark.parametrize(
    "words, intent, moment",
    [
        ("ah non plutot jeudi matin en fait", "deny", "jeudi matin"),  # r15b-01
        ("non finalement mardi je peux pas, mercredi 10h plutot", "deny", "mercredi 10h"),
        ("ah non pardon, plutôt vendredi aprem", "inform", "vendredi aprem"),
        ("samedi matin", "inform", "samedi matin"),  # r15a-16: a moment alone, still thought of
    ],
)
def test_a_moment_at_the_place_question_is_the_calls_and_the_place_is_asked_again(words, intent, moment):
    produced, said, next_question = at_place_question(words, intent)
    assert produced["callback_slot"] == moment
    assert produced["departement"] is None and next_question == "departement"
    # Round 19: a day the advisors do not call ("samedi matin") is said so after it (test_round19_moments_kept_and_told).
    assert said[0].startswith(f"Merci, j'ai noté le moment de l'appel ({moment}).")
    assert said[1:] in ([], ["Merci, votre demande est bien enregistrée."])  # the case stored now, with the number
    assert [case.callback_slot for case in stored_cases()] == [moment]


@pytest.mark.parametrize(
    "words, intent",
    [
        ("le 12 plutôt", "inform"),  # a département
        ("plutôt Lens que Lille", "inform"),
        ("non", "deny"),
        ("dans le 62", "inform"),
    ],
)
def test_a_place_answer_at_the_place_question_leaves_the_moment(words, intent):
    produced, said, _ = at_place_question(words, intent)
    assert "callback_slot" not in produced or produced["callback_slot"] == "mardi vers 14h"
    assert not any("moment de l'appel" in text for text in said)


def test_a_moment_at_the_place_question_leaves_the_deadline_and_the_urgency():
    # r15a-16: the entity extractor read "samedi" as the deadline, and the triage raised the case to "haute".
    before = {"deadline": "le 20 janvier", "urgency": "normale", "triage_reasons": {"urgency": ["sans échéance"]}}
    raised = {"deadline": "samedi", "urgency": "haute", "triage_reasons": {"urgency": ["échéance « samedi »"]}}
    produced, _, _ = at_place_question("samedi matin", "inform", filled=raised, before=before)
    assert produced["deadline"] == "le 20 janvier"
    assert produced["urgency"] == "normale"
    assert produced["triage_reasons"] == {"urgency": ["sans échéance"]}
    assert produced["callback_slot"] == "samedi matin"


def test_a_place_and_a_deadline_said_at_the_place_question_are_not_undone():
    # A date of the situation said with the place stays the extractor's and the place validation's to read.
    before = {"deadline": "le 20 janvier", "urgency": "normale"}
    filled = {"departement": "Arras", "deadline": "lundi"}
    produced, said, _ = at_place_question("Arras, et l'audience est lundi", "inform", filled=filled, before=before)
    assert produced.get("deadline", "lundi") == "lundi"
    assert not any("moment de l'appel" in text for text in said)


def test_a_moment_changed_at_the_place_question_read_as_a_goodbye_is_the_calls():
    # "et mardi finalement je peux pas, jeudi matin plutot" (goodbye): the place question's own reading, no farewell.
    words = "et mardi finalement je peux pas, jeudi matin plutot"
    before = {"callback_slot": "mardi vers 14h"}
    history = [user("la banque m'a coupé le découvert"), slot("callback_slot", "mardi vers 14h")]
    events = [*history, bot(PLACE_QUESTION), user(words, "goodbye")]
    slots = {**consented(phone="+33611223345", email=SKIPPED), "departement": None, **before}
    slots["requested_slot"] = "departement"
    current = tracker(events, slots=slots, active_loop="handoff_form", sender_id=SENDER)
    dispatcher, produced = run(ActionStopConversation(), current, DOMAIN)
    assert slot_events(produced)["callback_slot"] == "jeudi matin"
    assert "Merci, j'ai noté le moment de l'appel (jeudi matin)." in texts(dispatcher)
    assert not any(text.startswith("Prenez soin de vous") for text in texts(dispatcher))
