"""The ``dcat:Dataset`` of a :class:`~.model.Discovery`: its IRI, texts, identifiers,
licences, dates, and what it comes from and is documented by."""

from __future__ import annotations

import pyoxigraph as ox

from ...iri import resource_iri
from ...namespaces import ADMS, DCAT, DCT, FOAF, PROV, RDFS, SDO, SKOS
from ..build import A, Triples, is_url, licence_iri, text
from ..datacite_terms import doi_iri, normalise_doi
from ..iso_parts import known_licence
from .agents import add_parties
from .extents import add_extents, flexible_date
from .model import Discovery

__all__ = ["CF_TERMS", "dataset_iri", "licence_term", "add_discovery"]

#: the CF standard names as published by the NERC vocabulary server (collection P07)
CF_TERMS = "http://vocab.nerc.ac.uk/standard_name/"


def dataset_iri(found: Discovery, base_iri: str, fallback: str) -> tuple[ox.NamedNode, str]:
    """The dataset IRI and its identifier text (``authority:id``, a DOI, or ``fallback``).

    >>> dataset_iri(Discovery(identifier="sst", authority="fr.ifremer"), "https://x.org/", "")[1]
    'fr.ifremer:sst'
    """
    doi = normalise_doi(found.identifier) if found.identifier else None
    if doi:
        return ox.NamedNode(resource_iri("dataset", doi.lower(), base_iri)), doi
    if found.identifier:
        space = found.authority
        joint = "" if not space or space.endswith(("/", ":", "#", ".")) else ":"
        key = f"{space}{joint}{found.identifier}"
        return ox.NamedNode(resource_iri("dataset", key, base_iri)), key
    return ox.NamedNode(resource_iri("dataset", fallback, base_iri)), ""


def licence_term(out: Triples, value: str, lang: str):
    """The IRI of a licence named or linked in ``value``, else a LicenseDocument with it."""
    iri = licence_iri(value, spdx=False) or known_licence(value)
    if iri is not None:
        out.add(iri, A, ox.NamedNode(DCT.LicenseDocument))
        return iri
    node = ox.BlankNode()
    out.add(node, A, ox.NamedNode(DCT.LicenseDocument))
    out.add(node, RDFS.label, text(value, lang))
    return node


def _add_texts(out: Triples, subject: ox.NamedNode, found: Discovery, lang: str) -> None:
    """Title, descriptions, keywords, and the CF standard names (measured variable and the
    name in words as a keyword)."""
    out.add(subject, DCT.title, text(found.title, lang))
    for summary in dict.fromkeys(found.summaries):
        out.add(subject, DCT.description, text(summary, lang))
    for kw in dict.fromkeys(found.keywords):
        out.add(subject, DCAT.keyword, text(kw, lang))
    for name in found.standard_names:
        out.add(subject, SDO.variableMeasured, ox.NamedNode(f"{CF_TERMS}{name}/"))
        words = name.replace("_", " ")
        if words not in found.keywords:
            out.add(subject, DCAT.keyword, text(words, "en"))


def _add_identifiers(out: Triples, subject: ox.NamedNode, found: Discovery, key: str) -> None:
    """``dct:identifier``; a DOI's landing page, else the identifier in its code space."""
    doi = normalise_doi(key) if key else None
    if key:
        out.add(subject, DCT.identifier, ox.Literal(key))
    if doi and doi_iri(doi):
        out.add(subject, DCAT.landingPage, ox.NamedNode(doi_iri(doi)))
        out.add(subject, SDO.identifier, ox.NamedNode(doi_iri(doi)))
    elif found.identifier and found.authority:
        node = ox.BlankNode()
        out.add(node, A, ox.NamedNode(ADMS.Identifier))
        out.add(node, SKOS.notation, ox.Literal(found.identifier))
        out.add(node, DCT.creator, ox.Literal(found.authority))
        out.add(subject, ADMS.identifier, node)


def _add_terms(out: Triples, subject: ox.NamedNode, found: Discovery, lang: str) -> None:
    """Licences, dates (created, modified, issued) and the CF / CDM data type."""
    for licence in dict.fromkeys(found.licences):
        out.add(subject, DCT.license, licence_term(out, licence, lang))
    for kind, value in found.dates.items():
        out.add(subject, DCT[kind], flexible_date(value))
    if found.data_type:
        out.add(subject, DCT.type, ox.Literal(found.data_type))


def _add_context(out: Triples, subject: ox.NamedNode, found: Discovery, lang: str) -> None:
    """Projects (activities), references, lineage and documentation pages."""
    for project in dict.fromkeys(found.projects):
        activity = ox.BlankNode()
        out.add(activity, A, ox.NamedNode(PROV.Activity))
        out.add(activity, RDFS.label, text(project, lang))
        out.add(subject, PROV.wasGeneratedBy, activity)
    for reference in dict.fromkeys(found.references):
        if is_url(reference):
            out.add(subject, DCT.isReferencedBy, ox.NamedNode(reference.strip()))
            continue
        work = ox.BlankNode()
        out.add(work, A, ox.NamedNode(DCT.BibliographicResource))
        out.add(work, DCT.bibliographicCitation, text(reference, lang))
        out.add(subject, DCT.isReferencedBy, work)
    for lineage in dict.fromkeys(found.lineage):
        statement = ox.BlankNode()
        out.add(statement, A, ox.NamedNode(DCT.ProvenanceStatement))
        out.add(statement, RDFS.label, text(lineage, lang))
        out.add(subject, DCT.provenance, statement)
    for url, title in dict.fromkeys(found.pages):
        page = ox.NamedNode(url.strip())
        out.add(subject, FOAF.page, page)
        out.add(page, A, ox.NamedNode(FOAF.Document))
        if title:
            out.add(page, DCT.title, text(title, lang))


def add_discovery(out: Triples, subject: ox.NamedNode, found: Discovery, key: str) -> str:
    """The triples of the dataset ``subject`` described by ``found``; ``key`` is its
    identifier text (see :func:`dataset_iri`). Returns the language of its texts."""
    lang = found.lang()
    out.add(subject, A, ox.NamedNode(DCAT.Dataset))
    _add_texts(out, subject, found, lang)
    _add_identifiers(out, subject, found, key)
    add_parties(out, subject, found)
    add_extents(out, subject, found)
    _add_terms(out, subject, found, lang)
    _add_context(out, subject, found, lang)
    return lang
