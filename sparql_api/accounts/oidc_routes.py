"""OpenID Connect single sign-on (Authlib): ``/account/oidc/login`` sends the browser to the
configured provider (authorization code flow with PKCE S256, state and nonce kept in the
session), ``/account/oidc/callback`` checks the ID token and signs the user in (an account
is created on first sign-in: :func:`sparql_api.accounts.users.oidc_user`). Without
``Settings.oidc_issuer`` both answer 404.
"""

from __future__ import annotations

import logging

from authlib.common.errors import AuthlibBaseError
from flask import Blueprint, Flask, Response, current_app, g, redirect, request, url_for

from sparql_api.accounts import users
from sparql_api.accounts.web_session import (
    OIDC_CLIENT,
    AccountPageError,
    get_db,
    page_context,
    render_error,
    safe_next,
    start_session,
)
from sparql_api.portal.routes import page_lang
from sparql_api.web.http_errors import ApiError
from sparql_api.web.i18n import WEB

__all__ = ["bp", "init_oidc"]

log = logging.getLogger(__name__)

bp = Blueprint("oidc", __name__)
NEXT = "oidc_next"


def init_oidc(app: Flask, settings) -> None:
    """Register the provider (when configured) and the blueprint."""
    app.register_blueprint(bp)
    if not (settings.oidc_issuer and settings.oidc_client_id):
        return
    from authlib.integrations.flask_client import OAuth

    oauth = OAuth(app)
    client = oauth.register(
        "gaia",
        client_id=settings.oidc_client_id,
        client_secret=settings.oidc_client_secret,
        server_metadata_url=settings.oidc_issuer.rstrip("/") + "/.well-known/openid-configuration",
        client_kwargs={"scope": "openid email profile", "code_challenge_method": "S256"},
    )
    app.extensions[OIDC_CLIENT] = (client, settings.oidc_issuer, settings.oidc_label or "OIDC")


def _client():
    found = current_app.extensions.get(OIDC_CLIENT)
    if found is None:
        raise AccountPageError(404, WEB.mark("oidc_off"))
    return found


@bp.before_request
def _before() -> None:
    g.page_lang = page_lang()


@bp.after_request
def _after(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


bp.context_processor(page_context)
bp.errorhandler(AccountPageError)(render_error)
bp.errorhandler(ApiError)(render_error)  # e.g. an unknown ?lang=, refused before the view


@bp.get("/account/oidc/login")
def login():
    """Go to the provider's sign-in page (then come back to ``next``)."""
    client, _, _ = _client()
    from flask import session

    session[NEXT] = safe_next(request.args.get("next"), url_for("collections.index"))
    try:
        return client.authorize_redirect(url_for("oidc.callback", _external=True))
    except (AuthlibBaseError, OSError) as exc:
        log.warning("OpenID provider unreachable: %s", exc)
        raise AccountPageError(502, WEB.mark("oidc_failed")) from exc


@bp.get("/account/oidc/callback")
def callback():
    """The provider's answer: check the ID token, sign in, go back to where the user was."""
    client, issuer, _ = _client()
    from flask import session

    back = session.get(NEXT) or url_for("collections.index")
    try:
        token = client.authorize_access_token()
    except (AuthlibBaseError, OSError, KeyError, ValueError) as exc:
        log.info("OpenID sign-in refused: %s", type(exc).__name__)
        raise AccountPageError(400, WEB.mark("oidc_failed")) from exc
    claims = dict(token.get("userinfo") or {})  # the verified ID token's claims
    if claims.get("iss") not in (issuer, issuer.rstrip("/")):
        raise AccountPageError(400, WEB.mark("oidc_failed"))
    if "email" not in claims:  # providers may give profile claims at the userinfo endpoint
        try:
            extra = client.userinfo(token=token)
        except (AuthlibBaseError, OSError, ValueError) as exc:
            log.info("OpenID userinfo unavailable: %s", type(exc).__name__)
            extra = {}
        if extra.get("sub") == claims.get("sub"):
            claims = {**extra, **claims}
    try:
        user = users.oidc_user(get_db(), claims["iss"], dict(claims))
    except users.AccountError as exc:
        raise AccountPageError(400, exc.key) from exc
    start_session(user.id)
    return redirect(safe_next(back, url_for("collections.index")), 303)
