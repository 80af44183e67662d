"""Round 19 (r19a-01, 06, 16): the callback taken back in spoken or SMS French ("je veux plus", "pu", "pa ke on m'apel",
"annulé le rapel", "jvais me debrouiller seul") is a withdrawal; a no to another question, or a misspelt word that takes
nothing back, is not. New sentences, never the talker's."""

from __future__ import annotations

import pytest

from actions.handoff_actions import takes_back_callback
from intake.answers import is_withdrawal, kind, refuses_callback, respelled

# At the phone question (a changed mind counts) and after the case (only words that take the call back).
TAKEN_BACK_ANYWHERE = [
    "jveu pa ke vous m'apeliez en fait",
    "jveux pu etre rapelée merci",
    "bon jveux pu qu'on m apel",
    "annulé le rapel, mon client a payé",
    "oubliez le rapel svp",
    "en fait non jrapelerai moi meme la chambre directement",
    "finalement non, jvous apelerai moi meme mardi",
    "jveux pa etre rapele",
]
# At the phone question only: a changed mind, then the artisan manages alone.
TAKEN_BACK_AT_THE_QUESTION = [
    "non finalement jme debrouillerai seule",
    "bon en fait non, jvais gerer tout seul merci",
    "ah non attends, jvais me débrouiller moi meme",
]
NOTHING_TAKEN_BACK = [
    "non",  # a plain no at the phone question: asked again, never erased
    "nn",  # the e-mail question
    "non pa de mail",
    "non pas d'échéance mais l'huissier passe lundi",  # a no to another question
    "jai pu payer l'urssaf hier",  # "pu" of pouvoir
    "le rapel de l'urssaf est arrivé",  # a payment reminder
    "il m'a rapelé hier soir le client",
    "non jvais me debrouiller pour etre dispo lundi",  # available, not alone
    "finalement non, plutot lundi matin",  # the moment put right
    "jveux pa etre rapelé avant 10h",  # a limit on the call
    "rapelez moi vite svp",  # a request
    "laissez tomber le matin, plutot l'aprem",
]


@pytest.mark.parametrize("words", TAKEN_BACK_ANYWHERE)
def test_the_call_taken_back_in_sms_is_read_after_the_case_too(words):
    assert takes_back_callback(words, explicit_only=True), words
    assert takes_back_callback(words, explicit_only=False), words


@pytest.mark.parametrize("words", TAKEN_BACK_AT_THE_QUESTION)
def test_managing_alone_after_a_changed_mind_withdraws_at_the_question(words):
    assert is_withdrawal(words), words
    assert takes_back_callback(words, explicit_only=False), words


@pytest.mark.parametrize("words", NOTHING_TAKEN_BACK)
def test_near_misses_take_nothing_back(words):
    assert not takes_back_callback(words, explicit_only=False), words
    assert not takes_back_callback(words, explicit_only=True), words


@pytest.mark.parametrize(
    "words, written",
    [
        ("jveux pa ke on m apel", "je veux pas qu'on m'appelle"),
        ("annulé le rapel", "annulez le rappel"),
        ("japelerai moi meme", "j'appellerai moi meme"),
        ("le rapel de l'urssaf", "le rappel de l'urssaf"),
        ("jai pu payer", "j'ai pu payer"),
    ],
)
def test_the_shared_reading_writes_sms_out(words, written):
    assert respelled(words) == written


def test_a_refusal_in_sms_before_any_consent_is_a_refusal():
    assert refuses_callback("jveu pu etre apelé")
    assert not refuses_callback("jveu pa etre apelé le matin")


@pytest.mark.parametrize("words", ["ui", "wai", "ouep", "ui ui", "oui ok", "okk", "si si"])
def test_informal_yes_words_are_a_yes_everywhere(words):
    assert kind(words) == "yes", words


@pytest.mark.parametrize("words, said", [("nan", "no"), ("ui mais je sais pas", "hesitation"), ("lui", "other")])
def test_other_answers_keep_their_kind(words, said):
    assert kind(words) == said
