"""``/api/map-capabilities``: the capabilities of a map service a dataset offers, read by the
server for the dataset page's preview (:mod:`sparql_api.portal.capabilities`).

Only a WMS or WMTS that the dataset's record offers is read (the URL as the dataset page
names it, :func:`~sparql_api.portal.previews.map_previews`): this is no open proxy. Answers
are kept a while per service; errors are bilingual JSON: 400 (parameters missing), 404 (no
such service for the dataset), 403 (a private address), 502 (the service did not answer
with readable capabilities: the fault is the remote server's, not the request's).
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, jsonify, request

from sparql_api.portal.capabilities import (
    MAX_BYTES,
    Cache,
    CapabilitiesError,
    capabilities_url,
    fetch,
    read,
)
from sparql_api.portal.data_services import dataset_services
from sparql_api.portal.previews import map_previews
from sparql_api.web.catalogue import get_catalogue
from sparql_api.web.http_errors import ApiError, request_lang
from sparql_api.web.i18n import WEB

__all__ = ["bp", "get_cache"]

bp = Blueprint("capabilities", __name__)

_STATUS = {"capabilities_private": 403}
_CACHE = "gaia_kg.capabilities"


def get_cache() -> Cache:
    """The app's cache of capabilities (one per app)."""
    return current_app.extensions.setdefault(_CACHE, Cache())


def _offered(dataset: str, url: str) -> dict:
    """The map service at ``url`` that ``dataset`` offers; ApiError 400/404 otherwise."""
    catalogue = get_catalogue()
    try:
        iri = ox.NamedNode(dataset)
    except ValueError as exc:
        raise ApiError(400, WEB.mark("bad_iri"), value=dataset) from exc
    services = dataset_services(catalogue.store, iri, request_lang(), catalogue.settings.base_iri)
    for preview in map_previews(services, []):
        if preview["endpoint"] == url:
            return preview
    raise ApiError(404, WEB.mark("capabilities_not_offered"), dataset=dataset, url=url)


@bp.get("/api/map-capabilities")
def map_capabilities() -> Response:
    """``?dataset=<IRI>&url=<service>``: ``{kind, version, layers, …}`` (see
    :func:`~sparql_api.portal.capabilities.read`)."""
    dataset, url = request.args.get("dataset"), request.args.get("url")
    if not dataset or not url:
        raise ApiError(400, WEB.mark("capabilities_params"))
    kind = _offered(dataset, url)["kind"]
    allow_private = get_catalogue().settings.preview_private_hosts
    asked = capabilities_url(url, kind)
    try:
        answer = get_cache().get(
            f"{kind} {asked}", lambda: read(fetch(asked, allow_private=allow_private), asked)
        )
    except CapabilitiesError as exc:
        megabytes = MAX_BYTES // (1024 * 1024)
        raise ApiError(_STATUS.get(exc.key, 502), exc.key, url=url, megabytes=megabytes) from exc
    response = jsonify(answer)
    response.headers["Cache-Control"] = "public, max-age=600"
    return response
