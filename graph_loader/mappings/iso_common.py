"""Reading ISO 19139 and ISO 19115-3 records by local element names, and building triples.

Both schemas name their elements alike (``citation/CI_Citation/title``,
``EX_GeographicBoundingBox``, ``CI_OnlineResource/linkage``) under different namespaces, so
one reader serves both: elements are matched by local name, and the few places where the
schemas differ try both spellings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import Element

import pyoxigraph as ox

from ..errors import InputError
from ..namespaces import XSD
from .build import Triples, date_literal
from .iso_languages import lang_iri, lang_tag
from .xmlsafe import parse_xml

__all__ = [
    "typed_literal",
    "ISO19139_NS",
    "ISO19115_3_NS",
    "XLINK_HREF",
    "local",
    "kids",
    "find",
    "first",
    "either",
    "descendants",
    "text_of",
    "href_of",
    "code_of",
    "http_iri",
    "code_iri",
    "date_literal",
    "decimal_text",
    "doi_of",
    "lang_tag",
    "lang_iri",
    "sniff_root",
    "read_document",
    "metadata_records",
    "identification",
    "Triples",
]

ISO19139_NS = (
    "http://www.isotc211.org/2005/gmd",
    "http://www.isotc211.org/2005/gmi",
    "http://standards.iso.org/iso/19115/-2/gmi/1.0",
)
ISO19115_3_NS = ("http://standards.iso.org/iso/19115/-3/mdb/",)
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_RECORD_ROOTS = {"MD_Metadata", "MI_Metadata"}
_WRAPPERS = {
    "GetRecordsResponse",
    "GetRecordByIdResponse",
    "SearchResults",
    "OAI-PMH",
    "metadata",
    "record",
}
_FIRST_TAG = re.compile(rb"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]")
#: a record element anywhere in a document: MD_Metadata, MI_Metadata or a national profile's
#: substitute (``che:CHE_MD_Metadata``, ``mcp:MD_Metadata``…)
_RECORD_TAG = re.compile(rb"<([A-Za-z_][\w.-]*:)?([A-Za-z]+_)?M[DI]_Metadata[\s>]")


_LOCAL: dict[object, str] = {}


#: a national profile's class that substitutes an ISO one: ``CHE_MD_Metadata``,
#: ``CHE_CI_ResponsibleParty``, ``CHE_MD_LegalConstraints``, ``SDN_DataIdentification``…
_PROFILE_CLASS = re.compile(
    r"^[A-Z]{2,5}_((?:MD|MI|CI|EX|DQ|LI|LE|SV|PT|RS|DS)_\w+|DataIdentification)$"
)


def local(tag: object) -> str:
    """The local name of an element tag (``{ns}name`` → ``name``), a national profile's
    substitute class read as the ISO class it extends (``che:CHE_CI_ResponsibleParty`` →
    ``CI_ResponsibleParty``, ``sdn:SDN_DataIdentification`` → ``MD_DataIdentification``);
    memoised: a converter asks it about a million times per thousand records.

    >>> local("{http://www.geocat.ch/2008/che}CHE_MD_Metadata"), local("SDN_CountryCode")
    ('MD_Metadata', 'SDN_CountryCode')
    """
    name = _LOCAL.get(tag)
    if name is None:
        name = tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
        profile = _PROFILE_CLASS.match(name)
        if profile:
            name = profile.group(1)
            name = "MD_" + name if name == "DataIdentification" else name
        _LOCAL[tag] = name
    return name


def kids(el: Element | None, *names: str) -> list[Element]:
    """The children of ``el`` whose local name is one of ``names``."""
    if el is None:
        return []
    known = _LOCAL.get
    return [c for c in el if (known(c.tag) or local(c.tag)) in names]


def find(el: Element | None, *steps: str) -> list[Element]:
    """The elements reached from ``el`` by a path of local names (``a|b`` means either)."""
    if el is None:
        return []
    found = [el]
    known = _LOCAL.get  # the memo read inline: the call of local() costs more than the lookup
    for step in steps:
        names = _STEPS.get(step) or _STEPS.setdefault(step, frozenset(step.split("|")))
        found = [c for e in found for c in e if (known(c.tag) or local(c.tag)) in names]
        if not found:
            break
    return found


_STEPS: dict[str, frozenset[str]] = {}


def first(el: Element | None, *steps: str) -> Element | None:
    """The first element reached by :func:`find`, or None."""
    found = find(el, *steps)
    return found[0] if found else None


def either(*elements: Element | None) -> Element | None:
    """The first element that is not None (an Element without children is falsy: no ``or``)."""
    return next((e for e in elements if e is not None), None)


def descendants(el: Element | None, name: str) -> Iterator[Element]:
    """Every element below ``el`` (itself included) of local name ``name``."""
    if el is not None:
        known = _LOCAL.get
        yield from (e for e in el.iter() if (known(e.tag) or local(e.tag)) == name)


def _clean(text: str | None) -> str:
    return " ".join(text.split()) if text and text.strip() else ""


def text_of(el: Element | None) -> str:
    """The text of a character-string property (CharacterString, Anchor, URL, Date, LocalName…)."""
    if el is None:
        return ""
    for child in el:
        if local(child.tag) not in ("PT_FreeText",):
            value = (child.text or "").strip()
            if value:
                return value
    return (el.text or "").strip()


def href_of(el: Element | None) -> str:
    """The ``xlink:href`` of a property or of its Anchor child, or ``""``."""
    if el is None:
        return ""
    for node in (el, *el):
        if node.get(XLINK_HREF):
            return node.get(XLINK_HREF, "").strip()
    return ""


def code_of(el: Element | None) -> str:
    """The value of a code-list property (``codeListValue``, else its text)."""
    if el is None:
        return ""
    for node in (*el, el):
        if node.get("codeListValue"):
            return node.get("codeListValue", "").strip()
    return text_of(el)


def code_iri(prefix: str, code: str) -> ox.NamedNode | None:
    """``prefix + code`` for a code-list value that is a plain token, else None."""
    return ox.NamedNode(prefix + code) if re.fullmatch(r"[A-Za-z0-9_.-]+", code) else None


def http_iri(value: str) -> ox.NamedNode | None:
    """``value`` as an IRI if it is a well-formed HTTP(S) or mailto URL, else None."""
    value = value.strip().replace(" ", "%20")
    if not re.match(r"(?i)^(https?://[^\s<>\"{}|\\^`]+|mailto:[^\s<>\"]+)$", value):
        return None
    try:
        return ox.NamedNode(value)
    except ValueError:
        return None


_DOI = re.compile(r"(?i)^(?:doi:\s*|https?://(?:dx\.)?doi\.org/(?:doi:)?)?\s*(10\.\d{4,9}/\S+)$")


def doi_of(value: str, space: str = "") -> str | None:
    """The bare DOI (``10.x/y``) of an identifier written ``doi:10.x/y``, ``DOI: 10.x/y``,
    ``https://doi.org/10.x/y``, ``http://dx.doi.org/doi:10.x/y``, or ``10.x/y`` (in a DOI
    code space or alone), else None.

    >>> doi_of("http://dx.doi.org/doi:10.5065/D66D5R38"), doi_of("ABC", "doi")
    ('10.5065/D66D5R38', None)
    """
    match = _DOI.match(value.strip())
    return match.group(1).rstrip("/.") if match else None


def decimal_text(value: str) -> str | None:
    """``value`` as a plain decimal string (no exponent), or None if it is not a number."""
    try:
        number = Decimal(value.strip())
    except (InvalidOperation, AttributeError):
        return None
    return format(number, "f") if number.is_finite() else None


def _is_record_name(name: str) -> bool:
    """``MD_Metadata``, ``MI_Metadata`` or a profile's substitute (``CHE_MD_Metadata``)."""
    return name in _RECORD_ROOTS or name.endswith(("_MD_Metadata", "_MI_Metadata"))


def _unmarked(data: bytes, *, decode: bool = False) -> bytes:
    """``data`` without UTF-8 byte-order mark nor leading blanks (a blank line before the XML
    declaration is a common harvest artefact); UTF-16 is decoded to UTF-8 when ``decode``
    (for sniffing) and otherwise left to the parser, which reads its byte-order mark."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace").encode("utf-8") if decode else data
    return data.removeprefix(b"\xef\xbb\xbf").lstrip()


def sniff_root(data: bytes, namespaces: tuple[str, ...]) -> bool:
    """Whether ``data`` looks like an ISO record of one of ``namespaces``: a record root (or a
    profile's substitute), or any wrapper (CSW answer, harvest envelope) holding one."""
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            data = _unmarked(data, decode=True)
        head = _unmarked(data[:65536])
        if not head.startswith(b"<"):
            return False
        root = None
        for match in _FIRST_TAG.finditer(head):
            start = match.start()
            if head[start + 1 : start + 2] in (b"?", b"!"):
                continue
            root = match.group(2).decode("ascii", "replace")
            break
        if root is None:
            return False
        if not (_is_record_name(root) or root in _WRAPPERS or _RECORD_TAG.search(data)):
            return False
        return any(ns.encode() in data for ns in namespaces)
    except Exception:  # noqa: BLE001 - sniffing never raises
        return False


def read_document(data: bytes, *, name: str) -> Element:
    """The root element of an ISO document; :class:`InputError` for anything unreadable."""
    if not data.strip():
        raise InputError(f"{name}: empty record")
    try:
        return parse_xml(_unmarked(data), name=name)
    except (LookupError, ValueError, UnicodeError) as exc:
        raise InputError(f"{name}: unreadable XML encoding: {exc}") from exc


def metadata_records(root: Element, namespaces: tuple[str, ...]) -> list[Element]:
    """The outermost record elements of a document: itself, or those a wrapper holds (CSW
    answer, OAI-PMH page, harvest envelope). A record is an MD_Metadata / MI_Metadata of
    ``namespaces``, or a national profile's substitute (``che:CHE_MD_Metadata``,
    ``mcp:MD_Metadata``) whose children are of ``namespaces``."""

    def ours(el: Element) -> bool:
        if not isinstance(el.tag, str) or not _is_record_name(local(el.tag)):
            return False
        return _namespace(el).startswith(namespaces) or any(
            _namespace(c).startswith(namespaces) for c in el
        )

    found: list[Element] = []

    def walk(el: Element) -> None:
        if ours(el):
            found.append(el)
            return
        for child in el:
            walk(child)

    walk(root)
    return found


def _namespace(el: Element) -> str:
    return el.tag[1:].split("}")[0] if isinstance(el.tag, str) and el.tag[:1] == "{" else ""


def identification(md: Element) -> Element | None:
    """The (first) identification section of a record: MD_DataIdentification,
    SV_ServiceIdentification or a profile's substitute (``sdn:SDN_DataIdentification``,
    ``fra:FRA_DataIdentification``, ``mcp:MD_DataIdentification``)."""
    for info in kids(md, "identificationInfo"):
        for child in info:
            if isinstance(child.tag, str) and local(child.tag).endswith("Identification"):
                return child
    return None


def plain(text: str) -> str:
    """``text`` with runs of white space collapsed."""
    return _clean(text)


def typed_literal(value: str, datatype: str) -> ox.Literal:
    """A literal typed ``xsd:<datatype>`` (``typed_literal("12.5", "decimal")``)."""
    return ox.Literal(value, datatype=ox.NamedNode(XSD[datatype]))
