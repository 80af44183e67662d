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


class AddressThrottle:
    """Failed logins per client address in a sliding window (guards against trying many accounts).

    Per account, the database counts failures and locks the account (see CaseRepository).
    """

    def __init__(self, max_failures: int = 20, window_s: float = 15 * 60):
        self.max_failures = max_failures
        self.window_s = window_s
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _prune(self, address: str, now: float) -> deque[float]:
        failures = self._failures[address]
        while failures and failures[0] <= now - self.window_s:
            failures.popleft()
        return failures

    def blocked_for(self, address: str) -> float:
        """Seconds until this address may try again (0 when it may)."""
        now = time.monotonic()
        with self._lock:
            failures = self._prune(address, now)
            if len(failures) < self.max_failures:
                return 0.0
            return failures[0] + self.window_s - now

    def record_failure(self, address: str) -> None:
        with self._lock:
            self._failures[address].append(time.monotonic())

    def reset(self) -> None:
        with self._lock:
            self._failures.clear()
