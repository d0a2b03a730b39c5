"""Quality of records: the JSON API and the HTML pages over :mod:`graph_loader.quality`."""

__all__: list[str] = []
