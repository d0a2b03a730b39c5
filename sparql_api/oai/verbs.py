"""The six OAI-PMH verbs and the check of their arguments (see :mod:`sparql_api.oai.provider`)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from datetime import datetime

from sparql_api.core.rq import load_query
from sparql_api.oai.metadata import METADATA_FORMATS
from sparql_api.oai.provider import (
    _DAY,
    _SECOND,
    ERRORS,
    VERBS,
    OaiError,
    Provider,
    _bad_argument,
    _decode,
    _encode,
    _stamp,
    _t,
)

__all__ = ["VERB_HANDLERS", "check_arguments"]

assert ERRORS  # the messages live beside the error codes


def check_arguments(verb: str, args: Mapping[str, list[str]], lang: str) -> dict[str, str]:
    """The single value of each argument; :class:`OaiError` badArgument when one is illegal,
    missing, repeated, or a date is malformed."""
    required, optional = VERBS[verb]
    single: dict[str, str] = {}
    for name, values in args.items():
        if name in ("verb", "lang"):
            continue
        if name not in required | optional:
            raise _bad_argument("illegal", lang, name=name)
        if len(values) != 1:
            raise _bad_argument("repeated", lang, name=name)
        single[name] = values[0]
    if "resumptionToken" in single:
        if len(single) > 1:
            raise _bad_argument("exclusive", lang)
        return single
    for name in sorted(required):
        if name not in single:
            raise _bad_argument("missing", lang, name=name)
    for name in ("from", "until"):
        value = single.get(name)
        if value is not None and not _exists(value):
            raise _bad_argument("date", lang, name=name, value=value)
    if "from" in single and "until" in single:
        if len(single["from"]) != len(single["until"]):
            raise _bad_argument("granularity", lang)
        if single["from"] > single["until"]:
            raise _bad_argument("range", lang)
    spec = single.get("set")
    if spec is not None:
        kind, _, slug = spec.partition(":")
        if kind not in ("pole", "compartment") or not slug or "/" in slug:
            raise _bad_argument("set", lang, value=spec)
    return single


def _exists(value: str) -> bool:
    """Whether ``value`` is a UTC datestamp (day or second) naming a moment that exists
    (``2020-13-45`` has the form but no such day).

    >>> _exists("2024-02-29"), _exists("2020-13-45"), _exists("2021-02-29T00:00:00Z")
    (True, False, False)
    """
    if not (_DAY.fullmatch(value) or _SECOND.fullmatch(value)):
        return False
    try:
        datetime.fromisoformat(value.removesuffix("Z"))
    except ValueError:
        return False
    return True


def _prefix(value: str) -> str:
    if value not in METADATA_FORMATS:
        raise OaiError("cannotDisseminateFormat", value=value, known=", ".join(METADATA_FORMATS))
    return value


def identify(provider: Provider, _args: dict) -> ET.Element:
    element = ET.Element(_t("Identify"))
    rows = provider.store.select(load_query("oai_earliest"))
    earliest = rows[0].get("earliest") if rows else None
    fields = [
        ("repositoryName", "GAIA Data – Data Terra"),
        ("baseURL", provider.base + "oai"),
        ("protocolVersion", "2.0"),
        ("adminEmail", "contact@data-terra.org"),
        ("earliestDatestamp", _stamp(earliest) if earliest else "1970-01-01T00:00:00Z"),
        ("deletedRecord", "no"),
        ("granularity", "YYYY-MM-DDThh:mm:ssZ"),
    ]
    for tag, text in fields:
        ET.SubElement(element, _t(tag)).text = text
    return element


def list_metadata_formats(provider: Provider, args: dict) -> ET.Element:
    prefixes = list(METADATA_FORMATS)
    if "identifier" in args:
        iri = provider.iri(args["identifier"])
        total, _ = provider.records({"iri": iri.value}, 0, 1)
        if not total:
            raise OaiError("idDoesNotExist", value=args["identifier"])
        with_doi, _ = provider.records({"iri": iri.value, "metadataPrefix": "oai_datacite"}, 0, 1)
        if not with_doi:
            prefixes.remove("oai_datacite")
    element = ET.Element(_t("ListMetadataFormats"))
    for prefix in prefixes:
        schema, namespace = METADATA_FORMATS[prefix]
        fmt = ET.SubElement(element, _t("metadataFormat"))
        ET.SubElement(fmt, _t("metadataPrefix")).text = prefix
        ET.SubElement(fmt, _t("schema")).text = schema
        ET.SubElement(fmt, _t("metadataNamespace")).text = namespace
    return element


def list_sets(provider: Provider, args: dict) -> ET.Element:
    if "resumptionToken" in args:  # ListSets fits in one answer: no token was ever issued
        raise OaiError("badResumptionToken")
    element = ET.Element(_t("ListSets"))
    for row in provider.store.select(load_query("oai_set_list")):
        kind = row["kind"].value
        namespace = "https://w3id.org/gaia-kg/org/" if kind == "pole" else None
        slug = row["set"].value.removeprefix(namespace or "https://w3id.org/gaia-kg/thesaurus/")
        entry = ET.SubElement(element, _t("set"))
        ET.SubElement(entry, _t("setSpec")).text = f"{kind}:{slug}"
        ET.SubElement(entry, _t("setName")).text = row["label"].value
    return element


def get_record(provider: Provider, args: dict) -> ET.Element:
    prefix = _prefix(args["metadataPrefix"])
    iri = provider.iri(args["identifier"])
    _, rows = provider.records({"iri": iri.value}, 0, 1)
    if not rows:
        raise OaiError("idDoesNotExist", value=args["identifier"])
    if prefix == "oai_datacite":
        _, rows = provider.records({"iri": iri.value, "metadataPrefix": prefix}, 0, 1)
        if not rows:  # DataCite identifies by DOI: an item without one has no such record
            raise OaiError("cannotDisseminateFormat", value=prefix, known="oai_dc, dcat")
    element = ET.Element(_t("GetRecord"))
    sets = provider.sets_of([rows[0]["r"]])
    provider.record(element, rows[0], sets.get(rows[0]["r"].value, []), prefix)
    return element


def _list(provider: Provider, args: dict, verb: str) -> ET.Element:
    if "resumptionToken" in args:
        state = _decode(args["resumptionToken"])
        kept = {k: [state[k]] for k in ("from", "until", "set", "metadataPrefix") if k in state}
        try:
            check_arguments(verb, kept, provider.lang)
        except OaiError as exc:
            raise OaiError("badResumptionToken") from exc
        state = {k: v[0] for k, v in kept.items()} | {"offset": state["offset"]}
    else:
        state = {k: args[k] for k in ("from", "until", "set") if k in args}
        state["metadataPrefix"] = _prefix(args["metadataPrefix"])
        state["offset"] = 0
    offset = state["offset"]
    total, rows = provider.records(state, offset, provider.page_size)
    if not rows:
        if offset:
            raise OaiError("badResumptionToken")
        raise OaiError("noRecordsMatch")
    element = ET.Element(_t(verb))
    sets = provider.sets_of([row["r"] for row in rows])
    for row in rows:
        row_sets = sets.get(row["r"].value, [])
        if verb == "ListRecords":
            provider.record(element, row, row_sets, state["metadataPrefix"])
        else:
            provider.header(element, row, row_sets)
    following = offset + len(rows)
    if offset or following < total:
        token = ET.SubElement(
            element,
            _t("resumptionToken"),
            {"completeListSize": str(total), "cursor": str(offset)},
        )
        if following < total:
            token.text = _encode({**state, "offset": following})
    return element


VERB_HANDLERS: dict[str, Callable[[Provider, dict], ET.Element]] = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": lambda provider, args: _list(provider, args, "ListIdentifiers"),
    "ListRecords": lambda provider, args: _list(provider, args, "ListRecords"),
}
