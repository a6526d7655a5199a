"""Why a similarity tag goes to a person: the reasons behind `needs_review`, written into the evidence.

Four reasons, any one suffices:
- the calibrated confidence (`confidence.py`) is below the line chosen from the held-out curve;
- the top two are all but tied (margin below CLOSE_MARGIN); the confidence already falls with the
  margin, this catches the near ties whatever the other evidence says;
- the winner's only evidence is one generic word (`skills`, `career`, `academic`);
- the action is outside the recommendations' scope: no recommendation has a specific cue phrase
  and none of their texts shares much wording with it (`review the action plan annually`,
  `install new fume cupboards`). Such an action still gets the nearest tag, but it is a guess.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Protocol

from .confidence import DecisionFeatures

# Margin (total points) below which the top two count as tied: a context cue is worth 1.0, the
# pillar prior up to 1.0. Measured (benchmarks/mapping_calibration.py, held-out): a wider rule
# (0.5) flags 55 of 300 decisions for 23 wrong ones, most of which the confidence already catches;
# at 0.1 the rule costs ~3 extra flags and the catch rate is the same.
CLOSE_MARGIN = 0.1
# Largest retrieval echo (0..1, `retrieval.py`) that still counts as "little overlap": the raw best
# BM25 is then below 0.3 of the floor at which overlap is taken at full weight, i.e. one or two
# shared common words (`new`, `laboratory`) and no shared pair.
OUT_OF_SCOPE_ECHO = 0.3


class RankedRec(Protocol):
    rec_id: str
    total: float
    echo: float
    examples: float
    cue_terms: tuple[tuple[str, float], ...]


def examples_back(scores: Sequence[RankedRec]) -> bool:
    """The nearest labelled examples (`examples.py`) vote most for the winner: evidence beside the
    cue phrases and the Commission's wording that plans worded like this one were tagged the same."""
    best = scores[0]
    return best.examples > 0 and all(s.examples <= best.examples for s in scores[1:])


def outside_scope(scores: Sequence[RankedRec], generic: Collection[tuple[str, str]]) -> bool:
    """No recommendation has a cue phrase other than a generic word, and no text overlap is strong."""
    specific = any((s.rec_id, p) not in generic for s in scores for p, _ in s.cue_terms)
    return not specific and max(s.echo for s in scores) < OUT_OF_SCOPE_ECHO


def review_reasons(
    scores: Sequence[RankedRec],
    features: DecisionFeatures,
    probability: float,
    review_below: float,
    generic: Collection[tuple[str, str]],
) -> tuple[str, ...]:
    """Empty when the tag can be trusted; else each reason, for `match_evidence`."""
    best, second = scores[0], scores[1]
    reasons = []
    if probability < review_below:
        reasons.append(f"confidence {probability:.2f} below {review_below:.2f}")
    if features.margin < CLOSE_MARGIN:
        reasons.append(f"top two close ({best.rec_id} {best.total:.1f}, {second.rec_id} {second.total:.1f})")
    backed = examples_back(scores)
    if features.cue_terms == 1 and features.generic_share >= 1.0 and not backed:
        reasons.append(f"evidence is one generic word ({best.cue_terms[0][0]})")
    if outside_scope(scores, generic) and not backed:
        reasons.append("outside the recommendations' scope (no specific cue phrase, little shared wording)")
    return tuple(reasons)
