"""schema.org Dataset JSON-LD of the demo catalogue: complete for Google Dataset Search and
conformant to the science-on-schema.org shapes (../shared/corpora/shacl/soso)."""

from __future__ import annotations

import json
import re
from collections import Counter

import pyoxigraph as ox
import pytest
from demo_support import demo_store
from helpers import BASE
from http_support import app_over
from rdflib import Graph, Namespace

from graph_loader.jsonld_contexts import inline_contexts
from sparql_api.linked_data.schemaorg import dataset_jsonld, wkt_box

SH = Namespace("http://www.w3.org/ns/shacl#")
#: the JSON-LD script of an HTML page
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
#: what Google Dataset Search needs (issue 8), present in every dataset's JSON-LD
GOOGLE = {
    "name",
    "description",
    "url",
    "identifier",
    "creator",
    "license",
    "spatialCoverage",
    "temporalCoverage",
    "distribution",
    "isAccessibleForFree",
    "includedInDataCatalog",
    "variableMeasured",
}
DATASETS = """SELECT DISTINCT ?d ?cited WHERE {
  GRAPH ?g { ?g <https://w3id.org/gaia-kg/ontology#describes> ?d .
             ?d a <http://www.w3.org/ns/dcat#Dataset> }
  OPTIONAL { ?d <http://purl.org/dc/terms/isReferencedBy> ?cited }
}"""


@pytest.fixture(scope="module")
def catalogue():
    """Every demo dataset's JSON-LD, and the datasets no publication references."""
    store = demo_store()
    rows = store.select(DATASETS)
    uncited = {r["d"].value for r in rows if "cited" not in r}
    docs = {r["d"].value: dataset_jsonld(store, r["d"], BASE) for r in rows}
    return docs, uncited


def test_every_demo_dataset_has_what_google_dataset_search_needs(catalogue):
    docs, _ = catalogue
    assert len(docs) >= 150
    missing = {iri: sorted(GOOGLE - set(doc)) for iri, doc in docs.items() if GOOGLE - set(doc)}
    assert missing == {}
    short = {iri: doc["description"] for iri, doc in docs.items() if len(doc["description"]) < 50}
    assert short == {}
    assert {doc["url"] for doc in docs.values()} == set(docs)


def soso_violations(data: Graph, shapes: str, shared) -> Counter:
    """(focus node, path) of each violation of one SOSO shapes file."""
    pyshacl = pytest.importorskip("pyshacl")
    graph = Graph().parse(shared / "corpora" / "shacl" / "soso" / shapes)
    _, report, _ = pyshacl.validate(data, shacl_graph=graph, inference="none")
    return Counter(
        (str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultPath)))
        for r in report.objects(None, SH.result)
        if (r, SH.resultSeverity, SH.Violation) in report
    )


def dataset_graph(docs) -> Graph:
    """The RDF of JSON-LD documents, or of the JSON-LD scripts of HTML pages (str), as a
    consumer reads it: ``https://schema.org/`` is schema.org's context document (the shipped
    copy of it, mapping as it does: no network)."""
    data = Graph()
    for doc in docs:
        found = [doc] if isinstance(doc, dict) else [json.loads(s) for s in SCRIPT.findall(doc)]
        for one in found:
            one = inline_contexts(one)
            quads = ox.parse(json.dumps(one).encode(), format=ox.RdfFormat.JSON_LD)
            data.parse(data=ox.serialize(quads, format=ox.RdfFormat.N_QUADS), format="nt")
    return data


@pytest.mark.shared
def test_the_demo_json_ld_conforms_to_the_science_on_schema_org_shapes(catalogue, shared):
    docs, uncited = catalogue
    data = dataset_graph(docs.values())
    assert soso_violations(data, "soso_common_v1.2.3.ttl", shared) == Counter()
    assert soso_violations(data, "googleRequired.ttl", shared) == Counter()
    # Google's recommended set: all but a citation, which only datasets a publication
    # references have (a dataset's own citation text is not what schema:citation means).
    assert soso_violations(data, "googleRecommended.ttl", shared) == Counter(
        {(iri, "http://schema.org/citation"): 1 for iri in uncited}
    )


@pytest.mark.shared
def test_every_dataset_page_embeds_json_ld_that_conforms_to_the_soso_shapes(catalogue, shared):
    """Through the pages themselves: each dataset page's script is its dataset's JSON-LD,
    and read together they pass the SOSO and Google-required shapes."""
    docs, _ = catalogue
    with app_over(demo_store()) as app:
        client = app.test_client()
        pages = {iri: client.get(iri.removeprefix(BASE.rstrip("/"))) for iri in docs}
    assert {iri: page.status_code for iri, page in pages.items()} == dict.fromkeys(docs, 200)
    texts = [page.get_data(as_text=True) for page in pages.values()]
    assert [len(SCRIPT.findall(text)) for text in texts] == [1] * len(docs)
    data = dataset_graph(texts)
    assert data.isomorphic(dataset_graph(docs.values()))
    assert soso_violations(data, "soso_common_v1.2.3.ttl", shared) == Counter()
    assert soso_violations(data, "googleRequired.ttl", shared) == Counter()


def test_a_dataset_json_ld_whole(catalogue):
    docs, _ = catalogue
    assert docs[BASE + "id/dataset/amma-atr42-aircraft"] == {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "@id": BASE + "id/dataset/amma-atr42-aircraft",
        "name": "AMMA SAFIRE ATR 42 airborne measurements",
        "alternateName": "AMMA mesures aéroportées de l'ATR 42 SAFIRE",
        "description": "Aerosol, trace gas and thermodynamic measurements made by the SAFIRE "
        "ATR 42 from Niamey during the 2006 AMMA special observing periods. The flights "
        "documented dust uplift and monsoon chemistry.",
        "url": BASE + "id/dataset/amma-atr42-aircraft",
        "identifier": {
            "@type": "PropertyValue",
            "propertyID": "dct:identifier",
            "value": "AMMA-SOP-ATR42",
        },
        "sameAs": "https://baobab.sedoo.fr/",
        "version": "2024-11-15",
        "creator": [SEDOO],
        "publisher": SEDOO,
        "provider": SEDOO,
        "license": "http://creativecommons.org/licenses/by/4.0/",
        "isAccessibleForFree": True,
        "keywords": [
            "SAFIRE",
            "avion de recherche",
            "monsoon",
            "mousson",
            "research aircraft",
            "Air temperature",
            "Desert dust",
            "Ozone",
        ],
        "spatialCoverage": {
            "@type": "Place",
            "geo": {"@type": "GeoShape", "box": "0.0 -20.0 25.0 20.0"},
        },
        "temporalCoverage": "2006-06-01/2006-08-31",
        "distribution": [
            {
                "@type": "DataDownload",
                "contentUrl": "https://baobab.sedoo.fr/",
                "name": "AMMA SAFIRE ATR 42 airborne measurements (Plain text)",
                "encodingFormat": "Plain text",
            }
        ],
        "includedInDataCatalog": {"@type": "DataCatalog", "name": "GAIA Data", "url": BASE},
        "variableMeasured": [
            variable("air-temperature", "Air temperature"),
            variable("dust", "Desert dust"),
            variable("ozone", "Ozone"),
        ],
        "citation": {
            "@type": "CreativeWork",
            "@id": BASE + "id/publication/redelsperger-2006-amma",
            "name": "African Monsoon Multidisciplinary Analysis: An International Research "
            "Project and Field Campaign",
        },
        "dateModified": "2024-11-15",
        "datePublished": "2006-06-01",
    }


SEDOO = {
    "@type": "Organization",
    "@id": BASE + "id/agent/sedoo",
    "name": "SEDOO data service (OMP Toulouse)",
    "url": "https://www.sedoo.fr/",
}


def variable(slug: str, name: str) -> dict:
    iri = "https://w3id.org/gaia-kg/thesaurus/" + slug
    return {"@type": "PropertyValue", "name": name, "propertyID": iri, "url": iri}


@pytest.mark.parametrize(
    ("wkt", "box"),
    [
        ("POINT(2.35 48.85)", (2.35, 48.85, 2.35, 48.85)),
        (
            "<http://www.opengis.net/def/crs/OGC/1.3/CRS84> POLYGON((1 2, 3 2, 3 4, 1 4, 1 2))",
            (1.0, 2.0, 3.0, 4.0),
        ),
        ("POLYGON((1 2, 3", None),
    ],
)
def test_wkt_box(wkt, box):
    assert wkt_box(wkt) == box


def test_the_schema_org_context_reads_in_http_for_consumers_and_https_for_gaia_kg():
    """``"@context": "https://schema.org/"`` is schema.org's context document, whose
    vocabulary is ``http://schema.org/`` (what the SOSO shapes check); gaia-kg's reader
    stores schema.org in https whichever a record writes."""
    from graph_loader.mappings.jsonld import parse_jsonld

    iri = ox.NamedNode("https://example.org/d")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

    def triples(ns: str) -> set[ox.Triple]:
        return {
            ox.Triple(iri, rdf_type, ox.NamedNode(ns + "Dataset")),
            ox.Triple(iri, ox.NamedNode(ns + "name"), ox.Literal("x")),
            ox.Triple(iri, ox.NamedNode(ns + "url"), iri),
        }

    for context in ("https://schema.org/", "http://schema.org", "https://schema.org"):
        doc = {"@context": context, "@type": "Dataset", "@id": iri.value, "name": "x"}
        doc["url"] = iri.value
        read = ox.parse(json.dumps(inline_contexts(doc)).encode(), format=ox.RdfFormat.JSON_LD)
        assert {ox.Triple(q.subject, q.predicate, q.object) for q in read} == triples(
            "http://schema.org/"
        )
        assert set(parse_jsonld(doc)) == triples("https://schema.org/")
