"""The discovery metadata of a THREDDS dataset node: documentation, keywords, parties,
geospatial and time coverage, CF variables, dates, and the ACDD attributes of an embedded NcML
document."""

from __future__ import annotations

from urllib.parse import urljoin
from xml.etree.ElementTree import Element

from ..acdd import (
    Discovery,
    Party,
    from_attributes,
    measured,
    normalise_box,
    vertical_extent,
)
from ..build import is_url
from ..ncml import read_attributes
from .tree import XLINK, CatalogNode, child_elements, child_text, element_text

__all__ = ["node_discovery", "party", "coverage", "fill_empty"]


def _documentation(found: Discovery, node: CatalogNode, base: str) -> None:
    for doc in node.all("documentation"):
        kind = doc.get("type", "").strip().lower()
        href = doc.get(f"{XLINK}href", "").strip()
        body = element_text(doc)
        if href:
            url = urljoin(base, href) if base else href
            if is_url(url):
                found.pages.append((url, doc.get(f"{XLINK}title", "").strip()))
        if not body:
            continue
        if kind in ("summary", "abstract"):
            found.summaries.append(body)
        elif kind == "rights":
            found.licences.append(body)
        elif kind in ("reference", "references"):
            found.references.append(body)
        elif kind in ("processing_level", "history", "source"):
            found.lineage.append(body)


def node_discovery(node: CatalogNode, base: str) -> Discovery:
    """The discovery metadata of a dataset node (its own and inherited elements, then the
    attributes of an embedded NcML document for what those leave empty)."""
    found = Discovery(title=node.el.get("name", "").strip())
    _documentation(found, node, base)
    if not found.summaries:
        found.summaries = [
            element_text(d)
            for d in node.all("documentation")
            if not d.get("type") and element_text(d)
        ][:1]
    found.keywords = list(
        dict.fromkeys(element_text(k) for k in node.all("keyword") if element_text(k))
    )
    found.creators = [party(c) for c in node.all("creator") if child_text(c, "name")]
    found.publishers = [party(p) for p in node.all("publisher") if child_text(p, "name")]
    found.contributors = [
        Party(element_text(c), role=c.get("role", ""))
        for c in node.all("contributor")
        if element_text(c)
    ]
    found.projects = list(
        dict.fromkeys(element_text(p) for p in node.all("project") if element_text(p))
    )
    coverage(found, node.first("geospatialCoverage"))
    time = node.first("timeCoverage")
    if time is not None:
        found.start = child_text(time, "start")
        found.end = child_text(time, "end")
        found.duration = child_text(time, "duration")
    for variables in node.all("variables"):
        if variables.get("vocabulary", "").upper().startswith("CF"):
            names = [
                v.get("vocabulary_name", "").strip() for v in child_elements(variables, "variable")
            ]
            found.standard_names += [n for n in names if measured(n)]
    found.standard_names = list(dict.fromkeys(found.standard_names))
    for date in node.all("date"):
        kind = date.get("type", "").strip().lower()
        if kind in ("created", "modified", "issued") and element_text(date):
            found.dates.setdefault(kind, element_text(date))
    found.data_type = node.attribute("dataType")
    found.identifier = node.el.get("ID", "").strip()
    found.authority = node.attribute("authority")
    embedded = [n for n in child_elements(node.el, "netcdf") if child_elements(n, "attribute")]
    for ncml in embedded:
        fill_empty(found, from_attributes(*read_attributes(ncml)))
    return found


def party(el: Element) -> Party:
    """A creator or publisher element as a party (name, email, url)."""
    contact = next(iter(child_elements(el, "contact")), None)
    url = contact.get("url", "").strip() if contact is not None else ""
    email = contact.get("email", "").strip() if contact is not None else ""
    return Party(child_text(el, "name"), email, url)


def coverage(found: Discovery, cover: Element | None) -> None:
    """The box and vertical extent of a ``geospatialCoverage`` element, into ``found``."""
    if cover is None:
        return
    ranges = {}
    for axis in ("northsouth", "eastwest", "updown"):
        el = next(iter(child_elements(cover, axis)), None)
        if el is None:
            continue
        try:
            start, size = float(child_text(el, "start")), float(child_text(el, "size") or 0)
        except ValueError:
            continue
        ranges[axis] = (
            min(start, start + size),
            max(start, start + size),
            child_text(el, "units"),
        )
    ns, ew = ranges.get("northsouth"), ranges.get("eastwest")
    if (
        ns
        and ew
        and ns[2].lower() in ("", "degrees_north")
        and ew[2].lower() in ("", "degrees_east")
    ):
        found.bbox = normalise_box(ew[0], ns[0], ew[1], ns[1])
    if "updown" in ranges:
        low, high, units = ranges["updown"]
        found.vertical = vertical_extent(str(low), str(high), units, cover.get("zpositive", "up"))


def fill_empty(found: Discovery, extra: Discovery) -> None:
    """Give ``found`` what ``extra`` says and it does not (empty fields only)."""
    own_identifier = bool(found.identifier)  # the catalogue's ID goes with its own authority
    for name in found.__dataclass_fields__:
        if name == "title" or (name == "authority" and own_identifier):
            continue
        if not getattr(found, name) and getattr(extra, name):
            setattr(found, name, getattr(extra, name))
