"""Graduated distress detection: explicit (1), indirect warning sign (2), ambiguous distress (3).

Plain Python, shared by the triage (slots `distress`, `distress_level`), the NLU crisis guard and the
actions, so that they never disagree::

    from triage.distress import find_signs, distress_level, is_bereaved_by_suicide

    find_signs("ma famille serait mieux sans moi")
    # [Sign(level=2, rule="indirect_better_off_without_me", category="better_off_without_me", ...)]
    distress_level("je n'en peux plus")  # 3: ask directly about suicide
    is_bereaved_by_suicide("mon mari s'est suicidé l'an dernier")  # True: the 3114 is for them too

The table is triage/rules/distress.yml. A sign's `rule` is what logs and cases record; its `quote`
(the artisan's words) goes only into the case's reasons, never into logs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from french import fold
from triage import distress_model
from triage.normalise import Clause, normalise, split_clauses, whole_clause, without_markup
from triage.rules import RULES_DIR, compile_any, rules

EXPLICIT, INDIRECT, AMBIGUOUS = 1, 2, 3
LEVEL_LABELS = {
    EXPLICIT: "idées suicidaires exprimées",
    INDIRECT: "signe indirect de risque suicidaire",
    AMBIGUOUS: "détresse à vérifier",
}
# What an advisor reads for each sign category (French, shown on the case page).
CATEGORY_LABELS = {
    "explicit_ideation": "pensées suicidaires",
    "wish_to_die": "envie de mourir",
    "intent_plan_means": "intention, projet ou moyen",
    "self_harm": "automutilation",
    "burden": "sentiment d'être un poids",
    "better_off_without_me": "« mieux sans moi »",
    "farewell": "adieux, remerciements « pour tout »",
    "settling_affairs": "mise en ordre de ses affaires",
    "giving_away_possessions": "se défaire de ses biens",
    "solution_way_out": "une « solution » pour ne plus souffrir",
    "last_message": "« dernier message »",
    "disappear_not_wake": "envie de disparaître, de ne pas se réveiller",
    "stop_everything_me": "que tout s'arrête, « pas la boîte, moi »",
    "secret_plan": "un projet dont on ne veut pas parler",
    "life_insurance": "disparaître pour l'assurance",
    "hopeless_finality": "désespoir sans issue",
    "exhaustion": "épuisement",
    "despair": "désespoir",
    "stop_everything": "envie de tout arrêter",
    "thinking_of_it": "« y penser », sans le nommer",
    "ambiguous": "détresse exprimée (modèle)",
}


@dataclass(frozen=True)
class Sign:
    level: int
    rule: str
    category: str
    quote: str  # the artisan's words: for the case only, never for logs

    @property
    def reason(self) -> str:
        """What the case shows: level, sign category and rule id (no message text)."""
        return f"niveau {self.level}, {LEVEL_LABELS[self.level]} : {CATEGORY_LABELS[self.category]} ({self.rule})"


@dataclass(frozen=True)
class _Rule:
    id: str
    level: int
    category: str
    clause: re.Pattern[str] | None
    message: re.Pattern[str] | None
    needs: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    even_with: re.Pattern[str] | None
    unless_in_message: re.Pattern[str] | None
    # The rule's own near misses, that do not cancel the classifier's sign of the category (unlike `unless`).
    unless_own: re.Pattern[str] | None = None


@dataclass(frozen=True)
class _Table:
    rules: tuple[_Rule, ...]
    bereaved: re.Pattern[str]
    finality: re.Pattern[str]  # where the rules' own vetoes no longer cancel the classifier's sign
    reported: _Reported
    # Signs read only once a death by suicide was told in the conversation (distress.yml `after_a_suicide_told`).
    after_a_suicide: tuple[_Rule, ...] = ()
    # Round 31 (fixd): signs read only once the death of someone close was told (distress.yml `after_a_death_told`).
    after_a_death: tuple[_Rule, ...] = ()
    death_told: re.Pattern[str] | None = None


@dataclass(frozen=True)
class _Reported:
    """The patterns that tell a sign reported about someone close (distress.yml `reported`)."""

    close_person: re.Pattern[str]
    third_person: re.Pattern[str]
    frames: re.Pattern[str]
    writer: re.Pattern[str]


@lru_cache(maxsize=1)
def _table() -> _Table:
    raw = yaml.load((RULES_DIR / "distress.yml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    seen: set[str] = set()
    table = [_rule(sign, seen) for sign in raw["signs"]]
    after_a_suicide = tuple(_rule(sign, seen) for sign in raw.get("after_a_suicide_told") or [])
    after_a_death = tuple(_rule(sign, seen) for sign in raw.get("after_a_death_told") or [])
    reported = raw["reported"]
    return _Table(
        tuple(table),
        compile_any(raw["bereaved"]),
        compile_any(raw["finality"]),
        _Reported(*(compile_any(reported[key]) for key in ("close_person", "third_person", "frames", "writer"))),
        after_a_suicide,
        after_a_death,
        compile_any(raw["death_told"]) if raw.get("death_told") else None,
    )


def _rule(sign: dict[str, Any], seen: set[str]) -> _Rule:
    """One sign rule of distress.yml, checked (ids unique across the file, known level and category)."""
    if sign["id"] in seen:
        raise ValueError(f"distress.yml: duplicate sign id {sign['id']!r}")
    if sign["level"] not in LEVEL_LABELS or sign["category"] not in CATEGORY_LABELS:
        raise ValueError(f"distress.yml: sign {sign['id']!r} has an unknown level or category")
    seen.add(sign["id"])
    optional = {
        key: compile_any(sign[key]) if sign.get(key) else None
        for key in ("patterns", "message", "with", "unless", "even_with", "unless_in_message", "unless_own")
    }
    return _Rule(
        sign["id"],
        sign["level"],
        sign["category"],
        optional["patterns"],
        optional["message"],
        optional["with"],
        optional["unless"],
        optional["even_with"],
        optional["unless_in_message"],
        optional["unless_own"],
    )


def _vetoed(rule: _Rule, text: str) -> bool:
    """The rule's hard negatives cancel it, unless the person says it is about them too ("pas seulement la
    boîte, moi")."""
    if rule.unless is None or not rule.unless.search(text):
        return False
    return rule.even_with is None or not rule.even_with.search(text)


def _vetoed_by_message(rule: _Rule, message_text: str) -> bool:
    """A denial said in another sentence of the message ("J'arrête tout. Pas moi, l'atelier.")."""
    return rule.unless_in_message is not None and rule.unless_in_message.search(message_text) is not None


def _matches(rule: _Rule, pattern: re.Pattern[str], clause: Clause) -> Iterable[tuple[int, int]]:
    signals = rules().signals
    text = clause.text
    if rule.needs is not None and not rule.needs.search(text):
        return
    if _vetoed(rule, text) or (rule.unless_own is not None and rule.unless_own.search(text)):
        return
    cancelled = []
    if rule.level < AMBIGUOUS:
        cancelled = [m.span() for m in signals.distress_idioms.finditer(text)]
        cancelled += [m.span() for m in _table().bereaved.finditer(text)]
    for match in pattern.finditer(text):
        if signals.distress_negation.search(text[: match.start()]) and not _OWN_SUBJECT.match(text, match.start()):
            continue
        if any(start < match.end() and match.start() < end for start, end in cancelled):
            continue
        yield match.span()


# A sign that opens with its own subject ("il dit qu'il veut plus se réveiller") is not denied by a "pas" just before
# it: that one ends the sentence before, run on without punctuation ("je dors pas il dit qu'il ...": round 14).
_OWN_SUBJECT = re.compile(r"(?:je|j|il|elle|ils|elles|on|mon|ma|mes|papa|maman)\b")


def normalise_keep_question(text: str) -> str:
    """Lower case, no accents, the question mark kept: where the question said back ends."""
    return " ? ".join(normalise(part) for part in text.split("?", 1))


def find_signs(text: str, clauses: list[Clause] | None = None) -> list[Sign]:
    """Every sign in one message, strongest level first (at most one per rule, and the classifier's).

    `clauses`: split_clauses(text) when the caller already has them."""
    return list(_signs(without_markup(text), tuple(clauses) if clauses is not None else None))


# A message's signs depend on its text alone (the rule table and the model are fixed for the process), and
# the action server's triage reads every message of the conversation again at each turn: each message's are
# found once. Bounded: a few hundred conversations' messages.
# The direct question said back, then denied: "me suicider ? non, jamais, c'est pas mon genre" (held-out v12, read
# after its retirement): the words of the question are no sign; what follows the denial is read as any message.
# Round 35 (retired held-out v39 class, fixd): the question said back with who asks it ("des pensées noires, vous me
# demandez ? non", "le suicide, c'est la question ? jamais"), and a relative's no reported after it ("idées noires ? elle
# m'a juré que non").
_QUESTION_SAID_BACK_DENIED = re.compile(
    r"^(?:moi )?(?:me suicider|me tuer|le suicide|suicide|suicidaire|en finir|(?:des |les )?idees (?:noires|suicidaires)|"
    r"(?:des |les )?pensees (?:noires|suicidaires)|penser au suicide|y penser)"
    r"(?:\s*,?\s*(?:vous (?:dites|demandez|me demandez|voulez dire|voulez savoir|parlez de ca)|c est (?:ca|la question)))?"
    r"\s*\?\s*(?:non|nan|nn|jamais|(?:il|elle) (?:me |m )?(?:jure|dit|assure|affirme|repond|a jure|a dit|a repondu|m a jure|m a dit) "
    r"que (?:non|jamais))\b",
    re.IGNORECASE,
)


# Round 29 (retired held-out v33 class, fixd): a question about oneself someone asked, said in the message and answered no
# right after its question mark ("ma sœur m'a demandé : est-ce que tu penses à en finir ? non, jamais", "il s'inquiétait :
# est-ce que je veux mourir ? Non"): the question's words are no sign; what came before it and what follows the no are
# read as any message. A turning after the no ("non... enfin des fois") keeps the sign.
_QUESTION_ASKED_DENIED = re.compile(
    r"\b(?:est ce que|est ce qu|si) (?:je|j|tu|vous)(?: \w+){0,3} (?:pense|penses|pensez|pensais|songe|songes|songez|"
    r"veux|veut|voulez|voudrais|ai envie|as envie|avez envie|avais envie)(?: \w+){0,2} (?:a |au |de |d )?"
    r"(?:me suicider|te suicider|vous suicider|me tuer|te tuer|vous tuer|en finir|mourir|suicide|la mort|"
    r"mettre fin a (?:mes|tes|vos) jours)\s*\?\s*(?:non|nan|nn|jamais)\b"
)


# The act named, then denied, unprompted or before the question comes ("non, me suicider ne m'a pas traversé l'esprit,
# j'ai mes deux filles", "le suicide c'est pas dans ma tête, jamais de la vie": development v14, d-104, d-109; round 9,
# r9b-13): those words are no sign, and no question to ask; the rest of the message is read as any message.
# A no limited in time ("pas du tout pour l'instant", "non merci pour le moment") denies nothing: read after each
# denial of the act below.
_NOT_FOR_NOW = (
    r"(?! (?:pour l instant|pour le moment|maintenant|encore|aujourd hui|tout de suite|ce soir|pour l heure)\b)"
)
_ACT_DENIED = re.compile(
    # Round 33 (retired held-out v37 class, fixd): dying named too, and projects or plans ("crever, ce n'est pas au programme").
    r"\b(?:me suicider|le suicide|suicide|me tuer|en finir|mettre fin a mes jours|mourir|crever)(?: \w+){0,2} "
    r"(?:(?:ne m a|m a|ne m est|m est) (?:jamais|pas|pas une seule fois) (?:traverse|effleure|venu|venue|passe)"
    r"(?: \w+){0,2} (?:l esprit|la tete|a l esprit)|(?:c est|ce n est|n est|est) (?:pas|jamais)(?: du tout| vraiment| absolument)? "
    r"(?:dans ma tete|a l ordre "
    r"du jour|une option pour moi|mon genre|pour moi|dans mes (?:plans|projets|intentions|idees)|au programme|prevu))"
    r"|\b(?:je ne veux|je veux|j ai|je n ai) (?:pas|jamais|aucune envie de) (?:me suicider|me tuer|mourir|en finir)\b"
    # "le suicide ne fait pas partie de mes intentions", "non le suicide non virgule c'est l'atelier" (development v15,
    # d-070, d-091).
    r"|\b(?:le suicide|me suicider|me tuer|en finir)(?: \w+){0,2} (?:ne fait|fait) pas partie de mes (?:intentions|projets|plans|pensees)"
    # The idea of the act said not to come, in the present ("l'idée d'en finir ne m'effleure pas", "la pensée de me tuer
    # ne me vient jamais": round 22, signs, retired held-out v28's alarms).
    r"|\b(?:l idee|la pensee|l envie|la tentation)(?: (?:de|d))? (?:me suicider|me tuer|mourir|en finir|la mort|mettre fin a mes jours)"
    # Round 33 (retired held-out v37 class, fixd): a second act named with "ou" ("l'envie d'en finir ou de me mutiler").
    r"(?: ou (?:de |d )?(?:me blesser|me faire du mal|me mutiler|me tuer|mourir|en finir|me suicider))?"
    r"(?: ,)? (?:ne|n) (?:me|m) (?:traverse|effleure|vient|est (?:jamais )?venue|passe par la tete|tente|frole) "
    r"(?:pas|jamais|meme pas|absolument pas|plus)\b"
    r"|\bnon (?:le suicide|me suicider|me tuer)(?: virgule)? non\b"
    # Round 33 (retired held-out v37 class, fixd): the act named, then said not to cross the mind in the present, "ne"
    # dropped and "ça" for subject ("me suicider, ça m'effleure jamais", "mourir ça me tente point"); a no
    # limited in time is none.
    # Round 34 (retired held-out v38 class, fixd): a no between, the question said back ("en finir ? non, ça ne m'effleure
    # pas").
    r"|\b(?:me suicider|le suicide|suicide|me tuer|en finir|mourir|mettre fin a mes jours)(?: ,)?(?: (?:non|nan)(?: ,)?)?"
    r"(?: (?:ca|cela))?(?: ne| n)? (?:me|m) "
    r"(?:traverse|effleure|vient|passe par la tete|tente|frole)(?: (?:meme|absolument|jamais))? (?:pas|jamais|point)"
    r"(?: (?:l esprit|la tete|a l esprit|par la tete))?\b"
    r"(?!(?: \w+){0,3} (?:pour l instant|pour le moment|maintenant|encore|aujourd hui|ce soir|pour l heure)\b)"
    # Round 29 (retired held-out v33 class, fixd): the thought named, then denied with a pronoun ("l'idée d'en finir, je
    # ne l'ai pas", "des idées noires, j'en ai jamais eu", "la pensée de me tuer, je l'ai jamais eue").
    r"|\b(?:l idee|la pensee|l envie|la tentation|(?:des |les )?(?:idees|pensees) (?:noires|suicidaires|de suicide|de mort))"
    r"(?: (?:de|d) (?:me suicider|me tuer|mourir|en finir|la mort|mettre fin a mes jours))?(?: ,)? (?:moi )?(?:je|j)(?: ne| n)? "
    r"(?:l|la|les|en) (?:ai|avais)(?: (?:jamais|pas|pas du tout|absolument pas|point))(?: eu| eue| eues| eus)?\b"
    # Round 31 (retired held-out v35 class, fixd): the same said of someone close, the thought named first ("des idées
    # noires, il en a pas", "l'envie d'en finir, elle ne l'a jamais eue", "des pensées de mort, mon père n'en a aucune"):
    # a relative's no; their worry beside it is asked about directly.
    r"|\b(?:l idee|la pensee|l envie|la tentation|(?:des |les )?(?:idees|pensees) (?:noires|suicidaires|de suicide|de mort))"
    r"(?: (?:de|d) (?:se suicider|se tuer|mourir|en finir|la mort|mettre fin a ses jours))?(?: ,)? (?:lui |elle )?"
    r"(?:il|elle|ils|elles|(?:mon|ma|notre) \w+)(?: ne| n)? (?:l|la|les|en) (?:a|avait|ont|avaient)"
    r"(?: (?:jamais|pas|pas du tout|absolument pas|point|aucune))(?: eu| eue| eues| eus)?\b"
    # Round 31 (retired held-out v35 class, fixd): a question someone asked the writer, reported, then its answer given as
    # no ("la généraliste cherchait à savoir si je pensais au suicide, ma réponse : non", "elle m'a demandé si j'avais des
    # pensées de mort, je lui ai dit que non"); a "mais" after the no keeps the sign.
    r"|\bsi (?:j avais|j ai|je pensais|je pense|j y pensais|je songeais|il m arrivait (?:d avoir|de penser))(?: \w+){0,2} "
    r"(?:des |les )?(?:(?:idees|pensees) (?:noires|suicidaires|de suicide|de mort)|au suicide|a la mort|a en finir|a me tuer|"
    r"envie de mourir)(?: (?:\w+|,)){0,3} (?:la reponse est|ma reponse est|ma reponse|reponse|j ai dit|j ai repondu|je lui ai dit|"
    r"je lui ai repondu|je leur ai dit|je leur ai repondu)(?: ,)? (?:non|que non|jamais|pas du tout|aucune?)\b(?! (?:mais|pourtant|sauf)\b)"
    # Round 34 (retired held-out v38 class, fixd): the writer asked someone close and reports their no ("je lui ai demandé
    # s'il pensait à en finir, il a dit non", "j'ai osé lui demander si elle avait des idées noires, elle a juré que
    # non"): the thought is nobody's; the worry beside it is asked about directly. A "mais" that doubts the no keeps the
    # sign, not the writer's worry ("mais je m'inquiète").
    r"|\b(?:je lui ai|on lui a|je leur ai|nous lui avons|je l ai|j ai|on a)(?: (?:ose|fini par|quand meme|enfin|meme))?"
    r"(?: lui| leur)? (?:demande|demander|pose la question|poser la question|interroge|interrogee)(?: (?:\w+|,)){0,2} "
    r"(?:s il|si elle|s ils|si elles) (?:avait|avaient|a|ont|pensait|pensaient|pense|pensent|songeait|songe|envisageait|voulaient|voudrait|"
    r"voulait|veut|avait envie|a envie)(?: (?:deja|parfois|des fois))? (?:des |les |a |au |de |d )?"
    r"(?:(?:idees|pensees) (?:noires|suicidaires|de suicide|de mort)|suicide|se suicider|se tuer|en finir|mourir|la mort|"
    r"mettre fin a ses jours|envie de mourir)(?: (?:\w+|,)){0,3} (?:il|elle|ils|elles) (?:a|m a|ont|m ont|nous a) "
    r"(?:dit|repondu|jure|assure|affirme)(?: que)? (?:non|jamais|pas du tout)\b"
    r"(?! (?:mais (?!je m inquiete|j ai peur|je suis inquiete|je me fais du souci)|pourtant|sauf|enfin)\b)"
    # Round 28 (retired held-out v32 class): the question someone asked the writer, said with its no ("mon médecin m'a posé
    # la question : envie de mourir, non, aucune"); a yes, a doubt or a turning after it keeps the sign (_DENIAL_TURNS).
    # Not "m'a demandé si j'avais des idées noires": explicit_suicide's veto and ambiguous_asked_about_dark_thoughts read it.
    r"|\b(?:m a|m ont|on m a|m avait|m avaient|nous a|lui ai|lui a|leur ai|je lui ai|je me suis) (?:pose|posee|demande) "
    r"la question(?: \w+){0,4} (?:l |les |des |une |d )?(?:envie (?:de|d) (?:mourir|en finir|me tuer|me suicider)|"
    r"idees? (?:noires|suicidaires|de suicide)|pensees? (?:noires|suicidaires|de suicide)|le suicide|suicide|mourir|"
    r"en finir|me tuer)(?: ,)? (?:non|nan|jamais|aucune?|pas du tout|que non|absolument pas)\b(?! (?:mais|pourtant|sauf)\b)"
    # Round 28 (retired held-out v32 class): dying named with "de", then nobody spoke of it ("de mourir, il n'a jamais
    # parlé"), as "mourir, il n'en a jamais parlé" above.
    r"|\b(?:de|d) (?:mourir|la mort|suicide|se suicider|se tuer|en finir|mettre fin a ses jours)(?: ,)? "
    r"(?:il|elle|ils|elles|je|j|(?:mon|ma|notre) \w+)(?: ne| n)? (?:a|ont|avait|avaient|ai) "
    r"(?:jamais|pas|jamais du tout|pas une seule fois|encore jamais) (?:parle|evoque|fait allusion|fait mention)\b"
    # The act named, then "nobody ever spoke of it" ("la mort, elle n'en parle jamais", "se tuer, il n'y a jamais fait
    # allusion": retired held-out v25, a relative's answer the classifier read as a wish to die at 0.98).
    r"|\b(?:mourir|la mort|le suicide|suicide|se suicider|se tuer|me suicider|me tuer|en finir)(?: ,)? "
    r"(?:il|elle|ils|elles|on|je|j|(?:mon|ma|notre) \w+)(?: ne| n)? (?:en|y) (?:(?:a|ont|avait|avaient|ai|avons) )?"
    r"(?:(?:jamais|pas|pas du tout|jamais du tout|pas une seule fois|encore jamais) "
    r"(?:parle|pense|songe|evoque|fait allusion|dit un mot|fait mention)|(?:parle|pense|songe|fait allusion) "
    r"(?:jamais|pas|pas du tout|pas une seule fois))\b"
    # The same, the person first ("elle n'a jamais évoqué l'idée de se tuer, mais je suis inquiète": round 21, signs): a
    # relative's worry with the act denied is asked about directly, not read as a sign.
    r"|\b(?:il|elle|ils|elles)(?: ne| n)? (?:a|ont|avait|avaient) (?:jamais|pas|jamais du tout|pas une seule fois|encore jamais) "
    r"(?:parle|evoque|fait allusion|dit un mot|fait mention|ecrit|dit)(?: \w+){0,2} (?:de |d |a |au |l idee de |l idee d )?"
    r"(?:mourir|la mort|suicide|se suicider|se tuer|en finir|mettre fin a ses jours)\b"
    # "mourir, jamais de la vie j'y pense" (retired held-out v23's clear no): "jamais de la vie" denies the thought said
    # after it; its "j'y pense" is not a denial turning (_DENIAL_TURNS reads the rest of the message).
    # Round 31 (retired held-out v35 class, fixd): the act in its other everyday words ("me flinguer ? jamais de la vie",
    # "me faire du mal, jamais de la vie").
    r"|\b(?P<never>(?:mourir|me suicider|me tuer|en finir|le suicide|suicide|me foutre en l air|me flinguer|me supprimer|"
    r"mettre fin a mes jours|me faire du mal|faire une betise|faire une connerie)(?: ,)? jamais de la vie"
    r"(?: (?:j y|je n y|j y ai|je n y ai|j en|je n en) (?:pense|songe|jamais pense|ai jamais pense))?)"
    # The act named between two no's, or followed by "non, pas ça" (retired held-out v26, typed fast: "nan en finir non,
    # pas ça, j'ai deux gamins"): denied, the reasons follow.
    r"|\b(?:non|nan|nn) (?:le suicide|me suicider|me tuer|en finir|mourir)(?: ,)? (?:non|nan|nn|jamais(?! de la vie)|surtout pas|pas ca)\b"
    r"|^(?:le suicide|me suicider|me tuer|en finir)(?: ,)? (?:non|nan)(?: ,)? (?:pas ca|jamais|surtout pas)\b"
    # Round 30 (retired held-out v34 class, fixd): the act named anywhere, then a strong no ("au cas où : me suicider,
    # absolument pas", "en finir avec la vie, non, pas du tout ; avec ce proprio, oui"); a no limited in time ("pas du
    # tout pour l'instant") is none.
    r"|\b(?:me suicider|le suicide|me tuer|mourir|mettre fin a mes jours|en finir(?: avec (?:la|ma) vie)?)(?: ,)? (?:(?:non|nan)(?: ,)? )?"
    r"(?:absolument pas|pas du tout|certainement pas|surement pas|en aucun cas|aucunement|nullement)\b" + _NOT_FOR_NOW +
    # Round 32 (retired held-out v36 class, fixd): the wish itself denied, "envie" between the no and the act ("j'ai pas
    # du tout envie de me tuer, hein", "aucune envie, moi, d'en finir"), and the least trace of it denied ("pas l'ombre
    # d'une idée de mourir", "pas le moindre début d'envie d'en finir"); a no limited in time is none.
    r"|\b(?:je n ai|j ai|moi j ai|je ai)(?: (?:vraiment|absolument|franchement|surtout))? (?:pas|jamais|aucune|pas du tout|point|nullement)"
    r"(?: (?:du tout|une seule seconde|une seconde|une minute))? (?:d |l |une |la moindre )?(?:envie|intention|idee) (?:de|d) "
    r"(?:me suicider|me tuer|mourir|en finir|me foutre en l air|mettre fin a mes jours)\b"
    + _NOT_FOR_NOW
    + r"|\b(?:pas|sans|aucune?) (?:l ombre|un soupcon|une once|un brin|une trace|la moindre trace|le moindre debut|un debut|la queue)"
    r" (?:d une |d un |de |d )(?:envie|idee|pensee|intention|tentation) (?:de|d) "
    r"(?:me suicider|me tuer|mourir|en finir|me foutre en l air|mettre fin a mes jours|la mort)\b"
    # Round 36 (retired held-out v40 class, fixd): the act named, then waved away ("me flinguer, très peu pour moi", "en
    # finir ? pas mon truc", "me supprimer, non merci"); a no limited in time is none.
    r"|\b(?:me suicider|le suicide|me tuer|en finir|mourir|crever|me foutre en l air|me flinguer|me supprimer|"
    r"faire une betise|faire une connerie|mettre fin a mes jours)(?: ,)? (?:tres peu pour moi|tres peu|pas mon truc|"
    r"tres peu pour nous|non merci|sans moi|pas question)\b" + _NOT_FOR_NOW
)


# A denial that turns ("non... enfin des fois j'y pense"): the words of the question stay a sign.
_DENIAL_TURNS = re.compile(
    r"\b(?:enfin|des fois|parfois|peut etre|souvent|un peu|mais (?:si|oui)|j y pense|ca m arrive)\b"
)


@lru_cache(maxsize=8192)
def _signs(text: str, clauses: tuple[Clause, ...] | None) -> tuple[Sign, ...]:
    said_back = _QUESTION_SAID_BACK_DENIED.match(normalise_keep_question(text))
    if said_back and not _DENIAL_TURNS.search(normalise(text)):
        rest = text.split("?", 1)[1] if "?" in text else ""
        return _signs(rest, None) if rest.strip() else ()
    asked = _QUESTION_ASKED_DENIED.search(normalise_keep_question(text))
    if asked and "?" in text and not _DENIAL_TURNS.search(normalise(text.split("?", 1)[1])):
        # What came before the question is read as any message, and what follows its no.
        before, after = text.split("?", 1)
        before = re.split(r"(?i)\b(?:est-ce que|est ce que|si)\b[^?]*$", before)[0]
        rest = " , ".join(part.strip(" ,:;") for part in (before, after) if part.strip(" ,:;."))
        return _signs(rest, None) if rest.strip() else ()
    folded = normalise(text)
    denied = _ACT_DENIED.search(folded)
    outside = f"{folded[: denied.start()]} {folded[denied.end() :]}" if denied and denied.group("never") else folded
    if denied and not _DENIAL_TURNS.search(outside):
        rest = f"{folded[: denied.start()]} , {folded[denied.end() :]}".strip(" ,")
        found = _signs(rest, None) if rest else ()
        # Round 28 (retired held-out v32 class): the denial set aside, a word of strain beside it still gets the direct
        # question (distress.yml ambiguous_suicide_denied_with_strain, read on the whole message).
        return found or tuple(_rules_signs(_denial_with_strain(), text, None))
    signs = rule_signs(text, list(clauses) if clauses is not None else None)
    # The rules say what is certain; the classifier (triage/distress_model.py) brings the recall on
    # the ways of writing a sign the patterns do not know. It never lowers a rule's level.
    if not signs or signs[0].level > INDIRECT:
        model_sign = _model_sign(text)
        if model_sign is not None and model_sign.level <= INDIRECT:
            signs.insert(0, model_sign)
        elif model_sign is not None and not signs:
            signs.append(model_sign)
    return tuple(signs)


def _denial_with_strain() -> tuple[_Rule, ...]:
    return tuple(rule for rule in _table().rules if rule.id == "ambiguous_suicide_denied_with_strain")


# Round 29 (retired held-out v33 class and the clear no's of versions 14 to 24 that got no question, helper fixd): other
# words of an unprompted denial than the table's ("aucune bêtise en vue", "jamais je me ferais de mal", "il n'a jamais
# pensé à mourir", "se faire du mal, non", "c'est pas ça qui va me faire mourir, j'y pense pas"), read on the folded words.
_MORE_DENIALS = re.compile(
    r"\b(?:aucune?|pas de|pas une|zero|jamais de) (?:betises?|conneries?)(?: (?:en vue|a craindre|de ma part|en tete|de prevue?))\b"
    r"|\b(?:jamais|pas)(?: (?:je|j))?(?: ne| n)? (?:me ferais|me ferai|me ferait|me fera|ferais|ferai) (?:de|du) mal\b"
    r"|\b(?:il|elle|je|j)(?: n| ne)? (?:a|ai|avait|avais) (?:jamais|pas|jamais du tout) (?:pense|songe) "
    r"(?:a |au )?(?:mourir|la mort|suicide|se tuer|se suicider|me tuer|me suicider|en finir|se faire du mal|me faire du mal)\b"
    r"|\b(?:se|me) faire du mal(?: ,)? (?:non|nan|jamais|pas du tout|surtout pas)\b"
    r"|\b(?:mourir|me tuer|me suicider|se tuer|se suicider|en finir|le suicide)(?: (?:\w+|,)){0,8} (?:j y|j en|je n y|je n en) (?:pense|songe) "
    r"(?:pas|jamais|pas du tout)\b"
    # Round 32 (retired held-out v36 class, fixd): loving life said as the answer nobody asked yet ("rien de tout ça, j'aime
    # bien trop la vie", "non non, moi j'adore la vie"): an unprompted no, like the act denied.
    r"|\b(?:non|rien de tel|rien de tout ca|rien de ce genre|pas de ca|aucun risque|aucun danger|surtout pas|jamais)(?: (?:\w+|,)){0,6} "
    r"(?:moi )?(?:j|je) (?:aime|adore) (?:bien |beaucoup |tellement |trop |bien trop |beaucoup trop |vraiment trop |vraiment |trop bien )?la vie\b"
    r"(?! (?:d avant|de (?:patron|chef|famille|village|quartier))\b)"
    # Round 35 (retired held-out v39 class, fixd): the wish to live said as the no ("non non, moi je veux vivre", "nan,
    # j'ai envie de vivre"), and the Creole no to dying ("mwen pa lé mò", "man pa vlé mò").
    r"|\b(?:non|nan|nn|pas du tout|jamais)(?: (?:\w+|,)){0,6} (?:moi )?(?:je|j) (?:veux|tiens a|ai envie de|aime) vivre\b"
    r"(?! (?:ailleurs|autrement|de mon|de ma|du|de|mieux|a|en|sans|comme|au|dans|ici|la bas|avec)\b)"
    r"|\b(?:mwen|man|mwin|mo) (?:pa|pas) (?:le|vle|vl|ve|ka vle|envi) (?:mo|mouri|mourir)\b"
    # Round 36 (retired held-out v40 class, fixd): the thought denied in the present ("je songe pas du tout à
    # mourir", "je ne songe jamais à en finir"), "mauvaises pensées" among the thoughts named ("moi j'ai jamais de
    # mauvaises idées"), and "ça" denied with the foolish act after it ("je songe pas à ça, aucune bêtise"), Creole
    # "mi" or "man" for "je".
    r"|\b(?:je|j|mi|man|mwen)(?: ne| n)? (?:pense|songe) (?:pas|jamais|point|pas du tout) (?:a |au )?"
    r"(?:la mort|mourir|suicide|me tuer|me suicider|en finir|me foutre en l air|mettre fin a mes jours|me faire du mal)\b"
    r"(?! (?:de|du|des|d|avec|a la)\b)"
    r"|\b(?:je n ai|j ai|moi j ai) (?:pas|jamais|aucune?) (?:de |d )?(?:mauvaises (?:pensees|idees)|idees noires|pensees noires)\b"
    r"(?! (?:pour l instant|pour le moment|en ce moment|maintenant|aujourd hui)\b)"
    r"|\b(?:je|j|mi|man|mwen)(?: ne| n)? (?:pense|songe) (?:pas|jamais|point) (?:a |au )?(?:ca|cela)(?: ,)? "
    r"(?:pas de|aucune?|jamais de|zero) (?:betises?|conneries?)\b"
)
_THOUGHT_DENIED = re.compile(r"\bj y (?:pense|songe) (?:pas|jamais|plus)\b")


def suicide_denied_unprompted(text: str) -> Sign | None:
    """A message that denies thinking of suicide (the act named, then denied; the question said back or reported,
    answered no; "pas d'idées noires"; "aucune bêtise en vue") with no turning after it and no warning sign of its own:
    the level-3 sign the triage keeps when the conversation told a difficulty or a strain, wherever it was said (engine).
    None when the message denies nothing, turns ("non... enfin des fois"), or carries a sign."""
    folded = normalise(text)
    if not folded or find_signs(text):
        return None
    found = (
        _ACT_DENIED.search(folded)
        or _QUESTION_SAID_BACK_DENIED.match(normalise_keep_question(text))
        or _QUESTION_ASKED_DENIED.search(normalise_keep_question(text))
        or _MORE_DENIALS.search(folded)
    )
    if found is None:
        whole = whole_clause(text)
        for rule in _denial_with_strain():
            found = rule.message.search(whole.text) if rule.message is not None and whole is not None else None
            if found is not None:
                break
    if found is None or _DENIAL_TURNS.search(_THOUGHT_DENIED.sub(" ", folded)):
        return None
    return Sign(AMBIGUOUS, "ambiguous_suicide_denied_after_strain", "thinking_of_it", f"« {text.strip()[:157]} »")


def rule_signs(text: str, clauses: list[Clause] | None = None) -> list[Sign]:
    """The signs of the rule table alone (triage/rules/distress.yml)."""
    return _rules_signs(_table().rules, text, clauses)


def signs_after_a_suicide_told(text: str, clauses: list[Clause] | None = None) -> list[Sign]:
    """Round 26 (r26a-15): the writer's own signs that only mean one after a death by suicide was told ("des fois je
    comprends pourquoi il l'a fait", "je vais faire pareil"): identification with the one who died. Always the
    writer's (the "il" in them is the dead, never a person at risk)."""
    return _rules_signs(_table().after_a_suicide, text, clauses)


def tells_a_death_of_someone_close(text: str, clauses: list[Clause] | None = None) -> bool:
    """Round 31 (fixd, talking to the bot): the message tells that someone close died ("mon fils est mort en 2019",
    "depuis le décès de ma compagne", "je suis veuf"), whatever the cause (distress.yml `death_told`)."""
    pattern = _table().death_told
    return pattern is not None and any(pattern.search(clause.text) for clause in clauses or split_clauses(text))


def signs_after_a_death_told(text: str, clauses: list[Clause] | None = None) -> list[Sign]:
    """Round 31 (fixd, talking to the bot): a widower's wish to join his late wife ("j'aimerais tant retrouver mon
    épouse") said in a later message than the one that told her death: the wish to be dead; elsewhere joining one's
    wife is an evening plan."""
    return _rules_signs(_table().after_a_death, text, clauses)


def _rules_signs(table_rules: Iterable[_Rule], text: str, clauses: list[Clause] | None) -> list[Sign]:
    found: dict[str, Sign] = {}
    # One alternation per rule: measured five times faster than one alternation of every pattern.
    per_clause = clauses if clauses is not None else split_clauses(text)
    # Message-wide patterns see the message in one piece ("Merci pour tout. Adieu.", "j'ai un plan, mais je
    # ne veux pas en parler"), sentence ends and "mais" included.
    whole: list[Clause] | None = None
    message_text = " ".join(clause.text for clause in per_clause)
    for rule in table_rules:
        if _vetoed_by_message(rule, message_text):
            continue
        for pattern, scope in ((rule.clause, per_clause), (rule.message, None)):
            if pattern is None or rule.id in found:
                continue
            if scope is None and whole is None:
                whole = [clause for clause in (whole_clause(text),) if clause is not None]
            for clause in scope if scope is not None else (whole or []):
                if not pattern.search(clause.text):
                    continue
                span = next(iter(_matches(rule, pattern, clause)), None)
                if span is not None:
                    found[rule.id] = Sign(rule.level, rule.id, rule.category, f"« {clause.quote(*span)} »")
                    break
    return sorted(found.values(), key=lambda sign: sign.level)


# Business despair ("le commerce, c'est fini, plus rien ne changera") reads like hopelessness: when the
# model's sentence speaks of the business and not of the person, it only gets the direct question.
_BUSINESS = re.compile(
    r"\b(boite|entreprise|societe|commerce|activite|atelier|boutique|magasin|salon|garage|"
    r"chantiers?|clients?|chiffre|ventes?|commandes?|affaire|metier|exploitation|restaurant|"
    r"bar|fonds|stock|carnet|saisons?|saisonniers?)\b"
)
# Regretting a business choice ("y a des jours où je me dis que j'aurais jamais dû m'installer", "j'aurais mieux fait de
# rester salarié": development v21, d-123): the classifier read its reflective frame as a sign (0.93, 0.97); it is
# despair about the business, asked about directly like the rest of it.
_CHOICE_REGRETTED = re.compile(
    r"\bj (?:aurais|aurai)(?: \w+){0,4} (?:m installer|me mettre a mon compte|me lancer|rester salarie|rester ouvrier|"
    r"rester a l usine|rester employe|reprendre|racheter|ouvrir|acheter|embaucher|signer|ecouter|choisir|m associer|"
    r"emprunter|investir)\b|\bje regrette (?:de |d )(?:m etre|m avoir) (?:installe|installee|mis|mise|lance|lancee)\b"
)
# Self-harm said "on purpose" where the business is only the place ("je l'ai vu se faire du mal volontairement à
# l'atelier": retired held-out v22, d-098, the classifier's self_harm at 0.96 was read as despair about the business).
_ON_PURPOSE = re.compile(r"\b(?:volontairement|expres|deliberement|sciemment|en cachette)\b")
_PERSONAL = re.compile(
    r"\b(moi|ma vie|vivre|vie|mourir|mort|morte|famille|enfants|gosses|femme|mari|"
    r"suicide|suicider|tuer|disparaitre|reveiller|adieu|assurance|testament|poids|fardeau)\b"
)


# A feeling about a thing ("j'ai honte rien que d'y penser", "rien qu'à y penser j'ai peur qu'on me prenne la maison"):
# the classifier read the "y penser" as ideation (round 15, b.md H2: 0.92 intent_plan_means for a hairdresser's shame
# at the tribunal). Its reading of such a sentence is asked about directly, no more, unless an end is named with it; a
# rule's sign written beside it ("j'ai envie d'en finir, rien que d'y penser ça me soulage") is not the classifier's.
_FEELING_ABOUT_A_THING = re.compile(
    r"\brien (?:que|qu|ka|k) (?:de |d |a |en )?(?:y |dy )?(?:penser|pensant|songer|songeant)\b"
    r"|\brien (?:que|qu|ka|k) (?:a |de |d )?l idee\b"
)
_END_NAMED = re.compile(
    r"\b(?:suicid\w*|me tuer|crever|disparaitre|(?:plus|pas) me reveiller|partir pour (?:toujours|de bon)|en finir)\b"
)


# A reassurance ("je vais rien faire", "je ferai pas de bêtise", "je vais pas me faire de mal") or a misreading taken
# back ("c'est pas ce que je voulais dire"): the classifier read them as a secret plan (round 15, a.md M7: the crisis
# block and the safety question again after a clear yes). Set aside, the rest of the message is read as any message.
# Not when limited in time ("je vais rien faire pour l'instant") nor about the business ("rien faire pour la boîte").
_REASSURANCE = re.compile(
    r"\b(?:je |j )?(?:ne |n )?(?:vais|compte) (?:rien|pas) (?:me |m )?(?:faire|tenter)"
    r"(?: (?:de|d) (?:mal|grave|bete|betes|stupide|con|dangereux|mauvais|dingue|irreparable))?"
    r"(?! (?:pour|avec|contre|a|au|aux|du|des|sur|tant|dans|en|de|d|encore|maintenant|aujourd hui|ce soir|cette nuit|"
    r"tout de suite|pour l instant|pour le moment)\b)"
    r"|\b(?:je |j )?(?:ne |n )?(?:ferai|ferais|f rai) rien(?: (?:de|d) (?:mal|grave|bete|stupide|con|dangereux|mauvais))?"
    r"(?! (?:pour|avec|contre|a|au|aux|du|des|sur|tant|dans|en|de|d|encore|maintenant|aujourd hui|ce soir|cette nuit|"
    r"tout de suite|pour l instant|pour le moment)\b)"
    r"|\b(?:je |j )?(?:ne |n )?(?:vais|ferai|ferais|f rai|compte|veux) pas (?:faire )?(?:de |d )?(?:betises?|conneries?|"
    r"truc stupide|quelque chose de (?:grave|stupide|bete|mal))\b"
    r"|\b(?:je |j )?(?:ne |n )?(?:vais|compte|veux) pas (?:me faire (?:de |du )mal|passer a l acte)\b"
    r"|\b(?:je |j )?(?:ne |n )?(?:me ferai|passerai) (?:pas|rien) (?:de mal|a l acte)\b"
    r"|\b(?:c est|ce n est|c etait|ce n etait|c) pas ce que (?:je|j) (?:voulais|veux|voulait) dire\b"
    r"|\b(?:je |j )?(?:ne |n )?voulais pas dire (?:ca|cela)\b|\bje (?:me suis|m suis) mal (?:exprime|exprimee)\b"
    r"|\bvous (?:m avez|avez) mal (?:compris|comprise)\b|\b(?:c est|c etait) (?:une|juste une) (?:facon|maniere) de parler\b"
)


def _without_reassurance(text: str) -> str | None:
    """The message in its own words with its reassurances taken out, or None when it says none."""
    spans = []
    for clause in split_clauses(text):
        for match in _REASSURANCE.finditer(clause.text):
            start, end = clause.source_span(*match.span())
            if end > start:
                spans.append((start, end))
    if not spans:
        return None
    kept, last = [], 0
    for start, end in sorted(spans):
        kept.append(text[last:start])
        last = max(last, end)
    kept.append(text[last:])
    return " , ".join(part.strip(" ,") for part in kept if part.strip(" ,.!…"))


# Plain words the classifier weighed as a sign (round 19, talkers b and c, the integrator's z): "c'est pas mes affaires"
# (none of my business: 0.94 giving away, for an apprentice asking about his pay), an interruption and its "where were
# we", coming back after talking it over ("... et je reviendrai"), not wanting an office to know of the difficulty, and
# nothing left to sell or deliver (a business fact; "plus rien à perdre" is not one). The classifier reads the message
# without them, as without a reassurance; the rules read it whole.
_PLAIN_WORDS = re.compile(
    r"\b(?:c est|c|ce n est|ce sont|ce ne sont|ca c est|ca c|ca ce n est) (?:pas|point|surtout pas) "
    r"(?:mes|mon|ses|son|tes|ton|vos|votre|nos|notre) (?:affaires?|oignons|problemes?|histoires?)\b"
    r"|\b(?:(?:pardon|desole|desolee|excusez moi|dsl)(?: ,)? )?(?:j ai ete|on a ete|ca a|la connexion a|le reseau a) "
    r"(?:coupee?|coupes|interrompue?|deconnectee?|coupe la connexion)\b"
    r"|\bon en (?:etait|est|etions) (?:ou|a quoi)\b|\bou (?:on|j|nous) en (?:etait|etais|etions|est)\b"
    r"|\b(?:et )?(?:je|j) (?:reviendrai|reviens|repasserai|repasse|reviendrai vers vous|reviens vers vous|vous recontacterai|"
    r"vous reecrirai|vous ecrirai|vous redirai)(?: (?:vers vous|vous voir|plus tard|demain|ce soir|apres|ensuite|"
    r"tout a l heure|dans la semaine|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|la semaine prochaine|"
    r"vers vous apres|quand (?:j|je) (?:en )?saurai plus|si besoin))*(?= ,|$)"
    r"|\b(?:je |j )?(?:ne )?(?:veux|voudrais|tiens) (?:pas|surtout pas|vraiment pas) (?:qu ils|qu elles|que (?:la|le|l|les) "
    r"(?:caisse|cgss|urssaf|banque|banquier|impots|fisc|chambre|mairie|fournisseurs?|clients?|organismes?)) "
    r"(?:le |l )?(?:sachent|sache|apprennent|apprenne|voient|voie)(?: (?:que (?:j ai du mal|je galere|je suis en difficulte|"
    r"ca va mal|je (?:ne )?(?:peux|paie|paye|arrive) (?:pas|plus)\w*(?: a payer)?|je suis en retard)|(?:mes|ma) "
    r"(?:difficultes|situation|galere|retards?)))\b"
    # A no said first, then the reasons why ("jamais de la vie, elle a ses petits-enfants, elle vit pour eux": a son's
    # answer, read as a burden at 0.98): the denial itself is no sign; a hopeless "jamais de la vie je m'en sortirai" is
    # read as ever (only a "jamais de la vie" that ends its clause).
    r"|^(?:(?:non|nan|mais|ah|oh|euh|ben|bah|alors la) )*(?:(?:non|nan) )?jamais de la vie(?= ,|$)"
    # The reasons to live said with it (someone has their grandchildren, lives for them): protective, never a sign.
    r"|\b(?:il|elle|je|j|on) (?:a|ai|avons|ont) (?:encore |toujours |quand meme |surtout )?(?:ses|mes|sa|ma|son|mon|nos|leurs?) "
    r"(?:petits enfants|enfants|gosses|petits|filles?|fils|famille)(?= ,|$| et )"
    r"|\b(?:il|elle|je|j) (?:ne )?(?:vit|vis) (?:que |surtout |juste )?pour (?:eux|elles|ses \w+|mes \w+|sa \w+|ma \w+|son \w+|mon \w+)"
    r"(?= ,|$| et )"
    # Round 30 (retired held-out v34 class, fixd): plain words of the business read as signs by the classifier: providing
    # for one's family ("je fais vivre ma famille avec ça": a burden at 0.9), one's name burnt with a bank ("je suis grillé
    # chez eux": ideation), nobody hurt ("il est chez moi, pas blessé": self-harm at 0.92), nothing left to work with after
    # a fire (hopeless finality), someone else one is angry with "killed" ("celui-là je vais le tuer lol": a plan at 0.91).
    r"|\b(?:je|j|on|il|elle|nous) (?:fais|fait|faisons|font|faisait|faisais) (?:vivre|manger|tourner) (?:ma|mes|sa|ses|notre|nos|la|toute (?:ma|la|sa|notre)) "
    r"(?:famille|femme|mari|enfants|gosses|foyer|maisonnee|petits|maison)(?: (?:avec (?:ca|cela|ce \w+|cette \w+|mon \w+|ma \w+)|grace a (?:ca|cela)))?(?= ,|$| et )"
    r"|\b(?:je suis|suis|j suis|on est|il est|elle est|je serais|je serai|nous sommes) (?:completement |totalement |carrement |definitivement |deja |bien )?"
    r"(?:grille|grillee|grilles|crame|cramee|brule|brulee) (?:chez|aupres (?:de|d)|avec|a la|au pres de|pour) (?:eux|elle|lui|la \w+|le \w+|les \w+|l \w+|ma \w+|mon \w+|mes \w+)\b"
    r"|\b(?:pas|personne n a ete|personne de|sans (?:etre|avoir ete)) blessee?s?(?! (?:expres|volontairement|deliberement)\b)|\b(?:indemnes?|sains? et saufs?|saine? et sauve)\b"
    r"|\b(?:plus|pas|presque plus) rien pour (?:travailler|bosser|produire|fabriquer|cuire|tourner|livrer|vendre|ouvrir|reprendre le travail)\b"
    r"|\b(?:je|j)(?: vais| vas| veux| voudrais| pourrais| vais finir par| vais aller| ai envie de| avais envie de)? (?:le|la|les|l) "
    r"(?:tuer|buter|etrangler|trucider|zigouiller|massacrer|flinguer|assassiner|etriper)\b(?!.*\b(?:moi|me tuer|me suicider|en finir|mourir)\b)"
    r"|\b(?:plus|pas|presque plus) rien (?:a|d) (?:vendre|livrer|produire|fabriquer|cuire|proposer|facturer|exposer|"
    r"mettre en (?:vitrine|rayon|vente)|faire tourner|stocker|expedier)\b"
    # Round 31 (retired held-out v35 classes, fixd): a home or goods pledged to a creditor and the creditor turning on it
    # ("notre appartement est hypothéqué, j'ai peur que la banque vienne dessus": a burden at 0.96), and the next step a
    # bailiff or a creditor announced ("ensuite ce sera la vente aux enchères, m'a dit l'huissier": a way out at 0.93): the
    # procedure's facts.
    r"|\b(?:engage|engagee|hypotheque|hypothequee|mis en garantie|mise en garantie|donne en garantie|nanti|nantie|mis en caution|gage|gagee)"
    r"(?: (?:aussi|egalement|deja|meme))? (?:la|notre|ma|sa|leur|nos|mes|le|mon) (?:maison|appartement|terrain|residence|bien|biens|local|fonds|murs|parts|assurance vie)\b"
    r"|\b(?:qu ils|qu elle|qu il|qu elles|que la banque|que le creancier|que l urssaf|que le fisc|qu on)(?: ne| n)? "
    r"(?:se retournent|se retourne|se retournera|se retourneront|se retournerait|viennent|vienne|viendront) "
    r"(?:dessus|sur (?:la|notre|ma) (?:maison|appartement|residence|caution)|contre (?:moi|nous|ma femme|mon mari|la caution|le garant))\b"
    r"|\b(?:apres|ensuite|la prochaine etape|l etape suivante|apres ca|sinon|derriere)(?: ,)? (?:ca|ce|c|cela) (?:serait|sera|est|va etre|ce sera) "
    r"(?:la|le|l|une|un|les) (?:saisies?|vente|ventes|expulsion|tribunal|liquidation|redressement|audience|assignation|huissier|commissaire|"
    r"fourriere|mise en demeure|procedure|saisie attribution|saisie vente|vente aux encheres|encheres)\b"
    # Round 20 (alarms): money short to live on ("elle a plus un rond pour vivre", a sister fleeing a violent husband,
    # read as a burden at 0.91): a money fact, the urgency's (cases_round19_ambiguous.yml says so for the rules).
    r"|\b(?:plus|pas|zero|sans|aucun|presque plus) (?:un |une |d |de |du )?(?:sous?|ronds?|centimes?|euros?|kopecks?|"
    r"radis|thunes?|balles|argent|fric|pognon|revenus?)(?: (?!(?:pour|de quoi)\b)\w+){0,3} (?:pour|de quoi) (?:vivre|survivre)"
    r"(?: (?:ce mois ci|ce mois|cette semaine|jusqu a la fin du mois))?(?= ,|$| et )"
    # Round 27 (retired held-out v31 class): a thing named first, then "en finir" said of it ("cette inscription, je voudrais
    # en finir": the classifier read a plan at 0.96); one's life, pain or suffering named so stays (the same words are
    # explicit_wish_to_die's own veto in distress.yml).
    r"|^(?:ce|cette|ces|le|la|les|mon|ma|mes|leur|son|sa|cet) (?!(?:vie|existence|souffrances?|douleurs?|calvaire|enfer|"
    r"cauchemar|monde|corps|tete|peine|mal|galere|combat|situation|solitude|angoisse|tristesse|fatigue|journee|nuits?)\b)"
    # The thing is a noun phrase ("ce leasing du camion", "cette inscription à la Banque de France"), never a clause: "la
    # banque m'a lâché, je veux en finir" and "les impôts veulent la CFE pour le 15, je veux en finir" stay signs.
    r"\w+(?: (?:de|du|des|d|au|aux|avec|sur|chez|pour|en|a (?:la|le|les|l))(?: (?:la|le|les|l))? \w+){0,3}(?: \w+)? , (?:je|j) (?:veux|voudrais|aimerais|dois|vais|veut|souhaite|souhaiterais|compte) "
    r"(?:vraiment |enfin |juste |bien )?en (?:finir|terminer)"
    r"(?! (?:avec (?:la vie|ma vie|moi|tout)|pour de bon|une fois pour toutes|definitivement)\b)(?= ,|$)"
    # Round 32 (retired held-out v36 classes, fixd): carrying everything alone, said of oneself or of someone close ("il a
    # toujours tout géré tout seul", "je porte tout seule depuis des années": read as a way out at 0.9), a strain the rest
    # of the message tells; and a life insurance pledged to the bank, feared lost if the loan is not repaid ("je risque de
    # perdre mon assurance vie si je ne paie pas": a life insurance sign at 0.95), a saving.
    r"|\b(?:je|j|il|elle|on|ils|elles)(?: (?:a|ai|avait|avais|ont|avaient))?(?: (?:toujours|tout le temps|depuis toujours|depuis des annees|"
    r"tres longtemps|longtemps))? (?:tout )?(?:porte|portee|portes|gere|geree|geres|assume|assumee|assumes|tenu|tenue|tient|tiens|fait|fais)"
    r"(?: tout)? (?:tout |toute )?(?:seule?s?|sans aide|sans personne)(?: (?:depuis (?:toujours|des annees|\d+ ans)|sur (?:son|ses|mon|mes) (?:dos|epaules)))?(?= ,|$| et )"
    r"|\b(?:peur de |risque de |risquer de |vais |va |pourrais |pourrait |crains de )?(?:perdre|perde|perds|perdrai|perdrais|perdu) "
    r"(?:mon |ma |l |notre |son |sa |leur |toute (?:mon |ma |l ))?assurance vie(?: (?:si|quand|en cas (?:de|d)) (?:je|j|on|nous)(?: ne| n)? "
    r"(?:rembourse|paie|paye|honore|regle|suis|arrive)\w*(?: (?:pas|plus|rien))?(?: (?:le|mon|ma|les|mes) (?:pret|credit|emprunt|echeances?|mensualites?))?)?(?= ,|$| et )"
    # Round 33 (retired held-out v37 classes, fixd): plain words of the trade read as signs by the classifier: nothing to
    # be done without one's tools or van ("sans ma camionnette on vaut plus rien": giving away at 0.9); trying at night to make
    # sense of a late spouse's or a partner's papers ("la nuit il tente de démêler ses dossiers": a plan at 0.92);
    # fear for the boss said with fear for one's pay ("inquiète pour ma patronne comme pour mon contrat": a burden at 0.94); a town
    # left for good with someone or somewhere waiting ("on part de Nevers définitivement, mon frère nous loge à Dijon").
    r"|\bsans (?:mes|mon|ma|nos|notre|ses|son|sa|les|le|la) (?:outils?|machines?|camion|camionnette|vehicule|voiture|materiel|four|atelier|"
    r"local|pont|utilitaire|fourgon|instruments?|bateau|tracteur|permis)(?: \w+){0,2} (?:je|j|on|il|elle)(?: ne| n)? "
    r"(?:fais|fait|peux|peut|vaux|vaut|sers|sert) (?:plus|pas|pu)(?: \w+){0,2}(?= ,|$)"
    r"|\b(?:je|j|il|elle|on) (?:essaie|essaye|essayais|essayait|tente|tentais|tentait) (?:de|d) (?:comprendre|m y retrouver|y voir clair|"
    r"dechiffrer|demeler|trier|ranger|classer|rattraper|suivre|reprendre|apprendre|faire)(?: (?:ses|mes|les|la|le|sa|son|ma|mon|leurs?|des|"
    r"nos|notre) (?:classeurs?|papiers|dossiers?|comptes?|factures?|devis|compta|comptabilite|paperasse|fichiers?|cahiers?|carnets?|"
    r"tableaux?|relances?|courriers?|mails?|codes?|logiciels?))\b"
    r"|\b(?:peur|inquiete?|crainte|angoisse|angoissee?) pour (?:lui|elle|eux|mon patron|ma patronne|le patron|la patronne|mon chef|"
    r"ma cheffe) (?:et|mais aussi|comme) pour (?:ma|mon|notre|nos|mes) (?:paie|paye|salaire|job|boulot|poste|emploi|place|contrat|"
    r"apprentissage|alternance|stage)\b"
    r"|\b(?:je|j|on|nous) (?:quitte|quittons|quitterai|quitterons|vais quitter|allons quitter) (?!(?:la vie|ce monde|cette vie|"
    r"cette terre|l existence|les miens|ma famille|mes enfants|ma femme|mon mari|tout|vous|tous)\b)\w+(?: \w+){0,2} "
    r"(?:pour de bon|definitivement|pour toujours)(?= , (?:\w+ ){0,3}(?:m attend|m attendent|nous attend|nous attendent|m accueille|"
    r"m accueillent|nous accueille|m heberge|nous heberge|me loge|nous loge)\b)"
)


def _without_plain_words(text: str) -> str | None:
    """The message in its own words with the plain words above taken out, or None when it says none."""
    return _without(_PLAIN_WORDS, text)


# A short hesitation opening a sentence ("franchement je sais plus, j'ai rangé tous mes papiers et écrit à mes gars pour
# les remercier de tout": the integrator's z, 2026-12-05): the classifier weighed the whole sentence as ambiguous (level
# 3) where the same words without the opener are a sign (settling one's affairs, level 2). The sentence is also read
# without its opener; its own words keep their reading either way.
_HESITATION = re.compile(
    r"^(?:(?:franchement|honnetement|sincerement|bah|ben|bon|euh+|bof|pf+|ecoutez|ecoute|enfin|alors|en fait|en vrai|oh|ah|"
    r"je sais pas|je ne sais pas|je sais plus|je ne sais plus|j en sais rien|je n en sais rien|chais pas|aucune idee|"
    r"je sais pas trop|je sais plus trop|je sais meme plus|je sais meme pas|vous savez|tu sais|moi|la|quoi)(?: |$))+(?:, |$)"
)


def _without_hesitation(text: str) -> str | None:
    """The message with the short hesitations that open its sentences taken out, or None when none opens one."""
    spans = []
    for clause in split_clauses(text):
        match = _HESITATION.match(clause.text)
        if match and len(match.group(0).split()) <= 8:
            start, end = clause.source_span(*match.span())
            if end > start:
                spans.append((start, end))
    return (_cut(text, spans) or None) if spans else None


def _without(pattern: re.Pattern[str], text: str) -> str | None:
    spans = []
    for clause in split_clauses(text):
        for match in pattern.finditer(clause.text):
            start, end = clause.source_span(*match.span())
            if end > start:
                spans.append((start, end))
    return _cut(text, spans) if spans else None


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    kept, last = [], 0
    for start, end in sorted(spans):
        kept.append(text[last:start])
        last = max(last, end)
    kept.append(text[last:])
    return " , ".join(part.strip(" ,").lstrip(".;!?… ") for part in kept if part.strip(" ,.;!?…"))


def _about_a_thing(words: str) -> bool:
    """The classifier's sentence is despair about the business, a business choice regretted, or a feeling about a thing
    ("j'ai honte rien que d'y penser"), and names no personal end: the direct question, not the crisis path."""
    final = _table().finality.search(words)
    if (_BUSINESS.search(words) or _CHOICE_REGRETTED.search(words)) and not (_PERSONAL.search(words) or final):
        return True
    if _SAVINGS.search(words) and not (_PERSONAL.search(words) or final or _NOT_ONLY_SAVINGS.search(words)):
        return True
    return bool(_FEELING_ABOUT_A_THING.search(words)) and not (_END_NAMED.search(words) or final)


# Savings spent, help refused ("il refuse toute aide, il a déjà vidé son livret": round 19, a relative's worry read by the
# classifier as hopeless finality at 0.92): money facts like the business's, the direct question. Not when the savings
# are given to someone or put towards a funeral or a will (the signs of giving away and of settling one's affairs).
_SAVINGS = re.compile(r"\b(?:livrets?|epargne|economies|pel|bas de laine|reserves)\b")
_NOT_ONLY_SAVINGS = re.compile(
    r"\b(?:obseques|enterrement|funerailles|testament|donne|donnes|donnee?s?|offert|offerts|offertes?|legue|legues|"
    r"distribue|distribues|laisse|laisses|niece|neveu|filleule?|petits? enfants|apres moi)\b"
)


# Someone's presence beside the writer ("là il est à côté de moi devant la télé, ça va pour ce soir je pense", round 16,
# r16a-09: a wife's answer about her husband read by the classifier as a plan or means, 'model:intent_plan_means', and
# told "Appelez tout de suite le 15"): a person with the writer, at home, asleep, eating, watching TV is company, never
# a plan nor a means. Only the classifier's level 1-2 reading is set aside, and only when the message names no means,
# no end and no one left alone; the rules' signs ("j'ai les cachets à côté de moi") are read as before.
_PRESENCE = re.compile(
    r"\b(?:il|elle|ils|elles|lui|on|(?:mon|ma|mes|notre|nos) \w+|quelqu un|les enfants|la famille)"
    r"(?: (?:est|sont|etait|reste|restent|dort|dorment|mange|mangent|regarde|regardent|se repose|se reposent|"
    r"est couchee?|est assise?|est installee?))+(?: (?:la|ici|encore|toujours|bien|tranquille|tranquillement))*"
    r"(?: (?:a cote de moi|a cote|pres de moi|contre moi|avec moi|avec nous|a la maison|chez nous|dans le salon|"
    r"dans le canape|sur le canape|devant la tele|devant la television|devant un film|la tele|un film)\b)"
    r"|\b(?:il|elle|ils|elles) (?:dort|dorment|mange|mangent|se repose|se reposent)\b(?! (?:plus|pas|jamais|mal)\b)"
    r"|\b(?:il|elle|ils|elles) (?:est|sont) (?:la|ici)(?= (?:avec|a cote|pres|ce soir|ca va|je|on|et)\b|$)"
    r"|\b(?:je suis|on est|nous sommes) (?:la |ici )?(?:avec (?:lui|elle|eux|mon \w+|ma \w+|mes \w+)|a cote de (?:lui|elle))\b"
    r"|\bdevant la tele(?:vision)?\b"
)
_NOT_MERE_PRESENCE = re.compile(
    r"\b(?:corde|fusil|carabine|arme|pistolet|revolver|cachets?|medicaments?|medocs|comprimes|somniferes|pilules|"
    r"poison|couteau|lame|pont|viaduc|voiture|garage|balcon|fenetre|toit|alcool|bu|boit|bourre|seule?s?|"
    r"suicid\w*|tuer|mourir|mort|en finir|adieu\w*|lettre|prepare\w*|pret|prete|plan|projet|date|mieux sans|"
    r"plus la|poids|fardeau|disparaitre|reveill\w*|respire\w*|inconscient\w*|bouge)\b"
)


def _mere_presence(message_text: str) -> bool:
    """The message says a person is beside the writer (or the writer with them) and nothing of means, an end, a plan or
    someone alone; what is left without the presence words is no sign of the classifier's either."""
    if not someone_present(message_text):
        return False
    words = normalise(message_text)
    rest = " ".join(_PRESENCE.sub(" , ", words).split()).strip(" ,")
    return not rest or not any(
        verdict.level is not None and verdict.level <= INDIRECT for verdict in distress_model.classify(rest).candidates
    )


def someone_present(text: str | None) -> bool:
    """ "il est à côté de moi devant la télé", "elle dort", "je suis avec lui": a person beside the writer, and nothing of
    means, an end, a plan or someone alone said with it (round 16, r16a-09)."""
    words = normalise(text or "")
    return (
        bool(words)
        and bool(_PRESENCE.search(words))
        and not _NOT_MERE_PRESENCE.search(words)
        and not _table().finality.search(words)
    )


# Wishing to be MORE there for someone ("j'aimerais être plus là pour mes enfants le soir", "être plus présent pour ma
# fille"): the opposite of not being there. The classifier weighs "plus là" as disappearing (round 19: 0.96
# disappear_not_wake for a baker who wants more evenings with his children). Its level 1-2 reading of such a sentence is
# set aside when the sentence names no end; the rules' signs are read as ever.
_MORE_PRESENT = re.compile(
    r"(?<!pas )(?<!plus )(?<!jamais )(?<!ne )(?<!n )\b(?:etre|sois|soit) (?:un peu |beaucoup |bien |vraiment )?(?:plus|davantage) "
    r"(?:souvent )?(?:la|present|presente|disponible|a la maison|avec) "
    r"(?:pour|avec|aupres (?:de|d)|a cote (?:de|d))? ?(?:mes|ma|mon|les|ses|sa|son|nos|notre|leurs?|eux|elle|lui|ma famille|"
    r"la famille|les miens|les enfants|mes proches)\b"
)


def _more_present(quote: str) -> bool:
    words = " ".join(clause.text for clause in split_clauses(quote))
    return bool(_MORE_PRESENT.search(words)) and not (_END_NAMED.search(words) or _table().finality.search(words))


# An insurer paying part of a property claim, or refusing it ("l'assureur dit que la serrure n'était pas aux normes et
# qu'il ne remboursera qu'une partie"): the classifier read the reported "qu'il ne paiera" as a way out or a life
# insurance (round 19: 0.95 solution_way_out after a burglary). Set aside when the sentence names no death, no one
# close, no "si je" and no end; a life insurance asked about one's death keeps its sign.
_CLAIM_PAID_IN_PART = re.compile(
    r"\b(?:assureur|assureurs|assurance|compagnie|expert|experte|mutuelle)\b"
    r"(?: (?!(?:si|quand|en cas)\b)\w+){0,16} "
    r"(?:(?:ne |n )(?:\w+ )?(?:paiera|payera|paie|paye|rembourse|remboursera|couvre|couvrira|versera|prendra en charge|"
    r"indemnisera|donnera|reglera)(?: \w+){0,2} (?:qu une partie|qu une part|qu une petite part|qu une fraction|que la moitie|"
    r"qu un tiers|qu un quart|que le minimum|qu un peu|qu en partie|rien|pas)\b"
    r"|refuse (?:de (?:payer|rembourser|couvrir|indemniser|prendre en charge)|le remboursement|la prise en charge|le dossier)\b)"
)
_CLAIM_PERSONAL = re.compile(
    r"\b(?:moi|ma vie|vivre|mourir|mort|morte|deces|decede|famille|enfants|femme|mari|suicid\w*|disparai\w*|"
    r"si (?:je|j)|partais|volontaire\w*|expres)\b"
)


# Round 20 (alarms): the insurer pays only on a condition of the claim ("l'assurance dit qu'elle ne paie que si l'armoire
# forte est homologuée", read as a life insurance at 0.94). Not a life cover's condition ("que si c'est un accident").
_CLAIM_ON_CONDITION = re.compile(
    r"\b(?:assureur|assureurs|assurance|compagnie|expert|experte|mutuelle)\b(?: (?!(?:si|quand|en cas)\b)\w+){0,8} "
    r"(?:ne |n )(?:\w+ )?(?:paiera|payera|paie|paye|rembourse|remboursera|couvre|couvrira|versera|prend en charge|"
    r"prendra en charge|indemnise|indemnisera) (?:que|qu) (?:si|s il|s ils|a condition)\b"
)
_LIFE_COVER = re.compile(r"\b(?:accident\w*|assurance vie|prevoyance|deces|mort|naturelle|vie)\b")


# Round 29 (retired held-out v33 class, fixd): customers waiting for their insurer to pay the writer ("certains clients
# attendent leur assurance pour me régler", "en attendant l'indemnisation de l'expert"), read as a life insurance at 0.92: a
# property claim, set aside like the claims above when no life cover, no death and nothing personal is named.
_CLAIM_AWAITED = re.compile(
    r"\b(?:attend|attends|attendent|attendons|attendez|attendait|attendaient|attendre|en attendant|en attente (?:de|d))"
    r"(?: (?:encore|toujours|que))?(?: (?:le|la|l|les|leur|leurs|son|sa|ses|mon|ma|mes|notre|nos|du|des|de|d))? ?"
    r"(?:assurance|assurances|assureur|assureurs|indemnisation|indemnites?|expert|expertise|mutuelle)\b"
)


# Round 30 (retired held-out v34 class, fixd): two insurers of a property claim ("le voisin n'a pas d'assurance à jour et mon
# assurance dit qu'elle verra avec la sienne", "mon assureur se retourne contre celui du locataire"), read as a life
# insurance at 0.9: set aside like the claims above when no life cover, no death and nothing personal is named.
_CLAIM_BETWEEN_INSURERS = re.compile(
    r"\b(?:assurance|assureur|assureurs|compagnie|mutuelle)(?: \w+){0,6} (?:verra|voit|va voir|doit voir|verront|se retourne|"
    r"se retournera|se retourner|se mettra d accord|se mettront d accord|s arrange|s arrangera|negocie|negociera|traite|traitera|"
    r"voie|regle|reglera) (?:avec|contre) (?:la sienne|le sien|la leur|le leur|l autre|celle (?:du|de la|de l|des)|celui (?:du|de la|de l|des)|"
    r"l assurance|l assureur|son assur\w*|leur assur\w*)"
    r"|\b(?:voisin|voisine|voisins|proprio|proprietaire|bailleur|locataire|syndic|copropriete|tiers)(?: \w+){0,2} (?:n a|n avait|n ont) "
    r"(?:pas|plus|aucune) (?:d )?(?:assurance|assureur)"
)


# Round 31 (retired held-out v35 class, fixd): the insurer feared not to follow or to drop the writer after a claim or a
# lawsuit ("si le client m'attaque, mon assurance risque de ne pas suivre", "l'assureur va me lâcher"), read as a life
# insurance at 0.9: set aside like the claims above when no life cover, no death and nothing personal is named.
_INSURER_NOT_FOLLOWING = re.compile(
    r"\b(?:assurance|assureur|assureurs|mutuelle|compagnie|rc pro|responsabilite civile)(?: \w+){0,3} (?:ne |n )?"
    r"(?:suive|suit|suivra|suivrait|suivent|suivront|couvre|couvrira|couvrirait|prenne en charge|prendra en charge|marche|marchera) "
    r"(?:pas|plus|rien)\b"
    r"|\b(?:assurance|assureur|mutuelle|compagnie)(?: (?:va|vont|risque de|pourrait))? (?:me |nous |m |l )?"
    r"(?:lache|lacher|lachera|lacherait|se defile|se defiler|se defilera|se retire|se retirer|resilie|resilier|resiliera)\b"
)


def _claim_paid_in_part(quote: str) -> bool:
    words = " ".join(clause.text for clause in split_clauses(quote))
    if _INSURER_NOT_FOLLOWING.search(words) and not _LIFE_COVER.search(words):
        return not _CLAIM_PERSONAL.search(words) and not (_END_NAMED.search(words) or _table().finality.search(words))
    if _CLAIM_BETWEEN_INSURERS.search(words) and not _LIFE_COVER.search(words):
        return not _CLAIM_PERSONAL.search(words) and not (_END_NAMED.search(words) or _table().finality.search(words))
    if _CLAIM_AWAITED.search(words) and not _LIFE_COVER.search(words):
        return not _CLAIM_PERSONAL.search(words) and not (_END_NAMED.search(words) or _table().finality.search(words))
    if _CLAIM_ON_CONDITION.search(words) and not _LIFE_COVER.search(words):
        return not _CLAIM_PERSONAL.search(words) and not (_END_NAMED.search(words) or _table().finality.search(words))
    return (
        bool(_CLAIM_PAID_IN_PART.search(words))
        and not _CLAIM_PERSONAL.search(words)
        and not (_END_NAMED.search(words) or _table().finality.search(words))
    )


# Round 29 (retired held-out v33 class, fixd): "que tout soit réglé proprement avant de partir" in a message about one's
# pension ("partir à 63 ans", the quarters still missing): the classifier read settling one's affairs at 0.91. The leaving
# is the retirement the message names; set aside when the sentence names no end, no will, no letter and no one's grief.
_BEFORE_LEAVING = re.compile(r"\bavant (?:de partir|mon depart|que je (?:ne )?parte|de m en aller|de m arreter)\b")
_RETIRING = re.compile(
    r"\b(?:retraite|retraites|trimestres?|annuites|carsat|cotise|cotisations? retraite|partir a \d+ ans|depart a \d+ ans|"
    r"partir (?:a|en) (?:soixante|la retraite)\w*|age (?:legal|de depart|du taux plein)|taux plein)\b"
)
_NOT_ONLY_RETIRING = re.compile(
    r"\b(?:testament|obseques|enterrement|lettres?|adieux?|assurance vie|pour toujours|pour de bon|definitivement|"
    r"apres moi|plus la|moi avec)\b"
)


# Round 31 (retired held-out v35 class, fixd): tools or the workshop handed on to an apprentice or a successor, the
# retirement or the closing told in another sentence of the message ("je cesse en juin ... ma compagne de l'atelier aura
# les établis et la presse, je lui donne l'ensemble"): the classifier read giving away at 0.97 on the sentence that does not say why. Set
# aside when the message names the retirement or the handover and the sentence names no end, no death, no "plus besoin".
_HANDED_ON = re.compile(
    r"\b(?:retraite|retraites|cession|ceder|cede|repreneur|repreneuse|successeur|reprise|reprendre|reprend|transmission|"
    r"transmettre|fermer (?:proprement )?(?:l entreprise|la boite|l atelier|la societe|le commerce)|cessation (?:d activite)?|"
    r"passer la main|passe la main|s installer|s installe|va s installer|apprentie?)\b"
)
_NOT_ONLY_HANDED_ON = re.compile(
    r"\b(?:plus besoin|besoin de rien|la ou je vais|apres moi|pour apres|testament|obseques|enterrement|adieux?|pardon|"
    r"pour toujours|pour de bon|a jamais|definitivement|plus la|souvenir de moi|me reste|inutile|bientot|servira plus|"
    r"serviront plus)\b"
)
# A retirement denied ("il ne prend pas sa retraite du tout", "pas question de retraite"): no handing on told.
_RETIRING_DENIED = re.compile(
    r"\b(?:pas|jamais|plus|aucune?|sans)(?: \w+){0,2} (?:sa |ma |la |leur |de |d )?(?:retraite|cession|repreneur|successeur)\b"
)
_GIVEN_OR_SETTLED = ("giving_away_possessions", "settling_affairs")


def _handed_on_at_retiring(verdict: distress_model.Verdict, message_text: str) -> bool:
    message_text = _RETIRING_DENIED.sub(" ", message_text)
    if verdict.category not in _GIVEN_OR_SETTLED or not _RETIRING_OR_CLOSING.search(message_text):
        return False
    words = " ".join(clause.text for clause in split_clauses(verdict.quote))
    return (
        bool(_HANDED_ON.search(message_text))
        and not _NOT_ONLY_HANDED_ON.search(words)
        and not (_END_NAMED.search(words) or _table().finality.search(words))
    )


_RETIRING_OR_CLOSING = re.compile(
    r"\b(?:retraite|retraites|cession|repreneur|successeur|cessation|fermer (?:proprement )?(?:l entreprise|la boite|l atelier|"
    r"la societe|le commerce)|passer la main|passe la main)\b"
)


# Round 33 (retired held-out v37 class, fixd): a work's gesture done "for the last time" ("je range l'atelier pour la
# dernière fois", "je baisse le rideau une dernière fois") in a message that tells the workshop's handover or that nobody
# takes it on ("aucun repreneur", "les machines à un jeune qui s'installe"): the classifier read
# a last message at 0.9. Set aside when the sentence names no end, no death and nothing final of the person's own.
_WORK_DONE_LAST_TIME = re.compile(
    r"\b(?:range|ranger|rangeons|ferme|fermer|fermons|ouvre|ouvrir|nettoie|nettoyer|balaie|balayer|allume|allumer|eteins|eteindre|"
    r"tourne la cle|baisse le rideau|baisser le rideau|tire le rideau|fais|faire|vide|vider|demonte|demonter)"
    r"(?: (?:tout|l atelier|la boutique|le magasin|le fournil|le four|le salon|les outils|l etabli|les etablis|les machines|la forge|"
    r"le garage|le local|la presse|les presses|la tournee|le marche)){0,2} (?:pour la derniere fois|une derniere fois)\b"
)
_WORKSHOP_ENDING = re.compile(
    r"\b(?:retraite|cession|ceder|cede|repreneur|repreneuse|successeur|reprendre (?:l atelier|la boutique|le magasin|le fonds|"
    r"l affaire|le salon|le garage|la suite)|reprise|transmettre|transmission|tire ma reverence|passer la main|passe la main|"
    r"qui s installe|s installer|cessation|fermeture definitive|ferme definitivement)\b"
)
_NOT_ONLY_WORK = re.compile(
    r"\b(?:moi|ma vie|vivre|mourir|adieux?|pardon|pour toujours|pour de bon|a jamais|plus la|je vous aime|merci pour tout|lettre|"
    r"message|mot)\b"
)


def _last_time_at_closing(verdict: distress_model.Verdict, message_text: str) -> bool:
    words = " ".join(clause.text for clause in split_clauses(verdict.quote))
    return (
        verdict.category in ("last_message", "farewell", "settling_affairs")
        and bool(_WORK_DONE_LAST_TIME.search(words))
        and bool(_WORKSHOP_ENDING.search(message_text))
        and not _NOT_ONLY_WORK.search(_WORK_DONE_LAST_TIME.sub(" ", words))
        and not _END_NAMED.search(words)
    )


def _leaving_is_retiring(quote: str, message_text: str) -> bool:
    words = " ".join(clause.text for clause in split_clauses(quote))
    return (
        bool(_BEFORE_LEAVING.search(words))
        and bool(_RETIRING.search(message_text))
        and not _NOT_ONLY_RETIRING.search(words)
        and not (_END_NAMED.search(words) or _table().finality.search(words))
    )


def _model_sign(text: str) -> Sign | None:
    message_text = " ".join(clause.text for clause in split_clauses(text))
    if rules().signals.refusal_to_tell.search(message_text):
        return None  # "je ne vous dirai rien": a question passed, not a secret (triage/rules/signals.yml)
    for without in (_without_reassurance, _without_plain_words):
        rest = without(text)
        if rest is not None:
            if not rest:
                return None
            text, message_text = rest, " ".join(clause.text for clause in split_clauses(rest))
    verdicts = list(distress_model.classify(text).candidates)
    opened = _without_hesitation(text)
    if opened:
        # Round 19 (r19z-05, r19b-03): the message read without its hesitations; a sign read in the whole of it still
        # counts, its ambiguous reading (the hesitation weighed as distress, or diluting a sign) does not.
        verdicts = [verdict for verdict in verdicts if verdict.level is not None and verdict.level <= INDIRECT]
        verdicts += distress_model.classify(opened).candidates
        verdicts.sort(key=lambda verdict: (verdict.level or 9, -verdict.score))
    for verdict in verdicts:
        level, category = verdict.level, verdict.category
        if level is None or category is None:
            continue  # never for a candidate (each has a level and a category); says so to the type checker
        if level <= INDIRECT:
            if contact_read_as_sign(text):
                continue  # "et moi c'est Didier si jamais point" (dictated) read as finality: the name was read
            if _cancelled(verdict) or _mere_presence(message_text) or _more_present(verdict.quote):
                continue
            if _claim_paid_in_part(verdict.quote):
                continue
            if _leaving_is_retiring(verdict.quote, message_text) or _handed_on_at_retiring(verdict, message_text):
                continue
            if _last_time_at_closing(verdict, message_text):
                continue
            if any(_vetoed_by_message(rule, message_text) for rule in _table().rules if rule.category == category):
                continue
            words = " ".join(clause.text for clause in split_clauses(verdict.quote))
            if _about_a_thing(words) and not (category == "self_harm" and _ON_PURPOSE.search(words)):
                level, category = AMBIGUOUS, distress_model.AMBIGUOUS_LABEL
        elif any(_negated(clause.text) for clause in split_clauses(verdict.quote)):
            # A sign's words said in the negative ("je n'ai jamais pensé au suicide", the answer to the
            # direct question) are no ambiguous distress either: the corpus's many sign lines name
            # suicide, so the model's question path alone would ask again.
            continue
        elif asks_whether_one_can_erase(message_text):
            continue  # "est ce que je peux tout effacer apres ?" (round 27, r27-b-18): the data, not the person
        elif _DEFERRED_ANSWER.search(message_text) or _SAME_AS_BEFORE.match(message_text):
            # "je vous le donne après" at the phone question (the simulator, seed 20261231): an answer put off. "le
            # même que tout à l'heure" there (round 21, r21y-07, r21y-15: the direct question came before the number
            # given at the start could be kept): an answer sent back to one given before.
            continue
        elif _laughs(text):
            # "je suis mort de rire quand je vois mes comptes" (round 6): without the idiom, nothing to ask about.
            continue
        elif _IRRITATED_OR_MINIMISED.search(message_text):
            # "je suis crevé j'en peux plus de ces paperasses, ça me rend dingue", "mort de fatigue mais bon, c'est la
            # saison" (round 9, r9b-18): irritation at a thing, or tiredness played down; the classifier's reading asked
            # about suicide (development v14's messages moved it there). The rules' own level-3 signs still ask.
            continue
        elif contact_read_as_sign(text):
            # "et moi c'est Didier si jamais" after the case, an e-mail given for a father (round 25, s25b-01, -18, -03:
            # the direct question about suicide): a name, an address or a number, no word of feeling or strain.
            continue
        elif _owed_not_owing(verdict.quote):
            # "je dois rien a personne c'est lui qui me doit" (round 7, r7a-14: a client owes the plasterer 4 200 €):
            # "à personne" is how secret plans and last messages are written, and the classifier asked about suicide.
            continue
        quote = verdict.quote if len(verdict.quote) <= 160 else verdict.quote[:157] + "…"
        return Sign(level, f"model:{category}", category, f"« {quote} »")
    return None


# What gives a contact detail: an e-mail address, a phone number (eight digits or more, spaced, dotted or dashed), or a
# name introduced ("moi c'est Didier", "je m'appelle Sandrine", "mon prénom c'est Francine", "on m'appelle Jojo").
_EMAIL_GIVEN = re.compile(r"[^\s@]+@[^\s@]+")
_NUMBER_GIVEN = re.compile(r"(?:\+\s?\d{2,3}\s?(?:\(0\)\s?)?)?\d(?:[\s.\-]?\d){7,}")
_NAME_INTRODUCED = (
    r"\b(?:(?:et )?moi[\s,]*(?:virgule )?c'?\s?est|je m'?\s?appelle|jm'?\s?appelle|mon (?:vrai )?(?:pre)?nom(?: c'?\s?est| est|:)?|"
    r"(?:on|tout le monde|les copains) m'?\s?appell?e(?:nt)?|appelez[- ]moi|c'?\s?est pour les copains)\s+"
)
_NAME_GIVEN = re.compile(_NAME_INTRODUCED + r"\w")
# A message giving a contact detail is short; a longer one tells more.
_MAX_CONTACT_WORDS = 20
# The words around a contact detail given, and nothing else ("et moi c'est Didier si jamais", "au fait", dictated stops).
_AROUND_A_CONTACT = frozenset(
    re.findall(
        r"\S+",
        "et ah au fait si jamais sinon aussi pour info d'ailleurs hein voila oui ok d'accord merci bonjour point virgule "
        "mais alors c'est cest c est moi mon ma le la par mail numero tel telephone portable adresse",
    )
)


def contact_read_as_sign(text: str) -> bool:
    """Whether the classifier's reading of the message is owed to a contact detail it gives: a name, an e-mail address
    or a number, with no word of feeling or strain (``says_feeling_or_strain``), and nothing else but small words, or
    words the classifier reads as no sign once the detail is taken out (round 25, s25b-01, -18, -03: "et moi c'est
    Didier si jamais" after the case, an e-mail given for a father, got the direct question about suicide). The rules'
    signs still count ("06 12 34 56 78, je veux en finir"), and so does a sign beside the name ("moi c'est Didier, je
    veux plus être là")."""
    folded = fold(text).replace("’", "'")
    if len(folded.split()) > _MAX_CONTACT_WORDS or says_feeling_or_strain(text):
        return False
    rest = _NUMBER_GIVEN.sub(" ", _EMAIL_GIVEN.sub(" ", folded))
    rest = re.sub(_NAME_INTRODUCED + r"[\w-]+", " ", rest)
    if rest == folded:
        return False  # no contact detail given
    words = re.findall(r"[\w']+", rest)
    return all(word in _AROUND_A_CONTACT for word in words) or not distress_model.classify(" ".join(words)).candidates


# Laughing ("je suis mort de rire quand je vois mes comptes", "mdr"): the register of a joke. Three times out of three in
# round 6 the classifier's ambiguous reading (it weighs "quand je vois mes comptes" alone at 0.96) asked about suicide.
_LAUGHING = re.compile(
    r"\b(?:mort|morte|morts|mortes|mourir|meurs|meurt|crever|creve|crevee|plie|pliee) de rire\b|\b(?:mdr|ptdr|mdrr+)\b"
)


_IRRITATED_OR_MINIMISED = re.compile(
    r"\b(?:ca|ils|elle|il|ces \w+|cette \w+) (?:me|m) (?:rend|rendent) (?:dingue|fou|folle|chevre|marteau|malade)\b"
    r"|\b(?:ca|ils|il|elle) (?:m|me) (?:enerve\w*|agace\w*|saoule\w*|gonfle\w*|soule\w*)\b"
    r"|\bmais bon,? (?:c est|cest) (?:la saison|le metier|normal|comme ca|le job|la vie d artisan|les fetes)\b"
)


# Round 20 (v26 bot false alarms): the classifier alone asked about suicide on plain business text ("les camions de
# livraison peuvent plus s'arrêter devant, la glace fond", "j'ai vendu deux fois moins de cornets", "ma mère ... a du
# mal avec l'ordi"). Its level-3 reading needs some word of feeling, strain or despair in the message: a lexicon much
# broader than the level-3 rules, read on the folded words (accents, elisions and SMS spellings aside).
_FEELING_OR_STRAIN = re.compile(
    r"\b(?:moral|deprime\w*|depression|abattue?s?|angoiss\w*|anxi\w*|peur\w*|pleur\w*|larmes?|chiale\w*|craqu\w*|"
    r"honte\w*|seule?s?|isolee?s?|solitude|decourag\w*|fatigue\w*|epuise\w*|epuisement|creve\w*|lessive\w*|"
    r"(?:suis|me sens|completement) (?:videe?|perdue?|usee?|mal)|a bout|au bout|bout du rouleau|nul|nulle|nuls|"
    r"degoute\w*|degout|desespo\w*|desesper\w*|triste\w*|tristesse|malheureu\w*|souffr\w*|detresse|panique\w*|"
    r"stress\w*|inquie\w*|tracass\w*|insomnie\w*|dors (?:plus|pas|mal)|boule au ventre|ventre noue|etouff\w*|"
    r"en peux plus|en pouvons plus|en peut plus|tiens plus|tient plus|tiendrai pas|supporte plus|marre|ras le bol|sais plus|"
    r"sait plus|savons plus|plus la force|courage|envie de rien|plus envie|sert a rien|a quoi bon|je coule|on coule|"
    r"gouffre|naufrage|enfer|cauchemar\w*|mourir|suicid\w*|en finir|arreter tout|tout arreter|tout lacher|"
    r"abandonn\w*|rien ne va|va pas bien|vais pas bien|va mal|vais mal|mal etre|malaise|burn out|burnout|nerfs|"
    r"colere|rage|submerge\w*|deborde\w*|noye\w*|ecrase\w*|brise\w*|detruit\w*|effondr\w*|foutu\w*|fichu\w*|"
    r"echec|incapable|inutile|plus d espoir|sans espoir|sans issue|impasse|trop lourd|pesant|c est dur|trop dur|"
    r"galere\w*|calvaire|horrible|terrible|catastroph\w*|affreu\w*|insupportable|invivable|aidez moi|aide moi|"
    r"au secours|fin de vie|mourante?s?|agonis\w*|cancer|deuil)\b"
)


def says_feeling_or_strain(text: str) -> bool:
    """Some word of feeling, strain or despair in the message: what the classifier's own level-3 reading (the direct
    question about suicide) needs. A message of plain business facts has none."""
    words = normalise(text)
    return bool(_FEELING_OR_STRAIN.search(words) or _FEELING_OR_STRAIN.search(re.sub(r"[^a-z0-9]+", " ", fold(text))))


def model_may_ask(text: str) -> bool:
    """Whether the classifier alone (no rule's sign) may ask the direct question about suicide: some word of feeling or
    strain, and no calm idiom the triage knows ("je vais le tuer mdr", "mort de rire")."""
    if _laughs(text) or any(rules().signals.distress_idioms.search(c.text) for c in split_clauses(text)):
        return False
    return says_feeling_or_strain(_without_calm_tiredness(text))


def _without_calm_tiredness(text: str) -> str:
    """Round 29 (r29-a-08): "j'ai la tête sous l'eau avec la paperasse, je suis crevé mais bon c'est la saison": the
    table sets the tiredness aside (ambiguous_worn_out's own exceptions: "crevé mais bon", "mort de fatigue, 14h de
    route", the paperwork), yet the classifier alone asked about suicide on the very words set aside. The message
    without them, for the classifier's word of feeling or strain; the text itself when no exception reads it."""
    message_text = " ".join(clause.text for clause in split_clauses(text))
    for rule in _table().rules:
        calm = rule.unless_in_message
        if rule.id == "ambiguous_worn_out" and calm is not None and calm.search(message_text):
            return calm.sub(" ", message_text)
    return text


# An answer put off ("je vous le donne après", "je vous l'envoie ce soir"): the classifier read it as ambiguous
# distress and asked about suicide at the phone question. Only its own level-3 reading is set aside.
_DEFERRED_ANSWER = re.compile(
    r"\bje (?:vous |te )?(?:le |la |les |l |en |ca )?(?:donne|donnerai|envoie|enverrai|dirai|redonne|redonnerai|"
    r"ecris|ecrirai|mets|mettrai)\b.{0,40}\b(?:apres|plus tard|tout a l heure|ce soir|demain|dans \w+ minutes)\b"
)


# Round 27 (r27-b-18): "est ce que je peux tout effacer apres ?", a first message about the data, got the direct
# question about suicide ("tout effacer" read as a wish to disappear). Asking whether one CAN erase (one's messages, what
# one writes) is a question about the service; only the classifier's ambiguous reading is set aside, never a warning
# sign, nor erasing oneself ("m'effacer", "tout effacer, moi avec", "disparaître").
_ERASING_ASKED = re.compile(
    r"\b(?:je|j|on|vous|ils) (?:peux|pe|peut|pourrai|pourrais|pourra|pourrons|pouvez|pourrez|pourriez|ai le droit (?:de|d)|"
    r"aurai le droit (?:de|d))(?: (?!m\b|me\b)\w+){0,3} (?:effacer|supprimer|retirer|enlever|detruire)\b"
    r"|\b(?:pourrai|pourrais|puis|peut on|pourra t on) (?:je|on)?(?: (?!m\b|me\b)\w+){0,3} (?:effacer|supprimer|retirer|"
    r"enlever|detruire)\b"
    r"|\b(?:possible|moyen) (?:de|d)(?: (?!m\b|me\b)\w+){0,2} (?:effacer|supprimer|retirer|enlever|detruire)\b"
)
_ERASING_ONESELF = re.compile(r"\b(?:m|me) (?:effacer|supprimer|detruire)\b|\bmoi avec\b|\bdisparaitre\b")


def asks_whether_one_can_erase(words: str) -> bool:
    """Normalised words that ask whether what one writes can be erased, not to erase oneself."""
    return bool(_ERASING_ASKED.search(words)) and not _ERASING_ONESELF.search(words)


# An answer that only sends back to one given before ("le même que tout à l'heure", "c'est le même numéro qu'au début",
# "pareil qu'avant"), read on the clauses' words (no apostrophes): never "je ne suis plus le même qu'avant".
_SAME_AS_BEFORE = re.compile(
    r"^(?:(?:oui|ben|bah|bon|euh|ok|alors|non)[ ,]+)*(?:c est |c |cest )?(?:toujours )?"
    r"(?:(?:le|la|les) memes?|pareil|idem|celui|celle|comme)(?: (?:numero|num|tel|telephone|portable|adresse|mail|nom|"
    r"prenom|lieu|endroit|que celui|que celle|qu avant))?"
    r"(?: (?:que|qu|qu a|qu au|de|du|d))? ?(?:tout a l heure|tout a l h|avant|au debut|debut|plus haut|la derniere fois|"
    r"la premiere fois|(?:mon|le) (?:premier )?message|que (?:je )?(?:vous )?(?:ai|avais) (?:donne|dit|ecrit))?"
    r"(?: (?:svp|s il vous plait|merci|hein|quoi|bien sur))*[ .!]*$"
)


# The writer owes nothing, or is the one owed ("je ne dois rien à personne", "c'est lui qui me doit", "aucune dette"):
# a business dispute. Read on the classifier's sentence, which must say nothing personal nor final.
_OWED_NOT_OWING = re.compile(
    r"\b(?:je|j|on|nous) (?:ne |n )?(?:dois|doit|devons|devais|devait) (?:rien|pas un (?:centime|euro|sou|rond)|"
    r"aucune? \w+|pas d argent|pas de dettes?)(?: (?:a|au|aux) (?:personne|l \w+|la \w+|le \w+|les \w+|\w+))?\b|"
    r"\b(?:c est|c) (?:lui|elle|eux|elles|\w+|(?:le|la|l|les|mon|ma|mes|notre|nos|ce|cette|cet) \w+) qui (?:me|nous) "
    r"(?:doit|doivent|devait|devaient|doivent encore|doit encore)\b|"
    r"\b(?:aucune|pas de|pas une|zero|jamais eu de) dettes?\b"
)


def _owed_not_owing(quote: str) -> bool:
    """The classifier's sentence says the writer owes nothing or is owed, and nothing personal or final."""
    words = " ".join(clause.text for clause in split_clauses(quote))
    return bool(_OWED_NOT_OWING.search(words)) and not (_PERSONAL.search(words) or _table().finality.search(words))


def _laughs(text: str) -> bool:
    """The classifier's ambiguous reading of a message that laughs: no question about suicide for a joke. A rule's sign
    (level 1 to 3) in the same message still counts: only the classifier's own level 3 is set aside. Read on the typed
    words folded: the clauses the rules read drop "mdr" and "lol" (spellings.yml maps them to nothing), so "... élever
    des chèvres dans le Larzac mdr" still got the question (round 14, r14a-07)."""
    return bool(_LAUGHING.search(re.sub(r"[^a-z0-9]+", " ", fold(text))))


def _cancelled(verdict: distress_model.Verdict) -> bool:
    """What cancels a rule's sign cancels the model's: someone bereaved by suicide speaking of a suicide that is
    not theirs, idioms, a sign said in the negative ("je ne pense pas au suicide"), and the hard negatives the
    table knows for the category ("unless": retirement, works, prices...) unless the sentence also says a
    personal end (the table's "finality": "que je parte pour toujours", "mes adieux").

    Measured 2026-12-03 before the finality exception, over every evaluation set (about 2,300 conversations):
    the rules' vetoes cancelled the model on 17 sign turns ("dettes", "banque", "clients", "prêt à la prendre")
    and on no calm or ambiguous turn; with it, 15 of the 17 stand (2 more conversations caught: the rules had the
    others), the unit cases' hard negatives stay calm, and of 14,700 lines (corpus, NLU, evaluation and unit sets) only
    those and one held-apart sign change.
    """
    clauses = split_clauses(verdict.quote)
    table = _table()
    final = any(table.finality.search(clause.text) for clause in clauses)
    same = [rule for rule in table.rules if rule.category == verdict.category]
    if not final and any(_vetoed(rule, clause.text) for rule in same for clause in clauses):
        return True
    if any(_negated(clause.text) for clause in clauses):
        return True
    vetoes = [table.bereaved, rules().signals.distress_idioms]
    return any(veto.search(clause.text) for veto in vetoes for clause in clauses)


def _negated(text: str) -> bool:
    """A level 1 or 2 pattern of the table said right after a negation ("je ne pense pas au suicide",
    "je n'ai pas d'idées noires"): the words the classifier weighs were denied."""
    negation = rules().signals.distress_negation
    for rule in _table().rules:
        if rule.level > INDIRECT or rule.clause is None:
            continue
        for match in rule.clause.finditer(text):
            if negation.search(text[: match.start()]):
                return True
    return False


def category_levels() -> dict[str, int]:
    """Each sign category's level, from the table."""
    return {rule.category: rule.level for rule in _table().rules}


# Round 19 (r19b-04): signs whose category says more than their words, said in the case as what was said.
RULE_LABELS = {
    "explicit_not_here_soon": "dit ne bientôt plus être là",
    "indirect_not_here_to_care": "dit ne bientôt plus être là",
}
# Naming the line ("j'ai appelé le 3114, ça m'a fait du bien": round 19, r19c-11) is no thought the person told.
_NO_SIGN_IN_WORDS = frozenset({"crisis_line_named"})
# Round 19 (r19b-06, r19b-08, r19b-10): the classifier's category alone is a guess ("une « solution » pour ne plus
# souffrir", "sentiment d'être un poids" were never said): said as a sign to be asked about, not as the person's words.
# Round 26 (r26a-05, r26a-16): "signe indirect, sa nature reste à préciser" hid what the classifier did read (tools
# given away, the life insurance for the family): its category is named, without quotation marks, to be confirmed.
MODEL_ONLY_MARK = "(à confirmer)"
# Round 19 (r19c-11): "j'ai pas de projet" said, yet the case said "intention, projet ou moyen" alone.
PLAN_DENIED = "la personne a dit ne pas avoir de projet"


def signs_in_words(rules: Iterable[str], *, plan_denied: bool = False) -> list[str]:
    """The kinds of warning sign recorded (rule ids, "model:burden"), in plain French and without the person's words:
    what an advisor reads even when the words themselves are not kept (round 18, r18b-01: no health consent, and the
    case said « DÉTRESSE exprimée » with nothing about what was said). Unknown ids (the direct question's) are left
    out, each kind said once. Never stronger than what was said (round 19): a rule's own label where its category says
    more (RULE_LABELS), the line's name left out, a category only the classifier read named unquoted and "à confirmer",
    and ``plan_denied`` (the person said they had no plan) said beside an "intention, projet ou moyen"."""
    category_of = {
        rule.id: rule.category for rule in (*_table().rules, *_table().after_a_suicide, *_table().after_a_death)
    }
    recorded = [str(rule) for rule in rules]
    by_rules = {category_of.get(rule) for rule in recorded if not rule.startswith("model:")}
    said: list[str] = []
    for rule in recorded:
        if rule in _NO_SIGN_IN_WORDS:
            continue
        category = rule.removeprefix("model:") if rule.startswith("model:") else category_of.get(rule)
        if category not in CATEGORY_LABELS:
            continue
        if category == "ambiguous":
            label = "détresse exprimée"
        elif rule in RULE_LABELS:
            label = RULE_LABELS[rule]
        elif rule.startswith("model:") and category not in by_rules:
            label = f"{CATEGORY_LABELS[category].replace('« ', '').replace(' »', '')} {MODEL_ONLY_MARK}"
        else:
            label = CATEGORY_LABELS[category]
        if label == CATEGORY_LABELS["intent_plan_means"] and plan_denied:
            label = f"{label} ({PLAN_DENIED})"
        if label not in said:
            said.append(label)
    return said


def distress_level(text: str) -> int | None:
    """1 explicit, 2 indirect warning sign, 3 ambiguous distress, None when no sign."""
    signs = find_signs(text)
    return signs[0].level if signs else None


# The person at risk when the writer reports signs without naming who shows them ("il m'a dit qu'il voulait en finir").
RELATIVE = "un proche"


def _sign_words(sign: Sign) -> str:
    return normalise(sign.quote.strip("«» …"))


# Signs of means at hand: whose the means are says nothing of who is at risk.
_MEANS_RULES = frozenset({"explicit_means_at_hand", "explicit_means_and_place"})
# Round 17 (r17b-13): "elle a mis de côté des médicaments", a daughter writing of her mother, was read as the daughter's
# own sign (the means rule's exception above). Means put aside by a third-person subject, the quote's first words, are
# that person's act: read as any other sign (the writer's own words beside it still keep it the writer's).
_KEPT_BY_SOMEONE_ELSE = re.compile(
    r"(?:il|elle|ils|elles|(?:mon|ma|mes|notre|nos|son|sa|ses) \w+) (?:(?:a|avait|ont|avaient|en a|en avait|les a|les avait) )?"
    r"(?:garde|gardes|stocke|accumule|amasse|mis de cote|met de cote|cache)\b"
)


# Round 29 (r29-a-36, helper fixm): those close named as the ones the writer's end would leave better off ("si je pars,
# ma femme touchera l'assurance vie", "mes enfants seraient mieux sans leur père qui a tout raté"): the writer speaks of
# himself (his leaving, or himself in the third person as their father); the one who receives or is better off is
# never the one at risk.
_DEPARTS = (
    r"si (?:je|j)(?: ne| n)? (?:pars|partais|meurs|mourais|disparais|disparaissais|suis plus la|etais plus la|"
    r"m en vais|m en allais|y passe|y passais|venais a (?:partir|mourir|disparaitre)|etais (?:mort|morte))"
)
_RECEIVES = (
    r"(?:touchera|toucheront|toucherait|toucheraient|aura|auront|aurait|auraient|recevra|recevront|recevrait|"
    r"recevraient|pourra|pourront|pourrait|pourraient|serait|seraient|sera|seront|vivra|vivront|vivrait|vivraient|"
    r"s en sortira|s en sortiront|s en sortirait|s en sortiraient)"
)
_LEFT_BEHIND_BY_THE_WRITER = re.compile(
    rf"\b{_DEPARTS}\b(?: (?:\w+|,)){{0,8}} {_RECEIVES}\b"
    rf"|\b{_RECEIVES}(?: (?:\w+|,)){{0,8}} {_DEPARTS}\b"
    r"|\b(?:mes|ma|mon|nos|notre) \w+(?: \w+)? (?:serait|seraient|sera|seront|vivrait|vivraient|irait|iraient)"
    r"(?: (?:tous|toutes|bien|vraiment|tellement))* (?:mieux|plus tranquilles?|plus heureu\w+) sans "
    r"(?:leur|son|sa) (?:pere|mere|papa|maman|mari|femme|epoux|epouse|compagnon|compagne|bon a rien|boulet|"
    r"incapable|minable|rate|ratee)\b"
)


def _left_behind_by_the_writer(sign: Sign, message: str | None) -> bool:
    return bool(_LEFT_BEHIND_BY_THE_WRITER.search(normalise(message if message is not None else sign.quote)))


def speaks_of_someone_else(sign: Sign, message: str | None = None) -> bool:
    """The sign's own words are about someone else ("il m'a dit qu'il voulait en finir", "mon fils dit qu'il veut
    plus se réveiller"): a third-person subject or the person named, and nothing of the writer's own once the
    reporting frames ("il m'a dit", "je m'inquiète") are set aside. A quote shortened with "…" (a long sentence
    without commas, dictated) is read in its whole `message`."""
    reported = _table().reported
    words = normalise(message) if message is not None and "…" in sign.quote else _sign_words(sign)
    if _left_behind_by_the_writer(sign, message) and not reported.frames.search(words):
        return False
    if sign.rule in _MEANS_RULES and not reported.frames.search(words) and not _KEPT_BY_SOMEONE_ELSE.match(words):
        # "le fusil de mon père est toujours dans l'armoire, au moins lui il servira à quelque chose" (round 5
        # replays): the means belong to someone, the sign is the writer's unless it is reported ("il m'a dit").
        return False
    if _voice_of_someone_else(words):
        return True
    # A quote of several clauses (the classifier's sign quotes the whole message) may hold the writer's own words
    # beside the other's ("mon père dit qu'il aimerait ne plus se réveiller, je m'appelle Thomas son fils": round 14,
    # the son was asked whether he himself was safe): the clauses that carry a sign say whose it is.
    source = message if message is not None and ("…" in sign.quote or sign.rule.startswith("model:")) else None
    return _signs_in_parts_of_someone_else(source or sign.quote.strip("«» "), sign.rule in _MEANS_RULES)


# Someone close answering a question put to them about themself ("est-ce qu'il vous arrive de penser au suicide ?",
# "Êtes-vous en sécurité ?") that the question is not about them (round 20, r20a-13 "moi non, c'est pour lui que j'ai
# peur", r20a-03 "moi?? non pas du tout c pas de moi que je parle", "mais je vais bien moi!! c mon patron qui est
# creve"). Never "moi oui" (at the direct question, a yes) nor "moi non plus".
_NOT_THE_WRITER = re.compile(
    r"^(?:(?:mais|euh|ah|oh|ben|bah|bon|non) )*moi (?:non|nan|pas du tout|jamais|ca va|je vais bien)\b(?! (?:plus|pas|mal)\b)"
    r"|\b(?:c est |c |ce n est |ce n |cest |ce )?pas (?:de |pour )?moi (?:que je parle|dont je parle|dont il s agit|"
    r"qu il s agit|qui (?:va mal|suis|est)|le probleme|le souci|qui vous ai parle)\b"
    r"|\bje vais (?:tres |tout a fait )?bien,? moi\b|\bmoi,? je vais (?:tres )?bien\b(?! (?:plus|pas|mal)\b)"
    r"|\bc est (?:pas|pas pour|pas de) moi,? c est\b"
    # "non c'est pas moi, moi ça va, c'est lui qui m'inquiète" (make run, s20-z1): words between, then the other named.
    r"|\bc est pas (?:pour |de )?moi\b(?: \w+){0,4} c est (?:lui|elle|eux|mon|ma|mes|son|sa|ses|pour (?:lui|elle))\b"
)


def says_not_the_writer(text: str | None) -> bool:
    """The writer says the question about them is not about them: someone else is the one at stake."""
    return bool(text) and bool(_NOT_THE_WRITER.search(normalise(text or "")))


def speaks_of_no_one(sign: Sign) -> bool:
    """A rule's sign whose own words name no one, neither the writer nor another ("pas que la boutique"): whose it is,
    the message's other signs say (round 20, r20a-15: "hier il a dit qu'il voulait en finir tout court, pas que la
    boutique", a son about his father, made the son the one at risk)."""
    if sign.rule.startswith("model:"):
        return False
    reported = _table().reported
    words = _sign_words(sign)
    return not (
        reported.writer.search(words)
        or reported.close_person.search(words)
        or reported.third_person.search(words)
        or rules().signals.third_person_subject.search(words)
    )


# The writer's words about themself around someone else's sign, that say nothing of a risk of their own: who they are
# ("je m'appelle Thomas son fils", "moi c'est Julie sa fille"), at a loss ("je suis perdue", "je vois pas comment
# l'aider", "qu'est ce que je peux faire"), "moi" before what they say ("moi je sais plus quoi faire"). Beside the
# table's own frames (distress.yml `reported.frames`).
_KIN_OF_THE_ARTISAN = (
    r"(?:fils|fille|femme|mari|epouse|epoux|compagne|compagnon|soeur|frere|associee?|voisine?|amie?|employee?|"
    r"salariee?|mere|pere|belle fille|gendre|apprentie?|niece|neveu|petite? fille|petit fils|cousine?)"
)
_WRITER_SAYS_WHO_OR_AT_A_LOSS = re.compile(
    r"\bje m appelle [a-z-]+(?: [a-z-]+)??(?:,? (?:je suis |moi )?(?:son|sa) " + _KIN_OF_THE_ARTISAN + r")?\b"
    r"|\b(?:je suis|moi c est|c est|ici) [a-z-]+,? (?:son|sa) " + _KIN_OF_THE_ARTISAN + r"\b"
    # Round 18 (r18b-14): "je suis l'épouse d'un menuisier de Rodez, il est épuisé" asked the wife about herself.
    r"|\b(?:je suis|moi c est|c est|ici) (?:l |la |le )" + _KIN_OF_THE_ARTISAN + r" (?:d un|d une|de|du|d)\b"
    r"|\bje (?:ne )?(?:suis|me sens) (?:tres |super |vraiment |completement |un peu )?(?:perdue?|desemparee?|demunie?|"
    r"affolee?|paniquee?|impuissante?|inquiete?)\b"
    r"|\bje (?:ne )?(?:vois|sais|comprends) (?:pas|plus|vraiment pas) (?:comment|quoi) (?:l |la |les |lui |leur )?\w+"
    r"|\b(?:qu est ce que|que|quoi) (?:je|j) (?:peux|dois|pourrais|devrais) (?:faire|lui dire|dire)\b"
    r"|\b(?:je|j) (?:fais|dois faire|peux faire) quoi\b|\baidez moi\b|\bmoi(?= (?:je|j)\b)"
)


def _voice_of_someone_else(words: str) -> bool:
    """Normalised words whose subject is someone else (a third person, the person named) and that hold nothing of the
    writer's own once the reporting frames are set aside."""
    reported = _table().reported
    if not (
        rules().signals.third_person_subject.search(words)
        or reported.third_person.search(words)
        or reported.close_person.search(words)
    ):
        return False
    # The person named is a subject like "il" for the frames ("mon associé m'a envoyé un message comme un adieu").
    as_pronoun = reported.close_person.sub("il", words)
    framed = reported.frames.sub(" ", _WRITER_SAYS_WHO_OR_AT_A_LOSS.sub(" ", as_pronoun))
    return not reported.writer.search(reported.close_person.sub(" ", framed))


# Where a message's parts end for _signs_in_parts_of_someone_else: punctuation, whatever the clause splitter keeps.
_PART_END = re.compile(r"[,;.!?…\n]+|\s(?:mais|et puis|parce que|car)\s")


def _signs_in_parts_of_someone_else(text: str, means: bool) -> bool:
    """Read part by part (between commas and sentence ends): every part that carries a warning sign of its own speaks
    of someone else, with a personal subject ("il", "elle", the person named; a reflexive "se réveiller" alone is no
    one's), and at least one does. The writer's parts without a sign (who they are, their worry) say nothing of whose
    the sign is; one with a sign ("et moi aussi je veux plus me réveiller") keeps it the writer's."""
    parts = [part for part in _PART_END.split(without_markup(text)) if part.strip()]
    if len(parts) < 2:
        return False
    reported = _table().reported
    bearing = 0
    for part in parts:
        if not any(sign.level <= INDIRECT for sign in find_signs(part)):
            continue
        bearing += 1
        words = normalise(part)
        personal = rules().signals.third_person_subject.search(words) or reported.close_person.search(words)
        if not personal or not _voice_of_someone_else(words):
            return False
        if means and not reported.frames.search(words):
            return False
    return bearing > 0


# Whom the words were said to ("il a dit à ma mère qu'il voulait en finir", round 6): not the person at risk.
_ADDRESSEE = re.compile(
    r"\b(?:dit|ecrit|avoue|confie|annonce|explique|raconte|repete|parle|envoye|laisse)(?: \w+)? a $"
)


# Whom the person at risk gave, left or showed something to, or took leave of ("il a donné ses outils à mon cousin", "elle
# a appelé ma sœur pour lui dire au revoir": round 15, b.md H3, the cousin was asked about): the sign's recipient or
# object, not the one at risk. Only after a third person's act: "j'ai vu mon père hier, il..." names the father. Someone
# close named before stands as "xproche", a subject like "il".
_RECIPIENT_OF_THEIR_ACT = re.compile(
    r"\b(?:il|elle|ils|elles|qui|xproche)(?: (?:m|me|nous|lui|leur|l|les|en|y|s|se|a|as|avait|ont|avaient|est|etait|vient de|va|veut|"
    r"voulait|a meme|a deja|a tout|a presque))* (?:donne|donnait|donner|offert|offre|offrait|legue|laisse|laissait|confie|"
    r"cede|passe|rendu|rend|prete|transmis|distribue|envoye|envoie|montre|remis|refile|vendu|brade|ecrit|appele|"
    r"telephone|embrasse|serre|remercie|salue|dit au revoir|fait ses adieux|fait un calin)"
    r"(?:(?: (?!(?:mais|puis|que|qu|il|elle|je|j|on|ils|elles)\b)\w+){0,10} (?:a|au|aux|pour)|(?: (?:aussi|meme|encore|tous))?) $"
)


# Someone close who died is nobody at risk ("depuis la mort de ma mère, mon père n'a plus de raison de continuer":
# round 10, r10b-19, the bot asked three times whether "votre mère" was safe).
_DEAD_BEFORE = re.compile(r"\b(?:mort|deces|disparition|perte|enterrement|obseques|suicide) (?:de|d) $")
_DEAD_AFTER = re.compile(r"^ (?:est|etait|s est) (?:morte?|decedee?|suicidee?|tuee?)\b|^ nous a quitte")


def close_people_named(text: str, clauses: list[Clause] | None = None) -> list[str]:
    """The people close to the writer a message names, in its own words ("mon père", "notre fils"), in order; not
    those it says died."""
    named = []
    for clause in clauses if clauses is not None else split_clauses(text):
        for match in _table().reported.close_person.finditer(clause.text):
            before = clause.text[: match.start()]
            if _ADDRESSEE.search(before) or _RECIPIENT_OF_THEIR_ACT.search(
                _table().reported.close_person.sub("xproche", before)
            ):
                continue
            if _DEAD_BEFORE.search(clause.text[: match.start()]) or _DEAD_AFTER.search(clause.text[match.end() :]):
                continue
            start, end = clause.source_span(*match.span())
            named.append(" ".join(clause.source[start:end].split()))
        for match in _PARENT_CALLED.finditer(clause.text):
            if not _PARENT_AS_SUBJECT_BEFORE.search(clause.text[: match.start()]):
                continue
            if _DEAD_BEFORE.search(clause.text[: match.start()]) or _DEAD_AFTER.search(clause.text[match.end() :]):
                continue
            named.append(_PARENT_AS_RELATIVE[match.group(0)])
    return named


# "papa", "maman" without "mon" (round 14: "papa il dit qu'il veut plus se réveiller" was nobody, and the reply spoke
# of "votre proche"): the writer's father or mother, named back as "votre père", "votre mère".
_PARENT_AS_RELATIVE = {"papa": "mon père", "maman": "ma mère", "papi": "mon grand-père", "mamie": "ma grand-mère"}
_PARENT_CALLED = re.compile(r"\b(?:papa|maman|papi|mamie)\b")
# Only where the parent is who the words are about: at the start of a clause ("papa il dit qu'il veut plus se réveiller")
# or whom the writer writes for ("c'est pour papa"); never "je suis papa de deux enfants", "la mort de maman", "il aimerait
# aller rejoindre maman" (round 12: the mother who died).
_PARENT_AS_SUBJECT_BEFORE = re.compile(
    r"(?:^|[,;:!?]|\b(?:pour|et|mais|alors|bonjour|bonsoir|salut|donc|car|que|qu|quand|si|hier|ce soir|depuis que))\s*$"
)


def is_bereaved_by_suicide(text: str, clauses: list[Clause] | None = None) -> bool:
    """Someone close died by suicide: the 3114 is for relatives too."""
    clauses = clauses if clauses is not None else split_clauses(text)
    return any(_table().bereaved.search(clause.text) for clause in clauses)
