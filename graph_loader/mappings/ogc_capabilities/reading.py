"""Reading OGC capabilities: the service kind of a root element, elements by local name (the
several versions and their namespaces read alike), and the language of texts."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from ..build import Triples, guess_language, text
from ..iso_common import XLINK_HREF, descendants, either, kids, lang_tag, local

__all__ = [
    "KINDS",
    "STANDARDS",
    "root_kind",
    "kids",
    "kid",
    "either",
    "descendants",
    "content",
    "href",
    "keywords",
    "declared_language",
    "Texts",
]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ROOTS = {"WMS_Capabilities": "wms", "WMT_MS_Capabilities": "wms", "WFS_Capabilities": "wfs"}
#: namespace part of a ``Capabilities`` root -> service kind
_CAPABILITIES_NS = {
    "opengis.net/wcs": "wcs",
    "opengis.net/wmts": "wmts",
    "opengis.net/sos": "sos",
    "opengis.net/wps": "wps",
    "opengis.net/cat/csw": "csw",
}
KINDS = ("wms", "wfs", "wcs", "wmts", "sos", "wps", "csw")
#: service kind -> the OGC service type IRI given as dct:conformsTo
STANDARDS = {k: f"http://www.opengis.net/def/serviceType/ogc/{k}" for k in KINDS}


def root_kind(tag: str, head: str) -> str | None:
    """The service kind of a root element: ``tag`` is ``{ns}name`` (parsed) or ``prefix:name``
    (sniffed; the prefix's namespace is looked up in ``head``).

    >>> root_kind("{http://www.opengis.net/wmts/1.0}Capabilities", "")
    'wmts'
    >>> root_kind("wfs:WFS_Capabilities", ""), root_kind("ows:Capabilities", "")
    ('wfs', None)
    """
    if tag.startswith("{"):
        namespace, name = tag[1:].split("}", 1)
    else:
        prefix, _, name = tag.rpartition(":")
        attribute = "xmlns:" + prefix if prefix else "xmlns"
        declared = re.search(re.escape(attribute) + r"\s*=\s*[\"']([^\"']+)", head)
        namespace = declared.group(1) if declared else ""
    if name in _ROOTS:
        return _ROOTS[name]
    if name == "Capabilities":
        return next((k for part, k in _CAPABILITIES_NS.items() if part in namespace), None)
    return None


def kid(el: Element | None, *path: str) -> Element | None:
    """The element at the end of ``path``, following the first child of each local name."""
    for name in path:
        found = kids(el, name)
        el = found[0] if found else None
    return el


def content(el: Element | None) -> str:
    """The text of an element, trimmed; "" for no element."""
    return (el.text or "").strip() if el is not None else ""


def href(el: Element | None) -> str:
    """The ``xlink:href`` of an element, trimmed; "" for no element."""
    return el.get(XLINK_HREF, "").strip() if el is not None else ""


def keywords(el: Element) -> list[Element]:
    """The keywords of a service or a layer (WMS ``KeywordList``, OWS ``Keywords``)."""
    lists = kids(el, "KeywordList", "Keywords")
    return [k for kl in lists for k in kids(kl, "Keyword")]


def declared_language(root: Element) -> str | None:
    """The language the capabilities declare: the root's ``xml:lang``, INSPIRE
    ``ResponseLanguage`` / ``DefaultLanguage``, or the first OWS ``Language``."""
    candidates = [root.get(XML_LANG, "")]
    for name in ("ResponseLanguage", "DefaultLanguage", "Languages"):
        candidates += [
            content(e) for block in descendants(root, name) for e in descendants(block, "Language")
        ]
    for code in candidates:
        tag = lang_tag(code) if code else None
        if tag:
            return tag
    return None


class Texts:
    """Language-tagged texts of one part of the capabilities."""

    def __init__(self, fallback: str | None):
        self.fallback = fallback

    def lang(self, elements: list[Element]) -> str | None:
        """The language of ``elements``: their xml:lang, a clear guess, or the fallback."""
        tagged = [e.get(XML_LANG) for e in elements if e.get(XML_LANG)]
        if tagged:
            return tagged[0][:2].lower()
        return guess_language(*(content(e) for e in elements)) or self.fallback

    def add(self, out: Triples, subject, prop, elements: list[Element], lang) -> None:
        """One literal per non-empty element, with its own xml:lang or ``lang``."""
        for el in elements:
            if content(el):
                own = el.get(XML_LANG)
                out.add(subject, prop, text(content(el), own[:2].lower() if own else lang))

    def document_lang(self, root: Element) -> str | None:
        """The language of all the document's titles, abstracts and keywords together."""
        words = ("Title", "Abstract", "Keyword", "description")
        return self.lang([e for e in root.iter() if local(e.tag) in words])
