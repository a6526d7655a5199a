"""What the normalise stage hands on: action records in the contract's schema, and how it decided."""

from __future__ import annotations

from dataclasses import dataclass, field

THEMES = ("Visibility", "Recognition", "Career Development", "Sustainability")
STATUSES = ("complete", "on_track", "at_risk", "delayed", "not_started")


@dataclass(frozen=True)
class ActionRecord:
    """One action as the contract's `actions.csv` describes it (before mapping).

    `extra` holds every column that maps to no schema field, under the plan's own header, in
    column order.
    """

    row: int
    action: str
    page: int | None = None
    theme: str = ""
    ref: str = ""
    objective: str = ""
    measure: str = ""
    lead: str = ""
    timescale: str = ""
    status: str = ""
    status_raw: str = ""
    progress: str = ""
    extra: tuple[tuple[str, str], ...] = ()
    stated_rec: str = ""
    extractor: str = ""


@dataclass(frozen=True)
class ColumnDecision:
    """How one printed header was understood: the field it feeds and why (for --explain)."""

    header: str
    field: str  # a schema field name, or "extra"
    how: str  # e.g. "synonym 'Owner'", "fuzzy 93 'Measure of success'", "content: refs"


@dataclass(frozen=True)
class TableExplanation:
    table_index: int
    extractor: str
    columns: tuple[ColumnDecision, ...]
    records: int


@dataclass(frozen=True)
class Plan:
    """A normalised plan: plan-level facts plus its action records."""

    institution: str
    period: str
    records: tuple[ActionRecord, ...]
    legend: tuple[tuple[str, str], ...] = ()  # printed status code/word -> normalised status
    explanations: tuple[TableExplanation, ...] = ()
    notes: tuple[str, ...] = field(default=())
    # what a person should check: tables read from a grid that scores low (page and score named)
    warnings: tuple[str, ...] = field(default=())
