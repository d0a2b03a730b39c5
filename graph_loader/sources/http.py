"""Fetching one page through a given httpx client, every failure turned into SourceError."""

from __future__ import annotations

import httpx

from . import SourceError

__all__ = ["fetch", "MAX_PAGE_BYTES"]

#: a larger answer is refused rather than read into memory
MAX_PAGE_BYTES = 64 * 1024 * 1024


def fetch(
    client: httpx.Client,
    request: httpx.Request,
    *,
    source: str,
    page: str,
    resume: str | None,
) -> tuple[bytes, str]:
    """The body and media type of the answer to ``request``; SourceError on timeout, network
    error, HTTP status >= 400 or an answer over :data:`MAX_PAGE_BYTES`."""
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
    return b"".join(chunks), media_type
