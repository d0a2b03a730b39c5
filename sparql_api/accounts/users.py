"""Local accounts: sign-up, sign-in, password reset, with argon2id hashes.

Identifiers are email addresses (compared lower-cased). A password is never stored, logged
or returned: only its argon2 hash. A reset token is random, shown once (the caller prints it
to the log or mails it), stored as its SHA-256, valid for :data:`RESET_SECONDS` and used once.

>>> from .db import UserDB
>>> db = UserDB("sqlite://")
>>> user = sign_up(db, "Ada@Example.org", "correct horse battery")
>>> authenticate(db, "ada@example.org", "correct horse battery").id == user.id
True
>>> authenticate(db, "ada@example.org", "wrong password") is None
True
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from sparql_api.accounts.db import OidcIdentity, ResetToken, User, UserDB, aware, now, select
from sparql_api.web.i18n import WEB

__all__ = [
    "AccountError",
    "MIN_PASSWORD",
    "RESET_SECONDS",
    "normalise_email",
    "sign_up",
    "authenticate",
    "get_user",
    "start_reset",
    "finish_reset",
    "oidc_user",
    "session_version",
    "check_sign_up",
    "email_taken",
    "hash_password",
    "create_account",
]

#: shortest password accepted
MIN_PASSWORD = 10
#: how long a password reset token stays valid
RESET_SECONDS = 3600

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_HASHER = PasswordHasher()
#: verified when the email is unknown, so that unknown and known emails take the same time
_DUMMY_HASH = _HASHER.hash("not a password of anyone")


class AccountError(ValueError):
    """A refused account operation; ``key`` names its message in :mod:`.texts`."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def normalise_email(email: str) -> str:
    """The identifier for ``email``: trimmed, lower-cased; AccountError if not an address.

    >>> normalise_email("  Ada@Example.ORG ")
    'ada@example.org'
    """
    email = (email or "").strip().lower()
    if len(email) > 254 or not _EMAIL.fullmatch(email):
        raise AccountError(WEB.mark("email_invalid"))
    return email


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise AccountError(WEB.mark("password_short"))
    if len(password) > 1024:
        raise AccountError(WEB.mark("password_long"))


def sign_up(db: UserDB, email: str, password: str, display_name: str | None = None) -> User:
    """A new account; AccountError if the email is taken or the password too short."""
    email = normalise_email(email)
    _check_password(password)
    with db.session() as s:
        if s.scalar(select(User).where(User.email == email)) is not None:
            raise AccountError(WEB.mark("email_taken"))
        user = User(
            email=email,
            password_hash=_HASHER.hash(password),
            display_name=(display_name or "").strip()[:200] or None,
        )
        s.add(user)
        s.flush()
        return user


def check_sign_up(email: str, password: str) -> str:
    """The identifier of a sign-up request (AccountError for an invalid address or password);
    whether the address is taken is not said here (see :func:`email_taken`)."""
    email = normalise_email(email)
    _check_password(password)
    return email


def email_taken(db: UserDB, email: str) -> User | None:
    """The account of ``email`` (already normalised), None when there is none."""
    with db.session() as s:
        return s.scalar(select(User).where(User.email == email))


def hash_password(password: str) -> str:
    """The argon2id hash of ``password``."""
    return _HASHER.hash(password)


def create_account(db: UserDB, email: str, password_hash: str) -> User:
    """The account of a confirmed sign-up (``email`` normalised, its password hashed);
    AccountError(WEB.mark("email_taken")) if the address got an account meanwhile."""
    with db.session() as s:
        if s.scalar(select(User).where(User.email == email)) is not None:
            raise AccountError(WEB.mark("email_taken"))
        user = User(email=email, password_hash=password_hash)
        s.add(user)
        s.flush()
        return user


def authenticate(db: UserDB, email: str, password: str) -> User | None:
    """The user if ``password`` is theirs, else None (same work whether the email exists)."""
    try:
        email = normalise_email(email)
    except AccountError:
        return None
    with db.session() as s:
        user = s.scalar(select(User).where(User.email == email))
        stored = user.password_hash if user and user.password_hash else _DUMMY_HASH
        try:
            _HASHER.verify(stored, password or "")
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return None
        if user is None or not user.password_hash:
            return None
        if _HASHER.check_needs_rehash(stored):
            user.password_hash = _HASHER.hash(password)
        return user


def get_user(db: UserDB, user_id: int | None) -> User | None:
    """The user with id ``user_id`` (None if there is none)."""
    if user_id is None:
        return None
    with db.session() as s:
        return s.get(User, user_id)


def session_version(user: User) -> str:
    """A fingerprint of the user's credentials kept in their sessions: it changes with the
    password, which ends the sessions opened before."""
    return hashlib.sha256(f"{user.id}:{user.password_hash or ''}".encode()).hexdigest()[:32]


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_reset(db: UserDB, email: str) -> tuple[User, str] | None:
    """A reset token for the account of ``email`` (None for an unknown email)."""
    try:
        email = normalise_email(email)
    except AccountError:
        return None
    with db.session() as s:
        user = s.scalar(select(User).where(User.email == email))
        if user is None:
            return None
        token = secrets.token_urlsafe(32)
        expires = now() + timedelta(seconds=RESET_SECONDS)
        s.add(ResetToken(digest=_digest(token), user_id=user.id, expires=expires))
        return user, token


def finish_reset(db: UserDB, token: str, password: str) -> User:
    """Set the password of the token's user; the token (and every other of theirs) is spent.

    AccountError(WEB.mark("reset_invalid")) for an unknown, used or expired token.
    """
    _check_password(password)
    with db.session() as s:
        found = s.get(ResetToken, _digest(token or ""))
        if found is None or aware(found.expires) < now():
            raise AccountError(WEB.mark("reset_invalid"))
        user = s.get(User, found.user_id)
        user.password_hash = _HASHER.hash(password)
        for spent in s.scalars(select(ResetToken).where(ResetToken.user_id == user.id)):
            s.delete(spent)
        return user


def oidc_user(db: UserDB, issuer: str, claims: dict) -> User:
    """The local user of an OpenID Connect identity (``iss``, ``sub`` of verified ID token
    ``claims``), created on first sign-in. An existing local account is linked only when the
    provider says its email is verified; otherwise a taken email gets a new account without
    email (``<sub>@<issuer host>``), so that no provider can take over an account."""
    subject = str(claims.get("sub") or "")
    if not subject or len(subject) > 255:
        raise AccountError(WEB.mark("oidc_failed"))
    with db.session() as s:
        found = s.scalar(
            select(OidcIdentity).where(
                OidcIdentity.issuer == issuer, OidcIdentity.subject == subject
            )
        )
        if found is not None:
            return s.get(User, found.user_id)
        try:
            email = normalise_email(str(claims.get("email") or ""))
        except AccountError:
            email = None
        user = s.scalar(select(User).where(User.email == email)) if email else None
        if user is not None and claims.get("email_verified") is not True:
            user, email = None, None
        if user is None:
            host = issuer.split("://", 1)[-1].split("/", 1)[0]
            user = User(
                email=email or f"{subject}@{host}".lower()[:254],
                password_hash=None,
                display_name=str(claims.get("name") or "")[:200] or None,
            )
            s.add(user)
            s.flush()
        s.add(OidcIdentity(user_id=user.id, issuer=issuer, subject=subject))
        return user
