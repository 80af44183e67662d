"""Round 24, talker A, over real trackers: answers to the artisan's own questions (findings 2, 6 and 9).

- r24a-06, r24a-11 (finding 2): "mais vous ne m'avez pas répondu pour l'injonction de payer" from an artisan who wants to
  sue his client got the debtor's advice; a supplier's threat got the creditor's. The answer follows who is the creditor.
- r24a-04, r24a-17 (finding 6): "ça fait combien le solde insaisissable ?", "si je paye les chèques ça s'arrête ?" got
  "Je ne peux pas vous aider sur ce sujet" just after the difficulty was told: answered from the knowledge base, else
  left to the advisor, never out of scope.
- r24a-02, -05, -08, -09, -13 (finding 9): whom the words reach, a name not wanted, the 3114, who calls back and how
  soon, a relative's agreement: each answered (intake/asked_back.py).
"""

from __future__ import annotations

import pytest

from actions.ask_actions import QUESTION_NOTED_FOR_THE_ADVISOR, ActionOutOfScope
from actions.business_questions import answer_to_business_question
from actions.service_answers import service_question_text
from intake import asked_back
from tests.support.trackers import bot, run, texts, tracker, user

OUT_OF_SCOPE = "Je ne peux pas vous aider sur ce sujet"


def conversation(told: list[tuple[str, str]], question: str, categories: list[str], loop: str | None = None):
    events = []
    for said, answered in told:
        events += [user(said), bot(answered)]
    events.append(user(question, "out_of_scope"))
    slots = {"difficulty_categories": categories, "urgency": "normale", "distress": False}
    return tracker(events, slots=slots, active_loop=loop)


OWED = (
    "Bonjour, je suis plombier, un client me doit 12 000 euros depuis 4 mois et ne répond plus. Je voudrais savoir "
    "quels sont mes recours et si une injonction de payer est possible.",
    "Si je comprends bien, vous faites face à une procédure en justice.",
)
THREATENED = (
    "je suis couvreur, mon fournisseur de zinc me réclame 5 200 euros et menace de faire une injonction de payer",
    "Si je comprends bien, vous faites face à une difficulté de trésorerie.",
)


@pytest.mark.parametrize(
    "told, question, wanted, unwanted",
    [
        (
            OWED,
            "pas d'audience non, c'est moi qui voudrais attaquer le client ! mais vous ne m'avez pas répondu pour "
            "l'injonction de payer",
            "demander au tribunal une injonction de payer",
            "contestée",
        ),
        (
            OWED,
            "et l'injonction de payer, comment on fait ?",
            "demander au tribunal une injonction de payer",
            "contestée",
        ),
        (
            THREATENED,
            "qu'est-ce que je peux faire pour l'injonction de payer ?",
            "échéancier",
            "demander au tribunal",
        ),
        (
            THREATENED,
            "ils me demandent de payer avant vendredi, pour l'injonction je fais quoi ?",
            "un mois",
            "demander au tribunal",
        ),
    ],
)
def test_the_injonction_answer_follows_the_creditor(told, question, wanted, unwanted):
    current = conversation([told], question, ["tresorerie", "procedure_judiciaire"])
    answer = answer_to_business_question(current, question) or ""
    assert wanted in answer
    assert unwanted not in answer


SEIZED = (
    "les impôts ont bloqué mon compte pro, une saisie administrative à tiers détenteur",
    "Une saisie administrative à tiers détenteur vous laisse un solde bancaire insaisissable.",
)
CHEQUES = (
    "j'ai eu 2 chèques rejetés et la banque parle d'interdit bancaire, c'est grave ?",
    "Si je comprends bien, vous faites face à une difficulté avec votre banque.",
)


@pytest.mark.parametrize(
    "told, question, categories, wanted",
    [
        (SEIZED, "je suis en EI oui. ça fait combien le solde insaisissable ?", ["impots", "banque"], "RSA"),
        (SEIZED, "le solde insaisissable c'est combien ?", ["impots", "banque"], "RSA"),
        (
            CHEQUES,
            "vous m'avez pas dit si c'est grave. si je paye les cheques ça s'arrete ?",
            ["banque"],
            "interdiction s'arrête",
        ),
        (CHEQUES, "et si je rembourse les chèques l'interdit bancaire est levé ?", ["banque"], "interdiction s'arrête"),
        (CHEQUES, "le fichier de la banque de france ça dure combien de temps ?", ["banque"], ""),
    ],
)
@pytest.mark.parametrize("loop", [None, "situation_form"])
def test_a_question_on_the_situation_told_is_never_out_of_scope(told, question, categories, wanted, loop):
    dispatcher, _ = run(ActionOutOfScope(), conversation([told], question, categories, loop))
    said = " ".join(texts(dispatcher))
    assert OUT_OF_SCOPE not in said
    assert wanted in said
    assert said


def test_a_question_on_the_situation_without_an_answer_is_noted_for_the_advisor():
    told = ("mon associé est parti avec la caisse, je suis plombier", "Je vois, c'est une situation difficile.")
    question = "l'associé il a le droit de partir avec la caisse ?"
    dispatcher, _ = run(ActionOutOfScope(), conversation([told], question, ["autre"]))
    said = " ".join(texts(dispatcher))
    assert OUT_OF_SCOPE not in said


def test_a_question_outside_the_service_is_still_said_so():
    told = CHEQUES
    dispatcher, _ = run(
        ActionOutOfScope(), conversation([told], "vous connaissez une bonne recette de crêpes ?", ["banque"])
    )
    said = " ".join(texts(dispatcher))
    assert QUESTION_NOTED_FOR_THE_ADVISOR not in said


# Finding 9: questions back that got no real answer, each read in other words a person would use too.


@pytest.mark.parametrize(
    "words, wanted",
    [
        ("euh vous allez transmettre ça à qui exactement ? pas à ma banque j'espère", "pas pour votre banque"),
        ("non je vous demande si ma banque va le savoir", "pas pour votre banque"),
        ("mon banquier il va être au courant ?", "pas pour votre banque"),
        ("vous envoyez ça à qui ?", "conseillers de la chambre"),
        ("c'est obligatoire de donner mon nom ? je préfère rester anonyme", asked_back.NAME_NOT_NEEDED),
        ("je préfère rester anonyme", asked_back.NAME_NOT_NEEDED),
        ("je dois vous dire mon vrai nom ?", asked_back.NAME_NOT_NEEDED),
        ("le 3114 c'est quoi, ils vont prévenir quelqu'un ?", asked_back.LINE_TOLD),
        ("le 3114 c'est confidentiel ?", asked_back.LINE_TOLD),
        ("c'est quoi le 3114 ?", asked_back.LINE_WHAT),
        ("c'est qui qui rappelle, l'urssaf ? et en combien de temps ?", "pas l'URSSAF"),
        ("c'est qui qui rappelle, l'urssaf ? et en combien de temps ?", "au plus tard"),
        ("il faut que mon père soit d'accord aussi ? il est à côté de moi, il dit oui", asked_back.RELATIVE_AGREEMENT),
        ("faut l'accord de ma femme ?", asked_back.RELATIVE_AGREEMENT),
    ],
)
def test_a_question_back_gets_its_answer(words, wanted):
    current = tracker(
        [bot("Voulez-vous qu'un conseiller vous rappelle ?"), user(words)], slots={"difficulty_categories": ["banque"]}
    )
    assert wanted in (service_question_text(current, words) or "")


def test_how_soon_asked_once_the_call_is_asked_for():
    words = "en combien de temps ?"
    current = tracker([bot("Un conseiller peut vous rappeler."), user(words)], slots={"wants_advisor": True})
    assert "au plus tard" in (service_question_text(current, words) or "")


@pytest.mark.parametrize(
    "words",
    [
        "en combien de temps ?",  # after a step: the URSSAF's answer, maybe, never the call's
        "je dois pas à ma banque, c'est l'urssaf",
        "combien de temps pour contester la contrainte ?",
        "j'ai appelé le 3114 hier",
        "mon père est malade",
    ],
)
def test_no_answer_to_a_question_not_asked(words):
    current = tracker(
        [bot("Vous pouvez demander un délai de paiement à l'URSSAF."), user(words)],
        slots={"difficulty_categories": ["cotisations_sociales"]},
    )
    said = service_question_text(current, words) or ""
    assert asked_back.NAME_NOT_NEEDED not in said
    assert "au plus tard" not in said
    assert asked_back.RELATIVE_AGREEMENT not in said
    assert "pas pour votre banque" not in said
    assert asked_back.LINE_WHAT not in said


@pytest.mark.parametrize(
    "words, wanted",
    [
        ("ma banque va le savoir ?", "pas pour votre banque"),
        ("c'est obligatoire de donner mon nom ? je préfère rester anonyme", asked_back.NAME_NOT_NEEDED),
    ],
)
def test_a_question_back_read_as_out_of_scope_is_answered(words, wanted):
    told = (
        "la banque m'a supprimé mon découvert",
        "Si je comprends bien, vous faites face à une difficulté avec votre banque.",
    )
    dispatcher, _ = run(ActionOutOfScope(), conversation([told], words, ["banque"]))
    said = " ".join(texts(dispatcher))
    assert wanted in said
    assert OUT_OF_SCOPE not in said


URSSAF_CLAIM = (
    "l'urssaf me réclame 6000 euros de régularisation, c'est énorme",
    "Vous pouvez demander un délai de paiement à l'URSSAF.",
)


@pytest.mark.parametrize(
    "question",
    [
        "vous pouvez m'écrire un courrier pour contester auprès de l'urssaf ?",
        "je veux pas de délai je veux contester, ce montant est faux !",
        "leur calcul est faux, comment je conteste ?",
    ],
)
def test_contesting_an_urssaf_amount_is_no_payment_plan(question):
    current = conversation([URSSAF_CLAIM], question, ["cotisations_sociales"])
    answer = answer_to_business_question(current, question) or ""
    assert "détail du calcul" in answer
    assert "délai de paiement" not in answer
