"""Regenerate the report screenshots in docs/ with headless Chromium:

- report.png: `refresh` of the sample plans in data/raw;
- report_sector.png: 130 generated plans (tests/outputs_sample.py's `sector_results`), the report at
  the scale of the whole sector.

Run from the project root: `.venv/bin/python docs/make_screenshot.py` (needs /usr/bin/chromium).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from talentmap import refresh
from talentmap.outputs import write_all

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from outputs_sample import sector_results  # noqa: E402 - the generator the tests use

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def screenshot(html: Path, png: Path) -> tuple[int, int]:
    """A full-page screenshot of `html` at 1280 px wide; returns its (width, height)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
        page.goto(html.as_uri())
        page.screenshot(path=str(png), full_page=True)
        size = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
        browser.close()
    return size[0], size[1]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        samples, sector = Path(tmp) / "samples", Path(tmp) / "sector"
        summary = refresh(ROOT / "data" / "raw", samples, jobs=1, force=True)
        print(summary.text())
        print("docs/report.png", screenshot(samples / "report.html", ROOT / "docs" / "report.png"))
        write_all(sector, sector_results(130), [], summary_info="130 generated plans")
        print(
            "docs/report_sector.png", screenshot(sector / "report.html", ROOT / "docs" / "report_sector.png")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
