"""Cutting the records out of an XML page as standalone documents, prefixes kept."""

from __future__ import annotations

import re
from xml.parsers import expat
from xml.sax.saxutils import quoteattr

__all__ = ["child_documents"]


def child_documents(data: bytes, parent: str) -> list[tuple[int, bytes]]:
    """Each child element of every element named ``parent`` ("namespace local") as a
    standalone XML document: ``(n, document)`` where ``n`` counts the parents in document
    order. The bytes of the record are kept as they are; the namespace declarations it
    inherits are added to its root element. Call only on a page that
    :func:`~graph_loader.mappings.xmlsafe.parse_xml` accepted."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
        data = re.sub(r"^\s*<\?xml[^>]*\?>", "", text).encode("utf-8")
    parser = expat.ParserCreate(namespace_separator=" ")
    state = _State(data, parent)
    parser.XmlDeclHandler = state.declaration
    parser.StartNamespaceDeclHandler = state.namespace
    parser.StartElementHandler = lambda name, attrs: state.start(name, parser.CurrentByteIndex)
    parser.EndElementHandler = lambda name: state.end(parser.CurrentByteIndex)
    parser.Parse(data, True)
    return state.found


class _State:
    """What the expat handlers of :func:`child_documents` share."""

    def __init__(self, data: bytes, parent: str) -> None:
        self.data = data
        self.parent = parent
        self.encoding = "UTF-8"
        self.pending: dict[str, str] = {}
        self.scopes: list[dict[str, str]] = []
        self.names: list[str] = []
        self.parents = 0
        self.record: tuple[int, dict[str, str], int] | None = None
        #: elements open inside the record being cut, below its root (only counted)
        self.inner = 0
        self.found: list[tuple[int, bytes]] = []

    def declaration(self, version: str, encoding: str | None, standalone: int) -> None:
        self.encoding = encoding or "UTF-8"

    def namespace(self, prefix: str | None, uri: str) -> None:
        self.pending[prefix or ""] = uri

    def start(self, name: str, index: int) -> None:
        if self.record is not None:  # inside a record: its elements are only counted
            self.inner += 1
            if self.pending:
                self.pending = {}
            if name == self.parent:
                self.parents += 1
            return
        own, self.pending = self.pending, {}
        if self.record is None and self.names and self.names[-1] == self.parent:
            inherited: dict[str, str] = {}
            for scope in self.scopes:
                inherited.update(scope)
            extra = {p: u for p, u in inherited.items() if p not in own}
            self.record = (index, extra, len(self.names))
        if name == self.parent:
            self.parents += 1
        self.scopes.append(own)
        self.names.append(name)

    def end(self, index: int) -> None:
        if self.inner:
            self.inner -= 1
            return
        self.scopes.pop()
        self.names.pop()
        if self.record is None or len(self.names) != self.record[2]:
            return
        start, extra, _ = self.record
        self.record = None
        if self.data.startswith(b"</", index):
            stop = self.data.index(b">", index) + 1
        else:
            stop = self.data.index(b"/>", start) + 2
        self.found.append((self.parents, self._document(start, stop, extra)))

    def _document(self, start: int, stop: int, extra: dict[str, str]) -> bytes:
        raw = self.data[start:stop]
        cut = len(raw.split(None, 1)[0].split(b">", 1)[0].split(b"/", 1)[0]) if raw else 0
        declarations = "".join(
            f" xmlns{':' + p if p else ''}={quoteattr(u)}" for p, u in sorted(extra.items())
        ).encode(self.encoding)
        head = f'<?xml version="1.0" encoding="{self.encoding}"?>\n'.encode(self.encoding)
        return head + raw[:cut] + declarations + raw[cut:]
