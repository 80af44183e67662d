"""Short case references an artisan can read out on the phone: ``RL-`` and six Crockford base32 characters.

Crockford's alphabet has no I, L, O or U, so nothing is mistaken for 1, 0 or V; 32**6 is about a billion.
"""

from __future__ import annotations

import re
import secrets

CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "RL-"
LENGTH = 6
REFERENCE_PATTERN = re.compile(rf"^{PREFIX}[{CROCKFORD_ALPHABET}]{{{LENGTH}}}$")

# What people type instead of the canonical character.
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})


def new_reference() -> str:
    return PREFIX + "".join(secrets.choice(CROCKFORD_ALPHABET) for _ in range(LENGTH))


def normalise_reference(text: str) -> str | None:
    """The canonical reference for what someone typed or dictated ("rl 7k3q9m" -> "RL-7K3Q9M"), else None."""
    compact = re.sub(r"[\s\-_.]", "", text.strip().upper())
    if compact.startswith("RL"):
        compact = compact[2:]
    candidate = PREFIX + compact.translate(_READ_AS)
    return candidate if REFERENCE_PATTERN.match(candidate) else None
