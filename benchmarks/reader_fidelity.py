"""Both PDF page readers over real-world PDFs: which files give the same pages and rows, and how
the others differ. Measurement only (the test suite runs the same comparison on its fixtures).

    python benchmarks/reader_fidelity.py [PDF or folder ...]   (default: the shared corpus and wild set)

Per file: OK (same words within 0.5 pt, same edges and fills, same rows and text lines out of
`read_pdf`), or each difference: words (first few, pdfplumber "-" / pdfium "+"), word boxes (the
worst gap), edges, fills, rows, errors.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_pdf_readers import BOX_TOLERANCE, both, matched  # noqa: E402

from talentmap.extract import ExtractionError  # noqa: E402
from talentmap.extract.pdf.reader import read_pdf  # noqa: E402

DEFAULT = [ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "wild"]


def page_differences(a, b) -> list[str]:  # noqa: ANN001 - PageData
    out = []
    ta, tb = sorted(w.text for w in a.words), sorted(w.text for w in b.words)
    if ta != tb:
        diff = [d for d in difflib.ndiff(ta, tb) if d[:1] in "+-"]
        out.append(f"p{a.number} words {len(ta)}/{len(tb)}: {diff[:6]}")
    else:
        wa = [(w.text, w.x0, w.x1, w.top, w.bottom) for w in a.words]
        wb = [(w.text, w.x0, w.x1, w.top, w.bottom) for w in b.words]
        if not matched(wa, wb, BOX_TOLERANCE):
            worst = next(t for t in (1.0, 2.0, 5.0, 20.0, 1e9) if matched(wa, wb, t))
            out.append(f"p{a.number} word boxes off by up to {worst:g} pt")
    ea = [(e.orientation, e.stroked, e.x0, e.x1, e.top, e.bottom) for e in a.edges]
    eb = [(e.orientation, e.stroked, e.x0, e.x1, e.top, e.bottom) for e in b.edges]
    if not matched(ea, eb, BOX_TOLERANCE):
        out.append(f"p{a.number} edges {len(ea)}/{len(eb)}")
    fa = [(f.x0, f.x1, f.top, f.bottom) for f in a.fills]
    fb = [(f.x0, f.x1, f.top, f.bottom) for f in b.fills]
    if not matched(fa, fb, BOX_TOLERANCE):
        out.append(f"p{a.number} fills {len(fa)}/{len(fb)}")
    elif any(
        abs(x - y) > 0.01
        for x, y in zip(sorted(f.shade for f in a.fills), sorted(f.shade for f in b.fills), strict=False)
    ):
        out.append(f"p{a.number} fill shades")
    return out


def _outcome(result: object) -> str:
    return str(result) if isinstance(result, Exception) else "ok"


def file_differences(path: Path) -> list[str]:
    got = both(path)
    a, b = got["pdfplumber"], got["pdfium"]
    if isinstance(a, ExtractionError) or isinstance(b, ExtractionError):
        same = type(a) is type(b) and str(a).split(":")[0] == str(b).split(":")[0]
        return [] if same else [f"error: {_outcome(a)} | {_outcome(b)}"]
    if len(a.pages) != len(b.pages):
        return [f"pages {len(a.pages)}/{len(b.pages)}"]
    out = [d for x, y in zip(a.pages, b.pages, strict=True) for d in page_differences(x, y)]
    docs = both(path, read_pdf)
    da, db = docs["pdfplumber"], docs["pdfium"]
    if isinstance(da, Exception) or isinstance(db, Exception):
        if type(da) is not type(db):
            out.append(f"read_pdf: {_outcome(da)} | {_outcome(db)}")
    else:
        if [t.rows for t in da.tables] != [t.rows for t in db.tables]:
            out.append("rows differ")
        if [x.text for x in da.lines] != [x.text for x in db.lines]:
            out.append("text lines differ")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path)
    args = ap.parse_args()
    files = [f for p in (args.paths or DEFAULT) for f in (sorted(p.rglob("*.pdf")) if p.is_dir() else [p])]
    same = 0
    for f in files:
        diffs = file_differences(f)
        same += not diffs
        print(f"{'OK  ' if not diffs else 'DIFF'} {f}")
        for d in diffs[:8]:
            print(f"       {d}")
    print(f"\n{same} of {len(files)} files: same pages and same rows from both readers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
