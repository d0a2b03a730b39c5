"""The ``gaia-kg`` command line of the loader: init, load, validate, query, stats, infer, export,
harvest, sources and the vocab, index and quality groups (the web side adds serve, demo and mcp:
:mod:`sparql_api.cli`).

Every command works from any folder: the store is ``./var/store`` under the current folder
unless ``--store PATH`` or ``GAIA_KG_STORE`` says otherwise (a folder, or the ``http(s)://``
URL of a SPARQL 1.1 server).
"""

from __future__ import annotations

import errno

import click

from .. import __version__
from ..errors import os_error_text
from ..messages import CLI
from ._common import env_lang
from .harvest import harvest, sources
from .index import index
from .quality import quality
from .store_commands import export, infer, init, load, query, stats, validate
from .vocab import vocab

__all__ = ["main", "Commands", "refused"]


class Commands(click.Group):
    """The commands, an error of the system (a full disk, a file size limit, a folder it may
    not write) said in one sentence that names the file, not as a traceback; a pipe closed by
    the reader (``gaia-kg query … | head``) is left to click, which ends quietly."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["gaia_kg.args"] = list(args)  # the --lang of the command, read on failure
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise
            raise click.ClickException(
                refused(exc, _lang(ctx.meta.get("gaia_kg.args", [])))
            ) from exc


#: errors of the system, by what most likely caused them
_FULL = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}
_FORBIDDEN = {errno.EACCES, errno.EPERM, errno.EROFS}


def refused(exc: OSError, lang: str) -> str:
    """The sentence of an error of the system: what it refused, on which file, and its likely
    cause when the error says it (a full disk, a folder it may not write)."""
    hint = ""
    if exc.errno in _FULL:
        hint = " " + CLI.text("cli.refused_full", lang)
    elif exc.errno in _FORBIDDEN:
        hint = " " + CLI.text("cli.refused_forbidden", lang)
    return CLI.text("cli.refused", lang, error=os_error_text(exc), hint=hint)


def _lang(args: list[str]) -> str:
    for at, arg in enumerate(args):
        if arg == "--lang" and at + 1 < len(args) and args[at + 1] in ("fr", "en"):
            return args[at + 1]
        if arg in ("--lang=fr", "--lang=en"):
            return arg[-2:]
    return env_lang()


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gaia-kg")
def main() -> None:
    """gaia-kg: the knowledge graph of the GAIA Data discovery portal (Data Terra)."""


for _command in (init, load, validate, query, stats, infer, export, harvest, sources, index):
    main.add_command(_command)
main.add_command(quality)
main.add_command(vocab)
