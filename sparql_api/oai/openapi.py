"""The OAI-PMH provider's part of the OpenAPI description (``/oai``)."""

from __future__ import annotations

from sparql_api.web.openapi_parts import LANG, msg, param

__all__ = ["OPERATIONS"]

OPERATIONS: dict[tuple[str, str], dict] = {
    ("/oai", "get"): {
        "summary": msg("op.get_oai"),
        "parameters": [
            param("verb", "query", "param.get_oai.verb"),
            param("metadataPrefix", "query", "param.get_oai.metadataPrefix"),
            param("identifier", "query", "param.get_oai.identifier"),
            param("from", "query", "param.get_oai.from"),
            param("until", "query", "param.get_oai.until"),
            param("set", "query", "param.get_oai.set"),
            param("resumptionToken", "query", "param.get_oai.resumptionToken"),
            LANG,
        ],
        "responses": {"200": "text/xml"},
    },
    ("/oai", "post"): {
        "summary": msg("op.post_oai"),
        "parameters": [LANG],
        "body": ["application/x-www-form-urlencoded"],
        "body_required": False,  # OAI-PMH answers every request 200, errors in the XML
        "responses": {"200": "text/xml"},
    },
}
