"""Reading the ACDD 1.3 global attributes and the CF variables of a netCDF file into a
:class:`~.model.Discovery` (the decisions are listed in the package docstring)."""

from __future__ import annotations

import re

from ..build import is_url
from ..datacite_terms import normalise_doi
from .model import Discovery, Party

__all__ = [
    "measured",
    "split_list",
    "normalise_box",
    "vertical_extent",
    "from_attributes",
]

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
_METRES = {"m": 1.0, "meter": 1.0, "meters": 1.0, "metre": 1.0, "metres": 1.0, "km": 1000.0}
#: ACDD ``<prefix>_type`` -> Party.kind
_KINDS = {"institution": "organization", "group": "organization", "position": "person"}
#: the sides of the box: ACDD attribute, older name
_SIDES = [
    ("geospatial_lon_min", "westernmost_longitude"),
    ("geospatial_lat_min", "southernmost_latitude"),
    ("geospatial_lon_max", "easternmost_longitude"),
    ("geospatial_lat_max", "northernmost_latitude"),
]


def measured(standard_name: str) -> bool:
    """Whether a CF standard name names something measured (not a coordinate, not a flag).

    >>> measured("sea_water_temperature"), measured("latitude"), measured("quality_flag")
    (True, False, False)
    """
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
    """The items of a comma-separated list (``;`` when there is no comma).

    >>> split_list("ocean, sea ice,"), split_list("Flint; Lorraine")
    (['ocean', 'sea ice'], ['Flint', 'Lorraine'])
    """
    sep = "," if "," in value else ";"
    return [v.strip() for v in value.split(sep) if v.strip()]


def _parties(attrs: dict[str, str], prefix: str) -> list[Party]:
    """ACDD ``<prefix>_name`` / ``_email`` / ``_url`` / ``_type`` / ``_institution``; several
    comma-separated names when the e-mails are as many."""
    name = _first(attrs, f"{prefix}_name")
    email = _first(attrs, f"{prefix}_email")
    url = _first(attrs, f"{prefix}_url")
    kind = _first(attrs, f"{prefix}_type").lower()
    kind = _KINDS.get(kind, kind if kind in ("person", "organization") else "")
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


def _creators(attrs: dict[str, str]) -> list[Party]:
    """The creators; ``institution`` is their affiliation, or the creator when none is named."""
    creators = _parties(attrs, "creator")
    institution = _first(attrs, "institution")
    if not institution:
        return creators
    if not creators:
        return [Party(institution, kind="organization")]
    for party in creators:
        if institution != party.name:
            party.institution = party.institution or institution
    return creators


def _contributors(attrs: dict[str, str]) -> list[Party]:
    """``contributor_name`` with ``contributor_role``: one role each, or one for all."""
    names = split_list(_first(attrs, "contributor_name"))
    roles = split_list(_first(attrs, "contributor_role"))
    found = []
    for i, name in enumerate(names):
        role = roles[i] if len(roles) == len(names) else (roles[0] if len(roles) == 1 else "")
        found.append(Party(name, role=role))
    return found


def _keywords(attrs: dict[str, str]) -> list[str]:
    """``keywords`` (a GCMD vocabulary prefix dropped), then platform, instrument and sensor
    names."""
    found = []
    for kw in split_list(_first(attrs, "keywords")):
        # "GCMD:EARTH SCIENCE > …" or "GCMDSK:…": the vocabulary prefix of ACDD 1.3 (the
        # keyword text says enough: GCMD paths are recognised as such, keywords_vocabulary aside)
        prefix = re.match(r"^([A-Za-z][\w-]*):\s*(.+)$", kw)
        if prefix and (prefix.group(1).upper().startswith("GCMD") or ">" in kw):
            kw = prefix.group(2)
        found.append(kw)
    for name in ("platform", "instrument", "sensor"):
        value = _first(attrs, name)
        if value and not re.fullmatch(r"[a-z_]+", value):  # "platform" may name a variable
            found += [v for v in split_list(value) if v not in found]
    return found


def _bbox(attrs: dict[str, str]) -> tuple[float, float, float, float] | None:
    values = [_number(_first(attrs, *names)) for names in _SIDES]
    if any(v is None for v in values):
        return None
    west, south, east, north = values  # type: ignore[misc]
    return normalise_box(west, south, east, north)


def normalise_box(west: float, south: float, east: float, north: float):
    """A box in -180..180 longitudes, south <= north; None when it leaves the globe.

    >>> normalise_box(350, 10, 355, -10), normalise_box(0, -90, 360, 90)
    ((-10, -10, -5, 10), (-180.0, -90, 180.0, 90))
    """
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


def vertical_extent(low: str, high: str, units: str, positive: str):
    """(minimum, maximum) altitude in metres of an extent given in ``units`` along
    ``positive`` ("up" or "down"); None when the units are not lengths or a bound is missing.

    >>> vertical_extent("0", "2", "km", "down"), vertical_extent("0", "1000", "Pa", "up")
    ((-2000.0, -0.0), None)
    """
    a, b = _number(low), _number(high)
    factor = _METRES.get(units.strip().lower() or "m")
    if a is None or b is None or factor is None:
        return None
    a, b = a * factor, b * factor
    if positive.strip().lower() == "down":
        a, b = -a, -b
    return min(a, b), max(a, b)


def _references(attrs: dict[str, str]) -> list[str]:
    """``references``: its URLs when it lists only URLs, else the citation as one text."""
    references = _first(attrs, "references")
    urls = split_list(references)
    found = urls if urls and all(is_url(u) for u in urls) else [references]
    return [r for r in found if r]


def _standard_names(variables: list[dict[str, str]]) -> list[str]:
    """The measured standard names of the data variables, each once."""
    found: list[str] = []
    for variable in variables:
        name = variable.get("standard_name", "").strip()
        if "axis" in variable or "cf_role" in variable:
            continue
        if measured(name) and name not in found:
            found.append(name)
    return found


def _found(attrs: dict[str, str]) -> Discovery:
    """The single-valued attributes."""
    return Discovery(
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


def from_attributes(attrs: dict[str, str], variables: list[dict[str, str]]) -> Discovery:
    """The discovery metadata of a netCDF file: its global attributes and variables.

    >>> found = from_attributes({"title": "SST", "keywords": "GCMD:EARTH SCIENCE > OCEANS"}, [])
    >>> found.title, found.keywords
    ('SST', ['EARTH SCIENCE > OCEANS'])
    """
    found = _found(attrs)
    found.keywords = _keywords(attrs)
    found.creators = _creators(attrs)
    found.publishers = _parties(attrs, "publisher")
    found.contributors = _contributors(attrs)
    found.bbox = _bbox(attrs)
    found.vertical = vertical_extent(
        *(_first(attrs, f"geospatial_vertical_{n}") for n in ("min", "max", "units", "positive"))
    )
    found.licences = [_first(attrs, n) for n in ("license", "licence") if _first(attrs, n)]
    for key in ("created", "modified", "issued"):
        if _first(attrs, f"date_{key}"):
            found.dates[key] = _first(attrs, f"date_{key}")
    doi = _first(attrs, "doi", "DOI")
    if doi and not normalise_doi(found.identifier):
        found.identifier, found.authority = doi, ""
    found.projects = [v for v in (_first(attrs, "project"), _first(attrs, "program")) if v]
    found.references = _references(attrs)
    found.lineage = [v for v in (_first(attrs, "source"), _first(attrs, "processing_level")) if v]
    found.standard_names = _standard_names(variables)
    url = _first(attrs, "infoUrl", "info_url", "metadata_link", "Metadata_Link")
    if is_url(url):
        found.pages.append((url, ""))
    return found
