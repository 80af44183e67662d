"""French as the core reads it: accent folding and the words several parts need (weekdays, months, number
words). The bottom of the core: it imports nothing of the project.

    fold("Épuisée, cœur")   -> "epuisee, coeur"
    WEEKDAYS, MONTHS         # as written: "lundi", "février"
    MONTHS_FOLDED            # as matched in folded text: "fevrier"
    NUMBER_WORDS             # "deux" -> 2 ... "soixante" -> 60
    ROUGH_NUMBER_WORDS       # "une dizaine" -> 10
"""

from french.text import fold
from french.words import MONTHS, MONTHS_FOLDED, NUMBER_WORDS, ROUGH_NUMBER_WORDS, WEEKDAYS

__all__ = ["MONTHS", "MONTHS_FOLDED", "NUMBER_WORDS", "ROUGH_NUMBER_WORDS", "WEEKDAYS", "fold"]
