#!/usr/bin/env bash
# Score talentmap on the held-out plans (benchmarks/holdout/): layouts the shared corpus does not use.
#   bash benchmarks/holdout_eval.sh [OUT_DIR]     (from the project root, talentmap installed)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
holdout=$root/benchmarks/holdout
out=${1:-$(mktemp -d)}
score=$root/../shared/eval/score.py
command -v talentmap >/dev/null || { echo "talentmap is not on PATH: install the project first" >&2; exit 2; }
talentmap refresh --raw "$holdout/plans" --out "$out" --force || echo "(refresh exited $?)"
python "$score" "$holdout/truth" "$out/actions.csv" --matrix --labels "$holdout/labels.json" --show-misses 5

python "$holdout/strict_check.py" "$holdout/truth" "$out/actions.csv" --score "$score"
echo "outputs in $out"
