"""Round 15 (r15a-10, 13, 15, 16, 18): facts read from the artisan's words.

- The MSA is named "MSA", never "caisse de retraite".
- "dans le 06 et ..." in a first message is the département.
- A date denied ("j'ai pas d'échéance le 11 décembre") and a payment a third party promises ("le client dit qu'il paye
  la semaine prochaine") are never the artisan's deadline.
- A legal delay said in words: an act received on a day said in words ("elle l'a reçue lundi la contrainte"), months
  given ("ils me donnent un mois").
- A creditor denied in so many words ("c'est pas l'urssaf c'est les impôts") is not among the creditors.
"""

from __future__ import annotations

from datetime import date

import pytest

from intake.facts import corrections, creditors_denied, extract_facts, is_place_mention

SATURDAY = date(2026, 12, 5)


# ------------------------------------------------------------------------------------------------------- MSA


@pytest.mark.parametrize(
    "words, creditors",
    [
        ("jai une dette a la MSA de 5000e", "MSA 5000 €"),
        ("la mutualité sociale agricole me réclame 3200 euros", "MSA 3200 €"),
        ("je dois 1500 € a la msa", "MSA 1500 €"),
        # Near misses: the pension funds keep their name.
        ("la caisse de retraite me réclame 3000", "caisse de retraite 3000 €"),
        ("la carsat me réclame 2000 €", "caisse de retraite 2000 €"),
    ],
)
def test_the_msa_is_named_msa(words, creditors):
    assert extract_facts(words, SATURDAY)["creditors"] == creditors


# ------------------------------------------------------------------------------------------------ the place


@pytest.mark.parametrize(
    "words, code",
    [
        ("bonjour je suis serrurier dans le 06 et j'ai un contrôle fiscal qui me réclame 25000", "06"),
        ("plombier dans le 33 et la banque me relance", "33"),
        ("je suis dans le 59, et l'urssaf me réclame 4000 €", "59"),
        ("coiffeuse dans le 2a et j'ai des dettes", "2A"),
        ("je suis dans le 62, a Lens", "62"),  # worked before
    ],
)
def test_a_code_after_dans_le_then_et_is_the_departement(words, code):
    assert extract_facts(words, SATURDAY)["departement"] == code


@pytest.mark.parametrize(
    "words",
    [
        "j'ai du retard dans le 15 et 16 du mois",
        "ça se passe dans le 12 et le 13 décembre",
        "on est 2 et je dois 3000 à l'urssaf",
    ],
)
def test_a_number_followed_by_et_and_a_number_or_date_is_no_departement(words):
    assert "departement" not in extract_facts(words, SATURDAY)


def test_the_code_tagged_by_the_extractor_is_kept_as_a_place():
    words = "bonjour je suis serrurier dans le 06 et j'ai un contrôle fiscal qui me réclame 25000"
    assert is_place_mention("06", words)


# ------------------------------------------------------------------------------------------- the deadline


@pytest.mark.parametrize(
    "words",
    [
        "le client dit qu'il paye la semaine prochaine",
        "ils disent toujours que ca arrive la semaine prochaine",
        "mon client m'a promis qu'il me paye lundi",
        "la sci assure que le virement arrive vendredi",
        "le client va payer la semaine prochaine normalement",
        "j'ai pas d'echeance le 11 decembre",
        "y a aucune échéance le 15",
        "pas de date limite le 20 janvier, c'était une erreur",
    ],
)
def test_a_promise_to_the_artisan_or_a_date_denied_is_no_deadline(words):
    assert "deadline" not in extract_facts(words, SATURDAY)
    assert "deadline" not in extract_facts(words, SATURDAY, asked="deadline")


@pytest.mark.parametrize(
    "words, deadline",
    [
        ("l'urssaf dit qu'il faut payer avant le 15", "le mardi 15 décembre"),
        ("l'huissier m'a dit qu'il revient lundi", "le lundi 7 décembre"),
        ("je dois payer mon fournisseur la semaine prochaine", "le vendredi 11 décembre"),
        ("pas de souci pour le loyer mais l'audience est le 20 janvier", "le mercredi 20 janvier"),
    ],
)
def test_a_deadline_of_the_artisan_said_with_such_words_stays(words, deadline):
    assert extract_facts(words, SATURDAY)["deadline"] == deadline


@pytest.mark.parametrize(
    "words, deadline",
    [
        ("elle l'a recue lundi la contrainte", "contrainte reçue le lundi 30 novembre"),
        ("j'ai reçu la contrainte de l'urssaf hier", "contrainte reçue le vendredi 4 décembre"),
        ("la contrainte est arrivée mardi dernier", "contrainte reçue le mardi 1er décembre"),
        ("lundi j'ai reçu un commandement de payer", "commandement de payer reçu le lundi 30 novembre"),
        ("on a recu une mise en demeure ce matin", "mise en demeure reçue le samedi 5 décembre"),
        ("j'ai relu le commandement, ils me donnent un mois", "dans un mois (d'ici le lundi 4 janvier)"),
        ("le bailleur m'accorde deux mois pour payer", "dans deux mois (d'ici le mercredi 3 février)"),
        (
            "j'ai reçu la contrainte lundi, et l'audience est le 20 janvier",
            "le mercredi 20 janvier ; contrainte reçue le lundi 30 novembre",
        ),
    ],
)
def test_a_legal_delay_said_in_words_is_kept(words, deadline):
    assert extract_facts(words, SATURDAY)["deadline"] == deadline


@pytest.mark.parametrize(
    "words",
    [
        "ils me donnent 3 mois de loyer d'avance",  # months of rent, no delay
        "j'ai reçu une lettre lundi",  # no act that opens a delay
        "c'est une contrainte pour moi de venir",
    ],
)
def test_words_that_open_no_legal_delay_give_none(words):
    assert "deadline" not in extract_facts(words, SATURDAY)


# ------------------------------------------------------------------------------------------- the creditors


@pytest.mark.parametrize(
    "words, creditors",
    [
        ("c'est pas l'urssaf c'est les impots les 6000", "impôts 6000 €"),
        ("ce n'est pas la banque c'est le fournisseur qui me réclame 3000 euros", "fournisseurs 3000 €"),
        # Near misses: "pas" that tells of the debt.
        ("je rembourse pas la banque, 20000 € de retard", "banque 20000 €"),
        ("je paye pas la banque 20000 €", "banque 20000 €"),
        ("je peux pas payer l'urssaf 8000", "URSSAF 8000 €"),
    ],
)
def test_a_creditor_denied_is_no_creditor(words, creditors):
    assert extract_facts(words, SATURDAY)["creditors"] == creditors


@pytest.mark.parametrize(
    "words, denied",
    [
        ("la banque je lui dois rien", {"banque"}),
        ("je dois rien a la banque", {"banque"}),
        ("je ne dois plus rien aux impots", {"impôts"}),
        ("c pas lurssaf", {"URSSAF"}),
        ("c'est le fournisseur pas la banque", {"banque"}),
        ("c'est pas la retraite c'est la MSA", {"caisse de retraite"}),
        # Near misses
        ("je paie pas la banque", set()),
        ("la banque me relance", set()),
        ("l'urssaf j'ai un échéancier", set()),
    ],
)
def test_creditors_denied(words, denied):
    assert creditors_denied(words) == denied


def test_nothing_denied_corrects_nothing():
    known = {"creditors": "URSSAF 6000 €", "deadline": "le vendredi 11 décembre", "legal_form": "SARL"}
    for words in (
        "non",
        "non, aucune démarche",
        "j'ai vu le comptable",
        "la SARL va mal",
        "pas d'échéance pour l'urssaf",
    ):
        assert corrections(words, known, SATURDAY) == {}


def test_a_deadline_denied_without_a_date_is_no_deadline():
    known = {"deadline": "le vendredi 11 décembre"}
    assert corrections("en fait j'ai pas d'échéance", known, SATURDAY) == {"deadline": "aucune échéance connue"}


def test_another_date_denied_leaves_the_deadline_noted():
    known = {"deadline": "le vendredi 11 décembre"}
    assert corrections("j'ai pas d'échéance le 20 janvier", known, SATURDAY) == {}


# ------------------------------------------------------------------------------------------- the legal form


@pytest.mark.parametrize(
    "words",
    [
        "un client (une SCI) me doit 11000 euros",
        "mon client, une SCI, me doit 11000",
        "une SCI qui me doit 11000 €",
        "mon client est une SAS",
        "mon client SARL Dupont me doit 4000",
    ],
)
def test_a_clients_legal_form_is_not_the_artisans(words):
    assert "legal_form" not in extract_facts(words, SATURDAY)


@pytest.mark.parametrize(
    "words, form",
    [
        ("la SCI c'est mon client pas moi, je suis en EI", "EI"),
        ("je suis en sarl, client en retard", "sarl"),
        ("je suis en EI et mon client est une SAS", "EI"),
        ("je suis en EI, la SCI c'est le client", "EI"),
        ("mon entreprise est une SARL et mon client me doit 3000", "SARL"),
    ],
)
def test_the_artisans_own_form_is_still_read_next_to_a_client(words, form):
    assert extract_facts(words, SATURDAY)["legal_form"] == form
