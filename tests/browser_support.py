"""Shared by the browser tests: Debian's headless Chromium driven by Selenium, the real app
served by waitress on a free port, screenshots under ``test-artifacts/screenshots/``.

Chromium and ChromeDriver come from ``.ci/install-browser.sh``; when they are absent the
browser tests skip (a local run without them), CI installs them.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots"

#: the flags this machine needs (no GPU, no sandbox as root, no background network)
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,1000",
)


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            return f"{path} is absent (run .ci/install-browser.sh): browser tests skipped"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed: browser tests skipped"
    return None


@contextmanager
def chromium(profile: Path, lang: str = "fr", *, console: bool = False, flags: tuple = ()):
    """A headless Chromium with a fresh profile, preferring ``lang`` (``console``: keep the
    console's messages, read by ``driver.get_log("browser")``; ``flags``: more switches)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*CHROMIUM_FLAGS, *flags):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--lang={lang}")
    options.add_experimental_option("prefs", {"intl.accept_languages": lang})
    if console:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@contextmanager
def serve(app) -> Iterator[str]:
    """``app`` served by waitress on 127.0.0.1 on a free port: its base URL."""
    from waitress.server import create_server

    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.close()
        thread.join(timeout=10)


def screenshot(driver, name: str) -> Path:
    """Save the page as ``test-artifacts/screenshots/<name>.png``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def wait_for(condition: Callable[[], object], timeout: float = 10.0, what: str = "") -> object:
    """Poll ``condition`` until it returns something truthy (AssertionError after timeout)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = condition()
        except Exception:  # noqa: BLE001 - a stale or missing element: poll again
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        time.sleep(0.05)


def touch(driver) -> None:
    """Make the page take touch input (a phone's or a touch screen's), for :func:`tap` and
    :func:`swipe`."""
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})


def tap(driver, x: float, y: float) -> None:
    """A finger's tap at (x, y), in CSS pixels of the viewport (after :func:`touch`)."""
    for kind, points in (("touchStart", [{"x": x, "y": y}]), ("touchEnd", [])):
        driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})


def tap_on(driver, element) -> None:
    """A finger's tap in the middle of ``element``, scrolled into view first."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    x, y = driver.execute_script(
        "var r = arguments[0].getBoundingClientRect();"
        "return [r.x + r.width / 2, r.y + r.height / 2];",
        element,
    )
    tap(driver, x, y)


def swipe(driver, start: tuple[float, float], end: tuple[float, float], steps: int = 8) -> None:
    """A finger pressed at ``start``, moved to ``end`` in ``steps`` and lifted."""
    (x1, y1), (x2, y2) = start, end
    send = driver.execute_cdp_cmd
    send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x1, "y": y1}]})
    for i in range(1, steps + 1):
        point = {"x": x1 + (x2 - x1) * i / steps, "y": y1 + (y2 - y1) * i / steps}
        send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
        time.sleep(0.02)
    send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def on_map(driver, element, lon: float, lat: float) -> tuple[float, float]:
    """Where (lon, lat) is in the viewport, on the Leaflet map drawn in ``element``."""
    return tuple(
        driver.execute_script(
            "var p = arguments[0].leafletMap.latLngToContainerPoint([arguments[2], arguments[1]]);"
            "var r = arguments[0].getBoundingClientRect(); return [r.x + p.x, r.y + p.y];",
            element,
            lon,
            lat,
        )
    )
