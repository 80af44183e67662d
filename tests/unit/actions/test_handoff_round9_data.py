"""Round 9 handoff data (r9a A1, A4, B1; r9b 3, 4, 5), over real trackers, the real actions and a real SQLite case
store: a valid number at the phone question wins over the words around it; a number corrected in the same breath is
the one kept; a bare number at another question never replaces the place known; a relative's number after the case is
added, said back, nothing restarted; a name said with a reminder, or with markup, is the name; a number given as the
person concerned's is said to be theirs, in the summary and in the confirmation."""

from __future__ import annotations

import re

import pytest

from actions.conversation import SKIPPED
from actions.handoff import (
    clean_name,
    corrected_numbers,
    number_owner,
    other_numbers,
    phone_notes,
    preferred_phone,
)
from actions.handoff_actions import ActionFinishHandoff, ValidateHandoffForm, name_after_reminder
from actions.intake_actions import ActionAcknowledgeSituation, ActionStopConversation
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "round9-data"
PHONE_QUESTION = "À quel numéro de téléphone peut-il vous joindre ?"


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def at_question(requested, words, intent="inform", filled=None, slots=None, history=(), entities=None):
    """The handoff form at ``requested``: the artisan's words, then what the slot mappings took from them."""
    events = [*history, bot("?"), user(words, intent, entities)]
    events += [slot(name, value) for name, value in (filled or {}).items()]
    current = tracker(
        events, slots={**(slots or consented()), **(filled or {}), "requested_slot": requested}, sender_id=SENDER
    )
    current.active_loop = {"name": "handoff_form"}
    return current


# ------------------------------------------------------------------ 1. a number at the phone question is the answer

NUMBER_WITH_NEGATION = [
    ("0690 77 66 55, c'est mon portable, lui il répondra pas", "+590690776655"),
    ("06 77 66 55 44, c'est mon portable, lui il répondra pas", "+33677665544"),
    ("06 12 34 56 78 mais ne me rappelez pas avant lundi", "+33612345678"),
    ("06 12 34 56 78, je ne réponds pas le matin", "+33612345678"),
]


@pytest.mark.parametrize("words, e164", NUMBER_WITH_NEGATION)
@pytest.mark.parametrize("intent, filled", [("skip_question", SKIPPED), ("deny", None), ("inform", "words")])
def test_a_number_at_the_phone_question_wins_over_negation_words(words, e164, intent, filled):
    """Round 9, r9a-14: read as a skip, the number gave "Sans numéro ... je ne transmets rien" and no case."""
    mapped = {"phone": words if filled == "words" else filled} if filled else {}
    dispatcher, events = run(ValidateHandoffForm(), at_question("phone", words, intent, mapped), DOMAIN)
    assert slot_events(events).get("phone") == e164, texts(dispatcher)
    assert "Sans numéro" not in " ".join(texts(dispatcher))
    assert [case.phone for case in stored_cases()] == [e164]


@pytest.mark.parametrize("words, e164", NUMBER_WITH_NEGATION)
@pytest.mark.parametrize("intent", ["stop_conversation", "goodbye"])
def test_a_number_read_as_a_stop_at_the_phone_question_makes_the_case(words, e164, intent):
    """The rules send a stop or a farewell to action_stop_conversation: the number is kept there too."""
    dispatcher, events = run(ActionStopConversation(), at_question("phone", words, intent))
    assert slot_events(events).get("phone") == e164
    assert slot_events(events).get("consent_given", True) is True  # nothing withdrawn
    assert [case.phone for case in stored_cases()] == [e164]
    said = " ".join(texts(dispatcher))
    assert "Sans numéro" not in said and "retiré" not in said, said


# ------------------------------------------------------------------ 2. a number corrected in the same breath


@pytest.mark.parametrize(
    "words, kept, others",
    [
        ("06 01 02 03 04 non attendez 06 01 02 03 05 c'est ça ?", "+33601020305", []),
        ("06 01 02 03 04 pardon 06 01 02 03 05", "+33601020305", []),
        ("06 01 02 03 04 euh non 06 01 02 03 05", "+33601020305", []),
        ("06 01 02 03 04, je me suis trompé, 06 01 02 03 05", "+33601020305", []),
        ("06 01 02 03 04 oups 06 01 02 03 05", "+33601020305", []),
        # Not corrections: a second number, a fallback, a number said wrong.
        ("06 01 02 03 04 ou sinon 06 01 02 03 05", "+33601020304", ["+33601020305"]),
        ("06 01 02 03 04 non attendez, aussi le fixe 01 45 67 89 10", "+33601020304", ["+33145678910"]),
        ("c'est le 06 01 02 03 04 et non pas le 06 01 02 03 05", "+33601020304", ["+33601020305"]),
    ],
)
def test_the_number_after_words_of_self_correction_is_the_one(words, kept, others):
    choice = preferred_phone(words)
    assert choice is not None and (choice[0], choice[1]) == (kept, others)
    assert other_numbers([words], kept) == others  # a number taken back is no other number for the advisor


def test_a_corrected_number_at_the_phone_question_is_kept_and_said_back():
    words = "06 01 02 03 04 non attendez 06 01 02 03 05 c'est ça ?"
    dispatcher, events = run(ValidateHandoffForm(), at_question("phone", words, "inform", {"phone": words}), DOMAIN)
    assert slot_events(events)["phone"] == "+33601020305"
    assert "06 01 02 03 05, le numéro que vous avez corrigé" in " ".join(texts(dispatcher))
    case = stored_cases()[0]
    assert case.phone == "+33601020305" and "06 01 02 03 04" not in case.summary
    assert corrected_numbers(words) == ["+33601020304"]


@pytest.mark.parametrize(
    "requested, words",
    [
        ("callback_slot", "non c'est le 05 le bon !"),
        ("callback_slot", "le 05"),
        ("email", "c'est le 05 à la fin"),
        ("callback_slot", "non le 33"),
    ],
)
def test_a_bare_number_at_another_question_never_replaces_the_place_known(requested, words):
    """Round 9, r9b-14: "non c'est le 05 le bon !" at the time question turned the 13 into the Hautes-Alpes."""
    history = [user("06 01 02 03 04 non attendez 06 01 02 03 05 c'est ça ?"), bot("Je garde le 06 01 02 03 04.")]
    code = re.search(r"\d+", words).group()
    current = at_question(
        requested,
        words,
        "inform",
        {"departement": code},
        slots=consented(departement="13", phone="+33601020305", case_reference="RL-TEST01"),
        history=[slot("departement", "13"), *history],
        entities=[{"entity": "departement", "value": code}],
    )
    _, events = run(ValidateHandoffForm(), current, DOMAIN)
    assert slot_events(events).get("departement", "13") == "13"


def test_a_place_said_as_such_at_another_question_still_corrects_it():
    words = "au fait on est dans le 62, pas le 59"
    current = at_question(
        "callback_slot",
        words,
        "inform",
        {"departement": "62"},
        slots=consented(departement="59"),
        history=[slot("departement", "59"), user("je suis boulanger"), bot("?")],
        entities=[{"entity": "departement", "value": "62"}],
    )
    _, events = run(ValidateHandoffForm(), current, DOMAIN)
    assert slot_events(events).get("departement") == "62"


# ------------------------------------------------------------------ 3. a relative's number after the case

STORED = "+33651234567"
INTAKE = {"since_when": "depuis le 28 novembre", "creditors": "fournisseurs", "urgency": "elevee"}


def stored_case(sender=SENDER) -> str:
    events = [user("ma chambre froide est en panne"), bot(PHONE_QUESTION), user("06 51 23 45 67", "inform")]
    events.append(slot("phone", "06 51 23 45 67"))
    current = tracker(
        events, slots={**consented(**INTAKE), "phone": "06 51 23 45 67", "requested_slot": "phone"}, sender_id=sender
    )
    current.active_loop = {"name": "handoff_form"}
    _, result = run(ValidateHandoffForm(), current)
    return slot_events(result)["case_reference"]


RELATIVE_NUMBERS = [
    (
        "ah et si je réponds pas vous pouvez appeler ma femme au 0696 31 41 51",
        "0696 31 41 51",
        "votre femme",
        "son épouse",
    ),
    ("si je décroche pas, appelez mon fils au 06 22 33 44 55", "06 22 33 44 55", "votre fils", "son fils"),
    ("vous pouvez aussi joindre mon associé : 06 22 33 44 55", "06 22 33 44 55", "votre associé", "son associé"),
]


@pytest.mark.parametrize("words, shown, said_whose, summary_whose", RELATIVE_NUMBERS)
def test_a_relatives_number_after_the_case_is_added_and_nothing_restarts(words, shown, said_whose, summary_whose):
    """Round 9, r9a-08: the intake questions started again, two slots were emptied and the number was lost."""
    reference = stored_case()
    history = [
        slot("phone", STORED),
        slot("case_reference", reference),
        bot(f"C'est noté, votre référence est {reference}."),
        user(words, "describe_situation"),
    ]
    current = tracker(history, slots=consented(phone=STORED, case_reference=reference, **INTAKE), sender_id=SENDER)
    dispatcher, events = run(ActionAcknowledgeSituation(), current)
    said = " ".join(texts(dispatcher))
    assert said_whose in said and shown in said and reference in said, said
    assert "?" not in said  # no question restarted
    assert any(event.get("event") == "followup" and event.get("name") == "action_listen" for event in events)
    assert all(slot_events(events).get(name, "kept") == "kept" for name in INTAKE)  # nothing reset
    case = stored_cases()[0]
    assert case.phone == STORED and f"Autre numéro donné : {shown}, celui de {summary_whose}." in case.summary


@pytest.mark.parametrize("requested", ["callback_slot", "departement", "email"])
def test_a_relatives_number_at_another_handoff_question_after_the_case_is_added(requested):
    reference = stored_case()
    words = RELATIVE_NUMBERS[0][0]
    history = [slot("phone", STORED), slot("case_reference", reference)]
    current = at_question(
        requested,
        words,
        "inform",
        {requested: words, "phone": "0696 31 41 51"},
        slots=consented(phone=STORED, case_reference=reference),
        history=history,
    )
    dispatcher, events = run(ValidateHandoffForm(), current, DOMAIN)
    said = " ".join(texts(dispatcher))
    assert "votre femme au 0696 31 41 51" in said and reference in said, said
    assert slot_events(events).get("phone", STORED) == STORED
    assert "0696" not in str(slot_events(events).get(requested) or "")
    case = stored_cases()[0]
    assert case.phone == STORED and "0696 31 41 51, celui de son épouse" in case.summary


# ------------------------------------------------------------------ 4. names said with a reminder


@pytest.mark.parametrize(
    "words, intent, filled, name",
    [
        ("je vous l'ai dit, Nadia", "skip_question", SKIPPED, "Nadia"),
        ("je vous l'ai dit, Nadia", "inform", "je vous l'ai dit, Nadia", "Nadia"),
        ("Lucas je vous ai dit", "inform", "Lucas je vous ai dit", "Lucas"),
        ("Lucas je vous ai dit", "skip_question", SKIPPED, "Lucas"),
        ("lucas, je vous l'ai déjà dit !", "inform", "lucas, je vous l'ai déjà dit !", "Lucas"),
        ("comme je disais : Nadia", "inform", "comme je disais : Nadia", "Nadia"),
        ("<script>Nadia</script>", "inform", "<script>Nadia</script>", "Nadia"),
    ],
)
def test_a_name_said_with_a_reminder_or_markup_is_the_name(words, intent, filled, name):
    """Round 9, r9a-03 and r9b-11: the name left empty; r9b-08: "<script>Nadia</script>" stored as the name."""
    slots = consented()
    slots.pop("contact_name")
    current = at_question("contact_name", words, intent, {"contact_name": filled}, slots=slots)
    _, events = run(ValidateHandoffForm(), current, DOMAIN)
    assert slot_events(events)["contact_name"] == name


@pytest.mark.parametrize("words", ["je vous ai dit", "non je vous l'ai dit", "passer"])
def test_a_reminder_without_a_name_names_nobody(words):
    assert name_after_reminder(words) is None


@pytest.mark.parametrize(
    "raw, name", [("<script>Nadia</script>", "Nadia"), ("<b>Jean-Marc</b>", "Jean-Marc"), ("M. Dupont", "M. Dupont")]
)
def test_names_are_words_only(raw, name):
    assert clean_name(raw) == name


def test_a_name_with_markup_in_the_slot_is_stored_as_words():
    reference = stored_case()
    current = tracker(
        [slot("case_reference", reference), user("merci")],
        slots=consented(phone=STORED, case_reference=reference, contact_name="<i>Nadia</i>"),
        sender_id=SENDER,
    )
    run(ActionFinishHandoff(), current)
    assert stored_cases()[0].contact_name == "Nadia"


# ------------------------------------------------------------------ 5. the person concerned's number

FATHER = "oui mais appelez plutôt mon père directement, c'est le 03 81 22 33 44"


@pytest.mark.parametrize(
    "words, owner",
    [
        (FATHER, "pere"),
        ("ah et si je réponds pas vous pouvez appeler ma femme au 0696 31 41 51", "femme"),
        ("le numéro de mon mari c'est le 06 12 34 56 78", "mari"),
        ("06 77 66 55 44, c'est mon portable, lui il répondra pas", None),
        ("mon portable 06 12 34 56 78, mon mari ne répond jamais", None),
        ("appelez-moi au 06 12 34 56 78, pas mon mari", None),
    ],
)
def test_whose_number_it_is(words, owner):
    assert number_owner(words) == owner


def test_the_person_concerneds_number_is_said_to_be_his():
    """Round 9, r9b-15: the father's number filed under his daughter's name, "vous rappellera au" said to her."""
    said = ["mon père est boucher, il a 67 ans et il parle d'en finir", FATHER, "oui", "Claire"]
    history = []
    for words in said:
        history += [bot("?"), user(words)]
    slots = consented(
        contact_name="Claire", phone="+33381223344", distress=True, person_at_risk="mon père", urgency="critique"
    )
    dispatcher, _ = run(ActionFinishHandoff(), tracker(history, slots=slots, sender_id=SENDER))
    confirmation = " ".join(texts(dispatcher))
    assert "appellera votre père au 03 81 22 33 44" in confirmation and "vous rappellera au" not in confirmation
    summary = stored_cases()[0].summary
    assert "celui de son père, la personne concernée ; c'est son enfant (Claire) qui a écrit" in summary, summary


def test_the_offer_answered_with_the_fathers_number_says_whom_the_advisor_calls():
    slots = {"difficulty_categories": ["banque"], "urgency": "normale"}
    filled = {"wants_advisor": True, "phone": "03 81 22 33 44"}
    current = at_question("wants_advisor", FATHER, "affirm", filled, slots=slots)
    dispatcher, events = run(ValidateHandoffForm(), current, DOMAIN)
    assert slot_events(events)["wants_advisor"] is True
    assert "qu'un conseiller appelle votre père" in " ".join(texts(dispatcher))


def test_phone_notes_leave_the_writers_own_number_alone():
    assert phone_notes(["06 12 34 56 78"], "+33612345678") == ([], [])


@pytest.mark.parametrize("requested", ["email", "contact_name", "callback_slot"])
def test_a_place_named_after_talk_of_a_phone_number_still_corrects_it(requested):
    """The simulator (seed 20261234): "ah non c'est la Somme pas le Nord" right after the phone number was undone, its
    code (80, read from the name) taken for the end of a phone number."""
    words = "ah non c'est la Somme pas le Nord"
    current = at_question(
        requested,
        words,
        "deny",
        {"departement": "80"},
        slots=consented(departement="59", phone="+33612345678", case_reference="RL-TEST02"),
        history=[slot("departement", "59"), user("06 12 34 56 78"), bot("Merci, votre demande est bien enregistrée.")],
        entities=[{"entity": "departement", "value": "Somme"}],
    )
    _, events = run(ValidateHandoffForm(), current, DOMAIN)
    assert slot_events(events).get("departement", "80") == "80"


@pytest.mark.parametrize(
    "requested, words, code",
    [("email", "non en fait c'est dans le 62", "62"), ("callback_slot", "non non pas le 59, le 62", "62")],
)
def test_a_number_said_as_a_place_or_beside_the_old_one_corrects_it_after_a_phone_number(requested, words, code):
    """The simulator (seed 20261234): said after the phone number, both were undone as if ends of phone numbers."""
    current = at_question(
        requested,
        words,
        "inform",
        {"departement": code},
        slots=consented(departement="59", phone="+33612345678", case_reference="RL-TEST03"),
        history=[slot("departement", "59"), user("06 12 34 56 78"), bot("Merci, votre demande est bien enregistrée.")],
        entities=[{"entity": "departement", "value": code}],
    )
    _, events = run(ValidateHandoffForm(), current, DOMAIN)
    assert slot_events(events).get("departement", code) == code


def test_a_place_corrected_in_so_many_words_with_no_phone_number_just_given_is_kept():
    """The simulator (seed 20261235): "pardon je me suis trompé, c'est le 59" at the name question was undone."""
    words = "pardon je me suis trompé, c'est le 59"
    current = at_question(
        "contact_name",
        words,
        "inform",
        {"departement": "59"},
        slots=consented(departement="62"),
        history=[slot("departement", "62"), user("volontiers"), bot("Comment le conseiller peut-il vous appeler ?")],
        entities=[{"entity": "departement", "value": "59"}],
    )
    _, events = run(ValidateHandoffForm(), current, DOMAIN)
    assert slot_events(events).get("departement", "59") == "59"
