"""Small python-docx helpers for the held-out plans: borders, merges, shading, page fields.

python-docx has no API for these table/section features, so they are written as raw OOXML here once
instead of inside every plan renderer.
"""

from __future__ import annotations

from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


def page_setup(doc, landscape: bool, margin_cm: float = 2.0) -> None:
    """A4 in the requested orientation (Word swaps width and height itself; python-docx does not)."""
    section = doc.sections[0]
    width, height = Cm(21.0), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = height, width
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = width, height
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(margin_cm))


def base_font(doc, name: str = "Liberation Sans", size: float = 10) -> None:
    style = doc.styles["Normal"]
    style.font.name = name
    style.font.size = Pt(size)


def set_borders(table, sides: dict[str, str]) -> None:
    """Table-level borders: side -> 'single' or 'nil' (sides not given are 'nil')."""
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in BORDER_SIDES:
        el = OxmlElement(f"w:{side}")
        kind = sides.get(side, "nil")
        el.set(qn("w:val"), kind)
        if kind != "nil":
            el.set(qn("w:sz"), "6")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.append(borders)


GRID = dict.fromkeys(BORDER_SIDES, "single")
NONE: dict[str, str] = {}
HRULES = {"top": "single", "bottom": "single", "insideH": "single"}


def fixed_widths(table, widths_cm: list[float]) -> None:
    """Fixed layout so LibreOffice keeps narrow columns narrow (and breaks words inside them)."""
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for i, w in enumerate(widths_cm):
        table.columns[i].width = Cm(w)
        for cell in table.columns[i].cells:
            cell.width = Cm(w)


def repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def write_cell(cell, text: str, bold: bool = False, size: float | None = None, indent_cm: float = 0) -> None:
    """One paragraph per line of `text` (lines starting with two spaces are indented sub-items)."""
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    first = cell.paragraphs[0]
    for run in list(first.runs):
        run._r.getparent().remove(run._r)
    for i, line in enumerate(text.split("\n")):
        para = first if i == 0 else cell.add_paragraph()
        if line.startswith("  "):
            para.paragraph_format.left_indent = Cm(0.6)
            line = line.strip()
        elif indent_cm:
            para.paragraph_format.left_indent = Cm(indent_cm)
        para.paragraph_format.space_after = Pt(2)
        run = para.add_run(line)
        run.bold = bold
        if size:
            run.font.size = Pt(size)


def merge_down(table, col: int, first: int, last: int, text: str, **fmt) -> None:
    """Vertically merge rows first..last of a column and print `text` once."""
    cell = table.cell(first, col)
    if last > first:
        cell = cell.merge(table.cell(last, col))
    write_cell(cell, text, **fmt)


def add_field(paragraph, instr: str) -> None:
    """A Word field (e.g. PAGE) that LibreOffice evaluates when it renders the PDF."""
    for kind, text in (("begin", None), (None, instr), ("end", None)):
        run = paragraph.add_run()
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        else:
            it = OxmlElement("w:instrText")
            it.set(qn("xml:space"), "preserve")
            it.text = f" {text} "
            run._r.append(it)
