"""The SPARQL text of ``sparql_api/queries/*.rq``, read on first use."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

__all__ = ["load_query"]


@cache
def load_query(name: str) -> str:
    """The text of ``queries/<name>.rq``."""
    return (files("sparql_api") / "queries" / f"{name}.rq").read_text(encoding="utf-8")
