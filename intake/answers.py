"""What an answer to a yes/no question is, read from the artisan's words (plain Python).

``kind("pas encore")`` -> ``"hesitation"``: a yes/no question ("Voulez-vous qu'un conseiller vous
rappelle ?") gets many answers that are neither. A hesitation or a call for help is a request for
help, never a refusal; a question back gets its answer, then the question again; anything else is new
facts for the triage, and the question is asked again.
"""

from __future__ import annotations

import re

from intake.facts import fold

YES, NO, HESITATION, QUESTION, OTHER = "yes", "no", "hesitation", "question", "other"

_HESITATION = re.compile(
    r"\b(?:je (?:ne )?(?:sais|sait|sai) (?:pas|plus)|j(?:e |')?sais pas|jsp|chais pas|chai pas|sais pas|"
    r"je ne sais|pas encore|peut[- ]?etre|p[- ]?e\b|je (?:vais )?(?:reflechi|hesit)|j'hesite|hesite|a voir|"
    r"je ne suis pas (?:sur|sure)|pas (?:sur|sure)|aucune idee|qui (?:m'|m |me )?adresser|quoi faire|"
    r"par ou commencer|perdu|perdue|aidez[- ]moi|besoin d'aide|besoin qu'on m'aide|comment faire|"
    r"ca depend|je sais vraiment pas|bof|euh+|hmm+|pas maintenant|plus tard)\b"
)
_NO = re.compile(
    r"^(?:non|nan|nope|no|pas besoin|pas la peine|ca ira|ca va aller|sans facon|non merci|"
    r"je (?:ne )?(?:veux|prefere|souhaite) pas|pas question|surtout pas|jamais|"
    r"non c'est bon|c'est bon merci|pas pour l'instant|non pas pour le moment|je refuse|pas d'accord)\b"
)
_YES = re.compile(
    r"^(?:oui|ouais|ouai|oue|wi|yes|ok|okay|oki|d'accord|dac|d'acc|ca marche|volontiers|je veux bien|"
    r"avec plaisir|bien sur|evidemment|pourquoi pas|allez|allons-y|go|parfait|super|carrement|"
    r"absolument|tout a fait|j'accepte|j'accepte|c'est d'accord|ca me va|oui svp|stp|svp|je suis d'accord)\b"
)


def kind(text: str | None) -> str:
    """"yes", "no", "hesitation", "question" or "other"."""
    folded = " ".join(fold(text or "").replace("’", "'").split()).strip(" .!")
    if not folded:
        return OTHER
    if folded in ("/affirm",):
        return YES
    if folded in ("/deny",):
        return NO
    if folded in ("/skip_question", "passer", "passe", "je passe", "skip"):
        return HESITATION
    if _NO.search(folded) and not re.match(r"^non,? je (?:ne )?sais pas", folded):
        # "Non, pas maintenant" is a no, said kindly; "pas encore" alone is a hesitation.
        return NO
    if _HESITATION.search(folded):
        return HESITATION
    if _YES.search(folded):
        return YES
    if folded.endswith("?") or re.match(r"^(?:est-ce|est ce|c'est|pourquoi|comment|combien|qui|quand|ou|vous etes|tu es|ca coute)\b", folded):
        return QUESTION
    return OTHER
