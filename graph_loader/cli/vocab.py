"""``gaia-kg vocab``: load an external SKOS vocabulary, print vocabulary statistics."""

from __future__ import annotations

import json

import click

from ..errors import GaiaKGError
from ..messages import CLI
from ._common import _fail, _open, _settings, lang_option, progress_bars, store_option

__all__ = ["vocab"]

#: the message key of each statistic's heading
_HEADINGS = {
    "concepts": CLI.mark("vocab.stats.concepts"),
    "levels": CLI.mark("vocab.stats.levels"),
    "top_concepts": CLI.mark("vocab.stats.top_concepts"),
    "labels": CLI.mark("vocab.stats.labels"),
    "definitions": CLI.mark("vocab.stats.definitions"),
    "graph": CLI.mark("vocab.stats.graph"),
    "skosify": CLI.mark("vocab.stats.skosify"),
}

vocab = click.Group("vocab", help="External SKOS vocabularies and thesaurus statistics.")


@vocab.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--name", default=None, help="Vocabulary name [default: the file name's stem].")
@store_option
@lang_option
def load(file, name, store_spec, lang):
    """Load any SKOS FILE into its own named graph, with its SKOS closure (replaces it)."""
    from ..vocab import load_vocabulary

    try:
        with _open(_settings(store_spec)) as store:
            report = load_vocabulary(store, file, name=name, progress=progress_bars(lang))
    except GaiaKGError as exc:
        _fail(exc)
    click.echo(report.message(lang))


@vocab.command()
@click.option(
    "--vocabulary", default=None, metavar="NAME", help="A loaded vocabulary [default: GAIA]."
)
@store_option
@lang_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--skosify", "check", is_flag=True, help="Also run skosify's checks.")
def stats(vocabulary, store_spec, lang, as_json, check):
    """Concepts per level and per top concept, labels and definitions per language."""
    from ..vocab import graph_skosify_warnings, vocabulary_stats

    try:
        with _open(_settings(store_spec)) as store:
            figures = vocabulary_stats(store, vocabulary)
            if check:
                figures["skosify"] = graph_skosify_warnings(store, vocabulary)
    except GaiaKGError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps(figures, indent=2, ensure_ascii=False))
        return
    for key, value in figures.items():
        heading = CLI.text(_HEADINGS[key], lang)
        if isinstance(value, list):
            click.echo(f"{heading:<42} {len(value)}")
            for line in value:
                click.echo(f"  {line}")
            continue
        if not isinstance(value, dict):
            click.echo(f"{heading:<42} {value}")
            continue
        click.echo(CLI.text("vocab.stats.heading", lang, heading=heading))
        for k, v in value.items():
            if isinstance(v, dict):
                langs = "  ".join(f"{la or '-'} {n:>6}" for la, n in v.items()) or "-"
                click.echo(f"  {k:<40} {langs}")
            else:
                click.echo(f"  {k:<40} {v:>10}")
