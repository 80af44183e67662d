"""What the artisan already said, read from their own words (plain Python, no Rasa).

``extract_facts("je suis boulanger, l'urssaf me réclame 8000 € depuis 3 semaines")`` ->
``{"trade": "boulanger", "creditors": "URSSAF 8000 €", "since_when": "depuis 3 semaines"}`` (and the
``departement`` code of a place named, read by the ``places`` package): the
intake slots a message fills, so that the question is not asked. Values keep the artisan's words (the
advisor reads them; ``guidance.profile`` interprets legal forms and employees); only the creditors are
tidied into "who amount" pairs.

``sympathy(text)`` is a short line said before any question when the message tells of a death, an
illness or a disaster.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import phonenumbers
import yaml
from rapidfuzz.distance import Levenshtein

from french import MONTHS, MONTHS_FOLDED, NUMBER_WORDS
from french.text import fold_in_place
from french.words import ACCENTED_KIN, FILLERS, KIN, with_possessive

if TYPE_CHECKING:  # places imports intake: read lazily below
    from collections.abc import Iterable

    from places.resolve import Resolution
from intake.reproach import without_reproach

LOOKUPS = Path(__file__).resolve().parent.parent / "nlu" / "lookups"

_NUMBER_WORDS = (
    "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|"
    "quelques|plusieurs|bientot|presque"
)
_NUMBER = rf"(?:\d{{1,3}}(?:[.,]5)?|{_NUMBER_WORDS})"
_UNIT = r"(?:jours?|semaines?|mois|ans?|annees?|trimestres?)"
_MONTHS = "|".join(MONTHS_FOLDED)


# One character for one, so that spans found in the folded words hold in the original (french.text).
fold = fold_in_place


# ----------------------------------------------------------------------------------------- duration

_SINCE = [
    re.compile(
        rf"\b(?:depuis|ca fait|cela fait|ca va faire|voila|voici|il y a|y a|ya|y'a)\s+"
        rf"(?:maintenant\s+|deja\s+|bientot\s+|presque\s+|plus de\s+|pres de\s+|environ\s+|a peu pres\s+|au moins\s+)?"
        rf"(?:{_NUMBER}|un bon|une bonne)\s+(?:{_UNIT})(?:\s+et demie?)?"
    ),
    re.compile(
        # "depuis le mois de septembre" (round 18, r18a-03: missed, and "Depuis quand ?" asked again).
        r"\bdepuis\s+(?:le |la |l'|l |les |des |cet |cette |debut |fin |mi-?|mois de |mois d')*"
        rf"(?:rentree|ete|printemps|automne|hiver|noel|covid|confinement|(?:{_MONTHS})(?: \d{{4}})?|\d{{4}}|"
        r"longtemps|toujours|des mois|des semaines|des annees|quelque temps|un moment|un bail|"
        r"annee derniere|an dernier|mois dernier|semaine derniere|debut de l'annee|debut d'annee|"
        r"l'ouverture|que j'ai ouvert|mon installation|le deces|la mort|l'accident|l'incendie|les travaux)"
    ),
    re.compile(r"\b(?:des mois|des semaines|des annees|plusieurs mois|plusieurs semaines)\s+que\b"),
    # "la grêle de dimanche a tout cassé" (round 17, r17a-09: then asked "Depuis quand ?" and the answer dropped): the
    # event dated by the day it struck is when the situation began.
    re.compile(
        r"\b(?:grele|tempete|orage|inondation|incendie|cyclone|accident|cambriolage|degat des eaux|coup de vent)s? "
        r"(?:de|du|d')\s?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|avant-hier|la semaine derniere|"
        r"(?:la )?nuit derniere|ce week-?end|le week-?end dernier)\b"
    ),
    re.compile(
        r"\b(?:le mois dernier|la semaine derniere|l'an dernier|l'annee derniere|l'an passe|cet ete|cet hiver|"
        rf"ce printemps|cet automne|en (?:{_MONTHS})(?: dernier)?)\b"
    ),
]

# ----------------------------------------------------------------------------------------- deadline

_DEADLINE_CONTEXT = re.compile(
    r"\b(?:audience|convocation|convoque|tribunal|saisie|huissier|commissaire de justice|expulsion|"
    r"salaires?|payer|paye|echeance|date limite|mise en demeure|relance|prelevement|loyer|rejet|mensualite|traite|"
    r"coupure|avant le|au plus tard|jugement|liquidation|redressement|"
    # "EDF coupe le 18 décembre", "on a jusqu'au 28 décembre pour saisir la commission" (round 19, r19c-12, r19b-12:
    # the real deadline missed, a date of no consequence kept instead).
    r"coupe|coupent|couper|coupera|couperont|jusqu'|jusqu |delai|pour saisir|pour contester|recours|regler|verser|"
    # The acts that open a legal delay ("j'ai relu le commandement, ils me donnent un mois": round 15, r15a-15).
    r"commandement|contrainte|injonction|assignation|sommation|opposition|"
    # "ya une date sur le papier, le 18" (round 29, make run: at the callback offer, the date dropped).
    r"(?:une|la) date (?:est )?(?:sur|dans|marquee|indiquee|ecrite|donnee)|date (?:sur|dans) (?:le|la|leur) "
    r"(?:papier|courrier|lettre|document|recommande)|"
    # A date with what happens after it: "la banque a dit fin de semaine sinon ils ferment le compte" (round 35, make run,
    # r35-e: the triage read the threat, the case had no deadline).
    r"sinon (?:ils?|elles?|on|la banque|le banquier|l'urssaf|les impots|le proprio|le bailleur)\b|"
    r"(?:ferme|ferment|fermer|fermera|fermeront|cloture\w*|bloque|bloquent|bloquer|bloquera|bloqueront) "
    r"(?:le|mon|notre|les|mes) comptes?|resili\w*|denonce\w* (?:le|mon) pret|exigib\w*|"
    # A sum demanded with its date: "ils veulent 9000 pour la fin du mois" (round 35, r35-g: at the callback offer, "Je
    # n'ai pas bien compris").
    r"(?:veut|veulent|reclame|reclament|exige|exigent|demande|demandent|attend|attendent) (?:les |des )?"
    r"(?:\d{1,3}(?:[ .]\d{3})+|\d{3,}|\d+ ?(?:€|euros?|eur|k|balles|mille))(?!\d)|avant la fin)"
)

# ----------------------------------------------------------------------------------------- employees

# The feminine first: "apprentis?" alone took "une apprentie" as "une apprenti" (round 5, said back to the artisan).
_EMPLOYEE_WORDS = r"(?:salariees?|salaries?|employees?|employes?|ouvrieres?|ouvriers?|apprenties?|apprentis?|compagnons?|gars|collaborateurs?|collaboratrices?|vendeuses?|vendeurs?|personnes? avec moi)"
# "payer les salaires": there are employees, how many unsaid.
_SALARIES_ONLY = re.compile(r"\b(?:les|des|le|mes|payer les|payer mes)\s+salaires\b")
# "je suis seule" says who works in the business only when the words say so ("seul dans l'atelier", "seul à bosser");
# else it is how one lives (round 12, r12b-05: a widow's "je suis toute seule maintenant" became "Salariés : je suis
# toute seule"). At the employees question it is the answer (extract_facts, asked="employees").
_ALONE_AT_WORK = (
    r"(?:a (?:bosser|travailler|gerer|tout faire|mon compte|bord)|pour (?:tout faire|bosser|travailler)|"
    r"(?:dans|sur) (?:la |l'|le |les |mon |ma |mes |notre )?(?:boite|entreprise|societe|affaire|atelier|boutique|"
    r"magasin|garage|salon|camion|chantiers?|boulot)|au (?:boulot|travail|taf|magasin|atelier|salon)|"
    r"(?:,\s*)?(?:sans|pas de|aucun) (?:salaries?|employes?|ouvriers?|apprentis?)|"
    r"(?:comme|en tant que) (?:patron|patronne|gerante?|artisan))"
)
_ALONE_IN_BUSINESS = re.compile(rf"\b(?:je suis|on est|je reste)\s+(?:toute?\s+)?seule?s?\s+{_ALONE_AT_WORK}")
_ALONE_SAID = re.compile(r"\b(?:je suis|on est)\s+(?:toute?\s+)?seule?s?\b(?! face| avec| dans ma tete)")
_EMPLOYEES = [
    re.compile(
        r"\b(?:je (?:travaille|bosse)|on (?:travaille|bosse))\s+(?:toute?\s+)?seule?\b(?! face| avec| dans ma tete)"
    ),
    _ALONE_IN_BUSINESS,
    re.compile(r"\b(?:sans|pas de|aucun|zero|0)\s+(?:salaries?|employes?|ouvriers?)\b"),
    re.compile(r"\bje n'?ai (?:pas|plus|aucun) (?:de |d')?(?:salaries?|employes?|ouvriers?)\b"),
    re.compile(rf"\b(?:\d{{1,3}}|{_NUMBER_WORDS})\s+{_EMPLOYEE_WORDS}"),
    # "on est 3 avec mon apprenti", and the count with who it counts, the owner too ("on est 2, moi et mon apprenti",
    # "nous sommes trois : moi, ma femme et un ouvrier"; round 27, lead27-02: "Salariés : mon apprenti", the count lost).
    re.compile(
        r"\b(?:on est\s+{n}\b(?:{me}|\s+(?:avec|dont)\s+{item})?|nous sommes\s+{n}\b{me})".format(
            n=r"(?:\d{1,2}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)",
            # The people listed with the owner, the owner first or last: "moi et mon apprenti", "mon associé et moi".
            me=r"(?:{sep}{item})*?{sep}moi(?:[- ]?meme)?(?:\s+(?:compris|inclus|y compris))?(?:{sep}{item})*".format(
                sep=r"(?:\s*(?:[,:+]|\.{2,}|…)\s*(?:et\s+|avec\s+|dont\s+)?|\s+(?:et|avec|dont)\s+|\s+(?=moi\b))",
                item=r"(?:mon|ma|mes|un|une|deux|trois|le|la|les|l'|l )\s*\w+",
            ),
            item=r"(?:mon|ma|mes|un|une|deux|trois)\s+\w+",
        )
    ),
    re.compile(rf"\b(?:mon|ma|mes|notre|nos)\s+(?:seule?\s+)?{_EMPLOYEE_WORDS}"),
    # "payer les salaires" is not in this list: wages say there are employees, not how many, and "Salariés : les
    # salaires" told the advisor nothing (round 14, B10); the question "combien ?" is asked.
]


def names_people_at_work(text: str | None) -> bool:
    """The words say who works with the artisan ("2 salariés", "une apprentie", "je bosse seul"): never a length of
    time ("3 semaines", round 11, r11a-19: stored as "Salariés : 3 semaines") nor a first name alone ("Lucas")."""
    folded = fold(text or "")
    return bool(_employees(text or "", folded)) or bool(re.search(rf"\b{_EMPLOYEE_WORDS}\b", folded))


_COUNT_SAID = re.compile(
    r"\b(?:\d{1,3}|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente)\b"
)


def vaguer_employees(new: str | None, known: str | None) -> bool:
    """ "mes gars" read after "deux gars" (round 19, r19z-07: the count replaced by a later, vaguer mention): the new
    value says no count where the one noted did."""
    if not new or not known:
        return False
    return bool(_COUNT_SAID.search(fold(str(known)))) and not _COUNT_SAID.search(fold(str(new)))


def says_only_salaries_are_paid(employees: str | None) -> bool:
    """ "les salaires": there are employees, no more; it never replaces what was said of them ("4 compagnons et un
    apprenti" became "Salariés : les salaires" after "les salaires du 31", round 7)."""
    return bool(employees) and bool(_SALARIES_ONLY.fullmatch(fold(str(employees))))


# ----------------------------------------------------------------------------------------- legal form

_LEGAL_EXTRA = [
    re.compile(r"\b((?:micro|auto)[- ]?(?:entrepreneur|entreprise|entrepreneuse)s?)\b"),
    re.compile(r"\b(?:en|je suis en|suis en|sous le regime de la|regime)\s+(micro|auto)\b"),
    re.compile(r"\b(en nom propre|en entreprise individuelle|en societe)\b"),
    re.compile(r"\b(?:en|une|mon|ma)\s+(ei|eirl|eurl|sarl|sas|sasu|snc|sci|societe|entreprise individuelle)\b"),
    # "micro" as the whole answer, at whatever question it comes ("micro je t'ai dit" at the employees question).
    re.compile(r"^\W*(micro)\W*$"),
]

# ----------------------------------------------------------------------------------------- creditors

_CREDITORS = [
    # "lurssaf": the article glued on, as typed on a phone (round 14).
    ("URSSAF", r"l?urssaf|cotisations?|ssi|rsi|secu des independants|securite sociale des independants|cpsti"),
    # "un contrôle fiscal, ils me réclament 30 000 euros": the tax office, whose amount follows (round 14).
    (
        "impôts",
        r"impots?|fisc|tresor public|sie|dgfip|finances publiques|centre des impots|tva|cfe|"
        r"(?:controle|redressement) fiscal",
    ),
    (
        "banque",
        # "un crédit pro de 40 000" (round 12, r12c-07: never read, then asked again): a loan, never a tax credit.
        r"banques?|banquier|banquiere|pret|credit agricole|credit mutuel|cic|bnp|lcl|caisse d'epargne|banque populaire|societe generale|la poste|pge|"
        r"credits?(?! d'impots?| d impots?)|emprunts?",
    ),
    # "le fournisseur d'énergie" (round 27, r27-a-06 / D13: read as a supplier, the energy debt it denied kept): the
    # energy supplier, before any supplier.
    ("énergie", r"fournisseurs? (?:d'|d |de |en )(?:energie|electricite|gaz)|edf|engie|electricite|gaz"),
    ("fournisseurs", r"fournisseurs?|grossistes?"),
    ("loyer", r"loyers?|proprietaire|bailleur|proprio"),
    # The MSA is the farmers' social security, named as itself (round 15, r15a-10: echoed "caisse de retraite").
    ("MSA", r"msa|mutualite sociale agricole"),
    # Overseas, the contributions' collector named as itself (round 29, r29-b-06: "la cssm me réclame aussi 3000" was not
    # heard, and the debts question was asked twice): Guadeloupe, Martinique, Guyane, Réunion's CGSS, Mayotte's CSSM.
    ("CGSS", r"cgss|caisse generale de securite sociale"),
    ("CSSM", r"cssm|caisse de securite sociale de mayotte"),
    # New Caledonia's social security, named as itself, never the URSSAF (round 20, r20c-20).
    ("CAFAT", r"cafat"),
    # French Polynesia's social security fund, named as itself, never the URSSAF (round 28, r28-b-26: "la CPS me
    # réclame des cotisations" stored as URSSAF); the triage names it so (triage/rules/categories.yml, round 21).
    ("CPS", r"(?<=la )cps|(?<=a la )cps|caisses? de prevoyance sociale"),
    ("caisse de retraite", r"carsat|caisse de retraite|cipav|pro btp"),
]
_CREDITOR = re.compile(
    r"\b(?:" + "|".join(f"(?P<c{index}>{pattern})" for index, (_, pattern) in enumerate(_CREDITORS)) + r")\b"
)
# "8,5k", "8.5 k€": a decimal point before thousands (round 14: "8.5k€" was read as 5 000 €).
_AMOUNT = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[ \u00a0.]\d{3})+|\d+)(?:,(\d{1,2})|\.(?=\d\s?k)(\d))?\s?(k\s?€|k\s?euros?|k\b|ke\b|keuros?|€|euros?\b|eur\b|balles\b|e\b)"
)
_BARE_AMOUNT = re.compile(
    r"(?<![\w.,/])(\d{1,3}(?:[ .]\d{3})+|\d{3,6})(?![\w/]|[.,]\d|\s?(?:%|h\b|ans?\b|jours?|mois|m2|km))"
)
# A creditor named without an amount is a creditor only when a debt is said in the same clause.
# "il reste l'URSSAF, 8 000 €, et le crédit du camion" (round 24, finding 3: asked again whom she owed): what is left
# to pay is owed.
_DEBT = re.compile(
    r"\b(?:doi[st]|devons|dette|reclame|reclament|impaye|retard|relance|du a|dus a|due a|redressement|"
    r"doit|payer|rembourse|echeance|cotisations|a payer|arriere|majorations?|penalites?|"
    # A letter demanding payment says the money is owed ("une mise en demeure de l'urssaf, 6200€": round 30).
    r"mises? en demeure|commandements? de payer|injonctions? de payer|"
    r"(?:^|(?:il|me|nous|en|leur|lui) )reste(?:nt)?\b|reste (?:encore|aussi|du|de)\b|restant du)"
)
# A point or a comma between two digits is a decimal one ("8.5k", "8 500,50 €"), no clause break.
_CLAUSE = re.compile(r"(?<!\d)[.,]|[.,](?!\d)|[;!?\n]| et | mais | puis ")
_SENTENCE_END = re.compile(r"(?<!\d)\.|\.(?!\d)|[;!?\n]")
# An amount owed said without whom it is owed to ("j'ai 8 500 euros de retard", "on me réclame 8500 €", "je dois dans
# les 8500"): money owed, kept so that "Si oui, environ combien ?" is not asked again (round 14). Not what a client owes
# the artisan, nor turnover lost or earned.
_OWED = re.compile(
    # "1 mois pour payer, c'est 8400 euros" (round 18, r18a-01): a delay to pay says the sum is owed.
    r"\b(?:dettes?|endettee?s?|retards?|arrieres?|reclam\w*|a rembourser|a regler|a payer|decouvert|mises? en demeure|"
    r"(?:jours?|semaines?|mois|delai) pour (?:payer|regler|rembourser)|"
    r"(?:dois|doit|devons)(?: encore| en tout| au total)? (?:payer|rembourser|regler|verser|a |au |aux |environ|pres|"
    r"dans les|a peu pres|plus de|au moins|genre|\d))"
)
_NOT_OWED = re.compile(
    r"\b(?:chiffre|ca|perdu|perte|pertes|gagne|gagner|benefices?|factur\w*|devis|salaire de|me doi\w*|nous doi\w*|"
    # Money held is no money owed ("j'ai 800 € sur le compte", round 30).
    r"client\w*|impayes?|sur (?:le|mon|notre|son) compte|en caisse)\b"
)
# "je n'ai pas de dettes URSSAF", "aucun souci avec la banque", "à jour avec les impôts": not a creditor.
_NO_DEBT = re.compile(
    r"\b(?:pas|plus|aucune?|jamais|sans)\s+(?:de |d |d')?(?:dett?es?|soucis?|problemes?|retards?|impayes?)\b|"
    r"\bne (?:leur |lui )?dois (?:rien|plus rien)\b|\bdois rien\b|\ba jour\b"
)


# Round 19 (r19c-01, 06, 08, 09, 12): amounts that are no money owed were put on the creditor of the sentence: an
# overdraft ceiling ("la banque a réduit mon découvert de 10 000 à 3 000 €"), a refused loan or its quote ("refusé le
# prêt, le devis était de 35 000 €"), an order cancelled, the wages to pay, the turnover lost.
_COST_RISE_WORDS = (
    r"au lieu de|augment\w*|hausse|pass(?:e|er|era|ent) de [\d .]+(?:k|€|euros?)? a|nouvel(?:le)? (?:loyer|tarif|prix|mensualite)|"
    r"(?:nouveau|futur|prochain) (?:loyer|tarif|prix)|revalori\w*|indexe\w*|indexation"
)
_NO_DEBT_AMOUNT = re.compile(
    r"\b(?:devis|commandes?|annul\w*|plafond\w*|autorisee?|autorisation|"
    r"(?:reduit|baisse|diminue|ramene|plafonne|limite|coupe)\w*\b(?: [\w']+){0,3} decouvert|"
    r"decouvert\w*(?: [\w']+){0,3} (?:est |a ete )?(?:passe|reduit|baisse|ramene|diminue)|"
    r"decouvert\w*(?: [\w']+){0,2} de [\d .]+(?:k|ke|€|euros?)? (?:a|en) \d|"
    r"refus\w*(?: [\w']+){0,3} (?:le |un |mon |du |d'|l')?(?:pret|credit|emprunt|financement)|"
    r"(?:pret|credit|emprunt|financement)s?(?: [\w']+){0,3} refus\w*|"
    r"chiffre|perdu|pertes?|salaires?|(?:la|les|des|mes|nos) (?:paies?|payes?)|" + _COST_RISE_WORDS + r")\b"
)
# Round 22 (r22c-13): a cost that rises is no debt ("900 € au lieu de 650 à partir de janvier" was "loyer 900 €"), nor
# is the one it is said of a creditor.
_COST_RISE = re.compile(r"\b(?:" + _COST_RISE_WORDS + r")\b")
# Round 22 (r22c-13): "non je dois pas 900, c'est le nouveau loyer": a debt denied names no creditor.
_DEBT_DENIED = re.compile(
    r"\b(?:dois|doit|devons|devez)\s+(?:pas|plus|rien|aucun\w*)\b|\bne (?:\w+ )?(?:dois|doit)\b|"
    r"\b(?:pas|plus|aucune?)\s+(?:une |de |d')?dettes?\b"
)
# Words that say the amount is owed all the same ("la commande impayée de 4 800 €", "je lui dois 3 000 €").
_DEBT_SAID = re.compile(
    # "je dois 3 000 €" says a debt, "je dois sortir les paies" an obligation to act.
    r"\b(?:(?:dois|doit|devons)\b(?! (?:encore |aussi |bien |vite )?\w+(?:er|ir|re)\b)|dettes?\b|retards?\b|"
    r"impayee?s?\b|reclam\w*|arrieres?\b|a rembourser\b)"
)


def _no_debt_said(folded: str) -> str:
    """The words without those denying any debt ("pas de dettes", "je dois rien"); one denied to a creditor named ("pas
    de dettes URSSAF mais la banque ...") still says there are debts elsewhere."""

    def unless_to_a_creditor(denial: re.Match[str]) -> str:
        after = " ".join(re.split(r"[,.;!?]| mais ", denial.string[denial.end() :], maxsplit=1)[0].split()[:4])
        return denial.group() if _CREDITOR.search(after) else " "

    return _DEBT_DENIED.sub(unless_to_a_creditor, _NO_DEBT.sub(unless_to_a_creditor, folded))


def _no_debt_amount(clause: str) -> bool:
    """The clause's amount is no money owed (a ceiling, a quote, a refused loan, a cancelled order, wages, turnover)."""
    return bool(_NO_DEBT_AMOUNT.search(clause)) and not _DEBT_SAID.search(clause)


# "2 400 € par mois", "1 800 €/mois": a monthly charge, said as such (round 19, r19c-09: "banque 1 800 €").
_MONTHLY_AFTER = re.compile(
    r"\s*(?:(?:de |d')[\w']+ )?(?:/ ?mois\b|par mois\b|mensuel\w*|chaque mois\b|tous les mois\b)"
)


def _monthly(clause: str, match: re.Match[str], shown: str) -> str:
    return f"{shown} par mois" if _MONTHLY_AFTER.match(clause, match.end()) else shown


# "3 loyers de 1 150 €", "deux mensualités de 900" (round 19, r19c-04: "loyer 1 150 €"): the sum owed is the product.
_COUNT_WORDS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10}
_COUNT_OF_AMOUNT = re.compile(
    r"\b(?P<count>\d{1,2}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix) (?P<what>loyers|mensualites|echeances|traites|"
    r"trimestres|mois de loyers?) (?:impayes |en retard |de retard )?(?:de |a |d'un montant de )"
    r"(?P<amount>\d{1,3}(?:[ .]\d{3})+|\d+)(?![\d,])"
)
_TIMES_AMOUNT = re.compile(
    r"\b(?P<count>\d{1,2}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix) ?(?:fois|x|×) ?"
    r"(?P<amount>\d{1,3}(?:[ .]\d{3})+|\d+)(?![\d,])"
)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _COUNT_WORDS[word]


def counted_amounts(folded: str) -> str:
    """The folded words with "3 loyers de 1150" read as "loyers de 3450" (not the same length: for reading amounts)."""

    def product(match: re.Match[str]) -> str:
        total = _count(match.group("count")) * int(re.sub(r"\D", "", match.group("amount")))
        return f"{match.group('what')} de {total}"

    return _COUNT_OF_AMOUNT.sub(product, folded)


@cache
def _lookup(name: str) -> tuple[str, ...]:
    data = yaml.load((LOOKUPS / f"{name}.yml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    words: set[str] = set()
    for entry in data.get("nlu", []):
        for line in (entry.get("examples") or "").splitlines():
            word = line.strip().lstrip("-").strip()
            if word:
                words.add(fold(word))
    # Longest first, so that "coiffeur à domicile" wins over "coiffeur".
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _lookup_pattern(name: str, plural: bool = False) -> re.Pattern[str]:
    """Any word of a lookup table, whole; with ``plural``, also its plural ("nous sommes boulangers", round 7)."""
    ending = r"(?:s|x)?" if plural else ""
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(word) for word in _lookup(name)) + r")" + ending + r"(?![\w-])"
    )


def _span(original: str, match: re.Match[str], group: int | str = 0) -> str:
    return " ".join(original[match.start(group) : match.end(group)].split())


# "ébéniste depuis 22 ans", "installé à mon compte depuis 2009": how old the business is, not how long the difficulty
# has lasted (it was stored as "Depuis quand : depuis 22 ans" for the advisor).
_BUSINESS_AGE_BEFORE = re.compile(
    r"(?:install\w*|a (?:mon|son|notre) compte|en activite|j'exerce|exerce|artisan|patronn?e?|cree|creee|"
    r"ouvert|ouverte|existe|dans le metier|le metier|en (?:sarl|eurl|sas|sasu|micro|auto|ei)\w*)(?: \w+){0,2}\s*$"
)


# "deux gars que je connaissais depuis dix ans" (round 6, p15): how long a person was known, not how long the
# difficulty has lasted (stored as "Depuis quand : depuis dix ans" over the artisan's "depuis le covid").
_OTHER_DURATION_BEFORE = re.compile(
    r"(?:\bconnai\w*|\bconnu\w*|\bamie?s?|\bcopains?|\bcopines?|\bpotes?|\bmarie\w*|\bensemble|\bvoisins?|"
    r"\bfideles?|\bhabite\w*|\bvis|\bvit|\bloue\w*|\bbail|\bcontrat|\bpret|\bcredit|\bassocie\w*)(?: \w+){0,2}\s*$"
)


# "ça va durer jusqu'en mars", "d'ici mars", "en mars prochain": when it ends or what comes, never since when it lasts
# (round 14, B10: "Depuis quand : en mars" replaced "depuis octobre").
_UNTIL_BEFORE = re.compile(r"(?:\bjusqu'|\bjusqu |\bjusque |\bd'ici |\bavant |\bapres |\bpour |\bdes |\ba partir d')$")
_AHEAD_AFTER = re.compile(r"^\s*(?:prochaine?|qui vient|a venir)\b")
_FUTURE_IN_CLAUSE = re.compile(
    r"\b(?:va|vont|vais|allons|sera|seront|serai|devrait|devraient|doit|doivent) (?:durer|finir|se finir|terminer|"
    r"se terminer|reprendre|commencer|arriver|tomber|passer|etre|avoir lieu)\b|\bprevue?s?\b|"
    # "la période d'observation finit en mars" (round 25, s25a-12): what ends then, never since when it lasts.
    r"\b(?:finit|finissent|se termine|se terminent|s'arrete|s arrete|prend fin|expire|expirent|echoit)\b"
)


# "la mise en demeure est sur la table depuis une semaine", "la contrainte, je l'ai reçue il y a 10 jours" (round 23,
# r23b-08, r23a-07: stored as "Depuis quand" over "depuis l'hiver dernier"): the age of a letter, said in its sentence.
_LETTER = re.compile(
    r"\b(?:lettres?|courriers?|recommandee?s?|mises? en demeure|contraintes?|commandements?|assignations?|"
    r"enveloppes?|avis|convocations?|relances?|mails?|sms|jugements?|significations?)\b"
)
_LETTER_WAITING = re.compile(
    r"\b(?:recue?s?|arrivee?s?|envoyee?s?|sur la table|sur le bureau|trainen?t?|pas (?:encore )?ouverte?s?|"
    r"(?:l'ai|les ai|l ai) eue?s?|ouverte?s?|notifiee?s?|signifiee?s?)\b"
)


def _sentence_around(folded: str, at: int) -> str:
    start = max(folded.rfind(mark, 0, at) for mark in ".!?;\n") + 1
    ends = [index for index in (folded.find(mark, at) for mark in ".!?;\n") if index >= 0]
    return folded[start : min(ends, default=len(folded))]


def _health_lasts(before: str, after: str) -> bool:
    """The duration says how long health or distress lasts, not the business trouble (round 27, r27-a-04, D10: "je dors
    plus depuis des semaines" became "Depuis quand : depuis des semaines", a sleep problem in the case whose health
    consent was refused): read in its clause, the words before it, or after it when it opens the clause ("ça fait
    trois semaines que je dors plus")."""
    from triage.health import mentions_health

    said = before if re.search(r"\w", before) else re.split(r"[,.;!?]", after)[0]
    return bool(re.search(r"\w", said)) and mentions_health(said)


# Round 29 (r29-a-21): "une cliente me fait un procès, audience en février" was stored as "Depuis quand : en février" and
# "Échéance : aucune échéance connue": a month said right after a hearing, a summons or a judgement is when it takes
# place, the deadline, never since when the trouble lasts.
_EVENT_IN_MONTH = re.compile(
    r"\b(?:audiences?|convocations?|convoquee?s?|jugements?|proces|passage au tribunal|rendez vous|rendez-vous|rdv|"
    r"expertises?|ventes? aux encheres|delibere|plaidoiries?|comparution|comparaitre)\b(?: [\w']+){0,3}? "
    rf"(?:en|au mois de|au mois d'|pour|vers|debut|fin|mi)[\s-]+({_MONTHS})\b(?!\s+dernier)"
)


def _event_month(folded: str, today: date | None = None) -> re.Match[str] | None:
    """The hearing's month, when it lies ahead (within half a year) and is not what the trouble dates from ("depuis
    l'audience en octobre")."""
    event = _EVENT_IN_MONTH.search(folded)
    if event is None or re.search(r"\bdepuis (?:l'|l |le |la |les |mon |ma |son |sa )?$", folded[: event.start()]):
        return None
    today = today or date.today()  # noqa: DTZ011 - callers with a chamber pass its date
    ahead = (MONTHS_FOLDED.index(event.group(1)) + 1 - today.month) % 12
    return event if ahead <= 6 else None


def _since_when(text: str, folded: str, today: date | None = None) -> str | None:
    event = _event_month(folded, today)
    for pattern in _SINCE:
        for match in pattern.finditer(folded):
            if event and event.start() <= match.start() < event.end():
                continue  # "audience en février": when the hearing is, never since when the trouble lasts
            clause = re.split(r"[,.;!?]", folded[: match.start()])[-1]
            if not match.group().startswith(("depuis", "ca fait", "cela fait", "il y a", "y a", "ya", "des ")) and (
                _UNTIL_BEFORE.search(folded[: match.start()])
                or _AHEAD_AFTER.match(folded[match.end() :])
                or _FUTURE_IN_CLAUSE.search(clause)
            ):
                continue
            if _OTHER_DURATION_BEFORE.search(clause):
                continue
            if _LETTER_WAITING.search(clause) and _LETTER.search(_sentence_around(folded, match.start())):
                continue  # round 23 (r23b-08, r23a-07): how long a letter has waited, not since when the trouble lasts
            if _health_lasts(clause, folded[match.end() :]) and not _event_dated(match.group(), clause):
                continue
            # The trade just before the duration ("ébéniste depuis 22 ans"), never one said earlier in the clause ("3
            # pressings me doivent 4200€ depuis cet été", round 17, r17a-08: lost).
            near = " ".join(clause.split()[-3:])
            if _BUSINESS_AGE_BEFORE.search(clause) or (_trade(near, near) and clause.split()[-1:] != ["et"]):
                continue
            since = _SINCE_EVENT_BEFORE.search(folded[: match.start()]) if match.group().startswith("il y a") else None
            if since:
                # "depuis l'accident il y a un mois" (round 28, r28-b-11: "depuis l'accident" kept alone): both said.
                return " ".join(text[since.start() : match.end()].split())
            return _span(text, match)
    return None


# A health event dated ("il est tombé d'un toit il y a 1 mois", "opérée il y a 3 semaines", round 28, r28-b-11: not read,
# and "Depuis quand ?" asked after it was given): when the trouble began, unlike how long a symptom lasts ("je dors plus
# depuis des semaines").
_HEALTH_EVENT = re.compile(
    r"\b(?:tombee?s?|chute|accident\w*|operee?s?|hospitalisee?s?|diagnostiquee?s?|blessee?s?|cassee?s?|brulee?s?|"
    r"renversee?s?|infarctus|avc|crise cardiaque|attaque cardiaque|decedee?s?|morte?s?)\b"
)


_SINCE_EVENT_BEFORE = re.compile(r"\bdepuis (?:l'|le |la )\w+(?: (?:de|d') ?(?:mon|ma|sa|son|notre) \w+)?\s*,?\s*$")


def _event_dated(said: str, clause: str) -> bool:
    return said.startswith(("il y a", "y a", "ya", "y'a", "depuis l'accident", "depuis le deces")) and bool(
        _HEALTH_EVENT.search(clause + " " + said)
    )


# "tout de suite", "immédiatement" say a date only next to what is due ("il faut payer tout de suite"); in another
# sentence they say how things are now ("il est pas en danger là tout de suite", round 5: stored as "Échéance :
# aujourd'hui" over the hearing on 15 December said before).
_RIGHT_NOW = re.compile(r"\b(?:tout de suite|immediatement)\b")
_SENTENCE = re.compile(r"[^.!?;\n]+")


# A delay said alone at the deadline question ("3 semaines", "environ 15 jours", "deux mois"); "depuis 3 mois" looks back.
_DELAY_ALONE = re.compile(rf"^(?:\d{{1,3}}|{_NUMBER_WORDS})\s+(?:jours?|semaines?|mois)\W*$")


def bare_delay(text: str | None) -> bool:
    """A length of time alone ("2 mois", "trois semaines"): at the deadline question a delay ahead; at any other
    question ("Depuis quand ?") never a deadline (round 19, r19a-04: "Échéance : 2 mois" beside "Depuis quand : 2 mois")."""
    return bool(_DELAY_ALONE.match(" ".join(fold(text or "").split())))


def _deadline(text: str, folded: str, today: date, asked: bool = False) -> str | None:
    """The soonest date said for something due; ``asked``: said at the deadline question, which gives the context
    ("le courrier dit sous un mois" answers it)."""
    if not asked and not _DEADLINE_CONTEXT.search(folded):
        return None
    from triage.dates import find_deadlines
    from triage.normalise import normalise

    if asked and _DELAY_ALONE.match(" ".join(folded.split())):
        # "3 semaines" to "Avez-vous une échéance proche ?" (round 11, r11a-19): a delay ahead, read as "dans 3
        # semaines" (it was kept as it came, and as the number of employees too).
        text = "dans " + " ".join(text.split())
    # "ils me donnent un mois" (round 15, r15a-15: lost): a delay given is a delay ahead, as "dans un mois".
    text = _DELAY_GIVEN.sub(lambda given: "dans " + given.group("delay"), text)
    # "la mensualité du 10" (round 17, r17b-10): the day of an instalment, as "le 10".
    text = _DUE_ON_DAY.sub(lambda due: f"{due.group(1)} le {due.group(2)}", text)
    deadlines = []  # (deadline, the words that said it)
    for sentence in _SENTENCE.finditer(text):
        words = normalise(sentence.group())
        context = asked or _DEADLINE_CONTEXT.search(fold(sentence.group()))
        for deadline in find_deadlines(words, today):
            said = words[deadline.start : deadline.end]
            before = words[: deadline.start]
            if _TODAY_NAMED_BEFORE.search(before) or _HAPPENED_BEFORE.search(before) or _HANDED_BEFORE.search(before):
                continue
            if re.search(r"\bpassée?s? +" + re.escape(said) + r"\b", sentence.group().lower()):
                continue  # "passé ce matin" written with its accent (the present "passe" looks ahead)  # "ah non on est samedi, lundi 14h" (round 19, r19c-03: "Échéance : samedi"): today, said
            if _DATE_DENIED_BEFORE.search(before) or _PROMISED_TO_ME_BEFORE.search(before):
                # "j'ai pas d'échéance le 11 décembre", "le client dit qu'il paye la semaine prochaine" (round 15,
                # r15a-13: both became the artisan's deadline): a date denied, or a payment someone promises him.
                continue
            if context or not _RIGHT_NOW.search(said):
                deadlines.append((deadline, said))
    if not deadlines:
        return _month_ahead(folded, today) if asked else None
    from chamber.hours import french_date

    soonest, said = min(deadlines, key=lambda found: found[0].days)
    if soonest.days == 0:
        return "aujourd'hui"
    if soonest.days == 1:
        return f"demain ({french_date(soonest.when)})"
    if _PERIOD.search(said):
        # "sous un mois" is no precise day: the words, and the date they come to; in the artisan's own words ("m ont
        # donne 30 jours" was shown to the advisor: round 32, r32-b).
        written = _as_written(said, text)
        ago = _GIVEN_AGO.search(fold(text)) if _DELAY_GIVEN_BEFORE.match(said) else None
        if ago:
            # "ils m'ont donné 30 jours pour répondre, c'était il y a 2 semaines" (round 32, r32-b: due a month from
            # today): a delay given some days ago runs from that day.
            due = soonest.when - timedelta(days=_days_ago(ago))
            past = ", date passée" if due < today else ""
            return f"{written}, {text[ago.start() : ago.end()]} (d'ici le {french_date(due)}{past})"
        return f"{written} (d'ici le {french_date(soonest.when)})"
    part = _MONTH_PART_SAID.search(said)
    if part:
        # "mi janvier" is no precise day either (triage.dates reads it as the 15th): the words, accented, and the day.
        month = MONTHS[MONTHS_FOLDED.index(part.group(2))]
        words = f"mi-{month}" if part.group(1) == "mi" else f"{_PART_WORDS[part.group(1)]} {month}"
        # The end of a month is a day; the other parts are read as a day near which it falls.
        near = "d'ici" if part.group(1) == "fin" else "vers"
        return f"{words} ({near} le {french_date(soonest.when)})"
    return f"le {french_date(soonest.when)}"


_PERIOD = re.compile(r"\b(?:jours?|semaines?|mois)$")
# A delay someone gave, counted from the day they gave it (never "il me reste", "dans", "sous": counted from today).
_DELAY_GIVEN_BEFORE = re.compile(
    r"(?:j ai|on m a donne|m a donne|m ont donne|me donne|me donnent|me laisse|me laissent)\b"
)
# When it was given: "c'était il y a 2 semaines", "ça fait dix jours", in folded words.
_GIVEN_AGO = re.compile(
    rf"\b(?:il y a|y a|ya|ca fait|cela fait) (?P<count>\d{{1,2}}|{_NUMBER_WORDS}) (?P<unit>jours?|semaines?)\b"
)


def _days_ago(ago: re.Match[str]) -> int:
    """The days an "il y a N jours/semaines" match counts back (its groups `count`, in digits or words, and `unit`)."""
    count = int(ago.group("count")) if ago.group("count").isdigit() else NUMBER_WORDS.get(ago.group("count"), 0)
    return count * (7 if ago.group("unit").startswith("semaine") else 1)


def _as_written(normalised: str, text: str) -> str:
    """Normalised words found again in the text as the artisan wrote them ("m ont donne 30 jours" -> "m'ont donné 30
    jours"), in lower case when shouted ("SOUS UN MOIS"); the normalised words when they are not found."""
    pattern = r"\W+".join(re.escape(word) for word in normalised.split())
    found = re.search(rf"\b{pattern}\b", fold(text)) if pattern else None
    written = text[found.start() : found.end()] if found else normalised
    return written.lower() if written.isupper() else written


# "la période d'observation finit en mars" at the deadline question (round 25, s25a-12: asked again, and "en mars"
# replaced "depuis septembre"): a month ahead, said with "en", "d'ici", "avant", is the deadline, by its month's end.
_MONTH_AHEAD = re.compile(
    rf"(?<!depuis )\b(?:en|d'ici|d ici|avant|pour|vers)\s+(?:le mois de\s+|le mois d'\s*)?({_MONTHS})\b(?!\s+dernier)"
)


def _event_month_ahead(folded: str, today: date) -> str | None:
    """ "audience en février": the month of a hearing (or a summons, a judgement) as the deadline, by its month's end."""
    event = _event_month(folded, today)
    return _month_ahead(f"en {event.group(1)}", today) if event else None


def _month_ahead(folded: str, today: date) -> str | None:
    found = _MONTH_AHEAD.search(folded)
    if not found:
        return None
    end = _deadline(f"fin {found.group(1)}", f"fin {found.group(1)}", today, asked=True)
    month = MONTHS[MONTHS_FOLDED.index(found.group(1))]
    return end.replace(f"fin {month}", f"en {month}", 1) if end else None


# What is due on a day of the month, said "du 10" ("la mensualité du 10", "le prélèvement du 5"): that day.
_DUE_ON_DAY = re.compile(
    r"(?i)\b((?:mensualit[ée]|[ée]ch[ée]ance|pr[ée]l[èe]vement|traite|loyer|remboursement)s?) du (\d{1,2})\b"
    r"(?!\s*(?:[/:h.,]\d|\d|%|€|euros?\b|mois\b|jours?\b|ans?\b|au\b))"
)
# "ils me donnent un mois", "on m'accorde deux mois" (not "3 mois de loyer"): months given; days and weeks are read by
# triage.dates ("me laissent 15 jours").
_DELAY_GIVEN = re.compile(
    r"(?i)\b(?:me|m'|m’|nous|lui|leur|m'ont|m’ont|m'a|m’a)\s*(?:donn|laiss|accord)\w*\s+"
    r"(?P<delay>(?:\d{1,2}|un|deux|trois|quatre|six) mois)\b(?!\s+(?:de|d'|d’|pour (?:finir|terminer)))"
)
# Said in normalised words (no apostrophe): a date denied ("pas d echeance le 11 decembre", "aucune audience le 20").
_DATE_DENIED_BEFORE = re.compile(
    r"\b(?:pas|plus|aucune?|jamais eu|jamais)\s+(?:d |de |l )?(?:echeance|date|delai|audience|rendez vous|rdv|"
    r"convocation|saisie)s?\b(?:\s+\w+){0,2}\s*$"
)
# A payment promised to the artisan by someone else ("le client dit qu il paye la semaine prochaine", "ils disent toujours
# que ca arrive la semaine prochaine"): their vague promise, never the artisan's deadline. "l urssaf dit qu il faut payer
# avant le 15" is one ("faut").
_PAYS_ME = (
    r"(?:me |nous |m )?(?:va |vont |devrait |devraient |doit |doivent )?(?:payer|paye|payent|paie|paient|regle|reglent|"
    r"regler|vire|virent|virer|arrive|arrivent|arriver|rembourse|remboursent|rembourser|tombe|tomber|verse|versent)"
)
_PROMISED_TO_ME_BEFORE = re.compile(
    r"(?:\b(?:dit|disent|dira|diront|promet|promettent|promis|assure|assurent|jure|jurent|pretend|pretendent|annonce|"
    r"annoncent)\s+(?:toujours |encore |a chaque fois |tout le temps |que c est |)(?:que |qu )"
    r"(?:il|ils|elle|elles|ca|on|le virement|l argent|le paiement|le cheque|les sous|le reglement) " + _PAYS_ME + "|"
    r"\b(?:le|mon|les|mes|un|une|ma|la|du) (?:clients?|clientes?|sci)\b(?: \w+){0,3}? " + _PAYS_ME + r")"
    r"\b(?:\s+\w+){0,3}\s*$"
)
# Said in normalised words: the day it is today ("on est samedi", "nous sommes mardi", "aujourd hui c est lundi").
# A day said of what already happened ("huissier passé ce matin, il revient jeudi": round 20, r20b-05, "Échéance :
# aujourd'hui"): the visit made, never the deadline; the day it comes back is.
_HAPPENED_BEFORE = re.compile(
    r"\b(?:venue?s?|arrivee?s?|recue?s?|tombee?s?|deposee?s?|livree?s?|eu|ete|appelee?|sonne)\s*$"
)
# "le commissaire m'a laissé l'acte vendredi", "j'ai reçu le courrier lundi" (round 25, s25c-18: "Échéance : le vendredi
# 11 décembre" for last Friday): the day a paper was handed over, past.
_HANDED_BEFORE = re.compile(
    r"\b(?:laisse|remis|depose|recu|eu|donne|apporte)e?s? (?:l |l'|le |la |les |un |une |son |sa |ses |mon |ma |mes )?"
    r"(?:acte|papier|courrier|lettre|avis|commandement|recommande|pli|document)s?\s*$"
)
_TODAY_NAMED_BEFORE = re.compile(
    r"\b(?:on est|nous sommes|on n est que|aujourd hui (?:c est|on est|nous sommes)?)\s*(?:deja\s+|le\s+)*$"
)


def names_today(text: str | None) -> bool:
    """The words name the day it is ("ah non on est samedi", "aujourd'hui c'est lundi"): no date due."""
    words = " ".join(fold(text or "").replace("'", " ").split())
    return bool(
        re.search(
            r"\b(?:on est|nous sommes|on n est que|aujourd hui (?:c est|on est|nous sommes)?)\s*(?:deja\s+|le\s+)*"
            r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b",
            words,
        )
    )


_MONTH_PART_SAID = re.compile(rf"\b(mi|fin|debut|courant)\b.*?\b({_MONTHS})\b")
_PART_WORDS = {"fin": "fin", "debut": "début", "courant": "courant"}


# An act that opens a legal delay, received on a day said in words ("elle l'a reçue lundi la contrainte", round 15,
# r15a-18: no deadline kept; "lundi" read as the coming Monday): the receipt, dated, for the advisor to count the delay.
_ACT = re.compile(
    r"\b(?P<act>contrainte|commandement(?: de payer)?|mise en demeure|injonction(?: de payer)?|assignation|"
    r"sommation(?: de payer)?|avis de saisie|signification)\b"
)
_MASCULINE_ACTS = ("commandement",)
_WHEN_RECEIVED = (
    r"(?P<when>(?P<day>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?: dernier)?|avant[- ]hier|hier|ce matin|"
    r"aujourd'hui|la semaine derniere)"
)
_RECEIVED_WORD = r"(?:recu|recue|recus|recues|arrive|arrivee|notifie|notifiee|signifie|signifiee|remis|remise|livree?)"
_RECEIVED_ON = re.compile(
    rf"\b{_RECEIVED_WORD}\b(?: (?!et\b|mais\b)[\w']+){{0,4}}? {_WHEN_RECEIVED}\b|"
    rf"(?:^|[,.;!?] *|\b(?:et|depuis) ){_WHEN_RECEIVED.replace('?P<', '?P<b_')}\b,? (?:[\w']+ ){{0,3}}?{_RECEIVED_WORD}\b"
)
_ACT_RECEIVED_SENTENCE = re.compile(r"[^.;!?\n]+")


def _act_received(text: str, today: date) -> tuple[str, tuple[int, int]] | None:
    """ "contrainte reçue le lundi 30 novembre" from "elle l'a reçue lundi la contrainte" (said on 5 December), with
    the span of the words that dated it; None without an act and a receipt said with a day in words."""
    from datetime import timedelta

    from chamber.hours import french_date

    folded = fold(text).replace("’", "'")
    for sentence in _ACT_RECEIVED_SENTENCE.finditer(folded):
        act = _ACT.search(sentence.group())
        received = _RECEIVED_ON.search(sentence.group())
        if not act or not received:
            continue
        when = received.group("when") or received.group("b_when")
        day = received.group("day") or received.group("b_day")
        if day:
            weekday = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche").index(day)
            on = today - timedelta(days=(today.weekday() - weekday) % 7 or 7)
        elif when in ("hier", "avant-hier", "avant hier"):
            on = today - timedelta(days=1 if when == "hier" else 2)
        elif when in ("ce matin", "aujourd'hui"):
            on = today
        else:
            on = None  # "la semaine dernière": as said
        shown = act.group("act")
        ending = "reçu" if shown.startswith(_MASCULINE_ACTS) else "reçue"
        said = f"le {french_date(on)}" if on else "la semaine dernière"
        span = (sentence.start() + received.start(), sentence.start() + received.end())
        return f"{shown} {ending} {said}", span
    return None


def _deadline_or_act(text: str, folded: str, today: date, asked: bool) -> str | None:
    """The deadline said; an act received on a day said in words is noted as such, with a date to come said besides."""
    act = _act_received(text, today)
    if not act:
        return _deadline(text, folded, today, asked)
    line, (start, end) = act
    # The receipt's day is no date to come ("reçue lundi" was read as Monday next): the rest is read without it.
    rest = text[:start] + " " * (end - start) + text[end:] if len(text) == len(folded) else text
    ahead = _deadline(rest, fold(rest), today, asked) if rest is not text else None
    return f"{ahead} ; {line}" if ahead else line


def past_deadline(text: str | None, today: date) -> str | None:
    """The past date said at the deadline question when no date to come is ("c'était le 15 novembre", "l'échéance
    était lundi dernier", "le 30/11" said on 5 December): "dimanche 15 novembre", the most recent; None otherwise. A
    past date is a payment overdue or something that happened, never the deadline to come (round 14)."""
    from triage.dates import find_past_dates
    from triage.normalise import normalise

    if not text or _deadline(text, fold(text), today, asked=True):
        return None
    past = [
        found.when
        for sentence in _SENTENCE.finditer(text)
        for found in find_past_dates(normalise(sentence.group()), today)
    ]
    if not past:
        return None
    from chamber.hours import french_date

    return french_date(max(past))


# "pas taxi, vtc", "taxi? non pardon ambulancier. enfin vtc": a trade said wrong, and the one meant after it.
_TRADE_NEGATED_BEFORE = re.compile(r"(?:\bpas|\bnon pas|\bet non|\bplutot que|\bau lieu de)\s+(?:un |une |de |d')?$")
# "au garage", "dans mon atelier": where something happened, a trade's word said as a place.
_AT_THE_WORKPLACE_BEFORE = re.compile(r"\b(?:au|a l'|a la|dans (?:le|la|l'|mon|ma)|devant (?:le|la|mon|ma))\s*$")
# "3200 € au meunier", "je dois payer le plombier": the trade of someone paid or owed (round 30, make run: the
# boulangère's case said "Métier : meunier").
_TRADE_PAID_BEFORE = re.compile(
    r"(?:\d\s*(?:€|euros?|eur|e|k|balles)?\s+(?:au|aux|chez (?:le |la |l'|mon |ma )?)|"
    r"\b(?:payer|paye|payes|regler|regle|rembourser|rembourse|dois|doit|devons|doivent)\s+(?:le |la |l'|les |mon |ma |mes |au |aux )?)\s*$"
)
_TRADE_CORRECTED_BETWEEN = re.compile(r"\b(?:non|pardon|enfin|en fait|plutot|je veux dire|je voulais dire|ou plutot)\b")


# "la facture d'électricité", "le prix de la boulangerie industrielle": a trade's word naming a thing bought or owed.
_TRADE_AS_A_THING_BEFORE = re.compile(
    r"\b(?:factures?|notes?|coupures?|compteurs?|prix|couts?|abonnements?|contrats?|fournisseurs?|tarifs?|"
    r"consommation|releve)\s+(?:de la |de l'|d'|de |du )?$"
)


# "à Mâcon", "près de Macon", "vers Peintre": a town whose name is a trade's word, said as a place (round 14, A8:
# "Métier : Mâcon" for a watchmaker in Mâcon).
_PLACE_CUE_BEFORE = re.compile(
    r"\b(?:a|sur|vers|pres de|pres d'|cote de|autour de|region de|secteur de|coin de|environs de|alentours de|"
    r"habite|habite a|installee? a|installes a|basee? a|ville de|commune de|mairie de|route de|direction)\s+$"
)


@cache
def _typed_forms(name: str) -> frozenset[str]:
    """The words of a lookup table as written there, accents kept, in lower case ("maçon", "macon")."""
    data = yaml.load((LOOKUPS / f"{name}.yml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return frozenset(
        line.strip().lstrip("-").strip().lower()
        for entry in data.get("nlu", [])
        for line in (entry.get("examples") or "").splitlines()
        if line.strip().lstrip("-").strip()
    )


def _town_not_trade(text: str, folded: str, match: re.Match[str]) -> bool:
    """A trade's word that is also a town's name ("macon", "peintre", "charron") said as the town: typed with an
    accent no form of the trade has ("Mâcon" is never "maçon"), after a word of place ("à", "près de"), or with a
    capital letter inside the sentence. The trade said as one ("je suis maçon", "macon depuis 20 ans") stays."""
    from places.data import tables

    word = folded[match.start() : match.end()]
    if word not in tables().communes and word.rstrip("sx") not in tables().communes:
        return False
    typed = text[match.start() : match.end()].lower()
    if not typed.isascii():
        return typed not in _typed_forms("trades") and typed.rstrip("sx") not in _typed_forms("trades")
    before = folded[: match.start()]
    if _PLACE_CUE_BEFORE.search(before):
        return True
    original = text[match.start() : match.end()]
    inside = bool(before.strip()) and before.rstrip()[-1] not in ".!?:\n"
    return original[:1].isupper() and not original.isupper() and inside


@cache
def _compound_trade() -> re.Pattern[str]:
    """Two trades side by side ("horloger-bijoutier", "menuisier ébéniste"): one trade, said whole (round 14:
    the hyphen hid both words, and the town said after them was taken as the trade)."""
    words = "|".join(re.escape(word) for word in _lookup("trades"))
    return re.compile(rf"(?<![\w-])(?:{words})(?:s|x)?[- ](?:{words})(?:s|x)?(?![\w-])")


@cache
def _hyphened_trade() -> re.Pattern[str]:
    """A trade joined by hyphens to words of its own ("cordonnier-clés minute", "coiffeuse-visagiste"; round 17,
    r17a-13: the hyphen hid the trade, asked again later): the trade with what is joined to it, as typed."""
    words = "|".join(re.escape(word) for word in _lookup("trades"))
    return re.compile(rf"(?<![\w-])(?:{words})(?:s|x)?(?:-[^\W\d_]+){{1,2}}(?![\w-])")


# Trades the lookup table (nlu/, the classifier's) does not hold, read all the same (round 21, r21z-05: "je suis
# restaurateur à Bordeaux", then "Quel est votre métier ?"). "restaurateur de meubles" is the table's, longer.
_TRADES_BESIDE = re.compile(r"(?<![\w-])(?:restaurateur|restauratrice)(?![\w-])")


# "l'électricité a triplé", "le gaz a doublé" (round 23, r23a-11: "boucher" overwritten by "électricité"): a cost
# that rises, never the artisan's trade.
_TRADE_AS_A_COST_AFTER = re.compile(
    r"^\s+(?:a |ont |qui a |qui ont |est |sont )?(?:encore |presque |quasiment |carrement )?(?:triple|double|quadruple|"
    r"augmente|explose|flambe|grimpe|monte|coute|coutent|me coute|nous coute|(?:est |a )?pass\w+ de)\w*\b"
)


def _trade(text: str, folded: str) -> str | None:
    matches = [
        match
        for pattern in (_compound_trade(), _hyphened_trade(), _lookup_pattern("trades", plural=True), _TRADES_BESIDE)
        for match in pattern.finditer(folded)
        if not _TRADE_NEGATED_BEFORE.search(folded[: match.start()])
        and not _TRADE_AS_A_THING_BEFORE.search(folded[: match.start()])
        and not _COUNTED_BEFORE.search(folded[: match.start()])  # "2 mécaniciens": who works there
        and not _TRADE_PAID_BEFORE.search(folded[: match.start()])
        and not _town_not_trade(text, folded, match)
        and not _TRADE_AS_A_COST_AFTER.match(folded[match.end() :])
    ]
    matches.sort(key=lambda match: (match.start(), -match.end()))
    # "un huissier est passé au garage ... je suis carrossier" (round 25, s25c-05: "Métier : garage"): the place where
    # it happened gives way to a trade said as one.
    said_as_trade = [match for match in matches if not _AT_THE_WORKPLACE_BEFORE.search(folded[: match.start()])]
    matches = said_as_trade or matches
    # "horloger-bijoutier" whole, never also its "bijoutier" alone.
    matches = [match for index, match in enumerate(matches) if all(m.end() <= match.start() for m in matches[:index])]
    if not matches:
        return _activity_as_trade(text, folded)
    match = matches[0]
    for later in matches[1:]:
        # Each correction between two trades moves to the later one; without one, the first is the artisan's.
        if _TRADE_CORRECTED_BETWEEN.search(folded[match.end() : later.start()]):
            match = later
    trade = _span(text, match)
    after = folded[match.end() :]
    extra = re.match(r"\s+(a domicile|ambulante?|itinerante?|en tournee|sur les marches)\b", after)
    if extra:
        trade += " " + " ".join(text[match.end() : match.end() + extra.end()].split())
    return trade


# Round 19 (r19b-10: "tient une boutique de fleurs", asked again; r19c-09: "je répare et loue des skis", no trade): the
# business said by what it is or does, kept in the artisan's words when no trade's name is said.
_SHOP_AS_TRADE = re.compile(
    r"\b(?:tien[st]?|tenait|tenons|tenez|tiennent|a|ai|avons|ont|gere|geres|gerons|gerait) (?:une?|sa|son|ma|mon|notre)"
    r" (?:petite? )?(?P<trade>(?:boutique|magasin|commerce|atelier|echoppe) (?:de |d')[a-z][a-z' -]{2,30}?)"
    r"(?=\s*(?:[,.;!?()]|$)| (?:et|depuis|a|au|aux|en|dans|mais|qui|on|il|elle|pres|sur|avec|avant|sans)\b)"
)
_DOING_AS_TRADE = re.compile(
    r"\b(?:je|j|on|nous|il|elle) (?:fais |faisons |fait )?(?P<trade>(?:repare|reparons|loue|louons|vends|vend|vendons"
    r"|fabrique|fabriquons|restaure|restaurons|entretiens|entretient|entretenons)"
    r"(?: (?:et|ou) (?:repare|reparons|loue|louons|vends|vend|vendons|fabrique|fabriquons|restaure|restaurons|entretiens|"
    r"entretient|entretenons))? (?:des|les|du|de la|de l') ?(?!(?:questions?|locaux|local|maison|appart\w*|bureaux?|biens?|"
    r"parts?|actions?|stock|terrain|fonds|voiture|camion|materiel|mur|murs|chambres?|logements?|garage)\b)[a-z-]{3,20})\b"
)


def trades_denied(text: str | None) -> set[str]:
    """The trades a message says are not the artisan's ("carrossier pas garage", "non pas taxi, vtc"), folded: a
    later mention of the word ("si je suis pas au garage le 15") never makes it the trade again (round 25, s25c-05)."""
    if not text:
        return set()
    folded = fold(" ".join(text.replace("’", "'").split()))
    return {
        fold(match.group())
        for pattern in (_lookup_pattern("trades", plural=True), _TRADES_BESIDE)
        for match in pattern.finditer(folded)
        if _TRADE_NEGATED_BEFORE.search(folded[: match.start()])
    }


def _activity_as_trade(text: str, folded: str) -> str | None:
    """ "elle tient une boutique de fleurs" -> "boutique de fleurs", "on répare et loue des skis" -> "répare et loue des
    skis": what the business is, in the words said; None when nothing such is said (or it is negated)."""
    for pattern in (_SHOP_AS_TRADE, _DOING_AS_TRADE):
        match = pattern.search(folded)
        if match and not _TRADE_NEGATED_BEFORE.search(folded[: match.start("trade")]):
            return _span(text, match, "trade")
    return None


# "un client (une SCI) me doit 11 000", "la SCI c'est mon client" (round 15, r15a-13: noted as his own company): a
# client's or a landlord's form, never the artisan's.
_CLIENTS_FORM_BEFORE = re.compile(
    r"\b(?:clients?|clientes?|donneurs? d'ordres?|proprietaire|proprio|bailleur)\b(?:[ ,(]+(?:est|c'est|c est))?[ ,(]*(?:une? |en )?$"
)
_CLIENTS_FORM_AFTER = re.compile(
    r"^[ ,)]*(?:(?:qui )?(?:me|nous) doi\w*|(?:c'est|c est|cest|c) (?:mon|ma|le|la|un|une) "
    r"(?:client|cliente|proprietaire|proprio|bailleur))\b"
)


def _legal_form(text: str, folded: str) -> str | None:
    def clients(match: re.Match[str], group: int = 0) -> bool:
        return bool(
            _CLIENTS_FORM_BEFORE.search(folded[: match.start()])
            or _CLIENTS_FORM_AFTER.match(folded[match.end(group) :])
        )

    found: list[tuple[int, int, str]] = []  # (start, end, shown), in order of the message
    for pattern in _LEGAL_EXTRA:
        for match in pattern.finditer(folded):
            if not clients(match, 1):
                found.append((match.start(1), match.end(1), _span(text, match, 1)))
    for match in _lookup_pattern("legal_forms").finditer(folded):
        if not clients(match):
            found.append((match.start(), match.end(), _span(text, match)))
    if not found:
        return None
    # Round 23 (r23b-08): "d'abord en auto-entrepreneur puis en EURL depuis 2017" was stored as auto-entrepreneur:
    # of two forms, the one said as past gives way to the other (the form the business has now).
    current = [
        shown
        for start, end, shown in found
        if not _FORM_BEFORE_NOW.search(folded[max(0, start - 30) : start])
        and not _FORM_PAST_AFTER.match(folded[end:])
        and not any(start > other_start and end <= other_end for other_start, other_end, _ in found)
    ]
    if current and len({fold(shown) for _, _, shown in found}) > 1:
        return current[0]
    return found[0][2]


# "d'abord en micro", "j'étais auto-entrepreneur", "avant en EI": a form the business had, not the one it has now.
_FORM_BEFORE_NOW = re.compile(
    r"(?:\bd'abord|\bau debut|\bavant|\bauparavant|\bj'etais|\bj etais|\betais|\bancien(?:ne)?(?:ment)?|\bde)"
    r"(?: (?:en|une|un|sous|le|la|statut|regime))*\s*$"
)
_FORM_PAST_AFTER = re.compile(
    r"^\s+(?:\w+\s+)?(?:avant\b|jusqu|au debut\b|d'abord\b|a l'epoque\b|auparavant\b|pendant \d|de \d{4} a)"
)


# Someone of the family employed in the business ("mon fils est salarié", "ma femme est employée chez nous").
_KIN_EMPLOYED = re.compile(
    r"\b(?:mon|ma) (?:fils|fille|femme|epouse|mari|frere|soeur|neveu|niece|cousine?|pere|mere|gendre|belle-fille) "
    r"(?:est|qui est|travaille comme|bosse comme) (?:aussi |deja )?(?:salariee?|employee?|apprentie?)\b"
)
# "je voulais un apprenti", "prendre une apprentie" (round 17, r17a-13): a wish, never someone working there.
_WISHED_BEFORE = re.compile(
    r"\b(?:voulais|voudrais|veux|aimerais|souhait\w*|cherch\w*|pense\w* a|compt\w*|envisag\w*|prendre|embaucher|"
    r"recruter|engager|trouver|former|besoin d)\s*$"
)


def _employees(text: str, folded: str, asked: bool = False) -> str | None:
    for pattern in _EMPLOYEES[:4]:
        match = pattern.search(folded)
        if match:
            return _span(text, match)
    # Everyone named, not the first alone ("2 vendeuses et un apprenti", round 17, r17a-01: "2 vendeuses" kept).
    people: list[re.Match[str]] = []
    for pattern in (_EMPLOYEES[4], _KIN_EMPLOYED, _EMPLOYEES[6], _people_of_a_trade()):
        for match in pattern.finditer(folded):
            if _WISHED_BEFORE.search(folded[: match.start()]):
                continue
            if pattern is _people_of_a_trade() and _WE_ARE.search(folded[: match.start()]):
                continue  # "nous sommes deux boulangers": the trade of the partners, no employees said
            if not any(match.start() < other.end() and other.start() < match.end() for other in people):
                people.append(match)
    counted = _EMPLOYEES[5].search(folded)  # "on est 3 avec mon apprenti": the count said with who
    if counted and all(counted.start() <= match.start() and match.end() <= counted.end() for match in people):
        return _span(text, counted)
    if people:
        spans = [_span(text, match) for match in sorted(people, key=lambda match: match.start())]
        return spans[0] if len(spans) == 1 else ", ".join(spans[:-1]) + " et " + spans[-1]
    alone = (_ALONE_SAID.search(folded) or _ALONE_FIRST.search(folded)) if asked else None
    if asked and not alone:
        # "Un mécanicien.", "oui un seul, le mécanicien" at the employees question (round 26, r26b-08: "Métier :
        # mécanicien", the employee lost and the question skipped): one person of a trade works there.
        one = _one_of_a_trade().search(folded)
        alone = (
            one
            if one and re.fullmatch(r"\W*(?:(?:oui|ouais|bah|ben|euh|j'?ai|on a)\W+)*", folded[: one.start()])
            else None
        )
    return _span(text, alone) if alone else None


# Round 25 (s25a-06): "2 mécaniciens", "les deux mécaniciens": people counted by their trade work there (the question came
# three times); "mécanos" is how a garage says it.
_COUNT_OF_PEOPLE = r"(?:[2-9]|[1-9]\d|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt)"
# "tout seul. mais j'ai une lettre des impôts" at the employees question (round 25): alone, said first.
_ALONE_FIRST = re.compile(r"^\W*(?:(?:non|nan|bah|ben|euh)\W+)*(?:toute?\s+)?seule?s?\b(?! face| avec)")


_WE_ARE = re.compile(r"\b(?:nous sommes|on est|sommes)\s*$")
_COUNTED_BEFORE = re.compile(rf"(?<!\bsommes )(?<!\bon est )\b{_COUNT_OF_PEOPLE}\s+$")


@cache
def _people_of_a_trade() -> re.Pattern[str]:
    words = sorted((word for word in _lookup("trades") if " " not in word), key=len, reverse=True)
    return re.compile(
        rf"\b{_COUNT_OF_PEOPLE}\s+(?:mecanos|(?:" + "|".join(map(re.escape, words)) + r")(?:s|x))(?![\w-])"
    )


@cache
def _one_of_a_trade() -> re.Pattern[str]:
    words = sorted((word for word in _lookup("trades") if " " not in word), key=len, reverse=True)
    return re.compile(
        r"\b(?:un|une)\s+(?:seule?\b[\s,]*(?:(?:le|la|l')\s*)?)?"
        r"(?:mecano|" + "|".join(map(re.escape, words)) + r")(?![\w-])"
    )


def _amount(text: str, match: re.Match[str]) -> str:
    number = match.group(1).replace("\u00a0", " ").replace(".", " ")
    decimals = match.group(2) or match.group(3)
    unit = match.group(4).replace(" ", "")
    if unit.startswith("k"):
        if decimals:
            # "8,5k" is 8 500 €, not "8,5 000 €".
            value = int(number.replace(" ", "")) * 1000 + int((decimals + "00")[:3])
            return f"{value:,}".replace(",", " ") + " €"
        return f"{number} 000 €"
    if decimals:
        number += "," + decimals
    return f"{number} €"


# "deux mille cinq" said of money is 2 500 (as "mille deux" is 1 200), not the year 2005: the hundreds said short.
_SHORT_HUNDREDS = re.compile(
    r"\b(mille)[ -](deux|trois|quatre|cinq|six|sept|huit|neuf)\b(?![ -](?:cents?|mille|vingts?|dix|onze|douze|treize|"
    r"quatorze|quinze|seize|trente|quarante|cinquante|soixante|ans?|annees?|mois|jours?|semaines?|salaries?|employes?))"
)


def money_in_digits(folded: str) -> str:
    """Folded words with the amounts written in words in digits (text2num): "deux mille cinq cents euros" ->
    "2500 euros", "mille deux cents" -> "1200", "deux mille cinq" (money said short) -> "2500". Same length is
    not kept: only for reading amounts, never for spans in the original."""
    from french.numbers import digits_from_words

    return digits_from_words(_SHORT_HUNDREDS.sub(r"\1 \2 cents", folded))


# "PGE en 2020", "depuis 2019": a year, never an amount owed; nor "la tva de 2024", "les cotisations 2023" (round 28,
# make run: "impots me reclament la tva de 2024, 9000e" was restated "impôts 2024 €, 9000 €").
_YEAR_BEFORE = re.compile(
    r"\b(?:en|depuis|annee|annees|fin|debut|mi|avant|apres|jusqu'en|jusqu en|de l'an|ete|hiver|"
    r"(?:pret|credit|pge|emprunt)s?(?: \w+)? de|"
    r"(?:tva|cfe|cotisations?|bilans?|exercices?|declarations?|regularisations?|revenus?|avis d'imposition)"
    r"(?: de| du| d'| pour)?|"
    # "les impots 2000" is a sum ("et j'ai aussi les impots 2000", round 15); "les impots de 2024" a year.
    r"(?:impots?|taxes?(?: fonciere)?) (?:de|du|d'|pour))\s*$"
)


def creditor_names(text: str) -> str | None:
    """Who is owed, named without an amount nor a debt word ("les impôts", "euh les deux, fournisseur et banque"):
    read only where a question makes it an answer."""
    folded = fold(text or "")
    if _NO_DEBT.search(folded):
        return None
    names: list[str] = []
    for match in _CREDITOR.finditer(folded):
        for index, (label, _) in enumerate(_CREDITORS):
            if match.group(f"c{index}") and label not in names:
                names.append(label)
    return ", ".join(names) or None


# "l'urssaf pas les impôts", "pas la banque", "je dois rien à la banque": a creditor said wrong.
_CREDITOR_DENIED_BEFORE = re.compile(
    r"\b(?:pas|non pas|et non|plutot que|au lieu de|(?:ne |n')?dois (?:plus )?rien (?:a|au|aux|chez|envers))\s+"
    r"(?:les |le |la |l'|l |des |du |de |a |aux? )?$"
)
# "c'est pas l'urssaf c'est les impôts les 6000" (round 15, r15a-11: "URSSAF et impôts 6000 €"): the creditor denied in
# so many words; a bare "pas" before it may tell of the debt ("je paie pas la banque").
_CREDITOR_NOT_IT_BEFORE = re.compile(
    r"\b(?:(?:c'est|c est|cest|ce n'est|ce n est|c|ce|ca n'est|c'etait)\s+pas|non pas|et non|et pas|plutot que|au lieu de)"
    r"\s+(?:les |le |la |l'|l |des |du |de |a |aux? )?$"
)
# Round 33 (make run, r33-l): "mon fournisseur de malt a fait faillite" became "sommes dues : fournisseurs". The one
# named went bankrupt or closed: a supplier lost, not a creditor.
_CREDITOR_FAILED_AFTER = re.compile(
    r"^(?:\s+[\w']+){0,3}?\s+(?:a |vient de |venait de |est |a fini par )?(?:fait faillite|en faillite|depose (?:le |son )?bilan|"
    r"en (?:liquidation|redressement)(?: judiciaire)?|ferme (?:boutique|ses portes|definitivement)|mis la cle sous la porte|coule)\b"
)
# "trouver un autre fournisseur", "changer de banque": the one sought, never one owed.
_SOUGHT_BEFORE = re.compile(
    r"\b(?:trouver|chercher|cherche|cherchons|changer de|remplacer|nouveau|nouvelle)\s+(?:un |une |le |la |mon |ma |d'|de )?"
    r"(?:autres? |nouveaux? |nouvelles? )?$"
)
# Round 27 (r27-a-06, D13): "mon entreprise d'électricité", "une boîte de gaz et chauffage", "artisan en électricité":
# the business's trade, never a creditor.
_TRADE_OF_BEFORE = re.compile(
    r"\b(?:entreprises?|societes?|boites?|sarl|eurl|sas|sasu|activite|metier|artisans?|atelier|travaux|installateurs?|"
    r"techniciens?|depannage|bureau d'etudes?|ets|etablissements?)\s+(?:de la |de l'|d'|de |en |du )$"
)
# "la banque je lui dois rien", "la banque, je ne leur dois plus rien" (round 15, r15a-13): nothing owed to it.
_OWES_IT_NOTHING_AFTER = re.compile(
    # "la banque on lui doit rien", "EDF nous ne leur devons rien" (round 27, D13): whoever owes.
    r"[ ,]*(?:(?:c'est|ca) )?(?:je |j'|on |nous )?(?:ne |n')?(?:lui |leur )?(?:dois|doit|devons) (?:plus )?rien\b|"
    r"[ ,]*(?:je n'ai|j'ai|y a|il n'y a) (?:pas|plus|aucune?) (?:de )?dettes?\b|"
    # Round 22 (r22c-13): "le loyer c'est pas une dette, il augmente", "le loyer ce n'est pas une dette".
    r"[ ,]*(?:c'est|c est|cest|ce n'est|ce n est|c|ca n'est|ca)\s+(?:pas|plus)\s+(?:une |de |d')?(?:dettes?|impayes?|retard)\b"
)


# "l'urssaf j'ai un échéancier ça va, c'est les impôts le problème" (round 7: corrected to "URSSAF, impôts"): a
# creditor said settled in a correction is not meant.
_CREDITOR_SETTLED_AFTER = re.compile(
    r"[^.;!?]{0,30}?\b(?:ca va|c'est regle|c'est bon|c'est paye|c'est ok|pas de (?:souci|probleme)|"
    r"(?:j'ai|on a|il y a) (?:un|deja un) echeancier|(?:je suis|on est) a jour)\b"
)


def creditor_names_meant(text: str) -> str | None:
    """The creditors a correction means ("non en fait c'est l'urssaf pas les impôts" -> "URSSAF"), without the ones
    it denies; None when it names none."""
    folded = fold(text or "")
    names: list[str] = []
    for match in _CREDITOR.finditer(folded):
        settled = _CREDITOR_SETTLED_AFTER.match(folded, match.end())
        if settled and _CREDITOR.search(folded, match.end(), settled.end()):
            settled = None  # "l'urssaf, les impôts ça va": the settled one is the next creditor
        if (
            _CREDITOR_DENIED_BEFORE.search(folded[: match.start()])
            or settled
            or _OWES_IT_NOTHING_AFTER.match(folded, match.end())
        ):
            continue
        for index, (label, _) in enumerate(_CREDITORS):
            if match.group(f"c{index}") and label not in names:
                names.append(label)
    return ", ".join(names) or None


def _is_year(clause: str, match: re.Match[str]) -> bool:
    number = match.group(1)
    return bool(re.fullmatch(r"(?:19[5-9]\d|20[0-4]\d)", number)) and bool(_YEAR_BEFORE.search(clause[: match.start()]))


# "5000 €... non pardon c'est 8000", "3000 enfin plutôt 3500": the amount said first is taken back in the same answer,
# only the corrected one is meant (round 14, A6 and B10: the first was kept, or the whole answer stored raw).
_MONEY = r"(?:\d{1,3}(?:[ .]\d{3})+|\d+)(?:,\d{1,2})?(?:\s?(?:k\s?€|k\b|ke\b|keuros?\b|€|euros?\b|eur\b|balles\b))?"
_TAKEN_BACK = re.compile(
    rf"(?<![\w.,])(?P<wrong>{_MONEY})(?P<between>[^;!?\n\d]{{0,40}}?)\b(?P<fix>non|nan|pardon|oups|enfin|plutot|"
    r"je veux dire|je voulais dire|en fait|je me suis trompee?|je me trompe|je rectifie|je corrige|correction)\b"
    r"(?! (?:payee?s?|reglee?s?|remboursee?s?|declaree?s?|recouvr\w*))(?P<tail>[^;!?\n\d]{0,30}?)(?=\d)"
)


def _money_like(said: str) -> bool:
    """An amount, not a count nor a date: a unit said, or three digits or more ("8000", "5 000 €", "8k")."""
    return bool(re.search(r"k\b|ke\b|keuro|€|euro|eur\b|balles", said)) or len(re.sub(r"\D", "", said)) >= 3


def amounts_taken_back(folded: str) -> str:
    """The folded words with an amount taken back in the same answer blanked, with the correction's words (same
    length): "l'urssaf, 5000 €... non pardon c'est 8000" reads as "l'urssaf, 8000". A creditor named between the two
    amounts makes them two debts, and "non payés" is no correction."""

    def blank(match: re.Match[str]) -> str:
        after = re.match(_MONEY, folded[match.end() :])
        said = match.group()[len(match.group("wrong")) :]
        if not _money_like(match.group("wrong")) or not after or not _money_like(after.group()):
            return match.group()
        if _CREDITOR.search(match.group("fix") + match.group("tail")) or len(match.group("between")) > 30:
            return match.group()
        if re.search(r"\b(?:et|mais|ou) non\b|\bpas\b", said):
            return match.group()  # "6000 € et non 8000 €", "6000, non pas 8000": the second is the one said wrong
        if _CREDITOR.search(match.group("between")):
            if re.search(r"\b(?:et|puis|mais|ou)\b", match.group("between")):
                return match.group()  # "l'urssaf 5000 et la banque, non pardon 7000": two debts
            # "je dois 9000 à la banque... non 7000 pardon" (round 24, finding 2: 9 000 € kept): the creditor named
            # with the amount said wrong stays; the amount put right takes its place, said once.
            return f"{after.group()}{re.sub(r'[.]{2,}|…', ' ', match.group('between'))}".ljust(
                len(match.group()) + len(after.group())
            )
        return " " * len(match.group())

    out: list[str] = []
    at = 0
    for match in _TAKEN_BACK.finditer(folded):
        if match.start() < at:
            continue
        replaced = blank(match)
        if replaced == match.group():
            continue
        out.append(folded[at : match.start()])
        out.append(replaced)
        at = match.start() + len(replaced) if len(replaced) > len(match.group()) else match.end()
    out.append(folded[at:])
    return "".join(out)


_PACIFIC_FRANCS = re.compile(r"\b(?:francs?|f ?cfp|cfp|xpf)\b")


# A payee named as typed after "à" or "chez" ("3000 à Rexel", "1500 chez Point P", round 28, r28-b-06: the supplier's
# 3 000 € was lost, then filed with the tax office): a creditor the list does not know, kept under its own name.
_PAYEE = re.compile(r"\b(?:à|a|chez|au)\s+(?P<name>[A-Z][\w&-]+(?:\s[A-Z][\w&-]*)?)")


def _payees_named(text: str) -> list[tuple[str, str]]:
    """The payees named with a capital after "à"/"chez", as (folded, as typed); never a known creditor nor a town."""
    from places.resolve import names_a_known_town

    found = []
    for match in _PAYEE.finditer(text or ""):
        name = match.group("name")
        folded_name = fold(name).lower()
        if _CREDITOR.search(folded_name) or names_a_known_town(name) is not None or folded_name in _NOT_PAYEES:
            continue
        found.append((folded_name, name))
    # A trade paid, in lower case ("3200 € au meunier"): the payee is the trade's word.
    folded = fold(text or "").lower()
    first_paid: dict[str, re.Match[str]] = {}
    for paid in _trade_paid().finditer(folded):
        first_paid.setdefault(paid.group(1), paid)
    order = _trade_order()
    for word, paid in sorted(first_paid.items(), key=lambda item: order[item[0]]):
        if all(word != known for known, _ in found):
            # As typed ("maçon"), where folding kept the length.
            typed = text[paid.start(1) : paid.end(1)] if len(folded) == len(text) else word
            found.append((word, typed.lower()))
    return found


@cache
def _trade_paid() -> re.Pattern[str]:
    """A sum paid to a one-word trade ("3200 € au meunier"): one pattern, built once, for every trade."""
    words = "|".join(re.escape(word) for word in _lookup("trades") if " " not in word)
    return re.compile(rf"\d\s*(?:€|euros?|eur|e|k|balles)?\s+(?:au|chez(?: le| la| l'| mon| ma)?) ?({words})\b")


@cache
def _trade_order() -> dict[str, int]:
    return {word: index for index, word in enumerate(_lookup("trades"))}


_NOT_PAYEES = frozenset({"noel", "paques", "pole emploi", "france travail"})


def _creditors(text: str, folded: str, debt_asked: bool = False) -> str | None:
    """Who is owed and how much; ``debt_asked``: said at the creditors question, which says the money is owed
    ("l'urssaf, à peu près 5000 €" answers it without a word of debt)."""
    # "mon tel 0692 45 67 89" (round 20, r20b-14: "URSSAF 0692 €"): a phone number's digits are never money.
    folded = counted_amounts(amounts_taken_back(money_in_digits(without_phone_digits(folded))))
    found: list[str] = []
    start = 0
    sentence_start = 0
    # Who was named without an amount earlier in the sentence: "l'urssaf, j'ai 8500 euros de retard" (round 14: the
    # amount of the next clause was lost, "URSSAF" kept alone).
    named: list[str] = []
    # At the creditors question, a sum said before whom it is owed to: "vers les 12000 je pense, surtout le fournisseur
    # de bois" (round 36, make run: "Sommes dues : fournisseurs", the 12 000 € lost).
    unnamed: list[str] = []
    payees = _payees_named(text)
    for boundary in [*(_CLAUSE.finditer(folded)), None]:
        end = boundary.start() if boundary else len(folded)
        clause = folded[start:end]
        sentence = folded[sentence_start:end]
        ends_sentence = boundary is None or bool(_SENTENCE_END.fullmatch(boundary.group()))
        if _NO_DEBT.search(clause):
            start = boundary.end() if boundary else end
            if ends_sentence:
                sentence_start, named = start, []
            continue
        # Only right after the sum owed to it: "un chantier chez Martin, il me doit 5000" names a client.
        names = [
            name
            for folded_name, name in payees
            if re.search(
                rf"\d\s*(?:€|euros?|eur|e|k|balles)?\s+(?:a|chez|au)(?: le| la| l'| mon| ma)? ?{re.escape(folded_name)}\b",
                clause,
            )
        ]
        for match in _CREDITOR.finditer(clause):
            if _CREDITOR_NOT_IT_BEFORE.search(clause[: match.start()]):
                continue  # "c'est pas l'urssaf c'est les impôts": not the URSSAF
            if _TRADE_OF_BEFORE.search(clause[: match.start()]):
                continue  # "mon entreprise d'électricité": the trade, no energy debt (round 27, D13)
            if not _OWED.search(folded) and (
                _CREDITOR_FAILED_AFTER.match(clause[match.end() :]) or _SOUGHT_BEFORE.search(clause[: match.start()])
            ):
                # "mon fournisseur de malt a fait faillite et je dois trouver un autre fournisseur" (round 33, r33-l): a
                # supplier lost, another sought, no debt said; one that still claims its due stays a creditor.
                continue
            for index, (label, _) in enumerate(_CREDITORS):
                if match.group(f"c{index}") and label not in names:
                    names.append(label)
        amounts = [
            _monthly(clause, match, _amount(text, match))
            for match in _AMOUNT.finditer(clause)
            if not _negated(clause, match)
        ]
        if _no_debt_amount(clause):
            amounts = []  # "réduit mon découvert de 10 000 à 3 000 €": the creditor may be one, the amount is none
        if names and not amounts and not _no_debt_amount(clause):
            # "l'urssaf 8000": next to a creditor, a bare number of three digits or more is an amount.
            amounts = [
                _monthly(clause, match, " ".join(match.group(1).split()) + " €")
                for match in _BARE_AMOUNT.finditer(clause)
                if not _negated(clause, match) and not _is_year(clause, match)
            ]
        owed = (
            not names
            and _OWED.search(sentence)
            and not _NOT_OWED.search(sentence)
            and not _NO_DEBT.search(sentence)  # "pas de dettes, 3000 euros sur le compte"
        )
        if owed and not amounts and re.search(r"\b(?:dois|doit|devons|dettes?)\b", clause):
            # "je dois dans les 8500": said with the debt, a number of three digits or more is money.
            amounts = [
                _monthly(clause, match, " ".join(match.group(1).split()) + " €")
                for match in _BARE_AMOUNT.finditer(clause)
                if not _negated(clause, match) and not _is_year(clause, match)
            ]
        # "0692", "0612": a number written with a leading zero is a phone prefix, never a sum (round 20, r20b-14).
        amounts = [amount for amount in amounts if not re.match(r"0\d", amount)]
        if names and not amounts and unnamed:
            amounts, unnamed = unnamed, []
        elif debt_asked and not names and not owed and not _NOT_OWED.search(clause) and not _no_debt_amount(clause):
            unnamed = amounts or [
                " ".join(match.group(1).split()) + " €"
                for match in _BARE_AMOUNT.finditer(clause)
                if not _negated(clause, match)
                # Alone in its clause a year has no word before it: "2019 je crois, le fournisseur" is when, not how much.
                and not re.fullmatch(r"(?:19[5-9]\d|20[0-4]\d)", match.group(1))
                and not re.match(r"0\d", match.group(1))
            ]
        if names and amounts:
            found.append(" ".join([" et ".join(names), " et ".join(amounts)]))
        elif (
            names
            # "j'ai pas de dettes moi ... les autres banques me disent non" (round 25, s25a-04: "sommes dues : banque"):
            # a debt denied says none is owed.
            and ((debt_asked and not _NO_DEBT.search(folded)) or _DEBT.search(_no_debt_said(folded)))
            # Denied or a cost that rises, in the creditor's own clause: "non je dois pas 900, c'est le nouveau loyer".
            and not (_DEBT_DENIED.search(fold(clause)) and not _DEBT.search(_DEBT_DENIED.sub(" ", fold(clause))))
            and not (_COST_RISE.search(fold(clause)) and not _DEBT_SAID.search(clause))
        ):
            found.extend(name for name in names if not any(item.startswith(name) for item in found))
            named = names
        elif named and not amounts and not _NOT_OWED.search(clause) and not _no_debt_amount(sentence):
            # "l'urssaf, ... c'est 8000 avec les majorations": next to the creditor just named, a bare number is money.
            amounts = [
                _monthly(clause, match, " ".join(match.group(1).split()) + " €")
                for match in _BARE_AMOUNT.finditer(clause)
                if not _negated(clause, match) and not _is_year(clause, match)
            ]
            if amounts:
                found.append(" ".join([" et ".join(named), " et ".join(amounts)]))
                named = []
        elif amounts and named and not _NOT_OWED.search(clause) and not _no_debt_amount(sentence):
            found.append(" ".join([" et ".join(named), " et ".join(amounts)]))
            named = []
        elif amounts and owed:
            found.append(" et ".join(amounts))
        start = boundary.end() if boundary else end
        if ends_sentence:
            sentence_start, named = start, []
    if re.search(r"\bcafat\b", folded) and not re.search(r"\bl?urssaf\b", folded):
        # "la CAFAT ... mes cotisations": New Caledonia's fund, no URSSAF there (round 20, r20c-20).
        found = [re.sub(r"\bURSSAF\b", "CAFAT", item).replace("CAFAT et CAFAT", "CAFAT") for item in found]
    for collector, spelled in (("CGSS", r"cgss|caisse generale de securite sociale"), ("CSSM", r"cssm")):
        if re.search(rf"\b(?:{spelled})\b", folded) and not re.search(r"\bl?urssaf\b", folded):
            # "la CGSS me réclame ... de cotisations" (round 29): the contributions are the collector's, no URSSAF there.
            found = [
                re.sub(rf"\b{collector} et URSSAF\b|\bURSSAF et {collector}\b|\bURSSAF\b", collector, item)
                for item in found
            ]
    if re.search(r"\b(?:la cps|caisses? de prevoyance sociale)\b", folded) and not re.search(r"\bl?urssaf\b", folded):
        # "la CPS me réclame des cotisations": French Polynesia's fund, no URSSAF there (round 28, r28-b-26).
        found = [re.sub(r"\bURSSAF\b", "CPS", item).replace("CPS et CPS", "CPS") for item in found]
    if _PACIFIC_FRANCS.search(folded) and not re.search(r"€|\beuros?\b|\beur\b|\bballes\b", folded):
        # "400 000 F CFP", "400000 francs" (round 20, r20c-20): the Pacific franc, never euros.
        found = [re.sub(r" €(?=$| et )", " F CFP", item) for item in found]
    # Keep "URSSAF 8000 €" over a bare "URSSAF" said elsewhere.
    result: list[str] = []
    for item in found:
        if item not in result and not any(other != item and other.startswith(item + " ") for other in found):
            result.append(item)
    if not result:
        return None
    # A bare creditor with no amount still tells the advisor who; with amounts, the question is answered.
    return ", ".join(result)


# "6000 pas 8000", "et non 8000": the amount said wrong, never an amount owed.
_NEGATED_BEFORE = re.compile(r"(?:\bpas|\bet non|\bau lieu de|\bplutot que)\s*(?:de |les |des )?$")
# "non c'est 6000", "pardon, 6000 €", "en fait c'est 6000": a correction that names no creditor.
_AMOUNT_CORRECTION = re.compile(
    r"^(?:(?:ah|oh|euh|ben|bah|oups|mince)[ ,]+)?(?:non|nan|pardon|oups|erreur|en fait|plutot|je rectifie|je corrige|"
    r"correction|je me suis trompee?|je voulais dire)\b"
)
_AMOUNT_IN_STORED = re.compile(r"(\d{1,3}(?: \d{3})+|\d+)(?:,\d{1,2})? €")


def _negated(clause: str, match: re.Match[str]) -> bool:
    return bool(_NEGATED_BEFORE.search(clause[: match.start()]))


def _digits(amount: str) -> str:
    return re.sub(r"\D", "", amount.split(",", maxsplit=1)[0])


# "non c'est pas 8000 c'est 18000 le client", "c'est 14000 pas 4000" (round 21, r21z-13, r21z-24): a sum said again
# against the one said wrong, never a no nor a place.
_SUM = r"(\d{1,3}(?:[ .]\d{3})+|\d{3,7})(?:\s?(?:k\s?€|k\b|€|euros?\b|balles\b))?"
_SUM_PUT_RIGHT = re.compile(
    rf"\bpas (?:de |les )?{_SUM}[ ,]+(?:(?:mais|c'est|c est|cest|c|plutot|en fait|bien)[ ,]+)+(?:de |les )?{_SUM}|"
    rf"(?<![\w.,]){_SUM}[ ,]+(?:et )?(?:pas|non pas|et non|au lieu de|plutot que) (?:de |les )?{_SUM}"
)


def sum_put_right(text: str | None) -> tuple[str, str] | None:
    """The sum meant and the one said wrong, as digits, when a message puts a sum right ("non c'est pas 8000 c'est
    18000 le client" -> ("18000", "8000")); None otherwise."""
    folded = money_in_digits(fold(text or "").replace("’", "'"))
    match = _SUM_PUT_RIGHT.search(folded)
    if not match:
        return None
    wrong, right = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
    right, wrong = re.sub(r"\D", "", right), re.sub(r"\D", "", wrong)
    return (right, wrong) if right != wrong else None


def puts_an_amount_right(text: str | None) -> bool:
    """Whether a message puts an amount said earlier right ("non pas 4000, 6000", "pardon c'est six mille", "c'est
    14000 pas 4000"): the case quotes it beside the first words, which still hold the wrong amount (round 24)."""
    if not text or text.startswith("/"):
        return False
    folded = money_in_digits(fold(text).replace("’", "'"))
    if sum_put_right(text):
        return True
    if not (_AMOUNT_CORRECTION.search(folded) or amount_put_right_words(folded)) or _SUM_OF_SOMETHING_ELSE.search(
        folded
    ):
        return False
    said = [*_AMOUNT.finditer(folded)] or [*_BARE_AMOUNT.finditer(folded)]
    meant = [match for match in said if not _negated(folded, match)]
    return len(meant) == 1 and not _is_year(folded, meant[0]) and not re.search(r"\bdepuis\b", folded)


def client_sum_put_right(text: str | None) -> str | None:
    """ "18 000 €" when the sum put right is what a client owes ("non c'est pas 8000 c'est 18000 le client")."""
    pair = sum_put_right(text)
    if pair is None or not (_CLIENT_OWES.search(fold(text or "")) or _OWES_ME.search(fold(text or ""))):
        return None
    return f"{int(pair[0]):,}".replace(",", " ") + " €"


def corrected_creditors(known: str | None, text: str) -> str | None:
    """The amounts already noted, corrected by a message that names no creditor: "pardon c'est 6000 pas 8000"
    or "non, 6000 €" after "URSSAF 8000 €" gives "URSSAF 6000 €". The amount said wrong ("pas 8000") is the one
    replaced; without it, a correction replaces the only amount noted. None when nothing is corrected."""
    if not text or text.startswith("/"):
        return None
    folded = money_in_digits(fold(text))  # "pardon c'est six mille" (round 24, finding 1)
    if not known:
        known = ""  # a sum put right that was never noted is noted (round 21, r21z-01)
    times = _times_corrected(known, money_in_digits(folded)) if known else None
    if times:
        return times
    if _CREDITOR.search(folded):
        # "l'urssaf c'est 6000": the creditors fact itself, read by extract_facts; but "non c'est pas lyon c'est un
        # fournisseur de roubaix" names no amount: the amounts noted stay (round 16, r16a-10: "C'est corrigé :
        # fournisseurs.", the 6000 € lost).
        return _creditors_named_again(known, text, folded)
    said = [*_AMOUNT.finditer(folded)] or [
        match for match in _BARE_AMOUNT.finditer(folded) if not _postcode_said(text, folded, match)
    ]
    meant = [match for match in said if not _negated(folded, match)]
    wrong = {_digits(match.group(1)) for match in said if _negated(folded, match)}
    if len(meant) != 1 or _is_year(folded, meant[0]) or re.search(r"\bdepuis\b", folded):
        return None  # "en fait depuis 2019": a year, no amount
    if _SUM_OF_SOMETHING_ELSE.search(folded):
        return None  # "en fait c'est 800 par mois", "au final on a perdu 20000 de chiffre": not the debt
    new_amount = _amount(folded, meant[0]) if meant[0].re is _AMOUNT else " ".join(meant[0].group(1).split()) + " €"
    noted = [*_AMOUNT_IN_STORED.finditer(known)]
    owed = known or re.search(r"\b(?:je (?:le |leur |lui )?dois|on (?:le |leur |lui )?doit|dettes?)\b", folded)
    if wrong and owed and not noted and _digits(new_amount) not in wrong:
        # "non c'est pas 5000 c'est 15000 que je dois" after "URSSAF", no sum noted (round 21, r21z-01: read as the
        # Cantal, the 15 000 € nowhere in the case): the sum owed, said right. With no creditor noted, only when the
        # message says it is owed ("c'est 14000 pas 4000" may be what a client owes).
        return with_amount(known, new_amount)
    if wrong:
        replaced = [match for match in noted if _digits(match.group(0)) in wrong]
    elif (_AMOUNT_CORRECTION.search(folded) or amount_put_right_words(folded)) and len(noted) == 1:
        # "c'est 5200 au final, j'ai regardé la facture" (round 16, r16a-10: said corrected, 6000 € kept).
        replaced = noted
    else:
        return None
    if len(replaced) != 1 or _digits(replaced[0].group(0)) == _digits(new_amount):
        return None
    return known[: replaced[0].start()] + new_amount + known[replaced[0].end() :]


# Words that say a number is a postcode ("je me suis trompée de code c'est 59330", "cp 59330", "code postal").
_POSTCODE_WORDS = re.compile(r"\b(?:code|cp|postal|commune|ville|village)\b")


def _postcode_said(text: str, folded: str, match: re.Match[str]) -> bool:
    """A five-digit number said bare as a postcode, never an amount (round 25, s25b-04: "oups je me suis trompée de code
    c'est 59330, Hautmont" after "URSSAF 4500 €" made the case "URSSAF 59330 €"): said with a word of a postcode, or
    beside the place it is the postcode of."""
    number = match.group(1)
    if not re.fullmatch(r"\d{5}", number):
        return False
    if _POSTCODE_WORDS.search(folded):
        return True
    place = _place(text)
    return bool(place) and number.startswith(str(place)[:2])


def amount_put_right_said(known: str | None, corrected: str | None) -> str | None:
    """ "C'est noté : 6 000 €." when ``corrected`` puts an amount of ``known`` right ("URSSAF 4 000 €" then "non pas
    4000, 6000": round 24, finding 1, replaced without a word); None when no amount changed."""
    before = {_digits(match.group(0)) for match in _AMOUNT_IN_STORED.finditer(known or "")}
    new = [
        match.group(0) for match in _AMOUNT_IN_STORED.finditer(corrected or "") if _digits(match.group(0)) not in before
    ]
    if not before or not new:
        return None
    shown = [
        re.sub(r"\d+(?:[ ]\d{3})*", lambda m: f"{int(m.group().replace(' ', '')):,}".replace(",", " "), amount)
        for amount in new
    ]
    return f"C'est noté : {' et '.join(shown)}."


def _times_corrected(known: str, folded: str) -> str | None:
    """ "c'est 3 fois 1150" after "loyer 1 150 €" (round 19, r19c-04: acknowledged, still 1 150 €): the amount noted
    is the one repeated, the sum owed is the product."""
    times = _TIMES_AMOUNT.search(folded)
    if not times or _count(times.group("count")) < 2:
        return None
    unit = re.sub(r"\D", "", times.group("amount"))
    noted = [match for match in _AMOUNT_IN_STORED.finditer(known) if _digits(match.group(0)) == unit]
    if len(noted) != 1:
        return None
    total = f"{_count(times.group('count')) * int(unit):,}".replace(",", " ") + " €"
    return known[: noted[0].start()] + total + known[noted[0].end() :]


# "les 35 000 c'est pas une dette à la banque, c'est le prêt qu'ils m'ont refusé" (round 19, r19c-06: "D'accord, c'est
# noté", then "banque 35 000 €" said again): an amount said to be no debt.
_AMOUNT_NOT_OWED = re.compile(
    r"(?P<amount>\d{1,3}(?:[ .]\d{3})+|\d+)(?:,\d{1,2})?\s?(?:k\s?€|k\b|ke\b|keuros?\b|€|euros?\b|eur\b|balles\b)?"
    r"[^.;!?\d]{0,25}?\b(?:(?:c'est|c est|cest|ce n'est|ce n est|c|ca n'est|ca n est|ce sont|c'etait|c etait)\s+pas|"
    r"(?:n'est|n est|est) pas|non pas|pas)\s+(?:une |des |de |d'|d )?(?:dettes?|sommes?|montants?|du|dus|due|a payer|a rembourser|"
    r"ce que je dois|que je dois|ce qu'on doit|ce que je leur dois)\b"
)


def amounts_said_again(text: str | None) -> set[str]:
    """The digits of the amounts a message says are no debt ("les 35 000 c'est pas une dette") or repeated ("c'est 3
    fois 1150"): a sum said before with them is put right, never said to the advisor as it was (round 19, r19c-04, 06)."""
    folded = money_in_digits(fold(text or "").replace("’", "'"))
    said = {re.sub(r"\D", "", match.group("amount")) for match in _AMOUNT_NOT_OWED.finditer(folded)}
    said |= {
        re.sub(r"\D", "", match.group("amount"))
        for match in _TIMES_AMOUNT.finditer(folded)
        if _count(match.group("count")) >= 2
    }
    return said


def amounts_not_owed(known: str | None, text: str | None) -> str | None:
    """The creditors noted without an amount the message says is no debt: "banque 35 000 €" + "les 35 000 c'est pas
    une dette à la banque" -> None (nothing owed noted is left: NO_DEBT is the caller's to say); the other items stay.
    The creditor stays when the message still says it is owed something. Unchanged known when no amount is denied."""
    if not known or not text:
        return known
    folded = money_in_digits(fold(text).replace("’", "'"))
    denied = {re.sub(r"\D", "", match.group("amount")) for match in _AMOUNT_NOT_OWED.finditer(folded)}
    if not denied:
        return known
    kept = []
    for part in known.split(", "):
        amount = _AMOUNT_IN_STORED.search(part)
        if amount and _digits(amount.group(0)) in denied:
            creditor = part[: amount.start()].strip()
            if creditor and re.search(r"\b(?:numero|num|tel|telephone|portable|indicatif)\b", folded):
                # "0692 c est pas une somme c est mon numero" (round 20, r20b-14): the creditor stays, the phone goes.
                kept.append(creditor)
            continue
        kept.append(part)
    return ", ".join(kept) if kept else None


# Words that put an amount right wherever they stand ("c'est 5200 au final", "finalement 5200", "en fait c'est plutôt
# 5200", "je me suis trompé c'est 5200"), and what makes the number something else than the debt (turnover, a wage,
# what a client owes, a monthly payment); "j'ai regardé la facture" says where the right amount was read.
_PUT_RIGHT_WORDS = re.compile(
    r"\b(?:au final|finalement|en fait|en realite|en vrai|plutot|pardon|je me suis trompee?|je me trompe|erreur|"
    r"je rectifie|je corrige|rectification|correction|je voulais dire|c'?(?: )?est pas ca)\b"
)
_SUM_OF_SOMETHING_ELSE = re.compile(
    r"\b(?:ca|chiffre|benefices?|marge|salaires?|revenus?|loyers?|devis|clients?|salaries?|employes?|ans?|mois|jours?|"
    r"semaines?|heures?|pour ?cent|par (?:mois|an|semaine)|mensuel\w*|stock|perdu|pertes?|gagne\w*|me doi\w*|"
    r"nous doi\w*|km|kilometres?|m2)\b|%"
)


def amount_put_right_words(folded: str) -> bool:
    """Whether the folded words put an amount right without naming a creditor ("et c'est 5200 au final j'ai regardé la
    facture"), and say nothing that makes the number another thing than the debt."""
    return bool(_PUT_RIGHT_WORDS.search(folded)) and not _SUM_OF_SOMETHING_ELSE.search(folded)


def _creditors_named_again(known: str, text: str, folded: str) -> str | None:
    """A correction that names creditors without an amount nor a denial ("non c'est pas lyon c'est un fournisseur de
    roubaix pardon" after "fournisseurs 6000 €"): the creditors it means, each with the amount noted for it; None when
    it is no such correction, names an amount, or denies a creditor (corrections() reads those)."""
    if not _AMOUNT_CORRECTION.search(folded) or _AMOUNT.search(folded) or _BARE_AMOUNT.search(folded):
        return None
    if creditors_denied(text) or _NO_DEBT.search(folded):
        return None
    meant = {label for label in (creditor_names_meant(text) or "").split(", ") if label}
    noted = {label for part in known.split(", ") for label in _labels_of(part)}
    # Only the creditors noted, all of them: what it puts right (the supplier's town) is no fact kept, and the amounts
    # stay. Naming fewer or others is read as before (the intake's correction of who is owed).
    return known if meant and meant == noted and re.search(r"\d", known) else None


# ------------------------------------------------------------------------- corrections of facts already noted

# Round 15 (r15a-10, 11, 13): a correction sent while a question was pending was stored as its answer, and what it
# denied stayed in the case. What a message denies of the facts noted is read here; the form applies it.

NO_DEADLINE = "aucune échéance connue"
NO_DEBT = "aucune dette signalée"
# "c'est pas la retraite c'est la MSA": "la retraite" alone names no creditor, but denies the pension fund.
_RETIREMENT_DENIED = re.compile(
    r"\b(?:c'est|c est|cest|c|ce n'est|ce n est)\s+pas\s+(?:la |ma )?(?:caisse de )?retraite\b"
)
# "la banque je lui dois rien" reads after the creditor; "je dois rien à la banque" before it.
_OWES_NOTHING_BEFORE = re.compile(
    # "nous ne devons rien au fournisseur" (round 27, D13): whoever owes.
    r"\b(?:ne |n')?(?:dois|doit|devons|devez|doivent) (?:plus )?rien (?:a|au|aux|chez|envers)\s+(?:les |le |la |l'|l )?$"
)
# "j'ai pas d'échéance le 11", "il y a aucune échéance": the deadline denied ("pas d'échéance pour l'urssaf" is about one
# creditor, "pas de date d'audience" about a hearing not yet set: neither).
_DEADLINE_DENIED = re.compile(
    r"\b(?:pas|plus|aucune?|jamais eu)\s+(?:d'|d |de )?(?:echeance|date limite)s?\b(?!\s*(?:de |d'|pour |avec |a |au ))"
)


def says_no_date(text: str | None, today: date) -> bool:
    """Whether the words say there is no date to meet ("pas de date non, elle m'a juste envoyé des messages", "ils m'ont
    pas dit de date"): the triage's reader (triage.dates.says_no_date, round 26), with no date to come said beside it.
    The deadline question answered, no deadline (round 25, s25c-14: asked three times)."""
    from triage.dates import says_no_date as no_date_said
    from triage.normalise import normalise

    folded = " ".join(fold(text or "").replace("’", "'").split())
    return no_date_said(normalise(text or "")) and not _deadline(text or "", folded, today)


# "la SCI c'est mon client pas moi": a legal form that is someone else's.
_FORM_NOT_MINE = re.compile(
    r"\b(?P<form>sci|sarl|sas|sasu|eurl|sa|snc)\b[^.;!?]{0,12}?\b(?:c'est|c est|cest|c) (?:mon|ma|le|la|un|une) "
    r"(?:client|cliente|proprietaire|proprio|bailleur|donneur d'ordre)\b"
)


def _labels_of(part: str) -> tuple[str, ...]:
    """The creditors a noted item names ("URSSAF et impôts 6000 €" -> URSSAF, impôts), as labelled when noted."""
    folded = fold(part)
    return tuple(label for label, _ in _CREDITORS if re.search(r"(?<!\w)" + re.escape(fold(label)) + r"(?!\w)", folded))


def creditors_denied(text: str) -> set[str]:
    """The creditors a message says are not owed ("c'est pas l'urssaf", "la banque je lui dois rien", "je dois rien à
    la banque", "c'est le fournisseur pas la banque"), as labelled when noted."""
    folded = fold(text or "").replace("’", "'")
    denied: set[str] = set()
    for match in _CREDITOR.finditer(folded):
        before = folded[: match.start()]
        contrast = _CREDITOR_DENIED_BEFORE.search(before) and _CREDITOR.search(before[-30:])
        if (
            _CREDITOR_NOT_IT_BEFORE.search(before)
            or _OWES_NOTHING_BEFORE.search(before)
            or _OWES_IT_NOTHING_AFTER.match(folded, match.end())
            or contrast
        ):
            denied.update(label for index, (label, _) in enumerate(_CREDITORS) if match.group(f"c{index}"))
    if _RETIREMENT_DENIED.search(folded):
        denied.add("caisse de retraite")
    return denied


def _creditors_corrected(known: str, text: str, denied: set[str]) -> str | None:
    """The creditors noted, less those denied; a creditor meant instead takes the amount of the one it replaces
    ("caisse de retraite 5000 €" + "c'est pas la retraite c'est la MSA" -> "MSA 5000 €"); amounts said again replace
    theirs. None when none of the noted ones is denied."""
    items = [(_labels_of(part), part) for part in known.split(", ") if part]
    if not any(set(labels) & denied for labels, _ in items):
        return None
    meant = [label for label in (creditor_names_meant(text) or "").split(", ") if label and label not in denied]
    free = [label for label in meant if not any(label in labels for labels, _ in items)]
    kept: list[tuple[tuple[str, ...], str]] = []
    for labels, part in items:
        left = tuple(label for label in labels if label not in denied)
        amount = re.search(r"\d.*$", part)
        if left == labels:
            kept.append((labels, part))
        elif left:
            kept.append((left, " ".join([" et ".join(left), *([amount.group()] if amount else [])])))
        elif free:
            label = free.pop(0)
            kept.append(((label,), " ".join([label, *([amount.group()] if amount else [])])))
    for part in (_creditors(text, fold(text)) or "").split(", "):
        labels = _labels_of(part)
        if not part or not labels or set(labels) & denied:
            continue
        same = [index for index, (known_labels, _) in enumerate(kept) if known_labels == labels]
        if not same:
            kept.append((labels, part))
        elif re.search(r"\d", part):
            kept[same[0]] = (labels, part)
    return ", ".join(part for _, part in kept) or NO_DEBT


def _deadline_denied(known: str, text: str, today: date) -> str | None:
    """What the deadline noted becomes when a message denies it: None for a date denied that is the one noted ("j'ai
    pas d'échéance le 11 décembre"), NO_DEADLINE for a deadline denied with no date ("j'ai pas d'échéance"); the
    deadline noted itself otherwise."""
    from chamber.hours import french_date
    from triage.dates import find_deadlines
    from triage.normalise import normalise

    folded = fold(text).replace("’", "'")
    for sentence in _SENTENCE.finditer(folded):
        denial = _DEADLINE_DENIED.search(sentence.group())
        if not denial:
            continue
        rest = re.split(r"[,]| mais | c'est ", sentence.group()[denial.end() :])[0]
        dates = find_deadlines(normalise(rest), today)
        if not dates:
            # "non pas d'échéance précise, l'audience est en mars" (round 34, make run: "aucune échéance connue", the
            # hearing lost): what the message says is due after the denial is the deadline instead.
            instead = extract_facts(folded[sentence.start() + denial.end() :], today).get("deadline")
            return str(instead) if instead else NO_DEADLINE
        if any(french_date(found.when) in known for found in dates):
            return None
    return known


_WEEKDAY_WORDS = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
# What the day noted was instead: when a paper came, past ("vendredi c'est quand j'ai eu l'acte", "vendredi dernier").
_WAS_THE_DAY_OF = (
    r"(?:\s+(?:dernier|passe)\b|[^,.;!?]{0,40}?\b(?:c'?(?: )?est|c'?(?: )?etait|ct|c) (?:quand|le jour|la date|ce jour|"
    r"la que)\b|[^,.;!?]{0,30}?\b(?:j'?(?: )?ai (?:eu|recu)|g (?:eu|recu)|recu|on m'?(?: )?a|il m'?(?: )?a|"
    r"la date (?:du|de la|de l'))\b)"
)
# What is due instead ("l'urgence c'est samedi"): a date said with these words is the deadline.
_URGENT_WORDS = re.compile(r"(?:urgen(?:ce|t)|\ble plus presse|date limite|echeance|c'?(?: )?est pour|il faut|faut)\b")


def _deadline_day_was_past(known: str, text: str, today: date) -> str | None:
    """The deadline noted ("le vendredi 11 décembre") said to be the day a paper came ("non vendredi c'est quand j'ai
    eu l'acte, vendredi dernier. l'urgence c'est samedi", round 25, s25c-18): the date said due instead, None without
    one; ``known`` itself when the message says nothing of the kind."""
    folded_known = fold(known)
    weekday = re.search(rf"\b{_WEEKDAY_WORDS}\b", folded_known)
    number = re.search(r"\b(\d{1,2})\b", folded_known)
    days = [weekday.group()] if weekday else []
    if number:
        days.append(rf"(?:le |du )?{number.group(1)}(?:er)?")
    if not days:
        return known
    said_past = re.compile(
        rf"\b(?:{'|'.join(days)})\b{_WAS_THE_DAY_OF}|\b(?:c'?(?: )?est|c'?(?: )?etait|c) "
        rf"(?:{'|'.join(days)})(?: dernier)? (?:que|qu'|qu |ou|quand)"
    )
    folded = fold(" ".join(text.replace("’", "'").split()))
    parts = re.split(r"[.;!?,]+\s*|\s+(?:virgule|point)\b\s*", folded)
    if not any(said_past.search(part) for part in parts):
        return known
    rest = " . ".join(part for part in parts if not said_past.search(part) and not re.search(r"\bdernier\b", part))
    return _deadline(rest, rest, today, asked=bool(_URGENT_WORDS.search(rest))) if rest.strip() else None


# "c'est pas 3 semaines c'est 2 mois", "pas depuis mars mais depuis janvier", "non pas l'an dernier, plutôt 2 ans":
# what is denied, then what is meant instead.
_NOT_THAT_BUT = re.compile(
    r"\bpas (?P<old>[^,.;!?]{1,40}?)\s*[,;]?\s*(?:c'?(?: )?est|c|mais|plutot|ca fait|ca fera)\s+(?P<new>[^,.;!?]{1,60})"
)
_BARE_LENGTH = re.compile(
    r"(?:\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quelques) (?:jours?|semaines?|mois|ans?|annees?)"
)
_SINCE_LEAD = re.compile(r"^(?:il y a|depuis|ca fait|cela fait)\b", re.IGNORECASE)


def since_when_corrected(known: object, text: str, today: date) -> str | None:
    """The since-when noted ("il y a 3 semaines") put right by a message that denies it ("non en fait c'est pas 3
    semaines c'est 2 mois", round 28, r28-b-02: ignored, and its "non" read as no deadline): the value meant ("il y a
    2 mois"); None when the message denies nothing of what was noted."""
    if not isinstance(known, str) or not known.strip():
        return None
    noted = set(re.findall(r"\w+", fold(known)))
    folded = " ".join(fold(text).replace("’", "'").split())
    for match in _NOT_THAT_BUT.finditer(folded):
        old = [word for word in re.findall(r"\w+", match.group("old")) if word not in ("de", "d", "le", "la", "l")]
        if not old or not set(old) <= noted:
            continue
        new = match.group("new").strip()
        meant = extract_facts(new, today, asked="since_when").get("since_when")
        if not meant and _BARE_LENGTH.fullmatch(new):
            lead = _SINCE_LEAD.match(fold(known))
            meant = f"{known[: lead.end()]} {new}" if lead else new
        if meant and fold(meant) != fold(known):
            return meant
    return None


def corrections(text: str | None, known: dict[str, object], today: date) -> dict[str, str | None]:
    """What a message denies of the facts already noted (``known``: creditors, deadline, legal form), as the slots'
    new values, with the facts it says instead: "non la SCI c'est mon client pas moi, je suis en EI. j'ai pas
    d'échéance le 11 décembre. la banque je lui dois rien" -> legal form "EI", deadline None, creditors without the
    bank. Empty when nothing noted is denied (then the message is read as it always was)."""
    if not text or text.startswith("/"):
        return {}
    text = " ".join(text.replace("’", "'").split())
    folded = fold(text)
    updates: dict[str, str | None] = {}
    creditors = known.get("creditors")
    if isinstance(creditors, str) and creditors != NO_DEBT and amounts_not_owed(creditors, text) != creditors:
        updates["creditors"] = amounts_not_owed(creditors, text) or NO_DEBT
    elif isinstance(creditors, str) and creditors != NO_DEBT:
        corrected = _creditors_corrected(creditors, text, creditors_denied(text))
        if corrected is not None and corrected != creditors:
            updates["creditors"] = corrected
    deadline = known.get("deadline")
    if isinstance(deadline, str) and deadline != NO_DEADLINE:
        after = _deadline_denied(deadline, text, today)
        if after == deadline:
            after = _deadline_day_was_past(deadline, text, today)
        if after != deadline:
            updates["deadline"] = after
    form = known.get("legal_form")
    not_mine = _FORM_NOT_MINE.search(folded)
    if isinstance(form, str) and not_mine and fold(form).strip() == not_mine.group("form"):
        updates["legal_form"] = None
    since = since_when_corrected(known.get("since_when"), text, today)
    if since:
        updates["since_when"] = since
    if not updates:
        return {}
    # What the message says instead ("je suis en EI"), said back with the rest (the triage action set it).
    for name, value in extract_facts(text, today).items():
        if name in ("legal_form", "trade", "employees", "since_when") and known.get(name) != value:
            updates[name] = value
    return updates


def corrections_said(updates: dict[str, str | None], known: dict[str, object]) -> str:
    """ "C'est corrigé : EI, pas d'échéance le vendredi 11 décembre, sommes dues : URSSAF 4200 €." """
    parts: list[str] = []
    for name in ("trade", "legal_form", "employees", "since_when"):
        if updates.get(name):
            parts.append(str(updates[name]))
    if "deadline" in updates:
        before = known.get("deadline")
        value = updates["deadline"]
        if value is None and isinstance(before, str):
            parts.append(f"pas d'échéance {before}")
        elif value == NO_DEADLINE:
            parts.append("pas d'échéance")
        elif value:
            parts.append(f"échéance {value}")
    if "creditors" in updates:
        value = updates["creditors"]
        parts.append("aucune dette" if value in (None, NO_DEBT) else f"sommes dues : {value}")
    if "legal_form" in updates and updates["legal_form"] is None:
        parts.append("forme juridique à préciser")
    return f"C'est corrigé : {', '.join(parts)}."


# "pourquoi vous me parlez du 15 ?", "pas besoin du 15", "appeler le 15 ou le 112" (round 19, r19b-03, r19b-10: the
# département became the Cantal): the emergency number (15, 17, 18, 112, 114) said, never a place.
_EMERGENCY_NUMBER = re.compile(
    r"(?:\b(?:appel\w*|rappel\w*|parl\w*|besoin|compos\w*|fai\w*|numero|joindre|contact\w*|telephon\w*|"
    r"deranger|derange|urgences?|samu|pompiers?|police|gendarm\w*|peur)(?: [\w']+){0,3}? (?:le|du|au|de) "
    r"(?P<code>15|17|18)\b|\b(?:le |du |au )?(?P<code2>15|17|18) (?:ou|et) (?:le )?(?:112|114|15|17|18|3114)\b|"
    r"\b(?:le |du |au )(?P<code3>15|17|18) ?\?)"
)


def emergency_number_said(code: str | None, text: str | None) -> bool:
    """Whether ``code`` is the emergency number said in ``text`` ("pas besoin du 15"), not a département."""
    if not code or not text:
        return False
    folded = " ".join(fold(text).replace("’", "'").split())
    if re.search(rf"\b(?:dans|habite|secteur|vers|pres|cote) (?:le |du )?{code}\b|\({code}\)", folded):
        return False
    return any(
        code in (m.group("code"), m.group("code2"), m.group("code3")) for m in _EMERGENCY_NUMBER.finditer(folded)
    )


def commune_said(text: str | None, code: str | None) -> str | None:
    """The commune the words name for the place read as ``code`` ("couvreur près de Saint-Malo" -> "près de Saint-Malo",
    "à Dinard" -> "Dinard"), for the case (round 25: a roofer near Saint-Malo, only the 35 kept). Only a commune said:
    never one inferred from a postcode several communes share ("22100"), a département, or a place negated."""
    import places

    if not text or not code:
        return None
    found = places.find_in_text(without_phone_digits(text))
    return found.said if found.found and found.departement == code else None


def _place(text: str) -> str | None:
    """The département code of a place named in the sentence (the `places` package reads places)."""
    import places
    from places.resolve import place_said_alone

    text = without_phone_digits(text)  # "c'est 06 98 45 12 30 pas 06 89": no Yonne (round 16, r16a-16)
    found = places.find_in_text(text)
    if found.status == places.FOUND and emergency_number_said(found.departement, text):
        return None
    if found.status != places.FOUND:
        # "serrurier dans le 06 et j'ai un contrôle fiscal" (round 15, r15a-16): the code followed by "et" was read as
        # "du 15 et 16"; the words up to the code are read alone when "et" begins another clause.
        code = _CODE_THEN_CLAUSE.search(text)
        if code:
            found = places.find_in_text(text[: code.end("code")])
    if found.status == places.NOT_FOUND:
        # "Gard. mais dites moi…", "le Var, et la banque…" (round 22, r22c-11): a département alone in its clause.
        found = _town_as_a_clause(text) or place_said_alone(text) or _town_of_the_trade(text) or found
    if found.status == places.FOUND and _inside_a_region_name(text, found.departement):
        return None  # "en Pays de la Loire", "Centre-Val de Loire" (round 24, finding 4): a region, not the Loire
    typed = hyphened_departement(text)
    if typed and (found.status != places.FOUND or found.departement != typed) and not _hyphened_town(text):
        # "je suis en loire-atlantiqe" read as the Loire, "dans le Loire-et-Cher" as a choice between the Cher and the
        # Loire (round 24, finding 4): the hyphenated name of a département typed a letter or two wrong is that one.
        return typed
    return found.departement if found.status == places.FOUND else None


# "un maçon de Besançon", "boulangère de Lille" (round 25, s25b-14: the first message's place was missed and asked again):
# a town with its capital, right after the trade and "de".
_TOWN_AFTER_DE = re.compile(r"\s+(?:de|d['’])\s*(?P<town>[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+)?)")


def _town_of_the_trade(text: str) -> Resolution | None:
    """The town a trade is said to be from ("d'un maçon de Besançon"): its resolution when it is a known town, else
    None."""
    from places.resolve import names_a_known_town

    trade = _trade(text, fold(text))
    if not trade:
        return None
    at = fold(text).find(fold(trade))
    said = _TOWN_AFTER_DE.match(text, at + len(trade)) if at >= 0 else None
    return names_a_known_town(said.group("town")) if said else None


def _inside_a_region_name(text: str, code: str | None) -> bool:
    """Whether the département read is only a word of a region's name in ``text`` ("pays de la loire": the Loire)."""
    name = next((key for key, value in _departement_keys().items() if value == code), None)
    words = " ".join(re.sub(r"[^a-z0-9]", " ", fold(text)).split())
    if not name:
        return False
    regions = [found.group() for found in _REGION_IN_TEXT.finditer(words)]
    outside = _REGION_IN_TEXT.sub(" ", words)
    return any(re.search(rf"\b{name}\b", region) for region in regions) and not re.search(rf"\b{name}\b", outside)


def _hyphened_town(text: str) -> bool:
    """Whether a hyphenated name in ``text`` is a town's own name ("Saint-Nazaire"), never read as a département."""
    from places import resolve as resolve_place
    from places.text import normalise

    for found in re.finditer(r"\w+(?:['’-]\w+)+", text):
        place = resolve_place(found.group(), typos=False)
        if place.found and place.commune is not None and normalise(place.commune.name) == normalise(found.group()):
            return True
    return False


# ------------------------------------------------------------------------- a place is never a trade

# Round 24 (finding 4): "je suis en Loire-Atlantique" at the trade question kept "Loire-" as the trade; "Haute-Loire",
# "Loire-et-Cher" typed for Loir-et-Cher, "loire-atlantiqe" too. A département (hyphenated, misspelt), a region or a town
# said as where one is, is never a trade.
_REGION_NAMES = re.compile(
    r"^(?:(?:la |l |en )?(?:region )?(?:ile de france|idf|hauts de france|grand est|normandie|basse normandie|"
    r"haute normandie|bretagne|pays de (?:la )?loire|centre(?: val de loire)?|bourgogne(?: franche comte)?|"
    r"franche comte|nouvelle aquitaine|aquitaine|occitanie|auvergne(?: rhone alpes)?|rhone alpes|"
    r"provence(?: alpes cote d azur)?|paca|alsace|lorraine|picardie|champagne(?: ardenne)?|limousin|"
    r"poitou(?: charentes)?|languedoc(?: roussillon)?|midi pyrenees|nord pas de calais))$"
)
_REGION_IN_TEXT = re.compile(
    r"\b(?:pays de (?:la )?loire|centre val de loire|rhone alpes|auvergne rhone alpes|"
    r"provence alpes cote d azur|nord pas de calais|midi pyrenees|languedoc roussillon|haute normandie|basse normandie)\b"
)
_WHERE_BEFORE = re.compile(
    r"\b(?:a|au|aux|en|dans|sur|vers|pres de|cote de|region de|region|secteur|du cote de|j'habite|habite)\s+"
    r"(?:le |la |les |l')?$"
)


@cache
def _departement_keys() -> dict[str, str]:
    """Each département's name, folded with its hyphens and apostrophes as spaces ("loire atlantique"), and its code."""
    from places.data import departements

    return {" ".join(re.sub(r"[^a-z0-9]", " ", fold(name)).split()): code for code, name in departements().items()}


def _compound_around(value: str, said: str) -> str:
    """The hyphenated words of ``said`` that hold ``value`` ("Loire-" in "je suis en Loire-Atlantique":
    "loire atlantique"), folded with hyphens and apostrophes as spaces; the value alone when it is not in them."""
    core = value.strip(" -'’")
    folded = fold(said or "").replace("’", "'")
    found = re.search(rf"[\w'-]*{re.escape(fold(core))}[\w'-]*", folded) if core else None
    words = found.group() if found and ("-" in found.group() or value.strip() != core) else fold(core)
    return " ".join(re.sub(r"[^a-z0-9]", " ", words).split())


def departement_typed(words: str) -> str | None:
    """The code of the département these words name, exactly or with a letter or two wrong ("loire atlantiqe": 44,
    "loire et cher": Loir-et-Cher, 41); None when none is that close, or two are."""
    keys = _departement_keys()
    if words in keys:
        return keys[words]
    if len(words) < 6:
        return None
    limit = 2 if len(words) >= 12 else 1
    close = {
        code
        for key, code in keys.items()
        if abs(len(key) - len(words)) <= limit and Levenshtein.distance(key, words, score_cutoff=limit) <= limit
    }
    return close.pop() if len(close) == 1 else None


def hyphened_departement(text: str | None) -> str | None:
    """The département of a hyphenated name written in ``text``, typed right or a letter or two wrong
    ("je suis en loire-atlantiqe": 44, "dans le Loire-et-Cher": 41), never one the text negates; None when no such
    name is written."""
    from places.resolve import negated_departements

    folded = fold(text or "").replace("’", "'")
    negated = negated_departements(text)  # "pas dans le Pas-de-Calais, dans le Nord": never the one said not to be
    for found in re.finditer(r"[a-z]+(?:['-][a-z]+)+", folded):
        code = departement_typed(" ".join(re.sub(r"[^a-z]", " ", found.group()).split()))
        if code and code not in negated:
            return code
    return None


def place_read_as_trade(value: str | None, said: str | None) -> bool:
    """Whether a trade read from ``said`` is a place: a département ("Loire-", cut from "Loire-Atlantique"; "Haute-"),
    a region ("Bretagne"), a town said as where one is ("je suis à Nantes")."""
    if not value or not value.strip(" -'’"):
        return False
    compound = _compound_around(value, said or "")
    if _REGION_NAMES.match(compound) or departement_typed(compound):
        return True
    core = fold(value.strip(" -'’"))
    if " ".join(re.sub(r"[^a-z0-9]", " ", core).split()) in _departement_keys():
        return True  # "Loire", "Cher", "Gard": a département's name alone
    folded = fold(said or "").replace("’", "'")
    at = folded.find(core)
    if at < 0 or not _WHERE_BEFORE.search(folded[:at]):
        return False
    from places import resolve as resolve_place

    return resolve_place(value.strip(" -'’"), typos=False).found


def _town_as_a_clause(text: str) -> Resolution | None:
    """Round 19 (r19a-16: "ébéniste, Dijon. Saisie sur compte…", the place asked again): a known town written alone
    between punctuation, with a capital, in a message that says the trade; a first name ("Nancy") said elsewhere stays
    unread."""
    import places

    if not _trade(text, fold(text)):
        return None
    for piece in re.split(r"[,.;:!?()\n]+", text)[1:] if re.match(r"^[^,.;:!?]*$", text) is None else []:
        part = piece.strip()
        if part[:1].isupper() and not part.isupper():
            town = places.names_a_known_town(part)
            if town is not None and town.found:
                return town
    return None


# "dans le 06 et j'ai", "dans le 33, et la banque": a code, then "et" opening a clause (no number, no month after it).
_CODE_THEN_CLAUSE = re.compile(
    r"(?i)\bdans le (?P<code>\d{2}|2[ab]|97[1-8]|98[6-8])[ ,]+et (?!(?:le |la |du |au )?\d|" + _MONTHS + r"|demi)"
)


def extract_facts(text: str, today: date | None = None, asked: str | None = None) -> dict[str, str]:
    """The intake slots this message fills, with the artisan's words; ``asked``: the question it answers, when it
    gives what the words leave implicit (a date said at the deadline question is the deadline)."""
    if not text or text.startswith("/"):
        return {}
    # The case's draft and the triage's validation read each message of the conversation again at every action call:
    # read once per text, day and question (issue 18). A copy: callers change their dict.
    return dict(_facts_of(text, today or date.today(), asked))  # noqa: DTZ011 - callers with a chamber pass its date


@lru_cache(maxsize=4096)
def _facts_of(text: str, today: date, asked: str | None) -> dict[str, str]:
    text = without_reproach(text)  # "micro je t'ai dit": the answer, not the reproach
    folded = fold(text)
    facts = {
        "since_when": _since_when(text, folded, today),
        # Callers with a chamber pass its date.
        "deadline": _received_with_delay(text, today)
        or _deadline_or_act(*_without_receipt_day(text, folded), today, asked == "deadline")
        or _event_month_ahead(folded, today),
        "trade": _trade(text, folded),
        "legal_form": _legal_form(text, folded),
        "employees": _employees(text, folded, asked == "employees"),
        "creditors": _creditors(text, folded, asked == "creditors"),
        "departement": _place(text),
    }
    if asked == "deadline" and facts["since_when"] and fold(facts["since_when"]) in fold(facts["deadline"] or ""):
        facts["since_when"] = None  # "en mars" at the deadline question (round 25, s25a-12): the month ahead, no more
    if facts["trade"] and place_read_as_trade(facts["trade"], text):
        facts["trade"] = None  # "je suis en Loire-Atlantique" (round 24, finding 4): a place, never a trade
    return {name: value for name, value in facts.items() if value}


# A no opening the message ("non pas de date mais ...", "aucune, par contre ..."), whatever follows it.
_NO_FIRST = re.compile(
    rf"^(?:{FILLERS}[ ,]+)?(?:non|nan|pas de (?:date|delai|echeance)|aucune? (?:date|echeance|delai)?)\b"
)


# A no that names the question's own topic ("non pas d'échéance. et je suis pas à Caen, l'atelier est à Bayeux"):
# it answers the question even in a message that corrects something else (round 5 replays: asked again).
_NO_TO = {
    "deadline": r"date|delai|echeance|urgence|rien d urgent|rien de prevu",
    "employees": r"salaries?|employes?|apprentis?|personnel|personne\b",
    "steps_taken": r"demarches?|rien fait",
    "creditors": r"dettes?",
}


def says_no_to(slot: str, text: str | None) -> bool:
    """The message opens with a no to this question's topic ("non pas d'échéance", "aucun salarié")."""
    topic = _NO_TO.get(slot)
    if topic is None:
        return False
    folded = fold(without_reproach(text or "")).replace("'", " ").strip()
    return bool(
        re.match(
            rf"^(?:{FILLERS}[ ,]+)?(?:non[ ,.!]+)?(?:(?:il n y a |y a |j ai |je n ai )?pas (?:de |d )|"
            rf"aucune? |rien (?:de |d )?)(?:{topic})\b",
            folded,
        )
    )


def no_to_another_question(slot: str, text: str | None) -> str | None:
    """The question whose topic a no names when it is not this one ("non pas de dettes" to "Avez-vous des salariés ?",
    round 28, r28-b-14: stored as "Salariés : 0"), or None."""
    if says_no_to(slot, text):
        return None
    return next((other for other in _NO_TO if other != slot and says_no_to(other, text)), None)


# A clause saying there is no deadline, wherever it comes ("pas d'échéance sinon", "non non, arrêter la boîte je veux
# dire. pas d'échéance sinon", "pas de date précise, mais ..."): round 17, r17b-03 and r17a-06.
_NO_DEADLINE_CLAUSE = re.compile(
    r"(?:^|[,.;!?]\s*|\b(?:et|mais|sinon|non|donc|alors)\s+)(?:(?:il n y a|il y a|y a|j ai|je n ai|on a|on n a)\s+)?"
    r"(?:pas|aucune?|jamais eu)\s+(?:de |d )?(?:date|delai|echeance)s?\b"
    r"(?:\s+(?:precise|particuliere|proche|prevue|fixe|limite|fixee|connue|urgente|pour l instant|pour le moment|"
    r"sinon|non plus|que je sache|a ma connaissance))*\s*(?:$|[,.;!?]|\b(?:mais|juste|sinon|seulement|et)\b)"
)


def denies_a_deadline(text: str | None) -> bool:
    """A clause of the message says there is no deadline ("pas d'échéance particulière, juste ...", "... pas de date
    sinon"): wherever it comes, it answers the deadline question (the question was asked again)."""
    folded = " ".join(fold(without_reproach(text or "")).replace("'", " ").split())
    return bool(_NO_DEADLINE_CLAUSE.search(folded))


def says_no_first(text: str | None) -> bool:
    """The message opens with a no ("non pas de date mais l'urssaf a envoyé une mise en demeure")."""
    return bool(_NO_FIRST.search(fold(without_reproach(text or "")).strip()))


FACT_LABELS = {
    "trade": "{}",
    "legal_form": "{}",
    "employees": "{}",
    "since_when": "{}",
    "deadline": "échéance {}",
    "creditors": "sommes dues : {}",
    "departement": "{}",
}


_SINCE_WORDS = re.compile(r"^(?:depuis|ca fait|cela fait|ca va faire|il y a|y a|voila|voici|des|plusieurs)\b")


def _since_label(value: str) -> str:
    """ "le mois dernier" -> "depuis le mois dernier", "en janvier" -> "depuis janvier"."""
    folded = fold(value)
    if _SINCE_WORDS.match(folded):
        return value
    if folded.startswith("en "):
        return "depuis " + value[3:]
    return "depuis " + value


def _employees_label(value: str) -> str:
    """ "0" -> "pas de salarié", "3" -> "3 salariés" (round 36, make run: "J'ai retenu : 0." said a bare count back to
    the artisan); the artisan's own words stay as they are ("moi et un apprenti")."""
    if not value.isdigit():
        return value
    count = int(value)
    return "pas de salarié" if count == 0 else f"{count} salarié" + ("s" if count > 1 else "")


def understood(facts: dict[str, str]) -> str | None:
    """ "J'ai noté : boulanger, depuis 3 semaines, URSSAF 8000 €. Dites-moi si je me trompe." or None."""
    facts = dict(facts)
    if facts.get("employees"):
        facts["employees"] = _employees_label(facts["employees"])
    if facts.get("departement"):
        import places

        name = places.departement_name(facts["departement"])
        facts["departement"] = f"{name} ({facts['departement']})" if name else facts["departement"]
    if facts.get("since_when"):
        facts["since_when"] = _since_label(facts["since_when"])
    # "J'ai retenu : échéance aucune échéance connue" (round 34) said the slot's value as a label's argument.
    parts = [
        "pas d'échéance connue"
        if name == "deadline" and facts[name] == NO_DEADLINE
        else FACT_LABELS[name].format(facts[name])
        for name in FACT_LABELS
        if facts.get(name)
    ]
    if not parts:
        return None
    return f"J'ai noté : {', '.join(parts)}. Dites-moi si je me trompe."


# ----------------------------------------------------------------------------------------- sympathy

_DEATH = re.compile(
    # "Je vous écris pour mon mari, il est décédé" (round 21, r21z-07): the death told after a comma, "qui", "il".
    rf"\b(?:(?:mon|ma)\s+(?P<who>{KIN})\s*,?\s+(?:(?:qui|il|elle)\s+)?(?:est\s+|vient\s+de\s+|a\s+)?"
    # Leaving is no death ("mon associé est parti du jour au lendemain en vidant le compte", round 4 of off-script
    # conversations, got condolences): "parti", "disparu" and "quitté" are one only when the words say so.
    rf"(?:decedee?|mort|morte|partie?\s+(?:trop tot|pour toujours|pour de bon|au ciel|dans son sommeil)|"
    rf"disparue?(?!\s+(?:avec|du jour au lendemain|sans|des radars|en\s))|deceder|mourir|nous\s+a\s+quittee?s?)|"
    rf"(?:deces|mort|perte|disparition|enterrement|obseques)\s+de\s+(?:mon|ma)\s+(?P<who2>{KIN})|"
    rf"(?:perdu|enterre)\s+(?:mon|ma)\s+(?P<who3>{KIN})|"
    # Round 29 (r29-a-15): "mon mari était artisan électricien, il est décédé il y a 3 semaines" got no condolence: the
    # relative named, then what they did, then the death told with a pronoun, in the same sentence.
    rf"(?:mon|ma)\s+(?P<who4>{KIN})\b(?:[\s,]+(?!(?:et|mais|puis|moi|je|j)\b)[\w']+){{1,8}}?(?:\s*,\s*|\s*,?\s+(?:qui|il|elle)\s+)"
    rf"(?:est\s+|vient\s+de\s+|nous\s+a\s+)(?:decedee?|morte?(?!\s+de\s+(?:rire|fatigue|peur|faim|honte|froid|chaud))|"
    rf"deceder|mourir|quittee?s?)\b|"
    rf"veuve?\b|deuil)"
)
_ILLNESS = re.compile(
    r"\b(?:malade|maladie|cancer|chimio|hospitalise|hopital|operee?|operation|accident|burn[- ]?out|"
    r"arret maladie|(?:un|d'un|d un|l'|mon|son|cet|apres|suite a)\s*avc|infarctus|handicap|invalidite|depression|sclerose|tumeur|convalescence)"
)
_DISASTER = re.compile(
    r"\b(?:incendie|brule|feu|inonde|inondation|innondation|degat des eaux|tempete|grele|cambriol|vole|vol\b|"
    r"vandalis|saccage|explosion|effondre|catastrophe)"
)


def death_told_of(text: str | None) -> str | None:
    """The relative whose death the message tells, as typed ("mari" in "mon mari, il est décédé"); None otherwise."""
    death = _DEATH.search(fold(text or ""))
    if death is None:
        return None
    return death.group("who") or death.group("who2") or death.group("who3") or death.group("who4")


def sympathy(text: str) -> str | None:
    """A line of sympathy for a death, an illness or a disaster; None otherwise.

    Written so that it reads right whoever the artisan is (no "seul", no adjective that takes a gender).
    """
    folded = fold(text or "")
    death = _DEATH.search(folded)
    if death:
        who = death.group("who") or death.group("who2") or death.group("who3") or death.group("who4")
        if who:
            span = next(group for group in ("who", "who2", "who3", "who4") if death.group(group))
            words = text[death.start(span) : death.end(span)]
            possessive = "votre"
            return f"Toutes mes condoléances pour {possessive} {words}. Prenez le temps qu'il vous faut."
        return "Toutes mes condoléances. Prenez le temps qu'il vous faut."
    if _ILLNESS.search(folded):
        # Whose illness, and whether it is one at all ("ça me rend malade"), is the triage's reading.
        from triage import assess

        categories = assess([text]).categories
        if "sante" in categories:
            return "Votre santé passe avant tout, et je suis de tout cœur avec vous."
        if "vie_personnelle" in categories:
            return "Je suis de tout cœur avec vous et avec votre proche."
        return None
    if _DISASTER.search(folded):
        # A disaster the triage reads as one: "ce boulot me tue à petit feu" (round 5) or "je vais voler en éclats" is none.
        from triage import assess

        if "sinistre" in assess([text]).categories:
            return "C'est un coup très dur, et je suis de tout cœur avec vous."
    return None


# ----------------------------------------------------------------------------------------- places

# What a number naming a place looks like: a département (1-2 digits, 2A/2B, 971-976) or a postcode.
_PLACE_NUMBER = re.compile(r"^(?:\d{1,2}|2[ab]|97[1-8]|98[6-8]|\d{5}|\d{2} \d{3})$")


def _inside_phone_number(number: str, text: str) -> bool:
    """Whether ``number`` appears in ``text`` only inside a phone number (whole, or its first digits)."""
    rest = without_phone_digits(text)
    if rest == text:
        return False
    return not re.search(r"(?<!\d)" + re.escape(number) + r"(?!\d)", rest)


# The digits of a phone number typed in part or wrong ("pas 06 89", "06 89 45 12 3", "0689", "+33 6 89"): two-digit
# groups after a leading 0 and a digit, six digits or more after it, or a country code; never a postcode ("06000",
# "06 000") nor a code alone ("dans le 06").
_PHONE_DIGITS = re.compile(
    r"(?<![\d,.])(?:(?:\+|00)\s?(?:33|262|269|590|594|596|508|681|687|689)[\s.-]?(?:\(0\))?\s?\d(?:[\s.-]?\d){1,8}"
    r"|0[1-9](?:[\s.-]\d\d){1,4}(?:[\s.-]\d)?|0[1-9](?:[\s.-]?\d){4,8})(?!\d|[.,]\d)"
)


def without_phone_digits(text: str) -> str:
    """The words with every phone number blanked, whole or in part, said or corrected ("c'est 06 98 45 12 30 pas 06
    89"): the digits of a phone number are never a place (round 16, r16a-16: the Yonne, 89, for a woman in Brest), nor
    a count or a date."""
    rest = text
    for match in phonenumbers.PhoneNumberMatcher(text, "FR"):
        rest = rest.replace(match.raw_string, " " * len(match.raw_string))
    return _PHONE_DIGITS.sub(lambda match: " " * len(match.group()), rest)


# Words that make a small number a place outside the place question: "(62)", "j'habite le 13", "secteur 69".
_NUMBER_PLACE_CUE = (
    r"(?:\(\s*{0}\s*\)|\b(?:habite|habitons|secteur|region|zone|coin|cote)\s+(?:dans\s+)?(?:le\s+|du\s+)?{0}\b)"
)


def is_place_mention(value: str | None, text: str | None, *, place_asked: bool = False) -> bool:
    """Whether ``value``, read as a place in ``text`` by the entity extractor, can be one: "8000" in
    "l'urssaf 8000" is an amount (four digits are no département nor postcode, and a number after a creditor
    is what is owed), "62" in "je suis dans le 62" a place. A name ("Lens") is left to the place question.
    Outside the place question a number of one or two digits is a place only where words say so ("dans le 62",
    "(62)"): "2" to "Depuis quand ?" or "on est 2" replaced the Nord with the Aisne."""
    compact = " ".join(re.sub(r"[^\w ]", " ", fold(str(value or ""))).split())  # "(974)" is 974
    if compact and all(word in NUMBER_WORDS or word == "et" for word in compact.split()):
        return False  # "deux" at "Avez-vous des salariés ?" (round 25, s25a-06: "Lieu : deux"): a count, never a place
    if re.search(r"\d\s*(?:k|ke|keuros?|euros?|eur|balles)\b|€", fold(str(value or ""))):
        return False  # "8000 euros": an amount
    if not compact or not any(char.isdigit() for char in compact) or re.search(r"[a-z]{2,}", compact):
        # A name, with or without its code; a département named like a word only where it is said as a place ("régler
        # cette somme" is no Somme, round 13, r13b-02: the Jura confirmed was replaced; "ça coûte cher", "qu'il vienne").
        from places.resolve import said_as_a_place

        return place_asked or said_as_a_place(str(value or ""), text)
    if not _PLACE_NUMBER.match(compact):
        return False
    if emergency_number_said(compact, text):
        return False  # "pas besoin du 15" (round 19, r19b-10): the emergency number, even at the place question
    if _inside_phone_number(compact, text or ""):
        return False  # "sur le fixe, 02 99 11 22 33": the 33 ends a phone number, it is no Gironde
    from places.resolve import number_said_as_money

    if number_said_as_money(text, compact):
        return False  # "c'est 16000 pas 14000, les majorations", "13000 qu'il me doit" (round 24, r24a-01, r24a-15)
    folded = fold(text or "")
    owed = re.compile(_CREDITOR.pattern + r"\s*(?:[:=-]\s*|de\s+|pour\s+)?" + re.escape(compact) + r"(?!\d)")
    if owed.search(folded):
        return False
    if place_asked:
        return True
    if " ".join(re.sub(r"[^\w ]", " ", folded).split()) == compact:
        return False  # "25000" alone after "combien ?" (round 7: noted as Besançon): a number, no place
    if not re.fullmatch(r"\d{1,2}", compact):
        return True
    return _place(folded) == compact.zfill(2) or bool(re.search(_NUMBER_PLACE_CUE.format(compact), folded))


# ------------------------------------------------------------------------ what happened (the case summary)

# Round 12 (A10, B14, B16): the advisor's summary missed the death, the liquidation, the seizure, the sums and the
# destroyed tool. Read here in the person's words, said back in a few plain words; health words are never returned
# (a cause of death is left out: the summary keeps health facts only with the health consent).

_KIN = (
    r"mari|femme|epouse|epoux|conjoint|conjointe|compagnon|compagne|associe|associee|pere|mere|papa|maman|fils|fille|"
    r"frere|soeur|patron|patronne|beau-pere|belle-mere"
)
# How a parent is called at home, read as the advisor writes it ("maman" -> "sa mère").
_HOME_WORDS = {"papa": "pere", "maman": "mere"}
_DIED = r"(?:mort|morte|decede|decedee|tue|tuee|s'est tue|s est tue|nous a quittes?|est parti(?:e)? au ciel)"
_DEATHS = [
    # "mon mari est décédé", "mon associé est mort dans un accident", "mon pere s'est tué en moto"
    # "depuis que maman est morte": a parent named as at home, without "ma".
    re.compile(
        rf"\b(?:(?:mon|ma|notre) |(?=papa\b|maman\b))(?P<kin>{_KIN})\b(?:,? (?:qui|il|elle))?(?: \w+){{0,3}}? (?:est |a ete |vient de |venait de )?"
        rf"{_DIED}\b"
    ),
    # "depuis la mort de maman", "le décès de mon mari", "la perte de mon associé"
    re.compile(
        rf"\b(?:la mort|le deces|la perte|la disparition) (?:de |d')(?:mon |ma |notre |son |sa )?(?P<kin>{_KIN})\b"
    ),
    # "je suis veuve depuis mars"
    re.compile(r"\b(?:je suis|suis|depuis que je suis) (?P<kin>veuve|veuf)\b"),
    # "ma femme est partie en septembre, un cancer" (round 14, B6: read as the baker's own cancer): "partie" is a death
    # only with a death or its cause said in the same sentence; "mon associé est parti avec la caisse" is none.
    re.compile(
        rf"\b(?:mon|ma|notre) (?P<kin>{_KIN})\b(?: \w+){{0,2}}? (?:est |nous a )?(?:partie?|quittee?)\b"
        r"(?=[^.;!?]{0,60}\b(?:cancer|maladie|crise cardiaque|avc|infarctus|accident|decede\w*|deces|enterre\w*|"
        r"obseques|veu(?:f|ve)|emporte\w*)\b)"
    ),
]
# What the person concerned is to the writer, read in the same message when someone close writes ("papa ne s'en sort
# plus", "la boucherie de mon père", "j'écris pour ma mère"): then "ma mère" is not the artisan's mother.
_CONCERNED = [
    re.compile(
        rf"\b(?:pour|de la part de|au nom de|a la place de) (?:mon|ma) (?P<kin>{_KIN})\b(?! (?:est|a) (?:mort|decede))"
    ),
    re.compile(
        r"\b(?:entreprise|boite|atelier|boutique|commerce|societe|garage|salon|magasin|affaire|boucherie|boulangerie|"
        rf"charcuterie|menuiserie|plomberie|dettes?|compte|comptes) (?:de|a) (?:mon |ma )?(?P<kin>{_KIN})\b"
    ),
    re.compile(
        rf"(?:^|[,.;!?] *|\bet |\bmais )(?:mon |ma )?(?P<kin>{_KIN}) (?:ne s'?\s?en sort|s'?\s?en sort pas|n'?\s?y arrive|y arrive pas|"
        r"a des dettes|doit de l'argent|est artisan|est a son compte|a (?:une|un|sa|son) (?:entreprise|boite|atelier|"
        r"boutique|commerce|societe|garage|salon|magasin))"
    ),
    re.compile(r"\bje suis (?:son|sa) (?P<writer>fils|fille|epouse|femme|mari|epoux|frere|soeur)\b"),
]
# The dead person's place for the artisan, from the writer's words and what the artisan is to the writer: a son
# whose father is the artisan says "ma mère" of the artisan's wife (round 14, A8: "décès de sa mère").
_KIN_FOR_THE_ARTISAN = {
    ("pere", "mere"): "l'épouse",
    ("pere", "maman"): "l'épouse",
    ("papa", "mere"): "l'épouse",
    ("papa", "maman"): "l'épouse",
    ("mere", "pere"): "l'époux",
    ("mere", "papa"): "l'époux",
    ("maman", "pere"): "l'époux",
    ("maman", "papa"): "l'époux",
    ("pere", "frere"): "son fils",
    ("pere", "soeur"): "sa fille",
    ("mere", "frere"): "son fils",
    ("mere", "soeur"): "sa fille",
    ("papa", "frere"): "son fils",
    ("papa", "soeur"): "sa fille",
    ("maman", "frere"): "son fils",
    ("maman", "soeur"): "sa fille",
    ("mari", "fils"): "son fils",
    ("mari", "fille"): "sa fille",
    ("epoux", "fils"): "son fils",
    ("epoux", "fille"): "sa fille",
    ("femme", "fils"): "son fils",
    ("femme", "fille"): "sa fille",
    ("epouse", "fils"): "son fils",
    ("epouse", "fille"): "sa fille",
}
# The writer said as what they are to the artisan ("je suis son fils"): the artisan as the writer names them.
_ARTISAN_FOR_THE_WRITER = {
    "fils": "pere",
    "fille": "pere",
    "epouse": "mari",
    "femme": "mari",
    "mari": "femme",
    "epoux": "femme",
    "frere": "frere",
    "soeur": "frere",
}
_DEATH_WHEN = re.compile(
    r"^[^.;!?]{0,40}?\b(?P<when>il y a (?:\d+|un|une|deux|trois|quatre|cinq|six|quelques|peu)(?: \w+)?|"
    r"(?:le mois|la semaine|l'annee|l annee) derni(?:er|ere)|l'an dernier|l an dernier|hier|"
    rf"en (?:{_MONTHS})(?: \d{{4}})?|le \d{{1,2}} (?:{_MONTHS}))"
)
_HYPOTHETICAL_BEFORE = re.compile(
    r"\b(?:comment|est ce que?|est-ce que?|estce que?|si je|si on|s'ils?|s ils?|peuvent|peut il|peut-il|pourrai\w*|"
    r"risque\w*|faut il|faut-il|dois je|dois-je|savoir|c'est quoi|c est quoi|qu'est|eviter|peur|"
    # Round 17 (r17a-05): "c koi la différence entre redressement et liquidation ?" asks what the words mean.
    r"c'?(?: )?est koi|c koi|ce koi|c quoi|ca veut dire|veut dire|signifie|difference)\b[^.;!?]*$"
)
# Round 17 (r17b-01, r17a-17): "un redressement urssaf" is a reassessment of contributions, not the court's recovery
# proceeding, and a tax audit starting ("un contrôle fiscal qui commence lundi") is no reassessment: each is said as it
# was. A "redressement" said with nothing that says which is said so, never supposed judicial.
_REASSESSED_BY = r"(?:de |d'|d |des |du )?(?:l'|l |la )?(?:urssaf|msa|cotisations|fiscal|impots?|tva|fisc|douanes?)"
_PROCEDURES = [
    ("liquidation judiciaire", r"liquidation(?: judiciaire)?"),
    (
        "redressement judiciaire",
        r"redressement judiciaire|(?:en|plan de|procedure de) redressement(?! " + _REASSESSED_BY + r")|\brj\b",
    ),
    ("procédure de sauvegarde", r"procedure de sauvegarde|\bsauvegarde\b"),
    ("redressement URSSAF", r"redressement (?:de |d'|d |des )?(?:l'|l )?(?:urssaf|msa|cotisations)"),
    ("redressement fiscal", r"redressement (?:fiscal|(?:de |d'|d |des |du )?(?:l'|l )?(?:impots?|tva|fisc))"),
    ("contrôle fiscal", r"controle fiscal|controle des impots|verification de comptabilite"),
    ("contrôle URSSAF", r"controle (?:de (?:l'|l )?)?urssaf"),
    ("commandement de payer", r"commandement de payer"),
    ("redressement (judiciaire, URSSAF ou fiscal : non précisé)", r"redressement"),
]
UNSPECIFIED_REDRESSEMENT = _PROCEDURES[-1][0]
# Round 18 (r18a-06, r18a-15): "une audience au tribunal pour le redressement", "le contrôle fiscal ... le redressement"
# were said "non précisé": what the words around make clear, when only one reading is possible.
_JUDICIAL_CUE = re.compile(
    r"\b(?:tribunal|audience|mandataire|administrateur judiciaire|juge|greffe|periode d'observation|plan de continuation)\b"
)
_TAX_CUE = re.compile(r"\b(?:controle fiscal|controle des impots|verification de comptabilite|inspect\w* des impots)\b")
_URSSAF_CUE = re.compile(r"\bcontrole (?:de (?:l'|l )?)?urssaf\b")


def redressement_meant(text: str | None) -> str | None:
    """Which "redressement" the words mean when they do not say it ("l'audience au tribunal pour le redressement"): the
    label, or None when nothing or more than one reading is said."""
    folded = fold(text or "")
    readings = [
        label
        for label, cue in (
            ("redressement judiciaire", _JUDICIAL_CUE),
            ("redressement fiscal", _TAX_CUE),
            ("redressement URSSAF", _URSSAF_CUE),
        )
        if cue.search(folded)
    ]
    return readings[0] if len(readings) == 1 else None


# "je suis pas en redressement", "non pas de redressement", "on n'est pas en sauvegarde", "jamais eu de liquidation": the
# procedure named to deny it (round 26: each was stored as open).
_PROCEDURE_DENIED_BEFORE = re.compile(
    r"\b(?:pas|plus|jamais|aucune?|ni)(?: (?:du tout|encore|eu|en|de|d'|d|un|une|la|le|sous|une procedure de))* $"
)
# A message that denies any collective procedure ("je suis pas en procédure", "aucune procédure", "non pas de
# redressement"): the procedure read before it leaves the case (actions/handoff.py happened_said).
_NO_PROCEDURE = re.compile(
    r"\b(?:pas|plus|jamais|aucune?)(?: (?:du tout|encore|eu|en|de|d'|d|une|un|sous))* (?:procedures?(?! (?:de|d') "
    r"(?:remboursement|paiement|demande|recouvrement))|redressement|sauvegarde|liquidation|procedure collective)\b"
)


def denies_a_procedure(text: str | None) -> bool:
    """Whether the words say there is no collective procedure ("je suis pas en procédure", "aucune procédure")."""
    return bool(_NO_PROCEDURE.search(fold(" ".join((text or "").replace("’", "'").split()))))


_SOMEONE_ELSE_BEFORE = re.compile(
    r"\b(?:client|clients|fournisseur|donneur d'ordre|donneur d ordre|entreprise generale|promoteur)\b"
)
_CLIENT_FAILED = re.compile(
    r"\b(?:client|clients|donneur d'ordre|donneur d ordre|entreprise generale|promoteur)\b[^.;!?]{0,40}?"
    r"\b(?:depose le bilan|en faillite|fait faillite|en liquidation|en redressement|coule)\b"
)
_HEARING = re.compile(r"\b(?:audience|tribunal|convoque|convoquee|convocation|jugement)\b")
_WHEN_AFTER = re.compile(
    r"^[^.;!?]{0,50}?\b(?P<when>la semaine prochaine|le mois prochain|apres-demain|apres demain|demain|aujourd'hui|"
    r"aujourd hui|cette semaine|(?:dans|sous) (?:\d+|deux|trois|quatre|cinq|huit|quinze|dix) jours|fin du mois|"
    rf"(?:le |ce |avant le )?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi)(?: \d{{1,2}})?(?: (?:{_MONTHS}))?|"
    rf"(?:le |avant le )\d{{1,2}}(?:er)?(?: (?:{_MONTHS}))?)\b"
)
_SEIZED = re.compile(
    r"\b(?:saisi[re]?|saisissent|saisit|saisie (?:de|du|sur)) (?:sur )?(?P<what>(?:mon|ma|mes|le|la|les|notre|nos) "
    r"(?:camion|camionnette|fourgon|utilitaire|vehicule|voiture|compte|comptes|maison|materiel|machines?|stock|"
    r"outils?|salaire|local|fonds))\b"
)
_ACCOUNTS_BLOCKED = re.compile(
    r"\b(?:comptes? (?:\w+ )?(?:sont |est )?bloques?|bloque (?:mon|mes|le|les) comptes?|"
    r"(?:pas|plus|aucun) (?:d'|d )?acces (?:aux|au) comptes?)\b"
)
_TOOL_LOST = re.compile(
    r"\b(?P<what>four|fournil|atelier|local|boutique|magasin|camion|camionnette|fourgon|vehicule|utilitaire|outils|"
    r"machines?|materiel|stock|labo|laboratoire|chambre froide|petrin|garage|entrepot|hangar|batiment|locaux|"
    r"toiture)\b(?: \w+){0,3}? (?:est |a ete |sont |ont ete |a )?"
    r"(?P<state>detruite?s?|brule(?:e|s)?|parti en fumee|inondee?s?|hors service|hs|fichue?|morte?|vole(?:e|s)?|"
    r"en panne|casse(?:e|s)?|a detruire|a raser|en cendres)\b"
)
_THING_SHOWN = {
    "batiment": "bâtiment",
    "entrepot": "entrepôt",
    "materiel": "matériel",
    "vehicule": "véhicule",
    "petrin": "pétrin",
}
_STATE_SHOWN = {
    "parti en fumee": "détruit par le feu",
    "hs": "hors service",
    "mort": "hors service",
    "morte": "hors service",
    "fichu": "hors service",
    "fichue": "hors service",
    "a detruire": "à détruire",
    "a raser": "à raser",
}
_CANNOT_WORK = re.compile(
    r"\b(?:ne )?(?:peux|peut|pouvons|pourrai|pourra) (?:plus|pas) (?:travailler|bosser|exercer|produire|cuire|ouvrir|"
    r"rouler|faire mes chantiers)\b"
)
_EXPERT = re.compile(r"\b(?:attend\w*|en attente) (?:de |d'|d )?(?:l'|l |le passage de l'|un )?expert\w*\b")
_CLOSING = re.compile(
    r"\b(?:veux|voudrais|veut|vais|va|compte|pense a|envisage de|souhaite|aimerais|prefere) (?:tout )?"
    r"(?P<what>arreter|fermer|cesser|cloturer|stopper|mettre la cle sous la porte|vendre|ceder|radier)\b"
)
# Retiring is an event when it is told as leaving ("je pars à la retraite en juin", "prendre ma retraite", "la
# retraite c'est dans 2 ans"): "ma retraite approche" (a worry about money), "compléter ma petite retraite" (already
# retired), the "caisse de retraite" or "mon comptable prend sa retraite" are no departure of the artisan (round 14, A8:
# "Départ à la retraite" stored for two people who were not leaving).
_RETIRING_LEAVE = re.compile(
    r"\b(?:partir|pars|part|partirai|partira|depart|prendre|prends|prend|prendrai|prendra|passer|passe)"
    r" (?:a la|en|ma|sa) retraite\b|\bbientot (?:a la|en) retraite\b"
)
_RETIRING_AHEAD = re.compile(
    r"\b(?:la|ma) retraite\b(?=[^.;!?,]{0,30}?\b(?:c'est|c est|ce sera|sera|prevue?|pour|dans|en)\b)|"
    r"\b(?:a la|en) retraite\b(?= (?:bientot|dans|l'an|l an|l'annee|l annee|en \w+|fin|le \d))"
)
_RETIRE_WHEN = re.compile(
    r"^[^.;!?,]{0,30}?\b(?P<when>l'an prochain|l an prochain|l'annee prochaine|l annee prochaine|"
    rf"dans (?:\d+|un|une|deux|trois|quelques) (?:ans?|mois)|en 20\d\d|en (?:{_MONTHS})|bientot|"
    rf"le \d{{1,2}}(?:er)?(?: (?:{_MONTHS}))?|fin (?:de l'annee|d'annee|{_MONTHS}|20\d\d))"
)
_RETIRED_ALREADY = re.compile(
    r"\b(?:je suis|suis|jsuis|j suis|deja|moi) (?:a la |en )?retraitee?s?\b|\b(?:je suis|suis|jsuis|deja) (?:a la|en) "
    r"retraite\b(?! bientot| dans| l'an| l an| en 20)|\b(?:completer|complete|complement (?:de|a)|arrondir) (?:ma|une|sa) "
    r"(?:petite |maigre )?retraite\b|\bcumul emploi[- ]retraite\b|\bma (?:petite |maigre )?retraite (?:ne suffit|suffit pas)"
)
# Someone else's retirement ("mon comptable prend sa retraite"): said of them, the advisor reads whose.
_RETIRING_WHO = re.compile(
    r"\b(?:mon|ma|notre) (?P<who>comptable|banquier|banquiere|associee?|salariee?|employee?|apprentie?|ouvriere?|"
    rf"collaborateur|collaboratrice|{_KIN})\b[^,.;!?]{{0,25}}$|\b(?P<pronoun>il|elle)\b[^,.;!?]{{0,12}}$"
)
_NEGATED_NEAR = re.compile(r"\b(?:pas|jamais|plus|ni)\b[^,.;!?]{0,15}$")
# "incendie cette nuit", "le feu a pris dans l'atelier", "mon garage a brûlé" (round 14, B6: only "sinistre" was kept).
_FIRE = re.compile(
    r"\b(?:incendie|le feu a pris|a pris feu|ont pris feu|le feu s'est declare|parti en fumee|partie en fumee|"
    r"(?:a|ont) (?:brule|crame)(?! (?:mon|ma|mes|le|la|les|ses|sa|son|des)\b))\b"
)
_NO_FIRE_BEFORE = re.compile(
    r"\b(?:assurance|assurances|risques?|detecteurs?|alarme|contrat|garantie|extincteurs?|exercice|pas|aucun|sans)"
    r"\s+(?:d'|de |d |contre l'|contre les |contre )?$"
)
# "mon salarié a été brûlé à la main", "mon apprenti s'est coupé": an accident at work (round 14, B6: missing).
_STAFF_HURT = re.compile(
    r"\b(?:mon|ma|mes|notre|nos|un|une|l'|le|la|des)\s*(?P<who>salariee?s?|employee?s?|ouvriere?s?|apprentie?s?|"
    r"compagnons?|gars|vendeuses?|vendeurs?|commis|collaboratrices?|collaborateurs?)\b(?: \w+){0,4}? "
    r"(?:a ete |s'est |s est |est |a |ont ete |se sont |sont )?(?P<how>blessee?s?|brulee?s?|coupee?s?|electrocutee?s?|"
    r"accidentee?s?|hospitalisee?s?|tombee?s?(?! malade)|aux urgences)\b"
)
_FEMININE_STAFF = ("salariee", "employee", "ouvriere", "apprentie", "vendeuse", "collaboratrice")
# "mon ex a vidé le compte joint" (round 14, B6, r14b-03: missing from the case).
_EMPTIED = re.compile(
    r"\b(?P<who>mon ex(?:-?(?:mari|femme|compagnon|compagne|conjointe?|associee?))?|ma ex|mon ancien(?:ne)? "
    r"(?:mari|femme|compagnon|compagne|associee?)|mon associee?|mon mari|ma femme|ma compagne|mon compagnon|mon conjoint|"
    r"ma conjointe)\b(?: \w+){0,4}? (?:a |m'a |m a |est partie? en )?(?:vide|vidant|siphonne|siphonnant)\b(?: \w+){0,2}? "
    r"(?P<what>(?:le |notre |mon |nos |les |la )?(?:compte(?: joint| commun| pro)?|comptes(?: joints| communs)?|"
    r"caisse|tresorerie))"
)
# "pas sur mon portable, c'est mon ex qui paye le forfait il voit tout": the number given is another's for a reason the
# advisor must know before calling (round 14, B6, r14b-03).
_PHONE_WATCHED = re.compile(
    r"\b(?P<who>(?:mon|ma) (?:ex(?:-\w+)?|mari|femme|conjointe?|compagnon|compagne|copain|copine))\b(?: \w+){0,6}? "
    r"(?:voit|verra|regarde|surveille|lit|controle|fouille|a acces|recoit|paye le forfait|paie le forfait|"
    r"paye l'abonnement|paie l'abonnement|paye la facture|paie la facture)\b"
)
_NOT_MY_PHONE = re.compile(
    r"\bpas (?:sur |au |a )?(?:mon |le )(?:portable|tel|telephone|numero|mobile|phone)\b|"
    r"\b(?:appelez|appeler|appelle|rappelez|rappeler|joindre)(?: moi| me)? chez (?:ma|mon) \w+"
)
# "-40 % de chiffre", "j'ai perdu 40% de CA" (round 14, B10: missing from the summary).
_DROP = re.compile(
    r"(?:\b(?:baisse|chute|perte|perdu|moins|recul)\w*\s+(?:de\s+|d'\s*)?(?:mon |du |de |d')?(?:chiffre d'affaires |chiffre |"
    r"ca |activite )?(?:de\s+)?|(?<![\w-])-\s?)(?P<pct>\d{1,3})\s?%|(?P<pct2>\d{1,3})\s?% (?:de |d')?(?:chiffre|ca|"
    r"activite|clients?|ventes)(?: d'affaires)? (?:en )?(?:moins|baisse|perdus?)"
)
_BUSINESS_VOLUME = re.compile(
    r"\b(?:chiffre|ca|activite|ventes?|clients?|clientele|frequentation|commandes|boulot|travail|recettes?)\b"
)
_CLIENT_OWES = re.compile(
    r"\b(?P<who>(?:mon |ma |un |une |le |la |notre |mes |des |les |\d+ |deux |trois |plusieurs )?(?:(?:plus )?(?:gros|grand|principal|seul|dernier) )?"
    r"(?:client|clients|cliente|donneur d'ordre|mairie|promoteur|entreprise generale))\b"
)
_OWES_ME = re.compile(
    r"\b(?:me doi(?:t|vent)|nous doi(?:t|vent)|doi(?:t|vent) encore|(?:paye|paie|regle) pas|a pas paye|n'a pas paye|"
    r"ont pas paye|impayes?|factures?)\b"
)
# Whoever owes the artisan, named just before "me doit" / "me doivent" ("3 pressings me doivent 4200€", "le syndic me
# doit 2500 €"; round 17, r17a-08: said as "un client doit").
_DEBTOR_OWES_ME = re.compile(
    r"\b(?P<who>(?:mon|ma|mes|le|la|les|l'|un|une|des|\d+|deux|trois|quatre|cinq|six|plusieurs) ?(?:[a-z'-]+ ){0,2}?"
    r"[a-z'-]+) (?:me|nous) doi(?:t|vent)\b"
)
# The clause after the unpaid client holds the sum only ("22 000 € HT", "18 500 euros en tout"), nothing else of its own.
_ONLY_AN_AMOUNT = re.compile(
    r"^\W*(?:environ |a peu pres |pres de |plus de |au moins )?\d[\d  .,]*\s?(?:k\s?€|k|€|euros?|eur)?"
    r"(?:\s?(?:ht|ttc|hors taxes?|en tout|au total|en tous|de factures?|d'impayes?|d impayes?))*\W*$"
)
_OWN_DEBT = re.compile(r"\b(?:je|j'|on|nous) ?(?:dois|doit|devons)\b|\bdettes?\b|\bdecouvert\b")
_SUM_SEPARATOR = re.compile(r"(?<!\d)\.|\.(?!\d)|[;!?\n]| et | mais |, ")


def _sentences(text: str) -> list[tuple[str, str]]:
    """(original, folded) sentences: the hypothetical test reads only the words before a fact in its sentence."""
    original = " ".join(text.replace("’", "'").split())
    folded = fold(original)
    return [(original[m.start() : m.end()], m.group()) for m in re.finditer(r"[^.;!?\n]+", folded)]


def _hypothetical(folded: str, start: int) -> bool:
    return bool(_HYPOTHETICAL_BEFORE.search(folded[:start]))


# "elle peut saisir mon compte", "ils pourraient saisir le camion": a seizure that may come, no seizure.
_MAY_BEFORE = re.compile(r"\b(?:peut|peux|pourrait|pourraient|pourra|pourront)\s+(?:\w+\s+)?$")
# "l'huissier peut saisir ma camionnette ?": the bailiff said in a question of what may come, no visit (round 26).
_MAY_ASKED = re.compile(r"^\s*(?:\w+\s+)?(?:peut|peuvent|pourrait|pourraient|pourra|pourront)\b")
# "menace de saisir mes comptes", "il menace de me saisir le camion", "ils parlent de saisir": a seizure threatened.
_THREAT_BEFORE = re.compile(r"\b(?:menac\w*|parlent de|parle de)(?: (?:de|d'|d|me|m'|nous|bien|encore|aussi))* $")
_THREAT_OF_SEIZURE = re.compile(
    r"\b(?:menac\w*|parlent|parle)(?: (?:de|d'|d|me|m'|nous|bien|encore|aussi|faire|une))* (?:saisir|saisie)\b"
)


def _seizure_asked(spaced: str, folded: str, match: re.Match[str]) -> bool:
    """A seizure said as what may come ("l'urssaf elle peut saisir mon compte", round 25, s25c-01: the case opened
    with "Saisie de son compte."), or asked ("ils vont saisir la maison ?"): the infinitive in a question."""
    if _MAY_BEFORE.search(folded[: match.start()]):
        return True
    asked = {found.group()[:-1].strip() for found in re.finditer(r"[^.;!?\n]+\?", spaced)}
    return match.group().startswith("saisir") and folded.strip() in asked


def concerned_relative(text: str | None) -> str | None:
    """What the person concerned is to the writer when the message says someone close writes ("papa ne s'en sort plus"
    -> "papa", "je suis son fils" -> "pere"); None when nothing says so (the artisan writes)."""
    folded = fold(" ".join((text or "").replace("’", "'").split()))
    for pattern in _CONCERNED:
        match = pattern.search(folded)
        if match and "writer" in pattern.groupindex and match.group("writer"):
            return _ARTISAN_FOR_THE_WRITER.get(match.group("writer"))
        if match:
            return match.group("kin")
    return None


def _dead_person(kin: str, typed: str, relative: str | None) -> str:
    """Who died, for the artisan: "sa mère" when the artisan writes "ma mère"; "l'épouse" when a son writes "ma mère"
    of his father's business; the writer's words quoted when the link is not plain ("« ma belle-mère »")."""
    if kin in ("veuve", "veuf"):
        return "du conjoint (veuvage)"
    if relative is None or kin in ("associe", "associee", "patron", "patronne"):
        return f"de {with_possessive(_HOME_WORDS.get(kin, kin))}"
    if kin == relative or _HOME_WORDS.get(kin, kin) == _HOME_WORDS.get(relative, relative):
        return f"de « {typed} »"  # "mon père est décédé" written by his son: the person concerned died
    shown = _KIN_FOR_THE_ARTISAN.get((relative, kin))
    if shown is None:
        return f"de « {typed} »"
    return shown if shown.startswith(("son ", "sa ")) else f"de {shown}"


def deaths_said(text: str, relative: str | None = None) -> list[str]:
    """ "décès de son associé (il y a 2 semaines)", "décès de sa mère": the deaths told, never their cause.
    ``relative``: what the person concerned is to the writer when someone close writes (``written_for``'s
    "relative"); else read in the message itself. The death is then told for the artisan, never from the writer's
    side ("ma mère" written by the son is the artisan's wife, round 14)."""
    found: list[str] = []
    relative = relative or concerned_relative(text)
    for original, folded in _sentences(text):
        for pattern in _DEATHS:
            for match in pattern.finditer(folded):
                if _hypothetical(folded, match.start()):
                    continue
                kin = match.group("kin")
                typed = original[match.start("kin") : match.end("kin")]
                possessive = re.search(r"\b(?:mon|ma|notre|son|sa)\s+$", original[: match.start("kin")])
                said = f"{possessive.group().strip()} {typed}" if possessive else typed
                person = _dead_person(kin, said, relative)
                line = f"décès {person}" if person.startswith(("de ", "du ")) else f"décès de {person}"
                when = _DEATH_WHEN.match(folded[match.end() :])
                if when:
                    start = match.end() + when.start("when")
                    line += f" ({original[start : start + len(when.group('when'))]})"
                if not any(line.split(" (")[0] == known.split(" (")[0] for known in found):
                    found.append(line)
    return found


def _when_after(original: str, folded: str, end: int) -> str | None:
    when = _WHEN_AFTER.match(folded[end:])
    if not when:
        return None
    start = end + when.start("when")
    said = original[start : start + len(when.group("when"))]
    # The months as the advisor writes them ("decembre" typed without accents).
    return re.sub(
        r"\b(?:decembre|fevrier|aout)\b",
        lambda m: {"decembre": "décembre", "fevrier": "février"}.get(m.group(), "août"),
        said,
    )


def events_said(text: str, relative: str | None = None) -> list[str]:
    """What happened to the business, in a few words each: a procedure (and its hearing), a seizure (and when),
    blocked accounts, a tool destroyed, a fire, an employee hurt, the work stopped, closing or retiring. Questions
    about a procedure ("comment on fait une liquidation ?", "est-ce qu'ils peuvent saisir la maison ?") are no event;
    neither is a client's bankruptcy (said of the client). ``relative``: as for ``deaths_said``."""
    found: list[str] = []
    relative = relative or concerned_relative(text)

    def add(line: str) -> None:
        if line not in found:
            found.append(line)

    # "liquidation?" (round 19, r19a-13: the summary opened with "Liquidation judiciaire."): a word asked back, alone in
    # a short question, names no procedure that is open.
    spaced = fold(" ".join(text.replace("’", "'").split()))
    asked_alone = {
        match.group().strip()
        for match in re.finditer(r"[^.;!?\n]+(?=\s*\?)", spaced)
        if len(match.group().split()) <= 4
    }
    asked = {found.group()[:-1].strip() for found in re.finditer(r"[^.;!?\n]+\?", spaced)}
    for original, folded in _sentences(text):
        if _CLIENT_FAILED.search(folded):
            add("un client a déposé le bilan")
        taken: list[tuple[int, int]] = []  # "redressement urssaf": no bare "redressement" besides
        for label, pattern in _PROCEDURES:
            for match in re.finditer(rf"\b(?:{pattern})\b", folded):
                if any(start <= match.start() < end for start, end in taken):
                    continue
                taken.append(match.span())
                before = folded[: match.start()]
                said_of_another = label.endswith(("judiciaire", "sauvegarde")) and _SOMEONE_ELSE_BEFORE.search(before)
                # "je suis pas en redressement", "non pas de redressement" (round 26): named to deny it.
                denial = _PROCEDURE_DENIED_BEFORE.search(before)
                if _hypothetical(folded, match.start()) or said_of_another or denial or folded.strip() in asked_alone:
                    continue
                line = label
                if label == UNSPECIFIED_REDRESSEMENT:
                    line = redressement_meant(text) or label
                if _HEARING.search(folded):
                    when = _when_after(original, folded, match.end()) or _when_after(
                        original,
                        folded,
                        _HEARING.search(folded).end(),  # type: ignore[union-attr]
                    )
                    if when:
                        line += f", audience {when}"
                elif label.startswith("contrôle"):
                    when = _when_after(original, folded, match.end())
                    if when:
                        line += f" ({when})"  # "un contrôle fiscal qui commence lundi"
                if not any(known.startswith(label) for known in found):
                    add(line)
                break
        seizures = len(found)
        for match in _SEIZED.finditer(folded):
            if _hypothetical(folded, match.start()) or _seizure_asked(spaced, folded, match):
                continue
            # "l'huissier menace de saisir mes comptes" (round 26): the case said "Saisie de ses comptes.".
            threatened = "menace de " if _THREAT_BEFORE.search(folded[: match.start()]) else ""
            what = original[match.start("what") : match.end("what")]
            article = {
                "mon": "de son",
                "ma": "de sa",
                "mes": "de ses",
                "notre": "de leur",
                "nos": "de leurs",
                "le": "du",
                "la": "de la",
                "les": "des",
            }
            first, _, rest = what.partition(" ")
            when = _when_after(original, folded, match.end())
            add(
                f"{threatened}saisie {article.get(first.lower(), 'de ' + first)} {rest}"
                + (f" ({when})" if when else "")
            )
        if len(found) == seizures and _THREAT_OF_SEIZURE.search(folded):
            add("menace de saisie")  # "la banque menace de saisir", nothing named
        if re.search(r"\bmises? en demeure\b", folded) and not _hypothetical(folded, folded.find("mise")):
            add("mise en demeure reçue")
        bailiff = re.search(r"\b(?:huissiers?|commissaires? de justice)\b", folded)
        if (
            bailiff
            and not any("saisie" in f for f in found)
            and not _hypothetical(folded, bailiff.start())
            and not (_MAY_ASKED.search(folded[bailiff.end() :]) and folded.strip() in asked)
        ):
            # "sinon huissier", "ils menacent d'envoyer l'huissier" (round 12, r12c-01): a threat, no visit.
            threat = _BAILIFF_THREAT.search(folded[max(0, bailiff.start() - 40) : bailiff.start()])
            add(
                "menace de commissaire de justice (huissier)"
                if threat
                else "passage d'un commissaire de justice (huissier)"
            )
        if _ACCOUNTS_BLOCKED.search(folded):
            add(_accounts_line(folded))
        unpaid = _STAFF_UNPAID.search(folded)
        if unpaid and not _hypothetical(folded, unpaid.start()):
            add("ne peut plus payer ses salariés" if "plus" in unpaid.group() else "ne peut pas payer ses salariés")
        for match in _TOOL_LOST.finditer(folded):
            if _hypothetical(folded, match.start()):
                continue
            state = match.group("state")
            shown = _STATE_SHOWN.get(state) or {
                "detruit": "détruit",
                "detruite": "détruite",
                "brule": "brûlé",
                "brulee": "brûlée",
                "inonde": "inondé",
                "inondee": "inondée",
                "vole": "volé",
                "volee": "volée",
                "casse": "cassé",
                "cassee": "cassée",
            }.get(state, state)
            add(f"{_THING_SHOWN.get(match.group('what'), match.group('what'))} {shown}")
        if _CANNOT_WORK.search(folded) and not _hypothetical(folded, _CANNOT_WORK.search(folded).start()):  # type: ignore[union-attr]
            add("ne peut plus travailler")
        if _EXPERT.search(folded):
            add("attend l'expert de l'assurance")
        closing = _CLOSING.search(folded)
        if closing and not re.search(r"\b(?:pas|jamais)\b", folded[max(0, closing.start() - 12) : closing.start()]):
            what = closing.group("what")
            clause = _clause_around(folded, closing.start())
            if _ONLY_IF.search(folded[clause[0] : clause[1]]):
                # Round 17 (r17b-03): "je vais tout arrêter si ça continue" was stored as "Veut fermer l'entreprise": a
                # condition is no decision; the person's words say it.
                add(f"dit : « {original[clause[0] : clause[1]].strip()} »")
            else:
                add("veut vendre ou céder" if what in ("vendre", "ceder") else "veut fermer l'entreprise")
        for line in _retirement(original, folded, relative):
            add(line)
        for line in _harm(original, folded):
            add(line)
    return found


# "si ça continue", "si rien ne change", "si ça dure", "si la banque ne suit pas": what the closing depends on.
_ONLY_IF = re.compile(r"\b(?:si|s'il|s il|sinon|a moins qu|au cas ou)\b")


def _clause_around(folded: str, at: int) -> tuple[int, int]:
    """The clause (between commas, semicolons) holding the position ``at``, with its condition when one ends the
    sentence ("je vais tout arrêter si ça continue", "si ça continue, je ferme")."""
    start = max((m.end() for m in re.finditer(r"[,;:]", folded[:at])), default=0)
    end_match = re.search(r"[,;:]", folded[at:])
    end = at + end_match.start() if end_match else len(folded)
    if start and re.search(r"\bsi\b", folded[max(0, start - 30) : start]) and not _ONLY_IF.search(folded[start:end]):
        start = max((m.end() for m in re.finditer(r"[,;:]", folded[: start - 1])), default=0)  # "si ça dure, je ferme"
    return start, end


def _retirement(original: str, folded: str, relative: str | None) -> list[str]:
    """ "départ à la retraite (l'an prochain)", "départ à la retraite de son associé", "déjà à la retraite (cumul
    emploi-retraite)": retiring told as leaving, by whom, or a retirement already taken; nothing for a worry ("ma
    retraite approche"), a pension fund, or a departure denied."""
    lines: list[str] = []
    leaving = _RETIRING_LEAVE.search(folded) or _RETIRING_AHEAD.search(folded)
    if leaving and leaving.re is _RETIRING_AHEAD and not _RETIRE_WHEN.match(folded[leaving.end() :]):
        leaving = None  # "la retraite pour moi c'est pas demain": no time said, no departure
    if leaving:
        before = folded[: leaving.start()]
        clause = re.split(r"[,.;!?]", before)[-1]
        who = _RETIRING_WHO.search(clause)
        if not (_hypothetical(folded, leaving.start()) or _NEGATED_NEAR.search(before)):
            when = _RETIRE_WHEN.match(folded[leaving.end() :])
            said = f" {_when_shown(original, leaving.end(), when)}" if when else ""
            if who is None or (who.group("pronoun") and relative):
                lines.append(f"départ à la retraite{said}")
            elif who.group("who") and (who.group("who") not in _KIN_WORDS or who.group("who").startswith("associe")):
                lines.append(f"départ à la retraite de {with_possessive(who.group('who'))}{said}")
            elif (
                who.group("who")
                and relative
                and _HOME_WORDS.get(who.group("who"), who.group("who")) == _HOME_WORDS.get(relative, relative)
            ):
                lines.append(f"départ à la retraite{said}")  # "mon père part à la retraite", written by his son
        return lines
    already = _RETIRED_ALREADY.search(folded)
    if already and not _hypothetical(folded, already.start()):
        lines.append("déjà à la retraite (cumul emploi-retraite)")
    return lines


_KIN_WORDS = frozenset(_KIN.split("|"))


def _when_shown(original: str, end: int, when: re.Match[str]) -> str:
    start = end + when.start("when")
    said = original[start : start + len(when.group("when"))]
    return re.sub(
        r"\b(?:decembre|fevrier|aout)\b",
        lambda m: {"decembre": "décembre", "fevrier": "février"}.get(m.group(), "août"),
        said,
    )


def _harm(original: str, folded: str) -> list[str]:
    """A fire, an employee hurt at work, the account emptied by an ex, a phone another person sees, the turnover lost:
    what the artisan told, in a few words (round 14, B6 and B10: the case said only "sinistre")."""
    lines: list[str] = []
    fire = _FIRE.search(folded)
    if fire and not _NO_FIRE_BEFORE.search(folded[: fire.start()]) and not _hypothetical(folded, fire.start()):
        lines.append("incendie")
    hurt = _STAFF_HURT.search(folded)
    if hurt and not _hypothetical(folded, hurt.start()) and not re.search(r"\bsi\b[^,.;!?]*$", folded[: hurt.start()]):
        word = hurt.group("who")
        plural = word.endswith("s") and word not in ("gars", "commis")
        feminine = word.rstrip("s") in _FEMININE_STAFF
        if word == "gars":
            word = "salarié"
        shown = ACCENTED_KIN.get(word.rstrip("s"), word.rstrip("s")) if plural else ACCENTED_KIN.get(word, word)
        if plural:
            lines.append(f"accident du travail : des {shown}s blessé{'e' if feminine else ''}s")
        else:
            lines.append(f"accident du travail : {'une' if feminine else 'un'} {shown} blessé{'e' if feminine else ''}")
    emptied = _EMPTIED.search(folded)
    if emptied and not _hypothetical(folded, emptied.start()):
        what = re.sub(r"^(?:le|notre|mon|nos|les|la) ", "", emptied.group("what"))
        what = {"tresorerie": "trésorerie"}.get(what, what)
        who = re.sub(r"^mon\b", "son", re.sub(r"^ma\b", "sa", emptied.group("who")))
        who = {"sa ex": "son ex"}.get(who, who)
        lines.append(f"{what} vidé{'e' if what in ('caisse', 'trésorerie') else ''} par {ACCENTED_KIN.get(who, who)}")
    watched = _PHONE_WATCHED.search(folded)
    if watched and _NOT_MY_PHONE.search(folded):
        who = re.sub(r"^mon\b", "son", re.sub(r"^ma\b", "sa", watched.group("who")))
        lines.append(f"ne pas appeler sur son portable : {who} y a accès")
    drop = _DROP.search(folded)
    if drop and _BUSINESS_VOLUME.search(folded) and not _hypothetical(folded, drop.start()):
        lines.append(f"chiffre d'affaires en baisse de {drop.group('pct') or drop.group('pct2')} %")
    return lines


def _creditor_name(clause: str) -> str:
    if re.search(r"\b(?:redressement|controle) fiscal\b", clause):
        return "impôts"
    creditor = _CREDITOR.search(clause)
    if not creditor:
        return ""
    return next(label for index, (label, _) in enumerate(_CREDITORS) if creditor.group(f"c{index}"))


def sums_said(text: str) -> list[str]:
    """The sums said with whom they concern: "un client doit 23 000 € à l'entreprise", "URSSAF 3 000 €",
    "fournisseurs 4 500 €" (an amount said without a unit beside a creditor is money too: "4500 a mon fournisseur")."""
    found: list[str] = []
    original = " ".join(text.replace("’", "'").split())
    # "6000 non pardon 8000": 8000 only (round 14); "3 loyers de 1150": 3450 (round 19)
    folded = counted_amounts(amounts_taken_back(money_in_digits(fold(original))))
    clauses = []
    for sentence in _SENTENCE_END.split(folded):  # "8.5k" is one amount
        client_said = False  # "mon client a déposé le bilan, il me doit 18000": the client is the "il"
        creditor_said = ""  # "un contrôle fiscal, ils me réclament 30 000 euros": the creditor said before
        # Round 17 (r17b-03): "le client paye pas la situation 3 depuis deux mois, 22 000 € HT": the unpaid client said
        # in one clause, the sum in the next; the case said nothing of the 22 000 €.
        unpaid_by = ""
        for clause in _SUM_SEPARATOR.split(sentence):
            client_said = client_said or bool(_CLIENT_OWES.search(clause))
            creditor_said = _creditor_name(clause) or creditor_said
            clauses.append((clause, client_said, creditor_said, unpaid_by, sentence))
            if _CLIENT_OWES.search(clause) and _OWES_ME.search(clause) and not _CREDITOR.search(clause):
                unpaid_by = _CLIENT_OWES.search(clause).group("who").strip()  # type: ignore[union-attr]
            elif _CREDITOR.search(clause) or _OWN_DEBT.search(clause):
                unpaid_by = ""
    for said, client_said, creditor_said, unpaid_by, sentence in clauses:
        clause = said
        client = _CLIENT_OWES.search(clause) or _DEBTOR_OWES_ME.search(clause)
        if not client and unpaid_by and _ONLY_AN_AMOUNT.match(clause):
            client = re.search(r"(?P<who>.+)", unpaid_by)  # the client of the clause before
            clause = f"{clause} impaye"
        amounts = [
            match
            for match in list(_AMOUNT.finditer(clause)) or list(_BARE_AMOUNT.finditer(clause))
            if not _is_year(clause, match)
        ]
        if not amounts:
            continue
        amount = amounts[0]
        shown = _amount(clause, amount) if amount.re is _AMOUNT else f"{amount.group(1).replace('.', ' ')} €"
        shown = _monthly(clause, amount, shown)
        if (client or client_said) and _OWES_ME.search(clause) and not _CREDITOR.search(clause):
            who = client.group("who").strip() if client else "un client"
            who = re.sub(r"^(?:mon|ma|notre|le|la)\b", lambda m: "son" if m.group() in ("mon", "le") else "sa", who)
            who = re.sub(r"^(?:mes|les)\b", "ses", who)
            if not re.match(r"(?:son|sa|ses|un|une|des|\d+|deux|trois|plusieurs) ", who):
                who = f"des {who}" if who.endswith("s") else f"un {who}"
            found.append(f"{who} doi{'vent' if who.endswith('s') else 't'} {shown} à l'entreprise")
            continue
        # The creditor of a clause before, never for the amount of a sentence that says it is no debt ("la banque a
        # gelé le compte, je dois sortir les paies, 5 600 €": round 19, r19c-08).
        here = clause if _CREDITOR.search(clause) else sentence
        wages = r"\b(?:salaires?|(?:la|les|des|mes|nos) (?:paies?|payes?))\b"
        if re.search(wages, here if creditor_said else clause) and not _CREDITOR.search(clause):
            found.append(f"salaires {shown}")
        elif creditor_said and not _no_debt_amount(here):
            found.append(f"{creditor_said} {shown}")
    # "23000 €" -> "23 000 €": read at a glance.
    return list(
        dict.fromkeys(re.sub(r"\b\d{4,}\b", lambda m: f"{int(m.group()):,}".replace(",", " "), line) for line in found)
    )


# "le fisc a bloqué mon compte" (round 12, r12c-13: "Comptes bloqués." read as the bank's doing): who blocked the
# account, in the words said, tells the advisor which procedure it is (a seizure by the tax office, a bailiff's).
_BLOCKED_BY = [
    ("le fisc", r"fisc|impots?|tresor public|sie|dgfip|finances publiques"),
    ("l'URSSAF", r"urssaf"),
    ("un commissaire de justice", r"huissiers?|commissaires? de justice"),
    ("la banque", r"banques?|banquiere?"),
    # Round 18 (r18b-16): "mon fournisseur de pièces a bloqué mon compte" was written "Compte bloqué.", read as a bank's.
    ("le fournisseur", r"fournisseurs?|grossistes?|centrale d achats?"),
]
# "je peux plus payer mes gars", "j'arrive pas à payer les salaires" (round 12, r12c-10: missing from the case).
_STAFF_UNPAID = re.compile(
    r"\b(?:ne )?(?:peux|peut|pouvons|pourrai|pourra|arrive|arrivons|vais pouvoir|ai pas pu|ai plus pu) (?:plus|pas)"
    r"(?: a)? payer (?:mes|les|nos|ses) (?:gars|salaries|employes|ouvriers|apprentis|compagnons|equipes?|salaires|"
    r"paies?|payes?|gens)\b"
)


def _accounts_line(folded: str) -> str:
    """ "compte bloqué par le fisc", "comptes bloqués": the account(s) as said, and who blocked them when said."""
    if "bloque" not in folded:
        return "pas d'accès aux comptes"
    line = (
        "comptes bloqués"
        if re.search(r"\b(?:mes|les|nos|des) comptes\b|\bcomptes (?:\w+ )?sont\b", folded)
        else "compte bloqué"
    )
    # Round 17 (r17b-01): "un redressement urssaf de 14000 euros et la banque a bloqué le compte pro" was stored as
    # "compte bloqué par l'URSSAF". Who blocked it is who the clause of the blocking names ("la banque a bloqué", "bloqué
    # par le fisc"), never another creditor of the sentence; none said there, none written.
    blocked = re.search(r"\bbloque", folded)
    start = blocked.start() if blocked else 0
    clause_start = max((m.end() for m in re.finditer(r",|;| et | mais | puis | donc ", folded[:start])), default=0)
    clause_end = min((m.start() for m in re.finditer(r",|;| et | mais | puis | donc ", folded[start:])), default=None)
    clause = folded[clause_start : start + clause_end if clause_end is not None else len(folded)]
    if clause_start and re.match(
        r"\s*(?:m'|m |nous |l'|l |les |le )?(?:a|ont|avait|avaient|vient de|viennent de)\b", clause
    ):
        # "le fisc me réclame 31 000 de TVA et a bloqué mon compte": the subject said before, shared by both verbs.
        before = max(
            (m.end() for m in re.finditer(r",|;| et | mais | puis | donc ", folded[: clause_start - 1])), default=0
        )
        clause = folded[before:clause_start] + clause
    kind = re.search(r"\bcomptes? (?P<kind>pro|professionnels?|perso|personnels?|joints?|communs?|courants?)\b", folded)
    if kind:
        line = re.sub(r"^(comptes?)", lambda m: f"{m.group(1)} {kind.group('kind')}", line)  # "compte pro bloqué"
    for shown, pattern in _BLOCKED_BY:
        if re.search(rf"\b(?:{pattern})\b", clause):
            return f"{line} par {shown}"
    return line


# A date of receipt ("reçue le 2 décembre") with the delay it opens ("15 jours pour contester"): round 12, r12c-14
# stored the receipt date as the deadline. The delay is the artisan's words; none is supposed when none is said.
_RECEIVED = re.compile(
    r"\b(?:recu|recue|recus|recues|arrive|arrivee|envoye|envoyee|date|datee|notifie|notifiee|signifie|signifiee|"
    r"depose|deposee|remis|remise)\b(?: \w+){0,4}? (?:le |du )?(?P<day>1er|\d{1,2}) ?(?:/ ?(?P<month_num>\d{1,2})\b|"
    r"(?P<month>" + "|".join(MONTHS_FOLDED) + r")\b)"
)
_DELAY_FOR = re.compile(
    rf"(?<!perdu )(?<!perdu plus de )(?<!perdu pres de )"
    rf"\b(?P<said>(?:sous |dans les |dans |en )?(?P<count>\d{{1,3}}|{_NUMBER_WORDS}) (?P<unit>jours?|semaines?|mois)"
    r"(?: (?:pour|afin de|pr) (?:(?:faire|former|y) )?\w+(?: opposition)?)?)"
    # "3 semaines de chiffre d'affaires", "2 mois de loyer" (round 19, r19c-01: "3 semaines à compter du 12 mai"): a
    # quantity counted in weeks, no delay; "un mois de délai" is one.
    r"(?! (?:de |d')(?!delai))"
)


def _without_receipt_day(text: str, folded: str) -> tuple[str, str]:
    """The words with the day a letter came blanked ("commandement de payer reçu le 20 novembre", round 19, r19b-04:
    "Échéance : le 20 novembre"): the day an act was received is never the date due."""
    if len(text) != len(folded):
        return text, folded
    for received in _RECEIVED.finditer(folded):
        start = received.start("day")
        start -= 3 if folded[start - 3 : start] in ("le ", "du ") else 0  # "reçue le , 6 300 €" read "le 6"
        span = start, received.end()
        text = text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]
        folded = folded[: span[0]] + " " * (span[1] - span[0]) + folded[span[1] :]
    return text, folded


def _received_with_delay(text: str, today: date) -> str | None:
    """A receipt with its delay in any message ("j'ai reçu le 2/12 une contrainte, 15 jours pour contester")."""
    found = deadline_after_receipt(text, today)
    return found if found and not found.startswith("courrier") else None


# Round 22 (r22c-16: "un mois a partir du 1er decembre" got "Le mardi 1er décembre est déjà passé"): a delay counted
# from a day said with it is the day plus the delay, whatever side of today that day is.
_DELAY_FROM_DAY = re.compile(
    rf"\b(?P<said>(?:sous |dans |en )?(?P<count>\d{{1,3}}|{_NUMBER_WORDS}) (?P<unit>jours?|semaines?|mois)) "
    r"(?:a partir|a compter|a dater) (?:du |de |d')?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) )?"
    r"(?:le )?(?P<day>1er|\d{1,2}) ?(?:/ ?(?P<month_num>\d{1,2})\b|(?P<month>" + "|".join(MONTHS_FOLDED) + r")\b)"
)


def _after_delay(start: date, delay: re.Match[str]) -> date:
    """The day a delay of `count` `unit`s (jours, semaines, mois) said from `start` ends; a month later is never a day
    that does not exist."""
    from datetime import timedelta

    count = NUMBER_WORDS.get(delay.group("count")) or int(delay.group("count"))
    unit = delay.group("unit")
    if unit.startswith("jour"):
        return start + timedelta(days=count)
    if unit.startswith("semaine"):
        return start + timedelta(weeks=count)
    years, month0 = divmod(start.month - 1 + count, 12)
    return date(start.year + years, month0 + 1, min(start.day, 28))


def _delay_from_a_day(text: str, today: date) -> str | None:
    """ "un mois à partir du 1er décembre" -> "un mois à compter du mardi 1er décembre (d'ici le vendredi 1er janvier)"."""

    from chamber.hours import french_date

    original = " ".join(text.replace("’", "'").split())
    folded = fold(original)
    found = _DELAY_FROM_DAY.search(folded)
    if not found:
        return None
    day = 1 if found.group("day") == "1er" else int(found.group("day"))
    month = int(found.group("month_num")) if found.group("month_num") else MONTHS_FOLDED.index(found.group("month")) + 1
    try:
        start = date(today.year, month, day)
    except ValueError:
        return None
    if (today - start).days > 180:
        start = date(today.year + 1, month, day)  # "à partir du 5 janvier" said in December
    elif (start - today).days > 180:
        start = date(today.year - 1, month, day)
    due = _after_delay(start, found)
    past = ", date passée" if due < today else ""
    said = original[found.start("said") : found.end("said")] if len(original) == len(folded) else found.group("said")
    return f"{said} à compter du {french_date(start)} (d'ici le {french_date(due)}{past})"


def deadline_after_receipt(text: str | None, today: date, earlier: Iterable[str] | None = None) -> str | None:
    """The deadline a dated receipt and a delay give ("reçue le 2 décembre, 15 jours pour contester" -> "15 jours
    pour contester à compter du mercredi 2 décembre (d'ici le jeudi 17 décembre)"); a receipt alone is said as one
    ("courrier reçu le mercredi 2 décembre, délai non précisé"), never as the deadline. None without a receipt date."""

    from chamber.hours import french_date

    if not text:
        return None
    counted = _delay_from_a_day(text, today)
    if counted:
        return counted  # "un mois à partir du 1er décembre" (round 22, r22c-16)
    original = " ".join(text.replace("’", "'").split())
    folded = fold(original)
    received = _RECEIVED.search(folded)
    ago = None if received else _RECEIVED_AGO.search(folded)
    if ago:
        # "la contrainte, je l'ai reçue il y a 10 jours" (round 23, r23a-07: stored as "Depuis quand : il y a 10
        # jours", and no deadline): the receipt is dated from today, and a contrainte gives its 15 days to oppose.
        days = _days_ago(ago)
        when = date.fromordinal(today.toordinal() - days)
        on_day = f" le {when.day} {MONTHS_FOLDED[when.month - 1]}"
        dated = (
            folded[: ago.end("verb")] + on_day + folded[ago.end("verb") : ago.start("ago")] + folded[ago.end("ago") :]
        )
        told = earlier if earlier is not None else ([] if _WRIT_OF_DEMAND.search(folded) else None)
        return deadline_after_receipt(dated, today, told) if 0 < days <= 62 else None
    if not received:
        return None
    day = 1 if received.group("day") == "1er" else int(received.group("day"))
    if received.group("month_num"):
        month = int(received.group("month_num"))
    else:
        month = MONTHS_FOLDED.index(received.group("month")) + 1
    try:
        when = date(today.year, month, day)
        if when > today:
            when = date(today.year - 1, month, day)  # a receipt is in the past
    except ValueError:
        return None
    delay = _DELAY_FOR.search(folded, received.end()) or _DELAY_FOR.search(folded[: received.start()])
    if (
        not delay
        and earlier is not None  # at a question (the deadline, the offer): the conversation so far is known
        and any(_WRIT_OF_DEMAND.search(fold(said or "")) for said in [text, *earlier])
    ):
        # "j'ai reçu ça le 1er décembre" after "l'URSSAF m'a envoyé une contrainte" (round 21, r21z-10: not read, the
        # case had no date): a contrainte is opposed within 15 days of its receipt. Read at a question only: a message
        # told alone keeps its receipt as no deadline (round 19).
        original = f"{original}, 15 jours pour faire opposition"
        folded = fold(original)
        delay = _DELAY_FOR.search(folded, received.end())
    if not delay or delay.group("count") in ("quelques", "plusieurs", "bientot", "presque"):
        # "reçu le 28 octobre, on a jusqu'au 28 décembre pour saisir la commission" (round 19, r19b-12: "Échéance : le
        # 28 octobre"): the date to come said besides the receipt is the deadline.
        rest = original[: received.start()] + " " * (received.end() - received.start()) + original[received.end() :]
        ahead = _deadline(rest, fold(rest), today) if len(original) == len(folded) else None
        if ahead:
            return f"{ahead} ; courrier reçu le {french_date(when)}"
        return f"courrier reçu le {french_date(when)}, délai non précisé"
    due = _after_delay(when, delay)
    past = ", date passée" if due < today else ""
    said = original[delay.start("said") : delay.end("said")] if len(original) == len(folded) else delay.group("said")
    return f"{said} à compter du {french_date(when)} (d'ici le {french_date(due)}{past})"


_RECEIVED_AGO = re.compile(
    r"\b(?P<verb>recu|recue|recus|recues|arrivee?|eue?)\b(?: [\w']+){0,5}? (?P<ago>(?:il y a|y a|ya) "
    r"(?P<count>\d{1,2}|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze) (?P<unit>jours?|semaines?))\b"
)
# An URSSAF (or social security) "contrainte": 15 days to oppose it from its receipt.
_WRIT_OF_DEMAND = re.compile(r"\bcontraintes?\b(?! (?:de temps|horaires?|familiales?|physiques?|de sante))")


_BAILIFF_THREAT = re.compile(
    r"\b(?:sinon|menace\w*|va envoyer|vont envoyer|envoyer|risque\w*|avant|ou (?:bien )?c'est)\b(?: \w+){0,3}? ?(?:l'|l |un |les |des |le )?$"
)


def with_amount(known: str | None, amount: str) -> str:
    """The creditors noted with an amount said alone: "URSSAF" + "2 500 €" -> "URSSAF 2 500 €"; a known amount is
    kept and the new one added."""
    known = (known or "").strip()
    if not known or known in ("non précisé", "aucune dette signalée"):
        return amount
    if re.search(r"\d", known):
        return f"{known}, {amount}"
    return f"{known} {amount}"


# "3 mensualités de retard, 2400 en tout" at the deadline question (round 23, r23a-08: stored as the deadline): a sum
# owed said as a total, with no unit of money; "2400 de retard" too. A year ("retard depuis 2023") is no total.
_TOTAL = r"(\d{1,3}(?:[ .]\d{3})+|\d{3,6})"
_TOTAL_OWED = re.compile(
    rf"(?<![\w.,/]){_TOTAL}\s?(?:€|euros?\b|eur\b|balles\b)?\s?(?:en tout|au total|au global|tout compris|"
    rf"(?:de |d')(?:retard|arriere|arrieres|dettes?|impayes?)\b)|\b(?:en tout|au total|soit|total)\s?:?\s?{_TOTAL}(?![\w/]|[.,]\d)"
)
_OWED_INSTALMENTS = re.compile(
    r"\b(?:mensualites?|echeances?|loyers?|traites?|cotisations?|factures?|credits?|prets?)\s+"
    r"(?:de retard|en retard|impayee?s?|pas payee?s?|non payee?s?|de pas payee?s?)"
)
_OWED_TO_ME = re.compile(r"\b(?:clients?|me doi\w*|nous doi\w*|chiffre|perdu|pertes?|gagne\w*|benefices?)\b")


def total_owed(text: str | None) -> str | None:
    """ "2 400 €" from "3 mensualités de retard, 2400 en tout": a debt told with its total, where the question asked
    something else; None when no debt is said, or the sum is what clients owe."""
    folded = money_in_digits(fold(text or ""))
    # Creditors named with their total say a debt too ("les banques, Cofidis et la Banque postale, 18000 en tout" at the
    # staff question, round 33, r33-k: the question was passed and the sum lost).
    owed = _OWED.search(folded) or _OWED_INSTALMENTS.search(folded) or _CREDITOR.search(folded)
    if not owed or _OWED_TO_ME.search(folded):
        return None
    match = _TOTAL_OWED.search(folded)
    if not match:
        return None
    digits = re.sub(r"\D", "", match.group(1) or match.group(2))
    value = int(digits)
    return f"{value:,}".replace(",", " ") + " €" if value else None


# "personne, je suis seul", "à personne", "je dois rien à personne" at "À qui devez-vous de l'argent ?" (round 23,
# r23a-11: stored whole as the creditors): the no to the question. "personne sauf la banque" names one.
_OWES_NO_ONE = re.compile(
    r"^(?:(?:bon|ben|bah|euh|eh bien|alors|non)[ ,.!]+)*(?:(?:je |j |on )?(?:ne |n )?(?:dois|doit|devons|devais)\s+)?"
    r"(?:rien\s+)?(?:a\s+)?personne\b(?!\s+(?:d'autre|d autre|sauf|a part|hormis|excepte|que|ne m'a|ne me|n'a|ne sait))"
)


def owes_no_one(text: str | None) -> bool:
    """The answer opens with "personne" (nobody is owed) and names no creditor."""
    folded = " ".join(fold(text or "").split())
    return bool(_OWES_NO_ONE.match(folded)) and not _CREDITOR.search(folded)


# "enfin non c'est plutot la banque le vrai souci", "le plus gros problème c'est surtout l'urssaf", "c'est surtout les
# impôts qui m'inquiètent" (round 23, r23b-01: at the deadline question, answered with why the question is asked):
# which creditor worries most; noted with the others, never a correction of them nor this question's answer.
_WORRY = r"(?:vrai |gros |plus gros |principal |grand |seul )?(?:souci|soucis|probleme|pb|inquietude|urgence|truc)"
_MAIN_WORRY = re.compile(
    r"\b(?:c'est|c est|cest|c|ce serait|ca serait)\s+(?:plutot|surtout|davantage|avant tout|d'abord)\s+"
    rf"(?P<who>(?:[\w']+\s+){{0,3}}?[\w']+)\s+(?:le|mon|notre|la|qui est le|qui est mon)\s+{_WORRY}\b|"
    r"\b(?:c'est|c est|cest|c)\s+(?:plutot|surtout|davantage|avant tout)\s+(?P<who2>(?:[\w']+\s+){0,3}?[\w']+)\s+"
    r"qui\s+(?:m'|m |me |nous )?(?:inquiet\w*|pose\w* (?:probleme|souci)|fait peur|stresse\w*|angoisse\w*)|"
    rf"\b(?:le|mon|notre)\s+{_WORRY}\s*,?\s+(?:c'est|c est|cest|ce serait)\s+(?:plutot\s+|surtout\s+)?"
    r"(?P<who3>(?:[\w']+\s+){0,3}[\w']+)"
)


def main_worry(text: str | None) -> str | None:
    """ "banque" from "c'est plutôt la banque le vrai souci": the creditor said to be the main trouble; None when the
    words name none, or deny it ("c'est pas la banque le souci")."""
    folded = " ".join(fold(text or "").split())
    for match in _MAIN_WORRY.finditer(folded):
        who = match.group("who") or match.group("who2") or match.group("who3") or ""
        if re.search(r"\b(?:pas|plus|jamais)\b", folded[max(0, match.start() - 12) : match.start()] + " " + who):
            continue
        names = creditor_names(who)
        if names:
            return names
    return None
