"""Shared fixtures: one refresh of the sample plans per session, and a report page in headless Chromium."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
# What a refresh writes into --out (issue 7's list): tests check it against what is really there.
EXPECTED_OUTPUTS = (
    "actions.csv",
    "actions.parquet",
    "errors.csv",
    "datapackage.json",
    "coverage.csv",
    "recommendations.csv",
    "review.csv",
    "plans.csv",
    "actions.xlsx",
    "report.html",
)
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def sample_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`talentmap refresh` of data/raw, run once as a user would (a subprocess, two jobs)."""
    folder = tmp_path_factory.mktemp("processed")
    command = [sys.executable, "-m", "talentmap.cli", "refresh", "--raw", str(RAW), "--out", str(folder)]
    proc = subprocess.run([*command, "--jobs", "2"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return folder


@contextlib.contextmanager
def browser_page(html: Path, viewport: dict[str, int] | None = None) -> Iterator:
    """`html` opened offline in headless Chromium (a Playwright Page).

    Skips when Chromium is absent, except under CI, which installs it: there a missing browser
    is a failure, so the browser tests can never pass by being skipped.
    """
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing but CI is set: CI must install chromium")
        pytest.skip(f"{CHROMIUM} not installed (set CI to make this a failure)")
    if os.environ.get("CI"):
        from playwright import sync_api
    else:
        sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(
                offline=True, viewport=viewport or {"width": 1280, "height": 800}
            ).new_page()
            errors: list[str] = []  # the page's script errors, for tests to assert there are none
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            page.goto(html.as_uri())
            page.script_errors = errors
            yield page
        finally:
            browser.close()


def visible_rows(page, selector: str) -> list[dict]:  # noqa: ANN001 - a Playwright Page
    """The rows a reader sees (not hidden by a filter or a page): their text, cells and data-*, in one
    round trip to the browser."""
    return page.eval_on_selector_all(
        selector,
        "rows => rows.filter(r => r.getClientRects().length > 0).map(r => ({text: r.innerText,"
        " cells: Array.from(r.cells).map(c => c.innerText), data: Object.assign({}, r.dataset)}))",
    )
