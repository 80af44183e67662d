"""Round 21 (the bot's false alarms of development v27, helper botalarms): the triage alone kept distress false, the
dialogue layer raised it at the answer to the direct question.

- Someone close, asked "craignez-vous que votre mari pense au suicide ?", went on with the business or their own load
  ("le contrat de la fourrière est perdu et il reste 40 000 €", "depuis lundi je tiens seule le fournil et la
  boutique", "moi je sais pas si je serai payée à la fin du mois"): their own words of the work ("perdu", "je tiens
  seule", "moi", a doubt about their pay) were read as strain, no clear no, and the crisis block went to the person.
  Now another subject: asked once more, then no answer recorded (the 3114 as information).
- "J'écris pour mon époux … il ne parle pas beaucoup de ses soucis": the classifier's sign alone said nobody, and the
  wife was asked whether she herself thought of suicide. Now the question is about the person she writes for.

Signs (the writer's own or the person's), worry for the person, doubt about them, a yes, words of the question keep the
crisis path. Real trackers; the testers' sentences and others written for this test."""

from __future__ import annotations

import pytest

from actions.crisis_actions import (
    ActionAskSuicideThoughts,
    ValidateDirectQuestionForm,
    changes_the_subject,
    person_at_risk,
)
from actions.handoff import NO_ANSWER_REASON
from guidance.crisis import suicide_question
from tests.support.trackers import bot, run, run_extract, texts, tracker, user

CHECK_IN = {"event": "action", "name": "action_check_in", "timestamp": None}
ASKED = {"event": "slot", "name": "requested_slot", "value": "suicide_thoughts", "timestamp": None}


def _slots(person: str | None, signs: list[str]) -> dict:
    return {
        "requested_slot": "suicide_thoughts",
        "difficulty_categories": ["sante"],
        "distress_level": 3,
        "distress_signs": signs,
        "person_at_risk": person,
        "paused_form": "situation_form",
        "triage_reasons": {"sante": ["« burn-out »"]},
    }


def _read(opening: str, answer: str, person: str | None, signs: list[str], asked_again_after: str | None = None):
    events = [user(opening), CHECK_IN, bot(suicide_question(person)), ASKED]
    if asked_again_after is not None:
        events += [
            user(asked_again_after),
            bot("Merci pour cette précision."),
            bot(suicide_question(person, again=True)),
        ]
    events.append(user(answer))
    current = tracker(events, _slots(person, signs), active_loop="direct_question_form")
    return run_extract(ValidateDirectQuestionForm(), "extract_suicide_thoughts", current)


# The testers' conversations at the question about someone close.
HUSBAND = ("Mon mari est épuisé, en burn-out selon le généraliste, deux mois d'arrêt.", "Mon mari")
RELATIVES_OTHER_SUBJECT = [
    # v27-b1-030, v27-b1-039, v27-b2-081
    "Le contrat de la fourrière est perdu et il reste 40 000 € à rembourser sur le plateau.",
    "Depuis lundi je tiens seule le fournil et la boutique.",
    "moi je sais pas si je serai payée à la fin du mois",
    # Other wordings of the same class.
    "le marché de la mairie est perdu, et le crédit du camion court toujours",
    "je fais tourner l'atelier toute seule avec l'apprenti depuis dix jours",
    "moi je ne sais pas si on pourra payer le loyer de la boutique",
    "la banque nous a coupé le découvert, 12 000 € à trouver",
]
# Near misses for someone close: the person's state or mind, worry for them, doubt, yes/no, a sign (anyone's).
RELATIVE_NEAR_MISSES = [
    "je sais pas",
    "je sais pas, il ne dit rien",
    "peut-être, il parle de tout lâcher",
    "oui un peu",
    "j'ai peur qu'il fasse une bêtise, la boutique coule",
    "il est seul à l'atelier toute la journée et la banque a tout coupé",
    "il ne dort plus, la boutique perd 3 000 € par mois",
    "il dit que ça sert à rien de continuer la boutique",
    "il a dit qu'il voulait en finir, le contrat est perdu",
    "je suis inquiète, il reste 40 000 € à rembourser",
    "moi je craque, je tiens seule la boutique",
    "je sais pas s'il va tenir, la boutique coule",
    "des fois il en parle, depuis que le contrat est perdu",
]


@pytest.mark.parametrize("answer", RELATIVES_OTHER_SUBJECT)
def test_a_relatives_business_answer_is_asked_once_more(answer):
    assert changes_the_subject(answer, about_someone_else=True) is True
    dispatcher, slots = _read(HUSBAND[0], answer, HUSBAND[1], ["ambiguous_exhaustion"])
    assert slots == {"suicide_thoughts": None}
    assert texts(dispatcher) == ["Merci pour cette précision."]


@pytest.mark.parametrize("answer", RELATIVES_OTHER_SUBJECT)
def test_twice_another_subject_is_no_answer_never_a_clear_no(answer):
    # Round 28 (r28-b-15): no answer is no clear no; the crisis path follows (round 21 recorded a no here).
    _, slots = _read(
        HUSBAND[0], answer, HUSBAND[1], ["ambiguous_exhaustion"], asked_again_after="la boulangerie est à Marmande"
    )
    assert slots["suicide_thoughts"] == "not_clear_no"
    assert NO_ANSWER_REASON in slots["triage_reasons"]["overwhelm"]
    assert "distress" not in slots


@pytest.mark.parametrize("answer", RELATIVE_NEAR_MISSES)
def test_relative_near_misses_stay_the_crisis_path(answer):
    assert changes_the_subject(answer, about_someone_else=True) is False
    _, slots = _read(
        HUSBAND[0], answer, HUSBAND[1], ["ambiguous_exhaustion"], asked_again_after="la boulangerie est à Marmande"
    )
    assert slots.get("suicide_thoughts") == "not_clear_no"


@pytest.mark.parametrize(
    "answer",
    [
        "Le contrat de la fourrière est perdu et il reste 40 000 € à rembourser sur le plateau.",
        "Depuis lundi je tiens seule le fournil et la boutique.",
        "moi je sais pas si je serai payée à la fin du mois",
    ],
)
def test_the_writers_own_strain_keeps_its_reading_when_asked_about_themself(answer):
    """The relaxed reading is for someone close only: the writer asked about themself keeps the strict one."""
    assert changes_the_subject(answer) is False
    _, slots = _read(
        "menuisier, je suis à bout", answer, None, ["ambiguous_exhaustion"], asked_again_after="la scierie a fermé"
    )
    assert slots.get("suicide_thoughts") == "not_clear_no"


# v27-b1-069: the wife writes for her husband; the classifier's sign alone brought the question.
WIFE = "J'écris pour mon époux, cordonnier à Thouars. Il ne parle pas beaucoup de ses soucis."


def _wife_tracker(events, signs):
    slots = {**_slots(None, signs), "difficulty_categories": ["banque"], "triage_reasons": {}}
    return tracker(events, slots, active_loop="direct_question_form")


def test_the_question_is_about_the_person_written_for_when_only_the_classifier_read_a_sign():
    current = _wife_tracker([user(WIFE), CHECK_IN], ["model:ambiguous"])
    assert person_at_risk(current) == "mon epoux"
    dispatcher, _ = run(ActionAskSuicideThoughts(), current)
    assert "votre" in texts(dispatcher)[0] and "vous arrive" not in texts(dispatcher)[0]


def test_a_rule_sign_of_the_writer_keeps_the_question_for_the_writer():
    current = _wife_tracker([user(WIFE + " Moi je n'en peux plus."), CHECK_IN], ["ambiguous_exhaustion"])
    assert person_at_risk(current) is None


def test_the_wifes_conversation_is_never_read_as_a_clear_no():
    person = "mon epoux"
    events = [
        user(WIFE),
        CHECK_IN,
        bot(suicide_question(person)),
        ASKED,
        user("La banque lui a envoyé la fin de son crédit de trésorerie sous 60 jours et il n'a pas de plan B."),
        bot("Merci pour cette précision."),
        bot(suicide_question(person, again=True)),
        user("Il est fatigué mais il va bien, c'est surtout l'argent qui l'inquiète."),
    ]
    _, slots = run_extract(
        ValidateDirectQuestionForm(), "extract_suicide_thoughts", _wife_tracker(events, ["model:ambiguous"])
    )
    # Round 28 (r28-b-15): asked twice, answered beside the question twice: no clear no, the crisis path follows (for
    # a relative, the 3114 that also answers relatives); round 21 recorded a no here.
    assert slots["suicide_thoughts"] == "not_clear_no"
    assert "distress" not in slots
