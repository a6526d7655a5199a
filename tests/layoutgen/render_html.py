"""Printed blocks -> HTML -> PDF printed by headless Chromium (borders drawn as filled shapes).

Long words break inside a narrow cell, as LibreOffice and reportlab break them, rather than run
over into the next cell (where their letters would interleave with its text)."""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from pathlib import Path

from .look import Look
from .plan import Plan
from .printed import CALLOUT_FILL, Cell, Table, Text, horizontal_rule, print_plan, vertical_rule

FONT_FAMILIES = {
    "sans": "'Liberation Sans', sans-serif",
    "serif": "'Liberation Serif', serif",
    "narrow": "'Liberation Sans Narrow', sans-serif",
    "mono": "'DejaVu Sans Mono', monospace",
}
PAPER = {"A4": "A4", "Letter": "letter"}


def page_css(look: Look) -> str:
    """The page, font and table CSS of a look (the page_columns set adds its page layout to it)."""
    orientation = "landscape" if look.landscape else "portrait"
    header_weight = "font-weight: bold;" if look.header_bold else ""
    header_fill = f"background: #{look.header_fill};" if look.header_fill else ""
    return f"""
@page {{ size: {PAPER[look.paper]} {orientation}; margin: {look.margin_cm}cm; }}
body {{ font-family: {FONT_FAMILIES[look.font]}; font-size: {look.font_size}pt; margin: 0;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; margin-bottom: 10pt; }}
td, th {{ padding: {look.padding_pt}pt; vertical-align: {look.valign}; text-align: left;
         font-weight: normal; overflow-wrap: anywhere; }}
th {{ font-size: {look.header_size}pt; color: #{look.header_text_colour}; {header_weight} {header_fill} }}
td.body {{ {"text-align: justify;" if look.justify else ""} }}
td.section, td.objective_row {{ font-weight: bold; }}
{"" if look.rows_split else "tr { break-inside: avoid; page-break-inside: avoid; }"}
h1 {{ font-size: {look.font_size + 6}pt; }} h3 {{ font-size: {look.font_size + 3}pt; break-after: avoid; }}
"""


def write_html(plan: Plan, look: Look, path: Path) -> None:
    css = page_css(look)
    parts = [
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(plan.title)}</title>"
        f"<style>{css}</style></head><body>"
    ]
    for block in print_plan(plan, look):
        if isinstance(block, Text):
            tag = {"title": "h1", "heading": "h3"}.get(block.role, "p")
            style = f" style='background: #{CALLOUT_FILL}; padding: 8pt'" if block.role == "callout" else ""
            parts.append(f"<{tag}{style}>{html.escape(block.text)}</{tag}>")
        else:
            parts.append(_table(block, look))
    parts.append("</body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")


def _table(block: Table, look: Look) -> str:
    total = sum(look.widths)
    out = ["<table><colgroup>"]
    out += [f"<col style='width:{100 * w / total:.2f}%'>" for w in look.widths]
    out.append("</colgroup>")
    for r, row in enumerate(block.rows):
        if r == 0:
            out.append("<thead>" if look.repeat_header else "<tbody>")
        if r == block.header_rows and look.repeat_header:
            out.append("</thead><tbody>")
        out.append("<tr>")
        for c, cell in enumerate(row):
            if cell is not None:
                out.append(_cell(cell, r, c, block, look))
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _cell(cell: Cell, r: int, c: int, block: Table, look: Look) -> str:
    rule = f"{look.rule_width}pt solid #{look.rule_colour}"

    def side(on: bool) -> str:
        return rule if on else "none"

    style = [
        f"border-top: {side(horizontal_rule(look, r, block))}",
        f"border-bottom: {side(horizontal_rule(look, r + cell.rowspan, block))}",
        f"border-left: {side(vertical_rule(look, c, block))}",
        f"border-right: {side(vertical_rule(look, c + cell.colspan, block))}",
    ]
    fill = look.section_fill if cell.role == "section" else (look.zebra if block.banded[r] else "")
    if fill and cell.role != "header":
        style.append(f"background: #{fill}")
    tag = "th" if cell.role == "header" else "td"
    spans = (f" rowspan='{cell.rowspan}'" if cell.rowspan > 1 else "") + (
        f" colspan='{cell.colspan}'" if cell.colspan > 1 else ""
    )
    text = "<br>".join(html.escape(line) for line in cell.text.split("\n"))
    return f"<{tag} class='{cell.role}'{spans} style='{'; '.join(style)}'>{text}</{tag}>"


def print_to_pdf(html_path: Path, pdf: Path, furniture: bool) -> None:
    """Headless Chromium's print; with `furniture` its own running header and footer (title, date,
    address, page n/m), as a browser user printing the page would get."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not chromium:
        raise RuntimeError("Chromium is not installed")
    with tempfile.TemporaryDirectory(prefix="layoutgen-chromium-") as profile:
        cmd = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf}",
            html_path.resolve().as_uri(),
        ]
        if not furniture:
            cmd.insert(-1, "--no-pdf-header-footer")
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)
