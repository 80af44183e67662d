"""A person asked for, and whether anyone is there now (round 29, talker b: r29-b-08, r29-b-23, r29-b-43).

At night, "jveux parler a quelqun" and "jveux pas parler a un robot" went to the consent question without a word that
nobody is there before the reopening (only "maintenant" said it); "ya quelqu'un maintenant ou pas" at the consent
question was read as a refusal, "c urgent" as not understood, and "OUI MAIS QUAND ???" from a man whose calls to the
chamber were never answered got the chamber's number. These readings say which words ask for a person, and which ask
when (or whether) someone is there; the actions answer with the chamber's hours.

Plain readings over folded text (no Rasa here).
"""

from __future__ import annotations

import re

from french.text import fold


def _folded(text: str | None) -> str:
    return " ".join(re.sub(r"[^a-z0-9?' -]", " ", fold(text or "").replace("’", "'")).split())


_SOMEONE = (
    r"(?:quelqu'? ?un|quelquun|quelqun|qqn|qq1|qlq1|qlqn|kelkun|kelk1|un humain|un etre humain|une (?:vraie )?personne|"
    r"un vrai conseiller|une vraie conseillere|un vrai|une vraie)"
)
# "je veux parler à quelqu'un", "jveux pas parler a un robot", "une vraie personne svp", "passez-moi quelqu'un".
_A_PERSON_ASKED = re.compile(
    rf"\b(?:parler|causer|discuter|echanger|avoir quelqu'? ?un) (?:a|avec|au) {_SOMEONE}|"
    r"\b(?:parler|discuter|causer|ecrire) (?:a|avec) (?:un |une |des )?(?:robot|machine|bot|ordinateur|ia)s?\b|"
    r"\b(?:pas|plus|marre d'?|marre de|fini de) (?:d'|de )?(?:un |une |des |ce |cette )?(?:robot|machine|bot)s?\b|"
    rf"\b(?:passez|passer|mettez|donnez)[- ]moi {_SOMEONE}|\b(?:veux|voudrais|veut|besoin d'?|besoin de) "
    r"(?:un humain|un etre humain|une vraie personne|un vrai conseiller|une personne reelle)\b"
)


def asks_for_a_person(text: str | None) -> bool:
    """Whether the words ask to talk to a person rather than the bot ("je veux parler à quelqu'un", "pas à un robot");
    never "personne ne m'aide" nor a person told of ("j'ai parlé à quelqu'un de la banque")."""
    folded = _folded(text)
    if re.search(r"\b(?:j'ai|jai|on a|il a|elle a) (?:deja )?(?:parle|discute)\b", folded):
        return False
    return bool(_A_PERSON_ASKED.search(folded))


# "ya quelqu'un maintenant ou pas", "il y a personne alors ?", "quelqu'un est là ?", "c'est quand qu'on me rappelle",
# "QUAND ???", "vous répondez quand", "ils rappellent à quelle heure ?". Never "personne ne m'aide", "quand j'ai
# ouvert", "depuis quand", nor a time given ("quand vous voulez").
_ANYONE_THERE = re.compile(
    rf"\b(?:y a|ya|y'a|il y a|il ya|y'a t'il|y a t il|ya t il|est-ce qu'il y a|est ce qu'il y a) (?:pas )?(?:{_SOMEONE}|personne)\b(?! qui\b| pour\b)"
    rf"|\b{_SOMEONE} (?:est |d')?(?:la|present|dispo|disponible)\b(?! pour)|\bpersonne (?:n'est |nest |est )?(?:la|dispo)\b"
    r"|\bpersonne (?:ne |n')?(?:repond|repondra|decroche|decrochera)\b"
)
_WHEN_ASKED = re.compile(
    r"(?:^|\b(?:mais|et|oui|ok|d'accord|daccord|bon|alors|ouais)\s+)(?:c'est |cest )?quand\b(?! (?:vous|tu) (?:voulez|veux))"
    r"(?: (?:est-ce qu|est ce qu|qu'on|qu on|vous|ils|elles|un conseiller|le conseiller|on)\w*[^.!?]*)?\s*\?*\s*$"
    r"|(?:^|\b(?:mais|et|oui|ok|bon|alors|ouais|c'est|cest)\s+)quand\s*\?"
    r"|\b(?:vous|ils|elles|on|le conseiller|un conseiller) (?:me |m')?(?:rappel\w*|repond\w*|appel\w*) (?:quand|a quelle heure)\b"
    r"|\b(?:a quelle heure|quel jour|dans combien de temps) (?:vous|ils|elles|on|un conseiller|le conseiller)\b"
)
_URGENT_ALONE = re.compile(
    r"^(?:mais |c'est |cest |c |ces |s'est |c est )*(?:tres |super |hyper )?urgent\w*(?: la)?\s*[!?]*$"
)


def asks_if_anyone_is_there(text: str | None) -> bool:
    """Whether the words ask whether someone is there now, or when someone calls ("ya quelqu'un maintenant ou pas",
    "OUI MAIS QUAND ???", "vous rappelez quand ?"), or say only that it is urgent ("c urgent")."""
    folded = _folded(text)
    if not folded or re.search(r"\bdepuis quand\b|\bpersonne ne m'?(?: )?(?:aide|ecoute|comprend)\b", folded):
        return False
    return bool(_ANYONE_THERE.search(folded) or _WHEN_ASKED.search(folded) or _URGENT_ALONE.match(folded))


def says_it_is_urgent(text: str | None) -> bool:
    """ "c urgent", "c'est très urgent !": urgency said alone."""
    return bool(_URGENT_ALONE.match(_folded(text)))


# "3 fois que j'appelle la chambre et personne ne répond", "vous allez encore pas répondre", "jamais de réponse".
_CALLS_UNANSWERED = re.compile(
    r"\bpersonne (?:ne |n')?(?:repond|decroche)\w*|\b(?:encore|toujours|jamais) (?:pas )?(?:repondre|de reponse|repondu)\b|"
    r"\b(?:ne|n') ?(?:repondez|repondent|decrochez|decrochent) (?:jamais|pas)\b|\bpas (?:repondre|decrocher)\b"
)


def calls_left_unanswered(messages: list[str]) -> bool:
    """Whether the artisan said their calls to the chamber went unanswered."""
    return any(_CALLS_UNANSWERED.search(_folded(message)) for message in messages)


_OPENS_WITH_YES = re.compile(r"^(?:(?:ah|bon|ben|euh|alors)\s+)?(?:oui|ouais|ouai|ok|okay|d'accord|daccord|dac|si)\b")


def opens_with_a_yes(text: str | None) -> bool:
    """ "OUI MAIS QUAND ???": a yes said before the question."""
    return bool(_OPENS_WITH_YES.match(_folded(text)))
