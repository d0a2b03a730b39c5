"""Harvesters: fetch raw records from catalogues through an HTTP client they are given (I/O only).

Each source is a small class offering ``records(client, *, resume=None) -> Iterator[RawRecord]``
and ``resume_token`` (the page to start from to go on after an interruption). Sources never
convert: :mod:`graph_loader.mappings` does that, record by record.

==============  ==============================================  ====================
module          protocol                                         resume token
==============  ==============================================  ====================
csw             CSW 2.0.2 GetRecords, startPosition paging       startPosition
oaipmh          OAI-PMH ListRecords, resumptionToken paging      resumptionToken
dcat            DCAT pages with Hydra ``next`` links             page URL
directory       a folder of files                                last relative path
stac            STAC API ``/collections`` (``next`` links), or   page URL, or the JSON
                a static catalogue's ``child`` links             queue of URLs to visit
thredds         THREDDS catalogues through catalogRefs           catalogues to read
==============  ==============================================  ====================
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import GaiaKGError

__all__ = ["RawRecord", "SourceError", "SOURCES"]

#: source kind -> class path (imported lazily, like the mappings)
SOURCES: dict[str, str] = {
    "csw": "graph_loader.sources.csw:CSWSource",
    "oai-pmh": "graph_loader.sources.oaipmh:OAIPMHSource",
    "dcat": "graph_loader.sources.dcat:DCATSource",
    "directory": "graph_loader.sources.directory:DirectorySource",
    "stac": "graph_loader.sources.stac:STACSource",
    "thredds": "graph_loader.sources.thredds:THREDDSSource",
}


@dataclass(frozen=True)
class RawRecord:
    """One record as fetched: bytes in whatever format the catalogue serves."""

    source: str
    identifier: str
    data: bytes
    datestamp: str | None = None
    deleted: bool = False
    url: str | None = None
    #: the version stored: the page it came on was answered 304 Not Modified (the bytes of
    #: the last harvest), or the harvest said it holds this datestamp (no bytes: see
    #: :attr:`graph_loader.sources.csw.CSWSource.holds`)
    unchanged: bool = False


class SourceError(GaiaKGError):
    """A page could not be fetched or read; ``resume`` is the token to retry it from, ``skip``
    (when the protocol allows it) the token of the page after it, to go on without it;
    ``transient`` when the server or the network failed rather than the content."""

    def __init__(
        self,
        source: str,
        page: str,
        reason: str,
        *,
        resume: str | None,
        skip: str | None = None,
        transient: bool = False,
    ) -> None:
        self.source = source
        self.page = page
        self.reason = reason
        self.resume = resume
        self.skip = skip
        self.transient = transient
        super().__init__(
            f"{source}: page {page} failed (échec de la page {page}): {reason}"
            f" — resume from / reprendre à: {resume if resume is not None else 'start / début'}"
        )
