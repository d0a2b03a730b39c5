"""Harvesting end to end: real HTTP catalogues on 127.0.0.1 → converters → shapes → store.

Every test reads the store afterwards: what a harvest reports is what the store holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from fixture_server import Answer, Request, serve
from helpers import BASE, corpus, fresh_store, harvest_counts, statuses
from source_catalogues import (
    DEMO,
    MINIMAL,
    SOURCE_FIXTURES,
    CSWCatalogue,
    DCATCatalogue,
    OAICatalogue,
    OAIRecord,
    client,
    iso_records,
    text_without_declaration,
)

from graph_loader.conformance import first_load_triples
from graph_loader.errors import InputError
from graph_loader.harvest import harvest
from graph_loader.harvest.config import SourceConfig, parse_sources
from graph_loader.harvest.state import read_checkpoint, read_runs
from sparql_api.linked_data.related import related_resources

DCT = "http://purl.org/dc/terms/"


@pytest.fixture
def store():
    return fresh_store()


def harvested(store, source: str) -> dict[str, str]:
    """upstream identifier -> resource, for the record graphs of ``source`` in the store."""
    rows = store.select(
        """PREFIX gaia: <https://w3id.org/gaia-kg/ontology#>
        SELECT ?id ?r WHERE { GRAPH ?g { ?g gaia:harvestSource ?s ; gaia:upstreamIdentifier ?id ;
        gaia:describes ?r } }""",
        {"s": ox.NamedNode("https://w3id.org/gaia-kg/source/" + source)},
    )
    return {row["id"].value: row["r"].value for row in rows}


def csw(url: str, name: str = "csw", **options) -> SourceConfig:
    options = {"url": f"{url}/csw", "page_size": 2} | options
    return SourceConfig(name, "csw", options, language="fr", retries=2)


def run(store, config, **options):
    with client() as http:
        return harvest(store, config, client=http, base_iri=BASE, backoff=0, **options)


MINIMAL_XML = [xml for _, xml in iso_records(MINIMAL)]
MINIMAL_IDS = ["minimal-a", "minimal-b", "minimal-c", "minimal-d", "minimal-e"]


@dataclass
class Flaky:
    """A catalogue whose page at ``start`` fails ``times`` times with ``answer`` first."""

    catalogue: CSWCatalogue
    start: int
    answer: Answer
    times: int

    def __call__(self, request: Request) -> Answer:
        if request.method == "POST" and b'startPosition="%d"' % self.start in request.body:
            if self.times > 0:
                self.times -= 1
                return self.answer
        return self.catalogue(request)


# --- a whole harvest, again, and with changes -----------------------------------------------


def test_every_iso19139_record_of_the_corpus_is_harvested_or_rejected_with_reasons(store):
    records = iso_records(corpus("iso19139", glob="*.xml"))
    with serve(CSWCatalogue([xml for _, xml in records])) as server:
        report = run(store, csw(server.url, page_size=5, max_pages=100))
        again = run(store, csw(server.url, page_size=5))
    rejected = {r.identifier: r.reasons for r in report.results if r.status == "rejected"}
    # German / Dutch titles only are titles: no French or English is a warning, not a rejection
    identifiers = [i for i, _ in records]
    twice = sorted({i for i in identifiers if identifiers.count(i) > 1})
    assert twice == ["3f342f64-9348-11df-ba6a-0014c2c00eab"]
    assert sorted(rejected) == twice  # served twice: the first record is kept, the second rejected
    assert "lists this identifier twice" in rejected[twice[0]][0]
    german = next(
        r for r in report.results if r.identifier == "01ef8e6a-df59-4c2d-8468-79da95046705"
    )
    assert german.status == "loaded"
    assert harvest_counts(report) == {
        "loaded": len(set(identifiers)),
        "updated": 0,
        "unchanged": 0,
        "withdrawn": 0,
        "rejected": 1,
    }
    assert report.complete and report.interrupted is None and report.page_errors == []
    assert sorted(harvested(store, "csw")) == sorted(set(identifiers) - set(rejected) | set(twice))
    print("second harvest:", harvest_counts(again))
    assert harvest_counts(again) == {
        "loaded": 0,
        "updated": 0,
        "unchanged": len(set(identifiers)),
        "withdrawn": 0,
        "rejected": 1,
    }


def test_a_second_harvest_skips_unchanged_records_and_writes_nothing(store):
    with serve(CSWCatalogue(list(MINIMAL_XML))) as server:
        first = run(store, csw(server.url))
        before = store.dump()
        second = run(store, csw(server.url))
    assert harvest_counts(first) == statuses(loaded=5)
    assert harvest_counts(second) == statuses(unchanged=5)
    assert second.triples_written == 0
    assert _record_quads(store.dump()) == _record_quads(before)
    assert sorted(harvested(store, "csw")) == MINIMAL_IDS


def test_changed_and_vanished_records_are_updated_and_withdrawn(store):
    catalogue = CSWCatalogue(list(MINIMAL_XML))
    with serve(catalogue) as server:
        run(store, csw(server.url))
        changed = (
            MINIMAL_XML[1]
            .replace("Relevé minimal b", "Relevé minimal b, révisé")
            .replace("2026-01-02", "2026-02-01")
        )
        catalogue.records[:] = [MINIMAL_XML[0], changed] + MINIMAL_XML[3:]  # c is gone
        report = run(store, csw(server.url))
    assert harvest_counts(report) == {
        "loaded": 0,
        "updated": 1,
        "unchanged": 3,
        "withdrawn": 1,
        "rejected": 0,
    }
    assert [r.identifier for r in report.results if r.status == "withdrawn"] == ["minimal-c"]
    assert sorted(harvested(store, "csw")) == ["minimal-a", "minimal-b", "minimal-d", "minimal-e"]
    titles = store.select(
        "SELECT ?t WHERE { ?d <http://purl.org/dc/terms/title> ?t }",
        {"d": ox.NamedNode(harvested(store, "csw")["minimal-b"])},
    )
    assert [row["t"] for row in titles] == [ox.Literal("Relevé minimal b, révisé", language="fr")]


HARVESTED = """PREFIX gaia: <https://w3id.org/gaia-kg/ontology#>
SELECT ?g ?id WHERE { GRAPH ?g { ?g gaia:harvestSource ?s ; gaia:upstreamIdentifier ?id } }"""


def first_loads(store, source) -> dict[str, tuple[ox.Literal, str]]:
    """Each harvested record's first load and change type (derived on read from what its
    graph stores: graph_loader.conformance.first_load)."""
    out = {}
    for row in store.select(HARVESTED, source):
        said = {
            t.predicate.value: t.object
            for t in first_load_triples(row["g"], store.graph_triples(row["g"]))
        }
        status = said["http://www.w3.org/ns/adms#status"].value.rsplit("/", 1)[-1]
        out[row["id"].value] = (said["http://purl.org/dc/terms/issued"], status)
    return out


def test_a_harvest_keeps_each_records_first_load_time_and_says_which_were_updated(store):
    catalogue = CSWCatalogue(list(MINIMAL_XML[:2]))
    source = {"s": ox.NamedNode("https://w3id.org/gaia-kg/source/csw")}
    with serve(catalogue) as server:
        run(store, csw(server.url))
        first = {k: issued for k, (issued, _) in first_loads(store, source).items()}
        changed = (
            MINIMAL_XML[1]
            .replace("Relevé minimal b", "Relevé minimal b, révisé")
            .replace("2026-01-02", "2026-02-01")
        )
        catalogue.records[:] = [MINIMAL_XML[0], changed]
        run(store, csw(server.url))
    after = first_loads(store, source)
    assert sorted(first) == ["minimal-a", "minimal-b"]
    assert after == {
        "minimal-a": (first["minimal-a"], "Created"),
        "minimal-b": (first["minimal-b"], "Updated"),
    }


def test_an_incremental_harvest_asks_only_for_what_changed(store):
    catalogue = CSWCatalogue(list(MINIMAL_XML))
    with serve(catalogue) as server:
        run(store, csw(server.url))
        report = run(store, csw(server.url), incremental=True)
        asked = server.requests[-1].body
    assert report.mode == "incremental"
    assert b"apiso:Modified" in asked
    # gone records are not guessed from a partial list
    assert harvest_counts(report)["withdrawn"] == 0
    assert sorted(harvested(store, "csw")) == MINIMAL_IDS


# --- bad records: isolated, reported, nothing of them stored -------------------------------


def test_bad_records_are_rejected_alone_and_the_harvest_goes_on(store):
    empty = MINIMAL_XML[1].replace("minimal-b", "minimal-empty")
    empty = empty.split("<ns0:identificationInfo>")[0] + "</ns0:MD_Metadata>"
    huge = MINIMAL_XML[2].replace("Enregistrement minimal c", "x" * 3_000_000)
    with serve(CSWCatalogue([MINIMAL_XML[0], empty, huge, *MINIMAL_XML[3:]])) as server:
        config = SourceConfig(
            "csw",
            "csw",
            {"url": f"{server.url}/csw", "page_size": 2},
            language="fr",
            max_record_bytes=2 * 1024 * 1024,
        )
        report = run(store, config)
    outcome = {r.identifier: (r.status, r.reasons) for r in report.results}
    assert outcome["minimal-a"] == ("loaded", [])
    assert outcome["minimal-c"][0] == "rejected"
    assert outcome["minimal-c"][1] == [
        "record of 2.9 MB over the 2 MB limit (notice de 2.9 MB : limite 2 Mo)"
    ]
    assert outcome["minimal-empty"] == (
        "rejected",
        ["minimal-empty: ISO 19139 record 1: record has no identificationInfo"],
    )
    assert sorted(harvested(store, "csw")) == ["minimal-a", "minimal-d", "minimal-e"]
    assert report.complete


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [
        ("csw-entity-bomb.xml", "XML entity declarations are refused"),
        ("csw-truncated.xml", "malformed XML"),
    ],
)
def test_an_unreadable_page_is_skipped_and_reported(store, fixture, reason):
    catalogue = CSWCatalogue(list(MINIMAL_XML))
    catalogue.failing[3] = Answer(200, "application/xml", (SOURCE_FIXTURES / fixture).read_bytes())
    with serve(catalogue) as server:
        report = run(store, csw(server.url))
    assert report.complete
    assert len(report.page_errors) == 1 and reason in report.page_errors[0]
    # the page is read again record by record: only the record at position 3 is lost
    assert sorted(harvested(store, "csw")) == ["minimal-a", "minimal-b", "minimal-d", "minimal-e"]


def test_a_page_in_latin1_is_harvested(store):
    page = (SOURCE_FIXTURES / "csw-latin1-page.xml").read_bytes()
    with serve(lambda request: Answer(200, "application/xml", page)) as server:
        report = run(store, csw(server.url))
    assert {r.identifier: r.status for r in report.results} == {
        "relevé-latin1": "loaded",
        f"{server.url}/csw#record-2": "rejected",
    }
    resource = ox.NamedNode(harvested(store, "csw")["relevé-latin1"])
    rows = store.select(
        "SELECT ?t WHERE { ?d <http://purl.org/dc/terms/title> ?t }", {"d": resource}
    )
    assert [row["t"] for row in rows] == [ox.Literal("Température de surface", language="fr")]


# --- servers that fail: retried, or stopped with a checkpoint and resumed -------------------


def test_a_500_mid_harvest_is_retried_and_the_harvest_completes(store):
    flaky = Flaky(CSWCatalogue(list(MINIMAL_XML)), 3, Answer(500, "text/plain", b"oops"), 2)
    with serve(flaky) as server:
        report = run(store, csw(server.url))
    assert report.complete and report.page_errors == []
    assert harvest_counts(report)["loaded"] == 5


def test_a_server_down_mid_harvest_stops_with_a_checkpoint_then_resumes(store):
    flaky = Flaky(CSWCatalogue(list(MINIMAL_XML)), 3, Answer(500, "text/plain", b"down"), 3)
    with serve(flaky) as server:
        stopped = run(store, csw(server.url))
        point = read_checkpoint(store, "csw")
        partial = sorted(harvested(store, "csw"))
        resumed = run(store, csw(server.url))
    assert not stopped.complete
    assert "HTTP 500" in stopped.interrupted
    assert (point.resume, sorted(point.seen)) == ("3", ["minimal-a", "minimal-b"])
    assert partial == ["minimal-a", "minimal-b"]  # whole records only
    assert resumed.resumed_from == "3" and resumed.complete
    assert harvest_counts(resumed) == statuses(loaded=3)
    assert sorted(harvested(store, "csw")) == MINIMAL_IDS  # nothing withdrawn by the resume
    assert read_checkpoint(store, "csw").resume is None
    runs = read_runs(store, "csw")
    assert [(r["report"]["complete"], r["report"]["counts"]["loaded"]) for r in runs] == [
        (True, 3),
        (False, 2),
    ]


def test_a_server_that_times_out_stops_the_harvest_with_a_clear_error(store):
    catalogue = CSWCatalogue(list(MINIMAL_XML))
    catalogue.failing[3] = Answer(200, "application/xml", b"", delay=5)
    with serve(catalogue) as server, client(timeout=0.5) as http:
        config = csw(server.url)
        report = harvest(store, config, client=http, base_iri=BASE, backoff=0)
    assert not report.complete
    assert "timeout" in report.interrupted and "startPosition=3" in report.interrupted
    assert sorted(harvested(store, "csw")) == ["minimal-a", "minimal-b"]


def test_an_interrupted_harvest_keeps_whole_records_and_resumes(store):
    def stop_after_first_batch(n: int) -> None:
        raise KeyboardInterrupt

    with serve(CSWCatalogue(list(MINIMAL_XML))) as server:
        import graph_loader.harvest.run as module

        batch, module.BATCH = module.BATCH, 2
        try:
            with pytest.raises(KeyboardInterrupt):
                run(store, csw(server.url), progress=stop_after_first_batch)
        finally:
            module.BATCH = batch
        partial = sorted(harvested(store, "csw"))
        resumed = run(store, csw(server.url))
    assert partial == ["minimal-a", "minimal-b"]
    # stopped while page 1 was being read: page 1 is read again (records come at least once)
    assert resumed.resumed_from == "1"
    assert harvest_counts(resumed) == statuses(loaded=3, unchanged=2)
    assert sorted(harvested(store, "csw")) == MINIMAL_IDS


# --- OAI-PMH, DCAT, folders ---------------------------------------------------------------


def test_oai_pmh_datacite_with_a_deleted_record_withdraws_it(store):
    files = corpus("datacite-xml", glob="*.xml")[:6]
    records = [
        OAIRecord(f"oai:test:{f.stem}", "2026-01-01", text_without_declaration(f)) for f in files
    ]
    catalogue = OAICatalogue(list(records))
    config = SourceConfig(
        "oai", "oai-pmh", {"url": "", "metadata_prefix": "oai_datacite"}, language="en"
    )
    with serve(catalogue) as server:
        config.options["url"] = f"{server.url}/oai"
        first = run(store, config)
        kept = first.count("loaded")
        loaded = sorted(harvested(store, "oai"))
        gone = loaded[0]
        catalogue.records[:] = [
            OAIRecord(r.identifier, "2026-02-01", None) if r.identifier == gone else r
            for r in records
        ]
        second = run(store, config)
    assert kept == len(loaded) >= 4
    assert harvest_counts(second)["withdrawn"] == 1
    assert sorted(harvested(store, "oai")) == loaded[1:]


def test_dcat_pages_of_the_demo_catalogue_are_split_into_records(store):
    catalogue = DCATCatalogue(DEMO)
    with serve(catalogue) as server:
        catalogue.base = server.url
        config = SourceConfig("dcat", "dcat", {"url": f"{server.url}/dcat/page/1"})
        first = run(store, config)
        second = run(store, config)
    assert first.complete and first.count("rejected") == 0
    assert first.count("loaded") >= 200
    assert harvest_counts(second) == statuses(unchanged=first.count("loaded"))


def test_a_folder_source_and_links_keep_who_asserted_them(store, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for f in DEMO:
        if f.name in ("odatis.ttl", "agents.ttl", "references.ttl", "services.ttl"):
            (tmp_path / "a" / f.name).write_bytes(f.read_bytes())
        if f.name in ("publications.ttl", "agents.ttl", "references.ttl"):
            (tmp_path / "b" / f.name).write_bytes(f.read_bytes())
    a = run(store, SourceConfig("odatis-files", "directory", {"path": tmp_path / "a"}))
    b = run(store, SourceConfig("pubs-files", "directory", {"path": tmp_path / "b"}))
    assert a.complete and b.complete
    argo = ox.NamedNode(BASE + "id/dataset/argo-biogeochemical")
    links = {(e["iri"], e["relation"]): e["sources"] for e in related_resources(store, argo, "en")}
    assert links == {
        # the dataset's record (odatis.ttl) and the article's (publications.ttl) both say it
        (BASE + "id/publication/wong-2020-argo", DCT + "isReferencedBy"): [
            "odatis-files",
            "pubs-files",
        ],
        (BASE + "id/service/argo-gdac", "urn:gaia-kg:servedBy"): ["odatis-files"],
    }


# --- the sources file -----------------------------------------------------------------------


def test_sources_file_declares_every_kind():
    declared = parse_sources(
        """
        [sources.sedoo]
        kind = "csw"
        url = "https://example.org/csw"
        page_size = 20
        language = "fr"
        pole = "aeris"
        [sources.datacite]
        kind = "oai-pmh"
        url = "https://oai.datacite.org/oai"
        metadata_prefix = "oai_datacite"
        set_spec = "INIST.IFREMER"
        [sources.portal]
        kind = "dcat"
        url = "https://example.org/catalog"
        [sources.files]
        kind = "directory"
        path = "records"
        """,
        name="sources.toml",
    )
    assert {k: (v.kind, v.options, v.language, v.pole) for k, v in declared.items()} == {
        "sedoo": ("csw", {"url": "https://example.org/csw", "page_size": 20}, "fr", "aeris"),
        "datacite": (
            "oai-pmh",
            {
                "url": "https://oai.datacite.org/oai",
                "metadata_prefix": "oai_datacite",
                "set_spec": "INIST.IFREMER",
            },
            None,
            None,
        ),
        "portal": ("dcat", {"url": "https://example.org/catalog"}, None, None),
        "files": ("directory", {"path": Path("records")}, None, None),
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[sources.a]\nkind = 'ftp'\n", "kind 'ftp' unknown"),
        ("[sources.a]\nkind = 'csw'\n", "missing (manquant): url"),
        ("[sources.a]\nkind = 'csw'\nurl = 'x'\nspeed = 3\n", "unknown option(s)"),
        ("[sources.a]\nkind = 'csw'\nurl = 'x'\nlanguage = 'de'\n", "language must be fr or en"),
        ("[sources]\n", "no [sources.<name>] table"),
        ("[sources.a\n", "not valid TOML"),
    ],
)
def test_a_bad_sources_file_is_explained(text, message):
    with pytest.raises(InputError) as error:
        parse_sources(text, name="sources.toml")
    assert message in str(error.value) and "sources.toml" in str(error.value)


def _record_quads(dump: bytes) -> set[bytes]:
    """The quads of record graphs (the runs graph changes at each harvest)."""
    return {line for line in dump.splitlines() if b"/graph/record/" in line}


def test_a_catalogue_answering_only_garbage_stops_after_ten_skipped_pages(store):
    garbage = Answer(200, "application/xml", b"<csw:GetRecordsResponse")
    with serve(lambda request: garbage) as server:
        report = run(store, csw(server.url))
    assert not report.complete
    assert len(report.page_errors) == 10
    assert "malformed XML" in report.interrupted
    assert harvested(store, "csw") == {}


def test_the_shipped_example_sources_file_is_valid():
    from graph_loader.harvest.config import read_sources

    example = Path(__file__).resolve().parents[1] / "sources.example.toml"
    declared = read_sources(example)
    assert {name: c.kind for name, c in declared.items()} == {
        "pole-csw": "csw",
        "doi-datacite": "oai-pmh",
        "portal-dcat": "dcat",
        "land-stac": "stac",
        "ocean-tds": "thredds",
        "local-files": "directory",
    }
    assert declared["local-files"].options["path"] == example.parent / "records"
