"""The discovery portal's HTML pages: home, compartments, concepts, dataset pages, strings."""

__all__: list[str] = []
