"""Printed blocks -> PDF with reportlab's platypus tables (standard PDF fonts, nothing embedded)."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape, letter, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus import Table as RLTable

from .look import Look
from .plan import Plan
from .printed import (
    CALLOUT_FILL,
    Cell,
    Table,
    Text,
    horizontal_rule,
    print_plan,
    running_header,
    vertical_rule,
)

FONTS = {
    "sans": ("Helvetica", "Helvetica-Bold"),
    "serif": ("Times-Roman", "Times-Bold"),
    "narrow": ("Helvetica", "Helvetica-Bold"),  # no narrow standard font: Helvetica, squeezed below
    "mono": ("Courier", "Courier-Bold"),
}


def write_pdf(plan: Plan, look: Look, path: Path) -> None:
    size = (landscape if look.landscape else portrait)(A4 if look.paper == "A4" else letter)
    margin = look.margin_cm * cm
    doc = SimpleDocTemplate(
        str(path),
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=plan.title,
    )
    regular, bold = FONTS[look.font]
    styles = {
        "body": ParagraphStyle(
            "body",
            fontName=regular,
            fontSize=look.font_size,
            leading=look.font_size * 1.2,
            alignment=TA_JUSTIFY if look.justify else TA_LEFT,
        ),
        "header": ParagraphStyle(
            "header",
            fontName=bold if look.header_bold else regular,
            fontSize=look.header_size,
            leading=look.header_size * 1.2,
            textColor=colors.HexColor("#" + look.header_text_colour),
        ),
        "section": ParagraphStyle(
            "section", fontName=bold, fontSize=look.font_size, leading=look.font_size * 1.2
        ),
        "title": ParagraphStyle(
            "title",
            fontName=bold,
            fontSize=look.font_size + 6,
            leading=(look.font_size + 6) * 1.25,
            spaceAfter=6,
        ),
        "heading": ParagraphStyle(
            "heading",
            fontName=bold,
            fontSize=look.font_size + 3,
            leading=(look.font_size + 3) * 1.25,
            spaceBefore=6,
            spaceAfter=4,
        ),
        "text": ParagraphStyle(
            "text", fontName=regular, fontSize=look.font_size, leading=look.font_size * 1.3, spaceAfter=6
        ),
    }
    styles["objective_row"] = styles["section"]
    styles["callout"] = ParagraphStyle(
        "callout",
        parent=styles["text"],
        backColor=colors.HexColor("#" + CALLOUT_FILL),
        borderPadding=6,
        spaceBefore=6,
        spaceAfter=12,
    )
    if look.font == "narrow":
        for style in styles.values():
            style.fontSize *= 0.88
            style.leading *= 0.88
    story = []
    usable = size[0] - 2 * margin
    for block in print_plan(plan, look):
        if isinstance(block, Text):
            story.append(
                Paragraph(
                    escape(block.text),
                    styles[block.role if block.role != "intro" and block.role != "legend" else "text"],
                )
            )
        else:
            story.append(_table(block, look, styles, usable))
            story.append(Spacer(1, 8))

    def furniture(canvas, doc_) -> None:
        if not look.furniture:
            return
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.drawString(margin, size[1] - margin * 0.6, running_header(plan))
        canvas.drawCentredString(size[0] / 2, margin * 0.5, f"Page {doc_.page}")
        canvas.restoreState()

    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)


def _paragraph(cell: Cell, styles) -> Paragraph:
    return Paragraph("<br/>".join(escape(line) for line in cell.text.split("\n")), styles[cell.role])


def _table(block: Table, look: Look, styles, usable: float) -> RLTable:
    data = [[_paragraph(c, styles) if c is not None else "" for c in row] for row in block.rows]
    total = sum(look.widths)
    widths = [usable * w / total for w in look.widths]
    colour = colors.HexColor("#" + look.rule_colour)
    w = look.rule_width
    cmds: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE" if look.valign == "middle" else "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), look.padding_pt),
        ("RIGHTPADDING", (0, 0), (-1, -1), look.padding_pt),
        ("TOPPADDING", (0, 0), (-1, -1), look.padding_pt),
        ("BOTTOMPADDING", (0, 0), (-1, -1), look.padding_pt),
    ]
    n_rows, n_cols = len(block.rows), len(block.columns)
    for b in range(n_rows + 1):
        if horizontal_rule(look, b, block):
            cmds.append(
                ("LINEABOVE", (0, 0), (-1, 0), w, colour)
                if b == 0
                else ("LINEBELOW", (0, b - 1), (-1, b - 1), w, colour)
            )
    for b in range(n_cols + 1):
        if vertical_rule(look, b, block):
            cmds.append(
                ("LINEBEFORE", (0, 0), (0, -1), w, colour)
                if b == 0
                else ("LINEAFTER", (b - 1, 0), (b - 1, -1), w, colour)
            )
    if look.header_fill:
        cmds.append(
            ("BACKGROUND", (0, 0), (-1, block.header_rows - 1), colors.HexColor("#" + look.header_fill))
        )
    for r, row in enumerate(block.rows):
        if block.banded[r]:
            cmds.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#" + look.zebra)))
        for c, cell in enumerate(row):
            if cell is None:
                continue
            if cell.role == "section" and look.section_fill:
                cmds.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#" + look.section_fill)))
            if cell.rowspan > 1 or cell.colspan > 1:
                cmds.append(("SPAN", (c, r), (c + cell.colspan - 1, r + cell.rowspan - 1)))
    return RLTable(
        data,
        colWidths=widths,
        repeatRows=block.header_rows if look.repeat_header else 0,
        splitInRow=1 if look.rows_split else 0,
        style=cmds,
    )
