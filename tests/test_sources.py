"""Harvesters against a real HTTP server on 127.0.0.1 serving real records (no network)."""

from __future__ import annotations

import importlib
import os
import re
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from fixture_server import Answer, serve
from source_catalogues import (
    CORPORA,
    HYDRA,
    SOURCE_FIXTURES,
    CSWCatalogue,
    DCATCatalogue,
    OAICatalogue,
    OAIRecord,
    iso_records,
)

from graph_loader.mappings import datacite_xml, iso19139
from graph_loader.mappings.xmlsafe import parse_xml
from graph_loader.paths import demo_dir
from graph_loader.sources import SOURCES, RawRecord, SourceError
from graph_loader.sources.csw import CSWSource
from graph_loader.sources.dcat import DCATSource
from graph_loader.sources.directory import DirectorySource
from graph_loader.sources.oaipmh import OAIPMHSource

BASE = "https://w3id.org/gaia-kg/"
MINIMAL = sorted(SOURCE_FIXTURES.glob("iso-minimal-*.xml"))
DEMO = sorted(demo_dir().glob("*.ttl"))


def client(timeout: float = 2.0) -> httpx.Client:
    """A client with a short timeout and no environment proxies."""
    return httpx.Client(timeout=timeout, trust_env=False)


def corpus(folder: str) -> Path:
    """A corpus folder of ../shared, or skip."""
    path = CORPORA / folder
    if not path.is_dir():
        pytest.skip(f"{path} is absent")
    return path


def harvest(
    source, http: httpx.Client, resume: str | None = None
) -> tuple[list[RawRecord], SourceError | None]:
    """The records yielded until the end or a SourceError (returned, not raised)."""
    got: list[RawRecord] = []
    try:
        for record in source.records(http, resume=resume):
            got.append(record)
    except SourceError as exc:
        return got, exc
    return got, None


def blank(triples: list[ox.Triple]) -> list[tuple[str, ...]]:
    """The triples as sorted strings, every blank node written ``_:``."""

    def term(node: object) -> str:
        return "_:" if isinstance(node, ox.BlankNode) else str(node)

    return sorted((term(t.subject), str(t.predicate), term(t.object)) for t in triples)


def text_without_declaration(path: Path) -> str:
    """A record file's text without its XML declaration (to embed it in a page)."""
    text = path.read_text(encoding="utf-8-sig")
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", text)


# --- CSW -----------------------------------------------------------------------------------


def test_csw_pages_every_iso19139_record_of_the_corpus_two_by_two() -> None:
    records = iso_records(sorted(corpus("iso19139").rglob("*.xml")))
    with serve(CSWCatalogue([xml for _, xml in records])) as server, client() as http:
        source = CSWSource("csw-test", f"{server.url}/csw", page_size=2)
        got, error = harvest(source, http)
    assert error is None
    assert [(r.identifier, r.deleted) for r in got] == [(i, False) for i, _ in records]
    starts = [parse_xml(r.body).get("startPosition") for r in server.requests]
    assert starts == [str(n) for n in range(1, len(records) + 1, 2)]
    assert {parse_xml(r.body).get("maxRecords") for r in server.requests} == {"2"}
    assert source.resume_token is None
    for record in got:
        assert iso19139.sniff(record.data), record.identifier
        root = parse_xml(record.data)
        assert root.tag.endswith(("}MD_Metadata", "}MI_Metadata"))


def test_csw_records_convert_like_the_served_record() -> None:
    records = iso_records(MINIMAL)
    with serve(CSWCatalogue([xml for _, xml in records])) as server, client() as http:
        got, error = harvest(CSWSource("csw-test", f"{server.url}/csw", page_size=2), http)
    assert error is None
    for record, (_, xml) in zip(got, records, strict=True):
        expected = iso19139.convert(xml.encode("utf-8"), base_iri=BASE)
        assert blank(iso19139.convert(record.data, base_iri=BASE)) == blank(expected)
    assert [r.datestamp for r in got] == ["2026-01-01"] * 5


def test_csw_get_kvp_requests() -> None:
    records = iso_records(MINIMAL)
    with serve(CSWCatalogue([xml for _, xml in records])) as server, client() as http:
        got, error = harvest(
            CSWSource("csw-test", f"{server.url}/csw", page_size=3, method="GET"), http
        )
    assert error is None
    assert [r.identifier for r in got] == [f"minimal-{c}" for c in "abcde"]
    assert [(r.method, r.query["request"], r.query["startPosition"]) for r in server.requests] == [
        ("GET", "GetRecords", "1"),
        ("GET", "GetRecords", "4"),
    ]
    assert server.requests[0].query["outputSchema"] == "http://www.isotc211.org/2005/gmd"


def test_csw_500_on_page_2_then_resume_yields_exactly_the_rest() -> None:
    catalogue = CSWCatalogue([xml for _, xml in iso_records(MINIMAL)])
    catalogue.failing[3] = Answer(500, "text/plain", b"boom")
    with serve(catalogue) as server, client() as http:
        source = CSWSource("csw-test", f"{server.url}/csw", page_size=2)
        got, error = harvest(source, http)
        assert [r.identifier for r in got] == ["minimal-a", "minimal-b"]
        assert error is not None and (error.page, error.reason, error.resume) == (
            "startPosition=3",
            "HTTP 500",
            "3",
        )
        assert source.resume_token == "3"
        assert str(error) == (
            "csw-test: page startPosition=3 failed (échec de la page startPosition=3): HTTP 500"
            " — resume from / reprendre à: 3"
        )
        catalogue.failing.clear()
        rest, error = harvest(source, http, resume=error.resume)
    assert error is None
    assert [r.identifier for r in rest] == ["minimal-c", "minimal-d", "minimal-e"]


def test_csw_server_that_never_answers_is_a_timeout_error() -> None:
    catalogue = CSWCatalogue([xml for _, xml in iso_records(MINIMAL)])
    catalogue.failing[1] = Answer(200, "application/xml", b"", delay=10)
    with serve(catalogue) as server, client(timeout=0.3) as http:
        began = time.monotonic()
        got, error = harvest(CSWSource("csw-test", f"{server.url}/csw"), http)
        elapsed = time.monotonic() - began
    assert got == [] and error is not None
    assert (error.page, error.resume, error.reason.startswith("timeout (délai dépassé)")) == (
        "startPosition=1",
        "1",
        True,
    )
    assert elapsed < 1.5


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (
            Answer(200, "application/xml", (SOURCE_FIXTURES / "csw-entity-bomb.xml").read_bytes()),
            "XML entity declarations are refused",
        ),
        (
            Answer(200, "application/xml", (SOURCE_FIXTURES / "csw-truncated.xml").read_bytes()),
            "malformed XML",
        ),
        (
            Answer(200, "text/html", b"<html><body>Maintenance</body></html>"),
            "no csw:SearchResults",
        ),
        (
            Answer(
                200,
                "application/xml",
                b'<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows"><ows:Exception>'
                b"<ows:ExceptionText>bad outputSchema</ows:ExceptionText></ows:Exception>"
                b"</ows:ExceptionReport>",
            ),
            "CSW exception: bad outputSchema",
        ),
    ],
    ids=["entity-bomb", "truncated", "html", "exception-report"],
)
def test_csw_unreadable_page_is_a_source_error(answer: Answer, reason: str) -> None:
    catalogue = CSWCatalogue([xml for _, xml in iso_records(MINIMAL)])
    catalogue.failing[3] = answer
    with serve(catalogue) as server, client() as http:
        got, error = harvest(CSWSource("csw-test", f"{server.url}/csw", page_size=2), http)
    assert [r.identifier for r in got] == ["minimal-a", "minimal-b"]
    assert error is not None and (error.page, error.resume) == ("startPosition=3", "3")
    assert reason in error.reason


def test_csw_page_in_latin1_keeps_encoding_and_prefixes() -> None:
    page = (SOURCE_FIXTURES / "csw-latin1-page.xml").read_bytes()
    with serve(lambda request: Answer(200, "application/xml", page)) as server, client() as http:
        got, error = harvest(CSWSource("csw-test", f"{server.url}/csw"), http)
    assert error is None
    assert [r.identifier for r in got] == ["relevé-latin1", f"{server.url}/csw#record-2"]
    first = got[0].data
    assert first.startswith(b'<?xml version="1.0" encoding="ISO-8859-1"?>\n<gmd:MD_Metadata')
    assert b'xsi:type="gmd:PT_FreeText_PropertyType"' in first
    title = parse_xml(first).findtext(".//{http://www.isotc211.org/2005/gco}CharacterString")
    assert title == "relevé-latin1"
    assert iso19139.convert(first, base_iri=BASE)


# --- OAI-PMH -------------------------------------------------------------------------------


def datacite_repository() -> tuple[list[OAIRecord], list[tuple[str, bool]]]:
    """The DataCite XML corpus as an OAI-PMH repository with one deleted record, and the
    (identifier, deleted) list a harvest must yield."""
    files = sorted(corpus("datacite-xml").glob("*.xml"))
    records = [
        OAIRecord(f"oai:gaia:{path.stem}", f"2026-01-{n:02d}", text_without_declaration(path))
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


# --- directories and registry --------------------------------------------------------------


def test_directory_yields_files_in_path_order_and_resumes(tmp_path: Path) -> None:
    for name in ("b.xml", "a.ttl", "sub/c.json", ".hidden/x.xml", ".skip.xml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(name.encode())
        os.utime(tmp_path / name, (1767225600, 1767225600))
    source = DirectorySource("dir-test", tmp_path)
    got = list(source.records())
    assert [(r.identifier, r.data, r.datestamp) for r in got] == [
        ("a.ttl", b"a.ttl", "2026-01-01T00:00:00+00:00"),
        ("b.xml", b"b.xml", "2026-01-01T00:00:00+00:00"),
        ("sub/c.json", b"sub/c.json", "2026-01-01T00:00:00+00:00"),
    ]
    assert [r.identifier for r in source.records(resume="a.ttl")] == ["b.xml", "sub/c.json"]
    with pytest.raises(SourceError, match="not a folder"):
        list(DirectorySource("dir-test", tmp_path / "absent").records())


def test_registry_names_every_source_class() -> None:
    classes = {}
    for kind, target in SOURCES.items():
        module, name = target.split(":")
        classes[kind] = getattr(importlib.import_module(module), name)
    assert classes == {
        "csw": CSWSource,
        "oai-pmh": OAIPMHSource,
        "dcat": DCATSource,
        "directory": DirectorySource,
    }
