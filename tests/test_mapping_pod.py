"""Project Open Data (data.json) → DCAT-AP 3: golden cases from the corpus, the fields of the
schema (bounding boxes, intervals, access levels, frequencies), sniffing and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from helpers import BASE, TESTS, as_graph, assert_isomorphic, corpus_file
from rdflib import Graph, Literal, URIRef

from graph_loader.errors import InputError
from graph_loader.formats import detect_format
from graph_loader.mappings import pod_json
from graph_loader.validation import load_shapes, validate

CASES = sorted(p for p in (TESTS / "cases" / "pod-json").iterdir() if p.is_dir())
POD = "https://project-open-data.cio.gov/v1.1/schema"
QUERY = """PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dct: <http://purl.org/dc/terms/>
PREFIX locn: <http://www.w3.org/ns/locn#>
SELECT ?title ?bbox ?place ?start ?end ?rights ?freq WHERE {
  ?d a dcat:Dataset ; dct:title ?title .
  OPTIONAL { ?d dct:spatial/dcat:bbox ?bbox } OPTIONAL { ?d dct:spatial/locn:geographicName ?place }
  OPTIONAL { ?d dct:temporal/dcat:startDate ?start } OPTIONAL { ?d dct:temporal/dcat:endDate ?end }
  OPTIONAL { ?d dct:accessRights ?rights } OPTIONAL { ?d dct:accrualPeriodicity ?freq }
} ORDER BY ?title"""


def _source(case: Path) -> bytes:
    return corpus_file((case / "source.txt").read_text().strip()).read_bytes()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_golden_case(case: Path) -> None:
    data = _source(case)
    assert pod_json.sniff(data)
    assert detect_format(data) == "pod-json"
    got = as_graph(pod_json.convert(data, base_iri=BASE))
    expected = Graph().parse(case / "expected.ttl")
    assert_isomorphic(got, expected)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_golden_cases_conform_to_the_shapes(case: Path) -> None:
    store = ox.Store()
    store.extend(
        ox.Quad(t.subject, t.predicate, t.object)
        for t in pod_json.convert(_source(case), base_iri=BASE)
    )
    violations = [p for p in validate(store, load_shapes()) if p.severity.endswith("Violation")]
    assert violations == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_every_dataset_and_field_of_the_source_is_kept(case: Path) -> None:
    data = _source(case)
    graph = as_graph(pod_json.convert(data, base_iri=BASE))
    for dataset in json.loads(data)["dataset"]:
        rows = graph.query(
            """PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dct: <http://purl.org/dc/terms/>
            SELECT ?d WHERE { ?d dct:title ?t FILTER(str(?t) = ?title) }""",
            initBindings={"title": Literal(dataset["title"])},
        )
        (node,) = [r[0] for r in rows]

        def values(prop: str, n=node) -> set[str]:
            return {str(o) for o in graph.objects(n, URIRef(prop))}

        dct, dcat = "http://purl.org/dc/terms/", "http://www.w3.org/ns/dcat#"
        assert values(dct + "description") == {dataset["description"]}
        assert values(dcat + "keyword") == set(dataset["keyword"]) | set(dataset.get("theme", []))
        assert values(dct + "identifier") == {dataset["identifier"]}
        assert values(dcat + "landingPage") == {dataset["landingPage"]}
        urls = {
            u
            for d in graph.objects(node, URIRef(dcat + "distribution"))
            for p in ("accessURL", "downloadURL")
            for u in values(dcat + p, d)
        }
        expected = {d.get("downloadURL") or d.get("accessURL") for d in dataset["distribution"]}
        assert expected <= urls
        (contact,) = graph.objects(node, URIRef(dcat + "contactPoint"))
        assert values("http://www.w3.org/2006/vcard/ns#hasEmail", contact) == {
            dataset["contactPoint"]["hasEmail"]
        }


def _catalogue(**dataset) -> bytes:
    base = {
        "title": "Sea ice extent",
        "identifier": "https://example.gov/d/1",
        "accessLevel": "public",
    }
    return json.dumps({"conformsTo": POD, "dataset": [base | dataset]}).encode()


def test_spatial_temporal_access_and_frequency_forms() -> None:
    forms = [
        {
            "spatial": "-124.7,24.5,-66.9,49.4",
            "temporal": "2000-01/2010-12",
            "accessLevel": "restricted public",
            "accrualPeriodicity": "R/P1M",
        },
        {
            "spatial": '{"type":"Polygon","coordinates":[[[2,46],[7,46],[7,49],[2,49],[2,46]]]}',
            "temporal": "2019-05-01/P1Y",
            "accessLevel": "non-public",
        },
        {
            "spatial": {"type": "Point", "coordinates": [5.5, 45.2]},
            "temporal": "2020",
            "accrualPeriodicity": "irregular",
        },
    ]
    got = []
    for form in forms:
        graph = as_graph(pod_json.convert(_catalogue(**form), base_iri=BASE))
        got += [tuple(str(v) if v is not None else None for v in row) for row in graph.query(QUERY)]
    eu = "http://publications.europa.eu/resource/authority/"
    assert got == [
        (
            "Sea ice extent",
            "POLYGON((-124.7 24.5, -66.9 24.5, -66.9 49.4, -124.7 49.4, -124.7 24.5))",
            None,
            "2000-01-01",
            "2010-12-31",
            eu + "access-right/RESTRICTED",
            eu + "frequency/MONTHLY",
        ),
        (
            "Sea ice extent",
            "POLYGON((2 46, 7 46, 7 49, 2 49, 2 46))",
            None,
            "2019-05-01",
            None,
            eu + "access-right/NON_PUBLIC",
            None,
        ),
        (
            "Sea ice extent",
            "POLYGON((5.5 45.2, 5.5 45.2, 5.5 45.2, 5.5 45.2, 5.5 45.2))",
            None,
            None,
            None,
            eu + "access-right/PUBLIC",
            eu + "frequency/IRREG",
        ),
    ]


def test_sniff_leaves_other_json_alone() -> None:
    assert not pod_json.sniff(b'{"@context": "https://schema.org", "@type": "Dataset"}')
    assert not pod_json.sniff(b'{"dataset": [{"title": "x"}]}')
    assert pod_json.sniff(b'[{"title": "x", "accessLevel": "public", "identifier": "a"}]')


def test_bad_input_is_a_named_error() -> None:
    with pytest.raises(InputError, match="invalid JSON"):
        pod_json.convert(b'{"conformsTo": "' + POD.encode() + b'", "dataset": [', base_iri=BASE)
    with pytest.raises(InputError, match="without any titled dataset"):
        pod_json.convert(json.dumps({"conformsTo": POD, "dataset": [{}]}).encode(), base_iri=BASE)
