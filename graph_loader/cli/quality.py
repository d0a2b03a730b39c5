"""``gaia-kg quality``: a record's FAIR score and fix list, the per-source report, rescoring."""

from __future__ import annotations

import json

import click

from ..errors import GaiaKGError
from ._common import _fail, _open, _settings, lang_option, store_option

__all__ = ["quality"]

_WORDS = {
    "score": {"en": "quality score", "fr": "score de qualité"},
    "fix": {"en": "what to fix", "fr": "ce qu'il faut corriger"},
    "nothing": {"en": "nothing to fix", "fr": "rien à corriger"},
    "flagged": {"en": "not conformant", "fr": "non conformes"},
    "missing": {
        "en": "no quality measures for <{iri}>: no dataset, service, publication or software "
        "record of that IRI is loaded",
        "fr": "aucune mesure de qualité pour <{iri}> : aucune notice de jeu de données, de "
        "service, de publication ou de logiciel de cette IRI n'est chargée",
    },
    "sources": {"en": "per source", "fr": "par source"},
    "centres": {"en": "per data centre", "fr": "par centre de données"},
    "records": {"en": "records", "fr": "notices"},
    "overall": {
        "en": "{n} records scored, mean score {score} %",
        "fr": "{n} notices évaluées, score moyen {score} %",
    },
    "failing": {"en": "most failed", "fr": "les plus manquées"},
    "rescored": {
        "en": "{n} record graphs (re)scored",
        "fr": "{n} graphes de notices (re)notés",
    },
}

quality = click.Group("quality", help="FAIR quality of records: scores, fix lists, report.")


def _word(key: str, lang: str, **params) -> str:
    return _WORDS[key][lang].format(**params)


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
        raise click.ClickException(_word("missing", lang, iri=iri))
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    dims = ", ".join(f"{d['label']} {d['score']} %" for d in found["dimensions"])
    colon = " : " if lang == "fr" else ": "
    click.echo(f"« {found['title']} » <{found['iri']}>")
    click.echo(f"{_word('score', lang)}{colon}{found['score']} % ({dims})")
    if not found["problems"]:
        click.echo(_word("nothing", lang))
        return
    click.echo(_word("fix", lang) + colon.rstrip())
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
    click.echo(_word("overall", lang, n=summary["records"], score=summary["score"]))
    for axis, key in (("sources", "sources"), ("centres", "centres")):
        click.echo(f"\n{_word(axis, lang)}")
        for group in summary[key]:
            failing = ", ".join(f"{f['label']} ({f['records']})" for f in group["failing"][:3])
            line = f"  {group['score']:>3} %  {group['records']:>6} {_word('records', lang)}"
            line += f"  {group['label']}"
            if group.get("flagged"):
                line += f"  ({group['flagged']} {_word('flagged', lang)})"
            if failing:
                colon = " : " if lang == "fr" else ": "
                line += f"  — {_word('failing', lang)}{colon}{failing}"
            click.echo(line)


@quality.command()
@store_option
@lang_option
def rescore(store_spec, lang):
    """(Re)compute the measurements of every record graph already in the store."""
    from ..quality import score_store

    changed = _with_store(store_spec, score_store)
    click.echo(_word("rescored", lang, n=changed))
