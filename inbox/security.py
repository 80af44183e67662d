"""Passwords, API tokens, CSRF tokens and login throttling for the inbox."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import defaultdict, deque

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# argon2id with the library's defaults (RFC 9106 low-memory profile).
_hasher = PasswordHasher()
# Verified when the email is unknown, so that both answers take the same time.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))
MINIMUM_PASSWORD_LENGTH = 12


def hash_password(password: str) -> str:
    if len(password) < MINIMUM_PASSWORD_LENGTH:
        raise ValueError(f"Le mot de passe doit comporter au moins {MINIMUM_PASSWORD_LENGTH} caractères.")
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def new_api_token() -> tuple[str, str]:
    """A token to give once to its owner, and the hash to store."""
    token = "rlt_" + secrets.token_urlsafe(32)
    return token, hash_api_token(token)


def hash_api_token(token: str) -> str:
    # A random 256-bit token needs no slow hash: sha256 is enough against a stolen database.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def same_token(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(str(expected), str(given))


class LoginThrottle:
    """Failed logins counted in memory, per address and per (account, address); never per account alone.

    - One address: 20 failures in 15 minutes, whatever the accounts, then 429 (guessing many accounts).
    - One account from one address: 5 failures in 15 minutes, then 429 for that pair only.
    - One account under attack from many addresses (30 failures in 15 minutes): each address gets a
      single try for it until the window passes.

    Nothing locks an account: the right password from an address that has not been guessing still logs
    in, so knowing an advisor's e-mail is not enough to lock them out of a crisis line. The same counts
    apply to e-mails with and without an account, so the answers (401, then 429) do not tell which exist.
    A supervisor clears an account's counts (``unlock``), and a successful login clears its address's.
    """

    def __init__(
        self, per_address: int = 20, per_pair: int = 5, per_account: int = 30, window_s: float = 15 * 60
    ) -> None:
        self.per_address, self.per_pair, self.per_account, self.window_s = per_address, per_pair, per_account, window_s
        self._failures: dict[tuple, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: tuple, now: float) -> deque[float]:
        failures = self._failures[key]
        while failures and failures[0] <= now - self.window_s:
            failures.popleft()
        if not failures:
            del self._failures[key]
            return deque()
        return failures

    def _wait(self, failures: deque[float], allowed: int, now: float) -> float:
        return 0.0 if len(failures) < allowed else failures[-allowed] + self.window_s - now

    def blocked_for(self, address: str, email: str = "") -> float:
        """Seconds until this address may try this account again (0 when it may)."""
        now = time.monotonic()
        with self._lock:
            wait = self._wait(self._recent(("address", address), now), self.per_address, now)
            if email:
                pair_allowed = 1 if len(self._recent(("account", email), now)) >= self.per_account else self.per_pair
                wait = max(wait, self._wait(self._recent(("pair", email, address), now), pair_allowed, now))
            return wait

    def record_failure(self, address: str, email: str = "") -> None:
        now = time.monotonic()
        with self._lock:
            keys = [("address", address)] + ([("pair", email, address), ("account", email)] if email else [])
            for key in keys:
                self._failures[key].append(now)

    def record_success(self, address: str, email: str) -> None:
        with self._lock:
            self._failures.pop(("pair", email, address), None)

    def unlock(self, email: str) -> None:
        """A supervisor's decision: every count about this account is forgotten."""
        with self._lock:
            for key in [k for k in self._failures if k[0] in ("pair", "account") and k[1] == email]:
                del self._failures[key]

    def reset(self) -> None:
        with self._lock:
            self._failures.clear()


AddressThrottle = LoginThrottle  # its former name
