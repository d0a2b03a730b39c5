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
from sparql_api.web.labels import LABELS

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

#: the key in :data:`LABELS` of the name of each link property, read from the resource shown
#: (those the ontology lacks)
RELATION_LABELS: dict[str, str] = {
    str(p): key
    for p, key in {
        DCT.references: LABELS.mark("rel.dct.references"),
        DCT.isReferencedBy: LABELS.mark("rel.dct.isReferencedBy"),
        CITO.citesAsDataSource: LABELS.mark("rel.cito.citesAsDataSource"),
        DCAT.servesDataset: LABELS.mark("rel.dcat.servesDataset"),
        "urn:gaia-kg:servedBy": LABELS.mark("rel.inverse.servedBy"),
        DCT.isPartOf: LABELS.mark("rel.dct.isPartOf"),
        DCT.hasPart: LABELS.mark("rel.dct.hasPart"),
        SDO.isPartOf: LABELS.mark("rel.sdo.isPartOf"),
        SDO.hasPart: LABELS.mark("rel.sdo.hasPart"),
        DCT.isVersionOf: LABELS.mark("rel.dct.isVersionOf"),
        DCT.hasVersion: LABELS.mark("rel.dct.hasVersion"),
        DCT.requires: LABELS.mark("rel.dct.requires"),
        DCT.isRequiredBy: LABELS.mark("rel.dct.isRequiredBy"),
        DCT.source: LABELS.mark("rel.dct.source"),
        PROV.wasDerivedFrom: LABELS.mark("rel.prov.wasDerivedFrom"),
        "urn:gaia-kg:sourceOf": LABELS.mark("rel.inverse.sourceOf"),
        DCAT.service: LABELS.mark("rel.dcat.service"),
        DCAT.dataset: LABELS.mark("rel.dcat.dataset"),
        "urn:gaia-kg:inCatalog": LABELS.mark("rel.inverse.inCatalog"),
        DCT.relation: LABELS.mark("rel.dct.relation"),
    }.items()
}

_KIND_ORDER = ("dataset", "service", "publication", "software", "tutorial", "catalog")


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
    """The name in ``lang`` of each relation: ours, else the ontology's (none for urn: ones)."""
    names: dict[str, str] = {}
    for relation in relations:
        if relation in RELATION_LABELS:
            names[relation] = LABELS.text(RELATION_LABELS[relation], lang)
            continue
        if relation.startswith("urn:"):
            continue
        found: dict[str, str] = {}
        for row in store.select(load_query("property_labels"), {"p": ox.NamedNode(relation)}):
            found.setdefault(row["label"].language or "", row["label"].value)
        label = pick_label(found, lang)
        if label:
            names[relation] = label
    return names
