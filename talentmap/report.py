"""report.html: one self-contained page (inline CSS, no script, no network) an analyst opens first.

It shows which recommendations each plan covers (heatmap), per-plan counts of themes and statuses,
the rows waiting for review and the files that failed, all computed from the files in data/processed
so `talentmap report` can rebuild it without re-running the pipeline.
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
REVIEW_ROWS_SHOWN = 1000
ACTION_CHARS_SHOWN = 240
TITLE = "Technician Commitment action plans and the TALENT recommendations"


@dataclass(frozen=True)
class ReportData:
    """The tables the report shows; all string/int DataFrames as written to data/processed."""

    coverage: pd.DataFrame
    plan_counts: pd.DataFrame
    review: pd.DataFrame
    errors: pd.DataFrame
    recommendations: pd.DataFrame
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


def render_report(data: ReportData) -> str:
    """The whole page as one HTML string."""
    review_count = len(data.review)
    plans = len(data.coverage)
    actions = int(data.coverage["actions"].sum()) if plans else 0
    sections = [
        f"<h1>{escape(TITLE)}</h1>",
        '<p class="lede">'
        f'<span id="plan-count">{plans}</span> plans, '
        f'<span id="action-count">{actions}</span> actions, '
        f'<span id="review-count">{review_count}</span> need review, '
        f'<span id="error-count">{len(data.errors)}</span> {"file" if len(data.errors) == 1 else "files"} '
        "failed." + (f" Inputs as of {escape(data.as_of)}." if data.as_of else "") + "</p>",
        _run_summary(data.run_summary),
        _heatmap(data),
        _legend(data.recommendations),
        _counts(data.plan_counts),
        _review(data.review),
        _errors(data.errors),
    ]
    body = "\n".join(s for s in sections if s)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(TITLE)}</title><style>{_CSS}</style></head>\n"
        f"<body><main>\n{body}\n</main></body></html>\n"
    )


def _run_summary(text: str) -> str:
    if not text:
        return ""
    return f'<pre class="run">{escape(text)}</pre>'


def _plan_label(row: pd.Series) -> str:
    """Institution and period, with the file underneath: one institution may have several plans or
    the same plan in two formats."""
    name = row.get("institution") or row["plan_id"]
    period = row.get("period", "")
    label = escape(name) + (f' <span class="period">{escape(period)}</span>' if period else "")
    return label + f'<br><span class="file">{escape(row["source_file"])}</span>'


def _heatmap(data: ReportData) -> str:
    rec_ids = data.rec_ids
    titles = dict(zip(data.recommendations["rec_id"], data.recommendations["short_title"], strict=False))
    coverage = data.coverage
    head = "".join(f'<th scope="col" title="{escape(titles.get(r, ""))}">{escape(r)}</th>' for r in rec_ids)
    if coverage.empty:
        return '<section><h2>Coverage</h2><p class="empty">No actions were extracted.</p></section>'
    peak = max(int(coverage[list(rec_ids)].to_numpy().max()), 1)
    rows = []
    for _, row in coverage.iterrows():
        cells = "".join(_heat_cell(int(row[r]), peak, f"{row['plan_id']} {r}") for r in rec_ids)
        rows.append(
            f'<tr data-plan-id="{escape(row["plan_id"])}" data-source-file="{escape(row["source_file"])}">'
            f'<th scope="row">{_plan_label(row)}</th>'
            f'{cells}<td class="num total">{int(row["actions"])}</td></tr>'
        )
    totals = "".join(f'<td class="num">{int(coverage[r].sum())}</td>' for r in rec_ids)
    covering = "".join(f'<td class="num">{int((coverage[r] > 0).sum())}</td>' for r in rec_ids)
    return (
        "<section><h2>Coverage: actions per recommendation</h2>"
        "<p>One row per plan; a cell counts the plan's actions tagged with that recommendation "
        "(darker = more). Hover a column heading for the recommendation's title.</p>"
        '<div class="scroll"><table id="heatmap" class="heatmap">'
        f'<thead><tr><th scope="col">Plan</th>{head}<th scope="col">Actions</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody>"
        f'<tfoot><tr><th scope="row">All actions</th>{totals}'
        f'<td class="num total">{int(coverage["actions"].sum())}</td></tr>'
        f'<tr><th scope="row">Plans covering</th>{covering}<td></td></tr></tfoot>'
        "</table></div></section>"
    )


def _heat_cell(count: int, peak: int, label: str) -> str:
    if count == 0:
        return f'<td class="num zero" title="{escape(label)}: 0">0</td>'
    share = count / peak
    # from a pale to a deep blue; white text once the background is dark enough to need it
    start, end = (222, 235, 247), (8, 48, 107)
    rgb = tuple(round(a + (b - a) * (0.25 + 0.75 * share)) for a, b in zip(start, end, strict=True))
    colour = "#fff" if share > 0.45 else "#111"
    style = f"background:rgb{rgb};color:{colour}"
    return f'<td class="num" style="{style}" title="{escape(label)}: {count}">{count}</td>'


def _legend(recommendations: pd.DataFrame) -> str:
    items = "".join(
        f"<li><b>{escape(r.rec_id)}</b> {escape(r.short_title)}</li>" for r in recommendations.itertuples()
    )
    return f'<section><h2>Recommendations</h2><ol class="legend">{items}</ol></section>'


def _counts(counts: pd.DataFrame) -> str:
    groups = [("Themes", [*THEMES, NO_THEME]), ("Statuses", [*STATUSES, NO_STATUS])]
    top = '<th rowspan="2" scope="col">Plan</th><th rowspan="2" scope="col">Actions</th>' + "".join(
        f'<th colspan="{len(cols)}" scope="colgroup">{name}</th>' for name, cols in groups
    )
    top += '<th rowspan="2" scope="col">Need review</th>'
    sub = "".join(f'<th scope="col">{escape(c.replace("_", " "))}</th>' for _, cols in groups for c in cols)
    rows = []
    for _, row in counts.iterrows():
        cells = "".join(_count_cell(int(row[c])) for _, cols in groups for c in cols)
        rows.append(
            f'<tr data-plan-id="{escape(row["plan_id"])}" data-source-file="{escape(row["source_file"])}">'
            f'<th scope="row">{_plan_label(row)}</th>'
            f'<td class="num">{int(row["actions"])}</td>{cells}'
            f'<td class="num">{int(row["needs_review"])}</td></tr>'
        )
    return (
        "<section><h2>Per-plan counts</h2>"
        '<div class="scroll"><table id="plan-counts">'
        f"<thead><tr>{top}</tr><tr>{sub}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _count_cell(count: int) -> str:
    return f'<td class="num{" zero" if count == 0 else ""}">{count}</td>'


def _review(review: pd.DataFrame) -> str:
    noun = "action needs" if len(review) == 1 else "actions need"
    heading = f"<h2>Review queue: {len(review)} {noun} review</h2>"
    if review.empty:
        return f'<section id="review">{heading}<p class="empty">Nothing to review.</p></section>'
    shown = review.head(REVIEW_ROWS_SHOWN)
    rows = "".join(
        "<tr>"
        f'<td>{escape(r["institution"] or r["plan_id"])}<br><span class="file">{escape(r["plan_id"])}</span>'
        f"</td><td>{escape(r['ref'])}</td>"
        f'<td class="text">{escape(_shorten(r["action"]))}</td>'
        f"<td><b>{escape(r['rec_id'])}</b></td><td>{escape(r['rec_candidates'].replace(';', ' '))}</td>"
        f'<td class="num">{escape(str(r["match_score"]))}</td>'
        f'<td class="text">{escape(r["match_evidence"])}</td>'
        "</tr>"
        for _, r in shown.iterrows()
    )
    more = (
        f"<p>Showing the {len(shown)} lowest-scoring of {len(review)}; all are in review.csv.</p>"
        if len(review) > len(shown)
        else ""
    )
    return (
        f'<section id="review">{heading}'
        "<p>Lowest confidence first. To correct a tag, copy the row's first six columns of review.csv "
        "(<code>plan_id</code> to <code>note</code>) into data/overrides.csv, set the right "
        "<code>rec_id</code>, and refresh.</p>"
        '<div class="scroll"><table id="review-queue"><thead><tr><th>Plan</th><th>Ref</th><th>Action</th>'
        "<th>Tag</th><th>Candidates</th><th>Score</th><th>Evidence</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></div>{more}</section>"
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


_CSS = """
:root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#111;
background:#fafafa}
main{max-width:1400px;margin:0 auto;padding:1rem 1.5rem 3rem}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.lede{font-size:1.05rem}
.lede span{font-weight:700}
pre.run{background:#fff;border:1px solid #ddd;padding:.5rem;white-space:pre-wrap;font-size:.85rem}
.scroll{overflow-x:auto}
table{border-collapse:collapse;background:#fff;font-size:.85rem}
th,td{border:1px solid #ddd;padding:.25rem .45rem;vertical-align:top;text-align:left}
thead th{background:#f0f0f0;position:sticky;top:0}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.zero{color:#bbb}
td.total,tfoot td,tfoot th{font-weight:700}
.heatmap td.num{min-width:2.2rem;text-align:center}
.heatmap tbody th{min-width:12rem;max-width:22rem;font-weight:600}
#plan-counts tbody th{min-width:9rem;max-width:13rem;font-weight:600}
#plan-counts td.num{min-width:2.5rem}
.period{white-space:nowrap}
.file{word-break:break-all}
.period,.file{color:#666;font-weight:400;font-size:.8rem}
td.text{max-width:38rem}
.legend{columns:2;padding-left:1.2rem;margin:.3rem 0;list-style:none;font-size:.9rem}
.legend b{display:inline-block;min-width:2.4rem}
.empty{color:#555;font-style:italic}
""".strip()
