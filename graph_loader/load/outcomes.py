"""What a load reports: the fate of each record (``RecordOutcome``) and the whole load's
counts (``LoadReport``), printed by :mod:`graph_loader.report`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..enrich import KeywordReport
from ..repair import Repair

__all__ = ["LoadReport", "RecordOutcome"]


@dataclass(slots=True)
class RecordOutcome:
    """What happened to one record: loaded, updated, unchanged or rejected.

    ``problems`` say why a record was rejected (``reasons``: their keys, for counting);
    ``defects`` are the Violations of a record loaded all the same, flagged as not conformant
    (``defect_kinds``: their shape messages); ``repairs`` what was repaired in it.
    """

    resource: str
    kind: str
    title: str
    source: str
    status: str
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: the shape message of each warning, for grouping in summaries
    warning_kinds: list[str] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)
    defect_kinds: list[str] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        return self.status != "rejected" and bool(self.defects)


@dataclass(slots=True)
class LoadReport:
    """The summary printed by the CLI and returned to callers."""

    outcomes: list[RecordOutcome] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    files: int = 0
    skipped_files: int = 0
    orphan_subjects: int = 0
    triples_read: int = 0
    triples_written: int = 0
    seconds: float = 0.0
    #: seconds per phase: read, split, validate, prepare, write
    phases: dict[str, float] = field(default_factory=dict)
    #: the format each file was read as (by file name)
    formats: dict[str, str] = field(default_factory=dict)
    #: keywords linked to thesaurus concepts, and those left unmatched, per source file
    keywords: KeywordReport = field(default_factory=KeywordReport)
    #: files read that gave no record, each with what it held ("name: message")
    empty_files: list[str] = field(default_factory=list)
    #: a record described again by a later file: that description is not loaded
    duplicates: list[str] = field(default_factory=list)
    #: the store's generation before the load (see :mod:`graph_loader.derived`): derived data
    #: recorded at it are only behind by what this load wrote
    generation_before: str | None = None
    #: file name -> why it could not be read; file name -> what an empty file held
    unreadable: dict[str, str] = field(default_factory=dict)
    empty: dict[str, str] = field(default_factory=dict)
    #: files describing a record already loaded from an earlier file of the load
    duplicate_files: set[str] = field(default_factory=set)
    #: every file tried, as reports name it (its name, or its path when two share a name)
    file_names: list[str] = field(default_factory=list)
    #: documents that were vocabularies, not records: file -> what was loaded from it
    vocabularies: dict[str, str] = field(default_factory=dict)
    #: documents that gave no record but describe what records of the load name (agents,
    #: services) or are STAC items of a collection: kept in their source graph
    supplements: list[str] = field(default_factory=list)
    #: STAC items read, by collection IRI; those whose collection is not in this load
    stac_items: dict[str, int] = field(default_factory=dict)
    stac_items_unattached: dict[str, int] = field(default_factory=dict)

    def count(self, status: str) -> int:
        """Records (source records aside) with this status."""
        return sum(1 for o in self.outcomes if o.status == status and o.kind != "source")

    @property
    def flagged(self) -> int:
        """Records loaded (or unchanged) with defects flagged."""
        return sum(1 for o in self.outcomes if o.flagged and o.kind != "source")

    @property
    def repaired(self) -> int:
        """Records loaded (or unchanged) with at least one repair."""
        return sum(
            1 for o in self.outcomes if o.status != "rejected" and o.repairs and o.kind != "source"
        )

    @property
    def warnings(self) -> int:
        return sum(len(o.warnings) for o in self.outcomes if o.status != "rejected")

    @property
    def ok(self) -> bool:
        return not self.file_errors and not self.count("rejected")

    def summary(self) -> dict:
        """The figures of the load, JSON-able: every record is in exactly one of
        ``loaded_as_is``, ``loaded_repaired``, ``flagged`` and ``rejected`` (source graphs
        are not records); ``files`` counts every file tried, readable or not."""
        records = [o for o in self.outcomes if o.kind != "source"]
        kept = [o for o in records if o.status != "rejected"]
        flagged = [o for o in kept if o.defects]
        repaired = [o for o in kept if o.repairs and not o.defects]
        rejected = [o for o in records if o.status == "rejected"]
        return {
            "files": self.files + len(self.unreadable),
            "unreadable": dict(sorted(self.unreadable.items())),
            "empty": dict(sorted(self.empty.items())),
            "vocabularies": dict(sorted(self.vocabularies.items())),
            "supplements": sorted(self.supplements),
            "files_with_records": sorted({o.source for o in records}),
            "records": len(records),
            "loaded_as_is": len(kept) - len(flagged) - len(repaired),
            "loaded_repaired": len(repaired),
            "repairs_by_kind": _counts(r.kind for o in kept for r in o.repairs),
            "flagged": len(flagged),
            "defects_by_message": _counts(k for o in flagged for k in o.defect_kinds),
            "rejected": len(rejected),
            "rejected_by_reason": _counts(k for o in rejected for k in o.reasons),
            "duplicates": len(self.duplicates),
            "duplicate_files": sorted(self.duplicate_files),
        }


def _counts(keys: Iterable[str]) -> dict[str, int]:
    """Counts by key, most frequent first (then by key)."""
    return dict(sorted(Counter(keys).items(), key=lambda i: (-i[1], i[0])))
