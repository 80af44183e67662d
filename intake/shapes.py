"""Whether an answer has the shape of the question it was given to (plain Python, no Rasa).

Round 6 (r6a, B1): whatever came at an intake question was stored as its answer and read by the advisor:
"Échéance : deux mille cinq", "Depuis quand : les impôts", "Échéance : 🙏", "Depuis quand : <b>aide</b>",
"Créanciers : seul", a sentence as the legal form. Each question now keeps only an answer of its kind: a date
or a delay for the deadline, a duration or a starting point for "depuis quand", who is owed (or how much) for
the creditors, a short answer for the legal form. ``other_kind`` says where an answer of another kind belongs.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from french.text import fold
from french.words import FILLERS, MONTHS_FOLDED, WEEKDAYS

_TAG = re.compile(r"<[^>]{0,200}>")


def plain_text(text: str | None) -> str:
    """The words without markup: "<b>aide</b>" -> "aide", "&amp;" -> "&". Markup never reaches a fact."""
    return " ".join(html.unescape(_TAG.sub(" ", text or "")).split())


def has_words(text: str | None) -> bool:
    """Letters or digits, not only emoji or punctuation ("🙏", "...")."""
    return any(char.isalnum() for char in plain_text(text))


_MONTHS = "|".join(MONTHS_FOLDED)
_DAYS = "|".join(WEEKDAYS)
_NUMBER = (
    r"(?:\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quelques|plusieurs)"
)
# A moment or a length of time: "depuis le covid", "3 mois", "l'an dernier", "en mars", "2019", "récemment".
_TIME = re.compile(
    rf"\b(?:{_NUMBER}\s+(?:jours?|semaines?|mois|ans?|annees?|trimestres?)|jours?|semaines?|mois|ans|annees?|"
    rf"{_MONTHS}|{_DAYS}|(?:19|20)\d\d|depuis|longtemps|toujours|recemment|recent|hier|avant[- ]hier|"
    r"rentree|ete|printemps|automne|hiver|noel|covid|confinement|debut|fin|derniere?|passee?|"
    r"ouverture|installation|deces|accident|incendie|travaux|tout le temps|un moment|un bail|peu)\b"
)
# A date or a delay ahead, or what makes one: "le 15", "demain", "sous 8 jours", "fin du mois", "l'audience".
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:[/.-]\d{{1,2}}(?:[/.-]\d{{2,4}})?)?|{_MONTHS}|{_DAYS}|demain|apres[- ]demain|aujourd'?hui|"
    # "sous" and "dans" make a date only with what follows ("sous 8 jours", "sous huitaine", "dans peu"): "je vais
    # crever sous les charges" is none (round 17, r17b-06: stored as the deadline).
    r"ce soir|semaines?|mois|jours?|fin|debut|mi|bientot|prochaine?|avant|d'ici|(?:sous|dans) (?:huitaine|quinzaine|"
    r"peu|pas longtemps)|delai|date|echeance|"
    r"audience|convocation|tribunal|saisie|huissier|commissaire|expulsion|mise en demeure|relance|prelevement|"
    r"salaires?|loyer|urgent|urgence|rien|aucune?|pas)\b"
)
_SEUL = re.compile(
    r"^(?:(?:euh|ben|bah|non|oui)[ ,]+)?(?:tout |toute )?seule?s?(?: (?:moi|en fait|pour l'instant))?\W*$"
)


# A yes, a no, thanks or a call asked for at the legal form question ("oui je veux bien qu'on me rappelle", make run
# 2026-12-04: stored as "Forme juridique"): the facts read the forms named before this check, so these words are
# about something else.
_NOT_A_FORM = re.compile(
    r"\b(?:oui|ouais|non|nan|merci|d'?accord|ok|rappel\w*|appel\w*|conseiller|quelqu'?un|parler|aide)\b"
)


# The words that name a legal form, or describe one well enough for the advisor (guidance.profile reads them): the
# forms themselves (micro-entreprise, EI, EURL, SARL, SAS, SASU, SNC, SCOP...), "société", "entreprise individuelle",
# "en nom propre", "à mon compte", "indépendant", "le régime micro", "au réel", "gérant majoritaire".
_LEGAL_FORM_WORDS = re.compile(
    r"\b(?:micro|micros|microentreprise|microentrepreneur\w*|auto|autoentrepreneur\w*|autoentreprise|"
    r"(?:micro|auto)[- ]?(?:entreprises?|entrepreneur\w*)|ae|e\.?i\.?|eirl|e\.?u\.?r\.?l\.?|s\.?a\.?r\.?l\.?u?|"
    r"s\.?a\.?s\.?u?|snc|sci|scop|scic|selarl|selas|gaec|"
    r"soci[eé]t[eé]s?|ste|entreprise individuelle|entreprise individuel|individuel(?:le)?|"
    r"entrepreneur(?:e)? individuel(?:le)?|nom propre|en nom personnel|en mon nom|a mon nom|en perso|"
    r"a mon compte|(?:travailleur |travailleuse )?independante?|freelance|statut|regime|au reel|regime reel|"
    r"personne (?:physique|morale)|unipersonnelle|associes?|associees?|gerante?|presidente?|"
    r"cooperative|association|asso|artisan (?:en|sous) (?:nom propre|societe))\b"
)


def names_a_legal_form(text: str | None) -> bool:
    """The words name a legal form or plausibly describe one ("sarl", "en nom propre", "à mon compte", "on est deux
    associés"); "c'est ma femme qui gère ça" or "j'ai peur pour mes salariés" do not."""
    return bool(_LEGAL_FORM_WORDS.search(" ".join(fold(plain_text(text)).split())))


# A doubt alone ("ptet", "peut-être", "possible", "je crois"): it answers no question with something to note.
_UNSURE_ONLY = re.compile(
    r"^(?:(?:euh|bah|ben|bof|hmm|mmh|heu)\W*)*(?:peut[- ]?etre|peut[- ]?etre bien|ptet|p'?tet|ptetre|pt etre|p-e|pe|"
    r"possible|c'?est possible|probable|probablement|ca se peut|ca se pourrait|je crois|je pense|il me semble|"
    r"mouais|bof)(?: (?:oui|bien|hein|ouais))?\W*$"
)


def fits(slot: str, text: str | None) -> bool:
    """Whether ``text`` can be the answer to this intake question (the facts and the other kinds were read
    before: this is the last check before the words are kept as they are)."""
    if isinstance(text, str):
        # The case's draft checks its situation at every save, twice (the outbox, then the store), and a trade is
        # looked up among the communes each time: a result of the words and the question only (issue 18).
        return _fits(slot, text)
    return _fits.__wrapped__(slot, text)


# Bounded; the words and the question, never anything of a conversation.
@lru_cache(maxsize=4096)
def _fits(slot: str, text: str | None) -> bool:
    words = plain_text(text)
    if not has_words(words):
        return False
    folded = " ".join(fold(words).split())
    if _UNSURE_ONLY.match(folded):
        return False  # "ptet" at "Avez-vous des dettes ?" (round 19, r19a-07: "Créanciers : ptet"): no answer to keep
    if slot == "since_when":
        return bool(_TIME.search(folded))
    if slot == "deadline":
        if _PUTS_SOMETHING_RIGHT.search(folded):
            # "en fait c'est pas un client privé c'est la mairie" (round 21, r21z-14: stored as the deadline): its "pas"
            # says who, never that no deadline comes; only a date said with it answers the question.
            return is_a_date_said(_NO_WORDS.sub(" ", folded))
        return is_a_date_said(folded)
    if slot == "legal_form":
        # Only words that name or describe a legal form ("en nom propre", "à mon compte", "une boîte avec mon frère,
        # une SARL"); "c'est ma femme qui gère ça", "j'ai surtout peur pour mes salariés" or a question back is no form
        # (round 14: stored as "Forme juridique" for the advisor). A creditor, a length of time, "seul" or a long
        # account is something else.
        from intake.facts import creditor_names

        return (
            names_a_legal_form(folded)
            and len(folded.split()) <= 10
            and not _NOT_A_FORM.search(folded)
            and not creditor_names(folded)
            and not only_time(folded)
            and not _SEUL.match(folded)
        )
    if slot == "creditors":
        # Who is owed is free ("mon comptable", "Leroy Merlin"); a length of time, a month or "seul" is none, nor who
        # works in the business with no one owed nor sum said ("on a un poseur salarié", round 17, r17a-16).
        from intake.facts import creditor_names, names_people_at_work

        people = names_people_at_work(folded) and not creditor_names(folded) and not re.search(r"\d", folded)
        return not (_SEUL.match(folded) or only_time(folded) or people)
    if slot == "employees":
        return says_who_works(folded)
    if slot == "trade":
        return names_no_place_only(words) and not only_time(folded) and bool(re.search(r"[a-z]{2}", folded))
    return not only_time(folded) or slot in ("steps_taken",)


# A correction of something told ("c'est pas un client privé, c'est la mairie"), and the words of a no.
_PUTS_SOMETHING_RIGHT = re.compile(
    r"\b(?:c'?est|c est|ce n'?est|ce n est|c'?etait|c etait|ce sont) pas (?:un|une|le|la|les|l'|l|des|du|mon|ma|mes)\b"
    r".{0,60}\b(?:c'?est|c est|ce sont|mais)\b"
)
_NO_WORDS = re.compile(r"\b(?:pas|rien|aucune?)\b")


# A phone number, whole or in part ("+33 (0)6 33 72 18 40", "33 72 18 40", "18 40"): never a date (round 14, A8:
# "Échéance : 18 40" was taken from the number).
_PHONE_NUMBER = re.compile(r"(?:\+|00)?\d[\d\s().-]{7,}\d")
_DIGIT_GROUPS_ONLY = re.compile(r"^[\s()+.-]*\d{1,4}(?:[\s().+-]+\d{1,4})+[\s().-]*$")


def is_a_date_said(folded: str) -> bool:
    """A date or a delay ahead, or a word that makes one, once the phone numbers are set aside: "le 15", "demain",
    "sous 8 jours", "l'audience"; "18 40" or "06 33 72 18 40" are digits of a number, no date."""
    if _DIGIT_GROUPS_ONLY.match(folded):
        return False
    return bool(_DATE.search(_PHONE_NUMBER.sub(" ", folded)))


# Who works in the business: a count ("2", "deux", "3 personnes"), people at work ("un apprenti", "ma femme m'aide"),
# alone or nobody ("seul", "0", "aucun", "personne"), a yes whose count is asked next. A date ("31 décembre"), the wages
# ("les salaires"), an amount or a phone number is none (round 14, A8 and B10: "Salariés : 31 décembre", "Salariés :
# les salaires" in the case).
_PEOPLE = re.compile(
    r"\b(?:personnes?|gens|monde|equipe|salaries?|salariees?|employes?|employees?|ouvriers?|ouvrieres?|apprentis?|"
    r"apprenties?|compagnons?|gars|stagiaires?|vendeurs?|vendeuses?|commis|collaborat\w+|associes?|associees?|"
    r"interimaires?|saisonniers?|extras?|femme|mari|epouse|epoux|conjointe?|compagne|compagnon|fils|fille|frere|soeur|"
    r"pere|mere|moi|seule?s?|aucune?|personne|zero|non|nan|oui|ouais|nous)\b"
)
_COUNT = re.compile(
    r"(?<![\d,.])\b(?:\d{1,3}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quelques|"
    r"plusieurs)\b(?![,.]\d)"
)
_NOT_PEOPLE = re.compile(
    rf"\b\d{{1,2}}(?:er)?\s+(?:{_MONTHS})\b|\b\d{{1,2}}\s*[/.-]\s*\d{{1,2}}\b|\b(?:{_DAYS})\b|"
    r"\b(?:fin|debut|mi)\s+(?:du mois|(?:" + _MONTHS + r"))\b|\b(?:le|du|au|avant le|d'ici le)\s+\d{1,2}(?:er)?\b|"
    r"\d[\d\s.]*\s?(?:k\s?€|k\b|keuros?|€|euros?|eur\b|balles)|\b\d+\s?(?:h|heures?|%)|"
    rf"\b{_NUMBER}\s+(?:jours?|semaines?|mois|ans?|annees?|trimestres?)\b"
)


def says_who_works(text: str | None) -> bool:
    """The answer has the shape of the employees question's: a count, people at work, alone or nobody."""
    folded = " ".join(fold(plain_text(text)).split())
    rest = _NOT_PEOPLE.sub(" ", _PHONE_NUMBER.sub(" ", folded))
    return bool(_COUNT.search(rest) or _PEOPLE.search(rest))


def names_no_place_only(text: str | None) -> bool:
    """Not a town or a département alone ("Mâcon", "à Nevers", "71"): a trade is never a place (round 14, A8:
    "Métier : Mâcon"). A trade that is also a town's name, typed as the trade ("maçon", "macon"), stays."""
    from intake.facts import extract_facts
    from places.resolve import departement_code, names_a_known_town, resolve
    from places.text import normalise

    words = plain_text(text)
    if re.fullmatch(r"[\s\d()+.-]*", words):
        return False
    key = normalise(re.sub(r"^(?:a|à|sur|vers|pres de|près de|cote de|côté de)\s+", "", words, flags=re.IGNORECASE))
    found = resolve(key, typos=False)
    town = found.found and found.commune is not None and normalise(found.commune.name) == key
    place = bool(names_a_known_town(words)) or town or departement_code(key) is not None
    return not place or bool(extract_facts(words).get("trade"))


def only_time(folded: str) -> bool:
    """The whole answer is a length of time or a month ("2 ans", "janvier", "depuis mars")."""
    return bool(
        re.fullmatch(
            # "dpuis 1 mois", "sa fait 3 mois", "ya 2 mois" (round 27, r27-b-20: stored as the creditors too)
            rf"(?:(?:depuis|depuit|depui|dpuis|dpui|ca fait|sa fait|il y a|y a|ya|en|le|la|l'|fin|debut|mi|environ|"
            rf"presque|a peu pres|plus de)\s*)*"
            rf"(?:{_NUMBER}\s+(?:jours?|semaines?|mois|ans?|annees?)|{_MONTHS}(?: (?:19|20)\d\d)?|(?:19|20)\d\d)"
            r"(?: (?:dernier|derniere|passe|passee|environ))?\W*",
            folded,
        )
    )


# Words that say how many ("Deux", "Zéro", "Plusieurs"), capitalised as a name is typed: never a first name at the
# employees question.
_HOW_MANY = re.compile(
    rf"^(?:{_NUMBER}|zero|aucune?|personne|seule?|moi|beaucoup|tous|toutes|nombreux|peu|pas|non|nan|oui|ouais)$"
)


def is_a_count(text: str | None) -> bool:
    """A word that says how many people ("Deux", "Personne", "Plusieurs"), as the employees question asks."""
    return bool(_HOW_MANY.match(" ".join(fold(plain_text(text)).split()).strip(" .!")))


def says_alone(text: str | None) -> bool:
    """ "seul", "tout seul": no one works with the artisan (an answer to the employees question)."""
    return bool(_SEUL.match(" ".join(fold(plain_text(text)).split())))


# An amount said alone, in digits or in words: "2500", "deux mille cinq", "mille deux cents euros", "environ 3000 €".
# The words around an amount said alone: "ok. bah 9000 euros à peu près", "ça doit faire 9000 je dirais" (round 33,
# r33-a: stored whole as the deadline, the filler's full stop and the guess after the sum were not expected).
# Round 34 (make run, r34-o): "euh je sais plus exactement, 800 ou 900 euros je crois" (read as a pass, the sum lost): a
# doubt before the sum, and a range ("800 ou 900", "entre 800 et 900"), kept as said.
_AMOUNT_ALONE = re.compile(
    rf"^(?:(?:{FILLERS}|ok|okay|d'accord|alors|oui|environ|a peu pres|dans les|pres de|plus de|au moins|en tout|"
    r"ca fait|ca doit faire|ca doit etre|c'est|ca|je dois|on doit|je leur dois|il y a|y a|un peu plus de|"
    r"un peu moins de|je (?:ne )?(?:sais|me souviens) (?:plus|pas)(?: (?:exactement|trop|bien|vraiment))?|entre)"
    r"[ ,.!:;]+)*"
    r"(\d{1,3}(?:[ .]\d{3})+|\d{3,7})(?:,\d{1,2})?"
    r"(?:\s*(?:€|euros?)?\s*(?:ou|a|et|-|/)\s*(?P<upper>\d{1,3}(?:[ .]\d{3})+|\d{3,7}))?"
    r"\s*(?:k\s*€|k|ke|keuros?|€|euros?|eur|balles|"
    # The Pacific franc (round 28, r28-b-26: "300 000 francs à peu près" in Papeete, lost): kept in francs.
    r"francs?(?: cfp| pacifique)?|f cfp|xpf|cfp)?"
    r"(?:[ ,.]+(?:environ|a peu pres|en tout|au total|je dirais|je crois|je pense|grosso modo|a la louche))*\W*$"
)


def amount_alone(text: str | None) -> str | None:
    """ "2 500 €" when the whole answer is an amount (words read by text2num); None otherwise. A year said alone
    ("2020") is no amount."""
    from intake.facts import money_in_digits

    folded = money_in_digits(" ".join(fold(plain_text(text)).split()))
    match = _AMOUNT_ALONE.match(folded)
    if not match:
        return None
    digits = re.sub(r"\D", "", match.group(1))
    unit = folded[match.end(1) :]
    year = re.fullmatch(r"(?:19[5-9]\d|20[0-4]\d)", digits) and not re.search(r"€|eur|balles|k", unit)
    if year and not re.search(r"\bmille\b", fold(plain_text(text))):
        return None  # "2020": a year; "deux mille cinq" said in words at a money question is money
    if re.search(r"\bk", unit):
        digits += "000"
    value = int(digits)
    francs = re.search(r"\b(?:francs?|f cfp|xpf|cfp)\b", unit)
    said = f"{value:,}".replace(",", " ")
    if match.group("upper"):
        upper = int(re.sub(r"\D", "", match.group("upper"))) * (1000 if re.search(r"\bk", unit) else 1)
        if upper > value:
            said += " à " + f"{upper:,}".replace(",", " ")
    return said + (" F CFP" if francs else " €")


# "14000", "14 000", "code postal 14000": five digits said alone, with no unit of money (round 17, r17a-13).
_POSTCODE_ALONE = re.compile(
    r"^(?:(?:c'est|c est|mon|le|code postal|cp|a|au|dans le|on est a|je suis a)[ ,:]+)*(\d{2}) ?(\d{3})\W*$"
)


def postcode_alone(text: str | None) -> str | None:
    """The postcode when the whole answer is five digits that are a real postcode ("14000", "14 000") and no unit of
    money is said: at a question that asks no amount, a postcode, never a sum owed (round 17, r17a-13: "14000" at
    "Depuis quand ?" became "Créanciers : 14 000 €"). None otherwise."""
    from places.data import tables

    match = _POSTCODE_ALONE.match(" ".join(fold(plain_text(text)).split()))
    if not match:
        return None
    code = match.group(1) + match.group(2)
    return code if tables().by_postcode.get(code) else None


# Words of courtesy typed after a name at the name question ("Monsieur Lemoine je vous prie", "Julie merci", "Paul,
# svp"): never part of the name the advisor reads (round 14, A8).
_COURTESY_TAIL = re.compile(
    r"(?:[\s,.;:!-]*\b(?:je vous (?:en )?prie|je vous remercie|merci(?: beaucoup| bien| d'avance| par avance| a vous)?|"
    r"s'?il vous pla[iî]t|s'?il te pla[iî]t|svp|stp|s v p|(?:bien )?cordialement|bonne (?:journ[ée]e|soir[ée]e)|"
    r"au revoir|bien [àa] vous|salutations(?: distinguées)?|à bientôt|a bientot|d'avance|par avance)\b)+[\s,.;:!-]*$",
    re.IGNORECASE,
)


def name_without_courtesy(name: str | None) -> str | None:
    """The name without the politeness typed after it: "Monsieur Lemoine je vous prie" -> "Monsieur Lemoine";
    None when nothing else is left."""
    if not name:
        return None
    kept = _COURTESY_TAIL.sub("", str(name)).strip(" ,.;:!-")
    return kept or None


# Round 16 (r16a-05): "excusez moi je tape lentement" at the legal-form question, read as a pass (skip_question 0.33):
# the question was passed, unanswered. Words that only excuse oneself or say one writes slowly answer nothing and pass
# nothing: the question waits.
_SORRY = (
    r"(?:excuse[sz]?(?: moi)?|je m excuse|pardon(?:nez(?: moi)?)?|desolee?s?|dsl|sorry|"
    r"(?:merci de )?(?:votre|ta) patience|patientez|attendez|un (?:instant|moment|peu de patience))"
)
_SLOW = (
    r"(?:(?:je|j) (?:ne )?(?:tape|ecris|ecrit|lis|vais|suis|reponds?) (?:pas )?(?:tres |un peu |trop |assez )?"
    r"(?:lentement|doucement|lente?|vite|rapidement)(?: a (?:ecrire|taper|repondre))?|"
    r"(?:je suis |j suis |jsuis )?(?:pas (?:tres |trop )?(?:doue|douee|habile|a l aise)|pas l habitude) "
    r"(?:avec|sur) (?:les|le|la|l|ce|cet|cette|mon|ma|ces|mes) ?\w+|"
    r"(?:avec )?mes (?:gros )?doigts|je cherche mes lunettes|(?:j ai|jai) pas mes lunettes|"
    r"c est (?:pas facile|dur|difficile) (?:d ecrire|de taper|de repondre)(?: sur (?:le|ce|mon) \w+)?|"
    r"(?:je suis |j suis |jsuis )?(?:un peu )?(?:lente?|long(?:ue)?) a (?:ecrire|taper|repondre))"
)
_SORRY_OR_SLOW = re.compile(rf"\b(?:{_SORRY}|{_SLOW})\b")
_SLOW_ONLY = re.compile(rf"\b{_SLOW}\b")
_LEFT_OVER = re.compile(r"\b(?:je|j|mais|et|hein|la|ca|c est|bon|ben|euh|oui|alors|du coup|madame|monsieur|svp)\b")


def excuses_only(text: str | None) -> bool:
    """ "excusez moi je tape lentement", "pardon j'écris pas vite", "désolée, pas douée avec le téléphone": an apology
    or the slowness of one's typing, and nothing else. A bare "pardon" or "excusez-moi" is left to the callers (it may
    open a correction); "excusez moi je sais pas" is an answer."""
    folded = " ".join(re.sub(r"[^a-z0-9]+", " ", fold(plain_text(text)).lower()).split())
    if not folded or not _SLOW_ONLY.search(folded):
        return False
    rest = _LEFT_OVER.sub(" ", _SORRY_OR_SLOW.sub(" ", folded))
    return not rest.strip()


# Round 16 (r16a-12): "2" at "Depuis quand ?" (after "eurl", the legal form said ahead) was the second unclear answer
# and passed the question: the number of employees lost. A bare number at a question that wants a date or a delay says
# neither: what it counts is asked, and it never passes the question by itself.
_BARE_NUMBER = re.compile(r"^\s*(?:\d{1,3}|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s*[.!]?\s*$")


def bare_number(text: str | None) -> str | None:
    """The number when the words are a small number alone ("2", "trois"), else None."""
    folded = fold(plain_text(text)).lower().strip()
    return folded.rstrip(".! ") if _BARE_NUMBER.match(folded) else None


# Round 16 (r16a-10): "et c'est 5200 au final, j'ai regardé la facture" at the deadline question corrects the amount
# noted; the correction word came after the amount, not before it.
_PUT_RIGHT_LATE = re.compile(
    r"\b(?:au final|finalement|en fait|en vrai|en realite|plutot|pas \d[\d .]*|je me suis trompee?|je corrige|"
    r"j ai (?:regarde|verifie)|jai (?:regarde|verifie)|sur la facture|d apres la facture)\b"
)


def puts_an_amount_right(text: str | None) -> bool:
    """Words that say an amount is corrected anywhere in the message ("c'est 5200 au final")."""
    folded = " ".join(re.sub(r"[^a-z0-9]+", " ", fold(plain_text(text)).lower()).split())
    return bool(_PUT_RIGHT_LATE.search(folded))


# Round 16 (r16b-15): "sans nom", "jai dit sans nom" at "Comment le conseiller peut-il vous appeler ?" were kept as the
# name the advisor reads aloud. Wanting no name given passes the question.
_NO_NAME = re.compile(
    r"^(?:(?:ok|bon|ben|bah|euh|non|nan|mais|alors|je vous ai dit|j ai dit|jai dit|je l ai dit|comme j ai dit|"
    r"rappelez moi|appelez moi)\s+)*"
    r"(?:sans (?:mon |de |aucun )?(?:nom|prenom)|pas de (?:nom|prenom)|pas mon (?:nom|prenom)|aucun (?:nom|prenom)|"
    r"anonyme(?:ment)?|(?:je (?:prefere|veux|voudrais|souhaite) )?rester anonyme|en anonyme|"
    r"(?:je (?:ne )?|j )?(?:j?prefere|prefererais|aime autant|aime mieux|veux|voudrais|souhaite|tiens a) "
    r"(?:pas|ne pas|rien) (?:donner|dire|laisser|mettre|communiquer) (?:mon|de|le) (?:nom|prenom)|"
    # Round 29 (r29-a-03): "non je donne pas mon nom" (read as "je vous l'ai donné": "je ne retrouve pas votre prénom",
    # the question again): the giving verb itself denied, now or to come ("je vous dirai pas mon prénom", "je ne
    # laisse pas de nom", "pas envie de donner mon nom").
    r"(?:je |j )?(?:ne |n )?(?:vous |le |la |l )?(?:donne|dis|dit|laisse|communique|mets|donnerai|dirai|laisserai)s? "
    r"(?:pas|jamais|rien|aucun) (?:de |mon |le |d )?(?:nom|prenom)|"
    r"(?:pas|aucune?) (?:envie|besoin|question) (?:de |d )(?:donner|dire|laisser) (?:mon|de|le) (?:nom|prenom))"
    # Round 26 (r26b-18): the dictated stop ("... mon prénom point") ends it too.
    r"(?:\s+(?:svp|stp|s il vous plait|merci|si possible|c est possible|possible|hein|desole|pardon|point|virgule))*\s*$"
)


def declines_a_name(text: str | None) -> bool:
    """ "sans nom", "je préfère rester anonyme", "jai dit sans nom": no name given, said as such."""
    folded = " ".join(re.sub(r"[^a-z0-9]+", " ", fold(plain_text(text)).lower()).split())
    return bool(folded) and bool(_NO_NAME.match(folded))


# Round 19 (r19a-12): "oui mais je ne veux pas donner mon nom" to the callback offer was read as a refusal ("je ne
# transmets rien"): a yes to the call, the name passed. The yes first, then only the wish to give no name.
_YES_FIRST = re.compile(
    r"^(?:(?:bon|ben|bah|euh|alors|ah)\s+)?(?:(?:oui|ouais|ouai|ouep|wi|ui|ok|okay|oki|yes|si|d accord|dac|volontiers|"
    r"je veux bien|bien sur|pourquoi pas|ca marche)\s+)+(?:mais\s+|par contre\s+|seulement\s+|juste\s+)?"
)
_WITHOUT_GIVING = re.compile(
    r"^sans (?:donner|dire|laisser|communiquer|preciser) (?:mon|de|le) (?:nom|prenom)"
    r"(?:\s+(?:svp|stp|s il vous plait|merci|si possible|c est possible|possible|hein|desole|pardon))*\s*$"
)


def yes_without_a_name(text: str | None) -> bool:
    """ "oui mais je ne veux pas donner mon nom", "ok mais sans mon nom", "oui, anonymement": a yes, no name given."""
    folded = " ".join(re.sub(r"[^a-z0-9]+", " ", fold(plain_text(text)).lower()).split())
    found = _YES_FIRST.match(folded)
    if not found or found.end() >= len(folded):
        return False
    rest = folded[found.end() :]
    return bool(_NO_NAME.match(rest) or _WITHOUT_GIVING.match(rest))


# "j'ai 5 min", "10 minutes", "2h devant moi" (round 28, r28-a-02: the extractor's "5 min" became "Salariés : 5 min" in
# the case): a span of time, never a number of people.
_TIME_SPAN = re.compile(r"^\d+\s*(?:min|mins|minutes?|mn|sec|secondes?|s|h|heures?|hrs?)\.?$")


def is_time_span(value: object) -> bool:
    """Whether a value an extractor took for a count of staff is a span of time ("5 min", "2 h")."""
    return isinstance(value, str) and bool(_TIME_SPAN.match(fold(value).strip()))
