"""The building blocks of each surface's part of the OpenAPI description.

Every surface package declares its operations in its own ``openapi.py``, beside its routes, as
``OPERATIONS``: ``(path, method) -> {"summary", "parameters", "responses", "body"?}``, where
``responses`` maps a status to its media type and ``body`` lists the media types of a request
body. Texts are not written here but named by a key of the gettext domain :data:`OPENAPI`
(``sparql_api/locale/<lang>/LC_MESSAGES/openapi.po``): a summary is ``msg("op.<operationId>")``,
a parameter's description the third argument of :func:`param`; ``pybabel extract -k msg
-k param:3`` finds them. :mod:`sparql_api.web.openapi` assembles the parts into the document.
"""

from __future__ import annotations

from pathlib import Path

from graph_loader.messages import Domain

__all__ = ["IRI", "LANG", "OPENAPI", "REPEATABLE", "msg", "param"]

#: the texts of the API description, in English and French
OPENAPI = Domain("openapi", Path(__file__).resolve().parents[1] / "locale")

#: the schema of a parameter that may be given several times
REPEATABLE = {"type": "array", "items": {"type": "string"}}


def msg(key: str) -> str:
    """Mark ``key`` as a message of :data:`OPENAPI` (read when the document is made)."""
    return key


def param(
    name: str,
    where: str,
    key: str,
    *,
    required: bool = False,
    schema: dict | None = None,
    fill: dict[str, str] | None = None,
) -> dict:
    """A parameter described by the message ``key`` (``fill``: its ``{placeholders}``)."""
    return {
        "name": name,
        "in": where,
        "required": required or where == "path",
        "description": key,
        "schema": schema or {"type": "string"},
        **({"fill": fill} if fill else {}),
    }


#: the language of labels and messages, which most operations take
LANG = param(
    "lang",
    "query",
    "param.lang",
    schema={"type": "string", "enum": ["en", "fr"]},
)
#: a resource or a concept named by its IRI (linked data, concepts)
IRI = param("iri", "query", "param.iri")
