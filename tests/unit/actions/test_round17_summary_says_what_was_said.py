"""Round 17 (a.md H9, M14; b.md F6, F11, F17, F18, F20): the case summary says only what was said, in the person's terms
where a label would distort, with the money and the creditor right.

- A URSSAF or tax "redressement" is a reassessment, not the court's recovery proceeding; a tax audit starting is no
  reassessment; a "redressement" said alone is said as unclear; procedures named in a question about words are no
  event.
- Who blocked the account is who the clause of the blocking names.
- A greeting is no name; an associate, an apprentice, a husband who write are said as such.
- "Demande" is never a question about this service or a question that means nothing without the bot's message.
- The sum a client owes is kept when it follows the unpaid client in the next clause; a closing said with a condition
  is quoted, not turned into a decision.
- The person's own account is quoted ("Ses mots"), without health or distress words unless consented.
"""

from __future__ import annotations

import pytest

from actions.handoff import (
    account_said,
    asks_said,
    creditors_in_full,
    name_then_more,
    written_for,
    written_for_line,
)
from intake.facts import events_said, sums_said
from tests.support.case_draft import case_draft
from triage.distress import RELATIVE


def _draft(messages: list[str], **slots):
    return case_draft(messages, "c-r17", "R17-0001", **slots)


# ------------------------------------------------------------------ procedures: the words said, not a label


@pytest.mark.parametrize(
    "words, expected, never",
    [
        ("la MSA nous a fait un redressement de cotisations de 9000 €", "redressement URSSAF", "judiciaire"),
        ("j'ai eu un redressement de l'urssaf cet été", "redressement URSSAF", "judiciaire"),
        ("on a pris un redressement des impôts sur la TVA", "redressement fiscal", "judiciaire"),
        ("un contrôle fiscal démarre mardi chez nous", "contrôle fiscal (mardi)", "redressement"),
        ("l'urssaf m'annonce un contrôle de l'urssaf le mois prochain", "contrôle URSSAF", "redressement"),
        ("nous sommes en redressement depuis l'été", "redressement judiciaire", "URSSAF"),
        ("le tribunal a ouvert un plan de redressement", "redressement judiciaire", "URSSAF"),
        ("on m'a parlé d'un redressement, je n'ai rien compris", "non précisé", "redressement judiciaire"),
    ],
)
def test_a_redressement_is_said_as_it_was(words, expected, never):
    found = "; ".join(events_said(words))
    assert expected in found
    assert never not in found


@pytest.mark.parametrize(
    "words",
    [
        "quelle est la différence entre une sauvegarde et une liquidation ?",
        "ça veut dire quoi liquidation judiciaire",
        "cé koi un redressement judiciaire ?",
    ],
)
def test_a_question_about_what_a_procedure_means_is_no_event(words):
    assert events_said(words) == []


def test_a_procedure_told_with_a_question_after_it_is_kept():
    assert events_said("je suis en liquidation, ça veut dire quoi pour ma maison ?") == ["liquidation judiciaire"]


@pytest.mark.parametrize(
    "words, expected",
    [
        ("j'ai une dette de TVA de 5000 et la banque a bloqué mon compte pro", "compte pro bloqué par la banque"),
        ("l'urssaf me relance, mon banquier a bloqué le compte", "compte bloqué par la banque"),
        ("le compte est bloqué par les impôts depuis lundi", "compte bloqué par le fisc"),
        ("je dois 3000 à l'urssaf et mon compte est bloqué", "compte bloqué"),
    ],
)
def test_who_blocked_the_account_is_who_the_clause_names(words, expected):
    assert expected in events_said(words)


def test_the_case_of_a_reassessment_and_a_bank_block_says_both_right():
    draft = _draft(
        [
            "bonsoir, menuisier à Vannes, on a eu un redressement urssaf de 11000 euros et la banque a bloqué le compte pro"
        ]
    )
    assert "Redressement URSSAF ; compte pro bloqué par la banque." in draft.summary
    assert "judiciaire" not in draft.summary
    assert "bloqué par l'URSSAF" not in draft.summary


def test_an_audit_is_no_debt_in_the_creditors_line():
    said = ["ébéniste à Rouen, la banque me relance pour le prêt", "ah et j'ai aussi un contrôle fiscal jeudi"]
    assert creditors_in_full("banque", said) == "banque"
    # near miss: a tax debt added in the same way stays
    assert creditors_in_full("banque", ["la banque me relance", "et les impôts aussi"]) == "banque, impôts"


# ------------------------------------------------------------------ who writes


def test_a_greeting_is_no_name_of_the_writer():
    found = written_for(["bsr je suis la fille de Gérard, il est boucher à Laval"])
    assert found is not None and found.get("writer_name") is None
    assert (
        written_for_line(found, "Amandine")
        == "Écrit par un proche : sa fille (Amandine) ; personne concernée : Gérard."
    )


@pytest.mark.parametrize(
    "messages, expected",
    [
        (
            ["je suis l'associée d'une boulangerie à Sète", "mon associée Chantal ne répond plus"],
            "Écrit par un proche : son associée ; personne concernée : Chantal.",
        ),
        (
            ["salut je suis apprenti chez un plombier à Metz, le patron nous paye plus"],
            "Écrit par un proche : son apprenti ; personne concernée : son patron.",
        ),
        (
            ["je suis salariée chez une fleuriste, elle ne s'en sort plus"],
            "Écrit par un proche : sa salariée ; personne concernée : sa patronne.",
        ),
        (
            ["mon mari tient un garage à Vierzon et il ne dort plus"],
            "Écrit par un proche : son épouse ; personne concernée : son mari.",
        ),
    ],
)
def test_an_associate_an_apprentice_a_spouse_who_write_are_said(messages, expected):
    assert written_for_line(written_for(messages)) == expected


@pytest.mark.parametrize(
    "messages",
    [
        ["je suis salarié dans le bâtiment depuis 10 ans et j'ai monté ma boite"],
        ["ma femme a une voiture neuve, moi je suis plombier et j'ai des dettes"],
    ],
)
def test_the_artisan_writing_of_their_own_past_or_family_is_no_proxy(messages):
    assert written_for(messages) is None


def test_the_person_at_risk_read_as_someone_close_is_named_by_the_writers_place():
    draft = _draft(
        ["bonjour je suis apprentie chez un menuisier à Laval, il nous doit le salaire de novembre"],
        distress=True,
        person_at_risk=RELATIVE,
    )
    assert "au sujet de « son patron »" in draft.summary
    assert "« un proche »" not in draft.summary


@pytest.mark.parametrize(
    "typed, kept",
    [("Mme Perrot, Ginette", "Ginette Perrot"), ("M. Roux, Alain", "Alain Roux"), ("Mme Perrot, merci", "Mme Perrot")],
)
def test_a_first_name_said_after_the_surname_is_kept(typed, kept):
    assert name_then_more(typed) == kept


# ------------------------------------------------------------------ what is asked


@pytest.mark.parametrize(
    "words",
    [
        "c'est quoi la différence ?",
        "ça veut dire quoi ?",
        "vous pourriez pas plutôt m'envoyer un sms ? par sms c'est mieux",
        "on peut me rappeler vers 19h ?",
        "vous pouvez juste me faire appeler demain ?",
        "ils m'appellent quand alors ?",
        "je peux parler à un conseiller ce soir ?",
        "et si mon mari tombe dessus ?",
        "franchement vous croyez que je vais m'en sortir ?",
    ],
)
def test_questions_about_the_service_or_without_their_context_are_no_request(words):
    assert asks_said([words], False) == []


@pytest.mark.parametrize(
    "words",
    [
        "est-ce que le fisc peut m'appeler pour un délai ?",
        "c'est quoi la différence entre une sauvegarde et un redressement ?",
        "comment je fais pour vendre mon camion sans perdre trop ?",
        "vous pouvez m'aider à faire le dossier pour la banque ?",
    ],
)
def test_questions_about_the_situation_stay_the_request(words):
    assert asks_said([words], False) != []


# ------------------------------------------------------------------ money and decisions


@pytest.mark.parametrize(
    "words, expected",
    [
        ("le promoteur ne règle pas la dernière facture, 31 500 € TTC", "son promoteur doit 31 500 €"),
        ("mon client paie pas depuis septembre, 7 800 euros", "son client doit 7 800 €"),
    ],
)
def test_the_sum_a_client_owes_said_in_the_next_clause_is_kept(words, expected):
    assert any(line.startswith(expected) for line in sums_said(words))


def test_a_sum_of_ones_own_debt_after_an_unpaid_client_is_not_the_clients():
    found = sums_said("le client paye pas, je dois 4000 au grossiste")
    assert not any("client" in line for line in found)


@pytest.mark.parametrize(
    "words, quoted",
    [
        ("si rien ne bouge d'ici mars je vais fermer", "si rien ne bouge d'ici mars je vais fermer"),
        ("je vais tout stopper si la banque ne suit pas", "je vais tout stopper si la banque ne suit pas"),
    ],
)
def test_a_closing_said_with_a_condition_is_quoted_not_decided(words, quoted):
    found = events_said(words)
    assert "veut fermer l'entreprise" not in found
    assert f"dit : « {quoted} »" in found


def test_a_closing_decided_stays_a_decision():
    assert "veut fermer l'entreprise" in events_said("je vais fermer l'atelier en février")


# ------------------------------------------------------------------ the person's own account


def test_the_account_of_what_happened_is_quoted_in_the_persons_words():
    said = [
        "bonjour",
        "serrurier à Dax, la tempête a couché un arbre sur mon local, tout le stock est trempé et l'assureur refuse",
        "oui",
        "Gilles",
        "06 11 22 33 44",
    ]
    account = account_said(said, False)
    assert account is not None
    assert "la tempête a couché un arbre sur mon local" in account
    assert "l'assureur refuse" in account
    assert "bonjour" not in account.lower() and "06 11" not in account and "Gilles" not in account


def test_the_summary_carries_the_account():
    draft = _draft(["pâtissier à Niort, la chambre froide est tombée en panne et le fournisseur m'a coupé le compte"])
    assert "Ses mots : « pâtissier à Niort, la chambre froide est tombée en panne" in draft.summary
    assert "le fournisseur m'a coupé le compte »." in draft.summary


def test_health_words_stay_out_of_the_account_without_the_health_consent():
    said = ["peintre à Albi, j'ai fait un infarctus en octobre, les clients sont partis et l'urssaf me relance"]
    without = account_said(said, False) or ""
    assert "infarctus" not in without
    assert "l'urssaf me relance" in without
    assert "infarctus" in (account_said(said, True) or "")


def test_no_account_when_nothing_of_the_situation_was_told():
    assert account_said(["bonjour", "oui", "Nadia", "06 11 22 33 44"], False) is None
