"""Reading a place: a département code, a postcode, a département or a commune, written every way."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from french import MONTHS_FOLDED, WEEKDAYS
from places.data import Commune, departements, tables
from places.text import normalise, strip_accents

FOUND, AMBIGUOUS, NOT_FOUND = "found", "ambiguous", "not_found"

# A commune wins over its namesakes only when it is overwhelmingly larger: at least DOMINANCE times the
# population of all the others together. Valence (26, 64 458 inhabitants) against Valence (82) and (16)
# (5 481 together, 11.8x) is found; Saint-Pierre (974, 85 038) against eight namesakes (10 958, 7.8x) and
# Saint-Denis (93) against Saint-Denis (974) are asked. A wrong département sends the case to the wrong
# chamber, while asking costs one click: so the bar is high.
DOMINANCE = 10

# Words around a place in an answer ("dans le 62", "près d'Arras", "je suis à Lens"): never a place themselves.
_FILLERS = frozenset(
    [
        "a",
        "au",
        "aux",
        "en",
        "dans",
        "le",
        "la",
        "les",
        "l",
        "de",
        "du",
        "des",
        "d",
        "pres",
        "vers",
        "sur",
        "cote",
        "proche",
        "region",
        "secteur",
        "ville",
        "commune",
        "departement",
        "dept",
        "dpt",
        "je",
        "j",
        "suis",
        "on",
        "est",
        "c",
        "nous",
        "sommes",
        "habite",
        "habitons",
        "situe",
        "situee",
        "situes",
        "bases",
        "base",
        "basee",
        "installe",
        "installee",
        "mon",
        "ma",
        "mes",
        "notre",
        "nos",
        "entreprise",
        "societe",
        "garage",
        "atelier",
        "boutique",
        "magasin",
        "ici",
        "chez",
        "moi",
        "environs",
        "alentours",
        "agglomeration",
        "agglo",
        "metropole",
        "pas",
        "loin",
        "et",
        "ou",
        "centre",
        "centreville",
        "sud",
        "est",
        "ouest",
        "coin",
        "sa",
        "son",
        "leur",
        "dit",
        "disons",
        "plutot",
        "enfin",
        "bah",
        "ben",
        "euh",
        "bon",
        "alors",
        "oui",
        "voila",
        "c",
        "est",
    ]
)

# Ordinary words that are also communes ("Sens", "Eu", "Vue", "Y"...): a free sentence needs a capital
# letter to read them as places; an answer to the place question reads them only when nothing else is there.
_ORDINARY = frozenset(
    [
        "y",
        "eu",
        "vue",
        "sens",
        "bar",
        "pont",
        "mars",
        "mai",
        "juin",
        "plus",
        "moins",
        "bon",
        "beau",
        "bien",
        "vie",
        "ville",
        "port",
        "mont",
        "val",
        "bois",
        "tour",
        "mur",
        "ans",
        "an",
        "fait",
        "fois",
        "pas",
        "mais",
        "ou",
        "ni",
        "car",
        "or",
        "donc",
        "lors",
        "saint",
        "sainte",
        "rue",
        "lac",
        "pin",
        "lys",
        "gare",
        "cours",
        "passage",
    ]
)

_ARTICLE = (["le"], ["la"], ["les"], ["l"], ["un"], ["une"], ["des"], ["du"])
_MONTHS = frozenset(MONTHS_FOLDED)
# What follows a number that is not a département: "62 ans", "59 euros", "le 12 mars", "du 15 au 20".
_NOT_AFTER_CODE = _MONTHS | frozenset(
    [
        "ans",
        "an",
        "euros",
        "euro",
        "eur",
        "e",
        "k",
        "ke",
        "keur",
        "mille",
        "million",
        "millions",
        "milliers",
        "pourcent",
        "pour",
        "h",
        "heure",
        "heures",
        "min",
        "minutes",
        "jours",
        "jour",
        "mois",
        "semaines",
        "semaine",
        "fois",
        "salaries",
        "salarie",
        "employes",
        "employe",
        "personnes",
        "clients",
        "m",
        "m2",
        "km",
        "kg",
        "l",
        "au",
        "a",
        "x",
        "ou",
        "et",
        "fr",
    ]
)

# A département code as an API accepts it ("59", "9", "2a", "974"), for schemas that must say so up front.
# 977, 978, 986-988: the overseas collectivities (places.data.OVERSEAS_COLLECTIVITIES, round 20).
DEPARTEMENT_CODE_PATTERN = r"^(?:0?[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5]|2[ABab]|97[1-8]|98[6-8])$"
_CODE = re.compile(r"^(?:0?[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5]|2 ?[ab]|97[1-8]|98[6-8])$")
_POSTCODE = re.compile(r"^\d{5}$")


@dataclass(frozen=True)
class Resolution:
    status: str  # FOUND, AMBIGUOUS or NOT_FOUND
    departement: str | None = None  # code, when found
    departement_name: str | None = None
    commune: Commune | None = None  # when a commune was named (found)
    candidates: tuple[Commune, ...] = ()  # ambiguous communes, most populous first
    departement_options: tuple[str, ...] = ()  # ambiguous between départements ("20": 2A or 2B)
    # The place is said as near the commune ("à côté de Nevers", "vers Mâcon"), not in it (round 14, r14b-03: "à côté
    # de Nevers" was noted "Commune : Nevers"); or between two towns ("entre Cosne et La Charité"), then no commune.
    near: bool = False
    between: tuple[Commune, ...] = ()

    @property
    def found(self) -> bool:
        return self.status == FOUND

    @property
    def ambiguous(self) -> bool:
        return self.status == AMBIGUOUS

    @property
    def label(self) -> str | None:
        """ "Arras (62)", "Nord (59)": the place as shown to an advisor or the artisan."""
        if not self.found:
            return None
        said = self.said
        if said is not None:
            return f"{said} ({self.departement})"
        return f"{self.departement_name} ({self.departement})"

    @property
    def said(self) -> str | None:
        """The commune as the artisan placed the business: "Nevers", "près de Nevers", "entre Cosne-Cours-sur-Loire et
        La Charité-sur-Loire"; None when only a département was named. What the advisor reads as the commune."""
        if self.between:
            return "entre " + " et ".join(commune.name for commune in self.between)
        if self.commune is None:
            return None
        return near_words(self.commune.name) if self.near else self.commune.name


NOTHING = Resolution(NOT_FOUND)

_VOWELS = "aeiouyâàäéèêëîïôöûùüAEIOUYÂÀÄÉÈÊËÎÏÔÖÛÙÜ"


def near_words(name: str) -> str:
    """ "près de Nevers", "près d'Autun", "près du Creusot", "près des Sables-d'Olonne": a town said as the one nearby."""
    if name.startswith("Le "):
        return f"près du {name[3:]}"
    if name.startswith("Les "):
        return f"près des {name[4:]}"
    if name[:1] in _VOWELS:
        return f"près d'{name}"
    return f"près de {name}"


def _near(resolution: Resolution) -> Resolution:
    """The resolution of a town said as the one nearby: its département, the town kept as the one it is near."""
    return replace(resolution, near=True) if resolution.found and resolution.commune is not None else resolution


def _departement(code: str, commune: Commune | None = None) -> Resolution:
    return Resolution(FOUND, code, departements()[code], commune)


def _code(token: str) -> str | None:
    """ "59" -> "59", "9" -> "09", "2a" / "2 b" -> "2A" / "2B", "974" -> "974"; None otherwise."""
    token = token.strip().lower()
    if not _CODE.match(token):
        return None
    token = token.replace(" ", "").upper()
    return "0" + token if len(token) == 1 else token


def postcode_departement(postcode: str) -> str | None:
    """The département of a postcode: from the communes that use it (Corsica's 20xxx are split by commune,
    not by number), else by its leading digits."""
    communes = tables().by_postcode.get(postcode)
    if communes:
        return max(communes, key=lambda c: c.population).departement
    if postcode.startswith(("97", "98")):  # "98800" Nouméa; "98000" is Monaco, no place here
        return postcode[:3] if postcode[:3] in departements() else None
    if postcode.startswith("20"):
        return "2A" if postcode[2] in "01" else "2B"
    return postcode[:2] if postcode[:2] in departements() else None


def _compact_numbers(words: list[str]) -> list[str]:
    """ "59 000" -> "59000", "2 a" -> "2a": how people space postcodes and Corsican codes."""
    out: list[str] = []
    for index, word in enumerate(words):
        if (out and re.fullmatch(r"\d{2}", out[-1]) and re.fullmatch(r"\d{3}", word)) or (
            out and out[-1] == "2" and (word == "b" or (word == "a" and _corsican_a(words[index + 1 :])))
        ):
            out[-1] += word
        else:
            out.append(word)
    return out


# "dans le 9 3", "du 7 5", "9 3": a département code said as it is spoken ("le neuf-trois"), one digit, a space, one
# digit, after "le" or "du" or as the whole answer, and no third digit (round 17, r17a-07: read as 09). Never "9/3", a date.
# Round 24 (r24a-04: "celle du 9-3" at the Saint-Denis choice, dropped, the case went with no place): "le 9-3" too.
# Round 25 (s25b-02: "boulanger dans le 9-3, la banque…" left the place unread): a comma or a stop after it ends the
# clause; only a decimal ("9 3,5") goes on with a digit.
_CODE_DIGIT_BY_DIGIT = re.compile(r"(?i)(^\s*|\b(?:le|du|celle du|celui du)\s+)([1-9])[ -](\d)(?![\d/:h-]| \d|[.,]\d)")


def code_said_whole(text: str) -> str:
    """The words with a code said digit by digit written whole: "dans le 9 3" -> "dans le 93"."""
    return _CODE_DIGIT_BY_DIGIT.sub(lambda said: f"{said.group(1)}{said.group(2)}{said.group(3)}", text)


# Words that may follow Corse-du-Sud's code spaced "2 a" ("dans le 2 a depuis 2010", "2 a, corse du sud").
_AFTER_CORSICAN_A = frozenset({"corse", "sud", "depuis", "mais", "et", "ou", "svp", "merci", "voila"})


def _corsican_a(rest: list[str]) -> bool:
    """After "2 a", what makes it Corse-du-Sud's code and not "à" (round 15: "je suis à 2 a 3 mois de la fermeture" was
    noted 2A): the end of the answer, a postcode, a Corsican place ("2 a Ajaccio"), or a word of _AFTER_CORSICAN_A;
    never a number ("2 à 3 mois", a range), another place ("on est 2 à La Rochelle") nor another word ("2 à payer")."""
    if not rest:
        return True
    if _POSTCODE.match(rest[0]) or rest[0] in _AFTER_CORSICAN_A:
        return True
    corsica = ("2A", "2B")
    return any(
        m.start == 0 and (m.departement in corsica or any(c.departement in corsica for c in m.communes))
        for m in _matches(rest[: tables().longest_name])
    )


def _with_articles(words: list[str]) -> list[str]:
    """ "au havre" -> "le havre", "aux mureaux" -> "les mureaux": the article hidden in au/aux; "près du Creusot" ->
    "près le creusot", "du côté des Andelys" -> "côté les andelys" when a town bears the article (see _contracted)."""
    articled = ["le" if w == "au" else "les" if w == "aux" else w for w in words]
    for index, word in enumerate(words):
        if word in _CONTRACTED and _contracted(words, index):
            articled[index] = _CONTRACTED[word]
    return articled


# "du" is "de le", "des" is "de les": "près du Creusot", "pas loin du Mans", "du côté des Andelys" (round 15: not found
# while "près de Mâcon" was).
_CONTRACTED = {"du": "le", "des": "les"}


def _contracted(words: list[str], index: int) -> bool:
    """The "du"/"des" at ``index`` holds the article of a town's name ("du Havre": Le Havre). Never before a
    département ("du Nord", "des Landes" stay cues), nor before a town whose name is an ordinary word, unless a city
    ("près du port" is no Le Port, "près du Havre" is Le Havre)."""
    data = tables()
    article = _CONTRACTED[words[index]]
    rest = words[index + 1 : index + data.longest_name]
    for length in range(len(rest), 0, -1):
        said = " ".join(rest[:length])
        communes = data.communes.get(f"{article} {said}", ())
        if not communes:
            continue
        if said in data.departement_keys or f"{article} {said}" in data.departement_keys:
            return False
        return any(not c.common_word or c.population >= CITY_POPULATION for c in communes if c.kind == "c")
    return False


def departement_code(text: str | None) -> str | None:
    """The one normaliser of a département: "59", "9", "2a", "2 B", "974", "59000", "59 000",
    "Pas-de-Calais", "le Nord", "Arras" -> its code; None when it is not certainly one département."""
    if text is None:
        return None
    words = _compact_numbers(normalise(str(text)).split())
    if len(words) == 1:
        code = _code(words[0])
        if code:
            return code
        if _POSTCODE.match(words[0]):
            return postcode_departement(words[0])
    resolution = resolve(str(text))
    return resolution.departement if resolution.found else None


# ------------------------------------------------------------------------------------------------ names


@dataclass
class _Match:
    start: int
    length: int
    key: str
    departement: str | None = None  # the span names a département
    communes: tuple[Commune, ...] = field(default_factory=tuple)


def _matches(words: list[str], free_text: bool = False) -> list[_Match]:
    """Every span of words that names a département or a commune, longest first where they overlap."""
    data = tables()
    found: list[_Match] = []
    for start in range(len(words)):
        for length in range(min(data.longest_name, len(words) - start), 0, -1):
            key = " ".join(words[start : start + length])
            departement = data.departement_keys.get(key)
            communes = data.communes.get(key, ())
            if departement is None and not communes:
                continue
            if length == 1 and key in _FILLERS:
                continue
            if _small_commune_named_after_a_departement(words, start, length, departement, communes):
                continue  # "la Creuse": the département, not La Creuse (Haute-Saône, 73 inhabitants)
            found.append(_Match(start, length, key, departement, communes))
            if departement is not None:
                town = _town_around_departement(words, start, length)
                if town is not None:
                    found.append(town)
    # Drop spans inside a longer one: "calais" inside "pas de calais", "saint denis" in "seine saint denis".
    kept: list[_Match] = []
    for match in sorted(found, key=lambda m: -m.length):
        end = match.start + match.length
        if any(k.start <= match.start and end <= k.start + k.length for k in kept):
            continue
        kept.append(match)
    return sorted(kept, key=lambda m: m.start)


@lru_cache(maxsize=1)
def _longer_keys() -> dict[str, tuple[str, ...]]:
    """The commune names of two words or more, by their first word."""
    index: dict[str, list[str]] = {}
    for key in tables().communes:
        if " " in key:
            index.setdefault(key.split()[0], []).append(key)
    return {first: tuple(keys) for first, keys in index.items()}


@lru_cache(maxsize=1)
def _official_keys() -> frozenset[str]:
    """The names communes bear (not the short names people use for them)."""
    return frozenset(normalise(c.name) for found in tables().communes.values() for c in found)


def _town_around_departement(words: list[str], start: int, length: int) -> _Match | None:
    """A département's name said as the end of a town's name the tables do not hold as such: "Cosne sur Loire" is
    Cosne-Cours-sur-Loire (58), never the Loire (42) (round 14, r14a-07, -30, -31); "Cosne/Loire" too. The town is
    a commune whose name starts with the words said before and ends with the joining word and the département's."""
    join = start >= 1 and words[start - 1] in _NAME_JOINS
    end = start - 1 if join else start
    tail = " ".join(words[start - 1 if join else start : start + length])
    for begin in range(max(0, end - 3), end):
        prefix = words[begin:end]
        if prefix[0] in _FILLERS or prefix[0].isdigit():
            continue
        said = " ".join(prefix)
        if not join and said in _official_keys():
            continue  # "Saint-Étienne, Loire": a town and its département, not a longer name
        keys = [
            key
            for key in _longer_keys().get(prefix[0], ())
            if key.startswith(said + " ") and key.endswith(" " + tail) and len(key) > len(said) + len(tail) + 1
        ]
        communes = tuple(c for key in keys for c in tables().communes[key])
        if communes:
            ordered = tuple(sorted(communes, key=lambda c: (c.kind != "c", -c.population, c.insee)))
            return _Match(begin, start + length - begin, " ".join(words[begin : start + length]), None, ordered)
    return None


# A commune named "La <département>" ("La Creuse", "La Marne") is read as the département said with its article,
# unless the commune is a town of its own.
SMALL_COMMUNE = 20_000


def _small_commune_named_after_a_departement(
    words: list[str], start: int, length: int, departement: str | None, communes: tuple[Commune, ...]
) -> bool:
    if departement is not None or not communes or length < 2 or [words[start]] not in _ARTICLE:
        return False
    rest = " ".join(words[start + 1 : start + length])
    return rest in tables().departement_keys and max(c.population for c in communes) < SMALL_COMMUNE


def _ordinary_small(communes: tuple[Commune, ...]) -> bool:
    """A small commune named like an ordinary word ("Mer", "Vue"): read only when nothing else is said."""
    return all(c.common_word for c in communes) and max(c.population for c in communes) < 10000


def _former(communes: tuple[Commune, ...]) -> bool:
    """Only merged or delegated communes, without a population of their own ("Les Marches", Savoie): in a free
    sentence their name is far likelier a word ("sur les marchés", round 7: a cheese seller in Ajaccio was noted
    in Savoie)."""
    return all(c.kind != "c" or c.population == 0 for c in communes)


def _choose(
    candidates: tuple[Commune, ...], departement_hints: set[str], key: str | None = None, ask: bool = False
) -> Resolution:
    """Found, ambiguous or nothing among communes of one name (see DOMINANCE). ``key``: the name said, normalised;
    ``ask``: never pick by population alone (the name was said with words that may point elsewhere)."""
    current = tuple(c for c in candidates if c.kind == "c") or candidates
    if departement_hints:
        current = tuple(c for c in current if c.departement in departement_hints) or current
    if not current:
        return NOTHING
    if len({c.departement for c in current}) == 1:
        return _departement(current[0].departement, current[0])
    top, others = current[0], current[1:]
    # "Clermont": Clermont-Ferrand is the likeliest, but villages bear the very name said; a town known by a short
    # name never wins by its population over a commune that bears the name itself (data._add_short_names).
    shortened = key is not None and normalise(top.name) != key and any(normalise(c.name) == key for c in others)
    # Saint-Martin (978) and Saint-Barthélemy (977), collectivities named like villages in France: asked, never picked.
    overseas = top.departement in ("977", "978")
    if (
        not ask
        and not shortened
        and not overseas
        and top.population >= DOMINANCE * max(1, sum(c.population for c in others))
    ):
        return _departement(top.departement, top)
    return Resolution(AMBIGUOUS, candidates=current)


@lru_cache(maxsize=1)
def _fuzzy_pool() -> dict[str, list[tuple[str, str | None, int]]]:
    """Names worth a typo correction, by first letter: départements and towns of 20,000 inhabitants or more
    (about 480). Smaller communes are too many and too close to ordinary words ("village" is one letter
    from Villabé): a typo on them is asked again rather than guessed."""
    data = tables()
    pool: dict[str, list[tuple[str, str | None, int]]] = {}
    for key, code in data.departement_keys.items():
        pool.setdefault(key[0], []).append((key, code, 0))
    for key, communes in data.communes.items():
        if communes[0].population >= 20000 and key not in data.departement_keys:
            pool.setdefault(key[0], []).append((key, None, communes[0].population))
    return pool


def _distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (adjacent swaps) distance, or limit + 1 once it is certainly above limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _typo_limit(key: str) -> int:
    # Short names are too close to each other (and to ordinary words) to be corrected safely.
    # ("autre" is one letter from Aytré): six letters at least.
    return 0 if len(key) < 6 else 1 if len(key) < 9 else 2


def _fuzzy(words: list[str]) -> list[str]:
    """Keys within a typo of a span of the answer; only the closest, and only when unambiguous."""
    best: dict[str, int] = {}
    for start in range(len(words)):
        for length in range(1, min(4, len(words) - start) + 1):
            span = words[start : start + length]
            if all(w in _FILLERS or w.isdigit() for w in span):
                continue
            text = " ".join(span)
            limit = _typo_limit(text)
            if not limit:
                continue
            for key, _code, _population in _fuzzy_pool().get(text[0], ()):
                distance = _distance(text, key, limit)
                if distance <= limit and distance < best.get(key, limit + 1):
                    best[key] = distance
    if not best:
        return []
    closest = min(best.values())
    return [key for key, distance in best.items() if distance == closest]


# Round 21 (r21z-01, r21z-24: "non c'est pas 5000 c'est 15000 que je dois", "non pardon c'est 14000 pas 4000" became
# the Cantal and the Calvados): a number said as a sum is never a postcode nor a code. A sum is owed ("je dois 15000",
# "15000 que je dois", "18000 le client") or put right against another sum that is no place ("pas 5000 c'est 15000").
_OWED_BEFORE = frozenset({"dois", "doit", "devons", "devez", "doivent", "devais", "devait", "reclame", "reclament"})
_OWED_AFTER = frozenset(
    {
        "dois",
        "doit",
        "devons",
        "devez",
        "doivent",
        "devais",
        "devait",
        "client",
        "clients",
        "cliente",
        "facture",
        "dette",
        "dettes",
        "reclame",
        "reclament",
    }
)


def _place_like(word: str) -> bool:
    return bool(_POSTCODE.match(word) or _code(word))


# Round 24 (r24a-01, r24a-15: "c'est 16000 pas 14000, j'avais oublié les majorations" stored the Charente for a case in
# Rezé, "c'est 13000 qu'il me doit, pas 12000" noted the Bouches-du-Rhône): a unit of money after the number, the debt
# said a few words on ("13000 qu'il me doit"), or money talked of in the message when two numbers are put right.
_MONEY_UNITS = frozenset({"euros", "euro", "eur", "e", "k", "ke", "keuros", "balles", "boules", "ttc", "ht"})
_MONEY_WORDS = frozenset(
    {
        *_OWED_BEFORE,
        "euros",
        "euro",
        "balles",
        "majoration",
        "majorations",
        "penalites",
        "penalite",
        "interets",
        "montant",
        "somme",
        "dette",
        "dettes",
        "facture",
        "factures",
        "creance",
        "impaye",
        "impayes",
        "payer",
        "paye",
        "rembourser",
        "urssaf",
        "impots",
        "tresor",
        "loyer",
        "loyers",
    }
)
_OWED_SOON_AFTER = 5  # "13000 qu'il me doit": qu, il, me, doit


def said_as_amount(words: list[str], index: int) -> bool:
    """Whether the number at ``index`` of the normalised words is said as a sum, not as a place."""
    if not words[index].isdigit():
        return False
    if _OWED_BEFORE & set(words[max(0, index - 2) : index]):
        return True  # "je dois 15000", "le client me doit 14000"
    if _OWED_AFTER & set(words[index + 1 : index + 4]):
        return True  # "15000 que je dois", "18000 le client"
    if words[index + 1 : index + 2] and words[index + 1] in _MONEY_UNITS:
        return True  # "16000 euros", "13000 balles"
    following = words[index + 1 : index + _OWED_SOON_AFTER]
    if following[:1] in (["qu"], ["que"]) and _OWED_BEFORE & set(following):
        return True  # "13000 qu'il me doit", "16000 que je devais"
    numbers = [
        i
        for i, word in enumerate(words)
        if word.isdigit() and i != index and not counted_after(words[i + 1] if i + 1 < len(words) else "")
    ]
    # "pas 5000 c'est 15000", "14000 pas 4000": two numbers, one said wrong, the pair no two places.
    corrected = any(
        "pas" in (words[i - 1 : i] + words[index - 1 : index]) or words[min(i, index) + 1 : max(i, index)] == ["pas"]
        for i in numbers
    )
    # Two postcodes put right are an amount when money is talked of ("16000 pas 14000, j'avais oublié les majorations").
    return corrected and (not all(_place_like(words[i]) for i in [*numbers, index]) or bool(_MONEY_WORDS & set(words)))


# A number followed by a unit of money in the raw words ("16000€", "16 000 €", "16k", "13 k€").
_MONEY_AFTER = re.compile(r"^\s*(?:€|k€|k\b|ke\b|keur|euros?\b|eur\b|balles\b)", re.IGNORECASE)


def number_said_as_money(text: str | None, number: str) -> bool:
    """Whether ``number`` (digits, a postcode or a code) is said as a sum in ``text``, not as a place: "c'est 16000 pas
    14000, j'avais oublié les majorations", "13000 qu'il me doit", "16000 €" (round 24, r24a-01, r24a-15)."""
    if not text or not number.isdigit():
        return False
    for found in re.finditer(r"(?<!\d)" + r"\s?".join(re.escape(d) for d in number) + r"(?!\d)", text):
        if len(number) >= 4 and _MONEY_AFTER.match(text[found.end() :]):
            return True
    words = _compact_numbers(normalise(text).split())
    return any(said_as_amount(words, index) for index, word in enumerate(words) if word == number)


MAX_WORDS_FOR_TYPOS = 3
_BEFORE_LONE_DIGIT = frozenset({"le", "du", "dans", "departement", "dept", "dpt", "l", "en"})


def _number_hints(words: list[str], breaks: frozenset[int] = frozenset()) -> tuple[set[str], set[str]]:
    """Départements named by code or postcode in an answer, and the postcodes themselves. ``breaks``: the indices of
    the words a comma or a full stop follows ("71, Louhans": the town is no thing the 71 counts)."""
    codes: set[str] = set()
    postcodes: set[str] = set()
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) and index not in breaks else ""
        if following in ("a", "au", "aux") and any(
            m.start == 0 for m in _matches(words[index + 2 : index + 2 + tables().longest_name])
        ):
            following = ""  # "dans le 71 a Montceau": "à" the town, not "de 15 à 20"
        if following in _NOT_AFTER_CODE or (following and not _POSTCODE.match(word) and counted_after(following)):
            continue  # "62 ans", "2 vendeuses": what a number counts
        if _range_bound(words, index, breaks):
            continue  # "10 à 15", "15-20 mois": a range's bound (round 15)
        if said_as_amount(words, index):
            continue  # "pas 5000 c'est 15000", "je dois 15000": a sum (round 21)
        if _POSTCODE.match(word):
            code = postcode_departement(word)
            if code:
                codes.add(code)
                postcodes.add(word)
        elif code := _code(word):
            # A lone digit is a code only when it is the whole answer or follows "le", "du", "dans"...:
            # "9" or "dans le 9", not the "1" of "alert(1)" or of "urgent 1".
            if len(word) == 1 and len(words) > 1 and (index == 0 or words[index - 1] not in _BEFORE_LONE_DIGIT):
                continue
            codes.add(code)
    if len(codes) > 2:
        return set(), set()  # "06 12 34 56 78" is a phone number, not five départements
    return codes, postcodes


def _range_bound(words: list[str], index: int, breaks: frozenset[int]) -> bool:
    """The number at ``index`` bounds a range: the upper one after "à" and a number ("10 à 15", "2 à 3" once "2 a" is
    no Corsican code), either one of "du 15 au 22" (the words come with "au" read "le"), or the lower one before a
    number that counts ("15-20 mois", "15 20 jours")."""
    if index >= 2 and words[index - 1] == "a" and words[index - 2].isdigit() and not {index - 2, index - 1} & breaks:
        return True
    span = words[index - 3 : index + 1] if index >= 3 else []
    if len(span) == 4 and span[0] == "du" and span[1].isdigit() and span[2] == "le":
        return True  # "du 15 au 22": the 22
    span = words[index - 1 : index + 3] if index >= 1 else []
    if len(span) == 4 and span[0] == "du" and span[2] == "le" and span[3].isdigit():
        return True  # "du 15 au 22": the 15
    return (
        index + 2 < len(words)
        and words[index + 1].isdigit()
        and not {index, index + 1} & breaks
        and not _POSTCODE.match(words[index + 1])
        and counted_after(words[index + 2])
    )


# ------------------------------------------------------------------------------------------- negation

# "pas le Nord", "ni Lille ni Lens", "je ne suis plus dans le 59": a place said to be wrong, never read.
# "non" is left out: "non, le 62" corrects, it does not negate.
_NEGATIONS = frozenset({"pas", "ni", "jamais", "plus"})
# What may stand between a negation and the place it negates ("pas dans le Nord", "pas à Lille").
_BETWEEN = frozenset(
    [
        "a",
        "au",
        "aux",
        "en",
        "dans",
        "le",
        "la",
        "les",
        "l",
        "de",
        "du",
        "des",
        "d",
        "sur",
        "vers",
        "departement",
        "dept",
        "dpt",
        "ville",
        "commune",
        "region",
        "secteur",
    ]
)
# "je sais pas, dans le 59": the "pas" of an answer's preamble negates nothing after it.
_NOT_A_NEGATION_AFTER = frozenset({"sais", "sait", "sai", "chais", "chai", "crois", "pense"})
# Word tokens and the punctuation that ends a negation's reach (an apostrophe or a hyphen does not).
_TOKEN = re.compile(r"[^\W_]+|[,.;:!?()\[\]/\n]")


# After a negation a number is a place unless a unit follows ("pas 62 ans"); "l" ("le 62 l'atelier"), "a",
# "et" are words there, not units: leaving a place in costs more than blanking one.
_NOT_A_NEGATED_CODE_BEFORE = _NOT_AFTER_CODE - {"l", "a", "au", "x", "ou", "et", "m", "e"}


def _negated_spans(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """The character spans of the places the text negates, each with the départements it names."""
    tokens: list[tuple[str | None, int, int]] = []  # (normalised word or None for a break, start, end)
    for match in _TOKEN.finditer(text):
        raw = match.group(0)
        if raw[0].isalnum():
            word = normalise(raw)
            tokens.append((word.split()[0] if word else raw.lower(), match.start(), match.end()))
        else:
            tokens.append((None, match.start(), match.end()))
    data = tables()
    spans = []
    for index, (negation, start, _end) in enumerate(tokens):
        if negation not in _NEGATIONS:
            continue
        before = [t[0] for t in tokens[max(0, index - 3) : index]]
        if negation == "pas" and before and before[-1] in _NOT_A_NEGATION_AFTER:
            continue
        if negation == "plus" and not {"n", "ne"} & set(before):
            continue  # "plus" negates only with "ne" ("je ne suis plus dans le 59"), not "plus au nord"
        # Up to the next break, as words: the place, if any, comes after words of _BETWEEN only.
        window: list[tuple[str, int]] = []
        for following, _start, end in tokens[index:]:
            if following is None or len(window) > data.longest_name + 4:
                break
            window.append((following, end))
        words = _with_articles(_compact_numbers([w for w, _ in window]))
        if len(words) != len(window):
            continue  # a postcode written in two parts: rare after a negation, left alone
        if any(m.start == 0 and m.length > 1 for m in _matches(words)):
            continue  # "Pas-de-Calais" is the negation's own word
        position = 1
        while position < len(words) and words[position] in _BETWEEN and position <= 4:
            position += 1
        if position >= len(words):
            continue
        codes: tuple[str, ...] = ()
        length = 0
        code = _code(words[position])
        if code and (position + 1 == len(words) or words[position + 1] not in _NOT_A_NEGATED_CODE_BEFORE):
            codes, length = (code,), 1
        elif _POSTCODE.match(words[position]):
            found = postcode_departement(words[position])
            codes, length = ((found,) if found else ()), 1
        else:
            # "pas au Havre": "au" became "le", the name may start at the article; the longest name wins
            # ("pas dans le Pas-de-Calais" is the département, not the commune Le Pas).
            candidates = [
                m
                for m in _matches(words[position - 1 :])
                if m.start == 1 or (m.start == 0 and words[position - 1] in ("le", "la", "les", "l"))
            ]
            if candidates:
                best = max(candidates, key=lambda m: (m.length - (1 - m.start), m.start))
                codes = (
                    (best.departement,) if best.departement else tuple(sorted({c.departement for c in best.communes}))
                )
                length = best.length - (1 - best.start)
        if length:
            end = window[position + length - 1][1]
            spans.append((start, end, codes))
    return spans


def without_negated(text: str) -> str:
    """The text with the places it negates blanked out (same length: spans found in it hold in the text).

    "ah non c'est la Somme pas le Nord" -> "ah non c'est la Somme" and blanks.
    """
    for start, end, _codes in _negated_spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def negated_departements(text: str | None) -> set[str]:
    """The départements of the places a text negates ("pas dans le 59" -> {"59"})."""
    return {code for _start, _end, codes in _negated_spans(text or "") for code in codes}


def resolve(answer: str | None, typos: bool = True) -> Resolution:
    """Reads an answer to "Dans quel département ou quelle ville se trouve votre entreprise ?".

    A place said to be wrong ("pas le Nord", "ni Lille ni Lens") is not read; ``typos=False`` reads only
    names written out (for a place in a longer sentence, where a near miss is more often another word).
    """
    if not answer:
        return NOTHING
    answer = distance_said_as_near(code_said_whole(without_negated(answer)), limit=None)
    words = _with_articles(_compact_numbers(normalise(answer).split()))
    if not words:
        return NOTHING
    # "paris 11", "lyon 3" (round 20, r20c-14: "Aude (11) ou Paris (75) ?"): the arrondissement, never a département.
    words = [
        word
        for index, word in enumerate(words)
        if not (index and words[index - 1] in _CITIES_WITH_ARRONDISSEMENTS and re.fullmatch(r"[1-9]|1\d|20", word))
    ]
    codes, postcodes = _number_hints(words, _breaks(answer, len(words)))
    typed = codes - {postcode_departement(postcode) for postcode in postcodes}  # said as numbers: "71", "dans le 71"
    meaningful = [w for w in words if w not in _FILLERS]
    matches = _matches(words)
    if meaningful in (["20"], ["corse"]) and not matches:
        # The former code of Corsica, or the island: which of its two départements?
        return Resolution(AMBIGUOUS, departement_options=("2A", "2B"))
    departement_names = {m.departement for m in matches if m.departement}
    hints = codes | departement_names
    # A small commune named like an ordinary word is read only when it is all the answer says, and not
    # after an article: "Mer" or "près de Mer", but not "vers la mer" nor "à la campagne".
    commune_matches = [
        m
        for m in matches
        if not m.departement
        and m.communes
        and not (
            (m.key in _ORDINARY or _ordinary_small(m.communes))
            # "Bar sur Aube" is all the answer says, though "sur" is no meaningful word.
            and (
                [w for w in m.key.split() if w not in _FILLERS] != meaningful
                or words[m.start - 1 : m.start] in _ARTICLE
            )
        )
    ]
    if postcodes and not commune_matches:
        postcode = sorted(postcodes)[0]
        communes = tables().by_postcode.get(postcode, ())
        commune = max(communes, key=lambda c: c.population) if len(communes) == 1 else None
        return _departement(postcode_departement(postcode), commune)  # type: ignore[arg-type]
    if commune_matches:
        between = _between(words, commune_matches, hints)
        if between is not None:
            return between
        # "près de Lyon, à Villeurbanne" (round 12, r12a-05: noted Lyon): the town said as the place wins over the
        # one it is said to be near; then the longest name, then the last said (the more precise, or the corrected).
        best = max(commune_matches, key=lambda m: (not _near_cue(words, m.start), m.length, m.start))
        candidates = best.communes
        if postcodes:
            candidates = tuple(c for c in candidates if set(c.postcodes) & postcodes) or candidates
        if len(typed) == 1 and not any(c.departement in typed for c in candidates):
            # "71, Montceau", "dans le 58 à Marie": the number said stands, the town is checked against it (round 14,
            # r14b-01, -18: refused, or "le conseiller vous le demandera" while the 71 was kept).
            return _departement(next(iter(typed)))
        if not hints:
            candidates = _beside(candidates, best.key, _nearby_departements(words, commune_matches, best))
        resolution = _choose(candidates, hints, best.key, ask=_qualified(words, best, matches))
        return _near(resolution) if _near_cue(words, best.start) else resolution
    if len(hints) == 1:
        code = hints.pop()
        named = [m for m in matches if m.departement == code]
        same_name = [c for m in named for c in m.communes if c.departement == code and c.kind == "c"]
        return _departement(code, same_name[0] if same_name else None)
    if len(hints) > 1:
        return Resolution(AMBIGUOUS, departement_options=tuple(sorted(hints)))
    if not meaningful or any(m.communes for m in matches):
        return NOTHING  # nothing said, or only ordinary words that are also communes ("à la campagne")
    if len(meaningful) > MAX_WORDS_FOR_TYPOS or not typos:
        # A sentence is no misspelt town: its ordinary words are too often a letter from one
        # ("vous pouvez me donner la météo de demain" is not Denain). A typo is guessed only in a short answer.
        return NOTHING
    return _resolve_typo(words)


_CITIES_WITH_ARRONDISSEMENTS = frozenset({"paris", "lyon", "marseille"})


def _breaks(answer: str, count: int) -> frozenset[int]:
    """The indices of the words of ``answer`` (``count`` of them, as resolve reads them) that a comma, a semicolon or
    the end of a sentence follows; none when the parts do not add up to the words (a number written across them)."""
    ends: list[int] = []
    total = 0
    for part in re.split(r"[,;:!?()\n]+|\.(?=\s|$)", answer):
        total += len(_with_articles(_compact_numbers(normalise(part).split())))
        if total and (not ends or ends[-1] != total - 1):
            ends.append(total - 1)
    return frozenset(ends) if total == count else frozenset()


def _between(words: list[str], matches: list[_Match], hints: set[str]) -> Resolution | None:
    """ "entre Cosne et La Charité" (round 14, r14b-11: not recognised): the place between two towns is in their
    département when they share one (a town of several namesakes is the one in the other's département); no commune
    is noted but the two towns. None when the answer says no "entre" before its towns."""
    if len(matches) < 2 or "entre" not in words[: matches[0].start]:
        return None
    chosen = [_choose(m.communes, hints, m.key) for m in matches[:2]]
    certain = {r.departement for r in chosen if r.found and r.departement}
    shared = {
        code
        for code in certain or {c.departement for r in chosen for c in r.candidates}
        if all(r.departement == code or any(c.departement == code for c in r.candidates) for r in chosen)
    }
    if len(shared) != 1:
        if len(certain) == 2:
            # "entre Mâcon et Lyon": two départements, the artisan says which.
            return Resolution(AMBIGUOUS, departement_options=tuple(sorted(certain)))
        return None
    code = shared.pop()
    towns = tuple(
        r.commune if r.commune is not None else next(c for c in r.candidates if c.departement == code) for r in chosen
    )
    return replace(_departement(code), between=towns)


# What joins a commune's name to the rest of a longer name ("Valence d'Agen", "Aix en Provence", "Bourg lès Valence").
_NAME_JOINS = frozenset({"d", "de", "du", "des", "sur", "sous", "en", "les", "lez"})
_NEAR_CUES = (
    ("pres", "de"),
    ("pres", "d"),
    ("proche", "de"),
    ("proche", "d"),
    ("cote", "de"),
    ("cote", "d"),
    ("vers",),
    ("loin", "de"),
    ("loin", "d"),
    ("banlieue", "de"),
    ("banlieue", "d"),
    ("environs", "de"),
    ("environs", "d"),
    ("alentours", "de"),
    ("alentours", "d"),
    ("region", "de"),
    ("region", "d"),
    ("agglomeration", "de"),
    ("agglomeration", "d"),
)

_HIDDEN_DE_NEAR_CUES = tuple(cue[:-1] for cue in _NEAR_CUES if len(cue) > 1 and cue[-1] == "de")


def _nearby_departements(words: list[str], matches: list[_Match], said: _Match) -> set[str]:
    """The départements of the towns said as the place's neighbour ("à côté de Tours, à Montlouis" -> {"37"}), when
    each is one town for certain."""
    codes: set[str] = set()
    for match in matches:
        if match is said or not _near_cue(words, match.start):
            continue
        near = _choose(match.communes, set(), match.key)
        if near.found and near.departement:
            codes.add(near.departement)
    return codes


def _beside(candidates: tuple[Commune, ...], key: str, nearby: set[str]) -> tuple[Commune, ...]:
    """Among the communes of a name, those in the département of the town they are said to be near; else the towns
    whose longer name starts with it there ("Montlouis" beside Tours is Montlouis-sur-Loire, 37, not Montlouis, 18:
    round 12, r12c-02). The candidates as they were when neither is found."""
    if not nearby:
        return candidates
    inside = tuple(c for c in candidates if c.departement in nearby)
    return inside or _longer_names(key, frozenset(nearby)) or candidates


@lru_cache(maxsize=256)
def _longer_names(key: str, codes: frozenset[str]) -> tuple[Commune, ...]:
    """Current communes of ``codes`` whose name is ``key`` followed by a joining word ("montlouis sur loire")."""
    size = len(key.split())
    found = [
        commune
        for name, communes in tables().communes.items()
        if name.startswith(key + " ") and name.split()[size] in _NAME_JOINS
        for commune in communes
        if commune.kind == "c" and commune.departement in codes
    ]
    return tuple(sorted(found, key=lambda c: -c.population))


def _near_cue(words: list[str], start: int) -> bool:
    """The place at ``start`` is said as the one nearby ("près de Lyon", "vers Arras"), not as the place itself; "près
    du Creusot" reads "près le creusot" (_with_articles), its "de" hidden in the article."""
    cues = _NEAR_CUES + (_HIDDEN_DE_NEAR_CUES if words[start : start + 1] in (["le"], ["les"]) else ())
    return any(start >= len(cue) and tuple(words[start - len(cue) : start]) == cue for cue in cues)


def _qualified(words: list[str], match: _Match, matches: list[_Match]) -> bool:
    """The name goes on in words that make a longer name the tables do not know ("Valence d'Agen", "Clermont de
    l'Oise"): which namesake is meant is asked, never guessed from populations. A département named after it ("Valence
    dans la Drôme", "Valence en Drôme") is no such qualifier: it chooses."""
    end = match.start + match.length
    if end + 1 >= len(words) or words[end] not in _NAME_JOINS:
        return False
    index = end + 1
    while index < len(words) - 1 and words[index] in ("la", "le", "les", "l"):
        index += 1  # "Valence de la Garonne"
    following = words[index]
    if following in _FILLERS or following.isdigit() or following in _MONTHS:
        return False
    return not any(m.departement and m.start == index for m in matches)


def _resolve_typo(words: list[str]) -> Resolution:
    keys = _fuzzy(words)
    data = tables()
    codes = {data.departement_keys[k] for k in keys if k in data.departement_keys}
    if codes:
        return (
            _departement(codes.pop())
            if len(codes) == 1
            else Resolution(AMBIGUOUS, departement_options=tuple(sorted(codes)))
        )
    communes = tuple(sorted((c for k in keys for c in data.communes[k] if c.kind == "c"), key=lambda c: -c.population))
    if not communes:
        return NOTHING
    if len(keys) == 1:
        return _choose(communes, set())
    return Resolution(AMBIGUOUS, candidates=communes)


# ----------------------------------------------------------------------------------------- free text

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# What introduces a commune in a sentence ("à Arras", "près de Lens", "sur Béthune"), as normalised words.
_COMMUNE_CUES: tuple[tuple[str, ...], ...] = (
    ("a",),
    ("au",),
    ("aux",),
    ("sur",),
    ("vers",),
    ("habite",),
    ("pres", "de"),
    ("pres", "d"),
    ("proche", "de"),
    ("proche", "d"),
    ("cote", "de"),
    ("cote", "d"),
    ("ville", "de"),
    ("ville", "d"),
    ("commune", "de"),
    ("commune", "d"),
    ("secteur", "de"),
    ("secteur", "d"),
    ("region", "de"),
    ("region", "d"),
    ("environs", "de"),
    ("environs", "d"),
    ("alentours", "de"),
    ("alentours", "d"),
    ("agglomeration", "de"),
    ("agglomeration", "d"),
)
# "sur tout Villeurbanne et Lyon 3e", "dans toute la ville de Lyon", "partout sur Lyon" (round 13, r13b-03: the answer
# to the place question was not read, "c'est noté" and the question again): a place said with the whole of it.
_COMMUNE_CUES = (
    *_COMMUNE_CUES,
    *((lead, whole) for lead in ("sur", "dans", "partout") for whole in ("tout", "toute")),
    *(
        (lead, "toute", "la", town, join)
        for lead in ("sur", "dans")
        for town in ("ville", "commune")
        for join in ("de", "d")
    ),
    ("partout", "a"),
    ("partout", "sur"),
)
# "près du Creusot", "ville du Havre": a cue whose "de" is hidden in the article of the town's name.
_HIDDEN_DE_COMMUNE_CUES = tuple(cue[:-1] for cue in _COMMUNE_CUES if len(cue) > 1 and cue[-1] == "de")


def _commune_cue(words: list[str], first: int) -> tuple[str, ...] | None:
    """The cue before a commune a sentence names at ``first`` (words as written, before _with_articles)."""
    if words[first] in ("au", "aux"):
        return ("a",)  # "au Havre": the match starts at the article hidden in "au", which is its cue
    if words[first] in _CONTRACTED:
        return _cue_before(words, first, _HIDDEN_DE_COMMUNE_CUES)  # "près du Creusot"
    return _cue_before(words, first, _COMMUNE_CUES)


# After "nord", words that make it a direction ("au nord de", "nord est"), not the département.
_COMPASS_GOES_ON = (["de"], ["d"], ["du"], ["des"], ["est"], ["ouest"])
# Départements whose name is also an ordinary word: in a free sentence, only with a capital letter.
_ORDINARY_DEPARTEMENTS = frozenset(
    ["lot", "cher", "somme", "manche", "creuse", "allier", "vienne", "var", "gard", "orne"]
)
# What introduces a département ("dans le Nord", "en Seine-Saint-Denis", "du 62", "de la Somme").
_DEPARTEMENT_CUES = (
    ("dans", "le"),
    ("dans", "la"),
    ("dans", "l"),
    ("dans", "les"),
    # "ds le 93": "dans" as SMS writes it (talking to make run, the case went without its département).
    ("ds", "le"),
    ("ds", "la"),
    ("ds", "l"),
    ("ds", "les"),
    ("en",),
    ("du",),
    ("de", "la"),
    ("de", "l"),
    ("des",),
    ("departement",),
    ("dept",),
    ("dpt",),
    ("departement", "du"),
    ("departement", "de"),
    ("departement", "des"),
    # "mon département c'est le 44 pas le 16" (round 24, r24a-01: not understood after the case).
    ("departement", "c", "est", "le"),
    ("departement", "c", "est", "la"),
    ("departement", "c", "est", "l"),
    ("departement", "c", "est"),
    ("departement", "est", "le"),
    ("departement", "est", "la"),
    ("dpt", "c", "est", "le"),
    ("dpt", "est", "le"),
    ("dept", "c", "est", "le"),
    ("dept", "est", "le"),
    ("dans", "tout", "le"),
    ("dans", "toute", "la"),
    ("dans", "tout", "l"),
    ("sur", "tout", "le"),
    ("sur", "toute", "la"),
    ("sur", "tout", "l"),
    ("partout", "dans", "le"),
    ("partout", "dans", "la"),
    ("partout", "dans", "l"),
)


# What is due on a day of the month: "les salaires du 31", "l'audience du 14" name a date, not the Haute-Garonne
# (round 7: the case of a charpentier in Cluses went to département 31).
_DATED_NOUNS = frozenset(
    [
        "salaires",
        "salaire",
        "paie",
        "paies",
        "loyer",
        "loyers",
        "echeance",
        "echeances",
        "audience",
        "audiences",
        "paiement",
        "paiements",
        "prelevement",
        "prelevements",
        "facture",
        "factures",
        "rdv",
        "rendez",
        "vous",
        "convocation",
        "jugement",
        "courrier",
        "lettre",
        "avis",
        "mois",
        "virement",
        "versement",
        "traite",
        "traites",
        # "la mensualité du 10" (round 17, r17b-10: the 13 known became the Aube): an instalment's day.
        "mensualite",
        "mensualites",
        "remboursement",
        "remboursements",
        "reglement",
        "cheque",
        "cheques",
        "relance",
        "terme",
        "acompte",
        *WEEKDAYS,
        "matin",
        "soir",
    ]
)


# A code is written after "dans le", "du", "en", "département": "des 2 vendeuses", "de la 3e" count or rank (round 12,
# r12b-20: "les salaires des 2 vendeuses" was noted Aisne, never asked).
_CODE_CUES = tuple(cue for cue in _DEPARTEMENT_CUES if cue[-1] not in ("la", "l", "les", "des", "de"))

# What a number counts when it is no département: people and things ("2 vendeuses", "du 3 pièces"). A plural word
# after a number is read as counted unless it is a word that may follow a place ("dans le 62 depuis", "du 59 mais").
_COUNTED = frozenset(
    [
        "personne",
        "gars",
        "filles",
        "enfants",
        "enfant",
        "gosses",
        "gamins",
        "associes",
        "associe",
        "associees",
        "vendeuse",
        "vendeur",
        "apprenti",
        "apprentie",
        "ouvrier",
        "compagnon",
        "chantier",
        "camion",
        "piece",
        "pieces",
        "magasin",
        "boutique",
        "fois",
    ]
)
_AFTER_A_PLACE = frozenset(
    [
        "depuis",
        "mais",
        "sans",
        "pas",
        "plus",
        "moins",
        "apres",
        "pres",
        "tres",
        "dans",
        "sous",
        "vers",
        "chez",
        "alors",
        "puis",
        "jamais",
        "toujours",
        "tous",
        "toutes",
        "nous",
        "vous",
        "les",
        "des",
        "mes",
        "ses",
        "ces",
        "nos",
        "vos",
        "leurs",
        "suis",
        "sommes",
        "etes",
        "avons",
        "avez",
        "as",
        "es",
        "dis",
        "fais",
        "vais",
        "dois",
        "peux",
        "veux",
        "sais",
        "crois",
        "aussi",
        "merci",
    ]
)


def counted_after(following: str) -> bool:
    """The word after a number says it counts something ("2 vendeuses", "3 salariés", "5 ans"), so no département."""
    if following in _NOT_AFTER_CODE or following in _COUNTED:
        return True
    plural = len(following) >= 4 and following[-1] in "sx" and following not in _AFTER_A_PLACE
    # "dans le 62 Arras", "du 59 Lens": a place named after its code is no counted thing.
    return plural and following not in tables().communes and following not in tables().departement_keys


def _cue_before(words: list[str], index: int, cues: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    for cue in sorted(cues, key=len, reverse=True):
        if index >= len(cue) and tuple(words[index - len(cue) : index]) == cue:
            return cue
    return None


# "non c'est la Somme", "pardon je me suis trompé, c'est le 59", "en fait plutôt Amiens": what follows a
# correction is an answer to the place question, read as one (even "la somme", without its capital).
_CORRECTION = re.compile(
    r"\b(?:non|nan|en fait|enfin|pardon|trompee?|rectifie|corrige|erreur|oups|mince|finalement)\b"
    r"[^.!?]*?\b(?:c ?'? ?est|plutot)\s+(?P<place>[^.!?,;\n]+)"
)
# "dans le 13... non pardon le 83", "le 13 enfin non dans le 83" (round 23, r23c-10: the first code kept, the case sent
# to the wrong chamber): a département code right after the correction word, with no "c'est".
_CORRECTION_CODE = re.compile(
    r"\b(?:non|nan|enfin|pardon|oups|plutot|je veux dire)\b[ ,.]*(?:(?:non|nan|pardon|enfin|pas (?:dans )?le \d{1,3})"
    r"[ ,.]*)*(?:dans |en |du )?(?:le |la )?(?P<place>\d{2,3}|2a|2b)\b(?!\s*(?:€|euros?|ans|mois|jours|salaries|%))"
)
_CORRECTION_END = re.compile(r"\s(?:mais|et|car|parce|depuis|avec|pour|qui|que|j|je|on|il)\b")
_CORRECTION_WORDS = 4


_POSSESSIVE = re.compile(r"\s*(?:ma|mon|mes|ta|ton|tes|sa|son|ses|notre|nos|votre|vos|leur|leurs)\s", re.IGNORECASE)


def _correction(text: str, said: str | None = None) -> Resolution:
    """The place a correction names, read like an answer; NOTHING when the text corrects no place. ``said``: the
    words before the places they negate were blanked, where a sum put right is read whole."""
    # One character for one ("œ" stays one), so that spans found in `plain` hold in `text`.
    plain = "".join((strip_accents(char)[:1] or char).lower() for char in text).replace("’", "'")
    match = _CORRECTION.search(plain)
    if not match:
        code = _CORRECTION_CODE.search(plain)
        resolution = resolve(code.group("place"), typos=False) if code else None
        return resolution if resolution is not None and resolution.found and resolution.departement else NOTHING
    place = text[match.start("place") : match.end("place")]
    end = _CORRECTION_END.search(plain, match.start("place"), match.end("place"))
    if end:
        place = text[match.start("place") : end.start()]
    if not place.strip() or len(place.split()) > _CORRECTION_WORDS:
        return NOTHING
    if _POSSESSIVE.match(place) or _SOMEONE_FROM.match(place.strip()):
        return NOTHING  # "non mais la patronne c'est ma mère" (round 8: Mère, Yvelines): a person, not a place
    words = _compact_numbers(normalise(said or text).split())
    first = _compact_numbers(normalise(place).split())[:1]
    if any(said_as_amount(words, index) for index, word in enumerate(words) if [word] == first):
        return NOTHING  # "non c'est pas 5000 c'est 15000 que je dois" (round 21, r21z-01): a sum put right
    if first and number_said_as_money(said or text, first[0]):
        return NOTHING  # "c'est 16000 pas 14000" (the 14000 blanked as a place negated), "13000 €" (round 24, r24a-01)
    resolution = resolve(place, typos=False)
    return resolution if resolution.found else NOTHING


_CONTRAST_START = re.compile(
    r"^[\s,;:.!-]*(?:(?:mais|plutot|plutôt|c'est|c’est|c est|bien|en fait)\s+)*", re.IGNORECASE
)


# Someone or something of a town, not the business's place: "pas celui de lyon, c'est un fournisseur de lille" (round 16,
# intake helper: the Lille supplier replaced the Dordogne).
_SOMEONE_FROM = re.compile(
    r"^(?:(?:un|une|le|la|les|l'|mon|ma|mes|son|sa|ses|notre|nos|leur|du|des)\s+)?(?:(?:gros|petit|autre|nouveau|"
    r"ancien)\s+)?(?:fournisseurs?|fournisseuses?|clients?|clientes?|banques?|grossistes?|proprios?|proprietaires?|"
    r"propriétaires?|bailleurs?|comptables?|avocats?|huissiers?|assureurs?|agences?|magasins?|concurrents?|transporteurs?|"
    r"sous-traitants?|donneurs? d'ordre|celui|celle|ceux|celles)\s+(?:de|d'|du|des|à|a|sur|en)\s",
    re.IGNORECASE,
)


def _contrast(rest: str) -> Resolution:
    """The place right after a negated one, when the rest is short enough to be an answer."""
    rest = _CONTRAST_START.sub("", rest)
    rest = re.split(r"[.!?;\n]", rest, maxsplit=1)[0]
    if not rest.strip() or len(rest.split()) > _CORRECTION_WORDS or _SOMEONE_FROM.match(rest.strip()):
        return NOTHING
    resolution = resolve(rest, typos=False)
    return resolution if resolution.found else NOTHING


# "à 20 km de Rodez", "à 10 minutes de Rodez", "à 15 bornes d'Albi" (round 23, r23a-14: not read, the place asked): the
# town said as the one nearby. Within NEAR_DISTANCE (km or minutes) a free sentence reads it as "près de Rodez"; further
# ("à 80 km de Lyon") it may be another département, so only an answer to the place question reads it.
NEAR_DISTANCE = 30
_DISTANCE = re.compile(
    r"(?:\b(?:a|à)\s+)?(?:environ\s+|moins\s+de\s+|max\s+)?(?P<count>\d{1,3})\s*"
    r"(?:km|kms|kilom[eè]tres?|bornes|min|mins|minutes?|mn)\b\.?\s+(?:environ\s+)?(?P<of>de\s+|d['’]\s*|du\s+|des\s+)",
    re.IGNORECASE,
)


def distance_said_as_near(text: str, limit: int | None = NEAR_DISTANCE) -> str:
    """ "à 20 km de Rodez" -> "près de Rodez" (the count within ``limit``; any count when None): how far one is from a
    town says the town nearby."""

    def near(match: re.Match[str]) -> str:
        if limit is not None and int(match.group("count")) > limit:
            return match.group(0)
        return "près " + match.group("of")

    return _DISTANCE.sub(near, text)


def find_in_text(text: str | None) -> Resolution:
    """A place named in a free sentence ("je suis boulanger à Arras depuis 10 ans", "ici dans le 62").

    Conservative: a place is read only after a word that introduces one (à, près de, dans le, du...),
    never from amounts, ages, dates or phone numbers, and a commune that is also an ordinary word
    ("à sens unique", "il a eu") needs a capital letter. NOT_FOUND when nothing is certain.
    """
    if not text:
        return NOTHING
    text = code_said_whole(text)  # "dans le 9 3" (round 17, r17a-07): 93, never 09
    text = distance_said_as_near(text)
    negated = _negated_spans(text)
    whole = text
    text = without_negated(text)
    corrected = _correction(text, whole)
    if corrected.found:
        return corrected
    if negated:
        # "pas le 59, le 62", "pas dans le Nord mais dans la Somme": what follows the place said wrong is
        # the place meant, read like an answer.
        contrast = _contrast(text[negated[-1][1] :])
        if contrast.found:
            return contrast
        # "La Réunion, pas le 93" (round 19, r19c-05: left empty): a département said whole just before the one
        # said wrong is the place meant.
        before = normalise(
            re.sub(r"^\W*(?:non|mais|moi|c'est|c est|je suis a|je suis en|a|en)\b", "", text[: negated[0][0]]).strip(
                " ,;:-"
            )
        )
        keys = tables().departement_keys
        before = before if before in keys else re.sub(r"^(?:la|le|les|l) ", "", before)
        if before and before in keys:
            return _departement(keys[before])
    spans = [(m.group(0), m.start()) for m in _WORD.finditer(text)]
    originals = [w for w, _ in spans]
    words = [normalise(w) or w.lower() for w in originals]
    words = [w.split()[0] if " " in w else w for w in words]  # "œ" and the like stay one word
    articled = _with_articles(words)

    def capitalised(index: int) -> bool:
        word, position = spans[index]
        before = text[:position].rstrip()
        sentence_start = not before or before[-1] in ".!?\n"
        return word[:1].isupper() and not word.isupper() and not sentence_start

    # Codes after a cue ("dans le 62", "du 59"), never before a unit, a month or another number.
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        after = words[index + 2] if index + 2 < len(words) else ""
        said = word
        if word == "2" and following in ("a", "b") and (following == "b" or _corsican_a(words[index + 2 :])):
            said, following = "2" + following, after  # "dans le 2 a": Corse-du-Sud's code spaced, not the Aisne's
        elif following in ("a", "au") and after and not after[0].isdigit() and after not in _NOT_AFTER_CODE:
            following = ""  # "dans le 71 à Montceau" (round 14, r14b-01): "à" a place, not "du 15 au 20"
        code = _code(said)
        cue = _cue_before(words, index, _CODE_CUES) if code else None
        if (
            code
            and cue
            and not (cue == ("du",) and index >= 2 and words[index - 2] in _DATED_NOUNS)
            and not counted_after(following)
            and not following.isdigit()
            and not re.match(r"[/:h.,]\d", text[spans[index][1] + len(originals[index]) :][:2])
        ):
            # "plombier a montceau dans le 71" (round 14, r14a-01): the town said with the code, when it is there.
            return _town_in(code, words, articled, capitalised) or _departement(code)
        if _POSTCODE.match(word):
            communes = tables().by_postcode.get(word, ())
            cue = _cue_before(words, index, (("code", "postal"), ("cp",)))
            named = [
                m
                for m in _matches(words[index + 1 : index + 1 + tables().longest_name], free_text=True)
                if m.start == 0 and m.communes
            ]
            if named:
                matching = tuple(c for c in named[0].communes if word in c.postcodes)
                if matching:
                    return _choose(matching, set())
            if cue and communes:
                return _departement(postcode_departement(word))  # type: ignore[arg-type]

    found = list(_matches(articled, free_text=True))
    between = _between_in_text(articled, found)
    if between is not None:
        return between
    # "à Saint-Pierre à la Réunion": a département named anywhere chooses among the communes of one name (round 7).
    hints = {
        match.departement
        for match in found
        if match.departement and (match.key not in _ORDINARY_DEPARTEMENTS or capitalised(match.start))
    }
    # "je suis près de Lyon, à Villeurbanne" (round 12, r12a-05: noted Lyon): a place said as the one nearby is read
    # only when no place is said as the place itself.
    nearby: Resolution | None = None
    for match in found:
        first = match.start
        key = match.key
        cue = _commune_cue(words, first)
        near = _near_cue(articled, first)
        if match.departement:
            ordinary = key in _ORDINARY_DEPARTEMENTS
            if ordinary and not capitalised(first):
                continue  # "dans le lot", "c'est cher", "la somme de"
            if key == "nord" and (words[first] == "au" or words[first + 1 : first + 2] in _COMPASS_GOES_ON):
                continue  # "au nord de la ville", "le nord est": a direction (round 13), "dans le Nord" is the 59
            if _cue_before(words, first, _DEPARTEMENT_CUES) or (cue and not ordinary):
                if near and not _cue_before(words, first, _DEPARTEMENT_CUES):
                    nearby = nearby or _departement(match.departement)
                    continue
                return _departement(match.departement)  # "dans le Nord", "à Paris", "à la Réunion"
            continue
        communes = match.communes
        if cue is None or words[first - 1 : first] in (["au"], ["aux"]):
            continue  # "au pont", "aux bois": only "au Havre", "au Mans" name a commune this way
        # An ordinary word needs a capital letter; so does a small commune whose name is also a word.
        if (key in _ORDINARY or _ordinary_small(communes) or _former(communes)) and not capitalised(first):
            continue
        if not near and not hints:
            communes = _beside(communes, key, _nearby_departements(articled, found, match))
        resolution = _choose(communes, hints, key)
        if resolution.ambiguous and not hints:
            resolution = _shared_with_other_towns(resolution, match, found, words) or resolution
        if resolution.status != NOT_FOUND:
            if near:
                nearby = nearby or _near(resolution)
                continue
            return resolution
    return nearby or _town_with_its_code(text) or _town_said_as_mine(text) or NOTHING


# "vous êtes la chambre de quel département ? moi c'est Tours" (round 24, r24a-16: Tours not kept, asked again later):
# a known town, with its capital, said as one's own; a first name ("moi c'est Nancy") stays unread.
_MINE = re.compile(r"\bmoi,? c['’ ]?\s?est (?:a |à )?(?P<town>[A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+)?)")


def _town_said_as_mine(text: str) -> Resolution | None:
    said = _MINE.search(text)
    if said is None or normalise(said.group("town")) in _FIRST_NAMES:
        return None
    town = names_a_known_town(said.group("town"))
    return town if town is not None and town.found else None


# "Muret (31)", "Sainte-Marie (974)": a town written with its département's code in brackets, as on an address (round
# 19, r19b-09: the first message's place was missed, no word introduced it).
_TOWN_THEN_CODE = re.compile(r"((?:[^\W\d_][\w'’-]*[ -]){0,4}[^\W\d_][\w'’-]*) ?\((\d{2,3}|2[abAB])\)")


def _town_with_its_code(text: str) -> Resolution | None:
    """The commune named right before "(code)" when it is a commune of that département; None otherwise."""
    for found in _TOWN_THEN_CODE.finditer(text):
        code = _code(found.group(2))
        words = found.group(1).split()
        if not code or code not in departements():
            continue
        for start in range(len(words)):  # the longest name first: "Saint-Pierre (974)" before "Pierre"
            name = normalise(" ".join(words[start:]))
            communes = tables().communes.get(name, ()) if name else ()
            matching = [c for c in communes if c.departement == code and c.kind == "c"]
            if matching and name[:1] and words[start][:1].isupper():
                return _departement(code, max(matching, key=lambda c: c.population))
    return None


def _shared_with_other_towns(
    resolution: Resolution, match: _Match, found: list[_Match], words: list[str]
) -> Resolution | None:
    """Round 18, r18a-14: "couvreur à Évry … sur un toit à Corbeil": two names of several towns each whose namesakes
    share one département (Évry-Courcouronnes and Corbeil-Essonnes, 91) settle each other; None otherwise."""
    codes = {c.departement for c in resolution.candidates}
    for other in found:
        if other is match or other.departement or not other.communes or _commune_cue(words, other.start) is None:
            continue
        shared = codes & {c.departement for c in other.communes if c.kind == "c"}
        if len(shared) == 1:
            code = shared.pop()
            return _departement(code, next(c for c in resolution.candidates if c.departement == code))
    return None


def _between_in_text(words: list[str], found: list[_Match]) -> Resolution | None:
    """ "j'habite entre Cosne et La Charité": two towns after "entre" and "et", read as resolve reads them."""
    for index, word in enumerate(words):
        if word != "entre":
            continue
        first = next((m for m in found if m.start == index + 1 and m.communes and not m.departement), None)
        if first is None:
            continue
        end = first.start + first.length
        second = next(
            (m for m in found if m.start == end + 1 and m.communes and not m.departement and words[end] == "et"), None
        )
        resolution = _between(words, [first, second], set()) if second is not None else None
        if resolution is not None and resolution.found:
            return resolution  # "la route entre Mâcon et Lyon" in a sentence: no place of the business's
    return None


def _town_in(code: str, words: list[str], articled: list[str], capitalised: Callable[[int], bool]) -> Resolution | None:
    """The commune of département ``code`` a sentence names after a cue ("à Montceau", "près de Mâcon"), the way
    find_in_text reads one; None when it names none there."""
    for match in _matches(articled, free_text=True):
        communes = tuple(c for c in match.communes if c.departement == code and c.kind == "c")
        first = match.start
        cue = _commune_cue(words, first)
        if match.departement or not communes or cue is None:
            continue
        if (match.key in _ORDINARY or _ordinary_small(match.communes) or _former(match.communes)) and not capitalised(
            first
        ):
            continue
        resolution = _choose(communes, {code}, match.key)
        if resolution.found:
            return _near(resolution) if _near_cue(articled, first) else resolution
    return None


# A town said alone is read as the place only when nothing else could be meant: a commune this populous is known
# by name, and "maçon" (Mâcon) or "Marie" (a village) are ordinary words or too small to stand alone. The lexicon
# also holds many city names ("Limoges", "Quimper", "Tours"): above the second figure, a name is the city's.
KNOWN_TOWN_POPULATION = 20_000
CAPITALISED_TOWN_POPULATION = 5_000
CITY_POPULATION = 50_000
_ALONE_LEAD = ("a", "au", "sur", "vers", "pres de", "pres d", "de", "d", "c est", "on est a", "je suis a")


def names_a_known_town(text: str | None, capitalised: bool = False) -> Resolution | None:
    """The whole answer is the name of a known town ("Rouen", "à Limoges"), with no other word: its resolution.

    For answers given to another question, where the entity extractor may not see a bare town. ``capitalised``: a
    smaller town (CAPITALISED_TOWN_POPULATION) counts too when typed with its capital, as a proper noun ("Morlaix" at
    the deadline question, round 34); for questions whose answer is never a person's name."""
    words = normalise(text or "")
    for lead in sorted(_ALONE_LEAD, key=len, reverse=True):
        if words.startswith(lead + " "):
            words = words[len(lead) + 1 :]
            break
    resolution = resolve(words, typos=False)
    commune = resolution.commune
    if not resolution.found or commune is None or normalise(commune.name) != words:
        return None
    smallest = (
        CAPITALISED_TOWN_POPULATION
        if capitalised and _typed_as_a_proper_noun(text or "", commune.name)
        else KNOWN_TOWN_POPULATION
    )
    known = commune.population >= CITY_POPULATION or (commune.population >= smallest and not commune.common_word)
    return resolution if known else None


def _typed_as_a_proper_noun(text: str, name: str) -> bool:
    """ "Morlaix", "à Quimperlé": the town's name typed with its capital, the message not all in capitals."""
    first = normalise(name).split()[0] if normalise(name) else ""
    words = [word for word in re.findall(r"[\w'-]+", text) if normalise(word).startswith(first)]
    return bool(words) and words[0][:1].isupper() and not text.isupper()


def names_a_departement(text: str | None) -> Resolution | None:
    """The whole answer names one département ("dans la creuse", "en Corrèze", "la Haute-Savoie"), with no other word
    than the ones that introduce a place: its resolution. A département named like a word ("la somme", "le cher")
    counts only where it is said as a place (`said_as_a_place`). For answers given to another question (round 27:
    "dans la creuse" at the debts question became the creditor "dans la creuse"), where the extractor may not tag it."""
    words = normalise(text or "").split()
    meaningful = [word for word in words if word not in _FILLERS]
    key = " ".join(meaningful)
    code = tables().departement_keys.get(key)
    if code is None or not said_as_a_place(key, text):
        return None
    if key in _WORD_DEPARTEMENTS and not _PLACE_LEAD_WORDS & set(words) and key.title() not in (text or ""):
        return (
            None  # "c'est cher", "la somme ?": a word, unless a place is said ("dans le cher") or written ("la Somme")
        )
    return _departement(code)


# Words that say a place follows, where a département's name is also a word.
_PLACE_LEAD_WORDS = frozenset({"dans", "en", "departement", "dept", "dpt", "vers", "pres", "cote", "secteur", "region"})


def namesake_said_alone(text: str | None) -> Resolution | None:
    """The whole message is a name several towns bear, one of them a known town ("Clermont": Clermont-Ferrand, 63, or
    Clermont, 60; "à Saint-Denis"), with no other word: its candidates, to be offered. Round 23 (r23b-14: "Clermont"
    alone after the first message was lost, never asked). None otherwise ("Marie", a first name; "bonjour")."""
    words = normalise(text or "")
    for lead in sorted(_ALONE_LEAD, key=len, reverse=True):
        if words.startswith(lead + " "):
            words = words[len(lead) + 1 :]
            break
    if not words or len(words.split()) > 4 or words in _FIRST_NAMES or words in tables().departement_keys:
        return None
    resolution = resolve(words, typos=False)
    current = [c for c in resolution.candidates if c.kind == "c"]
    if not resolution.ambiguous or len(current) < 2 or words not in tables().communes:
        return None
    largest = max(current, key=lambda commune: commune.population)
    if largest.population < KNOWN_TOWN_POPULATION or all(c.common_word for c in current):
        return None
    return resolution


# Round 22 (r22c-05 "Nice, I said it. Nice", r22c-11 "Gard. mais dites moi par quoi je commence…": the place question
# came again): a place written alone as one clause of a longer message, between punctuation or before "mais".
_CLAUSE_BREAKS = re.compile(r"[,.;:!?()\n…]+|\s(?:mais|et|sinon|par contre|puis|but|and)\s", re.IGNORECASE)
_CLAUSE_LEAD = (
    *_ALONE_LEAD,
    "le",
    "la",
    "les",
    "l",
    "en",
    "dans le",
    "dans la",
    "dans l",
    "dans les",
    "ds le",
    "ds la",
    "c est le",
    "c est la",
    "c est l",
    "c est en",
    "on est dans le",
    "on est dans la",
    "on est en",
    "je suis dans le",
    "je suis dans la",
    "je suis en",
    "in",
    "at",
    "near",
)
# Written in lower case, these names are words ("c'est cher", "la somme", "au nord", "demain: reunion"): read alone
# only with a capital, unless the message answers the place question.
_CLAUSE_ORDINARY = _ORDINARY_DEPARTEMENTS | {"nord", "reunion", "la reunion", "paris", "loire"}
# First names among the names of départements and big towns: alone in a clause, a greeting or a signature ("Bonjour
# Aude,", "Nancy"), never a place but at the place question.
_FIRST_NAMES = frozenset(["aude", "nancy", "valence", "lourdes", "vienne", "savoie"])


def place_said_alone(text: str | None, asked: bool = False) -> Resolution | None:
    """The place a clause of the message names all alone: a département ("Gard.", "le Var, …", "ariege") or, at the
    place question (``asked``) or after "in"/"at", a known town ("Nice, I said it"); None when no clause, or clauses
    naming different départements. Elsewhere, a name that is also a word needs a capital, and first names stay out."""
    found: list[Resolution] = []
    keys = tables().departement_keys
    clauses = [piece.strip(" -'\"’«»*") for piece in _CLAUSE_BREAKS.split(text or "")]
    for index, raw in enumerate(clause for clause in clauses if normalise(clause)):
        words = normalise(raw)
        lead = next((lead for lead in sorted(_CLAUSE_LEAD, key=len, reverse=True) if words.startswith(lead + " ")), "")
        name = words[len(lead) + 1 :] if lead else words
        tokens = [token for token in re.split(r"[\s'’-]+", raw) if token]
        first = len(lead.split()) if lead else 0
        capital = first < len(tokens) and tokens[first][:1].isupper()
        if not asked and (name in _FIRST_NAMES or (name in _CLAUSE_ORDINARY and not capital)):
            continue
        if asked and name in _CLAUSE_ORDINARY and not capital and (index > 0 or lead in ("c est", "au")):
            continue  # "gard. mais…" answers the question; "c'est cher.", "au nord", "…: reunion." do not
        if name in keys:
            found.append(_departement(keys[name]))
        elif asked or (lead in ("in", "at", "near") and capital):
            town = names_a_known_town(name)
            if town is not None:
                found.append(town)
    codes = {resolution.departement for resolution in found}
    return found[0] if len(codes) == 1 else None


# ------------------------------------------------------------------------------------------- whereabouts

# "lundi je suis à Rungis", "je serai sur un chantier à Brive", "demain je vais chez un client à Lens": where one is or
# will be for a while, never where the business is (round 12, r12c-09: Rungis replaced the chosen Clermont, 60).
_WHEREABOUTS = re.compile(
    r"\b(?:(?:je |j |on |il |elle )?(?:serai|seras|sera|serons|serez|seront)|vais etre|va etre|vais aller|vais a|vais au"
    r"|vais sur|vais chez|pars|part|partirai|repars|descends|monte|passe|passerai|rentre|reviens|suis parti|suis partie"
    r"|deplacement|en route|chantiers?|chez (?:un|une|des|mon|ma|mes|le|la|les) clients?|clients?|rdv|rendez vous"
    r"|salon|foire|marches?|formation|vacances|conges?|hopital|livraisons?|livrer|intervention|mission|sejour"
    r"|aujourd hui|demain|apres demain|ce matin|cet apres midi|cet aprem|ce soir|cette nuit|ce week end|ce we"
    r"|cette semaine|semaine prochaine|la semaine|toute la journee|le matin|l apres midi|jusqu a|jusqu au"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lundis|mardis|mercredis|jeudis|vendredis|samedis)\b"
)
# Words that say the place is the business's own ("l'atelier est à", "on est installés à"): no whereabouts then.
_BUSINESS_PLACE = re.compile(
    r"\b(?:entreprise|societe|atelier|boutique|magasin|local|locaux|siege|commerce|salon de|installee?s?|basee?s?"
    r"|domiciliee?s?|situee?s?|adresse|habite|habitons|j habite|on habite)\b"
)
_PARTS = re.compile(r"[,;.!?\n]+|\s(?:mais|et|sinon|par contre|puis)\s")


def said_as_whereabouts(text: str | None, place: str | None = None) -> bool:
    """The places a message names are all said as where one is or will be for a while ("lundi je suis à Rungis", "je
    serai sur un chantier à Brive"), and none as the business's place: such a place never replaces the one known.
    ``place``: a place name read in the message by other means (the entity extractor: "au marché de Rungis")."""
    if not text:
        return False
    parts = [part for part in _PARTS.split(normalise_keeping_breaks(text)) if part.strip()]
    name = normalise(place or "") if place and not place.strip().isdigit() else ""
    with_place = [
        part
        for part in parts
        if find_in_text(part).status != NOT_FOUND or (name and re.search(rf"\b{re.escape(name)}\b", normalise(part)))
    ]
    return bool(with_place) and all(
        _WHEREABOUTS.search(part) and not _BUSINESS_PLACE.search(part) for part in with_place
    )


def normalise_keeping_breaks(text: str) -> str:
    """The text in lower case without accents, its punctuation kept (so that its parts can be told apart)."""
    return strip_accents(text).lower().replace("’", " ").replace("'", " ").replace("-", " ")


# ------------------------------------------------------------------------------------ ordinary words

# Département names that are also ordinary French words, read by the entity extractor anywhere ("régler cette somme"
# was the Somme, round 13, r13b-02: the Jura confirmed was replaced): nouns, adjectives and verbs ("ça coûte cher",
# "qu'il vienne", "un lot", "la manche", "à l'aube", "au nord de"). Wider than _ORDINARY_DEPARTEMENTS, which the
# free-text reader already needs capitalised.
_WORD_DEPARTEMENTS = _ORDINARY_DEPARTEMENTS | frozenset(["aube", "nord", "marne", "loire", "landes", "cantal", "corse"])
# What introduces a département as a place: "dans la Somme", "ds le cher", "en Vienne", "département de la Somme".
_WORD_PLACE_CUE = re.compile(
    r"\b(?:dans|ds|habite|habitons|habitent|vis|vit|vivons|installee?s?|basee?s?|situee?s?)\s+(?:tout\s+|toute\s+)?"
    r"(?:le|la|l|les)\s+$|\b(?:departement|dept|dpt)\s+(?:de\s+la|de\s+l|du|des|de)?\s*$|\ben\s+$"
)
# Nouns said "dans le/la" as often as the département: "rien dans la manche", "dans le lot": a capital letter or the code.
_NOUNS_AFTER_DANS = frozenset(["manche", "lot"])
# What goes on after an ordinary word that is no place: "la somme de 3000", "la somme due", "le lot de", "cher que".
_WORD_GOES_ON = re.compile(
    r"^\s*(?:de|d|du|des|due|dues|du|totale|globale|restante|reclamee|demandee|exacte|qui|que|qu|a payer|en question)\b"
)


def said_as_a_place(name: str | None, text: str | None) -> bool:
    """Whether ``name``, a place the entity extractor read in ``text``, is said there as a place: always for a proper
    name ("Lens", "Tarn"); for a département whose name is also a word ("somme", "cher", "vienne", "nord"), only where
    the sentence says a place: a capital letter inside the sentence, a word introducing a département ("dans la
    somme", "département du Cher", "en Vienne"), its code beside it ("Somme (80)"), the whole answer ("la Somme"), or
    a place the free-text reader or a correction finds ("non c'est la Somme")."""
    key = normalise(name or "")
    if not key or key not in _WORD_DEPARTEMENTS:
        return True
    code = tables().departement_keys.get(key)
    text = text or ""
    plain = normalise_keeping_breaks(text)
    if code is None or find_in_text(text).departement == code:
        return True
    meaningful = [w for w in normalise(text).split() if w not in _FILLERS]
    if meaningful == [key] or meaningful in ([key, code], [code, key]):
        return True  # "la Somme", "Somme 80": the whole answer
    for match in re.finditer(rf"\b{re.escape(key)}\b", plain):
        original = text[match.start() : match.end()]
        before, after = plain[: match.start()], plain[match.end() :]
        sentence_start = not before.strip() or before.rstrip()[-1] in ".!?\n"
        if (
            (original[:1].isupper() and not original.isupper() and not sentence_start)
            or re.match(rf"^\s*\(?\s*{re.escape(code.lower())}\b", after)
            or (key not in _NOUNS_AFTER_DANS and _WORD_PLACE_CUE.search(before) and not _WORD_GOES_ON.match(after))
        ):
            return True
    return False
