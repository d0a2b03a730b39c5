"""gaia-kg graph loader: read, convert, validate and store records as linked data.

Everything left of the store in the data flow lives here (see ARCHITECTURE.md).
This package never imports Flask.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
