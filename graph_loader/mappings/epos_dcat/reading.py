"""Reading an EPOS-DCAT-AP document: the profile's namespaces, its statements (RDF or EPOS
XML) and the lookups the mapping makes over them (schema.org in both schemes, URLs, languages,
media types, WKT envelopes, Hydra templates).
"""

from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import Namespace

from ...errors import InputError
from ...namespaces import (
    DCAT,
    FOAF,
    HYDRA,
    RDFS,
    SDO,
    SDO_HTTP,
    SKOS,
    VCARD,
)
from ..build import (
    bbox_wkt,
    is_url,
    plain,
)
from ..jsonld import Index

__all__ = [
    "EPOS_NAMESPACES",
    "EPOS_XML",
    "SCHEMAS",
    "IANA",
    "POINT_OF_CONTACT",
    "DCAT3",
    "read_statements",
    "is_a",
    "epos_typed",
    "values_of",
    "strings_of",
    "url_of",
    "iri_of",
    "split_keywords",
    "wkt_envelope",
    "template_base",
    "tagged",
    "language_code",
    "media_type",
    "mails_of",
]

#: DCAT 3 read openly: rdflib's ``DCAT`` knows DCAT 2 terms only (no ``dcat:version``)
DCAT3 = Namespace(str(DCAT))

#: the namespaces the EPOS-DCAT-AP RDF files use for the profile's own terms
EPOS_NAMESPACES = (
    "https://www.epos-eu.org/epos-dcat-ap#",
    "http://www.epos-eu.org/epos-dcat-ap#",
    "http://www.epos-eu.org/epos/dcat-ap#",
    "https://www.epos-eu.org/epos/dcat-ap#",
)
EPOS_XML = "http://www.epos-ip.org/"
SCHEMAS = (SDO_HTTP, SDO)
IANA = "https://www.iana.org/assignments/media-types/"
POINT_OF_CONTACT = (
    "http://inspire.ec.europa.eu/metadata-codelist/ResponsiblePartyRole/pointOfContact"
)
ADMS_TYPO = Namespace("http://www.w3.org/nd/adms#")  # written so in several WP10 files
ONTOLOGY_TERMS = re.compile(rb"\b(owl:Ontology|owl:Class|rdfs:Class|owl#Ontology|owl#Class)\b")


def read_statements(data: bytes, base_iri: str) -> list[ox.Triple]:
    """The statements of an EPOS-DCAT-AP document, through the generic readers (Turtle or
    RDF/XML), or from the EPOS XML."""
    from ... import formats  # here: formats imports this package

    head = data[:65536].lstrip(b"\xef\xbb\xbf \t\r\n")
    if EPOS_XML.encode() in head and re.search(rb"<(\w+:)?Epos[\s>]", head):
        from .xml_records import read_epos_xml

        return read_epos_xml(data, base_iri=base_iri)
    if head[:1] in (b"{", b"["):
        fmt = "jsonld"
    elif head.startswith(b"<") and re.search(rb"<(\w+:)?RDF\b", head):
        fmt = "rdfxml"
    else:
        fmt = "turtle"
    try:
        return [q.triple for q in formats.READERS[fmt](data, base_iri)]
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"EPOS-DCAT-AP: not valid {fmt}: {exc}") from exc


def is_a(idx: Index, node, *locals_: str) -> bool:
    types = idx.types(node)
    return any(
        t.endswith(("#" + name, "/" + name)) and not t.startswith(HYDRA) or t == name
        for t in types
        for name in locals_
    )


def epos_typed(idx: Index, node, name: str) -> bool:
    return any(ns + name in idx.types(node) for ns in EPOS_NAMESPACES)


def values_of(idx: Index, node, *props: str) -> list:
    """The objects of ``node`` for every property (schema.org in both its http and https
    namespaces when written ``schema:``)."""
    out = []
    for prop in props:
        if prop.startswith("schema:"):
            for ns in SCHEMAS:
                out.extend(idx.values(node, ns + prop[7:]))
        else:
            out.extend(idx.values(node, prop))
    return list(dict.fromkeys(out))


def strings_of(idx: Index, node, *props: str) -> list[ox.Literal]:
    out = []
    for value in values_of(idx, node, *props):
        if isinstance(value, ox.Literal) and plain(value.value):
            out.append(value)
    return out


def url_of(value) -> ox.NamedNode | None:
    """An http(s)/ftp IRI from an IRI or an ``xsd:anyURI``/plain literal holding a URL."""
    if isinstance(value, ox.NamedNode | ox.Literal):
        raw = value.value.strip()
        if is_url(raw):
            try:
                return ox.NamedNode(raw.replace(" ", "%20"))
            except ValueError:
                return None
    return None


def iri_of(value) -> ox.NamedNode | None:
    """An IRI as written, or the URL a literal holds."""
    if isinstance(value, ox.NamedNode):
        return value
    return url_of(value)


_SPLIT = re.compile(r"\s*[,;]\s*")


def split_keywords(values: list[str]) -> list[str]:
    """Keywords as EPOS writes them (one per literal or several separated by commas)."""
    out = []
    for value in values:
        out.extend(k for k in (plain(p) for p in _SPLIT.split(plain(value))) if k)
    return list(dict.fromkeys(out))


# ------------------------------------------------------------------------------ geometry
_NUMBER = r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"


def wkt_envelope(wkt: str) -> tuple[str | None, str | None]:
    """(the WKT as a clean geometry or None, the WKT polygon of its envelope or None).

    >>> wkt_envelope("POINT(-7.5 40.25 684)")[1]
    'POLYGON((-7.5 40.25, -7.5 40.25, -7.5 40.25, -7.5 40.25, -7.5 40.25))'
    >>> wkt_envelope("POINT(40.227,15.918)")
    (None, None)
    >>> wkt_envelope("POLYGON(14.0 39.0,16.0 39.0,16.0 42.0,14.0 42.0,14.0 39.0)")[0] is None
    True
    >>> wkt_envelope("POLYGON((90 -180,90 180,-90 180,-90 -180, 90 -180))")
    (None, 'POLYGON((-180 -90, 180 -90, 180 90, -180 90, -180 -90))')
    """
    text = re.sub(r"^\s*<[^>]*>\s*", "", wkt).strip()
    match = re.match(
        r"(?i)^(POINT|MULTIPOINT|LINESTRING|POLYGON|MULTIPOLYGON)\s*(Z\s*)?\((.*)\)$", text
    )
    if not match:
        return None, None
    points = []
    for group in re.split(r"\s*,\s*", re.sub(r"[()]", " ", match.group(3)).strip()):
        numbers = group.split()
        if len(numbers) < 2 or not all(re.fullmatch(_NUMBER, n) for n in numbers):
            return None, None
        points.append((float(numbers[0]), float(numbers[1])))
    if not points:
        return None, None
    # a polygon without its ring's parentheses still gives its box, but is no WKT to keep
    kind = match.group(1).upper()
    if kind.endswith("POLYGON") and not re.match(r"(?i)^\w+\s*(Z\s*)?\(\s*\(", text):
        text = None
    lons, lats = [p[0] for p in points], [p[1] for p in points]

    def on_globe(xs: list[float], ys: list[float]) -> bool:
        return -180 <= min(xs) <= max(xs) <= 180 and -90 <= min(ys) <= max(ys) <= 90

    if not on_globe(lons, lats):
        if not on_globe(lats, lons):
            return text, None
        lons, lats, text = lats, lons, None  # written lat lon: the box is swapped back
    return text, bbox_wkt(min(lons), min(lats), max(lons), max(lats))


def template_base(template: str) -> ox.NamedNode | None:
    """The URL of a Hydra IRI template before its first variable (and query).

    >>> template_base("http://www.orfeus-eu.org/fdsnws/dataselect/1/query{?starttime,endtime}").value
    'http://www.orfeus-eu.org/fdsnws/dataselect/1/query'
    >>> template_base("https://glass.epos.ubi.pt:8080/webresources/stations/{format}/{geoJSON}").value
    'https://glass.epos.ubi.pt:8080/webresources/stations/'
    """
    base = re.split(r"[{(?]", template.strip(), maxsplit=1)[0].strip()
    return url_of(ox.Literal(base)) if base else None


def tagged(value: ox.Literal, lang: str) -> ox.Literal:
    text_value = plain(value.value)
    if value.language:
        return ox.Literal(text_value, language=value.language.lower())
    return ox.Literal(text_value, language=lang)


def language_code(idx: Index, value) -> str | None:
    if isinstance(value, ox.NamedNode):
        code = value.value.rstrip("/").rsplit("/", 1)[-1]
    elif isinstance(value, ox.Literal):
        code = value.value
    else:
        found = strings_of(idx, value, RDFS.label, SKOS.prefLabel)
        code = found[0].value if found else ""
    code = code.strip().lower()
    three = {
        "eng": "en",
        "fra": "fr",
        "fre": "fr",
        "deu": "de",
        "ger": "de",
        "ita": "it",
        "spa": "es",
    }
    code = three.get(code, code)
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def media_type(value: str) -> ox.NamedNode | None:
    if is_url(value.strip()) and "/media-types/" in value:
        return ox.NamedNode(value.strip())
    value = plain(value).lower()
    if re.fullmatch(r"[a-z]+/[a-z0-9.+-]+", value):
        return ox.NamedNode(IANA + value)
    return None


def mails_of(idx: Index, node) -> list[ox.NamedNode]:
    out = []
    for value in values_of(idx, node, "schema:email", VCARD.hasEmail, FOAF.mbox):
        address = (
            value.value.strip().removeprefix("mailto:")
            if not isinstance(value, ox.BlankNode)
            else ""
        )
        if re.fullmatch(r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+", address):
            out.append(ox.NamedNode("mailto:" + address))
    return list(dict.fromkeys(out))
