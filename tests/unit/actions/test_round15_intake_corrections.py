"""Round 15 (r15a-10, 11, 13): a correction sent while an intake question is pending corrects the facts it denies and
the question comes again; it is never that question's answer ("Échéance : c'est pas la retraite c'est la MSA",
"Démarches : aucune démarche" from the "non" opening a correction). Near misses: a plain "non" and "non, aucune
démarche" still answer the question.

Each turn runs as Rasa runs it: the slot mapping of the pending question, the triage action (action_validate_slot_
mappings), then the intake form's validation over every slot set since the message."""

from __future__ import annotations

import pytest

from actions.intake_actions import ValidateSituationForm
from actions.triage_actions import ValidateTriageSlots
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

# What the pending question's slot mapping gives for a message read as a deny (bot/domain/intake.yml).
DENY_VALUE = {"deadline": "aucune échéance connue", "steps_taken": "aucune démarche", "employees": "0"}


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def turn(known: dict, question: str, words: str, intent: str = "inform", categories=("cotisations_sociales",)):
    """The slots after ``words`` at ``question``, with ``known`` noted from the first message, and what was said."""
    slots = {"difficulty_categories": list(categories), "urgency": "normale", **known}
    earlier = [user("premier message")]
    earlier += [slot(name, value) for name, value in slots.items()]
    earlier += [bot("J'ai noté : ..."), slot("requested_slot", question), bot(f"question {question}")]
    message = user(words, intent)
    current = tracker([*earlier, message], slots={**slots, "requested_slot": question}, active_loop="situation_form")
    _, triage = run(ValidateTriageSlots(), current)
    mapped = DENY_VALUE.get(question, words) if intent == "deny" else words
    after = [*earlier, message, *triage, slot(question, mapped)]
    merged = {**slots, **slot_events(triage), question: mapped, "requested_slot": question}
    dispatcher, events = run(ValidateSituationForm(), tracker(after, slots=merged, active_loop="situation_form"))
    return {**merged, **slot_events(events)}, texts(dispatcher)


# ------------------------------------------------------------------- the correction is no answer, and corrects


@pytest.mark.parametrize("intent", ["inform", "deny"])
@pytest.mark.parametrize(
    "words",
    [
        "c'est pas la retraite c'est la MSA, la mutualité sociale agricole, j'ai aussi un peu d'activite agricole a coté",
        "c pas la retraite c la msa",
        "ce n'est pas la caisse de retraite, c'est la mutualite sociale agricole",
    ],
)
def test_the_msa_said_instead_of_the_pension_fund_corrects_the_creditor_never_the_deadline(words, intent):
    slots, said = turn({"creditors": "caisse de retraite 5000 €"}, "deadline", words, intent)
    assert slots["deadline"] is None
    assert slots["creditors"] == "MSA 5000 €"
    assert said[0] == "C'est corrigé : sommes dues : MSA 5000 €."


R15A_13 = (
    "non la SCI c'est mon client pas moi, je suis en EI. et j'ai pas d'echeance le 11 decembre, c'est le client qui "
    "dit qu'il paye la semaine prochaine. la banque je lui dois rien"
)
R15A_13_KNOWN = {
    "creditors": "URSSAF 4200 €, impôts 2800 €, banque 5000 € et 1000 €",
    "deadline": "le vendredi 11 décembre",
    "legal_form": "SCI",
}


@pytest.mark.parametrize("intent", ["inform", "deny"])
@pytest.mark.parametrize(
    "words",
    [
        R15A_13,
        "nan la sci c mon client, moi je suis en EI. pas d echeance le 11/12. et la banque je leur dois plus rien",
        "la banque je ne lui dois rien, et y a pas d'échéance le 11 décembre. je suis en EI, la SCI c'est le client",
    ],
)
def test_a_correction_of_the_first_message_corrects_each_fact_and_the_question_waits(words, intent):
    slots, said = turn(R15A_13_KNOWN, "steps_taken", words, intent, categories=("cotisations_sociales", "impots"))
    assert slots["steps_taken"] is None  # neither the words nor "aucune démarche"
    assert slots["deadline"] is None
    assert slots["creditors"] == "URSSAF 4200 €, impôts 2800 €"
    assert slots["legal_form"] == "EI"
    assert said[0].startswith("C'est corrigé : EI, pas d'échéance le vendredi 11 décembre")


@pytest.mark.parametrize(
    "words",
    [
        "ah non attendez le fournisseur c'est 5300 pas 3500, et c'est pas l'urssaf c'est les impots les 6000",
        "non pardon, c pas lurssaf c les impots 6000. et le fournisseur c'est 5300 pas 3500",
    ],
)
def test_a_creditor_denied_is_replaced_and_an_amount_corrected_is_replaced(words):
    slots, said = turn(
        {"creditors": "fournisseurs 3500 €, URSSAF 6000 €"}, "since_when", words, "deny", categories=("tresorerie",)
    )
    assert slots["since_when"] is None
    assert sorted(slots["creditors"].split(", ")) == ["fournisseurs 5300 €", "impôts 6000 €"]
    assert said[0].startswith("C'est corrigé : sommes dues : ")


@pytest.mark.parametrize(
    "words, creditors",
    [
        ("la banque je lui dois rien, c'est l'urssaf", "URSSAF 6000 €"),
        ("je dois rien a la banque", "URSSAF 6000 €"),
        ("c'est pas la banque, c'est le fournisseur", "URSSAF 6000 €, fournisseurs 3000 €"),
    ],
)
def test_a_creditor_denied_at_the_deadline_question_leaves_the_others(words, creditors):
    slots, _ = turn({"creditors": "URSSAF 6000 €, banque 3000 €"}, "deadline", words, "deny")
    assert slots["deadline"] is None
    assert slots["creditors"] == creditors


def test_a_correction_with_a_no_to_the_question_answers_both():
    slots, said = turn(
        {"creditors": "URSSAF 6000 €, banque 3000 €"},
        "steps_taken",
        "non pas de démarche. et la banque je lui dois rien",
        "deny",
    )
    assert slots["steps_taken"] == "aucune démarche"
    assert slots["creditors"] == "URSSAF 6000 €"
    assert said == ["C'est corrigé : sommes dues : URSSAF 6000 €."]


def test_a_creditor_corrected_at_the_creditors_question_is_its_answer():
    slots, said = turn({"creditors": "URSSAF 6000 €"}, "creditors", "c'est pas l'urssaf c'est les impots")
    assert slots["creditors"] == "impôts 6000 €"
    assert said == ["C'est corrigé : sommes dues : impôts 6000 €."]


# ------------------------------------------------------------------------------------------------- near misses


@pytest.mark.parametrize(
    "question, words, intent, expected",
    [
        ("steps_taken", "non", "deny", "aucune démarche"),
        ("steps_taken", "non, aucune démarche", "deny", "aucune démarche"),
        ("steps_taken", "non rien du tout", "deny", "aucune démarche"),
        ("deadline", "non", "deny", "aucune échéance connue"),
        ("deadline", "non pas d'échéance", "deny", "aucune échéance connue"),
        (
            "steps_taken",
            "j'ai vu mon comptable, il m'a dit d'attendre",
            "inform",
            "j'ai vu mon comptable, il m'a dit d'attendre",
        ),
    ],
)
def test_an_answer_to_the_question_stays_its_answer(question, words, intent, expected):
    slots, _ = turn({"creditors": "URSSAF 6000 €", "deadline": "le vendredi 11 décembre"}, question, words, intent)
    assert slots[question] == expected
    assert slots["creditors"] == "URSSAF 6000 €"
    if question != "deadline":
        assert slots["deadline"] == "le vendredi 11 décembre"


@pytest.mark.parametrize(
    "words",
    [
        "je paie pas la banque depuis 3 mois",  # a debt told, no denial
        "la banque me relance aussi",
        "pas d'échéance pour l'urssaf, mais le 11 décembre c'est la banque",
    ],
)
def test_words_that_deny_nothing_noted_change_nothing_noted(words):
    slots, said = turn(
        {"creditors": "URSSAF 6000 €, banque 3000 €", "deadline": "le vendredi 11 décembre"}, "steps_taken", words
    )
    assert "banque" in slots["creditors"]
    assert slots["deadline"] == "le vendredi 11 décembre"
    assert not any(line.startswith("C'est corrigé") for line in said)
