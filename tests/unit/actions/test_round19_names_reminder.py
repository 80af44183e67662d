"""Round 19 (r19a-11, r19z-02, r19a-13): at the name question, an answer that is no name.

A reminder ("je viens de vous le donner") was stored as the name, or passed as a skip; "nimporte" (whatever) was stored
as the name; a name, a number and a time in one message kept the number only. Now a reminder is the name said with it,
else the name said earlier in the conversation, else the question again; an indifference is the earlier name, else the
question passed; and the sentence is never the name."""

from __future__ import annotations

import pytest

from actions.handoff_actions import ValidateHandoffForm, name_beside_reminder, not_a_name, reminds_given
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SKIPPED = "non précisé"
NAME_QUESTION = "Comment le conseiller peut-il vous appeler ? Un prénom suffit."


def at_name_question(words, intent, mapped, earlier=(), **slots):
    events = [
        user("je suis carreleur, la banque m'a coupé le découvert"),
        *earlier,
        bot(NAME_QUESTION),
        user(words, intent),
    ]
    events += [{"event": "slot", "name": name, "value": value} for name, value in mapped.items()]
    filled = {**consented(contact_name=None), **slots, **mapped, "requested_slot": "contact_name"}
    dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=filled, active_loop="handoff_form"), DOMAIN)
    return texts(dispatcher), slot_events(produced)


# What each intent's mapping puts in the slot (bot/domain/handoff.yml): a skip or a no passes it, inform takes the
# text, out of scope and a description take nothing (extract_contact_name reads them).
MAPPINGS = [
    ("skip_question", lambda words: {"contact_name": SKIPPED}),
    ("inform", lambda words: {"contact_name": words}),
    ("nlu_fallback", lambda words: {"contact_name": words}),
    ("out_of_scope", lambda words: {}),
]
EARLIER_NAMES = [
    # a name said at the callback offer, in so many words
    (
        [user("oui qu'on la rappelle, mais c'est moi qui m'occupe de tout, je m'appelle Nadège", "request_human")],
        "Nadège",
    ),
    # a relative named, in SMS spelling
    ([user("c pour mon frere il sapel Yannick", "describe_situation")], "Yannick"),
    # name, number and time given at the name question the turn before
    ([user("Farid. 0645128833 jeudi 9h"), bot(NAME_QUESTION)], "Farid"),
]


@pytest.mark.parametrize("intent, mapping", MAPPINGS)
@pytest.mark.parametrize("earlier, name", EARLIER_NAMES)
@pytest.mark.parametrize(
    "words",
    ["je vous l'ai déjà donné", "jvien de le dire", "déjà dit plus haut", "c'est déjà fait", "vous l'avez déjà"],
)
def test_a_reminder_is_the_name_said_earlier(words, intent, mapping, earlier, name):
    said, produced = at_name_question(words, intent, mapping(words), earlier)
    assert produced["contact_name"] == name
    assert said[0] == f"Merci {name}, c'est noté."


@pytest.mark.parametrize("intent, mapping", MAPPINGS)
@pytest.mark.parametrize(
    "words, name",
    [
        ("samia je vous l'ai dit", "Samia"),
        ("Rachid, jviens de l'écrire", "Rachid"),
        ("je viens de le dire : Odile", "Odile"),
        ("c'est Hervé, déjà donné", "Hervé"),
    ],
)
def test_a_reminder_with_a_name_is_that_name(words, name, intent, mapping):
    _said, produced = at_name_question(words, intent, mapping(words), [user("Farid. 0645128833 jeudi 9h")])
    assert produced["contact_name"] == name


@pytest.mark.parametrize("intent, mapping", MAPPINGS)
@pytest.mark.parametrize("words", ["je viens de vous le donner", "jvien de vous le dire", "je l'ai écrit au-dessus"])
def test_a_reminder_with_no_name_anywhere_asks_again(words, intent, mapping):
    said, produced = at_name_question(words, intent, mapping(words))
    assert produced["contact_name"] is None
    assert produced["requested_slot"] == "contact_name"
    assert said == ["Pardon, je ne retrouve pas votre prénom dans vos messages."]


@pytest.mark.parametrize("intent, mapping", MAPPINGS)
@pytest.mark.parametrize("words", ["n'importe", "peu importe", "comme vous voulez", "bof nimporte quoi"])
def test_an_indifference_is_never_the_name(words, intent, mapping):
    _said, produced = at_name_question(words, intent, mapping(words))
    assert produced["contact_name"] == SKIPPED
    _said, produced = at_name_question(words, intent, mapping(words), EARLIER_NAMES[1][0])
    assert produced["contact_name"] == "Yannick"


def test_name_number_and_time_at_the_name_question_are_all_kept():
    words = "Farid. 0645128833 jeudi 9h"
    said, produced = at_name_question(words, "inform", {"contact_name": words})
    assert produced["contact_name"] == "Farid"
    assert produced["phone"] == "+33645128833"
    assert produced["callback_slot"] == "jeudi 9h"
    assert said[0] == "Merci, j'ai noté votre numéro (06 45 12 88 33) et le moment de l'appel (jeudi 9h)."


# Near misses: names and answers that must not change.
@pytest.mark.parametrize(
    "words, intent, mapped, name",
    [
        ("Yannick", "inform", {"contact_name": "Yannick"}, "Yannick"),
        ("Nadia", "inform", {"contact_name": "Nadia"}, "Nadia"),
        ("Le Gall", "inform", {"contact_name": "Le Gall"}, "Le Gall"),
        ("non", "deny", {"contact_name": SKIPPED}, SKIPPED),
        ("moi c'est Paulette", "inform", {"contact_name": "moi c'est Paulette"}, "Paulette"),
        ("Lucas je vous ai dit", "skip_question", {"contact_name": SKIPPED}, "Lucas"),
    ],
)
def test_names_and_plain_answers_are_read_as_before(words, intent, mapped, name):
    _said, produced = at_name_question(words, intent, mapped, EARLIER_NAMES[0][0])
    assert produced["contact_name"] == name


@pytest.mark.parametrize(
    "words, reminder",
    [
        ("je viens de vous le donner", True),
        ("jvien de vous le dire", True),
        ("je vous l'ai déjà écrit", True),
        ("c'est déjà fait", True),
        ("je viens de Lyon", False),
        ("je vous dis Marc", False),
        ("Didier", False),
    ],
)
def test_reminders_are_told_from_other_answers(words, reminder):
    assert reminds_given(words) is reminder


@pytest.mark.parametrize(
    "name, sentence",
    [
        ("je viens de vous le donner", True),
        ("nimporte", True),
        ("N'importe quoi", True),
        ("Jean de la Fontaine", False),
        ("Marie-Jo", False),
        ("Le Goff", False),
    ],
)
def test_a_sentence_is_not_a_name(name, sentence):
    assert not_a_name(name) is sentence


def test_no_name_beside_a_reminder_of_a_place():
    assert name_beside_reminder("je l'ai écrit plus haut") is None
