"""What every index document needs to know about concepts and facet values: labels, broader
links, the GAIA thesaurus, alignments and the names of taxa, read from the store once per build
(SPARQL in ``data/queries/index/*.rq``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..queries import load_query
from ..store import Store
from ..terms import THESAURUS_GRAPH
from .resources import literal_lang, query_for
from .schema import LANGS

__all__ = ["Vocabularies", "read_vocabularies", "read_value_labels", "facet_values", "LABEL_CHUNK"]


@dataclass(slots=True)
class Vocabularies:
    """Concepts of every loaded vocabulary, as the index build needs them."""

    labels: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    pref: dict[str, dict[str, str]] = field(default_factory=dict)
    broader: dict[str, list[str]] = field(default_factory=dict)
    thesaurus: set[str] = field(default_factory=set)
    matches: dict[str, list[str]] = field(default_factory=dict)
    #: labels of facet values (organisations, licences, formats, platforms) by language
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    #: every scientific and vernacular name of each taxon: ``(lang, name)``
    names: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    _closure: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _joined: dict[str, dict[str, str]] = field(default_factory=dict)
    _sets: dict[tuple[str, ...], tuple] = field(default_factory=dict)

    def joined_labels(self, iri: str) -> dict[str, str]:
        """Every label of ``iri`` per index language, joined (untagged ones in each)."""
        found = self._joined.get(iri)
        if found is None:
            per: dict[str, list[str]] = defaultdict(list)
            for _kind, lang, text in self.labels.get(iri, ()):
                for target in [lang] if lang in LANGS else LANGS:
                    per[target].append(text)
            found = self._joined[iri] = {k: "\n".join(v) for k, v in per.items()}
        return found

    def closure(self, iri: str) -> tuple[str, ...]:
        """``iri`` and every concept above it (cycles safe)."""
        found = self._closure.get(iri)
        if found is None:
            seen: dict[str, None] = {}
            stack = [iri]
            while stack:
                c = stack.pop()
                if c not in seen:
                    seen[c] = None
                    stack.extend(self.broader.get(c, ()))
            found = self._closure[iri] = tuple(seen)
        return found

    def concept_set(self, direct: tuple[str, ...]) -> tuple:
        """For the concepts ``direct`` of a resource: the concepts with all their ancestors
        (in order, once each), those of the GAIA thesaurus, and their labels joined per
        language. Many resources share a set: it is worked out once."""
        found = self._sets.get(direct)
        if found is None:
            closure: dict[str, None] = {}
            for concept in direct:
                closure.update(dict.fromkeys(self.closure(concept)))
            texts: dict[str, list[str]] = defaultdict(list)
            for concept in closure:
                for lang, text in self.joined_labels(concept).items():
                    texts[lang].append(text)
            found = self._sets[direct] = (
                tuple(closure),
                tuple(c for c in closure if c in self.thesaurus),
                {lang: "\n".join(parts) for lang, parts in texts.items()},
            )
        return found

    def meta(self) -> dict:
        """What the search side needs: the thesaurus tree, the taxa tree, labels of concepts
        and values."""
        return {
            "thesaurus": {
                c: {"broader": [b for b in self.broader.get(c, ()) if b in self.thesaurus]}
                for c in sorted(self.thesaurus)
            },
            "taxa": {
                t: {"broader": [b for b in self.broader.get(t, ()) if b in self.names]}
                for t in sorted(self.names)
            },
            "pref": self.pref,
            "matches": self.matches,
            "values": self.values,
        }


def read_vocabularies(store: Store, values: Iterable[str] = ()) -> Vocabularies:
    """Concept labels, broader links, the thesaurus, alignments, and the labels of the facet
    values ``values`` (see :func:`facet_values`)."""
    vocab = Vocabularies()
    labels: dict[str, list] = defaultdict(list)
    for row in store.select(load_query("index/concepts")):
        iri, kind, literal = row["c"].value, row["kind"].value, row["label"]
        lang = literal_lang(literal)
        labels[iri].append((kind, lang, literal.value))
        if kind == "pref":
            pref = vocab.pref.setdefault(iri, {})
            if lang not in pref or literal.value < pref[lang]:
                pref[lang] = literal.value
    vocab.labels = dict(labels)
    broader: dict[str, list[str]] = defaultdict(list)
    for row in store.select(load_query("index/broader")):
        broader[row["c"].value].append(row["b"].value)
    vocab.broader = {c: sorted(set(bs)) for c, bs in broader.items()}
    rows = store.select(load_query("index/thesaurus"), {"thesaurus": THESAURUS_GRAPH})
    vocab.thesaurus = {row["c"].value for row in rows}
    matches: dict[str, set[str]] = defaultdict(set)
    for row in store.select(load_query("index/matches")):
        a, b = row["a"].value, row["b"].value
        matches[a].add(b)
        matches[b].add(a)
    vocab.matches = {a: sorted(bs) for a, bs in matches.items()}
    names: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for row in store.select(load_query("index/taxa")):
        names[row["t"].value].add((literal_lang(row["name"]), row["name"].value))
    vocab.names = {t: sorted(ns) for t, ns in names.items()}
    # the taxa above those of the resources are facet values too (see make_document)
    values = set(values)
    values |= {above for value in values if value in vocab.names for above in vocab.closure(value)}
    vocab.values = read_value_labels(store, values)
    return vocab


#: facet values labelled per chunk of this many (a VALUES block of thousands is slow)
LABEL_CHUNK = 400


def read_value_labels(store: Store, values: Iterable[str]) -> dict[str, dict[str, str]]:
    """The label of each of ``values`` per language (the least one when several)."""
    out: dict[str, dict[str, str]] = {}
    values = sorted(set(values))
    for start in range(0, len(values), LABEL_CHUNK):
        for row in store.select(query_for("index/labels", values[start : start + LABEL_CHUNK])):
            literal = row["label"]
            lang = literal_lang(literal)
            current = out.setdefault(row["r"].value, {})
            if lang not in current or literal.value < current[lang]:
                current[lang] = literal.value
    return out


def facet_values(resources: Iterable[dict]) -> set[str]:
    """The values of the labelled facets (every link but concepts) of ``resources``."""
    return {v for res in resources for name, v in res["links"] if name != "concept"}
