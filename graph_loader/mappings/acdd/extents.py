"""The extents of a :class:`~.model.Discovery` as triples: the WKT box, the altitudes and the
period of time (with the date reader of netCDF dates and durations)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pyoxigraph as ox

from ...namespaces import DCAT, DCT, GAIA, XSD
from ..build import WKT, A, Triples, add_period, bbox_wkt, date_literal
from .model import Discovery

__all__ = ["flexible_date", "add_extents"]

_DECIMAL = ox.NamedNode(XSD.decimal)
_DURATION = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


def flexible_date(value: str) -> ox.Literal | None:
    """An xsd:date / xsd:dateTime / xsd:gYear literal of the dates netCDF files write
    (ISO 8601, compact ``20160926T021531Z``, one-digit ``2013-10-1``, ``UTC``...): the one date
    reader of the converters, :func:`~..build.date_literal`, without year-months.

    >>> [flexible_date(v).value for v in ("2013-10-1", "19210101", "20160926T021531Z")]
    ['2013-10-01', '1921-01-01', '2016-09-26T02:15:31Z']
    """
    return date_literal(value, exact=True)


def _end_from_duration(start: ox.Literal, duration: str) -> ox.Literal | None:
    """start + an ISO 8601 duration in days, hours, minutes, seconds (years and months,
    whose length varies, are not guessed).

    >>> _end_from_duration(flexible_date("2020-01-31T12:00:00Z"), "P1DT12H").value
    '2020-02-02T00:00:00Z'
    >>> _end_from_duration(flexible_date("2020-01-31T12:00:00Z"), "P1M") is None
    True
    """
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


def _decimal(value: float) -> str:
    """
    >>> _decimal(-12.5), _decimal(-0.0), _decimal(1e-9)
    ('-12.5', '0', '0')
    """
    out = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if out in ("-0", "") else out


def _period(found: Discovery) -> tuple[ox.Literal | None, ox.Literal | None]:
    """(start, end): an end "present" is open, a missing end may follow from the duration."""
    start = flexible_date(found.start) if found.start else None
    end = flexible_date(found.end) if found.end and found.end.lower() != "present" else None
    if start is not None and end is None and found.duration:
        end = _end_from_duration(start, found.duration)
    return start, end


def add_extents(out: Triples, subject: ox.NamedNode, found: Discovery) -> None:
    """``dct:spatial`` (the box), ``gaia:minimumAltitude`` / ``maximumAltitude`` and
    ``dct:temporal``."""
    if found.bbox is not None:
        location = ox.BlankNode()
        out.add(subject, DCT.spatial, location)
        out.add(location, A, ox.NamedNode(DCT.Location))
        out.add(location, DCAT.bbox, ox.Literal(bbox_wkt(*found.bbox), datatype=WKT))
    if found.vertical is not None:
        low, high = (ox.Literal(_decimal(v), datatype=_DECIMAL) for v in found.vertical)
        out.add(subject, GAIA.minimumAltitude, low)
        out.add(subject, GAIA.maximumAltitude, high)
    add_period(out, subject, *_period(found))
