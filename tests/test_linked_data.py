"""Dereferenceable IRIs over the demo catalogue: negotiation table, round trips, redirects,
the resource page, the helpful 404, FAIR Signposting."""

from __future__ import annotations

import json
import re

import pyoxigraph as ox
import pytest
from demo_support import demo_store
from helpers import BASE
from http_support import app_over

from graph_loader.centroid import centroids
from graph_loader.conformance import first_load_triples, licence_types_of
from graph_loader.namespaces import RDF, SKOS
from graph_loader.terms import DESCRIBES, RDF_TYPE, RECORD_GRAPH
from sparql_api.linked_data.dereference import FORMATS, RDF_FORMATS, describe_triples
from sparql_api.linked_data.schemaorg import dataset_jsonld

DCT_TYPE = ox.NamedNode("http://purl.org/dc/terms/type")
DATASET = BASE + "id/dataset/amma-atr42-aircraft"
LABELS = {
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://purl.org/dc/terms/title",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "https://schema.org/name",
    "http://xmlns.com/foaf/0.1/name",
}
#: one resource of every type, and the path that dereferences it
RESOURCES = {
    "dataset": (DATASET, "/id/dataset/amma-atr42-aircraft"),
    "service": (BASE + "id/service/argo-gdac", "/id/service/argo-gdac"),
    "publication": (
        BASE + "id/publication/beyreuther-2010-obspy",
        "/id/publication/beyreuther-2010-obspy",
    ),
    "software": (BASE + "id/software/argopy", "/id/software/argopy"),
    "catalog": (BASE + "id/catalog/gaia-data-demo", "/id/catalog/gaia-data-demo"),
    "agent": (BASE + "id/agent/sedoo", "/id/agent/sedoo"),
    "distribution": (
        BASE + "id/distribution/amma-atr42-aircraft-1",
        "/id/distribution/amma-atr42-aircraft-1",
    ),
    "concept": (
        "https://w3id.org/gaia-kg/thesaurus/ozone",
        "/id?uri=https://w3id.org/gaia-kg/thesaurus/ozone",
    ),
    "datacentre": (
        "https://w3id.org/gaia-kg/org/sedoo",
        "/id?uri=https://w3id.org/gaia-kg/org/sedoo",
    ),
    "pole": ("https://w3id.org/gaia-kg/org/aeris", "/id?uri=https://w3id.org/gaia-kg/org/aeris"),
}
#: the three ways of asking for a format: extension, ?f=, Accept
WAYS = ("extension", "f", "accept")


@pytest.fixture(scope="module")
def store():
    store = demo_store()
    hostile = ox.NamedNode(BASE + "id/dataset/hostile")
    graph = ox.NamedNode("https://w3id.org/gaia-kg/graph/record/test-hostile")
    dcat = "http://www.w3.org/ns/dcat#"
    store.replace_graph(
        graph,
        [
            ox.Triple(hostile, RDF_TYPE, ox.NamedNode(dcat + "Dataset")),
            ox.Triple(
                hostile,
                ox.NamedNode("http://purl.org/dc/terms/title"),
                ox.Literal("<script>alert(1)</script>", language="en"),
            ),
            ox.Triple(graph, RDF_TYPE, RECORD_GRAPH),
            ox.Triple(graph, DESCRIBES, hostile),
        ],
    )
    return store


@pytest.fixture(scope="module")
def client(store):
    with app_over(store) as app:
        yield app.test_client()


def _url(path: str, way: str, name: str) -> tuple[str, dict]:
    if way == "extension":
        return f"{path}.{FORMATS[name].extension}", {}
    if way == "f":
        return f"{path}{'&' if '?' in path else '?'}f={name}", {}
    return path, {"Accept": FORMATS[name].media_type}


def _parse(data: bytes, name: str) -> set[ox.Triple]:
    return {
        ox.Triple(q.subject, q.predicate, q.object)
        for q in ox.parse(data, format=FORMATS[name].rdf)
    }


@pytest.mark.parametrize("kind", sorted(RESOURCES))
def test_every_format_of_every_type_parses_back_into_the_description(client, store, kind):
    iri, path = RESOURCES[kind]
    expected = set(describe_triples(store, ox.NamedNode(iri)))
    assert any(t.subject.value == iri for t in expected)
    for way in WAYS:
        if way == "extension" and "?" in path:
            continue  # /id?uri= documents have no extension
        for name in RDF_FORMATS:
            url, headers = _url(path, way, name)
            response = client.get(url, headers=headers)
            assert (response.status_code, response.mimetype) == (
                200,
                FORMATS[name].media_type,
            ), url
            assert "Accept" in response.headers["Vary"]
            assert _parse(response.data, name) == expected, (kind, way, name)


def test_a_record_description_is_its_record_graph_plus_labels_and_types_of_its_links(store):
    """The record graph whole with what is derived on read from it (its first load, change
    type and box centres), and of each IRI it links to its labels (to show it) and its types
    and schemes (DCAT-AP checks them: a theme is a skos:Concept), a known licence's ADMS type."""
    iri = ox.NamedNode(DATASET)
    described = set(describe_triples(store, iri))
    graph = store.select(
        "SELECT ?g WHERE { GRAPH ?g { ?g <https://w3id.org/gaia-kg/ontology#describes> ?r } }",
        {"r": iri},
    )[0]["g"]
    stored = store.graph_triples(graph)
    record = {*stored, *first_load_triples(graph, stored), *centroids(stored)}
    assert len(record) > len(stored) + 1  # its first load, change type and a centre
    assert record <= described
    linked = {
        t.object
        for t in record
        if isinstance(t.object, ox.NamedNode) and t.predicate.value != str(RDF.type)
    }
    licence_types = licence_types_of(record)
    assert {
        (t.subject.value, t.object.value) for t in licence_types if t.predicate == DCT_TYPE
    } == {
        (
            "http://creativecommons.org/licenses/by/4.0/",
            "http://purl.org/adms/licencetype/Attribution",
        )
    }
    assert licence_types <= described
    extra = described - record - licence_types
    assert {t.subject in linked for t in extra} == {True}
    kept = LABELS | {str(RDF.type), str(SKOS.inScheme)}
    assert {t.predicate.value for t in extra} <= kept
    about = {(t.subject.value, t.predicate.value) for t in extra}
    for subject in (
        "https://w3id.org/gaia-kg/thesaurus/ozone",
        "https://w3id.org/gaia-kg/org/aeris",
        BASE + "id/publication/redelsperger-2006-amma",
    ):
        assert {p for s, p in about if s == subject} & LABELS, subject
    ozone = ox.NamedNode("https://w3id.org/gaia-kg/thesaurus/ozone")
    assert ox.Triple(ozone, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(SKOS.Concept))) in extra


def test_an_agent_description_is_what_every_graph_but_inference_says_of_it(store):
    """With the labels, types and schemes of what it links to (the data centre of the
    organisations vocabulary, its homepage)."""
    described = describe_triples(store, ox.NamedNode(BASE + "id/agent/sedoo"))
    assert sorted((t.subject.value, t.predicate.value, str(t.object)) for t in described) == [
        (
            BASE + "id/agent/sedoo",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            "<http://xmlns.com/foaf/0.1/Agent>",
        ),
        (
            BASE + "id/agent/sedoo",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            "<http://xmlns.com/foaf/0.1/Organization>",
        ),
        (
            BASE + "id/agent/sedoo",
            "http://www.w3.org/2000/01/rdf-schema#seeAlso",
            "<https://w3id.org/gaia-kg/org/sedoo>",
        ),
        (BASE + "id/agent/sedoo", "http://xmlns.com/foaf/0.1/homepage", "<https://www.sedoo.fr/>"),
        (
            BASE + "id/agent/sedoo",
            "http://xmlns.com/foaf/0.1/name",
            '"SEDOO data service (OMP Toulouse)"@en',
        ),
        (
            BASE + "id/agent/sedoo",
            "http://xmlns.com/foaf/0.1/name",
            '"Service de données SEDOO (OMP Toulouse)"@fr',
        ),
        (
            "https://w3id.org/gaia-kg/org/sedoo",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            "<http://www.w3.org/2004/02/skos/core#Concept>",
        ),
        (
            "https://w3id.org/gaia-kg/org/sedoo",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            "<http://xmlns.com/foaf/0.1/Organization>",
        ),
        (
            "https://w3id.org/gaia-kg/org/sedoo",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            "<https://w3id.org/gaia-kg/ontology#DataCentre>",
        ),
        (
            "https://w3id.org/gaia-kg/org/sedoo",
            "http://www.w3.org/2004/02/skos/core#inScheme",
            "<https://w3id.org/gaia-kg/org/scheme>",
        ),
        (
            "https://w3id.org/gaia-kg/org/sedoo",
            "http://www.w3.org/2004/02/skos/core#prefLabel",
            '"SEDOO – Data service of the Midi-Pyrénées Observatory (Toulouse)"@en',
        ),
        (
            "https://w3id.org/gaia-kg/org/sedoo",
            "http://www.w3.org/2004/02/skos/core#prefLabel",
            '"SEDOO – Service de données de l\'Observatoire Midi-Pyrénées (Toulouse)"@fr',
        ),
        (
            "https://w3id.org/gaia-kg/org/sedoo",
            "http://xmlns.com/foaf/0.1/name",
            '"SEDOO – Data service of the Midi-Pyrénées Observatory (Toulouse)"@en',
        ),
        (
            "https://w3id.org/gaia-kg/org/sedoo",
            "http://xmlns.com/foaf/0.1/name",
            '"SEDOO – Service de données de l\'Observatoire Midi-Pyrénées (Toulouse)"@fr',
        ),
        (
            "https://www.sedoo.fr/",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            "<http://www.w3.org/2000/01/rdf-schema#Resource>",
        ),
        (
            "https://www.sedoo.fr/",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            "<http://xmlns.com/foaf/0.1/Document>",
        ),
    ]


BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.parametrize(
    ("url", "accept", "expected"),
    [
        ("/id/dataset/amma-atr42-aircraft", None, "text/html"),
        ("/id/dataset/amma-atr42-aircraft", "*/*", "text/html"),
        ("/id/dataset/amma-atr42-aircraft", BROWSER, "text/html"),
        ("/id/dataset/amma-atr42-aircraft", "application/ld+json", "application/ld+json"),
        (
            "/id/dataset/amma-atr42-aircraft",
            "text/turtle;q=0.5, application/rdf+xml",
            "application/rdf+xml",
        ),
        ("/id/dataset/amma-atr42-aircraft?f=nt", "application/ld+json", "application/n-triples"),
        ("/id/dataset/amma-atr42-aircraft.ttl?f=nt", "application/ld+json", "text/turtle"),
        ("/id/dataset/amma-atr42-aircraft.html", "text/turtle", "text/html"),
        ("/id/dataset/amma-atr42-aircraft?f=turtle", None, "text/turtle"),
        ("/id/dataset/amma-atr42-aircraft?f=linkset", None, "application/linkset+json"),
        ("/id/dataset/amma-atr42-aircraft", "application/linkset+json", "application/linkset+json"),
    ],
)
def test_precedence_extension_then_f_then_accept(client, url, accept, expected):
    response = client.get(url, headers={"Accept": accept} if accept else {})
    assert (response.status_code, response.mimetype) == (200, expected)
    assert "Accept" in response.headers["Vary"]


def test_the_resource_iri_answers_200_naming_its_document(client):
    response = client.get("/id/dataset/amma-atr42-aircraft", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert response.headers["Content-Location"] == "/id/dataset/amma-atr42-aircraft.ttl"
    assert response.headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    ("url", "status", "error"),
    [
        ("/id/dataset/amma-atr42-aircraft?f=docx", 400, "unknown_format"),
        ("/id?uri=", 400, "uri_missing"),
        ("/id?uri=not%20an%20iri", 400, "bad_iri"),
    ],
)
def test_bad_requests_get_a_bilingual_4xx(client, url, status, error):
    for lang in ("en", "fr"):
        url_lang = url + ("&" if "?" in url else "?") + f"lang={lang}"
        response = client.get(url_lang, headers={"Accept": "application/json"})
        body = response.get_json()
        assert (response.status_code, body["error"], body["lang"]) == (status, error, lang)
        page = client.get(url_lang, headers={"Accept": "text/html"})  # a reader: a page
        assert (page.status_code, page.mimetype, page.headers["Content-Language"]) == (
            status,
            "text/html",
            lang,
        )


def test_nothing_acceptable_is_406(client):
    response = client.get("/id/dataset/amma-atr42-aircraft", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.get_json()["error"] == "ld_not_acceptable"


@pytest.mark.parametrize(
    ("url", "location"),
    [
        ("/id?uri=" + DATASET, "/id/dataset/amma-atr42-aircraft"),
        ("/id?uri=https://w3id.org/gaia-kg/thesaurus/ozone", "/concepts/ozone"),
        ("/id?uri=https://doi.org/10.1785/gssrl.81.3.530", "/id/publication/beyreuther-2010-obspy"),
        ("/doi/10.1785/GSSRL.81.3.530", "/id/publication/beyreuther-2010-obspy"),
        ("/doi/doi:10.1785/gssrl.81.3.530", "/id/publication/beyreuther-2010-obspy"),
    ],
)
def test_lookups_redirect_303_to_our_page(client, url, location):
    response = client.get(url)
    assert (response.status_code, response.headers["Location"]) == (303, location)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


@pytest.mark.parametrize(
    ("lang", "title", "hint"),
    [
        ("fr", "Ressource introuvable", "Vouliez-vous dire"),
        ("en", "Resource not found", "Did you mean"),
    ],
)
def test_an_unknown_resource_gets_a_404_page_that_helps(client, lang, title, hint):
    response = client.get(f"/id/dataset/amma-radiosonde?lang={lang}")
    assert (response.status_code, response.mimetype) == (404, "text/html")
    html = response.data.decode()
    assert f"<h1>{title}</h1>" in html
    assert hint in html
    links = re.findall(r'<li><a href="([^"]+)">', html)
    assert "/id/dataset/amma-radiosondes" in links
    assert "/id/dataset/amma-atr42-aircraft" in links
    assert '<a class="search-link" href="/search?q=amma+radiosonde">' in html
    assert client.get("/doi/10.9999/none").status_code == 404


def test_the_dataset_page_shows_properties_related_provenance_formats_and_schema_org(client, store):
    html = client.get("/id/dataset/amma-atr42-aircraft?lang=en").data.decode()
    assert "<h1>AMMA SAFIRE ATR 42 airborne measurements</h1>" in html
    sections = re.findall(r'<section id="([a-z-]+)"', html)
    generic = ["summary", "properties", "related", "provenance", "formats"]
    assert [s for s in sections if s in generic] == generic  # W adds the dataset sections
    related = re.findall(r'<span class="relation">([^<]+)</span> <a href="([^"]+)">', html)
    assert related == [
        ("served by", "/id/service/sedoo-campaign-databases"),
        ("is referenced by", "/id/publication/redelsperger-2006-amma"),
        ("listed in catalogue", "/id/catalog/gaia-data-demo"),
    ]
    assert "according to aeris.ttl, publications.ttl" in html
    formats = re.findall(r'<a href="([^"]+)" type="([^"]+)" rel="alternate">', html)
    assert formats == [
        ("/id/dataset/amma-atr42-aircraft.ttl", "text/turtle"),
        ("/id/dataset/amma-atr42-aircraft.jsonld", "application/ld+json"),
        ("/id/dataset/amma-atr42-aircraft.rdf", "application/rdf+xml"),
        ("/id/dataset/amma-atr42-aircraft.nt", "application/n-triples"),
        ("/id/dataset/amma-atr42-aircraft?f=linkset", "application/linkset+json"),
    ]
    embedded = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert json.loads(embedded.group(1)) == dataset_jsonld(store, DATASET, BASE)


def test_harvested_text_is_escaped(client):
    html = client.get("/id/dataset/hostile").data.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    embedded = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert json.loads(embedded.group(1))["name"] == "<script>alert(1)</script>"


def test_every_kind_has_an_html_page_in_both_languages(client):
    for kind, (_, path) in RESOURCES.items():
        if kind == "concept":
            continue  # redirected to /concepts/<slug>
        for lang in ("fr", "en"):
            response = client.get(path + ("&" if "?" in path else "?") + f"lang={lang}")
            assert (response.status_code, response.headers["Content-Language"]) == (200, lang)
            assert f'<html lang="{lang}">' in response.data.decode()


SIGNPOSTS = [
    f'<{DATASET}> ; rel="cite-as"',
    f'<{DATASET}.ttl> ; rel="describedby" ; type="text/turtle"',
    f'<{DATASET}.jsonld> ; rel="describedby" ; type="application/ld+json"',
    f'<{DATASET}.rdf> ; rel="describedby" ; type="application/rdf+xml"',
    f'<{DATASET}.nt> ; rel="describedby" ; type="application/n-triples"',
    '<https://schema.org/Dataset> ; rel="type"',
    '<https://schema.org/AboutPage> ; rel="type"',
    '<https://baobab.sedoo.fr/> ; rel="item"',
    '<http://creativecommons.org/licenses/by/4.0/> ; rel="license"',
    f'<{BASE}id/agent/sedoo> ; rel="author"',
    f'<{DATASET}?f=linkset> ; rel="linkset" ; type="application/linkset+json"',
]


def test_landing_pages_carry_fair_signposting_links(client):
    for accept in ("text/html", "text/turtle"):
        response = client.get("/id/dataset/amma-atr42-aircraft", headers={"Accept": accept})
        assert response.headers["Link"].split(", <") == [
            SIGNPOSTS[0],
            *(s.removeprefix("<") for s in SIGNPOSTS[1:]),
        ]


def test_a_doi_is_the_cite_as_link(client):
    response = client.get(
        "/id/publication/beyreuther-2010-obspy", headers={"Accept": "text/turtle"}
    )
    first = response.headers["Link"].split(", <")[0]
    assert first == '<https://doi.org/10.1785/gssrl.81.3.530> ; rel="cite-as"'


def test_the_linkset_says_the_same_as_the_link_header(client):
    response = client.get("/id/dataset/amma-atr42-aircraft?f=linkset")
    assert response.mimetype == "application/linkset+json"
    describedby = [
        {"href": f"{DATASET}.{FORMATS[n].extension}", "type": FORMATS[n].media_type}
        for n in RDF_FORMATS
    ]
    assert response.get_json() == {
        "linkset": [
            {
                "anchor": DATASET,
                "cite-as": [{"href": DATASET}],
                "describedby": describedby,
                "type": [
                    {"href": "https://schema.org/Dataset"},
                    {"href": "https://schema.org/AboutPage"},
                ],
                "item": [{"href": "https://baobab.sedoo.fr/"}],
                "license": [{"href": "http://creativecommons.org/licenses/by/4.0/"}],
                "author": [{"href": BASE + "id/agent/sedoo"}],
                "linkset": [{"href": DATASET + "?f=linkset", "type": "application/linkset+json"}],
            },
            *({"anchor": d["href"], "describes": [{"href": DATASET}]} for d in describedby),
        ]
    }


def test_a_slug_that_makes_no_iri_is_a_404_not_an_error(client):
    response = client.get("/id/dataset/two%20words")
    assert (response.status_code, response.mimetype) == (404, "text/html")


@pytest.mark.shared
def test_every_dataset_and_service_description_conforms_to_the_official_dcat_ap_3_shapes(
    client, store, shared
):
    """``/id/…`` as Turtle, every dataset and data service of the demo, read together: what
    they link to is typed as DCAT-AP wants (themes, licences, formats, frequencies)."""
    from rdflib import Graph
    from test_demo_catalogue import _dcat_ap_shapes, _violations

    rows = store.select(
        "SELECT DISTINCT ?r WHERE { GRAPH ?g { ?g ?describes ?r . ?r a ?t "
        "VALUES ?t { <http://www.w3.org/ns/dcat#Dataset> <http://www.w3.org/ns/dcat#DataService> }"
        " } }",
        {"describes": DESCRIBES},
    )
    data = Graph()
    rows = [row for row in rows if row["r"].value != BASE + "id/dataset/hostile"]  # not demo
    for row in rows:
        response = client.get(
            row["r"].value.removeprefix(BASE.rstrip("/")), headers={"Accept": "text/turtle"}
        )
        assert response.status_code == 200, row["r"].value
        data.parse(data=response.data, format="turtle")
    assert len(rows) >= 150
    assert _violations(data, _dcat_ap_shapes("full")) == []


def test_item_links_are_typed_by_media_type_else_by_the_format_of_a_download():
    from sparql_api.linked_data.signposting import signposts

    def t(s, p, o):
        return ox.Triple(ox.NamedNode(s), ox.NamedNode(p), o)

    dcat, dct = "http://www.w3.org/ns/dcat#", "http://purl.org/dc/terms/"
    eu = "http://publications.europa.eu/resource/authority/file-type/"
    ds = "https://x.org/d"
    triples = [t(ds, dcat + "distribution", ox.NamedNode(f"https://x.org/{n}")) for n in "abcde"]
    triples += [
        # an IANA IRI, as most converters write dcat:mediaType
        t("https://x.org/a", dcat + "downloadURL", ox.NamedNode("https://x.org/a.csv")),
        t(
            "https://x.org/a",
            dcat + "mediaType",
            ox.NamedNode("https://www.iana.org/assignments/media-types/text/csv"),
        ),
        # text
        t("https://x.org/b", dcat + "accessURL", ox.NamedNode("https://x.org/api")),
        t("https://x.org/b", dcat + "mediaType", ox.Literal("application/json")),
        # a download with only its format
        t("https://x.org/c", dcat + "downloadURL", ox.NamedNode("https://x.org/c.nc")),
        t("https://x.org/c", dct + "format", ox.NamedNode(eu + "NETCDF")),
        # a portal page: the format is the data's, not the page's
        t("https://x.org/d", dcat + "accessURL", ox.NamedNode("https://x.org/portal")),
        t("https://x.org/d", dct + "format", ox.NamedNode(eu + "NETCDF")),
        # nothing registered
        t("https://x.org/e", dcat + "downloadURL", ox.NamedNode("https://x.org/e.bin")),
        t("https://x.org/e", dct + "format", ox.Literal("binary blob")),
    ]
    items = [link for link in signposts(triples, ds, "dataset", ds) if link["rel"] == "item"]
    assert items == [
        {"href": "https://x.org/a.csv", "rel": "item", "type": "text/csv"},
        {"href": "https://x.org/api", "rel": "item", "type": "application/json"},
        {"href": "https://x.org/c.nc", "rel": "item", "type": "application/x-netcdf"},
        {"href": "https://x.org/portal", "rel": "item"},
        {"href": "https://x.org/e.bin", "rel": "item"},
    ]
