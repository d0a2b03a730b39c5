"""Search history and saved searches of a signed-in user, and "what's new since my last visit".

A search is kept as its query string (the parameters of ``/search`` without ``page`` and
``lang``, in a stable order). The history keeps the :data:`HISTORY_SIZE` latest searches of
each user and can be cleared. A saved search has a name and the time of the user's last
visit; the resources it finds whose record was loaded (or reloaded) since are "new".

>>> query_string({"q": ["ozone"], "page": ["2"], "lang": ["fr"], "theme": ["b", "a"]})
'q=ozone&theme=a&theme=b'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from urllib.parse import urlencode

import pyoxigraph as ox
from sqlalchemy import delete

from graph_loader.store import Store
from sparql_api.accounts.collections import NotFound
from sparql_api.accounts.db import SavedSearch, SearchEntry, UserDB, aware, now, select
from sparql_api.accounts.users import AccountError
from sparql_api.core.rq import load_query
from sparql_api.web.i18n import WEB

__all__ = [
    "HISTORY_SIZE",
    "query_string",
    "remember",
    "history",
    "clear_history",
    "save_search",
    "saved_searches",
    "get_saved",
    "mark_seen",
    "delete_saved",
    "loaded_since",
]

#: searches kept per user
HISTORY_SIZE = 200
_SKIP = {"page", "lang"}
_CHUNK = 200


def query_string(args: Mapping[str, Iterable[str]]) -> str:
    """The canonical query string of search arguments (name -> values)."""
    pairs = sorted(
        (name, value)
        for name, values in args.items()
        if name not in _SKIP
        for value in ([values] if isinstance(values, str) else values)
        if value
    )
    return urlencode(pairs)


def remember(db: UserDB, user_id: int, query: str) -> None:
    """Keep a search in the user's history (the same search twice in a row: once)."""
    if len(query) > 4000:
        return
    with db.session() as s:
        last = s.scalar(
            select(SearchEntry)
            .where(SearchEntry.user_id == user_id)
            .order_by(SearchEntry.id.desc())
            .limit(1)
        )
        if last is not None and last.query == query:
            last.searched = now()
            return
        s.add(SearchEntry(user_id=user_id, query=query))
        s.flush()
        old = select(SearchEntry.id).where(SearchEntry.user_id == user_id)
        keep = old.order_by(SearchEntry.id.desc()).limit(HISTORY_SIZE)
        s.execute(
            delete(SearchEntry).where(
                SearchEntry.user_id == user_id, SearchEntry.id.not_in(keep.scalar_subquery())
            )
        )


def history(db: UserDB, user_id: int) -> list[dict]:
    """The user's searches, newest first: ``{query, searched}``."""
    with db.session() as s:
        rows = s.scalars(
            select(SearchEntry)
            .where(SearchEntry.user_id == user_id)
            .order_by(SearchEntry.id.desc())
        )
        return [{"query": e.query, "searched": aware(e.searched)} for e in rows]


def clear_history(db: UserDB, user_id: int) -> None:
    """Forget every search of the user."""
    with db.session() as s:
        s.execute(delete(SearchEntry).where(SearchEntry.user_id == user_id))


def save_search(db: UserDB, user_id: int, name: str, query: str) -> SavedSearch:
    """Save a search under ``name`` (its last visit: now)."""
    name = " ".join((name or "").split())
    if not name:
        raise AccountError(WEB.mark("title_missing"))
    if len(name) > 200:
        raise AccountError(WEB.mark("title_long"))
    if len(query or "") > 4000:
        raise AccountError(WEB.mark("query_long"))
    with db.session() as s:
        found = SavedSearch(user_id=user_id, name=name, query=query or "")
        s.add(found)
        s.flush()
        return found


def saved_searches(db: UserDB, user_id: int) -> list[SavedSearch]:
    """The user's saved searches, by name."""
    with db.session() as s:
        return list(
            s.scalars(
                select(SavedSearch)
                .where(SavedSearch.user_id == user_id)
                .order_by(SavedSearch.name, SavedSearch.id)
            )
        )


def get_saved(db: UserDB, user_id: int, sid: int) -> SavedSearch:
    """The user's saved search ``sid``; NotFound if it is not theirs."""
    if not 0 < sid < 2**63:
        raise NotFound("search")
    with db.session() as s:
        found = s.scalar(
            select(SavedSearch).where(SavedSearch.id == sid, SavedSearch.user_id == user_id)
        )
        if found is None:
            raise NotFound("search")
        return found


def mark_seen(db: UserDB, user_id: int, sid: int, moment: datetime | None = None) -> None:
    """Record a visit of the saved search (what is new is counted from here)."""
    with db.session() as s:
        found = s.get(SavedSearch, sid)
        if found is None or found.user_id != user_id:
            raise NotFound("search")
        found.seen = moment or now()


def delete_saved(db: UserDB, user_id: int, sid: int) -> None:
    """Delete a saved search."""
    with db.session() as s:
        found = s.get(SavedSearch, sid) if 0 < sid < 2**63 else None
        if found is None or found.user_id != user_id:
            raise NotFound("search")
        s.delete(found)


def loaded_since(store: Store, iris: list[str], since: datetime) -> dict[str, str]:
    """The resources among ``iris`` whose record was loaded after ``since``: iri -> time."""
    found: dict[str, str] = {}
    moment = ox.Literal(
        aware(since).isoformat(),
        datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime"),
    )
    for start in range(0, len(iris), _CHUNK):
        terms = " ".join(str(ox.NamedNode(i)) for i in iris[start : start + _CHUNK])
        text = load_query("account_loaded_since").replace("#VALUES", f"VALUES ?iri {{ {terms} }}")
        for row in store.select(text, {"since": moment}):
            iri, at = row["iri"].value, row["at"].value
            found[iri] = max(found.get(iri, at), at)
    return found
