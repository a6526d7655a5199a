"""Calibrate the PDF table score against measured F1, and report how far it can be trusted.

Collects one (evidence, measured F1) pair per table talentmap finds:
  * ICDAR 2013 (outside benchmark): each logical table's cell-adjacency F1 against the truth
    table it is paired with by the outside scorer's own assignment (uniform representation,
    strict text; a table paired with nothing has F1 0), using the scorer's functions;
  * the layout generator (tests/layoutgen): each sample's record F1 (its scorer), given to the
    sample's largest table (most samples print one).
Then fits the score (extract/pdf/table_score.py: a logistic model on the evidence, coefficients
signed the way each piece of evidence can only point) by K-fold cross-validation grouped by
document, prints the held-out reliability table (score band -> count, mean score, mean F1, share
with F1 < 0.5) beside the rule it replaces (recomputed from the same evidence), and with
`--write` stores the coefficients fitted on all pairs in extract/pdf/data/table_score.csv and the
table in README.md.

    python benchmarks/table_score_calibration.py collect --icdar /work/shared/tablebench/icdar2013 \
        --scorer /work/shared/eval/score_tables.py [-n 200] --pairs /tmp/table_pairs.json
    python benchmarks/table_score_calibration.py fit --pairs /tmp/table_pairs.json [--write]

Collecting needs the outside data (measurement only); fitting and the report read only the pairs
file. The tests run the fit and the report on pairs of their own.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import sys
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SCORE_CSV = ROOT / "extract" / "pdf" / "data" / "table_score.csv"
MARK_START, MARK_END = "<!-- table-score:start -->", "<!-- table-score:end -->"

# The sign each coefficient may take: -1 for evidence of a bad grid (more of it can only lower
# the score), 0 for free.
SIGNS = {
    "beside_share": -1,
    "lost_share": -1,
    "split_share": -1,
    "empty_cell_share": -1,
    "merged_row_share": -1,
    "sparse_column_share": -1,
    "prose_column_share": -1,
    "stacked_row_share": -1,
    "gutter_column_share": -1,
    "cut_cell_share": -1,
    "few_rows": -1,
    "ruled_share": 0,
    "unruled_few_rows": -1,
}
FEATURES = tuple(SIGNS)
BANDS = (0.0, 0.2, 0.4, 0.6, 0.8, 0.95, 1.0000001)
BAD_F1 = 0.5
HIGH_SCORE = 0.95
FOLDS = 10
L2 = 0.1


@dataclass(frozen=True)
class Pair:
    source: str  # "icdar" or "layoutgen"
    doc: str  # the document (the cross-validation group)
    table: str
    features: dict[str, float]
    f1: float


# -- the fit -----------------------------------------------------------------------------------


def fit(pairs: Sequence[Pair], l2: float = L2) -> tuple[float, dict[str, float]]:
    """Fractional logistic regression (F1 as the target, cross-entropy loss, Newton steps) with
    every signed coefficient kept on its side: a coefficient that comes out on the wrong side is
    held at 0 and the rest refitted, until none does."""
    names = list(FEATURES)
    x_all = np.array([[p.features.get(n, 0.0) for n in names] for p in pairs], dtype=float)
    y = np.array([p.f1 for p in pairs], dtype=float)
    free = list(range(len(names)))
    while True:
        x = np.column_stack([np.ones(len(pairs)), x_all[:, free]])
        beta = _newton(x, y, l2)
        wrong = [k for k, j in enumerate(free) if SIGNS[names[j]] * beta[k + 1] < 0]
        if not wrong:
            break
        worst = max(wrong, key=lambda k: abs(beta[k + 1]))
        free.pop(worst)
    weights = dict.fromkeys(names, 0.0)
    for k, j in enumerate(free):
        weights[names[j]] = float(beta[k + 1])
    return float(beta[0]), weights


def _newton(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    beta = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) * l2
    penalty[0, 0] = 0.0  # the intercept is not shrunk
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -30, 30)))
        grad = x.T @ (p - y) + penalty @ beta
        hess = x.T @ (x * (p * (1 - p))[:, None]) + penalty + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return beta


def predict(intercept: float, weights: dict[str, float], features: dict[str, float]) -> float:
    z = intercept + sum(w * features.get(n, 0.0) for n, w in weights.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fold_of(doc: str, folds: int = FOLDS) -> int:
    return zlib.crc32(doc.encode()) % folds


def held_out(pairs: Sequence[Pair], folds: int = FOLDS) -> list[float]:
    """Each pair's score from a model fitted without its document's fold."""
    out = [0.0] * len(pairs)
    for k in range(folds):
        test = [i for i, p in enumerate(pairs) if fold_of(p.doc, folds) == k]
        if not test:
            continue
        intercept, weights = fit([p for p in pairs if fold_of(p.doc, folds) != k])
        for i in test:
            out[i] = predict(intercept, weights, pairs[i].features)
    return out


def old_rule(features: dict[str, float]) -> float:
    """The score this replaces: geometry (held words x (0.7 + 0.3 x filled cells)) lowered by
    prose columns and merged rows, recomputed from the same evidence."""
    held = 1 - sum(features.get(k, 0.0) for k in ("beside_share", "lost_share", "split_share"))
    geometry = max(0.0, held) * (0.7 + 0.3 * (1 - features.get("empty_cell_share", 0.0)))
    return (
        geometry
        * (1 - features.get("prose_column_share", 0.0))
        * (1 - 0.5 * features.get("merged_row_share", 0.0))
    )


# -- the report --------------------------------------------------------------------------------


def reliability(scores: Sequence[float], f1s: Sequence[float]) -> list[tuple[str, int, float, float, float]]:
    """Per score band: (band, count, mean score, mean F1, share with F1 < 0.5)."""
    rows = []
    for lo, hi in zip(BANDS, BANDS[1:], strict=False):
        idx = [i for i, s in enumerate(scores) if lo <= s < hi]
        label = f"{lo:.2f}-{min(hi, 1.0):.2f}"
        if not idx:
            rows.append((label, 0, 0.0, 0.0, 0.0))
            continue
        rows.append(
            (
                label,
                len(idx),
                sum(scores[i] for i in idx) / len(idx),
                sum(f1s[i] for i in idx) / len(idx),
                sum(1 for i in idx if f1s[i] < BAD_F1) / len(idx),
            )
        )
    return rows


def summary(scores: Sequence[float], f1s: Sequence[float], low: float) -> dict[str, float]:
    bad = [i for i, f in enumerate(f1s) if f < BAD_F1]
    n = max(len(scores), 1)
    return {
        "n": len(scores),
        "bad": len(bad),
        "high_but_bad": sum(1 for i in bad if scores[i] >= HIGH_SCORE),
        "caught": sum(1 for i in bad if scores[i] < low),
        "flagged": sum(1 for s in scores if s < low),
        "good_flagged": sum(1 for i, s in enumerate(scores) if s < low and f1s[i] >= BAD_F1),
        "brier": sum((s - f) ** 2 for s, f in zip(scores, f1s, strict=True)) / n,
    }


def report(pairs: Sequence[Pair], held: Sequence[float], low: float, folds: int = FOLDS) -> str:
    old = [old_rule(p.features) for p in pairs]
    lines = [
        f"Held-out ({folds}-fold by document) over {len(pairs)} tables: "
        + ", ".join(f"{src} {sum(1 for p in pairs if p.source == src)}" for src in _sources(pairs))
        + ". F1: ICDAR cell-adjacency F1 against the paired truth table; generator: the sample's record F1.",
        "",
    ]
    for name, scores in (
        ("calibrated score (held out)", held),
        ("rule it replaces (recomputed from these counts, less its merged-cell pause penalty)", old),
    ):
        lines += [
            f"{name}:",
            "",
            "| score band | tables | mean score | mean F1 | share F1 < 0.5 |",
            "|---|---|---|---|---|",
        ]
        for band, n, ms, mf, bad in reliability(scores, [p.f1 for p in pairs]):
            lines.append(
                f"| {band} | {n} | {ms:.2f} | {mf:.2f} | {bad:.2f} |" if n else f"| {band} | 0 | | | |"
            )
        lines.append("")
    lines += [
        "| set | score | tables | F1 < 0.5 | of them score >= 0.95 | of them below "
        + f"{low:g} | good ones below {low:g} | Brier |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for src in (*_sources(pairs), "all"):
        idx = [i for i, p in enumerate(pairs) if src in ("all", p.source)]
        f1s = [pairs[i].f1 for i in idx]
        for name, scores in (("calibrated", held), ("old rule", old)):
            s = summary([scores[i] for i in idx], f1s, low)
            lines.append(
                f"| {src} | {name} | {s['n']} | {s['bad']} | {s['high_but_bad']} | {s['caught']} | "
                f"{s['good_flagged']} | {s['brier']:.3f} |"
            )
    return "\n".join(lines) + "\n"


def _sources(pairs: Sequence[Pair]) -> list[str]:
    return list(dict.fromkeys(p.source for p in pairs))


def write_coefficients(path: Path, intercept: float, weights: dict[str, float]) -> None:
    rows = ["name,value", f"intercept,{intercept:.6f}", *(f"{n},{w:.6f}" for n, w in weights.items())]
    path.write_text("\n".join(rows) + "\n")


def write_readme(path: Path, text: str) -> None:
    readme = path.read_text()
    start, end = readme.index(MARK_START) + len(MARK_START), readme.index(MARK_END)
    path.write_text(readme[:start] + "\n" + text + readme[end:])


# -- collecting pairs (needs the outside data) -------------------------------------------------


def _scorer(path: Path):  # noqa: ANN202 - the outside scorer as a module
    spec = importlib.util.spec_from_file_location("score_tables", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_tables"] = module
    spec.loader.exec_module(module)
    return module


def icdar_pairs(data: Path, scorer_path: Path) -> list[Pair]:
    from talentmap.extract import extract_document

    st = _scorer(scorer_path)
    truth = {
        stem: [st.GTDoc(v.name, v.pdf, [st.uniform(t) for t in v.tables]) for v in variants]
        for stem, variants in st.load_gt(data).items()
    }
    out = []
    for stem, variants in sorted(truth.items()):
        doc = extract_document(variants[0].pdf)
        grids = [
            st.uniform(
                st.grid_from_rows(
                    [list(r.cells) for r in t.rows], [r.page or 1 for r in t.rows], collapse=True
                )
            )
            for t in doc.tables
        ]
        best = st.score_pdf(variants, grids)
        rel = [sum(st.relations(g).values()) for g in grids]
        f1 = [0.0] * len(grids)
        for _name, n_gt, n_det, corr, j in best.per_table:
            if j is not None and n_gt + n_det:
                f1[j] = 2 * corr / (n_gt + n_det)
        for j, t in enumerate(doc.tables):
            if rel[j] == 0:
                continue  # a one-cell table has no relations to score
            out.append(Pair("icdar", stem, f"{j}:{t.extractor}", dict(t.evidence), f1[j]))
        print(f"icdar {stem}: {len(doc.tables)} tables, F1 {[round(f, 2) for f in f1]}", flush=True)
    return out


def layoutgen_pairs(n: int, start: int = 0) -> list[Pair]:
    sys.path.insert(0, str(ROOT / "tests"))
    from layoutgen import default_cache, make_sample, render, score_sample

    from talentmap.extract import extract_document
    from talentmap.normalise import normalise

    samples = [make_sample(seed) for seed in range(start, start + n)]
    rendered = render(samples, default_cache())
    out = []
    for seed, (pdf, sample) in sorted(rendered.items()):
        try:
            doc = extract_document(pdf)
            plan = normalise(doc, file_stem=pdf.stem)
        except Exception as exc:  # noqa: BLE001 - a failed sample has no table to pair
            print(f"layoutgen {seed}: {exc}", flush=True)
            continue
        tables = [t for t in doc.tables if t.evidence]
        if not tables:
            continue
        rows = [{k: str(v or "") for k, v in vars(r).items()} for r in plan.records]
        f1 = score_sample(sample.records(), rows).f1
        main = max(tables, key=lambda t: len(t.rows))
        out.append(Pair("layoutgen", sample.name, main.extractor, dict(main.evidence), f1))
    print(f"layoutgen: {len(out)} samples with a PDF table", flush=True)
    return out


def save_pairs(path: Path, pairs: Sequence[Pair]) -> None:
    path.write_text(json.dumps([vars(p) for p in pairs], indent=0))


def load_pairs(path: Path) -> list[Pair]:
    return [Pair(**d) for d in json.loads(path.read_text())]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cmd", choices=["collect", "fit"])
    ap.add_argument("--pairs", type=Path, required=True)
    ap.add_argument("--icdar", type=Path)
    ap.add_argument("--scorer", type=Path)
    ap.add_argument("-n", type=int, default=200, help="generator samples (0: none)")
    ap.add_argument("--write", action="store_true", help="store the coefficients and the README table")
    args = ap.parse_args(argv)
    if args.cmd == "collect":
        pairs = icdar_pairs(args.icdar, args.scorer) if args.icdar else []
        pairs += layoutgen_pairs(args.n) if args.n else []
        save_pairs(args.pairs, pairs)
        print(f"{len(pairs)} pairs -> {args.pairs}")
        return 0
    from talentmap.extract.pdf.table_score import LOW_SCORE

    pairs = load_pairs(args.pairs)
    held = held_out(pairs)
    text = report(pairs, held, LOW_SCORE)
    intercept, weights = fit(pairs)
    text += (
        "\nCoefficients fitted on all tables (extract/pdf/data/table_score.csv): "
        + ", ".join([f"intercept {intercept:.2f}", *(f"{n} {w:.2f}" for n, w in weights.items() if w)])
        + ".\n"
    )
    print(text)
    if args.write:
        write_coefficients(SCORE_CSV, intercept, weights)
        write_readme(README, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
