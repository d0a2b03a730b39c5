"""From units to writes: the units of a batch validated together, each written or rejected as
a whole, with the harvest's provenance (source, upstream identifier and datestamp) in each of
its record graphs."""

from __future__ import annotations

import pyoxigraph as ox

from ..load.judge import Judge, as_quad, problems_by_record, record_title
from ..records import Record, record_graph_iri
from ..store import GraphWrite
from ..terms import HARVEST_SOURCE, UPSTREAM_DATESTAMP, UPSTREAM_IDENTIFIER
from ..validation import Shapes, validate
from .config import SourceConfig
from .ledger import Ledger
from .state import source_iri
from .units import Unit

__all__ = ["UnitJudge", "validation_groups"]


def validation_groups(units: list[Unit]) -> list[list[Unit]]:
    """``units`` in groups that can be validated as one store, each unit still judged on what
    its own record says: two units share a group unless an IRI that one names is described
    by the other otherwise (or only by the other). Records of one catalogue describe the same
    licence, language or role alike: they share a group, where validating them one by one
    would cost every SHACL query once per record."""
    groups: list[tuple[dict, list[Unit]]] = []
    for u in units:
        mine = _descriptions(u)
        for seen, members in groups:
            if all(seen.get(iri, text) == text for iri, text in mine.items()):
                for iri, text in mine.items():
                    seen.setdefault(iri, text)
                members.append(u)
                break
        else:
            groups.append((dict(mine), [u]))
    return [members for _, members in groups]


def _descriptions(u: Unit) -> dict:
    """Every IRI the records of ``u`` name, with what they say of it (its statements as
    N-Triples lines; empty when they only point at it)."""
    found: dict = {}
    for r in u.records:
        for t in r.triples:
            if isinstance(t.object, ox.NamedNode):
                found.setdefault(t.object.value, frozenset())
    said: dict = {}
    for r in u.records:
        for line in r.lines:
            if line.startswith("<"):
                said.setdefault(line[1 : line.index(">")], []).append(line)
    found.update((iri, frozenset(lines)) for iri, lines in said.items())
    return found


class UnitJudge:
    """Validates units together and turns them into graph writes, saying in the ledger what
    became of each."""

    def __init__(self, config: SourceConfig, ledger: Ledger, shapes: Shapes, *, lang: str):
        self.config, self.ledger, self.shapes, self.lang = config, ledger, shapes, lang
        self.name = config.name

    def writes(self, units: list[Unit]) -> list[GraphWrite]:
        """Validate ``units`` together; reject a unit when one of its records cannot be a
        record (or, under the strict policy, has a Violation); writes for the rest."""
        staging, by_record = self.stage(units)
        writes: list[GraphWrite] = []
        for u in units:
            main = next((r for r in u.records if r.kind != "source"), u.records[0])
            title = record_title(main, self.lang)
            found = {r.resource: by_record.get(r.resource, []) for r in u.records}
            judge = self.new_judge(staging, found, u)
            errors = [text for r in u.records for text in judge.fatal(r, found[r.resource])[0]]
            if errors:
                details = {"title": title, "resource": main.resource.value, "reasons": errors}
                self.ledger.result(u.identifier, "rejected", **details)
                continue
            writes += self.unit_writes(u, judge, found, main, title)
        return writes

    def stage(self, units: list[Unit]) -> tuple[ox.Store, dict]:
        """A staging store of the units' statements (each record given its graph), and the
        SHACL problems found there, by record resource."""
        staging = ox.Store()
        staging.bulk_extend([as_quad(q) for u in units for r in u.records for q in r.triples])
        owners: dict = {}
        for u in units:
            for r in u.records:
                r.graph = record_graph_iri(f"{self.name}\n{u.identifier}\n{r.resource.value}")
                for node in {t.subject for t in r.triples}:
                    owners.setdefault(node, []).append(r.resource)
        return staging, problems_by_record(validate(staging, self.shapes), owners)

    def new_judge(self, staging, found: dict, u: Unit) -> Judge:
        judge = Judge(
            staging,
            self.ledger.hashes,
            dict.fromkeys(found, self.name),
            {self.name: u.fmt},
            self.lang,
            strict=self.config.strict,
        )
        judge.repairs = u.repairs
        judge.issued = self.ledger.issued
        return judge

    def unit_writes(self, u: Unit, judge: Judge, found, main: Record, title: str) -> list:
        """The writes of an admitted unit: its changed record graphs, and empty writes that
        drop the graphs an earlier version had and this one has not."""
        writes = self.graph_writes(u, judge, found)
        graphs = {r.graph.value for r in u.records}
        previous = self.ledger.known.get(u.identifier, [])
        stale = [GraphWrite(ox.NamedNode(k.graph), []) for k in previous if k.graph not in graphs]
        if not writes and not stale:
            status = "unchanged"
        else:
            status = "updated" if previous else "loaded"
        outcomes = judge.outcomes
        self.ledger.result(
            u.identifier,
            status,
            title=title,
            resource=main.resource.value,
            defects=[d for o in outcomes for d in o.defects],
            repairs=sum(len(o.repairs) for o in outcomes),
        )
        written = {w.graph for w in writes}
        self.ledger.report.written += [r.resource.value for r in u.records if r.graph in written]
        # a later duplicate of this identifier in the run compares with this version
        self.ledger.remember(u.identifier, u.datestamp, u.records)
        return writes + stale

    def graph_writes(self, u: Unit, judge: Judge, found) -> list[GraphWrite]:
        """The records of ``u`` whose content changed, each with the harvest's provenance."""
        about = [
            (HARVEST_SOURCE, source_iri(self.name)),
            (UPSTREAM_IDENTIFIER, ox.Literal(u.identifier)),
        ]
        if u.datestamp:
            about.append((UPSTREAM_DATESTAMP, ox.Literal(u.datestamp)))
        writes = []
        for r in u.records:
            w = judge(r, found[r.resource])
            if w is not None:
                mine = [ox.Triple(r.graph, p, o) for p, o in about]
                writes.append(GraphWrite(w.graph, [*w.triples, *mine], w.lines))
        return writes
