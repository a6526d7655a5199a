"""What the PDF reader hands on, per file, saved to compare two versions of the code.

    python benchmarks/rows_snapshot.py save OUT.json [PDF or folder ...] [--reader pdfium]
    python benchmarks/rows_snapshot.py compare A.json B.json

`save` records for every PDF (default: the shared corpus, the wild set and ICDAR 2013) the
`read_pdf` tables (extractor and rows), its text lines, and the whole pipeline's contract rows
(or the error each stage raised). `compare` lists the files whose record differs and how. A
speed change that keeps outputs must compare equal on every file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT = [SHARED / "corpus", SHARED / "wild", SHARED / "tablebench" / "icdar2013"]


def record(path: Path, reader: str, matcher: object) -> dict:
    from talentmap.extract.pdf.reader import read_pdf
    from talentmap.extract.pdf.settings import PdfSettings
    from talentmap.pipeline import process_file

    out: dict = {}
    try:
        doc = read_pdf(path, PdfSettings(reader=reader))
        out["tables"] = [[t.extractor, t.score, [[r.page, *r.cells] for r in t.rows]] for t in doc.tables]
        out["lines"] = [[x.page, x.style, x.text] for x in doc.lines]
    except Exception as exc:  # noqa: BLE001 - the error is part of the record
        out["read_error"] = f"{type(exc).__name__}: {exc}"
    try:
        result = process_file(path, path.name, matcher, reader)
        out["rows"] = [dict(r) for r in result.rows]
    except Exception as exc:  # noqa: BLE001
        out["pipeline_error"] = f"{type(exc).__name__}: {exc}"
    return out


def save(target: Path, paths: list[Path], reader: str) -> None:
    from talentmap.mapping import Matcher

    matcher = Matcher()
    files = sorted(f for p in paths for f in (p.rglob("*.pdf") if p.is_dir() else [p]))
    snapshot = {}
    for f in files:
        snapshot[str(f)] = record(f, reader, matcher)
        print(f"{f.name}: {len(snapshot[str(f)].get('tables', []))} tables", file=sys.stderr)
    target.write_text(json.dumps(snapshot, indent=0, sort_keys=True))
    print(f"{len(files)} files -> {target}")


def compare(a: Path, b: Path) -> int:
    left, right = json.loads(a.read_text()), json.loads(b.read_text())
    differ = 0
    for name in sorted(set(left) | set(right)):
        x, y = left.get(name), right.get(name)
        if x == y:
            continue
        differ += 1
        keys = sorted(k for k in set(x or {}) | set(y or {}) if (x or {}).get(k) != (y or {}).get(k))
        print(f"DIFFERS {name}: {', '.join(keys)}")
    print(f"{len(set(left) | set(right))} files, {differ} differ")
    return 1 if differ else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("save")
    s.add_argument("out", type=Path)
    s.add_argument("paths", nargs="*", type=Path)
    s.add_argument("--reader", default="pdfium")
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args()
    if args.command == "save":
        save(args.out, args.paths or DEFAULT, args.reader)
        return 0
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
