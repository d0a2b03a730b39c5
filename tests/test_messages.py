"""Every message exists in French and English, and every key the code asks for exists.

Generic over the domains: the catalogues are found under ``graph_loader/**/locale`` and
``sparql_api/**/locale``; the keys the code uses are found by :mod:`graph_loader.message_keys`
(calls of any module-level ``NAME = Domain("name", ...)``, the openapi helpers, the templates'
``_()``/``_n()``), so a new domain is covered without editing this file. See docs/messages.md.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from graph_loader.message_keys import (
    DOMAIN_ENV,
    REPOSITORY,
    ROOTS,
    domain_variables,
    key_uses,
    template_uses,
)
from graph_loader.messages import LANGUAGES, PLURAL_FORMS, Domain

TEMPLATES = REPOSITORY / "sparql_api" / "templates"


def _catalogues() -> dict[str, Domain]:
    """Every domain that has a catalogue, by name."""
    found = {}
    for root in ROOTS:
        for po in sorted((REPOSITORY / root).glob("**/locale/*/LC_MESSAGES/*.po")):
            folder = po.parents[2]
            found.setdefault(po.stem, Domain(po.stem, folder))
    return found


DOMAINS = _catalogues()


def _uses() -> list[tuple[str, object]]:
    """(where, use) of every literal key in the packages' Python files and the templates."""
    variables = domain_variables()
    uses = []
    for root in ROOTS:
        for path in sorted((REPOSITORY / root).rglob("*.py")):
            text = path.read_text("utf-8")
            uses += [
                (f"{path.relative_to(REPOSITORY)}:{u.line}", u) for u in key_uses(text, variables)
            ]
    for path in sorted(TEMPLATES.rglob("*")) if TEMPLATES.exists() else []:
        if path.is_file() and path.suffix in (".html", ".xml", ".txt"):
            text = path.read_text("utf-8")
            uses += [(f"{path.relative_to(REPOSITORY)}:{u.line}", u) for u in template_uses(text)]
    return uses


USES = _uses()


def test_the_domains_are_found():
    assert {"cli", "openapi"} <= set(DOMAINS)
    assert domain_variables()["CLI"] == "cli"
    # every domain the code declares has its catalogues
    assert set(domain_variables().values()) <= set(DOMAINS)


@pytest.mark.parametrize("name", sorted(DOMAINS))
def test_each_language_has_every_message(name):
    domain = DOMAINS[name]
    for lang in LANGUAGES:
        assert domain.po_path(lang).exists(), domain.po_path(lang)
    keys = {lang: domain.keys(lang) for lang in LANGUAGES}
    assert keys["fr"] == keys["en"], {
        "only in fr": sorted(keys["fr"] - keys["en"]),
        "only in en": sorted(keys["en"] - keys["fr"]),
    }
    assert domain.missing() == {lang: [] for lang in LANGUAGES}


@pytest.mark.parametrize("name", sorted(DOMAINS))
def test_plural_forms_are_each_languages(name, capsys):
    domain = DOMAINS[name]
    plurals = {}
    for lang in LANGUAGES:
        with domain.po_path(lang).open("rb") as po:
            catalog = read_po(po, locale=lang)
        # Babel prints what it finds wrong (a third plural form, a broken line) and goes on
        assert "WARNING" not in capsys.readouterr().out, (name, lang)
        headers = dict(catalog.mime_headers)
        assert headers["Plural-Forms"] == PLURAL_FORMS[lang], (name, lang)
        plurals[lang] = set()
        for message in catalog:
            if message.id and message.pluralizable:
                assert len(message.string) == 2 and all(message.string), (name, lang, message.id)
                plurals[lang].add(message.id[0])
    # a key plural in one language is plural in the other
    assert plurals["fr"] == plurals["en"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_french_zero_and_one_are_singular(lang):
    cli = DOMAINS["cli"]
    zero, one, two = (cli.plural("report.files", n, lang) for n in (0, 1, 2))
    assert one != two
    assert (zero == one.replace("1", "0")) is (lang == "fr")


def test_every_key_the_code_uses_exists():
    missing = defaultdict(list)
    for where, use in USES:
        domain = DOMAINS.get(use.domain)
        if domain is None:
            missing[use.domain].append(f"{where} {use.key} (no catalogue)")
            continue
        for lang in LANGUAGES:
            if use.key not in domain.keys(lang):
                missing[use.domain].append(f"{where} {use.key} ({lang})")
    assert not missing, dict(missing)


def test_no_cli_message_is_left_unused():
    """A message of the command line that no code asks for is dead text (other domains may
    look keys up from data, e.g. an error's key)."""
    used = {use.key for _, use in USES if use.domain == "cli"}
    assert sorted(DOMAINS["cli"].keys("en") - used) == []


def test_plural_keys_are_asked_for_as_plurals():
    """A key read with ``plural`` has plural forms; one read with ``text`` has none."""
    wrong = []
    for where, use in USES:
        domain = DOMAINS.get(use.domain)
        if domain is None or use.key not in domain.keys("en"):
            continue
        with domain.po_path("en").open("rb") as po:
            plural = {m.id[0] for m in read_po(po) if m.id and m.pluralizable}
        if use.plural != (use.key in plural) and not _marked(where):
            wrong.append(f"{where} {use.key}")
    assert not wrong


def _marked(where: str) -> bool:
    """A ``mark()`` names a key looked up later, as text or plural."""
    path, line = where.rsplit(":", 1)
    text = (REPOSITORY / path).read_text("utf-8").splitlines()[int(line) - 1]
    return ".mark(" in text


def test_pybabel_extract_finds_every_key(tmp_path):
    pot = tmp_path / "messages.pot"
    env = {**os.environ, DOMAIN_ENV: ""}
    command = [sys.executable, "-m", "babel.messages.frontend", "-q", "extract"]
    command += ["-F", "babel.cfg", "-o", str(pot), *ROOTS]
    subprocess.run(command, cwd=REPOSITORY, check=True, env=env)
    with pot.open("rb") as file:
        extracted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(file) if m.id}
    assert {use.key for _, use in USES} <= extracted


def test_pybabel_extract_keeps_one_domain(tmp_path):
    pot = tmp_path / "cli.pot"
    env = {**os.environ, DOMAIN_ENV: "cli"}
    command = [sys.executable, "-m", "babel.messages.frontend", "-q", "extract"]
    command += ["-F", "babel.cfg", "-o", str(pot), *ROOTS]
    subprocess.run(command, cwd=REPOSITORY, check=True, env=env)
    with pot.open("rb") as file:
        catalog = read_po(file)
    extracted = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
    assert extracted == {use.key for _, use in USES if use.domain == "cli"}
    assert extracted <= DOMAINS["cli"].keys("en")
    plural = {m.id[0] for m in catalog if m.id and m.pluralizable}
    assert "report.files" in plural


# -- the hand-made bilingual tables are gone --------------------------------------------------

#: where the check looks: all the Python of both packages
TABLE_SCOPE = sorted(
    path
    for package in ("graph_loader", "sparql_api")
    for path in (REPOSITORY / package).rglob("*.py")
    if ".venv" not in path.parts
)

#: ``{"fr": ..., "en": ...}`` dicts of strings that are no messages: (file, variable) -> why
ALLOWED_TABLES = {
    ("graph_loader/messages.py", "PLURAL_FORMS"): "each language's gettext plural rule",
    ("graph_loader/mappings/build.py", "LANGUAGES"): "ISO 639-1 code -> EU language IRI (data)",
    ("graph_loader/mappings/datacite_terms.py", "_LANGUAGES"): "ISO 639-1 -> EU code (data)",
    ("graph_loader/index/schema.py", "LANGS"): "language -> Snowball stemmer name",
}


def _text(node: ast.expr | None) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def _tables(path: Path) -> list[tuple[str, int]]:
    """(variable, line) of each dict literal of ``path`` giving a French and an English string."""
    tree = ast.parse(path.read_text("utf-8"))
    owner: dict[ast.AST, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            name = next((t.id for t in targets if isinstance(t, ast.Name)), "?")
            for inner in ast.walk(node):
                owner.setdefault(inner, name)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Dict):
            continue
        values = {
            k.value: v
            for k, v in zip(node.keys, node.values, strict=True)
            if isinstance(k, ast.Constant)
        }
        if _text(values.get("fr")) and _text(values.get("en")):
            found.append((owner.get(node, "?"), node.lineno))
    return found


def test_no_bilingual_table_is_left():
    left = []
    for path in TABLE_SCOPE:
        relative = path.relative_to(REPOSITORY).as_posix()
        for name, line in _tables(path):
            if (relative, name) not in ALLOWED_TABLES:
                left.append(f"{relative}:{line} {name}")
    assert not left, "messages belong in a catalogue (docs/messages.md): " + ", ".join(left)


def test_no_language_branch_is_left():
    """No ``if lang == "fr"`` choosing a text: the catalogues choose."""
    left = []
    for path in TABLE_SCOPE:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Compare)
                and any(isinstance(op, ast.Eq | ast.NotEq) for op in node.ops)
                and any(
                    isinstance(c, ast.Constant) and c.value in LANGUAGES for c in node.comparators
                )
            ):
                left.append(f"{path.relative_to(REPOSITORY)}:{node.lineno}")
    assert not left


def test_doctests():
    import doctest

    import graph_loader.message_keys
    import graph_loader.messages

    for module in (graph_loader.messages, graph_loader.message_keys):
        assert doctest.testmod(module).failed == 0
