"""What the browser tests share: Debian's Chromium (installed by scripts/chromium.sh when missing),
driven by Playwright for Python, over `summitry serve` run as its own process on loopback.

Playwright never downloads a browser here: it launches the Chromium that the script prints, with a
fresh user-data directory and the flags below. When there is no Chromium and none can be installed,
or the page's scripts have not been built (no npm), the browser tests skip and say why.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUILT = ROOT / "src" / "summitry" / "web" / "static" / "dist" / "app.js"
AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
_ADDRESS = re.compile(r"http://[^\s/]+/")


def chromium_path() -> str:
    """The Chromium to drive, installing Debian's package when it is missing (skip when impossible)."""
    run = subprocess.run(["bash", str(ROOT / "scripts" / "chromium.sh")], capture_output=True, text=True,
                         timeout=900, check=False)
    lines = run.stdout.strip().splitlines()
    if run.returncode != 0 or not lines:
        reason = run.stderr.strip().splitlines()[-1] if run.stderr.strip() else "scripts/chromium.sh failed"
        pytest.skip(f"no Chromium for the browser tests: {reason}")
    return lines[-1]


def require_built_page() -> None:
    if not BUILT.exists():
        pytest.skip("the web app's scripts are not built (src/summitry/web/static/dist/app.js): "
                    "`make install` builds them with npm")


@contextmanager
def served(db: Path, token: str | None = None):
    """`summitry serve` over ``db`` on a free loopback port, as a separate process (taking
    corrections with ``token``); yields its base address and stops it afterwards."""
    command = [sys.executable, "-m", "summitry.cli", "serve", "--db", str(db), "--port", "0", "--quiet"]
    env = {k: v for k, v in os.environ.items() if k != "SUMMITRY_API_TOKEN"}
    if token:
        env["SUMMITRY_API_TOKEN"] = token
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 60
        base = None
        while base is None and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            found = _ADDRESS.search(line)
            base = found.group(0) if found else None
        if base is None:
            process.kill()
            raise RuntimeError(f"summitry serve did not start: {process.stderr.read()}")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


BROWSER_WAIT_MS = 90_000


@contextmanager
def browser(executable: str):
    """Chromium through Playwright, with a fresh user-data directory removed afterwards."""
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="summitry-chromium-")
    try:
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=executable, headless=True, args=CHROMIUM_FLAGS,
                viewport={"width": 1200, "height": 900}, accept_downloads=True)
            # Every wait a test makes (a selector, a navigation, an expectation) may last this long: the
            # machines the tests run on are shared, and a page drawn under a load of 8 or more is slow,
            # not broken.
            context.set_default_timeout(BROWSER_WAIT_MS)
            context.set_default_navigation_timeout(BROWSER_WAIT_MS)
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


class Console:
    """Errors the page reports: console errors (a refused style or script under the page's policy
    is one) and uncaught exceptions."""

    def __init__(self, page, expected: tuple[str, ...] = ()):
        self.errors: list[str] = []
        self.expected = expected
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))

    def _console(self, message) -> None:
        if message.type == "error" and not any(e in message.text for e in self.expected):
            self.errors.append(message.text)


def axe_violations(page) -> list[dict]:
    """axe-core's violations on the page as it is now (axe is evaluated through the DevTools
    protocol, so the page's policy, which allows only its own scripts, does not block it)."""
    if not AXE.exists():
        pytest.skip("axe-core is not installed (frontend/node_modules: `make install` runs npm)")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text("utf-8"))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, { resultTypes: ["violations"] });
        return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                        nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ")) }));
    }""")
    return result
