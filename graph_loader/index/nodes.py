"""The values a resource has through the nodes it links to (its distributions' formats, its
place's box, its period's dates), joined to the resource a part of the nodes at a time.

A store scan gives the links (resource → node) and the values (node → value) apart, each in
its own order; joining them in memory would hold every node of the store (4 M at a million
datasets: most of a rebuild's memory). Instead both are written to files, split into
``parts`` by a hash of the node, and joined one part at a time: memory holds the links of
one part of the nodes.

>>> import tempfile
>>> from pathlib import Path
>>> with tempfile.TemporaryDirectory() as tmp:
...     join = NodeJoin(Path(tmp), parts=3)
...     join.link(0, "_:p1", "https://example.org/a")
...     join.link(0, "_:p2", "https://example.org/b")
...     join.link(0, "_:p1", "https://example.org/c")     # a node two resources share
...     join.value(5, "_:p1", '"2001-01-01"')
...     join.value(5, "_:p9", '"1999-01-01"')             # no resource links to it
...     sorted(join.joined({0: [5]}))
[(0, 5, 'https://example.org/a', '"2001-01-01"'), (0, 5, 'https://example.org/c', '"2001-01-01"')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable, Iterator
from pathlib import Path

__all__ = ["NodeJoin"]

#: lines kept in memory, all files together, before they are appended to their files
_FLUSH = 65_536


class NodeJoin:
    """Links to nodes and values of nodes, spilled to files by part of the nodes, then
    joined (see the module docstring). Links and values are numbered by the caller (the
    scan's link and property numbers); a node is the TSV cell of a scan (``<iri>`` or
    ``_:label``), the same in both."""

    def __init__(self, folder: Path, parts: int):
        self.folder = folder
        self.parts = max(1, parts)
        self._buffers: dict[str, list[str]] = defaultdict(list)
        self._buffered = 0

    def link(self, link: int, node: str, owner: str) -> None:
        """Resource ``owner`` links to ``node`` by link number ``link``."""
        self._put(f"link-{link}-{hash(node) % self.parts}", f"{node}\t{owner}\n")

    def links(self, link: int, pairs: Iterable[list[str]], resources: Container[str]) -> None:
        """The ``[subject, object]`` cells of the scan of link number ``link``: keep those
        from one of ``resources`` (IRIs) to a node."""
        put = self.link
        for cell, obj in pairs:
            if cell.startswith("<") and cell[1:-1] in resources and not obj.startswith('"'):
                put(link, obj, cell[1:-1])

    def value(self, number: int, node: str, cell: str) -> None:
        """``node`` has the value ``cell`` (a TSV cell) by property number ``number``."""
        self._put(f"value-{number}-{hash(node) % self.parts}", f"{node}\t{cell}\n")

    def _put(self, name: str, line: str) -> None:
        self._buffers[name].append(line)
        self._buffered += 1
        if self._buffered >= _FLUSH:
            self._flush()

    def _flush(self) -> None:
        for name, lines in self._buffers.items():
            with open(self.folder / f"{name}.tsv", "a", encoding="utf-8") as out:
                out.writelines(lines)
        self._buffers.clear()
        self._buffered = 0

    def joined(self, values_of: dict[int, list[int]]) -> Iterator[tuple[int, int, str, str]]:
        """``(link, number, owner, cell)``: each value of property ``number`` of a node that
        ``owner`` links to by ``link``, for each link and the properties ``values_of[link]``
        read through it; the files are removed once read."""
        self._flush()
        for link, numbers in values_of.items():
            for part in range(self.parts):
                owners: dict[str, list[str]] = defaultdict(list)
                for node, owner in _rows(self.folder / f"link-{link}-{part}.tsv"):
                    owners[node].append(owner)
                for number in numbers:
                    for node, cell in _rows(self.folder / f"value-{number}-{part}.tsv"):
                        for owner in owners.get(node, ()):
                            yield link, number, owner, cell
        for path in self.folder.glob("value-*.tsv"):
            path.unlink()


def _rows(path: Path) -> Iterator[list[str]]:
    """The two cells of each line of ``path`` (none when it does not exist)."""
    try:
        source = open(path, encoding="utf-8", newline="\n")
    except FileNotFoundError:
        return
    with source:
        for line in source:
            yield line[:-1].split("\t", 1)
    if path.name.startswith("link-"):
        path.unlink()
