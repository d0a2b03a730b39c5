"""The personal space: accounts, collections and their exports, in a relational database.

Flask-free (plain functions over SQLAlchemy 2): :mod:`.db` (models, the database),
:mod:`.users` (local accounts, argon2 hashes, password reset), :mod:`.sessions` (server-side
sessions), :mod:`.collections` (collections owned by a user, shared by a secret link),
:mod:`.export` (DCAT-AP, BibTeX, RIS, access URLs), :mod:`.facets`, :mod:`.history` (search
history, saved searches), :mod:`.tokens` (API tokens), :mod:`.mailer`, :mod:`.ratelimit` (the
sign-in limiter), :mod:`.texts` (fr/en strings), :mod:`.openapi` (its OpenAPI part).
User data never enters the RDF store.

The Flask side: :mod:`.blueprints` (``init_app``: registers them all), :mod:`.web_session`
(what the route modules share: signed-in user, CSRF, page context), and the route modules
:mod:`.routes` (``/account``), :mod:`.collections_routes`, :mod:`.history_routes`,
:mod:`.tokens_routes`, :mod:`.oidc_routes`.
"""

from __future__ import annotations

from sparql_api.accounts.collections import NotFound
from sparql_api.accounts.db import Collection, CollectionItem, ResetToken, User, UserDB
from sparql_api.accounts.users import AccountError

__all__ = [
    "AccountError",
    "Collection",
    "CollectionItem",
    "NotFound",
    "ResetToken",
    "User",
    "UserDB",
]
