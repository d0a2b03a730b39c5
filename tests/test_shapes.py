"""The shipped shapes: one file per resource type, every shape named, bilingual, with a severity."""

from __future__ import annotations

import rdflib
from rdflib.namespace import RDF

from graph_loader.paths import shapes_dir
from graph_loader.validation import load_shapes

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
GSH = "https://w3id.org/gaia-kg/shapes#"
FILES = {
    "dataset.ttl",
    "distribution.ttl",
    "dataservice.ttl",
    "publication.ttl",
    "software.ttl",
    "tutorial.ttl",
    "agent.ttl",
    "concept.ttl",
    "vocabulary.ttl",  # the GAIA thesaurus as a whole (tests/test_vocabulary_quality.py)
}


def _graph() -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in sorted(shapes_dir().glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def _shapes(graph: rdflib.Graph) -> set:
    return set(graph.subjects(RDF.type, SH.NodeShape)) | set(
        graph.subjects(RDF.type, SH.PropertyShape)
    )


def test_one_file_per_resource_type():
    assert {p.name for p in shapes_dir().glob("*.ttl")} == FILES
    assert (shapes_dir() / "README.md").is_file()


def test_every_shape_has_an_iri_a_severity_and_fr_en_names_and_messages():
    graph = _graph()
    shapes = _shapes(graph)
    assert len(shapes) > 60
    missing = []
    for shape in sorted(shapes):
        if not (isinstance(shape, rdflib.URIRef) and str(shape).startswith(GSH)):
            missing.append((shape, "IRI"))
            continue
        if graph.value(shape, SH.severity) not in (SH.Violation, SH.Warning, SH.Info):
            missing.append((shape, "severity"))
        for predicate in (SH.name, SH.message):
            langs = {o.language for o in graph.objects(shape, predicate)}
            if not {"fr", "en"} <= langs:
                missing.append((shape, predicate))
    assert missing == []


def test_every_property_shape_belongs_to_a_node_shape_and_every_node_shape_has_targets():
    graph = _graph()
    orphans = set(graph.subjects(RDF.type, SH.PropertyShape)) - set(
        graph.objects(None, SH.property)
    )
    assert orphans == set()
    targets = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
    untargeted = {
        s
        for s in graph.subjects(RDF.type, SH.NodeShape)
        if not any(graph.value(s, t) is not None for t in targets)
    }
    assert untargeted == set()


def test_mandatory_properties_are_violations_and_recommended_ones_warnings():
    graph = _graph()

    def severity(local: str) -> str:
        return str(graph.value(rdflib.URIRef(GSH + local), SH.severity)).rsplit("#", 1)[1]

    violations = [
        "Dataset-title",
        "Dataset-description",
        "Distribution-accessURL",
        "DataService-title",
        "DataService-endpointURL",
        "Agent-name",
        "Location-bbox",
        "Location-bbox-range",
        "Period-order",
        "Publication-doi",
        "Dataset-landingPage",
    ]
    warnings = [
        "Dataset-contactPoint",
        "Dataset-distribution",
        "Dataset-keyword",
        "Dataset-publisher",
        "Dataset-spatial",
        "Dataset-temporal",
        "Dataset-theme",
        "Dataset-licence-present",
        "Software-license",
        "Dataset-theme-gaia",
        "Dataset-title-language",
        "Dataset-description-language",
        "DataService-title-language",
        "Licence-known",
        "Distribution-format",
        "Vertical-minimumAltitude",
        "Vertical-maximumAltitude",
        "Vertical-order",
    ]
    assert {s: severity(s) for s in violations + warnings} == {
        **{s: "Violation" for s in violations},
        **{s: "Warning" for s in warnings},
    }


def test_shapes_compile_for_the_fast_engine():
    shapes = load_shapes()
    assert len(shapes.checks) > 80
    assert {s.node.value for s in shapes.shapes.values() if s.node.value.startswith(GSH)} == {
        str(s) for s in _shapes(_graph())
    }
