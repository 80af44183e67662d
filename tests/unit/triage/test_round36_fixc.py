"""Round 36, helper "fixc": the retired held-out v40's category misses and forbidden categories, as classes (triage
alone). Each row is a conversation written for these tests (none comes from an evaluation set), the categories it must
have and those it must not.

- The work lost beside its cause (a damage, works, an illness, a family event keep their own category): nothing the
  trade makes can be made, a contract about to go, orders gone elsewhere, clients who no longer stop, the shop empty,
  work refused or a part of the day lost: baisse_activite; nothing billed or coming in: tresorerie.
- The only employee, or one named by their trade, off sick: the employer's trouble (autre), never sante (the decision
  of version 12).
- A relative's illness named with "un cancer brutal l'a emportée": a life event,
  not the artisan's health.
- A trade that lives off other people's damage (burglaries, leaks) is no damage (the decision of version 40).
- A complicated pregnancy that stops the artisan is her own health, the pregnancy no second life event.
- "En bonne santé" and the local health contribution of Alsace-Moselle are no illness.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.assessments import run_conversation

TODAY = date(2026, 12, 8)

# (conversation, categories it must have, categories it must not have)
CASES = [
    # Nothing the trade makes can be made after a damage.
    (
        ["ferronnier à Auch", "la grêle a percé la verrière de l'atelier, je ne peux plus rien souder en attendant"],
        ["sinistre", "baisse_activite"],
        [],
    ),
    (["la camionnette a brûlé dans la nuit, sans la camionnette on fait rien"], ["sinistre", "baisse_activite"], []),
    (["le four a pris feu samedi, je travaille comment pendant ce temps ?"], ["sinistre", "baisse_activite"], []),
    (
        ["le hangar a brûlé la semaine dernière", "j'ai trois chantiers signés et plus de matos"],
        ["sinistre", "baisse_activite"],
        [],
    ),
    (
        ["l'ambulance a été volée devant la maison, si on la retrouve pas la convention avec la clinique va sauter"],
        ["sinistre", "baisse_activite"],
        [],
    ),
    (["mon local a été inondé, les commandes des écoles partent ailleurs"], ["sinistre", "baisse_activite"], []),
    # Works that keep the clients from stopping or the shop empty.
    (
        ["la rue est barrée pour les égouts depuis mai", "les habitués qui passaient le soir s'arrêtent plus"],
        ["travaux", "baisse_activite"],
        [],
    ),
    (
        ["ils refont la place depuis l'été, les promeneurs font un crochet et ne passent plus devant la galerie"],
        ["travaux", "baisse_activite"],
        [],
    ),
    (["la rue est en travaux depuis mars, la boutique de fleurs est déserte"], ["travaux", "baisse_activite"], []),
    # Work refused or lost for want of time, beside a family event or an illness.
    (
        ["ma mère est hospitalisée à Rodez, j'ai dû décliner deux chantiers ce mois"],
        ["vie_personnelle", "baisse_activite"],
        ["sante"],
    ),
    (["ma femme garde notre fils malade, elle a perdu tout le service du soir"], ["baisse_activite"], []),
    # Nothing billed or coming in.
    (["j'ai 300 euros sur le compte et plus un sou qui rentre"], ["tresorerie"], []),
    (["avec ma hanche je ne facture quasiment plus rien"], ["tresorerie"], []),
    (["trois mois de plâtre, tenir sans rien facturer c'est impossible"], ["tresorerie"], []),
    # Not a lost activity: a body one cannot fight, a debt one cannot stop.
    (["je ne peux rien faire contre l'URSSAF, ils ne répondent pas"], ["cotisations_sociales"], ["baisse_activite"]),
    # The only employee, or one named by their trade, off sick.
    (["mon seul ouvrier, Paul, est en arrêt depuis mars"], ["autre"], ["sante"]),
    (["mon unique salariée est arrêtée par le médecin depuis un mois"], [], ["sante"]),
    (["ma coiffeuse, arrêt maladie, depuis six semaines, je fais tout"], ["autre"], ["sante"]),
    # The artisan's own sick leave stays their health.
    (["je suis en arrêt maladie depuis trois semaines, le salon est fermé"], ["sante"], []),
    # A relative's illness.
    (
        ["plombier à Lyon, ma compagne tenait les comptes", "un AVC brutal l'a emportée en juin"],
        ["vie_personnelle"],
        ["sante"],
    ),
    # A pregnancy is a life event; a complicated one that stops the artisan is her health.
    (
        ["fleuriste à Millau", "enceinte de six mois, grossesse à risque, la sage-femme m'impose le repos strict"],
        ["sante"],
        ["vie_personnelle"],
    ),
    (["je suis enceinte, congé maternité en mars, qui va tenir le salon"], ["vie_personnelle"], ["sante"]),
    (["ma femme est enceinte, grossesse compliquée, je dois lever le pied"], ["vie_personnelle"], []),
    # A trade that lives off other people's damage.
    (
        ["serrurier à Nîmes, je vis surtout des effractions, mais les clients paient à 90 jours"],
        ["tresorerie"],
        ["sinistre"],
    ),
    (["plombier, les fuites c'est mon gagne-pain, là c'est l'URSSAF qui me relance"], [], ["sinistre"]),
    (["les dégâts des eaux en résidence je connais, mais là c'est l'URSSAF"], [], ["sinistre"]),
    # A burglary that emptied the workshop of its tools: a damage, no fall said.
    (["on a été cambriolés cette nuit, l'atelier est vide"], ["sinistre"], ["baisse_activite"]),
    # Good health, a local contribution.
    (["ma mère a 70 ans et reste en bonne santé, mais l'URSSAF me relance"], ["cotisations_sociales"], ["sante"]),
    (["ma contribution maladie alsacienne a pris 400 euros, URSSAF oblige"], ["cotisations_sociales"], ["sante"]),
]


@pytest.mark.parametrize("turns, required, forbidden", CASES, ids=[f"case-{i}" for i in range(len(CASES))])
def test_round36_categories(turns: list[str], required: list[str], forbidden: list[str]) -> None:
    found = set(run_conversation(turns, None, TODAY)[-1].categories)
    assert set(required) <= found, (turns, found)
    assert not found & set(forbidden), (turns, found)
