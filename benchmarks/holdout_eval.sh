#!/usr/bin/env bash
# Score talentmap on a held-out set of plans: layouts the shared corpus does not use.
#   bash benchmarks/holdout_eval.sh [SET] [OUT_DIR]     (from the project root, talentmap installed)
# SET: holdout (LibreOffice-made, default) or holdout2 (Chromium, reportlab, Calc, other Word merges).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
holdout=$root/benchmarks/${1:-holdout}
out=${2:-$(mktemp -d)}
score=$root/../shared/eval/score.py
command -v talentmap >/dev/null || { echo "talentmap is not on PATH: install the project first" >&2; exit 2; }
talentmap refresh --raw "$holdout/plans" --out "$out" --force || echo "(refresh exited $?)"
python "$score" "$holdout/truth" "$out/actions.csv" --matrix --labels "$holdout/labels.json" --show-misses 5

python "$root/benchmarks/holdout/strict_check.py" "$holdout/truth" "$out/actions.csv" --score "$score"
# score.py shows a failed file only when its plan has no other document: list every file without rows
python - "$holdout/plans" "$out/actions.csv" <<'PY'
import csv, os, sys
files = sorted(f for f in os.listdir(sys.argv[1]) if f.endswith((".pdf", ".docx")))
with open(sys.argv[2], encoding="utf-8") as fh:
    seen = {row["source_file"] for row in csv.DictReader(fh)}
missing = [f for f in files if f not in seen]
print(f"documents with rows: {len(files) - len(missing)}/{len(files)}" + "".join(f"\n  no rows: {f}" for f in missing))
PY
echo "outputs in $out"
