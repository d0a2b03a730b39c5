"""Compile shapes into SPARQL SELECT queries, once, for the fast engine.

Every query projects ``?this`` (the focus node) and, where it applies, ``?value`` and ``?path``.
Queries are built from the shapes' own terms serialised by pyoxigraph (never from data).
A logical constraint (``sh:node``, ``sh:and``, ``sh:or``, ``sh:not``, ``sh:xone``) whose member
shapes only test each value node alone is folded into one SPARQL condition; otherwise its
members are compiled as nested checks over the value nodes and combined in Python.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from ..messages import CLI, LANGUAGES
from ..namespaces import RDF, RDFS, XSD
from .model import Constraint, Shape, ShapeError, SparqlConstraint

__all__ = ["Check", "compile_shapes"]

FocusPattern = Callable[[str], str]
_TYPE_OR_SUBCLASS = f"<{RDF.type}>/<{RDFS.subClassOf}>*"
# Datatypes whose lexical form pyoxigraph can check by casting (ill-formed = not conforming).
_CASTABLE = {
    str(XSD[t])
    for t in (
        "boolean",
        "integer",
        "decimal",
        "double",
        "float",
        "date",
        "dateTime",
        "time",
        "duration",
    )
}
_NODE_KINDS = {
    "IRI": "isIRI({v})",
    "BlankNode": "isBlank({v})",
    "Literal": "isLiteral({v})",
    "BlankNodeOrIRI": "(isBlank({v}) || isIRI({v}))",
    "BlankNodeOrLiteral": "(isBlank({v}) || isLiteral({v}))",
    "IRIOrLiteral": "(isIRI({v}) || isLiteral({v}))",
}
_COMPARISONS = {
    "minInclusive": ">=",
    "maxInclusive": "<=",
    "minExclusive": ">",
    "maxExclusive": "<",
}
# SELECT [DISTINCT] ?vars WHERE { body } with nothing after the body (no solution modifiers).
_SIMPLE_SELECT = re.compile(
    r"^\s*SELECT\s+(DISTINCT\s+)?([?$][A-Za-z_]\w*\s+)+WHERE\s*\{(?P<body>.*)\}\s*$",
    re.IGNORECASE | re.DOTALL,
)
_SET_LEVEL = {
    "minCount",
    "maxCount",
    "uniqueLang",
    "sparql",
    "equals",
    "disjoint",
    "lessThan",
    "lessThanOrEquals",
    "closed",
    "qualifiedMinCount",
    "qualifiedMaxCount",
}
_PAIR_ORDER = {"lessThan": "<", "lessThanOrEquals": "<="}


@dataclass(frozen=True)
class Check:
    """One query and the shape and component it reports for.

    ``logic`` is empty for a plain check; otherwise the query yields (focus, value) pairs and
    ``members`` (one tuple of checks per member shape) decide in Python which values fail.
    """

    shape: Shape
    component: ox.NamedNode
    query: str
    messages: dict[str, str]
    logic: str = ""
    members: tuple[tuple[Check, ...], ...] = ()
    #: the constraint checked: two constraints of one shape report separately
    constraint: Constraint | None = None
    #: the bound of a qualified count (logic "qualifiedMinCount" / "qualifiedMaxCount")
    limit: int = 0


def _target_pattern(shape: Shape) -> FocusPattern:
    def pattern(var: str) -> str:
        parts = []
        for kind, term in shape.targets:
            if kind == "targetClass":
                parts.append(f"{var} {_TYPE_OR_SUBCLASS} {term} .")
            elif kind == "targetNode":
                parts.append(f"VALUES {var} {{ {term} }}")
            elif kind == "targetSubjectsOf":
                parts.append(f"{var} {term} [] .")
            else:
                parts.append(f"[] {term} {var} .")
        return " UNION ".join("{ " + p + " }" for p in parts)

    return pattern


def _value_condition(shape: Shape, v: str) -> str | None:
    """A SPARQL condition true when value ``v`` conforms to ``shape``, if one exists."""
    if shape.properties or shape.path is not None:
        return None
    conditions = []
    for constraint in shape.constraints:
        condition = _constraint_condition(constraint, v)
        if condition is None:
            return None
        conditions.append(condition)
    return "(" + " && ".join(conditions) + ")" if conditions else "true"


def _constraint_condition(constraint: Constraint, v: str) -> str | None:
    """The per-value condition of one constraint, or None when it is not per-value."""
    name, value = constraint.parameter, constraint.value
    if name in _SET_LEVEL:
        return None
    if name == "datatype":
        test = f"isLiteral({v}) && sameTerm(datatype({v}), {value})"
        if value.value in _CASTABLE:
            test += f" && isLiteral({value}(str({v})))"
        return f"COALESCE({test}, false)"
    if name == "nodeKind":
        return _NODE_KINDS[value.value.rsplit("#", 1)[1]].format(v=v)
    if name == "class":
        return f"EXISTS {{ {v} {_TYPE_OR_SUBCLASS} {value} }}"
    if name == "in":
        return "(" + " || ".join(f"sameTerm({v}, {t})" for t in value) + ")" if value else "false"
    if name == "hasValue":
        return f"sameTerm({v}, {value})"
    if name == "pattern":
        regex, flags = value
        return (
            f"COALESCE(!isBlank({v}) && regex(str({v}), {ox.Literal(regex)}, "
            f"{ox.Literal(flags)}), false)"
        )
    if name in ("minLength", "maxLength"):
        op = ">=" if name == "minLength" else "<="
        return f"COALESCE(!isBlank({v}) && strlen(str({v})) {op} {value}, false)"
    if name == "languageIn":
        tests = " || ".join(f"langMatches(lang({v}), {ox.Literal(t.value)})" for t in value)
        return f"COALESCE(isLiteral({v}) && ({tests or 'false'}), false)"
    if name in _COMPARISONS:
        return f"COALESCE({v} {_COMPARISONS[name]} {value}, false)"
    members = value if isinstance(value, tuple) else (value,)
    conditions = [_value_condition(m, v) for m in members]
    if any(c is None for c in conditions):
        return None
    if name == "node":
        return conditions[0]
    if name == "and":
        return "(" + " && ".join(conditions) + ")"
    if name == "or":
        return "(" + " || ".join(conditions) + ")"
    if name == "not":
        return f"!{conditions[0]}"
    return "((" + " + ".join(f"IF({c}, 1, 0)" for c in conditions) + ") = 1)"


def _pair(f: str, values: str, path: str | None, other: ox.NamedNode, test: str) -> str:
    return f"SELECT DISTINCT ?this ?value WHERE {{ {f} {values} {test.format(o=other)} }}"


def _equals(f: str, values: str, path: str | None, other: ox.NamedNode) -> str:
    """Values of the path missing from ``other``'s, and values of ``other`` not on the path."""
    mine = f"?this {path} ?value" if path else "FILTER(sameTerm(?this, ?value))"
    return (
        f"SELECT DISTINCT ?this ?value WHERE {{ {{ {f} {values} "
        f"FILTER NOT EXISTS {{ ?this {other} ?value }} }} UNION "
        f"{{ {f} ?this {other} ?value . FILTER NOT EXISTS {{ {mine} }} }} }}"
    )


def _ordered(test: str) -> Callable[..., str]:
    condition = f"?this {{o}} ?o . FILTER(!COALESCE(?value {test} ?o, false))"
    return lambda f, values, path, other: _pair(f, values, path, other, condition)


def _closed(f: str, values: str, path: str | None, allowed: tuple | None) -> str:
    """Triples of the focus whose predicate is not allowed: the object is the value."""
    test = "false" if allowed is None else f"?path NOT IN ({', '.join(map(str, allowed))})"
    return f"SELECT DISTINCT ?this ?value ?path WHERE {{ {f} ?this ?path ?value . FILTER({test}) }}"


#: set-level constraints with one query: (focus pattern, value pattern, path, parameter) → query
#: (sh:closed, and the property pairs, whose parameter is the other property)
_PAIRS: dict[str, Callable[..., str]] = {
    "closed": _closed,
    "equals": _equals,
    "disjoint": lambda f, values, path, other: _pair(f, values, path, other, "?this {o} ?value ."),
    **{name: _ordered(test) for name, test in _PAIR_ORDER.items()},
}


def _generic_messages(constraint: Constraint) -> dict[str, str]:
    name = constraint.parameter
    return {lang: CLI.text("shacl.generic", lang, name=name) for lang in LANGUAGES}


class _Compiler:
    def __init__(self) -> None:
        self.depth = 0

    def fresh(self) -> str:
        self.depth += 1
        return f"?_f{self.depth}"

    def shape(self, shape: Shape, focus: FocusPattern) -> list[Check]:
        if shape.deactivated:
            return []
        checks = []
        for constraint in shape.constraints:
            checks.append(self.constraint(shape, constraint, focus))
        if shape.properties and shape.path:  # nested: the value nodes are their focus nodes
            var = self.fresh()
            focus = self.values_of(shape, focus, var)
        for prop in shape.properties:
            checks.extend(self.shape(prop, focus))
        return checks

    @staticmethod
    def values_of(shape: Shape, focus: FocusPattern, var: str) -> FocusPattern:
        """A focus pattern binding the value nodes of ``shape``'s path from ``focus``."""
        return lambda v: f"{{ {focus(var)} }} {var} {shape.path} {v} ."

    def constraint(self, shape: Shape, constraint: Constraint, focus: FocusPattern) -> Check:
        name, value = constraint.parameter, constraint.value
        messages = shape.messages or _generic_messages(constraint)
        f = focus("?this")
        values = f"?this {shape.path} ?value ." if shape.path else "BIND(?this AS ?value)"
        # nested shapes: project the outer focus nodes, so that a value node reached from two
        # parents is reported once per parent, as SHACL does
        outer = " ".join(sorted(set(re.findall(r"\?_f\d+", f))))

        def make(query: str, **kw) -> Check:
            if outer and query.startswith("SELECT DISTINCT ?this"):
                query = query.replace("SELECT DISTINCT ?this", f"SELECT DISTINCT ?this {outer}", 1)
            return Check(shape, constraint.component, query, messages, constraint=constraint, **kw)

        if name == "sparql":
            return self.sparql(shape, constraint, f)
        if name in _PAIRS:
            return make(_PAIRS[name](f, values, shape.path, value))
        if name in ("qualifiedMinCount", "qualifiedMaxCount"):
            return self.qualified(shape, constraint, focus, make)
        if name == "minCount":
            if value.value == "1":
                return make(
                    f"SELECT DISTINCT ?this WHERE {{ {f} "
                    f"FILTER NOT EXISTS {{ ?this {shape.path} ?value }} }}"
                )
            return make(self.count(f, shape.path, f"?n < {value}", optional=True))
        if name == "maxCount" and value.value == "1":  # two distinct values: linear, no GROUP BY
            return make(
                f"SELECT DISTINCT ?this WHERE {{ {f} ?this {shape.path} ?a . "
                f"?this {shape.path} ?b . FILTER(!sameTerm(?a, ?b)) }}"
            )
        if name == "maxCount":
            return make(self.count(f, shape.path, f"?n > {value}", optional=False))
        if name == "hasValue" and shape.path:
            return make(
                f"SELECT DISTINCT ?this WHERE {{ {f} "
                f"FILTER NOT EXISTS {{ ?this {shape.path} {value} }} }}"
            )
        if name == "uniqueLang":
            if value.value not in ("true", "1"):
                return make("SELECT ?this WHERE { FILTER(false) }")
            return make(
                f"SELECT DISTINCT ?this ?lang WHERE {{ {f} ?this {shape.path} ?a . "
                f'?this {shape.path} ?b . FILTER(!sameTerm(?a, ?b) && lang(?a) != "" '
                f"&& lcase(lang(?a)) = lcase(lang(?b))) BIND(lcase(lang(?a)) AS ?lang) }}"
            )
        condition = _constraint_condition(constraint, "?value")
        if condition is not None:
            return make(
                f"SELECT DISTINCT ?this ?value WHERE {{ {f} {values} FILTER(!{condition}) }}"
            )
        members = value if isinstance(value, tuple) else (value,)
        var = self.fresh()
        inner = self.values_of(shape, focus, var) if shape.path else focus
        compiled = tuple(tuple(self.shape(m, inner)) for m in members)
        return make(
            f"SELECT DISTINCT ?this ?value WHERE {{ {f} {values} }}", logic=name, members=compiled
        )

    def qualified(self, shape: Shape, constraint: Constraint, focus, make) -> Check:
        """Every focus with its value nodes (maybe none); the engine counts those conforming."""
        limit, qualified, siblings = constraint.value
        var = self.fresh()
        inner = self.values_of(shape, focus, var)
        members = tuple(tuple(self.shape(m, inner)) for m in (qualified, *siblings))
        query = (
            f"SELECT DISTINCT ?this ?value WHERE {{ {focus('?this')} "
            f"OPTIONAL {{ ?this {shape.path} ?value }} }}"
        )
        return make(query, logic=constraint.parameter, members=members, limit=limit)

    @staticmethod
    def count(f: str, path: str, test: str, *, optional: bool) -> str:
        values = f"OPTIONAL {{ ?this {path} ?value }}" if optional else f"?this {path} ?value ."
        return (
            f"SELECT ?this WHERE {{ {{ SELECT ?this (COUNT(DISTINCT ?value) AS ?n) WHERE "
            f"{{ {{ SELECT DISTINCT ?this WHERE {{ {f} }} }} {values} }} GROUP BY ?this }} "
            f"FILTER({test}) }}"
        )

    @staticmethod
    def sparql(shape: Shape, constraint: Constraint, f: str) -> Check:
        sc: SparqlConstraint = constraint.value
        if not re.search(r"SELECT\s+(DISTINCT\s+)?[^{]*[?$]this\b", sc.select, re.IGNORECASE):
            raise ShapeError(f"shape {shape.node}: the sh:select query must project $this")
        select = sc.select
        if shape.path:
            select = re.sub(r"\$PATH\b", lambda _: shape.path, select)
        prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(sc.prefixes.items()))
        simple = _SIMPLE_SELECT.match(select)
        if simple:  # inline the body after the focus pattern: $this arrives bound, as pre-bound
            where = f"{f} {simple.group('body')}"
        else:  # a sub-select, joined on ?this (its body must bind $this itself)
            where = f"{f} {{ {select} }}"
        query = f"{prefixes}SELECT DISTINCT ?this ?value ?path WHERE {{ {where} }}"
        messages = sc.messages or shape.messages or _generic_messages(constraint)
        return Check(shape, constraint.component, query, messages, constraint=constraint)


def compile_shapes(shapes: list[Shape], failed: dict | None = None) -> tuple[Check, ...]:
    """Every check to run for the shapes that have targets, in a stable order.

    A shape that cannot be compiled raises :class:`ShapeError`, or, when ``failed`` is a
    dict, is recorded there (shape node → reason) and left out.
    """
    compiler = _Compiler()
    checks: list[Check] = []
    for shape in shapes:
        if not shape.targets:
            continue
        try:
            compiled = compiler.shape(shape, _target_pattern(shape))
            for check in compiled:  # fail now, not at validation time, on a rejected query
                _parse_check(check)
        except ShapeError as error:
            if failed is None:
                raise
            failed[shape.node] = str(error)
            continue
        checks.extend(compiled)
    return tuple(checks)


def _parse_check(check: Check) -> None:
    try:
        ox.Store().query(check.query)
    except SyntaxError as error:
        raise ShapeError(f"shape {check.shape.node}: compiled query is invalid: {error}") from None
    for member in check.members:
        for inner in member:
            _parse_check(inner)
