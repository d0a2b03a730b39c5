"""The shape of the code (issue 17): no Flask under the loader or the web core, the loader never
imports the web side, no import circle, no module over 400 lines and no function over 60."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("graph_loader", "sparql_api", "tools")
MAX_LINES, MAX_FUNCTION = 400, 60
EXCLUDED = ("vendor", "generated", "static")

__all__: list[str] = []


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if any(part in EXCLUDED for part in path.relative_to(ROOT).parts):
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """Every module (project or not) that ``name`` imports, anywhere in its body; relative
    imports resolved, ``from package import module`` counted as the module."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _project(target: str) -> str | None:
    """The project module that an imported name designates (its longest known prefix)."""
    parts = target.split(".")
    for end in range(len(parts), 0, -1):
        if ".".join(parts[:end]) in MODULES:
            return ".".join(parts[:end])
    return None


IMPORTS = {name: _imports(name, path) for name, path in MODULES.items()}
GRAPH = {
    name: {m for t in targets if (m := _project(t)) and m != name}
    for name, targets in IMPORTS.items()
}


def _reachable(start: str) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        for nxt in GRAPH[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _core(name: str) -> bool:
    return name.split(".")[0] == "graph_loader" or name.startswith("sparql_api.core")


def test_the_loader_and_the_web_core_never_import_flask():
    offenders = {
        name: sorted(
            m
            for m in _reachable(name)
            if any(t == "flask" or t.startswith("flask.") for t in IMPORTS[m])
        )
        for name in MODULES
        if _core(name)
    }
    offenders = {name: via for name, via in offenders.items() if via}
    assert not offenders, "Flask imported by (module: through): " + repr(offenders)


def test_the_loader_never_imports_the_web_side():
    offenders = {
        name: sorted(m for m in GRAPH[name] if m.startswith("sparql_api"))
        for name in MODULES
        if name.split(".")[0] == "graph_loader"
    }
    offenders = {name: via for name, via in offenders.items() if via}
    assert not offenders, "graph_loader imports sparql_api: " + repr(offenders)


def _circles() -> list[list[str]]:
    """Tarjan's strongly connected components of more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(GRAPH[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    return circles


def test_no_import_circle():
    circles = _circles()
    assert not circles, "import circles:\n" + "\n".join(" ↔ ".join(c) for c in circles)


def _too_long() -> list[str]:
    offenders = []
    for name, path in MODULES.items():
        if name.split(".")[0] == "tools":
            continue
        text = path.read_text(encoding="utf-8")
        lines = len(text.splitlines())
        if lines > MAX_LINES:
            offenders.append(f"{path.relative_to(ROOT)}: {lines} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1  # decorators aside
                if length > MAX_FUNCTION:
                    offenders.append(
                        f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {length} lines"
                    )
    return offenders


def test_no_module_over_400_lines_and_no_function_over_60():
    offenders = _too_long()
    assert not offenders, "too long:\n" + "\n".join(offenders)


#: modules whose namespace joins another branch of issue 17 converts (the list goes once merged)
JOINS_PENDING: set[str] = set()


def _is_namespace(value: ast.expr) -> bool:
    """A namespace IRI written as a string (``"http://…#"``, ``"…/"``) or an rdflib Namespace."""
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return value.value.startswith(("http://", "https://")) and value.value[-1:] in ("/", "#")
    return (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Name)
        and value.func.id == "Namespace"
    )


def _namespace_names() -> set[str]:
    """The names of graph_loader.namespaces and the namespace strings of graph_loader.terms."""
    from graph_loader import namespaces, terms

    strings = {
        name
        for name, value in vars(terms).items()
        if name.isupper() and isinstance(value, str) and _is_namespace(ast.Constant(value))
    }
    return set(namespaces.__all__) | strings


def namespace_joins(source: str, known: set[str]) -> list[int]:
    """Lines of ``source`` that join a namespace and a string literal (``DCT + "title"``): a
    namespace is a name of ``known`` imported, or a namespace IRI (or ``Namespace``) assigned.
    """
    tree = ast.parse(source)
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names |= {a.asname or a.name for a in node.names if a.name in known}
        elif isinstance(node, ast.Assign) and _is_namespace(node.value):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Add)
        and isinstance(node.left, ast.Name)
        and node.left.id in names
        and isinstance(node.right, ast.Constant)
        and isinstance(node.right.value, str)
    ]


def test_namespace_terms_are_typed_not_joined():
    """``DCT.title`` (graph_loader.namespaces), never ``DCT + "title"``: a typo is an error."""
    known = _namespace_names()
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for name, path in MODULES.items()
        if name.split(".")[0] in ("graph_loader", "sparql_api")
        and str(path.relative_to(ROOT)) not in JOINS_PENDING
        for line in namespace_joins(path.read_text(encoding="utf-8"), known)
    ]
    assert not offenders, "namespace joined with a string:\n" + "\n".join(offenders)


def test_the_namespace_check_sees_joins_and_nothing_else():
    assert namespace_joins('from .terms import DCT\nA = DCT + "title"', {"DCT"}) == [2]
    assert namespace_joins('from .build import DCT as D\nA = D + "title"', {"DCT"}) == [2]
    assert namespace_joins('_CC = "https://creativecommons.org/"\nB = _CC + "zero/"', set()) == [2]
    assert namespace_joins('N = Namespace("http://x/")\nC = N + "a"', set()) == [2]
    # ordinary sums: a key prefix, a namespace with a variable part, a literal first
    assert namespace_joins('LIMITER = "limiter"\nD = LIMITER + "_client"', {"DCT"}) == []
    assert namespace_joins("from .terms import DCT\nE = DCT + local", {"DCT"}) == []
    assert namespace_joins('from .terms import DCT\nF = "x" + DCT', {"DCT"}) == []
    assert all((ROOT / pending).is_file() for pending in JOINS_PENDING)
