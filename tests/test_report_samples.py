"""`talentmap refresh` on the sample plans in data/raw: every output is there, consistent, and the report in a
browser shows the numbers the CSVs hold."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from talentmap.datapackage import validate_table

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OUTPUTS = (
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


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("processed")
    command = [sys.executable, "-m", "talentmap.cli", "refresh", "--raw", str(RAW), "--out", str(folder)]
    proc = subprocess.run([*command, "--jobs", "2"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return folder


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_refresh_writes_every_output(out: Path) -> None:
    assert all((out / name).is_file() for name in OUTPUTS)


def test_sample_outputs_validate_and_coverage_adds_up(out: Path) -> None:
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        assert validate_table(read(out / resource["path"]), resource["schema"]) == [], resource["path"]
    actions, coverage = read(out / "actions.csv"), pd.read_csv(out / "coverage.csv")
    rec_ids = [f"R{i}" for i in range(1, 17)]
    assert coverage[rec_ids].to_numpy().sum() + coverage["unmatched"].sum() == len(actions) > 0
    assert sorted(coverage["source_file"]) == sorted(actions["source_file"].unique())
    plans = read(out / "plans.csv")
    assert len(plans) == len([p for p in RAW.rglob("*") if p.suffix.lower() in (".pdf", ".docx")])
    assert len(read(out / "review.csv")) == (actions["needs_review"] == "true").sum()


def test_sample_report_in_a_browser_shows_the_csv_numbers(out: Path) -> None:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing but CI is set: CI must install chromium")
        pytest.skip(f"{CHROMIUM} not installed (set CI to make this a failure)")
    if os.environ.get("CI"):
        from playwright import sync_api
    else:
        sync_api = pytest.importorskip("playwright.sync_api")
    coverage, actions = read(out / "coverage.csv"), read(out / "actions.csv")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_context(offline=True).new_page()
        page.goto((out / "report.html").as_uri())
        heatmap = page.locator("#heatmap tbody tr")
        assert heatmap.count() == len(coverage)
        for _, plan in coverage.iterrows():
            row = page.locator(f'#heatmap tbody tr[data-plan-id="{plan["plan_id"]}"]')
            assert (plan["institution"] or plan["plan_id"]) in row.locator("th").inner_text()
            assert row.locator("td").last.inner_text() == plan["actions"]
        assert page.locator("#action-count").inner_text() == str(len(actions))
        assert page.locator("#review-count").inner_text() == str((actions["needs_review"] == "true").sum())
        browser.close()
