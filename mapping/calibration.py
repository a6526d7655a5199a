"""From a similarity ranking to `match_score` (0..100) and `needs_review`.

The score is a function of the margin between the best and the second-best recommendation's totals
(`similarity.py`): with 16 overlapping recommendations, a clear winner is what predicts a right
answer, not the absolute total (long actions collect many cues for every recommendation).

    score = 100 * (1 - exp(-margin / MARGIN_SCALE)), capped at NO_CUE_CAP when no cue phrase
    speaks for the winner (it won on BM25 and the pillar prior alone: 2 of 6 right)

Calibration (benchmarks/mapping_eval.py; full table in mapping/README.md): 189 labelled similarity
decisions (DMU hidden, MI statement, MI member hidden, held-out plans, check set), top-1 right by
score band: 0-9 6/14, 10-19 9/13, 20-29 13/14, 30-49 18/20, 50-99 122/128. REVIEW_BELOW = 20: the
10-19 band is the highest one right less than 80% of the time; at or above 20, 153/162 (0.94) right;
below it, 15/27 (0.56). On the check set alone (written independently of the vocabulary), every
top-1 miss scores below 30.
"""

from __future__ import annotations

import math

MARGIN_SCALE = 2.5
REVIEW_BELOW = 20
NO_CUE_CAP = REVIEW_BELOW - 1


def similarity_score(best_total: float, second_total: float, has_cue: bool = True) -> int:
    margin = max(0.0, best_total - second_total)
    if best_total <= 0:
        return 0
    score = min(99, round(100 * (1 - math.exp(-margin / MARGIN_SCALE))))
    return score if has_cue else min(score, NO_CUE_CAP)


def needs_review(score: int) -> bool:
    return score < REVIEW_BELOW
