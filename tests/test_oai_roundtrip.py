"""Our OAI-PMH provider harvested by the project's own OAI-PMH harvester
(graph_loader.sources.oaipmh) and read back by its own mappings (DataCite XML, oai_dc)."""

from __future__ import annotations

import httpx
import pyoxigraph as ox
import pytest
from demo_support import demo_store, served
from helpers import BASE
from http_support import app_over

from graph_loader.mappings import datacite_xml, oai_dc
from graph_loader.sources.oaipmh import OAIPMHSource
from sparql_api.oai.routes import PAGE_SIZE_KEY

DCT = "http://purl.org/dc/terms/"
ITEMS = """SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { GRAPH ?g {
  ?g a <https://w3id.org/gaia-kg/ontology#RecordGraph> ;
     <https://w3id.org/gaia-kg/ontology#describes> ?r . ?r a ?t }
  FILTER(?t != <http://www.w3.org/ns/dcat#Catalog>) }"""
WITH_DOI = ITEMS.replace(
    "?r a ?t }",
    "?r a ?t ; <http://purl.org/dc/terms/identifier> ?id FILTER(STRSTARTS(?id, '10.')) }",
)


@pytest.fixture(scope="module")
def harvested():
    store = demo_store()
    expected = {
        "oai_dc": int(store.select(ITEMS)[0]["n"].value),
        "oai_datacite": int(store.select(WITH_DOI)[0]["n"].value),
    }
    with app_over(store) as app, served(app) as root, httpx.Client(timeout=60) as client:
        app.config[PAGE_SIZE_KEY] = 60
        out = {}
        for prefix in ("oai_datacite", "oai_dc"):
            source = OAIPMHSource("self", root + "/oai", metadata_prefix=prefix)
            out[prefix] = list(source.records(client))
    return expected, out


def _titles(triples: list[ox.Triple]) -> set[str]:
    return {t.object.value for t in triples if t.predicate.value == DCT + "title"}


@pytest.mark.parametrize(
    ("prefix", "mapping"), [("oai_datacite", datacite_xml), ("oai_dc", oai_dc)]
)
def test_every_record_harvested_converts_back_with_its_titles(harvested, prefix, mapping):
    expected, out = harvested
    records = out[prefix]
    assert len(records) == expected[prefix] > 20
    assert len({r.identifier for r in records}) == expected[prefix]
    for record in records:
        assert mapping.sniff(record.data), record.identifier
        triples = mapping.convert(record.data, base_iri=BASE)
        assert _titles(triples), record.identifier
    obspy = next(r for r in records if r.identifier.endswith(":publication/beyreuther-2010-obspy"))
    assert _titles(mapping.convert(obspy.data, base_iri=BASE)) == {
        "ObsPy: A Python Toolbox for Seismology",
        "ObsPy : une boîte à outils Python pour la sismologie",
    }


def test_a_doi_survives_the_datacite_round_trip(harvested):
    _, out = harvested
    paper = next(r for r in out["oai_datacite"] if r.identifier.endswith("beyreuther-2010-obspy"))
    record = datacite_xml.to_record(paper.data)
    assert record["doi"].lower() == "10.1785/gssrl.81.3.530"
    assert [c["name"] for c in record["creators"]][:2] == ["Barsch, Robert", "Behr, Yannik"]
