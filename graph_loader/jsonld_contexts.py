"""JSON-LD contexts answered offline: the remote contexts records name, from the files
shipped in ``graph_loader/data/contexts`` (the network is never used).

The schema.org copy maps as the official context does (``https://schema.org/`` and
``http://schema.org/`` both answer ``docs/jsonldcontext.jsonld``, whose ``@vocab`` is
``http://schema.org/``): a page writing ``"@context": "https://schema.org/"`` expands to the
``http://schema.org/`` IRIs the science-on-schema.org shapes check. gaia-kg's own readers
store schema.org in https: they pass :func:`schemaorg_in_https` as ``shipped``.

>>> inline_contexts({"@context": {"@vocab": "https://schema.org/"}, "name": "x"})["name"]
'x'
>>> inline_contexts({"@context": "https://schema.org/"})["@context"]["@vocab"]
'http://schema.org/'
>>> read = inline_contexts({"@context": "https://schema.org/"}, shipped=schemaorg_in_https)
>>> read["@context"]["schema"]
'https://schema.org/'
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib import resources

from .errors import UnknownContextError

__all__ = ["CONTEXTS", "inline_contexts", "schemaorg_in_https"]

#: remote JSON-LD contexts answered from files shipped in ``graph_loader/data/contexts``
CONTEXTS: dict[str, str] = {
    "https://w3id.org/gaia-kg/context.jsonld": "gaia-kg.jsonld",
    "https://schema.org": "schemaorg.jsonld",
    "https://schema.org/": "schemaorg.jsonld",
    "http://schema.org": "schemaorg.jsonld",
    "http://schema.org/": "schemaorg.jsonld",
    "https://schema.org/docs/jsonldcontext.jsonld": "schemaorg.jsonld",
    "https://doi.org/10.5063/schema/codemeta-2.0": "codemeta.jsonld",
    "https://w3id.org/codemeta/v2.0": "codemeta.jsonld",
    "https://w3id.org/codemeta/3.0": "codemeta.jsonld",
    "https://w3id.org/codemeta/3.1": "codemeta.jsonld",
    "https://raw.githubusercontent.com/codemeta/codemeta/master/codemeta.jsonld": "codemeta.jsonld",
    "https://raw.githubusercontent.com/codemeta/codemeta/2.0/codemeta.jsonld": "codemeta.jsonld",
}


@cache
def _context_document(iri: str) -> str:
    """The shipped document of a remote context, as JSON text (parsed anew by each caller)."""
    name = CONTEXTS.get(iri) or CONTEXTS.get(iri.rstrip("/"))
    if name is None:
        raise UnknownContextError(
            f"JSON-LD context {iri!r} is not shipped with gaia-kg and the network is not used; "
            "inline the context or add it to graph_loader/data/contexts"
        )
    text = resources.files("graph_loader").joinpath("data/contexts", name).read_text("utf-8")
    return json.dumps(json.loads(text)["@context"])


_SCHEMAORG = ("http://schema.org", "https://schema.org")


def schemaorg_in_https(context: object) -> object:
    """``context`` with schema.org's ``@vocab`` and ``schema`` prefix in https (the form
    gaia-kg stores), whether written ``http`` or ``https``, with or without a slash.

    >>> schemaorg_in_https({"@vocab": "http://schema.org", "schema": "http://schema.org/"})
    {'@vocab': 'https://schema.org/', 'schema': 'https://schema.org/'}
    """
    if not isinstance(context, dict):
        return context
    return {
        key: "https://schema.org/"
        if key in ("@vocab", "schema") and str(value).rstrip("/") in _SCHEMAORG
        else value
        for key, value in context.items()
    }


def _shipped(iri: str, rewrite: Callable[[object], object] | None) -> object:
    context = json.loads(_context_document(iri))
    return rewrite(context) if rewrite else context


def inline_contexts(
    node: object,
    adapt: Callable[[object], object] | None = None,
    *,
    shipped: Callable[[object], object] | None = None,
) -> object:
    """Replace every remote ``@context`` reference by the shipped document (rewritten by
    ``shipped``); ``adapt`` may rewrite the contexts written inline in the document."""
    if isinstance(node, list):
        return [inline_contexts(n, adapt, shipped=shipped) for n in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "@context":
            items = value if isinstance(value, list) else [value]
            resolved = [
                _shipped(v, shipped) if isinstance(v, str) else adapt(v) if adapt else v
                for v in items
            ]
            out[key] = resolved if isinstance(value, list) else resolved[0]
        else:
            out[key] = inline_contexts(value, adapt, shipped=shipped)
    return out
