"""/catalog: the DCAT-AP 3 feed over the demo catalogue — paged with Hydra, filtered, and
conformant to the official DCAT-AP 3.0.1 shapes."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from demo_support import demo_store
from helpers import BASE
from http_support import app_over
from rdflib import Graph
from test_demo_catalogue import _dcat_ap_shapes, _violations

HYDRA = "http://www.w3.org/ns/hydra/core#"
DCAT = "http://www.w3.org/ns/dcat#"
CATALOG = BASE + "catalog"
MEMBERS = """SELECT DISTINCT ?r WHERE {
  GRAPH ?g { ?g a <https://w3id.org/gaia-kg/ontology#RecordGraph> ;
                <https://w3id.org/gaia-kg/ontology#describes> ?r . ?r a ?t
             VALUES ?t { <http://www.w3.org/ns/dcat#Dataset>
                         <http://www.w3.org/ns/dcat#DataService> } }
}"""


@pytest.fixture(scope="module")
def store():
    store = demo_store()
    # every record loaded long ago, so modified-since reads dct:modified
    store.update(
        "DELETE { GRAPH ?g { ?g <http://www.w3.org/ns/prov#generatedAtTime> ?t } } "
        "INSERT { GRAPH ?g { ?g <http://www.w3.org/ns/prov#generatedAtTime> "
        '"2000-01-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> } } '
        "WHERE { GRAPH ?g { ?g <http://www.w3.org/ns/prov#generatedAtTime> ?t } }"
    )
    return store


@pytest.fixture(scope="module")
def client(store):
    with app_over(store) as app:
        yield app.test_client()


def _graph(response) -> set[ox.Triple]:
    assert response.status_code == 200, response.data[:300]
    return {
        ox.Triple(q.subject, q.predicate, q.object)
        for q in ox.parse(response.data, format=ox.RdfFormat.TURTLE)
    }


def _objects(triples, subject: str, predicate: str) -> set[str]:
    return {
        t.object.value
        for t in triples
        if (t.subject.value, t.predicate.value) == (subject, predicate)
    }


def _walk(client, url: str) -> list[set[ox.Triple]]:
    pages = []
    while url:
        triples = _graph(client.get(url.removeprefix(BASE[:-1])))
        pages.append(triples)
        view = _objects(triples, CATALOG, HYDRA + "view").pop()
        nxt = _objects(triples, view, HYDRA + "next")
        url = nxt.pop() if nxt else None
    return pages


def _members(pages) -> list[str]:
    return sorted(
        m for p in pages for rel in ("dataset", "service") for m in _objects(p, CATALOG, DCAT + rel)
    )


def test_paging_through_hydra_next_lists_every_dataset_and_service_once(client, store):
    pages = _walk(client, "/catalog?size=40")
    expected = sorted(r["r"].value for r in store.select(MEMBERS))
    assert len(expected) > 150
    assert _members(pages) == expected
    assert len(pages) == -(-len(expected) // 40)
    first = pages[0]
    view = _objects(first, CATALOG, HYDRA + "view").pop()
    assert _objects(first, CATALOG, HYDRA + "totalItems") == {str(len(expected))}
    assert {
        rel: _objects(first, view, HYDRA + rel) for rel in ("first", "previous", "next", "last")
    } == {
        "first": {CATALOG + "?page=1&size=40"},
        "previous": set(),
        "next": {CATALOG + "?page=2&size=40"},
        "last": {CATALOG + f"?page={len(pages)}&size=40"},
    }


def _expected(store, where: str) -> list[str]:
    rows = store.select(MEMBERS.replace("?r a ?t\n", "?r a ?t . " + where + "\n"))
    return sorted(r["r"].value for r in rows)


@pytest.mark.parametrize(
    ("query", "where"),
    [
        (
            "pole=odatis",
            "?r <https://w3id.org/gaia-kg/ontology#pole> <https://w3id.org/gaia-kg/org/odatis>",
        ),
        (
            "pole=https://w3id.org/gaia-kg/org/theia",
            "?r <https://w3id.org/gaia-kg/ontology#pole> <https://w3id.org/gaia-kg/org/theia>",
        ),
        (
            "modified-since=2024-11-15",
            "?r <http://purl.org/dc/terms/modified> ?m FILTER(STR(?m) >= '2024-11-15')",
        ),
        ("modified-since=2031-01-01T00:00:00Z", "FILTER(false)"),
    ],
)
def test_filters(client, store, query, where):
    expected = _expected(store, where)
    assert 0 < len(expected) < 186 or query.startswith("modified-since=2031")
    assert _members(_walk(client, f"/catalog?{query}&size=500")) == expected


def test_a_concept_filter_includes_the_concepts_under_it(client, store):
    ozone = _members(_walk(client, "/catalog?concept=ozone"))
    air_quality = _members(_walk(client, "/catalog?concept=air-quality"))
    atmosphere = _members(
        _walk(client, "/catalog?concept=https://w3id.org/gaia-kg/thesaurus/atmosphere")
    )
    assert ozone == _expected(
        store, "?r <http://www.w3.org/ns/dcat#theme> <https://w3id.org/gaia-kg/thesaurus/ozone>"
    )
    assert set(ozone) < set(air_quality) < set(atmosphere)


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ("page=0", "feed_bad_int"),
        ("size=501", "feed_bad_int"),
        ("modified-since=yesterday", "feed_bad_date"),
        ("pole=<script>", "feed_bad_value"),
        ("f=docx", "unknown_format"),
    ],
)
def test_bad_parameters_are_a_bilingual_400(client, query, error):
    for lang in ("en", "fr"):
        body = client.get(f"/catalog?{query}&lang={lang}").get_json()
        assert (body["status"], body["error"], body["lang"]) == (400, error, lang)


@pytest.mark.parametrize("name", ["jsonld", "rdf", "nt"])
def test_other_formats_say_the_same(client, name):
    turtle = _graph(client.get("/catalog?size=20"))
    media = {
        "jsonld": ox.RdfFormat.JSON_LD,
        "rdf": ox.RdfFormat.RDF_XML,
        "nt": ox.RdfFormat.N_TRIPLES,
    }
    response = client.get(f"/catalog?size=20&f={name}")
    assert {
        ox.Triple(q.subject, q.predicate, q.object)
        for q in ox.parse(response.data, format=media[name])
    } == turtle


@pytest.mark.shared
def test_every_page_conforms_to_the_official_dcat_ap_3_shapes(client, shared):
    shapes = _dcat_ap_shapes("full")
    for page in _walk(client, "/catalog?size=100"):
        data = Graph().parse(
            data=ox.serialize(list(page), format=ox.RdfFormat.N_TRIPLES), format="nt"
        )
        assert _violations(data, shapes) == []
