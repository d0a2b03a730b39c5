"""Collections: a user's named sets of resources, private unless shared by a secret link.

Every function takes the acting user's id and answers :class:`NotFound` for a collection
that is not theirs, exactly as for one that does not exist (no one learns which ids exist).
Collections come back detached, with their items loaded.

>>> from .db import UserDB
>>> from .users import sign_up
>>> db = UserDB("sqlite://")
>>> ada = sign_up(db, "ada@example.org", "correct horse battery").id
>>> bob = sign_up(db, "bob@example.org", "correct horse battery").id
>>> c = create_collection(db, ada, "Ozone", "Profiles over Africa")
>>> add_item(db, ada, c.id, "https://data.gaia-data.fr/id/dataset/iagos").items[0].iri
'https://data.gaia-data.fr/id/dataset/iagos'
>>> get_collection(db, bob, c.id)
Traceback (most recent call last):
...
sparql_api.accounts.collections.NotFound: collection
"""

from __future__ import annotations

import re
import secrets

from sqlalchemy import func
from sqlalchemy.orm import selectinload

from sparql_api.accounts.db import Collection, CollectionItem, UserDB, now, select
from sparql_api.accounts.users import AccountError
from sparql_api.web.i18n import WEB

__all__ = [
    "NotFound",
    "MAX_ITEMS",
    "list_collections",
    "get_collection",
    "create_collection",
    "update_collection",
    "delete_collection",
    "add_item",
    "remove_item",
    "share",
    "unshare",
    "shared_collection",
    "check_iri",
]

#: most resources in one collection
MAX_ITEMS = 1000
_IRI = re.compile(r"(?:https?|urn):[^\s<>\"{}|\\^`]+", re.IGNORECASE)


class NotFound(LookupError):
    """No such collection for this user (or no such shared link)."""

    def __init__(self, what: str = "collection"):
        super().__init__(what)


def _title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise AccountError(WEB.mark("title_missing"))
    if len(title) > 200:
        raise AccountError(WEB.mark("title_long"))
    return title


def _description(text: str | None) -> str:
    text = (text or "").strip()
    if len(text) > 5000:
        raise AccountError(WEB.mark("description_long"))
    return text


def check_iri(iri: str) -> str:
    """``iri`` trimmed if it is an absolute http(s) or urn IRI, else AccountError."""
    iri = (iri or "").strip()
    if len(iri) > 2000 or not _IRI.fullmatch(iri):
        raise AccountError(WEB.mark("iri_invalid"))
    return iri


def _load(s, user_id: int, cid: int) -> Collection:
    if not 0 < cid < 2**63:  # beyond any id (and beyond SQL integers)
        raise NotFound()
    found = s.scalar(
        select(Collection)
        .options(selectinload(Collection.items))
        .where(Collection.id == cid, Collection.owner_id == user_id)
    )
    if found is None:
        raise NotFound()
    return found


def list_collections(db: UserDB, user_id: int) -> list[dict]:
    """The user's collections, newest change first: ``{id, title, description, count, shared}``."""
    with db.session() as s:
        rows = s.execute(
            select(Collection, func.count(CollectionItem.id))
            .outerjoin(CollectionItem)
            .where(Collection.owner_id == user_id)
            .group_by(Collection.id)
            .order_by(Collection.updated.desc(), Collection.id.desc())
        ).all()
        return [
            {
                "id": c.id,
                "title": c.title,
                "description": c.description,
                "count": count,
                "shared": c.share_token is not None,
            }
            for c, count in rows
        ]


def get_collection(db: UserDB, user_id: int, cid: int) -> Collection:
    """The user's collection ``cid`` with its items; NotFound if it is not theirs."""
    with db.session() as s:
        return _load(s, user_id, cid)


def create_collection(db: UserDB, user_id: int, title: str, description: str = "") -> Collection:
    """A new empty collection of the user."""
    with db.session() as s:
        found = Collection(
            owner_id=user_id, title=_title(title), description=_description(description)
        )
        s.add(found)
        s.flush()
        return _load(s, user_id, found.id)


def update_collection(
    db: UserDB, user_id: int, cid: int, *, title: str | None = None, description: str | None = None
) -> Collection:
    """Rename and/or describe the collection."""
    with db.session() as s:
        found = _load(s, user_id, cid)
        if title is not None:
            found.title = _title(title)
        if description is not None:
            found.description = _description(description)
        found.updated = now()
        return found


def delete_collection(db: UserDB, user_id: int, cid: int) -> None:
    """Delete the collection and its items (a shared link to it stops working)."""
    with db.session() as s:
        s.delete(_load(s, user_id, cid))


def add_item(db: UserDB, user_id: int, cid: int, iri: str) -> Collection:
    """Add the resource ``iri`` (nothing changes if it is already there)."""
    iri = check_iri(iri)
    with db.session() as s:
        found = _load(s, user_id, cid)
        if all(item.iri != iri for item in found.items):
            if len(found.items) >= MAX_ITEMS:
                raise AccountError(WEB.mark("collection_full"))
            found.items.append(CollectionItem(iri=iri))
            found.updated = now()
        s.flush()
        return found


def remove_item(db: UserDB, user_id: int, cid: int, iri: str) -> Collection:
    """Remove the resource ``iri`` (nothing changes if it is not there)."""
    with db.session() as s:
        found = _load(s, user_id, cid)
        for item in [i for i in found.items if i.iri == (iri or "").strip()]:
            found.items.remove(item)
            found.updated = now()
        s.flush()
        return found


def share(db: UserDB, user_id: int, cid: int) -> str:
    """A new secret share token for the collection (an earlier link stops working)."""
    with db.session() as s:
        found = _load(s, user_id, cid)
        found.share_token = secrets.token_urlsafe(24)
        return found.share_token


def unshare(db: UserDB, user_id: int, cid: int) -> None:
    """Revoke the share link."""
    with db.session() as s:
        _load(s, user_id, cid).share_token = None


def shared_collection(db: UserDB, token: str) -> Collection:
    """The collection opened by share token ``token``; NotFound if revoked or unknown."""
    if not token or len(token) > 64:
        raise NotFound("share")
    with db.session() as s:
        found = s.scalar(
            select(Collection)
            .options(selectinload(Collection.items))
            .where(Collection.share_token == token)
        )
        if found is None or not secrets.compare_digest(found.share_token, token):
            raise NotFound("share")
        return found
