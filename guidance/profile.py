"""The artisan's situation answers, in their own words, read into a few codes the guidance can use.

Plain Python (no Rasa)::

    from guidance.profile import Profile

    p = Profile.from_situation(
        {"legal_form": "je suis en micro", "employees": "on est 3 avec l'apprenti", "departement": "59000"}
    )
    p.legal_form  # "micro" | "ei" | "eurl_sarl" | "sas_sasu" | "societe" | "autre" | None (unknown)
    p.natural_person  # True (micro, EI), False (a company), None (unknown)
    p.social_status  # "independant" (micro, EI, gérant majoritaire of an EURL/SARL),
    # "assimile_salarie" (SAS/SASU president, minority or equal manager of a SARL), None
    p.employees  # "yes" | "no" | None
    p.employee_count  # 2 (here: "on est 3" counts the owner), or None when not said
    p.had_employees  # True when employees are spoken of in the past ("je les ai licenciés")
    p.departement  # "59" from a code, a postal code, a département or a town (places)

Codes (stable names, used in guidance/knowledge_base.yml conditions):
  micro       micro-entrepreneur (auto-entrepreneur): an individual entrepreneur under the micro regime
  ei          entreprise individuelle at the real regime (EI, EIRL, "en nom propre")
  eurl_sarl   EURL or SARL; its manager is presumed majority (travailleur indépendant) unless said otherwise
  sas_sasu    SAS or SASU: the president is "assimilé salarié" (not in the independents' social action)
  societe     a company whose kind was not said ("une société", the « Société » button)
  autre       another form (association, SNC, SCOP, SA...)

Unknown is None everywhere: an answer that is skipped, vague ("à mon compte", "je ne sais pas") or
contradictory never becomes a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from french import NUMBER_WORDS, ROUGH_NUMBER_WORDS, fold
from places import departement_code, find_in_text

LEGAL_FORMS = ("micro", "ei", "eurl_sarl", "sas_sasu", "societe", "autre")
EMPLOYEE_ANSWERS = ("yes", "no")
SOCIAL_STATUSES = ("independant", "assimile_salarie")

# Written into a skipped slot by the dialogue (actions/conversation.py SKIPPED).
_SKIPPED = {
    "non precise",
    "passer",
    "/skip_question",
    "je ne sais pas",
    "je sais pas",
    "jsp",
    "sais pas",
    "aucune idee",
    "ne sais pas",
    "nsp",
    "?",
}


def _text(value: object) -> str:
    """Folded (lowercase, no accents), apostrophes and punctuation turned into spaces."""
    text = fold(str(value or ""))
    text = re.sub(r"[’'`´\-_/.,;:!?()«»\"]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


# --- Legal form ------------------------------------------------------------------------------------

# Checked in this order: the first table whose pattern matches wins ("SASU" before "SAS", "micro"
# before "EI": a micro-entrepreneur is an individual entrepreneur under the micro regime).
_LEGAL_FORM_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "sas_sasu",
        re.compile(
            r"\b(?:s a s u|s a s|sasu|sas|societe par actions simplifiee(?: unipersonnelle)?|"
            r"president(?:e)? (?:de (?:la|ma) )?(?:sas|sasu|societe))\b"
        ),
    ),
    (
        "eurl_sarl",
        re.compile(
            r"\b(?:e u r l|eurl|s a r l|sarl|sarlu|societe a responsabilite limitee|"
            r"entreprise unipersonnelle a responsabilite limitee|gerant(?:e)? (?:majoritaire|"
            r"minoritaire|egalitaire|associe|de (?:la|ma) sarl|de (?:l|mon) eurl))\b"
        ),
    ),
    (
        "micro",
        re.compile(
            r"\b(?:micro|micros|microentreprise|microentrepreneur|microentrepreneuse|"
            r"auto ?entrepreneur(?:e|euse)?s?|auto ?entreprise|autoentrepreneur|autoentreprise|"
            r"auto entrepreneuse|ae|regime micro|micro ?bic|micro ?social|en auto|^auto$)\b"
        ),
    ),
    (
        "ei",
        re.compile(
            r"\b(?:e i|ei|eirl|e i r l|entreprise individuelle|entreprise individuel|"
            r"entrepreneur(?:e)? individuel(?:le)?|en nom propre|nom propre|en nom personnel|"
            r"en individuel(?:le)?|affaire personnelle|en ei|regime reel|au reel)\b"
        ),
    ),
    (
        "autre",
        re.compile(
            r"\b(?:association|asso|snc|scop|scic|societe anonyme|cooperative|gie|sci|"
            r"selarl|selas|sel)\b"
        ),
    ),
    ("societe", re.compile(r"\b(?:societe|ste|boite en societe|en societe)\b")),
)
# A minority, equal or non-partner manager of an EURL/SARL is "assimilé salarié", like a SAS president.
_MINORITY_MANAGER = re.compile(
    r"\b(?:minoritaire|egalitaire|50 ?50|moitie moitie|a parts? egales?|"
    r"pas majoritaire|non majoritaire|non associee?|pas associee?)\b"
)
_NEGATED_FORM = re.compile(
    r"\b(?:suis|est|sommes|etes|etait|etais) (?:pas|plus) (?:en |une |un |dans (?:la|le) )?"
    r"(?:micro\w*|auto\w*|sarl|sas\w*|eurl|ei\w*|entreprise individuelle)\b"
)
# "j'étais en micro, maintenant en SARL": with a change of form, the last one said is the current one.
_CHANGE = re.compile(
    r"\b(?:maintenant|aujourd hui|desormais|depuis|passe en|passee en|passes en|devenu|devenue|"
    r"transforme|transformee)\b"
)


def _last_match(pattern: re.Pattern[str], text: str) -> int:
    return max((match.start() for match in pattern.finditer(text)), default=-1)


def read_legal_form(answer: object) -> tuple[str | None, bool | None]:
    """(legal form code or None, majority manager True/False/None) from the artisan's words."""
    text = _text(answer)
    if not text or text in _SKIPPED:
        return None, None
    # "plus en micro, on est passé en SARL": drop what is negated before reading what remains.
    text = _NEGATED_FORM.sub(" ", text)
    found = [code for code, pattern in _LEGAL_FORM_PATTERNS if pattern.search(text)]
    # "micro" and "ei" together: the micro regime is the precise answer; "société" with a precise kind
    # is that kind. Two different precise forms are a contradiction: unknown.
    precise = [code for code in found if code not in ("societe",)]
    if "micro" in precise and "ei" in precise:
        precise.remove("ei")
    if len(precise) > 1 and "autre" in precise:
        precise.remove("autre")
    if len(precise) > 1 and _CHANGE.search(text):
        precise = [max(precise, key=lambda code: _last_match(dict(_LEGAL_FORM_PATTERNS)[code], text))]
    if len(precise) > 1:
        return None, None
    code = precise[0] if precise else ("societe" if found else None)
    majority: bool | None = None
    if code == "eurl_sarl":
        majority = False if _MINORITY_MANAGER.search(text) else None
    return code, majority


# In free messages (not an answer to the legal-form question) only unambiguous words count: "micro"
# or "ae" alone may mean something else there ("micro-ondes").
_LEGAL_FORM_IN_TEXT: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("sas_sasu", re.compile(r"\b(?:sasu|ma sas|la sas|une sas|en sas|president(?:e)? de (?:la |ma )?sasu?)\b")),
    ("eurl_sarl", re.compile(r"\b(?:eurl|sarl|gerant(?:e)? (?:majoritaire|minoritaire|egalitaire))\b")),
    (
        "micro",
        re.compile(
            r"\b(?:micro ?entrepreneur(?:e|euse)?|micro ?entreprise|auto ?entrepreneur(?:e|euse)?|"
            r"auto ?entreprise|autoentrepreneur|microentreprise|en micro|regime micro)\b"
        ),
    ),
    ("ei", re.compile(r"\b(?:entreprise individuelle|en nom propre|eirl|entrepreneur(?:e)? individuel(?:le)?)\b")),
)


def read_legal_form_in_messages(messages: Iterable[str]) -> tuple[str | None, bool | None]:
    """The legal form said in passing ("je suis auto entrepreneur"), only when unambiguous."""
    found: list[str] = []
    majority: bool | None = None
    for message in messages:
        text = _NEGATED_FORM.sub(" ", _text(message))
        for code, pattern in _LEGAL_FORM_IN_TEXT:
            if pattern.search(text) and code not in found:
                found.append(code)
        if _MINORITY_MANAGER.search(text):
            majority = False
    if "micro" in found and "ei" in found:
        found.remove("ei")
    if len(found) != 1:
        return None, None
    return found[0], majority if found[0] == "eurl_sarl" else None


_EMPLOYEES_IN_TEXT_NONE = re.compile(
    r"\b(?:aucun salarie|aucun employe|pas de salaries?|pas d employes?|sans salaries?|"
    r"sans employes?|je n ai pas de salaries?|j ai pas de salaries?)\b"
    # Working alone, said with a work verb (round 5: "je fais tout toute seule au salon" got the CODEFI, for employers);
    # "je suis toute seule" alone may be about one's home life.
    r"|\b(?:je|j|il|elle) (?:travaille|bosse|fais tout|fait tout|gere tout|m occupe de tout|s occupe de tout)"
    r"(?: \w+){0,2} (?:seul|seule|tout seul|toute seule)\b"
    # Round 19 (r19b-09): the trade then "seul" ("je suis carreleur, seul", "plaquiste tout seul") got the CODEFI, for
    # employers. A feeling ("je suis vraiment seul") is not a way of working: the word before "seul" is a trade's.
    r"|\b(?:je suis |suis |moi |artisan )?(?!(?:vraiment|tres|trop|si|tellement|completement|toujours|encore|bien|"
    r"desormais|maintenant|aussi|plus|pas|tout|toute|moi|je|suis|me|sens|sent|reste|retrouve|retrouvee)\b)"
    r"[a-z]+(?:eur|euse|ier|iere|iste|on|en|enne|ier|ien|ienne|ant|ante|ais|aire|ique|ier|ere|in|ine|ur)"
    r" (?:seul|seule|tout seul|toute seule)\b(?! (?:a la maison|chez moi|au monde|dans la vie|face))"
)
_EMPLOYEES_IN_TEXT_SOME = re.compile(
    r"\b(\d{1,4}|"
    + "|".join(
        _NUMBER_WORDS_TEXT := ("un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix")
    )
    + r") (?:salaries?|salariees?|employes?|employees?|apprentis?|apprenties?|ouvriers?|compagnons?)\b"
)


def read_employees_in_messages(messages: Iterable[str]) -> str | None:
    """ "yes" / "no" when a message says it plainly ("j'ai 3 salariés", "sans salarié"), else None."""
    said = set()
    for message in messages:
        text = _text(message)
        none, some = _EMPLOYEES_IN_TEXT_NONE.search(text), _EMPLOYEES_IN_TEXT_SOME.search(text)
        if none and not some:
            said.add("no")
        elif some and not none:  # both ("je fais tout toute seule mais j'ai 2 apprentis"): unsaid
            said.add("yes")
    return said.pop() if len(said) == 1 else None


# --- Employees --------------------------------------------------------------------------------------

_NUMBER_WORDS = {**NUMBER_WORDS, **ROUGH_NUMBER_WORDS}
_WORKER = (
    r"(?:salariee?s?|employee?s?|apprentis?|apprenties?|ouvriers?|ouvrieres?|compagnons?|"
    r"personnes|gars|filles?|vendeuses?|vendeurs?|collaborateurs?|collaboratrices?|cdi|cdd|"
    r"alternants?|alternantes?|stagiaires?|personnels?|salarie|coiffeuses?|mecanos?|mecaniciens?|"
    r"boulangers?|patissiers?|commis|aides?)"
)
_NONE = re.compile(
    r"^(?:non|nan|nn|nope|niet|0|zero|aucun|aucune|personne|rien|pas de \w+|pas d \w+|pas un|pas une|"
    r"que moi|juste moi|moi seul(?:e)?|seul|seule|tout seul|toute seule)\b"
    r"|\b(?:aucun salarie|aucun employe|pas de salaries?|pas d employes?|pas de personnel|je suis seul(?:e)?|"
    r"je bosse seul(?:e)?|je travaille seul(?:e)?|tout seul|toute seule|seul(?:e)? dans (?:ma|mon|l)|"
    r"que moi|juste moi|moi uniquement|uniquement moi|seulement moi|personne d autre|non personne|"
    r"j en ai (?:pas|plus|aucun)|je n en ai (?:pas|plus|aucun)|j ai (?:pas|plus|aucun) de (?:salarie|employe|"
    r"personnel)|je n ai (?:pas|plus|aucun) de (?:salarie|employe|personnel)|plus de salaries?|plus personne|"
    r"sans salaries?|sans employes?|0 salaries?|zero salaries?)\b"
)
# Employees spoken of in the past: none now ("je les ai licenciés"), but some recently.
_PAST_NONE_NOW = re.compile(
    r"\b(?:j avais|on etait|il y avait|licencie|licencies|licenciee|licenciees|"
    r"plus de salaries?|plus personne|j en ai plus|je n en ai plus|n ai plus de)\b"
)
_PAST_SOME = re.compile(r"\b(?:parti|partis|partie|parties|demission|rupture conventionnelle|fin de contrat)\b")
_STILL = re.compile(r"\b(?:encore|toujours|reste|restent|il m en reste|garde|garder)\b")
_YES = re.compile(r"^(?:oui|ouais|ouai|yes|yep|oui oui|bien sur|affirmatif|evidemment|si)\b")
_NUMBER = r"(\d{1,4}|" + "|".join(_NUMBER_WORDS) + r")"
_COUNT_NEAR_WORKER = re.compile(r"\b" + _NUMBER + r"\s+(?:\w+\s+)?" + _WORKER + r"\b")
_WE_ARE = re.compile(
    r"\b(?:on est|on n est|nous sommes|nous sommes a|on est a|on bosse a|on travaille a|"
    r"on est une equipe de|equipe de)\s+" + _NUMBER + r"\b"
)
_REMAINING = re.compile(r"\b(?:reste|restent|il m en reste|garde|j ai garde|encore)\s+" + _NUMBER + r"\b")
_BARE_COUNT = re.compile(r"^(?:(?:oui|si|ouais)\s+)?" + _NUMBER + r"\b")
_ONE_WORKER = re.compile(r"\b(?:mon|ma|l) " + _WORKER + r"\b")
_ANY_WORKER = re.compile(r"\b" + _WORKER + r"\b")
_WITH_ME = re.compile(r"\b(?:avec moi|moi compris|en me comptant|en comptant moi|y compris moi|dont moi)\b")


def _number(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBER_WORDS[token]


def _count(text: str) -> int | None:
    remaining = _REMAINING.search(text)
    if remaining:
        return _number(remaining.group(1))
    we_are = _WE_ARE.search(text)
    if we_are:
        # "on est 3 avec l'apprenti": the artisan counts themself.
        return max(_number(we_are.group(1)) - 1, 0)
    near = [_number(match.group(1)) for match in _COUNT_NEAR_WORKER.finditer(text)]
    if near:
        return max(sum(near) - (1 if _WITH_ME.search(text) else 0), 0)
    bare = _BARE_COUNT.match(text)
    if bare:
        return _number(bare.group(1))
    # "seul avec mon apprenti", "ma vendeuse": one, named with a singular possessive.
    return 1 if _ONE_WORKER.search(text) else None


def read_employees(answer: object) -> tuple[str | None, int | None, bool | None]:
    """(yes/no/None, count or None, employees in the past: True or None) from the artisan's words."""
    text = _text(answer)
    if not text or text in _SKIPPED:
        return None, None, None
    past_none_now = bool(_PAST_NONE_NOW.search(text)) and not _STILL.search(text)
    past = True if (past_none_now or _PAST_SOME.search(text)) else None
    if past_none_now:
        # "j'avais 2 salariés mais je les ai licenciés": none now, some in the past.
        return "no", 0, True
    count = _count(text)
    if count is not None and count > 0:
        return "yes", count, past
    if count == 0 or _NONE.search(text):
        return "no", 0, past
    if _YES.match(text) or _ANY_WORKER.search(text):
        # "oui", "ma femme est salariée", "des ouvriers": yes, how many unknown.
        return "yes", None, past
    return None, None, None


# --- Place ------------------------------------------------------------------------------------------

_CODE_IN_TEXT = re.compile(r"\b(\d{5}|2[ab]|97[1-8]|98[6-8]|\d{1,2})\b", re.IGNORECASE)


def read_departement(answer: object) -> str | None:
    """A département code from "59", "59000", "dans le 62", "2A", "Pas-de-Calais" or a town, through `places`.

    A written code wins ("Arras 59000" -> 59: the artisan wrote the number); a name shared by communes of
    several départements stays unknown.
    """
    raw = str(answer or "").strip()
    if not raw or _text(raw) in _SKIPPED:
        return None
    for match in _CODE_IN_TEXT.finditer(raw):
        code = departement_code(match.group(1))
        if code is not None:
            return code
    code = departement_code(raw)
    if code is not None:
        return code
    found = find_in_text(raw)
    return found.departement if found.found else None


# --- Profile ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    legal_form: str | None = None
    majority_manager: bool | None = None
    employees: str | None = None
    employee_count: int | None = None
    had_employees: bool | None = None
    departement: str | None = None
    answers: Mapping[str, str] = field(default_factory=dict, compare=False)

    @classmethod
    def from_situation(cls, situation: Mapping[str, str | None] | None) -> Profile:
        """Read the situation answers (slot name -> the artisan's words); anything missing stays unknown."""
        situation = situation or {}
        legal_form, majority = read_legal_form(situation.get("legal_form"))
        employees, count, past = read_employees(situation.get("employees"))
        return cls(
            legal_form=legal_form,
            majority_manager=majority,
            employees=employees,
            employee_count=count,
            had_employees=past,
            departement=read_departement(situation.get("departement")),
            answers={key: str(value) for key, value in situation.items() if value is not None},
        )

    @property
    def natural_person(self) -> bool | None:
        """True for an individual entrepreneur (micro or EI), False for a company, None if unknown."""
        if self.legal_form in ("micro", "ei"):
            return True
        if self.legal_form in ("eurl_sarl", "sas_sasu", "societe"):
            return False
        return None

    @property
    def social_status(self) -> str | None:
        """ "independant" (social action of the independents applies), "assimile_salarie", or None."""
        if self.legal_form in ("micro", "ei"):
            return "independant"
        if self.legal_form == "eurl_sarl":
            return "assimile_salarie" if self.majority_manager is False else "independant"
        if self.legal_form == "sas_sasu":
            return "assimile_salarie"
        return None
