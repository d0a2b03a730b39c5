"""The web side's ``gaia-kg`` commands: serve, demo and mcp, added to the loader's commands
(:mod:`graph_loader.cli`) to make the one ``gaia-kg`` entry point."""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

import click

from graph_loader import __version__
from graph_loader.cli import main as loader_main
from graph_loader.cli._common import (
    _fail,
    _open,
    _settings,
    index_progress,
    lang_option,
    store_option,
)
from graph_loader.cli.store_commands import load_files
from graph_loader.config import Settings
from graph_loader.errors import GaiaKGError, IndexBusyError
from graph_loader.messages import CLI

if TYPE_CHECKING:
    from sparql_api.core.catalogue import Catalogue

__all__ = ["main", "serve", "demo", "mcp"]


def _serve(
    settings: Settings, host: str, port: int, lang: str = "en", *, workers: int, threads: int
) -> None:
    import dataclasses
    import secrets

    from sparql_api import create_app
    from sparql_api.serving import serve
    from sparql_api.web.catalogue import EXTENSION

    if not settings.public_url:  # mailed links point at the address served, not the request's
        shown = "localhost" if host in ("0.0.0.0", "::", "") else host
        shown = f"[{shown}]" if ":" in shown else shown
        settings = dataclasses.replace(settings, public_url=f"http://{shown}:{port}/")
        if host not in ("127.0.0.1", "localhost", "::1") and not settings.allowed_hosts:
            click.echo(CLI.text("serve.one_host", lang, host=shown), err=True)
    if not settings.secret_key:  # one key for every worker process, or sessions break
        click.echo(CLI.text("serve.random_key", lang), err=True)
        settings = dataclasses.replace(settings, secret_key=secrets.token_hex(32))
    if not settings.is_remote and not settings.store_path().exists():
        click.echo(CLI.text("serve.no_store", lang, path=settings.store_path()), err=True)
    else:
        app = create_app(settings)
        _build_missing_index(app.extensions[EXTENSION], lang)
        app.extensions[EXTENSION].close()  # each worker process opens its own
        del app
    click.echo(
        CLI.text("serve.serving", lang, version=__version__, host=host, port=port)
        + " "
        + CLI.plural("serve.workers", workers, lang, threads=threads)
    )
    serve(
        lambda: _prepared(create_app(settings), lang), host, port, workers=workers, threads=threads
    )


def _prepared(app, lang: str):
    """``app`` (made in a worker process, after the fork), its concept index and the
    completion tables made from it being built in a thread: the first search after a start
    waited for them (12.7 s at 100k datasets, 2.6 s since the counts were made cheaper)."""
    import threading

    from sparql_api.web.catalogue import EXTENSION

    def build() -> None:
        started = time.perf_counter()
        try:
            n = len(app.extensions[EXTENSION].concepts().concepts)
        except Exception as exc:  # the first request that needs it builds it, or says why not
            error = CLI.text("serve.concepts_failed", lang, pid=os.getpid(), error=exc)
            click.echo(error, err=True)
            return
        seconds = time.perf_counter() - started
        text = CLI.plural("serve.concepts_ready", n, lang, pid=os.getpid(), seconds=seconds)
        click.echo(text, err=True)

    threading.Thread(target=build, name="gaia-kg-prepare", daemon=True).start()
    return app


def _cores() -> int:
    return max(1, len(os.sched_getaffinity(0)))


def serve_options(command):
    """The options shared by ``serve`` and ``demo``: address, processes, threads."""
    command = click.option(
        "--threads",
        default=8,
        show_default=True,
        type=click.IntRange(1, 256),
        help="Threads per worker process.",
    )(command)
    command = click.option(
        "--workers",
        default=_cores(),
        show_default="the number of cores",
        type=click.IntRange(1, 64),
        envvar="GAIA_KG_WORKERS",
        help="Worker processes (each with its own query workers and caches).",
    )(command)
    command = click.option("--port", default=8000, show_default=True, type=int)(command)
    return click.option("--host", default="127.0.0.1", show_default=True)(command)


@click.command()
@store_option
@lang_option
@serve_options
def serve(store_spec, lang, host, port, workers, threads):
    """Serve the SPARQL endpoint, the API and the pages (building the search index first if
    it was never built)."""
    _serve(_settings(store_spec), host, port, lang, workers=workers, threads=threads)


@click.command()
@store_option
@lang_option
@serve_options
@click.option("--serve/--no-serve", "then_serve", default=True, help="Serve after loading.")
def demo(store_spec, lang, host, port, workers, threads, then_serve):
    """Load the shipped demo catalogue (idempotent) and serve it on localhost."""
    from graph_loader.paths import demo_dir

    settings = _settings(store_spec)
    _load_and_release(settings, sorted(demo_dir().glob("*.ttl")), lang)
    if then_serve:
        _serve(settings, host, port, lang, workers=workers, threads=threads)


def _build_missing_index(catalogue: Catalogue, lang: str) -> None:
    """Build the search index of the app's ``catalogue`` before serving when it was never
    built (a store filled by an older version, restored from a backup, or remote): searches
    would find nothing; rebuild it when records were written since it was built (a load
    killed before indexing)."""
    if catalogue.settings.index_path() is None:
        return
    from graph_loader.derived import index_stale, inference_stale
    from graph_loader.index import rebuild

    index = catalogue.index()
    try:
        store = catalogue.store
        behind = bool(index.meta.get("built")) and index_stale(index.meta, store)
        if inference_stale(store):
            click.echo(CLI.text("inference.behind", lang), err=True)
    except GaiaKGError:
        store, behind = None, False
    if index.meta.get("built") and not behind:
        return
    if behind:
        click.echo(CLI.text("index.behind", lang))
    else:
        click.echo(CLI.text("index.never_built", lang))
    try:
        report = rebuild(
            index,
            store if store is not None else catalogue.store,
            progress=index_progress(lang),
        )
    except IndexBusyError:
        click.echo(CLI.text("index.built_elsewhere", lang))
        return
    except GaiaKGError as exc:  # e.g. a remote store down: serve anyway, it may come back
        click.echo(CLI.text("index.unavailable", lang, error=exc), err=True)
        return
    click.echo(report.message(lang))


def _load_and_release(settings: Settings, files, lang: str) -> None:
    """Load, then let the store go: the server opens it read-only, and takes no lock, so that
    ``gaia-kg load`` can still write to it from another terminal."""
    try:
        with _open(settings) as store:
            load_files(store, files, settings, lang, infer=True)
    except GaiaKGError as exc:
        _fail(exc)


@click.command()
@store_option
def mcp(store_spec):
    """Serve the graph to AI assistants over MCP (stdio): search, get_resource, related,
    concepts, sparql (read-only) and ask, each answering with citable IRIs."""
    from sparql_api.mcp.server import build_server

    server = build_server(_settings(store_spec))
    try:
        server.run("stdio")
    finally:
        server.catalogue.close()


main = type(loader_main)(  # graph_loader.cli.Commands: errors of the system said plainly
    name=loader_main.name,
    commands={**loader_main.commands, "serve": serve, "demo": demo, "mcp": mcp},
    params=loader_main.params,
    callback=loader_main.callback,
    help=loader_main.help,
    context_settings=loader_main.context_settings,
)

if __name__ == "__main__":
    main()
