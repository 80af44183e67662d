"""Round 15: someone close writing for the artisan was asked "Quel est votre métier ?", "Avez-vous des salariés ?" as if
the business were theirs. The intake's questions about the business name whose it is; an artisan writing about their
own business, even with someone close at risk, is asked as before. Real trackers, the real `ask`."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.asking import ask
from tests.support.trackers import tracker, user


def _asked(slot: str, *said: str, **slots) -> str:
    dispatcher = CollectingDispatcher()
    ask(slot, dispatcher, tracker([user(text) for text in said], slots=slots))
    return dispatcher.messages[-1]["text"]


@pytest.mark.parametrize(
    "slot, question",
    [
        ("trade", "Quel est le métier de votre mari ?"),
        ("legal_form", "Sous quelle forme l'entreprise de votre mari est-elle enregistrée ?"),
        ("employees", "L'entreprise de votre mari a-t-elle des salariés ? Si oui, combien ?"),
        (
            "creditors",
            "Y a-t-il des dettes aujourd'hui (URSSAF, impôts, banque, fournisseurs) ? Si oui, environ combien ?",
        ),
        (
            "steps_taken",
            "Des démarches ont-elles déjà été faites, par exemple auprès de l'URSSAF, des impôts ou de la banque ?",
        ),
    ],
)
def test_someone_close_is_asked_about_the_owners_business(slot, question):
    assert _asked(slot, "bonjour j'écris pour mon mari, l'urssaf lui réclame 8000 euros") == question


def test_a_parent_named_in_sms_spelling_is_the_owner_too():
    assert _asked("trade", "c pour mon père il a des dettes partout") == "Quel est le métier de votre père ?"


@pytest.mark.parametrize(
    "said, slots",
    [
        (["la banque m'a coupé le découvert"], {}),
        # The writer's own business, a son at risk: the questions stay the writer's.
        (["mon fils dit qu'il veut en finir et moi j'ai des dettes urssaf"], {"person_at_risk": "mon fils"}),
        (["je suis boulanger, ma femme m'aide au magasin"], {}),
    ],
)
def test_the_artisan_writing_about_their_own_business_is_asked_as_before(said, slots):
    assert _asked("trade", *said, **slots) == "Quel est votre métier ?"
