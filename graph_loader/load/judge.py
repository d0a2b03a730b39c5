"""The validate phase of a load: the documents in groups validated as one SHACL store each,
and the ``Judge`` that decides each record's fate (rejected, unchanged, loaded, updated) and
writes its provenance, repairs and quality measures."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import unquote

import pyoxigraph as ox

from .. import __version__
from ..collector import collect_young
from ..messages import CLI
from ..namespaces import DCT, FOAF, RDFS, SDO, XSD
from ..quality import quality_triples
from ..records import Record
from ..repair import provenance_triples
from ..store import GraphWrite
from ..terms import (
    CHANGE_TYPE,
    CONFORMS,
    CONFORMS_WITH_WARNINGS,
    CONTENT_HASH,
    CONVERTER,
    CREATED,
    DESCRIBES,
    FIRST_LOADED,
    GENERATED_AT,
    NOT_CONFORMANT,
    RDF_TYPE,
    RECORD_GRAPH,
    SOURCE,
    TRIPLE_COUNT,
    UPDATED,
    VALIDATION_MESSAGE,
    VALIDATION_OUTCOME,
    VIOLATION_COUNT,
)
from ..validation import Problem, Shapes, describe, validate
from ..validation.describe import kind_words
from .outcomes import RecordOutcome

__all__ = [
    "Judge",
    "as_quad",
    "disjoint_groups",
    "fatal_text",
    "first_load_statements",
    "has_title",
    "problems_by_record",
    "record_title",
    "validate_documents",
]

#: why a record cannot be a record: reason key -> message key (:data:`~graph_loader.messages.CLI`)
_FATAL = {
    "no title": CLI.mark("load.fatal.no_title"),
    "no identifier": CLI.mark("load.fatal.no_identifier"),
}
#: plain strs: an rdflib URIRef never equals the str of a pyoxigraph node
_TITLE_PREDICATES = {str(DCT.title), str(SDO["name"]), str(FOAF["name"])}
_ANY_TITLE = _TITLE_PREDICATES | {str(RDFS.label)}


def record_title(record: Record, lang: str) -> str:
    titles = {}
    for t in record.triples:
        if t.subject == record.resource and t.predicate.value in _TITLE_PREDICATES:
            if isinstance(t.object, ox.Literal) and t.object.value.strip():
                titles.setdefault(t.object.language or "", t.object.value)
    return (
        titles.get(lang)
        or titles.get("en")
        or titles.get("fr")
        or next(iter(titles.values()), record.resource.value)
    )


def has_title(resource, triples) -> bool:
    """Has ``resource`` a non-empty title literal, in any language (or none)?"""
    return any(
        t.subject == resource
        and t.predicate.value in _ANY_TITLE
        and isinstance(t.object, ox.Literal)
        and t.object.value.strip()
        for t in triples
    )


def fatal_text(reason: str, kind: str, title: str, resource: str, lang: str) -> str:
    """Why a record cannot be a record, naming it, in ``lang``."""
    who = kind_words(kind, lang)
    named = f"{who} « {title} »" if title and title != resource else who
    return CLI.text(_FATAL[reason], lang, named=named, where=f"<{resource}>")


def first_load_statements(
    graph: ox.NamedNode, issued: ox.Literal | None, now: ox.Literal, *, replaced: bool
) -> list[ox.Triple]:
    """What a record graph written ``now`` stores of its first load ``issued`` and of whether
    it ``replaced`` a graph: only what :func:`graph_loader.conformance.first_load` cannot
    derive from its load time (nothing for a graph as first loaded)."""
    out = []
    if issued is not None and (replaced or issued != now):
        out.append(ox.Triple(graph, FIRST_LOADED, issued))
    change = UPDATED if replaced else CREATED
    derived = UPDATED if out else CREATED
    if change != derived:
        out.append(ox.Triple(graph, CHANGE_TYPE, change))
    return out


def _provenance(
    record: Record,
    source: str,
    fmt: str,
    notes: list[ox.Literal],
    now: ox.Literal,
    *,
    violations: int = 0,
    warnings: int = 0,
) -> list[ox.Triple]:
    """What the record graph says about itself; ``notes`` in fr and en, two per problem (the
    warnings are counted from them on read: no ``gaia:warningCount`` is stored)."""
    g = record.graph
    outcome = NOT_CONFORMANT if violations else CONFORMS_WITH_WARNINGS if warnings else CONFORMS
    out = [ox.Triple(g, VALIDATION_MESSAGE, w) for w in notes]
    out += [
        ox.Triple(g, RDF_TYPE, RECORD_GRAPH),
        ox.Triple(g, DESCRIBES, record.resource),
        ox.Triple(g, SOURCE, ox.Literal(source)),
        ox.Triple(g, GENERATED_AT, now),
        ox.Triple(g, CONTENT_HASH, ox.Literal(record.content_hash)),
        ox.Triple(g, TRIPLE_COUNT, ox.Literal(str(len(record.lines)), datatype=_INT)),
        ox.Triple(g, VALIDATION_OUTCOME, outcome),
        ox.Triple(g, CONVERTER, ox.Literal(f"gaia-kg {__version__} {fmt}")),
    ]
    if violations:
        out.append(ox.Triple(g, VIOLATION_COUNT, ox.Literal(str(violations), datatype=_INT)))
    return out


_INT = ox.NamedNode(XSD.integer)


def problems_by_record(problems: list[Problem], owners: dict) -> dict:
    by_record: dict[ox.NamedNode, list[Problem]] = {}
    for p in problems:
        for root in owners.get(p.focus, ()):
            by_record.setdefault(root, []).append(p)
    return by_record


def disjoint_groups(items: list, records: Callable[[object], list[Record]]) -> list[list]:
    """``items`` (documents, harvested units) in groups that can be validated as one store:
    no item of a group describes an IRI another one names, so each record is judged on what
    its own document says."""
    if len(items) < 2:
        return [items] if items else []
    groups: list[tuple[set, set, list]] = []
    for item in items:
        triples = [t for r in records(item) for t in r.triples]
        subjects = {t.subject for t in triples if isinstance(t.subject, ox.NamedNode)}
        named = subjects | {t.object for t in triples if isinstance(t.object, ox.NamedNode)}
        for described, mentioned, members in groups:
            if not (subjects & mentioned or named & described):
                described |= subjects
                mentioned |= named
                members.append(item)
                break
        else:
            groups.append((subjects, named, [item]))
    return [members for _, _, members in groups]


def as_quad(t) -> ox.Quad:
    """``t`` in the default graph if it is a triple (``Quad(*t)``: twice as fast as its three
    terms read one by one)."""
    return t if isinstance(t, ox.Quad) else ox.Quad(*t)


class Judge:
    """Decides each record's fate (rejected, unchanged, loaded, updated) and what to write.

    A record is rejected when it cannot be one (no title in any language), or, when
    ``strict``, for any Violation; a source record (what no record of a file owns) never is.
    Other Violations load the record flagged ``gaia:NotConformant``.
    """

    def __init__(
        self,
        staging,
        existing: dict[str, str],
        declared_in: dict,
        formats,
        lang: str,
        *,
        strict: bool = False,
    ):
        self.staging = staging
        self.formats = formats
        self.existing = existing
        self.declared_in = declared_in
        self.lang = lang
        self.strict = strict
        #: record resource -> its repairs
        self.repairs: dict = {}
        #: record graph -> when it was first loaded (``dct:issued``), kept up to date as graphs
        #: are written (a caller may share one mapping between judges)
        self.issued: dict[str, ox.Literal] = {}
        self.outcomes: list[RecordOutcome] = []
        self.now = ox.Literal(
            datetime.now(UTC).isoformat(timespec="seconds"), datatype=ox.NamedNode(XSD.dateTime)
        )

    def anonymous(self, node, kind: str, triples, source: str) -> None:
        """A record-typed blank node: rejected, nothing identifies it."""
        titles = [
            t.object.value
            for t in triples
            if t.subject == node
            and t.predicate.value in _ANY_TITLE
            and isinstance(t.object, ox.Literal)
        ]
        title = titles[0] if titles else ""
        who = kind_words(kind, self.lang)
        named = f"{who} « {title} »" if title else who
        self.outcomes.append(
            RecordOutcome(
                f"_:{node.value}",
                kind,
                title or f"_:{node.value}",
                source,
                "rejected",
                [CLI.text(_FATAL["no identifier"], self.lang, named=named, where=f"({source})")],
                reasons=["no identifier"],
            )
        )

    def fatal(self, record: Record, found: list[Problem]) -> tuple[list[str], list[str]]:
        """Why ``record`` is rejected, in words and as reason keys; ([], []) if it is not."""
        lang = self.lang
        if record.kind == "source":
            return [], []
        violations = [p for p in found if p.severity == "Violation"]
        problems: list[str] = []
        reasons: list[str] = []
        if not has_title(record.resource, record.triples):
            title = record_title(record, lang)
            reasons.append("no title")
            problems.append(fatal_text("no title", record.kind, title, record.resource.value, lang))
            # the missing title is said once, above
            violations = [p for p in violations if not _about_title(p, record.resource)]
        if reasons or self.strict:
            problems += [describe(p, self.staging, lang) for p in violations]
            if self.strict:
                reasons += [p.messages.get(lang, "") for p in violations]
        return problems, reasons

    def _write(self, record: Record, source: str, defects, lesser, repairs, old) -> GraphWrite:
        """The record graph to write: the record, its provenance, repairs, quality measures.
        Its first load is now for a new graph, kept from the graph it replaces (none if that
        one had none), stored only where it cannot be derived (:func:`first_load_statements`)."""
        g = record.graph
        notes = [
            ox.Literal(describe(p, self.staging, code), language=code)
            for p in [*defects, *lesser]
            for code in ("fr", "en")
        ]
        fmt = self.formats.get(source, "rdf")
        provenance = _provenance(
            record, source, fmt, notes, self.now, violations=len(defects), warnings=len(lesser)
        )
        issued = self.issued.get(g.value) or (None if old else self.now)
        provenance += first_load_statements(g, issued, self.now, replaced=bool(old))
        if issued is not None:
            self.issued[g.value] = issued
        if repairs:
            provenance += provenance_triples(g, repairs)
        provenance += quality_triples(record.resource, record.kind, record.triples, g)
        return GraphWrite(g, provenance, record.lines)

    def __call__(self, record: Record, found: list[Problem]) -> GraphWrite | None:
        lang, staging = self.lang, self.staging
        violations = [p for p in found if p.severity == "Violation"]
        lesser = [p for p in found if p.severity != "Violation"]
        source = self.declared_in.get(record.resource) or unquote(
            record.resource.value.rsplit("/")[-1]
        )
        title = record_title(record, lang)
        repairs = self.repairs.get(record.resource, [])
        problems, reasons = self.fatal(record, found)
        old = self.existing.get(record.graph.value)
        write = None
        defects: list[Problem] = []
        if reasons:
            status = "rejected"
        else:
            defects = violations
            if old == record.content_hash:
                status = "unchanged"
            else:
                status = "updated" if old else "loaded"
                write = self._write(record, source, defects, lesser, repairs, old)
        self.outcomes.append(
            RecordOutcome(
                record.resource.value,
                record.kind,
                title,
                source,
                status,
                problems,
                [describe(p, staging, lang) for p in lesser],
                [p.messages.get(lang, "") for p in lesser],
                [describe(p, staging, lang) for p in defects],
                [p.messages.get(lang, "") for p in defects],
                list(repairs) if status != "rejected" else [],
                reasons,
            )
        )
        return write


def _about_title(problem: Problem, resource) -> bool:
    return (
        problem.focus == resource
        and problem.path is not None
        and problem.path.value in _ANY_TITLE
        and problem.component.value.endswith("MinCountConstraintComponent")
    )


def _staging(records: list) -> ox.Store:
    """The union of ``records``, in the default graph of a store in memory: read from their
    N-Triples lines (made when each record was, and parsed by pyoxigraph, not a term at a time
    from Python)."""
    staging = ox.Store()
    text = "".join("\n".join(r.lines) + "\n" for r in records if r.lines)
    try:
        staging.load(text.encode(), ox.RdfFormat.N_TRIPLES, lenient=True)
    except SyntaxError:  # a statement its line cannot say (an RDF 1.2 triple term)
        staging = ox.Store()
        staging.bulk_extend([as_quad(t) for r in records for t in r.triples])
    return staging


def validate_documents(documents: list, judge: Judge, shapes: Shapes) -> tuple[list, float]:
    """Each group of documents validated as one store and each record judged: the graphs to
    write, and the seconds spent in SHACL validation."""
    writes = []
    seconds = 0.0
    for group in disjoint_groups(documents, lambda d: d.validated()):
        staging = _staging([r for d in group for r in d.validated()])
        owners: dict = {}
        for d in group:
            for node, roots in d.split.owners.items():
                owners.setdefault(node, []).extend(roots)
        began = time.perf_counter()
        by_record = problems_by_record(validate(staging, shapes), owners)
        seconds += time.perf_counter() - began
        judge.staging = staging
        for d in group:
            judge.repairs = d.record_repairs
            for r in d.split.records:
                w = judge(r, by_record.get(r.resource, []))
                if w is not None:
                    writes.append(w)
            collect_young()  # the cycles of its judging (graph_loader.collector)
    return writes, seconds
