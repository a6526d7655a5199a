"""From a similarity ranking to `match_score` (0..100) and `needs_review`.

The score is a function of the margin between the best and the second-best recommendation's totals
(`similarity.py`): with 16 overlapping recommendations, a clear winner is what predicts a right
answer, not the absolute total (long actions collect many cues for every recommendation).

    score = 100 * (1 - exp(-margin / MARGIN_SCALE))

Calibration (benchmarks/mapping_eval.py; full table in mapping/README.md): top-1 accuracy of the
labelled similarity decisions by band of 10 is 0.00-0.67 below 20, 0.67-1.00 in 20-49 (0.67 in
40-49), 0.80 in 50-59 and 1.00 in 60-89; 90-99 is 0.69, every miss there a plan heading that
disagrees with its action's content. REVIEW_BELOW = 50 is the upper edge of the highest band right
less than 80% of the time (>= 50: 21/26 right; < 50: 8/13).
"""

from __future__ import annotations

import math

MARGIN_SCALE = 2.5
REVIEW_BELOW = 50


def similarity_score(best_total: float, second_total: float) -> int:
    margin = max(0.0, best_total - second_total)
    if best_total <= 0:
        return 0
    return min(99, round(100 * (1 - math.exp(-margin / MARGIN_SCALE))))


def needs_review(score: int) -> bool:
    return score < REVIEW_BELOW
