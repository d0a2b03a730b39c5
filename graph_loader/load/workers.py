"""Worker processes for the load of big documents (issue 22, item 2).

A document of at least :data:`MIN_RECORDS` records is not split, repaired, validated and
judged in the loading process: the loading process only finds its records and what each owns
(:func:`plan`), and hands them to worker processes in chunks of about :data:`CHUNK` records
(:class:`Chunk`, as N-Quads). Each worker splits its chunk into records exactly as the
in-process load does (skolemised, repaired, linked to the thesaurus, hashed), validates them
as one SHACL store with the shapes compiled once in its process, and judges them: it returns
the graphs to write and the records' outcomes (:class:`Prepared`). The loading process writes
them in batches of one transaction (:mod:`.write`) while the workers prepare the next chunks,
so a load killed midway still leaves every record graph complete or absent.

A chunk holds whole groups of records that name one another (a catalogue and its datasets, a
service and the datasets it serves), and the statements no record owns (licences, concepts):
each record is validated against what its document says of what it names. Those statements
are the file's source record, judged with the first chunk only.

The number of processes is :func:`graph_loader.jobs.default_jobs` (``gaia-kg load --jobs``,
else ``GAIA_KG_LOAD_JOBS``, else the number of cores; 1: everything in process), the same
rule as a harvest's. Workers are forked (by the thread that
first submits a chunk, whose end ends them): they start with the shapes, the thesaurus labels
and the store's record hashes of the loading process, and die with it.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..collector import collector_paused
from ..enrich import KeywordLinker, KeywordReport
from ..feed import described_by
from ..jobs import JOBS_ENV, default_jobs
from ..records import index_statements, owned_nodes, split_records
from ..store import GraphWrite
from ..validation import Shapes
from .inputs import Document, repair_record
from .judge import Judge, validate_documents
from .outcomes import RecordOutcome

__all__ = [
    "CHUNK",
    "JOBS_ENV",
    "MIN_RECORDS",
    "Chunk",
    "Pending",
    "Plan",
    "Prepared",
    "WorkerContext",
    "BIG_INPUT",
    "load_jobs",
    "plan",
    "prepare_chunk",
    "start_workers",
    "worker_pool",
]

#: records a worker prepares at a time
CHUNK = 500
#: a document with fewer records is loaded in process (starting workers would cost more)
MIN_RECORDS = 2 * CHUNK


#: processes preparing records (see :func:`graph_loader.jobs.default_jobs`)
load_jobs = default_jobs


@dataclass(slots=True)
class WorkerContext:
    """What every worker needs, the same for the whole load (inherited when it is forked)."""

    shapes: Shapes
    linker: KeywordLinker
    base_iri: str
    lang: str
    strict: bool
    #: record graph -> content hash, of the store (for "unchanged")
    existing: dict
    #: record graph -> first load (graph_loader.conformance.first_load)
    issued: dict
    #: the load's time, the same for every record
    now: ox.Literal


_CONTEXT: WorkerContext | None = None


def _install(context: WorkerContext, parent: int) -> None:
    """A worker's start: it dies with the loading process (a killed load leaves no worker
    behind holding its pipes), and keeps ``context``."""
    global _CONTEXT
    _CONTEXT = context
    # what the loading process held when it forked is never collected here: the collector
    # would walk (and copy, page by page) the whole of it
    gc.freeze()
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the loading process died before prctl
        os._exit(1)


_PR_SET_PDEATHSIG = 1


#: bytes of input from which the workers are started before the files are read (forked from
#: a process that does not yet hold their statements)
BIG_INPUT = 1_000_000


def start_workers(pool: ProcessPoolExecutor) -> None:
    """Fork ``pool``'s workers now (a pool forks all of them at its first task)."""
    pool.submit(int).result()


def worker_pool(jobs: int, context: WorkerContext) -> ProcessPoolExecutor:
    """``jobs`` forked worker processes sharing ``context`` (started at the first task)."""
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_install,
        initargs=(context, os.getpid()),
    )


@dataclass(frozen=True, slots=True)
class Chunk:
    """Records of one document to prepare, with what they name that no record owns."""

    name: str
    fmt: str
    #: the statements, as N-Quads (default graph)
    nquads: bytes
    #: whether this chunk judges the file's source record and its records without an IRI
    first: bool
    #: record IRIs already loaded from an earlier file: validated here, not written
    dropped: frozenset[str]
    #: the read-level repairs of the document (base IRI, encodings)
    repairs: list = field(default_factory=list)


@dataclass(slots=True)
class Prepared:
    """What a worker made of a chunk."""

    writes: list[GraphWrite]
    outcomes: list[RecordOutcome]
    keywords: KeywordReport
    #: subjects no record owns (first chunk only)
    orphans: int
    seconds: float


@collector_paused()  # the chunk's cycles are collected once judged (validate_documents)
def prepare_chunk(chunk: Chunk, context: WorkerContext | None = None) -> Prepared:
    """Split, repair, validate and judge the records of ``chunk`` (in a worker, or in process
    with ``context``), as :func:`graph_loader.pipeline.load_paths` does for a document."""
    ctx = context or _CONTEXT
    if ctx is None:
        raise RuntimeError("prepare_chunk needs a context: run it in worker_pool()")
    quads = list(ox.parse(chunk.nquads, format=ox.RdfFormat.N_QUADS, lenient=True))
    d = Document(chunk.name, chunk.fmt, quads, repairs=list(chunk.repairs))
    keywords = KeywordReport()
    judge = Judge(None, ctx.existing, {}, {chunk.name: chunk.fmt}, ctx.lang, strict=ctx.strict)
    judge.issued = ctx.issued
    judge.now = ctx.now

    def augment(root, kind, triples):
        return ctx.linker.augment(root, kind, triples, chunk.name, keywords)

    def repair(root, kind, triples):
        return repair_record(root, triples, d, d.record_repairs)

    split = split_records(
        quads,
        base_iri=ctx.base_iri,
        origin=dict.fromkeys((q.subject for q in quads), chunk.name),
        augment=augment,
        repair=repair,
    )
    d.quads = []
    kept, dropped = [], []
    for r in split.records:
        if r.resource.value in chunk.dropped or (r.kind == "source" and not chunk.first):
            dropped.append(r)  # validated with its chunk (what the others name), not written
        else:
            kept.append(r)
            judge.declared_in[r.resource] = chunk.name
    if chunk.first:
        for node, kind, triples in split.anonymous:
            judge.anonymous(node, kind, triples, chunk.name)
    split.records = kept
    d.split, d.dropped = split, dropped
    writes, seconds = validate_documents([d], judge, ctx.shapes)
    # serialised here, in parallel, rather than by the loading process as it writes; only
    # the text goes back (pickled once, not as statements, lines and text)
    writes = [GraphWrite.prepared(w, described_by([w])) for w in writes]
    orphans = len(split.orphans) if chunk.first else 0
    return Prepared(writes, judge.outcomes, keywords, orphans, seconds)


@dataclass(slots=True)
class Plan:
    """The records of a big document, in chunks to prepare."""

    #: every record IRI of the document, sorted (source records aside)
    roots: list[ox.NamedNode]
    #: the IRIs its records name (for the documents that give no record)
    named: set
    #: the records of each chunk (indexes into ``roots``), in order
    chunks: list[list[int]]
    #: each record's nodes (itself first) and the statements no record owns
    owned: list[list]
    by_subject: dict
    unowned: list


def plan(quads: list, *, min_records: int | None = None, chunk: int | None = None) -> Plan | None:
    """The chunks of a document's records, or None when it has fewer than ``min_records``
    (default :data:`MIN_RECORDS`; ``chunk``: :data:`CHUNK`)."""
    min_records = MIN_RECORDS if min_records is None else min_records
    chunk = CHUNK if chunk is None else chunk
    by_subject, kinds, _blank, typed_not_owned = index_statements(quads)
    if len(kinds) < min_records:
        return None
    roots = sorted(kinds, key=lambda n: n.value)
    owned = [owned_nodes(root, by_subject, typed_not_owned) for root in roots]
    owners: dict = {}
    for i, nodes in enumerate(owned):
        for node in nodes:
            owners.setdefault(node, []).append(i)
    parent = list(range(len(roots)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    named: set = set()
    for i, nodes in enumerate(owned):
        mine = set(nodes)
        for node in nodes:
            for t in by_subject[node]:
                o = t.object
                if isinstance(o, ox.NamedNode):
                    named.add(o)
                others = owners.get(o)
                if others is not None and o not in mine:
                    for j in others:  # a record naming another: validated together
                        a, b = find(i), find(j)
                        if a != b:
                            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for i in range(len(roots)):
        groups.setdefault(find(i), []).append(i)
    chunks: list[list[int]] = [[]]
    for _, members in sorted(groups.items()):
        if len(chunks[-1]) >= chunk:
            chunks.append([])
        chunks[-1].extend(members)
    unowned = [t for s, ts in by_subject.items() if s not in owners for t in ts]
    return Plan(roots, named, chunks, owned, by_subject, unowned)


def chunks_of(d: Document, p: Plan, dropped: set) -> Iterator[Chunk]:
    """The chunks of ``d`` as :func:`plan` made them, serialised one at a time."""
    for n, members in enumerate(p.chunks):
        statements = dict.fromkeys(
            t for i in members for node in p.owned[i] for t in p.by_subject[node]
        )
        statements.update(dict.fromkeys(p.unowned))
        nquads = ox.serialize(list(statements), format=ox.RdfFormat.N_QUADS)
        mine = frozenset(p.roots[i].value for i in members) & dropped
        yield Chunk(d.name, d.fmt, nquads, n == 0, mine, d.repairs)


class Pending:
    """A document's chunks being prepared by the pool: the first ``window`` are submitted at
    once, the next one as each result is taken (in order)."""

    def __init__(self, pool: ProcessPoolExecutor, chunks: Iterable[Chunk], window: int):
        self._pool = pool
        self._chunks = iter(chunks)
        self._running: deque[Future] = deque()
        for _ in range(window):
            if not self._submit():
                break

    def _submit(self) -> bool:
        chunk = next(self._chunks, None)
        if chunk is None:
            return False
        self._running.append(self._pool.submit(prepare_chunk, chunk))
        return True

    def __iter__(self) -> Iterator[Prepared]:
        while self._running:
            done = self._running.popleft().result()
            self._submit()
            yield done
