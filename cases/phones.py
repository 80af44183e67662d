"""Phone numbers as the cases keep them (E.164) and as people read them: one rule for the bot and the inbox."""

from __future__ import annotations

import phonenumbers

# France and its overseas départements and collectivities: their numbers are read the French way ("06 12 34 56 78").
FRENCH_REGIONS = frozenset({"FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF"})


def readable_phone(e164: str) -> str:
    """ "+33612345678" -> "06 12 34 56 78"; a foreign number keeps its country code ("+32 470 12 34 56"), which an
    advisor calling from France must dial."""
    try:
        number = phonenumbers.parse(e164, "FR")
    except phonenumbers.NumberParseException:
        return e164
    # A number kept though outside the ranges the metadata knows (given twice by the artisan) has no region of its own:
    # its country code says whether it is French ("+262 639 12 34 56" is read "0639 12 34 56").
    region = phonenumbers.region_code_for_number(number)
    region = region or phonenumbers.region_code_for_country_code(number.country_code or 0)
    french = region in FRENCH_REGIONS
    style = phonenumbers.PhoneNumberFormat.NATIONAL if french else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, style)
