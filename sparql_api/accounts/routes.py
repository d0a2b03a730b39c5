"""The personal space's account pages: ``/account`` (sign-up, sign-in, sign-out, password
reset). Sign-in, sign-up and reset requests are rate limited per address and per client (in
process: see :mod:`sparql_api.accounts.ratelimit`); what the route modules share (session,
CSRF, page context) is in :mod:`sparql_api.accounts.web_session`.
"""

from __future__ import annotations

import logging
import smtplib

from flask import (
    Blueprint,
    Flask,
    Response,
    current_app,
    g,
    redirect,
    render_template,
    request,
    url_for,
)

from sparql_api.accounts import mailer, users
from sparql_api.accounts.ratelimit import RateLimiter
from sparql_api.accounts.sessions import close_all_sessions
from sparql_api.accounts.web_session import (
    AccountPageError,
    SignInRequired,
    app_settings,
    check_csrf,
    current_user_id,
    end_session,
    finish_page,
    get_db,
    page_context,
    render_error,
    safe_next,
    start_session,
    to_signin,
)
from sparql_api.portal.routes import page_lang
from sparql_api.web.hosts import public_url_for
from sparql_api.web.http_errors import ApiError
from sparql_api.web.i18n import WEB

__all__ = ["bp", "init_limiters", "throttle", "SIGNIN_PER_EMAIL", "SIGNIN_PER_CLIENT"]

log = logging.getLogger(__name__)

bp = Blueprint("accounts", __name__)

LIMITER = "gaia_kg_signin_limiter"
#: sign-in attempts allowed per address, and per client address, in SIGNIN_WINDOW seconds
SIGNIN_PER_EMAIL = 5
SIGNIN_PER_CLIENT = 20
SIGNIN_WINDOW = 300


def init_limiters(app: Flask) -> None:
    """Give ``app`` its sign-in limiters (per address, per client)."""
    app.extensions[LIMITER] = RateLimiter(SIGNIN_PER_EMAIL, SIGNIN_WINDOW)
    app.extensions[LIMITER + "_client"] = RateLimiter(SIGNIN_PER_CLIENT, SIGNIN_WINDOW)


def _form(template: str, status: int = 200, error: str | None = None, **context):
    lang = g.page_lang
    message = WEB.text(error, lang) if error else None
    return render_template(template, error=message, **context), status


@bp.before_request
def _before() -> None:
    g.page_lang = page_lang()
    if request.method == "POST":
        check_csrf()


@bp.after_request
def _after(response: Response) -> Response:
    return finish_page(response)


bp.context_processor(page_context)
bp.errorhandler(AccountPageError)(render_error)
bp.errorhandler(ApiError)(render_error)  # e.g. an unknown ?lang=, refused before the view
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
        # a link this site never signed names nothing (404); a used one is refused (400)
        status = 400 if isinstance(exc, users.AccountError) else 404
        raise AccountPageError(status, WEB.mark("signup_invalid")) from exc
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
        raise AccountPageError(429, WEB.mark("rate_limited"), seconds=wait)


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
        raise AccountPageError(429, WEB.mark("rate_limited"), seconds=wait)
    user = users.authenticate(get_db(), email, request.form.get("password", ""))
    if user is None:
        return _form(
            "account_signin.html", 401, WEB.mark("signin_failed"), email=email, next=next_page
        )
    current_app.extensions[LIMITER].clear("email:" + email)
    start_session(user.id)
    return redirect(safe_next(next_page, url_for("collections.index")), 303)


@bp.post("/account/signout")
def signout():
    """End the session (on the server too: a copy of the cookie no longer signs in)."""
    end_session()
    return redirect(url_for("pages.home"), 303)


@bp.post("/account/signout-everywhere")
def signout_everywhere():
    """End every session of the signed-in user, on every device."""
    uid = current_user_id()
    if uid is not None:
        close_all_sessions(get_db(), uid)
        log.info("account %s signed out everywhere", uid)
    end_session()
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
    settings = app_settings(current_app)
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
    end_session()
    return _form("account_signin.html", done=True, next="")
