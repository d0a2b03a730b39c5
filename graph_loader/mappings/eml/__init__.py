"""EML 2.x (Ecological Metadata Language 2.0.0 – 2.2.0) → DCAT-AP 3 / GeoDCAT-AP.

The biodiversity pole's format: GBIF IPT, LTER, EDI, KNB and Arctic Data Center records.
Detected from content: a root ``eml`` element in an EML 2 namespace
(``https://eml.ecoinformatics.org/eml-2.2.0``, ``eml://ecoinformatics.org/eml-2.x.y``), in
UTF-8 (with or without a byte order mark) or UTF-16 (even when the XML declaration says
otherwise). The root holds one resource:

- ``dataset`` → ``dcat:Dataset``; ``software`` → ``schema:SoftwareSourceCode``; ``citation``
  → ``schema:ScholarlyArticle`` (an article, else ``schema:CreativeWork``); ``protocol`` is
  refused with a named reason (a method description, not a catalogue record).

Choices:

- IRIs: the first DOI of the record (``packageId``, else an ``alternateIdentifier``) mints the
  IRI as the DataCite converter does (same DOI, same IRI) and is kept as ``dct:identifier``
  (bare), ``schema:identifier`` and ``dcat:landingPage`` ``https://doi.org/…``; otherwise the
  ``packageId`` mints it and is the ``dct:identifier``. Every other identifier is an
  ``adms:identifier`` (``skos:notation``, ``adms:schemaAgency`` = its ``system``).
- texts take their ``xml:lang``, else the record's (``xml:lang`` of the dataset or root, else
  its ``language`` element: ``eng``, ``English``, ``en``…), else :func:`~.build.guess_language`
  of title and abstract; paragraphs and sections of EML text are flattened, one per line pair.
- parties: ``creator`` → ``dct:creator``, ``publisher`` → ``dct:publisher`` (foaf agents);
  ``contact`` → ``dcat:contactPoint`` (vcard); ``metadataProvider``, ``associatedParty`` (also
  ``dct:contributor``) and project ``personnel`` → ``prov:qualifiedAttribution`` with
  ``dcat:hadRole`` (the INSPIRE role when the EML role names one, else a labelled
  ``dcat:Role``). A person is ``given surName``; a valid ORCID ``userId`` is the agent's IRI
  (a placeholder that fails the ORCID checksum is not); ``references`` are followed.
- coverage: each ``boundingCoordinates`` → ``dct:spatial`` [ ``dcat:bbox`` ] labelled by its
  ``geographicDescription``; altitudes → ``gaia:minimumAltitude``/``maximumAltitude``
  (metres); ``singleDateTime`` / ``rangeOfDates`` → ``dct:temporal`` (``alternativeTimeScale``
  as a labelled period).
- taxa: every ``taxonomicClassification`` (nested) is a ``gaia:Taxon`` linked by
  ``gaia:taxon`` — see :func:`.taxa.taxon_iri` and :class:`.taxa.Taxa`.
- licence: ``licensed`` (EML 2.2) and ``intellectualRights`` through
  :func:`~.build.licence_iri` (URLs of the text, licence names) → ``dct:license``; the rights
  text is kept as a ``dct:RightsStatement``.
- ``methodStep`` descriptions → ``dct:provenance`` [ ``rdfs:label`` ]; the project →
  ``prov:wasGeneratedBy`` a ``foaf:Project`` activity; awards and funding → ``schema:funder``
  and ``schema:funding`` grants as in the DataCite converter.
- distributions: ``distribution/online/url`` and the ``physical`` objects of data entities
  (``objectName``, ``size`` in bytes, format — else the media type of the object's file name
  extension) with an http(s)/ftp URL; ``function="information"``
  URLs are access URLs only, the others (EML's default is download) download URLs too. URLs of
  the documents of the methods (protocols, citations) are ``foaf:page``.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from ...errors import InputError
from ..iso_common import local
from ..xmlsafe import parse_xml
from .mapper import Mapper

_EML_NS = re.compile(
    r"^(https://eml\.ecoinformatics\.org/eml-2\.\d+\.\d+|eml://ecoinformatics\.org/eml-2\.\d+\.\d+)/?$"
)
_PROLOG = re.compile(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", re.DOTALL)
_START_TAG = re.compile(r"^<(?:([\w.-]+):)?eml(?=[\s/>])([^>]*)>")
_XMLNS = re.compile(r"""\bxmlns(?::([\w.-]+))?\s*=\s*["']([^"']*)["']""")
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")

__all__ = ["sniff", "convert"]

# ------------------------------------------------------------------------------ reading


def _decoded(data: bytes, errors: str = "strict") -> bytes:
    """``data`` as UTF-8 bytes: UTF-16 (with a byte order mark, or recognised by its zero
    bytes whatever the XML declaration says) is decoded and its declaration dropped; so is a
    declaration claiming UTF-16 for bytes that are not."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = data.decode("utf-16", errors)
    elif len(data) > 3 and data[1] == 0 and data[3] == 0:
        text = data.decode("utf-16-le", errors)
    elif len(data) > 2 and data[0] == 0 and data[2] == 0:
        text = data.decode("utf-16-be", errors)
    else:
        declaration = _DECLARATION.match(data[:200].decode("latin-1").lstrip("\xef\xbb\xbf"))
        if declaration and "utf-16" in declaration.group(0).lower():
            body = data.removeprefix(b"\xef\xbb\xbf").lstrip()
            return body[len(declaration.group(0).strip().encode("latin-1")) :]
        return data
    return _DECLARATION.sub("", text.lstrip("\ufeff"), count=1).encode("utf-8")


def sniff(data: bytes) -> bool:
    """Is ``data`` an EML 2.x document (root ``eml`` in an EML 2 namespace)?"""
    head = data[:16384]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head[:8]:
        head = _decoded(head[: len(head) - len(head) % 2], "ignore")
    text = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if not text.startswith("<"):
        return False
    text = _PROLOG.sub("", text).lstrip()
    match = _START_TAG.match(text)
    if not match:
        return False
    prefix = match.group(1)
    return any(
        (p or None) == prefix and _EML_NS.match(ns.strip())
        for p, ns in _XMLNS.findall(match.group(2))
    )


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """The DCAT-AP triples of one EML document; :class:`InputError` naming what is wrong."""
    if not data.strip():
        raise InputError("empty EML record (notice EML vide)")
    try:
        root = parse_xml(_decoded(data), name="EML record")
    except InputError as exc:
        raise InputError(f"{exc} (notice EML illisible)") from exc
    except (UnicodeDecodeError, LookupError, ValueError) as exc:
        raise InputError(f"EML record: unreadable XML (XML illisible): {exc}") from exc
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if local(root.tag) != "eml" or not _EML_NS.match(ns):
        raise InputError(
            f"not an EML 2.x record: root element is {root.tag} (pas une notice EML 2.x)"
        )
    resources = [c for c in root if local(c.tag) in ("dataset", "software", "citation", "protocol")]
    if not resources:
        raise InputError(
            "EML record holds no dataset, software, citation nor protocol"
            " (la notice EML ne décrit ni jeu de données, ni logiciel, ni publication)"
        )
    kind = local(resources[0].tag)
    if kind == "protocol":
        raise InputError(
            "EML record holds a protocol (a method description), not a dataset: not loaded"
            " (la notice EML décrit un protocole, pas un jeu de données : non chargée)"
        )
    return Mapper(root, resources[0], base_iri).convert()
