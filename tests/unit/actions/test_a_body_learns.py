"""Round 25: "will my bank / the URSSAF / the tax office know I talked to you?" has one reader for every path.

Two readers had been written in parallel: intake/asked_back.py's `_BANK_KNOWS`, answered outside the intake through
actions/service_answers.py, and intake/answers.py's `_REACHES_A_BODY`, inside `asks_if_confidential`, at an intake
question and before the triage. They caught different sentences: "non je vous demande si ma banque va le savoir" at the
deadline question was stored as the deadline ("aucune échéance connue"), "pas a ma banque jespere" too; "est ce que les
impots vont le savoir" outside a form got "je n'ai pas bien compris"; "si ma banque l'apprend je suis mort" and "ma
conseillere bancaire va recevoir ca ?" made a bank difficulty of the question. Now intake.asked_back.asks_if_a_body_learns
reads them all, for both paths: the same answer on each (nothing is passed on without consent, the body named), the
pending question again, and no difficulty recorded from the question.

The `before` column says which reader caught the sentence before the merge: "bank" (asked_back, outside path only),
"body" (answers, both paths), "both", or "none".
"""

from __future__ import annotations

import pytest
import yaml

from actions.intake_actions import ActionHandleMisunderstanding, ValidateSituationForm
from actions.triage_actions import ValidateTriageSlots
from intake.asked_back import asks_if_a_body_learns
from intake.service_questions import NO_AUTHORITY_TOLD, NO_BANK_TOLD
from ops.settings import REPO_ROOT
from tests.support.trackers import bot, run, slot_events, tracker, user

DOMAIN = {"forms": yaml.safe_load((REPO_ROOT / "bot/domain/intake.yml").read_text(encoding="utf-8"))["forms"]}
KNOWN = {"difficulty_categories": ["baisse_activite"], "trade": "boulanger"}

BANK = NO_BANK_TOLD[:40]
URSSAF = NO_AUTHORITY_TOLD[:40]
TAXES = "Non : la chambre ne prévient pas les impôts"
BANK_CATEGORY = {"banque"}
URSSAF_CATEGORY = {"cotisations_sociales"}
TAX_CATEGORY = {"impots"}

# words, answer on both paths, categories the question must never give, which reader caught it before
TABLE = [
    # From tests/unit/actions/test_round24_fix_answers.py (asked_back's reader).
    ("euh vous allez transmettre ça à qui exactement ? pas à ma banque j'espère", BANK, BANK_CATEGORY, "bank"),
    ("non je vous demande si ma banque va le savoir", BANK, BANK_CATEGORY, "bank"),
    ("mon banquier il va être au courant ?", BANK, BANK_CATEGORY, "bank"),
    ("ma banque va le savoir ?", BANK, BANK_CATEGORY, "both"),
    # From tests/unit/actions/test_round24_midway.py (answers' reader).
    (
        "l'urssaf va savoir que je vous ai parlé ? j'ai peur que ça se retourne contre moi",
        URSSAF,
        URSSAF_CATEGORY,
        "body",
    ),
    ("attendez, si je vous dis que j'ai des dettes, ça va remonter à l'urssaf ?", URSSAF, URSSAF_CATEGORY, "body"),
    ("c'est pas ma question. vous le dites à l'urssaf ou pas ?", URSSAF, URSSAF_CATEGORY, "body"),
    ("qui va lire exactement ? mon banquier peut voir ça ?", BANK, BANK_CATEGORY, "both"),
    ("est-ce que ce que j'écris ici peut être transmis à l'URSSAF ou au fisc ?", URSSAF, URSSAF_CATEGORY, "body"),
    ("et ce que je vous écris, ça peut arriver aux impôts ?", TAXES, TAX_CATEGORY, "body"),
    # Other phrasings: SMS, no accents, typos, dictation.
    ("pas a ma banque jespere", BANK, BANK_CATEGORY, "bank"),
    ("ma banque elle va etre prevenue ?", BANK, BANK_CATEGORY, "bank"),
    ("si ma banque l'apprend je suis mort", BANK, BANK_CATEGORY, "bank"),
    ("ma conseillere bancaire va recevoir ca ?", BANK, BANK_CATEGORY, "bank"),
    ("la banque elle le sait ?", BANK, BANK_CATEGORY, "none"),
    ("vs allez pas le dire a mon banquier hein", BANK, BANK_CATEGORY, "none"),
    ("est ce que les impots vont le savoir", TAXES, TAX_CATEGORY, "body"),
    ("les impots ils peuvent voir ce que j'ecris ?", TAXES, TAX_CATEGORY, "body"),
    ("vous allez le dire aux impots ?", TAXES, TAX_CATEGORY, "body"),
    ("jveux pas que l'urssaf le sache", URSSAF, URSSAF_CATEGORY, "none"),
    ("est ce que l urssaf sera au courant que jvous ai parlé", URSSAF, URSSAF_CATEGORY, "none"),
    ("l'urssaf va le savoir virgule que je vous ai ecrit point d'interrogation", URSSAF, URSSAF_CATEGORY, "none"),
    ("pas aux impots hein", TAXES, TAX_CATEGORY, "none"),
]
IDS = [row[0][:40] for row in TABLE]


def _at_deadline(words: str) -> tuple[list[str], dict]:
    events = [
        user("je suis boulanger, mon chiffre d'affaires baisse depuis des mois"),
        *({"event": "slot", "name": k, "value": v} for k, v in KNOWN.items()),
        {"event": "slot", "name": "requested_slot", "value": "deadline"},
        bot("Avez-vous une échéance proche ?"),
        user(words, "nlu_fallback"),
        {"event": "slot", "name": "deadline", "value": words},
    ]
    slots = {**KNOWN, "requested_slot": "deadline", "deadline": words}
    dispatcher, produced = run(ValidateSituationForm(), tracker(events, slots, "situation_form"), DOMAIN)
    return [m.get("text") or "" for m in dispatcher.messages], slot_events(produced)


def _outside(words: str) -> list[str]:
    events = [bot("Bonjour, je suis l'assistant automatique."), user(words, "nlu_fallback")]
    dispatcher, _ = run(ActionHandleMisunderstanding(), tracker(events, {}))
    return [m.get("text") or "" for m in dispatcher.messages]


@pytest.mark.parametrize("words, wanted, never, before", TABLE, ids=IDS)
def test_one_reader_reads_the_union(words, wanted, never, before):
    assert asks_if_a_body_learns(words)


@pytest.mark.parametrize("words, wanted, never, before", TABLE, ids=IDS)
def test_at_an_intake_question_it_is_answered_and_the_question_waits(words, wanted, never, before):
    said, slots = _at_deadline(words)
    assert said[0].startswith(wanted), said
    assert "sans votre accord" in said[0] or "lu que par les conseillers" in said[0]
    assert slots["deadline"] is None  # never stored as the deadline
    assert any("échéance" in text for text in said[1:]), said


@pytest.mark.parametrize("words, wanted, never, before", TABLE, ids=IDS)
def test_outside_the_intake_it_gets_the_same_answer(words, wanted, never, before):
    said = _outside(words)
    assert said and said[0].startswith(wanted), said


@pytest.mark.parametrize("words, wanted, never, before", TABLE, ids=IDS)
def test_the_question_records_no_difficulty(words, wanted, never, before):
    events = [
        user("je suis boulanger, mon chiffre d'affaires baisse depuis des mois"),
        bot("Depuis quand ?"),
        user(words, "nlu_fallback"),
    ]
    _, produced = run(ValidateTriageSlots(), tracker(events, {}))
    slots = slot_events(produced)
    assert not set(slots.get("difficulty_categories") or []) & never
    assert not slots.get("creditors")


# Near misses: a body's own business, said or asked, is no question about what the chamber passes on.
NEAR_MISSES = [
    "la banque doit recevoir le cheque demain",
    "ma banque va voir mon dossier de pret lundi",
    "mon banquier va voir mes comptes demain ?",
    "si la banque voit que je suis a decouvert elle me coupe tout",
    "ca arrive que la banque refuse ?",
    "l'urssaf va savoir combien je dois ?",
    "ma banque va me rappeler ?",
    "je dois pas à ma banque, c'est l'urssaf",
]


@pytest.mark.parametrize("words", NEAR_MISSES)
def test_a_body_s_own_business_is_not_read_as_the_question(words):
    assert not asks_if_a_body_learns(words)
    said = " ".join(_outside(words))
    assert BANK not in said and URSSAF not in said and TAXES not in said


def test_a_debt_said_with_the_question_is_still_recorded():
    events = [
        user("je suis boulanger"),
        bot("Qu'est-ce qui vous amène ?"),
        user("j'ai un decouvert de 3000 euros. ma banque va le savoir que je vous parle ?"),
    ]
    _, produced = run(ValidateTriageSlots(), tracker(events, {}))
    assert "banque" in slot_events(produced)["difficulty_categories"]
