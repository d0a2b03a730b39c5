"""OAI-PMH and DCAT harvesters against a real HTTP server on 127.0.0.1 (no network)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from fixture_server import Answer, serve
from helpers import BASE, corpus
from source_catalogues import (
    DEMO,
    HYDRA,
    MINIMAL,
    SOURCE_FIXTURES,
    DCATCatalogue,
    OAICatalogue,
    OAIRecord,
    client,
    harvest,
    text_without_declaration,
)

from graph_loader.mappings import datacite_xml, iso19139
from graph_loader.sources.dcat import DCATSource
from graph_loader.sources.oaipmh import OAIPMHSource

# --- OAI-PMH -------------------------------------------------------------------------------


def envelope(path: Path, *, wrap: bool) -> str:
    """A DataCite record as served by an OAI-PMH data centre: bare (metadataPrefix datacite)
    or inside oai_datacite's envelope."""
    record = text_without_declaration(path)
    if not wrap:
        return record
    return (
        '<oai_datacite xmlns="http://schema.datacite.org/oai/oai-1.1/"><schemaVersion>4'
        "</schemaVersion><datacentreSymbol>GAIA.TEST</datacentreSymbol>"
        f"<payload>{record}</payload></oai_datacite>"
    )


def datacite_repository() -> tuple[list[OAIRecord], list[tuple[str, bool]]]:
    """The DataCite XML corpus as an OAI-PMH repository with one deleted record, and the
    (identifier, deleted) list a harvest must yield."""
    files = corpus("datacite-xml", glob="*.xml")
    records = [
        OAIRecord(f"oai:gaia:{path.stem}", f"2026-01-{n:02d}", envelope(path, wrap=n % 2 == 0))
        for n, path in enumerate(files, 1)
    ]
    records.insert(4, OAIRecord("oai:gaia:withdrawn", "2026-01-05", None))
    return records, [(r.identifier, r.metadata is None) for r in records]


def test_oai_pages_the_datacite_corpus_three_by_three() -> None:
    records, expected = datacite_repository()
    with serve(OAICatalogue(records)) as server, client() as http:
        source = OAIPMHSource("oai-test", f"{server.url}/oai", metadata_prefix="oai_datacite")
        got, error = harvest(source, http)
    assert error is None
    assert [(r.identifier, r.deleted) for r in got] == expected
    assert [r.query for r in server.requests] == [
        {"verb": "ListRecords", "metadataPrefix": "oai_datacite"}
    ] + [{"verb": "ListRecords", "resumptionToken": f"{n}//"} for n in range(3, len(records), 3)]
    assert [r.datestamp for r in got] == [r.datestamp for r in records]
    assert [r.data for r in got if r.deleted] == [b""]
    for record in got:
        if not record.deleted:
            assert datacite_xml.sniff(record.data), record.identifier
            assert b"oai_datacite" not in record.data
            assert datacite_xml.convert(record.data, base_iri=BASE), record.identifier
    assert source.resume_token is None


def test_oai_incremental_window_from_until() -> None:
    records, expected = datacite_repository()
    with serve(OAICatalogue(records)) as server, client() as http:
        source = OAIPMHSource(
            "oai-test", f"{server.url}/oai", "oai_datacite", since="2026-01-05", until="2026-01-09"
        )
        got, error = harvest(source, http)
    assert error is None
    window = [
        (r.identifier, r.metadata is None)
        for r in records
        if "2026-01-05" <= r.datestamp <= "2026-01-09"
    ]
    assert [(r.identifier, r.deleted) for r in got] == window
    assert server.requests[0].query == {
        "verb": "ListRecords",
        "metadataPrefix": "oai_datacite",
        "from": "2026-01-05",
        "until": "2026-01-09",
    }


def test_oai_incremental_window_asked_by_the_day_when_the_repository_says_so() -> None:
    records, _ = datacite_repository()
    catalogue = OAICatalogue(records, granularity="YYYY-MM-DD")
    with serve(catalogue) as server, client() as http:
        source = OAIPMHSource(
            "oai-test",
            f"{server.url}/oai",
            "oai_datacite",
            since="2026-01-05T10:00:00Z",
            until="2026-01-09T08:00:00Z",
        )
        got, error = harvest(source, http)
    assert error is None
    window = [
        (r.identifier, r.metadata is None)
        for r in records
        if "2026-01-05" <= r.datestamp <= "2026-01-09"
    ]
    assert [(r.identifier, r.deleted) for r in got] == window
    asked = {"verb": "ListRecords", "metadataPrefix": "oai_datacite"}
    assert [r.query for r in server.requests[:2]] == [
        asked | {"from": "2026-01-05T10:00:00Z", "until": "2026-01-09T08:00:00Z"},
        asked | {"from": "2026-01-05", "until": "2026-01-09"},
    ]


def minimal_oai() -> OAICatalogue:
    """Five hand-made ISO records and one deleted, three a page (runs without ../shared)."""
    records = [
        OAIRecord(f"oai:gaia:{path.stem}", f"2026-02-0{n}", text_without_declaration(path))
        for n, path in enumerate(MINIMAL, 1)
    ]
    records.insert(2, OAIRecord("oai:gaia:gone", "2026-02-03", None))
    return OAICatalogue(records)


def test_oai_500_on_page_2_then_resume_yields_exactly_the_rest() -> None:
    catalogue = minimal_oai()
    catalogue.failing["3//"] = Answer(500, "text/plain", b"boom")
    with serve(catalogue) as server, client() as http:
        source = OAIPMHSource("oai-test", f"{server.url}/oai", "iso19139")
        got, error = harvest(source, http)
        assert [(r.identifier, r.deleted) for r in got] == [
            ("oai:gaia:iso-minimal-a", False),
            ("oai:gaia:iso-minimal-b", False),
            ("oai:gaia:gone", True),
        ]
        assert error is not None
        assert (error.page, error.reason, error.resume) == (
            "resumptionToken=3//",
            "HTTP 500",
            "3//",
        )
        assert source.resume_token == "3//"
        catalogue.failing.clear()
        rest, error = harvest(source, http, resume=source.resume_token)
    assert error is None
    assert [r.identifier for r in rest] == [f"oai:gaia:iso-minimal-{c}" for c in "cde"]
    assert all(iso19139.sniff(r.data) for r in got + rest if not r.deleted)


def test_oai_errors() -> None:
    catalogue = minimal_oai()
    with serve(catalogue) as server, client() as http:
        url = f"{server.url}/oai"
        got, error = harvest(OAIPMHSource("oai-test", url, "iso19139", since="2030-01-01"), http)
        assert (got, error) == ([], None)
        got, error = harvest(OAIPMHSource("oai-test", url, "iso19139"), http, resume="nonsense")
        assert got == [] and error is not None
        assert error.reason == "OAI-PMH error: badResumptionToken: unknown token nonsense"
        assert error.resume == "nonsense"
        catalogue.failing[None] = Answer(
            200, "text/xml", (SOURCE_FIXTURES / "oai-external-entity.xml").read_bytes()
        )
        got, error = harvest(OAIPMHSource("oai-test", url, "iso19139"), http)
    assert got == [] and error is not None
    assert "XML entity declarations are refused" in error.reason


# --- DCAT ----------------------------------------------------------------------------------


def ground(triples: list[ox.Triple]) -> set[ox.Triple]:
    """The triples without blank nodes or Hydra terms."""
    return {
        t
        for t in triples
        if not isinstance(t.subject, ox.BlankNode)
        and not isinstance(t.object, ox.BlankNode)
        and not t.predicate.value.startswith(HYDRA)
        and not t.subject.value.startswith("http://127.0.0.1")
    }


def test_dcat_pages_the_demo_catalogue_by_hydra_next() -> None:
    catalogue = DCATCatalogue(DEMO)
    with serve(catalogue) as server, client() as http:
        catalogue.base = server.url
        source = DCATSource("dcat-test", f"{server.url}/dcat/page/1")
        got, error = harvest(source, http)
    pages = [f"{server.url}/dcat/page/{n}" for n in range(1, len(DEMO) + 1)]
    assert error is None
    assert [(r.identifier, r.url, r.deleted) for r in got] == [(p, p, False) for p in pages]
    assert [r.path for r in server.requests] == [f"/dcat/page/{n}" for n in range(1, len(DEMO) + 1)]
    formats = {2: ox.RdfFormat.RDF_XML, 3: ox.RdfFormat.JSON_LD}
    for number, (record, path) in enumerate(zip(got, DEMO, strict=True), 1):
        rdf_format = formats.get(number, ox.RdfFormat.TURTLE)
        served = list(ox.parse(record.data, format=rdf_format, base_iri=record.url))
        demo = list(ox.parse(path=path, format=ox.RdfFormat.TURTLE))
        assert ground(served) == ground(demo), path.name
        assert len(served) - len(demo) == (2 if number < len(DEMO) else 1), path.name
    assert source.resume_token is None


def test_dcat_500_on_page_2_then_resume_and_malformed_page() -> None:
    catalogue = DCATCatalogue(DEMO[:4])
    catalogue.failing[2] = Answer(500, "text/plain", b"boom")
    with serve(catalogue) as server, client() as http:
        catalogue.base = server.url
        source = DCATSource("dcat-test", f"{server.url}/dcat/page/1")
        got, error = harvest(source, http)
        second = f"{server.url}/dcat/page/2"
        assert [r.identifier for r in got] == [f"{server.url}/dcat/page/1"]
        assert error is not None and (error.page, error.reason, error.resume) == (
            second,
            "HTTP 500",
            second,
        )
        catalogue.failing[2] = Answer(
            200, "text/turtle", (SOURCE_FIXTURES / "dcat-malformed.ttl").read_bytes()
        )
        got, error = harvest(source, http, resume=source.resume_token)
        assert got == [] and error is not None and error.reason.startswith("unreadable page:")
        catalogue.failing.clear()
        rest, error = harvest(source, http, resume=error.resume)
    assert error is None
    assert [r.identifier for r in rest] == [f"{server.url}/dcat/page/{n}" for n in (2, 3, 4)]


def test_dcat_page_linking_back_is_a_source_error() -> None:
    def app(request):
        body = f"<{request.path}> <{HYDRA}next> </dcat/page/1> .".encode()
        return Answer(200, "text/turtle", body)

    with serve(app) as server, client() as http:
        got, error = harvest(DCATSource("dcat-test", f"{server.url}/dcat/page/1"), http)
    assert [r.identifier for r in got] == [f"{server.url}/dcat/page/1"]
    assert error is not None and "loops back" in error.reason


def test_dcat_hydra_json_ld_with_remote_context_and_links_of_other_nodes() -> None:
    dataset = '"dcat:dataset": {"@id": "https://example.org/d/PAGE", "@type": "dcat:Dataset"}'
    pages = {
        "1": (
            "text/turtle",
            f"<https://example.org/other> <{HYDRA}next> <https://example.org/elsewhere> .\n"
            f"<?page=1> a <{HYDRA}PartialCollectionView> ; <{HYDRA}next> <?page=2> .",
        ),
        "2": (
            "application/ld+json",
            '{"@context": ["http://www.w3.org/ns/hydra/context.jsonld",'
            ' {"dcat": "http://www.w3.org/ns/dcat#"}], "@id": "/catalog",'
            f" {dataset.replace('PAGE', '2')},"
            ' "view": {"@id": "?page=2", "next": "?page=3"}}',
        ),
        "3": (
            "application/ld+json",
            '{"@context": {"hydra": "http://www.w3.org/ns/hydra/core#"}, "@id": "?page=3",'
            ' "hydra:next": {"@id": "/catalog?page=4"}}',
        ),
        "4": ("application/ld+json", '{"@context": "http://www.w3.org/ns/hydra/context.jsonld"}'),
    }

    def app(request):
        media, body = pages[request.query["page"]]
        return Answer(200, media, body.encode())

    with serve(app) as server, client() as http:
        got, error = harvest(DCATSource("dcat-test", f"{server.url}/catalog?page=1"), http)
    assert error is None
    assert [r.identifier for r in got] == [f"{server.url}/catalog?page={n}" for n in "1234"]
