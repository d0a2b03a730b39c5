"""Which named graphs a SPARQL 1.1 Update may change, for the change feed's entry.

Read from the update's algebra (rdflib's parser): the graphs of its ``INSERT DATA`` /
``DELETE DATA`` quads and templates, its ``WITH`` graph, the targets of ``DROP``, ``CLEAR``,
``LOAD``, ``ADD``, ``COPY``, ``MOVE``. None — the graphs are unknown, and followers of the
feed rebuild — when a template writes ``GRAPH ?variable``, when the default graph is written
(the store's default graph is the union of the others), for ``ALL`` / ``NAMED``, or when the
text does not parse here.

>>> sorted(g.value for g in update_graphs(
...     "INSERT DATA { GRAPH <http://ex/a> { <http://ex/s> <http://ex/p> 1 } } ;"
...     " DROP GRAPH <http://ex/b>"))
['http://ex/a', 'http://ex/b']
>>> update_graphs("DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }") is None
True
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import URIRef

__all__ = ["update_graphs"]


class _Unknown(Exception):
    """The update may write graphs that cannot be named beforehand."""


def update_graphs(text: str) -> list[ox.NamedNode] | None:
    """The named graphs ``text`` may change, or None when they cannot be told."""
    from rdflib.plugins.sparql.algebra import translateUpdate
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        operations = translateUpdate(parseUpdate(text)).algebra
    except Exception:  # noqa: BLE001 - rdflib raises many kinds; the store judges the text
        return None
    found: dict[str, None] = {}
    try:
        for op in operations:
            for graph in _targets(op):
                found[_named(graph)] = None
    except _Unknown:
        return None
    return [ox.NamedNode(g) for g in found]


def _named(graph) -> str:
    if not isinstance(graph, URIRef):  # a variable, DEFAULT, ALL, NAMED, None (default)
        raise _Unknown
    return str(graph)


def _targets(op) -> list:
    """The graph terms operation ``op`` writes (anything but an IRI is unknown)."""
    name = op.name
    if name in ("InsertData", "DeleteData", "DeleteWhere"):
        return [*op.quads, *([None] if op.triples else [])]
    if name == "Modify":
        graphs = []
        for clause in (op.delete, op.insert):  # a CompValue: None when absent
            if clause is None:
                continue
            graphs += list(clause.quads)
            if clause.triples:
                graphs.append(op.withClause)
        return graphs
    if name in ("Drop", "Clear", "Load"):
        return [op.graphiri]
    if name in ("Add", "Copy"):
        return [op.graph[1]]
    if name == "Move":
        return list(op.graph)
    return []  # CREATE: an empty graph changes nothing
