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
    french = phonenumbers.region_code_for_number(number) in FRENCH_REGIONS
    style = phonenumbers.PhoneNumberFormat.NATIONAL if french else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, style)
