"""A whole named graph to write (:class:`GraphWrite`), and the SPARQL Update that writes
graphs (:func:`insert_data`): what every store backend takes (:mod:`graph_loader.store`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

__all__ = ["GraphWrite", "insert_data"]


@dataclass(frozen=True, slots=True)
class GraphWrite:
    """A whole named graph to write: it replaces any graph of the same name.

    ``lines`` may carry statements already serialised as N-Triples lines (``s p o .``), as
    :class:`graph_loader.records.Record` has them: they are written as they are, after
    ``triples``, saving a conversion per statement on the bulk path.
    """

    graph: ox.NamedNode
    triples: Sequence[ox.Triple]
    lines: Sequence[str] = ()
    #: the whole graph as N-Quads (one statement a line), when made beforehand (by a worker
    #: process of a load, or of a harvest: then the only form given, ``triples`` and
    #: ``lines`` empty)
    text: str = ""
    #: not None: the graph is patched, not replaced: these statements are removed from it and
    #: ``triples`` added (embedded store only: a rewrite's log holds the differences only)
    removed: Sequence[ox.Triple] | None = None
    #: with ``text`` alone (:meth:`prepared`): its statement count, and the resources the graph
    #: says it describes (:func:`graph_loader.feed.described_by`)
    size: int = 0
    described: tuple[str, ...] | None = None

    @classmethod
    def prepared(cls, w: GraphWrite, described: Iterable[str]) -> GraphWrite:
        """``w`` as N-Quads text only, what a worker process hands back (a third of what its
        statements, lines and text would cost to pickle and unpickle).

        >>> g = ox.NamedNode("http://example.org/g")
        >>> w = GraphWrite.prepared(GraphWrite(g, [ox.Triple(g, g, g)]), ["http://example.org/r"])
        >>> len(w), list(w.statements()), w.described
        (1, ['<http://example.org/g> <http://example.org/g> <http://example.org/g>'], \
('http://example.org/r',))
        """
        return cls(w.graph, (), (), w.nquads(), size=len(w), described=tuple(described))

    def statements(self) -> Iterable[str]:
        """Every statement as an N-Triples line without its final `` .``."""
        if self.text_only():  # "s p o <graph> ." lines: the graph and the dot cut off
            cut = len(f" {self.graph} .")
            # (not splitlines: a literal may hold U+2028 and the like, unescaped)
            yield from (line[:-cut] for line in self.text.split("\n") if line)
            return
        yield from (f"{t.subject} {t.predicate} {t.object}" for t in self.triples)
        yield from (line[:-2] for line in self.lines)

    def nquads(self) -> str:
        if self.text:
            return self.text
        g = f" {self.graph} .\n"
        return "".join(statement + g for statement in self.statements())

    def text_only(self) -> bool:
        """Whether the write is given as its N-Quads only (by a worker process of a load or a
        harvest): its statements are then read from them.

        >>> g = ox.NamedNode("https://example.org/g")
        >>> w = GraphWrite(g, [], (), f'{g} <https://example.org/p> "a b" {g} .\\n')
        >>> len(w), list(w.statements())
        (1, ['<https://example.org/g> <https://example.org/p> "a b"'])
        """
        return bool(self.text) and not self.triples and not self.lines

    def __len__(self) -> int:
        if self.size:
            return self.size
        if self.text_only():
            return self.text.count("\n")
        return len(self.triples) + len(self.lines)


def insert_data(writes: Sequence[GraphWrite], replace: set[str]) -> str:
    """A single SPARQL Update replacing graphs: terms are serialised by pyoxigraph (escaped)."""
    parts = [f"DROP SILENT GRAPH {w.graph} ;" for w in writes if w.graph.value in replace]
    removed = [f"GRAPH {w.graph} {{ {t.subject} {t.predicate} {t.object} }}" for w in writes
               for t in w.removed or ()]  # fmt: skip
    if removed:
        parts.append("DELETE DATA {\n" + "\n".join(removed) + "\n} ;")
    body = []
    for w in writes:
        if not len(w):
            continue
        body.append(f"GRAPH {w.graph} {{")
        body.extend(statement + " ." for statement in w.statements())
        body.append("}")
    if body:
        parts.append("INSERT DATA {\n" + "\n".join(body) + "\n}")
    return "\n".join(parts)
