"""Linked data: dereferenceable IRIs (``/id/...``), resources as JSON, the DCAT catalogue
feed, signposting, schema.org JSON-LD and what crawlers read (sitemap, robots, VoID).
"""

__all__: list[str] = []
