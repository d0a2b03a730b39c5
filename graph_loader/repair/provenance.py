"""What a record graph says of its repairs (terms declared in ``ontology/gaia.ttl``, fr/en)."""

from __future__ import annotations

import pyoxigraph as ox

from ..namespaces import RDF
from ..terms import RDF_TYPE, REPAIR, REPAIR_CLASS, REPAIR_KIND, VALUE_AFTER, VALUE_BEFORE
from .model import Repair

__all__ = ["provenance_triples"]

_RDF_PREDICATE = ox.NamedNode(str(RDF.predicate))
_RDF_SUBJECT = ox.NamedNode(str(RDF.subject))


def provenance_triples(graph: ox.NamedNode, repairs: list[Repair]) -> list[ox.Triple]:
    """What the record graph says of its repairs: one node per repair, `gaia:repair` from the
    graph IRI, typed `gaia:Repair`, with `gaia:repairKind`, `rdf:predicate`, `gaia:valueBefore`,
    `gaia:valueAfter` (terms declared in ontology/gaia.ttl, fr/en); also `rdf:subject` when the
    statement's subject is an IRI. The nodes are named ``<graph>/repair/<n>``, so that one
    input always gives the same graph."""
    out: list[ox.Triple] = []
    for n, r in enumerate(repairs, 1):
        node = ox.NamedNode(f"{graph.value}/repair/{n}")
        out += [
            ox.Triple(graph, REPAIR, node),
            ox.Triple(node, RDF_TYPE, REPAIR_CLASS),
            ox.Triple(node, REPAIR_KIND, ox.Literal(r.kind)),
            ox.Triple(node, VALUE_BEFORE, ox.Literal(r.before)),
            ox.Triple(node, VALUE_AFTER, ox.Literal(r.after)),
        ]
        for rdf_term, value in ((_RDF_PREDICATE, r.property), (_RDF_SUBJECT, r.subject)):
            if value and not value.startswith("_:"):
                try:
                    out.append(ox.Triple(node, rdf_term, ox.NamedNode(value)))
                except ValueError:  # a dropped statement's predicate, as written
                    pass
    return out
