"""The W3C SPARQL 1.1 query evaluation suite, in-process with pyoxigraph and through our HTTP
endpoint (data loaded through the authenticated Graph Store Protocol, the dataset named by
default-graph-uri / named-graph-uri): every test pyoxigraph passes in-process passes over
HTTP, in every result format; negative syntax tests answer 400 with the parser's message.

Run with ``-s`` to see the pass counts.
"""

from __future__ import annotations

import pytest
from http_support import app_over
from sparql_support import served
from w3c_sparql import (
    GRAPH_MEDIA,
    RESULTS_MEDIA,
    HttpRunner,
    expected,
    parse_answer,
    read_cases,
    run_in_process,
    same,
)

from graph_loader.store import EmbeddedStore

TOKEN = "w3c-suite-token"


@pytest.fixture(scope="module")
def cases(shared):
    found = read_cases(shared / "corpora" / "w3c-sparql11-tests")
    assert len(found) >= 200
    return found


@pytest.fixture(scope="module")
def runner():
    with app_over(EmbeddedStore(None), admin_tokens=(TOKEN,), workers=2, feed=False) as app:
        with served(app) as url:
            yield HttpRunner(url, TOKEN)


def in_process_outcomes(cases) -> dict[str, bool]:
    outcomes = {}
    for case in cases:
        if case.kind != "eval":
            continue
        try:
            outcomes[case.name] = same(expected(case), run_in_process(case))
        except Exception:  # noqa: BLE001 - an unsupported feature is a failed test
            outcomes[case.name] = False
    return outcomes


def test_the_w3c_suite_passes_over_http_wherever_it_passes_in_process(cases, runner, capsys):
    in_process = in_process_outcomes(cases)
    over_http: dict[str, dict[str, bool]] = {}
    for case in cases:
        if case.kind != "eval":
            continue
        want = expected(case)
        runner.load(case)
        media_types = GRAPH_MEDIA if want[0] == "graph" else RESULTS_MEDIA
        if want[0] == "boolean":  # SPARQL CSV/TSV results define no boolean
            media_types = [m for m in RESULTS_MEDIA if "sparql-results" in m]
        for media in media_types:
            status, answered, body = runner.query(case, media)
            ok = status == 200 and answered == media and same(want, parse_answer(media, body))
            over_http.setdefault(media, {})[case.name] = ok
    passed = {name for name, ok in in_process.items() if ok}
    lines = [f"W3C SPARQL 1.1 query evaluation: {len(in_process)} tests"]
    lines.append(f"  in-process pyoxigraph {len(passed)} passed")
    for media, outcomes in over_http.items():
        relevant = len(outcomes)
        lines.append(
            f"  HTTP {media:<33} {sum(outcomes.values())}/{relevant} passed"
            f" ({sum(outcomes[n] for n in outcomes if n in passed)} of the in-process passes)"
        )
    lost = {
        media: sorted(n for n in outcomes if n in passed and not outcomes[n])
        for media, outcomes in over_http.items()
    }
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert {media: names for media, names in lost.items() if names} == {}
    assert len(passed) >= 195


def test_negative_syntax_tests_answer_400_with_the_parser_message(cases, runner):
    negative = [c for c in cases if c.kind == "negative-syntax"]
    assert len(negative) >= 5
    for case in negative:
        status, media, body = runner.query(case, "application/sparql-results+json")
        assert (status, media) == (400, "text/plain"), case.name
        assert body.startswith(b"SPARQL syntax error: "), (case.name, body)
