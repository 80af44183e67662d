"""Round 24 (talk-c #3, #4): questions about the service in the middle of the intake, and erasing asked in other words.

- r24c-09: "c'est confidentiel oui ou non ?" got "Je n'ai pas bien compris" (four tries before an answer).
- r24c-01, r24c-17: "l'urssaf va savoir que je vous ai parlé ? j'ai peur ...", "attendez, si je vous dis que j'ai des
  dettes, ça va remonter à l'urssaf ?" at the deadline question got "Prenons les choses une par une", "Prenez votre temps".
- r24c-17, r24c-04, r24c-09: the question itself became a difficulty (URSSAF, banque, impôts).
- r24c-09: "je préfère tout supprimer, j'ai trop peur" on coming back got only the kind word; nothing was offered.
"""

from __future__ import annotations

import pytest
import yaml

from actions.crisis_actions import ActionCheckIn
from actions.erasure_actions import ERASE_OFFER_WITH_CASE
from actions.intake_actions import (
    EVERYTHING_AT_ONCE,
    STILL_HERE,
    ActionAcknowledgeSituation,
    ActionAnswerOutsideQuestion,
    ActionGreet,
    ActionHandleMisunderstanding,
    ValidateSituationForm,
)
from actions.triage_actions import ValidateTriageSlots
from ops.settings import REPO_ROOT
from tests.support.trackers import bot, run, slot_events, tracker, user

DOMAIN = {"forms": yaml.safe_load((REPO_ROOT / "bot/domain/intake.yml").read_text(encoding="utf-8"))["forms"]}
KNOWN = {"difficulty_categories": ["baisse_activite"], "trade": "boulanger"}

QUESTIONS = [
    "c'est confidentiel oui ou non ?",
    "bon. c'est confidentiel oui ou non ?",
    "est ce que c'est confidentiel vis à vis de l'urssaf",
    "ça reste entre nous ?",
    "l'urssaf va savoir que je vous ai parlé ? j'ai peur que ça se retourne contre moi",
    "attendez, si je vous dis que j'ai des dettes, ça va remonter à l'urssaf ?",
    "c'est pas ma question. vous le dites à l'urssaf ou pas ?",
    "qui va lire exactement ? mon banquier peut voir ça ?",
    "est-ce que ce que j'écris ici peut être transmis à l'URSSAF ou au fisc ?",
    "et ce que je vous écris, ça peut arriver aux impôts ?",
]


def _at_deadline(words: str) -> tuple[list[str], dict]:
    events = [
        user("je suis boulanger, mon chiffre d'affaires baisse depuis des mois"),
        *({"event": "slot", "name": k, "value": v} for k, v in KNOWN.items()),
        {"event": "slot", "name": "requested_slot", "value": "deadline"},
        bot("Avez-vous une échéance proche ?"),
        user(words, "nlu_fallback"),
        {"event": "slot", "name": "deadline", "value": words},
    ]
    slots = {**KNOWN, "requested_slot": "deadline", "deadline": words}
    dispatcher, produced = run(ValidateSituationForm(), tracker(events, slots, "situation_form"), DOMAIN)
    return [m.get("text") or "" for m in dispatcher.messages], slot_events(produced)


@pytest.mark.parametrize("words", QUESTIONS)
def test_a_confidentiality_question_at_an_intake_question_is_answered_first(words):
    said, slots = _at_deadline(words)
    assert said[0].startswith(("Oui, c'est confidentiel", "Non")), said
    assert not any("compris" in text or "Prenez votre temps" in text for text in said)
    assert slots["deadline"] is None  # never stored as the deadline; the question comes again
    assert any("échéance" in text for text in said[1:])


@pytest.mark.parametrize(
    "words", ["c'est confidentiel oui ou non ?", "est ce que c'est confidentiel vis à vis de l'urssaf"]
)
def test_is_it_confidential_is_answered_yes(words):
    said, _ = _at_deadline(words)
    assert said[0].startswith("Oui, c'est confidentiel")


@pytest.mark.parametrize("words", QUESTIONS)
def test_a_confidentiality_question_outside_the_intake_is_answered(words):
    events = [bot("Bonjour, je suis l'assistant automatique."), user(words, "nlu_fallback")]
    dispatcher, _ = run(ActionHandleMisunderstanding(), tracker(events, {}))
    said = [m.get("text") or "" for m in dispatcher.messages]
    assert said and said[0].startswith(("Oui, c'est confidentiel", "Non")), said


@pytest.mark.parametrize(
    "words, never",
    [
        ("c'est confidentiel vis à vis de l'urssaf ?", {"cotisations_sociales"}),
        ("qui va lire exactement ? mon banquier peut voir ça ?", {"banque"}),
        (
            "est-ce que ce que j'écris ici peut être transmis à l'URSSAF ou au fisc ?",
            {"cotisations_sociales", "impots"},
        ),
        (
            "attendez, si je vous dis que j'ai des dettes, ça va remonter à l'urssaf ?",
            {"cotisations_sociales", "tresorerie"},
        ),
    ],
)
def test_the_question_itself_is_no_difficulty(words, never):
    events = [
        user("je suis boulanger, mon chiffre d'affaires baisse depuis des mois"),
        bot("Depuis quand ?"),
        user(words, "nlu_fallback"),
    ]
    _, produced = run(ValidateTriageSlots(), tracker(events, {}))
    slots = slot_events(produced)
    assert not set(slots.get("difficulty_categories") or []) & never
    assert not slots.get("creditors")


def test_a_debt_said_with_the_question_is_still_a_difficulty():
    events = [
        user("je suis boulanger"),
        bot("Qu'est-ce qui vous amène ?"),
        user("je dois 4000 à l'urssaf. ça va remonter ?"),
    ]
    _, produced = run(ValidateTriageSlots(), tracker(events, {}))
    assert "cotisations_sociales" in slot_events(produced)["difficulty_categories"]


@pytest.mark.parametrize(
    "words",
    [
        "c'est encore Julien. j'ai réfléchi, je préfère tout supprimer, j'ai trop peur",
        "finalement je voudrais tout effacer, j'ai peur",
        "j'aimerais mieux que vous supprimiez tout, ça m'angoisse",
    ],
)
def test_erasing_everything_on_coming_back_gets_the_offer(words):
    slots = {
        "case_reference": "RL-J5ZZ7T",
        "consent_given": True,
        "consent_at": "2026-12-06T10:00:00+00:00",
        "suicide_thoughts": "clear_no",
        "difficulty_categories": ["impots"],
    }
    events = [
        user("je suis en micro, j'ai pas tout déclaré"),
        bot("Un conseiller vous rappellera."),
        user(words, "express_distress"),
    ]
    dispatcher, _ = run(ActionCheckIn(), tracker(events, slots))
    said = [m.get("text") or "" for m in dispatcher.messages]
    assert ERASE_OFFER_WITH_CASE in said, said
    assert not any("une par une" in text for text in said)


# Round 24 (talk-c #10): very short answers.
AFTER_CASE = {
    "case_reference": "RL-ABC123",
    "consent_given": True,
    "consent_at": "2026-12-06T10:00:00+00:00",
    "difficulty_categories": ["tresorerie"],
    "urgency": "normale",
}


def _after_case(words, action, intent="describe_situation", slots=None, gap=1):
    first = user("je n'arrive plus à payer mon fournisseur")
    latest = user(words, intent)
    latest["timestamp"] = first["timestamp"] + gap
    slots = slots if slots is not None else AFTER_CASE
    known = [{"event": "slot", "name": k, "value": v} for k, v in slots.items()]
    events = [first, *known, bot("Un conseiller vous rappellera lundi."), latest]
    dispatcher, produced = run(action, tracker(events, slots))
    return [m.get("text") or "" for m in dispatcher.messages], produced


@pytest.mark.parametrize("words", ["...", "rien", "non rien", "jsp", "je sais pas", "bof", "🙏"])
@pytest.mark.parametrize("action", [ActionAcknowledgeSituation, ActionHandleMisunderstanding])
def test_nothing_said_after_the_case_adds_nothing_and_thanks_for_nothing(words, action):
    said, produced = _after_case(
        words, action(), "describe_situation" if action is ActionAcknowledgeSituation else "nlu_fallback"
    )
    assert said == [STILL_HERE]
    assert any(e.get("event") == "followup" and e.get("name") == "action_listen" for e in produced)


@pytest.mark.parametrize("words", ["tout", "tout quoi", "un peu tout", "Tout !"])
@pytest.mark.parametrize("action", [ActionAcknowledgeSituation, ActionHandleMisunderstanding])
def test_everything_at_the_open_question_is_heard(words, action):
    events = [
        bot("Pas de souci, prenez votre temps. Un seul mot suffit, par exemple : les clients, l'argent."),
        user(words, "nlu_fallback"),
    ]
    dispatcher, _ = run(action(), tracker(events, {}))
    said = [m.get("text") or "" for m in dispatcher.messages]
    assert said == [EVERYTHING_AT_ONCE]


@pytest.mark.parametrize("words", ["salut", "allez salut", "ciao"])
def test_salut_right_after_the_exchange_is_a_goodbye(words):
    said, _ = _after_case(words, ActionGreet(), "greet")
    assert said and not any(text.startswith("Bonjour") for text in said), said


def test_salut_after_a_long_silence_is_still_a_greeting():
    said, _ = _after_case("salut", ActionGreet(), "greet", gap=6 * 3600)
    assert said and said[0].startswith("Bonjour")


# Round 24 (talk-c #5, r24c-13): the difficulty told at the direct question, then "dites-moi ce qui vous amène" in a loop.
TOLD = {"difficulty_categories": ["procedure_judiciaire"], "suicide_thoughts": "clear_no", "urgency": "haute"}


@pytest.mark.parametrize(
    "words, intent, action",
    [
        ("ben faites-le alors", "affirm", ActionAnswerOutsideQuestion),
        ("je viens de vous le dire, le redressement", "nlu_fallback", ActionHandleMisunderstanding),
        ("bah je vous l'ai dit", "nlu_fallback", ActionHandleMisunderstanding),
    ],
)
def test_a_difficulty_told_is_taken_up_never_asked_for_again(words, intent, action):
    events = [
        user("non je pense pas, il est surtout épuisé. c'est le redressement judiciaire qui le mine, audience le 15"),
        *({"event": "slot", "name": k, "value": v} for k, v in TOLD.items()),
        bot("Voulez-vous me dire ce qui pèse le plus en ce moment ?"),
        user(words, intent),
    ]
    dispatcher, produced = run(action(), tracker(events, TOLD))
    said = [m.get("text") or "" for m in dispatcher.messages]
    assert not any("ce qui vous amène" in text or "compris" in text for text in said), said
    assert any("procédure" in text for text in said)
    assert any(e.get("event") == "followup" and e.get("name") == "situation_form" for e in produced)


def test_nothing_told_yet_still_gets_the_open_question():
    events = [bot("Bonjour, je suis l'assistant automatique."), user("ben faites-le alors", "affirm")]
    dispatcher, _ = run(ActionAnswerOutsideQuestion(), tracker(events, {}))
    assert any("ce qui vous amène" in (m.get("text") or "") for m in dispatcher.messages)


# Round 24 (talk-c #7, r24c-11): a moment for the call said by the working day is no closing down.
@pytest.mark.parametrize(
    "words", ["à 18h30 après la fermeture du magasin", "le soir après le boulot", "lundi avant l'ouverture, vers 7h30"]
)
def test_a_moment_around_the_working_day_at_the_callback_question_is_no_difficulty(words):
    known = {"difficulty_categories": ["tresorerie"], "urgency": "normale", "consent_given": True}
    events = [
        user("je suis fleuriste, je n'arrive plus à payer mon loyer"),
        *({"event": "slot", "name": k, "value": v} for k, v in known.items()),
        {"event": "slot", "name": "requested_slot", "value": "callback_slot"},
        bot("Quel moment vous arrange pour l'appel ?"),
        user(words, "inform"),
    ]
    _, produced = run(ValidateTriageSlots(), tracker(events, {**known, "requested_slot": "callback_slot"}))
    slots = slot_events(produced)
    assert "baisse_activite" not in (slots.get("difficulty_categories") or [])
    assert slots.get("urgency", "normale") == "normale"
