"""The artisan's answers to the two crisis questions, written freely or tapped.

Plain Python, so that the actions and the tests read them the same way::

    from triage.answers import answer_to_suicide_question, answer_to_safety_question

    answer_to_suicide_question("non pas du tout")  # "clear_no": back to the conversation
    answer_to_suicide_question("des fois")  # "not_clear_no": the crisis path
    answer_to_safety_question("oui ça va")  # "safe"
    answer_to_safety_question("je sais pas")  # "not_safe": emergency numbers again, a human

Prevention guidelines: after "pensez-vous au suicide ?", anything but a clear no (silence, "je sais
pas", "peut-être", "parfois", another subject) is taken as a yes. After "êtes-vous en sécurité ?",
anything but a clear yes is taken as not safe: a hope ("ça va aller", "on verra") or a yes asked back
("ça va aller ?", "oui ?") is not one.

Asked once more, never read at once (``may_ask_again``, the first time only): an answer to the intake
question asked just before (``answers_intake_question``: "depuis décembre", "à Calais"; the caller reads
it with intake.answers.is_intake_answer), a question about the question ("pourquoi vous me demandez
ça ?"), "c'est une façon de parler" or thanks alone ("merci", for the numbers just given). The second time, anything but a clear answer is read as above.
A question asked back ("vous êtes un robot ?", "c'est confidentiel ?") is no answer at all: it gets an
honest short answer and the question again (``may_answer_question``, the first two answers). A hedge or a
warning sign is never asked again.
"""

from __future__ import annotations

import re

from triage.distress import INDIRECT, find_signs, rule_signs
from triage.normalise import normalise
from triage.rules import compile_any

CLEAR_NO, NOT_CLEAR_NO = "clear_no", "not_clear_no"
SAFE, NOT_SAFE, UNSURE = "safe", "not_safe", "unsure"
# Readings that ask the question once more (the first time only), each with its own kind word first.
ANSWERS_INTAKE_QUESTION, WHY_ASKED, FIGURE_OF_SPEECH = "answers_intake_question", "why_asked", "figure_of_speech"
QUESTION_BACK = "question_back"
THANKED = "thanked"
ASK_AGAIN = (ANSWERS_INTAKE_QUESTION, WHY_ASKED, FIGURE_OF_SPEECH, QUESTION_BACK, THANKED)

# Doubt, "sometimes", "a little", "not really": never a clear answer.
_HEDGES = compile_any(
    [
        # "je sais pas pourquoi j'ai écrit ça" doubts the words written, not the answer (round 5: "euh oui je suis chez
        # moi. je sais pas pourquoi j'ai ecrit ca" was read as not safe: "Appelez tout de suite le 15").
        r"(?:je (ne )?sais (pas|plus)|je sais pas|sais pas|je ne sais|chais pas)(?! (pourquoi|ce qui m a pris))|"
        r"j en sais rien|aucune idee",
        r"peut etre|p etre|c est possible|(?<!que )possible$|probablement|ca se peut|pas sur|pas sure|pas certaine?",
        r"parfois|des fois|de temps en temps|de temps a autre|quelquefois|souvent|ca m arrive|il m arrive|"
        r"ca m est arrive|ca arrive|ca depend|pas toujours|^un peu|un peu$|oui un peu|plus ou moins|bof|mouais",
        r"pas vraiment|pas trop|pas tellement|pas tant que ca|pas encore|pas tout a fait|pas completement|"
        r"pas forcement|pas vraiment non|ca va aller peut etre",
        r"j y (ai )?(deja )?pense(?! (pas|jamais|plus))|(y|y ai) pense (parfois|des fois|souvent|un peu|deja)|"
        r"je (ne )?pense pas$|je (ne )?crois pas$",
        # A yes or a no left open at its end: "oui je crois", "non normalement".
        r"(je crois|je pense|il me semble|normalement|en principe|a priori|j espere|je suppose)$",
        r"hum+|hm+",
        # A no that turns ("jamais pensé, mais là oui", "non mais en ce moment si").
        r"mais (?:la |maintenant |en ce moment |depuis peu |ces temps ci |aujourd hui )?(?:oui|si|ouais)|"
        r"mais (?:maintenant|en ce moment|ces temps ci|depuis (?:peu|quelques (?:jours|semaines|mois)|hier|la))",
    ]
)
_STARTS_NO = re.compile(
    # Surprise first is still a no: "quoi ?? non c'est une expression" (round 4 of off-script conversations).
    r"^(?:(?:ah|oh|mais|euh|bah|ben|bien sur que|absolument|certainement|surtout|franchement|quoi|hein|comment|pardon) )*"
    r"(?:non|nan|nn|no|nope|pas du tout|jamais|absolument pas|certainement pas|surtout pas|"
    r"pas question|aucunement|pas le moins du monde|pas de ca|pas au suicide|pas a ce point|"
    r"(?:je )?n y pense (?:pas|jamais)|(?:je |j )?y pense (?:pas|jamais)|"
    r"(?:je )?ne pense pas (?:au|a me|a ca)|(?:je )?pense pas (?:au|a me|a ca)|"
    r"je ne suis pas suicidaire|je suis pas suicidaire|pas suicidaire|jamais de la vie|"
    r"(?:je )?n ai jamais (?:pense|songe)(?: a (?:ca|cela|me suicider|me tuer)| au suicide)?|"
    r"(?:je )?ne (?:me suiciderai|me tuerai|ferai) jamais(?: (?:ca|cela|une chose pareille))?)(?![a-z0-9])"
)
# The no said after something else ("hein ? je vous parle de mon entreprise, je pense pas au suicide", round 6: "Je
# n'ai pas bien compris"): the question's own words denied, anywhere in the answer, hedges and signs still read first.
_DENIED_ANYWHERE = compile_any(
    [
        r"(?:je |j )?(?:ne |n )?(?:pense|songe|ai (?:jamais|pas) (?:pense|songe)) (?:pas |jamais |absolument pas )?"
        r"(?:au suicide|a me suicider|a me tuer|a mourir|a en finir)|"
        r"(?:je |j )?(?:ne )?suis (?:pas|absolument pas) suicidaire"
    ]
)
_STARTS_YES = re.compile(
    # "moi oui, c'est pas de moi qu'on parle": a relative safe, writing about someone else (round 4).
    r"^(?:(?:ah|oh|euh|bah|ben|moi) )*(?:oui|ouais|ouai|oue|ouaip|wi|yes|ok|okay|d accord|daccord|ca va|"
    r"je suis en securite|en securite|je vais bien|tout va bien|je suis chez moi|je suis a la maison|"
    r"je suis avec (?:ma|mon|mes|des|quelqu un)|pas de danger|je ne suis pas en danger|je suis pas en danger)"
    r"(?![a-z0-9])"
)
# Safe said with a negation: "non, je ne suis pas en danger", "je ne vais rien faire".
_SAFE_NEGATED = compile_any(
    [
        r"(?:ne )?suis pas en danger|pas de danger|ne risque rien|risque rien|"
        r"(?:ne )?vais rien (?:me )?faire|(?:ne )?ferai rien|(?:ne )?ferai pas de (?:betise|connerie)|"
        r"(?:ne )?vais pas (?:me faire du mal|passer a l acte|faire de betise|faire de connerie)"
    ]
)
# Hope or a hesitation about the near future is no "yes, I am safe now": "ça va aller", "ça ira", "on verra",
# "je vais essayer". Said with a question mark, even a yes is a question ("ça va aller ?", "oui ?").
_SAFETY_HOPE = compile_any(
    [
        r"ca (?:va|devrait|doit|finira par|va bien finir par) (?:aller|le faire|passer)|ca ira|ca passera|on verra|"
        r"je vais (?:essayer|tenir|tacher|faire avec)|j essaie|j essaye|je tiens le coup pour l instant"
    ]
)


# A question about the question: it deserves the reason, then the question again.
_WHY_ASKED = compile_any(
    [
        r"^(?:mais |et )?(?:pourquoi|pq|pk|pourquoi donc)(?: (?:vous|tu) (?:me )?(?:demandez|demande|posez|pose|dites|dis)"
        r"(?: (?:ca|cela|cette question|ca a moi))?| cette question| ca| cela| donc)?(?: a moi)?$",
        r"^(?:c est quoi|c est|quelle est) cette question$|^(?:quel|ca a quel|il y a quel) rapport(?: avec .{0,40})?$",
        r"^qu est ce qui vous fait (?:dire|penser|croire) (?:ca|cela)$|^pourquoi vous (?:pensez|croyez|dites) (?:ca|cela)$",
        r"^(?:comment ca|c est a dire|ca veut dire quoi|qu entendez vous par la|vous voulez dire quoi)$",
    ]
)
# The words that worried were only a way of speaking: asked again, plainly, before taking it as a no.
_FIGURE_OF_SPEECH = compile_any(
    [
        r"^(?:mais |ah |oh )?(?:c est|c etait|ce n est que|c etait juste|c est juste) (?:une|un) "
        r"(?:facon|maniere) de parler$|^(?:c est|c etait) (?:juste )?(?:une|un) (?:expression|image)$",
        r"^(?:c est une |une )?(?:facon|maniere) de parler$|^je (?:le )?disais (?:ca|cela)? ?comme (?:ca|cela)$",
        r"^je (?:me suis mal exprimee?|m exprime mal)$|^(?:vous m avez|tu m as) mal compris$",
        r"^je parlais (?:de|du|de la) (?:boite|l entreprise|mon entreprise|ma boite|mon commerce|boulot|travail|"
        r"la boutique|mon atelier|mon activite)$",
    ]
)
# A question asked back about something else ("vous êtes un robot ?", "c'est anonyme ?", "qui lit ça ?"):
# a question mark at the end, or a question's first words when it was typed without one.
_QUESTION_START = compile_any(
    [
        r"^(?:mais |et |euh |attendez )?(?:est ce que|est ce qu|vous etes|etes vous|tu es|t es|es tu|c est quoi|"
        r"c quoi|qu est ce|qui (?:lit|lira|va lire|voit|est|etes)|comment (?:ca marche|vous|on|tu)|combien|"
        r"ca coute|ca sert a quoi|a quoi ca sert|vous pouvez|tu peux|on peut|je peux|il y a quelqu un)\b",
    ]
)
# Words of the question itself in a question back are an answer in disguise ("vous croyez que j'y pense
# pas ?", "ça change quoi si je veux mourir ?"): read, never answered as a question.
_ABOUT_THE_QUESTION = compile_any(
    [
        r"pense|penser|suicid\w*|mourir|mort|morte|en finir|tuer|vivre|vie|danger|securite|mal|peur|"
        r"seule?|aide|aider|bien|va$|aller|sortir|grave",
    ]
)


# Thanks alone ("merci", "ok merci beaucoup"), for the numbers just given: no answer yet (round 6: "merci" at "êtes-vous
# en sécurité ?" was read as not safe, "Appelez tout de suite le 15 ou le 112").
_THANKS_ALONE = compile_any(
    [
        r"^(?:(?:ok|oki|d accord|bon|ah|oh) )*(?:merci|mrc|mci|thanks)(?: (?:beaucoup|bcp|bien|infiniment|a vous|madame|monsieur))*$"
    ]
)


def _is_question_back(text: str, words: str) -> bool:
    asked = text.rstrip().endswith("?") or bool(_QUESTION_START.search(words))
    return asked and not _ABOUT_THE_QUESTION.search(words)


# After a "oui", a "mais" brings a reservation ("oui mais j'ai peur").
_RESERVATION = compile_any([r"mais|sauf|enfin|quoique|pour l instant|pour le moment|ce soir|cette nuit"])


def _unclear(text: str | None) -> str | None:
    """The normalised words, or None when the answer is empty, doubtful or carries a warning sign."""
    words = normalise(text or "")
    # The rule table only: a short answer ("jamais de la vie, j'ai mes enfants") is not what the
    # classifier was trained to read, and the hedges above already treat any doubt as a yes.
    signs = rule_signs(text or "")
    level = signs[0].level if signs else None
    if not words or _HEDGES.search(words) or (level is not None and level <= INDIRECT):
        return None
    return words


def _ask_again(
    text: str | None, words: str, answers_intake_question: bool, may_ask_again: bool, may_answer_question: bool
) -> str | None:
    """Why the question deserves asking once more, or None. Only for words without any warning sign,
    the classifier's included: the rule table alone decided what was unclear."""
    if not (may_ask_again or may_answer_question) or _STARTS_YES.search(words) or find_signs(text or ""):
        return None
    # A question about the question itself gets its reason once, then is read like any other answer.
    if _WHY_ASKED.search(words):
        return WHY_ASKED if may_ask_again else None
    if _FIGURE_OF_SPEECH.search(words):
        return FIGURE_OF_SPEECH if may_ask_again else None
    if _THANKS_ALONE.search(words):
        return THANKED if may_ask_again else None
    if may_answer_question and _is_question_back(text or "", words):
        return QUESTION_BACK
    return ANSWERS_INTAKE_QUESTION if answers_intake_question and may_ask_again else None


# A clear no taken back ("en fait si, des fois j'y pense", "je vous ai menti"). Said at any later time,
# only a confession or the question's own words ("des fois j'y pense", the thinking_of_it sign) take it back.
_TAKEN_BACK_ANY_TIME = compile_any([r"je vous ai menti|j ai dit non mais|j ai pas ose (vous )?dire oui"])
# Where the message can only be about the question (right after the clear no, or with distress words),
# "en fait si", "si en fait", "oui en fait", "bon si" take it back too: "si" contradicts a no, and "en fait",
# "finalement", "quand même" correct it. Later, the same words may correct another answer ("avez-vous des
# salariés ?" "non" ... "en fait si").
_SOFTENERS = r"(?:en fait|enfin|finalement|a vrai dire|honnetement|en vrai|quand meme|pour etre honnete|c est vrai)"
_FILLERS = r"(?:(?:euh|ben|bah|bon|hum+|mais|ah|oh) )*"
_TAKEN_BACK_HERE = compile_any(
    [
        rf"^{_FILLERS}(?:{_SOFTENERS}( ,)? )?(?:si|si si)(?: {_SOFTENERS})?$",
        rf"^{_FILLERS}{_SOFTENERS}( ,)? (?:si|oui|ouais|ouai)\b",
        rf"^{_FILLERS}(?:si|oui|ouais|ouai)( ,)? {_SOFTENERS}$",
        r"^(?:je me suis trompee?|j ai menti|je mentais|c etait faux|(c est|c etait) pas (tout a fait )?vrai)$",
        # "je vous fais pas un dessin", "vous avez compris" right after the no (round 5 replays: then "j'ai tout sous
        # la main", read as the deadline): the meaning is left to be guessed, which is no clear no.
        r"^(?:je (?:ne )?vous fais pas (?:un|de) dessin|(?:vous avez|vous aviez) (?:bien |tres bien )?compris|"
        r"vous voyez (?:bien )?ce que je veux dire|a votre avis|devinez|a (?:votre|vous) de deviner)\b",
    ]
)
THINKING_OF_IT_RULE = "ambiguous_thinking_of_it"


def takes_back_a_clear_no(text: str | None, *, about_the_question: bool = False) -> bool:
    """After a clear no to the direct question, a message that takes it back: the crisis path.

    `about_the_question`: the message can only be about the direct question (it comes right after the
    clear no, or it carries distress words), so that a bare "en fait si" takes the no back."""
    words = normalise(text or "")
    if about_the_question and _TAKEN_BACK_HERE.search(words):
        return True
    if _TAKEN_BACK_ANY_TIME.search(words):
        return True
    return any(sign.rule == THINKING_OF_IT_RULE for sign in rule_signs(text or ""))


def answer_to_suicide_question(
    text: str | None,
    intent: str | None = None,
    *,
    may_ask_again: bool = False,
    answers_intake_question: bool = False,
    may_answer_question: bool = False,
) -> str:
    """CLEAR_NO only for a plain no without doubt and without a warning sign; one of ASK_AGAIN when
    `may_ask_again` (or `may_answer_question`, for a question asked back) and the answer was to something
    else; else NOT_CLEAR_NO."""
    if text and text.startswith("/"):
        return CLEAR_NO if text.strip() == "/deny" else NOT_CLEAR_NO
    words = _unclear(text)
    if words is None:
        return NOT_CLEAR_NO
    if _STARTS_NO.search(words) or _DENIED_ANYWHERE.search(words) or (intent == "deny" and len(words.split()) <= 4):
        return CLEAR_NO
    return _ask_again(text, words, answers_intake_question, may_ask_again, may_answer_question) or NOT_CLEAR_NO


def reassures_safety(text: str | None) -> bool:
    """ "ouais ça va je vais pas faire de bêtise": a word on one's safety, whatever question it comes at (at the
    callback offer it is no yes to the call). False when the words carry doubt or a warning sign."""
    words = _unclear(text)
    return words is not None and bool(_SAFE_NEGATED.search(words)) and not _SAFETY_HOPE.search(words)


# Someone close answering about the person at risk ("je pense oui, il est sur un chantier", "elle est avec son copain
# ce soir", round 5): where the person is, or a yes they cannot be sure of. Such a relative is not told "Appelez tout de
# suite le 15" but where to turn at the least doubt; nothing alarming may be said with it.
_ABOUT_SOMEONE_ELSE = compile_any(
    [r"^(?:mais |non )?(?:c est |c |ce n est |ce n )?pas (?:moi|de moi)|^moi (?:oui|ca va|je vais bien)"]
)
_WHEREABOUTS = compile_any(
    [
        # "il est à la boucherie", "elle devrait être à l'atelier", "il est avec son fils" (round 5's replays): a place
        # or company said; anything alarming said with it is read by _ALARMING first.
        r"(?:il|elle|ils|elles|lui) (?:est|sont|etait|doit etre|devrait etre|serait|bosse|travaille|dort) "
        r"(?:encore |toujours |la |en ce moment |normalement |bien )?(?:a la|au|aux|a l|chez|sur|avec|en|dans (?:son|sa|ses|le|la))\b"
    ]
)
_HEDGED_YES = compile_any(
    [
        r"^(?:je (?:pense|crois)|il me semble|normalement|a priori|en principe|j espere)(?: que)? oui|"
        r"^oui,? (?:je (?:pense|crois)|il me semble|normalement|a priori|j espere)$"
    ]
)
_ALARMING = compile_any(
    [
        r"\bseule?\b|injoignable|(?:ne )?repond (?:pas|plus)|sais pas ou|(?:est|a) (?:parti|partie|disparu|disparue)|"
        r"enferme|n arrive (?:pas|plus) a (?:le|la|les) joindre|peur|inquiet|inquiete|bu|boit|alcool|arme|fusil|corde|"
        r"cachets|medicaments|medocs|pont|voiture|danger|bout du rouleau|au plus mal|en crise|en pleurs|au fond du trou|"
        r"(?:je l ai|j l ai|on l a) (?:pas|plus) (?:eu|eue|vu|vue)|pas de nouvelles|sans nouvelles"
    ]
)


def _relative_unsure(text: str | None, about_someone_else: bool) -> bool:
    """A relative's answer that is neither a clear yes nor alarming: where the person is, or a hedged yes."""
    words = normalise(text or "")
    if not words or rule_signs(text or "") or _ALARMING.search(words) or _STARTS_NO.search(words):
        return False
    if not (about_someone_else or _ABOUT_SOMEONE_ELSE.search(words)):
        return False
    return bool(_WHEREABOUTS.search(words) or _HEDGED_YES.search(words))


def _yes_questioned(text: str) -> bool:
    """ "oui ?", "ça va aller ?": the answer itself is a question. A question after a plain answer is another matter
    ("oui évidemment, je suis pas suicidaire ! on peut parler de l'urssaf ?", round 4: read as not safe)."""
    first = re.match(r"[^.!?]*[.!?]*", text.strip())
    return first is not None and "?" in first.group()


def answer_to_safety_question(
    text: str | None,
    intent: str | None = None,
    *,
    may_ask_again: bool = False,
    answers_intake_question: bool = False,
    may_answer_question: bool = False,
    about_someone_else: bool = False,
) -> str:
    """SAFE only for a plain yes without doubt, reservation or warning sign; one of ASK_AGAIN when
    `may_ask_again` (or `may_answer_question`, for a question asked back) and the answer was to something
    else; UNSURE when someone close (`about_someone_else`, or said in the answer) tells where the person is or
    hedges a yes, without anything alarming; else NOT_SAFE."""
    if text and text.startswith("/"):
        return SAFE if text.strip() == "/affirm" else NOT_SAFE
    words = _unclear(text)
    if words is None:
        return UNSURE if _relative_unsure(text, about_someone_else) else NOT_SAFE
    doubtful = _yes_questioned(text or "") or bool(_SAFETY_HOPE.search(words))
    clear = not doubtful and not _RESERVATION.search(words)
    if clear and (_SAFE_NEGATED.search(words) or _STARTS_YES.search(words)):
        return SAFE
    if clear and intent == "affirm" and len(words.split()) <= 3:
        return SAFE
    if _relative_unsure(text, about_someone_else):
        return UNSURE
    if _STARTS_NO.search(words) or _RESERVATION.search(words):
        return NOT_SAFE
    return _ask_again(text, words, answers_intake_question, may_ask_again, may_answer_question) or NOT_SAFE
