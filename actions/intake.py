"""Which intake questions to ask, and why (plain Python).

Only what is missing and useful for the advisor, one question at a time. When the situation is
urgent the intake is cut short: the advisor is offered at once and asks the rest on the phone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from actions.conversation import SITUATION_SLOTS
from chamber import Chamber

# Re-exported explicitly: said by the actions.
from intake.answers import (
    TAKE_YOUR_TIME as TAKE_YOUR_TIME,
    TAKE_YOUR_TIME_NO_QUESTION as TAKE_YOUR_TIME_NO_QUESTION,
)
from intake.facts import fold

URGENT_LEVELS = frozenset({"haute", "critique"})

# Why each question is asked, said back when the artisan asks "pourquoi ?".
QUESTION_REASONS = {
    "since_when": "Savoir depuis quand cela dure aide le conseiller à voir quelles aides sont encore possibles.",
    "deadline": "Une date proche (audience, saisie, salaires) change l'ordre des démarches : elle permet d'agir à temps.",
    "trade": "Certaines aides dépendent du métier, et le conseiller connaît les difficultés propres à chaque métier.",
    "legal_form": "Les démarches ne sont pas les mêmes pour une micro-entreprise, une entreprise individuelle ou une société.",
    "employees": "Quand il y a des salariés, d'autres solutions existent, et les salaires passent en priorité.",
    "departement": "Cela permet de transmettre votre situation à la chambre et aux services de votre secteur.",
    "creditors": "Savoir à qui et combien vous devez permet de proposer le bon interlocuteur, par exemple un étalement.",
    "steps_taken": "Cela évite de vous proposer ce que vous avez déjà fait.",
    "wants_advisor": "Un conseiller peut faire avec vous ce que je ne peux pas : appeler les organismes et chercher des aides.",
    # "et si je dis non ?", "c'est obligé ?" (round 9, r9a-26): what a no means, not the law.
    "consent_given": (
        "Rien n'est obligatoire : sans votre accord, je ne transmets rien à la chambre et personne ne vous appellera. "
        "Vous pourrez toujours appeler la chambre vous-même."
    ),
    "health_consent": "Une information de santé est sensible : elle n'est gardée que si vous le voulez bien.",
    "contact_name": "C'est pour que le conseiller sache comment s'adresser à vous. Un prénom suffit.",
    "phone": "Le conseiller vous rappelle par téléphone : c'est le seul moyen de vous joindre.",
    "email": "C'est facultatif : certains préfèrent recevoir aussi un message écrit.",
    "callback_slot": "Pour que le conseiller vous appelle à un moment où vous pouvez parler.",
}

GENERIC_REASON = "Chaque réponse aide le conseiller à préparer votre rappel."

# "c'est-à-dire ?", "ça veut dire quoi ?" at a question (round 5: "Je ne sais pas répondre à cette question ici" at the
# legal form): what the question asks, with examples of answers, before it comes again.
QUESTION_EXAMPLES = {
    "since_when": "Je vous demande depuis combien de temps les difficultés ont commencé, par exemple « depuis 3 mois » ou « depuis la rentrée ».",
    "deadline": "Je vous demande si une date approche : une audience, une saisie, des salaires ou un loyer à payer. Sinon, répondez « non ».",
    "trade": "Je vous demande votre métier, par exemple « boulanger » ou « coiffeuse ».",
    "legal_form": "Par exemple : micro-entreprise (auto-entrepreneur), entreprise individuelle, EURL, SARL ou SAS. Si vous ne savez pas, répondez « passer ».",
    "employees": "Je vous demande si des personnes travaillent avec vous, salariés ou apprentis : par exemple « 2 salariés » ou « personne ».",
    "departement": "Je vous demande où se trouve votre entreprise : une ville ou un département suffit, par exemple « Lyon » ou « 69 ».",
    "creditors": "Je vous demande à qui vous devez de l'argent et environ combien, par exemple « URSSAF 3000 € ». Une estimation suffit.",
    "steps_taken": "Je vous demande si vous avez déjà contacté quelqu'un : l'URSSAF, les impôts, la banque, un comptable. Sinon, répondez « non ».",
}
_WHAT_DO_YOU_MEAN = re.compile(
    r"^(?:(?:euh|ben|bah|heu|pardon|desole|desolee)[ ,]+)?(?:"
    r"(?:c(?:'| )?est[- ]a[- ]dire|cad|ca veut dire(?: quoi)?|(?:c'est|c est) quoi (?:cette question|la question)|"
    r"qu'est[- ]ce que (?:ca veut dire|vous voulez dire)|vous voulez dire quoi)\b|"
    # Said alone: "je comprends pas pourquoi la banque fait ça" is about the bank, not the question.
    r"(?:comment ca|c'est quoi ca|je (?:ne )?(?:comprends|comprend) pas|j'ai pas compris|pas compris)[ ?!.]*$|"
    r"(?:je (?:ne )?(?:comprends|comprend) pas|j'ai pas compris) (?:la|votre|cette|vos) questions?\b)"
)

# Asked only when they help for the categories at hand.
_DEADLINE_CATEGORIES = frozenset({"procedure_judiciaire", "banque", "cotisations_sociales", "impots", "tresorerie"})


# First guidance comes at most three bot turns after the difficulty is stated: the acknowledgement with
# the first question, the second question, then guidance. The rest is for the advisor.
MAX_INTAKE_QUESTIONS = 2

# Asked first when they apply: what changes the first guidance most.
_ORDER = ("deadline", "creditors", "since_when", "trade", "legal_form", "employees", "steps_taken", "departement")
# The questions about the difficulty itself, asked only once one was told.
SITUATION_SPECIFIC = frozenset({"since_when", "deadline", "creditors", "steps_taken"})
# A trade or a place said alone, no difficulty told: noted, and what brings the artisan is asked.
NO_DIFFICULTY_YET = "Qu'est-ce qui vous amène : quelle difficulté rencontrez-vous dans votre activité ?"
_MONEY_CATEGORIES = frozenset({"cotisations_sociales", "impots", "banque", "tresorerie"})

# Questions that may be skipped ("passer"): the intake's, the e-mail and the callback time; not the
# yes/no questions of the handoff, nor the name and the phone number it cannot do without.
SKIPPABLE = frozenset(SITUATION_SLOTS) | {"email", "callback_slot"}


def intake_questions(categories: Sequence[str], urgency: str | None) -> list[str]:
    """The situation slots that apply, in the order they are asked (the form skips filled ones)."""
    if urgency in URGENT_LEVELS:
        # Urgent: the advisor is offered now; only where the artisan is, to route the case.
        return ["departement"]
    wanted = list(_ORDER)
    if not categories or urgency == "basse":
        # No difficulty told yet ("fleuriste", "taxi" alone, round 6): "Depuis quand cette situation dure-t-elle ?"
        # asks about a situation nobody described; only what the business is can be asked. Nor for someone asking
        # ahead, whom the triage finds "basse" (round 22, r22c-07, r22c-12: "ben y a pas de situation, je me
        # renseigne" got "Depuis quand ?" twice, and "une audience, une saisie ?"): no debt, no deadline, no since.
        return [slot for slot in wanted if slot not in SITUATION_SPECIFIC]
    if not _DEADLINE_CATEGORIES.intersection(categories):
        wanted.remove("deadline")
    if not _MONEY_CATEGORIES.intersection(categories):
        # "À qui devez-vous de l'argent" is no question for a road works or a health difficulty.
        wanted.remove("creditors")
        wanted.insert(wanted.index("steps_taken"), "creditors")
    return wanted


def asked_situation_slots(events: Iterable[Mapping[str, Any]]) -> list[str]:
    """The situation questions already asked in this conversation, in order."""
    asked: list[str] = []
    for event in events:
        if event.get("event") == "slot" and event.get("name") == "requested_slot":
            value = event.get("value")
            if value in SITUATION_SLOTS and value not in asked:
                asked.append(value)
    return asked


def questions_to_ask(
    categories: Sequence[str], urgency: str | None, slots: Mapping[str, Any], events: Iterable[Mapping[str, Any]]
) -> list[str]:
    """The situation form's required slots: those already asked (so that their answer is taken), then
    the first missing ones that apply, up to MAX_INTAKE_QUESTIONS questions in the whole conversation."""
    asked = asked_situation_slots(events)
    budget = MAX_INTAKE_QUESTIONS - len(asked)
    missing = [
        slot for slot in intake_questions(categories, urgency) if slot not in asked and slots.get(slot) in (None, "")
    ]
    return asked + missing[: max(budget, 0)]


def unanswered_before(events: Iterable[Mapping[str, Any]], slot: str) -> int:
    """How many messages the artisan wrote at this question, before the latest one, while it stayed asked
    (each answered something else, asked something, or waited)."""
    asking = False
    messages = 0
    for event in events:
        if event.get("event") == "slot" and event.get("name") == "requested_slot":
            if event.get("value") != slot:
                asking, messages = False, 0
            asking = asking or event.get("value") == slot
        elif asking and event.get("event") == "user":
            messages += 1
    return max(messages - 1, 0)


def skip_offered(events: Iterable[Mapping[str, Any]], slot: str, latest_only: bool = False) -> bool:
    """Whether OFFER_SKIP was said while this question was asked (``latest_only``: in the bot's last turn
    before the artisan's latest message, so that a "oui" now accepts it)."""
    events = list(events)
    last_user = max((i for i, event in enumerate(events) if event.get("event") == "user"), default=len(events))
    asking, offered = False, False
    for event in events[:last_user]:
        if event.get("event") == "slot" and event.get("name") == "requested_slot":
            if event.get("value") != slot:
                offered = False
            asking = event.get("value") == slot
        elif event.get("event") == "bot" and asking:
            text = event.get("text") or ""
            offered = offered or OFFER_SKIP in text or _OFFER_SKIP_BEFORE in text
        elif latest_only and event.get("event") == "user":
            offered = False  # said before an earlier message: that message did not take it up
    return offered and asking


# The second message that does not answer a question offers to pass it; the next one, once it was offered,
# passes it: a question is never asked more than three times in a row, and every intake question may be passed.
OFFER_SKIP_AFTER = 1
SKIP_AFTER = 2
# Its own sentence, after what was noted (round 23, talk-b #12: "Merci, c'est noté. Si vous préférez, nous pouvons passer
# ma question" read as if the answer just given were refused). The former wording still counts as an offer.
OFFER_SKIP = "Je vous repose ma question ; si vous préférez la passer, répondez « passer »."
_OFFER_SKIP_BEFORE = "Si vous préférez, nous pouvons passer ma question"


# A bare "oui" says nothing to "À qui devez-vous de l'argent ?" nor to "Si oui, combien ?": the detail is
# asked once, then whatever comes is kept (never a loop).
DETAIL_WANTED = frozenset(SITUATION_SLOTS) - {"departement"}  # the place question reads its own answers
ASK_DETAIL = "D'accord. Pouvez-vous préciser un peu ? Une estimation suffit."
SKIPPED_ACK = "D'accord, passons cette question."
# "c'est dur" at a question: heard, never taken for the answer; the question again (not_answered offers to pass it
# the second time).
FEELING_HEARD = "Je comprends, ce n'est pas facile. Prenez le temps qu'il vous faut."
# A thanks in the middle of a question: a short word, then the question goes on.
YOU_ARE_WELCOME = "Je vous en prie."

# A question asked back at a free-text question: answered briefly, never taken for the answer.
_SERIOUS = re.compile(
    r"\b(?:c(?:'| )?est|c|est[- ]ce (?:que )?(?:c'est|c est|cest|ca est)|ca (?:va )?(?:etre|est)|cest)\s*"
    r"(?:grave|serieux|foutu|fichu|mort|perdu|la fin|mal parti|inquietant)\b|\bje vais (?:m'en|men) sortir\b|"
    r"\bva[- ]t[- ]on s'en sortir\b|\bon va s'en sortir\b|\bje risque quoi\b|\bqu'est[- ]ce que je risque\b"
)
_QUESTION_START = re.compile(
    r"^(?:est[- ]ce|pourquoi|comment|combien|quand|vous etes|tu es|ca coute|qu'est[- ]ce|c'est quoi|c quoi|"
    r"je risque|on risque)\b"
)


def asks_what_is_meant(words: str | None) -> bool:
    """ "c'est-à-dire ?", "je comprends pas la question": the question itself was not understood."""
    return bool(_WHAT_DO_YOU_MEAN.search(" ".join(fold(words or "").split())))


SERIOUS_REPLY = (
    "Votre situation mérite qu'on s'en occupe, mais des solutions existent presque toujours, "
    "surtout quand on s'y prend tôt : c'est le travail des conseillers."
)
# Honest: the assistant cannot answer, and nobody is promised to; who can be asked comes from the configuration.
QUESTION_REPLY = "Je ne sais pas répondre à cette question ici. Vous pourrez la poser à un conseiller de la {short_name}, au {phone}."


def question_reply(chamber: Chamber) -> str:
    """What is said to a question the assistant cannot answer (QUESTION_REPLY with the chamber's words)."""
    return QUESTION_REPLY.format(short_name=chamber.short_name, phone=chamber.phone)


# Round 27 (r27-a-01, r27-a-22, D1): "ok. et ca coute combien votre truc" at the deadline question got "D'accord. Pouvez-vous
# préciser un peu ? Une estimation suffit.": the "ok." was read as a yes to the question pending, and the question after it
# dropped. An acknowledgement in front of a question asks the question; a moment ("ok quand vous voulez") stays an answer.
_ACK_THEN_QUESTION = re.compile(
    r"^(?:(?:ok|okay|oki|d'accord|dac|bon|ben|bah|ah|oui|ouais|merci|tres bien|entendu|super|parfait|je vois)[\s,.!]+)+"
    r"(?:(?:et|mais|sinon|alors|du coup|au fait|juste)[\s,]+)*(?:est[- ]ce|pourquoi|combien|ca coute|ca coute combien|"
    r"qu'est[- ]ce|c'est quoi|c quoi|c'est combien|c'est gratuit|c'est payant|c gratuit|c payant|comment ca (?:marche|se "
    r"passe)|vous etes)\b"
)


# Round 27 (r27-a-07, D15): "vous avez pas une aide pour manger ou un truc comme ca", no question mark, after the crisis
# part got "je n'ai pas bien compris": whether an aid exists, asked of the assistant, is a question.
_ASKS_FOR_AN_AID = re.compile(
    r"^(?:(?:euh|bon|ben|bah|et|mais|alors|sinon|du coup|oui|non)[\s,.!]+)*(?:(?:vous|vs) (?:n'? ?)?(?:avez|auriez|"
    r"connaissez|connaitriez|proposez)(?: pas)?|(?:il )?(?:y a|ya|y'a|y aurait)(?: pas)?|(?:il )?(?:existe|existerait)(?: pas)?|"
    r"auriez[- ]vous|avez[- ]vous|connaissez[- ]vous) (?:connaissance (?:d'? ?|de ))?(?:une |des |de l'? ?|un |d'? ?)?"
    r"(?:aides?|solutions?|secours|dispositifs?|allocations?)\b|^(?:et )?quel(?:le)?s? (?:aides?|solutions?|dispositifs?)\b"
)


def is_question(words: str | None) -> bool:
    """A question asked back ("c grave ?", "pourquoi ?"), not an answer ("c'est l'URSSAF")."""
    folded = " ".join(fold(words or "").split())
    if not folded:
        return False
    from intake.service_questions import asks_if_paying_stops_it, asks_what_if_unpaid

    return (
        folded.endswith("?")
        or bool(_QUESTION_START.match(folded))
        or bool(_ACK_THEN_QUESTION.match(folded))
        or bool(_ASKS_FOR_AN_AID.match(folded))
        or bool(_SERIOUS.search(folded))
        or asks_what_is_meant(words)
        # Round 26 (r26c-02, r26c-17): "jrisk koi si jpaye pa lurssaf", no question mark, is a question all the same.
        or asks_what_if_unpaid(words)
        or asks_if_paying_stops_it(words)
    )


# Words that ask the assistant something, with or without a question mark: a question word first, the words
# addressed to it ("vous êtes de l'urssaf"), an inversion ("êtes-vous"), a wish to know ("je veux savoir si").
_ASKS_SOMETHING = re.compile(
    r"^(?:qui|que|quoi|quel|quelle|quels|quelles|ou|a qui|a quoi|de quoi|c'est qui|c qui|vous|vs|tu|t'es|y a|"
    r"il y a|on peut|je peux|puis-je|peut-on|pouvez|dites|donnez|expliquez|presentez)\b|"
    r"\b(?:savoir|connaitre|comprendre|demander) (?:si|qui|quoi|comment|combien|ou|quel\w*|ce qu|pourquoi)\b|"
    r"\w-(?:vous|tu|il|elle|on|je|ce)\b"
)


def asks_something(words: str | None) -> bool:
    """A question to the assistant, also without "?" ("vous êtes qui", "je voudrais savoir si c'est gratuit"),
    unlike a statement that answers a question ("c'est moi qui gère tout maintenant")."""
    folded = " ".join(fold(words or "").replace("’", "'").split())
    return is_question(words) or bool(_ASKS_SOMETHING.search(folded))


def reply_to_question(words: str | None, chamber: Chamber, slot: str | None = None) -> str:
    """A short answer to a question asked at a free-text question; the question is then asked again."""
    folded = " ".join(fold(words or "").split())
    if _SERIOUS.search(folded):
        return SERIOUS_REPLY
    if folded.startswith("pourquoi"):
        return explain(slot, words)
    if asks_what_is_meant(words) or (slot in QUESTION_EXAMPLES and not re.search(r"\w", folded)):
        # "?" alone mostly means "je ne comprends pas la question" (round 6): what it asks, with examples.
        return QUESTION_EXAMPLES.get(slot or "", explain(slot))
    from intake.service_questions import FREE, asks_price_of_the_service

    if asks_price_of_the_service(words):
        return FREE  # round 27 (r27-a-01): "ok. et ca coute combien votre truc", read at an intake question
    return question_reply(chamber)


# Round 17 (r17b-15: "pourquoi vous voulez mon numéro ?" at the consent question got "Rien n'est obligatoire…"): why the
# number is asked, said at any question, and that nothing is taken without the person's agreement.
PHONE_REASON = (
    "Votre numéro sert seulement à ce qu'un conseiller de la chambre vous rappelle, et seulement si vous êtes d'accord. "
    "Vous pouvez aussi appeler la chambre vous-même."
)


# "ça engage à quoi ?", "ça m'engage ?", "c'est un engagement ?", "je m'engage à quoi si je dis oui ?" (round 23, r23a-09:
# answered with what an advisor can do): what the call commits to, said first.
_ASKS_COMMITMENT = re.compile(
    r"\b(?:engage\w*|engagement)\b(?!.*\b(?:fournisseur|banque|proc\w*|caution|credit|pret|contrat)\b)|"
    r"\bje (?:suis|serai) oblige\w* (?:de\b|a\b|d')|\bca m'oblige\w* a\b|\bil y a un piege\b"
)
COMMITMENT_REPLY = (
    "À rien : c'est gratuit et sans engagement, vous pourrez dire non à tout moment, même pendant l'appel."
)


def asks_about_commitment(words: str | None) -> bool:
    """ "ça engage à quoi ?": what saying yes commits to, asked (a question, not "je me suis engagé auprès de la
    banque")."""
    from intake.service_questions import asks_about_own_matter

    folded = " ".join(fold(words or "").replace("’", "'").split())
    if asks_about_own_matter(folded):
        return False  # "je suis obligée de la rembourser ?" (round 25, s25c-14): her matter, not the call's commitment
    return bool(_ASKS_COMMITMENT.search(folded)) and (folded.endswith("?") or bool(re.search(r"\ba quoi\b", folded)))


def explain(slot: str | None, words: str | None = None) -> str:
    """Why the question is asked (or, when the "pourquoi" names another one, "pourquoi mon numéro ?", why that one
    is); the skip hint only where the question may be skipped."""
    from intake.service_questions import QUESTION_FOR_THE_ADVISOR, asks_about_own_matter, slot_named_in_why

    if asks_about_own_matter(words) and _ASKS_COMMITMENT.search(" ".join(fold(words or "").replace("’", "'").split())):
        # "je suis obligée de la rembourser ?" (round 25, s25c-14) got "Non, rien ne vous engage": never a "Non" to her
        # own matter, which the advisor can look at with her.
        return QUESTION_FOR_THE_ADVISOR
    if asks_about_commitment(words):
        # "ça engage à quoi ?" gets "À rien"; "je suis obligé de… ?" gets a no.
        asks_what = re.search(r"\ba quoi\b", fold(words or ""))
        return COMMITMENT_REPLY if asks_what else COMMITMENT_REPLY.replace("À rien", "Non, rien ne vous engage", 1)
    named = slot_named_in_why(words)
    if named == "phone" and slot != "phone":
        return PHONE_REASON
    if named in QUESTION_REASONS and named != slot and named not in ("consent_given", "wants_advisor"):
        return QUESTION_REASONS[named]
    reason = QUESTION_REASONS.get(slot or "", GENERIC_REASON)
    if slot in SKIPPABLE:
        reason += " Vous pouvez aussi répondre « passer »."
    return reason
