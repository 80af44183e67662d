"""Advisors' and supervisors' accounts: creation, look-up, passwords and API tokens, sessions, and the
record of logins (counts and audit entries). The rule that refuses a login (throttling, never a lock) is
the inbox's authentication (inbox.auth, inbox.security); this module only stores what it decides.
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import select, update

from cases.audit import Repository
from cases.errors import InvalidInput
from cases.models import ROLES, User, utcnow
from cases.text import without_nul


class UserExists(ValueError):
    pass


# What the artisan reads in the live chat: a name and a role word, letters (accents too), spaces, hyphens and
# apostrophes only ("Marie-Claire", "conseiller", "chargée d'accompagnement").
LIVE_WORDS = re.compile(r"^[^\W\d_]+(?:[ '’-][^\W\d_]+)*$")
MAX_LIVE_WORDS_LENGTH = 40


def live_words(value: str | None, field: str) -> str | None:
    """A live-chat name or role word as stored: trimmed, None when blank (the default then applies)."""
    cleaned = " ".join(str(without_nul(value or "")).split())
    if not cleaned:
        return None
    if len(cleaned) > MAX_LIVE_WORDS_LENGTH or not LIVE_WORDS.match(cleaned):
        raise InvalidInput(f"{field}: 1 to {MAX_LIVE_WORDS_LENGTH} letters, spaces, hyphens or apostrophes")
    return cleaned


def email_key(email: str) -> str:
    """How an e-mail is stored and looked up: no NUL, no surrounding space, lower case."""
    return str(without_nul(email or "")).strip().lower()


class AccountRepository(Repository):
    def create_user(self, email: str, name: str, chamber_id: str, role: str, password_hash: str) -> User:
        if role not in ROLES:
            raise InvalidInput(f"role is one of {ROLES}")
        email, name = email_key(email), without_nul(name)
        with self._session_factory() as session, session.begin():
            if session.execute(select(User.id).where(User.email == email)).first():
                raise UserExists(email)
            user = User(email=email, name=name.strip(), chamber_id=chamber_id, role=role, password_hash=password_hash)
            session.add(user)
            session.flush()
            self._audit(session, None, "user.created", chamber_id, None, {"email": email, "role": role}, label="system")
            return user

    def find_user_by_email(self, email: str) -> User | None:
        with self._session_factory() as session:
            user: User | None = session.execute(select(User).where(User.email == email_key(email))).scalar_one_or_none()
            return user

    def find_user_by_token_hash(self, token_hash: str) -> User | None:
        with self._session_factory() as session:
            user: User | None = session.execute(
                select(User).where(User.api_token_hash == token_hash, User.active.is_(True))
            ).scalar_one_or_none()
            return user

    def get_user(self, user_id: int) -> User | None:
        with self._session_factory() as session:
            user: User | None = session.get(User, user_id)
            return user

    def list_users(self, chamber_id: str) -> list[User]:
        with self._session_factory() as session:
            return list(
                session.execute(
                    select(User).where(User.chamber_id == chamber_id, User.active.is_(True)).order_by(User.name)
                ).scalars()
            )

    def set_live_identity(self, user_id: int, name: str | None, role_word: str | None) -> User:
        """The advisor's own name and role word in the live chat (blank: the first name, the chamber's word)."""
        name, role_word = live_words(name, "name"), live_words(role_word, "role")
        with self._session_factory() as session, session.begin():
            user: User = session.get(User, user_id)
            user.live_name, user.live_role = name, role_word
            self._audit(
                session, user, "user.live_identity_set", user.chamber_id, None, {"name": name, "role": role_word}
            )
            return user

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        with self._session_factory() as session, session.begin():
            session.execute(update(User).where(User.id == user_id).values(password_hash=password_hash))

    def set_api_token_hash(self, user_id: int, token_hash: str | None) -> None:
        with self._session_factory() as session, session.begin():
            user = session.get(User, user_id)
            user.api_token_hash = token_hash
            self._audit(session, user, "user.api_token_set", user.chamber_id, None, {}, label="system")

    def register_login_failure(self, user_id: int, now: datetime | None = None) -> datetime | None:
        """Count a failed login, for the audit trail. Nothing is locked: an account locked by failures is a
        weapon against its owner (the inbox throttles the guessing address instead, inbox.security)."""
        with self._session_factory() as session, session.begin():
            # Increment in SQL: concurrent failures are all counted.
            session.execute(update(User).where(User.id == user_id).values(failed_logins=User.failed_logins + 1))
            user = session.get(User, user_id)
            session.refresh(user)
            self._audit(session, user, "user.login_failed", user.chamber_id, None, {"failures": user.failed_logins})
            return None

    def unlock_user(self, user_id: int, actor: User) -> User:
        """A supervisor clears an account's failure count (and any lock an older version set), audited."""
        with self._session_factory() as session, session.begin():
            user: User = session.get(User, user_id)
            user.failed_logins = 0
            user.locked_until = None
            self._audit(session, actor, "user.unlocked", user.chamber_id, None, {"email": user.email})
            return user

    def register_login_success(self, user_id: int) -> User:
        with self._session_factory() as session, session.begin():
            user: User = session.get(User, user_id)
            user.failed_logins = 0
            user.locked_until = None
            user.last_login_at = utcnow()
            self._audit(session, user, "user.logged_in", user.chamber_id, None, {})
            return user

    def end_sessions(self, user_id: int) -> None:
        with self._session_factory() as session, session.begin():
            session.execute(update(User).where(User.id == user_id).values(session_epoch=User.session_epoch + 1))
            user = session.get(User, user_id)
            self._audit(session, user, "user.logged_out", user.chamber_id, None, {})
