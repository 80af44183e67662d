"""Someone who cannot phone: deaf, hard of hearing, without speech, or who asks to be reached in writing only.

Round 26 (r26a-11): « Je suis sourde donc je ne peux pas téléphoner », then « envie de disparaître », got the 3114 to
call first, the 114 in brackets, a callback offered, « À quel moment préférez-vous qu'un conseiller vous appelle ? »
after « par SMS ou par mail, pas d'appel », and a case that promised a call at 8 h. Read here: that the person cannot
phone (the 114 by SMS comes first, the advisor writes and never calls), that they ask for written contact, and that they
ask how the 114 works.

Plain readings over folded text (no Rasa here)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from french.text import fold

# What the case says, in the callback moment's place: the advisor writes, never calls.
WRITTEN_ONLY = "ne pas appeler : contact écrit (SMS ou e-mail)"

_CANNOT_PHONE = re.compile(
    r"\b(?:"
    # "je suis sourde", "sourd et muet", "malentendante", "je suis muette"
    r"(?:je suis|jsuis|chui|suis|j suis|moi je suis|etant|je suis devenue?|je deviens) (?:\w+ )?"
    r"(?:sourde?|malentendante?|muette?|aphone)s?\b"
    r"|(?:sourde?|malentendante?|muette?) (?:de naissance|profonde?|depuis|et muette?)"
    # "je n'entends plus", "j'entends très mal" (not "je n'entends rien à la compta")
    r"|j'? ?(?:n'? ?)?entends? (?:pas|plus|presque plus|tres mal|mal)(?! (?:parler|dire|ce que|rien))\b"
    # "je ne peux pas téléphoner" (not "téléphoner à l'URSSAF"), "je ne peux pas parler" (not "parler de ça")
    r"|(?:je|j) (?:ne |n'? ?)?(?:peux|peut|sais|arrive) (?:pas|plus) (?:a )?(?:parler|entendre|telephoner|decrocher)"
    r"(?! (?:de|d'|a|au|aux|avec|en ce moment|maintenant|la|l'|ici)\b)"
    r"|(?:ne|n') ?(?:m'|me )? ?(?:appelez|telephonez|rappelez) (?:pas|jamais)"
    r"|(?:le )?telephone (?:c'? ?est|c) (?:pas|impossible) pour moi"
    r"|langue des signes|\blsf\b"
    r")"
)
# A call refused, said as a way to be reached ("par SMS ou par mail, pas d'appel"), never "pas d'appels de clients".
_NO_CALL = re.compile(
    r"\b(?:pas|jamais|aucun|sans) (?:de |d'? ?)?(?:appels?|coups? de fil|telephone)\b(?! (?:de|des|d')\b)"
)
_WRITTEN_ASKED = re.compile(
    r"\b(?:par|en|un|des|via) (?:sms|texto|textos|message ecrit|messages ecrits|ecrit|mail|e-?mail|courriel)s?\b"
    r"|\becrivez[- ]moi\b|\bm'? ?ecrire\b"
)
_HOW_114 = re.compile(
    r"\b(?:comment|ca marche comment|c'? ?est quoi|c quoi|c koi|cest quoi|qu'? ?est-?ce que c'? ?est|je fais quoi|on fait comment|"
    r"je (?:lui )?(?:ecris|envoie) quoi)\b[^?]*\b(?:le |au )?114\b"
    r"|\b(?:le |au )?114\b[^?]*\b(?:comment|ca marche|c'? ?est quoi|je fais comment|quoi ecrire|quoi dire)\b"
)


# Round 29 (r29-a-27, r29-b-28): "06 ... whatsapp uniquement, je décroche pas les numéros inconnus", "envoyez un SMS
# avant, elle décroche pas aux numéros inconnus": the number kept, the condition lost, the advisor would ring from an
# unknown number nobody answers. Reached by a message first: the case says the advisor writes (never the 114 of the
# deaf, which ``cannot_phone`` reads).
_MESSAGE_FIRST = re.compile(
    r"\b(?:ne |n'? ?)?(?:decroche\w*|repond\w*) (?:pas|jamais|plus|rarement) (?:aux?|les|a des) (?:numeros?|appels?) "
    r"(?:inconnus?|masques?|caches?|prives?)\b"
    r"|\b(?:whatsapp|sms|textos?|messages? ecrits?) (?:uniquement|seulement|only|de preference|d'? ?abord)\b"
    r"|\b(?:uniquement|seulement|que) (?:par |sur |en |via )?(?:whatsapp|sms|textos?)\b"
    r"|\b(?:sms|textos?|message|whatsapp) (?:avant|d'? ?abord|au prealable)\b"
    r"|\b(?:avant|d'? ?abord),? (?:un |par )?(?:sms|texto|whatsapp)\b"
)


def reached_by_a_message_first(text: str | None) -> bool:
    """The person answers no unknown number, or asks for a message (SMS, WhatsApp) before or instead of a call."""
    return bool(_MESSAGE_FIRST.search(_folded(text)))


def _folded(text: str | None) -> str:
    return fold(text or "").replace("’", "'")


def cannot_phone(text: str | None) -> bool:
    """The person says they cannot hear, speak or phone, or not to be called: « je suis sourde », « je ne peux pas
    téléphoner », « par SMS ou par mail, pas d'appel », « ne m'appelez pas »."""
    folded = _folded(text)
    return bool(_CANNOT_PHONE.search(folded) or (_NO_CALL.search(folded) and _WRITTEN_ASKED.search(folded)))


def asks_written_contact(text: str | None) -> bool:
    """Contact in writing asked for, or a call refused: « par SMS ou par mail, pas d'appel », « écrivez-moi »."""
    return cannot_phone(text) or bool(_WRITTEN_ASKED.search(_folded(text)))


def written_only(messages: Iterable[str]) -> bool:
    """Said at any point of the conversation: the person cannot phone (the 114 first, the advisor writes)."""
    return any(cannot_phone(message) for message in messages)


def asks_how_114_works(text: str | None) -> bool:
    """« comment je fais pour le 114 ? », « le 114 ça marche comment ? », « c'est quoi le 114 »."""
    return bool(_HOW_114.search(_folded(text)))
