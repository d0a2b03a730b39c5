"""The reference engine: pyshacl, with results in the same :class:`Problem` form."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import contextmanager

import pyoxigraph as ox
import pyshacl
import rdflib
from rdflib.plugins.sparql import processor

from ..namespaces import SH
from .engine import Shapes
from .model import Problem
from .terms import store_to_graph, to_ox

__all__ = ["validate_with_pyshacl", "pyshacl_problems"]

_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
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
    top = set(report.objects(None, SH.result))  # not the nested sh:detail results
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        if result not in top:
            continue
        shape = to_ox(report.value(result, SH.sourceShape))
        path = report.value(result, SH.resultPath)
        if isinstance(path, rdflib.BNode):  # a complex path: the shape's own sh:path node
            path = shacl_graph.value(report.value(result, SH.sourceShape), SH.path)
        path = None if path is None else to_ox(path)
        value = report.value(result, SH.value)
        constraint = report.value(result, SH.sourceConstraint)
        texts = {}
        if constraint is not None:
            for text in shacl_graph.objects(constraint, SH.message):
                texts.setdefault(text.language or "", str(text))
        problems.append(
            Problem(
                focus=to_ox(report.value(result, SH.focusNode)),
                path=path if isinstance(path, ox.NamedNode) else None,
                value=None if value is None else to_ox(value),
                severity=_severity(report.value(result, SH.resultSeverity)),
                shape=shape,
                component=to_ox(report.value(result, SH.sourceConstraintComponent)),
                messages=texts or messages(shape),
                names=names(shape),
                result_path=path,
            )
        )
    return problems
