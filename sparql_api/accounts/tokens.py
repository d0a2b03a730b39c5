"""API tokens of a user, with scopes, for programmatic access to their collections.

A token is ``gkg_`` and 43 random characters, shown once at creation; the database keeps its
SHA-256 only. Scopes: ``collections:read`` (list, read, export), ``collections:write``
(create, change, delete; implies nothing else) and ``admin`` (writes to the store like a
token of ``Settings.admin_tokens``; only for the accounts of ``Settings.admin_users``).
Revoking deletes the token.

>>> from .db import UserDB
>>> from .users import sign_up
>>> db = UserDB("sqlite://")
>>> ada = sign_up(db, "ada@example.org", "correct horse battery").id
>>> token, row = create_token(db, ada, "notebook", ["collections:read"])
>>> check_token(db, token, "collections:read") == ada, check_token(db, token, "collections:write")
(True, None)
"""

from __future__ import annotations

import hashlib
import secrets

from sparql_api.accounts.collections import NotFound
from sparql_api.accounts.db import ApiToken, UserDB, now, select
from sparql_api.accounts.users import AccountError
from sparql_api.web.i18n import WEB

__all__ = ["SCOPES", "PREFIX", "create_token", "list_tokens", "revoke_token", "check_token"]

#: scope -> what it allows
SCOPES = {
    "collections:read": "list, read and export your collections",
    "collections:write": "create, change and delete your collections",
    "admin": "load data and SPARQL Update (administrators only)",
}
PREFIX = "gkg_"
MAX_TOKENS = 50


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(
    db: UserDB, user_id: int, name: str, scopes: list[str], *, may_admin: bool = False
) -> tuple[str, ApiToken]:
    """A new token (its text, shown once, and its row); the ``admin`` scope needs
    ``may_admin`` (the user is an administrator)."""
    name = " ".join((name or "").split())
    if not name:
        raise AccountError(WEB.mark("title_missing"))
    if len(name) > 200:
        raise AccountError(WEB.mark("title_long"))
    chosen = sorted(set(scopes))
    if not chosen or any(s not in SCOPES for s in chosen):
        raise AccountError(WEB.mark("scopes_invalid"))
    if "admin" in chosen and not may_admin:
        raise AccountError(WEB.mark("scope_admin"))
    token = PREFIX + secrets.token_urlsafe(32)
    with db.session() as s:
        count = len(list(s.scalars(select(ApiToken.id).where(ApiToken.user_id == user_id))))
        if count >= MAX_TOKENS:
            raise AccountError(WEB.mark("tokens_full"))
        row = ApiToken(user_id=user_id, name=name, digest=_digest(token), scopes=" ".join(chosen))
        s.add(row)
        s.flush()
        return token, row


def list_tokens(db: UserDB, user_id: int) -> list[ApiToken]:
    """The user's tokens (never their text), newest first."""
    with db.session() as s:
        return list(
            s.scalars(
                select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.id.desc())
            )
        )


def revoke_token(db: UserDB, user_id: int, token_id: int) -> None:
    """Delete one of the user's tokens; NotFound if it is not theirs."""
    with db.session() as s:
        row = s.get(ApiToken, token_id) if 0 < token_id < 2**63 else None
        if row is None or row.user_id != user_id:
            raise NotFound("token")
        s.delete(row)


def check_token(db: UserDB, token: str, scope: str) -> int | None:
    """The id of the token's user if the token exists and has ``scope``, else None."""
    if not token or not token.startswith(PREFIX) or len(token) > 100:
        return None
    with db.session() as s:
        row = s.scalar(select(ApiToken).where(ApiToken.digest == _digest(token)))
        if row is None or scope not in row.scopes.split():
            return None
        row.used = now()
        return row.user_id
