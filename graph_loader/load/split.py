"""The split phase of a load: each document split into records on its own (repaired and
linked to the thesaurus as it is split), a record IRI already described by an earlier file
dropped and reported, and a document that gave no record sorted: it adds to a record, it is a
vocabulary, or it is reported empty with what it held."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import pyoxigraph as ox

from ..collector import collect_young
from ..messages import CLI
from ..namespaces import DCT, SKOS
from ..records import Record, Split, split_records
from ..terms import RDF_TYPE
from .inputs import Document, repair_record

__all__ = ["held", "sort_recordless", "split_all"]

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
    if not triples:
        return CLI.text("load.held.nothing", lang)
    text = CLI.plural("load.held.subjects", len(subjects), lang)
    text += (
        CLI.text("load.held.types", lang, types=named)
        if named
        else CLI.text("load.held.untyped", lang)
    )
    text += CLI.text("load.held.kept", lang)
    if any(k.startswith("http://www.w3.org/2004/02/skos/core#") for k in types):
        text += CLI.text("load.held.vocabulary", lang)
    return text


_SKOS_TYPES = {str(SKOS.Concept), str(SKOS.ConceptScheme)}


def _is_vocabulary(quads) -> bool:
    """Whether a document that gave no record describes SKOS concepts or concept schemes."""
    return any(t.predicate == RDF_TYPE and t.object.value in _SKOS_TYPES for t in quads)


_HAS_PART = ox.NamedNode(DCT.hasPart)


def _adds_to_a_record(d: Document, taken: dict, named: set, formats: dict) -> bool:
    """Does a document that gave no record add to the catalogue? Its statements (kept in its
    own source graph) are about a record of this load or about what records name (shared
    agents, organisations, services), or they are STAC items naming their collection
    (counted apart in the report)."""
    triples = [t for r in d.split.records for t in r.triples]
    if any(t.subject in taken or t.subject in named for t in triples):
        return True
    return formats.get(d.name) == "stac" and any(t.predicate == _HAS_PART for t in triples)


def _duplicate(record: Record, name: str, first: str, lang: str) -> str:
    return CLI.text("load.duplicate", lang, name=name, resource=record.resource.value, first=first)


def split_all(
    documents: list[Document],
    judge,
    linker,
    report,
    *,
    base_iri: str,
    lang: str,
    pool=None,
    window: int = 4,
):
    """Split every document into records, in order; the record IRIs taken (-> their file).

    With ``pool`` (:func:`.workers.worker_pool`), a big document is only planned here: its
    records are prepared by the workers (``d.pending``, ``window`` chunks ahead)."""
    keywords = report.keywords
    taken: dict[ox.NamedNode, str] = {}  # record IRI -> the file it is loaded from
    for d in documents:
        if (
            pool is not None
            and d.fmt != "stac"
            and _to_workers(d, pool, window, taken, judge, report, lang)
        ):
            continue
        origin = dict.fromkeys((q.subject for q in d.quads), d.name)

        def augment(root, kind, record_triples, name=d.name):
            return linker.augment(root, kind, record_triples, name, keywords)

        def repair(root, kind, record_triples, doc=d):
            return repair_record(root, record_triples, doc, doc.record_repairs)

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
        split.records = _first_descriptions(d, split.records, taken, judge, report, lang)
        d.split = split
        report.orphan_subjects += len(split.orphans)  # kept, in their file's source record
        for node, kind, triples in split.anonymous:
            judge.anonymous(node, kind, triples, d.name)
        collect_young()
    return taken


def _to_workers(d: Document, pool, window: int, taken: dict, judge, report, lang: str) -> bool:
    """Hand a big document to the workers (:mod:`.workers`); False if it is not big."""
    from .workers import Pending, chunks_of, plan

    p = plan(d.quads)
    if p is None:
        return False
    dropped = set()
    for root in p.roots:
        if root in taken:
            text = CLI.text(
                "load.duplicate", lang, name=d.name, resource=root.value, first=taken[root]
            )
            report.duplicates.append(text)
            report.duplicate_files.add(d.name)
            dropped.add(root.value)
        else:
            taken[root] = d.name
            judge.declared_in[root] = d.name
    d.quads = []
    d.split = Split([], [], {})
    d.named = p.named
    d.candidates = len(p.roots) - len(dropped)
    d.pending = Pending(pool, chunks_of(d, p, dropped), window)
    return True


def _first_descriptions(d: Document, records, taken: dict, judge, report, lang: str) -> list:
    """The records of ``d`` not described by an earlier file; the others reported, dropped."""
    kept = []
    for r in records:
        if r.kind != "source" and r.resource in taken:
            report.duplicates.append(_duplicate(r, d.name, taken[r.resource], lang))
            report.duplicate_files.add(d.name)
            d.dropped.append(r)  # validated with its document, not written
            continue
        if r.kind != "source":
            taken[r.resource] = d.name
        judge.declared_in[r.resource] = d.name
        kept.append(r)
    return kept


def sort_recordless(documents: list[Document], taken: dict, report) -> None:
    """Each document that gave no record: a supplement of the records, a vocabulary, or
    reported empty with what it held."""
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
            named = named.union(*(e.named for e in documents if e.named))  # big ones
        if _adds_to_a_record(d, taken, named, report.formats):
            report.supplements.append(d.name)
            d.vocabulary = None  # reference values of the records (themes, licences…)
        elif d.vocabulary is not None:  # loaded as `gaia-kg vocab load` would, not a source
            report.orphan_subjects -= len(d.split.orphans)
            d.split.records, d.split.orphans = [], []
        else:
            report.empty[d.name] = d.held
            report.empty_files.append(f"{d.name}: {d.held}")
