"""What the CLI prints: load summaries, validation reports, query results, statistics."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import pyoxigraph as ox

from .centroid import centroids
from .errors import InputError
from .file_types import format_triples
from .messages import CLI
from .namespaces import GAIA
from .store import Store
from .terms import GAIA_NS
from .xmlchars import xml_safe

__all__ = [
    "print_load_report",
    "validate_files",
    "print_query_result",
    "store_stats",
    "export_records",
    "term_text",
]

Echo = Callable[[str], None]

#: the message key of each count of a load (plural messages)
_COUNTS = {
    "loaded": CLI.mark("report.loaded"),
    "updated": CLI.mark("report.updated"),
    "unchanged": CLI.mark("report.unchanged"),
    "rejected": CLI.mark("report.rejected"),
}


def print_load_report(report, *, lang: str, echo: Echo, max_warnings: int = 12) -> None:
    """The summary of a load: counts first, then every rejection and a few warnings."""
    echo(
        CLI.text(
            "report.summary",
            lang,
            files=CLI.plural("report.files", report.files, lang),
            read=CLI.plural("report.read", report.triples_read, lang),
            written=CLI.plural("report.written", report.triples_written, lang),
            s=report.seconds,
        )
    )
    counts = [CLI.plural(key, report.count(k), lang) for k, key in _COUNTS.items()]
    echo(", ".join([*counts, CLI.plural("report.warnings", report.warnings, lang)]))
    figures = report.summary()
    kept = [
        CLI.plural("report.as_is", figures["loaded_as_is"], lang),
        CLI.plural("report.repaired", figures["loaded_repaired"], lang),
        CLI.plural("report.flagged", figures["flagged"], lang),
    ]
    echo(", ".join(kept))
    if figures["repairs_by_kind"]:
        done = ", ".join(f"{k} {n}" for k, n in figures["repairs_by_kind"].items())
        echo(CLI.text("report.repairs", lang, repairs=done))
    linked = sum(report.keywords.linked.values())
    unmatched = Counter()
    for counts in report.keywords.unmatched.values():
        unmatched.update(counts)
    if linked or unmatched:
        missed = sum(unmatched.values())
        echo(CLI.text("report.keywords", lang, linked=linked, missed=missed))
        for keyword, n in unmatched.most_common(5):
            echo(f"  ? {n} × « {keyword} »")
    if report.skipped_files:
        echo(CLI.plural("report.skipped", report.skipped_files, lang))
    if report.orphan_subjects:
        echo(CLI.plural("report.orphans", report.orphan_subjects, lang))
    _print_files(report, lang, echo)
    rejected = [o for o in report.outcomes if o.status == "rejected"]
    if rejected:
        echo(CLI.text("report.rejected_head", lang))
        for o in rejected:
            named = f"« {o.title} » " if o.title and o.title != o.resource else ""
            echo(f"  ✗ {named}<{o.resource}> ({o.source})")
            for problem in o.problems:
                echo(f"      - {problem}")
    kept = [o for o in report.outcomes if o.status != "rejected"]
    flagged_head = CLI.text("report.flagged_head", lang)
    _groups(echo, flagged_head, "⚑", kept, "defect_kinds", "defects", max_warnings)
    warning_head = CLI.text("report.warning_head", lang)
    _groups(echo, warning_head, "!", kept, "warning_kinds", "warnings", max_warnings)


def _print_files(report, lang: str, echo: Echo) -> None:
    """What the files gave besides records: STAC items, unreadable and empty files,
    vocabularies, records already described by another file."""
    stac_items = report.stac_items
    if stac_items:
        items = sum(stac_items.values())
        echo(CLI.plural("report.stac_items", len(stac_items), lang, items=items))
        for collection, n in sorted(report.stac_items_unattached.items())[:20]:
            echo(CLI.text("report.stac_apart", lang, n=n, c=collection))
    vocabularies = [f"{name}: {what}" for name, what in sorted(report.vocabularies.items())]
    _listing(echo, CLI.plural("report.file_errors", len(report.file_errors), lang), "✗",
             report.file_errors)  # fmt: skip
    _listing(echo, CLI.plural("report.empty", len(report.empty_files), lang), "?",
             report.empty_files)  # fmt: skip
    _listing(echo, CLI.plural("report.vocabularies", len(vocabularies), lang), "≡",
             vocabularies)  # fmt: skip
    _listing(echo, CLI.plural("report.duplicates", len(report.duplicates), lang), "=",
             report.duplicates)  # fmt: skip


def _listing(echo: Echo, head: str, mark: str, lines: list[str]) -> None:
    """``lines`` under ``head`` (their count), each marked; nothing when there is none."""
    if lines:
        echo(head)
        for line in lines:
            echo(f"  {mark} {line}")


def _groups(echo: Echo, head: str, mark: str, outcomes, kinds: str, texts: str, most: int):
    """Problems grouped by record kind and shape message: a count, and one example naming
    the record, its property and its file."""
    groups: Counter = Counter()
    examples: dict[tuple[str, str], str] = {}
    for o in outcomes:
        for kind, text in zip(getattr(o, kinds), getattr(o, texts), strict=True):
            groups[(o.kind, kind)] += 1
            examples.setdefault((o.kind, kind), f"{o.source}: {text}")
    if groups:
        echo(head)
        for (kind, message), n in groups.most_common(most):
            echo(f"  {mark} {n} × {kind}: {message}")
            echo(f"      {_cut(examples[(kind, message)], 200)}")
        if len(groups) > most:
            echo(f"  … (+{len(groups) - most})")


def validate_files(paths: Iterable[str], *, lang: str, engine: str, echo: Echo) -> bool:
    """Validate each file on its own; print its problems in plain words; True if no Violation."""
    from .formats import read_triples
    from .load.inputs import collect_files
    from .validation import describe, load_shapes, validate, validate_with_pyshacl

    shapes = load_shapes()
    files, _ = collect_files(paths)
    ok = True
    for f in files:
        try:
            data = Path(f).read_bytes()
            triples = read_triples(data, name=str(f), base_iri=Path(f).resolve().as_uri())
        except InputError as exc:
            echo(f"✗ {exc}")
            ok = False
            continue
        data = ox.Store()
        data.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
        problems = (
            validate(data, shapes) if engine == "fast" else validate_with_pyshacl(data, shapes)
        )
        if not problems:
            echo(CLI.text("report.conforms", lang, name=f))
            continue
        echo(CLI.plural("report.problems", len(problems), lang, name=f))
        for p in problems:
            mark = "✗" if p.severity == "Violation" else "!"
            echo(f"  {mark} [{p.severity}] {describe(p, data, lang)}")
        ok = ok and not any(p.severity == "Violation" for p in problems)
    return ok


def term_text(term) -> str:
    """A term as people read it: IRIs bare, literals with their language tag."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return f"{term.value}@{term.language}" if term.language else term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def print_query_result(result, fmt: str, *, echo: Echo, lang: str = "en") -> None:
    """Print a query result as a table, CSV or SPARQL JSON (graphs as Turtle / N-Triples)."""
    if isinstance(result, ox.QueryBoolean):
        echo(
            json.dumps({"head": {}, "boolean": bool(result)})
            if fmt == "json"
            else str(bool(result)).lower()
        )
        return
    if isinstance(result, ox.QueryTriples):
        rdf = ox.RdfFormat.N_TRIPLES if fmt == "csv" else ox.RdfFormat.TURTLE
        if fmt == "json":
            rdf = ox.RdfFormat.JSON_LD
        echo(result.serialize(format=rdf).decode("utf-8").rstrip("\n"))
        return
    if fmt in ("json", "csv"):
        out = ox.QueryResultsFormat.JSON if fmt == "json" else ox.QueryResultsFormat.CSV
        echo(result.serialize(format=out).decode("utf-8").rstrip("\r\n"))
        return
    names = [v.value for v in result.variables]
    rows = [[term_text(s[n]) for n in names] for s in result]
    widths = [min(60, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]
    echo(" | ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)))
    echo("-+-".join("-" * w for w in widths))
    for r in rows:
        echo(" | ".join(_cut(v, w).ljust(w) for v, w in zip(r, widths, strict=True)))
    echo(CLI.plural("report.rows", len(rows), lang))


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


_STATS = {
    "records by kind": """
        SELECT ?key (COUNT(DISTINCT ?r) AS ?n) WHERE {
          GRAPH ?g { ?g a ?recordGraph ; ?describes ?r . ?r a ?type }
          VALUES (?type ?key) {
            (<http://www.w3.org/ns/dcat#Dataset> "dataset")
            (<http://www.w3.org/ns/dcat#DatasetSeries> "dataset series")
            (<http://www.w3.org/ns/dcat#DataService> "data service")
            (<http://www.w3.org/ns/dcat#Catalog> "catalogue")
            (<https://schema.org/ScholarlyArticle> "publication")
            (<https://schema.org/SoftwareSourceCode> "software")
          }
        } GROUP BY ?key ORDER BY ?key""",
    "records by pole": """
        SELECT ?key (COUNT(DISTINCT ?r) AS ?n) WHERE {
          GRAPH ?g { ?g a ?recordGraph ; ?describes ?r . ?r ?poleProp ?pole }
          BIND(STRAFTER(STR(?pole), "/org/") AS ?key)
        } GROUP BY ?key ORDER BY ?key""",
    "validation outcome": """
        SELECT ?key (COUNT(?g) AS ?n) WHERE {
          GRAPH ?g { ?g a ?recordGraph ; ?outcome ?o }
          BIND(STRAFTER(STR(?o), "#") AS ?key)
        } GROUP BY ?key ORDER BY ?key""",
}


def store_stats(store: Store) -> dict:
    """The figures printed by ``gaia-kg stats``."""
    g = GAIA_NS
    bindings = {
        "recordGraph": ox.NamedNode(g + "RecordGraph"),
        "describes": ox.NamedNode(g + "describes"),
        "poleProp": ox.NamedNode(g + "pole"),
        "outcome": ox.NamedNode(g + "validationOutcome"),
    }
    graphs = store.named_graphs()
    figures: dict = {
        "backend": store.backend,
        "triples": store.triple_count(),
        "named graphs": len(graphs),
        "record graphs": sum(1 for x in graphs if "/graph/record/" in x.value),
    }
    for title, sparql in _STATS.items():
        rows = store.select(sparql, bindings)
        figures[title] = {r["key"].value: int(r["n"].value) for r in rows if "key" in r}
    return figures


EXPORT = """
CONSTRUCT { ?s ?p ?o } WHERE {
  GRAPH ?g { ?g a ?recordGraph . ?s ?p ?o FILTER(?s != ?g) }
}"""


def export_records(store: Store, fmt: str) -> bytes:
    """Every record graph, without the provenance triples, as one graph (or N-Quads), each
    record as a ``dcat:CatalogRecord`` saying whether it conforms to the GAIA profile, and
    what the store says of the IRIs they link to (:func:`~graph_loader.conformance.references`:
    the themes as ``skos:Concept``); each box's centroid, the file type of a stated media type.
    The N-Quads are the store as it is."""
    bindings = {"recordGraph": ox.NamedNode(GAIA.RecordGraph)}
    if fmt == "nquads":
        return store.dump(ox.RdfFormat.N_QUADS)
    rdf = {
        "turtle": ox.RdfFormat.TURTLE,
        "ntriples": ox.RdfFormat.N_TRIPLES,
        "rdfxml": ox.RdfFormat.RDF_XML,
    }[fmt]
    result = list(store.query(EXPORT, bindings))
    result += centroids(result)  # derived on read (graph_loader.centroid)
    result += format_triples(result)  # derived on read (graph_loader.file_types)
    result += _catalog_records(store)
    from .conformance import references

    result += sorted(references(store, result), key=str)
    prefixes = {
        "dcat": "http://www.w3.org/ns/dcat#",
        "dct": "http://purl.org/dc/terms/",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "gaia": GAIA_NS,
        "schema": "https://schema.org/",
        "vcard": "http://www.w3.org/2006/vcard/ns#",
    }
    if rdf is ox.RdfFormat.TURTLE:
        return ox.serialize(result, format=rdf, prefixes=prefixes)
    if rdf is ox.RdfFormat.RDF_XML:
        return xml_safe(ox.serialize(result, format=rdf))
    return ox.serialize(result, format=rdf)


RECORD_PROVENANCE = """
SELECT ?g ?r ?p ?o WHERE {
  GRAPH ?g { ?g a ?recordGraph ; ?describes ?r . ?g ?p ?o
    FILTER EXISTS { ?r a ?type
      VALUES ?type { <http://www.w3.org/ns/dcat#Dataset> <http://www.w3.org/ns/dcat#DataService>
                     <http://www.w3.org/ns/dcat#DatasetSeries> } } }
}"""


def _catalog_records(store: Store) -> list:
    """Each dataset and data service record as a ``dcat:CatalogRecord`` saying whether it
    conforms to the GAIA profile (:mod:`graph_loader.conformance`); publications and software
    are no DCAT resources (their conformance is in the N-Quads export, with provenance)."""
    from .conformance import catalog_record, profile_triples

    bindings = {
        "recordGraph": ox.NamedNode(GAIA.RecordGraph),
        "describes": ox.NamedNode(GAIA.describes),
    }
    provenance: dict = {}
    for row in store.select(RECORD_PROVENANCE, bindings):
        key = (row["g"], row["r"])
        provenance.setdefault(key, []).append(ox.Triple(row["g"], row["p"], row["o"]))
    out = []
    for (graph, resource), statements in sorted(provenance.items(), key=lambda i: i[0][0].value):
        out += catalog_record(graph, resource, statements)
    return out + profile_triples() if out else out
