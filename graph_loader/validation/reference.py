"""The reference engine: pyshacl, with results in the same :class:`Problem` form."""

from __future__ import annotations

import pyoxigraph as ox
import pyshacl
import rdflib

from .engine import Shapes
from .model import Problem
from .terms import SH, store_to_graph, to_ox

__all__ = ["validate_with_pyshacl"]

_S = rdflib.Namespace(SH)
_SEVERITY = {_S.Violation: "Violation", _S.Warning: "Warning", _S.Info: "Info"}


def validate_with_pyshacl(data: rdflib.Graph | ox.Store, shapes: Shapes) -> list[Problem]:
    """Validate with pyshacl (slow, the reference); same output as the fast engine."""
    graph = store_to_graph(data) if isinstance(data, ox.Store) else data
    _, report, _ = pyshacl.validate(
        graph, shacl_graph=shapes.graph, inference="none", advanced=False, allow_warnings=True
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
        messages = {}
        if constraint is not None:
            for text in shapes.graph.objects(constraint, _S.message):
                messages.setdefault(text.language or "", str(text))
        messages = messages or shapes.messages(shape)
        problems.append(
            Problem(
                focus=to_ox(report.value(result, _S.focusNode)),
                path=to_ox(path) if isinstance(path, rdflib.URIRef) else None,
                value=None if value is None else to_ox(value),
                severity=_SEVERITY[report.value(result, _S.resultSeverity)],
                shape=shape,
                component=to_ox(report.value(result, _S.sourceConstraintComponent)),
                messages=messages,
                names=shapes.names(shape),
            )
        )
    return problems
