"""``/api/sources``: the declared harvest sources, the state and reports of their harvests."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, jsonify

from graph_loader.errors import InputError, StoreError
from graph_loader.harvest_config import SourceConfig, read_sources
from graph_loader.harvest_status import source_status, sources_status
from sparql_api.web.backend import get_backend
from sparql_api.web.http_errors import ApiError

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
        raise ApiError(503, "sources_unreadable", reason=str(exc)) from exc


@bp.get("/api/sources")
def sources() -> Response:
    """Every declared source with its record count, unfinished harvest and last runs."""
    backend = get_backend()
    declared = declared_sources(backend.settings.sources)
    try:
        found = sources_status(backend.store, declared)
    except StoreError as exc:
        raise ApiError(503, "store_unavailable") from exc
    return jsonify({"sources": found})


@bp.get("/api/sources/<name>")
def source(name: str) -> Response:
    """One source, with its last 20 runs and their reports (rejected records and reasons)."""
    backend = get_backend()
    config = declared_sources(backend.settings.sources).get(name)
    if config is None:
        raise ApiError(404, "source_not_found", name=name)
    try:
        return jsonify(source_status(backend.store, config, runs=20))
    except StoreError as exc:
        raise ApiError(503, "store_unavailable") from exc
