"""Faceted, cross-lingual search over the index: :func:`run_search` returns the page as a dict.

A search is planned (the words and named concepts and places of ``q``:
:mod:`sparql_api.search.query`), executed under its filters (:mod:`sparql_api.search.filters`),
its facets counted (:mod:`sparql_api.search.facets`) and its page made (hits:
:mod:`sparql_api.search.hits`, links, chips). The hits are ranked by BM25 over the words and
matched concepts of ``q``, or sorted by date (modified, else issued; newest first) or title
(in the requested language). :func:`sparql_for` gives the same search as SPARQL for the store
(same filters, no ranking).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from urllib.parse import quote

import tantivy

from graph_loader.index import SearchIndex
from sparql_api.core.concept_index import ConceptIndex, Place
from sparql_api.search.as_sparql import sparql_for
from sparql_api.search.facets import (
    FACETS,
    count_facets,
    count_values,
    facet_buckets,
    facet_filter_text,
    facet_passes,
)
from sparql_api.search.filters import applied_places, combine, filter_queries
from sparql_api.search.hits import hit
from sparql_api.search.params import MAX_RESULTS, SearchParams
from sparql_api.search.query import QueryPlan, plan_query
from sparql_api.web.i18n import WEB, pick_label

__all__ = ["SearchParams", "run_search", "list_hits", "sparql_for"]

_ASC, _DESC = tantivy.Order.Asc, tantivy.Order.Desc
#: threads of the searches and aggregations of one request (tantivy runs outside the
#: interpreter lock): a page's passes are spread over the cores, not run one after another
_POOL = ThreadPoolExecutor(max_workers=max(2, min(4, os.cpu_count() or 2)))


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
    plan = plan_query(index.schema, params.q, concepts, index.meta.get("matches", {}), lang)
    applied = applied_places(concepts, params)
    filters = filter_queries(index.schema, params, applied)
    # a page beyond the last reachable one is served empty (its count, facets and a way back)
    beyond = params.page > params.last_page
    offset = 0 if beyond else (params.page - 1) * params.size
    base = plan.query if plan is not None else None
    counted = plan.matching if plan is not None else None
    result, counts = _run(searcher, params, lang, (base, counted), filters, offset)
    relaxed = False
    if relax and plan is not None and plan.relaxed is not None and result.count < params.size:
        # few hits with every key word: any one suffices, records with more rank first
        relaxed = True
        loose = (plan.relaxed, plan.relaxed_matching)
        result, counts = _run(searcher, params, lang, loose, filters, offset)
    answer = {
        "q": params.q,
        "lang": lang,
        "total": result.count,
        "page": params.page,
        "size": params.size,
        "sort": params.sort,
        "relaxed": relaxed,
        "optional_words": (
            [*(plan.key if relaxed else ()), *plan.optional] if plan is not None else []
        ),
        "hits": [] if beyond else [hit(index, searcher, plan, s, a, lang) for s, a in result.hits],
        "facets": facet_buckets(index, counts, params, lang),
        "concepts": _concepts(index, plan, lang),
        "places": _places(plan, applied, params, lang),
        "links": _links(params, offset, result.count),
    }
    if beyond:
        last = params.last_page
        answer["beyond"] = {
            "last": last,
            "message": WEB.text("search_page_beyond", lang, page=params.page, last=last),
        }
        answer["links"].update(next=None, prev=replace(params, page=last).url())
    return answer


def list_hits(index: SearchIndex, params: SearchParams, lang: str) -> dict:
    """The first ``params.size`` hits by title and the total of a search's filters, words
    left out, without facets or links: a short list on a page (``{"total", "hits"}``)."""
    searcher = index.searcher()
    filters = filter_queries(index.schema, params, [])
    query = combine(None, list(filters.values()))
    result = searcher.search(query, params.size, True, f"title_key_{lang}", 0, _ASC)
    return {
        "total": result.count,
        "hits": [hit(index, searcher, None, s, a, lang) for s, a in result.hits],
    }


def _run(searcher, params, lang, text, filters, offset):
    """The page (top hits and count) and the facet counts of ``text`` under ``filters``:
    ``(query, matching)``, the ranked query of the page and the query counted for the facets
    (the same records, none of the clauses that only rank)."""
    base, counted = text
    query = combine(base, list(filters.values()))
    if params.sort == "relevance" and base is not None:
        page = _POOL.submit(searcher.search, query, params.size, count=True, offset=offset)
    elif params.sort == "title":
        key = f"title_key_{lang}"
        page = _POOL.submit(searcher.search, query, params.size, True, key, offset, _ASC)
    else:  # by date, and relevance without words (all scores equal): newest first
        page = _POOL.submit(searcher.search, query, params.size, True, "date", offset, _DESC)
    counted = counted if counted is not None else base
    selected = {name: facet_filter_text(name, _values(params, name)) for name in FACETS}
    selected = {name: text for name, text in selected.items() if name in filters}
    if all(text is not None for text in selected.values()):  # one pass for every facet
        others = [q for name, q in filters.items() if name not in selected]
        counts = _POOL.submit(count_facets, searcher, combine(counted, others), selected)
        return page.result(), counts.result()
    passes = facet_passes(counted, filters)
    passes = [_POOL.submit(count_values, searcher, q, f) for q, f in passes]
    found: dict[str, dict] = {}
    for future in passes:
        found.update(future.result())
    return page.result(), found


def _values(params: SearchParams, facet: str) -> list[str]:
    return list(params.themes) if facet == "theme" else list(params.filters.get(facet, ()))


def _links(params: SearchParams, offset: int, total: int) -> dict:
    """This page, the next and previous ones, and the same search in the SPARQL editor."""
    last = min(total, MAX_RESULTS)
    return {
        "self": params.url(),
        "next": _page(params, 1).url() if offset + params.size < last else None,
        "prev": _page(params, -1).url() if params.page > 1 else None,
        "sparql": "/editor?query=" + quote(sparql_for(params), safe=""),
    }


def _concepts(index: SearchIndex, plan: QueryPlan | None, lang: str) -> list[dict]:
    """The concepts named by the words, each with the concepts aligned with it."""
    return [
        {
            "iri": c.iri,
            "label": pick_label(index.meta.get("pref", {}).get(c.iri, {}), lang) or c.label,
            "matched": c.label,
            "lang": c.lang or None,
            "aligned": [i for i, (o, v) in plan.expansion.items() if o == c.iri and v == "aligned"],
        }
        for c in (plan.concepts if plan else [])
    ]


def _places(plan: QueryPlan | None, applied: list[Place], params: SearchParams, lang: str) -> list:
    """The places named by the words and those applied as filters, each with the URL that
    applies it as a filter or removes it (a chip)."""
    out = []
    named = {p.iri: p for p in (plan.places if plan else [])}
    infos = {**(plan.place_info if plan else {}), **{p.iri: p for p in applied}}
    for iri, info in infos.items():
        match = named.get(iri)
        others = tuple(v for v in params.places if v != iri)
        out.append(
            {
                "iri": iri,
                "label": pick_label(info.pref, lang) or (match.label if match else iri),
                "matched": match.label if match else None,
                "lang": (match.lang or None) if match else None,
                "bbox": list(info.box),
                "selected": iri in params.places,
                "apply": replace(params, places=(*others, iri), page=1).url(),
                "remove": replace(params, places=others, page=1).url(),
            }
        )
    return out


def _page(params: SearchParams, step: int) -> SearchParams:
    return replace(params, page=params.page + step)
