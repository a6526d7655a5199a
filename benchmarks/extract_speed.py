"""Time the PDF reader against the bare libraries, in one run over the same PDFs.

For each set of PDFs (default: the shared corpus PDFs and the wild set), CPU seconds and pages per
second of: bare pdfplumber `page.extract_tables()`; the pypdfium2 floor (every page's text and
each character's box, the least a PDFium page reader must do); talentmap's extract stage and the
whole pipeline (extract + normalise + map, `talentmap.pipeline.process_file`) with each page
reader; optionally camelot lattice (--camelot; slow). Ratios are to bare pdfplumber.

Then the scaling check: one plan (default tests/fixtures/pdf/grid.pdf) repeated to 50 and to 500
pages with pypdfium2's `import_pages`, each run through the pipeline in a fresh process: CPU time
per page and peak resident memory.

    python benchmarks/extract_speed.py [PDF or folder ...] [--camelot] [--repeat N] [--no-scaling]

Targets (issue 11): pipeline <= 0.5x bare pdfplumber on the shared PDFs and on the wild set; the
500-page plan within 10% of the 50-page plan's time per page, below 300 MB peak.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_SETS = {"shared corpus": SHARED / "corpus", "wild": SHARED / "wild"}
DEFAULT_PLAN = ROOT / "tests" / "fixtures" / "pdf" / "grid.pdf"
READERS = ("pdfium", "pdfplumber")


def pdfs(path: Path) -> list[Path]:
    return sorted(path.rglob("*.pdf")) if path.is_dir() else [path]


def bare_pdfplumber(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.close()


def camelot_lattice(path: Path) -> None:
    import camelot

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        camelot.read_pdf(str(path), pages="all", flavor="lattice")


def pdfium_floor(path: Path) -> None:
    """Every page's text in one call and each character's box (one C call per character)."""
    import ctypes

    import pypdfium2
    import pypdfium2.raw as pdfium_c

    pdf = pypdfium2.PdfDocument(str(path))
    box = [ctypes.c_double() for _ in range(4)]
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            n = pdfium_c.FPDFText_CountChars(textpage)
            textpage.get_text_range(0, n)
            for k in range(n):
                pdfium_c.FPDFText_GetCharBox(textpage, k, *box)
            textpage.close()
            page.close()
    finally:
        pdf.close()


def extract_with(reader: str) -> Callable[[Path], None]:
    from talentmap.extract import extract_document

    return lambda path: extract_document(path, pdf_reader=reader)


def pipeline_with(reader: str) -> Callable[[Path], None]:
    from talentmap.mapping import Matcher
    from talentmap.pipeline import process_file

    matcher = Matcher()

    def run(path: Path) -> None:
        with contextlib.suppress(Exception):  # a file the pipeline rejects still costs its time
            process_file(path, path.name, matcher, reader)

    return run


def page_count(path: Path) -> int:
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except Exception:
        return 0
    try:
        return len(pdf)
    finally:
        pdf.close()


def cpu_seconds(func: Callable[[Path], None], files: list[Path], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for f in files:
            try:
                func(f)
            except Exception:  # noqa: S112 - hostile files: a failure still costs its time
                continue
        best = min(best, time.process_time() - start)
    return best


def speed_table(name: str, files: list[Path], repeat: int, camelot: bool) -> float:
    """Print one set's table; return the pipeline (default reader) / bare pdfplumber ratio."""
    pages = sum(page_count(f) for f in files)
    runs: list[tuple[str, Callable[[Path], None]]] = [
        ("bare pdfplumber extract_tables", bare_pdfplumber),
        ("pypdfium2 floor (text + char boxes)", pdfium_floor),
    ]
    for reader in READERS:
        runs.append((f"extract stage, {reader} reader", extract_with(reader)))
        runs.append((f"pipeline, {reader} reader", pipeline_with(reader)))
    if camelot:
        runs.append(("camelot lattice", camelot_lattice))
    for _, func in runs:  # warm imports and lazy tables so the first column is not charged for them
        cpu_seconds(func, files[:1], 1)
    results = {label: cpu_seconds(func, files, repeat) for label, func in runs}
    base = results["bare pdfplumber extract_tables"]
    print(f"\n{name}: {len(files)} PDFs, {pages} pages (CPU seconds, best of {repeat})")
    for label, secs in results.items():
        rate = pages / secs if secs else float("inf")
        print(f"  {label:38s} {secs:8.2f} s {rate:8.1f} pages/s   x{secs / base:5.2f} of bare pdfplumber")
    return results[f"pipeline, {READERS[0]} reader"] / base


def repeated_plan(source: Path, pages: int, out: Path) -> Path:
    """`source`'s pages repeated in order up to `pages` pages."""
    import pypdfium2

    src = pypdfium2.PdfDocument(str(source))
    doc = pypdfium2.PdfDocument.new()
    n = len(src)
    while len(doc) < pages:
        take = min(n, pages - len(doc))
        doc.import_pages(src, list(range(take)))
    doc.save(str(out))
    doc.close()
    src.close()
    return out


_CHILD = """
import json, sys, time
from pathlib import Path
from talentmap.mapping import Matcher
from talentmap.pipeline import process_file
matcher = Matcher()
start = time.process_time()
result = process_file(Path(sys.argv[1]), "plan.pdf", matcher, sys.argv[2])
seconds = time.process_time() - start
# VmHWM: this process's own peak (ru_maxrss would carry over the forking parent's peak)
status = dict(line.split(":", 1) for line in open("/proc/self/status") if ":" in line)
peak_mb = int(status["VmHWM"].split()[0]) / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "rows": len(result.rows)}))
"""


def scaling(plan: Path, reader: str) -> tuple[float, float]:
    """Print the 50- vs 500-page run; return (time per page ratio, peak MB of the 500-page run)."""
    print(f"\nscaling: {plan.name} repeated, pipeline with the {reader} reader, one fresh process each")
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        for pages in (50, 500):
            path = repeated_plan(plan, pages, Path(tmp) / f"plan_{pages}.pdf")
            proc = subprocess.run(
                [sys.executable, "-c", _CHILD, str(path), reader], capture_output=True, text=True, check=True
            )
            got = json.loads(proc.stdout.strip().splitlines()[-1])
            figures[pages] = got
            print(
                f"  {pages:4d} pages: {got['seconds']:7.2f} s CPU, "
                f"{1000 * got['seconds'] / pages:6.1f} ms/page, "
                f"peak {got['peak_mb']:6.1f} MB, {got['rows']} rows"
            )
    per_page = (figures[500]["seconds"] / 500) / (figures[50]["seconds"] / 50)
    return per_page, figures[500]["peak_mb"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "paths", nargs="*", type=Path, help="PDFs or folders (default: shared corpus and wild set)"
    )
    ap.add_argument("--camelot", action="store_true", help="also time camelot lattice (slow)")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--plan", type=Path, default=DEFAULT_PLAN, help="the plan repeated for the scaling check")
    ap.add_argument("--no-scaling", action="store_true")
    args = ap.parse_args()
    sets = {str(p): p for p in args.paths} if args.paths else DEFAULT_SETS
    verdicts = []
    for name, path in sets.items():
        files = pdfs(path)
        if not files:
            print(f"\n{name}: no PDFs under {path}")
            continue
        ratio = speed_table(name, files, args.repeat, args.camelot)
        verdicts.append(f"pipeline x{ratio:.2f} of bare pdfplumber on {name} (target <= 0.50)")
    if not args.no_scaling:
        per_page, peak = scaling(args.plan, READERS[0])
        verdicts.append(f"500-page time per page x{per_page:.2f} of the 50-page plan's (target <= 1.10)")
        verdicts.append(f"500-page peak memory {peak:.0f} MB (target < 300)")
    print("\n" + "\n".join(verdicts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
