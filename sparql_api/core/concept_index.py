"""The concepts of every loaded vocabulary, read once from the store into memory.

:func:`build_concept_index` reads the GAIA thesaurus graph and the external vocabulary graphs
(``terms.vocabulary_graph(name)``): labels, broader edges (``skos:broader`` or the inverse of
``skos:narrower``, inside each graph), related edges (``skos:related``, either way), schemes
and mappings; depths and compartments are
computed in Python, counts (distinct resources tagged at or below a concept with
``gaia:variable`` or ``dcat:theme``) by one SPARQL aggregate. The places of the gazetteer
graph are read alongside, apart from the concepts (:func:`read_gazetteer`; the spatial
tests are in :mod:`sparql_api.core.places`).
:class:`ConceptIndexHolder` keeps one index per process and rebuilds it when the store's
:func:`signature` changes.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field

import pyoxigraph as ox

from graph_loader.namespaces import GAIA_GRAPH, SKOS
from graph_loader.parsing import parse_bbox
from graph_loader.store import Store
from graph_loader.terms import PLACES_GRAPH, THESAURUS_GRAPH
from sparql_api.core.rq import load_query

__all__ = [
    "Concept",
    "LabelEntry",
    "ConceptIndex",
    "ConceptIndexHolder",
    "build_concept_index",
    "signature",
    "vocabulary_name",
    "graph_bindings",
    "LABEL_KINDS",
    "Box",
    "Place",
    "Gazetteer",
    "read_gazetteer",
]

#: label predicates (strings: looked up with pyoxigraph ``.value``) and the kind a suggestion
#: reports
LABEL_KINDS = {
    str(SKOS.prefLabel): "pref",
    str(SKOS.altLabel): "alt",
    str(SKOS.hiddenLabel): "hidden",
}
VOCABULARIES_PREFIX = str(GAIA_GRAPH["vocabulary/"])

#: (west, south, east, north) in degrees; west > east crosses the antimeridian
Box = tuple[float, float, float, float]

log = logging.getLogger(__name__)


def graph_bindings() -> dict[str, ox.NamedNode | ox.Literal]:
    """The bindings selecting the vocabulary graphs (and the places graph, for the
    signature) in the ``concept_*.rq`` queries."""
    return {
        "thesaurus": THESAURUS_GRAPH,
        "vocabularies": ox.Literal(VOCABULARIES_PREFIX),
        "places": PLACES_GRAPH,
    }


def vocabulary_name(graph: str) -> str:
    """``gaia`` for the thesaurus graph, else the name of an external vocabulary graph."""
    if graph == THESAURUS_GRAPH.value:
        return "gaia"
    return graph.removeprefix(VOCABULARIES_PREFIX)


@dataclass(frozen=True, slots=True)
class LabelEntry:
    """One label of one concept: its text, kind (pref, alt, hidden) and language."""

    iri: str
    text: str
    kind: str
    lang: str


@dataclass(slots=True)
class Concept:
    """A concept as the index knows it."""

    iri: str
    graph: str
    scheme: str
    pref: dict[str, str] = field(default_factory=dict)  # language ('' untagged) -> prefLabel
    broader: list[str] = field(default_factory=list)
    narrower: list[str] = field(default_factory=list)
    #: ``skos:related`` concepts of the same graph, either way (a phenomenon and the
    #: variables that observe it)
    related: list[str] = field(default_factory=list)
    depth: int = 0
    count: int = 0
    compartment: str | None = None

    @property
    def in_thesaurus(self) -> bool:
        """True for a concept of the GAIA thesaurus."""
        return self.graph == THESAURUS_GRAPH.value


@dataclass(slots=True)
class ConceptIndex:
    """Concepts by IRI and all their labels; built by :func:`build_concept_index`."""

    concepts: dict[str, Concept]
    labels: list[LabelEntry]
    signature: tuple
    seconds: float = 0.0
    #: structures derived from the index by other modules (the autocomplete tables)
    cache: dict = field(default_factory=dict)
    #: the places of the gazetteer graph (never among ``concepts``)
    places: Gazetteer | None = None

    def ancestors(self, iri: str) -> list[str]:
        """Every concept above ``iri`` (breadth first, nearest first, no repeats)."""
        seen: dict[str, None] = {}
        queue = deque(self.concepts[iri].broader if iri in self.concepts else ())
        while queue:
            b = queue.popleft()
            if b in seen or b == iri or b not in self.concepts:
                continue
            seen[b] = None
            queue.extend(self.concepts[b].broader)
        return list(seen)


def signature(store: Store) -> tuple:
    """A cheap summary of what the index depends on: triples per vocabulary graph, tags, the
    places graph."""
    rows = store.select(load_query("concept_signature"), graph_bindings())
    return tuple(sorted((row["g"].value, int(row["n"].value)) for row in rows))


def build_concept_index(store: Store, *, sig: tuple | None = None) -> ConceptIndex:
    """Read every vocabulary graph of ``store`` into a :class:`ConceptIndex`."""
    started = time.perf_counter()
    sig = signature(store) if sig is None else sig
    bindings = graph_bindings()
    concepts: dict[str, Concept] = {}
    labels: list[LabelEntry] = []
    for row in store.select(load_query("concept_labels"), bindings):
        iri, graph, literal = row["c"].value, row["g"].value, row["label"]
        concept = concepts.get(iri)
        if concept is None:
            concept = concepts[iri] = Concept(iri, graph, graph)
        lang = (literal.language or "").split("-")[0].lower()
        kind = LABEL_KINDS[row["p"].value]
        if kind == "pref" and (lang not in concept.pref or literal.value < concept.pref[lang]):
            concept.pref[lang] = literal.value
        labels.append(LabelEntry(iri, literal.value, kind, lang))
    for row in store.select(load_query("concept_schemes"), bindings):
        concept = concepts.get(row["c"].value)
        if concept is not None and row["g"].value == concept.graph:
            if concept.scheme == concept.graph or row["s"].value < concept.scheme:
                concept.scheme = row["s"].value
    for row in store.select(load_query("concept_edges"), bindings):
        c, b = concepts.get(row["c"].value), concepts.get(row["b"].value)
        if c is not None and b is not None and c.iri != b.iri:
            c.broader.append(b.iri)
            b.narrower.append(c.iri)
    for row in store.select(load_query("concept_related"), bindings):
        a, b = concepts.get(row["a"].value), concepts.get(row["b"].value)
        if a is not None and b is not None and a.iri != b.iri:
            a.related.append(b.iri)
            b.related.append(a.iri)
    for concept in concepts.values():
        concept.broader.sort()
        concept.narrower.sort()
        concept.related = sorted(set(concept.related))
    index = ConceptIndex(concepts, sorted(labels, key=_label_key), sig)
    _depths(index)
    _compartments(index, store)
    _counts(index, store)
    index.places = read_gazetteer(store)
    index.seconds = time.perf_counter() - started
    return index


@dataclass(frozen=True, slots=True)
class Place:
    """One place: its IRI, prefLabel per language and bounding box."""

    iri: str
    pref: dict[str, str]
    box: Box


@dataclass(slots=True)
class Gazetteer:
    """The places by IRI, and their labels as a concept index (for the label matcher)."""

    places: dict[str, Place]
    names: ConceptIndex


def read_gazetteer(store: Store) -> Gazetteer:
    """Every place of the places graph of ``store`` that has a readable box."""
    labels: dict[str, set[tuple[str, str, str]]] = {}
    boxes: dict[str, Box] = {}
    rows = store.select(load_query("place_labels"), {"places": PLACES_GRAPH})
    for row in rows:
        box = parse_bbox(row["bbox"].value)
        if box is None:
            continue
        iri, literal = row["place"].value, row["label"]
        if iri not in boxes or box < boxes[iri]:  # one box per place (the shapes say so)
            boxes[iri] = box
        lang = (literal.language or "").split("-")[0].lower()
        labels.setdefault(iri, set()).add((LABEL_KINDS[row["p"].value], lang, literal.value))
    graph = PLACES_GRAPH.value
    concepts: dict[str, Concept] = {}
    entries: list[LabelEntry] = []
    for iri in sorted(boxes):
        concept = concepts[iri] = Concept(iri, graph, graph)
        for kind, lang, text in sorted(labels[iri]):
            entries.append(LabelEntry(iri, text, kind, lang))
            if kind == "pref" and (lang not in concept.pref or text < concept.pref[lang]):
                concept.pref[lang] = text
    places = {iri: Place(iri, concepts[iri].pref, boxes[iri]) for iri in concepts}
    return Gazetteer(places, ConceptIndex(concepts, entries, ()))


def _label_key(entry: LabelEntry) -> tuple:
    return (entry.iri, entry.kind, entry.lang, entry.text)


def _depths(index: ConceptIndex) -> None:
    """Depth = shortest number of broader steps to a concept without broader (cycles safe)."""
    concepts = index.concepts
    queue = deque(iri for iri, c in concepts.items() if not c.broader)
    done = set(queue)
    while queue:
        iri = queue.popleft()
        for child in concepts[iri].narrower:
            if child not in done:
                done.add(child)
                concepts[child].depth = concepts[iri].depth + 1
                queue.append(child)


def _compartments(index: ConceptIndex, store: Store) -> None:
    """A thesaurus concept's compartment is its top ancestor; an external concept's is that
    of the GAIA concept mapped to it or to its nearest mapped ancestor."""
    concepts = index.concepts
    for concept in concepts.values():
        if concept.in_thesaurus:
            tops = [
                a for a in [concept.iri, *index.ancestors(concept.iri)] if not concepts[a].broader
            ]
            concept.compartment = min(tops) if tops else None
    mapped: dict[str, set[str]] = defaultdict(set)
    for row in store.select(load_query("concept_matches")):
        a, b = concepts.get(row["a"].value), concepts.get(row["b"].value)
        if a is None or b is None or a.in_thesaurus == b.in_thesaurus:
            continue
        gaia, other = (a, b) if a.in_thesaurus else (b, a)
        if gaia.compartment:
            mapped[other.iri].add(gaia.compartment)
    for concept in concepts.values():
        if concept.in_thesaurus:
            continue
        for iri in [concept.iri, *index.ancestors(concept.iri)]:
            if mapped.get(iri):
                concept.compartment = min(mapped[iri])
                break


def _counts(index: ConceptIndex, store: Store) -> None:
    """Distinct resources tagged with each concept or any concept below it."""
    for row in store.select(load_query("concept_counts")):
        concept = index.concepts.get(row["a"].value)
        if concept is not None:
            concept.count = int(row["n"].value)


class ConceptIndexHolder:
    """One :class:`ConceptIndex` per process, rebuilt when the store's signature changes.

    The signature is checked at most every ``check_seconds`` (0: on every call). With
    ``background`` (the app's choice), a due check runs in a thread while requests keep the
    current index, so no request waits for it; only the very first build is waited for.
    ``prepare`` is called on each new index before it is served (the autocomplete tables).
    """

    def __init__(
        self,
        *,
        check_seconds: float = 5.0,
        background: bool = False,
        prepare: Callable[[ConceptIndex], object] | None = None,
    ):
        self.check_seconds = check_seconds
        self.background = background
        self.prepare = prepare  # derives more from a new index before it is served
        self._index: ConceptIndex | None = None
        self._checked = 0.0
        self._lock = threading.Lock()
        self._refreshing = False

    def get(self, store: Store) -> ConceptIndex:
        """The index of ``store``, built on first use and after a change."""
        index = self._index
        if index is not None and time.monotonic() - self._checked < self.check_seconds:
            return index
        if index is not None and self.background:
            with self._lock:
                if self._refreshing:
                    return index
                self._refreshing = True
            threading.Thread(target=self._refresh_quietly, args=(store,), daemon=True).start()
            return index
        with self._lock:
            return self._refresh(store)

    def _refresh(self, store: Store) -> ConceptIndex:
        if self._index is not None and time.monotonic() - self._checked < self.check_seconds:
            return self._index
        # a snapshot of a read-only store cannot change: its signature is read once (a
        # query over every tagging statement: 0.2 s at 100k datasets, every check_seconds)
        sig = store.memo.get(store.snapshot(), "concept_signature", lambda: signature(store))
        if self._index is None or self._index.signature != sig:
            index = build_concept_index(store, sig=sig)
            if self.prepare is not None:
                self.prepare(index)
            self._index = index
        self._checked = time.monotonic()
        return self._index

    def _refresh_quietly(self, store: Store) -> None:
        try:
            with self._lock:
                self._refresh(store)
        except Exception:  # a failed check keeps the old index and is retried later
            log.exception("concept index refresh failed")
            self._checked = time.monotonic()
        finally:
            self._refreshing = False
