"""Distributions of an EML record: online URLs and the physical objects of its data
entities.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

import pyoxigraph as ox

from ...namespaces import DCAT, DCT, FOAF, XSD
from .. import datacite_terms as dc
from ..iso_common import local
from .reading import (
    _ENTITIES,
    _EXTENSIONS,
    _first,
    _http,
    _kids,
    _path,
    _str,
)

__all__ = ["Distributions"]


class Distributions:
    """The distribution part of :class:`.mapper.Mapper`."""

    def distributions(self, res) -> None:
        for dist in _kids(self.res_el, "distribution"):
            for url in _path(dist, "online/url"):
                self.distribution(res, url, None, None)
        used = {u for d in _kids(self.res_el, "distribution") for u in _path(d, "online/url")}
        for entity in _kids(self.res_el, *_ENTITIES):
            for physical in _kids(entity, "physical"):
                for url in _path(physical, "distribution/online/url"):
                    self.distribution(res, url, entity, physical)
                    used.add(url)
        # the others document the data (protocols and citations of the methods, project)
        for dist in self.res_el.iter():
            if local(dist.tag) == "distribution":
                for url in _path(dist, "online/url"):
                    if url not in used:
                        self.add(res, FOAF.page, _http(_str(url)))

    def distribution(self, res, url_el: Element, entity, physical) -> None:
        url = _http(_str(url_el))
        if url is None:
            return
        dist = self.node(DCAT.Distribution)
        self.add(dist, DCAT.accessURL, url)
        if (url_el.get("function") or "download") != "information":
            self.add(dist, DCAT.downloadURL, url)
        title = _first(physical, "objectName") or _first(entity, "entityName")
        self.add(dist, DCT["title"], ox.Literal(title) if title else None)  # a file name
        if entity is not None:
            description = _first(entity, "entityDescription")
            self.add(dist, DCT.description, self.literal(description) if description else None)
        if physical is not None:
            for size in _kids(physical, "size"):
                unit = (size.get("unit") or "byte").lower()
                if unit in ("byte", "bytes") and _str(size).isdigit():
                    self.add(
                        dist,
                        DCAT.byteSize,
                        ox.Literal(
                            str(int(_str(size))), datatype=ox.NamedNode(XSD.nonNegativeInteger)
                        ),
                    )
            formats = [
                _str(f) for f in _path(physical, "dataFormat/externallyDefinedFormat/formatName")
            ]
            extension = _first(physical, "objectName").rpartition(".")[2].lower()
            if not any(formats) and extension in _EXTENSIONS:
                formats = [_EXTENSIONS[extension]]  # named by the object's file name
            for fmt in formats:
                media = dc.media_type_iri(fmt)
                if media:
                    self.add(dist, DCAT.mediaType, ox.NamedNode(media))
                elif fmt:
                    self.add(dist, DCT["format"], ox.Literal(fmt))
        self.add(res, DCAT.distribution, dist)
