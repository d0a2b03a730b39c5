"""``/oai``: the OAI-PMH 2.0 provider (GET, or POST form-encoded), over
:mod:`sparql_api.oai.provider`."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, request

from sparql_api.oai.provider import PAGE_SIZE
from sparql_api.oai.response import oai_response
from sparql_api.web.catalogue import get_catalogue
from sparql_api.web.http_errors import request_lang

__all__ = ["bp", "PAGE_SIZE_KEY"]

bp = Blueprint("oai", __name__)

#: app config key of the number of items per list page (default oai.PAGE_SIZE)
PAGE_SIZE_KEY = "GAIA_KG_OAI_PAGE_SIZE"


@bp.route("/oai", methods=["GET", "POST"])
def oai() -> Response:
    """One OAI-PMH request; protocol errors are OAI-PMH ``<error>`` elements (HTTP 200)."""
    args = request.args.to_dict(flat=False)
    if request.method == "POST":
        args = request.form.to_dict(flat=False)
    catalogue = get_catalogue()
    body = oai_response(
        catalogue.store,
        args,
        catalogue.settings.base_iri,
        lang=request_lang(),
        page_size=current_app.config.get(PAGE_SIZE_KEY, PAGE_SIZE),
    )
    response = Response(body, mimetype="text/xml")
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response
