"""EU file types (the ``dct:format`` DCAT-AP recommends on a distribution) and their
registered media types: one table, read both ways. A distribution that states its media type
(``dcat:mediaType``) and no format gets the file type of that media type, derived on read
wherever records leave (export, ``/catalog``, ``/id/`` pages), as centroids are; a media type
that several file types share (``image/tiff``: TIFF or GeoTIFF) gives none.

>>> file_type("https://www.iana.org/assignments/media-types/application/x-netcdf")
'http://publications.europa.eu/resource/authority/file-type/NETCDF'
>>> file_type("text/csv; charset=utf-8"), file_type("image/tiff"), file_type("video/mp4")
('http://publications.europa.eu/resource/authority/file-type/CSV', None, None)
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from .namespaces import DCAT, DCT, EU_AUTHORITY, IANA_MEDIA_TYPES, SKOS
from .terms import RDF_TYPE

__all__ = ["MEDIA_TYPES", "file_type", "format_triples"]

#: EU file-type code -> its registered media type
MEDIA_TYPES: dict[str, str] = {
    "CSV": "text/csv",
    "TSV": "text/tab-separated-values",
    "JSON": "application/json",
    "GEOJSON": "application/geo+json",
    "XML": "application/xml",
    "GML": "application/gml+xml",
    "HTML": "text/html",
    "PDF": "application/pdf",
    "RTF": "application/rtf",
    "ZIP": "application/zip",
    "GZIP": "application/gzip",
    "TAR": "application/x-tar",
    "NETCDF": "application/x-netcdf",
    "HDF": "application/x-hdf",
    "TIFF": "image/tiff",
    "GEOTIFF": "image/tiff",
    "PNG": "image/png",
    "JPEG": "image/jpeg",
    "TXT": "text/plain",
    "KML": "application/vnd.google-earth.kml+xml",
    "XLS": "application/vnd.ms-excel",
    "XLSX": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "RDF_TURTLE": "text/turtle",
}
#: other spellings of a media type that records use
_ALIASES = {
    "text/xml": "application/xml",
    "application/netcdf": "application/x-netcdf",
    "application/x-gzip": "application/gzip",
    "application/x-rtf": "application/rtf",
    "application/tar": "application/x-tar",
    "application/x-hdf5": "application/x-hdf",
    "application/gml": "application/gml+xml",
}
_SCHEME = EU_AUTHORITY["file-type"]
_MEDIA_TYPE, _FORMAT = str(DCAT.mediaType), str(DCT["format"])
_IANA = (str(IANA_MEDIA_TYPES), str(IANA_MEDIA_TYPES).replace("https://", "http://"))


def _codes() -> dict[str, str]:
    by_media: dict[str, list[str]] = {}
    for code, media in MEDIA_TYPES.items():
        by_media.setdefault(media, []).append(code)
    return {media: codes[0] for media, codes in by_media.items() if len(codes) == 1}


_CODES = _codes()


def file_type(media: str) -> str | None:
    """The EU file-type IRI of a media type (an IANA IRI or ``type/subtype``), or None."""
    text = media.strip()
    for prefix in _IANA:
        text = text.removeprefix(prefix)
    text = text.split(";")[0].strip().lower()
    code = _CODES.get(_ALIASES.get(text, text))
    return str(EU_AUTHORITY["file-type/" + code]) if code else None


def format_triples(triples: Iterable[ox.Triple]) -> list[ox.Triple]:
    """``dct:format`` of each subject that states a media type and no format, when that media
    type has one file type; each file type typed as the EU table types it."""
    media: dict = {}
    has_format = set()
    for t in triples:
        if t.predicate.value == _MEDIA_TYPE:
            media.setdefault(t.subject, []).append(t.object)
        elif t.predicate.value == _FORMAT:
            has_format.add(t.subject)
    out: set[ox.Triple] = set()
    for subject, values in media.items():
        found = {file_type(v.value) for v in values} - {None}
        if subject in has_format or len(found) != 1:
            continue
        kind = ox.NamedNode(found.pop())
        out |= {
            ox.Triple(subject, ox.NamedNode(DCT["format"]), kind),
            ox.Triple(kind, RDF_TYPE, ox.NamedNode(DCT.MediaTypeOrExtent)),
            ox.Triple(kind, RDF_TYPE, ox.NamedNode(SKOS.Concept)),
            ox.Triple(kind, ox.NamedNode(SKOS.inScheme), ox.NamedNode(str(_SCHEME))),
        }
    return sorted(out, key=str)
