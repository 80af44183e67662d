"""Round 12 (A10, A24, B2, B14, B16): the case summary says who writes, what happened, the sums, the dates and
what the person asks; health stays out without the health consent; a death is no health to ask consent for."""

from __future__ import annotations

import pytest

from actions.handoff import (
    handoff_questions,
    health_of_relative_said,
    person_to_call,
    reasons_kept,
)
from intake.facts import deaths_said, events_said, sums_said
from tests.support.case_draft import case_draft
from triage.engine import assess

DECLINED = "question directe sur le suicide : la personne a préféré ne pas en parler"


def _draft(messages: list[str], **slots):
    return case_draft(messages, "c-r12", "R12-0001", **slots)


@pytest.mark.parametrize(
    "messages, expected",
    [
        # a death, whoever's, in several ways of saying it
        (
            ["mon epoux est decede le mois dernier, il etait menuisier et je sais pas gerer"],
            ["Décès de son époux (le mois dernier)"],
        ),
        (
            ["Mon associé s'est tué en moto il y a 3 semaines. On a une SARL de plomberie"],
            ["Décès de son associé (il y a 3 semaines)"],
        ),
        # Round 14 (A8): the child writes of "papa"; "maman" is the artisan's wife, not "sa mère" (the artisan's).
        (["papa ne s'en sort plus depuis le deces de maman, il a des dettes"], ["décès de l'épouse"]),
        (["je suis veuve depuis l'été, mon mari avait la boulangerie"], ["veuvage"]),
        # procedures, with the hearing date; a client's bankruptcy is not the artisan's
        (
            ["On a été placés en redressement judiciaire, audience le 18 janvier"],
            ["Redressement judiciaire, audience le 18 janvier"],
        ),
        (["le tribunal a prononcé la liquidation, on passe devant le juge jeudi"], ["Liquidation judiciaire"]),
        (
            ["mon gros client a fait faillite et me doit 18 500 €"],
            ["un client a déposé le bilan", "18 500 € à l'entreprise"],
        ),
        # a seizure and when
        (["l'huissier est passé, ils vont saisir le fourgon demain si je paie pas"], ["saisie du fourgon (demain)"]),
        (["ils vont saisir mes comptes dans 8 jours"], ["saisie de ses comptes (dans 8 jours)"]),
        # the work stopped, the tool lost
        (
            ["incendie cette nuit, l'atelier est détruit, je ne peux plus bosser"],
            ["atelier détruit", "ne peut plus travailler"],
        ),
        (["mon camion a été volé, j'attends l'expert"], ["camion volé", "attend l'expert de l'assurance"]),
        # closing, retiring
        (
            ["franchement je voudrais tout arreter, la retraite c'est dans 2 ans"],
            ["veut fermer l'entreprise", "départ à la retraite dans 2 ans"],
        ),
        # the sums, with whom they concern
        (
            ["3 clients me doivent 12k en tout, et les salaires font 6000"],
            ["3 clients doivent 12 000 € à l'entreprise", "salaires 6 000 €"],
        ),
        (["il va y avoir une saisie si je paye pas 2800 au grossiste"], ["fournisseurs 2 800 €"]),
        (["un controle fiscal, ils me reclament 30 000 euros"], ["impôts 30 000 €"]),
        # what the person asks, only the clause that asks
        (
            ["on m'a dit de deposer le bilan, je voudrais savoir comment on fait"],
            ["Demande : « je voudrais savoir comment on fait »"],
        ),
        (
            ["l'urssaf me relance. est-ce que je suis obligé de payer la majoration ?"],
            ["Demande : « est-ce que je suis obligé de payer la majoration ? »"],
        ),
        (
            ["on m'assigne au tribunal. combien de temps dure une conciliation ?"],
            ["Demande : « combien de temps dure une conciliation ? »"],
        ),
        (
            ["la banque a coupé le découvert. Est-ce que je dois prendre un avocat ?"],
            ["Demande : « Est-ce que je dois prendre un avocat ? »"],
        ),
    ],
)
def test_the_summary_says_what_happened(messages, expected):
    summary = _draft(messages).summary
    for words in expected:
        assert words.lower() in summary.lower(), summary


@pytest.mark.parametrize(
    "text",
    [
        "je veux savoir comment on fait une liquidation",
        "est ce qu'ils peuvent saisir ma maison ?",
        "j'ai peur du redressement judiciaire",
        "je ne veux pas fermer",
    ],
)
def test_a_question_or_a_fear_is_no_event(text):
    assert events_said(text) == []


def test_the_first_lines_are_who_writes_and_what_happened():
    summary = _draft(
        [
            "bonsoir, je suis la femme d'un carreleur, il ne va pas bien",
            "il est pas au courant que je vous ecris, c'est moi qu'il faut appeler",
            "l'urssaf va saisir le compte pro la semaine prochaine, 7400 euros",
        ]
    ).summary
    # Round 20 (r20a-10): the discretion asked is read first, then who writes.
    assert summary.startswith("Discrétion demandée : « il est pas au courant que je vous ecris »")
    written = summary.index("Écrit par un proche : son épouse ; personne concernée : son mari")
    assert written == summary.index(")") + 3
    assert "ne sait pas que ce proche a écrit" in summary
    assert "rappeler ce proche, pas la personne concernée" in summary
    assert summary.index("Saisie du compte (la semaine prochaine)") < summary.index("Difficultés")


@pytest.mark.parametrize(
    "text, writer, person",
    [
        ("Bonjour, ici la fille de Mme Roux, elle a un salon de coiffure", "sa fille", "Mme Roux"),
        ("je suis le fils de M. Perrin qui est charpentier", "son fils", "M. Perrin"),
        ("bjr je suis la compagne d'un electricien", "sa compagne", "son compagnon"),
        ("je suis la femme de Didier, il est garagiste", "son épouse", "Didier"),
    ],
)
def test_a_relative_who_says_whose_relative_they_are(text, writer, person):
    summary = _draft([text]).summary
    assert summary.startswith(f"Écrit par un proche : {writer}")
    assert f"personne concernée : {person}" in summary


def test_a_housekeeper_is_no_relative():
    assert (
        "Écrit par un proche"
        not in _draft(["je suis la femme de ménage d'une boulangerie, on ne me paie plus"]).summary
    )


def test_a_declined_question_is_not_distress_expressed():
    summary = _draft(
        ["je dors plus et j'ouvre plus le courrier"], distress=True, triage_reasons={"overwhelm": [DECLINED]}
    ).summary
    assert summary.startswith("SIGNES DE DÉTRESSE, la personne a préféré ne pas répondre")
    assert "DÉTRESSE exprimée" not in summary


def test_a_cut_since_is_said_in_full():
    summary = _draft(["il boit beaucoup depuis la mort de ma mère et il a des dettes"]).summary
    assert "Depuis quand : depuis la mort de ma mère" in summary


@pytest.mark.parametrize("consent", [True, False])
def test_health_words_only_with_the_health_consent(consent):
    messages = ["j'ai un cancer, chimio tous les 15 jours, je peux plus travailler", "comment je fais pour mon AVC ?"]
    summary = _draft(messages, health_consent=consent).summary
    assert ("cancer" in summary) is consent
    assert "AVC" not in summary or consent
    assert "ne peut plus travailler" in summary.lower()


@pytest.mark.parametrize(
    "text, asks_consent",
    [
        ("mon associé est mort dans un accident il y a 10 jours", False),
        ("mon frere est decede dans un accident de la route, on etait associés", False),
        ("ma femme a eu un accident de voiture, elle est a l'hopital", True),
        ("mon mari est mort d'un cancer en juin", True),
        ("ma femme a un cancer", True),
    ],
)
def test_a_death_is_no_health_to_ask_consent_for(text, asks_consent):
    assessment = assess([text])
    slots = {
        "wants_advisor": True,
        "consent_given": True,
        "difficulty_categories": list(assessment.categories),
        "triage_reasons": {key: list(value) for key, value in assessment.reasons.items()},
    }
    assert health_of_relative_said(slots) is asks_consent
    assert ("health_consent" in handoff_questions(slots)) is asks_consent
    kept = reasons_kept(slots, health_consent=False)
    assert bool(kept.get("vie_personnelle")) is (not asks_consent)


def test_deaths_never_say_their_cause():
    assert deaths_said("mon mari est mort d'un cancer en juin") == ["décès de son mari (en juin)"]


def test_amounts_read_at_a_glance():
    assert sums_said("mon client me doit 23000€") == ["son client doit 23 000 € à l'entreprise"]


@pytest.mark.parametrize(
    "text",
    [
        "c'est le 06 11 22 33 44, vous avez bien noté ?",
        "mon mail c'est paul.artisan@exemple.fr, c'est bon ?",
        "c'est gratuit votre truc ?",
        "je sais pas quoi faire",
        # Round 15: questions about the service are no request the advisor prepares.
        "c'est qui qui va lire tout ça ?",
        "c'est combien de temps avant qu'on me rappelle ?",
        "c obligé de donner tout ça ?",
        "pourquoi vous voulez savoir ça ?",
        "c'est quoi la suite ?",
        "le matin chez moi c'est possible ?",
    ],
)
def test_what_is_no_request(text):
    assert "Demande" not in _draft([text]).summary


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Laura, je suis la fille de M. Garcia", "Laura"),
        ("Karine, c'est la femme de Paulo", "Karine"),
        ("moi c'est Hugo, je suis le fils de Mme Blanc", "Hugo"),
    ],
)
def test_the_writer_who_gave_the_number_is_the_one_to_call(text, expected):
    assert person_to_call(text) == expected
