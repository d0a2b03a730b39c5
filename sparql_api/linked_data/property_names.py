"""How the page of a resource names its properties and which of their values it shows.

A property is named by a message of :data:`~sparql_api.web.labels.LABELS` (:data:`PROPERTY_LABELS`),
else by the label the ontology graph gives it. Some properties are the catalogue's own
bookkeeping, not something a reader looks for: the quality measurements of a record
(:data:`HIDDEN_PROPERTIES`, hidden by property whatever their values look like, since where
and how they are stored may change) and the repairs made at load time. A value that is a node
internal to a record (a skolemised blank node, or a ``#fragment`` of the resource itself)
without a label is hidden too: what it holds is shown elsewhere on the page (the dataset's
extent and period) or is not for readers.

>>> from graph_loader.namespaces import DQV
>>> shown_values(str(DQV.hasQualityMeasurement), [{"type": "iri", "value": "x:q"}], "x:", "en")
[]
>>> shown_values(str(DCT.spatial), [{"type": "iri", "value": "https://d.org/id/a#spatial"}],
...              "https://d.org/id/a", "en")
[]
>>> pairs = (("vent", "fr"), ("wind", "en"))
>>> words = [{"type": "literal", "value": v, "lang": t} for v, t in pairs]
>>> [v["value"] for v in shown_values(str(DCAT.keyword), words, "x:", "fr")]
['vent']
"""

from __future__ import annotations

from babel import Locale

from graph_loader.namespaces import (
    ADMS,
    CITO,
    DCAT,
    DCAT3,
    DCT,
    DQV,
    FOAF,
    GAIA,
    OWL,
    RDFS,
    SDO,
    SKOS,
    VCARD,
)
from sparql_api.web.labels import LABELS

__all__ = [
    "HIDDEN_PROPERTIES",
    "LANGUAGE_PROPERTIES",
    "PROPERTY_LABELS",
    "internal_node",
    "language_name",
    "shown_values",
]

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
        SDO.description: LABELS.mark("prop.sdo.description"),
        SDO.identifier: LABELS.mark("prop.sdo.identifier"),
        SDO.codeRepository: LABELS.mark("prop.sdo.codeRepository"),
        SDO.programmingLanguage: LABELS.mark("prop.sdo.programmingLanguage"),
        DCT.isReferencedBy: LABELS.mark("prop.dct.isReferencedBy"),
        DCT.references: LABELS.mark("prop.dct.references"),
        DCT.relation: LABELS.mark("prop.dct.relation"),
        DCT.isPartOf: LABELS.mark("prop.dct.isPartOf"),
        DCT.hasPart: LABELS.mark("prop.dct.hasPart"),
        DCT.hasVersion: LABELS.mark("prop.dct.hasVersion"),
        DCT.isVersionOf: LABELS.mark("prop.dct.isVersionOf"),
        DCT.source: LABELS.mark("prop.dct.source"),
        DCT.type: LABELS.mark("prop.dct.type"),
        DCT.rights: LABELS.mark("prop.dct.rights"),
        DCT.provenance: LABELS.mark("prop.dct.provenance"),
        DCT.contributor: LABELS.mark("prop.dct.contributor"),
        DCAT.dataset: LABELS.mark("prop.dcat.dataset"),
        DCAT.service: LABELS.mark("prop.dcat.service"),
        DCAT.servesDataset: LABELS.mark("prop.dcat.servesDataset"),
        DCAT.themeTaxonomy: LABELS.mark("prop.dcat.themeTaxonomy"),
        DCAT.mediaType: LABELS.mark("prop.dcat.mediaType"),
        DCAT.byteSize: LABELS.mark("prop.dcat.byteSize"),
        DCAT3.version: LABELS.mark("prop.dcat.version"),
        DCAT.spatialResolutionInMeters: LABELS.mark("prop.dcat.spatialResolutionInMeters"),
        DCAT.temporalResolution: LABELS.mark("prop.dcat.temporalResolution"),
        DCAT.qualifiedRelation: LABELS.mark("prop.dcat.qualifiedRelation"),
        DCAT3.qualifiedAttribution: LABELS.mark("prop.dcat.qualifiedAttribution"),
        ADMS.identifier: LABELS.mark("prop.adms.identifier"),
        CITO.citesAsDataSource: LABELS.mark("prop.cito.citesAsDataSource"),
        FOAF.page: LABELS.mark("prop.foaf.page"),
        OWL.versionInfo: LABELS.mark("prop.owl.versionInfo"),
        SDO.isPartOf: LABELS.mark("prop.sdo.isPartOf"),
        SDO.url: LABELS.mark("prop.sdo.url"),
        SDO.author: LABELS.mark("prop.sdo.author"),
        SDO.license: LABELS.mark("prop.sdo.license"),
        SDO.keywords: LABELS.mark("prop.sdo.keywords"),
        SDO.datePublished: LABELS.mark("prop.sdo.datePublished"),
        SDO.citation: LABELS.mark("prop.sdo.citation"),
        SDO.inLanguage: LABELS.mark("prop.sdo.inLanguage"),
        VCARD.fn: LABELS.mark("prop.vcard.fn"),
        VCARD.hasEmail: LABELS.mark("prop.vcard.hasEmail"),
        VCARD.hasURL: LABELS.mark("prop.vcard.hasURL"),
    }.items()
}


#: properties never listed on a page: quality measurements and annotations of the record,
#: and the trace of its repairs (the quality and provenance sections tell them in words)
HIDDEN_PROPERTIES: frozenset[str] = frozenset(
    str(p)
    for p in (
        DQV.hasQualityMeasurement,
        DQV.hasQualityAnnotation,
        DQV.hasQualityMetadata,
        GAIA.repair,
    )
)

#: properties whose literal values are language tags (BCP 47), shown by the language's name
LANGUAGE_PROPERTIES: frozenset[str] = frozenset(str(p) for p in (DCT.language, SDO.inLanguage))

#: the path of skolemised blank nodes (graph_loader.records)
SKOLEM = "/.well-known/genid/"


def internal_node(value: str, resource: str) -> bool:
    """Whether the IRI ``value`` is a node internal to a record: a skolemised blank node or a
    ``#fragment`` of ``resource``.

    >>> internal_node("https://d.org/.well-known/genid/3f", "https://d.org/id/a")
    True
    >>> internal_node("https://d.org/id/b#contact", "https://d.org/id/a")
    False
    """
    return SKOLEM in value or value.startswith(resource + "#")


def shown_values(predicate: str, values: list[dict], resource: str, lang: str) -> list[dict]:
    """The values of ``predicate`` a page of ``resource`` in ``lang`` shows: none of a hidden
    property, no unlabelled blank or internal node, and of texts tagged with a language only
    those in ``lang`` when there are some (the keywords of a French page are French)."""
    if predicate in HIDDEN_PROPERTIES:
        return []
    kept = [
        v
        for v in values
        if v["type"] == "literal"
        or v.get("label")
        or (v["type"] == "iri" and not internal_node(v["value"], resource))
    ]
    if any(_in(v, lang) for v in kept):
        kept = [v for v in kept if _in(v, lang) or not (v["type"] == "literal" and v["lang"])]
    return kept


def _in(value: dict, lang: str) -> bool:
    """Whether ``value`` is a text tagged ``lang`` (or a regional variant of it)."""
    tag = (value.get("lang") or "").lower()
    return value["type"] == "literal" and (tag == lang or tag.startswith(lang + "-"))


def language_name(tag: str, lang: str) -> str | None:
    """The name in ``lang`` of the language of the tag ``tag`` (from the CLDR, through Babel),
    None when the tag names no language known.

    >>> language_name("en", "fr"), language_name("fr-CA", "en"), language_name("EN-gb", "en")
    ('anglais', 'Canadian French', 'British English')
    >>> language_name("xx-1", "fr") is None
    True
    """
    names = Locale.parse(lang).languages
    parts = tag.strip().split("-")
    primary = parts[0].lower()
    regional = "_".join([primary, *(p.upper() for p in parts[1:2])])
    return names.get(regional) or names.get(primary)
