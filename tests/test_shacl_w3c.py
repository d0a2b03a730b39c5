"""The W3C SHACL core test suite (../shared/corpora/w3c-shacl-core-tests), on both engines.

Each ``sht:Validate`` entry of the manifests gives a data graph, a shapes graph and the expected
report. A case passes when the engine returns exactly the expected results, compared as a
multiset of (focus node, path, value, severity, source shape, component); a complex path counts
as no path (both engines report ``sh:resultPath`` for predicate paths only). Blank nodes keep
their identifiers when the data or shapes graph is the test file itself (where the expected
report names them); in a separate file they are compared as "some blank node".

The fast engine runs on the store; shapes it does not support go to pyshacl (``fallback``),
so it must pass every case pyshacl passes. Run ``python tests/test_shacl_w3c.py`` for the
table of cases.
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

from graph_loader.validate import shapes_from_graph, validate, validate_with_pyshacl
from graph_loader.validation.terms import to_ox

SUITE = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "w3c-shacl-core-tests"
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = rdflib.Namespace("http://www.w3.org/ns/shacl-test#")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_BLANK = "_:"

#: cases the engines fail, with the reason (a case listed here that passes fails the test)
PYSHACL_FAILS: dict[str, str] = {}
#: the fast engine's own failures beyond pyshacl's (none: a difference is a bug)
FAST_FAILS: dict[str, str] = {}


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


def _path(term) -> ox.NamedNode | None:
    return to_ox(term) if isinstance(term, rdflib.URIRef) else None


def _expected(graph: rdflib.Graph, report, keep_data: bool, keep_shapes: bool) -> Counter:
    found: Counter = Counter()
    for result in graph.objects(report, SH.result):
        found[
            (
                _term(graph.value(result, SH.focusNode), keep_data),
                _path(graph.value(result, SH.resultPath)),
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


def _found(problems, case: Case) -> Counter:
    keep_data, keep_shapes = case.data == case.file, case.shapes == case.file
    return Counter(
        (
            _BLANK if isinstance(p.focus, ox.BlankNode) and not keep_data else p.focus,
            p.path,
            _BLANK if isinstance(p.value, ox.BlankNode) and not keep_data else p.value,
            p.severity,
            _BLANK if isinstance(p.shape, ox.BlankNode) and not keep_shapes else p.shape,
            p.component,
        )
        for p in problems
    )


def run_pyshacl(case: Case) -> Counter:
    data, shapes_graph = _graphs(case)
    return _found(validate_with_pyshacl(data, shapes_from_graph(shapes_graph)), case)


def run_fast(case: Case) -> tuple[Counter, int]:
    """The fast engine's results, and how many shapes it handed to pyshacl."""
    data, shapes_graph = _graphs(case)
    shapes = shapes_from_graph(shapes_graph)
    store = ox.Store()
    store.bulk_extend(ox.Quad(*(to_ox(t) for t in triple)) for triple in data)
    return _found(validate(store, shapes), case), len(shapes.fallback)


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
    found, _ = run_fast(case)
    failing = case.name in PYSHACL_FAILS or case.name in FAST_FAILS
    assert (found == case.expected) is not failing, (found, case.expected)


def pass_counts(out=None) -> Counter:
    """Run every case on both engines; print one line per case to ``out`` if given."""
    counts: Counter = Counter()
    for case in CASES:
        if case.missing:
            counts["skipped"] += 1
            line = f"{case.name:45} skipped (missing {', '.join(case.missing)})"
        else:
            reference = run_pyshacl(case) == case.expected
            found, fallback = run_fast(case)
            fast = found == case.expected
            counts["run"] += 1
            counts["pyshacl"] += reference
            counts["fast"] += fast
            counts["fast alone"] += fast and not fallback
            counts["fallback cases"] += bool(fallback)
            how = f"pyshacl for {fallback} shape(s)" if fallback else "fast engine only"
            line = (
                f"{case.name:45} pyshacl {'pass' if reference else 'FAIL'}  "
                f"fast {'pass' if fast else 'FAIL'}  ({how})"
            )
        if out is not None:
            print(line, file=out)
    return counts


def _summary(counts: Counter) -> str:
    return (
        f"W3C SHACL core: {counts['run']} cases run, {counts['skipped']} skipped; pyshacl "
        f"passes {counts['pyshacl']}, fast path {counts['fast']} ({counts['fast alone']} on "
        f"SPARQL alone, {counts['fallback cases']} with pyshacl fallback)"
    )


def test_pass_counts(suite, capsys):
    counts = pass_counts()
    with capsys.disabled():
        print("\n" + _summary(counts))
    assert counts == Counter(
        {"run": 62, "skipped": 3, "pyshacl": 62, "fast": 62, "fast alone": 53, "fallback cases": 9}
    )


def main() -> int:
    """Print one line per case and the pass counts of both engines."""
    print(_summary(pass_counts(sys.stdout)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
