"""Which employer-targeted recommendation, under an already chosen main one, an action serves."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .reference import Reference, TargetedRecommendation
from .text import tokens

MIN_COVERAGE = 0.4
MIN_LEAD = 1.5


@dataclass(frozen=True)
class TargetPicker:
    """IDF-weighted word coverage of each targeted text by the action. IDF over all Commission texts,
    so that `technical`, `staff`, `support` (in nearly every text) cannot make a short targeted
    recommendation look covered (`Utilise the Apprenticeship Levy for training and developing
    technical staff` is not served by any action that mentions training)."""

    idf: dict[str, float]
    words: dict[str, frozenset[str]]  # target_id -> its content words

    @classmethod
    def build(cls, reference: Reference) -> TargetPicker:
        texts = [t.text for t in reference.targeted] + [r.text for r in reference.recommendations]
        df = Counter(w for text in texts for w in set(tokens(text)))
        idf = {w: math.log(len(texts) / c) for w, c in df.items()}
        return cls(idf, {t.target_id: frozenset(tokens(t.text)) for t in reference.targeted})

    def coverage(self, action_words: set[str], target_id: str) -> float:
        own = self.words.get(target_id, frozenset())
        total = sum(self.idf.get(w, 0.0) for w in own)
        return sum(self.idf.get(w, 0.0) for w in own & action_words) / total if total else 0.0

    def pick(self, action: str, targeted: Sequence[TargetedRecommendation]) -> str:
        """The best-covered targeted recommendation when it covers at least MIN_COVERAGE and leads the
        runner-up MIN_LEAD times; else "" (a guess between R7.1 and R7.2 is worse than no target)."""
        action_words = set(tokens(action))
        if not action_words or not targeted:
            return ""
        ranked = sorted(
            ((self.coverage(action_words, t.target_id), t.target_id) for t in targeted), reverse=True
        )
        top = ranked[0][0]
        runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
        return ranked[0][1] if top >= MIN_COVERAGE and top >= MIN_LEAD * runner_up else ""
