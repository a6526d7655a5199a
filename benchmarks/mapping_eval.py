"""Mapping benchmark: top-1 / top-3 accuracy on the shared corpus's labelled actions, the score
calibration table, and the verbatim-threshold measurement.

    .venv/bin/python benchmarks/mapping_eval.py [--shared ../shared] [--misses] [--reading]

Reads ../shared directly (a benchmark, not a test). Runs:
- dmu_004 hidden: DMU's tasks with stated_rec AND objective blanked (the objective column is the
  R text itself), scored against DMU's own R-numbers;
- dmu_004 stated: as printed (checks the `stated` step);
- mi_statement_001: the ten commitments, labels.json (any listed label counts);
- mi_member_000 verbatim: as printed (objective = targeted recommendation text), labels.json;
- mi_member_000 hidden: its actions with the objective blanked, labels of the row's objective;
- holdout, holdout2 (benchmarks/holdout/, benchmarks/holdout2/): the held-out plans' truth
  actions, stated_rec hidden, scored against each folder's labels.json (hand labels, any listed
  label counts);
- checkset (benchmarks/mapping_checkset.csv): paraphrased actions in the style of real plans,
  hand-labelled from the recommendation texts, in batches: batch 1 (72) was written before any
  vocabulary change of round 2 and its misses then informed some generic fixes; batch 2 (55) was
  written after those, before a last round of fixes, and has not been tuned on;
- reading_002 (no published labels): scored against the mapping engineer's own reading of the
  actions (READING_EYEBALL, lenient: several acceptable labels) and, with --reading, every tag
  printed for eyeballing. These labels are not independent; they are reported separately.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mapping import MappingQuery, Matcher, RecMatch  # noqa: E402
from mapping.reference import load_reference  # noqa: E402
from mapping.verbatim import VERBATIM_THRESHOLD, closeness, reference_texts  # noqa: E402

READING_EYEBALL = {
    "B1": "R11", "B2": "R11", "B3": "R11", "B4": "R11 R10", "B5": "R6", "B6": "R6", "B7": "R10 R11",
    "B8": "R11 R10", "B9": "R11 R2", "B10": "R10", "B11": "R11 R10", "B12": "R9 R10", "B13": "R11",
    "B14": "R9 R4", "B15": "R9 R10", "B16": "R9 R2", "B17": "R2", "B18": "R10", "B19": "R10",
    "B20": "R10 R2 R13", "B21": "R9 R6", "B22": "R10 R15 R13", "B23": "R10", "B24": "R8 R7",
    "B25": "R6 R7", "B26": "R4", "B27": "R1",
}  # fmt: skip

BANDS = ((0, 10), (10, 20), (20, 30), (30, 40), (40, 50), (50, 60), (60, 70), (70, 80), (80, 90), (90, 101))


def norm(text: str) -> str:
    return " ".join(str(text).split()).lower()


def labels_for(plan_id: str, action: dict, labels: dict) -> list[str]:
    spec = labels.get(plan_id)
    if spec == "stated_rec":
        return [action["stated_rec"]] if action.get("stated_rec") else []
    for entry in spec or []:
        if "ref" in entry and norm(entry["ref"]) == norm(action.get("ref", "")):
            return entry["labels"]
        if "objective_prefix" in entry and norm(action.get("objective", "")).startswith(
            norm(entry["objective_prefix"])
        ):
            return entry["labels"]
        if "action_prefix" in entry and norm(action.get("action", "")).startswith(
            norm(entry["action_prefix"])
        ):
            return entry["labels"]
    return []


def query_of(
    plan_id: str, action: dict, hide_objective: bool = False, hide_stated: bool = False
) -> MappingQuery:
    return MappingQuery(
        plan_id=plan_id,
        ref=action.get("ref", ""),
        action=action.get("action", ""),
        objective="" if hide_objective else action.get("objective", ""),
        theme=action.get("theme", ""),
        stated_rec="" if hide_stated else action.get("stated_rec", ""),
        measure=action.get("measure", ""),
        notes="\n".join(t for t in (action.get("progress", ""), action.get("commitment", "")) if t.strip()),
    )


HOLDOUT = ROOT / "benchmarks/holdout"
HOLDOUT2 = ROOT / "benchmarks/holdout2"
CHECKSET = ROOT / "benchmarks/mapping_checkset.csv"


def holdout_run(folder: Path = HOLDOUT) -> tuple[list[MappingQuery], list[list[str]]]:
    labels = json.loads((folder / "labels.json").read_text())
    queries, wants = [], []
    for path in sorted((folder / "truth").glob("*.json")):
        plan = json.loads(path.read_text())
        for a in plan["actions"]:
            queries.append(query_of(plan["plan_id"], a, hide_stated=True))
            wants.append(labels_for(plan["plan_id"], a, labels))
    return queries, wants


def checkset_runs() -> list[tuple[str, list[MappingQuery], list[list[str]]]]:
    """One run per batch. Each row is its own one-action plan: no plan context, as for a short plan."""
    with CHECKSET.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for batch in sorted({r["batch"] for r in rows}):
        chosen = [(i, r) for i, r in enumerate(rows, 1) if r["batch"] == batch]
        queries = [
            MappingQuery(f"check_{i}", str(i), r["action"], r["objective"], r["theme"]) for i, r in chosen
        ]
        out.append((f"checkset batch {batch}", queries, [r["labels"].split() for _, r in chosen]))
    return out


def runs(shared: Path) -> list[tuple[str, list[MappingQuery], list[list[str]]]]:
    truth = {p.stem: json.loads(p.read_text()) for p in sorted((shared / "corpus/truth").glob("*.json"))}
    labels = json.loads((shared / "corpus/labels.json").read_text())
    out = []

    def add(name, plan_id, actions, want, **hide):
        out.append((name, [query_of(plan_id, a, **hide) for a in actions], want))

    dmu = truth["dmu_004"]["actions"]
    dmu_want = [[a["stated_rec"]] for a in dmu]
    add("dmu_004 hidden", "dmu_004", dmu, dmu_want, hide_objective=True, hide_stated=True)
    add("dmu_004 stated", "dmu_004", dmu, dmu_want)
    mis = truth["mi_statement_001"]["actions"]
    add("mi_statement_001", "mi_statement_001", mis, [labels_for("mi_statement_001", a, labels) for a in mis])
    mim = truth["mi_member_000"]["actions"]
    add("mi_member_000 verbatim", "mi_member_000", mim, [labels_for("mi_member_000", a, labels) for a in mim])
    mim_acts = [a for a in mim if a["action"].strip()]
    mim_want = [labels_for("mi_member_000", a, labels) for a in mim_acts]
    add("mi_member_000 hidden", "mi_member_000", mim_acts, mim_want, hide_objective=True)
    out.append(("holdout (hand labels)", *holdout_run()))
    out.append(("holdout2 (hand labels)", *holdout_run(HOLDOUT2)))
    out.extend(checkset_runs())
    rd = truth["reading_002"]["actions"]
    add(
        "reading_002 (own labels)", "reading_002", rd, [READING_EYEBALL.get(a["ref"], "").split() for a in rd]
    )
    return out


def accuracy(matches: list[RecMatch], wants: list[list[str]]) -> tuple[float, float, int]:
    pairs = [(m, w) for m, w in zip(matches, wants, strict=True) if w]
    top1 = sum(m.rec_id in w for m, w in pairs)
    top3 = sum(bool(set(m.candidates[:3]) & set(w)) for m, w in pairs)
    n = len(pairs)
    return (top1 / n if n else 0.0, top3 / n if n else 0.0, n)


def calibration_table(decisions: list[tuple[int, bool, bool]]) -> list[str]:
    """Top-1 accuracy per score band, and of everything at or above each band's lower edge
    (in-sample: the held-out reliability table is benchmarks/mapping_calibration.py's)."""
    lines = [f"{'score band':>12s} {'n':>4s} {'top-1 right':>12s} {'at/above band':>14s}"]
    for lo, hi in BANDS:
        band = [ok for s, ok, _ in decisions if lo <= s < hi]
        above = [ok for s, ok, _ in decisions if s >= lo]
        rate = f"{sum(band) / len(band):.2f}" if band else "-"
        cumulative = f"{sum(above) / len(above):.2f} ({len(above)})" if above else "-"
        lines.append(f"{f'{lo}-{min(hi, 100) - 1}':>12s} {len(band):4d} {rate:>12s} {cumulative:>14s}")
    kept = [ok for _, ok, review in decisions if not review]
    flagged = [ok for _, ok, review in decisions if review]
    lines.append(f"right: {sum(kept)}/{len(kept)} not reviewed, {sum(flagged)}/{len(flagged)} needs_review")
    return lines


def verbatim_report(shared: Path) -> list[str]:
    """Closeness of every corpus text to its best right and best wrong Commission text."""
    truth = [json.loads(p.read_text()) for p in sorted((shared / "corpus/truth").glob("*.json"))]
    labels = json.loads((shared / "corpus/labels.json").read_text())
    texts = reference_texts(load_reference())
    exact, wrong_max, wrong_where = [], 0.0, ""
    for plan in truth:
        for a in plan["actions"]:
            for field in ("objective", "action"):
                q = a.get(field, "")
                if not q.strip():
                    continue
                scored = sorted(((closeness(q, t), rid, tid) for rid, tid, t in texts), reverse=True)
                want = set(labels_for(plan["plan_id"], a, labels))
                if field == "objective" and plan["plan_id"] == "dmu_004":
                    want = {a["stated_rec"]}
                for s, rid, _ in scored:
                    if rid in want:
                        if s >= VERBATIM_THRESHOLD:
                            exact.append(s)
                        break
                wrong = [(s, tid or rid) for s, rid, tid in scored if rid not in want]
                if wrong and wrong[0][0] > wrong_max:
                    wrong_max, wrong_where = (
                        wrong[0][0],
                        f"{plan['plan_id']} {a.get('ref', '')} {field} vs {wrong[0][1]}",
                    )
    return [
        f"verbatim threshold {VERBATIM_THRESHOLD:.0f}: {len(exact)} texts at/above it against a right "
        f"recommendation (min {min(exact):.1f}); highest closeness to a wrong one {wrong_max:.1f} "
        f"({wrong_where})"
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--misses", action="store_true", help="print every top-1 miss with its evidence")
    ap.add_argument("--reading", action="store_true", help="print reading_002's tags for eyeballing")
    args = ap.parse_args()
    shared = Path(args.shared)
    matcher = Matcher()
    decisions_independent: list[tuple[int, bool, bool]] = []
    decisions_all: list[tuple[int, bool, bool]] = []
    print(f"{'run':28s} {'n':>3s} {'top-1':>6s} {'top-3':>6s}  methods")
    for name, queries, wants in runs(shared):
        matches = matcher.match_all(queries)
        t1, t3, n = accuracy(matches, wants)
        methods = Counter(m.method for m in matches)
        sim = [
            (m.rec_id in w, m.needs_review)
            for m, w in zip(matches, wants, strict=True)
            if w and m.method == "similarity"
        ]
        kept = [ok for ok, review in sim if not review]
        flagged = [ok for ok, review in sim if review]
        print(
            f"{name:28s} {n:3d} {t1:6.2f} {t3:6.2f}  {dict(sorted(methods.items()))}"
            + (
                f"  not reviewed {sum(kept)}/{len(kept)} right, needs_review {sum(flagged)}/{len(flagged)}"
                if sim
                else ""
            )
        )
        for q, m, w in zip(queries, matches, wants, strict=True):
            if m.method == "similarity" and w:
                decisions_all.append((m.score, m.rec_id in w, m.needs_review))
                if "own labels" not in name:
                    decisions_independent.append((m.score, m.rec_id in w, m.needs_review))
            if args.misses and w and m.rec_id not in w:
                print(f"   miss {q.ref or q.objective[:20]!r:>24s} want {'/'.join(w):10s} got {m.candidates} "
                      f"{m.score:3d} {m.evidence[:110]}")  # fmt: skip
            if args.reading and name.startswith("reading"):
                print(
                    f"   {q.ref:4s} {q.theme[:11]:11s} {m.rec_id:3s} {m.candidates} {m.score:3d}",
                    m.evidence[:90],
                )
    print(
        "\ncalibration (similarity decisions; labels: DMU hidden, MI statement, MI member hidden, "
        "holdout, check set):"
    )
    print("\n".join(calibration_table(decisions_independent)))
    print("\ncalibration including reading_002 own labels:")
    print("\n".join(calibration_table(decisions_all)))
    print()
    print("\n".join(verbatim_report(shared)))
    print(speed_report(matcher, [q for _, queries, _ in runs(shared) for q in queries]))
    return 0


def speed_report(matcher: Matcher, queries: list[MappingQuery], repeats: int = 5) -> str:
    """Wall time per action of `match_all` (best of `repeats`), the figure the < 2 ms target is about."""
    best = min(_timed(matcher, queries) for _ in range(repeats))
    return (
        f"speed: {1000 * best / len(queries):.2f} ms per action ({len(queries)} actions, best of {repeats})"
    )


def _timed(matcher: Matcher, queries: list[MappingQuery]) -> float:
    start = time.perf_counter()
    matcher.match_all(queries)
    return time.perf_counter() - start


if __name__ == "__main__":
    raise SystemExit(main())
