"""Round 29, helper "fixx" (the crisis path in conversation, talkers a and b): no relief said after preparations told
(r29-a-14), a new sign after the crisis reply answered in its own words, never the first block again (r29-a-14). Real
trackers; sentences written for these tests (new words, other trades), each with near misses."""

from __future__ import annotations

import re

import pytest

from actions.crisis_actions import ActionAfterSafetyAnswer, ActionCrisisResponse
from guidance import crisis_messages
from guidance.crisis import SAFE_REPLY, preparations_told
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

MONDAY_23H = "2026-12-07T23:10:00+01:00"
OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle ?"


def _sentences(text: str) -> int:
    return len([part for part in re.split(r"(?<=[.!?])\s+", text.strip()) if part])


# --- 1. r29-a-14: "oui je suis chez moi" after preparations told is no relief ------------------------------------

PREPARED = [
    ["indirect_settling_affairs", "indirect_someone_should_know"],
    ["indirect_letters_to_children"],
    ["model:settling_affairs"],
    ["indirect_farewell"],
    ["explicit_means_at_hand"],
    ["model:intent_plan_means"],
    ["indirect_giving_away"],
    ["indirect_life_insurance"],
]
NOT_PREPARED = [
    ["ambiguous_worn_out", "direct_question_not_a_clear_no"],
    ["indirect_burden"],
    ["model:burden"],
    ["ambiguous_despair"],
    ["model:ambiguous", "direct_question_not_a_clear_no"],
]
OPENING = (
    "j'ai laissé une enveloppe pour mes fils sur l'établi, les comptes de la menuiserie sont à jour, "
    "je tenais à le dire à quelqu'un"
)


def _after_yes(typed: str, signs: list[str], person: str | None = None):
    events = [
        user(OPENING, "express_distress"),
        {"event": "action", "name": "action_crisis_response"},
        bot("Merci de me l'avoir confié. Vous pouvez appeler le 3114 dès maintenant."),
        bot("Êtes-vous en sécurité en ce moment ?"),
        user(typed, "affirm"),
        {"event": "slot", "name": "safe_now", "value": "safe"},
    ]
    slots = {
        "distress": True,
        "urgency": "critique",
        "safe_now": "safe",
        "distress_level": 2,
        "distress_signs": signs,
        "person_at_risk": person,
    }
    return tracker(events, slots=slots)


@pytest.mark.parametrize("signs", PREPARED)
def test_preparations_are_told_by_their_signs(signs):
    assert preparations_told(signs)


@pytest.mark.parametrize("signs", NOT_PREPARED)
def test_strain_burden_or_ambiguous_words_are_no_preparations(signs):
    assert not preparations_told(signs)


@pytest.mark.parametrize("typed", ["oui je suis chez moi, les petits dorment", "oui", "oui ça va je suis au calme"])
@pytest.mark.parametrize("signs", PREPARED[:4])
def test_a_yes_after_preparations_gets_no_relief_but_company_and_the_line_now(typed, signs):
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _after_yes(typed, signs))
    said = " ".join(texts(dispatcher))
    assert "soulagé" not in said
    assert "3114 maintenant" in said and "quelqu'un de proche" in said
    assert all(_sentences(line) <= 3 for line in texts(dispatcher))


def test_a_relative_after_preparations_gets_no_relief_either():
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _after_yes("oui il est avec sa sœur", PREPARED[0], "mon oncle"))
    said = " ".join(texts(dispatcher))
    assert "soulagé" not in said and "votre oncle" in said and "3114" in said


@pytest.mark.parametrize("signs", NOT_PREPARED[:3])
def test_a_yes_after_strain_or_burden_keeps_its_relief(signs):
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _after_yes("oui je suis chez moi", signs))
    assert SAFE_REPLY in texts(dispatcher)


# --- 2. r29-a-14: a new sign after the crisis reply is answered in its own words --------------------------------


def _first_block(person: str | None = None) -> list[str]:
    from actions import services

    return crisis_messages(services.chamber(), person)


def _new_sign_after_the_block(typed: str, person: str | None = None, given: bool = True):
    block = _first_block(person)
    events = [user(OPENING, "express_distress")]
    if given:
        events += [
            {"event": "action", "name": "action_crisis_response"},
            *[bot(line) for line in block],
            user("oui je suis chez moi", "affirm"),
            {"event": "slot", "name": "safe_now", "value": "safe"},
            bot(OFFER),
        ]
    events.append(user(typed, "express_distress"))
    slots = {
        "distress": given,
        "urgency": "critique" if given else None,
        "safe_now": "safe" if given else None,
        "distress_level": 2,
        "distress_signs": ["indirect_settling_affairs", "model:better_off_without_me"],
        "person_at_risk": person,
    }
    return tracker(events, slots=slots)


FAREWELLS = [
    "non merci. ils seront mieux sans moi. bonsoir",
    "pas la peine, c'est plus simple comme ça pour eux. bonne nuit",
    "non. tout est prêt de toute façon. adieu",
]


@pytest.mark.parametrize("typed", FAREWELLS)
def test_a_goodbye_with_a_new_sign_after_the_block_is_met_in_its_own_words(typed, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", MONDAY_23H)
    dispatcher, events = run(ActionCrisisResponse(), _new_sign_after_the_block(typed))
    said = texts(dispatcher)
    block = _first_block()
    assert not any(line in block for line in said)
    assert not any(line.startswith("Merci de me l'avoir confié") for line in said)
    joined = " ".join(said)
    assert "3114" in joined and "15" in joined and "laisser partir" in joined and "quelqu'un de proche" in joined
    assert all(_sentences(line) <= 3 for line in said)
    assert slot_events(events).get("safe_now", "unset") is None  # the safety question comes again


def test_a_new_sign_without_goodbye_after_the_block_is_short_and_stays():
    dispatcher, _ = run(ActionCrisisResponse(), _new_sign_after_the_block("de toute façon je sers plus à rien"))
    said = " ".join(texts(dispatcher))
    assert "je reste là" in said and "3114" in said and "laisser partir" not in said


def test_a_relative_new_sign_after_the_block_speaks_of_that_person():
    dispatcher, _ = run(
        ActionCrisisResponse(), _new_sign_after_the_block("elle a dit que ce serait bientôt fini", "ma tante")
    )
    said = " ".join(texts(dispatcher))
    assert "votre tante" in said and "3114" in said


def test_the_first_sign_still_gets_the_whole_block(monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", MONDAY_23H)
    dispatcher, _ = run(ActionCrisisResponse(), _new_sign_after_the_block(FAREWELLS[0], given=False))
    said = texts(dispatcher)
    assert any("3114 dès maintenant" in line for line in said)
    assert any("conseiller de notre chambre" in line for line in said)


# --- 3. r29-a-01: "non pas du tout, c'était une expression" at the safety question is safe, and a clear no -------

TAKEN_BACK = [
    "mais non enfin c'était une façon de parler !! je voulais juste savoir pour ma TVA",
    "nan pas du tout cetait une image, je suis juste lessivé par les chantiers",
    "non non au sens figuré, c'est la compta qui me rend fou",
    "ah mais non, c'est une expression de chez nous, il faut pas le prendre au pied de la lettre",
]
NOT_TAKEN_BACK = [
    "c'était une façon de parler mais des fois j'y pense",
    "non c'était une expression, mais ce soir je suis pas bien",
    "c'était une expression",
    "non je plaisantais, haha",
    "non",
    "non pas du tout",
    "c'était une façon de parler, mais j'ai peur de moi",
]


def _at_the_safety_question(typed: str, signs: list[str] | None = None):
    from actions.crisis_actions import ValidateSafetyForm

    events = [
        user("je suis rincé, la TVA me tue, je fais 70h par semaine", "express_overwhelm"),
        bot("Je vous pose la question simplement, sans jugement : est-ce qu'il vous arrive de penser au suicide ?"),
        user("je sais pas quoi vous dire", "inform"),
        {"event": "slot", "name": "suicide_thoughts", "value": "not_clear_no"},
        {"event": "action", "name": "action_crisis_response"},
        bot("Je préfère prendre votre réponse au sérieux. Vous pouvez appeler le 3114 dès maintenant."),
        bot("Êtes-vous en sécurité en ce moment ?"),
        user(typed, "deny"),
    ]
    slots = {
        "requested_slot": "safe_now",
        "distress": True,
        "suicide_thoughts": "not_clear_no",
        "distress_signs": signs or ["ambiguous_worn_out", "direct_question_not_a_clear_no"],
    }
    return ValidateSafetyForm(), tracker(events, slots=slots, active_loop="safety_form")


@pytest.mark.parametrize("typed", TAKEN_BACK)
def test_a_figure_of_speech_taken_back_is_safe(typed):
    from triage.answers import takes_back_a_figure_of_speech

    assert takes_back_a_figure_of_speech(typed)
    from tests.unit.actions.test_crisis_actions import extract

    form, current = _at_the_safety_question(typed)
    assert extract(form, "extract_safe_now", current) == {"safe_now": "safe"}


@pytest.mark.parametrize("typed", NOT_TAKEN_BACK)
def test_a_take_back_with_a_doubt_fear_or_only_a_no_is_never_safe(typed):
    from tests.unit.actions.test_crisis_actions import extract
    from triage.answers import takes_back_a_figure_of_speech

    assert not takes_back_a_figure_of_speech(typed)
    form, current = _at_the_safety_question(typed)
    assert extract(form, "extract_safe_now", current).get("safe_now") != "safe"


def test_after_the_take_back_the_misunderstanding_is_owned_and_the_no_kept():
    from guidance.crisis import THOUGHTS_DENIED_AT_SAFETY_REPLY

    _, current = _at_the_safety_question(TAKEN_BACK[0])
    current.slots.update({"safe_now": "safe", "requested_slot": None})
    current.active_loop = {}
    dispatcher, events = run(ActionAfterSafetyAnswer(), current)
    said = " ".join(texts(dispatcher))
    assert THOUGHTS_DENIED_AT_SAFETY_REPLY in said and "tout de suite le 15" not in said
    assert slot_events(events).get("suicide_thoughts") == "clear_no"


# --- 4. r29-a-02, r29-a-28: what a relative said is what the advisor reads; a weapon named is in the case ----------


def _relative_case(lines: list[tuple[str, str]], **slots):
    from actions.handoff import build_case_draft

    transcript = [{"sender": sender, "text": text} for sender, text in lines]
    return build_case_draft(
        conversation_id="c-r29-fixx",
        reference="R29-FIXX",
        chamber_id="cma-test",
        slots={
            "difficulty_categories": ["procedure"],
            "urgency": "critique",
            "consent_given": True,
            "distress": True,
            "distress_level": 3,
            "distress_signs": ["ambiguous_despair", "direct_question_not_a_clear_no"],
            "person_at_risk": "mon frère",
            "contact_name": "Hélène",
            "phone": "+33612345678",
            **slots,
        },
        situation={},
        transcript=transcript,
        consent_version="v1",
    )


RELATIVE_QUESTION = "Je vous pose la question simplement : craignez-vous que votre frère pense au suicide ?"
RELATIVE_SAFETY = "Pensez-vous que votre frère soit en sécurité en ce moment ?"
THOUGHTS_REASON = {
    "distress_signs": ["question directe sur le suicide : la personne a dit avoir des pensées suicidaires"]
}


@pytest.mark.parametrize(
    "safety_answer", ["je sais pas, il est sur un chantier à Dole", "j'en sais rien il répond pas", "aucune idée"]
)
def test_a_relative_who_fears_and_does_not_know_is_written_so(safety_answer):
    draft = _relative_case(
        [
            ("artisan", "j'écris pour mon frère, plâtrier, il répète que tout ça ne sert plus à rien"),
            ("bot", RELATIVE_QUESTION),
            ("artisan", "oui ça me fait peur"),
            ("bot", RELATIVE_SAFETY),
            ("artisan", safety_answer),
        ],
        suicide_thoughts="not_clear_no",
        safe_now="not_safe",
        triage_reasons=THOUGHTS_REASON,
    )
    assert "a dit avoir des pensées suicidaires" not in draft.summary
    assert "ce proche a dit le craindre" in draft.summary
    assert "pas en sécurité selon ce proche" not in draft.summary
    assert "ne sait pas si la personne est en sécurité" in draft.summary


def test_a_relative_who_says_no_to_safety_is_still_not_safe():
    draft = _relative_case(
        [
            ("artisan", "j'écris pour mon frère, plâtrier, il répète que tout ça ne sert plus à rien"),
            ("bot", RELATIVE_QUESTION),
            ("artisan", "peut-être"),
            ("bot", RELATIVE_SAFETY),
            ("artisan", "non il est seul à l'atelier"),
        ],
        suicide_thoughts="not_clear_no",
        safe_now="not_safe",
    )
    assert "pas en sécurité selon ce proche" in draft.summary
    assert "ce proche ne l'exclut pas" in draft.summary


def test_the_own_answer_still_says_thoughts_admitted():
    from actions.handoff import suicide_answer

    slots = {"suicide_thoughts": "not_clear_no", "distress": True, "triage_reasons": THOUGHTS_REASON}
    assert suicide_answer(slots) == "a dit avoir des pensées suicidaires"


@pytest.mark.parametrize(
    "words, kind",
    [
        ("il garde sa carabine sous le lit", "arme à feu"),
        ("son pistolet de tir sportif est dans le coffre", "arme à feu"),
        ("elle a une boîte de somnifères dans la cuisine", "médicaments"),
    ],
)
def test_a_means_named_by_a_relative_is_in_the_case(words, kind):
    draft = _relative_case(
        [
            ("artisan", "j'écris pour mon frère, plâtrier, il répète que tout ça ne sert plus à rien"),
            ("bot", RELATIVE_QUESTION),
            ("artisan", f"oui. {words}"),
        ],
        suicide_thoughts="not_clear_no",
        safe_now="unsure",
    )
    assert f"moyen à portée mentionné : {kind}" in draft.summary


def test_a_means_denied_is_no_means_line():
    draft = _relative_case(
        [("artisan", "il n'a pas d'arme, rien de tout ça, mais il dit que tout ça ne sert plus à rien")]
    )
    assert "moyen à portée" not in draft.summary


def test_a_gun_named_without_distress_is_no_means_line():
    calm = _relative_case(
        [("artisan", "il vend des fusils de chasse dans sa boutique d'armurier, les impôts le relancent")],
        distress=False,
        distress_level=None,
        distress_signs=[],
        person_at_risk=None,
        urgency="normale",
    )
    assert "moyen à portée" not in calm.summary


# --- 5. r29-b-36: "laissez tomber" from someone not safe is no goodbye --------------------------------------------


def _stop_after_not_safe(typed: str, safe_now: str = "not_safe", person: str | None = None, said: tuple = ()):
    events = [
        user("je veux en finir, je veux parler à quelqu'un tout de suite", "express_distress"),
        {"event": "action", "name": "action_crisis_response"},
        bot("Merci de me l'avoir confié. Vous pouvez appeler le 3114 dès maintenant."),
        bot("Êtes-vous en sécurité en ce moment ?"),
        user("non", "deny"),
        {"event": "slot", "name": "safe_now", "value": safe_now},
        bot("Merci de me l'avoir dit. Appelez tout de suite le 15 ou le 112."),
        bot(OFFER),
        *[bot(line) for line in said],
        user(typed, "stop_conversation"),
    ]
    slots = {
        "distress": True,
        "urgency": "critique",
        "safe_now": safe_now,
        "distress_level": 1,
        "distress_signs": ["explicit_suicide"],
        "requested_slot": "wants_advisor",
        "person_at_risk": person,
    }
    return tracker(events, slots=slots, active_loop="handoff_form")


@pytest.mark.parametrize("typed", ["laissez tomber", "bon ça sert à rien, oubliez", "stop"])
def test_a_stop_from_someone_not_safe_stays_present_with_the_numbers(typed, monkeypatch):
    from actions.intake_actions import ActionStopConversation

    monkeypatch.setenv("RELAIS_NOW", MONDAY_23H)
    dispatcher, _ = run(ActionStopConversation(), _stop_after_not_safe(typed))
    said = " ".join(texts(dispatcher))
    assert "Prenez soin de vous" not in said
    assert "3114 maintenant" in said
    assert "Je reste là" in said


def test_said_again_it_is_shorter_and_never_a_goodbye(monkeypatch):
    from actions.intake_actions import ActionStopConversation
    from guidance.crisis import staying_when_not_safe

    monkeypatch.setenv("RELAIS_NOW", MONDAY_23H)
    current = _stop_after_not_safe("laissez tomber", said=(staying_when_not_safe(None),))
    dispatcher, _ = run(ActionStopConversation(), current)
    said = " ".join(texts(dispatcher))
    assert said.startswith("Je suis là.")
    assert "Prenez soin de vous" not in said


def test_a_stop_after_a_safe_answer_keeps_its_goodbye(monkeypatch):
    from actions.intake_actions import ActionStopConversation

    monkeypatch.setenv("RELAIS_NOW", MONDAY_23H)
    dispatcher, _ = run(ActionStopConversation(), _stop_after_not_safe("laissez tomber", safe_now="safe"))
    said = " ".join(texts(dispatcher))
    assert "ne pas être en sécurité" not in said
    assert "3114" in said


# --- 6. r29-b-20, r29-b-30: someone close, an emergency said in the first message: the 15 now, no condition ---------


def _first_message_of_a_relative(typed: str, signs: list[str], person: str):
    events = [user(typed, "express_distress")]
    slots = {
        "distress": True,
        "urgency": "critique",
        "distress_level": 1 if signs[0].startswith("explicit") else 2,
        "distress_signs": signs,
        "person_at_risk": person,
    }
    return tracker(events, slots=slots)


@pytest.mark.parametrize(
    "typed, signs, person",
    [
        (
            "mon compagnon s'est barricadé dans le fournil avec sa carabine, il crie que c'est terminé",
            ["explicit_shut_in_with_a_weapon"],
            "mon compagnon",
        ),
        ("ma mère s'est enfermée au garage avec le fusil de papa", ["explicit_shut_in_with_a_weapon"], "ma mère"),
    ],
)
def test_shut_in_with_a_weapon_gets_the_15_now_and_safety_for_the_writer(typed, signs, person, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", MONDAY_23H)
    dispatcher, _ = run(ActionCrisisResponse(), _first_message_of_a_relative(typed, signs, person))
    said = " ".join(texts(dispatcher))
    assert "maintenant" in said
    assert "enfermée avec une arme" in said
    assert "Mettez-vous en sécurité" in said
    assert "éloignez cette arme" not in said
    assert "est en danger immédiat, appelez" not in said


@pytest.mark.parametrize(
    "typed",
    [
        "ma fille m'a écrit 'je vous aime, pardon' et depuis elle répond plus au téléphone",
        "mon frère m'a envoyé un dernier message d'adieu cette nuit, il décroche plus",
    ],
)
def test_a_farewell_then_no_answer_gets_the_15_now(typed, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", MONDAY_23H)
    dispatcher, _ = run(
        ActionCrisisResponse(), _first_message_of_a_relative(typed, ["indirect_farewell_received"], "ma fille")
    )
    said = " ".join(texts(dispatcher))
    assert "ne répond plus après ce message" in said
    assert "en danger immédiat, appelez" not in said


def test_a_farewell_still_answered_keeps_the_usual_block(monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", MONDAY_23H)
    typed = "mon frère m'a écrit adieu à tous, je l'ai eu au téléphone il est chez lui"
    dispatcher, _ = run(
        ActionCrisisResponse(), _first_message_of_a_relative(typed, ["indirect_farewell_received"], "mon frère")
    )
    said = " ".join(texts(dispatcher))
    assert "Si votre frère est en danger immédiat" in said
