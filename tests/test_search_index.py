"""The search index: built from the store, updated per record, on disk and by the CLI;
every facet count of a set of searches equals its SPARQL ground truth on the store."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from concept_support import BASE_IRI
from conftest import healthy
from search_support import (
    CORAL,
    FACETS,
    FIXTURES,
    SNOW,
    all_hits,
    expected_counts,
    index_counts,
    memory_index,
    search_store,
    sparql_resources,
)

import graph_loader.cli
from graph_loader.cli.index import index as index_group
from graph_loader.config import Settings
from graph_loader.index import SearchIndex, index_stats, rebuild, update
from graph_loader.index.resources import read_resources
from graph_loader.index.scan import parse_term
from graph_loader.parsing import parse_bbox, parse_day
from graph_loader.paths import demo_dir
from graph_loader.pipeline import load_paths
from graph_loader.store import EmbeddedStore
from sparql_api.core.concept_index import build_concept_index
from sparql_api.search import engine
from sparql_api.search.engine import SearchParams, run_search

NETCDF = "http://publications.europa.eu/resource/authority/file-type/NETCDF"
CC_BY = "http://creativecommons.org/licenses/by/4.0/"
TAXON = BASE_IRI + "id/taxon/"
ELECTROFISHER = "https://example.org/instrument/backpack-electrofisher"

#: searches whose facet counts are checked against SPARQL, every facet, every value
SEARCHES = [
    {},
    {"theme": "atmosphere"},
    {"theme": ["ozone", "dust"], "pole": "aeris"},
    {"pole": ["aeris", "odatis"], "type": "dataset", "format": NETCDF},
    {"bbox": "170,-30,-170,0"},
    {"bbox": "-10,35,20,60", "theme": "oceans"},
    {"start": "2010-01-01", "end": "2012-12-31", "licence": CC_BY},
    {"end": "2000", "type": ["dataset", "service"]},
    {"q": "ozone"},
    {"q": "température", "pole": "aeris"},
    {"q": "sea ice", "theme": "oceans"},
    {"q": "aerosol optical depth", "bbox": "-20,0,40,30"},
    {"vmin": "-100", "vmax": "0"},
    {"vmin": "1000"},
    {"vmax": "-500", "theme": "oceans"},
    {"vmin": "2000", "vmax": "2500", "pole": "aeris"},
    {"q": "ozone", "vmin": "2500"},
    {"taxon": TAXON + "family-salmonidae"},
    {"taxon": [TAXON + "species-oncorhynchus-keta", TAXON + "genus-oncorhynchus"], "q": "salmon"},
    {"taxon": TAXON + "species-oncorhynchus-mykiss", "instrument": ELECTROFISHER},
    {"q": "truite arc-en-ciel"},
    {"taxon": TAXON + "phylum-chordata", "pole": "pndb"},  # the demo's birds and bats
    {"q": "chauves-souris", "taxon": TAXON + "kingdom-animalia"},
]


@pytest.fixture(scope="module")
def store():
    return search_store()


@pytest.fixture(scope="module")
def index(store):
    return memory_index(store)


@pytest.fixture(scope="module")
def concepts(store):
    return build_concept_index(store)


def test_every_resource_is_indexed_once_with_its_kind(store, index):
    stats = index_stats(index)
    kinds = {}
    for kind in sparql_resources(store, SearchParams()).values():
        kinds[kind] = kinds.get(kind, 0) + 1
    assert (
        stats["types"]
        == kinds
        == {
            "dataset": 166,
            "publication": 28,
            "service": 24,
            "software": 11,
            "tutorial": 7,
        }
    )
    assert stats["documents"] == 236
    assert stats["thesaurus_concepts"] == 181


@pytest.mark.parametrize("args", SEARCHES, ids=lambda a: "&".join(f"{k}={v}" for k, v in a.items()))
def test_every_facet_count_equals_the_sparql_ground_truth(store, index, concepts, args):
    params = SearchParams.from_args(args)
    result = run_search(index, params, "en", concepts=concepts)
    text_hits = None
    if params.q:
        text_hits = set(all_hits(index, {"q": args["q"]}, concepts))
        assert text_hits, "a text search of this set must find something"
    expected = expected_counts(store, params, text_hits)
    assert index_counts(result) == expected
    assert set(expected) == set(FACETS)
    if not params.q:  # without words the index and SPARQL find the same resources
        found = sparql_resources(store, params)
        assert result["total"] == len(found)
        assert set(all_hits(index, args, concepts)) == set(found)


#: every altitude of the searchable resources, read without the search's own queries
_ALTITUDES = """SELECT ?r ?p ?v WHERE {
  VALUES ?p { <https://w3id.org/gaia-kg/ontology#minimumAltitude>
              <https://w3id.org/gaia-kg/ontology#maximumAltitude> }
  ?r ?p ?v
}"""


def _vertical_extents(store) -> dict[str, tuple[float | None, float | None]]:
    """resource -> (lowest minimum, highest maximum) altitude, None when unknown."""
    lows: dict[str, list[float]] = {}
    highs: dict[str, list[float]] = {}
    for row in store.select(_ALTITUDES):
        into = lows if row["p"].value.endswith("minimumAltitude") else highs
        into.setdefault(row["r"].value, []).append(float(row["v"].value))
    return {
        r: (min(lows[r]) if r in lows else None, max(highs[r]) if r in highs else None)
        for r in {*lows, *highs}
    }


@pytest.mark.parametrize(
    "vmin, vmax",
    [(-100.0, 0.0), (2000.0, 2500.0), (-1e9, -1500.0)],
    ids=["surface", "open-top", "deep"],
)
def test_a_vertical_search_finds_exactly_the_overlapping_extents(store, index, vmin, vmax):
    """The hits of vmin/vmax are the resources whose [lowest minimum, highest maximum]
    altitude overlaps the range, an unknown bound being open (worked out here from the
    triples), and the range really selects: some resources with an altitude are left out."""
    extents = _vertical_extents(store)
    searchable = sparql_resources(store, SearchParams())
    expected = {
        r
        for r, (low, high) in extents.items()
        if r in searchable and (low is None or low <= vmax) and (high is None or high >= vmin)
    }
    args = {"vmin": repr(vmin), "vmax": repr(vmax)}
    assert set(all_hits(index, args)) == expected
    assert 0 < len(expected) < len(set(extents) & set(searchable))


ODD_ALTITUDES = """
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix gaia: <https://w3id.org/gaia-kg/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://example.org/dataset/odd> a dcat:Dataset ; dct:title "Odd altitudes"@en ;
    gaia:minimumAltitude "deep", "-20"^^xsd:decimal, "-5e1"^^xsd:double ;
    gaia:maximumAltitude "NaN"^^xsd:double, "12.5"^^xsd:decimal, "INF"^^xsd:double, "high"@en .
"""


@pytest.mark.parametrize(
    "args, found",
    [
        ({"vmax": "-50"}, True),  # the lowest minimum is -5e1
        ({"vmax": "-50.5"}, False),
        ({"vmin": "12.5"}, True),  # the highest maximum is 12.5: INF, NaN, "high" left out
        ({"vmin": "12.6"}, False),
    ],
)
def test_altitudes_that_are_not_numbers_are_left_out_by_the_index_and_sparql(args, found):
    store = EmbeddedStore(None)
    graph = ox.NamedNode("https://example.org/graph/odd")
    store.raw.load(ODD_ALTITUDES.encode(), format=ox.RdfFormat.TURTLE, to_graph=graph)
    index = memory_index(store)
    expected = ["https://example.org/dataset/odd"] if found else []
    assert all_hits(index, args) == expected
    assert list(sparql_resources(store, SearchParams.from_args(args))) == expected


def test_wkt_boxes_and_dates():
    assert parse_bbox("POLYGON((170 -25, -170 -25, -170 -10, 170 -10, 170 -25))") == (
        170.0,
        -25.0,
        -170.0,
        -10.0,
    )
    assert parse_bbox("<http://www.opengis.net/def/crs/OGC/1.3/CRS84> POINT(2.35 48.85)") == (
        2.35,
        48.85,
        2.35,
        48.85,
    )
    assert parse_bbox("POLYGON((0 0, 10 0, 10 95, 0 95, 0 0))") is None
    assert parse_bbox("nonsense") is None
    assert [parse_day(t) for t in ("2015-03-02", "2015-03-02T10:00:00Z", "2015-03", "2015")] == [
        735659,
        735659,
        735658,
        735599,
    ]
    assert parse_day("2015-02", end=True) == parse_day("2015-02-28")
    assert parse_day("not a date") is None


def test_a_hit_carries_its_extents(index, concepts):
    result = run_search(index, SearchParams.from_args({"q": "coral reef"}), "fr", concepts=concepts)
    hit = next(h for h in result["hits"] if h["iri"] == CORAL)
    assert (hit["bbox"], hit["temporal"]) == (
        [170.0, -25.0, -170.0, -10.0],
        {"start": "2015-01-01", "end": "2015-12-31"},
    )
    snow = run_search(index, SearchParams.from_args({"q": "enneigement massif Chartreuse"}), "fr")
    # one record has the three words; the search is relaxed (fewer hits than a page) and the
    # records with fewer of them follow it
    assert (snow["hits"][0]["iri"], snow["hits"][0]["temporal"], snow["relaxed"]) == (
        SNOW,
        {"start": "2019-11-01", "end": None},
        True,
    )


def test_update_reindexes_changed_records_and_drops_removed_ones(tmp_path):
    store = search_store()
    index = memory_index(store)
    before = index_stats(index)["documents"]
    changed = tmp_path / "dataset-french-only.ttl"
    text = (FIXTURES / "dataset-french-only.ttl").read_text("utf-8")
    changed.write_text(text.replace("Enneigement du", "Enneigement printanier du"), "utf-8")
    report = load_paths(store, [changed], base_iri=BASE_IRI)
    assert [o.status for o in report.outcomes] == ["updated"]
    assert all_hits(index, {"q": "printanier"}) == []
    done = update(index, store, changed=[SNOW], removed=[])
    assert (done.documents, done.removed) == (1, 0)
    assert all_hits(index, {"q": "printanier"}) == [SNOW]
    assert index_stats(index)["documents"] == before
    rows = store.select(_GRAPH_OF, {"r": ox.NamedNode(CORAL)})
    store.drop_graphs([row["g"] for row in rows])
    done = update(index, store, changed=[], removed=[CORAL])
    assert (done.documents, done.removed) == (0, 1)
    assert index_stats(index)["documents"] == before - 1
    assert all_hits(index, {"q": "coral"}) == []


_GRAPH_OF = "SELECT ?g WHERE { ?g <https://w3id.org/gaia-kg/ontology#describes> ?r }"


def test_an_index_on_disk_is_reopened_and_found_by_the_settings(tmp_path, store):
    settings = Settings(store=str(tmp_path / "store"))
    assert settings.index_path() == tmp_path / "index"
    assert Settings(store=":memory:").index_path() is None
    assert Settings(store=":memory:", index=str(tmp_path / "x")).index_path() == tmp_path / "x"
    built = SearchIndex.for_settings(settings)
    rebuild(built, store)
    again = SearchIndex.open(tmp_path / "index")
    assert index_stats(again)["documents"] == 236
    assert again.meta["thesaurus"] == built.meta["thesaurus"]
    assert all_hits(again, {"theme": "snow-cover", "pole": "theia"}) == all_hits(
        built, {"theme": "snow-cover", "pole": "theia"}
    )


def test_the_cli_rebuilds_and_prints_statistics(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    from graph_loader.bootstrap import initialise

    list(initialise(store, infer=False))
    load_paths(store, sorted(demo_dir().glob("*.ttl")), base_iri="https://data.gaia-data.fr/")
    store.close()
    del store
    runner = CliRunner()
    args = ["--store", str(tmp_path / "store"), "--lang", "en"]
    result = runner.invoke(index_group, ["rebuild", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    english = re.fullmatch(
        re.escape(f"Index {tmp_path / 'index'}: 232 resources indexed, 0 removed, in ")
        + r"(\d+\.\d) s \(store read (\d+\.\d) s, documents (\d+\.\d) s, commit (\d+\.\d) s\)\.\n",
        result.output,
    )
    assert english, result.output
    total, *phases = (float(x) for x in english.groups())
    assert sum(phases) <= total + 0.15  # the phases are parts of the whole (rounded to 0.1 s)
    french = runner.invoke(index_group, ["rebuild", *args[:2], "--lang", "fr"])
    assert re.fullmatch(
        re.escape(f"Index {tmp_path / 'index'} : 232 ressources indexées, 0 retirée, en ")
        + r"\d+\.\d s \(lecture de l'entrepôt \d+\.\d s, documents \d+\.\d s, "
        r"enregistrement \d+\.\d s\)\.\n",
        french.output,
    ), french.output
    result = runner.invoke(index_group, ["stats", *args], catch_exceptions=False)
    lines = result.output.splitlines()
    assert lines[:4] == [
        f"index: {tmp_path / 'index'}",
        "documents: 232",
        "per type: dataset 162, publication 28, service 24, software 11, tutorial 7",
        "thesaurus concepts: 181",
    ]
    result = runner.invoke(
        index_group, ["stats", "--store", str(tmp_path / "no" / "store"), "--lang", "fr"]
    )
    assert result.exit_code == 1
    assert "pas d'index : lancez « gaia-kg index rebuild »" in result.output


def _sorted_values(resources: dict[str, dict]) -> dict[str, dict]:
    return {
        iri: {k: sorted(v) if isinstance(v, list) else v for k, v in res.items()}
        for iri, res in resources.items()
    }


def test_a_whole_store_scan_reads_what_per_resource_queries_read(store):
    scanned = read_resources(store)  # one scan per property, TSV, two threads
    one_by_one = read_resources(store, sorted(scanned))  # four SPARQL queries per resource
    assert len(scanned) == 236
    assert _sorted_values(scanned) == _sorted_values(one_by_one)
    snow = scanned[SNOW]
    assert (snow["kind"], len(snow["text"]) > 0, len(snow["links"]) > 0) == ("dataset", True, True)


def test_a_rebuild_reports_its_scans_then_its_documents(store):
    calls: list[tuple[int, int, str]] = []
    rebuild(SearchIndex.open(None), store, progress=lambda *a: calls.append(a), threads=1)
    reads = [c for c in calls if c[2] == "read"]
    indexed = [c for c in calls if c[2] == "index"]
    assert calls == reads + indexed
    assert [c[0] for c in reads] == list(range(1, len(reads) + 1))
    assert {c[1] for c in reads} == {len(reads)}
    assert indexed[-1] == (236, 236, "index")


@pytest.mark.parametrize(
    "term, expected",
    [
        (
            '"Ozone \\"IAGOS\\"\\n\\u00e9t\\U0001F30D"@fr-FR',
            ("literal", 'Ozone "IAGOS"\nét🌍', "fr"),
        ),
        ('"back\\\\slash\\ttab"', ("literal", "back\\slash\ttab", "")),
        ("<https://example.org/a?b=1>", ("iri", "https://example.org/a?b=1", "")),
        ('"12.5"^^<http://www.w3.org/2001/XMLSchema#decimal>', ("literal", "12.5", "")),
        ("42", ("literal", "42", "")),
        ("_:b0", None),
        ("", None),
    ],
)
def test_tsv_terms_are_read_back_exactly(term, expected):
    assert parse_term(term) == expected


def test_every_literal_survives_the_tsv_scan():
    """Titles with tabs, newlines, quotes, backslashes and astral characters come back as they
    were written."""
    titles = ["a\tb", "line\nbreak\r", 'say "hi"', "back\\slash", "🌍 Terre", "x" * 5000]
    store = EmbeddedStore(None)
    subject = ox.NamedNode("https://example.org/dataset/odd")
    dcat = "http://www.w3.org/ns/dcat#"
    graph = ox.NamedNode("https://example.org/graph/odd")
    quads = [ox.Quad(subject, ox.NamedNode(RDF_TYPE), ox.NamedNode(dcat + "Dataset"), graph)]
    for i, title in enumerate(titles):
        literal = ox.Literal(title, language="fr" if i % 2 else "en")
        quads.append(ox.Quad(subject, ox.NamedNode(DCT_TITLE), literal, graph))
    store.raw.extend(quads)
    read = read_resources(store)
    expected = sorted(("title", "fr" if i % 2 else "en", t) for i, t in enumerate(titles))
    assert sorted(read[subject.value]["text"]) == expected


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DCT_TITLE = "http://purl.org/dc/terms/title"


def test_serve_builds_an_index_that_was_never_built(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    from graph_loader.bootstrap import initialise

    list(initialise(store, infer=False))
    load_paths(store, sorted(demo_dir().glob("*.ttl")), base_iri="https://data.gaia-data.fr/")
    expected = len(sparql_resources(store, SearchParams()))
    store.close()
    del store
    assert not (tmp_path / "index").exists()
    port = _free_port()
    env = {**os.environ, "GAIA_KG_STORE": "", "GAIA_KG_INDEX": ""}
    command = [GAIA_KG, "serve", "--store", str(tmp_path / "store"), "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--lang", "en"], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    try:
        base = f"http://127.0.0.1:{port}"
        assert healthy(base, server, 120), "no server"
        answer = httpx.get(base + "/api/search", params={"size": "1"}, timeout=30).json()
        assert answer["total"] == expected == 232
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode()
    lines = output.splitlines()
    assert lines[0] == "The search index was never built: building it…"
    assert lines[1].startswith(f"Index {tmp_path / 'index'}: 232 resources indexed, 0 removed, in ")


GAIA_KG = str(Path(sys.executable).parent / "gaia-kg")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_busy_index_fails_a_rebuild_but_not_a_load(tmp_path):
    """While another process writes the index, `index rebuild` says so and fails; a load
    writes the store and only warns about the index; serve starts without waiting."""
    store_dir = tmp_path / "store"
    args = ["--store", str(store_dir), "--lang", "en"]
    runner = CliRunner()
    init = ["init", "--store", str(store_dir)]
    result = runner.invoke(graph_loader.cli.main, init, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    holder = SearchIndex.open(tmp_path / "index")
    writer = holder.index.writer(heap_size=15_000_000, num_threads=1)  # "another process"
    try:
        result = runner.invoke(index_group, ["rebuild", *args], catch_exceptions=False)
        assert result.exit_code == 1
        assert "is being written by another process" in result.output
        assert "en cours d'écriture par un autre processus" in result.output
        record = FIXTURES / "dataset-french-only.ttl"
        result = runner.invoke(
            graph_loader.cli.main, ["load", *args, str(record)], catch_exceptions=False
        )
        assert result.exit_code == 0, result.output
        assert "warning: the search index" in result.output
        loaded = EmbeddedStore(store_dir, read_only=True)
        assert bool(loaded.query(f"ASK {{ <{SNOW}> ?p ?o }}"))
        del loaded
    finally:
        writer.rollback()
        del writer
    result = runner.invoke(index_group, ["rebuild", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert all_hits(SearchIndex.open(tmp_path / "index"), {"q": "enneigement"}) == [SNOW]


def test_every_backend_gives_the_index_the_same_resources(any_store):
    """The whole-store scans read the same values from oxigraph in process, `oxigraph serve`
    and Virtuoso (their answers are re-serialised as TSV: blank nodes, language tags, typed
    literals and escapes must come back the same)."""
    files = [*sorted(FIXTURES.glob("*.ttl")), demo_dir() / "formater.ttl"]
    files += [demo_dir() / "odatis.ttl"]
    reference = EmbeddedStore(None)
    for store in (reference, any_store):
        report = load_paths(store, files, base_iri=BASE_IRI)
        assert {o.status for o in report.outcomes} == {"loaded"}, report.outcomes
    expected = _sorted_values(read_resources(reference))
    assert len(expected) > 40
    assert _sorted_values(read_resources(any_store)) == expected
    assert _sorted_values(read_resources(any_store, sorted(expected))) == expected


def test_serve_starts_when_the_index_cannot_be_built(tmp_path):
    """A remote store that is down at start: serve warns and serves (the SPARQL endpoint and
    the pages answer when it comes back) instead of refusing to start."""
    down = f"http://127.0.0.1:{_free_port()}/"  # nothing listens there
    port = _free_port()
    env = {**os.environ, "GAIA_KG_STORE": "", "GAIA_KG_INDEX": str(tmp_path / "index")}
    command = [GAIA_KG, "serve", "--store", down, "--port", str(port), "--lang", "en"]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code
                break
            except httpx.HTTPError:
                assert server.poll() is None and time.monotonic() < deadline, "no server"
                time.sleep(0.2)
        assert status == 503  # the store is down, and /health says so
    finally:
        server.terminate()
        output, errors = (x.decode() for x in server.communicate(timeout=30))
    assert output.startswith("The search index was never built: building it…\n")
    assert "warning: " in errors
    assert "search finds nothing until `gaia-kg index rebuild`" in errors


@pytest.mark.parametrize("args", SEARCHES, ids=lambda a: "&".join(f"{k}={v}" for k, v in a.items()))
def test_the_facets_counted_in_one_pass_equal_those_counted_pass_by_pass(
    monkeypatch, index, concepts, args
):
    """Facets are counted in one aggregation (filter aggregations of the selected facets);
    with a value tantivy's query language could not hold (none passes the parameters' checks
    today), pass by pass, as before: both give the same page."""
    params = SearchParams.from_args(args)
    one_pass = run_search(index, params, "en", concepts=concepts)
    monkeypatch.setattr(engine, "facet_filter_text", lambda facet, values: None)
    assert run_search(index, params, "en", concepts=concepts) == one_pass
