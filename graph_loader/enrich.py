"""Keyword → concept linking: records land in the GAIA thesaurus by their keywords.

Each ``dcat:keyword`` of a dataset, service, piece of software (CodeMeta's ``keywords`` become
``dcat:keyword``) or tutorial is matched, accents and case folded, against
every label (pref, alt, hidden, fr and en) of the GAIA thesaurus, then — when the GCMD
Science Keywords are loaded (``gaia-kg vocab load sciencekeywords.rdf``) — as a GCMD keyword
or keyword path ("EARTH SCIENCE > ATMOSPHERE > AEROSOLS") landed through the alignments. A
match adds ``dcat:theme`` (and ``gaia:variable`` for a variable) to the record; the keyword
itself is kept. Records already tagged with a thesaurus concept by their publisher are left as
they are. Unmatched keywords are counted per source for the load report.

When the GCMD platforms or instruments vocabularies are loaded (``gaia-kg vocab load
platforms.rdf``), a keyword that is the preferred label of one of their concepts that has no
narrower ones (a platform, not a category or a series) and not a concept of the thesaurus
(the keyword "wind" is the variable, not NASA's WIND spacecraft) — letters and digits
compared, so ``sentinel-2a``, ``Sentinel 2A`` and ``SENTINEL-2A`` are one — adds
``gaia:platform`` or ``gaia:instrument`` (how STAC summaries' platforms and instruments, and
ISO records' GCMD platform keywords, reach the platform facet).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Namespace

from .namespaces import DCAT
from .parsing import fold
from .queries import load_query
from .store import Store
from .terms import THESAURUS_GRAPH, THESAURUS_NS, gaia

__all__ = ["KeywordLinker", "KeywordReport"]

KEYWORD = ox.NamedNode(DCAT.keyword)
THEME = ox.NamedNode(DCAT.theme)
VARIABLE = gaia("variable")
GCMD_SCHEME = "https://gcmd.earthdata.nasa.gov/kms/concepts/concept_scheme/sciencekeywords"
ALIGNMENTS_GRAPH = "https://w3id.org/gaia-kg/graph/alignments"
GCMD_SCHEMES = Namespace("https://gcmd.earthdata.nasa.gov/kms/concepts/concept_scheme/")
#: GCMD scheme (a string: looked up with pyoxigraph ``.value``) -> the property linking a
#: resource to its concepts
DEVICE_SCHEMES = {
    str(GCMD_SCHEMES.platforms): gaia("platform"),
    str(GCMD_SCHEMES.instruments): gaia("instrument"),
}
LINKED_KINDS = {"dataset", "service", "software", "tutorial"}


@dataclass(slots=True)
class KeywordReport:
    """Keywords seen, linked and unmatched, per source file."""

    linked: Counter = field(default_factory=Counter)
    unmatched: dict[str, Counter] = field(default_factory=dict)

    def miss(self, source: str, keyword: str) -> None:
        self.unmatched.setdefault(source, Counter())[keyword] += 1


class KeywordLinker:
    """Finds the GAIA concepts a keyword names; build it once per load with :meth:`from_store`."""

    def __init__(self, labels: dict[str, set[str]], variables: set[str], gcmd=None, devices=None):
        self.labels = labels
        self.variables = variables
        self._gcmd = gcmd  # (paths, gcmd graph, alignments) as rdflib objects, or None
        self._memo: dict[str, frozenset[str]] = {}
        #: device key (see :func:`device_key`) -> {(gaia:platform or gaia:instrument, concept)}
        self.devices: dict[str, set[tuple[ox.NamedNode, ox.NamedNode]]] = devices or {}

    @classmethod
    def from_store(cls, store: Store) -> KeywordLinker:
        """Labels of the thesaurus graph (and GCMD, with its alignments, when loaded)."""
        labels: dict[str, set[str]] = {}
        variables: set[str] = set()
        bindings = {"thesaurus": THESAURUS_GRAPH, "variableClass": gaia("Variable")}
        for row in store.select(load_query("enrich/labels"), bindings):
            concept = row["concept"].value
            labels.setdefault(fold(row["label"].value).strip(), set()).add(concept)
            if row["isVariable"].value == "true":
                variables.add(concept)
        devices: dict[str, set] = {}
        for row in store.select(load_query("enrich/device-labels")):
            key = device_key(row["label"].value)
            if key:
                prop = DEVICE_SCHEMES[row["scheme"].value]
                devices.setdefault(key, set()).add((prop, row["concept"]))
        return cls(labels, variables, _gcmd_tables(store), devices)

    def link(self, keyword: str) -> frozenset[str]:
        """The GAIA concept IRIs ``keyword`` names (empty when none)."""
        key = fold(keyword).strip()
        if key not in self._memo:
            found = self.labels.get(key, set())
            if not found and self._gcmd is not None:
                from .alignment import resolve_gcmd_keyword

                paths, graph, alignments = self._gcmd
                found = {str(c) for c in resolve_gcmd_keyword(keyword, paths, graph, alignments)}
            self._memo[key] = frozenset(found)
        return self._memo[key]

    def augment(self, root, kind: str, triples, source: str, report: KeywordReport) -> list:
        """Triples to add to one record: its themes and variables named by its keywords, and
        its GCMD platforms and instruments."""
        if kind not in LINKED_KINDS:
            return []
        words = [
            t.object.value
            for t in triples
            if t.subject == root and t.predicate == KEYWORD and isinstance(t.object, ox.Literal)
        ]
        extra, devices = self._devices(root, triples, words)
        present = {
            t.object.value
            for t in triples
            if t.subject == root and t.predicate in (THEME, VARIABLE)
        }
        if any(iri.startswith(THESAURUS_NS) for iri in present):
            return extra  # its publisher already placed it in the thesaurus: trust that
        for word in words:
            concepts = self.link(word)
            if not concepts:
                if word not in devices:
                    report.miss(source, word)
                continue
            report.linked[source] += 1
            for iri in sorted(concepts - present):
                concept = ox.NamedNode(iri)
                extra.append(ox.Quad(root, THEME, concept))
                if iri in self.variables:
                    extra.append(ox.Quad(root, VARIABLE, concept))
                present.add(iri)
        return extra

    def _devices(self, root, triples, words: list[str]) -> tuple[list, set[str]]:
        """The gaia:platform / gaia:instrument statements the keywords name (not already
        there), and the keywords that named one."""
        if not self.devices:
            return [], set()
        present = {(t.predicate, t.object) for t in triples if t.subject == root}
        extra, named = [], set()
        for word in words:
            if self.link(word):
                continue  # a keyword naming a thesaurus concept ("wind", "ice") is no platform
            for prop, concept in sorted(self.devices.get(device_key(word), ()), key=str):
                named.add(word)
                if (prop, concept) not in present:
                    present.add((prop, concept))
                    extra.append(ox.Quad(root, prop, concept))
        return extra, named


def device_key(label: str) -> str:
    """What platform and instrument names are compared by: letters and digits, folded.

    >>> device_key("Sentinel 2A") == device_key("SENTINEL-2A") == "sentinel2a"
    True
    """
    return "".join(ch for ch in fold(label) if ch.isalnum())


def _gcmd_tables(store: Store):
    """The GCMD graph, its label paths and the alignments as rdflib graphs, if loaded."""
    rows = store.select(load_query("enrich/gcmd-graph"), {"scheme": ox.NamedNode(GCMD_SCHEME)})
    if not rows:
        return None
    from rdflib import Graph, URIRef

    from .alignment import label_paths
    from .validation.terms import to_rdflib

    graph, alignments = Graph(), Graph()
    for t in store.graph_triples(rows[0]["g"]):
        graph.add(tuple(to_rdflib(x) for x in (t.subject, t.predicate, t.object)))
    for t in store.graph_triples(ox.NamedNode(ALIGNMENTS_GRAPH)):
        alignments.add(tuple(to_rdflib(x) for x in (t.subject, t.predicate, t.object)))
    roots = [
        s
        for s in graph.subjects()
        if str(graph.value(s, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")))
        == "EARTH SCIENCE"
    ]
    if not roots:
        return None
    return label_paths(graph, roots[0]), graph, alignments
