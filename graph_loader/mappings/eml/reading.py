"""Reading an EML document: its namespaces and vocabularies (roles, languages, file
extensions), the element lookups and the values (ORCIDs, DOIs, decimals, dates) the mapping
takes from it.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import Element

import pyoxigraph as ox

from ...namespaces import DCT, XSD
from .. import datacite_terms as dc
from ..build import date_literal
from ..iso_common import lang_tag as _iso_lang_tag
from ..iso_common import local

__all__ = ["INSPIRE_ROLE", "flatten"]

INSPIRE_ROLE = "http://inspire.ec.europa.eu/metadata-codelist/ResponsiblePartyRole/"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ORCID = re.compile(r"(\d{4}-\d{4}-\d{4}-\d{3}[\dX])", re.IGNORECASE)
_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"'()]+")

#: language names and ISO 639-2 codes that iso_common does not know -> BCP 47
_LANGUAGE_NAMES = {
    "english": "en", "anglais": "en", "french": "fr", "francais": "fr", "français": "fr",
    "german": "de", "deutsch": "de", "spanish": "es", "espanol": "es", "español": "es",
    "italian": "it", "dutch": "nl", "portuguese": "pt", "estonian": "et", "est": "et",
    "danish": "da", "dan": "da", "swedish": "sv", "swe": "sv", "norwegian": "no", "nor": "no",
    "finnish": "fi", "fin": "fi", "polish": "pl", "pol": "pl", "russian": "ru", "rus": "ru",
    "chinese": "zh", "chi": "zh", "zho": "zh", "japanese": "ja", "jpn": "ja",
}  # fmt: skip
#: EML role (letters only, lower case) -> INSPIRE responsible party role
_ROLES = {
    "originator": "originator", "author": "author", "publisher": "publisher", "owner": "owner",
    "distributor": "distributor", "custodian": "custodian", "custodiansteward": "custodian",
    "steward": "custodian", "pointofcontact": "pointOfContact", "contact": "pointOfContact",
    "principalinvestigator": "principalInvestigator", "pi": "principalInvestigator",
    "processor": "processor", "resourceprovider": "resourceProvider",
    "contentprovider": "resourceProvider", "user": "user",
    "principleinvestigator": "principalInvestigator",
}  # fmt: skip
#: file name extensions -> IANA media type, for data objects whose format is not named
_EXTENSIONS = {
    "csv": "text/csv", "txt": "text/plain", "tsv": "text/tab-separated-values",
    "json": "application/json", "xml": "application/xml", "pdf": "application/pdf",
    "zip": "application/zip", "nc": "application/x-netcdf", "html": "text/html",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xls": "application/vnd.ms-excel", "png": "image/png", "jpg": "image/jpeg",
    "jpeg": "image/jpeg", "tif": "image/tiff", "tiff": "image/tiff",
}  # fmt: skip
#: INSPIRE role -> property of the resource beside the qualified attribution
_ROLE_PROPERTIES = {"publisher": DCT.publisher, "owner": DCT.rightsHolder}
#: EML maintenance frequencies that are not ISO codes (GBIF IPT's "unkown" included)
_EML_FREQUENCIES = {
    "continually": "CONT", "otherMaintenancePeriod": "OTHER", "unkown": "UNKNOWN",
}  # fmt: skip
_ENTITIES = ("dataTable", "spatialRaster", "spatialVector", "storedProcedure", "view")
_ENTITIES += ("otherEntity",)
#: EML text elements that make paragraphs of their own
_BLOCKS = {"para", "section", "title", "itemizedlist", "orderedlist", "listitem", "markdown"}
_BLOCKS |= {"literalLayout"}
#: ranks whose value may be the bare epithet, completed by the genus (or species) above
_BELOW_GENUS = {"species", "subspecies", "variety", "varietas", "subvariety", "form", "forma"}
_FEET = Decimal("0.3048")


def _kids(el: Element | None, *names: str) -> list[Element]:
    return [c for c in el if local(c.tag) in names] if el is not None else []


def _kid(el: Element | None, name: str) -> Element | None:
    return next(iter(_kids(el, name)), None)


def _path(el: Element | None, path: str) -> list[Element]:
    found = [el] if el is not None else []
    for step in path.split("/"):
        found = [c for e in found for c in _kids(e, step)]
    return found


def _str(el: Element | None) -> str:
    """The text of an element, whitespace collapsed."""
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def _first(el: Element | None, path: str) -> str:
    return next((t for t in (_str(e) for e in _path(el, path)) if t), "")


def _verbatim(el: Element) -> str:
    lines = [line.strip() for line in "".join(el.itertext()).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _blocks(el: Element) -> list[str]:
    """The paragraphs of an EML text (para, section, lists, markdown) in document order."""
    if local(el.tag) in ("markdown", "literalLayout"):
        return [t for t in [_verbatim(el)] if t]
    out: list[str] = []
    inline = [el.text or ""]
    bullet = "- " if local(el.tag) == "listitem" else ""

    def flush() -> None:
        words = " ".join("".join(inline).split())
        if words:
            out.append(words)

    for child in el:
        if local(child.tag) in _BLOCKS:
            flush()
            inline = []
            out.extend(_blocks(child))
        else:
            inline.append("".join(child.itertext()))
        inline.append(child.tail or "")
    flush()
    return [bullet + b for b in out[:1]] + out[1:] if bullet else out


def flatten(el: Element | None) -> str:
    """An EML text (``abstract``, ``intellectualRights``…) as plain text, paragraphs apart."""
    return "\n\n".join(_blocks(el)) if el is not None else ""


def _language(code: str) -> str | None:
    """A BCP 47 tag for an EML language (``eng``, ``English``, ``en-US``), or None."""
    code = code.strip()
    if not code:
        return None
    primary = re.split(r"[;,/\s]+", code.lower())[0]
    named = _LANGUAGE_NAMES.get(code.lower()) or _LANGUAGE_NAMES.get(primary)
    return named or _iso_lang_tag(code)


def _orcid(value: str) -> str | None:
    """``https://orcid.org/<id>`` for an ORCID whose check digit is right (ISO 7064 11,2)."""
    m = _ORCID.search(value.strip().rstrip("/"))
    if not m:
        return None
    digits = m.group(1).replace("-", "").upper()
    total = 0
    for ch in digits[:-1]:
        total = (total + int(ch)) * 2
    check = (12 - total % 11) % 11
    if digits[-1] != ("X" if check == 10 else str(check)):
        return None
    return f"https://orcid.org/{m.group(1).upper()}"


def _http(value: str) -> ox.NamedNode | None:
    value = value.strip()
    return ox.NamedNode(value) if dc.iri_or_none(value) and _URL.fullmatch(value) else None


def _decimal(value: str) -> Decimal | None:
    try:
        number = Decimal(value.strip())
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _doi(value: str, system: str = "") -> str | None:
    """The bare DOI of an identifier written as a DOI (``doi:``, doi.org URL, ``10.NNNN/``, or
    any value whose ``system`` is a DOI system)."""
    doi = dc.normalise_doi(value)
    if not doi:
        return None
    explicit = re.match(r"^\s*(doi:|https?://(dx\.)?doi\.org/)", value, re.IGNORECASE)
    if explicit or "doi" in system.lower() or re.match(r"^10\.\d{4,9}/", doi):
        return doi
    return None


def _mailto(value: str) -> ox.NamedNode | None:
    value = value.strip().removeprefix("mailto:")
    if not re.fullmatch(r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+", value):
        return None
    return ox.NamedNode("mailto:" + value)


def _decimal_literal(value: Decimal) -> ox.Literal:
    text = format(value.normalize(), "f") if value != 0 else "0"
    return ox.Literal(text, datatype=ox.NamedNode(XSD.decimal))


def _date(el: Element | None, end: bool) -> ox.Literal | None:
    """The date of a ``beginDate`` / ``endDate`` / ``singleDateTime`` (its calendarDate and
    time), or None."""
    day = _first(el, "calendarDate")
    if not day:
        return None
    time = _first(el, "time")
    if time and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) and re.match(r"^\d{2}:\d{2}", time):
        if re.fullmatch(r"\d{2}:\d{2}", time[:5]) and len(time) == 5:
            time += ":00"
        literal = date_literal(f"{day}T{time}")
        if literal is not None:
            return literal
    return date_literal(day, end=end)
