"""Round 19 (r19a-16, r19b-10, r19c-09): a town said as its own clause, a trade said by what the business is or does."""

import pytest

from intake.facts import extract_facts


@pytest.mark.parametrize(
    "text, expected",
    [
        # A known town alone between punctuation, with the trade (r19a-16: "ébéniste, Dijon. Saisie…").
        ("tapissier, Rennes. L'URSSAF me relance", {"trade": "tapissier", "departement": "35"}),
        ("Couvreur, Limoges, j'ai une dette fiscale", {"trade": "Couvreur", "departement": "87"}),
        # A town with its code in brackets (r19b-09).
        ("Millau (12), mon fournisseur ne livre plus", {"departement": "12"}),
        # The business said by what it is or does (r19b-10, r19c-09).
        ("mon père tient une boutique de chaussures depuis 1998", {"trade": "boutique de chaussures"}),
        ("elle a un magasin de jouets, la banque bloque tout", {"trade": "magasin de jouets"}),
        ("on vend et répare des vélos", {"trade": "vend et répare des vélos"}),
    ],
)
def test_read(text, expected):
    facts = extract_facts(text)
    assert {k: facts.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Nancy, plombier", "departement"),  # a first name opening the message
        ("plombier. Nancy ma femme gère les comptes", "departement"),  # a name in a sentence
        ("ma femme, Nancy, est partie", "departement"),  # no trade said: no clause reading
        ("je loue des locaux à un artisan", "trade"),
        ("je vends des parts de la société", "trade"),
        ("je ne vends plus des bijoux", "trade"),
    ],
)
def test_near_misses(text, absent):
    assert absent not in extract_facts(text)
