"""Static files compressed and cached: served by WhiteNoise, in gzip and Brotli, under a
versioned URL cached for a year.

The version is a hash of every file of ``sparql_api/static/`` (:func:`static_version`): the
pages link ``/static/<version>/<file>`` (Flask's ``url_for("static", …)``), answered with
``Cache-Control: max-age=315360000, public, immutable``; a change to any file changes every
URL, so a browser never keeps a stale script. The unversioned ``/static/<file>`` still answers,
cached for an hour. The compressed copies are made once per version (:func:`compressed_copy`,
about 3 s, mostly Brotli on the editor's 1 MB script) in a cache folder
(``GAIA_KG_STATIC_CACHE``, else ``$XDG_CACHE_HOME/gaia-kg/static``, else ``~/.cache/…``);
when that folder cannot be written the files are served as they are. WhiteNoise answers
before Flask, so it adds the security headers itself (:mod:`sparql_api.web.headers`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from flask import Flask
from whitenoise import WhiteNoise
from whitenoise.compress import Compressor

__all__ = ["STATIC", "compressed_copy", "init_static", "static_cache_root", "static_version"]

log = logging.getLogger(__name__)

#: the app's static files
STATIC = Path(__file__).resolve().parents[1] / "static"

#: how long an unversioned static URL may be kept (a versioned one is kept for good)
UNVERSIONED_SECONDS = 3600

#: files larger than this get gzip only: Brotli at its best quality takes about a minute on
#: the 3.7 MB of the 1:10m outlines (gzip, under a second, makes them 0.9 MB)
BROTLI_LIMIT = 2_000_000


@cache
def _digest(folder: Path, signature: tuple) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def static_version(folder: Path = STATIC) -> str:
    """The version of the static files: 12 hex digits of a hash of their names and bytes
    (computed again only when a file's size or time changes)."""
    signature = tuple(
        (p.as_posix(), p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    )
    return _digest(folder, signature)


def static_cache_root(environ: Mapping[str, str] = os.environ) -> Path:
    """Where the compressed copies are kept.

    >>> static_cache_root({"GAIA_KG_STATIC_CACHE": "/srv/cache"}).as_posix()
    '/srv/cache'
    >>> static_cache_root({"XDG_CACHE_HOME": "/c"}).as_posix()
    '/c/gaia-kg/static'
    """
    if environ.get("GAIA_KG_STATIC_CACHE"):
        return Path(environ["GAIA_KG_STATIC_CACHE"])
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gaia-kg" / "static"


def compressed_copy(folder: Path, version: str, root: Path) -> Path:
    """``root/<version>``: the files of ``folder`` with their ``.gz`` and ``.br`` beside them
    (``.gz`` only over :data:`BROTLI_LIMIT` bytes), made once (in a temporary folder renamed
    when complete, so that processes starting together never serve half of it)."""
    target = root / version
    if target.is_dir():
        return target
    root.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{version}-", dir=root))
    try:
        shutil.copytree(folder, building, dirs_exist_ok=True)
        compressors = (Compressor(quiet=True), Compressor(quiet=True, use_brotli=False))
        for path in sorted(building.rglob("*")):
            compressor = compressors[path.is_file() and path.stat().st_size > BROTLI_LIMIT]
            if path.is_file() and compressor.should_compress(path.name):
                compressor.compress(str(path))
        building.rename(target)
    except OSError:
        shutil.rmtree(building, ignore_errors=True)
        if not target.is_dir():  # not another process's copy finished first: a real failure
            raise
    return target


def init_static(app: Flask, security_headers: Mapping[str, str]) -> None:
    """Serve ``/static/<version>/…`` (what ``url_for("static", …)`` gives) and ``/static/…``
    through WhiteNoise, compressed when the cache folder can be written."""
    version = app.config["STATIC_VERSION"]
    try:
        files = compressed_copy(STATIC, version, static_cache_root())
    except OSError as exc:
        log.warning("static files served uncompressed: %s", exc)
        files = STATIC
    versioned = f"/static/{version}/"

    def headers(found: object, path: str, url: str) -> None:
        for name, value in security_headers.items():
            found[name] = value

    app.wsgi_app = WhiteNoise(
        app.wsgi_app,
        max_age=UNVERSIONED_SECONDS,
        add_headers_function=headers,
        immutable_file_test=lambda path, url: url.startswith(versioned),
    )
    app.wsgi_app.add_files(str(files), prefix=versioned)
    app.wsgi_app.add_files(str(files), prefix="/static/")
