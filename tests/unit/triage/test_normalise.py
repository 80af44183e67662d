"""How typed French becomes the text the rules read (triage/normalise.py)."""

from __future__ import annotations

import pytest

from triage import assess
from triage.normalise import normalise, split_clauses, without_markup


@pytest.mark.parametrize(
    "typed, read",
    [
        # Spoken and northern French elides before a consonant: the full word is meant.
        ("l'huissier a bloqué l'compte", "l huissier a bloque le compte"),
        ("j'vends pus rien au marché d'Béthune", "je vends plus rien au marche de bethune"),
        ("i m'a dit d'pas m'inquiéter", "i m a dit de pas m inquieter"),
        # Before a vowel or a mute h the elision is standard and stays as it is.
        ("j'ai l'URSSAF et l'huissier sur le dos", "j ai l urssaf et l huissier sur le dos"),
        ("d'accord, j'habite à Lens", "d accord j habite a lens"),
        # A number after an elided letter is no word to restore.
        ("l'2 décembre", "l 2 decembre"),
        # An apostrophe lost on a phone: the elided letter glued to a known word is two words again...
        ("latelier a pris leau, lassureur narrive pas", "l atelier a pris l eau l assurance n arrive pas"),
        ("ils mont dit quil fallait attendre lexpert", "ils m ont dit qu il fallait attendre l expert"),
        ("sil refuse je sais pas", "s il refuse je sais pas"),
        # ... but never a word whose tail happens to be a word ("d ans", "s ont", "t ete", "d eux").
        ("dans deux mois ils sont partis sans rien dire", "dans deux mois ils sont partis sans rien dire"),
        ("mal de tete, taux trop haut, dont acte", "mal de tete taux trop haut dont acte"),
    ],
)
def test_normalised_text(typed, read):
    assert normalise(typed) == read
    assert " ".join(clause.text for clause in split_clauses(typed)).replace(" ,", "") == read


@pytest.mark.parametrize(
    "typed, clause",
    [
        # A degree word after a negation only softens it: the rules read the plain negation.
        ("je ne vois plus trop l'intérêt", "je ne vois plus l interet"),
        ("j'y arrive pas vraiment", "j y arrive pas"),
        ("il vient plus beaucoup, le client", "il vient plus , le client"),
        # A quantity before "de" stays: "pas trop de travail" is not "pas de travail".
        ("j'ai pas trop de travail", "j ai pas trop de travail"),
        # "pas bien" is no softened "pas".
        ("je me sens pas bien", "je me sens pas bien"),
    ],
)
def test_clauses_drop_a_softener_after_a_negation(typed, clause):
    assert " ".join(part.text for part in split_clauses(typed)) == clause


def test_normalise_keeps_the_softener_for_reading_answers():
    # "non pas vraiment" to the direct question about suicide is no clear no (triage/answers.py).
    assert normalise("non pas vraiment") == "non pas vraiment"


@pytest.mark.parametrize(
    "dictated, clauses",
    [
        # Punctuation said out loud by someone dictating cuts the clauses as the marks would.
        (
            "la solution je l'ai virgule c'est de ne plus être là point comme ça plus de dettes",
            ["la solution je l ai , c est de ne plus etre la", "comme ca plus de dettes"],
        ),
        ("virgule je pense au suicide point personne", ["je pense au suicide", "personne"]),
        # A number, or "point" as a noun, stays a word.
        ("3 virgule 5 millions", ["3 virgule 5 millions"]),
        ("on fait le point sur la compta", ["on fait le point sur la compta"]),
        ("je suis au point mort", ["je suis au point mort"]),
        ("le point de vente ferme", ["le point de vente ferme"]),
    ],
)
def test_dictated_punctuation_cuts_clauses(dictated, clauses):
    assert [clause.text for clause in split_clauses(dictated)] == clauses


@pytest.mark.parametrize(
    "pasted, typed",
    [
        # Round 7 (r7b-07): pasted HTML; a block ends a clause as a new line does, an inline tag is a space.
        (
            "<p>Bonjour,</p><p>Je suis <b>photographe</b>. Un client me doit <strong>4 800 €</strong> depuis juin.</p>",
            "Bonjour,\nJe suis photographe. Un client me doit 4 800 € depuis juin.",
        ),
        ("<div>l&#39;URSSAF me r&eacute;clame&nbsp;3 trimestres</div>", "l'URSSAF me réclame 3 trimestres"),
        ('Mon atelier a <span style="color:red">brûlé</span><br/>cette nuit', "Mon atelier a brûlé\ncette nuit"),
        ("<!-- note --><P>Le fournil est <I>sous l'eau</I></P>", "Le fournil est sous l'eau"),
    ],
)
def test_markup_is_read_as_its_words(pasted, typed):
    assert normalise(pasted) == normalise(typed)
    assert [c.text for c in split_clauses(pasted)] == [c.text for c in split_clauses(typed)]


@pytest.mark.parametrize("typed", ["je t'aime <3", "<moi> je dois 3 000 €", "Dupont & fils", "prix < 3000 et > 1000"])
def test_text_that_only_looks_like_markup_stays_as_typed(typed):
    assert without_markup(typed) == typed


def test_quotes_from_pasted_html_carry_no_tags():
    pasted = "<p>Bonjour,</p><p>Un client (une agence) me doit <strong>4 800 €</strong> depuis juin.</p>"
    result = assess([pasted])
    assert result.categories == ("tresorerie",)
    assert not any("<" in quote or ">" in quote for quotes in result.reasons.values() for quote in quotes)


@pytest.mark.parametrize(
    "typed, clauses",
    [
        # An aside set off by two commas is read without it, commas included: the phrase is whole again.
        ("j'ai envie de, franchement, tout lâcher", ["j ai envie de tout lacher"]),
        ("la banque a, bon ben, coupé le découvert", ["la banque a coupe le decouvert"]),
        ("je dois, en vrai, deux trimestres", ["je dois deux trimestres"]),
        ("pas envie, hein, de fermer", ["pas envie de fermer"]),
        # The same words as words, or with a single comma, stay.
        ("enfin payé par le client", ["enfin paye par le client"]),
        ("bref, le client paie pas", ["bref , le client paie pas"]),
        ("il paie pas, quoi", ["il paie pas , quoi"]),
        # A comma that is no aside's stays ("bon" is an aside, "bon client" is not).
        ("un, bon client, parti", ["un , bon client , parti"]),
    ],
)
def test_asides_set_off_by_commas_are_left_out_of_clauses(typed, clauses):
    assert [clause.text for clause in split_clauses(typed)] == clauses
