"""DataCite mapping of single fields: links, places, rights, dates, contacts (from dicts)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from helpers import BASE, as_graph
from rdflib import URIRef
from rdflib.compare import isomorphic

from graph_loader.formats import detect_format
from graph_loader.mappings import datacite_xml
from graph_loader.mappings.datacite_common import convert_record


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


def test_rest_api_url_and_content_url():
    """The REST API's landing page ``url`` and file ``contentUrl`` are kept; bad ones dropped."""
    record = {
        "doi": "10.5072/Files",
        "titles": [{"title": "Files", "lang": "en"}],
        "url": "https://data.example.org/files",
        "contentUrl": ["https://data.example.org/files/a.nc", "not a url", 7],
    }
    graph = as_graph(convert_record(record, base_iri=BASE))
    rows = graph.query(
        """PREFIX dcat: <http://www.w3.org/ns/dcat#>
        SELECT ?p ?o WHERE { { ?d dcat:landingPage ?o BIND("page" AS ?p) }
          UNION { ?d dcat:distribution [ ?q ?o ] FILTER(isIRI(?o)) BIND(str(?q) AS ?p) } }"""
    )
    assert sorted((str(p).rsplit("#", 1)[-1], str(o)) for p, o in rows) == [
        ("accessURL", "https://doi.org/10.5072/files"),
        ("downloadURL", "https://data.example.org/files/a.nc"),
        ("page", "https://data.example.org/files"),
        ("page", "https://doi.org/10.5072/files"),
        ("type", "http://www.w3.org/ns/dcat#Distribution"),
    ]


def _identity(record: dict) -> tuple[str, list[str], list[str]]:
    """(record IRI, dct:identifier values, landing pages) of a minimal dataset record."""
    record = {"titles": [{"title": "Identified", "lang": "en"}], **record}
    graph = as_graph(convert_record(record, base_iri=BASE))
    rows = graph.query("""SELECT ?r WHERE { ?r a <http://www.w3.org/ns/dcat#Dataset> }""")
    (root,) = [str(row.r) for row in rows]
    ids = sorted(str(o) for o in graph.objects(None, DCT_IDENTIFIER))
    pages = sorted(str(o) for o in graph.objects(None, LANDING_PAGE))
    return root, ids, pages


DCT_IDENTIFIER = URIRef("http://purl.org/dc/terms/identifier")
LANDING_PAGE = URIRef("http://www.w3.org/ns/dcat#landingPage")


def test_identifiers_that_are_not_dois_identify_the_record():
    """A Handle, an ARK, a URL or a local identifier names the record (no refusal); a Handle,
    an ARK and a URL also give its landing page."""
    handle = _identity(
        {"identifiers": [{"identifier": "20.500.1/abc", "identifierType": "Handle"}]}
    )
    assert handle == (
        BASE + "id/dataset/20.500.1-abc-" + handle[0].rsplit("-", 1)[-1],
        ["20.500.1/abc"],
        ["https://hdl.handle.net/20.500.1/abc"],
    )
    ark = _identity({"alternateIdentifiers": [
        {"alternateIdentifier": "ark:/13030/m51g217t", "alternateIdentifierType": "ARK"}
    ]})  # fmt: skip
    assert ark[1:] == (["ark:/13030/m51g217t"], ["https://n2t.net/ark:/13030/m51g217t"])
    url = _identity(
        {"identifiers": [{"identifier": "https://example.org/ds/1", "identifierType": "URL"}]}
    )
    assert url[1:] == (["https://example.org/ds/1"], ["https://example.org/ds/1"])
    local = _identity({"identifiers": [{"identifier": "EC-1234", "identifierType": "local"}]})
    assert local[1:] == (["EC-1234"], [])
    assert local[0] != url[0] != ark[0] != handle[0]


def test_a_record_with_no_identifier_at_all_gets_a_stable_iri():
    """An empty ``<identifier identifierType="DOI"/>`` (Merritt exports): the IRI is minted from
    the title, publisher and first creator, the same at each load, and differs between records."""
    record = {"publisher": "DataONE", "creators": [{"name": "Lai, Chun-Ta"}]}
    first, again = _identity(record), _identity(dict(record))
    other = _identity({**record, "titles": [{"title": "Another", "lang": "en"}]})
    assert first == again and first[1:] == ([], [])
    assert first[0].startswith(BASE + "id/dataset/datacite-") and other[0] != first[0]


def test_resource_types_choose_publication_classes():
    """A book or a report is no article; an article is; a Text with a precise resourceType
    (kernel 3) takes it."""

    def classes(general: str, specific: str = "") -> list[str]:
        record = {"doi": "10.5072/t", "titles": [{"title": "T", "lang": "en"}],
                  "types": {"resourceTypeGeneral": general, "resourceType": specific}}  # fmt: skip
        return sorted(
            t.object.value.rsplit("/", 1)[-1]
            for t in convert_record(record, base_iri=BASE)
            if t.predicate.value.endswith("#type") and t.subject.value.startswith(BASE)
        )

    assert {g: classes(g) for g in ("Book", "BookChapter", "Report", "Dissertation",
                                    "JournalArticle", "Preprint", "Text", "Model",
                                    "Workflow", "Collection")} == {
        "Book": ["Book", "CreativeWork"], "BookChapter": ["Chapter", "CreativeWork"],
        "Report": ["CreativeWork", "Report"], "Dissertation": ["CreativeWork", "Thesis"],
        "JournalArticle": ["ScholarlyArticle"], "Preprint": ["ScholarlyArticle"],
        "Text": ["CreativeWork"], "Model": ["dcat#Dataset"], "Workflow": ["SoftwareSourceCode"],
        "Collection": ["dcat#Dataset"],
    }  # fmt: skip
    assert classes("Text", "Monograph") == ["Book", "CreativeWork"]
    assert classes("Text", "Journal Article") == ["ScholarlyArticle"]


def test_sizes_in_bytes_are_byte_sizes():
    record = {"doi": "10.5072/s", "titles": [{"title": "S", "lang": "en"}],
              "sizes": ["4898073"], "formats": ["text/csv", "NetCDF"]}  # fmt: skip
    got = sorted(
        (t.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1], t.object.value)
        for t in convert_record(record, base_iri=BASE)
        if t.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        in ("byteSize", "extent", "format", "mediaType")
    )
    assert got == [
        ("byteSize", "4898073"),
        ("extent", "4898073"),
        ("format", "NetCDF"),
        ("mediaType", "https://www.iana.org/assignments/media-types/text/csv"),
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_records_are_read(encoding: str):
    """UTF-16 with a byte order mark or without one (declared in the XML declaration) is
    sniffed and converted as its UTF-8 form."""
    case = Path(__file__).parent / "cases" / "datacite-xml" / "kernel3-orcid-etalab" / "input.xml"
    text = case.read_text("utf-8")
    utf16 = text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode(encoding)
    assert detect_format(utf16) == "datacite-xml"
    expected = as_graph(datacite_xml.convert(case.read_bytes(), base_iri=BASE))
    assert isomorphic(as_graph(datacite_xml.convert(utf16, base_iri=BASE)), expected)


RELATIONS_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<resource xmlns="http://datacite.org/schema/kernel-4">
  <identifier identifierType="DOI">10.5072/rel</identifier>
  <creators><creator><creatorName>A</creatorName></creator></creators>
  <titles><title xml:lang="en">Relations</title></titles>
  <publisher>P</publisher><publicationYear>2024</publicationYear>
  <resourceType resourceTypeGeneral="Dataset"/>
  <relatedIdentifiers>
    <relatedIdentifier relatedIdentifierType="DOI" relationType="IsCitedBy"
      resourceTypeGeneral="JournalArticle">10.5072/paper</relatedIdentifier>
    <relatedIdentifier relatedIdentifierType="URL"
      relationType="HasPart">https://example.org/part</relatedIdentifier>
    <relatedIdentifier relatedIdentifierType="DOI"
      relationType="IsDerivedFrom">10.5072/origin</relatedIdentifier>
    <relatedIdentifier relatedIdentifierType="Handle"
      relationType="IsNewVersionOf">20.500.1/x</relatedIdentifier>
    <relatedIdentifier relatedIdentifierType="DOI"
      relationType="IsVariantFormOf">10.5072/variant</relatedIdentifier>
  </relatedIdentifiers>
  <relatedItems>
    <relatedItem relationType="IsPublishedIn" relatedItemType="Book">
      <relatedItemIdentifier
        relatedItemIdentifierType="ISBN">978-3-16-148410-0</relatedItemIdentifier>
      <titles><title>A book</title></titles>
    </relatedItem>
  </relatedItems>
</resource>"""

RELATIONS_JSON = {  # the same record as the DataCite REST API gives it
    "data": {"id": "10.5072/rel", "type": "dois", "attributes": {
        "doi": "10.5072/rel", "creators": [{"name": "A"}],
        "titles": [{"title": "Relations", "lang": "en"}], "publisher": "P",
        "publicationYear": 2024, "types": {"resourceTypeGeneral": "Dataset"},
        "relatedIdentifiers": [
            {"relatedIdentifier": "10.5072/paper", "relatedIdentifierType": "DOI",
             "relationType": "IsCitedBy", "resourceTypeGeneral": "JournalArticle"},
            {"relatedIdentifier": "https://example.org/part", "relatedIdentifierType": "URL",
             "relationType": "HasPart"},
            {"relatedIdentifier": "10.5072/origin", "relatedIdentifierType": "DOI",
             "relationType": "IsDerivedFrom"},
            {"relatedIdentifier": "20.500.1/x", "relatedIdentifierType": "Handle",
             "relationType": "IsNewVersionOf"},
            {"relatedIdentifier": "10.5072/variant", "relatedIdentifierType": "DOI",
             "relationType": "IsVariantFormOf"},
        ],
        "relatedItems": [{"relationType": "IsPublishedIn", "relatedItemType": "Book",
                          "relatedItemIdentifier": {"relatedItemIdentifier": "978-3-16-148410-0",
                                                    "relatedItemIdentifierType": "ISBN"},
                          "titles": [{"title": "A book"}]}],
    }},
}  # fmt: skip


def test_xml_and_json_give_the_same_relations():
    """relatedIdentifier and relatedItem relation types map to the same dct/prov/dcat links
    whether the record comes as DataCite XML or as the REST API's JSON."""
    import json

    from graph_loader.mappings import datacite_json

    def links(triples):
        root = BASE + "id/dataset/"
        return {
            (t.predicate.value, t.object.value)
            for t in triples
            if t.subject.value.startswith(root) and isinstance(t.object, ox.NamedNode)
            and t.predicate.value.startswith(("http://purl.org/dc/terms/",
                                              "http://www.w3.org/ns/prov#",
                                              "http://www.w3.org/ns/dcat#previousVersion"))
            and not t.predicate.value.endswith(("/type", "/license", "/language"))
        }  # fmt: skip

    from_xml = links(datacite_xml.convert(RELATIONS_XML, base_iri=BASE))
    from_json = links(datacite_json.convert(json.dumps(RELATIONS_JSON).encode(), base_iri=BASE))
    dct = "http://purl.org/dc/terms/"
    assert (
        from_xml
        == from_json
        == {
            (dct + "isReferencedBy", "https://doi.org/10.5072/paper"),
            (dct + "hasPart", "https://example.org/part"),
            (dct + "source", "https://doi.org/10.5072/origin"),
            ("http://www.w3.org/ns/prov#wasDerivedFrom", "https://doi.org/10.5072/origin"),
            ("http://www.w3.org/ns/dcat#previousVersion", "https://hdl.handle.net/20.500.1/x"),
            (dct + "isVersionOf", "https://hdl.handle.net/20.500.1/x"),
            (dct + "relation", "https://doi.org/10.5072/variant"),
            (dct + "isPartOf", "urn:isbn:978-3-16-148410-0"),
        }
    )
