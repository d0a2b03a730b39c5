"""The state of each declared source, for ``gaia-kg sources`` and ``/api/sources``."""

from __future__ import annotations

from collections.abc import Mapping

from .harvest_config import SourceConfig
from .harvest_state import read_checkpoint, read_runs, source_iri
from .queries import load_query
from .store import Store

__all__ = ["sources_status", "source_status"]


def source_status(store: Store, config: SourceConfig, *, runs: int = 5) -> dict:
    """One source: its declaration, record graphs in the store, unfinished harvest (if any),
    its last ``runs`` runs (latest first) and ``lastRun``."""
    point = read_checkpoint(store, config.name)
    history = read_runs(store, config.name)
    rows = store.select(load_query("harvest/count"), {"source": source_iri(config.name)})
    return config.public() | {
        "iri": source_iri(config.name).value,
        "records": int(rows[0]["n"].value) if rows else 0,
        "checkpoint": (
            {"resume": point.resume, "started": point.started, "seen": len(point.seen)}
            if point.resume is not None
            else None
        ),
        "lastRun": history[0] if history else None,
        "runs": history[:runs],
    }


def sources_status(store: Store, declared: Mapping[str, SourceConfig]) -> list[dict]:
    """Every declared source, in the order of the file."""
    return [source_status(store, config) for config in declared.values()]
