"""The one reading of health for what reaches a case without the health consent (RGPD art. 9).

Every path that copies the artisan's words to a case (the bot's transcript, the summary's quotes, "Ses mots", the
request, the reasons, the situation answers, the moment of the call) and the live chat's transcript read health here,
and the health consent question is asked whenever this reading finds health in what was said (round 26, r26b-13: «
Le conseiller il a besoin de savoir pour mon dos ? » and « l'après-midi je me repose à cause du traitement » reached a
case whose health consent was refused; r26b-14: a message was withheld as health while no consent was ever asked).

A message that mixes health and the business keeps its business: only its parts of health (cut at sentence ends and
commas) are replaced by ``HEALTH_REMOVED``, so that the advisor still reads « boucher à Ajaccio, [information de santé
retirée], je peux plus porter les carcasses, le chiffre baisse » and sees where something was left out, never what.
What the health does to the work ("je ne peux plus travailler") is no health detail and stays, as the summary has said
since round 12. A part is read with its message: a two-sense word takes its sense from the whole.
"""

from __future__ import annotations

import re

from french.text import fold_in_place
from triage.engine import assess, health_words
from triage.normalise import Clause, split_clauses

# What stands where a clause of health was, without the health consent.
HEALTH_REMOVED = "[information de santé retirée]"

# A death told: the dead person's accident is no health to ask the writer's consent for (round 12, A24: "mon associé
# est mort dans un accident" got "Vous avez parlé de la santé d'un proche").
_DEATH_WORDS = re.compile(
    r"\b(?:mort|morte|decede|decedee|deces|tue|tuee|veuve|veuf|disparu|disparue|disparition|enterrement|obseques)\b"
)
_ACCIDENT_WORDS = re.compile(
    r"\b(?:(?:eu |un |d'un |d un |dans un |en )?accident(?: de (?:la )?(?:voiture|route|moto|travail|chantier|"
    r"la circulation|scooter|velo))?|(?:en|de) (?:voiture|moto))\b"
)
# One's own body named, which the triage reads as no difficulty ("le conseiller il a besoin de savoir pour mon dos ?",
# round 26, r26b-13): health all the same. Not the idioms of pressure or betrayal ("ils sont sur mon dos", "dans mon
# dos", "à bout de bras", "mon coeur de métier").
_OWN_BODY = re.compile(
    r"(?<!\bsur )(?<!\bdans )(?<!\bderriere )(?<!\bbout de )(?<!\bsous )"
    r"\b(?:mon|ma|mes|mn|m) ?(?:dos|genou|genoux|epaules?|hanches?|poignets?|chevilles?|nuque|cervicales|lombaires|"
    r"vertebres|tendons?|ligaments?|menisques?|coudes?|jambes?|poumons?|reins?|foie|prostate|hernie|dents?|yeux|"
    r"vue|audition|tension|diabete|dialyse|operation|convalescence|traitement|medicaments?|medocs?|chimio)\b"
    r"(?! de (?:metier|cible|commande|travail|texte|dossier|la demande))|"
    # A treatment said with what it does ("je me repose à cause du traitement", "je dors avec les médocs").
    r"\b(?:a cause (?:du|de mon|de ce|des|de mes)|avec (?:le|mon|les|mes|ce|ces)|sous) "
    r"(?:traitement|medicaments?|medocs?|cachets|chimio|morphine|antidepresseurs?|anxiolytiques?)\b"
)


def health_beyond_death(text: str) -> bool:
    """Health words (anyone's) that are not only the accident of a death told ("mort dans un accident de voiture"). An
    illness named with the death ("mort d'un cancer") stays health: the consent question keeps it out without a yes."""
    if not health_words(text):
        return False
    folded = fold_in_place(text)
    if not _DEATH_WORDS.search(folded):
        return True
    return health_words(_ACCIDENT_WORDS.sub(" ", folded))


def says_health(text: str) -> bool:
    """Health, anyone's, in these words: what the health consent question is asked for."""
    if HEALTH_REMOVED in text:
        return True
    folded = fold_in_place(" ".join(text.replace("’", "'").split()))
    return "sante" in assess([text]).categories or health_beyond_death(text) or bool(_OWN_BODY.search(folded))


def mentions_health(text: str) -> bool:
    """Health (anyone's), distress or exhaustion: what a case keeps only with the health consent (RGPD art. 9)."""
    assessment = assess([text])
    return assessment.distress or assessment.overwhelm or says_health(text)


def part_mentions_health(part: str, message: str) -> bool:
    """Whether a part of a message (a clause, a sentence) speaks of health, read with its message: a two-sense word
    takes its sense from the whole ("taxi conventionné … la CPAM me paie plus": no health, round 26, r26b-14, whose
    clause alone reads as health); a part already filtered (``HEALTH_REMOVED``) does."""
    if HEALTH_REMOVED in part:
        return True
    return mentions_health(part) and mentions_health(message.replace(HEALTH_REMOVED, " "))


def _parts(clause: Clause) -> list[tuple[int, int]]:
    """The clause cut at its commas (typed, or dictated: "virgule"), as spans of the original characters."""
    parts: list[list[tuple[int, int, int, int]]] = [[]]
    for word in clause.words:
        if clause.text[word[0] : word[1]] in (",", "…"):
            parts.append([])
        else:
            parts[-1].append(word)
    return [(part[0][2], part[-1][3]) for part in parts if part]


def health_spans(text: str, distress: bool = True) -> list[tuple[int, int]]:
    """Where the parts of health are in ``without_markup(text)`` (triage.normalise), as (start, end) of the original
    characters, neighbours joined; with ``distress``, the parts of distress or exhaustion too."""
    reads = mentions_health if distress else says_health
    spans: list[tuple[int, int]] = []
    if not reads(text):
        return spans  # the message read whole says no health: no part of it does (a two-sense word, r26b-14)
    for clause in split_clauses(text):
        previous_end = 0
        for start, end in _parts(clause):
            removed = reads(clause.source[start:end])
            between = clause.source[previous_end:start]
            if removed and spans and spans[-1][1] == previous_end and not re.search(r"\w", between):
                spans[-1] = (spans[-1][0], end)
            elif removed:
                spans.append((start, end))
            previous_end = end
    return spans


def without_health(text: str, distress: bool = True) -> str:
    """The message with its clauses of health replaced by ``HEALTH_REMOVED`` ("Le matin, l'après-midi je me repose à
    cause du traitement." -> "Le matin, [information de santé retirée]."); unchanged when it says none. Without
    ``distress``, the words of distress or exhaustion stay (the facts read from the messages: a death, its date), for
    the reader to leave out where it quotes them."""
    if not text or text.startswith("/"):
        return text
    spans = health_spans(text, distress)
    if not spans:
        return text
    source = split_clauses(text)[0].source
    kept, position = [], 0
    for start, end in spans:
        kept += [source[position:start], HEALTH_REMOVED]
        position = end
    kept.append(source[position:])
    return "".join(kept)


def kept_without_health(text: str) -> str | None:
    """What a message that speaks of health keeps without the consent: its other words, the clauses of health replaced
    ("taxi conventionné à Cayenne, [information de santé retirée]"); None when nothing else is left, or when the health
    read in the whole message is in no clause of its own (the message is then withheld whole)."""
    kept = without_health(text)
    if kept == text or not re.sub(r"[\W_]+", "", kept.replace(HEALTH_REMOVED, "")):
        return None
    return kept
