"""A .docx whose paragraph styles are based on each other in a cycle (A -> B -> A) must be read, not
loop for ever in the list-numbering lookup (issue 12, item 7). The fixture is built here."""

from __future__ import annotations

import signal
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE

from talentmap.extract import extract_document


def cyclic_styles_docx(path: Path) -> Path:
    document = docx.Document()
    first = document.styles.add_style("Cycle A", WD_STYLE_TYPE.PARAGRAPH)
    second = document.styles.add_style("Cycle B", WD_STYLE_TYPE.PARAGRAPH)
    first.base_style = second
    second.base_style = first  # python-docx writes what it is told: a cycle
    document.add_paragraph("Recruit two apprentices", style="Cycle A")
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Action", "Lead"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "Publish a newsletter", "HR"
    document.save(path)
    return path


def test_styles_based_on_each_other_in_a_cycle_are_read(tmp_path: Path) -> None:
    path = cyclic_styles_docx(tmp_path / "cycle.docx")

    def hung(*_: object) -> None:
        raise TimeoutError("the numbering lookup loops over the style cycle")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)  # a guard against hanging the suite, not a measurement
    try:
        document = extract_document(path)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert [line.text for line in document.lines] == ["Recruit two apprentices"]
    assert document.lines[0].list_label == ""
    assert document.tables[0].rows[1].cells == ("Publish a newsletter", "HR")
