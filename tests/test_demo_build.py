"""The demo catalogue is generated from the data files of ``tools/demo_tables/``: rebuilding it
reproduces the shipped ``graph_loader/demo`` byte for byte."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "graph_loader" / "demo"


def _build_demo_module():
    spec = importlib.util.spec_from_file_location("build_demo", ROOT / "tools" / "build_demo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix in (".ttl", ".md")
    }


def test_the_build_reproduces_the_shipped_demo(tmp_path):
    counts = _build_demo_module().build(tmp_path)
    built = _files(tmp_path)
    assert set(counts) == {name for name in built if name.endswith(".ttl")}
    assert built == _files(DEMO)


def test_the_tables_are_data_files():
    tables = ROOT / "tools" / "demo_tables"
    assert list(tables.glob("*.py")) == []
    assert {p.stem for p in tables.glob("*.toml")} >= {"common", "services", "works", "invalid"}
