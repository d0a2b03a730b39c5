"""The tables of gaia-kg 0.1: accounts, sessions, collections, searches, tokens.

A database made by an earlier gaia-kg (its tables created without Alembic) is stamped at this
revision when it is first opened (:func:`sparql_api.accounts.migrate.upgrade`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_CASCADE = {"ondelete": "CASCADE"}


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), nullable=False)


def _user() -> list:
    return [
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], **_CASCADE),
    ]


def _when(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _index(table: str, column: str, unique: bool = False) -> None:
    op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=unique)


def _accounts() -> None:
    op.create_table(
        "users",
        _id(),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=True),
        sa.Column("display_name", sa.String(length=200), nullable=True),
        _when("created"),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("users", "email", unique=True)
    op.create_table(
        "api_tokens",
        _id(),
        *_user(),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("scopes", sa.String(length=200), nullable=False),
        _when("created"),
        _when("used", nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("api_tokens", "digest", unique=True)
    _index("api_tokens", "user_id")


def _sign_in() -> None:
    op.create_table(
        "login_sessions",
        sa.Column("digest", sa.String(length=64), nullable=False),
        *_user(),
        _when("created"),
        _when("seen"),
        sa.PrimaryKeyConstraint("digest"),
    )
    _index("login_sessions", "user_id")
    op.create_table(
        "oidc_identities",
        _id(),
        *_user(),
        sa.Column("issuer", sa.String(length=500), nullable=False),
        sa.Column("subject", sa.String(length=255), nullable=False),
        _when("created"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("issuer", "subject"),
    )
    _index("oidc_identities", "user_id")
    op.create_table(
        "reset_tokens",
        sa.Column("digest", sa.String(length=64), nullable=False),
        *_user(),
        _when("expires"),
        sa.PrimaryKeyConstraint("digest"),
    )


def _collections() -> None:
    op.create_table(
        "collections",
        _id(),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        _when("created"),
        _when("updated"),
        sa.Column("share_token", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], **_CASCADE),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("collections", "owner_id")
    _index("collections", "share_token", unique=True)
    op.create_table(
        "collection_items",
        _id(),
        sa.Column("collection_id", sa.Integer(), nullable=False),
        sa.Column("iri", sa.String(length=2000), nullable=False),
        _when("added"),
        sa.ForeignKeyConstraint(["collection_id"], ["collections.id"], **_CASCADE),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("collection_id", "iri"),
    )
    _index("collection_items", "collection_id")


def _searches() -> None:
    op.create_table(
        "saved_searches",
        _id(),
        *_user(),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("query", sa.String(length=4000), nullable=False),
        _when("created"),
        _when("seen"),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("saved_searches", "user_id")
    op.create_table(
        "search_history",
        _id(),
        *_user(),
        sa.Column("query", sa.String(length=4000), nullable=False),
        _when("searched"),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("search_history", "user_id")


def upgrade() -> None:
    _accounts()
    _sign_in()
    _collections()
    _searches()


def downgrade() -> None:
    for table in (
        "search_history", "saved_searches", "collection_items", "collections",
        "reset_tokens", "oidc_identities", "login_sessions", "api_tokens", "users",
    ):  # fmt: skip
        op.drop_table(table)
