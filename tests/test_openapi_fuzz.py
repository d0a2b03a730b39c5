"""schemathesis over the whole /openapi.json, every check, every phase (coverage, fuzzing,
stateful), in process against the app over the demo catalogue: the description tells the truth.

What ``schemathesis run <base>/openapi.json --checks all`` finds, this finds (same engine and
checks, SPARQL written as SPARQL for the ``sparql-query`` and ``sparql-update`` formats, a
bounded number of examples per operation, a fixed seed): a 5xx, an undeclared status or media
type, an invalid request accepted (a value outside its schema), a valid one refused (a 400 to
a value the schema allows). The only failures allowed are those of :data:`KNOWN`, each with
its reason, and each only with the error it names. Raise the examples for a longer run:
``GAIA_KG_FUZZ_EXAMPLES=50`` (and other requests: ``GAIA_KG_FUZZ_SEED=2``).
"""

from __future__ import annotations

import html
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import schemathesis
from babel.messages.pofile import read_po
from demo_support import demo_store
from http_support import app_over
from hypothesis import strategies as st
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import events, from_schema

import sparql_api
from graph_loader.messages import LANGUAGES
from sparql_api.web.openapi import OPERATIONS

LOCALE = Path(sparql_api.__file__).parent / "locale"

#: examples per operation and phase (bounded: the run stays under two minutes on two cores)
EXAMPLES = int(os.environ.get("GAIA_KG_FUZZ_EXAMPLES", "10"))
#: the seed of the generated requests (fixed: the same requests on every run)
SEED = int(os.environ.get("GAIA_KG_FUZZ_SEED", "1"))

#: a valid query refused because of the format asked for (a SELECT in Turtle, a CONSTRUCT in
#: CSV): which formats fit depends on the query's form, which no parameter schema can say
UNFIT_FORMAT = (
    "not_acceptable_any",
    "not_acceptable_boolean",
    "not_acceptable_graph",
    "not_acceptable_solutions",
)
#: rules between parameters: OpenAPI describes each parameter alone
SEARCH_RANGES = (
    "search_bad_range",  # start after end, vmin above vmax
    "search_bad_bbox",  # south above north (the box's form is in its pattern)
    "search_page_beyond",  # page beyond the 10,000th result for the page size asked
)

#: rules within or between STAC search values: a box's south above its north, an interval
#: ending before it starts (a POST body states that ``bbox`` and ``intersects`` exclude each
#: other; a query cannot)
STAC = ("stac_bbox_south_above_north", "stac_reversed_datetime")

#: what the description cannot say, so schemathesis cannot know: (operation, failure code)
#: -> the message keys (``web`` domain) of the refusals that may carry that failure
KNOWN: dict[tuple[str, str], tuple[str, ...]] = {
    ("GET /sparql/graph", "ST202"): ("graph_target",),  # ?graph= and ?default are exclusive
    ("GET /sparql", "ST202"): UNFIT_FORMAT,
    ("POST /sparql", "ST202"): UNFIT_FORMAT,
    ("GET /api/search", "ST202"): SEARCH_RANGES,
    ("GET /search", "ST202"): SEARCH_RANGES,
    ("GET /stac/collections", "ST202"): STAC,
    ("GET /stac/collections/{cid}/items", "ST202"): STAC,
    ("GET /stac/search", "ST202"): (*STAC, "stac_bbox_and_intersects"),
    ("POST /stac/search", "ST202"): STAC,
}


@dataclass(frozen=True)
class Found:
    """One failure: where, which check, and what the server said."""

    operation: str
    code: str
    title: str
    error: str
    curl: str

    def known(self) -> bool:
        """Whether :data:`KNOWN` allows this failure (the refusal is one it names)."""
        keys = KNOWN.get((self.operation, self.code), ())
        return any(
            key in ("*", self.error) or any(text.fullmatch(self.error) for text in _texts(key))
            for key in keys
        )


@cache
def _texts(key: str) -> tuple[re.Pattern, ...]:
    """Message ``key`` in each language, as a pattern (a placeholder matches anything)."""
    texts = []
    for lang in LANGUAGES:
        with (LOCALE / lang / "LC_MESSAGES" / "web.po").open("rb") as po:
            message = read_po(po).get(key).string
        parts = re.split(r"\{\w+\}", message)
        texts.append(re.compile(".*".join(re.escape(part) for part in parts), re.S))
    return tuple(texts)


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


#: valid SPARQL for the ``sparql-query`` format (its grammar is beyond a JSON Schema)
QUERIES = st.sampled_from(
    [
        "ASK { ?s ?p ?o }",
        "SELECT * WHERE { ?s ?p ?o } LIMIT 3",
        "CONSTRUCT WHERE { ?s a ?type } LIMIT 3",
        "DESCRIBE <https://w3id.org/gaia-kg/thesaurus/atmosphere>",
    ]
)
#: valid SPARQL Update for the ``sparql-update`` format
UPDATES = st.sampled_from(["INSERT DATA { <urn:a> <urn:b> <urn:c> }", "CLEAR SILENT GRAPH <urn:g>"])


def run_schemathesis(app, examples: int, seed: int) -> tuple[int, list[Found], list[str]]:
    """Every operation of ``app``'s description under every check: (operations, failures,
    errors of the run itself). ``app`` is a Flask app (run in process) or the URL of a
    running server's ``/openapi.json`` (``bench/conformance.py``)."""
    schemathesis.openapi.format("sparql-query", QUERIES)
    schemathesis.openapi.format("sparql-update", UPDATES)
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
    counts = Counter(f"{f.code} {f.title}" for f in found if not f.known())
    print(f"\n{operations} operations, {EXAMPLES} examples each: {dict(counts) or 'no failure'}")
    for f in sorted(found, key=lambda f: (f.known(), f.code, f.operation)):
        print(f"  {'known ' if f.known() else ''}{f.code} {f.operation} [{f.error}]\n    {f.curl}")
    # the whole description, not a part of it (schemathesis leaves out /openapi.json itself)
    assert operations == len(OPERATIONS) - 1
    assert errors == []
    assert sorted(f"{f.code} {f.operation} [{f.error}]" for f in found if not f.known()) == []
