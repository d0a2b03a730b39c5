"""A search as SPARQL: the same resources and filters as the index, without ranking.

The words of ``q`` become substring filters over titles, descriptions and keywords (SPARQL
has no stemming and no concept expansion, so the index may find more for a text query);
facet, bbox, time and vertical filters are the same. Values enter as VALUES blocks of RDF
terms serialised by pyoxigraph, never as formatted text.
"""

from __future__ import annotations

import pyoxigraph as ox

from graph_loader.parsing import words
from sparql_api.core.rq import load_query
from sparql_api.search.params import FLAT_FACETS, SearchParams

__all__ = ["sparql_for", "values"]

_STOP = {"de", "des", "du", "la", "le", "les", "l", "et", "en", "d", "a", "au", "aux", "the"}
_STOP |= {"of", "and", "in", "on", "for", "to", "by", "with", "an", "or", "un", "une", "sur"}


def values(names: list[str], rows: list[list[ox.NamedNode | ox.Literal]]) -> str:
    """A ``VALUES (?a ?b) { (t1 t2) … }`` block of terms.

    >>> values(["w"], [[ox.Literal('a "b"')]])
    'VALUES (?w) { ("a \\\\"b\\\\"") }'
    """
    head = " ".join("?" + n for n in names)
    body = " ".join("(" + " ".join(str(t) for t in row) + ")" for row in rows)
    return f"VALUES ({head}) {{ {body} }}"


def _block(name: str, block: str) -> str:
    return load_query(f"search_filter_{name}").replace("#VALUES", block)


def _double(x: float) -> ox.Literal:
    return ox.Literal(
        repr(float(x)), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#double")
    )


def sparql_for(params: SearchParams) -> str:
    """The SPARQL query listing the resources of ``params`` (see the module docstring)."""
    blocks = []
    wanted = [w for w in dict.fromkeys(words(params.q.lower())) if w not in _STOP]
    for i, word in enumerate(wanted):
        block = _block("words", values(["word"], [[ox.Literal(word)]]))
        blocks.append(block.replace("?text", f"?text{i}").replace("?word", f"?word{i}"))
    if params.themes:
        rows = [[ox.NamedNode(t)] for t in params.themes]
        blocks.append(_block("theme", values(["theme"], rows)))
    for name in FLAT_FACETS:
        chosen = params.filters.get(name)
        if not chosen:
            continue
        var = "kind" if name == "type" else name
        make = ox.Literal if name == "type" else ox.NamedNode
        blocks.append(_block(name, values([var], [[make(v)] for v in chosen])))
    if params.bbox:
        row = [_double(x) for x in params.bbox]
        blocks.append(_block("bbox", values(["qw", "qs", "qe", "qn"], [row])))
    if params.start or params.end:
        qstart = params.start.isoformat() if params.start else "0001-01-01"
        qend = params.end.isoformat() if params.end else "9999-12-31"
        rows = [[ox.Literal(qstart), ox.Literal(qend)]]
        blocks.append(_block("time", values(["qstart", "qend"], rows)))
    if params.vmin is not None or params.vmax is not None:
        low = params.vmin if params.vmin is not None else -1e9
        high = params.vmax if params.vmax is not None else 1e9
        blocks.append(
            _block("vertical", values(["qvmin", "qvmax"], [[_double(low), _double(high)]]))
        )
    text = load_query("search_base")
    return text.replace("  #FILTERS", "\n".join("  " + b.strip() for b in blocks))
