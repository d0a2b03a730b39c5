"""The state of each declared source, for ``gaia-kg sources`` and ``/api/sources``."""

from __future__ import annotations

from collections.abc import Mapping

from ..queries import load_query
from ..store import Store
from .config import SourceConfig
from .state import read_checkpoint, read_runs, source_iri

__all__ = ["sources_status", "source_status"]


def source_status(store: Store, config: SourceConfig, *, runs: int = 5) -> dict:
    """One source: its declaration, record graphs in the store, unfinished harvest (if any),
    its last ``runs`` runs (latest first), ``lastRun`` and what that run changed (``changes``,
    quality score included)."""
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
        "changes": _changes(history),
        "runs": history[:runs],
    }


def _changes(history: list[dict]) -> dict | None:
    """What the last run changed: records loaded, updated, withdrawn, newly rejected, and the
    mean quality score before and after (from the run before it)."""
    if not history:
        return None
    last = history[0]["report"]
    before = history[1]["report"] if len(history) > 1 else None
    after_score = last.get("quality", {}).get("meanScore")
    before_score = before.get("quality", {}).get("meanScore") if before else None
    delta = None
    if after_score is not None and before_score is not None:
        delta = round(after_score - before_score, 1)
    counts = last["counts"]
    return {
        "since": history[1]["started"] if before else None,
        "loaded": counts["loaded"],
        "updated": counts["updated"],
        "withdrawn": counts["withdrawn"],
        "rejected": counts["rejected"],
        "meanScore": {"before": before_score, "after": after_score, "delta": delta},
    }


def sources_status(store: Store, declared: Mapping[str, SourceConfig]) -> list[dict]:
    """Every declared source, in the order of the file."""
    return [source_status(store, config) for config in declared.values()]
