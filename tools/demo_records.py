"""The records of the demo catalogue, read from the TOML data files in ``demo_tables/``.

Each pole file lists ``[[dataset]]`` tables; what a dataset leaves out takes the defaults of
:func:`dataset` (stated at the top of every pole file too). ``common.toml`` holds the shared
tables, ``services.toml`` the data services, ``works.toml`` publications, software and tutorials,
``invalid.toml`` the deliberately defective records.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "TABLES_DIR",
    "POLES",
    "Dataset",
    "Service",
    "Publication",
    "Software",
    "Tutorial",
    "InvalidCase",
    "read_table",
    "common",
    "dataset",
    "datasets",
    "services",
    "publications",
    "software",
    "tutorials",
    "invalid_cases",
]

TABLES_DIR = Path(__file__).resolve().parent / "demo_tables"
#: the pole files, in the order the catalogue lists their datasets
POLES = ("aeris", "odatis", "theia", "formater", "pndb")


@dataclass(frozen=True)
class Dataset:
    """One demo dataset, its defaults resolved."""

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
    #: the taxa covered (slugs of the ``taxa`` table of ``common.toml``)
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
    #: the concepts of the GAIA thesaurus it serves (slugs)
    themes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Tutorial:
    """One real public tutorial or documentation, with what it teaches to work with."""

    slug: str
    name: str
    description: tuple[str, str]
    url: str
    #: the language it is written in (ISO 639-1)
    language: str
    #: the concepts of the GAIA thesaurus it serves (slugs)
    themes: tuple[str, ...]
    #: the demo datasets it works with (slugs)
    datasets: tuple[str, ...] = field(default=())
    #: the demo software it teaches (slugs)
    software: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class InvalidCase:
    """A file in ``demo/invalid/``: which record it copies and which defect it carries."""

    file: str
    kind: str
    base: str
    slug: str
    defect: str
    fr: str
    en: str


def read_table(name: str, folder: Path = TABLES_DIR) -> dict:
    """The parsed content of ``<folder>/<name>.toml``."""
    with (folder / f"{name}.toml").open("rb") as f:
        return tomllib.load(f)


def _tuples(value):
    """Lists (nested or not) turned into tuples, the form the build compares and hashes."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def common(folder: Path = TABLES_DIR) -> dict[str, dict]:
    """The shared tables of ``common.toml``, lists as tuples."""
    return {
        name: {key: _tuples(value) for key, value in table.items()}
        for name, table in read_table("common", folder).items()
    }


def _distributions(row: dict) -> tuple[tuple[str, str, str | None, str | None], ...]:
    """(format, access URL, download URL, service) of each distribution; by default one, whose
    access URL is the landing page."""
    single = {k: row[k] for k in ("download", "service") if k in row}
    rows = row.get("distributions") or [{"format": row.get("format", "NETCDF"), **single}]
    return tuple(
        (d["format"], d.get("access", row["landing"]), d.get("download"), d.get("service"))
        for d in rows
    )


def dataset(row: dict) -> Dataset:
    """A dataset from its table form, with the defaults the data files rely on."""
    end = row.get("end")
    vertical = row.get("vertical")
    return Dataset(
        slug=row["slug"],
        centre=row["centre"],
        identifier=row["identifier"],
        title=_tuples(row["title"]),
        description=_tuples(row["description"]),
        keywords=_tuples(row["keywords"]),
        variables=_tuples(row["variables"]),
        area=row["area"],
        start=row["start"],
        end=end,
        frequency=row.get("frequency", "NEVER" if end else "UPDATE_CONT"),
        licence=row.get("licence", "cc-by"),
        landing=row["landing"],
        distributions=_distributions(row),
        eu_themes=_tuples(row.get("eu_themes", ["ENVI", "TECH"])),
        issued=row.get("issued", max(row["start"], "2000-01-01")),
        modified=row.get("modified", end if end and end > "2020" else "2024-11-15"),
        access=row.get("access", "PUBLIC"),
        vertical=tuple(None if v == "" else v for v in vertical) if vertical else None,
        taxa=_tuples(row.get("taxa", [])),
    )


def datasets(pole: str, folder: Path = TABLES_DIR) -> list[Dataset]:
    """The datasets of one pole file."""
    return [dataset(row) for row in read_table(pole, folder)["dataset"]]


def _records(kind, name: str, key: str, folder: Path) -> list:
    return [
        kind(**{k: _tuples(v) for k, v in row.items()}) for row in read_table(name, folder)[key]
    ]


def services(folder: Path = TABLES_DIR) -> list[Service]:
    """The data services."""
    return _records(Service, "services", "service", folder)


def publications(folder: Path = TABLES_DIR) -> list[Publication]:
    """The scholarly articles."""
    return [
        Publication(**{"doi": None, **{k: _tuples(v) for k, v in row.items()}})
        for row in read_table("works", folder)["publication"]
    ]


def software(folder: Path = TABLES_DIR) -> list[Software]:
    """The pieces of software."""
    return _records(Software, "works", "software", folder)


def tutorials(folder: Path = TABLES_DIR) -> list[Tutorial]:
    """The tutorials."""
    return _records(Tutorial, "works", "tutorial", folder)


def invalid_cases(folder: Path = TABLES_DIR) -> list[InvalidCase]:
    """The deliberately invalid records."""
    return _records(InvalidCase, "invalid", "invalid", folder)
