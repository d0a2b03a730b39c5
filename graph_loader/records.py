"""Splitting a catalogue into records: one graph per resource, with what it owns.

A *record* is one dataset, dataset series, data service, catalogue, publication, piece of
software or tutorial (``schema:LearningResource``), together with the nodes it owns: blank
nodes and described IRIs that are not records or concepts themselves (distributions, periods,
locations, agents, contact points). An agent described once and used by several records is
copied into each, so every record graph stands alone. Blank nodes are replaced by stable skolem
IRIs derived from their content, so loading the same record twice writes the same graph.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import quote

import pyoxigraph as ox

from .namespaces import DCAT, DCAT3, GAIA_GRAPH, SDO, SKOS
from .terms import GRAPHS_NS, RDF_TYPE

__all__ = [
    "Record",
    "Split",
    "index_statements",
    "owned_nodes",
    "split_records",
    "record_graph_iri",
    "source_resource",
    "lines_hash",
    "RECORD_KINDS",
]

#: rdf:type of a record root -> kind name (keys are strings: looked up with pyoxigraph ``.value``)
RECORD_KINDS: dict[str, str] = {
    str(DCAT.Dataset): "dataset",
    str(DCAT3.DatasetSeries): "dataset",
    str(DCAT.DataService): "service",
    str(DCAT.Catalog): "catalog",
    str(SDO.LearningResource): "tutorial",
    str(SDO.ScholarlyArticle): "publication",
    str(SDO.CreativeWork): "publication",
    str(SDO.SoftwareSourceCode): "software",
    str(SDO.SoftwareApplication): "software",
    "http://purl.org/spar/fabio/JournalArticle": "publication",
}

#: nodes never copied into a record: they are records of their own or vocabulary (strings)
_NOT_OWNED = {str(SKOS.Concept), str(SKOS.ConceptScheme)} | set(RECORD_KINDS)


def record_graph_iri(record_id: str) -> ox.NamedNode:
    """The named graph of a record, derived from its identifier (stable across loads)."""
    digest = hashlib.sha256(record_id.encode()).hexdigest()[:32]
    return ox.NamedNode(f"{GRAPHS_NS}record/{digest}")


@dataclass(slots=True)
class Record:
    """One resource and the statements it owns, ready to validate and store.

    ``triples`` are triples, or quads of the default graph straight from the parser (copying
    them into triples would cost more than the rest of the split).
    """

    resource: ox.NamedNode
    kind: str
    triples: list[ox.Triple | ox.Quad]
    graph: ox.NamedNode = field(init=False)
    content_hash: str = field(init=False)
    #: the statements in N-Triples, sorted and without duplicates: hashed, and reused to write
    lines: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.graph = record_graph_iri(self.resource.value)
        # str(t): "s p o" for a triple and a quad of the default graph alike, at half the cost
        # of writing its three terms apart
        self.lines = sorted({f"{t} ." for t in self.triples})
        self.content_hash = lines_hash(self.lines)


@dataclass(slots=True)
class Split:
    """What :func:`split_records` found: the records (source records last), the subjects no
    record owns, and the records owning each node (for attributing validation problems)."""

    records: list[Record]
    orphans: list[ox.NamedNode | ox.BlankNode]
    owners: dict[object, list[ox.NamedNode]]
    #: typed like a record but without an IRI (a blank node): (node, kind, its statements);
    #: they cannot be records, and are kept out of the source record
    anonymous: list[tuple[ox.BlankNode, str, list]] = field(default_factory=list)


def lines_hash(lines: list[str], chunk: int = 4096) -> str:
    r"""The SHA-256 of ``"\n".join(lines)``, hashed ``chunk`` lines at a time: a record of a
    million statements is not copied whole twice more (joined, then encoded) to be hashed.

    >>> lines_hash(["a", "b"]) == hashlib.sha256(b"a\nb").hexdigest()
    True
    """
    digest = hashlib.sha256()
    for start in range(0, len(lines), chunk):
        if start:
            digest.update(b"\n")
        digest.update("\n".join(lines[start : start + chunk]).encode())
    return digest.hexdigest()


def source_resource(name: str) -> ox.NamedNode:
    """The IRI standing for an input file in its *source record*: what no record owns."""
    return ox.NamedNode(GAIA_GRAPH["source/" + quote(name, safe="")])


class _Skolemizer:
    """Stable IRIs for blank nodes: a hash of what each says (nested ones included), scoped
    by the record so that two records never share a node."""

    def __init__(self, base: str, by_subject: dict):
        self.base = base
        self.by_subject = by_subject
        self.memo: dict[ox.BlankNode, str] = {}
        #: the IRI of each (node, record): a node is met in every statement naming it, and
        #: one NamedNode shared by its statements costs one hash and one object
        self.iris: dict[tuple[ox.BlankNode, ox.NamedNode], ox.NamedNode] = {}

    def digest(self, node: ox.BlankNode, depth: int = 0) -> str:
        if node not in self.memo:
            parts = []
            for t in self.by_subject.get(node, ()):
                o = t.object
                if isinstance(o, ox.BlankNode):
                    o = "_:" + (self.digest(o, depth + 1) if depth < 8 else "cycle")
                parts.append(f"{t.predicate} {o}")
            self.memo[node] = hashlib.sha256("\n".join(sorted(parts)).encode()).hexdigest()
        return self.memo[node]

    def iri(self, node: ox.BlankNode, root: ox.NamedNode) -> ox.NamedNode:
        found = self.iris.get((node, root))
        if found is None:
            text = root.value + " " + self.digest(node)
            key = hashlib.sha256(text.encode()).hexdigest()[:24]
            found = self.iris[(node, root)] = ox.NamedNode(f"{self.base}.well-known/genid/{key}")
        return found

    def triple(self, t: ox.Quad, root: ox.NamedNode) -> ox.Quad:
        s, o = t.subject, t.object
        if not (isinstance(s, ox.BlankNode) or isinstance(o, ox.BlankNode)):
            return t
        if isinstance(s, ox.BlankNode):
            s = self.iri(s, root)
        if isinstance(o, ox.BlankNode):
            o = self.iri(o, root)
        return ox.Quad(s, t.predicate, o)


def index_statements(triples: Iterable[ox.Triple | ox.Quad]):
    """Statements by subject; the kinds of the record subjects (named, blank); the subjects
    of types no record owns."""
    by_subject: dict[object, list[ox.Triple]] = defaultdict(list)
    kinds: dict[ox.NamedNode, str] = {}
    blank_kinds: dict[ox.BlankNode, str] = {}
    typed_not_owned: set[object] = set()
    for t in triples:
        by_subject[t.subject].append(t)
        if t.predicate == RDF_TYPE:
            kind = RECORD_KINDS.get(t.object.value)
            if kind and isinstance(t.subject, ox.NamedNode):
                kinds.setdefault(t.subject, kind)
            elif kind:
                # a blank dataset, service or work: part of the record pointing at it (a
                # citation, a distribution's service); on its own, a record without an IRI
                blank_kinds.setdefault(t.subject, kind)
                continue
            if t.object.value in _NOT_OWNED:
                typed_not_owned.add(t.subject)
    return by_subject, kinds, blank_kinds, typed_not_owned


def owned_nodes(root, by_subject: dict, typed_not_owned: set) -> list:
    """``root`` and the nodes it reaches through objects, but for the subjects of types no
    record owns."""
    owned = [root]
    seen = {root}
    i = 0
    while i < len(owned):
        for t in by_subject.get(owned[i], ()):
            o = t.object
            if o in seen or o not in by_subject or o in typed_not_owned:
                continue
            seen.add(o)
            owned.append(o)
        i += 1
    return owned


def split_records(
    triples: Iterable[ox.Triple | ox.Quad],
    *,
    base_iri: str,
    origin: dict[object, str] | None = None,
    augment: Callable[[ox.NamedNode, str, list], list] | None = None,
    repair: Callable[[ox.NamedNode, str, list], list] | None = None,
) -> Split:
    """Group ``triples`` into records (see the module docstring).

    With ``origin`` (subject → input file name), the subjects that no record owns (licence
    descriptions, concepts, anything else) become one *source record* per file, of kind
    ``"source"``, so that nothing read is dropped. ``augment(root, kind, triples)`` may return
    statements to add (keyword linking); ``repair(root, kind, triples)``, called first,
    returns the record's statements repaired (:mod:`graph_loader.repair`).
    """
    by_subject, kinds, blank_kinds, typed_not_owned = index_statements(triples)

    def walk(root) -> list:
        return owned_nodes(root, by_subject, typed_not_owned)

    skolem = _Skolemizer(base_iri, by_subject)
    records: list[Record] = []
    owners: dict[object, list[ox.NamedNode]] = defaultdict(list)
    reached: set[object] = set()
    for root in sorted(kinds, key=lambda n: n.value):
        owned = walk(root)
        reached.update(owned)
        for node in owned:
            key = skolem.iri(node, root) if isinstance(node, ox.BlankNode) else node
            owners[key].append(root)
        record_triples = [skolem.triple(t, root) for node in owned for t in by_subject[node]]
        if repair is not None:
            record_triples = repair(root, kinds[root], record_triples)
        if augment is not None:
            record_triples += augment(root, kinds[root], record_triples)
        records.append(Record(root, kinds[root], record_triples))
    anonymous = []
    # the outermost first: a blank catalogue takes its blank datasets with it
    inner = {t.object for n in blank_kinds for t in by_subject[n]}
    for node, kind in sorted(blank_kinds.items(), key=lambda i: i[0] in inner):
        if node in reached:  # a part of a record (e.g. a dataset's blank citation)
            continue
        owned = walk(node)
        reached.update(owned)
        anonymous.append((node, kind, [t for n in owned for t in by_subject[n]]))
    orphans = [s for s in by_subject if s not in reached]
    if origin is not None:
        by_file: dict[str, list] = defaultdict(list)
        for subject in orphans:
            by_file[origin.get(subject, "?")].append(subject)
        for name, subjects in sorted(by_file.items()):
            root = source_resource(name)
            for node in subjects:
                key = skolem.iri(node, root) if isinstance(node, ox.BlankNode) else node
                owners[key].append(root)
            record_triples = [skolem.triple(t, root) for node in subjects for t in by_subject[node]]
            records.append(Record(root, "source", record_triples))
    return Split(records, orphans, dict(owners), anonymous)
