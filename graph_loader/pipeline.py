"""The load pipeline: read files, split into records, validate, write record graphs.

``load_paths(store, paths)`` is what ``gaia-kg load`` and ``gaia-kg demo`` call. Every input
of one call is read first (a file that cannot be parsed is reported and contributes nothing),
then the triples of all readable files are split into records together, so a dataset in one
file may use an agent described in another. Records with a SHACL Violation are rejected and
named with their problems in plain words; the others are written in batches, each batch one
transaction, so a load stopped midway leaves every record graph complete or absent. A record
whose content hash is already in the store is left untouched ("unchanged").
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox

from . import __version__
from .enrich import KeywordLinker, KeywordReport
from .errors import InputError
from .formats import read_document
from .mappings.stac import count_items
from .quality import quality_triples
from .records import Record, split_records
from .store import GraphWrite, Store
from .terms import (
    CONFORMS,
    CONFORMS_WITH_WARNINGS,
    CONTENT_HASH,
    CONVERTER,
    DCT,
    DESCRIBES,
    GENERATED_AT,
    RDF_TYPE,
    RECORD_GRAPH,
    SOURCE,
    TRIPLE_COUNT,
    VALIDATION_MESSAGE,
    VALIDATION_OUTCOME,
    WARNING_COUNT,
    XSD,
)
from .validate import Problem, Shapes, describe, load_shapes, validate

__all__ = [
    "LoadReport",
    "RecordOutcome",
    "Judge",
    "load_paths",
    "collect_files",
    "problems_by_record",
    "record_title",
    "RDF_SUFFIXES",
]

#: files taken from a folder (a file named explicitly is read whatever its name)
RDF_SUFFIXES = {".ttl", ".nt", ".nq", ".trig", ".rdf", ".owl", ".xml", ".jsonld", ".json"}
RDF_SUFFIXES |= {".ncml", ".cdl"}  # netCDF headers: NcML and CDL (ncdump -h) read as ACDD
BATCH = 1000  # records per transaction (about 30k quads)

Progress = Callable[[int], None]


@dataclass(slots=True)
class RecordOutcome:
    """What happened to one record: loaded, updated, unchanged or rejected."""

    resource: str
    kind: str
    title: str
    source: str
    status: str
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: the shape message of each warning, for grouping in summaries
    warning_kinds: list[str] = field(default_factory=list)


@dataclass(slots=True)
class LoadReport:
    """The summary printed by the CLI and returned to callers."""

    outcomes: list[RecordOutcome] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    files: int = 0
    skipped_files: int = 0
    orphan_subjects: int = 0
    triples_read: int = 0
    triples_written: int = 0
    seconds: float = 0.0
    #: seconds per phase: read, split, validate, prepare, write
    phases: dict[str, float] = field(default_factory=dict)
    #: the format each file was read as (by file name)
    formats: dict[str, str] = field(default_factory=dict)
    #: keywords linked to thesaurus concepts, and those left unmatched, per source file
    keywords: KeywordReport = field(default_factory=KeywordReport)
    #: STAC items read, by collection IRI; those whose collection is not in this load
    stac_items: dict[str, int] = field(default_factory=dict)
    stac_items_unattached: dict[str, int] = field(default_factory=dict)

    def count(self, status: str) -> int:
        """Records (source records aside) with this status."""
        return sum(1 for o in self.outcomes if o.status == status and o.kind != "source")

    @property
    def warnings(self) -> int:
        return sum(len(o.warnings) for o in self.outcomes if o.status != "rejected")

    @property
    def ok(self) -> bool:
        return not self.file_errors and not self.count("rejected")


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], int]:
    """Expand folders (recursively, RDF file suffixes only); return files and skipped count."""
    files: list[Path] = []
    skipped = 0
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.parts):
                    if f.suffix.lower() in RDF_SUFFIXES:
                        files.append(f)
                    else:
                        skipped += 1
        else:
            files.append(p)
    return files, skipped


def record_title(record: Record, lang: str) -> str:
    titles = {}
    for t in record.triples:
        if t.subject == record.resource and t.predicate.value in _TITLE_PREDICATES:
            if isinstance(t.object, ox.Literal):
                titles.setdefault(t.object.language or "", t.object.value)
    return (
        titles.get(lang)
        or titles.get("en")
        or titles.get("fr")
        or next(iter(titles.values()), record.resource.value)
    )


_TITLE_PREDICATES = {DCT + "title", "https://schema.org/name", "http://xmlns.com/foaf/0.1/name"}


def _provenance(
    record: Record, source: str, fmt: str, warnings: list[ox.Literal], now: ox.Literal
) -> list[ox.Triple]:
    """What the record graph says about itself; ``warnings`` in fr and en, two per warning."""
    g = record.graph
    outcome = CONFORMS_WITH_WARNINGS if warnings else CONFORMS
    notes = [ox.Triple(g, VALIDATION_MESSAGE, w) for w in warnings]
    return notes + [
        ox.Triple(g, RDF_TYPE, RECORD_GRAPH),
        ox.Triple(g, DESCRIBES, record.resource),
        ox.Triple(g, SOURCE, ox.Literal(source)),
        ox.Triple(g, GENERATED_AT, now),
        ox.Triple(g, CONTENT_HASH, ox.Literal(record.content_hash)),
        ox.Triple(g, TRIPLE_COUNT, ox.Literal(str(len(record.lines)), datatype=_INT)),
        ox.Triple(g, VALIDATION_OUTCOME, outcome),
        ox.Triple(g, WARNING_COUNT, ox.Literal(str(len(warnings) // 2), datatype=_INT)),
        ox.Triple(g, CONVERTER, ox.Literal(f"gaia-kg {__version__} {fmt}")),
    ]


_INT = ox.NamedNode(XSD + "integer")


def _read_all(files: Sequence[Path], report: LoadReport, progress, base_iri: str):
    """Parse every file; remember the first file each subject appears in."""
    triples: list[ox.Quad] = []
    declared_in: dict[object, str] = {}
    tick = progress("reading files", len(files)) if progress and len(files) > 1 else None
    for f in files:
        if tick:
            tick(1)
        try:
            data = f.read_bytes()
            fmt, parsed = read_document(data, name=str(f), mint_base=base_iri)
        except InputError as exc:
            report.file_errors.append(str(exc))
            continue
        except OSError as exc:
            report.file_errors.append(f"{f}: cannot read: {exc.strerror or exc}")
            continue
        report.files += 1
        report.formats[f.name] = fmt
        for t in parsed:
            declared_in.setdefault(t.subject, f.name)
        triples.extend(parsed)
    return triples, declared_in


def problems_by_record(problems: list[Problem], owners: dict) -> dict:
    by_record: dict[ox.NamedNode, list[Problem]] = {}
    for p in problems:
        for root in owners.get(p.focus, ()):
            by_record.setdefault(root, []).append(p)
    return by_record


def load_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    base_iri: str,
    lang: str = "en",
    shapes: Shapes | None = None,
    progress: Callable[[str, int], Progress] | None = None,
) -> LoadReport:
    """Load files and folders into ``store``; see the module docstring."""
    started = time.perf_counter()
    clock = _Clock()
    files, skipped = collect_files(paths)
    report = LoadReport(skipped_files=skipped, phases=clock.phases)
    triples, declared_in = _read_all(files, report, progress, base_iri)
    report.triples_read = len(triples)
    clock.lap("read")
    linker = KeywordLinker.from_store(store)
    keywords = report.keywords

    def augment(root, kind, record_triples):
        source = declared_in.get(root, "?")
        return linker.augment(root, kind, record_triples, source, keywords)

    split = split_records(triples, base_iri=base_iri, origin=declared_in, augment=augment)
    del triples
    report.orphan_subjects = len(split.orphans)  # kept, in their file's source record
    if "stac" in report.formats.values():
        report.stac_items, report.stac_items_unattached = count_items(
            split.records, report.formats, declared_in
        )
    clock.lap("split")

    staging = ox.Store()
    # Validation reads the union of the records, in the default graph: no copy of the quads.
    staging.bulk_extend([q for r in split.records for q in r.triples])
    problems = validate(staging, shapes or load_shapes())
    by_record = problems_by_record(problems, split.owners)
    clock.lap("validate")

    judge = Judge(staging, store.record_hashes(), declared_in, report.formats, lang)
    writes = [
        w for r in split.records if (w := judge(r, by_record.get(r.resource, []))) is not None
    ]
    report.outcomes = judge.outcomes
    clock.lap("prepare")

    tick = progress("writing records", len(writes)) if progress else None
    for i in range(0, len(writes), BATCH):
        batch = writes[i : i + BATCH]
        store.write_graphs(batch)
        report.triples_written += sum(len(w) for w in batch)
        if tick:
            tick(len(batch))
    clock.lap("write")
    report.seconds = time.perf_counter() - started
    return report


class _Clock:
    """Seconds spent in each phase, for the report and the benchmark."""

    def __init__(self) -> None:
        self.phases: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.phases[name] = now - self._last
        self._last = now


class Judge:
    """Decides each record's fate (rejected, unchanged, loaded, updated) and what to write."""

    def __init__(self, staging, existing: dict[str, str], declared_in: dict, formats, lang: str):
        self.staging = staging
        self.formats = formats
        self.existing = existing
        self.declared_in = declared_in
        self.lang = lang
        self.outcomes: list[RecordOutcome] = []
        self.now = ox.Literal(
            datetime.now(UTC).isoformat(timespec="seconds"), datatype=ox.NamedNode(XSD + "dateTime")
        )

    def __call__(self, record: Record, found: list[Problem]) -> GraphWrite | None:
        lang, staging = self.lang, self.staging
        errors = [describe(p, staging, lang) for p in found if p.severity == "Violation"]
        lesser = [p for p in found if p.severity != "Violation"]
        source = self.declared_in.get(record.resource) or unquote(
            record.resource.value.rsplit("/")[-1]
        )
        old = self.existing.get(record.graph.value)
        write = None
        if errors:
            status = "rejected"
        elif old == record.content_hash:
            status = "unchanged"
        else:
            status = "updated" if old else "loaded"
            notes = [
                ox.Literal(describe(p, staging, code), language=code)
                for p in lesser
                for code in ("fr", "en")
            ]
            fmt = self.formats.get(source, "rdf")
            provenance = _provenance(record, source, fmt, notes, self.now)
            provenance += quality_triples(
                record.resource, record.kind, record.triples, record.graph
            )
            write = GraphWrite(record.graph, provenance, record.lines)
        self.outcomes.append(
            RecordOutcome(
                record.resource.value,
                record.kind,
                record_title(record, lang),
                source,
                status,
                errors,
                [describe(p, staging, lang) for p in lesser],
                [p.messages.get(lang, "") for p in lesser],
            )
        )
        return write
