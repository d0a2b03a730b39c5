"""The OpenAPI 3.1 document of the HTTP API, in English or French (``?lang=``), assembled from
the parts each surface declares beside its routes (``sparql_api/<surface>/openapi.py``, built
with :mod:`sparql_api.web.openapi_parts`); the part of :mod:`sparql_api.web` itself (health,
sources, this document) is here. Texts come from the gettext domain ``openapi``.
"""

from __future__ import annotations

from graph_loader import __version__
from sparql_api.accounts import openapi as accounts
from sparql_api.assistant import openapi as assistant
from sparql_api.linked_data import openapi as linked_data
from sparql_api.oai import openapi as oai
from sparql_api.portal import openapi as portal
from sparql_api.quality import openapi as quality
from sparql_api.search import openapi as search
from sparql_api.sparql import openapi as sparql
from sparql_api.stac import openapi as stac
from sparql_api.web.error_pages import MACHINE_PREFIXES
from sparql_api.web.openapi_parts import LANG, OPENAPI, PAGE_OR_JSON, msg, param

__all__ = ["OPERATIONS", "openapi_document"]

#: the operations of the web glue: ``/health``, ``/api/sources``, ``/openapi.json``
WEB_OPERATIONS: dict[tuple[str, str], dict] = {
    ("/health", "get"): {
        "summary": msg("op.get_health"),
        "parameters": [LANG],
        "responses": {"200": "application/json", "503": "application/json"},
    },
    ("/api/sources", "get"): {
        "summary": msg("op.get_api_sources"),
        "parameters": [LANG],
        "responses": {"200": "application/json", "503": "application/json"},
    },
    ("/api/sources/{name}", "get"): {
        "summary": msg("op.get_api_sources_name"),
        "parameters": [param("name", "path", "param.get_api_sources_name.name"), LANG],
        "responses": {"200": "application/json", "404": "application/json"},
    },
    ("/openapi.json", "get"): {
        "summary": msg("op.get_openapi_json"),
        "parameters": [LANG],
        "responses": {"200": "application/json"},
    },
}

#: every operation of the API: (path, method) -> summary key, parameters, responses, body
OPERATIONS: dict[tuple[str, str], dict] = {
    key: operation
    for part in (
        WEB_OPERATIONS,
        sparql.OPERATIONS,
        linked_data.OPERATIONS,
        search.OPERATIONS,
        portal.OPERATIONS,
        quality.OPERATIONS,
        assistant.OPERATIONS,
        oai.OPERATIONS,
        stac.OPERATIONS,
        accounts.OPERATIONS,
    )
    for key, operation in part.items()
}


def operation_id(path: str, method: str) -> str:
    """``get_api_search`` for ``/api/search``: the method and the path's words."""
    words = path.strip("/").replace("/", "_").replace("{", "").replace("}", "")
    return f"{method}_{words}".replace(".", "_")


def _parameter(spec: dict, lang: str) -> dict:
    described = {key: value for key, value in spec.items() if key != "fill"}
    described["description"] = OPENAPI.text(spec["description"], lang, **spec.get("fill", {}))
    return described


def _error_media(path: str, responses: dict) -> str | tuple[str, ...]:
    """The media type an operation's errors come in: as its other 4xx, else as its pages."""
    for status, media in responses.items():
        if status.startswith("4"):
            return media
    if path.startswith("/sparql"):
        return "text/plain"
    return PAGE_OR_JSON if responses.get("200") == "text/html" else "application/json"


def _media(media: str | tuple[str, ...]) -> tuple[str, ...]:
    return (media,) if isinstance(media, str) else tuple(media)


def _responses(path: str, spec: dict) -> dict:
    """The declared answers, with the 400 an unknown ``lang`` gets (see ``web.lang_check``) and,
    for a path with parameters, the site's 404 to a value no route takes (a ``/``, a line
    break, a word where a number goes): JSON, or on a portal page a page to a reader
    (:mod:`sparql_api.web.error_pages`)."""
    responses = {status: _media(media) for status, media in spec["responses"].items()}
    if LANG in spec["parameters"] and "400" not in responses:
        responses["400"] = _media(_error_media(path, spec["responses"]))
    if "{" in path:
        site = ("application/json",) if path.startswith(MACHINE_PREFIXES) else PAGE_OR_JSON
        responses["404"] = tuple(dict.fromkeys((*responses.get("404", ()), *site)))
    return {
        status: {"description": status, "content": {m: {"schema": {}} for m in media}}
        for status, media in sorted(responses.items())
    }


def _body(body: dict | list | tuple, required: bool) -> dict:
    """The request body: media types (any text) or media types with their schema."""
    schemas = body if isinstance(body, dict) else dict.fromkeys(body, {"type": "string"})
    content = {media: {"schema": schema} for media, schema in schemas.items()}
    return {"required": required, "content": content}


def _operation(path: str, method: str, spec: dict, lang: str) -> dict:
    operation = {
        "summary": OPENAPI.text(spec["summary"], lang),
        "operationId": operation_id(path, method),
        "parameters": [_parameter(p, lang) for p in spec["parameters"]],
        "responses": _responses(path, spec),
    }
    if "body" in spec:
        operation["requestBody"] = _body(spec["body"], spec.get("body_required", True))
    return operation


def openapi_document(lang: str = "en") -> dict:
    """The OpenAPI 3.1 document with summaries and descriptions in ``lang``."""
    paths: dict[str, dict] = {}
    for (path, method), spec in OPERATIONS.items():
        paths.setdefault(path, {})[method] = _operation(path, method, spec, lang)
    return {
        "openapi": "3.1.0",
        "info": {"title": OPENAPI.text(msg("title"), lang), "version": __version__},
        "paths": paths,
    }
