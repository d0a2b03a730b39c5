"""The fast validator: expected problems per fixture, same results as pyshacl, readable output."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph_loader.namespaces import SH
from graph_loader.validation import (
    SUPPORTED_COMPONENTS,
    Problem,
    ShapeError,
    describe,
    load_shapes,
    validate,
    validate_with_pyshacl,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "shapes"
GSH = "https://w3id.org/gaia-kg/shapes#"
DS = "https://data.gaia-data.fr/id/dataset/"
NS = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "gaia": "https://w3id.org/gaia-kg/ontology#",
}
V, W = "Violation", "Warning"
SERVICE, PUB = "https://data.gaia-data.fr/id/service/", "https://data.gaia-data.fr/id/publication/"
SOFT, AGENT = "https://data.gaia-data.fr/id/software/", "https://data.gaia-data.fr/id/agent/"
CONCEPT = "https://w3id.org/gaia-kg/thesaurus/aerosols"

# fixture -> {(focus, path, severity, shape)}; a focus "iri > curie" is the blank node that the
# resource points at through that property (e.g. a dataset's distribution).
EXPECTED = {
    "dataset-valid-complete.ttl": set(),
    "dataservice-valid.ttl": set(),
    "publication-valid.ttl": set(),
    "software-valid.ttl": set(),
    "concept-valid.ttl": set(),
    "dataset-valid-minimal.ttl": {
        (DS + "minimal", f"dcat:{p}", W, f"Dataset-{p}")
        for p in ("contactPoint", "distribution", "keyword", "theme")
    }
    | {
        (DS + "minimal", f"dct:{p}", W, f"Dataset-{p}")
        for p in ("publisher", "spatial", "temporal")
    }
    | {(DS + "minimal", "dct:license", W, "Dataset-licence-present")},
    "dataset-no-title.ttl": {(DS + "untitled", "dct:title", V, "Dataset-title")},
    # a title in any language is a title: French or English lacking is a warning only
    "dataset-title-not-fr-en.ttl": {(DS + "german", "dct:title", W, "Dataset-title-language")},
    # an untagged title is a title; a German description lacks French and English
    "dataset-title-untagged.ttl": {
        (DS + "untagged", "dct:title", W, "Dataset-title-language"),
        (DS + "untagged", "dct:description", W, "Dataset-description-language"),
    },
    "dataset-bbox-lon-200.ttl": {
        (DS + "bbox-lon-200 > dct:spatial", "dcat:bbox", V, "Location-bbox-range")
    },
    "dataset-bbox-malformed.ttl": {
        (DS + "bbox-malformed > dct:spatial", "dcat:bbox", V, "Location-bbox")
    },
    "dataset-start-after-end.ttl": {
        (DS + "start-after-end > dct:temporal", "dcat:startDate", V, "Period-order")
    },
    "dataset-altitude-min-above-max.ttl": {
        (DS + "altitude-min-above-max", "gaia:minimumAltitude", W, "Vertical-order")
    },
    "dataset-altitude-malformed.ttl": {
        (DS + "altitude-malformed", "gaia:minimumAltitude", W, "Vertical-minimumAltitude"),
        (DS + "altitude-malformed", "gaia:maximumAltitude", W, "Vertical-maximumAltitude"),
    },
    "dataset-bad-dates.ttl": {
        (DS + "bad-dates", "dct:issued", V, "Dataset-issued"),
        (DS + "bad-dates", "dct:modified", V, "Dataset-modified"),
    },
    "dataset-bad-links.ttl": {
        (DS + "bad-links", "dcat:landingPage", V, "Dataset-landingPage"),
        (DS + "bad-links", "dct:license", W, "Dataset-license"),
        (DS + "bad-links", "dct:identifier", V, "Dataset-doi"),
    },
    "distribution-no-access-url.ttl": {
        (
            DS + "distribution-no-access > dcat:distribution",
            "dcat:accessURL",
            V,
            "Distribution-accessURL",
        ),
        (
            DS + "distribution-no-access > dcat:distribution",
            "dcat:downloadURL",
            V,
            "Distribution-downloadURL",
        ),
    },
    "dataset-theme-not-gaia.ttl": {(DS + "theme-not-gaia", "dcat:theme", W, "Dataset-theme-gaia")},
    "dataset-licence-unknown.ttl": {
        (DS + "licence-unknown", "dct:license", W, "Licence-known"),
        (DS + "licence-unknown > dcat:distribution", "dct:license", W, "Licence-known"),
    },
    "distribution-no-format.ttl": {
        (
            DS + "distribution-no-format > dcat:distribution",
            "dct:format",
            W,
            "Distribution-format",
        ),
        (
            DS + "distribution-no-format > dcat:distribution",
            "dct:description",
            V,
            "Distribution-description",
        ),
    },
    "dataservice-no-endpoint.ttl": {
        (SERVICE + "no-endpoint", "dcat:endpointURL", V, "DataService-endpointURL")
    },
    "publication-bad-doi.ttl": {(PUB + "bad-doi", "schema:identifier", V, "Publication-doi")},
    "software-no-licence.ttl": {
        (SOFT + "no-licence", "schema:codeRepository", V, "Software-codeRepository"),
        (SOFT + "no-licence", None, W, "Software-license"),  # path: schema:license | dct:license
    },
    "concept-no-en-label.ttl": {
        (CONCEPT, "skos:prefLabel", W, "Concept-label-en"),
        # a GAIA sub-domain: shapes/vocabulary.ttl makes the missing label a Violation
        (CONCEPT, "skos:prefLabel", V, "Vocabulary-prefLabel-en"),
    },
    "concept-duplicate-label.ttl": {
        (CONCEPT, "skos:prefLabel", V, "Concept-prefLabel"),
        (CONCEPT, "skos:altLabel", V, "Concept-altLabel"),
    },
    "agent-bad-contact.ttl": {
        ("https://w3id.org/gaia-kg/org/sedoo", "foaf:name", V, "Agent-name"),
        ("https://w3id.org/gaia-kg/org/sedoo", "gaia:memberOfPole", V, "Agent-memberOfPole"),
        (AGENT + "sedoo-contact", "vcard:hasEmail", V, "Contact-hasEmail"),
        (AGENT + "nobody", "vcard:fn", W, "Contact-fn"),
        (AGENT + "nobody", "vcard:hasEmail", W, "Contact-reachable"),
    },
}


@pytest.fixture(scope="module")
def shapes():
    return load_shapes()


def _store(*paths: Path, graph: ox.NamedNode | None = None) -> ox.Store:
    store = ox.Store()
    for path in paths:
        store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=graph)
    return store


def _iri(curie: str | None) -> ox.NamedNode | None:
    if curie is None:  # a complex path (alternative, sequence) is reported without a path
        return None
    prefix, local = curie.split(":", 1)
    return ox.NamedNode(NS[prefix] + local)


def _focus(store: ox.Store, spec: str):
    if " > " not in spec:
        return ox.NamedNode(spec)
    subject, via = spec.split(" > ")
    (quad,) = store.quads_for_pattern(ox.NamedNode(subject), _iri(via), None, None)
    return quad.object


def _expected(store: ox.Store, name: str) -> set:
    return {
        (_focus(store, focus), _iri(path), severity, ox.NamedNode(GSH + shape))
        for focus, path, severity, shape in EXPECTED[name]
    }


def _found(problems: list[Problem]) -> set:
    return {(p.focus, p.path, p.severity, p.shape) for p in problems}


def test_every_fixture_has_expectations():
    assert {p.name for p in FIXTURES.glob("*.ttl")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_fails_with_exactly_the_expected_problems(name, shapes):
    store = _store(FIXTURES / name)
    assert _found(validate(store, shapes)) == _expected(store, name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fast_engine_and_pyshacl_agree(name, shapes):
    store = _store(FIXTURES / name)
    fast = {p.key for p in validate(store, shapes)}
    assert fast == {p.key for p in validate_with_pyshacl(store, shapes)}


def test_named_graphs_are_validated_as_their_union(shapes):
    graph = ox.NamedNode("https://w3id.org/gaia-kg/graph/record/test")
    store = _store(FIXTURES / "dataset-no-title.ttl", graph=graph)
    assert _found(validate(store, shapes)) == _expected(store, "dataset-no-title.ttl")


def test_problem_carries_the_shape_messages_and_value(shapes):
    store = _store(FIXTURES / "publication-bad-doi.ttl")
    (problem,) = validate(store, shapes)
    assert problem == Problem(
        focus=ox.NamedNode(PUB + "bad-doi"),
        path=ox.NamedNode("https://schema.org/identifier"),
        value=ox.Literal("10.51/acp-19-1234-2019"),
        severity="Violation",
        shape=ox.NamedNode(GSH + "Publication-doi"),
        component=ox.NamedNode("http://www.w3.org/ns/shacl#SPARQLConstraintComponent"),
    )
    assert problem.messages["en"].startswith("This identifier looks like a DOI")
    assert problem.messages["fr"].startswith("Cet identifiant se présente comme un DOI")


COMPONENTS = FIXTURES / "components"


def test_core_components_agree_with_pyshacl():
    shapes = load_shapes([COMPONENTS / "shapes.ttl"])
    store = _store(COMPONENTS / "data.ttl")
    fast = {p.key for p in validate(store, shapes)}
    assert fast == {p.key for p in validate_with_pyshacl(store, shapes)}
    assert {k[4].value.rsplit("#", 1)[1].removesuffix("ConstraintComponent") for k in fast} == {
        "MinCount",
        "MaxCount",
        "MinLength",
        "MaxLength",
        "MinInclusive",
        "MaxInclusive",
        "MinExclusive",
        "MaxExclusive",
        "Datatype",
        "NodeKind",
        "Class",
        "In",
        "HasValue",
        "LanguageIn",
        "Pattern",
        "Node",
        "And",
        "Or",
        "Not",
        "Xone",
    }


def test_unsupported_component_is_refused_at_load_time_naming_the_shape(tmp_path):
    path = tmp_path / "js.ttl"
    path.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<http://example.org/JsShape> a sh:NodeShape ; sh:targetClass <http://example.org/C> ;"
        " sh:js [] .\n"
    )
    with pytest.raises(ShapeError, match=r"http://example.org/JsShape.*sh:js is not supported"):
        load_shapes([path])


def test_closed_and_property_pairs_run_on_the_fast_engine_as_on_pyshacl(tmp_path):
    path = tmp_path / "mixed.ttl"
    path.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix ex: <http://example.org/> .\n"
        "ex:Closed a sh:NodeShape ; sh:targetClass ex:C ; sh:closed true ;"
        " sh:ignoredProperties ( <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ) ;"
        " sh:property [ sh:path ex:p ], [ sh:path ex:start ], [ sh:path ex:end ] .\n"
        "ex:Pair a sh:PropertyShape ; sh:targetClass ex:C ; sh:path ex:start ;"
        " sh:lessThan ex:end .\n"
        "ex:Fast a sh:PropertyShape ; sh:targetClass ex:C ; sh:path ex:p ; sh:minCount 2 .\n"
    )
    data = tmp_path / "data.ttl"
    data.write_text(
        "@prefix ex: <http://example.org/> .\n"
        "ex:a a ex:C ; ex:p 1 ; ex:q 2 ; ex:start 5 ; ex:end 3 .\n"
    )
    shapes = load_shapes([path])
    ex = "http://example.org/"
    store = _store(data)
    found = {
        (p.focus.value, p.path and p.path.value, str(p.value), p.shape.value, p.component.value)
        for p in validate(store, shapes)
    }
    assert found == {
        (
            ex + "a",
            ex + "q",
            '"2"^^<http://www.w3.org/2001/XMLSchema#integer>',
            ex + "Closed",
            SH + "ClosedConstraintComponent",
        ),  # ex:q is not allowed
        (
            ex + "a",
            ex + "start",
            '"5"^^<http://www.w3.org/2001/XMLSchema#integer>',
            ex + "Pair",
            SH + "LessThanConstraintComponent",
        ),
        (ex + "a", ex + "p", "None", ex + "Fast", SH + "MinCountConstraintComponent"),
    }
    assert {p.key for p in validate(store, shapes)} == {
        p.key for p in validate_with_pyshacl(store, shapes)
    }


def test_the_project_shapes_use_only_supported_components(shapes):
    assert {c.component.value for c in shapes.checks} <= SUPPORTED_COMPONENTS


def test_describe_names_the_owner_of_a_blank_node(shapes):
    store = _store(FIXTURES / "dataset-bbox-lon-200.ttl")
    (problem,) = validate(store, shapes)
    assert describe(problem, store, "en") == (
        "error: the location of the dataset « ACTRIS aerosols » <" + DS + "bbox-lon-200>, "
        "bounding box (dcat:bbox) (value: « POLYGON((-10 40, 200 40, 200 50, -10 50, -10 40)) »): "
        "The bounding box (dcat:bbox) leaves the globe: longitude must lie within -180..180 and "
        "latitude within -90..90 (lon lat order)."
    )
    assert describe(problem, store, "fr") == (
        "erreur : le lieu du jeu de données « Aérosols ACTRIS » <" + DS + "bbox-lon-200>, "
        "emprise (dcat:bbox) (valeur : « POLYGON((-10 40, 200 40, 200 50, -10 50, -10 40)) ») : "
        "L'emprise (dcat:bbox) sort du globe : la longitude doit être entre -180 et 180, la "
        "latitude entre -90 et 90 (ordre lon lat)."
    )


def test_describe_never_shows_a_blank_node_id(shapes):
    for name in sorted(EXPECTED):
        store = _store(FIXTURES / name)
        blanks = {q.subject.value for q in store if isinstance(q.subject, ox.BlankNode)}
        for problem in validate(store, shapes):
            for lang in ("fr", "en"):
                text = describe(problem, store, lang)
                assert "_:" not in text and not any(b in text for b in blanks), text


def test_engines_agree_on_a_sample_of_the_benchmark_data(shapes):
    """bench/validate.py's synthetic records (every defect present): same problems, same keys."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "bench" / "validate.py"
    spec = importlib.util.spec_from_file_location("bench_validate", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    store = bench.build(300, 0.3)
    fast = [p.key for p in validate(store, shapes)]
    reference = [p.key for p in validate_with_pyshacl(store, shapes)]
    assert sorted(map(repr, fast)) == sorted(map(repr, reference))
    defects = {p[3].value.rsplit("#", 1)[1] for p in fast if p[2] == "Violation"}
    assert len(defects) >= 6, defects
