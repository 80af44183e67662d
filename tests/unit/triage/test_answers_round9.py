"""Round 9 of conversations (r9a-28..30, r9b-01, 04, 13, 14, 24, 26): answers to the crisis questions that were not
respected. A clear "je ne suis pas en danger" with more words after it is a yes; a yes said with a doubt, another
subject, the question refused or the 3114 to be called is unsure, never "not safe"; a refusal of the direct question is
its own reading; "je ne veux pas me suicider" is a no, wherever it is said."""

from __future__ import annotations

import pytest

from triage.answers import (
    CLEAR_NO,
    DECLINED,
    NOT_CLEAR_NO,
    NOT_SAFE,
    SAFE,
    UNSURE,
    answer_to_safety_question,
    answer_to_suicide_question,
    denies_the_question,
    unsure_kind,
)

SAFETY = [
    # A clear "not in danger", then where, when, or what earlier words meant (r9a-28, 29, 30).
    ("je suis pas en danger, je voulais dire que je serai peut-être sur un chantier à Brive lundi", SAFE),
    ("je suis pas en danger ce soir, je suis chez ma soeur", SAFE),
    ("je ne suis pas en danger ce soir, je suis chez ma soeur", SAFE),
    ("non je risque rien, je suis avec ma femme", SAFE),
    # A no to a danger heard in the question, then safety in so many words (round 11, r11b-25).
    ("non ça va je suis en sécurité", SAFE),
    ("non non je vais bien", SAFE),
    ("non ça va", NOT_SAFE),
    ("non je suis pas en sécurité", NOT_SAFE),
    ("oui ça va, je voulais juste dire que la boîte est peut-être finie", SAFE),
    # The same with worry, danger, a reservation, a hope or a doubt of its own stays not safe.
    ("je suis pas en danger mais j'ai peur", NOT_SAFE),
    ("non pas en danger, je suis seul ce soir", NOT_SAFE),
    ("je suis pas en danger ce soir, mais demain je sais pas", NOT_SAFE),
    ("je suis pas en danger, je sais pas", NOT_SAFE),
    ("je suis pas en danger, ça va aller", NOT_SAFE),
    ("je suis pas en danger, je voulais dire que j'ai pas envie de vivre comme ça", NOT_SAFE),
    ("je suis pas en danger ?", NOT_SAFE),
    # A yes with a doubt of knowledge (r9b-01, r9b-14): unsure.
    ("oui enfin je crois, je suis chez moi", UNSURE),
    ("oui je crois", UNSURE),
    ("je pense que oui", UNSURE),
    ("oui normalement, je suis chez ma soeur", UNSURE),
    ("oui je crois mais j'ai peur", NOT_SAFE),
    ("oui je crois, peut-être", NOT_SAFE),
    ("ouais j'espère", NOT_SAFE),
    ("oui pour l'instant", NOT_SAFE),
    # Another subject, the question refused, the 3114 to be called (r9b-24, r9b-04, r9b-26): unsure.
    ("je veux juste savoir pour l'urssaf", UNSURE),
    ("parlons du tribunal plutôt", UNSURE),
    ("je préfère pas en parler", UNSURE),
    ("je veux pas parler de ça", UNSURE),
    ("ok merci, je vais appeler le 3114. au revoir", UNSURE),
    ("merci je vais appeler le 3114", UNSURE),
    ("je vais appeler le 3114, je suis en sécurité", SAFE),
    ("je vais appeler le 3114, j'ai les cachets devant moi", NOT_SAFE),
    ("je vais appeler le 3114 mais j'ai peur", NOT_SAFE),
    ("je veux juste savoir pour l'urssaf, j'ai envie d'en finir", NOT_SAFE),
    ("je sais pas pourquoi je vis encore", NOT_SAFE),
    ("non", NOT_SAFE),
    ("...", NOT_SAFE),
]


@pytest.mark.parametrize("typed, expected", SAFETY)
def test_the_safety_answer(typed, expected):
    assert answer_to_safety_question(typed) == expected
    assert answer_to_safety_question(typed, may_ask_again=True, may_answer_question=True) == expected


@pytest.mark.parametrize(
    "typed, kind",
    [
        ("ok merci, je vais appeler le 3114. au revoir", "line"),
        ("je préfère pas en parler", "not talking"),
        ("oui enfin je crois, je suis chez moi", "doubt"),
        ("je veux juste savoir pour l'urssaf", "other"),
        ("moi oui, lui je sais pas il est sur un chantier la", None),
    ],
)
def test_why_an_answer_is_unsure(typed, kind):
    assert unsure_kind(typed) == kind


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("je veux pas parler de ça", DECLINED),
        ("je préfère pas en parler", DECLINED),
        ("je préfère ne pas répondre", DECLINED),
        ("je veux pas en parler, des fois j'y pense", NOT_CLEAR_NO),
        ("je sais pas, je veux pas en parler", NOT_CLEAR_NO),
        ("je veux pas en parler, j'ai peur", NOT_CLEAR_NO),
        ("non je ne veux pas me suicider, je suis juste fatiguée, je veux une solution pour le four", CLEAR_NO),
        ("je veux pas mourir, je veux juste que ça s'arrange", CLEAR_NO),
        ("je veux pas mourir mais des fois j'y pense", NOT_CLEAR_NO),
    ],
)
def test_the_direct_question_refused_or_denied(typed, expected):
    assert answer_to_suicide_question(typed) == expected


def test_the_questions_own_words_denied():
    assert denies_the_question("non je ne veux pas me suicider, je suis juste fatiguée")
    assert not denies_the_question("je suis juste fatiguée")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("oui je suis en sécurité, mais je préfère pas parler de ça", "safe"),
        ("oui ça va … mais vous avez lu ma question ?", "safe"),
        ("oui mais j'ai peur de ce que je pourrais faire", "not_safe"),
        ("oui mais pas pour longtemps", "not_safe"),
    ],
)
def test_a_clear_yes_then_a_refusal_to_talk_is_safe(text, expected):
    """Round 10 (r10b-11, 15): "oui je suis en sécurité, mais je préfère pas parler de ça" was told to call the 15."""
    assert answer_to_safety_question(text) == expected


@pytest.mark.parametrize(
    "text, named",
    [
        ("depuis la mort de ma mère, mon père n'a plus de raison de continuer", ["mon père"]),
        ("ma femme est décédée en mai et mon fils ne se lève plus", ["mon fils"]),
        ("mon associé m'a dit qu'il voulait en finir", ["mon associé"]),
    ],
)
def test_someone_close_who_died_is_not_the_person_at_risk(text, named):
    """Round 10 (r10b-19): the bot asked three times whether "votre mère", who had died, was safe."""
    from triage.distress import close_people_named

    assert close_people_named(text) == named
