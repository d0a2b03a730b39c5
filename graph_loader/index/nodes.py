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
...     a, b, c = (f"https://example.org/{name}" for name in "abc")
...     links = [["<" + a + ">", "_:p1"], ["<" + b + ">", "_:p2"], ["<" + c + ">", "_:p1"]]
...     join.links(0, links, {a, b, c})                  # c shares a's node
...     keep = join.values(5)
...     keep("_:p1", '"2001-01-01"')
...     keep("_:p9", '"1999-01-01"')             # no resource links to it
...     sorted(join.joined({0: [5]}))
[(0, 5, 'https://example.org/a', '"2001-01-01"'), (0, 5, 'https://example.org/c', '"2001-01-01"')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Iterator
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

    def links(self, link: int, pairs: Iterable[list[str]], resources: Container[str]) -> None:
        """The ``[subject, object]`` cells of the scan of link number ``link``: keep those
        from one of ``resources`` (IRIs) to a node."""
        parts, count = self._parts("link", link), self.parts
        for cell, obj in pairs:
            if cell[:1] == "<" and (owner := cell[1:-1]) in resources and obj[:1] != '"':
                parts[hash(obj) % count].append(f"{obj}\t{owner}\n")
                self._buffered += 1
                if self._buffered >= _FLUSH:
                    self._flush()

    def values(self, number: int) -> Callable[[str, str], None]:
        """A function keeping a value ``cell`` (a TSV cell) of a ``node`` by property number
        ``number``."""
        parts, count = self._parts("value", number), self.parts

        def value(node: str, cell: str) -> None:
            parts[hash(node) % count].append(f"{node}\t{cell}\n")
            self._buffered += 1
            if self._buffered >= _FLUSH:
                self._flush()

        return value

    def _parts(self, kind: str, number: int) -> list[list[str]]:
        """The buffers of the files of one link or property, by part."""
        return [self._buffers[f"{kind}-{number}-{part}"] for part in range(self.parts)]

    def _flush(self) -> None:
        for name, lines in self._buffers.items():
            if lines:
                with open(self.folder / f"{name}.tsv", "a", encoding="utf-8") as out:
                    out.writelines(lines)
                lines.clear()
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

    def put(self, gives: dict[tuple[int, int], list[tuple[str, str]]], scan) -> None:
        """Put each value of a node on the resources linking to it, through ``scan``'s
        putters (:class:`graph_loader.index.scan.ResourceScan`); ``gives[link, number]``:
        what property ``number`` read through ``link`` gives them."""
        values_of: dict[int, list[int]] = defaultdict(list)
        putters = {}
        for (link, number), what in gives.items():
            values_of[link].append(number)
            scan.gives(f"{link}.{number}", tuple(what))
            putters[link, number] = scan.putter(f"{link}.{number}")
        for link, number, owner, cell in self.joined(values_of):
            putters[link, number](owner, cell)


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
