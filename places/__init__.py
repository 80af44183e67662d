"""Places in France, read every way they are written: département codes and names, postcodes, communes.

Plain Python over INSEE's Code officiel géographique (vendored in places/data, see SOURCE.md there):
no Rasa, SQL or HTTP. The bot, the case model and the inbox read places only through this package.

- ``resolve(answer)``: an answer to the place question -> found / ambiguous / not found.
- ``find_in_text(text)``: a place named in a free sentence, conservatively; a place negated ("pas le
  Nord") is never read, a correction ("non c'est la Somme") is.
- ``names_a_known_town(text)``: a whole answer that is only a known town's name ("Rouen" at another question).
- ``names_a_departement(text)``: a whole answer that only names a département ("dans la Creuse" at another question).
- ``negated_departements(text)``: the départements a sentence says are wrong.
- ``choose(answer, choices)``: the place an answer to "which one?" picks ("celle de la Réunion", "le 93").
- ``departement_code(text)``: the one département normaliser ("9" -> "09", "59000" -> "59", "Nord" -> "59").
"""

from places.choice import choose
from places.data import Commune, departements
from places.resolve import (
    AMBIGUOUS,
    DEPARTEMENT_CODE_PATTERN,
    FOUND,
    NOT_FOUND,
    Resolution,
    departement_code,
    find_in_text,
    names_a_departement,
    names_a_known_town,
    negated_departements,
    postcode_departement,
    resolve,
)


def departement_name(code: str) -> str | None:
    """ "62" -> "Pas-de-Calais"."""
    return departements().get(code)


__all__ = [
    "AMBIGUOUS",
    "DEPARTEMENT_CODE_PATTERN",
    "FOUND",
    "NOT_FOUND",
    "Commune",
    "Resolution",
    "choose",
    "departement_code",
    "departement_name",
    "departements",
    "find_in_text",
    "names_a_departement",
    "names_a_known_town",
    "negated_departements",
    "postcode_departement",
    "resolve",
]
