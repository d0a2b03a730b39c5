"""The words of a query, and the text clause each word makes.

The query is cut into words; a word that is a stop word in French or English is dropped.
Each remaining word is analysed, as typed (accents kept, as the indexed text was), by the
French and the English analyzer of the index and matched in every text field of both
languages (titles weigh most, then keywords, then theme labels, then descriptions; the best
field counts). Words of 6 letters or more also match with one edit on titles and keywords
(*fuzzy*), and by *word form*: every word that starts like the word's stem less its last
letter or two (``volcano`` → ``volcan…`` finds *volcanic*, ``African`` → ``africa…`` finds
*Africa*) on titles, keywords and descriptions, at a low weight. Its forms in the other
language (:mod:`sparql_api.search.cognates`: *magnetic* for *magnétiques*) are looked for in
that language's fields, at a constant score.

Question words, generic nouns and verbs of both languages (:data:`OPTIONAL_WORDS`) never
filter and are not scored, unless they belong to a run naming a concept or a place (see
:mod:`sparql_api.search.query`).
"""

from __future__ import annotations

import unicodedata

import tantivy

from graph_loader.index.schema import LANGS, analyzer
from graph_loader.parsing import tokens
from sparql_api.search.cognates import cognates

__all__ = [
    "analyze",
    "is_stop_word",
    "query_words",
    "typed_words",
    "form_prefix",
    "word_query",
    "word_texts",
    "word_signature",
    "phrase_query",
    "FIELD_WEIGHTS",
    "PHRASE_SLOP",
    "FUZZY_MIN_CHARS",
    "FORM_FIELDS",
    "FORM_WEIGHT",
    "FORM_MIN_CHARS",
    "COGNATE_WEIGHT",
    "OPTIONAL_WORDS",
]

#: weight of each analysed text field
FIELD_WEIGHTS = {"title": 3.0, "keyword": 2.0, "names": 2.0, "theme": 1.5, "description": 1.0}
#: words a phrase may have between or around its own (stop words the analyzers dropped, an
#: adjective: *glace de la mer*, *sea surface height*)
PHRASE_SLOP = 2
#: words this long (folded) also match fuzzily and by word form
FUZZY_MIN_CHARS = 6
#: fields searched by word form, and the (constant) score of a word-form match
FORM_FIELDS = ("title", "keyword", "description")
FORM_WEIGHT = 0.4
#: a word-form prefix keeps at least this many letters of the stem
FORM_MIN_CHARS = 5

#: the (constant) score of a word's form in the other language found in a field, times the
#: field's weight (:mod:`sparql_api.search.cognates`): a form made by rule is evidence that
#: the record says the word, not a term whose frequency should rank it (*Magnetotelluric web
#: service*, a short title, is no better a match of *magnétotelluriques* than a longer one)
COGNATE_WEIGHT = 1.0

#: words that never filter (folded): question words, generic nouns and verbs, auxiliaries,
#: pronouns, possessives and prepositions of French and English; stop words of the analyzers
#: are left out anyway (the English analyzer's list is short: *do*, *am*, *my* are not in it)
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
    am is are was were be been being do does did done have has had
    ai as avons avez ont avoir etre
    give gives giving given show shows showing contain contains containing
    donne donnent donner montre montrent montrer contient contiennent contenir
    some all my our your their mes mon ma nos vos leurs
    seen vu vue vus vues mesuree mesurees
    after before apres avant
    over from about above below under during across near around between within along since
    depuis entre sous pendant autour pres vers chez parmi selon
    """.split()
)

_ANALYZERS: dict[str, tantivy.TextAnalyzer] = {}


def analyze(lang: str, word: str) -> list[str]:
    """The tokens the index's analyzer of ``lang`` makes of ``word`` (none: a stop word)."""
    if lang not in _ANALYZERS:
        _ANALYZERS[lang] = analyzer(lang)
    return _ANALYZERS[lang].analyze(word)


def word_signature(word: str) -> tuple[tuple[str, ...], ...]:
    """The tokens of ``word`` (as typed) in each language: words of the same signature have
    the same strict clause (:func:`word_query` with ``loose=False``), which the loose clause
    of either contains."""
    return tuple(tuple(analyze(lang, word)) for lang in LANGS)


def is_stop_word(word: str) -> bool:
    """True when ``word`` (as typed) is a stop word in one of the languages."""
    return any(not analyze(lang, word) for lang in LANGS)


def query_words(q: str) -> list[tuple[str, str]]:
    """``(folded, as typed)`` for each word of ``q``: the folded words are those of
    :func:`~graph_loader.parsing.tokens` (concept matching), the typed ones keep their
    accents for the stemmers (``Méditerranée`` and ``mediterranee`` stem differently).

    >>> query_words("Méditerranée, l'été")
    [('mediterranee', 'Méditerranée'), ('l', 'l'), ('ete', 'été')]
    """
    out: list[tuple[str, str]] = []
    for typed in typed_words(unicodedata.normalize("NFKC", q)):
        folded = tokens(typed)
        out.extend([(folded[0], typed)] if len(folded) == 1 else [(f, f) for f in folded])
    return out


def typed_words(text: str) -> list[str]:
    """Runs of letters and digits, with the combining marks that folding drops (so that the
    runs fold to the words of :func:`~graph_loader.parsing.tokens`)."""
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


def word_query(
    schema: tantivy.Schema, word: str, folded: str, *, loose: bool = True, names: bool = True
) -> tantivy.Query | None:
    """The text clause of one word (``word`` as typed, ``folded``): its analysed tokens in
    every text field of both languages (the facet values' names unless ``names`` is false),
    fuzzily and by word form when ``loose`` and long enough; None for a stop word."""
    return word_texts(schema, word, folded, loose=loose, names=names)[0]


def word_texts(
    schema: tantivy.Schema, word: str, folded: str, *, loose: bool = True, names: bool = True
) -> tuple[tantivy.Query | None, list[tantivy.Query] | None]:
    """:func:`word_query` of one word, and what it matches as the bare queries it takes any
    of (no score, no nesting: a flat union of them costs several times less to run, to count
    a search's records by facet), their clauses made once; (None, None) for a stop word."""
    per_lang = {lang: analyze(lang, word) for lang in LANGS}
    if any(not toks for toks in per_lang.values()):
        return None, None  # a stop word in one of the languages
    long_word = loose and len(folded) >= FUZZY_MIN_CHARS
    pairs: list[tuple[tantivy.Query, tantivy.Query]] = []
    for lang, toks in per_lang.items():
        for tok in toks:
            pairs += _token_clauses(schema, lang, tok, long_word, names)
    if loose:
        pairs += _cognate_clauses(schema, folded, per_lang, names)
    query = tantivy.Query.disjunction_max_query([q for _leaf, q in pairs], tie_breaker=0.1)
    return query, [leaf for leaf, _q in pairs]


def _token_clauses(
    schema: tantivy.Schema, lang: str, tok: str, long_word: bool, names: bool = True
) -> list[tuple[tantivy.Query, tantivy.Query]]:
    """(bare, scored) clauses of one analysed token in the fields of ``lang``."""
    clauses = []
    skip = () if names else ("names",)
    for name, weight in FIELD_WEIGHTS.items():
        if name in skip:
            continue
        term = tantivy.Query.term_query(schema, f"{name}_{lang}", tok)
        clauses.append((term, tantivy.Query.boost_query(term, weight)))
    if not long_word:
        return clauses
    for name in ("title", "keyword"):
        fuzzy = tantivy.Query.fuzzy_term_query(
            schema, f"{name}_{lang}", tok, distance=1, transposition_cost_one=True
        )
        clauses.append((fuzzy, tantivy.Query.boost_query(fuzzy, 0.5)))
    prefix = form_prefix(tok)
    for name in FORM_FIELDS:
        # a prefix automaton (no edit): constant score, whatever the word found
        form = tantivy.Query.fuzzy_term_query(
            schema, f"{name}_{lang}", prefix, distance=0, prefix=True
        )
        weight = FORM_WEIGHT * FIELD_WEIGHTS[name] / FIELD_WEIGHTS["keyword"]
        clauses.append((form, tantivy.Query.boost_query(form, weight)))
    return clauses


def _cognate_clauses(
    schema: tantivy.Schema,
    folded: str,
    per_lang: dict[str, list[str]],
    names: bool,
) -> list[tuple[tantivy.Query, tantivy.Query]]:
    """(bare, scored) clauses of the word's forms in the other language (:func:`cognates`:
    *oceanic* for *océaniques*), each in the fields of the language that writes it, scored
    :data:`COGNATE_WEIGHT` (constant); a form that stems as the word itself adds nothing."""
    clauses = []
    skip = () if names else ("names",)
    for lang, forms in cognates(folded).items():
        seen = set(per_lang[lang])
        for form in forms:
            for tok in analyze(lang, form):
                if tok in seen:
                    continue
                seen.add(tok)
                for name, weight in FIELD_WEIGHTS.items():
                    if name not in skip:
                        term = tantivy.Query.term_query(schema, f"{name}_{lang}", tok)
                        score = weight * COGNATE_WEIGHT
                        clauses.append((term, tantivy.Query.const_score_query(term, score)))
    return clauses


def phrase_query(schema: tantivy.Schema, typed: list[str]) -> tantivy.Query | None:
    """Records whose text has the words ``typed`` (as typed, in order) together: a phrase of
    their tokens within :data:`PHRASE_SLOP` in any text field of either language, weighted as
    the fields are (the best field counts); None when no language keeps two of the words.

    Stop words make no token but keep their place, in the index as in the phrase."""
    clauses = []
    for lang in LANGS:
        terms = [(i, toks[0]) for i, word in enumerate(typed) if (toks := analyze(lang, word))]
        if len(terms) < 2:
            continue
        for name, weight in FIELD_WEIGHTS.items():
            phrase = tantivy.Query.phrase_query(schema, f"{name}_{lang}", terms, PHRASE_SLOP)
            clauses.append(tantivy.Query.boost_query(phrase, weight))
    return tantivy.Query.disjunction_max_query(clauses, tie_breaker=0.1) if clauses else None
