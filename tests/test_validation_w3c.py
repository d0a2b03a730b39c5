"""The W3C SHACL Core test suite, run through the fast engine alone (no pyshacl).

Each test of ``../shared/corpora/w3c-shacl-core-tests`` whose data and shapes are present is
validated with :func:`graph_loader.validation.validate`; its results must equal the suite's
expected report exactly (focus node, result path — compared by structure for complex paths —,
value, severity, source shape, constraint component, and ``sh:conforms``). Literals are read
as written (rdflib's normalisation off), so that ill-typed literals stay ill-typed, as they are
in a pyoxigraph store.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import RDF, BNode, Namespace
from rdflib.collection import Collection

from graph_loader.namespaces import SH
from graph_loader.validation import shapes_from_graph, validate
from graph_loader.validation.terms import to_ox, to_rdflib

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = Namespace("http://www.w3.org/ns/shacl-test#")
_SEVERITY = {"Violation": SH.Violation, "Warning": SH.Warning, "Info": SH.Info}

#: the runnable tests of the shared copy (pyshacl 0.40.1 passes the same 62)
PASSING = """
complex/personexample misc/deactivated-001 misc/deactivated-002 misc/severity-001
misc/severity-002 node/and-001 node/and-002 node/class-002 node/class-003 node/closed-002
node/datatype-001 node/disjoint-001 node/equals-001 node/in-001 node/languageIn-001
node/maxInclusive-001 node/maxLength-001 node/minInclusive-001 node/minInclusive-002
node/minLength-001 node/node-001 node/not-001 node/not-002 node/pattern-001 node/pattern-002
path/path-alternative-001 path/path-complex-001 path/path-oneOrMore-001 path/path-sequence-001
path/path-sequence-duplicate-001 path/path-strange-001 path/path-zeroOrMore-001
path/path-zeroOrOne-001 property/and-001 property/class-001 property/datatype-002
property/datatype-003 property/equals-001 property/hasValue-001 property/languageIn-001
property/lessThan-001 property/lessThanOrEquals-001 property/maxCount-001
property/maxExclusive-001 property/maxInclusive-001 property/minCount-001
property/minCount-002 property/minExclusive-002 property/minLength-001 property/node-002
property/nodeKind-001 property/or-001 property/or-datatypes-001 property/pattern-002
property/property-001 property/qualifiedValueShape-001
property/qualifiedValueShapesDisjoint-001 targets/multipleTargets-001 targets/targetClass-001
targets/targetNode-001 targets/targetObjectsOf-001 targets/targetSubjectsOf-002
""".split()


def _structure(graph: rdflib.Graph, term, seen=()):
    """A blank node as the nested structure it heads (a complex path), other terms as they are."""
    if not isinstance(term, BNode) or term in seen:
        return term
    if (term, RDF.first, None) in graph:
        return tuple(_structure(graph, item, seen + (term,)) for item in Collection(graph, term))
    return frozenset(
        (p, _structure(graph, o, seen + (term,))) for p, o in graph.predicate_objects(term)
    )


def _expected(graph: rdflib.Graph, report) -> tuple[bool, Counter]:
    results = Counter()
    for result in graph.objects(report, SH.result):
        value = graph.value
        results[
            (
                value(result, SH.focusNode),
                _structure(graph, value(result, SH.resultPath)),
                value(result, SH.value),
                value(result, SH.resultSeverity),
                value(result, SH.sourceShape),
                value(result, SH.sourceConstraintComponent),
            )
        ] += 1
    return graph.value(report, SH.conforms).toPython(), results


def _found(graph: rdflib.Graph, shapes_graph: rdflib.Graph) -> tuple[bool, Counter]:
    store = ox.Store()
    store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph)
    problems = validate(store, shapes_from_graph(shapes_graph))
    results = Counter(
        (
            to_rdflib(p.focus),
            None if p.result_path is None else _structure(shapes_graph, to_rdflib(p.result_path)),
            None if p.value is None else to_rdflib(p.value),
            _SEVERITY.get(p.severity, rdflib.URIRef(p.severity)),
            to_rdflib(p.shape),
            to_rdflib(p.component),
        )
        for p in problems
    )
    return not problems, results


def _run(path: Path, suite: Path) -> dict[str, bool]:
    """{test id: passed} for the sht:Validate entries of one manifest file."""
    graph = rdflib.Graph().parse(path, format="turtle")
    outcomes = {}
    for manifest in graph.subjects(RDF.type, MF.Manifest):
        for entries in graph.objects(manifest, MF.entries):
            for entry in Collection(graph, entries):
                action = graph.value(entry, MF.action)
                if graph.value(entry, RDF.type) != SHT.Validate or action is None:
                    continue
                sources = {graph.value(action, SHT.dataGraph), graph.value(action, SHT.shapesGraph)}
                if sources != {rdflib.URIRef(path.as_uri())}:
                    continue  # data or shapes in another file (absent from the shared copy)
                want = _expected(graph, graph.value(entry, MF.result))
                outcomes[path.relative_to(suite).with_suffix("").as_posix()] = (
                    _found(graph, graph) == want
                )
    return outcomes


def test_the_fast_engine_passes_the_w3c_shacl_core_suite(shared, monkeypatch):
    suite = shared / "corpora" / "w3c-shacl-core-tests"
    if not suite.is_dir():
        pytest.skip("the W3C SHACL Core suite is absent from ../shared")
    monkeypatch.setattr(rdflib, "NORMALIZE_LITERALS", False)  # keep lexical forms as written
    outcomes: dict[str, bool] = {}
    for path in sorted(suite.rglob("*.ttl")):
        outcomes.update(_run(path, suite))
    assert sorted(name for name, passed in outcomes.items() if passed) == sorted(PASSING)
    assert sorted(outcomes) == sorted(PASSING)
