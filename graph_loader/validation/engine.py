"""The fast engine: run the compiled checks on pyoxigraph and turn rows into problems."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib

from ..namespaces import SH
from ..paths import shapes_dir
from .compiler import Check, compile_shapes
from .model import SUPPORTED_COMPONENTS, Problem, Shape, ShapeError, read_shapes
from .terms import to_rdflib

__all__ = ["Shapes", "load_shapes", "shapes_from_graph", "validate", "SUPPORTED_COMPONENTS"]


@dataclass(frozen=True, eq=False)
class Shapes:
    """Shapes read once: the rdflib graph (for pyshacl), the shapes and their compiled checks."""

    graph: rdflib.Graph
    shapes: dict[ox.NamedNode | ox.BlankNode, Shape]
    checks: tuple[Check, ...]

    def messages(self, shape: ox.NamedNode | ox.BlankNode) -> dict[str, str]:
        """The shape's ``sh:message`` by language (empty when it has none)."""
        found = self.shapes.get(shape)
        return dict(found.messages) if found else self._texts(shape, "message")

    def names(self, shape: ox.NamedNode | ox.BlankNode) -> dict[str, str]:
        """The shape's ``sh:name`` by language (empty when it has none)."""
        found = self.shapes.get(shape)
        return dict(found.names) if found else self._texts(shape, "name")

    def _texts(self, shape, local: str) -> dict[str, str]:
        texts: dict[str, str] = {}
        for text in self.graph.objects(to_rdflib(shape), SH[local]):
            texts.setdefault(getattr(text, "language", None) or "", str(text))
        return texts


def load_shapes(paths: Iterable[Path] | None = None) -> Shapes:
    """Read Turtle shape files (default: every ``shapes/*.ttl``) and compile them.

    A shape using a constraint outside :data:`SUPPORTED_COMPONENTS` raises :class:`ShapeError`.
    """
    files = sorted(shapes_dir().glob("*.ttl")) if paths is None else [Path(p) for p in paths]
    graph = rdflib.Graph()
    for path in files:
        try:
            graph.parse(path, format="turtle")
        except Exception as error:  # rdflib raises many kinds of syntax errors
            raise ShapeError(f"{path}: {error}") from error
    return shapes_from_graph(graph)


def shapes_from_graph(graph: rdflib.Graph) -> Shapes:
    """Compile the shapes of an rdflib graph (see :func:`load_shapes`)."""
    shapes, _ = read_shapes(graph, strict=True)
    checks = compile_shapes(shapes)
    return Shapes(graph, {s.node: s for s in shapes}, checks)


def _failing(check: Check, data: ox.Store) -> list[set]:
    """For each member shape of a logical check, the value nodes that do not conform to it."""
    return [{row[0] for inner in member for row in _rows(inner, data)} for member in check.members]


def _qualified(check: Check, rows: list[tuple], failing: list[set]) -> list[tuple]:
    """One row (value None) per focus whose count of qualified values breaks the bound."""
    counts: dict = {}
    for focus, value, _path, parents in rows:
        key = (focus, parents)
        counts.setdefault(key, 0)
        if value is not None and value not in failing[0]:
            counts[key] += all(value in f for f in failing[1:])
    if check.logic == "qualifiedMinCount":
        bad = [k for k, n in counts.items() if n < check.limit]
    else:
        bad = [k for k, n in counts.items() if n > check.limit]
    return [(focus, None, None, parents) for focus, parents in bad]


#: components whose query gives the result path itself (sh:closed: the predicate)
_ROW_PATHS = (SH.SPARQLConstraintComponent, SH.ClosedConstraintComponent)
_ROW_PATHS = tuple(ox.NamedNode(term) for term in _ROW_PATHS)


def _rows(check: Check, data: ox.Store) -> list[tuple]:
    """(focus, value, path, parent foci) rows of one check; logical checks are decided here."""
    solutions = data.query(check.query, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    rows = [tuple(s[n] for n in names) for s in solutions]
    get = {n: i for i, n in enumerate(names)}
    this, value, path = get["this"], get.get("value"), get.get("path")
    outer = [i for n, i in get.items() if n.startswith("_f")]  # nested shapes' parent foci
    rows = [
        (
            r[this],
            None if value is None else r[value],
            None if path is None else r[path],
            tuple(r[i] for i in outer),
        )
        for r in rows
    ]
    if not check.logic:
        return rows
    failing = _failing(check, data)
    if check.logic.startswith("qualified"):
        return _qualified(check, rows, failing)

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
    """Validate the union of the store's graphs against the shapes; return every problem.

    Every check is compiled to SPARQL and runs on the store.
    """
    problems: list[Problem] = []
    seen: set = set()
    for check in shapes.checks:
        shape = check.shape
        own_path = check.component in _ROW_PATHS
        for focus, value, path, parents in _rows(check, data):
            result_path = shape.path_node
            if own_path:
                value = focus if value is None else value
                result_path = path if isinstance(path, ox.NamedNode) else shape.path_node
            path = result_path if isinstance(result_path, ox.NamedNode) else None
            problem = Problem(
                focus,
                path,
                value,
                shape.severity,
                shape.node,
                check.component,
                dict(check.messages),
                dict(shape.names),
                result_path,
            )
            marker = (problem.key, value, id(check.constraint), parents)
            if marker not in seen:
                seen.add(marker)
                problems.append(problem)
    return problems
