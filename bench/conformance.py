"""Every figure of the standards issue (20) from one run, through the real server.

Builds the demo in a temporary store (``gaia-kg demo --no-serve``), exports it (``gaia-kg
export``), serves it with ``gaia-kg serve`` on 127.0.0.1, serves an empty store beside it for
the SPARQL suites (``GAIA_KG_DEFAULT_GRAPH=default``: the suites' dataset semantics), and
measures:

- ``sparql``: the W3C SPARQL 1.1 query, update, syntax, protocol, graph-store and
  service-description suites over HTTP, beside pyoxigraph in process on the same suites
  (``../shared/tools/conformance/sparql11_runner.py``), and the tests pyoxigraph passes that
  HTTP fails (target 0);
- ``shacl``: the W3C SHACL Core suite on the fast engine alone (``tests/test_shacl_w3c.py``);
- ``dcat``: DCAT-AP 3.0.1 official shapes (``validate_dcat_ap.py --base full-pruned
  --recommended``) on the export, the whole ``/catalog`` feed and every ``/id/`` description
  of a dataset or data service read together: violations and recommended-property warnings;
- ``openapi``: schemathesis over ``/openapi.json``, every check and phase (unique failures);
- ``stac``: stac-api-validator (core, collections, features, item-search), schemas offline;
- ``soso``: the schema.org JSON-LD of every dataset page against the science-on-schema.org
  shapes (``soso_common``, Google's required set).

    .venv/bin/python bench/conformance.py [--skip sparql,openapi] [--examples 10]

Needs ``../shared`` (corpora and conformance tools). Prints one table; a few minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
SHARED = ROOT.parent / "shared"
TOOLS = SHARED / "tools" / "conformance"
PARTS = ("sparql", "shacl", "dcat", "openapi", "stac", "soso")
TOKEN = "conformance-bench"
DESCRIBED = """SELECT DISTINCT ?r ?t WHERE { GRAPH ?g {
  ?g <https://w3id.org/gaia-kg/ontology#describes> ?r . ?r a ?t
  VALUES ?t { <http://www.w3.org/ns/dcat#Dataset> <http://www.w3.org/ns/dcat#DataService> } } }"""


def cli(*args: str, env: dict | None = None, **kwargs) -> subprocess.Popen:
    """``gaia-kg …`` from this checkout, in a child process."""
    command = [sys.executable, "-m", "sparql_api.cli", *args]
    environ = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.Popen(command, cwd=ROOT, env=environ, **kwargs)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server(store: Path, log: Path, **env: str):
    """``gaia-kg serve`` on a free port of 127.0.0.1: its base URL, until the block ends."""
    port = free_port()
    with log.open("wb") as out:
        process = cli("serve", "--store", str(store), "--port", str(port), env=env, stdout=out,
                      stderr=subprocess.STDOUT)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/health", timeout=5).read()
                break
            except OSError:
                if process.poll() is not None:
                    raise SystemExit(f"the server stopped: {log.read_text()[-2000:]}") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(30)


def get(url: str, accept: str) -> bytes:
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.read()


def tool(script: str, *args: str) -> str:
    """A conformance tool of ``../shared/tools/conformance``: its standard output."""
    done = subprocess.run(
        [sys.executable, str(TOOLS / script), *args],
        capture_output=True,
        text=True,
        cwd=TOOLS,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return done.stdout


# --- SPARQL -------------------------------------------------------------------------------


def sparql_rows(empty: Path, work: Path) -> list[tuple[str, str, str]]:
    """The W3C suites over HTTP and in process: (figure, value, target) rows."""
    env = {"GAIA_KG_ADMIN_TOKENS": TOKEN, "GAIA_KG_DEFAULT_GRAPH": "default", "GAIA_KG_FEED": "off"}
    with server(empty, work / "sparql.log", **env) as base:
        tool(
            "sparql11_runner.py", "--mode", "http", "--query-url", base + "/sparql",
            "--update-url", base + "/sparql/update", "--gsp-url", base + "/sparql/graph",
            "--bearer", TOKEN, "--suites", "query,update,syntax,protocol,gsp,sd",
            "--report", str(work / "http.json"),
        )  # fmt: skip
    tool("sparql11_runner.py", "--mode", "inprocess", "--suites", "query,update,syntax",
         "--report", str(work / "inprocess.json"))  # fmt: skip
    http = json.loads((work / "http.json").read_text())
    local = json.loads((work / "inprocess.json").read_text())
    passed_locally = {r["test"] for r in local["results"] if r["status"] == "pass"}
    lost = [r for r in http["results"] if r["status"] == "fail" and r["test"] in passed_locally]

    def counts(report: dict) -> str:
        c = report["counts"]
        return f"{c.get('pass', 0)} passed, {c.get('fail', 0)} failed, {c.get('skip', 0)} skipped"

    return [
        ("W3C SPARQL 1.1, all suites, over HTTP", counts(http), "≥ in process"),
        ("W3C SPARQL 1.1, pyoxigraph in process", counts(local), "(anchor)"),
        ("  in-process passes failed over HTTP", str(len(lost)), "0"),
    ]


# --- SHACL --------------------------------------------------------------------------------


def shacl_rows() -> list[tuple[str, str, str]]:
    from test_shacl_w3c import pass_counts

    counts = pass_counts()
    return [
        ("W3C SHACL Core, fast engine alone", f"{counts['fast']}/{counts['run']}", "all"),
        ("W3C SHACL Core, pyshacl", f"{counts['pyshacl']}/{counts['run']}", "(anchor)"),
    ]


# --- DCAT-AP ------------------------------------------------------------------------------


def dcat_ap(path: Path) -> tuple[int, int]:
    """(violations, warnings) of the official shapes with the recommended ones."""
    out = tool("validate_dcat_ap.py", str(path), "--base", "full-pruned", "--recommended")
    found = re.search(r"results by severity: (\{.*\})", out)
    if not found:
        raise SystemExit(f"validate_dcat_ap.py said: {out[-2000:]}")
    severities = eval(found.group(1), {})  # noqa: S307 - the tool's own dict literal
    return severities.get("Violation", 0), severities.get("Warning", 0)


def catalog_pages(base: str) -> bytes:
    """The whole ``/catalog`` feed as N-Triples, page after page (``hydra:next``)."""
    import pyoxigraph as ox

    triples: set = set()
    url = base + "/catalog?size=500"
    while url:
        page = ox.parse(get(url, "text/turtle"), format=ox.RdfFormat.TURTLE)
        url = None
        for quad in page:
            triples.add(ox.Triple(quad.subject, quad.predicate, quad.object))
            if quad.predicate.value == "http://www.w3.org/ns/hydra/core#next":
                url = quad.object.value
    return ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES)


def described(base: str) -> list[tuple[str, str]]:
    """(IRI, type IRI) of every dataset and data service of the records."""
    query = urllib.parse.urlencode({"query": DESCRIBED})
    answer = json.loads(get(f"{base}/sparql?{query}", "application/sparql-results+json"))
    return [(b["r"]["value"], b["t"]["value"]) for b in answer["results"]["bindings"]]


def page_of(base: str, iri: str, accept: str) -> bytes:
    """What ``/id?uri=`` leads to for ``iri`` (our IRIs: their ``/id/…`` path)."""
    return get(f"{base}/id?{urllib.parse.urlencode({'uri': iri})}", accept)


def dcat_rows(export: Path, base: str, work: Path) -> list[tuple[str, str, str]]:
    feed = work / "catalog.nt"
    feed.write_bytes(catalog_pages(base))
    pages = work / "descriptions.ttl"
    with pages.open("wb") as out:
        for iri, _ in sorted(set(described(base))):
            out.write(page_of(base, iri, "text/turtle") + b"\n")
    rows = []
    for name, path in (("export", export), ("/catalog", feed), ("/id/ descriptions", pages)):
        violations, warnings = dcat_ap(path)
        rows.append((f"DCAT-AP 3.0.1 violations, {name}", str(violations), "0"))
        rows.append((f"DCAT-AP 3.0.1 recommended warnings, {name}", str(warnings), "halved"))
    return rows


# --- OpenAPI, STAC, schema.org ------------------------------------------------------------


def openapi_rows(base: str, examples: int) -> list[tuple[str, str, str]]:
    from test_openapi_fuzz import run_schemathesis

    operations, found, errors = run_schemathesis(base + "/openapi.json", examples, seed=1)
    for f in sorted(found, key=lambda f: (f.code, f.operation)):  # what to look at
        print(f"{f.code} {f.operation} [{f.error}]\n  {f.curl}", file=sys.stderr)
    return [
        (f"schemathesis failures, {operations} operations", str(len(found)), "0"),
        ("schemathesis run errors", str(len(errors)), "0"),
    ]


def stac_rows(base: str) -> list[tuple[str, str, str]]:
    import pytest
    from stac_api_validator.validations import QueryConfig, validate_api
    from test_stac_validator import CLASSES, GEOMETRY, offline_schemas

    with pytest.MonkeyPatch.context() as patch:
        offline_schemas.__wrapped__(patch)
        warnings, errors = validate_api(
            root_url=base + "/stac", ccs_to_validate=CLASSES, collection="sentinel2-l2a-maja",
            geometry=json.dumps(GEOMETRY), auth_bearer_token=None, auth_query_parameter=None,
            fields_nested_property=None, validate_pagination=True,
            query_config=QueryConfig(*[None] * 13), transaction_collection=None, headers=None,
            open_assets_urls=False,
        )  # fmt: skip
    return [
        ("stac-api-validator errors (offline)", str(len(errors.errors)), "0"),
        ("stac-api-validator warnings", str(len(warnings.errors)), "-"),
    ]


def soso_rows(base: str) -> list[tuple[str, str, str]]:
    from test_schemaorg import dataset_graph, soso_violations

    datasets = [iri for iri, kind in described(base) if kind.endswith("#Dataset")]
    pages = [page_of(base, iri, "text/html").decode() for iri in sorted(set(datasets))]
    data = dataset_graph(pages)
    common = sum(soso_violations(data, "soso_common_v1.2.3.ttl", SHARED).values())
    google = sum(soso_violations(data, "googleRequired.ttl", SHARED).values())
    return [
        (f"SOSO v1.2.3 violations, {len(pages)} dataset pages", str(common), "0"),
        ("Google required (SOSO shapes) violations", str(google), "0"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip", default="", help=f"comma-separated parts among {PARTS}")
    parser.add_argument("--examples", type=int, default=10, help="schemathesis, per operation")
    args = parser.parse_args(argv)
    skip = {p for p in args.skip.split(",") if p}
    if skip - set(PARTS):
        parser.error(f"unknown parts: {sorted(skip - set(PARTS))}")
    rows: list[tuple[str, str, str]] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, ExitStack() as stack:
        work = Path(folder)
        if "sparql" not in skip:
            rows += sparql_rows(work / "empty", work)
        if "shacl" not in skip:
            rows += shacl_rows()
        if skip >= {"dcat", "openapi", "stac", "soso"}:
            return table(rows, started)
        store, export = work / "store", work / "export.ttl"
        cli("demo", "--store", str(store), "--no-serve", stdout=subprocess.DEVNULL).wait()
        cli("export", "--store", str(store), "-o", str(export)).wait()
        base = stack.enter_context(server(store, work / "demo.log"))
        if "dcat" not in skip:
            rows += dcat_rows(export, base, work)
        if "openapi" not in skip:
            rows += openapi_rows(base, args.examples)
        if "stac" not in skip:
            rows += stac_rows(base)
        if "soso" not in skip:
            rows += soso_rows(base)
    return table(rows, started)


def table(rows: list[tuple[str, str, str]], started: float) -> int:
    width = max((len(r[0]) for r in rows), default=10)
    print(f"{'figure':<{width}}  {'value':<36}  target")
    for figure, value, target in rows:
        print(f"{figure:<{width}}  {value:<36}  {target}")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
