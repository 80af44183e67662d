"""A reproach said with an answer ("SOUS UN MOIS je vous dis", "je viens de vous dire non", "micro je t'ai dit").

Plain Python. People who are asked again say so; the words of the reproach are no part of the answer (round 5 of
off-script conversations stored "SOUS UN MOIS je vous dis" as the deadline and "micro je t'ai dit" as the number
of employees). ``without_reproach`` keeps the answer; ``intake.answers.without_said_before`` covers the
"je l'ai déjà dit" forms after an answer, this module the others, before or after it.
"""

from __future__ import annotations

import re

from french.text import fold_in_place

# "je vous dis", "je t'ai dit", "je vous l'ai (déjà) dit", "je viens de vous (le) dire", "j'ai dit", "comme je
# disais", SMS spellings included ("jvous dis", "je tai dit"). Matched on folded text (no accents).
_WORDS = (
    r"(?:je (?:vous |te |t'|tai |t )?(?:l'|le )?(?:ai )?(?:deja |bien )?(?:dit|dis|ecrit|repete)"
    r"|j'(?:ai|l'ai) (?:deja |bien )?(?:dit|ecrit|repete)"
    r"|j(?:vous|te|t'|tai|t) ?(?:ai )?(?:dit|dis)"
    r"|je viens de (?:vous |te |t')?(?:le )?(?:dire|ecrire|repondre)"
    r"|comme je (?:vous |te )?(?:le )?(?:disais|ai dit|dis))"
)
_AFTER = re.compile(rf"[\s,.;:!]+{_WORDS}(?:\s+(?:deja|plus haut|avant|tout a l'heure|au debut))?[\s.!?]*$")
# Before the answer, only when what follows is the answer ("je viens de vous dire non", "je vous dis que c'est
# sous un mois"); "j'ai dit à mon banquier que ..." tells something else.
_BEFORE = re.compile(
    rf"^(?:(?:mais|ben|bah|bon|eh|enfin)[\s,]+)*{_WORDS}(?:\s+(?:deja|plus haut|avant))?"
    r"(?:\s*[,:]\s*|\s+que\s+|\s+)(?!a\b|au\b|aux\b|tout\b|rien\b)"
)


def without_reproach(text: str | None) -> str:
    """The answer without the reproach around it: "SOUS UN MOIS je vous dis" -> "SOUS UN MOIS", "je viens de vous
    dire non" -> "non", "non tout seul j'ai dit" -> "non tout seul". The words as they were when nothing is left."""
    if not text:
        return text or ""
    # fold() keeps one character for one, so spans found in it hold in the original.
    folded = fold_in_place(text)
    start, end = 0, len(text)
    after = _AFTER.search(folded)
    # "c'est ce que je vous dis": the words are then the answer's own.
    if after and not re.search(r"\bqu(?:e|')\s*$", folded[: after.start()]):
        end = after.start()
    before = _BEFORE.match(folded[:end])
    if before:
        start = before.end()
    answer = text[start:end].strip(" ,.;:!")
    return answer or text
