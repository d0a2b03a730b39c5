"""One harvest run: the source read page by page, batches of upstream records converted
(:mod:`.units`), judged (:mod:`.judging`) and written, checkpoints on the way, withdrawals and
the report at the end (see :mod:`graph_loader.harvest`)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from .. import __version__
from ..derived import new_generation, store_generation
from ..enrich import KeywordLinker
from ..load.judge import disjoint_groups
from ..queries import load_query
from ..sources import RawRecord, SourceError
from ..store import GraphWrite, Store
from ..validation import Shapes, load_shapes
from .config import SourceConfig, make_source
from .judging import UnitJudge
from .ledger import Ledger
from .report import HarvestReport
from .state import (
    Checkpoint,
    now_literal,
    read_checkpoint,
    read_runs,
    record_runs,
    source_iri,
    write_checkpoint,
)
from .units import Unit, UnitReader

__all__ = ["harvest", "BATCH", "CHECKPOINT_SECONDS", "MAX_SKIPS"]

BATCH = 200
#: bad pages skipped in a row, no record read between them, before the harvest stops
MAX_SKIPS = 10
CHECKPOINT_SECONDS = 10.0


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
) -> HarvestReport:
    """Harvest one source into ``store`` (see :mod:`graph_loader.harvest`).

    ``incremental`` asks the source only for records changed since the last complete harvest
    (CSW, OAI-PMH; records gone upstream are then withdrawn only when the source says so);
    ``restart`` ignores an unfinished harvest's checkpoint; ``force`` converts records even when
    their datestamp is unchanged. ``backoff`` seconds (doubled each time) between retries.
    """
    own_client = client is None
    if own_client:
        client = httpx.Client(
            timeout=config.timeout,
            follow_redirects=True,
            headers={"User-Agent": f"gaia-kg/{__version__} (harvester)"},
        )
    try:
        run = _Run(store, config, base_iri, lang, shapes or load_shapes(), force)
        return run.go(client, incremental, restart, progress, backoff)
    finally:
        if own_client:
            client.close()


@dataclass
class _Troubles:
    """The pages a run failed to read so far."""

    #: retries made, by the resume token of the page
    attempts: Counter = field(default_factory=Counter)
    #: pages skipped in a row without a record read between them
    skipped: int = 0
    read_before: int = 0


class _Run:
    """One harvest of one source; holds what the batches share."""

    def __init__(self, store, config: SourceConfig, base_iri, lang, shapes, force: bool):
        self.store, self.config, self.name = store, config, config.name
        self.report = HarvestReport(
            config.name, config.kind, started=now_literal().value, policy=config.policy
        )
        self.ledger = Ledger(store, self.report)
        linker = KeywordLinker.from_store(store)
        self.reader = UnitReader(
            config, self.ledger, linker, base_iri=base_iri, force=force, lang=lang
        )
        self.judge = UnitJudge(config, self.ledger, shapes, lang=lang)
        self.last_checkpoint = time.monotonic()

    # -- the run -------------------------------------------------------------------------------

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
        return make_source(self.config, since=since)

    def read_source(self, source, client, resume, progress, backoff) -> None:
        """Read the source to its end, or until it fails past retries and skips."""
        troubles = _Troubles()
        batch: list[RawRecord] = []
        while True:
            try:
                for raw in source.records(client, resume=resume):
                    batch.append(raw)
                    if len(batch) >= BATCH:
                        self.flush(batch, progress)
                        self.checkpoint(source.resume_token)
                self.flush(batch, progress)
                self.report.complete = True
                return
            except SourceError as exc:
                self.flush(batch, progress)
                goes_on, resume = self.recover(exc, troubles, backoff)
                if not goes_on:
                    return
            except BaseException:
                self.write(self.batch_writes(batch))  # what was read is kept,
                self.checkpoint(source.resume_token, force=True)  # then where it stopped
                raise

    def recover(self, exc: SourceError, troubles: _Troubles, backoff: float) -> tuple:
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
        if force or time.monotonic() - self.last_checkpoint >= CHECKPOINT_SECONDS:
            started = self.report.harvest_started or self.report.started
            write_checkpoint(self.store, self.name, Checkpoint(token, self.ledger.seen, started))
            self.last_checkpoint = time.monotonic()

    # -- one batch -----------------------------------------------------------------------------

    def flush(self, batch: list[RawRecord], progress) -> None:
        """Convert, validate and write a batch of upstream records (one transaction), count
        it on the progress bar, and empty it."""
        self.write(self.batch_writes(batch))
        if progress and batch:
            progress(len(batch))
        batch.clear()

    def batch_writes(self, batch: list[RawRecord]) -> list[GraphWrite]:
        """The writes of a batch: the graphs of withdrawn records dropped, the rest judged
        in groups of units that share no record."""
        units: list[Unit] = []
        drops: list[list[GraphWrite]] = []
        for raw in batch:
            units += self.reader.units(raw, drops)
        writes = [w for d in drops for w in d]
        for group in disjoint_groups(units, lambda u: u.records):
            writes += self.judge.writes(group)
        return writes

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
