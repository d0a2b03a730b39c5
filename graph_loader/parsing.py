"""Shared parsing of catalogue values, used by both the search index and the web views: days of
ISO dates (``parse_day``), WKT boxes (``parse_bbox``) and the range a box must keep to
(``box_in_range``), showable web addresses (``web_url``), words as written (``words``), and the
accent-free folding (``fold``) and words (``tokens``) that text matching compares."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

__all__ = ["box_in_range", "fold", "parse_bbox", "parse_day", "tokens", "web_url", "words"]

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
_WEB_URL = re.compile(r"https?://[^\s\"'<>`\\]+", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Text without accents, casefolded.

    >>> fold("Épaisseur optique des AÉROSOLS")
    'epaisseur optique des aerosols'
    """
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def words(text: str) -> list[str]:
    """The words of ``text`` as written: runs of letters and digits (underscores split them).

    >>> words("Qualité de l'air (PM2.5)")
    ['Qualité', 'de', 'l', 'air', 'PM2', '5']
    """
    return _WORD.findall(text)


def tokens(text: str) -> list[str]:
    """The folded words of ``text``.

    >>> tokens("Qualité de l'air (PM2.5)")
    ['qualite', 'de', 'l', 'air', 'pm2', '5']
    """
    return words(fold(text))


def box_in_range(west: float, south: float, east: float, north: float) -> bool:
    """Whether a box keeps to longitudes -180…180 and latitudes -90…90, south not above north
    (west may be east of east: a box crossing the antimeridian).

    >>> box_in_range(170, -10, -170, 10), box_in_range(-5, 51, 10, 41)
    (True, False)
    """
    return -180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90


def parse_bbox(wkt: str) -> tuple[float, float, float, float] | None:
    """``(west, south, east, north)`` of a WKT polygon or point (west > east when it crosses
    the antimeridian: a rectangle written west-south first, as the mappings write it).

    >>> parse_bbox("POLYGON((170 -10, -170 -10, -170 10, 170 10, 170 -10))")
    (170.0, -10.0, -170.0, 10.0)
    >>> parse_bbox("POLYGON((-5 41, 10 41, 10 51.5, -5 51.5, -5 41))")
    (-5.0, 41.0, 10.0, 51.5)
    """
    body = wkt.strip()
    if body.startswith("<"):  # a CRS IRI first (GeoSPARQL)
        body = body[body.find(">") + 1 :]
    numbers = [float(n) for n in _NUMBER.findall(body)]
    if len(numbers) < 2 or len(numbers) % 2:
        return None
    xs, ys = numbers[0::2], numbers[1::2]
    s, n = min(ys), max(ys)
    w, e = min(xs), max(xs)
    if len(xs) == 5 and xs[0] > xs[1] and 360 - (xs[0] - xs[1]) < xs[0] - xs[1]:
        w, e = xs[0], xs[1]
    if not box_in_range(w, s, e, n):
        return None
    return w, s, e, n


def parse_day(text: str, *, end: bool = False) -> int | None:
    """The day ordinal of an ISO date, date-time, year-month or year (its last day if
    ``end``), or None.

    >>> parse_day("2006-06-01") == date(2006, 6, 1).toordinal()
    True
    >>> parse_day("2010", end=True) == date(2010, 12, 31).toordinal()
    True
    """
    text = text.strip()
    try:
        if len(text) >= 10 and text[4] == "-":
            return date.fromisoformat(text[:10]).toordinal()
        if len(text) == 7 and text[4] == "-":
            y, m = int(text[:4]), int(text[5:7])
            if end:
                nxt = date(y + (m == 12), m % 12 + 1, 1)
                return nxt.toordinal() - 1
            return date(y, m, 1).toordinal()
        if len(text) == 4 and text.isdigit():
            return date(int(text), 12, 31).toordinal() if end else date(int(text), 1, 1).toordinal()
    except ValueError:
        return None
    return None


def web_url(value: str) -> str | None:
    """``value`` if it is an absolute http(s) URL without spaces, quotes or angle brackets
    (one that can be shown as an image source), else None; a skolemised blank node (an
    ``ImageObject`` node, ``/.well-known/genid/``) is no picture.

    >>> web_url("https://example.org/a.png"), web_url("javascript:alert(1)")
    ('https://example.org/a.png', None)
    """
    value = value.strip()
    if not _WEB_URL.fullmatch(value) or len(value) > 2000 or "/.well-known/genid/" in value:
        return None
    return value
