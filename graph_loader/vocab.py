"""External SKOS vocabularies: load one into its own named graph with its closure; statistics.

:func:`load_vocabulary` reads any SKOS file (format detected from its content), computes the
SKOS closure with SPARQL on a scratch pyoxigraph store (``skos:broader`` and ``skos:narrower``
both ways, ``skos:broaderTransitive``, ``skos:topConceptOf`` and ``skos:hasTopConcept`` both
ways) and replaces the graph :func:`graph_loader.terms.vocabulary_graph` of its name with the
asserted and inferred triples together, so reloading is idempotent.
:func:`vocabulary_stats` counts concepts per level and per top concept, labels and definitions
per language, in the GAIA thesaurus graph or a loaded vocabulary's graph.
:func:`skosify_warnings` runs skosify's checks and returns what it logged.
"""

from __future__ import annotations

import logging
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib

from .errors import InputError
from .formats import read_triples
from .messages import CLI
from .namespaces import GAIA, SKOS
from .queries import load_query
from .store import Store
from .terms import THESAURUS_GRAPH, vocabulary_graph

__all__ = [
    "VocabularyLoad",
    "LEVELS",
    "slugify",
    "load_vocabulary",
    "write_vocabulary",
    "vocabulary_stats",
    "skosify_warnings",
    "graph_skosify_warnings",
]

#: GAIA level class -> level name in :func:`vocabulary_stats`, top to bottom
#: (keys are strings: looked up with pyoxigraph ``.value``)
LEVELS = {
    str(GAIA.Compartment): "compartment",
    str(GAIA.SubDomain): "sub-domain",
    str(GAIA.Variable): "variable",
}
LABEL_PROPERTIES = {
    str(SKOS.prefLabel): "prefLabel",
    str(SKOS.altLabel): "altLabel",
    str(SKOS.hiddenLabel): "hiddenLabel",
}
DEFINITION = str(SKOS.definition)
CONCEPT = ox.NamedNode(SKOS.Concept)
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

#: ``progress(key, total) -> tick(n)``: a progress bar named by a message key of ``CLI``
Progress = Callable[[str, int], Callable[[int], None]]


def slugify(name: str) -> str:
    """A graph-name slug: ASCII lowercase words joined by ``-``.

    >>> slugify("GCMD Science Keywords (v9)")
    'gcmd-science-keywords-v9'
    """
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


@dataclass(frozen=True, slots=True)
class VocabularyLoad:
    """What :func:`load_vocabulary` did."""

    name: str
    graph: ox.NamedNode
    concepts: int
    labels: dict[str, int]  # language ("" when untagged) -> pref/alt/hidden labels
    asserted: int
    inferred: int
    triples: int
    seconds: float
    phases: dict[str, float] = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        """One line saying what was loaded, in ``lang`` (fr or en)."""
        langs = ", ".join(f"{k or '-'} {v}" for k, v in sorted(self.labels.items()))
        return CLI.text(
            "vocab.loaded",
            lang,
            name=self.name,
            concepts=CLI.plural("vocab.concepts", self.concepts, lang),
            labels=CLI.plural("vocab.labels", sum(self.labels.values()), lang),
            langs=langs,
            asserted=CLI.plural("vocab.asserted", self.asserted, lang),
            inferred=self.inferred,
            triples=self.triples,
            graph=self.graph.value,
            seconds=self.seconds,
        )


def load_vocabulary(
    store: Store,
    path: str | Path,
    *,
    name: str | None = None,
    progress: Progress | None = None,
) -> VocabularyLoad:
    """Load the SKOS file ``path`` into the graph of ``name`` (default: the file's stem)."""
    path = Path(path)
    slug = slugify(name if name is not None else path.stem)
    if not slug:
        raise InputError(f"{path}: no usable vocabulary name in {name or path.stem!r}")
    start = time.perf_counter()
    phases: dict[str, float] = {}
    tick = progress(CLI.mark("progress.vocabulary"), 3) if progress else (lambda n: None)
    triples = read_triples(path.read_bytes(), name=str(path), base_iri=path.resolve().as_uri())
    phases["read"] = time.perf_counter() - start
    tick(1)
    return write_vocabulary(store, triples, slug, start=start, phases=phases, tick=tick)


def write_vocabulary(
    store: Store, triples, slug: str, *, start: float | None = None, phases=None, tick=None
) -> VocabularyLoad:
    """Write the statements of a vocabulary, SKOS closure included, into the graph of
    ``slug`` (what :func:`load_vocabulary` does once the file is read; ``gaia-kg load`` calls
    it for a document that is a vocabulary rather than records)."""
    start = time.perf_counter() if start is None else start
    phases = {} if phases is None else phases
    tick = tick or (lambda n: None)
    phases.setdefault("read", 0.0)
    scratch = ox.Store()
    scratch.bulk_extend([ox.Quad(t.subject, t.predicate, t.object) for t in triples])
    asserted = len(scratch)
    closure = scratch.query(load_query("vocab/closure"))
    scratch.bulk_extend([ox.Quad(t.subject, t.predicate, t.object) for t in closure])
    phases["closure"] = time.perf_counter() - start - phases["read"]
    tick(1)
    written = [q.triple for q in scratch]
    graph = vocabulary_graph(slug)
    store.replace_graph(graph, written)
    phases["write"] = time.perf_counter() - start - phases["read"] - phases["closure"]
    tick(1)
    return VocabularyLoad(
        name=slug,
        graph=graph,
        concepts=sum(1 for _ in scratch.quads_for_pattern(None, RDF_TYPE, CONCEPT, None)),
        labels=_label_languages(scratch),
        asserted=asserted,
        inferred=len(written) - asserted,
        triples=len(written),
        seconds=time.perf_counter() - start,
        phases=phases,
    )


def _label_languages(scratch: ox.Store) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for iri in LABEL_PROPERTIES:
        for quad in scratch.quads_for_pattern(None, ox.NamedNode(iri), None, None):
            obj = quad.object
            counts[obj.language or "" if isinstance(obj, ox.Literal) else ""] += 1
    return dict(sorted(counts.items()))


def vocabulary_stats(store: Store, name: str | None = None) -> dict:
    """Figures of the GAIA thesaurus (``name`` None) or of the loaded vocabulary ``name``.

    ``levels``: concepts per GAIA level (compartment, sub-domain, variable) when every concept
    has a level class, else per depth (``"1"`` = no broader concept); ``top_concepts``:
    concepts below each concept that has no broader one, keyed by the last segment of its IRI;
    ``labels``: per property and language; ``definitions``: per language.
    """
    graph = THESAURUS_GRAPH if name is None else vocabulary_graph(slugify(name))
    if graph not in store.named_graphs():
        raise InputError(f"no vocabulary graph <{graph.value}> in the store")
    rows = store.select(load_query("vocab/concepts"), {"g": graph})
    concepts = {row["concept"] for row in rows}
    parents: dict[ox.NamedNode, set] = {c: set() for c in concepts}
    for row in store.select(load_query("vocab/broader"), {"g": graph}):
        parents.setdefault(row["narrow"], set()).add(row["broad"])
    ancestors = _ancestors(parents)
    if all("level" in row for row in rows):
        counts = Counter(LEVELS[row["level"].value] for row in rows)
        levels = {level: counts[level] for level in LEVELS.values()}
    else:
        depths = Counter(str(_depth(c, parents, {})) for c in concepts)
        levels = {k: depths[k] for k in sorted(depths, key=int)}
    below = Counter(a for c in concepts for a in ancestors[c])
    tops = {_local_name(c.value): below[c] for c in concepts if not parents[c]}
    labels: dict[str, dict[str, int]] = {p: {} for p in LABEL_PROPERTIES.values()}
    definitions: dict[str, int] = {}
    for row in store.select(load_query("vocab/labels"), {"g": graph}):
        lang, n = row["lang"].value, int(row["n"].value)
        prop = row["property"].value
        target = definitions if prop == DEFINITION else labels[LABEL_PROPERTIES[prop]]
        target[lang] = n
    return {
        "graph": graph.value,
        "concepts": len(concepts),
        "levels": levels,
        "top_concepts": dict(sorted(tops.items())),
        "labels": {p: dict(sorted(v.items())) for p, v in labels.items()},
        "definitions": dict(sorted(definitions.items())),
    }


def _ancestors(parents: dict) -> dict:
    """Every concept's ancestors (cycles tolerated: a concept may be its own ancestor)."""
    found: dict = {}
    for concept in parents:
        pending, seen = list(parents[concept]), set()
        while pending:
            node = pending.pop()
            if node not in seen:
                seen.add(node)
                pending.extend(parents.get(node, ()))
        found[concept] = seen
    return found


def _depth(concept, parents: dict, memo: dict) -> int:
    """1 + the length of the shortest broader chain up to a concept without broader."""
    if concept not in memo:
        memo[concept] = 1  # a cycle stops here
        above = parents.get(concept, ())
        memo[concept] = 1 + min((_depth(p, parents, memo) for p in above), default=0)
    return memo[concept]


def _local_name(iri: str) -> str:
    return re.split(r"[/#]", iri.rstrip("/#"))[-1]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


def skosify_warnings(graph: rdflib.Graph) -> list[str]:
    """Run skosify (checks and inferences, on a copy of ``graph``); return its warnings."""
    import skosify

    copy = rdflib.Graph()
    for triple in graph:
        copy.add(triple)
    root = logging.getLogger()
    handler = _Collect()
    root.addHandler(handler)
    try:
        skosify.skosify(copy, label=None, break_cycles=False, keep_related=True)
    finally:
        root.removeHandler(handler)
    return handler.messages


def graph_skosify_warnings(store: Store, name: str | None = None) -> list[str]:
    """:func:`skosify_warnings` of the GAIA thesaurus graph (``name`` None) or of a vocabulary."""
    from .validation.terms import to_rdflib

    graph = THESAURUS_GRAPH if name is None else vocabulary_graph(slugify(name))
    if graph not in store.named_graphs():
        raise InputError(f"no vocabulary graph <{graph.value}> in the store")
    copy = rdflib.Graph()
    for t in store.graph_triples(graph):
        copy.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return skosify_warnings(copy)
