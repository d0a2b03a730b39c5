"""The commands that fill and read the store: init, load, validate, query, stats, infer,
export."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..config import Settings
from ..errors import GaiaKGError
from ..messages import CLI
from ._common import (
    _fail,
    _open,
    _settings,
    env_lang,
    lang_option,
    progress_bars,
    refresh_index,
    store_option,
)

__all__ = ["init", "load", "load_files", "validate", "query", "stats", "infer", "export"]


@click.command()
@store_option
def init(store_spec):
    """Create the store and load the ontology, the thesaurus and the inference graph."""
    from ..bootstrap import initialise

    settings = _settings(store_spec)
    lang = env_lang()
    try:
        with _open(settings) as store:
            for line in initialise(store, lang=lang):
                click.echo(line)
    except GaiaKGError as exc:
        _fail(exc)
    where = settings.store if settings.is_remote else settings.store_path()
    click.echo(CLI.text("init.ready", lang, where=where))


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@store_option
@lang_option
@click.option("--base-iri", default=None, help="Base IRI for minted IRIs [default: $GAIA_KG_BASE].")
@click.option(
    "--base",
    "document_base",
    default=None,
    metavar="URL",
    help="Base URL that relative IRIs of the files resolve against (a folder's files: their "
    "path under it) [default: each file's file: URI].",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Reject every record with a SHACL Violation (default: only what cannot be a record; "
    "the rest is loaded, flagged as not conformant).",
)
@click.option("--infer/--no-infer", default=True, help="Rebuild the inference graph afterwards.")
@click.option(
    "--jobs",
    type=click.IntRange(min=0),
    default=None,
    help="Processes preparing the records of big files (1: all in this process; 0: the "
    "number of cores) [default: $GAIA_KG_LOAD_JOBS, else the cores].",
)
def load(paths, store_spec, lang, base_iri, document_base, strict, infer, jobs):
    """Load files or folders (Turtle, RDF/XML, JSON-LD, N-Triples, N-Quads, TriG, and the
    metadata formats of graph_loader.mappings).

    The format of each file is detected from its content; each file is split into records on
    its own, one named graph per record. A record without a title, or without an IRI, is
    rejected and explained; a record with another SHACL Violation is loaded and flagged as not
    conformant (``--strict``: rejected). Exit code 1 when a record was rejected or a file
    could not be read.
    """
    settings = _settings(store_spec, base_iri=base_iri)
    try:
        with _open(settings) as store:
            report = load_files(
                store,
                paths,
                settings,
                lang,
                infer,
                strict=strict,
                document_base=document_base,
                jobs=jobs,
            )
    except GaiaKGError as exc:
        _fail(exc)
    if not report.ok:
        sys.exit(1)


def load_files(
    store,
    paths,
    settings: Settings,
    lang: str,
    infer: bool,
    *,
    strict: bool = False,
    document_base: str | None = None,
    jobs: int | None = None,
):
    from ..bootstrap import initialise
    from ..pipeline import load_paths
    from ..report import print_load_report

    written = list(initialise(store, infer=False, quiet=True, lang=lang))  # a fresh store gets them
    for line in written:
        click.echo(line)
    report = load_paths(
        store,
        paths,
        base_iri=settings.base_iri,
        lang=lang,
        progress=progress_bars(lang),
        strict=strict,
        document_base=document_base,
        jobs=jobs,
    )
    print_load_report(report, lang=lang, echo=click.echo)
    from ..derived import inference_stale

    # records written by an earlier run killed before inference count too
    if infer and (
        written or report.count("loaded") or report.count("updated") or inference_stale(store)
    ):
        from ..inference import rebuild_inference

        click.echo(rebuild_inference(store).message(lang))
    refresh_index(settings, store, lang)
    return report


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@lang_option
@click.option(
    "--engine",
    type=click.Choice(["fast", "pyshacl"]),
    default="fast",
    show_default=True,
    help="SHACL engine: compiled SPARQL, or the pyshacl reference.",
)
def validate(paths, lang, engine):
    """Validate files against shapes/ without storing anything."""
    from ..report import validate_files

    try:
        ok = validate_files(paths, lang=lang, engine=engine, echo=click.echo)
    except GaiaKGError as exc:
        _fail(exc)
    if not ok:
        sys.exit(1)


@click.command()
@click.argument("sparql")
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
def query(sparql, store_spec, fmt):
    """Run a SPARQL query (text, @file.rq, or - for standard input)."""
    from ..report import print_query_result

    if sparql == "-":
        sparql = sys.stdin.read()
    elif sparql.startswith("@"):
        sparql = Path(sparql[1:]).read_text("utf-8")
    from ..sparql_guard import check_depth

    settings = _settings(store_spec)
    try:
        check_depth(sparql)  # the engine's parser would exhaust its stack
        with _open(settings) as store:
            print_query_result(store.query(sparql), fmt, echo=click.echo, lang=env_lang())
    except GaiaKGError as exc:
        _fail(exc)


#: the message key of each heading of ``gaia-kg stats`` (the keys of its JSON)
_STATS = {
    "backend": CLI.mark("stats.backend"),
    "triples": CLI.mark("stats.triples"),
    "named graphs": CLI.mark("stats.named_graphs"),
    "record graphs": CLI.mark("stats.record_graphs"),
    "records by kind": CLI.mark("stats.by_kind"),
    "records by pole": CLI.mark("stats.by_pole"),
    "validation outcome": CLI.mark("stats.outcome"),
}


@click.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(store_spec, as_json):
    """Counts: triples, graphs, records by kind, by pole; validation outcomes."""
    from ..report import store_stats

    settings = _settings(store_spec)
    try:
        with _open(settings) as store:
            figures = store_stats(store)
    except GaiaKGError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps(figures, indent=2, ensure_ascii=False))
        return
    lang = env_lang()
    for key, value in figures.items():
        heading = CLI.text(_STATS[key], lang)
        if isinstance(value, dict):
            click.echo(CLI.text("stats.heading", lang, heading=heading))
            for k, v in value.items():
                click.echo(f"  {k:<40} {v:>10}")
        else:
            click.echo(f"{heading:<42} {value:>10}")


@click.command()
@store_option
def infer(store_spec):
    """Rebuild the inference graph (OWL-RL schema closure applied to the data, SKOS closure)."""
    from ..inference import rebuild_inference

    try:
        with _open(_settings(store_spec)) as store:
            click.echo(rebuild_inference(store).message(env_lang()))
    except GaiaKGError as exc:
        _fail(exc)


@click.command()
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "ntriples", "nquads", "rdfxml"]),
    default="turtle",
    show_default=True,
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="-")
def export(store_spec, fmt, output):
    """Export every record as one DCAT-AP graph (nquads keeps the record graphs)."""
    from ..report import export_records

    try:
        with _open(_settings(store_spec)) as store:
            data = export_records(store, fmt)
    except GaiaKGError as exc:
        _fail(exc)
    click.open_file(output, "wb").write(data)
