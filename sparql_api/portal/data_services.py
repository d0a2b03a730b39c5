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
from sparql_api.web.labels import LABELS

__all__ = ["protocol_label", "dataset_services"]


#: the key in :data:`LABELS` of the name of each protocol services conform to (dct:conformsTo),
#: by IRI: the OGC service types, the THREDDS services, then others
_PROTOCOLS: dict[str, str] = {
    STANDARDS["wms"]: LABELS.mark("protocol.wms"),
    STANDARDS["wfs"]: LABELS.mark("protocol.wfs"),
    STANDARDS["wcs"]: LABELS.mark("protocol.wcs"),
    STANDARDS["wmts"]: LABELS.mark("protocol.wmts"),
    STANDARDS["sos"]: LABELS.mark("protocol.sos"),
    STANDARDS["wps"]: LABELS.mark("protocol.wps"),
    STANDARDS["csw"]: LABELS.mark("protocol.csw"),
    PROTOCOLS["opendap"][1]: LABELS.mark("protocol.opendap"),
    PROTOCOLS["dap4"][1]: LABELS.mark("protocol.dap4"),
    PROTOCOLS["ncss"][1]: LABELS.mark("protocol.ncss"),
    PROTOCOLS["cdmremote"][1]: LABELS.mark("protocol.cdmremote"),
    PROTOCOLS["iso"][1]: LABELS.mark("protocol.iso19115"),
    PROTOCOLS["ncml"][1]: LABELS.mark("protocol.ncml"),
    PROTOCOLS["uddc"][1]: LABELS.mark("protocol.uddc"),
    "https://www.rfc-editor.org/rfc/rfc9110": LABELS.mark("protocol.http"),
    "https://www.rfc-editor.org/rfc/rfc2616": LABELS.mark("protocol.http"),
    "https://docs.unidata.ucar.edu/tds/current/userguide/": LABELS.mark("protocol.thredds"),
    "https://coastwatch.pfeg.noaa.gov/erddap/rest.html": LABELS.mark("protocol.erddap"),
    "https://www.fdsn.org/webservices/": LABELS.mark("protocol.fdsn"),
    "https://api.stacspec.org/v1.0.0/core": LABELS.mark("protocol.stac"),
    "https://github.com/dewitt/opensearch": LABELS.mark("protocol.opensearch"),
    "http://www.openarchives.org/OAI/2.0/": LABELS.mark("protocol.oai-pmh"),
    "https://www.rfc-editor.org/rfc/rfc959": LABELS.mark("protocol.ftp"),
    "https://www.rfc-editor.org/rfc/rfc4253": LABELS.mark("protocol.sftp"),
}
#: protocols recognised in IRIs not listed above (first match wins)
_PROTOCOL_PATTERNS = (
    (re.compile(r"ogcapi|ogc-api", re.I), LABELS.mark("protocol.ogcapi")),
    (re.compile(r"opendap|\bdap\b|dap2|dap4", re.I), LABELS.mark("protocol.opendap")),
    (re.compile(r"/ogc/(\w+)$|\b(wms|wmts|wfs|wcs|csw|sos|wps)\b", re.I), None),
    (re.compile(r"rfc(?:9110|7231|2616)|\bhttps?$", re.I), LABELS.mark("protocol.http")),
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
    if iri in _PROTOCOLS:
        return LABELS.text(_PROTOCOLS[iri], lang)
    for pattern, key in _PROTOCOL_PATTERNS:
        match = pattern.search(iri)
        if match:  # no key: the service type named in the IRI (an acronym)
            return LABELS.text(key, lang) if key else next(g for g in match.groups() if g).upper()
    return None


def _pick_text(texts: dict[str, str] | None, lang: str) -> str | None:
    found = shown(texts or {}, lang)
    return found["text"] if found else None


def dataset_services(store: Store, iri: ox.NamedNode, lang: str, base: str) -> list[dict]:
    """The data services of the dataset ``iri``, by title: ``{iri, href, title, names,
    endpoint, descriptions, conforms, protocols}`` (``names``: its titles in every language;
    ``descriptions``: its endpoint descriptions' IRIs; protocol names in ``lang``)."""
    found: dict[str, dict] = {}
    for row in store.select(load_query("dataset_services"), {"iri": iri}):
        entry = found.setdefault(
            row["service"].value,
            {
                "titles": {},
                "endpoint": None,
                "descriptions": set(),
                "conforms": set(),
                "standards": {},
            },
        )
        title = row.get("title")
        if isinstance(title, ox.Literal):
            key = (title.language or "").split("-")[0].lower()
            if key not in entry["titles"] or title.value < entry["titles"][key]:
                entry["titles"][key] = title.value
        if isinstance(row.get("endpoint"), ox.NamedNode):
            entry["endpoint"] = link_target(row["endpoint"].value)
        if isinstance(row.get("description"), ox.NamedNode):
            entry["descriptions"].add(row["description"].value)
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
            "names": sorted(set(e["titles"].values())),
            "endpoint": e["endpoint"],
            "descriptions": sorted(e["descriptions"]),
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
