"""Retrieval evidence: how much an action's wording echoes each recommendation's own texts.

Each recommendation is one document made of fields: its main text, its employer-targeted texts
and its short title (written for researchers, a summary of the recommendation: counted
TITLE_REPEAT times, the usual way to give a field more weight in BM25). Terms are light-stemmed
content words *and* adjacent pairs of them (`career pathway`, `job description`, `public
engagement`), so that a shared phrase says more than the same two words scattered. BM25 (term
saturation, length normalisation) over these terms; the scores of an action are scaled by
max(best, SCALE_FLOOR) so a weak overlap cannot earn full weight.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .lexical import Bm25Index, build_bm25
from .reference import Reference
from .text import tokens

TITLE_REPEAT = 2
# Scaling floor: with pairs as terms, a corpus action's best raw score has median ~12; an action
# below the floor shares only a word or two with any recommendation.
SCALE_FLOOR = 10.0


def terms(text: str) -> list[str]:
    """Stemmed content words, then each adjacent pair of them joined by a space."""
    words = tokens(text)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def rec_fields(reference: Reference) -> dict[str, list[str]]:
    """Per recommendation: the terms of its main text, targeted texts and (repeated) title."""
    out = {}
    for rec in reference.recommendations:
        texts = [rec.text, *(t.text for t in reference.targeted_under(rec.rec_id))]
        doc = [t for text in texts for t in terms(text)]
        out[rec.rec_id] = doc + terms(rec.short_title) * TITLE_REPEAT
    return out


@dataclass(frozen=True)
class RetrievalIndex:
    bm25: Bm25Index

    @classmethod
    def build(cls, reference: Reference) -> RetrievalIndex:
        return cls(build_bm25(rec_fields(reference)))

    def scaled(self, text: str, term_weights: Mapping[str, float] | None = None) -> dict[str, float]:
        """Per recommendation, BM25 / max(best, SCALE_FLOOR): 0..1, 1 for the closest when it is close."""
        return self.scaled_terms(terms(text), term_weights) if text.strip() else {}

    def scaled_terms(
        self, query: Sequence[str], term_weights: Mapping[str, float] | None = None
    ) -> dict[str, float]:
        """`scaled` of a text whose `terms` are `query`."""
        if not query:
            return {}
        raw = self.bm25.scores(query, _pair_weights(query, term_weights or {}))
        top = max(max(raw.values(), default=0.0), SCALE_FLOOR)
        return {rec_id: s / top for rec_id, s in raw.items()}


def _pair_weights(query: Sequence[str], single: Mapping[str, float]) -> dict[str, float]:
    """Plan-wide word weights (`match_all`) carried over to pairs: a pair is as common as its
    commoner word."""
    out = dict(single)
    for t in query:
        if " " in t:
            a, b = t.split(" ", 1)
            w = min(single.get(a, 1.0), single.get(b, 1.0))
            if w < 1.0:
                out[t] = w
    return out
