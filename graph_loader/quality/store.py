"""(Re)scoring the records already in a store: those loaded before quality existed, or with
the full DQV measurements of earlier versions (replaced by the compact form), or after the
measures changed."""

from __future__ import annotations

from ..namespaces import DQV
from ..queries import load_query
from ..store import GraphWrite, Store
from .measures import FAILS, quality_triples, scored_kind

__all__ = ["score_store"]

_HAS_MEASUREMENT = str(DQV.hasQualityMeasurement)  # compared with pyoxigraph .value (str)
BATCH = 500  # record graphs per transaction


def _kinds(store: Store) -> dict:
    types: dict = {}
    for row in store.select(load_query("quality/records")):
        types.setdefault((row["g"], row["resource"]), set()).add(row["type"].value)
    kinds = {key: scored_kind(found) for key, found in types.items()}
    return {key: kind for key, kind in kinds.items() if kind is not None}


def score_store(store: Store) -> int:
    """Replace the quality triples of every record graph; return how many graphs changed."""
    changed = 0
    pending: list[GraphWrite] = []
    for (graph, resource), kind in sorted(_kinds(store).items(), key=lambda i: i[0][0].value):
        old = store.graph_triples(graph)
        mine = f"{graph.value}#quality-"  # the measurements of earlier versions
        kept = [
            t
            for t in old
            # a record's own DQV statements (an ISO report's) stay: only ours go
            if not (t.predicate.value == _HAS_MEASUREMENT and t.object.value.startswith(mine))
            and not t.subject.value.startswith(mine)
            and not (t.subject == graph and t.predicate == FAILS)
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
