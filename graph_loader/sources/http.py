"""Fetching one page through a given httpx client, every failure turned into SourceError;
conditional requests through a client whose transport keeps the pages it fetched
(:func:`cached_transport`, hishel under RFC 9111): a page the server answers 304 Not
Modified is read from the cache and said unchanged (:attr:`Page.unchanged`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

import httpx

from . import SourceError

__all__ = [
    "fetch",
    "Page",
    "MAX_PAGE_BYTES",
    "cached_transport",
    "default_http_cache",
    "HTTP_CACHE_ENV",
]

#: a larger answer is refused rather than read into memory
MAX_PAGE_BYTES = 64 * 1024 * 1024
#: the file of the pages kept for conditional requests ("off": none kept)
HTTP_CACHE_ENV = "GAIA_KG_HTTP_CACHE"


class Page(NamedTuple):
    """A page fetched: its bytes, its media type, and whether the server said it is the
    page it gave last time (304 Not Modified to a conditional request)."""

    data: bytes
    media_type: str
    unchanged: bool = False


def fetch(
    client: httpx.Client,
    request: httpx.Request,
    *,
    source: str,
    page: str,
    resume: str | None,
) -> Page:
    """The answer to ``request``; SourceError on timeout, network error, HTTP status >= 400
    or an answer over :data:`MAX_PAGE_BYTES`.

    The request asks caches to check with the server (``Cache-Control: no-cache``): through
    :func:`cached_transport`, a page kept from an earlier harvest is asked for with its
    ``If-None-Match`` / ``If-Modified-Since`` and never served unchecked."""
    request.headers.setdefault("Cache-Control", "no-cache")
    try:
        response = client.send(request, stream=True)
        try:
            if response.status_code >= 400:
                raise SourceError(
                    source, page, f"HTTP {response.status_code}", resume=resume, transient=True
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_PAGE_BYTES:
                    reason = f"answer over {MAX_PAGE_BYTES} bytes (réponse trop grande)"
                    raise SourceError(source, page, reason, resume=resume, transient=True)
                chunks.append(chunk)
        finally:
            response.close()
    except httpx.TimeoutException as exc:
        raise SourceError(
            source, page, f"timeout (délai dépassé): {exc!r}", resume=resume, transient=True
        ) from exc
    except httpx.TransportError as exc:  # the network failed, not the content: worth a retry
        raise SourceError(
            source, page, f"network error (erreur réseau): {exc!r}", resume=resume, transient=True
        ) from exc
    except httpx.HTTPError as exc:
        raise SourceError(
            source, page, f"HTTP error (erreur HTTP): {exc!r}", resume=resume
        ) from exc
    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    caching = response.extensions.get("caching")  # set by hishel's transport only
    unchanged = bool(caching and caching.get("from_cache") and caching.get("revalidated"))
    return Page(b"".join(chunks), media_type, unchanged)


def default_http_cache() -> Path | None:
    """``$GAIA_KG_HTTP_CACHE`` (``off``: None), else ``harvest-http.sqlite`` in the user's
    cache folder (``$XDG_CACHE_HOME``, else ``~/.cache``) under ``gaia-kg/``."""
    value = os.environ.get(HTTP_CACHE_ENV, "").strip()
    if value.lower() == "off":
        return None
    if value:
        return Path(value)
    home = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(home) / "gaia-kg" / "harvest-http.sqlite"


def cached_transport(path: str | Path, **options) -> httpx.BaseTransport:
    """A transport keeping the pages fetched in the SQLite file ``path`` and asking for them
    again conditionally (RFC 9111, as a private cache; only GET answers are kept: a CSW
    harvest by POST is asked in full each time). ``options`` go to the network transport."""
    from hishel import CacheOptions, SqliteStorage
    from hishel.httpx import CacheTransport

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    storage = SqliteStorage(database_path=str(path))
    return CacheTransport(
        next_transport=httpx.HTTPTransport(**options),
        storage=storage,
        rfc=CacheOptions(shared=False),
    )
