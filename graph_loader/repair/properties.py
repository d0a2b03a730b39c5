"""Which properties and types the repairs look at, as sets of IRI strings (predicates and
types read from pyoxigraph are compared by their ``.value``).

Each set holds the ``http://schema.org/`` twin of its schema.org terms too.

>>> "http://schema.org/email" in EMAIL_PROPERTIES, str(DCT.title) in TEXT_PROPERTIES
(True, True)
"""

from __future__ import annotations

from rdflib.namespace import TIME

from ..namespaces import (
    ADMS,
    DCAT,
    DCT,
    FOAF,
    GSP,
    LOCN,
    OWL,
    PROV,
    RDFS,
    SDO,
    SDO_HTTP,
    VCARD,
)

__all__ = [
    "EMAIL_PROPERTIES",
    "RESOURCE_PROPERTIES",
    "DATE_PROPERTIES",
    "BOX_PROPERTIES",
    "TEXT_PROPERTIES",
    "LANGUAGE_PROPERTIES",
    "TITLED_TYPES",
    "AGENT_TYPES",
    "SDO_NAME",
]

_SDO = str(SDO)


def _iris(*terms: str) -> frozenset[str]:
    """``terms`` as plain strings, with the ``http://schema.org/`` twins of schema.org terms
    (many records still use them)."""
    plain = frozenset(str(t) for t in terms)
    return plain | {str(SDO_HTTP[t[len(_SDO) :]]) for t in plain if t.startswith(_SDO)}


#: properties whose value is an e-mail address, written as a ``mailto:`` IRI
EMAIL_PROPERTIES = _iris(VCARD.hasEmail, SDO.email, FOAF.mbox)

#: properties whose range is a resource (DCAT-AP 3, GeoDCAT-AP, FOAF, schema.org): a literal
#: URL given as their value becomes an IRI
RESOURCE_PROPERTIES = _iris(
    DCAT.landingPage,  # foaf:Document
    DCAT.accessURL,  # rdfs:Resource
    DCAT.downloadURL,  # rdfs:Resource
    DCAT.endpointURL,  # rdfs:Resource
    DCAT.endpointDescription,  # rdfs:Resource
    DCAT.accessService,  # dcat:DataService
    DCAT.mediaType,  # dct:MediaType
    DCAT.compressFormat,  # dct:MediaType
    DCAT.packageFormat,  # dct:MediaType
    DCAT.theme,  # skos:Concept
    DCAT.catalog,  # dcat:Catalog
    DCAT.dataset,  # dcat:Dataset
    DCAT.service,  # dcat:DataService
    DCAT.servesDataset,  # dcat:Dataset
    DCAT.qualifiedRelation,  # dcat:Relationship
    DCT.license,  # dct:LicenseDocument
    DCT.rights,  # dct:RightsStatement
    DCT.accessRights,  # dct:RightsStatement
    DCT.conformsTo,  # dct:Standard
    DCT["format"],  # dct:MediaTypeOrExtent
    DCT.language,  # dct:LinguisticSystem
    DCT.publisher,  # foaf:Agent
    DCT.creator,  # foaf:Agent
    DCT.spatial,  # dct:Location
    DCT.temporal,  # dct:PeriodOfTime
    DCT.accrualPeriodicity,  # dct:Frequency
    DCT.type,  # skos:Concept
    DCT.source,  # dcat:Dataset
    DCT.isPartOf,
    DCT.hasPart,
    DCT.hasVersion,
    DCT.isVersionOf,
    DCT.references,
    DCT.isReferencedBy,
    DCT.relation,
    DCT.requires,
    DCT.isRequiredBy,
    DCT.replaces,
    DCT.isReplacedBy,
    DCT.provenance,  # dct:ProvenanceStatement
    FOAF.page,  # foaf:Document
    FOAF.homepage,  # foaf:Document
    FOAF.isPrimaryTopicOf,
    ADMS.sample,  # dcat:Distribution
    PROV.wasGeneratedBy,
    RDFS.seeAlso,
    OWL.sameAs,
    SDO.url,
    SDO.sameAs,
    SDO.license,
    SDO.contentUrl,
    SDO.urlTemplate,
    SDO.codeRepository,
    SDO.downloadUrl,
)

#: properties whose value is a date or a date-time (DCAT-AP 3: xsd:date, xsd:dateTime,
#: xsd:gYear or xsd:gYearMonth)
DATE_PROPERTIES = _iris(
    DCT.issued,
    DCT.modified,
    DCT.created,
    DCT.date,
    DCT.available,
    DCT.valid,
    DCT.dateAccepted,
    DCT.dateCopyrighted,
    DCT.dateSubmitted,
    DCAT.startDate,
    DCAT.endDate,
    PROV.generatedAtTime,
    TIME.inXSDDate,
    TIME.inXSDDateTimeStamp,
    SDO.datePublished,
    SDO.dateModified,
    SDO.dateCreated,
    SDO.startDate,
    SDO.endDate,
    SDO.uploadDate,
    SDO.expires,
)

#: properties whose value is a box or a geometry literal (WKT or GeoJSON)
BOX_PROPERTIES = _iris(DCAT.bbox, LOCN.geometry, GSP.asWKT, GSP.asGeoJSON, SDO.box)

#: text properties whose untagged literals are in the record's language. Names of people and
#: organisations (foaf:name, vcard:fn, schema:name of an agent) are left untagged.
TEXT_PROPERTIES = _iris(
    DCT.title,
    DCT.alternative,
    DCT.description,
    DCT.abstract,
    DCAT.keyword,
    ADMS.versionNotes,
    SDO.description,
    SDO.abstract,
    SDO.headline,
    SDO.keywords,
)

#: the properties that declare the language of a record
LANGUAGE_PROPERTIES = _iris(DCT.language, SDO.inLanguage)

#: schema:name is a title when its subject is one of these (not a person or organisation)
TITLED_TYPES = _iris(
    SDO.Dataset,
    SDO.DataCatalog,
    SDO.DataDownload,
    SDO.CreativeWork,
    SDO.SoftwareSourceCode,
    SDO.SoftwareApplication,
    SDO.ScholarlyArticle,
    SDO.Article,
    SDO.Collection,
    SDO.WebAPI,
)
SDO_NAME = _iris(SDO.name)

#: types of people and organisations, whose names are left untagged
AGENT_TYPES = _iris(
    FOAF.Person,
    FOAF.Organization,
    FOAF.Agent,
    SDO.Person,
    SDO.Organization,
    VCARD.Individual,
    VCARD.Organization,
    VCARD.Kind,
)
