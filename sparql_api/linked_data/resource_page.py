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
from graph_loader.namespaces import DCAT, DCAT3, DCT, FOAF, GAIA, SDO, SKOS, VCARD
from graph_loader.store import Store
from graph_loader.terms import ORG_NS, THESAURUS_NS
from sparql_api.core.rq import load_query
from sparql_api.linked_data.dereference import PREFIXES, local_path
from sparql_api.linked_data.property_names import (
    LANGUAGE_PROPERTIES,
    PROPERTY_LABELS,
    language_name,
    shown_values,
)
from sparql_api.linked_data.related import related_resources
from sparql_api.linked_data.resources import describe_resource
from sparql_api.linked_data.schemaorg import dataset_jsonld
from sparql_api.portal.data_services import protocol_label
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
        SDO.LearningResource: "tutorial",
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

_KIND_ORDER = tuple(dict.fromkeys(KIND_TYPES.values()))
#: properties shown as the title and the summary, not in the list
_SHOWN_APART = frozenset({str(DCT.title), str(DCT.description), str(SDO.description)})
_CONFORMS_TO = str(DCT.conformsTo)


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

    def read() -> dict[str, str]:  # kept while the store's snapshot is the same
        labels: dict[str, str] = {}
        for row in store.select(load_query("property_labels"), {"p": ox.NamedNode(predicate)}):
            labels.setdefault((row["label"].language or "").split("-")[0], row["label"].value)
        return labels

    labels = store.memo.get(store.snapshot(), ("property_labels", predicate), read)
    return pick_label(labels, lang) or _curie(predicate)


def _value(value: dict, base: str, lang: str, predicate: str) -> dict:
    if value["type"] == "literal":
        named = language_name(value["value"], lang) if predicate in LANGUAGE_PROPERTIES else None
        if named:  # a language tag ("en"): the language's name in the page's language
            return {"text": named, "lang": None, "href": None, "iri": None}
        return {"text": value["value"], "lang": value["lang"], "href": None, "iri": None}
    text = value.get("label") or _curie(value["value"])
    if predicate == _CONFORMS_TO:  # a protocol has a name in each language, its title one
        text = protocol_label(value["value"], lang) or text
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
        values = shown_values(predicate, prop["values"], iri.value, lang)
        if predicate in _SHOWN_APART or not values:
            continue  # shown as the title and the summary, or internals of the record
        properties.append(
            {
                "predicate": predicate,
                "curie": _curie(predicate),
                "label": _property_label(store, predicate, lang),
                "items": [_value(v, base, lang, predicate) for v in values],
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
