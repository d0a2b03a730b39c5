"""The filters of a search as tantivy queries: facets, box, time, vertical extent, places.

Facet filters are OR within a facet and AND across facets (see
:mod:`sparql_api.search.params`); a place applied as a filter keeps the resources whose box
overlaps it (an unknown place finds nothing).
"""

from __future__ import annotations

from collections.abc import Sequence

import tantivy

from sparql_api.core.concept_index import ConceptIndex, Place
from sparql_api.core.places import overlaps_query
from sparql_api.search.boolean import all_of, any_of
from sparql_api.search.params import FLAT_FACETS, SearchParams

__all__ = ["filter_queries", "applied_places", "combine"]

_Q = tantivy.Query
_F = tantivy.FieldType


def _range(schema, name: str, kind, low=None, high=None) -> tantivy.Query:
    return _Q.range_query(schema, name, kind, low, high)


def _bbox_query(schema, bbox) -> tantivy.Query:
    w, s, e, n = bbox
    spans = [(w, e)] if w <= e else [(w, 180.0), (-180.0, e)]
    lon = []
    for a, b in spans:
        for i in ("1", "2"):
            lon.append(
                all_of(
                    [
                        _range(schema, "west" + i, _F.Float, None, b),
                        _range(schema, "east" + i, _F.Float, a, None),
                    ]
                )
            )
    return all_of(
        [
            _range(schema, "south", _F.Float, None, n),
            _range(schema, "north", _F.Float, s, None),
            any_of(lon),
        ]
    )


def _extent(schema, low_field: str, high_field: str, kind, low, high) -> tantivy.Query:
    """Records whose extent (``low_field`` to ``high_field``) overlaps ``low`` to ``high``
    (either None: open)."""
    clauses = []
    if high is not None:
        clauses.append(_range(schema, low_field, kind, None, high))
    if low is not None:
        clauses.append(_range(schema, high_field, kind, low, None))
    return all_of(clauses)


def filter_queries(
    schema: tantivy.Schema, params: SearchParams, places: Sequence[Place] = ()
) -> dict[str, tantivy.Query]:
    """One query per active filter, keyed by facet name (``theme``, ``pole``…, ``bbox``…);
    ``places``: the places of ``params.places`` that the gazetteer knows."""
    out: dict[str, tantivy.Query] = {}
    if params.themes:
        out["theme"] = _Q.term_set_query(schema, "concepts", list(params.themes))
    for name in FLAT_FACETS:
        if params.filters.get(name):
            out[name] = _Q.term_set_query(schema, name, list(params.filters[name]))
    if params.bbox:
        out["bbox"] = _bbox_query(schema, params.bbox)
    if params.start or params.end:
        start = params.start.toordinal() if params.start else None
        end = params.end.toordinal() if params.end else None
        out["time"] = _extent(schema, "tstart", "tend", _F.Integer, start, end)
    if params.vmin is not None or params.vmax is not None:
        out["vertical"] = _extent(schema, "vmin", "vmax", _F.Float, params.vmin, params.vmax)
    if params.places:
        out["place"] = any_of([overlaps_query(schema, p.box) for p in places])
    return out


def applied_places(concepts: ConceptIndex | None, params: SearchParams) -> list[Place]:
    """The places of ``params.places`` that the gazetteer of ``concepts`` knows."""
    gazetteer = concepts.places if concepts is not None else None
    return [
        gazetteer.places[iri]
        for iri in params.places
        if gazetteer is not None and iri in gazetteer.places
    ]


def combine(base: tantivy.Query | None, filters: list[tantivy.Query]) -> tantivy.Query:
    """``base`` (None: every record) under every one of ``filters``."""
    clauses = [(tantivy.Occur.Must, base)] if base is not None else []
    clauses += [(tantivy.Occur.Must, f) for f in filters]
    if not clauses:
        return _Q.all_query()
    return clauses[0][1] if len(clauses) == 1 else _Q.boolean_query(clauses)
