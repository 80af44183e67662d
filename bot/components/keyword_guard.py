"""Last of the guards: the words the bot itself tells people to write ("Si vous changez d'avis, écrivez
« conseiller »") mean what the bot said they mean, whatever the classifier reads in one word.

Round 4 of off-script conversations (2026-12-03): « conseiller » alone was read as nlu_fallback (request_human
0.40, affirm 0.34: the word is in many training examples of other intents), so the artisan who followed the bot's
own instruction got "Je n'ai pas bien compris". A message the crisis guard decided is left as it is.
"""

from __future__ import annotations

import logging
import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT
from rasa.shared.nlu.training_data.message import Message

from bot.components.after_the_crisis_guard import AfterTheCrisisGuard
from french import fold
from intake.answers import asks_how_long_kept, called_away, is_closing, names_the_callback

logger = logging.getLogger(__name__)

# The keyword, folded (lower case, no accents), -> the intent the bot's own sentences promise for it.
KEYWORDS = {"conseiller": "request_human", "un conseiller": "request_human", "conseillere": "request_human"}
# A phone number in the words, as written in France and overseas ("06 12 34 56 78", "0692.45.67.89", "+33 6 ...").
_A_PHONE_NUMBER = re.compile(r"(?<![\d+])(?:\+\d{2,3}[\s.-]?|0)\d(?:[\s.-]?\d{2}){4}(?!\d)")
# What a message giving a number was read as, which no action reading numbers follows (a thanks gets a response,
# a question about the service its answer): "merci ! ah et le bon numéro c'est le 06 ..." lost the correction.
_READ_AWAY_FROM_THE_NUMBER = frozenset({"faq", "ask_why_question", "thank", "greet", "skip_question"})
_POLITE = re.compile(r"\b(?:svp|stp|s il vous plait|s il te plait|merci|please)\b")


def keyword_intent(text: str) -> str | None:
    """The intent of a message that is one of the keywords, said alone (punctuation and "svp" aside); round 5's
    "rappel" said as a clause of its own ("urssaf. 3000. rappel.", ignored) and a leave-taking because someone calls
    ("jdois y aller elle m'appelle", read as a request for our call)."""
    words = re.sub(r"[^a-z0-9]+", " ", fold(text).lower())
    words = " ".join(_POLITE.sub(" ", words).split())
    if words in KEYWORDS:
        return KEYWORDS[words]
    if called_away(text):
        return "goodbye"
    if names_the_callback(text):
        return "request_human"
    return None


def number_given(text: str, read_as: str | None) -> str | None:
    """`inform` for a phone number given in words read as a thanks, a greeting or a question about the service (round
    8: "ah pardon le bon numéro c'est le 06 ...", read as faq, left the wrong number in the case): the handoff form
    and every action that answers after the case read numbers; None otherwise, a question included ("c'est bien le
    06 ... que vous avez ?" keeps the classifier's reading)."""
    if read_as in _READ_AWAY_FROM_THE_NUMBER and "?" not in text and _A_PHONE_NUMBER.search(text):
        return "inform"
    return None


def thanks_taking_leave(text: str, read_as: str | None) -> str | None:
    """`goodbye` for thanks that take leave ("merci beaucoup, je ne vous embête pas plus", "MERCI BCP BONNE SOIREE":
    round 9, r9a): read as thanks outside a form they got "Je vous en prie. Y a-t-il autre chose ... ?"."""
    return "goodbye" if read_as == "thank" and is_closing(text) else None


# A short thanks the classifier could not place ("merci c'est tout" at 0.45 once the retired held-out v26 joined the
# training: the e-mail question read it as an address, "Cette adresse ne semble pas complète"). No question, no fact.
_PLAIN_THANKS = re.compile(
    r"^(?:(?:ok|bon|ben|alors|bah|d accord|parfait|super|top|tres bien),? )?(?:merci|mrc|mci|thanks?)\b"
    r"(?: (?:beaucoup|bcp|bien|encore|infiniment|a vous|pour tout|pour votre aide|c est tout|ce sera tout|ca ira|"
    r"ca sera tout|c est bon|c est gentil|madame|monsieur|bonne (?:soiree|journee|fin de journee|nuit)))*$"
)


def thanks_unplaced(text: str, read_as: str | None) -> str | None:
    """`thank` (or `goodbye` when it takes leave) for a plain thanks read as nlu_fallback."""
    words = " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())
    if read_as != "nlu_fallback" or not _PLAIN_THANKS.match(words):
        return None
    return "goodbye" if is_closing(text) else "thank"


def service_question_after_thanks(text: str, read_as: str | None) -> str | None:
    """`faq` for a question about the service said with a thanks ("merci, et si je loupe son appel ?", "merci. c'est vous
    l'URSSAF ?"): read as a thanks it got "Je vous en prie. Y a-t-il autre chose ... ?" (round 19); the FAQ action answers."""
    from intake.service_questions import asks_about_a_missed_call, asks_us_to_act, body_asked_about

    if read_as != "thank":
        return None
    asked = body_asked_about(text) or asks_us_to_act(text) or asks_about_a_missed_call(text)
    return "faq" if asked else None


def added_to_the_case(text: str, read_as: str | None) -> str | None:
    """`faq` for words that add to the request already made ("vous pouvez ajouter ça à mon dossier ? ...", read as
    nlu_fallback in round 20, r20c-01: "Je n'ai pas bien compris"): the FAQ action updates the case and says so."""
    from intake.answers import adds_to_the_case

    if read_as in ("nlu_fallback", "out_of_scope", "ask_why_question") and adds_to_the_case(text):
        return "faq"
    return None


# What a request for the call was read as, which answers it with something else: the chamber's number for "Mon numéro
# c'est 06 11 22 33 44, vous pouvez me faire rappeler ?" (round 21, r21y-07), and no handoff.
_READ_AWAY_FROM_THE_CALL = frozenset({"faq", "nlu_fallback", "out_of_scope"})


def callback_asked(text: str, read_as: str | None) -> str | None:
    """`request_human` for a call asked for in so many words ("vous pouvez me faire rappeler ?", "rappelez-moi au 06 ...")
    that the classifier read as a question about the service or nothing: the handoff starts, the number kept."""
    from intake.answers import asks_for_callback

    return "request_human" if read_as in _READ_AWAY_FROM_THE_CALL and asks_for_callback(text) else None


def retention_question(text: str, read_as: str | None) -> str | None:
    """`faq` for a question about how long the data is kept, whatever it was read as ("vous gardez ça combien de temps
    ?" at the consent question got "Je ne sais pas répondre", round 10, r10a-02 and 15): the FAQ action answers it
    with the retention, the case's once a handoff is under way."""
    return "faq" if read_as != "faq" and asks_how_long_kept(text) else None


def outside_the_service(text: str, read_as: str | None) -> str | None:
    """`out_of_scope` for a writer the service is not for, whatever the message was read as (round 22: an apprentice's
    "mon patron me paye pas" read as a difficulty told, the intake started on his boss's business; "je voudrais créer
    ma boîte" read as a question, then "qu'est-ce qui vous amène ?"): the out-of-scope action says whom to ask."""
    from intake.outside import writer_outside

    if read_as in _KEPT_FROM_OUTSIDE:
        return None
    return "out_of_scope" if writer_outside(text) else None


def relative_introduced(text: str, read_as: str | None) -> str | None:
    """`inform` for someone close saying whom they write for, read as outside the service or nothing ("euh c'est pour
    mon mari en fait il est carreleur" got "Je ne peux pas vous aider sur ce sujet" in round 30): the intake notes the
    trade and asks what happens. Only with the artisan's trade or business said: "c'est pour mon fils, il est salarié"
    is no artisan's."""
    from intake.facts import concerned_relative, extract_facts
    from intake.outside import writer_outside

    if read_as not in ("out_of_scope", "nlu_fallback") or writer_outside(text) or not concerned_relative(text):
        return None
    return "inform" if extract_facts(text).get("trade") else None


# What the reading keeps, outside the service too: a call asked for, a yes or no, leaving, a feeling told.
_KEPT_FROM_OUTSIDE = frozenset(
    {
        "out_of_scope",
        "request_human",
        "affirm",
        "deny",
        "goodbye",
        "stop_conversation",
        "express_distress",
        "express_overwhelm",
        "express_bereavement",
    }
)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class KeywordGuard(AfterTheCrisisGuard):
    def intent_of(self, message: Message, text: str) -> str | None:
        read_as = (message.get(INTENT) or {}).get("name")
        intent = (
            keyword_intent(text)
            or callback_asked(text, read_as)
            or number_given(text, read_as)
            or service_question_after_thanks(text, read_as)
            or thanks_taking_leave(text, read_as)
            or retention_question(text, read_as)
            or added_to_the_case(text, read_as)
            or thanks_unplaced(text, read_as)
            or outside_the_service(text, read_as)
            or relative_introduced(text, read_as)
        )
        if intent is not None:
            logger.info("keyword guard: %s", intent)
        return intent
