"""What becomes of real records: every kind and producer of a corpus loaded into fresh stores.

    python bench/corpus.py ../shared/corpora/real [--kind iso19139 …] [--details] [--json F]

The corpus is a folder of kinds (``iso19139/``, ``datacite-xml/`` …), each a folder of producers
holding files. Every producer is loaded by the real pipeline (``gaia-kg load``'s
:func:`graph_loader.pipeline.load_paths`) into a fresh in-memory store holding only the
project's graphs, every file named explicitly (no suffix filter). Vocabularies are loaded as
``gaia-kg vocab load`` does. Prints, per kind and producer: files, records, records loaded as
they are, loaded with repairs, loaded with defects flagged, rejected, unreadable files (each
with its reason), files loaded as vocabularies, files that make no record (named with what
they held; their statements kept in the file's source graph), files describing a record
another file already gave, files that gave nothing and nobody said so (must be 0), and
exceptions that escaped the pipeline (tracebacks: must be 0); then the repairs by kind, the
rejection reasons, each unreadable file with its reason and each file that made no record or
gave nothing. ``--json`` writes the same figures for tests and the README.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph_loader.backends import open_store  # noqa: E402
from graph_loader.bootstrap import initialise  # noqa: E402
from graph_loader.config import DEFAULT_BASE  # noqa: E402
from graph_loader.errors import InputError  # noqa: E402
from graph_loader.pipeline import load_paths  # noqa: E402
from graph_loader.vocab import load_vocabulary  # noqa: E402

__all__ = ["Row", "run", "main"]

#: kinds loaded as vocabularies (``gaia-kg vocab load``), not as records
VOCABULARY_KINDS = {"vocabularies"}

COLUMNS = (
    ("files", "files"),
    ("records", "records"),
    ("as_is", "as is"),
    ("repaired", "repaired"),
    ("flagged", "flagged"),
    ("rejected", "rejected"),
    ("unreadable", "unreadable"),
    ("vocabularies", "vocabularies"),
    ("no_record", "no record"),
    ("duplicate", "same record twice"),
    ("nothing", "gave nothing"),
    ("tracebacks", "tracebacks"),
)


@dataclass
class Row:
    """The figures of one producer (or the sum of several)."""

    kind: str
    producer: str
    files: int = 0
    records: int = 0
    as_is: int = 0
    repaired: int = 0
    flagged: int = 0
    rejected: int = 0
    unreadable: int = 0
    vocabularies: int = 0
    no_record: int = 0
    duplicate: int = 0
    nothing: int = 0
    tracebacks: int = 0
    repairs: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    unreadable_files: dict[str, str] = field(default_factory=dict)
    empty_files: dict[str, str] = field(default_factory=dict)
    silent_files: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, other: Row) -> None:
        for name, _ in COLUMNS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.repairs.update(other.repairs)
        self.reasons.update(other.reasons)
        self.unreadable_files.update(other.unreadable_files)
        self.empty_files.update(other.empty_files)
        self.silent_files += other.silent_files
        self.seconds += other.seconds

    @property
    def loaded_share(self) -> float:
        """Records loaded (as they are, repaired or flagged) over records met."""
        return (self.records - self.rejected) / self.records if self.records else 1.0

    def to_json(self) -> dict:
        out = {name: getattr(self, name) for name, _ in COLUMNS}
        out.update(
            kind=self.kind,
            producer=self.producer,
            loaded_share=round(self.loaded_share, 4),
            repairs=dict(self.repairs),
            rejected_by_reason=dict(self.reasons),
            unreadable_files=self.unreadable_files,
            empty_files=self.empty_files,
            silent_files=self.silent_files,
        )
        return out


def _fresh_store():
    store = open_store(":memory:")
    for _ in initialise(store, infer=False):
        pass
    return store


def _files(folder: Path) -> list[Path]:
    return sorted(
        f
        for f in folder.rglob("*")
        if f.is_file() and not any(p.startswith(".") for p in f.relative_to(folder).parts)
    )


def load_producer(kind: str, folder: Path) -> Row:
    """Load one producer's files into a fresh store and count what became of them."""
    row = Row(kind, folder.name)
    files = _files(folder)
    row.files = len(files)
    started = time.perf_counter()
    try:
        if kind in VOCABULARY_KINDS:
            _load_vocabularies(row, files)
        else:
            _load_records(row, files)
    except Exception:  # a traceback is a defect to count and show, not to hide
        row.tracebacks += 1
        print(f"TRACEBACK {kind}/{folder.name}:\n{traceback.format_exc()}", file=sys.stderr)
    row.seconds = time.perf_counter() - started
    return row


def _load_records(row: Row, files: list[Path]) -> None:
    report = load_paths(_fresh_store(), files, base_iri=DEFAULT_BASE)
    summary = report.summary()
    row.records = summary["records"]
    row.as_is = summary["loaded_as_is"]
    row.repaired = summary["loaded_repaired"]
    row.flagged = summary["flagged"]
    row.rejected = summary["rejected"]
    row.repairs.update(summary["repairs_by_kind"])
    row.reasons.update(summary["rejected_by_reason"])
    row.unreadable_files.update(summary["unreadable"])
    row.empty_files.update(summary["empty"])
    row.unreadable = len(summary["unreadable"])
    row.vocabularies = len(summary["vocabularies"])
    row.no_record = len(summary["empty"])
    row.duplicate = len(summary["duplicate_files"])
    # a file read that is in none of these gave nothing, and nobody said so
    accounted = (
        set(summary["files_with_records"])
        | set(summary["vocabularies"])
        | set(summary["empty"])
        | set(summary["supplements"])
        | set(summary["duplicate_files"])
        | set(summary["unreadable"])
    )
    row.silent_files = sorted(set(report.file_names) - accounted)
    row.nothing = len(row.silent_files)


def _load_vocabularies(row: Row, files: list[Path]) -> None:
    """Each file as ``gaia-kg vocab load`` takes it: a record is a vocabulary that gave terms."""
    store = _fresh_store()
    for f in files:
        try:
            loaded = load_vocabulary(store, f)
        except InputError as exc:
            row.unreadable_files[f.name] = str(exc).removeprefix(f"{f}: ")
            row.unreadable += 1
            continue
        if loaded.triples == 0:
            row.empty_files[f.name] = "no statement"
            row.nothing += 1
            continue
        row.records += 1
        row.as_is += 1


def run(root: Path, kinds: list[str] | None = None, progress=None) -> list[Row]:
    """A row per producer of every kind (or of ``kinds``) under ``root``."""
    rows = []
    for kind_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        if kinds and kind_dir.name not in kinds:
            continue
        for producer in sorted(p for p in kind_dir.iterdir() if p.is_dir()):
            rows.append(load_producer(kind_dir.name, producer))
            if progress:
                progress(rows[-1])
    return rows


def totals(rows: list[Row]) -> dict[str, Row]:
    """The sum of the rows of each kind, and of all (key ``"all"``)."""
    out: dict[str, Row] = {}
    for r in rows:
        out.setdefault(r.kind, Row(r.kind, "all")).add(r)
        out.setdefault("all", Row("all", "all")).add(r)
    return out


def _table(rows: list[Row], first: str) -> list[str]:
    head = [first, *(title for _, title in COLUMNS), "loaded"]
    lines = ["| " + " | ".join(head) + " |", "|---" + "|---:" * (len(head) - 1) + "|"]
    for r in rows:
        name = r.producer if first == "producer" else r.kind
        cells = [name, *(str(getattr(r, n)) for n, _ in COLUMNS), f"{100 * r.loaded_share:.1f} %"]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def markdown(rows: list[Row], details: bool) -> str:
    """The report: totals per kind, then per producer of each kind, then the details."""
    sums = totals(rows)
    out = ["## Records of the corpus, by kind", ""]
    out += _table([sums[k] for k in sums if k != "all"] + [sums["all"]], "kind")
    for kind in [k for k in sums if k != "all"]:
        out += ["", f"### {kind}", ""]
        out += _table([r for r in rows if r.kind == kind], "producer")
    everything = sums["all"] if rows else Row("all", "all")
    out += ["", "## Repairs, by kind", ""]
    out += [f"- {k}: {n}" for k, n in everything.repairs.most_common()] or ["- none"]
    out += ["", "## Rejected records, by reason", ""]
    out += [f"- {n} × {reason}" for reason, n in everything.reasons.most_common()] or ["- none"]
    if details:
        out += ["", "## Unreadable files", ""]
        out += [f"- {f}: {why}" for f, why in sorted(everything.unreadable_files.items())]
        out += ["", "## Files that made no record", ""]
        out += [f"- {f}: {why}" for f, why in sorted(everything.empty_files.items())]
        out += ["", "## Files that gave nothing, silently", ""]
        out += [f"- {f}" for f in everything.silent_files] or ["- none"]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a folder of kinds of producers of files")
    parser.add_argument("--kind", action="append", help="only these kinds (repeatable)")
    parser.add_argument("--details", action="store_true", help="list every file refused")
    parser.add_argument("--json", type=Path, help="write the figures as JSON to this file")
    args = parser.parse_args(argv)
    started = time.perf_counter()

    def progress(row: Row) -> None:
        print(f"  {row.kind}/{row.producer}: {row.records} records", file=sys.stderr)

    rows = run(args.corpus, args.kind, progress)
    print(markdown(rows, args.details))
    sums = totals(rows)
    print(f"\n{len(rows)} producers in {time.perf_counter() - started:.1f} s")
    if args.json:
        payload = {
            "kinds": {k: r.to_json() for k, r in sums.items()},
            "producers": [r.to_json() for r in rows],
        }
        args.json.write_text(json.dumps(payload, indent=1, ensure_ascii=False), "utf-8")
    return 1 if sums.get("all") and sums["all"].tracebacks else 0


if __name__ == "__main__":
    sys.exit(main())
