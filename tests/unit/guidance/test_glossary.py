"""The glossary (guidance/glossary.py): which short questions ask for a definition, and what the definitions are."""

from __future__ import annotations

import re

import pytest

from guidance.glossary import definition_text, definitions, term_asked


@pytest.mark.parametrize(
    "question, entry",
    [
        ("c'est quoi un échéancier ?", "echeancier"),
        ("c koi la cfe", "cfe"),
        ("la CCSF c'est quoi", "ccsf"),
        ("l'ACED ?", "aced"),
        ("ça veut dire quoi redressement judiciaire", "redressement"),
        ("un huissier c'est quoi exactement", "commissaire_justice"),
        ("vous pouvez m'expliquer la conciliation ?", "conciliation"),
        ("la banque parle de médiation du crédit, ça veut dire quoi ?", "mediation_credit"),
        ("je comprends pas ce que c'est la cessation des paiements", "cessation_paiements"),
        ("qu'est-ce qu'une injonction de payer ?", "injonction_payer"),
        # The crisis line the crisis reply gives, asked about at the safety question.
        ("c'est quoi le 3114 ?", "crisis_line"),
        ("le 3114 c'est payant ?", "crisis_line"),
        ("qui répond au 3114 ?", "crisis_line"),
    ],
)
def test_a_short_question_about_a_word_asks_its_definition(question, entry):
    found = term_asked(question)
    assert found is not None and found.id == entry


@pytest.mark.parametrize(
    "words",
    [
        "j'ai un échéancier avec l'urssaf",  # a fact, not a question
        "je suis en redressement judiciaire",
        "qu'est-ce que je fais, je suis en redressement ?",  # what to do, not what the word means
        "qu est ce que je dois faire avec l'huissier",
        "ACED",  # a bare word without a question mark answers something
        "merci pour le 3114",  # a thanks asks nothing
        "j'ai appelé le 3114 hier",  # a warning sign, never a definition
        "/affirm",
        "c'est quoi un échéancier ? " + "je vous explique ma situation en long " * 3,  # a long account
    ],
)
def test_what_asks_no_definition(words):
    assert term_asked(words) is None


def test_every_definition_is_short_plain_and_sourced():
    raw_ids = [d.id for d in definitions()]
    assert len(raw_ids) == len(set(raw_ids)) >= 15
    for definition in definitions():
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", definition.text) if s]
        assert 1 <= len(sentences) <= 3, definition.id
        assert not re.search(r"\b(tu|ton|ta|tes)\b", definition.text), definition.id  # vouvoiement
        assert "vous obtiendrez" not in definition.text  # never a promise
        assert definition_text(definition.id) == definition.text


def test_every_entry_names_its_source():
    import yaml

    from guidance.glossary import GLOSSARY

    for entry in yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))["entries"]:
        source = entry["source"]
        assert source["title"] and source["url"].startswith("https://"), entry["id"]
        assert source["checked_live"] is False and source["verified"] is None, entry["id"]  # read, not checked
