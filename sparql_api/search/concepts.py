"""Concepts as JSON: top concepts, one concept with its context, a subtree with counts.

Plain functions over a :class:`~sparql_api.core.concept_index.ConceptIndex` (hierarchy, labels of
related concepts, resource counts) and the store (what is said about the concept itself and
its mappings, read fresh). Counts are the distinct resources whose ``gaia:variable`` or
``dcat:theme`` is the concept or a concept below it.
"""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox

from graph_loader.namespaces import GAIA, GAIA_THESAURUS, SKOS
from graph_loader.parsing import fold
from graph_loader.store import Store
from graph_loader.terms import RDF_TYPE, THESAURUS_NS
from sparql_api.core.concept_index import ConceptIndex, graph_bindings, vocabulary_name
from sparql_api.core.rq import load_query
from sparql_api.search.autocomplete import pick_pref
from sparql_api.web.i18n import LANGUAGES

__all__ = [
    "GAIA_SCHEME",
    "MAPPING_INVERSES",
    "concept_id",
    "concept_iri",
    "top_concepts",
    "describe_concept",
    "concept_tree",
]

GAIA_SCHEME = str(GAIA_THESAURUS.gaia)
#: a mapping read the other way round (``other m concept``) as seen from the concept
MAPPING_INVERSES = {
    "exactMatch": "exactMatch",
    "closeMatch": "closeMatch",
    "relatedMatch": "relatedMatch",
    "broadMatch": "narrowMatch",
    "narrowMatch": "broadMatch",
}
_TEXTS = {
    "definition": str(SKOS.definition),
    "scopeNote": str(SKOS.scopeNote),
    "introduction": str(GAIA.introduction),
}
#: compared with pyoxigraph ``.value`` (str)
_PREF_LABEL, _ALT_LABEL = str(SKOS.prefLabel), str(SKOS.altLabel)


def concept_id(iri: str) -> str | None:
    """The slug of a GAIA thesaurus concept (None for other IRIs).

    >>> concept_id("https://w3id.org/gaia-kg/thesaurus/aerosols")
    'aerosols'
    """
    slug = iri.removeprefix(THESAURUS_NS)
    return slug if slug != iri and slug and "/" not in slug else None


def concept_iri(slug: str) -> str:
    """The IRI of a GAIA thesaurus concept."""
    return THESAURUS_NS + slug


def _labels(pref: dict[str, str]) -> dict[str, str | None]:
    return {lang: pref.get(lang) for lang in LANGUAGES}


def _summary(index: ConceptIndex, iri: str, lang: str) -> dict:
    """The short form of a concept: IRI, id, label, labels in both languages, count."""
    concept = index.concepts.get(iri)
    pref = concept.pref if concept else {}
    picked = pick_pref(pref, lang)
    return {
        "iri": iri,
        "id": concept_id(iri),
        "label": picked["text"] if picked else None,
        "labels": _labels(pref),
        "vocabulary": vocabulary_name(concept.graph) if concept else None,
        "depth": concept.depth if concept else None,
        "count": concept.count if concept else 0,
    }


def _by_label(index: ConceptIndex, iris: list[str], lang: str) -> list[str]:
    def key(iri: str) -> tuple:
        picked = pick_pref(index.concepts[iri].pref, lang) if iri in index.concepts else None
        return (fold(picked["text"]) if picked else "\uffff", iri)

    return sorted(iris, key=key)


def top_concepts(index: ConceptIndex, lang: str, vocabulary: str = "gaia") -> dict | None:
    """The concepts without broader of one vocabulary (None if no such vocabulary)."""
    tops = [
        c.iri
        for c in index.concepts.values()
        if not c.broader and vocabulary_name(c.graph) == vocabulary
    ]
    if not tops:
        return None
    schemes = sorted({index.concepts[iri].scheme for iri in tops})
    return {
        "vocabulary": vocabulary,
        "scheme": schemes[0] if len(schemes) == 1 else schemes,
        "lang": lang,
        "concepts": [_summary(index, iri, lang) for iri in _by_label(index, tops, lang)],
    }


def _chain(index: ConceptIndex, iri: str) -> list[str]:
    """From the top concept down to the concept's nearest broader, following the first broader
    (by IRI) of each concept; stops on a cycle."""
    chain: list[str] = []
    current = index.concepts[iri]
    while current.broader:
        parent = current.broader[0]
        if parent == iri or parent in chain:
            break
        chain.append(parent)
        current = index.concepts[parent]
    return chain[::-1]


def _description(store: Store, iri: str) -> dict:
    """Labels (pref, alt), texts and types said about ``iri`` in the vocabulary graphs."""
    bindings = {"concept": ox.NamedNode(iri), **graph_bindings()}
    labels: dict[str, dict[str, list[str]]] = {
        "pref": defaultdict(list),
        "alt": defaultdict(list),
    }
    texts: dict[str, dict[str, list[str]]] = {key: defaultdict(list) for key in _TEXTS}
    types: set[str] = set()
    predicate_of = {v: k for k, v in _TEXTS.items()}
    for row in store.select(load_query("concept_description"), bindings):
        p, o = row["p"].value, row["o"]
        if p == RDF_TYPE.value and isinstance(o, ox.NamedNode):
            types.add(o.value)
        if not isinstance(o, ox.Literal):
            continue
        lang = (o.language or "").split("-")[0].lower()
        if p == _PREF_LABEL:
            labels["pref"][lang].append(o.value)
        elif p == _ALT_LABEL:
            labels["alt"][lang].append(o.value)
        elif p in predicate_of:
            texts[predicate_of[p]][lang].append(o.value)
    pref = {lang: min(labels["pref"][lang]) if labels["pref"][lang] else None for lang in LANGUAGES}
    alt = {lang: sorted(set(labels["alt"][lang]), key=lambda t: (fold(t), t)) for lang in LANGUAGES}
    described = {"types": sorted(types), "labels": {"pref": pref, "alt": alt}}
    for key, by_lang in texts.items():
        values = {lang: min(by_lang[lang]) if by_lang[lang] else None for lang in LANGUAGES}
        described[key] = values if any(values.values()) else None
    return described


def _mappings(store: Store, index: ConceptIndex, iri: str, lang: str) -> list[dict]:
    """The concept's skos:*Match links, both directions, as seen from the concept."""
    found = set()
    for row in store.select(load_query("concept_mappings"), {"concept": ox.NamedNode(iri)}):
        name = row["m"].value.removeprefix(str(SKOS))
        if row["dir"].value == "in":
            name = MAPPING_INVERSES[name]
        found.add((name, row["other"].value))
    result = []
    for name, other in sorted(found):
        summary = _summary(index, other, lang)
        result.append({"type": name, **summary})
    return result


def describe_concept(store: Store, index: ConceptIndex, iri: str, lang: str) -> dict | None:
    """Everything about one concept, or None when no vocabulary graph holds it."""
    concept = index.concepts.get(iri)
    if concept is None:
        return None
    described = _description(store, iri)
    compartment = concept.compartment
    picked = pick_pref(concept.pref, lang)
    return {
        "iri": iri,
        "id": concept_id(iri),
        "vocabulary": vocabulary_name(concept.graph),
        "scheme": concept.scheme,
        "types": described["types"],
        "lang": lang,
        "label": picked["text"] if picked else None,
        "labels": described["labels"],
        "definition": described["definition"],
        "scopeNote": described["scopeNote"],
        "introduction": described["introduction"],
        "depth": concept.depth,
        "compartment": _summary(index, compartment, lang) if compartment else None,
        "broader": [_summary(index, b, lang) for b in _chain(index, iri)],
        "narrower": [_summary(index, n, lang) for n in _by_label(index, concept.narrower, lang)],
        "mappings": _mappings(store, index, iri, lang),
        "count": concept.count,
    }


def concept_tree(index: ConceptIndex, iri: str, lang: str) -> dict | None:
    """The subtree under ``iri``: each node's summary and its ``children`` (cycles cut)."""
    if iri not in index.concepts:
        return None

    def node(current: str, path: frozenset[str]) -> dict:
        children = [
            node(child, path | {child})
            for child in _by_label(index, index.concepts[current].narrower, lang)
            if child not in path
        ]
        return {**_summary(index, current, lang), "children": children}

    return node(iri, frozenset({iri}))
