"""Round 19 (r19c-01, r19c-04, r19c-09, r19c-10, r19c-02): questions about the service asked mid-conversation, read in
plain Python. New sentences, not the talkers'; near misses that must stay as they were."""

from __future__ import annotations

import pytest

from intake.answers import fears_others_told
from intake.service_questions import (
    act_for_you_text,
    asks_about_a_missed_call,
    asks_us_to_act,
    asks_where_we_were,
    body_asked_about,
    not_that_body_text,
)


@pytest.mark.parametrize(
    "words, body",
    [
        ("mais vous c'est l'urssaf ou pas ?", "l'URSSAF"),
        ("etes-vous la CGSS de Guadeloupe ?", "la CGSS"),
        ("vous travaillez pour le fisc non ?", "les impôts"),
        ("vous dépendez de la MSA ?", "la MSA"),
        ("dites, vous êtes la banque de france ?", "une banque"),
        ("c'est vous les impôts ou quoi", "les impôts"),
    ],
)
def test_a_body_asked_about_is_named(words, body):
    assert body_asked_about(words) == body


@pytest.mark.parametrize(
    "words",
    [
        "c'est l'URSSAF qui me relance tous les mois",  # a fact about a body, not a question about us
        "vous êtes de quelle chambre, Aurillac ?",
        "l'urssaf m'a dit de vous écrire",
        "vous êtes un robot ?",
    ],
)
def test_near_misses_name_no_body(words):
    assert body_asked_about(words) is None


def test_the_answer_says_no_and_names_the_body_first():
    text = not_that_body_text("Chambre de métiers et de l'artisanat", "la CGSS")
    assert text.startswith("Non, ici c'est la Chambre de métiers et de l'artisanat : nous ne sommes pas la CGSS, ni ")
    assert text.count(". ") <= 2


@pytest.mark.parametrize(
    "words, whom",
    [
        ("est-ce que vous pourriez contacter mon fournisseur à ma place ?", "votre fournisseur"),
        ("vous pouvez joindre mon proprio ?", "votre proprio"),
        ("c'est le conseiller qui va appeler mes clients ?", "vos clients"),
        ("vous pourriez les contacter pour moi ?", "eux"),
        ("pouvez-vous écrire à l'urssaf de ma part", "l'URSSAF"),
    ],
)
def test_a_request_to_act_for_the_artisan_is_no_fear(words, whom):
    assert asks_us_to_act(words) == whom
    assert not fears_others_told(words)


@pytest.mark.parametrize(
    "words",
    [
        "vous allez prévenir les impôts ?",
        "vous allez appeler les gendarmes si je dis ça ?",
        "et vous signalez ça à ma banque ?",
    ],
)
def test_a_fear_of_being_reported_stays_a_fear(words):
    assert asks_us_to_act(words) is None
    assert fears_others_told(words)


@pytest.mark.parametrize("words", ["vous pouvez m'appeler jeudi ?", "vous pouvez me rappeler plus tard ?"])
def test_a_call_asked_for_oneself_is_no_request_to_act(words):
    assert asks_us_to_act(words) is None


def test_the_answer_to_a_request_promises_nothing():
    text = act_for_you_text("votre banque")
    assert "Je ne peux appeler personne moi-même" in text and "votre banque" in text and "s'il peut" in text


@pytest.mark.parametrize(
    "words, asks",
    [
        ("et si je loupe son coup de fil ?", True),
        ("si je décroche pas, il rappelle ?", True),
        ("le conseiller rappelle si je suis pas là ?", True),
        ("si je rate l'échéance de l'urssaf ils majorent ?", False),
        ("j'ai raté l'appel du tribunal hier", False),
    ],
)
def test_a_missed_call(words, asks):
    assert asks_about_a_missed_call(words) is asks


@pytest.mark.parametrize(
    "words, asks",
    [
        ("bon, où on en était ?", True),
        ("vous avez noté quoi au juste ?", True),
        ("rappelez-moi ce que vous avez retenu", False),  # no "redire": left to the form
        ("vous pouvez me redire ce que vous avez compris ?", True),
        ("on en est où avec l'urssaf, ils ont répondu ?", False),
    ],
)
def test_where_we_were(words, asks):
    assert asks_where_we_were(words) is asks
