"""Counting the triples two graphs share when their blank nodes differ (mapping test support).

Method (documented for the ISO 19139 → GeoDCAT-AP comparison):

1. The *primary resource* of each graph (the subject of ``foaf:isPrimaryTopicOf``, else the
   only dcat:Dataset/DataService) is renamed ``<primary>``: SEMIC leaves a service without an
   HTTP identifier blank, the converter mints an IRI for it.
2. Each graph is made lean for exact duplicates: when a subject has several blank-node values
   for one predicate with identical content (whole subtree), one is kept.
3. Each blank node is named by its path from a named node (the predicates followed, the first
   path found breadth-first, predicates in sorted order); a triple becomes
   (subject path, predicate, object) with blank objects written ``_``.
4. Triples are counted as multisets: *common* = size of the intersection.

A triple thus counts as common when an equal statement is made at the same place from a named
resource, whatever the blank-node labels; values are never matched loosely. ``"x"^^xsd:string``
and ``"x"`` are the same RDF 1.1 literal and compare equal.
"""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass

import rdflib
from rdflib import BNode, Literal, URIRef

__all__ = ["Overlap", "overlap"]

_PRIMARY_TOPIC_OF = URIRef("http://xmlns.com/foaf/0.1/isPrimaryTopicOf")
_RESOURCE_TYPES = {
    URIRef("http://www.w3.org/ns/dcat#Dataset"),
    URIRef("http://www.w3.org/ns/dcat#DataService"),
}


@dataclass
class Overlap:
    """Triples of the expected graph found (common), not found (missing), and produced beyond it."""

    common: Counter
    missing: Counter
    extra: Counter

    @property
    def expected(self) -> int:
        """Number of expected triples (after making the expected graph lean)."""
        return sum(self.common.values()) + sum(self.missing.values())

    @property
    def percent(self) -> float:
        """Share of the expected triples produced, in percent, one decimal."""
        return round(100 * sum(self.common.values()) / self.expected, 1)


def _primary(g: rdflib.Graph):
    for s in g.subjects(_PRIMARY_TOPIC_OF, None):
        return s
    typed = {s for t in _RESOURCE_TYPES for s in g.subjects(rdflib.RDF.type, t)}
    return next(iter(typed)) if len(typed) == 1 else None


def _signature(g: rdflib.Graph, node, seen: frozenset = frozenset()) -> tuple:
    if node in seen:
        return ("cycle",)
    inner = seen | {node}
    return tuple(
        sorted(
            (str(p), _signature(g, o, inner) if isinstance(o, BNode) else _term(o))
            for p, o in g.predicate_objects(node)
        )
    )


def _term(o) -> str:
    if isinstance(o, Literal) and o.datatype == rdflib.XSD.string:
        o = Literal(str(o))
    return o.n3()


def _lean(g: rdflib.Graph) -> rdflib.Graph:
    out = rdflib.Graph()
    for t in g:
        out.add(t)
    for s, p in {(s, p) for s, p, o in g if isinstance(o, BNode)}:
        kept: set[tuple] = set()
        for o in sorted(g.objects(s, p), key=str):
            if not isinstance(o, BNode):
                continue
            sig = _signature(g, o)
            if sig in kept:
                out.remove((s, p, o))
            kept.add(sig)
    return out


def _statements(g: rdflib.Graph) -> Counter:
    g = _lean(g)
    root = _primary(g)
    path: dict = {}
    for s in set(g.subjects()) | set(g.objects()):
        if not isinstance(s, BNode) and not isinstance(s, Literal):
            path[s] = ("<primary>",) if s == root else (str(s),)
    if isinstance(root, BNode):
        path[root] = ("<primary>",)
    queue = deque(sorted(path, key=lambda n: path[n]))
    while queue:
        s = queue.popleft()
        for p, o in sorted(g.predicate_objects(s)):
            if isinstance(o, BNode) and o not in path:
                path[o] = (*path[s], str(p))
                queue.append(o)
    counted: Counter = Counter()
    for s, p, o in g:
        if s not in path:
            continue  # a duplicate subtree dropped by _lean
        value = "_" if isinstance(o, BNode) else ("<primary>" if o == root else _term(o))
        counted[(path[s], str(p), value)] += 1
    return counted


def overlap(expected: rdflib.Graph, produced: rdflib.Graph) -> Overlap:
    """Compare ``produced`` with ``expected`` by the method of the module docstring."""
    want, got = _statements(expected), _statements(produced)
    return Overlap(want & got, want - got, got - want)
