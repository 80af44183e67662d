"""Round 16 of conversations: first steps that did not fit the situation.

- r16b-06: a client contesting a 9 500 € invoice and threatening court got the sauvegarde, the redressement and the
  mandat ad hoc "pour négocier avec vos créanciers": the artisan is the creditor there.
- r16a-01: an URSSAF, bank and unpaid-client case got three unpaid-invoice steps (the caller asks for 12, shows 3).
- r16a-10: the ACED (an URSSAF aid after a one-off hardship) for a supplier's invoice.
- r16b-11: "redressement judiciaire audience le 12 janvier" got the mandat ad hoc and the sauvegarde.
- r16b-09: the unpaid-invoice steps covered no difficulty, and "nimporte quand" after the end brought new steps.

The selection runs as in the conversation: the triage's assessment of the messages, the situation answers, and no
messages (action_give_guidance reads the triage's quotes), then again with the messages.
"""

from __future__ import annotations

from datetime import date

import pytest

from chamber import load_chamber
from guidance import CHAMBER_ADVISORS, load_knowledge_base, select_guidance
from guidance.facts import Facts, read_causes, read_debts, read_stage
from triage import assess

KB = load_knowledge_base()
BY_ID = {entry.id: entry for entry in KB}
CHAMBER = load_chamber()
TODAY = date(2026, 12, 5)
DEBTOR_PROCEDURES = {
    "procedures_collectives",
    "mandat_adhoc_conciliation",
    "patrimoine_ei",
    "retablissement_professionnel",
}


def _selected(says: list[str], situation: dict | None = None, *, with_messages: bool, limit: int = 12) -> list[str]:
    situation = situation or {}
    assessment = assess(says, situation=situation, today=TODAY)
    entries = select_guidance(
        KB,
        assessment,
        CHAMBER,
        situation=situation,
        limit=limit,
        messages=says if with_messages else None,
        today=TODAY,
    )
    return [entry.id for entry in entries]


# --- The artisan is owed money, in a dispute, or threatened with a lawsuit: no debtor's procedure -----------------

CREDITOR_ONLY = [
    ["un client refuse de regler ma facture de 7000 euros et dit qu'il va m'attaquer en justice"],
    ["ma cliente conteste le devis signé, 4300€, et menace de porter plainte"],
    ["le maitre d ouvrage menace d'aller au tribunal pour la terrasse, il veut pas payer le solde"],
    ["un promoteur me doit 15000 euros depuis 5 mois"],
    ["jsuis plombier, un client ki paye pa 2 factures, 3800 e"],
    ["un particulier me menace d un proces pour une fuite apres mon chantier"],
]


@pytest.mark.parametrize("says", CREDITOR_ONLY)
@pytest.mark.parametrize("with_messages", [False, True])
def test_no_debtors_procedure_for_an_artisan_who_is_owed_or_in_a_dispute(says, with_messages):
    shown = _selected(says, with_messages=with_messages)
    assert not DEBTOR_PROCEDURES & set(shown), shown


def test_a_lawsuit_threatened_alone_leads_to_the_advisors_not_the_insolvency_procedures():
    """r16b-06 as the intake saw it: the triage kept only « menace d'aller au tribunal »."""
    says = [
        "bonjour on a une menuiserie, un client conteste la facture de la cuisine 9500 euros et menace d'aller au tribunal"
    ]
    situation = {"employees": "1 apprenti", "deadline": "aucune échéance connue", "since_when": "depuis septembre"}
    quotes_only = _selected(says, situation, with_messages=False)
    assert CHAMBER_ADVISORS in quotes_only and not DEBTOR_PROCEDURES & set(quotes_only)
    with_messages = _selected(says, situation, with_messages=True, limit=3)
    assert {"mediateur_entreprises", "conciliateur_justice"} <= set(with_messages)


DEBTOR_TOO = [
    # Near misses: a debt of the artisan's own is said besides the dispute or the threat.
    (["l'urssaf menace d'aller au tribunal, je peux plus payer les cotisations"], {}),
    (["un client me doit 8000 mais moi je dois 12000 a mes fournisseurs"], {}),
    (["un client paie pas et la banque m'a coupé le découvert"], {}),
    (["le client paie pas, on va deposer le bilan"], {}),
    (["un client me doit 5000 euros"], {"creditors": "le loyer du local 2 mois"}),
]


@pytest.mark.parametrize("says, situation", DEBTOR_TOO)
def test_a_debt_of_ones_own_keeps_the_debtors_steps_possible(says, situation):
    assessment = assess(says, situation=situation, today=TODAY)
    facts = Facts.build(assessment, situation, messages=says, chamber=CHAMBER, today=TODAY)
    assert facts.debts == "yes"


@pytest.mark.parametrize(
    "says, expected",
    [
        (["je me renseigne sur la conciliation au tribunal de commerce"], "mandat_adhoc_conciliation"),
        (["on risque le redressement si ca continue, la treso est a zero"], "mandat_adhoc_conciliation"),
        (["je vais deposer le bilan, j'ai 2 salariés"], "procedures_collectives"),
    ],
)
def test_near_misses_still_get_the_debtors_procedures(says, expected):
    assert expected in _selected(says, with_messages=True)


@pytest.mark.parametrize(
    "categories, causes, stage, texts, creditors, expected",
    [
        ((), frozenset({"menace_proces"}), None, [], None, "no"),
        (("tresorerie",), frozenset({"impayes_clients"}), None, ["le client paie pas"], None, "no"),
        (("tresorerie",), frozenset({"impayes_clients"}), None, ["le client paie pas"], "aucun", "no"),
        (("tresorerie",), frozenset({"impayes_clients"}), None, ["le client paie pas"], "fournisseur 3000", "yes"),
        (("tresorerie",), frozenset({"impayes_clients"}), None, ["et je dois 2 mois de loyer"], None, "yes"),
        (("tresorerie", "cotisations_sociales"), frozenset({"impayes_clients"}), None, [], None, "yes"),
        (("procedure_judiciaire",), frozenset({"menace_proces"}), "procedure", [], None, "yes"),
        (("tresorerie",), frozenset(), None, ["plus de tréso"], None, None),
        (("baisse_activite", "tresorerie"), frozenset({"impayes_clients"}), None, [], None, None),
    ],
)
def test_whether_the_artisan_owes(categories, causes, stage, texts, creditors, expected):
    assert read_debts(categories, causes, stage, texts, creditors) == expected


@pytest.mark.parametrize(
    "text, threatened",
    [
        ("il menace d'aller au tribunal", True),
        ("la cliente veut m'attaquer en justice", True),
        ("ils menacent de me poursuivre", True),
        ("le client menace de porter plainte contre moi", True),
        ("il menace d un proces", True),
        ("menacé d'aller aux prud'hommes par mon ancien apprenti", True),
        # Near misses: the artisan's own step, or no threat.
        ("je vais aller au tribunal pour me faire payer", False),
        ("mon comptable parle du tribunal de commerce", False),
        ("il menace de partir a la concurrence", False),
    ],
)
def test_a_lawsuit_threatened_is_read(text, threatened):
    assert ("menace_proces" in read_causes([text])) is threatened


# --- Several difficulties: the first three of a long list cover them (r16a-01) ------------------------------------


@pytest.mark.parametrize(
    "says, situation, groups",
    [
        (
            ["l urssaf me reclame 5000 de cotisations, la banque m'a coupé le découvert et un client me doit 9000"],
            {"legal_form": "EI"},
            [
                {"urssaf_delai_paiement", "urssaf_revenu_estime", "cpsti_aced"},
                {"mediation_credit"},
                {"relance_mise_en_demeure", "mediateur_entreprises", "conciliateur_justice"},
            ],
        ),
        (
            ["les impots me relancent pour la TVA et mon client principal paie pas ses factures"],
            {},
            [{"sie_plan_reglement"}, {"relance_mise_en_demeure", "mediateur_entreprises", "conciliateur_justice"}],
        ),
    ],
)
@pytest.mark.parametrize("with_messages", [False, True])
def test_the_first_three_of_a_long_list_serve_each_difficulty(says, situation, groups, with_messages):
    first_three = set(_selected(says, situation, with_messages=with_messages, limit=12)[:3])
    for group in groups:
        assert first_three & group, (group, first_three)


def test_a_short_list_is_the_start_of_the_long_one():
    says = ["l urssaf me reclame 5000, la banque m'a coupé le découvert et un client me doit 9000"]
    short = _selected(says, with_messages=True, limit=3)
    assert _selected(says, with_messages=True, limit=12)[:3] == short


# --- The ACED is for a one-off hardship, not for any unpaid invoice (r16a-10) --------------------------------------


@pytest.mark.parametrize(
    "says",
    [
        ["mon fournisseur de bois me réclame 4800 euros et ne me livre plus"],
        ["plus de tréso pour payer le grossiste ce mois ci"],
        ["le client paie pas les 3 dernieres factures"],
    ],
)
@pytest.mark.parametrize("with_messages", [False, True])
def test_no_urssaf_aid_for_a_supplier_or_a_clients_invoice(says, with_messages):
    shown = _selected(says, with_messages=with_messages)
    assert not {"cpsti_aced", "cpsti_afe"} & set(shown), shown


@pytest.mark.parametrize(
    "says",
    [
        ["l'urssaf me réclame 6000 euros de cotisations"],
        ["je suis en arrêt maladie depuis deux mois"],
        ["mon plus gros client est parti, j'ai perdu mon principal client"],
    ],
)
def test_the_urssaf_aid_still_comes_for_its_hardships(says):
    assert "cpsti_aced" in _selected(says, with_messages=True)


# --- A redressement's hearing set: the procedure is under way (r16b-11) --------------------------------------------


@pytest.mark.parametrize(
    "text, stage",
    [
        ("redressement judiciaire audience le 12 janvier", "procedure"),
        ("on passe en audience pour le redressement le 3", "procedure"),
        ("convoqué au tribunal pour le redressement judiciaire lundi", "procedure"),
        ("sauvegarde, jugement le 20", "procedure"),
        # Near misses: a hearing of something else, an URSSAF reassessment, a redressement feared.
        ("j'ai une audience aux prud'hommes le 12", None),
        ("un redressement urssaf de 8000, audience la semaine prochaine", None),
        ("j'ai peur du redressement, l'audience est pour mon client", None),
    ],
)
def test_a_hearing_of_the_redressement_says_the_procedure_is_under_way(text, stage):
    assert read_stage([text]) == stage


@pytest.mark.parametrize("with_messages", [False, True])
def test_a_redressement_hearing_gets_the_advisors_not_the_amicable_procedures(with_messages):
    shown = _selected(
        ["bonsoir garagiste, redressement judiciaire audience le 12 janvier"], with_messages=with_messages
    )
    assert shown[0] == CHAMBER_ADVISORS
    assert not {"mandat_adhoc_conciliation", "procedures_collectives", "retablissement_professionnel"} & set(shown)


# --- What an entry answers covers its causes' difficulties (r16b-09) -----------------------------------------------


@pytest.mark.parametrize(
    "entry, category",
    [
        ("relance_mise_en_demeure", "tresorerie"),
        ("conciliateur_justice", "tresorerie"),
        ("declaration_creance", "tresorerie"),
        ("saisie_juge_execution", "procedure_judiciaire"),
        ("allocation_travailleurs_independants", "procedure_judiciaire"),
        ("urssaf_delai_paiement", "cotisations_sociales"),
    ],
)
def test_an_entry_answers_the_difficulties_of_its_causes(entry, category):
    assert category in BY_ID[entry].categories


def test_an_entry_answers_no_difficulty_it_is_not_for():
    assert BY_ID["urssaf_delai_paiement"].categories == ("cotisations_sociales",)
    assert "tresorerie" not in BY_ID["sie_plan_reglement"].categories
