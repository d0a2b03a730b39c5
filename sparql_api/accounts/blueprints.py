"""The personal space in a Flask app: :func:`init_app` sets the session key and cookie, opens
the user database (on first use), and registers every blueprint of the space (accounts,
collections, history, tokens, OpenID Connect) — the one module that imports them all.
"""

from __future__ import annotations

import logging
import secrets

from flask import Flask

from sparql_api.accounts import collections_routes, routes, tokens_routes
from sparql_api.accounts.history_routes import init_history
from sparql_api.accounts.oidc_routes import init_oidc
from sparql_api.accounts.web_session import (
    SESSION_COOKIE,
    USERS,
    LazyUserDB,
    app_settings,
    csrf_token,
    is_signed_in,
)

__all__ = ["init_app"]

log = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    """Open the user database, set the session key and cookie, register the blueprints."""
    settings = app_settings(app)
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
    app.extensions[USERS] = LazyUserDB(settings.user_db_url())
    routes.init_limiters(app)
    app.add_template_global(csrf_token)
    app.add_template_global(is_signed_in)  # the header's sign-out button
    app.add_template_global(collections_routes.my_collections)
    app.register_blueprint(routes.bp)
    app.register_blueprint(collections_routes.bp)
    init_history(app)
    app.register_blueprint(tokens_routes.bp)
    init_oidc(app, settings)
