"""From upstream records to units: each record admitted (not twice, not withdrawn, not
unchanged, not too large), read, repaired, keyword-linked and split into records.

A *unit* is what is written or rejected as a whole: the records converted from one upstream
record, or one record of a page of many (a DCAT page, a THREDDS catalogue), judged on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..enrich import KeywordLinker
from ..errors import InputError
from ..formats import read_document
from ..load.split import held
from ..messages import CLI
from ..records import Record, Split, split_records
from ..repair import distinct, repair_triples
from ..sources import RawRecord
from .config import SourceConfig
from .ledger import Ledger

__all__ = ["Unit", "UnitReader", "stored_version"]

#: source kinds whose upstream "records" are pages of many records, each judged on its own
PAGES = {"dcat", "thredds"}


@dataclass
class Unit:
    """The records converted from one upstream record (or one record of a DCAT page)."""

    identifier: str
    datestamp: str | None
    fmt: str
    records: list[Record]
    #: record resource -> its repairs
    repairs: dict = field(default_factory=dict)


class UnitReader:
    """Turns the upstream records of one source into units, saying in the ledger what
    became of those that give none."""

    def __init__(
        self,
        config: SourceConfig,
        ledger: Ledger,
        linker: KeywordLinker,
        *,
        base_iri: str,
        force: bool,
        lang: str = "en",
    ):
        self.config, self.ledger, self.linker = config, ledger, linker
        self.base_iri, self.force, self.name = base_iri, force, config.name
        self.lang = lang

    def read(self, raw: RawRecord) -> list[Unit]:
        """The units of an admitted upstream record; [] when it is rejected."""
        if (parsed := self.parse(raw)) is None:
            return []
        fmt, quads, read_repairs = parsed
        self.ledger.report.triples_read += len(quads)
        repairs: dict = {}  # record resource -> its repairs
        split = self.split(raw, quads, read_repairs, repairs)
        paged = self.config.kind in PAGES  # a page of records, not one upstream record
        if not paged and not any(r.kind != "source" for r in split.records):
            reason = _no_record(split, quads, self.lang)
            self.ledger.result(raw.identifier, "rejected", reasons=[f"{raw.identifier}: {reason}"])
            return []
        if not paged:
            return [Unit(raw.identifier, raw.datestamp, fmt, split.records, repairs)]
        units = []  # a DCAT page or a THREDDS catalogue: each record on its own, by its IRI
        for record in split.records:
            identifier = record.resource.value
            self.ledger.seen.add(identifier)
            units.append(Unit(identifier, None, fmt, [record], repairs))
        return units

    def admit(self, raw: RawRecord, drops: list) -> bool:
        """Whether ``raw`` is to be read: not given twice, not withdrawn (its graphs then go
        to ``drops``), not unchanged, not over the size limit; its result said if not."""
        ledger = self.ledger
        if raw.identifier in ledger.read:
            reason = f"{raw.identifier}: the source lists this identifier twice; the first record"
            reason += " is kept (identifiant donné deux fois par la source ; la première notice"
            reason += " est gardée)"
            ledger.result(raw.identifier, "rejected", reasons=[reason])
            return False
        ledger.read.add(raw.identifier)
        ledger.seen.add(raw.identifier)
        if raw.deleted:
            drops.append(ledger.withdraw(raw.identifier))
            return False
        known = ledger.known.get(raw.identifier)
        if not self.force and known and self.config.kind not in PAGES:
            # a page answered 304 Not Modified gives the bytes of the last harvest, a source
            # told what the run holds none (the records of a page of many are known only once
            # converted: they are, then judged)
            if raw.unchanged or stored_version(known, raw.datestamp):
                ledger.result(raw.identifier, "unchanged")
                return False
        if len(raw.data) > self.config.max_record_bytes:
            mb = self.config.max_record_bytes // (1024 * 1024)
            size = f"{len(raw.data) / 1024 / 1024:.1f} MB"
            reason = f"record of {size} over the {mb} MB limit (notice de {size} : limite {mb} Mo)"
            ledger.result(raw.identifier, "rejected", reasons=[reason])
            return False
        return True

    def parse(self, raw: RawRecord) -> tuple[str, list, list] | None:
        """Format, statements and read-level repairs of ``raw``; None when it is rejected."""
        try:
            if not raw.data.strip():
                raise InputError("empty record (notice vide)")
            read_repairs: list = []  # read-level repairs: base IRI, encodings, bad IRIs
            fmt, quads = read_document(
                raw.data,
                name=raw.identifier,
                base_iri=raw.url,
                mint_base=self.base_iri,
                repairs=read_repairs,
            )
        except InputError as exc:
            self.ledger.result(raw.identifier, "rejected", reasons=[str(exc)])
            return None
        return fmt, quads, read_repairs

    def split(self, raw: RawRecord, quads: list, read_repairs: list, repairs: dict) -> Split:
        """The records of ``quads``, repaired (each record's repairs go to ``repairs``) and
        keyword-linked."""
        origin = f"{self.name}:{raw.identifier}"
        language = self.config.language

        def repair(root, kind, triples):
            fixed, found = repair_triples(triples, root=root, language=language)
            subjects = {t.subject.value for t in triples} | {root.value}
            found = distinct([r for r in read_repairs if r.subject in subjects] + list(found))
            if found:
                repairs[root] = found
            return fixed

        def augment(root, kind, triples):
            return self.linker.augment(root, kind, triples, self.name, self.ledger.report.keywords)

        return split_records(
            quads,
            base_iri=self.base_iri,
            origin=dict.fromkeys({q.subject for q in quads}, origin),
            augment=augment,
            repair=repair,
        )


def stored_version(known: list | None, datestamp: str | None) -> bool:
    """Whether the records the store holds of an upstream identifier (``known``: its
    ``KnownRecord`` list) are all of the version ``datestamp`` names (none, or no datestamp:
    False)."""
    return bool(known and datestamp) and all(k.datestamp == datestamp for k in known)


def _no_record(split: Split, quads: list, lang: str) -> str:
    """Why a document that is one upstream record gave no record, in ``lang``."""
    if split.anonymous:
        return CLI.text("harvest.anonymous", lang)
    return CLI.text("harvest.no_record", lang, held=held(quads, lang))
