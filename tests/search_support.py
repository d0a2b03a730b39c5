"""Shared by tests/test_search_*.py: the demo catalogue plus edge-case records in one store,
its search index, and the SPARQL ground truth of a search (resources and facet counts)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

from concept_support import BASE_IRI, demo_store

from graph_loader.index import SearchIndex, rebuild
from graph_loader.pipeline import load_paths
from graph_loader.store import EmbeddedStore
from sparql_api.search.engine import SearchParams, run_search, sparql_for

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "search"
DATASET = BASE_IRI + "id/dataset/"
CORAL = DATASET + "test-coral-heat-stress"  # English only, bbox across the antimeridian
SNOW = DATASET + "test-enneigement-chartreuse"  # French only, ongoing
FACETS = ("theme", "pole", "centre", "type", "format", "licence", "platform", "instrument", "taxon")


def search_store() -> EmbeddedStore:
    """The demo catalogue and the edge-case records of tests/fixtures/search, in memory."""
    store = demo_store()
    report = load_paths(store, sorted(FIXTURES.glob("*.ttl")), base_iri=BASE_IRI)
    assert {o.status for o in report.outcomes} == {"loaded"}, report.outcomes
    return store


def memory_index(store: EmbeddedStore) -> SearchIndex:
    """A search index of ``store``, in memory."""
    index = SearchIndex.open(None)
    rebuild(index, store, threads=1)
    return index


def all_hits(index, args: dict, concepts=None) -> list[str]:
    """The IRIs of every hit of a search, page after page."""
    found, page = [], 1
    while True:
        params = SearchParams.from_args({**args, "size": "100", "page": str(page)})
        result = run_search(index, params, "en", concepts=concepts)
        found += [h["iri"] for h in result["hits"]]
        if result["links"]["next"] is None:
            return found
        page += 1


def sparql_resources(store, params: SearchParams) -> dict[str, str]:
    """Resource -> kind, as the SPARQL equivalent of ``params`` finds them on the store."""
    return {row["r"].value: row["kind"].value for row in store.select(sparql_for(params))}


def facet_rows(store) -> dict[str, dict[str, set[str]]]:
    """facet -> resource -> values, from the ground-truth query."""
    rows: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in store.select((FIXTURES / "facet-values.rq").read_text("utf-8")):
        rows[row["facet"].value][row["r"].value].add(row["value"].value)
    return rows


def expected_counts(store, params: SearchParams, text_hits: set[str] | None) -> dict:
    """facet -> value -> count, each facet under every filter but its own (disjunctive),
    computed from SPARQL: the resources of ``sparql_for`` (intersected with ``text_hits``
    when the search has words) and the ground-truth facet values."""
    rows = facet_rows(store)
    out = {}
    filters_only = replace(params, q="")  # the words are matched by the index (text_hits)
    for facet in FACETS:
        found = sparql_resources(store, filters_only.without(facet))
        if text_hits is not None:
            found = {r: k for r, k in found.items() if r in text_hits}
        if facet == "type":
            out[facet] = dict(Counter(found.values()))
            continue
        counts: Counter = Counter()
        for r in found:
            counts.update(rows[facet].get(r, ()))
        out[facet] = dict(counts)
    return out


def flat_tree(nodes: list[dict], key: str = "iri") -> dict[str, int]:
    """concept (or taxon, ``key="value"``) -> count, over every node of a facet tree."""
    out: dict[str, int] = {}
    for node in nodes:
        out[node[key]] = node["count"]
        out.update(flat_tree(node["children"], key))
    return out


def index_counts(result: dict) -> dict:
    """facet -> value -> count as /api/search reports them (zero-count selections left out)."""
    out = {"theme": {k: v for k, v in flat_tree(result["facets"]["themes"]).items() if v}}
    for facet in FACETS[1:]:
        if facet == "taxon":  # a tree of taxa
            found = flat_tree(result["facets"][facet], "value")
            out[facet] = {k: v for k, v in found.items() if v}
            continue
        out[facet] = {b["value"]: b["count"] for b in result["facets"][facet] if b["count"]}
    return out
