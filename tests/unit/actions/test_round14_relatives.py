"""Round 14 (testers talking to the bot): someone close writing for the artisan.

- A son wrote about his father's warning sign with his own words beside it ("…, je m'appelle Thomas son fils") and was
  asked "Êtes-vous en sécurité en ce moment ?": the triage's whole-message reading made the sign his. The crisis reply
  and the safety question speak of the person at risk.
- "Thomas, son fils" at the name question was read as a third person named Thomas: who the writer is to the artisan
  ("son fils", "sa femme") says the name is the writer's.
- A creditor added later ("ah et aussi le fournisseur") or corrected ("non pas la banque, c'est le fournisseur")
  replaced every creditor already given in the case.
"""

from __future__ import annotations

import pytest

from actions.crisis_actions import ActionAskSafeNow, ActionCrisisResponse
from actions.handoff import build_case_draft, creditors_in_full, person_to_call, written_for, written_for_line
from actions.handoff_actions import to_call_text
from actions.triage_actions import ValidateTriageSlots
from guidance.crisis import SAFETY_QUESTION
from tests.support.trackers import run, slot_events, texts, tracker, user

# ------------------------------------------------------------------ 1. the safety question about the person at risk


def _after_triage(messages: list[str]) -> tuple[list[dict], dict]:
    events = [user(text, "express_distress") for text in messages]
    _, result = run(ValidateTriageSlots(), tracker(events))
    return events, slot_events(result)


@pytest.mark.parametrize(
    "messages, person",
    [
        (["mon pere il me dit qu'il veut plus jamais se reveiller, je m'appelle Thomas son fils"], "votre père"),
        (
            [
                "bonjour c pour mon pere, il a une menuiserie",
                "il dit qu'il aimerait ne plus jamais se réveiller, je suis perdue",
            ],
            "votre père",
        ),
        (["ma mere elle dit qu elle aimerait ne plus se reveiller, moi je sais plus quoi faire"], "votre mère"),
        (["papa il dit qu'il veut plus se réveiller"], "votre père"),
        (["mon frère dit qu'il aimerait ne plus jamais se réveiller. qu'est ce que je peux faire ?"], "votre frère"),
    ],
)
def test_the_crisis_reply_and_the_safety_question_speak_of_the_person_at_risk(messages, person):
    events, slots = _after_triage(messages)
    assert slots.get("distress") is True
    assert slots.get("person_at_risk")
    current = tracker(events, slots=slots)
    crisis, _ = run(ActionCrisisResponse(), current)
    asked, _ = run(ActionAskSafeNow(), current)
    said = texts(crisis) + texts(asked)
    assert SAFETY_QUESTION not in said
    assert f"Pensez-vous que {person} soit en sécurité en ce moment ?" in said
    assert any(person in text for text in texts(crisis))


@pytest.mark.parametrize(
    "messages",
    [
        ["mon pere il dit qu il aimerait ne plus se reveiller, et moi aussi je veux plus me reveiller"],
        ["ma femme est partie avec les petits, je suis perdu, je veux plus me réveiller"],
        ["je suis papa de 2 enfants et je veux plus me reveiller le matin"],
    ],
)
def test_the_writers_own_sign_keeps_the_question_about_the_writer(messages):
    events, slots = _after_triage(messages)
    assert slots.get("distress") is True
    assert not slots.get("person_at_risk")
    asked, _ = run(ActionAskSafeNow(), tracker(events, slots=slots))
    assert texts(asked) == [SAFETY_QUESTION]


# ------------------------------------------------------------------ 2. the writer's name said with who they are


@pytest.mark.parametrize(
    "words, writer, name",
    [
        ("je m'appelle Thomas, son fils", "fils", "Thomas"),
        ("Thomas, son fils", "fils", "Thomas"),
        ("thomas son fils", "fils", "Thomas"),
        ("moi c'est Karine sa femme", "femme", "Karine"),
        ("bonjour je suis Julie, sa fille", "fille", "Julie"),
        ("je suis sa fille, Julie", "fille", "Julie"),
        ("c'est Mehdi son associé", "associe", "Mehdi"),
        ("Thomas son fils, lui c'est Gérard", "fils", "Thomas"),
    ],
)
def test_a_name_said_with_who_the_writer_is_names_the_writer(words, writer, name):
    found = written_for([words]) or {}
    assert found.get("writer") == writer
    assert found.get("writer_name") == name
    assert found.get("person_name") != name
    assert person_to_call(words) == name
    assert to_call_text(name, words) == f"D'accord, le conseiller vous demandera, {name}."


def test_the_case_says_the_son_wrote_and_names_nobody_else_thomas():
    said = ["c'est pour mon père, il est couvreur, l'urssaf lui réclame 9000", "je m'appelle Thomas, son fils"]
    line = written_for_line(written_for(said), "Thomas")
    assert line is not None
    assert "son fils (Thomas)" in line
    assert "personne concernée : Thomas" not in line


@pytest.mark.parametrize(
    "words, name",
    [
        # The person concerned named by the writer, in the writer's words: the person, as before.
        ("marc (mon mari)", "Marc"),
        ("c'est pour ma femme, elle s'appelle Sonia", "Sonia"),
        ("Yannick, je suis son neveu. Lui, c'est Gérard", "Yannick"),
    ],
)
def test_near_misses_keep_whom_they_named(words, name):
    assert person_to_call(words) == name


# ------------------------------------------------------------------ 3. creditors added, or one corrected


@pytest.mark.parametrize(
    "said, slot, expected",
    [
        # Added: "aussi", "et puis", "en plus", "j'ai oublié".
        (
            ["la banque me reclame 5000 euros", "ah et aussi le fournisseur"],
            "et aussi le fournisseur",
            ["banque 5000 €", "fournisseurs"],
        ),
        (["la banque me reclame 5000 euros", "et l'urssaf aussi"], "et l'urssaf aussi", ["banque 5000 €", "URSSAF"]),
        (
            ["j'ai 8000 de retard a l'urssaf", "et puis le fournisseur 2000 euros"],
            "fournisseurs 2000 €",
            ["URSSAF 8000 €", "fournisseurs 2000 €"],
        ),
        (
            ["je dois 3000 a la banque", "en plus je dois 1500 au grossiste"],
            "fournisseurs 1500 €",
            ["banque 3000 €", "fournisseurs 1500 €"],
        ),
        (
            ["l urssaf me reclame 4000", "ah j'ai oublié, les impots aussi 2000"],
            "impôts 2000 €",
            ["URSSAF 4000 €", "impôts 2000 €"],
        ),
        # One corrected: only that one replaced.
        # Round 15: the creditor meant instead takes the amount of the one denied, as the intake notes it
        # (intake.facts._creditors_corrected: "caisse de retraite 5000 €" + "c'est pas la retraite c'est la MSA").
        (
            ["l'urssaf 6000 et la banque 3000", "non pas la banque, c'est le fournisseur"],
            "aucune dette signalée",
            ["URSSAF 6000 €", "fournisseurs 3000 €"],
        ),
        (
            ["l'urssaf 6000 et la banque 3000", "c'est le fournisseur pas la banque"],
            "fournisseurs",
            ["URSSAF 6000 €", "fournisseurs"],
        ),
        # Near misses: a correction that names the only one meant replaces; an amount corrected stays corrected.
        (["l'urssaf me reclame 8000", "non en fait c'est les impots"], "impôts", ["impôts"]),
        (["l'urssaf me reclame 8000", "pardon c'est 6000 pas 8000"], "URSSAF 6000 €", ["URSSAF 6000 €"]),
        (["l'urssaf me reclame 8000"], "URSSAF 8000 €", ["URSSAF 8000 €"]),
        ([], "mon beau-frère 2000 €", ["mon beau-frère 2000 €"]),
        (["la banque me relance"], None, ["banque"]),
        (["bonjour j'ai un souci avec mon fournisseur de farine"], None, []),
    ],
)
def test_creditors_added_later_add_and_a_correction_replaces_only_its_own(said, slot, expected):
    result = creditors_in_full(slot, said)
    assert (result.split(", ") if result else []) == expected


def test_the_case_draft_keeps_every_creditor_given():
    transcript = [
        {"sender": "artisan", "text": "bonjour la banque me reclame 5000 euros", "at": "2026-12-05T10:00:00+00:00"},
        {"sender": "bot", "text": "Depuis quand ?", "at": "2026-12-05T10:00:01+00:00"},
        {"sender": "artisan", "text": "depuis 3 mois. ah et l'urssaf aussi", "at": "2026-12-05T10:00:02+00:00"},
    ]
    draft = build_case_draft(
        conversation_id="c-14",
        reference="RL-7K3Q9M",
        chamber_id="cma-generique",
        slots={"consent_given": True, "consent_at": "2026-12-05T10:01:00+00:00", "difficulty_categories": ["banque"]},
        situation={"creditors": "URSSAF", "since_when": "depuis 3 mois"},
        transcript=transcript,
        consent_version="v1",
    )
    assert draft.situation["creditors"] == "banque 5000 €, URSSAF"
