"""Alembic migrations of the user database (``versions/``, one revision a file), run by
:func:`sparql_api.accounts.migrate.upgrade` when the database is opened: an upgrade of
gaia-kg brings its database along, SQLite or PostgreSQL, with no hand edit."""
