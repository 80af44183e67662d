"""Round 17 (r17b-13, -02, -06, -08, -07, -14): whose the sign is, and the answers to the two crisis questions, over real
trackers and real actions. Sentences written for these tests (other trades, other voices); near misses that must not
change beside them."""

from __future__ import annotations

import pytest

from actions.crisis_actions import (
    ASK_AGAIN_HERE,
    NOT_SAFE_HOLD,
    SAFETY_RECHECK,
    ValidateDirectQuestionForm,
    ValidateSafetyForm,
)
from actions.erasure_actions import ERASE_OFFER, OFFERED_SLOT
from actions.intake_actions import ActionAcknowledgeSituation
from tests.support.trackers import run, slot_events, texts, tracker, user
from tests.unit.actions.test_crisis_actions import extract
from triage import assess
from triage.answers import (
    CLEAR_NO,
    NO_SAID_BEFORE,
    NOT_CLEAR_NO,
    NOT_SAFE,
    NUMBERS_REFUSED,
    SAFE,
    UNSURE,
    answer_to_safety_question,
    answer_to_suicide_question,
)
from triage.distress import find_signs

CRISIS_BLOCK = [
    user("j'ai rangé mes papiers et écrit à mes fils, je pense que c'est mieux comme ça", "express_distress"),
    {"event": "action", "name": "action_crisis_response"},
    {"event": "bot", "timestamp": 1, "text": "Merci de me l'avoir confié. Vous pouvez appeler le 3114 dès maintenant."},
    {"event": "bot", "timestamp": 2, "text": "Êtes-vous en sécurité en ce moment ?"},
]


def _at_the_safety_question(typed: str, intent: str = "inform", person: str | None = None, before=()):
    return tracker(
        [*CRISIS_BLOCK, *before, user(typed, intent)],
        slots={"requested_slot": "safe_now", "distress": True, "person_at_risk": person},
        active_loop="safety_form",
    )


# --- F1: means put aside by a relative named as the subject are the relative's ------------------------------------


@pytest.mark.parametrize(
    "first, person",
    [
        (
            "mon père est menuisier, il a caché des cachets dans son atelier et il dit qu'on sera mieux sans lui",
            "mon père",
        ),
        (
            "ma soeur a une boulangerie, elle garde des somnifères dans le tiroir et elle parle de tout arrêter",
            "ma soeur",
        ),
        ("mon associé est au plus mal, il a mis de côté des médicaments depuis la liquidation", "mon associé"),
    ],
)
def test_means_kept_by_a_named_relative_make_them_the_person_at_risk(first, person):
    assessment = assess([first])
    assert assessment.distress
    assert assessment.person_at_risk is not None
    assert assessment.person_at_risk.replace("œ", "oe") == person


@pytest.mark.parametrize(
    "first",
    [
        "j'ai mis de côté des médicaments, je sais ce que je vais faire",
        "je garde des cachets dans le camion, au cas où",
        "le fusil de mon père est toujours dans l'armoire, au moins lui il servira à quelque chose",
    ],
)
def test_the_writers_own_means_stay_the_writers(first):
    assessment = assess([first])
    assert assessment.distress and assessment.person_at_risk is None


# --- F2: a way out "found" by the writer is the writer's, whoever would benefit -------------------------------------


@pytest.mark.parametrize(
    "first",
    [
        "bon j'ai trouvé une solution pour que mon mari touche l'assurance, il sera à l'abri",
        "j'ai trouvé le moyen pour que mes enfants aient quelque chose, ils seront tranquilles",
    ],
)
def test_a_solution_the_writer_found_is_the_writers_sign(first):
    assessment = assess([first])
    if assessment.distress:  # the classifier decides the sign; whose it is is the frame's
        assert assessment.person_at_risk is None


def test_a_letter_the_writer_found_is_still_reported():
    assessment = assess(["j'ai trouvé une lettre de ma femme, elle dit qu'elle veut en finir"])
    assert assessment.distress and assessment.person_at_risk == "ma femme"


# --- F8: the helpline refused is no sign; the safety question kept once ---------------------------------------------


@pytest.mark.parametrize(
    "typed", ["le 3114 je vais pas l'appeler", "pas besoin de votre 3114", "votre 3114 je l'appellerai jamais"]
)
def test_the_line_refused_is_no_sign(typed):
    assert not [sign for sign in find_signs(typed) if sign.rule == "crisis_line_named"]


@pytest.mark.parametrize("typed", ["j'ai appelé le 3114 hier soir", "je connais le 3114, je l'ai déjà appelé"])
def test_the_line_called_is_still_a_sign(typed):
    assert any(sign.rule == "crisis_line_named" for sign in find_signs(typed))


@pytest.mark.parametrize("typed", ["le 3114 je l'appellerai pas, je suis pas fou", "arrêtez avec vos numéros de psy"])
def test_numbers_refused_at_the_safety_question_ask_it_once_more(typed):
    assert answer_to_safety_question(typed, may_ask_again=True) == NUMBERS_REFUSED
    assert answer_to_safety_question(typed) == UNSURE
    dispatcher = __import__("rasa_sdk.executor", fromlist=["CollectingDispatcher"]).CollectingDispatcher()
    from tests.unit.actions.test_crisis_actions import run_coroutine

    slots = run_coroutine(ValidateSafetyForm().extract_safe_now(dispatcher, _at_the_safety_question(typed), {}))
    assert slots == {"safe_now": None}
    said = texts(dispatcher)
    assert said == [ASK_AGAIN_HERE[NUMBERS_REFUSED]]
    assert "15" not in said[0]


def test_numbers_refused_a_second_time_is_unsure_never_safe():
    typed = "je vous ai dit que j'en voulais pas de vos numéros"
    before = [
        user("pas de 3114 pour moi merci"),
        {"event": "bot", "timestamp": 3, "text": ASK_AGAIN_HERE[NUMBERS_REFUSED]},
    ]
    slots = extract(ValidateSafetyForm(), "extract_safe_now", _at_the_safety_question(typed, before=before))
    assert slots["safe_now"] in (UNSURE, NOT_SAFE)


def test_numbers_refused_with_a_yes_is_safe():
    assert answer_to_safety_question("oui ça va, pas besoin de vos numéros", may_ask_again=True) == SAFE


# --- F3: the answer said after "pourquoi ?", and the earlier no said again ------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "pourquoi vous me demandez ça ? non, j'ai ma fille",
        "pourquoi cette question ? non pas du tout",
        "mais pourquoi ?? non jamais",
    ],
)
def test_a_no_after_why_is_a_clear_no(typed):
    assert answer_to_suicide_question(typed, may_ask_again=True) == CLEAR_NO


@pytest.mark.parametrize(
    "typed",
    [
        "pourquoi vous me demandez ça ? parfois oui",
        "pourquoi vous me demandez ça ? je sais pas",
        "pourquoi ? j'ai envie d'en finir",
    ],
)
def test_a_doubt_after_why_is_no_clear_no(typed):
    assert answer_to_suicide_question(typed, may_ask_again=True) not in (CLEAR_NO,)


def test_a_bare_why_still_gets_its_reason():
    assert answer_to_suicide_question("pourquoi vous me demandez ça ?", may_ask_again=True) == "why_asked"


@pytest.mark.parametrize("typed", ["mais je vous ai déjà répondu non", "j'ai dit non !", "ben j'avais dit non"])
def test_the_no_said_again_at_the_direct_question_is_clear(typed):
    assert answer_to_suicide_question(typed) == CLEAR_NO


def test_a_no_said_to_someone_else_is_not_the_answer():
    assert answer_to_suicide_question("j'ai dit non à la banque pour le prêt") == NOT_CLEAR_NO


@pytest.mark.parametrize("typed", ["mais j'ai dit non ! c'est la TVA mon souci", "je vous ai répondu non déjà"])
def test_the_no_said_again_at_the_safety_question_is_never_not_safe(typed):
    assert answer_to_safety_question(typed, may_ask_again=True) == NO_SAID_BEFORE
    assert answer_to_safety_question(typed) == UNSURE
    dispatcher = __import__("rasa_sdk.executor", fromlist=["CollectingDispatcher"]).CollectingDispatcher()
    from tests.unit.actions.test_crisis_actions import run_coroutine

    slots = run_coroutine(ValidateSafetyForm().extract_safe_now(dispatcher, _at_the_safety_question(typed), {}))
    assert slots == {"safe_now": None}
    assert texts(dispatcher) == [ASK_AGAIN_HERE[NO_SAID_BEFORE]]


def test_the_no_said_again_after_a_not_safe_stays_not_safe():
    before = [
        user("non"),
        {"event": "slot", "name": "safe_now", "value": NOT_SAFE},
        {"event": "bot", "timestamp": 3, "text": "Êtes-vous en sécurité en ce moment ?"},
    ]
    slots = extract(ValidateSafetyForm(), "extract_safe_now", _at_the_safety_question("j'ai dit non", before=before))
    assert slots == {"safe_now": NOT_SAFE}


def test_not_safe_said_with_the_no_again_is_read_as_said():
    assert answer_to_safety_question("je vous ai dit non, je suis pas en sécurité", may_ask_again=True) == NOT_SAFE


def test_the_direct_question_form_keeps_the_no_after_why():
    t = tracker(
        [
            user("je tiens plus, je suis au bout", "express_overwhelm"),
            {"event": "action", "name": "action_check_in"},
            user("pourquoi vous me demandez ça ? non, j'ai mes petits-enfants"),
        ],
        slots={"requested_slot": "suicide_thoughts"},
        active_loop="direct_question_form",
    )
    assert extract(ValidateDirectQuestionForm(), "extract_suicide_thoughts", t) == {"suicide_thoughts": CLEAR_NO}


# --- F10: erasing asked at the safety question ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["supprimez mon message s'il vous plait, j'ai écrit trop vite", "effacez ce que je viens de taper svp"]
)
def test_erasing_asked_at_the_safety_question_is_offered_and_stores_nothing(typed):
    dispatcher, events = run(ValidateSafetyForm(), _at_the_safety_question(typed, "faq"))
    slots = slot_events(events)
    assert texts(dispatcher) == [ERASE_OFFER]
    assert slots.get("safe_now") is None and slots.get(OFFERED_SLOT) == "safety_form"


def test_a_debt_erased_is_no_erasure_request():
    dispatcher, _events = run(ValidateSafetyForm(), _at_the_safety_question("j'espère qu'ils vont effacer ma dette"))
    assert ERASE_OFFER not in texts(dispatcher)


def test_erasing_with_a_sign_keeps_the_crisis_reading():
    dispatcher, _ = run(
        ValidateSafetyForm(), _at_the_safety_question("effacez tout, de toute façon ce soir j'en finis")
    )
    assert ERASE_OFFER not in texts(dispatcher)


# --- F16: after the crisis path and not safe, business words do not start the intake --------------------------------


def _after_crisis(typed: str, safe_now: str | None, intent: str = "describe_situation", extra=()):
    events = [
        *CRISIS_BLOCK,
        user("non pas trop"),
        {"event": "action", "name": "safety_form"},
        {"event": "slot", "name": "safe_now", "value": safe_now},
        {"event": "action", "name": "action_after_safety_answer"},
        user("non merci pas de rappel"),
        *extra,
        user(typed, intent),
    ]
    return tracker(
        events, slots={"distress": True, "safe_now": safe_now, "wants_advisor": False, "urgency": "critique"}
    )


def test_a_fact_after_not_safe_gets_the_numbers_not_the_intake():
    dispatcher, events = run(
        ActionAcknowledgeSituation(), _after_crisis("l'huissier passe jeudi pour le fourgon", NOT_SAFE)
    )
    said = texts(dispatcher)
    assert said[0] == NOT_SAFE_HOLD and "15" in said[0]
    assert not any("Si je comprends bien" in text for text in said)
    assert events[-1] == {"event": "followup", "name": "action_listen", "timestamp": None}


def test_a_fact_after_an_unknown_safety_asks_it_again():
    dispatcher, events = run(ActionAcknowledgeSituation(), _after_crisis("la banque a bloqué le compte pro", UNSURE))
    assert texts(dispatcher) == [SAFETY_RECHECK]
    assert slot_events(events).get("safe_now", "x") is None
    assert events[-1]["name"] == "safety_form"


def test_the_check_is_made_once_then_the_intake_goes_on():
    extra = [{"event": "bot", "timestamp": 9, "text": SAFETY_RECHECK}]
    dispatcher, _events = run(
        ActionAcknowledgeSituation(), _after_crisis("la banque a bloqué le compte pro", UNSURE, extra=extra)
    )
    assert SAFETY_RECHECK not in texts(dispatcher)


def test_after_a_safe_answer_the_intake_goes_on():
    dispatcher, _ = run(ActionAcknowledgeSituation(), _after_crisis("la banque a bloqué le compte pro", SAFE))
    assert SAFETY_RECHECK not in texts(dispatcher) and NOT_SAFE_HOLD not in texts(dispatcher)


# --- F20: someone with the person is company, not a plan: never stored safe -----------------------------------------


@pytest.mark.parametrize("typed", ["oui il est avec son frère ce soir", "oui elle dort chez sa fille"])
def test_a_relative_who_says_someone_is_there_is_unsure_not_safe(typed):
    assert answer_to_safety_question(typed, about_someone_else=True) == UNSURE
