"""One blueprint per surface of the HTTP API."""

from __future__ import annotations

from flask import current_app

from sparql_api.core.catalogue import Backend

__all__ = ["get_backend", "EXTENSION"]

EXTENSION = "gaia_kg"


def get_backend() -> Backend:
    """The :class:`~sparql_api.core.catalogue.Backend` of the current app."""
    return current_app.extensions[EXTENSION]
