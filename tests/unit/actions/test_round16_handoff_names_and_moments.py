"""Round 16 (talker a), over real trackers and the real actions: a first name beginning like a no ("nolwenn") is a name,
the relative who answers the call is the name the advisor asks for, a "not before" limit read as a skip is the moment
kept and promised, the digits of a phone number are never a place, and an amount put right is the amount stored."""

from __future__ import annotations

import pytest

from actions import services
from actions.handoff import creditors_in_full, name_read_as_a_no, person_to_call, sums_in, written_for, written_for_line
from actions.handoff_actions import ValidateHandoffForm
from actions.triage_actions import ValidateTriageSlots
from ops import clock
from tests.support.handoff_form import DOMAIN, validate
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SKIPPED = "non précisé"


def at_name_question(words, intent, filled, entities=None, earlier=()):
    """The handoff form's validation when `words` answer the name question (the slot mapping gave `filled`)."""
    events = [user("la banque m'a coupé le découvert"), *earlier, bot("Comment le conseiller peut-il vous appeler ?")]
    events += [user(words, intent, entities)]
    events += [{"event": "slot", "name": name, "value": value} for name, value in filled.items()]
    slots = {**consented(contact_name=None), **filled, "requested_slot": "contact_name"}
    dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    return texts(dispatcher), slot_events(produced)


# ------------------------------------------------------------------ r16a-07, r16a-16: "nolwenn" read as a no


@pytest.mark.parametrize(
    "words, entities, name",
    [
        ("nolwenn", [{"entity": "first_name", "value": "nolwenn"}], "Nolwenn"),  # the round's words
        ("nolwenn", [], "Nolwenn"),
        ("Noa", [], "Noa"),
        ("noël", [], "Noël"),
        ("nathan", [{"entity": "first_name", "value": "nathan"}], "Nathan"),
        ("nadia", [], "Nadia"),
        ("nans", [], "Nans"),
        ("c est nolwenn", [], "Nolwenn"),
        ("moi c'est noémie", [], "Noémie"),
        ("nolwenn le gall", [], "Nolwenn Le Gall"),
        # make run s16-z2: the role said after the name (the case had no name)
        ("nolwenn, sa fille", [], "Nolwenn"),
        ("Nathan (son fils)", [], "Nathan"),
    ],
)
@pytest.mark.parametrize("intent", ["deny", "skip_question"])
def test_a_name_beginning_like_a_no_is_the_name(words, entities, name, intent):
    _said, produced = at_name_question(words, intent, {"contact_name": SKIPPED}, entities)
    assert produced["contact_name"] == name
    assert produced["requested_slot"] == "phone"


@pytest.mark.parametrize(
    "words",
    [
        "non",
        "nan",
        "nooon",
        "nn",
        "nn merci",
        "non merci",
        "nope",
        "niet",
        "nan pas besoin",
        "personne",
        "jamais",
        "nul",
    ],
)
def test_a_no_at_the_name_question_still_passes_it(words):
    _said, produced = at_name_question(words, "deny", {"contact_name": SKIPPED}, [])
    assert produced["contact_name"] == SKIPPED


@pytest.mark.parametrize("question", ["wants_advisor", "consent_given", "health_consent"])
@pytest.mark.parametrize("words, name", [("nolwenn", "Nolwenn"), ("nathan", "Nathan"), ("noa", "Noa")])
def test_a_name_beginning_like_a_no_at_a_yes_no_question_refuses_nothing(question, words, name):
    said, produced = validate(question, words, {question: False}, intent="deny")
    assert produced.get(question) is None
    assert produced.get("contact_name") == name
    assert said and said[0].startswith(f"Merci {name}")


@pytest.mark.parametrize("question", ["wants_advisor", "consent_given"])
@pytest.mark.parametrize("words", ["non", "nan", "nooon", "nan merci", "niet"])
def test_a_no_at_a_yes_no_question_is_still_a_no(question, words):
    _said, produced = validate(question, words, {question: False}, intent="deny")
    assert produced.get(question) is False
    assert "contact_name" not in produced


@pytest.mark.parametrize("words", ["nickel", "naturellement", "nada", "ne pas", "non pas envie", "nonnn", "naaan"])
def test_words_beginning_with_n_that_name_nobody(words):
    assert name_read_as_a_no(words) is None


# ------------------------------------------------------------------ r16a-06: the relative who answers is the name


@pytest.mark.parametrize(
    "words, writer, person",
    [
        ("c est pour mon pere il s appelle gilbert mais c est moi teddy qui repondrai", "Teddy", "Gilbert"),  # r16a-06
        ("c'est pour mon père, il s'appelle Gilbert, mais c'est moi, Teddy, qui décroche", "Teddy", "Gilbert"),
        ("il s appelle gilbert mais c est moi teddy qu il faut appeler", "Teddy", "Gilbert"),
        ("ma mere elle s appelle monique mais moi c est sandrine qui vais repondre", "Sandrine", "Monique"),
        ("lui c est gilbert, moi c est teddy qui decroche", "Teddy", "Gilbert"),
        ("mon mari s appelle jean-marc, moi c est nadia qui gere les papiers", "Nadia", "Jean-Marc"),
    ],
)
def test_the_relative_who_answers_is_the_name_the_advisor_asks_for(words, writer, person):
    assert person_to_call(words) == writer
    found = written_for([words])
    assert found and found["writer_name"] == writer and found["person_name"] == person
    said, produced = at_name_question(words, "nlu_fallback", {"contact_name": words})
    assert produced["contact_name"] == writer
    assert said == [f"D'accord, le conseiller vous demandera, {writer}."]
    line = written_for_line(found, writer)
    assert line and f"({writer})" in line and f"personne concernée : {person}" in line


@pytest.mark.parametrize(
    "words, name",
    [
        ("c est pour mon pere il s appelle gilbert", "Gilbert"),  # the writer names nobody else
        ("il s appelle gilbert, c est moi qui repondrai", "Gilbert"),  # the writer unnamed: the advisor asks for him
        ("il s appelle gilbert et c est lui qui repondra", "Gilbert"),
        ("il s appelle gilbert, moi gilbert je repondrai", "Gilbert"),  # one name for both
    ],
)
def test_without_the_writers_own_name_the_person_named_stays(words, name):
    assert person_to_call(words) == name


def test_an_artisan_saying_he_answers_is_no_relative():
    assert written_for(["c est moi teddy qui repondrai"]) is None


# ------------------------------------------------------------------ r16a-13: "pas avant 10h chez moi" read as a skip


def at_time_question(words, intent, filled, departement="972"):
    slots = {
        **consented(departement=departement),
        "phone": "+596696304050",
        "case_reference": "RL-R16AAA",
        "requested_slot": "callback_slot",
    }
    events = [
        bot("À quel moment préférez-vous qu'un conseiller vous appelle ?"),
        user(words, intent),
        {"event": "slot", "name": "callback_slot", "value": filled},
    ]
    current = tracker(events, slots={**slots, "callback_slot": filled}, sender_id="round16-moment")
    current.active_loop = {"name": "handoff_form"}
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return slot_events(produced), texts(dispatcher)


@pytest.mark.parametrize(
    "words, promised",
    [
        ("pas avant 10h chez moi", "à partir de 10 h, heure locale"),  # the round's words (Martinique)
        ("pas avant 10 h heure d'ici", "à partir de 10 h, heure locale"),
        ("à partir de 9h30 chez moi", "à partir de 9 h 30, heure locale"),
        ("pas avant 10h le matin", "à partir de 10 h, heure locale"),
    ],
)
def test_a_not_before_limit_read_as_a_skip_is_the_moment_kept_and_promised(monkeypatch, words, promised):
    monkeypatch.setenv(clock.ENV_VAR, "2026-12-05T12:18:00+00:00")  # a Saturday, as in r16a-13
    produced, said = at_time_question(words, "skip_question", "dès que possible")
    assert produced["callback_slot"] == words, said
    promise = services.chamber().opening_hours.callback_promise(clock.now(), words, "normale", "972")
    assert promise.startswith(promised), promise
    assert "entre 8 h" not in promise


@pytest.mark.parametrize(
    "words", ["dès que possible", "des que possible", "quand vous voulez", "le plus vite possible"]
)
def test_a_skip_without_a_limit_stays_as_soon_as_possible(monkeypatch, words):
    monkeypatch.setenv(clock.ENV_VAR, "2026-12-05T12:18:00+00:00")
    produced, _said = at_time_question(words, "skip_question", "dès que possible")
    assert produced["callback_slot"] == "dès que possible"


def test_a_limit_no_hour_fits_is_still_said_so(monkeypatch):
    # "pas avant 14h chez moi" in Martinique, where calls end at 12 h: said once, and asked again (round 13).
    monkeypatch.setenv(clock.ENV_VAR, "2026-12-07T08:00:00+00:00")
    produced, said = at_time_question("pas avant 14h chez moi", "skip_question", "dès que possible")
    assert produced["callback_slot"] is None
    assert said and said[0].startswith("Les conseillers ne peuvent pas vous appeler")


# ------------------------------------------------------------------ r16a-16: a phone number's digits are no place


def triage_turn(words, asked, entities=(), read=None):
    slots = {**consented(departement="29"), "phone": "+33689451230", "case_reference": "RL-R16BBB"}
    slots["requested_slot"] = asked
    events = [
        {"event": "slot", "name": "departement", "value": "29"},
        bot("Merci, votre demande est bien enregistrée."),
        user(words, "inform", list(entities)),
    ]
    if read is not None:
        events.append({"event": "slot", "name": "departement", "value": read})
        slots["departement"] = read
    _dispatcher, produced = run(ValidateTriageSlots(), tracker(events, slots=slots))
    return slot_events(produced)


@pytest.mark.parametrize(
    "words",
    [
        "ah mince je me suis trompee c est 06 98 45 12 30 pas 06 89",  # the round's words
        "pardon c'est le 06 98 45 12 30 et pas le 06 89",
        "non pas 06 89, c'est 06 98 45 12 30",
        "je me suis trompé, 06 89 45 12 3 c'était faux",
        "erreur: 0689 c'est pas bon, c'est 0698451230",
    ],
)
@pytest.mark.parametrize("asked", [None, "email", "callback_slot"])
def test_a_phone_correction_never_sets_the_place(words, asked):
    produced = triage_turn(words, asked)
    assert produced.get("departement", "29") == "29"
    produced = triage_turn(words, asked, [{"entity": "departement", "value": "89"}], read="89")
    assert produced.get("departement") == "29"


@pytest.mark.parametrize(
    "words, code",
    [
        ("pardon je me suis trompée, on est dans le 89", "89"),
        ("ah non c'est la Somme pas le Finistère", "80"),
    ],
)
def test_a_place_corrected_in_words_still_replaces_it(words, code):
    assert triage_turn(words, None)["departement"] == code


# ------------------------------------------------------------------ r16a-10: the amount said corrected is stored


def at_deadline_question(words, intent, known):
    events = [
        user("un fournisseur de tissu de lyon me reclame 6000"),
        {"event": "slot", "name": "creditors", "value": known},
        bot("Avez-vous une échéance proche ?"),
        user(words, intent),
    ]
    slots = {"creditors": known, "requested_slot": "deadline", "departement": "24", "trade": "tapissier"}
    _dispatcher, produced = run(ValidateTriageSlots(), tracker(events, slots=slots, active_loop="situation_form"))
    return slot_events(produced)


@pytest.mark.parametrize(
    "words",
    [
        "et c est 5200 au final j ai regarde la facture",  # the round's words
        "c'est 5200 au final",
        "finalement c'est 5 200 €",
        "en fait c'est plutôt 5200 euros, j'ai vérifié sur le courrier",
        "5200 au final",
    ],
)
def test_an_amount_put_right_is_the_amount_kept(words):
    assert at_deadline_question(words, "describe_situation", "fournisseurs 6000 €")["creditors"].startswith(
        "fournisseurs 5"
    )
    said = ["un fournisseur de tissu de lyon me reclame 6000", words]
    shown = creditors_in_full("fournisseurs 6000 €", said)
    assert shown in ("fournisseurs 5200 €", "fournisseurs 5 200 €")
    assert not any("6 000" in line for line in sums_in(said, shown))


@pytest.mark.parametrize(
    "words",
    [
        "au final on a perdu 20000 de chiffre",
        "en fait depuis 2019",
        "finalement c'est 800 par mois",
        "finalement le client me doit 3000",
    ],
)
def test_other_numbers_said_with_correction_words_leave_the_amount(words):
    assert "creditors" not in at_deadline_question(words, "describe_situation", "fournisseurs 6000 €")
    assert creditors_in_full("fournisseurs 6000 €", ["un fournisseur de tissu de lyon me reclame 6000", words]) == (
        "fournisseurs 6000 €"
    )


def test_the_suppliers_town_put_right_keeps_the_amount_and_then_the_new_amount():
    said = [
        "un fournisseur de tissu de lyon me reclame 6000",
        "non c est pas lyon c est un fournisseur de roubaix pardon",
        "et c est 5200 au final j ai regarde la facture",
    ]
    assert "creditors" not in at_deadline_question(said[1], "deny", "fournisseurs 6000 €")
    assert at_deadline_question(said[2], "describe_situation", "fournisseurs 6000 €")["creditors"] == (
        "fournisseurs 5200 €"
    )
    assert creditors_in_full("fournisseurs 5200 €", said) == "fournisseurs 5200 €"
    assert sums_in(said, "fournisseurs 5200 €") == []


def intake_at_deadline(words, mapped, intent, creditors_now):
    """The intake form's validation at the deadline question, after the triage action set the creditors."""
    from rasa_sdk.executor import CollectingDispatcher

    from actions.intake_actions import ValidateSituationForm

    earlier = [
        user("un fournisseur de tissu de lyon me reclame 6000"),
        {"event": "slot", "name": "creditors", "value": "fournisseurs 6000 €"},
        bot("J'ai noté : sommes dues : fournisseurs 6000 €. Dites-moi si je me trompe."),
        {"event": "slot", "name": "requested_slot", "value": "deadline"},
        bot("Avez-vous une échéance proche ?"),
        user(words, intent),
    ]
    slots = {"creditors": creditors_now, "requested_slot": "deadline"}
    current = tracker(earlier, slots=slots, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    result = ValidateSituationForm().validate_deadline(mapped, dispatcher, current, {})
    return result, texts(dispatcher)


def test_what_the_intake_says_corrected_is_what_it_keeps():
    words = "et c est 5200 au final j ai regarde la facture"
    result, said = intake_at_deadline(words, words, "describe_situation", "fournisseurs 5200 €")
    assert result.get("deadline") is None and result.get("creditors", "fournisseurs 5200 €") == "fournisseurs 5200 €"
    assert said == ["C'est corrigé : fournisseurs 5200 €."]
    words = "non c est pas lyon c est un fournisseur de roubaix pardon"
    result, said = intake_at_deadline(words, "aucune échéance connue", "deny", "fournisseurs 6000 €")
    assert result.get("deadline") is None and result.get("creditors") in (None, "fournisseurs 6000 €")
    assert said == ["C'est corrigé : fournisseurs 6000 €."]
