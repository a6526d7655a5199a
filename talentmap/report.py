"""report.html: one self-contained page (inline CSS and script, no network) an analyst opens first.

It shows the sector's coverage of each recommendation (a bar chart), which recommendations each plan
covers (heatmap), per-plan counts of pillars and statuses, the rows waiting for review and the files
that failed, all computed from the files in data/processed so `talentmap report` can rebuild it
without re-running the pipeline.

Made for the whole sector (130+ plans): the page is complete without its script (every table rendered
here, at full counts); the inline script (report_script.py) adds filters by institution, pillar,
recommendation and review state, sortable columns, the heatmap's colour scale per table, plan or
recommendation, and a paged review queue. It reads the action facts embedded as JSON (ids and indexes
only, no text) and never turns data into markup, so text from the plans stays escaped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from pathlib import Path

import pandas as pd

from talentmap.normalise.model import STATUSES, THEMES

from .csvsafe import restore_frame
from .report_assets import REPORT_CSS, REPORT_SCRIPT
from .summaries import (
    NO_STATUS,
    NO_THEME,
    column_names,
    coverage_frame,
    plan_counts_frame,
    rec_ids_of,
    recommendations_frame,
    review_frame,
)

REPORT_FILE = "report.html"
REVIEW_ROWS_SHOWN = 5000  # rows in the page (paged by its script); all of them are in review.csv
REVIEW_PAGE_ROWS = 25
ACTION_CHARS_SHOWN = 240
FACT_COLUMNS = ("source_file", "row", "rec_id", "theme", "status", "needs_review")
TITLE = "Technician Commitment action plans and the TALENT recommendations"


@dataclass(frozen=True)
class ReportData:
    """The tables the report shows; all string/int DataFrames as written to data/processed."""

    coverage: pd.DataFrame
    plan_counts: pd.DataFrame
    review: pd.DataFrame
    errors: pd.DataFrame
    recommendations: pd.DataFrame
    facts: pd.DataFrame  # one row per action: FACT_COLUMNS, what the filters need
    run_summary: str = ""
    as_of: str = ""  # the newest input's time, not the clock: the same inputs give the same page

    @property
    def rec_ids(self) -> tuple[str, ...]:
        return rec_ids_of(self.recommendations)


def report_data(
    actions: pd.DataFrame,
    errors: pd.DataFrame,
    recommendations: pd.DataFrame | None = None,
    run_summary: str = "",
    as_of: datetime | None = None,
) -> ReportData:
    """Everything the report shows, derived from the final rows and the run's errors."""
    recommendations = recommendations_frame() if recommendations is None else recommendations
    rec_ids = rec_ids_of(recommendations)
    return ReportData(
        coverage=coverage_frame(actions, rec_ids),
        plan_counts=plan_counts_frame(actions),
        review=review_frame(actions),
        errors=errors,
        recommendations=recommendations,
        facts=actions[list(FACT_COLUMNS)].reset_index(drop=True),
        run_summary=run_summary,
        as_of=as_of.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if as_of else "",
    )


def read_report_data(out: Path) -> ReportData:
    """The report's tables from a processed folder (actions.csv is required, the rest optional)."""
    actions = _read_csv(out / "actions.csv")
    if actions is None:
        raise FileNotFoundError(f"no actions.csv in {out}: run `talentmap refresh --out {out}` first")
    errors = _read_csv(out / "errors.csv")
    if errors is None:
        errors = pd.DataFrame(columns=column_names("errors.csv"))
    return report_data(actions, errors, _read_csv(out / "recommendations.csv"), as_of=_created(out))


def _created(out: Path) -> datetime | None:
    """When the data is from, as datapackage.json's `created` states it."""
    try:
        created = json.loads((out / "datapackage.json").read_text(encoding="utf-8")).get("created")
        return datetime.fromisoformat(created) if created else None
    except (OSError, ValueError, AttributeError, TypeError):
        return None


def _read_csv(path: Path) -> pd.DataFrame | None:
    if not path.is_file():
        return None
    return restore_frame(pd.read_csv(path, dtype=str, keep_default_na=False))


# -- rendering ---------------------------------------------------------------------------------

PILLARS = (*THEMES, NO_THEME)
STATUS_COLUMNS = (*STATUSES, NO_STATUS)


def render_report(data: ReportData) -> str:
    """The whole page as one HTML string."""
    review_count = len(data.review)
    plans = len(data.coverage)
    actions = int(data.coverage["actions"].sum()) if plans else 0
    plan_index = {source: i for i, source in enumerate(data.coverage["source_file"])}
    sections = [
        f"<h1>{escape(TITLE)}</h1>",
        '<p class="lede">'
        f'<span id="plan-count">{plans}</span> plans, '
        f'<span id="action-count">{actions}</span> actions, '
        f'<span id="review-count">{review_count}</span> need review, '
        f'<span id="error-count">{len(data.errors)}</span> {"file" if len(data.errors) == 1 else "files"} '
        "failed." + (f" Inputs as of {escape(data.as_of)}." if data.as_of else "") + "</p>",
        _run_summary(data.run_summary),
        _filters(data) if plans else "",
        _sector_chart(data),
        _heatmap(data, plan_index),
        _legend(data.recommendations),
        _counts(data.plan_counts, plan_index),
        _review(data, plan_index),
        _errors(data.errors),
    ]
    body = "\n".join(s for s in sections if s)
    script = (
        f'<script type="application/json" id="report-facts">{_facts_json(data, plan_index)}</script>'
        f"<script>{REPORT_SCRIPT}</script>"
        if plans
        else ""
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(TITLE)}</title><style>{REPORT_CSS}</style></head>\n"
        f"<body><main>\n{body}\n</main>{script}</body></html>\n"
    )


def _facts_json(data: ReportData, plan_index: dict[str, int]) -> str:
    """Every action as [plan, rec, pillar, status, needs_review] indexes: all the filters need, no text.

    Escaped for a <script> element: no `<`, `>` or `&` survives, so no value can close the element."""
    recs = {rec: i for i, rec in enumerate(data.rec_ids)}
    pillars = {p: i for i, p in enumerate(PILLARS)}
    statuses = {s: i for i, s in enumerate(STATUS_COLUMNS)}
    facts = data.facts
    rows = [
        [
            plan_index[source],
            recs.get(rec, -1),
            pillars.get(theme, len(THEMES)),
            statuses.get(status, len(STATUSES)),
            1 if review == "true" else 0,
        ]
        for source, rec, theme, status, review in zip(
            facts["source_file"],
            facts["rec_id"],
            facts["theme"],
            facts["status"],
            facts["needs_review"],
            strict=True,
        )
        if source in plan_index
    ]
    payload = {
        "recs": list(data.rec_ids),
        "plans": len(plan_index),
        "pillars": len(PILLARS),
        "statuses": len(STATUS_COLUMNS),
        "actions": rows,
        "pageRows": REVIEW_PAGE_ROWS,
    }
    text = json.dumps(payload, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _run_summary(text: str) -> str:
    if not text:
        return ""
    return f'<pre class="run">{escape(text)}</pre>'


def _filters(data: ReportData) -> str:
    """The filter bar: hidden until the script runs (without it the controls would do nothing)."""
    titles = _titles(data)
    pillar_options = "".join(f'<option value="{i}">{escape(p)}</option>' for i, p in enumerate(PILLARS))
    rec_options = "".join(
        f'<option value="{i}">{escape(r)} {escape(titles.get(r, ""))}</option>'
        for i, r in enumerate(data.rec_ids)
    )
    return (
        '<form id="filters" class="filters" hidden>'
        '<label>Institution <input id="f-institution" type="search" placeholder="name or file"></label>'
        f'<label>Pillar <select id="f-pillar"><option value="">all</option>{pillar_options}</select></label>'
        '<label title="Plans covering it; review rows tagged with it">Recommendation '
        f'<select id="f-rec"><option value="">all</option>{rec_options}</select></label>'
        '<label>Needs review <select id="f-review"><option value="">all actions</option>'
        '<option value="yes">needs review</option><option value="no">confident</option></select></label>'
        '<label>Heatmap colours <select id="f-scale"><option value="table">whole table</option>'
        '<option value="row">per plan (row)</option><option value="column">per recommendation (column)'
        "</option></select></label>"
        '<button type="reset" id="f-reset">Clear</button>'
        '<output id="shown-count"></output>'
        "</form>"
    )


def _titles(data: ReportData) -> dict[str, str]:
    return dict(zip(data.recommendations["rec_id"], data.recommendations["short_title"], strict=False))


def _sort_head(label: str, col: int, title: str = "", kind: str = "num", attrs: str = "") -> str:
    """A column heading the script can sort by (`col` = the cell's index in a body row)."""
    tip = f' title="{escape(title)}"' if title else ""
    return (
        f'<th scope="col" data-col="{col}" data-type="{kind}"{tip}{attrs}>'
        f'<button type="button" class="sort">{label}</button></th>'
    )


def _sector_chart(data: ReportData) -> str:
    """Per recommendation: how many plans have at least one action tagged with it (bar = share of plans)."""
    coverage, rec_ids, titles = data.coverage, data.rec_ids, _titles(data)
    if coverage.empty:
        return ""
    plans = len(coverage)
    rows = []
    for rec in rec_ids:
        covering, actions = int((coverage[rec] > 0).sum()), int(coverage[rec].sum())
        share = covering / plans
        rows.append(
            f'<tr data-rec="{escape(rec)}"><th scope="row" data-value="{rec_ids.index(rec)}">'
            f'<b>{escape(rec)}</b> <span class="rec-title">{escape(titles.get(rec, ""))}</span></th>'
            f'<td class="num plans" data-value="{covering}">{covering}</td>'
            f'<td class="bar" data-value="{share:.4f}">'
            f'<span class="bar" style="width:{100 * share:.1f}%"></span>'
            f'<span class="pct">{100 * share:.0f}%</span></td>'
            f'<td class="num actions" data-value="{actions}">{actions}</td></tr>'
        )
    head = (
        _sort_head("Recommendation", 0)
        + _sort_head("Plans covering", 1)
        + _sort_head("Share of plans", 2)
        + _sort_head("Actions", 3)
    )
    return (
        '<section id="sector"><h2>Sector coverage: plans with an action on each recommendation</h2>'
        "<p>Bars: the share of the plans shown that have at least one action tagged with the "
        "recommendation.</p>"
        f'<table id="sector-chart" class="chart sortable"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _plan_label(row: pd.Series) -> str:
    """Institution and period, with the file underneath: one institution may have several plans or
    the same plan in two formats."""
    name = row.get("institution") or row["plan_id"]
    period = row.get("period", "")
    label = escape(name) + (f' <span class="period">{escape(period)}</span>' if period else "")
    return label + f'<br><span class="file">{escape(row["source_file"])}</span>'


def _plan_attrs(row: pd.Series, plan_index: dict[str, int]) -> str:
    """The attributes the script filters a plan's row by (its words lower-cased, escaped)."""
    search = " ".join(
        str(row.get(k, "")) for k in ("institution", "plan_id", "source_file", "period")
    ).lower()
    return (
        f'data-plan="{plan_index[row["source_file"]]}" data-plan-id="{escape(row["plan_id"])}" '
        f'data-source-file="{escape(row["source_file"])}" data-search="{escape(search)}"'
    )


def _heatmap(data: ReportData, plan_index: dict[str, int]) -> str:
    rec_ids, titles = data.rec_ids, _titles(data)
    coverage = data.coverage
    if coverage.empty:
        return '<section><h2>Coverage</h2><p class="empty">No actions were extracted.</p></section>'
    head = "".join(
        _sort_head(escape(r), i, titles.get(r, ""), attrs=f' data-rec="{escape(r)}"')
        for i, r in enumerate(rec_ids, start=1)
    )
    peak = max(int(coverage[list(rec_ids)].to_numpy().max()), 1)
    rows = []
    for _, row in coverage.iterrows():
        cells = "".join(_heat_cell(int(row[r]), peak, f"{row['plan_id']} {r}") for r in rec_ids)
        rows.append(
            f"<tr {_plan_attrs(row, plan_index)}>"
            f'<th scope="row">{_plan_label(row)}</th>'
            f'{cells}<td class="num total" data-value="{int(row["actions"])}">{int(row["actions"])}</td></tr>'
        )
    totals = "".join(f'<td class="num">{int(coverage[r].sum())}</td>' for r in rec_ids)
    covering = "".join(f'<td class="num">{int((coverage[r] > 0).sum())}</td>' for r in rec_ids)
    return (
        '<section id="coverage"><h2>Coverage: actions per recommendation</h2>'
        "<p>One row per plan; a cell counts the plan's actions tagged with that recommendation "
        "(darker = more, relative to the whole table, the plan or the recommendation: see "
        '"Heatmap colours"). Click a heading to sort; hover it for the recommendation\'s title.</p>'
        '<div class="box"><table id="heatmap" class="heatmap sortable">'
        f"<thead><tr>{_sort_head('Plan', 0, kind='text')}{head}"
        f"{_sort_head('Actions', len(rec_ids) + 1)}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody>"
        f'<tfoot><tr id="heat-totals"><th scope="row">All actions</th>{totals}'
        f'<td class="num total">{int(coverage["actions"].sum())}</td></tr>'
        f'<tr id="heat-covering"><th scope="row">Plans covering</th>{covering}<td></td></tr></tfoot>'
        "</table></div></section>"
    )


def heat_colour(count: int, peak: int) -> tuple[tuple[int, int, int], str]:
    """(background rgb, text colour) of a heatmap cell: pale to deep blue; the script uses the same."""
    share = count / max(peak, 1)
    start, end = (222, 235, 247), (8, 48, 107)
    rgb = tuple(round(a + (b - a) * (0.25 + 0.75 * share)) for a, b in zip(start, end, strict=True))
    return rgb, "#fff" if share > 0.45 else "#111"


def _heat_cell(count: int, peak: int, label: str) -> str:
    if count == 0:
        return f'<td class="num heat zero" data-value="0" title="{escape(label)}: 0">0</td>'
    rgb, colour = heat_colour(count, peak)
    style = f"background:rgb{rgb};color:{colour}"
    title = f"{escape(label)}: {count}"
    return f'<td class="num heat" data-value="{count}" style="{style}" title="{title}">{count}</td>'


def _legend(recommendations: pd.DataFrame) -> str:
    items = "".join(
        f"<li><b>{escape(r.rec_id)}</b> {escape(r.short_title)}</li>" for r in recommendations.itertuples()
    )
    return f'<section><h2>Recommendations</h2><ol class="legend">{items}</ol></section>'


def _counts(counts: pd.DataFrame, plan_index: dict[str, int]) -> str:
    groups = [("Pillars", PILLARS), ("Statuses", STATUS_COLUMNS)]
    top = '<th rowspan="2" scope="col" class="corner">Plan</th>' + _sort_head("Actions", 1).replace(
        "<th ", '<th rowspan="2" ', 1
    )
    top += "".join(f'<th colspan="{len(cols)}" scope="colgroup">{name}</th>' for name, cols in groups)
    columns = [c for _, cols in groups for c in cols]
    top += _sort_head("Need review", len(columns) + 2).replace("<th ", '<th rowspan="2" ', 1)
    sub = "".join(_sort_head(escape(c.replace("_", " ")), i) for i, c in enumerate(columns, start=2))
    rows = []
    for _, row in counts.iterrows():
        cells = "".join(_count_cell(int(row[c])) for c in columns)
        rows.append(
            f"<tr {_plan_attrs(row, plan_index)}>"
            f'<th scope="row">{_plan_label(row)}</th>'
            f"{_count_cell(int(row['actions']))}{cells}{_count_cell(int(row['needs_review']))}</tr>"
        )
    return (
        '<section id="counts"><h2>Per-plan counts</h2>'
        '<div class="box"><table id="plan-counts" class="sortable">'
        f"<thead><tr>{top}</tr><tr>{sub}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _count_cell(count: int) -> str:
    return f'<td class="num{" zero" if count == 0 else ""}" data-value="{count}">{count}</td>'


def _review(data: ReportData, plan_index: dict[str, int]) -> str:
    review = data.review
    noun = "action needs" if len(review) == 1 else "actions need"
    heading = f"<h2>Review queue: {len(review)} {noun} review</h2>"
    if review.empty:
        return f'<section id="review">{heading}<p class="empty">Nothing to review.</p></section>'
    shown = review.head(REVIEW_ROWS_SHOWN)
    themes = _review_themes(data)
    recs = {rec: i for i, rec in enumerate(data.rec_ids)}
    pillars = {p: i for i, p in enumerate(PILLARS)}
    rows = "".join(
        f'<tr data-plan="{plan_index.get(r["source_file"], -1)}" '
        f'data-pillar="{pillars.get(themes.get((r["source_file"], str(r["row"])), ""), len(THEMES))}" '
        f'data-rec="{recs.get(r["rec_id"], -1)}">'
        f'<td>{escape(r["institution"] or r["plan_id"])}<br><span class="file">{escape(r["plan_id"])}</span>'
        f"</td><td>{escape(r['ref'])}</td>"
        f'<td class="text">{escape(_shorten(r["action"]))}</td>'
        f"<td><b>{escape(r['rec_id'])}</b></td><td>{escape(r['rec_candidates'].replace(';', ' '))}</td>"
        f'<td class="num" data-value="{escape(str(r["match_score"]))}">{escape(str(r["match_score"]))}</td>'
        f'<td class="text">{escape(r["match_evidence"])}</td>'
        "</tr>"
        for _, r in shown.iterrows()
    )
    more = (
        f"<p>The page holds the {len(shown)} lowest-scoring of {len(review)}; all are in review.csv.</p>"
        if len(review) > len(shown)
        else ""
    )
    head = (
        _sort_head("Plan", 0, kind="text")
        + _sort_head("Ref", 1, kind="text")
        + "<th>Action</th>"
        + _sort_head("Tag", 3, kind="text")
        + "<th>Candidates</th>"
        + _sort_head("Score", 5)
        + "<th>Evidence</th>"
    )
    return (
        f'<section id="review">{heading}'
        "<p>Lowest confidence first. To correct a tag, copy the row's first six columns of review.csv "
        "(<code>plan_id</code> to <code>note</code>) into data/overrides.csv, set the right "
        "<code>rec_id</code>, and refresh.</p>"
        f'<div class="box"><table id="review-queue" class="sortable"><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
        '<div class="pager" id="review-pager" hidden>'
        '<button type="button" id="review-prev">‹ Previous</button> <span id="review-page"></span> '
        '<button type="button" id="review-next">Next ›</button></div>'
        f"{more}</section>"
    )


def _review_themes(data: ReportData) -> dict[tuple[str, str], str]:
    """(source_file, row) -> pillar of each action, for the review queue's pillar filter."""
    facts = data.facts
    return dict(
        zip(zip(facts["source_file"], facts["row"].astype(str), strict=True), facts["theme"], strict=True)
    )


def _shorten(text: str, limit: int = ACTION_CHARS_SHOWN) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _errors(errors: pd.DataFrame) -> str:
    heading = f"<h2>Errors of the last run: {len(errors)}</h2>"
    if errors.empty:
        return f'<section id="errors">{heading}<p class="empty">None: every file was processed.</p></section>'
    rows = "".join(
        f"<tr><td>{escape(r['source_file'])}</td><td>{escape(r['stage'])}</td>"
        f'<td class="text">{escape(r["error"])}</td></tr>'
        for _, r in errors.iterrows()
    )
    return (
        f'<section id="errors">{heading}<table id="error-list"><thead><tr><th>File</th><th>Stage</th>'
        f"<th>Error</th></tr></thead><tbody>{rows}</tbody></table></section>"
    )


def error_frame(errors: Sequence[object]) -> pd.DataFrame:
    """errors.csv's rows from `FileError`-like objects or (source_file, stage, error) tuples."""
    columns = column_names("errors.csv")
    rows = [e if isinstance(e, tuple | list) else tuple(getattr(e, c) for c in columns) for e in errors]
    return pd.DataFrame([tuple(r) for r in rows], columns=columns, dtype=object)
