"""DCAT-AP.de and GeoDCAT-AP said in DCAT-AP 3 (:mod:`graph_loader.mappings.dcat_profiles`), and
every file of the DCAT corpus gives its records or a named reason."""

from __future__ import annotations

import pytest
from helpers import BASE, CORPORA, as_graph, corpus_file

from graph_loader.errors import InputError
from graph_loader.formats import detect_format, read_document
from graph_loader.mappings import dcat_profiles
from graph_loader.records import split_records

DCAT_DIR = CORPORA / "real" / "dcat"
PREFIXES = """PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dct: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX locn: <http://www.w3.org/ns/locn#> PREFIX vcard: <http://www.w3.org/2006/vcard/ns#>
"""
#: files refused: text nodes where RDF/XML wants node elements, which neither pyoxigraph nor
#: rdflib reads (geonetwork.xml, an IRI with a space and text beside rdf:resource, is salvaged)
UNREADABLE = {
    "geocat-ch-gn-formatter-output/amphibians-eu-geodcat-ap-semiceu.xml": "Unexpected text",
}


def _file(rel: str) -> bytes:
    return corpus_file("real", "dcat", rel).read_bytes()


def _rows(graph, query: str) -> set[tuple]:
    return {tuple(str(v) for v in row) for row in graph.query(PREFIXES + query)}


def test_dcat_ap_de_maintainer_and_political_geocoding() -> None:
    data = _file("govdata-de-rostock/dataset_gov_de.rdf")
    assert detect_format(data) == "dcat-profiles"
    graph = as_graph(dcat_profiles.convert(data, base_iri=BASE))
    dataset = "https://www.opendata-hro.de/dataset/c1be4007-d811-48fb-8818-2cb358b06a63"
    office = "Hanse- und Universitätsstadt Rostock – Kataster-, Vermessungs- und Liegenschaftsamt"
    assert _rows(
        graph,
        """SELECT ?d ?role ?name WHERE { ?d prov:qualifiedAttribution ?a .
           ?a dcat:hadRole ?role ; prov:agent/foaf:name ?name }""",
    ) == {
        (
            dataset,
            "http://inspire.ec.europa.eu/metadata-codelist/ResponsiblePartyRole/custodian",
            office,
        )
    }
    names = _rows(
        graph, "SELECT ?n WHERE { ?d a dcat:Dataset ; dct:spatial/locn:geographicName ?n }"
    )
    areas = _rows(graph, "SELECT ?s WHERE { ?d a dcat:Dataset ; dct:spatial ?s FILTER(isIRI(?s)) }")
    assert (names, areas) == (
        {("Rostock",)},
        {("http://dcat-ap.de/def/politicalGeocoding/regionalKey/130030000000",)},
    )


def test_geodcat_ap_geometries_give_one_wkt_box_and_keep_every_encoding() -> None:
    data = _file(
        "fr-datara-auvergne-rhone-alpes/datara--5a26b0f6-0ccf-46ad-ac58-734054b91977.rdf.xml"
    )
    graph = as_graph(dcat_profiles.convert(data, base_iri=BASE))
    boxes = _rows(graph, "SELECT ?l ?b WHERE { ?l dcat:bbox ?b }")
    assert len(boxes) == 1
    ((_, box),) = boxes
    assert box.startswith("POLYGON((2.06287814767608 46.8042870493687,")
    kinds = _rows(graph, "SELECT (datatype(?g) AS ?t) WHERE { ?l locn:geometry ?g }")
    assert {k[0].rsplit("/", 1)[-1] for k in kinds} == {
        "geosparql#wktLiteral",
        "geosparql#gmlLiteral",
        "geosparql#geoJSONLiteral",
        "vnd.geo+json",
    }
    assert (
        _rows(graph, "SELECT ?v WHERE { ?d dct:issued|dct:modified ?v FILTER(str(?v) = '') }")
        == set()
    )


@pytest.mark.parametrize(
    ("literal", "expected"),
    [
        (
            '<gml:Envelope srsName="http://www.opengis.net/def/crs/OGC/1.3/CRS84">'
            "<gml:lowerCorner>2 44</gml:lowerCorner><gml:upperCorner>7 46.5</gml:upperCorner>"
            "</gml:Envelope>",
            "POLYGON((2 44, 7 44, 7 46.5, 2 46.5, 2 44))",
        ),
        (
            '<gml:Envelope srsName="http://www.opengis.net/def/crs/EPSG/0/4326">'
            "<gml:lowerCorner>44 2</gml:lowerCorner><gml:upperCorner>46.5 7</gml:upperCorner>"
            "</gml:Envelope>",
            "POLYGON((2 44, 7 44, 7 46.5, 2 46.5, 2 44))",
        ),
        (
            '{"type":"MultiPoint","coordinates":[[2,44],[7,46.5]]}',
            "POLYGON((2 44, 7 44, 7 46.5, 2 46.5, 2 44))",
        ),
    ],
)
def test_a_box_given_only_as_gml_or_geojson_becomes_wkt(literal: str, expected: str) -> None:
    datatype = "gmlLiteral" if literal.startswith("<") else "geoJSONLiteral"
    escaped = literal.replace('"', '\\"')
    data = f"""@prefix dcat: <http://www.w3.org/ns/dcat#> .
    @prefix dct: <http://purl.org/dc/terms/> .
    <https://example.org/d> a dcat:Dataset ; dct:title "D"@en ;
      dct:spatial [ a dct:Location ;
        dcat:bbox "{escaped}"^^<http://www.opengis.net/ont/geosparql#{datatype}> ] .""".encode()
    assert dcat_profiles.sniff(data)
    graph = as_graph(dcat_profiles.convert(data, base_iri=BASE))
    assert _rows(graph, "SELECT ?b WHERE { ?l dcat:bbox ?b }") == {(expected,)}


def test_plain_dcat_is_left_to_the_generic_readers() -> None:
    data = b"""@prefix dcat: <http://www.w3.org/ns/dcat#> .
    <https://example.org/d> a dcat:Dataset ."""
    assert not dcat_profiles.sniff(data)
    assert detect_format(data) == "turtle"


def test_every_dcat_corpus_file_gives_records_or_a_named_reason() -> None:
    if not DCAT_DIR.is_dir():
        pytest.skip(f"{DCAT_DIR} is absent")
    refused, records = {}, {}
    for path in sorted(p for p in DCAT_DIR.rglob("*") if p.is_file()):
        rel = path.relative_to(DCAT_DIR).as_posix()
        try:
            _, quads = read_document(path.read_bytes(), name=rel, mint_base=BASE)
        except InputError as exc:
            refused[rel] = str(exc)
            continue
        split = split_records(quads, base_iri=BASE)
        records[rel] = sum(1 for r in split.records if r.kind == "dataset")
    # only files known to be broken are refused
    assert set(refused) == set(UNREADABLE), refused
    for rel, message in refused.items():
        assert UNREADABLE[rel] in message and rel in message
    assert all(n >= 1 for n in records.values()), records
    assert records["vlaanderen-mow/dcat-feed-mow.rdf"] == 22
    assert records["data-gov-us-pod/sample5_data.json"] == 2
