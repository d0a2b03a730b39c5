"""The SPARQL endpoint: the 1.1 Protocol (``/sparql``), updates and the Graph Store
Protocol, the service description and the query editor page (``/editor``).
"""

__all__: list[str] = []
