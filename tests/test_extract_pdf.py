"""PDF reader on LibreOffice-rendered fixtures (tests/fixtures/pdf/make_fixtures.py builds them).

The table fixtures hold one Word table in four renderings: a full grid, horizontal rules only,
no borders, and a landscape page. Each has a header repeated on page 2, a row that breaks over
the page, a theme cell merged over three rows (printed once), a bullet list in a cell, a narrow
column whose words are broken at its edge, a running banner and page numbers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from talentmap.extract import ExtractionError, extract_document
from talentmap.extract.pdf.reader import read_pdf

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text())["table_rows"]
TIGHT = json.loads((FIXTURES / "expected.json").read_text())["tight_rows"]
SPAN = json.loads((FIXTURES / "expected.json").read_text())["span_rows"]
STYLES = {
    "grid": "pdfplumber-lines",
    "landscape": "pdfplumber-lines",
    "open_rules": "text-columns",
    "noborder": "text-columns",
}


@pytest.fixture(scope="module", params=sorted(STYLES))
def styled(request):
    return request.param, read_pdf(FIXTURES / f"{request.param}.pdf")


def test_each_style_gives_the_word_tables_rows_exactly(styled):
    _, doc = styled
    assert len(doc.tables) == 1
    assert [list(r.cells) for r in doc.tables[0].rows] == EXPECTED


def test_winning_extractor_is_recorded(styled):
    style, doc = styled
    assert doc.tables[0].extractor == STYLES[style]
    assert 0.8 <= doc.tables[0].score <= 1.0


def test_repeated_header_is_dropped_and_split_row_keeps_its_first_page(styled):
    _, doc = styled
    rows = doc.tables[0].rows
    assert sum(1 for r in rows if r.cells[0] == "Ref") == 1
    split = next(r for r in rows if r.cells[0] == "3.1")  # breaks over pages 1 and 2
    assert split.page == 1
    assert split.cells[2].endswith("publishes a short summary for staff.")
    assert rows[-1].page == 2


def test_merged_cell_value_is_on_every_row_it_spans(styled):
    _, doc = styled
    themes = {r.cells[0]: r.cells[1] for r in doc.tables[0].rows}
    assert themes["1.1"] == themes["1.2"] == themes["1.3"] == "Visibility"


def test_words_broken_at_a_narrow_column_edge_are_rejoined(styled):
    _, doc = styled
    progress = [r.cells[4] for r in doc.tables[0].rows]
    assert progress[:3] == ["Progress", "Complete", "Outstandingly"]


def test_bullets_start_new_lines_and_hyphenated_words_keep_their_hyphen(styled):
    _, doc = styled
    cells = {r.cells[0]: r.cells[2] for r in doc.tables[0].rows}
    assert cells["1.3"] == "* Add technical staff to open day rotas\n* Feature technicians in the prospectus"
    assert "institution-wide" in cells["2.1"]


def test_page_furniture_is_not_text_or_table(styled):
    _, doc = styled
    texts = [line.text for line in doc.lines if not line.style]
    assert texts == [
        "Example University Technician Commitment Action Plan 2024-2027",
        "Progress key: Complete, Ongoing, Planned.",
        "Reviewed by the steering committee.",
    ]
    assert all(c != "Technician Commitment" for r in doc.tables[0].rows for c in r.cells)


def test_running_banner_is_kept_once_as_a_header_and_page_numbers_are_dropped(styled):
    _, doc = styled
    running = [(line.text, line.page, line.style) for line in doc.lines if line.style]
    assert running == [("Technician Commitment", 1, "header")]
    assert doc.lines[0].style == "header" and doc.lines[0].seq < doc.tables[0].seq


def test_table_seq_sits_between_the_lines_above_and_below(styled):
    _, doc = styled
    seqs = [line.seq for line in doc.lines if not line.style]
    assert seqs[1] < doc.tables[0].seq < seqs[2]
    assert doc.pages == 2 and doc.kind == "pdf"


@pytest.mark.parametrize("name", ["sideways_up", "sideways_down"])
def test_table_turned_sideways_on_the_page_is_read_upright(name):
    doc = read_pdf(FIXTURES / f"{name}.pdf")
    assert [list(r.cells) for r in doc.tables[0].rows] == EXPECTED
    assert [ln.text for ln in doc.lines if not ln.style][
        0
    ] == "Example University Technician Commitment Action Plan 2024-2027"


def test_borderless_rows_printed_touching_are_told_apart_by_paragraph_starts():
    # no ref column, no cell padding, no paragraph spacing: rows start where the first column's
    # paragraph starts (after a short line or a full stop), empty cells included
    doc = read_pdf(FIXTURES / "noborder_tight.pdf")
    assert [list(r.cells) for r in doc.tables[0].rows] == TIGHT


@pytest.mark.parametrize("name", ["span_grid", "span_noborder"])
def test_cell_merged_over_seven_pages_is_on_every_row(name):
    # printed once at the top; the last page holds only the header and the end of one row, so its
    # columns are those of the page before
    doc = read_pdf(FIXTURES / f"{name}.pdf")
    assert len(doc.tables) == 1
    assert [list(r.cells) for r in doc.tables[0].rows] == SPAN
    assert [line.text for line in doc.lines if not line.style] == ["Example Trust Action Plan"]


def test_text_without_table_gives_numbered_paragraphs():
    doc = read_pdf(FIXTURES / "prose.pdf")
    assert doc.tables == ()
    numbered = [line.text for line in doc.lines if line.text[:2] in ("1.", "2.", "3.")]
    assert len(numbered) == 3
    assert numbered[0].startswith("1. We will support technical staff in area 1. The working group")
    assert numbered[0].endswith("publishes a short summary for staff.")
    assert "WE COMMIT TO THE FOLLOWING:" in [line.text for line in doc.lines]


def test_scanned_pdf_is_refused():
    with pytest.raises(ExtractionError, match=r"^no text layer \(scanned PDF\); OCR is not supported$"):
        read_pdf(FIXTURES / "scanned.pdf")


def test_password_protected_pdf_is_refused():
    with pytest.raises(ExtractionError, match=r"^encrypted PDF \(password required\)$"):
        read_pdf(FIXTURES / "encrypted.pdf")


def test_owner_password_only_pdf_is_read():
    doc = read_pdf(FIXTURES / "owner_only.pdf")
    assert any(line.text.startswith("1. We will support") for line in doc.lines)


def test_truncated_pdf_is_refused():
    with pytest.raises(ExtractionError, match=r"^corrupt or truncated PDF: "):
        read_pdf(FIXTURES / "truncated.pdf")


def test_extract_document_routes_pdfs_here():
    doc = extract_document(FIXTURES / "grid.pdf")
    assert [list(r.cells) for r in doc.tables[0].rows] == EXPECTED


CHROMIUM_ROWS = [
    ["Theme", "Objective", "Action", "Owner", "Due"],
    [
        "Visibility",
        "Show technical work",
        "Publish a profile of one technical team each term on the staff news pages",
        "Comms Lead",
        "Dec 2025",
    ],
    [
        "Visibility",
        "Show technical work",
        "Name technicians in the acknowledgements of published papers",
        "Research Office",
        "Jun 2026",
    ],
    [
        "Career",
        "Open routes for progression",
        "Set up a peer mentoring network that pairs every newly appointed technician with an "
        "experienced colleague from another department for their first year in post",
        "Skills Lead",
        "Jul 2026",
    ],
    [
        "Career",
        "Open routes for progression",
        "Write generic role profiles for every technical grade",
        "HR Manager",
        "Jan 2026",
    ],
    [
        "Career",
        "Open routes for progression",
        "Fund two external training courses a year for each technician",
        "Skills Lead",
        "Sep 2026",
    ],
    [
        "Sustainability",
        "Plan the future workforce",
        "Run a skills audit of single-person specialist techniques",
        "Technical Director",
        "Nov 2025",
    ],
]


@pytest.mark.parametrize(
    ("name", "pages"),
    [
        ("chromium_split_row", [1, 1, 1, 1, 2, 2, 2]),  # the mentoring row runs over the break
        ("chromium_split_span", [1, 1, 1, 1, 2, 2, 2]),  # it ends there; its merged cells go on
        ("chromium_split_large", [1, 1, 1, 1, 1, 2, 2]),  # a row closed by its own rule at the break
    ],
)
def test_browser_row_and_merged_cells_open_at_the_page_break_stay_one_table(name, pages):
    # Chromium draws no rule under a row (or a merged cell) cut by the page break: the open piece
    # is still read as cells, the rest overleaf joins it, and the merged cells go on over the break
    doc = read_pdf(FIXTURES / f"{name}.pdf")
    assert len(doc.tables) == 1
    assert [list(r.cells) for r in doc.tables[0].rows] == CHROMIUM_ROWS
    assert [r.page for r in doc.tables[0].rows] == pages


def test_browser_running_title_is_kept_once_as_a_header_line():
    doc = read_pdf(FIXTURES / "chromium_split_row.pdf")
    assert [(ln.text, ln.page, ln.style) for ln in doc.lines] == [
        ("Example College · Technician Commitment · 2025-2027", 1, "header"),
        ("Action plan", 1, ""),
    ]
