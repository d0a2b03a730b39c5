"""Reading JSON-LD records offline: contexts answered from shipped files, triples indexed.

schema.org terms are normalised to ``https://schema.org/`` whatever the record wrote
(``http://schema.org/``, with or without a trailing slash, as a string or an ``@vocab``).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict

import pyoxigraph as ox

from .. import jsonsafe
from ..errors import InputError
from ..jsonld_contexts import CONTEXTS, inline_contexts, schemaorg_in_https
from ..namespaces import RDF
from ..repair import Repair
from ..term_cleaning import has_scheme, repaired_iri
from .xmlsafe import MAX_RECORD_BYTES

__all__ = [
    "load_json",
    "context_names",
    "parse_jsonld",
    "clean_ids",
    "normalise_contexts",
    "https",
    "Index",
]

_HTTP_SDO = "http://schema.org/"
_SDO = "https://schema.org/"
#: the index is keyed by predicate strings (pyoxigraph ``.value``)
_TYPE, _FIRST, _REST = str(RDF.type), str(RDF.first), str(RDF.rest)
_NIL = ox.NamedNode(RDF.nil)


def load_json(data: bytes) -> object:
    """The JSON document of ``data``; :class:`InputError` if empty, too large or not JSON."""
    if len(data) > MAX_RECORD_BYTES:
        raise InputError(f"{len(data)} bytes is over the {MAX_RECORD_BYTES} bytes limit")
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise InputError("empty record")
    try:
        return jsonsafe.loads(data)  # deep nesting: InputError
    except UnicodeDecodeError as exc:
        raise InputError(f"JSON is not in UTF-8, UTF-16 or UTF-32: {exc}") from exc
    except ValueError as exc:
        raise InputError(f"invalid JSON: {exc}") from exc


def context_names(document: object) -> list[str]:
    """The context IRIs and ``@vocab`` values of the top-level object(s) of ``document``."""
    nodes = document if isinstance(document, list) else [document]
    names: list[str] = []
    for node in nodes:
        if not isinstance(node, dict):
            continue
        context = node.get("@context")
        for item in context if isinstance(context, list) else [context]:
            if isinstance(item, str):
                names.append(item)
            elif isinstance(item, dict) and isinstance(item.get("@vocab"), str):
                names.append(item["@vocab"])
    return names


def _vocab(context: object) -> object:
    if isinstance(context, dict) and str(context.get("@vocab", "")).rstrip("/") in (
        "http://schema.org",
        "https://schema.org",
    ):
        return {**context, "@vocab": _SDO}
    return context


def https(term):
    """``term`` with a ``http://schema.org/`` IRI (or datatype) in ``https://schema.org/``."""
    if isinstance(term, ox.NamedNode) and term.value.startswith(_HTTP_SDO):
        return ox.NamedNode(_SDO + term.value[len(_HTTP_SDO) :])
    if isinstance(term, ox.Literal) and term.datatype.value.startswith(_HTTP_SDO):
        return ox.Literal(term.value, datatype=https(term.datatype))
    return term


#: context IRIs real records write for the shipped schema.org and CodeMeta contexts
_CODEMETA = "https://doi.org/10.5063/schema/codemeta-2.0"
_ALIASES = re.compile(
    r"^https?://(?:(?:dx\.)?doi\.org/(?:doi:)?10\.5063/schema/codemeta-[12]\.0"
    r"|purl\.org/codemeta/[23]\.\d|w3id\.org/codemeta/(?:v?[123]\.\d)"
    r"|raw\.githubusercontent\.com/codemeta/codemeta/[\w.]+/codemeta\.jsonld)/?$",
    re.IGNORECASE,
)
_SCHEMAORG_RELEASE = re.compile(
    r"^https?://(raw\.githubusercontent\.com/schemaorg/schemaorg/[\w.]+/data/releases/[\d.]+/"
    r"schemaorgcontext\.jsonld|schema\.org/version/[\d.]+/schemaorgcontext\.jsonld)$",
    re.IGNORECASE,
)
#: extension contexts of CodeMeta tools (software types, I/O data) whose terms are not read
_EXTENSIONS = re.compile(
    r"^https?://(w3id\.org/(software-types|software-iodata|nwo-research-fields"
    r"|research-technology-readiness-levels)"
    r"|raw\.githubusercontent\.com/jantman/repostatus\.org/[\w.-]+/badges/[\w.-]+/ontology\.jsonld)/?$",
    re.IGNORECASE,
)


def normalise_contexts(node: object) -> object:
    """``node`` with the context IRIs written for the shipped contexts replaced by the shipped
    names (``http://purl.org/codemeta/2.0``, ``doi:``-prefixed DOIs, CodeMeta 1.0, schema.org
    release files); beside a shipped context, the CodeMeta extension contexts (software types,
    I/O data, research fields) are dropped: their terms are not read and the network is not
    used (any other unknown context still stops the record: it may redefine terms).
    The CodeMeta extensions are those of the CLARIAH tools (software types, I/O data, research
    fields, technology readiness levels) and the repostatus.org ontology."""
    if isinstance(node, list):
        return [normalise_contexts(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "@context":
            items = value if isinstance(value, list) else [value]
            items = [_context_name(v) for v in items]
            known = any(isinstance(v, str) and _shipped(v) for v in items)
            kept = [v for v in items if not (known and isinstance(v, str) and _EXTENSIONS.match(v))]
            value = kept if isinstance(value, list) else kept[0] if kept else {}
        else:
            value = normalise_contexts(value)
        out[key] = value
    return out


def _shipped(iri: str) -> bool:
    return iri in CONTEXTS or iri.rstrip("/") in CONTEXTS


def _context_name(value: object) -> object:
    if not isinstance(value, str):
        return value
    if _ALIASES.match(value.strip()):
        return _CODEMETA
    if _SCHEMAORG_RELEASE.match(value.strip()):
        return _SDO
    return value


def _inline(document: object) -> object:
    return inline_contexts(document, _vocab, shipped=schemaorg_in_https)


def _has_base(node: object) -> bool:
    """Whether a context of ``node`` (or of a node inside it) declares ``@base``."""
    if isinstance(node, list):
        return any(_has_base(n) for n in node)
    if not isinstance(node, dict):
        return False
    contexts = node.get("@context")
    contexts = contexts if isinstance(contexts, list) else [contexts]
    if any(isinstance(c, dict) and "@base" in c for c in contexts):
        return True
    return any(_has_base(v) for k, v in node.items() if k != "@context")


def clean_ids(node: object, *, relative: bool | None = None) -> object:
    """``node`` with the node identifiers real records get wrong made harmless: an ``@id`` (or
    its schema.org alias ``id``) that is null, empty or not a string is dropped, a relative one
    (``"metadata-nwis-sites"``: no base is known offline) becomes a blank node label, so the
    node keeps its statements and the nodes that share it stay one (unless the document
    declares an ``@base`` that resolves them: ``relative`` None looks for one)."""
    if relative is None:
        relative = not _has_base(node)
    if isinstance(node, list):
        return [clean_ids(n, relative=relative) for n in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in ("@id", "id"):
            if not isinstance(value, str) or not value.strip():
                continue
            if has_scheme(value.strip()):
                value = _valid_id(value)
            if (
                relative
                and isinstance(value, str)
                and not has_scheme(value.strip())
                and not value.startswith("_:")
            ):
                value = "_:rel-" + re.sub(r"[^A-Za-z0-9_-]", "_", value.strip())
        out[key] = value if key == "@context" else clean_ids(value, relative=relative)
    return out


def _valid_id(value: str) -> str:
    """An absolute ``@id`` the JSON-LD parser would drop silently with its node (a space in
    it, say) percent-encoded, the change recorded as a ``bad-iri`` repair; one that cannot be
    mended becomes a blank node (the dataset's IRI is then minted), recorded too."""
    from ..formats import note_repair  # formats imports the mappings

    try:
        ox.NamedNode(value)
        return value
    except ValueError:
        pass
    mended = repaired_iri(value)
    after = mended or "_:bad-" + re.sub(r"[^A-Za-z0-9_-]", "_", value.strip())
    note_repair(Repair("bad-iri", after, "", f"<{value}>", f"<{after}>" if mended else after))
    return after


def parse_jsonld(document: object) -> list[ox.Triple]:
    """The triples of a JSON-LD ``document`` (contexts inlined, node identifiers cleaned by
    :func:`clean_ids`, schema.org in https)."""
    inlined = json.dumps(_inline(clean_ids(normalise_contexts(document)))).encode()
    try:
        quads = list(ox.parse(inlined, ox.RdfFormat.JSON_LD))
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"invalid JSON-LD: {exc}") from exc
    return [ox.Triple(https(q.subject), https(q.predicate), https(q.object)) for q in quads]


class Index:
    """Triples indexed by subject then predicate; RDF lists are read as their members."""

    def __init__(self, triples: list[ox.Triple]):
        self._by: dict = defaultdict(lambda: defaultdict(list))
        for t in triples:
            self._by[t.subject][t.predicate.value].append(t.object)

    def subjects(self, type_iri: str) -> list:
        """Subjects typed ``type_iri``, in document order."""
        wanted = ox.NamedNode(type_iri)
        return [s for s, props in self._by.items() if wanted in props.get(_TYPE, ())]

    def roots(self, *type_iris: str) -> list:
        """Subjects typed one of ``type_iris`` that no other node points to (top-level)."""
        pointed = {o for props in self._by.values() for objs in props.values() for o in objs}
        return [s for s in self.typed(*type_iris) if s not in pointed]

    def typed(self, *type_iris: str) -> list:
        """Subjects typed one of ``type_iris``, in document order."""
        wanted = {ox.NamedNode(t) for t in type_iris}
        return [s for s, props in self._by.items() if wanted & set(props.get(_TYPE, ()))]

    def types(self, node) -> set[str]:
        """The rdf:type IRIs of ``node``."""
        return {t.value for t in self._by.get(node, {}).get(_TYPE, [])}

    def has_type(self, node, type_iri: str) -> bool:
        """Whether ``node`` is typed ``type_iri`` (a string or an rdflib term alike)."""
        return ox.NamedNode(type_iri) in self._by.get(node, {}).get(_TYPE, ())

    def values(self, node, prop: str) -> list:
        """The objects of ``node prop``, RDF lists flattened."""
        out = []
        for value in self._by.get(node, {}).get(str(prop), []):
            out.extend(self._members(value) if self._is_list(value) else [value])
        return out

    def first(self, node, prop: str):
        """The first object of ``node prop``, or None."""
        found = self.values(node, prop)
        return found[0] if found else None

    def _is_list(self, node) -> bool:
        return node == _NIL or _FIRST in self._by.get(node, {})

    def _members(self, node) -> list:
        out, seen = [], set()
        while node != _NIL and node not in seen:
            seen.add(node)
            out.extend(self._by[node].get(_FIRST, []))
            rest = self._by[node].get(_REST, [])
            if not rest:
                break
            node = rest[0]
        return out
