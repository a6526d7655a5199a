"""Does a text copy or closely paraphrase one of the Commission's recommendation texts?

Score = max(ratio, partial_ratio) on normalised text, where partial_ratio (best-aligned window) only
counts when the shorter text is at least `MIN_SPAN_SHARE` of the longer and `MIN_SPAN_CHARS` long,
so that a short phrase cannot "match" inside a long recommendation.

Threshold `VERBATIM_THRESHOLD` = 88, measured on the shared corpus (every objective and action of
the four plans against all 23 targeted and 16 main texts; `benchmarks/mapping_eval.py` reprints it):
- exact copies (the MI member's 23 objectives, DMU's 21 objectives) score 100;
- the MI statement's reworded commitments score 69.7-100 against the text they paraphrase; the
  three >= 88 (96.9, 99.0, 100) are near-copies, the seven below go to similarity (which tags
  all ten right);
- the highest score of a *wrong* recommendation is 83.0 (DMU's R12 objective against R11's text:
  the main recommendations share the boilerplate "Employers of technical staff, funders and sector
  bodies (e.g. ...) should ensure"); actions that copy nothing stay <= 60.
88 leaves five points above that boilerplate collision and eight below the lowest near-copy.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from .reference import Reference
from .text import normalise, tokens

VERBATIM_THRESHOLD = 88.0
MIN_SPAN_SHARE = 0.35
MIN_SPAN_CHARS = 60
MIN_WORD_OVERLAP = 0.5


@dataclass(frozen=True)
class VerbatimHit:
    rec_id: str
    target_id: str  # "" when the copied text is a main recommendation
    score: float
    text: str


def closeness(query: str, reference_text: str, cutoff: float = 0.0) -> float:
    """max(ratio, partial_ratio) of the normalised texts; 0 below `cutoff` (rapidfuzz stops early)."""
    return _closeness(normalise(query), normalise(reference_text), cutoff)


def _closeness(q: str, t: str, cutoff: float) -> float:
    if not q or not t:
        return 0.0
    best = fuzz.ratio(q, t, score_cutoff=cutoff)
    shorter, longer = sorted((len(q), len(t)))
    if shorter >= MIN_SPAN_CHARS and shorter >= MIN_SPAN_SHARE * longer:
        best = max(best, fuzz.partial_ratio(q, t, score_cutoff=max(cutoff, best)))
    return best


def reference_texts(reference: Reference) -> list[tuple[str, str, str]]:
    """(rec_id, target_id, text) for every targeted and main recommendation; targeted first so
    that on a tie the more specific one wins."""
    return [(t.rec_id, t.target_id, t.text) for t in reference.targeted] + [
        (r.rec_id, "", r.text) for r in reference.recommendations
    ]


@dataclass(frozen=True)
class VerbatimIndex:
    """The Commission's texts, normalised once."""

    entries: tuple[tuple[str, str, str, str, frozenset[str]], ...]  # ids, text, normalised, stems

    @classmethod
    def build(cls, reference: Reference) -> VerbatimIndex:
        return cls(
            tuple(
                (r, t, text, normalise(text), frozenset(tokens(text)))
                for r, t, text in reference_texts(reference)
            )
        )

    def best(self, query: str, threshold: float = VERBATIM_THRESHOLD) -> VerbatimHit | None:
        """Texts sharing under MIN_WORD_OVERLAP of the smaller word set are skipped unscored: a copy
        or close paraphrase shares most of its words, and the fuzzy scorers are the slow part."""
        q = normalise(query)
        q_words = frozenset(tokens(query))
        best: VerbatimHit | None = None
        for rec_id, target_id, text, norm_text, t_words in self.entries:
            smaller = min(len(q_words), len(t_words))
            if not smaller or len(q_words & t_words) < MIN_WORD_OVERLAP * smaller:
                continue
            score = _closeness(q, norm_text, threshold)
            if score >= threshold and (best is None or score > best.score):
                best = VerbatimHit(rec_id, target_id, score, text)
        return best


def best_verbatim(
    query: str, reference: Reference, threshold: float = VERBATIM_THRESHOLD
) -> VerbatimHit | None:
    return VerbatimIndex.build(reference).best(query, threshold)
