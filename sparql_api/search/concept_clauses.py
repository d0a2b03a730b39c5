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
from sparql_api.core.concept_index import ConceptIndex
from sparql_api.search.boolean import one_or_all
from sparql_api.search.naming import MatchedConcept
from sparql_api.search.words import LANGS, analyze, typed_words, word_query

__all__ = [
    "Expansion",
    "expand",
    "label_texts",
    "label_words",
    "CONCEPT_BOOST",
    "RELATED_BOOST",
    "LABEL_TEXT_WEIGHT",
    "LABEL_TEXT_MAX",
]

#: weight of a word satisfied through a matched concept
CONCEPT_BOOST = 2.5
#: weight of a word satisfied through a concept related to a matched one (``skos:related``:
#: the variables that observe a phenomenon), below the concept's own
RELATED_BOOST = 1.0
#: weight of a concept's run satisfied by the text of another of the concept's labels (a
#: French query finding English-only records that name the concept, or a synonym)
LABEL_TEXT_WEIGHT = 0.4
#: at most this many labels of a matched concept are looked for in the text
LABEL_TEXT_MAX = 12


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
    schema: tantivy.Schema, concepts: ConceptIndex, concept: MatchedConcept, words: list[str]
) -> tantivy.Query | None:
    """Records whose text names another label of ``concept`` (every word of the label, in
    any language, as the stemmers make it: no typo, no word form): the English *Snow cover*
    for *couverture neigeuse*."""
    said = " ".join(words[i] for i in concept.words)
    seen, alternatives = {said}, []
    labels = sorted(
        (e for e in concepts.labels if e.iri == concept.iri),
        key=lambda e: (e.kind != "pref", e.kind == "hidden", e.text),
    )
    for entry in labels:
        folded = tokens(entry.text)
        key = " ".join(folded)
        if key in seen or not folded:
            continue
        seen.add(key)
        parts = [
            q
            for typed in typed_words(unicodedata.normalize("NFKC", entry.text))
            if (q := word_query(schema, typed, typed, loose=False)) is not None
        ]
        if not parts:
            continue
        alternatives.append(one_or_all(parts))
        if len(alternatives) >= LABEL_TEXT_MAX:
            break
    if not alternatives:
        return None
    return tantivy.Query.boost_query(
        tantivy.Query.disjunction_max_query(alternatives, tie_breaker=0.0), LABEL_TEXT_WEIGHT
    )


def label_words(
    schema: tantivy.Schema, concepts: ConceptIndex, concept: MatchedConcept
) -> list[tantivy.Query]:
    """One clause per word of the preferred labels of ``concept`` in the languages other than
    the one the query named it in (no typo, no word form, no stop word): the relaxed search
    counts *snow* and *cover* for *couverture neigeuse* as it counts *couverture* and
    *neigeuse*, so that a record described in one language is found alike from either. A
    word that stems like one of the label the query said (*océaniques* for *ocean currents*)
    is left out: it would count the same word twice."""
    said = _stems(concept.label)
    out = []
    for entry in concepts.labels:
        if entry.iri != concept.iri or entry.kind != "pref" or entry.lang == concept.lang:
            continue
        for typed in typed_words(unicodedata.normalize("NFKC", entry.text)):
            stems = _stems(typed)
            if not stems or stems & said:
                continue
            said |= stems
            if (q := word_query(schema, typed, typed, loose=False)) is not None:
                out.append(q)
    return out


def _stems(text: str) -> set[str]:
    """The stems of the words of ``text`` in every language, as typed and folded."""
    typed = typed_words(unicodedata.normalize("NFKC", text))
    return {
        stem
        for word in typed
        for form in (word, *tokens(word))
        for lang in LANGS
        for stem in analyze(lang, form)
    }
