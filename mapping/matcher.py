"""The matcher: stated recommendation, else a verbatim copy of a Commission text, else similarity."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from .confidence import ConfidenceModel, decision_features, load_confidence_model
from .model import MappingQuery, RecMatch
from .ranking import RankingWeights
from .reference import Reference, load_reference
from .review import review_reasons
from .secondary import secondary_rec
from .similarity import ObjectiveEvidence, Ranking, SimilarityRanker, pillar_prior
from .stated import parse_stated
from .targets import TargetPicker
from .text import stemmed_words, tokens
from .verbatim import VerbatimHit, VerbatimIndex
from .vocabulary import Vocabulary, generic_cues, load_vocabulary

# Plan-level context (match_all): a cue or word found in more than COMMON_SHARE of a plan's
# actions (plans of at least MIN_PLAN_ACTIONS) is scaled by COMMON_SHARE / share, down to 0.5
# when every action has it ("Technician Commitment", "training" in a training-only plan).
COMMON_SHARE = 0.5
MIN_PLAN_ACTIONS = 5


class Matcher:
    """Cheap to build (package data only, no network, no model); deterministic."""

    def __init__(
        self,
        reference: Reference | None = None,
        vocabulary: Vocabulary | None = None,
        confidence: ConfidenceModel | None = None,
        ranking: RankingWeights | None = None,
    ):
        self.reference = reference or load_reference()
        self.vocabulary = vocabulary or load_vocabulary()
        self.confidence = confidence or load_confidence_model()
        self.generic = generic_cues(self.vocabulary)
        self.ranker = SimilarityRanker.build(self.reference, self.vocabulary, ranking)
        self.verbatim = VerbatimIndex.build(self.reference)
        self.targets = TargetPicker.build(self.reference)
        self._rec_ids = self.reference.rec_ids
        self._target_ids = tuple(t.target_id for t in self.reference.targeted)

    def match(self, query: MappingQuery) -> RecMatch:
        return self._match(query, {}, False)

    def match_all(self, queries: Sequence[MappingQuery]) -> list[RecMatch]:
        """With plan context; the evidence of an objective several actions share is computed once,
        and so is whether it copies a Commission text."""
        weights = self.plan_weights(queries)
        own = own_objectives(queries)
        objectives: dict[tuple[str, str], ObjectiveEvidence] = {}
        copies: dict[str, VerbatimHit | None] = {}
        out = []
        for i, q in enumerate(queries):
            pw = weights.get(q.plan_id, {})
            key = (q.plan_id, q.objective)
            if key not in objectives:
                objectives[key] = self.ranker.objective_evidence(q.objective, pw)
            out.append(self._match(q, pw, i in own, objectives[key], copies))
        return out

    def plan_weights(self, queries: Sequence[MappingQuery]) -> dict[str, dict[tuple[str, ...], float]]:
        """Per plan: weight < 1 for cue phrases and words most of its actions share."""
        by_plan: dict[str, list[MappingQuery]] = defaultdict(list)
        for q in queries:
            by_plan[q.plan_id].append(q)
        out: dict[str, dict[tuple[str, ...], float]] = {}
        for plan_id, plan_queries in by_plan.items():
            n = len(plan_queries)
            if n < MIN_PLAN_ACTIONS:
                continue
            df: Counter[tuple[str, ...]] = Counter()
            for q in plan_queries:
                keys = {h.key for h in self.vocabulary.find(stemmed_words(q.action))}
                keys |= {(t,) for t in tokens(q.action)}
                df.update(keys)
            out[plan_id] = {k: COMMON_SHARE / (c / n) for k, c in df.items() if c / n > COMMON_SHARE}
        return out

    def _match(
        self,
        query: MappingQuery,
        weights: Mapping[tuple[str, ...], float],
        objective_own: bool,
        objective: ObjectiveEvidence | None = None,
        copies: dict[str, VerbatimHit | None] | None = None,
    ) -> RecMatch:
        """`copies`: the verbatim hits of the objectives seen so far (filled in here)."""
        ranking = self.ranker.rank(query, weights, objective_own, objective)
        stated = parse_stated(query.stated_rec, self._rec_ids, self._target_ids)
        text_score = round(100 * self.confidence.text_decided)
        if stated.rec_id:
            return RecMatch(
                rec_id=stated.rec_id,
                candidates=_lead_with(stated.rec_id, ranking),
                target_id=stated.target_id,
                score=text_score,
                method="stated",
                needs_review=False,
                evidence=f"plan states {query.stated_rec.strip()}",
                secondary=secondary_rec(ranking.scores, stated.rec_id, self.generic),
            )
        hit = self._verbatim(query, {} if copies is None else copies)
        if hit is not None:
            return RecMatch(
                rec_id=hit.rec_id,
                candidates=_lead_with(hit.rec_id, ranking),
                target_id=hit.target_id,
                score=text_score,
                method="verbatim",
                needs_review=False,
                evidence=f"{hit.target_id or hit.rec_id} text, closeness {hit.score:.0f}",
                secondary=secondary_rec(ranking.scores, hit.rec_id, self.generic),
            )
        best = ranking.best
        features = decision_features(
            ranking.scores, query.action or query.objective, self.generic, bool(pillar_prior(query.theme))
        )
        confidence = self.confidence.probability(features)
        reasons = review_reasons(
            ranking.scores, features, confidence, self.confidence.review_below, self.generic
        )
        target = self.targets.pick(query.action, self.reference.targeted_under(best.rec_id))
        return RecMatch(
            rec_id=best.rec_id,
            candidates=ranking.candidates(),
            target_id=target,
            score=min(99, round(100 * confidence)),
            method="similarity",
            needs_review=bool(reasons),
            evidence=_evidence(ranking) + (f" | review: {'; '.join(reasons)}" if reasons else ""),
            secondary=secondary_rec(ranking.scores, best.rec_id, self.generic),
        )

    def _verbatim(self, query: MappingQuery, copies: dict[str, VerbatimHit | None]) -> VerbatimHit | None:
        """Objective first (a Commission text there is the plan's own tagging), then the action.
        `copies` holds the objectives' hits already looked up, and takes this one's."""
        objective = query.objective
        if objective not in copies:
            copies[objective] = self.verbatim.best(objective) if objective.strip() else None
        if copies[objective] is not None:
            return copies[objective]
        return self.verbatim.best(query.action) if query.action.strip() else None


def own_objectives(queries: Sequence[MappingQuery]) -> set[int]:
    """Indexes of the queries whose objective no other action of their plan shares (plans of at
    least two actions): the objective is then the action's own heading, as in list-style plans
    (`1 - Update the career pathways document` followed by its paragraphs), not a pillar slogan."""
    count: Counter[tuple[str, str]] = Counter()
    size: Counter[str] = Counter()
    for q in queries:
        size[q.plan_id] += 1
        if q.objective.strip():
            count[(q.plan_id, _norm(q.objective))] += 1
    return {
        i
        for i, q in enumerate(queries)
        if q.objective.strip() and size[q.plan_id] >= 2 and count[(q.plan_id, _norm(q.objective))] == 1
    }


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _lead_with(rec_id: str, ranking: Ranking) -> tuple[str, ...]:
    return (rec_id, *(r for r in ranking.candidates() if r != rec_id))[:3]


def _evidence(ranking: Ranking) -> str:
    """`R7: apprentices 3.0, t level 3.0; bm25 1.4; pillar 0.7 | next R10 6.2`."""
    best = ranking.best
    parts = [", ".join(f"{p} {w:.1f}" for p, w in best.cue_terms[:5]) or "no cue phrase"]
    if best.lexical:
        parts.append(f"retrieval {best.lexical:.1f}")
    if best.prior:
        parts.append(f"pillar {best.prior:.1f}")
    if best.examples:
        parts.append(f"examples {best.examples:.1f}")
    second = ranking.scores[1]
    return (
        f"{best.rec_id}: {'; '.join(parts)} | total {best.total:.1f}, next {second.rec_id} {second.total:.1f}"
    )
