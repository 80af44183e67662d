"""What the bot says on the crisis path (safe messaging: Papageno, WHO, 3114.fr).

Numbers first, a human without conditions, the question about safety last so that its one-tap
answers sit on it; the direct question about suicide for ambiguous distress; the 3114 for relatives
bereaved by suicide. Chamber words (name, phone, hours, the business owners' line) come from the
chamber's configuration.
"""

from __future__ import annotations

import re

from chamber import Chamber
from chamber.emergency import EMERGENCY_SMS, EUROPEAN_EMERGENCY, SAMU, SUICIDE_PREVENTION_LINE
from french.words import ACCENTED_KIN
from triage.answers import (
    ACKNOWLEDGED,
    ANSWERS_INTAKE_QUESTION,
    FIGURE_OF_SPEECH,
    QUESTION_BACK,
    THANKED,
    WHY_ASKED,
)

SAFETY_QUESTION = "Êtes-vous en sécurité en ce moment ?"
SAFETY_BUTTONS = (
    {"title": "Oui, je suis en sécurité", "payload": "/affirm"},
    {"title": "Non, pas en sécurité", "payload": "/deny"},
)
# Asked directly and kindly: asking does not put the idea in anyone's head (3114, WHO).
CHECK_IN = "Ce que vous traversez a l'air vraiment lourd, et je vous remercie de me le confier."
SUICIDE_QUESTION = (
    "Je vous pose la question simplement, sans jugement : est-ce qu'il vous arrive de penser au suicide ?"
)
# An answer to something else ("depuis décembre", "pourquoi vous me demandez ça ?"), or a question asked
# back: a kind word or an answer, then the question once more (triage.answers.ASK_AGAIN).
ASK_AGAIN_FIRST = {
    ANSWERS_INTAKE_QUESTION: "Merci pour cette précision.",
    WHY_ASKED: "Je vous le demande parce que ce que vous vivez est lourd, et que votre sécurité compte avant tout.",
    FIGURE_OF_SPEECH: "D'accord, merci de me le préciser.",
    THANKED: "Je vous en prie.",
    # "ok" right after the numbers (round 16, r16b-02, -08, -13): they were heard; the question once more, plainly.
    ACKNOWLEDGED: "D'accord. Je vous repose simplement ma question :",
    # A question asked back that no stored answer fits: honest, never a guess. Never "Je suis un assistant automatique,
    # pas une personne" (round 26, r26a-12): that answers "vous êtes un robot ?" only.
    QUESTION_BACK: "Je ne sais pas répondre à cette question ici : un conseiller de la chambre pourra le faire.",
}
# Round 16 (r16a-14): "ça change quoi" to "Êtes-vous en sécurité ?": what the answer changes, said before the question
# once more.
WHAT_IT_CHANGES_SAFETY = (
    "Cela change ce que je vous indique : si vous êtes en danger maintenant, il faut une aide tout de suite, et je veux "
    "pouvoir vous dire qui appeler. Vous n'avez pas à m'en dire plus."
)
# A request for a person at a crisis question: granted right after the answer, which comes first.
HUMAN_AFTER_THE_QUESTION = (
    "C'est noté : un conseiller de la chambre pourra vous rappeler, je vous le propose juste après."
)
SUICIDE_QUESTION_AGAIN = "Je reviens à ma question, sans jugement : est-ce qu'il vous arrive de penser au suicide ?"
# After a clear no: the 3114 once, then back to where the conversation was.
CLEAR_NO_REPLY = (
    f"Merci pour votre réponse. Si un jour ces pensées venaient, le {SUICIDE_PREVENTION_LINE} répond jour et nuit, "
    "gratuitement."
)
OPEN_QUESTION = "Voulez-vous me dire ce qui pèse le plus en ce moment ?"
# When the question was already answered in this conversation: no second time.
CHECK_IN_AGAIN = "Je vous entends, c'est beaucoup à porter. Prenons les choses une par une."
# Someone bereaved by suicide: sympathy, and the 3114 is for them too; not treated as at risk.
BEREAVEMENT = (
    f"Je suis profondément désolé pour cette perte. Le {SUICIDE_PREVENTION_LINE} répond aussi aux proches endeuillés "
    "par un suicide, jour et nuit, gratuitement, si vous avez besoin d'en parler."
)
# The end of a handoff after distress repeats the line.
HANDOFF_REMINDER = f"En attendant, le {SUICIDE_PREVENTION_LINE} reste joignable jour et nuit, gratuitement."
# A question let go in a crisis ("je sais pas quoi lui dire ce soir", from someone close): never "rien ne presse"; the
# 3114 advises those close to a person at risk too (round 24, talker B, r24b-09).
SKIP_IN_A_CRISIS = (
    f"Vous n'avez rien à m'expliquer de plus. Le {SUICIDE_PREVENTION_LINE} répond jour et nuit, gratuitement, à la "
    "personne en difficulté comme à ses proches, et peut vous aider à trouver les mots."
)
# A leave-taking after the crisis path ("bon je vais y aller"): the numbers again, whatever was answered before.
LEAVING_REMINDER = (
    f"Le {SUICIDE_PREVENTION_LINE} répond jour et nuit, gratuitement, et en cas de danger immédiat, "
    f"le {SAMU} ou le {EUROPEAN_EMERGENCY}."
)
# The third leave-taking after the crisis path: the numbers once more, in a line short enough not to repeat a paragraph.
LEAVING_REMINDER_SHORT = f"Au revoir. Le {SUICIDE_PREVENTION_LINE} jour et nuit, le {SAMU} ou le {EUROPEAN_EMERGENCY} en cas de danger immédiat."


# 3114 and 112: "15" alone is also an amount or a date in the bot's other replies.
_EMERGENCY_NUMBER = re.compile(rf"\b(?:{SUICIDE_PREVENTION_LINE}|{EUROPEAN_EMERGENCY})\b")


# Someone at risk (distress, or not safe now) is never left with an administrative sentence or a bare "pardon ?":
# the numbers come with every reply that ends, refuses or does not understand (round 4 of off-script conversations).
AT_RISK_REFUSAL = f"C'est entendu, personne ne vous appellera. Vous pouvez continuer à m'écrire ici. {LEAVING_REMINDER}"
AT_RISK_NOT_UNDERSTOOD = (
    f"Pardon, je ne suis qu'un assistant automatique et je n'ai pas bien compris. Je reste là. {LEAVING_REMINDER}"
)
# Said again, shorter: the long sentence twice reads like a machine stuck (the simulator, seed 20261231).
AT_RISK_NOT_UNDERSTOOD_AGAIN = f"Pardon, je ne comprends pas. Le {SUICIDE_PREVENTION_LINE} jour et nuit ; le {SAMU} ou le {EUROPEAN_EMERGENCY} si danger."


def names_emergency_numbers(text: str | None) -> bool:
    """A reply that gives the crisis numbers (the 3114, or the 15 and 112): nothing may come before it
    (bot/crisis_first.py)."""
    return bool(text and _EMERGENCY_NUMBER.search(text))


# After the answer to the safety question (rules "safe for now" / "not safe", action_after_safety_answer).
SAFE_REPLY = (
    f"Je suis soulagé de le lire. Vous n'avez pas à affronter tout ça sans aide : le {SUICIDE_PREVENTION_LINE} reste "
    "joignable à tout moment, gratuitement."
)
NOT_SAFE_REPLY = (
    f"Merci de me l'avoir dit. Appelez tout de suite le {SAMU} ou le {EUROPEAN_EMERGENCY}, ou le "
    f"{SUICIDE_PREVENTION_LINE} qui répond jour et nuit (le {EMERGENCY_SMS} par SMS si vous ne pouvez pas parler). "
    "Si vous le pouvez, restez près de quelqu'un en attendant."
)

# Someone close writing about another person at risk (triage: person_at_risk, in the writer's words, "mon mari"): the
# 3114 answers relatives too and helps them know what to do and say (3114.fr, "Vous êtes un proche"); every question
# of the path is about that person. Each function below gives the artisan's own wording when `person` is None.
RELATIVE_SAFETY_BUTTONS = (
    {"title": "Oui, en sécurité", "payload": "/affirm"},
    {"title": "Non, ou je ne sais pas", "payload": "/deny"},
)


def your(person: str) -> str:
    """The writer's words for the person at risk, addressed back to them: "mon père" -> "votre père"."""
    words = person.lower().split()
    possessive = {"mon": "votre", "ma": "votre", "notre": "votre", "un": "votre", "une": "votre"}
    possessive |= {"mes": "vos", "nos": "vos"}
    if len(words) < 2 or words[0] not in possessive:
        return "votre proche"
    # The writer's "pere" or "soeur" (no accent or ligature on a phone keyboard) is written back as the bot writes
    # French.
    return " ".join([possessive[words[0]], *(ACCENTED_KIN.get(word, word) for word in words[1:])])


def _plural(person: str) -> bool:
    return your(person).startswith("vos ")


def safety_question(person: str | None = None) -> str:
    if person is None:
        return SAFETY_QUESTION
    return f"Pensez-vous que {your(person)} {'soient' if _plural(person) else 'soit'} en sécurité en ce moment ?"


def safety_question_again(person: str | None = None) -> str:
    """The safety question asked a second time (round 25, s25a-06: the same words again after "en fait non"): never
    word for word."""
    if person is None:
        return "Et là, maintenant, êtes-vous en sécurité ?"
    return f"Et là, maintenant, pensez-vous que {your(person)} {'soient' if _plural(person) else 'soit'} en sécurité ?"


# Round 25 (s25a-06): "je suis seule à la maison et j'ai encore tous ses médicaments dans la salle de bain" got the
# numbers and nothing about the medication. A means at hand named gets one sentence of means restriction, as prevention
# guidance recommends: put it away or hand it to someone for a while. Said once.
_MEANS = (
    (
        re.compile(
            r"\b(?:medicaments?|medocs?|cachets?|comprimes?|somniferes?|pilules?|anxiolytiques?|antidepresseurs?|"
            r"boites? de \w+)\b"
        ),
        "ces médicaments",
        "les",
    ),
    (re.compile(r"\b(?:fusils?|carabines?|pistolets?|revolvers?|armes?(?! blanche))\b"), "cette arme", "la"),
    (re.compile(r"\bcordes?\b"), "cette corde", "la"),
)
# A means denied ("pas de médicaments"), or already taken ("j'ai pris des cachets": the 15 now, said first).
_MEANS_DENIED_BEFORE = re.compile(
    r"\b(?:(?:pas|plus|aucune?|jamais|sans)\s+(?:de |d'|d )?(?:\w+ )?|(?:pris|avale|avalee?|avales)(?: \w+){0,2} )$"
)


def means_away(text: str | None) -> str | None:
    """ "Si vous le pouvez, éloignez ces médicaments ou confiez-les à quelqu'un, le temps que ça passe." for a means at
    hand named in the words (medication, a weapon, a rope); None otherwise."""
    from french import fold

    folded = fold(text or "").replace("’", "'")
    for pattern, these, it in _MEANS:
        found = pattern.search(folded)
        if found and not _MEANS_DENIED_BEFORE.search(folded[: found.start()]):
            return f"Si vous le pouvez, éloignez {these} ou confiez-{it} à quelqu'un, le temps que ça passe."
    return None


# Round 29 (r29-a-28, r29-b-30): a wife wrote "il a son fusil de chasse au garage"; the advice to put it away was given,
# yet the case the advisor reads at 8 h said nothing of the weapon. The kinds of means named, for the case (no quote).
_MEANS_KINDS = {"ces médicaments": "médicaments", "cette arme": "arme (à feu ou autre)", "cette corde": "corde"}


def means_named(texts: list[str] | tuple[str, ...]) -> list[str]:
    """The kinds of means at hand named in the writer's messages ("arme (à feu ou autre)", "médicaments"), each once,
    in the order said; a means denied ("pas d'arme") is none."""
    from french import fold

    kinds: list[str] = []
    for text in texts:
        folded = fold(text or "").replace("’", "'")
        for pattern, these, _ in _MEANS:
            found = pattern.search(folded)
            if found and not _MEANS_DENIED_BEFORE.search(folded[: found.start()]):
                kind = _MEANS_KINDS[these]
                if re.search(r"\b(?:fusils?|carabines?|pistolets?|revolvers?)\b", folded) and these == "cette arme":
                    kind = "arme à feu"
                if kind not in kinds:
                    kinds.append(kind)
    return kinds


def safety_buttons(person: str | None = None) -> tuple[dict[str, str], ...]:
    return SAFETY_BUTTONS if person is None else RELATIVE_SAFETY_BUTTONS


def safe_reply(person: str | None = None) -> str:
    if person is None:
        return SAFE_REPLY
    return (
        f"Je suis soulagé de le lire. Vous n'avez pas à porter cela sans aide : le {SUICIDE_PREVENTION_LINE} répond "
        "aussi aux proches, à tout moment, gratuitement."
    )


# Round 29 (r29-a-14): a letter written to his wife, his affairs in order, the life insurance for the loan, "je voulais
# juste que quelqu'un sache", then "oui je suis à la maison" got "Je suis soulagé de le lire": being at home is no safety
# after preparations made. Signs of a plan or of a goodbye prepared (rule ids and the classifier's categories): no relief
# said; the worry said, company and the 3114 now.
_PREPARATIONS = re.compile(
    r"^(?!ambiguous_)\S*(?:settling_affairs|farewell|letters_to_children|last_message|last_time_writing|giving_away|"
    r"someone_should_know|life_insurance|plan|means|intent|end_of_days|death_day|order_before_leaving|"
    r"papers_under_a_name|pet_given|entrusted_for_the_time)"
)


def preparations_told(signs: object) -> bool:
    """Whether the signs read include a plan made, means at hand or a goodbye prepared (r29-a-14)."""
    return isinstance(signs, (list, tuple)) and any(isinstance(s, str) and _PREPARATIONS.search(s) for s in signs)


def safe_after_preparations_reply(person: str | None = None) -> str:
    """A yes to the safety question after preparations told: no relief, the worry said, company and the 3114 now."""
    if person is None:
        return (
            "Merci de me répondre. Ce que vous avez préparé m'inquiète pour vous, même chez vous : ne restez pas seul, "
            f"allez vers quelqu'un de proche, et appelez le {SUICIDE_PREVENTION_LINE} maintenant, il répond jour et nuit. "
            f"En cas de danger immédiat, appelez le {SAMU} ou le {EUROPEAN_EMERGENCY}."
        )
    return (
        f"Merci de me répondre. Ce que vous me dites de {your(person)} m'inquiète quand même : le "
        f"{SUICIDE_PREVENTION_LINE} peut vous aider dès maintenant, jour et nuit, à savoir quoi faire. En cas de danger "
        f"immédiat, appelez le {SAMU} ou le {EUROPEAN_EMERGENCY}."
    )


def crisis_again_text(person: str | None = None, *, leaving: bool = False) -> str:
    """Round 29 (r29-a-14): a new warning sign after the crisis reply was given ("c'est mieux comme ça pour tout le
    monde. bonne nuit") got the first block again word for word, "Merci de me l'avoir confié" first: the worry said in
    its own words, the numbers once, and to someone taking leave, company asked for; the safety question follows."""
    if person is not None:
        return (
            f"Ce que vous écrivez m'inquiète pour {your(person)}. Le {SUICIDE_PREVENTION_LINE} peut vous dire tout de "
            f"suite quoi faire, jour et nuit ; en cas de danger immédiat, appelez le {SAMU} ou le {EUROPEAN_EMERGENCY}."
        )
    if leaving:
        return (
            "Je ne veux pas vous laisser partir comme ça : ce que vous écrivez m'inquiète beaucoup pour vous. Appelez le "
            f"{SUICIDE_PREVENTION_LINE} maintenant, il répond jour et nuit, et ne restez pas seul : allez vers quelqu'un "
            f"de proche. En cas de danger immédiat, appelez le {SAMU} ou le {EUROPEAN_EMERGENCY}."
        )
    return (
        f"Ce que vous écrivez m'inquiète pour vous, et je reste là. Le {SUICIDE_PREVENTION_LINE} peut vous répondre tout "
        f"de suite, jour et nuit ; en cas de danger immédiat, appelez le {SAMU} ou le {EUROPEAN_EMERGENCY}."
    )


def staying_when_not_safe(person: str | None = None, *, again: bool = False) -> str:
    """Round 29 (r29-b-36): "laissez tomber" from someone who had said they were not safe got a goodbye. No goodbye:
    present, the numbers now, the door open; shorter when said again."""
    if again:
        return (
            f"Je suis là. Le {SUICIDE_PREVENTION_LINE} répond tout de suite, jour et nuit ; en cas de danger immédiat, "
            f"le {SAMU} ou le {EUROPEAN_EMERGENCY}."
        )
    if person is not None:
        return (
            f"D'accord, je n'insiste pas pour le rappel, et je reste là. Si {your(person)} n'est pas en sécurité, "
            f"appelez le {SAMU} ou le {EUROPEAN_EMERGENCY} maintenant ; le {SUICIDE_PREVENTION_LINE} vous aide aussi, "
            "jour et nuit."
        )
    return (
        "D'accord, je n'insiste pas pour le rappel, mais je ne vous laisse pas comme ça : vous m'avez dit ne pas être "
        f"en sécurité. Appelez le {SUICIDE_PREVENTION_LINE} maintenant, quelqu'un vous répond même la nuit, ou le "
        f"{SAMU} ou le {EUROPEAN_EMERGENCY}. Je reste là, vous pouvez continuer à m'écrire."
    )


def not_safe_reply(person: str | None = None, *, written: bool = False) -> str:
    if person is None:
        return NOT_SAFE_WRITTEN_REPLY if written else NOT_SAFE_REPLY
    return (
        f"Merci de me l'avoir dit. Appelez tout de suite le {SAMU} ou le {EUROPEAN_EMERGENCY} ; le "
        f"{SUICIDE_PREVENTION_LINE} peut aussi vous guider, jour et nuit. Si vous le pouvez, restez près de "
        f"{your(person)} ou demandez à quelqu'un de le faire."
    )


def unreachable_reply(person: str | None = None) -> str:
    """Someone close cannot reach the person at risk, or does not know where they are (round 15, r15b-03: "il répond
    pas" got "restez près de votre mari"): the emergency numbers now, since no one can be at their side."""
    whom = _is(person)[0]
    return (
        f"Merci de me l'avoir dit. Puisque vous ne pouvez pas joindre {whom}, appelez tout de suite le {SAMU} ou le "
        f"{EUROPEAN_EMERGENCY} : ils savent quoi faire. Le {SUICIDE_PREVENTION_LINE} peut aussi vous guider, jour et nuit."
    )


# Round 16 (r16b-13): someone close says again, at the callback offer, that the person does not answer and that they are
# afraid; the same paragraph once more would read like a machine: the one thing to do, now.
LATE_NEWS_AGAIN = (
    f"Je vous entends, et votre inquiétude est légitime. N'attendez pas : appelez maintenant le {SAMU} ou le "
    f"{EUROPEAN_EMERGENCY}, ils savent quoi faire. Le {SUICIDE_PREVENTION_LINE} peut aussi vous guider, jour et nuit."
)


def reached_reply() -> str:
    """The news that the person at risk was reached, told by someone close (round 15): relief, and the line for later."""
    return (
        f"Quel soulagement, merci de me l'avoir dit. Le {SUICIDE_PREVENTION_LINE} reste joignable pour vous aussi, à "
        "tout moment, si l'inquiétude revient."
    )


def unsure_reply(person: str | None = None) -> str:
    """Someone close tells where the person is, or hedges a yes ("je pense oui, il est sur un chantier"): where to
    turn at the least doubt, the 3114 first, for it also tells relatives what to say (3114.fr, "Vous êtes un proche")."""
    whom = your(person) if person else "votre proche"
    return (
        f"Merci. Au moindre doute, le {SUICIDE_PREVENTION_LINE} vous conseille jour et nuit, y compris sur ce que vous "
        f"pouvez dire à {whom} ; en cas de danger immédiat, appelez le {SAMU} ou le {EUROPEAN_EMERGENCY}."
    )


def _is(person: str | None) -> tuple[str, str, str, str]:
    """The person at risk as the relative's replies name them: who, "est"/"sont", "l'"/"les ", "lui"/"leur"."""
    if person is None:
        return "votre proche", "est", "l'", "lui"
    if _plural(person):
        return your(person), "sont", "les ", "leur"
    return your(person), "est", "l'", "lui"


CALLING_NOW_REPLY = "Oui, appelez maintenant. Je reste là si vous voulez m'écrire ensuite."
CALLING_THEM_NOW_REPLY = "Oui, appelez-les maintenant. Je reste là si vous voulez m'écrire ensuite."


def afraid_to_call_text(person: str | None = None) -> str:
    """Round 15 (r15b-12): "j'ose pas appeler, je saurais pas quoi leur dire" got the chamber's e-mail address. The
    barrier lowered: nothing to prepare, one sentence is enough, the SMS when speaking is too hard (3114.fr)."""
    if person is None:
        return (
            f"Vous n'avez rien à préparer : au {SUICIDE_PREVENTION_LINE}, vous pouvez simplement dire « je ne vais pas "
            "bien », et quelqu'un vous écoute, gratuitement, 24 h/24. Si parler est trop difficile, vous pouvez écrire "
            f"au {EMERGENCY_SMS} par SMS. En cas de danger immédiat, appelez le {SAMU} ou le {EUROPEAN_EMERGENCY}."
        )
    whom, is_, _, _ = _is(person)
    return (
        f"Vous n'avez rien à préparer : au {SUICIDE_PREVENTION_LINE}, vous pouvez simplement dire que vous vous "
        f"inquiétez pour {whom}, et quelqu'un vous écoute et vous conseille, gratuitement, 24 h/24. Si parler est trop "
        f"difficile, vous pouvez écrire au {EMERGENCY_SMS} par SMS. Si {whom} {is_} en danger immédiat, appelez le "
        f"{SAMU} ou le {EUROPEAN_EMERGENCY}."
    )


def cannot_call_text(person: str | None = None) -> str:
    """Round 17 (r17b-18): "vous pouvez pas appeler vous ?" about someone close not safe got the chamber's e-mail address.
    What the assistant cannot do, and who can be called now; the 3114 answers relatives too."""
    if person is None:
        return (
            "Je ne peux appeler personne moi-même, je ne suis qu'un assistant écrit. En cas de danger immédiat, appelez "
            f"le {SAMU} ou le {EUROPEAN_EMERGENCY} ; le {SUICIDE_PREVENTION_LINE} répond jour et nuit, gratuitement."
        )
    whom, is_, _, _ = _is(person)
    return (
        f"Je ne peux appeler personne moi-même, je ne suis qu'un assistant écrit. Si {whom} {is_} en danger maintenant, "
        f"appelez le {SAMU} ou le {EUROPEAN_EMERGENCY} ; le {SUICIDE_PREVENTION_LINE} répond aussi aux proches, jour et "
        "nuit, gratuitement."
    )


def long_wait_text(person: str | None = None) -> str:
    """Round 15 (r15b-12): "lundi c'est loin..." from someone not safe got the first business steps. The wait heard,
    someone to talk to now, the emergency numbers; no guidance block."""
    if person is None:
        return (
            "Je comprends, cette attente peut paraître très longue. Vous n'avez pas à attendre pour parler à quelqu'un : "
            f"le {SUICIDE_PREVENTION_LINE} répond tout de suite, jour et nuit, gratuitement (le {EMERGENCY_SMS} par SMS "
            f"si parler est difficile). En cas de danger immédiat, appelez le {SAMU} ou le {EUROPEAN_EMERGENCY}."
        )
    whom, is_, _, _ = _is(person)
    return (
        "Je comprends, cette attente peut paraître très longue. Vous n'avez pas à attendre pour parler à quelqu'un : "
        f"le {SUICIDE_PREVENTION_LINE} répond aussi aux proches, tout de suite, jour et nuit, gratuitement. Si {whom} "
        f"{is_} en danger immédiat, appelez le {SAMU} ou le {EUROPEAN_EMERGENCY}."
    )


def nobody_answers_now_text(person: str | None = None) -> str:
    """Round 29 (r29-b-36): "personne répondra à cette heure ci" from someone not safe, at night. The doubt answered:
    the 3114 answers now, every hour (3114.fr), and the 15 and 112 too."""
    if person is None:
        return (
            f"Si : au {SUICIDE_PREVENTION_LINE}, quelqu'un répond maintenant, même la nuit, gratuitement (le "
            f"{EMERGENCY_SMS} par SMS si parler est difficile). En cas de danger immédiat, le {SAMU} et le "
            f"{EUROPEAN_EMERGENCY} répondent aussi à toute heure."
        )
    whom, is_, _, _ = _is(person)
    return (
        f"Si : au {SUICIDE_PREVENTION_LINE}, quelqu'un répond maintenant, même la nuit, aux proches aussi, gratuitement. "
        f"Si {whom} {is_} en danger immédiat, le {SAMU} et le {EUROPEAN_EMERGENCY} répondent à toute heure."
    )


# Said a second time, shorter: the same long sentence twice reads like a machine stuck.
LONG_WAIT_AGAIN = (
    f"Je suis là. Le {SUICIDE_PREVENTION_LINE} répond tout de suite, jour et nuit ; en cas de danger immédiat, le "
    f"{SAMU} ou le {EUROPEAN_EMERGENCY}."
)


def relative_reply(person: str | None = None, *, asked_to_call: bool = False) -> str:
    """Someone close, safe themself, answers the safety question about the person at risk ("moi oui ça va, c'est lui
    le problème", round 7): what to do now, for that person. `asked_to_call`: "je peux appeler le 3114 à sa place ?"."""
    whom, verb, them, _ = _is(person)
    danger = f"Si vous pensez que {whom} {verb} en danger maintenant, appelez le {SAMU} ou le {EUROPEAN_EMERGENCY}"
    near = (
        f"Si vous le pouvez, faites en sorte que quelqu'un soit auprès de {whom} : vous, ou une personne de confiance."
    )
    if asked_to_call:
        return (
            f"Oui, vous pouvez appeler le {SUICIDE_PREVENTION_LINE} vous-même : il répond aussi aux proches, jour et nuit, "
            f"et vous dira comment {them}aider. {danger}. {near}"
        )
    return (
        f"Je comprends votre inquiétude. {danger} ; le {SUICIDE_PREVENTION_LINE} répond aussi aux proches, jour et "
        f"nuit, et vous dira comment {them}aider. {near}"
    )


def relative_advice(person: str | None = None, *, asked_to_call: bool = False) -> str:
    """A relative's direct question once the reply for relatives was given ("mais je fais quoi moi ? je l'appelle ? il va
    m'en vouloir", round 7): how to reach out, and that speaking of it is no betrayal and puts no idea in a head."""
    whom, _, _, to_them = _is(person)
    plural = to_them == "leur"
    news, know = ("leurs", "sachent") if plural else ("ses", "sache")
    if asked_to_call:
        return (
            f"Oui, vous pouvez appeler le {SUICIDE_PREVENTION_LINE} vous-même, même sans que {whom} le {know} : il répond "
            "aux proches jour et nuit et vous aide à trouver les mots. En cas de danger immédiat, appelez le "
            f"{SAMU} ou le {EUROPEAN_EMERGENCY}."
        )
    return (
        f"Vous pouvez prendre de {news} nouvelles et {to_them} dire simplement que vous vous inquiétez : en parler ne donne "
        f"pas l'idée de passer à l'acte, et ce n'est pas une trahison. Le {SUICIDE_PREVENTION_LINE} vous aide à trouver "
        f"les mots, jour et nuit ; en cas de danger immédiat, appelez le {SAMU} ou le {EUROPEAN_EMERGENCY}."
    )


def tell_someone_reply(person: str | None = None) -> str:
    """ "je dois en parler à quelqu'un ? mes parents ?" (round 21, r21x-19, a young apprentice about his boss): yes, to
    someone trusted; the 3114 answers relatives too."""
    whom, verb, _, _ = _is(person)
    return (
        "Oui, c'est une très bonne idée d'en parler à vos parents ou à un adulte de confiance : vous n'avez pas à porter "
        f"ça seul. Le {SUICIDE_PREVENTION_LINE} répond aussi aux proches, jour et nuit ; si vous pensez que {whom} "
        f"{verb} en danger maintenant, appelez le {SAMU} ou le {EUROPEAN_EMERGENCY}."
    )


# A yes to the safety question with "pourquoi vous me demandez ça ? je parlais de l'argent" (round 7, r7a-12): the
# reason, kindly, and no alarm. The callback offer that follows names the 3114.
SAFE_WITH_OBJECTION_REPLY = (
    "Merci de votre réponse, et pardon si je me suis mépris : certains mots de votre message m'ont inquiété, et je "
    "préfère toujours poser la question."
)
# Round 27 (r27-a-04, D9): after a warning sign the person wrote ("des fois je me dis que ce serait plus simple si je me
# réveillais pas"), "oui oui je suis chez moi. je vais pas faire de bêtise c juste que j'en peux plus" got "pardon si je
# me suis mépris": the bot had misread nothing, and excusing the worry treats the words as a false alarm and can shut the
# door. Believed, what they carry heard, the 3114 once; the callback offer follows.
SAFE_AFTER_OWN_SIGN_REPLY = (
    f"Merci de me répondre, je vous crois. Ce que vous vivez est lourd à porter, et le {SUICIDE_PREVENTION_LINE} reste "
    "là jour et nuit, gratuitement, même juste pour en parler."
)
# Round 28 (r28-b-18): the thoughts denied in so many words at the safety question ("non je pense pas du tout au suicide,
# c'est une expression") after words the bot only read as ambiguous (idioms, an answer beside the point): the
# misunderstanding owned briefly, the 3114 once; the conversation goes on.
THOUGHTS_DENIED_AT_SAFETY_REPLY = (
    "Pardon pour ce malentendu, et merci de m'avoir répondu clairement. Je préfère toujours poser la question quand "
    f"certains mots m'inquiètent. Si un jour ça n'allait pas, le {SUICIDE_PREVENTION_LINE} répond jour et nuit, gratuitement."
)
# The same when the question itself is questioned ("oui, pourquoi vous me demandez ça ?"): the reason, without excuse.
SAFE_WHY_AFTER_OWN_SIGN_REPLY = (
    "Merci de votre réponse, je vous crois. Je vous ai posé la question à cause de ce que vous m'avez écrit, et je "
    f"préfère toujours la poser ; le {SUICIDE_PREVENTION_LINE} reste là jour et nuit, même juste pour en parler."
)
# Round 27 (r27-a-07, D14): a yes, then a practical worry ("oui ca va. mais je fais comment pour manger ce mois ci"):
# heard, when no sourced step answers it; the callback offer follows.
PRACTICAL_WORRY_HEARD = (
    "J'ai bien entendu votre question : un conseiller de la chambre peut regarder avec vous les aides et les démarches "
    "possibles."
)


def leaving_unanswered_reply(to_rest: bool) -> str:
    """Round 27 (r27-a-13, D21): "laissez tomber, je vais me coucher" at the safety question, after the direct question
    was declined, got "Merci de me l'avoir dit. Appelez tout de suite le 15" and the callback offer. Someone taking leave
    without saying whether they are safe: a short warm goodbye, the 3114 once, the door left open, no question."""
    opening = "Je vous laisse vous reposer." if to_rest else "D'accord, je vous laisse."
    return (
        f"{opening} Si ça devient trop lourd, le {SUICIDE_PREVENTION_LINE} répond jour et nuit, gratuitement, et en cas "
        f"de danger immédiat, le {SAMU} ou le {EUROPEAN_EMERGENCY}. Je reste là si vous voulez m'écrire."
    )


# A yes with "je veux pas appeler de numéro, je veux pas en parler" (round 7, r7a-03): heard, no data-consent text, the
# door left open and the 3114 once.
SAFE_NOT_TALKING_REPLY = (
    "Je suis soulagé de le lire, et je comprends : vous n'avez pas à en parler si vous ne le souhaitez pas. Je reste là "
    "si vous voulez m'écrire, et si un jour vous voulez qu'un conseiller vous rappelle, il suffit de me le dire. Le "
    f"{SUICIDE_PREVENTION_LINE} répond aussi jour et nuit, gratuitement."
)
# "je veux pas déranger un conseiller, il y a des gens plus à plaindre" (round 7, r7b-13): a feeling of being a bother,
# answered before the offer is made once more.
NOT_A_BOTHER = (
    "Vous ne dérangez personne : aider les artisans dans des moments comme celui-ci, c'est le rôle des conseillers de "
    "la chambre, et ce que vous vivez compte."
)
SAFE_NOT_A_BOTHER_REPLY = f"Je suis soulagé de le lire. {NOT_A_BOTHER}"


def safe_leaving_reply(chamber: Chamber) -> str:
    """A yes that takes leave ("oui oui. bon je vais y aller", round 7, r7a-03: the 3114 twice in two lines and no
    goodbye): one goodbye, the 3114 once, and the chamber for a person."""
    return (
        f"Je suis soulagé de le lire. Au revoir, prenez soin de vous : le {SUICIDE_PREVENTION_LINE} répond jour et nuit, "
        f"gratuitement, et la chambre au {chamber.phone}, {chamber.hours_text}, si vous voulez parler à un conseiller."
    )


def check_in(person: str | None = None) -> str:
    return (
        CHECK_IN
        if person is None
        else f"Ce que vit {your(person)} a l'air lourd, et je vous remercie de me le confier."
    )


def suicide_question(person: str | None = None, *, again: bool = False) -> str:
    """The direct question; of a relative, about what they see (3114: relatives may ask it too)."""
    if person is None:
        return SUICIDE_QUESTION_AGAIN if again else SUICIDE_QUESTION
    opening = "Je reviens à ma question" if again else "Je vous pose la question simplement"
    verb = "pensent" if _plural(person) else "pense"
    return f"{opening} : craignez-vous que {your(person)} {verb} au suicide ?"


def clear_no_reply(person: str | None = None) -> str:
    if person is None:
        return CLEAR_NO_REPLY
    return (
        f"Merci pour votre réponse. Si un jour quelque chose vous inquiétait chez {your(person)}, le "
        f"{SUICIDE_PREVENTION_LINE} répond aussi aux proches, jour et nuit, gratuitement."
    )


def call_them_reply(person: str | None = None) -> str:
    """Someone close asks the chamber to call the person ("mais vous pouvez l'appeler lui ? 06 ...", round 22, r22a-13:
    unanswered, and the number kept as the writer's): the person is called only if they agree; the writer can be called
    back, to see together how to help. The 3114 for relatives after it. Three sentences with the thanks before."""
    whom, _, them, to_them = _is(person)
    their = "leur" if to_them == "leur" else "son"
    return (
        f"Un conseiller ne peut appeler {whom} qu'avec {their} accord ; il peut en revanche vous rappeler, vous, pour "
        f"voir ensemble comment {them}aider. Le {SUICIDE_PREVENTION_LINE} répond aussi aux proches, jour et nuit."
    )


# Round 18 (r18b-08): the reason, when the clear no came with "pourquoi vous me demandez ça ?".
WHY_AFTER_CLEAR_NO = (
    "Merci pour votre réponse. Je vous l'ai demandé parce que la fatigue et les soucis peuvent peser très lourd, et "
    "je préfère toujours poser la question."
)
CONFIDED = "Merci de me l'avoir confié."
# The direct question declined (round 9, r9b-24): the crisis path all the same (a refusal is no clear no), opened so.
DECLINED_OPENING = "Je comprends, vous n'avez pas à en parler."
# Round 18 (r18b-12): "..." to the direct question got "Merci de me l'avoir confié", though nothing was said in words.
WORDLESS_OPENING = "Je reste là avec vous."


# Round 26 (r26a-11): someone who cannot hear, speak or phone ("je suis sourde, je ne peux pas téléphoner") was told to
# call the 3114 first, the 114 in brackets, and offered a callback. For them the 114 comes first and how to use it (an
# SMS, free, day and night, answered in writing: domain-facts, "114 is the emergency number by SMS for people who are
# deaf, hard of hearing or cannot speak"; info.urgence114.fr), and the advisor writes, never calls.
SMS_114_FIRST = (
    f"{CONFIDED} Vous pouvez envoyer dès maintenant un SMS au {EMERGENCY_SMS} : c'est le numéro d'urgence pour les "
    "personnes qui ne peuvent pas entendre ou parler, gratuit, 24h/24 et 7j/7, et on vous répond par écrit."
)
SMS_114_HOW = (
    f"Depuis votre portable, envoyez un SMS au {EMERGENCY_SMS}, comme à un proche : écrivez que vous êtes en danger et "
    "où vous êtes. C'est gratuit, 24h/24 et 7j/7, et on vous répond par SMS."
)
OTHERS_CAN_CALL = (
    f"Si quelqu'un près de vous peut appeler, le {SUICIDE_PREVENTION_LINE} répond jour et nuit, et le {SAMU} ou le "
    f"{EUROPEAN_EMERGENCY} en cas de danger immédiat."
)
WRITTEN_OFFER = (
    "Si vous le souhaitez, un conseiller de notre chambre peut aussi vous écrire, par SMS ou par e-mail, sans jamais "
    "vous appeler. Rien ne vous oblige à laisser vos coordonnées : nous pouvons continuer à échanger ici."
)
NOT_SAFE_WRITTEN_REPLY = (
    f"Merci de me l'avoir dit. Envoyez tout de suite un SMS au {EMERGENCY_SMS} : c'est gratuit, jour et nuit, et on "
    "vous répond par écrit. Si vous le pouvez, restez près de quelqu'un en attendant."
)


def crisis_messages(chamber: Chamber, person_at_risk: str | None = None, *, written: bool = False) -> list[str]:
    """The crisis reply: the numbers first, then a human with no condition, then the direct question
    about safety, last, so that the one-tap answers sit on it. `person_at_risk`: someone close writes about
    another person's warning signs ("mon mari"); the 3114 is for them too, and the question is about that person.
    `written`: the writer cannot phone (round 26): the 114 by SMS first, and an advisor who writes."""
    if written and person_at_risk is None:
        return [SMS_114_FIRST, OTHERS_CAN_CALL, WRITTEN_OFFER, safety_question()]
    if person_at_risk is not None:
        plural = _plural(person_at_risk)
        messages = [
            f"Merci de nous alerter, vous avez bien fait d'écrire. Le {SUICIDE_PREVENTION_LINE} répond aussi aux "
            "proches, 24h/24 et 7j/7, gratuitement : des professionnels vous aident à savoir quoi faire et quoi dire.",
            f"Si {your(person_at_risk)} {'sont' if plural else 'est'} en danger immédiat, appelez le {SAMU} ou le "
            f"{EUROPEAN_EMERGENCY} ; le {EMERGENCY_SMS} par SMS si vous ne pouvez pas parler ou entendre.",
        ]
    else:
        messages = [
            f"{CONFIDED} Vous pouvez appeler le {SUICIDE_PREVENTION_LINE} dès maintenant : c'est "
            "gratuit, 24h/24 et 7j/7, et des professionnels formés vous répondent.",
            f"En cas de danger immédiat, appelez le {SAMU} ou le {EUROPEAN_EMERGENCY} ; "
            f"le {EMERGENCY_SMS} par SMS si vous ne pouvez pas parler ou entendre.",
        ]
    if chamber.option("business_owner_line_0805") and chamber.business_owner_line:
        phone, hours = chamber.business_owner_line
        messages.append(
            f"Une ligne d'écoute pour les chefs d'entreprise répond aussi au {phone}, {hours} (appel gratuit)."
        )
    messages.append(
        "Si vous le souhaitez, un conseiller de notre chambre peut aussi vous rappeler. "
        "Rien ne vous oblige à laisser vos coordonnées : nous pouvons continuer à échanger ici, "
        f"et vous pouvez appeler le {chamber.phone}, {chamber.hours_text}."
    )
    messages.append(safety_question(person_at_risk))
    return messages


# Round 9 (r9b-01, r9b-14, r9b-24, r9b-26, r9b-04): answers to "Êtes-vous en sécurité ?" that are neither yes nor no were
# all told "Merci de me l'avoir dit. Appelez tout de suite le 15", as if the person had said no. Each gets a true reply,
# with the numbers.
_AT_THE_LEAST_DOUBT = (
    f"appelez le {SAMU} ou le {EUROPEAN_EMERGENCY}, ou le {SUICIDE_PREVENTION_LINE} qui répond jour et nuit "
    f"(le {EMERGENCY_SMS} par SMS si vous ne pouvez pas parler)."
)
# "oui je crois", "oui enfin je crois, je suis chez moi".
UNSURE_SELF_REPLY = f"Je comprends que ce n'est pas tout à fait sûr. Au moindre doute, {_AT_THE_LEAST_DOUBT}"
# "je veux juste savoir pour l'urssaf": another subject instead of an answer.
OTHER_SUBJECT_SAFETY_REPLY = f"D'accord. Si à un moment vous ne vous sentez pas en sécurité, {_AT_THE_LEAST_DOUBT}"
# "j'ai mes enfants ce soir, ils dorment" (round 18, r18b-10): the writer's own company, never "votre proche".
COMPANY_SAFETY_REPLY = (
    "Merci, c'est bien d'avoir quelqu'un près de vous. Si à un moment vous ne vous sentez pas en sécurité, "
    f"{_AT_THE_LEAST_DOUBT}"
)
# "je préfère pas en parler": respected, the door left open.
NOT_TALKING_SAFETY_REPLY = (
    "Je comprends, vous n'avez pas à en parler, et je reste là si vous voulez m'écrire. Si à un moment vous ne vous "
    f"sentez pas en sécurité, {_AT_THE_LEAST_DOUBT}"
)
# "ok merci, je vais appeler le 3114. au revoir": the advice taken up, a goodbye.
LINE_LEAVING_REPLY = (
    f"Vous faites bien : le {SUICIDE_PREVENTION_LINE} répond jour et nuit, gratuitement. Au revoir, prenez soin de vous ; "
    f"en cas de danger immédiat, appelez le {SAMU} ou le {EUROPEAN_EMERGENCY}."
)
# Round 9 (r9b-24): "je veux pas parler de ça" to the direct question got "Merci de me l'avoir confié" and the whole
# crisis block. Respected, with the 3114 and the emergency numbers; the conversation goes on where it was.
DECLINED_REPLY = (
    f"Je comprends, vous n'avez pas à en parler. Si un jour ces pensées venaient, le {SUICIDE_PREVENTION_LINE} répond "
    f"jour et nuit, gratuitement ; en cas de danger immédiat, le {SAMU} ou le {EUROPEAN_EMERGENCY}."
)
# Round 9 (r9b-13): "non je ne veux pas me suicider, je suis juste fatiguée" said before any question: not asked again.
DENIED_UNPROMPTED_REPLY = (
    f"Merci de me le préciser, je vous entends. Si un jour ces pensées venaient, le {SUICIDE_PREVENTION_LINE} répond "
    "jour et nuit, gratuitement."
)
DECLINED_REASON = "question directe sur le suicide : la personne a préféré ne pas en parler"
# Round 18 (r18b-10, r18b-17): "des fois j'y pense", "c'est arrivé, une ou deux fois, la nuit" to the direct question
# were stored as "DÉTRESSE exprimée" only: the case says plainly that thoughts of suicide were said.
THOUGHTS_ADMITTED_REASON = "question directe sur le suicide : la personne a dit avoir des pensées suicidaires"


def declined_reply(person: str | None = None) -> str:
    """A refusal to answer the direct question, respected."""
    if person is None:
        return DECLINED_REPLY
    return (
        f"Je comprends. Si un jour quelque chose vous inquiétait chez {your(person)}, le {SUICIDE_PREVENTION_LINE} "
        f"répond aussi aux proches, jour et nuit ; en cas de danger immédiat, le {SAMU} ou le {EUROPEAN_EMERGENCY}."
    )


def line_taken_up_reply(person: str | None = None) -> str:
    """The 3114 to be called, said after the crisis reply ("ok je vais appeler le 3114", round 11, r11a-21: the whole
    crisis block again, to a sister who had just decided to call): the decision welcomed, the emergency line kept."""
    if person is None:
        return (
            f"Vous faites bien : le {SUICIDE_PREVENTION_LINE} répond jour et nuit, gratuitement. En cas de danger "
            f"immédiat, appelez le {SAMU} ou le {EUROPEAN_EMERGENCY}."
        )
    whom, _, them, _ = _is(person)
    return (
        f"Vous faites bien : le {SUICIDE_PREVENTION_LINE} vous dira comment {them}aider, jour et nuit. Si vous pensez "
        f"que {whom} est en danger maintenant, appelez le {SAMU} ou le {EUROPEAN_EMERGENCY}."
    )


# Round 11 (r11b-10): after "j'ai appelé le 15, ils envoient quelqu'un chez lui", the bot said "Appelez tout de suite le
# 15 ou le 112": the call already made is acknowledged, never prescribed again; the 3114 is given for the writer.
def emergency_called_reply(person: str | None = None) -> str:
    if person is None:
        return (
            "Vous avez bien fait d'appeler les secours. En attendant qu'ils arrivent, gardez votre téléphone près de "
            f"vous et, si vous le pouvez, restez avec quelqu'un ; le {SUICIDE_PREVENTION_LINE} répond aussi jour et "
            "nuit, gratuitement."
        )
    _, _, them, _ = _is(person)
    return (
        f"Vous avez bien fait d'appeler les secours : ils sont les mieux placés pour {them}aider. Restez joignable, et "
        f"si la situation change avant leur arrivée, rappelez le {SAMU} ou le {EUROPEAN_EMERGENCY}. Pour vous-même, "
        f"le {SUICIDE_PREVENTION_LINE} répond aussi aux proches, jour et nuit, gratuitement."
    )


# Round 11 (r11b-01, 06, 11, 24, 25; r11a-05): a question about the business after the crisis reply was turned away as
# out of scope or met with a generic line. No sourced step fits it: said honestly, never a guess.
BUSINESS_QUESTION_UNKNOWN = (
    "Je ne peux pas vous répondre avec certitude là-dessus : cela dépend de votre situation, et un "
    "conseiller de la chambre pourra vous le dire."
)
# A business question asked again after its step was given.
STEP_SAID_ABOVE = (
    "Je vous ai indiqué cette démarche juste au-dessus ; un conseiller de la chambre peut vous en dire plus."
)
# The door kept open after such an answer, outside any question (a goodbye was said before it).
BUSINESS_QUESTION_DOOR = (
    "Si vous le souhaitez, un conseiller de la chambre peut vous rappeler : écrivez « conseiller »."
)
BUSINESS_QUESTION_DOOR_CASE = "Le conseiller qui vous rappellera pourra vous en dire plus."
