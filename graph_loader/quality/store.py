"""(Re)scoring the records already in a store, e.g. those loaded before quality existed."""

from __future__ import annotations

from ..namespaces import DQV
from ..queries import load_query
from ..records import RECORD_KINDS
from ..store import GraphWrite, Store
from .measures import quality_triples

__all__ = ["score_store"]

_HAS_MEASUREMENT = str(DQV.hasQualityMeasurement)  # compared with pyoxigraph .value (str)
BATCH = 500  # record graphs per transaction


def _kinds(store: Store) -> dict:
    kinds: dict = {}
    for row in store.select(load_query("quality/records")):
        kind = RECORD_KINDS.get(row["type"].value)
        if kind:
            kinds.setdefault((row["g"], row["resource"]), kind)
    return kinds


def score_store(store: Store) -> int:
    """Replace the measurements of every record graph; return how many graphs changed."""
    changed = 0
    pending: list[GraphWrite] = []
    for (graph, resource), kind in sorted(_kinds(store).items(), key=lambda i: i[0][0].value):
        old = store.graph_triples(graph)
        mine = f"{graph.value}#quality-"
        kept = [
            t
            for t in old
            if t.predicate.value != _HAS_MEASUREMENT and not t.subject.value.startswith(mine)
        ]
        new = kept + quality_triples(resource, kind, kept, graph)
        if set(new) != set(old):
            pending.append(GraphWrite(graph, new))
            changed += 1
        if len(pending) >= BATCH:
            store.write_graphs(pending)
            pending = []
    if pending:
        store.write_graphs(pending)
    return changed
