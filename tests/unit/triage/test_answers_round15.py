"""Round 15 (b.md H1, H4, H5; a.md M7): answers after the crisis reply, read by triage.answers. Sentences written for
these tests, the way people type (SMS spelling, no accents), with near misses that must keep their old reading."""

from __future__ import annotations

import pytest

from triage.answers import (
    NOT_SAFE,
    SAFE,
    UNSURE,
    afraid_to_call,
    answer_to_safety_question,
    calls_now,
    objects_to_the_question,
    promises_to_call_the_line,
    says_the_wait_is_long,
    without_safety_reassurance,
)

# --- 1. A yes said with surprise, then a denial or where: safe -------------------------------------------------------

SURPRISED_YES = [
    "euh oui je suis en securite?? j'ai jamais dit que je voulais me faire du mal, je suis juste a bout",  # r15b-05
    "ben oui?? je suis chez moi",
    "oui!! je vous ai pas dit ça",
    "bah oui ?! je suis a la maison avec ma femme",
    "ouais?? j'ai jamais parlé de me tuer, je suis juste crevée",
    "oui !? c'est pas ce que j'ai dit, je suis juste épuisé",
    "ben oui ?? j'ai pas dit que je voulais faire une bêtise",
    "oui?? je suis chez ma soeur",
]


@pytest.mark.parametrize("typed", SURPRISED_YES)
def test_a_yes_said_with_surprise_is_safe(typed):
    assert answer_to_safety_question(typed) == SAFE


@pytest.mark.parametrize(
    "typed",
    [
        "euh oui je suis en securite?? j'ai jamais dit que je voulais me faire du mal, je suis juste a bout",
        "ouais?? j'ai jamais parlé de me tuer, je suis juste crevée",
        "ben oui ?? j'ai pas dit que je voulais faire une bêtise",
    ],
)
def test_the_denial_is_an_objection_so_the_reply_can_say_pardon(typed):
    assert objects_to_the_question(typed)


# Near misses: a doubtful yes, a lone "?", a doubt, a reservation, worry or danger after the surprise, or the safety
# itself denied: the old reading stays.
NOT_A_SURPRISED_YES = [
    ("oui ?", NOT_SAFE),
    ("oui ? je sais pas", NOT_SAFE),
    ("je sais pas", NOT_SAFE),
    ("pas vraiment", NOT_SAFE),
    ("oui ?? je sais pas trop", NOT_SAFE),
    ("oui?? mais ce soir c'est dur", NOT_SAFE),
    ("ben oui?? je suis seule", NOT_SAFE),
    ("oui ?! j'ai jamais dit que j'allais bien", NOT_SAFE),
    ("oui?? j'ai peur", NOT_SAFE),
    ("oui ?? ça va aller", NOT_SAFE),
]


@pytest.mark.parametrize("typed, expected", NOT_A_SURPRISED_YES)
def test_near_misses_keep_their_reading(typed, expected):
    assert answer_to_safety_question(typed) == expected


def test_plain_answers_are_read_as_before():
    assert answer_to_safety_question("oui je suis chez moi") == SAFE
    assert answer_to_safety_question("oui mais je suis juste a bout") == NOT_SAFE
    # The surprise changes nothing but the marks: read as the same words without them.
    assert answer_to_safety_question("oui je suis juste a bout") == SAFE
    assert answer_to_safety_question("oui?? je suis juste a bout") == SAFE


def test_a_denial_that_quotes_a_warning_sign_keeps_the_crisis_reading():
    """Left as it was: the rule table reads "en finir" in the denial itself (triage/distress.py's to tell apart)."""
    assert answer_to_safety_question("mais oui ?? j'ai pas dit que je voulais en finir") == NOT_SAFE


# --- 2. "ok j'appelle": the emergency line called now ----------------------------------------------------------------

CALLING_NOW = [
    "ok j'appelle",  # r15b-03
    "j'appelle",
    "d'accord j'appelle le 15",
    "ok je les appelle tout de suite",  # r15b-17
    "jappelle maintenant",
    "dac j'apelle le samu",
    "ok je vais les appeler tout de suite",
    "oui oui j'appelle les secours",
    "ok j'appelle le 112 merci",
    "bon j'appelle direct",
]


@pytest.mark.parametrize("typed", CALLING_NOW)
def test_a_call_said_now_is_a_promise_to_call_the_line(typed):
    assert promises_to_call_the_line(typed)
    assert calls_now(typed)
    # At the safety question it says nothing of safety: unsure, never a plain "safe" ("ok" said first).
    assert answer_to_safety_question(typed) == UNSURE


NOT_CALLING_NOW = [
    "j'appelle ?",  # a question: shall I call?
    "je l'appelle ?",
    "je l'appelle",  # the person at risk, not the line
    "j'appelle l'urssaf demain",
    "ok j'appelle le 15. oui rappelez moi apres, c'est mehdi au 0612457889",  # a yes to the callback with it
    "je vous appelle lundi",
    "j'appellerai moi-même si besoin",
]


@pytest.mark.parametrize("typed", NOT_CALLING_NOW)
def test_near_misses_are_no_call_now(typed):
    assert not calls_now(typed)


def test_the_3114_promised_keeps_its_own_reading():
    assert promises_to_call_the_line("ok je vais appeler le 3114")
    assert not calls_now("ok je vais appeler le 3114")


# --- 3. Afraid to call the line --------------------------------------------------------------------------------------

AFRAID = [
    "j'ose pas appeler, je saurais pas quoi leur dire",  # r15b-12
    "j'ai peur d'appeler",
    "je sais pas quoi dire au 3114",
    "jose pas les appeler",
    "j'arrive pas a telephoner",
    "j'ai trop peur de les appeler",
    "je saurai pas quoi leur dire au telephone",
    "je peux pas parler au telephone",
    "jai honte d'appeler",
]


@pytest.mark.parametrize("typed", AFRAID)
def test_afraid_to_call(typed):
    assert afraid_to_call(typed)


NOT_AFRAID = [
    "je sais pas quoi dire",  # no call named: the safety reading's doubt
    "je sais pas quoi dire a la banque quand je vais l'appeler",
    "j'ai peur de l'huissier",
    "j'ose pas ouvrir le courrier",
    "j'ai peur d'appeler l'urssaf",
    "je vais appeler le 3114",
]


@pytest.mark.parametrize("typed", NOT_AFRAID)
def test_near_misses_are_not_afraid_to_call(typed):
    assert not afraid_to_call(typed)


# --- 4. The wait said to be long ---------------------------------------------------------------------------------------

LONG_WAIT = [
    "lundi c'est loin...",  # r15b-12
    "c'est long lundi",
    "d'ici là je fais comment",
    "c loin lundi quand meme",
    "en attendant je fais quoi",
    "je vais pas tenir jusqu'a lundi",
    "c'est trop long d'attendre lundi",
    "dici la je fais comment moi",
]


@pytest.mark.parametrize("typed", LONG_WAIT)
def test_the_wait_said_to_be_long(typed):
    assert says_the_wait_is_long(typed)


NOT_A_LONG_WAIT = [
    "c'est long a expliquer",
    "le chantier est loin",
    "c'est loin d'etre fini lundi",
    "lundi ça me va",
    "d'ici là je fais comment pour l'urssaf",
    "c'est long les démarches avec la banque",
    "lundi matin c'est parfait",
]


@pytest.mark.parametrize("typed", NOT_A_LONG_WAIT)
def test_near_misses_are_no_long_wait(typed):
    assert not says_the_wait_is_long(typed)


# --- 5. "je vais rien faire" after the safety question: safe, and no sign once the reassurance is read ----------------

REASSURED = [
    "je vais rien faire",
    "je ferai rien",
    "je vais pas faire de bêtise",
    "jvais rien faire promis",
    "non non je ferais rien",
    "je vais pas faire de betises, je suis chez moi",
    "oui oui je suis chez moi, c'est pas ce que je voulais dire, je vais rien faire",  # a.md M7
]


@pytest.mark.parametrize("typed", REASSURED)
def test_a_reassurance_is_safe(typed):
    assert answer_to_safety_question(typed) == SAFE
    assert without_safety_reassurance(typed) is not None


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("je vais rien faire ce soir je crois", UNSURE),  # a doubt of knowledge (round 9): never safe
        ("je sais pas si je vais rien faire", NOT_SAFE),
        ("je vais rien faire, ça va aller", NOT_SAFE),
    ],
)
def test_a_reassurance_with_a_doubt_is_no_clear_yes(typed, expected):
    assert answer_to_safety_question(typed) == expected


def test_what_is_left_once_the_reassurance_is_taken_out():
    assert without_safety_reassurance("c'est pas ce que je voulais dire, je vais rien faire") == (
        "c est pas ce que je voulais dire je"
    )
    assert without_safety_reassurance("je veux en finir") is None
