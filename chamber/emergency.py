"""The national numbers for a life in danger, written once: every message of the bot, the action server and
the Rasa server's guard takes them from here (the Rasa domain's crisis.yml repeats them as data and is
tested against them). A light module: the Rasa server imports it without the guidance package."""

from __future__ import annotations

SUICIDE_PREVENTION_LINE = "3114"
EMERGENCY_NUMBERS = ("15", "112")
EMERGENCY_SMS = "114"
SAMU, EUROPEAN_EMERGENCY = EMERGENCY_NUMBERS
# How a refusal or a limit message ends: nobody in danger is left without a number.
IN_DANGER = f"Si vous êtes en danger, appelez le {SUICIDE_PREVENTION_LINE} ou le {EUROPEAN_EMERGENCY}."
