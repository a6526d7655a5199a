"""The page record carries the layout evidence beyond words and rules: fills and bold words."""

from __future__ import annotations

from pathlib import Path

from talentmap.extract.pdf.page_common import shade
from talentmap.extract.pdf.reader import read_pages
from talentmap.extract.pdf.settings import PdfSettings

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"


def test_browser_borders_printed_as_fills_are_kept_as_fills_with_their_shade() -> None:
    pages, _ = read_pages(FIXTURES / "chromium_split_row.pdf", PdfSettings())
    fills = pages[0].fills
    assert fills, "Chromium prints table borders as thin filled rectangles"
    assert all(f.x1 > f.x0 and f.bottom > f.top for f in fills)
    assert any(f.shade < 0.5 for f in fills)  # dark border lines, not white page background


def test_bold_header_words_are_marked_bold() -> None:
    pages, _ = read_pages(FIXTURES / "chromium_split_row.pdf", PdfSettings())
    bold = {w.text for w in pages[0].words if w.bold}
    plain = {w.text for w in pages[0].words if not w.bold}
    assert bold and plain


def test_shade_reads_gray_rgb_and_cmyk() -> None:
    assert shade((0.5,)) == 0.5
    assert shade(1) == 1.0
    assert abs(shade((1, 1, 1)) - 1.0) < 1e-9
    assert shade((0, 0, 0, 1)) == 0.0
    assert shade(None) == 1.0
