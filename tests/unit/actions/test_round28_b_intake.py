"""Round 28, talker b: intake answers read against the question asked, over real trackers and the real form
validation (r28-b-01 a yes to a yes/no question asked again, ...)."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import SKIPPED
from actions.intake import ASK_DETAIL, OFFER_SKIP, SKIPPED_ACK
from actions.intake_actions import ValidateSituationForm
from tests.support.trackers import bot, texts, tracker, user


def asked(slot):
    return [{"event": "slot", "name": "requested_slot", "value": slot}, bot(f"question {slot}")]


def validate(slot, words, earlier=(), intent="affirm", slots=None, first="l'urssaf me réclame 8000 euros"):
    """The form's validator on `words`, after `earlier` messages at the same question (each answered so)."""
    events = [user(first), *asked(slot)]
    for earlier_words, reply in earlier:
        events += [user(earlier_words, "inform"), bot(reply), *asked(slot)]
    events.append(user(words, intent))
    current = tracker(events, slots={"requested_slot": slot, **(slots or {})}, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    result = getattr(ValidateSituationForm(), f"validate_{slot}")(words, dispatcher, current, {})
    return result, texts(dispatcher)


# r28-b-01: the deadline question asked again with the offer to pass it ("répondez « passer »"); "oui" said there
# means a deadline exists: which one is asked, the question is not passed.
@pytest.mark.parametrize("slot", ["deadline", "employees", "steps_taken"])
@pytest.mark.parametrize("words", ["oui", "ben ouais", "oui il y en a une", "si"])
def test_a_yes_after_the_offer_to_pass_a_yes_no_question_answers_it(slot, words):
    offer = f"Merci, c'est noté. J'ai retenu : depuis l'été. {OFFER_SKIP}"
    result, said = validate(slot, words, earlier=[("depuis l'été", offer)])
    assert result == {slot: None}
    assert said == [ASK_DETAIL]


@pytest.mark.parametrize("words", ["passer", "on passe", "passons"])
def test_passer_after_the_offer_still_passes_a_yes_no_question(words):
    offer = f"Merci, c'est noté. J'ai retenu : depuis l'été. {OFFER_SKIP}"
    result, _ = validate("deadline", words, earlier=[("depuis l'été", offer)])
    assert result == {"deadline": SKIPPED}


def test_a_yes_after_the_former_offer_wording_still_passes():
    offer = "Merci, c'est noté. Si vous préférez, nous pouvons passer ma question : répondez « passer »."
    result, said = validate("deadline", "oui", earlier=[("depuis l'été", offer)])
    assert result == {"deadline": SKIPPED}
    assert said == [SKIPPED_ACK]


# r28-b-02: "Dites-moi si je me trompe" after "il y a 3 semaines"; a correction of it at the deadline question is said
# back and kept, and its "non" is no answer to the deadline question, asked again.
def _since_noted(since):
    return [{"event": "slot", "name": "since_when", "value": since}]


@pytest.mark.parametrize(
    "known, words, meant",
    [
        ("il y a 3 semaines", "non en fait c'est pas 3 semaines c'est 2 mois", "il y a 2 mois"),
        ("il y a 15 jours", "ah non pardon pas 15 jours, ça fait 3 mois", "ça fait 3 mois"),
        ("depuis mars", "non c'est pas depuis mars mais depuis janvier", "depuis janvier"),
        ("depuis 2 ans", "pas 2 ans c 4 ans", "depuis 4 ans"),
    ],
)
def test_a_since_when_put_right_at_the_deadline_question_is_said_back_and_kept(known, words, meant):
    events = [user("le boulanger s'en sort plus"), *_since_noted(known), *asked("deadline"), user(words, "deny")]
    current = tracker(events, slots={"requested_slot": "deadline", "since_when": known}, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    result = ValidateSituationForm().validate_deadline(words, dispatcher, current, {})
    assert result["since_when"] == meant
    assert result["deadline"] is None  # never "aucune échéance connue" from its "non"
    assert texts(dispatcher)[0] == f"C'est corrigé : {meant}."


@pytest.mark.parametrize(
    "words",
    [
        "non pas de date, ça fait 2 mois que ça dure",  # a no to the question, the length said beside it
        "c'est pas grave c'est 2 mois",  # nothing noted is denied
        "pas 3 mais 4 salariés",  # another fact
    ],
)
def test_words_that_deny_nothing_noted_are_no_since_when_correction(words):
    from datetime import date

    from intake.facts import since_when_corrected

    assert since_when_corrected("il y a 3 semaines", words, date(2026, 12, 7)) is None


@pytest.mark.parametrize("words", ["ok", "oui svp", "d'accord", "oui allez-y"])
def test_a_yes_that_takes_up_the_offer_still_passes_a_yes_no_question(words):
    offer = f"Merci, c'est noté. J'ai retenu : depuis l'été. {OFFER_SKIP}"
    result, said = validate("deadline", words, earlier=[("depuis l'été", offer)])
    assert result == {"deadline": SKIPPED}
    assert said == [SKIPPED_ACK]


# r28-b-11: said again with a reproach at "Depuis quand ?", the event and its date are both kept.
def test_the_event_and_its_date_said_at_the_since_question_are_both_kept():
    words = "je vous l'ai dit, depuis l'accident il y a un mois"
    result, _ = validate("since_when", words, intent="inform", first="mon mari couvreur est tombé, il est à l'hôpital")
    assert result == {"since_when": "depuis l'accident il y a un mois"}


# r28-b-25: who reads the conversation, asked at the place question, is answered as at the other questions (it got
# "Je n'ai pas reconnu ce lieu"); the place question comes again, nothing kept as the place.
@pytest.mark.parametrize(
    "words",
    [
        "et mon banquier il va voir ce que je vous écris ?",
        "les impôts vont avoir accès à mes messages ?",
        "est-ce que ça remonte à l'urssaf tout ça ?",
    ],
)
def test_a_question_about_who_reads_at_the_place_question_is_answered(words):
    from actions.place_validation import QUESTION

    events = [
        user("mon compte pro est bloqué par un avis à tiers détenteur"),
        {"event": "slot", "name": "requested_slot", "value": "departement"},
        bot(QUESTION),
        user(words, "inform"),
    ]
    current = tracker(events, slots={"requested_slot": "departement", "departement": words})
    dispatcher = CollectingDispatcher()
    result = ValidateSituationForm().validate_departement(words, dispatcher, current, {})
    said = " ".join(texts(dispatcher))
    assert result["departement"] is None
    assert "pas reconnu" not in said
    assert "n'est lu que par les conseillers de la chambre" in said


@pytest.mark.parametrize("words", ["à côté de la banque de France à Arras", "près de Lens, je vous écris de là-bas"])
def test_a_place_said_near_such_words_is_still_the_place(words):
    from actions.place_validation import QUESTION

    events = [user("découvert"), {"event": "slot", "name": "requested_slot", "value": "departement"}, bot(QUESTION)]
    events.append(user(words, "inform"))
    current = tracker(events, slots={"requested_slot": "departement", "departement": words})
    result = ValidateSituationForm().validate_departement(words, CollectingDispatcher(), current, {})
    assert result["departement"] == "62"


# r28-b-14: a no that names another question's topic answers that question, never this one ("non pas de dettes" to
# "Avez-vous des salariés ?" was stored as "Salariés : 0").
@pytest.mark.parametrize(
    "slot, words, other, no",
    [
        ("employees", "non pas de dettes", "creditors", "aucune dette signalée"),
        ("employees", "aucune échéance", "deadline", "aucune échéance connue"),
        ("deadline", "non j'ai pas de salariés", "employees", "0"),
        ("steps_taken", "non pas de dette", "creditors", "aucune dette signalée"),
    ],
)
def test_a_no_to_another_questions_topic_goes_to_that_question(slot, words, other, no):
    result, said = validate(slot, words, intent="deny", first="mon salon de coiffure ne tourne plus")
    assert result[slot] is None
    assert result[other] == no
    assert said and said[0].startswith("Merci")


# Round 30 (make run): at the questions a no does not answer (the legal form, since when), the no was mapped to a pass
# and the question it named was asked later, twice. The no goes to its question, and this one is asked again.
@pytest.mark.parametrize(
    "slot, words, other, no",
    [
        ("legal_form", "non pas de date", "deadline", "aucune échéance connue"),
        ("legal_form", "non, aucune dette", "creditors", "aucune dette signalée"),
        ("since_when", "non pas de salariés", "employees", "0"),
    ],
)
def test_a_no_mapped_to_a_pass_that_names_another_question_goes_to_it(slot, words, other, no):
    events = [user("mon salon de coiffure ne tourne plus"), *asked(slot), user(words, "deny")]
    current = tracker(events, slots={"requested_slot": slot, slot: SKIPPED}, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    result = getattr(ValidateSituationForm(), f"validate_{slot}")(SKIPPED, dispatcher, current, {})
    assert result == {slot: None, other: no}
    assert texts(dispatcher)[0].startswith("Merci")


# The same no when the question it names was already answered: nothing kept there (what was known stays). At a
# question a no does not answer, the pass stands; at a yes/no question, this question is asked again.
@pytest.mark.parametrize(
    "slot, words, other, known",
    [
        ("legal_form", "non pas de date", "deadline", "le 15 janvier"),
        ("since_when", "non pas de salariés", "employees", "2"),
    ],
)
def test_a_no_mapped_to_a_pass_naming_a_question_answered_still_passes(slot, words, other, known):
    events = [
        user("mon salon de coiffure ne tourne plus"),
        {"event": "slot", "name": other, "value": known},
        *asked(slot),
        user(words, "deny"),
    ]
    current = tracker(events, slots={"requested_slot": slot, slot: SKIPPED, other: known}, active_loop="situation_form")
    result = getattr(ValidateSituationForm(), f"validate_{slot}")(SKIPPED, CollectingDispatcher(), current, {})
    assert result == {slot: SKIPPED}


@pytest.mark.parametrize(
    "slot, words, other, known",
    [
        ("employees", "non pas de dettes", "creditors", "banque 4 000 €"),
        ("deadline", "non j'ai pas de salariés", "employees", "2"),
    ],
)
def test_a_no_naming_a_question_answered_asks_this_one_again(slot, words, other, known):
    events = [
        user("mon salon de coiffure ne tourne plus"),
        {"event": "slot", "name": other, "value": known},
        *asked(slot),
        user(words, "deny"),
    ]
    current = tracker(events, slots={"requested_slot": slot, other: known}, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    result = getattr(ValidateSituationForm(), f"validate_{slot}")(words, dispatcher, current, {})
    assert result == {slot: None}
    assert texts(dispatcher) == ["Merci, c'est noté."]


@pytest.mark.parametrize("words", ["non", "je préfère ne pas le dire"])
def test_a_plain_no_or_a_refusal_still_passes_the_legal_form(words):
    events = [user("mon salon de coiffure ne tourne plus"), *asked("legal_form"), user(words, "deny")]
    current = tracker(events, slots={"requested_slot": "legal_form"}, active_loop="situation_form")
    result = ValidateSituationForm().validate_legal_form(SKIPPED, CollectingDispatcher(), current, {})
    assert result == {"legal_form": SKIPPED}


@pytest.mark.parametrize(
    "slot, words, no",
    [
        ("employees", "non pas de salariés", "pas de salariés"),
        ("employees", "non", "0"),
        ("deadline", "non pas d'échéance", "aucune échéance connue"),
        ("creditors", "non pas de dettes", "aucune dette signalée"),
    ],
)
def test_a_no_to_this_questions_topic_still_answers_it(slot, words, no):
    result, _ = validate(slot, words, intent="deny", first="mon salon de coiffure ne tourne plus")
    assert result[slot] == no


# r28-b-26: French Polynesia's fund is the CPS, never the URSSAF; a sum in Pacific francs stays in francs.
@pytest.mark.parametrize(
    "first, creditors",
    [
        ("la CPS me réclame des cotisations en retard, je suis tatoueur à Moorea", "CPS"),
        ("je dois 4000 à la caisse de prévoyance sociale", "CPS 4000 €"),
        ("la CPS me réclame 250 000 francs", "CPS 250 000 F CFP"),
    ],
)
def test_the_polynesian_fund_is_named_as_itself(first, creditors):
    from datetime import date

    from intake.facts import extract_facts

    assert extract_facts(first, date(2026, 12, 7))["creditors"] == creditors


@pytest.mark.parametrize("first", ["l'urssaf me réclame 3000", "les cps de mon ordinateur sont grillés"])
def test_other_words_are_no_polynesian_fund(first):
    from datetime import date

    from intake.facts import extract_facts

    assert "CPS" not in (extract_facts(first, date(2026, 12, 7)).get("creditors") or "")


@pytest.mark.parametrize(
    "words, kept",
    [("300 000 francs à peu près", "CPS 300 000 F CFP"), ("dans les 120000 xpf", "CPS 120 000 F CFP")],
)
def test_a_sum_in_pacific_francs_at_another_question_is_kept_in_francs(words, kept):
    events = [user("la CPS me réclame des cotisations"), {"event": "slot", "name": "creditors", "value": "CPS"}]
    events += [*asked("legal_form"), user(words, "inform")]
    current = tracker(events, slots={"requested_slot": "legal_form", "creditors": "CPS"}, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    result = ValidateSituationForm().validate_legal_form(words, dispatcher, current, {})
    assert result["creditors"] == kept
    assert result["legal_form"] is None
