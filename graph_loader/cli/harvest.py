"""``gaia-kg harvest`` and ``gaia-kg sources``: harvest declared sources, list them."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections import Counter

import click

from ..errors import GaiaKGError
from ..messages import CLI
from ._common import (
    _fail,
    _open,
    _settings,
    env_lang,
    lang_option,
    refresh_index,
    store_option,
)

__all__ = ["harvest", "sources"]

sources_option = click.option(
    "--sources",
    "sources_file",
    envvar="GAIA_KG_SOURCES",
    default=None,
    metavar="FILE",
    help="The sources file (TOML) [default: ./sources.toml, or $GAIA_KG_SOURCES].",
)

#: the message key of each count of a harvest (plural messages)
_COUNTS = {
    "loaded": CLI.mark("harvest.loaded"),
    "updated": CLI.mark("harvest.updated"),
    "unchanged": CLI.mark("harvest.unchanged"),
    "withdrawn": CLI.mark("harvest.withdrawn"),
    "rejected": CLI.mark("harvest.rejected"),
}


def _counts(report, lang: str) -> str:
    """ "2 loaded, 0 updated, …" of a harvest report."""
    return ", ".join(CLI.plural(key, report.count(s), lang) for s, key in _COUNTS.items())


def _declared(sources_file):
    from ..harvest.config import read_sources, sources_path

    return read_sources(sources_path(sources_file))


def _bar():
    """A record counter on stderr (no total is known in advance)."""
    from tqdm import tqdm

    bar = tqdm(desc=CLI.text("harvest.bar", env_lang()), unit=" rec", file=sys.stderr, leave=False,
               disable=None if not os.environ.get("CI") else True)  # fmt: skip
    return bar


@click.command()
@click.argument("names", nargs=-1)
@click.option("--all", "every", is_flag=True, help="Harvest every declared source.")
@sources_option
@store_option
@lang_option
@click.option("--base-iri", default=None, help="Base IRI for minted IRIs [default: $GAIA_KG_BASE].")
@click.option(
    "--incremental",
    is_flag=True,
    help="Ask only for records changed since the last complete harvest (CSW, OAI-PMH).",
)
@click.option("--restart", is_flag=True, help="Ignore an unfinished harvest's checkpoint.")
@click.option("--force", is_flag=True, help="Convert records even when their date is unchanged.")
@click.option("--json", "as_json", is_flag=True, help="Print the reports as JSON.")
@click.option("--infer/--no-infer", default=True, help="Rebuild the inference graph afterwards.")
@click.option(
    "--jobs",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes converting records (1: all in this process; 0: the number of"
    " cores) [default: $GAIA_KG_LOAD_JOBS, else the cores].",
)
@click.option(
    "--http-cache",
    envvar="GAIA_KG_HTTP_CACHE",
    default=None,
    metavar="FILE|off",
    help="Pages kept to ask for them conditionally next time (304: records unchanged)"
    " [default: $GAIA_KG_HTTP_CACHE, else ~/.cache/gaia-kg/harvest-http.sqlite; off: none].",
)
def harvest(names, every, sources_file, store_spec, lang, base_iri, incremental, restart,
            force, as_json, infer, jobs, http_cache):  # fmt: skip
    """Harvest the sources NAMES (declared in the sources file) into the store.

    Each record is converted, linked to the thesaurus and validated on its own; bad records
    are reported and skipped; unchanged ones are not rewritten; records gone upstream are
    withdrawn. An interrupted harvest resumes where it stopped.
    """
    from ..bootstrap import initialise
    from ..harvest import harvest as run_harvest
    from ..sources.http import default_http_cache

    off = http_cache is not None and http_cache.strip().lower() == "off"
    cache = None if off else (http_cache or default_http_cache())

    settings = _settings(store_spec, base_iri=base_iri)
    reports = []
    try:
        declared = _declared(sources_file)
        chosen = _chosen(declared, names, every, lang)
        with _open(settings) as store:
            for line in initialise(store, infer=False, quiet=True, lang=lang):
                click.echo(line)
            for name in chosen:
                bar = _bar()
                report = run_harvest(
                    store, declared[name], base_iri=settings.base_iri, lang=lang,
                    incremental=incremental, restart=restart, force=force, progress=bar.update,
                    jobs=jobs, http_cache=cache,
                )  # fmt: skip
                bar.close()
                reports.append(report)
                if not as_json:
                    _print(report, lang)
            _after_harvest(settings, store, reports, lang, infer=infer, as_json=as_json)
    except GaiaKGError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps([r.to_json() for r in reports], ensure_ascii=False, indent=2))
    # records skipped as unreadable upstream are lost like rejected ones: not a success
    skipped = sum(len(r.page_errors) for r in reports)
    if skipped:
        click.echo(CLI.plural("harvest.skipped", skipped, lang), err=as_json)
    if not all(r.ok for r in reports):
        sys.exit(1)


def _print(report, lang: str) -> None:
    click.echo(
        CLI.plural(
            "harvest.head",
            len(report.results),
            lang,
            name=report.source,
            kind=report.kind,
            mode=report.mode,
            s=report.seconds,
        )
    )
    if report.resumed_from:
        click.echo("  " + CLI.text("harvest.resumed", lang, token=report.resumed_from))
    click.echo("  " + _counts(report, lang))
    unchanged = report.count("unchanged")
    if unchanged == len(report.results) > 0 and not (report.triples_read or report.triples_written):
        click.echo("  " + CLI.plural("harvest.nothing_new", unchanged, lang))
    kept = [r for r in report.results if r.status != "rejected"]
    flagged = [r for r in kept if r.defects]
    repaired = sum(1 for r in kept if r.repairs)
    policy = getattr(report, "policy", "flag")
    click.echo(
        "  "
        + CLI.text(
            "harvest.kept",
            lang,
            repaired=CLI.plural("harvest.repaired", repaired, lang),
            flagged=CLI.plural("harvest.flagged_n", len(flagged), lang),
            policy=policy,
        )
    )
    _print_keywords(report, lang)
    rejected = [r for r in report.results if r.status == "rejected"]
    if rejected:
        click.echo("  " + CLI.text("harvest.rejected_head", lang))
        for r in rejected:
            click.echo(f"    ✗ {r.identifier}" + (f" « {r.title} »" if r.title else ""))
            for reason in r.reasons:
                click.echo(f"        - {reason}")
    if flagged:
        click.echo("  " + CLI.text("harvest.flagged_head", lang))
        for r in flagged[:20]:
            click.echo(f"    ⚑ {r.identifier}" + (f" « {r.title} »" if r.title else ""))
            for defect in r.defects:
                click.echo(f"        - {defect}")
        if len(flagged) > 20:
            click.echo(f"    … (+{len(flagged) - 20})")
    if report.page_errors:
        click.echo("  " + CLI.text("harvest.pages", lang))
        for line in report.page_errors:
            click.echo(f"    ✗ {line}")
    if report.interrupted:
        stopped = CLI.text("harvest.stopped", lang, why=report.interrupted, name=report.source)
        click.echo("  " + stopped)


def _print_keywords(report, lang: str) -> None:
    """How many keywords were linked to thesaurus concepts, and the most frequent missed."""
    unmatched: Counter = Counter()
    for c in report.keywords.unmatched.values():
        unmatched.update(c)
    linked = sum(report.keywords.linked.values())
    if linked or unmatched:
        missed = sum(unmatched.values())
        click.echo("  " + CLI.text("harvest.keywords", lang, linked=linked, missed=missed))
        for keyword, n in unmatched.most_common(5):
            click.echo(f"    ? {n} × « {keyword} »")


@click.command()
@sources_option
@store_option
@lang_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def sources(sources_file, store_spec, lang, as_json):
    """List the declared sources with the state of their last harvest."""
    from ..harvest.status import sources_status

    try:
        declared = _declared(sources_file)
        with _open(_settings(store_spec)) as store:
            status = sources_status(store, declared)
    except GaiaKGError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps(status, ensure_ascii=False, indent=2))
        return
    for s in status:
        click.echo(f"{s['name']} ({s['kind']}) {s['url']}")
        if s["checkpoint"]:
            click.echo("  " + CLI.text("harvest.unfinished", lang, token=s["checkpoint"]["resume"]))
        last = s["lastRun"]
        if last is None:
            click.echo("  " + CLI.text("harvest.never", lang))
        else:
            counts = ", ".join(f"{k} {v}" for k, v in last["report"]["counts"].items())
            click.echo("  " + CLI.text("harvest.last", lang, when=last["started"], counts=counts))


def _chosen(declared: dict, names, every: bool, lang: str) -> list[str]:
    """The sources to harvest: every declared one with ``--all``, else NAMES, all declared."""
    chosen = list(declared) if every else list(names)
    known = ", ".join(declared)
    if not chosen:
        raise click.UsageError(CLI.text("harvest.choose", lang, declared=known))
    unknown = [n for n in chosen if n not in declared]
    if unknown:
        raise click.UsageError(
            CLI.plural(
                "harvest.unknown", len(unknown), lang, names=", ".join(unknown), declared=known
            )
        )
    return chosen


def _after_harvest(settings, store, reports, lang: str, *, infer: bool, as_json: bool) -> None:
    """Inference and the search index brought up to date after the harvests."""
    from ..derived import inference_stale

    # records written by an earlier run killed before inference count too
    if infer and (any(r.changed for r in reports) or inference_stale(store)):
        from ..inference import rebuild_inference

        summary = rebuild_inference(store).message(lang)
        if not as_json:
            click.echo(summary)
    with contextlib.redirect_stdout(sys.stderr if as_json else sys.stdout):
        refresh_index(settings, store, lang)
