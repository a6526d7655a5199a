# ruff: noqa: E501 - page and sheet sources are kept as printed
"""Saved web pages -> Document: tables over the grid, headings, lists, encodings, chrome dropped."""

from pathlib import Path

import pytest

from talentmap.extract import ExtractionError, extract_document

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Oakhurst plan</title>
<style>p { color: red }</style><script>document.write("injected text")</script></head>
<body>
<header><nav><a href="/">Home</a> | <a href="/staff">Staff</a></nav><p>Site banner words</p></header>
<main>
<h1>Oakhurst University Technician Commitment plan 2024-2027</h1>
<p>We print the tag &lt;script&gt; as text &amp; keep it.</p>
<p hidden>Hidden words</p>
<ol>
  <li>First numbered item</li>
  <li>Second numbered item
    <ul><li>Nested bullet</li></ul>
  </li>
</ol>
<ul><li>Top bullet</li></ul>
<table>
<thead><tr><th>Theme</th><th>Action</th><th colspan="2">When</th></tr></thead>
<tbody>
<tr><td rowspan="2">Visibility</td><td><p>Run a showcase</p><p>Second paragraph</p></td><td>2024</td><td>Q1</td></tr>
<tr><td>Publish profiles</td><td>2025</td><td>Q2</td></tr>
</tbody></table>
<aside>Related links sidebar</aside>
</main>
<footer>Copyright footer text</footer>
</body></html>
"""


def _read(tmp_path: Path, content: bytes, name: str = "plan.html"):
    path = tmp_path / name
    path.write_bytes(content)
    return extract_document(path)


def test_headings_paragraphs_lists_and_chrome(tmp_path: Path) -> None:
    doc = _read(tmp_path, PAGE.encode("utf-8"))
    texts = [line.text for line in doc.lines]
    assert doc.kind == "html"
    assert texts[0] == "Oakhurst University Technician Commitment plan 2024-2027"
    assert doc.lines[0].style == "Heading 1"
    assert "We print the tag <script> as text & keep it." in texts
    for chrome in ("Home", "Site banner words", "injected text", "Hidden words", "Related links sidebar"):
        assert not any(chrome in t for t in texts)
    assert not any("Copyright" in t for t in texts)
    numbered = [(ln.text, ln.list_label, ln.style) for ln in doc.lines if ln.style.startswith("List")]
    assert numbered == [
        ("First numbered item", "1.", "List Number"),
        ("Second numbered item", "2.", "List Number"),
        ("Nested bullet", "", "List Bullet 2"),
        ("Top bullet", "", "List Bullet"),
    ]
    assert doc.metadata["title"] == "Oakhurst plan"


def test_table_spans_repeat_on_every_row_and_column(tmp_path: Path) -> None:
    doc = _read(tmp_path, PAGE.encode("utf-8"))
    (table,) = doc.tables
    assert [r.cells for r in table.rows] == [
        ("Theme", "Action", "When", "When"),
        ("Visibility", "Run a showcase\nSecond paragraph", "2024", "Q1"),
        ("Visibility", "Publish profiles", "2025", "Q2"),
    ]
    assert table.extractor == "html"
    top_bullet = next(ln for ln in doc.lines if ln.text == "Top bullet")
    assert top_bullet.seq < table.seq  # reading order: the table sits after the lists


def test_encoding_from_meta_charset(tmp_path: Path) -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'
    page += "<body><p>Technicians\u2019 caf\u00e9 \u2013 2024</p></body></html>"
    doc = _read(tmp_path, page.encode("cp1252"))
    assert doc.lines[0].text == "Technicians\u2019 caf\u00e9 \u2013 2024"


def test_encoding_from_byte_order_mark(tmp_path: Path) -> None:
    page = "<html><body><h2>Recognition \u2014 r\u00f4le</h2></body></html>"
    doc = _read(tmp_path, b"\xff\xfe" + page.encode("utf-16-le"), "plan.htm")
    assert doc.lines[0].text == "Recognition \u2014 r\u00f4le"
    assert doc.lines[0].style == "Heading 2"


def test_layout_table_around_content_is_walked_not_read_as_data(tmp_path: Path) -> None:
    page = (
        "<html><body><table><tr><td><h2>Our plan</h2><table><tr><th>Action</th><th>Lead</th></tr>"
        "<tr><td>Run a forum</td><td>HR</td></tr></table></td></tr></table></body></html>"
    )
    doc = _read(tmp_path, page.encode())
    assert [ln.text for ln in doc.lines] == ["Our plan"]
    assert [r.cells for r in doc.tables[0].rows] == [("Action", "Lead"), ("Run a forum", "HR")]


def test_binary_content_under_an_html_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError, match="not a web page"):
        _read(tmp_path, b"%PDF-1.7\n...", "plan.html")


def test_list_items_of_several_paragraphs_and_skip_links(tmp_path: Path) -> None:
    page = (
        '<html><body><a href="#main">Skip to main content</a><main id="main"><ol>'
        "<li><p>Widen the mentoring scheme</p><p>We will review it yearly.</p></li>"
        "<li><p>Publish role profiles</p><p>Each role gets a page.</p></li></ol></main></body></html>"
    )
    doc = _read(tmp_path, page.encode())
    assert [(ln.text, ln.list_label, ln.style) for ln in doc.lines] == [
        ("Widen the mentoring scheme", "1.", "List Number"),
        ("We will review it yearly.", "", "List Continue"),
        ("Publish role profiles", "2.", "List Number"),
        ("Each role gets a page.", "", "List Continue"),
    ]


def test_line_breaks_in_the_page_source_are_spaces(tmp_path: Path) -> None:
    page = "<html><body><p>Run a forum\n   for technicians<br>every term</p><ul><li><p>Fund\nregistration</p></li></ul>"
    doc = _read(tmp_path, page.encode())
    assert [(ln.text, ln.style) for ln in doc.lines] == [
        ("Run a forum for technicians\nevery term", ""),
        ("Fund registration", "List Bullet"),
    ]
