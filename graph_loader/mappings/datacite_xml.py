"""DataCite XML (kernel 4.x, kernel 3 read alike) → DCAT-AP 3, through the JSON shape.

The XML is read into the dict of the DataCite REST API ``attributes`` and handed to
:func:`graph_loader.mappings.datacite_common.convert_record`; ``relatedItems`` that carry an
identifier become related identifiers.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pyoxigraph as ox

from ..errors import InputError
from .datacite_common import convert_record
from .xmlsafe import parse_xml

__all__ = ["sniff", "convert", "to_record"]

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NAMESPACE = re.compile(r"^https?://datacite\.org/schema/kernel-[234](\.\d+)?/?$")
_ROOT = re.compile(
    rb"<(?:[\w.-]+:)?resource\b[^>]*?\bxmlns(?::[\w.-]+)?\s*=\s*"
    rb"[\"']https?://datacite\.org/schema/kernel-[234](?:\.\d+)?/?[\"']"
)


#: XML declaration, comments and a DOCTYPE (its entities are refused later, with a clear message)
_PROLOG = re.compile(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", re.DOTALL)


def sniff(data: bytes) -> bool:
    """Is ``data`` a DataCite XML record (root ``resource`` in a DataCite kernel namespace)?"""
    head = data[:8192]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with its byte order mark
        head = head.decode("utf-16", "ignore").encode()
    elif head[:2] == b"<\x00":  # UTF-16 without a byte order mark
        head = head.decode("utf-16-le", "ignore").encode()
    elif head[:2] == b"\x00<":
        head = head.decode("utf-16-be", "ignore").encode()
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return False
    head = _PROLOG.sub(b"", head).lstrip()
    return bool(_ROOT.match(head))


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """The DCAT-AP triples of one DataCite XML record; :class:`InputError` if it is unusable."""
    return convert_record(to_record(data), base_iri=base_iri)


def to_record(data: bytes) -> dict:
    """The DataCite XML record ``data`` as a DataCite JSON (REST ``attributes``) dict."""
    if not data.strip():
        raise InputError("empty DataCite XML record")
    try:
        root = parse_xml(data, name="DataCite record")
    except (LookupError, ValueError) as exc:  # unknown declared encoding, bad bytes
        raise InputError(f"DataCite record: unreadable XML: {exc}") from exc
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if not _NAMESPACE.match(ns) or root.tag.split("}")[-1] != "resource":
        raise InputError(f"not a DataCite record: root element is {root.tag}")
    return _Reader(ns).record(root)


class _Reader:
    """Element → dict, in one DataCite namespace."""

    def __init__(self, ns: str):
        self.ns = ns

    def q(self, path: str) -> str:
        return "/".join(f"{{{self.ns}}}{part}" for part in path.split("/"))

    def all(self, el: ElementTree.Element, path: str) -> list[ElementTree.Element]:
        return el.findall(self.q(path))

    def text(self, el: ElementTree.Element | None, path: str = "") -> str:
        node = el.find(self.q(path)) if path and el is not None else el
        return "".join(node.itertext()).strip() if node is not None else ""

    @staticmethod
    def attrs(el: ElementTree.Element, **names: str) -> dict:
        """Attributes under their JSON names (``rightsURI`` → ``rightsUri``, xml:lang → lang)."""
        out = {key: el.get(attr) for key, attr in names.items() if el.get(attr)}
        if el.get(_XML_LANG):
            out["lang"] = el.get(_XML_LANG)
        return out

    def listed(self, el: ElementTree.Element, path: str, key: str, **names: str) -> list[dict]:
        """The elements at ``path``, each as ``{key: its text, **its attributes}``."""
        return [{key: self.text(e), **self.attrs(e, **names)} for e in self.all(el, path)]

    def record(self, root: ElementTree.Element) -> dict:
        doi, primary = self.identifier(root)
        rec: dict = {"identifiers": [], "relatedIdentifiers": []}
        if doi is not None:
            rec["doi"] = doi
        rec["titles"] = self.listed(root, "titles/title", "title", titleType="titleType")
        rec["creators"] = [self.agent(c, "creatorName") for c in self.all(root, "creators/creator")]
        rec["contributors"] = [
            {**self.agent(c, "contributorName"), **self.attrs(c, contributorType="contributorType")}
            for c in self.all(root, "contributors/contributor")
        ]
        rec.update(self.publisher(root))
        rec["publicationYear"] = self.text(root, "publicationYear")
        rtype = root.find(self.q("resourceType"))
        if rtype is not None:
            rec["types"] = {
                "resourceType": self.text(rtype),
                **self.attrs(rtype, resourceTypeGeneral="resourceTypeGeneral"),
            }
        rec["subjects"] = self.subjects(root)
        dates = {"dateType": "dateType", "dateInformation": "dateInformation"}
        rec["dates"] = self.listed(root, "dates/date", "date", **dates)
        rec["language"] = self.text(root, "language")
        rec["identifiers"] = primary + self.listed(
            root,
            "alternateIdentifiers/alternateIdentifier",
            "identifier",
            identifierType="alternateIdentifierType",
        )
        rec["relatedIdentifiers"] = self.related_identifiers(root) + self.related_items(root)
        rec["sizes"] = [self.text(s) for s in self.all(root, "sizes/size")]
        rec["formats"] = [self.text(f) for f in self.all(root, "formats/format")]
        rec["version"] = self.text(root, "version")
        rec["rightsList"] = self.rights(root)
        rec["descriptions"] = [
            {"description": self.description(d), **self.attrs(d, descriptionType="descriptionType")}
            for d in self.all(root, "descriptions/description")
        ]
        rec["geoLocations"] = [
            g for el in self.all(root, "geoLocations/geoLocation") for g in self.geolocation(el)
        ]
        rec["fundingReferences"] = [
            self.funding(f) for f in self.all(root, "fundingReferences/fundingReference")
        ]
        return rec

    def identifier(self, root: ElementTree.Element) -> tuple[str | None, list[dict]]:
        """The DOI of the record, or its identifier of another kind (ARK, Handle, URL...),
        which then comes first among its identifiers."""
        ident = root.find(self.q("identifier"))
        if ident is not None and (ident.get("identifierType") or "").upper() == "DOI":
            return self.text(ident), []
        if ident is not None and self.text(ident):
            kind = ident.get("identifierType", "")
            return None, [{"identifier": self.text(ident), "identifierType": kind}]
        return None, []

    def publisher(self, root: ElementTree.Element) -> dict:
        """``{"publisher": {...}}``, or nothing when the record names none."""
        publisher = root.find(self.q("publisher"))
        if publisher is None:
            return {}
        names = {
            "publisherIdentifier": "publisherIdentifier",
            "publisherIdentifierScheme": "publisherIdentifierScheme",
        }
        return {"publisher": {"name": self.text(publisher), **self.attrs(publisher, **names)}}

    def subjects(self, root: ElementTree.Element) -> list[dict]:
        return self.listed(
            root,
            "subjects/subject",
            "subject",
            subjectScheme="subjectScheme",
            schemeUri="schemeURI",
            valueUri="valueURI",
            classificationCode="classificationCode",
        )

    def related_identifiers(self, root: ElementTree.Element) -> list[dict]:
        return self.listed(
            root,
            "relatedIdentifiers/relatedIdentifier",
            "relatedIdentifier",
            relatedIdentifierType="relatedIdentifierType",
            relationType="relationType",
            resourceTypeGeneral="resourceTypeGeneral",
        )

    def rights(self, root: ElementTree.Element) -> list[dict]:
        """The rights statements (kernel 2: ``rights`` outside a ``rightsList``)."""
        names = {
            "rightsUri": "rightsURI",
            "rightsIdentifier": "rightsIdentifier",
            "rightsIdentifierScheme": "rightsIdentifierScheme",
            "schemeUri": "schemeURI",
        }
        listed = self.listed(root, "rightsList/rights", "rights", **names)
        return listed + self.listed(root, "rights", "rights", **names)

    def agent(self, el: ElementTree.Element, name_tag: str) -> dict:
        name = el.find(self.q(name_tag))
        out = {
            "name": self.text(name),
            "givenName": self.text(el, "givenName"),
            "familyName": self.text(el, "familyName"),
        }
        if name is not None and name.get("nameType"):
            out["nameType"] = name.get("nameType")
        schemes = {"nameIdentifierScheme": "nameIdentifierScheme", "schemeUri": "schemeURI"}
        out["nameIdentifiers"] = self.listed(el, "nameIdentifier", "nameIdentifier", **schemes)
        affiliations = {
            "affiliationIdentifier": "affiliationIdentifier",
            "affiliationIdentifierScheme": "affiliationIdentifierScheme",
        }
        out["affiliation"] = self.listed(el, "affiliation", "name", **affiliations)
        return out

    @staticmethod
    def description(el: ElementTree.Element) -> str:
        """The text of a description, ``<br/>`` kept as ``<br>`` (a line break once mapped)."""
        parts = [el.text or ""]
        for child in el:
            inner = "<br>" if child.tag.endswith("}br") else "".join(child.itertext())
            parts += [inner, child.tail or ""]
        return "".join(parts)

    def point(self, el: ElementTree.Element) -> dict:
        if len(el) == 0 and len(self.text(el).split()) == 2:  # kernel 3: "lat lon"
            lat, lon = self.text(el).split()
            return {"pointLongitude": lon, "pointLatitude": lat}
        return {
            "pointLongitude": self.text(el, "pointLongitude"),
            "pointLatitude": self.text(el, "pointLatitude"),
        }

    def geolocation(self, el: ElementTree.Element) -> list[dict]:
        """One dict per geoLocation, plus one per polygon after the first (JSON holds one)."""
        out: dict = {"geoLocationPlace": self.text(el, "geoLocationPlace")}
        point = el.find(self.q("geoLocationPoint"))
        if point is not None:
            out["geoLocationPoint"] = self.point(point)
        box = el.find(self.q("geoLocationBox"))
        if box is not None:
            sides = (
                "westBoundLongitude",
                "eastBoundLongitude",
                "southBoundLatitude",
                "northBoundLatitude",
            )
            out["geoLocationBox"] = {side: self.text(box, side) for side in sides}
            if len(box) == 0 and len(self.text(box).split()) == 4:  # kernel 3: "S W N E"
                south, west, north, east = self.text(box).split()
                out["geoLocationBox"] = dict(zip(sides, (west, east, south, north), strict=True))
        polygons = [
            [{"polygonPoint": self.point(p)} for p in self.all(poly, "polygonPoint")]
            for poly in self.all(el, "geoLocationPolygon")
        ]
        if polygons:
            out["geoLocationPolygon"] = polygons[0]
        return [out] + [{"geoLocationPolygon": p} for p in polygons[1:]]

    def funding(self, el: ElementTree.Element) -> dict:
        out = {"funderName": self.text(el, "funderName"), "awardTitle": self.text(el, "awardTitle")}
        funder = el.find(self.q("funderIdentifier"))
        if funder is not None:
            out.update(
                funderIdentifier=self.text(funder),
                **self.attrs(funder, funderIdentifierType="funderIdentifierType"),
            )
        award = el.find(self.q("awardNumber"))
        if award is not None:
            out.update(awardNumber=self.text(award), **self.attrs(award, awardUri="awardURI"))
        return out

    def related_items(self, root: ElementTree.Element) -> list[dict]:
        """Related items (kernel 4.4) that carry an identifier, as related identifiers."""
        out = []
        for item in self.all(root, "relatedItems/relatedItem"):
            ident = item.find(self.q("relatedItemIdentifier"))
            if ident is None or not self.text(ident):
                continue
            out.append({
                "relatedIdentifier": self.text(ident),
                "relatedIdentifierType": ident.get("relatedItemIdentifierType") or "",
                "relationType": item.get("relationType") or "",
                "resourceTypeGeneral": item.get("relatedItemType") or "",
            })  # fmt: skip
        return out
