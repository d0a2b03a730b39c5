"""The DCAT-AP 3 catalogue feed (``/catalog``), paged with Hydra, for harvesters
(data.europa.eu, national catalogues).

A page is one graph: the catalogue ``<base>catalog`` (``dcat:Catalog``, ``hydra:Collection``,
title, description and publisher in fr/en, ``hydra:totalItems``), its ``dcat:dataset`` and
``dcat:service`` members of the page with every statement of their record graphs (the
provenance of the records left out, as ``gaia-kg export`` does), the description of the
publisher, what the graphs say of the IRIs they link to (themes, authority tables,
standards; of linked records what DCAT-AP checks of a link's target), and a
``hydra:PartialCollectionView`` with first / previous / next / last links. Each member's
record is a ``dcat:CatalogRecord`` (``dcat:record`` of the catalogue) that says whether it
conforms to the GAIA profile (:mod:`graph_loader.conformance`): a record loaded with defects
flagged has no ``dct:conformsTo`` and lists its defects in ``dct:description``.

Filters: ``modified-since`` (ISO date or date-time: the record was loaded, or the resource
modified, on or after it), ``pole`` (slug or IRI), ``concept`` (thesaurus slug or IRI; the
concept or any concept under it). ``page`` is 1-based, ``size`` 1 to :data:`MAX_SIZE`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlencode

import pyoxigraph as ox

from graph_loader.centroid import centroids
from graph_loader.conformance import catalog_record, profile_triples, references
from graph_loader.file_types import format_triples
from graph_loader.mappings.datacite_terms import language_iri
from graph_loader.namespaces import DCAT, DCT, FOAF, HYDRA, XSD
from graph_loader.store import Store
from graph_loader.terms import ORG_NS, RDF_TYPE, THESAURUS_NS
from sparql_api.core.listings import members, with_members
from sparql_api.core.numbers import whole_number
from sparql_api.core.rq import load_query
from sparql_api.linked_data.dereference import describe_triples
from sparql_api.web.i18n import WEB

__all__ = [
    "CatalogParams",
    "FeedError",
    "catalog_page",
    "catalog_own_triples",
    "MAX_SIZE",
    "DEFAULT_SIZE",
]

MAX_SIZE = 500
#: the highest page number taken (a bound on the number, not on the feed)
MAX_PAGE = 10**9
DEFAULT_SIZE = 100
_SLUG = re.compile(r"[a-z0-9][a-z0-9._~-]*")
TRUE = ox.Literal("true", datatype=ox.NamedNode(XSD.boolean))
FALSE = ox.Literal("false", datatype=ox.NamedNode(XSD.boolean))


class FeedError(ValueError):
    """A bad parameter: ``key`` names the message of :mod:`sparql_api.web.i18n`."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params


def _iri(value: str, namespace: str, name: str) -> ox.NamedNode:
    if _SLUG.fullmatch(value):
        return ox.NamedNode(namespace + value)
    try:
        if value.startswith(("http://", "https://")):
            return ox.NamedNode(value)
    except ValueError:
        pass
    raise FeedError(WEB.mark("feed_bad_value"), name=name, value=value)


def _int(args: Mapping[str, str], name: str, default: int, high: int) -> int:
    raw = args.get(name)
    if raw is None:  # given, even empty: it must be a number
        return default
    number = whole_number(raw)
    if number is None or not 1 <= number <= high:
        raise FeedError(WEB.mark("feed_bad_int"), name=name, value=raw, high=high)
    return number


@dataclass(frozen=True, slots=True)
class CatalogParams:
    """The parameters of one page of the feed."""

    page: int = 1
    size: int = DEFAULT_SIZE
    since: datetime | None = None
    pole: ox.NamedNode | None = None
    concept: ox.NamedNode | None = None

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> CatalogParams:
        """Parse query arguments; :class:`FeedError` on a bad value."""
        since = None
        raw = args.get("modified-since")
        if raw:
            try:
                since = datetime.fromisoformat(raw.replace("Z", "+00:00"))
            except ValueError as exc:
                raise FeedError(WEB.mark("feed_bad_date"), value=raw) from exc
            if since.tzinfo is None:
                since = since.replace(tzinfo=UTC)
        pole = _iri(args["pole"], ORG_NS, "pole") if args.get("pole") else None
        concept = _iri(args["concept"], THESAURUS_NS, "concept") if args.get("concept") else None
        return cls(
            page=_int(args, "page", 1, MAX_PAGE),
            size=_int(args, "size", DEFAULT_SIZE, MAX_SIZE),
            since=since,
            pole=pole,
            concept=concept,
        )

    def query_string(self, page: int) -> str:
        """The URL query of page ``page`` with the same filters."""
        args: dict[str, object] = {}
        if self.since is not None:
            args["modified-since"] = self.since.isoformat().replace("+00:00", "Z")
        if self.pole is not None:
            args["pole"] = self.pole.value.removeprefix(ORG_NS)
        if self.concept is not None:
            args["concept"] = self.concept.value.removeprefix(THESAURUS_NS)
        args["page"] = page
        args["size"] = self.size
        return urlencode(args)

    def bindings(self) -> dict[str, ox.NamedNode | ox.Literal]:
        unused = ox.NamedNode("urn:gaia-kg:unused")
        since = self.since.isoformat() if self.since else "1970-01-01T00:00:00+00:00"
        return {
            "useSince": TRUE if self.since else FALSE,
            "since": ox.Literal(since, datatype=ox.NamedNode(XSD.dateTime)),
            "sinceDate": ox.Literal(since[:10]),
            "usePole": TRUE if self.pole else FALSE,
            "pole": self.pole or unused,
            "useConcept": TRUE if self.concept else FALSE,
            "concept": self.concept or unused,
        }


#: the types of the members of the feed
MEMBER_TYPES = frozenset({str(DCAT.Dataset), str(DCAT.DataService)})
#: the SELECT line of ``catalog_members.rq``, replaced to list the members
_SELECT = "SELECT ?r ?g ?type WHERE {"


def _members(store: Store, params: CatalogParams) -> tuple[int, list[dict]]:
    """(total, rows of the page): the members' rows ``{"r", "g", "type"}`` in IRI order
    (see :mod:`sparql_api.core.listings`)."""
    query, bindings = load_query("catalog_members"), params.bindings()
    listing = query.replace(_SELECT, "SELECT DISTINCT ?r ?type WHERE {", 1)
    key = ("catalog", *sorted((name, str(term)) for name, term in bindings.items()))

    def listed() -> Iterable[str]:
        rows = store.select(listing, bindings)
        return (row["r"].value for row in rows if row["type"].value in MEMBER_TYPES)

    found = members(store, key, listed)
    page = found.page((params.page - 1) * params.size, params.size)
    rows = store.select(with_members(query, page), bindings) if page else []
    kept = {(row["r"].value, row["g"].value, row["type"].value): row for row in rows}
    return len(found), [kept[k] for k in sorted(kept) if k[2] in MEMBER_TYPES]


def catalog_page(
    store: Store, params: CatalogParams, base: str, *, own: set[ox.Triple] | None = None
) -> list[ox.Triple]:
    """The triples of one page of the feed (see the module docstring); ``own``: what the
    catalogue says of itself (:func:`catalog_own_triples`, read from the store if None)."""
    total, rows = _members(store, params)
    catalog = ox.NamedNode(base + "catalog")
    view = ox.NamedNode(f"{base}catalog?{params.query_string(params.page)}")
    last = max(1, -(-total // params.size))
    t = ox.Triple
    out: set[ox.Triple] = {
        t(catalog, RDF_TYPE, ox.NamedNode(DCAT.Catalog)),
        t(catalog, RDF_TYPE, ox.NamedNode(HYDRA.Collection)),
        t(catalog, ox.NamedNode(DCT.title), ox.Literal("GAIA Data catalogue", language="en")),
        t(catalog, ox.NamedNode(DCT.title), ox.Literal("Catalogue GAIA Data", language="fr")),
        t(
            catalog,
            ox.NamedNode(DCT.description),
            ox.Literal(
                "Datasets and data services of the Data Terra hubs (AERIS, ODATIS, THEIA, "
                "ForM@Ter, PNDB), in DCAT-AP 3.",
                language="en",
            ),
        ),
        t(
            catalog,
            ox.NamedNode(DCT.description),
            ox.Literal(
                "Jeux de données et services de données des pôles de Data Terra (AERIS, "
                "ODATIS, THEIA, ForM@Ter, PNDB), en DCAT-AP 3.",
                language="fr",
            ),
        ),
        t(catalog, ox.NamedNode(HYDRA.totalItems), _integer(total)),
        t(catalog, ox.NamedNode(HYDRA.view), view),
        t(view, RDF_TYPE, ox.NamedNode(HYDRA.PartialCollectionView)),
    }
    out.update(catalog_own_triples(store, base) if own is None else own)
    publisher = ox.NamedNode(base + "id/agent/data-terra")
    out.add(t(catalog, ox.NamedNode(DCT.publisher), publisher))
    out.update(x for x in describe_triples(store, publisher) if x.subject == publisher)
    out.update(_view_links(view, params, last, base))
    for row in rows:
        out.update(_member_triples(store, catalog, row))
    if rows:
        out.update(profile_triples())
    out.update(references(store, out))
    return sorted(out, key=lambda x: (str(x.subject), str(x.predicate), str(x.object)))


def _view_links(view: ox.NamedNode, params: CatalogParams, last: int, base: str):
    """The Hydra links of a page: first, last, previous and next."""
    links = {"first": 1, "last": last}
    if params.page > 1:
        links["previous"] = min(params.page - 1, last)
    if params.page < last:
        links["next"] = params.page + 1
    return {
        ox.Triple(
            view,
            ox.NamedNode(HYDRA[rel]),
            ox.NamedNode(f"{base}catalog?{params.query_string(page)}"),
        )
        for rel, page in links.items()
    }


def _member_triples(store: Store, catalog: ox.NamedNode, row) -> set[ox.Triple]:
    """One member of the page: its record graph's description, what is derived on read, and
    the record itself (when loaded, and whether it conforms to the GAIA profile)."""
    member, graph = row["r"], row["g"]
    rel = "dataset" if row["type"].value == str(DCAT.Dataset) else "service"
    statements = store.graph_triples(graph)
    out = {x for x in statements if x.subject != graph}
    out.update(centroids(statements))
    out.update(format_triples(statements))
    out.add(ox.Triple(catalog, ox.NamedNode(DCAT[rel]), member))
    out.add(ox.Triple(catalog, ox.NamedNode(DCAT.record), graph))
    out.update(catalog_record(graph, member, statements))
    return out


def catalog_own_triples(store: Store, base: str) -> set[ox.Triple]:
    """What the catalogue says of itself (DCAT-AP recommends them), from what it is and the
    records it holds: its home page (the portal, at the base), the languages of its records'
    titles and descriptions, the concept schemes of their themes. Its creation and last change
    are not said: the store keeps neither (a withdrawn record leaves no date)."""
    t, catalog = ox.Triple, ox.NamedNode(base + "catalog")
    home = ox.NamedNode(base)
    out = {
        t(catalog, ox.NamedNode(FOAF.homepage), home),
        t(home, RDF_TYPE, ox.NamedNode(FOAF.Document)),
    }
    for row in store.select(load_query("catalog_own")):
        if row.get("lang") is not None and (iri := language_iri(row["lang"].value)):
            out.add(t(catalog, ox.NamedNode(DCT.language), ox.NamedNode(iri)))
        if row.get("scheme") is not None:
            out.add(t(catalog, ox.NamedNode(DCAT.themeTaxonomy), row["scheme"]))
    return out


def _integer(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=ox.NamedNode(XSD.integer))
