"""report.html: self-contained, escaped, and showing the right numbers to a person in a browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import browser_page
from outputs_sample import FAILED, sample_results

from talentmap.outputs import write_all


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("processed")
    write_all(out, sample_results(), FAILED, summary_info="2 files processed, 1 failed")
    return out / "report.html"


def test_report_is_self_contained(report: Path) -> None:
    """One file: inline style and script, nothing fetched (no src, href, import, url, fetch)."""
    html = report.read_text(encoding="utf-8")
    assert "<style>" in html and "<script>" in html
    assert not re.search(r"<(link|img|iframe|object|embed)\b", html, re.IGNORECASE)
    assert not re.search(r"(src|href|action)\s*=", html, re.IGNORECASE)
    assert not re.search(r"@import|url\(|fetch\(|XMLHttpRequest|WebSocket|import\(", html)


def test_report_escapes_text_from_the_plans(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    assert "not a PDF file &lt;b&gt;really&lt;/b&gt;" in html
    assert "<b>really</b>" not in html


def test_report_shows_the_run_summary(report: Path) -> None:
    assert "2 files processed, 1 failed" in report.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page(report: Path):  # noqa: ANN201 - a Playwright Page
    with browser_page(report) as opened:
        yield opened


def test_browser_shows_heading_and_totals(page) -> None:  # noqa: ANN001
    assert "TALENT recommendations" in page.locator("h1").inner_text()
    assert page.locator("#plan-count").inner_text() == "2"
    assert page.locator("#action-count").inner_text() == "7"
    assert page.locator("#review-count").inner_text() == "4"
    assert page.locator("#error-count").inner_text() == "1"


def test_browser_heatmap_has_one_row_per_plan(page) -> None:  # noqa: ANN001
    rows = page.locator("#heatmap tbody tr")
    assert rows.count() == 2
    alpha = page.locator('#heatmap tbody tr[data-plan-id="university_of_alpha_2021"]')
    # the file is shown too: one institution may have several plans, or one plan as .pdf and .docx
    assert alpha.locator("th").inner_text().splitlines() == [
        "University of Alpha 2021-2024",
        "university_of_alpha_2021.docx",
    ]
    cells = alpha.locator("td").all_inner_texts()
    assert cells[0] == "2" and cells[9] == "1" and cells[-1] == "4"  # R1, R10, total
    heads = page.locator("#heatmap thead th").all_inner_texts()
    assert heads[1:17] == [f"R{i}" for i in range(1, 17)]
    assert page.locator("#heatmap tbody td").first.evaluate("e => getComputedStyle(e).backgroundColor") != (
        "rgb(255, 255, 255)"
    )


def test_browser_shows_review_queue_and_errors(page) -> None:  # noqa: ANN001
    assert "4 actions need review" in page.locator("#review h2").inner_text()
    assert page.locator("#review-queue tbody tr").count() == 4
    assert "Beta Institute" in page.locator("#review-queue").inner_text()
    errors = page.locator("#error-list tbody tr")
    assert errors.count() == 1
    assert "not a PDF file <b>really</b>" in errors.inner_text()


def test_browser_per_plan_counts(page) -> None:  # noqa: ANN001
    beta = page.locator('#plan-counts tbody tr[data-plan-id="beta_institute_plan"]')
    assert beta.locator("th").inner_text().splitlines() == [
        "Beta Institute 2022-2025",
        "beta_institute_plan.docx",
    ]
    cells = beta.locator("td").all_inner_texts()
    # actions, Visibility, Recognition, Career Development, Sustainability, (no theme), complete, on_track,
    # at_risk, delayed, not_started, (no status), needs review
    assert cells == ["3", "0", "0", "0", "2", "1", "0", "0", "0", "2", "1", "0", "3"]
