"""The PDF table score: the evidence a grid shows, the calibrated score read from it, its fit, and
the warning a plan gives when it is read from a low-scoring grid."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from talentmap.extract.model import Document, RawRow, RawTable
from talentmap.extract.pdf.grid import GridCell, PageGrid, fill_grid
from talentmap.extract.pdf.grid_evidence import GridEvidence, combine, grid_evidence
from talentmap.extract.pdf.page import Word
from talentmap.extract.pdf.table_score import LOW_SCORE, score_model, table_score
from talentmap.normalise import explain_text, normalise

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import table_score_calibration as calibration  # noqa: E402

SIZE = 10.0


def word(text: str, x0: float, top: float) -> Word:
    return Word(text, x0, x0 + 6 * len(text), top, top + SIZE, SIZE)


def grid(col_edges: list[float], row_edges: list[float], ruled: bool = True) -> PageGrid:
    cells = tuple(
        GridCell(r, r + 1, c, c + 1, col_edges[c], row_edges[r], col_edges[c + 1], row_edges[r + 1])
        for r in range(len(row_edges) - 1)
        for c in range(len(col_edges) - 1)
    )
    return PageGrid(1, "test", len(row_edges) - 1, len(col_edges) - 1, cells, ruled=ruled)


def evidence_of(g: PageGrid, words: list[Word]) -> GridEvidence:
    return grid_evidence(g, fill_grid(g, words, 1.5), words)


HEADER = [word("Ref", 5, 4), word("Value", 105, 4)]


def test_a_grid_holding_its_words_shows_no_bad_sign():
    g = grid([0, 100, 200], [0, 20, 40, 60])
    words = [*HEADER, word("A1", 5, 24), word("one", 105, 24), word("A2", 5, 44), word("two", 105, 44)]
    ev = evidence_of(g, words)
    assert (ev.zone_words, ev.filled_cells, ev.cells, ev.rows, ev.columns) == (6, 6, 6, 3, 2)
    assert ev.beside_words == ev.lost_words == ev.split_words == ev.stacked_rows == ev.merged_rows == 0
    assert table_score(ev) > LOW_SCORE


def test_the_sliver_rows_of_double_rules_are_not_empty_cells():
    """Each row rule drawn twice, 2 pt apart: the grid has a row printing nothing between the
    strokes, which the table read drops; its cells are no empty cells of the table."""
    g = grid([0, 100, 200], [0, 20, 22, 40, 42, 60])
    words = [*HEADER, word("A1", 5, 25), word("one", 105, 25), word("A2", 5, 45), word("two", 105, 45)]
    ev = evidence_of(g, words)
    assert (ev.cells, ev.filled_cells, ev.rows) == (6, 6, 3)
    assert ev.features()["empty_cell_share"] == 0


def test_words_beside_the_grid_and_across_a_column_boundary_are_counted():
    g = grid([0, 100, 200], [0, 20, 40])
    across = word("boundary", 80, 24)  # centre in the first column, box over the column line
    beside = word("note", 260, 24)
    ev = evidence_of(g, [*HEADER, across, word("x", 150, 24), beside])
    assert (ev.split_words, ev.beside_words) == (1, 1)
    assert ev.features()["split_share"] == pytest.approx(1 / 5)


def test_rows_stacking_values_on_shared_baselines_are_unsplit_rows():
    """Three one-value lines in each cell of a row, on the same baselines: each line is a row."""
    g = grid([0, 100, 200], [0, 20, 60])
    stacked = [word(t, x, top) for top in (22, 34, 46) for t, x in ((f"{top}", 5), (f"{top * 2}", 105))]
    assert evidence_of(g, [*HEADER, *stacked]).stacked_rows == 1


def test_wrapped_sentences_in_a_real_row_are_not_stacked_rows():
    g = grid([0, 200, 400], [0, 20, 60])
    sentence = ["deliver", "training", "for", "all", "technical", "staff"]
    left = [word(t, 5 + 30 * i, top) for top in (22, 34, 46) for i, t in enumerate(sentence[:5])]
    right = [word(t, 205 + 30 * i, top) for top in (22, 34) for i, t in enumerate(sentence[:5])]
    assert evidence_of(g, [*HEADER, *left, *right]).stacked_rows == 0


def test_a_column_whose_lines_pause_at_one_x_holds_two_columns():
    """Action text and its lead printed in one column, a gutter between them on every line."""
    g = grid([0, 40, 400], [0, 20, 80], ruled=False)
    lines = [
        [word("Run", 45, top), word("training", 70, top), word("HR", 300, top)] for top in (22, 34, 46, 58)
    ]
    assert evidence_of(g, [*HEADER, *(w for line in lines for w in line)]).gutter_columns == 1


def test_wide_spaces_of_justified_text_do_not_line_up_into_a_gutter():
    g = grid([0, 40, 400], [0, 20, 80], ruled=False)

    def line(top: float, wide_after: int) -> list[Word]:
        """Eight words 2 pt apart but one space stretched to 9 pt (0.9 of the type size)."""
        out, x = [], 45.0
        for k in range(8):
            out.append(word("ab", x, top))
            x += 12 + (9 if k == wide_after else 2)
        return out

    lines = [line(top, k) for top, k in ((22, 1), (34, 3), (46, 5), (58, 6))]
    assert evidence_of(g, [*HEADER, *(w for line in lines for w in line)]).gutter_columns == 0


def test_a_logical_tables_evidence_is_the_sum_of_its_pages():
    a = GridEvidence(zone_words=10, split_words=1, rows=4, ruled_pieces=1)
    b = GridEvidence(zone_words=30, split_words=3, rows=6)
    total = combine([a, b])
    assert (total.zone_words, total.split_words, total.rows, total.pieces, total.ruled_pieces) == (
        40,
        4,
        10,
        2,
        1,
    )
    assert total.features()["split_share"] == pytest.approx(0.1)
    assert total.features()["ruled_share"] == pytest.approx(0.5)


def test_the_shipped_score_never_rises_with_a_sign_of_a_bad_grid():
    model = score_model()
    signed = {name for name, sign in calibration.SIGNS.items() if sign < 0}
    assert {name for name, _ in model.weights} == set(calibration.SIGNS)
    assert all(w <= 0 for name, w in model.weights if name in signed)
    clean = GridEvidence(zone_words=100, cells=20, filled_cells=20, rows=10, columns=2, printed_columns=2)
    prose = replace(clean, prose_columns=2)
    collapsed = replace(clean, stacked_rows=10, rows=10)
    assert table_score(prose) < table_score(clean) and table_score(collapsed) <= table_score(clean)
    assert table_score(replace(clean, filled_cells=4)) < LOW_SCORE < table_score(clean)


def test_read_pdf_gives_each_table_its_score_and_evidence():
    from talentmap.extract import extract_document

    pdf = next(p for p in sorted((Path(__file__).parent / "fixtures" / "pdf").glob("*.pdf")))
    doc = extract_document(pdf)
    assert doc.tables
    for t in doc.tables:
        evidence = dict(t.evidence)
        assert set(evidence) == set(calibration.SIGNS)
        assert t.score == pytest.approx(score_model().score(evidence), abs=2e-3)


# -- the fit (benchmarks/table_score_calibration.py) on pairs of its own ------------------------


def pairs(n: int = 60) -> list[calibration.Pair]:
    """Bad grids have empty cells (F1 falls with them); `ruled_share` is noise; `few_rows` is made
    to rise with F1 here, against its declared sign, so the fit must hold it at 0."""
    out = []
    for i in range(n):
        empty = (i % 10) / 10
        few = 1.0 - empty
        f1 = max(0.0, min(1.0, 1.0 - empty))
        feats = {"empty_cell_share": empty, "few_rows": few, "ruled_share": float(i % 2)}
        out.append(calibration.Pair("test", f"doc{i // 3}", str(i), feats, f1))
    return out


def test_the_fit_keeps_every_signed_coefficient_on_its_side():
    intercept, weights = calibration.fit(pairs())
    assert weights["empty_cell_share"] < -1.0
    assert weights["few_rows"] == 0.0  # it pointed the wrong way: held at 0, the rest refitted
    assert calibration.predict(intercept, weights, {"empty_cell_share": 0.9}) < 0.3
    assert calibration.predict(intercept, weights, {"empty_cell_share": 0.0}) > 0.8


def test_held_out_scores_come_from_models_without_the_documents_fold():
    ps = pairs()
    held = calibration.held_out(ps, folds=5)
    assert len(held) == len(ps)
    folds = {calibration.fold_of(p.doc, 5) for p in ps}
    assert len(folds) > 1  # documents spread over folds; one document never in two
    assert all(calibration.fold_of(p.doc, 5) == calibration.fold_of(p.doc, 5) for p in ps)


def test_reliability_bands_count_tables_and_bad_grids():
    rows = calibration.reliability([0.1, 0.15, 0.9, 0.97], [0.0, 0.6, 0.9, 0.2])
    by_band = {band: (n, bad) for band, n, _, _, bad in rows}
    assert by_band["0.00-0.20"] == (2, 0.5)
    assert by_band["0.80-0.95"] == (1, 0.0)
    assert by_band["0.95-1.00"] == (1, 1.0)
    summary = calibration.summary([0.1, 0.15, 0.9, 0.97], [0.0, 0.6, 0.9, 0.2], 0.5)
    assert (summary["bad"], summary["high_but_bad"], summary["caught"], summary["good_flagged"]) == (
        2,
        1,
        1,
        1,
    )


def test_the_report_is_written_between_the_readme_markers(tmp_path: Path):
    readme = tmp_path / "README.md"
    readme.write_text(f"intro\n{calibration.MARK_START}\nold\n{calibration.MARK_END}\nafter\n")
    calibration.write_readme(readme, "new table\n")
    assert (
        readme.read_text() == f"intro\n{calibration.MARK_START}\nnew table\n{calibration.MARK_END}\nafter\n"
    )


# -- the normaliser acts on it -----------------------------------------------------------------

LONG_A = "Run an annual technician showcase event across every faculty of the university"
LONG_B = "Publish a technical career pathway framework with clear progression routes"


def plan_document(score: float) -> Document:
    rows = (
        RawRow(("Ref", "Action", "Lead"), 3),
        RawRow(("1.1", LONG_A, "Head of Technical Services"), 3),
        RawRow(("1.2", LONG_B, "HR Business Partner"), 4),
    )
    evidence = (("empty_cell_share", 0.41), ("merged_row_share", 0.2), ("few_rows", 0.67))
    table = RawTable(rows=rows, extractor="text-columns", seq=1, score=score, evidence=evidence)
    return Document(source="plan.pdf", kind="pdf", tables=(table,), pages=4)


def test_a_plan_read_from_a_low_scoring_grid_warns_with_page_and_score():
    plan = normalise(plan_document(0.31))
    assert len(plan.records) == 2
    (warning,) = plan.warnings
    assert "table 1 (pages 3-4, text-columns) scores 0.31" in warning
    assert "2 action rows" in warning and "empty cell 0.41" in warning and "few rows" not in warning
    assert f"warning: {warning}" in explain_text(plan)


def test_a_plan_read_from_a_trusted_grid_has_no_warning():
    assert normalise(plan_document(0.9)).warnings == ()


def test_plans_csv_carries_the_warnings():
    from talentmap.pipeline import FileResult
    from talentmap.summaries import plans_frame

    result = FileResult("plan.pdf", "plan", "", "", (), warnings=("table 1 (page 3) scores 0.31", "w2"))
    frame = plans_frame([result], [])
    assert list(frame.columns)[-1] == "warnings"
    assert frame.loc[0, "warnings"] == "table 1 (page 3) scores 0.31 | w2"


def test_the_pipeline_hands_the_plans_warnings_on_and_extract_prints_them(
    tmp_path: Path, monkeypatch, capsys
):
    import talentmap.pipeline as pipeline
    from talentmap.cli import main

    monkeypatch.setattr(pipeline, "extract_document", lambda path, reader: plan_document(0.31))
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    result = pipeline.process_file(pdf, "plan.pdf")
    assert len(result.rows) == 2 and len(result.warnings) == 1
    assert "scores 0.31" in result.warnings[0]
    assert main(["extract", str(pdf), "--out", str(tmp_path / "out.csv")]) == 0
    assert f"talentmap: plan.pdf: warning: {result.warnings[0]}" in capsys.readouterr().err
