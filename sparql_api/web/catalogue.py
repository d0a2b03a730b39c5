"""The :class:`~sparql_api.core.catalogue.Catalogue` of the current Flask app."""

from __future__ import annotations

from flask import current_app

from sparql_api.core.catalogue import Catalogue

__all__ = ["get_catalogue", "EXTENSION"]

EXTENSION = "gaia_kg"


def get_catalogue() -> Catalogue:
    """The :class:`~sparql_api.core.catalogue.Catalogue` of the current app."""
    return current_app.extensions[EXTENSION]
