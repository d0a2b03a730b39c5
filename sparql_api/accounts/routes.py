"""The personal space's accounts: ``/account`` (sign-up, sign-in, sign-out, password reset),
and what the collection views share: the user database, the signed-in user, CSRF tokens.

Sessions are Flask's signed cookies (``gaia_session``: HttpOnly, SameSite=Lax), signed with
``Settings.secret_key``. Every POST of the personal space carries a CSRF token bound to the
session (a form field ``csrf_token`` or an ``X-CSRF-Token`` header). Sign-in is rate limited
per address and per client (in process: see :mod:`sparql_api.accounts.ratelimit`).
"""

from __future__ import annotations

import hmac
import logging
import secrets
import smtplib
import threading
from urllib.parse import urlsplit

from flask import (
    Blueprint,
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

from sparql_api.accounts import mailer, users
from sparql_api.accounts.db import UserDB
from sparql_api.accounts.ratelimit import RateLimiter
from sparql_api.accounts.sessions import (
    check_session,
    close_all_sessions,
    close_session,
    open_session,
)
from sparql_api.accounts.texts import MESSAGES, account_catalogue, text
from sparql_api.accounts.texts import UI as ACCOUNT_UI
from sparql_api.portal.routes import COOKIE_SECONDS, LANG_COOKIE, page_lang
from sparql_api.portal.translations import catalogue, count_text, ui
from sparql_api.web.hosts import public_url_for
from sparql_api.web.i18n import LANGUAGES

__all__ = [
    "bp",
    "init_app",
    "get_db",
    "current_user_id",
    "csrf_token",
    "AccountPageError",
    "page_context",
    "render_error",
    "require_user",
    "SignInRequired",
    "to_signin",
    "SESSION_COOKIE",
    "start_session",
    "finish_page",
]

log = logging.getLogger(__name__)

bp = Blueprint("accounts", __name__)

USERS = "gaia_kg_users"
SESSION_COOKIE = "gaia_session"
LIMITER = "gaia_kg_signin_limiter"
#: sign-in attempts allowed per address, and per client address, in SIGNIN_WINDOW seconds
SIGNIN_PER_EMAIL = 5
SIGNIN_PER_CLIENT = 20
SIGNIN_WINDOW = 300


class AccountPageError(Exception):
    """An answer of the personal space: ``status`` and the message ``key`` of texts."""

    def __init__(self, status: int, key: str, **params: object):
        super().__init__(key)
        self.status, self.key, self.params = status, key, params


def init_app(app: Flask) -> None:
    """Open the user database, set the session key and cookie, register the blueprints."""
    from sparql_api.accounts import collections_routes as collection_views
    from sparql_api.accounts import tokens_routes as token_views
    from sparql_api.accounts.history_routes import init_history
    from sparql_api.accounts.oidc_routes import init_oidc

    settings = get_backend_settings(app)
    key = settings.secret_key
    if not key:
        log.warning(
            "GAIA_KG_SECRET_KEY is not set: sessions are signed with a random key of this "
            "process and end when it stops (set it in production)"
        )
        key = secrets.token_hex(32)
    app.secret_key = key
    app.config.update(
        SESSION_COOKIE_NAME=SESSION_COOKIE,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.secure_cookies,
    )
    app.extensions[USERS] = _LazyUserDB(settings.user_db_url())
    app.extensions[LIMITER] = RateLimiter(SIGNIN_PER_EMAIL, SIGNIN_WINDOW)
    app.extensions[LIMITER + "_client"] = RateLimiter(SIGNIN_PER_CLIENT, SIGNIN_WINDOW)
    app.add_template_global(csrf_token)
    app.add_template_global(collection_views.my_collections)
    app.add_template_global(account_catalogue, "account_texts")
    app.register_blueprint(bp)
    app.register_blueprint(collection_views.bp)
    init_history(app)
    app.register_blueprint(token_views.bp)
    init_oidc(app, settings)


class _LazyUserDB:
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


def get_backend_settings(app: Flask):
    from sparql_api.web.catalogue import EXTENSION

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
            settings = get_backend_settings(current_app)
            fresh = check_session(
                get_db(),
                str(sid),
                uid,
                lifetime=settings.session_lifetime,
                idle=settings.session_idle,
            )
        g.uid_checked = uid if fresh else None
    return g.uid_checked


class SignInRequired(Exception):
    """An anonymous visit of a private page: go to the sign-in page, then come back."""


def require_user() -> int:
    """The signed-in user's id, else SignInRequired (answered by :func:`to_signin`)."""
    uid = current_user_id()
    if uid is None:
        raise SignInRequired()
    return uid


def to_signin(exc: SignInRequired):
    """Redirect to the sign-in page, with the page to come back to."""
    back = request.full_path if request.method == "GET" else request.form.get("next", "")
    return redirect(url_for("accounts.signin", next=back.rstrip("?") or None), 303)


def csrf_token() -> str:
    """The CSRF token of this session (created on first use)."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def check_csrf() -> None:
    """Refuse (400) a POST whose CSRF token is absent or not this session's."""
    sent = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token") or ""
    expected = session.get("csrf") or ""
    if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise AccountPageError(400, "csrf_failed")


def safe_next(target: str | None, default: str) -> str:
    """``target`` if it is a path on this site, else ``default`` (no open redirect).

    >>> safe_next("/collections/3", "/account"), safe_next("//evil.example/", "/account")
    ('/collections/3', '/account')
    """
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    parts = urlsplit(target)
    return default if parts.scheme or parts.netloc else target


def page_context() -> dict:
    """What the personal space's templates read (``t`` holds the site's and its strings)."""
    lang = g.get("page_lang", "en")
    return {
        "lang": lang,
        "other_lang": "fr" if lang == "en" else "en",
        "t": {**catalogue(lang), **account_catalogue(lang)},
        "ui": _ui,
        "count_text": count_text,
        "signed_in": current_user_id() is not None,
        "oidc_label": oidc_label(),
    }


def oidc_label() -> str | None:
    """The configured OpenID provider's name, None without one."""
    from sparql_api.accounts.oidc_routes import oidc_label as label

    return label()


def _ui(key: str, lang: str, **params: object) -> str:
    """A parametrised string of the personal space, else of the site."""
    return text(ACCOUNT_UI, key, lang, **params) if key in ACCOUNT_UI else ui(key, lang, **params)


def render_error(exc: AccountPageError) -> tuple[str, int, dict]:
    """The error page of the personal space, in the page's language."""
    lang = g.get("page_lang", "en")
    message = text(MESSAGES, exc.key, lang, **exc.params)
    headers = {"Retry-After": str(exc.params["seconds"])} if "seconds" in exc.params else {}
    page = render_template("error.html", title=ui("error_title", lang), text=message)
    return page, exc.status, headers


def _form(template: str, status: int = 200, error: str | None = None, **context):
    lang = g.page_lang
    message = text(MESSAGES, error, lang) if error else None
    return render_template(template, error=message, **context), status


@bp.before_request
def _before() -> None:
    g.page_lang = page_lang()
    if request.method == "POST":
        check_csrf()


@bp.after_request
def _after(response: Response) -> Response:
    return finish_page(response)


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


bp.context_processor(page_context)
bp.errorhandler(AccountPageError)(render_error)
bp.errorhandler(SignInRequired)(to_signin)


@bp.get("/account")
def home():
    """The account page: who is signed in, links to the collections, sign-out."""
    uid = current_user_id()
    if uid is None:
        return redirect(url_for("accounts.signin"))
    user = users.get_user(get_db(), uid)
    return render_template("account_home.html", user=user)


@bp.route("/account/signup", methods=["GET", "POST"])
def signup():
    """Ask for a local account (email, password): a confirmation link is mailed; the answer
    is the same whether the address already has an account (its owner is told by mail)."""
    if request.method == "GET":
        return _form("account_signup.html")
    form = request.form
    try:
        email = users.check_sign_up(form.get("email", ""), form.get("password", ""))
    except users.AccountError as exc:
        return _form("account_signup.html", 400, exc.key, email=form.get("email", ""))
    throttle("signup", email)
    password_hash = users.hash_password(form.get("password", ""))  # the same work either way
    owner = users.email_taken(get_db(), email)
    lang = g.page_lang
    if owner is not None:
        log.info("sign-up attempt for the existing account %s", owner.id)
        link = public_url_for("accounts.reset_request", lang=lang)
        _deliver(
            owner.email,
            mailer.attempt_message,
            link,
            "sign-up attempt notice",
            f"sign-up notice to account {owner.id}",
        )
    else:
        next_page = safe_next(form.get("next"), "")
        token = _signup_tokens().dumps({"e": email, "h": password_hash, "n": next_page})
        link = public_url_for("accounts.signup_finish", token=token)
        _deliver(
            email, mailer.signup_message, link, "sign-up link for a new account", "sign-up mail"
        )
    return _form("account_signup.html", sent=True)


#: how long a sign-up confirmation link stays valid
SIGNUP_SECONDS = 86400


def _signup_tokens():
    from itsdangerous import URLSafeTimedSerializer

    return URLSafeTimedSerializer(current_app.secret_key, salt="gaia-kg-signup")


@bp.get("/account/signup/<token>")
def signup_finish(token: str):
    """The mailed sign-up link: create the account, sign in."""
    from itsdangerous import BadData

    try:
        found = _signup_tokens().loads(token, max_age=SIGNUP_SECONDS)
        user = users.create_account(get_db(), str(found["e"]), str(found["h"]))
    except (BadData, KeyError, TypeError, users.AccountError) as exc:
        log.info("sign-up link refused (%s)", type(exc).__name__)
        raise AccountPageError(400, "signup_invalid") from exc
    start_session(user.id)
    log.info("account %s created", user.id)
    return redirect(safe_next(found.get("n"), url_for("collections.index")), 303)


def throttle(action: str, email: str) -> None:
    """Count one ``action`` (signup, reset) for this address and this client: 429 past
    :data:`SIGNIN_PER_EMAIL` per address or :data:`SIGNIN_PER_CLIENT` per client in
    :data:`SIGNIN_WINDOW` seconds."""
    client = request.remote_addr or ""
    wait = current_app.extensions[LIMITER].hit(f"{action}:{email}") or current_app.extensions[
        LIMITER + "_client"
    ].hit(f"{action}-client:{client}")
    if wait:
        log.warning("%s rate limit reached for a client (%s)", action, client)
        raise AccountPageError(429, "rate_limited", seconds=wait)


def start_session(uid: int) -> None:
    """Sign ``uid`` in: a new session (no fixation) with a new CSRF token."""
    _end_session()
    session["uid"] = uid
    session["sid"] = open_session(get_db(), uid)
    session["pv"] = users.session_version(users.get_user(get_db(), uid))
    session["csrf"] = secrets.token_urlsafe(32)
    g.pop("uid_checked", None)


@bp.route("/account/signin", methods=["GET", "POST"])
def signin():
    """Sign in with email and password (rate limited)."""
    next_page = request.values.get("next", "")
    if request.method == "GET":
        return _form("account_signin.html", next=next_page)
    email = request.form.get("email", "").strip().lower()
    wait = current_app.extensions[LIMITER].hit("email:" + email) or current_app.extensions[
        LIMITER + "_client"
    ].hit("client:" + (request.remote_addr or ""))
    if wait:
        log.warning("sign-in rate limit reached for a client (%s)", request.remote_addr)
        raise AccountPageError(429, "rate_limited", seconds=wait)
    user = users.authenticate(get_db(), email, request.form.get("password", ""))
    if user is None:
        return _form("account_signin.html", 401, "signin_failed", email=email, next=next_page)
    current_app.extensions[LIMITER].clear("email:" + email)
    start_session(user.id)
    return redirect(safe_next(next_page, url_for("collections.index")), 303)


def _end_session() -> None:
    """Close this browser's session on the server and forget the cookie's content."""
    if session.get("sid"):
        close_session(get_db(), str(session["sid"]))
    session.clear()
    g.pop("uid_checked", None)


@bp.post("/account/signout")
def signout():
    """End the session (on the server too: a copy of the cookie no longer signs in)."""
    _end_session()
    return redirect(url_for("pages.home"), 303)


@bp.post("/account/signout-everywhere")
def signout_everywhere():
    """End every session of the signed-in user, on every device."""
    uid = current_user_id()
    if uid is not None:
        close_all_sessions(get_db(), uid)
        log.info("account %s signed out everywhere", uid)
    _end_session()
    return redirect(url_for("pages.home"), 303)


@bp.route("/account/reset", methods=["GET", "POST"])
def reset_request():
    """Ask for a password reset link (mailed, else printed to the log; the page says the same
    either way)."""
    if request.method == "GET":
        return _form("account_reset.html")
    email = request.form.get("email", "")
    try:
        throttle("reset", users.normalise_email(email))
    except users.AccountError:
        pass  # not an address: no account, the same answer
    started = users.start_reset(get_db(), email)
    if started is not None:
        user, token = started
        link = public_url_for("accounts.reset_finish", token=token)
        _deliver(
            user.email,
            mailer.reset_message,
            link,
            f"password reset link for account {user.id}",
            f"reset mail to account {user.id}",
        )
    return _form("account_reset.html", sent=True)


def _deliver(to: str, build, link: str, what: str, label: str) -> None:
    """Mail ``link`` in ``build``'s message (``Settings.smtp_url``), else print it to the log
    as "<what>: <link>" (``label`` names the mail in the log, without the link)."""
    settings = get_backend_settings(current_app)
    if settings.smtp_url and settings.mail_from:
        message = build(to, settings.mail_from, link, g.page_lang)
        try:
            mailer.send(settings.smtp_url, message)
            log.info("%s sent", label)
            return
        except (OSError, smtplib.SMTPException) as exc:
            log.error("the %s failed (%s): link below", label, exc)
    log.warning("%s: %s", what, link)


@bp.route("/account/reset/<token>", methods=["GET", "POST"])
def reset_finish(token: str):
    """Choose a new password with a reset token."""
    if request.method == "GET":
        return _form("account_reset_finish.html", token=token)
    try:
        user = users.finish_reset(get_db(), token, request.form.get("password", ""))
    except users.AccountError as exc:
        return _form("account_reset_finish.html", 400, exc.key, token=token)
    close_all_sessions(get_db(), user.id)  # a new password signs every device out
    _end_session()
    return _form("account_signin.html", done=True, next="")
