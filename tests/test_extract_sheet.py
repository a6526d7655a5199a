# ruff: noqa: E501 - page and sheet sources are kept as printed
"""Spreadsheets -> Document: every visible sheet, title rows as text, merged cells repeated."""

import zipfile
from pathlib import Path

import openpyxl
import pytest

from talentmap.extract import ExtractionError, extract_document
from talentmap.normalise import normalise


def _workbook(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws.append(["Brackenfield University \u2013 Technician Commitment action plan 2023-2026"])
    ws.append([])
    ws.append(["Theme", "Ref", "Action", "Lead", "RAG"])
    ws.append(["Visibility", 1.0, "Launch a web page for technical teams", "Head of Technical Services", "G"])
    ws.append([None, 2.0, "Hold a yearly showcase of technical work", "Comms team", "A"])
    ws.append(["Recognition", 3.0, "Pay professional registration fees", "HR", "R"])
    ws.merge_cells("A4:A5")
    ws.merge_cells("A1:E1")  # the title merged across the sheet is still one title line
    key = wb.create_sheet("Key")
    key.append(["Code", "Meaning"])
    for row in (["G", "On track"], ["A", "At risk"], ["R", "Delayed"]):
        key.append(row)
    notes = wb.create_sheet("Notes")
    notes.append(["Reviewed by the steering group each term."])
    notes.append(["Contact the technical services office with questions."])
    hidden = wb.create_sheet("Old")
    hidden.append(["Action", "Lead"])
    hidden.append(["A withdrawn action nobody sees", "Nobody"])
    hidden.sheet_state = "hidden"
    wb.save(path)


def test_xlsx_sheets_title_rows_and_merged_cells(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    _workbook(path)
    doc = extract_document(path)
    assert doc.kind == "xlsx"
    texts = [ln.text for ln in doc.lines]
    assert "Brackenfield University \u2013 Technician Commitment action plan 2023-2026" in texts
    assert "Reviewed by the steering group each term." in texts  # a one-column sheet is notes
    plan_rows = [r.cells for r in doc.tables[0].rows]
    assert plan_rows[0] == ("Theme", "Ref", "Action", "Lead", "RAG")
    assert [r[0] for r in plan_rows[1:]] == ["Visibility", "Visibility", "Recognition"]
    assert [r[1] for r in plan_rows[1:]] == ["1", "2", "3"]
    assert not any("withdrawn" in c for t in doc.tables for r in t.rows for c in r.cells)


def test_xlsx_plan_sheet_is_read_and_the_key_sheet_is_the_legend(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    _workbook(path)
    plan = normalise(extract_document(path))
    assert plan.institution == "Brackenfield University"
    assert plan.period == "2023-2026"
    assert [(r.theme, r.ref, r.status) for r in plan.records] == [
        ("Visibility", "1", "on_track"),
        ("Visibility", "2", "at_risk"),
        ("Recognition", "3", "delayed"),
    ]


ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="Action plan">
<table:table-row><table:table-cell><text:p>Pillar</text:p></table:table-cell>
<table:table-cell><text:p>Action</text:p></table:table-cell><table:table-cell><text:p>Owner</text:p></table:table-cell>
<table:table-cell table:number-columns-repeated="1020"/></table:table-row>
<table:table-row><table:table-cell table:number-rows-spanned="2"><text:p>Career development</text:p></table:table-cell>
<table:table-cell><text:p>Map career paths</text:p><text:p>for<text:s/> <text:span>every</text:span> role</text:p></table:table-cell>
<table:table-cell><text:p>HR</text:p></table:table-cell></table:table-row>
<table:table-row><table:covered-table-cell/><table:table-cell><text:p>Fund training days</text:p></table:table-cell>
<table:table-cell table:number-columns-spanned="2"><text:p>Deans</text:p></table:table-cell><table:covered-table-cell/></table:table-row>
<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>
"""


def test_ods_spans_repeats_and_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "plan.ods"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", ODS_CONTENT)
    doc = extract_document(path)
    assert [ln.text for ln in doc.lines] == ["Action plan"]
    assert [r.cells for r in doc.tables[0].rows] == [
        ("Pillar", "Action", "Owner", ""),
        ("Career development", "Map career paths\nfor every role", "HR", ""),
        ("Career development", "Fund training days", "Deans", "Deans"),
    ]


def test_csv_encoding_and_delimiter_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    text = 'Ref;Action;Lead\n1;Run a technicians\u2019 forum;HR\n2;"Publish a report; yearly";Dean\n'
    path.write_bytes(text.encode("cp1252"))
    doc = extract_document(path)
    assert [r.cells for r in doc.tables[0].rows] == [
        ("Ref", "Action", "Lead"),
        ("1", "Run a technicians\u2019 forum", "HR"),
        ("2", "Publish a report; yearly", "Dean"),
    ]


def test_csv_with_utf8_bom_and_commas(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_bytes("\ufeffAction,Owner\nCr\u00e9er un r\u00e9seau,HR\n".encode("utf-8"))
    doc = extract_document(path)
    assert doc.tables[0].rows[0].cells == ("Action", "Owner")
    assert doc.tables[0].rows[1].cells == ("Cr\u00e9er un r\u00e9seau", "HR")


def test_xlsx_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (8 * 2**20))
    with pytest.raises(ExtractionError, match="zip bomb"):
        extract_document(path)


def test_a_non_zip_xlsx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_text("Action,Lead\n")
    with pytest.raises(ExtractionError, match="not an Excel .xlsx workbook"):
        extract_document(path)


def test_a_guidance_sheet_describing_the_plan_columns_is_not_an_action(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    guide = wb.active
    guide.title = "Guidance"
    guide.append(["How to fill in the plan"])
    guide.append(["Column", "What to enter"])
    guide.append(["Action", "Describe the action the team will take, in a sentence or two."])
    guide.append(["Lead", "Name the person or group who owns the action."])
    guide.append(["Deadline", "Give the month and year the action will be done by."])
    plan_sheet = wb.create_sheet("Plan")
    plan_sheet.append(["Ref", "Action", "Lead", "Deadline"])
    plan_sheet.append(
        ["1", "Set up a forum for technicians that meets every term", "Technical Services", "Dec 2024"]
    )
    plan_sheet.append(["2", "Publish career pathways for every technical role", "HR", "Jun 2025"])
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    plan = normalise(extract_document(path))
    assert [r.ref for r in plan.records] == ["1", "2"]
    assert any("a guide to another table's columns" in n for n in plan.notes)


def test_a_list_shaped_plan_kept_in_one_column_reads_each_row_as_an_item(tmp_path: Path) -> None:
    path = tmp_path / "commitments.csv"
    rows = [
        "Technician Commitment at Fernleigh",
        "Our technicians have shaped this plan with us over the last year.",
        "Our action plan",
        "We commit to:",
        "A seat for technicians on every faculty board",
        "Profiles of technical staff on the public website",
        "Recognition",
        "Fees paid for first professional registrations",
    ]
    path.write_text("\n".join(f'"{r}"' for r in rows) + "\n", encoding="utf-8")
    plan = normalise(extract_document(path))
    assert [(r.theme, r.action) for r in plan.records] == [
        ("", "A seat for technicians on every faculty board"),
        ("", "Profiles of technical staff on the public website"),
        ("Recognition", "Fees paid for first professional registrations"),
    ]


def test_a_nameless_stream_is_told_apart_by_its_first_bytes(tmp_path: Path) -> None:
    from talentmap.extract import suffix_for_content

    ods = tmp_path / "x.ods"
    with zipfile.ZipFile(ods, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", ODS_CONTENT)
    xlsx = tmp_path / "x.xlsx"
    _workbook(xlsx)
    assert suffix_for_content(ods.read_bytes()[:1024]) == ".ods"
    assert suffix_for_content(b"<!DOCTYPE html><html><body><p>Plan</p>") == ".html"
    assert suffix_for_content(xlsx.read_bytes()[:1024]) in (
        ".xlsx",
        ".docx",
    )  # openpyxl writes xl/ parts late
