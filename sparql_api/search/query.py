"""From the words of ``q`` to the tantivy query of a search: the plan.

The words of the query (:mod:`sparql_api.search.words`) each make a text clause; the runs of
words that name a concept or a place (:mod:`sparql_api.search.naming`) add the records tagged
with the concept or its expansion (:mod:`sparql_api.search.concept_clauses`) and those lying
in the place (:mod:`sparql_api.search.place_clauses`). A stop word inside a run of a concept or
place (``glace de mer``, ``La Réunion``) needs no match of its own.

**Key words and optional words.** Question words, generic nouns and verbs of both languages
(:data:`~sparql_api.search.words.OPTIONAL_WORDS`: *qui, où, quelles, données, data, products,
measurements, séries, distribue, download…*) never filter and are not scored, unless they
belong to a run naming a concept or a place (*time series*). Every other word, a *key* word,
must match; the words of a run naming a concept or a place stay together, one *unit*, all its
words required; every unit is required, all but one from four units on. When that finds fewer
hits than a page, the search is *relaxed* (:attr:`QueryPlan.relaxed`): any one key word
suffices and each key word a record matches adds :data:`COVERAGE_BOOST` to its score, so that
records matching more of the query rank first; the records that match strictly gain
:data:`STRICT_BOOST` more. A word of a concept's run counting alone does not count inside the
label of an unrelated concept (*cover* in *Land cover*, for *snow cover*:
:func:`~sparql_api.search.concept_clauses.apart`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import tantivy

from sparql_api.core.concept_index import ConceptIndex, Place
from sparql_api.search.boolean import all_of, any_of, one_or_all
from sparql_api.search.concept_clauses import (
    Expansion,
    apart,
    expand,
    label_leaves,
    label_texts,
    label_words,
    related_texts,
)
from sparql_api.search.naming import MatchedConcept, named_concepts, named_places
from sparql_api.search.place_clauses import PlaceRun, place_runs
from sparql_api.search.ranking import (
    COVERAGE_BOOST,
    STRICT_BOOST,
    boosted,
    covered_as_wholes,
    relaxed_query,
)
from sparql_api.search.words import (
    OPTIONAL_WORDS,
    is_stop_word,
    phrase_query,
    query_words,
    word_signature,
    word_texts,
)

__all__ = ["QueryPlan", "plan_query", "COVERAGE_BOOST", "STRICT_BOOST"]


@dataclass(slots=True)
class QueryPlan:
    """The text part of a search: the query, the words kept, the concepts matched."""

    query: tantivy.Query
    words: list[str] = field(default_factory=list)
    concepts: list[MatchedConcept] = field(default_factory=list)
    #: the places named, and each of them by IRI (labels, box)
    places: list[MatchedConcept] = field(default_factory=list)
    place_info: dict[str, Place] = field(default_factory=dict)
    #: expanded concept IRI -> (matched concept IRI, "concept" or "aligned")
    expansion: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: the query whose terms are highlighted (words only)
    highlight: tantivy.Query | None = None
    #: snippet generators of this search, per (field, length), made on first use
    generators: dict = field(default_factory=dict)
    #: the query where any one key word suffices (None with a single key word)
    relaxed: tantivy.Query | None = None
    #: the words that never filter (question words, generic words)
    optional: list[str] = field(default_factory=list)
    #: the key words (those required by ``query``)
    key: list[str] = field(default_factory=list)
    #: what ``query`` and ``relaxed`` match, without their clauses that only rank (the facet
    #: counts need no score: those clauses would be read and dropped in every pass)
    matching: tantivy.Query | None = None
    relaxed_matching: tantivy.Query | None = None


@dataclass(slots=True)
class _Runs:
    """How the runs naming concepts and places cover the words of the query."""

    #: words of a run that has a word with a text clause (a stop word there needs no match)
    in_runs: set[int]
    #: generic words outside every run (optional)
    generic: set[int]
    #: the first word of the run (longest first) each word belongs to: its unit
    unit_of: dict[int, int]
    #: words of a run naming a place
    by_place: set[int]
    #: words of a run of several words naming a concept
    concept_words: set[int]
    #: each of those words -> the concepts its runs name
    named_by: dict[int, list[str]] = field(default_factory=dict)


@dataclass(slots=True)
class _Clauses:
    """The clauses of a plan as they are made, each with its unit."""

    clauses: list[tantivy.Query] = field(default_factory=list)
    units: list[int] = field(default_factory=list)
    #: the signature of each clause's word (:func:`~sparql_api.search.words.word_signature`)
    #: when the clause holds that word's text in every field, else None
    signs: list[tuple | None] = field(default_factory=list)
    #: the bare queries each clause takes any of (:func:`~sparql_api.search.words.word_texts`)
    bare: list[list[tantivy.Query]] = field(default_factory=list)
    #: the key words (a place's run as one)
    kept: list[str] = field(default_factory=list)
    optional: list[str] = field(default_factory=list)
    highlight: list[tantivy.Query] = field(default_factory=list)
    #: unit -> the texts of its concept's run counting word by word once relaxed: one group
    #: per wording (the query's words, each preferred label in another language), the best
    #: group counting, so that a word and its translation count once (*cover*, *couverture*)
    loose: dict[int, list[list[tantivy.Query]]] = field(default_factory=dict)
    #: unit -> the concepts its run names and the folded word of each clause of :attr:`loose`
    #: (same shape), to count each :func:`~sparql_api.search.concept_clauses.apart`
    loose_words: dict[int, tuple[list[str], list[list[str]]]] = field(default_factory=dict)
    #: unit -> what covers a place's run once relaxed
    strong: dict[int, tantivy.Query] = field(default_factory=dict)
    #: unit -> what covers a run of several words naming concepts as a whole: the words
    #: together (a phrase), a record tagged with the concepts, or another of their labels
    whole: dict[int, tantivy.Query] = field(default_factory=dict)
    #: unit -> the text of other labels of the concepts it names, each label's words together
    labels: dict[int, list[tantivy.Query]] = field(default_factory=dict)
    #: unit -> what it matches, without the labels that its own words find (the same
    #: records, a query that costs less: the facets are counted over it)
    matching: dict[int, tantivy.Query] = field(default_factory=dict)

    def add_place(self, run: PlaceRun) -> None:
        self.clauses.append(run.clause)
        self.signs.append(None)
        self.bare.append([run.clause])
        self.strong[run.unit] = run.strong
        self.kept.append(run.text)
        self.units.append(run.unit)
        self.highlight.extend(run.texts)


def plan_query(
    schema: tantivy.Schema,
    q: str,
    concepts: ConceptIndex | None,
    matches: dict[str, list[str]],
    lang: str = "en",
) -> QueryPlan | None:
    """The text query for ``q`` (None when ``q`` has no word: every document matches)."""
    pairs = query_words(q)
    if not pairs:
        return None
    words = [folded for folded, _typed in pairs]
    stop = [is_stop_word(typed) for _folded, typed in pairs]
    matched = named_concepts(concepts, words, stop, lang)
    expansion = expand(concepts, matched, matches)
    places, place_info = named_places(concepts, words, stop, lang)
    in_places = {i for place in places for i in place.words}
    texts, bare, signs = _word_texts(schema, pairs, in_places)
    runs = _runs(words, texts, matched, places)
    made = _word_clauses(schema, words, (texts, bare, signs), runs, expansion)
    for run in place_runs(schema, places, place_info, words, texts):
        made.add_place(run)
    if not made.clauses:
        return None
    units = _unit_queries(schema, concepts, matched, words, runs, made)
    _whole_runs(schema, matched, [typed for _folded, typed in pairs], runs, expansion, made)
    if concepts is not None:
        _apart(schema, concepts, matches, made)
    need = len(units) if len(units) <= 3 else len(units) - 1
    query = any_of(
        [unit_query for unit_query, _size in units.values()], minimum_number_should_match=need
    )
    matching = any_of(list(made.matching.values()), minimum_number_should_match=need)
    wholly = any_of(
        [made.whole.get(unit, unit_query) for unit, (unit_query, _size) in units.items()],
        minimum_number_should_match=need,
    )
    related = related_texts(schema, concepts, matched) if concepts is not None else None
    loose = relaxed_query(wholly, units, made.loose, made.strong, made.whole)
    return QueryPlan(
        boosted(covered_as_wholes(query, units, made.whole), related),
        made.kept,
        matched,
        places,
        place_info,
        expansion.origins,
        any_of(made.highlight) if made.highlight else None,
        relaxed=boosted(loose[0], related) if loose else None,
        optional=made.optional,
        key=list(made.kept),
        matching=matching,
        relaxed_matching=loose[1] if loose else None,
    )


def _word_texts(
    schema: tantivy.Schema, pairs: list[tuple[str, str]], in_places: set[int]
) -> tuple[list, list, list]:
    """Each word's text clause and the bare queries it takes any of, made once
    (:func:`~sparql_api.search.words.word_texts`), and its signature: None for a word of a
    place's run, whose text leaves the names out (it covers no label's word)."""
    texts, bare, signs = [], [], []
    for i, (folded, typed) in enumerate(pairs):
        names = i not in in_places
        text, leaves = word_texts(schema, typed, folded, names=names)
        texts.append(text)
        bare.append(leaves or [])
        signs.append(word_signature(typed) if names else None)
    return texts, bare, signs


def _runs(
    words: list[str],
    texts: list[tantivy.Query | None],
    matched: list[MatchedConcept],
    places: list[MatchedConcept],
) -> _Runs:
    named = [*matched, *places]
    in_runs = {
        i for run in named if any(texts[w] is not None for w in run.words) for i in run.words
    }
    covered = {i for run in named for i in run.words}
    generic = {i for i, w in enumerate(words) if w in OPTIONAL_WORDS and i not in covered}
    if len(generic) == len(words):
        generic = set()  # a query of generic words only: they are its key words
    unit_of: dict[int, int] = {}
    for run in sorted(named, key=lambda r: -len(r.words)):
        for i in run.words:
            unit_of.setdefault(i, run.words[0])
    by_place = {i for run in places for i in run.words}
    concept_words = {i for run in matched if len(run.words) > 1 for i in run.words}
    named_by: dict[int, list[str]] = {}
    for run in matched:
        for i in run.words if len(run.words) > 1 else ():
            named_by.setdefault(i, []).append(run.iri)
    return _Runs(in_runs, generic, unit_of, by_place, concept_words, named_by)


def _word_clauses(
    schema: tantivy.Schema,
    words: list[str],
    made_of: tuple[list, list, list],
    runs: _Runs,
    expansion: Expansion,
) -> _Clauses:
    """The clause of each word outside the runs naming places: its text, or a record tagged
    with a concept it names. ``made_of``: each word's text clause, bare queries
    (:func:`~sparql_api.search.words.word_texts`) and signature."""
    texts, bare, signs = made_of
    made = _Clauses()
    for i, word in enumerate(words):
        text = texts[i]
        if text is None and i in runs.in_runs:
            continue
        if i in runs.generic:
            if text is not None:
                made.optional.append(word)
            continue
        if i in runs.by_place:
            continue  # a place's words make one clause, below
        alternatives = [text] if text is not None else []
        alternatives += expansion.alternatives(schema, i)
        if not alternatives:
            continue
        made.kept.append(word)
        made.units.append(runs.unit_of.get(i, i))
        made.signs.append(signs[i] if text is not None else None)
        made.bare.append([*(bare[i] if text is not None else ()), *expansion.leaves(schema, i)])
        if text is not None:
            made.highlight.append(text)
            if i in runs.concept_words:
                unit = runs.unit_of.get(i, i)
                made.loose.setdefault(unit, [[]])[0].append(text)
                _iris, folded = made.loose_words.setdefault(unit, (runs.named_by[i], [[]]))
                folded[0].append(word)
        made.clauses.append(alternatives[0] if len(alternatives) == 1 else any_of(alternatives))
    return made


def _unit_queries(
    schema: tantivy.Schema,
    concepts: ConceptIndex | None,
    matched: list[MatchedConcept],
    words: list[str],
    runs: _Runs,
    made: _Clauses,
) -> dict[int, tuple[tantivy.Query, int]]:
    """Unit -> (its query, its number of clauses): every clause of the unit, or the text of
    another label of a concept the unit names. What each unit matches goes to
    :attr:`_Clauses.matching`."""
    grouped: dict[int, list[tantivy.Query]] = {}
    signs: dict[int, list[tuple | None]] = {}
    bare: dict[int, list[list[tantivy.Query]]] = {}
    for unit, clause, sign, leaves in zip(
        made.units, made.clauses, made.signs, made.bare, strict=True
    ):
        grouped.setdefault(unit, []).append(clause)
        signs.setdefault(unit, []).append(sign)
        bare.setdefault(unit, []).append(leaves)
    by_unit: dict[int, list[tantivy.Query]] = {}
    beyond: dict[int, list[tantivy.Query]] = {}  # the labels the unit's words do not find
    if concepts is not None:
        for concept in matched:
            first = runs.unit_of.get(concept.words[0])
            if first in grouped and first not in runs.by_place:
                label_query = label_texts(schema, concepts, concept, words)
                if label_query is not None:
                    by_unit.setdefault(first, []).append(label_query)
                    own = None if None in signs[first] else frozenset(signs[first])
                    rest = label_leaves(schema, concepts, concept, words, own)
                    beyond.setdefault(first, []).extend(rest)
                    together = label_texts(schema, concepts, concept, words, together=True)
                    made.labels.setdefault(first, []).append(together or label_query)
                if len(concept.words) > 1:
                    groups = made.loose.setdefault(first, [[]])
                    _iris, folded = made.loose_words.setdefault(first, ([concept.iri], [[]]))
                    for label in label_words(schema, concepts, concept):
                        groups.append([q for _w, q in label])
                        folded.append([w for w, _q in label])
    out = {}
    for unit, members in grouped.items():
        unit_query = one_or_all(members)
        leaves = bare[unit]
        plain = leaves[0] if len(leaves) == 1 else [all_of([any_of(b) for b in leaves])]
        made.matching[unit] = any_of([*plain, *beyond.get(unit, ())])
        if unit in by_unit:
            unit_query = any_of([unit_query, *by_unit[unit]])
        out[unit] = (unit_query, len(members))
    return out


def _whole_runs(
    schema: tantivy.Schema,
    matched: list[MatchedConcept],
    typed: list[str],
    runs: _Runs,
    expansion: Expansion,
    made: _Clauses,
) -> None:
    """What covers each unit of a run of several words naming concepts as a whole
    (:attr:`_Clauses.whole`): its words together in a text, a record tagged with one of its
    concepts (or a related one), or the text of another of their labels. Scattered over a
    record, the words of *snow cover* still match it, but rank after."""
    for concept in matched:
        unit = runs.unit_of.get(concept.words[0])
        if len(concept.words) < 2 or unit in runs.by_place or unit in made.whole:
            continue
        if unit not in made.units:
            continue
        phrase = phrase_query(schema, [typed[i] for i in concept.words])
        alternatives = [q for i in concept.words for q in expansion.alternatives(schema, i)]
        alternatives += made.labels.get(unit, [])
        if phrase is not None:
            alternatives.append(phrase)
        if alternatives:
            made.whole[unit] = any_of(alternatives)


def _apart(
    schema: tantivy.Schema,
    concepts: ConceptIndex,
    matches: dict[str, list[str]],
    made: _Clauses,
) -> None:
    """Each word of a concept's run, as it counts alone once relaxed, does not count for a
    record that names an unrelated concept with it and not the run's as a whole
    (:func:`~sparql_api.search.concept_clauses.apart`); generic words are left as they are."""
    for unit, groups in made.loose.items():
        iris, folded = made.loose_words.get(unit, ([], []))
        whole = made.whole.get(unit)
        for group, words in zip(groups, folded, strict=False):
            group[:] = [
                query
                if word in OPTIONAL_WORDS
                else apart(schema, concepts, iris, word, query, whole, matches)
                for word, query in zip(words, group, strict=True)
            ]
