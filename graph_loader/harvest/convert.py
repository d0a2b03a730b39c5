"""Converting a batch of admitted upstream records into graph writes, in a worker process or
in this one: read, repair, link keywords, split, validate and judge (:mod:`.units`,
:mod:`.judging`), everything but the store.

A worker is started once with what every batch needs (the source, the keyword linker, the
shapes compiled in the worker itself) and is then given batches: the upstream records and
what the store knows of their identifiers. It answers with plain strings (each graph's
N-Quads, ready for the store's bulk loader; identifiers, results): pyoxigraph terms cost a
hundred times more to pickle than to serialise, and lines cost the harvesting process to
join. The run (:mod:`.run`) merges the answers in the order of the batches.
"""

from __future__ import annotations

from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context

import pyoxigraph as ox

from ..collector import collect_young, collector_paused
from ..enrich import KeywordLinker, KeywordReport
from ..jobs import JOBS_ENV, default_jobs
from ..sources import RawRecord
from ..store import GraphWrite
from ..validation import Shapes, load_shapes
from .config import SourceConfig
from .judging import UnitJudge, validation_groups
from .ledger import Ledger
from .report import HarvestReport, RecordResult
from .state import KnownRecord
from .units import UnitReader

__all__ = ["Batch", "Converted", "BatchConverter", "Converters", "default_jobs", "JOBS_ENV"]


@dataclass
class Batch:
    """What a worker converts: admitted upstream records with their place in the run's batch,
    and the versions the store has of their identifiers (:func:`pack_known`; in this process,
    the run's own mapping may be given as it is)."""

    raws: list[tuple[int, RawRecord]]
    known: dict[str, list[tuple]]


@dataclass
class Converted:
    """What a batch gave, in plain strings."""

    #: (graph IRI, its N-Quads): a graph to replace; no text: a graph to drop
    writes: list[tuple[str, str]] = field(default_factory=list)
    #: results said while reading, by place in the batch (rejected records)
    reading: dict[int, list[RecordResult]] = field(default_factory=dict)
    #: results of the units judged, in order
    judged: list[RecordResult] = field(default_factory=list)
    keywords: KeywordReport = field(default_factory=KeywordReport)
    written: list[str] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)
    #: (identifier, datestamp, [(graph, content hash, resource)]) of the units written
    remembered: list[tuple] = field(default_factory=list)
    triples_read: int = 0

    def graph_writes(self) -> list[GraphWrite]:
        return [GraphWrite(ox.NamedNode(g), [], (), text) for g, text in self.writes]


def pack_known(known: list[KnownRecord]) -> list[tuple]:
    """Known records as tuples of strings (their ``issued`` literal as value and datatype)."""
    return [
        (
            k.graph,
            k.identifier,
            k.datestamp,
            k.content_hash,
            k.resource,
            None if k.issued is None else (k.issued.value, k.issued.datatype.value),
        )
        for k in known
    ]


def _unpack_known(packed: list) -> list[KnownRecord]:
    return [
        k
        if isinstance(k, KnownRecord)
        else KnownRecord(
            *k[:5], None if k[5] is None else ox.Literal(k[5][0], datatype=ox.NamedNode(k[5][1]))
        )
        for k in packed
    ]


class BatchConverter:
    """Converts batches of one source (see the module docstring)."""

    def __init__(
        self,
        config: SourceConfig,
        linker: KeywordLinker,
        shapes: Shapes | None,
        base_iri: str,
        lang: str,
    ):
        self.config, self.linker, self._shapes = config, linker, shapes
        self.base_iri, self.lang = base_iri, lang

    @property
    def shapes(self) -> Shapes:
        """The shapes, the default ones compiled on first use (a harvest converting nothing,
        every record unchanged, never reads them)."""
        if self._shapes is None:
            self._shapes = load_shapes()
        return self._shapes

    @collector_paused()  # graph_loader.collector
    def __call__(self, batch: Batch) -> Converted:
        report = HarvestReport(self.config.name, self.config.kind)
        known = batch.known
        if any(k and not isinstance(k[0], KnownRecord) for k in known.values()):
            known = {i: _unpack_known(k) for i, k in known.items()}
        ledger = Ledger(None, report, known)
        reader = UnitReader(
            self.config, ledger, self.linker, base_iri=self.base_iri, force=True, lang=self.lang
        )
        out = Converted()
        units = []
        for place, raw in batch.raws:
            said = len(report.results)
            units += reader.read(raw)
            if len(report.results) > said:
                out.reading[place] = report.results[said:]
        said = len(report.results)
        judge = UnitJudge(self.config, ledger, self.shapes, lang=self.lang)
        for group in validation_groups(units):
            for w in judge.writes(group):
                out.writes.append((w.graph.value, w.nquads()))
        out.judged = report.results[said:]
        out.keywords = report.keywords
        out.written = report.written
        out.seen = sorted(ledger.seen)
        out.triples_read = report.triples_read
        for u in units:
            remembered = ledger.known.get(u.identifier)
            if remembered and remembered is not known.get(u.identifier):
                kept = [(k.graph, k.content_hash, k.resource) for k in remembered]
                out.remembered.append((u.identifier, u.datestamp, kept))
        collect_young()  # the batch's cycles, before the next one
        return out


# -- in worker processes ----------------------------------------------------------------------

_CONVERTER: BatchConverter | None = None


def _start(config, linker_state, shapes_text, base_iri, lang) -> None:
    """Initialiser of a worker process: its converter, shapes compiled once here."""
    global _CONVERTER
    linker = KeywordLinker.__new__(KeywordLinker)
    linker.__dict__.update(linker_state)
    if shapes_text is None:
        shapes = load_shapes()
    else:
        import rdflib

        from ..validation import shapes_from_graph

        shapes = shapes_from_graph(rdflib.Graph().parse(data=shapes_text, format="nt"))
    _CONVERTER = BatchConverter(config, linker, shapes, base_iri, lang)


def _convert(batch: Batch) -> Converted:
    assert _CONVERTER is not None, "worker not started"
    return _CONVERTER(batch)


class Converters:
    """Where batches are converted: here for the first batch (a harvest of one batch starts
    no process), then in ``jobs`` worker processes when ``jobs`` > 1."""

    def __init__(self, converter: BatchConverter, jobs: int, *, default_shapes: bool):
        self.converter, self.jobs = converter, jobs
        self.default_shapes = default_shapes
        self.pool: ProcessPoolExecutor | None = None
        self.submitted = 0

    def submit(self, batch: Batch) -> Future:
        self.submitted += 1
        future: Future = Future()
        if self.jobs > 1 and self.submitted > 1:
            try:
                return self._pool().submit(_convert, batch)
            except (BrokenProcessPool, OSError) as exc:
                # a worker killed while the pool replaced another (its pipe already closed):
                # said where the result is read, as when it dies converting
                broken = BrokenProcessPool(f"a conversion worker was lost: {exc}")
                future.set_exception(broken)
                return future
        try:
            future.set_result(self.converter(batch))
        except Exception as exc:  # noqa: BLE001 - raised where the result is read
            future.set_exception(exc)
        return future

    def _pool(self) -> ProcessPoolExecutor:
        if self.pool is None:
            c = self.converter
            state = dict(c.linker.__dict__, _memo={})
            shapes = None if self.default_shapes else c.shapes.graph.serialize(format="nt")
            self.pool = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=get_context("spawn"),
                initializer=_start,
                initargs=(c.config, state, shapes, c.base_iri, c.lang),
            )
        return self.pool

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
