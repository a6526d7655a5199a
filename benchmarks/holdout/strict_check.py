"""Checks that score.py is lenient about, on the held-out plans.

score.py accepts a status when the printed `status_raw` matches (so a wrong normalised word goes
unseen), a theme when the pillar name is merely contained, and does not score timescale. This
pairs records the same way (score.py's own assignment) and reports, per field, rows where:
  status     the normalised `status` is not one the plan's key allows (truth `status_norm`)
  theme      not exactly one of the contract's pillar names (or "" where the truth has none)
  timescale  differs from the printed timescale

    python benchmarks/holdout/strict_check.py TRUTH_DIR OUT/actions.csv [--score ../shared/eval/score.py]
"""

from __future__ import annotations

import argparse
import importlib.util
from collections import defaultdict
from pathlib import Path

import pandas as pd

PILLARS = {"Visibility", "Recognition", "Career Development", "Sustainability"}


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("holdout_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def problems(gold: dict, pred: dict, norm) -> dict[str, str]:
    out = {}
    allowed = gold.get("status_norm")
    if allowed and str(pred.get("status", "")).strip() not in allowed:
        out["status"] = (
            f"want {'/'.join(allowed)} (printed {gold['status']!r}) got {pred.get('status', '')!r}"
        )
    theme = str(pred.get("theme", "")).strip()
    if theme != gold["theme"] or (theme and theme not in PILLARS):
        out["theme"] = f"want {gold['theme']!r} got {theme!r}"
    if gold.get("timescale") and norm(gold["timescale"]) != norm(pred.get("timescale", "")):
        out["timescale"] = f"want {gold['timescale']!r} got {pred.get('timescale', '')!r}"
    return out


def main() -> None:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("truth")
    parser.add_argument("pred")
    parser.add_argument("--score", default=str(here.parent.parent.parent / "shared" / "eval" / "score.py"))
    args = parser.parse_args()
    sc = load_scorer(Path(args.score))
    plans = sc.load_truth(args.truth)
    frame = pd.read_csv(args.pred, dtype=str).fillna("")
    docs: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in frame.to_dict("records"):
        pid = sc.plan_of(row, list(plans))
        if pid:
            docs[(pid, row["source_file"])].append(row)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    examples: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for (pid, doc), rows in sorted(docs.items()):
        gold = plans[pid]["actions"]
        preds = [r for r in rows if sc.has_fields(r)]
        pairs = sc.assign([sc.match_key(g) for g in gold], [sc.match_key(p) for p in preds], sc.THRESHOLD)
        for gi, pi, _ in pairs:
            found = problems(gold[gi], preds[pi], sc.norm)
            for field in ("status", "theme", "timescale"):
                if field == "status" and not gold[gi].get("status_norm"):
                    continue
                if field == "timescale" and not gold[gi].get("timescale"):
                    continue
                counts[field][1] += 1
                if field in found:
                    examples[field].append((doc, f"ref={gold[gi]['ref'] or '-'}: {found[field]}"))
                else:
                    counts[field][0] += 1
    for field, (ok, n) in counts.items():
        print(f"strict {field}: {ok}/{n} right")
        by_doc: dict[str, list[str]] = defaultdict(list)
        for doc, detail in examples[field]:
            by_doc[doc].append(detail)
        for doc, details in by_doc.items():
            print(f"    {doc}: {len(details)} wrong, e.g. {details[0]}")


if __name__ == "__main__":
    main()
