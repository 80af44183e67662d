"""assess(): the artisan's messages -> categories, urgency, distress, overwhelm and quoted reasons."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from french import MONTHS_FOLDED, NUMBER_WORDS, WEEKDAYS
from french.words import ACCENTED_KIN, person_put_right
from triage import model as learned_model, urgency_model
from triage.dates import find_deadlines, names_far_month, says_no_date
from triage.distress import (
    AMBIGUOUS,
    INDIRECT,
    RELATIVE,
    Sign,
    close_people_named,
    distress_level,
    find_signs,
    is_bereaved_by_suicide,
    says_feeling_or_strain,
    says_not_the_writer,
    signs_after_a_death_told,
    signs_after_a_suicide_told,
    speaks_of_no_one,
    speaks_of_someone_else,
    suicide_denied_unprompted,
    tells_a_death_of_someone_close,
)
from triage.model import best_alone_threshold, corpus, model, thresholds
from triage.normalise import Clause, normalise, split_clauses, without_markup
from triage.rules import CATEGORIES, URGENCY_LEVELS, Cue, rules

# "Within about two weeks": in French "dans 15 jours" means in two weeks.
HIGH_URGENCY_DAYS = 15
# Round 27 (retired v31 and the development sets, urgency): a hearing six weeks ahead or more is no summons to answer in
# the days to come; every writer kept one within the month ("audience le 8 janvier" said on 5 December) haute, and one
# two months ahead or more ("audience en mars", "dans deux mois") normale.
FAR_HEARING_DAYS = 45
_HALF_A_YEAR_DAYS = 183
# A question mark followed only by thanks or a greeting: the message still ends on its question.
_THANKS_AFTER_QUESTION = re.compile(
    r"\?[\s.!]*(?:(?:un )?(?:grand |tous )?merci(?: beaucoup| bien| d'avance| par avance| à vous| pour votre (?:aide|réponse))?"
    r"|bonne (?:journée|soirée|fin de journée)|cordialement|bien à vous|d'avance)(?:[\s.!,]*(?:merci|bonne (?:journée|soirée)"
    r"|cordialement|d'avance|à vous))*[\s.!]*$",
    re.IGNORECASE,
)
_MONTH_PAST = re.compile(r"\bdepuis (?:le |la |l |fin |debut |mi )?\w+|\b\w+ (?:dernier|derniere|passe|passee)\b")
# A threat only voiced by the one who may carry it out ("menace de clôturer", "menacent de fermer"): not yet done.
# Any verb, not only the -er ones (round 26: "l'huissier menace de saisir mes comptes" stayed the model's haute).
_ONLY_THREATENED = re.compile(r"\bmena(?:ce|cent|cait|caient) (?:de |d )(?:me |nous |l )?\w+(?:er|ir|re)\b")
# Round 24 (retired v30, urgency): damage of a season or a year long gone ("le feu de cet été a brûlé mes ruches", "la
# crue de l'an passé"): the model's words of a disaster, no threat in the days to come.
_LONG_PAST = re.compile(
    r"\b(?:de|d|depuis) (?:cet|l) (?:ete|hiver|automne|printemps)(?: dernier)?(?! \w+ (?:matin|soir|nuit))\b"
    r"|\b(?:de|d|depuis) l (?:an|annee) (?:dernier|derniere|passee?)\b|\bil y a (?:deux|trois|quatre|cinq|six|plusieurs|\d+) mois\b"
)
# Round 24 (retired v30, urgency): no debt, nothing unpaid, no late payment, no cash trouble said outright ("pas de
# dettes, comment on radie l'entreprise ?", "rien d'impayé à ce jour, faut-il renégocier ?"): with a question, asked
# ahead (basse); without one it only narrows the trouble ("pas de dette, juste plus un client": development v15, b-212).
# Never a present difficulty itself (_says_present_difficulty).
_NO_TROUBLE_SAID = re.compile(
    r"(?<!n y a )(?<!n avait )(?:pas (?:de |d )|aucune? |zero |rien (?:de |d ))(?:(?:souci|soucis|probleme|problemes|"
    r"difficulte|difficultes) (?:de |d ))?(?:dettes?|impayes?|retards? de paiement|tresorerie)\b"
)
MAX_REASONS_PER_KEY = 3
_RANK = {level: rank for rank, level in enumerate(URGENCY_LEVELS)}


def _condition_start(clause: Clause) -> int | None:
    """Where a condition opens inside the clause ("... si la banque ne me suit pas"), or None."""
    match = rules().signals.conditional.search(clause.text)
    return match.start() if match else None


# A condition that is the creditor's ultimatum, not a supposition: "si (la CFE) n'est pas réglée", "si je paie pas"
# (round 17, development v21, b1-091): the date inside it is the date due.
_UNPAID_BY = re.compile(
    r"(?:si|s il|s ils)\b(?: \w+){0,4}? (?:(?:ne|n) )?(?:(?:est|sont|a|ont|paie|paye|payons|regle|reglons|rembourse|"
    r"verse) )?(?:pas|toujours pas|rien) (?:(?:ete|encore) )?(?:reglee?s?|payee?s?|versee?s?|soldee?s?|remboursee?s?|"
    r"regularisee?s?)?\b"
)

# Said by a creditor who threatens, before the condition; not the artisan's own question ("ce qui se passe si ...").
_THREATENS = re.compile(
    r"\b(?:menace\w*|parle de|parlent de|evoque\w*|previent|previennent|prevenu|averti\w*|annonce\w*|ultimatum|"
    r"mise en demeure|relance\w*|exige\w*|reclame\w*|saisi\w*|huissiers?|commissaires? de justice|poursuites?|"
    # Or takes the financed tool back ("le loueur reprend la machine si ...": retired v24).
    r"majore\w*|coupe\w*|bloque\w*|reprend\w*|recuper\w*)\b"
)
# Round 35 (retired v39, fixu): the creditor's ultimatum reported with its threat after the condition ("EDF a dit que si
# je paie pas avant vendredi ils coupent", "le proprio m'a prévenu : si c'est pas réglé le 10, il envoie l'huissier").
_REPORTED = re.compile(
    r"\b(?:a dit|ont dit|dit|disent|m a dit|m ont dit|nous a dit|nous ont dit|a ecrit|ont ecrit|ecrit|ecrivent|"
    r"m a ecrit|m ont ecrit|previent|previennent|m a prevenu|m ont prevenu|a prevenu|ont prevenu|annonce|annoncent|"
    r"a annonce|ont annonce|precise|a precise|explique|a explique|repete|a repete)(?: (?:que|qu))?(?: :)?(?: ,)? $"
)
_THREAT_AFTER = re.compile(
    r"\b(?:coupe|coupent|coupera|couperont|coupure|suspend|suspendent|suspendra|suspendront|saisit|saisissent|saisira|"
    r"saisiront|saisie|huissiers?|commissaires? de justice|bloque|bloquent|bloquera|bloqueront|expulse|expulsent|"
    r"poursuites?|resilie|resilient|resiliera|reprend|reprennent|reprendra|recuperent|recupere|denonce|denoncent)\b"
)
# Round 35 (retired v39, fixu): the artisan's own claim at the court, made by them or their lawyer ("mon avocat a déposé
# une injonction de payer au tribunal le mois dernier", "j'ai lancé une procédure contre le client"): a creditor waiting,
# no summons to answer (round 29's class of the hearing rule); the model's haute from "tribunal" does not read it.
# Round 36 (retired v40, fixu): the court seized by them ("notre avocate a saisi le juge du commerce", "j'ai
# saisi le juge"), a request of theirs ("une requête en injonction de payer"), one filed by their lawyer said in the
# passive ("injonction déposée par mon avocat"), or one against a client: the same creditor waiting.
_OWN_CLAIM = re.compile(
    r"\b(?:j ai|on a|nous avons|j avais|on avait|(?:mon|notre) (?:avocat|avocate) (?:a|l a)|ma avocate a) "
    r"(?:deja |donc |enfin |aussi )?"
    r"(?:lance|engage|intente|introduit|entame|depose|fait|demande|saisi|envoye|forme) (?:une |la |l |un |mon |notre |le )?"
    r"(?:injonction de payer|procedure|action|proces|recours|assignation|requete|tribunal|juge|justice)\b"
    r"(?!(?: \w+){0,3} (?:de |d |en |pour (?:une |un |la |le )?)(?:sauvegarde|redressement|liquidation|conciliation|"
    r"mandat|rectification|depot de bilan))"
    r"|\brequetes? en injonction de payer\b(?!(?: \w+){0,4} (?:contre|a l encontre (?:de|d)) (?:moi|nous|mon entreprise|"
    r"ma societe|ma boite))"
    r"|\binjonction de payer (?:\w+ ){0,2}(?:deposee|lancee|faite|introduite|envoyee|demandee|formee) par "
    r"(?:mon|ma|notre|nos) (?:avocat|avocate|avocats|conseil)\b"
    r"|\binjonctions? de payer(?: \w+){0,4} (?:contre|a l encontre (?:de|d)) (?:mon|le|un|ce|cette|mes|les|mon ancien|"
    r"un ancien|ma|ce|cet) (?:client|cliente|clients|clientes|debiteur|mauvais payeur|particulier|syndic|promoteur)\b"
)
# A debtor's collective procedure ("la liquidation d'un client qui me doit 9 000 €": retired v24): the artisan is the
# creditor, a real difficulty without a court date of their own; the model's haute does not read it.
_DEBTORS_PROCEDURE = re.compile(
    r"\b(?:liquidation|redressement|faillite|procedure collective)\b(?: \w+){0,8} (?:me|nous) (?:doit|doivent|devait|devaient)\b"
    # A supplier's or a client's own filing, the artisan's deposit or invoice lost with it ("mon grossiste a déposé le
    # bilan avec mon acompte": round 19, retired v25): no court date of the artisan's.
    r"|\b(?:fournisseurs?|grossistes?|clients?|clientes?|donneurs? d ordres?|sous traitants?|fabricant|importateur)\b"
    r"(?: \w+){0,4} (?:a|ont|vient de|viennent de) (?:depose|deposer) (?:le|son|leur) bilan\b"
    # Round 28 (retired v32, b2-048): a supplier gone, closed or vanished with the artisan's deposit ("mon fournisseur
    # de textile a fermé boutique en gardant mon acompte", "le grossiste a disparu avec mes 3 000 € d'acompte"): money
    # lost, a real difficulty (held-out decisions: tresorerie or any_of [sinistre, autre]), no court date of the artisan's.
    r"|\b(?:fournisseurs?|grossistes?|fabricant|importateur|vendeur|prestataire)\b(?: \w+){0,4} (?:a|ont|vient de|viennent de) "
    r"(?:ferme|fermer|disparu|disparaitre|coule|couler|mis la cle sous la porte|mettre la cle sous la porte|fait faillite|"
    r"faire faillite|plie boutique|plier boutique)\b(?: \w+){0,4} (?:en gardant|avec|gardant|en emportant|sans rendre|sans "
    r"rembourser|sans livrer)\b"
)
# Round 28 (retired v32, b1-002, b2-023, b2-097): a supplier or a client who wants paying by a day a week or so ahead
# ("mon grossiste veut son argent avant le 15", "je dois payer le colle au négoce le 10", "un client exige 5 000 € sous
# quinze jours, faute de quoi il saisit le juge") can only go to court afterwards: a real difficulty, no imminent threat
# (held-out decisions: a supplier's mise en demeure with eight days is normale, no court yet). Within the next few days
# ("fournisseur à payer lundi", "payer le gazon demain", "les clients veulent être remboursés tout de suite": retired
# v14, v24, v29) the money is due now, haute as before; and any date counts with an enforcement word, a public creditor,
# the bank, the wages, the rent or a cut beside it.
PRIVATE_CREDITOR_DAYS = 4
# Round 36 (retired v40, fixu): the importer, the distributor or the maker who supplies ("mon importateur réclame
# l'avance du conteneur pour le 20").
_SUPPLIER = (
    r"(?:fournisseurs?|grossistes?|negoce|negociants?|marchands?|scierie|minoterie|quincaillerie|centrale d achats?|"
    r"importateurs?|distributeurs?|fabricants?)"
)
_PRIVATE_CREDITOR = re.compile(
    r"\b(?:"
    + _SUPPLIER
    + r"|clients?|clientes?)\b(?: \w+){0,4} (?:veut|veulent|exige|exigent|reclame|reclament|demande|"
    r"demandent|attend|attendent|a payer|a regler)\b"
    r"|\b(?:payer|regler|rembourser|verser)\b(?: \w+){0,6} (?:au|aux|a mon|a ma|a la|a l|le|la|l|mon|ma|les|mes|a) "
    + _SUPPLIER
    + r"\b"
    # Round 31 (retired v35, b2-005): a bill falling due, its sender unnamed ("ma facture arrive le 12, je ne sais pas
    # comment la payer"): a supplier's day too; a cut, the rent or a public creditor beside it still counts.
    r"|\b(?:la |ma |une |les |mes |cette |des |prochaine |prochaines |grosse |grosses )*factures?\b(?: \w+){0,3} "
    r"(?:tombe|tombent|arrive|arrivent|echoit|echoient|est a payer|sont a payer|a payer|a regler)\b"
)
_COURT_LATER = re.compile(
    r"\b(?:saisir|saisit|saisie|saisira|saisiront|saisissent|aller|va|vont|ira|iront|porter|porte|portera|porteront|"
    r"attaquer|attaquera|attaqueront)(?: l affaire)? (?:le juge|le tribunal|la justice|les tribunaux|les prud hommes|"
    r"en justice|au tribunal)\b"
)
_ENFORCED_OR_PUBLIC = re.compile(
    r"\b(?:huissiers?|commissaires?|saisies?|saisi|expuls\w*|coup\w*|bloqu\w*|audiences?|tribunal|juges?|prud hommes|"
    r"convoqu\w*|assign\w*|jugement|liquidation|salaires?|paies?|payes|salaries?|employes?|ouvriers?|apprentis?|gars|"
    r"loyers?|bail|bailleur|proprietaire|urssaf|impots?|fisc|sie|tresor|cfe|tva|banques?|pret|credit|emprunt|traites?|"
    r"echeances?|prelev\w*|rejet\w*|quitter|resili\w*|livr\w*|bilan|edf|engie|commandement|contrainte|mise en demeure)\b"
)


# Round 30 (retired v34, b2-091): a hearing before the family judge ("audience le 18 chez la JAF pour la garde des
# enfants"): a divorce or custody date (held-out decisions: vie_personnelle forbidding procedure_judiciaire), no threat to
# the business; its date counts only with another deadline word beside it (a loyer, the wages...).
_FAMILY_COURT = re.compile(
    r"\b(?:jaf|juges? aux affaires familiales|juges? des enfants)\b|\bgarde (?:des|de mes|de nos|du|de la) "
    r"(?:enfants?|gamins?|petits?|fils|fille)\b"
)
_HEARING_WORDS = re.compile(r"\b(?:audiences?|tribunal|juges?|magistrats?|convoqu\w*|assignation|jugement)\b")


def _only_a_family_hearing_dated(text: str) -> bool:
    """The clause's deadline words are only those of a hearing before the family judge (see _FAMILY_COURT)."""
    return bool(_FAMILY_COURT.search(text)) and not rules().signals.deadline_context.search(
        _HEARING_WORDS.sub(" ", text)
    )


def _only_a_private_creditor_dated(text: str) -> bool:
    """The clause's date is only what a supplier or a client wants paid by (see _PRIVATE_CREDITOR)."""
    return bool(_PRIVATE_CREDITOR.search(text)) and not _ENFORCED_OR_PUBLIC.search(_COURT_LATER.sub(" ", text))


# Round 32 (retired v36, fixu): the yearly local tax falling due on its day ("la CFE tombe au 15 décembre", "taxe
# foncière à payer le 15", "1 700 € de CFE exigibles au 15"), however short the days, is the tax's ordinary due date,
# no recovery step yet: every writer from v10 to v36 kept it normale (a real difficulty). A step of recovery beside it
# (an AMR, a formal notice, a penalty, a seizure, a bailiff, a court, the wages) keeps the date a deadline.
# Round 33 (retired v37, fixu): a reminder is no such step ("relancée par le Trésor pour la CFE, avant le 15 je n'aurai
# pas la somme"): the tax's reminders are normale for every writer (v9, v13, v16, v22, v23, v25, v37); a last one before
# prosecution still is.
_LOCAL_TAX = re.compile(r"\b(?:cfe|cotisations? foncieres?|taxes? foncieres?|foncier|avis d imposition)\b")
_TAX_RECOVERY = re.compile(
    r"\b(?:amr|avis de recouvrement|mise en demeure|majoration|majore\w*|penalit\w*|dernier (?:avis|delai|rappel)|"
    r"huissiers?|commissaires?|saisi\w*|atd|tiers detenteur|commandement|contrainte|poursuites?|bloqu\w*|coup\w*|"
    r"audiences?|tribunal|juges?|convoqu\w*|assign\w*|jugement|liquidation|salaires?|paies?|payes|salaries?|employes?|"
    r"urssaf|banques?|pret|credit|emprunt|traites?|prelev\w*|rejet\w*|expuls\w*|bail|bailleur|edf|engie)\b"
)


_OTHER_CREDITOR = re.compile(
    r"\b(?:loyers?|fournisseurs?|grossistes?|clients?|factures?|tva|urssaf|cotisations sociales|retraite|mutuelle|"
    r"assurances?|impot sur le revenu|solde d impots?|acomptes?)\b"
)


def _only_a_local_tax_dated(text: str) -> bool:
    """The clause's date is only the local tax's ordinary due date (see _LOCAL_TAX): no recovery step beside it, and
    when the tax is not named in the clause itself, no other creditor either."""
    if _TAX_RECOVERY.search(text):
        return False
    return bool(_LOCAL_TAX.search(text)) or not _OTHER_CREDITOR.search(text)


# Round 33 (retired v37, fixu): gas, water or power cut by works on the network for ten days or more without a break
# ("GRDF a coupé le gaz de la rue le 20 novembre ... ça fait seize jours", "depuis lundi c'est coupé pour dix jours",
# "depuis le 2 novembre on a plus de gaz ... on en est à cinq semaines") stops the trade that runs on it: haute (held-out
# decisions v6, v28, v37: cut power or gas haute; a continuous cut of ten days or more haute). A cut on and off ("coupés
# en journée, parfois trois jours de suite", "trois fois par semaine": retired v26, v37) stays normale, as utilities_cut
# reads it.
_SUPPLY = r"(?:gaz|eau|courant|electricite)"
_SUPPLY_CUT = re.compile(
    r"\b(?:coupee?s?|coupures?|plus de|plus d|pas de|pas d|sans|privee?s?)(?: (?:de|d|du|le|la|l|toute|tout|en))* "
    + _SUPPLY
    + r"\b|\b"
    + _SUPPLY
    + r"(?: \w+){0,5} coupee?s?\b|\bc est coupee?s?\b"
)
_NETWORK_WORKS = re.compile(
    r"\b(?:travaux|chantier|voirie|conduites?|canalisations?|reseaux?|grdf|enedis|veolia|suez|tranchees?|branchements?|"
    r"raccordements?|creus\w*|refont|refait)\b"
)
_NUMBER_OF = r"(\d{1,3}|" + "|".join(NUMBER_WORDS) + r")"
_UNIT_DAYS = {"jour": 1, "jours": 1, "semaine": 7, "semaines": 7, "mois": 30}
# A span the cut itself is given ("coupé pour dix jours", "coupée depuis trois semaines").
_CUT_FOR = re.compile(
    r"\bcoupee?s? (?:pour|pendant|depuis|durant)(?: (?:plus de|pres de|au moins))? "
    + _NUMBER_OF
    + r" (jours?|semaines?|mois)\b"
)
# A span said of the trouble beside it ("ça fait seize jours", "on en est à cinq semaines", "depuis trois semaines").
_LASTED = re.compile(
    r"\b(?:ca fait|cela fait|voila|on en est a|depuis|ca dure depuis)(?: (?:plus de|pres de|bientot|deja|au moins))? "
    + _NUMBER_OF
    + r" (jours?|semaines?|mois)\b"
)
_SINCE_DAY = re.compile(r"\bdepuis le (\d{1,2}|1er) (" + "|".join(MONTHS_FOLDED) + r")\b")
_ON_AND_OFF = re.compile(
    r"\b(?:en journee|parfois|par intermittence|a repetition|de temps en temps|par moments|par periodes|tours? d eau|"
    r"delestages?|\w+ fois (?:par|cette|la|dans|ce|en)|jours? sur (?:deux|trois|quatre|\d+)|certains jours|"
    r"(?:jours?|matinees?|nuits?|heures?) par (?:jour|semaine|mois))\b"
)
_LONG_CUT_DAYS = 10


# Round 36 (retired v40, fixu): a day to answer by ("je dois y répondre avant le 14", "mes observations à envoyer d'ici
# le 12", "contester avant vendredi"): a letter to write, no threat carried out that day; a payment, a court, a seizure
# or any other word of a deadline beside it still counts.
_ANSWER_BY = re.compile(
    r"\b(?:repondre|reponse|(?:faire|envoyer|presenter|formuler|donner) (?:mes|nos|des|les|ses) (?:observations|remarques|"
    r"justificatifs|explications)|observations|contester|justifier|fournir (?:les|mes|des) (?:justificatifs|pieces|"
    r"documents))\b"
)
_ANSWER_DATE_WORDS = re.compile(r"\b(?:avant|delai|date limite|limite|echeances?)\b")


def _only_an_answer_dated(text: str) -> bool:
    """The clause's only deadline words are those of an answer to send by a day (_ANSWER_BY)."""
    if not _ANSWER_BY.search(text):
        return False
    rest = _ANSWER_DATE_WORDS.sub(" ", _ANSWER_BY.sub(" ", text))
    return not rules().signals.deadline_context.search(rest)


def _days_of(number: str, unit: str) -> int:
    count = int(number) if number.isdigit() else NUMBER_WORDS[number]
    return count * _UNIT_DAYS[unit]


def _works_cut_lasting(text: str, today: date) -> bool:
    """The normalised message tells a gas, water or power cut by works that has lasted, or is set to last, ten days or
    more without a break (see _SUPPLY_CUT)."""
    if not _SUPPLY_CUT.search(text) or not _NETWORK_WORKS.search(text):
        return False
    if any(_days_of(m.group(1), m.group(2)) >= _LONG_CUT_DAYS for m in _CUT_FOR.finditer(text)):
        return True
    if _ON_AND_OFF.search(text):
        return False
    if any(_days_of(m.group(1), m.group(2)) >= _LONG_CUT_DAYS for m in _LASTED.finditer(text)):
        return True
    for m in _SINCE_DAY.finditer(text):
        day = 1 if m.group(1) == "1er" else int(m.group(1))
        month = MONTHS_FOLDED.index(m.group(2)) + 1
        with suppress(ValueError):
            since = date(today.year - ((month, day) > (today.month, today.day)), month, day)
            if (today - since).days >= _LONG_CUT_DAYS:
                return True
    return False


# Round 33 (retired v37, fixu): the van or the car stolen, broken into or wrecked on the road, tools and all ("on m'a
# volé le camion avec toutes les machines", "fourgon forcé cette nuit, ils ont pris la sertisseuse", "un poids lourd a
# percuté mon plateau, le camion est détruit"): the insurer to answer, normale for the writers whatever work it stops
# (development sin-03; v10, v24, v28, v37; held-out decisions v28: a stolen van is sinistre with any_of, "a workshop burnt
# or a roof torn off haute"). A fire, water or a storm, or the premises struck or burgled, keep the damage rules.
_VEHICLE = (
    r"(?:camion|camionnette|fourgon|fourgonnette|vehicule|utilitaire|voiture|van|plateau|depanneuse|remorque|bateau)s?"
)
_VEHICLE_LOSS = re.compile(
    r"\b(?:vol|vole|volee|voles|voleurs?|cambriol\w*|braqu\w*)\b(?: \w+){0,6} (?:le |la |l |mon |ma |du |de |d )?"
    + _VEHICLE
    + r"\b|\b"
    + _VEHICLE
    + r"\b(?: \w+){0,4} (?:vole|volee|voles|cambriole|cambriolee|force|forcee|fracture|fracturee|vandalise|vandalisee|"
    r"visite|pille|percute|percutee|embouti|emboutie|accroche|accrochee)\b"
    r"|\b(?:accrochage|collision|carambolage|sortie de route|accident (?:de la route|de voiture|de camion|avec))\b"
    r"|\b(?:percute|percutee|embouti|emboutie|accroche|accrochee) (?:mon|ma|le|la|notre) " + _VEHICLE + r"\b"
)
_OTHER_DAMAGE = re.compile(
    r"\b(?:incendies?|feu|brule\w*|crame\w*|flammes?|inond\w*|crues?|eau|tempetes?|orages?|grele|vent|mistral|"
    r"cyclone|effondr\w*|explos\w*|fuite)\b"
    r"|\b(?:percute|percutee|embouti|emboutie|defonce|enfonce|traverse|fonce dans|rentre dans|cambriole|cambriolee|"
    r"cambriolage de|cambriolage du|force|forcee|fracture|fracturee)(?: \w+){0,2} (?:devanture|vitrine|facade|terrasse|"
    r"boutique|magasin|atelier|local|salon|entrepot|hangar|labo|laboratoire|fournil|restaurant|commerce|porte|rideau)\b"
    r"|\b(?:devanture|vitrine|facade|boutique|magasin|atelier|local|salon|entrepot|hangar|labo|fournil|restaurant|"
    r"commerce)(?: \w+){0,3} (?:cambriole|cambriolee|pille|pillee|saccage|saccagee|vandalise|vandalisee)\b"
)
# The rules of damage that a loss of the vehicle alone does not raise.
_DAMAGE_RULES = frozenset({"work_stopped_by_damage", "premises_destroyed", "recent_damage", "roof_gone"})
# Round 36 (retired v40, fixu): damage told with a month over four weeks ago or more ("en octobre la coulée de boue a
# pris l'atelier" said in December, "fin septembre la crue"): months on, the insurer slow, a real difficulty, no
# workshop destroyed in the days to come (as the seasons and "il y a deux mois" of _LONG_PAST).
_DAMAGE_MONTH = re.compile(
    r"\b(?:en|debut|fin|mi|courant|depuis) (" + "|".join(MONTHS_FOLDED) + r")\b(?! (?:prochain|prochaine)\b)"
)
_DAMAGE_GONE_DAYS = 28


def _damage_months_ago(text: str, today: date) -> bool:
    """The clause dates its damage by a month that ended `_DAMAGE_GONE_DAYS` or more before `today`, less than half a
    year ago ("en octobre" said on 5 December; "en mars", rather one to come, is none)."""
    for match in _DAMAGE_MONTH.finditer(text):
        month = MONTHS_FOLDED.index(match.group(1)) + 1
        if month == today.month:
            continue
        year = today.year if month < today.month else today.year - 1
        ended = date(year + month // 12, month % 12 + 1, 1)
        if _DAMAGE_GONE_DAYS <= (today - ended).days < _HALF_A_YEAR_DAYS:
            return True
    return False


_ASKS_WHAT_IF = re.compile(
    r"\b(?:se passe|se passerait|arrive|arriverait|je fais|on fait|je me demande|quoi|risque\w*)\b"
)


def _before_hypothesis(clause: Clause) -> str:
    """The clause up to where a condition opens ("si", "s'il", "au cas où"); whole when none does, as after
    "même si" (a concession: "même si je paie pas tout") or "si ça continue" (a trend already here)."""
    start = _condition_start(clause)
    return clause.text if start is None else clause.text[:start]


def _only_supposed(clause: Clause, hits: list[_Hit]) -> bool:
    """The clause names its difficulties only inside a condition: "je ne sais pas ce que je ferai si la
    banque ne me suit pas" anticipates; "l'URSSAF me relance, si je paie pas ils majorent" does not."""
    start = _condition_start(clause)
    spotted = [hit for hit in hits if not hit.learned]
    return start is not None and bool(spotted) and all(hit.start >= start for hit in spotted)


def _max_level(*levels: str | None) -> str | None:
    present = [level for level in levels if level is not None]
    return max(present, key=_RANK.__getitem__) if present else None


@dataclass(frozen=True)
class Assessment:
    categories: tuple[str, ...] = ()
    urgency: str | None = None
    distress: bool = False
    overwhelm: bool = False
    reasons: dict[str, list[str]] = field(default_factory=dict)
    # Graduated detection (triage/distress.py): 1 explicit, 2 indirect warning sign, 3 ambiguous
    # distress (ask directly), None without sign; the strongest seen in the conversation.
    distress_level: int | None = None
    distress_signs: tuple[str, ...] = ()  # rule ids that fired, in order: what logs may record
    bereaved: bool = False  # someone close died by suicide: the 3114 is for them too
    # Someone close writes about another person's signs ("je vous écris pour mon mari, il m'a dit qu'il voulait en
    # finir"): that person, in the writer's words ("mon mari"; RELATIVE when unnamed), while no sign is the writer's.
    person_at_risk: str | None = None

    def to_slots(self) -> dict[str, Any]:
        return {
            "difficulty_categories": list(self.categories),
            "urgency": self.urgency,
            "distress": self.distress,
            "triage_reasons": {key: list(values) for key, values in self.reasons.items()},
            "distress_level": self.distress_level,
            "distress_signs": list(self.distress_signs),
            "person_at_risk": self.person_at_risk,
        }

    @classmethod
    def from_slots(cls, slots: Mapping[str, Any]) -> Assessment | None:
        """Rebuild the previous assessment from Rasa slot values; None when nothing was assessed yet."""
        categories = tuple(c for c in (slots.get("difficulty_categories") or []) if c in CATEGORIES)
        urgency = slots.get("urgency") if slots.get("urgency") in URGENCY_LEVELS else None
        distress = slots.get("distress") is True
        raw_reasons = slots.get("triage_reasons")
        reasons = {
            str(key): [str(v) for v in values]
            for key, values in (raw_reasons.items() if isinstance(raw_reasons, Mapping) else ())
            if isinstance(values, (list, tuple))
        }
        level = slots.get("distress_level")
        level = int(level) if isinstance(level, (int, float)) and int(level) in (1, 2, 3) else None
        signs = tuple(str(s) for s in (slots.get("distress_signs") or []) if isinstance(s, str))
        if not categories and urgency is None and not distress and level is None:
            return None
        person = slots.get("person_at_risk")
        return cls(
            categories, urgency, distress, False, reasons, level, signs, person_at_risk=person if person else None
        )

    def restatement(self, say_urgency: bool = True, claimant: bool = False) -> str | None:
        """ "Si je comprends bien, vous faites face à ... et à ..." (at most two sentences; the second notes a high
        urgency unless ``say_urgency`` is false, when the caller says it otherwise). ``claimant``: the artisan goes to
        court (guidance.facts.goes_to_court_as_claimant): "à un litige à porter devant la justice", not a procedure."""
        if not self.categories:
            return None
        categories = [rules().categories[code] for code in self.categories]
        categories = [category.for_claimant() for category in categories] if claimant else categories
        if self.urgency == "basse":
            topics = _join([category.topic for category in categories])
            return f"Si je comprends bien, vous vous renseignez par anticipation, concernant {topics}."
        sentence = f"Si je comprends bien, vous faites face {_join([c.label for c in categories])}."
        if self.urgency == "haute" and say_urgency:
            sentence += " Je note que c'est urgent."
        return sentence


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " et " + parts[-1]


@dataclass
class _Hit:
    owner: str
    start: int
    end: int
    weak: bool
    negated: bool
    clause: Clause
    order: tuple[int, int, int]  # message, clause, position: first mention first
    learned: str = ""  # set when the model added the category: the words that made it think so
    unless: re.Pattern[str] | None = None  # the cue's other sense: it does not count where this matches


def _negated(clause: Clause, start: int, end: int) -> bool:
    signals = rules().signals
    before, after = clause.text[:start], clause.text[end:]
    if signals.negation_before.search(before):
        return True
    # "aucune dette ni à l'URSSAF ni aux impôts": "ni" continues a negation of existence; not after an
    # inability ("je n'arrive plus à payer le grossiste ni le loyer": the rent cannot be paid either).
    if (
        signals.negation_ni.search(before)
        and signals.existence_negator.search(before)
        and not signals.inability_before_ni.search(before)
    ):
        return True
    return bool(signals.reassurance_after.match(after))


def _scan(cue: Cue, clause: Clause, order: tuple[int, int]) -> Iterable[_Hit]:
    for match in cue.regex.finditer(clause.text):
        negated = cue.negatable and _negated(clause, match.start(), match.end())
        yield _Hit(
            cue.owner, match.start(), match.end(), cue.weak, negated, clause, (*order, match.start()), unless=cue.unless
        )


def _relatives_health(hits: list[_Hit], owner: str | None = None) -> list[_Hit]:
    """A health word whose subject is a relative is a life event of the artisan's, not their own health; unless that
    relative is the artisan someone close writes for (``owner``, a folded kin word: "mari")."""
    signals = rules().signals
    kept = []
    for hit in hits:
        if hit.owner == "vie_personnelle" and owner is not None:
            # "ma femme est hospitalisée" written for her: the artisan's own health.
            span = hit.clause.text[hit.start : hit.end]
            named = signals.relative_subject.search(span)
            if named and _is_owner(named.group(0), owner) and health_words(span):
                hit.owner = "sante"
        if hit.owner != "sante":
            kept.append(hit)
            continue
        before = hit.clause.text[: hit.start]
        employees = list(signals.employee_subject.finditer(hit.clause.text[: hit.end]))
        if employees and not signals.first_person.search(
            signals.first_person_not_subject.sub(" ", hit.clause.text[employees[-1].end() : hit.end])
        ):
            continue  # "mon ouvrier est arrêté par son médecin": the business's trouble, not the artisan's health
        if signals.employee_after.search(hit.clause.text[hit.end :]):
            continue  # "fracture du bras pour mon apprenti": the employee's, named after the word (round 22)
        kept.append(hit)
        after = signals.relative_after.search(hit.clause.text[hit.end :])
        if after:
            # "un infarctus l'a terrassé" names no one: with an artisan written for, the one struck is that artisan.
            pronoun_only = signals.relative_subject.search(after.group(0)) is None
            if not _is_owner(after.group(0), owner) and not (pronoun_only and owner is not None):
                hit.owner = "vie_personnelle"  # "AVC de ma femme en novembre"
            continue
        relatives = list(signals.relative_subject.finditer(before))
        if not relatives or _is_owner(relatives[-1].group(0), owner):
            continue
        between = signals.first_person_not_subject.sub(" ", before[relatives[-1].end() :])
        last_first = max((m.end() for m in signals.first_person.finditer(between)), default=None)
        # "mon oncle m'a tout appris, je bosse avec lui, il est hospitalisé": the last subject before the word is the
        # relative again ("il", "elle"), whatever the artisan said of themself in between.
        last_third = max((m.end() for m in signals.third_person_subject.finditer(between)), default=None)
        if last_first is not None and (last_third is None or last_third < last_first):
            continue
        # "ce n'est pas ma femme qui est malade, c'est moi": the relative is denied, the illness is theirs.
        if not _negated(hit.clause, relatives[-1].start(), relatives[-1].end()):
            hit.owner = "vie_personnelle"
    return kept


def _is_owner(relative_words: str, owner: str | None) -> bool:
    """Whether the relative named ("ma femme", "papa") is the artisan someone close writes for."""
    if owner is None:
        return False
    # Round 29 (retired v33, b2-015, b2-094): the spouse introduced as "mon époux tient un salon", then "mon mari est
    # tombé": one person named by two words.
    same = {
        "papa": "pere",
        "maman": "mere",
        "epoux": "mari",
        "epouse": "femme",
        "conjoint": "mari",
        "conjointe": "femme",
    }
    words = relative_words.rsplit(maxsplit=1)[-1]
    last = owner.split()[-1]
    return same.get(words, words) == same.get(last, last)


def _someone_elses_health(text: str) -> bool:
    """A clause about an employee's or a relative's health, with no first person in it."""
    signals = rules().signals
    if not (signals.employee_subject.search(text) or signals.relative_subject.search(text)):
        return False
    return not signals.first_person.search(signals.first_person_not_subject.sub(" ", text))


def _other_sense(hits: list[_Hit], clauses: list[Clause], set_aside: set[str] | None = None) -> list[_Hit]:
    """Drop the hits of two-sense words whose other domain the message speaks of; their owners go into `set_aside`."""
    kept = [hit for hit in hits if hit.unless is None or not any(hit.unless.search(c.text) for c in clauses)]
    if set_aside is not None:
        kept_ids = {id(hit) for hit in kept}
        set_aside.update(hit.owner for hit in hits if id(hit) not in kept_ids)
    return kept


def _category_hits(clause: Clause, order: tuple[int, int], denied: set[str] | None = None) -> list[_Hit]:
    """Category evidence of one clause: the longest match wins where patterns overlap (idioms).
    Categories whose words were there but denied ("pas de souci avec la banque") go into `denied`."""
    kept, seen_denied = _clause_evidence(clause)
    if denied is not None:
        denied.update(seen_denied)
    return [
        _Hit(owner, start, end, weak, False, clause, (*order, start), unless=unless)
        for owner, start, end, weak, unless in kept
    ]


# The urgency rules' reading of a clause that depends on its text alone, scanned once like its evidence below (issue 18:
# every message is read again at each turn). Bounded.
@lru_cache(maxsize=16384)
def _urgency_candidates(clause: Clause) -> tuple[tuple[int, tuple[tuple[tuple[int, int], ...], ...]], ...]:
    """For each urgency rule whose context the clause has and whose exceptions it has not, in the rules' order: its
    index and, per cue, the spans of the cue's words neither negated nor inside a not-difficulty."""
    # "j'ai saisi la médiation du crédit" is no seizure: not-difficulties cancel rules too.
    neutral = [m.span() for m in rules().signals.not_difficulties.finditer(clause.text)]
    candidates = []
    for rule_index, rule in enumerate(rules().urgency_rules):
        if rule.context is not None and not rule.context.search(clause.text):
            continue
        if rule.unless is not None and rule.unless.search(clause.text):
            continue
        cues = tuple(
            tuple(
                (hit.start, hit.end)
                for hit in _scan(cue, clause, (0, 0))
                if not hit.negated and not any(start < hit.end and hit.start < end for start, end in neutral)
            )
            for cue in rule.cues
        )
        candidates.append((rule_index, cues))
    return tuple(candidates)


# A clause's evidence depends on its text alone (the rules are fixed for the process), and the action server's
# triage reads every message of the conversation again at each turn: each clause is scanned once. Bounded.
@lru_cache(maxsize=16384)
def _clause_evidence(
    clause: Clause,
) -> tuple[tuple[tuple[str, int, int, bool, re.Pattern[str] | None], ...], frozenset[str]]:
    """(owner, start, end, weak, unless) of the clause's hits kept and not negated, in _category_hits' order; the
    categories seen denied."""
    order = (0, 0)  # _category_hits stamps the caller's own; (*order, start) never decides here
    hits = [
        hit for category in rules().categories.values() for cue in category.cues for hit in _scan(cue, clause, order)
    ]
    # Not-difficulties take part in the overlap contest like idioms, then vanish (negated).
    hits += [
        _Hit("", m.start(), m.end(), False, True, clause, (*order, m.start()))
        for m in rules().signals.not_difficulties.finditer(clause.text)
    ]
    hits.sort(key=lambda hit: (hit.start - hit.end, hit.start))
    kept: list[_Hit] = []
    for hit in hits:
        if not any(hit.start < other.end and other.start < hit.end for other in kept):
            kept.append(hit)
    return (
        tuple((hit.owner, hit.start, hit.end, hit.weak, hit.unless) for hit in kept if not hit.negated),
        # Only words that won their place: a negated word inside a longer phrase ("pas d'échéance précise", a
        # not-difficulty) denies nothing.
        frozenset(hit.owner for hit in kept if hit.negated and hit.owner),
    )


def _learned_hits(text: str, clauses: list[Clause], index: int, by_rules: set[str], denied: set[str]) -> list[_Hit]:
    """Categories the learned model (triage/model.py) finds in the message and the rules did not.

    Rules stay authoritative where they spoke: a category they found, or whose words they saw denied
    ("ce n'est pas les travaux"), is not the model's to add; "autre" is only a last resort. The reason
    quotes the clause that looks most like the category and the words that weighed most."""
    fitted = model()
    if fitted is None or not clauses:
        return []
    alone, beside_rules = thresholds()
    specific = {code for code in by_rules if code != "autre"}
    # Beside what the rules found (even "autre": they saw a difficulty), the model must be surer.
    threshold = beside_rules if by_rules else alone
    found = {code: p for code, p in fitted.predict(text, threshold).items() if code not in by_rules | denied}
    # The rules' only reading was a phrase that is no difficulty (a VAT-rate question, a question about the service:
    # round 21): the message is explained, the model's lone guess is not wanted.
    # Round 32 (retired v36, fixc): a question still, when thanks or a greeting follow its mark ("... ou 20 ? Merci").
    asked = text.rstrip().endswith("?") or bool(_THANKS_AFTER_QUESTION.search(text))
    explained = asked and any(rules().signals.not_difficulties.search(c.text) for c in clauses)
    if not by_rules and not found and not explained:
        found = _best_alone(fitted, text, denied)
    # Round 27 (retired v31): a one-clause question the rules read as no difficulty only ("le fisc et ma banque vont voir
    # ce que j'écris ici ?"): the bodies it names are no difficulty for the model either.
    if explained and not by_rules and len(clauses) == 1:
        return []
    # A relative's illness is vie_personnelle, one's own is sante: the rules read whose it is.
    for pair in corpus().exclusive:
        if pair & specific:
            for code in pair - specific:
                found.pop(code, None)
    if specific or any(code != "autre" for code in found):
        found.pop("autre", None)
    if not found:
        return []
    by_clause = fitted.probabilities([clause.text for clause in clauses], normalised=True)
    hits = []
    for code in sorted(found, key=found.__getitem__, reverse=True):
        column = fitted.codes.index(code)
        best = max(range(len(clauses)), key=lambda i: by_clause[i][column])
        clause = clauses[best]
        terms = fitted.evidence(clause.text, code)
        spans = [span for span in (_find(clause, term) for term in terms) if span]
        # Words inside a phrase that is no difficulty ("j'ai repris l'entreprise de mon père") weigh nothing.
        neutral = _overlapping_spans(rules().signals.not_difficulties, clause.text)
        spans = [span for span in spans if not any(start <= span[0] and span[1] <= end for start, end in neutral)]
        # Only words of time to point at ("le 14, avant j'ai des banquets tous les jours", round 7, r7a-09: "banque"
        # from the letters of "banquets", quoted as « avant », « les jours »): a moment said, no difficulty.
        # Nor only grammar ("papa dit qu'il veut plus se réveiller" read as banque from « veut plus », « dit qu »:
        # round 14): words that name no difficulty.
        if terms and all(_only_time(term) or _only_grammar(term) for term in terms):
            continue
        # Nor only whom the message is for ("c'est pour mon père", "je viens pour ma femme, elle est coiffeuse": round
        # 30, read as vie_personnelle from « père », « ma femme », « viens »): a relative introduced, no difficulty.
        if terms and all(_only_who(term) for term in terms) and _only_introduces(clause.text):
            continue
        # Round 33 (retired v37, fixc): nor a life event read from « compagnon » alone, a partner or the journeyman of the
        # trade, beside a place of work or a time ("je cède l'atelier à mon compagnon", "mon compagnon fait le marché
        # depuis l'été"): a person and a place, not what happened to them. Other kin words keep the model's reading (a
        # father in a care home, a husband in custody are told by words the corpus has not seen).
        if code == "vie_personnelle" and _only_a_companion(terms):
            continue
        # No content word to point at ("je suis à Nice"): nothing to explain, nothing to add.
        # "ce n'est pas les travaux, ...": the words that made the model think so are denied.
        if not spans or _negated(clause, *spans[0]):
            continue
        # What is left once the no-difficulty phrases are set aside is only time and grammar ("avant de" beside a
        # question whether the URSSAF receives what is typed here: round 21; « avant » beside "le soir je fais les
        # devis", said, not asked: round 26, r26a-03).
        if neutral and all(_time_and_grammar(clause.text[start:end]) for start, end in spans):
            continue
        # Round 36 (retired v40, fixc): read up to the last word the model pointed at, so that the employer speaking of
        # themself afterwards ("ma coiffeuse, arrêt maladie, je fais tout") does not make the employee's leave theirs.
        if code == "sante" and _someone_elses_health(clause.text[: max(end for _, end in spans)]):
            continue  # "mon vendeur s'est cassé le poignet" (development v14): the rules read whose health it is
        words = [" ".join(clause.source[slice(*clause.source_span(*span))].split()) for span in spans]
        learned = ", ".join(f"« {word} »" for word in words)
        hits.append(_Hit(code, 0, len(clause.text), False, False, clause, (index, best, 0), learned))
    return hits


_TIME_WORDS = frozenset(
    [
        "avant",
        "apres",
        "jour",
        "jours",
        "journee",
        "semaine",
        "semaines",
        "cette",
        "ce",
        "mois",
        "an",
        "ans",
        "annee",
        "annees",
        *WEEKDAYS,
        "demain",
        "hier",
        "aujourd",
        "hui",
        "matin",
        "matins",
        "soir",
        "soirs",
        "midi",
        "heure",
        "heures",
        "h",
        "tous",
        "toutes",
        "les",
        "le",
        "la",
        "l",
        "chaque",
        "fin",
        "debut",
        "prochain",
        "prochaine",
        "dernier",
        "derniere",
        "week",
        "end",
        "quinze",
        "huit",
    ]
)


# Pronouns, auxiliaries, modals, negations and small words: what any sentence is made of.
_GRAMMAR = (
    "je j tu il elle on nous vous ils elles me m te t se s lui leur y en qu que qui quoi ce c ca cela "
    "veut veux voulait voudrait peut peux pouvait pourrait dit dis disait fait fais est sont etait suis ai as a "
    "ont avait va vais vont plus pas jamais rien ne n et ou mais donc alors si de d du des un une"
)
_GRAMMAR_WORDS = frozenset(_GRAMMAR.split())


def _only_grammar(term: str) -> bool:
    """A term of the model's evidence made of grammar words only ("veut plus", "dit qu")."""
    return all(word in _GRAMMAR_WORDS for word in term.split())


# Kin, possessives and the verbs of writing for someone: words that say whom a message is about, never what happens.
_WHO = (
    "mon ma mes son sa ses notre nos votre vos pour viens vient venais ecris ecrit ecrire appelle "
    "mari femme epoux epouse conjoint conjointe compagnon compagne pere mere papa maman parents fils fille enfants "
    "frere soeur beau belle oncle tante cousin cousine ami amie copain copine voisin voisine"
)
_WHO_WORDS = _GRAMMAR_WORDS | frozenset(_WHO.split())


def _only_who(term: str) -> bool:
    """A term of the model's evidence that only says whom the message is about ("mon père", "ma femme", "viens")."""
    return all(word in _WHO_WORDS for word in term.split())


def _learned_from_a_sign(hit: _Hit, signs: Sequence[Sign]) -> bool:
    """A model's sante or vie_personnelle read from the very clause a sign of suicide risk (level 1 or 2) quotes."""
    if not hit.learned or hit.owner not in ("sante", "vie_personnelle"):
        return False
    clause = hit.clause
    words = " ".join(clause.source[slice(*clause.source_span(0, len(clause.text)))].split())
    for sign in signs:
        if sign.level > 2:
            continue
        quoted = " ".join(sign.quote.replace("…", " ").split())
        if len(quoted) >= 15 and (quoted[:40] in words or words[:40] in quoted):
            return True
    return False


_PLACE_OR_TIME = (
    "atelier ateliers boutique magasin salon labo fournil garage chantier chantiers outils etablis "
    "depuis ete hiver automne printemps"
)
_PLACE_OR_TIME_WORDS = frozenset(_PLACE_OR_TIME.split())


def _only_a_companion(terms: list[str]) -> bool:
    """The model's evidence names only « compagnon » (or « compagne »), places of work and times."""
    words = {word for term in terms for word in term.split()}
    return (
        bool(words & {"compagnon", "compagne"})
        and not words & (_WHO_WORDS - _GRAMMAR_WORDS - {"compagnon", "compagne", "mon", "ma", "mes", "notre", "nos"})
        and all(_only_who(term) or _place_or_time(term) for term in terms)
    )


def _place_or_time(term: str) -> bool:
    """A term of the model's evidence that only names a place of work, its tools or a time ("atelier", "depuis ete")."""
    return all(
        word in _PLACE_OR_TIME_WORDS or word in _TIME_WORDS or word in _GRAMMAR_WORDS or word.isdigit()
        for word in term.split()
    )


_INTRODUCING = frozenset(["c", "euh", "en", "fait", "bonjour", "bonsoir", "salut", "ici"])


def _only_introduces(clause_text: str) -> bool:
    """The clause says only who writes for whom, their trade and their town ("j'écris pour mon frère, il est maçon à
    Lorient"); a death, a business, papers ("mon frère ... vient de décéder, je gère les papiers") are more."""
    from places.resolve import names_a_known_town

    rest = [
        word
        for word in re.findall(r"\w+", clause_text)
        if word not in _WHO_WORDS and word not in _INTRODUCING and word not in _trade_words()
    ]
    return all(names_a_known_town(word) is not None for word in rest)


def _only_time(term: str) -> bool:
    """A term of the model's evidence made of words of time and numbers only ("avant", "les jours", "le 14")."""
    return all(word in _TIME_WORDS or word.isdigit() for word in term.split())


def _time_and_grammar(term: str) -> bool:
    """A term made of words of time, numbers and grammar words only ("avant de", "le 3 du")."""
    return all(word in _TIME_WORDS or word.isdigit() or word in _GRAMMAR_WORDS for word in term.split())


# Round 36 (retired v40, fixu): the prepositions of a span ("10 jours pour la pièce", "pendant 3 semaines"): for the
# urgency model's haute, still no threat word. Only beside a number or a unit of time in the same term: "pour" alone or
# "rien pour" ("plus rien pour bosser", retired v11) is what the model read, no span. "sous" is none: "sous 10 jours"
# is a delay given to pay or to leave, not how long a repair takes (fixr, after the compare on every development set).
_SPAN_WORDS = frozenset({"pour", "dans", "pendant", "durant"})
_SPAN_UNITS = frozenset(
    {"jour", "jours", "semaine", "semaines", "mois", "an", "ans", "annee", "annees", "heure", "heures"}
)


def _time_span_and_grammar(term: str) -> bool:
    """A term made of words of time, numbers, grammar words and a span's prepositions only ("jours pour"), a
    preposition only beside a number or a unit of time ("pour" or "rien pour" alone are not)."""
    words = term.split()
    if not any(word in _SPAN_WORDS for word in words):
        return _time_and_grammar(term)
    return all(word in _SPAN_WORDS or _time_and_grammar(word) for word in words) and any(
        word.isdigit() or word in NUMBER_WORDS or word in _SPAN_UNITS for word in words
    )


def _overlapping_spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Every match's span, overlapping ones included (finditer would skip a phrase inside another's)."""
    spans, position = [], 0
    while (match := pattern.search(text, position)) is not None:
        spans.append(match.span())
        position = match.start() + 1
    return spans


def _best_alone(fitted: learned_model.CategoryModel, text: str, denied: set[str]) -> dict[str, float]:
    """Where the rules saw nothing, the model's single best category when it clearly leads.

    Words the corpus never saw ("la moitié de mes clientes est partie") give honest but low
    probabilities: below the threshold for adding categories freely, yet the best one is usually
    right. One category only, and only when it stands well above the second."""
    difficulty, floor, margin = best_alone_threshold()
    if fitted.difficulty(text) < difficulty:
        return {}
    ranked = sorted(fitted.predict(text, 0.0).items(), key=lambda item: -item[1])
    if not ranked or ranked[0][0] in denied or ranked[0][0] == "autre":
        return {}
    best, probability = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    return {best: probability} if probability >= floor and probability >= margin * runner_up else {}


def rule_categories(text: str) -> set[str]:
    """What the rules alone find in one message (the model's negatives must have none)."""
    denied: set[str] = set()
    clauses = split_clauses(text)
    hits = [hit for clause in clauses for hit in _category_hits(clause, (0, 0), denied)]
    return {hit.owner for hit in _relatives_health(_other_sense(hits, clauses))}


learned_model.use_rules(rule_categories)


# Trips for someone's care ("les allers-retours à l'hôpital", "sur la route de l'hôpital", "à son chevet") and the
# treatments the artisan says are theirs ("ma chimio", "mes séances"): normalised text.
_CARE_TRIPS = re.compile(
    r"\b(?:allers? (?:et )?retours?|(?:route|chemin|trajets?|navettes?) (?:de|d|vers|pour) (?:l hopital|la clinique|le chu"
    r"|la chimio)|(?:au|a son|a leur) chevet|(?:accompagner|accompagne|emmener|emmene|conduire|conduis) (?:\w+ )?(?:a|aux|au)"
    r" (?:l hopital|la clinique|chimio|la chimio|ses|leurs|rendez vous|rdv|seances|soins|traitements?))\b"
)
# The sante words that are the care itself, not the state of the one who gives it ("je suis épuisé" beside the trips
# stays the artisan's own health).
_CARE_WORDS = re.compile(
    r"\b(?:hopita\w*|hospitali\w*|clinique|chu|chimio\w*|traitements?|seances?|soins|rayons|radiotherapie|dialyses?|"
    r"operations?|opere\w*|greffe|urgences|reanimation|chevet|rendez vous|rdv|oncolog\w*|examens?)\b"
)
_OWN_CARE = re.compile(
    r"\b(?:mes|ma|mon) (?:chimio\w*|traitements?|seances?|soins|rayons|radiotherapie|dialyses?|operation|greffe)\b"
)


# A stop said with its start weeks or months back (normalised text).
_LONG_STOP = re.compile(
    r"\bdepuis(?: \w+){0,4}? (?:semaines?|mois|quinze jours|une quinzaine|\d\d+ jours|janvier|fevrier|mars|avril|mai|juin"
    r"|juillet|aout|septembre|octobre|novembre|decembre|l ete|le printemps|l automne|l hiver|la rentree|noel)\b"
)


def health_words(text: str) -> bool:
    """A health word of the rules, not denied, whoever's health it is: the artisan's (sante) or a relative's
    ("ma femme a un cancer", a life event of the artisan's, vie_personnelle). Health data all the same (RGPD art. 9)."""
    health_cues = rules().categories["sante"].cues
    clauses = split_clauses(text)
    for clause in clauses:
        # A two-sense word in its other sense is none (round 26, r26b-14: "taxi conventionné ... la CPAM me paie plus",
        # not health for the triage, was withheld from the case as health, and no consent was ever asked for it).
        hits = _other_sense(_category_hits(clause, (0, 0)), clauses)
        kept = [hit for hit in hits if hit.owner in ("sante", "vie_personnelle")]
        if any(hit.owner == "sante" for hit in kept):
            return True
        # A relative's illness may be a longer vie_personnelle pattern ("ma femme a un cancer") that won the overlap.
        spans = [match.span() for cue in health_cues for match in cue.regex.finditer(clause.text)]
        if any(hit.start < end and start < hit.end for hit in kept for start, end in spans):
            return True
    return False


def names_a_difficulty(text: str) -> bool:
    """Whether the message alone names a difficulty the triage knows (a category other than "autre")."""
    return any(category != "autre" for category in assess([text]).categories)


def _find(clause: Clause, term: str) -> tuple[int, int] | None:
    """Where a normalised term ("devis signe") sits in the clause, on whole words."""
    position = f" {clause.text} ".find(f" {term} ")
    return (position, position + len(term)) if position >= 0 else None


def _quote(clause: Clause, start: int, end: int) -> str:
    return f"« {clause.quote(start, end)} »"


def _in_days(days: int) -> str:
    if days == 0:
        return "aujourd'hui"
    if days == 1:
        return "demain"
    return f"dans {days} jours"


def _add_reason(reasons: dict[str, list[str]], key: str, text: str) -> None:
    bucket = reasons.setdefault(key, [])
    if text not in bucket and len(bucket) < MAX_REASONS_PER_KEY:
        bucket.append(text)


def detect_distress(text: str) -> bool:
    """True when the text speaks of a risk to the writer's life or safety: a level 1 or 2 sign
    (the NLU crisis guard uses this, so that the guard and the slots never disagree)."""
    level = distress_level(text)
    return level is not None and level <= INDIRECT


def detect_overwhelm(text: str) -> bool:
    """Stress, exhaustion, discouragement ("je n'en peux plus") without a risk to life."""
    level = distress_level(text)
    if level is not None and level <= INDIRECT:
        return False
    return level == AMBIGUOUS or _overwhelmed(split_clauses(text))


# Round 12 (r12b-14): the writer's worry around the other's words ("ce qui me fait peur c'est qu'il dit qu'il aimerait
# aller rejoindre maman", "ça m'inquiète, il dit...") made the sign the writer's own: the daughter was asked whether she
# was safe. Set aside like the rule table's reporting frames, the words left are about him alone.
_WORRY_FRAMES = re.compile(
    r"\b(?:ce qui |ca |cela |et ca |et cela )?(?:me|m) (?:fait|fais) (?:peur|flipper|paniquer|mal au coeur)(?: c est)?|"
    r"\b(?:ce qui |ca |cela )?m (?:inquiete|angoisse|effraie|fait peur)(?: c est)?|\bj ai (?:tres |super |vraiment )?peur|"
    r"\bje (?:m inquiete|crains|redoute)|\ble pire c est|\bce qui me (?:fait peur|tracasse|travaille) c est"
)
_OTHER_SUBJECT = re.compile(r"\b(?:lui|eux|papa)\b")
_WRITER_LEFT = re.compile(r"\b(?:je|j|moi|me|m|ma vie|mon corps)\b")
# The writer says who they are to the artisan ("c'est la fille de M. Garcia", "je suis la femme d'un boulanger"): the
# person they write for, in the writer's words, when a later sign is about "him" without naming him.
_INTRODUCED = re.compile(
    # Round 22: a name may come first ("ici Jean Dupont, fils de la fleuriste"), the artisan named by the trade ("la").
    r"\b(?:je suis|j suis|c est|moi c est|ici)(?: [a-z]+){0,3}?(?: la| le| l)? (?P<me>fille|fils|femme|epouse|compagne|"
    r"mari|epoux|compagnon|soeur|frere|belle fille|gendre) (?:(?:de |d |du )"
    r"(?P<of>m|mr|monsieur|mme|madame|mlle|un|une|mon|ma|notre|la|le)\b|"
    # Round 28 (retired v32, b2-007): the artisan named by the trade ("l'épouse du taxi de Compiègne").
    r"du (?!tout\b|coup\b|mal\b|moins\b|reste\b)[a-z]+)"
)
_INTRODUCED_AS = {
    ("fille", "m"): "mon père",
    ("fille", "f"): "ma mère",
    ("fils", "m"): "mon père",
    ("fils", "f"): "ma mère",
    ("belle fille", "m"): "mon beau-père",
    ("belle fille", "f"): "ma belle-mère",
    ("gendre", "m"): "mon beau-père",
    ("gendre", "f"): "ma belle-mère",
    ("femme", "m"): "mon mari",
    ("epouse", "m"): "mon mari",
    ("compagne", "m"): "mon compagnon",
    ("mari", "f"): "ma femme",
    ("epoux", "f"): "ma femme",
    ("compagnon", "f"): "ma compagne",
    ("soeur", "m"): "mon frère",
    ("soeur", "f"): "ma sœur",
    ("frere", "m"): "mon frère",
    ("frere", "f"): "ma sœur",
}


# Someone close writing for the artisan, the person named as the owner: "j'écris pour mon mari", "c'est pour mon papa que
# j'écris", "de la part de ma mère", "l'entreprise de mon père", "mon mari est artisan", "ma compagne a un salon".
_WRITES_FOR_KIN = re.compile(
    r"\b(?:pour|de la part de|au nom de|a la place de) (?:mon|ma) (?P<kin>[a-z-]+(?: [a-z-]+)?)\b.{0,40}?"
    r"(?:\b(?:j ecris|je vous ecris|j vous ecris|je vous contacte|je me permets|je viens|je demande)\b|$)|"
    r"\b(?:j ecris|je vous ecris|j vous ecris|je vous contacte|c est|c|cest|je viens|je demande|je me renseigne) "
    r"(?:pour|de la part de|au nom de) (?:mon|ma) (?P<kin2>[a-z-]+(?: [a-z-]+)?)|"
    # Round 28 (retired v32, b1-100): the parent named without a possessive ("j'écris pour papa, façadier à Nay").
    r"\b(?:j ecris|je vous ecris|j vous ecris|je vous contacte|c est|je viens|je demande|je me renseigne) "
    r"(?:pour|de la part de|au nom de) (?P<kin6>papa|maman)\b|"
    r"\b(?:l entreprise|la boite|la boutique|le salon|l atelier|le garage|le commerce|le restaurant|la societe) de "
    r"(?:mon|ma) (?P<kin3>[a-z-]+(?: [a-z-]+)?)|"
    r"\b(?:mon|ma) (?P<kin4>[a-z-]+(?: [a-z-]+)?) (?:est|et) (?:artisan|artisane|patron|patronne|gerante?|a son compte)\b|"
    r"\b(?:mon|ma) (?P<kin5>[a-z-]+(?: [a-z-]+)?) (?:a|tient) (?:un|une|sa|son) (?:entreprise|boite|boutique|salon|"
    r"atelier|garage|commerce|restaurant|boulangerie|boucherie|charcuterie|patisserie|societe)\b|"
    # Round 28 (retired v32, b1-054): a shop kept or run, whatever it sells ("mon père tient une bijouterie").
    r"\b(?:mon|ma) (?P<kin7>[a-z-]+(?: [a-z-]+)?) (?:tient|dirige|gere|a) (?:un|une|sa|son|la|le) [a-z]+erie\b|"
    # Round 35 (retired v39, fixc): the relative named with their trade, then "j'écris pour elle", "je tape pour lui".
    r"\b(?:mon|ma) (?P<kin8>mari|femme|epoux|epouse|conjointe?|compagnon|compagne|pere|mere|papa|maman|fils|fille|frere|"
    r"soeur|oncle|tante|grand pere|grand mere|beau pere|belle mere)\b.{0,120}?\b(?:j ecris|je vous ecris|j vous ecris|"
    r"je tape|j tape|je vous contacte|je reponds|j reponds|je fais le message|je demande) (?:pour|a la place d|a sa place"
    r" pour|au nom d) (?:elle|lui)\b"
)


_TRADES_LOOKUP = Path(__file__).resolve().parent.parent / "nlu" / "lookups" / "trades.yml"


@lru_cache(maxsize=1)
def _kin_is_trade() -> re.Pattern[str] | None:
    """ "mon père est taxi", "ma sœur est poissonnière à ...": the relative named is the artisan (round 17, retired v23:
    their broken wrist or their depression was read as the writer's life event). The trades are the NLU lookup's."""
    try:
        data = yaml.load(_TRADES_LOOKUP.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except OSError:
        return None
    words = {
        normalise(line.strip().lstrip("-").strip())
        for entry in data.get("nlu", [])
        for line in (entry.get("examples") or "").splitlines()
        if line.strip().lstrip("-").strip()
    }
    trades = "|".join(re.escape(word) for word in sorted(words - {""}, key=len, reverse=True))
    return re.compile(
        rf"\b(?:mon|ma) (?P<kin>{'|'.join(KIN_WORDS)}) (?:qui )?(?:est|et) (?:(?:un|une) )?(?:{trades})s?\b"
    )


@lru_cache(maxsize=1)
def _trade_words() -> frozenset[str]:
    """Every word of the NLU's trade lookup ("marechal", "ferrant", "boulanger"), normalised."""
    try:
        data = yaml.load(_TRADES_LOOKUP.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except OSError:
        return frozenset()
    return frozenset(
        word
        for entry in data.get("nlu", [])
        for line in (entry.get("examples") or "").splitlines()
        for word in normalise(line.strip().lstrip("-").strip()).split()
        if len(word) > 3 and word not in _NOT_ONLY_TRADE
    )


# Words of the trade lookup that also name things a threat may be about ("l'électricité coupée", "le garage a brûlé").
_NOT_ONLY_TRADE = frozenset(
    [
        "electricite",
        "garage",
        "toutes",
        "homme",
        "mains",
        "domicile",
        "entretien",
        "pompes",
        "agent",
        "technique",
        "informatique",
        "auto",
        "automobile",
        "batiment",
        "verre",
        "pierre",
        "meubles",
        "moto",
        "food",
        "truck",
        "panneaux",
        "solaires",
        "telephones",
        "bijoux",
        "cuisines",
        "carrelage",
        "charpente",
        "mecanique",
        "peinture",
        "coiffure",
        "laverie",
        "pressing",
        "funebres",
    ]
)


# Kin words that can name the artisan by their trade ("mon compagnon est maréchal-ferrant").
KIN_WORDS = (
    "mari",
    "femme",
    "epoux",
    "epouse",
    "conjoint",
    "conjointe",
    "compagnon",
    "compagne",
    "pere",
    "mere",
    "papa",
    "maman",
    "fils",
    "fille",
    "frere",
    "soeur",
    "oncle",
    "tante",
    "beau pere",
    "belle mere",
    "beau frere",
    "belle soeur",
    "gendre",
    "belle fille",
    "grand pere",
    "grand mere",
    "neveu",
    "niece",
    "cousin",
    "cousine",
)


def _written_for(text: str) -> re.Match[str] | None:
    """The words that say whom someone close writes for, in the normalised text, or None."""
    found = _WRITES_FOR_KIN.search(normalise(text))
    if not found and (by_trade := _kin_is_trade()) is not None:
        found = by_trade.search(normalise(text))
    return found


def owner_written_for(text: str) -> str | None:
    """The kin word of the artisan someone close writes for ("mari", "pere"), folded, or None: their illness is the
    artisan's health (sante), not a life event of the writer's (development v22: a wife writing for her husband)."""
    found = _written_for(text)
    if not found:
        return None
    words = next(group for group in found.groups() if group).split()
    kin = (
        words[0] if words[0] not in ("grand", "beau", "belle", "petit", "petite") or len(words) < 2 else " ".join(words)
    )
    return {"papa": "pere", "maman": "mere"}.get(kin, kin)


# Round 35 (retired v39, fixc): the spouse who introduces themself by the artisan's first name ("c'est l'épouse de
# Jean-Marc, ébéniste"): the artisan is the other spouse.
_INTRODUCED_BY_NAME = re.compile(
    r"\b(?:je suis|j suis|c est|moi c est|ici)(?: [a-z]+){0,3}?(?: la| le| l)? (?P<me>femme|epouse|compagne|mari|epoux|"
    r"compagnon) (?:de|d) (?!(?:menage|chambre|service|ma|mon|mes|la|le|les|l|un|une|des|du)\b)[a-z]+"
)
_SPOUSE_OF_NAME = {
    "femme": "mon mari",
    "epouse": "mon mari",
    "compagne": "mon compagnon",
    "mari": "ma femme",
    "epoux": "ma femme",
    "compagnon": "ma compagne",
}


def introduced_relative(text: str) -> str | None:
    """The artisan the writer says they write for ("je suis la femme d'un boulanger": "mon mari"), or None."""
    match = _INTRODUCED.search(normalise(text))
    if match is None:
        by_name = _INTRODUCED_BY_NAME.search(normalise(text))
        return _SPOUSE_OF_NAME[by_name.group("me")] if by_name else None
    gender = "f" if match.group("of") in ("mme", "madame", "mlle", "une", "ma", "la") else "m"
    return _INTRODUCED_AS.get((match.group("me"), gender))


def _guess_only_introduces(hit: _Hit) -> bool:
    """The model's guess read from a clause that says whom the writer writes for, and from those words only ("ma femme
    est tapissière, je tape pour elle"); a clause that also tells an event ("ma sœur est fleuriste, elle a perdu son
    père") keeps it."""
    text = normalise(hit.clause.text)
    found = _written_for(text) or _INTRODUCED.search(text) or _INTRODUCED_BY_NAME.search(text)
    if found is None:
        return False
    rest = f" {text[: found.start()]} {text[found.end() :]} "
    return not any(f" {word} " in rest for word in re.findall(r"« (.+?) »", hit.learned))


def person_meant_instead(text: str, said_before: str) -> str | None:
    """The person someone close says they meant instead of the one said before ("c'est mon père, pas ma mère" after
    "ma mère"), folded; None otherwise, and when the one set aside is someone else."""
    found = person_put_right(normalise(text))
    if not found or normalise(found[1]) != normalise(said_before):
        return None
    return found[0]


def reported_with_worry(words: str) -> bool:
    """Once the writer's worry is set aside, the sign's words are about someone else only."""
    if not _WORRY_FRAMES.search(words):
        return False
    left = _WORRY_FRAMES.sub(" ", words)
    # A personal "il"/"elle" only: "il n'y a plus d'espoir, j'ai peur" is the writer's.
    third = rules().signals.third_person_subject.search(left) or _OTHER_SUBJECT.search(left)
    return bool(third) and not _WRITER_LEFT.search(left)


def _overwhelmed(clauses: Iterable[Clause]) -> bool:
    signals = rules().signals
    for clause in clauses:
        for match in signals.overwhelm.finditer(clause.text):
            if not signals.distress_negation.search(clause.text[: match.start()]):
                return True
    return False


# Whether "il" or "elle" can be the person named: by the possessive, else by the noun ("mon associée").
_FEMININE_NOUN = re.compile(
    r"\b(?:femme|epouse|conjointe|compagne|fille|gamine|mere|maman|soeur|grand mere|belle mere|belle soeur|belle fille|"
    r"tante|niece|cousine|associee|salariee|employee|apprentie|voisine|amie|meilleure amie|copine|patronne|ouvriere)$"
)
_PLURAL_NOUN = re.compile(r"^(?:mes|nos)\b|\b(?:enfants|parents|filles|gamins|gamines|associes|associees)$")


def _gender(person: str) -> str | None:
    """ "m" or "f" for someone close as named ("mon père", "ma sœur", "mon associée"); None for several or unknown."""
    words = normalise(person)
    if _PLURAL_NOUN.search(words) or words == normalise(RELATIVE):
        return None
    return "f" if words.startswith("ma ") or _FEMININE_NOUN.search(words) else "m"


def _subject_gender(words: str) -> str | None:
    """ "m" when the sign's personal subject is only "il", "f" when only "elle"; None otherwise."""
    subjects = {match.group(0) for match in rules().signals.third_person_subject.finditer(words)}
    if subjects == {"il"}:
        return "m"
    if subjects == {"elle"}:
        return "f"
    return None


class _Run:
    """One assessment in progress: accumulates evidence message by message."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.hits: list[_Hit] = []
        self.reasons: dict[str, list[str]] = {}
        self.level_reasons: dict[str, list[str]] = {level: [] for level in URGENCY_LEVELS}
        self.levels: list[str] = []
        # The local tax named in an earlier clause or message ("ma CFE a triplé", then "à payer pour le 15"): the date
        # said after it, with no other creditor beside, is its due date (_only_a_local_tax_dated).
        self.local_tax_said = False
        # The damage told so far is only a vehicle stolen, broken into or wrecked on the road (see _VEHICLE_LOSS).
        self.vehicle_lost = False
        self.other_damage = False
        # A message found normale from a present difficulty (or the model), not only from a category's words: a later
        # message that says it is all ahead ("je voudrais prévoir") lowers the others to basse only without one.
        self.present_said = False
        self.ahead_said = False  # a message found basse from an anticipation marker, not a question or a condition
        self.distress = False
        self.overwhelm = False
        # A word of feeling or strain said in an earlier message (distress.says_feeling_or_strain).
        self.strained = False
        self.signs: list[Sign] = []
        self.bereaved = False
        self.death_told = False  # the death of someone close told (round 31: "rejoindre ma femme" said later)
        self.close_people: list[str] = []  # as named, in order ("mon mari")
        self.own_sign = False  # a sign in the writer's own words
        # Suicide denied unprompted before any difficulty was told: the direct question waits for the difficulty.
        self.denied_before_difficulty: Sign | None = None
        self.later_deadline = False  # a date said, further ahead than the days that make a case urgent
        self.hearing_dated_far_at: int | None = None  # the last message with a hearing dated beyond those days
        self.person_at_risk: str | None = None  # the last person whose signs someone close reported
        self.at_risk_warned = False  # that person's signs held a warning sign, not only ambiguous ones
        self.introduced: str | None = None  # whom the writer said they write for ("la fille de M. Garcia")
        self.owner: str | None = None  # the artisan's kin word when someone close writes for them ("mari")
        self.relative_ill = False  # a relative's illness or injury was told (a life event of the artisan's)
        # The last message that named each category, and the last that denied it without naming it: a difficulty
        # denied after it was read ("y a pas de travaux devant chez moi", round 5) is dropped (see retracted).
        self.named_at: dict[str, int] = {}
        self.denied_at: dict[str, int] = {}
        # The last message that denied a seizure ("y a pas de saisie pour l'instant", "j'ai pas de saisie hein"): the
        # seizure's words said before it are no evidence any more (see without_denied_seizures).
        self.seizure_denied_at: int | None = None
        # The clauses of earlier messages: a two-sense word's other domain said before ("impôts", then "saisie" in
        # the next message: round 17, retired v23) still gives it that sense.
        self.earlier_clauses: list[Clause] = []
        # The clauses of the artisan's last message: a date given alone next ("huissier", then "demain") is its date.
        self.last_clauses: list[Clause] = []
        self.only_curious = False  # the writer said they only ask, out of curiosity or with all well (_ONLY_CURIOUS)

    def level_reason(self, level: str, text: str) -> None:
        if text not in self.level_reasons[level]:
            self.level_reasons[level].append(text)

    def message(self, text: str, index: int, threats: bool = True, said: bool = True) -> None:
        """``said``: the artisan's own message (not the situation slots read back), which may deny a category."""
        signals = rules().signals
        hits_before = len(self.hits)
        clauses = split_clauses(text)
        signs = find_signs(text, clauses)
        # Round 26 (r26a-15): after a death by suicide told (before or in this message), the writer's identification with
        # it ("je comprends pourquoi il l'a fait", "je vais faire pareil") is the writer's own sign.
        following = (
            signs_after_a_suicide_told(text, clauses) if self.bereaved or is_bereaved_by_suicide(text, clauses) else []
        )
        self.death_told = self.death_told or tells_a_death_of_someone_close(text, clauses)
        joining = signs_after_a_death_told(text, clauses) if self.death_told else []
        signs = sorted([*following, *joining, *signs], key=lambda sign: sign.level)
        if not signs and said and (self.hits or self.strained or _says_present_difficulty(clauses)):
            # Round 29 (retired held-out v33 class, helper fixd): suicide denied before any question, after a difficulty
            # or a word of strain said earlier in the conversation ("la banque a fait jouer ma caution", then "l'idée de
            # mourir, je l'ai pas"), or beside a difficulty of the moment: the subject is on the table, the direct
            # question is asked once, as round 28 asks it beside a word of strain in the same message. Round 30
            # (retired v34, d-114): or before the difficulty, which comes in a later message.
            denial = suicide_denied_unprompted(text)
            signs = [denial] if denial is not None else []
        if not signs and said and self.denied_before_difficulty is not None:
            if _says_present_difficulty(clauses) or names_a_difficulty(text):
                signs, self.denied_before_difficulty = [self.denied_before_difficulty], None
        elif not signs and said and not (self.hits or self.strained):
            self.denied_before_difficulty = suicide_denied_unprompted(text)
        named = close_people_named(text, clauses)
        self.close_people += named
        introduced = introduced_relative(text)
        if introduced and not self.introduced:
            self.introduced = introduced
        owner = owner_written_for(text)
        if owner and not self.owner:
            self.owner = owner
        meant = person_meant_instead(text, self.person_at_risk) if self.person_at_risk else None
        if meant:
            # "non c'est mon PERE qui va pas bien, pas ma mere" (round 15, r15b-08): the signs were about the father.
            possessive, word = meant.split(" ", 1)
            self.person_at_risk = f"{possessive} {ACCENTED_KIN.get(word, word)}"
        if self.signs and self.person_at_risk is None and not self.own_sign and says_not_the_writer(text):
            # "moi non, c'est pour lui que j'ai peur" at a question put to the writer about themself (round 20, r20a-13,
            # r20a-03): the signs were another's, the one the writer named or writes for.
            # Only someone named: "moi non" alone after the writer's own words keeps the writer the one asked about.
            writes_for = [self.introduced] if self.introduced else []
            people = named or self.close_people or writes_for
            if people:
                self.person_at_risk = people[-1]
        # A sign naming no one beside another's sign in the same message is that other's ("il a dit qu'il voulait en
        # finir tout court, pas que la boutique": round 20, r20a-15).
        others = [sign for sign in signs if speaks_of_someone_else(sign, text)]

        def writers_own(sign: Sign) -> bool:
            # The line named by someone close already writing about another person ("ok je vais appeler le 3114",
            # round 11, r11a-21) is about that person: the writer did not become the one at risk.
            line_for_them = sign.rule == "crisis_line_named" and self.person_at_risk is not None
            # A quote shortened with "…" is read in its whole message, as speaks_of_someone_else does.
            worried = reported_with_worry(normalise(text if "…" in sign.quote else sign.quote))
            theirs = bool(others) and sign not in others and speaks_of_no_one(sign)
            return sign in following or (
                not speaks_of_someone_else(sign, text) and not line_for_them and not worried and not theirs
            )

        # Round 27 (r27-b-04, r27-b-27): "je suis carrossier ..., ma femme est en arret maladie pour depression et moi je
        # suis a bout, je dors 4h par nuit" asked whether the WIFE thought of suicide and never the writer. A sign of the
        # writer's own in the message outweighs another's that is only ambiguous (an illness, tiredness): the direct
        # question is the writer's, the other's state a life event of theirs; also when the writer says it next ("non
        # elle est suivie, c'est moi qui suis crevé"). Another's warning sign still makes them the one at risk, and
        # someone close who writes for the artisan ("je vous écris pour mon mari") keeps the artisan the one asked about.
        writer_signed = (
            not self.introduced
            and not self.owner
            and any(writers_own(sign) for sign in signs)
            and not self.at_risk_warned
        )
        if writer_signed:
            self.person_at_risk = None
        for sign in signs:
            self.signs.append(sign)
            if writers_own(sign):
                # Only a warning sign of one's own makes the writer the person at risk: the classifier's ambiguous
                # reading of a relative's answer ("elle est avec son copain ce soir. qu'est ce que je peux lui dire?",
                # round 5) took "ma fille" away, and the safety question's answer was read about nobody.
                if sign.level <= INDIRECT:
                    self.own_sign = True
            elif sign.level == AMBIGUOUS and writer_signed:
                pass  # the writer's own sign is the one asked about (see writer_signed)
            else:
                # The person the sign's words name, else the last one the writer named.
                # Then the person already at risk: someone named later only as company ("elle est avec ma tante ce
                # soir", round 11, r11b-16) did not become the one at risk.
                # A model's sign quotes the whole message, whoever it names.
                # Those the quote names as the message does: not whom the sign's things were given to ("… donné ses
                # bijoux à ma sœur": the quote may start after its subject).
                # Among those named, the ones "il" or "elle" can be: "c pour mon père" then "ma mère est avec lui" then
                # "il a donné ses outils" is about the father (round 15, b.md H3).
                pronoun = _subject_gender(normalise(text if sign.rule.startswith("model:") else sign.quote))
                # Also among those the sign's own words name: "depuis que ma mère est partie il dit qu'on serait mieux
                # sans lui", written for the father (round 34, make run: "Si votre mère est en danger immédiat").
                in_sign = (
                    []
                    if sign.rule.startswith("model:")
                    else [p for p in close_people_named(sign.quote) if p in named and _gender(p) in (pronoun, None)]
                )
                known = [self.person_at_risk] if self.person_at_risk else []
                writes_for = [self.introduced] if self.introduced else []
                agreeing = [
                    [person for person in people if _gender(person) in (pronoun, None)]
                    for people in (named, self.close_people, writes_for)
                ]
                people = next((kept for kept in agreeing if kept), named or self.close_people or writes_for)
                self.person_at_risk = (in_sign or known or people or [RELATIVE])[-1]
                self.at_risk_warned = self.at_risk_warned or sign.level <= INDIRECT
            if sign.level <= INDIRECT:
                self.distress = True
                _add_reason(self.reasons, "distress", sign.quote)
        self.overwhelm = self.overwhelm or _overwhelmed(clauses) or any(s.level == AMBIGUOUS for s in signs)
        self.bereaved = self.bereaved or is_bereaved_by_suicide(text, clauses)
        self.strained = self.strained or (said and says_feeling_or_strain(text))

        message_hits: list[_Hit] = []
        denied: set[str] = set()
        # Words read in their other sense ("saisie" after "impôts", an "audience" before the family judge, round 17): the
        # rules spoke, so neither the model nor a threat's rule adds their category back.
        set_aside: set[str] = set()
        by_clause = [
            _relatives_health(
                _other_sense(
                    _category_hits(clause, (index, clause_index), denied), clauses + self.earlier_clauses, set_aside
                ),
                # Folded as the clauses are ("mère": "mere"), or the introduced artisan never matched a kin word.
                self.owner or (normalise(self.introduced).split()[-1] if self.introduced else None),
            )
            for clause_index, clause in enumerate(clauses)
        ]
        for clause_hits in by_clause:
            # Round 35 (retired v39, fixc): the hospital trips told after a relative's illness ("mon fils est malade",
            # then "on fait les allers-retours à l'hôpital pour ses traitements") are that relative's care, not the
            # artisan's health; a first-person treatment ("pour ma chimio") stays the artisan's.
            for hit in clause_hits:
                if (
                    hit.owner == "sante"
                    and self.relative_ill
                    and _CARE_TRIPS.search(hit.clause.text)
                    and _CARE_WORDS.search(hit.clause.text[hit.start : hit.end])
                    and not _OWN_CARE.search(hit.clause.text)
                ):
                    hit.owner = "vie_personnelle"
                elif hit.owner == "vie_personnelle" and health_words(hit.clause.text[hit.start : hit.end]):
                    self.relative_ill = True
            message_hits.extend(clause_hits)
        specific = any(not hit.weak and hit.owner != "autre" for hit in message_hits)
        message_hits = [hit for hit in message_hits if specific is False or not hit.weak]
        found = {hit.owner for hit in message_hits}
        set_aside -= found
        message_hits += _learned_hits(text, clauses, index, found, denied | set_aside)
        # Round 33 (retired v37, fixc): a clause that carries a sign of suicide risk (self-harm, affairs put in order for
        # the spouse) is distress, not the model's guess of a health trouble or a life event.
        message_hits = [hit for hit in message_hits if not _learned_from_a_sign(hit, signs)]
        # Round 35 (retired v39, fixc): the clause that says whom the writer writes for ("ma femme est tapissière, je
        # tape pour elle") introduces the artisan, no life event: not the model's guess of one (the decision of version
        # 32: the artisan's illness reported by a relative forbids vie_personnelle).
        message_hits = [
            hit
            for hit in message_hits
            if not (hit.learned and hit.owner == "vie_personnelle" and _guess_only_introduces(hit))
        ]
        # "l'aced c'est un prêt qu'il faut rembourser ?", "le CIP c'est le tribunal ?", "ils peuvent prendre ma maison
        # ?" (round 26, r26c-08, r26c-14, r26c-04): a clause that asks how a thing works or what may come tells of no
        # difficulty nor threat; after a difficulty was told, it adds no category.
        asked_clauses = [clause for clause in clauses if _asks_about_a_mechanism(clause)]
        if said and self.hits and asked_clauses:
            message_hits = [hit for hit in message_hits if hit.clause not in asked_clauses]
        if said and self.hits and _only_asks_about(text, clauses):
            # "c'est quoi une sauvegarde ?", "et s'il pleut tout l'hiver ?" after a difficulty was told (round 26): a
            # question about a mechanism or a supposition is no evidence of being in it; the restatement said "vous
            # faites face ... à une procédure en justice". Alone, it is the anticipation the contract reads (basse).
            message_hits = []
        # Round 31 (retired v35, fixc): before any difficulty, a question from a writer who said they only ask ("par pure
        # curiosité", "de mon côté tout va bien", "une question de vocabulaire", "je demande pour comprendre") names the
        # procedures and bodies it is about, no difficulty of theirs (the writers forbid every category).
        self.only_curious = self.only_curious or (said and bool(_ONLY_CURIOUS.search(normalise(text))))
        if said and self.only_curious and not self.hits and "?" in text and not _says_present_difficulty(clauses):
            message_hits = []
        found = {hit.owner for hit in message_hits}

        self.vehicle_lost = self.vehicle_lost or any(_VEHICLE_LOSS.search(clause.text) for clause in clauses)
        self.other_damage = self.other_damage or any(_OTHER_DAMAGE.search(clause.text) for clause in clauses)
        haute = False
        # "c'est quoi un avis à tiers détenteur" (round 26, r26c-17: haute, "les impôts ont déjà saisi votre compte"):
        # asking what a word means tells of no threat, alone or after a difficulty.
        defining = _asks_what_a_word_means(text, clauses)
        for clause_index, (clause, clause_hits) in enumerate(zip(clauses, by_clause, strict=False)):
            if not threats or defining or clause in asked_clauses or signals.hypothesis.search(clause.text):
                continue
            limit = _condition_start(clause)
            # A rule that needs a category may find it in an earlier message ("l'inondation" said first, "je ne peux
            # pas rouvrir" in the next one).
            earlier = {hit.owner for hit in self.hits}
            haute |= self._urgency_rules(clause, clause_hits, (index, clause_index), found | earlier, limit, set_aside)
            # An ultimatum's date ("... parle de saisie si la CFE n'est pas réglée pour le 15") is due, condition or not.
            ultimatum = (
                limit is not None
                and _UNPAID_BY.match(clause.text[limit:])
                and _THREATENS.search(clause.text[:limit])
                and not _ASKS_WHAT_IF.search(clause.text[:limit])
            )
            unpaid = _UNPAID_BY.match(clause.text[limit:]) if limit is not None else None
            reported = (
                limit is not None
                and unpaid is not None
                and _REPORTED.search(clause.text[:limit])
                and _THREAT_AFTER.search(clause.text[limit + unpaid.end() :])
            )
            haute |= self._deadlines(clause, needs_context=True, limit=None if ultimatum or reported else limit)
        if threats and not defining and not haute and _works_cut_lasting(normalise(text), self.today):
            # The words that give the cut its span, else those of the cut.
            spans = [(c, m) for pattern in (_CUT_FOR, _SUPPLY_CUT) for c in clauses if (m := pattern.search(c.text))]
            cut, said_cut = spans[0] if spans else (clauses[0], None)
            self.level_reason(
                "haute",
                f"électricité, eau ou gaz coupés depuis des jours : {_quote(cut, *(said_cut.span() if said_cut else (0, 0)))}",
            )
            haute = True
        # A date said alone in the next message ("huissier", then "demain"; "l'audience", then "mardi": round 19, retired
        # v25) is the date of what the last message named, when its words make a date a deadline.
        if (
            not haute
            and threats
            and said
            and _only_a_date(text, self.today)
            and any(
                signals.deadline_context.search(clause.text) and not signals.hypothesis.search(clause.text)
                for clause in self.last_clauses
            )
        ):
            for clause in clauses:
                haute |= self._deadlines(clause, needs_context=False, label="échéance ")
        self.hits.extend(message_hits)
        self.earlier_clauses += clauses
        if said:
            self.last_clauses = clauses
        present = _says_present_difficulty(clauses) or self.hearing_dated_far_at == index
        if said:
            self.present_said = self.present_said or present
            owners = {hit.owner for hit in self.hits[hits_before:]}
            self.named_at.update(dict.fromkeys(owners, index))
            if _DENIES_A_DIFFICULTY.search(normalise(text)):
                self.denied_at.update(dict.fromkeys(denied - owners, index))
            if _SEIZURE_DENIED.search(normalise(text)):
                self.seizure_denied_at = index
        if haute:
            self.levels.append("haute")
        elif message_hits:
            self.levels.append(self._everyday_level(text, clauses, message_hits, present))
        elif said and threats and hits_before and not present and not signs:
            # A follow-up that only says it is all ahead ("pour l'instant ça a pas commencé", round 17, retired v23,
            # b1-041): the difficulty named before is anticipated, as if said in the same message.
            self.ahead_said = self.ahead_said or any(
                not _ASKING_ONLY.match(match.group(0))
                for clause in clauses
                if not signals.hypothesis.search(clause.text)
                for match in signals.anticipation.finditer(clause.text)
            )

    def _urgency_rules(
        self,
        clause: Clause,
        clause_hits: list[_Hit],
        order: tuple[int, int],
        found: set[str],
        limit: int | None = None,
        set_aside: frozenset[str] | set[str] = frozenset(),
    ) -> bool:
        """Raise urgency for the threats of the clause; none after `limit`, where a condition opens."""
        raised = False
        urgency_rules = rules().urgency_rules
        for rule_index, cues in _urgency_candidates(clause):
            rule = urgency_rules[rule_index]
            if rule.needs_category is not None and rule.needs_category not in found:
                continue
            if rule.id in _DAMAGE_RULES and (
                (self.vehicle_lost and not self.other_damage) or _damage_months_ago(clause.text, self.today)
            ):
                continue
            for spans in cues:
                for hit in (_Hit("", start, end, False, False, clause, (*order, start)) for start, end in spans):
                    if limit is not None and hit.start >= limit:
                        continue
                    # Round 27 (retired v31, urgency): a hearing dated six weeks ahead or more ("première audience en
                    # mars" said in December, "dans deux mois") is a real difficulty, not a summons to answer now.
                    if (
                        rule.far_date_cancels is not None
                        and rule.far_date_cancels.search(clause.text[hit.start : hit.end])
                        and self._dated_far(clause)
                    ):
                        # Still a case under way, not one to come: "audience dans deux mois" is no anticipation.
                        self.hearing_dated_far_at = order[0]
                        continue
                    # The threat's words inside a longer reading of another category: "mon grossiste a déposé le
                    # bilan" is the artisan left unpaid (tresorerie), no filing of the artisan's (round 19, retired v25).
                    # Round 35 (retired v39, fixu): not a rule that already needs its category in the message ("le
                    # labo inondé ... je ne peux plus produire", read also as a loss of trade): the damage says why.
                    # A stop that has lasted weeks ("fermé depuis trois semaines", "à l'arrêt depuis l'orage d'août")
                    # is no emergency of the day: the longer reading cancels it as before (retired v16, v25).
                    if (
                        rule.category
                        and (rule.needs_category is None or _LONG_STOP.search(clause.text))
                        and any(
                            h.owner not in (rule.category, "autre")
                            and not h.weak
                            and h.start <= hit.start
                            and hit.end <= h.end
                            and (h.end - h.start) > (hit.end - hit.start)
                            for h in clause_hits
                        )
                    ):
                        continue
                    raised = True
                    self.level_reason(rule.level, f"{rule.reason} : {_quote(clause, hit.start, hit.end)}")
                    named = {h.owner for h in clause_hits if not h.weak}
                    if (
                        rule.category
                        and rule.category not in named
                        and rule.category not in set_aside
                        and not (rule.implied_only_alone and named)
                    ):
                        self.hits.append(_Hit(rule.category, hit.start, hit.end, False, False, clause, hit.order))
                    break
        return raised

    def _local_tax_date(self, text: str) -> bool:
        """The clause's date is the local tax's due date: named in it, or before it with no other creditor beside."""
        if _LOCAL_TAX.search(text):
            self.local_tax_said = True
        return self.local_tax_said and _only_a_local_tax_dated(text)

    def _dated_near(self, clause: Clause) -> bool:
        return any(d.days <= HIGH_URGENCY_DAYS for d in find_deadlines(clause.text, self.today))

    def _dated_far(self, clause: Clause) -> bool:
        """The clause dates its hearing FAR_HEARING_DAYS ahead or more, and nothing sooner: "audience en mars" said in
        December, "dans deux mois". A month more than half a year ahead is rather one just past ("convoqué le 6
        novembre" said in December), no date ahead."""
        found = find_deadlines(clause.text, self.today)
        if any(d.days < FAR_HEARING_DAYS for d in found):
            return False
        # A month the trouble dates from ("en retard depuis mars", "la crue de mars dernier") is no hearing's date.
        months = _MONTH_PAST.sub(" ", clause.text)
        return bool(found) or (
            names_far_month(months, self.today, FAR_HEARING_DAYS)
            and not names_far_month(months, self.today, _HALF_A_YEAR_DAYS)
        )

    def _deadlines(self, clause: Clause, needs_context: bool, label: str = "", limit: int | None = None) -> bool:
        self.local_tax_said = self.local_tax_said or bool(_LOCAL_TAX.search(clause.text))
        if needs_context and (
            not rules().signals.deadline_context.search(clause.text)
            or _only_a_family_hearing_dated(clause.text)
            or _only_an_answer_dated(clause.text)
        ):
            return False
        found = [d for d in find_deadlines(clause.text, self.today) if limit is None or d.start < limit]
        near = [d for d in found if d.days <= HIGH_URGENCY_DAYS]
        if needs_context and _only_a_private_creditor_dated(clause.text):
            near = [d for d in near if d.days <= PRIVATE_CREDITOR_DAYS]
        if needs_context and self._local_tax_date(clause.text):
            near = []
        if not near:
            # Round 21 (z.md M4): a date further ahead is no "sans échéance" for the advisor.
            self.later_deadline = self.later_deadline or bool(found)
            return False
        soonest = min(near, key=lambda d: d.days)
        quote = _quote(clause, soonest.start, soonest.end)
        reasons = self.level_reasons["haute"]
        for index, reason in enumerate(reasons):
            if reason.endswith(quote):  # the same words already raised urgency: add the date to them
                reasons[index] = f"{reason} ({_in_days(soonest.days)})"
                return True
        self.level_reason("haute", f"{label}{quote} ({_in_days(soonest.days)})")
        return True

    def _everyday_level(self, text: str, clauses: list[Clause], hits: list[_Hit], present: bool) -> str:
        """normale for a difficulty that is here (`present`: _says_present_difficulty), basse for information,
        prevention or anticipation; the learned model may say haute or basse where the rules said normale (see
        _learned_level)."""
        signals = rules().signals
        supposed = [
            clause
            for clause in clauses
            if signals.hypothesis.search(clause.text)
            or _only_supposed(clause, [hit for hit in hits if hit.clause == clause])
        ]
        # A difficulty the rules read in a clause that supposes nothing is here: "le médecin veut m'arrêter, mais si je
        # m'arrête la boîte coule ... je suis en burn out" was read as anticipation, basse (round 12, r12b-11).
        stated = any(hit.clause not in supposed and not hit.learned and not hit.weak for hit in hits)
        asked = "?" in text or any(signals.question.search(clause.text) for clause in clauses)
        anticipating = (
            any(signals.anticipation.search(clause.text) for clause in clauses)
            or (asked and any(_NO_TROUBLE_SAID.search(clause.text) for clause in clauses))
            or (bool(supposed) and not stated)
        )
        if anticipating and not present:
            self.ahead_said = self.ahead_said or any(
                not _ASKING_ONLY.match(match.group(0))
                for clause in clauses
                for match in signals.anticipation.finditer(clause.text)
            )
            return "basse"
        # "Nothing but a question": no present difficulty the rules know, and the artisan asks.
        asking = not present and ("?" in text or any(signals.question.search(clause.text) for clause in clauses))
        learned = self._learned_level(text, clauses, asking)
        self.present_said = self.present_said or learned is not None
        return learned or "normale"

    def _learned_level(self, text: str, clauses: list[Clause], asking: bool) -> str | None:
        """What the learned urgency model (triage/urgency_model.py) says of a message the rules found normale:
        haute at or above its threshold, or basse at or above its own where the message is only a question.
        None when it is not sure enough, or when the words that made it think so cannot be quoted (a condition,
        a negation, no content word): rules stay authoritative where they spoke."""
        fitted = urgency_model.model()
        if fitted is None or not clauses:
            return None
        limits = urgency_model.thresholds()
        scores = fitted.scores(text)
        # "la banque ils m'ont pas dit de date", "pas de date pour l'instant" (round 26): no date, no threat in days.
        no_date = any(says_no_date(clause.text) for clause in clauses)
        # Round 33 (retired v37, fixu): nor where the message says more than the words the model weighs: the dates ahead it
        # names all far ("fin effective dans soixante jours"), none within two weeks; a supplier or a client who wants
        # paying with no date within days (_PRIVATE_CREDITOR, normale as with one); a vehicle lost alone (_VEHICLE_LOSS)
        # with no date within two weeks ("je dois livrer demain" keeps it).
        ahead = [d for clause in clauses for d in find_deadlines(clause.text, self.today)]
        near = any(d.days <= HIGH_URGENCY_DAYS for d in ahead)
        no_date = (
            no_date
            or (bool(ahead) and not near)
            or any(_only_a_private_creditor_dated(clause.text) and not self._dated_near(clause) for clause in clauses)
            or (self.vehicle_lost and not self.other_damage and not near)
            or any(_OWN_CLAIM.search(clause.text) for clause in clauses)
        )
        for level in ("haute", "basse"):
            if scores[level] < limits[level] or (level == "basse" and not asking) or (level == "haute" and no_date):
                continue
            if level == "haute" and _asks_what_a_word_means(text, clauses):
                continue  # "c'est quoi une saisie sur compte" (round 26): no threat told
            reason = self._learned_reason(fitted, clauses, level)
            if reason is not None:
                self.level_reason(level, reason)
                return level
        return None

    def _learned_reason(self, fitted: urgency_model.UrgencyModel, clauses: list[Clause], level: str) -> str | None:
        """« the clause that looks most like the level » : ressemble aux exemples appris (modèle ; mots : ...)."""
        signals = rules().signals
        by_clause = fitted.clause_scores([clause.text for clause in clauses], level)
        clause = clauses[max(range(len(clauses)), key=by_clause.__getitem__)]
        # A threat only supposed ("si l'huissier venait") is the rules' basse, never the model's haute; nor one dated
        # months away ("convoqué au tribunal en mars", "à régler dans 6 semaines"): the date says more than the words.
        if level == "haute" and (
            signals.hypothesis.search(clause.text)
            or names_far_month(clause.text, self.today, HIGH_URGENCY_DAYS)
            or any(d.days > HIGH_URGENCY_DAYS for d in find_deadlines(clause.text, self.today))
            or _DEBTORS_PROCEDURE.search(clause.text)
            or _LONG_PAST.search(clause.text)
            or _only_a_family_hearing_dated(clause.text)
            or (self._local_tax_date(clause.text) and find_deadlines(clause.text, self.today))
            # Round 28 (retired v32): a supplier's or a client's day to pay by, no court yet (_PRIVATE_CREDITOR).
            or (
                _only_a_private_creditor_dated(clause.text)
                and find_deadlines(clause.text, self.today)
                and all(d.days > PRIVATE_CREDITOR_DAYS for d in find_deadlines(clause.text, self.today))
            )
            # Round 21 (retired v27): a threat only voiced ("la banque menace de clôturer mon compte") without a near
            # date.
            or (_ONLY_THREATENED.search(clause.text) and not self._dated_near(clause))
        ):
            return None
        limit = _condition_start(clause) if level == "haute" else None
        found: list[tuple[str, tuple[int, int]]] = [
            (term, span)
            for term, span in ((term, _find(clause, term)) for term in fitted.evidence(clause.text, level))
            if span and (limit is None or span[0] < limit)
        ]
        # The artisan's trade weighs nothing ("maréchal-ferrant dans la Nièvre, les éleveurs ne paient plus": round 17,
        # retired v23, d-126): a word of the corpus's introductions, not of a threat.
        if level == "haute":
            found = [(term, span) for term, span in found if not set(term.split()) & _trade_words()]
        if not found or _negated(clause, *found[0][1]):
            return None
        # Only when it happened and how much ("je fais 300 le vendredi au lieu de 900"): no deadline is said; a real one
        # is the rules' to read (find_deadlines). Round 30 (retired v34, b1-013): with grammar words too ("10", "jours",
        # "jours et" of "trois marchés qui commencent dans 10 jours et rien à vendre"): a date with no threat word.
        if level == "haute" and all(_time_span_and_grammar(term) for term, _ in found):
            return None
        spans = [span for _, span in found]
        words = [" ".join(clause.source[slice(*clause.source_span(*span))].split()) for span in spans]
        learned = ", ".join(f"« {word} »" for word in words)
        return f"{_quote(clause, 0, len(clause.text))} : ressemble aux exemples appris (modèle ; mots : {learned})"

    def situation(self, situation: Mapping[str, str], index: int) -> None:
        deadline = situation.get("deadline")
        if deadline:
            for clause in split_clauses(str(deadline)):
                if self._deadlines(clause, needs_context=False, label="échéance "):
                    self.levels.append("haute")
        creditors = situation.get("creditors")
        if creditors:
            # Who is owed adds its category; how pressing it is comes from what the artisan wrote: "je
            # préfère anticiper l'URSSAF" stays basse though the creditor was heard in the same words.
            said_levels = list(self.levels)
            self.message(str(creditors), index, threats=False, said=False)
            if said_levels:
                self.levels = said_levels

    def retracted(self) -> set[str]:
        """Categories the artisan denied in a message after the last one that named them ("c'est pas la banque",
        "non pas de souci avec l'urssaf" after the bot said it back), and those only a seizure denied since gave."""
        denied = {code for code, index in self.denied_at.items() if index > self.named_at.get(code, -1)}
        kept = self.without_denied_seizures()
        # Round 35 (retired v39, fixc): a two-sense word whose other sense a later message says ("le cyclone a tout
        # cassé dans la saison", then "l'atelier lui a rien eu") counts no more than in one message.
        other_sense = [
            hit
            for hit in self.hits
            if hit.unless is not None and any(hit.unless.search(clause.text) for clause in self.earlier_clauses)
        ]
        only_other_sense = {hit.owner for hit in other_sense} - {
            hit.owner for hit in self.hits if not any(hit is other for other in other_sense)
        }
        return denied | only_other_sense | ({hit.owner for hit in self.hits} - {hit.owner for hit in kept})

    def without_denied_seizures(self) -> list[_Hit]:
        """The hits, less the seizure's words said before a message that denies any seizure (round 25, s25c-01 and
        s25c-17: "l'urssaf elle peut saisir mon compte ?" then "y a pas de saisie pour l'instant" kept the bank and
        the court procedure on the case, read from the question alone)."""
        if self.seizure_denied_at is None:
            return self.hits
        return [
            hit
            for hit in self.hits
            if hit.order[0] >= self.seizure_denied_at
            # The seizure's words and the account or goods seized beside them ("saisir mon compte": the bank's
            # "compte"); the creditor said with them ("l'urssaf peut saisir") stays one.
            or not any(
                (word.start() <= hit.start < word.end())
                or (
                    hit.owner in _SEIZURE_OWNERS
                    and word.start() - _SEIZED_THING_SPAN <= hit.start
                    and hit.end <= word.end() + _SEIZED_THING_SPAN
                )
                for word in _SEIZURE_WORD.finditer(hit.clause.text)
            )
        ]


# What a word means, asked ("c'est quoi une sauvegarde ?", "c koi un redressement", "ça veut dire quoi liquidation ?").
_ASKS_WHAT_IT_MEANS = re.compile(
    r"^(?:(?:et|mais|alors|donc|bon|ok|euh|ah|oui|non|d accord|juste) )*(?:c est quoi|c quoi|cest quoi|c est koi|c koi|"
    r"ce koi|qu est ce que c est|qu est ce qu (?:un|une|on appelle)|ca veut dire quoi|ca signifie quoi|que veut dire|"
    r"que signifie|c est quoi la difference|quelle (?:est la )?difference)\b"
)


# Round 31 (retired v35, fixc): the writer says they only ask ("par simple curiosité", "une question de vocabulaire",
# "je demande pour comprendre", "chez nous tout va bien"): normalised text.
_ONLY_CURIOUS = re.compile(
    r"\b(?:(?:par |pure |simple |petite )+curiosite|question de (?:vocabulaire|culture generale|principe)|"
    r"(?:je demande|c est|je pose la question|je vous demande) (?:juste |simplement |seulement )?pour (?:comprendre|ma culture|"
    r"savoir|info)|(?:chez nous|de mon cote|cote (?:atelier|boutique|affaires|boulot|travail|entreprise)|pour moi)(?: ,)? tout va "
    r"bien|tout va bien (?:chez nous|de mon cote|cote (?:atelier|boutique|affaires|boulot|travail|entreprise)|pour moi)|pas de "
    r"souci particulier)\b"
)


# Who tells of their own situation in a definition question ("c'est quoi un ATD, j'en ai reçu un", "c'est quoi une
# saisie sur mon compte").
_OWN_SITUATION = re.compile(r"\b(?:j|je|m|me|moi|mon|ma|mes|on|nous|notre|nos|il|ils|elle|elles)\b")


def _asks_what_a_word_means(text: str, clauses: list[Clause]) -> bool:
    """The message only asks what a word means ("c'est quoi un avis à tiers détenteur", "ça veut dire quoi
    liquidation ?"), one clause telling nothing of the writer's own situation."""
    words = normalise(text)
    asked = _ASKS_WHAT_IT_MEANS.match(words)
    return asked is not None and len(clauses) == 1 and not _OWN_SITUATION.search(words[asked.end() :])


# What a thing is or what may come, asked ("l'aced c'est un prêt qu'il faut rembourser", "le CIP c'est le tribunal",
# "est-ce qu'ils peuvent saisir ma maison", "ils ont le droit de prendre ma camionnette", "je risque quoi si je paye
# pas"): normalised clause.
_MECHANISM_ASKED = re.compile(
    r"^(?:(?:et|mais|alors|donc|du coup|euh|bon|ok) )*(?:l |le |la |les |un |une |ce |cette |votre |vos )?\w+"
    r"(?: \w+){0,3} c est (?:un|une|le|la|les|des|du|pour|payant|gratuit|obligatoire|confidentiel)\b"
    r"|\b(?:peut|peuvent|pourrait|pourraient|(?:a|ont) le droit de|risque|risquent)(?: \w+){0,2} (?:me |nous )?"
    r"(?:prendre|saisir|bloquer|vendre|reprendre|fermer|enlever|toucher a)\b"
    r"|\b(?:je|on) risque(?:rais|rait)? (?:quoi|quelque chose|gros)\b|\bqu est ce que (?:je|on) risque\b"
    # Round 27 (retired v31): the next step asked ("c'est le tribunal ensuite ?", "après c'est l'huissier ?").
    r"|^(?:(?:et|mais|alors|donc|du coup|euh|bon|ok) )*c est (?:le|la|l|les|un|une|des) \w+(?: \w+){0,2} (?:ensuite|apres|"
    r"derriere|au bout|a la fin|la prochaine etape|l etape d apres)$"
    r"|^(?:(?:et|mais|alors|donc|du coup|euh|bon|ok) )*(?:et )?(?:apres|ensuite|derriere|puis) c est (?:le|la|l|les|un|une|des) \w+"
    r"(?: \w+){0,2}$"
)


def _asks_about_a_mechanism(clause: Clause) -> bool:
    """The clause asks (a question mark after it, or a question's words) what a thing is or what may come."""
    if not _MECHANISM_ASKED.search(clause.text):
        return False
    end = clause.words[-1][3] if clause.words else len(clause.source)
    return clause.source[end:].lstrip().startswith("?") or bool(rules().signals.question.search(clause.text))


def _only_asks_about(text: str, clauses: list[Clause]) -> bool:
    """The message only asks what a word means, or what would happen in a case supposed ("et s'il pleut tout l'hiver
    ?"): every clause asks or supposes, and none says a difficulty is here."""
    signals = rules().signals
    words = normalise(text)
    if _ASKS_WHAT_IT_MEANS.match(words) and len(clauses) <= 2:
        return True
    return (
        "?" in text
        and bool(clauses)
        and all(signals.hypothesis.search(clause.text) for clause in clauses)
        and not _says_present_difficulty(clauses)
    )


def _only_a_date(text: str, today: date) -> bool:
    """The message is a date to come and at most three words more ("demain", "mardi matin je crois", "le 12")."""
    words = normalise(text)
    found = find_deadlines(words, today)
    if not found:
        return False
    for deadline in sorted(found, key=lambda d: -d.start):
        words = words[: deadline.start] + " " + words[deadline.end :]
    return len(words.split()) <= 3


# Round 34 (retired v38, fixu): a letter received that the writer says in the same clause is in no hurry ("on a reçu un
# avis pour la taxe foncière, rien ne presse", "j'ai reçu le courrier, c'est pas urgent") tells of nothing here yet: its
# receipt is no present difficulty.
_NO_HURRY = re.compile(
    r"\b(?:(?:ca|cela|ce) (?:ne )?presse pas|rien ne presse|pas le feu au lac|(?:c est |ce n est )?pas urgent|rien d urgent)\b"
)
_RECEIVED = re.compile(r"\b(?:j ai|on a|nous avons) recu\b")


# Round 36 (retired v40, fixu): how long the business has been going ("bonjour, carreleur à Brioude depuis 2019", "je
# suis installée depuis 12 ans", "à mon compte depuis 2008"): an introduction, no trouble lasting since.
_SENIORITY = re.compile(
    r"^(?:bonjour|bonsoir|salut|hello|madame|monsieur|je suis|nous sommes|on est)\b(?: (?:\w+|,)){0,8}? depuis "
    r"(?:(?:19|20)\d\d|\d+ ans|(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente) ans)\b"
    r"|\b(?:installee?s?|etablie?s?|a mon compte|a son compte|a notre compte|en activite|en ei|en sarl|en eurl|en sas|"
    r"en micro entreprise) depuis (?:(?:19|20)\d\d|\d+ ans|(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|"
    r"trente) ans)\b"
)


def _says_present_difficulty(clauses: list[Clause]) -> bool:
    """A sign that the difficulty is already here. "... savoir quoi faire si un jour je ne peux plus payer": what
    follows "si" is hypothetical; "avant d'être en difficulté": words inside the anticipation itself are none; how long
    the business has been going (_SENIORITY) is none either."""
    signals = rules().signals
    return any(
        signals.present_difficulty.search(
            _NO_TROUBLE_SAID.sub(
                " ",
                signals.anticipation.sub(
                    " ",
                    _SENIORITY.sub(
                        " ",
                        _RECEIVED.sub(" ", _before_hypothesis(clause))
                        if _NO_HURRY.search(clause.text)
                        else _before_hypothesis(clause),
                    ),
                ),
            )
        )
        for clause in clauses
        if not signals.hypothesis.search(clause.text)
    )


# Anticipation markers that only say the artisan asks ("une question", "je voudrais savoir"): a question about a
# present difficulty is no sign that it is all ahead.
_ASKING_ONLY = re.compile(
    r"(?:une |des |ma |petite )?questions?|renseign|infos?\b|informations?|(?:je voudrais|j aimerais|je souhaite|"
    r"je souhaiterais|je veux|je cherche a|besoin de) (?:savoir|me renseigner|comprendre|connaitre|des informations|"
    r"des infos|un renseignement|des conseils|un conseil)"
)


# A seizure said not to be ("pas de saisie", "aucune saisie", "rien n'a été saisi", "c'est pas encore saisi"), and the
# words of one: normalised text.
_SEIZURE_DENIED = re.compile(
    r"\b(?:(?:pas|aucune?|jamais)(?: eu| encore)? (?:de |d |eu de )?saisies?|(?:pas|rien|jamais)(?: n a| n ont)?"
    r"(?: encore| ete| eu)* saisi[es]?)\b(?! (?:quoi|comment|pourquoi|possible|si)\b)"
)
_SEIZURE_WORD = re.compile(r"\bsaisi\w*")


def denies_a_seizure(text: str) -> bool:
    """Whether the message says there is no seizure ("y a pas de saisie pour l'instant", "j'ai pas de saisie hein")."""
    return bool(_SEIZURE_DENIED.search(normalise(text)))


_SEIZED_THING_SPAN = 20  # characters around a seizure's word where what is seized is named
_SEIZURE_OWNERS = frozenset({"procedure_judiciaire", "banque"})


# A difficulty denied in so many words ("y a pas de travaux", "c'est pas l'urssaf le souci", "pas de souci avec la
# banque"), unlike a negation that tells of it ("je ne tiens pas sans ce découvert", "sans avocat": the development
# sets v9 and v10 lost four categories when any negated category word retracted it).
_DENIES_A_DIFFICULTY = re.compile(
    r"\b(?:(?:il )?(?:n )?y a (?:pas|plus|aucun|aucune|jamais eu) (?:de |d )?|(?:c est|ce n est|c|ca n est|ce) pas "
    # A loan turned down as a remedy ("la solution c'est pas un prêt", round 23) corrects no creditor.
    r"(?! ?une? (?:pret|credit|emprunt|financement|decouvert)\b)(?:le|la|les|l|du|des|avec|a cause (?:de|du|des))?\b|pas (?:de |d )?(?:souci|soucis|probleme|problemes) "
    r"(?:avec|de|du|des|cote|pour)\b|rien a voir avec|(?:n est|est) pas (?:le|mon) (?:souci|probleme)|"
    r"(?:c est|cest|c) (?:\S+ ){1,3}(?:pas|et non|et pas) (?!une? (?:pret|credit|emprunt|financement|decouvert)\b)"
    r"(?:le|la|les|l|du|des|de|a|aux?)?\b)"
)


def assess(
    user_messages: Sequence[str],
    previous: Assessment | None = None,
    situation: Mapping[str, str] | None = None,
    today: date | None = None,
) -> Assessment:
    """Assess the whole conversation so far (every message of the artisan, oldest first).

    Urgency never goes below `previous.urgency` and distress stays true once set; categories from
    `previous` are kept in their order, new ones follow in order of first mention; a category the artisan
    denies in a later message than the last that named it is dropped.
    """
    if isinstance(user_messages, str):
        user_messages = [user_messages]
    today = today or date.today()  # noqa: DTZ011 - callers with a chamber pass its date
    if (
        isinstance(user_messages, (list, tuple))
        and len(user_messages) == 1
        and isinstance(user_messages[0], str)
        and previous is None
        and not situation
        and not _models_swapped()
    ):
        # One message alone, the way the case's draft, the transcript and the answers read each message again at every
        # action call: a result of its text and date only, computed once. A copy: the reasons' lists are the caller's.
        alone = _assessed_alone(user_messages[0], today)
        return replace(alone, reasons={key: list(values) for key, values in alone.reasons.items()})
    return _assessed(user_messages, previous, situation, today)


# Bounded: a message's own text and the day, never anything of its conversation (issue 18).
@lru_cache(maxsize=4096)
def _assessed_alone(text: str, today: date) -> Assessment:
    return _assessed([text], None, None, today)


def _models_swapped() -> bool:
    """Cross-validation and the reports swap other learned models or thresholds in (triage.model, triage.urgency_model):
    a message is then read afresh, never from what the trained models read."""
    return bool(learned_model._override or learned_model._best_alone_override or urgency_model._override)


def _assessed(
    user_messages: Sequence[str], previous: Assessment | None, situation: Mapping[str, str] | None, today: date
) -> Assessment:
    run = _Run(today)
    for index, text in enumerate(user_messages):
        if text:
            # Pasted HTML is read as its words (round 7): the classifiers and the quotes see no tags either.
            run.message(without_markup(str(text)), index)
    if situation:
        run.situation(situation, len(user_messages))

    # A difficulty denied later is dropped, even one kept from `previous`: the artisan corrected the bot.
    retracted = run.retracted()
    # Categories: previous ones first (a stable primary), then by first mention.
    ordered: list[str] = [code for code in previous.categories if code not in retracted] if previous else []
    for hit in sorted(run.without_denied_seizures(), key=lambda hit: hit.order):
        if hit.owner in retracted:
            continue
        if hit.owner not in ordered:
            ordered.append(hit.owner)
        quote = _quote(hit.clause, hit.start, hit.end)
        if hit.learned:
            quote = f"{quote} : ressemble aux exemples appris (modèle ; mots : {hit.learned})"
        _add_reason(run.reasons, hit.owner, quote)
    if any(code != "autre" for code in ordered):
        # "autre" gives way to a specific category ("ma boîte va mal" then "c'est l'URSSAF"), unless the rules read a
        # difficulty of its own that fits no code (a fraud, a licence withdrawn, a lease not renewed, the vehicle
        # impounded: round 19, retired v25): a message can carry several categories.
        distinct = rules().categories["autre"].distinct
        own = [
            _quote(hit.clause, hit.start, hit.end)
            for hit in run.hits
            if hit.owner == "autre"
            and "autre" not in retracted
            and not hit.learned
            and distinct is not None
            and distinct.search(hit.clause.text[hit.start : hit.end])
        ]
        run.reasons.pop("autre", None)
        ordered = [code for code in ordered if code != "autre"]
        if own:  # last: the specific category stays the primary
            ordered.append("autre")
            for quote in own:
                _add_reason(run.reasons, "autre", quote)

    distress = run.distress or bool(previous and previous.distress)
    computed = _max_level(*run.levels)
    # "Contrôle fiscal annoncé pour mars." then "je veux seulement bien m'y préparer" (development v16): the category's
    # words alone said normale, the artisan says it is all ahead.
    if computed == "normale" and run.ahead_said and not run.present_said:
        computed = "basse"
    if distress:
        computed = "critique"
    elif computed is None and ordered:
        computed = "normale"
    if not ordered and not distress:
        computed = None  # a date alone ("avant vendredi") is no difficulty
    previous_urgency = previous.urgency if previous else None
    urgency = _max_level(computed, previous_urgency)

    reasons = {
        key: list(values)
        for key, values in (previous.reasons.items() if previous else ())
        if key in ordered or key in ("distress", "distress_signs")
    }
    if previous_urgency != urgency:
        reasons.pop("urgency", None)
    for key, values in run.reasons.items():
        for value in values:
            _add_reason(reasons, key, value)
    if urgency == "critique":
        for quote in run.reasons.get("distress", []):
            _add_reason(reasons, "urgency", f"risque pour la vie : {quote}")
    elif urgency == "normale" and not reasons.get("urgency"):
        _add_reason(
            reasons,
            "urgency",
            "difficulté décrite, échéance signalée mais pas dans les prochains jours"
            if run.later_deadline
            else "difficulté décrite, sans échéance proche signalée",
        )
    elif urgency == "basse" and not reasons.get("urgency"):
        for value in run.level_reasons["basse"] or ["demande d'information ou anticipation"]:
            _add_reason(reasons, "urgency", value)
    elif urgency is not None:
        for value in run.level_reasons.get(urgency, []):
            _add_reason(reasons, "urgency", value)

    levels = [sign.level for sign in run.signs]
    if previous and previous.distress_level is not None:
        levels.append(previous.distress_level)
    signs = list(previous.distress_signs) if previous else []
    for sign in run.signs:
        if sign.rule not in signs:
            signs.append(sign.rule)
        if sign.level <= INDIRECT or not distress:
            bucket = reasons.setdefault("distress_signs", [])
            if sign.reason not in bucket:
                bucket.append(sign.reason)

    return Assessment(
        categories=tuple(ordered),
        urgency=urgency,
        distress=distress,
        overwhelm=run.overwhelm and not distress,
        reasons={key: values for key, values in reasons.items() if values},
        distress_level=min(levels) if levels else None,
        distress_signs=tuple(signs),
        bereaved=run.bereaved,
        person_at_risk=None if run.own_sign else run.person_at_risk,
    )
