"""DataCite JSON → DCAT-AP 3: the REST API ``attributes`` object, bare or wrapped in
``{"data": {"attributes": ...}}`` (JSON:API), mapped by :mod:`.datacite_common`; an API
payload whose attributes carry the record as base64 DataCite XML (``xml``) is read as that XML.

JSON-LD (a document with ``@context``, e.g. schema.org or CodeMeta) is never taken.
"""

from __future__ import annotations

import base64

import pyoxigraph as ox

from .. import jsonsafe
from ..errors import InputError
from . import datacite_xml
from .datacite_common import convert_record
from .xmlsafe import MAX_RECORD_BYTES

__all__ = ["sniff", "convert", "to_record"]

_IDENTITY_KEYS = ("types", "resourceType", "doi", "identifiers")


def _attributes(document: object) -> dict | None:
    """The DataCite attributes of a parsed document, or None if it is not one."""
    if isinstance(document, dict) and isinstance(document.get("data"), dict):
        data = document["data"]
        document = data.get("attributes") if isinstance(data.get("attributes"), dict) else None
        if document is not None and "doi" not in document and isinstance(data.get("id"), str):
            document = {**document, "doi": data["id"]}
    if not isinstance(document, dict) or "@context" in document:
        return None
    if "titles" not in document and _embedded_xml(document) is not None:
        return document
    if (
        "creators" in document
        and "titles" in document
        and any(k in document for k in _IDENTITY_KEYS)
    ):
        return document
    return None


def _embedded_xml(attributes: dict) -> bytes | None:
    """The DataCite XML an API payload carries base64-encoded in ``xml`` (``"event":
    "register"`` requests), or None."""
    value = attributes.get("xml")
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        xml = base64.b64decode(value.strip(), validate=False)
    except ValueError:
        return None
    return xml if datacite_xml.sniff(xml) else None


def sniff(data: bytes) -> bool:
    """Is ``data`` a DataCite JSON record ("creators", "titles", an identity key, no @context)?"""
    head = data[:65536].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"{") or (b'"titles"' not in data and b'"xml"' not in data):
        return False
    if len(data) <= MAX_RECORD_BYTES:
        try:
            return _attributes(jsonsafe.loads(data)) is not None
        except (ValueError, InputError):
            pass  # broken JSON or encoding: taken if it looks like DataCite, to say what is wrong
    return b'"creators"' in head and b'"titles"' in data and b'"@context"' not in head


def to_record(data: bytes) -> dict:
    """The DataCite attributes of ``data``; :class:`InputError` if it is not a DataCite record."""
    if not data.strip():
        raise InputError("empty DataCite JSON record")
    if len(data) > MAX_RECORD_BYTES:
        raise InputError(
            f"DataCite JSON record of {len(data)} bytes is over the {MAX_RECORD_BYTES} bytes limit"
        )
    try:
        document = jsonsafe.loads(data)
    except ValueError as exc:  # also wrong encodings (UnicodeDecodeError)
        raise InputError(f"DataCite JSON record: invalid JSON: {exc}") from exc
    except InputError as exc:  # nested too deep
        raise InputError(f"DataCite JSON record: {exc}") from exc
    record = _attributes(document)
    if record is None:
        raise InputError("not a DataCite JSON record: no creators, titles and DOI or types")
    return record


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """The DCAT-AP triples of one DataCite JSON record (or of the DataCite XML an API payload
    embeds); :class:`InputError` if it is unusable."""
    record = to_record(data)
    xml = _embedded_xml(record) if "titles" not in record else None
    if xml is not None:
        return datacite_xml.convert(xml, base_iri=base_iri)
    return convert_record(record, base_iri=base_iri)
