"""Time the PDF reader against the bare libraries, in one run over the same PDFs.

Columns: the full pipeline (extract + normalise + map, `talentmap.pipeline.process_file`), our
extract stage alone, bare pdfplumber `page.extract_tables()`, camelot lattice (skipped with
--no-camelot; slow), and pypdfium2 plain-text extraction (the floor for reading a text layer).
Prints seconds, pages per second and the ratios to bare pdfplumber.

    python benchmarks/extract_speed.py [PDF or folder ...] [--no-camelot] [--repeat N]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def pdfs(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for a in args or [str(DEFAULT)]:
        p = Path(a)
        out.extend(sorted(p.rglob("*.pdf")) if p.is_dir() else [p])
    return out


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


def pdfium_text(path: Path) -> None:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            pdf[i].get_textpage().get_text_range()
    finally:
        pdf.close()


def our_extract(path: Path) -> None:
    from talentmap.extract import extract_document

    extract_document(path)


def make_pipeline() -> Callable[[Path], None]:
    from talentmap.mapping import Matcher
    from talentmap.pipeline import process_file

    matcher = Matcher()

    def run(path: Path) -> None:
        with contextlib.suppress(Exception):  # a file the pipeline rejects still costs its time
            process_file(path, path.name, matcher)

    return run


def page_count(path: Path) -> int:
    import pdfplumber

    try:
        with pdfplumber.open(path) as pdf:
            return len(pdf.pages)
    except Exception:
        return 0


def timed(func: Callable[[Path], None], files: list[Path], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for f in files:
            try:
                func(f)
            except Exception:  # noqa: S112 - hostile files: a failure still costs its time
                continue
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--no-camelot", action="store_true")
    ap.add_argument("--no-pipeline", action="store_true")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    files = pdfs(args.paths)
    pages = sum(page_count(f) for f in files)
    runs: list[tuple[str, Callable[[Path], None]]] = []
    if not args.no_pipeline:
        runs.append(("pipeline (extract+normalise+map)", make_pipeline()))
    runs += [("talentmap extract only", our_extract), ("bare pdfplumber extract_tables", bare_pdfplumber)]
    if not args.no_camelot:
        runs.append(("camelot lattice", camelot_lattice))
    try:
        import pypdfium2  # noqa: F401

        runs.append(("pypdfium2 text", pdfium_text))
    except ImportError:
        pass
    for _, func in runs:  # warm imports and lazy tables so the first column is not charged for them
        timed(func, files[:1], 1)
    results = {name: timed(func, files, args.repeat) for name, func in runs}
    base = results["bare pdfplumber extract_tables"]
    print(f"{len(files)} PDFs, {pages} pages")
    for name, secs in results.items():
        print(
            f"{name:34s} {secs:8.2f} s {pages / secs:8.1f} pages/s   x{secs / base:5.2f} of bare pdfplumber"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
