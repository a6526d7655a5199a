"""Score the pipeline on random layouts from the property-based generator (tests/layoutgen).

Renders N samples (seeds START..START+N-1; LibreOffice from .docx, reportlab, Chromium), runs
`talentmap.read_plan` on each and scores it against the sample's own truth (record F1 on action
text, field accuracy on matched rows). Prints the F1 distribution (median, 5th percentile), the
worst seeds with their look, and the distribution by look feature. Renderings are cached under
the temp dir, keyed by generator version and seed.

    python benchmarks/layout_generator.py [-n 200] [--start 0] [--jobs 2] [--producers libreoffice,reportlab]
        [--cache DIR] [--worst 15] [--json OUT.json] [--csv-out DIR]

`--looks page_columns` (opt-in, never in the default draw; Chromium) prints each seed's plan on
a page of prose columns: prose in two columns above/below a full-width table, a narrow table
floated into one column beside body text, or a table beside a prose sidebar
(`tests/layoutgen/page_columns/`); cached in `<generator version>-page_columns-<its version>`.

LaTeX (longtable through pdflatex; needs texlive-latex-extra) is opt-in, never in the default
draw: `--producers latex -n 60 --jobs 1 --json /tmp/gen_latex.json` draws every seed's look for
LaTeX alone. A producer set other than the default is cached in its own directory
(`<generator version>-latex`), so a seed's LaTeX rendering is never taken for another's.

Targets (issue 10): median record F1 >= 0.99, 5th percentile >= 0.95.
`--csv-out DIR` writes actions.csv and truth/*.json there (the shared corpus's formats) so the
same run can be scored by an outside scorer too.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from layoutgen import GENERATOR_VERSION, default_cache, make_sample, render, score_sample  # noqa: E402
from layoutgen.look import OPT_IN_PRODUCERS, PRODUCERS  # noqa: E402

MEDIAN_TARGET, P5_TARGET = 0.99, 0.95


def read_rows(pdf: str) -> tuple[list[dict], str]:
    """The pipeline's rows for one PDF, or no rows and the error."""
    import talentmap

    try:
        frame = talentmap.read_plan(pdf)
    except Exception as exc:  # a failed file scores zero, it is not skipped
        return [], f"{type(exc).__name__}: {str(exc)[:160]}"
    return frame.fillna("").astype(str).to_dict("records"), ""


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile (numpy's default), q in 0..100."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def summary(values: list[float]) -> str:
    return (
        f"median {statistics.median(values):.3f}  p5 {percentile(values, 5):.3f}  "
        f"mean {statistics.fmean(values):.3f}  min {min(values):.3f}"
    )


def describe(sample) -> str:
    page = getattr(sample, "page", None)
    return sample.look.describe() + (f" {page.describe()}" if page else "")


def git_rev() -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=200, help="number of samples (default 200)")
    ap.add_argument("--start", type=int, default=0, help="first seed")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for the pipeline")
    ap.add_argument(
        "--producers",
        default=",".join(PRODUCERS),
        help=f"comma-separated, of {', '.join(PRODUCERS + OPT_IN_PRODUCERS)} (default: the first three)",
    )
    ap.add_argument(
        "--looks",
        choices=("default", "page_columns"),
        default="default",
        help="page_columns: the opt-in look set of tables on pages of prose columns (Chromium)",
    )
    ap.add_argument("--cache", type=Path, default=None, help="rendering cache (default: temp dir)")
    ap.add_argument("--worst", type=int, default=15, help="how many worst seeds to list")
    ap.add_argument("--json", type=Path, help="write per-sample results as JSON")
    ap.add_argument("--csv-out", type=Path, help="write actions.csv and truth/*.json here")
    args = ap.parse_args(argv)

    producers = tuple(p for p in args.producers.split(",") if p)
    unknown = set(producers) - set(PRODUCERS + OPT_IN_PRODUCERS)
    if unknown:
        ap.error(f"unknown producers: {', '.join(sorted(unknown))}")
    seeds = range(args.start, args.start + args.n)
    t0 = time.perf_counter()
    if args.looks == "page_columns":
        from layoutgen import page_columns

        cache = args.cache or page_columns.default_cache()
        samples = [page_columns.make_sample(seed) for seed in seeds]
        rendered = page_columns.render(samples, cache)
    else:
        cache = args.cache or default_cache(producers)
        samples = [make_sample(seed, producers) for seed in seeds]
        rendered = render(samples, cache)
    samples = [rendered[s.seed][1] for s in samples]  # as drawn (a fallback look where one was needed)
    paths = {seed: pdf for seed, (pdf, _) in rendered.items()}
    t_render = time.perf_counter() - t0
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        outputs = list(pool.map(read_rows, [str(paths[s.seed]) for s in samples]))
    t_read = time.perf_counter() - t0

    results = []
    for s, (rows, error) in zip(samples, outputs, strict=True):
        if not paths[s.seed].exists():
            rows, error = [], "rendering failed"
        sc = score_sample(s.records(), rows)
        results.append(
            {"seed": s.seed, "score": sc, "error": error, "look": s.look, "sample": s, "rows": rows}
        )

    f1s = [r["score"].f1 for r in results]
    accs = [r["score"].field_acc for r in results]
    print(
        f"layout generator benchmark: {len(results)} samples "
        f"(seeds {args.start}..{args.start + args.n - 1}), "
        f"generator {GENERATOR_VERSION}, talentmap {git_rev()}; cache {cache}"
    )
    print(f"render {t_render:.0f}s, read {t_read:.0f}s ({args.jobs} jobs)")
    print(f"record F1     : {summary(f1s)}   (targets: median >= {MEDIAN_TARGET}, p5 >= {P5_TARGET})")
    print(f"field accuracy: {summary(accs)}")
    cuts = (0.5, 0.8, P5_TARGET, MEDIAN_TARGET)
    counts = [sum(f == 0 for f in f1s), sum(0 < f < cuts[0] for f in f1s)]
    counts += [sum(lo <= f < hi for f in f1s) for lo, hi in itertools.pairwise(cuts)]
    counts.append(sum(f >= cuts[-1] for f in f1s))
    between = [f"[{lo:g},{hi:g})" for lo, hi in itertools.pairwise(cuts)]
    labels = ["0", f"(0,{cuts[0]:g})", *between, f"[{cuts[-1]:g},1]"]
    print("record F1 histogram: " + ", ".join(f"{lab}: {n}" for lab, n in zip(labels, counts, strict=True)))
    ok = sum(f >= MEDIAN_TARGET for f in f1s)
    errors = [r for r in results if r["error"]]
    print(
        f"samples with F1 >= {MEDIAN_TARGET}: {ok}/{len(f1s)}; below {P5_TARGET}: "
        f"{sum(f < P5_TARGET for f in f1s)}; read errors: {len(errors)}"
    )
    per_field: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in results:
        for f, (c, n) in r["score"].per_field.items():
            per_field[f][0] += c
            per_field[f][1] += n
    print(
        "field accuracy on matched rows: "
        + ", ".join(f"{f}={c / n:.2f}" for f, (c, n) in per_field.items() if n)
    )
    hit = statistics.median(f1s) >= MEDIAN_TARGET and percentile(f1s, 5) >= P5_TARGET
    print(f"targets met: {'yes' if hit else 'NO'}")

    print(f"\nworst {args.worst} seeds:")
    for r in sorted(results, key=lambda r: (r["score"].f1, r["score"].field_acc, r["seed"]))[: args.worst]:
        sc = r["score"]
        print(
            f"  seed {r['seed']:5d}  F1 {sc.f1:.2f}  field {sc.field_acc:.2f}  gold {sc.gold:2d} "
            f"pred {sc.predicted:2d} match {sc.matched:2d}  scheme {'|'.join(r['sample'].plan.fields)}"
        )
        print(f"              {describe(r['sample'])}")
        if r["error"]:
            print(f"              error: {r['error']}")

    print("\nrecord F1 by look feature (n, median, p5, mean):")
    by: dict[tuple[str, str], list[float]] = defaultdict(list)
    for r in results:
        page = getattr(r["sample"], "page", None)
        feats = (
            r["look"].features()
            | (page.features() if page else {})
            | {
                "scheme": "|".join(r["sample"].plan.fields),
                "objective_rows": str(r["sample"].plan.objective_rows).lower(),
            }
        )
        for k, v in feats.items():
            by[(k, v)].append(r["score"].f1)
    for feature in dict.fromkeys(k for k, _ in by):
        print(f"  {feature}:")
        for (k, v), vals in sorted(by.items(), key=lambda kv: statistics.fmean(kv[1])):
            if k == feature:
                print(
                    f"    {v:42s} n={len(vals):3d}  median {statistics.median(vals):.3f}  "
                    f"p5 {percentile(vals, 5):.3f}  mean {statistics.fmean(vals):.3f}"
                )

    if args.json:
        args.json.write_text(
            json.dumps(
                [
                    {
                        "seed": r["seed"],
                        "f1": r["score"].f1,
                        "field_acc": r["score"].field_acc,
                        "gold": r["score"].gold,
                        "predicted": r["score"].predicted,
                        "matched": r["score"].matched,
                        "per_field": r["score"].per_field,
                        "error": r["error"],
                        "look": describe(r["sample"]),
                        "features": r["look"].features()
                        | (r["sample"].page.features() if hasattr(r["sample"], "page") else {}),
                    }
                    for r in results
                ],
                indent=1,
            )
        )
    if args.csv_out:
        write_csv_out(args.csv_out, results)
    return 0


def write_csv_out(out: Path, results: list[dict]) -> None:
    import pandas as pd

    (out / "truth").mkdir(parents=True, exist_ok=True)
    frames = []
    for r in results:
        s = r["sample"]
        (out / "truth" / f"{s.name}.json").write_text(json.dumps(s.truth(), indent=1, ensure_ascii=False))
        rows = r["rows"] or [{"action": ""}]
        frame = pd.DataFrame(rows)
        frame["source_file"] = f"{s.name}.pdf"
        frames.append(frame)
    pd.concat(frames, ignore_index=True).to_csv(out / "actions.csv", index=False)


if __name__ == "__main__":
    sys.exit(main())
