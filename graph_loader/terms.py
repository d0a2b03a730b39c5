"""pyoxigraph term constants for the vocabularies the loader writes and reads.

The rdflib ``DefinedNamespace`` twins live in :mod:`graph_loader.namespaces` (the one place
the namespace IRIs are written); a test keeps both in step with ``ontology/gaia.ttl``.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

from . import namespaces as ns

GAIA_NS = str(ns.GAIA)
THESAURUS_NS = str(ns.GAIA_THESAURUS)
ORG_NS = str(ns.GAIA_ORG)
PLACE_NS = str(ns.GAIA_PLACE)
GRAPHS_NS = str(ns.GAIA_GRAPH)

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
#: namespace strings, for the modules that still join them with a local name (prefer the
#: typed terms of :mod:`graph_loader.namespaces`)
XSD = "http://www.w3.org/2001/XMLSchema#"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SDO = "https://schema.org/"
FOAF = "http://xmlns.com/foaf/0.1/"
DWC = "http://rs.tdwg.org/dwc/terms/"


def gaia(local: str) -> NamedNode:
    """A term of the project ontology, e.g. ``gaia("RecordGraph")``."""
    return NamedNode(GAIA_NS + local)


# Graphs that are not records: each is replaced as a whole by its own command.
ONTOLOGY_GRAPH = NamedNode(ns.GAIA_GRAPH.ontology)
INFERENCE_GRAPH = NamedNode(ns.GAIA_GRAPH.inference)
THESAURUS_GRAPH = NamedNode(ns.GAIA_GRAPH.thesaurus)
#: the gazetteer (``vocabularies/places.ttl``): places with their names and bounding boxes
PLACES_GRAPH = NamedNode(ns.GAIA_GRAPH.places)


def vocabulary_graph(name: str) -> NamedNode:
    """The named graph of an external vocabulary loaded by ``gaia-kg vocab load``."""
    return NamedNode(ns.GAIA_GRAPH["vocabulary/" + name])


# Provenance of a record graph (the graph IRI is the subject).
RECORD_GRAPH = gaia("RecordGraph")
DESCRIBES = gaia("describes")
SOURCE = gaia("source")
CONTENT_HASH = gaia("contentHash")
TRIPLE_COUNT = gaia("tripleCount")
VALIDATION_OUTCOME = gaia("validationOutcome")
WARNING_COUNT = gaia("warningCount")
VIOLATION_COUNT = gaia("violationCount")
VALIDATION_MESSAGE = gaia("validationMessage")
CONVERTER = gaia("converter")
GENERATED_AT = NamedNode(ns.PROV.generatedAtTime)
#: when the record graph was first loaded (kept when it is replaced): the catalogue record's
#: ``dct:issued``
FIRST_LOADED = NamedNode(ns.DCTERMS.issued)
#: whether the record graph is as first loaded or replaced a version (the catalogue record's
#: ``adms:status``, the ADMS change-type vocabulary DCAT-AP names)
CHANGE_TYPE = NamedNode(ns.ADMS.status)
CREATED = NamedNode(ns.ADMS_CHANGE_TYPE.Created)
UPDATED = NamedNode(ns.ADMS_CHANGE_TYPE.Updated)
CONFORMS = gaia("Conforms")
# Harvesting (graph_loader.harvest)
HARVEST_SOURCE_CLASS = gaia("HarvestSource")
HARVEST_RUN = gaia("HarvestRun")
HARVEST_SOURCE = gaia("harvestSource")
UPSTREAM_IDENTIFIER = gaia("upstreamIdentifier")
UPSTREAM_DATESTAMP = gaia("upstreamDatestamp")
RESUME_TOKEN = gaia("resumeToken")
SEEN_IDENTIFIER = gaia("seenIdentifier")
RUN_REPORT = gaia("runReport")
SOURCES_NS = "https://w3id.org/gaia-kg/source/"
CONFORMS_WITH_WARNINGS = gaia("ConformsWithWarnings")
NOT_CONFORMANT = gaia("NotConformant")
# Taxonomic coverage (EML): dataset gaia:taxon taxon; the taxon is a gaia:Taxon with
# dwc:scientificName, dwc:taxonRank (lower case), dwc:vernacularName and skos:broader.
TAXON = gaia("taxon")
TAXON_CLASS = gaia("Taxon")
# Repairs made at load time (graph_loader.repair)
REPAIR_CLASS = gaia("Repair")
REPAIR = gaia("repair")
REPAIR_KIND = gaia("repairKind")
VALUE_BEFORE = gaia("valueBefore")
VALUE_AFTER = gaia("valueAfter")
