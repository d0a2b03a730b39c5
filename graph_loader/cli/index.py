"""``gaia-kg index``: rebuild the search index from the store, print its statistics."""

from __future__ import annotations

import json

import click

from ..errors import GaiaKGError
from ..messages import CLI
from ._common import _fail, _read_store, _settings, index_progress, lang_option, store_option

__all__ = ["index"]

index = click.Group("index", help="The search index (a projection of the store).")

index_option = click.option(
    "--index",
    "index_path",
    envvar="GAIA_KG_INDEX",
    default=None,
    metavar="PATH",
    help="Index folder [default: 'index' beside the store, or $GAIA_KG_INDEX].",
)

#: the message key of each statistic
_STATS = {
    "path": CLI.mark("index.stats.path"),
    "documents": CLI.mark("index.stats.documents"),
    "types": CLI.mark("index.stats.types"),
    "thesaurus_concepts": CLI.mark("index.stats.thesaurus_concepts"),
    "built": CLI.mark("index.stats.built"),
    "bytes": CLI.mark("index.stats.bytes"),
}


@index.command()
@store_option
@index_option
@click.option("--threads", default=2, show_default=True, help="Indexing threads.")
@lang_option
def rebuild(store_spec, index_path, threads, lang):
    """Rebuild the whole index from the store (searches keep the old one until the end)."""
    from ..index import SearchIndex
    from ..index import rebuild as rebuild_index

    settings = _settings(store_spec, index=index_path)
    progress = index_progress(lang)
    try:
        # A read-only store has nothing to flush (and EmbeddedStore.close() would refuse).
        store = _read_store(settings)
        search_index = SearchIndex.for_settings(settings)
        report = rebuild_index(search_index, store, progress=progress, threads=threads)
    except GaiaKGError as exc:
        _fail(exc)
    click.echo(report.message(lang))


@index.command()
@store_option
@index_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@lang_option
def stats(store_spec, index_path, as_json, lang):
    """Documents per type, size and date of the index."""
    from ..index import SearchIndex, index_stats

    settings = _settings(store_spec, index=index_path)
    path = settings.index_path()
    if path is None or not path.exists():
        raise click.ClickException(CLI.text("index.none", lang))
    found = index_stats(SearchIndex.open(path))
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    for key, value in found.items():
        if key == "types":
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
        click.echo(
            CLI.text("index.stats.line", lang, name=CLI.text(_STATS[key], lang), value=value)
        )
