"""Where the code uses message keys: the scan behind ``pybabel extract`` (``babel.cfg``) and the
catalogue tests.

A domain is a module-level ``NAME = Domain("name", folder)`` (:mod:`graph_loader.messages`);
its keys are the first argument of ``NAME.text(...)``, ``NAME.plural(...)`` and
``NAME.mark(...)`` calls, wherever ``NAME`` is imported. The API description marks its keys
with ``msg("key")`` and ``param(name, where, "key")`` (domain ``openapi``); templates with
``_("key")`` and ``_n("key", n)`` (domain ``web``). Babel's own Python extractor cannot tell
``CLI.text`` from any other ``.text``: :func:`extract` is the extractor ``babel.cfg`` names.

>>> variables = {"CLI": "cli"}
>>> source = 'CLI.text("load.done", lang)\\nCLI.plural("load.files", n, lang)\\nr.text("x")\\n'
>>> [(use.domain, use.key, use.plural) for use in key_uses(source, variables)]
[('cli', 'load.done', False), ('cli', 'load.files', True)]
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["KeyUse", "ROOTS", "domain_variables", "extract", "key_uses", "template_uses"]

#: the folder holding the packages scanned
REPOSITORY = Path(__file__).resolve().parents[1]
#: the packages whose Python files use messages
ROOTS = ("graph_loader", "sparql_api")
#: the methods of a :class:`~graph_loader.messages.Domain` that take a key first
_METHODS = {"text": False, "plural": True, "mark": False}
#: the openapi helpers: function name -> position of the key among the arguments
_OPENAPI = {"msg": 0, "param": 2}
#: the domain of the templates' ``_()`` and ``_n()``
TEMPLATE_DOMAIN = "web"
#: a literal key only: ``_("facet_" ~ name)`` builds its key, like a Python f-string key
_TEMPLATE_CALL = re.compile(r"""\b(_n?)\(\s*(["'])([^"'\\]+)\2(?=\s*[,)])""")
#: ``GAIA_KG_MESSAGES_DOMAIN=cli pybabel extract ...`` extracts the keys of one domain
DOMAIN_ENV = "GAIA_KG_MESSAGES_DOMAIN"


@dataclass(frozen=True, slots=True)
class KeyUse:
    """One message key written in the code."""

    line: int
    domain: str
    key: str
    plural: bool


def _python_files(repository: Path) -> Iterator[Path]:
    for root in ROOTS:
        yield from sorted((repository / root).rglob("*.py"))


def _assigned_domain(node: ast.stmt) -> tuple[str, str] | None:
    """``(variable, domain name)`` when ``node`` is ``VARIABLE = Domain("name", ...)``."""
    if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
        return None
    target, value = node.targets[0], node.value
    if not (isinstance(target, ast.Name) and isinstance(value, ast.Call)):
        return None
    called = value.func.id if isinstance(value.func, ast.Name) else None
    first = value.args[0] if value.args else None
    if called == "Domain" and isinstance(first, ast.Constant) and isinstance(first.value, str):
        return target.id, first.value
    return None


def domain_variables(repository: Path = REPOSITORY) -> dict[str, str]:
    """Every module-level ``VARIABLE = Domain("name", ...)`` of the packages: variable -> name."""
    found = {}
    for path in _python_files(repository):
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        for node in tree.body:
            if assigned := _assigned_domain(node):
                found[assigned[0]] = assigned[1]
    return found


def _call_key(node: ast.Call, variables: dict[str, str]) -> tuple[str, bool, ast.expr] | None:
    """``(domain, plural, key argument)`` of a call that takes a message key, else None."""
    func = node.func
    if (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id in variables
        and func.attr in _METHODS
        and node.args
    ):
        return variables[func.value.id], _METHODS[func.attr], node.args[0]
    if isinstance(func, ast.Name) and func.id in _OPENAPI and "openapi" in variables.values():
        position = _OPENAPI[func.id]
        if len(node.args) > position:
            return "openapi", False, node.args[position]
    return None


def key_uses(source: str, variables: dict[str, str]) -> Iterator[KeyUse]:
    """The literal keys of ``source`` (Python): calls of the domains' ``variables``."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        found = _call_key(node, variables)
        if found is None:
            continue
        domain, plural, argument = found
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            yield KeyUse(node.lineno, domain, argument.value, plural)


def template_uses(text: str) -> Iterator[KeyUse]:
    """The keys of a template: ``_("key")`` and ``_n("key", n)``, of the ``web`` domain."""
    for match in _TEMPLATE_CALL.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        yield KeyUse(line, TEMPLATE_DOMAIN, match.group(3), match.group(1) == "_n")


@cache
def _variables() -> dict[str, str]:
    return domain_variables()


def extract(fileobj, keywords, comment_tags, options):
    """A Babel extraction method (``babel.cfg``): the keys of a Python file or a template, as
    ``gettext``/``ngettext`` messages, of one domain when ``$GAIA_KG_MESSAGES_DOMAIN`` names
    it."""
    name = getattr(fileobj, "name", "")
    text = fileobj.read().decode(options.get("encoding", "utf-8"))
    if str(name).endswith((".html", ".xml", ".txt", ".jinja", ".j2")):
        uses = template_uses(text)
    else:
        uses = key_uses(text, _variables())
    only = os.environ.get(DOMAIN_ENV)
    for use in uses:
        if only and use.domain != only:
            continue
        if use.plural:
            yield use.line, "ngettext", (use.key, use.key), []
        else:
            yield use.line, "gettext", use.key, []
