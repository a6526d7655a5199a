"""report.html at sector scale (130 generated plans) and on the 4 sample plans, in headless Chromium:
filters, sorting, the heatmap's header and colour scales, the sector chart and the paged review queue."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from conftest import browser_page, visible_rows
from outputs_sample import sector_results

from talentmap.normalise.model import THEMES
from talentmap.outputs import write_all

REC_IDS = [f"R{i}" for i in range(1, 17)]
DEEPEST = "rgb(8, 48, 107)"  # the heatmap's colour for a cell at the peak of its scale


@pytest.fixture(scope="module")
def sector(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sector")
    write_all(out, sector_results(130), [])
    return out


@pytest.fixture(scope="module")
def actions(sector: Path) -> pd.DataFrame:
    return pd.read_csv(sector / "actions.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def coverage(sector: Path) -> pd.DataFrame:
    return pd.read_csv(sector / "coverage.csv", keep_default_na=False)


@pytest.fixture(scope="module")
def page(sector: Path):  # noqa: ANN201 - a Playwright Page
    with browser_page(sector / "report.html", viewport={"width": 1280, "height": 900}) as opened:
        yield opened


@pytest.fixture(autouse=True)
def cleared_filters(request: pytest.FixtureRequest) -> None:
    """Each browser test starts from the unfiltered page."""
    if "page" in request.fixturenames:
        page = request.getfixturevalue("page")
        page.click("#f-reset")
        page.wait_for_function("document.getElementById('f-pillar').value === ''")
        page.evaluate(
            "() => { const s = document.getElementById('f-scale'); s.value = 'table';"
            " s.dispatchEvent(new Event('input')); }"
        )


def heat_row(page, plan_id: str):  # noqa: ANN001, ANN201
    return page.locator(f'#heatmap tbody tr[data-plan-id="{plan_id}"]')


def test_the_script_runs_without_errors_and_shows_the_filters(page) -> None:  # noqa: ANN001
    assert page.script_errors == []
    assert page.locator("#filters").is_visible()
    assert page.locator("#shown-count").inner_text().startswith("Showing 130 of 130 plans")


def test_page_is_a_few_screens_not_forty_thousand_pixels(page) -> None:  # noqa: ANN001
    assert page.evaluate("document.documentElement.scrollHeight") < 6000


def test_heatmap_header_and_plan_column_stick_while_its_box_scrolls(page) -> None:  # noqa: ANN001
    box = page.locator("#coverage .box")
    page.locator("#coverage h2").scroll_into_view_if_needed()
    box.evaluate("b => { b.scrollTop = b.scrollHeight; b.scrollLeft = b.scrollWidth; }")
    box_top = box.bounding_box()["y"]
    head = page.locator('#heatmap thead th[data-rec="R1"]').bounding_box()
    assert abs(head["y"] - box_top) <= 2  # stuck to the top of the scrolled box
    last = page.locator("#heatmap tbody tr").last
    assert last.is_visible()
    label = last.locator("th").bounding_box()
    assert abs(label["x"] - box.bounding_box()["x"]) <= 2  # plan names stay at the left edge


def test_sorting_a_recommendation_column_puts_the_largest_first(page, coverage: pd.DataFrame) -> None:  # noqa: ANN001
    page.click('#heatmap thead th[data-rec="R5"] button')
    assert page.locator('#heatmap thead th[data-rec="R5"]').get_attribute("aria-sort") == "descending"
    first = page.locator("#heatmap tbody tr").first
    assert int(first.locator("td").nth(4).inner_text()) == coverage["R5"].max()
    page.click('#heatmap thead th[data-rec="R5"] button')
    first = page.locator("#heatmap tbody tr").first
    assert int(first.locator("td").nth(4).inner_text()) == coverage["R5"].min()
    page.click("#heatmap thead th[data-col='0'] button")  # by plan name, A first
    names = page.locator("#heatmap tbody tr th").all_inner_texts()
    assert names == sorted(names, key=str.lower)


def test_sorting_the_per_plan_counts_by_need_review(page, actions: pd.DataFrame) -> None:  # noqa: ANN001
    page.locator("#plan-counts thead button", has_text="Need review").click()
    first = page.locator("#plan-counts tbody tr").first
    peak = (actions["needs_review"] == "true").groupby(actions["plan_id"]).sum().max()
    assert int(first.locator("td").last.inner_text()) == peak


def test_institution_filter_keeps_matching_plans_everywhere(page, coverage: pd.DataFrame) -> None:  # noqa: ANN001
    page.fill("#f-institution", "kelso")
    want = coverage[coverage["institution"].str.lower().str.contains("kelso")]
    rows = visible_rows(page, "#heatmap tbody tr")
    assert len(rows) == len(want) > 1
    assert all("Kelso" in row["cells"][0] for row in rows)
    assert len(visible_rows(page, "#plan-counts tbody tr")) == len(want)
    r1 = page.locator('#sector-chart tr[data-rec="R1"] td.plans').inner_text()
    assert int(r1) == (want["R1"] > 0).sum()
    assert page.locator("#shown-count").inner_text().startswith(f"Showing {len(want)} of 130 plans")
    queue = visible_rows(page, "#review-queue tbody tr")
    assert queue and all("Kelso" in row["cells"][0] for row in queue)


def test_pillar_filter_recounts_every_plan_from_that_pillars_actions(page, actions: pd.DataFrame) -> None:  # noqa: ANN001
    page.select_option("#f-pillar", str(THEMES.index("Visibility")))
    pillar = actions[actions["theme"] == "Visibility"]
    for plan_id in actions["plan_id"].unique()[[0, 42, 129]]:
        want = pillar[pillar["plan_id"] == plan_id]["rec_id"].value_counts()
        cells = heat_row(page, plan_id).locator("td").all_inner_texts()
        assert [int(c) for c in cells[:16]] == [int(want.get(r, 0)) for r in REC_IDS]
        assert int(cells[-1]) == (pillar["plan_id"] == plan_id).sum()
    totals = page.locator("#heat-totals td").all_inner_texts()
    assert int(totals[-1]) == len(pillar)
    pillars = {row["data"]["pillar"] for row in visible_rows(page, "#review-queue tbody tr")}
    assert pillars == {str(THEMES.index("Visibility"))}


def test_needs_review_filter_counts_only_those_actions(page, actions: pd.DataFrame) -> None:  # noqa: ANN001
    page.select_option("#f-review", "yes")
    review = actions[actions["needs_review"] == "true"]
    assert int(page.locator("#heat-totals td").last.inner_text()) == len(review)
    plan_id = actions["plan_id"].unique()[3]
    counts = page.locator(f'#plan-counts tbody tr[data-plan-id="{plan_id}"] td').all_inner_texts()
    assert int(counts[0]) == int(counts[-1]) == (review["plan_id"] == plan_id).sum()
    page.select_option("#f-review", "no")
    assert visible_rows(page, "#review-queue tbody tr") == []
    assert "No row matches" in page.locator("#review-page").inner_text()


def test_recommendation_filter_keeps_plans_covering_it_and_rows_tagged_with_it(  # noqa: D103
    page,
    coverage: pd.DataFrame,  # noqa: ANN001
) -> None:
    page.select_option("#f-rec", str(REC_IDS.index("R3")))
    assert len(visible_rows(page, "#heatmap tbody tr")) == (coverage["R3"] > 0).sum()
    tags = {row["cells"][3] for row in visible_rows(page, "#review-queue tbody tr")}
    assert tags == {"R3"}
    assert "picked" in page.locator('#sector-chart tr[data-rec="R3"]').get_attribute("class")
    assert "picked" in page.locator('#heatmap thead th[data-rec="R3"]').get_attribute("class")


def background(cell) -> str:  # noqa: ANN001
    return cell.evaluate("e => getComputedStyle(e).backgroundColor")


def test_colour_scale_per_row_or_per_column_chosen_by_the_reader(page, coverage: pd.DataFrame) -> None:  # noqa: ANN001
    plan = coverage.iloc[10]
    cells = heat_row(page, plan["plan_id"]).locator("td.heat")
    row_peak = REC_IDS.index(plan[REC_IDS].astype(int).idxmax())
    table_peak = coverage[REC_IDS].to_numpy().max()
    if plan[REC_IDS].max() < table_peak:  # under the whole-table scale the row's peak is lighter
        assert background(cells.nth(row_peak)) != DEEPEST
    page.select_option("#f-scale", "row")
    assert background(cells.nth(row_peak)) == DEEPEST
    page.select_option("#f-scale", "column")
    column = coverage["R7"].astype(int)
    top = coverage.loc[column.idxmax(), "plan_id"]
    assert background(heat_row(page, top).locator("td.heat").nth(6)) == DEEPEST


def test_sector_chart_shows_the_share_of_plans_covering_each_recommendation(
    page,
    coverage: pd.DataFrame,  # noqa: ANN001
) -> None:
    for rec in ("R1", "R9", "R16"):
        row = page.locator(f'#sector-chart tr[data-rec="{rec}"]')
        covering = int((coverage[rec] > 0).sum())
        assert int(row.locator("td.plans").inner_text()) == covering
        assert int(row.locator("td.actions").inner_text()) == coverage[rec].sum()
        assert row.locator("span.pct").inner_text() == f"{round(100 * covering / 130)}%"
        width = row.locator("span.bar").bounding_box()["width"]
        full = row.locator("td.bar").bounding_box()["width"]
        assert width == pytest.approx(full * covering / 130, abs=full * 0.05)


def test_review_queue_is_paged(page, actions: pd.DataFrame) -> None:  # noqa: ANN001
    total = (actions["needs_review"] == "true").sum()
    assert len(visible_rows(page, "#review-queue tbody tr")) == 25
    assert page.locator("#review-page").inner_text().startswith(f"Rows 1–25 of {total}")
    assert page.locator("#review-prev").is_disabled()
    first_page = page.locator("#review-queue tbody tr").first.inner_text()
    page.click("#review-next")
    assert page.locator("#review-page").inner_text().startswith(f"Rows 26–50 of {total}")
    assert first_page not in [row["text"] for row in visible_rows(page, "#review-queue tbody tr")]
    page.click("#review-prev")
    assert page.locator("#review-page").inner_text().startswith("Rows 1–25")


def test_text_from_plans_stays_text(page, sector: Path) -> None:  # noqa: ANN001
    label = heat_row(page, "plan_007_elstree").locator("th").inner_text()
    assert label.startswith('St <b>Bold</b> & "Quoted" College')
    assert page.locator("#heatmap b").count() == 0
    html = (sector / "report.html").read_text(encoding="utf-8")
    facts = re.search(r'<script type="application/json" id="report-facts">(.*?)</script>', html, re.S)
    assert facts and "<" not in facts.group(1) and "Bold" not in facts.group(1)


def test_report_at_sector_scale_is_one_offline_file(sector: Path) -> None:
    html = (sector / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"(src|href)\s*=|url\(|@import|fetch\(", html, re.IGNORECASE)
