"""From search parameters to tantivy queries: words, concepts, filters.

**Words.** The query is cut into words; a word that is a stop word in French or English is
dropped. Each remaining word is analysed, as typed (accents kept, as the indexed text was),
by the French and the English analyzer of the index and matched in every text field of both
languages (titles weigh most, then keywords, then theme labels, then descriptions; the best
field counts). Words of 6 letters or more also match with one edit on titles and keywords
(*fuzzy*), and by *word form*: every word that starts like the word's stem less its last
letter or two (``volcano`` → ``volcan…`` finds *volcanic*, ``African`` → ``africa…`` finds
*Africa*) on titles, keywords and descriptions, at a low weight.

**Key words and optional words.** Question words, generic nouns and verbs of both languages
(:data:`OPTIONAL_WORDS`: *qui, où, quelles, données, data, products, measurements, séries,
distribue, download…*) never filter and are not scored, unless they belong to a run naming a
concept or a place (*time series*). Every other word, a *key* word, must match (all but one
from four key words on); when that finds fewer hits than a page, the search is *relaxed*
(:attr:`QueryPlan.relaxed`): any one key word suffices and each key word a record matches adds
:data:`COVERAGE_BOOST` to its score, so that records matching more of the query rank first;
the records that match strictly gain :data:`STRICT_BOOST` more.

**Concepts.** Runs of words that name a concept of any loaded vocabulary (a prefLabel,
altLabel or hiddenLabel in any language, acronyms included; an exact match, or a near one
for the same number of words) are *matched*, and each matched concept is *expanded* to the
concepts aligned with it (``skos:exactMatch`` / ``skos:closeMatch``, either way). Documents
list every concept they are tagged with and all their ancestors, so a term on that field
finds the narrower concepts too. A word covered by a matched concept is satisfied either by
its text or by a document tagged at or below the concept: a French query finds a record
described only in English, and the reverse.

**Places.** Runs of words that name a place of the gazetteer (:mod:`sparql_api.core.places`; the
same matching as concepts) are matched too, and a word covered by a matched place is
satisfied by its text, by a resource whose bbox lies within the place's box (enlarged a
little; :data:`PLACE_BOOST`) or by one whose bbox overlaps it (a global or basin-wide product
that covers it; :data:`PLACE_COVER_BOOST`, ranked after): a place ranks, it does not filter
(the ``place`` parameter does). ``La Réunion`` finds the Piton de la Fournaise records,
which never name the island, first. A stop word inside a run of a concept or place (``glace
de mer``, ``La Réunion``) needs no match of its own.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import tantivy
from rapidfuzz.distance import OSA

from graph_loader.index.schema import LANGS, analyzer
from sparql_api.core.concept_index import ConceptIndex, Place
from sparql_api.core.places import overlaps_query, within_query
from sparql_api.search.autocomplete import matcher_for, max_typos, tokens

__all__ = [
    "QueryPlan",
    "plan_query",
    "match_concepts",
    "query_words",
    "form_prefix",
    "FIELD_WEIGHTS",
    "CONCEPT_BOOST",
    "RELATED_BOOST",
    "PLACE_BOOST",
    "PLACE_COVER_BOOST",
    "FORM_WEIGHT",
    "OPTIONAL_WORDS",
    "COVERAGE_BOOST",
]

#: weight of each analysed text field
FIELD_WEIGHTS = {"title": 3.0, "keyword": 2.0, "theme": 1.5, "description": 1.0}
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
#: weight of a word satisfied by lying within a matched place
PLACE_BOOST = 6.0
#: weight of a word satisfied by overlapping a matched place only (a record covering it)
PLACE_COVER_BOOST = 0.5
#: words this long (folded) also match fuzzily and by word form
FUZZY_MIN_CHARS = 6
#: fields searched by word form, and the (constant) score of a word-form match
FORM_FIELDS = ("title", "keyword", "description")
FORM_WEIGHT = 0.4
#: a word-form prefix keeps at least this many letters of the stem
FORM_MIN_CHARS = 5

#: words that never filter (folded): question words, generic nouns and verbs, pronouns of
#: French and English; stop words of the analyzers are left out anyway
OPTIONAL_WORDS = frozenset(
    """
    qui quoi ou quel quelle quels quelles comment combien pourquoi existe existent
    donnees donnee jeu jeux produit produits mesure mesures serie series fichier fichiers
    dataset datasets data product products measurement measurements file files
    what where which who whom how why exist exists there any available
    disponible disponibles trouver trouve cherche cherchons chercher recherche recherchons
    find finding look looking search searching need besoin want veux voudrais
    download downloading telecharger telechargement get obtenir access acceder
    distribue distribuent diffuse diffusent fournit fournissent propose proposent
    distribute distributes distributed provide provides provided offer offers
    i im je j can could peux puis peut we nous you vous me
    mesurent mesurer measure measures measured
    observe observes observed observing observation observations monitor monitoring monitored
    observent observer observes observees observee suivi suivre surveillance surveiller
    study studies etude etudes information informations
    over from about above below under during across near around between within along since
    depuis entre sous pendant autour pres vers chez parmi selon
    """.split()
)
#: what a plural adds to its singular, in French and English (folded)
PLURAL_ENDINGS = frozenset({"s", "x", "es"})
#: score a record gains for each key word it matches, when the search is relaxed
COVERAGE_BOOST = 10.0
#: score a record matching the key words as the strict search does gains once relaxed
STRICT_BOOST = 10.0

_ANALYZERS: dict[str, tantivy.TextAnalyzer] = {}


def _analyze(lang: str, word: str) -> list[str]:
    if lang not in _ANALYZERS:
        _ANALYZERS[lang] = analyzer(lang)
    return _ANALYZERS[lang].analyze(word)


@dataclass(slots=True)
class MatchedConcept:
    """A concept named by a run of query words, and how it was named."""

    iri: str
    label: str
    lang: str
    words: tuple[int, ...]


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


def near_word(word: str, label_word: str) -> bool:
    """True when a query word names a label word as a whole: equal, its singular or plural
    (the other with a plural ending of French or English, :data:`PLURAL_ENDINGS`: *tempête* /
    *tempêtes*, *feu* / *feux*; *ocean* is not *Oceania*), or within the typos its length
    allows (:func:`max_typos`). A word that merely starts like a longer one does not:
    *temper* (typed *tempér*) is not *tempetes*.

    >>> near_word("temper", "tempetes"), near_word("tempete", "tempetes")
    (False, True)
    >>> near_word("thikness", "thickness"), near_word("feu", "feux"), near_word("ocean", "oceania")
    (True, True, False)
    """
    if word == label_word:
        return True
    short, long_ = sorted((word, label_word), key=len)
    if len(short) >= 3 and long_.startswith(short) and long_[len(short) :] in PLURAL_ENDINGS:
        return True
    return OSA.distance(word, label_word) <= max_typos(len(word))


#: the level of :meth:`Matcher.label_matches` at which a label is matched within typos only
FUZZY_LEVEL = 2


def match_concepts(index: ConceptIndex, words: list[str], lang: str = "en") -> list[MatchedConcept]:
    """Concepts named by runs of ``words`` (folded), longest runs first, each word once;
    each with its best label (exact first, then GAIA first, then in ``lang``). A run that
    names a label as written (or in another number) does not also name those within typos
    (*couverture neigeuse* is not *couverture nuageuse*)."""
    matcher = matcher_for(index)
    used: set[int] = set()
    found: list[MatchedConcept] = []
    for n in range(len(words), 0, -1):
        for start in range(0, len(words) - n + 1):
            span = tuple(range(start, start + n))
            if used.intersection(span):
                continue
            phrase = " ".join(words[start : start + n])
            if len(phrase) < 3:
                continue
            best: dict[str, tuple] = {}
            for i, level in matcher.label_matches(phrase, fuzzy=len(phrase) >= 5).items():
                label_words = matcher.label_tokens[i]
                if level and (
                    len(label_words) != n
                    or abs(len(" ".join(label_words)) - len(phrase)) > 2
                    or not all(map(near_word, words[start : start + n], label_words))
                ):
                    continue
                entry = index.labels[i]
                gaia = 0 if index.concepts[entry.iri].in_thesaurus else 1
                key = (level, gaia, 0 if entry.lang == lang else 1, entry.text)
                if entry.iri not in best or key < best[entry.iri][0]:
                    best[entry.iri] = (key, entry)
            if best:
                used.update(span)
                # a typo reading only when the words name no label as written
                closest = min(key[0] for key, _entry in best.values())
                for iri, (key, entry) in sorted(best.items()):
                    if key[0] < FUZZY_LEVEL or closest == FUZZY_LEVEL:
                        found.append(MatchedConcept(iri, entry.text, entry.lang, span))
    return found


#: a word names a one-word label by its stem (an adjective its noun) when the stem is this long
STEM_MIN_CHARS = 7


def _stems(word: str) -> set[str]:
    """The French and English stems of a folded word (those long enough to be telling)."""
    return {tok for lang in LANGS for tok in _analyze(lang, word) if len(tok) >= STEM_MIN_CHARS}


def stem_concepts(
    index: ConceptIndex, words: list[str], used: set[int], lang: str = "en"
) -> list[MatchedConcept]:
    """Concepts whose one-word label has the stem of a query word not already used
    (``seismological`` names *Seismology*, ``sismologiques`` *Sismologie*), one per word."""
    table = index.cache.get("stems")
    if table is None:
        table = {}
        for entry in index.labels:
            folded = tokens(entry.text)
            if len(folded) == 1:
                for stem in _stems(folded[0]):
                    table.setdefault(stem, []).append(entry)
        index.cache["stems"] = table
    found: list[MatchedConcept] = []
    for i, word in enumerate(words):
        if i in used or word in OPTIONAL_WORDS:
            continue
        entries = [e for stem in sorted(_stems(word)) for e in table.get(stem, ())]
        best: dict[str, tuple] = {}
        for entry in entries:
            gaia = 0 if index.concepts[entry.iri].in_thesaurus else 1
            key = (gaia, 0 if entry.lang == lang else 1, entry.text)
            if entry.iri not in best or key < best[entry.iri][0]:
                best[entry.iri] = (key, entry)
        for iri, (_key, entry) in sorted(best.items()):
            found.append(MatchedConcept(iri, entry.text, entry.lang, (i,)))
    return found


def query_words(q: str) -> list[tuple[str, str]]:
    """``(folded, as typed)`` for each word of ``q``: the folded words are those of
    :func:`~sparql_api.search.autocomplete.tokens` (concept matching), the typed ones keep their
    accents for the stemmers (``Méditerranée`` and ``mediterranee`` stem differently).

    >>> query_words("Méditerranée, l'été")
    [('mediterranee', 'Méditerranée'), ('l', 'l'), ('ete', 'été')]
    """
    out: list[tuple[str, str]] = []
    for typed in _typed_words(unicodedata.normalize("NFKC", q)):
        folded = tokens(typed)
        out.extend([(folded[0], typed)] if len(folded) == 1 else [(f, f) for f in folded])
    return out


def _typed_words(text: str) -> list[str]:
    """Runs of letters and digits, with the combining marks that folding drops (so that the
    runs fold to the words of :func:`tokens`)."""
    words, current = [], []
    for ch in text:
        if ch.isalnum() or unicodedata.combining(ch):
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def form_prefix(stem: str) -> str:
    """What words of the same form start with: ``stem`` less its last letter (two from 8
    letters on), keeping at least :data:`FORM_MIN_CHARS` letters.

    >>> form_prefix("volcano"), form_prefix("temperatur"), form_prefix("glaci")
    ('volcan', 'temperat', 'glaci')
    """
    cut = 1 if len(stem) <= 7 else 2
    return stem[: max(FORM_MIN_CHARS, len(stem) - cut)]


def _word_query(
    schema: tantivy.Schema, word: str, folded: str, *, loose: bool = True
) -> tantivy.Query | None:
    per_lang = {lang: _analyze(lang, word) for lang in LANGS}
    if any(not toks for toks in per_lang.values()):
        return None  # a stop word in one of the languages
    long_word = loose and len(folded) >= FUZZY_MIN_CHARS
    clauses = []
    for lang, toks in per_lang.items():
        for tok in toks:
            for name, weight in FIELD_WEIGHTS.items():
                term = tantivy.Query.term_query(schema, f"{name}_{lang}", tok)
                clauses.append(tantivy.Query.boost_query(term, weight))
            if not long_word:
                continue
            for name in ("title", "keyword"):
                fuzzy = tantivy.Query.fuzzy_term_query(
                    schema, f"{name}_{lang}", tok, distance=1, transposition_cost_one=True
                )
                clauses.append(tantivy.Query.boost_query(fuzzy, 0.5))
            prefix = form_prefix(tok)
            for name in FORM_FIELDS:
                # a prefix automaton (no edit): constant score, whatever the word found
                form = tantivy.Query.fuzzy_term_query(
                    schema, f"{name}_{lang}", prefix, distance=0, prefix=True
                )
                clauses.append(tantivy.Query.boost_query(form, FORM_WEIGHT))
    return tantivy.Query.disjunction_max_query(clauses, tie_breaker=0.1)


def _label_texts(
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
            for typed in _typed_words(unicodedata.normalize("NFKC", entry.text))
            if (q := _word_query(schema, typed, typed, loose=False)) is not None
        ]
        if not parts:
            continue
        alternatives.append(
            parts[0]
            if len(parts) == 1
            else tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in parts])
        )
        if len(alternatives) >= LABEL_TEXT_MAX:
            break
    if not alternatives:
        return None
    return tantivy.Query.boost_query(
        tantivy.Query.disjunction_max_query(alternatives, tie_breaker=0.0), LABEL_TEXT_WEIGHT
    )


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
    stop = [any(not _analyze(code, typed) for code in LANGS) for _folded, typed in pairs]
    matched = match_concepts(concepts, words, lang) if concepts is not None else []
    if concepts is not None:
        used = {i for c in matched for i in c.words}
        matched += stem_concepts(concepts, words, used, lang)
    # a run of stop words alone names nothing ("and" is not the Andes)
    matched = [c for c in matched if not all(stop[w] for w in c.words)]
    by_word: dict[int, list[str]] = {}
    by_related: dict[int, list[str]] = {}
    expansion: dict[str, tuple[str, str]] = {}
    for concept in matched:
        expanded = [concept.iri, *matches.get(concept.iri, ())]
        for iri in expanded:
            via = "concept" if iri == concept.iri else "aligned"
            if iri not in expansion or via == "concept":
                expansion[iri] = (concept.iri, via)
        for w in concept.words:
            by_word.setdefault(w, []).extend(expanded)
        known = concepts.concepts.get(concept.iri) if concepts is not None else None
        related = [r for r in (known.related if known else ()) if r not in expanded]
        for iri in related:
            expansion.setdefault(iri, (concept.iri, "related"))
        for w in concept.words:
            by_related.setdefault(w, []).extend(related)
    gazetteer = concepts.places if concepts is not None else None
    places = match_concepts(gazetteer.names, words, lang) if gazetteer is not None else []
    places = [p for p in places if not all(stop[w] for w in p.words)]
    place_info = {p.iri: gazetteer.places[p.iri] for p in places} if places else {}
    by_place: dict[int, list[str]] = {}
    for place in places:
        for w in place.words:
            by_place.setdefault(w, []).append(place.iri)
    texts = [_word_query(schema, typed, folded) for folded, typed in pairs]
    # a stop word inside a run of words that also has other words needs no match of its own
    in_runs = {
        i
        for run in [*matched, *places]
        if any(texts[w] is not None for w in run.words)
        for i in run.words
    }
    covered = {i for run in [*matched, *places] for i in run.words}
    generic = {i for i, w in enumerate(words) if w in OPTIONAL_WORDS and i not in covered}
    if len(generic) == len(words):
        generic = set()  # a query of generic words only: they are its key words
    #: the first word of the run (concept or place, longest first) each word belongs to
    unit_of: dict[int, int] = {}
    for run in sorted([*matched, *places], key=lambda r: -len(r.words)):
        for i in run.words:
            unit_of.setdefault(i, run.words[0])
    covered_by_place = {i for run in places for i in run.words}
    concept_words = {i for run in matched if len(run.words) > 1 for i in run.words}
    clauses, highlight, kept, optional, units, loose = [], [], [], [], [], []
    for i, word in enumerate(words):
        text = texts[i]
        if text is None and i in in_runs:
            continue
        if i in generic:
            if text is not None:
                optional.append(word)
            continue
        if i in covered_by_place:
            continue  # a place's words make one clause, below
        alternatives = [text] if text is not None else []
        if i in by_word:
            term_set = tantivy.Query.term_set_query(schema, "concepts", sorted(set(by_word[i])))
            alternatives.append(tantivy.Query.boost_query(term_set, CONCEPT_BOOST))
        if by_related.get(i):
            term_set = tantivy.Query.term_set_query(schema, "concepts", sorted(set(by_related[i])))
            alternatives.append(tantivy.Query.boost_query(term_set, RELATED_BOOST))
        if not alternatives:
            continue
        kept.append(word)
        units.append(unit_of.get(i, i))
        if text is not None:
            highlight.append((tantivy.Occur.Should, text))
            if i in concept_words and i not in covered_by_place:
                loose.append(text)
        if len(alternatives) == 1:
            clauses.append(alternatives[0])
        else:
            clauses.append(
                tantivy.Query.boolean_query([(tantivy.Occur.Should, a) for a in alternatives])
            )
    runs: dict[tuple[int, ...], list[str]] = {}
    strong: dict[int, tantivy.Query] = {}
    for place in places:
        runs.setdefault(place.words, []).append(place.iri)
    for span, iris in runs.items():
        # the place's words by their text, or a record within the place (ranked first) or
        # overlapping it (covering it: a global or basin-wide product)
        texts_in = [texts[i] for i in span if texts[i] is not None]
        firm, alternatives = [], []
        if texts_in:
            firm.append(
                texts_in[0]
                if len(texts_in) == 1
                else tantivy.Query.boolean_query([(tantivy.Occur.Must, t) for t in texts_in])
            )
        for iri in iris:
            box = place_info[iri].box
            weight = len(texts_in) or 1
            firm.append(tantivy.Query.boost_query(within_query(schema, box), PLACE_BOOST * weight))
            alternatives.append(
                tantivy.Query.boost_query(overlaps_query(schema, box), PLACE_COVER_BOOST * weight)
            )
        alternatives = firm + alternatives
        clauses.append(
            tantivy.Query.boolean_query([(tantivy.Occur.Should, a) for a in alternatives])
        )
        # relaxed, only its text or lying within it counts as covering the place's words
        strong[span[0]] = tantivy.Query.boolean_query([(tantivy.Occur.Should, a) for a in firm])
        kept.append(" ".join(words[i] for i in span if texts[i] is not None))
        units.append(span[0])
        highlight.extend((tantivy.Occur.Should, t) for t in texts_in)
    if not clauses:
        return None
    # the words of a run naming a concept or a place stay together: one unit, all its words
    # required; every unit is required, all but one from four units on
    grouped: dict[int, list[tantivy.Query]] = {}
    for unit, clause in zip(units, clauses, strict=True):
        grouped.setdefault(unit, []).append(clause)
    # a concept's run is also satisfied by the text of its other labels
    by_unit: dict[int, list[tantivy.Query]] = {}
    if concepts is not None:
        for concept in matched:
            first = unit_of.get(concept.words[0])
            if first in grouped and first not in covered_by_place:
                label_query = _label_texts(schema, concepts, concept, words)
                if label_query is not None:
                    by_unit.setdefault(first, []).append(label_query)
    whole = [
        members[0]
        if len(members) == 1
        else tantivy.Query.boolean_query([(tantivy.Occur.Must, c) for c in members])
        for members in grouped.values()
    ]
    whole = [
        tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, q) for q in [unit_query, *by_unit[unit]]]
        )
        if unit in by_unit
        else unit_query
        for unit, unit_query in zip(grouped, whole, strict=True)
    ]
    need = len(whole) if len(whole) <= 3 else len(whole) - 1
    query = tantivy.Query.boolean_query(
        [(tantivy.Occur.Should, c) for c in whole], minimum_number_should_match=need
    )
    relaxed = None
    if len(grouped) > 1 or len(loose) > 1:
        # relaxed, the words of a concept's run also count one by one, for their text
        covering = list(loose)
        for (unit, members), unit_query in zip(grouped.items(), whole, strict=True):
            boost = tantivy.Query.const_score_query(
                strong.get(unit, unit_query), COVERAGE_BOOST * len(members)
            )
            covering.append(
                tantivy.Query.boolean_query(
                    [(tantivy.Occur.Should, unit_query), (tantivy.Occur.Should, boost)]
                )
            )
        relaxed = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, c) for c in covering], minimum_number_should_match=1
        )
        # the hits of the strict query rank higher
        relaxed = tantivy.Query.boolean_query(
            [
                (tantivy.Occur.Must, relaxed),
                (tantivy.Occur.Should, tantivy.Query.const_score_query(query, STRICT_BOOST)),
            ]
        )
    return QueryPlan(
        query,
        kept,
        matched,
        places,
        place_info,
        expansion,
        tantivy.Query.boolean_query(highlight) if highlight else None,
        relaxed=relaxed,
        optional=optional,
        key=list(kept),
    )
