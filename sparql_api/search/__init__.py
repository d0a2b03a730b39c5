"""Search: faceted cross-lingual search over the index (``/api/search``), the concepts and
autocompletion of the vocabularies (``/api/concepts``, ``/api/autocomplete``).
"""

__all__: list[str] = []
