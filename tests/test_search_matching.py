"""The query a search counts its facets over (``QueryPlan.matching``: no score, labels the
query's own words already find left out, unions flattened) finds exactly the records of the
ranked query, for every query of the relevance set on the demo catalogue, strict and relaxed.
A label left out that found a record of its own, or a clause lost in the flattening, makes
the facet counts disagree with the hits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import tantivy
from concept_support import demo_store
from search_support import memory_index

from sparql_api.core.concept_index import build_concept_index
from sparql_api.search.query import plan_query

QUERIES = json.loads(
    (Path(__file__).resolve().parent / "relevance" / "queries.json").read_text("utf-8")
)["queries"]
#: more wordings: places, stop words inside concept names, generic words, typos, one word
EXTRA = [
    ("glace de mer en Arctique", "fr"),
    ("sea ice extent in the Arctic ocean", "en"),
    ("données de température de surface de la mer", "fr"),
    ("ozone", "en"),
    ("vent", "fr"),
    ("winds", "en"),
    ("précipitations Réunion", "fr"),
    ("temperture", "en"),
    ("qui distribue les données sismologiques ?", "fr"),
    ("couverture neigeuse des Alpes", "fr"),
]


@pytest.fixture(scope="module")
def engine():
    store = demo_store()
    index = memory_index(store)
    return index, build_concept_index(store)


def _found(searcher, query: tantivy.Query) -> set[tuple[int, int]]:
    hits = searcher.search(query, max(1, searcher.num_docs)).hits
    return {(address.segment_ord, address.doc) for _score, address in hits}


def test_matching_finds_what_the_ranked_query_finds(engine):
    index, concepts = engine
    searcher = index.searcher()
    matches = index.meta.get("matches", {})
    checked, differ = 0, []
    for q, lang in [(x["q"], x["lang"]) for x in QUERIES] + EXTRA:
        plan = plan_query(index.schema, q, concepts, matches, lang)
        if plan is None:
            continue
        pairs = [(plan.query, plan.matching, "strict")]
        if plan.relaxed is not None:
            pairs.append((plan.relaxed, plan.relaxed_matching, "relaxed"))
        for ranked, matching, kind in pairs:
            ranked_docs, matching_docs = _found(searcher, ranked), _found(searcher, matching)
            checked += 1
            if ranked_docs != matching_docs:
                differ.append((q, kind, len(ranked_docs), len(matching_docs)))
    assert differ == []
    assert checked > len(QUERIES)  # every query planned, the relaxed ones twice
