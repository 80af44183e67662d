"""Questions the artisan asks back about the service, the call or the 3114, that earlier rounds left unanswered (round 24,
talker A, finding 9): what each asks, read in the words, and a short true answer. Plain Python; the chamber's words
(name, hours, the promised call) are filled in by the caller (actions/service_answers.py).

- r24a-02: "vous allez transmettre ça à qui exactement ? pas à ma banque j'espère", "non je vous demande si ma banque va
  le savoir" got the médiation du crédit, then "Rien n'est obligatoire".
- r24a-13: "c'est obligatoire de donner mon nom ? je préfère rester anonyme" got "Je n'ai pas bien compris".
- r24a-05: "le 3114 c'est quoi, ils vont prévenir quelqu'un ?" got nothing on what the line is or on confidentiality.
- r24a-08: "c'est qui qui rappelle, l'urssaf ? et en combien de temps ?": the second half unanswered.
- r24a-09: "il faut que mon père soit d'accord aussi ? il est à côté de moi, il dit oui" taken as consent, unanswered.
"""

from __future__ import annotations

import re

from chamber.emergency import SUICIDE_PREVENTION_LINE
from french.text import fold


def _folded(text: str | None) -> str:
    return " ".join(re.sub(r"[^a-z0-9?' -]", " ", fold(text or "").replace("’", "'")).split())


# Whom the words are passed on to, or whether the bank (a body) will know, asked without a "?" too.
_PASSED_ON_TO_WHOM = re.compile(
    r"\b(?:transmet\w*|envoy\w*|communiqu\w*|donn\w*|pass\w*|fil\w*)\b(?: \w+){0,3} (?:a|au|aux) qui\b|"
    r"\ba qui (?:vous )?(?:allez |aller |va |vont )?(?:transmet\w*|envoy\w*|communiqu\w*|donn\w*|pass\w*|dire|dites)\b"
)
_BANK_KNOWS = re.compile(
    r"\b(?:ma|la|mon|notre) (?:banque|banquier|banquiere|conseillere? bancaire|agence)\b(?: \w+){0,3} (?:va|vont|pourra|"
    r"pourront|peut|peuvent|risque|risquent|sera|seront|saura|sauront|doit)\b(?: \w+){0,2} (?:le |l'|l |ca |etre )?"
    r"(?:savoir|apprendre|au courant|prevenue?|informee?|voir|lire|recevoir)\b|"
    r"\bpas (?:a|au|chez) (?:ma|la|mon) (?:banque|banquier|banquiere|agence)\b(?: \w+)? ?(?:j'? ?espere|hein|\?)|"
    r"\b(?:si|que) (?:ma|la) banque (?:va |pourra |peut )?(?:le |l'|l )?(?:sa\w+|appren\w+|voi\w+)\b"
)


def asks_who_is_told(text: str | None) -> bool:
    """ "vous allez transmettre ça à qui ?", "pas à ma banque j'espère", "je vous demande si ma banque va le savoir"."""
    folded = _folded(text)
    return (
        bool(folded)
        and not folded.startswith("/")
        and bool(_PASSED_ON_TO_WHOM.search(folded) or _BANK_KNOWS.search(folded))
    )


# A name not wanted, or asked whether it is needed ("c'est obligatoire de donner mon nom ?", "je préfère rester
# anonyme"): never asked for the call itself (the handoff reads "je veux être rappelé mais sans mon nom" as a yes).
_NAME_NOT_WANTED = re.compile(
    r"\b(?:obligatoire|oblige|necessaire|besoin|faut|dois|devez|forcement)\b(?: \w+){0,3} (?:de )?(?:donner|dire|laisser|"
    r"mettre|avoir)? ?(?:mon|son|un|le|votre|mes|nos) (?:vrai )?(?:nom|prenom|identite|nom de famille)\b|"
    r"\b(?:rester|reste|etre|resterai|garder l) anonyme\w*\b|\banonymat\b|\ben anonyme\b|"
    r"\b(?:sans|pas) (?:donner |dire |laisser )?(?:mon|de|mon vrai) (?:nom|prenom|identite)\b"
)


def asks_if_a_name_is_needed(text: str | None) -> bool:
    """ "c'est obligatoire de donner mon nom ?", "je préfère rester anonyme", "je peux rester anonyme ?"."""
    folded = _folded(text)
    return bool(folded) and not folded.startswith("/") and bool(_NAME_NOT_WANTED.search(folded))


NAME_NOT_NEEDED = (
    "Ce n'est pas obligatoire : un prénom, même inventé, suffit au conseiller, et seul votre numéro est nécessaire "
    "pour vous rappeler."
)


# The 3114 asked about: what it is, whether it tells anyone, whether it is confidential or free.
_LINE = re.compile(r"\b(?:3114|31 14|numero national de prevention)\b")
_LINE_TOLD = re.compile(
    r"\b(?:prevenir|previen\w*|signal\w*|avert\w*|dire a|appeler|appelle\w*|contacter|contact\w*|savoir|le dire|"
    r"confidenti\w*|anonym\w*|secret|fich\w*|enregistr\w*)\b"
)
_LINE_WHAT = re.compile(
    r"\bc'? ?est quoi\b|\bqu'? ?est[- ]ce que c'? ?est\b|\bc'? ?est qui\b|\bqui (?:c'? ?est|sont)\b"
)


def asks_about_the_line(text: str | None) -> str | None:
    """ "told" when the 3114 is asked whether it tells anyone (or is confidential), "what" when only what it is; None."""
    folded = _folded(text)
    if not _LINE.search(folded) or ("?" not in (text or "") and not _LINE_WHAT.search(folded)):
        return None
    if _LINE_TOLD.search(_LINE.sub(" ", folded)):
        return "told"
    return "what" if _LINE_WHAT.search(folded) else None


# 3114.fr and the health ministry: the national suicide prevention line, free, confidential, day and night, answered by
# health professionals; they act to protect the person only when a life is in danger.
LINE_WHAT = (
    f"Le {SUICIDE_PREVENTION_LINE} est le numéro national de prévention du suicide : des professionnels de santé y "
    "répondent, gratuitement, jour et nuit."
)
LINE_TOLD = f"{LINE_WHAT} L'appel est confidentiel : ils ne font venir des secours que si votre vie est en danger."


# Who calls back and how soon ("c'est qui qui rappelle, l'urssaf ? et en combien de temps ?", "en combien de temps ?").
_WHO_CALLS = re.compile(
    r"\b(?:c'? ?est qui|qui (?:est-ce qui |c'? ?est qui )?(?:va |vont )?)(?: qui)? (?:me |nous )?(?:rappel\w*|appel\w*|"
    r"telephon\w*|contact\w*)\b|\bqui (?:me |nous )(?:rappel\w*|appel\w*)\b"
)
_HOW_SOON = re.compile(
    r"\b(?:en |dans )?combien de (?:temps|jours)\b|\bquand (?:est-ce qu'? ?)?(?:on|il|elle|vous|le conseiller) "
    r"(?:va |vont )?(?:me |nous )?(?:rappel\w*|appel\w*)\b|\bdans (?:quel|combien de) delai\b|\bc'? ?est long\b"
)
_ABOUT_SOMETHING_ELSE = re.compile(
    r"\b(?:delai de paiement|echeancier|pour payer|pour contester|rembourser|la procedure|le dossier de|reponse de "
    r"l'?urssaf|reponse des impots|mediation|mediateur|tribunal|audience|l'?opposition|contrainte)\b"
)


_COST = re.compile(r"\b(?:cout\w*|coute\w*|prix|payant|gratuit|combien ca)\b")


def asks_who_calls_and_when(text: str | None) -> tuple[bool, bool]:
    """(who calls back is asked, how soon is asked) for the chamber's callback; (False, False) when the time asked is
    another body's ("combien de temps pour contester ?")."""
    folded = _folded(text)
    if not folded or folded.startswith("/") or _ABOUT_SOMETHING_ELSE.search(folded):
        return False, False
    who = bool(_WHO_CALLS.search(folded))
    # How soon, of the call: said with who calls, or bare ("et en combien de temps ?"); a call named alone ("c'est
    # combien de temps avant qu'on me rappelle ?") is the stored answer's (actions/faq_actions.py).
    bare = len(_HOW_SOON.sub(" ", folded).replace("?", " ").split()) <= 2 and not _COST.search(folded)
    soon = bool(_HOW_SOON.search(folded)) and "?" in (text or "") and (who or bare)
    return who, soon


def who_calls_text(chamber_name: str, body_named: bool) -> str:
    """Who calls: the chamber's advisor, never the body named."""
    if body_named:
        return f"C'est un conseiller de la {chamber_name} qui vous rappelle, pas l'URSSAF ni un autre organisme."
    return f"C'est un conseiller de la {chamber_name} qui vous rappelle."


_NAMES_A_BODY = re.compile(r"\b(?:urssaf|impots|fisc|banque|huissier|tribunal|caf|cpam)\b")


def names_a_body(text: str | None) -> bool:
    return bool(_NAMES_A_BODY.search(_folded(text)))


# A relative beside the artisan asked whether his agreement is needed ("il faut que mon père soit d'accord aussi ?").
_RELATIVE = (
    r"(?:mon|ma) (?:pere|mere|papa|maman|mari|femme|epoux|epouse|fils|fille|frere|soeur|oncle|tante|compagne?|"
    r"conjointe?|associee?)"
)
_RELATIVE_AGREES = re.compile(
    rf"\b(?:faut(?: il)?|il faut|doit|dois|faudrait|besoin) (?:que |qu'? ?|de )?(?:l'? ?accord (?:de |d')?)?{_RELATIVE}\b"
    rf"(?: \w+){{0,3}}(?: (?:soit|soient|etre|est) (?:d'? ?accord|ok|au courant)| accord| signe\w*)?|"
    rf"\b{_RELATIVE} (?:doit|doivent|devra|faut|aussi)\b(?: \w+){{0,2}} (?:d'? ?accord|donner son accord|accepter|signer)\b|"
    rf"\bl'? ?accord (?:de |d')?{_RELATIVE}\b"
)


def asks_if_a_relative_must_agree(text: str | None) -> bool:
    """ "il faut que mon père soit d'accord aussi ?", "mon mari doit donner son accord ?"."""
    folded = _folded(text)
    return "?" in (text or "") and bool(_RELATIVE_AGREES.search(folded))


RELATIVE_AGREEMENT = "Oui, son accord compte : c'est de sa situation qu'il s'agit. S'il est d'accord, tout va bien."
