"""Guardrails on SPARQL text, checked before any engine sees it (no Flask here).

- **Remote calls.** ``SERVICE <iri>`` (federated query) and ``LOAD <iri>`` (update) make the
  engine fetch a URL: a server-side request forgery for whoever may send SPARQL. Anonymous
  queries may not use them at all; token holders only towards the endpoints listed in
  ``Settings.service_allow`` (``GAIA_KG_SERVICE_ALLOW``); ``SERVICE ?variable`` never.
- **Nesting.** Groups, parentheses and brackets nested deeper than :data:`MAX_DEPTH` are
  refused (the engine's recursive parser would exhaust its stack).

The text is read by a small lexer that knows comments, strings, IRIs and prefixed names, so a
``SERVICE`` inside a string or a comment, or ``ex:service``, is not a call; codepoint escapes
(``\\u0053ERVICE``) are decoded first, as SPARQL does.

>>> remote_iris('PREFIX e: <http://e.org/> SELECT * { SERVICE SILENT e:q { ?s ?p ?o } }')
(['http://e.org/q'], [])
>>> remote_iris('LOAD <http://e.org/a.ttl> INTO GRAPH <http://g/>')
([], ['http://e.org/a.ttl'])
>>> nesting_depth("SELECT * { { ?s ?p (1 2) } }")
3
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from .errors import InputError

__all__ = [
    "MAX_DEPTH",
    "MAX_OPERATORS",
    "SparqlRefused",
    "check_sparql",
    "check_depth",
    "nesting_depth",
    "remote_iris",
]

#: deepest nesting of { ( [ accepted
MAX_DEPTH = 200
#: most chaining operators accepted (UNION, OPTIONAL, MINUS, path and expression operators,
#: each character counted): the engine nests its algebra as deep as the chain is long, and
#: 10,000 UNIONs exhaust its stack (5,000 do not): a margin for threads with smaller stacks
MAX_OPERATORS = 2000
_CHAIN_WORDS = frozenset(("UNION", "OPTIONAL", "MINUS"))
_CHAIN_SIGNS = frozenset("+-*/|&!=<>")  # not ^ (each "^^" of a typed literal)

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
      |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)
  | (?P<pname>(?:[A-Za-z\u00C0-\uFFFF][\w\-.\u00B7-\uFFFF]*)?:(?:[^\s{}()\[\];,<>"'\#^]*))
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<space>\s+)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


class SparqlRefused(InputError):
    """SPARQL text refused before running: ``key`` names the message (sparql_api.web.i18n),
    ``params`` fill it in."""

    def __init__(self, key: str, message: str, **params: object):
        super().__init__(message)
        self.key, self.params = key, params


def _decode(text: str) -> str:
    def one(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match[0]

    return _ESCAPE.sub(one, text) if "\\u" in text or "\\U" in text else text


def _tokens(text: str):
    """(kind, value) of the significant tokens of ``text`` (no comments, no spaces)."""
    for match in _TOKEN.finditer(_decode(text)):
        kind = match.lastgroup
        if kind not in ("comment", "space"):
            yield kind, match.group()


def nesting_depth(text: str) -> int:
    """The deepest nesting of groups, parentheses and brackets in ``text``."""
    depth = deepest = 0
    for kind, _ in _tokens(text):
        if kind == "open":
            depth += 1
            deepest = max(deepest, depth)
        elif kind == "close":
            depth = max(0, depth - 1)
    return deepest


def check_depth(text: str, limit: int = MAX_DEPTH, operators: int = MAX_OPERATORS) -> None:
    """SparqlRefused when ``text`` nests deeper than ``limit``, or chains more than
    ``operators`` operators (both make the engine recurse as deep)."""
    depth = chained = 0
    for kind, value in _tokens(text):
        if (kind == "word" and value.upper() in _CHAIN_WORDS) or (
            kind == "other" and value in _CHAIN_SIGNS
        ):
            chained += 1
            if chained > operators:
                raise SparqlRefused(
                    "sparql_too_complex",
                    f"SPARQL chaining more than {operators} operators refused",
                    limit=operators,
                )
        elif kind == "open":
            depth += 1
            if depth > limit:
                raise SparqlRefused(
                    "sparql_too_deep",
                    f"SPARQL nested deeper than {limit} levels refused",
                    limit=limit,
                )
        elif kind == "close":
            depth = max(0, depth - 1)


def remote_iris(text: str) -> tuple[list[str | None], list[str | None]]:
    """The endpoints of ``SERVICE`` and the sources of ``LOAD`` in ``text`` (resolved
    against its ``PREFIX`` and ``BASE`` declarations; None for a variable or a term that
    cannot be read)."""
    tokens = list(_tokens(text))
    prefixes: dict[str, str] = {}
    base = ""
    services: list[str | None] = []
    loads: list[str | None] = []
    i = 0
    while i < len(tokens):
        kind, value = tokens[i]
        word = value.upper() if kind in ("word", "pname") else ""
        if word == "PREFIX" and i + 2 < len(tokens) and tokens[i + 2][0] == "iri":
            prefixes[tokens[i + 1][1].rstrip(":")] = urljoin(base, tokens[i + 2][1][1:-1])
            i += 3
            continue
        if word == "BASE" and i + 1 < len(tokens) and tokens[i + 1][0] == "iri":
            base = urljoin(base, tokens[i + 1][1][1:-1])
            i += 2
            continue
        if kind == "word" and word in ("SERVICE", "LOAD"):
            j = i + 1
            if j < len(tokens) and tokens[j][0] == "word" and tokens[j][1].upper() == "SILENT":
                j += 1
            target = _term(tokens[j] if j < len(tokens) else None, prefixes, base)
            (services if word == "SERVICE" else loads).append(target)
            i = j + 1
            continue
        i += 1
    return services, loads


def _term(token, prefixes: dict[str, str], base: str) -> str | None:
    if token is None:
        return None
    kind, value = token
    if kind == "iri":
        return urljoin(base, value[1:-1]) if base else value[1:-1]
    if kind == "pname":
        prefix, _, local = value.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + local.rstrip(".")
    return None


def check_sparql(text: str, *, anonymous: bool, settings, update: bool = False) -> None:
    """Refuse (SparqlRefused) ``text`` when it nests too deep, or calls an endpoint that its
    sender may not reach: any for an anonymous sender, those outside
    ``settings.service_allow`` for a token holder."""
    check_depth(text)
    services, loads = remote_iris(text)
    allowed = set(getattr(settings, "service_allow", ()) or ())
    for keyword, targets in (("SERVICE", services), ("LOAD", loads)):
        for target in targets:
            if anonymous:
                raise SparqlRefused(
                    "sparql_service_anonymous",
                    f"{keyword} is refused without an API token",
                    keyword=keyword,
                )
            if target is None or target not in allowed:
                raise SparqlRefused(
                    "sparql_service_not_allowed",
                    f"{keyword} to {target or 'a variable'} is not allowed",
                    keyword=keyword,
                    iri=target or "?",
                )
