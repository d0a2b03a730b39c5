"""The fast engine: run the compiled checks on pyoxigraph and turn rows into problems."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib

from ..paths import shapes_dir
from .compiler import Check, compile_shapes
from .model import SUPPORTED_COMPONENTS, Problem, Shape, ShapeError, read_shapes
from .terms import SH, to_ox, to_rdflib

__all__ = ["Shapes", "load_shapes", "shapes_from_graph", "validate", "SUPPORTED_COMPONENTS"]


_TARGETS = tuple(
    rdflib.URIRef(SH + kind)
    for kind in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")
)


@dataclass(frozen=True, eq=False)
class Shapes:
    """Shapes read once: the rdflib graph (for pyshacl), the shapes and their compiled checks.

    ``fallback`` names the shapes the fast engine does not support (shape node → reason):
    :func:`validate` hands them to pyshacl, with ``fallback_graph`` (the shapes graph where
    only those shapes keep their targets).
    """

    graph: rdflib.Graph
    shapes: dict[ox.NamedNode | ox.BlankNode, Shape]
    checks: tuple[Check, ...]
    fallback: dict = field(default_factory=dict)
    fallback_graph: rdflib.Graph | None = None

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
        for text in self.graph.objects(to_rdflib(shape), rdflib.URIRef(SH + local)):
            texts.setdefault(getattr(text, "language", None) or "", str(text))
        return texts


def load_shapes(paths: Iterable[Path] | None = None, *, strict: bool = False) -> Shapes:
    """Read Turtle shape files (default: every ``shapes/*.ttl``) and compile them.

    Shapes using a constraint outside :data:`SUPPORTED_COMPONENTS` are validated by pyshacl
    (listed in ``Shapes.fallback``); with ``strict`` they raise :class:`ShapeError`.
    """
    files = sorted(shapes_dir().glob("*.ttl")) if paths is None else [Path(p) for p in paths]
    graph = rdflib.Graph()
    for path in files:
        try:
            graph.parse(path, format="turtle")
        except Exception as error:  # rdflib raises many kinds of syntax errors
            raise ShapeError(f"{path}: {error}") from error
    return shapes_from_graph(graph, strict=strict)


def shapes_from_graph(graph: rdflib.Graph, *, strict: bool = False) -> Shapes:
    """Compile the shapes of an rdflib graph (see :func:`load_shapes`)."""
    shapes, unsupported = read_shapes(graph, strict=strict)
    failed: dict = {}
    checks = compile_shapes(shapes, None if strict else failed)
    unsupported.update({to_rdflib(node): reason for node, reason in failed.items()})
    shapes = [s for s in shapes if s.node not in failed]
    fallback_graph = None
    if unsupported:
        fallback_graph = rdflib.Graph()
        fallback_graph += graph
        for shape in shapes:  # the fast engine runs these: pyshacl must not target them
            node = to_rdflib(shape.node)
            for predicate in _TARGETS:
                fallback_graph.remove((node, predicate, None))
            for cls in (rdflib.RDFS.Class, rdflib.OWL.Class):
                fallback_graph.remove((node, rdflib.RDF.type, cls))
    fallback = {to_ox(node): reason for node, reason in unsupported.items()}
    return Shapes(graph, {s.node: s for s in shapes}, checks, fallback, fallback_graph)


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
    """Validate the union of the store's graphs against the shapes; return every problem.

    Checks compiled to SPARQL run on the store; shapes in ``shapes.fallback`` run on pyshacl.
    """
    problems: list[Problem] = []
    seen: set = set()
    for check in shapes.checks:
        shape = check.shape
        is_sparql = check.component.value.endswith("#SPARQLConstraintComponent")
        for focus, value, path, parents in _rows(check, data):
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
            marker = (problem.key, value, id(check.constraint), parents)
            if marker not in seen:
                seen.add(marker)
                problems.append(problem)
    if shapes.fallback_graph is not None:
        from .reference import pyshacl_problems  # slow path, only for unsupported shapes

        problems += pyshacl_problems(data, shapes.fallback_graph, shapes.messages, shapes.names)
    return problems
