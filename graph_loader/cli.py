"""The ``gaia-kg`` command line: init, load, validate, query, stats, infer, export, serve, demo,
harvest, sources (and the vocab group).

Every command works from any folder: the store is ``./var/store`` under the current folder
unless ``--store PATH`` or ``GAIA_KG_STORE`` says otherwise (a folder, or the ``http(s)://``
URL of a SPARQL 1.1 server).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from . import __version__
from .config import Settings
from .errors import GaiaKGError, IndexBusyError
from .store import Store, open_store

__all__ = ["main"]

store_option = click.option(
    "--store",
    "store_spec",
    envvar="GAIA_KG_STORE",
    default=None,
    metavar="PATH|URL",
    help="Store folder or SPARQL server URL [default: ./var/store, or $GAIA_KG_STORE].",
)
lang_option = click.option(
    "--lang",
    type=click.Choice(["en", "fr"]),
    default=lambda: "fr" if os.environ.get("LANG", "").startswith("fr") else "en",
    show_default="from $LANG",
    help="Language of messages and labels.",
)


def _settings(store_spec: str | None, **overrides) -> Settings:
    return Settings.from_env(store=store_spec, **overrides)


def _open(settings: Settings) -> Store:
    if settings.is_remote:
        return open_store(
            settings.store,
            update_endpoint=settings.update_endpoint,
            gsp_endpoint=settings.gsp_endpoint,
        )
    return open_store(str(settings.store_path()))


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


def index_progress(lang: str):
    """The progress callback of an index build: a bar for the store scans, one for the
    documents."""
    labels = {
        "read": "lecture de l'entrepôt" if lang == "fr" else "reading the store",
        "index": "indexation" if lang == "fr" else "indexing",
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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gaia-kg")
def main() -> None:
    """gaia-kg: the knowledge graph of the GAIA Data discovery portal (Data Terra)."""


@main.command()
@store_option
def init(store_spec):
    """Create the store and load the ontology, the thesaurus and the inference graph."""
    from .bootstrap import initialise

    settings = _settings(store_spec)
    try:
        with _open(settings) as store:
            for line in initialise(store):
                click.echo(line)
    except GaiaKGError as exc:
        _fail(exc)
    click.echo(f"store ready at {settings.store if settings.is_remote else settings.store_path()}")


@main.command()
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
def load(paths, store_spec, lang, base_iri, document_base, strict, infer):
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
            report = _load(
                store, paths, settings, lang, infer, strict=strict, document_base=document_base
            )
    except GaiaKGError as exc:
        _fail(exc)
    if not report.ok:
        sys.exit(1)


def _load(
    store,
    paths,
    settings: Settings,
    lang: str,
    infer: bool,
    *,
    strict: bool = False,
    document_base: str | None = None,
):
    from .bootstrap import initialise
    from .pipeline import load_paths
    from .report import print_load_report

    written = list(initialise(store, infer=False, quiet=True))  # a fresh store gets them
    for line in written:
        click.echo(line)
    report = load_paths(
        store,
        paths,
        base_iri=settings.base_iri,
        lang=lang,
        progress=_progress,
        strict=strict,
        document_base=document_base,
    )
    print_load_report(report, lang=lang, echo=click.echo)
    from .derived import inference_stale

    # records written by an earlier run killed before inference count too
    if infer and (
        written or report.count("loaded") or report.count("updated") or inference_stale(store)
    ):
        from .inference import rebuild_inference

        click.echo(str(rebuild_inference(store)))
    changed = [o.resource for o in report.outcomes if o.status in ("loaded", "updated")]
    refresh_index(settings, store, changed, [], lang, previous=report.generation_before)
    return report


_BEHIND = {
    "en": "The search index is behind the store (a run stopped before indexing): rebuilding it…",
    "fr": "L'index de recherche est en retard sur l'entrepôt (un chargement interrompu avant "
    "l'indexation) : reconstruction…",
}
_INFERENCE_BEHIND = {
    "en": "warning: the inference graph is behind the store (a run stopped before inference): "
    "run `gaia-kg infer`",
    "fr": "attention : le graphe d'inférence est en retard sur l'entrepôt (un chargement "
    "interrompu avant l'inférence) : lancez `gaia-kg infer`",
}


def refresh_index(
    settings: Settings,
    store,
    changed: list[str],
    removed: list[str],
    lang: str,
    *,
    previous: str | None = None,
):
    """Bring the search index up to date after a load or a harvest: re-index what changed, or
    build it whole when it was never built, or when it is behind the store by more than this
    run wrote (``previous``: the store generation before the run; an earlier run killed
    before indexing) (none for an in-memory store)."""
    if settings.store == ":memory:":
        return
    import pyoxigraph as ox

    from .derived import store_generation
    from .index import SearchIndex, rebuild, update

    index = SearchIndex.for_settings(settings)
    # a withdrawn resource may still be described by another source: re-index it instead
    described = "ASK { GRAPH ?g { ?g <https://w3id.org/gaia-kg/ontology#describes> ?r } }"
    still = [iri for iri in removed if bool(store.query(described, {"r": ox.NamedNode(iri)}))]
    changed = [*changed, *still]
    removed = [iri for iri in removed if iri not in still]
    current = store_generation(store)
    behind = current is not None and index.meta.get("generation") not in (previous, current)
    try:
        if not index.meta.get("built"):
            report = rebuild(index, store, progress=index_progress(lang))
        elif behind:
            click.echo(_BEHIND[lang])
            report = rebuild(index, store, progress=index_progress(lang))
        elif changed or removed:
            report = update(index, store, changed, removed, generation=current)
        else:
            return
    except IndexBusyError as exc:  # the store is written: only the index waits
        click.echo(f"warning / attention : {exc} (`gaia-kg index rebuild`)", err=True)
        return
    click.echo(report.message(lang))


@main.command()
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
    from .report import validate_files

    try:
        ok = validate_files(paths, lang=lang, engine=engine, echo=click.echo)
    except GaiaKGError as exc:
        _fail(exc)
    if not ok:
        sys.exit(1)


@main.command()
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
    from .report import print_query_result

    if sparql == "-":
        sparql = sys.stdin.read()
    elif sparql.startswith("@"):
        sparql = Path(sparql[1:]).read_text("utf-8")
    from .sparql_guard import check_depth

    settings = _settings(store_spec)
    try:
        check_depth(sparql)  # the engine's parser would exhaust its stack
        with _open(settings) as store:
            print_query_result(store.query(sparql), fmt, echo=click.echo)
    except GaiaKGError as exc:
        _fail(exc)


@main.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(store_spec, as_json):
    """Counts: triples, graphs, records by kind, by pole; validation outcomes."""
    from .report import store_stats

    settings = _settings(store_spec)
    try:
        with _open(settings) as store:
            figures = store_stats(store)
    except GaiaKGError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps(figures, indent=2, ensure_ascii=False))
        return
    for key, value in figures.items():
        if isinstance(value, dict):
            click.echo(f"{key}:")
            for k, v in value.items():
                click.echo(f"  {k:<40} {v:>10}")
        else:
            click.echo(f"{key:<42} {value:>10}")


@main.command()
@store_option
def infer(store_spec):
    """Rebuild the inference graph (OWL-RL schema closure applied to the data, SKOS closure)."""
    from .inference import rebuild_inference

    try:
        with _open(_settings(store_spec)) as store:
            click.echo(str(rebuild_inference(store)))
    except GaiaKGError as exc:
        _fail(exc)


@main.command()
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
    from .report import export_records

    try:
        with _open(_settings(store_spec)) as store:
            data = export_records(store, fmt)
    except GaiaKGError as exc:
        _fail(exc)
    click.open_file(output, "wb").write(data)


def _serve(settings: Settings, host: str, port: int, lang: str = "en") -> None:
    import dataclasses

    from waitress import serve as waitress_serve

    from sparql_api import create_app

    if not settings.public_url:  # mailed links point at the address served, not the request's
        shown = "localhost" if host in ("0.0.0.0", "::", "") else host
        shown = f"[{shown}]" if ":" in shown else shown
        settings = dataclasses.replace(settings, public_url=f"http://{shown}:{port}/")
        if host not in ("127.0.0.1", "localhost", "::1") and not settings.allowed_hosts:
            click.echo(
                f"note: answering only for {shown} (Host header); set GAIA_KG_PUBLIC_URL or "
                "GAIA_KG_ALLOWED_HOSTS / ne répond que pour cet hôte : réglez "
                "GAIA_KG_PUBLIC_URL ou GAIA_KG_ALLOWED_HOSTS",
                err=True,
            )
    app = create_app(settings)
    if not settings.is_remote and not settings.store_path().exists():
        click.echo(
            f"warning: no store at {settings.store_path()}: run `gaia-kg init` and `gaia-kg load`,"
            " or `gaia-kg demo` / aucun entrepôt ici : lancez `gaia-kg demo`",
            err=True,
        )
    else:
        _build_missing_index(settings, lang)
    click.echo(f"gaia-kg {__version__} serving on http://{host}:{port}/ (Ctrl-C to stop)")
    waitress_serve(app, host=host, port=port, threads=8)


@main.command()
@store_option
@lang_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve(store_spec, lang, host, port):
    """Serve the SPARQL endpoint, the API and the pages (building the search index first if
    it was never built)."""
    _serve(_settings(store_spec), host, port, lang)


@main.command()
@store_option
@lang_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--serve/--no-serve", "then_serve", default=True, help="Serve after loading.")
def demo(store_spec, lang, host, port, then_serve):
    """Load the shipped demo catalogue (idempotent) and serve it on localhost."""
    from .paths import demo_dir

    settings = _settings(store_spec)
    _load_and_release(settings, sorted(demo_dir().glob("*.ttl")), lang)
    if then_serve:
        _serve(settings, host, port, lang)


def _build_missing_index(settings: Settings, lang: str) -> None:
    """Build the search index before serving when it was never built (a store filled by an
    older version, restored from a backup, or remote): searches would find nothing; rebuild
    it when records were written since it was built (a load killed before indexing)."""
    if settings.index_path() is None:
        return
    from .derived import index_stale, inference_stale
    from .index import SearchIndex, rebuild
    from .index_cli import _read_store

    index = SearchIndex.for_settings(settings)
    try:
        store = _read_store(settings)
        behind = bool(index.meta.get("built")) and index_stale(index.meta, store)
        if inference_stale(store):
            click.echo(_INFERENCE_BEHIND[lang], err=True)
    except GaiaKGError:
        store, behind = None, False
    if index.meta.get("built") and not behind:
        return
    click.echo(
        _BEHIND[lang]
        if behind
        else "L'index de recherche n'a jamais été construit : construction…"
        if lang == "fr"
        else "The search index was never built: building it…"
    )
    try:
        report = rebuild(
            index,
            store if store is not None else _read_store(settings),
            progress=index_progress(lang),
        )
    except IndexBusyError:
        click.echo(
            "Un autre processus le construit : service sans attendre (recherches à jour ensuite)."
            if lang == "fr"
            else "Another process is building it: serving meanwhile (searches follow when done)."
        )
        return
    except GaiaKGError as exc:  # e.g. a remote store down: serve anyway, it may come back
        click.echo(
            f"warning / attention : {exc} — search finds nothing until `gaia-kg index rebuild` "
            "/ la recherche ne trouve rien avant `gaia-kg index rebuild`",
            err=True,
        )
        return
    click.echo(report.message(lang))


def _load_and_release(settings: Settings, files, lang: str) -> None:
    """Load, then let the store go: the server opens it read-only, and takes no lock, so that
    ``gaia-kg load`` can still write to it from another terminal."""
    try:
        with _open(settings) as store:
            _load(store, files, settings, lang, infer=True)
    except GaiaKGError as exc:
        _fail(exc)


from .vocab_cli import vocab  # noqa: E402 - registers the vocab group (needs this module)

main.add_command(vocab)

from .harvest_cli import harvest, sources  # noqa: E402 - registers harvest and sources

main.add_command(harvest)
main.add_command(sources)

from .index_cli import index  # noqa: E402 - registers the index group

main.add_command(index)

from .quality_cli import quality  # noqa: E402 - registers the quality group

main.add_command(quality)


@main.command()
@store_option
def mcp(store_spec):
    """Serve the graph to AI assistants over MCP (stdio): search, get_resource, related,
    concepts, sparql (read-only) and ask, each answering with citable IRIs."""
    from sparql_api.mcp.server import build_server  # the HTTP side, imported only here

    server = build_server(_settings(store_spec))
    try:
        server.run("stdio")
    finally:
        server.catalogue.close()
