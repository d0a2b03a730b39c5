"""The revisions, oldest first (``0001_initial``: the tables of gaia-kg 0.1)."""
