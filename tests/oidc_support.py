"""A real OpenID Provider for the tests: panva/oidc-provider (npm) run by Node on 127.0.0.1,
from tests/oidc (``npm ci`` there: .ci/install-oidc.sh), and a small browser that goes
through its development login and consent pages."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
from contextlib import contextmanager
from html import unescape
from pathlib import Path
from urllib.parse import urljoin

import httpx
import pytest

HERE = Path(__file__).resolve().parent / "oidc"
SECRET = "gaia-kg-test-client-secret"
CALLBACK = "http://localhost/account/oidc/callback"


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def oidc_provider(redirect_uri: str = CALLBACK, port: int | None = None):
    """The issuer URL of a provider started for the block (its process ended after), on
    ``port`` (a free one if None)."""
    node = shutil.which("node")
    if node is None or not (HERE / "node_modules" / "oidc-provider").is_dir():
        pytest.skip("node or tests/oidc/node_modules missing: run .ci/install-oidc.sh")
    port = port or free_port()
    proc = subprocess.Popen(
        [node, str(HERE / "provider.mjs"), str(port), redirect_uri, SECRET],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = proc.stdout.readline()  # "ready <issuer>" once listening
        if not line.startswith("ready "):
            pytest.fail(f"the OpenID provider did not start: {line!r}")
        yield line.split()[1]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stdout.close()


def _form(html: str, base: str) -> tuple[str, dict]:
    action = re.search(r'<form[^>]*action="([^"]+)"', html)[1]
    fields = {
        name: unescape(value)
        for name, value in re.findall(r'<input[^>]*name="([^"]+)"(?:[^>]*?value="([^"]*)")?', html)
    }
    return urljoin(base, unescape(action)), fields


def sign_in_at_provider(authorize_url: str, login: str, back_to: str = "http://localhost/") -> str:
    """Go through the provider's login and consent pages as ``login``; the final redirect
    to the app (``back_to`` prefix) is returned without being followed."""
    with httpx.Client(timeout=10) as browser:
        url, method, data = authorize_url, "GET", None
        for _ in range(12):
            response = browser.request(method, url, data=data)
            if response.is_redirect:
                url = urljoin(url, response.headers["Location"])
                if url.startswith(back_to):
                    return url
                method, data = "GET", None
                continue
            assert response.status_code == 200, response.text
            url, data = _form(response.text, str(response.url))
            if "login" in data:
                data.update(login=login, password="any password")
            method = "POST"
    raise AssertionError("the provider never sent the browser back")
