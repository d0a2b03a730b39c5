"""The datasets a service serves: one per named WMS / WMTS layer, WFS feature type, WCS
coverage or SOS observation offering, with a distribution accessed through the service."""

from __future__ import annotations

from xml.etree.ElementTree import Element

import pyoxigraph as ox

from ...iri import resource_iri
from ...namespaces import DCAT, DCT
from ..build import WKT, A, Triples, add_period, text
from .extents import envelope_bbox, gml_period, ows_bbox, time_extent, wms_bbox
from .reading import STANDARDS, content, descendants, either, keywords, kid, kids
from .service import Service, add_rights

__all__ = ["Layer", "named_layers", "add_layer"]

#: (name, element, WKT box) of a layer, feature type, coverage or offering
Layer = tuple[str, Element, str | None]
_GML_IDS = ("{http://www.opengis.net/gml}id", "{http://www.opengis.net/gml/3.2}id")


def _offering_name(offering: Element) -> str:
    """Its identifier or name, else its ``gml:id``."""
    names = [*kids(offering, "identifier"), *kids(offering, "name")]
    found = next((content(n) for n in names if content(n)), "")
    return found or offering.get(_GML_IDS[0], "") or offering.get(_GML_IDS[1], "")


def _wms_layers(root: Element) -> list[Layer]:
    """The named layers of a WMS, each with its own box or the one it inherits."""
    found: list[Layer] = []

    def walk(layer: Element, inherited: str | None) -> None:
        bbox = wms_bbox(layer) or inherited
        if content(kid(layer, "Name")):
            found.append((content(kid(layer, "Name")), layer, bbox))
        for child in kids(layer, "Layer"):
            walk(child, bbox)

    for top in kids(kid(root, "Capability"), "Layer"):
        walk(top, None)
    return found


def named_layers(root: Element, kind: str) -> list[Layer]:
    """(name, element, bbox) of each named layer, feature type, coverage or offering (SOS 1.0
    ``ObservationOfferingList``, 2.0 ``offering``); none in a WPS or a CSW."""
    if kind in ("wps", "csw"):
        return []
    if kind == "sos":
        offerings = descendants(root, "ObservationOffering")
        return [(_offering_name(o), o, envelope_bbox(o)) for o in offerings]
    if kind == "wmts":
        found = kids(kid(root, "Contents"), "Layer")
        return [(content(kid(la, "Identifier")), la, ows_bbox(la)) for la in found]
    if kind == "wfs":
        types = descendants(root, "FeatureType")
        return [(content(kid(f, "Name")), f, ows_bbox(f)) for f in types]
    if kind == "wcs":
        summaries = list(descendants(root, "CoverageSummary"))
        names = [content(either(kid(c, "CoverageId"), kid(c, "Identifier"))) for c in summaries]
        return [(n, c, ows_bbox(c)) for n, c in zip(names, summaries, strict=True)]
    return _wms_layers(root)


def _add_texts(out: Triples, service: Service, dataset: ox.NamedNode, layer: Layer) -> None:
    """Title (the name when untitled), descriptions, keywords and identifier."""
    name, el, _ = layer
    abstracts = kids(el, "Abstract", "description")
    titles = kids(el, "Title")
    if service.kind == "sos":  # an offering's name is often a URN: its description names it
        # better (and stays its description)
        names = [n for n in kids(el, "name") if " " in content(n)]
        titles = names or [a for a in abstracts if 0 < len(content(a)) <= 200]
    texts = service.texts
    lang = texts.lang([*titles, *abstracts])
    if titles:
        texts.add(out, dataset, DCT.title, titles, lang)
    else:
        out.add(dataset, DCT.title, text(name, lang))
    texts.add(out, dataset, DCT.description, abstracts, lang)
    texts.add(out, dataset, DCAT.keyword, keywords(el), lang)
    out.add(dataset, DCT.identifier, text(name))


def _add_distribution(out: Triples, service: Service, dataset: ox.NamedNode) -> None:
    """The distribution of the dataset accessed through the service."""
    dist = ox.BlankNode()
    out.add(dataset, DCAT.distribution, dist)
    out.add(dist, A, ox.NamedNode(DCAT.Distribution))
    out.add(dist, DCAT.accessURL, ox.NamedNode(service.endpoint))
    out.add(dist, DCAT.accessService, service.node)
    out.add(dist, DCT.conformsTo, ox.NamedNode(STANDARDS[service.kind]))


def add_layer(out: Triples, service: Service, layer: Layer, base_iri: str) -> None:
    """The dataset of one layer (offering, feature type, coverage) served by the service."""
    name, el, bbox = layer
    dataset = ox.NamedNode(resource_iri("dataset", f"{service.endpoint}#{name}", base_iri))
    out.add(service.node, DCAT.servesDataset, dataset)
    out.add(dataset, A, ox.NamedNode(DCAT.Dataset))
    _add_texts(out, service, dataset, layer)
    add_period(out, dataset, *(gml_period(el) if service.kind == "sos" else time_extent(el)))
    if bbox:
        location = ox.BlankNode()
        out.add(dataset, DCT.spatial, location)
        out.add(location, A, ox.NamedNode(DCT.Location))
        out.add(location, DCAT.bbox, ox.Literal(bbox, datatype=WKT))
    _add_distribution(out, service, dataset)
    out.add(dataset, DCT.publisher, service.publisher)
    out.add(dataset, DCAT.contactPoint, service.contact)
    add_rights(out, dataset, service.constraints, service.lang)
