"""The building blocks of each surface's part of the OpenAPI description.

Every surface package declares its operations in its own ``openapi.py``, beside its routes, as
``OPERATIONS``: ``(path, method) -> {"summary", "parameters", "responses", "body"?}``, where
``responses`` maps a status to its media type (or a tuple of the types it is negotiated
among) and ``body`` lists the media types of a request body (or maps each to its schema;
required unless ``"body_required": False``). An
operation taking :data:`LANG` answers 400 to an unknown language: that 400 is declared for it.
Texts are not written here but named by a key of the gettext domain :data:`OPENAPI`
(``sparql_api/locale/<lang>/LC_MESSAGES/openapi.po``): a summary is ``msg("op.<operationId>")``,
a parameter's description the third argument of :func:`param`; ``pybabel extract -k msg
-k param:3`` finds them. :mod:`sparql_api.web.openapi` assembles the parts into the document.
"""

from __future__ import annotations

from pathlib import Path

from graph_loader.messages import Domain

__all__ = [
    "IRI",
    "IRI_SCHEMA",
    "IRIS",
    "LANG",
    "NOT_SPACE",
    "OPENAPI",
    "RDF",
    "REPEATABLE",
    "SPACE",
    "TEXT",
    "msg",
    "param",
]

#: the texts of the API description, in English and French
OPENAPI = Domain("openapi", Path(__file__).resolve().parents[1] / "locale")

#: the schema of a parameter that may be given several times
REPEATABLE = {"type": "array", "items": {"type": "string"}}

#: the schema of a parameter naming something by its IRI (anything else: 400)
IRI_SCHEMA = {"type": "string", "format": "iri"}

#: the schema of a repeatable parameter, each value an IRI
IRIS = {"type": "array", "items": IRI_SCHEMA}

#: a space as Python's ``str.strip`` sees one, in a pattern both Python and JSON Schema
#: validators read alike (Rust's and ECMA's ``\s`` leave out U+001C to U+001F)
SPACE = r"[\s\x1c-\x1f]"
#: anything but such a space
NOT_SPACE = r"[^\s\x1c-\x1f]"

#: the schema of a text that must hold something besides spaces (a question, a query)
TEXT = {"type": "string", "pattern": NOT_SPACE}

#: the RDF serialisations a description is negotiated among (``?f=``, ``format=``, Accept)
#: what a portal page's errors come in: a page, or JSON to a client preferring it
#: (:mod:`sparql_api.web.error_pages`)
PAGE_OR_JSON = ("text/html", "application/json")

RDF = ("text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples")


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
IRI = param("iri", "query", "param.iri", schema=IRI_SCHEMA)
