"""A second recommendation the action also addresses (`rec_secondary`), when its evidence is strong.

Plans often bundle two aims in one action ("mentoring and an apprenticeship scheme"). The runner-up
of the ranking is named only when a specific cue phrase of its own says so, not when it trails on
BM25, the pillar prior or a generic word: at least one non-generic cue contributing
SECONDARY_CUE (a strong phrase, weight >= 2 at full share), and a total at least SECONDARY_SHARE of
the chosen recommendation's. Otherwise "" (most actions address one recommendation).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Protocol

SECONDARY_CUE = 2.0
SECONDARY_SHARE = 0.6


class RankedRec(Protocol):
    rec_id: str
    total: float
    cue_terms: tuple[tuple[str, float], ...]


def secondary_rec(scores: Sequence[RankedRec], rec_id: str, generic: Collection[tuple[str, str]]) -> str:
    """`scores` best first; `rec_id` the chosen tag (which a stated or verbatim decision may take
    from anywhere in the ranking)."""
    chosen = next((s for s in scores if s.rec_id == rec_id), None)
    floor = SECONDARY_SHARE * chosen.total if chosen is not None else 0.0
    for s in scores:
        if s.rec_id == rec_id:
            continue
        if s.total < floor:
            return ""
        if any(v >= SECONDARY_CUE and (s.rec_id, p) not in generic for p, v in s.cue_terms):
            return s.rec_id
        return ""  # only the best other recommendation is considered
    return ""
