"""Printed blocks -> .docx (python-docx, raw OOXML where it has no API) -> PDF via LibreOffice."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .look import Look
from .plan import Plan
from .printed import CALLOUT_FILL, Cell, Table, Text, print_plan, running_header

FONT_NAMES = {
    "sans": "Liberation Sans",
    "serif": "Liberation Serif",
    "narrow": "Liberation Sans Narrow",
    "mono": "DejaVu Sans Mono",
}
PAPER_CM = {"A4": (21.0, 29.7), "Letter": (21.59, 27.94)}
TABLE_EDGES = {
    "top": "top",
    "bottom": "bottom",
    "left": "left",
    "right": "right",
    "inner_h": "insideH",
    "inner_v": "insideV",
}


def write_docx(plan: Plan, look: Look, path: Path) -> None:
    doc = Document()
    _page(doc, look)
    normal = doc.styles["Normal"]
    normal.font.name = FONT_NAMES[look.font]
    normal.font.size = Pt(look.font_size)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT_NAMES[look.font])
    if look.furniture:
        _furniture(doc, plan)
    for block in print_plan(plan, look):
        if isinstance(block, Text):
            _text(doc, block, look)
        else:
            _table(doc, block, look)
    doc.save(str(path))


def _page(doc, look: Look) -> None:
    section = doc.sections[0]
    width, height = PAPER_CM[look.paper]
    if look.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = Cm(width), Cm(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(look.margin_cm))


def _furniture(doc, plan: Plan) -> None:
    section = doc.sections[0]
    section.header.paragraphs[0].text = running_header(plan)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")


def _field(paragraph, instr: str) -> None:
    for kind in ("begin", None, "end"):
        run = paragraph.add_run()
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instr} "
        run._r.append(el)


def _text(doc, block: Text, look: Look) -> None:
    para = doc.add_paragraph()
    run = para.add_run(block.text)
    if block.role == "title":
        run.bold, run.font.size = True, Pt(look.font_size + 6)
    elif block.role == "callout":
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), CALLOUT_FILL)
        para._p.get_or_add_pPr().append(shd)
        para.paragraph_format.space_before = Pt(6)
    elif block.role == "heading":
        run.bold, run.font.size = True, Pt(look.font_size + 3)
        para.paragraph_format.keep_with_next = True
    para.paragraph_format.space_after = Pt(6)


def _table(doc, block: Table, look: Look) -> None:
    n_rows, n_cols = len(block.rows), len(block.columns)
    table = doc.add_table(rows=n_rows, cols=n_cols)
    _borders(table, look)
    _widths(table, doc, look)
    _margins(table, look)
    for r, row in enumerate(block.rows):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            target = table.cell(r, c)
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
            _write(target, cell, look, banded=block.banded[r])
    for header in table.rows[: block.header_rows]:
        if look.repeat_header:
            _on(header._tr.get_or_add_trPr(), "w:tblHeader")
    if "header" in look.edges:
        for tc in table.rows[block.header_rows - 1]._tr.tc_lst:  # merged-down cells too
            _cell_border(tc, "bottom", look)
    for row in table.rows:
        if not look.rows_split:
            _on(row._tr.get_or_add_trPr(), "w:cantSplit")
    doc.add_paragraph()


def _write(target, cell: Cell, look: Look, banded: bool) -> None:
    for extra in target.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    first = target.paragraphs[0]
    fill = {"header": look.header_fill, "section": look.section_fill}.get(
        cell.role, look.zebra if banded else ""
    )
    if fill:
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
        target._tc.get_or_add_tcPr().append(shd)
    target.vertical_alignment = (
        WD_CELL_VERTICAL_ALIGNMENT.CENTER if look.valign == "middle" else WD_CELL_VERTICAL_ALIGNMENT.TOP
    )
    bold = (cell.role == "header" and look.header_bold) or cell.role == "section"
    for i, line in enumerate(cell.text.split("\n")):
        para = first if i == 0 else target.add_paragraph()
        para.paragraph_format.space_after = Pt(2)
        if look.justify and cell.role == "body":
            para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        run = para.add_run(line)
        run.bold = bold
        if cell.role == "header":
            run.font.size = Pt(look.header_size)
            run.font.color.rgb = RGBColor.from_string(look.header_text_colour)


def _on(parent, tag: str) -> None:
    el = OxmlElement(tag)
    el.set(qn("w:val"), "true")
    parent.append(el)


def _border_el(tag: str, look: Look, on: bool):
    el = OxmlElement(tag)
    el.set(qn("w:val"), "single" if on else "nil")
    if on:
        el.set(qn("w:sz"), str(max(2, round(look.rule_width * 8))))
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), look.rule_colour)
    return el


def _borders(table, look: Look) -> None:
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge, side in TABLE_EDGES.items():
        borders.append(_border_el(f"w:{side}", look, edge in look.edges))
    tbl_pr.append(borders)


def _cell_border(tc, side: str, look: Look) -> None:
    tc_pr = tc.get_or_add_tcPr()
    borders = tc_pr.find(qn("w:tcBorders"))
    if borders is None:
        borders = OxmlElement("w:tcBorders")
        tc_pr.append(borders)
    borders.append(_border_el(f"w:{side}", look, True))


def _margins(table, look: Look) -> None:
    mar = OxmlElement("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(round(look.padding_pt * 20)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    table._tbl.tblPr.append(mar)


def _widths(table, doc, look: Look) -> None:
    section = doc.sections[0]
    usable = section.page_width - section.left_margin - section.right_margin
    total = sum(look.widths)
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for i, w in enumerate(look.widths):
        width = int(usable * w / total)
        table.columns[i].width = width
        for cell in table.columns[i].cells:
            cell.width = width


def convert_to_pdf(docx_paths: list[Path], out_dir: Path) -> None:
    """Convert .docx files to PDF in one LibreOffice run, with a private profile so that runs in
    parallel (other processes, other users of the machine) do not collide."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="layoutgen-lo-") as profile:
        cmd = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *map(str, docx_paths),
        ]
        subprocess.run(
            cmd,
            check=True,
            capture_output=True,
            timeout=120 + 20 * len(docx_paths),
            env={**os.environ, "HOME": profile},
        )
