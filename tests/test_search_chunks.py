"""A rebuild streams the store a chunk of resources at a time: with chunks of a few resources
it makes the same documents, and the index answers the same searches, as in one chunk."""

from __future__ import annotations

import pytest
import tantivy
from search_support import FACETS, SNOW, index_counts, search_store

from graph_loader.index import SearchIndex, rebuild
from graph_loader.index.documents import make_document
from graph_loader.index.resources import read_resources
from graph_loader.index.scan import CHUNK, scan_store
from graph_loader.index.vocabularies import facet_values, read_vocabularies
from sparql_api.core.concept_index import build_concept_index
from sparql_api.search.engine import SearchParams, run_search

#: searches of every kind: words, facets, a box across the antimeridian, dates, altitudes
SEARCHES = [
    {},
    {"q": "ozone"},
    {"q": "température", "pole": "aeris"},
    {"theme": ["ozone", "dust"], "pole": "aeris"},
    {"bbox": "170,-30,-170,0"},
    {"start": "2010-01-01", "end": "2012-12-31"},
    {"vmin": "-100", "vmax": "0"},
    {"type": ["dataset", "service"], "sort": "title"},
    {"q": "enneigement"},
]


@pytest.fixture(scope="module")
def store():
    return search_store()


def _documents(resources: dict[str, dict], vocab) -> dict[str, dict]:
    return {iri: make_document(res, vocab).to_dict() for iri, res in resources.items()}


def test_chunks_of_three_give_every_resource_once_in_order_with_the_same_documents(store):
    one_by_one = read_resources(store, sorted(read_resources(store)))  # four queries each
    vocab = read_vocabularies(store, facet_values(one_by_one.values()))
    with scan_store(store, threads=2, chunk=3) as scan:
        assert scan.values == facet_values(one_by_one.values())
        chunks = list(scan.chunks())
    assert [len(c) for c in chunks] == [3] * (len(one_by_one) // 3) + [len(one_by_one) % 3]
    iris = [iri for chunk in chunks for iri in chunk]
    assert iris == sorted(one_by_one)
    chunked = {iri: res for chunk in chunks for iri, res in chunk.items()}
    assert _documents(chunked, vocab) == _documents(one_by_one, vocab)  # field by field


def _answers(index: SearchIndex, concepts) -> list:
    out = []
    for args in SEARCHES:
        result = run_search(
            index, SearchParams.from_args({**args, "size": "100"}), "en", concepts=concepts
        )
        out.append(([h["iri"] for h in result["hits"]], result["total"], index_counts(result)))
    return out


def test_an_index_built_in_chunks_of_one_answers_as_one_built_at_once(store):
    whole, chunked = SearchIndex.open(None), SearchIndex.open(None)
    # one writer thread: with two, hits of equal score come in either thread's order
    # the demo's 236 resources (as tests/test_search_index.py counts them, tutorials included)
    assert rebuild(whole, store, chunk=CHUNK, threads=1).documents == 236
    assert rebuild(chunked, store, chunk=1, threads=1).documents == 236
    assert _stored(chunked) == _stored(whole)  # every stored field of every document
    concepts = build_concept_index(store)
    answers = _answers(chunked, concepts)
    assert answers == _answers(whole, concepts)
    assert SNOW in answers[-1][0] and set(answers[0][2]) == set(FACETS)
    meta = {k: v for k, v in chunked.meta.items() if k != "built"}
    assert meta == {k: v for k, v in whole.meta.items() if k != "built"}


def _stored(index: SearchIndex) -> dict[str, dict]:
    searcher = index.searcher()
    hits = searcher.search(tantivy.Query.all_query(), 1000).hits
    docs = [searcher.doc(address).to_dict() for _score, address in hits]
    return {doc["iri"][0]: doc for doc in docs}
