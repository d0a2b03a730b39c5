"""ISO 19115-3 → GeoDCAT-AP: golden cases, sniffing, bad input (the corpus is in the 19139 test)."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from helpers import BASE, as_graph, assert_isomorphic, cases
from rdflib.compare import isomorphic

from graph_loader.errors import InputError
from graph_loader.mappings import iso19115_3, sniff_mapping

CASES = cases("iso19115-3")
MDB = 'xmlns:mdb="http://standards.iso.org/iso/19115/-3/mdb/2.0"'


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: Path):
    produced = as_graph(iso19115_3.convert((case / "input.xml").read_bytes(), base_iri=BASE))
    expected = rdflib.Graph().parse(case / "expected.ttl")
    assert_isomorphic(produced, expected)


def test_format_detection_tells_the_two_iso_schemas_apart():
    data = (CASES[0] / "input.xml").read_bytes()
    assert (sniff_mapping(data), iso19115_3.sniff(data), iso19115_3.sniff(b"<mdb:x/>")) == (
        "iso19115-3",
        True,
        False,
    )


@pytest.mark.parametrize(
    "data,message",
    [
        (b"", "ISO 19115-3 record: empty record"),
        (
            f"<mdb:MD_Metadata {MDB}><a></mdb:MD_Metadata>".encode(),
            "ISO 19115-3 record: malformed XML",
        ),
        (
            f'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><mdb:MD_Metadata {MDB}>&e;'
            "</mdb:MD_Metadata>".encode(),
            "ISO 19115-3 record: XML entity declarations are refused",
        ),
        (
            f"<mdb:MD_Metadata {MDB}/>".encode(),
            "ISO 19115-3 record 1: record has no identificationInfo",
        ),
    ],
)
def test_bad_input_is_a_clear_input_error(data, message):
    with pytest.raises(InputError) as caught:
        iso19115_3.convert(data, base_iri=BASE)
    assert str(caught.value).startswith(message)


def test_convert_each_gives_one_result_per_record():
    data = (CASES[0] / "input.xml").read_bytes()
    results = iso19115_3.convert_each(data, base_iri=BASE)
    assert len(results) == 1
    assert isomorphic(as_graph(results[0]), as_graph(iso19115_3.convert(data, base_iri=BASE)))


def test_a_depth_crs_given_by_its_epsg_code_makes_negative_altitudes():
    """19115-3 names the vertical CRS by an identifier (``verticalCRSId``): EPSG 5866 (LAT
    depth) turns a depth of 5 to 120 m into altitudes of -120 to -5 m."""
    extent = (
        '<gex:verticalElement xmlns:mrs="http://standards.iso.org/iso/19115/-3/mrs/1.0">'
        "<gex:EX_VerticalExtent>"
        "<gex:minimumValue><gco:Real>5</gco:Real></gex:minimumValue>"
        "<gex:maximumValue><gco:Real>120</gco:Real></gex:maximumValue>"
        "<gex:verticalCRSId><mrs:MD_ReferenceSystem><mrs:referenceSystemIdentifier>"
        "<mcc:MD_Identifier><mcc:code><gco:CharacterString>5866</gco:CharacterString></mcc:code>"
        "<mcc:codeSpace><gco:CharacterString>EPSG</gco:CharacterString></mcc:codeSpace>"
        "</mcc:MD_Identifier></mrs:referenceSystemIdentifier></mrs:MD_ReferenceSystem>"
        "</gex:verticalCRSId></gex:EX_VerticalExtent></gex:verticalElement>"
    )
    data = (CASES[0] / "input.xml").read_text("utf-8")
    data = data.replace("</gex:EX_Extent>", extent + "</gex:EX_Extent>", 1)
    found = {
        t.predicate.value.rsplit("#", 1)[1]: (t.object.value, t.object.datatype.value)
        for t in iso19115_3.convert(data.encode(), base_iri=BASE)
        if t.predicate.value.endswith("Altitude")
    }
    decimal = "http://www.w3.org/2001/XMLSchema#decimal"
    assert found == {"minimumAltitude": ("-120", decimal), "maximumAltitude": ("-5", decimal)}
