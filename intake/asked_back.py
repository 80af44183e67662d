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


# Whom the words are passed on to, asked without a "?" too.
_PASSED_ON_TO_WHOM = re.compile(
    r"\b(?:transmet\w*|envoy\w*|communiqu\w*|donn\w*|pass\w*|fil\w*)\b(?: \w+){0,3} (?:a|au|aux) qui\b|"
    r"\ba qui (?:vous )?(?:allez |aller |va |vont )?(?:transmet\w*|envoy\w*|communiqu\w*|donn\w*|pass\w*|dire|dites)\b"
)
# Whether a body (the bank, the URSSAF, the tax office, the police...) will learn what is written here: one reader for
# every path (round 25). Two readers had grown apart: this module's, for the bank only ("pas à ma banque j'espère",
# round 24, r24a-02), answered outside the intake; intake.answers' for the other bodies ("ça va remonter à l'urssaf ?",
# r24c-17), at an intake question and before the triage. Each missed the other's sentences on its path: "non je vous
# demande si ma banque va le savoir" at an intake question was stored as the deadline, "est ce que les impots vont le
# savoir" outside it got "je n'ai pas bien compris".
_BODY = (
    r"(?:l'|l |la |les |le |au |aux |a l'|a l |a la |a |mon |ma |notre |chez |chez l'|chez la |chez les )?"
    r"(?:urssaf|impots?|fisc|sie|tresor public|finances publiques|msa|cgss|caf|cpam|banque|banquier|banquiere|"
    r"conseillere? bancaire|agence bancaire|(?<=mon )agence|(?<=notre )agence|police|gendarmes?|gendarmerie|huissiers?|"
    r"administration|etat)\b"
)
# What a body would see or receive: this conversation, or nothing named ("mon banquier peut voir ça ?"), never a thing of
# its own ("ma banque va voir mon dossier de prêt lundi", "la banque doit recevoir le chèque demain").
_OURS = (
    r"(?=\s*(?:$|[?,.!]|(?:ca|cela|tout ca|tout|ce que|ce qu'|que je|que j'|que j |qu'on|qu'? ?il y a|mes messages|mes "
    r"infos|mes donnees|mes reponses|cette conversation|notre conversation|la conversation|cette discussion|notre "
    r"echange|quelque chose|rien|hein|ou pas|oui ou non|j'? ?esper\w*|alors|aussi|quand meme|du coup|non|par vous)\b))"
)
_KNOWING = (
    r"(?:savoir(?! (?:quoi|comment|ce|si|pourquoi|combien|ou|faire))|apprendre|au courant|prevenue?s?|informee?s?)"
)
_SEEING = r"(?:voir|lire|recevoir|consulter|acceder(?: a| au| aux)?|avoir acces(?: a| au| aux)?|tomber dessus)"
_BODY_LEARNS = re.compile(
    # "ma banque va le savoir ?", "les impots ils peuvent voir ce que j'ecris ?", "l'urssaf va savoir que je vous ai parlé"
    rf"\b{_BODY}(?:,? (?:ils?|elles?|eux|ca))?[^.!?]{{0,15}}?\b(?:va|vont|pourra|pourront|peut|peuvent|risque|risquent|"
    r"sera|seront|saura|sauront|doit|devra|pourrait|pourraient)\b(?: (?!(?:pas|le|l'|l|ca)\b)[\w']+){0,2}"
    rf"(?: pas)? (?:le |l'|l |ca |etre |en )?(?:{_KNOWING}|{_SEEING}{_OURS})|"
    # "l'urssaf le saura ?", "et la banque elle le sait ?"
    rf"\b{_BODY}(?:,? (?:ils?|elles?|eux))? (?:le |l'|l )?(?:saura|sauront|sait|savent|apprendra|apprendront)"
    r"(?=\s*(?:$|[?,.!]|que\b|qu'|rien\b|hein\b|ou pas\b|aussi\b))|"
    # "si ma banque l'apprend", "je veux pas que l'urssaf le sache", "si ma banque va le savoir"
    rf"\b(?:si|que|qu') ?{_BODY}(?:,? (?:ils?|elles?))? (?:va |vont |pourra |peut |risque de )?(?:le |l'|l )"
    r"(?:sa\w+|sau\w+|appren\w+|voi\w+|verr\w+|li\w+)\b|"
    rf"\b(?:si|que|qu') ?{_BODY} (?:sache\w*|sait|savent|apprenne\w*)(?=\s*(?:$|[?,.!]|que\b|qu'))|"
    # Round 27 (r27-a-19): "c'est pour savoir si l'urssaf aura accès a ce que je vous ecris", "la banque a accès à cette
    # conversation ?": the body's access, in any tense.
    rf"\b{_BODY}(?:,? (?:ils?|elles?|eux))?[^.!?]{{0,12}}?\b(?:a|ont|aura|auront|aurait|auraient|avait|avaient) "
    rf"(?:pas )?(?:d'|d )?acces(?: a| au| aux)?{_OURS}|"
    # "ça va remonter à l'urssaf ?", "ce que j'écris ici peut être transmis à l'URSSAF ou au fisc ?"
    r"\b(?:ca|cela|ce que j'?(?:ecris|ai ecrit|vous ecris|dis|vous dis|raconte|vous raconte)|ce que je (?:vous )?(?:dis|"
    r"ecris|raconte)|mes messages|tout ca|mes infos|mes donnees|mon dossier|c|ce)\b[^.!?]{0,25}?\b(?:remonte\w*|"
    r"transmis\w*|transmettre|envoye\w*|communique\w*|partage\w*|arrive\w*|ira|sortir|sortira)\b[^.!?]{0,20}?"
    rf"\b(?:a|au|aux|chez|jusqu'? ?a|jusqu'? ?au|jusqu'? ?aux|vers) ?{_BODY}|"
    # "vous le dites à l'urssaf ou pas ?", "vs allez pas le dire a mon banquier hein"
    # Round 27 (r27-a-19): "et la chambre va le dire a mon banquier ?": the chamber or its advisor as the teller too;
    # never what they are asked to say for the artisan ("le conseiller peut dire à ma banque de patienter ?").
    r"\b(?:vous|vs|tu|la chambre|la cma|le conseiller|la conseillere|un conseiller|votre conseiller|vos conseillers|les "
    r"conseillers)\b,?(?: (?:il|elle|ils))? (?:(?:allez|aller|vas|va|vont|allez-vous|n'allez|ne va|pourra|pourrait|"
    r"peut|peuvent|doit|risque de)(?: pas)? )?(?:le |leur |lui |l'|l |ca |tout ca |"
    r"tout )?(?:dites|dis|direz|dire|dira|diront|transmettez|transmettre|transmettrez|transmettra|transmet|donnez|"
    r"passez|envoyez|envoyer|prevenez|prevenir|previendrez|previendra|previent|informez|informer|informera|avertissez|"
    r"avertir|signalez|signaler|refilez|communiquez|communiquer)\b"
    rf"[^.!?]{{0,30}}?\b{_BODY}(?! (?:de|d'|pour)\b)|"
    # "pas à ma banque j'espère", "pas aux impots hein"
    rf"\bpas (?:a|au|aux|chez) {_BODY}(?: \w+)? ?(?:j'? ?esper\w*|hein\b|\?)"
)
# The words ask, or fear: a "?" is not always typed ("non je vous demande si ma banque va le savoir"), dictation writes it.
_ASKED_OR_FEARED = re.compile(
    r"\bpoint d'? ?interrogation\b|^(?:\w+[ ,.]+){0,3}(?:est[- ]ce que|est[- ]ce qu'|est ce que|est ce qu')|\boui ou non\b|\bou pas\b|\bou quoi\b|"
    r"\bhein\b|\bj'? ?esper\w*|\b(?:demande|demandais|savoir|dites moi|dis moi) si\b|^(?:\w+[ ,.]+){0,2}si\b|[,.] ?si\b|"
    r"\bet si\b|\bsi jamais\b|\b(?:peur|crains|craint|risque|inquiet\w*|angoiss\w*|surtout pas)\b|"
    r"\b(?:veux|voudrais|veut|souhaite|jveux|j'veux) (?:pas|surtout pas) qu|\bpas envie qu"
)


def asks_if_a_body_learns(text: str | None) -> bool:
    """Whether the words ask, or fear, that a body (the bank, the URSSAF, the tax office, the police) learns what is
    written here: "ma banque va le savoir ?", "pas à ma banque j'espère", "ça va remonter à l'urssaf ?", "est ce que les
    impots vont le savoir". The one reader of both paths: outside the intake (asks_who_is_told, through
    actions/service_answers.py) and at an intake question (intake.answers.asks_if_confidential, which also keeps the
    question from the triage). A thing of the body's own ("la banque doit recevoir le chèque demain") is none."""
    folded = _folded(text)
    if not folded or folded.startswith("/") or not _BODY_LEARNS.search(folded):
        return False
    return "?" in (text or "") or bool(_ASKED_OR_FEARED.search(folded))


def asks_who_is_told(text: str | None) -> bool:
    """ "vous allez transmettre ça à qui ?", "pas à ma banque j'espère", "je vous demande si ma banque va le savoir"."""
    folded = _folded(text)
    if not folded or folded.startswith("/"):
        return False
    return bool(_PASSED_ON_TO_WHOM.search(folded)) or asks_if_a_body_learns(text)


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
    r"(?:va |vont )?(?:me |nous )?(?:rappel\w*|appel\w*)\b|\bdans (?:quel|combien de) delai\b|\bc'? ?est long\b|"
    # Round 26 (r26c-16): "il rappelle quand ?", the question word last.
    r"\b(?:on|il|elle|vous|le conseiller|ils) (?:me |nous |m'? ?)?(?:rappel\w*|appel\w*) quand\b"
)
# Round 26 (r26c-16, r26b-05): "et le conseiller il rappelle dans combien de temps ?", "ça prend combien de temps avant
# qu'on me rappelle ?" got a yes to the consent, or another step: the call named beside the time asked is the call's.
_THE_CALL_NAMED = re.compile(
    r"\b(?<!a )(?<!ont )(?:rappel\w*|rapel\w*|(?:me |m'? ?|nous )(?:appel\w*|telephon\w*|contact\w*))\b"
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


def asks_when_called_back(text: str | None) -> bool:
    """How soon the chamber calls back, the call named beside the time asked ("et le conseiller il rappelle dans
    combien de temps ?", "il faut attendre combien de temps pour etre rappele"), with or without its question mark:
    round 26 (r26c-16, r26b-05). Once a case is made, the stored answer says it for the case (actions/faq_actions.py)."""
    folded = _folded(text)
    if not folded or folded.startswith("/") or _ABOUT_SOMETHING_ELSE.search(folded) or _COST.search(folded):
        return False
    called = bool(_THE_CALL_NAMED.search(folded)) and not re.search(r"\bil y a combien\b", folded)
    return called and bool(_HOW_SOON.search(folded))


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
