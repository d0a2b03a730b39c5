"""The hosts the service answers for, and the public base URL of the links it mails.

A request whose ``Host`` header names another host is refused (400) before any view runs:
a forged Host cannot end up in a link (password reset poisoning) nor in a cached page.
Links sent by mail are built from ``Settings.public_url`` only.

>>> from graph_loader.config import Settings

from sparql_api.web.http_errors import ApiError
>>> sorted(allowed_hosts(Settings(public_url="https://Data.Example.org:8443/gaia/")))
['127.0.0.1', '::1', 'data.example.org', 'localhost']
>>> host_name("[::1]:8000"), host_name("Example.ORG:80"), host_name("a.example")
('::1', 'example.org', 'a.example')
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, current_app, request, url_for

from graph_loader.config import Settings
from sparql_api.web.http_errors import ApiError
from sparql_api.web.i18n import WEB

__all__ = ["allowed_hosts", "host_name", "public_base", "public_url_for", "init_hosts"]

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def host_name(host: str) -> str:
    """The host name of a ``Host`` header value (no port, no brackets, lower-cased)."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def public_base(settings: Settings) -> str:
    """The public base URL, ending in ``/``: ``public_url``, else ``http://localhost/``."""
    return (settings.public_url or "http://localhost").rstrip("/") + "/"


def allowed_hosts(settings: Settings) -> set[str]:
    """The allowed host names (``{"*"}`` allows any)."""
    hosts = {h.strip().lower().strip("[]") for h in settings.allowed_hosts if h.strip()}
    if not hosts:
        hosts = set(LOCAL_HOSTS)
    if settings.public_url:
        name = urlsplit(settings.public_url).hostname
        if name:
            hosts.add(name.lower())
    return hosts


def public_url_for(endpoint: str, **values) -> str:
    """The absolute URL of ``endpoint`` under the public base URL (not the request's Host)."""
    from sparql_api.web.catalogue import EXTENSION

    settings = current_app.extensions[EXTENSION].settings
    path = url_for(endpoint, **values)
    root = request.script_root
    if root and path.startswith(root + "/"):  # the public URL already holds the mount point
        path = path[len(root) :]
    return public_base(settings) + path.lstrip("/")


def init_hosts(app: Flask, settings: Settings) -> None:
    """Refuse (400) every request whose Host is not an allowed host."""
    hosts = allowed_hosts(settings)
    if "*" in hosts:
        return

    @app.before_request
    def _check_host():
        if host_name(request.headers.get("Host", "")) not in hosts:
            raise ApiError(400, WEB.mark("host_not_allowed"))
