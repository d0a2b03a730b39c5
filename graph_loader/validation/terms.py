"""Conversions between rdflib and pyoxigraph terms, keeping blank node ids."""

from __future__ import annotations

import pyoxigraph as ox
import rdflib

from ..namespaces import XSD

__all__ = ["to_ox", "to_rdflib", "store_to_graph"]

# a plain str: a URIRef never equals a str (rdflib's __eq__ compares types)
_XSD_STRING = str(XSD.string)


def to_ox(term: rdflib.term.Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph twin of an rdflib term (a blank node keeps its id)."""
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r} to a pyoxigraph term")


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> rdflib.term.Node:
    """The rdflib twin of a pyoxigraph term (a blank node keeps its id)."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise TypeError(f"cannot convert {term!r} to an rdflib term")


def store_to_graph(store: ox.Store) -> rdflib.Graph:
    """Every triple of the store (default and named graphs merged) as one rdflib graph."""
    graph = rdflib.Graph()
    add = graph.add
    for quad in store:
        add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graph
