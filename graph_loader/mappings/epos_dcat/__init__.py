"""EPOS-DCAT-AP (the European Plate Observing System's profile, solid earth) → DCAT-AP 3.

The thematic core services of EPOS (seismology, GNSS, volcano observatories, geomagnetism,
anthropogenic hazards, satellite data, geology…) describe their datasets and web services in
EPOS-DCAT-AP, as RDF (Turtle or RDF/XML, namespace ``https://www.epos-eu.org/epos-dcat-ap#``)
or, in its first version, as XML under ``<eposap:Epos xmlns:eposap="http://www.epos-ip.org/">``
(read by :mod:`.xml_records` into the same statements). Choices:

- ``dcat:Dataset`` keeps its IRI and DCAT properties; an ``epos:WebService`` becomes a
  ``dcat:DataService`` (schema.org name, description, keywords, dates and provider read as
  ``dct:title``… ``dct:publisher``); its Hydra operations give ``dcat:endpointURL`` (the base of
  each ``hydra:IriTemplate``: the URL before its first ``{`` variable) and are kept as
  ``hydra:supportedOperation`` (method, returned media type, template); ``hydra:entrypoint``, the
  ``hydra:ApiDocumentation`` it conforms to and ``schema:documentation`` give
  ``dcat:endpointDescription``;
- a distribution whose ``dct:conformsTo`` is a web service, or whose ``dcat:accessURL`` is one of
  its operations, gets ``dcat:accessService`` and the operation's endpoint as access URL, and
  the service ``dcat:servesDataset`` the distribution's dataset;
- ``dcat:theme`` / ``dcat:category`` values (``<epos:SeismicWaveform>``, ``<#MagneticField>``,
  XML ``eposap:domain``/``subDomain`` names) keep the EPOS category, written ``<epos:NAME>`` when
  the alignment ``vocabularies/alignments/epos-categories.ttl`` knows it, and add the GAIA
  thesaurus concepts it lands on (strongest mapping first, as for GCMD);
- ``schema:ContactPoint`` / ``vcard`` contacts become ``vcard`` contact points named after the
  person or organisation that owns them (e-mail, telephone); persons and organisations become
  ``foaf`` agents (name, given/family names, homepage, mailbox, PIC/ROR/ORCID identifiers), the
  persons behind a contact point also as ``prov:qualifiedAttribution`` with the role
  ``pointOfContact``;
- ``locn:geometry`` WKT is kept and its envelope written as ``dcat:bbox``; ``schema:startDate``
  / ``endDate`` become ``dcat:startDate`` / ``endDate``; identifiers (``dct:identifier``,
  ``schema:identifier``, ``adms:identifier`` with its notation and agency, DOIs) are kept;
- texts with no language take the record's ``dct:language``, else the language their words
  show, else English (the working language of the EPOS catalogue);
- only what describes datasets, services, software and their agents is written: equipment,
  facilities, projects and concept schemes of the document are left out.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from ...errors import InputError
from .mapper import Mapper
from .reading import EPOS_NAMESPACES, EPOS_XML, ONTOLOGY_TERMS, read_statements

__all__ = ["sniff", "convert"]


def sniff(data: bytes) -> bool:
    """RDF (or EPOS XML) that uses the EPOS-DCAT-AP namespace and is not its ontology."""
    head = data[:262144]
    if not any(ns.encode() in head for ns in (*EPOS_NAMESPACES, EPOS_XML)):
        return False
    if EPOS_XML.encode() in head and re.search(rb"<(\w+:)?Epos[\s>]", head):
        return True
    if not any(ns.encode() in head for ns in EPOS_NAMESPACES):
        return False
    return ONTOLOGY_TERMS.search(head) is None


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """DCAT-AP 3 statements of an EPOS-DCAT-AP document (RDF or EPOS XML)."""
    if not data.strip():
        raise InputError("empty record")
    source = read_statements(data, base_iri)
    triples = Mapper(source, base_iri).run()
    if triples:
        return triples
    if source:
        # concept schemes, equipment, facilities: no record, but kept as read (the load names
        # what the file held)
        return source
    raise InputError(
        "EPOS-DCAT-AP document describing no dataset, web service, software, person or organisation"
    )
