"""Compact record constructors used by the demo tables."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Dataset", "Service", "Publication", "Software", "ds"]


@dataclass(frozen=True)
class Dataset:
    """One demo dataset, as written in the pole tables."""

    slug: str
    centre: str
    identifier: str
    title: tuple[str, str]
    description: tuple[str, str]
    keywords: tuple[tuple[str, str], ...]
    variables: tuple[str, ...]
    area: str
    start: str
    end: str | None
    frequency: str | None
    licence: str
    landing: str
    distributions: tuple[tuple[str, str, str | None, str | None], ...]
    eu_themes: tuple[str, ...]
    issued: str
    modified: str
    access: str = "PUBLIC"
    #: (minimum, maximum) altitude in metres, depths negative; None for an unknown bound
    vertical: tuple[int | None, int | None] | None = None
    #: the taxa covered (slugs of ``common.TAXA``)
    taxa: tuple[str, ...] = ()


@dataclass(frozen=True)
class Service:
    """One demo data service; the datasets it serves come from the distributions."""

    slug: str
    centre: str
    title: tuple[str, str]
    description: tuple[str, str]
    endpoint: str
    endpoint_description: str
    standard: str
    landing: str
    licence: str = "etalab"


@dataclass(frozen=True)
class Publication:
    """One real scholarly article citing demo datasets."""

    slug: str
    title: str
    title_fr: str
    creators: tuple[str, ...]
    year: int
    journal: str
    doi: str | None
    cites: tuple[str, ...]


@dataclass(frozen=True)
class Software:
    """One real piece of software used with demo datasets."""

    slug: str
    name: str
    description: tuple[str, str]
    repository: str
    language: str
    licence: str
    used_with: tuple[str, ...]
    cited_by: tuple[str, ...] = field(default=())


def _keywords(text: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for item in text.split(";"):
        fr, _, en = item.strip().partition("/")
        pairs.append((fr.strip(), (en or fr).strip()))
    return tuple(pairs)


def ds(
    slug: str,
    centre: str,
    identifier: str,
    title: tuple[str, str],
    description: tuple[str, str],
    keywords: str,
    variables: str,
    area: str,
    start: str,
    end: str | None = None,
    *,
    freq: str | None = None,
    lic: str = "cc-by",
    land: str,
    fmt: str = "NETCDF",
    svc: str | None = None,
    dl: str | None = None,
    dist: list[tuple[str, str, str | None, str | None]] | None = None,
    eu: str = "ENVI TECH",
    issued: str | None = None,
    modified: str | None = None,
    access: str = "PUBLIC",
    vert: tuple[int | None, int | None] | None = None,
    taxa: str = "",
) -> Dataset:
    """A dataset from its compact table form (keywords ``"fr/en; fr/en"``, variables spaced;
    ``vert`` the vertical extent in metres, depths negative; ``taxa`` spaced taxon slugs)."""
    if freq is None:
        freq = "NEVER" if end else "UPDATE_CONT"
    distributions = tuple(dist) if dist else ((fmt, land, dl, svc),)
    return Dataset(
        slug=slug,
        centre=centre,
        identifier=identifier,
        title=title,
        description=description,
        keywords=_keywords(keywords),
        variables=tuple(variables.split()),
        area=area,
        start=start,
        end=end,
        frequency=freq,
        licence=lic,
        landing=land,
        distributions=distributions,
        eu_themes=tuple(eu.split()),
        issued=issued or max(start, "2000-01-01"),
        modified=modified or (end if end and end > "2020" else "2024-11-15"),
        access=access,
        vertical=vert,
        taxa=tuple(taxa.split()),
    )
