"""How a search's plan ranks what it finds (:mod:`sparql_api.search.query`): records
matching a should clause too score more (:func:`boosted`), a record covering a run of
concept words as a whole gains what covering it gains once relaxed
(:func:`covered_as_wholes`), and the relaxed query, where any one unit suffices and each
unit matched adds :data:`COVERAGE_BOOST` a word, the strict hits gaining
:data:`STRICT_BOOST` more (:func:`relaxed_query`)."""

from __future__ import annotations

import tantivy

from sparql_api.search.boolean import any_of

__all__ = ["COVERAGE_BOOST", "STRICT_BOOST", "boosted", "covered_as_wholes", "relaxed_query"]

#: score a record gains for each key word it matches, when the search is relaxed
COVERAGE_BOOST = 10.0
#: score a record matching the key words as the strict search does gains once relaxed
STRICT_BOOST = 10.0


def boosted(query: tantivy.Query | None, should: tantivy.Query | None) -> tantivy.Query | None:
    """``query``, where records matching ``should`` too score more."""
    if query is None or should is None:
        return query
    return tantivy.Query.boolean_query(
        [(tantivy.Occur.Must, query), (tantivy.Occur.Should, should)]
    )


def covered_as_wholes(
    query: tantivy.Query,
    units: dict[int, tuple[tantivy.Query, int]],
    whole: dict[int, tantivy.Query],
) -> tantivy.Query:
    """The strict ``query`` where a record covering a run of concept words as a whole gains
    what covering it gains once relaxed (:data:`COVERAGE_BOOST` a word)."""
    if not whole:
        return query
    wholes = [
        (tantivy.Occur.Should, tantivy.Query.const_score_query(covering, COVERAGE_BOOST * size))
        for unit, covering in whole.items()
        for size in (units[unit][1],)
    ]
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, query), *wholes])


def relaxed_query(
    query: tantivy.Query,
    units: dict[int, tuple[tantivy.Query, int]],
    loose_groups: dict[int, list[list[tantivy.Query]]],
    strong: dict[int, tantivy.Query],
    whole: dict[int, tantivy.Query],
) -> tuple[tantivy.Query, tantivy.Query] | None:
    """The query where any one unit suffices, each unit matched adding to the score and the
    hits of the strict ``query`` (its concept runs covered as wholes) ranking higher, and
    what it matches without the strict query's rank (None with a single unit and loose
    word)."""
    loose = [group for groups in loose_groups.values() for group in groups if group]
    if len(units) <= 1 and sum(map(len, loose)) <= 1:
        return None
    # relaxed, the words of a concept's run also count one by one, for their text: the
    # wording a record matches best
    covering = [
        tantivy.Query.disjunction_max_query([any_of(g) for g in groups if g], tie_breaker=0.1)
        for groups in loose_groups.values()
        if any(groups)
    ]
    for unit, (unit_query, size) in units.items():
        covers = strong.get(unit) or whole.get(unit) or unit_query
        boost = tantivy.Query.const_score_query(covers, COVERAGE_BOOST * size)
        covering.append(any_of([unit_query, boost]))
    relaxed = any_of(covering, minimum_number_should_match=1)
    ranked = tantivy.Query.boolean_query(
        [
            (tantivy.Occur.Must, relaxed),
            (tantivy.Occur.Should, tantivy.Query.const_score_query(query, STRICT_BOOST)),
        ]
    )
    return ranked, relaxed
