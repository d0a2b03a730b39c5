"""The read phase of a load: the files named (folders expanded), each parsed into a
``Document`` by :func:`graph_loader.formats.read_document`; a file that cannot be read is
reported and contributes nothing."""

from __future__ import annotations

import inspect
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..collector import collect_young
from ..errors import InputError
from ..formats import read_document
from ..messages import CLI
from ..records import Record, Split
from ..repair import distinct, repair_triples
from .outcomes import LoadReport

__all__ = [
    "RDF_SUFFIXES",
    "Document",
    "collect_files",
    "collect_paths",
    "file_names",
    "read_all",
    "repair_record",
]

#: does read_document report its read-level repairs (base IRI, encodings) yet?
_READ_REPAIRS = "repairs" in inspect.signature(read_document).parameters

#: files taken from a folder (a file named explicitly is read whatever its name)
RDF_SUFFIXES = {".ttl", ".nt", ".nq", ".trig", ".rdf", ".owl", ".xml", ".jsonld", ".json"}
RDF_SUFFIXES |= {".ncml", ".cdl"}  # netCDF headers: NcML and CDL (ncdump -h) read as ACDD


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], int]:
    """Expand folders (recursively, RDF file suffixes only); return files and skipped count."""
    files, skipped, _ = collect_paths(paths)
    return files, skipped


def collect_paths(paths: Iterable[str | Path]) -> tuple[list[Path], int, dict[Path, str]]:
    """Files, skipped count, and each file's path relative to the folder named (for bases)."""
    files: list[Path] = []
    relative: dict[Path, str] = {}
    skipped = 0
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.parts):
                    if f.suffix.lower() in RDF_SUFFIXES:
                        files.append(f)
                        relative[f] = f.relative_to(p).as_posix()
                    else:
                        skipped += 1
        else:
            files.append(p)
            relative[p] = p.name
    return files, skipped, relative


@dataclass(slots=True)
class Document:
    """One file read: its name (as records name their source), format and statements."""

    name: str
    fmt: str
    quads: list
    split: Split | None = None
    repairs: list = field(default_factory=list)  # read-level repairs (base IRI, encodings)
    #: records of this document already loaded from an earlier one
    dropped: list = field(default_factory=list)
    #: record resource -> its repairs (read-level ones of its statements included)
    record_repairs: dict = field(default_factory=dict)
    #: what the document held, when it gave no record
    held: str | None = None
    #: its statements, when it gave no record but is a vocabulary (SKOS concepts)
    vocabulary: list | None = None
    #: a big document's records being prepared by worker processes (:mod:`.workers`), how
    #: many records it has to write (at most), and the IRIs they name
    pending: object | None = None
    candidates: int = 0
    named: set | None = None

    def validated(self) -> list[Record]:
        """What is validated together: the document's records, duplicates included (a
        shape may look at a node through any of them)."""
        return [*self.split.records, *self.dropped]


def file_names(files: Sequence[Path], relative: dict[Path, str]) -> dict[Path, str]:
    """The name of each file in reports and provenance: its file name, or its path under the
    folder named when two files share a name."""
    seen = Counter(f.name for f in files)
    return {f: f.name if seen[f.name] == 1 else relative.get(f, str(f)) for f in files}


def read_all(files, names, bases, report: LoadReport, progress, base_iri: str):
    """Parse every file: the documents read, in order."""
    documents: list[Document] = []
    tick = progress(CLI.mark("progress.files"), len(files)) if progress and len(files) > 1 else None
    for f in files:
        collect_young()  # the cycles the last file's reading made (graph_loader.collector)
        if tick:
            tick(1)
        name = names[f]
        read_repairs: list = []
        try:
            data = f.read_bytes()
            options = {"repairs": read_repairs} if _READ_REPAIRS else {}
            fmt, parsed = read_document(
                data, name=str(f), base_iri=bases[f], mint_base=base_iri, **options
            )
        except InputError as exc:
            report.file_errors.append(str(exc))
            report.unreadable[name] = str(exc).removeprefix(f"{f}: ")
            continue
        except OSError as exc:
            reason = f"cannot read: {exc.strerror or exc}"
            report.file_errors.append(f"{f}: {reason}")
            report.unreadable[name] = reason
            continue
        report.files += 1
        report.formats[name] = fmt
        documents.append(Document(name, fmt, parsed, repairs=read_repairs))
    return documents


def repair_record(root, triples, document: Document, repairs: dict) -> list:
    """One record's statements repaired; its repairs (and the read-level repairs of its
    statements) remembered for its provenance."""
    fixed, found = repair_triples(triples, root=root)
    read = []
    if document.repairs:
        subjects = {t.subject.value for t in triples} | {root.value}
        read = [r for r in document.repairs if r.subject in subjects]
    if found or read:
        repairs[root] = distinct(read + list(found))
    return fixed
