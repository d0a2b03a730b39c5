"""The clause of a run of query words that names a place of the gazetteer.

A word covered by a matched place is satisfied by its text, by a resource whose bbox lies
within the place's box (enlarged a little; :data:`PLACE_BOOST`) or by one whose bbox overlaps
it (a global or basin-wide product that covers it; :data:`PLACE_COVER_BOOST`, ranked after),
one mostly within it in between (:data:`PLACE_NEAR_BOOST`):
a place ranks, it does not filter (the ``place`` parameter does). ``La Réunion`` finds the
Piton de la Fournaise records, which never name the island, first. The place's words make
one clause, whatever number of places they name.
"""

from __future__ import annotations

from dataclasses import dataclass

import tantivy

from sparql_api.core.concept_index import Place
from sparql_api.core.places import near_query, overlaps_query, within_query
from sparql_api.search.boolean import any_of, one_or_all
from sparql_api.search.naming import MatchedConcept

__all__ = ["PlaceRun", "place_runs", "PLACE_BOOST", "PLACE_NEAR_BOOST", "PLACE_COVER_BOOST"]

#: weight of a word satisfied by lying within a matched place
PLACE_BOOST = 6.0
#: weight of a word satisfied by lying mostly within a matched place only (a campaign whose
#: box sticks out of the region it studies a little; :func:`~sparql_api.core.places.near_query`)
PLACE_NEAR_BOOST = 3.0
#: weight of a word satisfied by overlapping a matched place only (a record covering it)
PLACE_COVER_BOOST = 0.5


@dataclass(slots=True)
class PlaceRun:
    """The clause of one run of words naming places, and what the plan keeps of it."""

    #: the first word of the run
    unit: int
    #: its text, or a record within or overlapping one of its places
    clause: tantivy.Query
    #: its text or a record within one of its places (what covers the run, relaxed)
    strong: tantivy.Query
    #: the words of the run that have a text clause, joined
    text: str
    #: their text clauses (highlighted)
    texts: list[tantivy.Query]


def place_runs(
    schema: tantivy.Schema,
    places: list[MatchedConcept],
    place_info: dict[str, Place],
    words: list[str],
    texts: list[tantivy.Query | None],
) -> list[PlaceRun]:
    """One :class:`PlaceRun` per run of ``words`` naming ``places`` (``texts``: the text
    clause of each word, None for a stop word)."""
    runs: dict[tuple[int, ...], list[str]] = {}
    for place in places:
        runs.setdefault(place.words, []).append(place.iri)
    out = []
    for span, iris in runs.items():
        texts_in = [texts[i] for i in span if texts[i] is not None]
        firm = [one_or_all(texts_in)] if texts_in else []
        cover = []
        weight = len(texts_in) or 1
        for iri in iris:
            box = place_info[iri].box
            firm.append(tantivy.Query.boost_query(within_query(schema, box), PLACE_BOOST * weight))
            near = near_query(schema, box)
            firm.append(tantivy.Query.boost_query(near, PLACE_NEAR_BOOST * weight))
            cover.append(
                tantivy.Query.boost_query(overlaps_query(schema, box), PLACE_COVER_BOOST * weight)
            )
        text = " ".join(words[i] for i in span if texts[i] is not None)
        out.append(PlaceRun(span[0], any_of(firm + cover), any_of(firm), text, texts_in))
    return out
