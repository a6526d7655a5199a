"""From a similarity ranking to `match_score` (0..100) and `needs_review`.

The score is a function of the margin between the best and the second-best recommendation's totals
(`similarity.py`): with 16 overlapping recommendations, a clear winner is what predicts a right
answer, not the absolute total (long actions collect many cues for every recommendation).

    score = 100 * (1 - exp(-margin / MARGIN_SCALE))

Calibration table: see mapping/README.md ("Calibration"), measured by benchmarks/mapping_eval.py
on the labelled similarity decisions. REVIEW_BELOW is the lowest score band edge at which top-1
is right at least 80% of the time; below it, `needs_review` is set.
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
