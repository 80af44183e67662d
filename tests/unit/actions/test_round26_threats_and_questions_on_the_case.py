"""Round 26 (talking to the real bot): what the case and the guidance record is what happened, not what is threatened,
asked about or denied. Over real trackers, the real handoff and a real case store; the guidance's own reader beside it.
Sentences of our own in several voices (SMS, no accents, dictation), with near misses.

2. "l'huissier menace de saisir mes comptes" opened the case with "Saisie de ses comptes." and got the card on
   contesting a seizure before the juge de l'exécution: a seizure threatened is no seizure done.
4. "est-ce qu'ils peuvent saisir ma maison ?" got that card too; "l'huissier peut saisir ma camionnette ?" was stored as
   a bailiff's visit.
5. "je suis pas en redressement", "non pas de redressement" were stored as a procedure (and read as its stage); "aucune
   procédure" after a procedure was read left it on the case.
"""

from __future__ import annotations

import pytest

from guidance.facts import read_causes, read_stage
from intake.facts import events_said
from ops import clock
from tests.support.action_services import stored_cases
from tests.support.handoff_form import case_finished

SENDER = "s26fix-threats"
SUNDAY = "2026-12-06T10:00:00+01:00"
SEIZURE_CARD_CAUSES = {"saisie_compte", "saisie_biens"}


@pytest.fixture(autouse=True)
def sunday(monkeypatch):
    monkeypatch.setenv(clock.ENV_VAR, SUNDAY)


def summary_after(*said, **extra):
    case_finished(said, SENDER, **extra)
    return stored_cases()[-1].summary


# ------------------------------------------------------------------ 2. a seizure threatened

THREATS = [
    ("l'huissier menace de saisir mes comptes", "Menace de saisie de ses comptes"),
    ("lhuissier menace de saisir mes comptes", "Menace de saisie de ses comptes"),
    ("la banque menace de saisir mon compte", "Menace de saisie de son compte"),
    ("l huissier il menace de me saisir les comptes virgule je sais plus quoi faire", "Menace de saisie des comptes"),
    ("la banque menace de saisir", "Menace de saisie"),
]


@pytest.mark.parametrize("said, headline", THREATS)
def test_a_seizure_threatened_heads_the_case_as_a_threat(said, headline):
    summary = summary_after(said, difficulty_categories=["banque"])
    assert summary.startswith(headline), summary
    assert not summary.startswith("Saisie")


@pytest.mark.parametrize("said, _", THREATS)
def test_a_seizure_threatened_gets_no_card_on_contesting_a_seizure(said, _):
    assert not read_causes([said]) & SEIZURE_CARD_CAUSES


def test_a_bailiff_threatening_keeps_the_bailiffs_card():
    assert "commissaire_justice" in read_causes(["l'huissier menace de saisir mes comptes"])


@pytest.mark.parametrize(
    "said, cause",
    [
        ("ils ont saisi mon compte", "saisie_compte"),
        ("l'huissier a saisi mon compte hier", "saisie_compte"),
        ("le commissaire va saisir le camion lundi", "saisie_biens"),
    ],
)
def test_near_miss_a_seizure_done_or_set_gets_the_card(said, cause):
    assert cause in read_causes([said])


def test_near_miss_a_seizure_done_heads_the_case():
    assert summary_after("la banque a saisi mon compte hier", difficulty_categories=["banque"]).startswith(
        "Saisie de son compte"
    )


# ------------------------------------------------------------------ 4. a seizure asked about


@pytest.mark.parametrize(
    "question",
    [
        "est-ce qu'ils peuvent saisir ma maison ?",
        "est ce quils peuvent saisir ma maison",
        "ils vont saisir la maison ?",
        "et l'urssaf elle peut saisir mon compte ?",
    ],
)
def test_a_seizure_asked_about_gets_no_card_on_contesting_a_seizure(question):
    assert not read_causes([question]) & SEIZURE_CARD_CAUSES


def test_near_miss_the_home_asked_about_keeps_its_card():
    assert "biens_personnels" in read_causes(["est-ce qu'ils peuvent saisir ma maison ?"])


@pytest.mark.parametrize(
    "question", ["l'huissier peut saisir ma camionnette ?", "lhuissier il peut saisir le camion ?"]
)
def test_a_bailiff_asked_about_is_no_visit(question):
    assert not [line for line in events_said(question) if "commissaire" in line or "saisie" in line]


def test_near_miss_a_bailiff_who_came_is_a_visit():
    assert events_said("l'huissier est passé hier") == ["passage d'un commissaire de justice (huissier)"]


# ------------------------------------------------------------------ 5. a procedure denied


@pytest.mark.parametrize(
    "said",
    [
        "je suis pas en redressement",
        "jsuis pas en redressement judiciaire",
        "non pas de redressement",
        "on n'est pas en sauvegarde",
        "non on est pas en liquidation",
    ],
)
def test_a_procedure_denied_is_neither_an_event_nor_a_stage(said):
    assert events_said(said) == []
    assert read_stage([said]) is None


@pytest.mark.parametrize("denial", ["je suis pas en procédure", "aucune procédure", "non pas de redressement"])
def test_a_procedure_denied_leaves_the_case(denial):
    summary = summary_after(
        "l'urssaf me réclame 6000 euros, le redressement", denial, difficulty_categories=["cotisations_sociales"]
    )
    assert "redressement" not in summary.split("Ses mots")[0].lower()


def test_near_miss_a_procedure_told_stays():
    assert events_said("on est en redressement judiciaire depuis juin") == ["redressement judiciaire"]
    assert read_stage(["on est en redressement judiciaire depuis juin"]) == "procedure"
