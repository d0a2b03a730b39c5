"""Geographic, altitude and temporal coverage of an EML record."""

from __future__ import annotations

from decimal import Decimal
from xml.etree import ElementTree
from xml.etree.ElementTree import Element

import pyoxigraph as ox

from ...namespaces import DCAT, DCT, GAIA, RDFS, SKOS
from ..build import WKT, bbox_wkt
from ..iso_common import local
from .reading import (
    _FEET,
    _date,
    _decimal,
    _decimal_literal,
    _first,
    _kid,
    _kids,
)

__all__ = ["Coverage"]


class Coverage:
    """The coverage part of :class:`.mapper.Mapper`."""

    def coverages(self, name: str) -> list[Element]:
        """Every coverage of kind ``name`` in the resource: its own, its entities' and its
        methods' (all describe what the data covers), each distinct one once."""
        found: dict[str, Element] = {}
        for el in self.res_el.iter():
            if local(el.tag) == name:
                found.setdefault(ElementTree.tostring(el, encoding="unicode").strip(), el)
        return list(found.values())

    def coverage(self, res) -> None:
        lows: list[Decimal] = []
        highs: list[Decimal] = []
        for geo in self.coverages("geographicCoverage"):
            description = _first(geo, "geographicDescription")
            box = _kid(geo, "boundingCoordinates")
            sides = [
                _decimal(_first(box, f"{side}BoundingCoordinate"))
                for side in ("west", "south", "east", "north")
            ]
            if None in sides and not description:
                continue
            location = self.node(DCT.Location)
            if None not in sides:
                west, south, east, north = (float(s) for s in sides)
                self.add(
                    location,
                    DCAT.bbox,
                    ox.Literal(bbox_wkt(west, south, east, north), datatype=WKT),
                )
                if (west, south) == (east, north):
                    point = bbox_wkt(west, south, east, north).split("((")[1].split(",")[0]
                    self.add(location, DCAT.centroid, ox.Literal(f"POINT({point})", datatype=WKT))
            self.add(location, SKOS.prefLabel, ox.Literal(description) if description else None)
            self.add(res, DCT.spatial, location)
            for altitudes in _kids(box, "boundingAltitudes"):
                unit = _first(altitudes, "altitudeUnits").lower()
                factor = _FEET if unit.startswith(("foot", "feet", "ft")) else Decimal(1)
                if unit and factor == 1 and not unit.startswith(("meter", "metre", "m")):
                    continue
                low = _decimal(_first(altitudes, "altitudeMinimum"))
                high = _decimal(_first(altitudes, "altitudeMaximum"))
                lows += [low * factor] if low is not None else []
                highs += [high * factor] if high is not None else []
        if lows:
            self.add(res, GAIA.minimumAltitude, _decimal_literal(min(lows)))
        if highs:
            self.add(res, GAIA.maximumAltitude, _decimal_literal(max(highs)))
        for temporal in self.coverages("temporalCoverage"):
            for single in _kids(temporal, "singleDateTime"):
                self.period(res, single, single)
            for span in _kids(temporal, "rangeOfDates"):
                self.period(res, _kid(span, "beginDate"), _kid(span, "endDate"))

    def period(self, res, begin: Element | None, end: Element | None) -> None:
        bounds = [(DCAT.startDate, begin, False), (DCAT.endDate, end, True)]
        values = [(prop, _date(el, last)) for prop, el, last in bounds]
        scales = [
            " ".join(
                x
                for x in (
                    _first(el, "alternativeTimeScale/timeScaleName"),
                    _first(el, "alternativeTimeScale/timeScaleAgeEstimate"),
                )
                if x
            )
            for _p, el, _l in bounds
            if el is not None
        ]
        scales = [s for s in scales if s]
        if not any(v for _p, v in values) and not scales:
            return
        period = self.node(DCT.PeriodOfTime)
        for prop, value in values:
            self.add(period, prop, value)
        if scales:
            self.add(period, RDFS.label, ox.Literal(" – ".join(dict.fromkeys(scales))))
        self.add(res, DCT.temporal, period)

    # -- taxa
