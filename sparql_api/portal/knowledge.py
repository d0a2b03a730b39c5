"""Knowledge pages: the scientific tools and tutorials of the graph, listed for people.

Tools are ``schema:SoftwareSourceCode`` / ``SoftwareApplication`` records (type ``software`` of
the search index), tutorials ``schema:LearningResource`` records (type ``tutorial``); both link
the concepts they serve by ``dcat:theme``. Their listing pages are the search page filtered by
type (so the theme facet filters them by compartment and concept); concept and compartment
pages list the ones about them through the same search (a theme filter keeps the resources of
the concept and of the concepts below it).
"""

from __future__ import annotations

from collections.abc import Callable

from werkzeug.datastructures import MultiDict

from sparql_api.web.i18n import WEB

__all__ = [
    "KNOWLEDGE_TYPES",
    "LISTING_TITLES",
    "LISTING_HINTS",
    "listing",
    "listing_kind",
    "about_concept",
]

#: the search types that are knowledge resources, in the order pages show them
KNOWLEDGE_TYPES = ("tutorial", "software")
#: the heading of the listing page of each type (also its link in the header)
LISTING_TITLES = {
    "software": WEB.mark("nav_tools"),
    "tutorial": WEB.mark("nav_tutorials"),
}
#: what the listing page of each type says it lists
LISTING_HINTS = {
    "software": WEB.mark("listing_hint_tools"),
    "tutorial": WEB.mark("listing_hint_tutorials"),
}
#: most resources of one type listed on a concept page (the rest: its listing, filtered)
SHOWN = 20


def listing(args: MultiDict) -> dict | None:
    """The heading and hint (message keys) of a search that is one of the header's listings
    (:func:`listing_kind`), else None."""
    kind = listing_kind(args)
    return None if kind is None else {"title": LISTING_TITLES[kind], "hint": LISTING_HINTS[kind]}


def listing_kind(args: MultiDict) -> str | None:
    """The knowledge type a search lists when it is one of the header's listings: exactly
    one knowledge type, no words (other filters may narrow it); else None.

    >>> listing_kind(MultiDict([("type", "tutorial"), ("theme", "oceans")]))
    'tutorial'
    >>> listing_kind(MultiDict([("type", "tutorial"), ("q", "argo")])) is None
    True
    """
    types = [t for t in args.getlist("type") if t.strip()]
    if len(types) != 1 or types[0] not in LISTING_TITLES or args.get("q", "").strip():
        return None
    return types[0]


def about_concept(
    search: Callable[[MultiDict, str], dict], slug: str, lang: str, href: Callable[[str], str]
) -> list[dict]:
    """The tutorials then the tools whose themes are the concept ``slug`` or below it: per
    type, ``{"type", "title", "count", "resources": [{"title", "description", "href"}],
    "more"}``; ``more`` is the listing filtered by the concept when not all are shown.
    ``search(args, lang)`` answers ``{"total", "hits"}``, the hits by title
    (:func:`~sparql_api.search.engine.list_hits`), ``href(iri)`` the page of a resource."""
    sections = []
    for kind in KNOWLEDGE_TYPES:
        args = [("type", kind), ("theme", slug), ("size", str(SHOWN))]
        result = search(MultiDict(args), lang)
        items = [
            {"title": h["title"], "description": h["description"], "href": href(h["iri"])}
            for h in result["hits"]
        ]
        more = result["total"] > len(items)
        sections.append(
            {
                "type": kind,
                "title": LISTING_TITLES[kind],
                "count": result["total"],
                "resources": items,
                "more": more,
            }
        )
    return sections
