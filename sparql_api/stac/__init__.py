"""The STAC API (``/stac``): core, collections and item search over the datasets."""

__all__: list[str] = []
