"""Every tunable of the PDF reader in one frozen object, so a caller or test can change one knob.

Distances are in PDF points (1/72 inch). The defaults were set on Word/LibreOffice exports of
action plans; they are ratios of the page's own text metrics wherever that is possible.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PdfSettings:
    # Which library reads the pages: "pdfium" (pypdfium2, fast; the default) or "pdfplumber" (the
    # reference the layout steps were built on). Both give the same page records (see `readers`).
    reader: str = "pdfium"
    # Words whose tops differ by less than this share one printed line.
    line_tolerance: float = 1.5
    # pdfplumber's gap (in points) between characters that still belong to one word.
    word_x_tolerance: float = 1.5
    # A vertical whitespace gutter between table columns is at least this wide...
    gutter_min_width: float = 4.0
    # ...and at least this multiple of the page's typical space between words.
    gutter_space_ratio: float = 2.0
    # Share of multi-column lines allowed to cross a gutter before it stops being one.
    gutter_noise_share: float = 0.12
    # Fewest lines with two or more column segments before a page is read as a table.
    min_table_lines: int = 3
    # A line gap this many times the typical line pitch starts a new block (row or paragraph).
    block_gap_ratio: float = 1.08
    # A horizontal rule counts as a row separator if it covers this share of the table width.
    row_rule_min_share: float = 0.3
    # Furniture: text repeated at the same place on at least this share of the pages (min 2 pages).
    furniture_page_share: float = 0.6
    # Furniture blocks are short (a banner, a footer line, a page number): at most this many lines.
    furniture_max_lines: int = 3
    furniture_position_tolerance: float = 4.0
    # The lines strategy's table is accepted when its quality score reaches this.
    lines_min_score: float = 0.8
    # A page table in which sentences run on from cell to cell at least this often is prose.
    max_prose_share: float = 0.5
    # Camelot lattice is only tried on pages with at least this many vertical ruling edges.
    camelot_min_vertical_edges: int = 6
    use_camelot: bool = True
    # Camelot's pages per document; past it, poor ruled pages fall through to the text strategy.
    camelot_page_budget: int = 100
    # Guards against pathological pages (vector art with tens of thousands of path segments).
    max_edges_per_page: int = 4000
    max_words_per_page: int = 30000
    # A page counts as having a text layer when it has at least this many characters.
    min_chars_for_text: int = 10
