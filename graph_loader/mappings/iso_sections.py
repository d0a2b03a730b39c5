"""Sections of an ISO record mapped to GeoDCAT-AP: keywords, extents, quality, resolution, CRS.

Part of :mod:`graph_loader.mappings.iso_record`; each function adds the statements of one
section of the record about ``subject``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from xml.etree.ElementTree import Element

import pyoxigraph as ox

from ..iri import resource_iri
from ..namespaces import DCAT, DCATAP, DCT, DQV, GAIA, GEODCAT, GSP, INSPIRE, PROV, RDFS, SKOS
from .iso_common import (
    XLINK_HREF,
    Triples,
    code_of,
    date_literal,
    decimal_text,
    descendants,
    doi_of,
    either,
    find,
    first,
    href_of,
    http_iri,
    kids,
    local,
    text_of,
    typed_literal,
)
from .iso_parts import Texts

__all__ = [
    "add_keywords",
    "add_extents",
    "add_vertical_extent",
    "is_depth_crs",
    "add_quality",
    "add_resolution",
    "add_reference_systems",
    "add_associations",
]

HVD_LEGISLATION = "http://data.europa.eu/eli/reg_impl/2023/138/oj"


def add_keywords(out: Triples, subject, ident, texts: Texts) -> None:
    """Keywords as ``dcat:keyword``; a keyword with an IRI is also a theme (or HVD category,
    legislation, service category); each keyword of a thesaurus is a concept (``dct:subject``,
    ``skos:exactMatch`` its IRI if any) ``skos:inScheme`` the thesaurus (a blank node titled
    with its name, identified by its link if any)."""
    for block in find(ident, "descriptiveKeywords", "MD_Keywords"):
        thesaurus = first(block, "thesaurusName", "CI_Citation", "title")
        scheme_titles = texts.of(thesaurus)
        scheme = None
        if scheme_titles and any(texts.of(k) for k in find(block, "keyword")):
            scheme = ox.BlankNode()
            out.texts(scheme, DCT["title"], scheme_titles)
            out.add(scheme, DCT.identifier, http_iri(href_of(thesaurus)))
        for keyword in find(block, "keyword"):
            values = texts.of(keyword)
            out.texts(subject, DCAT.keyword, values)
            href = href_of(keyword)
            iri = http_iri(href) if href else None
            if iri is not None:
                if href.startswith("http://data.europa.eu/bna/"):
                    out.add(subject, DCATAP.hvdCategory, iri)
                    out.add(subject, DCATAP.applicableLegislation, ox.NamedNode(HVD_LEGISLATION))
                    out.add(subject, DCAT.theme, iri)
                elif href.startswith("http://data.europa.eu/eli/"):
                    out.add(subject, DCATAP.applicableLegislation, iri)
                elif "SpatialDataServiceCategory" in href:
                    out.add(subject, GEODCAT.serviceCategory, iri)
                else:
                    out.add(subject, DCAT.theme, iri)
            if scheme is not None and values:
                # the record's own concept (a shared IRI is never described by a record: its
                # description would travel with every record citing it), matching the IRI
                concept = ox.BlankNode()
                out.add(subject, DCT.subject, concept)
                out.texts(concept, SKOS.prefLabel, values)
                out.add(concept, SKOS.inScheme, scheme)
                out.add(concept, SKOS.exactMatch, iri)


def add_extents(out: Triples, subject, ident) -> None:
    for box in descendants(ident, "EX_GeographicBoundingBox"):
        west, east, south, north = (
            decimal_text(text_of(first(box, side)))
            for side in (
                "westBoundLongitude",
                "eastBoundLongitude",
                "southBoundLatitude",
                "northBoundLatitude",
            )
        )
        if None in (west, east, south, north):
            continue
        ring = [(west, north), (east, north), (east, south), (west, south), (west, north)]
        location = out.node(DCT.Location)
        out.add(subject, DCT.spatial, location)
        wkt = "POLYGON((" + ",".join(f"{x} {y}" for x, y in ring) + "))"
        out.add(location, DCAT.bbox, ox.Literal(wkt, datatype=ox.NamedNode(GSP.wktLiteral)))
    for extent in descendants(ident, "EX_TemporalExtent"):
        start = end = None
        for period in descendants(extent, "TimePeriod"):
            start = _position(
                either(
                    first(period, "beginPosition"),
                    first(period, "begin", "TimeInstant", "timePosition"),
                )
            )
            end = _position(
                either(
                    first(period, "endPosition"),
                    first(period, "end", "TimeInstant", "timePosition"),
                ),
                end=True,
            )
        for instant in (
            e for e in extent.iter() if local(e.tag) == "TimeInstant" and start is None
        ):
            start = end = _position(first(instant, "timePosition"))
        if start is None and end is None:
            continue
        period_node = out.node(DCT.PeriodOfTime)
        out.add(subject, DCT.temporal, period_node)
        out.add(period_node, DCAT.startDate, start)
        out.add(period_node, DCAT.endDate, end)
    add_vertical_extent(out, subject, ident)


def add_vertical_extent(out: Triples, subject, ident) -> None:
    """The vertical extents: ``gaia:minimumAltitude`` / ``gaia:maximumAltitude`` (metres, up;
    the lowest minimum and highest maximum of all), and each extent as it is written, in a
    bilingual ``rdfs:comment`` shown on the resource page.

    Values are heights unless the vertical CRS is a depth one (see :func:`is_depth_crs`): then
    they are negated and swapped (a depth of 10 to 200 m is an altitude of -200 to -10 m).
    """
    lows: list[Decimal] = []
    highs: list[Decimal] = []
    for vertical in descendants(ident, "EX_VerticalExtent"):
        low, high = (
            decimal_text(text_of(first(vertical, b))) for b in ("minimumValue", "maximumValue")
        )
        if low is None and high is None:
            continue
        span = " .. ".join(v or "?" for v in (low, high))
        out.add(subject, RDFS.comment, ox.Literal(f"vertical extent: {span}", language="en"))
        out.add(subject, RDFS.comment, ox.Literal(f"étendue verticale : {span}", language="fr"))
        bottom, top = (Decimal(v) if v is not None else None for v in (low, high))
        if is_depth_crs(vertical):
            bottom, top = _negated(top), _negated(bottom)
        if bottom is not None:
            lows.append(bottom)
        if top is not None:
            highs.append(top)
    if lows:
        out.add(subject, GAIA.minimumAltitude, typed_literal(format(min(lows), "f"), "decimal"))
    if highs:
        out.add(subject, GAIA.maximumAltitude, typed_literal(format(max(highs), "f"), "decimal"))


def _negated(value: Decimal | None) -> Decimal | None:
    return -value if value is not None else None


#: EPSG vertical CRSs whose axis points down: MSL depth, instantaneous water level depth, LAT depth
DEPTH_EPSG_CODES = frozenset({"5715", "5831", "5866"})
_CRS_NAMES = frozenset({"name", "identifier", "code", "codeSpace"})


def is_depth_crs(vertical: Element) -> bool:
    """Whether the vertical CRS of an ``EX_VerticalExtent`` measures depths: its name,
    identifier or link says "depth", or it is one of :data:`DEPTH_EPSG_CODES`. A missing CRS
    (``nilReason``) or any other one is a height.

    >>> from xml.etree.ElementTree import fromstring
    >>> is_depth_crs(fromstring('<e><verticalCRS xmlns:x="http://www.w3.org/1999/xlink" '
    ...     'x:href="http://www.opengis.net/def/crs/EPSG/0/5715"/></e>'))
    True
    >>> is_depth_crs(fromstring("<e><verticalCRS><VerticalCRS><name>EGM2008 height</name>"
    ...     "</VerticalCRS></verticalCRS></e>"))
    False
    """
    words = []
    for crs in kids(vertical, "verticalCRS", "verticalCRSId"):
        for el in crs.iter():
            words += [v for k, v in el.attrib.items() if k == XLINK_HREF or local(k) == "codeSpace"]
            if el is crs or local(el.tag) in _CRS_NAMES:
                words.append(text_of(el))
    text = " ".join(words).lower()
    if "depth" in text:
        return True
    return "epsg" in text and not DEPTH_EPSG_CODES.isdisjoint(re.findall(r"\d+", text))


def _position(el: Element | None, *, end: bool = False) -> ox.Literal | None:
    if el is None or el.get("indeterminatePosition") in ("now", "unknown"):
        return None
    return date_literal(el.text or "", end=end)


def add_quality(out: Triples, subject, md, texts: Texts) -> None:
    for statement in find(md, "dataQualityInfo|resourceLineage", "DQ_DataQuality|LI_Lineage"):
        for el in [
            *find(statement, "lineage", "LI_Lineage", "statement"),
            *find(statement, "statement"),
        ]:
            values = texts.of(el)
            if values:
                prov = out.node(DCT.ProvenanceStatement)
                out.add(subject, DCT.provenance, prov)
                out.texts(prov, DCT.description, values)
                out.texts(prov, RDFS.label, values)
    for result in descendants(md, "DQ_ConformanceResult"):
        spec = first(result, "specification", "CI_Citation")
        if spec is None:
            continue
        passed = text_of(first(result, "pass")).lower()
        degree = {"true": "conformant", "false": "notConformant"}.get(passed, "notEvaluated")
        if degree == "conformant":
            out.add(subject, DCT.conformsTo, _standard(out, spec, texts))
        activity = out.node(PROV.Activity)
        out.add(subject, PROV.wasUsedBy, activity)
        out.add(activity, PROV.used, subject)
        generated = out.node(PROV.Entity)
        out.add(activity, PROV.generated, generated)
        out.texts(generated, DCT.description, texts.of(first(result, "explanation")))
        out.add(generated, DCT.type, ox.NamedNode(INSPIRE["DegreeOfConformity/"] + degree))
        association = out.node(PROV.Association)
        out.add(activity, PROV.qualifiedAssociation, association)
        plan = out.node(PROV.Plan)
        out.add(association, PROV.hadPlan, plan)
        out.add(plan, PROV.wasDerivedFrom, _standard(out, spec, texts))


def _standard(out: Triples, spec: Element, texts: Texts):
    """The specification of a conformance result: its IRI, or a new blank node describing it."""
    title = first(spec, "title")
    standard = http_iri(href_of(title))
    if standard is None:
        standard = ox.BlankNode()
        out.texts(standard, DCT["title"], texts.of(title))
        for ci_date in find(spec, "date", "CI_Date"):
            out.add(standard, DCT.issued, date_literal(text_of(first(ci_date, "date"))))
    out.node(DCT.Standard, PROV.Entity, subject=standard)
    return standard


def add_resolution(out: Triples, subject, ident) -> None:
    for denominator in find(
        ident,
        "spatialResolution",
        "MD_Resolution",
        "equivalentScale",
        "MD_RepresentativeFraction",
        "denominator",
    ):
        value = decimal_text(text_of(denominator))
        if value is None or Decimal(value) == 0:
            continue
        scale = format((Decimal(1) / Decimal(value)).normalize(), "f")
        _measurement(out, subject, "spatialResolutionAsScale", scale)
    for distance in find(ident, "spatialResolution", "MD_Resolution", "distance"):
        value = decimal_text(text_of(distance))
        if value is not None:
            _measurement(out, subject, "spatialResolutionAsDistance", value)


def _measurement(out: Triples, subject, metric: str, value: str) -> None:
    measurement = out.node(DQV.QualityMeasurement)
    out.add(subject, DQV.hasQualityMeasurement, measurement)
    out.add(
        measurement,
        DQV.isMeasurementOf,
        out.node(DQV.Metric, subject=ox.NamedNode(GEODCAT + metric)),
    )
    out.add(measurement, DQV.value, typed_literal(value, "decimal"))


def add_reference_systems(out: Triples, subject, md) -> None:
    for code in find(
        md,
        "referenceSystemInfo",
        "MD_ReferenceSystem",
        "referenceSystemIdentifier",
        "RS_Identifier|MD_Identifier",
        "code",
    ):
        value = href_of(code) or text_of(code)
        number = value.rsplit(":", 1)[-1].rsplit("/", 1)[-1]
        named = re.search(r"(?i)EPSG\W{0,3}(\d{4,5})\b", value)  # "… [EPSG: 6339]"
        if not value.startswith("http") and "EPSG" in value.upper() and number.isdigit():
            value = "http://www.opengis.net/def/crs/EPSG/0/" + number
        elif not value.startswith("http") and named:
            value = "http://www.opengis.net/def/crs/EPSG/0/" + named.group(1)
        crs = http_iri(value)
        if crs is not None:
            out.add(subject, GEODCAT.referenceSystem, crs)
            out.node(DCT.Standard, subject=crs)
            out.add(
                crs,
                DCT.type,
                ox.NamedNode("http://inspire.ec.europa.eu/glossary/SpatialReferenceSystem"),
            )


#: DS_AssociationTypeCode -> property from the resource to the associated one
_ASSOCIATIONS = {
    "largerWorkCitation": DCT.isPartOf,
    "partOfSeamlessDatabase": DCT.isPartOf,
    "isComposedOf": DCT.hasPart,
    "source": DCT.source,
    "revisionOf": DCT.isVersionOf,
}


def add_associations(out: Triples, subject, ident, base_iri: str) -> None:
    """Aggregates and associated resources (parent, parts, sources, cross references)."""
    blocks = [
        *find(ident, "aggregationInfo", "MD_AggregateInformation"),
        *find(ident, "associatedResource", "MD_AssociatedResource"),
    ]
    for block in blocks:
        prop = _ASSOCIATIONS.get(code_of(first(block, "associationType")), DCT.relation)
        codes = [
            *find(block, "aggregateDataSetIdentifier", "MD_Identifier|RS_Identifier", "code"),
            *find(
                block,
                "aggregateDataSetName|name",
                "CI_Citation",
                "identifier",
                "MD_Identifier",
                "code",
            ),
            *find(block, "metadataReference", "CI_Citation", "identifier", "MD_Identifier", "code"),
        ]
        keys = [href_of(c) or text_of(c) for c in codes]
        keys += [e.get("uuidref", "") for e in find(block, "metadataReference")]
        key = next((k.strip() for k in keys if k and k.strip()), "")
        if not key:
            continue  # a citation without identifier points to nothing: no IRI is minted
        doi = doi_of(key)
        if doi:  # the IRI the DataCite and ISO converters give a DOI's dataset
            target = ox.NamedNode(resource_iri("dataset", doi.lower(), base_iri))
        elif key.lower().startswith(("http://", "https://")):
            target = http_iri(key[:4].lower() + key[4:])
        else:
            target = ox.NamedNode(resource_iri("dataset", key, base_iri))
        out.add(subject, prop, target)
