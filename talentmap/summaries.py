"""The analyst's tables derived from the final rows: coverage, plans, review queue, recommendations.

Each is a pure function of actions.csv (as a string DataFrame) and the run's per-file facts, so the
report can be rebuilt from the files in data/processed alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

import pandas as pd

from talentmap.normalise.model import STATUSES, THEMES

from .datapackage import DEFAULT_REC_IDS, companion_columns
from .identity import unique_plan_ids

PREFIX_MIN_CHARS = 40
NO_THEME = "(no theme)"
NO_STATUS = "(no status)"


class PlanFacts(Protocol):
    """What plans.csv needs of a processed file (`pipeline.FileResult` has it)."""

    source_file: str
    plan_id: str
    institution: str
    period: str
    rows: tuple[dict[str, str], ...]
    extractors: tuple[str, ...]
    unmapped_columns: tuple[str, ...]
    warnings: tuple[str, ...]


class FailedFile(Protocol):
    """A file that could not be processed (`batch.FileError` has it)."""

    source_file: str
    stage: str
    error: str


def column_names(file_name: str, rec_ids: Sequence[str] = DEFAULT_REC_IDS) -> list[str]:
    """The columns of a companion CSV, as datapackage.json declares them (one source of truth)."""
    return [doc.name for doc in companion_columns(rec_ids)[file_name]]


# -- recommendations.csv -----------------------------------------------------------------------


def recommendations_frame() -> pd.DataFrame:
    """The 16 main recommendations with their targeted ones, for joining actions.csv on `rec_id`."""
    from talentmap.mapping import load_reference

    reference = load_reference()
    rows = [
        {
            "rec_id": rec.rec_id,
            "short_title": rec.short_title,
            "text": rec.text,
            "targeted": "; ".join(
                f"{t.target_id}: {t.text.strip()}" for t in reference.targeted if t.rec_id == rec.rec_id
            ),
        }
        for rec in reference.recommendations
    ]
    return pd.DataFrame(rows, columns=column_names("recommendations.csv")).fillna("")


def rec_ids_of(recommendations: pd.DataFrame) -> tuple[str, ...]:
    ids = tuple(recommendations["rec_id"]) if len(recommendations) else ()
    return ids or DEFAULT_REC_IDS


# -- coverage.csv ------------------------------------------------------------------------------


def coverage_frame(actions: pd.DataFrame, rec_ids: Sequence[str] = DEFAULT_REC_IDS) -> pd.DataFrame:
    """One row per plan, one count column per recommendation; `unmatched` + R counts = `actions`."""
    columns = column_names("coverage.csv", rec_ids)
    rows = []
    for (plan_id, source_file), plan in actions.groupby(["plan_id", "source_file"], sort=False):
        counts = plan["rec_id"].value_counts()
        row = {
            "plan_id": plan_id,
            "source_file": source_file,
            "institution": _first(plan["institution"]),
            "period": _first(plan["period"]),
            **{rec: int(counts.get(rec, 0)) for rec in rec_ids},
            "unmatched": int((~plan["rec_id"].isin(rec_ids)).sum()),
            "actions": len(plan),
        }
        rows.append(row)
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values("source_file", kind="stable").reset_index(drop=True)


def _first(values: pd.Series) -> str:
    present = [v for v in values if v]
    return present[0] if present else ""


# -- review.csv --------------------------------------------------------------------------------


def review_frame(actions: pd.DataFrame) -> pd.DataFrame:
    """Rows that need a human look, with what an override in data/overrides.csv needs, lowest score first."""
    columns = column_names("review.csv")
    wanted = actions["needs_review"] == "true"
    # prefixes are unique among all the plan's actions, not only the queued ones
    queue = actions[wanted].assign(action_prefix=action_prefixes(actions)[wanted])
    score = pd.to_numeric(queue["match_score"], errors="coerce")
    queue = queue.assign(_score=score).sort_values(["_score", "source_file"], kind="stable")
    queue = queue.assign(note="")
    return queue[columns].reset_index(drop=True)


def action_prefixes(actions: pd.DataFrame) -> pd.Series:
    """For each row, the shortest word-boundary start of its action (>= PREFIX_MIN_CHARS) that no other
    action of the same plan and ref shares, so an override picks out exactly one row.

    In sorted order every text sharing a prefix with a row forms one run around it, so comparing with
    the two sorted neighbours is enough (linear, not quadratic, in the plan's size)."""
    texts = actions["action"].map(_squash)
    prefixes: dict[object, str] = {}
    for _, group in texts.groupby([actions["plan_id"], actions["ref"]], sort=False):
        ordered = sorted(group.items(), key=lambda item: item[1])
        for pos, (index, text) in enumerate(ordered):
            neighbours = [ordered[p][1] for p in (pos - 1, pos + 1) if 0 <= p < len(ordered)]
            prefixes[index] = unique_prefix(text, neighbours)
    return pd.Series(prefixes, dtype=object).reindex(actions.index)


def unique_prefix(text: str, others: Sequence[str], min_chars: int = PREFIX_MIN_CHARS) -> str:
    words = text.split(" ")
    prefix = ""
    for count in range(1, len(words) + 1):
        prefix = " ".join(words[:count])
        if len(prefix) >= min_chars and not any(o.startswith(prefix) for o in others):
            return prefix
    return prefix


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", str(text)).strip()


# -- plans.csv ---------------------------------------------------------------------------------


def plans_frame(results: Sequence[PlanFacts], errors: Sequence[FailedFile]) -> pd.DataFrame:
    """One row per source file, failed ones first, then the plans with most to review."""
    rows = [_plan_row(result) for result in results]
    ids = unique_plan_ids([*(r.source_file for r in results), *(e.source_file for e in errors)])
    rows += [
        {
            "plan_id": ids[error.source_file],
            "source_file": error.source_file,
            "institution": "",
            "period": "",
            "actions": 0,
            "needs_review": 0,
            "review_share": None,  # no actions: no share, an empty cell
            "extractors": "",
            "unmapped_columns": "",
            "stage": error.stage,
            "error": error.error,
            "warnings": "",
        }
        for error in errors
    ]
    frame = pd.DataFrame(rows, columns=column_names("plans.csv"))
    frame["review_share"] = frame["review_share"].astype("Float64")
    order = frame.assign(_failed=frame["error"] != "", _share=frame["review_share"].fillna(0))
    order = order.sort_values(
        ["_failed", "_share", "source_file"], ascending=[False, False, True], kind="stable"
    )
    return order[frame.columns].reset_index(drop=True)


def _plan_row(result: PlanFacts) -> dict[str, object]:
    review = sum(1 for row in result.rows if row.get("needs_review") == "true")
    return {
        "plan_id": result.plan_id,
        "source_file": result.source_file,
        "institution": result.institution,
        "period": result.period,
        "actions": len(result.rows),
        "needs_review": review,
        "review_share": round(review / len(result.rows), 3) if result.rows else 0.0,
        "extractors": "; ".join(result.extractors),
        "unmapped_columns": "; ".join(result.unmapped_columns),
        "stage": "",
        "error": "",
        "warnings": " | ".join(result.warnings),
    }


# -- per-plan counts for the report ------------------------------------------------------------


def plan_counts_frame(actions: pd.DataFrame) -> pd.DataFrame:
    """Per plan: actions, each theme, each status and the review count (the report's counts table)."""
    rows = []
    for (plan_id, source_file), plan in actions.groupby(["plan_id", "source_file"], sort=False):
        themes = plan["theme"].where(plan["theme"].isin(THEMES), NO_THEME).value_counts()
        statuses = plan["status"].where(plan["status"].isin(STATUSES), NO_STATUS).value_counts()
        rows.append(
            {
                "plan_id": plan_id,
                "source_file": source_file,
                "institution": _first(plan["institution"]),
                "period": _first(plan["period"]),
                "actions": len(plan),
                **{t: int(themes.get(t, 0)) for t in (*THEMES, NO_THEME)},
                **{s: int(statuses.get(s, 0)) for s in (*STATUSES, NO_STATUS)},
                "needs_review": int((plan["needs_review"] == "true").sum()),
            }
        )
    columns = [
        "plan_id",
        "source_file",
        "institution",
        "period",
        "actions",
        *THEMES,
        NO_THEME,
        *STATUSES,
        NO_STATUS,
    ]
    frame = pd.DataFrame(rows, columns=[*columns, "needs_review"])
    return frame.sort_values("source_file", kind="stable").reset_index(drop=True)
