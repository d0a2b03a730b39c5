"""The OAI-PMH 2.0 data provider (``/oai``): protocol, verbs, metadata formats, blueprint."""

__all__: list[str] = []
