"""Handoff logic without Rasa: contact validation, the consent wording, and the case draft."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from actions.conversation import SKIPPED
from cases.drafts import SENSITIVE_REASON_KEYS, CaseDraft, InvalidDraft
from cases.phones import FRENCH_REGIONS, readable_phone
from french.numbers import digits_from_words
from french.text import without_ligatures
from french.words import ACCENTED_KIN, FEMININE_KIN, FILLERS, KIN, with_possessive
from intake.email_domains import address_put_right, domain_put_right
from places import departement_code, names_a_known_town
from triage import CATEGORY_TITLES, SITUATION_LABELS, health_words
from triage.answers import NOT_SAFE, UNSURE
from triage.distress import find_signs, says_feeling_or_strain, signs_in_words
from triage.health import (
    HEALTH_REMOVED,
    health_beyond_death,
    mentions_health,
    part_mentions_health,
    says_health,
    without_health,
)

log = logging.getLogger(__name__)

MAX_NAME_LENGTH = 60


def phone_digits(text: str) -> str:
    """The words with a number said in words written in digits ("zéro six, douze, trente-quatre…" ->
    "06 12 34…"), the commas of a dictated number dropped: what the phone readers below read."""
    text = _LETTER_O_AS_ZERO.sub("0", text)
    return re.sub(r"(?<=\d)\s*,\s*(?=\d)", " ", digits_from_words(text))


# The letter O typed for a zero beside digits, with no letter touching it ("06 07 08 09 1O", "O6 12 …": round 18,
# r18a-09, "Je n'ai pas bien compris"); never in a word ("10 ou 11", "ok 06…").
_LETTER_O_AS_ZERO = re.compile(r"(?:(?<=\d)[oO]{1,2}|(?<![^\W_])[oO]{1,2}(?=\d))(?![^\W\d_])")


def normalise_phone(text: str | None) -> str | None:
    """A phone number in E.164 (+33612345678), or None when it is not one (written in words too): a French one, or
    a foreign one written with its country code ("+32 470 12 34 56", an artisan living across the border)."""
    if not text:
        return None
    digits = phone_digits(text.strip())
    number = _valid_number(digits)
    if number is None:
        return None
    if sum(char.isdigit() for char in digits) < len(str(number.national_number)):
        return None  # letters read as digits, as on a keypad: "06.45.12.xx.xx" is no +33645129999
    if phonenumbers.region_code_for_number(number) not in FRENCH_REGIONS and not _callable_abroad(number, digits):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# The overseas collectivities with their own country code and no trunk "0": a local number said without the code
# ("76 12 34" in Nouméa) is theirs when the place is known (round 28, r28-a-12). Code and the number's digits.
_LOCAL_PLANS = {"988": ("687", 6), "987": ("689", 8), "986": ("681", 6), "975": ("508", 6)}


def local_number_of_place(text: str | None, departement: str | None) -> str | None:
    """The number in E.164 when ``text`` is a local number of the collectivity ``departement`` names, typed without
    its country code ("76 12 34" with 988 -> +687761234); None otherwise."""
    plan = _LOCAL_PLANS.get(str(departement or ""))
    if not text or plan is None:
        return None
    code, length = plan
    numbers = re.findall(r"\+?\d[\d\s.-]*\d", text)
    if len(numbers) != 1 or numbers[0].startswith("+") or numbers[0].startswith("0"):
        return None  # "c'est le 76 12 34" is one; two numbers, a code or a trunk "0" are read otherwise
    digits = re.sub(r"\D", "", numbers[0])
    if len(digits) != length:
        return None
    return normalise_phone(f"+{code} {digits}")


# The overseas départements, whose numbers are written nationally as in France ("0692 45 67 89", La Réunion) but
# belong to their own numbering region: a number the French plan does not know is read in theirs.
OVERSEAS_REGIONS = ("RE", "YT", "GP", "MQ", "GF")
_OVERSEAS_PREFIXES = frozenset(
    ["262", "692", "693", "269", "639", "590", "690", "691", "596", "696", "697", "594", "694"]
)


def _regions_to_try(digits: str) -> tuple[str, ...]:
    """The numbering regions to read the digits in, an overseas prefix's own first ("0269 ...", Mayotte, is valid in the
    French plan too, and would be stored +33 instead of +262)."""
    national = re.sub(r"\D", "", digits)
    overseas = national.startswith("0") and national[1:4] in _OVERSEAS_PREFIXES
    return (*OVERSEAS_REGIONS, "FR") if overseas else ("FR", *OVERSEAS_REGIONS)


def _valid_number(digits: str) -> phonenumbers.PhoneNumber | None:
    """The number the digits are, in the French plan or, written nationally, an overseas département's; None.
    An overseas prefix is read in its own region first ("0269 ...", Mayotte, is valid in the French plan too, and
    would be stored +33 instead of +262)."""
    for region in _regions_to_try(digits):
        try:
            number = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:
            return None
        if phonenumbers.is_valid_number(number):
            return number
        if digits.lstrip().startswith(("+", "00")):
            return None  # a country code says the region: no other is tried
    return None


@functools.lru_cache(maxsize=4096)
def phone_matches(text: str) -> tuple[phonenumbers.PhoneNumberMatch, ...]:
    """The phone numbers in the words (already through ``phone_digits``), French or overseas, in their order.

    Remembered per text: every action call reads the conversation's messages again, and running the matcher over six
    numbering plans each time was a quarter of the action server's CPU per turn (`python -m bench.cpu --profile`,
    2026-12-05). The matches are read, never changed, by the callers."""
    found: dict[tuple[int, int], phonenumbers.PhoneNumberMatch] = {}
    for region in ("FR", *OVERSEAS_REGIONS):
        for match in phonenumbers.PhoneNumberMatcher(text, region):
            if not any(start < match.end and match.start < end for start, end in found):
                found[(match.start, match.end)] = match
    return tuple(found[span] for span in sorted(found))


def number_unknown(text: str | None) -> bool:
    """A number written the right way ("07 11 22 33 44": ten digits, 0 first) that no numbering plan knows: the
    artisan is asked to check it, not to write it "ainsi : 06 12 34 56 78" as they just did."""
    if not text or contact_answers(text).get("phone"):
        return False
    for match in _NUMBER_ATTEMPT.finditer(phone_digits(text)):
        attempt = re.sub(r"\D", "", match.group())
        if attempt.startswith("0") and len(attempt) == 10:
            return True
        code = next((code for code in _FRENCH_CODES if attempt.lstrip("0").startswith(code)), None)
        if match.group().lstrip().startswith(("+", "00")) and code and len(attempt.lstrip("0")) == len(code) + 9:
            return True  # "+262 639 12 34 56": nine digits after a French code, in no allocated range (round 12)
    return False


# The country codes of France and its overseas départements and collectivities (33, 262, 590, 594, 596, 508), from the
# numbering metadata; a code is read as the longest one that exists ("+2626..." is 262, "+447..." is 44).
_FRENCH_CODES = frozenset(str(phonenumbers.country_code_for_region(region)) for region in FRENCH_REGIONS)
_COUNTRY_CODE = re.compile(
    r"(?:\+|\b00)((?:"
    + "|".join(sorted(map(str, phonenumbers.COUNTRY_CODE_TO_REGION_CODE), key=len, reverse=True))
    + r"))[\s.-]?\(?\d"
)
# What an attempt at a French number looks like: 0, or a French country code ("+33", "+262", "00590"), then digits in
# groups ("0320 45 67 8", "06 12 34 56", "+262 639 12 34 56": round 12, an overseas number was no attempt).
_NUMBER_ATTEMPT = re.compile(
    r"(?<![\d/])(?:(?:\+|\b00)(?:"
    + "|".join(sorted(_FRENCH_CODES))
    + r")[\s.-]?(?:\(0\)\s*)?|0)[1-9](?:[\s.-]?\d){4,11}(?![\d/])"
)
_DATE = re.compile(r"\d{2}[.-]\d{2}[.-]\d{2,4}")


def wrong_number(text: str | None) -> bool:
    """Words with an attempt at a phone number that is none ("0320 45 67 8": a digit missing), and no valid
    number beside it: the artisan meant to give one, and is told so rather than "je n'ai pas compris"."""
    if not text or mentions_contact(text):
        return False
    return any(not _DATE.fullmatch(match.group()) for match in _NUMBER_ATTEMPT.finditer(phone_digits(text)))


def without_number_attempts(text: str) -> str:
    """The words with every attempt at a phone number taken out ("c'est Karim 07 81 22 33 4" -> "c'est Karim "), so
    that what is said beside a wrong number is read as if the number were right."""
    return _NUMBER_ATTEMPT.sub(" ", text)


def too_many_digits(text: str | None) -> int:
    """How many digits an attempt at a French number has beyond a number's ("06 12 34 56 78 9": one; round 17,
    r17a-16, told "incomplet"): the artisan is told of a digit too many, not of one missing. 0 when none is too long."""
    if not text:
        return 0
    for match in _NUMBER_ATTEMPT.finditer(phone_digits(text)):
        if _DATE.fullmatch(match.group()):
            continue
        attempt = re.sub(r"\D", "", match.group())
        if match.group().lstrip().startswith(("+", "00")):
            attempt = attempt[2:] if attempt.startswith("00") else attempt
            code = max((code for code in _FRENCH_CODES if attempt.startswith(code)), key=len, default="")
            if len(attempt[len(code) :].lstrip("0")) > 9:
                return len(attempt[len(code) :].lstrip("0")) - 9
        elif len(attempt) > 10:
            return len(attempt) - 10
    return 0


def digits_too_many_said(extra: int) -> str:
    """ "un chiffre de trop", "des chiffres en trop"."""
    return "un chiffre de trop" if extra == 1 else "des chiffres en trop"


def mentions_contact(text: str | None) -> bool:
    """A phone number or an e-mail address somewhere in the words ("c'est le 06 45 23 11 09 le soir")."""
    if not text:
        return False
    return "@" in text or bool(phone_matches(phone_digits(text)))


_PERSONAL_LINES = frozenset(
    {
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    }
)


def _callable_abroad(number: phonenumbers.PhoneNumber, digits: str) -> bool:
    """A foreign number is taken when written with its country code ("+32", "0032") and is a personal line, never a
    premium or shared-cost one."""
    return digits.lstrip().startswith(("+", "00")) and phonenumbers.number_type(number) in _PERSONAL_LINES


def phones_in(text: str | None) -> list[str]:
    """Every distinct valid number in the words, in the order said (E.164): "06 12 34 56 78 ou sinon le 07 98 76 54
    32" gives both, the first one being the number the artisan gives first (round 6: only the second was kept)."""
    if not text:
        return []
    found: list[str] = []
    for match in phone_matches(phone_digits(text)):
        phone = normalise_phone(match.raw_string)
        if phone and phone not in found:
            found.append(phone)
    return found


# Words between a name and its number ("Marc au 03 ...", "moi c'est Léa sur le 06 ...", "Léa : 06 ...").
_TO_THE_NUMBER = re.compile(
    r"(?:[\s,:(-]+(?:au|a|sur|le|la|son|mon|num|numero|tel|portable|fixe|c'est|cest|joignable))*[\s,:(-]*$", re.I
)
_BEFORE_THE_NAME = re.compile(
    r"^(?:(?:et|ou|sinon|puis|moi|lui|elle|c'est|cest|c est|alors|oui|bon|appelez|demandez)(?:[\s,:]+|$))+", re.I
)


_WHOSE_NOT_WHO = frozenset(
    [
        "mien",
        "mienne",
        "sien",
        "sienne",
        "leur",
        "notre",
        "votre",
        "celui",
        "celle",
        "fixe",
        "portable",
        "mobile",
        "bureau",
        "atelier",
        "boutique",
        "maison",
        "domicile",
        "perso",
        "pro",
        "travail",
        "boulot",
        "magasin",
    ]
)


def names_of_numbers(text: str | None) -> dict[str, str]:
    """Each number of the words with the name said right before it, in its clause ("Marc au 03 81 00 11 22, moi c'est
    Léa au 06 11 22 33 44 si il répond pas" -> Marc's and Léa's): round 19 (r19a-08) kept the first number under the
    second name. Only the numbers so named."""
    if not text:
        return {}
    from intake.facts import fold

    digits = phone_digits(text)
    named: dict[str, str] = {}
    start = 0
    for match in phone_matches(digits):
        phone = normalise_phone(match.raw_string)
        before = re.split(r"[,;.!?\n]", digits[start : match.start])[-1]
        start = match.end
        before = _BEFORE_THE_NAME.sub("", _TO_THE_NUMBER.sub("", before).strip()).strip()
        if not phone or not before or len(before.split()) > 2 or set(fold(before).split()) & _WHOSE_NOT_WHO:
            continue  # "le mien 06 ...", "le fixe 03 ...": whose number or which, not a name
        name = first_name_said(before) or first_name_said(before.title() if before.islower() else "")
        if name and phone not in named:
            named[phone] = name
    return named


def _possible_french_number(text: str) -> str | None:
    """The first French or overseas number of the right length in the words (E.164), allocated or not."""
    for match in _NUMBER_ATTEMPT.finditer(phone_digits(text)):
        digits = match.group()
        for region in _regions_to_try(digits):
            try:
                number = phonenumbers.parse(digits, region)
            except phonenumbers.NumberParseException:
                break
            if (
                phonenumbers.region_code_for_country_code(number.country_code or 0) in FRENCH_REGIONS
                and len(str(number.national_number)) == 9
                and phonenumbers.is_possible_number(number)
            ):
                return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None


def insisted_number(text: str | None, earlier: Iterable[str]) -> str | None:
    """A French number of the right length that the numbering metadata does not know, given again after an earlier
    message gave the same ("0639 12 34 56", then "je vous l'ai donné : +262 639 12 34 56", round 12, r12a-15): the
    artisan's own number, kept as written (ranges are opened faster than the metadata follows); None otherwise."""
    if not text or phones_in(text):
        return None
    number = _possible_french_number(text)
    if number is None:
        return None
    return number if any(_possible_french_number(said or "") == number for said in earlier) else None


# The intake slots an entity may fill from any message (bot/domain/intake.yml's from_entity mappings, with no condition).
INTAKE_SLOTS_FILLED_ANYWHERE = ("since_when", "deadline", "trade", "legal_form", "employees", "creditors")


def part_of_a_number(value: Any, text: str | None) -> bool:
    """The value's digits are part of a phone number typed in the words, valid or not ("34 56" of "oui, +262 639 12 34
    56", round 12, r12a-15: stored as "Échéance : 34 56")."""
    digits = re.sub(r"\D", "", str(value or ""))
    if len(digits) < 2:
        return False
    runs = (re.sub(r"\D", "", run.group()) for run in DIGIT_RUN.finditer(phone_digits(text or "")))
    return any(len(run) >= 8 and digits in run for run in runs)


def foreign_attempt(text: str | None) -> bool:
    """Digits written with a foreign country code ("+44 7700 900123", "0044 ..."): the French example would not help.
    France's own codes are no foreign ones: "+262 639 ..." (Mayotte) was told "numéro étranger" (round 12, r12a-15)."""
    if not text:
        return False
    return any(code not in _FRENCH_CODES for code in _COUNTRY_CODE.findall(text))


# A title alone names nobody: "Mme" was kept as the name the advisor reads aloud (round 6).
_TITLES = frozenset(
    {"mme", "madame", "mlle", "mademoiselle", "m", "m.", "mr", "mr.", "monsieur", "me", "dr", "docteur"}
)


def only_a_title(name: str | None) -> bool:
    from intake.facts import fold

    return bool(name) and all(word in _TITLES for word in fold(str(name)).replace(".", " ").split())


def closed_weekday(preference: str | None, open_weekdays: Iterable[int]) -> int | None:
    """The day the artisan asked for ("samedi matin") when the chamber does not call on it; None otherwise."""
    if not preference:
        return None
    from chamber.hours import CallbackPreference

    wish = CallbackPreference.read(preference)
    open_days = set(open_weekdays)
    if wish.weekday is None or wish.weekday in open_days or open_days & set(wish.other_weekdays):
        return None  # "samedi ou lundi": the Monday said with it is possible (round 18)
    return wish.weekday


def without_weekday(preference: str) -> str:
    """The preference with its day names taken out ("samedi matin" -> "matin"): the part of the day stays."""
    from intake.facts import fold

    kept = [word for word in preference.split() if fold(word).strip(".,") not in _DAY_NAMES]
    return " ".join(kept)


_DAY_NAMES = frozenset(["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"])


def display_phone(e164: str) -> str:
    """ "+33612345678" -> "06 12 34 56 78", the way the artisan wrote it (cases.phones)."""
    return readable_phone(e164)


def normalise_email(text: str | None) -> str | None:
    """The address, normalised by email-validator; a dictated one ("karim arobase gmail point com") or one typed with
    spaces ("jean.dupont @ gmail.com", "jean . dupont@ orange . fr") is read too (round 26: refused as incomplete)."""
    if not text:
        return None
    for candidate in dict.fromkeys((text.strip(), dictated_email(text))):
        try:
            address = validate_email(candidate, check_deliverability=False).normalized if candidate else None
        except EmailNotValidError:
            continue
        # "franck.garage@gmial.com" (round 29, r29-a-22: kept as the only contact of an urgent case): a provider's
        # domain slipped on the keyboard is put right (said back by ``email_put_right_text``).
        return address_put_right(address) if address else None
    return None


EMAIL_PUT_RIGHT = (
    "Vous avez écrit « {typed} » : je note « {right} », l'adresse la plus courante. Si je me trompe, écrivez-moi "
    "l'adresse en entier."
)


def email_put_right_text(address: str | None, said: Sequence[str]) -> str | None:
    """The sentence saying a provider's domain was put right in the address kept ("Vous avez écrit « gmial.com » : je
    note « gmail.com » ..."), when the person typed it slipped; None otherwise (typed right, dictated, none)."""
    if not address or "@" not in address:
        return None
    local, _, right = address.rpartition("@")
    for text in reversed(said):
        for token in _EMAIL_TOKEN.findall(text or ""):
            typed_local, _, typed = token.strip(".,;:!?").rpartition("@")
            if typed_local.lower() == local.lower() and typed.lower() != right and domain_put_right(typed) == right:
                return EMAIL_PUT_RIGHT.format(typed=typed.lower(), right=right)
    return None


# The signs of an address as they are said: "arobase", "point", "tiret", "tiret du bas" (round 26: "jean dupont
# arobase gmail point com" was refused as incomplete).
_SPOKEN_SIGNS = (
    (re.compile(r"\b(?:arobase|arrobase|arobaz|at)\b"), " @ "),
    (re.compile(r"\b(?:tiret du bas|tiret bas|underscore)\b"), " _ "),
    (re.compile(r"\b(?:point|dot)\b"), " . "),
    (re.compile(r"\b(?:tiret|trait d'union)\b"), " - "),
)
# "kevin point platre at gmail point com" (round 28, r28-a-19: read as a health problem): "at" is the "@" only before a
# domain said with its ending, never the English word in a sentence.
_SPOKEN_AT = re.compile(r"\bat\s+[a-z0-9-]+(?:\s+(?:point|dot)\s+[a-z0-9-]+)*\s+(?:point|dot)\s+[a-z]{2,4}\b")
# What introduces the address in a sentence ("mon mail c'est ...", "voici mon adresse : ...").
_BEFORE_THE_ADDRESS = re.compile(
    r"^(?:.*(?:^|\s)(?:c'est|cest|c est|est|voici|voila|e-?mail|mail|mel|courriel|adresse|oui|ok|alors|euh|et|puis|:)"
    r"(?=[\s:]|$))?"
    r"[\s:,]*"
)
_ADDRESS_WORD = re.compile(r"[a-z0-9][a-z0-9._+-]*")


def dictated_email(text: str | None) -> str | None:
    """The address in words as they are said or typed with spaces ("jean dupont arobase gmail point com",
    "jean.dupont @ gmail.com", "jean . dupont@ orange . fr"): the signs put back, the spaces around them dropped, the
    words of the name before the "@" joined; None when there is no single "@" or too many words before it."""
    if not text:
        return None
    spoken = " ".join(text.lower().replace("’", "'").split())
    if (
        "@" not in spoken
        and not re.search(r"\b(?:arobase|arrobase|arobaz)\b", spoken)
        and not _SPOKEN_AT.search(spoken)
    ):
        return None
    for sign, written in _SPOKEN_SIGNS:
        spoken = sign.sub(written, spoken)
    spoken = re.sub(r"\s*([@._-])\s*", r"\1", " ".join(spoken.split())).strip(" .,;!")
    if spoken.count("@") != 1:
        return None
    local, domain = spoken.split("@")
    # The sentence around the address: its introduction before, anything after the domain's first word.
    local = _BEFORE_THE_ADDRESS.sub("", local).strip()
    domain = domain.split()[0] if domain.split() else ""
    words = local.split()
    if not words or len(words) > 2 or not all(_ADDRESS_WORD.fullmatch(word) for word in words):
        return None
    return "".join(words) + "@" + domain


def clean_name(text: str | None) -> str | None:
    """A first name as typed, trimmed, in words only: markup and signs dropped (round 9, r9b-08: "<script>Nadia</script>"
    was stored as the name the advisor reads); None when there is nothing usable."""
    if not text:
        return None
    from intake.shapes import name_without_courtesy

    words = _MARKUP.sub(" ", str(text))
    words = _NOT_IN_A_NAME.sub(" ", words)
    # "Monsieur Lemoine je vous prie" (round 14, r14a-02): the politeness typed after it names nobody.
    name = name_without_courtesy(" ".join(words.split()).strip(" -'’.")[:MAX_NAME_LENGTH])
    # "Yann Le Goff le patron", "Karim Benali gérant" (round 17, r17a-01, r17a-09): the role is no part of the name.
    name = _WORK_ROLE_AFTER_NAME.sub("", name or "").strip(" -'’.,") or name
    # A first name, then the nickname others use (round 26, r26b-01: stored whole): the name, not the nickname's tale.
    name = _NICKNAME_AFTER_NAME.sub("", name or "").strip(" -'’.,") or name
    return name or None


# A nickname told after the name: "... les copains m'appellent JP", "on me dit Nath", "Momo pour les intimes".
_NICKNAME_AFTER_NAME = re.compile(
    r"(?<=\w)[\s,]+(?i:(?:mais|et|enfin|sinon)\s+)?(?i:(?:tout le monde|on|les gens|les clients|les copains|mes amis|"
    r"mes potes|les potes|mes proches|ma famille|au boulot|au travail)\s+(?:m'|m’|me\s+)(?:appelle|appellent|apelle|dit|"
    r"disent|surnomme|surnomment)\b.*|[\w-]+\s+pour\s+les\s+(?:intimes|amis|potes|copains|proches)\b.*)$"
)


# A role at work said after the name: with its article ("le patron", "la cogérante"), or bare and in small letters
# ("gérant"; "Jean Boss", "Sophie Chef" may be surnames).
_ROLES_AT_WORK = r"patron|patronne|g[ée]rante?|co-?g[ée]rante?|dirigeante?|pr[ée]sidente?"
_WORK_ROLE_AFTER_NAME = re.compile(
    r"(?<=\w)[\s,]+(?:(?i:(?:le|la|l'|l’|c'est le|c'est la|je suis le|je suis la)\s*(?:"
    + _ROLES_AT_WORK
    + r"|chef|cheffe|boss|responsable|propri[ée]taire|associ[ée]e?))|(?:"
    + _ROLES_AT_WORK
    + r"))(?:\s+(?:de|du|des|d')\s*(?:la |l'|le )?[\w'’-]+)?$"
)


# Tags and entities ("<b>", "&lt;") name nobody; a name keeps letters, hyphens, apostrophes and the dot of "M.".
_MARKUP = re.compile(r"<[^>]*>|&[#\w]+;")
_NOT_IN_A_NAME = re.compile(r"[^\w\s\-'’.]|[\d_]")


def privacy_notice_url() -> str:
    """The web app's privacy notice (inbox/pages/privacy.py), where the artisan's browser reaches it."""
    import os

    return os.environ.get("RELAIS_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/") + "/confidentialite"


def consent_text(
    retention_days: int,
    chamber_name: str,
    max_case_age_days: int | None = None,
    privacy_url: str | None = None,
    by_email: bool = False,
) -> str:
    """What the software does (cases.retention): erased ``retention_days`` after the case is closed, and
    ``max_case_age_days`` after the request at the latest, even if nobody closed it. ``by_email``: the advisor is to
    write, not call (an address given instead of a number: round 17, r17a-11 was told "votre numéro")."""
    latest = f", et au plus tard {max_case_age_days} jours après votre demande" if max_case_age_days else ""
    details = f" ([tout savoir sur vos données]({privacy_url}))" if privacy_url else ""
    if by_email:
        return (
            f"Pour qu'un conseiller vous écrive, je dois garder votre prénom, votre adresse e-mail et ce que vous "
            f"m'avez dit ; seuls les conseillers de la {chamber_name} le liront. Vos données sont effacées "
            f"{retention_days} jours après la fin de votre suivi{latest}{details}. Êtes-vous d'accord ?"
        )
    return (
        f"Pour qu'un conseiller vous rappelle, je dois garder votre prénom, votre numéro et ce que vous "
        f"m'avez dit ; seuls les conseillers de la {chamber_name} le liront. Vos données sont effacées {retention_days} "
        f"jours après la fin de votre suivi{latest}{details}. Êtes-vous d'accord ?"
    )


# What the summary says of the situation, in this order (health details stay out of it: no consent yet).
SUMMARY_SITUATION_KEYS = (
    "trade",
    "legal_form",
    "employees",
    "departement",
    "commune",
    "since_when",
    "deadline",
    "creditors",
    "steps_taken",
)


def summarise(
    categories: Sequence[str],
    urgency: str | None,
    distress: bool,
    situation: Mapping[str, str],
    health_consent: bool,
    not_safe: bool = False,
    person_at_risk: str | None = None,
    safety_unsure: bool = False,
    written_by: str | None = None,
    other_phones: Sequence[str] = (),
    phone_lines: Sequence[str] = (),
    happened: Sequence[str] = (),
    sums: Sequence[str] = (),
    asks: Sequence[str] = (),
    health_said: Sequence[str] = (),
    question_declined: bool = False,
    callback_promised: str | None = None,
    account: str | None = None,
    signs: Sequence[str] = (),
    suicide_answer: str | None = None,
    discretion: str | None = None,
    safety_said: tuple[str, bool] | None = None,
    safety_unknown: bool = False,
    means: Sequence[str] = (),
) -> str:
    """A French summary an advisor reads in twenty seconds. ``not_safe``: the answer to "Êtes-vous en sécurité en ce
    moment ?" was not a clear yes; it was in the transcript only, where an advisor with thirty cases may not look.
    ``person_at_risk``: someone close wrote about another person's warning signs, in the writer's words;
    ``safety_unsure``: that person's safety, said with a doubt ("je pense oui, il est sur un chantier").
    ``written_by``: who wrote for whom (``written_for_line``); ``other_phones``: numbers given beside the kept one.
    Round 12: the advisor with thirty cases reads who writes, what happened (``happened``: a death, a liquidation, a
    seizure and when), the sums (``sums``) and what the person asks (``asks``) first, before the categories;
    ``health_said``: the health words, given only with the health consent; ``question_declined``: the question about
    suicide was declined, which is no distress "expressed". ``callback_promised``: when the artisan was told the call
    would come, in the bot's words; the moment stored is the artisan's ("demain matin" said on a Saturday, round 15).
    ``account``: the person's own account of the situation, quoted (``account_said``, round 17). Round 20:
    ``discretion``, the writer's request that the person not know (``discretion_line``), read first; ``safety_said``,
    where the person is and whether someone is with them, as the relative answered the safety question."""
    shown = [c for c in categories if health_consent or c != "sante"]
    parts = []
    if distress and person_at_risk:
        who = f"DÉTRESSE signalée par un proche de la personne, au sujet de « {person_at_risk} »"
        if not_safe and safety_unknown:
            # Round 29 (r29-a-02): "je sais pas il est parti au chantier ce matin" (the one-tap answer "Non, ou je ne sais
            # pas") was written "pas en sécurité selon ce proche": what the relative said is that they do not know.
            parts.append(f"{who}, ce proche ne sait pas si la personne est en sécurité : rappeler immédiatement.")
        elif not_safe:
            parts.append(f"{who}, pas en sécurité selon ce proche : rappeler immédiatement.")
        elif safety_unsure and safety_said:
            # Round 20 (r20a-01, r20a-07): what the relative said, still no safety plan: never "en sécurité".
            words, company = safety_said
            if re.search(r"\b(?:moi|nous|je|j)\b", words.lower()):
                words = f"« {words} »"  # "à côté de moi": the relative's words, as theirs
            if company:
                around = "entourée" if _feminine_person(person_at_risk) else "entouré"
                said = f"a priori {around} selon ce proche ({words}), sécurité non confirmée"
            else:
                said = f"sécurité non confirmée (selon ce proche : {words})"
            parts.append(f"{who}, {said} : rappeler immédiatement.")
        elif safety_unsure:
            # Round 17 (r17b-16): "oui elle est avec sa sœur" is company, no safety plan: never written "en sécurité".
            parts.append(f"{who}, sécurité non confirmée selon ce proche : rappeler immédiatement.")
        else:
            parts.append(f"{who} : rappeler immédiatement.")
    elif distress and question_declined and not not_safe:
        # Round 12 (r12b-17): "je préfère pas répondre" was stored as "DÉTRESSE exprimée".
        parts.append(
            "SIGNES DE DÉTRESSE, la personne a préféré ne pas répondre à la question sur le suicide : "
            "rappeler immédiatement."
        )
    elif distress and not_safe:
        parts.append("DÉTRESSE exprimée, pas en sécurité au moment de l'échange : rappeler immédiatement.")
    elif distress and safety_unsure:
        # "oui je crois" (round 9, r9b-01): neither the no the summary said before, nor a yes.
        parts.append("DÉTRESSE exprimée, sécurité non confirmée au moment de l'échange : rappeler immédiatement.")
    elif distress:
        parts.append("DÉTRESSE exprimée : rappeler immédiatement.")
    if written_by:
        # Round 7: a wife, a son, a daughter wrote; the summary named neither them nor the person concerned.
        parts.append(written_by)
    if distress and (signs or suicide_answer):
        # Round 18 (r18b-01, 09, 10): without the health consent the words of the sign are kept nowhere (RGPD art. 9),
        # and the advisor called someone in crisis without knowing why. The kind of sign, never a quote, is said.
        kept = "" if health_consent else " (mots non conservés, sans accord santé)"
        sign_words = [", ".join(signs)] if signs else []
        if means:
            # Round 29 (r29-a-28): the weapon named is the first fact of the call; the kind only, never the words.
            sign_words.append(f"moyen à portée mentionné : {', '.join(means)}")
        if suicide_answer:
            sign_words.append(f"à la question sur le suicide, {suicide_answer}")
        parts.append(f"Signes repérés{kept} : " + " ; ".join(sign_words) + ".")
    elif suicide_answer == NO_ANSWER_SAID:
        # Round 20: without distress, the advisor still reads that the question was asked and got no answer.
        parts.append(f"Question sur le suicide {NO_ANSWER_SAID}.")
    if happened:
        parts.append(_capitalised(" ; ".join(happened)) + ".")
    if sums:
        parts.append("Sommes dites : " + " ; ".join(sums) + ".")
    if account:
        parts.append(f"Ses mots : {account}.")
    if health_consent and health_said:
        parts.append("Santé (accord donné) : " + ", ".join(health_said) + ".")
    if asks:
        parts.append("Demande : " + " ; ".join(asks) + ".")
    if shown:
        labels = ", ".join(CATEGORY_TITLES.get(c, c).lower() for c in shown)
        parts.append(f"Difficultés : {labels}.")
    else:
        parts.append("Difficulté non précisée.")
    if urgency:
        parts.append(f"Urgence : {urgency}.")
    facts = [f"{SITUATION_LABELS[key]} : {situation[key]}" for key in SUMMARY_SITUATION_KEYS if situation.get(key)]
    if facts:
        parts.append(" ; ".join(facts) + ".")
    if other_phones:
        numbers = ", ".join(display_phone(phone) for phone in other_phones)
        parts.append(f"Autre numéro donné : {numbers}.")
    parts += phone_lines  # whose numbers they are (phone_notes)
    if callback_promised:
        parts.append(f"Rappel promis : {callback_promised}.")
    if discretion:
        parts.insert(0, discretion)
    return " ".join(parts)


def _feminine_person(person: str | None) -> bool:
    """ "ma femme", "ma patronne": the person at risk is a woman (the summary's "entourée")."""
    from intake.facts import fold

    words = fold(person or "").split()
    return bool(words) and (words[0] == "ma" or words[-1] in FEMININE_KIN)


def health_of_relative_said(slots: Mapping[str, Any]) -> bool:
    """A relative's illness told ("ma femme a un cancer": vie_personnelle, not sante): health data all the same."""
    quotes = (slots.get("triage_reasons") or {}).get("vie_personnelle") or []
    return any(health_beyond_death(quote) for quote in quotes)


def reasons_kept(slots: Mapping[str, Any], health_consent: bool) -> dict[str, list[str]]:
    """The triage's reasons for the case: without the health consent, no quote of health (anyone's) or distress."""
    reasons = dict(slots.get("triage_reasons") or {})
    if health_consent:
        return reasons
    kept = {}
    for key, quotes in reasons.items():
        if key in SENSITIVE_REASON_KEYS:
            continue
        without_health = [said for said in (_without_sensitive_quote(quote) for quote in quotes) if said]
        if without_health:
            kept[key] = list(dict.fromkeys(without_health))
    return kept


_LIFE_RISK = "risque pour la vie"


def _without_sensitive_quote(reason: str) -> str | None:
    """A reason without the health or distress words it quotes (round 18, r18b-01: « risque pour la vie : « ils auront
    plus a s'embeter avec moi » » and a works quote with the warning sign stayed in the case without the consent). A
    label before the quote stays ("risque pour la vie"); a reason that is only the quote goes."""
    if reason.startswith(_LIFE_RISK):
        return _LIFE_RISK  # whatever it quotes is the sign itself, or the answer to the question about suicide
    if health_beyond_death(reason):
        return None
    quoted = re.findall(r"«([^»]*)»", reason)
    if quoted and any(mentions_health(words) for words in quoted):
        label = reason.split("«", 1)[0].rstrip(" :")
        return label or None
    return reason


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


# "je veux savoir comment on fait", "est-ce que je dois", a question mark: what the person asks, in their words.
_ASKING = re.compile(
    r"\?|\b(?:je (?:veux|voudrais|souhaite|aimerais) (?:savoir|comprendre|des conseils|de l'aide|de l aide|etre aide)|"
    r"j'aimerais savoir|comment (?:on|je|faire|fait|faut)|que faire|quoi faire|qu'est-ce que je|est-ce que je|"
    r"est ce que je|je dois (?:la |le |les )?\w+ \?|j'ai besoin (?:d'|de )|j ai besoin (?:d |de )|aidez(?:-| )moi|"
    r"que dois-je|que dois je)"
)
# Questions about this service, not the situation ("c'est gratuit ?", "vous êtes un robot ?").
_ABOUT_THE_SERVICE = re.compile(
    r"\b(?:gratuit|payant|robot|vous etes|qui etes|qui lit|confidentiel|donnees|anonyme|c'est quoi la chambre|"
    r"vous pouvez m'appeler|vous m'appelez|quand (?:est-ce qu')?(?:il|on|vous) (?:m'appelle|rappelle)|"
    # Round 15 (r15a-01, -04, -08, -15; r15b-06, -10): who reads, how long before the call, whether one must answer, why
    # the question, what comes next: questions about the service, not the request the advisor prepares.
    r"qui (?:va )?(?:lire|lit|voir|voit|verra)|combien de temps (?:avant|pour (?:etre|qu'on|que vous))|"
    r"(?:avant|pour) qu'on me (?:rappelle|contacte|appelle)|(?:oblige(?:e|s)?|c oblige) de (?:donner|repondre|dire|tout)|"
    r"pourquoi (?:vous )?(?:me )?(?:voulez|demandez)|quoi la suite|"
    # Round 16 (r16b-07): "euh ma banque va etre au courant?": whether others will know, a question about this service.
    r"(?:va|vont|sera|seront|serait|seraient|est|sont) (?:pas )?(?:etre )?(?:mise?s? )?(?:au courant|prevenue?s?|informee?s?)|"
    r"(?:va|vont|pourra|pourront|peut|peuvent) (?:pas )?(?:le |l' ?)?(?:savoir|apprendre|voir ce que j)|"
    r"(?:le matin|l'apres-midi|l'aprem|le soir|ce soir)\b[^?]{0,30}c'est possible|"
    # Round 17 (M14: r17a-04, -07, -11, -14, r17b-01, -09, -18): how or when the call comes, by mail instead, someone
    # now, whether the ex sees it: questions about this service stood as the "Demande" and hid the situation.
    r"(?:(?:vous|on) (?:ne )?(?:pouvez|pourriez|peut|pourrait)|pouvez[- ]vous|pourriez[- ]vous)(?: pas)?(?: juste| plutot)? "
    r"(?:me |m'|m |nous )?(?:faire )?(?:rappeler|appeler|ecrire|envoyer|repondre|contacter|joindre)|(?:appeler|rappeler|ecrire) vous|"
    r"(?:rappel\w*|appel\w*) (?:apres|avant|vers|a partir de|le soir|le matin|le samedi|ce soir)|"
    r"(?:rappel|appel)\w* quand|quand (?:est-ce qu'?|est ce qu'?)?(?:ils?|elles?|on|vous) (?:me |m'|m |nous )?(?:rappel|appel)\w*|"
    r"(?:avoir|parler a) (?:quelqu'un|qqn|un conseiller|une conseillere|un humain|un vrai humain|une personne)|"
    r"par (?:mail|e-mail|email|courriel|sms|texto)|tombe\w* dessus|(?:lire|voir|lit|voit) (?:mes|ces|les) messages|"
    # "vous pensez que je vais m'en sortir ?": a worry to answer, no request an advisor prepares.
    r"(?:je vais|on va|il va|elle va|je vais pouvoir) (?:m'en|m en|s'en|s en|nous en|en) sortir|"
    # Round 18 (M11: r18b-11, r18b-13): who calls back, whether the police is told: the service, not the request.
    r"qui (?:est-ce qui |c'est qui )?(?:va |vont )?(?:me |m')(?:rappel\w*|appel\w*|contact\w*)|c'est qui qui|"
    r"quelqu'un de (?:la|votre) chambre|(?:flics?|police|gendarme\w*)|"
    # Round 19 (c.M4, b.M8, b.M9, a.M1): "on en était où ?", "c'est vous l'URSSAF ?", "vous l'avez ?", "vous pouvez me
    # redire ce que vous avez noté ?", "quelqu'un d'ici ou de Paris ?", "ça coûte combien un conseiller ?", "c koi
    # lheure du rapel ?": questions to the bot stood as the person's request.
    r"on en (?:etait|est|etais) ou|ou (?:on en|en) (?:etait|est|etions)|c'?(?: )?est vous|c vous|vous l'?(?: )?avez|"
    r"vous (?:l'|l |les |le |la )?avez (?:deja |bien )?(?:note|eu|recu|pris|garde|mon|son|sa|ses|mes|le|la|les)|"
    r"(?:re)?dire ce que vous|ce que vous avez (?:note|compris|retenu)|quelqu'un (?:d'ici|d ici|du coin|de paris|de la region|"
    r"sur place)|cou?te\w* combien|c'?(?: )?est combien|combien (?:ca|ça) (?:coute|coûte)|l?'?heure du (?:rappel|rapel|appel|apel)|"
    r"(?:rapel|apel)\w* (?:quand|a quelle heure)|"
    # Round 23 (r23a-01, r23b-09): "c'est obligé ?", "il va pas être fiché ?": the service, not the request.
    r"fiche(?:e|s)? ?\?|c'?(?: )?est (?:obligee?|obligatoire) ?\?)"
)
# A question that means something only with the bot's message before it ("cé koi la différence ?", "ça veut dire
# quoi ?", round 17, r17a-03): nothing of the situation for the advisor.
_WITHOUT_ITS_CONTEXT = re.compile(
    r"^(?:(?:et|mais|donc|ok|alors|euh|du coup|bon)[ ,]+)*(?:c'?(?: )?est |ce |c |cest )?(?:quoi|koi|qoi) "
    r"(?:la difference|ca|cela|ce truc|ce machin|exactement|au juste)$|"
    r"^(?:(?:et|mais|donc|ok|alors|euh|du coup|bon)[ ,]+)*(?:ca|cela|c|ce) (?:veut|ve) dire quoi$|"
    r"^(?:(?:et|mais|donc|ok|alors|euh|du coup|bon)[ ,]+)*(?:quelle|c'?(?: )?est quoi la|ce koi la|c koi la) difference$|"
    # "…sans donner mon nom. c'est possible ?" (round 19, r19a-12): the question leans on the sentence before.
    r"^(?:(?:et|mais|donc|ok|alors|euh|du coup|bon)[ ,]+)*(?:c'?(?: )?est|c est|ce serait|ca serait|ca se peut|ca peut se faire)"
    r" (?:possible|faisable|jouable)$"
)
MAX_ASK_LENGTH = 110
# "je sais pas quoi faire" alone says distress, not a request the advisor can prepare.
_ONLY_LOST = re.compile(
    r"^(?:je (?:ne )?(?:sais|sait) (?:pas|plus) (?:quoi faire|quoi|comment faire)|que faire|aidez moi)\W*$"
)


# The consent question ("... Êtes-vous d'accord ?", "Êtes-vous d'accord pour que je garde ...") and the 3114's words
# ("appelez le 3114"): what is asked in answer is about them ("c'est obligé ?", "il va pas être fiché ?"), never the
# request the advisor prepares (round 23, r23a-01: « c'est obligé ? » stood as the "Demande").
_CONSENT_OR_HELPLINE_ASKED = re.compile(r"êtes-vous d'accord|je dois garder votre prénom|\b3114\b", re.IGNORECASE)


def said_not_at_consent(transcript: Sequence[Mapping[str, Any]]) -> list[str]:
    """The artisan's messages, less those that answer the consent question or the 3114's words (``asks_said``'s)."""
    kept: list[str] = []
    before = ""
    for line in transcript:
        text = str(line.get("text") or "")
        if line.get("sender") != "artisan":
            before = text or before
            continue
        if not (_CONSENT_OR_HELPLINE_ASKED.search(before) and "?" in text):
            kept.append(text)
    return kept


def asks_said(artisan_messages: Sequence[str], health_consent: bool) -> list[str]:
    """What the person asks, quoted (at most two): "« comment on fait une liquidation »". Without the health consent,
    no sentence with health or distress words (RGPD art. 9)."""
    asks: list[str] = []
    for message in artisan_messages:
        if not message or message.startswith("/"):
            continue
        for sentence in re.findall(r"[^.!?\n]+[.!?]*", " ".join(message.replace("’", "'").split())):
            from intake.facts import fold

            folded = fold(sentence)
            words = sentence.strip(" .!").strip()
            if len(words.split()) < 3 or not _ASKING.search(folded) or _ABOUT_THE_SERVICE.search(folded):
                continue
            from intake.answers import asks_which_health, fears_someone_sees

            if fears_someone_sees(message) or asks_which_health(message):
                continue  # "si mon ex tombe dessus ?", "quelle info de santé ?": about this service (round 17, r17a-14)
            if phones_in(message) or "@" in message or re.search(r"\d{2}[ .]?\d{2}[ .]?\d{2}[ .]?\d{2}", message):
                continue  # a contact given or corrected ("06 ..., c'est ça ?"): the advisor has it elsewhere
            # Only the clause that asks ("mon associé est mort..., je sais pas quoi faire de ses parts").
            clauses = [c.strip() for c in words.split(",") if c.strip()]
            asking = [c for c in clauses if _ASKING.search(fold(c).rstrip("?").rstrip()) and "?" not in c]
            words = asking[0] if asking else clauses[-1] if clauses else words
            # "ma mère ?" (round 19, r19b-10): two words and a question mark ask nothing the advisor can prepare.
            if len(re.findall(r"\w+", words)) < 3 or _ONLY_LOST.match(fold(words).replace("-", " ")):
                continue
            if _WITHOUT_ITS_CONTEXT.match(fold(words).strip(" ?!.")) or _ABOUT_THE_SERVICE.search(fold(words)):
                continue
            if not health_consent and part_mentions_health(words, message):
                continue
            if len(words) > MAX_ASK_LENGTH:
                words = words[:MAX_ASK_LENGTH].rsplit(" ", 1)[0] + " …"
            asks.append(f"« {words} »")
            if len(asks) == 2:
                return asks
    return asks


# Round 17 (M14, F18): the advisor read the categories and slots, not what happened ("le cyclone a tout arraché la
# toiture de mon dépôt", "30 voitures de clients abîmées", "mon assureur dit que c pas pour moi", "le fournisseur m'a
# coupé le compte", "3 semaines de retard et des pénalités"). The person's own account is quoted, in their words: the
# clauses of the messages where the triage read a difficulty, less greetings, questions, contacts, and (without the
# health consent) any clause of health or distress.
MAX_ACCOUNT_LENGTH = 260
_GREETING_CLAUSE = re.compile(
    r"^(?:(?:bonjour|bonsoir|salut|slt|bjr|bsr|cc|coucou|hello|re|madame|monsieur|alors|voila|euh|bon|ok|oui|non)\b\W*)+$"
)


# An answer to the bot ("mais j'ai dit non", "oui pour la TVA"), or the callback asked ("je veux bien qu'on me rappelle").
_ANSWER_OR_CALL = re.compile(
    r"^(?:mais |ben |bah )?(?:j'ai dit |je vous ai dit )?(?:oui|non|si|ok|d'accord)\b|"
    r"\b(?:me rappel|m'appel|m appel|rappelez|qu'on me|qu on me|un conseiller|quelqu'un)\w*"
)


_CUT = "[…]"


def _names_a_business_difficulty(clause: str) -> bool:
    from triage.engine import assess

    return any(category not in ("sante", "autre") for category in assess([clause]).categories)


def account_said(artisan_messages: Sequence[str], health_consent: bool) -> str | None:
    """ "« carrossier a valence, grele de dimanche, 30 voitures de clients abimées dans mon parc … »": the first
    messages that tell the situation, quoted as typed (cut at a word near ``MAX_ACCOUNT_LENGTH``). None when no message
    tells one."""
    from intake.facts import fold, puts_an_amount_right
    from triage.engine import assess

    kept: list[str] = []
    told = 0
    for message in artisan_messages:
        if not message or message.startswith("/") or "@" in message or phones_in(message) or told == 3:
            continue
        if told and (puts_an_amount_right(message) or _amount_put_aside(message)):
            kept.append(" ".join(message.split()).strip(" .!;:"))  # "non pas 4000, 6000": whole, beside the 4000
            continue
        if not assess([message]).categories or callback_time(message):
            continue  # no situation told, or when to call ("en fin de journée, quand le salon ferme")
        told += 1
        after_sensitive = False
        for sentence in re.findall(r"[^.!?\n]+[.!?]*", " ".join(message.replace("’", "'").split())):
            parts = re.split(r",|…|\.\.+", sentence)
            if "?" in sentence:
                # Asked, not told (the request line quotes what is asked); the clauses told before the question stay
                # (round 24, r24a-17: "…2 cheques rejetés… interdit bancaire… cest grave ?" left the case with no word
                # of the situation).
                parts = [part for part in parts if "?" not in part and not _ASKING.search(fold(part))]
            sentence_kept: list[str] = []
            for part in parts:
                clause = re.sub(
                    r"^(?:bonjour|bonsoir|salut|slt|bjr|bsr|cc|coucou|re)\b[\s!]*", "", part.strip(" .!;:"), flags=re.I
                )
                folded = fold(clause)
                # One word alone says nothing, unless it goes on a list begun in the sentence ("35 000 de dettes,
                # urssaf, impôts, fournisseurs": round 24, r24a-13, the quote kept "fournisseurs" and lost the others).
                listed = bool(sentence_kept) and bool(clause.split())
                if (len(clause.split()) < 2 and not listed) or _GREETING_CLAUSE.match(folded):
                    continue
                if _ANSWER_OR_CALL.search(folded):
                    continue
                if not health_consent and (
                    part_mentions_health(clause, message)
                    or (after_sensitive and not _names_a_business_difficulty(clause))
                ):
                    # Round 18 (r18b-14): "il est épuisé, il s'endort à table": the clause after the health words
                    # goes on about them, with no health word of its own; it goes too, until a difficulty is named.
                    # r18b-02: the cut is shown, so that the quote does not read as one sentence.
                    after_sensitive = True
                    if kept and kept[-1] != _CUT:
                        kept.append(_CUT)
                    continue
                after_sensitive = False
                kept.append(clause)
                sentence_kept.append(clause)
        if len(", ".join(kept)) >= MAX_ACCOUNT_LENGTH:
            break
    while kept and kept[-1] == _CUT:
        kept.pop()
    text = ", ".join(kept)
    if not text:
        return None
    if len(text) > MAX_ACCOUNT_LENGTH:
        text = text[:MAX_ACCOUNT_LENGTH].rsplit(" ", 1)[0].rstrip(",;") + " …"
    return f"« {text} »"


_COLLECTIVE_PROCEDURES = (
    "liquidation judiciaire",
    "redressement judiciaire",
    "procédure de sauvegarde",
    "redressement (",
)


def happened_said(artisan_messages: Sequence[str]) -> list[str]:
    """Deaths first, then what happened to the business (intake.facts): "décès de son associé (il y a 2 semaines)",
    "liquidation judiciaire, audience le mardi 15 décembre", "saisie de son camion (la semaine prochaine)"."""
    from intake.facts import UNSPECIFIED_REDRESSEMENT, deaths_said, denies_a_procedure, events_said, redressement_meant
    from triage.engine import denies_a_seizure

    # Someone close writing, said in any message ("je suis son fils", then "ma mère est décédée"): each death and event
    # is told for the artisan, not from the writer's side (round 14, r14a-09).
    relative = (written_for(artisan_messages) or {}).get("relative")
    deaths: list[str] = []
    events: list[str] = []
    for message in artisan_messages:
        if not message or message.startswith("/"):
            continue
        if denies_a_seizure(message):
            # "y a pas de saisie pour l'instant" after a seizure was read (round 25, s25c-01): it leaves the case.
            events = [line for line in events if not line.startswith("saisie ")]
        if denies_a_procedure(message):
            # "je suis pas en procédure", "aucune procédure" after a procedure was read (round 26): it leaves the case.
            events = [line for line in events if not line.startswith(_COLLECTIVE_PROCEDURES)]
        known = [death.split(" (")[0] for death in deaths]
        deaths += [line for line in deaths_said(message, relative) if line.split(" (")[0] not in known]
        events += [line for line in events_said(message, relative) if line not in events]
    # "contrôle fiscal" in one message, "le redressement" in the next (round 18, r18a-15): the reading the messages make
    # clear, never "non précisé".
    meant = redressement_meant(" ".join(m for m in artisan_messages if m and not m.startswith("/")))
    if meant:
        unspecified = len(UNSPECIFIED_REDRESSEMENT)
        events = [meant + line[unspecified:] if line.startswith(UNSPECIFIED_REDRESSEMENT) else line for line in events]
        events = [line for index, line in enumerate(events) if line not in events[:index]]
    return deaths + events


def sums_in(artisan_messages: Sequence[str], creditors: str | None) -> list[str]:
    """The sums said, with whom they concern, less those the creditors line already shows ("URSSAF 3000 €")."""
    from intake.facts import amounts_said_again, sums_said

    shown = re.sub(r"\D", "", creditors or "")
    # Never a sum the creditors line contradicts: one of a creditor denied since, or an amount put right since (round
    # 15, r15a-01 and r15a-11: "Sommes dites : URSSAF 8 400 €" beside "Créanciers : URSSAF 4800 €").
    _, dropped, _, superseded = _creditors_read(artisan_messages)
    found: list[str] = []
    just_said: list[str] = []  # the sums of the message before, which a correction alone may put right
    for message in artisan_messages:
        if not message or message.startswith("/"):
            continue
        again = amounts_said_again(message)
        if again:
            # "les 35 000 c'est pas une dette", "c'est 3 fois 1150" (round 19, r19c-06, r19c-04): the sum said before
            # with that amount is put right; the creditors line shows what is owed.
            found = [line for line in found if re.sub(r"\D", "", line.split(" par mois")[0]) not in again]
            just_said = [line for line in just_said if line in found]
        lines = sums_said(message)
        corrected = _sums_put_right_again(message, lines, [just_said, found])
        if corrected is not None:
            # "non pardon c'est 13000 qu'il me doit, pas 12000" (round 24, r24a-15: "un client doit 12 000 € ... ; 13 000
            # qu'il doit 13 000 € à l'entreprise"): the line said before takes the new amount, never both.
            before, after = corrected
            found = [after if line == before else line for line in found]
            just_said = [after if line == before else line for line in just_said]
            continue
        if not lines and just_said:
            # "l'urssaf me réclame 3000" then "non pardon c'est 8000" (round 15: 3 000 € kept): the amount just said,
            # put right in the next message, is replaced by the new one.
            lines = _sum_put_right(message, just_said)
            found = [line for line in found if not lines or line not in just_said]
        for line in lines:
            digits = re.sub(r"\D", "", line)
            if line not in found and not (digits and "doi" not in line and digits in shown):
                labels = set(_creditor_labels(line)) if "doi" not in line else set()
                if (labels and labels <= dropped) or _amount_replaced(line, superseded):
                    continue
                found.append(line)
        just_said = lines
    return found


# The opening of an amount put right ("non pardon c'est 8000", "en fait 8 000", "je me suis trompé, c'est 5000").
_SUM_CORRECTED = re.compile(
    r"^(?:(?:ah|oh|euh|ben|bah|oups|mince|non|nan|pardon|dsl|desolee?)[ ,.!]+)*(?:non|nan|pardon|oups|erreur|en fait|"
    r"plutot|enfin|je rectifie|je corrige|correction|je me suis trompee?|je voulais dire|c'?(?: )?est pas ca)\b"
)
# "8 000 pas 3 000", "8000 et non 3000": the amount said wrong, named to be put aside.
_NOT_THAT_SUM = re.compile(
    r"\b(?:pas|non pas|et non|au lieu de)\s+(?P<wrong>\d[\d ]*\d|\d)(?:\s?(?:k\s?€|k\b|€|euros?\b))?"
)
# An amount that is something else than the debt: turnover, a wage, a count, what is paid each month.
_SUM_OF_SOMETHING_ELSE = re.compile(
    r"\b(?:ca|chiffre|benefice|marge|salaire|revenu|loyer|facture|devis|clients?|salaries?|employes?|ans?|mois|jours?|"
    r"semaines?|heures?|h|pour ?cent|%|par (?:mois|an|semaine)|mensuel\w*|credit|pret|emprunt|stock)\b"
)


# "j'ai regardé la facture", "vérifié sur le courrier": where the right amount was read, said with it.
_WHERE_THE_AMOUNT_WAS_READ = re.compile(
    r"\b(?:j'?(?: )?ai |apres avoir )?(?:bien )?(?:re)?(?:regarde|verifie|relu|lu|vu|checke|recompte|calcule)\w* "
    r"(?:sur |dans )?(?:la |les |le |ma |mes |mon )?(?:factures?|papiers?|releves?|courriers?|lettres?|comptes?)\b|"
    r"\b(?:sur|d'apres|selon) (?:la|ma|le|mon) (?:facture|courrier|lettre|releve)\b"
)


def _amount_put_aside(message: str) -> bool:
    """ "c'est 13000 qu'il me doit, pas 12000", "16000 et non 14000": an amount said with the wrong one put aside."""
    from intake.facts import fold, money_in_digits

    folded = money_in_digits(fold(" ".join(message.replace("’", "'").split())))
    aside = _NOT_THAT_SUM.search(folded)
    return (
        aside is not None
        and bool(re.search(r"\d{3}", aside.group("wrong")))
        and len(re.findall(r"\d{3,}", folded)) >= 2
    )


def _sums_put_right_again(message: str, lines: Sequence[str], pools: Sequence[Sequence[str]]) -> tuple[str, str] | None:
    """The line said before that a message with its own reading of the sums puts right, and the line it becomes (the
    amount put aside named: "c'est 13000 qu'il me doit, pas 12000"); None otherwise."""
    if not lines or not _amount_put_aside(message):
        return None
    for pool in pools:
        if not pool:
            continue
        put = _sum_put_right(message, pool)
        changed = [(before, after) for before, after in zip(pool, put, strict=False) if before != after]
        if len(put) == len(pool) and len(changed) == 1:
            return changed[0]
    return None


def _sum_put_right(message: str, just_said: Sequence[str]) -> list[str]:
    """The sums of the message before with one amount put right, when the message says only that ("non pardon c'est
    8000", "en fait 8 000 pas 3 000"); [] when it says more or else ("et le fisc 2000" is another debt, read as such;
    "8000 de CA" is no correction)."""
    from intake.facts import (
        _AMOUNT,
        _BARE_AMOUNT,
        _CREDITOR,
        _amount,
        _is_year,
        amount_put_right_words,
        fold,
        money_in_digits,
    )

    folded = money_in_digits(fold(" ".join(message.replace("’", "'").split())))
    # "et c'est 5200 au final j'ai regardé la facture" (round 16, r16a-10: the case kept 6 000 €): put right anywhere in
    # the words; where the amount was read is no other sum.
    folded = _WHERE_THE_AMOUNT_WAS_READ.sub(lambda found: " " * len(found.group()), folded)
    opening = _SUM_CORRECTED.match(folded) or amount_put_right_words(folded)
    aside = _NOT_THAT_SUM.search(folded)
    if not (opening or aside) or _CREDITOR.search(folded) or _SUM_OF_SOMETHING_ELSE.search(folded):
        return []
    rest = folded[: aside.start()] + folded[aside.end() :] if aside else folded
    amounts = list(_AMOUNT.finditer(rest)) or list(_BARE_AMOUNT.finditer(rest))
    if len(amounts) != 1 or _is_year(rest, amounts[0]) or re.search(r"\bdepuis\b", rest):
        return []
    new = _amount(rest, amounts[0]) if amounts[0].re is _AMOUNT else f"{amounts[0].group(1).replace('.', ' ')} €"
    new = re.sub(r"\b\d{4,}\b", lambda m: f"{int(m.group()):,}".replace(",", " "), new)
    # The line put right: the one with the amount put aside when it is named, else the last said.
    wrong = re.sub(r"\D", "", aside.group("wrong")) if aside else ""
    index = len(just_said) - 1
    if wrong:
        named = [i for i, line in enumerate(just_said) if re.sub(r"\D", "", line) == wrong]
        if not named:
            return []  # "8000 pas 2000" when 3 000 was said: not this amount
        index = named[-1]
    line = just_said[index]
    said = re.search(r"\d[\d ]*(?:,\d{1,2})? €", line)
    if not said:
        return []
    return [*just_said[:index], line[: said.start()] + new + line[said.end() :], *just_said[index + 1 :]]


def health_quotes(slots: Mapping[str, Any]) -> list[str]:
    """The health words the triage quoted (the artisan's and a relative's), for the summary with the consent only."""
    reasons = slots.get("triage_reasons") or {}
    quotes = list(reasons.get("sante") or []) + [q for q in reasons.get("vie_personnelle") or [] if health_words(q)]
    kept: list[str] = []
    for quote in quotes:
        plain = str(quote).split(" : ressemble")[0].strip()  # the learned model's explanation is for nobody
        if plain and plain not in kept:
            kept.append(plain)
    return kept[:3]


def since_in_full(since: str | None, artisan_messages: Sequence[str]) -> str | None:
    """ "depuis la mort" (round 12, B16: "J'ai noté : depuis la mort.") said in full as typed: "depuis la mort de
    maman"."""
    if not since:
        return since
    from intake.facts import fold

    cut = fold(since)
    if not re.fullmatch(r"depuis (?:la mort|le deces|la perte|le depart|la disparition)", cut):
        return since
    for message in artisan_messages:
        original = " ".join((message or "").replace("’", "'").split())
        folded = fold(original)
        whose = r" (?:de |d'|du |des )(?:(?:mon|ma|mes|son|sa|ses|notre) )?[^\W\d_]+"
        match = re.search(re.escape(cut) + whose, folded)
        if match:
            return original[match.start() : match.end()]
    return since


# ------------------------------------------------------------------------------ creditors said over the conversation

# What the intake stores when the artisan says no at the creditors question (actions.intake_actions.WHAT_A_NO_SAYS);
# round 14: "non pas la banque, c'est le fournisseur" was stored as it, every creditor lost.
NO_DEBT_SAID = "aucune dette signalée"
# A creditor added to those already given: "ah et aussi le fournisseur", "et puis l'urssaf", "en plus je dois 1500 au
# grossiste", "j'ai oublié les impôts".
_CREDITOR_ADDED = re.compile(
    r"\b(?:aussi|egalement|en plus|de plus|et puis|puis|sans oublier|j'?(?: )?ai oublie|oublie de (?:dire|preciser)|"
    r"ainsi que|(?:il )?y a encore|il reste)\b|^(?:(?:ah|oh|euh|ben|bah|bon|oui|ouais)[ ,]+)*et\b"
)
# A correction's opening: "non en fait c'est les impôts", "pardon, la banque", "je me suis trompé".
_CREDITOR_CORRECTED = re.compile(
    r"^(?:(?:ah|oh|euh|ben|bah|oups|mince)[ ,]+)*(?:non|nan|pardon|oups|erreur|en fait|plutot|je rectifie|je corrige|"
    r"correction|je me suis trompee?|je voulais dire)\b"
)

_Creditor = tuple[tuple[str, ...], str]  # the creditors it names (labels of intake.facts), and how it is shown


def _creditor_labels(text: str) -> tuple[str, ...]:
    """The creditors a piece of text names, as intake.facts labels them ("banque", "URSSAF"), a label itself included."""
    from intake.facts import _CREDITORS, creditor_names, fold

    folded = fold(text)
    labels = [label for label in (creditor_names(text) or "").split(", ") if label]
    for label, _ in _CREDITORS:
        if folded.startswith(fold(label)) and label not in labels:
            labels.insert(0, label)
    return tuple(labels)


def _shown_as_noted(part: str, labels: tuple[str, ...]) -> bool:
    """The way the intake notes a creditor ("URSSAF 8000 €", "banque"), not an answer's words ("et aussi le ...")."""
    from intake.facts import fold

    return bool(labels) and fold(part).startswith(fold(labels[0]))


# An audit said, which is no debt yet: "un contrôle fiscal", "contrôle de l'urssaf", "vérification de comptabilité".
_AUDIT = re.compile(
    r"\b(?:controles?|verifications?) (?:fiscale?s?|de comptabilite|(?:de (?:l'|l )?|des )?(?:urssaf|impots|fisc|tva|msa))\b"
)


# "je lui dois rien", "je ne leur dois plus rien", "on doit rien à la banque": nothing owed to the creditor named.
_OWES_NOTHING = re.compile(
    r"\b(?:je |j'|on |nous )?(?:ne |n'|n )?(?:lui |leur )?(?:dois|doit|devons) (?:plus |absolument )?rien\b"
)


def _creditors_said(message: str) -> tuple[list[_Creditor], set[str], bool, bool]:
    """What one message says of the creditors: those it names (with their amounts when said), those it denies ("non
    pas la banque"), whether it adds to those given, whether it corrects them."""
    said, denied, added, corrected = _creditors_said_once(message)
    return list(said), set(denied), added, corrected


# The case's draft reads every message of the conversation again at each answer: a message's text alone decides (issue
# 18). Bounded, and kept immutable.
@functools.lru_cache(maxsize=4096)
def _creditors_said_once(message: str) -> tuple[tuple[_Creditor, ...], frozenset[str], bool, bool]:
    from intake.facts import creditor_names_meant, creditors_denied, extract_facts, fold

    folded = fold(" ".join(message.replace("’", "'").split()))
    named = set(_creditor_labels(message))
    meant = [label for label in (creditor_names_meant(message) or "").split(", ") if label]
    # The intake's reading of a denial first: "c'est pas la retraite c'est la MSA" denies the pension fund, which "la
    # retraite" alone does not name (round 15, r15a-10).
    denied = (creditors_denied(message) | (named - set(meant))) - set(meant)
    nothing = _OWES_NOTHING.search(folded)
    if nothing:
        # "la banque je lui dois rien c'est juste qu'elle refuse un prêt" (round 24, r24a-13: "C'est corrigé", and the
        # case still said "banque"): a creditor one owes nothing stays denied, whatever else the message says of it.
        left = max(folded.rfind(mark, 0, nothing.start()) for mark in ",.;!?") + 1
        ends = [found for found in (folded.find(mark, nothing.end()) for mark in ",.;!?") if found >= 0]
        clause = folded[left : min(ends, default=len(folded))]  # the creditor named with "dois rien"
        firm = creditors_denied(message) or set(_creditor_labels(clause))
        denied |= firm
        meant = [label for label in meant if label not in firm]
    added = bool(_CREDITOR_ADDED.search(folded))
    corrected = bool(_CREDITOR_CORRECTED.search(folded))
    found = extract_facts(message).get("creditors")
    said: list[_Creditor] = []
    if found:
        for part in found.split(", "):
            labels = _creditor_labels(part)
            if labels and not set(labels) <= denied:
                said.append((labels, part))
    elif meant and (added or corrected or denied):
        # "et l'urssaf aussi", "non pas la banque, c'est le fournisseur": names without a debt word. An audit starting
        # ("j'ai aussi un contrôle fiscal qui commence lundi", round 17, r17a-17) names no debt: no creditor from it.
        audited = set(_creditor_labels(_AUDIT.sub(" ", folded))) if _AUDIT.search(folded) else None
        said = [((label,), label) for label in meant if audited is None or label in audited]
    return tuple(said), frozenset(denied), added, corrected


def _amount_digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _put(items: list[_Creditor], new: _Creditor, superseded: set[tuple[str, str]]) -> None:
    """A creditor said again takes its latest amount; one said without an amount keeps the amount known. An amount
    replaced goes to ``superseded`` (label, digits): the summary's sums must not show it any more."""
    labels, text = new
    for index, (known, known_text) in enumerate(items):
        if known == labels:
            if re.search(r"\d", text) or not re.search(r"\d", known_text):
                if _amount_digits(known_text) and _amount_digits(known_text) != _amount_digits(text):
                    superseded.update((label, _amount_digits(known_text)) for label in known)
                items[index] = new
            return
        if set(known) & set(labels) and not re.search(r"\d", text):
            return
    items.append(new)


def _denial_applied(items: list[_Creditor], message: str, denied: set[str]) -> list[_Creditor]:
    """The creditors read so far, less those the message denies; the one it names instead takes the amount of the one
    it replaces ("caisse de retraite 5000 €" + "c'est pas la retraite c'est la MSA" -> "MSA 5000 €"). The intake's own
    reading of a correction (intake.facts._creditors_corrected), so that the case and the intake agree."""
    from intake.facts import NO_DEBT, _creditors_corrected

    corrected = _creditors_corrected(", ".join(text for _, text in items), message, denied)
    if corrected is None:
        return [item for item in items if not set(item[0]) <= denied]
    if corrected == NO_DEBT:
        return []
    return [(_creditor_labels(part) or (part,), part) for part in corrected.split(", ") if part]


def _amount_put_right(items: list[_Creditor], message: str, just_said: list[_Creditor]) -> list[_Creditor]:
    """The creditor of the message before whose amount this one puts right ("non pardon c'est 8000", "en fait 4800
    pas 8400"): its new text, or nothing (round 15: the case showed "URSSAF 3 000 €" beside "Sommes dites : URSSAF
    8 000 €")."""
    texts = [text for _, text in just_said]
    lines = _sum_put_right(message, texts) if texts else []
    if not lines:
        return []
    changed: list[_Creditor] = []
    for (labels, before), after in zip(just_said, lines, strict=True):
        if after != before and any(item[0] == labels for item in items):
            # Written as the intake writes amounts ("URSSAF 8000 €"), not as the sums are ("8 000 €").
            changed.append((labels, re.sub(r"(?<=\d) (?=\d{3}\b)", "", after)))
    return changed


def _creditors_read(
    artisan_messages: Sequence[str],
) -> tuple[list[_Creditor], set[str], set[str], set[tuple[str, str]]]:
    """The creditors the messages say, read in order: the items, the labels denied and not said again, the labels
    whose amount a later message put right, and the amounts replaced since they were said (label, digits)."""
    items: list[_Creditor] = []
    dropped: set[str] = set()
    put_right: set[str] = set()
    superseded: set[tuple[str, str]] = set()
    just_said: list[_Creditor] = []
    for message in artisan_messages:
        if not message or message.startswith("/"):
            continue
        said, denied, added, corrected = _creditors_said(message)
        if denied:
            kept = _denial_applied(items, message, denied)
            gone = {label for item in items for label in item[0]} - {label for item in kept for label in item[0]}
            dropped |= gone | denied  # the slot may hold a denied one the reading never had (an echo's label)
            # Amounts the correction moved or replaced ("le fournisseur c'est 5300 pas 3500").
            still = {(label, _amount_digits(text)) for labels, text in kept for label in labels}
            superseded |= {(label, _amount_digits(text)) for labels, text in items for label in labels} - still
            items = kept
        elif corrected and not added and said and not any(set(i[0]) & set(s[0]) for i in items for s in said):
            dropped |= {label for item in items for label in item[0]}
            items = []
        for new in said:
            _put(items, new, superseded)
            dropped -= set(new[0])
            if re.search(r"\d", new[1]):
                put_right -= set(new[0])
        if not said and not denied:
            for new in _amount_put_right(items, message, just_said):
                _put(items, new, superseded)
                put_right |= set(new[0])
        just_said = [item for item in items if any(set(item[0]) == set(s[0]) for s in said)] if said else []
    return items, dropped, put_right, superseded


def _amount_replaced(part: str, superseded: set[tuple[str, str]]) -> bool:
    """A noted creditor ("URSSAF 8 400 €") whose amount a later message replaced or denied."""
    digits = _amount_digits(part)
    return bool(digits) and any((label, digits) in superseded for label in _creditor_labels(part))


def creditors_in_full(creditors: str | None, artisan_messages: Sequence[str]) -> str | None:
    """The creditors line of the case: the slot (the intake's latest reading), with the creditors it lost brought back.

    The intake's slot keeps only the latest message's creditors (round 14: "ah et aussi le fournisseur", "et l'urssaf
    aussi" replaced the bank already given, "non pas la banque, c'est le fournisseur" left "aucune dette signalée").
    The messages are read again in order: one that adds ("aussi", "et puis", "en plus") or names a new creditor adds to
    them, one that denies a creditor ("non pas X, c'est Y", "c'est pas l'urssaf c'est les impôts les 6000", "la banque
    je lui dois rien") removes it, its amount going to the one named instead, a correction that names none of those
    given ("non en fait c'est les impôts") replaces them all, and an amount put right in the next message ("non pardon
    c'est 8000") replaces the one said. The slot is kept as it is when it lost nothing and shows nothing denied or put
    right since (an amount corrected there, words the reading does not know)."""
    items, dropped, put_right, superseded = _creditors_read(artisan_messages)
    slot_parts = [part for part in (creditors or "").split(", ") if part.strip()]
    if not items:
        if creditors and dropped and creditors != NO_DEBT_SAID:
            # Everything said was denied ("la banque je lui dois rien"): the slot less the denied ones.
            left = [part for part in slot_parts if not set(_creditor_labels(part)) & dropped]
            return ", ".join(left) or NO_DEBT_SAID
        return creditors
    if creditors == NO_DEBT_SAID:
        return ", ".join(text for _, text in items)
    in_slot = {label for part in slot_parts for label in _creditor_labels(part)}
    stale = [part for part in slot_parts if _amount_replaced(part, superseded)]
    if all(set(labels) & in_slot for labels, _ in items) and not (in_slot & (dropped | put_right)) and not stale:
        return creditors  # nothing lost, nothing denied or put right since
    shown: list[str] = []
    for labels, text in items:
        noted = [p for p in slot_parts if _creditor_labels(p) == labels and _shown_as_noted(p, labels)]
        # The slot's amount is kept, unless a later message put it right (round 15, r15a-01: "URSSAF 8 400 €" beside
        # "URSSAF 4800 €").
        fresh = noted and not set(labels) & put_right and noted[0] not in stale
        shown.append(noted[0] if fresh else text)
    covered = {label for labels, _ in items for label in labels}
    for part in slot_parts:
        labels = _creditor_labels(part)
        if part in shown or part == NO_DEBT_SAID:
            continue
        if labels and (set(labels) & covered or set(labels) & dropped or part in stale):
            continue  # shown from the reading, or denied since
        shown.append(part)  # what the reading does not know ("mon beau-frère 2000 €")
    return ", ".join(shown)


# Round 20: the direct question asked twice, answered twice with something else (actions/crisis_actions.py): no yes and
# no no; the case says so, the distress stays as it was.
NO_ANSWER_REASON = "question directe sur le suicide posée deux fois, sans réponse : la personne a parlé d'autre chose"
NO_ANSWER_SAID = "posée deux fois, restée sans réponse (la personne a parlé d'autre chose)"


def question_declined(slots: Mapping[str, Any]) -> bool:
    """The direct question about suicide was declined ("je préfère pas répondre"): said so, not "exprimée"."""
    from guidance.crisis import DECLINED_REASON

    return DECLINED_REASON in ((slots.get("triage_reasons") or {}).get("overwhelm") or [])


# How the direct question about suicide was answered, for the summary (round 18, r18b-10): never the words.
_SUICIDE_ANSWERS = {"not_clear_no": "pas un non clair", "clear_no": "a répondu non", "yes": "a répondu oui"}


# Round 29 (r29-a-02, r29-b-30): a daughter's "oui un peu j'ai peur" to "craignez-vous que votre père pense au suicide ?"
# was written "a dit avoir des pensées suicidaires", as the father's own words: the advisor would start from a false
# fact. Asked of someone close, the answer is that person's fear or doubt.
_RELATIVE_ANSWERS = {
    "yes": "ce proche a dit le craindre (ses mots, pas ceux de la personne)",
    "not_clear_no": "ce proche ne l'exclut pas (pas un non clair)",
    "clear_no": "ce proche ne le pense pas (son avis, à vérifier)",
}


def suicide_answer(slots: Mapping[str, Any]) -> str | None:
    """The answer to the direct question, in plain words; none when declined (the summary says so) or not asked."""
    if question_declined(slots):
        return None
    if slots.get("person_at_risk"):
        if NO_ANSWER_REASON in ((slots.get("triage_reasons") or {}).get("overwhelm") or []):
            return NO_ANSWER_SAID
        if thoughts_admitted(slots):
            return _RELATIVE_ANSWERS["yes"]
        return _RELATIVE_ANSWERS.get(str(slots.get("suicide_thoughts") or ""))
    if thoughts_admitted(slots):
        # Round 18 (r18b-10, r18b-17): "des fois j'y pense", "c'est arrivé, une ou deux fois": a yes, said plainly.
        return "a dit avoir des pensées suicidaires"
    if NO_ANSWER_REASON in ((slots.get("triage_reasons") or {}).get("overwhelm") or []):
        return NO_ANSWER_SAID
    if slots.get("suicide_thoughts") == "clear_no" and slots.get("distress") and slots.get("distress_level") in (1, 2):
        # Round 25 (s25a-17): "non non, je suis juste épuisée", then "j'aimerais ne pas me réveiller": the summary said "a
        # répondu non", and the advisor might lower the priority. Only a level-3 sign leads to the question: a sign of
        # level 1 or 2 with the distress came after the no.
        return LATER_SIGN_AFTER_NO
    return _SUICIDE_ANSWERS.get(str(slots.get("suicide_thoughts") or ""))


LATER_SIGN_AFTER_NO = "a d'abord répondu non, puis a exprimé un signe d'alerte plus grave : ne pas s'en tenir à ce non"


def thoughts_admitted(slots: Mapping[str, Any]) -> bool:
    """The direct question answered with a yes ("des fois j'y pense", round 18): recorded by the crisis path."""
    from guidance.crisis import THOUGHTS_ADMITTED_REASON

    return THOUGHTS_ADMITTED_REASON in ((slots.get("triage_reasons") or {}).get("distress_signs") or [])


# "j'ai pas de projet", "aucun plan", "j'ai rien prévu" (round 19, r19c-11), never a business project ("pas de projet de
# reprise", "aucun projet d'embauche").
_PLAN_DENIED = re.compile(
    r"\b(?:pas|aucun|jamais eu|sans)(?: de| d| du tout de)? (?:projet|plan)s?\b(?! (?:de|d|pour|immobilier|pro\w*|"
    r"d entreprise|commercial|perso\w*)\b)|\bj ai rien (?:prevu|planifie|prepare)\b|\brien de (?:prevu|planifie)\b"
)


def plan_denied(said: Sequence[str]) -> bool:
    """Whether the person said they had no plan (the case then says it beside an "intention, projet ou moyen")."""
    from triage.normalise import normalise

    return any(_PLAN_DENIED.search(normalise(text)) for text in said)


def _without_health_line(line: Mapping[str, Any]) -> dict[str, Any]:
    """A line of the transcript as the case may read it without the health consent (the artisan's words filtered)."""
    if line.get("sender") != "artisan" or not isinstance(line.get("text"), str):
        return dict(line)
    if line.get("crisis_answer"):
        # An answer to the direct question about suicide or to the safety question is health whole (round 27,
        # r27-a-14: « j'y pense depuis l'incendie » stood in "Ses mots"): the case quotes nothing of it.
        return {**line, "text": HEALTH_REMOVED}
    return {**line, "text": without_health(line["text"], distress=False)}


# The hesitation before a moment ("euh le matin"), the punctuation dictated after it ("le matin virgule", "point").
_HESITATION_FIRST = re.compile(r"^(?:(?:euh+|heu+|bah|ben|bon|alors)\b[\s,.…]*)+", re.IGNORECASE)
_DICTATED_STOP = re.compile(r"\s*\b(?:virgule|point(?: d'interrogation| d'exclamation| virgule)?)\s*$", re.IGNORECASE)


def moment_without_health(moment: Any) -> Any:
    """The moment of the call without the health consent: the words that say a moment, when the answer said health
    too ("Le matin, l'après-midi je me repose à cause du traitement" -> "Le matin", round 26, r26b-13); its other
    words, the clauses of health replaced, when none says a moment alone."""
    if not isinstance(moment, str) or not mentions_health(moment):
        return moment
    kept = without_health(moment)
    parts = [_DICTATED_STOP.sub("", part).strip(" ,.;:!?…") for part in kept.split(HEALTH_REMOVED)]
    parts = [_HESITATION_FIRST.sub("", part) for part in parts]
    moments = [callback_time(part) for part in parts]
    return ", ".join(found for found in moments if found) or kept


def build_case_draft(
    *,
    conversation_id: str,
    reference: str,
    chamber_id: str,
    slots: Mapping[str, Any],
    situation: Mapping[str, str],
    transcript: list[dict],
    consent_version: str,
    handoff_answers: Sequence[str] = (),
) -> CaseDraft:
    """The case an advisor reads. ``handoff_answers``: the messages that answered the handoff's own questions or took
    leave (actions.triage_actions.handoff_answers), never quoted as the person's account (round 25: "n'importe quand
    elle est a la maison" was in "Ses mots").

    Without the health consent, every word of the artisan's the case keeps (the messages the summary quotes, the facts
    read from them, the situation answers, the moment of the call) goes through the one filter,
    ``triage.without_health``: a clause of health is replaced by « [information de santé retirée] », the rest kept
    (round 26, r26b-13: a question about "mon dos" stood as the "Demande", the moment kept "je me repose à cause du
    traitement"). The transcript carries the same words (``"kept"``, actions.conversation) for the case store."""
    categories = list(slots.get("difficulty_categories") or [])
    health_consent = bool(slots.get("health_consent"))
    read = transcript  # the messages the summary quotes
    if not health_consent:
        read = [_without_health_line(line) for line in transcript]
        handoff_answers = [without_health(answer, distress=False) for answer in handoff_answers]
        promised = slots.get("callback_promised")
        slots = {
            **slots,
            "callback_slot": moment_without_health(slots.get("callback_slot")),
            "callback_promised": without_health(promised, distress=False) if isinstance(promised, str) else promised,
        }
    consent_at = slots.get("consent_at")
    if not consent_at and slots.get("consent_given") is True:
        # The artisan said yes (the time was lost on the way): the yes is what matters.
        consent_at = datetime.now(timezone.utc).isoformat()
    phone = slots.get("phone")
    email = slots.get("email")
    if slots.get("commune"):
        # The town the place question found ("Arras"): the advisor sees it next to the département.
        situation = {**situation, "commune": str(slots["commune"])}
    said = [str(line.get("text") or "") for line in transcript if line.get("sender") == "artisan"]
    quoted = [str(line.get("text") or "") for line in read if line.get("sender") == "artisan"]
    from intake.answers import without_opening_filler

    # "Créanciers : ben le crédit de 40000" (round 12, r12c-07): an answer stored with the filler that opened it,
    # whatever path stored it, is shown without it.
    situation = {
        key: without_opening_filler(value) if isinstance(value, str) else value for key, value in situation.items()
    }
    if situation.get("since_when"):
        situation = {**situation, "since_when": since_in_full(situation.get("since_when"), said) or ""}
    creditors = creditors_in_full(situation.get("creditors") or None, said)
    if creditors:
        situation = {**situation, "creditors": creditors}
    if not health_consent:
        # The answers as typed, after what the messages put in full ("depuis mon opération du dos" -> the health out).
        situation = {
            key: without_health(value, distress=False) if isinstance(value, str) else value
            for key, value in situation.items()
        }
    # Words only, whatever path filled the slot (round 9, r9b-08: a name with markup was stored raw).
    contact_name = None if slots.get("contact_name") == SKIPPED else clean_name(slots.get("contact_name"))
    kept_phone = phone if phone and phone.startswith("+") else None
    concerning = written_for(said) or concerning_from_person_at_risk(slots.get("person_at_risk"), said)
    # Whose numbers they are (round 9, r9b-15: a father's number was filed under his daughter's name, unsaid).
    owner = kept_number_owner(said, kept_phone)
    asked_for = None if owner or not kept_phone or concerning else relative_the_artisan_has_called(said)
    # "je suis couvreur ..." then "c'est ma femme qui s'occupe des papiers, appelez ma femme, Nadia, 06 ..." (round 24,
    # s24-final): the artisan wrote and asked that the wife be called; she is a contact, not the person concerned. So
    # too when asked for first, her number alone at its question ("c'est plutôt ma femme qu'il faut appeler ?", round
    # 25).
    artisan_wrote = not concerning and (bool(asked_for) or tells_own_business(said, slots.get("trade")))
    concerned = (
        (concerning or {}).get("relative")
        or boss_of_the_secretary(concerning)
        or (owner if spoken_of(owner, said, slots) and not artisan_wrote else None)
    )
    notes = writer_notes(said) if concerning else []
    # "qu'un conseiller l'appelle lui, Yann, au 06 ..." (round 20, r20a-07): the name given with the person's number is
    # the person's (a name said at the name question may be the writer's: round 9, r9b-15).
    named_with_theirs = bool(contact_name) and _named_with_number(said, kept_phone, str(contact_name))
    if concerning and concerned and named_with_theirs and not concerning.get("person_name"):
        concerning = (
            {**concerning, "person_name": str(contact_name)} if given_as_theirs(said, kept_phone) else concerning
        )
    call_person = "call_person" in notes and "call_writer" not in notes
    if call_person and concerning and contact_name and contact_name != concerning.get("writer_name"):
        # "c'est mon père qu'il faut appeler" then "Alain" at the name question (round 23, r23a-02): his name, beside
        # the one the writer gave ("M. Roussel").
        known = concerning.get("person_name")
        if not known:
            concerning = {**concerning, "person_name": str(contact_name)}
        elif str(contact_name) not in known and len(known) > 3:
            concerning = {**concerning, "person_name": f"{contact_name} ({known})"}
    owned, described = phone_notes(
        said,
        kept_phone,
        concerned,
        (concerning or {}).get("writer_name")
        or (contact_name if contact_name != (concerning or {}).get("person_name") else None),
        (concerning or {}).get("writer"),
        person_name=(concerning or {}).get("person_name"),
        writer_wrote=bool(concerning),
        artisan_wrote=artisan_wrote,
    )
    draft = CaseDraft(
        conversation_id=conversation_id,
        reference=reference,
        chamber_id=chamber_id,
        categories=categories,
        urgency=slots.get("urgency"),
        distress=bool(slots.get("distress")),
        # Quotes of health and distress only with the health consent; otherwise the codes say it.
        reasons=reasons_kept(slots, health_consent),
        summary=summarise(
            categories,
            slots.get("urgency"),
            bool(slots.get("distress")),
            situation,
            health_consent,
            not_safe=slots.get("safe_now") == NOT_SAFE,
            safety_unsure=slots.get("safe_now") == UNSURE,
            person_at_risk=_who_is_at_risk(slots.get("person_at_risk"), concerning, person_put_right(said)),
            # The discretion asked is the summary's first line (round 20), not said twice.
            written_by=written_for_line(
                concerning,
                contact_name,
                # Said in secret and later "elle est d'accord": the secret, said first, is what the advisor must heed.
                [note for note in notes if note != "secret" and not (note == "knows" and "secret" in notes)],
            ),
            other_phones=[number for number in other_numbers(said, kept_phone) if number not in described],
            phone_lines=owned,
            happened=happened_said(said),
            sums=sums_in(said, situation.get("creditors")),
            asks=asks_said(said_not_at_consent(read), health_consent),
            health_said=health_quotes(slots) if health_consent else (),
            question_declined=question_declined(slots),
            callback_promised=slots.get("callback_promised"),
            account=account_said([line for line in quoted if line not in handoff_answers], health_consent),
            signs=signs_in_words(slots.get("distress_signs") or (), plan_denied=plan_denied(said)),
            suicide_answer=suicide_answer(slots),
            discretion=discretion_line(said),
            safety_unknown=bool(slots.get("person_at_risk")) and relative_does_not_know(safety_answer_of(transcript)),
            means=_means_named(said) if slots.get("distress") else (),
            safety_said=safety_said_by_relative(safety_answer_of(transcript)) if slots.get("person_at_risk") else None,
        ),
        situation=dict(situation),
        guidance=list(slots.get("guidance_given") or []),
        contact_name=contact_name,
        phone=phone if phone and phone.startswith("+") else None,
        email=email if email and "@" in email else None,
        callback_slot=slots.get("callback_slot"),
        departement=departement_code(situation.get("departement")),
        consent_version=consent_version,
        consent_at=datetime.fromisoformat(consent_at) if consent_at else None,
        health_consent=health_consent,
        transcript=transcript,
    )
    from intake.written_contact import WRITTEN_ONLY

    if slots.get("callback_slot") == WRITTEN_ONLY:
        # Round 29 (r29-b-16): "DÉTRESSE exprimée : rappeler immédiatement" over "ne pas appeler : contact écrit".
        draft.summary = draft.summary.replace(
            ": rappeler immédiatement.", ": écrire immédiatement (contact écrit demandé, ne pas appeler)."
        )
    return draft


# "c'est pas mon proche c'est mon patron", "non pas un proche, mon employeur" (round 19, r19b-08: the replies and the
# case kept "votre proche"): who the person at risk is, put right in so many words.
_PERSON_PUT_RIGHT = re.compile(
    r"\b(?:c est |ce n est |c )?(?:pas|non|plutot que) (?:mon|un|votre|ma|une) proche\b[ ,.;!-]*(?:mais |c est |plutot )*"
    r"(?P<person>(?:mon|ma) (?:[a-z-]+))\b"
)


def person_put_right(said: Sequence[str]) -> str | None:
    """The person at risk named by the writer in place of "un proche", latest first ("mon patron"); None otherwise."""
    from triage.normalise import normalise

    for text in reversed(list(said)):
        found = _PERSON_PUT_RIGHT.search(normalise(text))
        if found:
            # In the writer's spelling ("mon maître"), the normalised words only found it.
            written = (m.group(0).lower() for m in re.finditer(r"\b(?:mon|ma)\s+[\w-]+", text, re.IGNORECASE))
            return next((w for w in written if normalise(w) == found.group("person")), found.group("person"))
    return None


def _who_is_at_risk(said: str | None, concerning: Mapping[str, str] | None, put_right: str | None = None) -> str | None:
    """The person at risk as the summary names them: the writer's words, or, when the signs were read without a name
    ("un proche"), who the messages say the person concerned is (round 17, r17b-18: an apprentice's "le patron"), or
    whom the writer named in its place (``put_right``, round 19)."""
    from triage.distress import RELATIVE

    if said == RELATIVE and put_right:
        return put_right
    if said == RELATIVE and concerning:
        relative = concerning.get("relative")
        return concerning.get("person_name") or (with_possessive(relative) if relative else said)
    return said or None


def handoff_questions(slots: Mapping[str, Any], said: Sequence[str] = ()) -> list[str]:
    """The handoff form's slots that apply, in order (the form asks the first empty one).

    Filled ones stay listed so that their validate_<slot> methods run. Without a phone number there is
    no callback to arrange: the e-mail and the time of the call are not asked; with an address instead ("pas de
    téléphone, écrivez-moi à ..."), the advisor writes, and the place is still asked.
    """
    if slots.get("wants_advisor") is not True:
        return ["wants_advisor"]
    if slots.get("consent_given") is not True:
        return ["wants_advisor", "consent_given"]
    wanted = ["wants_advisor", "consent_given"]
    if health_told(slots, said):
        wanted.append("health_consent")
    wanted += ["contact_name", "phone"]
    if slots.get("phone") == SKIPPED:
        return [*wanted, "email", "departement"] if has_email(slots) else wanted
    return [*wanted, "email", "callback_slot", "departement"]


def health_told(slots: Mapping[str, Any], said: Sequence[str] = ()) -> bool:
    """Whether health was told, the artisan's or a relative's: the health consent question is asked whenever the case's
    filter (triage.without_health) would find health to leave out of what was ``said`` (round 26, r26b-14: a message
    was withheld as health and the question never asked, so that it could not be kept)."""
    if "sante" in (slots.get("difficulty_categories") or []) or health_of_relative_said(slots):
        return True
    if slots.get("distress") or slots.get("suicide_thoughts") or slots.get("safe_now"):
        # Round 27 (r27-a-08, r27-a-14): distress read, the direct question or the safety question answered: what the
        # filter withholds without the consent, never asked about ("je pleure tous les soirs", "je tiens plus").
        return True
    return any(says_health(without_address(text)) for text in said if text and not text.startswith("/"))


def without_address(text: str) -> str:
    """The words less an e-mail address typed or dictated in them: "kevin point platre at gmail point com" (round 28,
    r28-a-19: the "platre" of the address read as a plaster cast, and the health question asked) tells no health."""
    if dictated_email(text):
        return ""
    return re.sub(r"\S+@\S*", " ", text)


def has_phone(slots: Mapping[str, Any]) -> bool:
    phone = slots.get("phone")
    return bool(phone and phone.startswith("+"))


def has_email(slots: Mapping[str, Any]) -> bool:
    email = slots.get("email")
    return bool(email and email != SKIPPED and "@" in email)


def reachable(slots: Mapping[str, Any]) -> bool:
    """A way for the advisor to reach the artisan: a phone number, or an address for those without one."""
    return has_phone(slots) or has_email(slots)


def consented(slots: Mapping[str, Any]) -> bool:
    """The artisan asked for the callback and agreed to what is kept."""
    return slots.get("wants_advisor") is True and slots.get("consent_given") is True


def case_due(slots: Mapping[str, Any]) -> bool:
    """Consent and a way to reach the artisan (a valid phone number, or an address given instead of one): the case
    exists from that answer on, whatever comes next (the artisan may say thanks, leave, or close the tab), and every
    later answer updates it."""
    return consented(slots) and reachable(slots)


# Slots that hold what the artisan consented to give: cleared when the consent is withdrawn.
CONSENTED_SLOTS = ("contact_name", "phone", "email", "callback_slot", "health_consent", "consent_at")

CASE_SAVED = "Merci, votre demande est bien enregistrée."
# The database down (the outbox keeps the draft on disk): true to the letter, the end says more.
CASE_KEPT = "Merci, votre demande est gardée et sera transmise dès que possible."


def withdrawn_text(chamber: Any) -> str:
    """After the artisan took back their consent once their case was stored: it is erased (cases.repository
    withdraw: personal data removed at once, codes and dates kept for the statistics)."""
    return (
        "C'est entendu : j'ai retiré votre demande et effacé ce que vous m'aviez confié pour le conseiller. "
        f"Si vous changez d'avis, écrivez « conseiller », ou appelez la {chamber.name} au {chamber.phone}, "
        f"{chamber.hours_text}."
    )


def thanks_without_consent_text(chamber: Any) -> str:
    """A thanks before any consent: the handoff ends politely, nothing is passed on, the way back is said."""
    return (
        "Je vous en prie. Je ne transmets rien sans votre accord : si vous souhaitez qu'un conseiller vous "
        f"rappelle, écrivez « conseiller », ou appelez la {chamber.name} au {chamber.phone}, {chamber.hours_text}."
    )


# A farewell once consent is given but before the phone number: the callback needs it, said once.
BEFORE_YOU_GO = "Avant que vous partiez : sans votre numéro, le conseiller ne pourra pas vous rappeler."


def refusal_text(chamber: Any, tracker_retention_days: int) -> str:
    """True to the letter: nothing goes to the chamber, and this conversation is deleted after N days."""
    return (
        f"C'est entendu. Je ne transmets rien à la chambre sans votre accord ; cette conversation est "
        f"effacée au bout de {tracker_retention_days} jours. Si vous changez d'avis, écrivez « conseiller », "
        f"ou appelez la {chamber.name} au {chamber.phone}, {chamber.hours_text}."
    )


def no_phone_text(chamber: Any, tracker_retention_days: int) -> str:
    return (
        "Sans numéro, un conseiller ne peut pas vous rappeler : je ne transmets rien. Si vous changez "
        f"d'avis, écrivez « conseiller », ou appelez la {chamber.name} au {chamber.phone}, {chamber.hours_text} ; "
        f"cette conversation est effacée au bout de {tracker_retention_days} jours."
    )


_DEPARTEMENT = re.compile(r"^(?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-8]|98[6-8])$")


def salvage(draft: CaseDraft) -> CaseDraft:
    """The draft with what the case store refuses set aside (kept as text in the situation for the advisor):
    a place that is not a département code, a phone or e-mail that is not one, unknown codes, too long texts."""
    from cases.models import CATEGORIES, URGENCIES

    if draft.departement and not _DEPARTEMENT.match(str(draft.departement).strip().upper()):
        draft.situation.setdefault("departement", str(draft.departement))
        draft.departement = None
    if draft.phone and not re.match(r"^\+[1-9]\d{7,14}$", draft.phone):
        draft.phone = None
    if draft.email and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", draft.email):
        draft.email = None
    draft.categories = [c for c in draft.categories if c in CATEGORIES]
    if draft.urgency not in URGENCIES:
        draft.urgency = None
    for name, longest in (("contact_name", 200), ("callback_slot", 200)):
        value = getattr(draft, name)
        if value and len(value) > longest:
            setattr(draft, name, value[:longest])
    draft.transcript = [e for e in draft.transcript if isinstance(e, dict) and e.get("sender") in ("artisan", "bot")]
    return draft


def submit_case(outbox: Any, **fields: Any) -> Any:
    """Creates or updates the case; whatever fails, what the artisan consented to is kept. ``review_reasons``
    (actions.abuse) join the case's reasons.

    A draft the store refuses is salvaged (``salvage``) and submitted again; any other failure (the
    database down, a bug) spools the draft in the outbox, which stores it once it can, or sets it aside
    for a person (``var/outbox/rejected``). Logged without personal data.
    """
    from actions.conversation import situation, transcript

    slots = fields.pop("slots")
    events = fields.pop("events")
    review = fields.pop("review_reasons", None)
    draft = build_case_draft(slots=slots, situation=situation(slots), transcript=transcript(events), **fields)
    if review:
        draft.reasons.update(review)
    try:
        return outbox.submit(draft)
    except InvalidDraft:
        log.warning("case %s refused by the store; submitted again without the refused fields", draft.reference)
    except Exception as error:  # noqa: BLE001 - kept on disk below
        log.error("case %s not stored (%s); spooled", draft.reference, type(error).__name__)
        return outbox.spool(draft)
    try:
        return outbox.submit(salvage(draft))
    except Exception as error:  # noqa: BLE001
        log.error("case %s refused again (%s); spooled for a person", draft.reference, type(error).__name__)
        return outbox.spool(draft)


# ---------------------------------------------------------------------------------- answers out of turn

# A moment for the call, said in words a time is made of ("demain matin", "plutôt lundi vers 14h", "dès que
# possible"): every word belongs to time or is a small word around it, and one of them says a moment.
_MOMENT_WORDS = re.compile(
    r"^(?:demain|apres-demain|aujourd'hui|aujourd|hui|matin|matinee|midi|soir|soiree|apres-midi|aprem|apm|"
    r"journee|semaine|week-end|weekend|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"\d{1,2}h\d{0,2}|\d{1,2}|h|heures?|possible|vite|tot|quand|moment|n'importe|importe|"
    # "tout de suite", "maintenant" (round 12, B12: the promise then says when the line reopens).
    r"maintenant|immediatement|suite|"
    # "le 14 décembre": a date for the call (round 6: taken for nothing at the e-mail question).
    r"janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)$"
)
_SMALL_WORDS_AROUND_A_MOMENT = (
    "plutot de preference le la les l' du des d' en dans vers a au aux partir apres avant entre et ou ce cet "
    "cette ces fin debut prochain prochaine svp stp merci rappelez-moi appelez-moi rappelez appelez moi me "
    "m' vous voulez pouvez tout toute tous toutes n' que qu' si c'est mieux bien idealement sauf pas "
    # "quand vous voulez, ça m'est égal", "quand ça vous arrange": any time, said around a moment word.
    "ca est egal arrange convient comme "
    # "le soir c mieux": "c'est" as typed on a phone; "vers 16h c'est top" (round 5 replays).
    "c c' top parfait ideal nickel super "
    # "le plus vite possible svp", "entre midi et deux" (round 6: read as a wrong address at the e-mail question).
    "plus deux "
    # "de 9h à 11h", "pas de 12h à 14h", "tout de suite" (round 12).
    "de"
)
_AROUND_A_MOMENT = frozenset(_SMALL_WORDS_AROUND_A_MOMENT.split())


_WHOSE_TIME = re.compile(
    r"\b(?:(?:a l'|a )?heure (?:locale|d'ici|de (?:chez (?:moi|nous)|la reunion|la guadeloupe|la martinique|la guyane|"
    r"mayotte|cayenne|paris|metropole|france))|chez (?:moi|nous)|(?:de|en) (?:metropole|france)|ici)\b"
)


def callback_time(text: str | None) -> str | None:
    """The words, when they say a moment for the call and nothing else ("demain matin", "plutôt le soir après
    18h"); None otherwise ("Karim", "karim@gmail.com", "je ne sais pas")."""
    if not text or "@" in text:
        return None
    from intake.facts import fold

    folded = fold(text).replace("’", "'")
    folded = re.sub(r"\b(apres|week|rappelez|appelez)[ -](midi|end|moi)\b", r"\1-\2", folded)
    # "10h et midi" stays two words: the space after "h" is only taken with minutes ("14 h 30").
    folded = re.sub(r"\b(\d{1,2}) ?h(?: ?(\d{2}))?\b", lambda m: f"{m.group(1)}h{m.group(2) or ''}", folded)
    # "après 15h chez moi", "vers 18h heure de la Réunion" (rounds 8 and 9, overseas): whose time it is, kept with the
    # words for the advisor (it was refused as an e-mail address at the e-mail question).
    folded = _WHOSE_TIME.sub(" ", folded)
    words = re.findall(r"[a-z0-9-]+'?", folded.replace("'", "' "))
    if not words or len(words) > 10:
        return None
    moments = [w for w in words if _MOMENT_WORDS.match(w) and not w.isdigit()]
    others = [w for w in words if not _MOMENT_WORDS.match(w) and w not in _AROUND_A_MOMENT]
    if not moments or others:
        return None
    return " ".join(text.split())


# Round 27 (r27-a-11, r27-a-23): "le soir apres 18h c mieux pour moi" at the time question was read by the distress
# classifier alone as ambiguous distress ("mieux pour moi"), and a daughter writing for her mother was asked whether her
# mother thought of suicide; "le soir ce serait mieux pour moi" reads as "better off without me". What an answer about
# the call may say beside the moment, a number or an address: when, for whom, that it suits, a hesitation, a courtesy.
# Never "plus", "pas" alone, "encore", "toujours", "sans", "monde", "là", "suis": "le soir, si je suis encore là" and
# "mieux pour tout le monde sans moi" are no answer about the call.
_AROUND_A_CALL_ANSWER = frozenset(
    re.findall(
        r"\S+",
        "plutot de preference le la les l' du des d' en dans vers a au aux partir apres avant entre et ou ce cet cette "
        "ces fin debut prochain prochaine svp stp merci rappelez-moi appelez-moi rappelez appelez moi me m' vous voulez "
        "pouvez n' que qu' c'est c c' cest est ca serait sera mieux preferable ideal idealement parfait top bien "
        "pratique arrange arrangerait convient conviendrait va irait pour pr elle lui "
        "nous eux euh ben bah bon alors oui ouais ok d' accord je j' pense crois prefere prefererais si "
        "possible mon ma numero num tel telephone portable mail adresse e-mail voici voila",
    )
)
# "pas avant 10h", "pas le matin", "pas trop tôt": a limit of the moment, whose "pas" says nothing else.
_NOT_THEN = re.compile(r"\bpas (?=(?:avant|apres|le|la|l'|les|du|de|ce|cette|entre|trop|tot|en)\b)")
# An answer about the call is short.
_MAX_CALL_ANSWER_WORDS = 16


# The handoff's questions about how to reach the person.
CONTACT_QUESTIONS = frozenset({"contact_name", "phone", "email", "callback_slot"})


def read_as_distress_by_the_model_only(text: Any) -> bool:
    """Round 27 (r27-a-11, r27-a-23, D17): an answer about the call ("le soir apres 18h c mieux pour moi": a moment, a
    number or an address, and how it suits) that only the distress classifier reads as a sign, with no word of feeling
    or strain. At a contact question of the handoff it is the answer, never distress: the direct question about suicide
    came instead, and the moment was lost. A sign of the rules in the same words still counts, anywhere."""
    if not isinstance(text, str):
        return False
    signs = find_signs(text)
    return (
        bool(signs)
        and all(sign.rule.startswith("model:") for sign in signs)
        and not says_feeling_or_strain(text)
        and only_when_or_where_to_call(text)
    )


def contact_answer_misread(asked: Any, text: Any) -> bool:
    """At a contact question of the handoff (the name, the number, the e-mail, the moment of the call), an answer that
    only the classifier reads as distress (``read_as_distress_by_the_model_only``)."""
    return asked in CONTACT_QUESTIONS and read_as_distress_by_the_model_only(text)


def only_when_or_where_to_call(text: str | None) -> bool:
    """The words say a moment for the call, a phone number or an e-mail address, and beside it only how it suits and for
    whom ("le soir apres 18h c mieux pour moi", "Le soir, de préférence après 18 h, ce serait préférable pour elle",
    "06 12 34 56 78 c'est mieux"): an answer to a contact question of the handoff, whatever a classifier makes of its
    "mieux pour moi". Never "le soir, si je suis encore là", "ce sera mieux pour tout le monde sans moi"."""
    if not text or text.startswith("/"):
        return False
    from intake.facts import fold

    folded = fold(text).replace("’", "'")
    if len(folded.split()) > _MAX_CALL_ANSWER_WORDS:
        return False
    given = bool(_EMAIL_TOKEN.search(folded) or _DIGITS_OF_A_NUMBER.search(folded))
    rest = _DIGITS_OF_A_NUMBER.sub(" ", _EMAIL_TOKEN.sub(" ", folded))
    rest = re.sub(r"\b(apres|week|rappelez|appelez)[ -](midi|end|moi)\b", r"\1-\2", rest)
    rest = re.sub(r"\b(\d{1,2}) ?h(?: ?(\d{2}))?\b", lambda m: f"{m.group(1)}h{m.group(2) or ''}", rest)
    rest = _NOT_THEN.sub(" ", _WHOSE_TIME.sub(" ", re.sub(r"\bs'il (?:vous|te) plait\b", " ", rest)))
    words = re.findall(r"[a-z0-9-]+'?", rest.replace("'", "' "))
    moments = [word for word in words if _MOMENT_WORDS.match(word) and word not in ("possible", "quand", "moment")]
    if not (moments or given):
        return False
    return all(_MOMENT_WORDS.match(word) or word in _AROUND_A_CALL_ANSWER for word in words)


# Words that say the moment is being corrected, around the moment itself: "non j'ai dit l'après-midi", "mais je vous ai
# dit le soir", "l'aprem j'avais dit", "non, c'était le matin", "en fait plutôt mardi" (round 13, r13a-01: said once the
# case was confirmed with the morning, it was read as a new difficulty).
_SAID_NO = r"(?:(?:ah|oh|euh|mais|bah|ben|enfin)\s+)?non(?:\s+non)?\b[\s,.!]*"
_SAID_BEFORE = (
    r"(?:je\s+vous\s+(?:l'|l’|l\s)?ai\s+(?:dit|[ée]crit|demand[ée])|j(?:'|’|\s)\s*(?:ai|avais)\s+(?:dit|[ée]crit|demand[ée])|"
    r"je\s+(?:disais|voulais\s+dire|pr[ée]f[èe]re)|c(?:'|’)\s*[ée]tait|en\s+fait|finalement|pardon)\b[\s,:]*"
)
_MOMENT_CORRECTION_BEFORE = re.compile(
    rf"^\s*(?:{_SAID_NO}(?:{_SAID_BEFORE})?|(?:(?:ah|oh|euh|mais|bah|ben)\b[\s,.!]*)?{_SAID_BEFORE})", re.IGNORECASE
)
_MOMENT_CORRECTION_AFTER = re.compile(
    r"[\s,]*(?:je\s+vous\s+(?:l'|l’|l\s)?ai\s+dit|j(?:'|’|\s)\s*(?:ai|avais)\s+dit|comme\s+(?:je\s+vous\s+l(?:'|’)ai|j(?:'|’)ai)\s+dit)"
    r"[\s.!]*$",
    re.IGNORECASE,
)


def moment_corrected(text: str | None) -> str | None:
    """The moment said by words that correct the time of the call ("non j'ai dit l'apres midi" -> "l'apres midi", "le
    soir je vous ai dit" -> "le soir"); None when the words say no correction of a moment ("l'après-midi" alone is a
    moment, read by callback_time; "non j'ai dit que j'avais des dettes" names no moment). For a message once the
    case is stored, or at a question after the time one."""
    if not text:
        return None
    rest = _MOMENT_CORRECTION_BEFORE.sub("", text, count=1)
    rest = _MOMENT_CORRECTION_AFTER.sub("", rest, count=1)
    if rest == text:
        return None
    moment = rest.strip(" ,.;:!")
    # "non j'ai dit après la fermeture de 18h" (round 15): the shop's closing with a time; the closing alone only when
    # the words refer to what was said ("non j'ai dit à la fermeture"), never "non c'était avant la fermeture".
    said_so = bool(re.search(r"\b(?:dit|ecrit|demande|prefere)\b", fold_words(text.replace(rest, " "))))
    return callback_time(moment) or _closing_moment_alone(moment, bare=said_so)


_EMAIL_TOKEN = re.compile(r"[^\s<>(),;]+@[^\s<>(),;]+")
# Six digits or more in a row, spaced or not: a phone number, whole or not, never an hour or a date ("14h30", "12/01").
_DIGITS_OF_A_NUMBER = re.compile(r"(?<![\d:/])\+?\d(?:[\s.-]{0,2}\d){5,}(?![\d:/h])")


def contact_answers(text: str | None) -> dict[str, str]:
    """What the words give for the contact questions of the handoff, whichever is asked: ``phone`` (E.164),
    ``email`` (normalised) and ``callback_slot`` (the words). "06 12 34 56 78, plutôt le matin" gives both a
    number and nothing for the time (a time is only read when the words say nothing else)."""
    if not text:
        return {}
    found: dict[str, str] = {}
    text = phone_digits(text)
    rest = text
    for match in phone_matches(text):
        phone = normalise_phone(match.raw_string)
        if phone:
            found["phone"] = phone
            rest = text.replace(match.raw_string, " ")
            break
    token = _EMAIL_TOKEN.search(text)
    email = normalise_email(token.group(0).strip(".")) if token else None
    if token:
        rest = rest.replace(token.group(0), " ")
    if email is None and (
        "@" in text or re.search(r"\b(?:arobase|arrobase)\b", text.lower()) or _SPOKEN_AT.search(text.lower())
    ):
        # Dictated, or typed with spaces ("jean.dupont @ gmail.com", round 26): read from the answer but its number.
        email = normalise_email(rest)
    if email:
        found["email"] = email
    # The digits of a number not read as one are no time ("06 11 22 33 4 et plutôt jeudi matin", round 19).
    moment = callback_time(re.sub(r"^(?:[\s,.;-]|(?:et|puis)\s)+|[\s,.;-]+$", "", _DIGITS_OF_A_NUMBER.sub(" ", rest)))
    if moment:
        found["callback_slot"] = moment
    return found


CONTACT_NOTED = {
    "phone": "votre numéro ({})",
    "email": "votre adresse ({})",
    "callback_slot": "le moment de l'appel ({})",
}


def noted_for_other_questions(answers: Mapping[str, str], departement: str | None = None) -> str:
    """ "Merci, j'ai noté le moment de l'appel (demain matin)." A moment no hour of the advisors fits ("jeudi après 18h
    si possible") is never said noted: the hours are said at once, and another moment is asked in its turn (round 23,
    r23b-05: "j'ai noté le moment de l'appel", then one turn later "les conseillers ne peuvent pas...")."""
    out = moment_out_of_hours(answers.get("callback_slot"), departement)
    parts = [
        CONTACT_NOTED[name].format(display_phone(value) if name == "phone" else value)
        for name, value in answers.items()
        if name in CONTACT_NOTED and not (out and name == "callback_slot")
    ]
    if out:
        return (f"Merci, j'ai noté {' et '.join(parts)}. " if parts else "") + out
    note = closed_day_note(answers.get("callback_slot"))
    return f"Merci, j'ai noté {' et '.join(parts)}." + (f" {note}" if note else "")


# What follows the hours when a moment said before its question fits none of them: its question comes in its turn.
OTHER_MOMENT_LATER = "Je vous demanderai ensuite un autre moment."


# "vers 17h" where the advisors call until 17 h: an hour said as approximate ("vers", "aux alentours de").
_ABOUT_AN_HOUR = re.compile(
    r"\b(?:vers|aux alentours de|autour de|environ)\s+(?P<hour>\d{1,2})\s*h(?:eures?)?\b(?!\s*\d)"
)


# "dans 1h", "dans une heure", "d'ici deux heures", "dans 30 minutes", "dans une demi-heure": a delay from now.
_DELAY = re.compile(
    r"\b(?:dans|d'? ?ici) (?:(?P<hours>\d{1,2}|une?|deux|trois|quatre) ?(?:h|heures?)(?! ?\d)|"
    r"(?P<minutes>\d{1,3}) ?(?:min|mn|minutes?)|(?P<half>une demi-? ?heure))\b"
)
_SMALL_NUMBERS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4}


def delay_as_clock_time(moment: str, now: datetime, departement: str | None = None) -> str:
    """The moment with a delay from now put as the hour it gives ("dans 1h si possible" at 3 h 48 -> "vers 4h48 si
    possible"), on the person's clock (overseas, theirs); as said otherwise, and when the delay ends another day."""
    from zoneinfo import ZoneInfo

    from chamber.hours import DEPARTEMENT_ZONES
    from intake.facts import fold

    folded = fold(moment).replace("’", "'")
    delay = _DELAY.search(folded)
    if delay is None:
        return moment
    if delay.group("hours"):
        hours = delay.group("hours")
        minutes = 60 * (int(hours) if hours.isdigit() else _SMALL_NUMBERS[hours])
    else:
        minutes = int(delay.group("minutes")) if delay.group("minutes") else 30
    zone = ZoneInfo(DEPARTEMENT_ZONES.get(str(departement or "").upper(), "Europe/Paris"))
    local = now.astimezone(zone)
    then = local + timedelta(minutes=minutes)
    if then.date() != local.date():
        return moment
    return f"{folded[: delay.start()]}vers {then.hour}h{then.minute:02d}{folded[delay.end() :]}"


def hours_refusal(moment: str | None, departement: str | None = None) -> str | None:
    """The chamber's sentence saying no hour the advisors call fits the moment (``wish_out_of_hours``), or None. An
    hour said as approximate ("en fin de journée vers 17h") fits when a quarter of an hour before it does: where calls
    end at 17 h, an advisor calls "vers 17 h" at 16 h 45 (round 23 decision: refusing it, and saying "ils appellent de 8 h
    à 17 h", reads as absurd). "à 17h pile" stays refused."""
    if not isinstance(moment, str) or not moment:
        return None
    from actions import services
    from intake.facts import fold
    from ops import clock

    hours = services.chamber().opening_hours
    # "dans 1h si possible" at 3 h 48 (round 29, r29-a-23: "j'ai noté le moment de l'appel", a call that cannot come):
    # a delay is the hour it gives on the person's clock.
    moment = delay_as_clock_time(moment, clock.now(), departement)
    out = hours.wish_out_of_hours(clock.now(), moment, departement)
    about = _ABOUT_AN_HOUR.search(fold(moment))
    if out is None or not about or not 1 <= int(about.group("hour")) <= 23:
        return out
    earlier = f"vers {int(about.group('hour')) - 1}h45"
    moment_earlier = fold(moment)[: about.start()] + earlier + fold(moment)[about.end() :]
    return None if hours.wish_out_of_hours(clock.now(), moment_earlier, departement) is None else out


def moment_out_of_hours(moment: str | None, departement: str | None = None) -> str | None:
    """ "Les conseillers ne peuvent pas vous appeler le soir après 18 h : ils appellent de 8 h à 17 h. Je vous
    demanderai ensuite un autre moment." when no hour the advisors call fits the moment; None otherwise."""
    if not isinstance(moment, str) or not moment or moment in ("dès que possible", "non précisé"):
        return None

    out = hours_refusal(moment, departement)
    if out is None:
        return None
    limit = re.sub(r"\s*[^.?!]*\?\s*$", "", out).strip()  # the hours, without "À quel autre moment ... ?"
    return f"{limit} {OTHER_MOMENT_LATER}"


_SMALL_WORDS_AROUND_A_NAME = (
    "c'est moi je m'appelle appelle appelez-moi appelez et mon ma numero tel telephone portable mobile le au "
    "est mail e-mail email adresse voici voila ici "
    # Round 25: "cest" and "c" in SMS, "virgule" in dictation.
    "cest c virgule"
)
# Round 25: what introduces the name is no part of it ("le prénom c'est Jean-Marc" gave "prénom Jean-Marc"; "il
# s'appelle", "elle sapelle" typed fast): taken out before the words are counted.
_NAME_INTRODUCED = re.compile(
    r"\b(?:(?:le|mon|son|sa|votre|ton) )?pr[ée]nom\b|\b(?:le|mon|son|votre|ton) nom(?: de famille)?\b|"
    r"\b(?:il|elle|je) (?:s|m)(?:'|’| )?a(?:p|pp)el+e?\b|\b(?:il|elle) sa(?:p|pp)el+e?\b",
    re.IGNORECASE,
)
_AROUND_A_NAME = frozenset(_SMALL_WORDS_AROUND_A_NAME.split())
_KIN_WORDS = frozenset(KIN.split("|"))


def name_beside_contact(text: str | None) -> str | None:
    """The first name said with a number or an address ("Sophie 06 11 22 33 44" -> "Sophie"): the words left
    once the contact details and the small words around them are taken out, when one or two remain."""
    if not text:
        return None
    text = phone_digits(text)
    rest = text
    for match in phone_matches(text):
        rest = rest.replace(match.raw_string, " ")
    rest = _NAME_INTRODUCED.sub(" ", _EMAIL_TOKEN.sub(" ", rest))
    from intake.facts import fold

    words = [word for word in re.split(r"[\s,;:.!]+", rest) if word]
    # "appelez ma femme Nadia au 06 ..." (round 25, s25-fin1: "femme Nadia"): who the person is, said after a
    # possessive, is no part of the name.
    words = [
        word
        for before, word in zip(["", *words], words, strict=False)
        if not (fold(before) in _POSSESSIVES and fold(word) in _KIN_WORDS)
    ]
    kept = [word for word in words if fold(word).replace("’", "'") not in _AROUND_A_NAME]
    if not 1 <= len(kept) <= 2 or not all(re.fullmatch(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", word) for word in kept):
        return None
    if any(fold(word) in _NAMES_NOBODY_AFTER_CALL_ME | _NOT_A_NAME for word in kept):
        return None  # "appelez moi sur le 06 ..." (round 12, r12a-10): "sur" names nobody
    if callback_time(" ".join(kept)):
        return None  # "demain matin 06 ...": a time, no name
    return clean_name(" ".join(kept))


# Words that may stand beside a number and name nobody ("rappelez moi", "ok"): never taken for a first name there.
# The imperatives that say what to do with a number ("prenez mon portable", "oubliez ce numéro"): no first name, and no
# moment for the call in the sentence they open (actions/handoff_actions.py, moment_kept_for_later).
NUMBER_INSTRUCTIONS = (
    "prenez",
    "prends",
    "notez",
    "gardez",
    "mettez",
    "utilisez",
    "composez",
    "oubliez",
    "remplacez",
    "changez",
    "corrigez",
    "retenez",
    "ajoutez",
    "enregistrez",
)
_NOT_A_NAME_BESIDE_A_NUMBER = frozenset(
    [
        "rappelez",
        "rappeler",
        "appelez",
        "appeler",
        "appelle",
        "joindre",
        "contacter",
        "contactez",
        "merci",
        "svp",
        "stp",
        "ok",
        "oui",
        "ouais",
        "si",
        "bon",
        "ben",
        "bah",
        "alors",
        "finalement",
        "apres",
        "avant",
        "vite",
        "urgent",
        "plutot",
        "seulement",
        # How to take the number ("non c pas le bon, prenez mon portable 07 45 45 45 45": round 27, r27-b-13, r27-b-25,
        # the advisor was to ask for "Prenez"): an imperative names nobody.
        *NUMBER_INSTRUCTIONS,
        "prendre",
        "veuillez",
        "composer",
        "noter",
        "mieux",
        "essayez",
        "inscrivez",
        "laissez",
        "ecrivez",
        "tentez",
        "voici",
        "voila",
        "portable",
        "fixe",
        "mobile",
        "numero",
        "tel",
        "telephone",
        "passer",
        "mari",
        "femme",
        "epouse",
        "compagnon",
        "compagne",
        "fils",
        "fille",
        "pere",
        "mere",
        "frere",
        "soeur",
        "patron",
        "patronne",
        "associe",
        "associee",
        # Where the number rings ("02 98 55 12 34 c'est le garage", round 7: stored as the name "Garage").
        "garage",
        "atelier",
        "bureau",
        "boutique",
        "magasin",
        "salon",
        "labo",
        "maison",
        "domicile",
        "perso",
        "standard",
        "secretariat",
        "societe",
        "entreprise",
        # A greeting or a farewell said beside the number ("06 12 34 56 78, bonne journee").
        "bonne",
        "journee",
        "soiree",
        "nuit",
        "bonjour",
        "bonsoir",
        "salut",
        "revoir",
        "bientot",
        "cordialement",
        "dispo",
        "disponible",
        "chantier",
        "travail",
        "boulot",
    ]
)
# "/" and ":" part a message too ("Amandine / 07 52 18 93 46 / jeudi"); "et" does not where a time goes on ("entre
# 10h et midi", round 5 replays: stored as "midi de preference").
_CLAUSE_END = re.compile(r"[,;!?/:…]+|\.(?!\d)|\s+(?:et|mais)\s+(?!(?:midi|minuit|\d))")


def contact_given_with(text: str | None) -> dict[str, str]:
    """What a message gives for the contact questions when it says more ("oui rappelez moi apres, c'est mehdi au
    0612457889", "il s'appelle gerard, 03 87 12 34 56 le matin"): ``phone`` (E.164), ``email``, ``contact_name``
    (said as such, or one or two words in the number's clause or the clause right after it) and
    ``callback_slot`` (a clause that says only a moment). Read clause by clause: the whole message says more than a
    name or a time."""
    if not text:
        return {}
    found = {name: value for name, value in contact_answers(text).items() if name != "callback_slot"}
    if not found:
        return {}
    digits = phone_digits(text)
    marked = digits
    for match in phone_matches(digits):
        marked = marked.replace(match.raw_string, " \x00 ")
    marked = _EMAIL_TOKEN.sub(" \x00 ", marked)
    clauses = [" ".join(part.split()) for part in _CLAUSE_END.split(marked)]
    named = name_in_so_many_words(text) or _relative_named(text) or _i_am_named(text)
    for index, clause in enumerate(clauses):
        # The words on either side of a number are read apart ("Sylvie 05 49 88 12 40 entre 10h et midi").
        parts = [" ".join(part.split()) for part in clause.split("\x00")]
        for part in filter(None, parts):
            moment = callback_time(part)
            if moment and "callback_slot" not in found:
                found["callback_slot"] = moment
                continue
            # A name next to the number: in its clause, or in the clause just before or after one that is only it
            # ("ok rappelez moi alors. Didier, 06 58 21 47 90", "Thierry. 05-63-59-12-48 (fixe atelier)").
            beside = len(parts) > 1 or any(
                0 <= other < len(clauses) and _only_the_number(clauses[other]) for other in (index - 1, index + 1)
            )
            if not named and beside and not moment:
                named = _name_in_clause(part)
    if named:
        found["contact_name"] = named
    return found


def _only_the_number(clause: str) -> bool:
    """A clause that gives the number and nothing else ("le 06 45 98 12 33", "06 58 21 47 90 (fixe atelier)")."""
    from intake.facts import fold

    words = [word for word in fold(clause).split() if word != "\x00" and word not in _AROUND_A_NAME]
    return "\x00" in clause and (not words or clause.startswith("\x00"))


# A word after these names a thing or a place, never a person ("c'est le garage", "la boutique": round 7 stored
# "Garage" as the name the advisor asks for).
_DETERMINERS = frozenset(
    [
        "le",
        "la",
        "les",
        "l'",
        "un",
        "une",
        "du",
        "des",
        "au",
        "aux",
        "mon",
        "ma",
        "mes",
        "notre",
        "nos",
        "votre",
        "vos",
        "ce",
        "cet",
        "cette",
    ]
)


def _name_in_clause(clause: str) -> str | None:
    """One or two words that may be a first name, the small words around a name left out ("c'est mehdi au"); never a
    word after an article ("c'est le garage") nor the verb of "je suis Paola" (round 7: stored "suis Paola")."""
    from intake.facts import fold

    said = clause.replace("’", "'").replace("l'", "l' ").split()
    if any(fold(before) in _DETERMINERS for before in said[:-1]) and any(
        fold(word) not in _AROUND_A_NAME
        and fold(word) not in _DETERMINERS
        and index
        and fold(said[index - 1]) in _DETERMINERS
        for index, word in enumerate(said)
    ):
        return None
    words = [word for word in clause.split() if fold(word).replace("’", "'") not in _AROUND_A_NAME | {"suis"}]
    if not 1 <= len(words) <= 2 or not all(re.fullmatch(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", word) for word in words):
        return None
    folded = [fold(word) for word in words]
    # "appelez moi sur le 06 ..." (round 12, r12a-10: stored "Sur Le"): a small word of the request names nobody.
    nobody = _NOT_A_NAME | _NOT_A_NAME_BESIDE_A_NUMBER | _NAMES_NOBODY_AFTER_CALL_ME
    if any(word in nobody for word in folded):
        return None
    from intake.facts import extract_facts

    if "trade" in extract_facts(" ".join(words)):
        return None  # "je suis plombier, 06 ...": a trade, not a name
    name = " ".join(words)
    return clean_name(name.title() if name.islower() else name)


# "pas de mail hein", "sans e-mail", "pas d'adresse mail": no e-mail wanted (round 17, r17a-14: asked anyway).
_NO_EMAIL = re.compile(
    r"\b(?:pas|sans|jamais|aucune?|ni)\s+(?:de |d'|d |par )?(?:adresse\s+)?(?:e-?mails?|mails?|courriels?|mel)\b",
    re.IGNORECASE,
)


def declines_email(text: str | None) -> bool:
    """The words say no e-mail is wanted ("bon ok Laëtitia, mais pas de mail hein")."""
    from intake.facts import fold

    return bool(text and _NO_EMAIL.search(fold(text).replace("’", "'")))


def name_after_a_yes_then_more(text: str | None) -> str | None:
    """The first name said between a yes and a remark ("bon ok Laëtitia, mais pas de mail hein" -> "Laëtitia"; round
    17, r17a-14: the name was lost); None when no yes opens the words or no name follows it."""
    words = " ".join((text or "").split()).replace("’", "'")
    rest = words
    for _ in range(3):  # "ok d'accord Mathis": the yes said twice
        rest = _YES_FIRST.sub("", rest, count=1)
    if rest == words or not rest:
        return None
    return name_then_more(rest)


def fold_word(word: str) -> str:
    from intake.facts import fold

    return fold(word)


def name_then_more(text: str | None) -> str | None:
    """The first name opening an answer that goes on ("sandrine, c'est moi qu'il faut appeler pas lui" ->
    "Sandrine"): one or two words before the first comma; None when the answer is not so made."""
    first, *rest = re.split(r"[,;:!?]|(?<!\b[A-Za-z])(?<!\bMme)\.(?!\d)", text or "", maxsplit=1)
    if not rest or not rest[0].strip() or mentions_contact(text):
        return None
    fuller = _name_in_clause(" ".join(rest[0].strip(" .!").split()))
    named = _name_in_clause(" ".join(first.split()))
    if fuller and named and set(named.lower().split()) < set(fuller.lower().split()):
        return fuller  # "Lefebvre. Bruno Lefebvre" (round 12, r12c-13: stored "Lefebvre"): the name said in full
    titled = first_name_said(first)
    given = rest[0].strip(" .!")
    # "Mme Dufour, Josiane" (round 17, r17b-17: stored "Mme Dufour"): the first name said after the surname.
    if (
        titled
        and _titled_name(first)
        and len(given.split()) == 1
        and _CAPITALISED_WORD.fullmatch(given)
        and fold_word(given) not in _NOT_A_NAME
    ):
        return clean_name(f"{given} {titled.split(' ', 1)[1]}")
    return titled or _name_in_clause(" ".join(first.split()))


# "il s'appelle gerard", "elle s'appelle Martine": the person to call, named by the relative who writes.
_RELATIVE_NAMED = re.compile(
    r"\b(?:il|elle) s'?(?: )?ap+el+e?s?\s+(?P<name>[^\W\d_]+(?:[-'][^\W\d_]+)*)", re.IGNORECASE
)


# "je suis Paola, 04 95 21 00 11" (round 7: stored "suis Paola"): a capitalised word after "je suis", as names are typed.
_I_AM_NAMED = re.compile(r"\b(?i:je suis) (?P<name>[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?)\b")


def _i_am_named(text: str) -> str | None:
    from intake.facts import extract_facts, fold

    said = _I_AM_NAMED.search(text)
    if not said or fold(said.group("name")) in _NOT_A_NAME | _NOT_A_NAME_BESIDE_A_NUMBER:
        return None
    if extract_facts(said.group("name")):
        return None  # "je suis Boulanger": a trade, typed with a capital
    return clean_name(said.group("name"))


def relative_named(text: str) -> str | None:
    """ "il s'appelle Gérard", "elle sappel martine": the person named by the relative who writes; None otherwise."""
    return _relative_named(text)


def _relative_named(text: str) -> str | None:
    from intake.facts import fold

    said = _RELATIVE_NAMED.search(text.replace("’", "'"))
    if not said or fold(said.group("name")) in _NOT_A_NAME:
        return None
    name = said.group("name")
    return clean_name(name.title() if name.islower() else name)


# "je m'appelle Paul", "moi c'est paul", "mon prénom est Paul", "appelez-moi Paul": a name in so many words.
_NAME_SAID = re.compile(
    r"^(?:(?:bonjour|oui|alors|ah|euh|au fait|en fait|pardon|attendez|et|mais),? )*(?:je m'appelle|je m appelle|moi c'est|moi c est|moi c|mon prenom"
    # "mon nom c'est Nathalie Roux" (round 11, r11a-22: the name corrected after the case was not read).
    r"(?: c'est| est|:)?|mon (?:nom de famille|nom)(?: c'est| est|:)?|r?appelez[- ]moi|vous pouvez m'appeler)\s+"
    r"(?P<name>(?:(?:m|mr|mme|mlle)\. ?)?[^\W\d_]+(?:[-'][^\W\d_]+)*"
    r"(?: [^\W\d_]+(?:[-'][^\W\d_]+)*){0,2})[\s.!]*$"
)
# The first clause of an answer, the rest a comment ("appelez moi monsieur Da Silva, c'est plus simple").
# "appelez-moi M. Santoni, pas par le prénom" (round 26, r26b-03): the dot of a title ends no clause.
_FIRST_CLAUSE = re.compile(
    r"[,;:!?(]|(?<!\bm)(?<!\bmr)(?<!\bmme)(?<!\bmlle)\.(?!\w)|\s(?:mais|car|parce que|c'?(?: )?est|cest|svp|stp|merci)\b"
)
# "Ousseni c'est mon prénom", "Da Silva c'est mon nom", "Bruno, c'est mon vrai prénom" (round 12, r12c-14: stored whole).
_NAME_IS_MINE = re.compile(
    r"^(?P<name>[^\W\d_]+(?:[-'][^\W\d_]+)*(?: [^\W\d_]+(?:[-'][^\W\d_]+)*)?)[\s,.]+(?:c'?(?: )?est|cest|c) "
    r"(?:mon|le) (?:vrai |petit )?(?:prenom|nom|nom de famille)\b[^?]*$"
)


def _name_words(said: str) -> str | None:
    """The words of a name said after "appelez-moi", "je m'appelle", up to the first that names nobody: "appelez moi
    maintenant svp", "appelez moi sur le 06 ..." (round 12, r12b-19, r12a-10: stored "Maintenant Svp", "Sur Le") name
    nobody; "je m'appelle Paul svp" names Paul."""
    from intake.facts import fold

    kept: list[str] = []
    # "oui appelez moi c'est Paul" (round 28: stored "c'est Paul"): the name comes after "c'est".
    words = re.sub(r"^(?:moi\s+)?c(?:'|’|\s)?\s?est\s+", "", said.strip(), flags=re.IGNORECASE).split()
    title = _TITLE_SHOWN.get(fold(words[0]).strip(",;:!?")) if words else None
    if title and len(words) > 1:
        # "appelez moi monsieur Da Silva" (round 12, r12c-05): "M. Da Silva", as the advisor says it.
        rest = _name_words(" ".join(words[1:]))
        return f"{title} {rest}" if rest and rest[:1].isupper() else None
    for word in words:
        plain = fold(word).strip(".,;:!?")
        if plain in _NOT_A_NAME or plain in _NOT_A_NAME_BESIDE_A_NUMBER or plain in _NAMES_NOBODY_AFTER_CALL_ME:
            break
        if kept and word[:1].islower() and kept[0][:1].isupper():
            break  # "Paul vite": a capitalised name, then a word typed otherwise
        kept.append(word)
    return " ".join(kept) or None


_TITLE_SHOWN = {"monsieur": "M.", "m.": "M.", "mr": "M.", "mr.": "M.", "madame": "Mme", "mme": "Mme", "mme.": "Mme"}


# What follows "appelez-moi" when it asks for the call rather than gives a name ("appelez moi vite", "au plus vite", "sur
# mon portable", "des que possible", "tout de suite", "asap", "direct").
_WORDS_OF_A_REQUEST = (
    "sur le la les l' au aux a de du des d' en par pour avec sans dans chez vers ce cet cette ici la-bas svp stp svpl "
    "stpl plz please merci vite rapidement rapido urgent urgence asap tout toute suite possible quand vous tu dessus "
    "direct directement donc alors aussi encore si quand-meme quelqu'un qqn mon ma mes ton ta votre vos moi lui elle "
    "que qui quoi comment pourquoi ou et mais car je il on"
)
_NAMES_NOBODY_AFTER_CALL_ME = frozenset(_WORDS_OF_A_REQUEST.split()) | _DETERMINERS


# Capitalised words that answer something and name nobody.
_WORDS_THAT_NAME_NOBODY = (
    # Round 17 (r17a-05): "bjr je suis la femme de Thierry" stored the writer as "son épouse (Bjr)".
    "bonjour bonsoir salut bjr bjour bsr slt cc coucou hello re merci pardon ok okay oui non ouais nan bof euh hum hmm "
    "attendez stop rien aucun aucune "
    "personne moi lui elle urssaf banque impots sarl sas eurl ei eirl micro madame monsieur mme mr peut-etre "
    "demain aujourd'hui maintenant jamais toujours plus tard lundi mardi mercredi jeudi vendredi samedi dimanche "
    "matin midi soir apres-midi plutot vite volontiers "
    # Round 19 (r19c-04): "son portable 06.22.33.44.55" stored "Son" ("Merci Son, c'est noté"): a possessive names nobody.
    "son sa ses mon ma mes ton ta tes leur leurs notre nos votre vos "
    # Round 24 (r24b-04, r24b-08): "appelez moi d'abord moi" stored "D'Abord" ("Merci D'Abord."), "c'est bien Jean-Marc
    # qu'il faut demander hein" stored "Hein": words that fill a sentence name nobody.
    "d'abord abord hein lol mdr ptdr bon ben bah bien quoi voila donc alors svp stp sinon surtout aussi deja"
)
_NOT_A_NAME = frozenset(_WORDS_THAT_NAME_NOBODY.split())
_CAPITALISED_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[-'][A-ZÀ-ÖØ-Þa-zß-öø-ÿ][a-zß-öø-ÿ]+)*")


# A run of digits as a phone number is typed (spaces, dots, dashes, brackets, a leading +), right or wrong.
DIGIT_RUN = re.compile(r"\+?\d[\d .\-()]{3,}\d")


# "je m'appelle comme mon père": no name.
_NOT_NAMED_IN_A_SENTENCE = frozenset({"comme", "pareil", "pas", "aussi", "toujours"})
# Where a sentence that gave a name goes on: "je m'appelle Kévin et je suis maçon".
_SENTENCE_GOES_ON = re.compile(r"\s(?:et|mais|car|donc|je|j'|j’|jsuis|jai|moi|du coup)(?=\s|$)|\s(?:j'|j’)", re.I)
# A dot after a title ("M. Santoni", "Mme. Durand") ends no clause.
_NOT_A_TITLE_DOT = r"(?<!\b[Mm])(?<!\b[Mm][Rr])(?<!\b[Mm]me)(?<!\b[Mm]lle)"


def name_in_so_many_words(text: str | None) -> str | None:
    """A name said as such in one clause of a longer message ("ah pardon 06 23 45 67 89, je m'appelle Antoine"):
    only "je m'appelle ...", "moi c'est ...", never a capitalised word ("Portable 06 ..." names nobody)."""
    from intake.facts import fold

    for part in re.split(r"[,;!?]|" + _NOT_A_TITLE_DOT + r"\.|" + DIGIT_RUN.pattern, text or ""):
        clause = _NAME_PUT_ASIDE.sub("", " ".join(part.split()))
        # "je m'appelle Kévin et je suis maçon" (round 26, r26b-06: "je ne retrouve pas votre prénom"): the clause
        # ends where the sentence goes on.
        for said in (clause, *(clause[: goes_on.start()] for goes_on in _SENTENCE_GOES_ON.finditer(clause))):
            if said and _NAME_SAID.match(fold(said)):
                named = first_name_said(said)
                if named and not set(fold(named).lower().split()) & _NOT_NAMED_IN_A_SENTENCE:
                    return named
    return _name_set_right(text or "")


# What follows a name said as such and is no part of it: the name put aside, a laugh ("je m'appelle Hugo pas Prenez
# lol": round 27, r27-b-13, the bot's misreading was kept).
_NAME_PUT_ASIDE = re.compile(
    r"(?:,?\s+(?:et |non |mais )?pas\s+[^\W\d_]+(?:[-'][^\W\d_]+)*)?(?:\s+(?:lol|mdr|ptdr|xd|haha\w*|hihi\w*))*[\s.!]*$",
    re.IGNORECASE,
)
# A name put right, later or beside a number: "pardon c'est Marco pas Marc", "c'est Marco, pas Marc", "pas Marc mais
# Marco", "au fait c'est Yannick" (round 12, r12a-18, r12a-10: the number was corrected, the name was not).
_NAME_WORD = r"[^\W\d_]+(?:[-'][^\W\d_]+)*"
_CORRECTION_FIRST = r"(?:(?:ah|oh|euh|et|bon|non|pardon|oups|excusez moi|excusez-moi|desole|desolee|dsl|au fait|en fait|d'ailleurs|aussi),? )+"
_NAME_NOT_THAT_ONE = re.compile(
    rf"^(?:{_CORRECTION_FIRST})?(?:c'?(?: )?est |cest |c )?(?P<name>{_NAME_WORD}),? (?:et )?(?:pas|non pas) (?P<other>{_NAME_WORD})$"
)
_NOT_THAT_ONE_BUT = re.compile(
    rf"^(?:{_CORRECTION_FIRST})?(?:c'?(?: )?est |cest |c )?pas (?P<other>{_NAME_WORD}),? (?:mais |c'?(?: )?est |cest )+(?P<name>{_NAME_WORD})$"
)
# Without the name put aside, a capitalised name is taken ("au fait c'est compliqué" names nobody); one typed in lower
# case only when "au fait" or "moi c'est" says it is the writer's name (round 26: "au fait cest sylvie", "moi c'est
# karim au fait", said once the case was stored, were not kept), and it is no word said of a thing.
_BY_THE_WAY = r"(?:au fait|en fait|d'ailleurs|aussi|sinon)"
_BY_THE_WAY_IT_IS = re.compile(
    rf"^(?P<first>{_CORRECTION_FIRST})?(?P<intro>c'?(?: )?est|cest|c|moi,? c'?(?: )?est|moi,? cest|moi,? c) "
    rf"(?P<name>{_NAME_WORD})(?P<last>,? {_BY_THE_WAY})?$"
)
_WORDS_SAID_OF_A_THING = (
    "urgent urgente grave complique compliquee fini finie bon bonne vrai pareil important normal possible simple ferme "
    "fermee ouvert ouverte clair note regle fait mort foutu ici ca tout rien moi lui elle nous vous pour quand comme "
    "dur difficile trop mieux pire facile fou folle nul nulle ok oui non"
)
_SAID_OF_A_THING = frozenset(_WORDS_SAID_OF_A_THING.split())


def _a_place(word: str) -> bool:
    from places import resolve

    return bool(resolve(word, typos=False).found)


def _said_by_the_way(said: re.Match[str], name: str) -> bool:
    """Whether "c'est <name>" said in passing ("au fait c'est Sylvie", "moi c'est karim au fait") gives a first name."""
    from intake.facts import fold

    if not said.group("first") and not said.group("last"):
        return False
    if _a_place(name) or fold(name) in _SAID_OF_A_THING or fold(name) in _NOT_A_NAME:
        return False
    if name[:1].isupper():
        return True
    framed = re.search(_BY_THE_WAY, (said.group("first") or "") + (said.group("last") or ""))
    return bool(framed or said.group("intro").startswith("moi")) and len(name) >= 3


def _name_set_right(text: str) -> str | None:
    from intake.facts import fold

    for part in re.split(r"[;.!?]|" + DIGIT_RUN.pattern, text.replace("’", "'")):
        clause = " ".join(part.split()).strip(" ,:")
        folded = fold(clause)
        for pattern in (_NAME_NOT_THAT_ONE, _NOT_THAT_ONE_BUT, _BY_THE_WAY_IT_IS):
            said = pattern.match(folded)
            if not said:
                continue
            name = clause[said.start("name") : said.end("name")]
            if pattern is _BY_THE_WAY_IT_IS and not _said_by_the_way(said, name):
                continue  # "au fait c'est Lyon": the place put right, not the name; "bon c'est urgent": nobody
            other = clause[said.start("other") : said.end("other")] if "other" in said.groupdict() else None
            if other is not None and _name_in_clause(other) is None and not other[:1].isupper():
                # "Paul pas maintenant": nothing put aside; "Hugo pas Prenez" puts aside the word the bot took for a
                # name (round 27, r27-b-13), written with its capital as the bot wrote it.
                continue
            kept = _name_in_clause(name)
            if kept:
                return kept
    return None


# Round 25 (defect 3): "non, Jean-Marc" once the bot wrote another name. A no opening the answer, then a first name
# alone, maybe introduced ("c'est", "mon prénom c'est") or with the wrong one put aside ("pas Jean-Michel").
_PLAIN_NO = re.compile(
    r"^\W*(?:(?:ah|oh|mais|euh|bah|ben)[\s,]+)?(?:non|nan|nn|nope)(?:[\s,.!…]+(?:non|nan))*\b[\s,.;:!…-]*"
    r"(?:(?:pardon|au fait|en fait|plutot|enfin|attendez)\b[\s,.;:!…-]*)*"
    r"(?:(?:(?:mon|le|son) (?:pre)?nom (?:c'?(?: )?est|cest|est|c)|c'?(?: )?est|cest|c|moi c'?(?: )?est|je m'?(?: )?appelle)\s+)?"
)
_WRONG_ONE_AFTER = re.compile(rf",?\s+(?:et\s+)?(?:pas|non pas)\s+{_NAME_WORD}(?:\s+{_NAME_WORD})?\W*$")
# Ordinary words said after a no ("non, pas besoin", "non ça ira", "non pas d'email"): no name, in whatever case typed.
_WORDS_SAID_AFTER_A_NO = (
    "pas ca va ira bon besoin vraiment encore tout rien plus je j'ai pour le la les un une des du de que qui quoi comment "
    "merci ok oui non si "
    # Round 29 (r29-b-31): "non finalement laissez", "nan laissez tomber" keep things as they are: no name put right.
    "finalement laissez laisse gardez garde tomber oubliez effacez"
)
_SAID_AFTER_A_NO = frozenset(_WORDS_SAID_AFTER_A_NO.split())


def name_after_a_plain_no(text: str | None) -> str | None:
    """ "non, Jean-Marc", "nan jean marc", "non c Jean-Marc pas Jean-Michel": the first name that follows a no opening the
    answer, said alone (one or two words, as names are typed or in lower case). None when no name follows ("non merci",
    "non, demain matin", "non, Lyon") or the words say more than a name ("non, Jean-Marc ne veut plus")."""
    if not text:
        return None
    from intake.facts import fold

    words = " ".join(text.replace("’", "'").split())
    opened = _PLAIN_NO.match(fold(words))
    if not opened or opened.end() >= len(words):
        return None
    rest = _WRONG_ONE_AFTER.sub("", words[opened.end() :]).strip(" .!,;…")
    parts = rest.split()
    if not 1 <= len(parts) <= 2 or not all(re.fullmatch(_NAME_WORD, part) for part in parts):
        return None
    folded = [fold(part) for part in parts]
    if any(part in _NOT_A_NAME or part in _NAMES_NOBODY_AFTER_CALL_ME or part in _SAID_AFTER_A_NO for part in folded):
        return None
    if callback_time(rest) or any(re.match(r"[a-z]'", part) for part in parts):  # "d'email", never "D'Angelo"
        return None
    if len(parts) == 1 and "-" not in rest and _a_place(rest):
        return None  # "non, Lyon": a place put right, not the name
    return clean_name(rest.title() if rest.islower() else rest)


# "Sandrine euh non Sandra pardon", "Paul, pardon, Pierre", "Marie enfin Marie-Claire": a name said, then put right in
# the same breath (round 11, r11a-03: read as a "non", the name was passed and the case had none).
_NAME_PUT_RIGHT = re.compile(
    r"^(?P<first>[^\W\d_][^,;:!?]*?)[\s,.…]+(?:(?:eu+h|heu|oups|ah)[\s,.…]+)*"
    r"(?:non|nan|pardon|enfin|plutot|je veux dire|je voulais dire|oups)[\s,.…!]+(?:(?:pardon|non|euh)[\s,.…!]+)*"
    r"(?:c'est |c est |plutot |je m'appelle )?(?P<name>[^\W\d_]+(?:[-'][^\W\d_]+)*(?: (?!pardon|excusez|desole|dsl)[^\W\d_]+(?:[-'][^\W\d_]+)*)?)"
    r"(?:[\s,.…]+(?:pardon|excusez-moi|desole|desolee|dsl))?[\s.!…]*$"
)


_AFTER_NAME_PUT_RIGHT = re.compile(
    r"[\s,.]+(?:avec (?:l'|un |les |des )?accents?|sans (?:l'|d')?accents?|c'?(?: )?est (?:mon|le) (?:vrai )?(?:pr[ée]nom|nom)|"
    r"c'?(?: )?est plus simple|comme (?:ca|ça)|svp|stp|merci)\b.*$",
    re.IGNORECASE,
)
_WRITE_IT = re.compile(
    r"([\s,.…!])(?:mettez|mets|ecrivez|écrivez|notez|marquez)(?: plut[oô]t| donc)?(?: le| mon| le pr[ée]nom)?\s+",
    re.IGNORECASE,
)


def name_put_right(text: str | None) -> str | None:
    """The name kept when a name is corrected in the same answer ("Sandrine euh non Sandra pardon" -> "Sandra");
    None when the words are not so made, or the correction is no name ("Paul non merci")."""
    if not text:
        return None
    from intake.facts import fold

    words = " ".join(text.split()).replace("’", "'")
    # "Kevin. enfin non mettez Kévin avec l'accent c'est mon vrai prénom" (round 12, r12c-01: read as a refusal of the
    # call): the comment after the name put right, and the verb before it, are no part of it.
    words = _AFTER_NAME_PUT_RIGHT.sub("", words)
    words = _WRITE_IT.sub(lambda m: m.group(1) + " ", words)
    said = _NAME_PUT_RIGHT.match(fold(words))
    if not said or not _name_in_clause(words[said.start("first") : said.end("first")]):
        return None
    name = words[said.start("name") : said.end("name")]
    if fold(name).split()[0] in _NOT_A_NAME | {"merci", "pas", "rien", "plus", "je", "c'est"}:
        return None
    return _name_in_clause(name)


# "c'est Mme Perrin", "M. Durand à l'appareil", "ici monsieur lefebvre": a surname given with a title, the whole answer
# (round 15: None, the advisor had no name to ask for). "madame la juge", "Mme Perrin ma comptable m'a dit" name
# someone else or nobody: more words than a name, or an article, stay no contact name.
_TITLED_NAME = re.compile(
    r"^(?:(?:bonjour|bonsoir|oui|alors|euh|allo)[\s,]+)*(?:(?:moi,? )?c'?(?: )?est|cest|ici|je suis)?\s*"
    r"(?P<title>monsieur|madame|mademoiselle|mme|mr|mlle|m)(?:\.\s*|\s+)(?P<name>[^\W\d_]+(?:[-'][^\W\d_]+)*"
    r"(?: [^\W\d_]+(?:[-'][^\W\d_]+)*)?)(?:,? (?:a l'?(?: )?appareil|au telephone|au bout du fil))?[\s.!]*$"
)
_TITLE_OF = {
    "monsieur": "M.",
    "mr": "M.",
    "m": "M.",
    "madame": "Mme",
    "mme": "Mme",
    "mademoiselle": "Mlle",
    "mlle": "Mlle",
}
# Words after a title that say a role, not a surname ("monsieur maire", "madame juge" typed without the article).
_WORDS_OF_A_ROLE = (
    "juge maire docteur maitre president presidente directeur directrice comptable avocat avocate notaire huissier "
    "banquier banquiere conseiller conseillere le la les l'"
)
_ROLES_AFTER_A_TITLE = frozenset(_WORDS_OF_A_ROLE.split())


def _titled_name(words: str) -> str | None:
    """ "Mme Perrin" for "c'est Mme Perrin", "M. Da Silva" for "monsieur da silva": the title and the surname as said,
    capitalised as a name is; None when the words are more than that."""
    from intake.facts import fold

    # "mme perrin svp": the courtesy at the end is no part of the name (a suffix: the offsets stay those of words).
    folded = re.sub(r"[\s,]+(?:svp|stp|merci)[\s.!]*$", "", fold(words).replace("’", "'"))
    said = _TITLED_NAME.match(folded)
    if not said:
        return None
    title = said.group("title")
    if title == "m" and words[said.start("title")] != "M" and folded[said.end("title") : said.end("title") + 1] != ".":
        return None  # "m durand": a lone "m" is a title only as "M", "M." or "m." is typed
    name = words.replace("’", "'")[said.start("name") : said.end("name")]
    nobody = _NOT_A_NAME | _NOT_A_NAME_BESIDE_A_NUMBER | _NAMES_NOBODY_AFTER_CALL_ME | _ROLES_AFTER_A_TITLE
    parts = name.split()
    # "Monsieur Le Goff", "Mme De Sousa": a particle typed with a capital before a capitalised surname is part of it.
    particle = len(parts) == 2 and parts[0].istitle() and parts[1].istitle() and fold(parts[1]) not in nobody
    if any(fold(word) in nobody for word in (parts[1:] if particle else parts)):
        return None
    if name.islower() or name.isupper():
        name = name.title()
    return clean_name(f"{_TITLE_OF[title]} {name}")


def first_name_said(text: str | None, entities: Sequence[Mapping[str, Any]] = ()) -> str | None:
    """A first name given where another answer was asked ("Paul" to "Êtes-vous d'accord ?"), or None.

    A name in so many words ("je m'appelle paul"), a name the entity extractor saw, or a bare answer of one
    or two capitalised words (as names are typed) that are no common answer and no place the extractor saw."""
    if not text:
        return None
    from intake.facts import fold

    words = " ".join(text.split()).strip(" .!")
    folded = fold(words)
    said = _NAME_SAID.match(folded)
    first = _FIRST_CLAUSE.split(folded, maxsplit=1)[0].strip()
    if not said and first != folded:
        said = _NAME_SAID.match(first)  # "appelez moi monsieur Da Silva, c'est plus simple"
    if said:
        start = folded.index(said.group("name"))
        name = _name_words(words[start : start + len(said.group("name"))])
        return clean_name(name.title() if name.islower() else name) if name else None
    mine = _NAME_IS_MINE.match(folded.replace("’", "'"))
    if mine:
        return _name_in_clause(words[mine.start("name") : mine.end("name")])
    titled = _titled_name(words)
    if titled:
        return titled
    # "Mme Martin, Odile" (round 18, r18b-14: "je n'ai pas bien compris", the name lost): the title and surname, then
    # the first name after a comma, kept as name_then_more keeps it at the name question ("Odile Martin").
    head, comma, tail = words.partition(",")
    if comma:
        titled = _titled_name(head)
        if titled and _CAPITALISED_WORD.fullmatch(tail.strip()) and fold(tail.strip()) not in _NOT_A_NAME:
            return clean_name(f"{tail.strip()} {titled.split(' ', 1)[1]}")
        after = fold(without_ligatures(tail.strip()))
        head_parts = head.split()
        if (
            (_KIN_AFTER_NAME.match(after) or _ME_TO_CALL_AFTER_NAME.match(after))
            and 1 <= len(head_parts) <= 2
            and all(_CAPITALISED_WORD.fullmatch(part) for part in head_parts)
            and not any(fold(part) in _NOT_A_NAME for part in head_parts)
        ):
            # "Nadine, sa femme" at the health question (round 28, r28-b-12: "pas bien compris", the name lost): a
            # name and who the writer is to the artisan, or who is to be called.
            return clean_name(head.strip())
    kinds = {entity.get("entity") for entity in entities}
    if "town" in kinds or "departement" in kinds:
        return None  # "Lens", "Arras": a place
    named = [entity.get("value") for entity in entities if entity.get("entity") == "first_name"]
    # "c'est Nathalie": the name is capitalised as typed ("c'est grave" names nobody).
    parts = re.sub(r"^c(?:'| )?est\s+", "", words, flags=re.IGNORECASE).split()
    if named and len(parts) <= 2 and isinstance(named[0], str) and fold(named[0]) not in _NOT_A_NAME:
        return clean_name(named[0])
    if callback_time(words):
        return None  # "Demain matin": when to call
    if (
        1 <= len(parts) <= 2
        and all(_CAPITALISED_WORD.fullmatch(part) for part in parts)
        and not any(fold(part) in _NOT_A_NAME for part in parts)
    ):
        return clean_name(" ".join(parts))
    if (
        # "Erwan Le Bihan", "Nadia Da Costa" (round 18, r18b-02: "je n'ai pas bien compris", the name asked again):
        # a first name and a surname with its particle, all typed as names are.
        len(parts) == 3
        and fold(parts[1]) in _SURNAME_PARTICLES
        and parts[1][0].isupper()
        and _CAPITALISED_WORD.fullmatch(parts[0])
        and _CAPITALISED_WORD.fullmatch(parts[2])
        and not any(fold(part) in _NOT_A_NAME for part in (parts[0], parts[2]))
    ):
        return clean_name(" ".join(parts))
    return None


# Who the writer is to the artisan, said after a name ("Nadine, sa femme", "Karim, je suis son frère").
_KIN_AFTER_NAME = re.compile(rf"^(?:je suis |c'?(?: )?est )?(?:sa|son|ma|mon|la|le) (?:{KIN})\b[\w' ]{{0,20}}$")
# "Sandrine, c'est moi qu'il faut appeler" from a relative at the health question (round 31, make run: "pas bien
# compris" and the name lost): a name, then who is to be called.
_ME_TO_CALL_AFTER_NAME = re.compile(
    r"^(?:c'?(?: )?est (?:moi|a moi) (?:qu'?(?: )?il faut |a )(?:appeler|rappeler|contacter|joindre)|"
    r"(?:appelez|rappelez|contactez)[- ]moi|c'?(?: )?est moi)\b[\w' ]{0,20}$"
)


_SURNAME_PARTICLES = frozenset({"le", "la", "de", "du", "da", "des", "di", "van", "von", "dos", "del"})


# The words of a yes before the rest of an answer ("bon ok, c'est Laurent", "oui allez, moi c'est Paul").
_YES_FIRST = re.compile(
    rf"^(?:(?:{FILLERS}|alors|eh bien|et bien|allez|enfin|finalement)[\s,]+)*"
    r"(?:(?:oui|ouais|ok|okay|d'accord|dac|entendu|volontiers|allez|vas-y|allez-y|pourquoi pas|tres bien|très bien)"
    r"(?:[\s,.!]+|$))+",
    re.IGNORECASE,
)
# The name said last, after what the yes was for ("oui rappelez-moi, c'est Mathieu"; 2026-12-05: asked again after it).
_NAME_LAST = re.compile(
    r"[,;.!]\s*((?:moi\s+)?c'?\s?est\s+\S+(?:\s+\S+)?|je m'appelle\s+\S+(?:\s+\S+)?)\s*[.!]*$", re.I
)


# A capitalised first name said alone after a comma, last ("oui rappelez moi moi, Nadia"; round 33, r33-j: the case had
# no name, and none was asked after the consent). A town named there is no name.
_BARE_NAME_LAST = re.compile(r"[,;]\s*([A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)\s*[.!]*$")


def _name_said_last(words: str, entities: Sequence[Mapping[str, Any]]) -> str | None:
    last = _NAME_LAST.search(words)
    if last:
        return first_name_said(last.group(1), entities)
    bare = _BARE_NAME_LAST.search(words)
    if bare is None or names_a_known_town(bare.group(1)) is not None:
        return None
    return first_name_said(bare.group(1), entities)


def name_after_yes(text: str | None, entities: Sequence[Mapping[str, Any]] = ()) -> str | None:
    """The first name said after a yes ("bon ok, c'est Laurent" -> "Laurent"); None without a yes first."""
    if not text:
        return None
    words = " ".join(text.split()).replace("’", "'")
    rest = _YES_FIRST.sub("", words, count=1)
    if rest == words:
        from intake.answers import asks_for_callback

        # "appelez moi lundi vers 10h, c'est Nathalie" (round 28, r28-a-04: the name asked again after the consent):
        # the call asked for is the yes; the name said last is kept.
        return _name_said_last(words, entities) if asks_for_callback(words) else None
    if not rest:
        return None
    return first_name_said(rest, entities) or _name_said_last(rest, entities)


# A no as typed, drawn out or short ("non", "nooon", "nan", "nn", "nope", "niet"), and words starting with an n that say
# no or yes ("nul", "nickel"): never a first name.
_NO_SHAPED = re.compile(r"(?:n+(?:o+|a+))+n*|n+|no+p+e?|nah?")
_N_WORDS = (
    "nada nein niet nenni negatif negative nope nop nah nul nulle neant nothing never nobody none no noway nickel "
    "naturellement normal normalement necessaire nous nos notre nom nombre numero ne pas plus envie besoin veux veut "
    "appelez rappelez merci"
)
_N_WORDS_THAT_NAME_NOBODY = frozenset(_N_WORDS.split())
# What may open a first name typed alone: "c'est", "moi c'est", "je suis".
_NAME_OPENING = re.compile(r"^(?:(?:moi|alors|euh|bah|ben)[ ,]+)?(?:c'?(?: )?est|cest|je suis|jsuis|moi)[ ,]+", re.I)


_ROLE_AFTER_NAME = re.compile(
    r"[\s,(-]+(?:sa|son|la|le|l'|votre|je suis (?:sa|son|la|le))\s*(?:fille|fils|femme|[ée]pouse|mari|[ée]poux|compagne|"
    r"compagnon|s(?:oe|œ)ur|fr[èe]re|m[èe]re|p[èe]re|associ[ée]e?|gendre|belle-fille|beau-fils|ni[èe]ce|neveu|"
    r"secr[ée]taire|comptable|salari[ée]e?)\)?$",
    re.IGNORECASE,
)


def name_read_as_a_no(text: str | None, entities: Sequence[Mapping[str, Any]] = ()) -> str | None:
    """A first name the classifier took for a no because it begins like one ("nolwenn", "Noa", "noël", "nathan",
    "nadia", "nans"; round 16, r16a-07 and r16a-16: the case had no name): the name, when the words are a name and say
    no refusal ("non", "nan", "nooon", "nn merci", "personne" stay refusals). None otherwise."""
    if not text:
        return None
    from intake.answers import HESITATION, NO, YES, is_skip, is_waiting, kind as answer_kind
    from intake.facts import fold

    words = " ".join(text.replace("’", "'").split()).strip(" .!,")
    # "nolwenn, sa fille" (make run, round 16: read as deny, the case had no name): the role said after the name.
    words = _ROLE_AFTER_NAME.sub("", words).strip(" .!,")
    if not words or "?" in words or answer_kind(words) in (YES, NO, HESITATION) or is_skip(words) or is_waiting(words):
        return None
    folded = fold(words)
    parts = fold(_NAME_OPENING.sub("", words, count=1)).split()
    if not parts or any(_NO_SHAPED.fullmatch(part) or part in _N_WORDS_THAT_NAME_NOBODY for part in parts):
        return None
    if any(part in _NOT_A_NAME for part in folded.replace("'", " ").split()) and not _NAME_OPENING.match(words):
        return None
    # A first name as typed (capitalised), or one beginning like a no, which the entity extractor may have seen.
    named = first_name_said(words) or (first_name_said(words, entities) if parts[0].startswith("n") else None)
    if named:
        return named.title() if named.islower() else named
    rest = _NAME_OPENING.sub("", words, count=1)
    if (
        1 <= len(parts) <= 3
        and parts[0].startswith("n")
        and all(re.fullmatch(r"[^\W\d_]{2,}(?:[-'][^\W\d_]+)*", part) for part in rest.split())
        and not callback_time(rest)
    ):
        name = clean_name(rest)
        return name.title() if name and name.islower() else name
    return None


# ---------------------------------------------------------------------------------- two numbers, one kept

# Said of a number to say it is the one to call ("06 80 45 21 97 c'est mieux", "plutôt le 06 ...", "de préférence").
_PREFERRED = re.compile(
    r"\b(?:c(?:'| )?est (?:le )?mieux|cest (?:le )?mieux|c mieux|le mieux|mieux|de preference|preferable|en priorite|"
    r"plutot|surtout|je prefere|prefere|principal|le plus simple|plus (?:sur|simple|facile|joignable))\b"
)
# Said of a number to say it is the fallback or a poor one ("sinon le 07 ...", "le fixe ne répond jamais").
_FALLBACK = re.compile(
    r"\b(?:sinon|a defaut|en dernier recours|en secours|au pire|si ca repond pas|si je reponds pas|"
    r"(?:ne )?(?:repond|marche|fonctionne|capte) (?:jamais|pas|plus|mal)|surtout pas|pas (?:celui|ce numero))\b"
)
# Where the words about one number stop and those about the next one start ("..., ou mon portable ...").
_BETWEEN_NUMBERS = re.compile(r"[,;.!?/]|\s(?:ou|sinon|et|mais)\s")


def _numbers_at(digits: str) -> list[tuple[str, int, int]]:
    """Each distinct valid number in the words (already through ``phone_digits``), with where it stands, in order."""
    found: list[tuple[str, int, int]] = []
    for match in phone_matches(digits):
        phone = normalise_phone(match.raw_string)
        if phone and phone not in [number for number, _, _ in found]:
            found.append((phone, match.start, match.end))
    return found


def preferred_phone(text: str | None) -> tuple[str, list[str], bool] | None:
    """The number to call among those the words give, the others, and whether the artisan said which one they prefer
    ("04 50 98 12 34 au bureau, ou mon portable 06 80 45 21 97 c'est mieux" -> the mobile, said preferred; "03 21 00
    11 22 c le fixe, sinon 07 82 33 44 55" -> the first, the other being the fallback). Round 7 kept the first in one
    conversation and the second in another, and never the one the artisan preferred. None without a number."""
    if not text:
        return None
    from intake.facts import fold

    digits = phone_digits(text)
    found = _numbers_at(digits)
    if not found:
        return None
    folded = fold(digits)
    corrected = _self_corrected(folded, found)
    if corrected:
        # "06 01 02 03 04 non attendez 06 01 02 03 05" (round 9, r9b-14: the first was kept): the number said after
        # words of self-correction replaces the one before it, which is no other number for the advisor.
        found = [entry for index, entry in enumerate(found) if index not in corrected]
        if len(found) == 1:
            return found[0][0], [], True
    numbers = [number for number, _, _ in found]
    if len(found) == 1:
        return numbers[0], [], False
    # The words about each number: from the break after the previous number to the break after this one.
    context = ["" for _ in found]
    for index, (_, start, end) in enumerate(found):
        before_start = found[index - 1][2] if index else 0
        gap = folded[before_start:start]
        if index:
            cut = _BETWEEN_NUMBERS.search(gap)
            gap = gap[cut.start() :] if cut else ""
        after_end = found[index + 1][1] if index + 1 < len(found) else len(folded)
        after = folded[end:after_end]
        if index + 1 < len(found):
            cut = _BETWEEN_NUMBERS.search(after)
            after = after[: cut.start()] if cut else after
        context[index] = f"{gap} {after}"
    chosen_by_order = chosen_by_rank(folded, len(found), after=found[-1][2])
    if chosen_by_order is not None:
        # "0612345678 ou sinon 0787654321 (plutot le 2eme)" (round 22, r22b-12: the first was kept): the rank said.
        return numbers[chosen_by_order], [n for i, n in enumerate(numbers) if i != chosen_by_order], True
    chosen_by_label = _chosen_by_label(folded, found)
    if chosen_by_label is not None:
        # "le sien c'est le 03 ... au garage, le mien 06 ... appelez le sien plutôt" (round 14, r14b-07: the son's own
        # number was kept, "celui que vous préférez"): the number the words point to by whose or which it is.
        return numbers[chosen_by_label], [n for i, n in enumerate(numbers) if i != chosen_by_label], True
    preferred = [
        index for index, words in enumerate(context) if _PREFERRED.search(words) and not _FALLBACK.search(words)
    ]
    if not preferred:
        fallbacks = [index for index, words in enumerate(context) if _FALLBACK.search(words)]
        others = [index for index in range(len(found)) if index not in fallbacks]
        chosen = others[0] if others and fallbacks else 0
        return numbers[chosen], [n for i, n in enumerate(numbers) if i != chosen], False
    chosen = preferred[0]
    return numbers[chosen], [n for i, n in enumerate(numbers) if i != chosen], True


_RANKS = {
    "premier": 0,
    "premiere": 0,
    "1er": 0,
    "1ere": 0,
    "1e": 0,
    "deuxieme": 1,
    "second": 1,
    "seconde": 1,
    "2e": 1,
    "2eme": 1,
    "2nd": 1,
    "2nde": 1,
    "troisieme": 2,
    "3e": 2,
    "3eme": 2,
    "dernier": -1,
    "derniere": -1,
}
_RANK_WORD = r"(?:premiere?|1ere?|1e|deuxieme|seconde?|2eme|2e|2nde?|troisieme|3eme|3e|derniere?)"
# A number chosen by its rank: "plutot le 2eme", "c'est le deuxième que je préfère", "appelez le second", "le premier
# c'est mieux", "prenez le dernier" (never "le 2e étage", "le premier jour").
_CHOICE_OF_RANK = re.compile(
    r"\b(?:plutot|de preference|en priorite|prene[zr]|garde[zr]|appele[zr]|rappele[zr]|utilise[zr]|c'?(?: )?est|cest|"
    r"je prefere|prefere)(?: plutot| donc| directement)? (?:sur |au )?(?:le |la )(?P<rank>"
    + _RANK_WORD
    + ")"
    + r"(?: (?:numero|num|no|tel|n°))?\b(?! (?:etage|jour|mois|fois|semaine|trimestre|rdv|rendez))"
    r"|\b(?:le |la )(?P<rank2>"
    + _RANK_WORD
    + r")(?: (?:numero|num|no|tel))? (?:plutot|de preference|en priorite|c'?(?: )?est mieux|"
    r"cest mieux|c mieux|que je prefere|je prefere|svp|s'il vous plait)\b"
)


def chosen_by_rank(folded: str, count: int, after: int = 0) -> int | None:
    """The index of the number the words choose by rank ("plutot le 2eme" after two numbers), read after position
    ``after`` (the last number); None when no rank is said or it is beyond the numbers given."""
    said = _CHOICE_OF_RANK.search(folded[after:])
    if said is None or count < 2:
        return None
    rank = _RANKS[said.group("rank") or said.group("rank2")]
    index = count - 1 if rank == -1 else rank
    return index if 0 <= index < count else None


def number_chosen_by_rank(words: str | None, earlier: Sequence[str]) -> str | None:
    """The number chosen by its rank among those the latest earlier message gave ("non c'est le 2eme que je prefere"
    after "06 ... ou sinon 07 ...": round 22, r22b-12, read as "no e-mail"), or None."""
    from intake.facts import fold

    if not words or phones_in(words):
        return None
    for said in reversed(earlier):
        found = _numbers_at(phone_digits(said or ""))
        if len(found) >= 2:
            index = chosen_by_rank(fold(words), len(found))
            return found[index][0] if index is not None else None
    return None


# What a number is said to be, by whose it is or which line ("le sien c'est le 03 ...", "le mien 06 ...", "le fixe").
_LABELS = {
    "sien": "sien",
    "sienne": "sien",
    "le sien": "sien",
    "la sienne": "sien",
    "mien": "mien",
    "mienne": "mien",
    "le mien": "mien",
    "la mienne": "mien",
    "fixe": "fixe",
    "portable": "portable",
    "mobile": "portable",
    "garage": "travail",
    "bureau": "travail",
    "atelier": "travail",
    "boutique": "travail",
    "magasin": "travail",
    "travail": "travail",
    "boulot": "travail",
}
_LABEL_WORD = r"(?:la |le )?(?:sienne|sien|mienne|mien|fixe|portable|mobile|garage|bureau|atelier|boutique|magasin|travail|boulot)"
# The choice said of a label, away from the numbers ("appelez le sien plutôt", "prenez plutôt le fixe", "le mien c'est
# mieux"), never a label followed by its own number.
_CHOICE_OF_LABEL = re.compile(
    r"\b(?:appele[zr]|rappele[zr]|contacte[zr]|prene[zr]|garde[zr]|utilise[zr]|essaye[zr]|joigne[zr])"
    r"(?: plutot| donc| directement| en priorite| d'abord)* (?:sur |au |a )?(?P<which>" + _LABEL_WORD + r")\b"
    r"|\b(?P<which2>" + _LABEL_WORD + r") (?:plutot|de preference|en priorite|d'abord|c'est mieux|cest mieux|c mieux)\b"
)


def _labels_of(words: str) -> set[str]:
    """ "le sien c'est le ... au garage" -> {"sien", "travail"}."""
    return {_LABELS[word.split()[-1]] for word in re.findall(r"\b" + _LABEL_WORD + r"\b", words)}


def _chosen_by_label(folded: str, found: Sequence[tuple[str, int, int]]) -> int | None:
    """The index of the number a choice said by label points to, when exactly one number bears that label."""
    if len(found) < 2:
        return None
    labels = _labels_by_number(folded, found)
    tail = folded[found[-1][2] :]
    stop = _BETWEEN_NUMBERS.search(tail)
    rest = tail[stop.start() :] if stop else ""
    choice = _CHOICE_OF_LABEL.search(rest)
    if choice is None:
        return None
    which = _labels_of(choice.group("which") or choice.group("which2"))
    chosen = [index for index, label in enumerate(labels) if which and which <= label]
    return chosen[0] if len(chosen) == 1 else None


def _labels_by_number(folded: str, found: Sequence[tuple[str, int, int]]) -> list[set[str]]:
    """What each number is said to be, from the words of its own clause."""
    labels: list[set[str]] = []
    for index, (_, start, end) in enumerate(found):
        before = folded[found[index - 1][2] if index else 0 : start]
        cut = list(_BETWEEN_NUMBERS.finditer(before))
        before = before[cut[-1].end() :] if cut and index else before
        after = folded[end : found[index + 1][1] if index + 1 < len(found) else len(folded)]
        stop = _BETWEEN_NUMBERS.search(after)
        after = after[: stop.start()] if stop else after
        labels.append(_labels_of(f"{before} {after}"))
    return labels


def said_to_be_theirs(artisan_messages: Iterable[str], kept: str | None) -> bool:
    """Whether the kept number was given as the person concerned's ("le sien c'est le 03 ..."), beside others."""
    from intake.facts import fold

    for message in artisan_messages:
        digits = phone_digits(message or "")
        found = _numbers_at(digits)
        if len(found) < 2 or kept not in [number for number, _, _ in found]:
            continue
        labels = _labels_by_number(fold(digits), found)
        return "sien" in labels[[number for number, _, _ in found].index(kept)]
    return False


# Words that take back the number just said and give another ("non attendez", "pardon", "euh non", "je me suis trompé",
# "oups", "je veux dire"): said between two numbers, the second is the one (round 9, r9b-14).
_SELF_CORRECTION = re.compile(
    r"\b(?:non|nan|pardon|oups|zut|mince|attendez|attends|erreur|je me suis trompee?|je me trompe|trompee?|"
    r"je veux dire|je voulais dire|correction|rectification|je rectifie|excusez[- ]moi|dsl|desolee?|"
    r"enfin|en fait|c'est pas (?:ca|celui-la|le bon))\b"
)
# ... unless the second number is said to be another one ("non, et aussi le fixe"), or a wrong one ("non pas le").
_NOT_A_SELF_CORRECTION = re.compile(
    r"\b(?:aussi|egalement|en plus|sinon|ou bien|autre|fixe|portable|bureau|mari|femme|epouse|pere|mere|fils|fille|"
    r"frere|soeur|associee?|comptable)\b|\b(?:non|pas) (?:pas )?(?:le|au)\s*$|\bou\s*$"
)


def _self_corrected(folded: str, found: Sequence[tuple[str, int, int]]) -> set[int]:
    """The indices of the numbers taken back by the words between them and the next one."""
    corrected = set()
    for index in range(1, len(found)):
        gap = folded[found[index - 1][2] : found[index][1]]
        if _SELF_CORRECTION.search(gap) and not _NOT_A_SELF_CORRECTION.search(gap):
            corrected.add(index - 1)
    return corrected


def corrected_numbers(text: str | None) -> list[str]:
    """The numbers a message gives and takes back in the same breath ("06 01 02 03 04 non attendez 06 01 02 03 05")."""
    if not text:
        return []
    from intake.facts import fold

    digits = phone_digits(text)
    found = _numbers_at(digits)
    return [found[index][0] for index in sorted(_self_corrected(fold(digits), found))]


def numbers_kept_text(kept: str, others: Sequence[str], preferred: bool) -> str:
    """What is said when several numbers were given: which one is kept and why, and that the advisor sees the rest."""
    why = "celui que vous préférez" if preferred else "le premier que vous avez donné"
    rest = " et le ".join(display_phone(other) for other in others)
    return f"Je garde le {display_phone(kept)}, {why} ; le conseiller verra aussi le {rest}."


def other_numbers(artisan_messages: Iterable[str], kept: str | None) -> list[str]:
    """The numbers given in the same message as the kept one ("au bureau, ou mon portable ..."): the advisor sees them
    in the summary, not only somewhere in the transcript. A number corrected in a later message is not one of them."""
    if not kept:
        return []
    others: list[str] = []
    for message in artisan_messages:
        numbers = phones_in(message)
        if kept in numbers:
            taken_back = corrected_numbers(message)  # "non attendez": a number taken back is no other one
            others += [n for n in numbers if n != kept and n not in others and n not in taken_back]
    return others


# ------------------------------------------------------------------------------ whose number it is

# "appelez plutôt mon père directement, c'est le 03 ...", "vous pouvez appeler ma femme au 06 ...", "le numéro de mon
# mari c'est le ...", "ma femme : 06 ...": the number given is a relative's, not the writer's (round 9, r9a-08, r9b-15).
_OWNER_VERB = (
    r"\b(?:appele[rz]|rappele[rz]|contacte[rz]|joindre|joigne[zr]|telephone[rz]|numero d[e']|tel d[e']|"
    r"telephone d[e']|portable d[e']|celui d[e']|c'est celui d[e'])"
    r"(?:\s+(?:plutot|directement|aussi|donc|alors|plutot directement|directement plutot))*"
    r"\s*(?:mon|ma|a mon|a ma)\s+(?P<relative>{relatives})\b"
)
_OWNER_BEFORE_NUMBER = (
    r"\b(?:mon|ma)\s+(?P<relative>{relatives})\s*(?:au|:|,?\s*c(?:'| )?est(?: le)?|son numero|sur le)\s*\x00"
)


# A number given as the person's by a pronoun, no relative named with it (round 22, r22a-13: "vous pouvez l'appeler lui ?
# 06 11 22 33 44", a daughter writing for her father; "appelez-le", "son portable c'est le", "le sien"). Never the
# article of "appelez le 06 ..." or of "appelez la chambre".
_THEIR_NUMBER_BY_PRONOUN = re.compile(
    r"\b(?:l' ?|l |le |la |lui )(?:r?ap?pel(?:er|ez|iez|le|les|lera|lerez|lerai|ler|lez)|contact(?:e|er|ez|era)|"
    r"joindre|telephon(?:e|er|ez))\b|"
    r"\b(?:r?ap?pel|contact|telephon)(?:ez|er)[- ](?:le|la|lui)(?= *(?:$|[,.;:!?]|directement|plutot|aussi|svp|stp|"
    r"s'il|sil|lui|elle|au|sur|donc|alors|vite|maintenant|demain|si|quand))|"
    r"\b(?:son|sa) (?:numero|num|portable|port|tel|telephone|ligne|fixe|mobile)\b|\b(?:le sien|la sienne)\b|\bson *\x00|"
    # "c'est le fixe de l'atelier" (round 23, r23a-02): the workshop's line, the artisan's the relative writes for.
    r"\b(?:fixe|numero|tel|telephone|ligne) (?:de l'|du |de la )(?:atelier|garage|boutique|magasin|salon|entreprise|"
    r"commerce|boulangerie|menuiserie|boucherie|cabinet|institut|chantier|societe|bureau)\b|"
    r"\b(?:lui|elle),? (?:c'est|c est|cest|c) (?:le |au )? *\x00"
)


# Round 24 (r24b-10): "surtout ne l'appelez pas au garage, il ne sait pas", "ne pas l'appeler lui", "surtout pas lui":
# the writer asks that the person concerned not be called. Never a moment ("ne l'appelez pas avant 10 h", "pas le
# matin"): that is when, not whether.
_NOT_A_MOMENT = (
    r"(?!\s*(?:avant|apres|le matin|le soir|le midi|l'apres|l apres|entre|pendant|a \d|\d|lundi|mardi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche|ce |cette |demain|aujourd|trop|tot|tard|sur son|a son|au \x00|au \d))"
)
DO_NOT_CALL_THEM = re.compile(
    r"\b(?:ne |n')(?:l'|l |le |la |lui )?\s*(?:r?ap?pel|contact|telephon|joign)\w*(?: surtout| jamais)* (?:pas|jamais)\b"
    + _NOT_A_MOMENT
    + r"|\bne (?:surtout )?(?:pas|jamais) (?:l'|l |le |la |lui )\s*(?:r?ap?pel|contact|telephon|joindre)\w*\b"
    + _NOT_A_MOMENT
    + r"|\b(?:l'|l |le |la )(?:r?ap?pel|contact)\w* (?:surtout )?pas\b"
    + _NOT_A_MOMENT
    + r"|(?<!c'est )(?<!cest )(?<!c est )(?<!n'est )(?<!n est )\bsurtout pas (?:lui|elle)\b"
)


# Round 29 (r29-b-01): "oui qu'on le rappelle mais c'est moi qu'il faut appeler d'abord, 0692 ...", "il faut m'appeler
# moi avant", "vous pouvez me joindre au ...": the writer asks to be called first, the number given is theirs, whatever
# pronoun names the person concerned beside it.
_CALLS_THE_WRITER_FIRST = re.compile(
    r"\b(?:c'est|cest|c est|c) (?:a )?moi qu'?(?: )?(?:il faut|faut|vous devez|il faudra|il faudrait|faudrait) "
    r"(?:appeler|rappeler|contacter|joindre|telephoner)|"
    r"\b(?:m'|m )(?:appeler|rappeler|contacter|telephoner)\b|\bme (?:rappeler|contacter|joindre|telephoner)\b"
)


def number_owner(text: str | None, person: str | None = None) -> str | None:
    """The relative whose number the words give ("pere", "femme"), when they give one number and say it is theirs;
    None when it is the writer's own (or when the words give several numbers: whose each is is not said so plainly).
    ``person``: the relative someone close writes for ("pere", "proche": ``relative_written_for``), whom a pronoun
    names ("vous pouvez l'appeler lui ? 06 ...", round 22, r22a-13)."""
    if not text:
        return None
    from intake.facts import fold

    digits = phone_digits(text)
    matches = [match for match in phone_matches(digits) if normalise_phone(match.raw_string)]
    if len({normalise_phone(match.raw_string) for match in matches}) != 1:
        return None
    marked = digits
    for match in matches:
        marked = marked.replace(match.raw_string, " \x00 ")
    folded = fold(marked.replace("’", "'"))
    own = re.search(
        r"\b(?:mon|mes) (?:numero|portable|tel|telephone|fixe)\b|\b(?:appelez|rappelez|contactez)[- ]moi\b", folded
    ) or _CALLS_THE_WRITER_FIRST.search(folded)
    if own and not re.search(_OWNER_VERB.format(relatives=KIN), folded):
        return None  # "mon portable 06 ..., mon mari ne répond pas": the writer's own number
    for pattern in (_OWNER_VERB, _OWNER_BEFORE_NUMBER):
        said = re.search(pattern.format(relatives=KIN), folded)
        if said:
            return said.group("relative")
    # "06 ..., et surtout ne l'appelez pas au garage" (round 24, r24b-10): the pronoun of a refusal names no owner.
    if person and not own and _THEIR_NUMBER_BY_PRONOUN.search(DO_NOT_CALL_THEM.sub(" ", folded)):
        return person
    return None


def relative_written_for(slots: Mapping[str, Any], artisan_messages: Sequence[str]) -> str | None:
    """Whom someone close writes for, as ``number_owner`` names them ("pere"; "proche" when not said who): the writer's
    words (``written_for``), else the triage's person at risk. None when the artisan writes about themself."""
    concerning = written_for(artisan_messages) or concerning_from_person_at_risk(
        slots.get("person_at_risk"), artisan_messages
    )
    if concerning:
        return concerning.get("relative") or boss_of_the_secretary(concerning) or "proche"
    return "proche" if slots.get("person_at_risk") else None


def boss_of_the_secretary(concerning: Mapping[str, str] | None) -> str | None:
    """ "patron" ("patronne" for Mme ...) when the secretary writes for her boss (round 29, r29-b-10: "qu'on rappelle M.
    Leandri sur son portable 06 ..." was filed as the secretary's own number): whose "son portable" is."""
    if not concerning or concerning.get("writer") != "secretaire" or concerning.get("relative"):
        return None
    return "patronne" if re.match(r"(?:mme|madame)\b", str(concerning.get("person_name") or "").lower()) else "patron"


# A number said to be another one, someone else's ("aussi", "ma femme au ..."), unless the words correct the first.
_ANOTHER_NUMBER = re.compile(
    r"\b(?:aussi|egalement|en plus|autre numero|(?:mon|ma) (?:femme|mari|associee?|comptable|fils|fille|epouse|"
    r"compagne|compagnon|collegue|secretaire))\b"
)
_NUMBER_CORRECTED = re.compile(
    r"\b(?:trompee?|erreur|faux|mauvais|bon numero|vrai numero|corrig\w*|rectifi\w*|pas le|c'est pas|pas \d{2}\b|"
    r"change\w*|nouveau numero)"
)


def another_number(text: str | None, person: str | None = None) -> bool:
    """Whether the words give a number as one more, or as someone else's ("vous pouvez aussi appeler ma femme au ...",
    "si je réponds pas, appelez mon fils au ..."), not as a correction of the number given before."""
    from intake.facts import fold

    folded = fold(text or "")
    if _INSTEAD.search(folded) and not _AS_A_BACKUP.search(folded):
        return False  # "ma femme préfère que vous l'appeliez elle directement, Sophie, 06 ..." (round 24, r24b-05)
    return bool(_ANOTHER_NUMBER.search(folded) or number_owner(text, person)) and not _NUMBER_CORRECTED.search(folded)


# Round 24 (r24b-05, r24b-16): the number of the one to call instead ("préfère que vous l'appeliez elle", "appelez plutôt
# ma femme", "finalement"), not one more, unless said as a backup ("si je réponds pas", "aussi", "sinon").
_INSTEAD = re.compile(r"\b(?:prefere\w*|plutot|directement|finalement|a la place)\b")
_AS_A_BACKUP = re.compile(
    r"\bsi (?:je|j'|il|elle|on|ca) (?:ne |n')?(?:repon\w*|decroch\w*|joign\w*|suis pas|est pas)|\b(?:aussi|en plus|egalement|"
    r"sinon|au cas|en cas|en secours|de secours)\b"
)


def kept_number_owner(artisan_messages: Iterable[str], kept: str | None, person: str | None = None) -> str | None:
    """The relative whose number the kept one is, as the latest message that gave it says; None: the writer's own.
    ``person``: whom a pronoun names (``number_owner``)."""
    owner = None
    for message in artisan_messages:
        if kept and kept in phones_in(message):
            owner = number_owner(message, person)
    return owner


def tells_own_business(artisan_messages: Sequence[str], trade: Any = None) -> bool:
    """Whether the writer tells their own business in the first person ("je suis couvreur", "mon atelier", "mes
    clients"): then a relative's number given later is a contact to call, not the person the case is about."""
    from intake.facts import fold

    said = " ".join(fold_words(message) for message in artisan_messages)
    own_trade = bool(trade) and re.search(rf"\bje suis (?:un |une )?{re.escape(fold(str(trade)))}\b", said)
    return bool(own_trade or _OWN_BUSINESS_SAID.search(said))


def spoken_of(relative: str | None, artisan_messages: Sequence[str], slots: Mapping[str, Any]) -> bool:
    """Whether the conversation is about this relative ("mon père est boucher", the person at risk): told in a
    message that gives no number, or named as the person at risk."""
    if not relative:
        return False
    from intake.facts import fold

    mention = re.compile(rf"\b(?:mon|ma|son|sa) {re.escape(relative)}\b")
    told = [message for message in artisan_messages if not phones_in(message)]
    at_risk = fold(str(slots.get("person_at_risk") or ""))
    return bool(mention.search(at_risk) or re.search(rf"\b{re.escape(relative)}\b", at_risk)) or any(
        mention.search(fold(message)) for message in told
    )


def yours(relative: str) -> str:
    """ "pere" -> "votre père": the relative as said back to the writer."""
    return f"votre {ACCENTED_KIN.get(relative, relative)}"


def whose(relative: str) -> str:
    """ "pere" -> "son père", "femme" -> "son épouse": the relative as the advisor reads it."""
    return with_possessive(_SHOWN_AS.get(relative, relative))


def phone_notes(
    artisan_messages: Sequence[str],
    kept: str | None,
    concerned: str | None = None,
    writer_name: str | None = None,
    writer_role: str | None = None,
    *,
    person_name: str | None = None,
    writer_wrote: bool = False,
    artisan_wrote: bool = False,
) -> tuple[list[str], list[str]]:
    """What the summary says of whose numbers were given: the kept one when it is a relative's ("celui de son père, la
    personne concernée, à la demande de la personne qui a écrit (Claire)"), and a relative's number added beside it
    ("si je réponds pas vous pouvez appeler ma femme au ..."), with the numbers so described (left out of "Autre numéro
    donné"). ``concerned``: the relative the writer writes for (written_for's "relative"). Round 20 (r20a-07, r20a-10):
    the person concerned's number says they may not know who wrote (unless the writer said they do not, or that they
    tell them first: ``writer_notes``), named (``person_name``); the writer's own number, when someone close wrote (``writer_wrote``), says the
    advisor calls that relative."""
    if not kept:
        return [], []
    lines: list[str] = []
    described: list[str] = []
    # "son portable : 07 ..." from a relative (round 23, r23a-05): the person concerned's, named by the possessive.
    owner_of_kept = kept_number_owner(artisan_messages, kept, concerned if writer_wrote else None)
    if not owner_of_kept and concerned and said_to_be_theirs(artisan_messages, kept):
        owner_of_kept = concerned  # "le sien c'est le 03 ..., le mien 06 ... appelez le sien" (round 14, r14b-07)
    if not owner_of_kept and concerned and given_as_theirs(artisan_messages, kept):
        owner_of_kept = concerned  # "qu'un conseiller l'appelle lui, Yann, au 06 ..." (round 20, r20a-07)
    notes = writer_notes(artisan_messages) if writer_wrote else []
    if (
        not owner_of_kept
        and concerned
        and "call_person" in notes
        and "call_writer" not in notes
        and not given_as_own(artisan_messages, kept)
    ):
        owner_of_kept = concerned  # "c'est mon père qu'il faut appeler", then a number not said to be the writer's
    if not owner_of_kept and artisan_wrote:
        # "c'est plutôt ma femme qu'il faut appeler ?", then her number alone at its question (round 25).
        owner_of_kept = relative_the_artisan_has_called(artisan_messages)
    role = writer_role or _WRITER_OF.get(owner_of_kept or "")
    if owner_of_kept and artisan_wrote:
        # The artisan wrote and gave someone close's number to call (``artisan_wrote``): the name given is theirs.
        named = f" ({writer_name})" if writer_name else ""
        lines.append(
            f"Numéro à appeler ({display_phone(kept)}) : celui de {whose(owner_of_kept)}{named}, à la demande de "
            "l'artisan, qui a écrit lui-même."
        )
        described.append(kept)
    elif owner_of_kept:
        theirs = concerned == owner_of_kept
        named = f" ({person_name})" if theirs and person_name else ""
        person = whose(owner_of_kept) + named + (", la personne concernée" if theirs else "")
        writer = (with_possessive(_SHOWN_AS.get(role, role)) if role else "un proche") + (
            f" ({writer_name})" if writer_name else ""
        )
        line = f"Numéro à appeler ({display_phone(kept)}) : celui de {person} ; c'est {writer} qui a écrit"
        if theirs and not {"secret", "warn_first", "knows"} & set(writer_notes(artisan_messages)):
            who = person_name or "la personne concernée"
            by = with_possessive(_SHOWN_AS.get(role, role)) if role else "ce proche"
            line += f" ; {who} ne sait peut-être pas que {by} a écrit"
        lines.append(line + ".")
        described.append(kept)
    elif writer_wrote:
        writer = with_possessive(_SHOWN_AS.get(role, role)) if role else "ce proche"
        named = f" ({writer_name})" if writer_name else ""
        lines.append(
            f"Numéro à appeler ({display_phone(kept)}) : celui de {writer}{named}, qui a écrit ; rappeler ce proche."
        )
        described.append(kept)
    for message in artisan_messages:
        numbers = [number for number in phones_in(message) if number != kept and number not in described]
        owners = names_of_numbers(message) if kept in phones_in(message) else {}
        for number in numbers if owners.get(kept) else []:
            if owners.get(number) and owners[number] != owners[kept]:
                # "Marc au 03 ..., moi c'est Léa au 06 ... si il répond pas" (round 19, r19a-08): whose the backup is.
                lines.append(f"Autre numéro donné : {display_phone(number)}, celui de {owners[number]}.")
                described.append(number)
        numbers = [number for number in numbers if number not in described]
        if len(numbers) != 1 or kept in phones_in(message) or not another_number(message, concerned):
            continue  # numbers beside the kept one are other_numbers'; a number alone without "aussi" corrects it
        # "vous pouvez l'appeler lui ? 06 ..." (round 22, r22a-13): the person concerned's, named by a pronoun.
        owner = number_owner(message, concerned)
        # Round 9, r9a-08: "si je réponds pas vous pouvez appeler ma femme au ..." after the case was lost.
        of = f", celui de {whose(owner)}" if owner else ""
        lines.append(f"Autre numéro donné : {display_phone(numbers[0])}{of}.")
        described.append(numbers[0])
    return lines, described


# ------------------------------------------------------------------------------ a relative who writes

# "j'écris pour mon mari", "c'est pour mon père en fait", "je vous contacte au nom de ma mère".
_WRITING_FOR = re.compile(
    r"\b(?:j'?ecris|j ecris|je vous ecris|je vous contacte|je me permets de vous ecrire|je viens|je demande|"
    r"je fais (?:la|cette) demande|je me renseigne|je m'adresse a vous|je vous sollicite|c'est|cest|c est|c)"
    # "c pr ma soeur" (round 28, r28-b-17: typed as a text message, read as the artisan writing): "pr" for "pour".
    r"(?: \w+)?\s+(?:pour|pr|de la part de|au nom de|a la place de)\s+(?:mon|ma)\s+(?P<relative>" + KIN + r")\b"
)
# "c'est l'entreprise de mon père", "c'est pas mon entreprise c'est celle de mon père".
_BUSINESS_OF = re.compile(
    r"\b(?:entreprise|boite|atelier|boutique|commerce|societe|garage|salon|magasin|affaire|celle|celui)"
    r"\s+(?:de|a)\s+(?:mon|ma)\s+(?P<relative>" + KIN + r")\b|"
    # Round 17 (r17b-16): "ma femme a une boutique", "mon mari tient un salon": the business is the relative's.
    r"^(?:\W*(?:bonjour|bonsoir|slt|bjr|bsr|salut)\W+)?(?:mon|ma)\s+(?P<owner>"
    + KIN
    + r")\s+(?:a|tient|gere|possede)\s+"
    r"(?:une|un|sa|son)\s+(?:entreprise|boite|atelier|boutique|commerce|societe|garage|salon|magasin|affaire|"
    r"institut|restaurant|boulangerie|menuiserie|charcuterie|boucherie|entreprise de \w+)\b"
)
# Round 24 (r24c-06): "j'ai repris l'atelier de mon père", "l'atelier de mon grand-père je l'ai repris", "on a racheté
# le garage de mon oncle", "je bosse avec mon père dans l'atelier de mon père": a parent's business taken over or worked
# in with them is the writer's own (his son writing for the father, through four corrections). Said before the business
# or right after it.
_TAKEN_OVER_BEFORE = re.compile(
    r"\b(?:repris|reprise|reprend\w*|rachete\w*|rachat|herite\w*|heritage|succede\w*|succession|la suite|"
    r"(?:travaille|bosse)\w* avec (?:mon|ma)\s+(?:" + KIN + r"))\b[^.;!?]{0,40}$"
)
_TAKEN_OVER_AFTER = re.compile(
    r"^,?\s*(?:que |qu'|qu )?(?:je |j'|j |on |nous )(?:l'|l |les )?(?:ai|a|avons)\s+(?:\w+\s+)?"
    r"(?:repris|reprise|rachete\w*|herite\w*)\b"
)
# Round 24 (r24c-06): the writer says it is them ("c'est pas mon père, c'est moi !", "C'EST MON ENTREPRISE PAS CELLE DE
# MON PERE", "non c'est moi l'artisan", "je parle de moi"): what was read before of someone close writing is undone.
# "c'est moi qu'il faut appeler", "c'est moi qui gère les papiers" are no such words.
_ITS_ME = re.compile(
    r"\bc'?(?: )?est moi (?:l'?(?: )?|le |la )?(?:artisane?|patronne?|gerante?|cheffe? d'entreprise)\b|"
    r"\bje suis (?:moi-meme |moi meme )?(?:l'?(?: )?|le |la )(?:artisane?|patronne?|gerante?)"
    r"(?: (?:moi-meme|moi meme|c'est moi))?\s*(?:[,.;!]|$|moi)|"
    r"\bje (?:parle|vous parle|vous ecris|ecris) (?:de|pour) moi(?:-meme| meme)?\b(?! et)|"
    r"\bc'?(?: )?est (?:de|pour) moi(?:-meme| meme)? (?:que je (?:parle|vous ecris|ecris)|qu'?(?: )?il s'?(?: )?agit)\b|"
    r"\b(?:c'?(?: )?est|ce n'?(?: )?est|c) pas (?:mon|ma|mes|de mon|de ma|pour mon|pour ma) (?:" + KIN + r")\b"
    r"[^?]{0,12}?\bc'?(?: )?est (?:bien )?moi\b(?! ?qu'?(?: )?(?:il|elle|on|vous|faut))|"
    r"\b(?:c'?(?: )?est )?(?:mon|ma) (?:propre )?(?:entreprise|boite|atelier|affaire|societe|boutique|commerce|garage)"
    r"(?: a moi)?,? (?:et )?pas (?:celle|celui) (?:de|d')|"
    r"\bc'?(?: )?est (?:mon|ma) propre (?:entreprise|boite|atelier|affaire|societe|boutique|commerce|garage)\b"
)
# Round 24 (r24b-11, r24b-16, r24b-03): "mon fils Kevin a 26 ans, il est pâtissier à son compte … on vient de lui
# diagnostiquer un cancer", "ma soeur est fleuriste … elle m'a demandé de vous écrire": the message opens on the relative,
# and says the business or the illness is theirs in the third person; the mother was told "Votre santé passe avant
# tout". Never with the writer's own business in the same words ("mon fils m'aide à ma boutique").
# Round 36 (make run): "c'est mon mari qui a une lettre de l'urssaf, une contrainte" (a wife writing) was read as the
# artisan writing; his number then went into the case as "à la demande de l'artisan, qui a écrit lui-même". The business
# trouble said to be the relative's; never their illness ("c'est ma femme qui a un cancer": the artisan writes) nor who
# does the papers ("c'est ma femme qui gère").
_TROUBLE_IS_THEIRS = re.compile(
    r"\b(?:c'est|cest|c est|ce sont)\s+(?:mon|ma)\s+(?P<relative>"
    + KIN
    + r")\s+qui\s+(?:a (?:une|un|des|le|la|les|l'|du|de la)|a recu|a eu|recoit|doit|tient)"
    r"(?: [\w']+){0,5}? (?:l'?urssaf|urssaf|impots|fisc|banque|banquier|huissiers?|commissaire de justice|contraintes?|"
    r"dettes?|cotisations|tva|cfe|entreprise|boite|atelier|commerce|boutique|salon|garage|societe|redressement|"
    r"liquidation|tribunal|mise en demeure|commandement)\b"
)
_OPENS_ON_RELATIVE = re.compile(
    r"^(?:\W*(?:bonjour|bonsoir|slt|bjr|bsr|salut|hello)(?: madame| monsieur| madame ou monsieur| a tous)?\W+)?"
    r"(?:alors |voila |en fait |donc )?(?:mon|ma)\s+(?P<relative>" + KIN + r")\b"
)
_THEIRS_IN_THIRD_PERSON = re.compile(
    r"\ba son compte\b|\b(?:il|elle) est (?:artisane?|patronne?|installee?|auto-?entrepreneu\w*|micro-?entrepreneu\w*)\b|"
    r"\bson (?:entreprise|atelier|commerce|garage|salon|magasin|restaurant|affaire|cabinet|institut)\b|"
    r"\bsa (?:boutique|boulangerie|societe|boite|entreprise|menuiserie|boucherie|charcuterie|patisserie)\b|"
    r"\bses (?:salaries|clients|fournisseurs|employes|apprentis)\b|"
    r"\b(?:il|elle) (?:m'a|m a|ma|nous a) demande de (?:vous |vs )?(?:ecrire|contacter)\b|"
    r"\bje (?:m'occupe|m occupe|gere) (?:de )?(?:ses|son|sa) (?:papiers|compta\w*|paperasse|administratif|entreprise)\b"
)
# "ma femme est fleuriste à Agen", "mon mari c'est le boulanger de la place" (make run, round 28, lead28-06: read as the
# writer's own business, "vous faites face", the wife's callback asked as the writer's): the trade said of the relative.
_KIN_IS = re.compile(r"^\s*(?:est|c'?\s?est|fait)\s+(?:un |une |le |la |l')?(?P<rest>[^,.;!?]+)")


def _kin_is_a_trade(after_kin: str) -> bool:
    from intake.facts import extract_facts

    said = _KIN_IS.match(after_kin)
    return bool(said and extract_facts(said.group("rest")).get("trade"))


_OWN_BUSINESS_SAID = re.compile(
    r"\b(?:mon|ma|notre) (?:entreprise|atelier|boutique|commerce|societe|boite|garage|salon|magasin|restaurant)\b|"
    r"\bj'?(?: )?ai (?:un|une|mon|ma) (?:entreprise|atelier|boutique|commerce|societe|garage|salon|magasin)\b|"
    r"\bje suis (?:a mon compte|artisane?|installee?|patronne?)\b|\bmes (?:clients|salaries|fournisseurs)\b"
)
# "je suis l'apprenti de M. Petit, ébéniste", "je suis la salariée de Mme Roux" (round 24, r24b-12, r24b-03).
_ADVISER_OF_A_CLIENT = re.compile(
    r"\bje suis (?:l'|l |le |la |son |sa )?(?P<role>expert-comptable|expert comptable|comptable)\s+"
    r"(?:d'un de mes clients|d'une de mes (?P<she>clientes)|de mon client|de ma (?P<she2>cliente)|"
    r"de (?:la |l')?(?:sarl|eurl|sas|sasu|societe|entreprise|ets|etablissements)\b|du (?:garage|salon|restaurant|"
    r"magasin|cabinet)\b|de (?:m\.?|monsieur|mr|(?P<she3>madame|mme))\s)"
)
_STAFF_OF_NAMED = re.compile(
    r"\b(?:je suis|jsuis|suis)\s+(?:l'|l |le |la )(?P<role>apprentie?|salariee?|employee?|ouvriere?)\s+"
    r"(?:de |d'|du )(?:(?P<she>madame|mme\.?)|monsieur|m\.|mr\.?|m )"
)
# "je suis sa femme", "moi je suis son fils": the writer's own place.
_WRITER_IS = re.compile(
    r"\bje suis (?:sa|son) (?P<role>femme|epouse|mari|epoux|conjointe?|compagnon|compagne|fils|fille|mere|pere|"
    r"frere|soeur|associee?|belle-fille|gendre|secretaire|niece|neveu|petite?-fille|petit-fils)\b"
)
# Round 29 (r29-b-45): "bonjour c'est sa femme. mon mari est boulanger", "c'est son fils.": said as the message opens or
# as a sentence of its own; never "c'est sa femme qui tient la caisse" (someone else's wife, told of).
_WRITER_SAID_AS_A_SENTENCE = re.compile(
    r"(?:^|[.!?;]\s*)(?:\W*(?:bonjour|bonsoir|bjr|bsr|salut|allo)\W+)?(?:(?:alors|voila|oui|en fait) )?"
    r"(?:c'est|cest|c est|c|moi c'est|moi c est) (?:sa|son) (?P<role>femme|epouse|mari|epoux|conjointe?|compagnon|"
    r"compagne|fils|fille|frere|soeur|belle-fille|gendre|secretaire|niece|neveu|petite?-fille|petit-fils)"
    r"(?=\s*(?:$|[.!?,;:]|qui (?:vous )?ecri\w*|je vous ecris))"
)
# "lui c'est Monsieur Girardot Bernard", "appelez le lui, c'est Mr Lefebvre Olivier", "il s'appelle Jean-Marc".
_NAME = r"(?P<name>[^\W\d_]+(?:[-'][^\W\d_]+)*(?: [^\W\d_]+(?:[-'][^\W\d_]+)*){0,2})"
_PERSON_NAMED = re.compile(r"\b(?:lui|elle),? c(?:'| )?est (?:(?:monsieur|madame|mr|mme|m)\.? )?" + _NAME)
_PERSON_CALLED = re.compile(r"\b(?:il|elle) s'?(?: )?appelle " + _NAME)
_WRITER_NAMED = re.compile(r"\bmoi,? c(?:'| )?est " + _NAME)
# "mon père s'appelle Gérard" (round 22, r22b-07): the relative named with the word for them.
_KIN_CALLED = re.compile(r"\b(?:mon|ma) (?P<kin>" + KIN + r") s'?(?: )?appelle " + _NAME)
# "appelez moi plutot moi, Claire", "c'est moi qu'il faut appeler : Sophie", "rappelez plutôt moi, c'est Julie" (round
# 22, r22b-07: the father's name stored with the daughter's number): the writer, named as the one to call.
_WRITER_TO_CALL = re.compile(
    r"\b(?:(?:appele[zr]|rappele[zr]|contacte[zr])[- ](?:(?:plutot|donc|directement|surtout) )?moi"
    r"(?: (?:plutot|donc|directement|surtout))?(?:,? moi)?"
    r"|c'?(?: )?est (?:plutot |surtout )?moi qu'?(?: )?il faut (?:appeler|rappeler|contacter|demander))"
    r"\s*[,:-]\s*(?:c'?(?: )?est |je suis |je m'?(?: )?appelle |moi c'?(?: )?est )?" + _NAME
)
# The writer named as the one who answers the call: "c'est moi teddy qui répondrai", "c'est moi, Teddy, qui décroche",
# "moi teddy je répondrai", "c'est moi (Teddy) qu'il faut appeler".
_ANSWERING = (
    r"(?:(?:vais |va )?(?:repond\w*|decroch\w*|prend\w* (?:l'?(?: )?appel|le tel\w*)|parle\w*|gere\w*|m'?(?: )?occupe\w*)"
    r"|serai (?:la|joignable|dispo\w*)|suis (?:joignable|dispo\w*)|ai le (?:tel\w*|portable)|aurai le (?:tel\w*|portable))"
)
_WRITER_ANSWERS = re.compile(
    r"\b(?:c'?(?: )?est moi|moi(?:,? c'?(?: )?est)?)[ ,(]+(?P<name>[^\W\d_]{2,}(?:[-'][^\W\d_]+)*)[ ,)]+"
    r"(?:qui (?:vais |va )?" + _ANSWERING + r"|qu'?(?: )?il faut (?:appeler|rappeler|contacter|demander)|"
    r"(?:je |j')" + _ANSWERING + r")"
)
# Round 14 (r14b-07): "moi c'est Kevin, mon père s'appelle Alain": the writer names themself and names the person
# concerned by what they are to the writer. Read as two people only with the writer's own name in the same words ("mon
# fils s'appelle Lucas" from an artisan is no one writing for his son).
_RELATIVE_CALLED = re.compile(
    r"\b(?:mon|ma) (?P<relative>" + KIN + r"),? (?:il |elle )?(?:s'?(?: )?appelle|se nomme|c(?:'| )?est) " + _NAME
)
_WRITER_CALLED = re.compile(r"\b(?:moi,? c(?:'| )?est|je m'?(?: )?appelle|mon (?:pre)?nom (?:c'est|est)) " + _NAME)
_NAME_THEN_ROLE = re.compile(r"(?:^|[.!?,]\s*)" + _NAME + r",? (?:et )?je suis (?:sa|son) ")
# Round 14: "je m'appelle Thomas, son fils", "Thomas, son fils", "moi c'est Karine sa femme", "je suis sa fille, Julie":
# who the writer is to the artisan ("son", "sa": the artisan's) says that the name given is the writer's, never a third
# person's ("Thomas, son fils" was told "le conseiller demandera Thomas, ou vous-même"). Without the words that
# introduce oneself, only at the start of the message (an answer to the name question).
_WRITER_ROLES = _WRITER_IS.pattern.split("(?P<role>", 1)[1].rsplit(")", 1)[0]
_INTRODUCED = r"(?:je m'appelle|je m appelle|moi,? c'est|moi,? c est|c'est|cest|c est|je suis|ici)"
_NAME_WITH_WRITERS_ROLE = re.compile(
    r"(?:^(?:(?:bonjour|bonsoir|salut|alors|oui|euh|ben)[ ,]+)*(?:"
    + _INTRODUCED
    + r" )?|[.!?,;]\s*"
    + _INTRODUCED
    + r" |\b(?:je m'appelle|je m appelle|moi,? c'est|moi,? c est) )"
    + _NAME
    + r",? (?:et )?(?:je suis |moi )?(?:sa|son) (?P<role>"
    + _WRITER_ROLES
    + r")\b"
)
_WRITERS_ROLE_WITH_NAME = re.compile(
    r"\bje suis (?:sa|son) (?P<role>" + _WRITER_ROLES + r"),\s*(?:je m'appelle |je m appelle |moi c'est |c'est )?"
    r"(?P<name>[^\W\d_]+(?:[-'][^\W\d_]+)*)\s*(?:[.!?,;]|$)"
)

# What the person is to the writer -> what the writer is to the person (said to the advisor as "son épouse").
_WRITER_OF = {
    "mari": "epouse",
    "epoux": "epouse",
    "femme": "mari",
    "epouse": "mari",
    "conjoint": "conjointe",
    "conjointe": "conjoint",
    "compagnon": "compagne",
    "compagne": "compagnon",
    "pere": "enfant",
    "papa": "enfant",
    "mere": "enfant",
    "maman": "enfant",
}
# How the writer's place is said to the advisor ("je suis sa femme" -> "son épouse", as the advisor would write it).
_SHOWN_AS = {"femme": "epouse", "epoux": "mari"}
_NAME_NOBODY = frozenset(
    [
        "monsieur",
        "madame",
        "mr",
        "mme",
        "le",
        "la",
        "les",
        "un",
        "une",
        "mon",
        "ma",
        "ses",
        "son",
        "sa",
        "lui",
        "elle",
        "moi",
        "qui",
        "que",
        "pas",
        "plus",
        "tres",
        "en",
        "fait",
        "juste",
        "aussi",
        "encore",
        "la-bas",
        "mais",
        "et",
        "ou",
        "donc",
        "car",
        "cest",
        "c'est",
        "c",
        "je",
        "j",
        "il",
        "on",
        "nous",
        "vous",
        "ils",
        "elles",
        "de",
        "du",
        "des",
        "au",
        "aux",
        "a",
        "pour",
        "par",
        "avec",
        "sans",
        "est",
    ]
)


def _name_at(original: str, match: re.Match[str], *, capitalised_only: bool) -> str | None:
    """The name the match found, cut from the original words (the match is on folded words of the same length)."""
    words = original[match.start("name") : match.end("name")].split()
    kept: list[str] = []
    from intake.facts import fold

    for word in words:
        plain = word.strip(".,;:!?")
        if fold(plain) in _NAME_NOBODY or fold(plain) in _NOT_A_NAME or fold(plain) in KIN.split("|"):
            break
        if capitalised_only and not plain[:1].isupper():
            break
        kept.append(plain)
        if plain != word:
            break  # a comma or a dot ends the name
    if not kept:
        return None
    name = " ".join(kept)
    return clean_name(name.title() if name.islower() else name)


# Round 12 (B2): "c'est la fille de M. Garcia", "je suis la femme d'un boulanger": the writer's place said before
# the person's.
_WRITER_OF_SOMEONE = re.compile(
    r"\b(?:je suis|suis|c'est|cest|c est|ici|moi c'est|moi c est)\s+(?:la|le|l'|l )\s*(?P<role>femme|epouse|mari|epoux|"
    r"fille|fils|compagne|compagnon|conjointe?|soeur|frere|associee?|belle-fille|gendre|secretaire)\s+(?:de |d'|d |du )"
    r"(?!menage|chambre|service|garde|l'accueil|l accueil)(?P<who>(?:monsieur |madame |mr\.? |mme\.? |m\. |m )?\S+)"
)
# "Laura, je suis la fille de M. Garcia": the writer's name before the place.
_NAME_THEN_ROLE_OF = re.compile(r"(?:^|[.!?,]\s*)" + _NAME + r",? (?:et )?(?:je suis|c'est|cest) (?:la|le) ")
# "je suis apprenti chez un couvreur", "je suis salariée chez une fleuriste", "je bosse pour un plombier".
_STAFF_OF = re.compile(
    r"\b(?:je suis|jsuis|j suis|suis)\s+(?:l'|l |le |la |un |une )?(?P<role>apprentie?|salariee?|employee?)\s+"
    r"(?:(?:chez|pour)\s+(?:(?P<she>une|ma|la|madame|mme)|un|mon|le|monsieur|m\.?)|de (?:(?P<she2>ma)|mon) (?:patron|patronne))\s"
)
_RELATIVE_OF_ROLE = {
    "femme": "mari",
    "epouse": "mari",
    "compagne": "compagnon",
    "conjointe": "conjoint",
    "mari": "femme",
    "epoux": "femme",
    "compagnon": "compagne",
    "conjoint": "conjointe",
}
_HE = re.compile(r"^(?:monsieur|mr\.?|m\.?|un|du|l'artisan|mon)\b")
_SHE = re.compile(r"^(?:madame|mme\.?|une|l'artisane)\b")


def _writer_of_someone(original: str, folded: str) -> dict[str, str]:
    """ "je suis la femme d'un boulanger" -> writer épouse, relative mari; "c'est la fille de M. Garcia" -> writer
    enfant, relative père, person M. Garcia."""
    match = _WRITER_OF_SOMEONE.search(folded)
    if not match:
        return {}
    role, who = match.group("role"), match.group("who")
    he, she = _HE.match(who), _SHE.match(who)
    found = {"writer": role}
    relative = _RELATIVE_OF_ROLE.get(role)
    if role in ("fille", "fils", "belle-fille", "gendre"):
        relative = "pere" if he else "mere" if she else None
    elif role in ("soeur", "frere"):
        relative = "frere" if he else "soeur" if she else None
    elif role in ("associe", "associee"):
        relative = "associe" if he else "associee" if she else None
    if relative:
        found["relative"] = relative
    title = re.match(r"(?:monsieur|madame|mr\.?|mme\.?|m\.?)\s", who)
    if title:
        rest = original[match.start("who") + title.end() :].split()
        name = rest[0].strip(".,;:!?") if rest else ""
        if name[:1].isupper():
            found["person_name"] = ("Mme " if she else "M. ") + name
    elif not he and not she:
        name = original[match.start("who") : match.end("who")].strip(".,;:!?")
        if name[:1].isupper() and name.isalpha():
            found["person_name"] = name  # "je suis la femme de Patrick"
    return found


# A relative who writes in secret, or asks to be the one called (round 12: "il sait pas que je vous écris", "c'est
# moi qu'il faut appeler pas lui"): the advisor must not call the person concerned first.
_IN_SECRET = re.compile(
    r"\b(?:(?:il|elle|(?:mon|ma) (?:"
    + KIN
    + r")) (?:ne )?(?:sait|sais|saura) (?:pas|rien) (?:que je|qu'on|qu on|de (?:ma|cette) demarche)|"
    # Round 24 (r24b-10): "ne l'appelez pas au garage, il ne sait pas", "il sait rien": said alone, the same.
    r"(?:il|elle) (?:ne )?(?:sait|sais) (?:pas|rien)\s*(?:[.!,;)]|$)|"
    r"(?:il|elle) (?:n'est|n est|est) (?:pas|surtout pas) au courant|sans qu'?(?: )?(?:il|elle) (?:le )?sache|"
    r"(?:il|elle) ne (?:doit|faut) pas (?:le )?savoir|(?:il|elle) doit pas (?:le )?savoir|ne lui (?:dites|dite) (?:rien|pas)|"
    r"lui (?:dites|dite) pas|"
    # Round 21 (r21x-09, -02, -11, -03): "ne dites rien à mon père", "je veux pas qu'il sache que j'ai écrit", "il ne faut
    # pas qu'il sache que c'est moi", "elle serait furieuse que j'aie écrit", "il me tuerait s'il savait que j'ai écrit".
    r"ne (?:dites|dite|dis) rien a (?:mon|ma|mes|son|sa) \w+|"
    r"(?:je )?(?:ne )?(?:veux|voudrais|souhaite) pas qu'?(?: )?(?:il|elle|ils|elles) (?:le )?sache(?:nt)?|"
    r"(?:il )?(?:ne )?faut (?:surtout )?pas qu'?(?: )?(?:il|elle|ils|elles) (?:le )?sache(?:nt)?|"
    r"(?:il|elle) serait (?:furieu\w*|fache\w*|en colere|furax)|"
    r"s'?(?: )?(?:il|elle|ils|elles) (?:savait|savaient|apprenait|apprenaient) que (?:je|j'?(?: )?(?:ai|aie))|"
    # Round 29 (r29-b-37): "surtout qu'il ne sache pas que je vous ai écrit", "je préfère qu'elle n'en sache rien": the
    # subjunctive with its negation after the verb. Never "surtout qu'il ne sait pas" (since he does not know) nor
    # "qu'il ne sache pas gérer" (a skill, not the message).
    r"(?:surtout|prefere\w*|veux|voudrais|aimerai\w*|faut|faudrait|important) (?:pas |bien )?(?:qu'?(?: )?(?:il|elle|ils|"
    r"elles)|que (?:mon|ma) \w+) (?:ne |n'en |n en |n'|n )?(?:le |l'|l )?(?:sache|sachent|apprenne|apprennent) "
    r"(?:rien|jamais|pas\b(?=\s*(?:$|[.,;!?)]|que |qu'|qu |rien|de (?:ma|cette|notre|mon)|par |surtout|il |elle ))))"
)
_CALL_THE_WRITER = re.compile(
    r"\b(?:(?:c'est|cest|c est) (?:moi|a moi) qu'?(?: )?(?:il faut|faut|vous devez|il faudra) (?:appeler|rappeler|contacter|joindre)|"
    r"(?:appelez|rappelez|contactez)(?:-| )moi(?: moi)?,? (?:et )?pas lui|ne l'appelez pas|ne l appelez pas|"
    r"(?:ne )?l'appelez surtout pas|pas lui directement|"
    # "oui qu'on la rappelle, ou moi plutôt" (round 21, r21z-21): the writer offered as the one to call.
    r"(?:rappel|appel|contact|joindre)\w*\b[^.;!?]{0,20}?\b(?:ou (?:bien )?moi plutot|plutot moi|ou plutot moi)\b)"
)


# "il faut que je le prévienne avant", "laissez-moi le prévenir d'abord" (round 14, r14b-07): the relative wants to tell
# the person concerned before the advisor calls.
_WARN_FIRST = re.compile(
    r"\b(?:(?:il )?faut que je (?:le |la |l')(?:previenne|avertisse)|je (?:dois|vais|veux) (?:d'abord )?(?:le |la |l')"
    r"(?:prevenir|avertir)|laisse[zr]?[- ]moi (?:le |la |l')(?:prevenir|avertir)|(?:le |la |l')prevenir (?:avant|d'abord))"
)


# What the person concerned wants, said by the relative (round 24, conv-a): "aimerait qu'on le rappelle", "voudrait
# être appelée", "veut bien qu'un conseiller l'appelle", "demande à être rappelé". "ne voudrait pas" never matches (the
# "ne" stands between), nor "aimerait pas".
_WANTS_THE_CALL = (
    r"(?:aimerait|aimerai|voudrait|voudrai|veut bien|veux bien|souhaite|souhaiterait|prefererait|demande)"
    r"(?: bien)? (?:(?:qu'on|qu on|que vous|qu'un conseiller|qu un conseiller|que quelqu'un|que le conseiller) "
    r"(?:le |la |l'|l )?(?:rappelle|appelle|contacte|telephone)|(?:a )?etre (?:rappele|appele|contacte)e?)\b"
)
# "il m'a dit qu'on le rappelle", "elle m'a demandé de la faire rappeler": the person asked the writer for the call.
_ASKED_FOR_THE_CALL = (
    r"(?:m'a|m a|ma|nous a) (?:demande|dit) (?:qu'on|qu on|que vous|qu'un conseiller|de (?:le |la |l')?faire)"
    r"(?: )?(?:le |la |l')?(?:rappel|appel|contact)"
)
# Round 23 (r23a-02, r23a-05): the relative asks that the person concerned be called, not them ("c'est mon père qu'il
# faut appeler pas moi", "c'est lui qu'il faut rappeler", "appelez-la elle directement", "qu'un conseiller l'appelle
# lui"). The number then kept with no owner said is the person's, and the name given at the name question theirs.
# The writer asking for their own call in the same sentence ("qu'on le rappelle, mais il faut m'appeler moi avant":
# round 29, the writer's number first): the request for the person is no longer the whole of it.
_NOT_THE_WRITER_TOO = r"(?![^.;!?]*\b(?:moi|m'?(?: )?appeler|me rappeler|me joindre|me contacter|me telephoner)\b)"
_CALL_THE_PERSON = re.compile(
    r"\b(?:c'est|cest|c est|c) (?:(?:mon|ma|son|sa) (?:"
    + KIN
    + r"|patron|patronne)|lui|elle) qu'?(?: )?(?:il faut|faut|vous devez|"
    r"il faudra|vous devrez|il faudrait|faudrait) (?:l'|le |la )?(?:appeler|rappeler|contacter|joindre)|"
    r"\b(?:appelez|rappelez|contactez)[- ](?:le|la)(?:[- ](?:lui|elle))?,? (?:directement|plutot|lui|elle)\b|"
    # Round 34 (make run): "oui qu'on le rappelle svp", "rappelez-la", "que vous le rappeliez" from a wife writing for
    # her husband: the consent asked for "la personne à rappeler" and the bare number after it was taken as hers.
    # After a wish ("il voudrait qu'on le rappelle") the wish's own reading decides, doubt included ("s'il voudrait").
    r"(?<!pas )(?<!plus )(?<!jamais )(?<!voudrait )(?<!veut )(?<!aimerait )(?<!souhaite )(?<!souhaiterait )"
    r"(?<!accepte )(?<!accepterait )\b(?:qu'?(?: )?on|qu'?(?: )?un conseiller|que quelqu'un|que vous) (?:l'|l |le |la )(?:appelle|rappelle|contacte|"
    r"appeliez|rappeliez|contactiez|telephone|telephoniez)\b" + _NOT_THE_WRITER_TOO + "|"
    r"\b(?:appelez|rappelez|contactez)-(?:le|la)\b(?!-)" + _NOT_THE_WRITER_TOO + "|"
    r"\bl'?(?: )?(?:appelle|rappelle|appeler|rappeler|contacte|contacter) (?:lui|elle)(?: directement| plutot)?\b(?! qui)|"
    r"\b(?:appel|rappel|contact)\w*\b[^.;!?]{0,30}?\b(?:pas moi|plutot que moi)\b|"
    r"(?<!si )(?<!s')(?<!qu')\b(?:il|elle) (?:" + _WANTS_THE_CALL + "|" + _ASKED_FOR_THE_CALL + ")|"
    # Round 29 (r29-b-35): "vous pouvez l'appeler ?", "est-ce qu'un conseiller pourrait la rappeler ?" from a brother
    # writing for a man in tears: the person concerned to be called. Never "vous pouvez m'appeler".
    r"\b(?:vous|un conseiller|le conseiller|quelqu'un|la chambre|on) (?:pouvez|pourriez|peut|pourrait|pourra|allez|"
    r"voulez bien|voudriez bien) (?:l'|l |le |la )(?:appeler|rappeler|contacter|telephoner|appele|rappele)\b"
)
# Round 23 (r23a-13): the person concerned asked for the message or agrees ("elle m'a demandé de vous écrire", "c'est
# lui qui me l'a demandé", "c'est bon elle est d'accord", "il est au courant"): the case must not say they may not
# know. "je ne sais pas si elle est d'accord" is no agreement.
_PERSON_KNOWS = re.compile(
    r"\b(?<!si )(?:il|elle) (?:m'a|m a|ma|nous a) (?:demande|dit|charge\w*) de (?:vous |vs )?(?:ecrire|contacter|"
    r"envoyer|appeler|demander|faire)|"
    r"\b(?:c'est|cest|c est) (?:lui|elle) qui (?:m'a|m a|ma|nous a) (?:demande|dit)\b|"
    r"(?<!si )(?<!pas )\b(?:il|elle) est (?:bien |tout a fait )?(?:d'accord|d accord|dac+|ok|au courant)\b|"
    r"(?<!si )\b(?:il|elle) (?:sait|le sait) (?:que je (?:vous )?(?:ecris|contacte)|tout)\b|"
    r"\ba sa demande\b|\bde sa part\b|"
    # Round 24 (conv-a): "il aimerait qu'on le rappelle", "elle veut bien être appelée": the person wants the call.
    r"(?<!si )(?<!s')(?<!qu')\b(?:il|elle) " + _WANTS_THE_CALL + r"|"
    r"(?<!si )(?<!s')(?<!qu')\b(?:il|elle) " + _ASKED_FOR_THE_CALL
)


_WRITERS_OWN_NUMBER = re.compile(
    r"\b(?:mon|mes) (?:numero|num|portable|port|tel|telephone|fixe|mobile|ligne)\b|\b(?:appelez|rappelez|contactez)[- ]moi\b|"
    r"\b(?:c'est|cest) (?:le )?mien\b|\bmoi (?:c'est|cest|au)\b"
)


def given_as_own(artisan_messages: Iterable[str], kept: str | None) -> bool:
    """Whether the message that gave the kept number says it is the writer's own ("mon portable 06 ...")."""
    from intake.facts import fold

    return any(
        kept in phones_in(message) and _WRITERS_OWN_NUMBER.search(fold(message.replace("’", "'")))
        for message in artisan_messages
        if kept
    )


def writer_notes(messages: Iterable[str]) -> list[str]:
    """What the advisor must know before calling, when someone close writes: in secret, or to be called instead."""
    from intake.facts import fold

    notes: list[str] = []
    for message in messages:
        folded = fold(" ".join(without_ligatures(message or "").replace("’", "'").split()))
        if _IN_SECRET.search(folded) and "secret" not in notes:
            notes.append("secret")
        if (_CALL_THE_WRITER.search(folded) or DO_NOT_CALL_THEM.search(folded)) and "call_writer" not in notes:
            notes.append("call_writer")
        if DO_NOT_CALL_THEM.search(folded) and "do_not_call" not in notes:
            notes.append("do_not_call")  # round 24 (r24b-10): "surtout ne l'appelez pas"
        if _WARN_FIRST.search(folded) and "warn_first" not in notes:
            notes.append("warn_first")
        if _PERSON_KNOWS.search(folded) and "knows" not in notes:
            notes.append("knows")
        if (
            _CALL_THE_PERSON.search(DO_NOT_CALL_THEM.sub(" ", folded))
            and not _CALL_THE_WRITER.search(folded)
            and not DO_NOT_CALL_THEM.search(folded)
            and "call_person" not in notes
        ):
            notes.append("call_person")
    return notes


def name_given_with_the_number(text: str | None) -> str | None:
    """ "mon numéro 07 81 22 45 90, Julien", "Manon, 06 11 12 13 14": the name given beside a lone number (round 24,
    r24b-02, r24b-16, r24b-05: the number was switched to the new person's and the name stayed the first one's). None
    with several numbers (whose name goes with which is not said so plainly) or no name."""
    if not text or len(set(phones_in(text))) != 1:
        return None
    name = contact_given_with(text).get("contact_name")
    return name if name and not _names_nobody(name) else None


def names_nobody(name: str) -> bool:
    """Whether words read as a name name nobody: a request, a verb, a possessive, where a number rings."""
    return _names_nobody(name)


def _names_nobody(name: str) -> bool:
    """ "Rappelez-Moi", "Appelez": words of a request read as a name."""
    from intake.facts import fold

    folded = fold(name).replace("’", "'")
    # "J'appelle son frère", "je préviens sa sœur" (round 19, r19b-06: stored "J'appelle", and the writer as the brother
    # only mentioned): a verb after its subject, or a possessive, names nobody.
    if _VERB_NOT_A_NAME.match(folded) or any(part in _POSSESSIVES for part in folded.split()):
        return True
    return any(fold(part) in _NOT_A_NAME_BESIDE_A_NUMBER for part in re.split(r"[-\s]+", name))


_POSSESSIVES = frozenset(
    ["son", "sa", "ses", "mon", "ma", "mes", "ton", "ta", "tes", "leur", "leurs", "notre", "nos", "votre", "vos"]
)
# A subject pronoun and its verb ("j'appelle", "je préviens", "on attend"), or an imperative of a call ("prévenez").
_VERB_NOT_A_NAME = re.compile(
    r"^(?:j'|je |tu |il |elle |on |nous |vous |ils |elles )"
    r"|^(?:appel|rappel|previen|prevenez|contact|demand|attend|envo|cherch|telephon)\w*$"
    r"|^(?:pren|not|gard|mett|utilis|essay|compos|oubli|remplac|chang|corrig|reten|ajout|enregistr|inscriv|laiss|ecriv)ez\b"
)


def written_for(messages: Iterable[str]) -> dict[str, str] | None:
    """Whether the artisan's messages were written by someone close for the person concerned (round 7: a wife for her
    husband, a son and a daughter for their father, a wife for a husband at risk), and what they say of it:
    ``relative`` (what the person is to the writer: "mari"), ``writer`` (what the writer is to the person: "épouse"),
    ``person_name`` and ``writer_name`` when said. None when nothing says it."""
    from intake.facts import fold

    found: dict[str, str] = {}
    said = False
    for message in messages:
        if not message:
            continue
        original = " ".join(without_ligatures(message).replace("’", "'").split())
        folded = fold(original)
        if _ITS_ME.search(folded):
            found, said = {}, False  # round 24 (r24c-06): "c'est pas mon père, c'est moi !"
            continue
        for pattern in (_WRITING_FOR, _BUSINESS_OF, _TROUBLE_IS_THEIRS):
            match = pattern.search(folded)
            if match and pattern is _BUSINESS_OF and _taken_over(folded, match):
                match = None
            if match and pattern is _TROUBLE_IS_THEIRS and _OWN_BUSINESS_SAID.search(folded):
                match = None  # "je suis plombier, c'est ma femme qui a la lettre": the writer's own business
            if match:
                said = True
                relative = match.group("relative") or match.groupdict().get("owner")
                if relative:
                    found.setdefault("relative", relative)
                after = folded[match.end() :]
                # "j'écris pour mon mari Patrick": the name right after the relative, as typed (capitalised).
                named = re.match(r",? " + _NAME, after)
                if named and "person_name" not in found:
                    shift = match.end()
                    name = _name_at(original[shift:], named, capitalised_only=True)
                    if name:
                        found["person_name"] = name
        opens = _OPENS_ON_RELATIVE.match(folded)
        if (
            opens
            and (_THEIRS_IN_THIRD_PERSON.search(folded) or _kin_is_a_trade(folded[opens.end() :]))
            and not _OWN_BUSINESS_SAID.search(folded)
        ):
            said = True
            found.setdefault("relative", opens.group("relative"))
            named = re.match(r" " + _NAME, folded[opens.end() :])
            name = _name_at(original[opens.end() :], named, capitalised_only=True) if named else None
            if name and "person_name" not in found:
                found["person_name"] = name  # "mon fils Kevin a 26 ans"
        adviser = _ADVISER_OF_A_CLIENT.search(folded)
        if adviser:
            # An expert-comptable writing for one of the clients, "le comptable de la SARL ..." (round 29, r29-b-07,
            # r29-b-24): a professional writes for a client; the case had no line saying who wrote.
            said = True
            found.setdefault("writer", adviser.group("role").replace("expert comptable", "expert-comptable"))
            she = adviser.group("she") or adviser.group("she2") or adviser.group("she3")
            found.setdefault("relative", "cliente" if she else "client")
        staff_named = _STAFF_OF_NAMED.search(folded)
        if staff_named:
            said = True
            staff_role = staff_named.group("role")
            found.setdefault("writer", {"employe": "salarie", "employee": "salariee"}.get(staff_role, staff_role))
            found.setdefault("relative", "patronne" if staff_named.group("she") else "patron")
        role = _WRITER_IS.search(folded) or _WRITER_SAID_AS_A_SENTENCE.search(folded)
        if role:
            said = True
            found.setdefault("writer", role.group("role"))
            # "c'est sa femme. mon mari est boulanger" (round 29, r29-b-45): the person named by the role, or next.
            kin = re.search(r"\b(?:mon|ma) (" + KIN + r")\b", folded[role.end() :])
            relative = _RELATIVE_OF_ROLE.get(found["writer"]) or (kin.group(1) if kin else None)
            if relative and role.re is _WRITER_SAID_AS_A_SENTENCE:
                found.setdefault("relative", relative)
            before = _NAME_THEN_ROLE.search(folded)
            if before and "writer_name" not in found:
                name = _name_at(original, before, capitalised_only=False)
                # "oui rappelez-moi, je suis sa femme, Nadine" (round 18, r18a-02): a request, never the name.
                if name and not _names_nobody(name):
                    found["writer_name"] = name
        for pattern in (_NAME_WITH_WRITERS_ROLE, _WRITERS_ROLE_WITH_NAME):
            introduced = pattern.search(folded)
            name = _name_at(original, introduced, capitalised_only=False) if introduced else None
            if introduced and name and not _names_nobody(name):
                said = True
                found.setdefault("writer", introduced.group("role"))
                found.setdefault("writer_name", name)
        staff = _STAFF_OF.search(folded)
        if staff:
            # Round 17 (r17b-18): an apprentice wrote of "le patron"; the case said "au sujet de « un proche »".
            said = True
            staff_role = staff.group("role")
            found.setdefault("writer", {"employe": "salarie", "employee": "salariee"}.get(staff_role, staff_role))
            found.setdefault("relative", "patronne" if staff.group("she") or staff.group("she2") else "patron")
        of_someone = _writer_of_someone(original, folded)
        if of_someone:
            said = True
            for key, value in of_someone.items():
                found.setdefault(key, value)
            before = _NAME_THEN_ROLE_OF.search(folded)
            if before and "writer_name" not in found:
                name = _name_at(original, before, capitalised_only=False)
                if name:
                    found["writer_name"] = name
        two_named = _two_named(original, folded)
        if two_named:
            said = True
            for key, value in two_named.items():
                found.setdefault(key, value)
        person = _PERSON_NAMED.search(folded)
        writer = _WRITER_NAMED.search(folded)
        if person and writer:
            said = True  # "lui c'est Monsieur Girardot Bernard, moi c'est Julien"
        if person and "person_name" not in found:
            name = _name_at(original, person, capitalised_only=False)
            if name:
                found["person_name"] = name
        if writer and "writer_name" not in found and (said or person):
            name = _name_at(original, writer, capitalised_only=False)
            if name:
                found["writer_name"] = name
        called = _PERSON_CALLED.search(folded)
        kin_called = _KIN_CALLED.search(folded) if called is None else None
        to_call = _WRITER_TO_CALL.search(folded) if kin_called else None
        if kin_called and to_call:
            # "mon père s'appelle Gérard mais appelez plutôt moi, Claire": two people, the writer to call.
            called = kin_called
            said = True
            found.setdefault("relative", kin_called.group("kin"))
        if called and "person_name" not in found and said:
            name = _name_at(original, called, capitalised_only=False)
            if name:
                found["person_name"] = name
        answers = _WRITER_ANSWERS.search(folded) or (_WRITER_TO_CALL.search(folded) if (person or called) else None)
        if answers and "writer_name" not in found and (said or person or called):
            # "il s'appelle gilbert mais c'est moi teddy qui répondrai" (round 16, r16a-06: filed under the father, who
            # barely speaks French, and the son who answers named nowhere): the writer, named as the one who answers.
            name = _name_at(original, answers, capitalised_only=False)
            other = found.get("person_name") or next(
                (_name_at(original, match, capitalised_only=False) for match in (called, person) if match), None
            )
            if name and fold(name) != fold(other or ""):
                found["writer_name"] = name
                if other:
                    found.setdefault("person_name", other)
                said = True  # two people: the one named, and the writer who answers
    if not said:
        return None
    if said and found.get("relative") and "person_name" not in found:
        # "Mon associé Didier m'a dit…" (round 17, r17b-09): the person concerned named right after the word for them.
        for message in messages:
            original = " ".join(without_ligatures(message or "").replace("’", "'").split())
            named = re.search(
                rf"\b(?:mon|ma|le|la) {re.escape(found['relative'])}e?s?,? (?P<name>[^\W\d_]+)", fold(original)
            )
            name = original[named.start("name") : named.end("name")] if named else ""
            if name[:1].isupper() and fold(name) not in _NOT_A_NAME and fold(name) not in _NAME_NOBODY:
                found["person_name"] = name
                break
    if "writer" not in found and found.get("relative") in _WRITER_OF:
        found["writer"] = _WRITER_OF[found["relative"]]
    return found


def _taken_over(folded: str, match: re.Match[str]) -> bool:
    """Whether "l'atelier de mon père" is said as taken over by the writer ("j'ai repris l'atelier de mon père")."""
    return bool(_TAKEN_OVER_BEFORE.search(folded[: match.start()]) or _TAKEN_OVER_AFTER.match(folded[match.end() :]))


def _two_named(original: str, folded: str) -> dict[str, str]:
    """ "moi c'est Kevin, mon père s'appelle Alain": the writer's name, the relative and the relative's name; {} unless
    both are named."""
    called = _RELATIVE_CALLED.search(folded)
    writer = _WRITER_CALLED.search(folded)
    if not called or not writer:
        return {}
    # "mon père c'est un garagiste": after "c'est", only a name as typed (capitalised) is one.
    by_is = "appelle" not in called.group(0) and "nomme" not in called.group(0)
    person = _name_at(original, called, capitalised_only=by_is)
    writer_name = _name_at(original, writer, capitalised_only=False)
    if not person or not writer_name or person == writer_name:
        return {}
    return {"relative": called.group("relative"), "person_name": person, "writer_name": writer_name}


def written_for_line(
    found: Mapping[str, str] | None, contact_name: str | None = None, notes: Sequence[str] = ()
) -> str | None:
    """ "Écrit par un proche : son épouse (Sylvie) ; personne concernée : Patrick." for the case summary. The name the
    advisor asks for (``contact_name``) names the writer when it is not the person concerned."""
    if not found:
        return None
    person_name = found.get("person_name")
    writer_name = found.get("writer_name")
    if not writer_name and contact_name and person_name and contact_name != person_name:
        writer_name = contact_name
    writer = found.get("writer")
    role = with_possessive(_SHOWN_AS.get(writer, writer)) if writer else ""
    named = f"({writer_name})" if writer_name else ""
    relative = found.get("relative")
    person = person_name or (with_possessive(relative) if relative else None)
    if person_name and relative and writer in (None, "enfant", "mere", "pere"):
        person = f"{person_name}, {with_possessive(relative)}"
    by = "Écrit par un professionnel" if writer in ("comptable", "expert-comptable") else "Écrit par un proche"
    line = by + (f" : {role} {named}".rstrip() if role else f" {named}".rstrip())
    if person:
        line += f" ; personne concernée : {person}"
    if "secret" in notes:
        line += " ; la personne concernée ne sait pas que ce proche a écrit"
    if "do_not_call" in notes:
        # Round 24 (r24b-10): "surtout ne l'appelez pas au garage", said plainly to the advisor.
        line += f" ; ne pas appeler {person or 'la personne concernée'} : ce proche l'a demandé, rappeler ce proche"
    elif "call_writer" in notes:
        line += " ; rappeler ce proche, pas la personne concernée"
    if "warn_first" in notes:
        line += " ; ce proche veut prévenir la personne concernée avant l'appel"
    if "call_person" in notes and "call_writer" not in notes:
        line += " ; ce proche demande qu'on appelle la personne concernée"  # round 23, r23a-02
    if "knows" in notes:
        line += " ; la personne concernée est au courant"  # round 23, r23a-13: she asked him to write
    return line + "."


# ------------------------------------------------------------------ round 20: whom to call, discretion, safety said

# Round 20 (r20a-07, r20a-10, r20a-01): the triage read a relative at risk ("mon fils", "mon compagnon") but no words
# like "j'écris pour" were said: the case named neither the writer nor whose number it was.
_AT_RISK_KIN = re.compile(r"^(?:mon|ma|mes)\s+(?P<relative>" + KIN + r")$")
# "merci pour tout maman": the son calls the writer "maman"; the writer is his mother.
_CALLED_BY_THE_CHILD = {"maman": "mere", "papa": "pere"}


def concerning_from_person_at_risk(person_at_risk: Any, artisan_messages: Sequence[str]) -> dict[str, str] | None:
    """Who wrote for whom when only the triage's person at risk says it ("mon fils" -> relative "fils"; the writer's
    place when it follows: "son épouse" for "mon mari", "sa mère" when the son calls the writer "maman")."""
    from intake.facts import fold

    found = _AT_RISK_KIN.match(fold(" ".join(str(person_at_risk or "").split())))
    if not found:
        return None
    relative = found.group("relative")
    concerning = {"relative": relative}
    writer = _WRITER_OF.get(relative)
    if relative in ("fils", "fille", "enfant"):
        said = " ".join(fold(message or "") for message in artisan_messages)
        writer = next((role for word, role in _CALLED_BY_THE_CHILD.items() if re.search(rf"\b{word}\b", said)), None)
    if writer:
        concerning["writer"] = writer
    for message in artisan_messages:
        original = " ".join((message or "").replace("’", "'").split())
        named = re.search(rf"\b(?:mon|ma) {re.escape(relative)},? (?P<name>[^\W\d_]+)", fold(original))
        name = original[named.start("name") : named.end("name")] if named else ""
        if name[:1].isupper() and fold(name) not in _NOT_A_NAME and fold(name) not in _NAME_NOBODY:
            concerning["person_name"] = name  # "appelez mon fils Yann au 06 ..."
            break
    return concerning


# "qu'un conseiller l'appelle lui, Yann, au 06 ...", "appelez-le au ...", "son portable c'est le ...": the number given
# with words that make it the person concerned's.
_GIVEN_AS_THEIRS = re.compile(
    r"\b(?:l'(?: )?|le |la )(?:r?appel(?:le|ler|lez|lera|lerez)|contact(?:e|er|ez|era)|joindre)\b|"
    r"\b(?:r?appel|contact)(?:ez|er)[- ](?:le|la|lui)\b|\b(?:son|sa) (?:numero|portable|tel|telephone|ligne|fixe)\b"
)
_OWN_NUMBER = re.compile(
    r"\b(?:mon|mes) (?:numero|portable|tel|telephone|fixe)\b|\b(?:appelez|rappelez|contactez)[- ]moi\b|"
    r"\b(?:c'?(?: )?est|cest) (?:le )?mien\b"
)


def _named_with_number(artisan_messages: Sequence[str], kept: str | None, name: str) -> bool:
    """Whether the name was said in a message that gave the kept number ("l'appelle lui, Yann, au 06 ...")."""
    from intake.facts import fold

    return any(
        kept in phones_in(message) and re.search(rf"\b{re.escape(fold(name))}\b", fold(message))
        for message in artisan_messages
    )


def given_as_theirs(artisan_messages: Iterable[str], kept: str | None) -> bool:
    """Whether the message that gave the kept number says it is the person concerned's, by a pronoun ("appelez-le")."""
    from intake.facts import fold

    theirs = False
    for message in artisan_messages:
        if kept and kept in phones_in(message):
            folded = fold(" ".join((message or "").replace("’", "'").split()))
            # "06 ... ne pas l'appeler lui" (round 24, r24b-10): a refusal gives no number as theirs.
            theirs = bool(_GIVEN_AS_THEIRS.search(DO_NOT_CALL_THEM.sub(" ", folded))) and not _OWN_NUMBER.search(folded)
    return theirs


def discretion_line(artisan_messages: Sequence[str]) -> str | None:
    """ "Discrétion demandée : « il doit pas savoir que j'ai écrit » …", the writer's words: the line the advisor reads
    first (round 20, r20a-10: the request was in the transcript only)."""
    from intake.facts import fold

    for message in reversed(list(artisan_messages)):
        original = " ".join((message or "").replace("’", "'").split())
        found = _IN_SECRET.search(fold(original))
        if found:
            end = re.search(r"[.;!?,()]|$", original[found.start() :])
            quote = original[found.start() : found.start() + (end.start() if end else 0)].strip()
            return (
                f"Discrétion demandée : « {quote} » (la personne concernée ne sait pas que ce proche a écrit : ne pas "
                "le lui dire)."
            )
    return None


def asks_discretion(text: str | None) -> bool:
    """Whether the words ask that the person concerned not know the writer wrote ("lui il doit pas savoir")."""
    return "secret" in writer_notes([text or ""])


# Said once, in the handoff form, when the writer asks for discretion: only what the software does (the line on top of
# the case), never a promise of what the advisor will do.
DISCRETION_NOTED = (
    "Je comprends, c'est noté en tête de la demande : le conseiller le lira avant d'appeler, pour rester discret."
)


# "il est sur un chantier la, il est avec son apprenti": where the person is and who is with them, as the relative said.
_WHEREABOUTS_SAID = re.compile(
    r"\b(?:il|elle|lui) (?:est|sont|etait|doit etre|devrait etre|serait|bosse|travaille|dort|reste)\s+"
    r"(?:(?:encore|toujours|normalement|bien|en ce moment|la)\s+)*"
    r"(?P<where>(?:a|au|aux|chez|sur|avec|en|dans|pres|a cote)\b.*)$"
)
_COMPANY = re.compile(r"\b(?:avec|a cote de|pres de|chez (?:sa|son|ses|nous|moi|des))\b")


def safety_said_by_relative(answer: str | None) -> tuple[str, bool] | None:
    """(where the person is and with whom, in the relative's words; whether someone is with them) from the answer to
    "Pensez-vous que … soit en sécurité ?", or None when the words say neither."""
    if not answer:
        return None
    from intake.facts import fold

    parts: list[str] = []
    for clause in re.split(r"[,;.!?]+|\s+et\s+", " ".join(answer.replace("’", "'").split())):
        found = _WHEREABOUTS_SAID.search(fold(clause))
        if found:
            words = clause[found.start("where") :].strip()
            parts.append(re.sub(r"\s+(?:la|là)$", "", words))
    if not parts:
        return None
    said = " ".join(parts)
    return said, bool(_COMPANY.search(fold(said)))


def _means_named(said: Sequence[str]) -> list[str]:
    from guidance.crisis import means_named

    return means_named(list(said))


# "je sais pas", "aucune idée", "j'en sais rien" as a relative's answer to the safety question (r29-a-02).
_DOES_NOT_KNOW = re.compile(r"\b(?:je |j )?(?:ne )?sais (?:pas|rien|plus)\b|\bj en sais rien\b|\baucune idee\b|\bjsp\b")


def relative_does_not_know(answer: str | None) -> bool:
    """A relative's answer to "Pensez-vous que … soit en sécurité ?" that says they do not know (r29-a-02)."""
    from intake.facts import fold

    return bool(answer) and bool(_DOES_NOT_KNOW.search(fold(answer or "")))


def safety_answer_of(transcript: Sequence[Mapping[str, Any]]) -> str | None:
    """The writer's answer to the latest safety question about the person concerned, as typed."""
    answer = None
    asked = False
    for line in transcript:
        text = str(line.get("text") or "")
        if line.get("sender") == "bot":
            asked = asked or ("Pensez-vous que" in text and "en sécurité" in text)
        elif asked:
            answer, asked = text, False
    return answer


# ---------------------------------------------------------------------------------- a time said early

# Words that say when to call even among other words ("le matin pendant qu'il est au labo", "jeudi ou vendredi").
_STRONG_MOMENT = re.compile(
    r"\b(?:matin|matinee|midi|apres-midi|apres midi|aprem|soir|soiree|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    # "plutot en fin de journée, je suis sur les chantiers toute la journée" (round 25, s25b-05: read as a goodbye,
    # then "Je suis toujours là. Si vous préférez arrêter…"): the end of the day is a moment.
    r"dimanche|demain|fin (?:de (?:la )?|d')journee|\d{1,2} ?h(?:\d{2})?)\b"
)
# ... unless the clause is about the situation, not the call ("le tribunal c'est jeudi", "depuis lundi").
_NOT_THE_CALL = re.compile(
    r"\b(?:depuis|il y a|audience|tribunal|huissier|saisie|payer|paye|salaires?|echeance|loyer|facture|rendez-vous|"
    r"rdv|ferme|fermeture|ouvert|"
    # "jeudi c'est trop court" (round 20, r20b-05: booked on the seizure day): a day the situation gives, no wish.
    r"trop (?:court|juste|tard|loin)|c'?(?: )?est quand|"
    # "merci beaucoup, je vais essayer de lui parler ce soir" at the e-mail question (round 32, r32-c: "les conseillers ne
    # peuvent pas vous appeler le soir"): the writer's own talk with someone at that moment, no wish for the call.
    r"(?:je|j'|on) (?:(?:vais|va|veux|voudrais|dois|essaie|essaierai|vais essayer|vais tenter) (?:de )?)?(?:lui|leur) "
    r"(?:en )?parl\w*|parler avec (?:lui|elle|eux|mon|ma|mes|son|sa|ses)\b)\b"
)


# ... nor when it says how the artisan feels at that time ("bonjour, ça va un peu mieux ce matin", "ce soir c'est dur":
# round 17, r17a-12, r17b-17, stored as the time of the call, and the time question never asked).
_FEELING = re.compile(
    r"\b(?:(?:ca|sa|ça) va (?:un peu |beaucoup |bien |deja )?(?:mieux|pas|mal|plus)|je vais (?:un peu |beaucoup )?mieux|"
    r"je me sens|le moral|(?:c'est|c'etait|c est|c|ca a ete|ca sera) (?:tres |trop |vraiment |un peu )?(?:dur|difficile|lourd|"
    r"penible|horrible|insupportable|l'enfer|la catastrophe)\b|j'ai (?:pas |mal |pas bien )?dormi|fatigue\w*|epuise\w*|"
    r"angoiss\w*|pleur\w*|craqu\w*|j'ai peur)"
)
# The shop closing said with a verb ("quand le salon ferme", "une fois que le magasin a fermé").
_SHOP_CLOSES = re.compile(
    r"\b(?:quand|des que|apres que|une fois que|avant que|lorsque) (?:le |la |l'|mon |ma |notre )?(?:magasin|boutique|"
    r"atelier|salon|commerce|garage|restaurant|resto|bar|cafe|labo|cabinet|boulangerie|epicerie|fournil|institut) "
    r"(?:ferme|a ferme|est ferme)\b"
)


# The shop's closing as a moment for the call ("avant la fermeture de 18h", "pendant la fermeture du midi", round 15: the
# clause was read as the situation by _NOT_THE_CALL); never the business closing ("fermeture définitive", "la
# fermeture de mon compte", "fermeture administrative"), and "la fermeture de la boutique" without a time stays none.
_AT_THE_CLOSING = re.compile(
    r"\b(?:a|avant|apres|des|vers|pendant|durant|lors de|au moment de|a partir de|jusqu'a|jusqu a)\s+(?:la\s+)?fermeture\b"
)
_THE_SHOPS = (
    r"(?:\s+(?:du|de la|de l'|de mon|de ma|de notre|de)\s*(?:magasin|boutique|atelier|salon|commerce|garage|"
    r"restaurant|resto|bar|cafe|labo|cabinet|boulangerie|epicerie))?"
)
_CLOSED_FOR_GOOD = re.compile(
    r"\b(?:definitiv\w*|administrativ\w*|judiciaire|comptes?|liquidation|faillite|redressement|pour de bon|annuelle|"
    r"conges|vacances|travaux|exceptionnelle|temporaire|entreprise|societe|boite|dossier|procedure|prefecture|arrete|"
    r"sanitaire|fonds)\b"
)
_TIME_OF_DAY = re.compile(
    r"\b(?:\d{1,2} ?h(?:\d{2})?|midi|minuit|matin|matinee|soir|soiree|apres-midi|apres midi|aprem)\b"
)


def _closing_moment(folded: str, bare: bool = True) -> bool:
    """Whether folded words say a moment at the shop's closing: with a time or a part of day ("apres la fermeture du
    magasin vers 19h"), or (``bare``) the closing alone ("a la fermeture", "appelez-moi avant la fermeture")."""
    at = _AT_THE_CLOSING.search(folded)
    if not at or _CLOSED_FOR_GOOD.search(folded):
        return False
    rest = f"{folded[: at.start()]} {folded[at.end() :]}"
    if _NOT_THE_CALL.search(rest):
        return False  # "depuis la fermeture", "le tribunal avant la fermeture": the situation
    if _TIME_OF_DAY.search(folded):
        return True
    words = re.findall(r"[a-z0-9-]+'?", re.sub(r"\b(rappelez|appelez)[ -]moi\b", r"\1-moi", rest.replace("'", "' ")))
    return bare and all(word in _AROUND_A_MOMENT for word in words)


def _closing_moment_alone(text: str, bare: bool) -> str | None:
    """The words, when they say a moment at the shop's closing and nothing else ("après la fermeture de 18h")."""
    from intake.facts import fold

    folded = fold(text).replace("’", "'")
    if not _closing_moment(folded, bare):
        return None
    without = re.sub(_AT_THE_CLOSING.pattern + _THE_SHOPS, " ", folded)
    words = re.findall(r"[a-z0-9-]+'?", without.replace("'", "' "))
    if all(word in _AROUND_A_MOMENT for word in words) or callback_time(without):
        return " ".join(text.split())
    return None


# A good wish ("bonne soirée", "passez un bon après-midi", "bonne fin de journée"), said to take leave.
_GOOD_WISHES_SAID = re.compile(
    r"\b(?:(?:passez|je vous souhaite)\s+)?(?:une?\s+)?(?:bonn?e?s?|excellente?)\s+(?:fin\s+d[e'’]\s*|d[ée]but\s+d[e'’]\s*)?"
    r"(?:soir[ée]e|journ[ée]e|nuit|matin[ée]e|apr[èe]s[- ]?midi|aprem|week[- ]?end)\b(?:\s+(?:a|à)\s+vous)?",
    re.IGNORECASE,
)


def moment_said_with(text: str | None) -> str | None:
    """The part of a message that says when to call, said among other words at a contact question ("non merci. vous
    pouvez m'appeler le matin pendant qu'il est au labo, pas l'après-midi il est à la maison" at the e-mail question,
    "pas de mail. jeudi ou vendredi mais pas le lundi"): round 7 asked the time again. The clauses that say a moment,
    as written; None when none does, or when they speak of the situation."""
    if not text:
        return None
    from intake.facts import fold

    rest = phone_digits(text)
    for match in phone_matches(rest):
        rest = rest.replace(match.raw_string, " ")
    rest = _EMAIL_TOKEN.sub(" ", rest)
    # A number not read as one ("zero six. 98 76 54 32 10, plutot le matin", round 19, r19a-02) is no part of the moment.
    rest = _DIGITS_OF_A_NUMBER.sub(" ", rest)
    kept = []
    for part in re.split(r"[.;!\n]+|(?<=\?)", rest):
        if asks_when_they_call(part):
            continue  # "vous rappelez bien le matin tôt ?" (round 19, r19a-02): a question to the bot, never the moment
        # "pardon 06 45 78 12 34, merci bonne soirée" (round 22, r22b-05: "pardon , merci bonne soirée" stored as the
        # moment of the call): a good wish for the evening or the day is a farewell, never a moment.
        clause = " ".join(_GOOD_WISHES_SAID.sub(" ", part).split()).strip(" ,-?")
        # "06 11 22 33 4 et plutôt jeudi matin": the moment, without the "et" that followed the number.
        clause = re.sub(r"^(?:et|puis)\s+", "", clause, flags=re.IGNORECASE)
        folded = fold(clause)
        # "après 18h quand le salon ferme" (round 17, r17a-04): the shop closing is when to call, not the situation.
        situation = _NOT_THE_CALL.search(_SHOP_CLOSES.sub(" ", folded))
        if (
            clause
            and not _FEELING.search(folded.replace("’", "'"))
            and ((_STRONG_MOMENT.search(folded) and not situation) or _closing_moment(folded.replace("’", "'")))
        ):
            kept.append(clause)
    return " ; ".join(kept)[:200] or None


# A question about when the advisors call, not a wish: "vous rappelez bien le matin tôt ?", "pk vous rapelez pas dimanche
# ??", "c'est bien le matin que vous appelez ?" (round 19, r19a-02, r19a-09: stored as the time of the call). A request
# put as a question ("vous pouvez m'appeler après 18h ?") is a wish, read as one.
_ASKS_WHEN_THEY_CALL = re.compile(
    r"\b(?:pk|pq|pourquoi|pour ?quoi|est-ce que|est ce que|c'?(?: )?est bien)\b|"
    r"\b(?:vous|vs|ils|on|le conseiller|les conseillers) (?:ne )?(?:me |m')?(?:ra?p+el+\w*|ap+el+\w*)"
    r"(?: (?:bien|pas|jamais|aussi|toujours|vraiment))\b"
)


def asks_when_they_call(text: str | None) -> bool:
    """Whether the words ask the bot when the advisors call ("vous rappelez bien le matin tôt ?"), rather than say when
    to call."""
    if not text or "?" not in text:
        return False
    from intake.facts import fold

    return bool(_ASKS_WHEN_THEY_CALL.search(fold(text).replace("’", "'")))


def closed_day_note(moment: str | None) -> str:
    """ "Les conseillers n'appellent pas le dimanche 6 décembre : ce sera au plus tôt le lundi 7 décembre." when the day
    said for the call is one they do not call (round 19, r19a-01: "demain aprem" on a Saturday, noted as said, moved to
    Monday in the case only); "" otherwise."""
    if not moment:
        return ""
    from actions import services
    from chamber.hours import CallbackPreference, french_date
    from french import WEEKDAYS as WEEKDAYS_FR

    hours = services.chamber().opening_hours
    today = services.chamber_today()
    wish = CallbackPreference.read(moment)
    wished = wish.date_from(today)
    if wished is not None and wished <= today + timedelta(days=31) and not hours.is_working_day(wished):
        following = hours.working_days_after(wished, 1)
        return f"Les conseillers n'appellent pas le {french_date(wished)} : ce sera au plus tôt le {french_date(following)}."
    closed = closed_weekday(moment, hours.weekdays)
    if wished is None and closed is not None:
        return f"Les conseillers n'appellent pas le {WEEKDAYS_FR[closed]} : ils appellent {hours.text()}."
    return ""


def says_a_moment(text: str | None) -> bool:
    """Whether the words name a moment for the call, among others ("le 14, avant j'ai des banquets", "apres 14h heure
    de la guadeloupe"): such an answer to the time question is the time, never a place (round 7: "14" read as the
    Calvados, "guadeloupe" as a place)."""
    if not text:
        return False
    from intake.facts import fold

    folded = fold(text)
    return bool(
        _STRONG_MOMENT.search(folded)
        # "à la fermeture", "avant la fermeture" (round 15): the shop's closing, not the business's.
        or any(_closing_moment(clause.strip()) for clause in re.split(r"[,;.!?\n]+", folded.replace("’", "'")))
        or re.search(r"\b(?:le|du|au|avant le|apres le|a partir du|jusqu'au)\s+(?:1er|[12]?\d|3[01])\b", folded)
        or re.search(
            r"\b(?:semaine|possible|vite|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|"
            r"octobre|novembre|decembre)\b",
            folded,
        )
    )


def moment_at_the_name(text: str | None) -> tuple[str | None, str] | None:
    """(the name said with it or None, the moment) when the answer to the name question says when to call ("plutôt
    en fin d'après-midi, avant 17h je suis sur les chantiers": round 18, r18b-14, stored as the contact name, digits
    cut). None when no moment is said, or when the words are short enough to be a name ("Jean Matin")."""
    moment = moment_said_with(text)
    if not text or not moment:
        return None
    name = name_after_a_yes_then_more(text) or name_then_more(text) or first_name_said(text)
    if name:
        # "Odile, plutôt le matin", "oui ok Odile, le matin": the name for its question, the clauses without it for the
        # time of the call.
        first = fold_word(name.split()[0])
        rest = ", ".join(part.strip() for part in moment.split(",") if first not in fold_words(part).split())
        return name, rest or moment
    words = text.split()
    return (None, moment) if len(words) >= 4 or any(char.isdigit() for char in text) else None


# "appelez-le lui", "qu'on le rappelle lui", "c'est lui qu'il faut appeler": the person concerned is the one to call;
# "rappelez-moi, pas elle", "elle ne doit pas savoir": the writer is.
_CALL_THE_OTHER = re.compile(
    r"\b(?:appele[zr]|rappele[zr]|contacte[zr]|joigne[zr])[- ](?:le|la)\b(?! moi)|"
    r"\bqu'?(?: )?(?:on|un conseiller|le conseiller|vous) (?:le|la|l') ?(?:rappelle|appelle|contacte|rappeliez|appeliez)\b|"
    r"\bc'?(?: )?est (?:lui|elle) qu'?(?: )?il faut (?:appeler|rappeler|contacter)|"
    r"\b(?:appelez|rappelez|contactez) (?:mon|ma) (?:mari|femme|epouse|pere|mere|fils|fille|frere|soeur|compagnon|compagne)\b|"
    # "c'est mon père qu'il faut demander" (round 12, r12c-03).
    r"\bc'?(?: )?est (?:mon|ma) (?:" + KIN + r") qu'?(?: )?il faut (?:demander|appeler|rappeler|contacter)\b|"
    r"\b(?:il faut|faut|demandez) (?:demander )?(?:mon|ma) (?:" + KIN + r")\b"
)
_CALL_ME = re.compile(
    r"\b(?:me|m') ?(?:rappelle|rappeler|rappeliez|appelle|appeler|appeliez|contacte|contacter)(?: \w+){0,2} moi\b|"
    r"\b(?:rappelez|appelez|contactez)[- ]moi\b[^.!?]{0,20}\bpas (?:lui|elle)\b|\bmoi,? pas (?:lui|elle)\b|"
    r"\b(?:il|elle) ne (?:doit|faut) pas (?:le )?savoir|\bsans qu'?(?: )?(?:il|elle) (?:le )?sache|"
    # "mais appelez plutôt moi au 07..., je suis Élodie" (round 11, r11b-16: filed under the mother's name).
    r"\b(?:appelez|rappelez|contactez|appeler|rappeler|contacter)[- ](?:plutot|donc|directement|surtout) moi\b|"
    r"\bc'?(?: )?est (?:plutot |surtout )?moi qu'?(?: )?il faut (?:appeler|rappeler|contacter)|"
    # "non pas elle ... mais moi vous pouvez m'appeler ?" (round 12, r12c-12).
    r"\bmoi,? (?:vous pouvez|vous pourriez|pouvez-vous|on peut|on pourrait|il faut) (?:me |m')?(?: )?(?:appeler|rappeler|contacter)"
)


def person_to_call(text: str | None, earlier: Iterable[str] = ()) -> str | None:
    """The name the advisor asks for, from words that name the writer and the person concerned: as the conversation
    asks ("qu'on le rappelle lui" for the person; "rappelez-moi, pas elle", "elle ne doit pas savoir" for the writer,
    round 8: a son writing behind his mother's back was filed under her name on his own phone); else the writer, who
    gave the number and answers it; the person named when the writer names nobody ("il s'appelle Jean-Marc")."""
    if not text:
        return None
    from intake.facts import fold

    found = written_for([text]) or {}
    other = person_named(text) or found.get("person_name")
    writer = found.get("writer_name") or _i_am_named(text)
    if not (writer and other):
        return other or writer
    wish = None
    for said in [*earlier, text]:
        folded = fold(said or "")
        if _CALL_ME.search(folded):
            wish = writer
        elif _CALL_THE_OTHER.search(folded):
            wish = other
    return wish or writer


def person_named(text: str | None) -> str | None:
    """The person to call, named by someone who writes for them ("il s'appelle Jean-Marc", "lui c'est Monsieur
    Girardot Bernard"); None otherwise."""
    if not text:
        return None
    from intake.facts import fold

    original = " ".join(text.replace("’", "'").split())
    folded = fold(original)
    two_named = _two_named(original, folded)
    if two_named:
        return two_named["person_name"]  # "moi c'est Kevin, mon père s'appelle Alain" (round 14, r14b-07)
    for pattern in (_PERSON_CALLED, _PERSON_NAMED, _ASK_FOR_RELATIVE, _RELATIVE_TO_ASK):
        match = pattern.search(folded)
        if match:
            name = _name_at(original, match, capitalised_only=False)
            if name:
                return name
    # The whole answer to the name question: "c'est pour Sandrine", "Sandrine sa femme", "marc (mon mari)" (round 12,
    # r12a-02, r12b-04: stored "pour Sandrine", "Sandrine sa femme"): the name, never the words around it.
    for pattern in (_FOR_SOMEONE, _NAME_WITH_ROLE):
        match = pattern.match(folded)
        if match and match.group("name") not in _SAID_AFTER_FOR:
            name = _name_in_clause(original[match.start("name") : match.end("name")])
            if name:
                return name
    return None


# "c'est mon père qu'il faut demander, Jean-Paul", "il faut demander ma mère : Josiane" (round 12, r12c-03: the daughter's
# and the father's names stored as one sentence): the relative to ask for, named after.
_ASK_FOR_RELATIVE = re.compile(
    r"\b(?:mon|ma) (?:" + KIN + r") (?:qu'?(?: )?il faut|a) (?:demander|appeler|rappeler|contacter)[\s,:-]+"
    r"(?:(?:c'?(?: )?est|cest|il s'appelle|elle s'appelle|qui s'appelle|(?:monsieur|madame|mr|mme|m)\.?) )?" + _NAME
)
_RELATIVE_TO_ASK = re.compile(
    # "appelez ma femme, Carla", "rappelez plutôt mon fils, Hugo" (round 19, r19c-13: the sentence stored as the name).
    r"\b(?:il faut|faut|vous devez|demandez|appelez|rappelez|contactez|telephonez a) (?:plutot |directement )?"
    r"(?:demander )?(?:mon|ma) (?:" + KIN + r")[\s,:-]+"
    r"(?:(?:c'?(?: )?est|cest|il s'appelle|elle s'appelle|qui s'appelle|(?:monsieur|madame|mr|mme|m)\.?) )?" + _NAME
)


# "c'est pour info", "c'est pour savoir": what "pour" introduces when it names nobody.
_WORDS_AFTER_FOR = (
    "info infos information renseignement renseignements savoir voir demander comprendre quoi ca cela rien tout "
    "toi eux nous vous lui elle moi aider parler discuter question questions rappel appel"
)
_SAID_AFTER_FOR = frozenset(_WORDS_AFTER_FOR.split())


_FOR_SOMEONE = re.compile(r"^(?:(?:c'?(?: )?est|cest|c) )?pour (?P<name>[^\W\d_]+(?:[-'][^\W\d_]+)*)[\s.!]*$")
_NAME_WITH_ROLE = re.compile(
    r"^(?:(?:c'?(?: )?est|cest|c) )?(?P<name>[^\W\d_]+(?:[-'][^\W\d_]+)*)[\s,(-]+(?:c'?(?: )?est |je suis )?"
    r"(?:sa|son|mon|ma) (?:" + KIN + r"|epouse|conjointe?|associee?|secretaire|comptable)\)?[\s.!]*$"
)


# ------------------------------------------------------------------------- whose place, whose difficulty

# Round 14 (r14b-07): "moi j'habite à Lyon", from a son writing about his father's garage, gave the case the Rhône: the
# writer's home, not the business's place. Said as the writer's own home ("moi j'habite", "je vis", "chez moi à")...
_WRITERS_HOME = re.compile(
    r"\b(?:moi,? )?(?:j'?(?: )?habite|je vis|je reside|je suis domicilie\w*|chez moi)\b|\bmoi,? (?:je suis|c'est) (?:a|au|en|sur|dans)\b"
)
# ... and not the business's, nor the person concerned's ("son garage est à", "il habite à", "chez lui").
_THEIR_PLACE_WORDS = re.compile(
    r"\b(?:il|elle|ils|lui|son|sa|ses|leur|chez lui|chez elle|garage|atelier|boutique|entreprise|boite|societe|"
    r"commerce|magasin|salon|local|siege|chantier)\b"
)
_PLACE_CLAUSES = re.compile(r"[,;.!?\n]+|\s(?:mais|et|par contre|alors que)\s")


def place_is_the_writers(text: str | None, artisan_messages: Iterable[str] = ()) -> bool:
    """Whether the places the words name are all the writer's own home while someone close writes for the artisan
    (``artisan_messages``, with or without ``text``, say so: ``written_for``): such a place is no business's place and
    never its département; the place question asks where the business is."""
    from intake.facts import fold
    from places import NOT_FOUND, find_in_text

    if not text or written_for([*artisan_messages, text]) is None:
        return False
    clauses = [
        fold(clause.replace("’", "'"))
        for clause in _PLACE_CLAUSES.split(text)
        if clause.strip() and find_in_text(clause).status != NOT_FOUND
    ]
    return bool(clauses) and all(
        _WRITERS_HOME.search(clause) and not _THEIR_PLACE_WORDS.search(clause) for clause in clauses
    )


# Round 14 (r14a-11, r14b-10, r14b-01, r14b-07): someone close writes (an employee for her boss, a wife, a son), and the
# replies said "Votre santé passe avant tout", "Vous avez parlé de votre santé", "vous faites face à un problème de
# santé" to the writer. The person concerned, as said back to the writer, and the artisan's sentences made to speak of
# them.
_CONCERNED_IN_SLOT = re.compile(r"^(?:mon|ma|mes|son|sa|ses|votre|vos|le|la|l'|un|une)\s*(?P<who>.+)$")


def concerned_person(slots: Mapping[str, Any], artisan_messages: Iterable[str]) -> str | None:
    """ "votre patron", "votre père", "votre proche": who the difficulty is about when someone close writes (the
    triage's person at risk, else ``written_for``); None when the artisan writes about themself."""
    at_risk = str(slots.get("person_at_risk") or "").strip()
    if at_risk:
        from intake.facts import fold

        said = _CONCERNED_IN_SLOT.match(at_risk)
        who = fold(said.group("who")) if said else ""
        if who in KIN.split("|") or who in ACCENTED_KIN:
            return yours(who)
        return "votre proche"
    return business_person_concerned(artisan_messages)


def business_person_concerned(artisan_messages: Iterable[str]) -> str | None:
    """ "votre mari", "votre patron": whose business it is when someone close or an employee writes for the artisan
    ("j'écris pour mon mari", "l'entreprise de mon père"); None when the artisan writes about their own."""
    messages = list(artisan_messages)
    found = written_for(messages)
    if not found:
        boss = _BOSS.search(" ".join(fold_words(message) for message in messages))
        # "la patronne est hospitalisée depuis 3 semaines" (round 14, r14a-11): an employee writes; the artisan is no
        # one's "patron" but in "je suis le patron".
        return f"votre {boss.group('who')}" if boss else None
    relative = found.get("relative")
    if relative:
        return yours(relative)
    if found.get("person_name"):
        return str(found["person_name"])  # "je suis la secrétaire de M. Lefèvre"
    return "votre proche"


_BOSS = re.compile(
    # "c'était lui le patron" (round 28, r28-b-23: a son taking over after his father's death was told "votre patron
    # fait face à..."): who the boss was, said of someone named before, is no one the writer works for.
    r"(?<!suis )(?<!c'est )(?<!c est )(?<!cest )(?<!moi )(?<!etre )(?<!lui )(?<!elle )"
    r"\b(?:mon|ma|notre|le|la) (?P<who>patronne|patron)\b"
)


def fold_words(text: str | None) -> str:
    from intake.facts import fold

    return fold(" ".join((text or "").replace("’", "'").split()))


# The artisan's own sentences (intake/facts.sympathy, actions/questions.py, triage's restatement) and what they become.
_SAID_TO_THE_ARTISAN: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^Votre santé passe avant tout, et je suis de tout cœur avec vous\."),
        "La santé de {who} passe avant tout, et je suis de tout cœur avec vous.",
    ),
    (re.compile(r"\bVous avez parlé de votre santé\."), "Vous avez parlé de la santé de {who}."),
    (re.compile(r"\bSi je comprends bien, vous faites face\b"), "Si je comprends bien, {who} fait face"),
    (re.compile(r"\bvous faites face à\b"), "{who} fait face à"),
    # The labels of triage/rules/categories.yml after "fait face" (make run, 2026-12-05: "votre père fait face à des
    # difficultés avec votre banque", said to his son).
    (re.compile(r"\bdifficultés avec votre banque\b"), "difficultés avec sa banque"),
    (re.compile(r"\bl'accès à votre entreprise\b"), "l'accès à son entreprise"),
    (re.compile(r"\bdans votre vie personnelle\b"), "dans sa vie personnelle"),
    # Round 19 (r19z-03): "votre mère fait face … à une situation difficile pour votre entreprise", said to her son.
    (re.compile(r"\bune situation difficile pour votre entreprise\b"), "une situation difficile pour son entreprise"),
    # The intake's questions to someone close writing for the artisan (round 15: "Quel est votre métier ?" to a wife
    # writing for her husband). Sentences that need no agreement with the person's gender.
    (re.compile(r"^Quel est votre métier \?"), "Quel est le métier de {who} ?"),
    (
        re.compile(r"^Sous quelle forme votre entreprise est-elle enregistrée \?"),
        "Sous quelle forme l'entreprise de {who} est-elle enregistrée ?",
    ),
    (re.compile(r"^Avez-vous des salariés \?"), "L'entreprise de {who} a-t-elle des salariés ?"),
    (re.compile(r"^Devez-vous de l'argent à quelqu'un aujourd'hui\b"), "Y a-t-il des dettes aujourd'hui"),
    # Round 22 (r22a-13): "Avez-vous une échéance proche …" to a daughter writing for her father.
    (re.compile(r"^Avez-vous une échéance proche, comme\b"), "Y a-t-il une échéance proche pour {who}, comme"),
    (re.compile(r"^Avez-vous une date limite proche \?"), "Y a-t-il une date limite proche ?"),
    (
        re.compile(r"^Avez-vous déjà fait des démarches, par exemple contacté l'URSSAF, les impôts ou votre banque \?"),
        "Des démarches ont-elles déjà été faites, par exemple auprès de l'URSSAF, des impôts ou de la banque ?",
    ),
)


def said_to_the_writer(text: str | None, concerned: str | None) -> str | None:
    """The sentence said to the artisan, made to speak of the person concerned when someone close writes ("Votre santé
    passe avant tout…" -> "La santé de votre patron passe avant tout…"); unchanged when the artisan writes (``concerned``
    None) or the sentence is not one of them."""
    if not text or not concerned:
        return text
    for pattern, becomes in _SAID_TO_THE_ARTISAN:
        text = pattern.sub(becomes.format(who=concerned).replace("\\", "\\\\"), text)
    return text


# ------------------------------------------------------- round 24: the questions when the advisor calls the artisan

# Round 24 (conv-a): a sister wrote for her brother Julien, the artisan, who "aimerait qu'on le rappelle"; the consent,
# the name question and the promise all said "vous". Whom the advisor will call, as said to the writer.
TO_BE_CALLED = "la personne à rappeler"


def one_to_call(slots: Mapping[str, Any], artisan_messages: Iterable[str]) -> str | None:
    """ "votre frère" when someone close writes for the artisan and asked that the artisan be called, or gave their
    number; ``TO_BE_CALLED`` when someone close writes and whom to call is not said yet; None when the artisan writes,
    or the writer is the one to call ("c'est moi qu'il faut appeler", "mon portable 06 ...")."""
    messages = [message for message in artisan_messages if message]
    found = written_for(messages)
    if not found:
        # The artisan writes and gives someone close's number to call ("appelez ma femme, Nadia, 06 ..."): "votre
        # femme" (round 24, s24-final: the consent said "votre prénom, votre numéro"); or asked that they be called,
        # their number still to come ("c'est plutôt ma femme qu'il faut appeler ?", round 25).
        relative = relative_the_artisan_has_called(messages)
        return yours(relative) if relative else None
    relative = found.get("relative")
    notes = writer_notes(messages)
    if "call_writer" in notes:
        return None
    someone = yours(relative) if relative else str(found.get("person_name") or TO_BE_CALLED)
    kept = slots.get("phone") if has_phone(slots) else None
    if kept:
        # "il aimerait qu'on le rappelle : 06 ...": theirs, said so with the number (a bare number later may be the
        # writer's: round 22, "oui mais moi alors", then hers).
        with_the_number = [message for message in messages if kept in phones_in(message)][-1:]
        theirs = (
            kept_number_owner(messages, kept, relative) == relative
            or ("call_person" in writer_notes(with_the_number) and not given_as_own(messages, kept))
            or _bare_number_after_asking_for_them(messages, kept)
        )
        return someone if relative and theirs else None
    if any(phones_in(message) and _WRITERS_OWN_NUMBER.search(fold_words(message)) for message in messages):
        return None  # "rappelez-moi au 06 ...", said before the form kept the number
    return someone if "call_person" in notes else TO_BE_CALLED


def _bare_number_after_asking_for_them(messages: Sequence[str], kept: str) -> bool:
    """A bare number typed after the writer asked that the person be called, and nothing since said "moi" ("oui qu'on
    le rappelle svp", then "pardon 02 98 88 12 34": round 34, the consent said "votre numéro" to his wife); "oui mais
    moi alors" before the number makes it the writer's (round 22)."""
    from intake.facts import fold

    given = [index for index, message in enumerate(messages) if kept in phones_in(message)]
    asked = [index for index, message in enumerate(messages) if "call_person" in writer_notes([message])]
    if not given or not asked or asked[-1] > given[-1]:
        return False
    # The request's own message too: "qu'on le rappelle, mais il faut m'appeler moi avant, 06 ..." is hers (round 29).
    since = messages[asked[-1] : given[-1] + 1]
    return not given_as_own(messages, kept) and not any(re.search(r"\b(?:moi|mon|mes)\b", fold(m)) for m in since)


def relative_the_artisan_has_called(artisan_messages: Sequence[str]) -> str | None:
    """Whom the artisan writing about their own business asked to be called, as the latest words say: someone close
    whose number they gave ("appelez ma femme, Nadia, 06 ..."), or asked for without a number ("c'est plutôt ma femme
    qu'il faut appeler ?", round 25), a bare number given after that being theirs; their own number ("mon portable
    06 ...", "appelez-moi") or "c'est moi qu'il faut appeler" said later, the artisan. None: the artisan."""
    from intake.who_to_call import someone_else_to_call

    relative: str | None = None
    for index, message in enumerate(artisan_messages):
        folded = fold_words(message)
        if phones_in(message):
            owner = number_owner(message)
            if owner or _WRITERS_OWN_NUMBER.search(folded) or relative is None:
                relative = owner
            continue
        asked = someone_else_to_call(message, artisan_messages[:index])
        if asked:
            relative = asked
        elif _CALL_THE_WRITER.search(folded) or re.search(r"\b(?:appelez|rappelez)[- ]moi\b", folded):
            relative = None
    return relative


def name_of_the_one_called(slots: Mapping[str, Any], artisan_messages: Iterable[str]) -> str | None:
    """The artisan's first name said by the relative who writes for them ("j'écris pour mon frère Julien"), when the
    artisan may be the one called: the name question is not asked again. None when the writer is to be called."""
    messages = [message for message in artisan_messages if message]
    if one_to_call(slots, messages) is None:
        return None
    name = (written_for(messages) or {}).get("person_name")
    return name if name and not names_nobody(name) else None


# The handoff questions, said of the person to call (``one_to_call``: "votre frère"), or of whoever is to be called
# when the writer has not said it yet (``TO_BE_CALLED``); the writer is still told "vous" of what they said.
_SAID_OF_THE_ONE_CALLED: dict[str, tuple[tuple[str, str], ...]] = {
    "contact_name": (
        (
            "Comment le conseiller peut-il vous appeler ? Un prénom suffit.",
            "Quel est le prénom de {who}, pour le conseiller ?",
        ),
    ),
    "phone": (
        ("À quel numéro de téléphone peut-il vous joindre ?", "À quel numéro le conseiller peut-il joindre {who} ?"),
    ),
    "callback_slot": (("qu'un conseiller vous appelle ?", "qu'un conseiller appelle {who} ?"),),
    "consent_given": (
        (
            "Pour qu'un conseiller vous rappelle, je dois garder votre prénom, votre numéro et",
            "Pour qu'un conseiller rappelle {who}, je dois garder son prénom, son numéro et",
        ),
        (
            "votre prénom, votre numéro et ce que vous m'avez dit",
            "le prénom et le numéro de {who}, et ce que vous m'avez dit",
        ),
        ("Pour qu'un conseiller vous rappelle,", "Pour qu'un conseiller rappelle {who},"),
        ("Vos données sont effacées", "Ces données sont effacées"),
        ("après la fin de votre suivi", "après la fin du suivi"),
    ),
}
_SAID_OF_WHOEVER_IS_CALLED: dict[str, tuple[tuple[str, str], ...]] = {
    **_SAID_OF_THE_ONE_CALLED,
    "callback_slot": (("qu'un conseiller vous appelle ?", "que le conseiller appelle ?"),),
    "consent_given": (
        (
            "votre prénom, votre numéro et ce que vous m'avez dit",
            "le prénom et le numéro de {who}, et ce que vous m'avez dit",
        ),
        ("Pour qu'un conseiller vous rappelle,", "Pour qu'un conseiller puisse rappeler,"),
        ("Vos données sont effacées", "Ces données sont effacées"),
        ("après la fin de votre suivi", "après la fin du suivi"),
    ),
}


# What the bot says it noted or put right, said of the person the advisor calls (round 26: "appelez plutôt ma femme, 06
# 12 34 56 78" got "Merci, j'ai noté votre numéro"): whose number it is, and whom the advisor calls.
_NOTED_OF_THE_ONE_CALLED = (
    ("j'ai noté votre numéro (", "j'ai noté le numéro de {who} ("),
    ("J'ai gardé votre numéro (", "J'ai gardé le numéro de {who} ("),
    ("le conseiller vous rappellera au ", "le conseiller rappellera {who} au "),
    ("un conseiller vous rappellera ", "un conseiller rappellera {who} "),
)


def noted_of_the_one_called(text: str | None, called: str | None) -> str | None:
    """What the bot says it noted ("Merci, j'ai noté votre numéro (06 ...)") or corrected ("C'est corrigé : le conseiller
    vous rappellera au ..."), said of the person the advisor calls (``one_to_call``: "votre femme"); unchanged when the
    writer is the one called (``called`` None)."""
    if not text or not called:
        return text
    for said, becomes in _NOTED_OF_THE_ONE_CALLED:
        text = text.replace(said, becomes.format(who=called))
    return text


def said_of_the_one_called(slot: str, text: str | None, called: str | None) -> str | None:
    """A handoff question (``slot``) made to speak of the person the advisor calls (``one_to_call``: "votre frère", or
    ``TO_BE_CALLED`` while not said); unchanged when the writer is the one called (``called`` None)."""
    if not text or not called:
        return text
    table = _SAID_OF_WHOEVER_IS_CALLED if called == TO_BE_CALLED else _SAID_OF_THE_ONE_CALLED
    for said, becomes in table.get(slot, ()):
        text = text.replace(said, becomes.format(who=called))
    return text
