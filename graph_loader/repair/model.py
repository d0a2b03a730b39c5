"""What a repair is: one change made to one statement, of one of the :data:`KINDS`."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

__all__ = ["KINDS", "Repair", "term_text", "subject_text", "distinct"]

#: every kind of repair, read-level ones included
KINDS = (
    "relative-iri",
    "mailto",
    "literal-url",
    "typed-date",
    "longitude-360",
    "swapped-bbox",
    "language-tag",
    "language-detected",
    "bad-iri",
    "encoding",
    "control-chars",
)


@dataclass(frozen=True, slots=True)
class Repair:
    """One change made to one statement: ``after`` is ``""`` if the statement was dropped."""

    kind: str  # one of KINDS
    subject: str  # IRI (or "_:" id) of the statement's subject
    property: str  # predicate IRI
    before: str  # the value as read (N-Triples form)
    after: str  # the value written ("" if the statement was dropped)


def term_text(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    """The N-Triples form of a term (``_:id`` for a blank node)."""
    return str(term)


def subject_text(term) -> str:
    """A subject as :attr:`Repair.subject` gives it: its IRI, or ``_:id`` for a blank node.

    >>> subject_text(ox.NamedNode("http://example.org/d")), subject_text(ox.BlankNode("b1"))
    ('http://example.org/d', '_:b1')
    """
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def distinct(repairs) -> list[Repair]:
    """A record's repairs, each change told once: a relative IRI or a bare e-mail met in ten
    statements was one repair of the document, not ten (the first statement names it)."""
    first: dict[tuple[str, str, str], Repair] = {}
    for r in repairs:
        first.setdefault((r.kind, r.before, r.after), r)
    return list(first.values())
