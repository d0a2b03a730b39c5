"""The concepts and places that runs of query words name.

Runs of words that name a concept of any loaded vocabulary (a prefLabel, altLabel or
hiddenLabel in any language, acronyms included; an exact match, or a near one for the same
number of words) are *matched*, longest runs first, each word once; a word not in such a run
may still name a one-word label by its stem (``seismological`` names *Seismology*). Runs of
words that name a place of the gazetteer (:mod:`sparql_api.core.places`) are matched the
same way. A run of stop words alone names nothing (*and* is not the Andes).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from graph_loader.index.schema import LANGS
from graph_loader.parsing import tokens
from sparql_api.core.concept_index import ConceptIndex, Place
from sparql_api.search.autocomplete import matcher_for, max_typos
from sparql_api.search.words import OPTIONAL_WORDS, analyze, is_stop_word

__all__ = [
    "MatchedConcept",
    "near_word",
    "match_concepts",
    "stem_concepts",
    "named_concepts",
    "named_places",
    "content_words",
    "PLURAL_ENDINGS",
    "FUZZY_LEVEL",
    "STEM_MIN_CHARS",
]

#: what a plural adds to its singular, in French and English (folded)
PLURAL_ENDINGS = frozenset({"s", "x", "es"})
#: the level of :meth:`Matcher.label_matches` at which a label is matched within typos only
FUZZY_LEVEL = 2
#: a word names a one-word label by its stem (an adjective its noun) when the stem is this long
STEM_MIN_CHARS = 7


@dataclass(slots=True)
class MatchedConcept:
    """A concept named by a run of query words, and how it was named."""

    iri: str
    label: str
    lang: str
    words: tuple[int, ...]


def near_word(word: str, label_word: str) -> bool:
    """True when a query word names a label word as a whole: equal, its singular or plural
    (the other with a plural ending of French or English, :data:`PLURAL_ENDINGS`: *tempête* /
    *tempêtes*, *feu* / *feux*; *ocean* is not *Oceania*), or within the typos its length
    allows (:func:`max_typos`) with the same first letter (people mistype the middle and end
    of a word: *orages*, storms, is not *forages*, boreholes). A word that merely starts like a
    longer one does not: *temper* (typed *tempér*) is not *tempetes*.

    >>> near_word("temper", "tempetes"), near_word("tempete", "tempetes")
    (False, True)
    >>> near_word("thikness", "thickness"), near_word("feu", "feux"), near_word("ocean", "oceania")
    (True, True, False)
    >>> near_word("orages", "forages")
    False
    """
    if word == label_word:
        return True
    short, long_ = sorted((word, label_word), key=len)
    if len(short) >= 3 and long_.startswith(short) and long_[len(short) :] in PLURAL_ENDINGS:
        return True
    if word[:1] != label_word[:1]:
        return False  # a typo keeps the first letter: *orages* is not *forages*
    return OSA.distance(word, label_word) <= max_typos(len(word))


def match_concepts(index: ConceptIndex, words: list[str], lang: str = "en") -> list[MatchedConcept]:
    """Concepts named by runs of ``words`` (folded), longest runs first, each word once;
    each with its best label (exact first, then GAIA first, then in ``lang``). A run that
    names a label as written (or in another number) does not also name those within typos
    (*couverture neigeuse* is not *couverture nuageuse*)."""
    used: set[int] = set()
    found: list[MatchedConcept] = []
    for n in range(len(words), 0, -1):
        for start in range(0, len(words) - n + 1):
            span = tuple(range(start, start + n))
            if used.intersection(span):
                continue
            best = _run_labels(index, words[start : start + n], lang)
            if best:
                used.update(span)
                # a typo reading only when the words name no label as written
                closest = min(key[0] for key, _entry in best.values())
                for iri, (key, entry) in sorted(best.items()):
                    if key[0] < FUZZY_LEVEL or closest == FUZZY_LEVEL:
                        found.append(MatchedConcept(iri, entry.text, entry.lang, span))
    return found


def _run_labels(index: ConceptIndex, run: list[str], lang: str) -> dict[str, tuple]:
    """The best label of each concept the words of ``run`` name together, with its rank key
    (level, GAIA first, ``lang`` first, text). The stop words of the run and of the labels
    do not count (*données des observatoires* names *Données d'observatoires*, *glace de la
    mer* names *Glace de mer*)."""
    content = content_words(run)
    phrase = " ".join(content)
    if len(phrase) < 3:
        return {}
    # a run that starts or ends with a stop word names only a label written so (*La Réunion*)
    bounded = len(content) < len(run) and (run[0] != content[0] or run[-1] != content[-1])
    matcher = matcher_for(index)
    label_content = _label_content(index)
    best: dict[str, tuple] = {}
    for i, level in matcher.label_matches(phrase, fuzzy=len(phrase) >= 5).items():
        label_words = label_content[i]
        if bounded:
            if matcher.label_tokens[i] != tuple(run):
                continue
            level = 0
        elif label_words == content:
            level = 0  # the same words, stop words aside
        if level and (
            len(label_words) != len(content)
            or abs(len(" ".join(label_words)) - len(phrase)) > 2
            or not all(map(near_word, content, label_words))
        ):
            continue
        entry = index.labels[i]
        gaia = 0 if index.concepts[entry.iri].in_thesaurus else 1
        key = (level, gaia, 0 if entry.lang == lang else 1, entry.text)
        if entry.iri not in best or key < best[entry.iri][0]:
            best[entry.iri] = (key, entry)
    return best


@lru_cache(maxsize=4096)
def _is_stop(word: str) -> bool:
    return is_stop_word(word)


def content_words(words: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """``words`` (folded) less the stop words of French and English.

    >>> content_words(["donnees", "des", "observatoires"])
    ('donnees', 'observatoires')
    """
    return tuple(w for w in words if not _is_stop(w))


def _label_content(index: ConceptIndex) -> list[tuple[str, ...]]:
    """The words of each label of ``index`` less its stop words (made once per index)."""
    table = index.cache.get("label_content")
    if table is None:
        table = [content_words(words) for words in matcher_for(index).label_tokens]
        index.cache["label_content"] = table
    return table


def _stems(word: str) -> set[str]:
    """The French and English stems of a folded word (those long enough to be telling)."""
    return {tok for lang in LANGS for tok in analyze(lang, word) if len(tok) >= STEM_MIN_CHARS}


def _stem_table(index: ConceptIndex) -> dict[str, list]:
    """The one-word labels of ``index`` by stem (made once per index)."""
    table = index.cache.get("stems")
    if table is None:
        table = {}
        for entry in index.labels:
            folded = tokens(entry.text)
            if len(folded) == 1:
                for stem in _stems(folded[0]):
                    table.setdefault(stem, []).append(entry)
        index.cache["stems"] = table
    return table


def stem_concepts(
    index: ConceptIndex, words: list[str], used: set[int], lang: str = "en"
) -> list[MatchedConcept]:
    """Concepts whose one-word label has the stem of a query word not already used
    (``seismological`` names *Seismology*, ``sismologiques`` *Sismologie*), one per word."""
    table = _stem_table(index)
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


def named_concepts(
    concepts: ConceptIndex | None, words: list[str], stop: list[bool], lang: str
) -> list[MatchedConcept]:
    """The concepts the runs of ``words`` name, then those a remaining word names by its stem;
    a run of stop words (``stop``, per word) alone names nothing."""
    if concepts is None:
        return []
    matched = match_concepts(concepts, words, lang)
    used = {i for c in matched for i in c.words}
    matched += stem_concepts(concepts, words, used, lang)
    return [c for c in matched if not all(stop[w] for w in c.words)]


def named_places(
    concepts: ConceptIndex | None, words: list[str], stop: list[bool], lang: str
) -> tuple[list[MatchedConcept], dict[str, Place]]:
    """The places of the gazetteer the runs of ``words`` name, and each of them by IRI."""
    gazetteer = concepts.places if concepts is not None else None
    if gazetteer is None:
        return [], {}
    places = match_concepts(gazetteer.names, words, lang)
    places = [p for p in places if not all(stop[w] for w in p.words)]
    return places, {p.iri: gazetteer.places[p.iri] for p in places}
