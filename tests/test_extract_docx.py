"""The .docx reader: grid-faithful tables, text outside tables in order, Word list numbers, size limits."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from talentmap.extract import ExtractionError, extract_document
from talentmap.extract.docx.reader import MAX_PART_BYTES


def _plan(path: Path) -> Path:
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = "Technician Commitment"
    doc.add_paragraph("University of Testshire Action Plan 2022-2025")
    table = doc.add_table(rows=4, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Ref", "Objective", "Action"), strict=True):
        cell.text = text
    table.cell(1, 1).merge(table.cell(3, 1)).text = "Shared objective"
    for r, (ref, action) in enumerate((("1.1", "First"), ("1.2", "Second"), ("1.3", "Third")), start=1):
        table.cell(r, 0).text = ref
        table.cell(r, 2).text = action
    doc.add_paragraph("Text after the table")
    doc.add_paragraph("Numbered one", style="List Number")
    doc.add_paragraph("Numbered two", style="List Number")
    out = path / "plan.docx"
    doc.save(out)
    return out


def test_vertically_merged_cell_repeats_on_every_row(tmp_path: Path) -> None:
    table = extract_document(_plan(tmp_path)).tables[0]
    assert [r.cells for r in table.rows] == [
        ("Ref", "Objective", "Action"),
        ("1.1", "Shared objective", "First"),
        ("1.2", "Shared objective", "Second"),
        ("1.3", "Shared objective", "Third"),
    ]
    assert table.extractor == "docx"
    assert all(r.page is None for r in table.rows)


def test_horizontally_merged_cell_fills_each_grid_column(tmp_path: Path) -> None:
    doc = docx.Document()
    table = doc.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Visibility"
    for c, text in enumerate(("V1", "Act", "Measure")):
        table.cell(1, c).text = text
    doc.save(tmp_path / "h.docx")
    rows = [r.cells for r in extract_document(tmp_path / "h.docx").tables[0].rows]
    assert rows == [("Visibility",) * 3, ("V1", "Act", "Measure")]


def test_text_lines_keep_reading_order_around_tables(tmp_path: Path) -> None:
    document = extract_document(_plan(tmp_path))
    texts = [(line.text, line.style) for line in document.lines]
    assert texts[0] == ("Technician Commitment", "header")
    assert texts[1][0] == "University of Testshire Action Plan 2022-2025"
    table_seq = document.tables[0].seq
    before = [line.text for line in document.lines if line.seq < table_seq]
    after = [line.text for line in document.lines if line.seq > table_seq]
    assert "University of Testshire Action Plan 2022-2025" in before
    assert after[0] == "Text after the table"


def test_word_list_numbering_is_rendered_as_label(tmp_path: Path) -> None:
    lines = extract_document(_plan(tmp_path)).lines
    numbered = [(line.list_label, line.text) for line in lines if line.list_label]
    assert numbered == [("1.", "Numbered one"), ("2.", "Numbered two")]


def test_multi_paragraph_cell_keeps_one_line_per_paragraph(tmp_path: Path) -> None:
    doc = docx.Document()
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text, table.cell(1, 0).text = "Ref", "Action", "1"
    cell = table.cell(1, 1)
    cell.text = "*First bullet"
    cell.add_paragraph("*Second  bullet ")
    doc.save(tmp_path / "b.docx")
    assert extract_document(tmp_path / "b.docx").tables[0].rows[1].cells == (
        "1",
        "*First bullet\n*Second bullet",
    )


def test_zip_without_word_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(ExtractionError, match="no word/document.xml"):
        extract_document(path)


def test_oversized_part_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<" + b" " * (MAX_PART_BYTES + 10))
    with pytest.raises(ExtractionError, match="refused"):
        extract_document(path)


def test_table_nested_in_a_layout_table_is_read(tmp_path: Path) -> None:
    doc = docx.Document()
    frame = doc.add_table(rows=1, cols=1).cell(0, 0)
    frame.paragraphs[0].text = "Harbour University action plan 2024-2027"
    inner = frame.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Ref", (0, 1): "Action", (1, 0): "1", (1, 1): "Do it"}.items():
        inner.cell(r, c).text = text
    doc.save(tmp_path / "nested.docx")
    document = extract_document(tmp_path / "nested.docx")
    assert [r.cells for r in document.tables[0].rows] == [("Ref", "Action"), ("1", "Do it")]
    assert len(document.tables) == 1
    assert document.lines[0].text == "Harbour University action plan 2024-2027"
