"""Static files compressed (Brotli, gzip) and cached: versioned URLs kept for good, the same
bytes whatever the encoding, the security headers on them too."""

from __future__ import annotations

import gzip
import re
import shutil

import brotli
import pytest
from http_support import app_over, fixture_store

from sparql_api.web.static_files import BROTLI_LIMIT, STATIC, compressed_copy, static_version

BROWSER = {"Accept": "text/html"}
FOREVER = "max-age=315360000, public, immutable"


@pytest.fixture(scope="module")
def client():
    with app_over(fixture_store()) as app:
        yield app.test_client()


def fetch(client, url: str, encoding: str):
    response = client.get(url, headers={"Accept-Encoding": encoding})
    body = response.get_data()
    response.close()
    return response, body


def test_pages_link_the_versioned_files(client):
    html = client.get("/editor", headers=BROWSER).get_data(as_text=True)
    version = static_version()
    assert re.fullmatch(r"[0-9a-f]{12}", version)
    linked = sorted(re.findall(r'(?:src|href)="(/static/[^"]+)"', html))
    assert linked == [
        f"/static/{version}/{name}"
        for name in (
            "editor.css",
            "editor.js",
            "style.css",
            "vendor/yasgui/build/yasgui.min.css",
            "vendor/yasgui/build/yasgui.min.js",
        )
    ]


@pytest.mark.parametrize("name", ["vendor/yasgui/build/yasgui.min.js", "style.css", "map.js"])
def test_each_encoding_gives_the_same_bytes_cached_for_good(client, name):
    original = (STATIC / name).read_bytes()
    url = f"/static/{static_version()}/{name}"
    decode = {"br": brotli.decompress, "gzip": gzip.decompress, "identity": bytes}
    for encoding, unpack in decode.items():
        response, body = fetch(client, url, encoding)
        assert response.status_code == 200
        assert response.headers.get("Content-Encoding", "identity") == encoding
        assert unpack(body) == original
        assert response.headers["Cache-Control"] == FOREVER
        assert response.headers["Vary"] == "Accept-Encoding"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_the_editors_script_goes_compressed(client):
    url = f"/static/{static_version()}/vendor/yasgui/build/yasgui.min.js"
    sizes = {enc: len(fetch(client, url, enc)[1]) for enc in ("identity", "gzip", "br")}
    assert sizes["identity"] > 1_000_000
    assert sizes["gzip"] < 0.3 * sizes["identity"]
    assert sizes["br"] < sizes["gzip"]


def test_unversioned_urls_answer_for_an_hour(client):
    response, body = fetch(client, "/static/style.css", "identity")
    assert (response.status_code, response.headers["Cache-Control"]) == (
        200,
        "max-age=3600, public",
    )
    assert body == (STATIC / "style.css").read_bytes()


def test_a_changed_file_changes_the_version_and_gets_its_own_copy(tmp_path):
    folder = tmp_path / "static"
    shutil.copytree(STATIC, folder)
    before = static_version(folder)
    assert before == static_version()
    (folder / "style.css").write_text("body { color: black; }\n" * 100)
    after = static_version(folder)
    assert after != before
    copy = compressed_copy(folder, after, tmp_path / "cache")
    assert copy == tmp_path / "cache" / after
    assert (
        gzip.decompress((copy / "style.css.gz").read_bytes()) == (folder / "style.css").read_bytes()
    )
    assert (
        brotli.decompress((copy / "style.css.br").read_bytes())
        == (folder / "style.css").read_bytes()
    )
    assert compressed_copy(folder, after, tmp_path / "cache") == copy  # made once
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == [after]


def test_a_file_over_the_brotli_limit_is_gzipped_only(tmp_path):
    """The 1:10m outlines (3.7 MB): gzip in a second, where Brotli's best took a minute."""
    folder = tmp_path / "static"
    (folder / "vendor").mkdir(parents=True)
    big = STATIC / "vendor" / "world-atlas" / "countries-10m.json"
    assert big.stat().st_size > BROTLI_LIMIT
    shutil.copy(big, folder / "vendor")
    (folder / "map.js").write_text("var map = 1;\n" * 100)
    copy = compressed_copy(folder, "v1", tmp_path / "cache")
    assert sorted(p.relative_to(copy).as_posix() for p in copy.rglob("*") if p.is_file()) == [
        "map.js",
        "map.js.br",
        "map.js.gz",
        "vendor/countries-10m.json",
        "vendor/countries-10m.json.gz",
    ]
    assert gzip.decompress((copy / "vendor" / "countries-10m.json.gz").read_bytes()) == (
        big.read_bytes()
    )
