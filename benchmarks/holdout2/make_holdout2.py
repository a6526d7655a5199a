"""Generate benchmarks/holdout2: plans from PDF producers other than LibreOffice-from-docx.

    /tmp/rl/bin/python benchmarks/holdout2/make_holdout2.py

Needs a Python with reportlab and python-docx (a scratch venv, not the project's: reportlab is not a
project dependency) and /usr/bin/chromium. Producers: headless Chromium from HTML/CSS, reportlab platypus
(grid table) and reportlab canvas (text only, no rules), python-docx (merged cells, two-row header,
section rows). Every PDF-only layout also gets a plain `__control.docx` of the same plan so a failure
can be placed in PDF extraction (control passes) or later stages (both fail).
"""

from __future__ import annotations

import html
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from plans2_data import ASHBOURNE, BRACKLEY, COLDHARBOUR, DUNMORE, ELMSTEAD, FARROWDALE, GREYWELL  # noqa: E402

PLANS_DIR, TRUTH_DIR = HERE / "plans", HERE / "truth"
CHROMIUM = [
    "/usr/bin/chromium",
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
]


def printed(rec: dict, field: str, plan: dict) -> str:
    """The text a document prints for a field (pillar in its printed form, objective numbered)."""
    if field == "theme":
        return rec["printed_theme"] or rec["theme"]
    if field == "objective" and plan.get("objective_numbers"):
        return f"{plan['objective_numbers'][rec['objective']]}  {rec['objective']}"
    return rec[field]


def spans(actions: list[dict], field: str) -> list[int]:
    """Rowspan per row for a merged column: n on the first row of a run of equal values, 0 below it."""
    out = [0] * len(actions)
    i = 0
    while i < len(actions):
        j = i
        while j + 1 < len(actions) and actions[j + 1][field] == actions[i][field]:
            j += 1
        out[i] = j - i + 1
        i = j + 1
    return out


# ---------------------------------------------------------------- HTML -> Chromium


def html_table(plan: dict, spec: dict) -> str:
    cols, fields = spec["columns"], spec["fields"]
    groups = spec.get("groups")  # [(label, n_leaf_columns)] for a two-row header
    head = []
    if groups:
        top, second, k = [], [], 0
        for label, n in groups:
            if n == 1 and label == cols[k]:
                top.append(f'<th rowspan="2">{html.escape(label)}</th>')
            else:
                top.append(f'<th colspan="{n}">{html.escape(label)}</th>')
                second += [f"<th>{html.escape(c)}</th>" for c in cols[k : k + n]]
            k += n
        head = [f"<tr>{''.join(top)}</tr>", f"<tr>{''.join(second)}</tr>"]
    else:
        head = ["<tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in cols) + "</tr>"]
    if spec.get("running_title"):  # thead repeats on every page: keeps rows clear of the fixed title
        head.insert(0, f'<tr class="spacer"><th colspan="{len(cols)}"></th></tr>')
    merged = {f: spans(plan["actions"], f) for f in spec.get("merge", [])}
    body, last_section = [], None
    for i, rec in enumerate(plan["actions"]):
        section = spec.get("section_by")
        if section and rec[section] != last_section:
            last_section = rec[section]
            body.append(
                f'<tr class="section"><td colspan="{len(cols)}">{html.escape(printed(rec, section, plan))}</td></tr>'  # noqa: E501
            )
        cells = []
        for f in fields:
            attrs = ""
            if f in merged:
                if not merged[f][i]:
                    continue
                attrs = f' rowspan="{merged[f][i]}"'
            cls = f' class="rag rag-{rec[f]}"' if f == "status" and spec.get("rag_colours") else ""
            cells.append(f"<td{attrs}{cls}>{html.escape(printed(rec, f, plan))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead>{''.join(head)}</thead><tbody>{''.join(body)}</tbody></table>"


def html_cards(plan: dict, spec: dict) -> str:
    """No table: a heading per pillar, then one block per action with labelled details below it."""
    out, last = [], None
    for rec in plan["actions"]:
        if rec["theme"] != last:
            last = rec["theme"]
            out.append(f"<h2>{html.escape(printed(rec, 'theme', plan))}</h2>")
        details = " &nbsp;|&nbsp; ".join(
            f"<b>{html.escape(label)}:</b> {html.escape(printed(rec, f, plan))}"
            for label, f in spec["details"]
        )
        out.append(
            f'<div class="card"><p><b>{html.escape(rec["ref"])}</b>&nbsp; {html.escape(rec["action"])}</p>'
            f'<p class="details">{details}</p></div>'
        )
    return "".join(out)


CSS_BASE = """
body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10.5pt; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 5px 6px; }
h1 { font-size: 16pt; }
"""
CSS = {
    "grid": "th, td { border: 1px solid #333; } th { background: #dde4ee; }",
    "zebra": "th { border-bottom: 2px solid #555; } tbody tr:nth-child(even) td { background: #eeeeee; }"
    " tr.section td { background: #2d4f73 !important; color: white; font-weight: bold; }",
    "rowspan": "th, td { border: 1px solid #777; } th { background: #f2e6c9; }",
    "cards": ".card { border-left: 4px solid #2d4f73; padding: 2px 10px; margin: 8px 0; }"
    " .card p { margin: 3px 0; } .details { color: #333; font-size: 90%; } h2 { font-size: 13pt; }",
    "sections": "th, td { border: 1px solid #444; } tr.section td { font-weight: bold; background: #e9e9e9; }",  # noqa: E501
}


def render_html(plan: dict, spec: dict, out: Path) -> None:
    page = "A4 landscape" if spec.get("landscape") else "A4"
    running = ""
    if spec.get("running_title"):
        running = (
            f'<div class="running">{html.escape(spec["running_title"])}</div>'
            "<style>.running { position: fixed; top: 0; left: 0; right: 0; font-size: 8.5pt; color: #555;"
            " border-bottom: 1px solid #999; } body { padding-top: 0.6cm; }"
            " tr.spacer th { height: 0.9cm; border: none !important; background: none !important; }</style>"
        )
    rag = (
        ".rag { text-align: center; font-weight: bold; width: 2.2em; } .rag-G { background: #8fd18f; }"
        " .rag-A { background: #f5c26b; } .rag-R { background: #ef8a80; } .rag-B { background: #8fb3e8; }"
    )
    intro = "".join(f"<p>{html.escape(p)}</p>" for p in spec.get("intro", []))
    split = "tr { page-break-inside: auto; break-inside: auto; }" if spec.get("split_rows") else ""
    body = html_cards(plan, spec) if spec.get("cards") else html_table(plan, spec)
    key = f"<p><em>{html.escape(plan['key'])}</em></p>" if spec.get("key") and plan.get("key") else ""
    doc = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(plan["title"])}</title>
<style>@page {{ size: {page}; margin: 2.2cm 1.6cm 1.8cm 1.6cm; }} {CSS_BASE} {CSS[spec["css"]]} {rag}
body {{ font-size: {spec.get("font_pt", 10.5)}pt; }} {split}</style></head>
<body>{running}<h1>{html.escape(plan["title"])}</h1>{intro}{body}{key}</body></html>"""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "plan.html"
        src.write_text(doc, encoding="utf-8")
        subprocess.run(
            CHROMIUM + [f"--print-to-pdf={out}", src.as_uri()], check=True, capture_output=True, timeout=120
        )


# ---------------------------------------------------------------- reportlab


def render_platypus(plan: dict, spec: dict, out: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("cell", fontSize=11, leading=14)
    head = cell.clone("head", fontName="Helvetica-Bold")
    data = [[Paragraph(html.escape(c), head) for c in spec["columns"]]]
    fill = {"G": "#7cc47c", "A": "#f3b94f", "R": "#e5675c", "B": "#6d9be0"}
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9d9d9")),
    ]
    rag_col = spec["fields"].index("status")
    for i, rec in enumerate(plan["actions"], start=1):
        data.append([Paragraph(html.escape(printed(rec, f, plan)), cell) for f in spec["fields"]])
        style += [
            ("BACKGROUND", (rag_col, i), (rag_col, i), colors.HexColor(fill[rec["status"]])),
            ("ALIGN", (rag_col, i), (rag_col, i), "CENTER"),
        ]
    widths = [w * cm for w in spec["widths_cm"]]
    table = Table(data, colWidths=widths, repeatRows=1, splitInRow=1 if spec.get("split_rows") else 0)
    table.setStyle(TableStyle(style))
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4 if spec.get("portrait") else landscape(A4),
        leftMargin=1.5 * cm,
        rightMargin=1.5 * cm,
        topMargin=1.5 * cm,
        bottomMargin=1.5 * cm,
        title=plan["title"],
    )
    story = [Paragraph(html.escape(plan["title"]), styles["Title"])]
    story += [Paragraph(html.escape(p), styles["BodyText"]) for p in spec.get("intro", [])]
    story += [Spacer(1, 8), table, Spacer(1, 8), Paragraph(html.escape(plan["key"]), styles["BodyText"])]
    doc.build(story)


def render_canvas(plan: dict, spec: dict, out: Path) -> None:
    """Text at computed positions, no rules or fills: what an Excel sheet printed without gridlines gives.

    spec["rotated"]: a landscape layout stored on portrait pages with /Rotate 90 and the content drawn
    turned by a quarter (how some drivers store landscape pages); viewers show it upright.
    """
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import cm
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    width, height = landscape(A4) if spec.get("landscape") or spec.get("rotated") else A4
    c = canvas.Canvas(str(out), pagesize=(width, height))  # reportlab swaps the box for a rotated page
    c.setTitle(plan["title"])

    def new_page() -> None:
        if spec.get("rotated"):
            c.setPageRotation(90)
            c.translate(A4[0], 0)
            c.rotate(90)

    xs, widths = [], [w * cm for w in spec["widths_cm"]]
    x = 1.5 * cm
    for w in widths:
        xs.append(x)
        x += w
    leading, bottom = 11.5, 2 * cm

    def header(y: float) -> float:
        c.setFont("Helvetica-Bold", 9)
        for xi, label in zip(xs, spec["columns"], strict=True):
            c.drawString(xi, y, label)
        return y - leading * 1.8

    new_page()
    c.setFont("Helvetica-Bold", 13)
    y = height - 2 * cm
    c.drawString(1.5 * cm, y, plan["title"])
    y = header(y - 1.2 * cm)
    for rec in plan["actions"]:
        lines = [
            simpleSplit(printed(rec, f, plan), "Helvetica", 9, w - 0.3 * cm)
            for f, w in zip(spec["fields"], widths, strict=True)
        ]
        need = max(len(block) for block in lines) * leading
        if y - need < bottom:
            c.showPage()
            new_page()
            y = header(height - 2 * cm)
        c.setFont("Helvetica", 9)
        for xi, block in zip(xs, lines, strict=True):
            for k, line in enumerate(block):
                c.drawString(xi, y - k * leading, line)
        y -= need + leading * 0.8
    if plan.get("key"):
        c.setFont("Helvetica", 9)
        c.drawString(1.5 * cm, y - leading, plan["key"])
    c.save()


def render_canvas_words(plan: dict, spec: dict, out: Path) -> None:
    """Every word its own text object, drawn column by column (not in reading order), tight row gaps
    and no rules: how some report writers and spreadsheet printers lay text out."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import cm
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    width, height = landscape(A4)
    c = canvas.Canvas(str(out), pagesize=(width, height))
    c.setTitle(plan["title"])
    widths = [w * cm for w in spec["widths_cm"]]
    xs = [1.5 * cm + sum(widths[:k]) for k in range(len(widths))]
    leading, size = 11.0, 9

    def words(x: float, y: float, line: str, font: str) -> None:
        c.setFont(font, size)
        for word in line.split():
            c.drawString(x, y, word)
            x += stringWidth(word + " ", font, size)

    pages: list[list[tuple[float, list[list[str]]]]] = [[]]
    y = height - 3.6 * cm
    for rec in plan["actions"]:
        block = [
            simpleSplit(printed(rec, f, plan), "Helvetica", size, w - 0.35 * cm)
            for f, w in zip(spec["fields"], widths, strict=True)
        ]
        need = max(len(b) for b in block) * leading
        if y - need < 1.6 * cm:
            pages.append([])
            y = height - 2.6 * cm
        pages[-1].append((y, block))
        y -= need + leading * 0.45
    for n, page in enumerate(pages):
        top = height - (3.6 if n == 0 else 2.6) * cm + leading * 1.6
        if n == 0:
            words(1.5 * cm, height - 2 * cm, plan["title"], "Helvetica-Bold")
        for k in range(len(widths)):  # column-major content stream
            words(xs[k], top, spec["columns"][k], "Helvetica-Bold")
            for y, block in page:
                for i, line in enumerate(block[k]):
                    words(xs[k], y - i * leading, line, "Helvetica")
        if n == len(pages) - 1 and plan.get("key"):
            words(1.5 * cm, 1.2 * cm, plan["key"], "Helvetica")
        c.showPage()
    c.save()


def render_calc(plan: dict, spec: dict, out: Path) -> None:
    """openpyxl workbook printed by LibreOffice Calc: no gridlines, wrapped cells, pillar written only on
    the first row of its group (blank cells below, as people type spreadsheets), title rows repeated."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "Action plan"
    ws.append([plan["title"]])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([])
    ws.append(spec["columns"])
    for cell in ws[3]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E78")
    last = None
    for rec in plan["actions"]:
        values = []
        for f in spec["fields"]:
            value = printed(rec, f, plan)
            if f in spec.get("blank_repeats", []):
                value, last = (value if value != last else ""), value
            values.append(value)
        ws.append(values)
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for k, w in enumerate(spec["widths_chars"]):
        ws.column_dimensions[chr(ord("A") + k)].width = w
    for row in ws.iter_rows(min_row=4):  # Calc does not grow rows from openpyxl: set heights from wrap
        lines = max(
            -(-len(str(cell.value or "")) // int(w * 0.95))
            for cell, w in zip(row, spec["widths_chars"], strict=True)  # noqa: E501
        )
        ws.row_dimensions[row[0].row].height = 13 * max(lines, 1) + 3
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_view.showGridLines = False
    ws.print_options.gridLines = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "3:3"
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{out.stem}.xlsx"
        wb.save(src)
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(src)],
            check=True,
            capture_output=True,
            timeout=180,
        )
        (Path(tmp) / f"{out.stem}.pdf").replace(out)


# ---------------------------------------------------------------- python-docx


def render_docx(plan: dict, spec: dict, out: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    if spec.get("landscape"):
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    doc.styles["Normal"].font.size = Pt(9.5)
    if spec.get("running_title"):
        section.header.paragraphs[0].text = spec["running_title"]
    doc.add_heading(plan["title"], level=1)
    for p in spec.get("intro", []):
        doc.add_paragraph(p)
    cols, fields, groups = spec["columns"], spec["fields"], spec.get("groups")
    n_head = 2 if groups else 1
    section_by = spec.get("section_by")
    body: list = []
    last = None
    for rec in plan["actions"]:
        if section_by and rec[section_by] != last:
            last = rec[section_by]
            body.append(("section", printed(rec, section_by, plan)))
        body.append(("row", rec))
    table = doc.add_table(rows=n_head + len(body), cols=len(cols))
    table.style = "Table Grid"
    if groups:
        k = 0
        for label, n in groups:
            if n == 1 and label == cols[k]:
                table.cell(0, k).merge(table.cell(1, k)).text = label
            else:
                table.cell(0, k).merge(table.cell(0, k + n - 1)).text = label
                for j in range(n):
                    table.cell(1, k + j).text = cols[k + j]
            k += n
    else:
        for j, label in enumerate(cols):
            table.cell(0, j).text = label
    for r in range(n_head):
        for cell in table.rows[r].cells:
            for run in (run for p in cell.paragraphs for run in p.runs):
                run.bold = True
    merge_fields = spec.get("merge", [])
    data_rows = [(n_head + i, item[1]) for i, item in enumerate(body) if item[0] == "row"]
    for i, (kind, item) in enumerate(body):
        r = n_head + i
        if kind == "section":
            cell = table.cell(r, 0).merge(table.cell(r, len(cols) - 1))
            cell.text = item
            cell.paragraphs[0].runs[0].bold = True
            continue
        for j, f in enumerate(fields):
            if f not in merge_fields:
                table.cell(r, j).text = printed(item, f, plan)
    for f in merge_fields:
        j = fields.index(f)
        recs = [rec for _, rec in data_rows]
        for k, n in enumerate(spans(recs, f)):
            if n:
                top = table.cell(data_rows[k][0], j)
                cell = top.merge(table.cell(data_rows[k + n - 1][0], j)) if n > 1 else top
                cell.text = printed(recs[k], f, plan)
    if spec.get("key") and plan.get("key"):
        doc.add_paragraph(plan["key"])
    doc.save(str(out))


# ---------------------------------------------------------------- documents and truth

INTRO = [
    "This plan sets out what we will do over the period to meet our obligations as a signatory of the "
    "Technician Commitment. It was drafted by the technical staff steering group after a survey of all "
    "technical staff and consultation with faculty leadership, and progress against it is reported to the "
    "University Executive Board twice a year.",
    "Each deliverable has a named accountable owner and a target date. Ratings are reviewed at each "
    "steering group meeting.",
]

DOCS = [
    (
        ASHBOURNE,
        "chromium_grid",
        render_html,
        {
            "columns": [
                "No.",
                "Priority area",
                "Deliverable",
                "Success indicator",
                "Accountable",
                "Target date",
                "RAG",
            ],
            "fields": ["ref", "theme", "action", "measure", "lead", "timescale", "status"],
            "css": "grid",
            "running_title": "University of Ashbourne \u00b7 Technician Commitment \u00b7 2024/25 \u2013 2026/27",  # noqa: E501
            "intro": INTRO,
            "key": True,
            "rag_colours": True,
            "font_pt": 12,
        },
    ),
    (
        BRACKLEY,
        "chromium_zebra_landscape",
        render_html,
        {
            "columns": ["#", "What we will do", "How we will know", "Who", "When"],
            "fields": ["ref", "action", "measure", "lead", "timescale"],
            "css": "zebra",
            "landscape": True,
            "font_pt": 13,
            "intro": INTRO[:1],
            "section_by": "theme",
        },
    ),
    (
        COLDHARBOUR,
        "chromium_rowspan",
        render_html,
        {
            "columns": ["Pillar", "Objective", "Activity", "KPI", "Owner", "Due", "Progress commentary"],
            "fields": ["theme", "objective", "action", "measure", "lead", "timescale", "progress"],
            "css": "rowspan",
            "landscape": True,
            "merge": ["theme", "objective"],
        },
    ),
    (
        DUNMORE,
        "reportlab_grid",
        render_platypus,
        {
            "columns": ["Ref", "Theme", "Action", "Success measure", "Lead", "Target", "RAG"],
            "fields": ["ref", "theme", "action", "measure", "lead", "timescale", "status"],
            "widths_cm": [1.4, 3.2, 8.5, 6.5, 4.0, 2.2, 1.0],
            "intro": INTRO,
        },
    ),
    (
        ELMSTEAD,
        "canvas_nolines",
        render_canvas,
        {
            "columns": ["ID", "Pillar", "Action", "Owner", "Due", "Status"],
            "fields": ["ref", "theme", "action", "lead", "timescale", "status"],
            "widths_cm": [1.3, 3.2, 7.4, 3.4, 1.8, 2.0],
        },
    ),
    (
        FARROWDALE,
        "merged_pillar_twohead",
        render_docx,
        {
            "columns": ["Pillar", "Ref", "Action", "Lead", "Date", "Measure of success"],
            "fields": ["theme", "ref", "action", "lead", "timescale", "measure"],
            "groups": [("Pillar", 1), ("Ref", 1), ("Action", 1), ("Delivery", 2), ("Measure of success", 1)],
            "merge": ["theme"],
            "landscape": True,
        },
    ),
    (
        FARROWDALE,
        "chromium_twohead",
        render_html,
        {
            "columns": ["Pillar", "Ref", "Action", "Lead", "Date", "Measure of success"],
            "fields": ["theme", "ref", "action", "lead", "timescale", "measure"],
            "groups": [("Pillar", 1), ("Ref", 1), ("Action", 1), ("Delivery", 2), ("Measure of success", 1)],
            "merge": ["theme"],
            "css": "rowspan",
            "landscape": True,
        },
    ),
    (
        GREYWELL,
        "timescale_first",
        render_docx,
        {
            "columns": ["Timescale", "Owner", "Status", "No.", "Action"],
            "fields": ["timescale", "lead", "status", "ref", "action"],
            "section_by": "objective",
        },
    ),
    (
        GREYWELL,
        "chromium_sections",
        render_html,
        {
            "columns": ["Timescale", "Owner", "Status", "No.", "Action"],
            "fields": ["timescale", "lead", "status", "ref", "action"],
            "section_by": "objective",
            "css": "sections",
            "font_pt": 13,
            "intro": INTRO,
        },
    ),
    (
        COLDHARBOUR,
        "chromium_rows_split",
        render_html,
        {
            "columns": ["Pillar", "Objective", "Activity", "KPI", "Owner", "Due", "Progress commentary"],
            "fields": ["theme", "objective", "action", "measure", "lead", "timescale", "progress"],
            "css": "rowspan",
            "merge": ["theme", "objective"],
            "font_pt": 13,
            "split_rows": True,
            "intro": INTRO,
        },
    ),
    (
        DUNMORE,
        "canvas_words",
        render_canvas_words,
        {
            "columns": ["Ref", "Theme", "Action", "Success measure", "Lead", "Target", "RAG"],
            "fields": ["ref", "theme", "action", "measure", "lead", "timescale", "status"],
            "widths_cm": [1.3, 3.0, 8.6, 7.0, 4.0, 1.9, 1.0],
        },
    ),
    (
        DUNMORE,
        "canvas_rotated",
        render_canvas,
        {
            "columns": ["Ref", "Theme", "Action", "Success measure", "Lead", "Target", "RAG"],
            "fields": ["ref", "theme", "action", "measure", "lead", "timescale", "status"],
            "rotated": True,
            "widths_cm": [1.3, 3.0, 8.6, 7.0, 4.0, 1.9, 1.0],
        },
    ),
    (
        DUNMORE,
        "reportlab_narrow_portrait",
        render_platypus,
        {
            "columns": ["Ref", "Theme", "Action", "Success measure", "Lead", "Target", "RAG"],
            "fields": ["ref", "theme", "action", "measure", "lead", "timescale", "status"],
            "portrait": True,
            "split_rows": True,
            "widths_cm": [1.3, 2.4, 5.0, 4.0, 2.6, 1.6, 1.0],
            "intro": INTRO,
        },
    ),
    (
        ELMSTEAD,
        "chromium_cards",
        render_html,
        {
            "columns": ["ID", "Pillar", "Action", "Owner", "Due", "Status"],
            "fields": ["ref", "theme", "action", "lead", "timescale", "status"],
            "css": "cards",
            "cards": True,
            "details": [("Owner", "lead"), ("Due", "timescale"), ("Status", "status")],
        },
    ),
]
CONTROLS = {
    "chromium_grid",
    "chromium_zebra_landscape",
    "chromium_rowspan",
    "reportlab_grid",
    "canvas_nolines",
}


if (
    Path("/usr/lib/libreoffice/program/libscfiltlo.so").exists()
    or Path("/usr/lib/libreoffice/program/libsclo.so").exists()
):
    DOCS.append(
        (
            BRACKLEY,
            "calc_export",
            render_calc,
            {
                "columns": ["Pillar", "#", "What we will do", "How we will know", "Who", "When"],
                "fields": ["theme", "ref", "action", "measure", "lead", "timescale"],
                "blank_repeats": ["theme"],
                "widths_chars": [16, 4, 48, 40, 24, 14],
            },
        )
    )


def truth_columns(spec: dict) -> list[str]:
    if not spec.get("groups"):
        return list(spec["columns"])
    out, k = [], 0
    for label, n in spec["groups"]:
        out += (
            [label]
            if n == 1 and label == spec["columns"][k]
            else [f"{label}: {c}" for c in spec["columns"][k : k + n]]
        )
        k += n
    return out


def truth(plan: dict, style: str, spec: dict) -> dict:
    actions = []
    for rec in plan["actions"]:
        out = {
            f: rec[f]
            for f in ("theme", "ref", "objective", "action", "measure", "lead", "status", "progress")
        }
        out.update(commitment="", stated_rec="", timescale=rec["timescale"])
        if rec["status"] and plan.get("status_norm"):
            out["status_norm"] = plan["status_norm"][rec["status"]]
        if rec["printed_theme"]:
            out["printed"] = {"theme": rec["printed_theme"]}
        actions.append(out)
    return {
        "plan_id": plan["plan_id"],
        "institution": plan["institution"],
        "period": plan["period"],
        "title": plan["title"],
        "columns": truth_columns(spec),
        "layout": {
            "style": style,
            "orientation": "landscape" if spec.get("landscape") else "portrait",
            "column_fields": list(spec["fields"]),
            "legend": plan.get("key", ""),
        },
        "notes": [
            "held-out benchmark plan (holdout2): fictional institution, content written for it",
            "timescale kept for reference (score.py does not score it); status is the printed value",
        ],
        "actions": actions,
    }


def labels(plans: list[dict]) -> dict:
    out: dict = {
        "_about": "TALENT labels for holdout2, by ref (or objective_prefix where the plan has no refs); "
        "any listed label counts. Written from the 16 recommendations."
    }
    for plan in plans:
        if plan.get("objective_labels"):
            out[plan["plan_id"]] = [
                {"objective_prefix": o, "labels": lab} for o, lab in plan["objective_labels"].items()
            ]
        else:
            out[plan["plan_id"]] = [{"ref": r["ref"], "labels": r["labels"]} for r in plan["actions"]]
    return out


def main() -> None:
    PLANS_DIR.mkdir(exist_ok=True)
    TRUTH_DIR.mkdir(exist_ok=True)
    seen: dict[str, dict] = {}
    for plan, style, render, spec in DOCS:
        ext = ".docx" if render is render_docx else ".pdf"
        render(plan, spec, PLANS_DIR / f"{plan['plan_id']}__{style}{ext}")
        if style in CONTROLS:
            render_docx(plan, {**spec, "landscape": True}, PLANS_DIR / f"{plan['plan_id']}__control.docx")
        if plan["plan_id"] not in seen:
            seen[plan["plan_id"]] = plan
            (TRUTH_DIR / f"{plan['plan_id']}.json").write_text(
                json.dumps(truth(plan, style, spec), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
            )
    (HERE / "labels.json").write_text(
        json.dumps(labels(list(seen.values())), indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
