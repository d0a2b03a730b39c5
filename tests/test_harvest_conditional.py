"""Conditional requests: a harvest keeps the pages it fetched (hishel, in a SQLite file) and
asks for them again with If-None-Match / If-Modified-Since; a page the server answers 304 Not
Modified gives its records unchanged, neither converted nor written nor withdrawn.

The catalogues are real HTTP servers on 127.0.0.1 that honour conditional requests
(``Conditional``): what they answered is read from their own log.
"""

from __future__ import annotations

import httpx
import pytest
from fixture_server import serve
from helpers import BASE, fresh_store, harvest_counts, statuses
from source_catalogues import (
    DEMO,
    MINIMAL,
    Conditional,
    CSWCatalogue,
    DCATCatalogue,
    OAICatalogue,
    OAIRecord,
    iso_records,
)

from graph_loader.harvest import harvest
from graph_loader.harvest.config import SourceConfig
from graph_loader.sources.http import cached_transport

MINIMAL_XML = [xml for _, xml in iso_records(MINIMAL)]


@pytest.fixture
def store():
    return fresh_store()


def record_quads(store) -> set[bytes]:
    """Every quad of the record graphs (the runs graph changes at each harvest)."""
    return {line for line in store.dump().splitlines() if b"/graph/record/" in line}


def run(store, config, cache):
    """A harvest through a client keeping its pages in the file ``cache``."""
    with httpx.Client(timeout=5.0, trust_env=False, transport=cached_transport(cache)) as http:
        return harvest(store, config, client=http, base_iri=BASE, backoff=0, jobs=1)


def csw_get(url: str) -> SourceConfig:
    options = {"url": f"{url}/csw", "page_size": 2, "method": "GET"}
    return SourceConfig("csw", "csw", options, language="fr")


def oai(url: str) -> SourceConfig:
    return SourceConfig("oai", "oai-pmh", {"url": f"{url}/oai", "metadata_prefix": "oai_dc"})


def dcat(url: str) -> SourceConfig:
    return SourceConfig("dcat", "dcat", {"url": f"{url}/dcat/page/1"})


def _dc(identifier: str, title: str) -> str:
    return (
        '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{title}</dc:title><dc:identifier>https://doi.org/10.1234/{identifier}"
        "</dc:identifier><dc:description>A record harvested conditionally.</dc:description>"
        "<dc:date>2026-01-01</dc:date><dc:type>Dataset</dc:type></oai_dc:dc>"
    )


OAI_RECORDS = [
    OAIRecord(f"oai:test:{i}", "2026-01-01", _dc(f"r{i}", f"Record {i}")) for i in range(7)
]
CASES = {
    "csw": (lambda: CSWCatalogue(list(MINIMAL_XML)), csw_get),
    "oai-pmh": (lambda: OAICatalogue(list(OAI_RECORDS)), oai),
    "dcat": (lambda: DCATCatalogue(DEMO), dcat),
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_a_second_harvest_gets_304_for_every_page_and_changes_nothing(store, tmp_path, kind):
    make, configure = CASES[kind]
    catalogue = make()
    cache = tmp_path / "http.sqlite"
    with serve(Conditional(catalogue)) as server:
        catalogue.base = server.url
        config = configure(server.url)
        first = run(store, config, cache)
        pages = len(server.statuses)
        before = record_quads(store)
        second = run(store, config, cache)
        again = server.statuses[pages:]
        conditional = [
            "if-none-match" in r.headers and "if-modified-since" in r.headers
            for r in server.requests[pages:]
        ]
    assert first.complete and first.count("rejected") == 0 and first.count("loaded") > 0
    assert server.statuses[:pages] == [200] * pages and pages > 1
    assert again == [304] * pages
    assert conditional == [True] * pages
    assert second.complete
    assert harvest_counts(second) == statuses(unchanged=first.count("loaded"))
    assert second.triples_written == 0
    assert record_quads(store) == before


def test_a_changed_page_is_fetched_whole_and_only_its_record_is_updated(store, tmp_path):
    catalogue = CSWCatalogue(list(MINIMAL_XML))
    cache = tmp_path / "http.sqlite"
    with serve(Conditional(catalogue)) as server:
        first = run(store, csw_get(server.url), cache)
        pages = len(server.statuses)
        # the third record, on page 2 of 3, gets a new title and dateStamp
        old = catalogue.records[2]
        catalogue.records[2] = old.replace("2026-01-03", "2026-02-03").replace(
            "Relevé minimal c", "Relevé minimal c, revu"
        )
        second = run(store, csw_get(server.url), cache)
    assert catalogue.records[2].count("2026-02-03") == 1 and "revu" in catalogue.records[2]
    assert first.count("loaded") == 5
    assert server.statuses[pages:] == [304, 200, 304]
    assert harvest_counts(second) == statuses(unchanged=4, updated=1)
    assert [r.identifier for r in second.results if r.status == "updated"] == ["minimal-c"]


def test_without_a_cache_nothing_is_asked_conditionally(store):
    catalogue = CSWCatalogue(list(MINIMAL_XML))
    with serve(Conditional(catalogue)) as server:
        with httpx.Client(timeout=5.0, trust_env=False) as http:
            for _ in range(2):
                harvest(store, csw_get(server.url), client=http, base_iri=BASE, jobs=1)
    assert server.statuses == [200] * 6
    assert [("if-none-match" in r.headers) for r in server.requests] == [False] * 6
