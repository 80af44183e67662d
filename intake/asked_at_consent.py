"""What an answer to the consent question says when it asks something back first, or relays someone else's yes.

Round 25 (defect 1; r24a-09 first): a son writing for his father answered the consent question with "il faut que mon père
soit d'accord ? il est à côté de moi, il dit oui": read as a yes, the consent was taken while his question waited for
its answer. A question asked back is answered first, and the consent is taken only from an answer to the consent
question itself. "il dit oui", "il est d'accord" said then, for the person someone close writes for, is a yes relayed
(the consent question asks the writer about that person's details: actions/handoff.py, ``one_to_call``).

Plain readings over folded text (no Rasa here)."""

from __future__ import annotations

import re

from french.text import fold
from french.words import FEMININE_KIN, KIN


def _folded(text: str | None) -> str:
    return " ".join(re.sub(r"[^a-z0-9?' -]", " ", fold(text or "").replace("’", "'")).split())


# A yes or a no that opens the answer: what follows it is said with an answer already given.
_OPENS_WITH_AN_ANSWER = re.compile(
    r"^(?:(?:ah|bon|ben|bah|euh|alors|ok|okay|oki)[ ,]+)?(?:oui|ouais|ouai|ok|okay|oki|d'? ?accord|dac+|daccord|"
    r"bien sur|volontiers|je veux bien|si|non|nan|nn|pas du tout|jamais)\b"
)
_QUESTION_OPENING = re.compile(
    r"^(?:et |mais |euh |alors )?(?:est-? ?ce qu|est ce qu|est-ce que|pourquoi|comment|combien|qui |quoi|quel|quand|"
    r"ou (?:ca|est)|faut[- ]il|dois-je|doit-il|doit-elle|c'est (?:obligatoire|necessaire|grave|normal|quoi|qui)|"
    r"ca (?:sert|veut dire)|vous (?:allez|pouvez|faites|gardez)|il faut|faut)"
)


def opens_with_a_question(text: str | None) -> bool:
    """The first sentence of the answer asks something back ("il faut que mon père soit d'accord ? il dit oui", "c'est
    obligatoire ? ok"), no yes or no said before it: whatever follows answers nothing asked yet."""
    folded = _folded(text)
    if not folded or _OPENS_WITH_AN_ANSWER.match(folded):
        return False
    first, mark, _ = folded.partition("?")
    if mark:
        return len(first.split()) >= 2 or bool(_QUESTION_OPENING.match(first))
    return bool(_QUESTION_OPENING.match(folded)) and bool(re.match(r"(?:et |mais )?est-? ?ce qu", folded))


_SOMEONE = r"(?:il|elle|lui|(?:mon|ma) (?:" + KIN + r")|papa|maman)"
# "il dit oui", "il est d'accord", "elle a dit ok", "mon père veut bien", "il accepte", "il dit que c'est bon". Never
# in doubt or under a condition ("s'il est d'accord", "je sais pas s'il est d'accord"), nor refused ("il est pas
# d'accord", "il dit non").
_RELAYED_YES = re.compile(
    rf"(?<!si )(?<!s')(?<!s )(?<!qu')(?<!que )\b{_SOMEONE} (?:(?:me |m')?(?:dit|dis|a dit|fait) (?:que )?(?:oui|ok|d'? ?accord|"
    r"c'?(?: )?est (?:bon|ok|d'? ?accord))|est (?:bien |tout a fait |ok |)?(?:d'? ?accord|dac+|ok|partant\w*)|"
    r"(?:veut|voudrait) bien|accepte|est pour|(?:le |l')?(?:veut|souhaite) aussi|donne son accord|a donne son accord)\b"
)
_DOUBT = re.compile(
    r"\b(?:je (?:ne )?sais pas|jsais pas|je sais plus|pas sur|peut-etre|je pense|je crois|normalement|"
    r"il faut (?:que je )?(?:lui )?demand\w*|je (?:vais|dois) (?:lui )?demander)\b"
)
_REFUSED = re.compile(rf"\b{_SOMEONE} (?:(?:ne |n')?(?:est|veut|dit|accepte) (?:pas|plus|non)|dit non|refuse)\b")


def relayed_yes(text: str | None) -> str | None:
    """ "il", "elle" or the relative ("pere") whose yes the words relay ("il dit oui", "mon père est d'accord", "elle a
    dit ok"); None when no one else's yes is said plainly."""
    folded = _folded(text)
    if not folded or "?" in folded or _DOUBT.search(folded) or _REFUSED.search(folded):
        return None
    said = _RELAYED_YES.search(folded)
    if not said:
        return None
    who = said.group(0).split()
    if who[0] in ("mon", "ma"):
        return who[1]
    return {"papa": "pere", "maman": "mere", "lui": "il"}.get(who[0], who[0])


def consent_asked_back_text(relative: str | None) -> str:
    """Whether the person concerned must agree, and how: at the consent question, someone close writing for them."""
    she = relative in FEMININE_KIN or relative == "elle"
    if she:
        return (
            "Oui, son accord compte : c'est de sa situation qu'il s'agit. Si elle est d'accord, répondez simplement "
            "« oui » à ma question ; sinon, rien n'est transmis."
        )
    return (
        "Oui, son accord compte : c'est de sa situation qu'il s'agit. S'il est d'accord, répondez simplement « oui » "
        "à ma question ; sinon, rien n'est transmis."
    )
