"""The personal space's core (no Flask): accounts, collections, exports, the limiter."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from accounts_support import AMMA, ARGO, MEMBERS, PASSWORD, WMS, members_store
from sqlalchemy import text

from graph_loader.config import Settings
from sparql_api.accounts import collections as core
from sparql_api.accounts import users
from sparql_api.accounts.db import UserDB
from sparql_api.accounts.export import catalogue_triples, export, members
from sparql_api.accounts.ratelimit import RateLimiter

GONE = "https://data.gaia-data.fr/id/dataset/withdrawn"
CATALOGUE = "http://localhost/collections/1"


@pytest.fixture
def db(tmp_path):
    found = UserDB(Settings(store=":memory:", user_db=str(tmp_path / "u.sqlite")).user_db_url())
    yield found
    found.close()


def test_user_db_defaults_beside_the_store(tmp_path):
    store = tmp_path / "var" / "store"
    assert Settings(store=str(store)).user_db_url() == f"sqlite:///{tmp_path}/var/users.sqlite"
    assert Settings(store=":memory:").user_db_url() == "sqlite://"
    assert Settings(user_db="postgresql+psycopg://gaia@db/users").user_db_url() == (
        "postgresql+psycopg://gaia@db/users"
    )


def test_passwords_are_stored_as_argon2id_hashes_only(db):
    user = users.sign_up(db, " Ada@Example.ORG ", PASSWORD)
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT email, password_hash FROM users")).all()
    assert [(email, stored.split("$")[1]) for email, stored in rows] == [
        ("ada@example.org", "argon2id")
    ]
    assert PASSWORD not in rows[0][1]
    assert users.authenticate(db, "ADA@example.org", PASSWORD).id == user.id
    assert users.authenticate(db, "ada@example.org", PASSWORD + "!") is None
    assert users.authenticate(db, "nobody@example.org", PASSWORD) is None


@pytest.mark.parametrize(
    ("email", "password", "key"),
    [
        ("not-an-address", PASSWORD, "email_invalid"),
        ("ada@example.org", "short", "password_short"),
        ("ADA@example.org", PASSWORD, "email_taken"),
    ],
)
def test_sign_up_refusals(db, email, password, key):
    users.sign_up(db, "ada@example.org", PASSWORD)
    with pytest.raises(users.AccountError) as caught:
        users.sign_up(db, email, password)
    assert caught.value.key == key


def test_a_reset_token_works_once(db):
    users.sign_up(db, "ada@example.org", PASSWORD)
    assert users.start_reset(db, "nobody@example.org") is None
    user, token = users.start_reset(db, "ada@example.org")
    users.finish_reset(db, token, "a brand new secret")
    assert users.authenticate(db, "ada@example.org", "a brand new secret").id == user.id
    assert users.authenticate(db, "ada@example.org", PASSWORD) is None
    with pytest.raises(users.AccountError) as caught:
        users.finish_reset(db, token, "yet another secret")
    assert caught.value.key == "reset_invalid"


def test_collections_belong_to_their_owner(db):
    ada = users.sign_up(db, "ada@example.org", PASSWORD).id
    bob = users.sign_up(db, "bob@example.org", PASSWORD).id
    first = core.create_collection(db, ada, "  Ocean   & air ", "Two datasets")
    core.add_item(db, ada, first.id, ARGO)
    core.add_item(db, ada, first.id, AMMA)
    core.add_item(db, ada, first.id, ARGO)  # twice: once
    core.update_collection(db, ada, first.id, title="Ocean and air", description="")
    second = core.create_collection(db, ada, "Empty")
    core.remove_item(db, ada, first.id, AMMA)
    assert core.list_collections(db, ada) == [
        {"id": first.id, "title": "Ocean and air", "description": "", "count": 1, "shared": False},
        {"id": second.id, "title": "Empty", "description": "", "count": 0, "shared": False},
    ]
    assert core.list_collections(db, bob) == []
    for attempt in (
        lambda: core.get_collection(db, bob, first.id),
        lambda: core.add_item(db, bob, first.id, WMS),
        lambda: core.remove_item(db, bob, first.id, ARGO),
        lambda: core.update_collection(db, bob, first.id, title="Mine now"),
        lambda: core.share(db, bob, first.id),
        lambda: core.delete_collection(db, bob, first.id),
        lambda: core.get_collection(db, ada, 9999),
    ):
        with pytest.raises(core.NotFound):
            attempt()
    assert [i.iri for i in core.get_collection(db, ada, first.id).items] == [ARGO]
    core.delete_collection(db, ada, first.id)
    assert [c["id"] for c in core.list_collections(db, ada)] == [second.id]


@pytest.mark.parametrize(
    ("title", "iri", "key"),
    [
        ("", ARGO, "title_missing"),
        ("x" * 201, ARGO, "title_long"),
        ("ok", "javascript:alert(1)", "iri_invalid"),
        ("ok", "https://a.example/with space", "iri_invalid"),
    ],
)
def test_collection_refusals(db, title, iri, key):
    ada = users.sign_up(db, "ada@example.org", PASSWORD).id
    with pytest.raises(users.AccountError) as caught:
        core.add_item(db, ada, core.create_collection(db, ada, title).id, iri)
    assert caught.value.key == key


def test_a_share_link_is_secret_and_revocable(db):
    ada = users.sign_up(db, "ada@example.org", PASSWORD).id
    cid = core.create_collection(db, ada, "Shared").id
    first = core.share(db, ada, cid)
    assert core.shared_collection(db, first).id == cid
    second = core.share(db, ada, cid)  # renewing revokes the first link
    assert len(second) >= 32 and second != first
    with pytest.raises(core.NotFound):
        core.shared_collection(db, first)
    core.unshare(db, ada, cid)
    for token in (second, "", "x" * 65):
        with pytest.raises(core.NotFound):
            core.shared_collection(db, token)


@pytest.fixture(scope="module")
def found():
    store = members_store()
    return members(store, [ARGO, AMMA, WMS, GONE], "https://data.gaia-data.fr/", "en")


def write(name, found) -> str:
    return export(name, CATALOGUE, "Ocean & air", "Two datasets", "2026-11-26", found).decode()


def test_bibtex_export(found):
    assert write("bib", found) == (
        "@misc{https___doi_org_10_17882_42182,\n"
        "  author = {Argo GDAC \\& Coriolis},\n  year = {2000},\n"
        "  title = {Argo profiles \\{real time\\}},\n  doi = {10.17882/42182},\n"
        "  url = {https://doi.org/10.17882/42182},\n  howpublished = {Dataset}\n}\n\n"
        "@misc{AMMA-RS-2006,\n  author = {SEDOO},\n  year = {2006},\n"
        "  title = {AMMA radiosondes},\n  publisher = {SEDOO},\n"
        "  url = {https://data.gaia-data.fr/id/dataset/amma-rs},\n"
        "  howpublished = {Dataset}\n}\n\n"
        "@misc{https___data_gaia-data_fr_id_service_odatis-wms,\n  title = {ODATIS WMS},\n"
        "  url = {https://data.gaia-data.fr/id/service/odatis-wms},\n"
        "  howpublished = {Dataset}\n}\n"
    )


def test_ris_export(found):
    assert write("ris", found).split("\r\n") == [
        "TY  - DATA",
        "AU  - Argo GDAC & Coriolis",
        "TI  - Argo profiles {real time}",
        "PY  - 2000",
        "DO  - 10.17882/42182",
        "UR  - https://doi.org/10.17882/42182",
        "ER  - ",
        "TY  - DATA",
        "AU  - SEDOO",
        "TI  - AMMA radiosondes",
        "PY  - 2006",
        "PB  - SEDOO",
        "UR  - https://data.gaia-data.fr/id/dataset/amma-rs",
        "ER  - ",
        "TY  - DATA",
        "TI  - ODATIS WMS",
        "UR  - https://data.gaia-data.fr/id/service/odatis-wms",
        "ER  - ",
        "",
    ]


def test_access_url_export(found):
    assert write("urls", found).splitlines() == [
        "https://data-argo.ifremer.fr/dac/",
        "https://argo.ucsd.edu/",
        "https://baobab.sedoo.fr/AMMA/",
        "https://wms.odatis.example/wms",
        GONE,  # withdrawn since it was added: its IRI stays
    ]


def expected_catalogue() -> set[ox.Triple]:
    dcat, dct = "http://www.w3.org/ns/dcat#", "http://purl.org/dc/terms/"
    node = ox.NamedNode(CATALOGUE)
    own = {
        ox.Triple(node, ox.NamedNode(p), o)
        for p, o in [
            ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", ox.NamedNode(dcat + "Catalog")),
            (dct + "title", ox.Literal("Ocean & air")),
            (dct + "description", ox.Literal("Two datasets")),
            (
                dct + "modified",
                ox.Literal(
                    "2026-11-26", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
                ),
            ),
            (dcat + "dataset", ox.NamedNode(ARGO)),
            (dcat + "dataset", ox.NamedNode(AMMA)),
            (dcat + "service", ox.NamedNode(WMS)),
            (dcat + "resource", ox.NamedNode(GONE)),
        ]
    }
    described = {  # every record graph whole: the record graphs of the three resources
        ox.Triple(q.subject, q.predicate, q.object)
        for q in ox.parse(path=MEMBERS, format=ox.RdfFormat.TRIG)
    }
    record = "https://w3id.org/gaia-kg/graph/record/test/"
    stamp = ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")
    created = ox.NamedNode("http://purl.org/adms/changetype/Created")
    derived = {  # what the store derives on read: first load, change type, the box's centre
        ox.Triple(ox.NamedNode(record + name), ox.NamedNode(p), o)
        for name, loaded in [("argo", "2026-01-10T08:00:00Z"), ("amma", "2020-03-01T08:00:00Z")]
        for p, o in [
            (dct + "issued", ox.Literal(loaded, datatype=stamp)),
            ("http://www.w3.org/ns/adms#status", created),
        ]
    } | {
        ox.Triple(
            ox.NamedNode(ARGO + "#extent"),
            ox.NamedNode(dcat + "centroid"),
            ox.Literal(
                "POINT(-20 10)",
                datatype=ox.NamedNode("http://www.opengis.net/ont/geosparql#wktLiteral"),
            ),
        )
    }
    return own | described | derived


@pytest.mark.parametrize(("name", "rdf"), [("ttl", "TURTLE"), ("jsonld", "JSON_LD")])
def test_dcat_ap_catalogue_export(found, name, rdf):
    body = write(name, found)
    if name == "jsonld":
        json.loads(body)
    parsed = set(ox.parse(body.encode(), format=getattr(ox.RdfFormat, rdf)))
    assert {ox.Triple(t.subject, t.predicate, t.object) for t in parsed} == expected_catalogue()
    assert (
        set(catalogue_triples(CATALOGUE, "Ocean & air", "Two datasets", "2026-11-26", found))
        == expected_catalogue()
    )


def test_the_limiter_counts_per_key_within_the_window():
    clock = [0.0]
    limiter = RateLimiter(3, 60, clock=lambda: clock[0])
    assert [limiter.hit("email:a", "client:1") for _ in range(4)] == [None, None, None, 60]
    clock[0] = 30.0
    assert limiter.hit("email:b", "client:2") is None
    assert limiter.hit("email:a") == 30
    limiter.clear("email:a")
    assert limiter.hit("email:a") is None
    clock[0] = 61.0
    assert limiter.hit("client:1") is None
