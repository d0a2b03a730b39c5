"""The load pipeline: read files, split each into records, repair, validate, write.

``load_paths(store, paths)`` is what ``gaia-kg load`` and ``gaia-kg demo`` call. Every input
is read first (a file that cannot be parsed is reported and contributes nothing). Each file
is then split into records *on its own*: a record graph holds only what its own document
says, so where two files describe one agent (an ORCID, a ROR organisation, a shared
service) each record keeps its own file's description. The same record IRI described by
two files is loaded from the first and the second is reported by name. A file that gives
no record is reported with what it held (its statements stay in its source graph).

Each record is repaired (:mod:`graph_loader.repair`, when present: the repairs are written
in its provenance) and validated with SHACL. A record is *rejected* only when it cannot be
a record: no title in any language, or no IRI. Any other Violation loads it *flagged*
(``gaia:NotConformant``, the defects listed in French and English), unless the load is
strict (``strict=True``: every Violation rejects, the gate of earlier versions). Records
are written in batches, each batch one transaction, so a load stopped midway leaves every
record graph complete or absent. A record whose content hash is already in the store is left
untouched ("unchanged").
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urljoin

import pyoxigraph as ox

from .collector import collector_paused
from .enrich import KeywordLinker
from .load.inputs import collect_paths, file_names, read_all
from .load.judge import Judge, validate_documents
from .load.outcomes import LoadReport
from .load.split import sort_recordless, split_all
from .load.workers import BIG_INPUT, WorkerContext, load_jobs, start_workers, worker_pool
from .load.write import write_all
from .mappings.stac import count_items
from .messages import CLI
from .store import Store
from .validation import Shapes, load_shapes

__all__ = ["load_paths"]

Progress = Callable[[int], None]


@collector_paused()  # graph_loader.collector: millions of statements live until the end
def load_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    base_iri: str,
    lang: str = "en",
    shapes: Shapes | None = None,
    progress: Callable[[str, int], Progress] | None = None,
    strict: bool = False,
    document_base: str | None = None,
    jobs: int | None = None,
) -> LoadReport:
    """Load files and folders into ``store``; see the module docstring.

    ``base_iri`` is the base under which converters mint IRIs; relative IRIs of RDF input
    resolve against ``document_base`` (joined with the file's path under the folder named),
    else the file's own ``file:`` URI. ``strict`` rejects every record with a Violation.
    ``progress(key, total)`` starts a progress bar named by the message ``key`` of
    :data:`~graph_loader.messages.CLI` and returns its ``tick(n)``. ``jobs`` processes prepare
    the records of big documents (:mod:`graph_loader.load.workers`; default
    ``GAIA_KG_LOAD_JOBS``, else the cores; 1: all in this process).
    """
    started = time.perf_counter()
    clock = _Clock()
    files, skipped, relative = collect_paths(paths)
    names = file_names(files, relative)
    bases = _bases(files, relative, document_base)
    report = LoadReport(skipped_files=skipped, phases=clock.phases)
    report.file_names = list(names.values())
    linker = KeywordLinker.from_store(store)
    judge = Judge(None, store.record_hashes(), {}, report.formats, lang, strict=strict)
    judge.issued = store.record_issued()
    shapes = shapes or load_shapes()
    jobs = load_jobs(jobs)
    context = WorkerContext(
        shapes, linker, base_iri, lang, strict, judge.existing, judge.issued, judge.now
    )
    with _pool(jobs, files, context) as pool:
        documents = read_all(files, names, bases, report, progress, base_iri)
        report.triples_read = sum(len(d.quads) for d in documents)
        clock.lap("read")
        taken = split_all(
            documents, judge, linker, report, base_iri=base_iri, lang=lang, pool=pool,
            window=2 * jobs,
        )  # fmt: skip
        sort_recordless(documents, taken, report)
        if "stac" in report.formats.values():
            _count_stac(documents, taken, judge, report)
        clock.lap("split")

        writes = _validate_here(documents, judge, shapes, report, clock)

        total = len(writes) + sum(d.candidates for d in documents)
        tick = progress(CLI.mark("progress.records"), total) if progress else None
        write_all(store, _with_prepared(writes, documents, judge, report), documents, report,
                  tick, lang)  # fmt: skip
        clock.lap("write")
    report.seconds = time.perf_counter() - started
    return report


def _bases(files: list[Path], relative: dict, document_base: str | None) -> dict[Path, str]:
    """Each file's base IRI: ``document_base`` joined with its path under the folder named,
    else its own ``file:`` URI."""
    return {
        f: urljoin(document_base, relative[f]) if document_base else f.resolve().as_uri()
        for f in files
    }


@contextmanager
def _pool(jobs: int, files: list[Path], context: WorkerContext):
    """The worker pool of a load with ``jobs`` > 1 (None otherwise), shut down on leaving:
    forked at its first task, with ``context``; at once when the input is big (a small process
    to fork)."""
    if jobs <= 1 or not files:
        yield None
        return
    pool = worker_pool(jobs, context)
    try:
        if sum(f.stat().st_size for f in files if f.is_file()) >= BIG_INPUT:
            start_workers(pool)  # before the files are read
        yield pool
    finally:
        pool.shutdown(cancel_futures=True)


def _validate_here(documents: list, judge: Judge, shapes: Shapes, report: LoadReport, clock):
    """Validate the records prepared in this process (the documents not handed to workers);
    the graphs to write. The time of validation is counted apart from preparation."""
    here = [d for d in documents if d.pending is None]
    writes, validate_seconds = validate_documents(here, judge, shapes)
    report.outcomes = judge.outcomes
    clock.lap("prepare")
    clock.phases["validate"] = validate_seconds
    clock.phases["prepare"] -= validate_seconds
    return writes


def _count_stac(documents: list, taken: dict, judge: Judge, report: LoadReport) -> None:
    """STAC items stay in their file's graph, naming their collection: "apart" are those whose
    collection is no record of this load."""
    kept = [r for d in documents for r in d.split.records]
    report.stac_items, _ = count_items(kept, report.formats, judge.declared_in)
    report.stac_items_unattached = {
        c: n for c, n in report.stac_items.items() if ox.NamedNode(c) not in taken
    }


def _with_prepared(writes: list, documents: list, judge: Judge, report: LoadReport):
    """The graphs to write: those prepared here, then those of the workers as they come (their
    outcomes and keyword counts added to the report as each chunk is taken)."""
    yield from writes
    for d in documents:
        if d.pending is None:
            continue
        for done in d.pending:
            judge.outcomes.extend(done.outcomes)
            report.keywords.linked.update(done.keywords.linked)
            for source, missed in done.keywords.unmatched.items():
                report.keywords.unmatched.setdefault(source, Counter()).update(missed)
            report.orphan_subjects += done.orphans
            report.phases["validate (workers)"] = (
                report.phases.get("validate (workers)", 0.0) + done.seconds
            )
            yield from done.writes
        d.pending = None


class _Clock:
    """Seconds spent in each phase, for the report and the benchmark."""

    def __init__(self) -> None:
        self.phases: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.phases[name] = now - self._last
        self._last = now
