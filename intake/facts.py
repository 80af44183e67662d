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
from datetime import date
from functools import cache
from pathlib import Path

import phonenumbers
import yaml

from french import MONTHS_FOLDED
from french.text import fold_in_place
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
        rf"\b(?:depuis|ca fait|cela fait|ca va faire|voila|voici|il y a|y a)\s+"
        rf"(?:maintenant\s+|deja\s+|bientot\s+|presque\s+|plus de\s+|pres de\s+|environ\s+|a peu pres\s+|au moins\s+)?"
        rf"(?:{_NUMBER}|un bon|une bonne)\s+(?:{_UNIT})(?:\s+et demie?)?"
    ),
    re.compile(
        r"\bdepuis\s+(?:le |la |l'|l |les |des |debut |fin |mi-?)*"
        rf"(?:rentree|ete|printemps|automne|hiver|noel|covid|confinement|(?:{_MONTHS})(?: \d{{4}})?|\d{{4}}|"
        r"longtemps|toujours|des mois|des semaines|des annees|quelque temps|un moment|un bail|"
        r"annee derniere|an dernier|mois dernier|semaine derniere|debut de l'annee|debut d'annee|"
        r"l'ouverture|que j'ai ouvert|mon installation|le deces|la mort|l'accident|l'incendie|les travaux)"
    ),
    re.compile(r"\b(?:des mois|des semaines|des annees|plusieurs mois|plusieurs semaines)\s+que\b"),
    re.compile(
        r"\b(?:le mois dernier|la semaine derniere|l'an dernier|l'annee derniere|l'an passe|cet ete|cet hiver|"
        rf"ce printemps|cet automne|en (?:{_MONTHS})(?: dernier)?)\b"
    ),
]

# ----------------------------------------------------------------------------------------- deadline

_DEADLINE_CONTEXT = re.compile(
    r"\b(?:audience|convocation|convoque|tribunal|saisie|huissier|commissaire de justice|expulsion|"
    r"salaires?|payer|paye|echeance|date limite|mise en demeure|relance|prelevement|loyer|rejet|"
    r"coupure|avant le|au plus tard|jugement|liquidation|redressement)"
)

# ----------------------------------------------------------------------------------------- employees

# The feminine first: "apprentis?" alone took "une apprentie" as "une apprenti" (round 5, said back to the artisan).
_EMPLOYEE_WORDS = r"(?:salariees?|salaries?|employees?|employes?|ouvrieres?|ouvriers?|apprenties?|apprentis?|compagnons?|gars|collaborateurs?|collaboratrices?|vendeuses?|vendeurs?|personnes? avec moi)"
# "payer les salaires": there are employees, how many unsaid.
_SALARIES_ONLY = re.compile(r"\b(?:les|des|le|mes|payer les|payer mes)\s+salaires\b")
_EMPLOYEES = [
    re.compile(
        r"\b(?:je (?:travaille|bosse|suis)|on (?:travaille|bosse))\s+(?:toute?\s+)?seule?\b(?! face| avec| dans ma tete)"
    ),
    re.compile(r"\b(?:sans|pas de|aucun|zero|0)\s+(?:salaries?|employes?|ouvriers?)\b"),
    re.compile(r"\bje n'?ai (?:pas|plus|aucun) (?:de |d')?(?:salaries?|employes?|ouvriers?)\b"),
    re.compile(rf"\b(?:\d{{1,3}}|{_NUMBER_WORDS})\s+{_EMPLOYEE_WORDS}"),
    re.compile(
        r"\bon est\s+(?:\d{1,2}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\b(?:\s+(?:avec|dont)\s+(?:mon|ma|mes|un|une|deux|trois)\s+\w+)?"
    ),
    re.compile(rf"\b(?:mon|ma|mes|notre|nos)\s+(?:seule?\s+)?{_EMPLOYEE_WORDS}"),
    _SALARIES_ONLY,
]


def names_people_at_work(text: str | None) -> bool:
    """The words say who works with the artisan ("2 salariés", "une apprentie", "je bosse seul"): never a length of
    time ("3 semaines", round 11, r11a-19: stored as "Salariés : 3 semaines") nor a first name alone ("Lucas")."""
    folded = fold(text or "")
    return bool(_employees(text or "", folded)) or bool(re.search(rf"\b{_EMPLOYEE_WORDS}\b", folded))


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
    ("URSSAF", r"urssaf|cotisations?|ssi|rsi|secu des independants|securite sociale des independants|cpsti"),
    ("impôts", r"impots?|fisc|tresor public|sie|dgfip|finances publiques|centre des impots|tva|cfe"),
    (
        "banque",
        r"banques?|banquier|banquiere|pret|credit agricole|credit mutuel|cic|bnp|lcl|caisse d'epargne|banque populaire|societe generale|la poste|pge",
    ),
    ("fournisseurs", r"fournisseurs?|grossistes?"),
    ("loyer", r"loyer|proprietaire|bailleur|proprio"),
    ("énergie", r"edf|engie|electricite|gaz"),
    ("caisse de retraite", r"carsat|caisse de retraite|cipav|msa|pro btp"),
]
_CREDITOR = re.compile(
    r"\b(?:" + "|".join(f"(?P<c{index}>{pattern})" for index, (_, pattern) in enumerate(_CREDITORS)) + r")\b"
)
_AMOUNT = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[ \u00a0.]\d{3})+|\d+)(?:,(\d{1,2}))?\s?(k\s?€|k\s?euros?|k\b|ke\b|keuros?|€|euros?\b|eur\b|balles\b|e\b)"
)
_BARE_AMOUNT = re.compile(
    r"(?<![\w.,/])(\d{1,3}(?:[ .]\d{3})+|\d{3,6})(?![\w/]|[.,]\d|\s?(?:%|h\b|ans?\b|jours?|mois|m2|km))"
)
# A creditor named without an amount is a creditor only when a debt is said in the same clause.
_DEBT = re.compile(
    r"\b(?:doi[st]|devons|dette|reclame|reclament|impaye|retard|relance|du a|dus a|due a|redressement|"
    r"doit|payer|rembourse|echeance|cotisations|a payer|arriere)"
)
_CLAUSE = re.compile(r"[.;!?\n]|,| et | mais | puis ")
# "je n'ai pas de dettes URSSAF", "aucun souci avec la banque", "à jour avec les impôts": not a creditor.
_NO_DEBT = re.compile(
    r"\b(?:pas|plus|aucune?|jamais|sans)\s+(?:de |d |d')?(?:dettes?|soucis?|problemes?|retards?|impayes?)\b|"
    r"\bne (?:leur |lui )?dois (?:rien|plus rien)\b|\bdois rien\b|\ba jour\b"
)


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


def _span(original: str, match: re.Match[str], group: int = 0) -> str:
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


def _since_when(text: str, folded: str) -> str | None:
    for pattern in _SINCE:
        for match in pattern.finditer(folded):
            clause = re.split(r"[,.;!?]", folded[: match.start()])[-1]
            if _OTHER_DURATION_BEFORE.search(clause):
                continue
            if _BUSINESS_AGE_BEFORE.search(clause) or (_trade(clause, clause) and clause.split()[-1:] != ["et"]):
                continue
            return _span(text, match)
    return None


# "tout de suite", "immédiatement" say a date only next to what is due ("il faut payer tout de suite"); in another
# sentence they say how things are now ("il est pas en danger là tout de suite", round 5: stored as "Échéance :
# aujourd'hui" over the hearing on 15 December said before).
_RIGHT_NOW = re.compile(r"\b(?:tout de suite|immediatement)\b")
_SENTENCE = re.compile(r"[^.!?;\n]+")


# A delay said alone at the deadline question ("3 semaines", "environ 15 jours", "deux mois"); "depuis 3 mois" looks back.
_DELAY_ALONE = re.compile(rf"^(?:\d{{1,3}}|{_NUMBER_WORDS})\s+(?:jours?|semaines?|mois)\W*$")


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
    deadlines = []  # (deadline, the words that said it)
    for sentence in _SENTENCE.finditer(text):
        words = normalise(sentence.group())
        context = asked or _DEADLINE_CONTEXT.search(fold(sentence.group()))
        for deadline in find_deadlines(words, today):
            said = words[deadline.start : deadline.end]
            if context or not _RIGHT_NOW.search(said):
                deadlines.append((deadline, said))
    if not deadlines:
        return None
    from chamber.hours import french_date

    soonest, said = min(deadlines, key=lambda found: found[0].days)
    if soonest.days == 0:
        return "aujourd'hui"
    if soonest.days == 1:
        return f"demain ({french_date(soonest.when)})"
    if _PERIOD.search(said):
        # "sous un mois" is no precise day: the words, and the date they come to.
        return f"{said} (d'ici le {french_date(soonest.when)})"
    return f"le {french_date(soonest.when)}"


_PERIOD = re.compile(r"\b(?:jours?|semaines?|mois)$")


# "pas taxi, vtc", "taxi? non pardon ambulancier. enfin vtc": a trade said wrong, and the one meant after it.
_TRADE_NEGATED_BEFORE = re.compile(r"(?:\bpas|\bnon pas|\bet non|\bplutot que|\bau lieu de)\s+(?:un |une |de |d')?$")
_TRADE_CORRECTED_BETWEEN = re.compile(r"\b(?:non|pardon|enfin|en fait|plutot|je veux dire|je voulais dire|ou plutot)\b")


# "la facture d'électricité", "le prix de la boulangerie industrielle": a trade's word naming a thing bought or owed.
_TRADE_AS_A_THING_BEFORE = re.compile(
    r"\b(?:factures?|notes?|coupures?|compteurs?|prix|couts?|abonnements?|contrats?|fournisseurs?|tarifs?|"
    r"consommation|releve)\s+(?:de la |de l'|d'|de |du )?$"
)


def _trade(text: str, folded: str) -> str | None:
    matches = [
        match
        for match in _lookup_pattern("trades", plural=True).finditer(folded)
        if not _TRADE_NEGATED_BEFORE.search(folded[: match.start()])
        and not _TRADE_AS_A_THING_BEFORE.search(folded[: match.start()])
    ]
    if not matches:
        return None
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


def _legal_form(text: str, folded: str) -> str | None:
    for pattern in _LEGAL_EXTRA:
        match = pattern.search(folded)
        if match:
            return _span(text, match, 1)
    match = _lookup_pattern("legal_forms").search(folded)
    if match:
        return _span(text, match)
    return None


def _employees(text: str, folded: str) -> str | None:
    for pattern in _EMPLOYEES:
        match = pattern.search(folded)
        if match:
            return _span(text, match)
    return None


def _amount(text: str, match: re.Match[str]) -> str:
    number = match.group(1).replace("\u00a0", " ").replace(".", " ")
    if match.group(2):
        number += "," + match.group(2)
    unit = match.group(3).replace(" ", "")
    if unit.startswith("k"):
        return f"{number} 000 €"
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


# "PGE en 2020", "depuis 2019": a year, never an amount owed.
_YEAR_BEFORE = re.compile(
    r"\b(?:en|depuis|annee|annees|fin|debut|mi|avant|apres|jusqu'en|jusqu en|de l'an|ete|hiver|(?:pret|credit|pge|emprunt)s?(?: \w+)? de)\s*$"
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


# "l'urssaf pas les impôts", "pas la banque": a creditor said wrong.
_CREDITOR_DENIED_BEFORE = re.compile(
    r"\b(?:pas|non pas|et non|plutot que|au lieu de)\s+(?:les |le |la |l'|l |des |du |de |a |aux? )?$"
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
        if _CREDITOR_DENIED_BEFORE.search(folded[: match.start()]) or settled:
            continue
        for index, (label, _) in enumerate(_CREDITORS):
            if match.group(f"c{index}") and label not in names:
                names.append(label)
    return ", ".join(names) or None


def _is_year(clause: str, match: re.Match[str]) -> bool:
    number = match.group(1)
    return bool(re.fullmatch(r"(?:19[5-9]\d|20[0-4]\d)", number)) and bool(_YEAR_BEFORE.search(clause[: match.start()]))


def _creditors(text: str, folded: str) -> str | None:
    folded = money_in_digits(folded)
    found: list[str] = []
    start = 0
    for boundary in [*(_CLAUSE.finditer(folded)), None]:
        end = boundary.start() if boundary else len(folded)
        clause = folded[start:end]
        if _NO_DEBT.search(clause):
            start = boundary.end() if boundary else end
            continue
        names = []
        for match in _CREDITOR.finditer(clause):
            for index, (label, _) in enumerate(_CREDITORS):
                if match.group(f"c{index}") and label not in names:
                    names.append(label)
        amounts = [_amount(text, match) for match in _AMOUNT.finditer(clause) if not _negated(clause, match)]
        if names and not amounts:
            # "l'urssaf 8000": next to a creditor, a bare number of three digits or more is an amount.
            amounts = [
                " ".join(match.group(1).split()) + " €"
                for match in _BARE_AMOUNT.finditer(clause)
                if not _negated(clause, match) and not _is_year(clause, match)
            ]
        if names and amounts:
            found.append(" ".join([" et ".join(names), " et ".join(amounts)]))
        elif names and _DEBT.search(folded):
            found.extend(name for name in names if not any(item.startswith(name) for item in found))
        start = boundary.end() if boundary else end
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


def corrected_creditors(known: str | None, text: str) -> str | None:
    """The amounts already noted, corrected by a message that names no creditor: "pardon c'est 6000 pas 8000"
    or "non, 6000 €" after "URSSAF 8000 €" gives "URSSAF 6000 €". The amount said wrong ("pas 8000") is the one
    replaced; without it, a correction replaces the only amount noted. None when nothing is corrected."""
    if not known or not text or text.startswith("/"):
        return None
    folded = fold(text)
    if _CREDITOR.search(folded):
        return None  # "l'urssaf c'est 6000": the creditors fact itself, read by extract_facts
    said = [*_AMOUNT.finditer(folded)] or [*_BARE_AMOUNT.finditer(folded)]
    meant = [match for match in said if not _negated(folded, match)]
    wrong = {_digits(match.group(1)) for match in said if _negated(folded, match)}
    if len(meant) != 1:
        return None
    new_amount = _amount(folded, meant[0]) if meant[0].re is _AMOUNT else " ".join(meant[0].group(1).split()) + " €"
    noted = [*_AMOUNT_IN_STORED.finditer(known)]
    if wrong:
        replaced = [match for match in noted if _digits(match.group(0)) in wrong]
    elif _AMOUNT_CORRECTION.search(folded) and len(noted) == 1:
        replaced = noted
    else:
        return None
    if len(replaced) != 1 or _digits(replaced[0].group(0)) == _digits(new_amount):
        return None
    return known[: replaced[0].start()] + new_amount + known[replaced[0].end() :]


def _place(text: str) -> str | None:
    """The département code of a place named in the sentence (the `places` package reads places)."""
    import places

    found = places.find_in_text(text)
    return found.departement if found.status == places.FOUND else None


def extract_facts(text: str, today: date | None = None, asked: str | None = None) -> dict[str, str]:
    """The intake slots this message fills, with the artisan's words; ``asked``: the question it answers, when it
    gives what the words leave implicit (a date said at the deadline question is the deadline)."""
    if not text or text.startswith("/"):
        return {}
    text = without_reproach(text)  # "micro je t'ai dit": the answer, not the reproach
    folded = fold(text)
    facts = {
        "since_when": _since_when(text, folded),
        # Callers with a chamber pass its date.
        "deadline": _deadline(text, folded, today or date.today(), asked == "deadline"),  # noqa: DTZ011
        "trade": _trade(text, folded),
        "legal_form": _legal_form(text, folded),
        "employees": _employees(text, folded),
        "creditors": _creditors(text, folded),
        "departement": _place(text),
    }
    return {name: value for name, value in facts.items() if value}


# A no opening the message ("non pas de date mais ...", "aucune, par contre ..."), whatever follows it.
_NO_FIRST = re.compile(
    r"^(?:(?:bon|ben|bah|euh|ah|oh)[ ,]+)?(?:non|nan|pas de (?:date|delai|echeance)|aucune? (?:date|echeance|delai)?)\b"
)


# A no that names the question's own topic ("non pas d'échéance. et je suis pas à Caen, l'atelier est à Bayeux"):
# it answers the question even in a message that corrects something else (round 5 replays: asked again).
_NO_TO = {
    "deadline": r"date|delai|echeance|urgence|rien d urgent|rien de prevu",
    "employees": r"salaries?|employes?|apprentis?|personnel",
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
            r"^(?:(?:bon|ben|bah|euh|ah|oh)[ ,]+)?(?:non[ ,.!]+)?(?:(?:il n y a |y a |j ai |je n ai )?pas (?:de |d )|"
            rf"aucune? |rien (?:de |d )?)(?:{topic})\b",
            folded,
        )
    )


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


def understood(facts: dict[str, str]) -> str | None:
    """ "J'ai noté : boulanger, depuis 3 semaines, URSSAF 8000 €. Dites-moi si je me trompe." or None."""
    facts = dict(facts)
    if facts.get("departement"):
        import places

        name = places.departement_name(facts["departement"])
        facts["departement"] = f"{name} ({facts['departement']})" if name else facts["departement"]
    if facts.get("since_when"):
        facts["since_when"] = _since_label(facts["since_when"])
    parts = [FACT_LABELS[name].format(facts[name]) for name in FACT_LABELS if facts.get(name)]
    if not parts:
        return None
    return f"J'ai noté : {', '.join(parts)}. Dites-moi si je me trompe."


# ----------------------------------------------------------------------------------------- sympathy

_RELATIVES = (
    r"mari|epoux|femme|epouse|compagnon|compagne|conjoint|conjointe|pere|mere|papa|maman|fils|fille|"
    r"frere|soeur|associe|associee|enfant|bebe|grand-pere|grand-mere|beau-pere|belle-mere"
)
_DEATH = re.compile(
    rf"\b(?:(?:mon|ma)\s+(?P<who>{_RELATIVES})\s+(?:est\s+|vient\s+de\s+|a\s+)?"
    # Leaving is no death ("mon associé est parti du jour au lendemain en vidant le compte", round 4 of off-script
    # conversations, got condolences): "parti", "disparu" and "quitté" are one only when the words say so.
    rf"(?:decedee?|mort|morte|partie?\s+(?:trop tot|pour toujours|pour de bon|au ciel|dans son sommeil)|"
    rf"disparue?(?!\s+(?:avec|du jour au lendemain|sans|des radars|en\s))|deceder|mourir|nous\s+a\s+quittee?s?)|"
    rf"(?:deces|mort|perte|disparition|enterrement|obseques)\s+de\s+(?:mon|ma)\s+(?P<who2>{_RELATIVES})|"
    rf"(?:perdu|enterre)\s+(?:mon|ma)\s+(?P<who3>{_RELATIVES})|veuve?\b|deuil)"
)
_ILLNESS = re.compile(
    r"\b(?:malade|maladie|cancer|chimio|hospitalise|hopital|operee?|operation|accident|burn[- ]?out|"
    r"arret maladie|(?:un|d'un|d un|l'|mon|son|cet|apres|suite a)\s*avc|infarctus|handicap|invalidite|depression|sclerose|tumeur|convalescence)"
)
_DISASTER = re.compile(
    r"\b(?:incendie|brule|feu|inonde|inondation|innondation|degat des eaux|tempete|grele|cambriol|vole|vol\b|"
    r"vandalis|saccage|explosion|effondre|catastrophe)"
)


def sympathy(text: str) -> str | None:
    """A line of sympathy for a death, an illness or a disaster; None otherwise.

    Written so that it reads right whoever the artisan is (no "seul", no adjective that takes a gender).
    """
    folded = fold(text or "")
    death = _DEATH.search(folded)
    if death:
        who = death.group("who") or death.group("who2") or death.group("who3")
        if who:
            span = next(group for group in ("who", "who2", "who3") if death.group(group))
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
_PLACE_NUMBER = re.compile(r"^(?:\d{1,2}|2[ab]|97[1-6]|\d{5}|\d{2} \d{3})$")


def _inside_phone_number(number: str, text: str) -> bool:
    """Whether ``number`` appears in ``text`` only inside a phone number."""
    rest = text
    for match in phonenumbers.PhoneNumberMatcher(text, "FR"):
        rest = rest.replace(match.raw_string, " ")
    if rest == text:
        return False
    return not re.search(r"(?<!\d)" + re.escape(number) + r"(?!\d)", rest)


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
    if re.search(r"\d\s*(?:k|ke|keuros?|euros?|eur|balles)\b|€", fold(str(value or ""))):
        return False  # "8000 euros": an amount
    if not compact or not any(char.isdigit() for char in compact) or re.search(r"[a-z]{2,}", compact):
        return True  # a name, with or without its code
    if not _PLACE_NUMBER.match(compact):
        return False
    if _inside_phone_number(compact, text or ""):
        return False  # "sur le fixe, 02 99 11 22 33": the 33 ends a phone number, it is no Gironde
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
