"""THREDDS harvest end to end: corpus catalogues served on 127.0.0.1, followed by catalogRef."""

from __future__ import annotations

from xml.etree import ElementTree

import pyoxigraph as ox
import pytest
from fixture_server import Answer, Request, serve
from helpers import BASE, as_graph, corpus
from source_catalogues import client
from test_harvest import harvested, store  # noqa: F401  (the store fixture)

from graph_loader.harvest import harvest
from graph_loader.harvest.config import SourceConfig, parse_sources
from graph_loader.harvest.state import read_checkpoint
from graph_loader.sources import SourceError
from graph_loader.sources.thredds import THREDDSSource, with_base

CAT = "http://www.unidata.ucar.edu/namespaces/thredds/InvCatalog/v1.0"


def _corpus():
    files = {p.name: p.read_bytes() for p in corpus("real", "thredds")}
    return files["CA-BCM-Catalog.xml"], files["catalog__InvCatalog-1.0.xml"]


def root_catalogue(*hrefs: str) -> bytes:
    refs = "".join(f'<catalogRef xlink:href="{h}" xlink:title="{h}" name="{h}"/>' for h in hrefs)
    return (
        f'<catalog xmlns="{CAT}" xmlns:xlink="http://www.w3.org/1999/xlink" name="root">'
        f"{refs}</catalog>"
    ).encode()


class Server:
    """/thredds/catalog.xml → catalogRefs to the corpus CA-BCM catalogue (relative href), a
    broken child and a second level holding InvCatalog (at depth 2)."""

    def __init__(self):
        ca_bcm, inv = _corpus()
        self.pages = {
            "/thredds/catalog.xml": root_catalogue(
                "ca-bcm/CA-BCM-Catalog.xml",
                "broken.xml",
                "missing.xml",
                "level1.xml",
                "file:///etc/passwd",
                "https://elsewhere.example.org/thredds/catalog.xml",
            ),
            "/thredds/ca-bcm/CA-BCM-Catalog.xml": ca_bcm,
            "/thredds/broken.xml": b"<catalog xmlns='" + CAT.encode() + b"'><dataset name='x'>",
            "/thredds/level1.xml": root_catalogue("deeper/InvCatalog.xml"),
            "/thredds/deeper/InvCatalog.xml": inv,
        }

    def __call__(self, request: Request) -> Answer:
        body = self.pages.get(request.path)
        if body is None:
            return Answer(404, "text/plain", b"not found")
        return Answer(200, "application/xml", body)


def config(url: str, **options) -> SourceConfig:
    return SourceConfig("tds", "thredds", {"url": url} | options, retries=1)


def run(store, cfg):  # noqa: F811
    with client() as http:
        return harvest(store, cfg, client=http, base_iri=BASE, backoff=0)


def test_catalogrefs_are_followed_to_the_depth_limit_and_a_broken_child_is_reported(store):  # noqa: F811
    app = Server()
    with serve(app) as server:
        report = run(store, config(f"{server.url}/thredds/catalog.xml", max_depth=1))
        fetched = [r.path for r in app_requests(server)]
        source = THREDDSSource("tds", f"{server.url}/thredds/catalog.xml", max_depth=1)
        with client() as http:
            for _ in range(3):
                try:
                    list(source.records(http, resume=source.resume_token))
                    break
                except SourceError as exc:
                    source.resume_token = exc.skip
    assert source.not_followed == [
        "file:///etc/passwd",
        "https://elsewhere.example.org/thredds/catalog.xml",
    ]  # not http(s), another host
    assert source.beyond_depth == [(f"{server.url}/thredds/deeper/InvCatalog.xml", 2)]
    assert fetched == [
        "/thredds/catalog.xml",
        "/thredds/ca-bcm/CA-BCM-Catalog.xml",
        "/thredds/broken.xml",
        "/thredds/missing.xml",
        "/thredds/level1.xml",
    ]  # breadth first; level1's child lies at depth 2 > max_depth: not fetched
    assert report.complete
    assert len(report.page_errors) == 2
    assert "broken.xml" in report.page_errors[0] and "malformed XML" in report.page_errors[0]
    assert "missing.xml" in report.page_errors[1] and "HTTP 404" in report.page_errors[1]
    got = harvested(store, "tds")
    titles = sorted(
        row["t"].value
        for row in store.select(
            "SELECT ?t WHERE { GRAPH ?g { ?d a <http://www.w3.org/ns/dcat#Dataset> ; "
            "<http://purl.org/dc/terms/title> ?t } }"
        )
    )
    assert titles == [
        "California Basin Characterization Model Downscaled Climate and Hydrology",
        "Future California Basin Characterization Model Downscaled Climate and Hydrology",
        "Historical California Basin Characterization Model Downscaled Climate and Hydrology",
    ]
    endpoints = sorted(
        row["e"].value
        for row in store.select(
            "SELECT ?e WHERE { GRAPH ?g { ?s <http://www.w3.org/ns/dcat#endpointURL> ?e } }"
        )
    )
    base = server.url + "/thredds/"
    assert endpoints == [
        base + "dodsC/CA-BCM-2014/future",
        base + "dodsC/CA-BCM-2014/historical",
        base + "iso/CA-BCM-2014/future",
        base + "iso/CA-BCM-2014/historical",
    ]  # "/thredds/dodsC/" resolved against the URL the catalogue was fetched from
    assert len(got) == 3 + 4  # datasets and services, each a record of its own
    assert counts_of(report) == {"loaded": 7, "rejected": 0}


def app_requests(server):
    return server.requests


def counts_of(report):
    return {s: report.count(s) for s in ("loaded", "rejected")}


def test_a_deeper_limit_reaches_the_second_level(store):  # noqa: F811
    with serve(Server()) as server:
        report = run(store, config(f"{server.url}/thredds/catalog.xml", max_depth=2))
    # InvCatalog's 8 datasets: 5 without any documentation, loaded flagged (a description is
    # mandatory), the 3 documented ones (Doc examples, Mar 18 2001, its experimental run)
    # loaded with their one OPeNDAP service (ACD test/eta2.nc); the files of the collections
    # are granules, no services of their own
    assert report.count("rejected") == 0
    flagged = [r for r in report.results if r.defects]
    assert len(flagged) == 5
    assert all(any("description" in d for d in r.defects) for r in flagged)
    assert report.count("loaded") == 7 + 3 + 1 + 5  # the flagged ones are loaded too


def test_the_queue_resumes_where_it_stopped():
    with serve(Server()) as server:
        url = f"{server.url}/thredds/catalog.xml"
        source = THREDDSSource("tds", url, max_depth=1)
        records = source.records(client())
        first = next(records)  # the CA-BCM catalogue (the root lists no dataset)
        token = source.resume_token
        resumed = THREDDSSource("tds", url, max_depth=1)
        ids = []
        for _ in range(3):
            try:
                for raw in resumed.records(client(), resume=token):
                    ids.append(raw.identifier)
                break
            except SourceError as exc:  # a broken child: go on after it, as the harvest does
                token = exc.skip
    assert first.identifier == f"{server.url}/thredds/ca-bcm/CA-BCM-Catalog.xml"
    assert b'xml:base="' + first.identifier.encode() + b'"' in first.data
    assert ids == [first.identifier]  # read again (at least once), then nothing else holds data
    assert resumed.resume_token is None


def test_xml_base_is_added_once():
    data = b'<?xml version="1.0"?>\n<catalog xmlns="x" name="a">'
    assert with_base(data, "http://h/c.xml") == (
        b'<?xml version="1.0"?>\n<catalog xml:base="http://h/c.xml" xmlns="x" name="a">'
    )
    assert with_base(with_base(data, "http://h/c.xml"), "http://other/") == with_base(
        data, "http://h/c.xml"
    )


def test_sources_toml_declares_a_thredds_source():
    text = '[sources.tds]\nkind = "thredds"\nurl = "https://tds.example.org/thredds/catalog.xml"'
    text += "\nmax_depth = 3\n"
    cfg = parse_sources(text, name="s.toml")["tds"]
    assert (cfg.kind, cfg.options["max_depth"]) == ("thredds", 3)
    with pytest.raises(Exception, match="unknown option"):
        parse_sources(text + "page_size = 3\n", name="s.toml")


def test_checkpoint_is_cleared_after_a_complete_harvest(store):  # noqa: F811
    with serve(Server()) as server:
        run(store, config(f"{server.url}/thredds/catalog.xml", max_depth=0))
    assert read_checkpoint(store, "tds").resume is None
    assert isinstance(ox.NamedNode("http://x"), ox.NamedNode)


def test_fetch_ncml_completes_a_dataset_with_the_acdd_attributes_of_its_data(store):  # noqa: F811
    files = {p.name: p.read_bytes() for p in corpus("real", "thredds")}
    pages = {
        "/thredds/catalog.xml": files["catalog.xml"],
        "/thredds/ncml/topowx": files["TopoWx2017__topowx_meta.ncml"],
        "/thredds/ncml/prism": b"<html>not NcML</html>",
    }

    def app(request: Request) -> Answer:
        body = pages.get(request.path)
        return Answer(200, "application/xml", body) if body else Answer(404, "text/plain", b"")

    with serve(app) as server:
        url = f"{server.url}/thredds/catalog.xml"
        source = THREDDSSource("tds", url, max_depth=0, fetch_ncml=True)
        with client() as http:
            (raw,) = list(source.records(http))
        ncml_requests = [r.path for r in server.requests if r.path.startswith("/thredds/ncml/")]
    # every dataset offering the NCML service of the catalogue was asked for its NcML, once
    root = ElementTree.fromstring(files["catalog.xml"])
    with_ncml = {
        s.get("name")
        for s in root.findall(f"{{{CAT}}}service")
        if any(m.get("serviceType") == "NCML" for m in s)
    }
    offered = {
        f"/thredds/ncml/{d.get('urlPath')}"
        for d in root.iter(f"{{{CAT}}}dataset")
        if d.get("urlPath") and d.get("serviceName") in with_ncml
    }
    assert len(offered) > 50 and sorted(ncml_requests) == sorted(offered)
    assert len(source.ncml_errors) == len(offered) - 1  # 404s and the HTML page
    assert dict(source.ncml_errors)[f"{server.url}/thredds/ncml/prism"].startswith("<html>")
    from graph_loader.mappings import thredds as converter

    graph = as_graph(converter.convert(raw.data, base_iri=BASE))
    row = next(iter(graph.query(
        """PREFIX dct: <http://purl.org/dc/terms/>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?created ?issued ?project WHERE { ?d dct:identifier "cida.usgs.gov/topowx" ;
          dct:created ?created ; dct:issued ?issued ;
          prov:wasGeneratedBy/<http://www.w3.org/2000/01/rdf-schema#label> ?project }"""
    )))  # fmt: skip
    assert [str(v) for v in row] == [
        "2017-07-06",
        "2017-08-18",
        "TopoWx: Topoclimatic Daily Air Temperature Dataset for the Conterminous United States",
    ]  # none of them in the catalogue: from the NcML served at /thredds/ncml/topowx
