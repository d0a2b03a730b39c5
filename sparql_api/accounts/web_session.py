"""The web session of the personal space, shared by all its route modules: the app's user
database, the signed-in user (Flask's signed cookie ``gaia_session`` + a server-side session),
CSRF tokens, safe redirects, and what every page of the space carries (template context,
error page, language and no-cache headers).

Every POST of the personal space carries a CSRF token bound to the session (a form field
``csrf_token`` or an ``X-CSRF-Token`` header).
"""

from __future__ import annotations

import hmac
import secrets
import threading
from urllib.parse import urlsplit

from flask import (
    Flask,
    Response,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from sparql_api.accounts import users
from sparql_api.accounts.db import UserDB
from sparql_api.accounts.sessions import check_session, close_session, open_session
from sparql_api.portal.routes import COOKIE_SECONDS, LANG_COOKIE
from sparql_api.web.catalogue import EXTENSION
from sparql_api.web.i18n import LANGUAGES, WEB, other_lang

__all__ = [
    "USERS",
    "SESSION_COOKIE",
    "OIDC_CLIENT",
    "AccountPageError",
    "SignInRequired",
    "LazyUserDB",
    "app_settings",
    "get_db",
    "current_user_id",
    "is_signed_in",
    "require_user",
    "to_signin",
    "start_session",
    "end_session",
    "csrf_token",
    "check_csrf",
    "safe_next",
    "oidc_label",
    "page_context",
    "render_error",
    "finish_page",
]

#: the app extension holding the user database (a :class:`LazyUserDB`)
USERS = "gaia_kg_users"
SESSION_COOKIE = "gaia_session"
#: the app extension holding the OpenID client: (client, issuer, label), absent without one
OIDC_CLIENT = "gaia_kg_oidc"


class AccountPageError(Exception):
    """An answer of the personal space: ``status`` and the message ``key`` of the ``web`` domain."""

    def __init__(self, status: int, key: str, **params: object):
        super().__init__(key)
        self.status, self.key, self.params = status, key, params


class SignInRequired(Exception):
    """An anonymous visit of a private page: go to the sign-in page, then come back."""


class LazyUserDB:
    """The user database, opened (and its tables created) on first use in the app."""

    def __init__(self, url: str):
        self.url = url
        self._db: UserDB | None = None
        self._lock = threading.Lock()

    def get(self) -> UserDB:
        with self._lock:
            if self._db is None:
                self._db = UserDB(self.url)
            return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()


def app_settings(app: Flask):
    """The :class:`~graph_loader.config.Settings` of ``app``."""
    return app.extensions[EXTENSION].settings


def get_db() -> UserDB:
    """The user database of the current app (opened on first use)."""
    return current_app.extensions[USERS].get()


def current_user_id() -> int | None:
    """The id of the signed-in user (None when anonymous, when the account is gone, or when
    its password changed since this session began: a reset signs every device out)."""
    if "uid_checked" not in g:
        uid, sid = session.get("uid"), session.get("sid")
        user = users.get_user(get_db(), uid) if uid is not None and sid else None
        fresh = user is not None and hmac.compare_digest(
            session.get("pv", ""), users.session_version(user)
        )
        if fresh:  # the session must still be open on the server (not signed out, not expired)
            settings = app_settings(current_app)
            fresh = check_session(
                get_db(),
                str(sid),
                uid,
                lifetime=settings.session_lifetime,
                idle=settings.session_idle,
            )
        g.uid_checked = uid if fresh else None
    return g.uid_checked


def require_user() -> int:
    """The signed-in user's id, else SignInRequired (answered by :func:`to_signin`)."""
    uid = current_user_id()
    if uid is None:
        raise SignInRequired()
    return uid


def to_signin(exc: SignInRequired):
    """Redirect to the sign-in page, with the page to come back to."""
    back = request.full_path if request.method == "GET" else request.form.get("next", "")
    lang = request.args.get("lang") if request.args.get("lang") in LANGUAGES else None
    return redirect(url_for("accounts.signin", next=back.rstrip("?") or None, lang=lang), 303)


def start_session(uid: int) -> None:
    """Sign ``uid`` in: a new session (no fixation) with a new CSRF token."""
    end_session()
    session["uid"] = uid
    session["sid"] = open_session(get_db(), uid)
    session["pv"] = users.session_version(users.get_user(get_db(), uid))
    session["csrf"] = secrets.token_urlsafe(32)
    g.pop("uid_checked", None)


def end_session() -> None:
    """Close this browser's session on the server and forget the cookie's content."""
    if session.get("sid"):
        close_session(get_db(), str(session["sid"]))
    session.clear()
    g.pop("uid_checked", None)


def is_signed_in() -> bool:
    """Whether someone is signed in (the header then offers to sign out)."""
    return "uid" in session and current_user_id() is not None


def csrf_token() -> str:
    """The CSRF token of this session (created on first use)."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def check_csrf() -> None:
    """Refuse (403) a POST whose CSRF token is absent or not this session's."""
    sent = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token") or ""
    expected = session.get("csrf") or ""
    if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise AccountPageError(403, WEB.mark("csrf_failed"))


def safe_next(target: str | None, default: str) -> str:
    """``target`` if it is a path on this site, else ``default`` (no open redirect).

    >>> safe_next("/collections/3", "/account"), safe_next("//evil.example/", "/account")
    ('/collections/3', '/account')
    """
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    parts = urlsplit(target)
    return default if parts.scheme or parts.netloc else target


def oidc_label() -> str | None:
    """The name of the configured OpenID provider (for the sign-in button), None without one."""
    found = current_app.extensions.get(OIDC_CLIENT)
    return found[2] if found else None


def page_context() -> dict:
    """What the personal space's templates read besides the messages (``_``, ``_n``)."""
    lang = g.get("page_lang", "en")
    return {
        "lang": lang,
        "other_lang": other_lang(lang),
        "signed_in": current_user_id() is not None,
        "oidc_label": oidc_label(),
    }


def render_error(exc: AccountPageError) -> tuple[str, int, dict]:
    """The error page of the personal space, in the page's language."""
    lang = g.get("page_lang", "en")
    message = WEB.text(exc.key, lang, **exc.params)
    headers = {"Retry-After": str(exc.params["seconds"])} if "seconds" in exc.params else {}
    page = render_template("error.html", title=WEB.text("error_title", lang), text=message)
    return page, exc.status, headers


def finish_page(response: Response) -> Response:
    """What every answer of the personal space carries: its language (remembered in the
    ``lang`` cookie when ``?lang=`` chose it, as the other pages do), no caching."""
    lang = g.get("page_lang", "en")
    response.headers["Content-Language"] = lang
    response.headers["Cache-Control"] = "no-store"
    response.vary.update(("Accept-Language", "Cookie"))
    if request.args.get("lang") in LANGUAGES and not request.path.startswith("/api/"):
        response.set_cookie(
            LANG_COOKIE, lang, max_age=COOKIE_SECONDS, samesite="Lax", httponly=True
        )
    return response
