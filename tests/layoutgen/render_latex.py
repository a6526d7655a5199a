"""Printed blocks -> LaTeX (longtable, booktabs or \\hline and | rules, colortbl fills) -> pdflatex.

The look as LaTeX prints it (`drawable`), said plainly so the truth JSON never describes a PDF
that differs from it:
- longtable never breaks a row across a page: `rows_split` is drawn False;
- a merged group cell is printed at the top of its first row with no rule across the rows it
  covers and one fill (as booktabs tables print a group): `\\multirow` is not used because it
  cannot make its rows taller, so a long objective would run over the next group's rows. A
  merged cell centred in its rows cannot be printed that way, so `span` with `valign=middle` is
  drawn `valign=top`.
Booktabs rules (\\toprule, \\midrule, \\cmidrule, \\bottomrule) when the look has no column
rules, \\hline / \\cline and | rules when it has (booktabs rules break vertical rules). Text is
never hyphenated by TeX (the truth holds whole words); ligatures and quotes print as the text.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

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

PT_PER_CM = 72.27 / 2.54
PAPER_CM = {"A4": (21.0, 29.7), "Letter": (21.59, 27.94)}
FONT_PACKAGES = {
    "sans": "\\usepackage{helvet}\n\\renewcommand{\\familydefault}{\\sfdefault}",
    "serif": "\\usepackage{mathptmx}",
    "narrow": "\\usepackage{helvet}\n\\renewcommand{\\familydefault}{\\sfdefault}\n"
    "\\renewcommand{\\mddefault}{c}\n\\renewcommand{\\bfdefault}{bc}",  # Helvetica Narrow
    "mono": "\\usepackage{courier}\n\\renewcommand{\\familydefault}{\\ttdefault}",
}
SPECIALS = {
    "\\": "\\textbackslash{}",
    "&": "\\&",
    "%": "\\%",
    "$": "\\$",
    "#": "\\#",
    "_": "\\_",
    "{": "\\{",
    "}": "\\}",
    "~": "\\textasciitilde{}",
    "^": "\\textasciicircum{}",
    "'": "\\textquotesingle{}",
    "`": "\\textasciigrave{}",
    '"': "\\textquotedbl{}",
    "<": "\\textless{}",
    ">": "\\textgreater{}",
    "-": "-{}",  # no -- or --- ligature: a dash prints as typed
    "\u2022": "\\textbullet{}",
    "\u00a3": "\\pounds{}",
}


# the PostScript fonts the font packages print, by reportlab's names for their metrics
METRICS = {
    "sans": ("Helvetica", "Helvetica-Bold", 1.0),
    "serif": ("Times-Roman", "Times-Bold", 1.0),
    "narrow": ("Helvetica", "Helvetica-Bold", 0.82),  # Helvetica Narrow: 82% of Helvetica's widths
    "mono": ("Courier", "Courier-Bold", 1.0),
}


class LatexLayoutError(RuntimeError):
    """pdflatex could not print the look faithfully (a row taller than the page)."""


def escape(text: str, fits=None) -> str:
    """Cell text as LaTeX source printing exactly that text; lines kept as \\newline. A word
    `fits` says is wider than its column may break between any two letters (TeX would run it
    over into the next column, where its letters would interleave with that column's text;
    LibreOffice and Chromium break it so too)."""

    def word(w: str) -> str:
        glue = "" if fits is None or fits(w) else "\\allowbreak{}"
        return glue.join(SPECIALS.get(ch, ch) for ch in w)

    return "\\newline ".join(" ".join(word(w) for w in line.split(" ")) for line in text.split("\n"))


def word_fits(look: Look, width: float, size: float, bold: bool):
    """Does a word, in the look's font at `size`, fit in `width` pt?"""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    regular, heavy, scale = METRICS[look.font]
    return lambda w: stringWidth(w, heavy if bold else regular, size) * scale <= width  # both in TeX pt


def drawable(look: Look) -> Look:
    """The look as LaTeX draws it (see the module docstring)."""
    valign = "top" if look.group_style == "span" else look.valign
    return replace(look, rows_split=False, valign=valign)


def booktabs(look: Look) -> bool:
    """Booktabs rules unless the look rules columns (booktabs rules leave gaps in them)."""
    return not look.edges & {"left", "right", "inner_v"}


def text_width_pt(look: Look) -> float:
    width, height = PAPER_CM[look.paper]
    return ((height if look.landscape else width) - 2 * look.margin_cm) * PT_PER_CM


def column_widths(look: Look, n_rules: int) -> list[float]:
    """p{} widths (pt) filling the text width after padding and column rules."""
    n = len(look.widths)
    free = text_width_pt(look) - n * 2 * look.padding_pt - n_rules * look.rule_width - 0.5
    total = sum(look.widths)
    return [free * w / total for w in look.widths]


def _font_size(size: float) -> str:
    return f"\\fontsize{{{size:g}}}{{{size * 1.2:.2f}}}\\selectfont"


def latex_source(plan: Plan, look: Look) -> str:
    """The whole document for `look` (already `drawable`)."""
    width, height = PAPER_CM[look.paper]
    geometry = [
        f"paperwidth={width}cm",
        f"paperheight={height}cm",
        f"margin={look.margin_cm}cm",
        *(["landscape"] if look.landscape else []),
        *(["headsep=4pt", "footskip=14pt", "headheight=12pt"] if look.furniture else []),
    ]
    lines = [
        "\\documentclass{article}",
        "\\pdfgentounicode=1",
        "\\input{glyphtounicode}",
        "\\usepackage[T1]{fontenc}",
        "\\usepackage[utf8]{inputenc}",
        "\\usepackage{textcomp}",
        FONT_PACKAGES[look.font],
        f"\\usepackage[{','.join(geometry)}]{{geometry}}",
        "\\usepackage[table]{xcolor}",
        "\\usepackage{array,longtable,booktabs,fancyhdr}",
        "\\pdftrailerid{}",
        f"\\renewcommand{{\\normalsize}}{{{_font_size(look.font_size)}}}",
        "\\setlength{\\parindent}{0pt}",
        "\\hyphenpenalty=10000 \\exhyphenpenalty=10000 \\tolerance=9999 \\emergencystretch=3em",
        f"\\setlength{{\\tabcolsep}}{{{look.padding_pt:g}pt}}",
        f"\\setlength{{\\arrayrulewidth}}{{{look.rule_width:g}pt}}",
        f"\\setlength{{\\heavyrulewidth}}{{{look.rule_width:g}pt}}",
        f"\\setlength{{\\lightrulewidth}}{{{look.rule_width:g}pt}}",
        f"\\setlength{{\\cmidrulewidth}}{{{look.rule_width:g}pt}}",
        f"\\setlength{{\\extrarowheight}}{{{look.padding_pt:g}pt}}",
        f"\\arrayrulecolor[HTML]{{{look.rule_colour}}}",
        "\\setlength{\\LTleft}{0pt}",
        "\\setlength{\\LTright}{\\fill}",
    ]
    if look.header_fill or look.zebra or look.section_fill:
        # booktabs' space round its rules would be left unfilled beside a fill
        lines += ["\\setlength{\\aboverulesep}{0pt}", "\\setlength{\\belowrulesep}{0pt}"]
    if look.furniture:
        lines += [
            "\\pagestyle{fancy}",
            "\\fancyhf{}",
            f"\\fancyhead[L]{{\\fontsize{{8}}{{9.6}}\\selectfont {escape(running_header(plan))}}}",
            "\\fancyfoot[C]{\\fontsize{8}{9.6}\\selectfont Page \\thepage}",
        ]
    else:
        lines.append("\\pagestyle{empty}")
    lines += ["\\begin{document}", "\\normalsize"]
    for block in print_plan(plan, look):
        lines.append(_text(block, look) if isinstance(block, Text) else table_source(block, look))
    lines.append("\\end{document}")
    return "\n".join(lines) + "\n"


def _text(block: Text, look: Look) -> str:
    body = escape(block.text)
    if block.role == "title":
        return f"{{{_font_size(look.font_size + 6)}\\bfseries {body}\\par}}\\vspace{{6pt}}"
    if block.role == "heading":
        heading = f"{{{_font_size(look.font_size + 3)}\\bfseries {body}\\par}}"
        return f"\\vspace{{6pt}}{heading}\\nopagebreak\\vspace{{4pt}}"
    if block.role == "callout":
        return (
            f"\\vspace{{6pt}}\\colorbox[HTML]{{{CALLOUT_FILL}}}{{\\parbox{{\\dimexpr\\linewidth-2\\fboxsep\\relax}}"
            f"{{{body}}}}}\\par\\vspace{{12pt}}"
        )
    return f"{body}\\par\\vspace{{6pt}}"


def _owners(block: Table) -> dict[tuple[int, int], tuple[int, int]]:
    """(row, column) -> the (row, column) of the cell printed there (itself or a span's first)."""
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(block.rows):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    owner[(r + dr, c + dc)] = (r, c)
    return owner


def _row_fill(block: Table, look: Look, r: int) -> str:
    if r < block.header_rows:
        return look.header_fill
    first = next(c for c in block.rows[r] if c is not None)
    if first.role == "section":
        return look.section_fill
    return look.zebra if block.banded[r] else ""


def _rule(look: Look, block: Table, b: int, owner) -> str:
    """The rule at row boundary b: full width, or pieces round cells merged across it."""
    if not horizontal_rule(look, b, block):
        return ""
    n = len(block.columns)
    edge = b in (0, len(block.rows))
    open_cols = [c for c in range(n) if edge or owner[(b, c)][0] == b]
    bt = booktabs(look)
    if len(open_cols) == n:
        if bt:
            return "\\toprule" if b == 0 else ("\\bottomrule" if b == len(block.rows) else "\\midrule")
        return "\\hline"
    runs: list[list[int]] = []
    for c in open_cols:
        if runs and runs[-1][-1] == c - 1:
            runs[-1].append(c)
        else:
            runs.append([c])
    cmd = "\\cmidrule" if bt else "\\cline"
    return "".join(f"{cmd}{{{run[0] + 1}-{run[-1] + 1}}}" for run in runs)


def _spec(look: Look, block: Table, widths: list[float], c: int, span: int, align: str) -> str:
    """A column's (or a span's) preamble with the rules on its sides."""
    width = sum(widths[c : c + span]) + (span - 1) * 2 * look.padding_pt
    width += sum(look.rule_width for b in range(c + 1, c + span) if vertical_rule(look, b, block))
    left = "|" if c == 0 and vertical_rule(look, 0, block) else ""
    right = "|" if vertical_rule(look, c + span, block) else ""
    kind = "m" if look.valign == "middle" else "p"
    # the padding below a cell's last line (\\extrarowheight gives it above the first)
    depth = 0.3 * 1.2 * look.font_size + look.padding_pt
    return f"{left}>{{{align}}}{kind}{{{width:.2f}pt}}<{{\\rule[-{depth:.2f}pt]{{0pt}}{{0pt}}}}{right}"


RAGGED = "\\raggedright\\arraybackslash"


def _content(cell: Cell, look: Look, justify_column: bool, width: float) -> str:
    header = cell.role == "header"
    size = look.header_size if header else look.font_size
    bold = look.header_bold if header else cell.role != "body"
    text = escape(cell.text, word_fits(look, width, size, bold))
    if header:
        style = _font_size(look.header_size) + ("\\bfseries" if look.header_bold else "")
        style += f"\\color[HTML]{{{look.header_text_colour}}}"
        return (RAGGED if justify_column else "") + f"{style} {text}"
    if cell.role in ("section", "objective_row"):
        return f"\\bfseries {text}"
    return text


def table_source(block: Table, look: Look) -> str:
    n = len(block.columns)
    n_rules = sum(vertical_rule(look, b, block) for b in range(n + 1))
    widths = column_widths(look, n_rules)
    body_align = "" if look.justify else RAGGED
    preamble = "".join(_spec(look, block, widths, c, 1, body_align) for c in range(n))
    owner = _owners(block)
    out = [f"\\begin{{longtable}}{{{preamble}}}"]

    def row_source(r: int) -> str:
        fill = _row_fill(block, look, r)
        cells = []
        for c in range(n):
            cell = block.rows[r][c]
            if cell is None:
                orow, ocol = owner[(r, c)]
                if orow == r:
                    continue  # inside a \multicolumn
                merged = block.rows[orow][ocol]
                assert merged is not None
                if ocol != c:
                    continue
                # covered by a cell merged from above: blank, in that cell's fill
                first = _row_fill(block, look, orow)
                text = f"\\cellcolor[HTML]{{{first}}}" if first else ("\\cellcolor{white}" if fill else "")
                if merged.colspan > 1:
                    spec = _spec(look, block, widths, c, merged.colspan, "")
                    text = f"\\multicolumn{{{merged.colspan}}}{{{spec}}}{{{text}}}"
                cells.append(text)
                continue
            width = sum(widths[c : c + cell.colspan]) + (cell.colspan - 1) * 2 * look.padding_pt
            content = _content(cell, look, bool(look.justify), width)
            if cell.colspan > 1:
                spec = _spec(look, block, widths, c, cell.colspan, RAGGED)
                content = f"\\multicolumn{{{cell.colspan}}}{{{spec}}}{{{content}}}"
            cells.append(content)
        prefix = f"\\rowcolor[HTML]{{{fill}}}" if fill else ""
        return prefix + " & ".join(cells) + " \\\\"

    head = [_rule(look, block, 0, owner)]
    for r in range(block.header_rows):
        head.append(row_source(r))
        head.append(_rule(look, block, r + 1, owner))
    head_src = "\n".join(x for x in head if x)
    out.append(head_src + "\n\\endfirsthead")
    if look.repeat_header:
        out.append(head_src)
    out.append("\\endhead")
    for r in range(block.header_rows, len(block.rows)):
        out.append(row_source(r))
        rule = _rule(look, block, r + 1, owner)
        if rule:
            out.append(rule)
    out.append("\\end{longtable}")
    return "\n".join(out)


def pdflatex() -> str | None:
    return shutil.which("pdflatex")


def write_pdf(plan: Plan, look: Look, path: Path) -> None:
    """Compile the look (already `drawable`) to `path`; LatexLayoutError if a row overflows a page."""
    exe = pdflatex()
    if not exe:
        raise RuntimeError("pdflatex is not installed")
    source = latex_source(plan, look)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "0", "FORCE_SOURCE_DATE": "1"}
    with tempfile.TemporaryDirectory(prefix="layoutgen-latex-") as tmp:
        tex = Path(tmp) / "plan.tex"
        tex.write_text(source, encoding="utf-8")
        for _ in range(2):  # longtable settles its chunks' widths on the second run
            run = subprocess.run(
                [exe, "-interaction=nonstopmode", "-halt-on-error", "plan.tex"],
                cwd=tmp,
                capture_output=True,
                encoding="latin-1",  # TeX's log is bytes, as the fonts' names and the input
                env=env,
                timeout=120,
            )
            if run.returncode:
                raise RuntimeError(f"pdflatex failed:\n{run.stdout[-2000:]}")
        log = (Path(tmp) / "plan.log").read_text(encoding="latin-1")
        if re.search(r"Overfull \\vbox", log):
            raise LatexLayoutError("a row is taller than the page")
        shutil.copyfile(Path(tmp) / "plan.pdf", path)
