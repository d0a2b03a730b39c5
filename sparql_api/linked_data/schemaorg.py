"""schema.org Dataset JSON-LD for a dataset page, complete for Google Dataset Search.

Built from the dataset's description (:func:`sparql_api.linked_data.dereference.describe_triples`:
its record graph and the labels of what it links to). The vocabulary is ``http://schema.org/``, the
namespace the science-on-schema.org shapes (and Google) expect. What each property is made of:

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
from collections import defaultdict

import pyoxigraph as ox

from graph_loader.store import Store
from graph_loader.terms import DCAT, DCT, FOAF, GAIA_NS, RDF_TYPE, SDO, SKOS, THESAURUS_NS
from sparql_api.linked_data.dereference import describe_triples

__all__ = ["dataset_jsonld", "SCHEMA_CONTEXT", "wkt_box", "Facts"]

SCHEMA_CONTEXT = {"@vocab": "http://schema.org/"}
OWL = "http://www.w3.org/2002/07/owl#"
CITO = "http://purl.org/spar/cito/"
NON_FREE = ("NON_PUBLIC", "RESTRICTED")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
_DOI = re.compile(r"(?:doi:|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)", re.IGNORECASE)


class Facts:
    """The description as subject -> predicate -> objects, with label helpers."""

    def __init__(self, triples: list[ox.Triple]):
        self.by: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for t in triples:
            self.by[t.subject.value][t.predicate.value].append(t.object)

    def values(self, subject: str, *predicates: str) -> list:
        out = []
        for predicate in predicates:
            out.extend(self.by.get(subject, {}).get(predicate, []))
        return out

    def iris(self, subject: str, *predicates: str) -> list[str]:
        return sorted({v.value for v in self.values(subject, *predicates) if _is_iri(v)})

    def text(self, subject: str, *predicates: str, lang: str = "en") -> str | None:
        """A literal in ``lang``, else untagged, else in any language (smallest first)."""
        literals = [v for v in self.values(subject, *predicates) if isinstance(v, ox.Literal)]
        for wanted in (lang, ""):
            found = sorted(v.value for v in literals if (v.language or "")[:2] == wanted)
            if found:
                return found[0]
        return min((v.value for v in literals), default=None)

    def label(self, subject: str, lang: str = "en") -> str | None:
        return self.text(
            subject, SKOS + "prefLabel", DCT + "title", FOAF + "name", SDO + "name", lang=lang
        )


def _is_iri(term: object) -> bool:
    return isinstance(term, ox.NamedNode)


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
    if not _is_iri(term):
        return None
    types = {t.value for t in facts.values(term.value, RDF_TYPE.value)}
    kind = "Person" if FOAF + "Person" in types else "Organization"
    agent = {"@type": kind, "@id": term.value, "name": facts.label(term.value) or term.value}
    homepage = facts.iris(term.value, FOAF + "homepage")
    if homepage:
        agent["url"] = homepage[0]
    return agent


def _identifier(facts: Facts, iri: str) -> tuple[dict | str, str | None]:
    """The identifier, and the DOI URL when there is a DOI."""
    for value in facts.values(iri, DCT + "identifier", SDO + "identifier"):
        match = _DOI.fullmatch(value.value.strip())
        if match:
            doi = match.group(1)
            url = "https://doi.org/" + doi
            return {
                "@type": "PropertyValue",
                "propertyID": "https://registry.identifiers.org/registry/doi",
                "value": "doi:" + doi,
                "url": url,
            }, url
    local = facts.text(iri, DCT + "identifier")
    if local:
        return {"@type": "PropertyValue", "propertyID": "dct:identifier", "value": local}, None
    return iri, None


def _temporal(facts: Facts, iri: str) -> str | None:
    for period in facts.iris(iri, DCT + "temporal"):
        start = facts.text(period, DCAT + "startDate", SDO + "startDate")
        end = facts.text(period, DCAT + "endDate", SDO + "endDate")
        if start or end:
            return f"{start or '..'}/{end or '..'}"
    return None


def _spatial(facts: Facts, iri: str) -> dict | None:
    for place in facts.iris(iri, DCT + "spatial"):
        for wkt in facts.values(place, DCAT + "bbox", "http://www.w3.org/ns/locn#geometry"):
            box = wkt_box(wkt.value) if isinstance(wkt, ox.Literal) else None
            if box:
                west, south, east, north = box
                shape = {"@type": "GeoShape", "box": f"{south} {west} {north} {east}"}
                return {"@type": "Place", "geo": shape}
    return None


def _distributions(facts: Facts, iri: str) -> list[dict]:
    out = []
    for dist in facts.iris(iri, DCAT + "distribution"):
        url = facts.iris(dist, DCAT + "downloadURL") or facts.iris(dist, DCAT + "accessURL")
        if not url:
            continue
        item = {"@type": "DataDownload", "contentUrl": url[0]}
        name = facts.text(dist, DCT + "title")
        if name:
            item["name"] = name
        media = facts.text(dist, DCAT + "mediaType")  # a media type given as text
        if not media:  # an IANA media type IRI, else the file type's label or code
            iris = facts.iris(dist, DCAT + "mediaType")
            if iris:
                media = iris[0].split("/media-types/", 1)[-1]
            else:
                formats = facts.iris(dist, DCT + "format")
                media = formats and (facts.label(formats[0]) or formats[0].rsplit("/", 1)[-1])
        if media:
            item["encodingFormat"] = media
        out.append(item)
    return out


def _variables(facts: Facts, iri: str) -> list[dict]:
    out = []
    for concept in facts.iris(iri, GAIA_NS + "variable", DCAT + "theme"):
        if not concept.startswith(THESAURUS_NS) or any(v["propertyID"] == concept for v in out):
            continue
        name = facts.label(concept) or concept.removeprefix(THESAURUS_NS)
        out.append({"@type": "PropertyValue", "name": name, "propertyID": concept, "url": concept})
    return out


def _keywords(facts: Facts, iri: str, variables: list[dict]) -> list[str]:
    words = [v.value for v in facts.values(iri, DCAT + "keyword") if isinstance(v, ox.Literal)]
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
    en = facts.text(s, DCT + "title", SDO + "name", lang="en")
    fr = facts.text(s, DCT + "title", SDO + "name", lang="fr")
    doc: dict = {"@context": SCHEMA_CONTEXT, "@type": "Dataset", "@id": s, "name": en or fr}
    if fr and fr != en:
        doc["alternateName"] = fr
    doc["description"] = facts.text(s, DCT + "description", SDO + "description", lang="en")
    doc["url"] = s
    identifier, doi_url = _identifier(facts, s)
    doc["identifier"] = identifier
    landing = facts.iris(s, DCAT + "landingPage")
    if doi_url or landing:
        doc["sameAs"] = doi_url or landing[0]
    version = facts.text(s, DCAT + "version", OWL + "versionInfo", SDO + "version")
    version = version or facts.text(s, DCT + "modified") or facts.text(s, DCT + "issued")
    if version:
        doc["version"] = version
    publisher = [a for a in (_agent(facts, p) for p in facts.values(s, DCT + "publisher")) if a]
    creators = [a for a in (_agent(facts, c) for c in facts.values(s, DCT + "creator")) if a]
    creators = sorted(creators, key=lambda a: a["name"]) or publisher
    if creators:
        doc["creator"] = creators
    if publisher:
        doc["publisher"] = publisher[0]
        doc["provider"] = publisher[0]
    licences = facts.iris(s, DCT + "license")
    if licences:
        doc["license"] = licences[0]
    rights = facts.iris(s, DCT + "accessRights")
    doc["isAccessibleForFree"] = not any(r.rsplit("/", 1)[-1] in NON_FREE for r in rights)
    variables = _variables(facts, s)
    keywords = _keywords(facts, s, variables)
    if keywords:
        doc["keywords"] = keywords
    spatial = _spatial(facts, s)
    if spatial:
        doc["spatialCoverage"] = spatial
    temporal = _temporal(facts, s)
    if temporal:
        doc["temporalCoverage"] = temporal
    distributions = _distributions(facts, s)
    if distributions:
        doc["distribution"] = distributions
    doc["includedInDataCatalog"] = {"@type": "DataCatalog", "name": "GAIA Data", "url": base}
    if variables:
        doc["variableMeasured"] = variables
    cited_by = facts.iris(s, DCT + "isReferencedBy")
    if cited_by:
        work = {"@type": "CreativeWork", "@id": cited_by[0]}
        name = facts.label(cited_by[0])
        if name:
            work["name"] = name
        doc["citation"] = work
    modified = facts.text(s, DCT + "modified")
    if modified:
        doc["dateModified"] = modified
    issued = facts.text(s, DCT + "issued")
    if issued:
        doc["datePublished"] = issued
    return doc
