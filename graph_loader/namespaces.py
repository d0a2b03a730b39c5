"""rdflib namespaces: the project ontology as typed constants, and the reused vocabularies.

``GAIA`` lists every term of ``ontology/gaia.ttl`` and fails on any other name, so a typo is
an error at the line that makes it; ``tests/test_ontology.py`` keeps the list and the file in
step. The pyoxigraph twins of the provenance terms live in :mod:`graph_loader.terms`, which
takes its namespace strings from here.

>>> GAIA.variable
rdflib.term.URIRef('https://w3id.org/gaia-kg/ontology#variable')
>>> PREFIXES["cito"] == CITO
True
"""

from rdflib.namespace import (
    DCAT,
    DCTERMS,
    FOAF,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    XSD,
    DefinedNamespace,
    Namespace,
)
from rdflib.term import URIRef

__all__ = [
    "GAIA",
    "GAIA_THESAURUS",
    "GAIA_ORG",
    "GAIA_GRAPH",
    "GAIA_PLACE",
    "GQ",
    "CITO",
    "SDO",
    "VCARD",
    "ADMS",
    "ADMS_CHANGE_TYPE",
    "ADMS_LICENCE_TYPE",
    "LOCN",
    "VANN",
    "DCATAP",
    "DCT",
    "DCAT3",
    "SDO_HTTP",
    "HYDRA",
    "GEODCAT",
    "DQV",
    "GSP",
    "DWC",
    "INSPIRE",
    "EU_AUTHORITY",
    "IANA_MEDIA_TYPES",
    "FORMATS",
    "SH",
    "DCAT",
    "DCTERMS",
    "FOAF",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SKOS",
    "XSD",
    "PREFIXES",
]


class GAIA(DefinedNamespace):
    """The GAIA Data ontology (https://w3id.org/gaia-kg/ontology)."""

    _fail = True
    _NS = Namespace("https://w3id.org/gaia-kg/ontology#")

    # owl:Class
    Pole: URIRef  # A Data Terra pole federating data centres
    DataCentre: URIRef  # A data centre, member of a pole
    Compartment: URIRef  # Top concept of the GAIA thesaurus
    SubDomain: URIRef  # Second-level concept of the GAIA thesaurus
    Variable: URIRef  # Third-level concept of the GAIA thesaurus
    Place: URIRef  # A place of the gazetteer, with its bounding box
    Taxon: URIRef  # A taxon covered by a resource (EML taxonomic coverage)
    RecordGraph: URIRef  # The named graph holding one harvested record
    ValidationOutcome: URIRef  # The result of the SHACL validation of a record
    HarvestSource: URIRef  # A catalogue declared in the sources configuration
    HarvestRun: URIRef  # One run of the harvest of a source
    Repair: URIRef  # A deterministic correction made to a statement at load time
    Change: URIRef  # An entry of the store's change feed (graph_loader.feed)

    # owl:ObjectProperty
    variable: URIRef  # resource -> thesaurus concept (sub-property of dcat:theme)
    compartment: URIRef  # resource or concept -> compartment (inferred)
    pole: URIRef  # resource -> pole (also inferred from dataCentre / memberOfPole)
    dataCentre: URIRef  # resource -> data centre
    memberOfPole: URIRef  # data centre -> pole
    platform: URIRef  # resource -> platform concept
    instrument: URIRef  # resource -> instrument concept
    taxon: URIRef  # resource -> taxon it covers (gaia:Taxon)
    usedWithDataset: URIRef  # software -> dataset (inverse of hasSoftware)
    hasSoftware: URIRef  # dataset -> software (inverse of usedWithDataset)
    describes: URIRef  # record graph -> main resource
    validationOutcome: URIRef  # record graph -> validation outcome
    harvestSource: URIRef  # record graph -> the harvest source that produced it
    repair: URIRef  # record graph -> a repair made at load time
    changedGraph: URIRef  # change -> a named graph the write changed
    changedResource: URIRef  # change -> a resource described before or after, or re-inferred

    # owl:DatatypeProperty
    introduction: URIRef  # compartment -> introductory text, one per language
    minimumAltitude: URIRef  # resource -> bottom of its vertical extent (m, depth negative)
    maximumAltitude: URIRef  # resource -> top of its vertical extent (m, depth negative)
    source: URIRef  # record graph -> name of the harvested source
    contentHash: URIRef  # record graph -> hash of the source record
    tripleCount: URIRef  # record graph -> number of triples written
    warningCount: URIRef  # record graph -> number of SHACL warnings
    violationCount: URIRef  # record graph -> number of SHACL violations (flagged record)
    validationMessage: URIRef  # record graph -> a SHACL warning in plain words (fr, en)
    converter: URIRef  # record graph -> converter and version
    upstreamIdentifier: URIRef  # record graph -> identifier of the record in its source
    upstreamDatestamp: URIRef  # record graph -> modification date given by the source
    resumeToken: URIRef  # harvest source -> page to resume an interrupted harvest from
    seenIdentifier: URIRef  # harvest source -> identifier read by the harvest in progress
    runReport: URIRef  # harvest run -> its report as JSON
    repairKind: URIRef  # repair -> its kind (mailto, typed-date, ...)
    valueBefore: URIRef  # repair -> the value as read (N-Triples)
    valueAfter: URIRef  # repair -> the value written (N-Triples; empty if dropped)
    sequence: URIRef  # change -> its number in the feed
    changedAt: URIRef  # change -> when the write took place
    changedEverything: URIRef  # change -> true when its graphs cannot be named

    # owl:NamedIndividual
    Conforms: URIRef  # validation outcome: no violation, no warning
    ConformsWithWarnings: URIRef  # validation outcome: warnings only
    NotConformant: URIRef  # validation outcome: violations, loaded and flagged


GAIA_THESAURUS = Namespace("https://w3id.org/gaia-kg/thesaurus/")
GAIA_ORG = Namespace("https://w3id.org/gaia-kg/org/")
GAIA_PLACE = Namespace("https://w3id.org/gaia-kg/place/")
#: the named graphs the project writes (records, thesaurus, ontology, vocabularies…)
GAIA_GRAPH = Namespace("https://w3id.org/gaia-kg/graph/")
#: the FAIR quality metrics of the project (prefix ``gq:``, :mod:`graph_loader.quality`)
GQ = Namespace("https://w3id.org/gaia-kg/quality#")

CITO = Namespace("http://purl.org/spar/cito/")
SDO = Namespace("https://schema.org/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
ADMS = Namespace("http://www.w3.org/ns/adms#")
#: the ADMS change-type vocabulary (Created, Updated, Deleted): a catalogue record's status
ADMS_CHANGE_TYPE = Namespace("http://purl.org/adms/changetype/")
#: the ADMS licence-type vocabulary (Attribution, PublicDomain…): a licence's dct:type
ADMS_LICENCE_TYPE = Namespace("http://purl.org/adms/licencetype/")
LOCN = Namespace("http://www.w3.org/ns/locn#")
VANN = Namespace("http://purl.org/vocab/vann/")
DCATAP = Namespace("http://data.europa.eu/r5r/")
#: DCAT 3 terms (rdflib's DCAT lists DCAT 2 only: version, DatasetSeries, inSeries… warn there)
DCAT3 = Namespace(str(DCAT))
#: dct: is the usual prefix of DCMI terms (rdflib calls the namespace DCTERMS)
DCT = DCTERMS
#: schema.org read with its http: scheme (older JSON-LD and microdata records)
SDO_HTTP = Namespace("http://schema.org/")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
GEODCAT = Namespace("http://data.europa.eu/930/")
DQV = Namespace("http://www.w3.org/ns/dqv#")
GSP = Namespace("http://www.opengis.net/ont/geosparql#")
DWC = Namespace("http://rs.tdwg.org/dwc/terms/")
INSPIRE = Namespace("http://inspire.ec.europa.eu/metadata-codelist/")
#: the IANA media types (``text/html``…), as DCAT-AP names them for dcat:mediaType
IANA_MEDIA_TYPES = Namespace("https://www.iana.org/assignments/media-types/")
#: the EU authority tables (languages, access rights, file types, licences…)
EU_AUTHORITY = Namespace("http://publications.europa.eu/resource/authority/")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
SH = Namespace("http://www.w3.org/ns/shacl#")

#: The prefixes the project writes Turtle with (``graph.bind(prefix, ns)`` for each).
PREFIXES: dict[str, Namespace] = {
    "gaia": Namespace(str(GAIA)),
    "gaia-thesaurus": GAIA_THESAURUS,
    "gaia-org": GAIA_ORG,
    "dcat": Namespace(str(DCAT)),
    "dct": Namespace(str(DCTERMS)),
    "skos": Namespace(str(SKOS)),
    "prov": Namespace(str(PROV)),
    "foaf": Namespace(str(FOAF)),
    "schema": SDO,
    "vcard": VCARD,
    "cito": CITO,
    "adms": ADMS,
    "locn": LOCN,
    "dcatap": DCATAP,
    "owl": Namespace(str(OWL)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "xsd": Namespace(str(XSD)),
}
