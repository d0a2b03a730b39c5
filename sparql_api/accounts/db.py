"""The user database: SQLAlchemy 2 models and :class:`UserDB`, which opens it.

SQLite (a file, or in memory) by default, PostgreSQL or any SQLAlchemy URL by configuration.
Tables are created, and kept at the latest revision of their schema, on open by the Alembic
migrations of ``migrations/versions`` (:mod:`sparql_api.accounts.migrate`).

>>> db = UserDB("sqlite://")
>>> with db.session() as s:
...     s.add(User(email="ada@example.org", password_hash="x"))
>>> with db.session() as s:
...     [u.email for u in s.scalars(select(User))]
['ada@example.org']
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import (
    DateTime,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    delete,
    event,
    select,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
    sessionmaker,
)
from sqlalchemy.pool import StaticPool

__all__ = [
    "Base",
    "User",
    "Collection",
    "CollectionItem",
    "SearchEntry",
    "SavedSearch",
    "ApiToken",
    "OidcIdentity",
    "ResetToken",
    "LoginSession",
    "UserDB",
    "now",
    "aware",
    "select",
    "delete",
]


def now() -> datetime:
    """The current time, timezone-aware (UTC)."""
    return datetime.now(UTC)


def aware(moment: datetime) -> datetime:
    """``moment`` as UTC-aware (SQLite gives back naive datetimes)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """The declarative base of the user database."""


class User(Base):
    """A person with a local account (``password_hash`` is an argon2 hash)."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True, index=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    display_name: Mapped[str | None] = mapped_column(String(200))
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    collections: Mapped[list[Collection]] = relationship(
        back_populates="owner", cascade="all, delete-orphan"
    )


class Collection(Base):
    """A user's named set of resources; ``share_token`` (when set) opens it read-only."""

    __tablename__ = "collections"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    updated: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    share_token: Mapped[str | None] = mapped_column(String(64), unique=True, index=True)
    owner: Mapped[User] = relationship(back_populates="collections")
    items: Mapped[list[CollectionItem]] = relationship(
        back_populates="collection",
        cascade="all, delete-orphan",
        order_by="CollectionItem.id",
    )


class CollectionItem(Base):
    """One resource (by IRI) in a collection."""

    __tablename__ = "collection_items"
    __table_args__ = (UniqueConstraint("collection_id", "iri"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    collection_id: Mapped[int] = mapped_column(
        ForeignKey("collections.id", ondelete="CASCADE"), index=True
    )
    iri: Mapped[str] = mapped_column(String(2000))
    added: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    collection: Mapped[Collection] = relationship(back_populates="items")


class SearchEntry(Base):
    """One search of a signed-in user: its query string (``q=…&theme=…``) and when."""

    __tablename__ = "search_history"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    query: Mapped[str] = mapped_column(String(4000))
    searched: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class SavedSearch(Base):
    """A named search; ``seen`` is the user's last visit (for "what's new since")."""

    __tablename__ = "saved_searches"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    query: Mapped[str] = mapped_column(String(4000))
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    seen: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class OidcIdentity(Base):
    """An identity at an OpenID Provider (issuer, subject) bound to a local user."""

    __tablename__ = "oidc_identities"
    __table_args__ = (UniqueConstraint("issuer", "subject"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    issuer: Mapped[str] = mapped_column(String(500))
    subject: Mapped[str] = mapped_column(String(255))
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class ApiToken(Base):
    """A user's API token: its SHA-256 (the token is shown once), name and scopes."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    digest: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    scopes: Mapped[str] = mapped_column(String(200))
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    used: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ResetToken(Base):
    """A password reset: the SHA-256 of the token sent to the user, valid until ``expires``."""

    __tablename__ = "reset_tokens"
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    expires: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class LoginSession(Base):
    """A signed-in session: the SHA-256 of its id (held by the cookie), its user, when it
    began and when it was last active (see :mod:`.sessions`)."""

    __tablename__ = "login_sessions"
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    seen: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


def _sqlite_foreign_keys(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class UserDB:
    """The user database at ``url`` (a SQLAlchemy URL), migrated to the latest revision."""

    def __init__(self, url: str):
        self.url = url
        options: dict = {}
        if url in ("sqlite://", "sqlite:///:memory:"):  # one connection shared by threads
            options = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
        self.engine = create_engine(url, **options)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_foreign_keys)
        from sparql_api.accounts.migrate import upgrade

        upgrade(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session committed at the end of the block, rolled back on an exception."""
        with self._sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()
