"""Bringing the user database to the latest revision of its schema, with Alembic.

:func:`upgrade` runs when :class:`sparql_api.accounts.db.UserDB` opens a database: a new one
gets every revision of ``migrations/versions``, one made before the migrations existed (its
tables created by ``create_all``) is first stamped at the revision that describes them, and
one already current is left alone. On PostgreSQL the run holds an advisory lock, so replicas
starting together migrate once.

>>> from sqlalchemy import create_engine, inspect
>>> engine = create_engine("sqlite://")
>>> upgrade(engine)
'0001'
>>> sorted(inspect(engine).get_table_names())[:3]
['alembic_version', 'api_tokens', 'collection_items']
"""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

__all__ = ["upgrade", "BASELINE", "head"]

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: the revision whose tables an earlier gaia-kg created without Alembic
BASELINE = "0001"
#: any number: the advisory lock PostgreSQL replicas take while they migrate
_LOCK = 7_405_117


def _script() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config)


def head() -> str:
    """The latest revision."""
    return _script().get_current_head()


def upgrade(engine: Engine) -> str:
    """Bring the database of ``engine`` to the latest revision; that revision."""
    script = _script()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
        tables = set(inspect(connection).get_table_names())
        if "users" in tables and "alembic_version" not in tables:
            MigrationContext.configure(connection).stamp(script, BASELINE)

        def steps(revision, _context):
            return script._upgrade_revs("head", revision)

        environment = EnvironmentContext(Config(), script, fn=steps, destination_rev="head")
        with environment:
            environment.configure(connection=connection)
            environment.run_migrations()
    return script.get_current_head()
