"""Fields kept (issue 16, item 8): each field of the real corpus's ISO 19139 / 19115-3
records, read here straight from the XML (ElementTree walks by local name, NOT the
converter's code), is found in the converted graph for at least 95 % of the records that
have it.

Values are compared as the graph must hold them: texts whitespace-collapsed, numbers as
numbers, dates by their leading part (a year-month is stored as its first or last day), phone
numbers by their digits, a DOI in any form by its ``https://doi.org/`` IRI.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from xml.etree import ElementTree

import pyoxigraph as ox
from helpers import BASE, corpus

from graph_loader.errors import InputError
from graph_loader.mappings import iso19115_3, iso19139

XLINK = "{http://www.w3.org/1999/xlink}href"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
GAIA = "https://w3id.org/gaia-kg/ontology#"
FLOOR = 0.95
#: ISO 639-2 codes of the corpus -> BCP 47
LANGS = {"eng": "en", "fre": "fr", "fra": "fr", "ger": "de", "deu": "de", "dut": "nl"}
LANGS |= {"nld": "nl", "ita": "it", "spa": "es", "por": "pt", "tur": "tr"}


def local(el) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def path(el, *steps: str) -> list:
    """Elements reached by a path of local names (``a|b`` for either)."""
    found = [el] if el is not None else []
    for step in steps:
        names = set(step.split("|"))
        found = [c for e in found for c in e if local(c) in names]
    return found


def below(el, name: str) -> list:
    return [e for e in el.iter() if local(e) == name]


def plain(text: str | None) -> str:
    return " ".join((text or "").split())


def value(el) -> str:
    """The text of a CharacterString / Anchor / URL / Date property (PT_FreeText aside)."""
    if el is None:
        return ""
    for child in el:
        if local(child) != "PT_FreeText" and plain(child.text):
            return plain(child.text)
    return plain(el.text)


def number(text: str) -> Decimal | None:
    try:
        n = Decimal(text.strip())
    except (InvalidOperation, AttributeError):
        return None
    return n if n.is_finite() else None


def records(root) -> list:
    """Outermost MD_Metadata / MI_Metadata / profile substitute (``*_MD_Metadata``) elements."""
    found = []

    def walk(el):
        if re.fullmatch(r"(\w+_)?M[DI]_Metadata", local(el)) and len(el):
            found.append(el)
            return
        for child in el:
            walk(child)

    walk(root)
    return found


class Graph:
    """What the converted graph holds, indexed for the checks."""

    def __init__(self, triples: list[ox.Triple]):
        self.literals: dict[str, set[str]] = {}
        self.tagged: set[tuple[str, str | None]] = set()
        self.iris: set[str] = set()
        self.objects: dict[str, set[str]] = {}
        self.types: set[str] = set()
        for t in triples:
            p, o = t.predicate.value, t.object
            if isinstance(t.subject, ox.NamedNode):
                self.iris.add(t.subject.value)
            if isinstance(o, ox.Literal):
                self.literals.setdefault(p, set()).add(plain(o.value))
                self.literals.setdefault("*", set()).add(plain(o.value))
                self.tagged.add((plain(o.value), o.language))
            elif isinstance(o, ox.NamedNode):
                self.iris.add(o.value)
                self.objects.setdefault(p, set()).add(o.value)
                if p == RDF_TYPE:
                    self.types.add(o.value)

    def text(self, prop: str, text: str) -> bool:
        return plain(text) in self.literals.get(prop, ())

    def any_text(self, text: str) -> bool:
        return plain(text) in self.literals.get("*", ())


def field_checks(md, g: Graph) -> list[tuple[str, bool]]:
    """(field, kept?) for every field value the record has."""
    out: list[tuple[str, bool]] = []
    idents = [c for info in path(md, "identificationInfo") for c in info]
    ident = idents[0] if idents else None
    # title, abstract
    for title in path(ident, "citation", "CI_Citation", "title"):
        if value(title):
            out.append(("title", g.text(DCT + "title", value(title))))
    for abstract in path(ident, "abstract"):
        if value(abstract):
            out.append(("abstract", g.text(DCT + "description", value(abstract))))
    # translations (PT_FreeText) of title and abstract, with their locale's language
    locales = {}
    for loc in below(md, "PT_Locale"):
        code = next((c.get("codeListValue") for c in below(loc, "LanguageCode")), "") or ""
        locales[loc.get("id", "")] = LANGS.get(code.lower()[:3], code[:2].lower() or None)
    for el in path(ident, "citation", "CI_Citation", "title") + path(ident, "abstract"):
        for lcs in below(el, "LocalisedCharacterString"):
            lang = locales.get((lcs.get("locale") or "").lstrip("#"))
            if plain(lcs.text) and lang:
                out.append(("translation", (plain(lcs.text), lang) in g.tagged))
    # language: the record's literals carry its language
    code = next(
        (
            c.get("codeListValue") or value(lang)
            for lang in path(md, "language") + path(md, "defaultLocale", "PT_Locale", "language")
            for c in [*below(lang, "LanguageCode"), lang]
            if c.get("codeListValue") or value(lang)
        ),
        "",
    )
    tag = LANGS.get(code.lower()[:3])
    main_title = value(next(iter(path(ident, "citation", "CI_Citation", "title")), None))
    if tag and main_title:
        out.append(("language", (main_title, tag) in g.tagged))
    # keywords and their thesaurus
    for block in path(ident, "descriptiveKeywords", "MD_Keywords"):
        for kw in path(block, "keyword"):
            if value(kw):
                kept = g.text(DCAT + "keyword", value(kw)) or kw_iri(kw) in g.iris
                out.append(("keyword", kept))
        thesaurus = path(block, "thesaurusName", "CI_Citation", "title")
        if thesaurus and value(thesaurus[0]) and any(value(k) for k in path(block, "keyword")):
            href = next((n.get(XLINK) for n in [thesaurus[0], *thesaurus[0]] if n.get(XLINK)), "")
            out.append(("thesaurus", g.any_text(value(thesaurus[0])) or href in g.iris))
    # bounding boxes
    boxes = [
        (w, e, s, n)
        for ex in idents
        for box in below(ex, "EX_GeographicBoundingBox")
        if None
        not in (
            sides := [
                number(value(next(iter(path(box, side)), None)))
                for side in (
                    "westBoundLongitude",
                    "eastBoundLongitude",
                    "southBoundLatitude",
                    "northBoundLatitude",
                )
            ]
        )
        for w, e, s, n in [sides]
    ]
    polygons = [
        {(Decimal(x), Decimal(y)) for x, y in re.findall(r"(-?[\d.]+) (-?[\d.]+)", wkt)}
        for wkt in g.literals.get(DCAT + "bbox", ())
    ]
    for w, e, s, n in set(boxes):
        out.append(("bbox", any({(w, n), (e, s)} <= corners for corners in polygons)))
    # temporal extent
    starts = g.literals.get(DCAT + "startDate", set())
    ends = g.literals.get(DCAT + "endDate", set())
    for period in (p for ex in idents for p in below(ex, "TimePeriod")):
        begin = next(
            (e for e in period.iter() if local(e) in ("beginPosition", "timePosition")), None
        )
        if begin is not None and valid_date(plain(begin.text)):
            start = plain(begin.text)[:10]
            out.append(("temporal", any(v.startswith(start) for v in starts | ends)))
    # vertical extent
    for vertical in (v for ex in idents for v in below(ex, "EX_VerticalExtent")):
        low, high = (
            number(value(next(iter(path(vertical, b)), None)))
            for b in ("minimumValue", "maximumValue")
        )
        if low is not None or high is not None:
            alt = {GAIA + "minimumAltitude", GAIA + "maximumAltitude"} & set(g.literals)
            out.append(("vertical", bool(alt)))
    # contacts: name, role, phone
    # the record's and the resource's own parties (those of thesauri, cited documents or
    # lineage steps are other resources' contacts)
    holders = [
        *path(md, "contact"),
        *path(ident, "pointOfContact"),
        *path(ident, "citation", "CI_Citation", "citedResponsibleParty"),
        *(c for d in path(md, "distributionInfo") for c in below(d, "distributorContact")),
    ]
    for party in (
        p for h in holders for p in h if local(p) in ("CI_ResponsibleParty", "CI_Responsibility")
    ):
        names = [
            value(n)
            for n in below(party, "organisationName")
            + below(party, "individualName")
            + [x for o in below(party, "CI_Organisation") for x in path(o, "name")]
            + [x for o in below(party, "CI_Individual") for x in path(o, "name")]
            if value(n)
        ]
        if not names:
            continue
        named = any(
            g.text("http://xmlns.com/foaf/0.1/name", n)
            or g.text("http://www.w3.org/2006/vcard/ns#fn", n)
            or g.text("http://www.w3.org/2006/vcard/ns#organization-name", n)
            for n in names
        )
        out.append(("contact", named))
        role = next(
            (c.get("codeListValue") for c in below(party, "CI_RoleCode") if c.get("codeListValue")),
            "",
        )
        if re.fullmatch(r"[A-Za-z]+", role):
            roles = g.objects.get(DCAT + "hadRole", set())
            kept = role == "pointOfContact" and DCAT + "contactPoint" in g.objects
            kept = kept or any(r.endswith("/" + role) for r in roles)
            kept = kept or (
                role == "pointOfContact"
                and any(g.text("http://www.w3.org/2006/vcard/ns#fn", n) for n in names)
            )
            out.append(("contact role", kept))
        phones = [value(v) for v in below(party, "voice")] + [
            value(n)
            for t in below(party, "CI_Telephone")
            for n in path(t, "number")
            if all(
                c.get("codeListValue") in (None, "voice") for c in below(t, "CI_TelephoneTypeCode")
            )
        ]
        tels = {re.sub(r"\D", "", i) for i in g.iris if i.startswith("tel:")}
        for phone in (p for p in phones if sum(c.isdigit() for c in p) >= 4):
            out.append(("phone", re.sub(r"\D", "", phone) in tels))
    # constraints (licence, use, access)
    for block in path(ident, "resourceConstraints"):
        for el in [x for c in block for x in path(c, "otherConstraints|useLimitation")]:
            href = next((n.get(XLINK) for n in [el, *el] if n.get(XLINK)), "")
            if value(el) or href:
                out.append(("constraints", g.any_text(value(el)) or href in g.iris))
    # identifiers, DOIs
    for code in path(
        ident, "citation", "CI_Citation", "identifier", "MD_Identifier|RS_Identifier", "code"
    ):
        text = value(code) or next((n.get(XLINK) for n in [code, *code] if n.get(XLINK)), "")
        if not text:
            continue
        doi = re.search(r"(10\.\d{4,9}/\S+)$", text)
        if doi and re.match(r"(?i)(doi:|https?://(dx\.)?doi\.org/|10\.)", text):
            out.append(("doi", "https://doi.org/" + doi.group(1).rstrip("/.").lower() in g.iris))
            out.append(
                (
                    "identifier",
                    g.text(
                        "http://www.w3.org/2004/02/skos/core#notation", doi.group(1).rstrip("/.")
                    ),
                )
            )
        else:
            out.append(("identifier", g.text("http://www.w3.org/2004/02/skos/core#notation", text)))
    # dataSetURI, graphic overview
    for uri in path(md, "dataSetURI"):
        if value(uri).startswith(("http://", "https://")) and " " not in value(uri):
            out.append(("dataSetURI", value(uri) in g.objects.get(DCAT + "landingPage", ())))
    for graphic in path(ident, "graphicOverview", "MD_BrowseGraphic", "fileName"):
        url = value(graphic)
        if url.startswith(("http://", "https://")) and " " not in url:
            depictions = g.objects.get("http://xmlns.com/foaf/0.1/depiction", ())
            out.append(("graphicOverview", url.replace(" ", "%20") in depictions))
    # distribution: online resources, transfer sizes, formats
    dist = path(md, "distributionInfo", "MD_Distribution")
    for res in (r for d in dist for r in below(d, "CI_OnlineResource")):
        url = value(next(iter(path(res, "linkage")), None))
        if re.match(r"(?i)https?://\S+$", url):
            out.append(("online resource", url in g.iris))
    for size in (s for d in dist for s in below(d, "transferSize")):
        if number(value(size)) is not None:
            out.append(("transferSize", DCAT + "byteSize" in g.literals))
    # formats describe distributions: those of a service record (its own output formats) are
    # not counted, nor those of a record with no URL at all to reach a distribution by
    service = ident is not None and local(ident).endswith("ServiceIdentification")
    reachable = any(
        re.match(r"(?i)https?://\S+$", value(link))
        for d in dist
        for res in below(d, "CI_OnlineResource")
        for link in path(res, "linkage")
    )
    for fmt in (f for d in dist for f in below(d, "MD_Format") if reachable and not service):
        name_el = next(iter(path(fmt, "name")), None)
        name = value(name_el)
        href = next((n.get(XLINK) for n in [name_el, *name_el] if n.get(XLINK)), "") if name else ""
        if href:
            out.append(("format", href in g.iris))
        elif name:
            formats = g.objects.get(DCT + "format", set()) | g.objects.get(
                DCAT + "mediaType", set()
            )
            squashed = re.sub(r"\W", "", name).lower()
            kept = g.any_text(name) or any(squashed and squashed in f.lower() for f in formats)
            out.append(("format", kept))
    # services: SV_ServiceIdentification connect points and service endpoints as DataServices
    for section in (s for s in idents if local(s).endswith("ServiceIdentification")):
        for res in below(section, "connectPoint"):
            url = value(next(iter(below(res, "linkage")), None))
            if re.match(r"(?i)https?://\S+$", url):
                endpoints = g.objects.get(DCAT + "endpointURL", set())
                endpoints |= g.objects.get(DCAT + "endpointDescription", set())
                kept = url in endpoints or url.split("?")[0] in endpoints
                out.append(("service endpoint", kept and DCAT + "DataService" in g.types))
    # what a dataset's online resources say they are (its distributions, landing pages, and the
    # connect points of the service sections ncISO and ERDDAP write beside it): their text
    coupled = [s for s in idents[1:] if local(s).endswith("ServiceIdentification")]
    online = [r for d in dist for r in below(d, "CI_OnlineResource")]
    online += [
        r for s in coupled for p in below(s, "connectPoint") for r in below(p, "CI_OnlineResource")
    ]
    for res in online if not service else ():
        url = value(next(iter(path(res, "linkage")), None))
        text = value(next(iter(path(res, "description")), None))
        if text and re.match(r"(?i)https?://\S+$", url):
            out.append(("online description", g.text(DCT + "description", text)))
    return out


def valid_date(text: str) -> bool:
    """An ISO 8601 year, year-month, date or date-time (``1990-NaN-01`` is not)."""
    if re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2]))?", text):
        return True
    try:
        date.fromisoformat(text[:10])
    except ValueError:
        return False
    return len(text) == 10 or bool(re.match(r"T\d{2}:\d{2}", text[10:]))


def kw_iri(kw) -> str:
    return next((n.get(XLINK) for n in [kw, *kw] if n.get(XLINK)), "") or "-"


def test_iso_fields_are_kept():
    kept: Counter = Counter()
    have: Counter = Counter()
    lost: dict[str, list[str]] = {}
    for kind, module in (("iso19139", iso19139), ("iso19115-3", iso19115_3)):
        for file in (f for f in corpus("real", kind) if f.suffix == ".xml"):
            data = file.read_bytes()
            try:
                triples = module.convert(data, base_iri=BASE)
                root = ElementTree.fromstring(data.lstrip(b"\xef\xbb\xbf \r\n\t"))
            except (InputError, ElementTree.ParseError):
                continue  # refused with its reason (test_mapping_iso19139.py)
            graph = Graph(triples)
            for md in records(root):
                for name, ok in field_checks(md, graph):
                    have[name] += 1
                    kept[name] += ok
                    if not ok:
                        lost.setdefault(name, []).append(Path(file).name)
    table = {name: round(kept[name] / have[name], 3) for name in sorted(have)}
    for name, share in table.items():
        print(
            f"{name:18} {kept[name]:5} / {have[name]:5}  {share:.1%}",
            sorted(set(lost.get(name, [])))[:6],
        )
    assert {n: s for n, s in table.items() if s < FLOOR} == {}
    assert len(table) >= 20  # every field was met in the corpus
