"""The vendored COG tables (places/data, rebuilt by scripts/build-places), loaded once, on first use."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from places.text import normalise

DATA_DIR = Path(__file__).resolve().parent / "data"

# Articles a département is named with ("le Nord", "la Réunion", "les Landes"): its name is indexed with
# and without them, and a user's article in front of a name is dropped before looking it up.
_ARTICLES = ("le ", "la ", "les ", "l ")


class Commune(NamedTuple):  # a NamedTuple: 37,000 of them are built at load, 3x faster than a dataclass
    insee: str
    name: str
    departement: str
    kind: str  # "c" current commune, "d" commune déléguée, "a" commune associée
    postcodes: tuple[str, ...]
    population: int
    common_word: bool  # also an ordinary French word ("Sens", "Vue") or at most three letters ("Eu", "Y")

    @property
    def label(self) -> str:
        """ "Saint-Omer (62)": how a candidate is shown to the artisan."""
        return f"{self.name} ({self.departement})"


@dataclass(frozen=True)
class Tables:
    departements: Mapping[str, str]  # code -> name
    departement_keys: Mapping[str, str]  # normalised name, with and without its article -> code
    communes: Mapping[str, tuple[Commune, ...]]  # normalised name -> communes of that name
    by_postcode: Mapping[str, tuple[Commune, ...]]  # "62000" -> current communes with that postcode
    longest_name: int  # in tokens


def _without_article(key: str) -> str:
    for article in _ARTICLES:
        if key.startswith(article):
            return key[len(article) :]
    return key


# The overseas collectivities the vendored COG tables leave out (round 20, r20c-05, r20c-20: "noumea, nouvelle
# caledonie" and "988" were "Je n'ai pas reconnu ce lieu", the case stored with no place): read as places by their INSEE
# code, named by the artisan; a chamber may cover none of them, the case keeps the place all the same.
OVERSEAS_COLLECTIVITIES = {
    "977": "Saint-Barthélemy",
    "978": "Saint-Martin",
    "986": "Wallis-et-Futuna",
    "987": "Polynésie française",
    "988": "Nouvelle-Calédonie",
}
# Named as communes only: "Saint-Martin" and "Saint-Barthélemy" are villages' names in France too, asked between.
_COLLECTIVITIES_NAMED_AS_COMMUNES = frozenset({"977", "978"})
# Their main communes (INSEE code, name, collectivity, postcodes, legal population, rounded).
_OVERSEAS_COMMUNES = (
    ("97701", "Saint-Barthélemy", "977", ("97133",), 10_500),
    ("97801", "Saint-Martin", "978", ("97150",), 31_500),
    ("98613", "Uvea", "986", ("98600",), 8_300),
    ("98611", "Mata-Utu", "986", ("98600",), 0),
    ("98735", "Papeete", "987", ("98714",), 26_900),
    ("98715", "Faaa", "987", ("98704",), 29_500),
    ("98738", "Punaauia", "987", ("98718",), 28_100),
    ("98736", "Pirae", "987", ("98716",), 13_800),
    ("98818", "Nouméa", "988", ("98800",), 94_300),
    ("98805", "Dumbéa", "988", ("98835", "98830"), 35_900),
    ("98821", "Païta", "988", ("98890",), 24_600),
    ("98811", "Koné", "988", ("98860",), 8_100),
    ("98803", "Bourail", "988", ("98870",), 5_500),
    ("98814", "Lifou", "988", ("98820",), 9_200),
)


@lru_cache(maxsize=1)
def departements() -> dict[str, str]:
    rows = (DATA_DIR / "departements.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return {**dict(row.split("\t") for row in rows), **OVERSEAS_COLLECTIVITIES}


# Short names people use for a town whose full name is longer ("Brive" for Brive-la-Gaillarde, "Thonon", "Cherbourg",
# "Rueil"): the first word of a town of 20,000 people or more, when no commune bears that name alone and the town is
# at least ten times as populous as every other commune whose name starts with it. Not when the word is also an
# ordinary word the artisans write ("deuil": a bereavement; "grande").
SHORT_NAME_MIN_POPULATION = 20_000
# First words of five letters or more; of four for a town of SHORT_NAME_MIN_POPULATION ("Évry", "Issy", "Ivry", "Sucy").
SHORT_NAME_MIN_LETTERS = 4
# Round 14: first words the French lexicon (stem_words.txt) misses, yet ordinary words, first names or brands: "trois"
# (Trois-Rivières), "la croix", "jacob" (Jacob-Bellecombette), "nissan" (Nissan-lez-Enserune), "crèches".
NOT_SHORT_NAMES = frozenset(
    {
        "deuil",
        "grande",
        "trois",
        "les trois",
        "la croix",
        "lacroix",
        "lamotte",
        "jacob",
        "margaux",
        "nissan",
        "creches",
        "combs",
        "ensues",
        "penta",
    }
)


# "Saint-Pol" for Saint-Pol-sur-Ternoise or Saint-Pol-de-Léon, "Boulogne" for Boulogne-sur-Mer or -Billancourt (round 4
# of off-script conversations: "Saint-Pol" was read as a typo of Saint-Paul, La Réunion, and "Boulogne" as a former
# commune of Vendée): a short name shared by several towns makes them all candidates, and the bot asks which.
SAINT_SHORT_NAME_MIN_POPULATION = 2_000

# "Clermont" for Clermont-Ferrand, "Bourg" for Bourg-en-Bresse, "Aix" (round 12, r12a-01: "Clermont" offered three
# villages of that name and never Clermont-Ferrand): when small communes bear the short name alone, a town starting
# with it, of SHORT_NAME_MIN_POPULATION at least and ten times the largest of them, is a candidate too (first, being
# the most populous); places.resolve never picks it without asking, since the villages bear the very name said.
SHORT_NAME_OVER_NAMESAKES = 10

# Names in everyday use that INSEE's COG does not carry (the commune's official name is shorter or former), by the
# INSEE code of the commune meant. Round 12 (r12a-16): "Valence d'Agen" was read as Valence (Drôme).
USAGE_NAMES = {
    "Valence-d'Agen": "82186",  # official name: Valence (Tarn-et-Garonne)
    "Le Puy": "43157",  # Le Puy-en-Velay; two villages are named Le Puy exactly, so it is asked
    # "Aix" for Aix-en-Provence (round 15, r15a-07: "fleuriste a Aix" was noted "Corrèze (19)", the village named Aix):
    # the short-name rule reads first words of five letters or more only, so the town is a candidate here, and the
    # bot asks which.
    "Aix": "13001",
    # Round 15 (r15a): without their article, as people type them at the place question.
    "Puy-en-Velay": "43157",
    "Mans": "72181",
    "Havre": "76351",
    "Châlons-sur-Marne": "51108",  # Châlons-en-Champagne's name until 1998
    # La Charité-sur-Loire (round 14, r14b-11: "entre Cosne et La Charité"), whose short name is also a word, so
    # that the general rule of short names leaves it out.
    "La Charité": "58059",
    # Round 19 (r19c-09: "Val Thorens" not recognised): ski resorts known by a name no commune bears, read as the
    # commune they belong to.
    "Val Thorens": "73257",  # Les Belleville
    "Les Menuires": "73257",
    "Méribel": "73015",  # Les Allues
    "Les Arcs": "73054",  # Bourg-Saint-Maurice
    "Avoriaz": "74191",  # Morzine
    "Alpe d'Huez": "38191",  # Huez
    "L'Alpe d'Huez": "38191",
    "Flaine": "74014",  # Arâches-la-Frasse
    "La Plagne": "73150",  # La Plagne Tarentaise
    "Pra-Loup": "04226",  # Uvernet-Fours
    "Superdévoluy": "05139",  # Dévoluy
}


# "Montceau" for Montceau-les-Mines, "Louhans" for Louhans-Châteaurenaud, "Cosne" for Cosne-Cours-sur-Loire, "Paray"
# for Paray-le-Monial (round 14, r14b-13, -17, r14a-01: not recognised, asked again): a smaller town is known by its first
# word too, when that word is no ordinary French word (stem_words.txt) and no commune bears it alone. The town of
# LOCAL_SHORT_NAME_MIN_POPULATION people or more, ten times its namesakes, is the one meant; several such towns are all
# candidates, and the bot asks which ("Cosne": Cosne-Cours-sur-Loire, 58, or Cosne-d'Allier, 03).
LOCAL_SHORT_NAME_MIN_POPULATION = 2_000
_ARTICLE_WORDS = frozenset({"le", "la", "les", "l"})


@lru_cache(maxsize=1)
def stem_words() -> frozenset[str]:
    """First words of longer commune names that are also ordinary French words (places.build writes the list)."""
    path = DATA_DIR / "stem_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _local_short_name(found: list[Commune]) -> list[Commune]:
    """The towns a short name shared by ``found`` means (see LOCAL_SHORT_NAME_MIN_POPULATION)."""
    ranked = sorted((c for c in found if c.kind == "c"), key=lambda commune: -commune.population)
    towns = [c for c in ranked if c.population >= LOCAL_SHORT_NAME_MIN_POPULATION]
    if not towns:
        return []
    runner_up = ranked[1].population if len(ranked) > 1 else 0
    if towns[0].population >= SHORT_NAME_OVER_NAMESAKES * max(runner_up, 1):
        return towns[:1]
    return towns


def _add_short_names(communes: dict[str, list[Commune]], departement_keys: Mapping[str, str]) -> None:
    starting: dict[str, list[Commune]] = defaultdict(list)
    saints: dict[str, list[Commune]] = defaultdict(list)
    articled: dict[str, list[Commune]] = defaultdict(list)  # "la charite" of "la charite sur loire"
    for key, found in communes.items():
        first, *rest = key.split()
        if rest and len(first) >= SHORT_NAME_MIN_LETTERS and first not in ("saint", "sainte"):
            starting[first].extend(found)
        elif first in ("saint", "sainte") and len(rest) >= 2:
            saints[f"{first} {rest[0]}"].extend(found)
        elif first in _ARTICLE_WORDS and len(rest) >= 2 and len(rest[0]) >= 5 and rest[0] not in ("saint", "sainte"):
            articled[f"{first} {rest[0]}"].extend(found)
    words = stem_words()
    for word, found in starting.items():
        if word in departement_keys or word in NOT_SHORT_NAMES:
            continue
        ranked = sorted((c for c in found if c.kind == "c"), key=lambda commune: -commune.population)
        if not ranked:
            continue
        if len(word) < 5 and (word in words or ranked[0].population < SHORT_NAME_MIN_POPULATION):
            # Round 18, r18a-14: "Évry" (Évry-Courcouronnes, 91) was read as the village of Évry (89), "Issy" and "Ivry"
            # not at all. A first word of four letters is a short name only for a large town, never an ordinary word.
            continue
        runner_up = ranked[1].population if len(ranked) > 1 else 0
        if word in communes:
            # Only former communes bear the name alone: the towns people mean by it are candidates too. A town that does
            # not dwarf its namesakes is asked with them ("Villefranche": -sur-Saône, -de-Rouergue, -de-Lauragais; round
            # 15 took the first without asking).
            if all(c.kind != "c" for c in communes[word]):
                dwarfs = ranked[0].population >= SHORT_NAME_OVER_NAMESAKES * max(runner_up, 1)
                large = [c for c in ranked if c.population >= SHORT_NAME_MIN_POPULATION]
                local = [] if dwarfs or word in words else _local_short_name(found)
                communes[word].extend(large + [c for c in local if c not in large])
            else:
                largest = max(c.population for c in communes[word] if c.kind == "c")
                communes[word].extend(
                    c
                    for c in ranked
                    if c.population >= max(SHORT_NAME_MIN_POPULATION, SHORT_NAME_OVER_NAMESAKES * max(largest, 1))
                )
            continue
        if ranked[0].population >= SHORT_NAME_MIN_POPULATION and ranked[0].population >= 10 * max(runner_up, 1):
            communes[word].append(ranked[0])
        elif word not in words:
            communes[word].extend(_local_short_name(found))
    for stem, found in articled.items():
        if stem not in communes and stem not in departement_keys and stem not in words and stem not in NOT_SHORT_NAMES:
            communes[stem].extend(_local_short_name(found))
    for stem, found in saints.items():
        if stem not in communes and stem not in departement_keys:
            towns = [c for c in found if c.kind == "c" and c.population >= SAINT_SHORT_NAME_MIN_POPULATION]
            if towns:
                communes[stem].extend(towns)
    for key in [key for key, found in communes.items() if not found]:
        del communes[key]  # a short name that found no town


# Round 23 (r23a-06, r23a-07, r23a-10): well-known landmarks people place their business by ("celle à côté du stade de
# France" for Saint-Denis, 93; "près du viaduc de Millau"; "à côté du Futuroscope"), read as the commune they stand in,
# with or without their article ("du Futuroscope" is "de le futuroscope"). Only names that are no ordinary phrase and
# stand in one commune: "la tour Eiffel" yes, "la gare", "le centre commercial" or "Center Parcs" (several) never.
LANDMARKS = {
    "Futuroscope": "86062",  # Chasseneuil-du-Poitou
    "Stade de France": "93066",  # Saint-Denis
    "Viaduc de Millau": "12145",  # Millau
    "Puy du Fou": "85082",  # Les Epesses
    "Disneyland": "77111",  # Chessy
    "Disneyland Paris": "77111",
    "Eurodisney": "77111",
    "Euro Disney": "77111",
    "Parc Astérix": "60494",  # Plailly
    "Vulcania": "63381",  # Saint-Ours
    "Zoo de Beauval": "41198",  # Saint-Aignan
    "Pont du Gard": "30346",  # Vers-Pont-du-Gard
    "Dune du Pilat": "33529",  # La Teste-de-Buch
    "Dune du Pyla": "33529",
    "Circuit Paul Ricard": "83035",  # Le Castellet
    "Grottes de Lascaux": "24291",  # Montignac-Lascaux
    "Tour Eiffel": "75056",  # Paris
    "Marineland": "06004",  # Antibes
}
_LANDMARK_ARTICLES = {"Futuroscope": "le", "Stade de France": "le", "Viaduc de Millau": "le", "Puy du Fou": "le"}
_LANDMARK_ARTICLES |= {"Parc Astérix": "le", "Zoo de Beauval": "le", "Pont du Gard": "le", "Dune du Pilat": "la"}
_LANDMARK_ARTICLES |= {"Dune du Pyla": "la", "Circuit Paul Ricard": "le", "Grottes de Lascaux": "les"}
_LANDMARK_ARTICLES |= {"Tour Eiffel": "la"}


def _add_usage_names(communes: dict[str, list[Commune]]) -> None:
    by_insee = {c.insee: c for found in communes.values() for c in found if c.kind == "c"}
    landmarks = {
        spelling: insee
        for name, insee in LANDMARKS.items()
        for spelling in (name, *([f"{_LANDMARK_ARTICLES[name]} {name}"] if name in _LANDMARK_ARTICLES else []))
    }
    for name, insee in {**USAGE_NAMES, **landmarks}.items():
        commune = by_insee.get(insee)
        key = normalise(name)
        if commune is not None and all(c.insee != insee for c in communes[key]):
            # The longer name is no ordinary word, even when the official one is ("valence").
            communes[key].append(commune._replace(common_word=False))


def _add_merged_towns(communes: dict[str, list[Commune]]) -> None:
    """A town merged into a commune nouvelle that carries its name ("Vire" in Vire Normandie, "Belleville" in
    Belleville-en-Beaujolais) is still called by its own name, now a commune déléguée without a population: the commune
    nouvelle is a candidate under that name (round 36, make run: "elle est à Vire" was noted as Viré, Saône-et-Loire, a
    village of 1,200 people, never Vire Normandie's 17,000). A commune bearing the name itself is asked with it, never
    passed over: accents are folded, so "Viré" typed with its accent reads the same."""
    current = {c.insee: c for found in communes.values() for c in found if c.kind == "c"}
    for key, found in communes.items():
        for delegated in [c for c in found if c.kind == "d"]:
            town = current.get(delegated.insee)
            if (
                town is not None
                and town not in found
                and normalise(town.name).startswith(key + " ")
                and town.population >= LOCAL_SHORT_NAME_MIN_POPULATION
            ):
                found.append(town)


@lru_cache(maxsize=1)
def tables() -> Tables:
    names = departements()
    departement_keys: dict[str, str] = {}
    for code, name in names.items():
        if code in _COLLECTIVITIES_NAMED_AS_COMMUNES:
            continue
        key = normalise(name)
        departement_keys[key] = code
        departement_keys[_without_article(key)] = code
    communes: dict[str, list[Commune]] = defaultdict(list)
    by_postcode: dict[str, list[Commune]] = defaultdict(list)
    longest = max(len(key.split()) for key in departement_keys)
    with open(DATA_DIR / "communes.tsv", encoding="utf-8") as file:
        next(file)
        for line in file:
            insee, name, departement, kind, postcodes, population, common, key = line.rstrip("\n").split("\t")
            commune = Commune(insee, name, departement, kind, tuple(postcodes.split()), int(population), common == "1")
            communes[key].append(commune)
            longest = max(longest, key.count(" ") + 1)
            for postcode in commune.postcodes:
                by_postcode[postcode].append(commune)
    for (
        overseas_insee,
        overseas_name,
        overseas_departement,
        overseas_postcodes,
        overseas_population,
    ) in _OVERSEAS_COMMUNES:
        commune = Commune(
            overseas_insee,
            overseas_name,
            overseas_departement,
            "c" if overseas_population else "d",
            overseas_postcodes,
            overseas_population,
            False,
        )
        communes[normalise(overseas_name)].append(commune)
        for postcode in commune.postcodes:
            by_postcode[postcode].append(commune)
    _add_short_names(communes, departement_keys)
    _add_usage_names(communes)
    _add_merged_towns(communes)
    # Most populous first: the order candidates are offered in.
    ordered = {k: tuple(sorted(v, key=lambda c: (c.kind != "c", -c.population, c.insee))) for k, v in communes.items()}
    return Tables(names, departement_keys, ordered, {k: tuple(v) for k, v in by_postcode.items()}, longest)
