"""Rebuild the inference graph: the ontology's axioms and the SKOS closure, applied to all data.

The schema is closed once with OWL-RL (:func:`graph_loader.ontology.read_schema`); the rules
then run over the store through the :class:`~graph_loader.store.Store` interface only (SPARQL
SELECT, one :meth:`~graph_loader.store.Store.replace_graph`), so they work on either backend:

- ``subclass``: ``s a C``, ``C ⊑ D`` gives ``s a D``;
- ``subproperty``: ``s p o``, ``p ⊑ q`` gives ``s q o``;
- ``inverse``: ``s p o`` gives ``o q s`` for ``q`` an inverse of ``p`` (or ``p`` symmetric),
  composed with sub-properties at schema level (``usedWithDataset`` gives ``hasSoftware`` and
  ``dct:relation`` both ways);
- ``transitive``: the closure of each ``owl:TransitiveProperty`` over every property entailing
  it (``skos:broader``, ``^skos:narrower`` → ``skos:broaderTransitive``), with its inverses;
- ``chain``: ``owl:propertyChainAxiom`` (a resource's data centre's pole is its ``gaia:pole``);
- ``compartment``: each concept gets ``gaia:compartment`` for every compartment strictly above
  it; each resource with a theme (``dcat:theme``, so also ``gaia:variable``) gets the
  compartment of each theme, or the theme itself when it is a compartment. A compartment is a
  concept typed ``gaia:Compartment`` or a top concept of the GAIA scheme.

Rules read asserted triples only: every named graph except the inference graph, whose old
content is ignored, so removing a fact removes its consequences at the next rebuild. Blank
nodes are left out (another graph cannot name them). The graph written holds only triples
not asserted elsewhere. A rule's count is the triples it found; a triple two rules find is
counted under both but once in ``total``.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from .messages import CLI
from .namespaces import DCAT, GAIA_THESAURUS, SKOS
from .ontology import Schema, load_ontology, read_schema
from .queries import load_query
from .store import GraphWrite, Store
from .terms import INFERENCE_GRAPH, RDF_TYPE, gaia

__all__ = [
    "RULES",
    "RULE_LABELS",
    "GAIA_SCHEME",
    "InferenceReport",
    "rebuild_inference",
    "load_ontology",
]

RULES = ("subclass", "subproperty", "inverse", "transitive", "chain", "compartment")

#: the message key naming each rule (:data:`graph_loader.messages.CLI`)
RULE_LABELS = {
    "subclass": CLI.mark("inference.subclass"),
    "subproperty": CLI.mark("inference.subproperty"),
    "inverse": CLI.mark("inference.inverse"),
    "transitive": CLI.mark("inference.transitive"),
    "chain": CLI.mark("inference.chain"),
    "compartment": CLI.mark("inference.compartment"),
}

GAIA_SCHEME = ox.NamedNode(GAIA_THESAURUS.gaia)
BROADER_TRANSITIVE = ox.NamedNode(SKOS.broaderTransitive)
THEME = ox.NamedNode(DCAT.theme)
COMPARTMENT = gaia("compartment")

Pair = tuple[ox.NamedNode, ox.NamedNode | ox.Literal]


@dataclass(frozen=True, slots=True)
class InferenceReport:
    """What a rebuild wrote: triples found per rule, distinct total, elapsed seconds."""

    counts: dict[str, int]
    total: int
    seconds: float

    def __str__(self) -> str:
        return self.message("en")

    def message(self, lang: str = "en") -> str:
        """One line: the total, the time and the count of each rule."""
        rules = ", ".join(f"{rule} {self.counts[rule]}" for rule in RULES)
        return CLI.plural("inference.summary", self.total, lang, seconds=self.seconds, rules=rules)

    def lines(self, lang: str = "en") -> list[str]:
        """One line per rule and a total, in French or English."""
        lines = [
            CLI.text("inference.rule", lang, rule=CLI.text(RULE_LABELS[r], lang), n=self.counts[r])
            for r in RULES
        ]
        lines.append(CLI.text("inference.total", lang, n=self.total, seconds=self.seconds))
        return lines


class _Run:
    """One rebuild: the store, the closed schema, and the asserted edges read so far."""

    def __init__(self, store: Store, schema: Schema):
        self.store = store
        self.schema = schema
        self._edges: dict[ox.NamedNode, set[Pair]] = {}
        self._closures: dict[ox.NamedNode, set[Pair]] = {}

    def select(self, name: str, **bindings: ox.NamedNode) -> list[dict]:
        return self.store.select(
            load_query(f"inference/{name}"),
            {"inference": INFERENCE_GRAPH, **bindings},
        )

    def edges(self, prop: ox.NamedNode) -> set[Pair]:
        """Asserted ``(s, o)`` pairs of ``prop``."""
        if prop not in self._edges:
            rows = self.select("edges", p=prop)
            self._edges[prop] = {(row["s"], row["o"]) for row in rows}
        return self._edges[prop]

    def edges_toward(self, prop: ox.NamedNode) -> set[Pair]:
        """Pairs ``(s, o)`` such that ``s prop o`` is asserted or entailed by one triple."""
        pairs: set[Pair] = set()
        for source, backwards in self.schema.sources(prop):
            for s, o in self.edges(source):
                if not backwards:
                    pairs.add((s, o))
                elif isinstance(o, ox.NamedNode):
                    pairs.add((o, s))
        return pairs

    def closure(self, prop: ox.NamedNode) -> set[Pair]:
        """The transitive closure of :meth:`edges_toward` (no reflexive pairs)."""
        if prop not in self._closures:
            self._closures[prop] = _transitive_closure(self.edges_toward(prop))
        return self._closures[prop]

    def with_expansions(self, prop: ox.NamedNode, pairs: Iterable[Pair]) -> set[ox.Triple]:
        """Triples ``s prop o`` and everything each entails through the schema."""
        expansions = self.schema.expansions(prop)
        triples = set()
        for s, o in pairs:
            triples.add(ox.Triple(s, prop, o))
            for q, backwards in expansions:
                if not backwards:
                    triples.add(ox.Triple(s, q, o))
                elif isinstance(o, ox.NamedNode):
                    triples.add(ox.Triple(o, q, s))
        return triples

    def not_asserted(self, triples: set[ox.Triple]) -> set[ox.Triple]:
        """``triples`` less those asserted in some graph (checked per predicate)."""
        return {t for t in triples if (t.subject, t.object) not in self.edges(t.predicate)}


def _transitive_closure(pairs: Iterable[Pair]) -> set[Pair]:
    following: dict[object, set] = {}
    for a, b in pairs:
        following.setdefault(a, set()).add(b)
    closure: set[Pair] = set()
    for start in following:
        seen: set = set()
        pending = list(following[start])
        while pending:
            node = pending.pop()
            if node in seen:
                continue
            seen.add(node)
            pending.extend(following.get(node, ()))
        closure.update((start, node) for node in seen if node != start)
    return closure


def _subclass(run: _Run) -> set[ox.Triple]:
    found = set()
    for sub, supers in run.schema.superclasses.items():
        for sup in supers:
            for row in run.select("types", sub=sub, super=sup):
                found.add(ox.Triple(row["s"], RDF_TYPE, sup))
    return found


def _properties(run: _Run) -> tuple[set[ox.Triple], set[ox.Triple]]:
    forward, backward = set(), set()
    for p in run.schema.properties:
        for q, backwards in run.schema.expansions(p):
            if q == RDF_TYPE:
                continue
            if backwards:
                rows = run.select("property-inverse", p=p, q=q)
                backward.update(ox.Triple(r["o"], q, r["s"]) for r in rows)
            else:
                rows = run.select("property", p=p, q=q)
                forward.update(ox.Triple(r["s"], q, r["o"]) for r in rows)
    return forward, backward


def _transitive(run: _Run) -> set[ox.Triple]:
    found = set()
    for prop in run.schema.transitive:
        found |= run.with_expansions(prop, run.closure(prop))
    return found


def _chain(run: _Run) -> set[ox.Triple]:
    found = set()
    for prop, steps in run.schema.chains:
        pairs = run.edges_toward(steps[0])
        for step in steps[1:]:
            following: dict[object, set] = {}
            for a, b in run.edges_toward(step):
                following.setdefault(a, set()).add(b)
            pairs = {(s, o) for s, x in pairs for o in following.get(x, ())}
        found |= run.with_expansions(prop, pairs)
    return found


def _compartment(run: _Run) -> set[ox.Triple]:
    compartments = {row["k"] for row in run.select("compartments", scheme=GAIA_SCHEME)}
    if not compartments:
        return set()
    above: dict[object, set] = {}
    for concept, ancestor in run.closure(BROADER_TRANSITIVE):
        if ancestor in compartments:
            above.setdefault(concept, set()).add(ancestor)
    pairs = {(c, k) for c, ks in above.items() for k in ks}
    for resource, theme in run.edges_toward(THEME):
        if theme in compartments:
            pairs.add((resource, theme))
        pairs.update((resource, k) for k in above.get(theme, ()))
    return run.with_expansions(COMPARTMENT, pairs)


def _touched(store: Store, before: set[ox.Triple], triples: set[ox.Triple]) -> set[str]:
    """The resources of records whose inferred statements differ from the inference graph's."""
    from .terms import DESCRIBES

    subjects = {t.subject.value for t in before ^ triples if isinstance(t.subject, ox.NamedNode)}
    if not subjects:
        return subjects
    records = store.select(load_query("feed/records"), {"describes": DESCRIBES})
    return subjects & {row["r"].value for row in records}


def _inference_write(store: Store, before: set[ox.Triple], triples: set[ox.Triple]):
    """The inference graph's write: its differences on an embedded store (whose log, which a
    server opening the store replays, then holds those only: a reload's rewrote the whole
    graph, 150 MB of log at 27,000 records), else the whole graph. Blank nodes cannot be
    named in an update: with one, the whole graph."""
    if store.backend == "embedded" and before and not _blank(before | triples):
        return GraphWrite(INFERENCE_GRAPH, list(triples - before), removed=list(before - triples))
    return GraphWrite(INFERENCE_GRAPH, list(triples))


def _blank(triples: set[ox.Triple]) -> bool:
    return any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)
               for t in triples)  # fmt: skip


def rebuild_inference(store: Store, *, schema: Schema | None = None) -> InferenceReport:
    """Recompute every inferred triple and replace the inference graph with them, at once.

    ``schema`` defaults to the closure of the store's ontology graph (see
    :func:`graph_loader.ontology.load_ontology`).
    """
    from .derived import inference_state_write, store_generation

    start = time.perf_counter()
    generation = store_generation(store)  # read first: records written meanwhile stay stale
    run = _Run(store, schema or read_schema(store))
    forward, backward = _properties(run)
    found = {
        "subclass": _subclass(run),
        "subproperty": forward,
        "inverse": backward,
        "transitive": run.not_asserted(_transitive(run)),
        "chain": run.not_asserted(_chain(run)),
        "compartment": run.not_asserted(_compartment(run)),
    }
    triples = set().union(*found.values())
    # the records' resources whose inferred statements changed: the change feed names them,
    # so that the search indexes following it re-read them (their poles, compartments…)
    before = set(store.graph_triples(INFERENCE_GRAPH))
    touched = _touched(store, before, triples)
    # the inference graph and the generation it reflects, in one transaction
    writes = [_inference_write(store, before, triples), inference_state_write(generation)]
    store.write_graphs(writes, announce=True, touched=touched)
    return InferenceReport(
        counts={rule: len(found[rule]) for rule in RULES},
        total=len(triples),
        seconds=time.perf_counter() - start,
    )
