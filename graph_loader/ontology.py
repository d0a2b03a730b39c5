"""The ontology graph and its schema-level closure, the input of the inference rules.

:func:`load_ontology` replaces the ontology graph by ``ontology/gaia.ttl`` plus
``ontology/alignments.ttl``; :func:`read_schema` closes that graph with OWL-RL (owlrl, over
the ontology only: a few hundred triples, a fraction of a second) and keeps what the rules
apply to instance data: super-classes, super-properties, inverses, symmetric and transitive
properties, property chains.

>>> from graph_loader.backends import open_store
>>> from graph_loader.terms import gaia
>>> store = open_store(":memory:")
>>> load_ontology(store) > 200
True
>>> schema = read_schema(store)
>>> USED_WITH = gaia("usedWithDataset")
>>> for prop, backwards in sorted((q.value, flip) for q, flip in schema.expansions(USED_WITH)):
...     print(prop, backwards)
http://purl.org/dc/terms/relation False
http://purl.org/dc/terms/relation True
https://w3id.org/gaia-kg/ontology#hasSoftware True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import owlrl
import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD

from .errors import InputError, StoreError
from .paths import ontology_dir
from .store import Store
from .terms import ONTOLOGY_GRAPH

__all__ = [
    "ONTOLOGY_FILES",
    "Edge",
    "Schema",
    "load_ontology",
    "ontology_triples",
    "read_schema",
    "schema_from_triples",
]

#: The files of the ontology graph, in ``ontology/``.
ONTOLOGY_FILES = ("gaia.ttl", "alignments.ttl", "quality.ttl")

# Terms of the modelling languages themselves are never rule inputs or outputs.
_BUILTIN = (str(RDF), str(RDFS), str(OWL), str(XSD))

Edge = tuple[ox.NamedNode, bool]  # a property, and whether its triples are read backwards


def ontology_triples(folder: Path | None = None) -> list[ox.Triple]:
    """The triples of the ontology files (blank nodes renamed apart)."""
    folder = folder or ontology_dir()
    triples: list[ox.Triple] = []
    for name in ONTOLOGY_FILES:
        path = folder / name
        try:
            quads = ox.parse(path=path, format=ox.RdfFormat.TURTLE, rename_blank_nodes=True)
            triples.extend(q.triple for q in quads)
        except (OSError, SyntaxError) as exc:
            raise InputError(f"{path}: {exc}") from exc
    return triples


def load_ontology(store: Store, folder: Path | None = None) -> int:
    """Replace the ontology graph by the shipped ontology and alignments; return its size."""
    triples = ontology_triples(folder)
    store.replace_graph(ONTOLOGY_GRAPH, triples)
    return len(triples)


@dataclass(frozen=True, slots=True)
class Schema:
    """The closed schema: what the rules need, as maps between IRIs (no reflexive pairs)."""

    superclasses: dict[ox.NamedNode, frozenset[ox.NamedNode]]
    superproperties: dict[ox.NamedNode, frozenset[ox.NamedNode]]
    inverses: dict[ox.NamedNode, frozenset[ox.NamedNode]]
    symmetric: frozenset[ox.NamedNode]
    transitive: frozenset[ox.NamedNode]
    chains: tuple[tuple[ox.NamedNode, tuple[ox.NamedNode, ...]], ...]

    @property
    def properties(self) -> frozenset[ox.NamedNode]:
        """Every property some axiom is about."""
        found = set(self.symmetric) | set(self.transitive)
        for table in (self.superproperties, self.inverses):
            for key, values in table.items():
                found.add(key)
                found.update(values)
        for prop, chain in self.chains:
            found.add(prop)
            found.update(chain)
        return frozenset(found)

    def expansions(self, prop: ox.NamedNode) -> frozenset[Edge]:
        """What ``s prop o`` entails: ``(q, False)`` for ``s q o``, ``(q, True)`` for ``o q s``."""
        seen = {(prop, False)}
        pending = [(prop, False)]
        while pending:
            q, flip = pending.pop()
            steps = [(s, flip) for s in self.superproperties.get(q, ())]
            steps += [(i, not flip) for i in self.inverses.get(q, ())]
            if q in self.symmetric:
                steps.append((q, not flip))
            for step in steps:
                if step not in seen:
                    seen.add(step)
                    pending.append(step)
        seen.discard((prop, False))
        return frozenset(seen)

    def sources(self, prop: ox.NamedNode) -> frozenset[Edge]:
        """The properties whose triples entail ``prop`` triples (``prop`` itself included)."""
        found = {(prop, False)}
        for p in self.properties:
            found.update((p, flip) for q, flip in self.expansions(p) if q == prop)
        return frozenset(found)


def _is_user_iri(term: object) -> bool:
    return isinstance(term, URIRef) and not str(term).startswith(_BUILTIN)


def _pairs(graph: Graph, predicate: URIRef) -> Iterator[tuple[ox.NamedNode, ox.NamedNode]]:
    for s, o in graph.subject_objects(predicate):
        if s != o and _is_user_iri(s) and _is_user_iri(o):
            yield ox.NamedNode(str(s)), ox.NamedNode(str(o))


def _table(pairs: Iterable[tuple[ox.NamedNode, ox.NamedNode]]) -> dict:
    table: dict[ox.NamedNode, set[ox.NamedNode]] = {}
    for a, b in pairs:
        table.setdefault(a, set()).add(b)
    return {k: frozenset(v) for k, v in table.items()}


def _typed(graph: Graph, cls: URIRef) -> frozenset[ox.NamedNode]:
    return frozenset(ox.NamedNode(str(s)) for s in graph.subjects(RDF.type, cls) if _is_user_iri(s))


def _chains(graph: Graph) -> tuple[tuple[ox.NamedNode, tuple[ox.NamedNode, ...]], ...]:
    chains = []
    for prop, head in graph.subject_objects(OWL.propertyChainAxiom):
        steps = list(Collection(graph, head))
        if _is_user_iri(prop) and len(steps) > 1 and all(map(_is_user_iri, steps)):
            chain = tuple(ox.NamedNode(str(s)) for s in steps)
            chains.append((ox.NamedNode(str(prop)), chain))
    return tuple(sorted(chains, key=str))


def schema_from_triples(triples: Iterable[ox.Triple]) -> Schema:
    """Close ontology triples under OWL-RL and keep what the instance rules apply."""
    graph = Graph()
    data = ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES)
    graph.parse(data=data.decode("utf-8"), format="nt")
    closure = owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False
    )
    closure.expand(graph)
    inverse_pairs = list(_pairs(graph, OWL.inverseOf))
    inverse_pairs += [(b, a) for a, b in inverse_pairs]
    return Schema(
        superclasses=_table(_pairs(graph, RDFS.subClassOf)),
        superproperties=_table(_pairs(graph, RDFS.subPropertyOf)),
        inverses=_table(inverse_pairs),
        symmetric=_typed(graph, OWL.SymmetricProperty),
        transitive=_typed(graph, OWL.TransitiveProperty),
        chains=_chains(graph),
    )


def read_schema(store: Store) -> Schema:
    """The closed schema of the store's ontology graph (which must have been loaded)."""
    triples = store.graph_triples(ONTOLOGY_GRAPH)
    if not triples:
        raise StoreError(
            "le graphe de l'ontologie est vide : chargez-la d'abord (load_ontology) / "
            "the ontology graph is empty: load it first (load_ontology)"
        )
    return schema_from_triples(triples)
