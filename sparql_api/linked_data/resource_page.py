"""What the HTML page of any resource shows (``/id/<kind>/<slug>``, ``/id?uri=``).

A plain function over the store (no Flask): title, plain summary, kind, properties with the labels
of their values, related resources with who asserted each link
(:func:`sparql_api.linked_data.related.related_resources`), the record's provenance, and for a
dataset its schema.org JSON-LD (:func:`sparql_api.linked_data.schemaorg.dataset_jsonld`). The view
adds the machine-format links. A shown text is ``{"text", "fallback"}`` as in
:mod:`sparql_api.portal.pages`."""

from __future__ import annotations

import pyoxigraph as ox

from graph_loader.config import DEFAULT_BASE
from graph_loader.namespaces import DCAT, DCAT3, DCT, FOAF, GAIA, RDFS, SDO, SKOS, VCARD
from graph_loader.store import Store
from graph_loader.terms import ORG_NS, THESAURUS_NS
from sparql_api.core.rq import load_query
from sparql_api.linked_data.dereference import PREFIXES, local_path
from sparql_api.linked_data.related import related_resources
from sparql_api.linked_data.resources import describe_resource
from sparql_api.linked_data.schemaorg import dataset_jsonld
from sparql_api.portal.dataset_page import dataset_extras
from sparql_api.portal.pages import link_target, shown
from sparql_api.web.i18n import pick_label
from sparql_api.web.labels import LABELS

__all__ = ["resource_page", "resource_kind", "PROPERTY_LABELS", "KIND_TYPES", "href_for"]

#: rdf:type -> kind of page (the first match wins)
KIND_TYPES: dict[str, str] = {
    str(t): kind
    for t, kind in {
        DCAT.Dataset: "dataset",
        DCAT3.DatasetSeries: "dataset",
        DCAT.DataService: "service",
        DCAT.Catalog: "catalog",
        DCAT.Distribution: "distribution",
        SDO.ScholarlyArticle: "publication",
        SDO.CreativeWork: "publication",
        SDO.SoftwareSourceCode: "software",
        SDO.SoftwareApplication: "software",
        GAIA.DataCentre: "datacentre",
        GAIA.Pole: "pole",
        SKOS.Concept: "concept",
        FOAF.Organization: "agent",
        FOAF.Person: "agent",
        FOAF.Agent: "agent",
        VCARD.Kind: "agent",
    }.items()
}

#: the key in :data:`LABELS` of the name of each usual property (the ontology graph labels
#: gaia:* ones)
PROPERTY_LABELS: dict[str, str] = {
    str(p): key
    for p, key in {
        DCT["title"]: LABELS.mark("prop.dct.title"),
        DCT.description: LABELS.mark("prop.dct.description"),
        DCT.identifier: LABELS.mark("prop.dct.identifier"),
        DCT.issued: LABELS.mark("prop.dct.issued"),
        DCT.modified: LABELS.mark("prop.dct.modified"),
        DCT.license: LABELS.mark("prop.dct.license"),
        DCT.publisher: LABELS.mark("prop.dct.publisher"),
        DCT.creator: LABELS.mark("prop.dct.creator"),
        DCT.spatial: LABELS.mark("prop.dct.spatial"),
        DCT.temporal: LABELS.mark("prop.dct.temporal"),
        DCT.accessRights: LABELS.mark("prop.dct.accessRights"),
        DCT.accrualPeriodicity: LABELS.mark("prop.dct.accrualPeriodicity"),
        DCT["format"]: LABELS.mark("prop.dct.format"),
        DCT.conformsTo: LABELS.mark("prop.dct.conformsTo"),
        DCT.language: LABELS.mark("prop.dct.language"),
        DCAT.keyword: LABELS.mark("prop.dcat.keyword"),
        DCAT.theme: LABELS.mark("prop.dcat.theme"),
        DCAT.landingPage: LABELS.mark("prop.dcat.landingPage"),
        DCAT.distribution: LABELS.mark("prop.dcat.distribution"),
        DCAT.contactPoint: LABELS.mark("prop.dcat.contactPoint"),
        DCAT.accessURL: LABELS.mark("prop.dcat.accessURL"),
        DCAT.downloadURL: LABELS.mark("prop.dcat.downloadURL"),
        DCAT.accessService: LABELS.mark("prop.dcat.accessService"),
        DCAT.endpointURL: LABELS.mark("prop.dcat.endpointURL"),
        DCAT.endpointDescription: LABELS.mark("prop.dcat.endpointDescription"),
        DCAT.bbox: LABELS.mark("prop.dcat.bbox"),
        DCAT.startDate: LABELS.mark("prop.dcat.startDate"),
        DCAT.endDate: LABELS.mark("prop.dcat.endDate"),
        FOAF.name: LABELS.mark("prop.foaf.name"),
        FOAF.homepage: LABELS.mark("prop.foaf.homepage"),
        SKOS.prefLabel: LABELS.mark("prop.skos.prefLabel"),
        SKOS.altLabel: LABELS.mark("prop.skos.altLabel"),
        SKOS.definition: LABELS.mark("prop.skos.definition"),
        SKOS.broader: LABELS.mark("prop.skos.broader"),
        RDFS.seeAlso: LABELS.mark("prop.rdfs.seeAlso"),
        SDO.name: LABELS.mark("prop.sdo.name"),
        SDO.identifier: LABELS.mark("prop.sdo.identifier"),
        SDO.codeRepository: LABELS.mark("prop.sdo.codeRepository"),
        SDO.programmingLanguage: LABELS.mark("prop.sdo.programmingLanguage"),
    }.items()
}

_KIND_ORDER = tuple(dict.fromkeys(KIND_TYPES.values()))
#: properties shown as the title and the summary, not in the list
_SHOWN_APART = frozenset({str(DCT.title), str(DCT.description)})


def resource_kind(iri: str, types: list[str]) -> str:
    """The kind of page for a resource with these ``types`` (``resource`` if none known)."""
    kinds = {KIND_TYPES[t] for t in types if t in KIND_TYPES}
    for kind in _KIND_ORDER:
        if kind in kinds:
            return kind
    if iri.startswith(THESAURUS_NS):
        return "concept"
    if iri.startswith(ORG_NS):
        return "datacentre"
    return "resource"


def href_for(iri: str, base: str) -> str | None:
    """Where a page links a value: our page for our IRIs, ``/id?uri=`` for the thesaurus and
    the organisations, the IRI itself for other web IRIs, None for the rest."""
    page, hash_, fragment = iri.partition("#")
    path = local_path(page, base)
    if path:
        return path + hash_ + fragment
    if iri.startswith(THESAURUS_NS):
        return "/concepts/" + iri.removeprefix(THESAURUS_NS)
    if iri.startswith(ORG_NS):
        return "/id?uri=" + iri
    return link_target(iri)


def _curie(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri.removeprefix(ns)}"
    return iri


def _property_label(store: Store, predicate: str, lang: str) -> str:
    if predicate in PROPERTY_LABELS:
        return LABELS.text(PROPERTY_LABELS[predicate], lang)
    labels: dict[str, str] = {}
    for row in store.select(load_query("property_labels"), {"p": ox.NamedNode(predicate)}):
        labels.setdefault((row["label"].language or "").split("-")[0], row["label"].value)
    return pick_label(labels, lang) or _curie(predicate)


def _value(value: dict, base: str) -> dict:
    if value["type"] == "literal":
        return {"text": value["value"], "lang": value["lang"], "href": None, "iri": None}
    text = value.get("label") or _curie(value["value"])
    return {
        "text": text,
        "lang": None,
        "href": href_for(value["value"], base),
        "iri": value["value"],
    }


def resource_page(
    store: Store,
    iri: ox.NamedNode,
    lang: str,
    *,
    base: str = DEFAULT_BASE,
    triples: list[ox.Triple] | None = None,
) -> dict | None:
    """The page of ``iri`` in ``lang`` (None when the graph says nothing about it):
    ``{iri, kind, title, summary, types, properties, related, record, jsonld}``.
    ``triples``: the description of ``iri`` when the caller already has it."""
    described = describe_resource(store, iri, lang)
    if described is None:
        return None
    properties = []
    for prop in described["properties"]:
        predicate = prop["predicate"]
        if predicate in _SHOWN_APART:
            continue  # shown as the title and the summary
        properties.append(
            {
                "predicate": predicate,
                "curie": _curie(predicate),
                "label": _property_label(store, predicate, lang),
                "items": [_value(v, base) for v in prop["values"]],
            }
        )
    properties.sort(key=lambda p: (p["label"].casefold(), p["predicate"]))
    kind = resource_kind(iri.value, described["types"])
    related = related_resources(store, iri, lang)
    for link in related:
        link["href"] = href_for(link["iri"], base)
    title = shown(described["labels"], lang) or {"text": iri.value, "fallback": None}
    return {
        "iri": iri.value,
        "lang": lang,
        "kind": kind,
        "title": title,
        "summary": shown(described["descriptions"], lang),
        "types": [{"iri": t, "curie": _curie(t)} for t in described["types"]],
        "properties": properties,
        "related": related,
        "record": described["record"],
        "jsonld": dataset_jsonld(store, iri, base, triples=triples) if kind == "dataset" else None,
        "dataset": (
            dataset_extras(store, iri, lang, base=base, triples=triples)
            if kind == "dataset"
            else None
        ),
    }
