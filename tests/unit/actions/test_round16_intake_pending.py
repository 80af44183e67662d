"""Round 16 (r16b-11, r16a-05, 10, 12, 13, 16): what is said while an intake question is pending.

A warning sign at any pending question takes the check-in (the direct question) at once, the place question with its
buttons included; an apology for typing slowly passes nothing; a bare number asks what it counts; an amount or a
creditor put right keeps what was noted; a deadline is never "since when"; a difficulty told at another question is
said back.

Each turn runs as Rasa runs it: the pending question's slot mapping (bot/domain/intake.yml, simplified: the text for
an answer, the skip and deny values), the triage action (action_validate_slot_mappings), then the intake form's
validation over the tracker."""

from __future__ import annotations

from datetime import date

import pytest

from actions import services
from actions.intake_actions import ValidateSituationForm
from actions.triage_actions import ValidateTriageSlots
from tests.support.trackers import asked, bot, run, slot_events, texts, tracker, user

TODAY = date(2026, 12, 5)
DENY_VALUE = {"deadline": "aucune échéance connue", "steps_taken": "aucune démarche", "employees": "0"}
# Intents whose words are no answer (bot/domain/intake.yml: not_a_narrative_answer; describe_situation too for the
# short answers: trade, legal form, employees, creditors, steps).
NOT_AN_ANSWER = {"ask_why_question", "stop_conversation", "express_distress", "express_overwhelm", "faq", "greet"}
NARRATIVE = {"since_when", "deadline"}
SAINT_LOUIS = ["Saint-Louis (974)", "Saint-Louis (68)", "Saint-Louis (971)"]


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch):
    monkeypatch.setattr(services, "chamber_today", lambda: TODAY)


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def mapped(question: str, words: str, intent: str):
    if intent == "skip_question":
        return "non précisé"
    if intent == "deny" and question in DENY_VALUE:
        return DENY_VALUE[question]
    if intent in NOT_AN_ANSWER or (intent == "describe_situation" and question not in NARRATIVE):
        return None
    return words


def turn(first: str, question: str, words: str, intent: str = "inform", known: dict | None = None):
    """The slots after ``words`` at ``question`` (``first`` told before, ``known`` noted), what was said, what asked."""
    opening = [user(first)]
    _, triaged = run(ValidateTriageSlots(), tracker(opening))
    slots = {**slot_events(triaged), **(known or {})}
    earlier = [*opening, *(slot(n, v) for n, v in slots.items())]
    earlier += [bot("J'ai noté : ..."), slot("requested_slot", question), bot(f"question {question}")]
    message = user(words, intent)
    pending = {**slots, "requested_slot": question}
    _, triage = run(ValidateTriageSlots(), tracker([*earlier, message], slots=pending, active_loop="situation_form"))
    value = mapped(question, words, intent)
    filled = [slot(question, value)] if value is not None else []
    after = [*earlier, message, *triage, *filled]
    merged = {**pending, **slot_events(triage), **({question: value} if value is not None else {})}
    dispatcher, events = run(ValidateSituationForm(), tracker(after, slots=merged, active_loop="situation_form"))
    return {**merged, **slot_events(events)}, texts(dispatcher), asked(dispatcher), events


def followups(events) -> list[str]:
    return [e["name"] for e in events if e.get("event") == "followup"]


# ---------------------------------------------------------------- a warning sign at a pending question (r16b-11)

GARAGE = "bonsoir garagiste a saint louis pres de bale, redressement judiciaire audience le 12 janvier"


@pytest.mark.parametrize(
    "words",
    [
        "si je perds le garage jaurai plus de raison d etre la honnetement",
        "si je perds l'atelier je sais plus pourquoi je me leverais le matin",
        "sans le garage je suis plus rien moi",
        "franchement a quoi bon continuer tout ca",
        "je suis a bout, je dors plus, j'en vois plus le bout",
    ],
)
@pytest.mark.parametrize("intent", ["express_overwhelm", "inform"])
def test_a_level_three_sign_at_the_place_question_with_its_buttons_gets_the_direct_question(words, intent):
    slots, said, next_question, events = turn(
        GARAGE, "departement", words, intent, known={"place_choices": SAINT_LOUIS, "place_unread": "saint louis"}
    )
    assert slots.get("distress_level") == 3, slots.get("distress_level")
    assert followups(events) == ["direct_question_form"]
    assert slots["paused_form"] == "situation_form"
    assert next_question is None  # the commune buttons do not come back
    assert any("lourd" in text for text in said)


@pytest.mark.parametrize(
    "question, words",
    [
        ("since_when", "depuis l'ete et franchement j en vois plus le bout, a quoi bon"),
        ("legal_form", "je sais plus, je suis epuise, je dors plus"),
        ("deadline", "je sais pas, j'en peux plus de tout ca"),
    ],
)
def test_a_level_three_sign_at_any_intake_question_gets_the_direct_question(question, words):
    slots, _, next_question, events = turn(GARAGE, question, words, "express_overwhelm")
    assert slots.get("distress_level") == 3
    assert followups(events) == ["direct_question_form"]
    assert next_question is None


@pytest.mark.parametrize(
    "question, words",
    [
        ("deadline", "de toute facon si ca continue je serai plus la pour voir ca"),
        ("legal_form", "je sais plus, de toute facon ca sert plus a rien de vivre"),
        ("departement", "si je perds le garage je me fous en l'air"),
        ("departement", "si la boite coule j'aurai plus rien a faire ici bas"),
        ("since_when", "sans mon garage ma vie n'a plus de sens"),
    ],
)
def test_a_warning_sign_at_an_intake_question_takes_the_crisis_path(question, words):
    known = {"place_choices": SAINT_LOUIS, "place_unread": "saint louis"} if question == "departement" else {}
    slots, said, _, events = turn(GARAGE, question, words, "express_distress", known=known)
    assert slots.get("distress") is True
    assert followups(events) == ["safety_form"]
    assert any("3114" in text for text in said)


@pytest.mark.parametrize(
    "words, choice",
    [
        ("celle du haut rhin", "68"),
        ("le 68", "68"),
        ("si je perds le garage je vais devoir fermer, c'est le 68", "68"),
    ],
)
def test_near_miss_a_place_chosen_or_a_business_worry_is_no_sign(words, choice):
    slots, _, _, events = turn(
        GARAGE, "departement", words, known={"place_choices": SAINT_LOUIS, "place_unread": "saint louis"}
    )
    assert "direct_question_form" not in followups(events)
    assert slots.get("departement") == choice


# ------------------------------------------------------------- an apology for typing slowly passes nothing (r16a-05)

EBENISTE = "je suis ebeniste a mont de marsan, j'ai 67 ans et j'ai des dettes"


@pytest.mark.parametrize(
    "words",
    [
        "excusez moi je tape lentement",
        "pardon j'écris pas vite",
        "Excusez-moi, je ne tape pas vite",
        "désolée, pas douée avec le téléphone",
        "dsl je suis lente a ecrire",
    ],
)
@pytest.mark.parametrize("intent", ["skip_question", "inform"])
def test_an_apology_for_typing_slowly_is_no_pass(words, intent):
    slots, said, next_question, _ = turn(EBENISTE, "legal_form", words, intent)
    assert slots["legal_form"] is None
    assert next_question == "legal_form"
    assert said[0].startswith("Prenez votre temps")


@pytest.mark.parametrize(
    "words, kept",
    [
        ("passer", "non précisé"),
        ("excusez moi je sais pas", "non précisé"),  # an answer: the advisor will ask
        ("désolé je préfère pas répondre", "non précisé"),
    ],
)
def test_near_miss_a_pass_said_with_an_apology_still_passes(words, kept):
    slots, _, _, _ = turn(EBENISTE, "legal_form", words, "skip_question")
    assert slots["legal_form"] == kept


def test_near_miss_a_legal_form_said_with_an_apology_is_the_answer():
    slots, _, _, _ = turn(EBENISTE, "legal_form", "pardon, c'est une EURL", "inform")
    assert "eurl" in slots["legal_form"].lower()


# ------------------------------------------------------------------ a bare number asks what it counts (r16a-12)

BOUCHER = (
    "bonjour boucher charcutier a saint brieuc, mon comptable est parti sans prevenir et je me retrouve avec une "
    "declaration de tva en retard et une majoration de 1200 euros"
)


def _asked_before(question: str, answers: int):
    return [user(f"réponse {n}", "inform") for n in range(answers)]


@pytest.mark.parametrize("words", ["2", "trois", "12."])
@pytest.mark.parametrize("question", ["since_when", "deadline"])
def test_a_bare_number_is_asked_what_it_counts_never_passed(words, question):
    slots, said, next_question, _ = turn(BOUCHER, question, words)
    assert slots[question] is None
    assert next_question == question
    assert "salariés" in said[-1] and "«" in said[-1]


def test_a_bare_number_after_an_unclear_answer_does_not_pass_the_question():
    """r16a-12: "eurl" then "2" at "Depuis quand ?": the second answer passed the question."""
    opening = [user(BOUCHER)]
    _, triaged = run(ValidateTriageSlots(), tracker(opening))
    slots = slot_events(triaged)
    events = [*opening, *(slot(n, v) for n, v in slots.items()), slot("requested_slot", "since_when")]
    events += [bot("Depuis quand cette situation dure-t-elle ?"), user("eurl", "inform"), slot("legal_form", "eurl")]
    events += [slot("since_when", None), slot("requested_slot", "since_when"), bot("Merci, c'est noté.")]
    events += [user("2", "inform"), slot("since_when", "2")]
    merged = {**slots, "legal_form": "eurl", "since_when": "2", "requested_slot": "since_when"}
    dispatcher, result = run(ValidateSituationForm(), tracker(events, slots=merged, active_loop="situation_form"))
    assert slot_events(result)["since_when"] is None
    assert asked(dispatcher) == "since_when"


@pytest.mark.parametrize(
    "question, words, kept",
    [
        ("since_when", "2 ans", "2 ans"),
        ("since_when", "depuis 2 mois", "depuis 2 mois"),
        ("deadline", "dans 15 jours", None),  # read as a delay by the facts (not the bare number)
    ],
)
def test_near_miss_a_number_with_its_unit_is_the_answer(question, words, kept):
    slots, said, _, _ = turn(BOUCHER, question, words)
    assert slots[question]
    if kept:
        assert slots[question] == kept
    assert not any("«" in text for text in said)


# ---------------------------------------------------------- a creditor or an amount put right keeps the rest (r16a-10)

TAPISSIER = "mes fournisseurs me livrent plus, un fournisseur de tissu de lyon me reclame 6000"


@pytest.mark.parametrize("intent", ["deny", "inform"])
@pytest.mark.parametrize(
    "words",
    [
        "non c est pas lyon c est un fournisseur de roubaix pardon",
        "non pas celui de lyon, c'est un fournisseur de lille",
    ],
)
def test_a_creditor_put_right_keeps_its_amount_and_the_question_comes_again(words, intent):
    slots, said, next_question, _ = turn(TAPISSIER, "deadline", words, intent, known={"departement": "24"})
    assert slots["deadline"] is None
    assert slots["creditors"] == "fournisseurs 6000 €"
    assert said[0] == "C'est corrigé : fournisseurs 6000 €."
    assert next_question == "deadline"
    if "roubaix" in words:  # the artisan's place stays (r16a-10, as said)
        assert slots["departement"] == "24"


@pytest.mark.parametrize(
    "words",
    [
        "et c est 5200 au final j ai regarde la facture",
        "5200 finalement",
        "c'est plutot 5200 d'apres la facture",
    ],
)
def test_an_amount_put_right_after_the_fact_is_corrected_never_the_deadline(words):
    slots, said, next_question, _ = turn(TAPISSIER, "deadline", words, known={"creditors": "fournisseurs 6000 €"})
    assert slots["creditors"] == "fournisseurs 5200 €"
    assert slots["deadline"] is None
    assert next_question == "deadline"
    assert said[0] == "C'est corrigé : fournisseurs 5200 €."


def test_near_miss_a_deadline_with_an_amount_is_the_deadline():
    slots, _, _, _ = turn(TAPISSIER, "deadline", "il faut payer 6000 avant le 15 decembre")
    assert slots["deadline"] and "15 décembre" in slots["deadline"]
    assert slots["creditors"] == "fournisseurs 6000 €"


# ---------------------------------------------------------------- a deadline is no "since when" (r16a-16)


@pytest.mark.parametrize(
    "first, date_tagged",
    [
        (
            "bonjour je suis couturiere a brest, micro entreprise, l urssaf m a envoye une mise en demeure de 2100 "
            "euros a payer avant le 20 decembre",
            "20 decembre",
        ),
        ("l'urssaf me reclame 3000 euros, je dois payer d'ici le 18 decembre", "18 decembre"),
    ],
)
def test_the_deadline_date_of_the_first_message_is_never_since_when(first, date_tagged):
    message = user(first, entities=[{"entity": "duration", "value": date_tagged}])
    _, triaged = run(ValidateTriageSlots(), tracker([message]))
    slots = {**slot_events(triaged), "since_when": date_tagged}
    events = [message, *triaged, slot("since_when", date_tagged)]
    _, result = run(ValidateSituationForm(), tracker(events, slots=slots, active_loop="situation_form"))
    assert slot_events(result).get("since_when") is None
    assert "décembre" in slots["deadline"]


def test_near_miss_a_starting_date_and_a_deadline_keep_each_their_own():
    first = "ca a commence le 20 novembre et je dois payer avant le 20 decembre"
    message = user(first, entities=[{"entity": "duration", "value": "depuis le 20 novembre"}])
    _, triaged = run(ValidateTriageSlots(), tracker([message]))
    slots = {**slot_events(triaged), "since_when": "depuis le 20 novembre"}
    events = [message, *triaged, slot("since_when", "depuis le 20 novembre")]
    _, result = run(ValidateSituationForm(), tracker(events, slots=slots, active_loop="situation_form"))
    assert slot_events(result).get("since_when", "kept") in ("kept", "depuis le 20 novembre")


# ------------------------------------------------ a difficulty told at another question is said back (r16a-13)


@pytest.mark.parametrize(
    "words, noted",
    [
        ("la banque veut plus me preter et j ai un redressement fiscal de 15000 euros", "15000 €"),
        ("en fait l'urssaf me reclame 4000 euros et le proprio veut me mettre dehors", "4000 €"),
    ],
)
def test_a_difficulty_told_at_the_legal_form_question_is_said_back(words, noted):
    slots, said, next_question, _ = turn(
        "je suis ebeniste au lamentin en martinique j ai 71 ans", "legal_form", words, "describe_situation"
    )
    assert next_question == "legal_form"
    assert said and any(noted in text for text in said), said
    assert slots.get("legal_form") is None


def test_near_miss_an_answer_to_the_question_is_not_said_back():
    _, said, next_question, _ = turn("je suis ebeniste au lamentin, j'ai des dettes", "legal_form", "eurl", "inform")
    assert next_question != "legal_form"
    assert not any(text.startswith("J'ai noté") for text in said)


# ------------------------------------------------------ "vas y" is a yes, "sans nom" passes the name (r16b-09, 15)

NAME_ASKED = {"wants_advisor": True, "consent_given": True, "consent_at": "2026-12-01T10:00:00+00:00"}


@pytest.mark.parametrize("words", ["vas y", "vazy", "vas-y rappelez moi", "allez-y"])
def test_go_ahead_at_the_callback_offer_is_a_yes(words):
    from tests.support.handoff_form import validate

    _, produced = validate("wants_advisor", words, {"wants_advisor": words})
    assert produced["wants_advisor"] is True
    assert produced["requested_slot"] == "consent_given"


@pytest.mark.parametrize("words", ["sans nom", "jai dit sans nom", "je prefere rester anonyme", "pas de nom svp"])
def test_no_name_at_the_name_question_passes_it(words, monkeypatch):
    from tests.support.handoff_form import BEFORE, validate

    monkeypatch.setitem(BEFORE, "contact_name", NAME_ASKED)
    _, produced = validate("contact_name", words, {"contact_name": words})
    assert produced["contact_name"] == "non précisé"
    assert produced["requested_slot"] == "phone"


@pytest.mark.parametrize("words, name", [("Sanson", "Sanson"), ("Anne", "Anne")])
def test_near_miss_a_name_at_the_name_question_is_kept(words, name, monkeypatch):
    from tests.support.handoff_form import BEFORE, validate

    monkeypatch.setitem(BEFORE, "contact_name", NAME_ASKED)
    _, produced = validate("contact_name", words, {"contact_name": words})
    assert produced["contact_name"] == name


# --------------------------------- a pause read as a pass waits (simulator seed 20261245: "un instant ..." at 0.9 skip)


@pytest.mark.parametrize(
    "words",
    [
        "une seconde je cherche le courrier",
        "attendez je vérifie dans mes papiers",
        "deux minutes je regarde",
    ],
)
@pytest.mark.parametrize("slot", ["since_when", "legal_form"])
def test_a_pause_read_as_a_pass_is_no_pass(words, slot):
    slots, said, next_question, _ = turn(EBENISTE, slot, words, "skip_question")
    assert slots[slot] is None
    assert next_question == slot
    assert said[0].startswith("Prenez votre temps")


@pytest.mark.parametrize("words", ["je préfère passer", "on passe cette question"])
def test_near_miss_a_pass_said_with_a_pause_still_passes(words):
    slots, _said, _next, _ = turn(EBENISTE, "since_when", words, "skip_question")
    assert slots["since_when"] == "non précisé"
