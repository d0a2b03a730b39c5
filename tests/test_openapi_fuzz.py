"""schemathesis over the whole /openapi.json, every check, every phase (coverage, fuzzing,
stateful), in process against the app over the demo catalogue: the description tells the truth.

What ``schemathesis run <base>/openapi.json --checks all`` finds, this finds (same engine and
checks, the same hooks: ``tests/openapi_hooks.py`` writes the description's custom formats,
SPARQL as SPARQL, boxes with their south not above their north…; a bounded number of examples
per operation, a fixed seed): a 5xx, an undeclared status or media type, an invalid request
accepted (a value outside its schema), a valid one refused (a 400 to a value the schema
allows). Any failure fails. Raise the examples for a longer run:
``GAIA_KG_FUZZ_EXAMPLES=50`` (and other requests: ``GAIA_KG_FUZZ_SEED=2``).
"""

from __future__ import annotations

import html
import json
import os
import re
from collections import Counter
from dataclasses import dataclass

import openapi_hooks
import pytest
import schemathesis
from demo_support import demo_store
from http_support import app_over
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import events, from_schema

from sparql_api.web.openapi import OPERATIONS

#: examples per operation and phase (bounded: the run stays under two minutes on two cores)
EXAMPLES = int(os.environ.get("GAIA_KG_FUZZ_EXAMPLES", "10"))
#: the seed of the generated requests (fixed: the same requests on every run)
SEED = int(os.environ.get("GAIA_KG_FUZZ_SEED", "1"))


@dataclass(frozen=True)
class Found:
    """One failure: where, which check, and what the server said."""

    operation: str
    code: str
    title: str
    error: str
    curl: str


def _error_key(content: bytes) -> str:
    """The ``error`` of a JSON answer, the text of an error page, or a text's first line."""
    text = content.decode("utf-8", "replace")
    try:
        return str(json.loads(text).get("error"))
    except (ValueError, AttributeError):
        pass
    page = re.search(r'<p class="error-text">(.*?)</p>', text, re.S)
    if page:
        return html.unescape(page.group(1))
    return text.strip().splitlines()[0] if text.strip() else ""


def _failures(event: events.ScenarioFinished) -> list[Found]:
    found = []
    for case_id, checks in event.recorder.checks.items():
        for check in checks:
            if check.failure_info is None:
                continue
            failure = check.failure_info.failure
            interaction = event.recorder.interactions.get(case_id)
            response = interaction.response if interaction else None
            error = _error_key(response.content) if response is not None else ""
            sample = check.failure_info.code_sample.strip()
            found.append(Found(failure.operation, failure.code, failure.title, error, sample))
    return found


def run_schemathesis(app, examples: int, seed: int) -> tuple[int, list[Found], list[str]]:
    """Every operation of ``app``'s description under every check: (operations, failures,
    errors of the run itself). ``app`` is a Flask app (run in process) or the URL of a
    running server's ``/openapi.json`` (``bench/conformance.py``)."""
    openapi_hooks.register()
    config = SchemathesisConfig()
    config.update(seed=seed, max_failures=None)
    config.projects.override.checks.update(included_check_names=["all"])
    config.projects.override.generation.update(max_examples=examples, database="none")
    config.projects.override.update(workers=1)
    if isinstance(app, str):
        schema = schemathesis.openapi.from_url(app, config=config)
    else:
        schema = schemathesis.openapi.from_wsgi("/openapi.json", app, config=config)
    operations = sum(1 for _ in schema.get_all_operations())
    found: dict[tuple[str, str], Found] = {}
    errors = []
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            for failure in _failures(event):
                found.setdefault((failure.operation, failure.code, failure.error), failure)
        elif isinstance(event, events.NonFatalError | events.FatalError):
            errors.append(str(getattr(event, "value", None) or getattr(event, "exception", "")))
    return operations, list(found.values()), errors


@pytest.fixture(scope="module")
def demo_app():
    with app_over(demo_store()) as app:
        yield app


def test_schemathesis_finds_nothing_the_description_does_not_say(demo_app):
    operations, found, errors = run_schemathesis(demo_app, EXAMPLES, SEED)
    counts = Counter(f"{f.code} {f.title}" for f in found)
    print(f"\n{operations} operations, {EXAMPLES} examples each: {dict(counts) or 'no failure'}")
    for f in sorted(found, key=lambda f: (f.code, f.operation)):
        print(f"  {f.code} {f.operation} [{f.error}]\n    {f.curl}")
    # the whole description, not a part of it (schemathesis leaves out /openapi.json itself)
    assert operations == len(OPERATIONS) - 1
    assert errors == []
    assert sorted(f"{f.code} {f.operation} [{f.error}]" for f in found) == []
