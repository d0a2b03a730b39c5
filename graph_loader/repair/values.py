"""Repairs of one value, without guessing: control characters, e-mail addresses, literal URLs,
dates written without their datatype.

>>> email_iri(" mailto:jane@example.org"), email_iri("jane at example.org")
('mailto:jane@example.org', None)
>>> date_literal("2019-05-15 09:00+0200").value, date_literal("2019-13") is None
('2019-05-15T09:00:00+02:00', True)
"""

from __future__ import annotations

import re
from datetime import date

import pyoxigraph as ox

from ..namespaces import RDF, SDO, XSD

__all__ = [
    "CONTROL",
    "strip_control_chars",
    "email_iri",
    "url_iri",
    "date_literal",
    "date_repair",
    "with_value",
]

# ---------------------------------------------------------------------------------------------
# control characters

#: C0 controls XML 1.0 cannot carry (tab, LF and CR can), DEL, and the non-characters
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def strip_control_chars(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry."""
    return CONTROL.sub("", text)


def with_value(literal: ox.Literal, value: str) -> ox.Literal:
    """``literal`` with another value, its language or datatype kept."""
    if literal.language:
        return ox.Literal(value, language=literal.language)
    return ox.Literal(value, datatype=literal.datatype)


# ---------------------------------------------------------------------------------------------
# e-mail addresses

_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def email_iri(value: str) -> str | None:
    """``mailto:ADDRESS`` if ``value`` is an e-mail address, with or without ``mailto:``."""
    text = value.strip()
    if text.lower().startswith("mailto:"):
        text = text[len("mailto:") :].strip()
    return f"mailto:{text}" if _EMAIL.match(text) else None


# ---------------------------------------------------------------------------------------------
# literal URLs

_URL = re.compile(r"^(https?|ftps?|sftp|s3|gs|file)://[^\s<>\"{}|\\^`]+$", re.IGNORECASE)


def url_iri(value: str) -> ox.NamedNode | None:
    """The IRI of a URL given as text, if it is one."""
    text = value.strip()
    if not _URL.match(text):
        return None
    try:
        return ox.NamedNode(text)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# dates

_ISO_DATE = re.compile(
    r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?)?)?"
    r"(Z|[+-]\d{2}:?\d{2})?$"
)
_DATE_TYPES = frozenset(
    str(XSD[t]) for t in ("gYear", "gYearMonth", "date", "dateTime", "dateTimeStamp")
)
_DATE_TIME_STAMP = str(XSD.dateTimeStamp)
_NORMALIZED_STRING = str(XSD.normalizedString)
_TEXT_TYPES = (str(XSD.string), str(RDF.langString))
_SDO = str(SDO)


def _valid_parts(year, month, day, hours, minutes, seconds, zone) -> bool:
    """Whether the parts of an ISO 8601 date name a real moment."""
    if zone and zone != "Z" and (int(zone[1:3]) > 14 or int(zone[4:6]) > 59):
        return False
    if month and not 1 <= int(month) <= 12:
        return False
    if day:
        try:
            date(max(int(year.lstrip("-")), 1), int(month), int(day))
        except ValueError:
            return False
    if hours is not None:
        return int(hours) <= 23 and int(minutes) <= 59 and float(seconds) < 60
    return True


def date_literal(value: str) -> ox.Literal | None:
    """The typed literal of a date written in ISO 8601 form (a year, a month, a day, a date
    and time), its separator, seconds and time zone normalised; ``None`` for anything else."""
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    year, month, day, hours, minutes, seconds, zone = match.groups()
    zone = zone or ""
    if len(zone) == 5:
        zone = f"{zone[:3]}:{zone[3:]}"
    if hours is not None:
        seconds = seconds or "00"
    if not _valid_parts(year, month, day, hours, minutes, seconds, zone):
        return None
    if hours is not None:
        text, kind = f"{year}-{month}-{day}T{hours}:{minutes}:{seconds}{zone}", "dateTime"
    elif day:
        text, kind = f"{year}-{month}-{day}{zone}", "date"
    elif month:
        text, kind = f"{year}-{month}{zone}", "gYearMonth"
    else:
        text, kind = f"{year}{zone}", "gYear"
    return ox.Literal(text, datatype=ox.NamedNode(str(XSD[kind])))


def date_repair(obj: ox.Literal) -> ox.Literal | None:
    """The typed date ``obj`` should be, if it is a date written untyped, as a string, or with
    a date type that does not fit its value; ``None`` when it is right or no date."""
    typed = date_literal(obj.value)
    if typed is None or typed == obj:
        return None
    datatype = obj.datatype.value
    if datatype in _DATE_TYPES and datatype == typed.datatype.value:
        return typed if typed.value != obj.value else None
    if datatype == _DATE_TIME_STAMP and typed.value == obj.value:
        return None  # a date-time with its time zone: already right
    if datatype in _DATE_TYPES or datatype in _TEXT_TYPES:
        return typed
    if datatype.startswith(_SDO) or datatype == _NORMALIZED_STRING:
        return typed
    return None
