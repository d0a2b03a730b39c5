"""Quality gates of the GAIA thesaurus and of the gazetteer: shapes/vocabulary.ttl (both
engines) and skosify."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from graph_loader.paths import demo_dir, shapes_dir, vocabularies_dir
from graph_loader.validation import load_shapes, validate, validate_with_pyshacl
from graph_loader.vocab import skosify_warnings

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "vocabulary"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PLACE = "https://w3id.org/gaia-kg/ontology#Place"
THESAURUS = vocabularies_dir() / "gaia-thesaurus.ttl"
PLACES = vocabularies_dir() / "places.ttl"
GSH = "https://w3id.org/gaia-kg/shapes#"
TH = "https://w3id.org/gaia-kg/thesaurus/"
PL = "https://w3id.org/gaia-kg/place/"
V, W = "Violation", "Warning"

# fixture -> {(focus slug, severity, shape, value or None)}
EXPECTED = {
    "vocab-valid.ttl": set(),
    "vocab-cycle.ttl": {
        ("clouds", V, "Vocabulary-no-cycle", None),
        ("winds", V, "Vocabulary-no-cycle", None),
    },
    "vocab-orphan.ttl": {("winds", V, "Vocabulary-no-orphan", None)},
    "vocab-missing-fr-label.ttl": {("nitrogen-dioxide", V, "Vocabulary-prefLabel-fr", None)},
    "vocab-duplicate-label.ttl": {
        ("ozone", V, "Vocabulary-unique-prefLabel", ox.Literal("Ozone", language="fr")),
        (
            "tropospheric-ozone",
            V,
            "Vocabulary-unique-prefLabel",
            ox.Literal("Ozone", language="fr"),
        ),
    },
    "vocab-stray-space.ttl": {
        ("nitrogen-dioxide", W, "Vocabulary-label-spaces", ox.Literal("NO2 ", language="en")),
        (
            "nitrogen-dioxide",
            W,
            "Vocabulary-label-spaces",
            ox.Literal("dioxyde  d'azote", language="fr"),
        ),
    },
    "vocab-variable-without-compartment.ttl": {
        ("wind-speed", V, "Vocabulary-variable-compartment", None)
    },
    "vocab-place-without-bbox.ttl": {("mayotte", V, "Vocabulary-place-bbox", None)},
    "vocab-place-duplicate-label.ttl": {
        (
            "atlantic-ocean",
            V,
            "Vocabulary-unique-prefLabel",
            ox.Literal("Atlantique", language="fr"),
        ),
        (
            "bay-of-biscay",
            V,
            "Vocabulary-unique-prefLabel",
            ox.Literal("Atlantique", language="fr"),
        ),
        ("bay-of-biscay", V, "Vocabulary-prefLabel-en", None),
    },
}


@pytest.fixture(scope="module")
def shapes():
    return load_shapes([shapes_dir() / "vocabulary.ttl"])


def _store(path: Path) -> ox.Store:
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    return store


def _found(problems) -> set:
    return {
        (
            p.focus.value.removeprefix(TH).removeprefix(PL),
            p.severity,
            p.shape.value.removeprefix(GSH),
            None if p.value == p.focus else p.value,
        )
        for p in problems
    }


def test_every_fixture_has_expectations():
    assert {p.name for p in FIXTURES.glob("*.ttl")} == set(EXPECTED)


def test_every_vocabulary_shape_is_named_bilingual_and_has_a_severity(shapes):
    for node, shape in shapes.shapes.items():
        if isinstance(node, ox.NamedNode) and node.value.startswith(GSH + "Vocabulary-"):
            assert set(shape.messages) == {"fr", "en"}, node
            assert set(shape.names) == {"fr", "en"}, node
            assert shape.severity in (V, W), node


def test_gaia_thesaurus_conforms_to_the_vocabulary_shapes(shapes):
    assert validate(_store(THESAURUS), shapes) == []


def test_gaia_thesaurus_conforms_to_every_shape():
    assert validate(_store(THESAURUS), load_shapes()) == []


def test_gazetteer_conforms_to_the_vocabulary_shapes(shapes):
    store = _store(PLACES)
    places = list(store.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), ox.NamedNode(PLACE)))
    assert len(places) >= 25  # the shapes have something to check
    assert validate(store, shapes) == []


def test_gazetteer_conforms_to_every_shape():
    # as skos:Concept (concept.ttl: labels, definitions) and as dct:Location (dataset.ttl: one
    # well-formed bbox inside the globe)
    assert validate(_store(PLACES), load_shapes()) == []


def test_pyshacl_agrees_on_the_gazetteer():
    store = _store(PLACES)
    every = load_shapes()
    assert validate_with_pyshacl(store, every) == validate(store, every) == []


def test_pyshacl_agrees_on_a_compartment_of_the_thesaurus(shapes):
    # pyshacl takes ~13 s over the whole thesaurus (one rdflib query per concept and shape):
    # the atmosphere compartment (39 concepts below it) keeps the test within a few seconds.
    store = _store(THESAURUS)
    store.update(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "DELETE { ?c ?p ?o } WHERE { ?c a skos:Concept ; ?p ?o .\n"
        "  FILTER NOT EXISTS { ?c skos:broader* <" + TH + "atmosphere> } }"
    )
    assert len(list(store.quads_for_pattern(None, None, None))) > 500
    assert validate_with_pyshacl(store, shapes) == validate(store, shapes) == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_fails_at_its_focus_and_shape(name, shapes):
    assert _found(validate(_store(FIXTURES / name), shapes)) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_pyshacl_agrees_on_the_fixture(name, shapes):
    store = _store(FIXTURES / name)
    assert {p.key for p in validate_with_pyshacl(store, shapes)} == {
        p.key for p in validate(store, shapes)
    }


def test_vocabulary_shapes_do_not_fire_on_dataset_records(shapes):
    store = ox.Store()
    for path in sorted(demo_dir().glob("*.ttl")):  # datasets tagged with thesaurus concepts
        store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    assert len(store) > 5_000
    assert validate(store, shapes) == []


def test_skosify_reports_nothing_on_the_gaia_thesaurus():
    assert skosify_warnings(rdflib.Graph().parse(THESAURUS)) == []


def test_skosify_reports_nothing_on_the_gazetteer():
    assert skosify_warnings(rdflib.Graph().parse(PLACES)) == []


def test_skosify_reports_the_cycle_fixture():
    warnings = skosify_warnings(rdflib.Graph().parse(FIXTURES / "vocab-cycle.ttl"))
    assert warnings == [
        "WARNING: Hierarchy cycle detected at winds -> clouds, "
        "but not removed because break_cycles is not active"
    ]
