"""The harvest sources, declared in a TOML file (``sources.toml``).

One table per source, named by its key::

    [sources.sedoo-csw]
    kind = "csw"                       # csw | oai-pmh | dcat | stac | thredds | directory
    url = "https://catalogue.sedoo.fr/geonetwork/srv/eng/csw"
    page_size = 50                     # options of the source class (graph_loader.sources)
    language = "fr"                    # language of the untagged titles, descriptions, keywords
    pole = "aeris"                     # shown in /api/sources
    centre = "sedoo"
    timeout = 60                       # seconds per HTTP request
    retries = 3                        # attempts on a server or network failure
    max_record_mb = 16                 # a larger record is rejected, the harvest goes on
    policy = "flag"                    # flag: a record with a SHACL Violation loads flagged
                                       # not conformant; strict: it is rejected

The file is ``--sources PATH``, else ``$GAIA_KG_SOURCES``, else ``./sources.toml``.

>>> cfg = parse_sources('[sources.a]\\nkind = "directory"\\npath = "records"\\n', name="s.toml")
>>> cfg["a"].kind, str(cfg["a"].options["path"])
('directory', 'records')
>>> parse_sources('[sources.a]\\nkind = "directory"\\npath = "records"\\n', name="s.toml",
...               folder=Path("/srv/gaia"))["a"].options["path"].as_posix()
'/srv/gaia/records'
"""

from __future__ import annotations

import importlib
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..sources import SOURCES

__all__ = [
    "SourceConfig",
    "parse_sources",
    "read_sources",
    "sources_path",
    "make_source",
    "POLICIES",
]

#: keys read by the harvester itself; every other key is an option of the source class
_OWN_KEYS = {
    "kind",
    "language",
    "pole",
    "centre",
    "title",
    "timeout",
    "retries",
    "max_record_mb",
    "policy",
}
#: what a source does with a record that has a SHACL Violation (graph_loader.pipeline)
POLICIES = ("flag", "strict")
#: options each kind accepts (the source classes' fields), and the required ones
_OPTIONS = {
    "csw": ({"url", "page_size", "method", "output_schema", "type_names", "max_pages"}, {"url"}),
    "oai-pmh": ({"url", "metadata_prefix", "set_spec", "until", "max_pages"}, {"url"}),
    "dcat": ({"url", "max_pages"}, {"url"}),
    "directory": ({"path"}, {"path"}),
    "stac": ({"url", "max_depth", "max_pages"}, {"url"}),
    "thredds": ({"url", "max_depth", "max_catalogues", "fetch_ncml", "other_hosts"}, {"url"}),
}


@dataclass(frozen=True)
class SourceConfig:
    """One declared source."""

    name: str
    kind: str
    options: dict = field(default_factory=dict)
    language: str | None = None
    pole: str | None = None
    centre: str | None = None
    title: str | None = None
    timeout: float = 60.0
    retries: int = 3
    max_record_bytes: int = 16 * 1024 * 1024
    #: "flag" (a Violation loads the record flagged) or "strict" (it rejects the record)
    policy: str = "flag"

    @property
    def strict(self) -> bool:
        return self.policy == "strict"

    @property
    def location(self) -> str:
        """Where the records come from: the URL or the folder."""
        return str(self.options.get("url") or self.options.get("path") or "")

    def public(self) -> dict:
        """What ``/api/sources`` shows of the declaration."""
        return {
            "name": self.name,
            "kind": self.kind,
            "url": self.location,
            "title": self.title,
            "pole": self.pole,
            "centre": self.centre,
            "language": self.language,
            "policy": self.policy,
        }


def sources_path(explicit: str | None = None) -> Path:
    """The sources file: ``explicit``, else ``$GAIA_KG_SOURCES``, else ``./sources.toml``."""
    return Path(explicit or os.environ.get("GAIA_KG_SOURCES") or "sources.toml")


def read_sources(path: str | Path) -> dict[str, SourceConfig]:
    """The sources declared in the file at ``path``; InputError naming the problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(
            f"{path}: cannot read the sources file (fichier des sources illisible): "
            f"{exc.strerror or exc}"
        ) from exc
    return parse_sources(text, name=str(path), folder=path.resolve().parent)


def parse_sources(text: str, *, name: str, folder: Path | None = None) -> dict[str, SourceConfig]:
    """Parse the TOML text of a sources file (relative folders resolve against ``folder``)."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{name}: not valid TOML (TOML invalide): {exc}") from exc
    tables = document.get("sources")
    if not isinstance(tables, dict) or not tables:
        raise InputError(f"{name}: no [sources.<name>] table (aucune source déclarée)")
    return {key: _source(key, value, name, folder) for key, value in tables.items()}


def _source(key: str, table: object, name: str, folder: Path | None) -> SourceConfig:
    where = f"{name}: [sources.{key}]"
    if not isinstance(table, dict):
        raise InputError(f"{where} must be a table (doit être une table)")
    kind = table.get("kind")
    if kind not in _OPTIONS:
        raise InputError(
            f"{where}: kind {kind!r} unknown (type inconnu); one of {', '.join(sorted(_OPTIONS))}"
        )
    options = _options(where, kind, table, folder)
    language = table.get("language")
    if language is not None and language not in ("fr", "en"):
        raise InputError(f"{where}: language must be fr or en (langue : fr ou en)")
    policy = table.get("policy", "flag")
    if policy not in POLICIES:
        raise InputError(
            f"{where}: policy must be flag or strict (politique : flag ou strict), not {policy!r}"
        )
    try:
        return SourceConfig(
            name=key,
            kind=kind,
            options=options,
            language=language,
            pole=table.get("pole"),
            centre=table.get("centre"),
            title=table.get("title"),
            timeout=float(table.get("timeout", 60)),
            retries=int(table.get("retries", 3)),
            max_record_bytes=int(float(table.get("max_record_mb", 16)) * 1024 * 1024),
            policy=policy,
        )
    except (TypeError, ValueError) as exc:
        raise InputError(f"{where}: {exc}") from exc


def _options(where: str, kind: str, table: dict, folder: Path | None) -> dict:
    """The options of the source class in ``table``: none unknown, none missing; a relative
    folder resolved against ``folder``."""
    allowed, required = _OPTIONS[kind]
    options = {k: v for k, v in table.items() if k not in _OWN_KEYS}
    unknown = sorted(set(options) - allowed)
    if unknown:
        raise InputError(
            f"{where}: unknown option(s) (option(s) inconnue(s)): {', '.join(unknown)}"
        )
    missing = sorted(required - set(options))
    if missing:
        raise InputError(f"{where}: missing (manquant): {', '.join(missing)}")
    if kind == "directory":
        path = Path(options["path"])
        options["path"] = path if path.is_absolute() or folder is None else folder / path
    return options


def make_source(config: SourceConfig, *, since: str | None = None):
    """An instance of the source class of ``config.kind`` (``since`` where the kind has it)."""
    module, _, cls = SOURCES[config.kind].partition(":")
    factory = getattr(importlib.import_module(module), cls)
    options = dict(config.options)
    if since is not None and config.kind in ("csw", "oai-pmh"):
        options["since"] = since
    try:
        return factory(config.name, **options)
    except TypeError as exc:
        raise InputError(f"[sources.{config.name}]: {exc}") from exc
