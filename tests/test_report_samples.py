"""`talentmap refresh` on the sample plans in data/raw: every output is there, consistent, and the report in a
browser shows the numbers the CSVs hold."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from conftest import EXPECTED_OUTPUTS, RAW, browser_page, visible_rows

from talentmap.datapackage import validate_table


@pytest.fixture(scope="module")
def out(sample_out: Path) -> Path:
    return sample_out


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_refresh_writes_every_output(out: Path) -> None:
    assert all((out / name).is_file() for name in EXPECTED_OUTPUTS)


def test_sample_outputs_validate_and_coverage_adds_up(out: Path) -> None:
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        if resource["format"] == "csv":
            assert validate_table(read(out / resource["path"]), resource["schema"]) == [], resource["path"]
    actions, coverage = read(out / "actions.csv"), pd.read_csv(out / "coverage.csv")
    rec_ids = [f"R{i}" for i in range(1, 17)]
    assert coverage[rec_ids].to_numpy().sum() + coverage["unmatched"].sum() == len(actions) > 0
    assert sorted(coverage["source_file"]) == sorted(actions["source_file"].unique())
    plans = read(out / "plans.csv")
    assert len(plans) == len([p for p in RAW.rglob("*") if p.suffix.lower() in (".pdf", ".docx")])
    assert len(read(out / "review.csv")) == (actions["needs_review"] == "true").sum()


def test_sample_report_in_a_browser_shows_the_csv_numbers(out: Path) -> None:
    coverage, actions = read(out / "coverage.csv"), read(out / "actions.csv")
    with browser_page(out / "report.html") as page:
        heatmap = page.locator("#heatmap tbody tr")
        assert heatmap.count() == len(coverage)
        for _, plan in coverage.iterrows():
            row = page.locator(f'#heatmap tbody tr[data-plan-id="{plan["plan_id"]}"]')
            assert (plan["institution"] or plan["plan_id"]) in row.locator("th").inner_text()
            assert row.locator("td").last.inner_text() == plan["actions"]
        assert page.locator("#action-count").inner_text() == str(len(actions))
        assert page.locator("#review-count").inner_text() == str((actions["needs_review"] == "true").sum())


def test_sample_report_filters_and_sorts_too(sample_out: Path) -> None:
    coverage = pd.read_csv(sample_out / "coverage.csv", keep_default_na=False)
    with browser_page(sample_out / "report.html") as page:
        assert page.script_errors == []
        assert (
            page.locator("#shown-count")
            .inner_text()
            .startswith(f"Showing {len(coverage)} of {len(coverage)}")
        )
        page.locator("#heatmap thead button", has_text="Actions").click()
        totals = [int(t) for t in page.locator("#heatmap tbody td.total").all_inner_texts()]
        assert totals == sorted(coverage["actions"], reverse=True)
        page.fill("#f-institution", "westbrook")
        assert [r["data"]["planId"] for r in visible_rows(page, "#heatmap tbody tr")] == [
            "westbrook_tc_action_plan"
        ]
