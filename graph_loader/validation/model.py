"""The shapes as plain data: what :func:`load_shapes` reads and the compiler consumes."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox
import rdflib
from rdflib.collection import Collection

from ..errors import GaiaKGError
from ..namespaces import SH
from .terms import to_ox

__all__ = [
    "Shape",
    "Constraint",
    "SparqlConstraint",
    "Problem",
    "ShapeError",
    "read_shapes",
    "SUPPORTED_COMPONENTS",
]

Term = ox.NamedNode | ox.BlankNode | ox.Literal
RDF_TYPE = rdflib.RDF.type

# Parameters that describe a shape without constraining its value nodes.
_NON_CONSTRAINTS = {
    "name",
    "description",
    "message",
    "severity",
    "deactivated",
    "order",
    "group",
    "defaultValue",
    "targetClass",
    "targetNode",
    "targetSubjectsOf",
    "targetObjectsOf",
    "property",
    "path",
    "declare",
    "prefixes",
    "flags",
    "target",
    "ignoredProperties",
    "qualifiedValueShape",
    "qualifiedValueShapesDisjoint",
}
# Parameter → constraint component local name, for the components the compiler handles.
COMPONENTS = {
    "class": "ClassConstraintComponent",
    "datatype": "DatatypeConstraintComponent",
    "nodeKind": "NodeKindConstraintComponent",
    "minCount": "MinCountConstraintComponent",
    "maxCount": "MaxCountConstraintComponent",
    "in": "InConstraintComponent",
    "hasValue": "HasValueConstraintComponent",
    "pattern": "PatternConstraintComponent",
    "minLength": "MinLengthConstraintComponent",
    "maxLength": "MaxLengthConstraintComponent",
    "languageIn": "LanguageInConstraintComponent",
    "uniqueLang": "UniqueLangConstraintComponent",
    "minInclusive": "MinInclusiveConstraintComponent",
    "maxInclusive": "MaxInclusiveConstraintComponent",
    "minExclusive": "MinExclusiveConstraintComponent",
    "maxExclusive": "MaxExclusiveConstraintComponent",
    "node": "NodeConstraintComponent",
    "and": "AndConstraintComponent",
    "or": "OrConstraintComponent",
    "not": "NotConstraintComponent",
    "xone": "XoneConstraintComponent",
    "sparql": "SPARQLConstraintComponent",
    "equals": "EqualsConstraintComponent",
    "disjoint": "DisjointConstraintComponent",
    "lessThan": "LessThanConstraintComponent",
    "lessThanOrEquals": "LessThanOrEqualsConstraintComponent",
    "closed": "ClosedConstraintComponent",
    "qualifiedMinCount": "QualifiedMinCountConstraintComponent",
    "qualifiedMaxCount": "QualifiedMaxCountConstraintComponent",
}
#: the constraint components the fast engine runs; a shape using another one is a ShapeError
SUPPORTED_COMPONENTS = frozenset(str(SH[local]) for local in COMPONENTS.values())
_SEVERITIES = {str(SH[name]): name for name in ("Violation", "Warning", "Info")}


class ShapeError(GaiaKGError):
    """A shape cannot be read or uses a constraint the fast validator does not support."""


@dataclass(frozen=True)
class Problem:
    """One validation result, in the same form from both engines."""

    focus: Term
    #: the predicate of a simple path (None for a complex one: see ``result_path``)
    path: ox.NamedNode | None
    value: Term | None
    severity: str
    shape: ox.NamedNode | ox.BlankNode
    component: ox.NamedNode
    messages: dict[str, str] = field(compare=False, hash=False, default_factory=dict)
    #: the source shape's ``sh:name`` by language: a readable name for the property
    names: dict[str, str] = field(compare=False, hash=False, default_factory=dict)
    #: SHACL's ``sh:resultPath``: ``path``, or the blank node heading the shape's complex path
    result_path: ox.NamedNode | ox.BlankNode | None = field(compare=False, hash=False, default=None)

    @property
    def key(self) -> tuple:
        """What the differential test compares: (focus, path, severity, shape, component)."""
        return (self.focus, self.path, self.severity, self.shape, self.component)


@dataclass(frozen=True)
class SparqlConstraint:
    """An ``sh:sparql`` constraint: a SELECT query with ``$this`` and its prefixes."""

    select: str
    prefixes: dict[str, str]
    messages: dict[str, str]


@dataclass(frozen=True)
class Constraint:
    """One constraint parameter of a shape: e.g. ``("minCount", 1)``."""

    parameter: str
    value: object

    @property
    def component(self) -> ox.NamedNode:
        return ox.NamedNode(SH[COMPONENTS[self.parameter]])


@dataclass(frozen=True, eq=False)
class Shape:
    """A node or property shape; ``path`` is SPARQL property-path text for property shapes."""

    node: ox.NamedNode | ox.BlankNode
    path: str | None
    #: the ``sh:path`` node itself (IRI or blank node of a complex path), reported as resultPath
    path_node: ox.NamedNode | ox.BlankNode | None
    severity: str
    targets: tuple[tuple[str, Term], ...]
    constraints: tuple[Constraint, ...]
    properties: tuple[Shape, ...]
    names: dict[str, str]
    messages: dict[str, str]
    deactivated: bool = False


def _severity(term) -> str:
    """ "Violation", "Warning" or "Info" for SHACL's severities, else the severity's IRI."""
    if term is None:
        return "Violation"
    return _SEVERITIES.get(str(term), str(term))


def _texts(graph: rdflib.Graph, node, predicate) -> dict[str, str]:
    texts: dict[str, str] = {}
    for value in graph.objects(node, predicate):
        texts.setdefault(getattr(value, "language", None) or "", str(value))
    return texts


def _list(graph: rdflib.Graph, head) -> list:
    return list(Collection(graph, head))


def _path_text(graph: rdflib.Graph, path, shape) -> str:
    """A SHACL path as a SPARQL property path."""
    if isinstance(path, rdflib.URIRef):
        return f"<{path}>"
    if (path, rdflib.RDF.first, None) in graph:
        return "(" + "/".join(_path_text(graph, p, shape) for p in _list(graph, path)) + ")"
    for key, fmt in (
        ("inversePath", "^{}"),
        ("zeroOrMorePath", "{}*"),
        ("oneOrMorePath", "{}+"),
        ("zeroOrOnePath", "{}?"),
    ):
        inner = graph.value(path, SH[key])
        if inner is not None:
            return "(" + fmt.format(_path_text(graph, inner, shape)) + ")"
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_path_text(graph, p, shape) for p in _list(graph, alternatives)) + ")"
    raise ShapeError(f"shape {shape}: unreadable sh:path {path!r}")


def _prefixes(graph: rdflib.Graph, node) -> dict[str, str]:
    prefixes: dict[str, str] = {}
    for holder in graph.objects(node, SH.prefixes):
        for declaration in graph.objects(holder, SH.declare):
            prefix = graph.value(declaration, SH.prefix)
            namespace = graph.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                prefixes[str(prefix)] = str(namespace)
    return prefixes


class _Reader:
    """Reads every shape of an rdflib shapes graph once, following nested shapes."""

    def __init__(self, graph: rdflib.Graph):
        self.graph = graph
        self.shapes: dict[rdflib.term.Node, Shape] = {}
        self.reading: set = set()

    def shape(self, node) -> Shape:
        if node in self.shapes:
            return self.shapes[node]
        if node in self.reading:
            raise ShapeError(f"shape {node}: recursive shapes are not supported")
        self.reading.add(node)
        g = self.graph
        path = g.value(node, SH.path)
        constraints = []
        for predicate, value in sorted(g.predicate_objects(node)):
            name = str(predicate)[len(SH) :] if str(predicate).startswith(SH) else None
            if name is None or name in _NON_CONSTRAINTS:
                continue
            if name not in COMPONENTS:
                raise ShapeError(f"shape {node}: sh:{name} is not supported by the fast validator")
            constraints.append(Constraint(name, self.parameter(node, name, value)))
        shape = Shape(
            node=to_ox(node),
            path=None if path is None else _path_text(g, path, node),
            path_node=None if path is None else to_ox(path),
            severity=_severity(g.value(node, SH.severity)),
            targets=self.targets(node),
            constraints=tuple(constraints),
            properties=tuple(self.shape(p) for p in sorted(g.objects(node, SH.property))),
            names=_texts(g, node, SH.name),
            messages=_texts(g, node, SH.message),
            deactivated=str(g.value(node, SH.deactivated)).lower() == "true",
        )
        self.reading.discard(node)
        self.shapes[node] = shape
        return shape

    def parameter(self, node, name: str, value) -> object:
        g = self.graph
        if name in ("in", "languageIn"):
            return tuple(to_ox(v) for v in _list(g, value))
        if name in ("and", "or", "xone"):
            return tuple(self.shape(v) for v in _list(g, value))
        if name in ("node", "not"):
            return self.shape(value)
        if name == "closed":
            return self.closed(node, value)
        if name in ("qualifiedMinCount", "qualifiedMaxCount"):
            return self.qualified(node, value)
        if name == "pattern":
            flags = g.value(node, SH.flags)
            return (str(value), "" if flags is None else str(flags))
        if name == "sparql":
            select = g.value(value, SH.select)
            if select is None:
                raise ShapeError(f"shape {node}: sh:sparql without sh:select is not supported")
            return SparqlConstraint(str(select), _prefixes(g, value), _texts(g, value, SH.message))
        return to_ox(value)

    def closed(self, node, value) -> tuple[ox.NamedNode, ...] | None:
        """The predicates a ``sh:closed true`` shape allows (None when it is not closed)."""
        g = self.graph
        if str(value).lower() not in ("true", "1"):
            return None
        allowed = {g.value(p, SH.path) for p in g.objects(node, SH.property)}
        for ignored in g.objects(node, SH.ignoredProperties):
            allowed.update(_list(g, ignored))
        return tuple(sorted(to_ox(p) for p in allowed if isinstance(p, rdflib.URIRef)))

    def qualified(self, node, value) -> tuple:
        """(count, the qualified value shape, its siblings' shapes when disjoint is asked)."""
        g = self.graph
        shape = g.value(node, SH.qualifiedValueShape)
        if shape is None:
            raise ShapeError(f"shape {node}: qualified count without sh:qualifiedValueShape")
        siblings = []
        if str(g.value(node, SH.qualifiedValueShapesDisjoint)).lower() in ("true", "1"):
            for parent in sorted(g.subjects(SH.property, node)):
                for sibling in sorted(g.objects(parent, SH.property)):
                    if sibling != node:
                        siblings += sorted(g.objects(sibling, SH.qualifiedValueShape))
        others = tuple(self.shape(s) for s in siblings)
        return (int(value), self.shape(shape), others)

    def targets(self, node) -> tuple[tuple[str, Term], ...]:
        g = self.graph
        found = [
            (kind, to_ox(value))
            for kind in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")
            for value in sorted(g.objects(node, SH[kind]))
        ]
        classes = set(g.objects(node, RDF_TYPE))
        if classes & {rdflib.RDFS.Class, rdflib.OWL.Class}:
            found.append(("targetClass", to_ox(node)))
        return tuple(found)


def read_shapes(graph: rdflib.Graph, *, strict: bool = True) -> tuple[list[Shape], dict]:
    """Every shape declared in ``graph`` (node shapes, property shapes, nested ones).

    Returns the shapes the fast engine supports and ``{shape node: reason}`` for the others
    (a shape using, or referring to a shape using, an unsupported feature); with ``strict``
    the first unsupported shape raises :class:`ShapeError` instead.
    """
    reader = _Reader(graph)
    declared = set(graph.subjects(RDF_TYPE, SH.NodeShape))
    declared |= set(graph.subjects(RDF_TYPE, SH.PropertyShape))
    declared |= {
        s
        for kind in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")
        for s in graph.subjects(SH[kind], None)
    }
    unsupported: dict = {}
    for node in sorted(declared):
        try:
            reader.shape(node)
        except ShapeError as error:
            if strict:
                raise
            reader.reading.clear()
            unsupported[node] = str(error)
    return list(reader.shapes.values()), unsupported
