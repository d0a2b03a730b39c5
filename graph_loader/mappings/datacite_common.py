"""One DataCite mapping for XML and JSON: a record in the shape of the DataCite REST API
``attributes`` (what :mod:`.datacite_json` reads and :mod:`.datacite_xml` builds) → DCAT-AP 3.

Choices (see also :mod:`.datacite_terms`):

- the resource IRI is minted from the lower-cased DOI with :func:`graph_loader.iri.resource_iri`,
  so it is stable and under the configured base; the DOI itself is kept as ``dct:identifier`` (bare,
  ``10.x/y``, checked by the shapes) and ``schema:identifier <https://doi.org/...>``, and is
  the landing page of datasets (``dcat:landingPage``) or the ``schema:url`` of the others,
  beside the record's ``url`` (REST API) if any;
- ``resourceTypeGeneral`` chooses the class (:data:`SOFTWARE_TYPES`, :data:`PUBLICATION_TYPES`,
  everything else, Collection included, is a ``dcat:Dataset``) and is kept as ``dct:type``;
- texts without ``xml:lang`` take the record's ``language``;
- links to related resources point at ``https://doi.org/<doi>``, the URL, or a resolver IRI
  (Handle, arXiv, PubMed...); identifiers that have none are skipped.
"""

from __future__ import annotations

import hashlib

import pyoxigraph as ox

from ..errors import InputError
from ..iri import resource_iri
from ..namespaces import DCAT, DCAT3, DCT, FOAF, PROV, RDFS, SDO, SKOS, VCARD
from ..terms import RDF_TYPE
from . import datacite_terms as terms
from .datacite_base import Mapper, get, items, n, text
from .datacite_links import distribution, funding, geolocations, identifiers, links

__all__ = ["convert_record", "SOFTWARE_TYPES", "PUBLICATION_TYPES"]

SOFTWARE_TYPES = {"Software", "ComputationalNotebook", "Workflow"}
#: texts that are articles (schema:ScholarlyArticle, checked by the publication shapes)
ARTICLE_TYPES = {"JournalArticle", "DataPaper", "ConferencePaper", "Preprint"}
#: other texts: a schema:CreativeWork (a publication record) of a more precise class if any —
#: a book or a report is not an article
PUBLICATION_TYPES = {
    "Text": None, "Book": SDO.Book, "Monograph": SDO.Book, "BookChapter": SDO.Chapter,
    "Dissertation": SDO.Thesis, "Report": SDO.Report, "Journal": SDO.Periodical,
    "ConferenceProceeding": None, "OutputManagementPlan": None, "PeerReview": SDO.Review,
    "Standard": None, "Poster": None, "StudyRegistration": None, "Presentation": None,
}  # fmt: skip
_TEXT_TYPES = {t.lower(): t for t in [*PUBLICATION_TYPES, *ARTICLE_TYPES]} | {
    "article": "JournalArticle", "journalarticle": "JournalArticle", "thesis": "Dissertation",
    "phdthesis": "Dissertation", "chapter": "BookChapter",
}  # fmt: skip


def _kind(record: dict) -> tuple[str, str, list[str]]:
    """(resourceTypeGeneral, record kind, rdf:types) of a record."""
    types = record.get("types") if isinstance(record.get("types"), dict) else {}
    general = get(types, "resourceTypeGeneral") or get(record, "resourceTypeGeneral") or "Dataset"
    specific = _TEXT_TYPES.get(get(types, "resourceType").replace(" ", "").lower())
    # kernel 3 and older say Text / "Book", "report"…: the precise type chooses the class
    precise = specific if general == "Text" and specific else general
    if precise in SOFTWARE_TYPES:
        return general, "software", [SDO.SoftwareSourceCode]
    if precise in ARTICLE_TYPES:
        return general, "publication", [SDO.ScholarlyArticle]
    if precise in PUBLICATION_TYPES:
        cls = PUBLICATION_TYPES[precise]
        return general, "publication", [SDO.CreativeWork, *([cls] if cls else [])]
    return general, "dataset", [DCAT.Dataset]


def _doi(record: dict) -> str | None:
    for candidate in [get(record, "doi"), get(record, "id")] + [
        get(i, "identifier")
        for i in items(record.get("identifiers"))
        if isinstance(i, dict) and get(i, "identifierType").upper() == "DOI"
    ]:
        if candidate and terms.normalise_doi(candidate):
            return terms.normalise_doi(candidate)
    return None


def _other_identifier(record: dict) -> tuple[str, str | None] | None:
    """The first identifier that is not a DOI (ARK, Handle, URL, local id...) and the IRI that
    resolves it, if any; None when the record has none."""
    for i in items(record.get("identifiers")) + items(record.get("alternateIdentifiers")):
        if not isinstance(i, dict):
            continue
        kind = get(i, "identifierType", "alternateIdentifierType")
        value = get(i, "identifier", "alternateIdentifier")
        if value and kind.upper() != "DOI":
            return value, _resolver(kind, value)
    return None


def _resolver(kind: str, value: str) -> str | None:
    """An http(s) IRI that resolves an identifier of DataCite type ``kind``, or None."""
    if value.lower().startswith("ark:"):
        kind = "ark"
    iri = terms.related_iri(kind or "url", value) or terms.related_iri("url", value)
    return iri if iri and iri.startswith(("http://", "https://")) else None


def _fingerprint(record: dict, titles: list[dict]) -> str:
    """A stable key for a record that has no identifier at all: its title, publisher and first
    creator (so that loading it again gives the same IRI)."""
    publisher = record.get("publisher")
    publisher = get(publisher, "name") if isinstance(publisher, dict) else text(publisher or "")
    creators = [get(c, "name", "creatorName") for c in items(record.get("creators"))[:1]
                if isinstance(c, dict)]  # fmt: skip
    key = "\n".join([get(titles[0], "title"), publisher, *creators])
    return "datacite-" + hashlib.sha256(key.encode()).hexdigest()[:16]


def convert_record(record: dict, *, base_iri: str) -> list[ox.Triple]:
    """The DCAT-AP triples of one DataCite record (REST API ``attributes`` shape)."""
    titles = [t for t in items(record.get("titles")) if isinstance(t, dict) and get(t, "title")]
    if not titles:
        raise InputError("DataCite record without a title")
    doi = _doi(record)
    general, kind, classes = _kind(record)
    m = Mapper(record, base_iri)
    if doi:
        res = n(resource_iri(kind, doi.lower(), base_iri))
        doi_node = n(terms.doi_iri(doi))
        m.add(res, DCT.identifier, ox.Literal(doi))
    elif other := _other_identifier(record):  # ARK, Handle, URL, local identifier
        res = n(resource_iri(kind, other[0], base_iri))
        doi_node = n(other[1]) if other[1] else None
        m.add(res, DCT.identifier, ox.Literal(other[0]))
    else:  # no identifier at all (an empty <identifier/>): the IRI is minted from the content
        res = n(resource_iri(kind, _fingerprint(record, titles), base_iri))
        doi_node = None
    for cls in classes:
        m.add(res, RDF_TYPE.value, n(cls))
    m.add(res, SDO.identifier, doi_node)
    pages = [doi_node] + [n(u) for u in [terms.iri_or_none(get(record, "url"))] if u]
    for page in dict.fromkeys(p for p in pages if p is not None):
        m.add(res, DCAT.landingPage if kind == "dataset" else SDO.url, page)
    if terms.datacite_term("resourceTypeGeneral", general):
        m.add(res, DCT.type, n(terms.datacite_term("resourceTypeGeneral", general)))
    _titles(m, res, kind, titles)
    _descriptions(m, res, record)
    _agents(m, res, record)
    _dates(m, res, record)
    _subjects(m, res, record)
    _rights(m, res, record)
    links(m, res, record, kind)
    identifiers(m, res, record, doi)
    funding(m, res, record)
    geolocations(m, res, record)
    distribution(m, res, record, doi_node, dataset=kind == "dataset")
    version = get(record, "version")
    if version:
        m.add(res, DCAT3.version if kind == "dataset" else SDO.version, ox.Literal(version))
    language = terms.language_iri(m.lang or "")
    if language:
        m.add(res, DCT.language, n(language))
    return list(m)


def _titles(m: Mapper, res, kind: str, titles: list[dict]) -> None:
    main = [t for t in titles if not get(t, "titleType")]
    main += [t for t in titles if get(t, "titleType") == "TranslatedTitle"]
    for t in main or titles[:1]:
        title = m.literal(get(t, "title"), get(t, "lang"))
        m.add(res, DCT.title, title)
        if kind != "dataset":
            m.add(res, SDO.name, title)
    for t in titles:
        if get(t, "titleType") in ("Subtitle", "AlternativeTitle") and t not in main:
            m.add(res, DCT.alternative, m.literal(get(t, "title"), get(t, "lang")))


def _descriptions(m: Mapper, res, record: dict) -> None:
    entries = [d for d in items(record.get("descriptions")) if isinstance(d, dict)]
    entries = [d for d in entries if get(d, "description")]
    described = False
    for d in entries:
        text = m.literal(get(d, "description"), get(d, "lang"))
        if get(d, "descriptionType") == "Methods":
            statement = m.node(cls=DCT.ProvenanceStatement)
            m.add(statement, RDFS.label, text)
            m.add(res, DCT.provenance, statement)
        else:
            m.add(res, DCT.description, text)
            described = True
    if not described:
        for d in entries:
            m.add(res, DCT.description, m.literal(get(d, "description"), get(d, "lang")))


def _agent(m: Mapper, entry: dict) -> ox.NamedNode | ox.BlankNode | None:
    """A foaf agent for a creator or contributor (ORCID or ROR IRI when given)."""
    name = get(entry, "name", "creatorName", "contributorName")
    if not name:
        return None
    name_type = get(entry, "nameType")
    iri = None
    for ident in items(entry.get("nameIdentifiers")):
        if isinstance(ident, dict):
            scheme, value = (
                get(ident, "nameIdentifierScheme").upper(),
                get(ident, "nameIdentifier"),
            )
            iri = iri or (terms.orcid_iri(value) if scheme == "ORCID" else None)
            iri = iri or (terms.ror_iri(value) if scheme == "ROR" else None)
    if iri and not name_type:  # an ORCID names a person, a ROR identifier an organisation
        name_type = "Organizational" if iri.startswith("https://ror.org/") else "Personal"
    cls = {"Personal": FOAF.Person, "Organizational": FOAF.Organization}
    agent = n(iri) if iri else ox.BlankNode()
    m.add(agent, RDF_TYPE.value, n(cls.get(name_type, FOAF.Agent)))
    m.add(agent, FOAF.name, ox.Literal(name))
    for key, prop in (("givenName", FOAF.givenName), ("familyName", FOAF.familyName)):
        if get(entry, key) and name_type != "Organizational":
            m.add(agent, prop, ox.Literal(get(entry, key)))
    for aff in items(entry.get("affiliation")):
        org = _organisation(m, aff)
        if org is not None:
            m.add(agent, SDO.affiliation, org)
    return agent


def _organisation(m: Mapper, aff: object) -> ox.NamedNode | ox.BlankNode | None:
    aff = {"name": aff} if isinstance(aff, str) else aff
    if not isinstance(aff, dict) or not get(aff, "name"):
        return None
    scheme = get(aff, "affiliationIdentifierScheme", "publisherIdentifierScheme").upper()
    ident = get(aff, "affiliationIdentifier", "publisherIdentifier")
    iri = terms.ror_iri(ident) if ident and scheme in ("ROR", "") else None
    org = n(iri) if iri else ox.BlankNode()
    m.add(org, RDF_TYPE.value, n(FOAF.Organization))
    m.add(org, FOAF.name, ox.Literal(get(aff, "name")))
    return org


def _agents(m: Mapper, res, record: dict) -> None:
    for entry in items(record.get("creators")):
        agent = _agent(m, entry) if isinstance(entry, dict) else None
        if agent is not None:
            m.add(res, DCT.creator, agent)
    for entry in items(record.get("contributors")):
        agent = _agent(m, entry) if isinstance(entry, dict) else None
        if agent is None:
            continue
        m.add(res, DCT.contributor, agent)
        role = terms.datacite_term("contributorType", get(entry, "contributorType"))
        if role:
            attribution = m.node(cls=PROV.Attribution)
            m.add(attribution, PROV.agent, agent)
            m.add(attribution, DCAT.hadRole, n(role))
            m.add(res, PROV.qualifiedAttribution, attribution)
        if get(entry, "contributorType") == "ContactPerson":
            _contact(m, res, entry, agent)
    publisher = record.get("publisher")
    if isinstance(publisher, str):
        publisher = {"name": publisher}
    if isinstance(publisher, dict) and get(publisher, "name"):
        m.add(res, DCT.publisher, _organisation(m, publisher))


def _contact(m: Mapper, res, entry: dict, agent) -> None:
    contact = m.node(cls=VCARD.Kind)
    m.add(contact, VCARD.fn, ox.Literal(get(entry, "name", "contributorName")))
    if isinstance(agent, ox.NamedNode):
        m.add(contact, VCARD.hasURL, agent)
    m.add(res, DCAT.contactPoint, contact)


def _dates(m: Mapper, res, record: dict) -> None:
    dates = [d for d in items(record.get("dates")) if isinstance(d, dict) and get(d, "date")]
    issued = [terms.date_literal(get(d, "date")) for d in dates if get(d, "dateType") == "Issued"]
    issued = [d for d in issued if d] or [terms.date_literal(get(record, "publicationYear"))]
    if issued[0] is not None:
        m.add(res, DCT.issued, issued[0])
    updated = [terms.date_literal(get(d, "date")) for d in dates if get(d, "dateType") == "Updated"]
    updated = [d for d in updated if d]
    if updated:
        m.add(res, DCT.modified, max(updated, key=lambda lit: lit.value))
    simple = {
        "Created": DCT.created, "Available": DCT.available, "Accepted": DCT.dateAccepted,
        "Submitted": DCT.dateSubmitted, "Copyrighted": DCT.dateCopyrighted, "Valid": DCT.valid,
    }  # fmt: skip
    periods = []  # Collected, and Other dates said to be the coverage, once each
    for d in dates:
        kind, text = get(d, "dateType"), get(d, "date")
        if kind in simple:
            m.add(res, simple[kind], terms.date_literal(text, exact=True) or ox.Literal(text))
        elif kind == "Collected" or (kind == "Other" and get(d, "dateInformation") == "Coverage"):
            periods += [text] if text not in periods else []
    starts = [get(d, "date") for d in dates if get(d, "dateType") == "StartDate"]
    ends = [get(d, "date") for d in dates if get(d, "dateType") == "EndDate"]
    if starts or ends:  # kernel 2: the period as StartDate and EndDate
        periods.append(f"{(starts or [''])[0]}/{(ends or [''])[0]}")
    for text in periods:
        _period(m, res, text)


def _period(m: Mapper, res, text: str) -> None:
    start, _, end = text.partition("/")
    bounds = [
        (DCAT.startDate, terms.date_literal(start)),
        (DCAT.endDate, terms.date_literal(end, end=True)),
    ]
    if not any(value for _, value in bounds):
        return
    period = m.node(cls=DCT.PeriodOfTime)
    for prop, value in bounds:
        if value is not None:
            m.add(period, prop, value)
    m.add(res, DCT.temporal, period)


def _subjects(m: Mapper, res, record: dict) -> None:
    for s in items(record.get("subjects")):
        if not isinstance(s, dict) or not get(s, "subject"):
            continue
        label = m.literal(get(s, "subject"), get(s, "lang"))
        m.add(res, DCAT.keyword, label)
        value = terms.iri_or_none(get(s, "valueUri", "valueURI"))
        scheme_name, scheme_uri = get(s, "subjectScheme"), get(s, "schemeUri", "schemeURI")
        if not (value or scheme_name or scheme_uri):
            continue
        concept = n(value) if value else ox.BlankNode()
        m.add(concept, SKOS.prefLabel, label)
        if get(s, "classificationCode"):
            m.add(concept, SKOS.notation, ox.Literal(get(s, "classificationCode")))
        scheme = (
            n(terms.iri_or_none(scheme_uri)) if terms.iri_or_none(scheme_uri) else ox.BlankNode()
        )
        if scheme_name:
            m.add(scheme, DCT.title, ox.Literal(scheme_name))
        m.add(concept, SKOS.inScheme, scheme)
        m.add(res, DCT.subject, concept)


def _rights(m: Mapper, res, record: dict) -> None:
    for r in items(record.get("rightsList")):
        if not isinstance(r, dict):
            continue
        uri = get(r, "rightsUri", "rightsURI")
        licence = terms.licence_iri(
            uri, get(r, "rightsIdentifier"), get(r, "rightsIdentifierScheme"), get(r, "rights")
        )
        access = terms.access_rights_iri(uri)
        if licence:
            m.add(res, DCT.license, n(licence))
        elif access:
            m.add(res, DCT.accessRights, n(access))
        elif get(r, "rights") or terms.iri_or_none(uri):
            statement = n(terms.iri_or_none(uri)) if terms.iri_or_none(uri) else ox.BlankNode()
            m.add(statement, RDF_TYPE.value, n(DCT.RightsStatement))
            if get(r, "rights"):
                m.add(statement, RDFS.label, m.literal(get(r, "rights"), get(r, "lang")))
            m.add(res, DCT.rights, statement)
