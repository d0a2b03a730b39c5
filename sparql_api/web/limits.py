"""Size limits of requests: SPARQL texts, and path values.

``MAX_QUERY_BYTES`` bounds a SPARQL text (query or update, UTF-8) however it is sent (URL,
form, direct POST) and every request body; a form may be ``FORM_BODY_BYTES``, room for such a
text percent-encoded, so that the limit is the same both ways.

Path values: a route's variable takes a segment of at most ``MAX_SEGMENT``
characters (a ``path`` variable at most ``MAX_PATH``), so a longer one matches no route and
is the site's plain 404 at routing, before any view reads it.

No slug, token, graph name or identifier the service mints comes near these bounds; the
``path`` variables (an IRI in ``/api/resources/…``, a DOI, a static file) get more room.
"""

from __future__ import annotations

from flask import Flask
from werkzeug.routing import PathConverter, UnicodeConverter

__all__ = ["MAX_QUERY_BYTES", "FORM_BODY_BYTES", "MAX_SEGMENT", "MAX_PATH", "init_paths"]

#: largest SPARQL text (query or update, in UTF-8) however it is sent, and largest request
#: body but forms; bigger ones get a 413
MAX_QUERY_BYTES = 1_000_000
#: largest form body: a text of ``MAX_QUERY_BYTES`` percent-encoded (three bytes for a byte
#: at worst) and the other fields
FORM_BODY_BYTES = 3 * MAX_QUERY_BYTES + 65_536

#: longest value of a one-segment route variable (``<slug>``, ``<token>``…)
MAX_SEGMENT = 1024
#: longest value of a ``<path:…>`` route variable
MAX_PATH = 8192


class BoundedSegment(UnicodeConverter):
    """The default converter, at most ``MAX_SEGMENT`` characters unless a rule says less."""

    def __init__(self, map, minlength: int = 1, maxlength: int | None = None, length=None):
        bound = MAX_SEGMENT if maxlength is None else min(maxlength, MAX_SEGMENT)
        super().__init__(map, minlength=minlength, maxlength=bound, length=length)


class BoundedPath(PathConverter):
    """The ``path`` converter, at most ``MAX_PATH`` characters."""

    regex = f"[^/].{{0,{MAX_PATH - 1}}}?"


def init_paths(app: Flask) -> None:
    """Bound the route variables of ``app``: call before any blueprint is registered."""
    app.url_map.converters["default"] = BoundedSegment
    app.url_map.converters["string"] = BoundedSegment
    app.url_map.converters["path"] = BoundedPath
