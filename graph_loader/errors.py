"""The exception tree of gaia-kg.

::

    GaiaKGError
    ├── StoreError           the store could not be opened, read or written
    ├── InputError           an input file cannot be read (unknown format, syntax error)
    │   └── UnknownContextError   a JSON-LD document names a context that is not shipped
    ├── QueryError           a SPARQL query or update is malformed or failed
    │   └── QueryTimeout     a query ran past its time limit and was stopped
    ├── IndexBusyError       another process is writing the search index
    └── IndexWriteError      a rebuild could not write its files (a full disk): index unchanged
"""

__all__ = [
    "GaiaKGError",
    "StoreError",
    "InputError",
    "UnknownContextError",
    "QueryError",
    "GraphConflict",
    "QueryTimeout",
    "IndexBusyError",
    "IndexWriteError",
    "os_error_text",
]


class GaiaKGError(Exception):
    """Base class of every error raised on purpose by gaia-kg."""


class StoreError(GaiaKGError):
    """The store could not be opened, read or written."""


class InputError(GaiaKGError):
    """An input cannot be read: unknown format or a syntax error (the message names the file)."""


class UnknownContextError(InputError):
    """A JSON-LD document refers to a remote context that is not shipped locally."""


class QueryError(GaiaKGError):
    """A SPARQL query or update is malformed or failed; the message is the parser's."""


class GraphConflict(QueryError):
    """A SPARQL Update names a graph in a state it forbids (without SILENT): a graph to drop,
    clear, copy or move that does not exist, or a graph to create that already exists."""

    def __init__(self, graph: str, exists: bool) -> None:
        self.graph, self.exists = graph, exists
        state = "already exists" if exists else "does not exist"
        super().__init__(f"The graph <{graph}> {state}")


class QueryTimeout(QueryError):
    """A query ran past its time limit and was stopped."""


class IndexBusyError(GaiaKGError):
    """Another process (a load, a rebuild, a server building it) is writing the search index."""


class IndexWriteError(GaiaKGError):
    """A rebuild of the search index could not write or read its files (a full disk, a folder
    it may not write): the index is left as it was."""


def os_error_text(exc: OSError) -> str:
    """What the system said, and of which file when it said it: ``Permission denied
    (/srv/index)``; the whole error when it gave no reason (a store's own I/O error).

    >>> import errno
    >>> os_error_text(OSError(errno.ENOSPC, "No space left on device", "/srv/a.tsv"))
    'No space left on device (/srv/a.tsv)'
    >>> os_error_text(OSError("File too large (os error 27)"))
    'File too large (os error 27)'
    """
    text = exc.strerror or str(exc)
    return f"{text} ({exc.filename})" if exc.filename else text
