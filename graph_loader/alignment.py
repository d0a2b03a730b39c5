"""Land external concepts (GCMD Science Keywords) on GAIA thesaurus concepts through SKOS mappings.

Pure functions over rdflib graphs: the external vocabulary (``skos:broader``/``skos:narrower``,
``skos:prefLabel``) and the alignment triples (``vocabularies/alignments/*.ttl``). Nothing is
read from disk here.

>>> from rdflib import Graph, URIRef
>>> from rdflib.namespace import SKOS
>>> from graph_loader.namespaces import GAIA_THESAURUS
>>> gcmd, links = Graph(), Graph()
>>> term, var = URIRef("https://example.org/term"), URIRef("https://example.org/var")
>>> _ = gcmd.add((var, SKOS.broader, term))
>>> _ = links.add((GAIA_THESAURUS.aerosols, SKOS.exactMatch, term))
>>> [str(c) for c in resolve_gcmd(var, gcmd, links)]
['https://w3id.org/gaia-kg/thesaurus/aerosols']
"""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from .terms import THESAURUS_NS

__all__ = [
    "MATCH_RANK",
    "fold_category",
    "gaia_matches",
    "label_paths",
    "normalise_keyword_path",
    "resolve_gcmd",
    "resolve_gcmd_keyword",
]

# Strength of a mapping for landing a record, read from the GAIA side (GAIA concept REL external).
# Equivalence and "GAIA is broader" land a record safely; "GAIA is narrower" over-specifies it;
# "related" only says where such data is kept.
MATCH_RANK: dict[URIRef, int] = {
    SKOS.exactMatch: 0,
    SKOS.closeMatch: 0,
    SKOS.narrowMatch: 1,
    SKOS.broadMatch: 2,
    SKOS.relatedMatch: 3,
}
# The same mappings stated from the external side (external REL GAIA), as the GAIA-side property.
_INVERSE: dict[URIRef, URIRef] = {
    SKOS.exactMatch: SKOS.exactMatch,
    SKOS.closeMatch: SKOS.closeMatch,
    SKOS.broadMatch: SKOS.narrowMatch,
    SKOS.narrowMatch: SKOS.broadMatch,
    SKOS.relatedMatch: SKOS.relatedMatch,
}


def fold_category(name: str) -> str:
    """A category name with case, spaces and punctuation folded, so that the forms a community
    writes one category in meet (``<epos:Magneticactivity>``, ``#MagneticActivity``,
    ``MAGNETIC ACTIVITY``).

    >>> fold_category("MAGNETIC ACTIVITY"), fold_category("3D/4Dmodel")
    ('magneticactivity', '3d4dmodel')
    """
    return "".join(c for c in name.casefold() if c.isalnum())


def gaia_matches(concept: URIRef, alignments: Graph) -> dict[URIRef, URIRef]:
    """Map each GAIA concept aligned with ``concept`` to its mapping property, GAIA side."""
    found: dict[URIRef, URIRef] = {}
    for prop in MATCH_RANK:
        for subject in alignments.subjects(prop, concept):
            if isinstance(subject, URIRef) and subject.startswith(THESAURUS_NS):
                _keep_strongest(found, subject, prop)
        for obj in alignments.objects(concept, prop):
            if isinstance(obj, URIRef) and obj.startswith(THESAURUS_NS):
                _keep_strongest(found, obj, _INVERSE[prop])
    return found


def _keep_strongest(found: dict[URIRef, URIRef], concept: URIRef, prop: URIRef) -> None:
    """Record ``prop`` for ``concept`` unless a stronger mapping is already there."""
    if concept not in found or MATCH_RANK[prop] < MATCH_RANK[found[concept]]:
        found[concept] = prop


def _broader(concept: URIRef, graph: Graph) -> set[URIRef]:
    """Direct broader concepts, from ``skos:broader`` and inverse ``skos:narrower``."""
    parents = set(graph.objects(concept, SKOS.broader)) | set(
        graph.subjects(SKOS.narrower, concept)
    )
    return {p for p in parents if isinstance(p, URIRef)}


def resolve_gcmd(concept_iri: URIRef, gcmd_graph: Graph, alignments: Graph) -> list[URIRef]:
    """GAIA concepts a GCMD concept lands on: its own mappings, else its nearest mapped ancestors.

    The hierarchy is walked up one level at a time; at the first level holding a mapped concept,
    the GAIA concepts of the strongest mapping kind found there are returned, sorted. A concept
    with no mapped ancestor gives ``[]``.
    """
    level, seen = {URIRef(concept_iri)}, set()
    while level:
        found: dict[URIRef, URIRef] = {}
        for concept in level:
            for gaia, prop in gaia_matches(concept, alignments).items():
                _keep_strongest(found, gaia, prop)
        if found:
            best = min(MATCH_RANK[p] for p in found.values())
            return sorted(g for g, p in found.items() if MATCH_RANK[p] == best)
        seen |= level
        level = {p for c in level for p in _broader(c, gcmd_graph)} - seen
    return []


def label_paths(graph: Graph, root: URIRef, *, lang: str = "en") -> dict[str, URIRef]:
    """Every concept below ``root`` keyed by its label path, e.g. ``"OCEANS > SEA ICE"``."""
    labels = {s: str(o) for s, o in graph.subject_objects(SKOS.prefLabel) if o.language == lang}
    children: dict[URIRef, set[URIRef]] = {}
    for child, parent in graph.subject_objects(SKOS.broader):
        children.setdefault(parent, set()).add(child)
    for parent, child in graph.subject_objects(SKOS.narrower):
        children.setdefault(parent, set()).add(child)
    paths: dict[str, URIRef] = {}
    stack: list[tuple[URIRef, str, frozenset[URIRef]]] = [(root, "", frozenset({root}))]
    while stack:
        node, prefix, chain = stack.pop()
        for child in children.get(node, ()):
            if child in labels and child not in chain:
                path = f"{prefix} > {labels[child]}" if prefix else labels[child]
                paths[path] = child
                stack.append((child, path, chain | {child}))
    return paths


def normalise_keyword_path(text: str, *, root_label: str = "EARTH SCIENCE") -> str:
    """A GCMD keyword string as a :func:`label_paths` key: upper case, `` > `` separators.

    >>> normalise_keyword_path("Earth Science>Atmosphere >  aerosols ")
    'ATMOSPHERE > AEROSOLS'
    """
    parts = [" ".join(p.split()).upper() for p in text.split(">")]
    parts = [p for p in parts if p]
    if parts and parts[0] == root_label:
        parts = parts[1:]
    return " > ".join(parts)


def resolve_gcmd_keyword(
    text: str, paths: dict[str, URIRef], gcmd_graph: Graph, alignments: Graph
) -> list[URIRef]:
    """GAIA concepts for a GCMD keyword string, trimming unknown trailing levels.

    ``paths`` is :func:`label_paths` of the GCMD graph. A single label that is not a Topic
    (``"SNOW COVER"``) resolves every concept carrying it; a string naming no known GCMD
    concept, even after trimming, gives ``[]``.
    """
    parts = normalise_keyword_path(text).split(" > ")
    if len(parts) == 1 and parts[0] and parts[0] not in paths:
        suffix = " > " + parts[0]
        found = {
            gaia
            for path, concept in paths.items()
            if path.endswith(suffix)
            for gaia in resolve_gcmd(concept, gcmd_graph, alignments)
        }
        return sorted(found)
    while parts and parts != [""]:
        concept = paths.get(" > ".join(parts))
        if concept is not None:
            return resolve_gcmd(concept, gcmd_graph, alignments)
        parts = parts[:-1]
    return []
