"""Shared by tests/test_concepts_api.py and tests/test_autocomplete.py: the thesaurus and the
demo catalogue in one in-memory store, and the expected counts computed with rdflib."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.namespace import DCAT, SKOS

from graph_loader.bootstrap import initialise, project_graphs
from graph_loader.formats import read_triples
from graph_loader.paths import demo_dir
from graph_loader.pipeline import load_paths
from graph_loader.store import EmbeddedStore
from graph_loader.terms import THESAURUS_GRAPH, THESAURUS_NS, vocabulary_graph

GAIA = rdflib.Namespace("https://w3id.org/gaia-kg/ontology#")
THES = rdflib.Namespace(THESAURUS_NS)
BASE_IRI = "https://data.gaia-data.fr/"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "concepts"
MINI = "https://example.org/mini/"


def demo_store() -> EmbeddedStore:
    """The project graphs (with inference) and the demo catalogue, in memory."""
    store = EmbeddedStore(None)
    list(initialise(store))
    load_paths(store, sorted(demo_dir().glob("*.ttl")), base_iri=BASE_IRI)
    return store


def load_vocabulary(store, name: str, path: Path) -> None:
    """Put one SKOS file in the named graph of an external vocabulary."""
    store.replace_graph(vocabulary_graph(name), read_triples(path.read_bytes(), name=str(path)))


def thesaurus_graph() -> rdflib.Graph:
    """What the thesaurus graph holds, read by rdflib from the files."""
    graph = rdflib.Graph()
    for path in project_graphs()[ox.NamedNode(THESAURUS_GRAPH.value)]:
        graph.parse(path)
    return graph


def demo_graph() -> rdflib.Graph:
    """The demo catalogue, read by rdflib."""
    graph = rdflib.Graph()
    for path in sorted(demo_dir().glob("*.ttl")):
        graph.parse(path)
    return graph


def expected_count(thesaurus: rdflib.Graph, demo: rdflib.Graph, slug: str) -> int:
    """Distinct resources tagged (gaia:variable or dcat:theme) with the concept or below."""
    below = set(thesaurus.transitive_subjects(SKOS.broader, THES[slug]))
    return len(
        {s for p in (GAIA.variable, DCAT.theme) for s, o in demo.subject_objects(p) if o in below}
    )
