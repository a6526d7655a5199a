"""Regenerate docs/report.png: refresh the sample plans in data/raw, open report.html in headless Chromium.

Run from the project root: `.venv/bin/python docs/make_screenshot.py` (needs /usr/bin/chromium).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from talentmap import refresh

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        summary = refresh(ROOT / "data" / "raw", Path(tmp), jobs=1, force=True)
        print(summary.text())
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 800}, device_scale_factor=1)
            page.goto((Path(tmp) / "report.html").as_uri())
            page.screenshot(path=str(ROOT / "docs" / "report.png"), full_page=True)
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
