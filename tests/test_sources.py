"""CSW and directory harvesters against a real HTTP server on 127.0.0.1 (no network)."""

from __future__ import annotations

import importlib
import os
import time
from pathlib import Path
from xml.etree import ElementTree

import pytest
from fixture_server import Answer, Request, serve
from helpers import BASE, corpus
from source_catalogues import (
    MINIMAL,
    SOURCE_FIXTURES,
    CSWCatalogue,
    blank,
    client,
    harvest,
    iso_records,
)

from graph_loader.errors import InputError
from graph_loader.mappings import iso19115_3, iso19139
from graph_loader.mappings.xmlsafe import parse_xml
from graph_loader.sources import SOURCES, SourceError
from graph_loader.sources.csw import CSWSource
from graph_loader.sources.dcat import DCATSource
from graph_loader.sources.directory import DirectorySource
from graph_loader.sources.oaipmh import OAIPMHSource
from graph_loader.sources.stac import STACSource


def post(request: Request) -> ElementTree.Element:
    """The GetRecords document a request posted."""
    return parse_xml(request.body)


# --- CSW -----------------------------------------------------------------------------------


def test_csw_pages_every_iso19139_record_of_the_corpus_two_by_two() -> None:
    records = iso_records(corpus("iso19139", glob="*.xml"))
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
        assert iso19139.convert(record.data, base_iri=BASE), record.identifier


@pytest.mark.parametrize("method", ["POST", "GET"])
def test_csw_iso19115_3_records_of_the_corpus(method: str) -> None:
    records = iso_records(corpus("iso19115-3", glob="*.xml"))
    mdb = "http://standards.iso.org/iso/19115/-3/mdb/2.0"
    with serve(CSWCatalogue([xml for _, xml in records])) as server, client() as http:
        source = CSWSource("csw-test", f"{server.url}/csw", 2, method, mdb, "mdb:MD_Metadata")
        got, error = harvest(source, http)
    assert error is None
    assert [r.identifier for r in got] == [i for i, _ in records]
    assert [iso19115_3.sniff(r.data) or iso19139.sniff(r.data) for r in got] == [True] * len(got)
    if method == "GET":
        assert server.requests[0].query["namespace"] == f"xmlns(mdb={mdb})"
        assert server.requests[0].query["typeNames"] == "mdb:MD_Metadata"
    else:
        assert post(server.requests[0]).get("outputSchema") == mdb


def test_csw_records_convert_like_the_served_record() -> None:
    records = iso_records(MINIMAL)
    with serve(CSWCatalogue([xml for _, xml in records])) as server, client() as http:
        got, error = harvest(CSWSource("csw-test", f"{server.url}/csw", page_size=2), http)
    assert error is None
    for record, (_, xml) in zip(got, records, strict=True):
        expected = iso19139.convert(xml.encode("utf-8"), base_iri=BASE)
        assert blank(iso19139.convert(record.data, base_iri=BASE)) == blank(expected)
    assert [r.datestamp for r in got] == [f"2026-01-0{n}" for n in range(1, 6)]


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


@pytest.mark.parametrize("method", ["POST", "GET"])
def test_csw_incremental_since(method: str) -> None:
    records = [xml for _, xml in iso_records(MINIMAL)]
    with serve(CSWCatalogue(records)) as server, client() as http:
        source = CSWSource("csw-test", f"{server.url}/csw", 2, method, since="2026-01-03")
        got, error = harvest(source, http)
    assert error is None
    assert [(r.identifier, r.datestamp) for r in got] == [
        ("minimal-c", "2026-01-03"),
        ("minimal-d", "2026-01-04"),
        ("minimal-e", "2026-01-05"),
    ]
    if method == "GET":
        assert server.requests[0].query["constraint"] == "apiso:Modified >= '2026-01-03'"
    else:
        literal = post(server.requests[0]).findtext(".//{http://www.opengis.net/ogc}Literal")
        assert literal == "2026-01-03"


def test_csw_since_must_be_an_iso_date() -> None:
    with pytest.raises(InputError, match="is not an ISO 8601 date"):
        CSWSource("csw-test", "http://127.0.0.1/csw", since="2026-01-01' OR 1=1 --")


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
        assert (source.resume_token, error.skip, error.transient) == ("3", "5", True)
        assert str(error) == (
            "csw-test: page startPosition=3 failed (échec de la page startPosition=3): HTTP 500"
            " — resume from / reprendre à: 3"
        )
        catalogue.failing.clear()
        rest, error = harvest(source, http, resume=error.resume)
    assert error is None
    assert [r.identifier for r in rest] == ["minimal-c", "minimal-d", "minimal-e"]


def test_csw_harvest_interrupted_mid_page_resumes_at_that_page() -> None:
    catalogue = CSWCatalogue([xml for _, xml in iso_records(MINIMAL)])
    with serve(catalogue) as server, client() as http:
        source = CSWSource("csw-test", f"{server.url}/csw", page_size=2)
        records = source.records(http)
        first = [next(records).identifier for _ in range(3)]
        records.close()
        token = source.resume_token
        rest = [
            r.identifier
            for r in CSWSource("csw-test", f"{server.url}/csw", 2).records(http, resume=token)
        ]
    assert (first, token, rest) == (
        ["minimal-a", "minimal-b", "minimal-c"],
        "3",
        ["minimal-c", "minimal-d", "minimal-e"],
    )


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


def test_csw_50_mb_record_is_isolated_and_the_harvest_goes_on_past_it() -> None:
    records = [xml for _, xml in iso_records(MINIMAL)]
    huge = records[3].replace("Enregistrement minimal d", "x" * 50_000_000)
    catalogue = CSWCatalogue(records[:3] + [huge] + records[4:])
    with serve(catalogue) as server, client() as http:
        source = CSWSource("csw-test", f"{server.url}/csw", page_size=2)
        got, error = harvest(source, http)
        assert [r.identifier for r in got] == ["minimal-a", "minimal-b", "minimal-c"]
        assert error is not None and (error.page, error.resume, error.skip) == (
            "startPosition=4",
            "4",
            "5",
        )
        assert "bytes is over the 20971520 bytes limit" in error.reason
        rest, error = harvest(source, http, resume=error.skip)
    assert error is None
    assert [r.identifier for r in rest] == ["minimal-e"]
    pages = [(r.get("startPosition"), r.get("maxRecords")) for r in map(post, server.requests)]
    assert pages == [("1", "2"), ("3", "2"), ("3", "1"), ("4", "1"), ("5", "2")]


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
    assert error is not None
    assert (error.page, error.resume, error.skip, error.transient) == (
        "startPosition=3",
        "3",
        "4",
        False,
    )
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
    from graph_loader.sources.thredds import THREDDSSource

    classes = {}
    for kind, target in SOURCES.items():
        module, name = target.split(":")
        classes[kind] = getattr(importlib.import_module(module), name)
    assert classes == {
        "csw": CSWSource,
        "oai-pmh": OAIPMHSource,
        "dcat": DCATSource,
        "directory": DirectorySource,
        "stac": STACSource,
        "thredds": THREDDSSource,
    }
