"""``gaia-kg quality``: a record's FAIR score and fix list, the per-source report, rescoring."""

from __future__ import annotations

import json

import click

from ..errors import GaiaKGError
from ..messages import CLI
from ._common import _fail, _open, _settings, lang_option, store_option

__all__ = ["quality"]

quality = click.Group("quality", help="FAIR quality of records: scores, fix lists, report.")


def _with_store(store_spec, read):
    """``read(store)`` on the opened store; the store is released when this returns."""
    try:
        with _open(_settings(store_spec)) as store:
            return read(store)
    except GaiaKGError as exc:
        _fail(exc)


@quality.command()
@click.argument("iri")
@store_option
@lang_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def show(iri, store_spec, lang, as_json):
    """One record's score, FAIR dimensions and what to fix (IRI of a resource)."""
    from ..quality import record_quality

    found = _with_store(store_spec, lambda store: record_quality(store, iri, lang))
    if found is None:
        raise click.ClickException(CLI.text("quality.missing", lang, iri=iri))
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    dims = ", ".join(f"{d['label']} {d['score']} %" for d in found["dimensions"])
    click.echo(f"« {found['title']} » <{found['iri']}>")
    click.echo(CLI.text("quality.score", lang, score=found["score"], dimensions=dims))
    if not found["problems"]:
        click.echo(CLI.text("quality.nothing", lang))
        return
    click.echo(CLI.text("quality.fix", lang))
    for problem in found["problems"]:
        click.echo(f"  - {problem}")


@quality.command()
@store_option
@lang_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def report(store_spec, lang, as_json):
    """Mean scores per source and per data centre, with their most failed measures."""
    from ..quality import quality_summary

    summary = _with_store(store_spec, lambda store: quality_summary(store, lang))
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    click.echo(CLI.plural("quality.overall", summary["records"], lang, score=summary["score"]))
    click.echo("\n" + CLI.text("quality.sources", lang))
    _groups(summary["sources"], lang)
    click.echo("\n" + CLI.text("quality.centres", lang))
    _groups(summary["centres"], lang)


def _groups(groups: list[dict], lang: str) -> None:
    """One line per source or data centre: its mean score, records and most failed measures."""
    for group in groups:
        failing = ", ".join(f"{f['label']} ({f['records']})" for f in group["failing"][:3])
        records = CLI.plural("quality.records", group["records"], lang)
        line = f"  {group['score']:>3} %  {records}  {group['label']}"
        if group.get("flagged"):
            line += "  " + CLI.plural("quality.flagged", group["flagged"], lang)
        if failing:
            line += "  — " + CLI.text("quality.failing", lang, failing=failing)
        click.echo(line)


@quality.command()
@store_option
@lang_option
def rescore(store_spec, lang):
    """(Re)compute the measurements of every record graph already in the store."""
    from ..quality import score_store

    changed = _with_store(store_spec, score_store)
    click.echo(CLI.plural("quality.rescored", changed, lang))
