"""DataCite links, identifiers, funding, places and the distribution, as DCAT-AP triples."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from ..namespaces import ADMS, CITO, DCAT, DCAT3, DCT, FOAF, GAIA, LOCN, PROV, SDO, SKOS
from ..terms import RDF_TYPE
from . import build
from . import datacite_terms as terms
from .datacite_base import GEO_WKT, Mapper, get, items, n, text

__all__ = ["RELATIONS", "links", "identifiers", "funding", "geolocations", "distribution"]

RELATIONS: dict[str, tuple[str, ...]] = {
    "IsCitedBy": (DCT.isReferencedBy,),
    "IsReferencedBy": (DCT.isReferencedBy,),
    "IsSupplementTo": (DCT.isReferencedBy,),
    "IsDocumentedBy": (DCT.isReferencedBy,),
    "IsDescribedBy": (DCT.isReferencedBy,),
    "IsReviewedBy": (DCT.isReferencedBy,),
    "Cites": (DCT.references,),
    "References": (DCT.references,),
    "IsSupplementedBy": (DCT.references,),
    "Documents": (DCT.references,),
    "Describes": (DCT.references,),
    "Reviews": (DCT.references,),
    "IsPartOf": (DCT.isPartOf,),
    "HasPart": (DCT.hasPart,),
    "IsPublishedIn": (DCT.isPartOf,),
    "IsDerivedFrom": (DCT.source, PROV.wasDerivedFrom),
    "IsNewVersionOf": (DCAT3.previousVersion, DCT.isVersionOf),
    "IsVersionOf": (DCT.isVersionOf,),
    "HasVersion": (DCT.hasVersion,),
    "Obsoletes": (DCT.replaces,),
    "IsObsoletedBy": (DCT.isReplacedBy,),
    "Requires": (DCT.requires,),
    "IsRequiredBy": (DCT.isRequiredBy,),
}
#: relations from a publication to a dataset that mean "uses as data source"
_CITES_DATA = {"Cites", "References", "IsSupplementedBy", "IsDerivedFrom"}
#: relations from software to a dataset that mean "used with"
_USED_WITH = {"IsSupplementTo", "References", "Cites", "Requires", "Compiles"}
_DATASET_TYPES = {"Dataset", "Collection"}


def _related_items(record: dict) -> list[dict]:
    """The JSON ``relatedItems`` (kernel 4.4) that carry an identifier, as related identifiers
    (the XML reader does the same for ``<relatedItem>``)."""
    out = []
    for item in items(record.get("relatedItems")):
        ident = item.get("relatedItemIdentifier") if isinstance(item, dict) else None
        if isinstance(ident, dict) and get(ident, "relatedItemIdentifier"):
            out.append({
                "relatedIdentifier": get(ident, "relatedItemIdentifier"),
                "relatedIdentifierType": get(ident, "relatedItemIdentifierType"),
                "relationType": get(item, "relationType"),
                "resourceTypeGeneral": get(item, "relatedItemType"),
            })  # fmt: skip
    return out


def links(m: Mapper, res, record: dict, kind: str) -> None:
    for r in items(record.get("relatedIdentifiers")) + _related_items(record):
        if not isinstance(r, dict):
            continue
        relation = get(r, "relationType")
        target = terms.related_iri(get(r, "relatedIdentifierType"), get(r, "relatedIdentifier"))
        if not target or not relation:
            continue
        predicates = list(RELATIONS.get(relation, (DCT.relation,)))
        target_type = get(r, "resourceTypeGeneral")
        if kind == "publication" and relation in _CITES_DATA and target_type in _DATASET_TYPES:
            predicates.append(CITO.citesAsDataSource)
        if kind == "software" and relation in _USED_WITH and target_type in _DATASET_TYPES:
            predicates.append(GAIA.usedWithDataset)
        for predicate in predicates:
            m.add(res, predicate, n(target))


def identifiers(m: Mapper, res, record: dict, own_doi: str | None = None) -> None:
    """Each identifier but the record's own DOI as an ``adms:Identifier`` (another DOI, e.g.
    of the article a dataset is also published as, is kept)."""
    own = (own_doi or "").lower()
    for i in items(record.get("identifiers")) + items(record.get("alternateIdentifiers")):
        if not isinstance(i, dict):
            continue
        kind = get(i, "identifierType", "alternateIdentifierType")
        value = get(i, "identifier", "alternateIdentifier")
        if not value or (kind.upper() == "DOI" and (terms.normalise_doi(value) or "").lower()
                         in (own, "")):  # fmt: skip
            continue
        ident = m.node(cls=ADMS.Identifier)
        m.add(ident, SKOS.notation, ox.Literal(value))
        if kind:
            m.add(ident, ADMS.schemaAgency, ox.Literal(kind))
        m.add(res, ADMS.identifier, ident)


def funding(m: Mapper, res, record: dict) -> None:
    for f in items(record.get("fundingReferences")):
        if not isinstance(f, dict) or not get(f, "funderName"):
            continue
        ident = get(f, "funderIdentifier")
        iri = terms.doi_iri(ident) or terms.ror_iri(ident) if ident else None
        funder = n(iri) if iri else ox.BlankNode()
        m.add(funder, RDF_TYPE.value, n(FOAF.Organization))
        m.add(funder, FOAF.name, ox.Literal(get(f, "funderName")))
        m.add(res, SDO.funder, funder)
        if get(f, "awardNumber") or get(f, "awardTitle"):
            grant = m.node(cls=SDO.Grant)
            for key, prop in (("awardNumber", SDO.identifier), ("awardTitle", SDO.name)):
                if get(f, key):
                    m.add(grant, prop, ox.Literal(get(f, key)))
            award_uri = terms.iri_or_none(get(f, "awardUri", "awardURI"))
            if award_uri:
                m.add(grant, SDO.url, n(award_uri))
            m.add(grant, SDO.funder, funder)
            m.add(res, SDO.funding, grant)


def _point(p: object) -> tuple[str, str] | None:
    if not isinstance(p, dict):
        return None
    lon, lat = terms.wkt_number(p.get("pointLongitude")), terms.wkt_number(p.get("pointLatitude"))
    return (lon, lat) if lon is not None and lat is not None else None


def _ring(points: Iterable[tuple[str, str]]) -> str:
    ring = list(points)
    if ring[0] != ring[-1]:
        ring.append(ring[0])
    return "POLYGON((" + ", ".join(f"{lon} {lat}" for lon, lat in ring) + "))"


def _box(west: str, south: str, east: str, north: str) -> str:
    """A closed five-point ring, even for a point (all corners equal)."""
    corners = [(west, south), (east, south), (east, north), (west, north), (west, south)]
    return "POLYGON((" + ", ".join(f"{lon} {lat}" for lon, lat in corners) + "))"


def _polygon(entry: object) -> list[tuple[str, str]]:
    points = entry if isinstance(entry, list) else items((entry or {}).get("polygonPoints"))
    out = [
        _point(p.get("polygonPoint", p))
        for p in points
        if isinstance(p, dict) and "inPolygonPoint" not in p
    ]
    return [p for p in out if p]


def _expand(geo_locations: object) -> list[dict]:
    """GeoLocations with one polygon each (JSON may hold a list of polygons in one)."""
    out = []
    for g in items(geo_locations):
        if not isinstance(g, dict):
            continue
        poly = g.get("geoLocationPolygon")
        if isinstance(poly, list) and poly and all(isinstance(p, list) for p in poly):
            out += [{**g, "geoLocationPolygon": poly[0]}]
            out += [{"geoLocationPolygon": p} for p in poly[1:]]
        else:
            out.append(g)
    return out


def _shapes(g: dict) -> list[tuple[str, str]]:
    """(property, WKT) of one geoLocation: polygon geometry, centroid, and one bbox (the box
    given, else the polygon's envelope, else the point)."""
    box = g.get("geoLocationBox") if isinstance(g.get("geoLocationBox"), dict) else {}
    keys = ("westBoundLongitude", "southBoundLatitude", "eastBoundLongitude", "northBoundLatitude")
    sides = [terms.wkt_number(box.get(k)) for k in keys]
    bbox = _box(*sides) if box and all(s is not None for s in sides) else None
    out = []
    polygon = _polygon(g.get("geoLocationPolygon"))
    if len(polygon) >= 3:
        out.append((LOCN.geometry, _ring(polygon)))
        lons, lats = [p[0] for p in polygon], [p[1] for p in polygon]
        bbox = bbox or _box(
            min(lons, key=float), min(lats, key=float), max(lons, key=float), max(lats, key=float)
        )
    point = _point(g.get("geoLocationPoint"))
    if point:
        out.append((DCAT.centroid, f"POINT({point[0]} {point[1]})"))
        bbox = bbox or _box(point[0], point[1], point[0], point[1])
    return out + ([(DCAT.bbox, bbox)] if bbox else [])


def geolocations(m: Mapper, res, record: dict) -> None:
    """One dct:Location per geoLocation: its WKT shapes and its place name."""
    for g in _expand(record.get("geoLocations")):
        shapes, place = _shapes(g), get(g, "geoLocationPlace")
        if not shapes and not place:
            continue
        location = m.node(cls=DCT.Location)
        for prop, wkt in shapes:
            m.add(location, prop, ox.Literal(wkt, datatype=GEO_WKT))
        if place:
            m.add(location, SKOS.prefLabel, ox.Literal(place))
        m.add(res, DCT.spatial, location)


def distribution(
    m: Mapper, res, record: dict, doi_node: ox.NamedNode | None, *, dataset: bool = True
) -> None:
    """The DOI (else the record's URL, else its first file) as the access URL of one
    distribution, with the record's file URLs (REST API ``contentUrl``), formats and sizes (a
    size in bytes is also ``dcat:byteSize``). A record with no address at all keeps its formats
    and sizes on the dataset itself (a distribution needs an access URL), as do publications and
    software (``dataset`` false), which have no distribution."""
    files = [
        n(url.strip())
        for url in items(record.get("contentUrl"))  # REST API: direct links to the files
        if isinstance(url, str) and terms.iri_or_none(url) and build.is_url(url)
    ]
    page = terms.iri_or_none(get(record, "url"))
    access = (
        doi_node or (n(page) if page and build.is_url(page) else None) or next(iter(files), None)
    )
    if access is None or not dataset:
        dist, files = res, []
    else:
        dist = m.node(cls=DCAT.Distribution)
        m.add(dist, DCAT.accessURL, access)
        m.add(res, DCAT.distribution, dist)
    for url in files:
        m.add(dist, DCAT.downloadURL, url)
    for fmt in items(record.get("formats")):
        label = text(fmt)
        media = terms.media_type_iri(label) if label and dist is not res else None
        if media:
            m.add(dist, DCAT.mediaType, n(media))
        elif label:
            m.add(dist, DCT.format, ox.Literal(label))
    sizes = [text(size) for size in items(record.get("sizes")) if text(size)]
    for size in sizes:
        m.add(dist, DCT.extent, ox.Literal(size))
    byte_sizes = [b for b in (build.byte_size(size) for size in sizes) if b is not None]
    if len(byte_sizes) == 1 and dist is not res:  # several sizes may be several files
        m.add(dist, DCAT.byteSize, byte_sizes[0])
