"""From the store to index documents: SPARQL in ``data/queries/index/*.rq``, Python after.

:func:`read_vocabularies` reads what every document needs to know about concepts (labels,
broader links, the GAIA thesaurus, alignments) and the labels of facet values;
:func:`read_resources` reads the resources (all, or some by IRI) field by field, and
:func:`make_document` turns one of them into a tantivy document and its stored payload.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict, deque
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date

import pyoxigraph as ox
import tantivy

from ..parsing import fold, parse_bbox, parse_day, web_url
from ..queries import load_query
from ..store import Store
from ..terms import THESAURUS_GRAPH
from .schema import LANGS, NO_LON

__all__ = [
    "Vocabularies",
    "read_vocabularies",
    "read_resources",
    "make_document",
    "values_block",
    "scan_resources",
    "facet_values",
    "read_value_labels",
    "parse_term",
    "KIND_PRIORITY",
]

#: the kind of a resource typed several ways: the first of these
KIND_PRIORITY = ("dataset", "service", "software", "publication")
#: a decimal or double without INF / NaN: an altitude that is a number (as search_filter_vertical)
_ALTITUDE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


@dataclass(slots=True)
class Vocabularies:
    """Concepts of every loaded vocabulary, as the index build needs them."""

    labels: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    pref: dict[str, dict[str, str]] = field(default_factory=dict)
    broader: dict[str, list[str]] = field(default_factory=dict)
    thesaurus: set[str] = field(default_factory=set)
    matches: dict[str, list[str]] = field(default_factory=dict)
    #: labels of facet values (organisations, licences, formats, platforms) by language
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    #: every scientific and vernacular name of each taxon: ``(lang, name)``
    names: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    _closure: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _joined: dict[str, dict[str, str]] = field(default_factory=dict)
    _sets: dict[tuple[str, ...], tuple] = field(default_factory=dict)

    def joined_labels(self, iri: str) -> dict[str, str]:
        """Every label of ``iri`` per index language, joined (untagged ones in each)."""
        found = self._joined.get(iri)
        if found is None:
            per: dict[str, list[str]] = defaultdict(list)
            for _kind, lang, text in self.labels.get(iri, ()):
                for target in [lang] if lang in LANGS else LANGS:
                    per[target].append(text)
            found = self._joined[iri] = {k: "\n".join(v) for k, v in per.items()}
        return found

    def closure(self, iri: str) -> tuple[str, ...]:
        """``iri`` and every concept above it (cycles safe)."""
        found = self._closure.get(iri)
        if found is None:
            seen: dict[str, None] = {}
            stack = [iri]
            while stack:
                c = stack.pop()
                if c not in seen:
                    seen[c] = None
                    stack.extend(self.broader.get(c, ()))
            found = self._closure[iri] = tuple(seen)
        return found

    def concept_set(self, direct: tuple[str, ...]) -> tuple:
        """For the concepts ``direct`` of a resource: the concepts with all their ancestors
        (in order, once each), those of the GAIA thesaurus, and their labels joined per
        language. Many resources share a set: it is worked out once."""
        found = self._sets.get(direct)
        if found is None:
            closure: dict[str, None] = {}
            for concept in direct:
                closure.update(dict.fromkeys(self.closure(concept)))
            texts: dict[str, list[str]] = defaultdict(list)
            for concept in closure:
                for lang, text in self.joined_labels(concept).items():
                    texts[lang].append(text)
            found = self._sets[direct] = (
                tuple(closure),
                tuple(c for c in closure if c in self.thesaurus),
                {lang: "\n".join(parts) for lang, parts in texts.items()},
            )
        return found

    def meta(self) -> dict:
        """What the search side needs: the thesaurus tree, the taxa tree, labels of concepts
        and values."""
        return {
            "thesaurus": {
                c: {"broader": [b for b in self.broader.get(c, ()) if b in self.thesaurus]}
                for c in sorted(self.thesaurus)
            },
            "taxa": {
                t: {"broader": [b for b in self.broader.get(t, ()) if b in self.names]}
                for t in sorted(self.names)
            },
            "pref": self.pref,
            "matches": self.matches,
            "values": self.values,
        }


def _lang(literal: ox.Literal) -> str:
    return (literal.language or "").split("-")[0].lower()


def read_vocabularies(store: Store, values: Iterable[str] = ()) -> Vocabularies:
    """Concept labels, broader links, the thesaurus, alignments, and the labels of the facet
    values ``values`` (see :func:`facet_values`)."""
    vocab = Vocabularies()
    labels: dict[str, list] = defaultdict(list)
    for row in store.select(load_query("index/concepts")):
        iri, kind, literal = row["c"].value, row["kind"].value, row["label"]
        lang = _lang(literal)
        labels[iri].append((kind, lang, literal.value))
        if kind == "pref":
            pref = vocab.pref.setdefault(iri, {})
            if lang not in pref or literal.value < pref[lang]:
                pref[lang] = literal.value
    vocab.labels = dict(labels)
    broader: dict[str, list[str]] = defaultdict(list)
    for row in store.select(load_query("index/broader")):
        broader[row["c"].value].append(row["b"].value)
    vocab.broader = {c: sorted(set(bs)) for c, bs in broader.items()}
    rows = store.select(load_query("index/thesaurus"), {"thesaurus": THESAURUS_GRAPH})
    vocab.thesaurus = {row["c"].value for row in rows}
    matches: dict[str, set[str]] = defaultdict(set)
    for row in store.select(load_query("index/matches")):
        a, b = row["a"].value, row["b"].value
        matches[a].add(b)
        matches[b].add(a)
    vocab.matches = {a: sorted(bs) for a, bs in matches.items()}
    names: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for row in store.select(load_query("index/taxa")):
        names[row["t"].value].add((_lang(row["name"]), row["name"].value))
    vocab.names = {t: sorted(ns) for t, ns in names.items()}
    # the taxa above those of the resources are facet values too (see make_document)
    values = set(values)
    values |= {above for value in values if value in vocab.names for above in vocab.closure(value)}
    vocab.values = read_value_labels(store, values)
    return vocab


#: facet values labelled per chunk of this many (a VALUES block of thousands is slow)
LABEL_CHUNK = 400


def read_value_labels(store: Store, values: Iterable[str]) -> dict[str, dict[str, str]]:
    """The label of each of ``values`` per language (the least one when several)."""
    out: dict[str, dict[str, str]] = {}
    values = sorted(set(values))
    for start in range(0, len(values), LABEL_CHUNK):
        for row in store.select(_query("index/labels", values[start : start + LABEL_CHUNK])):
            literal = row["label"]
            lang = _lang(literal)
            current = out.setdefault(row["r"].value, {})
            if lang not in current or literal.value < current[lang]:
                current[lang] = literal.value
    return out


def facet_values(resources: Iterable[dict]) -> set[str]:
    """The values of the labelled facets (every link but concepts) of ``resources``."""
    return {v for res in resources for name, v in res["links"] if name != "concept"}


def values_block(iris: Iterable[str]) -> str:
    """A ``VALUES ?r { … }`` block of IRIs, each serialised (escaped) as a term."""
    return "VALUES ?r { " + " ".join(str(ox.NamedNode(i)) for i in iris) + " }"


def _query(name: str, iris: list[str] | None) -> str:
    text = load_query(name)
    return text.replace("#VALUES", values_block(iris)) if iris is not None else text


def _rows(store: Store, name: str, iris: list[str]) -> Iterable[tuple]:
    """The solutions of one ``index/*.rq`` query for each of ``iris``, as tuples of terms.

    A VALUES block of thousands of IRIs is far slower in oxigraph than one query each.
    """
    for iri in iris:
        result = store.query(_query(name, [iri]))
        width = len(result.variables)
        for solution in result:
            yield tuple(solution[i] for i in range(width))


def read_resources(
    store: Store, iris: list[str] | None = None, *, threads: int = 2, progress=None
) -> dict[str, dict]:
    """The searchable resources (all, or those of ``iris``) as dicts of raw values.

    All of them are read by :func:`scan_resources` (one scan per property); a few by four
    queries each (``index/*.rq``). Both give the same dicts (tested). ``progress(done,
    total, "read")`` is called after each scan.
    """
    if iris is None:
        return scan_resources(store, threads=threads, progress=progress)
    resources: dict[str, dict] = {}
    for r, kind in _rows(store, "index/resources", iris):
        _add_kind(resources, r.value, kind.value)
    for r, name, text in _rows(store, "index/texts", iris):
        res = resources.get(r.value)
        if res is not None:
            res["text"].append((sys.intern(name.value), _lang(text), text.value))
    for r, name, value in _rows(store, "index/links", iris):
        res = resources.get(r.value)
        if res is not None:
            res["links"].append((sys.intern(name.value), sys.intern(value.value)))
    for r, name, value in _rows(store, "index/extents", iris):
        res = resources.get(r.value)
        if res is not None:
            res["extents"].append((sys.intern(name.value), value.value))
    return resources


def _add_kind(resources: dict[str, dict], iri: str, kind: str) -> None:
    kind = sys.intern(kind)
    res = resources.get(iri)
    if res is None:
        resources[iri] = {"iri": iri, "kind": kind, "text": [], "links": [], "extents": []}
    elif KIND_PRIORITY.index(kind) < KIND_PRIORITY.index(res["kind"]):
        res["kind"] = kind  # software is also an (inferred) schema:CreativeWork


# -- whole-store scans -------------------------------------------------------------------------
_DCAT, _DCT = "http://www.w3.org/ns/dcat#", "http://purl.org/dc/terms/"
_SCHEMA, _GAIA = "https://schema.org/", "https://w3id.org/gaia-kg/ontology#"
_FOAF = "http://xmlns.com/foaf/0.1/"
#: (class, kind) of the searchable resources, as in ``index/resources.rq``
CLASSES = (
    (_DCAT + "Dataset", "dataset"),
    (_DCAT + "DatasetSeries", "dataset"),
    (_DCAT + "DataService", "service"),
    (_SCHEMA + "ScholarlyArticle", "publication"),
    (_SCHEMA + "CreativeWork", "publication"),
    ("http://purl.org/spar/fabio/JournalArticle", "publication"),
    (_SCHEMA + "SoftwareSourceCode", "software"),
    (_SCHEMA + "SoftwareApplication", "software"),
)
#: (predicate, group, field) read from the resources themselves
DIRECT = (
    (_DCT + "title", "text", "title"),
    (_SCHEMA + "name", "text", "title"),
    (_DCT + "description", "text", "description"),
    (_SCHEMA + "description", "text", "description"),
    (_DCAT + "keyword", "text", "keyword"),
    (_SCHEMA + "keywords", "text", "keyword"),
    (_DCAT + "theme", "links", "concept"),
    (_GAIA + "variable", "links", "concept"),
    (_GAIA + "pole", "links", "pole"),
    (_GAIA + "dataCentre", "links", "centre"),
    (_GAIA + "platform", "links", "platform"),
    (_GAIA + "instrument", "links", "instrument"),
    (_GAIA + "taxon", "links", "taxon"),
    (_DCT + "license", "links", "licence"),
    (_DCT + "modified", "extents", "modified"),
    (_DCT + "issued", "extents", "issued"),
    (_GAIA + "minimumAltitude", "extents", "vmin"),
    (_GAIA + "maximumAltitude", "extents", "vmax"),
    (_FOAF + "depiction", "extents", "thumbnail"),
    (_SCHEMA + "thumbnailUrl", "extents", "thumbnail"),
    (_SCHEMA + "image", "extents", "thumbnail"),
)
#: (link, predicate of the linked node, group, field): distributions, spatial, temporal
INDIRECT = (
    (_DCAT + "distribution", _DCT + "format", "links", "format"),
    (_DCAT + "distribution", _DCT + "license", "links", "licence"),
    (_DCT + "spatial", _DCAT + "bbox", "extents", "bbox"),
    (_DCT + "temporal", _DCAT + "startDate", "extents", "start"),
    (_DCT + "temporal", _DCAT + "endDate", "extents", "end"),
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
                        _add_kind(resources, iri, key)
            elif job == "link":
                targets: dict[str, list[str]] = defaultdict(list)
                for cell, obj in pairs:
                    if _iri_of(cell) in resources and not obj.startswith('"'):
                        targets[obj].append(cell[1:-1])  # node (IRI or blank) -> resources
                owners[key] = targets
            else:
                _apply(resources, owners, pairs, direct.get(key, ()), inner.get(key, ()))
            if progress is not None:
                progress(position + 1, len(jobs), "read")
    return resources


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


def _pick(values: dict[str, str], lang: str) -> str:
    for key in (lang, *LANGS, "", *sorted(values)):
        if values.get(key):
            return values[key]
    return ""


def _extents(res: dict) -> dict:
    out: dict = {}
    for name, value in sorted(res["extents"]):
        if name == "bbox" and "bbox" not in out:
            out["bbox"] = parse_bbox(value)
        elif name in ("start", "end"):
            day = parse_day(value, end=name == "end")
            if day is not None:
                pick = min if name == "start" else max
                out[name] = pick(out.get(name, day), day)
        elif name in ("modified", "issued"):
            day = parse_day(value)
            if day is not None:
                out[name] = max(out.get(name, day), day)
        elif name == "thumbnail" and "thumbnail" not in out and (url := web_url(value)):
            out["thumbnail"] = url
        elif name in ("vmin", "vmax") and _ALTITUDE.fullmatch(value):
            metres = float(value)
            pick = min if name == "vmin" else max
            out[name] = pick(out.get(name, metres), metres)
    return out


def make_document(res: dict, vocab: Vocabularies) -> tantivy.Document:
    """One resource as an index document (see :mod:`graph_loader.index.schema`)."""
    doc = tantivy.Document()
    doc.add_text("iri", res["iri"])
    doc.add_text("type", res["kind"])
    # One add_text per field and language (values joined): far cheaper than one per value.
    fields: dict[str, list[str]] = defaultdict(list)
    stored: dict[str, dict[str, str]] = {"title": {}, "description": {}}
    for name, lang, text in sorted(res["text"]):
        for target in [lang] if lang in LANGS else LANGS:
            fields[f"{name}_{target}"].append(text)
        if name in stored and lang not in stored[name]:
            stored[name][lang] = text
    links: dict[str, list[str]] = defaultdict(list)
    for name, value in sorted(set(res["links"])):
        links[name].append(value)
    direct = links.pop("concept", [])
    closure, themes, theme_texts = vocab.concept_set(tuple(direct))
    for concept in closure:
        doc.add_text("concepts", concept)
    for concept in themes:
        doc.add_text("theme", concept)
    for lang, text in theme_texts.items():
        fields[f"theme_{lang}"].append(text)
    if "taxon" in links:  # each taxon and every one above it; their names are searchable
        links["taxon"] = list(dict.fromkeys(a for t in links["taxon"] for a in vocab.closure(t)))
    for name, values in links.items():
        for value in values:
            doc.add_text(name, value)
            if name == "taxon":
                for lang, text in vocab.names.get(value, ()):
                    for target in [lang] if lang in LANGS else LANGS:
                        fields[f"keyword_{target}"].append(text)
                continue
            for lang in LANGS:
                if label := vocab.values.get(value, {}).get(lang):
                    fields[f"keyword_{lang}"].append(label)
    for name, values in fields.items():
        doc.add_text(name, "\n".join(values))
    for lang in LANGS:
        doc.add_text(f"title_key_{lang}", fold(_pick(stored["title"], lang)[:64]))
    ext = _extents(res)
    bbox = ext.get("bbox")
    if bbox:
        w, s, e, n = bbox
        intervals = [(w, e)] if w <= e else [(w, 180.0), (-180.0, e)]
        intervals.append((NO_LON, -NO_LON))
        doc.add_float("west1", intervals[0][0])
        doc.add_float("east1", intervals[0][1])
        doc.add_float("west2", intervals[1][0])
        doc.add_float("east2", intervals[1][1])
        doc.add_float("south", s)
        doc.add_float("north", n)
    start, end = ext.get("start"), ext.get("end")
    if start is not None or end is not None:
        doc.add_integer("tstart", start if start is not None else date.min.toordinal())
        doc.add_integer("tend", end if end is not None else date.max.toordinal())
    low, high = ext.get("vmin"), ext.get("vmax")
    if low is not None or high is not None:
        doc.add_float("vmin", low if low is not None else -1e9)
        doc.add_float("vmax", high if high is not None else 1e9)
    doc.add_integer("date", ext.get("modified", ext.get("issued", 0)))
    payload = {
        "type": res["kind"],
        "title": stored["title"],
        "description": stored["description"],
        "pole": (links.get("pole") or [None])[0],
        "centre": (links.get("centre") or [None])[0],
        "bbox": list(bbox) if bbox else None,
        "temporal": _temporal(start, end),
        "concepts": list(closure),
        "direct": direct,
        "thumbnail": ext.get("thumbnail"),
    }
    doc.add_bytes("payload", json.dumps(payload, ensure_ascii=False).encode())
    return doc


def _temporal(start: int | None, end: int | None) -> dict | None:
    if start is None and end is None:
        return None
    return {
        "start": date.fromordinal(start).isoformat() if start is not None else None,
        "end": date.fromordinal(end).isoformat() if end is not None else None,
    }
