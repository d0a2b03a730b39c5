"""The facets of a search page: exact, disjunctive counts, as buckets and trees.

Facet counts are **exact** and **disjunctive**: each facet is counted under every filter
except its own, so the other values of a facet stay visible, with their counts, once one is
selected. The theme facet is a tree (compartment › sub-domain › variable of the GAIA
thesaurus) in which a resource counts once in each ancestor of each of its concepts; the
taxon facet is a tree of the taxa too (kingdom › … › species, by ``skos:broader``), a
resource counting once in each taxon above its own. Every bucket carries ready-made
``apply`` and ``remove`` URLs.
"""

from __future__ import annotations

import tantivy

from graph_loader.index import SearchIndex
from graph_loader.terms import THESAURUS_NS
from sparql_api.search.filters import combine
from sparql_api.search.params import FLAT_FACETS, SearchParams, ToggleUrls
from sparql_api.web.i18n import pick_label
from sparql_api.web.labels import LABELS

__all__ = [
    "TYPE_LABELS",
    "FACETS",
    "facet_filter_text",
    "count_facets",
    "facet_passes",
    "count_values",
    "value_label",
    "facet_buckets",
]

#: the key in :data:`LABELS` of the name of each resource type
TYPE_LABELS = {
    "dataset": LABELS.mark("type.dataset"),
    "service": LABELS.mark("type.service"),
    "publication": LABELS.mark("type.publication"),
    "software": LABELS.mark("type.software"),
    "tutorial": LABELS.mark("type.tutorial"),
}
#: enough buckets for every value (terms aggregations are exact below their segment size)
_BUCKETS = {"size": 5000, "segment_size": 50000}


def count_values(searcher, query, fields: list[str]) -> dict[str, dict[str, int]]:
    """The records of ``query`` counted per value of each of ``fields``."""
    spec = {f: {"terms": {"field": f, **_BUCKETS}} for f in fields}
    result = searcher.aggregate(query, spec)
    return {f: {b["key"]: b["doc_count"] for b in result[f]["buckets"]} for f in fields}


#: the facets, in the order they are counted
FACETS = ("theme", *FLAT_FACETS)
#: the indexed field each facet filters on (the theme facet: every concept of a record)
FILTER_FIELDS = {"theme": "concepts", **{name: name for name in FLAT_FACETS}}


def facet_filter_text(facet: str, values: list[str]) -> str | None:
    """The filter of ``facet`` in tantivy's query language (any of ``values``), for a filter
    aggregation; None when a value cannot be written there (a quote or a backslash, which
    no IRI holds).

    >>> facet_filter_text("pole", ["https://w3id.org/gaia-kg/org/aeris", "x"])
    '(pole:"https://w3id.org/gaia-kg/org/aeris" OR pole:"x")'
    >>> facet_filter_text("format", ['a"b']) is None
    True
    """
    if not values or any('"' in v or "\\" in v for v in values):
        return None
    field = FILTER_FIELDS[facet]
    return "(" + " OR ".join(f'{field}:"{v}"' for v in values) + ")"


def count_facets(searcher, base, selected: dict[str, str]) -> dict[str, dict[str, int]]:
    """Every facet of the records of ``base`` counted, in one pass, under the selected facet
    filters but its own: ``selected`` maps each facet with a selected value to its filter
    (:func:`facet_filter_text`); ``base`` holds the search's other filters.

    The words and the box and time filters, the costly part of a search, are read once:
    the passes of :func:`facet_passes` each read them again (at 100k records a search with
    one or two facets selected spent more time there than in the counting itself). Each
    facet with a selected value is counted in a filter aggregation of the other facets'
    filters, the others in one of them all; the counts are those of the passes.
    """

    def terms(field: str) -> dict:
        return {"terms": {"field": field, **_BUCKETS}}

    def under(name: str, texts: list[str], fields: list[str]) -> dict:
        if not texts:  # no other filter: counted over the records of ``base``
            return {f: terms(f) for f in fields}
        return {name: {"filter": " AND ".join(texts), "aggs": {f: terms(f) for f in fields}}}

    spec: dict = {}
    shared = [f for f in FACETS if f not in selected]
    if shared:
        spec.update(under("shared", list(selected.values()), shared))
    for facet in selected:
        others = [text for name, text in selected.items() if name != facet]
        spec.update(under("own:" + facet, others, [facet]))
    result = searcher.aggregate(base if base is not None else tantivy.Query.all_query(), spec)
    counts: dict[str, dict[str, int]] = {}
    for key, agg in result.items():
        found = {key: agg} if "buckets" in agg else agg  # a filter's: doc_count and its aggs
        for field, sub in found.items():
            if isinstance(sub, dict) and "buckets" in sub:
                counts[field] = {b["key"]: b["doc_count"] for b in sub["buckets"]}
    return counts


def facet_passes(base, filters: dict) -> list[tuple[tantivy.Query, list[str]]]:
    """The aggregations that count every facet under every filter but its own: one for the
    facets without a selected value, one more per facet with one."""
    shared = [n for n in FACETS if n not in filters]
    passes = [(combine(base, list(filters.values())), shared)] if shared else []
    for name in FACETS:
        if name in filters:
            others = [q for k, q in filters.items() if k != name]
            passes.append((combine(base, others), [name]))
    return passes


def value_label(index: SearchIndex, facet: str, value: str, lang: str) -> str:
    """The label of a facet value in ``lang`` (a type's name, a concept's or organisation's
    label, a Creative Commons licence's short name, else the IRI's last segment)."""
    if facet == "type":
        return LABELS.text(TYPE_LABELS[value], lang) if value in TYPE_LABELS else value
    label = pick_label(index.meta.get("values", {}).get(value, {}), lang)
    if label:
        return label
    tail = value.rstrip("/").rsplit("/", 1)[-1]
    if "creativecommons.org" in value:
        parts = value.rstrip("/").split("/")
        return "CC " + " ".join(p.upper() for p in parts[4:])
    return tail


def facet_buckets(
    index: SearchIndex, counts: dict[str, dict[str, int]], params: SearchParams, lang: str
) -> dict[str, list[dict]]:
    """The ``facets`` of a page: the theme tree, the taxon tree and the flat facets."""
    urls = params.toggle_urls()
    facets = {"themes": _theme_tree(index, counts["theme"], params, lang, urls)}
    for name in FLAT_FACETS:
        if name == "taxon":
            facets[name] = _taxon_tree(index, counts[name], params, lang, urls)
        else:
            facets[name] = _flat_buckets(index, name, counts[name], params, lang, urls)
    return facets


def _bucket(facet: str, value: str, label: str, count: int, selected: bool, urls) -> dict:
    return {
        "value": value,
        "label": label,
        "count": count,
        "selected": selected,
        "apply": urls.url(facet, value, on=True),
        "remove": urls.url(facet, value, on=False),
    }


def _flat_buckets(index, name: str, counts: dict[str, int], params, lang, urls) -> list[dict]:
    chosen = params.filters.get(name, ())
    values = dict(counts)
    for v in chosen:
        values.setdefault(v, 0)
    buckets = [
        _bucket(name, value, value_label(index, name, value, lang), count, value in chosen, urls)
        for value, count in values.items()
    ]
    buckets.sort(key=lambda b: (-b["count"], b["label"].casefold(), b["value"]))
    return buckets


#: the thesaurus of the index last read and its concepts under each (None: the top ones)
_TREE: tuple[dict, dict[str | None, list[str]]] = ({}, {})


def _children(thesaurus: dict) -> dict[str | None, list[str]]:
    """The concepts under each concept of ``thesaurus`` (None: the top ones), made once per
    thesaurus read (the index's, until it changes)."""
    global _TREE
    known, children = _TREE
    if known is thesaurus:
        return children
    children = {}
    for iri, info in thesaurus.items():
        parents = [b for b in info.get("broader", []) if b in thesaurus] or [None]
        for parent in parents:
            children.setdefault(parent, []).append(iri)
    _TREE = (thesaurus, children)
    return children


def _theme_tree(
    index: SearchIndex, counts: dict[str, int], params, lang, urls: ToggleUrls
) -> list[dict]:
    pref = index.meta.get("pref", {})
    children = _children(index.meta.get("thesaurus", {}))
    chosen = set(params.themes)

    def node(iri: str, trail: frozenset) -> dict | None:
        kids = [
            n
            for c in children.get(iri, [])
            if c not in trail and (n := node(c, trail | {c})) is not None
        ]
        count = counts.get(iri, 0)
        if not count and iri not in chosen and not kids:
            return None
        kids.sort(key=lambda n: (-n["count"], n["label"].casefold()))
        return {
            "iri": iri,
            "id": iri.removeprefix(THESAURUS_NS),
            "label": pick_label(pref.get(iri, {}), lang) or iri,
            "count": count,
            "selected": iri in chosen,
            "apply": urls.url("theme", iri, on=True),
            "remove": urls.url("theme", iri, on=False),
            "children": kids,
        }

    roots = [n for r in children.get(None, []) if (n := node(r, frozenset({r}))) is not None]
    roots.sort(key=lambda n: (-n["count"], n["label"].casefold()))
    return roots


def _taxon_tree(
    index: SearchIndex, counts: dict[str, int], params, lang, urls: ToggleUrls
) -> list[dict]:
    """The taxa counted (and those selected) as a tree: each node a flat bucket of the taxon
    with its ``children``; the roots are the taxa with no broader one counted or selected."""
    taxa = index.meta.get("taxa", {})
    chosen = params.filters.get("taxon", ())
    shown = {t for t, n in counts.items() if n} | set(chosen)
    children: dict[str | None, list[str]] = {}
    for taxon in shown:
        parents = [b for b in taxa.get(taxon, {}).get("broader", []) if b in shown] or [None]
        for parent in parents:
            children.setdefault(parent, []).append(taxon)

    def node(taxon: str, trail: frozenset) -> dict:
        kids = [node(c, trail | {c}) for c in children.get(taxon, []) if c not in trail]
        kids.sort(key=lambda n: (-n["count"], n["label"].casefold(), n["value"]))
        label = value_label(index, "taxon", taxon, lang)
        bucket = _bucket("taxon", taxon, label, counts.get(taxon, 0), taxon in chosen, urls)
        return {**bucket, "children": kids}

    roots = [node(t, frozenset({t})) for t in children.get(None, [])]
    roots.sort(key=lambda n: (-n["count"], n["label"].casefold(), n["value"]))
    return roots
