"""What a harvest run did: one :class:`RecordResult` per upstream record, gathered in a
:class:`HarvestReport` that the CLI prints and the store keeps with the source's runs.

>>> report = HarvestReport("csw", "csw", complete=True)
>>> report.results.append(RecordResult("a", "loaded"))
>>> report.count("loaded"), report.changed, report.ok
(1, True, True)
>>> report.to_json()["counts"]
{'loaded': 1, 'updated': 0, 'unchanged': 0, 'withdrawn': 0, 'rejected': 0}
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..enrich import KeywordReport

__all__ = ["HarvestReport", "RecordResult", "STATUSES"]

STATUSES = ("loaded", "updated", "unchanged", "withdrawn", "rejected")


@dataclass(slots=True)
class RecordResult:
    """What happened to one upstream record."""

    identifier: str
    status: str
    title: str = ""
    resource: str | None = None
    reasons: list[str] = field(default_factory=list)
    #: Violations of a record loaded all the same, flagged as not conformant
    defects: list[str] = field(default_factory=list)
    repairs: int = 0


@dataclass
class HarvestReport:
    """The report of one run, printed by the CLI and stored with the source's runs."""

    source: str
    kind: str
    mode: str = "full"
    #: what the source does with a record that has a SHACL Violation: "flag" or "strict"
    policy: str = "flag"
    started: str = ""
    #: when the harvest began: the start of the interrupted run a resumed run goes on with
    harvest_started: str = ""
    seconds: float = 0.0
    complete: bool = False
    resumed_from: str | None = None
    interrupted: str | None = None
    results: list[RecordResult] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    #: the store's generation before the run's first write (see :mod:`graph_loader.derived`)
    generation_before: str | None = None
    bumped: bool = False
    keywords: KeywordReport = field(default_factory=KeywordReport)
    triples_written: int = 0
    #: statements read from the upstream records converted (not those skipped unchanged)
    triples_read: int = 0
    #: the source's records after the run: how many have a quality score, and their mean
    quality: dict = field(default_factory=dict)
    #: resources written and withdrawn by the run (for the search index)
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def changed(self) -> bool:
        return any(r.status in ("loaded", "updated", "withdrawn") for r in self.results)

    @property
    def ok(self) -> bool:
        return self.complete and not self.count("rejected") and not self.page_errors

    def to_json(self, *, limit: int = 200) -> dict:
        rejected = [r for r in self.results if r.status == "rejected"]
        return {
            "source": self.source,
            "kind": self.kind,
            "mode": self.mode,
            "started": self.started,
            "harvestStarted": self.harvest_started or self.started,
            "seconds": round(self.seconds, 3),
            "complete": self.complete,
            "resumedFrom": self.resumed_from,
            "interrupted": self.interrupted,
            "policy": self.policy,
            "counts": {s: self.count(s) for s in STATUSES},
            "flagged": sum(1 for r in self.results if r.defects and r.status != "rejected"),
            "repaired": sum(1 for r in self.results if r.repairs and r.status != "rejected"),
            "rejected": [
                {"identifier": r.identifier, "title": r.title, "reasons": r.reasons}
                for r in rejected[:limit]
            ],
            "pageErrors": self.page_errors,
            "keywords": self._keywords(),
            "triplesRead": self.triples_read,
            "triplesWritten": self.triples_written,
            "quality": self.quality,
        }

    def _keywords(self) -> dict:
        """Keywords linked to concepts, and the unmatched ones (the 50 most frequent)."""
        unmatched: Counter = Counter()
        for counts in self.keywords.unmatched.values():
            unmatched.update(counts)
        return {
            "linked": sum(self.keywords.linked.values()),
            "unmatched": sum(unmatched.values()),
            "topUnmatched": [{"keyword": k, "count": n} for k, n in unmatched.most_common(50)],
        }
