"""Search: faceted cross-lingual search over the index (``/api/search``), the concepts and
autocompletion of the vocabularies (``/api/concepts``, ``/api/autocomplete``).

A search: ``params`` (the checked parameters) → ``query`` (the plan of ``q``: ``words``,
``naming`` of concepts and places, ``concept_clauses``, ``place_clauses``) → ``engine``
(``run_search``: ``filters``, ``facets``, ``hits``); ``as_sparql`` gives it as SPARQL.
"""

__all__: list[str] = []
