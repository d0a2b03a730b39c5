"""OAI-PMH answers: each record through the converter of its format, refused records named."""

from __future__ import annotations

import re

import pytest
from helpers import BASE, TESTS, as_graph, assert_isomorphic, corpus
from rdflib import Graph
from rdflib.compare import isomorphic

from graph_loader.errors import InputError
from graph_loader.formats import detect_format
from graph_loader.mappings import oai_pmh

CASES = TESTS / "cases"
CMDI = """<record><header><identifier>oai:kielipankki.fi:shf86110</identifier>
  <datestamp>2014-10-22</datestamp></header><metadata>
  <CMD xmlns="http://www.clarin.eu/cmd/" CMDVersion="1.1"><Header/></CMD></metadata></record>"""
DELETED = """<record><header status="deleted"><identifier>hdl:1765/1160</identifier>
  <datestamp>2004-02-16T13:29:54Z</datestamp></header></record>"""


def _body(path) -> str:
    """A record document without its XML declaration, to sit inside <metadata>."""
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", path.read_text("utf-8"))


def _page(*records: str, verb: str = "ListRecords") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">'
        "<responseDate>2024-01-01T00:00:00Z</responseDate>"
        f'<request verb="{verb}">https://example.org/oai</request><{verb}>'
        + "".join(records)
        + f"</{verb}></OAI-PMH>"
    ).encode()


def _record(identifier: str, metadata: str) -> str:
    return (
        f"<record><header><identifier>{identifier}</identifier>"
        f"<datestamp>2024-01-01</datestamp></header><metadata>{metadata}</metadata></record>"
    )


def _oai_datacite(resource: str) -> str:
    return (
        '<oai_datacite xmlns="http://schema.datacite.org/oai/oai-1.1/"><schemaVersion>4'
        "</schemaVersion><datacentreSymbol>X.Y</datacentreSymbol>"
        f"<payload>{resource}</payload></oai_datacite>"
    )


def test_a_page_gives_the_records_its_converters_give():
    """A ListRecords page holding an oai_dc record, a DataCite record in its oai_datacite
    envelope, a CMDI record and a deleted one: the page's graph is the union of the golden
    graphs of the two readable records; CMDI is refused alone, named; the deleted one skipped."""
    dc = CASES / "oai_dc" / "minimal-dataset"
    datacite = CASES / "datacite-xml" / "kernel3-orcid-etalab"
    page = _page(
        _record("oai:x:1", _body(dc / "input.xml")),
        _record("oai:x:2", _oai_datacite(_body(datacite / "input.xml"))),
        CMDI,
        DELETED,
    )
    assert detect_format(page) == "oai-pmh"
    results = oai_pmh.convert_each(page, base_iri=BASE)
    assert [str(r) for r in results if isinstance(r, InputError)] == [
        "OAI record oai:kielipankki.fi:shf86110: metadata format CMDI is not read by gaia-kg"
    ]
    got = as_graph(oai_pmh.convert(page, base_iri=BASE))
    expected = Graph().parse(dc / "expected.ttl") + Graph().parse(datacite / "expected.ttl")
    assert_isomorphic(got, expected)


@pytest.mark.parametrize(
    ("page", "message"),
    [
        (_page(CMDI, verb="GetRecord"), "OAI record oai:kielipankki.fi:shf86110: metadata "
         "format CMDI is not read by gaia-kg"),
        (_page(DELETED, verb="GetRecord"), "OAI-PMH answer whose records are all deleted"),
        (_page("<header><identifier>a</identifier></header>", verb="ListIdentifiers"),
         "OAI-PMH ListIdentifiers answer: it holds record identifiers only (ask ListRecords for "
         "the metadata), no metadata record"),
        (b'<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>x</responseDate>'
         b'<request>u</request><error code="noRecordsMatch">No match</error></OAI-PMH>',
         "OAI-PMH error answer noRecordsMatch: No match"),
    ],
)  # fmt: skip
def test_answers_without_readable_records_say_why(page: bytes, message: str):
    with pytest.raises(InputError) as caught:
        oai_pmh.convert(page, base_iri=BASE)
    assert str(caught.value) == message


def test_corpus_answers():
    """Every real OAI-PMH answer: the number of records read, or why it gives none (read from
    each file: ListSets/ListIdentifiers/ListMetadataFormats hold no metadata, the IDA records
    have no dc:title, the Kielipankki record is CMDI, the DSpace fake2 record is deleted)."""
    got = {}
    for path in corpus("real", "oai-pmh"):
        data = path.read_bytes()
        if detect_format(data) != "oai-pmh":
            got[path.name] = detect_format(data)
            continue
        try:
            results = oai_pmh.convert_each(data, base_iri=BASE)
        except InputError as exc:
            got[path.name] = str(exc).split(":")[0]
            continue
        got[path.name] = [
            "refused: " + str(r).split(": ", 1)[1] if isinstance(r, InputError) else "read"
            for r in results
        ]
    no_title = ["refused: oai_dc record without a title (dc:title) (notice sans titre)"]
    assert got == {
        "oai_getrecord_dc.xml": ["read"],
        "oai_getrecord_oaidatacite.xml": ["read"],
        "oai_listidentifiers.xml": "OAI-PMH ListIdentifiers answer",
        "oai_listmetadataformats.xml": "OAI-PMH ListMetadataFormats answer",
        "oai_listrecords_dc.xml": ["read", "read"],
        "oai_listsets.xml": "OAI-PMH ListSets answer",
        "fake1__00000.xml": "OAI-PMH ListSets answer",
        "fake1__00002.xml": "OAI-PMH ListMetadataFormats answer",
        "fake1__00003.xml": "OAI-PMH ListIdentifiers answer",
        "fake1__00004.xml": ["read"],
        "fake1__00005.xml": ["read"] * 16,
        "fake1__00006.xml": "oai_dc",
        "fake2__00000.xml": [],
        "cmdi_2.xml": ["refused: metadata format CMDI is not read by gaia-kg"],
        "helda.xml": ["read"],
        "helda2.xml": ["read"],
        "helda_oai_dc.xml": ["read"],
        "ida.xml": no_title,
        "ida2.xml": no_title,
        "ida3.xml": no_title,
        "listidentifiers.xml": "OAI-PMH ListIdentifiers answer",
        "oai-pmh.xml": ["read"],
    }


def test_iso_records_in_an_oai_page_convert_as_alone():
    """ISO 19139 inside an OAI-PMH envelope (metadataPrefix iso19139) gives the graph the ISO
    converter gives for the record alone."""
    iso = CASES / "iso19139" / "dataset-bilingual"
    got = as_graph(oai_pmh.convert(_page(_record("oai:x:iso", _body(iso / "input.xml"))),
                                   base_iri=BASE))  # fmt: skip
    expected = Graph().parse(iso / "expected.ttl")
    assert isomorphic(got, expected)
