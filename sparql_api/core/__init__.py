"""The catalogue core, without Flask: the store and query pool (catalogue), query running,
roles, the SPARQL files of ``queries/``, the concept index and the gazetteer of places.
"""

__all__: list[str] = []
