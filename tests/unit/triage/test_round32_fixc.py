"""Round 32, helper "fixc": the retired held-out v36's category misses and forbidden categories, as classes (triage
alone). Each row is a conversation written for these tests (none comes from an evaluation set), the categories it must
have and those it must not.

- A fire, hail or a landslide that hit the area or the clients, not the artisan's premises: no sinistre, no works.
- The illness that ended someone's life is the cause of a death (vie_personnelle), not the artisan's health.
- Questions and figures of speech that tell no difficulty: two VAT rates offered, "zéro dégât", "en parfaite santé",
  water rising in the boat, hospital trips as an ambulance's work, funerals as a caterer's, a first-class burial.
- Difficulties said without their usual words: a swindle by a changed bank account, wages due on a named day, a public
  client whose payment order waits, an apprentice who dropped the artisan, an oven that gave up, a snowless winter, an
  epizootic, orders cancelled, an associate gone to open their own shop.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.assessments import run_conversation

TODAY = date(2026, 12, 7)

# (conversation, categories it must have, categories it must not have)
CASES = [
    # Fire that closed the roads: the custom kept away, the premises untouched.
    (
        [
            "glacier en Ardèche",
            "le feu de forêt a fait fermer les routes du massif trois semaines, mes glaces sont restées en vitrine",
        ],
        [],
        ["sinistre", "travaux"],
    ),
    (
        [
            "les pompiers ont fermé la forêt et les gorges tout août à cause de l'incendie, plus un randonneur au magasin"
        ],
        [],
        ["sinistre", "travaux"],
    ),
    (
        ["incendie dans les collines en juillet, routes coupées dix jours, j'ai perdu la moitié de la saison"],
        ["baisse_activite"],
        ["sinistre"],
    ),
    (["l'incendie a ravagé mon atelier la nuit dernière, tout est noir"], ["sinistre"], []),
    # Hail on the clients' vines, or no damage said outright.
    (
        [
            "tonnelier",
            "la grêle du 2 juillet a couché une bonne partie des vignes, ils annulent les tonneaux de l'automne",
        ],
        [],
        ["sinistre"],
    ),
    (
        ["les vignerons qui me font travailler ont tout perdu avec la grêle, mon carnet est vide jusqu'en avril"],
        ["baisse_activite"],
        ["sinistre"],
    ),
    (["réparateur de pressoirs. zéro dégât à l'atelier, mais ils reportent toutes les révisions"], [], ["sinistre"]),
    (["la grêle a détruit la toiture de mon atelier samedi"], ["sinistre"], []),
    # A death and its cause.
    (["mon associé est décédé au printemps d'un infarctus, je me retrouve seul à l'atelier"], [], ["sante"]),
    (
        ["ma belle-mère nous a quittés cet hiver après une longue maladie, on reprend à peine"],
        ["vie_personnelle"],
        ["sante"],
    ),
    (["notre collègue est partie en mars, une tumeur foudroyante, et je tiens la boutique seule"], [], ["sante"]),
    (
        ["son mari est mort, un cancer, après trois ans de combat, et elle ne vient plus au salon"],
        ["vie_personnelle"],
        ["sante"],
    ),
    (["on m'a découvert un cancer en octobre et je suis en chimio depuis"], ["sante"], ["banque"]),
    # VAT rates asked, with thanks after the question.
    (["pour une cuisine chez un particulier je facture 10 ou bien 20 % de TVA ? Merci d'avance"], [], ["impots"]),
    (["rénovation d'une salle d'eau : c'est du 5,5 % de TVA, ou alors du 10 % ?"], [], ["impots"]),
    # Figures of speech and the trade's own words.
    (
        ["en ce moment l'eau rentre dans le bateau de partout, et l'URSSAF me réclame 6 000 €"],
        ["cotisations_sociales"],
        ["sinistre"],
    ),
    (
        ["mon frère est en parfaite santé, le problème c'est l'URSSAF qui lui réclame 9 000 €"],
        ["cotisations_sociales"],
        ["sante"],
    ),
    (
        ["taxi conventionné : je conduis les dialysés et je fais les sorties d'hôpital, la CPAM me paie à trois mois"],
        [],
        ["sante"],
    ),
    (
        ["je fais aussi les repas d'enterrement pour les familles du canton, et la TVA me tombe dessus"],
        ["impots"],
        ["vie_personnelle"],
    ),
    (
        ["la banque a fait un enterrement de première classe à mon projet de fournil, prêt refusé"],
        ["banque"],
        ["vie_personnelle"],
    ),
    (
        ["les travaux devant la boutique durent depuis un an.", "malade, moi ? non, juste énervé"],
        ["travaux"],
        ["sante"],
    ),
    (
        ["le fourgon a été fracturé cette nuit sur le parking du chantier, tout l'outillage est parti"],
        ["sinistre"],
        ["sante"],
    ),
    # Swindles without their name, wages due on a day.
    (
        ["un mail soi-disant de mon grossiste m'a demandé de changer de RIB, j'ai payé 8 000 € sur le mauvais compte"],
        ["autre"],
        [],
    ),
    (
        [
            "la comptable a fait deux virements pour un ordre urgent et confidentiel du gérant, qui n'avait rien demandé",
            "et vendredi c'est les salaires, il n'y a plus rien",
        ],
        ["autre", "tresorerie"],
        [],
    ),
    # Money that does not come.
    (["la commune ne me paie pas, le mandat n'est toujours pas émis depuis juillet"], ["tresorerie"], []),
    (["il me reste dû 12 000 € sur le chantier de la médiathèque depuis la réception"], ["tresorerie"], []),
    (["trois chantiers impayés et l'URSSAF sur le dos"], ["tresorerie", "cotisations_sociales"], []),
    (["80 000 euros de dettes, dont le fisc et l'URSSAF"], ["tresorerie"], []),
    # Staff, machines and suppliers.
    (["mon apprentie de première année m'a planté du jour au lendemain, les commandes s'empilent"], ["autre"], []),
    (["mon four à bois, il a rendu l'âme hier, et je ne cuis plus que la moitié"], ["autre"], []),
    (["le grossiste m'a livré la mauvaise série de chaudières et refuse de les reprendre"], ["autre"], []),
    # Activity lost without the words of a fall.
    (["l'hiver passé la neige n'est jamais tombée, les loueurs de ski ont fermé en février"], ["baisse_activite"], []),
    (["grippe aviaire dans le secteur, plus rien à transformer depuis novembre"], ["baisse_activite"], ["sante"]),
    (["deux caves m'ont décommandé 300 bouteilles de cidre pour les fêtes"], ["baisse_activite"], []),
    (["mon associée est partie au printemps monter son propre salon en face"], ["baisse_activite"], []),
    (["sans neige, la station a pris l'eau cet hiver et mes locations aussi"], [], ["sinistre"]),
    # Courts and roads that are no procedure and no works.
    (
        ["nous divorçons, le juge nous a convoqués en conciliation en février"],
        ["vie_personnelle"],
        ["procedure_judiciaire"],
    ),
    (
        ["la départementale a glissé dans la rivière en novembre, la route est coupée jusqu'à l'été, plus de clients"],
        [],
        ["travaux", "sinistre"],
    ),
    (["la route du col, on ne passe plus depuis l'éboulement, les skieurs ne montent plus"], [], ["travaux"]),
]


@pytest.mark.parametrize("turns, required, forbidden", CASES, ids=[f"case-{i}" for i in range(len(CASES))])
def test_round32_categories(turns: list[str], required: list[str], forbidden: list[str]) -> None:
    found = set(run_conversation(turns, None, TODAY)[-1].categories)
    assert set(required) <= found, (turns, found)
    assert not found & set(forbidden), (turns, found)
