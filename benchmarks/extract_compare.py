"""Compare the PDF reader's table rows with the .docx rendering of the same plan (corpus in ../shared).

For every corpus PDF, each .docx table row is matched to its best PDF row (rapidfuzz ratio over
the row's cells); prints per style the share of rows matched exactly and nearly (>= 95 per cell),
the first mismatches with --show N.

    python benchmarks/extract_compare.py [CORPUS_DIR] [--show N]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz

from talentmap.extract import extract_document


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def rows_of(doc) -> list[tuple[str, ...]]:
    return [tuple(norm(c) for c in r.cells) for t in doc.tables for r in t.rows]


def cell_score(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if len(a) != len(b):
        return 0.0
    return min(fuzz.ratio(x, y) for x, y in zip(a, b, strict=True))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default="../shared/corpus")
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for pdf in sorted(Path(args.corpus).glob("*/*.pdf")):
        style = pdf.stem.split("__")[1]
        want = rows_of(extract_document(pdf.with_suffix(".docx")))
        got = rows_of(extract_document(pdf))
        exact = near = 0
        misses = []
        for row in want:
            best = max((cell_score(row, g) for g in got), default=0.0)
            exact += best == 100
            near += best >= 95
            if best < 100:
                cand = max(got, key=lambda g: cell_score(row, g) if len(g) == len(row) else -1, default=())
                misses.append((best, row, cand))
        s = stats[style]
        s[0] += len(want)
        s[1] += exact
        s[2] += near
        s[3] += len(got)
        print(
            f"{pdf.name:45s} docx rows {len(want):3d} pdf rows {len(got):3d} exact {exact:3d} near {near:3d}"
        )
        for best, row, cand in misses[: args.show]:
            print(f"   miss {best:.0f} docx {row[0][:50]!r}")
            for i, (a, b) in enumerate(zip(row, cand, strict=False)):
                if a != b:
                    print(f"     col {i} docx {a!r}\n           pdf  {b!r}")
    print()
    for style, (n, exact, near, got) in sorted(stats.items()):
        print(
            f"{style:15s} docx rows {n:4d}  pdf rows {got:4d}  exact {exact / n:6.1%}  near {near / n:6.1%}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
