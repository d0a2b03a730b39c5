"""The W3C SHACL core test suite (../shared/corpora/w3c-shacl-core-tests), on both engines.

Each ``sht:Validate`` entry of the manifests gives a data graph, a shapes graph and the expected
report. A case passes when the engine returns exactly the expected results, compared as a
multiset of (focus node, result path, value, severity, source shape, component); a complex path
is compared by its structure (the list or the ``sh:…Path`` node it heads). Blank nodes keep
their identifiers when the data or shapes graph is the test file itself (where the expected
report names them); in a separate file they are compared as "some blank node".

The fast engine runs on the store, alone (a constraint it does not support is a ShapeError
when the shapes are read): it must pass every case pyshacl passes. Run
``python tests/test_shacl_w3c.py`` for the table of cases.
"""

from __future__ import annotations

import logging
import sys
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
import rdflib.collection
from helpers import CORPORA

from graph_loader.validation import shapes_from_graph, validate, validate_with_pyshacl
from graph_loader.validation.terms import to_ox, to_rdflib

SUITE = CORPORA / "w3c-shacl-core-tests"
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = rdflib.Namespace("http://www.w3.org/ns/shacl-test#")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_BLANK = "_:"

#: cases the engines fail, with the reason (a case listed here that passes fails the test)
PYSHACL_FAILS: dict[str, str] = {}
#: the fast engine's own failures beyond pyshacl's (none: a difference is a bug)
FAST_FAILS: dict[str, str] = {}
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


@dataclass(frozen=True)
class Case:
    """One ``sht:Validate`` entry."""

    name: str
    file: Path
    data: Path
    shapes: Path
    expected: Counter

    @property
    def missing(self) -> list[str]:
        return [p.name for p in (self.data, self.shapes) if not p.is_file()]


_PARSED: dict[Path, rdflib.Graph] = {}


def _parse(path: Path) -> rdflib.Graph:
    """The file's graph, parsed once: the expected report and the data share blank nodes."""
    if path not in _PARSED:
        graph = rdflib.Graph()
        normalize, rdflib.NORMALIZE_LITERALS = rdflib.NORMALIZE_LITERALS, False
        try:  # keep lexical forms: "none"^^xsd:boolean must stay ill-formed, not become "false"
            with warnings.catch_warnings():  # rdflib warns about the suite's ill-formed literals
                warnings.simplefilter("ignore", UserWarning)
                logging.getLogger("rdflib.term").disabled = True
                graph.parse(path, format="turtle", publicID=path.as_uri())
        finally:
            rdflib.NORMALIZE_LITERALS = normalize
            logging.getLogger("rdflib.term").disabled = False
        _PARSED[path] = graph
    return _PARSED[path]


def _severity(term) -> str:
    return _SEVERITY.get(term, str(term))


def _term(term, keep_blanks: bool):
    if term is None:
        return None
    if isinstance(term, rdflib.BNode) and not keep_blanks:
        return _BLANK
    return to_ox(term)


def _path(graph: rdflib.Graph, term, seen=()):
    """A result path: an IRI, or the structure a complex path's blank node heads."""
    if term is None or term in seen:
        return None if term is None else "cycle"
    if not isinstance(term, rdflib.BNode):
        return to_ox(term)
    if (term, rdflib.RDF.first, None) in graph:
        items = rdflib.collection.Collection(graph, term)
        return tuple(_path(graph, item, seen + (term,)) for item in items)
    pairs = graph.predicate_objects(term)
    return frozenset((to_ox(p), _path(graph, o, seen + (term,))) for p, o in pairs)


def _expected(graph: rdflib.Graph, report, keep_data: bool, keep_shapes: bool) -> Counter:
    found: Counter = Counter()
    for result in graph.objects(report, SH.result):
        found[
            (
                _term(graph.value(result, SH.focusNode), keep_data),
                _path(graph, graph.value(result, SH.resultPath)),
                _term(graph.value(result, SH.value), keep_data),
                _severity(graph.value(result, SH.resultSeverity)),
                _term(graph.value(result, SH.sourceShape), keep_shapes),
                to_ox(graph.value(result, SH.sourceConstraintComponent)),
            )
        ] += 1
    return found


def _manifest_cases(manifest: Path) -> list[Case]:
    graph = _parse(manifest)
    cases: list[Case] = []
    for included in graph.objects(None, MF.include):
        path = Path(rdflib.URIRef(included).replace("file://", "", 1))
        if path.name == "manifest.ttl":
            cases += _manifest_cases(path)
        elif path.is_file():
            cases += _file_cases(path)
    return cases


def _file_cases(path: Path) -> list[Case]:
    graph = _parse(path)
    cases = []
    for entry in sorted(graph.subjects(rdflib.RDF.type, SHT.Validate)):
        action = graph.value(entry, MF.action)
        data = Path(str(graph.value(action, SHT.dataGraph)).replace("file://", "", 1))
        shapes = Path(str(graph.value(action, SHT.shapesGraph)).replace("file://", "", 1))
        expected = _expected(graph, graph.value(entry, MF.result), data == path, shapes == path)
        name = f"{path.parent.name}/{str(entry).rsplit('/', 1)[-1]}"
        cases.append(Case(name, path, data, shapes, expected))
    return cases


def _graphs(case: Case) -> tuple[rdflib.Graph, rdflib.Graph]:
    own = _parse(case.file)
    data = own if case.data == case.file else _parse(case.data)
    shapes = own if case.shapes == case.file else _parse(case.shapes)
    return data, shapes


def _found(problems, case: Case, shapes: rdflib.Graph) -> Counter:
    keep_data, keep_shapes = case.data == case.file, case.shapes == case.file
    return Counter(
        (
            _BLANK if isinstance(p.focus, ox.BlankNode) and not keep_data else p.focus,
            None if p.result_path is None else _path(shapes, to_rdflib(p.result_path)),
            _BLANK if isinstance(p.value, ox.BlankNode) and not keep_data else p.value,
            p.severity,
            _BLANK if isinstance(p.shape, ox.BlankNode) and not keep_shapes else p.shape,
            p.component,
        )
        for p in problems
    )


def run_pyshacl(case: Case) -> Counter:
    data, shapes_graph = _graphs(case)
    problems = validate_with_pyshacl(data, shapes_from_graph(shapes_graph))
    return _found(problems, case, shapes_graph)


def run_fast(case: Case) -> Counter:
    """The fast engine's results (on its own: there is no hand-off to pyshacl)."""
    data, shapes_graph = _graphs(case)
    shapes = shapes_from_graph(shapes_graph)
    store = ox.Store()
    store.bulk_extend(ox.Quad(*(to_ox(t) for t in triple)) for triple in data)
    return _found(validate(store, shapes), case, shapes_graph)


def all_cases() -> list[Case]:
    return sorted(_manifest_cases(SUITE / "manifest.ttl"), key=lambda c: c.name)


CASES = all_cases() if (SUITE / "manifest.ttl").is_file() else []


@pytest.fixture(scope="module")
def suite(shared) -> Path:
    return shared / "corpora" / "w3c-shacl-core-tests"


def test_the_suite_is_read_whole(suite):
    assert suite == SUITE
    assert len(CASES) == 65  # sht:Validate entries whose test file is in the corpus
    runnable = [c for c in CASES if not c.missing]
    assert sorted(c.name for c in CASES if c.missing) == [
        "node/qualified-001",
        "path/path-complex-002",
        "property/datatype-ill-formed",
    ]
    assert len(runnable) == 62


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_pyshacl_passes(case, suite):
    if case.missing:
        pytest.skip(f"not in the corpus: {', '.join(case.missing)}")
    passed = run_pyshacl(case) == case.expected
    assert passed is (case.name not in PYSHACL_FAILS)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fast_engine_passes(case, suite):
    if case.missing:
        pytest.skip(f"not in the corpus: {', '.join(case.missing)}")
    found = run_fast(case)
    failing = case.name in PYSHACL_FAILS or case.name in FAST_FAILS
    assert (found == case.expected) is not failing, (found, case.expected)


def pass_counts(out=None, passed: list | None = None) -> Counter:
    """Run every case on both engines; print one line per case to ``out`` if given.

    ``passed`` (if given) receives the names of the cases the fast engine passes.
    """
    counts: Counter = Counter()
    passed = [] if passed is None else passed
    for case in CASES:
        if case.missing:
            counts["skipped"] += 1
            line = f"{case.name:45} skipped (missing {', '.join(case.missing)})"
        else:
            reference = run_pyshacl(case) == case.expected
            fast = run_fast(case) == case.expected
            counts["run"] += 1
            counts["pyshacl"] += reference
            counts["fast"] += fast
            if fast:
                passed.append(case.name)
            line = (
                f"{case.name:45} pyshacl {'pass' if reference else 'FAIL'}  "
                f"fast {'pass' if fast else 'FAIL'}"
            )
        if out is not None:
            print(line, file=out)
    return counts


def _summary(counts: Counter) -> str:
    return (
        f"W3C SHACL core: {counts['run']} cases run, {counts['skipped']} skipped; pyshacl "
        f"passes {counts['pyshacl']}, the fast engine (alone) {counts['fast']}"
    )


def test_pass_counts(suite, capsys):
    passed: list[str] = []
    counts = pass_counts(passed=passed)
    with capsys.disabled():
        print("\n" + _summary(counts))
    assert counts == Counter({"run": 62, "skipped": 3, "pyshacl": 62, "fast": 62})
    assert sorted(passed) == sorted(PASSING)


def main() -> int:
    """Print one line per case and the pass counts of both engines."""
    print(_summary(pass_counts(sys.stdout)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
