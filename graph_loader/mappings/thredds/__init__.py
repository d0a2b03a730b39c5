"""THREDDS catalogues (InvCatalog 1.0) → ``dcat:Dataset`` records and their access services.

**Which datasets are records.** A catalogue is a tree of ``dataset`` elements; a discovery
record is a dataset that someone can reach or that describes a collection:

- a *file* is a leaf with access (``urlPath`` or ``access`` children) and nothing of its own
  but its name, ``urlPath``, ``dataSize`` and ``date``: no discovery metadata (documentation,
  keyword, creator, publisher, contributor, coverage, variables, project) and no NcML
  definition (a ``netcdf`` child makes it a virtual dataset: an aggregation or a view);
- a file is a *granule*, not a record, when it lies beside other files (a listing: the files
  of a time series, what a ``datasetScan`` gives) or inside a collection that is a record; a
  lone file in a collection that is no record is a record (a dataset of one file);
- any other dataset with access is a record;
- a collection (a dataset with nested datasets, a ``datasetScan``, a ``featureCollection``) is
  a record when it carries discovery metadata of its own (its ``metadata`` blocks included)
  or when it holds granules (it stands for them: a time series is found by its collection);
  such a collection gets a distribution: the catalogue's HTML page of it, which lists its
  files with all their accesses (``THREDDS catalogue: N files``), when the catalogue's URL is
  known;
- ``catalogRef`` elements are not records: the THREDDS harvester follows them.

A child record is ``dct:isPartOf`` its nearest ancestor record.

**Metadata.** A dataset's metadata are its own elements and ``metadata`` blocks, then the
``metadata inherited="true"`` blocks of its ancestors (nearest first: the first single value
wins); the ``serviceName``, ``authority`` and ``dataType`` attributes are inherited too.
``metadata`` blocks with an ``xlink:href`` are not fetched. An NcML ``netcdf`` element inside
a dataset gives its ACDD attributes to what the catalogue leaves unsaid. Everything is mapped
by :mod:`.acdd`: ``documentation`` typed summary (else untyped text) → description, rights →
licence, reference → ``dct:isReferencedBy``, processing_level → provenance, with an
``xlink:href`` → ``foaf:page``; ``keyword``; ``creator`` / ``publisher`` (name, contact
e-mail and URL); ``contributor`` with its role; ``geospatialCoverage`` (start + size along
north-south, east-west, and up-down with ``zpositive``) → box and altitudes;
``timeCoverage`` (start, end, or start + duration) → period; ``variables`` of a CF vocabulary
→ standard names; ``date`` created / modified / issued; ``dataType`` → ``dct:type``; ``ID``
with ``authority`` → identifier.

**Access.** Services are looked up by name (catalogue level and inside datasets; a
``Compound`` service stands for its members). Each access URL is the service ``base`` +
``urlPath``, resolved against the catalogue's URL — its ``xml:base`` attribute, which the
harvester sets to the URL it fetched; in a catalogue read from a file, server-relative bases
(``/thredds/dodsC/``) have no host and are left out. OPeNDAP / DAP4, WMS, WCS, NetcdfSubset,
CdmRemote, ISO, NCML and UDDC each give a ``dcat:DataService`` (IRI minted from its URL) with
``dcat:endpointURL``, ``dct:conformsTo`` the protocol, ``dcat:servesDataset`` the dataset, and
a distribution of the dataset whose ``dcat:accessService`` it is; HTTPServer, FTP and direct
file services give a distribution with ``dcat:downloadURL`` (``dataSize`` → ``dcat:byteSize``,
in powers of 1000 as the THREDDS units say). The dataset's landing page is the TDS HTML page
of the dataset (``catalog.html?dataset=ID``) when the catalogue's URL is known.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urljoin, urlsplit
from xml.etree.ElementTree import Element

import pyoxigraph as ox

from ...errors import InputError
from ...iri import resource_iri
from ...namespaces import DCAT, DCT, IANA_MEDIA_TYPES
from ..acdd import (
    Discovery,
    add_discovery,
    dataset_iri,
)
from ..build import A, Triples, is_url, text
from ..xmlsafe import parse_xml
from .discovery import node_discovery
from .tree import (
    CATALOG_NAMESPACES,
    COLLECTIONS,
    DATASETS,
    INHERITED_ATTRIBUTES,
    XLINK,
    XML_BASE,
    CatalogNode,
    child_elements,
    data_size,
    expand_service,
    has_access,
    is_bare,
    local_name,
    own_metadata,
)

__all__ = [
    "sniff",
    "convert",
    "PROTOCOLS",
    "CATALOG_NAMESPACES",
    "catalog_refs",
    "dataset_accesses",
    "XML_BASE",
]

_WMS = "http://www.opengis.net/def/serviceType/ogc/wms"
_WCS = "http://www.opengis.net/def/serviceType/ogc/wcs"
_NCSS = "https://docs.unidata.ucar.edu/tds/current/userguide/netcdf_subset_service_ref.html"
_CDM_REMOTE = "https://docs.unidata.ucar.edu/tds/current/userguide/cdmremote.html"
_ACDD = "https://wiki.esipfed.org/Attribute_Convention_for_Data_Discovery_1-3"
_DAP2 = "https://www.opendap.org/pdf/ESE-RFC-004v1.2.pdf"
#: serviceType (lower case) -> (label, dct:conformsTo, endpoint description suffix);
#: a None protocol marks a download (a distribution, no service)
PROTOCOLS: dict[str, tuple[str, str | None, str]] = {
    "opendap": ("OPeNDAP", _DAP2, ".dds"),
    "dods": ("OPeNDAP", _DAP2, ".dds"),
    "dap4": ("DAP4", "https://docs.opendap.org/index.php/DAP4:_Specification_Volume_1", ".dmr"),
    "wms": ("WMS", _WMS, "?service=WMS&version=1.3.0&request=GetCapabilities"),
    "wcs": ("WCS", _WCS, "?service=WCS&version=1.0.0&request=GetCapabilities"),
    "netcdfsubset": ("NetCDF Subset Service", _NCSS, "/dataset.xml"),
    "ncss": ("NetCDF Subset Service", _NCSS, "/dataset.xml"),
    "cdmremote": ("CdmRemote", _CDM_REMOTE, "?req=capabilities"),
    "iso": ("ISO 19115 metadata", "http://www.isotc211.org/2005/gmi", ""),
    "ncml": ("NcML", "http://www.unidata.ucar.edu/namespaces/netcdf/ncml-2.2", ""),
    "uddc": ("UDDC (ACDD rubric)", _ACDD, ""),
    "httpserver": ("HTTP download", None, ""),
    "ftp": ("FTP download", None, ""),
    "file": ("File download", None, ""),
    "netcdf": ("NetCDF file", None, ""),
}  # fmt: skip
_MEDIA = {
    "netcdf": "application/x-netcdf",
    "netcdf-4": "application/x-netcdf",
    "hdf5": "application/x-hdf5",
    "ncml": "application/xml",
    "grib-1": "application/x-grib",
    "grib-2": "application/x-grib",
}
_HEAD = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?(catalog|metadata)[\s>/]")


def sniff(data: bytes) -> bool:
    """The first element is ``catalog`` (or a standalone ``metadata`` document, which is
    refused with its reason) in a THREDDS InvCatalog namespace."""
    head = data[:4096].decode("utf-8", "replace")
    head = re.sub(r"<[?!][^>]*>", "", head).lstrip()
    return bool(_HEAD.match(head)) and any(ns in head for ns in CATALOG_NAMESPACES)


class _Catalogue:
    """One catalogue being converted."""

    def __init__(self, root: Element, base_iri: str):
        self.root, self.base_iri = root, base_iri
        self.base = (root.get(XML_BASE) or "").strip()
        self.name = root.get("name", "").strip()
        self.services: dict[str, Element] = {}
        for service in (s for s in root.iter() if local_name(s) == "service"):
            self.services.setdefault(service.get("name", ""), service)
        self.out = Triples()
        self.records = 0

    def scope(self) -> str:
        """What makes a local dataset ID unique: the catalogue's host, else its name."""
        host = urlsplit(self.base).netloc if is_url(self.base) else ""
        return host or self.name or "thredds"

    def walk(self, node: CatalogNode, granule: bool = False) -> None:
        """Convert ``node`` and its descendants; ``granule`` when its parent found it to be
        one file among others (see the module docstring)."""
        el = node.el
        children = child_elements(el, *DATASETS)
        own = own_metadata(el)
        name = el.get("name", "").strip()
        files = [c for c in children if is_bare(c)]
        parent_record = node.parent_record
        many = len(files) >= 2
        collection = bool(children) or local_name(el) in COLLECTIONS
        record = bool(name) and not granule
        record = record and (has_access(el) or (collection and (own or many)))
        subject = self.record(node, files if (many or own) else []) if record else None
        inherited = [
            m
            for m in child_elements(el, "metadata")
            if m.get("inherited") == "true" and not m.get(f"{XLINK}href")
        ]
        attributes = {a: node.attribute(a) for a in INHERITED_ATTRIBUTES}
        for child in children:
            is_file = child in files and (many or (subject or parent_record) is not None)
            self.walk(
                CatalogNode(
                    child,
                    [*inherited, *node.inherited],
                    attributes,
                    subject or parent_record,
                    [*node.path, name],
                ),
                is_file,
            )

    # -- one record ----------------------------------------------------------------------------

    def record(self, node: CatalogNode, files: list[Element]) -> ox.NamedNode:
        found = node_discovery(node, self.base)
        scope = found.authority or self.scope()
        ident = node.el.get("ID", "").strip()
        if ident and not found.authority:
            subject = ox.NamedNode(resource_iri("dataset", f"{scope}:{ident}", self.base_iri))
            key = ident
        else:
            where = "/".join([*node.path, found.title]) + "|" + node.el.get("urlPath", "")
            subject, key = dataset_iri(found, self.base_iri, f"thredds:{scope}:{where}")
        out = self.out
        lang = add_discovery(out, subject, found, key)
        self.records += 1
        out.add(subject, DCT.isPartOf, node.parent_record)
        if ident and self.base.endswith(".xml") and is_url(self.base):
            page = f"{self.base[:-4]}.html?dataset={quote(ident, safe='/:')}"
            out.add(subject, DCAT.landingPage, ox.NamedNode(page))
        self.access(node, subject, found, lang)
        if files and is_url(self.base):
            # the catalogue page lists the files of the collection with all their accesses
            page = self.base[:-4] + ".html" if self.base.endswith(".xml") else self.base
            if ident:
                page += f"?dataset={quote(ident, safe='/:')}"
            dist = ox.BlankNode()
            out.add(subject, DCAT.distribution, dist)
            out.add(dist, A, ox.NamedNode(DCAT.Distribution))
            label = f"THREDDS catalogue: {len(files)} file" + ("s" if len(files) > 1 else "")
            out.add(dist, DCT.title, text(label, "en"))
            out.add(dist, DCAT.accessURL, ox.NamedNode(page))
            out.add(dist, DCAT.mediaType, ox.NamedNode(IANA_MEDIA_TYPES["text/html"]))
        return subject

    # -- services ------------------------------------------------------------------------------

    def members(self, name: str) -> list[Element]:
        """The services a ``serviceName`` stands for (a Compound service: its members)."""
        service = self.services.get(name)
        return expand_service(service) if service is not None else []

    def accesses(self, node: CatalogNode) -> list[tuple[str, str]]:
        """(service type in lower case, absolute URL) of each way to reach the dataset."""
        pairs: list[tuple[Element, str]] = []
        if node.el.get("urlPath"):
            pairs += [
                (s, node.el.get("urlPath", "")) for s in self.members(node.attribute("serviceName"))
            ]
        for acc in child_elements(node.el, "access"):
            name = acc.get("serviceName") or node.attribute("serviceName")
            pairs += [(s, acc.get("urlPath", "")) for s in self.members(name)]
        found = []
        for service, path in pairs:
            kind = service.get("serviceType", "").strip().lower()
            if kind not in PROTOCOLS or not path.strip():
                continue
            url = service.get("base", "") + path.strip()
            url = urljoin(self.base, url) if self.base else url
            if is_url(url) and not url.startswith("file:"):
                found.append((kind, url))
        return found

    def access(self, node: CatalogNode, subject: ox.NamedNode, found: Discovery, lang: str) -> None:
        size = data_size(node.first("dataSize"))
        media = _MEDIA.get(node.attribute("dataFormat").lower())
        for kind, url in self.accesses(node):
            label, protocol, suffix = PROTOCOLS[kind]
            out = self.out
            dist = ox.BlankNode()
            out.add(subject, DCAT.distribution, dist)
            out.add(dist, A, ox.NamedNode(DCAT.Distribution))
            out.add(dist, DCT.title, text(label, "en"))
            out.add(dist, DCAT.accessURL, ox.NamedNode(url))
            if protocol is None:
                out.add(dist, DCAT.downloadURL, ox.NamedNode(url))
                if size is not None:
                    out.add(dist, DCAT.byteSize, ox.Literal(str(size), datatype=_DECIMAL))
                if media:
                    out.add(dist, DCAT.mediaType, ox.NamedNode(IANA_MEDIA_TYPES[media]))
                continue
            endpoint = ox.NamedNode(url)
            srv = ox.NamedNode(resource_iri("service", url, self.base_iri))
            out.add(dist, DCAT.accessService, srv)
            out.add(dist, DCT.conformsTo, ox.NamedNode(protocol))
            out.add(srv, A, ox.NamedNode(DCAT.DataService))
            out.add(srv, DCT.title, text(f"{label}: {found.title}", lang))
            out.add(srv, DCAT.endpointURL, endpoint)
            if suffix:
                out.add(srv, DCAT.endpointDescription, ox.NamedNode(url + suffix))
            out.add(srv, DCT.conformsTo, ox.NamedNode(protocol))
            out.add(srv, DCAT.servesDataset, subject)


_DECIMAL = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")


def dataset_accesses(root: Element) -> list[tuple[Element, str, str]]:
    """(dataset element, service type in lower case, absolute URL) of every access of every
    dataset of a catalogue (inherited service names followed; the catalogue's ``xml:base``
    resolves relative bases): what a harvester may fetch beside the catalogue."""
    catalogue = _Catalogue(root, "")
    found: list[tuple[Element, str, str]] = []

    def walk(node: CatalogNode) -> None:
        found.extend((node.el, kind, url) for kind, url in catalogue.accesses(node))
        inherited = [m for m in child_elements(node.el, "metadata") if m.get("inherited") == "true"]
        attributes = {a: node.attribute(a) for a in INHERITED_ATTRIBUTES}
        for child in child_elements(node.el, *DATASETS):
            walk(CatalogNode(child, [*inherited, *node.inherited], attributes, None))

    for top in child_elements(root, *DATASETS):
        walk(CatalogNode(top, [], {}, None))
    return found


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """The records of a THREDDS catalogue (see the module docstring)."""
    if not data.strip():
        raise InputError("empty record")
    try:
        root = parse_xml(data, name="THREDDS catalogue")
    except (LookupError, ValueError) as exc:
        raise InputError(f"THREDDS catalogue: unreadable XML: {exc}") from exc
    if local_name(root) == "metadata":
        raise InputError(
            "THREDDS metadata document (the target of a catalogue's metadata xlink:href): it "
            "names no dataset, not a record (document de métadonnées THREDDS : ne nomme aucun "
            "jeu de données, pas une notice)"
        )
    if local_name(root) != "catalog":
        raise InputError(f"<{local_name(root)}> is not a THREDDS catalog element")
    catalogue = _Catalogue(root, base_iri)
    for top in child_elements(root, *DATASETS):
        catalogue.walk(CatalogNode(top, [], {}, None))
    if not catalogue.records:
        datasets = sum(1 for e in root.iter() if local_name(e) in DATASETS)
        refs = sum(1 for e in root.iter() if local_name(e) == "catalogRef")
        raise InputError(
            f"THREDDS catalogue with no discovery record: {datasets} dataset(s) without access "
            f"nor metadata of their own, {refs} catalogRef(s) "
            f"(catalogue THREDDS sans notice : {datasets} jeu(x) sans accès ni métadonnées "
            f"propres, {refs} catalogRef)"
        )
    return list(dict.fromkeys(catalogue.out))
