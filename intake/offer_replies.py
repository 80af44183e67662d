"""What an answer to the callback offer or the consent question says besides a plain yes or no (round 25, talker C).

- A "non" that puts right what the bot understood ("non je parle de l'huissier, si je suis pas au garage le 15", "non
  je parle de l'avocat, pas de vous") refuses nothing: ``corrects_what_was_understood``.
- A no with its reason or plan ("non ça ira merci, je vais regarder sur internet") is a no: ``no_with_a_plan``.
- A yes or an "ok" that turns to something else ("oui mais il a le droit d'augmenter de 40 % ?", "d'accord. sinon vous
  savez s'il va y avoir un cyclone ?", "ok tant pis pour la météo. vous pouvez m'aider à remplir le formulaire ?", "oui
  mais j'ai pas de saisie hein, juste la lettre") is no yes to the pending question: ``yes_turning_elsewhere`` gives
  what it turns to.
"""

from __future__ import annotations

import re

from french.words import FILLERS
from intake.facts import fold

_FILLERS = rf"(?:(?:{FILLERS}|mais|alors|attendez|enfin)[ ,.!…]+)*"
_NO_OPENING = re.compile(rf"^{_FILLERS}(?:non|nan|nn|nope)\b")
_YES_OPENING = re.compile(
    rf"^{_FILLERS}(?:oui|ouais|ouai|ok|okay|oki|d'accord|daccord|dacc?|entendu|tres bien|bien sur|je vois|ah bon)\b"
)
# What the "non" goes on with when it puts right what was understood.
_CLARIFIES = re.compile(
    r"\b(?:je (?:vous )?(?:parle|parlais|pensais|voulais dire|veux dire|demandais|disais|demande)|"
    r"j'?(?: )?(?:parle|parlais|demandais|voulais dire)|jparle|jparlais|"
    r"(?:c'?(?: )?est|c'?(?: )?etait|c) (?:pour|a propos|au sujet) (?:de|du|des|d')|"
    r"pas (?:de |a |pour )?vous\b|vous avez mal compris|je me suis mal (?:exprimee?|expliquee?)|"
    r"(?:c'?(?: )?est|c) pas ce que (?:je|j'?(?: )?ai) (?:dit|voulais dire|demande))"
)
# A no that keeps refusing the call, whatever else it says.
_KEEPS_REFUSING = re.compile(
    r"\b(?:pas besoin|pas la peine|pas necessaire|ca ira|ca va aller|merci|je (?:ne )?veux pas|veux pas|pas interesse\w*|"
    r"c'?(?: )?est bon|laissez tomber|pas de rappel|(?:ne )?(?:me )?rappelez pas|(?:ne )?m'?(?: )?appelez pas)\b"
)
# A reason or a plan given with the no: looking elsewhere, thanks, managing alone.
_PLAN = re.compile(
    r"\b(?:ca ira|ca va aller|merci|pas besoin|pas la peine|c'?(?: )?est bon|je vais|j'?(?: )?vais|jvais|je v(?:ai)?s|"
    r"je (?:me )?debrouill\w*|je regard\w*|je cherch\w*|je verrai|je vois avec|je reviendrai|je repasserai|"
    r"je rappellerai|je reflechi\w*)\b"
)
# The call wished for in so many words: the answer is then the yes it says.
_CALL_WISHED = re.compile(
    r"\b(?:(?<!pas )(?:rappelez|appelez)[- ]?moi|qu'?(?: )?on me rappelle|je veux bien (?:un |etre |qu)|"
    r"(?<!pas )(?:me )?rappeler|j'?(?: )?accepte|d'accord pour (?:le |l'|un |etre )?(?:rappel|appel|garder))\b"
)
# What turns a yes to something else: "mais", "sinon", "tant pis pour ...", "par contre", "au fait".
_TURN = re.compile(r"^[ ,.!…]*(?:mais|sinon|par contre|au fait|tant pis(?: pour [^.,;!?]+)?)\b[ ,.!…]*")
# Words of the call itself (who, how): "oui mais c'est mon mari qu'il faut appeler", "oui mais je donne pas mon nom".
_ABOUT_THE_CALL = re.compile(
    r"\b(?:appel\w*|rappel\w*|telephon\w*|numero|tel|portable|joindre|nom|prenom|mail|e-mail|email|adresse|"
    r"consentement|donnees|anonymes?|identite|pseudo)\b"
)
# When: "oui mais pas avant 14h", "oui mais plutôt le matin".
_WHEN = re.compile(
    r"\b(?:matin|matinee|aprem|apres-midi|apres midi|soir|midi|heures?|\d{1,2} ?h(?:\d{2})?|pas avant|pas apres|lundi|mardi|mercredi|jeudi|vendredi|"
    r"samedi|demain|vite|rapidement|tot|tard)\b"
)
_PUT_RIGHT = re.compile(r"\b(?:pas|plus|jamais|aucune?|rien|juste|seulement|en fait|c'?(?: )?est pas|pa)\b")
# "sinon" giving the yes its reason: "bah oui sinon je serais pas là", "oui sinon je vous écrirais pas" (round 26, r26b-01:
# "Merci de la précision" and the offer again). Never "oui sinon j'ai pas de saisie": that one puts a fact right.
_YES_BECAUSE = re.compile(
    r"^[ ,.!…]*sinon[ ,.!…]+(?:je|j'?|on) ?(?:ne |n'?)?(?:serais|serai|serait|s'?rais|srais|vous (?:ecrirais|ecrirai|"
    r"contacterais|demanderais)|ecrirais|aurais|aurai|demanderais|viendrais)\b"
)
_ASKS = re.compile(
    r"\?|\b(?:est[- ]ce qu\w*|estce qu\w*|comment|combien|pourquoi|c'?(?: )?est quoi|c koi|vous savez|savez-vous|"
    r"vous pouvez|pouvez-vous|vous pourriez|il a le droit|j'?(?: )?ai le droit|on a le droit|il faut|faut-il|"
    r"et si|si je)\b"
)


def _folded(text: str | None) -> str:
    return " ".join(fold(text or "").replace("’", "'").split())


def corrects_what_was_understood(text: str | None) -> bool:
    """A "non" that goes on to say what was meant ("non je parle de l'huissier, si je suis pas au garage le 15", "non
    je parle de l'avocat, pas de vous. il faut un avocat ?"): no refusal of the call."""
    folded = _folded(text)
    if not _NO_OPENING.match(folded):
        return False
    return bool(_CLARIFIES.search(folded)) and not _KEEPS_REFUSING.search(folded) and not _CALL_WISHED.search(folded)


def no_with_a_plan(text: str | None) -> bool:
    """A no that says why or what the artisan will do instead ("non ça ira merci, je vais regarder sur internet", "nan
    c bon jvais me débrouiller"): a no, like a bare "non merci"."""
    folded = _folded(text)
    if not (_NO_OPENING.match(folded) or re.match(rf"^{_FILLERS}(?:ca ira|c'?(?: )?est bon|pas besoin)\b", folded)):
        return False
    if "?" in folded or _CALL_WISHED.search(folded) or corrects_what_was_understood(text):
        return False
    return bool(_PLAN.search(folded))


def yes_turning_elsewhere(text: str | None) -> str | None:
    """What a yes turns to ("oui mais il a le droit d'augmenter de 40% ?" -> "il a le droit d'augmenter de 40% ?"),
    when it turns from the question asked to another question or a correction; None for a yes that stays one (alone,
    with the call wished for, or with when and whom to call: "oui mais pas avant 14h")."""
    words = " ".join((text or "").replace("’", "'").split())
    folded = _folded(text)
    opening = _YES_OPENING.match(folded)
    if not opening or _CALL_WISHED.search(folded) or _YES_BECAUSE.match(folded[opening.end() :]):
        return None
    turn = _TURN.match(folded[opening.end() :])
    if not turn:
        return None
    start = opening.end() + turn.end()
    rest = words[start:].strip(" ,.!…")
    folded_rest = folded[start:]
    if len(folded_rest.split()) < 3 or _ABOUT_THE_CALL.search(folded_rest):
        return None
    if _ASKS.search(folded_rest):
        return rest
    # A fact put right beside the yes ("oui mais j'ai pas de saisie hein, juste la lettre"); any other words with it
    # ("ok, mais je préfère rester anonyme") leave the yes a yes.
    return rest if _PUT_RIGHT.search(folded_rest) and not _WHEN.search(folded_rest) else None


def asks(text: str | None) -> bool:
    """Whether the words ask something ("?", "est-ce que", "et si je suis pas là", "il faut un avocat")."""
    return bool(_ASKS.search(_folded(text)))


# A "si" that contradicts a no said before, opening the message ("enfin si, mais pas avant 18h", "bon si finalement",
# "si si rappelez-moi"), or a change of mind said in words ("finalement oui", "tout compte fait ok"). A "si" opening a
# condition ("si je paye", "si vous pouvez", "si c'est gratuit") is none.
_SI_TAKEN_UP = re.compile(
    rf"^{_FILLERS}(?:(?:en fait|enfin|finalement|tout compte fait|reflexion faite|ah|oh)[ ,.!…]+)*si\b"
    r"(?![ ,]*(?:je|j'?|tu|il|elle|on|nous|vous|ils|elles|c'?|ca|le|la|les|l'?|ma|mon|mes|un|une|des|jamais|"
    r"cela|ce|ceux|celui|celle|quelqu'?un|y|en)\b)"
)
_CHANGE_OF_MIND = re.compile(
    rf"^{_FILLERS}(?:finalement|tout compte fait|reflexion faite|en fait|apres reflexion)[ ,.!…]+"
    r"(?:oui|ouais|ok|okay|d'accord|daccord|je veux bien|rappelez|appelez|allez-y|allez y|c'?(?: )?est bon)\b"
)


def takes_up_again(text: str | None) -> bool:
    """Whether the words take back a no said before ("enfin si, mais pas avant 18h, je suis au labo", "finalement oui,
    appelez-moi"), whatever the classifier made of them; a question never does."""
    folded = _folded(text)
    if "?" in folded:
        return False
    return bool(_SI_TAKEN_UP.match(folded) or _CHANGE_OF_MIND.match(folded))
