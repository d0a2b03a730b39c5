"""What a load keeps of real records: the policy (reject only what cannot be a record, flag the
rest), repairs in provenance, records split per document, and the summary that adds up."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from helpers import BASE

from graph_loader.conformance import PROFILE
from graph_loader.pipeline import load_paths
from graph_loader.records import record_graph_iri
from graph_loader.report import export_records
from graph_loader.store import EmbeddedStore
from graph_loader.terms import FIRST_LOADED, GAIA_NS, GENERATED_AT, SOURCE

MIXED = Path(__file__).parent / "fixtures" / "load" / "mixed"
ID = BASE + "id/"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"


def _about(store, resource: str) -> dict[str, list]:
    """The provenance of a record graph: predicate (gaia: local name) -> objects."""
    graph = record_graph_iri(resource)
    found: dict[str, list] = {}
    for t in store.graph_triples(graph):
        if t.subject == graph:
            found.setdefault(t.predicate.value.removeprefix(GAIA_NS), []).append(t.object)
    return found


def test_the_summary_of_a_mixed_load_adds_up():
    report = load_paths(EmbeddedStore(None), [MIXED], base_iri=BASE)
    assert report.summary() == {
        "files": 6,
        "unreadable": {
            "broken.ttl": "not valid turtle: Parser error between line 2 column 57 and line 3 "
            "column 1: Unexpected end of file (line 2)"
        },
        "empty": {
            "organisations.ttl": "no dataset, service, publication or software; 2 subjects, "
            "types: foaf:Organization (2); its statements are kept in the file's source graph"
        },
        "vocabularies": {},
        "supplements": [],
        "files_with_records": [
            "catalogue.ttl",
            "dataset-bare-email.ttl",
            "dataset-without-description.ttl",
            "dataset-without-title.ttl",
        ],
        "records": 5,
        "loaded_as_is": 2,  # catalogue.ttl: a dataset and a service
        "loaded_repaired": 1,  # dataset-bare-email.ttl
        "repairs_by_kind": {"mailto": 1},
        "flagged": 1,  # dataset-without-description.ttl
        "defects_by_message": {
            "A description (dct:description) is mandatory and must be a text.": 1
        },
        "rejected": 1,  # dataset-without-title.ttl
        "rejected_by_reason": {"no title": 1},
        "duplicates": 0,
        "duplicate_files": [],
    }
    assert [e.split(":")[0] for e in report.empty_files] == ["organisations.ttl"]
    # a source graph is never a rejected record
    assert [o.kind for o in report.outcomes if o.status == "rejected"] == ["dataset"]
    assert not report.ok


def test_a_record_with_a_violation_is_loaded_flagged_with_its_defects():
    store = EmbeddedStore(None)
    load_paths(store, [MIXED], base_iri=BASE)
    about = _about(store, ID + "dataset/test-undescribed")
    assert about["validationOutcome"] == [ox.NamedNode(GAIA_NS + "NotConformant")]
    assert [int(n.value) for n in about["violationCount"]] == [1]
    errors = sorted(
        (m.language, m.value)
        for m in about["validationMessage"]
        if m.value.startswith(("error", "erreur"))
    )
    name = f"« A dataset without a description » <{ID}dataset/test-undescribed>"
    nom = f"« Un jeu de données sans description » <{ID}dataset/test-undescribed>"
    assert errors == [
        (
            "en",
            f"error: the dataset {name}, description (dct:description): "
            "A description (dct:description) is mandatory and must be a text.",
        ),
        (
            "fr",
            f"erreur : le jeu de données {nom}, description (dct:description) : "
            "Une description (dct:description) est obligatoire et doit être un texte.",
        ),
    ]
    # the rejected record left nothing
    ask = "ASK { GRAPH ?g { ?r ?p ?o } }"
    assert not store.query(ask, {"r": ox.NamedNode(ID + "dataset/test-untitled")})


def test_a_repair_is_written_in_the_record_provenance():
    store = EmbeddedStore(None)
    load_paths(store, [MIXED / "dataset-bare-email.ttl"], base_iri=BASE)
    graph = record_graph_iri(ID + "dataset/test-bare-email")
    rows = store.select(
        """SELECT ?kind ?p ?before ?after WHERE { GRAPH ?g {
             ?g ?repair ?r . ?r ?kindP ?kind ; ?predicate ?p ; ?beforeP ?before ; ?afterP ?after
           } }""",
        {
            "g": graph,
            "repair": ox.NamedNode(GAIA_NS + "repair"),
            "kindP": ox.NamedNode(GAIA_NS + "repairKind"),
            "predicate": ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate"),
            "beforeP": ox.NamedNode(GAIA_NS + "valueBefore"),
            "afterP": ox.NamedNode(GAIA_NS + "valueAfter"),
        },
    )
    assert [(r["kind"].value, r["p"].value, r["before"].value, r["after"].value) for r in rows] == [
        (
            "mailto",
            "http://www.w3.org/2006/vcard/ns#hasEmail",
            '"contact@example.org"',
            "<mailto:contact@example.org>",
        )
    ]
    emails = store.select(
        "SELECT ?e WHERE { GRAPH ?g { ?c <http://www.w3.org/2006/vcard/ns#hasEmail> ?e } }",
        {"g": graph},
    )
    assert [r["e"] for r in emails] == [ox.NamedNode("mailto:contact@example.org")]


def test_strict_rejects_every_record_with_a_violation():
    report = load_paths(EmbeddedStore(None), [MIXED], base_iri=BASE, strict=True)
    figures = report.summary()
    assert (figures["flagged"], figures["rejected"]) == (0, 2)
    assert figures["rejected_by_reason"] == {
        "A description (dct:description) is mandatory and must be a text.": 1,
        "no title": 1,
    }


def _write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(PREFIXES + text, encoding="utf-8")


PREFIXES = """@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
"""


def _dataset(slug: str, creator: str) -> str:
    return f"""<{ID}dataset/{slug}> a dcat:Dataset ; dct:title "{slug}"@en ;
    dct:description "About {slug}."@en ; dct:creator <{creator}> .
"""


def test_each_record_keeps_its_own_documents_description_of_a_shared_agent(tmp_path):
    orcid = "https://orcid.org/0000-0002-1825-0097"
    _write(
        tmp_path,
        {
            "a.ttl": _dataset("a", orcid) + f'<{orcid}> a foaf:Person ; foaf:name "J. Carberry" .',
            "b.ttl": _dataset("b", orcid)
            + f'<{orcid}> a foaf:Person ; foaf:name "Josiah Carberry" ;'
            + " foaf:mbox <mailto:j@c.org> .",
            "c.ttl": _dataset("c", orcid),  # names the agent without describing it
        },
    )
    store = EmbeddedStore(None)
    report = load_paths(store, [tmp_path], base_iri=BASE)
    assert report.count("loaded") == 3 and report.duplicates == []

    def about_agent(slug: str) -> set:
        graph = record_graph_iri(f"{ID}dataset/{slug}")
        return {
            (t.predicate.value.removeprefix(FOAF), t.object.value)
            for t in store.graph_triples(graph)
            if t.subject == ox.NamedNode(orcid)
        }

    person = ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", FOAF + "Person")
    assert about_agent("a") == {person, ("name", "J. Carberry")}
    assert about_agent("b") == {person, ("name", "Josiah Carberry"), ("mbox", "mailto:j@c.org")}
    assert about_agent("c") == set()


def test_a_file_of_agents_named_by_records_is_not_empty_but_one_nobody_names_is(tmp_path):
    orcid = "https://orcid.org/0000-0002-1825-0097"
    _write(
        tmp_path,
        {
            "a.ttl": _dataset("a", orcid),
            "people.ttl": f'<{orcid}> a foaf:Person ; foaf:name "Josiah Carberry" .',
            "others.ttl": '<https://ror.org/044jxhp58> a foaf:Organization ; foaf:name "IRD" .',
        },
    )
    store = EmbeddedStore(None)
    report = load_paths(store, [tmp_path], base_iri=BASE)
    assert report.empty == {
        "others.ttl": "no dataset, service, publication or software; 1 subject, types: "
        "foaf:Organization (1); its statements are kept in the file's source graph"
    }
    # the record does not borrow the description; the store still has it, in people.ttl's graph
    graph = record_graph_iri(ID + "dataset/a")
    assert [t for t in store.graph_triples(graph) if t.subject == ox.NamedNode(orcid)] == []
    assert store.query(
        'ASK { GRAPH ?g { ?p <http://xmlns.com/foaf/0.1/name> "Josiah Carberry" } }',
        {"p": ox.NamedNode(orcid)},
    )


def test_a_record_described_by_two_files_is_loaded_from_the_first_and_reported(tmp_path):
    _write(
        tmp_path,
        {
            "first.ttl": _dataset("same", "https://ror.org/02feahw73"),
            "second.ttl": _dataset("same", "https://ror.org/044jxhp58"),
        },
    )
    store = EmbeddedStore(None)
    report = load_paths(store, [tmp_path], base_iri=BASE)
    assert [(o.resource, o.source, o.status) for o in report.outcomes if o.kind != "source"] == [
        (ID + "dataset/same", "first.ttl", "loaded")
    ]
    assert report.duplicates == [
        f"second.ttl: <{ID}dataset/same> is already described by first.ttl: the record is "
        "loaded from first.ttl, the description in second.ttl is not loaded"
    ]
    assert report.summary()["duplicates"] == 1
    creators = store.select(
        "SELECT ?c WHERE { GRAPH ?g { ?d <http://purl.org/dc/terms/creator> ?c } }",
        {"d": ox.NamedNode(ID + "dataset/same")},
    )
    assert [r["c"].value for r in creators] == ["https://ror.org/02feahw73"]


def test_a_record_without_an_iri_is_rejected_and_a_blank_citation_stays_with_its_record(
    tmp_path,
):
    _write(
        tmp_path,
        {
            "anonymous.ttl": '[] a dcat:Dataset ; dct:title "Nameless"@en .',
            "cited.ttl": _dataset("citing", "https://ror.org/02feahw73")
            + f"<{ID}dataset/citing> dct:isReferencedBy [ a <https://schema.org/CreativeWork> ;"
            ' <https://schema.org/name> "A paper" ] .',
        },
    )
    store = EmbeddedStore(None)
    report = load_paths(store, [tmp_path], base_iri=BASE)
    rejected = [o for o in report.outcomes if o.status == "rejected"]
    assert [(o.kind, o.title, o.source, o.reasons) for o in rejected] == [
        ("dataset", "Nameless", "anonymous.ttl", ["no identifier"])
    ]
    assert rejected[0].problems == [
        "error: the dataset « Nameless » (anonymous.ttl) has no IRI (a blank node): nothing "
        "identifies it, it cannot be a record"
    ]
    graph = record_graph_iri(ID + "dataset/citing")
    names = [
        t.object.value for t in store.graph_triples(graph) if t.predicate.value.endswith("/name")
    ]
    assert names == ["A paper"]
    assert report.empty == {}  # the anonymous dataset is a rejected record, not an empty file


def test_relative_iris_resolve_against_the_file_or_the_base_given(tmp_path):
    _write(tmp_path / "cat", {"x.ttl": '<#ds> a dcat:Dataset ; dct:title "Relative"@en .'})
    store = EmbeddedStore(None)
    by_file = load_paths(store, [tmp_path / "cat"], base_iri=BASE)
    assert [o.resource for o in by_file.outcomes if o.kind == "dataset"] == [
        (tmp_path / "cat" / "x.ttl").resolve().as_uri() + "#ds"
    ]
    based = load_paths(
        EmbeddedStore(None),
        [tmp_path / "cat"],
        base_iri=BASE,
        document_base="https://example.org/catalogue/",
    )
    assert [o.resource for o in based.outcomes if o.kind == "dataset"] == [
        "https://example.org/catalogue/x.ttl#ds"
    ]


def test_export_says_which_records_do_not_conform():
    store = EmbeddedStore(None)
    load_paths(store, [MIXED], base_iri=BASE)
    exported = ox.Store()
    exported.load(export_records(store, "turtle"), format=ox.RdfFormat.TURTLE)
    rows = exported.query(
        """SELECT ?topic ?profile WHERE {
             ?r a <http://www.w3.org/ns/dcat#CatalogRecord> ;
                <http://xmlns.com/foaf/0.1/primaryTopic> ?topic .
             OPTIONAL { ?r <http://purl.org/dc/terms/conformsTo> ?profile }
           } ORDER BY ?topic"""
    )
    assert [(r["topic"].value, r["profile"]) for r in rows] == [
        (ID + "dataset/test-aod", PROFILE),
        (ID + "dataset/test-bare-email", PROFILE),
        (ID + "dataset/test-undescribed", None),
        (ID + "service/test-opendap", PROFILE),
    ]


# --- no record borrows another document's statements (real corpus) --------------------------

VOLATILE = {GENERATED_AT.value, FIRST_LOADED.value, SOURCE.value}


def _comparable(store, graph: ox.NamedNode) -> set:
    """A record graph's statements but its load time and file name; blank nodes (the repair
    nodes of provenance) by what they say."""
    triples = [t for t in store.graph_triples(graph) if t.predicate.value not in VOLATILE]
    blank: dict = {}
    for t in triples:
        if isinstance(t.subject, ox.BlankNode):
            blank.setdefault(t.subject, set()).add((t.predicate.value, str(t.object)))
    key = {node: frozenset(said) for node, said in blank.items()}
    return {
        (t.subject.value, t.predicate.value, key.get(t.object, str(t.object)))
        for t in triples
        if not isinstance(t.subject, ox.BlankNode)
    }


def _sharing_folders(shared: Path) -> list[Path]:
    real = shared / "corpora" / "real"
    return [
        folder
        for kind in ("dcat", "epos-dcat", "schemaorg")
        for folder in sorted((real / kind).iterdir())
        if folder.is_dir()
    ]


@pytest.mark.shared
def test_every_record_graph_equals_its_document_loaded_alone(shared):
    """In each corpus folder where files describe IRIs that other files name (agents, ORCID,
    ROR, shared services, records described twice), the record graphs of those files are
    those their file gives alone: nothing borrowed from another document."""
    checked = 0
    for folder in _sharing_folders(shared):
        together = EmbeddedStore(None)
        report = load_paths(together, [folder], base_iri=BASE)
        records = [o for o in report.outcomes if o.kind != "source" and o.status == "loaded"]
        described: dict[str, set] = {}  # IRI -> the files describing it
        mentioned: dict[str, set] = {}  # file -> the IRIs its records name
        for o in records:
            for t in together.graph_triples(record_graph_iri(o.resource)):
                if "/graph/record/" in t.subject.value:
                    continue
                if isinstance(t.subject, ox.NamedNode):
                    described.setdefault(t.subject.value, set()).add(o.source)
                for term in (t.subject, t.object):
                    if isinstance(term, ox.NamedNode):
                        mentioned.setdefault(o.source, set()).add(term.value)
        sharing = {
            source
            for source, iris in mentioned.items()
            if any(described.get(iri, set()) - {source} for iri in iris)
        }
        files = {f.name: f for f in folder.rglob("*") if f.is_file()}
        for source in sorted(sharing):
            alone = EmbeddedStore(None)
            load_paths(alone, [files.get(source) or folder / source], base_iri=BASE)
            for o in records:
                if o.source != source:
                    continue
                graph = record_graph_iri(o.resource)
                assert _comparable(together, graph) == _comparable(alone, graph), (
                    f"{folder.name}/{source}: <{o.resource}> differs from its document alone"
                )
                checked += 1
    assert checked >= 50


# --- the flag seen downstream: pages, feed, quality, harvest ---------------------------------


@pytest.fixture(scope="module")
def mixed_store():
    from graph_loader.bootstrap import initialise

    store = EmbeddedStore(None)
    list(initialise(store, infer=False, quiet=True))
    load_paths(store, [MIXED], base_iri=BASE)
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(mixed_store):
    from http_support import app_over

    with app_over(mixed_store) as app:
        yield app.test_client()


@pytest.mark.parametrize(
    "lang,head,defect",
    [
        (
            "en",
            "Record not conformant.",
            "error: the dataset « A dataset without a description » "
            f"<{ID}dataset/test-undescribed>, description (dct:description): A description "
            "(dct:description) is mandatory and must be a text.",
        ),
        (
            "fr",
            "Fiche non conforme.",
            "erreur : le jeu de données « Un jeu de données sans description » "
            f"<{ID}dataset/test-undescribed>, description (dct:description) : Une description "
            "(dct:description) est obligatoire et doit être un texte.",
        ),
    ],
)
def test_the_page_of_a_flagged_record_says_so_with_its_defects(client, lang, head, defect):
    from html_support import parse_html

    page = client.get(f"/id/dataset/test-undescribed?lang={lang}", headers={"Accept": "text/html"})
    assert page.status_code == 200
    html = parse_html(page.get_data(as_text=True))
    notice = html.find("section", id="not-conformant")
    assert notice.find("strong").text() == head
    assert [li.text().strip() for li in notice.find_all("li")] == [defect]
    clean = client.get(f"/id/dataset/test-aod?lang={lang}", headers={"Accept": "text/html"})
    assert parse_html(clean.get_data(as_text=True)).find_all("section", id="not-conformant") == []


def test_the_feed_says_which_records_do_not_conform(client):
    response = client.get("/catalog", headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    feed = ox.Store()
    feed.load(response.get_data(), format=ox.RdfFormat.N_TRIPLES)
    rows = feed.query(
        """SELECT ?topic ?profile ?description WHERE {
             <https://data.gaia-data.fr/catalog> <http://www.w3.org/ns/dcat#record> ?r .
             ?r <http://xmlns.com/foaf/0.1/primaryTopic> ?topic .
             OPTIONAL { ?r <http://purl.org/dc/terms/conformsTo> ?profile }
             OPTIONAL { ?r <http://purl.org/dc/terms/description> ?description
                        FILTER(lang(?description) = "en") }
           } ORDER BY ?topic"""
    )
    assert [(r["topic"].value, r["profile"], r["description"]) for r in rows] == [
        (ID + "dataset/test-aod", PROFILE, None),
        (ID + "dataset/test-bare-email", PROFILE, None),
        (
            ID + "dataset/test-undescribed",
            None,
            ox.Literal(
                "Record not conformant to the GAIA profile of DCAT-AP 3; defects: error: the "
                "dataset « A dataset without a description » "
                f"<{ID}dataset/test-undescribed>, description (dct:description): A description "
                "(dct:description) is mandatory and must be a text.",
                language="en",
            ),
        ),
        (ID + "service/test-opendap", PROFILE, None),
    ]


def test_the_quality_dashboard_and_fix_list_show_the_flagged_record(mixed_store):
    from graph_loader.quality import quality_summary, record_quality

    summary = quality_summary(mixed_store, "en")
    assert summary["flagged"] == 1
    assert summary["flaggedRecords"] == [
        {
            "iri": ID + "dataset/test-undescribed",
            "source": "dataset-without-description.ttl",
            "violations": 1,
        }
    ]
    by_source = {g["key"]: g["flagged"] for g in summary["sources"]}
    assert by_source["dataset-without-description.ttl"] == 1
    assert by_source["catalogue.ttl"] == 0
    found = record_quality(mixed_store, ID + "dataset/test-undescribed", "en")
    assert found["conformant"] is False
    assert found["problems"][0] == found["defects"][0]
    assert found["defects"][0].startswith("error: the dataset « A dataset without a description »")


def _harvest(store, folder: Path, **declared):
    from graph_loader.harvest import harvest
    from graph_loader.harvest.config import parse_sources

    toml = f'[sources.files]\nkind = "directory"\npath = "{folder}"\n'
    toml += "".join(f'{k} = "{v}"\n' for k, v in declared.items())
    config = parse_sources(toml, name="sources.toml")["files"]
    return harvest(store, config, base_iri=BASE)


def test_a_harvest_flags_by_default_and_a_strict_source_rejects(tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    for name in ("dataset-without-description.ttl", "dataset-bare-email.ttl"):
        (folder / name).write_bytes((MIXED / name).read_bytes())
    flagging = _harvest(EmbeddedStore(None), folder)
    assert [(r.identifier, r.status, len(r.defects), r.repairs) for r in flagging.results] == [
        ("dataset-bare-email.ttl", "loaded", 0, 1),
        ("dataset-without-description.ttl", "loaded", 1, 0),
    ]
    assert flagging.to_json()["flagged"] == 1 and flagging.to_json()["repaired"] == 1
    strict = _harvest(EmbeddedStore(None), folder, policy="strict")
    assert [(r.identifier, r.status) for r in strict.results] == [
        ("dataset-bare-email.ttl", "loaded"),
        ("dataset-without-description.ttl", "rejected"),
    ]
    with pytest.raises(Exception, match="policy must be flag or strict"):
        _harvest(EmbeddedStore(None), folder, policy="lenient")
