"""``python -m graph_loader.cli``: the loader's commands."""

from . import main

__all__: list[str] = []

main()
