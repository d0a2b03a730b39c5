"""Where the project's data folders live: ``ontology/``, ``vocabularies/``, ``shapes/``.

They sit at the top of the source tree, beside the packages (install with ``pip install -e .``).
``GAIA_KG_HOME`` points elsewhere when the data folders are kept apart from the code.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["project_root", "ontology_dir", "vocabularies_dir", "shapes_dir", "demo_dir"]


def project_root() -> Path:
    """The folder holding ``ontology/``, ``vocabularies/`` and ``shapes/``."""
    home = os.environ.get("GAIA_KG_HOME")
    return Path(home) if home else Path(__file__).resolve().parent.parent


def ontology_dir() -> Path:
    return project_root() / "ontology"


def vocabularies_dir() -> Path:
    return project_root() / "vocabularies"


def shapes_dir() -> Path:
    return project_root() / "shapes"


def demo_dir() -> Path:
    """The shipped demo catalogue (inside the package)."""
    return Path(__file__).resolve().parent / "demo"
