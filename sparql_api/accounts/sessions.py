"""Sign-in sessions kept on the server, so that signing out ends them.

The session cookie (signed by Flask) holds a random session id; the user database holds its
SHA-256 with the user, the sign-in time and the last activity. A request is signed in only
while that row exists, is younger than the lifetime and was active within the idle timeout:
signing out deletes the row (a copied cookie replayed later is anonymous), "sign out
everywhere" and a password reset delete every row of the user.

>>> from .db import UserDB
>>> from .users import sign_up
>>> db = UserDB("sqlite://")
>>> uid = sign_up(db, "ada@example.org", "correct horse battery").id
>>> sid = open_session(db, uid)
>>> check_session(db, sid, uid, lifetime=60, idle=60)
True
>>> close_session(db, sid)
>>> check_session(db, sid, uid, lifetime=60, idle=60)
False
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sparql_api.accounts.db import LoginSession, aware, delete, now

__all__ = ["open_session", "check_session", "close_session", "close_all_sessions"]


def _digest(sid: str) -> str:
    return hashlib.sha256(sid.encode()).hexdigest()


def open_session(db, uid: int) -> str:
    """A new session of ``uid``: its id (for the cookie only; the database keeps a hash)."""
    sid = secrets.token_urlsafe(32)
    moment = now()
    with db.session() as s:
        s.add(LoginSession(digest=_digest(sid), user_id=uid, created=moment, seen=moment))
        s.execute(  # forget sessions of this user long gone (idle for more than 30 days)
            delete(LoginSession).where(
                LoginSession.user_id == uid, LoginSession.seen < moment - timedelta(days=30)
            )
        )
    return sid


def check_session(db, sid: str, uid: int, *, lifetime: float, idle: float) -> bool:
    """Whether session ``sid`` of ``uid`` is open, younger than ``lifetime`` seconds and
    active within ``idle`` seconds (its activity time is then brought up to date)."""
    moment = now()
    with db.session() as s:
        row = s.get(LoginSession, _digest(sid))
        if row is None or row.user_id != uid:
            return False
        if moment - aware(row.created) > timedelta(seconds=lifetime) or moment - aware(
            row.seen
        ) > timedelta(seconds=idle):
            s.delete(row)
            return False
        if moment - aware(row.seen) > timedelta(seconds=min(60.0, idle / 4)):
            row.seen = moment
        return True


def close_session(db, sid: str) -> None:
    """End session ``sid`` (signing out)."""
    with db.session() as s:
        s.execute(delete(LoginSession).where(LoginSession.digest == _digest(sid)))


def close_all_sessions(db, uid: int) -> None:
    """End every session of ``uid`` (sign out everywhere, password reset)."""
    with db.session() as s:
        s.execute(delete(LoginSession).where(LoginSession.user_id == uid))
