"""What the ``gaia-kg`` commands share: the ``--store`` and ``--lang`` options, settings, opening
the store (once, here), progress bars, errors as click errors, and bringing the search index up
to date after a write."""

from __future__ import annotations

import os
import sys

import click

from ..backends import open_store
from ..config import Settings
from ..errors import GaiaKGError, IndexBusyError, IndexWriteError
from ..messages import CLI, LANGUAGES
from ..store import Store

__all__ = [
    "store_option",
    "lang_option",
    "_settings",
    "_open",
    "_read_store",
    "_progress",
    "progress_bars",
    "index_progress",
    "_fail",
    "refresh_index",
    "env_lang",
]

store_option = click.option(
    "--store",
    "store_spec",
    envvar="GAIA_KG_STORE",
    default=None,
    metavar="PATH|URL",
    help="Store folder or SPARQL server URL [default: ./var/store, or $GAIA_KG_STORE].",
)


def env_lang() -> str:
    """The language of messages when no ``--lang`` says it: French when ``$LANG`` is French."""
    return "fr" if os.environ.get("LANG", "").startswith("fr") else "en"


lang_option = click.option(
    "--lang",
    type=click.Choice(list(LANGUAGES)),
    default=env_lang,
    show_default="from $LANG",
    help="Language of messages and labels.",
)


def _settings(store_spec: str | None, **overrides) -> Settings:
    return Settings.from_env(store=store_spec, **overrides)


def _open(settings: Settings) -> Store:
    if settings.is_remote:
        store = open_store(
            settings.store,
            update_endpoint=settings.update_endpoint,
            gsp_endpoint=settings.gsp_endpoint,
        )
    else:
        store = open_store(str(settings.store_path()))
    store.feed_retention = settings.feed_retention
    store.flush_bytes = settings.flush_bytes
    return store


def _read_store(settings):
    if settings.is_remote:
        return open_store(settings.store, timeout=settings.query_timeout)
    if settings.store == ":memory:":
        raise click.ClickException(CLI.text("index.in_memory", env_lang()))
    return open_store(str(settings.store_path()), read_only=True)


def _progress(label: str, total: int):
    """A tqdm bar on stderr (none when stderr is not a terminal, or under CI)."""
    from tqdm import tqdm

    bar = tqdm(
        total=total,
        desc=label,
        file=sys.stderr,
        leave=False,
        disable=None if not os.environ.get("CI") else True,
    )

    def tick(n: int) -> None:
        bar.update(n)
        if bar.n >= total:
            bar.close()

    return tick


def progress_bars(lang: str):
    """The ``progress(key, total)`` callback of a load: a bar named by the message ``key``."""

    def progress(key: str, total: int):
        return _progress(CLI.text(key, lang), total)

    return progress


def index_progress(lang: str):
    """The progress callback of an index build: a bar for the store scans, one for the
    documents."""
    labels = {
        "read": CLI.text("progress.read", lang),
        "index": CLI.text("progress.index", lang),
    }
    bars: dict[str, list] = {}

    def progress(done: int, total: int, stage: str) -> None:
        if stage not in bars:
            bars[stage] = [_progress(labels.get(stage, stage), total), 0]
        tick, before = bars[stage]
        tick(done - before)
        bars[stage][1] = done

    return progress


def _fail(exc: GaiaKGError) -> None:
    raise click.ClickException(str(exc)) from exc


def refresh_index(settings: Settings, store, lang: str) -> None:
    """Bring the search index up to date after a load or a harvest: apply the store's change
    feed from the index's position (:func:`graph_loader.index.follow.follow`: what this run
    and any other wrote), or build it whole when it was never built or the feed no longer
    reaches back to it (none for an in-memory store)."""
    if settings.store == ":memory:":
        return
    from ..index import SearchIndex
    from ..index.follow import follow, position

    index = SearchIndex.for_settings(settings)
    try:
        if position(index) is None:
            report = follow(index, store, progress=index_progress(lang))
        else:
            report = follow(index, store)
    except (IndexBusyError, IndexWriteError) as exc:  # the store is written: the index waits
        click.echo(CLI.text("index.busy", lang, error=exc), err=True)
        return
    if report is not None:
        click.echo(report.message(lang))
