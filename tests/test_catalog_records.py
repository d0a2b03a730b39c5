"""What a record's catalogue record and locations say that the sources do not (issue 20,
DCAT-AP recommended properties): when it was first loaded (``dct:issued``, kept when a changed
version replaces it), whether it is new or replaced (``adms:status``, ADMS change type), the
centroid of each box, and the ADMS type of known licences. All are derived on read (issue 22:
a record graph stores only the first load of a replaced graph)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
from helpers import BASE

from graph_loader.pipeline import load_paths
from graph_loader.report import export_records
from graph_loader.store import EmbeddedStore
from graph_loader.terms import RDF_TYPE

MIXED = Path(__file__).parent / "fixtures" / "load" / "mixed"
RECORD = """SELECT ?issued ?modified ?status ?label WHERE {
  ?r a <http://www.w3.org/ns/dcat#CatalogRecord> ;
     <http://xmlns.com/foaf/0.1/primaryTopic> <https://data.gaia-data.fr/id/dataset/test-aod> ;
     <http://purl.org/dc/terms/issued> ?issued ; <http://purl.org/dc/terms/modified> ?modified ;
     <http://www.w3.org/ns/adms#status> ?status .
  ?status <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }"""
ADMS_CHANGE = "http://purl.org/adms/changetype/"
STORED = """SELECT ?p ?o WHERE { GRAPH ?g { ?g ?p ?o
  FILTER(?p IN (<http://purl.org/dc/terms/issued>, <http://www.w3.org/ns/adms#status>)) }
  GRAPH ?g { ?g <https://w3id.org/gaia-kg/ontology#describes>
                <https://data.gaia-data.fr/id/dataset/test-aod> } }"""


def stored(store) -> set[tuple[str, str]]:
    """What the record graph of test-aod stores of its first load and change type."""
    return {(row["p"].value, row["o"].value) for row in store.select(STORED)}


def exported(store) -> ox.Store:
    out = ox.Store()
    out.load(export_records(store, "turtle"), format=ox.RdfFormat.TURTLE)
    return out


def catalogue_record(store) -> tuple[str, str, str, str]:
    rows = list(exported(store).query(RECORD))
    assert len(rows) == 1
    return tuple(rows[0][v].value for v in ("issued", "modified", "status", "label"))


def test_first_load_time_and_change_type_follow_the_record_across_loads(tmp_path):
    folder = tmp_path / "records"
    shutil.copytree(MIXED, folder)
    store = EmbeddedStore(None)
    load_paths(store, [folder], base_iri=BASE)
    issued, modified, status, label = catalogue_record(store)
    assert (issued == modified, status, label) == (True, ADMS_CHANGE + "Created", "Created")
    assert stored(store) == set()  # as first loaded: both derived from the load time

    load_paths(store, [folder], base_iri=BASE)  # unchanged: nothing rewritten
    assert catalogue_record(store) == (issued, modified, status, label)

    text = (folder / "catalogue.ttl").read_text(encoding="utf-8")
    (folder / "catalogue.ttl").write_text(text.replace("(test)", "(test, v2)"), encoding="utf-8")
    load_paths(store, [folder], base_iri=BASE)
    again = catalogue_record(store)
    assert (again[0], again[2], again[3]) == (issued, ADMS_CHANGE + "Updated", "Updated")
    assert again[1] >= modified
    assert stored(store) == {("http://purl.org/dc/terms/issued", issued)}


def test_a_graph_that_never_said_its_first_load_gets_no_issued_when_replaced(tmp_path):
    """A graph that replaced one written before gaia-kg kept the first load says it was
    replaced and no first load: replaced again, the time is still not made up."""
    folder = tmp_path / "records"
    shutil.copytree(MIXED, folder)
    store = EmbeddedStore(None)
    load_paths(store, [folder], base_iri=BASE)
    store.update(
        "INSERT { GRAPH ?g { ?g <http://www.w3.org/ns/adms#status> "
        f"<{ADMS_CHANGE}Updated> }} }} WHERE {{ GRAPH ?g {{ ?g a "
        "<https://w3id.org/gaia-kg/ontology#RecordGraph> } }"
    )
    assert list(exported(store).query(RECORD)) == []
    text = (folder / "catalogue.ttl").read_text(encoding="utf-8")
    (folder / "catalogue.ttl").write_text(text.replace("(test)", "(test, v2)"), encoding="utf-8")
    load_paths(store, [folder], base_iri=BASE)
    assert list(exported(store).query(RECORD)) == []
    assert stored(store) == {("http://www.w3.org/ns/adms#status", ADMS_CHANGE + "Updated")}
    statuses = exported(store).query(
        "SELECT ?s WHERE { ?r <http://xmlns.com/foaf/0.1/primaryTopic> "
        "<https://data.gaia-data.fr/id/dataset/test-aod> ; <http://www.w3.org/ns/adms#status> ?s }"
    )
    assert [row["s"].value for row in statuses] == [ADMS_CHANGE + "Updated"]


def test_each_box_gets_its_centre_and_each_known_licence_its_type():
    store = EmbeddedStore(None)
    load_paths(store, [MIXED], base_iri=BASE)
    out = exported(store)
    centroids = out.query(
        "SELECT ?c WHERE { <https://data.gaia-data.fr/id/dataset/test-aod> "
        "<http://purl.org/dc/terms/spatial> [ <http://www.w3.org/ns/dcat#centroid> ?c ] }"
    )
    assert [(r["c"].value, r["c"].datatype.value) for r in centroids] == [
        ("POINT(0 12.5)", "http://www.opengis.net/ont/geosparql#wktLiteral")
    ]
    types = out.query(
        "SELECT ?t ?label WHERE { <http://creativecommons.org/licenses/by/4.0/> "
        "<http://purl.org/dc/terms/type> ?t . "
        "?t <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }"
    )
    assert [(r["t"].value, r["label"].value) for r in types] == [
        ("http://purl.org/adms/licencetype/Attribution", "Attribution")
    ]


def test_a_distribution_stating_only_its_media_type_gets_its_eu_file_type():
    """Derived on read (graph_loader.file_types): one file type per media type, none when the
    distribution states a format or its media type is shared (image/tiff: TIFF or GeoTIFF)."""
    from graph_loader.file_types import format_triples

    dcat, dct = "http://www.w3.org/ns/dcat#", "http://purl.org/dc/terms/"
    skos, rdf_type = "http://www.w3.org/2004/02/skos/core#", RDF_TYPE.value
    iana = "https://www.iana.org/assignments/media-types/"
    csv = "http://publications.europa.eu/resource/authority/file-type/CSV"

    def t(s, p, o):
        return ox.Triple(ox.NamedNode(s), ox.NamedNode(p), o)

    given = [
        t("urn:csv", dcat + "mediaType", ox.NamedNode(iana + "text/csv")),
        t("urn:said", dcat + "mediaType", ox.NamedNode(iana + "application/zip")),
        t("urn:said", dct + "format", ox.Literal("zipped shapefile")),
        t("urn:tiff", dcat + "mediaType", ox.NamedNode(iana + "image/tiff")),
        t("urn:text", dcat + "mediaType", ox.Literal("text/csv; charset=utf-8")),
    ]
    assert sorted(format_triples(given), key=str) == sorted(
        [
            t("urn:csv", dct + "format", ox.NamedNode(csv)),
            t("urn:text", dct + "format", ox.NamedNode(csv)),
            t(csv, rdf_type, ox.NamedNode(dct + "MediaTypeOrExtent")),
            t(csv, rdf_type, ox.NamedNode(skos + "Concept")),
            t(csv, skos + "inScheme", ox.NamedNode(csv.rsplit("/", 1)[0])),
        ],
        key=str,
    )
