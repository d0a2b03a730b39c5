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

import inspect
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urljoin

import pyoxigraph as ox

from . import __version__
from .derived import new_generation, store_generation
from .enrich import KeywordLinker, KeywordReport
from .errors import InputError
from .formats import read_document
from .mappings.stac import count_items
from .quality import quality_triples
from .records import Record, Split, split_records
from .repair import Repair, distinct, provenance_triples, repair_triples
from .store import GraphWrite, Store
from .terms import (
    CONFORMS,
    CONFORMS_WITH_WARNINGS,
    CONTENT_HASH,
    CONVERTER,
    DCT,
    DESCRIBES,
    GENERATED_AT,
    NOT_CONFORMANT,
    RDF_TYPE,
    RECORD_GRAPH,
    SKOS,
    SOURCE,
    TRIPLE_COUNT,
    VALIDATION_MESSAGE,
    VALIDATION_OUTCOME,
    VIOLATION_COUNT,
    WARNING_COUNT,
    XSD,
)
from .validate import Problem, Shapes, describe, load_shapes, validate

#: does read_document report its read-level repairs (base IRI, encodings) yet?
_READ_REPAIRS = "repairs" in inspect.signature(read_document).parameters

__all__ = [
    "LoadReport",
    "RecordOutcome",
    "Judge",
    "load_paths",
    "collect_files",
    "problems_by_record",
    "record_title",
    "has_title",
    "held",
    "disjoint_groups",
    "RDF_SUFFIXES",
]

#: files taken from a folder (a file named explicitly is read whatever its name)
RDF_SUFFIXES = {".ttl", ".nt", ".nq", ".trig", ".rdf", ".owl", ".xml", ".jsonld", ".json"}
RDF_SUFFIXES |= {".ncml", ".cdl"}  # netCDF headers: NcML and CDL (ncdump -h) read as ACDD
BATCH = 1000  # records per transaction (about 30k quads)

Progress = Callable[[int], None]

#: why a record cannot be a record: reason key -> (fr, en) sentence after the record's name
_FATAL = {
    "no title": (
        "n'a de titre dans aucune langue (dct:title, schema:name, foaf:name ou rdfs:label) :"
        " ce n'est pas une notice",
        "has no title in any language (dct:title, schema:name, foaf:name or rdfs:label):"
        " it cannot be a record",
    ),
    "no identifier": (
        "n'a pas d'IRI (nœud anonyme) : rien ne l'identifie, ce n'est pas une notice",
        "has no IRI (a blank node): nothing identifies it, it cannot be a record",
    ),
}
_KIND_WORDS = {
    "dataset": ("le jeu de données", "the dataset"),
    "service": ("le service de données", "the data service"),
    "catalog": ("le catalogue", "the catalogue"),
    "publication": ("la publication", "the publication"),
    "software": ("le logiciel", "the software"),
}


@dataclass(slots=True)
class RecordOutcome:
    """What happened to one record: loaded, updated, unchanged or rejected.

    ``problems`` say why a record was rejected (``reasons``: their keys, for counting);
    ``defects`` are the Violations of a record loaded all the same, flagged as not conformant
    (``defect_kinds``: their shape messages); ``repairs`` what was repaired in it.
    """

    resource: str
    kind: str
    title: str
    source: str
    status: str
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: the shape message of each warning, for grouping in summaries
    warning_kinds: list[str] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)
    defect_kinds: list[str] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        return self.status != "rejected" and bool(self.defects)


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
    #: files read that gave no record, each with what it held ("name: message")
    empty_files: list[str] = field(default_factory=list)
    #: a record described again by a later file: that description is not loaded
    duplicates: list[str] = field(default_factory=list)
    #: the store's generation before the load (see :mod:`graph_loader.derived`): derived data
    #: recorded at it are only behind by what this load wrote
    generation_before: str | None = None
    #: file name -> why it could not be read; file name -> what an empty file held
    unreadable: dict[str, str] = field(default_factory=dict)
    empty: dict[str, str] = field(default_factory=dict)
    #: files describing a record already loaded from an earlier file of the load
    duplicate_files: set[str] = field(default_factory=set)
    #: every file tried, as reports name it (its name, or its path when two share a name)
    file_names: list[str] = field(default_factory=list)
    #: documents that were vocabularies, not records: file -> what was loaded from it
    vocabularies: dict[str, str] = field(default_factory=dict)
    #: documents that gave no record but describe what records of the load name (agents,
    #: services) or are STAC items of a collection: kept in their source graph
    supplements: list[str] = field(default_factory=list)
    #: STAC items read, by collection IRI; those whose collection is not in this load
    stac_items: dict[str, int] = field(default_factory=dict)
    stac_items_unattached: dict[str, int] = field(default_factory=dict)

    def count(self, status: str) -> int:
        """Records (source records aside) with this status."""
        return sum(1 for o in self.outcomes if o.status == status and o.kind != "source")

    @property
    def flagged(self) -> int:
        """Records loaded (or unchanged) with defects flagged."""
        return sum(1 for o in self.outcomes if o.flagged and o.kind != "source")

    @property
    def repaired(self) -> int:
        """Records loaded (or unchanged) with at least one repair."""
        return sum(
            1 for o in self.outcomes if o.status != "rejected" and o.repairs and o.kind != "source"
        )

    @property
    def warnings(self) -> int:
        return sum(len(o.warnings) for o in self.outcomes if o.status != "rejected")

    @property
    def ok(self) -> bool:
        return not self.file_errors and not self.count("rejected")

    def summary(self) -> dict:
        """The figures of the load, JSON-able: every record is in exactly one of
        ``loaded_as_is``, ``loaded_repaired``, ``flagged`` and ``rejected`` (source graphs
        are not records); ``files`` counts every file tried, readable or not."""
        records = [o for o in self.outcomes if o.kind != "source"]
        kept = [o for o in records if o.status != "rejected"]
        flagged = [o for o in kept if o.defects]
        repaired = [o for o in kept if o.repairs and not o.defects]
        rejected = [o for o in records if o.status == "rejected"]
        return {
            "files": self.files + len(self.unreadable),
            "unreadable": dict(sorted(self.unreadable.items())),
            "empty": dict(sorted(self.empty.items())),
            "vocabularies": dict(sorted(self.vocabularies.items())),
            "supplements": sorted(self.supplements),
            "files_with_records": sorted({o.source for o in records}),
            "records": len(records),
            "loaded_as_is": len(kept) - len(flagged) - len(repaired),
            "loaded_repaired": len(repaired),
            "repairs_by_kind": _counts(r.kind for o in kept for r in o.repairs),
            "flagged": len(flagged),
            "defects_by_message": _counts(k for o in flagged for k in o.defect_kinds),
            "rejected": len(rejected),
            "rejected_by_reason": _counts(k for o in rejected for k in o.reasons),
            "duplicates": len(self.duplicates),
            "duplicate_files": sorted(self.duplicate_files),
        }


def _counts(keys: Iterable[str]) -> dict[str, int]:
    """Counts by key, most frequent first (then by key)."""
    return dict(sorted(Counter(keys).items(), key=lambda i: (-i[1], i[0])))


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], int]:
    """Expand folders (recursively, RDF file suffixes only); return files and skipped count."""
    files, skipped, _ = _collect(paths)
    return files, skipped


def _collect(paths: Iterable[str | Path]) -> tuple[list[Path], int, dict[Path, str]]:
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


_TITLE_PREDICATES = {DCT + "title", "https://schema.org/name", "http://xmlns.com/foaf/0.1/name"}
_ANY_TITLE = _TITLE_PREDICATES | {"http://www.w3.org/2000/01/rdf-schema#label"}


def record_title(record: Record, lang: str) -> str:
    titles = {}
    for t in record.triples:
        if t.subject == record.resource and t.predicate.value in _TITLE_PREDICATES:
            if isinstance(t.object, ox.Literal) and t.object.value.strip():
                titles.setdefault(t.object.language or "", t.object.value)
    return (
        titles.get(lang)
        or titles.get("en")
        or titles.get("fr")
        or next(iter(titles.values()), record.resource.value)
    )


def has_title(resource, triples) -> bool:
    """Has ``resource`` a non-empty title literal, in any language (or none)?"""
    return any(
        t.subject == resource
        and t.predicate.value in _ANY_TITLE
        and isinstance(t.object, ox.Literal)
        and t.object.value.strip()
        for t in triples
    )


def fatal_text(reason: str, kind: str, title: str, resource: str, lang: str) -> str:
    """Why a record cannot be a record, naming it, in ``lang``."""
    index = 0 if lang == "fr" else 1
    who = _KIND_WORDS.get(kind, ("la ressource", "the resource"))[index]
    named = f"{who} « {title} »" if title and title != resource else who
    word = ("erreur", "error")[index]
    colon = " : " if index == 0 else ": "
    return f"{word}{colon}{named} <{resource}> {_FATAL[reason][index]}"


_SHORT = {
    "http://www.w3.org/ns/dcat#": "dcat:",
    "http://purl.org/dc/terms/": "dct:",
    "https://schema.org/": "schema:",
    "http://xmlns.com/foaf/0.1/": "foaf:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://www.w3.org/2006/vcard/ns#": "vcard:",
    "http://www.w3.org/2002/07/owl#": "owl:",
    "http://www.w3.org/ns/prov#": "prov:",
}


def _short(iri: str) -> str:
    for namespace, prefix in _SHORT.items():
        if iri.startswith(namespace):
            return prefix + iri[len(namespace) :]
    return f"<{iri}>"


def held(triples: Sequence, lang: str = "en") -> str:
    """What a document that gave no record held: its subject count and rdf:types."""
    subjects = {t.subject for t in triples}
    types = Counter(
        t.object.value
        for t in triples
        if t.predicate == RDF_TYPE and isinstance(t.object, ox.NamedNode)
    )
    named = ", ".join(
        f"{_short(k)} ({n})" for k, n in sorted(types.items(), key=lambda i: (-i[1], i[0]))[:8]
    )
    if lang == "fr":
        if not triples:
            return "aucun énoncé : rien à charger"
        text = f"aucun jeu de données, service, publication ni logiciel ; {len(subjects)} sujet(s)"
        text += f", types : {named}" if named else ", aucun rdf:type"
        text += " ; ses énoncés sont gardés dans le graphe source du fichier"
        if any(k.startswith("http://www.w3.org/2004/02/skos/core#") for k in types):
            text += " (un vocabulaire se charge avec `gaia-kg vocab load`)"
        return text
    if not triples:
        return "no statement at all: nothing to load"
    text = f"no dataset, service, publication or software; {len(subjects)} subject(s)"
    text += f", types: {named}" if named else ", no rdf:type"
    text += "; its statements are kept in the file's source graph"
    if any(k.startswith("http://www.w3.org/2004/02/skos/core#") for k in types):
        text += " (load a vocabulary with `gaia-kg vocab load`)"
    return text


def _provenance(
    record: Record,
    source: str,
    fmt: str,
    notes: list[ox.Literal],
    now: ox.Literal,
    *,
    violations: int = 0,
    warnings: int = 0,
) -> list[ox.Triple]:
    """What the record graph says about itself; ``notes`` in fr and en, two per problem."""
    g = record.graph
    outcome = NOT_CONFORMANT if violations else CONFORMS_WITH_WARNINGS if warnings else CONFORMS
    out = [ox.Triple(g, VALIDATION_MESSAGE, w) for w in notes]
    out += [
        ox.Triple(g, RDF_TYPE, RECORD_GRAPH),
        ox.Triple(g, DESCRIBES, record.resource),
        ox.Triple(g, SOURCE, ox.Literal(source)),
        ox.Triple(g, GENERATED_AT, now),
        ox.Triple(g, CONTENT_HASH, ox.Literal(record.content_hash)),
        ox.Triple(g, TRIPLE_COUNT, ox.Literal(str(len(record.lines)), datatype=_INT)),
        ox.Triple(g, VALIDATION_OUTCOME, outcome),
        ox.Triple(g, WARNING_COUNT, ox.Literal(str(warnings), datatype=_INT)),
        ox.Triple(g, CONVERTER, ox.Literal(f"gaia-kg {__version__} {fmt}")),
    ]
    if violations:
        out.append(ox.Triple(g, VIOLATION_COUNT, ox.Literal(str(violations), datatype=_INT)))
    return out


_INT = ox.NamedNode(XSD + "integer")


@dataclass(slots=True)
class _Document:
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

    def validated(self) -> list[Record]:
        """What is validated together: the document's records, duplicates included (a
        shape may look at a node through any of them)."""
        return [*self.split.records, *self.dropped]


def _names(files: Sequence[Path], relative: dict[Path, str]) -> dict[Path, str]:
    """The name of each file in reports and provenance: its file name, or its path under the
    folder named when two files share a name."""
    seen = Counter(f.name for f in files)
    return {f: f.name if seen[f.name] == 1 else relative.get(f, str(f)) for f in files}


def _read_all(files, names, bases, report: LoadReport, progress, base_iri: str):
    """Parse every file: the documents read, in order."""
    documents: list[_Document] = []
    tick = progress("reading files", len(files)) if progress and len(files) > 1 else None
    for f in files:
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
        documents.append(_Document(name, fmt, parsed, repairs=read_repairs))
    return documents


def problems_by_record(problems: list[Problem], owners: dict) -> dict:
    by_record: dict[ox.NamedNode, list[Problem]] = {}
    for p in problems:
        for root in owners.get(p.focus, ()):
            by_record.setdefault(root, []).append(p)
    return by_record


def disjoint_groups(items: list, records: Callable[[object], list[Record]]) -> list[list]:
    """``items`` (documents, harvested units) in groups that can be validated as one store:
    no item of a group describes an IRI another one names, so each record is judged on what
    its own document says."""
    if len(items) < 2:
        return [items] if items else []
    groups: list[tuple[set, set, list]] = []
    for item in items:
        triples = [t for r in records(item) for t in r.triples]
        subjects = {t.subject for t in triples if isinstance(t.subject, ox.NamedNode)}
        named = subjects | {t.object for t in triples if isinstance(t.object, ox.NamedNode)}
        for described, mentioned, members in groups:
            if not (subjects & mentioned or named & described):
                described |= subjects
                mentioned |= named
                members.append(item)
                break
        else:
            groups.append((subjects, named, [item]))
    return [members for _, _, members in groups]


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
) -> LoadReport:
    """Load files and folders into ``store``; see the module docstring.

    ``base_iri`` is the base under which converters mint IRIs; relative IRIs of RDF input
    resolve against ``document_base`` (joined with the file's path under the folder named),
    else the file's own ``file:`` URI. ``strict`` rejects every record with a Violation.
    """
    started = time.perf_counter()
    clock = _Clock()
    files, skipped, relative = _collect(paths)
    names = _names(files, relative)
    bases = {
        f: urljoin(document_base, relative[f]) if document_base else f.resolve().as_uri()
        for f in files
    }
    report = LoadReport(skipped_files=skipped, phases=clock.phases)
    report.file_names = list(names.values())
    documents = _read_all(files, names, bases, report, progress, base_iri)
    report.triples_read = sum(len(d.quads) for d in documents)
    clock.lap("read")
    linker = KeywordLinker.from_store(store)
    keywords = report.keywords
    taken: dict[ox.NamedNode, str] = {}  # record IRI -> the file it is loaded from
    judge = Judge(None, store.record_hashes(), {}, report.formats, lang, strict=strict)
    for d in documents:
        origin = dict.fromkeys((q.subject for q in d.quads), d.name)

        def augment(root, kind, record_triples, name=d.name):
            return linker.augment(root, kind, record_triples, name, keywords)

        def repair(root, kind, record_triples, doc=d):
            return _repair(root, record_triples, doc, doc.record_repairs)

        split = split_records(
            d.quads,
            base_iri=base_iri,
            origin=origin,
            augment=augment,
            repair=repair,
        )
        if not (any(r.kind != "source" for r in split.records) or split.anonymous):
            d.held = held(d.quads, lang)  # no record: empty, unless it adds to one (below)
            if _is_vocabulary(d.quads):  # a vocabulary, unless records name its concepts
                d.vocabulary = d.quads
        d.quads = []
        kept = []
        for r in split.records:
            if r.kind != "source" and r.resource in taken:
                report.duplicates.append(_duplicate(r, d.name, taken[r.resource], lang))
                report.duplicate_files.add(d.name)
                d.dropped.append(r)  # validated with its document, not written
                continue
            if r.kind != "source":
                taken[r.resource] = d.name
            judge.declared_in[r.resource] = d.name
            kept.append(r)
        split.records = kept
        d.split = split
        report.orphan_subjects += len(split.orphans)  # kept, in their file's source record
        for node, kind, triples in split.anonymous:
            judge.anonymous(node, kind, triples, d.name)
    named: set | None = None  # the IRIs the records of this load name (computed if needed)
    for d in documents:
        if d.held is None:
            continue
        if named is None:
            named = {
                t.object
                for e in documents
                for r in e.split.records
                if r.kind != "source"
                for t in r.triples
                if isinstance(t.object, ox.NamedNode)
            }
        if _adds_to_a_record(d, taken, named, report.formats):
            report.supplements.append(d.name)
            d.vocabulary = None  # reference values of the records (themes, licences…)
        elif d.vocabulary is not None:  # loaded as `gaia-kg vocab load` would, not a source
            report.orphan_subjects -= len(d.split.orphans)
            d.split.records, d.split.orphans = [], []
        else:
            report.empty[d.name] = d.held
            report.empty_files.append(f"{d.name}: {d.held}")
    if "stac" in report.formats.values():
        # STAC items stay in their file's graph, naming their collection: "apart" are those
        # whose collection is no record of this load
        kept = [r for d in documents for r in d.split.records]
        report.stac_items, _ = count_items(kept, report.formats, judge.declared_in)
        report.stac_items_unattached = {
            c: n for c, n in report.stac_items.items() if ox.NamedNode(c) not in taken
        }
    clock.lap("split")

    shapes = shapes or load_shapes()
    writes = []
    validate_seconds = 0.0
    for group in disjoint_groups(documents, _Document.validated):
        staging = ox.Store()
        # the union of the group's records, in the default graph: no copy of the quads
        staging.bulk_extend([_quad(t) for d in group for r in d.validated() for t in r.triples])
        owners: dict = {}
        for d in group:
            for node, roots in d.split.owners.items():
                owners.setdefault(node, []).extend(roots)
        began = time.perf_counter()
        by_record = problems_by_record(validate(staging, shapes), owners)
        validate_seconds += time.perf_counter() - began
        judge.staging = staging
        for d in group:
            judge.repairs = d.record_repairs
            for r in d.split.records:
                w = judge(r, by_record.get(r.resource, []))
                if w is not None:
                    writes.append(w)
    report.outcomes = judge.outcomes
    clock.lap("prepare")
    clock.phases["validate"] = validate_seconds
    clock.phases["prepare"] -= validate_seconds

    tick = progress("writing records", len(writes)) if progress else None
    report.generation_before = store_generation(store)
    if writes or any(d.vocabulary is not None for d in documents):
        # a new generation before the records: a crash before inference or indexing leaves
        # derived data recorded at an older one, caught up by the next run
        store.write_graphs([new_generation()])
    for i in range(0, len(writes), BATCH):
        batch = writes[i : i + BATCH]
        store.write_graphs(batch)
        report.triples_written += sum(len(w) for w in batch)
        if tick:
            tick(len(batch))
    for d in documents:
        if d.vocabulary is not None:
            report.vocabularies[d.name] = _write_vocabulary(store, d, lang)
    clock.lap("write")
    report.seconds = time.perf_counter() - started
    return report


_SKOS_TYPES = {SKOS + "Concept", SKOS + "ConceptScheme"}


def _is_vocabulary(quads) -> bool:
    """Whether a document that gave no record describes SKOS concepts or concept schemes."""
    return any(t.predicate == RDF_TYPE and t.object.value in _SKOS_TYPES for t in quads)


def _write_vocabulary(store: Store, d: _Document, lang: str) -> str:
    """A vocabulary met among the files of a load, in its own graph (SKOS closure included)
    named by the file's stem, as ``gaia-kg vocab load`` does; what to report of it."""
    from .vocab import slugify, write_vocabulary

    slug = slugify(Path(d.name).stem) or "vocabulary"
    loaded = write_vocabulary(store, [_quad(t).triple for t in d.vocabulary], slug)
    d.vocabulary = []
    if lang == "fr":
        return f"chargé comme vocabulaire « {slug} » ({loaded.concepts} concept(s))"
    return f"loaded as the vocabulary {slug!r} ({loaded.concepts} concept(s))"


_HAS_PART = ox.NamedNode(DCT + "hasPart")


def _adds_to_a_record(d: _Document, taken: dict, named: set, formats: dict) -> bool:
    """Does a document that gave no record add to the catalogue? Its statements (kept in its
    own source graph) are about a record of this load or about what records name (shared
    agents, organisations, services), or they are STAC items naming their collection
    (counted apart in the report)."""
    triples = [t for r in d.split.records for t in r.triples]
    if any(t.subject in taken or t.subject in named for t in triples):
        return True
    return formats.get(d.name) == "stac" and any(t.predicate == _HAS_PART for t in triples)


def _quad(t) -> ox.Quad:
    return t if isinstance(t, ox.Quad) else ox.Quad(t.subject, t.predicate, t.object)


def _repair(root, triples, document: _Document, repairs: dict) -> list:
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


def _duplicate(record: Record, name: str, first: str, lang: str) -> str:
    if lang == "fr":
        return (
            f"{name} : <{record.resource.value}> est déjà décrit par {first} : la notice est "
            f"chargée depuis {first}, la description de {name} n'est pas chargée"
        )
    return (
        f"{name}: <{record.resource.value}> is already described by {first}: the record is "
        f"loaded from {first}, the description in {name} is not loaded"
    )


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
    """Decides each record's fate (rejected, unchanged, loaded, updated) and what to write.

    A record is rejected when it cannot be one (no title in any language), or, when
    ``strict``, for any Violation; a source record (what no record of a file owns) never is.
    Other Violations load the record flagged ``gaia:NotConformant``.
    """

    def __init__(
        self,
        staging,
        existing: dict[str, str],
        declared_in: dict,
        formats,
        lang: str,
        *,
        strict: bool = False,
    ):
        self.staging = staging
        self.formats = formats
        self.existing = existing
        self.declared_in = declared_in
        self.lang = lang
        self.strict = strict
        #: record resource -> its repairs
        self.repairs: dict = {}
        self.outcomes: list[RecordOutcome] = []
        self.now = ox.Literal(
            datetime.now(UTC).isoformat(timespec="seconds"), datatype=ox.NamedNode(XSD + "dateTime")
        )

    def anonymous(self, node, kind: str, triples, source: str) -> None:
        """A record-typed blank node: rejected, nothing identifies it."""
        titles = [
            t.object.value
            for t in triples
            if t.subject == node
            and t.predicate.value in _ANY_TITLE
            and isinstance(t.object, ox.Literal)
        ]
        title = titles[0] if titles else ""
        index = 0 if self.lang == "fr" else 1
        who = _KIND_WORDS.get(kind, ("la ressource", "the resource"))[index]
        named = f"{who} « {title} »" if title else who
        word = ("erreur : ", "error: ")[index]
        self.outcomes.append(
            RecordOutcome(
                f"_:{node.value}",
                kind,
                title or f"_:{node.value}",
                source,
                "rejected",
                [f"{word}{named} ({source}) {_FATAL['no identifier'][index]}"],
                reasons=["no identifier"],
            )
        )

    def fatal(self, record: Record, found: list[Problem]) -> tuple[list[str], list[str]]:
        """Why ``record`` is rejected, in words and as reason keys; ([], []) if it is not."""
        lang = self.lang
        if record.kind == "source":
            return [], []
        violations = [p for p in found if p.severity == "Violation"]
        problems: list[str] = []
        reasons: list[str] = []
        if not has_title(record.resource, record.triples):
            title = record_title(record, lang)
            reasons.append("no title")
            problems.append(fatal_text("no title", record.kind, title, record.resource.value, lang))
            # the missing title is said once, above
            violations = [p for p in violations if not _about_title(p, record.resource)]
        if reasons or self.strict:
            problems += [describe(p, self.staging, lang) for p in violations]
            if self.strict:
                reasons += [p.messages.get(lang, "") for p in violations]
        return problems, reasons

    def __call__(self, record: Record, found: list[Problem]) -> GraphWrite | None:
        lang, staging = self.lang, self.staging
        violations = [p for p in found if p.severity == "Violation"]
        lesser = [p for p in found if p.severity != "Violation"]
        source = self.declared_in.get(record.resource) or unquote(
            record.resource.value.rsplit("/")[-1]
        )
        title = record_title(record, lang)
        repairs = self.repairs.get(record.resource, [])
        problems, reasons = self.fatal(record, found)
        old = self.existing.get(record.graph.value)
        write = None
        defects: list[Problem] = []
        if reasons:
            status = "rejected"
        else:
            defects = violations
            if old == record.content_hash:
                status = "unchanged"
            else:
                status = "updated" if old else "loaded"
                notes = [
                    ox.Literal(describe(p, staging, code), language=code)
                    for p in [*defects, *lesser]
                    for code in ("fr", "en")
                ]
                fmt = self.formats.get(source, "rdf")
                provenance = _provenance(
                    record,
                    source,
                    fmt,
                    notes,
                    self.now,
                    violations=len(defects),
                    warnings=len(lesser),
                )
                if repairs:
                    provenance += provenance_triples(record.graph, repairs)
                provenance += quality_triples(
                    record.resource, record.kind, record.triples, record.graph
                )
                write = GraphWrite(record.graph, provenance, record.lines)
        self.outcomes.append(
            RecordOutcome(
                record.resource.value,
                record.kind,
                title,
                source,
                status,
                problems,
                [describe(p, staging, lang) for p in lesser],
                [p.messages.get(lang, "") for p in lesser],
                [describe(p, staging, lang) for p in defects],
                [p.messages.get(lang, "") for p in defects],
                list(repairs) if status != "rejected" else [],
                reasons,
            )
        )
        return write


def _about_title(problem: Problem, resource) -> bool:
    return (
        problem.focus == resource
        and problem.path is not None
        and problem.path.value in _ANY_TITLE
        and problem.component.value.endswith("MinCountConstraintComponent")
    )
