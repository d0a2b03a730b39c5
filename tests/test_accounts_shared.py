"""The personal space shared by replicas through PostgreSQL (a real server, skipped where it
is not installed), and the Alembic migrations of the user database on SQLite and PostgreSQL.

Two apps, each with its own catalogue and sessions, share only their configuration: the
user database URL and the session signing key (``GAIA_KG_SECRET_KEY``).
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager

from accounts_support import LINKS, PASSWORD, Visitor, members_store
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from postgres_support import postgres_url  # noqa: F401
from sqlalchemy import create_engine, select

from graph_loader.config import Settings
from sparql_api import create_app
from sparql_api.accounts.db import Base, User, UserDB
from sparql_api.accounts.migrate import head, upgrade
from sparql_api.accounts.web_session import SESSION_COOKIE


@contextmanager
def _replica(user_db: str, key: str = "the-key-every-replica-has"):
    settings = Settings(store=":memory:", user_db=user_db, secret_key=key)
    app = create_app(settings, store=members_store())
    try:
        yield app
    finally:
        app.extensions["gaia_kg"].close()
        app.extensions["gaia_kg_users"].close()


def test_two_replicas_share_accounts_sessions_and_collections(postgres_url):  # noqa: F811
    with _replica(postgres_url) as a, _replica(postgres_url) as b:
        ada = Visitor(a)
        ada.get("/account/signup")
        known = len(LINKS.links)
        asked = ada.post("/account/signup", {"email": "ada@example.org", "password": PASSWORD})
        assert (asked.status_code, len(LINKS.links)) == (200, known + 1)
        # the link A mailed opens on B: the signing key is shared by configuration
        on_b = Visitor(b)
        assert on_b.get(LINKS.links[-1]).status_code == 303
        assert on_b.get("/account").status_code == 200
        number = on_b.new_collection("Shared through PostgreSQL")
        # the session B made is valid on A, and the collection is there
        cookie = on_b.client.get_cookie(SESSION_COOKIE)
        ada.client.set_cookie(SESSION_COOKIE, cookie.value)
        page = ada.get(f"/collections/{number}")
        assert page.status_code == 200
        assert "Shared through PostgreSQL" in page.get_data(as_text=True)
        # signing in on A with the password chosen on A, then out on B: out everywhere
        again = Visitor(a)
        assert again.sign_in("ada@example.org").status_code == 303
        assert on_b.post("/account/signout").status_code == 303
        assert (ada.get("/account").status_code, again.get("/account").status_code) == (302, 200)


def test_a_replica_with_another_key_does_not_accept_the_session(postgres_url):  # noqa: F811
    with _replica(postgres_url) as a, _replica(postgres_url, key="another") as b:
        bob = Visitor(a)
        bob.get("/account/signup")
        bob.post("/account/signup", {"email": "bob@example.org", "password": PASSWORD})
        assert bob.get(LINKS.links[-1]).status_code == 303
        stranger = Visitor(b)
        stranger.client.set_cookie(SESSION_COOKIE, bob.client.get_cookie(SESSION_COOKIE).value)
        assert (bob.get("/account").status_code, stranger.get("/account").status_code) == (
            200,
            302,
        )


def _differences(url: str) -> list:
    engine = create_engine(url)
    with engine.connect() as connection:
        found = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    return found


def test_the_migrations_make_exactly_the_tables_of_the_models(tmp_path, postgres_url):  # noqa: F811
    sqlite = f"sqlite:///{tmp_path / 'users.sqlite'}"
    for url in (sqlite, postgres_url):
        UserDB(url).close()  # migrated on open
        assert (_differences(url), head()) == ([], "0001")


def test_a_database_made_before_the_migrations_is_stamped_and_kept(tmp_path):
    url = f"sqlite:///{tmp_path / 'users.sqlite'}"
    engine = create_engine(url)
    Base.metadata.create_all(engine)  # as gaia-kg 0.1 made it
    with engine.begin() as connection:
        connection.execute(User.__table__.insert().values(email="old@example.org"))
    assert upgrade(engine) == "0001"
    engine.dispose()
    with sqlite3.connect(tmp_path / "users.sqlite") as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    db = UserDB(url)
    with db.session() as session:
        assert [u.email for u in session.scalars(select(User))] == ["old@example.org"]
    db.close()
