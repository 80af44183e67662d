"""Round 26 (talk-a): r26a-11, a deaf woman in danger who cannot phone, was told to call the 3114 first (the 114 in
brackets), "comment je fais pour le 114 ?" got "un conseiller pourra vous le dire", the handoff asked when to call her and
promised a call at 8 h, and her deafness was filed as a health difficulty. r26a-15, a tiler whose associate died by
suicide: "Il a mis fin à ses jours" got no condolences, "des fois je comprends pourquoi il l'a fait" was missed, and "je
vais faire pareil" started the path for a relative at risk (the dead associate). r26a-19/21: the condolences came before
the welcome, and the bereavement category was missing."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from actions.ask_actions import ActionOutOfScope
from actions.crisis_actions import ActionAfterSafetyAnswer, crisis_reply
from actions.handoff_actions import WRITTEN_PROMISE, callback_promise, written_contact_kept
from bot.crisis_first import crisis_first
from guidance.crisis import BEREAVEMENT
from guidance.welcome import welcome_text
from intake.written_contact import WRITTEN_ONLY, asks_how_114_works, cannot_phone
from tests.support.trackers import bot, run, texts, tracker, user
from triage import assess

DEAF = [
    "Bonjour je suis couturière retoucheuse à Limoges. Je suis sourde donc je ne peux pas téléphoner.",
    "jsuis sourde jpeux pas telephoner",
    "je suis malentendant, je ne peux pas téléphoner",
    "euh... je suis sourd et muet",
]


@pytest.mark.parametrize(
    "words",
    [
        *DEAF,
        "oui mais par SMS ou par mail, pas d'appel",
        "ne m'appelez pas svp, écrivez moi",
        "pas d'appel par sms svp",
    ],
)
def test_cannot_phone_is_read_in_every_voice(words: str) -> None:
    assert cannot_phone(words)


@pytest.mark.parametrize(
    "words",
    [
        "j'ai plus d'appels de clients",
        "pas d'appel depuis trois semaines, le carnet est vide",
        "je peux pas téléphoner à l'urssaf ils répondent jamais",
        "je ne peux pas parler de ça",
        "je n'entends rien à la compta",
    ],
)
def test_business_words_are_no_inability_to_phone(words: str) -> None:
    assert not cannot_phone(words)


@pytest.mark.parametrize(
    "words", ["comment je fais pour le 114 ?", "c koi le 114", "le 114 ça marche comment", "euh comment on fait le 114"]
)
def test_how_the_114_works_is_a_question_read(words: str) -> None:
    assert asks_how_114_works(words)


@pytest.mark.parametrize("first", DEAF)
def test_deafness_is_no_difficulty_category(first: str) -> None:
    assert "sante" not in assess([first]).categories


def test_no_call_asked_is_no_fall_in_activity() -> None:
    said = [DEAF[0], "Ma banque a clôturé mon compte professionnel", "oui mais par SMS ou par mail, pas d'appel"]
    assert "baisse_activite" not in assess(said).categories
    # Calls from clients that stopped still are one.
    assert "baisse_activite" in assess(["je suis plombier, j'ai plus d'appels depuis septembre"]).categories


def _deaf_in_danger(first: str, *more: dict) -> list[dict]:
    return [user(first), user("Je suis fatiguée de tout, j'ai envie de disparaître", "express_distress"), *more]


@pytest.mark.parametrize("first", DEAF)
def test_the_crisis_reply_puts_the_114_first_and_offers_a_written_contact(first: str) -> None:
    dispatcher = CollectingDispatcher()
    current = tracker(_deaf_in_danger(first), slots={"distress": True})
    crisis_reply(dispatcher, current, answered=False)
    said = texts(dispatcher)
    assert "SMS au 114" in said[0] and "gratuit, 24h/24 et 7j/7" in said[0]
    assert "3114" not in said[0]
    whole = " ".join(said)
    assert "vous écrire, par SMS ou par e-mail, sans jamais vous appeler" in whole
    assert "vous rappeler" not in whole


def test_someone_who_can_phone_keeps_the_3114_first() -> None:
    dispatcher = CollectingDispatcher()
    current = tracker(_deaf_in_danger("je suis coiffeuse à Tulle"), slots={"distress": True})
    crisis_reply(dispatcher, current, answered=False)
    assert texts(dispatcher)[0].startswith("Merci de me l'avoir confié. Vous pouvez appeler le 3114")


@pytest.mark.parametrize(
    "answer",
    ["non. et je vous ai dit que je ne peux pas téléphoner", "non", "nn pas en securite", "Non, pas en sécurité"],
)
def test_not_safe_and_deaf_gets_the_sms_to_the_114_now(answer: str) -> None:
    events = _deaf_in_danger(DEAF[0], bot("Êtes-vous en sécurité en ce moment ?"), user(answer, "deny"))
    current = tracker(events, slots={"distress": True, "safe_now": "not_safe"})
    said = " ".join(texts(run(ActionAfterSafetyAnswer(), current)[0]))
    assert "Envoyez tout de suite un SMS au 114" in said
    assert "Appelez tout de suite" not in said


@pytest.mark.parametrize("question", ["comment je fais pour le 114 ?", "c koi le 114", "le 114 ça marche comment ?"])
def test_how_the_114_works_is_answered_at_once(question: str) -> None:
    events = _deaf_in_danger(DEAF[0], bot("Êtes-vous en sécurité en ce moment ?"), user("non", "deny"))
    events.append(user(question, "out_of_scope"))
    current = tracker(events, slots={"distress": True, "safe_now": "not_safe", "difficulty_categories": ["banque"]})
    said = " ".join(texts(run(ActionOutOfScope(), current)[0]))
    assert "envoyez un SMS au 114" in said
    assert "conseiller de la chambre pourra" not in said


@pytest.mark.parametrize("asked", ["oui mais par SMS ou par mail, pas d'appel", "oui", "ok écrivez moi"])
def test_the_callback_moment_is_never_asked_of_someone_who_cannot_phone(asked: str) -> None:
    events = _deaf_in_danger(DEAF[0], user(asked, "affirm"))
    current = tracker(events, slots={"wants_advisor": True, "distress": True}, active_loop="handoff_form")
    assert written_contact_kept(current) == [
        {"event": "slot", "timestamp": None, "name": "callback_slot", "value": WRITTEN_ONLY}
    ]
    assert callback_promise(services.chamber(), current.slots) == WRITTEN_PROMISE
    assert "appel" not in WRITTEN_PROMISE.replace("sans vous appeler", "")


def test_someone_who_can_phone_is_still_asked_the_moment() -> None:
    events = [user("je suis boulanger à Lille, la banque me coupe le découvert"), user("oui", "affirm")]
    current = tracker(events, slots={"wants_advisor": True}, active_loop="handoff_form")
    assert written_contact_kept(current) == []


# r26a-15: the associate named first, his death told next.
ASSOCIATE = "Bonjour, je suis carreleur, on avait une SARL à deux avec mon associé à Valence."
DEATH = (
    "Il a mis fin à ses jours il y a trois semaines. Je me retrouve seul avec les chantiers en cours, les salariés et "
    "un découvert de 35 000 €."
)


@pytest.mark.parametrize(
    "said",
    [
        [ASSOCIATE, DEATH],
        [ASSOCIATE, "il a mis fin a ses jours y a 3 semaines jme retrouve seul avec un decouvert"],
        ["mon associé a mis fin à ses jours le mois dernier, la banque me met la pression sur le découvert"],
    ],
)
def test_a_death_by_suicide_told_is_a_bereavement(said: list[str]) -> None:
    assessment = assess(said)
    assert assessment.bereaved
    assert "vie_personnelle" in assessment.categories
    assert not assessment.distress


@pytest.mark.parametrize(
    "words",
    [
        "des fois je comprends pourquoi il l'a fait",
        "je comprends pourquoi il l a fait",
        "parfois je comprends son geste",
    ],
)
def test_understanding_the_act_after_a_suicide_told_is_asked_about(words: str) -> None:
    assessment = assess([ASSOCIATE, DEATH, words])
    assert assessment.distress_level == 3
    assert assessment.person_at_risk is None


def test_understanding_someone_with_no_death_told_is_no_sign() -> None:
    assert assess(["mon client est parti chez un concurrent, je comprends pourquoi il l'a fait"]).distress_level is None


@pytest.mark.parametrize(
    "words",
    [
        "je parle de mon associé. qu'il se soit suicidé. des fois je me dis que je vais faire pareil",
        "des fois je me dis que je vais faire pareil",
        "jvais faire pareil",
        "moi aussi je vais le faire",
    ],
)
def test_following_the_dead_is_the_writers_own_sign(words: str) -> None:
    assessment = assess([ASSOCIATE, DEATH, words])
    assert assessment.distress and assessment.distress_level == 1
    assert assessment.person_at_risk is None


def _turn(replies: list[str]) -> list[str]:
    sent: list[dict[str, Any]] = []

    async def send_response(recipient_id: str, reply: dict[str, Any]) -> None:
        sent.append(reply)

    message = SimpleNamespace(output_channel=SimpleNamespace(send_response=send_response), text="bonjour")

    async def handle(incoming: Any) -> None:
        for text in replies:
            await incoming.output_channel.send_response("artisan", {"text": text})

    asyncio.run(crisis_first(handle)(message))
    return [reply["text"] for reply in sent]


def test_the_welcome_comes_before_the_condolences() -> None:
    welcome = welcome_text("Chambre de métiers et de l'artisanat")
    said = _turn([welcome, BEREAVEMENT])
    assert said == [welcome, BEREAVEMENT]
