"""Discovery metadata of netCDF data (ACDD 1.3 global attributes, CF variables) → DCAT-AP 3.

Shared by the NcML (:mod:`.ncml`), CDL (:mod:`.cdl`) and THREDDS catalogue (:mod:`.thredds`)
converters: each reads its syntax into a :class:`Discovery`, and :func:`add_discovery` writes
the dataset. Decisions:

- texts carry no language in ACDD: they are tagged ``fr`` or ``en`` by
  :func:`~.build.guess_language` (title and summary together), English when unclear (the
  language of the convention and of nearly every netCDF file); a ``language`` attribute wins;
- ``keywords`` are split on commas (``;`` when the value has no comma); a GCMD path
  ("EARTH SCIENCE > OCEANS > …") is kept whole so that the loader links it through the GCMD
  alignments (:mod:`graph_loader.enrich`);
- CF ``standard_name`` of each data variable (coordinates aside: latitude, longitude, time,
  variables with an ``axis`` or a ``cf_role``) becomes
  ``schema:variableMeasured`` with the CF term of the NERC vocabulary server
  (``http://vocab.nerc.ac.uk/standard_name/<name>/``) and a ``dcat:keyword`` with the name in
  words ("sea water temperature"), which the loader links to the GAIA thesaurus variables;
- ``geospatial_lat/lon_min/max`` give the WKT box; a 0..360 longitude range is brought into
  -180..180; ``geospatial_vertical_min/max`` in metres (or km) give ``gaia:minimumAltitude`` /
  ``gaia:maximumAltitude``, negated and swapped when ``geospatial_vertical_positive`` is
  "down" (depths are negative altitudes); vertical extents in other units (Pa, sigma) are left;
- ``id`` with ``naming_authority`` is the identifier (``authority:id``, as ISO 19139 code spaces);
  a DOI (in ``id``, ``doi`` or a ``doi.org`` URL) is the dataset's identity: IRI minted from the
  DOI, ``https://doi.org/…`` as landing page;
- ``license``: a licence URL or a known licence named in the text gives its IRI, any other text
  a ``dct:LicenseDocument`` with the text as label;
- creators, publishers and contributors are ``foaf`` agents (``creator_type`` person /
  institution / group, else a ``foaf:Agent`` only); the first creator or publisher with an
  e-mail or URL is the contact point; ``institution`` is the creator's affiliation, or the
  creator when no creator is named; several comma-separated creator names are several
  creators only when as many e-mails are given (else one agent: "Flint, Lorraine" is one name);
- ``cdm_data_type`` / ``featureType`` → ``dct:type`` (the CF / CDM name as a literal);
  ``project`` and ``program`` → ``prov:wasGeneratedBy`` activities; ``references`` →
  ``dct:isReferencedBy`` (URLs, else a bibliographic resource with the citation);
  ``source``, ``processing_level`` and ``history``-free lineage → ``dct:provenance``;
  ``platform`` / ``instrument`` names (not IRIs: ACDD gives labels) → ``dcat:keyword``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import pyoxigraph as ox

from ..iri import resource_iri
from ..terms import PROV, XSD
from .build import (
    DCAT,
    DCT,
    FOAF,
    RDFS,
    SDO,
    VCARD,
    WKT,
    A,
    Triples,
    bbox_wkt,
    guess_language,
    is_url,
    licence_iri,
    text,
)
from .datacite_terms import doi_iri, normalise_doi
from .iso_parts import known_licence

__all__ = [
    "measured",
    "Party",
    "Discovery",
    "from_attributes",
    "add_discovery",
    "flexible_date",
    "CF_TERMS",
]

GAIA = "https://w3id.org/gaia-kg/ontology#"
INSPIRE_ROLE = "http://inspire.ec.europa.eu/metadata-codelist/ResponsiblePartyRole/"
#: the CF standard names as published by the NERC vocabulary server (collection P07)
CF_TERMS = "http://vocab.nerc.ac.uk/standard_name/"
_DECIMAL = ox.NamedNode(XSD + "decimal")
#: standard names of coordinates: not what a dataset measures (nor are variables with an
#: ``axis`` or a ``cf_role``: coordinates and feature identifiers)
_COORDINATES = {
    "latitude",
    "longitude",
    "time",
    "projection_x_coordinate",
    "projection_y_coordinate",
    "grid_latitude",
    "grid_longitude",
    "forecast_reference_time",
    "forecast_period",
}
#: ISO 19115 role codes, and the spellings ACDD files use for them
_ROLES = {
    "resourceprovider": "resourceProvider",
    "dataprovider": "resourceProvider",
    "provider": "resourceProvider",
    "custodian": "custodian",
    "owner": "owner",
    "user": "user",
    "distributor": "distributor",
    "originator": "originator",
    "pointofcontact": "pointOfContact",
    "principalinvestigator": "principalInvestigator",
    "pi": "principalInvestigator",
    "processor": "processor",
    "publisher": "publisher",
    "author": "author",
    "sponsor": "sponsor",
    "funder": "funder",
    "coauthor": "coAuthor",
    "collaborator": "collaborator",
    "contributor": "contributor",
    "editor": "editor",
    "mediator": "mediator",
    "rightsholder": "rightsHolder",
    "stakeholder": "stakeholder",
}


@dataclass
class Party:
    """A creator, publisher or contributor."""

    name: str = ""
    email: str = ""
    url: str = ""
    kind: str = ""  # person | organization | "" (unknown)
    institution: str = ""
    role: str = ""


@dataclass
class Discovery:
    """What a netCDF file or a THREDDS dataset says of itself, syntax aside."""

    title: str = ""
    summaries: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    creators: list[Party] = field(default_factory=list)
    publishers: list[Party] = field(default_factory=list)
    contributors: list[Party] = field(default_factory=list)
    #: west, south, east north
    bbox: tuple[float, float, float, float] | None = None
    #: minimum and maximum altitude in metres (depths negative)
    vertical: tuple[float, float] | None = None
    start: str = ""
    end: str = ""
    duration: str = ""
    licences: list[str] = field(default_factory=list)
    identifier: str = ""
    authority: str = ""
    dates: dict[str, str] = field(default_factory=dict)  # created | modified | issued
    data_type: str = ""
    projects: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    lineage: list[str] = field(default_factory=list)
    standard_names: list[str] = field(default_factory=list)
    #: documentation pages: (url, title)
    pages: list[tuple[str, str]] = field(default_factory=list)
    language: str = ""

    def lang(self) -> str:
        """The language of the texts: declared, else guessed, else English."""
        declared = self.language.strip().lower()[:2]
        if declared in ("fr", "en"):
            return declared
        return guess_language(self.title, *self.summaries) or "en"


# ---------------------------------------------------------------- ACDD attributes


def measured(standard_name: str) -> bool:
    """Whether a CF standard name names something measured (not a coordinate, not a flag)."""
    name = standard_name.strip()
    return (
        bool(re.fullmatch(r"[a-z][a-z0-9_]*", name))
        and name not in _COORDINATES
        and not name.endswith("_flag")
    )


def _first(attrs: dict[str, str], *names: str) -> str:
    for name in names:
        value = attrs.get(name, "").strip()
        if value:
            return value
    return ""


def _number(value: str) -> float | None:
    try:
        number = float(value.strip().rstrip("fFdD"))
    except (ValueError, AttributeError):
        return None
    return number if number == number and abs(number) != float("inf") else None


def split_list(value: str) -> list[str]:
    """The items of a comma-separated list (``;`` when there is no comma)."""
    sep = "," if "," in value else ";"
    return [v.strip() for v in value.split(sep) if v.strip()]


def _parties(attrs: dict[str, str], prefix: str) -> list[Party]:
    """ACDD ``<prefix>_name`` / ``_email`` / ``_url`` / ``_type`` / ``_institution``; several
    comma-separated names when the e-mails are as many."""
    name = _first(attrs, f"{prefix}_name")
    email = _first(attrs, f"{prefix}_email")
    url = _first(attrs, f"{prefix}_url")
    kind = _first(attrs, f"{prefix}_type").lower()
    kind = {"institution": "organization", "group": "organization", "position": "person"}.get(
        kind, kind if kind in ("person", "organization") else ""
    )
    institution = _first(attrs, f"{prefix}_institution")
    if not (name or email or url):
        return []
    names, emails, urls = split_list(name), split_list(email), split_list(url)
    if len(names) > 1 and len(emails) == len(names):
        urls = urls if len(urls) == len(names) else [""] * len(names)
        return [
            Party(n, e, u, kind, institution) for n, e, u in zip(names, emails, urls, strict=True)
        ]
    return [Party(name, email, url, kind, institution)]


def _bbox(attrs: dict[str, str]) -> tuple[float, float, float, float] | None:
    sides = [
        ("geospatial_lon_min", "westernmost_longitude"),
        ("geospatial_lat_min", "southernmost_latitude"),
        ("geospatial_lon_max", "easternmost_longitude"),
        ("geospatial_lat_max", "northernmost_latitude"),
    ]
    values = [_number(_first(attrs, *names)) for names in sides]
    if any(v is None for v in values):
        return None
    west, south, east, north = values  # type: ignore[misc]
    return normalise_box(west, south, east, north)


def normalise_box(west: float, south: float, east: float, north: float):
    """A box in -180..180 longitudes, south <= north; None when it leaves the globe."""
    if west > 180 and east > 180:
        west, east = west - 360, east - 360
    elif east > 180 >= west:
        east -= 360
        if east >= west:  # a full 0..360 band
            west, east = -180.0, 180.0
    if south > north:
        south, north = north, south
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        return None
    return west, south, east, north


_METRES = {"m": 1.0, "meter": 1.0, "meters": 1.0, "metre": 1.0, "metres": 1.0, "km": 1000.0}


def vertical_extent(low: str, high: str, units: str, positive: str):
    """(minimum, maximum) altitude in metres of an extent given in ``units`` along
    ``positive`` ("up" or "down"); None when the units are not lengths or a bound is missing."""
    a, b = _number(low), _number(high)
    factor = _METRES.get(units.strip().lower() or "m")
    if a is None or b is None or factor is None:
        return None
    a, b = a * factor, b * factor
    if positive.strip().lower() == "down":
        a, b = -a, -b
    return min(a, b), max(a, b)


def from_attributes(attrs: dict[str, str], variables: list[dict[str, str]]) -> Discovery:
    """The discovery metadata of a netCDF file: its global attributes and variables."""
    found = Discovery(
        title=_first(attrs, "title"),
        summaries=[s for s in [_first(attrs, "summary", "description", "abstract")] if s],
        language=_first(attrs, "language"),
        start=_first(attrs, "time_coverage_start", "start_time"),
        end=_first(attrs, "time_coverage_end", "stop_time"),
        duration=_first(attrs, "time_coverage_duration"),
        identifier=_first(attrs, "id"),
        authority=_first(attrs, "naming_authority"),
        data_type=_first(attrs, "cdm_data_type", "featureType"),
    )
    vocabulary = _first(attrs, "keywords_vocabulary")
    for kw in split_list(_first(attrs, "keywords")) if _first(attrs, "keywords") else []:
        # "GCMD:EARTH SCIENCE > …" or "GCMDSK:…": the vocabulary prefix of ACDD 1.3
        prefix = re.match(r"^([A-Za-z][\w-]*):\s*(.+)$", kw)
        if prefix and (prefix.group(1).upper().startswith("GCMD") or ">" in kw):
            kw = prefix.group(2)
        found.keywords.append(kw)
    del vocabulary  # the keyword text says enough: GCMD paths are recognised as such
    for name in ("platform", "instrument", "sensor"):
        value = _first(attrs, name)
        if value and not re.fullmatch(r"[a-z_]+", value):  # "platform" may name a variable
            found.keywords += [v for v in split_list(value) if v not in found.keywords]
    found.creators = _parties(attrs, "creator")
    institution = _first(attrs, "institution")
    if institution:
        if found.creators:
            for party in found.creators:
                if institution != party.name:
                    party.institution = party.institution or institution
        else:
            found.creators = [Party(institution, kind="organization")]
    found.publishers = _parties(attrs, "publisher")
    names = split_list(_first(attrs, "contributor_name")) if "contributor_name" in attrs else []
    roles = split_list(_first(attrs, "contributor_role")) if "contributor_role" in attrs else []
    for i, name in enumerate(names):
        role = roles[i] if len(roles) == len(names) else (roles[0] if len(roles) == 1 else "")
        found.contributors.append(Party(name, role=role))
    found.bbox = _bbox(attrs)
    found.vertical = vertical_extent(
        _first(attrs, "geospatial_vertical_min"),
        _first(attrs, "geospatial_vertical_max"),
        _first(attrs, "geospatial_vertical_units"),
        _first(attrs, "geospatial_vertical_positive"),
    )
    for name in ("license", "licence"):
        if _first(attrs, name):
            found.licences.append(_first(attrs, name))
    for key, names in (
        ("created", ("date_created",)),
        ("modified", ("date_modified",)),
        ("issued", ("date_issued",)),
    ):
        if _first(attrs, *names):
            found.dates[key] = _first(attrs, *names)
    doi = _first(attrs, "doi", "DOI")
    if doi and not normalise_doi(found.identifier):
        found.identifier, found.authority = doi, ""
    found.projects = [v for v in (_first(attrs, "project"), _first(attrs, "program")) if v]
    references = _first(attrs, "references")
    urls = split_list(references)
    found.references = urls if urls and all(is_url(u) for u in urls) else [references]
    found.references = [r for r in found.references if r]
    found.lineage = [v for v in (_first(attrs, "source"), _first(attrs, "processing_level")) if v]
    for variable in variables:
        name = variable.get("standard_name", "").strip()
        if "axis" in variable or "cf_role" in variable:
            continue
        if measured(name) and name not in found.standard_names:
            found.standard_names.append(name)
    url = _first(attrs, "infoUrl", "info_url", "metadata_link", "Metadata_Link")
    if is_url(url):
        found.pages.append((url, ""))
    return found


# ---------------------------------------------------------------- dates

_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?$")
_LOOSE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r"\s*(Z|UTC|[+-]\d{2}:?\d{2})?)?$"
)


def flexible_date(value: str) -> ox.Literal | None:
    """An xsd:date / xsd:dateTime / xsd:gYear literal of the dates netCDF files write:
    ISO 8601 (``2016-07-16T22:46:00Z``), compact (``20160926T021531Z``, ``19210101``), with
    one-digit months or days (``2013-10-1``), a space before the time or ``UTC``; else None.

    >>> [flexible_date(v).value for v in ("2013-10-1", "19210101", "20160926T021531Z")]
    ['2013-10-01', '1921-01-01', '2016-09-26T02:15:31Z']
    """
    value = value.strip()
    match = _COMPACT.match(value)
    if match:
        y, mo, d, h, mi, s, z = match.groups()
        parts = (y, mo, d, h, mi, s or "00", "Z" if z else "")
    else:
        match = _LOOSE.match(value)
        if not match:
            return (
                ox.Literal(value, datatype=ox.NamedNode(XSD + "gYear"))
                if re.fullmatch(r"\d{4}", value)
                else None
            )
        y, mo, d, h, mi, s, z = match.groups()
        zone = "" if not z else "Z" if z in ("Z", "UTC") else z[:3] + ":" + z[-2:]
        parts = (y, mo.zfill(2), d.zfill(2), h and h.zfill(2), mi, s or "00", zone)
    y, mo, d, h, mi, s, zone = parts
    try:
        date(int(y), int(mo), int(d))
        if h is not None:
            datetime(int(y), int(mo), int(d), int(h), int(mi), int(s))
    except ValueError:
        return None
    if h is None:
        return ox.Literal(f"{y}-{mo}-{d}", datatype=ox.NamedNode(XSD + "date"))
    return ox.Literal(f"{y}-{mo}-{d}T{h}:{mi}:{s}{zone}", datatype=ox.NamedNode(XSD + "dateTime"))


_DURATION = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


def _end_from_duration(start: ox.Literal, duration: str) -> ox.Literal | None:
    """start + an ISO 8601 duration in days, hours, minutes, seconds (years and months,
    whose length varies, are not guessed)."""
    match = _DURATION.match(duration.strip())
    if not match or not any(match.groups()) or not start.datatype.value.endswith("dateTime"):
        return None
    d, h, mi, s = (float(g) if g else 0.0 for g in match.groups())
    zone = "Z" if start.value.endswith("Z") else ""
    try:
        begin = datetime.fromisoformat(start.value.rstrip("Z")[:19])
        end = begin + timedelta(days=d, hours=h, minutes=mi, seconds=s)
    except (ValueError, OverflowError):
        return None
    return ox.Literal(end.isoformat(timespec="seconds") + zone, datatype=start.datatype)


# ---------------------------------------------------------------- triples


def _kind(party: Party) -> str:
    """Person or Organization as declared (``creator_type``); "" (a foaf:Agent only) when
    nothing says (names are not guessed: "Australian Bureau of Meteorology" with institution
    "ABOM" is no person)."""
    if party.kind == "person":
        return "Person"
    return "Organization" if party.kind == "organization" else ""


def _agent(out: Triples, party: Party, lang: str):
    agent = ox.BlankNode()
    kind = _kind(party)
    if kind:
        out.add(agent, A, ox.NamedNode(FOAF + kind))
    out.add(agent, A, ox.NamedNode(FOAF + "Agent"))
    out.add(agent, FOAF + "name", text(party.name or party.email))
    if re.fullmatch(r"[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+", party.email):
        out.add(agent, FOAF + "mbox", ox.NamedNode("mailto:" + party.email))
    if is_url(party.url):
        out.add(agent, FOAF + "homepage", ox.NamedNode(party.url.strip()))
    if party.institution and party.institution != party.name:
        org = ox.BlankNode()
        out.add(org, A, ox.NamedNode(FOAF + "Organization"))
        out.add(org, FOAF + "name", text(party.institution))
        out.add(agent, SDO + "affiliation", org)
    return agent


def _contact(out: Triples, party: Party):
    card = ox.BlankNode()
    kind = {"Person": "Individual", "Organization": "Organization"}.get(_kind(party), "Kind")
    out.add(card, A, ox.NamedNode(VCARD + kind))
    out.add(card, VCARD + "fn", text(party.name or party.email))
    if re.fullmatch(r"[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+", party.email):
        out.add(card, VCARD + "hasEmail", ox.NamedNode("mailto:" + party.email))
    if is_url(party.url):
        out.add(card, VCARD + "hasURL", ox.NamedNode(party.url.strip()))
    return card


def dataset_iri(found: Discovery, base_iri: str, fallback: str) -> tuple[ox.NamedNode, str]:
    """The dataset IRI and its identifier text (``authority:id``, a DOI, or ``fallback``)."""
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
        out.add(iri, A, ox.NamedNode(DCT + "LicenseDocument"))
        return iri
    node = ox.BlankNode()
    out.add(node, A, ox.NamedNode(DCT + "LicenseDocument"))
    out.add(node, RDFS + "label", text(value, lang))
    return node


def add_discovery(out: Triples, subject: ox.NamedNode, found: Discovery, key: str) -> str:
    """The triples of the dataset ``subject`` described by ``found``; ``key`` is its
    identifier text (see :func:`dataset_iri`). Returns the language of its texts."""
    lang = found.lang()
    out.add(subject, A, ox.NamedNode(DCAT + "Dataset"))
    out.add(subject, DCT + "title", text(found.title, lang))
    for summary in dict.fromkeys(found.summaries):
        out.add(subject, DCT + "description", text(summary, lang))
    for kw in dict.fromkeys(found.keywords):
        out.add(subject, DCAT + "keyword", text(kw, lang))
    for name in found.standard_names:
        out.add(subject, SDO + "variableMeasured", ox.NamedNode(f"{CF_TERMS}{name}/"))
        words = name.replace("_", " ")
        if words not in found.keywords:
            out.add(subject, DCAT + "keyword", text(words, "en"))
    doi = normalise_doi(key) if key else None
    if key:
        out.add(subject, DCT + "identifier", ox.Literal(key))
    if doi and doi_iri(doi):
        out.add(subject, DCAT + "landingPage", ox.NamedNode(doi_iri(doi)))
        out.add(subject, SDO + "identifier", ox.NamedNode(doi_iri(doi)))
    elif found.identifier and found.authority:
        node = ox.BlankNode()
        out.add(node, A, ox.NamedNode("http://www.w3.org/ns/adms#Identifier"))
        out.add(node, "http://www.w3.org/2004/02/skos/core#notation", ox.Literal(found.identifier))
        out.add(node, DCT + "creator", ox.Literal(found.authority))
        out.add(subject, "http://www.w3.org/ns/adms#identifier", node)
    for party in found.creators:
        out.add(subject, DCT + "creator", _agent(out, party, lang))
    for party in found.publishers:
        out.add(subject, DCT + "publisher", _agent(out, party, lang))
    for party in found.contributors:
        agent = _agent(out, party, lang)
        out.add(subject, DCT + "contributor", agent)
        role = _ROLES.get(re.sub(r"[^a-z]", "", party.role.lower()))
        if role:
            attribution = ox.BlankNode()
            out.add(attribution, A, ox.NamedNode(PROV + "Attribution"))
            out.add(attribution, PROV + "agent", agent)
            out.add(attribution, DCAT + "hadRole", ox.NamedNode(INSPIRE_ROLE + role))
            out.add(subject, PROV + "qualifiedAttribution", attribution)
    reachable = [p for p in (*found.creators, *found.publishers) if p.email or p.url]
    if reachable:
        out.add(subject, DCAT + "contactPoint", _contact(out, reachable[0]))
    if found.bbox is not None:
        location = ox.BlankNode()
        out.add(subject, DCT + "spatial", location)
        out.add(location, A, ox.NamedNode(DCT + "Location"))
        out.add(location, DCAT + "bbox", ox.Literal(bbox_wkt(*found.bbox), datatype=WKT))
    if found.vertical is not None:
        low, high = (ox.Literal(_decimal(v), datatype=_DECIMAL) for v in found.vertical)
        out.add(subject, GAIA + "minimumAltitude", low)
        out.add(subject, GAIA + "maximumAltitude", high)
    start = flexible_date(found.start) if found.start else None
    end = flexible_date(found.end) if found.end and found.end.lower() != "present" else None
    if start is not None and end is None and found.duration:
        end = _end_from_duration(start, found.duration)
    if start is not None or end is not None:
        period = ox.BlankNode()
        out.add(subject, DCT + "temporal", period)
        out.add(period, A, ox.NamedNode(DCT + "PeriodOfTime"))
        out.add(period, DCAT + "startDate", start)
        out.add(period, DCAT + "endDate", end)
    for licence in dict.fromkeys(found.licences):
        out.add(subject, DCT + "license", licence_term(out, licence, lang))
    for kind, value in found.dates.items():
        out.add(subject, DCT + kind, flexible_date(value))
    if found.data_type:
        out.add(subject, DCT + "type", ox.Literal(found.data_type))
    for project in dict.fromkeys(found.projects):
        activity = ox.BlankNode()
        out.add(activity, A, ox.NamedNode(PROV + "Activity"))
        out.add(activity, RDFS + "label", text(project, lang))
        out.add(subject, PROV + "wasGeneratedBy", activity)
    for reference in dict.fromkeys(found.references):
        if is_url(reference):
            out.add(subject, DCT + "isReferencedBy", ox.NamedNode(reference.strip()))
            continue
        work = ox.BlankNode()
        out.add(work, A, ox.NamedNode(DCT + "BibliographicResource"))
        out.add(work, DCT + "bibliographicCitation", text(reference, lang))
        out.add(subject, DCT + "isReferencedBy", work)
    for lineage in dict.fromkeys(found.lineage):
        statement = ox.BlankNode()
        out.add(statement, A, ox.NamedNode(DCT + "ProvenanceStatement"))
        out.add(statement, RDFS + "label", text(lineage, lang))
        out.add(subject, DCT + "provenance", statement)
    for url, title in dict.fromkeys(found.pages):
        page = ox.NamedNode(url.strip())
        out.add(subject, FOAF + "page", page)
        out.add(page, A, ox.NamedNode(FOAF + "Document"))
        if title:
            out.add(page, DCT + "title", text(title, lang))
    return lang


def _decimal(value: float) -> str:
    out = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if out in ("-0", "") else out
