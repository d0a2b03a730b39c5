"""``/api/resources``: one resource of the knowledge graph as JSON."""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, jsonify, request

from sparql_api.linked_data.resources import describe_resource
from sparql_api.web.catalogue import get_catalogue
from sparql_api.web.http_errors import ApiError, request_lang
from sparql_api.web.i18n import WEB

__all__ = ["bp", "resource_iri"]

bp = Blueprint("resources", __name__)


def resource_iri(base_iri: str, rid: str | None, iri: str | None) -> ox.NamedNode:
    """The IRI asked for: ``<base>id/<rid>``, or ``iri`` as given; ApiError if malformed (404
    for a path, which then names nothing; 400 for ``?iri=``)."""
    if rid is not None:
        value = f"{base_iri}id/{rid}"
    elif iri:
        value = iri
    else:
        raise ApiError(400, WEB.mark("iri_missing"))
    try:
        return ox.NamedNode(value)
    except ValueError as exc:
        raise ApiError(400 if rid is None else 404, WEB.mark("bad_iri"), value=value) from exc


@bp.get("/api/resources", defaults={"rid": None})
@bp.get("/api/resources/<path:rid>")
def resource(rid: str | None) -> Response:
    """The JSON description of one resource; 404 when the graph says nothing about it."""
    catalogue = get_catalogue()
    iri = resource_iri(catalogue.settings.base_iri, rid, request.args.get("iri"))
    description = describe_resource(catalogue.store, iri, request_lang())
    if description is None:
        raise ApiError(404, WEB.mark("resource_not_found"), iri=iri.value)
    response = jsonify(description)
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response
