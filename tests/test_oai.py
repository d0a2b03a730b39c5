"""/oai: the OAI-PMH 2.0 provider over the demo catalogue — harvested by Sickle through the
resumption tokens over a real HTTP server, every verb, every format, protocol errors."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
from demo_support import demo_store, served
from helpers import BASE
from http_support import app_over
from sickle import Sickle
from sickle.iterator import OAIResponseIterator

from graph_loader.config import Settings
from graph_loader.store import EmbeddedStore
from sparql_api import create_app
from sparql_api.core import listings
from sparql_api.linked_data.dereference import describe_triples
from sparql_api.oai.routes import PAGE_SIZE_KEY

OAI = "{http://www.openarchives.org/OAI/2.0/}"
DC = "{http://purl.org/dc/elements/1.1/}"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PAGE = 40
GAIA = "https://w3id.org/gaia-kg/ontology#"
ITEMS = """SELECT DISTINCT ?r WHERE {
  GRAPH ?g { ?g a <https://w3id.org/gaia-kg/ontology#RecordGraph> ;
                <https://w3id.org/gaia-kg/ontology#describes> ?r . ?r a ?t }
  FILTER(?t != <http://www.w3.org/ns/dcat#Catalog>)
}"""


@pytest.fixture(scope="module")
def store():
    return demo_store()


@pytest.fixture(scope="module")
def app(store):
    with app_over(store) as app:
        app.config[PAGE_SIZE_KEY] = PAGE
        yield app


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def url(app):
    with served(app) as root:
        yield root + "/oai"


def _identifier(iri: str) -> str:
    return "oai:data.gaia-data.fr:" + iri.removeprefix(BASE + "id/")


AMMA = _identifier(BASE + "id/dataset/amma-atr42-aircraft")


def _expected(store, where: str = "") -> set[str]:
    rows = store.select(ITEMS.replace("  FILTER(", where + "\n  FILTER("))
    return {_identifier(r["r"].value) for r in rows}


def test_sickle_harvests_the_whole_catalogue_through_the_resumption_tokens(url, store):
    sickle = Sickle(url, max_retries=0)
    records = list(sickle.ListRecords(metadataPrefix="oai_dc"))
    expected = _expected(store)
    assert len(expected) > 200
    assert [r.header.identifier for r in records] == sorted(expected)
    assert all(r.metadata["title"] for r in records)
    assert all(not r.header.deleted for r in records)
    pages = -(-len(expected) // PAGE)
    assert pages > 4  # the tokens were followed


@pytest.mark.parametrize("prefix", ["oai_dc", "dcat"])
def test_sickle_lists_identifiers_of_a_set_in_every_format(url, store, prefix):
    sickle = Sickle(url, max_retries=0)
    headers = list(sickle.ListIdentifiers(metadataPrefix=prefix, set="pole:odatis"))
    where = f"  GRAPH ?g {{ ?r <{GAIA}pole> <https://w3id.org/gaia-kg/org/odatis> }}"
    assert [h.identifier for h in headers] == sorted(_expected(store, where))
    assert all("pole:odatis" in h.setSpecs for h in headers)


DOI = (
    "  GRAPH ?g { ?r <http://purl.org/dc/terms/identifier> ?id } FILTER(STRSTARTS(STR(?id), '10.'))"
)


def test_datacite_lists_the_items_with_a_doi(url, store):
    headers = list(Sickle(url).ListIdentifiers(metadataPrefix="oai_datacite"))
    expected = sorted(_expected(store, DOI))
    assert len(expected) > 20
    assert [h.identifier for h in headers] == expected


def test_an_item_without_doi_has_no_datacite_record(client):
    formats = _get(client, f"verb=ListMetadataFormats&identifier={AMMA}")
    assert [p.text for p in formats.iter(OAI + "metadataPrefix")] == ["oai_dc", "dcat"]
    root = _get(client, f"verb=GetRecord&metadataPrefix=oai_datacite&identifier={AMMA}")
    assert [e.get("code") for e in root.findall(OAI + "error")] == ["cannotDisseminateFormat"]


def test_a_compartment_set(url, store):
    headers = list(Sickle(url).ListIdentifiers(metadataPrefix="oai_dc", set="compartment:oceans"))
    where = f"  ?r <{GAIA}compartment> <https://w3id.org/gaia-kg/thesaurus/oceans> ."
    assert [h.identifier for h in headers] == sorted(_expected(store, where))


def _get(client, query: str) -> ET.Element:
    response = client.get("/oai?" + query)
    assert (response.status_code, response.mimetype) == (200, "text/xml")
    return ET.fromstring(response.data)


def test_identify(client):
    raw = client.get("/oai?verb=Identify").data
    assert raw.startswith(
        b'<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="' + OAI[1:-1].encode()
    )
    root = _get(client, "verb=Identify")
    identify = root.find(OAI + "Identify")
    fields = {child.tag.removeprefix(OAI): child.text for child in identify}
    assert fields.pop("earliestDatestamp")[:2] == "20"
    assert fields == {
        "repositoryName": "GAIA Data – Data Terra",
        "baseURL": BASE + "oai",
        "protocolVersion": "2.0",
        "adminEmail": "contact@data-terra.org",
        "deletedRecord": "no",
        "granularity": "YYYY-MM-DDThh:mm:ssZ",
    }
    assert root.find(OAI + "request").attrib == {"verb": "Identify"}


def test_list_sets_and_metadata_formats(client):
    sets = _get(client, "verb=ListSets").iter(OAI + "setSpec")
    assert [s.text for s in sets] == [
        *(
            f"compartment:{c}"
            for c in (
                "agro-environment",
                "atmosphere",
                "biodiversity",
                "climate",
                "land-surfaces",
                "oceans",
                "solid-earth",
            )
        ),
        *(f"pole:{p}" for p in ("aeris", "formater", "odatis", "pndb", "theia")),
    ]
    prefixes = _get(client, "verb=ListMetadataFormats").iter(OAI + "metadataPrefix")
    assert [p.text for p in prefixes] == ["oai_dc", "oai_datacite", "dcat"]


def test_get_record_in_dublin_core(client):
    root = _get(client, f"verb=GetRecord&metadataPrefix=oai_dc&identifier={AMMA}")
    header = root.find(f"{OAI}GetRecord/{OAI}record/{OAI}header")
    assert [e.text for e in header.iter(OAI + "setSpec")] == [
        "compartment:atmosphere",
        "pole:aeris",
    ]
    dc = root.find(f"{OAI}GetRecord/{OAI}record/{OAI}metadata")[0]
    fields = [(e.tag.removeprefix(DC), e.get(LANG), e.text) for e in dc]
    assert [f for f in fields if f[0] != "subject" and f[0] != "description"] == [
        ("title", "en", "AMMA SAFIRE ATR 42 airborne measurements"),
        ("title", "fr", "AMMA mesures aéroportées de l'ATR 42 SAFIRE"),
        ("creator", None, "SEDOO data service (OMP Toulouse)"),
        ("publisher", None, "SEDOO data service (OMP Toulouse)"),
        ("date", None, "2006-06-01"),
        ("type", None, "Dataset"),
        ("identifier", None, BASE + "id/dataset/amma-atr42-aircraft"),
        ("relation", None, "https://baobab.sedoo.fr/"),
        ("coverage", None, "2006-06-01/2006-08-31"),
        ("coverage", None, "westlimit=-20.0; southlimit=0.0; eastlimit=20.0; northlimit=25.0"),
        ("rights", None, "http://creativecommons.org/licenses/by/4.0/"),
    ]
    assert ("subject", "en", "Ozone") in fields and ("subject", "fr", "mousson") in fields


def test_get_record_in_datacite_names_the_doi(client):
    identifier = _identifier(BASE + "id/publication/beyreuther-2010-obspy")
    root = _get(client, f"verb=GetRecord&metadataPrefix=oai_datacite&identifier={identifier}")
    n = "{http://datacite.org/schema/kernel-4}"
    resource = root.find(f"{OAI}GetRecord/{OAI}record/{OAI}metadata/{n}resource")
    assert (
        resource.find(n + "identifier").text,
        resource.find(n + "identifier").get("identifierType"),
    ) == (
        "10.1785/gssrl.81.3.530",
        "DOI",
    )
    assert [c.text for c in resource.iter(n + "creatorName")] == [
        "Barsch, Robert",
        "Behr, Yannik",
        "Beyreuther, Moritz",
        "Krischer, Lion",
        "Megies, Tobias",
        "Wassermann, Joachim",
    ]
    assert resource.find(n + "publicationYear").text == "2010"
    assert resource.find(n + "resourceType").get("resourceTypeGeneral") == "JournalArticle"


def test_get_record_in_dcat_is_the_description(client, store):
    root = _get(client, f"verb=GetRecord&metadataPrefix=dcat&identifier={AMMA}")
    rdf = root.find(f"{OAI}GetRecord/{OAI}record/{OAI}metadata")[0]
    parsed = {
        ox.Triple(q.subject, q.predicate, q.object)
        for q in ox.parse(ET.tostring(rdf), format=ox.RdfFormat.RDF_XML)
    }
    assert parsed == set(
        describe_triples(store, ox.NamedNode(BASE + "id/dataset/amma-atr42-aircraft"))
    )


def test_list_pages_carry_size_and_cursor(client):
    first = _get(client, "verb=ListIdentifiers&metadataPrefix=oai_dc").find(
        f"{OAI}ListIdentifiers/{OAI}resumptionToken"
    )
    total = int(first.get("completeListSize"))
    assert (first.get("cursor"), bool(first.text)) == ("0", True)
    token, cursor = first.text, 0
    while token:
        cursor += PAGE
        element = _get(client, f"verb=ListIdentifiers&resumptionToken={token}").find(
            f"{OAI}ListIdentifiers/{OAI}resumptionToken"
        )
        assert (element.get("cursor"), element.get("completeListSize")) == (str(cursor), str(total))
        token = element.text
    assert cursor == (total - 1) // PAGE * PAGE


def test_post_is_answered_as_get(client):
    get = client.get("/oai?verb=ListSets").data
    post = client.post("/oai", data={"verb": "ListSets"}).data
    strip = lambda data: data.split(b"</responseDate>", 1)[1]  # noqa: E731
    assert strip(get) == strip(post)


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("", "badVerb"),
        ("verb=Harvest", "badVerb"),
        ("verb=Identify&verb=ListSets", "badVerb"),
        ("verb=Identify&metadataPrefix=oai_dc", "badArgument"),
        ("verb=ListRecords", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=dcat", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&from=2024-13", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&from=2020-13-45", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&from=2021-02-29", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&until=2024-01-01T00:00:00", "badArgument"),
        ("verb=ListIdentifiers&metadataPrefix=oai_dc&bogus=1", "badArgument"),
        ("verb=ListSets&set=pole:odatis", "badArgument"),
        ("verb=GetRecord&metadataPrefix=oai_dc", "badArgument"),
        (
            "verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01&until=2024-02-01T00:00:00Z",
            "badArgument",
        ),
        ("verb=ListRecords&metadataPrefix=oai_dc&from=2024-02-01&until=2024-01-01", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&set=centre:sedoo", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=x", "badArgument"),
        ("verb=GetRecord&identifier=" + AMMA, "badArgument"),
        ("verb=ListRecords&resumptionToken=not-a-token", "badResumptionToken"),
        ("verb=ListRecords&resumptionToken=eyJvZmZzZXQiOiAiMSJ9", "badResumptionToken"),
        ("verb=ListSets&resumptionToken=abc", "badResumptionToken"),
        ("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat"),
        (
            "verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:data.gaia-data.fr:dataset/nope",
            "idDoesNotExist",
        ),
        ("verb=GetRecord&metadataPrefix=oai_dc&identifier=urn:x", "idDoesNotExist"),
        ("verb=ListMetadataFormats&identifier=oai:elsewhere:1", "idDoesNotExist"),
        ("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2100-01-01", "noRecordsMatch"),
        ("verb=ListIdentifiers&metadataPrefix=oai_dc&until=2000-01-01", "noRecordsMatch"),
        ("verb=ListIdentifiers&metadataPrefix=oai_dc&set=pole:nowhere", "noRecordsMatch"),
    ],
)
def test_protocol_errors_as_the_specification_says(client, query, code):
    root = _get(client, query)
    errors = root.findall(OAI + "error")
    assert [e.get("code") for e in errors] == [code]
    request = root.find(OAI + "request")
    if code in ("badVerb", "badArgument"):
        assert request.attrib == {}


#: each error code of the specification (section 3.6) that this repository can answer, as
#: Sickle raises it (``noMetadataFormats`` cannot happen: every item has ``oai_dc``;
#: ``noSetHierarchy`` neither: sets are supported)
SICKLE_ERRORS = [
    ("Identify", {"metadataPrefix": "oai_dc"}, "BadArgument"),
    ("ListRecords", {"metadataPrefix": "oai_dc", "from": "2020-13-45"}, "BadArgument"),
    ("ListRecords", {"resumptionToken": "not-a-token"}, "BadResumptionToken"),
    ("Harvest", {}, "BadVerb"),
    ("ListRecords", {"metadataPrefix": "marc21"}, "CannotDisseminateFormat"),
    ("GetRecord", {"metadataPrefix": "oai_dc", "identifier": "urn:x"}, "IdDoesNotExist"),
    ("ListIdentifiers", {"metadataPrefix": "oai_dc", "from": "2100-01-01"}, "NoRecordsMatch"),
]


def test_sickle_meets_each_error_as_its_exception(url):
    sickle = Sickle(url, max_retries=0)
    raised = {}
    for verb, arguments, _ in SICKLE_ERRORS:
        try:
            # the iterator Sickle's verbs use: it reads the error and raises its class
            next(OAIResponseIterator(sickle, {"verb": verb, **arguments}))
        except Exception as exc:  # noqa: BLE001 - the class is what is compared
            raised[(verb, arguments.get("metadataPrefix"))] = type(exc).__name__
    assert raised == {(v, a.get("metadataPrefix")): name for v, a, name in SICKLE_ERRORS}


def test_error_messages_in_french(client):
    root = _get(client, "verb=ListRecords&lang=fr")
    assert root.find(OAI + "error").text == "Argument « metadataPrefix » manquant."


def test_a_list_is_read_once_per_snapshot_every_record_once_with_its_latest_load(tmp_path):
    """Over a store another process writes (as served): the pages of a list give every
    record once, in IRI order, each with the latest load time of its record graphs; the
    members are listed once for the snapshot (the next pages read them from memory), and
    listed again once a load changed the store."""
    rdf, dcat = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/ns/dcat#"
    stamp = "http://www.w3.org/2001/XMLSchema#dateTime"

    def record(graph: str, resource: str, kind: str, loaded: str) -> None:
        g, r, n = ox.NamedNode(BASE + graph), ox.NamedNode(BASE + resource), ox.NamedNode
        writer = EmbeddedStore(tmp_path / "store")
        writer.replace_graph(
            g,
            [
                ox.Triple(g, n(rdf + "type"), n(GAIA + "RecordGraph")),
                ox.Triple(g, n(GAIA + "describes"), r),
                ox.Triple(
                    g,
                    n("http://www.w3.org/ns/prov#generatedAtTime"),
                    ox.Literal(loaded, datatype=n(stamp)),
                ),
                ox.Triple(r, n(rdf + "type"), n(dcat + kind)),
            ],
        )
        writer.close()

    record("g/1", "id/dataset/b", "Dataset", "2026-01-02T10:00:00Z")
    record("g/2", "id/dataset/b", "Dataset", "2026-03-04T10:00:00+00:00")  # the latest
    record("g/3", "id/dataset/a", "Dataset", "2026-02-01T08:30:00Z")
    record("g/4", "id/catalog/c", "Catalog", "2026-02-01T08:30:00Z")  # not a record type
    record("g/5", "id/service/s", "DataService", "2026-05-06T07:08:09Z")
    app = create_app(Settings(store=str(tmp_path / "store"), query_workers=1, reopen_seconds=0))
    app.config[PAGE_SIZE_KEY] = 2
    client = app.test_client()

    def harvest() -> list[tuple[str, str]]:
        found, args = [], "verb=ListIdentifiers&metadataPrefix=oai_dc"
        while args:
            root = _get(client, args).find(f"{OAI}ListIdentifiers")
            found += [
                (h.findtext(f"{OAI}identifier"), h.findtext(f"{OAI}datestamp"))
                for h in root.findall(f"{OAI}header")
            ]
            token = root.findtext(f"{OAI}resumptionToken")
            args = f"verb=ListIdentifiers&resumptionToken={token}" if token else ""
        return found

    try:
        misses = listings._KEPT.misses
        assert harvest() == [
            ("oai:data.gaia-data.fr:dataset/a", "2026-02-01T08:30:00Z"),
            ("oai:data.gaia-data.fr:dataset/b", "2026-03-04T10:00:00Z"),
            ("oai:data.gaia-data.fr:service/s", "2026-05-06T07:08:09Z"),
        ]
        assert listings._KEPT.misses == misses + 1  # two pages, one listing
        record("g/6", "id/dataset/a2", "Dataset", "2026-06-01T00:00:00Z")
        assert [identifier for identifier, _ in harvest()] == [
            "oai:data.gaia-data.fr:dataset/a",
            "oai:data.gaia-data.fr:dataset/a2",
            "oai:data.gaia-data.fr:dataset/b",
            "oai:data.gaia-data.fr:service/s",
        ]
    finally:
        app.extensions["gaia_kg"].close()
