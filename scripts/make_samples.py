"""Write the sample plans in data/raw/: fictional institutions, in layouts like real published plans.

Two are published as PDFs (their Word sources are kept in tests/fixtures/samples/), two as .docx.

    python scripts/make_samples.py            # .docx only
    python scripts/make_samples.py --pdf      # also convert to PDF with LibreOffice (soffice)

The generated files are committed, so neither a fresh checkout nor CI needs LibreOffice.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"

NORTHGATE_TITLE = "University of Northgate Technician Commitment Action Plan 2023-2026"
NORTHGATE_LEGEND = "Status key: Green = on track; Amber = at risk; Red = delayed; Blue = complete"
NORTHGATE_HEADER = ("Ref", "Objective", "Action", "Success measure", "Lead", "Timescale", "RAG")
NORTHGATE = {
    "Visibility": [
        (
            "V1",
            "Raise the profile of technicians across the University",
            "Publish a termly technician newsletter and feature a technician of the month on the intranet.",
            "Newsletter issued each term; intranet page views",
            "Head of Technical Services",
            "Dec 2023",
            "Green",
        ),
        (
            "V2",
            "Raise the profile of technicians across the University",
            "Run an annual technician showcase event with posters and lab tours open to all staff.",
            "Showcase held each June with at least 100 attendees",
            "Technician Commitment Steering Group",
            "Jun 2024",
            "Amber",
        ),
        (
            "V3",
            "Promote technical careers to young people",
            "Host T-level placements and work experience weeks for local schools and colleges.",
            "Six placements a year",
            "Outreach Officer",
            "Sep 2024",
            "Green",
        ),
    ],
    "Recognition": [
        (
            "R1",
            "Recognise technical contributions to research",
            "Agree guidance with Research Services so that technical staff are named as co-authors and "
            "acknowledged on research outputs.",
            "Guidance approved by Research Committee",
            "Associate Pro-Vice-Chancellor (Research)",
            "Mar 2024",
            "Blue",
        ),
        (
            "R2",
            "Recognise technical contributions to research",
            "Add a technician category to the annual staff excellence awards.",
            "Category included in the 2024 awards",
            "HR Reward Manager",
            "May 2024",
            "Green",
        ),
    ],
    "Career Development": [
        (
            "C1",
            "Clear career pathways for technicians",
            "Map all technical roles to a technical job family with standard job descriptions and "
            "progression criteria.",
            "Job family published on the HR website",
            "HR Business Partner",
            "Jul 2025",
            "Red",
        ),
        (
            "C2",
            "Access to professional development",
            "Provide protected time for training and support applications for professional registration "
            "(RSciTech, RSci, CSci).",
            "Number of registered technicians doubles",
            "Technical Training Lead",
            "Jul 2026",
            "Amber",
        ),
    ],
    "Sustainability": [
        (
            "S1",
            "Understand our technical workforce",
            "Collect and analyse workforce data on the size, grades and diversity of technical staff and "
            "report it to the Steering Group each year.",
            "Annual workforce report",
            "HR Systems Manager",
            "Annual",
            "Green",
        ),
        (
            "S2",
            "Sustain technical skills",
            "Create two apprenticeship posts each year funded from the Apprenticeship Levy, with a "
            "succession plan for specialist skills.",
            "Apprentices recruited; skills register complete",
            "Director of Technical Services",
            "Jul 2026",
            "Amber",
        ),
    ],
}

WESTBROOK_TITLE = "Westbrook University - Technician Commitment Action Plan, March 2024 to March 2027"
WESTBROOK_HEADER = ("TALENT Rec", "Recommendation", "Action ref", "Tasks", "Owner", "Status")
WESTBROOK = [
    (
        "R3.",
        "Employers of technical staff should collect, report and analyse data on their technical workforce.",
        [
            ("3.1", "Return all technical staff to HESA with the correct occupation codes.", "HR", "G"),
            ("3.2", "Build a technician dashboard in Power BI showing headcount by grade.", "Planning", "A"),
        ],
    ),
    (
        "R7.",
        "Employers of technical staff should broaden access to technical careers by expanding entry routes.",
        [
            ("7.1", "Launch a trainee technician scheme for school leavers.", "Technical Services", "A"),
        ],
    ),
    (
        "R10.",
        "Employers of technical staff should ensure provision and access to a range of professional "
        "development opportunities tailored to technical roles and careers.",
        [
            (
                "10.1",
                "Fund a technician development budget that staff can bid into for conferences, courses "
                "and secondments to other universities, with a light-touch application.",
                "Technical Services",
                "G",
            ),
            (
                "10.2",
                "Offer mentoring and coaching to every technician who asks for it, and train twenty "
                "technicians as mentors.",
                "Organisational Development",
                "B",
            ),
            (
                "10.3",
                "Support technicians to achieve professional registration with the Science Council, "
                "paying the first year of fees.",
                "Technical Services",
                "G",
            ),
        ],
    ),
    (
        "R12.",
        "Employers should ensure technical staff are represented on decision-making committees.",
        [
            (
                "12.1",
                "Create a technician seat on Faculty Boards and the University Senate.",
                "Registrar",
                "R",
            ),
            (
                "12.2",
                "Give technical representatives protected time to attend committee meetings.",
                "Heads of School",
                "G",
            ),
        ],
    ),
]
WESTBROOK_LEGEND = "Status: G = on track, A = some delays, R = major delay, B = complete"

EASTFIELD_TITLE = "Eastfield College of Science: Our Technician Commitment Statement"
EASTFIELD_INTRO = (
    "Eastfield College signed the Technician Commitment in 2019. This statement sets out what we will "
    "do over the next three years for our technical community."
)
EASTFIELD = [
    "We will ensure technicians are visible on our website, in our prospectus and at open days.",
    "We will recognise technical staff as authors and contributors on research outputs and put them "
    "forward for national awards.",
    "We will support every technician to complete at least five days of professional development each "
    "year and to gain professional registration.",
    "We will expand apprenticeships and trainee routes into technical careers.",
]


def _borders(table, style: str) -> None:
    """Table borders: 'grid' (all lines) or 'none'."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single" if style == "grid" else "nil")
        el.set(qn("w:sz"), "4")
        borders.append(el)
    tbl_pr.append(borders)


def _widths(table, cm: tuple[float, ...]) -> None:
    """Fixed column widths on the table grid (w:gridCol), which LibreOffice lays out by."""
    table.autofit = False
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), cm, strict=True):
        col.set(qn("w:w"), str(int(Cm(width).twips)))


def _header_row(table, cells: tuple[str, ...]) -> None:
    row = table.rows[0]
    for cell, text in zip(row.cells, cells, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")  # repeat header on every page
    tr_pr.append(el)


def _banner(doc) -> None:
    doc.sections[0].header.paragraphs[0].text = "Technician Commitment"


def northgate(path: Path) -> None:
    doc = Document()
    _banner(doc)
    doc.add_heading(NORTHGATE_TITLE, level=1)
    doc.add_paragraph(NORTHGATE_LEGEND)
    table = doc.add_table(rows=1, cols=len(NORTHGATE_HEADER))
    _borders(table, "grid")
    _header_row(table, NORTHGATE_HEADER)
    for pillar, rows in NORTHGATE.items():
        section = table.add_row()
        merged = section.cells[0].merge(section.cells[-1])
        merged.text = pillar
        for values in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, values, strict=True):
                cell.text = text
    _widths(table, (1.1, 2.6, 4.8, 2.8, 2.2, 1.6, 1.3))
    _font(doc, 9)
    doc.save(path)


def westbrook(path: Path) -> None:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    _banner(doc)
    doc.add_paragraph(WESTBROOK_TITLE)
    doc.add_paragraph(WESTBROOK_LEGEND)
    table = doc.add_table(rows=1, cols=len(WESTBROOK_HEADER))
    _borders(table, "grid")
    _header_row(table, WESTBROOK_HEADER)
    for rec, text, tasks in WESTBROOK:
        first = len(table.rows)
        for ref, task, owner, status in tasks:
            cells = table.add_row().cells
            cells[2].text, cells[3].text, cells[4].text, cells[5].text = ref, task, owner, status
        last = len(table.rows) - 1
        table.cell(first, 0).merge(table.cell(last, 0)).text = rec
        table.cell(first, 1).merge(table.cell(last, 1)).text = text
    _widths(table, (2.2, 7, 2, 9, 3.5, 1.6))
    _font(doc, 12)
    doc.save(path)


def eastfield(path: Path) -> None:
    doc = Document()
    doc.add_heading(EASTFIELD_TITLE, level=1)
    doc.add_paragraph(EASTFIELD_INTRO)
    doc.add_paragraph("We commit to the following:")
    for text in EASTFIELD:
        doc.add_paragraph(text, style="List Number")
    doc.save(path)


ASHFORD_TITLE = "Ashford University: progress against the TALENT Commission targeted recommendations"
ASHFORD_HEADER = ("Targeted Recommendation", "What could we do?", "What have we done?")
ASHFORD = [
    (
        "Ensure representation of technical staff on department-, school-, faculty-, and institution-level "
        "decision-making committees, boards, panels, and similar groups.",
        "*Ask each Faculty Board to reserve a seat for a technician.\n*Brief new technical representatives "
        "on how committees work.",
        "*Two Faculty Boards now have a technician member.",
    ),
    (
        "Provide transparent guidelines for how technical staff can be costed on to grants, sharing "
        "examples of best practice.",
        "*Work with the research office on costing templates that include technical time.",
        "",
    ),
    (
        "Encourage and support events for visibility, outreach, and public engagement specifically for "
        "and/or including technical staff.",
        "*Hold a technician careers stand at the spring science fair.\n*Film short videos of technicians "
        "at work for school visits.",
        "*Stand held in April 2024 with 300 visitors.",
    ),
]


def ashford(path: Path) -> None:
    doc = Document()
    _banner(doc)
    doc.add_paragraph(ASHFORD_TITLE)
    table = doc.add_table(rows=1, cols=len(ASHFORD_HEADER))
    _borders(table, "grid")
    _header_row(table, ASHFORD_HEADER)
    for values in ASHFORD:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            lines = text.split("\n")
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    doc.save(path)


def _font(doc, size: int) -> None:
    doc.styles["Normal"].font.size = Pt(size)


# name -> (generator, published as PDF?); the .docx sources of the PDFs go to tests/fixtures/samples
SAMPLES = {
    "university_of_northgate_2023.docx": (northgate, True),
    "westbrook_tc_action_plan.docx": (westbrook, True),
    "eastfield_statement.docx": (eastfield, False),
    "ashford_talent_progress.docx": (ashford, False),
}
SOURCES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "samples"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pdf", action="store_true", help="also write PDFs with LibreOffice")
    parser.add_argument("--out", type=Path, default=RAW)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    SOURCES.mkdir(parents=True, exist_ok=True)
    for name, (make, as_pdf) in SAMPLES.items():
        make((SOURCES if as_pdf else args.out) / name)
        if as_pdf and args.pdf:
            with tempfile.TemporaryDirectory() as tmp:
                subprocess.run(
                    ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(SOURCES / name)],
                    check=True,
                    capture_output=True,
                )
                pdf = Path(tmp) / Path(name).with_suffix(".pdf").name
                (args.out / pdf.name).write_bytes(pdf.read_bytes())
    return 0


if __name__ == "__main__":
    sys.exit(main())
