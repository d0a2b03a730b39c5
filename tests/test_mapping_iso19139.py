"""ISO 19139 → GeoDCAT-AP: SEMIC's cases, golden cases, the corpus, bad input."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from graph_overlap import overlap
from helpers import BASE, CORPORA, TESTS, as_graph, assert_isomorphic, cases, corpus
from rdflib.compare import isomorphic

from graph_loader.errors import InputError
from graph_loader.mappings import iso19115_3, iso19139, sniff_mapping
from graph_loader.mappings.xmlsafe import MAX_RECORD_BYTES
from graph_loader.pipeline import load_paths
from graph_loader.records import split_records
from graph_loader.store import EmbeddedStore

SEMIC = CORPORA / "iso19139-to-dcat-testcases"
CASES = cases("iso19139")
BILINGUAL = TESTS / "cases" / "iso19139" / "dataset-bilingual"
FIXTURES = TESTS / "fixtures" / "mappings" / "iso19139"
DCT_TITLE = "http://purl.org/dc/terms/title"
GMD = 'xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco"'

#: floor per SEMIC case: share (%) of the expected triples produced (see tests/graph_overlap.py)
SEMIC_FLOORS = {
    "basic_dataset": 96.7,
    "distributorinfo-multiple": 95.7,
    "hvd_dataset_multilingual": 96.0,
    "hvd_dataset_non_multilingual": 96.8,
    "identifiers-anchor": 96.7,
    "multilingual-resource-description": 94.9,
    "network-service": 97.3,
}


def test_semic_cases_reach_their_floor():
    if not SEMIC.is_dir():
        pytest.skip(f"{SEMIC} is absent (fresh clone)")
    achieved = {}
    for case in sorted(p for p in SEMIC.iterdir() if p.is_dir()):
        expected = rdflib.Graph().parse(case / "expected_output.ttl")
        produced = as_graph(iso19139.convert((case / "input.xml").read_bytes(), base_iri=BASE))
        found = overlap(expected, _access_services_blank(produced))
        print(
            f"{case.name}: {sum(found.common.values())} in common, "
            f"{sum(found.missing.values())} missing, {sum(found.extra.values())} extra "
            f"of {found.expected} expected ({found.percent}%)"
        )
        for path, predicate, value in sorted(found.missing.elements(), key=str):
            print(f"    missing: {' / '.join(path)} {predicate} {value}"[:300])
        achieved[case.name] = found.percent
    assert {name: pct >= SEMIC_FLOORS[name] for name, pct in achieved.items()} == dict.fromkeys(
        SEMIC_FLOORS, True
    ), achieved


def _access_services_blank(graph: rdflib.Graph) -> rdflib.Graph:
    """``graph`` with the access services of distributions as blank nodes, as SEMIC writes
    them (the converter gives each one an IRI: a data service is a record of its own)."""
    services = {o for o in graph.objects(None, rdflib.DCAT.accessService)}
    blank = {s: rdflib.BNode() for s in services if isinstance(s, rdflib.URIRef)}
    renamed = rdflib.Graph()
    for s, p, o in graph:
        renamed.add((blank.get(s, s), p, blank.get(o, o)))
    return renamed


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: Path):
    produced = as_graph(iso19139.convert((case / "input.xml").read_bytes(), base_iri=BASE))
    expected = rdflib.Graph().parse(case / "expected.ttl")
    assert_isomorphic(produced, expected)


def test_every_corpus_record_converts():
    """Each file converts, and every statement belongs to a record (nothing dangles)."""
    files = corpus("iso19139", glob="*.xml") + corpus("iso19115-3", glob="*.xml")
    outcome = {}
    for path in files:
        data = path.read_bytes()
        fmt = sniff_mapping(data)
        module = iso19115_3 if fmt == "iso19115-3" else iso19139
        triples = module.convert(data, base_iri=BASE)
        assert split_records(triples, base_iri=BASE).orphans == [], path.name
        roots = [
            t.subject.value
            for t in triples
            if t.predicate.value.endswith("#type")
            and t.object.value.rsplit("#")[-1] in ("Dataset", "DatasetSeries", "DataService")
            and isinstance(t.subject, ox.NamedNode)
        ]
        outcome[path.name] = (fmt, len(roots))
    assert outcome == {
        "9250AA67-F3AC-6C12-0CB9-0662231AA181_iso.xml": ("iso19139", 1),
        "csw_dov_getrecordbyid.xml": ("iso19139", 3),
        "csw_geobretagne_mdmetadata.xml": ("iso19139", 1),
        "inspire-getrecords-response.xml": ("iso19139", 2),
        "iso19139_srv.xml": ("iso19139", 1),
        "iso_keywords_anchor.xml": ("iso19139", 1),
        "iso_mi.xml": ("iso19139", 1),
        "3e9a8c05.xml": ("iso19139", 1),
        "AVHRR.2011.7Agg.xml": ("iso19139", 2),
        "S2MSI1C.xml": ("iso19139", 2),
        "T_aerfo_RAS_1991_GR800P001800000012.xml": ("iso19139", 1),
        "T_ortho_RAS_1998_284404.xml": ("iso19139", 1),
        "T_pmoed_DTM_1996_276395.xml": ("iso19139", 1),
        "iso_19115-2_Sentinel-2-scene.xml": ("iso19139", 1),
        "pacioos-NS06agg.xml": ("iso19139", 5),
        "test.xml": ("iso19139", 1),
        "auscope-3d-model.xml": ("iso19115-3", 1),
        "auscope-iso19139-geoprovinces.xml": ("iso19139", 2),
        "metawal.wallonie.be-catchments.xml": ("iso19115-3", 1),
    }


def test_every_corpus_record_loads_or_is_rejected_with_reasons():
    outcome = {}
    for path in corpus("iso19139", glob="*.xml") + corpus("iso19115-3", glob="*.xml"):
        report = load_paths(EmbeddedStore(None), [path], base_iri=BASE)
        assert report.file_errors == []
        outcome[path.name] = sorted(
            (o.kind, o.status, tuple(sorted({_reason(p) for p in o.problems + o.defects})))
            for o in report.outcomes
            if o.kind != "source"
        )
    loaded = [("dataset", "loaded", ())]
    service = ("service", "loaded", ())
    assert outcome == {
        "9250AA67-F3AC-6C12-0CB9-0662231AA181_iso.xml": loaded,  # language "eng; CAN"
        # its WMS and WFS endpoints are data services of their own; a title in Dutch only is a
        # title (no French or English: a warning)
        "csw_dov_getrecordbyid.xml": loaded + [service] * 2,
        "csw_geobretagne_mdmetadata.xml": loaded,
        "inspire-getrecords-response.xml": [
            ("service", "loaded", ()),
            ("service", "loaded", ()),
        ],
        "iso19139_srv.xml": [("service", "loaded", ())],
        "iso_keywords_anchor.xml": loaded,
        "iso_mi.xml": loaded,
        "3e9a8c05.xml": [("service", "loaded", ())],
        "AVHRR.2011.7Agg.xml": loaded + [service],  # its OPeNDAP service
        "S2MSI1C.xml": loaded + [service],  # its WMS
        "T_aerfo_RAS_1991_GR800P001800000012.xml": loaded,
        "T_ortho_RAS_1998_284404.xml": loaded,
        "T_pmoed_DTM_1996_276395.xml": loaded,
        "iso_19115-2_Sentinel-2-scene.xml": loaded,
        # OPeNDAP (service section and access form), THREDDS catalogue, ERDDAP tabledap
        "pacioos-NS06agg.xml": loaded + [service] * 4,
        "test.xml": loaded,
        "auscope-3d-model.xml": loaded,
        # no abstract: loaded, flagged not conformant with its defect
        "auscope-iso19139-geoprovinces.xml": [
            ("dataset", "loaded", ("description (dct:description)",)),
            service,  # its WFS
        ],
        "metawal.wallonie.be-catchments.xml": loaded,
    }


def _reason(problem: str) -> str:
    """The property part of a shape message: "error: the dataset « … » <…>, WHAT: why"."""
    return problem.split(">, ", 1)[-1].split("): ", 1)[0] + ")"


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("empty", b"", "empty record"),
        ("blank", b"  \n ", "empty record"),
        (
            "malformed",
            b"<gmd:MD_Metadata " + GMD.encode() + b"><oops></gmd:MD_Metadata>",
            "malformed XML",
        ),
        (
            "billion-laughs",
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
            b"<gmd:MD_Metadata " + GMD.encode() + b">&b;</gmd:MD_Metadata>",
            "entity declarations are refused",
        ),
        (
            "external-entity",
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b"<gmd:MD_Metadata " + GMD.encode() + b">&e;</gmd:MD_Metadata>",
            "entity declarations are refused",
        ),
        (
            "wrong-encoding",
            f'<?xml version="1.0" encoding="UTF-8"?><gmd:MD_Metadata {GMD}><gmd:abstract>'
            "<gco:CharacterString>été</gco:CharacterString></gmd:abstract></gmd:MD_Metadata>".encode(
                "latin-1"
            ),
            "malformed XML",
        ),
        (
            "unknown-encoding",
            f'<?xml version="1.0" encoding="klingon"?><gmd:MD_Metadata {GMD}/>'.encode(),
            "unreadable XML encoding: unknown encoding: klingon",
        ),
        (
            "no-record",
            b'<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2"/>',
            "no metadata record",
        ),
    ],
)
def test_bad_input_is_a_clear_input_error(name, data, message):
    with pytest.raises(InputError, match=message) as caught:
        iso19139.convert(data, base_iri=BASE)
    assert str(caught.value).startswith("ISO 19139")


def test_oversized_record_is_refused():
    data = (
        b"<gmd:MD_Metadata " + GMD.encode() + b">" + b" " * MAX_RECORD_BYTES + b"</gmd:MD_Metadata>"
    )
    with pytest.raises(InputError, match="bytes limit"):
        iso19139.convert(data, base_iri=BASE)


@pytest.mark.parametrize(
    "fixture,message",
    [
        (
            "no-title.xml",
            "ISO 19139 record 1: record https://data.gaia-data.fr/id/dataset/no-title has no title",
        ),
        ("no-identification.xml", "ISO 19139 record 1: record has no identificationInfo"),
    ],
)
def test_incomplete_records_are_named(fixture, message):
    with pytest.raises(InputError) as caught:
        iso19139.convert((FIXTURES / fixture).read_bytes(), base_iri=BASE)
    assert str(caught.value) == message


def test_a_record_without_any_identifier_is_named_by_its_title():
    from graph_loader.iri import resource_iri

    triples = iso19139.convert((FIXTURES / "no-identifier.xml").read_bytes(), base_iri=BASE)
    titles = {(t.subject.value, t.object.value) for t in triples if t.predicate.value == DCT_TITLE}
    assert titles == {(resource_iri("dataset", "Anonymous", BASE), "Anonymous")}


def test_sniff_accepts_iso_and_csw_and_refuses_the_rest():
    answers = {
        "record": iso19139.sniff(f"<gmd:MD_Metadata {GMD}/>".encode()),
        "csw": iso19139.sniff(
            b'<csw:GetRecordByIdResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2">'
            + f"<gmd:MD_Metadata {GMD}/></csw:GetRecordByIdResponse>".encode()
        ),
        "oai-pmh": iso19139.sniff(
            b'<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords><record>'
            + f"<metadata><gmd:MD_Metadata {GMD}/></metadata></record>".encode()
            + b"</ListRecords></OAI-PMH>"
        ),
        "other-namespace": iso19139.sniff(b'<gmd:MD_Metadata xmlns:gmd="x"/>'),
        "json": iso19139.sniff(b'{"@context": "https://schema.org/"}'),
        "binary": iso19139.sniff(bytes(range(256))),
        "19115-3 by 19139": iso19139.sniff(
            b'<mdb:MD_Metadata xmlns:mdb="http://standards.iso.org/iso/19115/-3/mdb/2.0"/>'
        ),
    }
    assert answers == {
        "record": True,
        "csw": True,
        "oai-pmh": True,
        "other-namespace": False,
        "json": False,
        "binary": False,
        "19115-3 by 19139": False,
    }


def test_licences_named_in_free_text_become_iris():
    from graph_loader.mappings.iso_parts import known_licence

    texts = [
        "CC BY-SA 4.0",
        "Creative Commons CC-BY-NC 3.0",
        "Voir https://creativecommons.org/licenses/by/4.0/.",
        "Licence Ouverte version 2.0",
        "ODbL",
        "CC0",
        "Usage libre sous réserve de citer la source",
    ]
    found = {t: (iri.value if (iri := known_licence(t)) else None) for t in texts}
    assert found == {
        "CC BY-SA 4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
        "Creative Commons CC-BY-NC 3.0": "https://creativecommons.org/licenses/by-nc/3.0/",
        "Voir https://creativecommons.org/licenses/by/4.0/.": "https://creativecommons.org/licenses/by/4.0/",
        "Licence Ouverte version 2.0": "https://www.etalab.gouv.fr/licence-ouverte-open-licence",
        "ODbL": "https://opendatacommons.org/licenses/odbl/1-0/",
        "CC0": "https://creativecommons.org/publicdomain/zero/1.0/",
        "Usage libre sous réserve de citer la source": None,
    }


def test_dates_are_typed_and_invalid_ones_dropped():
    from graph_loader.mappings.iso_common import date_literal

    values = ["2019-05-15", "2019-05-15T09:00+02:00", "2019-05-15T09:00:00Z", "2019-05", "2019"]
    values += ["2019-02-30", "15/05/2019", "2019-13", ""]
    typed = {
        v: (lit.value, lit.datatype.value[33:]) if (lit := date_literal(v)) else None
        for v in values
    }
    assert typed == {
        "2019-05-15": ("2019-05-15", "date"),
        "2019-05-15T09:00+02:00": ("2019-05-15T09:00:00+02:00", "dateTime"),
        "2019-05-15T09:00:00Z": ("2019-05-15T09:00:00Z", "dateTime"),
        "2019-05": ("2019-05-01", "date"),  # the shapes take date, dateTime, gYear
        "2019": ("2019", "gYear"),
        "2019-02-30": None,
        "15/05/2019": None,
        "2019-13": None,
        "": None,
    }
    assert date_literal("2019-02", end=True).value == "2019-02-28"


def test_a_bad_record_in_a_csw_answer_is_isolated_by_convert_each():
    good = (BILINGUAL / "input.xml").read_bytes().split(b"?>", 1)[1]
    bad = (FIXTURES / "no-title.xml").read_bytes().split(b"?>", 1)[1]
    answer = (
        b'<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2">'
        b"<csw:SearchResults>" + good + bad + b"</csw:SearchResults></csw:GetRecordsResponse>"
    )
    results = iso19139.convert_each(answer, base_iri=BASE)
    outcome = [len(r) if isinstance(r, list) else str(r) for r in results]
    expected_triples = len(iso19139.convert((BILINGUAL / "input.xml").read_bytes(), base_iri=BASE))
    assert outcome == [
        expected_triples,
        "ISO 19139 record 2: record https://data.gaia-data.fr/id/dataset/no-title has no title",
    ]
    with pytest.raises(InputError, match="record 2: .* has no title"):
        iso19139.convert(answer, base_iri=BASE)


def test_code_list_values_that_are_not_tokens_mint_no_iri():
    data = (BILINGUAL / "input.xml").read_bytes()
    data = data.replace(b'codeListValue="author"', b'codeListValue="a b"')
    data = data.replace(b'codeListValue="dataset"', b'codeListValue="http://x y"')
    objects = {t.object.value for t in iso19139.convert(data, base_iri=BASE)}
    inspire = "http://inspire.ec.europa.eu/metadata-codelist/"
    assert sorted(o for o in objects if o.startswith(inspire)) == [
        inspire + "ResourceType/dataset",
        inspire + "ResponsiblePartyRole/pointOfContact",
        inspire + "TopicCategory/climatologyMeteorologyAtmosphere",
    ]


GAIA_ALTITUDE = ("https://w3id.org/gaia-kg/ontology#minimumAltitude", "maximumAltitude")


def _altitudes(triples) -> dict[str, tuple[str | None, str | None]]:
    """resource -> (gaia:minimumAltitude, gaia:maximumAltitude) of converted triples."""
    low_iri = GAIA_ALTITUDE[0]
    high_iri = low_iri.replace("minimumAltitude", GAIA_ALTITUDE[1])
    found: dict[str, list] = {}
    for t in triples:
        if t.predicate.value in (low_iri, high_iri):
            assert t.object.datatype.value == "http://www.w3.org/2001/XMLSchema#decimal"
            pair = found.setdefault(t.subject.value, [None, None])
            pair[t.predicate.value == high_iri] = t.object.value
    return {s: tuple(pair) for s, pair in found.items()}


def test_the_corpus_vertical_extents_become_altitudes():
    """The two corpus records with an EX_VerticalExtent have no vertical CRS (one is
    ``nilReason="missing"``): heights, kept as written. No other record gets an altitude."""
    found = {}
    for path in corpus("iso19139", glob="*.xml") + corpus("iso19115-3", glob="*.xml"):
        data = path.read_bytes()
        module = iso19115_3 if sniff_mapping(data) == "iso19115-3" else iso19139
        altitudes = _altitudes(module.convert(data, base_iri=BASE))
        if altitudes:
            found[path.name] = sorted(altitudes.values())
    assert found == {
        "pacioos-NS06agg.xml": [("-1.0", "-1.0")],
        "auscope-3d-model.xml": [("-400", "300")],
    }


def _vertical(low: str, high: str, crs: str) -> str:
    return (
        "<gmd:verticalElement><gmd:EX_VerticalExtent>"
        f"<gmd:minimumValue><gco:Real>{low}</gco:Real></gmd:minimumValue>"
        f"<gmd:maximumValue><gco:Real>{high}</gco:Real></gmd:maximumValue>"
        f"{crs}</gmd:EX_VerticalExtent></gmd:verticalElement>"
    )


def _with_extents(*extents: str) -> list[ox.Triple]:
    """The first golden case with these vertical extents added to its EX_Extent."""
    data = (BILINGUAL / "input.xml").read_text("utf-8")
    data = data.replace("</gmd:EX_Extent>", "".join(extents) + "</gmd:EX_Extent>", 1)
    return iso19139.convert(data.encode(), base_iri=BASE)


DEPTH_HREF = '<gmd:verticalCRS xlink:href="http://www.opengis.net/def/crs/EPSG/0/5715"/>'


def _gml_crs(identifier: str, name: str, space: str = "EPSG") -> str:
    return (
        '<gmd:verticalCRS><gml:VerticalCRS gml:id="v1">'
        f'<gml:identifier codeSpace="{space}">{identifier}</gml:identifier>'
        f"<gml:name>{name}</gml:name></gml:VerticalCRS></gmd:verticalCRS>"
    )


@pytest.mark.parametrize(
    "crs, altitudes",
    [
        ('<gmd:verticalCRS gco:nilReason="missing"/>', ("10", "200")),
        ("", ("10", "200")),
        (_gml_crs("urn:ogc:def:crs:EPSG::5773", "EGM96 height"), ("10", "200")),
        (DEPTH_HREF, ("-200", "-10")),
        (_gml_crs("urn:ogc:def:crs:EPSG::5831", "Instantaneous Water Level"), ("-200", "-10")),
        (_gml_crs("5866", "LAT"), ("-200", "-10")),
        (_gml_crs("1", "Chart datum depth", "local"), ("-200", "-10")),
        (_gml_crs("5715", "Chart datum", "local"), ("10", "200")),  # 5715, but not EPSG's
    ],
    ids=["nil", "absent", "height", "href-5715", "urn-5831", "code-5866", "name", "not-epsg"],
)
def test_a_depth_crs_turns_the_values_into_negative_altitudes(crs, altitudes):
    triples = _with_extents(_vertical("10", "200", crs))
    comments = sorted(t.object.value for t in triples if t.predicate.value.endswith("#comment"))
    assert (list(_altitudes(triples).values()), comments) == (
        [altitudes],
        ["vertical extent: 10 .. 200", "étendue verticale : 10 .. 200"],
    )


def test_several_vertical_extents_give_the_lowest_minimum_and_the_highest_maximum():
    triples = _with_extents(
        _vertical("0", "2000", DEPTH_HREF),  # the ocean below the buoy: -2000 .. 0
        _vertical("2.5", "4", '<gmd:verticalCRS gco:nilReason="missing"/>'),  # its mast
        _vertical("", "1E+1", ""),  # a top only (10 m)
    )
    assert list(_altitudes(triples).values()) == [("-2000", "10")]


def test_a_national_profile_is_read_as_the_iso_classes_it_extends():
    data = (FIXTURES / "che-profile.xml").read_bytes()
    assert sniff_mapping(data) == "iso19139"
    graph = as_graph(iso19139.convert(data, base_iri=BASE))
    rows = graph.query(
        """PREFIX dct: <http://purl.org/dc/terms/> PREFIX dcat: <http://www.w3.org/ns/dcat#>
        PREFIX vcard: <http://www.w3.org/2006/vcard/ns#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?title ?fn ?org ?tel ?rights WHERE {
          ?d dct:title ?title ; dcat:contactPoint ?c ; dct:rights/rdfs:label ?rights .
          ?c vcard:fn ?fn ; vcard:organization-name ?org ; vcard:hasTelephone ?tel }"""
    )
    assert [tuple(r) for r in rows] == [
        (
            rdflib.Literal("Seen der Schweiz", lang="de"),
            rdflib.Literal("swisstopo", lang="de"),
            rdflib.Literal("swisstopo", lang="de"),
            rdflib.URIRef("tel:+41-58-469-01-11"),
            rdflib.Literal("Nutzung frei", lang="de"),
        )
    ]


def test_records_wrapped_in_any_envelope_and_iso_19115_2_namespaces_are_read():
    record = (
        '<gmi:MI_Metadata xmlns:gmi="http://standards.iso.org/iso/19115/-2/gmi/1.0" {gmd}>'
        "<gmd:fileIdentifier><gco:CharacterString>{id}</gco:CharacterString></gmd:fileIdentifier>"
        "<gmd:identificationInfo><gmd:MD_DataIdentification><gmd:citation><gmd:CI_Citation>"
        "<gmd:title><gco:CharacterString>{id}</gco:CharacterString></gmd:title>"
        "</gmd:CI_Citation></gmd:citation></gmd:MD_DataIdentification></gmd:identificationInfo>"
        "</gmi:MI_Metadata>"
    )
    data = (
        "\ufeff\n<?xml version='1.0' encoding='UTF-8'?>"
        '<dm:dataset xmlns:dm="http://example.org/harvest"><dm:metadata>'
        + record.format(gmd=GMD, id="first")
        + record.format(gmd=GMD, id="second")
        + "</dm:metadata></dm:dataset>"
    ).encode()
    assert sniff_mapping(data) == "iso19139"
    triples = iso19139.convert(data, base_iri=BASE)
    titles = sorted(t.object.value for t in triples if t.predicate.value == DCT_TITLE)
    assert titles == ["first", "second"]


def test_a_utf16_record_is_sniffed_and_read():
    text = (BILINGUAL / "input.xml").read_text("utf-8").replace('"UTF-8"', '"UTF-16"')
    data = text.encode("utf-16")  # with its byte-order mark
    assert sniff_mapping(data) == "iso19139"
    produced = as_graph(iso19139.convert(data, base_iri=BASE))
    assert isomorphic(produced, rdflib.Graph().parse(BILINGUAL / "expected.ttl"))


def test_coupled_service_connect_points_describe_their_distributions():
    """ncISO writes an OPeNDAP service section beside the dataset: the distribution reaching
    its connect point keeps the connect point's name and description, as every other online
    resource does (DCAT-AP recommends a distribution's description)."""
    path = next(p for p in corpus("iso19139", glob="pacioos-NS06agg.xml"))
    triples = iso19139.convert(path.read_bytes(), base_iri=BASE)
    dcat, dct = "http://www.w3.org/ns/dcat#", "http://purl.org/dc/terms/"
    text = {
        (t.subject, t.predicate.value.removeprefix(dct)): t.object.value
        for t in triples
        if t.predicate.value in (dct + "title", dct + "description")
    }
    found = {
        (text.get((t.object, "title")), text.get((t.object, "description")))
        for t in triples
        if t.predicate.value == dcat + "distribution"
    }
    viewer = "This URL provides a viewer for this dataset."
    assert found == {
        ("OPeNDAP", "THREDDS OPeNDAP"),
        (
            "File Information",
            "This URL provides a standard OPeNDAP html interface for selecting data from this "
            "dataset. Change the extension to .info for a description of the dataset.",
        ),
        (
            "THREDDS Catalog",
            "This URL provides a catalog page for this dataset within THREDDS Data Server (TDS).",
        ),
        ("ERDDAP", viewer),
        ("DChart", viewer),
        ("PacIOOS Water Quality Platforms: FSM", viewer),
        ("PacIOOS Voyager (Google Maps API)", viewer),
    }
