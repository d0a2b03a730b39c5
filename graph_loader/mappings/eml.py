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
  ``gaia:taxon`` — see :func:`taxon_iri` and :meth:`_Mapper.taxa`.
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
from decimal import Decimal, InvalidOperation
from xml.etree import ElementTree
from xml.etree.ElementTree import Element

import pyoxigraph as ox

from ..errors import InputError
from ..iri import resource_iri
from ..namespaces import ADMS, DCAT, DCT, DWC, FOAF, GAIA, PROV, RDFS, SDO, SKOS, VCARD, XSD
from ..terms import TAXON, TAXON_CLASS
from . import datacite_terms as dc
from .build import WKT, A, bbox_wkt, date_literal, guess_language, licence_iri
from .build import plain as _plain
from .iso_common import lang_tag as _iso_lang_tag
from .iso_common import local
from .iso_parts import known_licence
from .iso_record import _FREQUENCIES, FREQUENCY
from .xmlsafe import parse_xml

__all__ = ["sniff", "convert", "taxon_iri", "DWC"]

INSPIRE_ROLE = "http://inspire.ec.europa.eu/metadata-codelist/ResponsiblePartyRole/"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_EML_NS = re.compile(
    r"^(https://eml\.ecoinformatics\.org/eml-2\.\d+\.\d+|eml://ecoinformatics\.org/eml-2\.\d+\.\d+)/?$"
)
_PROLOG = re.compile(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", re.DOTALL)
_START_TAG = re.compile(r"^<(?:([\w.-]+):)?eml(?=[\s/>])([^>]*)>")
_XMLNS = re.compile(r"""\bxmlns(?::([\w.-]+))?\s*=\s*["']([^"']*)["']""")
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_ORCID = re.compile(r"(\d{4}-\d{4}-\d{4}-\d{3}[\dX])", re.IGNORECASE)
_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"'()]+")

#: language names and ISO 639-2 codes that iso_common does not know -> BCP 47
_LANGUAGE_NAMES = {
    "english": "en", "anglais": "en", "french": "fr", "francais": "fr", "français": "fr",
    "german": "de", "deutsch": "de", "spanish": "es", "espanol": "es", "español": "es",
    "italian": "it", "dutch": "nl", "portuguese": "pt", "estonian": "et", "est": "et",
    "danish": "da", "dan": "da", "swedish": "sv", "swe": "sv", "norwegian": "no", "nor": "no",
    "finnish": "fi", "fin": "fi", "polish": "pl", "pol": "pl", "russian": "ru", "rus": "ru",
    "chinese": "zh", "chi": "zh", "zho": "zh", "japanese": "ja", "jpn": "ja",
}  # fmt: skip
#: EML role (letters only, lower case) -> INSPIRE responsible party role
_ROLES = {
    "originator": "originator", "author": "author", "publisher": "publisher", "owner": "owner",
    "distributor": "distributor", "custodian": "custodian", "custodiansteward": "custodian",
    "steward": "custodian", "pointofcontact": "pointOfContact", "contact": "pointOfContact",
    "principalinvestigator": "principalInvestigator", "pi": "principalInvestigator",
    "processor": "processor", "resourceprovider": "resourceProvider",
    "contentprovider": "resourceProvider", "user": "user",
    "principleinvestigator": "principalInvestigator",
}  # fmt: skip
#: file name extensions -> IANA media type, for data objects whose format is not named
_EXTENSIONS = {
    "csv": "text/csv", "txt": "text/plain", "tsv": "text/tab-separated-values",
    "json": "application/json", "xml": "application/xml", "pdf": "application/pdf",
    "zip": "application/zip", "nc": "application/x-netcdf", "html": "text/html",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xls": "application/vnd.ms-excel", "png": "image/png", "jpg": "image/jpeg",
    "jpeg": "image/jpeg", "tif": "image/tiff", "tiff": "image/tiff",
}  # fmt: skip
#: INSPIRE role -> property of the resource beside the qualified attribution
_ROLE_PROPERTIES = {"publisher": DCT.publisher, "owner": DCT.rightsHolder}
#: EML maintenance frequencies that are not ISO codes (GBIF IPT's "unkown" included)
_EML_FREQUENCIES = {
    "continually": "CONT", "otherMaintenancePeriod": "OTHER", "unkown": "UNKNOWN",
}  # fmt: skip
_ENTITIES = ("dataTable", "spatialRaster", "spatialVector", "storedProcedure", "view")
_ENTITIES += ("otherEntity",)
#: EML text elements that make paragraphs of their own
_BLOCKS = {"para", "section", "title", "itemizedlist", "orderedlist", "listitem", "markdown"}
_BLOCKS |= {"literalLayout"}
#: ranks whose value may be the bare epithet, completed by the genus (or species) above
_BELOW_GENUS = {"species", "subspecies", "variety", "varietas", "subvariety", "form", "forma"}
_FEET = Decimal("0.3048")


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
    return _Mapper(root, resources[0], base_iri).convert()


def _kids(el: Element | None, *names: str) -> list[Element]:
    return [c for c in el if local(c.tag) in names] if el is not None else []


def _kid(el: Element | None, name: str) -> Element | None:
    return next(iter(_kids(el, name)), None)


def _path(el: Element | None, path: str) -> list[Element]:
    found = [el] if el is not None else []
    for step in path.split("/"):
        found = [c for e in found for c in _kids(e, step)]
    return found


def _str(el: Element | None) -> str:
    """The text of an element, whitespace collapsed."""
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def _first(el: Element | None, path: str) -> str:
    return next((t for t in (_str(e) for e in _path(el, path)) if t), "")


def _verbatim(el: Element) -> str:
    lines = [line.strip() for line in "".join(el.itertext()).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _blocks(el: Element) -> list[str]:
    """The paragraphs of an EML text (para, section, lists, markdown) in document order."""
    if local(el.tag) in ("markdown", "literalLayout"):
        return [t for t in [_verbatim(el)] if t]
    out: list[str] = []
    inline = [el.text or ""]
    bullet = "- " if local(el.tag) == "listitem" else ""

    def flush() -> None:
        words = " ".join("".join(inline).split())
        if words:
            out.append(words)

    for child in el:
        if local(child.tag) in _BLOCKS:
            flush()
            inline = []
            out.extend(_blocks(child))
        else:
            inline.append("".join(child.itertext()))
        inline.append(child.tail or "")
    flush()
    return [bullet + b for b in out[:1]] + out[1:] if bullet else out


def flatten(el: Element | None) -> str:
    """An EML text (``abstract``, ``intellectualRights``…) as plain text, paragraphs apart."""
    return "\n\n".join(_blocks(el)) if el is not None else ""


def _language(code: str) -> str | None:
    """A BCP 47 tag for an EML language (``eng``, ``English``, ``en-US``), or None."""
    code = code.strip()
    if not code:
        return None
    primary = re.split(r"[;,/\s]+", code.lower())[0]
    named = _LANGUAGE_NAMES.get(code.lower()) or _LANGUAGE_NAMES.get(primary)
    return named or _iso_lang_tag(code)


def _orcid(value: str) -> str | None:
    """``https://orcid.org/<id>`` for an ORCID whose check digit is right (ISO 7064 11,2)."""
    m = _ORCID.search(value.strip().rstrip("/"))
    if not m:
        return None
    digits = m.group(1).replace("-", "").upper()
    total = 0
    for ch in digits[:-1]:
        total = (total + int(ch)) * 2
    check = (12 - total % 11) % 11
    if digits[-1] != ("X" if check == 10 else str(check)):
        return None
    return f"https://orcid.org/{m.group(1).upper()}"


def _http(value: str) -> ox.NamedNode | None:
    value = value.strip()
    return ox.NamedNode(value) if dc.iri_or_none(value) and _URL.fullmatch(value) else None


def _decimal(value: str) -> Decimal | None:
    try:
        number = Decimal(value.strip())
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _doi(value: str, system: str = "") -> str | None:
    """The bare DOI of an identifier written as a DOI (``doi:``, doi.org URL, ``10.NNNN/``, or
    any value whose ``system`` is a DOI system)."""
    doi = dc.normalise_doi(value)
    if not doi:
        return None
    explicit = re.match(r"^\s*(doi:|https?://(dx\.)?doi\.org/)", value, re.IGNORECASE)
    if explicit or "doi" in system.lower() or re.match(r"^10\.\d{4,9}/", doi):
        return doi
    return None


_DIGITS = re.compile(r"(\d+)$")
#: taxon identifier providers, recognised in the provider attribute or the identifier itself
_PROVIDERS = {
    "gbif": re.compile(r"\bgbif\b"),
    "itis": re.compile(r"\bitis\b|itis\.gov"),
    "worms": re.compile(r"\bworms\b|marinespecies\.org|aphia"),
    "ncbi": re.compile(r"\bncbi\b"),
}


def _provider(provider: str, value: str) -> str:
    text = f"{provider} {value}".lower()
    return next((key for key, pattern in _PROVIDERS.items() if pattern.search(text)), "")


def _taxon_id_iri(provider: str, value: str) -> str | None:
    """The IRI of a taxon identifier of a known provider (GBIF, ITIS, WoRMS, NCBI), or None."""
    digits = _DIGITS.search(value.strip().rstrip("/"))
    if not digits:
        return None
    number = str(int(digits.group(1)))
    if provider == "gbif":
        return f"https://www.gbif.org/species/{number}"
    if provider == "itis":
        return (
            "https://www.itis.gov/servlet/SingleRpt/SingleRpt?search_topic=TSN&search_value="
            + number
        )
    if provider == "worms":
        return f"https://www.marinespecies.org/aphia.php?p=taxdetails&id={number}"
    if provider == "ncbi":
        return f"https://www.ncbi.nlm.nih.gov/Taxonomy/Browser/wwwtax.cgi?id={number}"
    return None


def taxon_iri(rank: str, name: str, ids: list[tuple[str, str]], base_iri: str) -> str:
    """A taxon's IRI: its GBIF species page, else its ITIS report, when the record gives the
    identifier; else minted under ``base_iri`` from its rank and scientific name (the same
    taxon named by two records gets the same IRI).

    >>> taxon_iri("species", "Rosa canina", [("GBIF", "https://www.gbif.org/species/3002469")],
    ...           "https://data.gaia-data.fr/")
    'https://www.gbif.org/species/3002469'
    >>> taxon_iri("species", "Macrocystis pyrifera", [("ITIS", "11274")], "https://x.org/")
    'https://www.itis.gov/servlet/SingleRpt/SingleRpt?search_topic=TSN&search_value=11274'
    >>> taxon_iri("genus", "Oncorhynchus", [], "https://x.org/")
    'https://x.org/id/taxon/genus-oncorhynchus'
    """
    for wanted in ("gbif", "itis"):
        for provider, value in ids:
            if _provider(provider, value) == wanted and _taxon_id_iri(wanted, value):
                return _taxon_id_iri(wanted, value)
    key = "-".join(f"{rank} {name}".lower().split())
    return resource_iri("taxon", key, base_iri)


# ------------------------------------------------------------------------------ mapping


class _Mapper:
    """The triples of the one resource of an EML document."""

    def __init__(self, root: Element, resource: Element, base_iri: str):
        self.root = root
        self.res_el = resource
        self.base = base_iri
        self.kind = local(resource.tag)
        self.triples: list[ox.Triple] = []
        self.seen: set[ox.Triple] = set()
        self.ids = {e.get("id"): e for e in root.iter() if e.get("id")}
        stated = [
            resource.get(_XML_LANG) or "",
            root.get(_XML_LANG) or "",
            _first(resource, "language"),
        ]
        self.stated = next((t for t in (_language(s) for s in stated) if t), None)
        titles = [_str(t) for t in _kids(resource, "title")]
        self.lang = self.stated or guess_language(*titles, flatten(_kid(resource, "abstract")))

    # -- triples
    def add(self, s, p: str, o) -> None:
        if o is None:
            return
        t = ox.Triple(s, ox.NamedNode(p), o)
        if t not in self.seen:
            self.seen.add(t)
            self.triples.append(t)

    def node(self, cls: str | None = None, subject=None):
        node = subject if subject is not None else ox.BlankNode()
        if cls:
            self.add(node, A.value, ox.NamedNode(cls))
        return node

    def literal(self, value: str, lang: str | None = None) -> ox.Literal | None:
        value = _plain(value)
        if not value:
            return None
        tag = lang or self.lang
        return ox.Literal(value, language=tag) if tag else ox.Literal(value)

    def el_literal(self, el: Element, value: str | None = None) -> ox.Literal | None:
        own = _language(el.get(_XML_LANG) or "")
        return self.literal(_str(el) if value is None else value, own)

    # -- the record
    def convert(self) -> list[ox.Triple]:
        el = self.res_el
        titles = [t for t in _kids(el, "title") if _str(t)]
        if not titles:
            raise InputError(f"EML {self.kind} without a title (notice EML sans titre)")
        cls, kind = {
            "dataset": (DCAT.Dataset, "dataset"),
            "software": (SDO.SoftwareSourceCode, "software"),
            "citation": (
                SDO + ("ScholarlyArticle" if _kid(el, "article") is not None else "CreativeWork"),
                "publication",
            ),
        }[self.kind]
        res = self.identifiers(kind)
        self.node(cls, res)
        for title in titles:
            self.add(res, DCT["title"], self.el_literal(title))
            if kind != "dataset":
                self.add(res, SDO.name, self.el_literal(title))
        for short in _kids(el, "shortName"):
            self.add(res, DCT.alternative, self.el_literal(short))
        for abstract in _kids(el, "abstract"):
            self.add(res, DCT.description, self.el_literal(abstract, flatten(abstract)))
        self.add(res, DCT.issued, date_literal(_first(el, "pubDate")))
        language = dc.language_iri(_language(_first(el, "language")) or "")
        self.add(res, DCT.language, ox.NamedNode(language) if language else None)
        self.keywords(res)
        self.parties(res)
        self.rights(res)
        if self.kind == "dataset":
            self.coverage(res)
            self.taxa(res)
            self.methods(res)
            self.project(res)
            self.maintenance(res)
            self.distributions(res)
        elif self.kind == "software":
            version = _first(el, "version")
            self.add(res, SDO.version, ox.Literal(version) if version else None)
            for url in _path(el, "implementation/distribution/online/url"):
                self.add(res, SDO.downloadUrl, _http(_str(url)))
        return self.triples

    def identifiers(self, kind: str) -> ox.NamedNode:
        package = (self.root.get("packageId") or "").strip()
        system = (self.root.get("system") or "").strip()
        alternates = [
            (_str(a), (a.get("system") or "").strip())
            for a in _kids(self.res_el, "alternateIdentifier")
        ]
        alternates = [(v, s) for v, s in alternates if v]
        candidates = ([(package, system)] if package else []) + alternates
        doi = next((d for d in (_doi(v, s) for v, s in candidates) if d and dc.doi_iri(d)), None)
        if doi:
            res = ox.NamedNode(resource_iri(kind, doi.lower(), self.base))
            doi_node = ox.NamedNode(dc.doi_iri(doi))
            self.add(res, DCT.identifier, ox.Literal(doi))
            self.add(res, SDO.identifier, doi_node)
            self.add(res, DCAT.landingPage if kind == "dataset" else SDO.url, doi_node)
        elif candidates:
            res = ox.NamedNode(resource_iri(kind, candidates[0][0], self.base))
            self.add(res, DCT.identifier, ox.Literal(candidates[0][0]))
        else:
            raise InputError(
                "EML record without a packageId nor an alternateIdentifier"
                " (notice EML sans identifiant)"
            )
        main = doi or candidates[0][0]
        for value, agency in candidates:
            if value == main or (doi and _doi(value, agency) == doi):
                continue
            ident = self.node(ADMS.Identifier)
            self.add(ident, SKOS.notation, ox.Literal(value))
            self.add(ident, ADMS.schemaAgency, ox.Literal(agency) if agency else None)
            self.add(res, ADMS.identifier, ident)
        return res

    # -- keywords
    def keywords(self, res) -> None:
        for block in _kids(self.res_el, "keywordSet"):
            thesaurus = _first(block, "keywordThesaurus")
            if thesaurus.lower() in ("none", "n/a", "na", "-"):
                thesaurus = ""
            scheme = None
            if thesaurus:
                url = _URL.search(thesaurus)
                iri = _http(url.group(0).rstrip(".,;")) if url else None
                title = thesaurus[: url.start()].strip(" :-,") if url else thesaurus
                scheme = iri or ox.BlankNode()
                self.add(scheme, DCT["title"], ox.Literal(title or thesaurus))
            for kw in _kids(block, "keyword"):
                label = self.el_literal(kw)
                if label is None:
                    continue
                self.add(res, DCAT.keyword, label)
                if scheme is not None:
                    concept = ox.BlankNode()
                    self.add(concept, SKOS.prefLabel, label)
                    self.add(concept, SKOS.inScheme, scheme)
                    self.add(res, DCT.subject, concept)

    # -- parties
    def resolve(self, party: Element) -> Element:
        ref = _first(party, "references")
        return self.ids.get(ref, party) if ref else party

    def names(self, party: Element) -> tuple[str, str, str, str, str]:
        """(name, given, family, organisation, position) of a party."""
        person = _kid(party, "individualName")
        given = " ".join(_str(g) for g in _kids(person, "givenName") if _str(g))
        family = _first(person, "surName")
        full = " ".join(x for x in (given, family) if x)
        org = _first(party, "organizationName")
        position = _first(party, "positionName")
        return (full or org or position), given, family, org, position

    def party_iri(self, party: Element) -> ox.NamedNode | None:
        for uid in _kids(party, "userId"):
            value, directory = _str(uid), (uid.get("directory") or "").lower()
            if "orcid" in directory or "orcid.org" in value.lower():
                iri = _orcid(value)
                if iri:
                    return ox.NamedNode(iri)
        return None

    def agent(self, party: Element):
        party = self.resolve(party)
        name, given, family, org, position = self.names(party)
        if not name:
            return None
        iri = self.party_iri(party)
        person = bool(given or family)
        cls = FOAF + ("Person" if person else "Organization" if org else "Agent")
        agent = self.node(cls, iri)
        self.add(agent, FOAF.name, ox.Literal(name))
        if person:
            self.add(agent, FOAF.givenName, ox.Literal(given) if given else None)
            self.add(agent, FOAF.familyName, ox.Literal(family) if family else None)
            self.add(agent, SDO.jobTitle, ox.Literal(position) if position else None)
            if org:
                affiliation = self.node(FOAF.Organization)
                self.add(affiliation, FOAF.name, ox.Literal(org))
                self.add(agent, SDO.affiliation, affiliation)
        for mail in _kids(party, "electronicMailAddress"):
            self.add(agent, FOAF.mbox, _mailto(_str(mail)))
        for url in _kids(party, "onlineUrl"):
            self.add(agent, FOAF.homepage, _http(_str(url)))
        return agent

    def vcard(self, party: Element):
        party = self.resolve(party)
        name, given, family, org, position = self.names(party)
        if not name:
            return None
        person = bool(given or family)
        card = self.node(VCARD + ("Individual" if person else "Organization"))
        self.add(card, VCARD.fn, ox.Literal(name))
        if person and org:
            self.add(card, VCARD["organization-name"], ox.Literal(org))
        if position and position != name:
            self.add(card, VCARD.role, ox.Literal(position))
        for mail in _kids(party, "electronicMailAddress"):
            self.add(card, VCARD.hasEmail, _mailto(_str(mail)))
        urls = [_http(_str(u)) for u in _kids(party, "onlineUrl")] + [self.party_iri(party)]
        for url in urls:
            self.add(card, VCARD.hasURL, url)
        for address in _kids(party, "address"):
            lines = {
                "street-address": ", ".join(_str(d) for d in _kids(address, "deliveryPoint")),
                "locality": _first(address, "city"),
                "region": _first(address, "administrativeArea"),
                "postal-code": _first(address, "postalCode"),
                "country-name": _first(address, "country"),
            }
            if any(lines.values()):
                node = self.node(VCARD.Address)
                self.add(card, VCARD.hasAddress, node)
                for key, value in lines.items():
                    self.add(node, VCARD + key, ox.Literal(value) if value else None)
        return card

    def attribution(self, res, agent, role: str) -> None:
        if agent is None:
            return
        key = re.sub(r"[^a-z]", "", role.lower())
        inspire = _ROLES.get(key)
        attribution = self.node(PROV.Attribution)
        self.add(attribution, PROV.agent, agent)
        if inspire:
            role_node = self.node(DCAT.Role, ox.NamedNode(INSPIRE_ROLE + inspire))
            if inspire in _ROLE_PROPERTIES:
                self.add(res, _ROLE_PROPERTIES[inspire], agent)
        elif role.strip():
            role_node = self.node(DCAT.Role)
            self.add(role_node, RDFS.label, ox.Literal(" ".join(role.split())))
        else:
            role_node = None
        self.add(attribution, DCAT.hadRole, role_node)
        self.add(res, PROV.qualifiedAttribution, attribution)

    def parties(self, res) -> None:
        el = self.res_el
        for party in _kids(el, "creator"):
            self.add(res, DCT.creator, self.agent(party))
        for party in _kids(el, "publisher"):
            self.add(res, DCT.publisher, self.agent(party))
        for party in _kids(el, "contact"):
            self.add(res, DCAT.contactPoint, self.vcard(party))
        for party in _kids(el, "metadataProvider"):
            self.attribution(res, self.agent(party), "metadataProvider")
        for party in _kids(el, "associatedParty"):
            agent = self.agent(party)
            self.add(res, DCT.contributor, agent)
            self.attribution(res, agent, _first(party, "role"))
        for party in _path(el, "project/personnel"):
            self.attribution(res, self.agent(party), _first(party, "role"))

    # -- rights
    def rights(self, res) -> None:
        licences: list[ox.NamedNode] = []
        for lic in _kids(self.res_el, "licensed"):
            for value, spdx in (
                (_first(lic, "url"), True),
                (_first(lic, "identifier"), True),
                (_first(lic, "licenseName"), False),
            ):
                iri = licence_iri(value, spdx=spdx) if value else None
                if iri is not None:
                    licences.append(iri)
                    break
        for rights in _kids(self.res_el, "intellectualRights"):
            text = flatten(rights)
            urls = [u.get("url", "") for u in rights.iter() if local(u.tag) == "ulink"]
            found = known_licence(" ".join([*urls, text]))
            iri = licence_iri(found.value) if found is not None else None
            iri = iri or (licence_iri(text, spdx=False) if text else None)
            if iri is not None:
                licences.append(iri)
            if text:
                statement = self.node(DCT.RightsStatement)
                self.add(statement, RDFS.label, self.literal(text))
                self.add(res, DCT.rights, statement)
        for iri in licences:
            self.add(res, DCT.license, iri)

    # -- coverage
    def coverages(self, name: str) -> list[Element]:
        """Every coverage of kind ``name`` in the resource: its own, its entities' and its
        methods' (all describe what the data covers), each distinct one once."""
        found: dict[str, Element] = {}
        for el in self.res_el.iter():
            if local(el.tag) == name:
                found.setdefault(ElementTree.tostring(el, encoding="unicode").strip(), el)
        return list(found.values())

    def coverage(self, res) -> None:
        lows: list[Decimal] = []
        highs: list[Decimal] = []
        for geo in self.coverages("geographicCoverage"):
            description = _first(geo, "geographicDescription")
            box = _kid(geo, "boundingCoordinates")
            sides = [
                _decimal(_first(box, f"{side}BoundingCoordinate"))
                for side in ("west", "south", "east", "north")
            ]
            if None in sides and not description:
                continue
            location = self.node(DCT.Location)
            if None not in sides:
                west, south, east, north = (float(s) for s in sides)
                self.add(
                    location,
                    DCAT.bbox,
                    ox.Literal(bbox_wkt(west, south, east, north), datatype=WKT),
                )
                if (west, south) == (east, north):
                    point = bbox_wkt(west, south, east, north).split("((")[1].split(",")[0]
                    self.add(location, DCAT.centroid, ox.Literal(f"POINT({point})", datatype=WKT))
            self.add(location, SKOS.prefLabel, ox.Literal(description) if description else None)
            self.add(res, DCT.spatial, location)
            for altitudes in _kids(box, "boundingAltitudes"):
                unit = _first(altitudes, "altitudeUnits").lower()
                factor = _FEET if unit.startswith(("foot", "feet", "ft")) else Decimal(1)
                if unit and factor == 1 and not unit.startswith(("meter", "metre", "m")):
                    continue
                low = _decimal(_first(altitudes, "altitudeMinimum"))
                high = _decimal(_first(altitudes, "altitudeMaximum"))
                lows += [low * factor] if low is not None else []
                highs += [high * factor] if high is not None else []
        if lows:
            self.add(res, GAIA.minimumAltitude, _decimal_literal(min(lows)))
        if highs:
            self.add(res, GAIA.maximumAltitude, _decimal_literal(max(highs)))
        for temporal in self.coverages("temporalCoverage"):
            for single in _kids(temporal, "singleDateTime"):
                self.period(res, single, single)
            for span in _kids(temporal, "rangeOfDates"):
                self.period(res, _kid(span, "beginDate"), _kid(span, "endDate"))

    def period(self, res, begin: Element | None, end: Element | None) -> None:
        bounds = [(DCAT.startDate, begin, False), (DCAT.endDate, end, True)]
        values = [(prop, _date(el, last)) for prop, el, last in bounds]
        scales = [
            " ".join(
                x
                for x in (
                    _first(el, "alternativeTimeScale/timeScaleName"),
                    _first(el, "alternativeTimeScale/timeScaleAgeEstimate"),
                )
                if x
            )
            for _p, el, _l in bounds
            if el is not None
        ]
        scales = [s for s in scales if s]
        if not any(v for _p, v in values) and not scales:
            return
        period = self.node(DCT.PeriodOfTime)
        for prop, value in values:
            self.add(period, prop, value)
        if scales:
            self.add(period, RDFS.label, ox.Literal(" – ".join(dict.fromkeys(scales))))
        self.add(res, DCT.temporal, period)

    # -- taxa
    def taxa(self, res) -> None:
        """Every taxonomicClassification, nested ones included, as a ``gaia:Taxon``:
        ``dwc:scientificName`` (a bare epithet completed by its genus), ``dwc:taxonRank``
        (lower case), ``dwc:vernacularName`` (tagged), ``dwc:taxonID`` (each identifier as
        given), ``skos:exactMatch`` (the other providers' IRIs), ``skos:broader`` its parent;
        the dataset links each by ``gaia:taxon``. A value listing several names ("Poaceae,
        Asteraceae") gives one taxon per name, without the common names and identifiers
        (which would be ambiguous)."""
        covers = [c for c in self.res_el.iter() if local(c.tag) == "taxonomicCoverage"]
        for cover in covers:
            for top in _kids(cover, "taxonomicClassification"):
                self.classification(res, top, None, "")

    def classification(self, res, el: Element, parent, parent_name: str) -> None:
        rank = " ".join(_first(el, "taxonRankName").lower().split())
        value = _first(el, "taxonRankValue")
        names = [n.strip() for n in value.split(",")] if "," in value else [value]
        names = list(dict.fromkeys(n for n in names if n))
        single = len(names) == 1
        taxa = []
        for name in names:
            if rank in _BELOW_GENUS and parent_name and re.fullmatch(r"[a-z][a-z-]+", name):
                name = f"{parent_name} {name}"
            ids = (
                [
                    ((i.get("provider") or "").strip(), _str(i))
                    for i in _kids(el, "taxonId")
                    if _str(i)
                ]
                if single
                else []
            )
            taxon = self.node(
                TAXON_CLASS.value, ox.NamedNode(taxon_iri(rank, name, ids, self.base))
            )
            self.add(taxon, DWC.scientificName, ox.Literal(name))
            self.add(taxon, DWC.taxonRank, ox.Literal(rank) if rank else None)
            if single:
                for common in _kids(el, "commonName", "commonNames"):
                    self.add(taxon, DWC.vernacularName, self.el_literal(common))
            for provider, ident in ids:
                self.add(taxon, DWC.taxonID, ox.Literal(ident))
                other = _taxon_id_iri(_provider(provider, ident), ident)
                if other and other != taxon.value:
                    self.add(taxon, SKOS.exactMatch, ox.NamedNode(other))
            self.add(taxon, SKOS.broader, parent)
            self.add(res, TAXON.value, taxon)
            taxa.append((taxon, name))
        for child in _kids(el, "taxonomicClassification"):
            if single and taxa:
                self.classification(res, child, taxa[0][0], taxa[0][1])
            else:
                self.classification(res, child, None, "")

    # -- methods, project, maintenance
    def methods(self, res) -> None:
        for step in _path(self.res_el, "methods/methodStep"):
            for description in _kids(step, "description"):
                text = flatten(description)
                if text:
                    statement = self.node(DCT.ProvenanceStatement)
                    self.add(statement, RDFS.label, self.literal(text))
                    self.add(res, DCT.provenance, statement)

    def project(self, res) -> None:
        for project in _kids(self.res_el, "project"):
            activity = self.node(PROV.Activity)
            self.add(activity, A.value, ox.NamedNode(FOAF.Project))
            for title in _kids(project, "title"):
                self.add(activity, DCT["title"], self.el_literal(title))
            for abstract in _kids(project, "abstract"):
                self.add(activity, DCT.description, self.el_literal(abstract, flatten(abstract)))
            self.add(res, PROV.wasGeneratedBy, activity)
            for funding in _kids(project, "funding"):
                text = flatten(funding)
                if text:
                    grant = self.node(SDO.Grant)
                    self.add(grant, SDO.description, self.literal(text))
                    self.add(res, SDO.funding, grant)
            for award in _kids(project, "award"):
                self.award(res, award)

    def award(self, res, award: Element) -> None:
        name = _first(award, "funderName")
        funder = None
        if name:
            ident = " ".join(_str(i) for i in _kids(award, "funderIdentifier")[:1])
            iri = (dc.doi_iri(ident) or dc.ror_iri(ident)) if ident else None
            funder = self.node(FOAF.Organization, ox.NamedNode(iri) if iri else None)
            self.add(funder, FOAF.name, ox.Literal(name))
            self.add(res, SDO.funder, funder)
        number, title = _first(award, "awardNumber"), _first(award, "title")
        if number or title:
            grant = self.node(SDO.Grant)
            self.add(grant, SDO.identifier, ox.Literal(number) if number else None)
            self.add(grant, SDO.name, ox.Literal(title) if title else None)
            self.add(grant, SDO.url, _http(_first(award, "awardUrl")))
            self.add(grant, SDO.funder, funder)
            self.add(res, SDO.funding, grant)

    def maintenance(self, res) -> None:
        for value in _path(self.res_el, "maintenance/maintenanceUpdateFrequency"):
            code = _str(value)
            frequency = _FREQUENCIES.get(code) or _EML_FREQUENCIES.get(code)
            if frequency:
                iri = ox.NamedNode(FREQUENCY + frequency)
                self.add(res, DCT.accrualPeriodicity, self.node(DCT.Frequency, iri))

    # -- distributions
    def distributions(self, res) -> None:
        for dist in _kids(self.res_el, "distribution"):
            for url in _path(dist, "online/url"):
                self.distribution(res, url, None, None)
        used = {u for d in _kids(self.res_el, "distribution") for u in _path(d, "online/url")}
        for entity in _kids(self.res_el, *_ENTITIES):
            for physical in _kids(entity, "physical"):
                for url in _path(physical, "distribution/online/url"):
                    self.distribution(res, url, entity, physical)
                    used.add(url)
        # the others document the data (protocols and citations of the methods, project)
        for dist in self.res_el.iter():
            if local(dist.tag) == "distribution":
                for url in _path(dist, "online/url"):
                    if url not in used:
                        self.add(res, FOAF.page, _http(_str(url)))

    def distribution(self, res, url_el: Element, entity, physical) -> None:
        url = _http(_str(url_el))
        if url is None:
            return
        dist = self.node(DCAT.Distribution)
        self.add(dist, DCAT.accessURL, url)
        if (url_el.get("function") or "download") != "information":
            self.add(dist, DCAT.downloadURL, url)
        title = _first(physical, "objectName") or _first(entity, "entityName")
        self.add(dist, DCT["title"], ox.Literal(title) if title else None)  # a file name
        if entity is not None:
            description = _first(entity, "entityDescription")
            self.add(dist, DCT.description, self.literal(description) if description else None)
        if physical is not None:
            for size in _kids(physical, "size"):
                unit = (size.get("unit") or "byte").lower()
                if unit in ("byte", "bytes") and _str(size).isdigit():
                    self.add(
                        dist,
                        DCAT.byteSize,
                        ox.Literal(
                            str(int(_str(size))), datatype=ox.NamedNode(XSD.nonNegativeInteger)
                        ),
                    )
            formats = [
                _str(f) for f in _path(physical, "dataFormat/externallyDefinedFormat/formatName")
            ]
            extension = _first(physical, "objectName").rpartition(".")[2].lower()
            if not any(formats) and extension in _EXTENSIONS:
                formats = [_EXTENSIONS[extension]]  # named by the object's file name
            for fmt in formats:
                media = dc.media_type_iri(fmt)
                if media:
                    self.add(dist, DCAT.mediaType, ox.NamedNode(media))
                elif fmt:
                    self.add(dist, DCT["format"], ox.Literal(fmt))
        self.add(res, DCAT.distribution, dist)


def _mailto(value: str) -> ox.NamedNode | None:
    value = value.strip().removeprefix("mailto:")
    if not re.fullmatch(r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+", value):
        return None
    return ox.NamedNode("mailto:" + value)


def _decimal_literal(value: Decimal) -> ox.Literal:
    text = format(value.normalize(), "f") if value != 0 else "0"
    return ox.Literal(text, datatype=ox.NamedNode(XSD.decimal))


def _date(el: Element | None, end: bool) -> ox.Literal | None:
    """The date of a ``beginDate`` / ``endDate`` / ``singleDateTime`` (its calendarDate and
    time), or None."""
    day = _first(el, "calendarDate")
    if not day:
        return None
    time = _first(el, "time")
    if time and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) and re.match(r"^\d{2}:\d{2}", time):
        if re.fullmatch(r"\d{2}:\d{2}", time[:5]) and len(time) == 5:
            time += ":00"
        literal = date_literal(f"{day}T{time}")
        if literal is not None:
            return literal
    return date_literal(day, end=end)
