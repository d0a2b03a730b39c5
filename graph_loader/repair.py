"""Deterministic repairs of a record's statements, each one recorded.

Real records are written by many hands: an e-mail address without ``mailto:``, a landing
page given as a string, a date without its datatype, a box in 0–360 longitudes or with
latitude and longitude swapped, titles without a language tag, control characters XML cannot
carry. What can be repaired without guessing is repaired here, and every change is returned
as a :class:`Repair` (what, before, after) that :func:`provenance_triples` writes into the
record graph. Values that are not what their property expects and cannot be repaired without
guessing are left alone: the shapes flag them.

Read-level repairs (relative IRIs, invalid IRIs, text encodings) happen before records exist,
in :func:`graph_loader.formats.read_document`, which returns :class:`Repair` values too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache

import pyoxigraph as ox

from .box_repair import box_steps
from .terms import (
    DCAT,
    DCT,
    FOAF,
    RDF_TYPE,
    REPAIR,
    REPAIR_CLASS,
    REPAIR_KIND,
    SDO,
    VALUE_AFTER,
    VALUE_BEFORE,
    XSD,
)

__all__ = [
    "Repair",
    "KINDS",
    "repair_triples",
    "provenance_triples",
    "distinct",
    "strip_control_chars",
    "term_text",
    "subject_text",
    "DETECTABLE_LANGUAGES",
]

#: every kind of repair, read-level ones included
KINDS = (
    "relative-iri",
    "mailto",
    "literal-url",
    "typed-date",
    "longitude-360",
    "swapped-bbox",
    "language-tag",
    "language-detected",
    "bad-iri",
    "encoding",
    "control-chars",
)


@dataclass(frozen=True, slots=True)
class Repair:
    """One change made to one statement: ``after`` is ``""`` if the statement was dropped."""

    kind: str  # one of KINDS
    subject: str  # IRI (or "_:" id) of the statement's subject
    property: str  # predicate IRI
    before: str  # the value as read (N-Triples form)
    after: str  # the value written ("" if the statement was dropped)


VCARD = "http://www.w3.org/2006/vcard/ns#"
LOCN = "http://www.w3.org/ns/locn#"
ADMS = "http://www.w3.org/ns/adms#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
GSP = "http://www.opengis.net/ont/geosparql#"

_STRING = ox.NamedNode(XSD + "string")
_LANG_STRING = ox.NamedNode(RDF + "langString")

#: properties whose value is an e-mail address, written as a ``mailto:`` IRI
EMAIL_PROPERTIES = frozenset({VCARD + "hasEmail", SDO + "email", FOAF + "mbox"})

#: properties whose range is a resource (DCAT-AP 3, GeoDCAT-AP, FOAF, schema.org): a literal
#: URL given as their value becomes an IRI
RESOURCE_PROPERTIES = frozenset(
    {
        DCAT + "landingPage",  # foaf:Document
        DCAT + "accessURL",  # rdfs:Resource
        DCAT + "downloadURL",  # rdfs:Resource
        DCAT + "endpointURL",  # rdfs:Resource
        DCAT + "endpointDescription",  # rdfs:Resource
        DCAT + "accessService",  # dcat:DataService
        DCAT + "mediaType",  # dct:MediaType
        DCAT + "compressFormat",  # dct:MediaType
        DCAT + "packageFormat",  # dct:MediaType
        DCAT + "theme",  # skos:Concept
        DCAT + "catalog",  # dcat:Catalog
        DCAT + "dataset",  # dcat:Dataset
        DCAT + "service",  # dcat:DataService
        DCAT + "servesDataset",  # dcat:Dataset
        DCAT + "qualifiedRelation",  # dcat:Relationship
        DCT + "license",  # dct:LicenseDocument
        DCT + "rights",  # dct:RightsStatement
        DCT + "accessRights",  # dct:RightsStatement
        DCT + "conformsTo",  # dct:Standard
        DCT + "format",  # dct:MediaTypeOrExtent
        DCT + "language",  # dct:LinguisticSystem
        DCT + "publisher",  # foaf:Agent
        DCT + "creator",  # foaf:Agent
        DCT + "spatial",  # dct:Location
        DCT + "temporal",  # dct:PeriodOfTime
        DCT + "accrualPeriodicity",  # dct:Frequency
        DCT + "type",  # skos:Concept
        DCT + "source",  # dcat:Dataset
        DCT + "isPartOf",
        DCT + "hasPart",
        DCT + "hasVersion",
        DCT + "isVersionOf",
        DCT + "references",
        DCT + "isReferencedBy",
        DCT + "relation",
        DCT + "requires",
        DCT + "isRequiredBy",
        DCT + "replaces",
        DCT + "isReplacedBy",
        DCT + "provenance",  # dct:ProvenanceStatement
        FOAF + "page",  # foaf:Document
        FOAF + "homepage",  # foaf:Document
        FOAF + "isPrimaryTopicOf",
        ADMS + "sample",  # dcat:Distribution
        "http://www.w3.org/ns/prov#wasGeneratedBy",
        "http://www.w3.org/2000/01/rdf-schema#seeAlso",
        "http://www.w3.org/2002/07/owl#sameAs",
        SDO + "url",
        SDO + "sameAs",
        SDO + "license",
        SDO + "contentUrl",
        SDO + "urlTemplate",
        SDO + "codeRepository",
        SDO + "downloadUrl",
    }
)

#: properties whose value is a date or a date-time (DCAT-AP 3: xsd:date, xsd:dateTime,
#: xsd:gYear or xsd:gYearMonth)
DATE_PROPERTIES = frozenset(
    {
        DCT + "issued",
        DCT + "modified",
        DCT + "created",
        DCT + "date",
        DCT + "available",
        DCT + "valid",
        DCT + "dateAccepted",
        DCT + "dateCopyrighted",
        DCT + "dateSubmitted",
        DCAT + "startDate",
        DCAT + "endDate",
        "http://www.w3.org/ns/prov#generatedAtTime",
        "http://www.w3.org/2006/time#inXSDDate",
        "http://www.w3.org/2006/time#inXSDDateTimeStamp",
        SDO + "datePublished",
        SDO + "dateModified",
        SDO + "dateCreated",
        SDO + "startDate",
        SDO + "endDate",
        SDO + "uploadDate",
        SDO + "expires",
    }
)

#: properties whose value is a box or a geometry literal (WKT or GeoJSON)
BOX_PROPERTIES = frozenset(
    {DCAT + "bbox", LOCN + "geometry", GSP + "asWKT", GSP + "asGeoJSON", SDO + "box"}
)

#: text properties whose untagged literals are in the record's language. Names of people and
#: organisations (foaf:name, vcard:fn, schema:name of an agent) are left untagged.
TEXT_PROPERTIES = frozenset(
    {
        DCT + "title",
        DCT + "alternative",
        DCT + "description",
        DCT + "abstract",
        DCAT + "keyword",
        ADMS + "versionNotes",
        SDO + "description",
        SDO + "abstract",
        SDO + "headline",
        SDO + "keywords",
    }
)

#: schema:name is a title when its subject is one of these (not a person or organisation)
_TITLED_TYPES = frozenset(
    SDO + t
    for t in (
        "Dataset",
        "DataCatalog",
        "DataDownload",
        "CreativeWork",
        "SoftwareSourceCode",
        "SoftwareApplication",
        "ScholarlyArticle",
        "Article",
        "Collection",
        "WebAPI",
    )
)
_SDO_NAME = {SDO + "name", "http://schema.org/name"}


def _and_http_schema(terms: frozenset[str]) -> frozenset[str]:
    """``terms`` and their ``http://schema.org/`` twins (many records still use them)."""
    return terms | {"http://schema.org/" + t[len(SDO) :] for t in terms if t.startswith(SDO)}


EMAIL_PROPERTIES = _and_http_schema(EMAIL_PROPERTIES)
RESOURCE_PROPERTIES = _and_http_schema(RESOURCE_PROPERTIES)
DATE_PROPERTIES = _and_http_schema(DATE_PROPERTIES)
BOX_PROPERTIES = _and_http_schema(BOX_PROPERTIES)
TEXT_PROPERTIES = _and_http_schema(TEXT_PROPERTIES)
_TITLED_TYPES = _and_http_schema(_TITLED_TYPES)

#: languages py3langid may answer (ISO 639-1): those of European catalogues and of the
#: largest other producers of Earth-science metadata
DETECTABLE_LANGUAGES = (
    "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv "
    "ca eu gl is no ru uk tr zh ja ko"
).split()

#: shorter texts are not given to language detection (unreliable)
MIN_DETECTION_CHARS = 20
#: detection below this probability is not trusted
MIN_DETECTION_PROBABILITY = 0.9

#: ISO 639-2/B, 639-2/T and English names of languages, to their 639-1 code
_LANGUAGE_CODES = {
    "fre": "fr", "fra": "fr", "french": "fr", "français": "fr", "francais": "fr",
    "eng": "en", "english": "en", "anglais": "en",
    "ger": "de", "deu": "de", "german": "de", "deutsch": "de",
    "spa": "es", "spanish": "es", "español": "es",
    "ita": "it", "italian": "it", "italiano": "it",
    "dut": "nl", "nld": "nl", "dutch": "nl", "nederlands": "nl",
    "por": "pt", "portuguese": "pt",
    "cze": "cs", "ces": "cs", "czech": "cs",
    "pol": "pl", "polish": "pl",
    "dan": "da", "danish": "da",
    "swe": "sv", "swedish": "sv",
    "fin": "fi", "finnish": "fi",
    "nor": "no", "nob": "nb", "nno": "nn", "norwegian": "no",
    "gre": "el", "ell": "el", "greek": "el",
    "hun": "hu", "hungarian": "hu",
    "rum": "ro", "ron": "ro", "romanian": "ro",
    "slo": "sk", "slk": "sk", "slovak": "sk",
    "slv": "sl", "slovenian": "sl",
    "hrv": "hr", "croatian": "hr",
    "bul": "bg", "bulgarian": "bg",
    "est": "et", "estonian": "et",
    "lav": "lv", "latvian": "lv",
    "lit": "lt", "lithuanian": "lt",
    "mlt": "mt", "maltese": "mt",
    "gle": "ga", "irish": "ga",
    "cat": "ca", "catalan": "ca",
    "baq": "eu", "eus": "eu", "basque": "eu",
    "glg": "gl", "galician": "gl",
    "ice": "is", "isl": "is", "icelandic": "is",
    "rus": "ru", "russian": "ru",
    "ukr": "uk", "ukrainian": "uk",
    "tur": "tr", "turkish": "tr",
    "chi": "zh", "zho": "zh", "chinese": "zh",
    "jpn": "ja", "japanese": "ja",
    "kor": "ko", "korean": "ko",
}  # fmt: skip

_LANGUAGE_PROPERTIES = _and_http_schema(frozenset({DCT + "language", SDO + "inLanguage"}))


def term_text(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    """The N-Triples form of a term (``_:id`` for a blank node)."""
    return str(term)


def subject_text(term) -> str:
    """A subject as :attr:`Repair.subject` gives it: its IRI, or ``_:id`` for a blank node."""
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


# ---------------------------------------------------------------------------------------------
# control characters

#: C0 controls XML 1.0 cannot carry (tab, LF and CR can), DEL, and the non-characters
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def strip_control_chars(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry."""
    return _CONTROL.sub("", text)


# ---------------------------------------------------------------------------------------------
# e-mail addresses

_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def email_iri(value: str) -> str | None:
    """``mailto:ADDRESS`` if ``value`` is an e-mail address, with or without ``mailto:``."""
    text = value.strip()
    if text.lower().startswith("mailto:"):
        text = text[len("mailto:") :].strip()
    return f"mailto:{text}" if _EMAIL.match(text) else None


# ---------------------------------------------------------------------------------------------
# literal URLs

_URL = re.compile(r"^(https?|ftps?|sftp|s3|gs|file)://[^\s<>\"{}|\\^`]+$", re.IGNORECASE)


def _url_iri(value: str) -> ox.NamedNode | None:
    text = value.strip()
    if not _URL.match(text):
        return None
    try:
        return ox.NamedNode(text)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# dates

_ISO_DATE = re.compile(
    r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?)?)?"
    r"(Z|[+-]\d{2}:?\d{2})?$"
)
_DATE_TYPES = {XSD + t for t in ("gYear", "gYearMonth", "date", "dateTime", "dateTimeStamp")}


def date_literal(value: str) -> ox.Literal | None:
    """The typed literal of a date written in ISO 8601 form (a year, a month, a day, a date
    and time), its separator, seconds and time zone normalised; ``None`` for anything else."""
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    year, month, day, hours, minutes, seconds, zone = match.groups()
    zone = zone or ""
    if len(zone) == 5:
        zone = f"{zone[:3]}:{zone[3:]}"
    if zone and zone != "Z" and (int(zone[1:3]) > 14 or int(zone[4:6]) > 59):
        return None
    if month and not 1 <= int(month) <= 12:
        return None
    if day:
        try:
            date(max(int(year.lstrip("-")), 1), int(month), int(day))
        except ValueError:
            return None
    if hours is not None:
        seconds = seconds or "00"
        if int(hours) > 23 or int(minutes) > 59 or float(seconds) >= 60:
            return None
        text, kind = f"{year}-{month}-{day}T{hours}:{minutes}:{seconds}{zone}", "dateTime"
    elif day:
        text, kind = f"{year}-{month}-{day}{zone}", "date"
    elif month:
        text, kind = f"{year}-{month}{zone}", "gYearMonth"
    else:
        text, kind = f"{year}{zone}", "gYear"
    return ox.Literal(text, datatype=ox.NamedNode(XSD + kind))


def _date_repair(obj: ox.Literal) -> ox.Literal | None:
    typed = date_literal(obj.value)
    if typed is None or typed == obj:
        return None
    datatype = obj.datatype.value
    if datatype in _DATE_TYPES and datatype == typed.datatype.value:
        return typed if typed.value != obj.value else None
    if datatype == XSD + "dateTimeStamp" and typed.value == obj.value:
        return None  # a date-time with its time zone: already right
    if datatype in _DATE_TYPES or datatype in (_STRING.value, _LANG_STRING.value):
        return typed
    if datatype.startswith(SDO) or datatype == XSD + "normalizedString":
        return typed
    return None


# ---------------------------------------------------------------------------------------------
# languages


def language_code(value: str) -> str | None:
    """The BCP 47 tag of a language given as a code (``fr``, ``fre``, ``en-GB``), a name
    (``French``) or an IRI (EU authority table, id.loc.gov), else ``None``."""
    text = value.strip().rstrip("/")
    if "/" in text or "#" in text:
        text = re.split(r"[/#]", text)[-1]
    lowered = text.lower()
    if re.fullmatch(r"[a-z]{2}(-[a-z0-9]{2,8})*", lowered):
        return text.split("-")[0].lower() + text[2:]
    return _LANGUAGE_CODES.get(lowered)


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(DETECTABLE_LANGUAGES)
    return identifier


def detect_language(text: str) -> str | None:
    """The language of ``text`` among :data:`DETECTABLE_LANGUAGES` when py3langid is sure of
    it; ``None`` for short texts and uncertain answers."""
    if len(text.strip()) < MIN_DETECTION_CHARS:
        return None
    lang, probability = _identifier().classify(text)
    return lang if probability >= MIN_DETECTION_PROBABILITY else None


def _is_text(triple: ox.Triple, titled: set) -> bool:
    predicate = triple.predicate.value
    if predicate in TEXT_PROPERTIES:
        return True
    return predicate in _SDO_NAME and triple.subject in titled


def _untagged(term) -> bool:
    return (
        isinstance(term, ox.Literal)
        and term.language is None
        and term.datatype == _STRING
        and any(c.isalpha() for c in term.value)
    )


def _record_language(triples: list[ox.Triple], root, titled: set) -> str | None:
    """The language of the record's own tagged text literals (a strict plurality), else that
    of the root's dct:language / schema:inLanguage."""
    tags = Counter(
        t.object.language
        for t in triples
        if isinstance(t.object, ox.Literal) and t.object.language and _is_text(t, titled)
    )
    ranked = tags.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    declared = sorted(
        {
            code
            for t in triples
            if t.subject == root and t.predicate.value in _LANGUAGE_PROPERTIES
            for code in [language_code(t.object.value)]
            if code and not isinstance(t.object, ox.BlankNode)
        }
    )
    return declared[0] if len(declared) == 1 else None


_AGENT_TYPES = _and_http_schema(
    frozenset(
        {
            FOAF + "Person",
            FOAF + "Organization",
            FOAF + "Agent",
            SDO + "Person",
            SDO + "Organization",
            VCARD + "Individual",
            VCARD + "Organization",
            VCARD + "Kind",
        }
    )
)


def _titled_subjects(triples: list[ox.Triple], root) -> set:
    agents = {
        t.subject for t in triples if t.predicate == RDF_TYPE and t.object.value in _AGENT_TYPES
    }
    titled = {
        t.subject for t in triples if t.predicate == RDF_TYPE and t.object.value in _TITLED_TYPES
    }
    titled.add(root)
    return titled - agents


# ---------------------------------------------------------------------------------------------
# the record


def _as_triple(statement) -> ox.Triple:
    return statement.triple if isinstance(statement, ox.Quad) else statement


def repair_triples(
    triples: list[ox.Triple | ox.Quad], *, root: ox.NamedNode, language: str | None = None
) -> tuple[list[ox.Triple], list[Repair]]:
    """Deterministic repairs of one record's statements; `language` is the source's declared
    language (or None): untagged literals get the record's language (from the record's own
    tagged literals / dct:language, else `language`, else py3langid detection, recorded as
    kind "language-detected")."""
    repairs: list[Repair] = []
    out: list[ox.Triple] = []

    def note(kind: str, t: ox.Triple, before, after) -> None:
        repairs.append(
            Repair(
                kind,
                subject_text(t.subject),
                t.predicate.value,
                term_text(before),
                "" if after is None else term_text(after),
            )
        )

    for statement in triples:
        t = _as_triple(statement)
        obj = t.object
        predicate = t.predicate.value
        if isinstance(obj, ox.Literal) and _CONTROL.search(obj.value):
            cleaned = _with_value(obj, strip_control_chars(obj.value))
            note("control-chars", t, obj, cleaned)
            obj = cleaned
        if predicate in EMAIL_PROPERTIES and not isinstance(obj, ox.BlankNode):
            iri = email_iri(obj.value)
            if iri is not None and not (isinstance(obj, ox.NamedNode) and obj.value == iri):
                fixed = ox.NamedNode(iri)
                note("mailto", t, obj, fixed)
                obj = fixed
        elif predicate in RESOURCE_PROPERTIES and isinstance(obj, ox.Literal):
            fixed = _url_iri(obj.value)
            if fixed is not None:
                note("literal-url", t, obj, fixed)
                obj = fixed
        elif predicate in DATE_PROPERTIES and isinstance(obj, ox.Literal):
            fixed = _date_repair(obj)
            if fixed is not None:
                note("typed-date", t, obj, fixed)
                obj = fixed
        elif predicate in BOX_PROPERTIES and isinstance(obj, ox.Literal):
            for kind, value in box_steps(obj.value):
                fixed = _with_value(obj, value)
                note(kind, t, obj, fixed)
                obj = fixed
        out.append(t if obj is t.object else ox.Triple(t.subject, t.predicate, obj))

    out, language_repairs = _tag_languages(out, root, language)
    repairs.extend(language_repairs)
    return list(dict.fromkeys(out)), repairs


def _with_value(literal: ox.Literal, value: str) -> ox.Literal:
    if literal.language:
        return ox.Literal(value, language=literal.language)
    return ox.Literal(value, datatype=literal.datatype)


def _tag_languages(
    triples: list[ox.Triple], root, language: str | None
) -> tuple[list[ox.Triple], list[Repair]]:
    titled = _titled_subjects(triples, root)
    untagged_at = [i for i, t in enumerate(triples) if _untagged(t.object) and _is_text(t, titled)]
    if not untagged_at:
        return triples, []
    known = _record_language(triples, root, titled) or (language_code(language or "") or None)
    whole = None
    if known is None:
        # the record's language, detected once from all its untagged texts together
        whole = detect_language(" ".join(triples[i].object.value for i in untagged_at))
    repairs = []
    out = list(triples)
    for i in untagged_at:
        t = triples[i]
        if known is not None:
            tag, kind = known, "language-tag"
        else:
            tag = detect_language(t.object.value) or whole
            kind = "language-detected"
        if tag is None:
            continue
        fixed = ox.Literal(t.object.value, language=tag)
        out[i] = ox.Triple(t.subject, t.predicate, fixed)
        repairs.append(
            Repair(kind, subject_text(t.subject), t.predicate.value, str(t.object), str(fixed))
        )
    return out, repairs


# ---------------------------------------------------------------------------------------------
# provenance


def provenance_triples(graph: ox.NamedNode, repairs: list[Repair]) -> list[ox.Triple]:
    """What the record graph says of its repairs: one node per repair, `gaia:repair` from the
    graph IRI, typed `gaia:Repair`, with `gaia:repairKind`, `rdf:predicate`, `gaia:valueBefore`,
    `gaia:valueAfter` (terms declared in ontology/gaia.ttl, fr/en); also `rdf:subject` when the
    statement's subject is an IRI. The nodes are named ``<graph>/repair/<n>``, so that one
    input always gives the same graph."""
    out: list[ox.Triple] = []
    for n, r in enumerate(repairs, 1):
        node = ox.NamedNode(f"{graph.value}/repair/{n}")
        out += [
            ox.Triple(graph, REPAIR, node),
            ox.Triple(node, RDF_TYPE, REPAIR_CLASS),
            ox.Triple(node, REPAIR_KIND, ox.Literal(r.kind)),
            ox.Triple(node, VALUE_BEFORE, ox.Literal(r.before)),
            ox.Triple(node, VALUE_AFTER, ox.Literal(r.after)),
        ]
        for rdf_term, value in ((_RDF_PREDICATE, r.property), (_RDF_SUBJECT, r.subject)):
            if value and not value.startswith("_:"):
                try:
                    out.append(ox.Triple(node, rdf_term, ox.NamedNode(value)))
                except ValueError:  # a dropped statement's predicate, as written
                    pass
    return out


_RDF_PREDICATE = ox.NamedNode(RDF + "predicate")
_RDF_SUBJECT = ox.NamedNode(RDF + "subject")


def distinct(repairs) -> list[Repair]:
    """A record's repairs, each change told once: a relative IRI or a bare e-mail met in ten
    statements was one repair of the document, not ten (the first statement names it)."""
    first: dict[tuple[str, str, str], Repair] = {}
    for r in repairs:
        first.setdefault((r.kind, r.before, r.after), r)
    return list(first.values())
