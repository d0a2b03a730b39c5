"""DataCite values turned into RDF terms: identifiers, dates, coordinates, licences, roles.

>>> doi_iri("doi:10.5072/ABC")
'https://doi.org/10.5072/abc'
>>> related_iri("arXiv", "arXiv:0706.0001")
'https://arxiv.org/abs/0706.0001'
>>> date_literal("2010/2020") is None, date_literal("2022").value
(True, '2022')
>>> wkt_number("-78.00"), wkt_number(4.1738852605822)
('-78.00', '4.1738852605822')
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from . import licences
from .build import date_literal

__all__ = [
    "doi_iri",
    "normalise_doi",
    "related_iri",
    "iri_or_none",
    "date_literal",
    "wkt_number",
    "orcid_iri",
    "ror_iri",
    "licence_iri",
    "access_rights_iri",
    "datacite_term",
    "language_iri",
    "lang_tag",
    "media_type_iri",
]

_DOI = re.compile(r"^(?:doi:|https?://(?:dx\.)?doi\.org/)?\s*(10\.\S+)$", re.IGNORECASE)
_ORCID = re.compile(r"(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$", re.IGNORECASE)
_ROR = re.compile(r"(?:^|ror\.org/)(0[a-z0-9]{6}[0-9]{2})/?$", re.IGNORECASE)
_DATE = re.compile(
    r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)?$"
)
_MEDIA_TYPE = re.compile(r"^[a-z]+/[a-z0-9.+-]+$", re.IGNORECASE)
_DATACITE_DOCS = "https://datacite-metadata-schema.readthedocs.io/en/4.5/appendices/appendix-1/"

#: related identifier type -> prefix that makes a resolvable IRI of the identifier
_RESOLVERS = {
    "handle": "https://hdl.handle.net/",
    "arxiv": "https://arxiv.org/abs/",
    "pmid": "https://pubmed.ncbi.nlm.nih.gov/",
    "pmcid": "https://www.ncbi.nlm.nih.gov/pmc/articles/",
    "bibcode": "https://ui.adsabs.harvard.edu/abs/",
    "igsn": "https://igsn.org/",
    "ark": "https://n2t.net/",
    "isbn": "urn:isbn:",
    "issn": "urn:issn:",
    "eissn": "urn:issn:",
    "lissn": "urn:issn:",
    "lsid": "",
    "urn": "",
    "url": "",
    "purl": "",
    "w3id": "",
}

_ACCESS = "http://publications.europa.eu/resource/authority/access-right/"
_EU_REPO_ACCESS = {
    "openaccess": "PUBLIC",
    "restrictedaccess": "RESTRICTED",
    "embargoedaccess": "RESTRICTED",
    "closedaccess": "NON_PUBLIC",
}
#: ISO 639-1 -> EU language authority code (the languages met in Earth-science records)
_LANGUAGES = {
    "en": "ENG", "fr": "FRA", "de": "DEU", "es": "SPA", "it": "ITA", "nl": "NLD", "pt": "POR",
    "eo": "EPO", "da": "DAN", "sv": "SWE", "no": "NOR", "fi": "FIN", "pl": "POL", "ru": "RUS",
    "zh": "ZHO", "ja": "JPN", "el": "ELL", "ca": "CAT", "br": "BRE", "la": "LAT",
    "mul": "MUL",
}  # fmt: skip
_LANG_TAG = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$", re.IGNORECASE)


def normalise_doi(text: str) -> str | None:
    """The bare DOI in ``text`` (``doi:``, ``https://doi.org/`` prefixes removed), or None."""
    m = _DOI.match(text.strip())
    return m.group(1).rstrip("/") if m else None


def doi_iri(text: str) -> str | None:
    """``https://doi.org/<doi>``, lower-cased (DOIs ignore case), for a DOI in any usual form."""
    doi = (normalise_doi(text) or "").lower()
    return f"https://doi.org/{doi}" if doi and iri_or_none(f"https://doi.org/{doi}") else None


def iri_or_none(text: str) -> str | None:
    """``text`` if it is an absolute IRI pyoxigraph accepts (scheme and no spaces), else None."""
    text = text.strip()
    if not re.match(r"^[a-z][a-z0-9+.-]*:\S+$", text, re.IGNORECASE):
        return None
    if re.match(r"^(https?|ftp)s?:", text, re.IGNORECASE) and not re.match(
        r"^[a-z]+://[^/?#:@ ]+", text, re.IGNORECASE
    ):
        return None
    try:
        ox.NamedNode(text)
    except ValueError:
        return None
    return text


def related_iri(kind: str, identifier: str) -> str | None:
    """An IRI for a related identifier of DataCite type ``kind`` (DOI, URL, Handle...), or None."""
    identifier = identifier.strip()
    if kind.lower() == "doi":
        return doi_iri(identifier)
    prefix = _RESOLVERS.get(kind.lower())
    if prefix is None:
        return None
    if prefix.startswith("https://") and iri_or_none(identifier) and "://" in identifier:
        return iri_or_none(identifier)
    if kind.lower() in ("arxiv", "handle"):
        identifier = re.sub(r"^(arxiv|hdl):", "", identifier, flags=re.IGNORECASE)
    return iri_or_none(prefix + identifier)


def wkt_number(value: object) -> str | None:
    """A coordinate written as WKT accepts it (no exponent, no sign +), or None."""
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite():
        return None
    return format(number, "f")


def orcid_iri(text: str) -> str | None:
    """``https://orcid.org/<id>`` for an ORCID given bare or as a URL."""
    m = _ORCID.search(text.strip().rstrip("/"))
    return f"https://orcid.org/{m.group(1).upper()}" if m else None


def ror_iri(text: str) -> str | None:
    """``https://ror.org/<id>`` for a ROR identifier given bare or as a URL."""
    m = _ROR.search(text.strip())
    return f"https://ror.org/{m.group(1).lower()}" if m else None


def licence_iri(uri: str, identifier: str, scheme: str, rights: str = "") -> str | None:
    """The canonical licence IRI of a ``rights`` entry (its URI, its SPDX identifier, else its
    text when that names a well-known licence), or None when it is not a licence."""
    found = licences.licence_iri(uri, field=False) if iri_or_none(uri) else None
    if found is None and identifier:
        found = licences.licence_iri(identifier, field=scheme.upper() == "SPDX")
    if found is None and rights:
        found = licences.licence_iri(rights, field=False)
    return found.value if found is not None else None


def access_rights_iri(uri: str) -> str | None:
    """The EU access-right IRI for an ``info:eu-repo/semantics/...Access`` rights URI."""
    m = re.match(r"^info:eu-repo/semantics/(\w+)$", uri.strip(), re.IGNORECASE)
    code = _EU_REPO_ACCESS.get(m.group(1).lower()) if m else None
    return _ACCESS + code if code else None


def datacite_term(vocabulary: str, value: str) -> str | None:
    """The DataCite documentation IRI of a controlled value, e.g. contributorType ContactPerson."""
    if not re.match(r"^[A-Za-z]+$", value):
        return None
    return f"{_DATACITE_DOCS}{vocabulary}/#{value.lower()}"


def lang_tag(text: str | None) -> str | None:
    """A well-formed BCP 47 tag, lower-cased language part, or None."""
    if not text or not _LANG_TAG.match(text.strip()):
        return None
    head, *rest = text.strip().split("-")
    return "-".join([head.lower(), *rest])


def language_iri(text: str) -> str | None:
    """The EU language authority IRI of an ISO 639-1 code (``en``, ``en-US``), or None."""
    code = _LANGUAGES.get((lang_tag(text) or "").split("-")[0])
    return f"http://publications.europa.eu/resource/authority/language/{code}" if code else None


def media_type_iri(text: str) -> str | None:
    """The IANA IRI of a media type such as ``application/json``, or None for free text."""
    text = text.strip()
    return (
        f"https://www.iana.org/assignments/media-types/{text}" if _MEDIA_TYPE.match(text) else None
    )
