"""One harvest run: the source read page by page, batches of upstream records converted
(:mod:`.units`), judged (:mod:`.judging`) and written, checkpoints on the way, withdrawals and
the report at the end (see :mod:`graph_loader.harvest`)."""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import httpx

from .. import __version__
from ..collector import collect_young, collector_paused
from ..derived import new_generation, store_generation
from ..enrich import KeywordLinker
from ..queries import load_query
from ..sources import RawRecord, SourceError
from ..sources.http import cached_transport
from ..store import GraphWrite, Store
from ..validation import Shapes
from .config import SourceConfig, make_source
from .convert import Batch, BatchConverter, Converted, Converters, default_jobs, pack_known
from .ledger import Ledger
from .pending import Part, Pending, Troubles
from .report import HarvestReport
from .state import (
    Checkpoint,
    KnownRecord,
    advance_checkpoint,
    now_literal,
    read_checkpoint,
    read_runs,
    record_runs,
    source_iri,
    write_checkpoint,
)
from .units import PAGES, UnitReader, stored_version

__all__ = ["harvest", "BATCH", "CONVERT", "CHECKPOINT_SECONDS", "MAX_SKIPS"]

#: upstream records written in one transaction (a checkpoint may follow each)
BATCH = 1000
#: upstream records converted in one job (a worker's): a batch is converted in parts
CONVERT = 200
#: bad pages skipped in a row, no record read between them, before the harvest stops
MAX_SKIPS = 10
CHECKPOINT_SECONDS = 10.0
#: why a harvest stopped when a worker process died
LOST_WORKER = (
    "a worker process converting records stopped (killed, or out of memory) (un processus de"
    " conversion s'est arrêté : tué, ou mémoire épuisée)"
)


def harvest(
    store: Store,
    config: SourceConfig,
    *,
    client: httpx.Client | None = None,
    base_iri: str,
    lang: str = "en",
    incremental: bool = False,
    restart: bool = False,
    force: bool = False,
    shapes: Shapes | None = None,
    progress: Callable[[int], None] | None = None,
    backoff: float = 1.0,
    jobs: int | None = None,
    http_cache: str | Path | None = None,
) -> HarvestReport:
    """Harvest one source into ``store`` (see :mod:`graph_loader.harvest`).

    ``incremental`` asks the source only for records changed since the last complete harvest
    (CSW, OAI-PMH; records gone upstream are then withdrawn only when the source says so);
    ``restart`` ignores an unfinished harvest's checkpoint; ``force`` converts records even when
    their datestamp is unchanged. ``backoff`` seconds (doubled each time) between retries.
    ``jobs`` worker processes convert the batches while the next pages are fetched (default
    :func:`graph_loader.jobs.default_jobs`; 1: all in this process). ``http_cache``: the file where
    the pages fetched are kept, to ask for them conditionally next time (a page answered
    304 Not Modified gives its records unchanged: see :func:`~..sources.http.cached_transport`;
    only for the client made here when ``client`` is None).
    """
    own_client = client is None
    if own_client:
        client = httpx.Client(
            timeout=config.timeout,
            follow_redirects=True,
            headers={"User-Agent": f"gaia-kg/{__version__} (harvester)"},
            transport=cached_transport(http_cache) if http_cache else None,
        )
    run = None
    try:
        run = _Run(store, config, base_iri, lang, shapes, force, default_jobs(jobs))
        return run.go(client, incremental, restart, progress, backoff)
    finally:
        if run is not None:
            run.converters.close()
        if own_client:
            client.close()


class _Run:
    """One harvest of one source; holds what the batches share."""

    def __init__(self, store, config: SourceConfig, base_iri, lang, shapes, force, jobs: int):
        self.store, self.config, self.name = store, config, config.name
        self.report = HarvestReport(
            config.name, config.kind, started=now_literal().value, policy=config.policy
        )
        self.ledger = Ledger(store, self.report)
        linker = KeywordLinker.from_store(store)
        self.reader = UnitReader(
            config, self.ledger, linker, base_iri=base_iri, force=force, lang=lang
        )
        converter = BatchConverter(config, linker, shapes, base_iri, lang)
        # the records of a page of many (DCAT, THREDDS) are known by IRIs found only when
        # converted: they are judged here, against the run's own books
        self.paged = config.kind in PAGES
        self.converters = Converters(
            converter, 1 if self.paged else jobs, default_shapes=shapes is None
        )
        #: batches sent to conversion, oldest first, written in that order
        self.pending: deque[Pending] = deque()
        #: where to resume from after the last batch written, and whether it was set
        self.written_token: str | None = None
        self.last_checkpoint = time.monotonic()
        #: the identifiers read that the checkpoint in the store holds (None: not written yet)
        self.saved: set[str] | None = None

    # -- the run -------------------------------------------------------------------------------

    @collector_paused()  # graph_loader.collector: the run's books live until its end
    def go(self, client, incremental, restart, progress, backoff) -> HarvestReport:
        began = time.perf_counter()
        resume = self.resume_point(restart)
        source = self.open_source(incremental)
        self.read_source(source, client, resume, progress, backoff)
        if self.report.complete:
            self.finish()
        report = self.report
        report.seconds = time.perf_counter() - began
        report.quality = _quality(self.store, self.name)
        record_runs(self.store, self.name, report.started, report.to_json())
        return report

    def resume_point(self, restart: bool) -> str | None:
        """Where an unfinished harvest stopped (None: from the start); the identifiers it had
        read are seen already."""
        report = self.report
        point = Checkpoint() if restart else read_checkpoint(self.store, self.name)
        self.written_token = point.resume
        if point.resume is not None:
            report.resumed_from = point.resume
            self.ledger.seen = set(point.seen)
            report.harvest_started = point.started or report.started
        return point.resume

    def open_source(self, incremental: bool):
        """The source, asked only for what changed since the last complete harvest when the
        run is incremental (only CSW and OAI-PMH can list what changed since a date)."""
        asks = incremental and self.config.kind in ("csw", "oai-pmh")
        since = _last_complete(self.store, self.name) if asks else None
        self.report.mode = "incremental" if since else "full"
        source = make_source(self.config, since=since)
        if hasattr(source, "holds") and not self.reader.force:
            source.holds = self.holds  # records held need not be cut out of their page
        return source

    def holds(self, identifier: str, datestamp: str) -> bool:
        """Whether the store holds ``datestamp``'s version of ``identifier`` (as
        :meth:`UnitReader.admit <.units.UnitReader.admit>` judges it)."""
        return stored_version(self.ledger.known.get(identifier), datestamp)

    def read_source(self, source, client, resume, progress, backoff) -> None:
        """Read the source to its end, or until it fails past retries and skips. Batches are
        converted while the next pages are fetched and written in order, each checkpoint
        naming the page of the last batch written."""
        troubles = Troubles()
        batch: list[RawRecord] = []
        part = max(1, min(CONVERT, BATCH))
        while True:
            try:
                for raw in source.records(client, resume=resume):
                    batch.append(raw)
                    if len(batch) >= part:
                        self.flush(batch, progress, source.resume_token)
                self.flush(batch, progress, source.resume_token, close=True)
                self.collect(progress, wait=True)
                self.report.complete = True
                return
            except SourceError as exc:
                self.flush(batch, progress, exc.resume, close=True)
                self.collect(progress, wait=True)
                goes_on, resume = self.recover(exc, troubles, backoff)
                if not goes_on:
                    return
            except BrokenProcessPool:
                # a worker was killed (out of memory, a signal): stop as after a page that
                # cannot be read, with a checkpoint at the last batch written
                self.pending.clear()
                self.report.interrupted = LOST_WORKER
                self.checkpoint(self.written_token, force=True)
                return
            except BaseException:
                # what was written is kept; batches not written yet are read again after
                # resuming from the page of the last one written
                self.pending.clear()
                self.checkpoint(self.written_token, force=True)
                raise

    def recover(self, exc: SourceError, troubles: Troubles, backoff: float) -> tuple:
        """Whether the harvest goes on after ``exc``, and from which page: the same page
        again after a transient failure, the next one when the protocol can skip a bad page
        (CSW); else the run stops with a checkpoint."""
        report, attempts = self.report, troubles.attempts
        if exc.transient and attempts[exc.resume] < self.config.retries:
            attempts[exc.resume] += 1
            time.sleep(backoff * 2 ** (attempts[exc.resume] - 1))
            return True, exc.resume
        if exc.skip is not None and not exc.transient and troubles.skipped < MAX_SKIPS:
            report.page_errors.append(str(exc))  # a bad record CSW could isolate
            read = len(self.ledger.read)
            troubles.skipped = troubles.skipped + 1 if read == troubles.read_before else 1
            troubles.read_before = read
            return True, exc.skip
        report.interrupted = str(exc)
        self.checkpoint(exc.resume, force=True)
        return False, None

    def finish(self) -> None:
        """After a complete harvest: withdraw the records no longer listed (after a full one
        that skipped no page: records of a skipped page were not seen, withdrawing them would
        be a guess) and forget the checkpoint."""
        if self.report.mode == "full" and not self.report.page_errors:
            gone = sorted(set(self.ledger.known) - self.ledger.seen)
            for start in range(0, len(gone), BATCH):
                self.write(
                    [w for i in gone[start : start + BATCH] for w in self.ledger.withdraw(i)]
                )
        write_checkpoint(self.store, self.name, None)

    def checkpoint(self, token: str | None, *, force: bool = False) -> None:
        """Where to resume from and what was read, at most every :data:`CHECKPOINT_SECONDS`
        (``force``: now): written whole the first time in a run, then moved on."""
        if force or time.monotonic() - self.last_checkpoint >= CHECKPOINT_SECONDS:
            seen = self.ledger.seen
            if self.saved is None:
                started = self.report.harvest_started or self.report.started
                write_checkpoint(self.store, self.name, Checkpoint(token, seen, started))
                self.saved = set(seen)
            else:
                advance_checkpoint(self.store, self.name, token, seen - self.saved)
                self.saved |= seen
            self.last_checkpoint = time.monotonic()

    # -- one batch -----------------------------------------------------------------------------

    def flush(self, batch: list[RawRecord], progress, token: str | None, close=False) -> None:
        """Admit the records of ``batch`` and send those to convert away, as a part of the
        open batch, closed once it has :data:`BATCH` records (or ``close``) with ``token``:
        where to resume from once it is written; write the batches whose conversion is done
        (waiting for the oldest part when too many are on the way); empty ``batch``."""
        said: dict[int, list] = {}
        drops: list[GraphWrite] = []
        admitted: list[tuple[int, RawRecord]] = []
        results = self.ledger.report.results
        for place, raw in enumerate(batch):
            mark = len(results)
            dropped: list[list[GraphWrite]] = []
            if self.reader.admit(raw, dropped):
                admitted.append((place, raw))
            drops += [w for d in dropped for w in d]
            if len(results) > mark:  # unchanged, withdrawn or rejected: said in place, below
                said[place] = results[mark:]
                del results[mark:]
        if not self.pending or self.pending[-1].closed:
            self.pending.append(Pending())
        pending = self.pending[-1]
        if batch:
            future = self.converters.submit(self.batch(admitted)) if admitted else None
            pending.parts.append(Part(len(batch), said, drops, future))
        if close or pending.size >= BATCH:
            pending.token, pending.closed = token, True
        batch.clear()
        self.collect(progress, wait=False)

    def batch(self, admitted: list[tuple[int, RawRecord]]) -> Batch:
        """The batch to convert, with what the store knows of its identifiers."""
        known = self.ledger.known
        if self.paged:  # converted here, against the run's books themselves
            return Batch(admitted, known)
        ids = {raw.identifier for _, raw in admitted}
        return Batch(admitted, {i: pack_known(known[i]) for i in ids if i in known})

    def collect(self, progress, *, wait: bool) -> None:
        """Write the converted batches in order, from the oldest: those done (all of them
        with ``wait``), each in one transaction; while more than twice the workers' parts
        are converting, wait for the oldest."""
        limit = 2 * max(1, self.converters.jobs)
        while self.pending:
            head = self.pending[0]
            if not (wait or head.done()):
                converting = [p for b in self.pending for p in b.parts if not p.done()]
                if len(converting) <= limit:
                    return
                converting[0].future.exception()  # raised when merged: BrokenProcessPool...
                continue
            if not head.parts:  # nothing read since the last batch closed
                self.pending.popleft()
                continue
            writes: list[GraphWrite] = []
            for part in head.parts:
                converted = part.future.result() if part.future is not None else None
                self.merge(part, converted)
                writes += part.drops + (converted.graph_writes() if converted else [])
            self.pending.popleft()
            self.write(writes)
            collect_young()  # the batch's cycles (graph_loader.collector)
            self.written_token = head.token
            if progress:
                progress(head.size)
            self.checkpoint(head.token)

    def merge(self, head: Part, converted: Converted | None) -> None:
        """The results of a converted part in the run's books, in the order of its records:
        each one's admission or rejection while read, then the units judged."""
        ledger, report = self.ledger, self.ledger.report
        reading = converted.reading if converted else {}
        for place in range(head.size):
            report.results += head.said.get(place, []) + reading.get(place, [])
        if converted is None:
            return
        report.results += converted.judged
        report.keywords.linked.update(converted.keywords.linked)
        for name, counts in converted.keywords.unmatched.items():
            report.keywords.unmatched.setdefault(name, Counter()).update(counts)
        report.written += converted.written
        report.triples_read += converted.triples_read
        ledger.seen.update(converted.seen)
        for identifier, datestamp, kept in converted.remembered:
            ledger.known[identifier] = [
                KnownRecord(graph, identifier, datestamp, digest, resource)
                for graph, digest, resource in kept
            ]
            ledger.hashes.update((graph, digest) for graph, digest, _ in kept)

    def write(self, writes: list[GraphWrite]) -> None:
        """Write in one transaction (a new generation of the store before the run's first)."""
        if not writes:
            return
        if not self.report.bumped:
            self.report.generation_before = store_generation(self.store)
            self.store.write_graphs([new_generation()])
            self.report.bumped = True
        self.store.write_graphs(writes, announce=True)  # in the change feed
        self.report.triples_written += sum(len(w) for w in writes)


def _quality(store: Store, name: str) -> dict:
    """``{records, meanScore}`` over the source's scored records (for "what changed")."""
    from ..quality import graph_scores

    found = graph_scores(store.select(load_query("harvest/quality"), {"source": source_iri(name)}))
    n = len(found)
    return {"records": n, "meanScore": round(sum(found.values()) / n, 1) if n else None}


def _last_complete(store: Store, name: str) -> str | None:
    """When the last complete harvest of the source began, in UTC to the second
    (``YYYY-MM-DDThh:mm:ssZ``: both CSW filters and OAI-PMH ``from`` take it)."""
    for run in read_runs(store, name):
        if run["report"].get("complete"):
            began = run["report"].get("harvestStarted") or run["started"]
            return began[:19] + "Z"
    return None
