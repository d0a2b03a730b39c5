"""DCAT-AP 3.0.1 recommended properties on the demo (issue 20): the whole report of the
official recommended shapes, by class and property, for the export, the whole ``/catalog`` feed
and every ``/id/`` description of a dataset or data service read together. What is left is what
the sources do not say (listed, with why, in ``docs/quality.md``); a count that grows is a
regression, one that shrinks an update of that list."""

from __future__ import annotations

from collections import Counter
from functools import cache

import pyoxigraph as ox
import pytest
from demo_support import demo_store
from helpers import BASE
from http_support import app_over
from rdflib import Graph, Namespace
from test_catalog_feed import _graph as feed_page
from test_catalog_feed import _walk
from test_demo_catalogue import DCAT_AP

from graph_loader.report import export_records

SH = Namespace("http://www.w3.org/ns/shacl#")
DESCRIBED = """SELECT DISTINCT ?r WHERE { GRAPH ?g {
  ?g <https://w3id.org/gaia-kg/ontology#describes> ?r . ?r a ?t
  VALUES ?t { <http://www.w3.org/ns/dcat#Dataset> <http://www.w3.org/ns/dcat#DataService> } } }"""

#: what every demo dataset and service still lacks, wherever it leaves (docs/quality.md)
LEFT = {
    "dcat:Distribution dct:description": 164,
    "dcat:Distribution dcatap:availability": 164,
    "dct:PeriodOfTime dcat:endDate": 127,
    "dcat:DataService dcat:keyword": 24,
    "dcat:DataService dcat:theme": 24,
}


@pytest.fixture(scope="module")
def store():
    return demo_store()


@pytest.fixture(scope="module")
def client(store):
    with app_over(store) as app:
        yield app.test_client()


@cache
def recommended_shapes() -> Graph:
    """The shapes ``bench/conformance.py`` measures with: the official file (the two range
    shapes it names but lacks from ``ranges.ttl``) and the recommended set; the
    controlled-vocabulary shapes aside (they need the EU tables)."""
    if not DCAT_AP.exists():
        pytest.skip("../shared corpora absent")
    shapes = Graph().parse(DCAT_AP / "dcat-ap-SHACL.ttl", format="turtle")
    ranges = Graph().parse(DCAT_AP / "ranges.ttl", format="turtle")
    for ref in set(shapes.objects(None, SH.property)):
        if (ref, SH.path, None) not in shapes:
            shapes += ranges.triples((ref, None, None))
    return shapes.parse(DCAT_AP / "dcat-ap-3.0.1-html-shapes_recommended.ttl", format="turtle")


def warnings_by_kind(data: Graph) -> dict[str, int]:
    """Top-level Warning results of the official shapes with the recommended set, counted by
    the class the shape targets and the property it checks; violations are an error."""
    pyshacl = pytest.importorskip("pyshacl")
    shapes = recommended_shapes()
    _, report, text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    found: Counter[str] = Counter()
    for result in report.objects(None, SH.result):
        severity = report.value(result, SH.resultSeverity)
        assert severity != SH.Violation, text[:3000]
        if severity != SH.Warning:
            continue
        source = report.value(result, SH.sourceShape)
        target = next(
            (shapes.value(node, SH.targetClass) for node in shapes.subjects(SH.property, source)),
            None,
        )
        path = report.value(result, SH.resultPath)
        names = (shapes.namespace_manager.curie(x) if x else "-" for x in (target, path))
        found[" ".join(names)] += 1
    return dict(found)


def _graph(triples) -> Graph:
    data = ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=data, format="nt")


@pytest.mark.shared
def test_the_export_lacks_only_what_the_sources_do_not_say(store, shared):
    exported = Graph().parse(data=export_records(store, "turtle"), format="turtle")
    assert warnings_by_kind(exported) == {
        **LEFT,
        "foaf:Agent dct:type": 27,
        "dcat:Catalog dct:spatial": 1,
    }


@pytest.mark.shared
def test_the_catalog_feed_lacks_only_what_the_sources_do_not_say(client, shared):
    feed = set().union(*_walk(client, "/catalog?size=100"))
    assert warnings_by_kind(_graph(feed)) == {
        **LEFT,
        "foaf:Agent dct:type": 22,
        "dcat:Catalog dct:issued": 1,
        "dcat:Catalog dct:modified": 1,
        "dcat:Catalog dct:license": 1,
        "dcat:Catalog dct:spatial": 1,
    }


@pytest.mark.shared
def test_the_id_descriptions_lack_only_what_the_sources_do_not_say(client, store, shared):
    data, rows = Graph(), store.select(DESCRIBED)
    assert len(rows) >= 150
    for row in rows:
        response = client.get(
            row["r"].value.removeprefix(BASE.rstrip("/")), headers={"Accept": "text/turtle"}
        )
        assert response.status_code == 200, row["r"].value
        data.parse(data=response.data, format="turtle")
    assert warnings_by_kind(data) == {**LEFT, "foaf:Agent dct:type": 21}


def test_the_catalogue_says_its_home_page_languages_and_theme_schemes(client):
    """The feed's own catalogue, from what it is and the records it holds."""
    page = {
        (t.predicate.value, t.object.value)
        for t in feed_page(client.get("/catalog?size=1"))
        if t.subject.value == BASE + "catalog"
        and t.predicate.value
        in (
            "http://xmlns.com/foaf/0.1/homepage",
            "http://purl.org/dc/terms/language",
            "http://www.w3.org/ns/dcat#themeTaxonomy",
        )
    }
    assert page == {
        ("http://xmlns.com/foaf/0.1/homepage", BASE),
        (
            "http://purl.org/dc/terms/language",
            "http://publications.europa.eu/resource/authority/language/ENG",
        ),
        (
            "http://purl.org/dc/terms/language",
            "http://publications.europa.eu/resource/authority/language/FRA",
        ),
        ("http://www.w3.org/ns/dcat#themeTaxonomy", "https://w3id.org/gaia-kg/thesaurus/gaia"),
        (
            "http://www.w3.org/ns/dcat#themeTaxonomy",
            "http://publications.europa.eu/resource/authority/data-theme",
        ),
    }


def test_every_open_period_is_a_series_its_source_says_is_still_updated(store):
    """The 127 periods without an end (``LEFT``) belong to datasets whose source gives an
    update frequency: ongoing series, none declared finished (``NEVER``) without an end date."""
    rows = store.select("""SELECT ?f (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?g {
      ?d a <http://www.w3.org/ns/dcat#Dataset> ; <http://purl.org/dc/terms/temporal> ?p .
      FILTER NOT EXISTS { ?p <http://www.w3.org/ns/dcat#endDate> ?end }
      OPTIONAL { ?d <http://purl.org/dc/terms/accrualPeriodicity> ?f } } } GROUP BY ?f""")
    found = {
        row["f"].value.rsplit("/", 1)[-1] if row["f"] else None: int(row["n"].value) for row in rows
    }
    assert found == {
        "DAILY": 56,
        "ANNUAL": 27,
        "MONTHLY": 19,
        "IRREG": 12,
        "UPDATE_CONT": 4,
        "CONT": 4,
        "HOURLY": 3,
        "WEEKLY": 2,
    }
    assert sum(found.values()) == LEFT["dct:PeriodOfTime dcat:endDate"]
