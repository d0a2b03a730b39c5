"""Harvesting: sources → converters → keyword linking → validation → store, record by record.

``harvest(store, config, client=...)`` reads every record of one declared source
(:mod:`graph_loader.harvest_config`) and never fails silently:

- each upstream record is converted, repaired (:mod:`graph_loader.repair`, each repair written
  in its provenance) and validated on its own: a record that cannot be read or converted, or
  that cannot be a record (no title, no IRI), is *rejected* with its reasons, and the harvest
  goes on; a record with another SHACL Violation is loaded flagged as not conformant, unless
  the source's ``policy`` is ``"strict"``; nothing of a rejected record is written (a record
  is all its graphs or nothing);
- records whose datestamp is the one stored (or, after conversion, whose content hash is) are
  *unchanged* and not rewritten; records deleted upstream (OAI-PMH ``deleted``) or, at the end of
  a complete full harvest, no longer listed are *withdrawn* (their graphs dropped);
- writes go in batches of :data:`BATCH` upstream records, one transaction each; a checkpoint
  (resume token and identifiers read) is stored after a batch at most every
  :data:`CHECKPOINT_SECONDS`, so a harvest stopped midway (a crash, Ctrl-C, a server gone)
  resumes from its last checkpoint at the next run;
- a page the server fails to give (5xx, timeout) is retried ``retries`` times; a page that
  cannot be read is skipped when the protocol allows it (CSW), else the harvest stops with
  its checkpoint and says how to resume.

Each record graph is named after (source, upstream identifier, resource), so two sources
describing one resource keep their own graphs, and every link keeps who asserted it.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
import pyoxigraph as ox

from . import __version__
from .derived import new_generation, store_generation
from .enrich import KeywordLinker, KeywordReport
from .errors import InputError
from .formats import read_document
from .harvest_config import SourceConfig, make_source
from .harvest_state import (
    Checkpoint,
    KnownRecord,
    known_records,
    now_literal,
    read_checkpoint,
    read_runs,
    record_runs,
    source_iri,
    write_checkpoint,
)
from .load.judge import Judge, as_quad, disjoint_groups, problems_by_record, record_title
from .load.split import held
from .messages import CLI
from .queries import load_query
from .records import Record, record_graph_iri, split_records
from .repair import distinct, repair_triples
from .sources import RawRecord, SourceError
from .store import GraphWrite, Store
from .terms import HARVEST_SOURCE, UPSTREAM_DATESTAMP, UPSTREAM_IDENTIFIER
from .validate import Shapes, load_shapes, validate

__all__ = ["harvest", "HarvestReport", "RecordResult", "BATCH", "CHECKPOINT_SECONDS", "STATUSES"]

BATCH = 200
#: bad pages skipped in a row, no record read between them, before the harvest stops
MAX_SKIPS = 10
CHECKPOINT_SECONDS = 10.0
STATUSES = ("loaded", "updated", "unchanged", "withdrawn", "rejected")
#: source kinds whose upstream "records" are pages of many records, each judged on its own
_PAGES = {"dcat", "thredds"}


@dataclass(slots=True)
class RecordResult:
    """What happened to one upstream record."""

    identifier: str
    status: str
    title: str = ""
    resource: str | None = None
    reasons: list[str] = field(default_factory=list)
    #: Violations of a record loaded all the same, flagged as not conformant
    defects: list[str] = field(default_factory=list)
    repairs: int = 0


@dataclass
class HarvestReport:
    """The report of one run, printed by the CLI and stored with the source's runs."""

    source: str
    kind: str
    mode: str = "full"
    #: what the source does with a record that has a SHACL Violation: "flag" or "strict"
    policy: str = "flag"
    started: str = ""
    #: when the harvest began: the start of the interrupted run a resumed run goes on with
    harvest_started: str = ""
    seconds: float = 0.0
    complete: bool = False
    resumed_from: str | None = None
    interrupted: str | None = None
    results: list[RecordResult] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    #: the store's generation before the run's first write (see :mod:`graph_loader.derived`)
    generation_before: str | None = None
    bumped: bool = False
    keywords: KeywordReport = field(default_factory=KeywordReport)
    triples_written: int = 0
    #: the source's records after the run: how many have a quality score, and their mean
    quality: dict = field(default_factory=dict)
    #: resources written and withdrawn by the run (for the search index)
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def changed(self) -> bool:
        return any(r.status in ("loaded", "updated", "withdrawn") for r in self.results)

    @property
    def ok(self) -> bool:
        return self.complete and not self.count("rejected") and not self.page_errors

    def to_json(self, *, limit: int = 200) -> dict:
        unmatched: Counter = Counter()
        for counts in self.keywords.unmatched.values():
            unmatched.update(counts)
        rejected = [r for r in self.results if r.status == "rejected"]
        return {
            "source": self.source,
            "kind": self.kind,
            "mode": self.mode,
            "started": self.started,
            "harvestStarted": self.harvest_started or self.started,
            "seconds": round(self.seconds, 3),
            "complete": self.complete,
            "resumedFrom": self.resumed_from,
            "interrupted": self.interrupted,
            "policy": self.policy,
            "counts": {s: self.count(s) for s in STATUSES},
            "flagged": sum(1 for r in self.results if r.defects and r.status != "rejected"),
            "repaired": sum(1 for r in self.results if r.repairs and r.status != "rejected"),
            "rejected": [
                {"identifier": r.identifier, "title": r.title, "reasons": r.reasons}
                for r in rejected[:limit]
            ],
            "pageErrors": self.page_errors,
            "keywords": {
                "linked": sum(self.keywords.linked.values()),
                "unmatched": sum(unmatched.values()),
                "topUnmatched": [{"keyword": k, "count": n} for k, n in unmatched.most_common(50)],
            },
            "triplesWritten": self.triples_written,
            "quality": self.quality,
        }


@dataclass
class _Unit:
    """The records converted from one upstream record (or one record of a DCAT page)."""

    identifier: str
    datestamp: str | None
    fmt: str
    records: list[Record]
    #: record resource -> its repairs
    repairs: dict = field(default_factory=dict)


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
    """Harvest one source into ``store`` (see the module docstring).

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


class _Run:
    """One harvest of one source; holds what the batches share."""

    def __init__(self, store, config: SourceConfig, base_iri, lang, shapes, force: bool):
        self.store, self.config, self.base_iri = store, config, base_iri
        self.lang, self.shapes, self.force = lang, shapes, force
        self.report = HarvestReport(
            config.name, config.kind, started=now_literal().value, policy=config.policy
        )
        self.linker = KeywordLinker.from_store(store)
        self.known = known_records(store, config.name)
        self.hashes = {k.graph: k.content_hash for ks in self.known.values() for k in ks}
        self.seen: set[str] = set()  # identifiers read by the harvest (resumed runs too)
        self.read: set[str] = set()  # identifiers read by this run
        self.last_checkpoint = time.monotonic()
        self.name = config.name

    # -- the run -------------------------------------------------------------------------------

    def go(self, client, incremental, restart, progress, backoff) -> HarvestReport:
        began = time.perf_counter()
        report, name = self.report, self.name
        point = Checkpoint() if restart else read_checkpoint(self.store, name)
        resume = point.resume
        if resume is not None:
            report.resumed_from = resume
            self.seen = set(point.seen)
            report.harvest_started = point.started or report.started
        # only CSW and OAI-PMH can list what changed since a date; others list everything
        asks = incremental and self.config.kind in ("csw", "oai-pmh")
        since = _last_complete(self.store, name) if asks else None
        report.mode = "incremental" if since else "full"
        source = make_source(self.config, since=since)
        attempts: Counter = Counter()
        batch: list[RawRecord] = []
        skipped, read_before = 0, 0  # pages skipped in a row without a record read between
        while True:
            try:
                for raw in source.records(client, resume=resume):
                    batch.append(raw)
                    if len(batch) >= BATCH:
                        self.flush(batch)
                        batch = self.done(batch, progress)
                        self.checkpoint(source.resume_token)
                self.flush(batch)
                batch = self.done(batch, progress)
                report.complete = True
                break
            except SourceError as exc:
                self.flush(batch)
                batch = self.done(batch, progress)
                if exc.transient and attempts[exc.resume] < self.config.retries:
                    attempts[exc.resume] += 1
                    time.sleep(backoff * 2 ** (attempts[exc.resume] - 1))
                    resume = exc.resume
                elif exc.skip is not None and not exc.transient and skipped < MAX_SKIPS:
                    report.page_errors.append(str(exc))  # a bad record CSW could isolate
                    resume = exc.skip
                    skipped = skipped + 1 if len(self.read) == read_before else 1
                    read_before = len(self.read)
                else:
                    report.interrupted = str(exc)
                    self.checkpoint(exc.resume, force=True)
                    break
            except BaseException:
                self.flush(batch)  # what was read is kept, then the checkpoint says where
                self.checkpoint(source.resume_token, force=True)
                raise
        if report.complete:
            # Records of a skipped page were not seen: withdrawing them would be a guess.
            if report.mode == "full" and not report.page_errors:
                gone = sorted(set(self.known) - self.seen)
                for start in range(0, len(gone), BATCH):
                    self.write([], [self.withdraw(i) for i in gone[start : start + BATCH]])
            write_checkpoint(self.store, name, None)
        report.seconds = time.perf_counter() - began
        report.quality = _quality(self.store, name)
        record_runs(self.store, name, report.started, report.to_json())
        return report

    def checkpoint(self, token: str | None, *, force: bool = False) -> None:
        if force or time.monotonic() - self.last_checkpoint >= CHECKPOINT_SECONDS:
            point = Checkpoint(token, self.seen, self.report.harvest_started or self.report.started)
            write_checkpoint(self.store, self.name, point)
            self.last_checkpoint = time.monotonic()

    # -- one batch -----------------------------------------------------------------------------

    def flush(self, batch: list[RawRecord]) -> None:
        """Convert, validate and write a batch of upstream records (one transaction)."""
        units: list[_Unit] = []
        drops: list[list[GraphWrite]] = []
        for raw in batch:
            units += self.convert(raw, drops)
        writes = [w for d in drops for w in d]
        for group in disjoint_groups(units, lambda u: u.records):
            writes += self.judge(group)
        self.write(writes, [])

    @staticmethod
    def done(batch: list[RawRecord], progress) -> list[RawRecord]:
        """Count a flushed batch on the progress bar; the next, empty batch."""
        if progress and batch:
            progress(len(batch))
        return []

    def write(self, writes: list[GraphWrite], drops: list[list[GraphWrite]]) -> None:
        writes = writes + [w for d in drops for w in d]
        if writes and not self.report.bumped:  # a new generation before the first records
            self.report.generation_before = store_generation(self.store)
            self.store.write_graphs([new_generation()])
            self.report.bumped = True
        if writes:
            self.store.write_graphs(writes)
            self.report.triples_written += sum(len(w) for w in writes)

    def result(self, identifier: str, status: str, **details) -> None:
        self.report.results.append(RecordResult(identifier, status, **details))

    def withdraw(self, identifier: str) -> list[GraphWrite]:
        """Empty writes for the graphs of ``identifier`` (a write of nothing drops a graph)."""
        known = self.known.pop(identifier, [])
        if known:
            self.result(identifier, "withdrawn", resource=known[0].resource)
            self.report.removed += [k.resource for k in known if k.resource]
        return [GraphWrite(ox.NamedNode(k.graph), []) for k in known]

    def admit(self, raw: RawRecord, drops: list) -> bool:
        """Whether ``raw`` is to be read: not given twice, not withdrawn (its graphs then go
        to ``drops``), not unchanged, not over the size limit; its result said if not."""
        if raw.identifier in self.read:
            reason = f"{raw.identifier}: the source lists this identifier twice; the first record"
            reason += " is kept (identifiant donné deux fois par la source ; la première notice"
            reason += " est gardée)"
            self.result(raw.identifier, "rejected", reasons=[reason])
            return False
        self.read.add(raw.identifier)
        self.seen.add(raw.identifier)
        if raw.deleted:
            drops.append(self.withdraw(raw.identifier))
            return False
        known = self.known.get(raw.identifier)
        if not self.force and raw.datestamp and known:
            if all(k.datestamp == raw.datestamp for k in known):
                self.result(raw.identifier, "unchanged")
                return False
        if len(raw.data) > self.config.max_record_bytes:
            mb = self.config.max_record_bytes // (1024 * 1024)
            size = f"{len(raw.data) / 1024 / 1024:.1f} MB"
            reason = f"record of {size} over the {mb} MB limit (notice de {size} : limite {mb} Mo)"
            self.result(raw.identifier, "rejected", reasons=[reason])
            return False
        return True

    def parse(self, raw: RawRecord) -> tuple[str, list, list] | None:
        """Format, statements and read-level repairs of ``raw``; None when it is rejected."""
        try:
            if not raw.data.strip():
                raise InputError("empty record (notice vide)")
            read_repairs: list = []  # read-level repairs: base IRI, encodings, bad IRIs
            fmt, quads = read_document(
                raw.data,
                name=raw.identifier,
                base_iri=raw.url,
                mint_base=self.base_iri,
                repairs=read_repairs,
            )
        except InputError as exc:
            self.result(raw.identifier, "rejected", reasons=[str(exc)])
            return None
        return fmt, quads, read_repairs

    def convert(self, raw: RawRecord, drops: list) -> list[_Unit]:
        """The units of one upstream record; [] when it is withdrawn, unchanged or rejected."""
        if not self.admit(raw, drops) or (parsed := self.parse(raw)) is None:
            return []
        fmt, quads, read_repairs = parsed
        origin = f"{self.name}:{raw.identifier}"
        language = self.config.language
        mine: dict = {}  # record resource -> its repairs

        def repair(root, kind, triples):
            fixed, found = repair_triples(triples, root=root, language=language)
            subjects = {t.subject.value for t in triples} | {root.value}
            found = distinct([r for r in read_repairs if r.subject in subjects] + list(found))
            if found:
                mine[root] = found
            return fixed

        split = split_records(
            quads,
            base_iri=self.base_iri,
            origin=dict.fromkeys({q.subject for q in quads}, origin),
            augment=lambda root, kind, triples: self.linker.augment(
                root, kind, triples, self.name, self.report.keywords
            ),
            repair=repair,
        )
        paged = self.config.kind in _PAGES  # a page of records, not one upstream record
        if not paged and not any(r.kind != "source" for r in split.records):
            if split.anonymous:
                reason = CLI.text("harvest.anonymous", self.lang)
            else:
                reason = CLI.text("harvest.no_record", self.lang, held=held(quads, self.lang))
            self.result(raw.identifier, "rejected", reasons=[f"{raw.identifier}: {reason}"])
            return []
        if not paged:
            return [_Unit(raw.identifier, raw.datestamp, fmt, split.records, mine)]
        units = []  # a DCAT page or a THREDDS catalogue: each record on its own, by its IRI
        for record in split.records:
            identifier = record.resource.value
            self.seen.add(identifier)
            units.append(_Unit(identifier, None, fmt, [record], mine))
        return units

    def judge(self, units: list[_Unit]) -> list[GraphWrite]:
        """Validate units together; reject a unit when one of its records cannot be a record
        (or, under the strict policy, has a Violation); writes for the rest."""
        staging = ox.Store()
        staging.bulk_extend([as_quad(q) for u in units for r in u.records for q in r.triples])
        owners: dict = {}
        for u in units:
            for r in u.records:
                r.graph = record_graph_iri(f"{self.name}\n{u.identifier}\n{r.resource.value}")
                for node in {t.subject for t in r.triples}:
                    owners.setdefault(node, []).append(r.resource)
        by_record = problems_by_record(validate(staging, self.shapes), owners)
        writes: list[GraphWrite] = []
        for u in units:
            main = next((r for r in u.records if r.kind != "source"), u.records[0])
            title = record_title(main, self.lang)
            found = {r.resource: by_record.get(r.resource, []) for r in u.records}
            judge = self.new_judge(staging, found, u)
            errors = [text for r in u.records for text in judge.fatal(r, found[r.resource])[0]]
            if errors:
                self.result(
                    u.identifier,
                    "rejected",
                    title=title,
                    resource=main.resource.value,
                    reasons=errors,
                )
                continue
            writes += self.unit_writes(u, judge, found, main, title)
        return writes

    def new_judge(self, staging, found: dict, u: _Unit) -> Judge:
        judge = Judge(
            staging,
            self.hashes,
            dict.fromkeys(found, self.name),
            {self.name: u.fmt},
            self.lang,
            strict=self.config.strict,
        )
        judge.repairs = u.repairs
        return judge

    def unit_writes(self, u: _Unit, judge: Judge, found, main: Record, title: str) -> list:
        about = [
            (HARVEST_SOURCE, source_iri(self.name)),
            (UPSTREAM_IDENTIFIER, ox.Literal(u.identifier)),
        ]
        if u.datestamp:
            about.append((UPSTREAM_DATESTAMP, ox.Literal(u.datestamp)))
        writes = []
        for r in u.records:
            w = judge(r, found[r.resource])
            if w is not None:
                mine = [ox.Triple(r.graph, p, o) for p, o in about]
                writes.append(GraphWrite(w.graph, [*w.triples, *mine], w.lines))
        written = {w.graph for w in writes}
        graphs = {r.graph.value for r in u.records}
        previous = self.known.get(u.identifier, [])
        stale = [GraphWrite(ox.NamedNode(k.graph), []) for k in previous if k.graph not in graphs]
        if not writes and not stale:
            status = "unchanged"
        else:
            status = "updated" if previous else "loaded"
        mine = judge.outcomes
        self.result(
            u.identifier,
            status,
            title=title,
            resource=main.resource.value,
            defects=[d for o in mine for d in o.defects],
            repairs=sum(len(o.repairs) for o in mine),
        )
        self.report.written += [r.resource.value for r in u.records if r.graph in written]
        for r in u.records:
            self.hashes[r.graph.value] = r.content_hash
        # a later duplicate of this identifier in the run compares with this version
        self.known[u.identifier] = [
            KnownRecord(r.graph.value, u.identifier, u.datestamp, r.content_hash, r.resource.value)
            for r in u.records
        ]
        return writes + stale


def _quality(store: Store, name: str) -> dict:
    """``{records, meanScore}`` over the source's scored records (for "what changed")."""
    rows = store.select(load_query("harvest/quality"), {"source": source_iri(name)})
    mean = rows[0].get("mean") if rows else None
    n = int(rows[0]["n"].value) if rows else 0
    return {"records": n, "meanScore": round(float(mean.value), 1) if n and mean else None}


def _last_complete(store: Store, name: str) -> str | None:
    """When the last complete harvest of the source began, in UTC to the second
    (``YYYY-MM-DDThh:mm:ssZ``: both CSW filters and OAI-PMH ``from`` take it)."""
    for run in read_runs(store, name):
        if run["report"].get("complete"):
            began = run["report"].get("harvestStarted") or run["started"]
            return began[:19] + "Z"
    return None
