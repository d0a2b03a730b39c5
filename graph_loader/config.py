"""Settings read from the command line and the environment, never at import time.

Precedence: an explicit argument (``--store``), then the environment (``GAIA_KG_*``),
then the defaults below. The store defaults to ``./var/store`` under the current folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Settings", "DEFAULT_BASE", "DEFAULT_STORE", "FLUSH_BYTES"]

DEFAULT_BASE = "https://data.gaia-data.fr/"
DEFAULT_STORE = "var/store"
#: SPARQL Update text between two flushes of an on-disk store's log (see
#: ``graph_loader.store.EmbeddedStore``): the log holds about 9 bytes per byte of text
#: inserted, and a read-only opening about 1.75 bytes of memory per byte of log
FLUSH_BYTES = 2 << 20


def _env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value else default


def _env_list(name: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in os.environ.get(name, "").split(",") if v.strip())


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def _env_choice(name: str, choices: tuple[str, ...]) -> str:
    """The value of ``name``, one of ``choices`` (unset or empty: the first)."""
    value = os.environ.get(name, "").strip().lower() or choices[0]
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}, not {value!r}")
    return value


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Everything a gaia-kg process needs to know.

    ``store`` is a folder (embedded pyoxigraph store), ``:memory:``, or the ``http(s)://``
    URL of a remote SPARQL 1.1 server (see :func:`graph_loader.backends.open_store`).
    """

    store: str = DEFAULT_STORE
    base_iri: str = DEFAULT_BASE
    query_timeout: float = 30.0
    row_cap: int = 10_000
    #: the default graph of ``/sparql`` queries (``GAIA_KG_DEFAULT_GRAPH``): ``union`` (the
    #: union of all graphs: every record is in a named graph, so a public read endpoint
    #: finds everything without GRAPH) or ``default`` (the store's own default graph, as
    #: SPARQL 1.1 Update and the W3C test suite expect). A query naming its dataset
    #: (``default-graph-uri``, ``FROM``) uses that dataset under either setting
    default_graph: str = "union"
    query_workers: int = 2
    #: anonymous query slots kept for light queries, beside the ``query_workers`` that may
    #: run long: a query still running after ``light_query_seconds`` takes a long slot, or
    #: is stopped when they are all taken (``GAIA_KG_LIGHT_QUERY_WORKERS``, ``…_SECONDS``)
    light_query_workers: int = 2
    light_query_seconds: float = 1.0
    #: anonymous queries one client (address) may run or wait for at once; more: 429
    #: (``GAIA_KG_CLIENT_QUERIES``; 0: no bound)
    client_queries: int = 2
    #: seconds between two checks that another process wrote to the on-disk store a server
    #: reads (``GAIA_KG_REOPEN_SECONDS``; 0: whenever the folder changed)
    reopen_seconds: float = 1.0
    update_endpoint: str | None = None
    gsp_endpoint: str | None = None
    #: the portal's base map: an XYZ tile URL template (``{z}/{x}/{y}``); None = the shipped
    #: Natural Earth country outlines (no network)
    map_tiles: str | None = None
    #: "open in a notebook": a VRE/JupyterHub URL template, ``{id}`` = the dataset identifier
    #: (URL-encoded), ``{iri}`` = its IRI; None = no notebook link
    notebook_url: str | None = None
    #: whether the dataset page's map preview may read map services on private, loopback or
    #: link-local addresses (``GAIA_KG_PREVIEW_PRIVATE_HOSTS=1``: an intranet's services,
    #: tests); by default the capabilities proxy reads public hosts only
    preview_private_hosts: bool = False
    #: bearer tokens allowed to write (SPARQL Update, Graph Store Protocol) and to run
    #: queries under the token limits below (``GAIA_KG_ADMIN_TOKENS``, comma-separated)
    admin_tokens: tuple[str, ...] = ()
    #: time limit of a query sent with a token (anonymous queries: ``query_timeout``)
    token_query_timeout: float = 300.0
    #: query workers reserved for token holders (anonymous queries share ``query_workers``)
    token_query_workers: int = 1
    #: the search index folder (``GAIA_KG_INDEX``); None: ``index`` beside an on-disk store,
    #: in memory for ``:memory:`` (see :meth:`index_path`)
    index: str | None = None
    #: the harvest sources file (``GAIA_KG_SOURCES``); None: ``./sources.toml`` if present
    sources: str | None = None
    #: the user database (accounts, collections; ``GAIA_KG_USER_DB``): a SQLAlchemy URL
    #: (``postgresql+psycopg://…``) or a file path; None: ``users.sqlite`` beside an on-disk
    #: store, in memory for ``:memory:`` (see :meth:`user_db_url`)
    user_db: str | None = None
    #: the key signing session cookies (``GAIA_KG_SECRET_KEY``); None: a random key per
    #: process (sessions then end when the process does; a warning says so)
    secret_key: str | None = None
    #: session cookies only over HTTPS (``GAIA_KG_SECURE_COOKIES=1``; set it in production)
    secure_cookies: bool = False
    #: SPARQL endpoints (and LOAD sources) that token holders' queries may reach with
    #: SERVICE / LOAD (``GAIA_KG_SERVICE_ALLOW``, comma-separated IRIs); anonymous queries
    #: never federate
    service_allow: tuple[str, ...] = ()
    #: a signed-in session ends this many seconds after sign-in (``GAIA_KG_SESSION_LIFETIME``,
    #: default 14 days), or after this many seconds without a request (``GAIA_KG_SESSION_IDLE``,
    #: default 2 days)
    session_lifetime: float = 14 * 86400.0
    session_idle: float = 2 * 86400.0
    #: the public base URL of the service (``GAIA_KG_PUBLIC_URL``, e.g.
    #: ``https://data.gaia-data.fr/``): links sent by mail are built from it, never from the
    #: request's Host; None: ``http://<host>:<port>/`` of ``gaia-kg serve``, else localhost
    public_url: str | None = None
    #: reverse proxies in front of the service (``GAIA_KG_TRUSTED_PROXIES``, e.g. 1 for one
    #: nginx): the client's address is then the one they add to ``X-Forwarded-For``, for the
    #: per-address bounds (anonymous SPARQL, sign-in); 0: the connection's address (the
    #: header, which anyone can send, is ignored)
    trusted_proxies: int = 0
    #: host names the service answers for (``GAIA_KG_ALLOWED_HOSTS``, comma-separated; ``*``:
    #: any); empty: localhost, 127.0.0.1, ::1 and the host of ``public_url``. Others get 400
    allowed_hosts: tuple[str, ...] = ()
    #: OpenID Connect single sign-on: the provider's issuer URL (``GAIA_KG_OIDC_ISSUER``; its
    #: ``/.well-known/openid-configuration`` is read), the client registered there
    #: (``GAIA_KG_OIDC_CLIENT_ID``, ``GAIA_KG_OIDC_CLIENT_SECRET``) and the name shown on the
    #: sign-in button (``GAIA_KG_OIDC_LABEL``); None: local accounts only
    oidc_issuer: str | None = None
    oidc_client_id: str | None = None
    oidc_client_secret: str | None = None
    oidc_label: str | None = None
    #: accounts (emails) that may create API tokens with the ``admin`` scope, which writes like
    #: an admin token (``GAIA_KG_ADMIN_USERS``, comma-separated)
    admin_users: tuple[str, ...] = ()
    #: the SMTP server that mails password reset links (``GAIA_KG_SMTP_URL``:
    #: ``smtp://[user:password@]host[:port][?starttls=1]`` or ``smtps://…``) and the sender
    #: (``GAIA_KG_MAIL_FROM``); None: the link is printed to the log
    smtp_url: str | None = None
    mail_from: str | None = None
    #: the assistant's optional rephrasing: an OpenAI-compatible endpoint
    #: (``GAIA_KG_LLM_URL``, e.g. ``http://127.0.0.1:8080/v1``; ``/chat/completions`` is
    #: added), its model (``GAIA_KG_LLM_MODEL``) and key (``GAIA_KG_LLM_KEY``); None: the
    #: assistant answers with its own sentences, built from the records only
    llm_url: str | None = None
    llm_model: str | None = None
    llm_key: str | None = None
    #: how often each serving process reads the store's change feed to bring its search
    #: index up to date, in seconds (``GAIA_KG_FEED_POLL``; 0: never)
    feed_poll: float = 2.0
    #: how long the change feed keeps its entries, in seconds (``GAIA_KG_FEED_RETENTION``,
    #: default 7 days): a replica stopped for longer rebuilds its index when it comes back
    feed_retention: float = 7 * 86400.0
    #: SPARQL Update text a writer sends to an on-disk store between two flushes of its log,
    #: and in one transaction of a load at most (``GAIA_KG_FLUSH_BYTES``): a server opening
    #: the store while it is written replays that log (see ``graph_loader.store``)
    flush_bytes: int = FLUSH_BYTES
    #: whether writes through ``/sparql/update`` and ``/sparql/graph`` add a change-feed
    #: entry (``GAIA_KG_FEED=off``: they do not, and the store holds only what clients wrote,
    #: as the W3C update and graph-store suites expect; replicas and other processes' search
    #: indexes then do not learn of those writes)
    feed: bool = True
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_env(cls, *, store: str | None = None, **overrides) -> Settings:
        """Settings from ``GAIA_KG_*`` variables, with explicit values taking precedence."""
        values = dict(
            store=store or os.environ.get("GAIA_KG_STORE") or DEFAULT_STORE,
            base_iri=os.environ.get("GAIA_KG_BASE", DEFAULT_BASE),
            query_timeout=_env_float("GAIA_KG_QUERY_TIMEOUT", 30.0),
            row_cap=_env_int("GAIA_KG_ROW_CAP", 10_000),
            default_graph=_env_choice("GAIA_KG_DEFAULT_GRAPH", ("union", "default")),
            query_workers=_env_int("GAIA_KG_QUERY_WORKERS", 2),
            light_query_workers=_env_int("GAIA_KG_LIGHT_QUERY_WORKERS", 2),
            light_query_seconds=_env_float("GAIA_KG_LIGHT_QUERY_SECONDS", 1.0),
            client_queries=_env_int("GAIA_KG_CLIENT_QUERIES", 2),
            reopen_seconds=_env_float("GAIA_KG_REOPEN_SECONDS", 1.0),
            update_endpoint=os.environ.get("GAIA_KG_STORE_UPDATE") or None,
            gsp_endpoint=os.environ.get("GAIA_KG_STORE_GSP") or None,
            map_tiles=os.environ.get("GAIA_KG_MAP_TILES") or None,
            notebook_url=os.environ.get("GAIA_KG_NOTEBOOK_URL") or None,
            preview_private_hosts=os.environ.get("GAIA_KG_PREVIEW_PRIVATE_HOSTS", "")
            in ("1", "true", "yes"),
            admin_tokens=_env_list("GAIA_KG_ADMIN_TOKENS"),
            token_query_timeout=_env_float("GAIA_KG_TOKEN_QUERY_TIMEOUT", 300.0),
            token_query_workers=_env_int("GAIA_KG_TOKEN_QUERY_WORKERS", 1),
            index=os.environ.get("GAIA_KG_INDEX") or None,
            sources=os.environ.get("GAIA_KG_SOURCES") or None,
            user_db=os.environ.get("GAIA_KG_USER_DB") or None,
            secret_key=os.environ.get("GAIA_KG_SECRET_KEY") or None,
            secure_cookies=os.environ.get("GAIA_KG_SECURE_COOKIES", "") in ("1", "true", "yes"),
            service_allow=_env_list("GAIA_KG_SERVICE_ALLOW"),
            session_lifetime=_env_float("GAIA_KG_SESSION_LIFETIME", 14 * 86400.0),
            session_idle=_env_float("GAIA_KG_SESSION_IDLE", 2 * 86400.0),
            public_url=os.environ.get("GAIA_KG_PUBLIC_URL") or None,
            allowed_hosts=_env_list("GAIA_KG_ALLOWED_HOSTS"),
            trusted_proxies=_env_int("GAIA_KG_TRUSTED_PROXIES", 0),
            oidc_issuer=os.environ.get("GAIA_KG_OIDC_ISSUER") or None,
            oidc_client_id=os.environ.get("GAIA_KG_OIDC_CLIENT_ID") or None,
            oidc_client_secret=os.environ.get("GAIA_KG_OIDC_CLIENT_SECRET") or None,
            oidc_label=os.environ.get("GAIA_KG_OIDC_LABEL") or None,
            admin_users=tuple(e.lower() for e in _env_list("GAIA_KG_ADMIN_USERS")),
            smtp_url=os.environ.get("GAIA_KG_SMTP_URL") or None,
            mail_from=os.environ.get("GAIA_KG_MAIL_FROM") or None,
            llm_url=os.environ.get("GAIA_KG_LLM_URL") or None,
            llm_model=os.environ.get("GAIA_KG_LLM_MODEL") or None,
            llm_key=os.environ.get("GAIA_KG_LLM_KEY") or None,
            feed_poll=_env_float("GAIA_KG_FEED_POLL", 2.0),
            feed_retention=_env_float("GAIA_KG_FEED_RETENTION", 7 * 86400.0),
            flush_bytes=_env_int("GAIA_KG_FLUSH_BYTES", FLUSH_BYTES),
            feed=_env_choice("GAIA_KG_FEED", ("on", "off")) == "on",
        )
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def is_remote(self) -> bool:
        return self.store.startswith(
            ("http://", "https://", "virtuoso+http://", "virtuoso+https://")
        )

    def index_path(self) -> Path | None:
        """The search index folder: ``index``, else ``<store>/../index`` for an on-disk store,
        ``var/index`` for a remote one, None (in memory) for ``:memory:``."""
        if self.index:
            return Path(self.index).expanduser().resolve()
        if self.store == ":memory:":
            return None
        if self.is_remote:
            return Path("var/index").resolve()
        return self.store_path().parent / "index"

    def user_db_url(self) -> str:
        """The SQLAlchemy URL of the user database: ``user_db`` (a URL, or a file path), else
        ``sqlite:///<store>/../users.sqlite`` for an on-disk store, ``var/users.sqlite`` for a
        remote one, ``sqlite://`` (in memory) for ``:memory:``.

        >>> Settings(store=":memory:").user_db_url()
        'sqlite://'
        >>> Settings(user_db="postgresql+psycopg://u@db/gaia").user_db_url()
        'postgresql+psycopg://u@db/gaia'
        """
        if self.user_db:
            if "://" in self.user_db:
                return self.user_db
            return "sqlite:///" + str(Path(self.user_db).expanduser().resolve())
        if self.store == ":memory:":
            return "sqlite://"
        if self.is_remote:
            return "sqlite:///" + str(Path("var/users.sqlite").resolve())
        return "sqlite:///" + str(self.store_path().parent / "users.sqlite")

    def store_path(self) -> Path:
        """The absolute folder of an embedded store (relative paths resolve against the cwd)."""
        return Path(self.store).expanduser().resolve()
