"""Autocompletion over every label (pref, alt, hidden; fr, en) of every loaded vocabulary.

Text is folded (:func:`~graph_loader.parsing.fold`: NFKD, combining marks dropped, casefold)
and cut into word tokens (:func:`~graph_loader.parsing.tokens`). A query matches a label when
each of its tokens matches some token of the label:

- by **prefix** (``aero`` matches ``aerosols``; an equal token is a prefix too), or
- **fuzzily**: some prefix of the label token is within :func:`max_typos` edits of the query
  token (1 for tokens of 4 to 7 characters, 2 from 8 on, none below 4), so ``aersol`` finds
  ``aerosol`` and a typo while typing still finds the word; a token shorter than
  :data:`SHORT_TOKEN` letters is compared with prefixes at least as long as itself and of the
  same first letter, so that ``fire`` finds neither ``field`` (by dropping its ``r``) nor
  ``direction``. Edits are insertions, deletions,
  substitutions and transpositions of adjacent letters, counted as the optimal string
  alignment distance (restricted Damerau-Levenshtein: the same for one edit; rapidfuzz
  computes it 4x faster than the unrestricted one).

A label matches **exactly** when its folded tokens equal the query's. Suggestions are ranked:
exact > prefix > fuzzy; then GAIA thesaurus before external vocabularies; then shallower,
then more used (resources tagged at or below) concepts; then labels starting with the query,
pref before alt before hidden, the requested language first, shorter labels, and finally the
label text and IRI, so that ties are deterministic. One suggestion per concept: its best label.

The token tables (:class:`Matcher`) are built once per :class:`ConceptIndex`: a sorted token
list (prefixes by bisection), postings from token to labels, and per length the distinct
token prefixes, scanned by rapidfuzz for typos.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from graph_loader.parsing import tokens
from sparql_api.core.concept_index import ConceptIndex, vocabulary_name
from sparql_api.web.i18n import LANGUAGES

__all__ = [
    "pick_pref",
    "max_typos",
    "Matcher",
    "matcher_for",
    "suggest",
    "MATCH_LEVELS",
    "MAX_QUERY_CHARS",
    "MAX_LIMIT",
]

#: exact, prefix, fuzzy: the order of the ranking
MATCH_LEVELS = ("exact", "prefix", "fuzzy")
_KIND_ORDER = {"pref": 0, "alt": 1, "hidden": 2}
#: longest accepted query, in characters
MAX_QUERY_CHARS = 100
#: most suggestions one request may ask for
MAX_LIMIT = 50
#: below this many candidate labels, later query tokens are matched against theirs only
LOCAL_SCAN_LABELS = 400
#: query tokens shorter than this match fuzzily only prefixes at least as long as themselves
SHORT_TOKEN = 6
#: query words whose matching labels a :class:`Matcher` keeps (all forgotten past it)
LEVELS_KEPT = 4096


def max_typos(length: int) -> int:
    """Edits tolerated in a query token of ``length`` characters: 0 below 4, 1, 2 from 8."""
    return 0 if length < 4 else 1 if length < 8 else 2


@dataclass(frozen=True, slots=True)
class _Hit:
    key: tuple
    label: int
    level: int


class Matcher:
    """Token tables over the labels of one :class:`ConceptIndex`."""

    def __init__(self, index: ConceptIndex):
        self.index = index
        self.folded: list[str] = []
        self.label_tokens: list[tuple[str, ...]] = []
        postings: dict[str, set[int]] = defaultdict(set)
        for i, entry in enumerate(index.labels):
            words = tokens(entry.text)
            self.folded.append(" ".join(words))
            self.label_tokens.append(tuple(words))
            for word in words:
                postings[word].add(i)
        self.postings = dict(postings)
        self.sorted_tokens = sorted(postings)
        by_length: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for word in self.sorted_tokens:
            for n in range(1, len(word) + 1):
                by_length[n][word[:n]].append(word)
        self.prefixes = {n: dict(table) for n, table in by_length.items()}
        self.prefix_lists = {n: list(table) for n, table in self.prefixes.items()}
        #: (word, fuzzy) -> the labels it matches (:meth:`_labels_of`), at most LEVELS_KEPT
        self._levels: dict[tuple[str, bool], dict[int, int]] = {}

    def token_matches(
        self, query_token: str, *, fuzzy: bool = True, within: set[str] | None = None
    ) -> dict[str, int]:
        """Label tokens matching ``query_token``: 1 by prefix, 2 fuzzily (level numbers).

        ``within`` restricts the search to those label tokens (a scan of a few is cheaper).
        """
        found: dict[str, int] = {}
        if within is None:
            start = bisect_left(self.sorted_tokens, query_token)
            for word in self.sorted_tokens[start:]:
                if not word.startswith(query_token):
                    break
                found[word] = 1
        else:
            found = {word: 1 for word in within if word.startswith(query_token)}
        n, k = len(query_token), max_typos(len(query_token))
        for length in range(max(1, n - k), n + k + 1) if fuzzy and k else ():
            if within is None:
                table = self.prefixes.get(length, {})
                choices = self.prefix_lists.get(length, [])
            else:
                table = defaultdict(list)
                for word in within:
                    if len(word) >= length:
                        table[word[:length]].append(word)
                choices = list(table)
            if not choices:
                continue
            hits = process.extract(
                query_token,
                choices,
                scorer=OSA.distance,
                score_cutoff=k,
                limit=None,
            )
            for prefix, _distance, _i in hits:
                if n < SHORT_TOKEN and (length < n or prefix[0] != query_token[0]):
                    # a short word does not drift to a shorter prefix of another word
                    # ("fire" is not "fie…ld") nor to one of another first letter ("dire…")
                    continue
                for word in table[prefix]:
                    found.setdefault(word, 2)
        return found

    def _labels_of(self, word: str, fuzzy: bool) -> dict[int, int]:
        """Every label holding a token that ``word`` matches, with its best level (read
        only: kept for the next runs of a query's words and the next keystrokes, which match
        the same words again)."""
        key = (word, fuzzy)
        levels = self._levels.get(key)
        if levels is not None:
            return levels
        levels = {}
        for token, level in self.token_matches(word, fuzzy=fuzzy).items():
            for label in self.postings[token]:
                if levels.get(label, 3) > level:
                    levels[label] = level
        if len(self._levels) >= LEVELS_KEPT:
            self._levels.clear()
        self._levels[key] = levels
        return levels

    def label_matches(self, query: str, *, fuzzy: bool = True) -> dict[int, int]:
        """Labels matching ``query``, each with its level (0 exact, 1 prefix, 2 fuzzy).

        The cheapest query tokens (no typo allowed, longest) are matched first over every
        label; once few labels remain, the next tokens are matched against their tokens only.
        """
        words = tokens(query)
        if not words:
            return {}
        matched: dict[int, int] | None = None
        for word in sorted(dict.fromkeys(words), key=lambda w: (max_typos(len(w)), -len(w))):
            if matched is not None and len(matched) <= LOCAL_SCAN_LABELS:
                within = {t for i in matched for t in self.label_tokens[i]}
                found = self.token_matches(word, fuzzy=fuzzy, within=within)
                matched = {
                    i: max(level, best)
                    for i, level in matched.items()
                    if (best := min(found.get(t, 3) for t in self.label_tokens[i])) < 3
                }
            else:
                levels = self._labels_of(word, fuzzy)
                if matched is None:
                    matched = levels
                else:
                    matched = {i: max(lv, levels[i]) for i, lv in matched.items() if i in levels}
            if not matched:
                return {}
        joined = " ".join(words)
        return {i: 0 if self.folded[i] == joined else lv for i, lv in matched.items()}


def matcher_for(index: ConceptIndex) -> Matcher:
    """The :class:`Matcher` of ``index``, built on first use and kept with it."""
    matcher = index.cache.get("matcher")
    if matcher is None:
        matcher = index.cache["matcher"] = Matcher(index)
    return matcher


def suggest(index: ConceptIndex, query: str, *, lang: str = "en", limit: int = 10) -> list[dict]:
    """The ranked suggestions for ``query`` (see the module docstring)."""
    matcher = matcher_for(index)
    joined = " ".join(tokens(query))
    # Fuzzy matches rank after every exact or prefix one: look for them only when the
    # exact and prefix matches name fewer than ``limit`` concepts.
    matches = matcher.label_matches(query, fuzzy=False)
    if len({index.labels[i].iri for i in matches}) < limit:
        matches = matcher.label_matches(query)
    best: dict[str, _Hit] = {}
    for i, level in matches.items():
        entry = index.labels[i]
        concept = index.concepts[entry.iri]
        key = (
            level,
            0 if concept.in_thesaurus else 1,
            concept.depth,
            -concept.count,
            0 if matcher.folded[i].startswith(joined) else 1,
            _KIND_ORDER[entry.kind],
            0 if entry.lang == lang else 1,
            len(entry.text),
            entry.text,
            entry.lang,
            entry.iri,
        )
        current = best.get(entry.iri)
        if current is None or key < current.key:
            best[entry.iri] = _Hit(key, i, level)
    ranked = sorted(best.values(), key=lambda hit: hit.key)[:limit]
    return [_suggestion(index, hit, lang) for hit in ranked]


def _label(index: ConceptIndex, iri: str | None, lang: str) -> dict | None:
    if iri is None or iri not in index.concepts:
        return None
    return pick_pref(index.concepts[iri].pref, lang)


def pick_pref(pref: dict[str, str], lang: str) -> dict | None:
    """``{text, lang}``: the prefLabel in ``lang``, else in en or fr, untagged, any other."""
    for key in (lang, *LANGUAGES, "", *sorted(pref)):
        if pref.get(key):
            return {"text": pref[key], "lang": key}
    return None


def _suggestion(index: ConceptIndex, hit: _Hit, lang: str) -> dict:
    entry = index.labels[hit.label]
    concept = index.concepts[entry.iri]
    label = _label(index, concept.iri, lang) or {"text": entry.text, "lang": entry.lang}
    compartment = _label(index, concept.compartment, lang)
    return {
        "iri": concept.iri,
        "label": label["text"],
        "labelLang": label["lang"] or None,
        "matched": {"text": entry.text, "kind": entry.kind, "lang": entry.lang or None},
        "match": MATCH_LEVELS[hit.level],
        "compartment": None
        if compartment is None
        else {"iri": concept.compartment, "label": compartment["text"]},
        "scheme": concept.scheme,
        "vocabulary": vocabulary_name(concept.graph),
        "depth": concept.depth,
        "count": concept.count,
    }
