"""DataCite XML and JSON converters: golden cases, every corpus record, bad input, the loader."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from graph_loader.errors import InputError
from graph_loader.formats import detect_format
from graph_loader.mappings import datacite_json, datacite_xml
from graph_loader.mappings.datacite_common import convert_record
from graph_loader.pipeline import load_paths
from graph_loader.store import open_store
from graph_loader.validate import load_shapes

HERE = Path(__file__).resolve().parent
CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
FIXTURES = HERE / "fixtures" / "mappings" / "datacite"
BASE = "https://data.gaia-data.fr/"
MODULES = {"datacite-xml": datacite_xml, "datacite-json": datacite_json}
CASES = sorted(
    case for fmt in MODULES for case in (HERE / "cases" / fmt).iterdir() if case.is_dir()
)


def as_graph(triples: list[ox.Triple]) -> Graph:
    return Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")


def corpus(fmt: str) -> list[Path]:
    folder = CORPORA / fmt
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent (fresh clone): corpus tests skipped")
    return sorted(folder.iterdir())


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_golden_case(case: Path):
    """Each hand-written expected.ttl is isomorphic to the conversion of its input."""
    module = MODULES[case.parent.name]
    data = next(case.glob("input.*")).read_bytes()
    assert module.sniff(data)
    got = as_graph(module.convert(data, base_iri=BASE))
    expected = Graph().parse(case / "expected.ttl")
    if not isomorphic(got, expected):
        _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(got))
        pytest.fail(
            f"missing:\n{missing.serialize(format='nt')}\nextra:\n{extra.serialize(format='nt')}"
        )


@pytest.mark.parametrize("fmt", MODULES)
def test_every_corpus_record_converts(fmt: str):
    """Every corpus record is sniffed as its own format only and converts to a typed resource."""
    classes = {}
    for path in corpus(fmt):
        data = path.read_bytes()
        assert detect_format(data) == fmt, path.name
        other = MODULES["datacite-json" if fmt == "datacite-xml" else "datacite-xml"]
        assert not other.sniff(data), path.name
        graph = as_graph(MODULES[fmt].convert(data, base_iri=BASE))
        query = "SELECT ?c WHERE { ?r a ?c ; <http://purl.org/dc/terms/identifier> ?id }"
        classes[path.name] = sorted(str(row.c) for row in graph.query(query))
    assert all(len(c) == 1 for c in classes.values()), classes


EXPECTED_TYPES = {
    "all-fields-v4.4.xml": "dcat#Dataset",
    "datacite-example-Box_dateCollected_DataCollector-v4.xml": "ScholarlyArticle",
    "datacite-example-HasMetadata-v4.xml": "ScholarlyArticle",
    "datacite-example-affiliation-v4.xml": "SoftwareSourceCode",
    "datacite-example-ancientdates-v4.xml": "dcat#Dataset",
    "datacite-example-workflow-v4.xml": "SoftwareSourceCode",
    "datacite-example-ResourceTypeGeneral_Collection-v4.json": "dcat#Dataset",
    "datacite-example-datapaper-v4.json": "ScholarlyArticle",
    "datacite-example-video-v4.json": "dcat#Dataset",
}


def test_resource_type_general_chooses_the_class():
    """Text/Report → publication, Software/Workflow → software, the rest (Collection too) →
    dataset."""
    got = {}
    for name in EXPECTED_TYPES:
        fmt = "datacite-xml" if name.endswith(".xml") else "datacite-json"
        path = next((p for p in corpus(fmt) if p.name == name), None)
        assert path is not None, name
        triples = MODULES[fmt].convert(path.read_bytes(), base_iri=BASE)
        got[name] = next(
            t.object.value.rsplit("/", 1)[-1]
            for t in triples
            if t.predicate.value.endswith("#type") and t.subject.value.startswith(BASE)
        )
    assert got == EXPECTED_TYPES


# outcome of each corpus file loaded alone: "loaded", or the rejection with its problems
_NO_DESCRIPTION = (
    "description (dct:description): A description (dct:description) is mandatory and must be "
    "a text."
)
EXPECTED_LOAD = {
    "datacite-example-ancientdates-v4.xml": [
        "error: the dataset « Silver Denarius of Augustus, Emerita, 25 BC - 23 BC 1969.222.1267 » "
        "<https://data.gaia-data.fr/id/dataset/10.5072-0945113-8dac96d2>, " + _NO_DESCRIPTION
    ],
    "datacite-example-award-v4.xml": [
        "error: the dataset « Enhancing metadata for inclusive research on entrenched disadvantage"
        " » <https://data.gaia-data.fr/id/dataset/10.82433-p1zt-4c67-2803fd4a>, title in French "
        "or English (dct:title): The title (dct:title) must exist at least in French (@fr) or in "
        "English (@en)."
    ],
    "datacite-example-polygon-v4.json": [
        "error: the dataset « Meteo measurements at the Sand Motor » "
        "<https://data.gaia-data.fr/id/dataset/10.5072-example-polygon-eaa4894d>, "
        + _NO_DESCRIPTION
    ],
}


@pytest.mark.parametrize("fmt", MODULES)
def test_corpus_records_load_or_are_rejected_with_reasons(fmt: str):
    """Each corpus file, loaded alone, is stored or rejected with readable reasons (listed)."""
    shapes = load_shapes()
    outcomes = {}
    for path in corpus(fmt):
        report = load_paths(open_store(":memory:"), [path], base_iri=BASE, shapes=shapes)
        assert not report.file_errors, report.file_errors
        records = [o for o in report.outcomes if o.kind != "source"]
        assert len(records) == 1, (path.name, records)
        outcome = records[0]
        outcomes[path.name] = outcome.problems if outcome.status == "rejected" else outcome.status
    expected = {p.name: EXPECTED_LOAD.get(p.name, "loaded") for p in corpus(fmt)}
    assert outcomes == expected


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.xml", "empty DataCite XML record"),
        ("malformed.xml", "DataCite record: malformed XML: mismatched tag: line 4, column 33"),
        ("entity-bomb.xml", "DataCite record: XML entity declarations are refused"),
        ("external-entity.xml", "DataCite record: XML entity declarations are refused"),
        (
            "latin1-declared-utf8.xml",
            "DataCite record: malformed XML: not well-formed (invalid token): line 4, column 35",
        ),
        ("unknown-encoding.xml", "DataCite record: unreadable XML: unknown encoding: x-klingon"),
        ("no-doi.xml", "DataCite record without a DOI identifier"),
        ("no-title.xml", "DataCite record without a title"),
    ],
)
def test_bad_xml_gives_a_clear_input_error(name: str, message: str):
    with pytest.raises(InputError) as caught:
        datacite_xml.convert((FIXTURES / name).read_bytes(), base_iri=BASE)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "latin1.json",
            "DataCite JSON record: invalid JSON: 'utf-8' codec can't decode byte 0xe9 "
            "in position 68: invalid continuation byte",
        ),
        (
            "truncated.json",
            "DataCite JSON record: invalid JSON: Unterminated string starting at: "
            "line 1 column 67 (char 66)",
        ),
        (
            "jsonld-not-datacite.json",
            "not a DataCite JSON record: no creators, titles and DOI or types",
        ),
    ],
)
def test_bad_json_gives_a_clear_input_error(name: str, message: str):
    with pytest.raises(InputError) as caught:
        datacite_json.convert((FIXTURES / name).read_bytes(), base_iri=BASE)
    assert str(caught.value) == message


def test_empty_json_record():
    with pytest.raises(InputError, match="^empty DataCite JSON record$"):
        datacite_json.convert(b"  \n", base_iri=BASE)


def test_sniffing_routes_bad_records_to_their_converter():
    """Broken DataCite records reach the DataCite converter (and its clear message); JSON-LD,
    other XML and empty input are never taken."""
    taken = {
        f.name: [name for name, m in MODULES.items() if m.sniff(f.read_bytes())]
        for f in sorted(FIXTURES.iterdir())
    }
    assert taken == {
        "empty.xml": [],
        "entity-bomb.xml": ["datacite-xml"],
        "external-entity.xml": ["datacite-xml"],
        "jsonld-not-datacite.json": [],
        "latin1-declared-utf8.xml": ["datacite-xml"],
        "latin1.json": ["datacite-json"],
        "malformed.xml": ["datacite-xml"],
        "no-doi.xml": ["datacite-xml"],
        "no-title.xml": ["datacite-xml"],
        "truncated.json": ["datacite-json"],
        "unknown-encoding.xml": ["datacite-xml"],
    }
    for other in (
        b'<?xml version="1.0"?><MD_Metadata xmlns="http://www.isotc211.org/2005/gmd"/>',
        b"",
        b"[]",
        b"\x00\xff",
    ):
        assert not datacite_xml.sniff(other) and not datacite_json.sniff(other)


def _links(general: str, related: list[tuple[str, str, str, str]]) -> set[tuple[str, str]]:
    """(predicate, target) of the links of a minimal record of type ``general``."""
    record = {
        "doi": "10.5072/links",
        "titles": [{"title": "Links", "lang": "en"}],
        "types": {"resourceTypeGeneral": general},
        "relatedIdentifiers": [
            {"relatedIdentifier": i, "relatedIdentifierType": t, "relationType": r,
             "resourceTypeGeneral": g}
            for i, t, r, g in related
        ],
    }  # fmt: skip
    triples = convert_record(record, base_iri=BASE)
    skip = {"identifier", "url", "landingPage", "accessURL", "type", "title", "name"}
    return {
        (t.predicate.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1], t.object.value)
        for t in triples
        if isinstance(t.object, ox.NamedNode)
        and t.predicate.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1] not in skip
        and t.predicate.value != "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    }


def test_related_identifiers_become_typed_links():
    """Relation types map to DCAT/DCT/PROV links; targets are DOI IRIs or resolver IRIs."""
    related = [
        ("10.5072/Paper", "DOI", "IsCitedBy", "JournalArticle"),
        ("doi:10.5072/supplemented", "DOI", "IsSupplementTo", "Text"),
        ("https://example.org/part", "URL", "HasPart", ""),
        ("10.5072/origin", "DOI", "IsDerivedFrom", "Dataset"),
        ("hdl:20.500.1/x", "Handle", "IsNewVersionOf", ""),
        ("arXiv:0706.0001", "arXiv", "IsReviewedBy", "Text"),
        ("0370-2693", "ISSN", "IsPublishedIn", "Journal"),
        ("12345", "PMID", "IsIdenticalTo", ""),
        ("not an identifier", "URL", "References", ""),
        ("X-1", "UPC", "References", ""),
    ]
    assert _links("Dataset", related) == {
        ("isReferencedBy", "https://doi.org/10.5072/paper"),
        ("isReferencedBy", "https://doi.org/10.5072/supplemented"),
        ("hasPart", "https://example.org/part"),
        ("source", "https://doi.org/10.5072/origin"),
        ("wasDerivedFrom", "https://doi.org/10.5072/origin"),
        ("previousVersion", "https://hdl.handle.net/20.500.1/x"),
        ("isVersionOf", "https://hdl.handle.net/20.500.1/x"),
        ("isReferencedBy", "https://arxiv.org/abs/0706.0001"),
        ("isPartOf", "urn:issn:0370-2693"),
        ("relation", "https://pubmed.ncbi.nlm.nih.gov/12345"),
    }


def test_publication_cites_datasets_and_software_is_used_with_them():
    """Publication → dataset: cito:citesAsDataSource; software → dataset: gaia:usedWithDataset."""
    data = [("10.5072/data", "DOI", "References", "Dataset")]
    assert _links("JournalArticle", data) == {
        ("references", "https://doi.org/10.5072/data"),
        ("citesAsDataSource", "https://doi.org/10.5072/data"),
    }
    assert _links("Software", data) == {
        ("references", "https://doi.org/10.5072/data"),
        ("usedWithDataset", "https://doi.org/10.5072/data"),
    }
    assert _links("Software", [("10.5072/paper", "DOI", "References", "Text")]) == {
        ("references", "https://doi.org/10.5072/paper"),
    }


@pytest.mark.parametrize("module", [datacite_xml, datacite_json], ids=["xml", "json"])
def test_oversized_record_is_refused(module):
    head = (
        b'<resource xmlns="http://datacite.org/schema/kernel-4">'
        if module is datacite_xml
        else b'{"doi": "10.5072/big", "creators": [], "titles": [{"title": "'
    )
    with pytest.raises(InputError, match="bytes is over the 20971520 bytes limit"):
        module.convert(head + b" " * (21 * 1024 * 1024), base_iri=BASE)


def test_geolocations_become_wkt_locations():
    """Box → bbox; polygon → geometry and its envelope as bbox; point → centroid and a point
    bbox; JSON lists of polygons → one location each; unreadable coordinates are dropped."""
    ring = [{"polygonPoint": {"pointLongitude": lon, "pointLatitude": lat}} for lon, lat in
            [(1, 40), (3.5, 40), (2, 42.25)]]  # fmt: skip
    record = {
        "doi": "10.5072/geo",
        "titles": [{"title": "Geo", "lang": "en"}],
        "geoLocations": [
            {"geoLocationBox": {"westBoundLongitude": "-5", "eastBoundLongitude": "9.5",
                                "southBoundLatitude": "41.3", "northBoundLatitude": "51.1"},
             "geoLocationPlace": "France"},
            {"geoLocationPolygon": [ring, ring[:2] + [{"polygonPoint": {"pointLongitude": 0,
                                                                          "pointLatitude": 0}}]]},
            {"geoLocationPoint": {"pointLongitude": "-1.5e2", "pointLatitude": "x"}},
        ],
    }  # fmt: skip
    graph = as_graph(convert_record(record, base_iri=BASE))
    rows = graph.query(
        """SELECT ?p ?o WHERE { ?d <http://purl.org/dc/terms/spatial> ?l . ?l ?p ?o .
           FILTER(?p != <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>) }"""
    )
    got = sorted((str(p).rsplit("#", 1)[-1], str(o)) for p, o in rows)
    assert got == [
        ("bbox", "POLYGON((-5 41.3, 9.5 41.3, 9.5 51.1, -5 51.1, -5 41.3))"),
        ("bbox", "POLYGON((0 0, 3.5 0, 3.5 40, 0 40, 0 0))"),
        ("bbox", "POLYGON((1 40, 3.5 40, 3.5 42.25, 1 42.25, 1 40))"),
        ("geometry", "POLYGON((1 40, 3.5 40, 0 0, 1 40))"),
        ("geometry", "POLYGON((1 40, 3.5 40, 2 42.25, 1 40))"),
        ("prefLabel", "France"),
    ]


def _values(record: dict) -> list[tuple[str, str]]:
    """(property, value) of the resource itself, identity triples aside, sorted."""
    base = {"doi": "10.5072/values", "titles": [{"title": "Values", "lang": "en"}]}
    triples = convert_record({**base, **record}, base_iri=BASE)
    root = triples[0].subject
    skip = {"type", "identifier", "landingPage", "title", "distribution", "accessURL"}
    out = []
    for t in triples:
        name = t.predicate.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        if t.subject == root and name not in skip:
            o = t.object
            value = (
                o.value
                if not isinstance(o, ox.Literal) or not o.language
                else f"{o.value}@{o.language}"
            )
            out.append((name, value if not isinstance(o, ox.BlankNode) else "_"))
    return sorted(out)


def test_rights_become_licences_access_rights_or_statements():
    record = {
        "rightsList": [
            {"rights": "CC BY 4.0", "rightsUri": "https://creativecommons.org/licenses/by/4.0/"},
            {"rightsIdentifier": "MIT", "rightsIdentifierScheme": "SPDX"},
            {"rights": "Open Access", "rightsUri": "info:eu-repo/semantics/openAccess"},
            {"rights": "Données réservées", "lang": "fr"},
            {"rights": "Terms", "rightsUri": "https://example.org/terms"},
            {"rightsUri": "not a uri"},
        ]
    }
    assert _values(record) == [
        ("accessRights", "http://publications.europa.eu/resource/authority/access-right/PUBLIC"),
        ("license", "http://spdx.org/licenses/MIT"),
        ("license", "https://creativecommons.org/licenses/by/4.0/"),
        ("rights", "_"),
        ("rights", "https://example.org/terms"),
    ]


def test_dates_and_default_language():
    """Issued wins over publicationYear, the latest Updated is dct:modified, unreadable dates
    stay text, and texts without a language take the record's."""
    record = {
        "language": "fr-FR",
        "publicationYear": "2019",
        "titles": [{"title": "Sans langue"}, {"title": "Sous-titre", "titleType": "Subtitle"}],
        "dates": [
            {"date": "2020-03-04", "dateType": "Issued"},
            {"date": "2021-01-02T10:30Z", "dateType": "Updated"},
            {"date": "2022-05-06", "dateType": "Updated"},
            {"date": "321 BCE", "dateType": "Created"},
            {"date": "2019-01", "dateType": "Valid"},
        ],
    }
    assert _values(record) == [
        ("alternative", "Sous-titre@fr-fr"),  # pyoxigraph lower-cases language tags
        ("created", "321 BCE"),
        ("issued", "2020-03-04"),
        ("language", "http://publications.europa.eu/resource/authority/language/FRA"),
        ("modified", "2022-05-06"),
        ("valid", "2019-01"),
    ]


def test_contact_person_and_affiliations():
    record = {
        "contributors": [
            {"name": "Durand, Paul", "nameType": "Personal", "contributorType": "ContactPerson",
             "nameIdentifiers": [{"nameIdentifier": "0000-0002-1825-0097",
                                  "nameIdentifierScheme": "ORCID"}],
             "affiliation": [{"name": "CNRS", "affiliationIdentifier": "https://ror.org/02feahw73",
                              "affiliationIdentifierScheme": "ROR"}, "Sorbonne Université"]}
        ]
    }  # fmt: skip
    graph = as_graph(convert_record({**{"doi": "10.5072/c", "titles": [{"title": "C"}]},
                                     **record}, base_iri=BASE))  # fmt: skip
    rows = graph.query(
        """PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX v: <http://www.w3.org/2006/vcard/ns#>
        SELECT ?agent ?org ?fn ?url WHERE {
          ?d <http://purl.org/dc/terms/contributor> ?agent ;
             <http://www.w3.org/ns/dcat#contactPoint> [ v:fn ?fn ; v:hasURL ?url ] .
          ?agent a foaf:Person ; <https://schema.org/affiliation> [ foaf:name ?org ] }"""
    )
    assert sorted(tuple(map(str, r)) for r in rows) == [
        ("https://orcid.org/0000-0002-1825-0097", "CNRS", "Durand, Paul",
         "https://orcid.org/0000-0002-1825-0097"),
        ("https://orcid.org/0000-0002-1825-0097", "Sorbonne Université", "Durand, Paul",
         "https://orcid.org/0000-0002-1825-0097"),
    ]  # fmt: skip


@pytest.mark.parametrize("encoding", ["utf-16", "iso-8859-1"])
def test_declared_encodings_are_read(encoding: str):
    """A record in UTF-16 (with BOM) or declared ISO-8859-1 converts like its UTF-8 original."""
    case = HERE / "cases" / "datacite-xml" / "kernel3-orcid-etalab" / "input.xml"
    text = case.read_text("utf-8").replace('encoding="UTF-8"', f'encoding="{encoding}"')
    data = text.encode(encoding)
    assert datacite_xml.sniff(data)
    expected = as_graph(datacite_xml.convert(case.read_bytes(), base_iri=BASE))
    assert isomorphic(as_graph(datacite_xml.convert(data, base_iri=BASE)), expected)
