"""The personal space: accounts, collections and their exports, in a relational database.

Plain functions over SQLAlchemy 2 (no Flask): :mod:`.db` (models, the database),
:mod:`.users` (local accounts, argon2 hashes, password reset), :mod:`.collections`
(collections owned by a user, shared by a secret link), :mod:`.export` (DCAT-AP, BibTeX, RIS,
access URLs), :mod:`.ratelimit` (the sign-in limiter). User data never enters the RDF store.
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
