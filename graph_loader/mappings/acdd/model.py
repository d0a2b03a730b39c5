"""What a netCDF file or a THREDDS dataset says of itself, syntax aside: :class:`Discovery`
and the :class:`Party` it names."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..build import guess_language

__all__ = ["Party", "Discovery"]


@dataclass
class Party:
    """A creator, publisher or contributor."""

    name: str = ""
    email: str = ""
    url: str = ""
    kind: str = ""  # person | organization | "" (unknown)
    institution: str = ""
    role: str = ""


@dataclass
class Discovery:
    """What a netCDF file or a THREDDS dataset says of itself, syntax aside."""

    title: str = ""
    summaries: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    creators: list[Party] = field(default_factory=list)
    publishers: list[Party] = field(default_factory=list)
    contributors: list[Party] = field(default_factory=list)
    #: west, south, east north
    bbox: tuple[float, float, float, float] | None = None
    #: minimum and maximum altitude in metres (depths negative)
    vertical: tuple[float, float] | None = None
    start: str = ""
    end: str = ""
    duration: str = ""
    licences: list[str] = field(default_factory=list)
    identifier: str = ""
    authority: str = ""
    dates: dict[str, str] = field(default_factory=dict)  # created | modified | issued
    data_type: str = ""
    projects: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    lineage: list[str] = field(default_factory=list)
    standard_names: list[str] = field(default_factory=list)
    #: documentation pages: (url, title)
    pages: list[tuple[str, str]] = field(default_factory=list)
    language: str = ""

    def lang(self) -> str:
        """The language of the texts: declared, else guessed, else English.

        >>> Discovery(title="Température de la mer dans le golfe de Gascogne et la Manche").lang()
        'fr'
        >>> Discovery(title="Argo SST", language="fr_FR").lang(), Discovery(title="SST").lang()
        ('fr', 'en')
        """
        declared = self.language.strip().lower()[:2]
        if declared in ("fr", "en"):
            return declared
        return guess_language(self.title, *self.summaries) or "en"
