"""Round 24 (talker A, finding 2): the injonction de payer read the right way round, from who is the creditor.

r24a-06: an artisan owed money ("c'est moi qui voudrais attaquer le client") got the debtor's advice on contesting one;
r24a-11: an artisan whose supplier "menace de faire une injonction de payer" got the creditor's advice on asking for one.
"""

from __future__ import annotations

import pytest

from actions import services
from guidance import select_guidance
from guidance.facts import read_causes
from triage import assess

INJONCTION = {"injonction_recue", "injonction_a_demander", "injonction_menacee"}


@pytest.mark.parametrize(
    "words, expected",
    [
        # The artisan owed money asks about making one.
        (
            "Je voudrais savoir quels sont mes recours et si une injonction de payer est possible.",
            "injonction_a_demander",
        ),
        (
            "pas d'audience non, c'est moi qui voudrais attaquer le client ! mais vous ne m'avez pas répondu pour "
            "l'injonction de payer",
            "injonction_a_demander",
        ),
        ("mon client me doit 8000 depuis 3 mois. une injonction de payer c'est possible ?", "injonction_a_demander"),
        ("mon client me doit 12000, est-ce que je peux faire une injonction de payer ?", "injonction_a_demander"),
        ("je l'ai menacé d'une injonction de payer mais il répond pas", "injonction_a_demander"),
        # A creditor threatens the artisan: nothing served yet.
        (
            "mon fournisseur de zinc me réclame 5 200 euros et menace de faire une injonction de payer",
            "injonction_menacee",
        ),
        ("le grossiste veut lancer une injonction de payer contre moi", "injonction_menacee"),
        ("ils me menacent d'une injonction de payer", "injonction_menacee"),
        ("je risque une injonction de payer ?", "injonction_menacee"),
        # Served on the artisan.
        ("j'ai reçu une injonction de payer", "injonction_recue"),
        ("un commissaire de justice m'a remis une injonction de payer", "injonction_recue"),
        ("le fournisseur a fait une injonction de payer contre moi, je l'ai reçue hier", "injonction_recue"),
        ("opposition à une injonction de payer, comment faire ?", "injonction_recue"),
    ],
)
def test_the_injonction_is_read_from_who_is_the_creditor(words, expected):
    assert read_causes([words]) & INJONCTION == {expected}


def test_a_denied_injonction_is_none_received():
    assert not read_causes(["c'est pas moi qui ai reçu une injonction"]) & {"injonction_recue"}


def test_the_conversation_says_the_direction_of_a_bare_mention():
    said = ["un client me doit 12 000 euros et ne répond plus", "et pour l'injonction de payer ?"]
    assert read_causes(said) & INJONCTION == {"injonction_a_demander"}


@pytest.mark.parametrize(
    "messages, wanted, unwanted",
    [
        (
            [
                "je suis couvreur, mon fournisseur de zinc me réclame 5 200 euros et menace de faire une injonction "
                "de payer",
                "ils me demandent de payer avant vendredi",
            ],
            "injonction_menacee",
            {"injonction_de_payer_creancier", "opposition_injonction_commissaire"},
        ),
        (
            [
                "je suis plombier, un client me doit 12 000 euros depuis 4 mois et ne répond plus. Je voudrais savoir "
                "quels sont mes recours et si une injonction de payer est possible.",
                "pas d'audience non, c'est moi qui voudrais attaquer le client !",
            ],
            "injonction_de_payer_creancier",
            {"opposition_injonction_commissaire", "injonction_menacee"},
        ),
    ],
)
def test_the_guidance_follows_the_creditor(messages, wanted, unwanted):
    steps = [
        entry.id
        for entry in select_guidance(
            services.knowledge_base(),
            assess(messages),
            services.chamber(),
            {},
            messages=messages,
            today=services.chamber_today(),
        )
    ]
    assert wanted in steps
    assert not set(steps) & unwanted


@pytest.mark.parametrize(
    "words, cause",
    [
        ("si je paye les chèques ça s'arrête ?", None),
        ("j'ai eu 2 chèques rejetés", "cheque_rejete"),
        ("la banque parle d'interdit bancaire", "cheque_rejete"),
        ("un chèque sans provision", "cheque_rejete"),
        ("je veux pas de délai je veux contester, ce montant est faux !", "montant_conteste"),
        ("vous pouvez m'écrire un courrier pour contester auprès de l'urssaf ?", "montant_conteste"),
        ("leur calcul est faux", "montant_conteste"),
        ("j'ai un délai de paiement avec l'urssaf", None),
    ],
)
def test_cheques_rejected_and_an_amount_contested_are_read(words, cause):
    found = read_causes([words]) & {"cheque_rejete", "montant_conteste"}
    assert found == ({cause} if cause else set())
