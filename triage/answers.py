"""The artisan's answers to the two crisis questions, written freely or tapped.

Plain Python, so that the actions and the tests read them the same way::

    from triage.answers import answer_to_suicide_question, answer_to_safety_question

    answer_to_suicide_question("non pas du tout")  # "clear_no": back to the conversation
    answer_to_suicide_question("des fois")  # "not_clear_no": the crisis path
    answer_to_safety_question("oui ça va")  # "safe"
    answer_to_safety_question("pas vraiment")  # "not_safe": emergency numbers again, a human
    answer_to_safety_question("je sais pas")  # "not_safe": not knowing is read as the warning it may be
    answer_to_safety_question("ok", may_ask_again=True)  # "acknowledged" (round 16): the numbers heard; asked again

Prevention guidelines: after "pensez-vous au suicide ?", anything but a clear no (silence, "je sais
pas", "peut-être", "parfois", another subject) is taken as a yes. After "êtes-vous en sécurité ?",
anything but a clear yes is taken as not safe: a hope ("ça va aller", "on verra") or a yes asked back
("ça va aller ?", "oui ?") is not one. Unsure (round 9), never "not safe", when nothing alarming is said: a yes with a
doubt of knowledge ("oui je crois"), another subject ("je veux juste savoir pour l'urssaf"), the question refused, the
3114 to be called ("ok merci, je vais appeler le 3114"); the emergency numbers are still given with a true reply. A clear
"je ne suis pas en danger" followed by where, when or what was meant is safe.

Asked once more, never read at once (``may_ask_again``, the first time only): an answer to the intake
question asked just before (``answers_intake_question``: "depuis décembre", "à Calais"; the caller reads
it with intake.answers.is_intake_answer, and counts a difficulty told instead, "l'urssaf me réclame 3 trimestres"), a question about the question ("pourquoi vous me demandez
ça ?"), "c'est une façon de parler" or thanks alone ("merci", for the numbers just given). The second time, anything but a clear answer is read as above.
A question asked back ("vous êtes un robot ?", "c'est confidentiel ?") is no answer at all: it gets an
honest short answer and the question again (``may_answer_question``, the first two answers). A hedge or a
warning sign is never asked again.
"""

from __future__ import annotations

import re

from triage.distress import (
    EXPLICIT,
    INDIRECT,
    close_people_named,
    find_signs,
    rule_signs,
    someone_present,
    speaks_of_someone_else,
)
from triage.engine import detect_overwhelm, names_a_difficulty
from triage.normalise import normalise
from triage.rules import compile_any, rules

CLEAR_NO, NOT_CLEAR_NO = "clear_no", "not_clear_no"
SAFE, NOT_SAFE, UNSURE = "safe", "not_safe", "unsure"
# A refusal to answer the direct question ("je veux pas parler de ça", round 9, r9b-24): no clear no, no confidence
# either; the action respects it with the numbers and records it as a clear no for the dialogue (domain values).
DECLINED = "declined"
# Readings that ask the question once more (the first time only), each with its own kind word first.
ANSWERS_INTAKE_QUESTION, WHY_ASKED, FIGURE_OF_SPEECH = "answers_intake_question", "why_asked", "figure_of_speech"
QUESTION_BACK = "question_back"
THANKED = "thanked"
# "ok", "d'accord" right after the crisis numbers (round 16): the numbers acknowledged, nothing said of safety.
ACKNOWLEDGED = "acknowledged"
# Round 17 (r17b-08, r17b-06): at the safety question, the helplines refused with nothing said of safety ("votre 3114
# je l'appellerai pas"), or the earlier no said again ("mais j'ai dit non !"): the refusal or the no heard, and the
# safety question once more (their words: actions/crisis_actions.py), never "not safe" nor the intake at once.
NUMBERS_REFUSED, NO_SAID_BEFORE = "numbers_refused", "no_said_before"
ASK_AGAIN = (
    ANSWERS_INTAKE_QUESTION,
    WHY_ASKED,
    FIGURE_OF_SPEECH,
    QUESTION_BACK,
    THANKED,
    ACKNOWLEDGED,
    NUMBERS_REFUSED,
    NO_SAID_BEFORE,
)

# Doubt, "sometimes", "a little", "not really": never a clear answer.
_HEDGES = compile_any(
    [
        # "je sais pas pourquoi j'ai écrit ça" doubts the words written, not the answer (round 5: "euh oui je suis chez
        # moi. je sais pas pourquoi j'ai ecrit ca" was read as not safe: "Appelez tout de suite le 15").
        r"(?:je (ne )?sais (pas|plus)|je sais pas|sais pas|je ne sais|chais pas)(?! (pourquoi|ce qui m a pris))|"
        r"j en sais rien|aucune idee(?! (?:noire|suicidaire|de suicide|de ce genre|de ce type|comme ca))",
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
        # "mourir non, mais disparaître oui": a yes to something close, after the no.
        r"mais (?:disparaitre|partir|m en aller|dormir|en finir|tout arreter|tout lacher|ne plus (?:me )?reveiller|"
        r"ne plus etre la|plus etre la|y penser)(?: \w+){0,2} (?:oui|ouais|si)\b|"
        r"mais (?:maintenant|en ce moment|ces temps ci|depuis (?:peu|quelques (?:jours|semaines|mois)|hier|la))",
        # Round 28: a no limited in time ("non pas pour l'instant", "je pense pas au suicide pour le moment", "non, pas
        # ce soir") leaves the thought open for later: no clear no. Not a time that goes on to the business ("non, pour
        # l'instant je cherche un délai").
        # Round 35: "j'ai pas d'idées noires pour l'instant", "pas ce genre d'idées pour le moment": the thoughts named.
        r"\b(?:non|nan|pas|suicide|me suicider|me tuer|en finir|mourir|noires?|suicidaires?|idees?|pensees?)(?: ,)? "
        r"(?:pas )?(?:pour l instant|pour le moment|"
        r"pour aujourd hui|ce soir|aujourd hui|maintenant|a l heure actuelle|dans l immediat)$",
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
        r"(?:je |j )?(?:ne |n )?(?:pense|songe|ai (?:jamais|pas) (?:pense|songe)) (?:pas |jamais |absolument pas |pas du tout )?"
        # Round 33 (r33-e): "non je pense pas à me faire du mal, je suis juste crevée" at the safety question: "Appelez
        # tout de suite le 15". Hurting oneself denied in the question's sense is the same clear no.
        r"(?:au suicide|a me suicider|a me tuer|a mourir|a en finir)|"
        r"(?:je |j )?(?:ne |n )?(?:pense|songe) (?:pas|jamais|absolument pas|pas du tout) "
        r"(?:a me faire (?:du |de )?mal|a me blesser|a faire (?:une |des )?(?:betises?|connerie|conneries))|"
        r"(?:je |j )?(?:ne )?suis (?:pas|absolument pas) suicidaire|"
        # Round 9 (r9b-13): "non je ne veux pas me suicider, je suis juste fatiguée" said unprompted got the question.
        r"(?:je |j )?(?:ne )?(?:veux|vais|compte|voudrais) (?:pas|jamais|absolument pas) "
        r"(?:me suicider|me tuer|mourir|en finir|me foutre en l air|mettre fin a mes jours)",
        # Held-out v24 (2026-12-05), read as no clear no: "mais pas d'idées noires hein", "je ne pense à rien de grave",
        # "pas de suicide", and a relative's "il n'a jamais évoqué de mourir".
        r"\b(?:pas|aucune?|jamais eu) (?:d |de |d aucune )?idees? (?:noires?|suicidaires?|de suicide)|"
        r"\bpas (?:de |d )suicide\b|(?:je |j )?(?:ne |n )?pense a rien de (?:grave|mal|dangereux)\b|"
        # Round 35 (make run, r35-g): "non j'ai pas ce genre d'idées, c'est juste que je suis crevé" at the safety question
        # (asked after "bof"): "Appelez tout de suite le 15". The question's thoughts named by a pointer are the same no.
        r"\b(?:(?:j )?ai (?:pas|jamais eu|aucune?)|pas|aucune?|jamais eu) (?:de |d )?(?:ce genre|ce type|cette sorte) "
        r"(?:d |de )(?:idees?|pensees?)\b|\b(?:pas|aucune?) (?:d |de )?(?:idees?|pensees?) (?:comme ca|de ce genre|de ce type)\b|"
        r"\b(?:il|elle) (?:n a|a) jamais (?:evoque|parle|dit|mentionne|laisse entendre)\w* (?:de |d |qu il voulait |"
        r"qu elle voulait )?(?:vouloir )?(?:mourir|la mort|le suicide|se suicider|en finir|se tuer)(?! (?:avant|jusqu|sauf|mais))|"
        # After the topic said first ("mourir, il n'en a jamais parlé", "le suicide, elle n'en parle jamais").
        # "... avant hier soir", "... sauf une fois": never until something said.
        r"^(?:il|elle) n en (?:a jamais (?:parle|dit un mot)|parle jamais)\b(?! (?:avant|jusqu|sauf|mais))",
        # Round 20 (v26-d-114): "je précise, jamais il n'a parlé de mourir ni rien de ce genre, il est juste à bout", a
        # wife about her husband: "jamais" first is the same no.
        r"\bjamais (?:il|elle) (?:n )?(?:a|ne m a|m a) (?:evoque|parle|dit|mentionne|laisse entendre)\w* (?:de |d |qu il "
        r"voulait |qu elle voulait )?(?:vouloir )?(?:mourir|la mort|le suicide|se suicider|en finir|se tuer)"
        r"(?! (?:avant|jusqu|sauf|mais))",
        # Round 21 (r21x-15): "je veux dire fermer la boîte hein, pas autre chose": what "tout arrêter" meant, the business,
        # with the other meaning ruled out in so many words. Never the business named alone ("je veux dire la boîte").
        r"^(?:(?:non|nan|mais|euh|ah|oh|bah|ben|bon|enfin|attendez|attends|pardon) )*(?:je veux dire|je voulais dire|"
        r"(?:je |j |j)parl(?:ais|e) de|c est|c etait|je pensais a|je pense a)(?: \w+){0,3} (?:la |ma |l |mon |le |notre )?"
        r"(?:boite|entreprise|societe|activite|affaire|commerce|atelier|boutique|metier|taf|boulot|sas|sarl|ei|micro|"
        r"auto entreprise|job)\b(?: \w+){0,4} (?:pas autre chose|rien d autre|pas (?:de )?moi|pas ma vie|"
        r"pas (?:dans )?(?:ce|cet|l autre) sens|pas ce que vous (?:croyez|pensez|imaginez)|pas ca|pas de betise|"
        # Round 22 (r22a-15): "je parle de mon commerce, pas de ça": the business meant, the other sense ruled out.
        r"pas (?:de |d )(?:ca|cela|moi|ma vie|ce truc|ces (?:trucs|choses)|ce que vous (?:croyez|pensez|dites)))\b"
        r"(?!.*\b(?:mais|quoique|enfin|sauf|des fois|parfois)\b)",
    ]
)
_STARTS_YES = re.compile(
    # "moi oui, c'est pas de moi qu'on parle": a relative safe, writing about someone else (round 4).
    # Round 18 (r18b-17): "là oui, mon mari est à côté": "là" (now) before the yes.
    r"^(?:(?:ah|oh|euh|bah|ben|moi|la) )*(?:oui|ouais|ouai|oue|ouaip|wi|yes|ok|okay|d accord|daccord|ca va|"
    r"je suis en securite|en securite|je vais bien|tout va bien|je suis chez moi|je suis a la maison|"
    r"je suis chez (?:ma|mon|mes|des|un|une|nous|eux|elle|lui)|je suis avec (?:ma|mon|mes|des|quelqu un)|pas de danger|je ne suis pas en danger|je suis pas en danger)"
    r"(?![a-z0-9])"
)
# Safe said with a negation: "non, je ne suis pas en danger", "je ne vais rien faire".
_SAFE_NEGATED = compile_any(
    [
        r"(?:ne )?suis pas en danger|pas de danger|ne risque rien|risque rien|"
        r"(?:ne )?vais rien (?:me )?faire|(?:ne )?ferais? rien|(?:ne )?ferais? pas de (?:betise|connerie)s?|"
        r"(?:ne )?vais pas (?:me faire du mal|passer a l acte|faire de betises?|faire de conneries?)"
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


# Round 16 (r16b-02, r16b-08, r16b-13): "ok", "ok merci", "d'accord", "oké", "ok ok" to "Êtes-vous en sécurité en ce
# moment ?", right after the crisis numbers, was read as a yes ("Je suis soulagé de le lire"). It acknowledges the
# numbers and says nothing of safety: the question once more, plainly; "ok" again is unsure. A yes said with it ("ok
# oui", "ok ça va", "d'accord je suis chez moi") is read as before.
_ACK_WORD = (
    r"(?:ok|okay|okey|oke|okai|oki|okk|okok|k|kk|d accord|daccord|d acc|dac|dacc|dak|entendu|compris|bien compris|"
    r"j ai compris|je vois|vu|note|bien note|c est note|c note|je note|j ai note|j ai bien note|ca marche|ca roule|"
    r"bien recu|recu|tres bien|parfait|super|top|cool|nickel)"
)
_ACK_EXTRA = (
    r"(?:merci|mrc|mci|thanks|beaucoup|bcp|bien|infiniment|a vous|ah|oh|bon|alors|euh|ben|bah|"
    r"pour (?:les|ces|le|vos) (?:numeros?|infos?|informations?|conseils?)|pour l info)"
)
_ACKNOWLEDGED = re.compile(rf"^(?:{_ACK_EXTRA} )*{_ACK_WORD}(?: (?:{_ACK_WORD}|{_ACK_EXTRA}))*$")


def acknowledges_only(text: str | None) -> bool:
    """ "ok", "ok merci", "d'accord", "oké", "ok ok", "ok c'est noté": the last words acknowledged, nothing else said
    (no yes, no no, no doubt). Thanks alone ("merci") are no acknowledgement word: read as before (THANKED)."""
    if not text or text.startswith("/"):
        return False
    return bool(_ACKNOWLEDGED.match(normalise(text)))


def _is_question_back(text: str, words: str) -> bool:
    asked = text.rstrip().endswith("?") or bool(_QUESTION_START.search(words))
    return asked and not _ABOUT_THE_QUESTION.search(words)


# After a "oui", a "mais" brings a reservation ("oui mais j'ai peur").
_RESERVATION = compile_any([r"mais|sauf|enfin|quoique|pour l instant|pour le moment|ce soir|cette nuit"])


# The question said back, then denied: "me suicider ? non, jamais, c'est pas mon genre" (development v12 through the
# bot: its "me suicider" was read as the answer's own warning sign, and a clear no took the crisis path).
# Held-out v25 (2026-12-05): the topic fronted, one or several words, before the no ("Mourir, non, pas du tout", "me
# blesser, me tuer, non, rien de ça", a relative's "mourir, jamais elle n'en parle") was read as no clear no.
_SAID_BACK_DENIED = re.compile(
    r"^(?:(?:moi|quoi|hein|euh|ah|oh) )*(?:(?:me (?:suicider|tuer|foutre en l air|supprimer|blesser|faire du mal|"
    r"faire mal)|se (?:suicider|tuer|faire du mal)|(?:le |au )?suicide|mourir|la mort|penser au suicide|y penser|"
    r"mettre fin a mes jours|en finir)(?: moi)? )+(?=(?:non|nan|jamais|pas du tout|absolument pas|certainement pas|"
    r"surtout pas|pas question|(?:il|elle) n en (?:a jamais|parle jamais))\b)"
)


# The person asked about said back, then the answer ("ma mère ? jamais de la vie, elle a ses petits-enfants", round 19,
# r19b-10: read as no clear no): the answer is what follows the question mark.
_PERSON_SAID_BACK = re.compile(
    r"^\s*(?:(?:quoi|hein|euh|ah|oh|mais)\s+)*(?:(?:ma|mon|notre)\s+[^\W\d_]+(?:[- ][^\W\d_]+)?|lui|elle|il|maman|papa)\s*\?+\s*(?=\w)",
    re.IGNORECASE,
)


def _person_said_back(text: str | None) -> str | None:
    match = _PERSON_SAID_BACK.match(text or "")
    return text[match.end() :] if match and text else text


def _unclear(text: str | None) -> str | None:
    """The normalised words, or None when the answer is empty, doubtful or carries a warning sign."""
    text = _person_said_back(text)
    words = normalise(text or "")
    said_back = _SAID_BACK_DENIED.match(words)
    if said_back:
        # The denial is the answer: what follows it is read, not the question's own words.
        words = words[said_back.end() :]
        text = words
    # The rule table only: a short answer ("jamais de la vie, j'ai mes enfants") is not what the
    # classifier was trained to read, and the hedges above already treat any doubt as a yes.
    signs = rule_signs(text or "")
    level = signs[0].level if signs else None
    hedged = any(not _doubt_about_the_business(words, hedge) for hedge in _HEDGES.finditer(words))
    if not words or hedged or (level is not None and level <= INDIRECT):
        return None
    return words


# Doubt about a fact of the business ("le mandataire dit qu'on sera payé dans deux ans peut-être", 2026-12-05, make run:
# read as no clear no, the crisis path and a case at critique): "peut-être" late in a clause telling a difficulty
# qualifies the difficulty, not the answer. The message then answers something else (asked once more). A doubt that
# opens the answer, or a "parfois", "des fois", "j'y pense", is always about the question.
# "pas sûr que je tienne" doubts one's own holding on: never set aside.
_UNCERTAIN = re.compile(r"^(?:peut etre|p etre|probablement)$")
_WORDS_BEFORE_A_BUSINESS_DOUBT = 4


def _doubt_about_the_business(words: str, hedge: re.Match[str]) -> bool:
    before = words[: hedge.start()].split()
    if not _UNCERTAIN.match(hedge.group(0)) or len(before) < _WORDS_BEFORE_A_BUSINESS_DOUBT:
        return False
    if _FIRST_PERSON.search(" ".join(before[-_WORDS_BEFORE_A_BUSINESS_DOUBT:])):
        return False  # "je vais peut-être craquer": a doubt about oneself
    return names_a_difficulty(words) and not detect_overwhelm(words) and not find_signs(words)


_FIRST_PERSON = re.compile(r"\b(?:je|j|me|m|moi|jvais|jsuis)\b")


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
    if _taken_lightly_kind(text) == "why":
        # Round 12 (r12c-05): "pourquoi vous me demandez ça ?? j'ai parlé de mes factures" at the direct question was
        # read as a disclosure (crisis numbers, "merci de me l'avoir confié", the case critique). The question
        # questioned with more words and nothing of danger gets its reason and the question once more, as a bare one.
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


# Round 17 (r17b-06): "mais j'ai dit non !", "je vous ai déjà répondu non": the no said to the direct question, said
# again. Never a no said to someone else ("j'ai dit non à la banque").
_NO_SAID_BEFORE = re.compile(
    r"^(?:(?:mais|ben|bah|bon|euh|hein|enfin|puisque|non|nan) )*(?:je vous |j vous |je t |j |je )(?:l )?(?:ai|avais) "
    r"(?:deja |bien |pourtant |clairement )*(?:dit|repondu|ecrit|mis) (?:que )?(?:non|nan|pas du tout|jamais)\b"
    r"(?! (?:a|au|aux|pour|a la|a l)\b)"
)


def says_no_said_before(text: str | None) -> bool:
    """ "mais j'ai dit non !", "je vous ai déjà répondu non": an earlier no said again."""
    return bool(text) and bool(_NO_SAID_BEFORE.search(normalise(text or "")))


# Round 17 (r17b-06): "pourquoi vous me demandez ça ? non j'ai des gosses": the question questioned, then answered in the
# same message; the answer after the question mark was dropped (the question asked again, then the crisis path).
def _answer_after_why(text: str | None) -> str | None:
    """The words after a question about the question ("pourquoi vous me demandez ça ? <answer>"), or None."""
    if not text or "?" not in text:
        return None
    first, rest = text.split("?", 1)
    words = normalise(first)
    rest = rest.strip(" ?!.,")
    if not rest or not words or not (_WHY_ASKED.search(words) or _WHY_FIRST.search(words)):
        return None
    return rest


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


# Round 26 (issue 13): "oui" to "Êtes-vous en sécurité en ce moment ?", then "en fait non", "enfin non pas vraiment" as
# the next message: the yes corrected, so not safe. Only a no with a word that corrects ("en fait", "enfin",
# "finalement", "à vrai dire") or a confession: a bare "non" or "pas vraiment" there answers the callback offer asked
# after the yes.
_ENFAIT = r"(?:en fait|enfait|enfin|finalement|a vrai dire|en vrai|pour etre honnete)"
_SAFE_TAKEN_BACK = compile_any(
    [
        rf"^{_FILLERS}(?:(?:bof|hum+) )?{_ENFAIT}( ,)? (?:non|nan|nn|pas vraiment|pas trop|pas tellement|pas du tout|pas tant que ca)"
        r"(?:( ,)? (?:pas vraiment|pas trop|pas du tout|pas tellement|non))?(?: {_ENFAIT})?"
        r"(?:( ,)? (?:je (?:ne )?sais pas|je crois pas|je pense pas|je suis pas (?:en securite|bien)|ca va pas))?$",
        rf"^{_FILLERS}(?:non|nan|nn|pas vraiment|pas trop|pas du tout)(?:( ,)? (?:pas vraiment|pas trop|pas du tout))?( ,)? {_ENFAIT}$",
        r"^(?:(?:en fait|enfin) )?(?:j ai menti|je vous ai menti|je mentais|c etait (?:pas vrai|faux)|j ai dit oui mais (?:c est )?non)$",
    ]
)


def takes_back_safe(text: str | None) -> bool:
    """Right after a yes to the safety question, a message that takes it back ("en fait non", "enfin non pas vraiment",
    "non en fait", "j'ai menti"): not safe. A bare "non" is not one (it answers the question asked after the yes)."""
    return bool(text) and not (text or "").startswith("/") and bool(_SAFE_TAKEN_BACK.search(normalise(text or "")))


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
    if _no_of_something_else(words):
        # Round 18 (r18b-02): "non pas de date précise", the no of an intake question, said at this one: asked once
        # more, then anything but a clear no is read as one would read it.
        return ANSWERS_INTAKE_QUESTION if may_ask_again else NOT_CLEAR_NO
    if _STARTS_NO.search(words) or _DENIED_ANYWHERE.search(words) or (intent == "deny" and len(words.split()) <= 4):
        return CLEAR_NO
    if _NO_SAID_BEFORE.search(words):
        return CLEAR_NO
    after_why = _answer_after_why(text)
    if after_why is not None and answer_to_suicide_question(after_why) == CLEAR_NO:
        return CLEAR_NO
    if declines_to_talk(text) and not _WORRY.search(words):
        # Round 9 (r9b-24): "je veux pas parler de ça" got "Merci de me l'avoir confié" and the whole crisis block.
        return DECLINED
    return _ask_again(text, words, answers_intake_question, may_ask_again, may_answer_question) or NOT_CLEAR_NO


# Round 18 (r18b-10, r18b-17): at the direct question, the thoughts said to come ("des fois j'y pense mais je ferais
# rien", "c'est arrivé, une ou deux fois, la nuit", "oui, souvent"): a yes, which the case says in so many words. A
# doubt ("peut-être", "je sais pas") is no yes, however it is read on the crisis path.
_ADMITTED = compile_any(
    [
        r"^(?:(?:euh|ben|bah|bon|ah|oh|en fait|enfin|honnetement|franchement|a vrai dire|pour etre honnete) )*"
        r"(?:oui|ouais|ouai|si|yes|bien sur|evidemment)\b",
        r"\b(?:des fois|parfois|souvent|de temps en temps|de temps a autre|quelquefois|tous les jours|tout le temps|"
        r"chaque (?:jour|nuit|soir)|une fois|deux fois|une ou deux fois|plusieurs fois|(?:deux|trois) ou (?:trois|quatre) fois|"
        r"de plus en plus)\b",
        r"\b(?:ca|il|c) (?:m )?(?:arrive|arrivait|est arrive|est deja arrive)\b",
        r"\bj y (?:ai )?(?:deja )?(?:pense|songe)\b(?! (?:pas|jamais|plus)\b)",
        # Round 19 (r19z-08): "ça m'a traversé l'esprit oui" was stored "pas un non clair": the thought came, a yes.
        r"\b(?:ca|cela|l idee|cette idee|ce genre d idees?|ces idees)(?: m| me| m est| m a)? (?:a |est |sont )?"
        r"(?:deja |bien |parfois |souvent |quelquefois |des fois |une fois )?(?:traverse|effleure|passe par la tete|"
        r"passe par l esprit|venue? a l esprit|venues? a l esprit|venue? en tete)\b",
    ]
)
_NOT_ADMITTED = compile_any(
    [
        r"\bjamais\b(?!.*\bmais\b)|peut etre|je (?:ne )?sais (?:pas|plus)|je sais pas|sais pas|j en sais rien|"
        r"pas vraiment|pas trop|pas tellement|pas encore|pas sur|pas sure|possible|ca depend"
    ]
)


def admits_thoughts(text: str | None) -> bool:
    """The answer to "pensez-vous au suicide ?" says the thoughts come: a yes, "des fois", "ça m'est arrivé", "j'y ai
    pensé". Never a doubt, a no or a refusal."""
    if not text or text.startswith("/"):
        return text is not None and text.strip() == "/affirm"
    words = normalise(text)
    return bool(words) and bool(_ADMITTED.search(words)) and not _NOT_ADMITTED.search(words)


# Round 18 (r18b-02): a no that says what it denies, and what it denies is the intake's subject ("non pas de date
# précise", "non, aucune échéance", "non pas de salariés"), not the thoughts asked about.
_NO_OF_SOMETHING_ELSE = compile_any(
    [
        r"^(?:(?:ah|oh|euh|bah|ben) )*(?:non|nan|nn)(?: ,)? (?:pas|aucune?|plus|toujours pas|jamais eu) (?:de |d |du |des )?"
        r"(?:(?:vraie?|autre|nouvelle|nouveau) )?(?:date|dates|echeance|echeances|delai|delais|rendez vous|rdv|audience|"
        r"salaries?|employes?|apprentis?|associee?s?|dettes?|credits?|prets?|factures?|courriers?|lettres?|huissiers?|"
        r"montants?|sommes?|chiffres?|procedures?|jugements?|convocations?|reponse|nouvelles|mise en demeure|relance)\b"
    ]
)


def _no_of_something_else(words: str) -> bool:
    return bool(_NO_OF_SOMETHING_ELSE.search(words)) and not _DENIED_ANYWHERE.search(words)


# Round 18 (r18b-08): "euh non … enfin pourquoi vous me demandez ça" got "Merci pour votre réponse" and no reason.
_WHY_WITH_THE_NO = compile_any(
    [
        r"\b(?:pourquoi|pq|pk) (?:vous|tu) (?:me )?(?:demandez|demande|posez|pose)\b|"
        r"\bpourquoi (?:cette question|ca|cela)$|\bc est quoi cette question\b|\bquel rapport\b"
    ]
)


def asks_why_with_the_no(text: str | None) -> bool:
    """A clear no that also asks why the question was asked ("non… enfin pourquoi vous me demandez ça ?")."""
    return bool(text) and bool(_WHY_WITH_THE_NO.search(normalise(text or "")))


def denies_the_question(text: str | None) -> bool:
    """The question's own words denied ("je ne veux pas me suicider", "je pense pas au suicide"), whatever was asked."""
    return bool(text) and bool(_DENIED_ANYWHERE.search(normalise(text or "")))


def starts_with_no(text: str | None) -> bool:
    """ "non", "non j'ai dit que je voulais pas déranger": a no first, to whatever was asked."""
    return bool(text) and bool(_STARTS_NO.search(normalise(text or "")))


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
        # "elle est pas seule" (round 11, r11b-16) is company said, not someone left alone.
        r"(?<!pas )(?<!plus )(?<!jamais )\bseule?\b|injoignable|(?:ne )?repond (?:pas|plus)|sais pas ou|(?:est|a) (?:parti|partie|disparu|disparue)|"
        r"enferme|n arrive (?:pas|plus) a (?:le|la|les) joindre|peur|inquiet|inquiete|bu|boit|alcool|arme|fusil|corde|"
        r"cachets|medicaments|medocs|pont|voiture|danger|bout du rouleau|au plus mal|en crise|en pleurs|au fond du trou|"
        r"(?:je l ai|j l ai|on l a) (?:pas|plus) (?:eu|eue|vu|vue)|pas de nouvelles|sans nouvelles|"
        r"reveill\w*|respire\w*|inconscient\w*|(?:ne )?bouge (?:pas|plus)"
    ]
)


_SAFETY_DOUBTED = compile_any(
    [
        r"\b(?:sais|sait|savons|sai) (?:pas|plus|meme pas) (?:si|s il|sil|s ils|s elle|s elles) (?:est|sont|soit) "
        r"(?:en securite|en danger|bien|ok)\b"
    ]
)


def _relative_unsure(text: str | None, about_someone_else: bool) -> bool:
    """A relative's answer that is neither a clear yes nor alarming: where the person is, or a hedged yes."""
    words = normalise(text or "")
    if not words or rule_signs(text or "") or _ALARMING.search(words) or _STARTS_NO.search(words):
        return False
    if _SAFETY_DOUBTED.search(words):
        # "je sais pas s'il est en sécurité" (round 16, r16b-13): not knowing, of the person's safety itself; its "il est
        # en sécurité" is no place said.
        return False
    if someone_present(text):
        # Round 16 (r16a-09): "là il est à côté de moi devant la télé, ça va pour ce soir je pense", a wife's answer about
        # her husband, was read as not safe ("Appelez tout de suite le 15"). Someone beside the writer, at home, asleep,
        # eating is company: safe without certainty, whoever writes (the writer with someone is not alone either).
        return True
    if not (about_someone_else or _ABOUT_SOMEONE_ELSE.search(words)):
        return False
    return bool(_WHEREABOUTS.search(words) or _HEDGED_YES.search(words))


def _yes_questioned(text: str) -> bool:
    """ "oui ?", "ça va aller ?": the answer itself is a question. A question after a plain answer is another matter
    ("oui évidemment, je suis pas suicidaire ! on peut parler de l'urssaf ?", round 4: read as not safe). A yes said with
    surprise ("ben oui?? je suis chez moi") is no question (_surprised_yes)."""
    first = re.match(r"[^.!?]*[.!?]*", text.strip())
    return first is not None and "?" in first.group() and not _surprised_yes(text)


# Round 15 (r15b-05): "euh oui je suis en securite?? j'ai jamais dit que je voulais me faire du mal, je suis juste a
# bout" was read as not safe ("Appelez tout de suite le 15", the case "pas en sécurité"): its "??" is surprise, not
# doubt. Surprise is two marks ("??", "?!", "!?"), never a lone "?" ("oui ?" stays a question), and only with more words
# after it that say the yes again, where, or object; a doubt, a reservation, worry or a sign keeps the old reading.
_SURPRISE_MARKS = re.compile(r"\?\s*[?!]|!\s*\?")
# "je suis juste à bout", "chui juste crevé": what the words that worried meant, said after a denial (never alone).
_JUST_TIRED = compile_any(
    [
        r"^(?:(?:mais|non|enfin|bref) )*(?:je suis |j suis |suis )?(?:juste|simplement|seulement) (?:(?:tres|trop|un peu) )?"
        r"(?:a bout|au bout|fatiguee?|epuisee?|crevee?|claquee?|usee?|a plat|vannee?|lessivee?|debordee?|stressee?|"
        r"sur les rotules|a cran|saturee?)$"
    ]
)


def _surprised_yes(text: str) -> bool:
    first = re.match(r"[^.!?]*[.!?]*", text.strip())
    if first is None or not _SURPRISE_MARKS.search(first.group()) or not normalise(text.strip()[first.end() :]):
        return False
    pieces = [piece.strip() for piece in _pieces(text)]
    start = _STARTS_YES.search(pieces[0]) if pieces else None
    if start is None or any(sign.level <= INDIRECT for sign in rule_signs(text)):
        return False
    rest = [piece for piece in (pieces[0][start.end() :].strip(), *pieces[1:]) if piece]
    for piece in rest:
        if _HEDGES.search(piece) or _RESERVATION.search(piece) or _WORRY.search(piece) or _DANGER_WORDS.search(piece):
            return False
        if _SAFETY_HOPE.search(piece):
            return False
        if not (
            _STARTS_YES.search(piece)
            or _SAFE_NEGATED.search(piece)
            or _WHERE_OR_WHEN.search(piece)
            or _OBJECTION.search(piece)
            or _EXPLANATION.search(piece)
            or _JUST_TIRED.search(piece)
        ):
            return False
    return bool(rest)


# What follows a yes to "êtes-vous en sécurité ?" when it only questions the question or says it was misread (round 7,
# r7a-12: "euh oui je suis en sécurité, pourquoi vous me demandez ça ? je parlais de l'argent du promoteur" was read as
# not safe, "Appelez tout de suite le 15", and the case said "pas en sécurité"). A yes with an objection is a yes.
_OBJECTION = compile_any(
    [
        r"(?:pourquoi|pq|pk)(?: (?:vous|tu) (?:me )?(?:demandez|demande|posez|pose|dites|dis)| cette question| ca| donc)?",
        r"qu est ce qui vous (?:fait|prend)|c est quoi cette question|(?:drole|bizarre|curieuse|etrange) (?:de |comme )?question|"
        r"quelle question|quel rapport|aucun rapport|rien a voir",
        r"(?:je|on) (?:vous )?(?:parlais|parle|parlait|parlions|parlai) (?:de|du|des|d)|il s agissait (?:de|du|des|d)|"
        r"(?:c etait|c est) (?:pour|au sujet de) (?:l argent|la boite|l entreprise|mon entreprise|ma boite|le boulot)",
        r"(?:vous avez|avez vous|t as|tu as) (?:bien )?(?:lu|compris)|vous (?:m )?avez mal (?:lu|compris)|"
        r"(?:vous avez|t as) (?:rien|pas) compris|(?:facon|maniere) de parler|(?:juste )?une (?:expression|image)|"
        r"je me suis mal exprimee?",
        r"n importe quoi|vous exagerez|(?:faut|il faut) pas exagerer|(?:ne )?vous inquietez pas|pas la peine de vous inquieter|"
        r"(?:il n y a|y a) pas de quoi (?:s inquieter|vous inquieter)",
        # Round 15 (r15b-05): "j'ai jamais dit que je voulais me faire du mal", "je vous ai pas dit ça": the harm denied,
        # or the words denied as said. Never "j'ai pas dit que j'allais bien", which denies the safety.
        r"(?:je |j )?(?:vous )?(?:n )?(?:ai|avais) (?:jamais|pas|rien) (?:dit|ecrit|parle) (?:(?:que|de|d) )?"
        r"(?:(?:je |j )?(?:voulais|voudrais|allais|vais|comptais|avais envie de|avais envie d) )?"
        r"(?:me faire du mal|me tuer|me suicider|mourir|en finir|me foutre en l air|faire (?:une |de )?(?:betise|connerie)s?|"
        r"passer a l acte|(?:du |au )?suicide|ca|cela|une chose pareille|(?:de |d )?tel)$|"
        r"(?:c est|c etait|ce n est|ce n etait) pas ce que (?:j ai dit|j ai ecrit|je voulais dire|je disais|je voulais ecrire)",
    ]
)
# Worry said next to the yes keeps it from being a clear one, whatever else is said ("oui pourquoi ? j'ai peur").
_WORRY = compile_any(
    [r"peur|angoiss\w*|pas bien|vais mal|seule?|inquiete?|craque\w*|pleure\w*|tiens plus|tenir|panique\w*"]
)


def _pieces(text: str) -> list[str]:
    """The answer cut at its punctuation and at "mais", each piece normalised."""
    pieces = [normalise(piece) for piece in re.split(r"[,;.!?\n]+", text)]
    return [part for piece in pieces for part in re.split(r"\bmais\b", piece) if part.strip()]


# Round 26 (r26a-07): "oh la pourquoi vous me parlez de ça, je vais pas me foutre en l'air hein, je dis juste que c'est
# dur" at the safety question was stored "not safe" ("Appelez tout de suite le 15"): the act denied in the writer's own
# words, now and without a limit in time, is a no to the danger and an objection to the question. Never "je vais pas me
# tuer ce soir", "pas pour l'instant", nor with fear, doubt or another sign said beside it.
_ACT_DENIED_NOW = re.compile(
    r"\b(?:je |j )?(?:ne |n )?(?:vais|compte|veux|ferai|ferais|irai|vas) (?:pas|jamais|surtout pas|quand meme pas) "
    r"(?:me (?:foutre en l air|tuer|suicider|flinguer|pendre|supprimer|faire sauter|faire du mal|faire de mal)|"
    r"en finir|(?:faire|tenter) (?:de |une |des )?(?:betises?|conneries?|connerie|truc stupide|quelque chose de grave))\b"
    r"(?! (?:ce soir|cette nuit|maintenant|aujourd hui|tout de suite|pour l instant|pour le moment|tout de suite|encore|"
    r"tout de suite|demain)\b)"
)
_ACT_DENIED_DOUBTED = re.compile(
    r"\b(?:pour l instant|pour le moment|pas encore|je sais pas|sais plus|peut etre|j ai peur|des fois|parfois|mais (?:si|bon)|"
    r"envie|tente|pense|j y pense|pas en securite|en danger)\b"
)


def denies_the_act(text: str | None) -> bool:
    """The writer denies the act itself, now ("je vais pas me foutre en l'air hein, je dis juste que c'est dur"), without
    a doubt, a fear or any other warning sign beside it: no danger said, and the question questioned."""
    if not text or text.startswith("/") or speaks_for_someone_else(text):
        return False
    words = normalise(text)
    denial = _ACT_DENIED_NOW.search(words)
    if denial is None or _ACT_DENIED_DOUBTED.search(words):
        return False
    rest = f"{words[: denial.start()]} , {words[denial.end() :]}"
    return not any(sign.level <= INDIRECT for sign in find_signs(rest)) and not _ALARMING.search(rest)


# Round 28 (r28-b-18): "quoi ?? non je pense pas du tout au suicide, c'est une expression, je voulais dire que je suis
# fatigué" at the safety question (asked because an earlier answer was no clear no) got "Appelez tout de suite le 15" and
# the case "pas en sécurité". The question's own words denied, read as the clear no it is by the direct question's reader,
# with nothing of danger, fear, a reservation or a limit in time beside it: a no to the danger as well.
_DENIAL_RESERVED = compile_any(
    [
        r"mais|sauf|quoique|pour l instant|pour le moment|pas encore|ce soir|cette nuit|des fois|parfois|"
        r"(?:pas|plus|jamais) (?:vraiment |trop |tout a fait )?en securite|en danger|pas bien|vais mal|sais pas|jsp"
    ]
)


def denies_the_thoughts_plainly(text: str | None) -> bool:
    """The writer's own clear no to the thoughts of suicide, said in the question's words ("non je pense pas du tout au
    suicide, c'est une expression"), without a hedge, a warning sign, a reservation, fear or danger beside it."""
    if not text or text.startswith("/") or speaks_for_someone_else(text):
        return False
    words = normalise(text)
    denial = _DENIED_ANYWHERE.search(words)
    if denial is None or answer_to_suicide_question(text) != CLEAR_NO:
        return False
    # "hein ? mais je ne suis pas suicidaire": a "mais" before the denial is surprise; after it, a reservation.
    return not _reserved_or_alarming(words, denial.end())


# Round 29 (r29-a-01): "mais non pas du tout cetait une expression !! je veux juste savoir si je peux payer moins de
# charges" at the safety question (asked after idioms of tiredness) was read as "non, pas en sécurité": the 15 at once,
# the case "pas en sécurité". The words that worried taken back as a way of speaking, with nothing of danger, fear, a
# reservation or a sign beside it, say no danger: safe, and a clear no to the thoughts.
_FIGURE_TAKEN_BACK = compile_any(
    [
        r"\b(?:c est|c etait|cetait|cest|ce n est|ce n etait|c etais)(?: que| qu| juste| seulement| simplement)? ?"
        r"(?:une|un) (?:expression|image|facon de parler|maniere de parler|figure de style|exageration)\b",
        r"\b(?:une |c est une |c etait une )?(?:facon|maniere) de parler\b|\bau sens figure\b|\bau figure\b",
        r"\bje (?:le )?disais (?:ca|cela) comme (?:ca|cela)\b",
        r"\b(?:pas|jamais) au (?:sens|pied de la lettre)\b|\bil (?:ne )?faut pas (?:le )?prendre au pied de la lettre\b",
    ]
)


_NO_FIRST = re.compile(
    r"^(?:(?:mais|ah|oh|bah|ben|hein|quoi|euh|enfin|mdr|lol|hahaha|haha) )*(?:non|nan|nn|pas du tout|absolument pas|"
    r"bien sur que non)\b"
)


def _reserved_or_alarming(words: str, after: int) -> bool:
    """A reservation after the denial ("mais des fois..."), a limit in time, danger, worry or fear said: no plain no."""
    return bool(
        _DENIAL_RESERVED.search(words[after:])
        or re.search(
            r"\b(?:pour l instant|pour le moment|pas encore|des fois|parfois|en danger|pas en securite)\b", words
        )
        or _ALARMING.search(words)
        or _DANGER_WORDS.search(words)
        or _WORRY.search(words)
        or _FEAR_OR_GONE.search(words)
    )


def takes_back_a_figure_of_speech(text: str | None) -> bool:
    """The writer's own words that worried taken back as a way of speaking ("non pas du tout, c'était une expression",
    "je plaisantais, je voulais dire que je suis crevée"), without a warning sign, danger, fear, a reservation or a limit
    in time: no danger said (r29-a-01). Never about someone else."""
    if not text or text.startswith("/") or speaks_for_someone_else(text):
        return False
    words = normalise(text)
    found = _FIGURE_TAKEN_BACK.search(words)
    if found is None or not _NO_FIRST.search(words) or (_JOKE.search(words) and not _NOT_JOKING.search(words)):
        # A way of speaking said alone is asked about once more (FIGURE_OF_SPEECH); a joke has its own reply
        # ("mdr non jplaisantais, c une façon de parler": round 12's joke, kept).
        return False
    return not (_reserved_or_alarming(words, found.end()) or any(sign.level <= INDIRECT for sign in find_signs(text)))


def _yes_with_objection(text: str | None) -> bool:
    """A yes said first, then only a question about the question or a word that it was misread ("oui je suis en
    sécurité, pourquoi vous me demandez ça ?", "ça va, mais vous avez lu mon message ?")."""
    pieces = _pieces(text or "")
    if not pieces:
        return False
    first = _STARTS_YES.search(pieces[0].strip())
    if first is None:
        return False
    rest = [pieces[0].strip()[first.end() :].strip(), *(piece.strip() for piece in pieces[1:])]
    rest = [piece for piece in rest if piece]
    if not rest or _WORRY.search(" ".join(rest)):
        return False
    objections = [piece for piece in rest if _OBJECTION.search(piece)]
    # The other pieces only say the yes again ("je suis chez moi"), or tell what the message was about ("je suis juste
    # à bout", after a denial: round 15, r15b-05).
    others = [piece for piece in rest if piece not in objections]
    said_again = all(
        _STARTS_YES.search(piece) or _SAFE_NEGATED.search(piece) or _JUST_TIRED.search(piece) for piece in others
    )
    return bool(objections) and said_again and not any(_RESERVATION.search(piece) for piece in others)


# Round 9 (r9a-28..30): a clear "je ne suis pas en danger" followed by more words was read as not safe ("je suis pas en
# danger ce soir, je suis chez ma soeur"; "..., je voulais dire que je serai peut-être sur un chantier à Brive lundi":
# its "peut-être" is about the building site). A safe statement first, then only where or with whom, when, the yes again,
# what earlier words meant or an objection, is a yes; worry, danger words, a hope, a reservation or a hedge of its own
# are not.
_SAFE_FIRST = re.compile(
    # "non ça va je suis en sécurité" (round 11, r11b-25: "Appelez tout de suite le 15"): the no answers a danger the
    # writer heard in the question; the safety said in so many words decides.
    r"^(?:(?:non|nan|ah|oh|euh|bah|ben|mais|alors) )*(?:(?:ca va|tout va bien) )?(?:je suis (?:bien )?en securite|"
    # Round 18 (r18b-13): "non c bon je suis chez moi": the no answers a worry, "c'est bon" and home say the rest.
    r"(?:c est bon|c bon|ca va|tout va bien|t inquiete pas|vous inquietez pas) (?:je suis|chui|j suis) "
    r"(?:chez moi|a la maison|chez nous)|"
    r"je suis a l abri|je vais bien|je (?:ne )?suis pas en danger|pas en danger|"
    r"je (?:ne )?risque rien|je (?:ne )?vais rien (?:me )?faire|je (?:ne )?ferai rien)(?![a-z0-9])"
)
_REASSURING_NO = re.compile(r"^(?:non|nan) (?:c est bon|c bon|ca va|tout va bien|t inquiete pas|vous inquietez pas)$")
_EXPLANATION = compile_any(
    [
        r"^(?:(?:non|mais|enfin|bref|et) )*(?:je (?:vous )?voulais (?:juste |simplement |seulement )?dire|"
        r"ce que je voulais dire|je (?:le )?disais (?:ca |cela )?(?:pour|parce)|c etait pour dire|"
        r"(?:je|j) (?:parlais|parle) (?:de|du|des|d))\b"
    ]
)
_WHERE_OR_WHEN = compile_any(
    [
        r"^(?:(?:et|la|ce soir|cette nuit|maintenant) )*(?:je suis|on est|nous sommes) (?:(?:ce soir|la|bien) )?"
        r"(?:chez|a la|a l|au|aux|avec|en famille|entoure|entouree)\b",
        r"^(?:ce soir|cette nuit|aujourd hui|en ce moment|maintenant|la|ici|pour ce soir|pour cette nuit)$",
    ]
)
_DANGER_WORDS = compile_any(
    [
        r"\b(?:arme|fusil|corde|cachets|medicaments|medocs|pont|alcool|bu|boit|bourre|injoignable)\b|(?<!pas )(?<!plus )\bseule?\b"
    ]
)


# Being heard complained of, alone in its piece ("vous m'écoutez pas là", "vous comprenez rien").
_NOT_LISTENED = compile_any(
    [
        r"^(?:(?:mais|non|bon|enfin|oh|ah|bah|ben|franchement) )*(?:vous|tu) (?:ne |n )?(?:m )?(?:ecoutez|ecoute|comprenez|"
        r"comprends|lisez|lis) (?:pas|rien|jamais)(?: (?:la|du tout|ce que je dis|ce que je vous dis|ou quoi|hein|enfin))*$"
    ]
)


def _safe_shape(pieces: list[str]) -> bool:
    """The pieces say a safe statement first, then only where or when, the yes again, what was meant, an objection."""
    if not pieces:
        return False
    first = pieces[0].strip()
    if len(pieces) > 1 and _REASSURING_NO.match(first):
        # "nan ça va, je suis chez moi" (round 18): read as one, as "non c bon je suis chez moi" is.
        first = f"{first} {pieces[1].strip()}"
        pieces = [first, *pieces[2:]]
    start = _STARTS_YES.search(first) or _SAFE_FIRST.search(first)
    if start is None and len(pieces) > 1 and _NOT_LISTENED.search(first):
        # Round 21 (r21x-04): "vous m'écoutez pas là. je suis en sécurité, je voulais juste savoir pour l'échéancier": the
        # complaint first, then the safety said in so many words; the complaint is no reservation.
        return _safe_shape(pieces[1:])
    if start is None:
        return False
    rest = [first[start.end() :].strip(), *(piece.strip() for piece in pieces[1:])]
    for piece in (piece for piece in rest if piece):
        if (
            _EXPLANATION.search(piece)
            or _OBJECTION.search(piece)
            or (_OTHER_SUBJECT.search(piece) and not find_signs(piece))
        ):
            continue  # its doubts are about the words it explains ("je serai peut-être sur un chantier")
        if _HEDGES.search(piece) or _RESERVATION.search(piece.replace("ce soir", "").replace("cette nuit", "")):
            return False
        if not (_WHERE_OR_WHEN.search(piece) or _STARTS_YES.search(piece) or _SAFE_NEGATED.search(piece)):
            return False
    return True


def _nothing_alarming(text: str, words: str) -> bool:
    return not (
        _yes_questioned(text)
        or _SAFETY_HOPE.search(words)
        or _WORRY.search(words)
        or _DANGER_WORDS.search(words)
        or any(sign.level <= INDIRECT for sign in rule_signs(text))
    )


def _safe_then_more(text: str | None) -> bool:
    """A clear safe statement with more words after it that add no doubt (round 9, r9a-28..30)."""
    words = normalise(text or "")
    if not words or not _nothing_alarming(text or "", words) or re.search(r"\bmais\b", words):
        return False
    pieces = _pieces(text or "")
    return _safe_shape(pieces)


# Round 22 (r22a-12, r22a-16): a yes, then the earlier words taken back, a worry about the business or a callback asked
# ("oui oui. bon oubliez ce que j'ai dit, c'est le compte qui m'inquiète", "Oui, je suis au bureau. Est-ce que quelqu'un
# peut m'appeler ce soir ?") was read as not safe and told "Appelez tout de suite le 15". Each of those pieces says
# nothing of danger; a worry counts only with its business subject named, never "j'ai peur de moi" nor "je suis seul".
_WORDS_TAKEN_BACK = compile_any(
    [
        r"^(?:(?:bon|bref|non|enfin|ben|bah|euh|et|ok) )*(?:oubliez|oublie|oubliez ca|oublie ca|laissez tomber|"
        r"laisse tomber|laissez|ne faites pas attention|faites pas attention|c etait pour rire|je disais ca comme ca|"
        r"je me suis (?:mal )?emporte|je me suis mal exprimee?)(?: (?:ce que (?:je|j) (?:vous )?(?:ai dit|ai ecrit|dis)|"
        r"ca|tout ca|ce message|mon message|la|hein))*$"
    ]
)
_BUSINESS_THING = (
    r"(?:compte|comptes|banque|banquier|urssaf|impots?|fisc|tva|dettes?|argent|treso|tresorerie|loyer|bail|factures?|"
    r"clients?|fournisseurs?|credit|pret|echeances?|boite|boutique|commerce|entreprise|affaire|activite|chantiers?|"
    r"chiffre|ca|saisie|huissier|tribunal|liquidation|redressement|cotisations?|charges|decouvert|rsi|msa|caisse)"
)
_BUSINESS_WORRY = compile_any(
    [
        r"^(?:(?:bon|bref|non|enfin|ben|bah|euh|et|juste|surtout|moi) )*(?:c est|ce qui m inquiete c est|mon souci c est|"
        r"le souci c est|le probleme c est|ce qui me stresse c est)? ?(?:(?:le|la|les|l|mon|ma|mes|ce|cette|ces|un|une) )?"
        r"(?:\w+ ){0,2}"
        + _BUSINESS_THING
        + r"(?: \w+){0,3}(?: qui| qu)? (?:m inquiete|me stresse|me preoccupe|me tracasse|"
        r"m angoisse|me pose (?:souci|probleme)|me travaille|me prend la tete|le souci|le probleme)$",
        r"^(?:(?:bon|bref|non|enfin|ben|bah|euh|et|juste|surtout|moi) )*(?:je m inquiete|je suis inquiete?|je stresse|"
        r"je me fais du souci) (?:pour|a cause de|avec) (?:(?:le|la|les|l|mon|ma|mes) )?(?:\w+ ){0,2}"
        + _BUSINESS_THING
        + r"(?: \w+){0,3}$",
    ]
)
_CALLBACK_ASKED = compile_any(
    [
        r"^(?:(?:et|bon|alors|du coup|euh) )*(?:est ce que |est ce qu )?(?:quelqu un|un conseiller|une conseillere|vous|on|"
        r"la chambre|une personne|qqn|qq1) (?:peut|pouvez|pourrait|pourriez|pourra|va) (?:me |m )?(?:rappeler|appeler|"
        r"telephoner|contacter|joindre)(?: (?:ce soir|demain|aujourd hui|cet apres midi|ce matin|plus tard|rapidement|vite|"
        r"bientot|dans la journee|lundi|mardi|mercredi|jeudi|vendredi|samedi|s il vous plait|svp|stp))*$",
        r"^(?:(?:et|bon|alors|du coup|euh) )*(?:je (?:veux|voudrais|veux bien|voudrais bien|souhaite|souhaiterais) "
        r"(?:qu on me rappelle|qu on m appelle|etre rappelee?|un rappel|parler a (?:un|une) (?:conseiller|conseillere|personne)))"
        r"(?: (?:ce soir|demain|plus tard|rapidement|s il vous plait|svp))*$",
    ]
)


# Round 27 (r27-a-07, D14): "oui ca va. mais je fais comment pour manger ce mois ci" to "Êtes-vous en sécurité ?" was
# stored not safe ("Appelez tout de suite le 15", stay near someone): its "mais" opened a practical question about
# making ends meet or the business, no reservation about safety. How to pay, eat, live or get help, with the thing named;
# never "je sais pas comment je vais tenir" (no thing named), nor a worry, a danger or a sign said in the same piece.
_PRACTICAL_ASKED = (
    r"^(?:(?:et|bon|euh|du coup|alors|juste|surtout|par contre|maintenant) )*(?:(?:je|on) (?:fais|fait|va faire|vais faire) "
    r"comment|comment (?:je|j|on|faire|est ce que (?:je|j|on))(?: \w+){0,2}|"
    r"comment (?:vais|va|allons|puis|peux|dois) (?:je|j|on|t on|nous)|(?:je|j) (?:ne )?(?:sais|vois) (?:pas|plus) "
    r"comment|(?:qu est ce que|que) (?:je|j|on) (?:fais|fait|peux|peut|dois|doit)|est ce que (?:je|j|on) (?:peux|peut|pourrais|"
    r"pourrait|ai droit|a droit)|(?:je|j) (?:peux|pourrais) (?:avoir|demander|toucher)|(?:vous avez|il y a|y a|y a t il|"
    r"existe t il|il existe) (?:pas )?(?:une?|des)|(?:quelles?|quel) (?:aides?|solutions?|recours|organisme))\b"
)
_MEANS_OF_LIVING = (
    r"\b(?:manger|bouffer|nourrir|nourriture|courses|frigo|payer|paye|regler|rembourser|loyer|factures?|"
    r"fins? de mois|ce mois|mois prochain|argent|sous|aides?|rsa|ccas|secours|alimentaire|colis|resto du coeur|"
    r"restos du coeur|chauffage|electricite|courant|essence|gasoil|salaires?)\b|\b" + _BUSINESS_THING + r"\b"
)
_PRACTICAL_QUESTION = compile_any([_PRACTICAL_ASKED + r".*(?:" + _MEANS_OF_LIVING + r")"])


def _practical_question(piece: str) -> bool:
    """A piece of an answer that asks how to make ends meet or about the business, and says nothing of worry, danger or
    a sign ("je fais comment pour manger ce mois ci", "comment je vais payer l'urssaf")."""
    return (
        bool(_PRACTICAL_QUESTION.search(piece))
        and not _WORRY.search(piece)
        and not _DANGER_WORDS.search(piece)
        and not rule_signs(piece)
    )


def _each_but_a_practical_question(text: str) -> bool:
    """Every "mais" of the answer opens a practical question (``_practical_question``), none a reservation."""
    for chunk in re.split(r"[,;.!?\n]+", text):
        for part in re.split(r"\bmais\b", normalise(chunk))[1:]:
            if not _practical_question(part.strip()):
                return False
    return True


def practical_question_after_yes(text: str | None) -> str | None:
    """The practical question said after a yes to the safety question ("oui ca va. mais je fais comment pour manger ce
    mois ci" -> "je fais comment pour manger ce mois ci"), as typed; None when there is none."""
    for chunk in re.split(r"(?<=[,;.!?\n])", text or ""):
        for part in re.split(r"\bmais\b", chunk, flags=re.IGNORECASE):
            words = part.strip(" ,;.!")
            if words and _practical_question(normalise(words)):
                return words
    return None


def _without_practical(text: str) -> str:
    """The answer without its practical questions: their question mark does not question the yes ("oui ça va, mais
    comment je vais payer l'urssaf ?")."""
    for _ in range(3):
        asked = practical_question_after_yes(text)
        if asked is None:
            break
        text = text.replace(asked, " ")
    return text


def _no_but_fine_taken_back(text: str | None) -> bool:
    """ "non ça va, oubliez", "nan c bon laissez tomber": a reassuring no, then only the earlier words taken back."""
    words = normalise(text or "")
    if not words or find_signs(text or "") or _WORRY.search(words) or _DANGER_WORDS.search(words):
        return False
    pieces = [piece.strip() for piece in _pieces(text or "")]
    if len(pieces) == 1:
        match = re.match(r"^((?:non|nan) (?:c est bon|c bon|ca va|tout va bien))\b ?(.*)$", pieces[0])
        pieces = [match.group(1), match.group(2)] if match and match.group(2) else pieces
    return (
        len(pieces) >= 2
        and bool(_REASSURING_NO.match(pieces[0]))
        and all(_WORDS_TAKEN_BACK.search(piece) for piece in pieces[1:])
    )


def _yes_then_business(text: str | None) -> bool:
    """ "oui oui. bon oubliez ce que j'ai dit, c'est le compte qui m'inquiète", "oui, je suis au bureau. est-ce que
    quelqu'un peut m'appeler ce soir ?": a yes first, then only words taken back, a worry about the business, a callback
    asked or where one is; no warning sign, no "mais", no hedge, nothing of being alone or afraid for oneself."""
    words = normalise(text or "")
    if not words or _DANGER_WORDS.search(words) or _SAFETY_HOPE.search(words):
        return False
    if re.search(r"\bmais\b", words) and not _each_but_a_practical_question(text or ""):
        return False  # "oui mais pas trop", "oui ça va mais j'ai peur": a reservation
    if any(sign.level <= INDIRECT for sign in rule_signs(text or "")) or _yes_questioned(
        _without_practical(text or "")
    ):
        return False
    pieces = [piece.strip() for piece in _pieces(text or "")]
    start = _STARTS_YES.search(pieces[0]) if pieces else None
    if start is None:
        return False
    rest = [piece for piece in (pieces[0][start.end() :].strip(), *pieces[1:]) if piece]
    told = False
    for piece in rest:
        if _WORDS_TAKEN_BACK.search(piece) or _BUSINESS_WORRY.search(piece) or _CALLBACK_ASKED.search(piece):
            told = True
            continue
        if _practical_question(piece):
            told = True  # "mais je fais comment pour manger ce mois ci" (round 27, D14)
            continue
        if re.fullmatch(r"(?:c est tout|voila|voila tout|c est (?:juste )?ca|bref)", piece):
            continue
        if _HEDGES.search(piece) or _WORRY.search(piece) or _RESERVATION.search(piece.replace("ce soir", "")):
            return False
        if not (
            _WHERE_OR_WHEN.search(piece)
            or _OWN_PLACE.search(piece)
            or _STARTS_YES.search(piece)
            or _SAFE_NEGATED.search(piece)
            or _EXPLANATION.search(piece)
            or _OBJECTION.search(piece)
            or _OTHER_SUBJECT.search(piece)
        ):
            return False
    return told


# A yes said with a doubt of knowledge, nothing else (round 9, r9b-01 "oui enfin je crois, je suis chez moi", r9b-14
# "oui je crois": "Merci de me l'avoir dit. Appelez tout de suite le 15", and the case said "pas en sécurité").
_EPISTEMIC = re.compile(
    r"(?:\b(?:enfin|bon|mais) )?\b(?:je crois|je pense|il me semble|normalement|a priori|en principe|je suppose|"
    r"j imagine)(?: (?:bien|que))?\b"
)


def _doubted_yes(text: str | None) -> bool:
    """ "oui je crois", "je pense que oui, je suis chez moi": a yes said without certainty, and nothing alarming."""
    words = normalise(text or "")
    if not words or not _EPISTEMIC.search(words) or not _nothing_alarming(text or "", words):
        return False
    if re.search(r"\bmais\b(?! (?:je crois|je pense))", words):
        return False
    pieces = [" ".join(_EPISTEMIC.sub(" ", piece).split()) for piece in _pieces(text or "")]
    pieces = [piece for piece in pieces if piece]
    return bool(pieces) and not any(_HEDGES.search(piece) for piece in pieces) and _safe_shape(pieces)


# Round 19 (r19c-07): "oui je suis au boulot là, ça va aller" was read as not safe ("Appelez tout de suite le 15"). A yes
# said in so many words, then where one is and a hope ("ça va aller", "ça ira"), is a yes without certainty, as "oui je
# crois" is: unsure, its own reply. A hope alone, or after "je suis pas en danger", stays what it was (no clear yes);
# a question mark, a "mais", worry, danger words or a sign keep the old reading.
_YES_WORD = re.compile(
    r"^(?:(?:ah|oh|euh|bah|ben|la) )*(?:oui|ouais|ouai|oue|ouaip|wi|yes|ok|okay|d accord)(?![a-z0-9])"
)


def _hoped_yes(text: str | None) -> bool:
    words = normalise(text or "")
    if not words or not _YES_WORD.search(words) or not _SAFETY_HOPE.search(words) or "?" in (text or ""):
        return False
    if re.search(r"\bmais\b", words) or _WORRY.search(words) or _DANGER_WORDS.search(words) or _ALARMING.search(words):
        return False
    if any(sign.level <= INDIRECT for sign in rule_signs(text or "")):
        return False
    pieces = [" ".join(_SAFETY_HOPE.sub(" ", piece).split()) for piece in _pieces(text or "")]
    pieces = [piece for piece in pieces if piece]
    if not pieces or any(_HEDGES.search(piece) for piece in pieces):
        return False
    start = _YES_WORD.search(pieces[0])
    rest = [piece for piece in (pieces[0][start.end() :].strip() if start else pieces[0], *pieces[1:]) if piece]
    # What follows the yes only says it again, or where one is ("je suis sur le chantier", "je suis chez ma sœur").
    return start is not None and all(
        _WHERE_OR_WHEN.search(piece)
        or _OWN_PLACE.search(piece)
        or _STARTS_YES.search(piece)
        or _SAFE_NEGATED.search(piece)
        for piece in rest
    )


# The risk itself denied at the safety question, with a reason to live ("ma mère ? jamais de la vie, elle a ses
# petits-enfants, elle vit pour eux", round 19, r19b-10: a son's answer read as not safe, "Appelez tout de suite le 15"):
# the no is to the risk, not to safety. Unsure (where to turn at the least doubt), never safe; anything alarming, worry or
# a sign keeps the old reading.
_NEVER_OF_THE_RISK = re.compile(r"^(?:(?:non|nan|ah|oh|mais|euh|ben|bah) )*jamais de la vie\b")
_REASON_TO_LIVE = re.compile(
    r"\b(?:il|elle|je|j|on) (?:a|ai|avons|ont) (?:encore |toujours |quand meme |surtout )?(?:ses|mes|sa|ma|son|mon|nos) "
    r"(?:petits enfants|enfants|gosses|petits|filles?|fils|famille)\b|\b(?:il|elle|je|j) (?:vit|vis) (?:que |surtout )?pour\b"
    r"|\b(?:tient|tiens) (?:trop |bien )?(?:a|aux) (?:ses|mes|sa|ma|son|mon)\b"
)


def _risk_denied_with_a_reason(text: str | None) -> bool:
    said = _person_said_back(text)
    words = normalise(said or "")
    return (
        bool(_NEVER_OF_THE_RISK.search(words))
        and bool(_REASON_TO_LIVE.search(words))
        and not (_ALARMING.search(words) or _WORRY.search(words) or _DANGER_WORDS.search(words))
        and not any(sign.level <= INDIRECT for sign in find_signs(said or ""))
    )


# Words about someone else only, said where the writer's own safety was asked (round 19, r19b-03): no "je", "moi", "mon".
_OF_THE_WRITER = re.compile(r"\b(?:je|j|me|m|moi|mon|ma|mes|jsuis|jsui|chui|jvais|nous|on)\b")
_SOMEONE_ELSE_SUBJECT = re.compile(
    r"^(?:(?:et|bah|ben|bon|euh|alors|ah|oh) )*(?:(?:sa|son|ses|la|le|les) \w+ )?(?:il|elle|ils|elles)\b"
)


def _only_of_someone_else(text: str, words: str) -> bool:
    return (
        bool(_SOMEONE_ELSE_SUBJECT.search(words))
        and not _OF_THE_WRITER.search(words)
        and not (_ALARMING.search(words) or _WORRY.search(words) or _DANGER_WORDS.search(words))
        and not _STARTS_NO.search(words)
        and not find_signs(text)
    )


# The bot's advice taken up ("ok merci, je vais appeler le 3114. au revoir", round 9, r9b-26: read as not safe, and the
# callback question instead of a goodbye): the line named is no warning sign there, and no answer about safety either.
_LINE_PROMISED = compile_any(
    [
        # Round 21 (r21x-17): "je vais d'abord appeler le 3114", "je vais plutôt essayer d'appeler le 3114".
        r"(?:je vais|j vais|je vai|je compte|je veux bien|je peux|je vais aller) (?:d abord |plutot |deja |moi meme |"
        r"essayer (?:de |d )|tout de suite |ce soir |demain )*(?:les |le |l )?(?:appeler|contacter|joindre)"
        r"(?: (?:le|au))? (?:3114|15|112|114|samu)\b|j appellerai (?:le )?(?:3114|15|112)\b|"
        r"je (?:les |l )?appelle(?:rai)? (?:le )?(?:3114|15|112)\b"
    ]
)
_LEAVE_OR_THANKS = compile_any(
    [
        r"\b(?:ok|oki|okay|d accord|daccord|merci|beaucoup|bien|pour tout|au revoir|bonne (?:soiree|journee|nuit)|"
        r"a plus|bye|salut|bonsoir|ciao|tchao|alors|bon|oui|ouais|ca marche|c est note|note)\b"
    ]
)


# Round 15 (r15b-03, r15b-17): "ok j'appelle", "d'accord j'appelle le 15", "ok je les appelle tout de suite" right after
# the crisis reply were read as a yes to the chamber's callback (the data-consent text) or got the whole crisis block
# again. A call to the emergency line said now, without its number or with the 15/112: the whole message, fillers and
# a "now" around it, never a question ("j'appelle ?") nor someone else called ("je l'appelle", "j'appelle l'urssaf").
_FILLER_WORDS = (
    r"(?:ok|oki|okay|d accord|daccord|dac|oui|ouais|bon|bien|merci|alors|ben|bah|euh|tres bien|ca marche|vu)"
)
_NOW_WORDS = (
    r"(?:tout de suite|tt de suite|de suite|maintenant|direct|directement|des maintenant|la|vite|la tout de suite)"
)
_CALLING_NOW = re.compile(
    rf"^(?:{_FILLER_WORDS} )*(?:j |je )(?:les )?(?:app?ell?e|vais (?:les )?app?eler)"
    r"(?: (?:le |au |les |la )?(?:15|112|114|samu|secours|pompiers|urgences|ligne|numero))?"
    rf"(?: {_NOW_WORDS})*(?: (?:merci|ok|et je (?:reviens|vous (?:redis|tiens au courant))|je reviens(?: apres)?))*$"
)


def _line_promised(text: str | None) -> str | None:
    """The words left once a promise to call the line is taken out, or None when there is none."""
    words = normalise(text or "")
    if "?" not in (text or "") and _CALLING_NOW.search(words):
        return ""
    if not _LINE_PROMISED.search(words):
        return None
    return " ".join(_LINE_PROMISED.sub(" ", words).split())


def calls_now(text: str | None) -> bool:
    """ "ok j'appelle", "d'accord j'appelle le 15", "ok je les appelle tout de suite": the call made now, the 3114 not
    named (a promise to call the 3114 has its own reply, which says what the line is)."""
    return promises_to_call_the_line(text) and not re.search(r"\b3114\b", normalise(text or ""))


# Round 15 (r15b-12): not safe, and afraid to call the 3114 ("j'ose pas appeler, je saurais pas quoi leur dire") got
# the chamber's e-mail address. The fear of calling, or of not knowing what to say on the phone; a business call ("je
# sais pas quoi dire à la banque") is another matter.
_FEAR_OF_CALLING = compile_any(
    [
        r"(?:j |je )?(?:n )?(?:ose|oserai|oserais|osais) (?:pas|jamais|plus) (?:les |l |le |la )?(?:appeler|telephoner|"
        r"composer|les contacter)",
        r"(?:j ai|j avais|j) (?:(?:trop|un peu|tres|tellement|vraiment) )?(?:peur|honte|la trouille) (?:d|de) (?:les |l |le )?"
        r"(?:appeler|telephoner|contacter)",
        r"(?:j arrive|je n arrive|j y arrive|je n y arrive|je n arriverai|j arriverai) (?:pas|jamais) a (?:les |l )?"
        r"(?:appeler|telephoner)",
        r"(?:je peux|j peux|je ne peux|je pourrai|je pourrais) pas (?:parler|appeler) au telephone|"
        r"(?:trop dur|trop difficile|pas la force|pas le courage) d (?:appeler|telephoner)",
    ]
)
_WHAT_TO_SAY = compile_any(
    [
        r"(?:je |j )?(?:ne )?(?:sais|s ?aurais?|saurai|sais vraiment) (?:pas|vraiment pas|meme pas) (?:trop |du tout )?"
        r"(?:quoi|ce que|comment) (?:leur |lui |vous )?(?:dire|raconter|expliquer)",
        r"(?:je|j) (?:leur )?dis quoi|(?:je|j) leur dirais quoi|qu est ce que (?:je|j) (?:leur )?(?:dis|dirais|vais dire)",
    ]
)
_CALL_CONTEXT = compile_any([r"\b(?:appel\w*|telephon\w*|3114|15|112|leur|au bout du fil|ligne d ecoute|ecoutants?)\b"])
_BUSINESS_CALL = compile_any(
    [
        r"\b(?:banque|banquier|urssaf|impots?|huissier|commissaire|client|fournisseur|comptable|proprio|proprietaire|"
        r"bailleur|tribunal|juge|avocat|assureur|assurance|mairie|chambre|conseiller)s?\b"
    ]
)


# Round 17 (r17b-18): "vous pouvez pas appeler vous ?" about someone close who is not safe got the chamber's e-mail
# address. The assistant asked to make a call itself: to that person (a pronoun before the verb, or a person named
# once someone is at risk), to the emergency services, "vous-même". Never a call asked for oneself ("vous pouvez
# m'appeler ?", "rappelez-moi"): that is the advisor's callback; nor a time for it ("vous pouvez appeler le matin ?").
_YOU_CAN = r"\b(?:vous|tu) (?:ne |n )?(?:pouvez|pourriez|peux|pourrais|voulez|voudriez|savez) (?:pas |vous )*"
_TO_CALL = r"(?:appeler|contacter|joindre|telephoner|prevenir)"
_ASKED_TO_CALL = compile_any(
    [
        _YOU_CAN + r"(?:l |la |le |les |lui |leur )" + _TO_CALL + r"\b",
        _YOU_CAN + _TO_CALL + r" (?:pas )?(?:a |au )?(?:vous|vous meme|toi|toi meme|directement|a ma place|a sa place|"
        r"a leur place|15|112|samu|secours|pompiers|urgences|police|gendarmes?|quelqu un)\b",
        _YOU_CAN + _TO_CALL + r" (?:le |la |les )(?:15|112|samu|secours|pompiers|urgences|police|gendarmes?)\b",
        r"\b(?:appelez|appelle|contactez|prevenez)(?: le| la| les| lui)? (?:vous|vous meme|toi meme)\b",
        r"\bc est (?:pas )?(?:vous|toi) qui (?:pouvez|peux|pourriez|devriez|devez|allez) (?:l |la |le |les |lui )?"
        + _TO_CALL
        + r"\b",
    ]
)
_ASKED_TO_CALL_SOMEONE = compile_any(
    [
        _YOU_CAN + _TO_CALL + r" (?:a )?(?:mon|ma|mes|son|sa|ses|notre|nos|le|la|les)"
        r" (?!(?:matin|soir|midi|apres midi|journee|semaine|week end|weekend|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
        r"dimanche|numero|portable|fixe|tel|telephone|bureau)\b)\w+"
    ]
)


def asks_us_to_call(text: str | None, someone_at_risk: bool = False) -> bool:
    """The assistant asked to make a call itself ("vous pouvez pas l'appeler vous ?", "appelez le 15 vous"); a person
    named as whom to call ("vous pouvez appeler mon patron ?") counts only when ``someone_at_risk``."""
    if not text or text.startswith("/"):
        return False
    words = normalise(text)
    return bool(_ASKED_TO_CALL.search(words) or (someone_at_risk and _ASKED_TO_CALL_SOMEONE.search(words)))


def afraid_to_call(text: str | None) -> bool:
    """ "j'ose pas appeler, je saurais pas quoi leur dire", "j'ai peur d'appeler", "je sais pas quoi dire au 3114": the
    line feared, or not knowing what to say to it."""
    if not text or text.startswith("/"):
        return False
    words = normalise(text)
    if _BUSINESS_CALL.search(words):
        return False
    return bool(_FEAR_OF_CALLING.search(words) or (_WHAT_TO_SAY.search(words) and _CALL_CONTEXT.search(words)))


# Round 15 (r15b-03, -17; r15a-06): someone close who cannot reach the person at risk ("il est parti au dépôt ce matin et
# il répond pas", "je sais pas où il est") was told "restez près de votre mari".
_CANNOT_REACH = compile_any(
    [
        r"\b(?:je |on )?(?:ne |n )?(?:sais|sait|savons) (?:pas|plus) ou (?:il|elle|ils|elles) (?:est|sont|se trouve\w*|a pu aller|"
        r"peut etre|est parti\w*)\b",
        r"\b(?:il|elle|ils|elles) (?:ne |n )?(?:me |nous )?(?:repond\w*|decroche\w*|rappelle\w*) (?:pas|plus|jamais|toujours pas)\b",
        r"\b(?:injoignable|introuvable)s?\b",
        r"\b(?:n arrive|arrive|n arrivons|arrivons) (?:pas|plus) a (?:le|la|les) (?:joindre|trouver|avoir)\b",
        r"\b(?:aucune|pas de|plus de) nouvelles? (?:de lui|d elle|d eux|d elles)\b",
        r"\btelephone (?:coupe|eteint)\b",
    ]
)


# Round 15 (make run, s15-z3; r15b-03): the news that the person at risk was reached ("c'est bon il a rappelé, il est chez
# sa soeur", "il est rentré, il dort") was read as a request for the chamber's call (request_human, 0.85).
_REACHED = compile_any(
    [
        r"\b(?:il|elle|ils|elles) (?:m |nous |me |l |la )?(?:a|ont) (?:rappele\w*|appele\w*|repondu|ecrit|donne des nouvelles|"
        r"decroche)\b",
        r"\b(?:il|elle|ils|elles) (?:est|sont) (?:rentree?s?|revenue?s?|la|chez (?:lui|elle|eux|sa|son|ses|ma|mon|nous|moi|des)|"
        r"avec (?:moi|nous|sa|son|ses|ma|mon|des)|a la maison|en securite)\b",
        r"\b(?:je l ai|on l a|je les ai|on les a) (?:eu|eue|eus|retrouve\w*|joint\w*)\b",
    ]
)


_STILL_WORRIED = compile_any(
    [
        r"\b(?:mais|sauf que|pourtant|va pas bien|ne va pas bien|va mal|inquiet\w*|peur|danger|pas en securite|"
        r"toujours|encore|bizarre|pleure|crie|menace|15|112|3114|pompiers|urgences)\b"
    ]
)


_DOUBTED_NEWS = compile_any(
    [r"\b(?:sais|sait|savons) (?:pas|plus|meme pas) (?:si|s il|s ils|s elle|ou)\b", r"\bj espere (?:qu|que)\b"]
)


def person_reached(text: str | None) -> bool:
    """Someone close says the person at risk was reached or is with someone, and asks for nothing; a worry said with it
    ("il est là mais il va pas bien") is no relief."""
    if not text or text.startswith("/"):
        return False
    words = normalise(text)
    # "je sais pas s'il est en sécurité, il répond pas depuis ce matin" (round 16, r16b-13, got "Quel soulagement"): a
    # doubt or no answer is no news of relief.
    if _CANNOT_REACH.search(words) or _DOUBTED_NEWS.search(words):
        return False
    return bool(_REACHED.search(words)) and not _STILL_WORRIED.search(words)


# Round 16 (r16b-08, r16b-13): the safety answer that comes one turn late, at the callback offer ("jsais pas il est au
# magasin", "je sais pas s'il est en sécurité il répond pas au tel depuis ce matin", "il répond pas j'ai peur"), was read
# as an answer about the call (a hesitation, a relief, a refusal). Fear said for oneself or for the person, the words of
# safety, or (someone close) where the person is, how they are, that they do not answer: news about safety.
_FEAR_SAID = compile_any(
    [
        # "j'ai peur", "j'ai trop peur pour lui", "j'ai peur qu'il fasse une bêtise"; never the call, a bother or the
        # business feared ("j'ai peur d'appeler", "peur de déranger", "peur des huissiers", "peur qu'on me juge").
        r"\b(?:j ai|jai|j|on a|nous avons) (?:(?:tres|vraiment|trop|super|tellement|si|grave) )?(?:peur|la trouille|la frousse)"
        r"(?! (?:d|de|des|du|qu on|que (?:vous|ca|cela|les|le|la|ma|mon|mes|quelqu un|on|l))\b)",
        r"\bpeur (?:pour (?:lui|elle|eux|elles|mon|ma|mes|son|sa|ses)|qu (?:il|elle|ils|elles) (?:se|fasse|fassent|ait|aient|"
        r"soit|soient|commette|passe)|de (?:le|la|les) perdre)\b",
        r"\bpeur que (?:mon|ma|mes|son|sa|ses) \w+ (?:se|s|fasse|fassent|ait|aient|soit|soient|commette|passe)\b",
    ]
)
# Read with the person named said "lui" ("je m'inquiète pour mon père").
_WORRIED = compile_any(
    [
        # "je suis inquiète", "je suis morte d'inquiétude pour lui"; not for the business ("inquiet pour l'atelier").
        r"\b(?:je suis|suis|on est|je me sens) (?:(?:tres|vraiment|trop|super|tellement|si) )?(?:inquiete?|angoissee?|"
        r"morte? d inquietude|paniquee?)(?: pour (?:lui|elle|eux|elles)\b|(?! (?:pour|de|par|avec|a cause)\b))",
        r"\b(?:je m inquiete|ca m inquiete|je m angoisse)(?: pour (?:lui|elle|eux|elles)\b|(?! (?:pour|de|par|avec)\b))",
    ]
)
# Safety named of someone ("je sais pas s'il est en sécurité", "elle est en danger"), never of data ("mes données sont
# en sécurité ?").
_SAFETY_SAID = compile_any(
    [
        r"\b(?:je|j|il|elle|ils|elles|on|lui|moi|s il|sil|s ils|s elle|qu il|quil|qu elle|qu ils) (?:ne |n )?"
        r"(?:suis|est|sont|soit|soient|serait|sera|etais|etait|me sens|se sent)(?: (?:pas|plus|vraiment|vraiment pas|"
        r"toujours|bien|encore))? (?:en securite|en danger)\b"
    ]
)
# Someone close on the person: where they are ("il est au magasin"), how they are ("il va pas bien").
_PERSON_NEWS = compile_any(
    [
        r"\b(?:il|elle|ils|elles) (?:est|sont|etait|doit etre|devrait etre|serait|bosse|travaille|dort) (?:encore |toujours "
        r"|la |en ce moment |normalement |bien )?(?:a la|au|aux|a l|chez|sur|avec|dans (?:son|sa|ses|le|la))\b"
        r"(?! (?:courant|chomage|rsa)\b)",
        r"\b(?:il|elle|ils|elles) (?:ne |n )?(?:va|vont) (?:pas|plus|vraiment pas|pas du tout) bien\b|"
        r"\b(?:il|elle|ils|elles) (?:va|vont) mal\b",
    ]
)


# Round 26 (r26a-02): after the callback was refused, "je suis pas en securite", "je me sens pas en sécurité ce soir" got
# "D'accord." and the case stayed "en sécurité". The writer's own "not safe" (or "en danger"), said as a statement: never
# a question, a condition ("si je suis pas en sécurité"), nor safety of the money or the premises.
_UNSAFE_SAID = re.compile(
    r"(?<!\bsi )(?<!\bsinon )\b(?:je ne suis|je suis|j suis|jsuis|jsui|chui|suis|je ne me sens|je me sens|jme sens|me sens)"
    r"(?: (?:vraiment|toujours|encore))? (?:pas|plus|jamais)(?: (?:vraiment|du tout|trop|tout a fait|tres|si|bien))? "
    r"(?:en securite|a l abri)\b(?! (?:financierement|juridiquement|sociale|niveau|cote|pour (?:la|le|l|mes|mon|ma|les)))"
    r"|(?<!\bsi )(?<!\bpas )\b(?:je suis|jsuis|chui|je me sens|jme sens) (?:vraiment |tres |peut etre )?en danger\b"
)


def says_unsafe(text: str | None) -> bool:
    """The writer says they are not safe ("je suis pas en securite", "je me sens pas en sécurité ce soir", "je suis en
    danger"), as a statement and not a question: the crisis numbers at once, whatever else the conversation was at."""
    if not text or text.startswith("/"):
        return False
    words = normalise(text)
    match = _UNSAFE_SAID.search(words)
    if match is None or re.search(r"\b(?:si|sinon|quand|est ce que) (?:je |j )?$", words[: match.start()]):
        return False
    # "est-ce que je suis en sécurité ?", "je suis pas en sécurité ?": a question about it, not news.
    after = text.split("?")[0] if "?" in text else None
    return after is None or normalise(after).find(match.group(0)) < 0


def says_safety_news(text: str | None, *, about_someone_else: bool = False) -> bool:
    """Words about safety said after the safety question was answered, at the callback offer: fear for oneself or for the
    person ("j'ai peur", "je suis inquiète pour lui"), safety or danger named ("je sais pas s'il est en sécurité"), and,
    from someone close (`about_someone_else`), the person not answering, where the person is, how they are. A relief
    ("il a rappelé") is ``person_reached``'s; the call feared or declined is not news (``afraid_to_call``)."""
    if not text or text.startswith("/"):
        return False
    words = normalise(text)
    if _BUSINESS_CALL.search(words) or afraid_to_call(text):
        return False
    if _FEAR_SAID.search(words) or _SAFETY_SAID.search(words):
        return True
    for person in close_people_named(text):
        words = re.sub(rf"\b{re.escape(normalise(person))}\b", "lui", words)
    if _WORRIED.search(words):
        return True
    if not about_someone_else:
        return False
    return bool(_CANNOT_REACH.search(words) or _PERSON_NEWS.search(words))


def cannot_reach(text: str | None) -> bool:
    """Someone close says the person at risk cannot be reached or found: not answering, whereabouts unknown."""
    if not text or text.startswith("/"):
        return False
    return bool(_CANNOT_REACH.search(normalise(text)))


# Round 15 (r15b-12): after the crisis path, "lundi c'est loin...", "d'ici là je fais comment" got the first business
# steps: the wait for the chamber's call said to be long, which asks for someone to talk to now.
_LONG_WAIT = compile_any(
    [
        r"\b(?:c est|c|cest|ca fait|ca va etre|ca va faire|c etait) (?:(?:trop|tres|si|tellement|super|vachement|hyper|bien) )?"
        r"(?:loin|long|longtemps)\b(?! (?:d etre|a expliquer|a dire|a raconter))",
        r"\b(?:d ici la|d ici lundi|d ici demain|en attendant|jusqu a lundi|jusque la|ce week end) (?:je|j|on) "
        r"(?:fais|fait|vais faire|deviens|tiens|tiendrai) (?:comment|quoi)\b|\b(?:d ici la|en attendant) (?:comment|quoi) (?:je|on)\b",
        r"\b(?:je vais|j vais|je sais) pas (?:si je vais )?(?:tenir|attendre) (?:jusqu a|jusque|d ici|tout ce temps)",
        r"\b(?:attendre|tenir) (?:jusqu a )?(?:lundi|mardi|mercredi|jeudi|vendredi|demain|la semaine prochaine)\b.{0,20}"
        r"\b(?:trop|impossible|long|loin|pas possible)\b",
    ]
)
_WAIT_CONTEXT = compile_any(
    [
        r"\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|week end|semaine|d ici|en attendant|attendre|"
        r"attente|rappel|jusqu a|jusque)\b"
    ]
)
LONG_WAIT_MAX_WORDS = 15


def says_the_wait_is_long(text: str | None) -> bool:
    """ "lundi c'est loin...", "c'est long lundi", "d'ici là je fais comment": the wait for the call is long, in a short
    message that names the wait (a day, "d'ici là") and no business matter."""
    if not text or text.startswith("/"):
        return False
    words = normalise(text)
    if len(words.split()) > LONG_WAIT_MAX_WORDS or _BUSINESS_CALL.search(words):
        return False
    return bool(_LONG_WAIT.search(words) and _WAIT_CONTEXT.search(words))


# Round 29 (r29-b-36): "personne répondra à cette heure ci" from someone not safe, at the callback offer, got "Je n'ai
# pas bien compris": the doubt that anyone answers now, at night or on a Sunday, which the 3114 meets (it answers now).
_NOBODY_ANSWERS_NOW = compile_any(
    [
        r"\bpersonne (?:ne )?(?:va |vont |voudra )?(?:repond\w*|decroch\w*|sera la|est la|ecout\w*)",
        r"\b(?:il y a|y a|ya|y aura|il y aura) (?:plus )?personne\b",
        r"\b(?:qui|quelqu un) (?:va|vont|pourra|peut|voudra) (?:me )?(?:repondre|decrocher)\b",
        r"\btout le monde (?:dort|est couche)\b",
        r"\b(?:c est|tout est|ca sera|ce sera) (?:ferme|fermee)\b",
    ]
)
_NOW_OR_NIGHT = compile_any(
    [
        r"\b(?:a cette heure|a cette heure ci|a cette heure la|maintenant|la nuit|de nuit|cette nuit|ce soir|minuit|"
        r"le dimanche|un dimanche|le week end|a \d{1,2} ?h|si tard|aussi tard|trop tard|a l heure qu il est)\b",
    ]
)


def doubts_anyone_answers_now(text: str | None) -> bool:
    """ "personne répondra à cette heure ci", "y a personne la nuit", "qui va décrocher à 2h du matin": the doubt that
    anyone answers now, said of the time (night, Sunday, "à cette heure"), in a short message."""
    if not text or text.startswith("/"):
        return False
    words = normalise(text)
    if len(words.split()) > LONG_WAIT_MAX_WORDS:
        return False
    return bool(_NOBODY_ANSWERS_NOW.search(words) and _NOW_OR_NIGHT.search(words))


def without_safety_reassurance(text: str | None) -> str | None:
    """The words left once "je vais rien faire", "je ferai pas de bêtise" are taken out, or None when none is said
    (round 15, a.md M7: "c'est pas ce que je voulais dire, je vais rien faire" read by the classifier as a plan)."""
    words = normalise(text or "")
    if not _SAFE_NEGATED.search(words):
        return None
    return " ".join(_SAFE_NEGATED.sub(" ", words).split())


# A wish to talk of something else, said instead of an answer (round 9, r9b-24 "je veux juste savoir pour l'urssaf",
# r9b-04 "parlons du tribunal plutôt").
_OTHER_SUBJECT = compile_any(
    [
        r"^(?:(?:non|bon|ben|bah|euh|mais|moi|alors|ok) )*(?:je (?:veux|voudrais|voulais|souhaite|souhaiterais|cherche a) "
        r"(?:juste |seulement |simplement |surtout )?(?:savoir|des (?:infos|informations|conseils)|une (?:reponse|solution|aide)|"
        r"parler (?:de|du|des|d)|qu on parle|qu on m explique|comprendre)|(?:ma|la) question c est|"
        r"parlons (?:de|du|des|d|plutot)|on (?:peut|pourrait) parler (?:de|du|des|d)|j ai (?:juste )?une question)"
    ]
)


# Round 12 (r12b-03, 09, 12): three answers to the safety question that say nothing of danger were read as "not safe"
# and told "Merci de me l'avoir dit. Appelez tout de suite le 15": the alarming words taken back as a joke, the numbers
# refused with a business question, the question itself questioned. Each is UNSURE with its own reply (never safe: the
# 3114 stays in it). A joke denied ("je plaisante pas") is the opposite and is read as before.
_JOKE = compile_any(
    [
        r"\b(?:je |j )?j?(?:plaisantais|plaisante|rigolais|rigole|blaguais|deconnais|deconne|chambrais)\b|"
        r"\bc (?:etait|est) (?:pour rire|pour de rire|une blague|de l humour|de l ironie|ironique|du second degre)\b|"
        r"\b(?:mdr|lol|ptdr|xd|haha\w*|hihi\w*)\b|\bau second degre\b|\bfallait pas le prendre au (?:premier degre|serieux)\b"
    ]
)
_NOT_JOKING = compile_any(
    [
        r"\b(?:plaisante|plaisantais|rigole|rigolais|blague|deconne|deconnais)\w* (?:pas|plus|meme pas)\b|"
        r"\bpas (?:une |de )?(?:blague|pour rire|(?:une )?(?:facon|maniere) de parler|une expression)\b|"
        r"\b(?:je suis|j suis) (?:tres |tout a fait )?serieu(?:x|se)\b|\bsans rire\b|\bpour de vrai\b|\bje le pense\b"
    ]
)
_NUMBERS_REFUSED = compile_any(
    [
        r"\b(?:arretez|arrete|stop|assez|ca suffit|laissez tomber|lachez moi|lache moi)\b.{0,30}"
        r"\b(?:numeros?|3114|112|lignes?|psy|secours|urgences)\b",
        r"\b(?:je|j) (?:ne |n )?(?:l |le |les )?appellerai (?:personne|pas|jamais|aucun|rien)\b|"
        r"\b(?:je|j) (?:ne )?(?:vais|veux|compte) (?:pas |jamais )?(?:appeler|contacter|joindre) (?:personne|aucun numero|aucune ligne)\b",
        r"\b(?:je|j) (?:n )?ai (?:pas|aucun) besoin (?:de (?:vos |ces |votre |cette )?(?:numeros?|ligne|psy|aide psychologique)|du 3114)\b|"
        r"\bpas besoin (?:de (?:vos|ces) numeros|du 3114|d un psy)\b|\b(?:vos|ces) numeros,? (?:je|j) (?:m en fous|en veux pas|en ai rien a faire)\b",
        # Round 12 (r12c-11): "me donnez pas de numéro de psy svp", "je veux pas de vos numéros", "pas de psy merci".
        r"\b(?:ne )?me (?:donnez|donne|filez|file|envoyez|sortez|balancez|redonnez|proposez|parlez) (?:pas|plus|aucun|jamais)\b"
        r".{0,20}\b(?:numeros?|3114|psy|psys|psychologues?|lignes?)\b",
        r"\b(?:je|j) (?:ne )?veux (?:pas|aucun|plus) (?:de |d )?(?:vos |votre |ce |ces |le |un |une )?(?:numeros?|3114|psy|"
        r"psychologues?|lignes? d ecoute)\b|\bpas de (?:numeros? (?:de psy|d urgence|d ecoute|d aide)|psy|3114)\b",
    ]
)
# "pourquoi vous me dites ça, je demandais juste une info": the question questioned first, whatever follows it.
_WHY_FIRST = compile_any(
    [
        r"^(?:(?:mais|et|euh|bah|ben|hein|quoi|attendez|attends|non|nan) )*(?:pourquoi|pq|pk|pourquoi donc)\b"
        r"(?! (?:je|j|vivre|continuer|se battre|me battre))",
        r"^(?:(?:mais|et|euh|bah|ben|hein|non|nan) )*(?:c est quoi cette question|quelle question|quel rapport|"
        r"qu est ce qui vous (?:prend|fait dire)|vous (?:m )?avez mal (?:lu|compris)|(?:vous avez|t as) (?:rien|pas) compris)\b",
    ]
)


# Round 16 (r16a-14): "ça change quoi" to "Êtes-vous en sécurité ?" got "Appelez tout de suite le 15" and the case "pas en
# sécurité". What the answer would change, asked back, questions the question: its reason, the question once more, then
# unsure (never "à quoi bon", "ça sert à rien", which are despair and read as before).
_WHAT_IT_CHANGES = compile_any(
    [
        r"^(?:(?:mais|et|euh|bah|ben|bon|hein|non|nan|franchement|de toute facon) )*(?:(?:et )?(?:ca|cela|ca vous|ca te) "
        r"(?:change|changerait|changera|changerai|fait|ferait) quoi|qu est ce que (?:ca|cela) (?:change|changerait|"
        r"peut (?:bien )?(?:vous )?faire|vous fait)|qu est ce que ca peut vous faire|en quoi (?:ca|cela) (?:vous )?"
        r"(?:regarde|interesse|change|changerait))(?: (?:pour vous|pour moi|a vous|de le savoir|de savoir|que je (?:le )?dise|"
        r"si je (?:vous )?(?:le )?dis))?$"
    ]
)


def asks_what_it_changes(text: str | None) -> bool:
    """ "ça change quoi", "qu'est-ce que ça peut vous faire": the question's use asked back."""
    return bool(text) and bool(_WHAT_IT_CHANGES.search(normalise(text or "")))


def _what_it_changes_alone(text: str | None) -> bool:
    """What the answer changes asked back, and nothing of danger with it. At the safety question only: at the direct
    question "ça change quoi" is no clear no, and takes the crisis path at once as before."""
    if not text or text.startswith("/") or not asks_what_it_changes(text) or speaks_for_someone_else(text):
        return False
    return _says_nothing_of_danger(text, normalise(text))


def _says_nothing_of_danger(text: str, words: str) -> bool:
    """No warning sign (the classifier's included), worry, danger word or hope about holding on."""
    return not (
        _WORRY.search(words)
        or _DANGER_WORDS.search(words)
        or _SAFETY_HOPE.search(words)
        or _HEDGES.search(words)
        # The line named in a refusal ("stop avec le 3114") is no sign of the writer's.
        or find_signs(re.sub(r"\b3114\b", " ", text))
    )


def _taken_lightly_kind(text: str | None) -> str | None:
    """The writer's own answer to the safety question that only takes the worrying words back as a joke ("joke"),
    refuses the numbers ("numbers"), or questions the question ("why"); else None."""
    if not text or text.startswith("/") or speaks_for_someone_else(text):
        return None
    words = normalise(text)
    if not words or not _says_nothing_of_danger(text, words):
        return None
    if _JOKE.search(words) and not _NOT_JOKING.search(words):
        return "joke"
    if _NUMBERS_REFUSED.search(words):
        return "numbers"
    if _WHY_FIRST.search(words):
        return "why"
    return None


def refuses_the_numbers(text: str | None) -> bool:
    """ "me donnez pas de numéro de psy svp", "arrêtez avec vos numéros": the helplines refused, in the writer's words
    (a warning sign of their own beside it is read by the crisis path first)."""
    return bool(text) and bool(_NUMBERS_REFUSED.search(normalise(text or "")))


def takes_the_question_lightly(text: str | None) -> bool:
    """ "mdr non je plaisantais", "arrêtez avec vos numéros", "pourquoi vous me dites ça ?": no answer about danger."""
    return _taken_lightly_kind(text) is not None


def doubts_own_safety(text: str | None) -> bool:
    """ "oui je crois": the writer's own yes with a doubt, which deserves its own reply (not "merci de me l'avoir dit")."""
    return _doubted_yes(text)


def unsure_kind(text: str | None) -> str | None:
    """Why the writer's own answer to the safety question was read UNSURE: "line" (the advice taken up), "joke", "numbers"
    (refused), "why" (the question questioned), "not talking", "doubt", "other" (another subject), or None (a relative's
    answer, answered for relatives)."""
    if text is None or text.startswith("/") or speaks_for_someone_else(text):
        return None
    if promises_to_call_the_line(text):
        return "line"
    lightly = _taken_lightly_kind(text)
    if lightly is not None:
        return lightly
    if _what_it_changes_alone(text):
        return "other"  # its reason was given when it was first asked: the numbers, all of them, and no more
    if acknowledges_only(text):
        return "other"  # "ok" twice (round 16): nothing said of safety; the numbers, in a word
    if declines_to_talk(text):
        return "not talking"
    if _doubted_yes(text) or _hoped_yes(text):
        return "doubt"
    withheld = _no_answer_kind(text)
    if withheld is not None:
        return withheld  # round 18 (r18b-12, r18b-15)
    words = normalise(text)
    if _OTHER_SUBJECT.search(words) or _own_place_said(text, words):
        return "other"
    if someone_present(text):
        # Round 18 (r18b-10, r18b-17): "j'ai mes enfants ce soir, ils dorment" is the writer's own company, never a
        # relative's answer ("ce que vous pouvez dire à votre proche").
        return "company"
    return None


def promises_to_call_the_line(text: str | None) -> bool:
    """ "ok merci, je vais appeler le 3114": the advice taken up."""
    return _line_promised(text) is not None


def questions_the_question(text: str | None) -> bool:
    """An answer to the safety question that questions the question or says it was misread ("oui je suis en sécurité,
    pourquoi vous me demandez ça ?", "oh la pourquoi vous me parlez de ça, je vais pas me foutre en l'air hein")."""
    return _yes_with_objection(text) or any(_OBJECTION.search(piece) for piece in _pieces(text or ""))


def objects_to_the_question(text: str | None) -> bool:
    """A yes to the safety question with an objection or a question about the question, or the act denied outright
    (round 26, r26a-07): the reason, said kindly."""
    return _yes_with_objection(text) or denies_the_act(text)


# Someone close answering the safety question about themself (round 7, r7b-05 "moi oui ça va, c'est lui le problème.
# il est seul à la boutique là", r7a-06 "moi oui, mais c'est pas moi le problème, c'est lui"): the writer is safe, the
# person at risk is another. Read about that person, never as the writer's "yes" (r7b-05 got "Je suis soulagé").
_NOT_ME = compile_any(
    [
        r"(?:c est |c |ce n est |ce n |cest |ce )?pas (?:moi|de moi|pour moi)(?: (?:le probleme|le souci|qui|qu il|dont))?",
        r"moi (?:oui|ouais|ca va|je vais bien|je suis en securite|aucun (?:souci|probleme)|pas de (?:souci|probleme)|"
        r"c est bon|ca peut aller|tout va bien|je suis chez moi|je suis a la maison|rien)",
    ]
)
_THEM = compile_any([r"lui|eux"])
# The other person as the one at stake; a close person the message names ("mon mari") is read as "lui" first.
_THEM_THE_ONE = compile_any(
    [
        r"c est (?:pour |de )?(?:lui|elle|eux)|(?:le probleme|le souci),? c est (?:lui|elle|eux)",
        r"(?:je m inquiete|je suis (?:tres |vraiment )?inquiete?|j ai (?:tres |vraiment )?peur) pour (?:lui|elle|eux)",
        r"(?:lui|elle|eux),? (?:non|pas|je sais pas|je ne sais pas|j en sais rien)",
        r"(?:lui|elle|eux) qui (?:m inquiete|va mal|ne va pas|est en danger)",
    ]
)
# "ma femme s'inquiète pour moi": the writer is still the one at stake.
_ABOUT_ME = compile_any([r"(?<!pas )(?:pour|de|sur) moi"])


def speaks_for_someone_else(text: str | None) -> bool:
    """The answer says the writer is fine and the person at risk is another ("moi oui, c'est lui le problème",
    "ce n'est pas de moi qu'il s'agit, c'est mon père", "je vais bien, c'est pour elle que j'ai peur")."""
    if not text or text.startswith("/"):
        return False
    words = normalise(text)
    for person in close_people_named(text):
        words = re.sub(rf"\b{re.escape(normalise(person))}\b", "lui", words)
    if _ABOUT_ME.search(words):
        return False
    if _THEM_THE_ONE.search(words):
        return True
    third = rules().signals.third_person_subject
    return bool(_NOT_ME.search(words)) and bool(_THEM.search(words) or third.search(words))


# A relative's own signs that are only about the other person: "je peux appeler le 3114 à sa place ?" names the
# line (a level-1 rule for the writer's own words) and is no sign of the writer's.
_RELATIVE_LINE_QUESTION = compile_any(
    [r"3114 (?:a sa place|pour (?:lui|elle|eux|mon|ma|mes))|(?:a sa place|pour (?:lui|elle|eux)) (?:le )?3114"]
)


def _relative_safety(text: str) -> str:
    """The safety of the person at risk, as the relative tells it after saying they are fine themself: a warning sign of
    the writer's own, alarming words or a no is NOT_SAFE; where the person is, or a hedged yes, is UNSURE; a doubt alone
    ("lui je sais pas") is NOT_SAFE; nothing said of the person's safety is UNSURE (where to turn at the least doubt)."""
    words = normalise(text)
    about_them = _NOT_ME.sub(" ", words)
    own = [
        sign
        for sign in rule_signs(text)
        if sign.level <= INDIRECT and sign.rule != "crisis_line_named" and not speaks_of_someone_else(sign, text)
    ]
    if own or _ALARMING.search(about_them):
        return NOT_SAFE
    if _WHEREABOUTS.search(about_them) or _HEDGED_YES.search(about_them):
        return UNSURE
    if _HEDGES.search(about_them) or re.search(
        r"\b(?:lui|elle|eux|il|ils|elles)\b.{0,20}\b(?:non|pas en securite)\b", about_them
    ):
        return NOT_SAFE
    return UNSURE


_ASKS_TO_CALL = compile_any(
    [
        r"(?:je peux|je pourrais|puis je|est ce que je peux|on peut|je dois|faut il|il faut que j) (?:l |la |le |les )?"
        r"(?:appeler|contacter|joindre)(?: (?:le )?(?:3114|15|112|samu|les secours|quelqu un|un numero))?"
        r"(?: (?:a sa place|pour (?:lui|elle|eux)|moi meme))",
        r"(?:appeler|contacter) (?:le )?3114 (?:a sa place|pour (?:lui|elle|eux)|moi meme)|"
        r"(?:le )?3114 (?:c est|est ce que c est|c) (?:aussi )?pour (?:les )?proches",
    ]
)
# Round 21 (r21x-19): "je dois en parler à quelqu'un ? mes parents ?", a young relative's question about whom to tell.
TELLS_SOMEONE = (
    r"(?:je dois|dois je|je devrais|devrais je|faut il que j|il faut que j|faut que j|je peux|puis je|est ce que je "
    r"(?:dois|devrais|peux)|est ce qu il faut que j) en parler (?:a|avec) (?:quelqu un|qui|mes parents|ma mere|mon pere|"
    r"ma famille|un adulte|mes proches|ma maman|mon papa)\b|a qui (?:je dois|je peux|faut il|il faut) en parler"
)
_TELLS_SOMEONE = compile_any([TELLS_SOMEONE])
# What to say to the person, or whether to speak to them (round 21, r21x-01, r21x-17): "il faut que je lui dise quoi ce
# soir ?", "est-ce que je dois lui en parler directement ?", "comment lui en parler ?".
WHAT_TO_SAY = (
    r"(?:que (?:je|j)|qu on) (?:lui|leur) dise quoi|(?:je|j) (?:lui|leur) dise? quoi|quoi (?:je|j) (?:lui|leur) dis\b|"
    r"qu est ce que (?:je|j) (?:lui|leur) (?:dis|dise)|quoi (?:lui|leur) dire|"
    r"comment (?:je (?:peux|pourrais|dois) |on (?:peut|pourrait) )?(?:lui|leur) (?:parler|en parler|dire)|"
    r"(?:je dois|dois je|je devrais|devrais je|faut il que je|il faut que je|faut que je|je peux|puis je|est ce que je "
    r"(?:dois|devrais|peux)) (?:lui|leur) (?:en )?parler\b"
)
_WHAT_TO_SAY_TO_THEM = compile_any([WHAT_TO_SAY])
_WHAT_TO_DO = compile_any(
    [
        r"(?:je|j) (?:fais|dois faire|peux faire) (?:quoi|comment)|(?:je|j) fais comment|comment je (?:fais|dois faire)|"
        r"qu est ce que (?:je|j) (?:fais|dois faire|peux faire|pourrais faire)|qu est ce qu on (?:fait|peut faire)|"
        r"que (?:dois je|puis je|faire)|quoi faire|(?:il )?faut (?:que je fasse|faire) quoi|on fait quoi",
        r"comment (?:je (?:peux|pourrais|dois) |on (?:peut|pourrait) |puis je )?(?:l |la |le |les )?aider|"
        r"comment (?:je (?:peux|pourrais|dois) |on (?:peut|pourrait) )?(?:lui|leur) (?:parler|en parler|dire)|"
        r"qu est ce que (?:je|j) (?:lui|leur) dis|(?:je|j) (?:lui|leur) dis quoi|quoi (?:lui|leur) dire",
        r"(?:je|j) (?:l |la |le |les )(?:appelle|rappelle|telephone)|(?:je vais|je dois|faut il) (?:le|la|les) (?:voir|rejoindre)",
        # Round 21 (r21x-01, r21x-17): "il faut que je lui dise quoi ce soir ?", "est-ce que je dois lui en parler
        # directement ?".
        WHAT_TO_SAY,
        TELLS_SOMEONE,
    ]
)


def asks_to_call_for_someone(text: str | None) -> bool:
    """ "je peux appeler le 3114 à sa place ?": yes, the line answers relatives too."""
    return bool(text) and bool(_ASKS_TO_CALL.search(normalise(text or "")))


def asks_what_to_say(text: str | None) -> bool:
    """ "il faut que je lui dise quoi ce soir ?", "je dois lui en parler directement ?": what to say to the person."""
    return bool(text) and bool(_WHAT_TO_SAY_TO_THEM.search(normalise(text or "")))


def asks_whom_to_tell(text: str | None) -> bool:
    """ "je dois en parler à quelqu'un ? mes parents ?": whether to tell someone (yes: not to carry it alone)."""
    return bool(text) and bool(_TELLS_SOMEONE.search(normalise(text or "")))


def asks_what_to_do_for_someone(text: str | None) -> bool:
    """A relative's direct question on what to do ("mais je fais quoi moi ? je l'appelle ?", "comment l'aider ?",
    "je peux appeler le 3114 à sa place ?"). Whether the writer is a relative is the caller's to know."""
    if not text or text.startswith("/"):
        return False
    words = normalise(text)
    return bool(_ASKS_TO_CALL.search(words) or _WHAT_TO_DO.search(words))


# On the crisis path, the callback declined in words of its own (round 7, r7a-03 "je veux pas appeler de numero, je
# veux pas en parler"; r7b-13 "je veux pas deranger un conseiller, il y a des gens plus a plaindre"): read as a request
# for a human, they got the data-consent text at once.
_DECLINES_TO_TALK = compile_any(
    [
        r"(?:je|j) (?:ne )?(?:veux|voudrais|souhaite|tiens a|prefere|ai) (?:pas|plus|pas trop|pas envie)(?: d| de| (?:vraiment|trop))? "
        r"(?:en parler|parler|(?:en )?discuter|appeler|telephoner|qu on m appelle|qu on me (?:rappelle|telephone|parle)|"
        r"etre (?:rappelee?|appelee?)|de (?:numero|coup de fil|telephone))",
        r"(?:je|j) (?:prefere|prefererais) (?:ne pas|pas) (?:en parler|parler|appeler|repondre)|pas envie d en parler|"
        r"(?:je|j) (?:ne )?(?:veux|prefere|souhaite) (?:pas|plus) repondre(?: a (?:ca|cela|cette question))?|"
        r"(?:ca|cela) ne vous regarde pas|(?:je|j) (?:ne )?repondrai pas|"
        r"(?:je|j) (?:n )?ai pas envie (?:d en parler|de parler|d appeler|qu on m appelle)",
    ]
)
_NOT_WORTH_A_CALL = compile_any(
    [
        r"(?:deranger|embeter|ennuyer|importuner|accaparer)(?: (?:un|le|les|vos|des) (?:conseillers?|conseilleres?|gens))?|"
        r"(?:faire )?perdre (?:son|leur|votre) temps",
        r"(?:des|d autres) gens (?:plus a plaindre|qui en ont plus besoin|dans le besoin)|plus a plaindre que moi|"
        r"(?:il y a|y a) (?:pire|plus grave)|(?:d autres|les autres) en ont plus besoin|(?:ils|vous) (?:ont|avez) (?:mieux|autre chose) a faire|"
        r"je (?:ne )?(?:merite|vaux) pas",
    ]
)


# "oui je suis en sécurité, mais je préfère pas parler de ça", "oui ça va, mais vous avez lu ma question ?" (round 10,
# r10b-11, 15): a clear yes, then a refusal or a remark about the conversation; "mais" alone kept it not safe.
_CLEAR_YES_BUT = re.compile(
    r"^(?:oui|ouais|oui oui|si)\b[ ,]*(?:je suis en securite|ca va|je vais bien|je suis chez moi|pas de danger)?"
    r"[ ,.!]*(?:mais|par contre)\b(?P<rest>.+)$"
)
_ABOUT_THE_CONVERSATION = re.compile(r"\b(?:ma question|mon message|lu|compris|repondu|repondez)\b")


def _safe_but_not_talking(text: str | None) -> bool:
    if not text or "?" in text.split("mais", 1)[0]:
        return False
    match = _CLEAR_YES_BUT.match(normalise(text))
    if match is None or find_signs(text):
        return False
    rest = match.group("rest")
    return declines_to_talk(rest) or bool("?" in text and _ABOUT_THE_CONVERSATION.search(rest))


def declines_to_talk(text: str | None) -> bool:
    """ "je veux pas en parler", "je veux pas appeler de numéro": the callback declined, which is no request for it."""
    return bool(text) and bool(_DECLINES_TO_TALK.search(normalise(text or "")))


def feels_a_bother(text: str | None) -> bool:
    """ "je veux pas déranger un conseiller, il y a des gens plus à plaindre": the offer refused for fear of being a
    bother, itself a feeling of being a burden; answered that nobody is bothered, then asked once more."""
    return bool(text) and bool(_NOT_WORTH_A_CALL.search(normalise(text or "")))


_FEAR_OR_GONE = compile_any(
    [
        r"\bpeur\b|angoiss\w*|\binquiete?s?\b|panique\w*|injoignable|\b(?:ne |n )?(?:repond|decroche) (?:pas|plus|jamais)\b|"
        r"\b(?:il|elle|ils|elles) (?:est|sont) (?:parti|partie|partis|parties|disparu|disparue)\b|pas de nouvelles|"
        r"sans nouvelles|(?:arrive|reussis) (?:pas|plus) a (?:le|la|les|l) joindre"
    ]
)
_NO_WORD = re.compile(r"\b(?:non|nan|nn|nope|niet|pas|jamais|aucunement)\b")


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
    if speaks_for_someone_else(text):
        # The writer is fine; the answer is about the other person (round 7).
        return _relative_safety(text or "")
    if _risk_denied_with_a_reason(text):
        return UNSURE
    if not about_someone_else and denies_the_act(text):
        return SAFE  # round 26, r26a-07: "je vais pas me foutre en l'air hein", no danger said
    if not about_someone_else and denies_the_thoughts_plainly(text):
        return SAFE  # round 28, r28-b-18: "non je pense pas du tout au suicide, c'est une expression"
    if not about_someone_else and takes_back_a_figure_of_speech(text):
        return SAFE  # round 29, r29-a-01: "mais non pas du tout cetait une expression !!"
    left = _line_promised(text)
    if left is not None:
        # Round 9 (r9b-26): "je vais appeler le 3114" answers nothing about safety; read without it, never as safe
        # unless safety itself is said, and what is left alone (thanks, a goodbye) is no answer: unsure.
        if not _LEAVE_OR_THANKS.sub(" ", left).strip():
            return UNSURE
        reading = answer_to_safety_question(left, about_someone_else=about_someone_else)
        said_safe = _SAFE_NEGATED.search(left) or re.search(r"en securite|je vais bien|ca va\b", left)
        return UNSURE if reading == SAFE and not said_safe else reading
    if acknowledges_only(text):
        # Round 16 (r16b-02, -08, -13): "ok" after the numbers is no "yes, I am safe" (whatever intent the NLU gives it).
        if may_ask_again:
            return THANKED if _THANKS_ALONE.search(normalise(text or "")) else ACKNOWLEDGED
        return UNSURE
    if _safe_then_more(text) or _safe_but_not_talking(text) or (not about_someone_else and _yes_then_business(text)):
        return SAFE
    if not about_someone_else and _no_but_fine_taken_back(text):
        # Round 22 (r22a-07): "non ça va, oubliez": its no may answer the danger or the question; its "ça va" and the
        # words taken back say nothing alarming. Unsure (the numbers at the least doubt), never "Appelez tout de suite".
        return UNSURE
    said = normalise(text or "")
    if _taken_lightly_kind(text) == "numbers" and not _STARTS_YES.search(said):
        # "stop avec le 3114": the line named in a refusal is no warning sign (round 12, r12b-09). Nothing said of safety:
        # the refusal heard and the question asked once more (round 17, r17b-08), then unsure.
        # A business question said with the refusal is answered at once instead (round 12, r12b-09).
        business_asked = "?" in (text or "") or re.search(
            r"\b(?:dites|dis|savoir|et pour|pour (?:l|la|le|les|mes|mon|ma))\b", said
        )
        return NUMBERS_REFUSED if may_ask_again and not business_asked else UNSURE
    if (
        says_no_said_before(text)
        and _says_nothing_of_danger(text or "", normalise(text or ""))
        and not re.search(r"\b(?:securite|danger|abri|mal|peur)\b", normalise(text or ""))
    ):
        # "mais j'ai dit non !" (round 17, r17b-06): the no said to the direct question, never "non, pas en sécurité".
        return NO_SAID_BEFORE if may_ask_again else UNSURE
    after_why = _answer_after_why(text)
    if after_why is not None and answer_to_safety_question(after_why, about_someone_else=about_someone_else) == SAFE:
        # "pourquoi vous me demandez ça ? oui je suis chez moi": the answer after the question is read (round 17).
        return SAFE
    if _doubted_yes(text) or _hoped_yes(text):
        return UNSURE
    if _what_it_changes_alone(text):
        # Round 16 (r16a-14): "ça change quoi" gets what the answer changes and the question once more, then is unsure.
        return WHY_ASKED if may_ask_again else UNSURE
    if _no_answer_kind(text) is not None:
        # Round 18 (r18b-12, r18b-15): "jprefere pas repondre", "je ne sais pas quoi vous répondre" answer nothing of
        # safety: unsure (the case says "sécurité non confirmée"), never "pas en sécurité".
        return UNSURE
    # "je sais pas" stays NOT_SAFE (round 16, r16a-04, asked "unsure"): not knowing whether one is safe is read as the
    # warning it may be, as the relatives' button says ("Non, ou je ne sais pas"); the advisor calls at once either way.
    words = _unclear(text)
    if words is None:
        return UNSURE if _relative_unsure(text, about_someone_else) else NOT_SAFE
    if _yes_with_objection(text) and not _SAFETY_HOPE.search(words):
        return SAFE
    doubtful = _yes_questioned(text or "") or bool(_SAFETY_HOPE.search(words))
    # Round 21 (r21x-06): "ouais j'ai peur. il est parti a la chambre froide la il répond pas quand je l'appelle" was read
    # as safe for its "ouais": fear said, or someone gone or not answering, is never a plain yes.
    clear = not doubtful and not _RESERVATION.search(words) and not _FEAR_OR_GONE.search(words)
    # Round 33 (r33-e): "ouais j'ai des idées de me blesser le soir" was stored safe for its "ouais": the rule table
    # missed the wording, and the classifier's explicit sign was not read here. A yes said with an explicit sign, by
    # either reader, is no plain yes.
    clear = clear and not any(sign.level == EXPLICIT for sign in find_signs(text or ""))
    # Round 22 (r22a-12 look-alikes): "oui je suis seul" at the safety question was stored safe; alone is no plain yes.
    # Nor is worry said of oneself ("oui je vais pas bien", "oui j'ai peur"), unless its subject is the business.
    clear = clear and not (
        not about_someone_else
        and (
            re.search(r"(?<!pas )(?<!plus )(?<!jamais )\bseule?s?\b", words)
            or (
                _WORRY.search(re.sub(r"\b(?:pas|plus|jamais) seule?s?\b", " ", words))
                and not _yes_then_business(text)
                and not _yes_with_objection(text)
            )
        )
    )
    if (
        clear
        and about_someone_else
        and _STARTS_YES.search(words)
        and _WHEREABOUTS.search(words)
        and not re.search(r"\ben securite\b|\bpas en danger\b", words)
    ):
        # Round 17 (r17b-16): someone close says yes and where the person is or who is with them ("oui il dort chez sa
        # fille"): company is no safety plan, and the relative cannot be sure. Unsure, as "oui elle est avec sa sœur ce
        # soir" already was: where to turn at the least doubt, never stored safe.
        return UNSURE
    if clear and (_SAFE_NEGATED.search(words) or _STARTS_YES.search(words)):
        return SAFE
    if (
        clear
        and intent == "affirm"
        and len(words.split()) <= 3
        and not _THANKS_ALONE.search(words)
        and not _NO_WORD.search(words)
    ):
        # Thanks alone ("merci", read as affirm) thank for the numbers: no yes either (round 16). Nor is a no the
        # classifier took for a yes ("non", "non merci", "pas du tout": read as affirm, they were stored safe).
        return SAFE
    if _relative_unsure(text, about_someone_else):
        return UNSURE
    lightly = _taken_lightly_kind(text)
    # A bare "pourquoi ?" or "c'est une façon de parler" keeps its reading: the reason or the question once more, then
    # read as before (the kind word was said, and the question left unanswered twice).
    bare = _WHY_ASKED.search(words) or _FIGURE_OF_SPEECH.search(words)
    if lightly is not None and not bare:
        # Round 12 (r12b-03, 09, 12): a joke, the numbers refused, the question questioned say nothing of danger. The
        # question questioned gets its reason and the question once more, like a bare "pourquoi ?"; then unsure.
        return WHY_ASKED if lightly == "why" and may_ask_again else UNSURE
    if not about_someone_else and _only_of_someone_else(text or "", words):
        # Round 19 (r19b-03): "sa femme elle gère un peu mais elle est perdue", the writer's own safety asked: words about
        # someone else, with nothing of the writer nor anything alarming, say nothing of safety; its "mais" is theirs.
        return UNSURE
    if _STARTS_NO.search(words) or _RESERVATION.search(words):
        return NOT_SAFE
    # Alone, in danger or afraid (« elle est seule chez elle », round 18: a difficulty told, so asked again) is an
    # answer about safety, never asked once more.
    alarming = _DANGER_WORDS.search(words) or _WORRY.search(words) or _ALARMING.search(words)
    asked = None if alarming else _ask_again(text, words, answers_intake_question, may_ask_again, may_answer_question)
    if asked:
        return asked
    # Round 9 (r9b-24 "je veux juste savoir pour l'urssaf", r9b-04 "je préfère pas en parler"): another subject, or the
    # question refused, without a sign, a no, a doubt or a word about oneself, says nothing of safety: unsure, not
    # "not safe" (the emergency numbers are still given, and the case no longer says "pas en sécurité").
    if (
        (declines_to_talk(text) or _OTHER_SUBJECT.search(words) or _own_place_said(text or "", words))
        and not _WORRY.search(words)
        and not find_signs(text or "")
    ):
        return UNSURE
    return NOT_SAFE


# Round 18 (r18b-12, r18b-15): the answer itself withheld, with nothing said of safety.
_NO_ANSWER = {
    "not talking": compile_any(
        [
            r"^(?:(?:euh|bon|ben|bah|non) )*(?:je |j |j)?(?:prefere|prefererais) (?:ne )?(?:pas|rien) "
            r"(?:repondre|dire|en dire plus)(?: a (?:ca|cela|cette question))?$"
        ]
    ),
    "doubt": compile_any(
        [
            r"^(?:(?:euh|bon|ben|bah) )*(?:je |j )?(?:ne )?(?:sais|sait|sai) (?:pas|vraiment pas|trop pas) "
            r"(?:quoi|comment|trop quoi) (?:vous |te )?(?:repondre|dire|vous dire|en dire)(?: a (?:ca|cela|cette question))?$",
            # Round 20 (r20b-17): "bon je vais voir", "je vais y réfléchir" put off the advice, saying neither yes nor no:
            # unsure ("sécurité non confirmée", the numbers at the least doubt), never "Merci de me l'avoir dit. Appelez
            # tout de suite le 15". A fatalistic "on verra bien" stays the warning it may be (not safe).
            r"^(?:(?:euh|bon|ben|bah|ok|okay|d accord|oui|ouais|bof) )*(?:je vais voir|on va voir|je verrai|"
            r"faut voir|il faut voir|a voir|je vais y reflechir|je vais reflechir)(?: ca)?$",
        ]
    ),
    # Round 27 (r27-a-13, D21): "laissez tomber, je vais me coucher" after the direct question was declined got "Merci de
    # me l'avoir dit. Appelez tout de suite le 15" and the callback offer: someone taking leave, saying nothing of their
    # safety. Unsure ("sécurité non confirmée"), answered with a short warm goodbye, never a question.
    "leaving": compile_any(
        [
            r"^(?:(?:euh|bon|ben|bah|ok|okay|allez|bref|enfin|tant pis|laissez tomber|laisse tomber|oubliez|oublie|"
            r"laissez|merci) )*(?:je vais (?:aller )?(?:me coucher|dormir|me reposer|me mettre au lit|y aller)|"
            r"je vais au lit|au lit|je vous laisse|j y vais|je me deconnecte|je dois (?:y )?aller)"
            r"(?: (?:bonne nuit|bonne soiree|bonsoir|au revoir|a demain|merci|salut|ciao))*$",
            r"^(?:(?:euh|bon|ben|bah|ok|allez|bref|laissez tomber|laisse tomber|oubliez) )*"
            r"(?:bonne nuit|bonsoir|au revoir|a demain)(?: merci)?$",
        ]
    ),
}


def _no_answer_kind(text: str | None) -> str | None:
    """ "jprefere pas repondre" ("not talking"), "je ne sais pas quoi vous répondre" ("doubt"), nothing else said."""
    if not text or text.startswith("/"):
        return None
    words = normalise(text)
    if not words or find_signs(text) or _WORRY.search(words):
        return None
    return next((kind for kind, rule in _NO_ANSWER.items() if rule.search(words)), None)


# Round 18 (r18b-01): "je suis au fournil là, faut bien que je prépare la fournée" at the safety question was read as not
# safe ("Appelez tout de suite le 15", the case "pas en sécurité"). Where the writer is, with nothing alarming, says no
# danger and no safety either: unsure. Never a place that is itself the trouble ("au fond du trou", "à la rue").
_OWN_PLACE = compile_any(
    [
        r"^(?:(?:la|ici|euh|bon|ben|bah|ce soir|pour l instant|en ce moment|moi) )*(?:je suis|chui|j suis|on est) "
        r"(?:encore |toujours |la |ici |en ce moment |bien )?(?:au|a la|a l|aux|chez|avec|sur (?:le|un|mon) chantier|"
        r"dans (?:mon|ma|le|la|l) (?:atelier|boutique|magasin|bureau|cuisine|salon|camion|fournil|labo|garage|chambre|lit))\b"
    ]
)
_NOT_A_SAFE_PLACE = compile_any(
    [r"au fond|au bout|au plus mal|a la rue|au bord|a bout|a l hopital|aux urgences|a la derive|au trou|a cran"]
)


def _own_place_said(text: str, words: str) -> bool:
    return bool(_OWN_PLACE.search(words)) and not (
        _NOT_A_SAFE_PLACE.search(words)
        or _ALARMING.search(words)
        or _DANGER_WORDS.search(words)
        or _STARTS_NO.search(words)
        or _RESERVATION.search(words.replace("ce soir", ""))
    )


# Round 19 (r19b-07, r19b-08): on the crisis path, a question about the helplines or about one's own worry got the
# off-topic refusal ("le 3114 ils vont me dire quoi, que c'est pas grave ?", "c'est grave ce que je vous ai dit ?") or
# the advisors' "vous ne dérangez personne" ("je dois vraiment appeler le 15 ? j'ai peur de déranger pour rien").
# Each is read here; the short answers are the crisis actions' (actions/crisis_actions.py).
LINE_QUESTION, WORRY_QUESTION, EMERGENCY_QUESTION = "line_question", "worry_question", "emergency_question"

_LINE = r"(?:3114|31 14|numero (?:d ecoute|national de prevention)|ligne d ecoute)"
_ABOUT_THE_LINE = compile_any(
    [
        r"(?:ils|elles|on|il|elle|ca|vous) (?:vont|va|vont me|peuvent|peut|pourront|pourrait|pourraient|vont vraiment) "
        r"(?:me |m |nous |lui |leur )?(?:dire|faire|repondre|raconter|servir|aider|juger|comprendre|prendre|engueuler)",
        r"(?:dire|diront|disent|dit|repondre|repondent|faire|font|feront) quoi",
        r"qui (?:repond|va repondre|decroche|est au bout|sont|c est)|c est qui|(?:ce sont|c est) des (?:psy|medecins|gens)",
        r"(?:a quoi|ca) (?:ca |il |ils )?sert|servir a quoi|ca sert a (?:quoi|rien)",
        r"c est (?:quoi|comment|payant|gratuit|anonyme|confidentiel)",
        r"(?:me |nous )?(?:juger|prendre pour un fou|prendre pour une folle|faire la morale)",
        r"c est pas (?:si )?grave|pas assez grave|pour (?:si )?peu|pour rien",
    ]
)
_WORRY_ASKED = compile_any(
    [
        r"^(?:(?:et|mais|euh|donc|alors|bon|du coup) )*(?:est ce que )?c est (?:grave|si grave|tres grave|serieux|inquietant)"
        r"(?: (?:ce que (?:je|j) (?:vous )?(?:ai dit|ai ecrit|dis|raconte|ecris|viens de (?:dire|vous dire|ecrire))|"
        r"ce que (?:je|j) (?:vous )?(?:ressens|vis)|ca|docteur|alors|du coup|vous trouvez|vous pensez))?$",
        r"(?:vous (?:trouvez|pensez|croyez)(?: que)?|c est) (?:ca |c est )?(?:grave|inquietant|serieux) ce que (?:je|j)",
        r"^(?:(?:et|mais|euh|donc|alors|bon) )*(?:je|j) (?:dramatise|exagere|en fais trop|me fais des idees)"
        r"(?: (?:la|peut etre|vous (?:trouvez|pensez)))?$",
        r"vous (?:trouvez|pensez|croyez) (?:que )?(?:je|j) (?:dramatise|exagere|en fais trop|me fais des idees)",
        r"^(?:(?:et|mais|euh|donc|alors|bon) )*(?:je|j) (?:suis|deviens) (?:fou|folle)(?: (?:alors|du coup|vous trouvez))?$",
    ]
)
_EMERGENCY = r"(?:15|112|samu|pompiers|secours|urgences)(?! (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|du mois|jours?|ans|euros?|k)\b)"
_MUST_I_CALL = compile_any(
    [
        r"(?:je dois|dois je|faut il|il faut|faut|faudrait|je devrais|devrais je|je (?:vais|peux) vraiment|vraiment)"
        r" (?:vraiment |que j |que je |les |l |le )*(?:appeler|appelle|contacter|contacte|prevenir|previens|deranger)"
        rf" (?:le |la |les |l |au )?{_EMERGENCY}\b",
        rf"(?:appeler|contacter|deranger) (?:le |la |les |l )?{_EMERGENCY}(?: (?:pour (?:ca|rien|si peu)|vraiment))+\b",
    ]
)
_BOTHER = compile_any([r"deranger|embeter|ennuyer|pour rien|pour si peu|pour ca|exagerer|abuser|faire perdre"])
_EMERGENCY_NAMED = compile_any([rf"\b{_EMERGENCY}\b"])


def crisis_question(text: str | None) -> str | None:
    """A question about the helplines or one's own worry, on the crisis path: LINE_QUESTION ("le 3114 ils vont me dire
    quoi ?", "c'est qui au bout du fil au 3114 ?"), WORRY_QUESTION ("c'est grave ce que je vous ai dit ?", "j'exagère
    ?"), EMERGENCY_QUESTION ("je dois vraiment appeler le 15 ?", "j'ai peur de déranger le samu pour rien"); else None.
    A call made, promised or already done is no question (``calls_now``, ``promises_to_call_the_line``, the emergency
    called): those have their own replies."""
    if not text or text.startswith("/"):
        return None
    asked = "?" in text or bool(re.search(r"\b(?:est ce que|est ce qu|vous trouvez|vous pensez)\b", normalise(text)))
    words = normalise(text)
    if not words or says_line_called(text):
        return None
    if re.search(rf"\b{_LINE}\b", words) and _ABOUT_THE_LINE.search(words) and (asked or "ils vont" in words):
        return LINE_QUESTION
    if (
        _EMERGENCY_NAMED.search(words)
        and (
            (asked and _MUST_I_CALL.search(words))
            or (_BOTHER.search(words) and re.search(r"\bpeur\b|\bose\b|\?", text))
        )
        and not re.search(r"\b(?:j ai|on a|je viens d)\s+(?:deja )?(?:appele|contacte|prevenu)\b", words)
    ):
        return EMERGENCY_QUESTION
    if asked and any(_WORRY_ASKED.search(piece) for piece in [words, *_pieces(text)]):
        return WORRY_QUESTION
    return None


# Round 19 (r19c-11): coming back after calling the line ("c'est encore moi. j'ai appelé le 3114, ça m'a fait du bien. je
# veux bien un conseiller") got the whole crisis block and the safety question again, and the name given next was read
# as its answer. The line called, or its help told; never a call to come, nor one not made.
_LINE_CALLED = compile_any(
    [
        rf"(?:j ai|j|on a|je viens d|je les ai|je l ai|on vient d)\s*(?:deja |bien |finalement |enfin )?"
        rf"(?:appele|appeler|eu|contacte|contacter|joint|telephone a|telephone au|parle (?:avec|a|au))\s+(?:le |la |les |l |au |a )?"
        rf"(?:{_LINE}|gens du {_LINE}|personnes? du {_LINE})\b",
        rf"\b(?:le |au )?{_LINE} (?:m a|m ont|ils m ont|on m a) (?:bien |vraiment |beaucoup |un peu )?(?:fait du bien|aide|ecoute|rassure|soulage|calme|conseille)",
        r"(?:j ai|j) (?:appele|eu|contacte)\s+(?:le |les )?(?:ecoutants?|la ligne)\b",
    ]
)
_LINE_NOT_CALLED = compile_any(
    [r"(?:n ai|ai) (?:pas|jamais|toujours pas) (?:encore )?(?:appele|eu|contacte|joint)|pas reussi a|ca (?:a )?sonne"]
)


def says_line_called(text: str | None) -> bool:
    """The suicide prevention line called already ("j'ai appelé le 3114", "le 3114 m'a fait du bien")."""
    if not text or text.startswith("/"):
        return False
    words = normalise(text)
    return bool(_LINE_CALLED.search(words)) and not _LINE_NOT_CALLED.search(words)


# Round 19 (r19b-04): "je sais pas trop... oui je crois. ma fille dort à côté" at the safety question got "Merci, c'est
# bien d'avoir quelqu'un près de vous", as if the yes were sure: the doubt is answered first.
_DOUBT_SAID = compile_any(
    [
        r"(?:je |j )?(?:ne )?(?:sais|sai|sait) (?:pas|trop pas|pas trop|pas vraiment|plus)\b|\bchais pas\b|\bjsais pas\b|"
        r"\bje crois\b|\bje pense\b|\bpeut etre\b|\bj espere\b|\bplus ou moins\b|\bbof\b|\bpas sure?\b"
    ]
)


def doubt_with_company(text: str | None) -> bool:
    """Someone present said with a doubt about one's safety ("je sais pas trop, oui je crois, ma fille dort à côté")."""
    if not text or text.startswith("/") or speaks_for_someone_else(text):
        return False
    return someone_present(text) and bool(_DOUBT_SAID.search(normalise(text)))
