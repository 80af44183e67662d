"""Round 20 (b.md H2, H3, LOW, M13; c.md M5): the moment of the call and the deadline, over real trackers, the real
actions and a real case store. Sentences of our own, and near misses.

- r20b-13: "sauf mercredi et vendredi" booked the Friday; "mais j'ai dit pas le vendredi" did not correct it.
- r20b-07: "jeudi ou vendredi matin" kept Thursday only.
- r20b-14, r20c-05: "3h de décalage", "10h de décalage" read as 3 h, 10 h.
- r20b-05: "huissier passé ce matin, il revient jeudi" stored "Échéance : aujourd'hui"; "en fait si, rappelez moi, jeudi
  c est trop court" booked the call that Thursday; "le plus tot possible", "non pas jeudi ! ... demain si possible",
  "je veux changer l heure du rappel" were not read as a change of the time; the call fell on the deadline day.
"""

from __future__ import annotations

from datetime import date

import pytest

from actions import services
from actions.handoff_actions import MOMENT_ASKED_AFTER_CASE, ValidateHandoffForm, callback_promise
from actions.intake_actions import ActionAnswerOutsideQuestion, ActionStopConversation
from chamber.hours import CallbackPreference, time_difference_said
from intake.facts import extract_facts
from ops import clock
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "moments-round20"
SUNDAY = "2026-12-06T10:00:00+01:00"  # closed; the default chamber calls Monday to Friday, 8 h to 17 h
SUNDAY_DATE = date(2026, 12, 6)


@pytest.fixture(autouse=True)
def sunday(monkeypatch):
    monkeypatch.setenv(clock.ENV_VAR, SUNDAY)


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def promised(moment, **extra):
    return callback_promise(services.chamber(), consented(callback_slot=moment, urgency="normale", **extra))


# ------------------------------------------------------------------ several days refused (r20b-13)


@pytest.mark.parametrize(
    "words, refused",
    [
        ("tous les jours sauf lundi et jeudi, plutot le matin", (0, 3)),
        ("pas le mardi ni le mercredi svp", (1, 2)),
        ("pas le mercredi", (2,)),  # near miss: one day
    ],
)
def test_every_day_of_a_list_refused_is_refused(words, refused):
    wish = CallbackPreference.read(words)
    assert set(wish.refused_weekdays()) == set(refused)
    assert wish.weekday is None


def test_a_day_after_a_comma_is_wished_not_refused():
    wish = CallbackPreference.read("pas le mercredi, jeudi ça me va")
    assert wish.refused_weekdays() == (2,)
    assert wish.weekday == 3


def test_the_promise_never_falls_on_a_day_refused():
    promise = promised("tous les jours sauf lundi et mardi, l'après-midi")
    assert "lundi 7" not in promise and "mardi 8" not in promise
    assert promise == "dans l'après-midi sauf le lundi et le mardi, au plus tard le mercredi 9 décembre"


def after_case(action, words, intent, moment, **extra):
    """The case stored with ``moment``; ``words`` said once it is, whatever the classifier read."""
    first = [user("la banque m'a coupé le découvert"), bot("À quel numéro ?"), user("06 11 22 33 45", "inform")]
    stored = tracker(
        [*first, slot("phone", "06 11 22 33 45")],
        slots={**consented(**extra), "phone": "06 11 22 33 45", "callback_slot": moment, "requested_slot": "phone"},
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    _, produced = run(ValidateHandoffForm(), stored, DOMAIN)
    reference = slot_events(produced)["case_reference"]
    slots = consented(phone="+33611223345", case_reference=reference, email="-", callback_slot=moment, **extra)
    events = [*first, bot(f"C'est noté, votre référence est {reference}."), user(words, intent)]
    dispatcher, produced = run(action(), tracker(events, slots=slots, sender_id=SENDER), DOMAIN)
    return slot_events(produced), texts(dispatcher), reference


def test_a_day_refused_again_adds_to_the_moment_kept():
    produced, said, reference = after_case(
        ActionAnswerOutsideQuestion, "mais j ai dit pas le vendredi", "deny", "vendredi ou lundi, l'aprem"
    )
    assert produced["callback_slot"] == "vendredi ou lundi, l'aprem, pas le vendredi"
    assert said == [
        "C'est corrigé : un conseiller vous rappellera le lundi 7 décembre, dans l'après-midi. "
        f"Votre référence reste {reference}."
    ]
    assert [case.callback_slot for case in stored_cases()] == [produced["callback_slot"]]


# ------------------------------------------------------------------ alternatives kept (r20b-07)


@pytest.mark.parametrize(
    "moment, promise",
    [
        ("mardi ou mercredi matin", "le mardi 8 décembre ou le mercredi 9 décembre, dans la matinée"),
        ("le lundi ou le vendredi", "le lundi 7 décembre ou le vendredi 11 décembre"),
        ("jeudi après-midi", "le jeudi 10 décembre, dans l'après-midi"),  # near miss: one day
    ],
)
def test_days_said_as_alternatives_are_all_promised(moment, promise):
    assert promised(moment) == promise


# ------------------------------------------------------------------ a time difference is no hour (r20b-14, r20c-05)


@pytest.mark.parametrize(
    "words, hours",
    [
        ("plutôt l'aprem, attention on a 4 heures de décalage", 4),
        ("le matin chez moi, il y a 11h d'écart avec la métropole", 11),
        ("vers 9h", None),
    ],
)
def test_a_time_difference_is_read_as_such(words, hours):
    assert time_difference_said(words) == hours
    assert CallbackPreference.read(words).at == (None if hours else CallbackPreference.read("vers 9h").at)


def test_a_time_difference_is_never_promised_as_the_hour():
    promise = promised("le matin heure de chez moi, on a 10h de decalage")
    assert "10 h" not in promise
    assert promise == "dans la matinée (heure de Paris), au plus tard le mardi 8 décembre"
    # La Réunion known: the hours are said in the artisan's clock, never "à 3 h".
    said = promised("le matin mais j ai 3h de decalage", departement="974")
    assert "3 h" not in said and "heure locale" in said


# ------------------------------------------------------------------ the deadline said as a day (r20b-05)


@pytest.mark.parametrize(
    "words, deadline",
    [
        ("l'huissier est venu hier, il repasse mercredi pour l'inventaire", "le mercredi 9 décembre"),
        ("huissier passé ce matin et il revient vendredi saisir la fourgonnette", "le vendredi 11 décembre"),
        ("l'huissier vient demain pour la saisie", "demain (lundi 7 décembre)"),  # near miss: a day to come
    ],
)
def test_a_visit_made_is_no_deadline_the_day_it_comes_back_is(words, deadline):
    assert extract_facts(words, SUNDAY_DATE)["deadline"] == deadline


def test_a_call_booked_on_the_deadline_comes_before_it():
    promise = promised("mercredi matin", deadline="le mercredi 9 décembre")
    assert promise.startswith("dès que possible, au plus tard le lundi 7 décembre, avant votre échéance du mercredi")
    assert promise.endswith("avant votre échéance du mercredi 9 décembre")  # one plain sentence (round 24, r24a-08)
    # near miss: a call before the deadline stays as wished
    assert promised("mardi matin", deadline="le mercredi 9 décembre") == "le mardi 8 décembre, dans la matinée"


def test_a_day_of_the_situation_said_with_a_change_of_mind_is_no_moment():
    events = [user("l'huissier revient mercredi"), bot("C'est entendu, personne ne vous appellera.")]
    events.append(user("bon si, rappelez moi, mercredi c est trop juste", "affirm"))
    _, result = run(ActionAnswerOutsideQuestion(), tracker(events, {"wants_advisor": False}))
    produced = slot_events(result)
    assert produced["wants_advisor"] is True
    assert produced.get("callback_slot") is None  # the time question will be asked


# ------------------------------------------------------------------ a change of the time asked once the case is stored


def test_the_soonest_call_replaces_a_day_booked():
    produced, said, reference = after_case(ActionAnswerOutsideQuestion, "au plus vite svp", "inform", "jeudi aprem")
    assert produced["callback_slot"] == "au plus vite svp"
    assert said == [
        "C'est corrigé : un conseiller vous rappellera dès que possible, au plus tard le mardi 8 décembre. "
        f"Votre référence reste {reference}."
    ]


def test_not_that_day_the_bailiffs_but_tomorrow():
    words = "non pas mercredi ! mercredi c est quand le commissaire repasse, appelez moi avant, demain si possible"
    produced, said, reference = after_case(ActionStopConversation, words, "deny", "mercredi matin")
    assert produced["callback_slot"] == "demain"
    assert said == [
        f"C'est corrigé : un conseiller vous rappellera le lundi 7 décembre. Votre référence reste {reference}."
    ]


@pytest.mark.parametrize("words", ["je voudrais changer l heure de l appel", "je veux modifier le jour du rappel"])
def test_a_change_of_time_asked_without_apostrophe_asks_the_time(words):
    produced, said, _ = after_case(ActionAnswerOutsideQuestion, words, "inform", "jeudi aprem")
    assert "callback_slot" not in produced
    assert said == [MOMENT_ASKED_AFTER_CASE]


def test_near_miss_changing_the_address_is_no_change_of_time():
    produced, said, _ = after_case(ActionAnswerOutsideQuestion, "je veux changer l adresse", "inform", "jeudi aprem")
    assert "callback_slot" not in produced
    assert MOMENT_ASKED_AFTER_CASE not in said


# ------------------------------------------------------------------ a town at the e-mail question (r20a-01)


def at_email_question(words):
    slots = {**consented(phone="+33611223344", departement=None), "email": words, "requested_slot": "email"}
    events = [user("la banque m'a coupé le découvert"), bot("Une adresse e-mail ?"), user(words, "inform")]
    events.append(slot("email", words))
    dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    return texts(dispatcher), slot_events(produced)


def test_a_town_at_the_email_question_is_no_incomplete_address():
    said, produced = at_email_question("nous on est a Limoges")
    assert produced["departement"] == "87"
    assert produced["email"] is None
    assert not any("adresse ne semble pas" in text for text in said)


def test_near_miss_an_address_without_its_domain_is_still_incomplete():
    said, produced = at_email_question("jean.dupont@")
    assert produced["email"] is None
    assert any("adresse ne semble pas complète" in text for text in said)
