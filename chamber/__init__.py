"""Chamber configuration: every chamber-specific word the assistant says comes from here.

A chamber is described by a YAML file (see ``chamber/configs/default.yml``) and loaded into an
immutable :class:`Chamber`::

    from chamber import load_chamber, load_all_chambers, route_departement, Chamber

    c = load_chamber()      # a path argument, else $RELAIS_CHAMBER_CONFIG (a path, or an id such as
                            # "cma-exemple-nord" from chamber/configs/), else chamber/configs/default.yml
    c.id, c.name, c.short_name          # "cma-generique", "Chambre de métiers et de l'artisanat", "CMA"
    c.phone, c.phone_href               # "01 23 45 67 89", "tel:+33123456789"
    c.email, c.website, c.general_contact_url, c.privacy_url (may be None)
    c.departements                      # ("75", "77", ...)
    c.options                           # read-only mapping, every key of OPTION_KEYS present (bool)
    c.option("emergency_fund")          # bool; KeyError for an unknown key (catches typos)
    c.consent_version, c.retention_days
    c.dpo_contact, c.max_case_age_days  # privacy notice; no case older than this, even open
    c.allowed_origins                   # other sites of the chamber embedding the widget
    c.hours_text                        # "du lundi au vendredi, de 8 h à 17 h"
    c.live_advisor_role, c.live_distress_wait_minutes, c.live_wait_minutes  # live chat: "conseillère", 3, 10
    c.is_open(at)                       # `at` must be timezone-aware; French public holidays are closed
    c.next_opening(at)                  # `at` (in the chamber's zone) when open, else the next slot start
    c.callback_promise(at, preference)  # fragment after "Un conseiller vous rappellera ...":
                                        # "dès que possible, au plus tard le mercredi 2 décembre",
                                        # "dans la matinée, au plus tard le ...", "le lundi 7 décembre"
    c.covers("59"), c.covers("59000")   # a département code or a postal code

    load_all_chambers()                 # every chamber of chamber/configs/, sorted by id
    route_departement("62")             # the chamber covering it (most local first), or None

Invalid files raise :class:`ChamberConfigError` naming the file and the field.
"""

from chamber.config import (
    CONFIG_DIR,
    DEFAULT_CONFIG,
    ENV_VAR,
    OPTION_KEYS,
    Chamber,
    ChamberConfigError,
    load_all_chambers,
    load_chamber,
    route_departement,
)
from chamber.hours import OpeningHours, french_date, french_time

__all__ = [
    "CONFIG_DIR",
    "DEFAULT_CONFIG",
    "ENV_VAR",
    "OPTION_KEYS",
    "Chamber",
    "ChamberConfigError",
    "OpeningHours",
    "french_date",
    "french_time",
    "load_all_chambers",
    "load_chamber",
    "route_departement",
]
