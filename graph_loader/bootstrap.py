"""Putting the project's own graphs in a store: ontology, thesaurus, organisations, places."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from .formats import read_triples
from .messages import CLI
from .namespaces import GAIA_GRAPH
from .ontology import ONTOLOGY_FILES
from .paths import ontology_dir, vocabularies_dir
from .store import Store
from .terms import ONTOLOGY_GRAPH, PLACES_GRAPH, THESAURUS_GRAPH

__all__ = ["initialise", "project_graphs", "ORGANISATIONS_GRAPH", "ALIGNMENTS_GRAPH"]

ORGANISATIONS_GRAPH = ox.NamedNode(GAIA_GRAPH.organisations)
ALIGNMENTS_GRAPH = ox.NamedNode(GAIA_GRAPH.alignments)


def project_graphs() -> dict[ox.NamedNode, list[Path]]:
    """Each project graph and the Turtle files it is made of."""
    return {
        ONTOLOGY_GRAPH: [ontology_dir() / name for name in ONTOLOGY_FILES],
        THESAURUS_GRAPH: [vocabularies_dir() / "gaia-thesaurus.ttl"],
        ORGANISATIONS_GRAPH: [vocabularies_dir() / "organisations.ttl"],
        PLACES_GRAPH: [vocabularies_dir() / "places.ttl"],
        ALIGNMENTS_GRAPH: sorted((vocabularies_dir() / "alignments").glob("*.ttl")),
    }


def _canonical(triples) -> set[ox.Quad]:
    """The triples with blank nodes renamed canonically (RDFC-1.0), for comparison."""
    dataset = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return set(dataset)


def initialise(
    store: Store, *, infer: bool = True, quiet: bool = False, lang: str = "en"
) -> Iterator[str]:
    """(Re)write the project graphs whose content changed; yield a line per graph, in ``lang``
    (with ``quiet``, only for the graphs written)."""
    for graph, files in project_graphs().items():
        triples: set[ox.Triple] = set()
        for f in files:
            triples.update(read_triples(f.read_bytes(), name=str(f)))
        if _canonical(store.graph_triples(graph)) == _canonical(triples):
            if not quiet:
                yield CLI.plural("init.unchanged", len(triples), lang, graph=graph.value)
            continue
        store.replace_graph(graph, sorted(triples, key=str))
        names = ", ".join(f.name for f in files)
        yield CLI.plural("init.written", len(triples), lang, graph=graph.value, files=names)
    if infer:
        from .inference import rebuild_inference

        yield rebuild_inference(store).message(lang)
