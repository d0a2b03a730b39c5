"""The fast engine: run the compiled checks on pyoxigraph and turn rows into problems."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib

from ..paths import shapes_dir
from .compiler import Check, compile_shapes
from .model import Problem, Shape, ShapeError, read_shapes

__all__ = ["Shapes", "load_shapes", "validate"]


@dataclass(frozen=True, eq=False)
class Shapes:
    """Shapes read once: the rdflib graph (for pyshacl), the shapes and their compiled checks."""

    graph: rdflib.Graph
    shapes: dict[ox.NamedNode | ox.BlankNode, Shape]
    checks: tuple[Check, ...]

    def messages(self, shape: ox.NamedNode | ox.BlankNode) -> dict[str, str]:
        """The shape's ``sh:message`` by language (empty when it has none)."""
        found = self.shapes.get(shape)
        return dict(found.messages) if found else {}

    def names(self, shape: ox.NamedNode | ox.BlankNode) -> dict[str, str]:
        """The shape's ``sh:name`` by language (empty when it has none)."""
        found = self.shapes.get(shape)
        return dict(found.names) if found else {}


def load_shapes(paths: Iterable[Path] | None = None) -> Shapes:
    """Read Turtle shape files (default: every ``shapes/*.ttl``) and compile them."""
    files = sorted(shapes_dir().glob("*.ttl")) if paths is None else [Path(p) for p in paths]
    graph = rdflib.Graph()
    for path in files:
        try:
            graph.parse(path, format="turtle")
        except Exception as error:  # rdflib raises many kinds of syntax errors
            raise ShapeError(f"{path}: {error}") from error
    shapes = read_shapes(graph)
    return Shapes(graph, {s.node: s for s in shapes}, compile_shapes(shapes))


def _rows(check: Check, data: ox.Store) -> list[tuple]:
    """(focus, value, path) rows of one check; logical checks are decided here."""
    solutions = data.query(check.query, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    rows = [tuple(s[n] for n in names) for s in solutions]
    get = {n: i for i, n in enumerate(names)}
    this, value, path = get["this"], get.get("value"), get.get("path")
    rows = [
        (r[this], None if value is None else r[value], None if path is None else r[path])
        for r in rows
    ]
    if not check.logic:
        return rows
    failing = [
        {row[0] for inner in member for row in _rows(inner, data)} for member in check.members
    ]

    def fails(node) -> bool:
        bad = [node in f for f in failing]
        if check.logic in ("node", "and"):
            return any(bad)
        if check.logic == "or":
            return all(bad)
        if check.logic == "not":
            return not bad[0]
        return bad.count(False) != 1  # xone

    return [row for row in rows if fails(row[1])]


def validate(data: ox.Store, shapes: Shapes) -> list[Problem]:
    """Validate the union of the store's graphs against the shapes; return every problem."""
    problems: list[Problem] = []
    seen: set = set()
    for check in shapes.checks:
        shape = check.shape
        is_sparql = check.component.value.endswith("#SPARQLConstraintComponent")
        for focus, value, path in _rows(check, data):
            if is_sparql:
                value = focus if value is None else value
                path = path if isinstance(path, ox.NamedNode) else shape.path_iri
            else:
                path = shape.path_iri
            problem = Problem(
                focus,
                path,
                value,
                shape.severity,
                shape.node,
                check.component,
                dict(check.messages),
                dict(shape.names),
            )
            marker = (problem.key, value)
            if marker not in seen:
                seen.add(marker)
                problems.append(problem)
    return problems
