"""The reference engine: pyshacl, with results in the same :class:`Problem` form."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pyoxigraph as ox
import pyshacl
import rdflib

from .model import Problem
from .terms import SH, store_to_graph, to_ox

if TYPE_CHECKING:
    from .engine import Shapes

__all__ = ["validate_with_pyshacl", "pyshacl_problems"]

_S = rdflib.Namespace(SH)
_SEVERITY = {_S.Violation: "Violation", _S.Warning: "Warning", _S.Info: "Info"}
_severity = lambda term: _SEVERITY.get(term, str(term))  # noqa: E731
Texts = Callable[[ox.NamedNode | ox.BlankNode], dict[str, str]]


def validate_with_pyshacl(data: rdflib.Graph | ox.Store, shapes: Shapes) -> list[Problem]:
    """Validate with pyshacl (slow, the reference); same output as the fast engine."""
    return pyshacl_problems(data, shapes.graph, shapes.messages, shapes.names)


def pyshacl_problems(
    data: rdflib.Graph | ox.Store, shacl_graph: rdflib.Graph, messages: Texts, names: Texts
) -> list[Problem]:
    """Run pyshacl with ``shacl_graph``; ``messages``/``names`` give a shape's texts."""
    graph = store_to_graph(data) if isinstance(data, ox.Store) else data
    _, report, _ = pyshacl.validate(
        graph, shacl_graph=shacl_graph, inference="none", advanced=False, allow_warnings=True
    )
    problems = []
    top = set(report.objects(None, _S.result))  # not the nested sh:detail results
    for result in report.subjects(rdflib.RDF.type, _S.ValidationResult):
        if result not in top:
            continue
        path = report.value(result, _S.resultPath)
        value = report.value(result, _S.value)
        shape = to_ox(report.value(result, _S.sourceShape))
        constraint = report.value(result, _S.sourceConstraint)
        texts = {}
        if constraint is not None:
            for text in shacl_graph.objects(constraint, _S.message):
                texts.setdefault(text.language or "", str(text))
        problems.append(
            Problem(
                focus=to_ox(report.value(result, _S.focusNode)),
                path=to_ox(path) if isinstance(path, rdflib.URIRef) else None,
                value=None if value is None else to_ox(value),
                severity=_severity(report.value(result, _S.resultSeverity)),
                shape=shape,
                component=to_ox(report.value(result, _S.sourceConstraintComponent)),
                messages=texts or messages(shape),
                names=names(shape),
            )
        )
    return problems
