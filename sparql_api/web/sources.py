"""``/api/sources``: the declared harvest sources, the state and reports of their harvests."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, jsonify

from graph_loader.errors import InputError
from graph_loader.harvest.config import SourceConfig, read_sources
from graph_loader.harvest.status import source_status, sources_status
from sparql_api.web.catalogue import get_catalogue
from sparql_api.web.http_errors import ApiError
from sparql_api.web.i18n import WEB

__all__ = ["bp", "declared_sources"]

bp = Blueprint("sources", __name__)


def declared_sources(explicit: str | None) -> dict[str, SourceConfig]:
    """The sources of the configured file (``Settings.sources``), else of ``./sources.toml``
    when it exists, else none; ApiError 503 when the file cannot be read."""
    path = Path(explicit) if explicit else Path("sources.toml")
    if not explicit and not path.is_file():
        return {}
    try:
        return read_sources(path)
    except InputError as exc:
        raise ApiError(503, WEB.mark("sources_unreadable"), reason=str(exc)) from exc


@bp.get("/api/sources")
def sources() -> Response:
    """Every declared source with its record count, unfinished harvest and last runs."""
    catalogue = get_catalogue()
    declared = declared_sources(catalogue.settings.sources)
    found = sources_status(catalogue.store, declared)
    return jsonify({"sources": found})


@bp.get("/api/sources/<name>")
def source(name: str) -> Response:
    """One source, with its last 20 runs and their reports (rejected records and reasons)."""
    catalogue = get_catalogue()
    config = declared_sources(catalogue.settings.sources).get(name)
    if config is None:
        raise ApiError(404, WEB.mark("source_not_found"), name=name)
    return jsonify(source_status(catalogue.store, config, runs=20))
