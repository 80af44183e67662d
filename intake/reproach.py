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


# Round 29 (r29-a-06, r29-b-41, r29-b-44): the artisan's own question left unanswered, said as a reproach ("vous répondez
# pas", "répondez d'abord à ma question", "c'est pas ma question", "c'est nul votre truc") was read as a stop ("Très bien,
# on s'arrête là") or answered with the next intake question. Never the chamber's phone not answering ("vous répondez
# jamais au téléphone": intake/anyone_there.py), never a question about the bot's own answers being right.
_NOT_HEARD = re.compile(
    r"\bvous (?:ne )?(?:me )?(?:repondez|repondes|reponde) (?:pas|jamais|rien|toujours pas|pas du tout|meme pas)\b"
    r"(?! (?:au|aux|a mes|a la|quand) (?:tel|telephone|appels?|phone|fixe|portable|standard|chambre|mails?|messages?))"
    r"|\bvous (?:ne )?(?:m )?(?:avez|a) (?:pas|toujours pas|jamais|meme pas) repondu\b"
    r"|\b(?:repondez|repondre|repond)(?: moi| donc| d abord| juste| plutot| deja)* (?:a|sur) (?:ma|mes) questions?\b"
    r"|\b(?:vous|tu) (?:ne )?(?:repondez|reponds|repond) (?:pas |jamais |toujours pas )?(?:a|sur) (?:ma|mes) questions?\b"
    r"|\b(?:vous|tu) (?:ne )?(?:repondez|reponds|repond) (?:jamais|pas) a ce que je (?:vous |te )?(?:demande|dis)\b"
    r"|\b(?:c est|c|cest|ce n est) pas (?:ca |du tout )?(?:ma question|ce que (?:je vous ai |j ai |je )?(?:demande|demandais))\b"
    r"|\bvous (?:ne )?(?:m )?(?:ecoutez|lisez) (?:pas|rien|jamais)\b"
    r"|\b(?:c est|c|cest) nul (?:votre|ton|ce|vos) (?:truc|machin|robot|site|bot|service|questions?|chat)\b"
    r"|\bvous tournez en rond\b"
)


def says_not_heard(text: str | None) -> bool:
    """ "vous répondez pas", "répondez d'abord à ma question", "c'est nul votre truc": the artisan's question was not
    answered, said as a reproach; never a stop nor an answer to the question pending."""
    folded = " ".join(fold_in_place(text or "").replace("'", " ").replace("’", " ").replace("-", " ").split())
    folded = " ".join(re.sub(r"[^a-z0-9 ]", " ", folded).split())
    found = _NOT_HEARD.search(folded)
    if found is None:
        return False
    # "c'est pas ma question. vous le dites à l'urssaf ou pas ?": the question asked again after it has its own answer.
    rest = re.sub(
        r"^(?:(?:a|sur) (?:ma|mes) questions?|a ce que je (?:vous )?(?:demande|dis))\b",
        "",
        folded[found.end() :].strip(),
    )
    return not ("?" in (text or "") and len(rest.split()) >= 3)
