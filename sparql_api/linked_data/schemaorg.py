"""schema.org Dataset JSON-LD for a dataset page, complete for Google Dataset Search.

Built from the dataset's description (:func:`sparql_api.linked_data.dereference.describe_triples`:
its record graph and the labels of what it links to). The context is ``"https://schema.org/"``,
as Google and science-on-schema.org write it; schema.org's context document maps it to the
``http://schema.org/`` vocabulary, the IRIs the science-on-schema.org shapes check (see
``docs/linked-data.md``). What each property is made of:

- ``name`` / ``alternateName``: the English / French title (the other one when one is missing);
- ``description``: the English description (the French one if none);
- ``url``, ``@id``: the resource IRI (it dereferences to this page);
- ``identifier``: the DOI as a ``PropertyValue``, else ``dct:identifier`` as one, else the IRI;
- ``sameAs``: the DOI URL, else the landing page;
- ``version``: ``dcat:version`` / ``owl:versionInfo``, else the modification, else the issue date;
- ``creator``: ``dct:creator`` agents (people given as text become ``Person``), else the
  publisher (an ``Organization``); ``publisher`` and ``provider``: the publisher;
- ``license``: the first licence IRI; ``isAccessibleForFree``: not restricted access rights;
- ``keywords``: the keywords and the labels of the thesaurus themes;
- ``spatialCoverage``: a ``Place`` with the WKT footprint's box; ``temporalCoverage``: an
  ISO 8601 interval (``start/..`` when open);
- ``distribution``: a ``DataDownload`` per distribution; ``includedInDataCatalog``: GAIA Data;
- ``variableMeasured``: a ``PropertyValue`` per ``gaia:variable`` concept of the thesaurus;
- ``citation``: the first publication referencing the dataset (when there is one).
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from graph_loader.namespaces import DCAT, DCAT3, DCT, FOAF, GAIA, LOCN, OWL, RDF, SDO
from graph_loader.store import Store
from graph_loader.terms import THESAURUS_NS
from sparql_api.linked_data.dereference import describe_triples
from sparql_api.linked_data.facts import Facts, is_iri

__all__ = ["dataset_jsonld", "SCHEMA_CONTEXT", "wkt_box"]

#: the context of every page's JSON-LD: schema.org's own (``@vocab`` ``http://schema.org/``)
SCHEMA_CONTEXT = "https://schema.org/"
NON_FREE = ("NON_PUBLIC", "RESTRICTED")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def wkt_box(wkt: str) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) of a WKT geometry's coordinates (lon lat order).

    >>> wkt_box("POLYGON((-20 0, 20 0, 20 25, -20 25, -20 0))")
    (-20.0, 0.0, 20.0, 25.0)
    """
    body = wkt.split(">", 1)[-1]  # drop a leading CRS IRI
    numbers = [float(n) for n in _NUMBER.findall(body.split("(", 1)[-1])]
    if len(numbers) < 2 or len(numbers) % 2:
        return None
    xs, ys = numbers[0::2], numbers[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def _agent(facts: Facts, term: object) -> dict | None:
    if isinstance(term, ox.Literal):  # a name given as text: a person, as DataCite writes them
        return {"@type": "Person", "name": term.value}
    if not is_iri(term):
        return None
    types = set(facts.iris(term.value, RDF.type))
    kind = "Person" if str(FOAF.Person) in types else "Organization"
    agent = {"@type": kind, "@id": term.value, "name": facts.label(term.value) or term.value}
    homepage = facts.iris(term.value, FOAF.homepage)
    if homepage:
        agent["url"] = homepage[0]
    return agent


def _identifier(facts: Facts, iri: str) -> tuple[dict | str, str | None]:
    """The identifier, and the DOI URL when there is a DOI."""
    doi = facts.doi(iri)
    if doi:
        url = "https://doi.org/" + doi
        return {
            "@type": "PropertyValue",
            "propertyID": "https://registry.identifiers.org/registry/doi",
            "value": "doi:" + doi,
            "url": url,
        }, url
    local = facts.text(iri, DCT.identifier)
    if local:
        return {"@type": "PropertyValue", "propertyID": "dct:identifier", "value": local}, None
    return iri, None


def _temporal(facts: Facts, iri: str) -> str | None:
    for period in facts.iris(iri, DCT.temporal):
        start = facts.text(period, DCAT.startDate, SDO.startDate)
        end = facts.text(period, DCAT.endDate, SDO.endDate)
        if start or end:
            return f"{start or '..'}/{end or '..'}"
    return None


def _spatial(facts: Facts, iri: str) -> dict | None:
    for place in facts.iris(iri, DCT.spatial):
        for wkt in facts.values(place, DCAT.bbox, LOCN.geometry):
            box = wkt_box(wkt.value) if isinstance(wkt, ox.Literal) else None
            if box:
                west, south, east, north = box
                shape = {"@type": "GeoShape", "box": f"{south} {west} {north} {east}"}
                return {"@type": "Place", "geo": shape}
    return None


def _distributions(facts: Facts, iri: str) -> list[dict]:
    out = []
    for dist in facts.iris(iri, DCAT.distribution):
        url = facts.iris(dist, DCAT.downloadURL) or facts.iris(dist, DCAT.accessURL)
        if not url:
            continue
        item = {"@type": "DataDownload", "contentUrl": url[0]}
        name = facts.text(dist, DCT.title)
        if name:
            item["name"] = name
        media = facts.text(dist, DCAT.mediaType)  # a media type given as text
        if not media:  # an IANA media type IRI, else the file type's label or code
            iris = facts.iris(dist, DCAT.mediaType)
            if iris:
                media = iris[0].split("/media-types/", 1)[-1]
            else:
                formats = facts.iris(dist, DCT["format"])
                media = formats and (facts.label(formats[0]) or formats[0].rsplit("/", 1)[-1])
        if media:
            item["encodingFormat"] = media
        out.append(item)
    return out


def _variables(facts: Facts, iri: str) -> list[dict]:
    out = []
    for concept in facts.iris(iri, GAIA.variable, DCAT.theme):
        if not concept.startswith(THESAURUS_NS) or any(v["propertyID"] == concept for v in out):
            continue
        name = facts.label(concept) or concept.removeprefix(THESAURUS_NS)
        out.append({"@type": "PropertyValue", "name": name, "propertyID": concept, "url": concept})
    return out


def _keywords(facts: Facts, iri: str, variables: list[dict]) -> list[str]:
    words = [v.value for v in facts.values(iri, DCAT.keyword) if isinstance(v, ox.Literal)]
    words += [v["name"] for v in variables]
    seen, out = set(), []
    for word in words:
        if word.casefold() not in seen:
            seen.add(word.casefold())
            out.append(word)
    return out


def dataset_jsonld(
    store: Store, iri: ox.NamedNode | str, base: str, *, triples: list[ox.Triple] | None = None
) -> dict:
    """The schema.org ``Dataset`` of ``iri`` (see the module docstring); ``{}`` if unknown.
    ``triples``: its description when the caller already has it."""
    node = iri if isinstance(iri, ox.NamedNode) else ox.NamedNode(iri)
    facts = Facts(triples if triples is not None else describe_triples(store, node))
    s = node.value
    if not facts.by.get(s):
        return {}
    doc = _headline(facts, s)
    _put(doc, **_agents(facts, s))
    licences = facts.iris(s, DCT.license)
    _put(doc, license=licences[0] if licences else None)
    rights = facts.iris(s, DCT.accessRights)
    doc["isAccessibleForFree"] = not any(r.rsplit("/", 1)[-1] in NON_FREE for r in rights)
    variables = _variables(facts, s)
    _put(
        doc,
        keywords=_keywords(facts, s, variables),
        spatialCoverage=_spatial(facts, s),
        temporalCoverage=_temporal(facts, s),
        distribution=_distributions(facts, s),
    )
    doc["includedInDataCatalog"] = {"@type": "DataCatalog", "name": "GAIA Data", "url": base}
    _put(
        doc,
        variableMeasured=variables,
        citation=_citation(facts, s),
        dateModified=facts.text(s, DCT.modified),
        datePublished=facts.text(s, DCT.issued),
    )
    return doc


def _put(doc: dict, **values: object) -> None:
    """Set the keys of ``values`` that have a value (in this order)."""
    doc.update((key, value) for key, value in values.items() if value)


def _headline(facts: Facts, s: str) -> dict:
    """What names and identifies the dataset: ``@context`` … ``version``."""
    en = facts.text(s, DCT.title, SDO["name"], lang="en")
    fr = facts.text(s, DCT.title, SDO["name"], lang="fr")
    doc: dict = {"@context": SCHEMA_CONTEXT, "@type": "Dataset", "@id": s, "name": en or fr}
    if fr and fr != en:
        doc["alternateName"] = fr
    doc["description"] = facts.text(s, DCT.description, SDO.description, lang="en")
    doc["url"] = s
    identifier, doi_url = _identifier(facts, s)
    doc["identifier"] = identifier
    landing = facts.iris(s, DCAT.landingPage)
    version = facts.text(s, DCAT3.version, OWL.versionInfo, SDO.version)
    version = version or facts.text(s, DCT.modified) or facts.text(s, DCT.issued)
    _put(doc, sameAs=doi_url or (landing[0] if landing else None), version=version)
    return doc


def _agents(facts: Facts, s: str) -> dict:
    """``creator`` (the creators, else the publisher), ``publisher`` and ``provider``."""
    publisher = [a for a in (_agent(facts, p) for p in facts.values(s, DCT.publisher)) if a]
    creators = [a for a in (_agent(facts, c) for c in facts.values(s, DCT.creator)) if a]
    first = publisher[0] if publisher else None
    return {
        "creator": sorted(creators, key=lambda a: a["name"]) or publisher,
        "publisher": first,
        "provider": first,
    }


def _citation(facts: Facts, s: str) -> dict | None:
    """The first publication referencing the dataset, as a ``CreativeWork``."""
    cited_by = facts.iris(s, DCT.isReferencedBy)
    if not cited_by:
        return None
    work = {"@type": "CreativeWork", "@id": cited_by[0]}
    name = facts.label(cited_by[0])
    if name:
        work["name"] = name
    return work
