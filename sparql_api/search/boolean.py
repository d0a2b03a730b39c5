"""Boolean tantivy queries of a list of clauses: any of them, all of them, or the one."""

from __future__ import annotations

from collections.abc import Sequence

import tantivy

__all__ = ["any_of", "all_of", "one_or_all"]


def any_of(queries: Sequence[tantivy.Query], **options) -> tantivy.Query:
    """Records matching any of ``queries`` (``options``: ``minimum_number_should_match``)."""
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries], **options)


def all_of(queries: Sequence[tantivy.Query]) -> tantivy.Query:
    """Records matching every one of ``queries``."""
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in queries])


def one_or_all(queries: Sequence[tantivy.Query]) -> tantivy.Query:
    """The one query of ``queries``, or the records matching all of them."""
    return queries[0] if len(queries) == 1 else all_of(queries)
