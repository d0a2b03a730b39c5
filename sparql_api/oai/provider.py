"""An OAI-PMH 2.0 data provider over the records of the store (no Flask).

- Items: the datasets, data services, publications and software of the record graphs;
  identifiers ``oai:<host of the base>:<kind>/<slug>``; datestamps: the load time of the
  record graph (day or second granularity, UTC).
- Sets: ``pole:<slug>`` (the record's ``gaia:pole``) and ``compartment:<slug>`` (the
  compartment the inference graph gives the resource).
- Formats: ``oai_dc``, ``oai_datacite`` (DataCite kernel 4), ``dcat`` (RDF/XML), see
  :mod:`sparql_api.oai.metadata`. DataCite identifies by DOI: only the items whose record
  gives a DOI are disseminated as ``oai_datacite`` (the others: cannotDisseminateFormat).
- Lists are cut every :data:`PAGE_SIZE` items with a stateless resumption token (the request
  and the offset, base64url JSON) carrying ``completeListSize`` and ``cursor``.
- Protocol errors are answered as the specification says: HTTP 200 with ``<error code=…>``
  (badVerb, badArgument, badResumptionToken, cannotDisseminateFormat, idDoesNotExist,
  noRecordsMatch), in English or French.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import UTC, datetime
from urllib.parse import quote, unquote, urlsplit

import pyoxigraph as ox

from graph_loader import jsonsafe
from graph_loader.errors import InputError
from graph_loader.namespaces import XSD
from graph_loader.store import Store
from graph_loader.terms import ORG_NS, THESAURUS_NS
from sparql_api.core.listings import members, with_members
from sparql_api.core.rq import load_query
from sparql_api.linked_data.dereference import describe_triples
from sparql_api.oai.metadata import METADATA_FORMATS, metadata_element
from sparql_api.web.labels import LABELS

__all__ = ["PAGE_SIZE", "OAI_NS", "VERBS", "Provider", "OaiError", "ERRORS"]

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
PAGE_SIZE = 50
ET.register_namespace("", OAI_NS)  # the sitemap passes its own default: no clash
ET.register_namespace("xsi", XSI)

#: verb -> (required arguments, optional arguments); resumptionToken is exclusive
VERBS: dict[str, tuple[set[str], set[str]]] = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
}
#: the types of the resources an OAI-PMH list shows
RECORD_TYPES = frozenset(
    {
        "http://www.w3.org/ns/dcat#Dataset",
        "http://www.w3.org/ns/dcat#DatasetSeries",
        "http://www.w3.org/ns/dcat#DataService",
        "https://schema.org/ScholarlyArticle",
        "https://schema.org/CreativeWork",
        "https://schema.org/SoftwareSourceCode",
        "https://schema.org/SoftwareApplication",
        "https://schema.org/LearningResource",
    }
)
#: the SELECT line of ``oai_records.rq``, replaced to list the members
_SELECT = "SELECT ?r ?graph ?loaded ?type WHERE {"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SECOND = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")

#: error code -> the key in :data:`LABELS` of its message (parameters: the error's)
ERRORS: dict[str, str] = {
    "badVerb": LABELS.mark("oai.badVerb"),
    "badArgument": LABELS.mark("oai.badArgument"),
    "badResumptionToken": LABELS.mark("oai.badResumptionToken"),
    "cannotDisseminateFormat": LABELS.mark("oai.cannotDisseminateFormat"),
    "idDoesNotExist": LABELS.mark("oai.idDoesNotExist"),
    "noRecordsMatch": LABELS.mark("oai.noRecordsMatch"),
}
#: what is wrong with an argument -> the key in :data:`LABELS` of the badArgument detail
ARGUMENT_DETAILS: dict[str, str] = {
    "illegal": LABELS.mark("oai.arg.illegal"),
    "missing": LABELS.mark("oai.arg.missing"),
    "repeated": LABELS.mark("oai.arg.repeated"),
    "exclusive": LABELS.mark("oai.arg.exclusive"),
    "date": LABELS.mark("oai.arg.date"),
    "granularity": LABELS.mark("oai.arg.granularity"),
    "range": LABELS.mark("oai.arg.range"),
    "set": LABELS.mark("oai.arg.set"),
}


class OaiError(Exception):
    """A protocol error: its ``code`` and message parameters."""

    def __init__(self, code: str, **params: object):
        super().__init__(code)
        self.code = code
        self.params = params


def _bad_argument(kind: str, lang: str, **params: object) -> OaiError:
    detail = LABELS.text(ARGUMENT_DETAILS[kind], lang, **params)
    return OaiError("badArgument", detail=detail)


def _moment(literal: ox.Literal) -> datetime:
    """The moment a date-time literal says (UTC when it says no offset)."""
    moment = datetime.fromisoformat(literal.value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _stamp(literal: ox.Literal) -> str:
    """A datestamp at second granularity, UTC."""
    return _moment(literal).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Provider:
    """One OAI-PMH request over ``store``; :meth:`respond` gives the XML bytes."""

    def __init__(self, store: Store, base: str, lang: str, page_size: int):
        self.store, self.base, self.lang, self.page_size = store, base, lang, page_size
        self.host = urlsplit(base).hostname or "gaia-kg"

    # -- identifiers ---------------------------------------------------------------------
    def identifier(self, iri: str) -> str:
        prefix = self.base + "id/"
        local = iri.removeprefix(prefix) if iri.startswith(prefix) else "iri:" + quote(iri, safe="")
        return f"oai:{self.host}:{local}"

    def iri(self, identifier: str) -> ox.NamedNode:
        head = f"oai:{self.host}:"
        if not identifier.startswith(head):
            raise OaiError("idDoesNotExist", value=identifier)
        local = identifier.removeprefix(head)
        value = unquote(local[4:]) if local.startswith("iri:") else self.base + "id/" + local
        try:
            return ox.NamedNode(value)
        except ValueError as exc:
            raise OaiError("idDoesNotExist", value=identifier) from exc

    # -- listing -------------------------------------------------------------------------
    def records(self, state: dict, offset: int, limit: int) -> tuple[int, list[dict]]:
        """(total, rows of the page) for a list request ``state``: rows ``{"r", "g",
        "stamp"}`` in IRI order (see :mod:`sparql_api.core.listings`)."""
        bindings = self._bindings(state)
        query = load_query("oai_records")
        if "iri" in state:  # one record (GetRecord, ListMetadataFormats): read at once
            rows = self._grouped(self.store.select(with_members(query, [state["iri"]]), bindings))
            return len(rows), rows[offset : offset + limit]
        listing = query.replace(_SELECT, "SELECT DISTINCT ?r ?type WHERE {", 1)
        key = ("oai", *sorted((name, str(term)) for name, term in bindings.items()))

        def listed() -> Iterable[str]:
            rows = self.store.select(listing, bindings)
            return (row["r"].value for row in rows if row["type"].value in RECORD_TYPES)

        found = members(self.store, key, listed)
        page = found.page(offset, limit)
        rows = self.store.select(with_members(query, page), bindings) if page else []
        return len(found), self._grouped(rows)

    def _bindings(self, state: dict) -> dict:
        flags = {}
        for name in ("from", "until"):
            raw = state.get(name)
            if raw and _DAY.fullmatch(raw):
                raw += "T00:00:00Z" if name == "from" else "T23:59:59Z"
            flags[name] = ox.Literal(
                raw or "1970-01-01T00:00:00Z", datatype=ox.NamedNode(XSD.dateTime)
            )
        kind, _, slug = (state.get("set") or ":").partition(":")
        unused = ox.NamedNode("urn:gaia-kg:unused")
        return {
            "useFrom": _bool(bool(state.get("from"))),
            "from": flags["from"],
            "useUntil": _bool(bool(state.get("until"))),
            "until": flags["until"],
            "usePole": _bool(kind == "pole"),
            "pole": ox.NamedNode(ORG_NS + slug) if kind == "pole" else unused,
            "useCompartment": _bool(kind == "compartment"),
            "compartment": ox.NamedNode(THESAURUS_NS + slug) if kind == "compartment" else unused,
            "needDoi": _bool(state.get("metadataPrefix") == "oai_datacite"),
        }

    @staticmethod
    def _grouped(rows: list) -> list[dict]:
        """One row per resource of a record type, in IRI order: its first record graph and
        the latest load time of its record graphs."""
        found: dict[str, dict] = {}
        for row in rows:
            if row["type"].value not in RECORD_TYPES:
                continue
            iri, graph, loaded = row["r"].value, row["graph"], row["loaded"]
            kept = found.get(iri)
            if kept is None:
                found[iri] = {"r": row["r"], "g": graph, "stamp": loaded}
                continue
            if graph.value < kept["g"].value:
                kept["g"] = graph
            if _moment(loaded) > _moment(kept["stamp"]):
                kept["stamp"] = loaded
        return [found[iri] for iri in sorted(found)]

    def sets_of(self, resources: list[ox.NamedNode]) -> dict[str, list[str]]:
        if not resources:
            return {}
        block = "VALUES ?r { " + " ".join(str(r) for r in resources) + " }"
        query = load_query("oai_sets").replace("VALUES ?r { }", block)
        sets: dict[str, set[str]] = {}
        for row in self.store.select(query):
            namespace = ORG_NS if row["kind"].value == "pole" else THESAURUS_NS
            slug = row["set"].value.removeprefix(namespace)
            sets.setdefault(row["r"].value, set()).add(f"{row['kind'].value}:{slug}")
        return {r: sorted(s) for r, s in sets.items()}

    def header(self, parent: ET.Element, row: dict, sets: list[str]) -> None:
        header = ET.SubElement(parent, _t("header"))
        ET.SubElement(header, _t("identifier")).text = self.identifier(row["r"].value)
        ET.SubElement(header, _t("datestamp")).text = _stamp(row["stamp"])
        for spec in sets:
            ET.SubElement(header, _t("setSpec")).text = spec

    def record(self, parent: ET.Element, row: dict, sets: list[str], prefix: str) -> None:
        record = ET.SubElement(parent, _t("record"))
        self.header(record, row, sets)
        triples = describe_triples(self.store, row["r"])
        metadata = ET.SubElement(record, _t("metadata"))
        metadata.append(metadata_element(prefix, triples, row["r"].value))


def _t(local: str) -> str:
    return f"{{{OAI_NS}}}{local}"


def _bool(value: bool) -> ox.Literal:
    return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD.boolean))


def _encode(state: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(state, sort_keys=True).encode()).decode()


#: the largest offset a resumption token may carry (a forged one could be any integer)
MAX_OFFSET = 2**31


def _decode(token: str) -> dict:
    try:  # a forged token may hold anything: deep JSON is refused before decoding
        state = jsonsafe.loads(base64.urlsafe_b64decode(token.encode()), limit=4)
    except (binascii.Error, ValueError, UnicodeError, InputError) as exc:
        raise OaiError("badResumptionToken") from exc
    if not isinstance(state, dict) or type(state.get("offset")) is not int:
        raise OaiError("badResumptionToken")
    if state.get("metadataPrefix") not in METADATA_FORMATS:
        raise OaiError("badResumptionToken")
    if not 0 <= state["offset"] < MAX_OFFSET:
        raise OaiError("badResumptionToken")
    return state
