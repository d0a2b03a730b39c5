"""Faceted, cross-lingual search over the index: :func:`run_search` returns the page as a dict.

The hits are ranked by BM25 over the words and matched concepts of ``q`` (see
:mod:`sparql_api.search.query`), or sorted by date (modified, else issued; newest first) or
title (in the requested language). Facet counts are **exact** and **disjunctive**: each
facet is counted under every filter except its own, so the other values of a facet stay
visible, with their counts, once one is selected. The theme facet is a tree (compartment ›
sub-domain › variable of the GAIA thesaurus) in which a resource counts once in each ancestor
of each of its concepts; the taxon facet is a tree of the taxa too (kingdom › … › species, by
``skos:broader``), a resource counting once in each taxon above its own. Every bucket carries
ready-made ``apply`` and ``remove`` URLs.
:func:`sparql_for` gives the same search as SPARQL for the store (same filters, no ranking).
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from html import escape
from urllib.parse import quote

import tantivy

from graph_loader.index import SearchIndex
from graph_loader.terms import THESAURUS_NS
from sparql_api.core.concept_index import ConceptIndex
from sparql_api.core.places import overlaps_query, within
from sparql_api.search.as_sparql import sparql_for
from sparql_api.search.params import FLAT_FACETS, SearchParams
from sparql_api.search.query import QueryPlan, plan_query
from sparql_api.web.i18n import pick_label

__all__ = ["SearchParams", "run_search", "sparql_for", "TYPE_LABELS", "filter_queries"]

TYPE_LABELS = {
    "dataset": {"en": "Dataset", "fr": "Jeu de données"},
    "service": {"en": "Data service", "fr": "Service de données"},
    "publication": {"en": "Publication", "fr": "Publication"},
    "software": {"en": "Software", "fr": "Logiciel"},
}
#: enough buckets for every value (terms aggregations are exact below their segment size)
_BUCKETS = {"size": 5000, "segment_size": 50000}
_DESCRIPTION_CHARS = 300
_Q = tantivy.Query
_F = tantivy.FieldType
_ASC, _DESC = tantivy.Order.Asc, tantivy.Order.Desc


def _range(schema, name: str, kind, low=None, high=None) -> tantivy.Query:
    return _Q.range_query(schema, name, kind, low, high)


def _bbox_query(schema, bbox) -> tantivy.Query:
    w, s, e, n = bbox
    spans = [(w, e)] if w <= e else [(w, 180.0), (-180.0, e)]
    lon = []
    for a, b in spans:
        for i in ("1", "2"):
            lon.append(
                _Q.boolean_query(
                    [
                        (tantivy.Occur.Must, _range(schema, "west" + i, _F.Float, None, b)),
                        (tantivy.Occur.Must, _range(schema, "east" + i, _F.Float, a, None)),
                    ]
                )
            )
    return _Q.boolean_query(
        [
            (tantivy.Occur.Must, _range(schema, "south", _F.Float, None, n)),
            (tantivy.Occur.Must, _range(schema, "north", _F.Float, s, None)),
            (tantivy.Occur.Must, _Q.boolean_query([(tantivy.Occur.Should, q) for q in lon])),
        ]
    )


def filter_queries(schema: tantivy.Schema, params: SearchParams) -> dict[str, tantivy.Query]:
    """One query per active filter, keyed by facet name (``theme``, ``pole``…, ``bbox``…)."""
    out: dict[str, tantivy.Query] = {}
    if params.themes:
        out["theme"] = _Q.term_set_query(schema, "concepts", list(params.themes))
    for name in FLAT_FACETS:
        if params.filters.get(name):
            out[name] = _Q.term_set_query(schema, name, list(params.filters[name]))
    if params.bbox:
        out["bbox"] = _bbox_query(schema, params.bbox)
    if params.start or params.end:
        clauses = []
        if params.end:
            clauses.append(_range(schema, "tstart", _F.Integer, None, params.end.toordinal()))
        if params.start:
            clauses.append(_range(schema, "tend", _F.Integer, params.start.toordinal(), None))
        out["time"] = _Q.boolean_query([(tantivy.Occur.Must, c) for c in clauses])
    if params.vmin is not None or params.vmax is not None:
        clauses = []
        if params.vmax is not None:
            clauses.append(_range(schema, "vmin", _F.Float, None, params.vmax))
        if params.vmin is not None:
            clauses.append(_range(schema, "vmax", _F.Float, params.vmin, None))
        out["vertical"] = _Q.boolean_query([(tantivy.Occur.Must, c) for c in clauses])
    return out


def _combine(base: tantivy.Query | None, filters: list[tantivy.Query]) -> tantivy.Query:
    clauses = [(tantivy.Occur.Must, base)] if base is not None else []
    clauses += [(tantivy.Occur.Must, f) for f in filters]
    if not clauses:
        return _Q.all_query()
    return clauses[0][1] if len(clauses) == 1 else _Q.boolean_query(clauses)


def _counts(searcher, query, fields: list[str]) -> dict[str, dict[str, int]]:
    spec = {f: {"terms": {"field": f, **_BUCKETS}} for f in fields}
    result = searcher.aggregate(query, spec)
    return {f: {b["key"]: b["doc_count"] for b in result[f]["buckets"]} for f in fields}


def _facet_passes(base, filters: dict) -> list[tuple[tantivy.Query, list[str]]]:
    """The aggregations that count every facet under every filter but its own: one for the
    facets without a selected value, one more per facet with one."""
    names = ["theme", *FLAT_FACETS]
    shared = [n for n in names if n not in filters]
    passes = [(_combine(base, list(filters.values())), shared)] if shared else []
    for name in names:
        if name in filters:
            others = [q for k, q in filters.items() if k != name]
            passes.append((_combine(base, others), [name]))
    return passes


#: threads of the searches and aggregations of one request (tantivy runs outside the
#: interpreter lock): a page's passes are spread over the cores, not run one after another
_POOL = ThreadPoolExecutor(max_workers=max(2, min(4, os.cpu_count() or 2)))


def _value_label(index: SearchIndex, facet: str, value: str, lang: str) -> str:
    if facet == "type":
        return TYPE_LABELS.get(value, {}).get(lang, value)
    label = pick_label(index.meta.get("values", {}).get(value, {}), lang)
    if label:
        return label
    tail = value.rstrip("/").rsplit("/", 1)[-1]
    if "creativecommons.org" in value:
        parts = value.rstrip("/").split("/")
        return "CC " + " ".join(p.upper() for p in parts[4:])
    return tail


def _flat_buckets(index, name: str, counts: dict[str, int], params, lang, urls) -> list[dict]:
    chosen = params.filters.get(name, ())
    values = dict(counts)
    for v in chosen:
        values.setdefault(v, 0)
    buckets = []
    for value, count in values.items():
        label = _value_label(index, name, value, lang)
        buckets.append(
            {
                "value": value,
                "label": label,
                "count": count,
                "selected": value in chosen,
                "apply": urls.url(name, value, on=True),
                "remove": urls.url(name, value, on=False),
            }
        )
    buckets.sort(key=lambda b: (-b["count"], b["label"].casefold(), b["value"]))
    return buckets


def _theme_tree(index: SearchIndex, counts: dict[str, int], params, lang, urls) -> list[dict]:
    thesaurus = index.meta.get("thesaurus", {})
    pref = index.meta.get("pref", {})
    children: dict[str | None, list[str]] = {}
    for iri, info in thesaurus.items():
        parents = [b for b in info.get("broader", []) if b in thesaurus] or [None]
        for parent in parents:
            children.setdefault(parent, []).append(iri)
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


def _taxon_tree(index: SearchIndex, counts: dict[str, int], params, lang, urls) -> list[dict]:
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
        return {
            "value": taxon,
            "label": _value_label(index, "taxon", taxon, lang),
            "count": counts.get(taxon, 0),
            "selected": taxon in chosen,
            "apply": urls.url("taxon", taxon, on=True),
            "remove": urls.url("taxon", taxon, on=False),
            "children": kids,
        }

    roots = [node(t, frozenset({t})) for t in children.get(None, [])]
    roots.sort(key=lambda n: (-n["count"], n["label"].casefold(), n["value"]))
    return roots


def _mark(text: str, ranges: list[tuple[int, int]]) -> str:
    raw, out, pos = text.encode(), [], 0
    for start, end in sorted(ranges):
        if start < pos:
            continue
        out.append(escape(raw[pos:start].decode(errors="ignore")))
        out.append("<mark>" + escape(raw[start:end].decode(errors="ignore")) + "</mark>")
        pos = end
    out.append(escape(raw[pos:].decode(errors="ignore")))
    return "".join(out)


def _highlight(searcher, schema, plan, doc, field: str, text: str, chars: int) -> str:
    if plan is None or plan.highlight is None or not text:
        return escape(text[:chars])
    # one generator per field and length for the whole page (creating one costs the most)
    generators = plan.generators
    generator = generators.get((field, chars))
    if generator is None:
        generator = tantivy.SnippetGenerator.create(searcher, plan.highlight, schema, field)
        generator.set_max_num_chars(chars)
        generators[(field, chars)] = generator
    snippet = generator.snippet_from_doc(doc)
    fragment = snippet.fragment()
    if not fragment:
        return escape(text[:chars])
    return _mark(fragment, [(r.start, r.end) for r in snippet.highlighted()])


def _pick(values: dict[str, str], lang: str) -> tuple[str, str]:
    for key in (lang, "en", "fr", "", *sorted(values)):
        if values.get(key):
            return values[key], key
    return "", lang


def _hit(index, searcher, plan: QueryPlan | None, score, address, lang) -> dict:
    doc = searcher.doc(address)
    iri = doc["iri"][0]
    payload = json.loads(doc["payload"][0])
    title, tlang = _pick(payload["title"], lang)
    desc, dlang = _pick(payload["description"], lang)
    tfield = f"title_{tlang if tlang in ('fr', 'en') else lang}"
    dfield = f"description_{dlang if dlang in ('fr', 'en') else lang}"
    why = []
    if plan is not None:
        concepts, direct = set(payload["concepts"]), set(payload["direct"])
        matched = {c.iri: c for c in plan.concepts}
        for iri_c, (origin, via) in plan.expansion.items():
            if iri_c in concepts:
                how = via if via != "concept" else "concept" if iri_c in direct else "narrower"
                found = matched[origin]
                label = pick_label(index.meta.get("pref", {}).get(iri_c, {}), lang) or found.label
                why.append({"concept": iri_c, "label": label, "lang": found.lang, "via": how})
        for place in plan.places:
            info = plan.place_info[place.iri]
            if within(payload["bbox"], info.box):
                label = pick_label(info.pref, lang) or place.label
                why.append({"place": place.iri, "label": label, "lang": place.lang, "via": "place"})
    orgs = {}
    for key in ("pole", "centre"):
        value = payload.get(key)
        orgs[key] = (
            {"iri": value, "label": _value_label(index, key, value, lang)} if value else None
        )
    return {
        "iri": iri,
        "path": iri[iri.index("/id/") :] if "/id/" in iri else iri,
        "type": payload["type"],
        "title": title,
        "description": desc,
        "highlights": {
            "title": _highlight(searcher, index.schema, plan, doc, tfield, title, 500),
            "description": _highlight(
                searcher, index.schema, plan, doc, dfield, desc, _DESCRIPTION_CHARS
            ),
        },
        **orgs,
        "bbox": payload["bbox"],
        "temporal": payload["temporal"],
        "thumbnail": payload.get("thumbnail"),
        "score": score if isinstance(score, float) else None,
        "why": why,
    }


def _run(searcher, params, lang, base, filters, offset):
    """The page (top hits and count) and the facet counts of ``base`` under ``filters``."""
    query = _combine(base, list(filters.values()))
    if params.sort == "relevance" and base is not None:
        page = _POOL.submit(searcher.search, query, params.size, count=True, offset=offset)
    elif params.sort == "title":
        key = f"title_key_{lang}"
        page = _POOL.submit(searcher.search, query, params.size, True, key, offset, _ASC)
    else:  # by date, and relevance without words (all scores equal): newest first
        page = _POOL.submit(searcher.search, query, params.size, True, "date", offset, _DESC)
    passes = [_POOL.submit(_counts, searcher, q, f) for q, f in _facet_passes(base, filters)]
    counts: dict[str, dict] = {}
    for future in passes:
        counts.update(future.result())
    return page.result(), counts


def run_search(
    index: SearchIndex,
    params: SearchParams,
    lang: str,
    *,
    concepts: ConceptIndex | None = None,
    relax: bool = True,
) -> dict:
    """One page of results with facets and links (the ``/api/search`` JSON).

    ``concepts`` (the app's :class:`ConceptIndex`) enables semantic expansion of ``q``;
    ``relax=False`` keeps every key word required whatever the number of hits (the
    assistant, which cites what it finds, asks so).
    """
    searcher = index.searcher()
    schema = index.schema
    plan = plan_query(schema, params.q, concepts, index.meta.get("matches", {}), lang)
    base = plan.query if plan is not None else None
    filters = filter_queries(schema, params)
    gazetteer = concepts.places if concepts is not None else None
    applied = [
        gazetteer.places[iri]
        for iri in params.places
        if gazetteer is not None and iri in gazetteer.places
    ]
    if params.places:
        # a place the user applied filters (an unknown one finds nothing)
        filters["place"] = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, overlaps_query(schema, p.box)) for p in applied]
        )
    offset = (params.page - 1) * params.size
    result, counts = _run(searcher, params, lang, base, filters, offset)
    relaxed = False
    if relax and plan is not None and plan.relaxed is not None and result.count < params.size:
        # few hits with every key word: any one suffices, records with more rank first
        relaxed = True
        base = plan.relaxed
        result, counts = _run(searcher, params, lang, base, filters, offset)
    hits = [_hit(index, searcher, plan, s, a, lang) for s, a in result.hits]
    urls = params.toggle_urls()
    facets = {"themes": _theme_tree(index, counts["theme"], params, lang, urls)}
    for name in FLAT_FACETS:
        if name == "taxon":
            facets[name] = _taxon_tree(index, counts[name], params, lang, urls)
        else:
            facets[name] = _flat_buckets(index, name, counts[name], params, lang, urls)
    total = result.count
    last = min(total, 10_000)
    links = {
        "self": params.url(),
        "next": _page(params, 1).url() if offset + params.size < last else None,
        "prev": _page(params, -1).url() if params.page > 1 else None,
        "sparql": "/editor?query=" + quote(sparql_for(params), safe=""),
    }
    return {
        "q": params.q,
        "lang": lang,
        "total": total,
        "page": params.page,
        "size": params.size,
        "sort": params.sort,
        "relaxed": relaxed,
        "optional_words": (
            [*(plan.key if relaxed else ()), *plan.optional] if plan is not None else []
        ),
        "hits": hits,
        "facets": facets,
        "concepts": [
            {
                "iri": c.iri,
                "label": pick_label(index.meta.get("pref", {}).get(c.iri, {}), lang) or c.label,
                "matched": c.label,
                "lang": c.lang or None,
                "aligned": [
                    i for i, (o, v) in plan.expansion.items() if o == c.iri and v == "aligned"
                ],
            }
            for c in (plan.concepts if plan else [])
        ],
        "places": _places(plan, applied, params, lang),
        "links": links,
    }


def _places(plan: QueryPlan | None, applied: list, params: SearchParams, lang: str) -> list:
    """The places named by the words and those applied as filters, each with the URL that
    applies it as a filter or removes it (a chip)."""
    out = []
    named = {p.iri: p for p in (plan.places if plan else [])}
    infos = {**(plan.place_info if plan else {}), **{p.iri: p for p in applied}}
    for iri, info in infos.items():
        match = named.get(iri)
        selected = iri in params.places
        others = tuple(v for v in params.places if v != iri)
        out.append(
            {
                "iri": iri,
                "label": pick_label(info.pref, lang) or (match.label if match else iri),
                "matched": match.label if match else None,
                "lang": (match.lang or None) if match else None,
                "bbox": list(info.box),
                "selected": selected,
                "apply": replace(params, places=(*others, iri), page=1).url(),
                "remove": replace(params, places=others, page=1).url(),
            }
        )
    return out


def _page(params: SearchParams, step: int) -> SearchParams:
    return replace(params, page=params.page + step)
