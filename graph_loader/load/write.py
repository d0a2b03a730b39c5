"""The write phase of a load: the records judged in batches of one transaction each (a load
stopped midway leaves every record graph complete or absent), after a new generation of the
derived data; the vocabularies met among the files in their own graphs."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..collector import collect_young
from ..derived import new_generation, store_generation
from ..messages import CLI
from ..store import GraphWrite, Store
from .inputs import Document
from .judge import as_quad
from .outcomes import LoadReport

__all__ = ["BATCH", "write_all"]

#: records per transaction (about 100k quads: fewer, bigger ingestions cost less), fewer when
#: the batch goes through the store's log (records it holds, replaced) and its text passes
#: the store's ``flush_bytes``: a server opening the store replays the log
#: (graph_loader.store.EmbeddedStore.logged); new records are ingested without it
BATCH = 2500


def _text_size(w: GraphWrite) -> int:
    """About the length of ``w``'s statements as text (a statement made of terms: 100)."""
    return len(w.text) if w.text else sum(map(len, w.lines)) + 100 * len(w.triples)


def _write_vocabulary(store: Store, d: Document, lang: str) -> str:
    """A vocabulary met among the files of a load, in its own graph (SKOS closure included)
    named by the file's stem, as ``gaia-kg vocab load`` does; what to report of it."""
    from ..vocab import slugify, write_vocabulary

    slug = slugify(Path(d.name).stem) or "vocabulary"
    loaded = write_vocabulary(store, [as_quad(t).triple for t in d.vocabulary], slug)
    d.vocabulary = []
    return CLI.plural("load.vocabulary", loaded.concepts, lang, slug=slug)


def write_all(
    store: Store,
    writes: Iterable[GraphWrite],
    documents: list[Document],
    report: LoadReport,
    tick,
    lang,
) -> None:
    """The records' graphs in batches (taken from ``writes`` as they come: the workers may
    still be preparing the next ones), then the vocabularies among the documents."""
    report.generation_before = store_generation(store)
    generation = [new_generation()]  # written once, before anything else

    def flush(batch: list[GraphWrite]) -> None:
        if generation:
            # a new generation before the records: a crash before inference or indexing
            # leaves derived data recorded at an older one, caught up by the next run
            store.write_graphs([generation.pop()])
        if not batch:
            return
        store.write_graphs(batch, announce=True)  # in the change feed (graph_loader.feed)
        report.triples_written += sum(len(w) for w in batch)
        if tick:
            tick(len(batch))
        collect_young()  # the batch's cycles (graph_loader.collector)

    batch: list[GraphWrite] = []
    size, logged = 0, False  # a batch holding one logged write goes whole through the log
    for w in writes:
        batch.append(w)
        size += _text_size(w)
        logged = logged or store.logged(w)
        if len(batch) == BATCH or (logged and size >= store.flush_bytes):
            flush(batch)
            batch, size, logged = [], 0, False
    if batch:
        flush(batch)
    for d in documents:
        if d.vocabulary is not None:
            flush([])
            report.vocabularies[d.name] = _write_vocabulary(store, d, lang)
