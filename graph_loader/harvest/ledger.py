"""What one harvest run knows and tells as it goes: the source's records known to the store,
the identifiers read, the content hashes to compare with, and the report it fills."""

from __future__ import annotations

import pyoxigraph as ox

from ..store import GraphWrite, Store
from .report import HarvestReport, RecordResult
from .state import KnownRecord, known_records

__all__ = ["Ledger"]


class Ledger:
    """The books of one run: :attr:`known` records by upstream identifier (updated as units
    are written, so a later duplicate compares with the new version), :attr:`hashes` by record
    graph, identifiers :attr:`seen` by the harvest (resumed runs too) and :attr:`read` by this
    run, and the :attr:`report` where each record's result goes."""

    def __init__(self, store: Store | None, report: HarvestReport, known: dict | None = None):
        self.report = report
        #: ``known`` instead of the store's: what a worker process is told of its batch
        self.known: dict[str, list[KnownRecord]] = (
            known if known is not None else known_records(store, report.source)
        )
        self.hashes = {k.graph: k.content_hash for ks in self.known.values() for k in ks}
        #: record graph -> when first loaded; the judges keep it up to date as they write
        self.issued = {k.graph: k.issued for ks in self.known.values() for k in ks if k.issued}
        self.seen: set[str] = set()
        self.read: set[str] = set()

    def result(self, identifier: str, status: str, **details) -> None:
        """Say what happened to the upstream record ``identifier``."""
        self.report.results.append(RecordResult(identifier, status, **details))

    def withdraw(self, identifier: str) -> list[GraphWrite]:
        """Empty writes for the graphs of ``identifier`` (a write of nothing drops a graph)."""
        known = self.known.pop(identifier, [])
        if known:
            self.result(identifier, "withdrawn", resource=known[0].resource)
            self.report.removed += [k.resource for k in known if k.resource]
        return [GraphWrite(ox.NamedNode(k.graph), []) for k in known]

    def remember(self, identifier: str, datestamp: str | None, records: list) -> None:
        """Keep the records just written for ``identifier`` as its known version."""
        for r in records:
            self.hashes[r.graph.value] = r.content_hash
        self.known[identifier] = [
            KnownRecord(r.graph.value, identifier, datestamp, r.content_hash, r.resource.value)
            for r in records
        ]
