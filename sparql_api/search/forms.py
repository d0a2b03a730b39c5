"""The written forms the search parameters take, as regular expressions: one source for the
checks (:mod:`sparql_api.search.params`) and the description (:mod:`sparql_api.search.openapi`),
so that what the OpenAPI description allows is what the search accepts.

Patterns are written for both Python's ``re`` and JSON Schema (ECMA-262): plain classes,
no lookaround. Values are trimmed before they are checked.

>>> import re
>>> [bool(re.fullmatch(BBOX, v)) for v in ("-10,35,20.5,60", "1e1,0,5,5", "-181,0,5,5")]
[True, False, False]
>>> [bool(re.fullmatch(LOCAL_NAME, v)) for v in ("sea-ice", "aeris", "sea ice<", "-x")]
[True, True, False, False]
"""

from __future__ import annotations

__all__ = ["BBOX", "DAY", "LAT", "LOCAL_NAME", "LON", "YEAR_MONTH"]

#: a longitude in decimal degrees, -180 to 180
LON = r"-?(180(\.0+)?|(1[0-7][0-9]|[1-9]?[0-9])(\.[0-9]+)?)"
#: a latitude in decimal degrees, -90 to 90
LAT = r"-?(90(\.0+)?|[1-8]?[0-9](\.[0-9]+)?)"
#: ``west,south,east,north`` (west above east: a box across the antimeridian)
BBOX = rf"{LON},{LAT},{LON},{LAT}"
#: a name in the facet's namespace (a thesaurus slug, an organisation, a place)
LOCAL_NAME = r"[A-Za-z0-9][A-Za-z0-9._~-]*"
#: a year (but 0000) or a year-month (a day is an ISO date, a date-time an RFC 3339 one)
YEAR_MONTH = (
    r"([0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})(-(0[1-9]|1[0-2]))?"
)
#: an ISO date, then optionally a time (checked as a date-time)
DAY = r"[0-9]{4}-[0-9]{2}-[0-9]{2}(T.+)?"
