"""The reference engine: pyshacl, with results in the same :class:`Problem` form."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pyoxigraph as ox
import pyshacl
import rdflib
from rdflib.plugins.sparql import processor

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


_PARSE_LOCK = threading.Lock()


@contextmanager
def _prepared_queries():
    """Parse each SPARQL text once while pyshacl runs, as ``rdflib.prepareQuery`` would.

    pyshacl hands rdflib the text of every ``sh:sparql`` constraint once per focus node, and
    rdflib parses it every time (0.05-0.1 s for the bbox checks): most of pyshacl's time. The
    parsed query is the same each time, only the pre-bound ``$this`` changes, so it is parsed
    once and reused; the evaluation (and so every result) is rdflib's own.
    """
    cache: dict = {}
    parse, translate = processor.parseQuery, processor.translateQuery

    def cached_translate(text, base=None, init_ns=None):
        key = (str(text), base, tuple(sorted((init_ns or {}).items())))
        if key not in cache:
            cache[key] = translate(parse(str(text)), base, init_ns)
        return cache[key]

    with _PARSE_LOCK:
        processor.parseQuery, processor.translateQuery = str, cached_translate
        try:
            yield
        finally:
            processor.parseQuery, processor.translateQuery = parse, translate


def pyshacl_problems(
    data: rdflib.Graph | ox.Store, shacl_graph: rdflib.Graph, messages: Texts, names: Texts
) -> list[Problem]:
    """Run pyshacl with ``shacl_graph``; ``messages``/``names`` give a shape's texts."""
    graph = store_to_graph(data) if isinstance(data, ox.Store) else data
    with _prepared_queries():
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
