"""Time the Word reader per file, beside python-docx merely loading and walking the same files.

    .venv/bin/python benchmarks/docx_speed.py [FILE or folder ...] [--repeat 5]

Defaults to the shared corpus's .docx files. Prints the best-of-N milliseconds per file for
`extract_document` (our reader: every part parsed, the body laid out) and for python-docx's
`Document()` plus reading every paragraph and table cell (what the reader before issue 13 did).
To time another checkout's reader, run with PYTHONPATH=/path/to/checkout.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SUFFIXES = {".docx", ".docm", ".dotx", ".dotm"}


def word_files(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for a in args or [str(DEFAULT)]:
        p = Path(a)
        out.extend(sorted(f for f in p.rglob("*") if f.suffix.lower() in SUFFIXES) if p.is_dir() else [p])
    return out


def our_extract(path: Path) -> None:
    from talentmap.extract import extract_document

    extract_document(path)


def python_docx_walk(path: Path) -> None:
    import docx

    doc = docx.Document(str(path))
    for para in doc.paragraphs:
        para.text  # noqa: B018 - the work being timed
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                cell.text  # noqa: B018


def per_file_ms(func: Callable[[Path], None], files: list[Path], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for f in files:
            func(f)
        best = min(best, time.perf_counter() - start)
    return best / len(files) * 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    files = word_files(args.paths)
    if not files:
        print("no Word files found", file=sys.stderr)
        return 2
    runs = [("talentmap extract_document", our_extract), ("python-docx load + walk", python_docx_walk)]
    for _, func in runs:  # warm imports
        func(files[0])
    print(f"{len(files)} Word files")
    for name, func in runs:
        print(f"{name:30s} {per_file_ms(func, files, args.repeat):7.1f} ms per file (best of {args.repeat})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
