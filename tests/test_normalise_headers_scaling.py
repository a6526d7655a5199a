"""Header matching grows linearly with a table's rows (issue 12, item 12): a 4,000-row Word table took
21.6 s against 7.4 s for 2,000 because every cell past the memo's size was fuzzy-matched again on
every pass. Counted in synonym comparisons, not seconds (benchmarks/docx_table_scaling.py times it)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from rapidfuzz import fuzz, process

from talentmap.extract import Document, RawRow, RawTable
from talentmap.normalise import headers, normalise

HEADER = ("Ref", "Action", "Lead", "Timescale", "Status")


def table_document(rows: int) -> Document:
    action = "Support technicians with a training plan for the new equipment, item {}"
    body = [RawRow((f"{i}.1", action.format(i), "HR", "2025", "Green")) for i in range(1, rows + 1)]
    return Document(
        source="big.docx", kind="docx", tables=(RawTable(rows=(RawRow(HEADER), *body), extractor="docx"),)
    )


def comparisons(monkeypatch: pytest.MonkeyPatch, rows: int) -> int:
    """Synonym comparisons made while normalising a table of `rows` rows: per-pair scorer calls,
    plus every pair a vectorised pass scores."""
    count = [0]

    def counted(scorer):  # noqa: ANN001, ANN202
        def call(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            count[0] += 1
            return scorer(*args, **kwargs)

        return call

    def cdist(queries, choices, *, scorer, **kwargs):  # noqa: ANN001, ANN003, ANN202
        count[0] += len(queries) * len(choices)
        real = {counted_ratio: fuzz.ratio, counted_sort: fuzz.token_sort_ratio}.get(scorer, scorer)
        return process.cdist(queries, choices, scorer=real, **kwargs)

    counted_ratio, counted_sort = counted(fuzz.ratio), counted(fuzz.token_sort_ratio)
    monkeypatch.setattr(headers, "fuzz", SimpleNamespace(ratio=counted_ratio, token_sort_ratio=counted_sort))
    monkeypatch.setattr(headers, "process", SimpleNamespace(cdist=cdist), raising=False)
    headers._header_matches.cache_clear()
    plan = normalise(table_document(rows), file_stem="big")
    assert len(plan.records) == rows
    return count[0]


def test_header_matching_work_per_row_does_not_grow_with_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = comparisons(monkeypatch, 1000), comparisons(monkeypatch, 4000)
    assert large / 4000 <= 1.2 * small / 1000, (small, large)
