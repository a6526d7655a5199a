"""The OpenDocument text reader: content.xml's paragraphs, headings, lists and tables (spans,
covered cells, repeats) read into the same `Document` the Word reader makes."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from talentmap import read_plan
from talentmap.extract import ExtractionError, extract_document

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"'
)
LIST_STYLE = (
    '<text:list-style style:name="L1">'
    '<text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>'
    '<text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/>'
    "</text:list-style>"
    '<text:list-style style:name="L2"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/>'
    "</text:list-style>"
)
HEADER = ("Ref", "Objective", "Action", "Lead", "Timescale", "Status")


def tp(value: str) -> str:
    return f"<text:p>{escape(value)}</text:p>" if not value.startswith("<") else value


def cell(value: str = "", cols: int = 1, rows: int = 1, repeat: int = 1) -> str:
    attrs = "".join(
        f' table:{name}="{n}"'
        for name, n in (
            ("number-columns-spanned", cols),
            ("number-rows-spanned", rows),
            ("number-columns-repeated", repeat),
        )
        if n > 1
    )
    return f"<table:table-cell{attrs}>{tp(value) if value else ''}</table:table-cell>"


def row(*cells: str) -> str:
    return (
        "<table:table-row>"
        + "".join(c if c.startswith("<") else cell(c) for c in cells)
        + "</table:table-row>"
    )


def odt_table(*rows: str, cols: int) -> str:
    return (
        f'<table:table table:name="T1"><table:table-column table:number-columns-repeated="{cols}"/>'
        + "".join(rows)
        + "</table:table>"
    )


def write_odt(path: Path, body: str, name: str = "plan.odt", header: str = "") -> Path:
    content = (
        f"<office:document-content {NS}><office:automatic-styles>{LIST_STYLE}"
        '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Text_20_body"/>'
        f"</office:automatic-styles><office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )
    styles = (
        f"<office:document-styles {NS}><office:styles>"
        '<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"/>'
        "</office:styles><office:master-styles>"
        f'<style:master-page style:name="Standard"><style:header>{header}</style:header></style:master-page>'
        "</office:master-styles></office:document-styles>"
    )
    meta = f"<office:document-meta {NS}><office:meta><dc:title>Action plan</dc:title></office:meta>"
    meta += "</office:document-meta>"
    out = path / name
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", content)
        zf.writestr("styles.xml", styles)
        zf.writestr("meta.xml", meta)
        zf.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
        )
    return out


ROWS = (
    ("1.1", "Visibility", "Publish a technician newsletter each term", "HR Partner", "Dec 2025", "Green"),
    (
        "1.2",
        "Visibility",
        "Run a technician awards ceremony every year",
        "TC Steering Group",
        "Jun 2026",
        "Amber",
    ),
)


def test_table_with_spans_covered_cells_and_repeats(tmp_path: Path) -> None:
    body = tp("Example University Technician Commitment Action Plan 2024-2027") + odt_table(
        row(*HEADER),
        row(cell("Pillar: Visibility", cols=6), *["<table:covered-table-cell/>"] * 5),
        row("1.1", cell("Visibility", rows=2), *ROWS[0][2:]),
        row("1.2", "<table:covered-table-cell/>", *ROWS[1][2:]),
        row(cell(repeat=6)),
        cols=6,
    )
    path = write_odt(tmp_path, body)
    document = extract_document(path)
    assert document.kind == "odt"
    assert [r.cells for r in document.tables[0].rows] == [HEADER, ("Pillar: Visibility",) * 6, *ROWS]
    assert document.metadata["title"] == "Action plan"
    plan = read_plan(path)
    assert list(plan.ref) == ["1.1", "1.2"]
    assert list(plan.action) == [r[2] for r in ROWS]


def test_headings_lists_and_inline_text(tmp_path: Path) -> None:
    body = (
        '<text:h text:outline-level="1">Our commitments</text:h>'
        '<text:list text:style-name="L1">'
        '<text:list-item><text:p>Visibility<text:s text:c="3"/>for<text:line-break/>all</text:p>'
        '<text:list text:style-name="L1"><text:list-item><text:p>Newsletter</text:p></text:list-item>'
        "<text:list-item><text:p>Awards</text:p></text:list-item></text:list></text:list-item>"
        "<text:list-item><text:p>Recognition<text:note><text:note-body><text:p>Footnote</text:p>"
        "</text:note-body></text:note></text:p></text:list-item></text:list>"
        '<text:list text:style-name="L2">'
        "<text:list-item><text:p>A bullet</text:p></text:list-item></text:list>"
        '<text:p text:style-name="P1">Plain <text:span>text</text:span> <text:a>link</text:a></text:p>'
        "<text:tracked-changes><text:changed-region><text:deletion><text:p>Deleted words</text:p>"
        "</text:deletion></text:changed-region></text:tracked-changes>"
    )
    lines = extract_document(write_odt(tmp_path, body)).lines
    assert [(x.list_label, x.text, x.style) for x in lines] == [
        ("", "Our commitments", "Heading 1"),
        ("1.", "Visibility for\nall", "List Number"),
        ("a)", "Newsletter", "List Number"),
        ("b)", "Awards", "List Number"),
        ("2.", "Recognition", "List Number"),
        ("", "A bullet", "List Bullet"),
        ("", "Plain text link", "Text body"),
    ]


def test_running_header_from_the_master_page(tmp_path: Path) -> None:
    path = write_odt(tmp_path, tp("Body"), header=tp("Technician Commitment"))
    assert [(x.text, x.style) for x in extract_document(path).lines] == [
        ("Technician Commitment", "header"),
        ("Body", ""),
    ]


def test_layout_table_in_odt_is_read_as_text(tmp_path: Path) -> None:
    body = odt_table(
        row(cell("<text:p>About the plan</text:p><text:p>We signed it in 2018.</text:p>")), cols=1
    )
    document = extract_document(write_odt(tmp_path, body))
    assert document.tables == ()
    assert [x.text for x in document.lines] == ["About the plan", "We signed it in 2018."]


def test_repeats_and_spans_that_would_explode_a_table_are_refused(tmp_path: Path) -> None:
    bomb = (
        '<table:table-row table:number-rows-repeated="1000">' + cell("x", repeat=1000) + "</table:table-row>"
    )
    with pytest.raises(ExtractionError, match="repeats or spans past"):
        extract_document(write_odt(tmp_path, odt_table(bomb, cols=1000)))


def test_an_unnamed_odt_stream_is_recognised_by_its_bytes(tmp_path: Path) -> None:
    import io

    body = tp("Example University Technician Commitment Action Plan 2024-2027") + odt_table(
        row(*HEADER), *(row(*r) for r in ROWS), cols=6
    )
    data = write_odt(tmp_path, body).read_bytes()
    assert list(read_plan(io.BytesIO(data)).ref) == ["1.1", "1.2"]


def test_odt_without_content_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.odt"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(ExtractionError, match="no content.xml"):
        extract_document(path)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_written_odt_reads_like_the_word_original(tmp_path: Path) -> None:
    import subprocess

    import docx

    doc = docx.Document()
    doc.add_paragraph("Example University Technician Commitment Action Plan 2024-2027")
    table = doc.add_table(rows=1 + len(ROWS), cols=6)
    for r, values in enumerate((HEADER, *ROWS)):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    doc.save(tmp_path / "plan.docx")
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless", "--convert-to", "odt",
         "--outdir", str(tmp_path / "out"), str(tmp_path / "plan.docx")],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    got = extract_document(tmp_path / "out" / "plan.odt")
    assert [r.cells for r in got.tables[0].rows] == [HEADER, *ROWS]
