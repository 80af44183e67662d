"""Round 21, letter x (people close to the artisan, and artisans who hesitate): answers read as a safety answer or a
warning sign when they are not, and a relative's questions left without an answer. Real trackers, the testers' words
and other wordings of the same kind; the near misses keep their reading."""

from __future__ import annotations

import pytest

from actions.crisis_actions import ValidateDirectQuestionForm
from guidance.crisis import suicide_question
from tests.support.trackers import bot, run, run_extract, texts, tracker, user
from triage.answers import CLEAR_NO, NOT_CLEAR_NO, answer_to_suicide_question

CHECK_IN = {"event": "action", "name": "action_check_in", "timestamp": None}
ASKED = {"event": "slot", "name": "requested_slot", "value": "suicide_thoughts", "timestamp": None}
OPENING = "Salut. Plombier chauffagiste à Colomiers, 22 000 de dettes. Je pense à tout arrêter"
SLOTS = {
    "requested_slot": "suicide_thoughts",
    "difficulty_categories": ["dettes"],
    "distress_level": 3,
    "paused_form": "situation_form",
}

# H3 (r21x-15): what "tout arrêter" meant, the business, the other meaning ruled out.
CLARIFIED = [
    "je veux dire fermer la boîte hein, pas autre chose. j'ai 22 000 de dettes fournisseurs et URSSAF, je m'en sors plus",
    "je veux dire fermer la boîte hein, pas autre chose",
    "non mais je parlais de l'entreprise, pas de moi",
    "je voulais dire arrêter l'activité, rien d'autre",
    "c'est la boîte que je veux arrêter, pas ce que vous croyez",
]
# The business named alone, a doubt, a sign: no clear no.
NOT_CLARIFIED = [
    "je veux dire la boîte",
    "je veux dire fermer la boîte, enfin des fois j'y pense aussi",
    "je parlais de la boîte, pas autre chose... quoique",
    "je veux dire fermer la boîte, pas autre chose, mais je veux en finir",
    "je sais pas, la boîte surtout",
]


@pytest.mark.parametrize("answer", CLARIFIED)
def test_the_business_meaning_said_is_a_clear_no(answer):
    assert answer_to_suicide_question(answer) == CLEAR_NO
    events = [user(OPENING, "express_overwhelm"), CHECK_IN, bot(suicide_question(None)), ASKED, user(answer)]
    dispatcher, slots = run_extract(
        ValidateDirectQuestionForm(),
        "extract_suicide_thoughts",
        tracker(events, dict(SLOTS), active_loop="direct_question_form"),
    )
    assert slots.get("suicide_thoughts") == "clear_no"
    assert not any("15" in line or "sécurité" in line for line in texts(dispatcher))


@pytest.mark.parametrize("answer", NOT_CLARIFIED)
def test_the_near_misses_are_no_clear_no(answer):
    assert answer_to_suicide_question(answer) == NOT_CLEAR_NO


# --- H1 (r21x-09): someone else's anger said as a killing is no sign; "ne dites rien à mon père" asks for discretion ---

from actions.crisis_actions import SAFETY_BELIEVED, ActionAfterSafetyAnswer  # noqa: E402
from actions.handoff import writer_notes  # noqa: E402
from actions.handoff_actions import NOT_THEM_CALLED, ValidateHandoffForm  # noqa: E402
from guidance.crisis import (  # noqa: E402
    LATE_NEWS_AGAIN,
    line_taken_up_reply,
    not_safe_reply,
    relative_advice,
    tell_someone_reply,
    unreachable_reply,
)
from tests.support.handoff_form import DOMAIN  # noqa: E402
from tests.support.trackers import slot_events  # noqa: E402
from tests.unit.actions.test_round16_after_crisis import OFFER, _at_the_offer, _safe_now  # noqa: E402
from triage import assess  # noqa: E402
from triage.answers import (  # noqa: E402
    NOT_SAFE,
    SAFE,
    answer_to_safety_question,
    asks_what_to_do_for_someone,
    promises_to_call_the_line,
)
from triage.distress import INDIRECT, find_signs  # noqa: E402

ANGER_OF_SOMEONE_ELSE = [
    "il me tuerait s'il savait que j'ai écrit",
    "non... enfin oui. mais ne dites rien à mon père, il me tuerait s'il savait que j'ai écrit",
    "ma mère me tuera si elle l'apprend",
    "mes parents me tueraient s'ils voyaient ça",
    "elle me flinguerait si elle savait",
]
OWN_ACT = ["je me tuerais si je pouvais", "je vais me tuer", "si ça continue je me tuerai", "j'ai envie de me tuer"]


def _serious(text: str) -> bool:
    return any(sign.level <= INDIRECT for sign in find_signs(text))


@pytest.mark.parametrize("text", ANGER_OF_SOMEONE_ELSE)
def test_someone_elses_anger_is_no_sign(text):
    assert not _serious(text)


@pytest.mark.parametrize("text", OWN_ACT)
def test_the_writers_own_act_stays_a_sign(text):
    assert _serious(text)


@pytest.mark.parametrize(
    "text",
    [
        "mais ne dites rien à mon père",
        "je veux pas qu'il sache que j'ai écrit",
        "il ne faut pas qu'il sache que c'est moi qui ai demandé",
        "elle serait furieuse que j'aie écrit",
        "il me tuerait s'il savait que j'ai écrit",
    ],
)
def test_discretion_asked_is_noted(text):
    assert "secret" in writer_notes([text])


@pytest.mark.parametrize("text", ["il sait pas où il va", "il ne faut pas qu'il parte", "je sais pas ce qu'il ferait"])
def test_near_misses_ask_no_discretion(text):
    assert "secret" not in writer_notes([text])


def test_the_yes_with_discretion_is_a_yes_and_no_crisis_block():
    typed = "non... enfin oui. mais ne dites rien à mon père, il me tuerait s'il savait que j'ai écrit"
    dispatcher, produced = run(ValidateHandoffForm(), _at_the_offer(typed, "inform", person="mon père"), DOMAIN)
    said = " ".join(texts(dispatcher))
    assert slot_events(produced)["wants_advisor"] is True
    assert "discret" in said and "sécurité" not in said and "3114" not in said


# --- H2 (r21x-06): fear said, or someone gone and not answering, is never a "yes, safe" ----------------------------

FEAR_OR_GONE = [
    "ouais j'ai peur. il est parti a la chambre froide la il répond pas quand je l'appelle",
    "oui j'ai peur pour lui",
    "ouais il décroche plus depuis ce matin",
    "oui, elle est partie, pas de nouvelles",
    "oui je suis inquiète",
]


@pytest.mark.parametrize("text", FEAR_OR_GONE)
@pytest.mark.parametrize("about_someone_else", [True, False])
def test_a_yes_with_fear_or_someone_gone_is_not_safe(text, about_someone_else):
    assert answer_to_safety_question(text, about_someone_else=about_someone_else) == NOT_SAFE


@pytest.mark.parametrize("text", ["oui", "oui je suis chez moi", "ouais ça va", "oui je suis en sécurité"])
def test_plain_yes_stays_safe(text):
    assert answer_to_safety_question(text) == SAFE


def test_the_apprentices_boss_is_the_one_at_risk_and_unreachable_gets_the_15_now():
    messages = [
        "slt jsuis apprenti chez un boucher a marseille",
        "mon patron il est bizarre depuis que la banque a refusé le pret. il a tout rangé hier soir, il m'a donné sa "
        "veste et il m'a dit merci pour tout petit",
    ]
    assert assess(messages).person_at_risk == "mon patron"
    answer, _ = _safe_now(FEAR_OR_GONE[0], "affirm", person="mon patron")
    assert answer == NOT_SAFE
    events = [
        user(messages[1], "express_distress"),
        {"event": "action", "name": "action_crisis_response"},
        bot("Pensez-vous que votre patron soit en sécurité en ce moment ?"),
        user(FEAR_OR_GONE[0], "affirm"),
        {"event": "action", "name": "safety_form"},
        {"event": "slot", "name": "safe_now", "value": answer},
    ]
    slots = {"distress": True, "safe_now": answer, "person_at_risk": "mon patron", "distress_signs": ["x"]}
    dispatcher, _ = run(ActionAfterSafetyAnswer(), tracker(events, slots=slots))
    assert texts(dispatcher) == [unreachable_reply("mon patron")]


@pytest.mark.parametrize(
    "messages",
    [
        ["je suis à bout, ma femme m'a donné un ultimatum, je veux en finir"],
        ["mon patron m'a donné mon préavis, je veux plus me réveiller"],
    ],
)
def test_the_writer_given_something_keeps_their_own_sign(messages):
    assert assess(messages).person_at_risk is None


# --- H4 (r21x-04): "je suis en sécurité" after a complaint is a yes; never the relatives' line ----------------------

SAFE_AFTER_COMPLAINT = [
    "vous m'écoutez pas là. je suis en sécurité, je voulais juste savoir pour l'échéancier",
    "vous comprenez rien. je vais bien, je voulais savoir pour la banque",
    "je suis en sécurité, je voulais juste savoir pour l'échéancier",
]
NOT_SAFE_AFTER_COMPLAINT = [
    "vous m'écoutez pas là. je suis pas en sécurité",
    "vous m'écoutez pas. je suis en sécurité mais j'ai peur",
    "vous m'écoutez pas",
    "vous m'écoutez pas là. je suis en sécurité, je voulais juste savoir si ça sert à quelque chose de vivre",
]


@pytest.mark.parametrize("text", SAFE_AFTER_COMPLAINT)
def test_safety_said_after_a_complaint_is_safe(text):
    assert answer_to_safety_question(text) == SAFE


@pytest.mark.parametrize("text", NOT_SAFE_AFTER_COMPLAINT)
def test_near_misses_of_the_complaint_stay_not_safe(text):
    assert answer_to_safety_question(text) == NOT_SAFE


def test_the_artisan_safe_at_the_offer_is_believed_and_answered():
    before = [
        user("non non c'est pas ça, laissez tomber. Bon sinon pour l'URSSAF je peux demander un échéancier ?", "deny"),
        bot(not_safe_reply(None)),
        bot(OFFER),
    ]
    current = _at_the_offer(SAFE_AFTER_COMPLAINT[0], "inform", person=None, before=before, safe_now=NOT_SAFE)
    dispatcher, _ = run(ValidateHandoffForm(), current, DOMAIN)
    said = texts(dispatcher)
    assert said[0] == SAFETY_BELIEVED
    assert LATE_NEWS_AGAIN not in said and not any("112" in line for line in said)


# --- H5 (r21x-03): "don't call her" is not "don't call me" ---------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "Surtout ne l'appelez pas elle, elle serait furieuse que j'aie écrit",
        "ne l'appelez surtout pas",
        "appelez pas ma mère hein",
    ],
)
def test_the_person_concerned_not_to_be_called_keeps_the_offer_open(typed):
    dispatcher, produced = run(ValidateHandoffForm(), _at_the_offer(typed, "deny", person="ma mère"), DOMAIN)
    said = texts(dispatcher)
    assert said[0] == NOT_THEM_CALLED.format(concerned="votre mère")
    assert not any("personne ne vous appellera" in line for line in said)
    assert slot_events(produced)["wants_advisor"] is None


@pytest.mark.parametrize("typed", ["ne m'appelez pas", "non merci, ne m'appelez pas, ni elle"])
def test_the_writer_refusing_is_no_such_reply(typed):
    dispatcher, _ = run(ValidateHandoffForm(), _at_the_offer(typed, "deny", person="ma mère"), DOMAIN)
    assert NOT_THEM_CALLED.format(concerned="votre mère") not in texts(dispatcher)


# --- H6 (r21x-01, -17, -19): the relative's questions get the relatives' answer ------------------------------------

WHAT_TO_SAY = [
    "il faut que je lui dise quoi ce soir ?",
    "et est-ce que je dois lui en parler directement ?",
    "je dois lui en parler ?",
    "qu'est-ce que je lui dis ?",
]
WHOM_TO_TELL = [
    "je dois en parler à quelqu'un ? mes parents ? mon maître d'apprentissage c'est elle",
    "est-ce que je peux en parler à ma mère ?",
    "à qui je dois en parler ?",
]


@pytest.mark.parametrize("typed", WHAT_TO_SAY)
def test_what_to_say_gets_the_advice(typed):
    assert asks_what_to_do_for_someone(typed)
    dispatcher, produced = run(ValidateHandoffForm(), _at_the_offer(typed, "inform", person="mon père"), DOMAIN)
    assert texts(dispatcher) == [relative_advice("mon père")]
    assert slot_events(produced)["wants_advisor"] is None


@pytest.mark.parametrize("typed", WHOM_TO_TELL)
def test_whom_to_tell_gets_a_yes(typed):
    assert asks_what_to_do_for_someone(typed)
    dispatcher, _ = run(ValidateHandoffForm(), _at_the_offer(typed, "inform", person="ma patronne"), DOMAIN)
    assert texts(dispatcher) == [tell_someone_reply("ma patronne")]


@pytest.mark.parametrize(
    "typed", ["je lui ai dit que je l'aimais", "il faut que je parte ce soir", "je dois en parler au comptable demain"]
)
def test_near_misses_are_no_relative_question(typed):
    assert not asks_what_to_do_for_someone(typed)


# --- H7 (r21x-17): "je vais d'abord appeler le 3114" is welcomed once, the offer not pushed -------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "non pas de rappel pour l'instant, je vais d'abord appeler le 3114",
        "pas tout de suite, je vais plutôt essayer d'appeler le 3114",
    ],
)
def test_the_line_first_is_welcomed_and_the_offer_not_pushed(typed):
    assert promises_to_call_the_line(typed)
    dispatcher, produced = run(ValidateHandoffForm(), _at_the_offer(typed, "deny", person="mon père"), DOMAIN)
    said = texts(dispatcher)
    assert said == [line_taken_up_reply("mon père")]
    assert not any("sécurité" in line for line in said)
    events = slot_events(produced)
    assert events["requested_slot"] is None and events["wants_advisor"] is None


def test_the_line_promised_with_a_yes_keeps_the_offer():
    typed = "je vais appeler le 3114, et oui rappelez-moi"
    _, produced = run(ValidateHandoffForm(), _at_the_offer(typed, "affirm", person="mon père"), DOMAIN)
    assert "requested_slot" not in slot_events(produced)  # the form stays open: no call put off


@pytest.mark.parametrize("typed", ["je vais d'abord appeler ma soeur", "je vais appeler la banque"])
def test_other_calls_are_no_line_promised(typed):
    assert not promises_to_call_the_line(typed)
