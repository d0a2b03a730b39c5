"""Security headers on every answer (one after-request hook).

- ``Content-Security-Policy``: scripts only from this site (no inline script, no event
  handler attribute, no ``eval``: the templates keep their scripts in ``static/``, and data
  for them in ``application/json`` blocks or ``data-`` attributes); styles from this site
  and inline (Leaflet and YASGUI set element styles); images from this site, ``data:`` and
  the configured map tiles; no plugins; no ``<base>`` elsewhere; never framed. A page
  that shows what a record declares (a dataset's pictures, the map service previewing it)
  widens its own policy to those origins alone (:func:`allow_sources`), for that answer.
- ``X-Frame-Options: DENY`` (browsers without ``frame-ancestors``), ``X-Content-Type-Options:
  nosniff``, ``Referrer-Policy: strict-origin-when-cross-origin``.
- ``Strict-Transport-Security`` when the request came over HTTPS (``X-Forwarded-Proto`` is
  not trusted: behind a proxy, set ``GAIA_KG_SECURE_COOKIES=1``) or with secure cookies.

>>> from graph_loader.config import Settings
>>> tile_origin("https://{s}.tile.example.org/{z}/{x}/{y}.png")
'https://*.tile.example.org'
>>> "img-src 'self' data:;" in content_security_policy(Settings())
True
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import Flask, Response, g, request

from graph_loader.config import Settings

__all__ = [
    "allow_sources",
    "content_security_policy",
    "init_headers",
    "security_headers",
    "tile_origin",
    "HSTS",
]

HSTS = "max-age=31536000; includeSubDomains"
#: an origin a page may add to its policy: scheme, host name or address, port
_ORIGIN = re.compile(
    r"https?://(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?"
)


def tile_origin(template: str) -> str | None:
    """The origin of a tile URL template (a ``{s}`` sub-domain becomes ``*``)."""
    parts = urlsplit(template)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    labels = parts.netloc.split(".")
    if "{" in labels[0]:
        labels[0] = "*"
    return f"{parts.scheme}://{'.'.join(labels)}"


def content_security_policy(
    settings: Settings, *, img: tuple[str, ...] = (), connect: tuple[str, ...] = ()
) -> str:
    """The Content-Security-Policy of every answer; ``img`` and ``connect``: origins one
    answer adds to ``img-src`` and ``connect-src`` (:func:`allow_sources`)."""
    images = ["'self'", "data:"]
    tiles = tile_origin(settings.map_tiles) if settings.map_tiles else None
    if tiles:
        images.append(tiles)
    directives = {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self' 'unsafe-inline'",
        "img-src": " ".join(dict.fromkeys([*images, *img])),
        "font-src": "'self' data:",
        "connect-src": " ".join(["'self'", *connect]),
        "object-src": "'none'",
        "base-uri": "'self'",
        "frame-ancestors": "'none'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def security_headers(settings: Settings) -> dict[str, str]:
    """The headers every answer carries whatever the request (the static files' too, which
    WhiteNoise answers before Flask: :mod:`sparql_api.web.static_files`)."""
    fixed = {
        "Content-Security-Policy": content_security_policy(settings),
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
    }
    if settings.secure_cookies:
        fixed["Strict-Transport-Security"] = HSTS
    return fixed


def allow_sources(*, img: list[str] = (), connect: list[str] = ()) -> None:
    """Let the answer to the current request load images from the origins ``img`` and fetch
    from ``connect`` (http(s) origins, as :func:`sparql_api.portal.previews.origin` makes
    them; anything else is ignored)."""
    wanted = g.setdefault("csp_sources", {"img": {}, "connect": {}})
    for key, origins in (("img", img), ("connect", connect)):
        for value in origins:
            if _ORIGIN.fullmatch(value):
                wanted[key][value] = None


def init_headers(app: Flask, settings: Settings) -> None:
    """Add the security headers to every answer of ``app`` (errors and static files too)."""
    fixed = security_headers(settings)

    @app.after_request
    def _security_headers(response: Response) -> Response:
        wanted = g.get("csp_sources")
        if wanted:
            response.headers.setdefault(
                "Content-Security-Policy",
                content_security_policy(
                    settings, img=tuple(wanted["img"]), connect=tuple(wanted["connect"])
                ),
            )
        for name, value in fixed.items():
            response.headers.setdefault(name, value)
        if request.is_secure or settings.secure_cookies:
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        return response
