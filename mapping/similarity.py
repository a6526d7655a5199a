"""Ranking the 16 recommendations for an action that names none of them.

total(rec) = cue score (curated vocabulary, `vocabulary.py`)
           + LEXICAL_WEIGHT * BM25 against the recommendation's own texts, scaled so the best is <= 1
           + PRIOR_WEIGHT * pillar prior (the plan's Technician Commitment theme)
The cue score carries most of the decision: plans rarely reuse the Commission's wording, but they
do name the things the recommendations are about (apprentices, committees, HESA returns). BM25
breaks ties and covers actions that paraphrase the Commission. Objective text counts at
OBJECTIVE_SHARE of the action's weight: it is shared by several actions and often a pillar slogan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .lexical import Bm25Index, build_bm25
from .reference import Reference
from .text import stemmed_words, tokens, weighted_segments
from .vocabulary import GENERIC, OCCASION, ROLE, Cue, CueHit, Vocabulary

LEXICAL_WEIGHT = 2.0
PRIOR_WEIGHT = 1.0
OBJECTIVE_SHARE = 0.5
# BM25 is scaled by max(best BM25 of this action, LEXICAL_FLOOR): a weak lexical overlap (best
# below the floor; corpus actions' best BM25 has median ~10) must not earn the full LEXICAL_WEIGHT.
LEXICAL_FLOOR = 10.0
# Least scaled BM25 (of LEXICAL_WEIGHT) for the lexically closest recommendation to take the third
# candidate slot: below it the echo is a stray shared word.
MIN_ECHO = 0.5
# A job title (`technical specialist`, `lecturer`) says who takes part, an activity what the action
# is for: a role cue counts ROLE_SHARE when the same text holds an activity cue (weight >=
# ACTIVITY_WEIGHT) of another recommendation ("a technical specialist sits on every interview panel").
ROLE_SHARE = 0.5
ACTIVITY_WEIGHT = 2.5
# An occasion cue after `at` / `during` is the setting, not the purpose ("promote it at induction").
OCCASION_SHARE = 0.5
# A recommendation whose only evidence is one generic word (`kind` generic: `academic`, `teaching`,
# `skills`, `career`) gets GENERIC_ALONE of it: such a word turns up in actions about anything, and
# on its own it must not outweigh the pillar prior or a weak specific cue.
GENERIC_ALONE = 0.5

# Which recommendations each Technician Commitment pillar usually serves (1 = most).
PILLAR_PRIORS: dict[str, dict[str, float]] = {
    "visibility": {"R11": 1.0, "R6": 0.8, "R12": 0.5, "R14": 0.3, "R3": 0.3, "R16": 0.2},
    "recognition": {"R11": 1.0, "R10": 0.6, "R5": 0.5, "R9": 0.4, "R12": 0.3},
    "career": {"R9": 1.0, "R10": 1.0, "R2": 0.6, "R8": 0.4, "R7": 0.3, "R15": 0.3},
    "sustainability": {"R1": 1.0, "R7": 0.7, "R3": 0.5, "R4": 0.5, "R13": 0.5, "R8": 0.3, "R6": 0.3},
}


def pillar_prior(theme: str) -> dict[str, float]:
    t = theme.lower()
    for key, prior in PILLAR_PRIORS.items():
        if key[:5] in t:
            return prior
    if "opportunit" in t or "development" in t:
        return PILLAR_PRIORS["career"]
    return {}


@dataclass(frozen=True)
class RecScore:
    rec_id: str
    total: float
    cues: float
    lexical: float
    prior: float
    cue_terms: tuple[tuple[str, float], ...]  # (phrase, contribution), heaviest first
    lone_generic: bool = False  # the only cue is one generic word (weak evidence, see GENERIC_ALONE)


@dataclass(frozen=True)
class Ranking:
    scores: tuple[RecScore, ...]  # best first

    @property
    def best(self) -> RecScore:
        return self.scores[0]

    def top(self, n: int = 3) -> tuple[str, ...]:
        return tuple(s.rec_id for s in self.scores[:n])

    def candidates(self) -> tuple[str, ...]:
        """The best two by total, then the recommendation whose own texts the action echoes most
        (BM25) if it is not already there, else the third by total. Cue phrases and the pillar
        prior decide most rankings, and when they are wrong (an incidental phrase, a prior with no
        cue at all) the runner-ups usually come from the same evidence; a third slot drawn from a
        different kind of evidence covers more of the right answers (benchmarks/mapping_eval.py)."""
        top2 = self.top(2)
        echo = max(self.scores, key=lambda s: s.lexical)
        if echo.rec_id not in top2 and echo.lexical >= MIN_ECHO:
            return (*top2, echo.rec_id)
        return self.top(3)


def rec_documents(reference: Reference) -> dict[str, list[str]]:
    return {
        r.rec_id: tokens(" ".join([r.text, *(t.text for t in reference.targeted_under(r.rec_id))]))
        for r in reference.recommendations
    }


@dataclass(frozen=True)
class SimilarityRanker:
    reference: Reference
    vocabulary: Vocabulary
    bm25: Bm25Index

    @classmethod
    def build(cls, reference: Reference, vocabulary: Vocabulary) -> SimilarityRanker:
        return cls(reference, vocabulary, build_bm25(rec_documents(reference)))

    def rank(
        self,
        action: str,
        objective: str = "",
        theme: str = "",
        phrase_weights: Mapping[tuple[str, ...], float] | None = None,
    ) -> Ranking:
        """`phrase_weights` (0..1 per stemmed phrase or single term) is plan-level context from
        `match_all`: words nearly every action of the plan uses say little about any one action."""
        pw = phrase_weights or {}
        action_tokens = tokens(action)
        objective_tokens = tokens(objective)
        share = OBJECTIVE_SHARE if action_tokens else 1.0
        found: list[tuple[Cue, float]] = []  # (cue, contribution)
        for text, share_of_text in ((action, 1.0), (objective, share)):
            best_factor: dict[tuple[str, ...], tuple[float, CueHit]] = {}
            for segment, factor in weighted_segments(text):
                for hit in self.vocabulary.find(stemmed_words(segment)):
                    if factor > best_factor.get(hit.key, (0.0, hit))[0]:
                        best_factor[hit.key] = (factor, hit)
            activities = {
                c.rec_id
                for _, hit in best_factor.values()
                for c in hit.cues
                if c.kind != ROLE and c.weight >= ACTIVITY_WEIGHT
            }
            for factor, hit in best_factor.values():
                base = share_of_text * factor * pw.get(hit.key, 1.0)
                for cue in hit.cues:
                    found.append((cue, cue.weight * base * _kind_share(cue, hit, activities)))
        cue_scores, cue_terms, weak = _cue_totals(found)
        term_weights = {t: w for k, w in pw.items() if len(k) == 1 for t in k}
        lexical = self.bm25.scores(action_tokens, term_weights)
        if objective_tokens:
            for rec_id, s in self.bm25.scores(objective_tokens, term_weights).items():
                lexical[rec_id] += share * s
        top_lexical = max(max(lexical.values(), default=0.0), LEXICAL_FLOOR)
        prior = pillar_prior(theme)
        scores = []
        for rec in self.reference.recommendations:
            rid = rec.rec_id
            lex = LEXICAL_WEIGHT * lexical.get(rid, 0.0) / top_lexical
            pri = PRIOR_WEIGHT * prior.get(rid, 0.0)
            cue = cue_scores.get(rid, 0.0)
            terms = tuple(sorted(cue_terms.get(rid, {}).items(), key=lambda kv: (-kv[1], kv[0])))
            scores.append(RecScore(rid, cue + lex + pri, cue, lex, pri, terms, rid in weak))
        order = {r.rec_id: i for i, r in enumerate(self.reference.recommendations)}
        scores.sort(key=lambda s: (-s.total, order[s.rec_id]))
        return Ranking(tuple(scores))


def _kind_share(cue: Cue, hit: CueHit, activities: set[str]) -> float:
    if cue.kind == ROLE and activities - {cue.rec_id}:
        return ROLE_SHARE
    if cue.kind == OCCASION and hit.as_setting:
        return OCCASION_SHARE
    return 1.0


def _cue_totals(
    found: list[tuple[Cue, float]],
) -> tuple[dict[str, float], dict[str, dict[str, float]], set[str]]:
    """Per recommendation: cue score and (phrase -> contribution), with a lone generic word scaled;
    and the recommendations whose only cue is such a word."""
    terms: dict[str, dict[str, float]] = {}
    kinds: dict[str, set[str]] = {}
    for cue, value in found:
        per_rec = terms.setdefault(cue.rec_id, {})
        per_rec[cue.phrase] = per_rec.get(cue.phrase, 0.0) + value
        kinds.setdefault(cue.rec_id, set()).add(cue.kind)
    weak = {r for r, per_rec in terms.items() if len(per_rec) == 1 and kinds[r] == {GENERIC}}
    for rec_id in weak:
        terms[rec_id] = {p: v * GENERIC_ALONE for p, v in terms[rec_id].items()}
    return {r: sum(t.values()) for r, t in terms.items()}, terms, weak
