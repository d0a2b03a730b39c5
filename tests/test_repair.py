"""Deterministic repairs of a record's statements (graph_loader.repair): each kind on a small
graph, the whole output graph and the whole list of repairs compared."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from helpers import as_graph, assert_isomorphic
from rdflib import Graph
from rdflib.compare import isomorphic

from graph_loader.repair import (
    KINDS,
    Repair,
    date_literal,
    detect_language,
    language_code,
    provenance_triples,
    repair_triples,
)
from graph_loader.repair.boxes import box_steps
from graph_loader.terms import GAIA_NS

PREFIXES = """@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix schema: <https://schema.org/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix locn: <http://www.w3.org/ns/locn#> .
@prefix gsp: <http://www.opengis.net/ont/geosparql#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/> .
"""
ROOT = ox.NamedNode("http://example.org/d")
DCT, DCAT, XSD = (
    "http://purl.org/dc/terms/",
    "http://www.w3.org/ns/dcat#",
    ("http://www.w3.org/2001/XMLSchema#"),
)
VCARD, SDO, FOAF = (
    "http://www.w3.org/2006/vcard/ns#",
    "https://schema.org/",
    ("http://xmlns.com/foaf/0.1/"),
)
D = "http://example.org/d"


def _parse(ttl: str) -> list[ox.Triple]:
    return [q.triple for q in ox.parse((PREFIXES + ttl).encode(), ox.RdfFormat.TURTLE)]


def _anonymous(repairs: list[Repair]) -> list[Repair]:
    """Blank node subjects as ``_:`` (their ids are not stable from one parse to the next)."""
    return [
        Repair(
            r.kind,
            "_:" if r.subject.startswith("_:") else r.subject,
            *[r.property, r.before, r.after],
        )  # fmt: skip
        for r in repairs
    ]


def check(source: str, expected: str, repairs: list[Repair], language: str | None = None):
    got, done = repair_triples(_parse(source), root=ROOT, language=language)
    want = Graph().parse(data=PREFIXES + expected, format="turtle")
    assert_isomorphic(as_graph(got), want)
    assert _anonymous(done) == repairs
    assert all(r.kind in KINDS for r in done)


def test_nothing_to_repair_gives_the_same_graph_and_no_repair():
    record = """ex:d a dcat:Dataset ; dct:title "Températures"@fr ;
        dct:issued "2019-05-03"^^xsd:date ; dcat:landingPage <https://example.org/page> ;
        dcat:contactPoint [ vcard:hasEmail <mailto:a@b.org> ; vcard:fn "Jean Dupont" ] ;
        dct:spatial [ dcat:bbox
            "POLYGON((-5 41, 10 41, 10 51.5, -5 51.5, -5 41))"^^gsp:wktLiteral ] ."""
    check(record, record, [])


def test_bare_email_addresses_become_mailto_iris():
    check(
        """ex:d dcat:contactPoint ex:c . ex:c vcard:hasEmail "jean.dupont@example.org" .
        ex:p schema:email " info@example.org " ; foaf:mbox "mailto:a@b.fr" .
        ex:q vcard:hasEmail <mailto:ok@example.org> ; schema:email "not an address" .""",
        """ex:d dcat:contactPoint ex:c . ex:c vcard:hasEmail <mailto:jean.dupont@example.org> .
        ex:p schema:email <mailto:info@example.org> ; foaf:mbox <mailto:a@b.fr> .
        ex:q vcard:hasEmail <mailto:ok@example.org> ; schema:email "not an address" .""",
        [
            Repair("mailto", "http://example.org/c", VCARD + "hasEmail",
                   '"jean.dupont@example.org"', "<mailto:jean.dupont@example.org>"),
            Repair("mailto", "http://example.org/p", SDO + "email", '" info@example.org "',
                   "<mailto:info@example.org>"),
            Repair("mailto", "http://example.org/p", FOAF + "mbox", '"mailto:a@b.fr"',
                   "<mailto:a@b.fr>"),
        ],
    )  # fmt: skip


def test_literal_urls_of_resource_properties_become_iris():
    check(
        """ex:d dcat:landingPage "https://example.org/page" ;
        dct:license " https://creativecommons.org/licenses/by/4.0/" ;
        dct:conformsTo "http://www.opengis.net/def/crs/EPSG/0/4326" ; foaf:page "see the page" ;
        dct:rights "Free of use" ; dcat:distribution ex:x .
        ex:x dcat:accessURL "ftp://ftp.example.org/data/" ;
        dcat:downloadURL "https://example.org/a b.nc" .""",
        """ex:d dcat:landingPage <https://example.org/page> ;
        dct:license <https://creativecommons.org/licenses/by/4.0/> ;
        dct:conformsTo <http://www.opengis.net/def/crs/EPSG/0/4326> ; foaf:page "see the page" ;
        dct:rights "Free of use" ; dcat:distribution ex:x .
        ex:x dcat:accessURL <ftp://ftp.example.org/data/> ;
        dcat:downloadURL "https://example.org/a b.nc" .""",
        [
            Repair("literal-url", D, DCAT + "landingPage", '"https://example.org/page"',
                   "<https://example.org/page>"),
            Repair("literal-url", D, DCT + "license",
                   '" https://creativecommons.org/licenses/by/4.0/"',
                   "<https://creativecommons.org/licenses/by/4.0/>"),
            Repair("literal-url", D, DCT + "conformsTo",
                   '"http://www.opengis.net/def/crs/EPSG/0/4326"',
                   "<http://www.opengis.net/def/crs/EPSG/0/4326>"),
            Repair("literal-url", "http://example.org/x", DCAT + "accessURL",
                   '"ftp://ftp.example.org/data/"', "<ftp://ftp.example.org/data/>"),
        ],
    )  # fmt: skip


def test_plain_and_mistyped_dates_get_their_datatype():
    check(
        """ex:d dct:issued "2019-05-03" ; dct:modified "2019-05-03T10:00:00Z"^^xsd:date ;
        schema:datePublished "2019" ; dct:created "2019-05 " ; dct:temporal ex:t .
        ex:t dcat:startDate "2019-05-03 10:00+0100" ; dcat:endDate "unknown" .
        ex:e dct:issued "03/05/2019" ; dct:modified "2019-02-30" ;
        dct:available "2020-01-01"^^xsd:date .""",
        """ex:d dct:issued "2019-05-03"^^xsd:date ;
        dct:modified "2019-05-03T10:00:00Z"^^xsd:dateTime ;
        schema:datePublished "2019"^^xsd:gYear ; dct:created "2019-05"^^xsd:gYearMonth ;
        dct:temporal ex:t .
        ex:t dcat:startDate "2019-05-03T10:00:00+01:00"^^xsd:dateTime ; dcat:endDate "unknown" .
        ex:e dct:issued "03/05/2019" ; dct:modified "2019-02-30" ;
        dct:available "2020-01-01"^^xsd:date .""",
        [
            Repair("typed-date", D, DCT + "issued", '"2019-05-03"', f'"2019-05-03"^^<{XSD}date>'),
            Repair("typed-date", D, DCT + "modified", f'"2019-05-03T10:00:00Z"^^<{XSD}date>',
                   f'"2019-05-03T10:00:00Z"^^<{XSD}dateTime>'),
            Repair("typed-date", D, SDO + "datePublished", '"2019"', f'"2019"^^<{XSD}gYear>'),
            Repair("typed-date", D, DCT + "created", '"2019-05 "', f'"2019-05"^^<{XSD}gYearMonth>'),
            Repair("typed-date", "http://example.org/t", DCAT + "startDate",
                   '"2019-05-03 10:00+0100"', f'"2019-05-03T10:00:00+01:00"^^<{XSD}dateTime>'),
        ],
    )  # fmt: skip


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2019", ("2019", "gYear")),
        ("2019-05", ("2019-05", "gYearMonth")),
        ("2019-05-03", ("2019-05-03", "date")),
        ("2019-05-03Z", ("2019-05-03Z", "date")),
        ("2019-05-03T10:00:00Z", ("2019-05-03T10:00:00Z", "dateTime")),
        ("2019-05-03T10:00:00.25-03:30", ("2019-05-03T10:00:00.25-03:30", "dateTime")),
        ("2019-05-03T10:00", ("2019-05-03T10:00:00", "dateTime")),
        ("2019-13", None),
        ("2019-05-03T25:00:00", None),
        ("May 2019", None),
        ("20190503", None),
    ],
)
def test_date_literal(value, expected):
    got = date_literal(value)
    assert (None if got is None else (got.value, got.datatype.value[len(XSD) :])) == expected


WKT = f"<{'http://www.opengis.net/ont/geosparql#'}wktLiteral>"


def test_boxes_in_0_360_or_with_swapped_axes_are_normalised():
    check(
        """ex:d dct:spatial ex:a, ex:b, ex:c, ex:e, ex:f .
        ex:a dcat:bbox "POLYGON((350 10, 359.5 10, 359.5 20, 350 20, 350 10))"^^gsp:wktLiteral .
        ex:b dcat:bbox "POLYGON((41 -5, 41 10, 51.5 10, 51.5 -5, 41 -5))"^^gsp:wktLiteral .
        ex:c locn:geometry "ENVELOPE(100, 359.5, 20, 10)"^^gsp:wktLiteral .
        ex:e dcat:bbox "POLYGON((100 10, 359 10, 359 20, 100 20, 100 10))"^^gsp:wktLiteral .
        ex:f dcat:bbox "POLYGON((-5 41, 10 41, 10 51.5, -5 51.5, -5 41))"^^gsp:wktLiteral .""",
        """ex:d dct:spatial ex:a, ex:b, ex:c, ex:e, ex:f .
        ex:a dcat:bbox "POLYGON((-10 10, -0.5 10, -0.5 20, -10 20, -10 10))"^^gsp:wktLiteral .
        ex:b dcat:bbox "POLYGON((41 -5, 41 10, 51.5 10, 51.5 -5, 41 -5))"^^gsp:wktLiteral .
        ex:c locn:geometry "ENVELOPE(100, -0.5, 20, 10)"^^gsp:wktLiteral .
        ex:e dcat:bbox "POLYGON((100 10, 359 10, 359 20, 100 20, 100 10))"^^gsp:wktLiteral .
        ex:f dcat:bbox "POLYGON((-5 41, 10 41, 10 51.5, -5 51.5, -5 41))"^^gsp:wktLiteral .""",
        [
            Repair("longitude-360", "http://example.org/a", DCAT + "bbox",
                   f'"POLYGON((350 10, 359.5 10, 359.5 20, 350 20, 350 10))"^^{WKT}',
                   f'"POLYGON((-10 10, -0.5 10, -0.5 20, -10 20, -10 10))"^^{WKT}'),
            Repair("longitude-360", "http://example.org/c", "http://www.w3.org/ns/locn#geometry",
                   f'"ENVELOPE(100, 359.5, 20, 10)"^^{WKT}',
                   f'"ENVELOPE(100, -0.5, 20, 10)"^^{WKT}'),
        ],
    )  # fmt: skip


@pytest.mark.parametrize(
    "value,expected",
    [
        # latitude first: |second| > 90 while |first| <= 90 -> swapped back
        (
            "POLYGON((41 120, 41 130, 51.5 130, 51.5 120, 41 120))",
            [("swapped-bbox", "POLYGON((120 41, 130 41, 130 51.5, 120 51.5, 120 41))")],
        ),
        # swapped and in 0-360
        (
            "POLYGON((45 200, 46 200, 46 210, 45 200))",
            [
                ("swapped-bbox", "POLYGON((200 45, 200 46, 210 46, 200 45))"),
                ("longitude-360", "POLYGON((-160 45, -160 46, -150 46, -160 45))"),
            ],
        ),
        # the whole globe in 0-360
        (
            "POLYGON((0 -90, 360 -90, 360 90, 0 90, 0 -90))",
            [("longitude-360", "POLYGON((-180 -90, 180 -90, 180 90, -180 90, -180 -90))")],
        ),
        # EPSG:4326 writes latitude first: the second number is the longitude
        (
            "<http://www.opengis.net/def/crs/EPSG/0/4326> "
            "POLYGON((10 350, 20 350, 20 355, 10 350))",
            [
                (
                    "longitude-360",
                    "<http://www.opengis.net/def/crs/EPSG/0/4326> "
                    "POLYGON((10 -10, 20 -10, 20 -5, 10 -10))",
                )
            ],
        ),
        (
            '{"type": "Polygon", "coordinates": [[[45, 120], [46, 120.5], [45, 120]]]}',
            [("swapped-bbox", '{"type":"Polygon","coordinates":[[[120,45],[120.5,46],[120,45]]]}')],
        ),
        (
            '{"type": "Polygon", "coordinates": [[[200, 10], [210, 10], [200, 10]]]}',
            [
                (
                    "longitude-360",
                    '{"type":"Polygon","coordinates":[[[-160,10],[-150,10],[-160,10]]]}',
                )
            ],
        ),
        # a polygon across 180° cannot be written in -180..180: left alone
        ("POLYGON((170 10, 190 10, 190 20, 170 20, 170 10))", []),
        ("POINT(200 10)", []),
        ("POLYGON((-200 10, -190 10, -190 20, -200 10))", []),
        ("not a box", []),
    ],
)
def test_box_steps(value, expected):
    assert box_steps(value) == expected


def test_untagged_text_gets_the_language_of_the_record_s_tagged_literals():
    check(
        """ex:d a dcat:Dataset ; dct:title "Meeresoberflächentemperatur"@de,
            "Sea surface temperature" ;
        dct:description "Messungen der Temperatur"@de, "Eine Beschreibung ohne Sprache" ;
        dcat:keyword "SST" ; dct:publisher ex:o ; dcat:distribution ex:x .
        ex:x dct:title "Datei" .
        ex:o a foaf:Organization ; foaf:name "Deutscher Wetterdienst" ; schema:name "DWD" .""",
        """ex:d a dcat:Dataset ; dct:title "Meeresoberflächentemperatur"@de,
            "Sea surface temperature"@de ;
        dct:description "Messungen der Temperatur"@de, "Eine Beschreibung ohne Sprache"@de ;
        dcat:keyword "SST"@de ; dct:publisher ex:o ; dcat:distribution ex:x .
        ex:x dct:title "Datei"@de .
        ex:o a foaf:Organization ; foaf:name "Deutscher Wetterdienst" ; schema:name "DWD" .""",
        [
            Repair("language-tag", D, DCT + "title", '"Sea surface temperature"',
                   '"Sea surface temperature"@de'),
            Repair("language-tag", D, DCT + "description", '"Eine Beschreibung ohne Sprache"',
                   '"Eine Beschreibung ohne Sprache"@de'),
            Repair("language-tag", D, DCAT + "keyword", '"SST"', '"SST"@de'),
            Repair("language-tag", "http://example.org/x", DCT + "title", '"Datei"',
                   '"Datei"@de'),
        ],
        language="fr",  # the record's own language comes first
    )  # fmt: skip


def test_untagged_text_gets_dct_language_then_the_source_language():
    source = """ex:d a dcat:Dataset ; dct:title "Gewässergüte" ; dct:language
        <http://publications.europa.eu/resource/authority/language/DEU> ."""
    expected = """ex:d a dcat:Dataset ; dct:title "Gewässergüte"@de ; dct:language
        <http://publications.europa.eu/resource/authority/language/DEU> ."""
    repair = Repair("language-tag", D, DCT + "title", '"Gewässergüte"', '"Gewässergüte"@de')
    check(source, expected, [repair], language="fr")
    check(
        'ex:d dct:title "Qualité" .',
        'ex:d dct:title "Qualité"@fr .',
        [Repair("language-tag", D, DCT + "title", '"Qualité"', '"Qualité"@fr')],
        language="fr",
    )


def test_untagged_text_of_a_record_without_language_is_detected_and_recorded():
    title = "Température de surface de la mer mesurée par les bouées dérivantes"
    check(
        f"""ex:d a schema:Dataset ; schema:name "{title}" ; schema:keywords "océan" ;
        schema:creator ex:p . ex:p a schema:Person ; schema:name "Marie Curie" .""",
        f"""ex:d a schema:Dataset ; schema:name "{title}"@fr ; schema:keywords "océan"@fr ;
        schema:creator ex:p . ex:p a schema:Person ; schema:name "Marie Curie" .""",
        [
            Repair("language-detected", D, SDO + "name", f'"{title}"', f'"{title}"@fr'),
            Repair("language-detected", D, SDO + "keywords", '"océan"', '"océan"@fr'),
        ],
    )


def test_http_schema_org_terms_are_repaired_too():
    check(
        """ex:d a <http://schema.org/Dataset> ; <http://schema.org/name> "Jeu de données" ;
            <http://schema.org/email> "a@b.fr" ; <http://schema.org/datePublished> "2020" ;
            <http://schema.org/inLanguage> "fr" .""",
        """ex:d a <http://schema.org/Dataset> ; <http://schema.org/name> "Jeu de données"@fr ;
            <http://schema.org/email> <mailto:a@b.fr> ;
            <http://schema.org/datePublished> "2020"^^xsd:gYear ;
            <http://schema.org/inLanguage> "fr" .""",
        [
            Repair("mailto", D, "http://schema.org/email", '"a@b.fr"', "<mailto:a@b.fr>"),
            Repair("typed-date", D, "http://schema.org/datePublished", '"2020"',
                   f'"2020"^^<{XSD}gYear>'),
            Repair("language-tag", D, "http://schema.org/name", '"Jeu de données"',
                   '"Jeu de données"@fr'),
        ],
    )  # fmt: skip


def test_short_untagged_text_without_any_language_stays_untagged():
    check('ex:d dct:title "SST 2019" .', 'ex:d dct:title "SST 2019" .', [])


def test_detect_language_is_restricted_and_refuses_short_texts():
    assert detect_language("Meteorologische Beobachtungen der Wetterstationen in Bayern") == "de"
    assert detect_language("Observaciones meteorológicas de las estaciones de España") == "es"
    assert detect_language("SST 2019") is None


@pytest.mark.parametrize(
    "value,expected",
    [
        ("fr", "fr"),
        ("en-GB", "en-GB"),
        ("FRE", "fr"),
        ("deu", "de"),
        ("French", "fr"),
        ("http://publications.europa.eu/resource/authority/language/NLD", "nl"),
        ("http://id.loc.gov/vocabulary/iso639-1/it", "it"),
        ("klingon", None),
    ],
)
def test_language_code(value, expected):
    assert language_code(value) == expected


def test_control_characters_are_stripped_from_literals():
    check(
        'ex:d dct:title "Sea\\u0000 surface\\u0007 temp\\u001Berature\\tdata"@en ;'
        ' dct:issued "2019\\u0000" .',
        'ex:d dct:title "Sea surface temperature\\tdata"@en ; dct:issued "2019"^^xsd:gYear .',
        [
            Repair("control-chars", D, DCT + "title",
                   '"Sea\\u0000 surface\\u0007 temp\\u001Berature\\tdata"@en',
                   '"Sea surface temperature\\tdata"@en'),
            Repair("control-chars", D, DCT + "issued", '"2019\\u0000"', '"2019"'),
            Repair("typed-date", D, DCT + "issued", '"2019"', f'"2019"^^<{XSD}gYear>'),
        ],
    )  # fmt: skip


def test_a_repair_that_duplicates_a_statement_leaves_one():
    check(
        'ex:d dct:issued "2019-05-03", "2019-05-03"^^xsd:date .',
        'ex:d dct:issued "2019-05-03"^^xsd:date .',
        [Repair("typed-date", D, DCT + "issued", '"2019-05-03"', f'"2019-05-03"^^<{XSD}date>')],
    )


def test_quads_of_the_default_graph_are_accepted_and_repaired_as_quads():
    issued, title = ox.NamedNode(DCT + "issued"), ox.NamedNode(DCT + "title")
    quads = [
        ox.Quad(ROOT, issued, ox.Literal("2019"), ox.DefaultGraph()),
        ox.Quad(ROOT, title, ox.Literal("Températures", language="fr"), ox.DefaultGraph()),
    ]
    got, repairs = repair_triples(quads, root=ROOT)
    assert got == [ox.Quad(ROOT, issued, ox.Literal("2019", datatype=ox.NamedNode(XSD + "gYear"))),
                   quads[1]]  # fmt: skip
    assert repairs == [
        Repair("typed-date", ROOT.value, DCT + "issued", '"2019"', f'"2019"^^<{XSD}gYear>')
    ]


def test_provenance_triples_describe_each_repair():
    graph = ox.NamedNode("https://w3id.org/gaia-kg/graph/record/1")
    repairs = [
        Repair("typed-date", D, DCT + "issued", '"2019"', f'"2019"^^<{XSD}gYear>'),
        Repair("encoding", "_:b0", DCT + "title", '"a\ufffd"', '"a–"'),
        Repair("bad-iri", D, "http:paramValue", "http:paramValue", ""),
    ]
    got = provenance_triples(graph, repairs)
    g = graph.value
    expected = Graph().parse(
        data=f"""@prefix gaia: <{GAIA_NS}> .
        @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
        <{g}> gaia:repair <{g}/repair/1>, <{g}/repair/2>, <{g}/repair/3> .
        <{g}/repair/1> a gaia:Repair ; gaia:repairKind "typed-date" ; rdf:subject <{D}> ;
            rdf:predicate <{DCT}issued> ; gaia:valueBefore "\\"2019\\"" ;
            gaia:valueAfter "\\"2019\\"^^<{XSD}gYear>" .
        <{g}/repair/2> a gaia:Repair ; gaia:repairKind "encoding" ; rdf:predicate <{DCT}title> ;
            gaia:valueBefore "\\"a\ufffd\\"" ; gaia:valueAfter "\\"a–\\"" .
        <{g}/repair/3> a gaia:Repair ; gaia:repairKind "bad-iri" ; rdf:subject <{D}> ;
            rdf:predicate <http:paramValue> ; gaia:valueBefore "http:paramValue" ;
            gaia:valueAfter "" .""",
        format="turtle",
    )
    assert isomorphic(as_graph(got), expected)
    assert len(got) == len(expected)
    assert provenance_triples(graph, repairs) == got  # the same input, the same graph
    assert provenance_triples(graph, []) == []


def test_valid_typed_dates_are_left_alone():
    record = """ex:d dct:issued "2019-05-03T10:00:00Z"^^xsd:dateTimeStamp ;
        dct:modified "2019-05-03T10:00:00"^^xsd:dateTime ; dct:created "2019"^^xsd:gYear ;
        dct:available "2019-05"^^xsd:gYearMonth ."""
    check(record, record, [])


def test_a_change_met_in_several_statements_is_one_repair():
    """A relative IRI written in three statements is one repair of the record (the first
    statement names it); another change of the same kind is another repair."""
    from graph_loader.repair import Repair, distinct

    a = Repair("relative-iri", "s1", "p1", "ds/1", "file:///c/ds/1")
    b = Repair("relative-iri", "s2", "p2", "ds/1", "file:///c/ds/1")
    c = Repair("relative-iri", "s1", "p3", "ds/2", "file:///c/ds/2")
    d = Repair("mailto", "s1", "p4", "x@y.org", "mailto:x@y.org")
    assert distinct([a, b, c, b, d, a]) == [a, c, d]
