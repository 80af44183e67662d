"""The domain of an e-mail address slipped on the keyboard ("@gmial.com", "@hotmial.fr", "@orange.fe"): put right to
the mailbox provider it obviously means, so that an address kept as the only contact reaches the person (round 29,
r29-a-22: "franck.garage@gmial.com" kept as the only contact of an urgent case, never questioned).

Only the domains of the common French mailbox providers are put right, and only for a slip of one key (one letter
missing, added, changed, or two letters swapped); a real domain one key away from them ("ymail.com", "mail.com",
"gmx.fr", "live.fr") is left as typed."""

from __future__ import annotations

# Each provider's name and the endings its mailboxes have.
PROVIDERS: dict[str, tuple[str, ...]] = {
    "gmail": ("com",),
    "hotmail": ("fr", "com"),
    "yahoo": ("fr", "com"),
    "outlook": ("fr", "com"),
    "orange": ("fr",),
    "wanadoo": ("fr",),
    "laposte": ("net",),
    "icloud": ("com",),
    "free": ("fr",),
    "sfr": ("fr",),
    "live": ("fr", "com"),
    "neuf": ("fr",),
    "bbox": ("fr",),
}
# Real mail domains one key away from a provider's name: never put right.
_REAL_NAMES = frozenset(
    {"ymail", "mail", "email", "gmx", "aol", "msn", "club-internet", "noos", "proton", "mailo", "numericable", "tele2"}
)
# Endings typed by habit on a provider that has no mailbox there.
_NO_SUCH_ENDING = {"gmail": ("fr",)}
# Provider names short enough that a one-key slip may be another word: only their ending is put right.
_MIN_NAME_FOR_SLIPS = 5


def _one_key_away(typed: str, name: str) -> bool:
    """A letter missing, added or changed, or two neighbours swapped (Damerau distance 1)."""
    if typed == name or abs(len(typed) - len(name)) > 1:
        return False
    if len(typed) == len(name):
        diff = [i for i, (a, b) in enumerate(zip(typed, name, strict=True)) if a != b]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and typed[diff[0]] == name[diff[1]]
            and typed[diff[1]] == name[diff[0]]
        )
    shorter, longer = (typed, name) if len(typed) < len(name) else (name, typed)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def _provider(label: str) -> str | None:
    if label in PROVIDERS:
        return label
    if label in _REAL_NAMES or len(label) < _MIN_NAME_FOR_SLIPS - 1:
        return None
    near = [name for name in PROVIDERS if len(name) >= _MIN_NAME_FOR_SLIPS and _one_key_away(label, name)]
    return near[0] if len(near) == 1 else None


def _ending(provider: str, typed: str) -> str | None:
    endings = PROVIDERS[provider]
    if typed in endings:
        return typed
    near = [ending for ending in endings if _one_key_away(typed, ending)]
    if len(near) == 1:
        return near[0]
    # "gmail.fr": the French ending on the provider that has no French mailboxes (a company's own domain, as
    # "orange.com" or "laposte.fr" for their staff, is left as typed).
    return endings[0] if typed in _NO_SUCH_ENDING.get(provider, ()) else None


def domain_put_right(domain: str) -> str | None:
    """ "gmial.com" -> "gmail.com", "orange.fe" -> "orange.fr", "hotmail.con" -> "hotmail.com"; None when the domain
    is no provider's slip (a provider's own domain, another domain, a company's)."""
    parts = domain.lower().strip(".").split(".")
    if len(parts) != 2 or not all(parts):
        return None
    provider = _provider(parts[0])
    if provider is None:
        return None
    ending = _ending(provider, parts[1])
    if ending is None:
        return None
    right = f"{provider}.{ending}"
    return right if right != domain.lower() else None


def address_put_right(address: str) -> str:
    """The address with its domain put right when it is a provider's slip; as given otherwise."""
    local, at, domain = address.rpartition("@")
    right = domain_put_right(domain) if at else None
    return f"{local}@{right}" if right else address
