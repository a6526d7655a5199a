"""Which employer-targeted recommendation, under an already chosen main one, an action serves."""

from __future__ import annotations

from collections.abc import Sequence

from .reference import TargetedRecommendation
from .text import tokens

MIN_SHARE = 0.25
MIN_LEAD = 1.5


def best_target(action: str, targeted: Sequence[TargetedRecommendation]) -> str:
    """The targeted recommendation sharing the most distinct words with the action, when it shares at
    least MIN_SHARE of its own words... and beats the runner-up MIN_LEAD times; else "" (a guess
    between R7.1 and R7.2 is worse than no target)."""
    words = set(tokens(action))
    if not words or not targeted:
        return ""
    shares = []
    for t in targeted:
        own = set(tokens(t.text))
        shares.append((len(own & words) / len(own) if own else 0.0, t.target_id))
    shares.sort(key=lambda s: (-s[0], s[1]))
    top = shares[0][0]
    runner_up = shares[1][0] if len(shares) > 1 else 0.0
    if top >= MIN_SHARE and top >= MIN_LEAD * runner_up:
        return shares[0][1]
    return ""
