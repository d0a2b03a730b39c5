"""Web services, their Hydra operations, datasets, distributions and software of an
EPOS-DCAT-AP document.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from ...namespaces import (
    DCAT,
    DCT,
    FOAF,
    HYDRA,
    RDFS,
    SDO,
)
from ..build import (
    LANGUAGES,
    A,
    is_url,
    licence_iri,
    plain,
)
from ..iso_common import date_literal
from ..iso_parts import _FILE_TYPES, FILE_TYPE

#: DCAT 3 read openly: rdflib's ``DCAT`` knows DCAT 2 terms only (no ``dcat:version``)
from .reading import (
    SCHEMAS,
    iri_of,
    is_a,
    language_code,
    media_type,
    strings_of,
    tagged,
    template_base,
    url_of,
    values_of,
)

__all__ = ["Services"]


class Services:
    """The service and distribution part of :class:`.mapper.Mapper`."""

    def endpoints(self, service) -> tuple[list[ox.NamedNode], list[ox.NamedNode]]:
        """(endpoint URLs, endpoint descriptions) of a web service."""
        idx = self.idx
        # EPOS-DCAT-AP 3 writes the endpoint itself (an IRI or an xsd:anyURI literal)
        urls = [u for u in (url_of(v) for v in values_of(idx, service, DCAT.endpointURL)) if u]
        if values_of(idx, service, HYDRA.property, HYDRA.template):
            urls += [u for u in (template_base(t) for t in self.templates(service)) if u]
        # its Hydra operations: hydra:supportedOperation, or (version 3) dcat:endpointDescription
        # pointing at an operation the document describes
        written = values_of(idx, service, DCAT.endpointDescription)
        operations = values_of(idx, service, HYDRA.supportedOperation)
        operations += [d for d in written if d in self.described]
        for op in operations:
            url = self.operation(service, op)
            if url is not None and url not in urls:
                urls.append(url)
        descriptions: list[ox.NamedNode] = []
        sources = [d for d in written if d not in self.described]
        sources += values_of(
            idx, service, HYDRA.entrypoint, "schema:documentation", HYDRA.apiDocumentation
        )
        for doc in values_of(
            idx, service, DCT.conformsTo, "http://purl.org/dc/elements/1.1/conformsTo"
        ):
            if doc in self.described:  # an ApiDocumentation of the document
                sources += values_of(idx, doc, HYDRA.entrypoint, "schema:url")
            else:  # a standard or a document known by its IRI only
                sources.append(doc)
        for value in sources:
            url = url_of(value)
            if url is not None and url.value.startswith(self.base):
                continue  # a relative reference resolved against the loader's base: no URL
            if url is not None and url not in descriptions:
                descriptions.append(url)
        if not urls:
            urls = [
                u
                for u in (url_of(v) for v in values_of(idx, service, "schema:url", FOAF.page))
                if u
            ]
        if not urls:
            urls = descriptions[:1]
        return urls, descriptions

    def templates(self, op) -> list[str]:
        """The Hydra IRI templates of an operation (or of a service written as one)."""
        found = []
        for prop in values_of(self.idx, op, HYDRA.property, HYDRA.IriTemplate):
            if not isinstance(prop, ox.Literal):
                found += strings_of(self.idx, prop, HYDRA.template)
        found += strings_of(self.idx, op, HYDRA.template)
        return [plain(v.value) for v in found]

    def operation(self, service, op) -> ox.NamedNode | None:
        """Keep a Hydra operation (method, media type returned, template); its endpoint URL."""
        idx, out = self.idx, self.out
        templates = self.templates(op)
        out.add(service, HYDRA.supportedOperation, op)
        if op not in self.done:
            self.done.add(op)
            out.add(op, A, ox.NamedNode(HYDRA.Operation))
            for method in strings_of(idx, op, HYDRA.method)[:1]:
                out.add(op, HYDRA.method, ox.Literal(plain(method.value).upper()))
            for returned in strings_of(idx, op, HYDRA.returns):
                out.add(op, HYDRA.returns, ox.Literal(plain(returned.value)))
            for template in templates:
                node = ox.BlankNode()
                out.add(op, HYDRA.property, node)
                out.add(node, A, ox.NamedNode(HYDRA.IriTemplate))
                out.add(node, HYDRA.template, ox.Literal(template))
        for template in templates:
            url = template_base(template)
            if url is not None:
                return url
        return None

    def service(self, service) -> None:
        idx, out = self.idx, self.out
        lang = self.language(service)
        out.add(service, A, ox.NamedNode(DCAT.DataService))
        for dataset in values_of(idx, service, DCAT.servesDataset):
            if isinstance(dataset, ox.NamedNode):
                self.serves.setdefault(service, []).append(dataset)
        self.common(service, lang)
        urls, descriptions = self.endpoints(service)
        for url in urls:
            out.add(service, DCAT.endpointURL, url)
        for url in descriptions:
            out.add(service, DCAT.endpointDescription, url)
        for returned in (
            r
            for op in values_of(idx, service, HYDRA.supportedOperation)
            for r in strings_of(idx, op, HYDRA.returns)
        ):
            media = media_type(returned.value)
            if media is not None:
                out.add(service, DCAT.mediaType, media)

    # ---- datasets
    def dataset(self, dataset) -> None:
        idx, out = self.idx, self.out
        lang = self.language(dataset)
        out.add(dataset, A, ox.NamedNode(DCAT.Dataset))
        self.common(dataset, lang)
        for value in values_of(idx, dataset, DCT.language):
            code = language_code(idx, value)
            if code in LANGUAGES:
                out.add(dataset, DCT.language, ox.NamedNode(LANGUAGES[code]))
        for dist in values_of(idx, dataset, DCAT.distribution, "schema:distribution"):
            # a distribution the document does not describe says nothing: left out
            if not isinstance(dist, ox.Literal) and dist in self.described:
                self.distribution(dataset, dist, lang)

    def distribution(self, dataset, dist, lang: str) -> None:
        """``dataset dcat:distribution dist``, with its access through services or URLs."""
        idx, out = self.idx, self.out
        out.add(dataset, DCAT.distribution, dist)
        out.add(dist, A, ox.NamedNode(DCAT.Distribution))
        self.texts(dist, dist, DCT["title"], lang, DCT["title"], "schema:name")
        self.texts(dist, dist, DCT.description, lang, DCT.description, "schema:description")
        for value in strings_of(idx, dist, DCT.identifier)[:1]:
            out.add(dist, DCT.identifier, ox.Literal(plain(value.value)))
        for prop in ("issued", "modified"):
            for value in strings_of(idx, dist, DCT + prop)[:1]:
                out.add(dist, DCT + prop, date_literal(value.value))
        for value in values_of(idx, dist, DCT.type):
            out.add(dist, DCT.type, url_of(value))
        for value in values_of(idx, dist, DCT.license, "schema:license"):
            licence = (
                licence_iri(value.value, spdx=False)
                if not isinstance(value, ox.BlankNode)
                else None
            )
            out.add(dist, DCT.license, licence)
            if licence is not None:
                out.add(licence, A, ox.NamedNode(DCT.LicenseDocument))
        services = [
            s
            for s in values_of(idx, dist, DCT.conformsTo, DCAT.accessService)
            if s in self.services
        ]
        access: list[ox.NamedNode] = []
        for value in values_of(idx, dist, DCAT.accessURL):
            if value in self.operation_of:
                services.append(self.operation_of[value])
                url = self.operation(self.operation_of[value], value)
                if url is not None:
                    access.append(url)
            elif value in self.services:
                services.append(value)
            elif url_of(value) is not None:
                access.append(url_of(value))
        for value in values_of(idx, dist, DCT.conformsTo):
            if value not in self.services and url_of(value) is not None:
                out.add(dist, DCT.conformsTo, url_of(value))
        downloads = [u for u in (url_of(v) for v in values_of(idx, dist, DCAT.downloadURL)) if u]
        for service in dict.fromkeys(services):
            out.add(dist, DCAT.accessService, service)
            self.serves.setdefault(service, []).append(dataset)
            if not access:
                access += self.endpoints(service)[0][:1]
        for url in dict.fromkeys(access or downloads):
            out.add(dist, DCAT.accessURL, url)
        for url in downloads:
            out.add(dist, DCAT.downloadURL, url)
        self.media_types(dist)

    def media_types(self, dist) -> None:
        """The formats and media types of a distribution (those its Hydra operations return too)."""
        idx, out = self.idx, self.out
        for value in values_of(idx, dist, DCT["format"]):
            self.format(dist, value)
        for value in strings_of(idx, dist, DCAT.mediaType):
            out.add(dist, DCAT.mediaType, media_type(value.value))
        for value in values_of(idx, dist, DCAT.mediaType):
            if isinstance(value, ox.NamedNode):
                out.add(dist, DCAT.mediaType, value)
        for op in values_of(idx, dist, DCAT.accessURL):
            for returned in strings_of(idx, op, HYDRA.returns) if op in self.operation_of else []:
                out.add(dist, DCAT.mediaType, media_type(returned.value))

    def format(self, dist, value) -> None:
        out = self.out
        iri = iri_of(value)
        if iri is not None and isinstance(value, ox.NamedNode | ox.Literal) and is_url(iri.value):
            out.add(dist, DCT["format"], iri)
            out.add(iri, A, ox.NamedNode(DCT.MediaType))
            return
        name = plain(value.value) if isinstance(value, ox.Literal) else ""
        if name.lower() in _FILE_TYPES:
            iri = ox.NamedNode(FILE_TYPE + _FILE_TYPES[name.lower()])
            out.add(dist, DCT["format"], iri)
            out.add(iri, A, ox.NamedNode(DCT.MediaType))
        elif re.fullmatch(r"[a-z]+/[A-Za-z0-9.+-]+", name):
            out.add(dist, DCAT.mediaType, media_type(name))
        elif name:
            node = ox.BlankNode()
            out.add(dist, DCT["format"], node)
            out.add(node, A, ox.NamedNode(DCT.MediaType))
            out.add(node, RDFS.label, ox.Literal(name))

    def software(self, node) -> None:
        out = self.out
        lang = self.language(node)
        kind = (
            "SoftwareSourceCode"
            if is_a(self.idx, node, "SoftwareSourceCode")
            else "SoftwareApplication"
        )
        out.add(node, A, ox.NamedNode(SCHEMAS[1] + kind))
        self.common(node, lang)
        for value in strings_of(self.idx, node, DCT["title"], "schema:name"):
            out.add(node, SDO.name, tagged(value, lang))
        for value in values_of(self.idx, node, "schema:codeRepository", "schema:downloadUrl"):
            url = url_of(value)
            if url is not None:
                out.add(node, SDO.codeRepository, url)
        for value in strings_of(self.idx, node, "schema:programmingLanguage"):
            out.add(node, SDO.programmingLanguage, ox.Literal(plain(value.value)))
