"""The ways to reach a dataset's data, as its page shows them: the data services serving it
(``dcat:servesDataset``), each with its endpoint and the names of the protocols it conforms to
(``dct:conformsTo``: known IRIs, then patterns, else the standard's own title). Plain functions
over the store (no Flask).
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from graph_loader.mappings.ogc_capabilities import STANDARDS
from graph_loader.mappings.thredds import PROTOCOLS
from graph_loader.store import Store
from sparql_api.core.rq import load_query
from sparql_api.linked_data.dereference import local_path
from sparql_api.portal.pages import link_target, shown

__all__ = ["protocol_label", "dataset_services"]


#: human names of the protocols services conform to (dct:conformsTo), by IRI
_PROTOCOLS: dict[str, dict[str, str]] = {
    "https://www.rfc-editor.org/rfc/rfc9110": {"fr": "HTTP", "en": "HTTP"},
    "https://www.rfc-editor.org/rfc/rfc2616": {"fr": "HTTP", "en": "HTTP"},
    "http://www.opengis.net/def/serviceType/ogc/csw": {"fr": "CSW", "en": "CSW"},
    "http://www.opengis.net/def/serviceType/ogc/wmts": {"fr": "WMTS", "en": "WMTS"},
    "http://www.opengis.net/def/serviceType/ogc/sos": {"fr": "SOS", "en": "SOS"},
    "http://www.opengis.net/def/serviceType/ogc/wps": {"fr": "WPS", "en": "WPS"},
    "https://docs.unidata.ucar.edu/tds/current/userguide/": {"fr": "THREDDS", "en": "THREDDS"},
    "https://coastwatch.pfeg.noaa.gov/erddap/rest.html": {"fr": "ERDDAP", "en": "ERDDAP"},
    "https://www.fdsn.org/webservices/": {"fr": "services web FDSN", "en": "FDSN web services"},
    "https://api.stacspec.org/v1.0.0/core": {"fr": "API STAC", "en": "STAC API"},
    "https://github.com/dewitt/opensearch": {"fr": "OpenSearch", "en": "OpenSearch"},
    "http://www.openarchives.org/OAI/2.0/": {"fr": "OAI-PMH", "en": "OAI-PMH"},
    "https://www.rfc-editor.org/rfc/rfc959": {"fr": "FTP", "en": "FTP"},
    "https://www.rfc-editor.org/rfc/rfc4253": {"fr": "SFTP", "en": "SFTP"},
}
_PROTOCOLS.update(
    {iri: {"fr": kind.upper(), "en": kind.upper()} for kind, iri in STANDARDS.items()}
)
_FRENCH = {
    "NetCDF Subset Service": "Service de sous-ensembles NetCDF (NCSS)",
    "ISO 19115 metadata": "Métadonnées ISO 19115",
    "UDDC (ACDD rubric)": "UDDC (grille ACDD)",
}
_PROTOCOLS.update(
    {
        iri: {"fr": _FRENCH.get(name, name), "en": name}
        for name, iri, _suffix in reversed(PROTOCOLS.values())
        if iri is not None and iri not in _PROTOCOLS
    }
)
#: protocols recognised in IRIs not listed above (first match wins)
_PROTOCOL_PATTERNS = (
    (re.compile(r"ogcapi|ogc-api", re.I), "OGC API"),
    (re.compile(r"opendap|\bdap\b|dap2|dap4", re.I), "OPeNDAP"),
    (re.compile(r"/ogc/(\w+)$|\b(wms|wmts|wfs|wcs|csw|sos|wps)\b", re.I), None),
    (re.compile(r"rfc(?:9110|7231|2616)|\bhttps?$", re.I), "HTTP"),
)


def protocol_label(iri: str, lang: str) -> str | None:
    """The name of the protocol ``iri`` (a service's ``dct:conformsTo``) stands for, or None
    (the page then shows the standard's own title, else its IRI).

    >>> protocol_label("https://www.opendap.org/pdf/ESE-RFC-004v1.2.pdf", "en")
    'OPeNDAP'
    >>> protocol_label("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", "fr")
    'OGC API'
    >>> protocol_label("http://www.opengis.net/def/serviceType/ogc/wms", "fr")
    'WMS'
    """
    known = _PROTOCOLS.get(iri)
    if known:
        return known.get(lang) or known["en"]
    for pattern, label in _PROTOCOL_PATTERNS:
        match = pattern.search(iri)
        if match:
            return label or next(g for g in match.groups() if g).upper()
    return None


def _pick_text(texts: dict[str, str] | None, lang: str) -> str | None:
    found = shown(texts or {}, lang)
    return found["text"] if found else None


def dataset_services(store: Store, iri: ox.NamedNode, lang: str, base: str) -> list[dict]:
    """The data services of the dataset ``iri``, by title: ``{iri, href, title, endpoint,
    conforms, protocols}`` (protocol names in ``lang``)."""
    found: dict[str, dict] = {}
    for row in store.select(load_query("dataset_services"), {"iri": iri}):
        entry = found.setdefault(
            row["service"].value,
            {"titles": {}, "endpoint": None, "conforms": set(), "standards": {}},
        )
        title = row.get("title")
        if isinstance(title, ox.Literal):
            key = (title.language or "").split("-")[0].lower()
            if key not in entry["titles"] or title.value < entry["titles"][key]:
                entry["titles"][key] = title.value
        if isinstance(row.get("endpoint"), ox.NamedNode):
            entry["endpoint"] = link_target(row["endpoint"].value)
        if isinstance(row.get("conforms"), ox.NamedNode):
            entry["conforms"].add(row["conforms"].value)
            name = row.get("standard")
            if isinstance(name, ox.Literal):
                names = entry["standards"].setdefault(row["conforms"].value, {})
                key = (name.language or "").split("-")[0].lower()
                if key not in names or name.value < names[key]:
                    names[key] = name.value
    services = [
        {
            "iri": service,
            "href": local_path(service, base) or link_target(service),
            "title": shown(e["titles"], lang) or {"text": service, "fallback": None},
            "endpoint": e["endpoint"],
            "conforms": sorted(e["conforms"]),
            "protocols": sorted(
                {
                    p
                    for c in e["conforms"]
                    if (p := protocol_label(c, lang) or _pick_text(e["standards"].get(c), lang))
                },
                key=str.casefold,
            ),
        }
        for service, e in found.items()
    ]
    return sorted(services, key=lambda s: (s["title"]["text"], s["iri"]))
