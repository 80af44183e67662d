"""Everything the conversation knows that the guidance can use, read into codes.

Plain Python::

    from guidance.facts import Facts, court_for

    facts = Facts.build(assessment, situation, messages=["mon atelier a été inondé", ...], chamber=chamber)
    facts.profile  # guidance.profile.Profile (legal form, employees, département)
    facts.categories  # the triage categories, primary first
    facts.causes  # frozenset({"inondation"}): see guidance/causes.yml
    facts.stage  # "amiable" | "cessation" | "procedure" | "liquidation" | None (unknown)
    facts.known("legal_form")  # the value of a condition key, None when unknown
    court_for("92", today)  # Court("tribunal des activités économiques", "m")

The causes and stages are read from the artisan's messages, the quotes the triage kept as reasons
and the free answers of the situation form (creditors, steps taken...): what the artisan said, never
a guess. Unknown stays None, so that an entry whose condition is unknown says it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from guidance.profile import Profile, _text, read_employees_in_messages, read_legal_form_in_messages

CAUSES_FILE = Path(__file__).resolve().parent / "causes.yml"
COURTS_FILE = Path(__file__).resolve().parent / "courts.yml"
STAGES = ("amiable", "cessation", "procedure", "liquidation")
# The later stage wins when several are said ("en redressement, puis liquidation").
_STAGE_ORDER = {stage: rank for rank, stage in enumerate(STAGES)}
# Situation answers that are free text worth reading for causes.
_FREE_ANSWERS = ("creditors", "steps_taken", "since_when", "deadline", "trade")


class FactsDataError(ValueError):
    """causes.yml or courts.yml is invalid (the message names the file and the key)."""


@lru_cache(maxsize=1)
def cause_patterns() -> tuple[dict[str, tuple[re.Pattern[str], ...]], dict[str, tuple[re.Pattern[str], ...]]]:
    """(causes, stages): code -> compiled patterns, from guidance/causes.yml."""
    raw = yaml.load(CAUSES_FILE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

    def compile_table(name: str) -> dict[str, tuple[re.Pattern[str], ...]]:
        table = raw.get(name) if isinstance(raw, dict) else None
        if not isinstance(table, dict) or not table:
            raise FactsDataError(f"{CAUSES_FILE.name}: a mapping '{name}' is required")
        compiled = {}
        for code, patterns in table.items():
            if not isinstance(patterns, list) or not patterns:
                raise FactsDataError(f"{CAUSES_FILE.name}: {name}.{code}: a list of patterns is required")
            try:
                compiled[str(code)] = tuple(re.compile(str(pattern)) for pattern in patterns)
            except re.error as error:
                raise FactsDataError(f"{CAUSES_FILE.name}: {name}.{code}: invalid pattern ({error})") from error
        return compiled

    causes, stages = compile_table("causes"), compile_table("stages")
    if set(stages) != set(STAGES):
        raise FactsDataError(f"{CAUSES_FILE.name}: stages must be exactly {list(STAGES)}")
    return causes, stages


@lru_cache(maxsize=1)
def step_patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    """step -> compiled patterns (guidance/causes.yml `steps`): what the artisan already did."""
    raw = yaml.load(CAUSES_FILE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader).get("steps") or {}
    try:
        return {str(code): tuple(re.compile(str(p)) for p in patterns) for code, patterns in raw.items()}
    except re.error as error:
        raise FactsDataError(f"{CAUSES_FILE.name}: steps: invalid pattern ({error})") from error


_DONE = re.compile(
    r"\b(?:deja|j ?ai demande|j ?ai fait|j ?ai obtenu|j ?ai eu|on m a accorde|on m a refuse|refuse|refusee|"
    r"accorde|accordee|en cours|j ?ai saisi|j ?ai appele|j ?ai contacte|j ?ai declare|j ?ai depose|"
    r"j ?ai porte|j ?ai bien|ai vu|suis alle|suis allee|l ai fait|l ai faite|l ai declaree?|l ai envoyee?)\b"
)
_NOT_DONE = re.compile(
    r"\b(?:pas encore|jamais|rien fait|aucune demarche|pas fait|pas demande|pas osé|pas ose|"
    r"je voudrais|je veux|je souhaite|comment)\b"
)


_SENTENCE_END = re.compile(r"(?<=[.!?;\n])\s*|\s+(?:mais|et puis|par contre)\s+")


def read_steps(messages: Iterable[str], answer: str | None = None) -> frozenset[str]:
    """The steps already taken: from the answer to the steps question, and from messages that say
    they are done ("j'ai déjà demandé un délai à l'URSSAF"), never from a wish ("je voudrais un délai")."""
    # Sentence by sentence (round 22, r22c-03; "jai declare" typed without its apostrophe too): a wish elsewhere in a
    # long pasted story ("je veux m'en sortir") does not take back a claim said declared in another sentence.
    texts = [_text(sentence) for message in messages if message for sentence in _SENTENCE_END.split(message)]
    texts = [text for text in texts if _DONE.search(text)]
    if answer:
        texts.append(_text(answer))
    texts = [text for text in texts if not _NOT_DONE.search(text)]
    return frozenset(
        code
        for code, patterns in step_patterns().items()
        if any(pattern.search(text) for pattern in patterns for text in texts)
    )


@lru_cache(maxsize=1)
def cause_categories() -> dict[str, str]:
    """cause -> the triage category it belongs to (guidance/causes.yml `cause_categories`)."""
    from triage import CATEGORIES

    raw = yaml.load(CAUSES_FILE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader).get("cause_categories") or {}
    causes = cause_patterns()[0]
    if set(raw) != set(causes):
        raise FactsDataError(
            f"{CAUSES_FILE.name}: cause_categories must name every cause once "
            f"(missing {sorted(set(causes) - set(raw))}, unknown {sorted(set(raw) - set(causes))})"
        )
    for cause, category in raw.items():
        if category not in CATEGORIES:
            raise FactsDataError(f"{CAUSES_FILE.name}: cause_categories.{cause}: unknown category {category!r}")
    return {str(cause): str(category) for cause, category in raw.items()}


def known_causes() -> frozenset[str]:
    return frozenset(cause_patterns()[0])


@lru_cache(maxsize=1)
def not_a_death_patterns() -> tuple[re.Pattern[str], ...]:
    """What is "mort" without anyone having died (guidance/causes.yml `not_a_death`)."""
    raw = yaml.load(CAUSES_FILE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader).get("not_a_death") or []
    try:
        return tuple(re.compile(str(pattern)) for pattern in raw)
    except re.error as error:
        raise FactsDataError(f"{CAUSES_FILE.name}: not_a_death: invalid pattern ({error})") from error


def _without_things_dead(text: str) -> str:
    """The words with what is "mort" without a death removed ("mon compte en banque qui est mort", "c'est mort")."""
    for pattern in not_a_death_patterns():
        text = pattern.sub(" ", text)
    return text


# One per table name (three): with one, each call with another name read the YAML file again (issue 18).
@lru_cache(maxsize=8)
def _removal_table(name: str) -> tuple[re.Pattern[str], ...]:
    """A list of patterns of guidance/causes.yml whose matches are removed before reading (own_debts...)."""
    raw = yaml.load(CAUSES_FILE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader).get(name) or []
    try:
        return tuple(re.compile(str(pattern)) for pattern in raw)
    except re.error as error:
        raise FactsDataError(f"{CAUSES_FILE.name}: {name}: invalid pattern ({error})") from error


def _without_own_debts(text: str) -> str:
    """The words with the artisan's own unpaid debts removed ("un loyer commercial impayé"), unless the text says
    the rent is owed to the artisan ("mon locataire a 3 loyers impayés")."""
    if any(pattern.search(text) for pattern in cause_patterns()[0].get("loyer_a_recevoir", ())):
        return text
    for pattern in _removal_table("own_debts"):
        text = pattern.sub(" ", text)
    return text


# Round 24 (r24a-06, r24a-11): who the injonction de payer is against. An injonction served is read only with words that
# say it reached the artisan; an artisan owed money ("c'est moi qui voudrais attaquer le client", "c'est pas moi qui ai
# reçu une injonction") asks about making one; a creditor's threat is neither (causes.yml `injonction_menacee`).
_INJONCTION_SERVED = re.compile(
    r"\b(?:recu|recue|recus|recues|signifiee?s?|notifiee?s?|remise?s?|m (?:a|ont) (?:envoye|adresse|transmis|fait)|"
    r"(?:a|ont) (?:lance|fait|obtenu|depose)|j en ai une|j ai (?:une|eu une|l) injonction|ordonnance portant injonction)\b"
)
_INJONCTION_NOT_SERVED = re.compile(
    r"\bpas moi qui (?:ai|a) (?:recu|eu)\b|\b(?:j ai|je n ai|j ai rien|n ai|on m a) (?:pas|rien|jamais|encore rien) "
    r"(?:recu|eu)\b"
)
_ARTISAN_CREDITOR = re.compile(
    r"\bmoi qui (?:veux|voudrais|voudrait|veut|vais|souhaite|souhaiterais|aimerais|compte) (?:attaquer|poursuivre|faire|"
    r"lancer|demander|aller|porter|assigner|engager)\b|\b(?:attaquer|poursuivre|assigner) (?:en justice )?(?:le|mon|ma|"
    r"ce|cette|la|mes|les|un|une|cet) (?:client|cliente|clients|clientes|debiteur|mauvais payeur)\b|\b(?:me faire payer|"
    r"etre paye|etre payee|recuperer (?:mon|mes|l|cet|cette|notre) (?:argent|du|sous|creance|paiement))\b"
)
_OWED_CAUSES = frozenset(
    {"impayes_clients", "aucune_dette", "loyer_a_recevoir", "client_particulier", "acheteur_public"}
)


def _injonction_direction(folded: list[str], found: set[str]) -> set[str]:
    """The injonction causes put the right way round: served on the artisan, threatened by a creditor, or asked for
    by the artisan against a debtor."""
    about = [text for text in folded if "injonction" in text]
    served = any(_INJONCTION_SERVED.search(text) and not _INJONCTION_NOT_SERVED.search(text) for text in about)
    if served:
        found.discard("injonction_menacee")
        if "injonction_a_demander" in found and not found & _OWED_CAUSES:
            found.discard("injonction_a_demander")
            found.add("injonction_recue")
        return found
    if "injonction_menacee" in found:
        return found - {"injonction_recue", "injonction_a_demander"}
    owed = bool(found & _OWED_CAUSES) or any(
        _ARTISAN_CREDITOR.search(text) or _INJONCTION_NOT_SERVED.search(text) for text in folded
    )
    if (owed or "injonction_a_demander" in found) and "injonction_recue" in found:
        found.discard("injonction_recue")
        found.add("injonction_a_demander")
    return found


# Round 25: the artisan who goes to court, as the claimant ("je veux attaquer mon client", "porter plainte contre mon
# associé", "aller aux prud'hommes contre mon ancien apprenti", an injonction de payer to ask for): the restatement said
# "vous faites face à une procédure en justice", a defendant's words. Never when a procedure reaches the artisan too
# ("mon ex-salarié m'attaque aux prud'hommes et je veux porter plainte"), nor with the wish denied ("je ne veux pas aller
# au tribunal").
_NOT_A_NEGATION = r"(?: (?!pas\b|plus\b|jamais\b|rien\b|point\b)\w+){0,3}"
_GOES_TO_COURT = re.compile(
    r"(?:\b(?:je|j|on|nous|moi)(?: l| le| la| les| lui| leur)? |\bj(?=veux|vais|voudrais|compte|pense|souhaite|aimerais|hesite|envisage))(?:veux|voudrais|veut|vais|va|compte|souhaite|souhaiterais|"
    r"aimerais|pense|envisage|peux|pourrais|dois|devrais|voulons|allons|comptons|hesite a|prefere|prefererais|suis pret a|"
    r"suis decide a|ai decide de|vais devoir|voudrait|aimerait)"
    + _NOT_A_NEGATION
    + r" (?:attaquer|poursuivre|assigner|porter plainte|deposer (?:une )?plainte|saisir (?:le tribunal|la justice|le juge|"
    r"les prud ?hommes|un avocat)|aller (?:au tribunal|aux prud ?hommes|en justice|devant (?:le|la|les) (?:juge|tribunal|"
    r"justice|prud ?hommes))|trainer|mettre (?:\w+ )?au tribunal|faire un proces|intenter|lancer (?:une|la|l) "
    r"(?:procedure|action|injonction)|engager (?:une|des|la) (?:procedure|poursuites|action)|faire (?:une|l) injonction|"
    r"demander (?:une|l) injonction|recuperer (?:mon|mes|l|cet|cette|notre) (?:argent|du|sous|creance|paiement))\b|"
    r"\b(?:porter|deposer|porte|depose|portee|deposee) (?:une )?plainte contre (?!moi\b|nous\b)|"
    r"(?<!pas )(?<!plus )(?<!jamais )\b(?:attaquer|poursuivre|assigner|trainer)(?: en justice| au tribunal| aux prud ?hommes)? (?:le|mon|ma|ce|cette|la|mes|"
    r"les|un|une|cet|notre|nos) (?:ancien |ancienne |ex )?(?:client|cliente|clients|clientes|debiteur|mauvais payeur|"
    r"associe|associee|apprenti|apprentie|salarie|salariee|fournisseur|proprietaire|assureur|banque|voisin|entrepreneur)\b"
)
# A procedure against the artisan: served, summoned, attacked, seized.
_AGAINST_THE_ARTISAN = re.compile(
    r"\b(?:m|nous) (?:attaque\w*|poursui\w*|assigne\w*|traine\w*|convoque\w*|a assigne|ont assigne|a attaque|ont attaque|"
    r"a poursuivi|ont poursuivi|reclame\w*)\b|\bcontre (?:moi|nous)\b|\b(?:je suis|j ai ete|on est|nous sommes|je me suis "
    r"fait) (?:attaque|poursuivi|assigne|convoque|cite)e?s?\b|\b(?:recu|recue|recois|eu) (?:une |un |mon |ma )?"
    r"(?:assignation|convocation|citation|injonction|commandement|signification)\b"
)
_DEFENDANT_CAUSES = frozenset(
    {
        "injonction_recue",
        "commissaire_justice",
        "saisie_biens",
        "audience_liquidation",
        "menace_proces",
        "biens_personnels",
    }
)


def goes_to_court_as_claimant(texts: Iterable[str]) -> bool:
    """Whether the artisan is the one who starts proceedings (wants to sue, file a complaint, ask an injonction de payer),
    with no procedure against them said: the restatement then speaks of a dispute to take to court, not of a procedure
    faced (triage.engine.Assessment.restatement, ``claimant``)."""
    texts = [text for text in texts if text]
    folded = [_text(text) for text in texts]
    if any(_AGAINST_THE_ARTISAN.search(text) for text in folded):
        return False
    causes = read_causes(texts)
    if causes & _DEFENDANT_CAUSES or read_stage(texts):
        return False
    return "injonction_a_demander" in causes or any(_GOES_TO_COURT.search(text) for text in folded)


# Round 26: a seizure threatened, possible or asked about ("la banque menace de saisir mon compte", "l'huissier menace de
# saisir mes comptes", "est-ce qu'ils peuvent saisir ma maison ?") is no seizure done: the seizure's words, and what is
# seized beside them, are not read for saisie_compte and saisie_biens (the card on contesting a seizure before the
# juge de l'exécution). The home feared for, the bailiff and the tax office's notice are still read in the whole text.
_SEIZED_BESIDE = r"(?: (?:sur )?(?:mes|mon|ma|le|la|les|notre|nos|tout|l)\b(?: (?!(?:et|mais|car|donc)\b)\w+){0,2})?"
_SEIZURE_NOT_DONE = re.compile(
    r"\b(?:menac\w*|peut|peuvent|pourrait|pourraient|pourra|pourront|risque\w*|parle\w* de|evoque\w*|"
    r"est ce qu(?:e|')? ?\w* (?:va|vont|peut|peuvent))(?: (?:ils?|elles?|on|de|d|me|m|nous|en|bien|aussi|meme|vraiment|"
    r"encore|faire|une|la))* (?:saisir|saisie|saisies)\b" + _SEIZED_BESIDE
)
_ASKED_SEIZURE = re.compile(r"\bsaisir\b" + _SEIZED_BESIDE)
_QUESTION = re.compile(r"[^.!?;\n]*\?")


def _without_seizures_not_done(text: str) -> str:
    """The folded words less a seizure threatened, possible, or asked about in a question (the infinitive in a sentence
    ending with "?": "ils vont saisir la maison ?")."""
    asked = " ".join(_ASKED_SEIZURE.sub(" ", _text(question)) for question in _QUESTION.findall(text))
    rest = _QUESTION.sub(" ", text)
    return _SEIZURE_NOT_DONE.sub(" ", _text(rest) + " " + asked)


_SEIZURE_CAUSES = ("saisie_compte", "saisie_biens")


_URSSAF_NAMED = re.compile(r"\b(?:urssaf|cgss|cssm)\b")
# What the bank did (refused, cut, called in, blocked, rejected, seized), said near the bank or the loan, or a loan that
# can no longer be paid: the loan is more than one that runs.
_BANK_WORDS = r"(?:banque|banquier|banquiere|bancaire|credits?|prets?|emprunts?|mensualites?|echeances?|leasing|compte)"
_BANK_DID = (
    r"(?:refus\w*|coup\w*|denon\w*|bloqu\w*|rejet\w*|exig\w*|supprim\w*|retir\w*|reduit|reduire|resili\w*|"
    r"rembourser tout|tout rembourser|mise? en demeure|contentieux|recouvrement|saisi\w*|fich\w*|interdit\w*|"
    r"impaye\w*|en retard|retards?|(?:peux|peut|pouvons|arrive|arrivons) (?:plus|pas)(?: a)? (?:payer|rembourser|suivre))"
)
_BANK_ACTED = re.compile(rf"\b{_BANK_WORDS}\b.{{0,60}}\b{_BANK_DID}\b|\b{_BANK_DID}\b.{{0,60}}\b{_BANK_WORDS}\b")


def read_causes(texts: Iterable[str]) -> frozenset[str]:
    causes, _ = cause_patterns()
    texts = [text for text in texts if text]
    folded = [_text(text) for text in texts]
    # A death needs a person who died (round 12, r12c-06: a bank account "mort" gave the owner's death guidance).
    alive = [_without_things_dead(text) for text in folded]
    # A death denied takes back the death read before it (round 20, r20a-06: "il est pas mort mon mari").
    denied = [index for index, text in enumerate(folded) if any(p.search(text) for p in _removal_table("death_denied"))]
    if denied:
        alive = ["" if index < denied[-1] else text for index, text in enumerate(alive)]
    # A client's unpaid invoice is not the artisan's own unpaid rent (round 15, r15a-15: a debtor got a creditor's steps).
    owed = [_without_own_debts(text) for text in folded]
    done = [_without_seizures_not_done(text) for text in texts]
    readings = {"deces": alive, "impayes_clients": owed, **dict.fromkeys(_SEIZURE_CAUSES, done)}
    found = {
        code
        for code, patterns in causes.items()
        if any(pattern.search(text) for pattern in patterns for text in readings.get(code, folded))
    }
    if found & {"injonction_recue", "injonction_a_demander", "injonction_menacee"}:
        found = _injonction_direction(folded, found)
    if "pret_en_cours" in found and ("credit_coupe" in found or any(_BANK_ACTED.search(text) for text in folded)):
        # Round 29: the bank did something (refused, called the loan in, blocked, rejected): the loan is no longer one
        # that simply runs, and the Médiation du crédit may fit.
        found.discard("pret_en_cours")
    if "caisse_msa" in found and any(_URSSAF_NAMED.search(text) for text in folded):
        # Round 29: the MSA and the URSSAF both named: the URSSAF's cards fit what is owed to it.
        found.discard("caisse_msa")
    return frozenset(found)


@lru_cache(maxsize=1)
def other_party_patterns() -> tuple[re.Pattern[str], ...]:
    """What is said about someone else's procedure (guidance/causes.yml `other_party_stage`)."""
    raw = yaml.load(CAUSES_FILE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader).get("other_party_stage") or []
    try:
        return tuple(re.compile(str(pattern)) for pattern in raw)
    except re.error as error:
        raise FactsDataError(f"{CAUSES_FILE.name}: other_party_stage: invalid pattern ({error})") from error


# The court's officers named alone: when a client of the artisan is in a procedure, they are the client's.
_OFFICERS = re.compile(r"\b(?:mandataires?|liquidateurs?|administrateurs?)(?: judiciaires?)?\b(?! ad hoc)")


def read_stage(texts: Iterable[str], creditor: bool = False) -> str | None:
    """The artisan's own procedure stage. A client's liquidation, or a claim declared to the client's
    mandataire, says nothing about the artisan's stage (round 7): those words are removed first. So are a
    feared procedure and an URSSAF reassessment ("redressement", round 15: not_a_procedure); with `creditor`
    (a client in a procedure), the officers named alone ("le mandataire m'a écrit") are the client's."""
    _, stages = cause_patterns()
    folded = [_text(text) for text in texts if text]
    for pattern in other_party_patterns() + _removal_table("not_a_procedure"):
        folded = [pattern.sub(" ", text) for text in folded]
    if creditor:
        folded = [_OFFICERS.sub(" ", text) for text in folded]
    found = [
        code
        for code, patterns in stages.items()
        if any(pattern.search(text) for pattern in patterns for text in folded)
    ]
    return max(found, key=_STAGE_ORDER.__getitem__) if found else None


# Who wrote for whom, and who died: "j'écris pour mon père ... ma mère est décédée" says that the owner
# (the father) is alive (round 7: the EI owner's death entries were given for a dead spouse).
_RELATIVE = (
    r"(pere|mere|mari|femme|epoux|epouse|fils|fille|frere|soeur|oncle|tante|conjoint|conjointe|compagnon|compagne|"
    r"grand pere|grand mere)"
)
_OWNER = re.compile(
    r"\b(?:j ecris|je vous ecris|j appelle|je viens|je vous contacte|je suis la|c est) pour (?:mon|ma) "
    + _RELATIVE
    + r"\b"
    r"|\b(?:l entreprise|la boite|l atelier|la boutique|le salon|le garage|l affaire|celle|celui) de (?:mon|ma) "
    + _RELATIVE
    + r"\b"
)
_DIED = re.compile(
    r"\b(?:mon|ma) " + _RELATIVE + r" (?:est|etait|qui est) (?:decedee?|morte?|partie?|disparue?)\b"
    r"|\b(?:deces|mort|disparition) de (?:mon|ma) " + _RELATIVE + r"\b"
)


def owner_alive(texts: Iterable[str]) -> bool:
    """True when the person the business belongs to is named, and someone else is the one who died."""
    owners: set[str] = set()
    dead: set[str] = set()
    for text in (_text(text) for text in texts if text):
        owners.update(match.group(1) or match.group(2) for match in _OWNER.finditer(text))
        dead.update(match.group(1) or match.group(2) for match in _DIED.finditer(text))
    owners.discard(None)
    dead.discard(None)
    return bool(owners and dead and not owners & dead)


_QUOTED = re.compile(r"«\s*(.*?)\s*»")


def _quoted(reason: str) -> str:
    """The artisan's words in a triage reason: "compte bloqué ou saisi : « la banque a bloqué... »" is the
    triage's label, then the quote; only the quote was said (round 7: the label read as a seizure)."""
    quotes = _QUOTED.findall(reason)
    return " ".join(quotes) if quotes else reason


# --- Courts -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Court:
    name: str
    gender: str = "m"

    @property
    def le(self) -> str:
        return ("le " if self.gender == "m" else "la ") + self.name

    @property
    def du(self) -> str:
        return ("du " if self.gender == "m" else "de la ") + self.name

    @property
    def au(self) -> str:
        return ("au " if self.gender == "m" else "à la ") + self.name


@dataclass(frozen=True)
class CourtRule:
    court: str
    departements: tuple[str, ...]
    start: date | None
    end: date | None
    source_title: str
    source_url: str | None

    def applies(self, departement: str, today: date) -> bool:
        return (
            departement in self.departements
            and (self.start is None or today >= self.start)
            and (self.end is None or today <= self.end)
        )


@lru_cache(maxsize=1)
def court_data() -> tuple[dict[str, Court], str, tuple[CourtRule, ...]]:
    raw = yaml.load(COURTS_FILE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    if not isinstance(raw, dict) or not isinstance(raw.get("courts"), dict):
        raise FactsDataError(f"{COURTS_FILE.name}: a mapping 'courts' is required")
    courts = {}
    for code, value in raw["courts"].items():
        if (
            not isinstance(value, dict)
            or not isinstance(value.get("name"), str)
            or value.get("gender") not in ("m", "f")
        ):
            raise FactsDataError(f"{COURTS_FILE.name}: courts.{code}: name and gender (m/f) are required")
        courts[str(code)] = Court(value["name"], value["gender"])
    default = raw.get("default")
    if default not in courts or "unknown" not in courts:
        raise FactsDataError(f"{COURTS_FILE.name}: 'default' must name a court, and 'unknown' must exist")
    rules = []
    for index, rule in enumerate(raw.get("exceptions") or [], 1):
        label = f"{COURTS_FILE.name}: exceptions #{index}"
        if not isinstance(rule, dict) or rule.get("court") not in courts:
            raise FactsDataError(f"{label}: 'court' must be one of {sorted(courts)}")
        departements = rule.get("departements")
        if not isinstance(departements, list) or not departements:
            raise FactsDataError(f"{label}: a list 'departements' is required")
        source = rule.get("source")
        if not isinstance(source, dict) or not isinstance(source.get("title"), str):
            raise FactsDataError(f"{label}: a source with a title is required")
        url = source.get("url")
        if url is not None and not (isinstance(url, str) and url.startswith("https://")):
            raise FactsDataError(f"{label}: source.url must be an https:// URL or null")
        for key in ("from", "until"):
            if rule.get(key) is not None and not isinstance(rule.get(key), date):
                raise FactsDataError(f"{label}: '{key}' must be a date (YYYY-MM-DD)")
        rules.append(
            CourtRule(
                rule["court"],
                tuple(str(d) for d in departements),
                rule.get("from"),
                rule.get("until"),
                source["title"],
                url,
            )
        )
    return courts, default, tuple(rules)


def court_for(departement: str | None, today: date | None = None) -> Court:
    """The court for an artisan of this département on this day; a neutral wording when unknown."""
    courts, default, rules = court_data()
    if not departement:
        return courts["unknown"]
    today = today or date.today()  # noqa: DTZ011 - callers with a chamber pass its date
    for rule in rules:
        if rule.applies(departement, today):
            return courts[rule.court]
    return courts[default]


# --- Whether the artisan owes ----------------------------------------------------------------------

# Round 16 (r16b-06: a client contesting a 9 500 € invoice and threatening court got the sauvegarde, the redressement and
# "négocier avec vos créanciers"): the artisan who is owed money, in a dispute or threatened with a lawsuit, with no debt
# of their own said, is no debtor; the procedures for debtors are not theirs.
DISPUTE_CAUSES = frozenset(
    {
        "impayes_clients",
        "litige",
        "aucune_dette",
        "menace_proces",
        "proces_client",
        "prudhommes",
        "client_en_procedure",
        "injonction_a_demander",
        "loyer_a_recevoir",
        "client_particulier",
    }
)
# What says a debt of the artisan's own: a creditor who claims, a procedure, a seizure...
OWN_DEBT_CAUSES = frozenset(
    {
        "injonction_recue",
        "injonction_menacee",
        "contrainte_urssaf",
        "commissaire_justice",
        "saisie_compte",
        "saisie_biens",
        "poursuite_fiscale",
        "credit_coupe",
        "bail_commercial",
        "audience_liquidation",
        "controle_urssaf",
        "controle_fiscal",
    }
)
DEBT_CATEGORIES = frozenset({"cotisations_sociales", "impots", "banque"})
# The difficulties a dispute alone gives (an unpaid invoice is a cash difficulty, a lawsuit threatened a court one).
_DISPUTE_CATEGORIES = frozenset({"tresorerie", "procedure_judiciaire", "autre"})
_OWN_DEBT_WORDS = re.compile(
    r"\bje (?:lui |leur |vous )?dois\b(?! rien)|\bon (?:lui |leur )?doit\b(?! rien)|\bdettes?\b(?! (?:de|du|des) (?:mon|ma|mes|"
    r"notre|nos) clients?)|\bcreanciers?\b|\b(?:me|nous) (?:reclame|reclament|relance|relancent)\b|\bloyers?\b|"
    r"\bsalaires?\b|\bcharges\b|\bcredit\b|\bpret\b|\bemprunt\b|\bdecouvert\b|\bcessation\b|\bbilan\b|"
    r"\b(?:peux|pouvons|arrive) (?:plus|pas) (?:a )?(?:payer|rembourser|regler)\b"
)
_NO_CREDITOR = re.compile(r"^\s*(?:aucun|aucune|personne|rien|non|pas de creanciers?|je (?:ne )?dois rien)\b")


_A_CLIENT = re.compile(r"\b(?:clients?|clientes?|donneurs? d ordre|me doit|me doivent)\b")


def read_debts(
    categories: Iterable[str], causes: frozenset[str], stage: str | None, texts: Iterable[str], creditors: str | None
) -> str | None:
    """ "yes" when a debt of the artisan's own is said (a debt difficulty, a creditor's act, a procedure, a creditor
    named, words of owing); "no" when the only difficulty said is a dispute, a claim of theirs or a lawsuit threatened;
    None otherwise."""
    categories = set(categories)
    if "proces_client" in causes:
        # Round 29: a client's summons ("m'a assigné") is the client's lawsuit over the work, no creditor's act.
        causes = causes - {"commissaire_justice"}
    if categories & DEBT_CATEGORIES or causes & OWN_DEBT_CAUSES or stage is not None:
        return "yes"
    if creditors and not _NO_CREDITOR.search(_text(creditors)):
        return "yes"
    if any(_OWN_DEBT_WORDS.search(_text(text)) for text in texts if text):
        return "yes"
    if causes & DISPUTE_CAUSES and categories <= _DISPUTE_CATEGORIES:
        return "no"
    return None


# --- Facts ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Facts:
    profile: Profile = field(default_factory=Profile)
    categories: tuple[str, ...] = ()
    urgency: str | None = None
    overwhelm: bool = False
    causes: frozenset[str] = frozenset()
    stage: str | None = None
    departement: str | None = None
    today: date | None = None
    steps_done: frozenset[str] = frozenset()
    # "yes": the artisan owes (a debt said); "no": only owed, in a dispute or threatened with a lawsuit; None: unknown.
    debts: str | None = None

    @classmethod
    def build(
        cls,
        assessment: Any,
        situation: Mapping[str, str] | None = None,
        messages: Sequence[str] | None = None,
        chamber: Any = None,
        today: date | None = None,
        profile: Profile | None = None,
    ) -> Facts:
        situation = situation or {}
        profile = profile or Profile.from_situation(situation)
        said = list(messages or [])
        if not said:
            # Without the messages, the triage's quotes are what the artisan said.
            said = [
                _quoted(str(quote))
                for quotes in (getattr(assessment, "reasons", None) or {}).values()
                for quote in quotes
            ]
        if profile.legal_form is None:
            legal_form, majority = read_legal_form_in_messages(said)
            if legal_form is not None:
                profile = replace(profile, legal_form=legal_form, majority_manager=majority)
        if profile.employees is None:
            employees = read_employees_in_messages(said)
            if employees is not None:
                profile = replace(profile, employees=employees, employee_count=0 if employees == "no" else None)
        texts: list[str] = list(messages or [])
        reasons = getattr(assessment, "reasons", None) or {}
        for quotes in reasons.values():
            texts.extend(_quoted(str(quote)) for quote in quotes)
        texts.extend(str(situation[key]) for key in _FREE_ANSWERS if situation.get(key))
        departement = profile.departement
        if departement is None and chamber is not None and len(getattr(chamber, "departements", ())) == 1:
            # A chamber covering one département: its artisans are, in all likelihood, there.
            departement = chamber.departements[0]
        causes = read_causes(texts)
        categories = tuple(getattr(assessment, "categories", ()) or ())
        if assessment is not None and "sante" not in categories:
            # The artisan's health is the triage's to read: "je ne peux plus travailler" after a fire, or a relative's
            # illness, is no disability of theirs (round 12, r12a-06: a bakery fire was offered the RQTH).
            health = {cause for cause, category in cause_categories().items() if category == "sante"}
            causes -= health
        if "grele" in causes and causes & {"inondation", "catnat"}:
            # Hail with a flood or a decree said: the catastrophe-naturelle step speaks of those (round 17).
            causes -= {"grele"}
        if "coupure_energie" in causes and not any(_A_CLIENT.search(_text(text)) for text in texts):
            # Round 19 (r19c-12): the bill unpaid before an energy cut is the artisan's own, even quoted apart from the
            # supplier's name by the triage ("facture pas payée"): no client's steps (relance, mise en demeure).
            causes -= {"impayes_clients"}
        if "deces" in causes and owner_alive(texts):
            causes |= {"titulaire_vivant"}
        if "deces_associe" in causes and profile.legal_form is None:
            # A partner ("mon associé") means a company: the sole trader's death entries do not apply.
            profile = replace(profile, legal_form="societe")
        stage = read_stage(texts, creditor="client_en_procedure" in causes)
        # The creditors answer is read apart (named creditors say a debt); the other texts for words of owing.
        owing_texts = [text for text in texts if text != situation.get("creditors")]
        return cls(
            profile=profile,
            categories=categories,
            urgency=getattr(assessment, "urgency", None),
            overwhelm=bool(getattr(assessment, "overwhelm", False)),
            causes=causes,
            stage=stage,
            departement=departement,
            today=today,
            steps_done=read_steps(said, situation.get("steps_taken")),
            debts=read_debts(categories, causes, stage, owing_texts, situation.get("creditors")),
        )

    def known(self, key: str) -> Any:
        """The value of a condition key (see guidance.knowledge.CONDITION_VALUES), None when unknown."""
        if key == "legal_form":
            return self.profile.legal_form
        if key == "social_status":
            return self.profile.social_status
        if key == "natural_person":
            value = self.profile.natural_person
            return None if value is None else ("yes" if value else "no")
        if key == "employees":
            return self.profile.employees
        if key == "had_employees":
            # Employees in the last months: known "yes" when said so, "no" when none and none before.
            if self.profile.had_employees or self.profile.employees == "yes":
                return "yes"
            return None
        if key == "stage":
            return self.stage
        if key == "departement":
            return self.departement
        if key == "debts":
            return self.debts
        if key == "category":
            # Several at once: the triage categories, or None when there are none yet.
            return frozenset(self.categories) or None
        raise KeyError(key)

    @property
    def court(self) -> Court:
        return court_for(self.departement, self.today)
