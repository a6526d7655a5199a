"""From a similarity ranking to `match_score` (0..100) and `needs_review`.

The score is a function of the margin between the best and the second-best recommendation's totals
(`similarity.py`): with 16 overlapping recommendations, a clear winner is what predicts a right
answer, not the absolute total (long actions collect many cues for every recommendation).

    score = 100 * (1 - exp(-margin / MARGIN_SCALE))

Calibration (benchmarks/mapping_eval.py; full table in mapping/README.md), top-1 accuracy of the
39 labelled similarity decisions by score band of 10: 0-9 0/2, 10-39 6/6, 40-49 3/5, 50-59 4/5,
60-89 8/8, 90-99 9/13 (every miss there a plan heading that disagrees with its action's content).
REVIEW_BELOW = 50: 40-49 is the highest band right less than 80% of the time, apart from 90-99
(label noise, above). >= 50: 21/26 right; < 50: 9/13.
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
