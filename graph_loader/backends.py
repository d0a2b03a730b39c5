"""Opening a store from its spec — ``:memory:``, a folder, or the URL of a SPARQL server — the
one place that chooses between the embedded, remote and Virtuoso backends (each of which knows
nothing of the others above it)."""

from __future__ import annotations

import urllib.error
import urllib.request

from .errors import StoreError
from .remote import RemoteStore
from .store import EmbeddedStore, Store
from .virtuoso import VirtuosoStore, is_virtuoso_url

__all__ = ["open_store", "remote_store"]


def open_store(spec: str, **options) -> Store:
    """Open a store from its spec: ``:memory:``, a folder path, or an ``http(s)://`` URL.

    A URL names a remote SPARQL 1.1 server; with an oxigraph-style base URL
    (``http://host:7878``) the endpoints are ``/query``, ``/update`` and ``/store``, and
    ``update_endpoint`` / ``gsp_endpoint`` override them (see :mod:`graph_loader.remote`).
    """
    if spec == ":memory:":
        return EmbeddedStore(None)
    if spec.startswith(("http://", "https://", "virtuoso+http://", "virtuoso+https://")):
        return remote_store(spec, **options)
    return EmbeddedStore(spec, read_only=options.get("read_only", False))


def remote_store(url: str, *, update_endpoint=None, gsp_endpoint=None, **options) -> Store:
    """An oxigraph-style server at ``url`` (``/query``, ``/update``, ``/store``), a query
    endpoint URL with explicit ``update_endpoint`` / ``gsp_endpoint``, or a Virtuoso
    server (:mod:`graph_loader.virtuoso`): ``virtuoso+http://host:8890``, or its
    ``http://host:8890/sparql`` endpoint (recognised by its ``Server`` header)."""
    base = url.rstrip("/")
    if is_virtuoso_url(url) or (not update_endpoint and _answers_as_virtuoso(base)):
        return VirtuosoStore.from_spec(url, **options)
    if update_endpoint:
        return RemoteStore(url, update_endpoint, gsp_endpoint, **options)
    options.pop("read_only", None)
    return RemoteStore(
        base + "/query", base + "/update", gsp_endpoint or base + "/store", **options
    )


def _answers_as_virtuoso(url: str) -> bool:
    """Whether ``url`` is a ``/sparql`` endpoint served by Virtuoso (one probe request)."""
    if not url.endswith(("/sparql", "/sparql-auth")):
        return False
    request = urllib.request.Request(url + "?query=ASK%7B%7D", method="GET")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            server = response.headers.get("Server", "")
    except urllib.error.HTTPError as exc:
        server = exc.headers.get("Server", "")
    except OSError as exc:
        raise StoreError(f"{url}: {exc}") from exc
    return server.startswith("Virtuoso")
