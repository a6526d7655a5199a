"""The columns of actions.csv, in contract order (shared/CONTRACT.md); new ones are only appended."""

from __future__ import annotations

import re
from pathlib import PurePath

CONTRACT_COLUMNS = (
    "plan_id",
    "institution",
    "period",
    "source_file",
    "page",
    "row",
    "theme",
    "ref",
    "objective",
    "action",
    "measure",
    "lead",
    "timescale",
    "status",
    "status_raw",
    "progress",
    "extra",
    "stated_rec",
    "rec_id",
    "rec_candidates",
    "target_id",
    "match_score",
    "match_method",
    "needs_review",
    "extractor",
)
ADDED_COLUMNS = ("match_evidence", "rec_secondary")
COLUMNS = CONTRACT_COLUMNS + ADDED_COLUMNS


def plan_id_for(path: str | PurePath) -> str:
    """The contract's plan id: file name without extension, lower-cased, non-alphanumerics -> '_'."""
    return re.sub(r"[^0-9a-z]", "_", PurePath(path).stem.lower())
