"""What a matched concept adds to a search: its expansion and the clauses a word gains by it.

Each matched concept is *expanded* to the concepts aligned with it (``skos:exactMatch`` /
``skos:closeMatch``, either way). Documents list every concept they are tagged with and all
their ancestors, so a term on that field finds the narrower concepts too. A word covered by a
matched concept is satisfied either by its text or by a document tagged at or below the
concept (:data:`CONCEPT_BOOST`) or at a concept related to it (``skos:related``: the variables
that observe a phenomenon; :data:`RELATED_BOOST`): a French query finds a record described
only in English, and the reverse. A concept's run of words is also satisfied by the text of
the concept's other labels (:func:`label_texts`), and once the search is relaxed the words of
its preferred labels in the other languages count one by one (:func:`label_words`), as the
query's own words do.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import tantivy

from graph_loader.parsing import tokens
from sparql_api.core.concept_index import ConceptIndex, LabelEntry
from sparql_api.search.autocomplete import matcher_for
from sparql_api.search.boolean import all_of, any_of, one_or_all
from sparql_api.search.naming import MatchedConcept
from sparql_api.search.words import (
    phrase_query,
    typed_words,
    word_query,
    word_signature,
    word_texts,
)

__all__ = [
    "Expansion",
    "expand",
    "label_texts",
    "label_leaves",
    "label_words",
    "related_texts",
    "CONCEPT_BOOST",
    "RELATED_BOOST",
    "LABEL_TEXT_WEIGHT",
    "LABEL_TEXT_MAX",
    "TRANSLATION_WEIGHT",
    "RELATED_TEXT_WEIGHT",
    "apart",
    "APART_MAX",
]

#: weight of a word satisfied through a matched concept
CONCEPT_BOOST = 2.5
#: weight of a word satisfied through a concept related to a matched one (``skos:related``:
#: the variables that observe a phenomenon), below the concept's own
RELATED_BOOST = 1.0
#: weight of a concept's run satisfied by the text of another of the concept's labels (a
#: French query finding English-only records that name the concept, or a synonym)
LABEL_TEXT_WEIGHT = 0.4
#: weight of a concept's run satisfied by the text of its preferred label in another language
#: (its translation: *Ocean currents* for *courants océaniques*), as the query's own words
TRANSLATION_WEIGHT = 1.0
#: at most this many labels of a matched concept are looked for in the text
LABEL_TEXT_MAX = 12
#: weight of a record's text naming a concept related to a matched one (*burn severity* for
#: *wildfires*): it ranks a record the query finds higher, never finds one alone
RELATED_TEXT_WEIGHT = 0.2
#: at most this many labels of each related concept are looked for in the text
RELATED_TEXT_MAX = 6
#: at most this many labels of other concepts take a word of a concept's run away (:func:`apart`)
APART_MAX = 8


@dataclass(slots=True)
class Expansion:
    """The concepts that the matched ones bring, per query word and per concept."""

    #: query word -> the matched concepts covering it and those aligned with them
    by_word: dict[int, list[str]] = field(default_factory=dict)
    #: query word -> the concepts related to those
    by_related: dict[int, list[str]] = field(default_factory=dict)
    #: expanded concept IRI -> (matched concept IRI, "concept", "aligned" or "related")
    origins: dict[str, tuple[str, str]] = field(default_factory=dict)

    def alternatives(self, schema: tantivy.Schema, word: int) -> list[tantivy.Query]:
        """The clauses by which records tagged with these concepts satisfy query word ``word``."""
        out = []
        if word in self.by_word:
            own = sorted(set(self.by_word[word]))
            term_set = tantivy.Query.term_set_query(schema, "concepts", own)
            out.append(tantivy.Query.boost_query(term_set, CONCEPT_BOOST))
        if self.by_related.get(word):
            related = sorted(set(self.by_related[word]))
            term_set = tantivy.Query.term_set_query(schema, "concepts", related)
            out.append(tantivy.Query.boost_query(term_set, RELATED_BOOST))
        return out

    def leaves(self, schema: tantivy.Schema, word: int) -> list[tantivy.Query]:
        """What :meth:`alternatives` matches, a bare term query per concept (a term set
        builds a set of every record: costlier than a union of a few terms)."""
        iris = {*self.by_word.get(word, ()), *self.by_related.get(word, ())}
        return [tantivy.Query.term_query(schema, "concepts", iri) for iri in sorted(iris)]


def expand(
    concepts: ConceptIndex | None, matched: list[MatchedConcept], matches: dict[str, list[str]]
) -> Expansion:
    """Each matched concept with those ``matches`` aligns with it and those related to it."""
    out = Expansion()
    for concept in matched:
        expanded = [concept.iri, *matches.get(concept.iri, ())]
        for iri in expanded:
            via = "concept" if iri == concept.iri else "aligned"
            if iri not in out.origins or via == "concept":
                out.origins[iri] = (concept.iri, via)
        for w in concept.words:
            out.by_word.setdefault(w, []).extend(expanded)
        known = concepts.concepts.get(concept.iri) if concepts is not None else None
        related = [r for r in (known.related if known else ()) if r not in expanded]
        for iri in related:
            out.origins.setdefault(iri, (concept.iri, "related"))
        for w in concept.words:
            out.by_related.setdefault(w, []).extend(related)
    return out


def label_texts(
    schema: tantivy.Schema,
    concepts: ConceptIndex,
    concept: MatchedConcept,
    words: list[str],
    *,
    together: bool = False,
) -> tantivy.Query | None:
    """Records whose text names another label of ``concept`` (every word of the label, in
    any language, as the stemmers make it: no typo, no word form): the English *Snow cover*
    for *couverture neigeuse*; with ``together``, a label's words as a phrase (*surface
    currents*, not *surface* here and *currently* there). Every label scores, those holding
    the query's own words too: leaving them out lowered the real catalogue's recall
    (:func:`label_leaves` leaves them out where nothing is scored)."""
    said = " ".join(words[i] for i in concept.words)
    by_pref = any(
        e.kind == "pref" and tokens(e.text) == tokens(concept.label)
        for e in labels_of(concepts, concept.iri)
    )
    found = [
        tantivy.Query.boost_query(query, _label_weight(entry, concept, by_pref))
        for entry, query, _signs in _label_queries(
            schema, concepts, concept.iri, {said}, LABEL_TEXT_MAX, together
        )
    ]
    if not found:
        return None
    return tantivy.Query.disjunction_max_query(found, tie_breaker=0.0)


def label_leaves(
    schema: tantivy.Schema,
    concepts: ConceptIndex,
    concept: MatchedConcept,
    words: list[str],
    beyond: frozenset | None,
) -> list[tantivy.Query]:
    """What :func:`label_texts` matches, as bare queries to take any of (the words of a
    one-word label flat among them, see :func:`~sparql_api.search.words.word_texts`),
    without the labels that find nothing more: those holding a word of each signature of
    ``beyond`` (the query's own words find them) or every word of another label kept."""
    said = " ".join(words[i] for i in concept.words)
    made = _label_queries(schema, concepts, concept.iri, {said}, LABEL_TEXT_MAX, plain=True)
    kept: list[frozenset] = []
    out: list[tantivy.Query] = []
    for _entry, leaves, signs in sorted(made, key=lambda m: len(m[2])):
        if (beyond and beyond <= signs) or any(k <= signs for k in kept):
            continue
        kept.append(signs)
        out.extend(leaves)
    return out


def _label_weight(entry: LabelEntry, concept: MatchedConcept, by_pref: bool) -> float:
    """When the query said a preferred label, the preferred label in another language (its
    translation) weighs as the query's own words (:data:`TRANSLATION_WEIGHT`); any other
    label (a synonym, or a broader name: *Storms* for *ouragan*) :data:`LABEL_TEXT_WEIGHT`."""
    translation = entry.kind == "pref" and entry.lang and entry.lang != concept.lang
    if by_pref and concept.lang and translation:
        return TRANSLATION_WEIGHT
    return LABEL_TEXT_WEIGHT


def related_texts(
    schema: tantivy.Schema, concepts: ConceptIndex, matched: list[MatchedConcept]
) -> tantivy.Query | None:
    """Records whose text names a concept related to a matched one (``skos:related``, its
    labels as :func:`label_texts` looks for them): *Burn severity* or *burned area* for
    *wildfires*. A should clause: it ranks what the query finds, it finds nothing alone, as
    a record tagged with a related concept ranks higher (:data:`RELATED_BOOST`)."""
    named = {c.iri for c in matched}
    found = []
    for concept in matched:
        known = concepts.concepts.get(concept.iri)
        for iri in known.related if known is not None else ():
            if iri not in named:
                found += [
                    q
                    for _e, q, _s in _label_queries(schema, concepts, iri, set(), RELATED_TEXT_MAX)
                ]
    if not found:
        return None
    return tantivy.Query.boost_query(
        tantivy.Query.disjunction_max_query(found, tie_breaker=0.0), RELATED_TEXT_WEIGHT
    )


def _label_queries(
    schema: tantivy.Schema,
    concepts: ConceptIndex,
    iri: str,
    seen: set[str],
    limit: int,
    together: bool = False,
    *,
    plain: bool = False,
) -> list[tuple[LabelEntry, tantivy.Query, frozenset]]:
    """Each label of concept ``iri``, its text query (preferred ones first, hidden ones
    last; every word of a label required, as a phrase with ``together``) and the signatures
    of its words, leaving out the labels of ``seen``; with ``plain``, the bare queries it
    takes any of in place of the query (:func:`label_leaves`)."""
    out = []
    for key, entry, query, signs, leaves in _made_labels(schema, concepts, iri, together):
        if key in seen or not key:
            continue
        seen.add(key)
        if query is not None:
            out.append((entry, leaves if plain else query, signs))
        if len(out) >= limit:
            break
    return out


def _made_labels(
    schema: tantivy.Schema, concepts: ConceptIndex, iri: str, together: bool
) -> list[tuple[str, LabelEntry, tantivy.Query | None, frozenset, list[tantivy.Query]]]:
    """The labels of ``iri`` in :func:`_label_queries`' order, each with its folded text, its
    query, the signatures of the words it requires and its bare queries (any of them: the
    words of a one-word label, else all the words), made once per concept index (the
    schema is the same for every index)."""
    cache = concepts.cache.setdefault("label_queries", {})
    made = cache.get((iri, together))
    if made is None:
        made = []
        for entry in sorted(
            labels_of(concepts, iri), key=lambda e: (e.kind != "pref", e.kind == "hidden", e.text)
        ):
            typed = typed_words(unicodedata.normalize("NFKC", entry.text))
            phrase = phrase_query(schema, typed) if together else None
            required = [
                (word, q, b)
                for word in typed
                for q, b in [word_texts(schema, word, word, loose=False)]
                if q is not None
            ]
            parts = [q for _word, q, _b in required]
            query = phrase if phrase is not None else (one_or_all(parts) if parts else None)
            signs = frozenset(word_signature(word) for word, _q, _b in required)
            bare = [b for _word, _q, b in required]
            if phrase is not None:
                leaves = [phrase]
            elif len(bare) == 1:
                leaves = bare[0]
            else:
                leaves = [all_of([any_of(b) for b in bare])] if bare else []
            made.append((" ".join(tokens(entry.text)), entry, query, signs, leaves))
        cache[(iri, together)] = made
    return made


def labels_of(concepts: ConceptIndex, iri: str) -> list[LabelEntry]:
    """The labels of concept ``iri`` (indexed by concept once per concept index)."""
    by_iri = concepts.cache.get("labels_by_iri")
    if by_iri is None:
        by_iri = {}
        for entry in concepts.labels:
            by_iri.setdefault(entry.iri, []).append(entry)
        concepts.cache["labels_by_iri"] = by_iri
    return by_iri.get(iri, [])


def label_words(
    schema: tantivy.Schema, concepts: ConceptIndex, concept: MatchedConcept
) -> list[list[tuple[str, tantivy.Query]]]:
    """One clause per word of each preferred label of ``concept`` in the languages other than
    the one the query named it in (no typo, no word form, no stop word), a group per label:
    the relaxed search counts *snow* and *cover* for *couverture neigeuse* as it counts
    *couverture* and *neigeuse*, so that a record described in one language is found alike
    from either; the best wording counts, not their sum (:mod:`sparql_api.search.query`).
    Each clause comes with its folded word."""
    out = []
    for entry in labels_of(concepts, concept.iri):
        if entry.kind != "pref" or entry.lang == concept.lang:
            continue
        group = [
            (folded, q)
            for typed in typed_words(unicodedata.normalize("NFKC", entry.text))
            if (q := word_query(schema, typed, typed, loose=False)) is not None
            for folded in tokens(typed)[:1]
        ]
        if group:
            out.append(group)
    return out


def apart(
    schema: tantivy.Schema,
    concepts: ConceptIndex,
    iris: list[str],
    word: str,
    query: tantivy.Query,
    whole: tantivy.Query | None = None,
    matches: dict[str, list[str]] | None = None,
) -> tantivy.Query:
    """``query``, the clause of ``word`` (folded) of a run naming the concepts ``iris`` as it
    counts alone once the search is relaxed, not counting where the record's text has the
    word inside a label of an unrelated concept: the *cover* of *Land cover* is not that of
    *snow cover*, the *dioxide* of *Carbon dioxide* not that of *nitrogen dioxide* (a word
    that is a label alone, *CO2*, counts anywhere); unless
    the record matches ``whole`` (what covers the run as a whole: the concept's phrase, tag
    or labels), where the word counts anyway. A label of a concept near the run's (the
    same, above, below, beside it under one broader, related, or aligned with one of those:
    *Snow water equivalent* for *snow cover*) still counts."""
    key = ("apart", tuple(sorted(iris)), word)
    others = concepts.cache.get(key)
    if others is None:
        others = _others(schema, concepts, iris, word, matches or {})
        concepts.cache[key] = others
    if not others:
        return query
    elsewhere = tantivy.Query.disjunction_max_query(others)
    if whole is not None:
        elsewhere = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, elsewhere), (tantivy.Occur.MustNot, whole)]
        )
    return tantivy.Query.boolean_query(
        [(tantivy.Occur.Must, query), (tantivy.Occur.MustNot, elsewhere)]
    )


def _others(
    schema: tantivy.Schema,
    concepts: ConceptIndex,
    iris: list[str],
    word: str,
    matches: dict[str, list[str]],
) -> list[tantivy.Query]:
    """The phrase queries of the labels of other words that have ``word`` and are of concepts
    not near ``iris`` (:func:`apart`), at most :data:`APART_MAX`."""
    forms = {word, word + "s", word + "es", word[:-1] if word.endswith("s") else word}
    matcher = matcher_for(concepts)
    having = sorted({i for form in forms for i in matcher.postings.get(form, ())})
    if any(len(matcher.label_tokens[i]) == 1 for i in having):
        return []  # the word names a concept alone (*CO2*, *ozone*): it means that anywhere
    near = _near(concepts, iris)
    own = {w for iri in iris for e in labels_of(concepts, iri) for w in tokens(e.text)}
    found = []
    for i in having:
        entry = concepts.labels[i]
        if entry.iri in near or any(m in near for m in matches.get(entry.iri, ())):
            continue
        if all(w in own or w in forms for w in tokens(entry.text)):
            continue  # the run's own words, in another order or number: not another thing
        phrase = phrase_query(schema, typed_words(unicodedata.normalize("NFKC", entry.text)))
        if phrase is not None:
            found.append(phrase)
            if len(found) >= APART_MAX:
                break
    return found


def _near(concepts: ConceptIndex, iris: list[str]) -> set[str]:
    """The concepts ``iris``, those above and below them, those under one of their broader
    concepts, and those related to them."""
    near = set(iris)
    for iri in iris:
        known = concepts.concepts.get(iri)
        if known is None:
            continue
        near.update(concepts.ancestors(iri))
        near.update(known.related)
        for broader in known.broader:
            parent = concepts.concepts.get(broader)
            near.update(parent.narrower if parent is not None else ())
    for iri, known in concepts.concepts.items():
        if near.intersection(iris).intersection(concepts.ancestors(iri)):
            near.add(iri)
        elif near.intersection(known.related).intersection(iris):
            near.add(iri)
    return near
