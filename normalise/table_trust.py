"""Which tables a plan is read from are likely misread: their extractor's calibrated score is low.

A PDF table's `RawTable.score` is the expected cell-adjacency F1 of its grid (fitted on measured
F1: see extract/pdf/table_score.py and the README's reliability table). Below `LOW_TABLE_SCORE`
the grid is more likely wrong than right, so the action rows read from it are named in a warning
with the page(s) and the score, for a person to check against the document.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import TableExplanation

# The score below which a grid more likely than not reads its table wrong (expected F1 < 0.5).
LOW_TABLE_SCORE = 0.5
# Evidence shown in the warning: the largest shares of these signs of a bad grid.
EVIDENCE_SHOWN = 3
_NOT_SIGNS = frozenset({"ruled_share", "few_rows", "unruled_few_rows"})


def low_score_warnings(tables: Sequence, explanations: Sequence[TableExplanation]) -> list[str]:  # noqa: ANN001
    """One warning per table that gave action records and scores below the line; `tables` are the
    document's raw tables, `explanations` index them in reading (`seq`) order."""
    ordered = sorted(tables, key=lambda t: t.seq)
    out = []
    for exp in explanations:
        if exp.records == 0 or exp.table_index >= len(ordered):
            continue
        table = ordered[exp.table_index]
        if table.score >= LOW_TABLE_SCORE:
            continue
        pages = sorted({r.page for r in table.rows if r.page is not None})
        where = (
            f"page {pages[0]}" if len(pages) == 1 else f"pages {pages[0]}-{pages[-1]}" if pages else "no page"
        )
        signs = sorted(((v, k) for k, v in table.evidence if k not in _NOT_SIGNS and v > 0), reverse=True)[
            :EVIDENCE_SHOWN
        ]
        shown = ", ".join(f"{k.removesuffix('_share').replace('_', ' ')} {v:.2f}" for v, k in signs)
        out.append(
            f"table {exp.table_index + 1} ({where}, {exp.extractor}) scores {table.score:.2f}: its grid is "
            f"more likely misread than not, check its {exp.records} action rows against the document"
            + (f" (evidence: {shown})" if shown else "")
        )
    return out
