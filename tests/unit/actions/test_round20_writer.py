"""Round 20 (a.md H4 r20a-07, M1 r20a-10, M2 r20a-01, r20a-07): someone close writes for the artisan. The stored case
says who wrote, whose number was given and who will answer (the person concerned may not know who wrote; or the
advisor calls the relative who wrote); a request for discretion is heard in one sentence and is the case's first line;
a relative's "il est sur un chantier avec son apprenti" stays unsure, the case saying what the relative said. Real
trackers and a real SQLite case store; sentences in other words than the conversations'."""

from __future__ import annotations

import pytest

from actions.crisis_actions import ValidateSafetyForm
from actions.handoff import DISCRETION_NOTED, discretion_line, given_as_theirs, safety_said_by_relative
from actions.handoff_actions import ValidateHandoffForm, save_case
from tests.support.action_services import stored_cases
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user
from tests.unit.actions.test_crisis_actions import extract

SENDER = "writer-conversation"
# Tuesday 8 December 2026, 10:30 in Paris: the chamber is open.
OPEN_NOW = "2026-12-08T10:30:00+01:00"
AT_RISK = {"distress": True, "distress_level": 2, "urgency": "critique", "difficulty_categories": ["vie_personnelle"]}


@pytest.fixture(autouse=True)
def _clock(monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", OPEN_NOW)


def _case(lines: list[tuple[str, str]], **slots):
    """The case stored from a conversation: ("bot" | "user", words) in order, and the slots it left."""
    events = [bot(words) if who == "bot" else user(words) for who, words in lines]
    current = tracker(events, slots=consented(**{**AT_RISK, **slots}), sender_id=SENDER)
    reference = save_case(current, dict(current.slots)).reference
    (case,) = stored_cases()
    assert case.reference == reference
    return case


# ------------------------------------------------------------------ 1. whose number, who answers


def test_the_person_concerneds_number_given_by_a_parent_says_who_wrote_and_that_he_may_not_know() -> None:
    case = _case(
        [
            ("user", "ma fille tient une pâtisserie à Vannes, elle ne mange plus et elle distribue ses affaires"),
            ("user", "hier elle m'a dit au revoir maman comme si on se voyait plus"),
            ("bot", "Souhaitez-vous qu'un conseiller de la chambre vous rappelle ?"),
            ("user", "oui mais vous pouvez la joindre elle, Léa, au 07 81 23 45 67"),
        ],
        person_at_risk="ma fille",
        phone="+33781234567",
        contact_name="Léa",
    )
    assert "Écrit par un proche : sa mère ; personne concernée : Léa, sa fille." in case.summary
    assert "Numéro à appeler (07 81 23 45 67) : celui de sa fille (Léa), la personne concernée" in case.summary
    assert "c'est sa mère qui a écrit ; Léa ne sait peut-être pas que sa mère a écrit." in case.summary
    assert case.contact_name == "Léa" and case.phone == "+33781234567"


def test_the_person_named_with_the_relatives_word_and_the_number() -> None:
    case = _case(
        [
            ("user", "mon fils est menuisier, il ne dort plus, il parle de tout laisser tomber pour de bon"),
            ("user", "appelez mon fils Hugo au 06 98 76 54 32 svp"),
        ],
        person_at_risk="mon fils",
        phone="+33698765432",
        contact_name="Hugo",
    )
    assert "celui de son fils (Hugo), la personne concernée" in case.summary
    assert "Hugo ne sait peut-être pas que" in case.summary
    assert "personne concernée : Hugo, son fils" in case.summary


def test_the_writers_own_number_says_the_advisor_calls_the_relative_who_wrote() -> None:
    case = _case(
        [
            ("user", "mon mari est couvreur, il dit qu'on serait tous plus tranquilles sans lui"),
            ("user", "c'est mon portable : 06 55 44 33 22"),
        ],
        person_at_risk="mon mari",
        phone="+33655443322",
        contact_name="Nadia",
    )
    assert "Écrit par un proche : son épouse ; personne concernée : son mari." in case.summary
    assert "Numéro à appeler (06 55 44 33 22) : celui de son épouse (Nadia), qui a écrit ; rappeler ce proche." in (
        case.summary
    )
    assert "ne sait peut-être pas" not in case.summary


def test_near_miss_call_me_not_him_is_the_writers_number() -> None:
    said = ["rappelez-moi au 06 55 44 33 22, ne l'appelez pas lui directement"]
    assert not given_as_theirs(said, "+33655443322")
    assert given_as_theirs(["appelez-le au 06 55 44 33 22"], "+33655443322")
    assert given_as_theirs(["son portable c'est le 06 55 44 33 22"], "+33655443322")


def test_near_miss_the_artisan_writing_about_himself_gets_no_relatives_lines() -> None:
    case = _case(
        [("user", "je suis boulanger, je n'en peux plus, je pense à en finir"), ("user", "06 55 44 33 22")],
        phone="+33655443322",
    )
    assert "Écrit par un proche" not in case.summary and "Numéro à appeler" not in case.summary


# ------------------------------------------------------------------ 2. discretion


def _at_the_time_question(words: str):
    reference = _case(
        [
            ("user", "mon compagnon est plâtrier, il répète qu'il veut disparaître"),
            ("user", "06 21 43 65 87"),
        ],
        person_at_risk="mon compagnon",
        phone="+33621436587",
    ).reference
    slots = consented(
        **AT_RISK,
        person_at_risk="mon compagnon",
        phone="+33621436587",
        case_reference=reference,
        requested_slot="callback_slot",
    )
    events = [
        user("mon compagnon est plâtrier, il répète qu'il veut disparaître"),
        user("06 21 43 65 87"),
        bot("Quand préférez-vous être rappelée ?"),
        user(words, "inform"),
    ]
    return tracker(events, slots=slots, active_loop="handoff_form", sender_id=SENDER)


def test_discretion_asked_at_the_time_question_is_heard_and_read_first_in_the_case() -> None:
    words = "jeudi après-midi, mais surtout ne lui dites pas que je vous ai contactés"
    dispatcher, events = run(ValidateHandoffForm(), _at_the_time_question(words))
    said = texts(dispatcher)
    assert said.count(DISCRETION_NOTED) == 1
    assert "promet" not in DISCRETION_NOTED and "ne dira" not in DISCRETION_NOTED
    assert slot_events(events).get("callback_slot")
    summary = stored_cases()[0].summary
    assert summary.startswith("Discrétion demandée : « ne lui dites pas que je vous ai contactés » (")
    assert summary.count("ne sait pas que ce proche a écrit") == 1


def test_near_miss_words_of_knowing_about_the_business_ask_no_discretion() -> None:
    dispatcher, _ = run(ValidateHandoffForm(), _at_the_time_question("jeudi, il sait pas encore pour la saisie"))
    assert DISCRETION_NOTED not in texts(dispatcher)
    assert not stored_cases()[0].summary.startswith("Discrétion")


@pytest.mark.parametrize(
    "words, quoted",
    [
        ("demain vers 9h, sauf que lui il doit pas savoir que j'ai écrit", "il doit pas savoir que j'ai écrit"),
        ("elle n'est pas au courant que je vous écris, attention", "elle n'est pas au courant que je vous écris"),
    ],
)
def test_the_discretion_line_quotes_the_writer(words: str, quoted: str) -> None:
    assert (discretion_line(["bonjour", words]) or "").startswith(f"Discrétion demandée : « {quoted} »")


def test_near_miss_no_discretion_line_without_the_words() -> None:
    assert (
        discretion_line(["il sait pas quoi faire avec l'urssaf", "ne lui parlez pas trop vite de liquidation"]) is None
    )


# ------------------------------------------------------------------ 3. what the relative said of safety

RELATIVE_SAFETY = "Pensez-vous que votre mari soit en sécurité en ce moment ?"


def _safety_answer(words: str) -> str:
    events = [bot(RELATIVE_SAFETY), user(words, "inform")]
    slots = {**AT_RISK, "requested_slot": "safe_now", "person_at_risk": "mon mari"}
    current = tracker(events, slots=slots, active_loop="safety_form", sender_id=SENDER)
    return extract(ValidateSafetyForm(), "extract_safe_now", current)["safe_now"]


def test_company_stays_unsure_and_the_case_says_what_the_relative_said() -> None:
    words = "oui il bosse sur un chantier là, il est avec son apprenti"
    safe_now = _safety_answer(words)
    assert safe_now == "unsure"
    case = _case(
        [
            ("user", "mon mari est électricien, il m'a dit qu'on serait mieux sans lui"),
            ("bot", RELATIVE_SAFETY),
            ("user", words),
            ("user", "06 11 22 33 44"),
        ],
        person_at_risk="mon mari",
        safe_now=safe_now,
        phone="+33611223344",
    )
    assert "a priori entouré selon ce proche (sur un chantier avec son apprenti), sécurité non confirmée" in (
        case.summary
    )
    assert "en sécurité selon" not in case.summary


def test_a_woman_with_her_sister_is_entouree() -> None:
    case = _case(
        [
            ("user", "ma femme est fleuriste, elle parle de partir pour toujours"),
            ("bot", "Pensez-vous que votre femme soit en sécurité en ce moment ?"),
            ("user", "je pense, elle dort chez sa sœur ce soir"),
        ],
        person_at_risk="ma femme",
        safe_now="unsure",
        phone="+33611223344",
    )
    assert "a priori entourée selon ce proche (chez sa sœur ce soir), sécurité non confirmée" in case.summary


def test_near_miss_a_place_alone_is_no_company() -> None:
    assert safety_said_by_relative("je crois, il est à l'atelier") == ("à l'atelier", False)
    assert safety_said_by_relative("je sais pas trop") is None
    case = _case(
        [
            ("user", "mon mari est garagiste, il m'a dit qu'il voulait plus se réveiller"),
            ("bot", RELATIVE_SAFETY),
            ("user", "je crois, il est au garage"),
        ],
        person_at_risk="mon mari",
        safe_now="unsure",
        phone="+33611223344",
    )
    assert "sécurité non confirmée (selon ce proche : au garage)" in case.summary
    assert "entouré" not in case.summary


def test_near_miss_an_unsure_answer_without_whereabouts_keeps_the_old_wording() -> None:
    case = _case(
        [
            ("user", "mon mari est maçon, il m'a dit qu'il voulait en finir"),
            ("bot", RELATIVE_SAFETY),
            ("user", "j'espère, je sais pas"),
        ],
        person_at_risk="mon mari",
        safe_now="unsure",
        phone="+33611223344",
    )
    assert "sécurité non confirmée selon ce proche : rappeler immédiatement" in case.summary
