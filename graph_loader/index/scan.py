"""Every searchable resource read from the store by one scan per class and property (see
:func:`scan_resources`), as the dicts of :mod:`graph_loader.index.resources`."""

from __future__ import annotations

import re
import sys
from collections import defaultdict, deque
from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox

from ..namespaces import DCAT, DCAT3, DCT, FOAF, GAIA, SDO
from ..store import Store

__all__ = [
    "scan_resources",
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
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ESCAPED = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f"}


def _unescape(match: re.Match) -> str:
    code = match.group(1) or match.group(2)
    if code:
        return chr(int(code, 16))
    char = match.group(3)
    return _ESCAPED.get(char, char)


def parse_term(text: str) -> tuple[str, str, str] | None:
    r"""A term as SPARQL TSV writes it: ``("iri", value, "")`` or ``("literal", value, lang)``
    (the primary language subtag, lowercased), or None for a blank node or nothing.

    >>> parse_term('"Ozone \\"IAGOS\\"\\n"@fr-FR')
    ('literal', 'Ozone "IAGOS"\n', 'fr')
    >>> parse_term("<https://example.org/a>")
    ('iri', 'https://example.org/a', '')
    >>> parse_term('"2006-06-01"^^<http://www.w3.org/2001/XMLSchema#date>')
    ('literal', '2006-06-01', '')
    """
    if not text:
        return None
    head = text[0]
    if head == "<":
        return "iri", text[1:-1], ""
    if head == '"':
        end = text.rfind('"')
        value = text[1:end]
        if "\\" in value:
            value = _ESCAPE.sub(_unescape, value)
        tail = text[end + 1 :]
        lang = tail[1:].split("-")[0].lower() if tail.startswith("@") else ""
        return "literal", value, lang
    if head == "_":
        return None
    return "literal", text, ""  # a number or boolean written bare


def _scan(store: Store, sparql: str) -> bytes:
    """Run one scan and serialise its solutions as TSV (oxigraph lets other threads run)."""
    return store.query(sparql).serialize(format=ox.QueryResultsFormat.TSV)


def _pairs(data: bytes) -> list[list[str]]:
    """``[subject, object]`` TSV cells of a two-column scan (one solution a line: TSV escapes
    newlines and tabs inside terms), header skipped."""
    lines = data.decode("utf-8").split("\n")
    return [line.split("\t", 1) for line in lines[1:] if line]


def _iri_of(cell: str) -> str | None:
    return cell[1:-1] if cell.startswith("<") else None


def scan_resources(store: Store, *, threads: int = 2, progress=None) -> dict[str, dict]:
    """Every searchable resource, read by one scan per class and property.

    Each scan is a one-pattern query serialised by the store as TSV, and the scans run
    ``threads`` at a time (the store works outside the interpreter lock) while this thread
    reads the finished ones, so that reading a million resources costs the store's own
    reading speed, not the Python objects of each solution. Joins through distributions,
    spatial and temporal nodes are made here: classes are read first, then the links to those
    nodes, then every other property.
    """
    jobs, direct, inner = _scan_jobs()
    resources: dict[str, dict] = {}
    owners: dict[str, dict[str, list[str]]] = {}
    threads = max(1, threads)
    with ThreadPoolExecutor(max_workers=threads) as pool:
        pending: deque = deque()
        for position in range(len(jobs)):  # in order: classes, links, values
            # at most `threads` scans ahead of this thread (each holds its whole answer)
            while len(pending) <= threads and position + len(pending) < len(jobs):
                sparql, *_ = jobs[position + len(pending)]
                pending.append(pool.submit(_scan, store, sparql))
            _sparql, job, key = jobs[position]
            pairs = _pairs(pending.popleft().result())
            if job == "class":
                for row in pairs:  # one column: the resource
                    if (iri := _iri_of(row[0])) is not None:
                        add_kind(resources, iri, key)
            elif job == "link":
                owners[key] = _targets(resources, pairs)
            else:
                _apply(resources, owners, pairs, direct.get(key, ()), inner.get(key, ()))
            if progress is not None:
                progress(position + 1, len(jobs), "read")
    return resources


def _scan_jobs() -> tuple[list[tuple[str, str, str]], dict, dict]:
    """The scans, in the order they are read: ``(sparql, job, key)`` for each class (key: the
    kind), each link to a node (key: the link), each other property (key: the property); and
    what each property gives, read on the resources (``direct``) or on the nodes they link to
    (``inner``)."""
    links = sorted({link for link, *_ in INDIRECT})
    direct: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for predicate, group, name in DIRECT:
        direct[predicate].append((group, sys.intern(name)))
    inner: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for link, predicate, group, name in INDIRECT:
        inner[predicate].append((link, group, sys.intern(name)))
    jobs = [(f"SELECT ?r WHERE {{ ?r a {_n(cls)} }}", "class", kind) for cls, kind in CLASSES]
    jobs += [(_pair_query(p), "link", p) for p in links]
    jobs += [(_pair_query(p), "value", p) for p in sorted({*direct, *inner} - set(links))]
    return jobs, direct, inner


def _targets(resources: dict, pairs: list[list[str]]) -> dict[str, list[str]]:
    """The resources linking to each node (an IRI or a blank node) of a link scan."""
    targets: dict[str, list[str]] = defaultdict(list)
    for cell, obj in pairs:
        if _iri_of(cell) in resources and not obj.startswith('"'):
            targets[obj].append(cell[1:-1])
    return targets


def _apply(resources, owners, pairs, direct, inner) -> None:
    """Put the values of one property on the resources that have it, or that link to a
    node that has it (a distribution, a location, a period)."""
    resource = resources.get if direct else None
    linked = [(owners[link].get, group, name) for link, group, name in inner]
    for cell, obj in pairs:
        term = None
        # cell[1:-1]: the IRI of "<iri>"; a blank node's "_:b" gives ":" (never a resource)
        if resource is not None and (res := resource(cell[1:-1])) is not None:
            term = parse_term(obj)
            if term is not None:
                for group, name in direct:
                    _put(res, group, name, term)
        for owners_of, group, name in linked:
            found = owners_of(cell)
            if found:
                term = term or parse_term(obj)
                if term is not None:
                    for iri in found:
                        _put(resources[iri], group, name, term)


def _n(iri: str) -> str:
    return str(ox.NamedNode(iri))


def _pair_query(predicate: str) -> str:
    return f"SELECT ?r ?v WHERE {{ ?r {_n(predicate)} ?v }}"


def _put(res: dict, group: str, name: str, term: tuple[str, str, str]) -> None:
    kind, value, lang = term
    if group == "text":
        if kind == "literal":
            res["text"].append((name, lang, value))
    elif group == "links":
        if kind == "iri":
            res["links"].append((name, sys.intern(value)))
    else:
        res["extents"].append((name, value))
