"""SPARQL text lives in ``graph_loader/data/queries/<topic>/<name>.rq``, one query per file."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

__all__ = ["load_query"]


@cache
def load_query(name: str) -> str:
    """The text of ``data/queries/<name>.rq``, e.g. ``load_query("vocab/closure")``."""
    return files("graph_loader").joinpath("data", "queries", f"{name}.rq").read_text("utf-8")
