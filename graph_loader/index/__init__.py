"""The search index: a tantivy projection of the store, always rebuildable from it.

>>> from graph_loader.store import EmbeddedStore
>>> index = SearchIndex.open(None)          # in memory
>>> rebuild(index, EmbeddedStore(None)).documents
0

:func:`rebuild` replaces every document in one commit (readers keep the old ones until then),
reading the store a chunk of resources at a time;
:func:`update` re-reads the resources a load changed and drops the withdrawn ones. Alongside
the tantivy files, ``gaia-kg.json`` keeps what the search side needs that is not per document:
the GAIA thesaurus tree, concept labels, alignments and the labels of facet values.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import tantivy

from .. import feed
from ..config import Settings
from ..derived import store_generation
from ..errors import IndexBusyError, IndexWriteError, os_error_text
from ..messages import CLI
from ..store import Store
from .documents import make_document
from .resources import read_resources
from .scan import CHUNK, scan_store
from .schema import build_schema, register_analyzers
from .vocabularies import facet_values, read_vocabularies

__all__ = ["SearchIndex", "BuildReport", "rebuild", "update", "index_stats", "META_FILE"]

META_FILE = "gaia-kg.json"
#: an update of more resources than this (or a quarter of the index) rebuilds it whole
REBUILD_ABOVE = 20_000
#: documents between two progress calls
PROGRESS_EVERY = 1000
#: bump when the schema changes: an index of another version is rebuilt, not opened
SCHEMA_VERSION = 5
#: how long a write of the index waits for another process's (seconds)
WRITER_WAIT = 10.0

#: ``progress(done, total, stage)``: stage "read" counts store scans, "index" documents
Progress = Callable[[int, int, str], None]


@dataclass(slots=True)
class BuildReport:
    """What a rebuild or an update did."""

    documents: int
    removed: int
    seconds: float
    path: str | None
    #: a rebuild's seconds reading the store, making the documents and committing them
    phases: dict[str, float] | None = None

    def message(self, lang: str = "en") -> str:
        """One line for the CLI (with a rebuild's phases: where a long one spent its time)."""
        phases = CLI.text("index.phases", lang, **self.phases) if self.phases else ""
        return CLI.text(
            "index.built",
            lang,
            where=self.path or CLI.text("index.memory", lang),
            documents=CLI.plural("index.documents", self.documents, lang),
            removed=CLI.plural("index.removed", self.removed, lang),
            seconds=self.seconds,
            phases=phases,
        )


class SearchIndex:
    """A tantivy index (on disk or in memory) and its metadata."""

    def __init__(self, index: tantivy.Index, path: Path | None, meta: dict):
        self.index = index
        self.path = path
        self.meta = meta
        self.schema = index.schema
        self._lock = threading.Lock()
        self._meta_mtime = self._mtime()

    @classmethod
    def open(cls, path: str | Path | None) -> SearchIndex:
        """Open the index at ``path`` (created empty if absent), or a new one in memory."""
        schema = build_schema()
        if path is None:
            index = tantivy.Index(schema)
            meta: dict = {}
        else:
            path = Path(path)
            meta = _read_meta(path)
            if meta.get("schema") not in (None, SCHEMA_VERSION) and path.exists():
                shutil.rmtree(path)  # an index of another schema: start again
                meta = {}
            path.mkdir(parents=True, exist_ok=True)
            index = tantivy.Index(schema, path=str(path), reuse=True)
        register_analyzers(index)
        return cls(index, path, meta)

    @classmethod
    def for_settings(cls, settings: Settings) -> SearchIndex:
        """The index of ``settings`` (``Settings.index_path()``; in memory when None)."""
        return cls.open(settings.index_path())

    def _mtime(self) -> float:
        if self.path is None:
            return 0.0
        try:
            return (self.path / META_FILE).stat().st_mtime
        except OSError:
            return 0.0

    def searcher(self) -> tantivy.Searcher:
        """A searcher over the last commit (metadata reread when another process wrote it)."""
        if self.path is not None and self._mtime() != self._meta_mtime:
            with self._lock:
                self._meta_mtime = self._mtime()
                self.meta = _read_meta(self.path)
                self.index.reload()
        return self.index.searcher()

    def _commit(self, writer: tantivy.IndexWriter, meta: dict) -> None:
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        meta = {**meta, "schema": SCHEMA_VERSION, "built": datetime.now(UTC).isoformat()}
        self.meta = meta
        if self.path is not None:
            tmp = self.path / (META_FILE + ".tmp")
            tmp.write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
            tmp.replace(self.path / META_FILE)
            self._meta_mtime = self._mtime()


def _writer(
    index: SearchIndex, heap_size: int, threads: int, wait: float = WRITER_WAIT
) -> tantivy.IndexWriter:
    """The index's writer, waiting up to ``wait`` seconds for another process to release it
    (a server following the feed holds it briefly); :class:`IndexBusyError` after that."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return index.index.writer(heap_size=heap_size, num_threads=threads)
        except ValueError as exc:
            if "LockBusy" not in str(exc):
                raise
        if time.monotonic() >= deadline:
            break
        time.sleep(0.2)
    where = index.path or ":memory:"
    raise IndexBusyError(
        f"the search index {where} is being written by another process (a load, a rebuild "
        f"or a server building it); try again when it is done / l'index de recherche "
        f"{where} est en cours d'écriture par un autre processus ; réessayez ensuite"
    )


def _read_meta(path: Path) -> dict:
    try:
        return json.loads((path / META_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def rebuild(
    index: SearchIndex,
    store: Store,
    *,
    progress: Progress | None = None,
    threads: int = 2,
    chunk: int = CHUNK,
) -> BuildReport:
    """Replace every document of ``index`` by the resources of ``store`` (one commit).

    The store is scanned whole, then documents are made ``chunk`` resources at a time (in IRI
    order, as one batch would), so that memory holds one chunk of resources, not the store.
    """
    started = time.perf_counter()
    writer = _writer(index, 256_000_000, threads)  # first: a concurrent build fails soon
    generation = store_generation(store)  # read first: records written meanwhile stay stale
    position = feed.last(store)  # likewise: their feed entries are applied next
    folder, prefix = _spill(index)
    try:
        with scan_store(
            store, threads=threads, chunk=chunk, progress=progress, folder=folder, prefix=prefix
        ) as scan:
            read = time.perf_counter()
            vocab = read_vocabularies(store, scan.values)
            writer.delete_all_documents()
            total, done = len(scan.order), 0
            for resources in scan.chunks():
                for iri in sorted(resources):
                    writer.add_document(make_document(resources.pop(iri), vocab))
                    done += 1
                    if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
                        progress(done, total, "index")
    except OSError as exc:
        writer.rollback()  # nothing was committed: the index is as it was
        raise IndexWriteError(_not_rebuilt(index, folder, exc)) from exc
    made = time.perf_counter()
    meta = {"documents": total, "generation": generation, "feed": position}
    index._commit(writer, {**vocab.meta(), **meta})
    path = str(index.path) if index.path else None
    end = time.perf_counter()
    phases = {"read": read - started, "documents": made - read, "commit": end - made}
    return BuildReport(total, 0, end - started, path, phases)


def _spill(index: SearchIndex) -> tuple[Path | None, str]:
    """Where a rebuild spills the store's scan (:func:`.scan.scan_store`): beside an index on
    disk, on the disk sized for the data (the system's temporary folder is often a tmpfs,
    which would hold the scan in memory), after removing what a killed rebuild of this index
    left there (this one holds the index's writer: no other rebuild of it runs); the system's
    temporary folder for an index in memory."""
    if index.path is None:
        return None, "gaia-kg-scan-"
    prefix = f".{index.path.name}-scan-"
    for stale in index.path.parent.glob(prefix + "*"):
        shutil.rmtree(stale, ignore_errors=True)
    return index.path.parent, prefix


def _not_rebuilt(index: SearchIndex, folder: Path | None, exc: OSError) -> str:
    where, folder = index.path or ":memory:", folder or Path(tempfile.gettempdir())
    error = os_error_text(exc)
    return (
        f"the search index {where} was not rebuilt, and is left as it was: {error}; its "
        f"rebuild writes the store's scan in {folder} (about 2 GB a million datasets) / "
        f"l'index de recherche {where} n'a pas été reconstruit et reste tel quel : {error} ; "
        f"sa reconstruction écrit la lecture de l'entrepôt dans {folder} (environ 2 Go par "
        f"million de jeux de données)"
    )


def update(
    settings_or_index: Settings | SearchIndex,
    store: Store,
    changed: list[str],
    removed: list[str],
    *,
    generation: str | None = None,
    position: int | None = None,
) -> BuildReport:
    """Re-index the resources ``changed`` by a load and drop those ``removed`` (IRIs).

    Called by the pipeline after every load and withdrawal. An IRI that is not a searchable
    resource (an agent, a distribution) is dropped from the index and not re-added.
    ``generation``: the store generation the index reflects afterwards (see
    :mod:`graph_loader.derived`; by default, the one it reflected before); ``position``
    likewise, the last change feed entry it reflects (:mod:`graph_loader.index.follow`).
    """
    started = time.perf_counter()
    index = (
        settings_or_index
        if isinstance(settings_or_index, SearchIndex)
        else SearchIndex.for_settings(settings_or_index)
    )
    if len(changed) > max(REBUILD_ABOVE, index.searcher().num_docs // 4):
        return rebuild(index, store)  # cheaper than one query per resource
    writer = _writer(index, 50_000_000, 1)
    resources = read_resources(store, sorted(set(changed) - set(removed)))
    vocab = read_vocabularies(store, facet_values(resources.values()))
    vocab.values = {**index.meta.get("values", {}), **vocab.values}
    for iri in [*changed, *removed]:
        writer.delete_documents_by_term("iri", iri)
    for res in resources.values():
        writer.add_document(make_document(res, vocab))
    added = len(resources)
    meta = {
        "documents": None,
        "generation": generation or index.meta.get("generation"),
        "feed": index.meta.get("feed") if position is None else position,
    }
    index._commit(writer, {**vocab.meta(), **meta})
    path = str(index.path) if index.path else None
    return BuildReport(added, len(removed), time.perf_counter() - started, path)


def index_stats(index: SearchIndex) -> dict:
    """Documents per type, thesaurus size, build time and size on disk."""
    searcher = index.searcher()
    agg = searcher.aggregate(
        tantivy.Query.all_query(), {"t": {"terms": {"field": "type", "size": 100}}}
    )
    types = {b["key"]: b["doc_count"] for b in agg["t"]["buckets"]}
    size = None
    if index.path is not None:
        size = sum(f.stat().st_size for f in index.path.rglob("*") if f.is_file())
    return {
        "path": str(index.path) if index.path else None,
        "documents": searcher.num_docs,
        "types": dict(sorted(types.items())),
        "thesaurus_concepts": len(index.meta.get("thesaurus", {})),
        "built": index.meta.get("built"),
        "bytes": size,
    }
