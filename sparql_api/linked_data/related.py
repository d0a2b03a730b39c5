"""The resources related to one resource, each link with who asserted it.

A link is a statement between two records (dataset, service, publication, software,
catalogue) held in a record graph; its *source* is that record graph's ``gaia:source`` (the
harvest source or input file whose record asserted it). Links are read in both directions, so
a dataset lists the publication that cites it although only the publication's record says so;
the inverse relation (``dct:isReferencedBy`` for ``dct:references``) is named from the
ontology's ``owl:inverseOf`` pairs of :data:`INVERSE`, so every link reads from the resource
shown.
"""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox

from graph_loader.namespaces import CITO, DCAT, DCT, GAIA, PROV, SDO
from graph_loader.records import RECORD_KINDS
from graph_loader.store import Store
from sparql_api.core.rq import load_query
from sparql_api.web.i18n import pick_label

__all__ = ["related_resources", "RELATION_LABELS", "INVERSE"]

#: the inverse of each usual link property, to read an incoming link from the resource shown
INVERSE: dict[str, str] = {
    str(p): str(q)
    for p, q in {
        DCT.references: DCT.isReferencedBy,
        DCT.isReferencedBy: DCT.references,
        CITO.citesAsDataSource: DCT.isReferencedBy,
        DCAT.servesDataset: "urn:gaia-kg:servedBy",
        GAIA.usedWithDataset: GAIA.hasSoftware,
        GAIA.hasSoftware: GAIA.usedWithDataset,
        DCT.isPartOf: DCT.hasPart,
        DCT.hasPart: DCT.isPartOf,
        SDO.isPartOf: SDO.hasPart,
        DCT.isVersionOf: DCT.hasVersion,
        DCT.hasVersion: DCT.isVersionOf,
        DCT.requires: DCT.isRequiredBy,
        DCT.isRequiredBy: DCT.requires,
        DCT.source: "urn:gaia-kg:sourceOf",
        PROV.wasDerivedFrom: "urn:gaia-kg:sourceOf",
        DCAT.service: "urn:gaia-kg:inCatalog",
        DCAT.dataset: "urn:gaia-kg:inCatalog",
        DCT.relation: DCT.relation,
    }.items()
}

#: labels of link properties, read from the resource shown (those the ontology lacks)
RELATION_LABELS: dict[str, dict[str, str]] = {
    str(p): labels
    for p, labels in {
        DCT.references: {"en": "references", "fr": "fait référence à"},
        DCT.isReferencedBy: {"en": "is referenced by", "fr": "est référencé par"},
        CITO.citesAsDataSource: {
            "en": "cites as data source",
            "fr": "cite comme source de données",
        },
        DCAT.servesDataset: {"en": "serves dataset", "fr": "sert le jeu de données"},
        "urn:gaia-kg:servedBy": {"en": "served by", "fr": "servi par"},
        DCT.isPartOf: {"en": "is part of", "fr": "fait partie de"},
        DCT.hasPart: {"en": "has part", "fr": "comprend"},
        SDO.isPartOf: {"en": "is part of", "fr": "fait partie de"},
        SDO.hasPart: {"en": "has part", "fr": "comprend"},
        DCT.isVersionOf: {"en": "is a version of", "fr": "est une version de"},
        DCT.hasVersion: {"en": "has version", "fr": "a pour version"},
        DCT.requires: {"en": "requires", "fr": "nécessite"},
        DCT.isRequiredBy: {"en": "is required by", "fr": "est nécessaire à"},
        DCT.source: {"en": "derived from", "fr": "dérivé de"},
        PROV.wasDerivedFrom: {"en": "derived from", "fr": "dérivé de"},
        "urn:gaia-kg:sourceOf": {"en": "source of", "fr": "source de"},
        DCAT.service: {"en": "lists service", "fr": "recense le service"},
        DCAT.dataset: {"en": "lists dataset", "fr": "recense le jeu de données"},
        "urn:gaia-kg:inCatalog": {"en": "listed in catalogue", "fr": "recensé dans le catalogue"},
        DCT.relation: {"en": "related to", "fr": "lié à"},
    }.items()
}

_KIND_ORDER = ("dataset", "service", "publication", "software", "catalog")


def _local_name(iri: str) -> str:
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def related_resources(store: Store, iri: ox.NamedNode, lang: str = "en") -> list[dict]:
    """The records linked to ``iri`` (see the module docstring), sorted by kind then label:
    ``{iri, kind, label, relation, relationLabel, direction, sources}``, one entry per
    (resource, relation read from ``iri``), ``sources`` sorted."""
    rows = store.select(load_query("related"), {"iri": iri})
    sources: dict[str, set[str]] = defaultdict(set)
    for row in _each_chunk(store, "related_sources", {r["g"].value for r in rows}):
        sources[row["g"].value].add(row["source"].value)
    kinds: dict[str, str] = {}
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    others = {r["other"].value for r in rows if r["g"].value in sources}
    for row in _each_chunk(store, "related_records", others):
        other = row["other"].value
        label = row.get("label")
        if isinstance(label, ox.Literal):
            lang_key = label.language or ""
            if lang_key not in labels[other] or label.value < labels[other][lang_key]:
                labels[other][lang_key] = label.value
        kind = RECORD_KINDS.get(row["type"].value)
        if kind is not None:
            kinds[other] = min(kinds.get(other, kind), kind, key=_KIND_ORDER.index)
    links: dict[tuple[str, str], dict] = {}
    for row in rows:
        other, graph = row["other"].value, row["g"].value
        if other not in kinds or graph not in sources:
            continue
        p = row["p"].value
        relation = p if row["dir"].value == "out" else INVERSE.get(p, p)
        entry = links.setdefault(
            (other, relation),
            {
                "iri": other,
                "kind": kinds[other],
                "relation": relation,
                "direction": row["dir"].value,
            },
        )
        entry.setdefault("sources", set()).update(sources[graph])
        if row["dir"].value == "out":  # stated both ways: read as stated from the resource
            entry["direction"] = "out"
    names = _relation_labels(store, {relation for _, relation in links}, lang)
    out = []
    for (other, relation), entry in links.items():
        entry["label"] = pick_label(labels[other], lang) or other
        entry["relationLabel"] = names.get(relation) or _local_name(relation)
        entry["sources"] = sorted(entry["sources"])
        out.append(entry)
    rank = {k: i for i, k in enumerate(_KIND_ORDER)}
    out.sort(key=lambda e: (rank.get(e["kind"], 9), e["label"].casefold(), e["relation"]))
    return [
        {k: e[k] for k in ("iri", "kind", "label", "relation", "relationLabel", "direction")}
        | {"sources": e["sources"]}
        for e in out
    ]


#: IRIs per VALUES block (oxigraph is slow with blocks of thousands)
_CHUNK = 200


def _each_chunk(store: Store, query: str, iris: set[str]):
    """The rows of ``queries/<query>.rq`` for ``iris``, its ``#VALUES`` line replaced by a
    block of at most :data:`_CHUNK` IRIs, each serialised (escaped) as a term."""
    ordered = sorted(iris)
    variable = "?g" if query == "related_sources" else "?other"
    for start in range(0, len(ordered), _CHUNK):
        terms = " ".join(str(ox.NamedNode(i)) for i in ordered[start : start + _CHUNK])
        text = load_query(query).replace("#VALUES", f"VALUES {variable} {{ {terms} }}")
        yield from store.select(text)


def _relation_labels(store: Store, relations: set[str], lang: str) -> dict[str, str]:
    found: dict[str, dict[str, str]] = {r: dict(RELATION_LABELS.get(r, {})) for r in relations}
    for relation in relations:
        if found[relation] or relation.startswith("urn:"):
            continue
        for row in store.select(load_query("property_labels"), {"p": ox.NamedNode(relation)}):
            found[relation].setdefault(row["label"].language or "", row["label"].value)
    return {r: pick_label(labels, lang) for r, labels in found.items() if labels}
