"""Facets of a collection page: its resources counted by kind, data hub and data centre,
each bucket with ready-made apply/remove links, and the members kept by the chosen values
(OR within a facet, AND across). Plain functions over :class:`.export.Member` lists.

>>> from .export import Member
>>> found = [Member("https://x/id/dataset/a", "/id/dataset/a", None)]
>>> page = collection_facets(found, {}, "/collections/1")
>>> [(b["value"], b["count"], b["href"]) for b in page["facets"][0]["buckets"]]
[('dataset', 1, '/collections/1?kind=dataset')]
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from sparql_api.accounts.export import Member

__all__ = ["FACETS", "collection_facets"]

#: facet name -> (what it reads of a member's dataset extras)
FACETS = ("kind", "pole", "centre")


def _values(member: Member, facet: str) -> list[tuple[str, str]]:
    """(value, label) pairs of ``member`` for ``facet``."""
    if facet == "kind":
        kind = (member.path or "").split("/")[2] if member.path else "other"
        return [(kind, kind)]
    extras = member.extras or {}
    return [(x["iri"], x["label"]["text"]) for x in extras.get(facet + "s", [])]


def _href(path: str, chosen: dict[str, list[str]]) -> str:
    pairs = [(name, v) for name in FACETS for v in chosen.get(name, [])]
    return path + ("?" + urlencode(pairs) if pairs else "")


def collection_facets(members: list[Member], args: Mapping[str, list[str]], path: str) -> dict:
    """``{members, facets: [{name, buckets: [{value, label, count, selected, href}]}]}``."""
    chosen = {name: [v for v in args.get(name, []) if v] for name in FACETS}

    def keeps(member: Member, skip: str | None = None) -> bool:
        return all(
            not chosen[name] or {v for v, _ in _values(member, name)} & set(chosen[name])
            for name in FACETS
            if name != skip
        )

    facets = []
    for name in FACETS:
        counts: dict[str, list] = {}
        for member in (m for m in members if keeps(m, skip=name)):
            for value, label in _values(member, name):
                counts.setdefault(value, [label, 0])[1] += 1
        buckets = []
        for value, (label, count) in sorted(counts.items(), key=lambda kv: (-kv[1][1], kv[1][0])):
            selected = value in chosen[name]
            toggled = dict(chosen)
            toggled[name] = (
                [v for v in chosen[name] if v != value]
                if selected
                else [
                    *chosen[name],
                    value,
                ]
            )
            buckets.append(
                {
                    "value": value,
                    "label": label,
                    "count": count,
                    "selected": selected,
                    "href": _href(path, toggled),
                }
            )
        if buckets:
            facets.append({"name": name, "buckets": buckets})
    return {"members": [m for m in members if keeps(m)], "facets": facets}
