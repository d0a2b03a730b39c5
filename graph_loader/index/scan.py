"""Every searchable resource read from the store by one scan per class and property (see
:func:`scan_store`), as the dicts of :mod:`graph_loader.index.resources`, a chunk of
resources at a time (memory bounded by the chunk, not the store)."""

from __future__ import annotations

import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from ..namespaces import DCAT, DCAT3, DCT, FOAF, GAIA, SDO
from ..store import Store
from .nodes import NodeJoin
from .tsv import fill, parse_term

__all__ = [
    "scan_resources",
    "scan_store",
    "ResourceScan",
    "CHUNK",
    "parse_term",
    "add_kind",
    "KIND_PRIORITY",
    "CLASSES",
    "DIRECT",
    "INDIRECT",
]

#: the kind of a resource typed several ways: the first of these
KIND_PRIORITY = ("dataset", "service", "software", "tutorial", "publication")


def add_kind(resources: dict[str, dict], iri: str, kind: str) -> None:
    """Add a resource of ``kind``, or give it ``kind`` when it comes first in
    :data:`KIND_PRIORITY`."""
    kind = sys.intern(kind)
    res = resources.get(iri)
    if res is None:
        resources[iri] = {"iri": iri, "kind": kind, "text": [], "links": [], "extents": []}
    elif KIND_PRIORITY.index(kind) < KIND_PRIORITY.index(res["kind"]):
        res["kind"] = kind  # software is also an (inferred) schema:CreativeWork


#: (class, kind) of the searchable resources, as in ``index/resources.rq``
CLASSES = tuple(
    (str(cls), kind)
    for cls, kind in (
        (DCAT.Dataset, "dataset"),
        (DCAT3.DatasetSeries, "dataset"),
        (DCAT.DataService, "service"),
        (SDO.LearningResource, "tutorial"),
        (SDO.ScholarlyArticle, "publication"),
        (SDO.CreativeWork, "publication"),
        ("http://purl.org/spar/fabio/JournalArticle", "publication"),
        (SDO.SoftwareSourceCode, "software"),
        (SDO.SoftwareApplication, "software"),
    )
)
#: (predicate, group, field) read from the resources themselves
DIRECT = tuple(
    (str(predicate), group, name)
    for predicate, group, name in (
        (DCT.title, "text", "title"),
        (SDO.name, "text", "title"),
        (DCT.description, "text", "description"),
        (SDO.description, "text", "description"),
        (DCAT.keyword, "text", "keyword"),
        (SDO.keywords, "text", "keyword"),
        (DCAT.theme, "links", "concept"),
        (GAIA.variable, "links", "concept"),
        (GAIA.pole, "links", "pole"),
        (GAIA.dataCentre, "links", "centre"),
        (GAIA.platform, "links", "platform"),
        (GAIA.instrument, "links", "instrument"),
        (GAIA.taxon, "links", "taxon"),
        (DCT.license, "links", "licence"),
        (DCT.modified, "extents", "modified"),
        (DCT.issued, "extents", "issued"),
        (GAIA.minimumAltitude, "extents", "vmin"),
        (GAIA.maximumAltitude, "extents", "vmax"),
        (FOAF.depiction, "extents", "thumbnail"),
        (SDO.thumbnailUrl, "extents", "thumbnail"),
        (SDO.image, "extents", "thumbnail"),
    )
)
#: (link, predicate of the linked node, group, field): distributions, spatial, temporal
INDIRECT = tuple(
    (str(link), str(predicate), group, name)
    for link, predicate, group, name in (
        (DCAT.distribution, DCT["format"], "links", "format"),
        (DCAT.distribution, DCT.license, "links", "licence"),
        (DCT.spatial, DCAT.bbox, "extents", "bbox"),
        (DCT.temporal, DCAT.startDate, "extents", "start"),
        (DCT.temporal, DCAT.endDate, "extents", "end"),
    )
)


def _scan(store: Store, sparql: str, path: Path) -> Path:
    """Run one scan and write its solutions as TSV to ``path`` (oxigraph lets other threads
    run): a file, not bytes in memory, so that a scan of a million solutions costs disk pages,
    not the process's memory."""
    store.query(sparql).serialize(output=str(path), format=ox.QueryResultsFormat.TSV)
    return path


def _pairs(path: Path) -> Iterator[list[str]]:
    """``[subject, object]`` TSV cells of a two-column scan written to ``path``, one line at a
    time (one solution a line: TSV escapes newlines and tabs inside terms), header skipped;
    the file is removed once read."""
    try:
        with open(path, encoding="utf-8", newline="\n") as lines:
            next(lines, None)  # the header
            for line in lines:
                line = line[:-1] if line.endswith("\n") else line
                if line:
                    yield line.split("\t", 1)
    finally:
        path.unlink(missing_ok=True)


def _iri_of(cell: str) -> str | None:
    return cell[1:-1] if cell.startswith("<") else None


#: resources per chunk of a streamed scan (see :func:`scan_store`)
CHUNK = 50_000
#: values kept in memory, all chunks together, before they are appended to their files
_FLUSH = 65_536


class ResourceScan:
    """The resources of a store scan (:func:`scan_store`), in chunks of ``chunk`` resources
    in IRI order. While the scans run, each value is appended to the file of its resource's
    chunk; memory holds the resources' IRIs and kinds and the facet values, and
    :meth:`chunks` builds the dicts of one chunk at a time."""

    def __init__(self, kinds: dict[str, str], chunk: int, folder: Path):
        self.order = sorted(kinds)
        self.chunk = max(1, chunk)
        #: the kind of each resource, in IRI order
        self.kinds = [kinds[iri] for iri in self.order]
        #: the chunk of each resource (also: is this IRI a resource)
        self.chunk_of = {iri: i // self.chunk for i, iri in enumerate(self.order)}
        #: the values of the labelled facets (every link but concepts), as ``facet_values``
        self.values: set[str] = set()
        self._folder = folder
        self._buffers: list[list[str]] = [[] for _ in range(0, len(self.order), self.chunk)]
        self._buffered = 0
        self._gives: dict[str, tuple[tuple[str, str], ...]] = {}
        self._labelled: set[str] = set()

    def gives(self, code: str, gives: tuple[tuple[str, str], ...]) -> None:
        """Values put with ``code`` give these ``(group, name)`` to their resource."""
        self._gives[code] = gives
        if any(group == "links" and name != "concept" for group, name in gives):
            self._labelled.add(code)

    def putter(self, code: str) -> Callable[[str, str], None]:
        """A function keeping one value of a resource ``iri``: a TSV ``cell`` giving what
        ``code`` gives (see :meth:`gives` and :func:`~.tsv.fill`); read back by :meth:`chunks`."""
        buffers, chunk_of, labelled = self._buffers, self.chunk_of, code in self._labelled
        values = self.values

        def put(iri: str, cell: str) -> None:
            if labelled and cell[:1] == "<":
                values.add(sys.intern(cell[1:-1]))
            buffers[chunk_of[iri]].append(f"{iri}\t{code}\t{cell}\n")
            self._buffered += 1
            if self._buffered >= _FLUSH:
                self._flush()

        return put

    def _path(self, number: int) -> Path:
        return self._folder / f"chunk-{number}.tsv"

    def _flush(self) -> None:
        for number, lines in enumerate(self._buffers):
            if lines:
                with open(self._path(number), "a", encoding="utf-8") as out:
                    out.writelines(lines)
                lines.clear()
        self._buffered = 0

    def chunks(self) -> Iterator[dict[str, dict]]:
        """The resources of each chunk in turn, as the dicts of ``resources`` (IRI order)."""
        self._flush()
        for number in range(len(self._buffers)):
            first = number * self.chunk
            resources = {
                iri: {"iri": iri, "kind": kind, "text": [], "links": [], "extents": []}
                for iri, kind in zip(
                    self.order[first : first + self.chunk],
                    self.kinds[first : first + self.chunk],
                    strict=True,
                )
            }
            path = self._path(number)
            if path.exists():
                with open(path, encoding="utf-8", newline="\n") as lines:
                    fill(resources, (line[:-1].split("\t", 2) for line in lines), self._gives)
                path.unlink()
            yield resources


@contextmanager
def scan_store(
    store: Store,
    *,
    threads: int = 2,
    chunk: int = CHUNK,
    progress=None,
    folder: Path | None = None,
    prefix: str = "gaia-kg-scan-",
) -> Iterator[ResourceScan]:
    """Every searchable resource, read by one scan per class and property, given in chunks
    (:class:`ResourceScan`; its files are removed on leaving the context).

    Each scan is a one-pattern query written by the store as TSV to a file, and the scans
    run ``threads`` at a time (the store works outside the interpreter lock) while this
    thread reads the finished ones, so that reading a million resources costs the store's own
    reading speed, not the Python objects of each solution. Joins through distributions,
    spatial and temporal nodes are made here: classes are read first, then the links to those
    nodes and the properties read on them, then every other property, joining meanwhile. The
    scans are all asked for at once, so their folder holds up to the whole answer (about 2 GB
    at a million datasets): a new folder named ``prefix…`` in ``folder`` (by default, the
    system's temporary folder, which is often a tmpfs: memory).
    """
    with tempfile.TemporaryDirectory(prefix=prefix, dir=folder) as tmp:
        yield _read(store, Path(tmp), max(1, threads), chunk, progress)


def _read(store: Store, tmp: Path, threads: int, chunk: int, progress) -> ResourceScan:
    jobs, direct, inner, join_after = _scan_jobs()
    kinds: dict[str, str] = {}
    scan: ResourceScan | None = None
    join = NodeJoin(tmp, 1)
    with ThreadPoolExecutor(threads) as pool:
        # Every scan is asked for at once: the store's threads never wait for this one, each
        # answer waiting in its file (disk, not memory, holds what is not read yet).
        futures = [
            pool.submit(_scan, store, sparql, tmp / f"scan-{position}.tsv")
            for position, (sparql, _job, _key) in enumerate(jobs)
        ]
        try:
            for position, future in enumerate(futures):  # in order: classes, links, values
                _sparql, job, key = jobs[position]
                pairs = _pairs(future.result())
                if job == "class":
                    for row in pairs:  # one column: the resource
                        if (iri := _iri_of(row[0])) is not None:
                            _add_kind(kinds, iri, key)
                else:
                    if scan is None:  # every class read
                        scan = ResourceScan(kinds, chunk, tmp)
                        kinds.clear()
                        join = NodeJoin(tmp, len(scan.order) // scan.chunk + 1)
                    if job == "link":
                        join.links(position, pairs, scan.chunk_of)
                    else:
                        gives = tuple(direct.get(key, ()))
                        _apply(pairs, position, gives, scan, join if key in inner else None)
                if position == join_after and scan is not None:
                    # the nodes' values all read: joined while the store scans the rest
                    _join(jobs, inner, join, scan)
                if progress is not None:
                    progress(position + 1, len(jobs), "read")
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return scan or ResourceScan(kinds, chunk, tmp)


def scan_resources(store: Store, *, threads: int = 2, progress=None) -> dict[str, dict]:
    """Every searchable resource (see :func:`scan_store`) in one dict."""
    resources: dict[str, dict] = {}
    with scan_store(store, threads=threads, progress=progress) as scan:
        for chunk in scan.chunks():
            resources.update(chunk)
    return resources


def _scan_jobs() -> tuple[list[tuple[str, str, str]], dict, dict, int]:
    """The scans, in the order they are read: ``(sparql, job, key)`` for each class (key: the
    kind), each link to a node (key: the link), each property read on such nodes, each other
    property (key: the property); what each property gives, read on the resources
    (``direct``) or on the nodes they link to (``inner``); and the position of the last scan
    the joins through nodes need."""
    links = sorted({link for link, *_ in INDIRECT})
    direct: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for predicate, group, name in DIRECT:
        direct[predicate].append((group, sys.intern(name)))
    inner: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for link, predicate, group, name in INDIRECT:
        inner[predicate].append((link, group, sys.intern(name)))
    jobs = [(f"SELECT ?r WHERE {{ ?r a {_n(cls)} }}", "class", kind) for cls, kind in CLASSES]
    jobs += [(_pair_query(p), "link", p) for p in links]
    jobs += [(_pair_query(p), "value", p) for p in sorted(set(inner) - set(links))]
    join_after = len(jobs) - 1
    jobs += [(_pair_query(p), "value", p) for p in sorted(set(direct) - {*inner, *links})]
    return jobs, direct, inner, join_after


def _add_kind(kinds: dict[str, str], iri: str, kind: str) -> None:
    """As :func:`add_kind`, on a table of kinds."""
    kind = sys.intern(kind)
    current = kinds.get(iri)
    if current is None or KIND_PRIORITY.index(kind) < KIND_PRIORITY.index(current):
        kinds[iri] = kind


def _apply(pairs, number: int, gives: tuple, scan: ResourceScan, join: NodeJoin | None) -> None:
    """Put the values of the property of scan ``number`` on the resources that have it
    (``gives``: what it gives them); keep them for the nodes resources link to when the
    property is read on such nodes too (``join``, see :func:`_join`)."""
    code = str(number)
    scan.gives(code, gives)
    put = scan.putter(code)
    keep = join.values(number) if join is not None else None
    resources = scan.chunk_of
    for cell, obj in pairs:
        # cell[1:-1]: the IRI of "<iri>"; a blank node's "_:b" gives ":" (never a resource)
        if gives and (iri := cell[1:-1]) in resources:
            put(iri, obj)
        if keep is not None:
            keep(cell, obj)


def _join(jobs: list, inner: dict, join: NodeJoin, scan: ResourceScan) -> None:
    """Put the values read on nodes (a distribution, a location, a period) on the resources
    that link to them (see :class:`graph_loader.index.nodes.NodeJoin`)."""
    number = {key: position for position, (_sparql, _job, key) in enumerate(jobs)}
    gives: dict[tuple[int, int], list[tuple[str, str]]] = defaultdict(list)
    for predicate, uses in inner.items():
        for link, group, name in uses:
            gives[number[link], number[predicate]].append((group, name))
    join.put(gives, scan)


def _n(iri: str) -> str:
    return str(ox.NamedNode(iri))


def _pair_query(predicate: str) -> str:
    return f"SELECT ?r ?v WHERE {{ ?r {_n(predicate)} ?v }}"
