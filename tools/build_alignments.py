"""Write ``vocabularies/alignments/*.ttl`` from the CSV tables in ``alignment_tables``.

Run ``python tools/build_alignments.py [CORPORA_DIR]`` from the repository root (default
``../shared/corpora``). GCMD paths are resolved to IRIs in ``gcmd/sciencekeywords.rdf``, EU
data-theme codes checked in ``skos/eu-vocabularies/data-theme-filtered.rdf``, GAIA slugs in
the thesaurus; any label, code or slug not found stops the build with every culprit listed.
The output is deterministic.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import NamedTuple

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import SKOS

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph_loader.alignment import fold_category, label_paths  # noqa: E402
from graph_loader.paths import vocabularies_dir  # noqa: E402

__all__ = [
    "RELATIONS",
    "Mapping",
    "build_epos",
    "build_eu_themes",
    "build_gcmd",
    "read_rows",
    "main",
    "to_turtle",
]

THES = Namespace("https://w3id.org/gaia-kg/thesaurus/")
GCMD = Namespace("https://gcmd.earthdata.nasa.gov/kms/concept/")
THEME = Namespace("http://publications.europa.eu/resource/authority/data-theme/")
RELATIONS = {
    "exact": "skos:exactMatch",
    "close": "skos:closeMatch",
    "broad": "skos:broadMatch",
    "narrow": "skos:narrowMatch",
    "related": "skos:relatedMatch",
}
PREFIXES = {"skos": str(SKOS), "thes": str(THES), "gcmd": str(GCMD), "theme": str(THEME)}
GCMD_ROOT_LABEL = "EARTH SCIENCE"
TABLES_DIR = Path(__file__).resolve().parent / "alignment_tables"
#: how the EPOS thematic services write their category concepts (an IRI of scheme ``epos:``)
EPOS_PREFIX = "epos:"


def read_rows(name: str, folder: Path = TABLES_DIR) -> list[tuple[str, str, str]]:
    """The rows of ``<folder>/<name>.csv`` (after its header; ``#`` lines are comments)."""
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(line for line in f if line.strip() and not line.startswith("#")))
    return [(a, b, c) for a, b, c in rows[1:]]


class AlignmentError(ValueError):
    """A table row names a label, code, slug or relation that does not exist."""


def _parse(path: Path, fmt: str) -> Graph:
    """Parse one local RDF file."""
    graph = Graph()
    graph.parse(path, format=fmt)
    return graph


def _gaia_concepts() -> set[URIRef]:
    """Every concept IRI of the GAIA thesaurus."""
    thesaurus = _parse(vocabularies_dir() / "gaia-thesaurus.ttl", "turtle")
    return {s for s in thesaurus.subjects(SKOS.inScheme, THES.gaia) if isinstance(s, URIRef)}


class Mapping(NamedTuple):
    """One alignment triple in prefixed form, with the target's label path as a reading aid."""

    slug: str
    relation: str
    target: str
    note: str


def to_turtle(mappings: list[Mapping]) -> str:
    """Turtle text, one triple a line, sorted, each followed by a comment naming the target."""
    used = {"skos", "thes"} | {m.target.split(":", 1)[0] for m in mappings}
    lines = [f"@prefix {p}: <{iri}> ." for p, iri in sorted(PREFIXES.items()) if p in used]
    lines.append("")
    width = max(len(f"thes:{m.slug} {RELATIONS[m.relation]} {m.target} .") for m in mappings)
    for m in sorted(set(mappings)):
        triple = f"thes:{m.slug} {RELATIONS[m.relation]} {m.target} ."
        lines.append(f"{triple:<{width}}  # {m.note}")
    return "\n".join(lines) + "\n"


def _fail_on(problems: list[str], what: str) -> None:
    """Raise one error listing every problem found."""
    if problems:
        raise AlignmentError(f"{what}:\n  " + "\n  ".join(problems))


def build_gcmd(gcmd_graph: Graph, gaia: set[URIRef]) -> list[Mapping]:
    """The GCMD Science Keywords alignment, from ``alignment_tables/gcmd.csv``."""
    roots = [s for s, o in gcmd_graph.subject_objects(SKOS.prefLabel) if str(o) == GCMD_ROOT_LABEL]
    if len(roots) != 1:
        raise AlignmentError(
            f"expected one GCMD concept labelled {GCMD_ROOT_LABEL!r}, found {len(roots)}"
        )
    paths = label_paths(gcmd_graph, roots[0])
    mappings, problems = [], []
    for path, relation, slug in read_rows("gcmd"):
        if path not in paths:
            problems.append(f"GCMD path not found: {path!r}")
        if THES[slug] not in gaia:
            problems.append(f"GAIA slug not in the thesaurus: {slug!r} (row {path!r})")
        if relation not in RELATIONS:
            problems.append(f"unknown relation {relation!r} (row {path!r})")
        if not problems:
            target = "gcmd:" + paths[path].removeprefix(str(GCMD))
            mappings.append(Mapping(slug, relation, target, path))
    _fail_on(problems, "cannot build the GCMD alignment")
    return mappings


def build_eu_themes(themes_graph: Graph, gaia: set[URIRef]) -> list[Mapping]:
    """The EU data-theme alignment, from ``alignment_tables/eu_themes.csv``."""
    labels = {
        s: str(o) for s, o in themes_graph.subject_objects(SKOS.prefLabel) if o.language == "en"
    }
    mappings, problems = [], []
    for slug, relation, code in read_rows("eu_themes"):
        if THEME[code] not in labels:
            problems.append(f"EU data theme not found: {code!r}")
        if THES[slug] not in gaia:
            problems.append(f"GAIA slug not in the thesaurus: {slug!r}")
        if relation not in RELATIONS:
            problems.append(f"unknown relation {relation!r} (row {slug!r})")
        if not problems:
            mappings.append(Mapping(slug, relation, f"theme:{code}", labels[THEME[code]]))
    _fail_on(problems, "cannot build the EU data-theme alignment")
    return mappings


def build_epos(gaia: set[URIRef]) -> list[Mapping]:
    """The EPOS category alignment, from ``alignment_tables/epos.csv``: every slug must exist
    in the solid-earth compartment of the thesaurus, every EPOS name once."""
    solid = _compartment_members("solid-earth")
    mappings, problems, seen = [], [], set()
    for name, relation, slug in read_rows("epos"):
        key = fold_category(name)
        if key in seen:
            problems.append(f"EPOS category listed twice (names fold alike): {name!r}")
        seen.add(key)
        if THES[slug] not in gaia or THES[slug] not in solid:
            problems.append(f"GAIA slug not in the solid-earth compartment: {slug!r} ({name!r})")
        if relation not in RELATIONS:
            problems.append(f"unknown relation {relation!r} (row {name!r})")
        if not problems:
            mappings.append(Mapping(slug, relation, f"<{EPOS_PREFIX}{name}>", name))
    _fail_on(problems, "cannot build the EPOS category alignment")
    return mappings


def _compartment_members(slug: str) -> set[URIRef]:
    """A compartment of the thesaurus and every concept below it."""
    thesaurus = _parse(vocabularies_dir() / "gaia-thesaurus.ttl", "turtle")
    members, frontier = {THES[slug]}, [THES[slug]]
    while frontier:
        concept = frontier.pop()
        for child in thesaurus.subjects(SKOS.broader, concept):
            if child not in members:
                members.add(child)
                frontier.append(child)
    return members


def main(argv: list[str] | None = None) -> int:
    """Build the alignment files; return the process exit status."""
    args = sys.argv[1:] if argv is None else argv
    corpora = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "shared" / "corpora"
    gaia = _gaia_concepts()
    out = vocabularies_dir() / "alignments"
    out.mkdir(exist_ok=True)
    try:
        built = {
            "gcmd-sciencekeywords.ttl": build_gcmd(
                _parse(corpora / "gcmd" / "sciencekeywords.rdf", "xml"), gaia
            ),
            "eu-data-themes.ttl": build_eu_themes(
                _parse(corpora / "skos" / "eu-vocabularies" / "data-theme-filtered.rdf", "xml"),
                gaia,
            ),
            "epos-categories.ttl": build_epos(gaia),
        }
    except AlignmentError as exc:
        print(exc, file=sys.stderr)
        return 1
    for name, mappings in built.items():
        (out / name).write_text(to_turtle(mappings), encoding="utf-8")
        print(f"{name}: {len(set(mappings))} mappings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
