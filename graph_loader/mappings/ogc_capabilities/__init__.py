"""OGC capabilities → DCAT-AP 3: WMS (1.1.1, 1.3.0), WFS (1.1, 2.0), WCS (1.1, 2.0), WMTS 1.0,
SOS (1.0, 2.0), WPS 1.0 and CSW 2.0.2.

One ``dcat:DataService`` for the service (IRI minted from its endpoint URL) and one
``dcat:Dataset`` per named layer, feature type, coverage, tile layer or observation offering
(IRI minted from the endpoint URL and the layer name), linked by ``dcat:servesDataset``; each
dataset has a distribution whose ``dcat:accessService`` is the service. A WPS (processes) and
a CSW (a catalogue) serve no dataset of their own. Elements are matched by local name, so the
several versions and their namespaces (WMS, OWS 1.0 / 1.1 / 2.0) are read alike
(:mod:`.reading`); the service is written by :mod:`.service`, the datasets by :mod:`.layers`
with their extents (:mod:`.extents`). Decisions:

- ``dcat:endpointURL`` is the GetCapabilities (else GetMap, else Service) online resource
  without its trailing ``?``; ``dcat:endpointDescription`` is the GetCapabilities request;
- texts carry their ``xml:lang``; else the language the capabilities declare (root
  ``xml:lang``, INSPIRE ``ResponseLanguage`` / ``DefaultLanguage``, OWS ``Languages``), else
  fr or en when :func:`~..build.guess_language` is clear about the service's texts, or about
  all the texts of the document together; a layer falls back on the service's language;
- an SOS offering's envelope in a geographic EPSG CRS (``EPSG/0/4326``) is read latitude
  first, as EPSG orders it; in CRS84 (or without CRS) longitude first; others are skipped;
- access constraints "none" / "aucun" become ``dct:accessRights`` PUBLIC; a URL or a licence
  name (``Licence Ouverte Etalab 2.0``) ``dct:license``; other texts a ``dct:RightsStatement``;
- a layer inherits the bounding box of its parent layer (WMS inheritance rules);
- a WMS time dimension (a list of instants or ``start/end/resolution``) gives ``dct:temporal``.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

import pyoxigraph as ox

from ...errors import InputError
from ...iri import resource_iri
from ..build import Triples
from ..xmlsafe import parse_xml
from .layers import add_layer, named_layers
from .reading import KINDS, STANDARDS, Texts, declared_language, kid, kids, root_kind
from .service import Service, add_service, endpoint_url

__all__ = ["sniff", "convert", "STANDARDS", "KINDS"]


def sniff(data: bytes) -> bool:
    """The root element is WMS_Capabilities, WMT_MS_Capabilities, WFS_Capabilities or the
    Capabilities of a WCS, WMTS, SOS, WPS or CSW.

    >>> sniff(b'<?xml version="1.0"?><WMS_Capabilities version="1.3.0"/>')
    True
    >>> sniff(b'<Capabilities xmlns="http://www.opengis.net/xyz/1.0"/>')
    False
    """
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    head = data[:8192].decode("utf-16" if utf16 else "utf-8", "replace").lstrip("\ufeff")
    found = re.search(r"<([A-Za-z_][\w.:-]*)", re.sub(r"<[?!][^>]*>", "", head))
    return bool(found) and root_kind(found.group(1), head) is not None


def _read(data: bytes) -> tuple[Element, str, Element]:
    """(root, service kind, service identification) of capabilities; :class:`InputError`
    for anything else."""
    if not data.strip():
        raise InputError("empty record")
    try:
        root = parse_xml(data, name="capabilities")
    except (LookupError, ValueError) as exc:  # unknown or inconsistent encoding declaration
        raise InputError(f"capabilities: unreadable XML: {exc}") from exc
    kind = root_kind(root.tag, "")
    if kind is None:
        name = root.tag.rsplit("}", 1)[-1] if isinstance(root.tag, str) else ""
        raise InputError(f"<{name}> is not WMS, WFS, WCS, WMTS, SOS, WPS or CSW capabilities")
    ident = kid(root, "Service") if kind == "wms" else kid(root, "ServiceIdentification")
    if ident is None:
        raise InputError(f"{kind.upper()} capabilities have no service identification")
    return root, kind, ident


def _service(root: Element, kind: str, ident: Element, base_iri: str) -> Service:
    """The service with its endpoint and the language of its texts: declared, else guessed
    from its own texts, else from all the document's texts."""
    endpoint = endpoint_url(root, kind)
    texts = Texts(declared_language(root))
    lang = texts.lang([*kids(ident, "Title"), *kids(ident, "Abstract")])
    if lang is None:
        lang = texts.document_lang(root)
    texts.fallback = lang
    node = ox.NamedNode(resource_iri("service", endpoint, base_iri))
    return Service(node, kind, endpoint, texts, lang)


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """The data service and the datasets it serves, from OGC capabilities."""
    root, kind, ident = _read(data)
    service = _service(root, kind, ident, base_iri)
    out = Triples()
    add_service(out, service, root, ident)
    for layer in named_layers(root, kind):
        if layer[0]:
            add_layer(out, service, layer, base_iri)
    return list(dict.fromkeys(out))
