"""Write the held-out plans (.docx, and .pdf through LibreOffice), their truth JSONs and labels.json.

Each plan in plans_data.py is rendered in one layout that the shared corpus does not use, so the
pipeline can be measured on schemes nobody has tuned for.

    .venv/bin/python benchmarks/holdout/make_holdout.py          # docx + pdf + truth + labels
    .venv/bin/python benchmarks/holdout/make_holdout.py --no-pdf
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import docx_kit as kit  # noqa: E402
from plans_data import PLANS  # noqa: E402

PLANS_DIR = HERE / "plans"
TRUTH_DIR = HERE / "truth"
TRUTH_FIELDS = ("theme", "ref", "objective", "action", "measure", "lead", "status", "progress", "commitment")


def new_doc(plan: dict, margin_cm: float = 2.0):
    doc = Document()
    kit.base_font(doc)
    kit.page_setup(doc, plan["landscape"], margin_cm)
    return doc


def title(doc, text: str, size: float = 15) -> None:
    run = doc.add_paragraph().add_run(text)
    run.bold = True
    run.font.size = Pt(size)


def header_row(table, columns, bold=True, fill: str | None = None, repeat=True) -> None:
    row = table.rows[0]
    for cell, text in zip(row.cells, columns, strict=True):
        kit.write_cell(cell, text, bold=bold)
        if fill:
            kit.shade(cell, fill)
    if repeat:
        kit.repeat_header(row)


def body_table(doc, plan: dict, actions: list[dict], borders: dict, fill: str | None = None):
    """One table: header row then one row per action, in the plan's column order."""
    cols = plan["columns"]
    table = doc.add_table(rows=1 + len(actions), cols=len(cols))
    kit.set_borders(table, borders)
    kit.fixed_widths(table, plan["widths"])
    header_row(table, cols, fill=fill)
    for i, rec in enumerate(actions, start=1):
        for j, field in enumerate(plan["column_fields"]):
            kit.write_cell(table.cell(i, j), rec["printed"].get(field, rec[field]))
    return table


# --- one renderer per layout ------------------------------------------------------------------


def render_pillar_tables(plan: dict):
    """Pillar headings as paragraphs above one table per pillar; printed RAG key at the end."""
    doc = new_doc(plan, 1.8)
    title(doc, plan["title"])
    doc.add_paragraph(
        "This plan sets out what we will do over the next three years under each pillar of the Technician "
        "Commitment. Progress is reviewed by the Technician Commitment Steering Group."
    )
    for heading, theme, blurb in plan["sections"]:
        rows = [a for a in plan["actions"] if a["theme"] == theme]
        doc.add_heading(heading, level=2)
        doc.add_paragraph(blurb)
        body_table(doc, plan, rows, kit.GRID)
        doc.add_paragraph()
    doc.add_paragraph(plan["legend"])
    return doc


def render_merged_theme(plan: dict):
    """Portrait grid; theme printed once in a vertically merged cell that crosses a page break."""
    doc = new_doc(plan, 2.0)
    title(doc, plan["title"], 14)
    doc.add_paragraph(
        "Updated for the Technical Development Group, June 2023. Actions are numbered by theme."
    )
    table = body_table(doc, plan, plan["actions"], kit.GRID)
    themes = [a["theme"] for a in plan["actions"]]
    col = plan["column_fields"].index("theme")
    start = 0
    for i in range(1, len(themes) + 1):
        if i == len(themes) or themes[i] != themes[start]:
            kit.merge_down(table, col, start + 1, i, themes[start], bold=True)
            start = i
    return doc


def render_noborder_narrow(plan: dict):
    """Landscape, no ruling lines, narrow Ref and RAG columns (words break inside them)."""
    doc = new_doc(plan, 1.5)
    title(doc, plan["title"])
    doc.add_paragraph(plan["legend"])
    body_table(doc, plan, plan["actions"], kit.NONE)
    doc.add_paragraph("Approved by the University Executive Group, January 2025.")
    return doc


def render_hrules_spans(plan: dict):
    """Horizontal rules only; the Commission rec and objective printed once over their action rows."""
    doc = new_doc(plan, 1.6)
    title(doc, plan["title"])
    doc.add_paragraph(
        "Each objective responds to a recommendation of the TALENT Commission (2022). Status is reported "
        "as Not started, In progress, Delayed or Complete."
    )
    table = body_table(doc, plan, plan["actions"], kit.HRULES)
    rec_col = plan["column_fields"].index("stated_rec")
    obj_col = plan["column_fields"].index("objective")
    row = 1
    for printed, _rid, objective, rows in plan["groups"]:
        last = row + len(rows) - 1
        kit.merge_down(table, rec_col, row, last, printed)
        kit.merge_down(table, obj_col, row, last, objective)
        row = last + 1
    return doc


def render_slide_export(plan: dict):
    """Spreadsheet/slide look: shaded bold header, bullets in cells, dated deadlines, legend below the
    table and a running footer with the page number."""
    doc = new_doc(plan, 1.5)
    footer = doc.sections[0].footer.paragraphs[0]
    footer.add_run(plan["footer"])
    kit.add_field(footer, "PAGE")
    title(doc, plan["title"], 13)
    doc.add_paragraph("Technician Commitment workstream")
    body_table(doc, plan, plan["actions"], kit.GRID, fill="1F4E79")
    for cell in doc.tables[0].rows[0].cells:
        for run in cell.paragraphs[0].runs:
            run.font.color.rgb = __import__("docx.shared", fromlist=["RGBColor"]).RGBColor(0xFF, 0xFF, 0xFF)
    doc.add_paragraph(plan["legend"])
    return doc


def render_lettered_statement(plan: dict):
    """No table: cover line with the institution, lettered commitments (a), (b) under pillar headings."""
    doc = new_doc(plan, 2.5)
    title(doc, plan["institution"].upper(), 18)
    title(doc, "Technician Commitment Statement 2023\u20132026", 14)
    doc.add_paragraph(
        "As a signatory of the Technician Commitment we value the technical staff whose skills underpin our "
        "teaching, research and knowledge exchange. This statement sets out the commitments we make to them "
        "for the next three years."
    )
    for theme, items in plan["groups"]:
        doc.add_heading(theme, level=2)
        for ref, text, _labels in items:
            para = doc.add_paragraph(f"({ref})\t{text}")
            para.paragraph_format.left_indent = kit.Cm(1.0)
            para.paragraph_format.first_line_indent = kit.Cm(-1.0)
    doc.add_paragraph("Signed on behalf of the University by the Vice-Chancellor, October 2023.")
    return doc


def render_header_only_institution(plan: dict):
    """The institution appears only in the running header; the period as 'Mar 2024 to Mar 2027'."""
    doc = new_doc(plan, 1.6)
    doc.sections[0].header.paragraphs[0].text = plan["running_header"]
    title(doc, plan["title"])
    doc.add_paragraph(
        "Owned by the Technician Commitment Working Group and reviewed at each meeting. Status: Complete, "
        "On track, Behind schedule or Not yet started."
    )
    table = body_table(doc, plan, plan["actions"], kit.GRID)
    two_row_header(table, plan["header_groups"], plan["header_leaves"])
    return doc


def two_row_header(table, groups: list[str], leaves: list[str]) -> None:
    """Turn the header row into two: a group cell over its leaf columns, other headers merged down."""
    new_row = table.add_row()  # appended at the end; move it to just below the header
    table._tbl.remove(new_row._tr)
    table.rows[0]._tr.addnext(new_row._tr)
    kit.repeat_header(new_row)
    j = 0
    while j < len(groups):
        if leaves[j]:
            last = j
            while last + 1 < len(groups) and groups[last + 1] == groups[j]:
                last += 1
            kit.write_cell(table.cell(0, j).merge(table.cell(0, last)), groups[j], bold=True)
            for k in range(j, last + 1):
                kit.write_cell(table.cell(1, k), leaves[k], bold=True)
            j = last + 1
        else:
            kit.merge_down(table, j, 0, 1, groups[j], bold=True)
            j += 1


def render_nested_paragraphs(plan: dict):
    """Cells with several paragraphs and '1)' sub-items; an empty Status column."""
    doc = new_doc(plan, 1.6)
    title(doc, plan["title"], 13)
    doc.add_paragraph("Status will be completed at the first review meeting.")
    body_table(doc, plan, plan["actions"], kit.GRID)
    return doc


def render_nested_layout_table(plan: dict):
    """The plan table sits inside a borderless 1x1 layout table (as some Word templates do)."""
    doc = new_doc(plan, 2.0)
    title(doc, plan["title"], 14)
    outer = doc.add_table(rows=1, cols=1)
    kit.set_borders(outer, kit.NONE)
    inner = outer.cell(0, 0).add_table(rows=1 + len(plan["actions"]), cols=len(plan["columns"]))
    kit.set_borders(inner, kit.GRID)
    scale = 16.0 / sum(plan["widths"])  # fit inside the outer cell
    kit.fixed_widths(inner, [w * scale for w in plan["widths"]])
    header_row(inner, plan["columns"])
    for i, rec in enumerate(plan["actions"], start=1):
        for j, field in enumerate(plan["column_fields"]):
            kit.write_cell(inner.cell(i, j), rec["printed"].get(field, rec[field]))
    return doc


def render_mixed_orientation(plan: dict):
    """A portrait cover section, then a landscape section holding the pillar tables."""
    doc = new_doc(dict(plan, landscape=False), 2.0)
    title(doc, plan["title"], 18)
    doc.add_paragraph(
        "Foreword. Our technicians make our research, teaching and public engagement possible. This plan "
        "was written with them and sets out what we will do over the next three years."
    )
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = kit.Cm(29.7), kit.Cm(21.0)
    for heading, theme, _blurb in plan["sections"]:
        doc.add_heading(heading, level=2)
        body_table(doc, plan, [a for a in plan["actions"] if a["theme"] == theme], kit.GRID)
    doc.add_paragraph(plan["legend"])
    return doc


def render_hrules_spacer_rows(plan: dict):
    """Horizontal rules only, an empty spacer row after some groups, so a row with broken narrow
    cells (ref, RAG) is split by the page break."""
    doc = new_doc(plan, 1.5)
    title(doc, plan["title"])
    doc.add_paragraph(plan["legend"])
    rows = []
    for rec in plan["actions"]:
        rows.append(rec)
        if rec["ref"] in plan["spacer_after"]:
            rows.append({**dict.fromkeys(rec, ""), "printed": {}})
    body_table(doc, plan, rows, kit.HRULES)
    return doc


RENDERERS = {
    "pillar_tables": render_pillar_tables,
    "merged_theme": render_merged_theme,
    "noborder_narrow": render_noborder_narrow,
    "hrules_spans": render_hrules_spans,
    "slide_export": render_slide_export,
    "lettered_statement": render_lettered_statement,
    "header_only_institution": render_header_only_institution,
    "nested_paragraphs": render_nested_paragraphs,
    "nested_layout_table": render_nested_layout_table,
    "mixed_orientation": render_mixed_orientation,
    "hrules_spacer_rows": render_hrules_spacer_rows,
}

# Extra documents of the same plans (same truth) in further layouts: (plan_id, style).
VARIANTS = (
    ("fenmoor_102", "nested_layout_table"),
    ("hartwell_101", "mixed_orientation"),
    ("kestrel_103", "hrules_spacer_rows"),
)


# --- truth ------------------------------------------------------------------------------------


def truth_record(rec: dict, plan_key: dict | None = None) -> dict:
    out = {f: rec.get(f, "") for f in TRUTH_FIELDS}
    out["stated_rec"] = rec["stated_rec"]
    out["timescale"] = rec["timescale"]
    if rec["status"] and plan_key:
        out["status_norm"] = plan_key[rec["status"]]
    if rec["printed"]:
        out["printed"] = rec["printed"]
    return out


def truth(plan: dict) -> dict:
    layout = {
        "orientation": "landscape" if plan["landscape"] else "portrait",
        "style": plan["style"],
        "column_fields": plan["column_fields"],
    }
    for key in ("widths", "legend", "kind", "footer", "running_header"):
        if key in plan:
            layout["column_widths" if key == "widths" else key] = plan[key]
    return {
        "plan_id": plan["plan_id"],
        "institution": plan["institution"],
        "period": plan["period"],
        "title": plan["title"],
        "columns": plan["columns"],
        "layout": layout,
        "notes": [
            "held-out benchmark plan: fictional institution, content written for benchmarks/holdout",
            "timescale is kept for reference (score.py does not score it)",
            "status_norm lists the contract's normalised status words the plan's own key allows (score.py "
            "does not check them: it accepts a row whose status_raw matches; strict_check.py does)",
        ],
        "actions": [truth_record(a, plan.get("status_key")) for a in plan["actions"]],
    }


def labels() -> dict:
    out: dict = {
        "_about": "TALENT labels for the held-out plans, by ref (or objective_prefix where a plan "
        "has no refs); any listed label counts. Written from the 16 recommendations, not from the "
        "plans' own citations."
    }
    for plan in PLANS:
        entries = []
        for a in plan["actions"]:
            if not a["labels"]:
                continue
            key = {"ref": a["ref"]} if a["ref"] else {"objective_prefix": a["objective"]}
            entries.append({**key, "labels": a["labels"]})
        out[plan["plan_id"]] = entries
    return out


def to_pdf(docx: Path) -> Path:
    soffice = shutil.which("soffice")
    if not soffice:
        raise SystemExit("soffice not found: install LibreOffice or use --no-pdf")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(docx.parent),
                str(docx),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    return docx.with_suffix(".pdf")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args()
    PLANS_DIR.mkdir(exist_ok=True)
    TRUTH_DIR.mkdir(exist_ok=True)
    for plan in PLANS:
        path = PLANS_DIR / f"{plan['plan_id']}__{plan['style']}.docx"
        RENDERERS[plan["style"]](plan).save(str(path))
        if not args.no_pdf and not plan.get("docx_only"):
            to_pdf(path)
        (TRUTH_DIR / f"{plan['plan_id']}.json").write_text(
            json.dumps(truth(plan), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print("wrote", path.name)
    by_id = {plan["plan_id"]: plan for plan in PLANS}
    for plan_id, style in VARIANTS:
        path = PLANS_DIR / f"{plan_id}__{style}.docx"
        RENDERERS[style](by_id[plan_id]).save(str(path))
        if not args.no_pdf:
            to_pdf(path)
        print("wrote", path.name)
    (HERE / "labels.json").write_text(json.dumps(labels(), indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
