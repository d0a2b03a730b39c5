"""The ``gaia-kg`` command line of the loader: init, load, validate, query, stats, infer, export,
harvest, sources and the vocab, index and quality groups (the web side adds serve, demo and mcp:
:mod:`sparql_api.cli`).

Every command works from any folder: the store is ``./var/store`` under the current folder
unless ``--store PATH`` or ``GAIA_KG_STORE`` says otherwise (a folder, or the ``http(s)://``
URL of a SPARQL 1.1 server).
"""

from __future__ import annotations

import click

from .. import __version__
from .harvest import harvest, sources
from .index import index
from .quality import quality
from .store_commands import export, infer, init, load, query, stats, validate
from .vocab import vocab

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gaia-kg")
def main() -> None:
    """gaia-kg: the knowledge graph of the GAIA Data discovery portal (Data Terra)."""


for _command in (init, load, validate, query, stats, infer, export, harvest, sources, index):
    main.add_command(_command)
main.add_command(quality)
main.add_command(vocab)
