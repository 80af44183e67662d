"""Round 25 (talker C): a fact the artisan denies or puts right leaves the case, over real trackers, the real triage
action, the real handoff and a real case store. Sentences of our own besides the talker's, in several voices (SMS, no
accents, typos, dictation), and near misses.

- s25c-01: "l'urssaf elle peut saisir mon compte ?" then "y a pas de saisie pour l'instant": the case opened with
  "Saisie de son compte.".
- s25c-17: "ils peuvent saisir mon compte ?" then "oui mais j'ai pas de saisie hein, juste la lettre": the court
  procedure and the bank stayed among the case's difficulties, read from the question alone.
"""

from __future__ import annotations

import pytest

from actions.triage_actions import ValidateTriageSlots
from intake.facts import fold
from ops import clock
from tests.support.action_services import stored_cases
from tests.support.handoff_form import case_finished
from tests.support.trackers import bot, run, slot_events, tracker, user

SENDER = "s25fix1-corrections"
TODAY = "2026-12-06"
SUNDAY = "2026-12-06T10:00:00+01:00"
OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"


@pytest.fixture(autouse=True)
def sunday(monkeypatch):
    monkeypatch.setenv(clock.ENV_VAR, SUNDAY)


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def triaged(*said, extracted=None):
    """The triage action run after each message in turn, at the callback offer: the slots it leaves. ``extracted``:
    what the entity extractor set from the message of that index, before the action runs."""
    events: list[dict] = []
    slots: dict = {"requested_slot": "wants_advisor"}
    for index, words in enumerate(said):
        filled = (extracted or {}).get(index, {})
        events += [user(words), *[slot(name, value) for name, value in filled.items()]]
        _, produced = run(ValidateTriageSlots(), tracker(events, slots={**slots, **filled}))
        slots.update({**filled, **slot_events(produced)})
        events += [*[slot(name, value) for name, value in slot_events(produced).items()], bot(OFFER)]
    return slots


def summary_after(*said, **extra):
    """The case the handoff stores once the messages ``said`` were told and the number given."""
    case_finished(said, SENDER, **extra)
    return stored_cases()[-1].summary


# ------------------------------------------------------------------ a seizure asked about, then denied (s25c-01, s25c-17)

ASKED_ABOUT = [
    "l'urssaf m'a envoyé une mise en demeure de 2600 euros. ils peuvent saisir mon compte ?",
    "mise en demeure urssaf 2600e. ils peuvent saisir mon compte ?",
    "j ai recu une mise en demeure de l urssaf de 2600 euros est ce qu ils peuvent saisir mon compte",
]
DENIED = [
    "oui mais j'ai pas de saisie hein, juste la lettre",
    "non mais y a pas de saisie pour l'instant hein, je demandais juste si elle peut",
    "jai pas de saisie hein juste la lettre",
    "non non il n'y a aucune saisie c'est juste un courrier",
    "ya pa de saisie pour linstant",
    "rien n'a été saisi virgule c'est juste la lettre point",
]


@pytest.mark.parametrize("first", ASKED_ABOUT)
@pytest.mark.parametrize("denial", DENIED)
def test_a_seizure_denied_takes_away_what_only_the_question_about_it_gave(first, denial):
    before = triaged(first)
    assert "procedure_judiciaire" in before["difficulty_categories"]  # the question read as a seizure
    after = triaged(first, denial)
    assert after["difficulty_categories"] == ["cotisations_sociales"]


@pytest.mark.parametrize(
    "first, denial, kept",
    [
        # The bank has words of its own: it stays.
        (
            "la banque a coupé mon découvert et l'urssaf peut saisir mon compte ?",
            "y a pas de saisie pour l'instant",
            ["banque", "cotisations_sociales"],
        ),
        # A seizure told again after the denial is a seizure.
        (
            "l'urssaf elle peut saisir mon compte ?",
            "ah si pardon ils ont saisi mon compte ce matin",
            ["cotisations_sociales", "procedure_judiciaire", "banque"],
        ),
    ],
)
def test_near_miss_what_is_said_otherwise_stays(first, denial, kept):
    after = triaged(first, denial)
    assert sorted(after["difficulty_categories"]) == sorted(kept)


@pytest.mark.parametrize(
    "question",
    [
        "et l'urssaf elle peut saisir mon compte ?",
        "lurssaf peut saisir mon compte ?",
        "est ce que les impots vont saisir mon camion",
        "ils pourraient saisir le materiel ?",
    ],
)
def test_a_seizure_asked_about_never_heads_the_case(question):
    summary = summary_after("je dois 8000 euros a l'urssaf", question, difficulty_categories=["cotisations_sociales"])
    assert not summary.startswith("Saisie")
    assert "Saisie de" not in summary and "saisie de" not in summary.split("Ses mots")[0]


@pytest.mark.parametrize("denial", DENIED[:4])
def test_a_seizure_told_then_denied_leaves_the_headline(denial):
    summary = summary_after("ils ont saisi mon compte", denial, difficulty_categories=["cotisations_sociales"])
    assert not summary.startswith("Saisie")


def test_near_miss_a_seizure_told_heads_the_case():
    summary = summary_after("la banque a saisi mon compte hier", difficulty_categories=["banque"])
    assert summary.startswith("Saisie de son compte")


# ------------------------------------------------------------------ a trade put right stays right (s25c-05)


@pytest.mark.parametrize(
    "first, correction, later, trade",
    [
        (
            "un huissier est passé ce matin au garage il a laissé un papier. je suis carrossier a Bobigny",
            "carrossier pas garage",
            "non je parle de l'huissier, si je suis pas au garage le 15 quand il vient",
            "carrossier",
        ),
        (
            "l'huissier est venu au garage ce matin",
            "je suis carrossier pas garage",
            "et si je suis pas au garage quand il revient ?",
            "carrossier",
        ),
        ("je suis taxi, l'urssaf me reclame 3000", "pas taxi, ambulancier", "le taxi c'est mon frere", "ambulancier"),
        ("jsuis boulanger a lens", "non pas boulanger, patissier", "le boulanger d'a coté a fermé", "patissier"),
    ],
)
def test_a_trade_put_right_is_not_taken_back_from_a_later_mention(first, correction, later, trade):
    denied = fold(correction).split("pas ")[-1].split()[0]
    slots = triaged(first, correction, later, extracted={2: {"trade": denied}})
    assert slots["trade"] == trade


def test_a_workplace_gives_way_to_the_trade_said():
    slots = triaged("un huissier est passé ce matin au garage il a laissé un papier. je suis carrossier a Bobigny")
    assert slots["trade"] == "carrossier"


def test_near_miss_a_new_trade_said_later_replaces_the_one_noted():
    slots = triaged("je suis taxi", "non pas taxi, ambulancier", "en fait je suis vtc", extracted={2: {"trade": "vtc"}})
    assert slots["trade"] == "vtc"


# ------------------------------------------------------------------ a deadline put right takes the last one (s25c-18)


@pytest.mark.parametrize(
    "correction, deadline",
    [
        (
            "non vendredi c'est quand j'ai eu l'acte, vendredi dernier. l'urgence c'est samedi le mariage",
            "le samedi 12 décembre",
        ),
        ("c vendredi dernier que g recu l acte, lurgence cest samedi pour le mariage", "le samedi 12 décembre"),
        ("vendredi dernier virgule l urgence c est samedi point", "le samedi 12 décembre"),
        ("le 11 c'était la date du courrier, faut payer avant jeudi", "le jeudi 10 décembre"),
        ("non vendredi c etait le jour ou il est passe", None),
    ],
)
def test_a_deadline_said_to_be_a_past_day_takes_the_one_said_instead(correction, deadline):
    first = "le commissaire de justice revient vendredi"
    slots = triaged(first, correction)
    assert slots.get("deadline") == deadline
    summary = summary_after(first, correction, deadline=slots.get("deadline"))
    assert "11 décembre" not in summary
    if deadline:
        assert f"Échéance : {deadline}" in summary


@pytest.mark.parametrize("other", ["oui vendredi c est bien ca", "vendredi je serai au marché", "ok"])
def test_near_miss_a_deadline_not_put_right_stays(other):
    slots = triaged("le commissaire de justice revient vendredi", other)
    assert slots["deadline"] == "le vendredi 11 décembre"


def test_the_day_a_paper_was_left_is_no_deadline():
    slots = triaged("le commissaire de justice m'a laissé l'acte vendredi, mon compte est bloqué")
    assert slots.get("deadline") in (None, "")
