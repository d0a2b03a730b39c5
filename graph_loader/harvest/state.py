"""What the store remembers of each harvest source: checkpoints, known records, past runs.

Everything lives in the store (so a remote store shared by several processes has one truth):

- ``<graphs>/harvest/<name>``: the source (``gaia:HarvestSource``) with, while a harvest is
  unfinished, its resume token and the upstream identifiers already read
  (``gaia:seenIdentifier``), written at checkpoints;
- ``<graphs>/harvest/<name>/runs``: the last :data:`KEEP_RUNS` runs (``gaia:HarvestRun``),
  each with its start and end time and its report as JSON (``gaia:runReport``);
- the record graphs themselves carry ``gaia:harvestSource``, ``gaia:upstreamIdentifier`` and
  ``gaia:upstreamDatestamp`` (:func:`known_records` reads them).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import quote

import pyoxigraph as ox

from ..namespaces import PROV, RDF, XSD
from ..queries import load_query
from ..store import Store
from ..terms import (
    GRAPHS_NS,
    HARVEST_RUN,
    HARVEST_SOURCE_CLASS,
    RDF_TYPE,
    RESUME_TOKEN,
    RUN_REPORT,
    SEEN_IDENTIFIER,
    SOURCES_NS,
)

__all__ = [
    "Checkpoint",
    "KnownRecord",
    "source_iri",
    "state_graph",
    "read_checkpoint",
    "write_checkpoint",
    "advance_checkpoint",
    "known_records",
    "record_runs",
    "read_runs",
    "now_literal",
    "KEEP_RUNS",
]

KEEP_RUNS = 20
STARTED = ox.NamedNode(PROV.startedAtTime)
ENDED = ox.NamedNode(PROV.endedAtTime)
ASSOCIATED = ox.NamedNode(PROV.wasAssociatedWith)
_DATETIME = ox.NamedNode(XSD.dateTime)
_JSON = ox.NamedNode(RDF.JSON)


def source_iri(name: str) -> ox.NamedNode:
    """The IRI of a declared source."""
    return ox.NamedNode(SOURCES_NS + quote(name, safe=""))


def state_graph(name: str, suffix: str = "") -> ox.NamedNode:
    """The graph holding a source's checkpoint (``suffix`` "/runs": its past runs)."""
    return ox.NamedNode(f"{GRAPHS_NS}harvest/{quote(name, safe='')}{suffix}")


def now_literal() -> ox.Literal:
    """Now, in UTC, to the millisecond (runs started within one second stay apart)."""
    return ox.Literal(datetime.now(UTC).isoformat(timespec="milliseconds"), datatype=_DATETIME)


@dataclass
class Checkpoint:
    """An unfinished harvest: where to resume, what was read already, when it began."""

    resume: str | None = None
    seen: set[str] = field(default_factory=set)
    started: str | None = None


@dataclass(frozen=True, slots=True)
class KnownRecord:
    """A record graph written by an earlier harvest of the source."""

    graph: str
    identifier: str
    datestamp: str | None
    content_hash: str | None
    resource: str | None = None
    #: when the graph was first loaded (``dct:issued``), if it says
    issued: ox.Literal | None = None


def read_checkpoint(store: Store, name: str) -> Checkpoint:
    """The checkpoint of an unfinished harvest (empty when the last one completed)."""
    point = Checkpoint()
    for t in store.graph_triples(state_graph(name)):
        if t.predicate == RESUME_TOKEN:
            point.resume = t.object.value
        elif t.predicate == SEEN_IDENTIFIER:
            point.seen.add(t.object.value)
        elif t.predicate == STARTED:
            point.started = t.object.value
    return point


def write_checkpoint(store: Store, name: str, point: Checkpoint | None) -> None:
    """Replace the checkpoint (None: the harvest completed, only the source is declared)."""
    iri = source_iri(name)
    triples = [ox.Triple(iri, RDF_TYPE, HARVEST_SOURCE_CLASS)]
    if point is not None:
        if point.resume is not None:
            triples.append(ox.Triple(iri, RESUME_TOKEN, ox.Literal(point.resume)))
        if point.started:
            triples.append(ox.Triple(iri, STARTED, ox.Literal(point.started, datatype=_DATETIME)))
        triples += [ox.Triple(iri, SEEN_IDENTIFIER, ox.Literal(i)) for i in sorted(point.seen)]
    store.replace_graph(state_graph(name), triples)


def advance_checkpoint(store: Store, name: str, resume: str | None, seen: Iterable[str]) -> None:
    """Move the checkpoint written by :func:`write_checkpoint` on, in one update: its resume
    token replaced, the identifiers read since added. A checkpoint costs what was read since
    the last one, not everything read (10,000 identifiers rewritten every few seconds were a
    fifth of a harvest)."""
    iri, graph = source_iri(name), state_graph(name)
    added = [f"{iri} {SEEN_IDENTIFIER} {ox.Literal(i)} ." for i in sorted(seen)]
    if resume is not None:
        added.append(f"{iri} {RESUME_TOKEN} {ox.Literal(resume)} .")
    text = f"DELETE WHERE {{ GRAPH {graph} {{ {iri} {RESUME_TOKEN} ?token }} }}"
    if added:
        text += f" ;\nINSERT DATA {{ GRAPH {graph} {{\n" + "\n".join(added) + "\n} }"
    store.update(text)


def known_records(store: Store, name: str) -> dict[str, list[KnownRecord]]:
    """The record graphs of the source, by upstream identifier."""
    found: dict[str, list[KnownRecord]] = {}
    for row in store.select(load_query("harvest/known"), {"source": source_iri(name)}):
        stamp, digest, resource = row.get("stamp"), row.get("hash"), row.get("resource")
        record = KnownRecord(
            row["g"].value,
            row["id"].value,
            stamp.value if stamp is not None else None,
            digest.value if digest is not None else None,
            resource.value if resource is not None else None,
            row.get("issued"),
        )
        found.setdefault(record.identifier, []).append(record)
    return found


def record_runs(store: Store, name: str, started: str, report: dict) -> None:
    """Add a run to the source's history (the last :data:`KEEP_RUNS` are kept)."""
    runs = read_runs(store, name)
    runs.insert(0, {"started": started, "ended": now_literal().value, "report": report})
    triples = []
    for run in runs[:KEEP_RUNS]:
        node = ox.NamedNode(f"{source_iri(name).value}/run/{run['started']}")
        triples += [
            ox.Triple(node, RDF_TYPE, HARVEST_RUN),
            ox.Triple(node, ASSOCIATED, source_iri(name)),
            ox.Triple(node, STARTED, ox.Literal(run["started"], datatype=_DATETIME)),
            ox.Triple(node, ENDED, ox.Literal(run["ended"], datatype=_DATETIME)),
            ox.Triple(node, RUN_REPORT, ox.Literal(json.dumps(run["report"]), datatype=_JSON)),
        ]
    store.replace_graph(state_graph(name, "/runs"), triples)


def read_runs(store: Store, name: str) -> list[dict]:
    """The past runs of a source, the latest first: ``{started, ended, report}``."""
    runs: dict[str, dict] = {}
    for t in store.graph_triples(state_graph(name, "/runs")):
        run = runs.setdefault(t.subject.value, {})
        if t.predicate == STARTED:
            run["started"] = t.object.value
        elif t.predicate == ENDED:
            run["ended"] = t.object.value
        elif t.predicate == RUN_REPORT:
            run["report"] = json.loads(t.object.value)
    complete = [r for r in runs.values() if {"started", "ended", "report"} <= set(r)]
    return sorted(complete, key=lambda r: r["started"], reverse=True)
