"""Ranking the 16 recommendations for an action that names none of them.

Evidence per recommendation (`RecEvidence`), combined by fitted weights (`ranking.py`):
- cue score (curated vocabulary, `vocabulary.py`) of the action, and of the objective;
- retrieval: how much the action's and the objective's wording echo the recommendation's own
  texts (BM25 over words and word pairs, `retrieval.py`), scaled to 0..1;
- the pillar prior (the plan's Technician Commitment theme);
- the votes of the nearest labelled examples, on the action and on the objective alone (`examples.py`);
- cue score and retrieval of the action's measure and notes.
The cue score carries most of the decision: plans rarely reuse the Commission's wording, but they
do name the things the recommendations are about (apprentices, committees, HESA returns).
Retrieval breaks ties and covers actions that paraphrase the Commission. The objective's weight
depends on whether it is the action's own (`objective_own`, from plan context in `match_all`) or
shared by several actions (then often a pillar slogan).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .examples import ExampleBank, bag_of_terms, load_examples
from .model import MappingQuery
from .ranking import RankingWeights, load_ranking_weights
from .reference import Reference
from .retrieval import RetrievalIndex, terms
from .text import stemmed_words, weighted_segments
from .vocabulary import GENERIC, OCCASION, ROLE, Cue, CueHit, Vocabulary

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
    cues: float  # weighted cue score (action + objective)
    lexical: float  # weighted retrieval score (action + objective)
    prior: float  # weighted pillar prior
    cue_terms: tuple[tuple[str, float], ...]  # (phrase, weighted contribution), heaviest first
    lone_generic: bool = False  # the only cue is one generic word (weak evidence, see GENERIC_ALONE)
    echo: float = 0.0  # retrieval echo of the action or objective, 0..1 (unweighted)
    examples: float = 0.0  # weighted vote of the nearest labelled examples


@dataclass(frozen=True)
class Ranking:
    scores: tuple[RecScore, ...]  # best first

    @property
    def best(self) -> RecScore:
        return self.scores[0]

    def top(self, n: int = 3) -> tuple[str, ...]:
        return tuple(s.rec_id for s in self.scores[:n])

    def candidates(self) -> tuple[str, ...]:
        """The best three by total. (Before the weights were fitted, the third slot went to the
        recommendation the action's wording echoed most; with retrieval weighted into the totals by
        fitted weights that rule no longer adds right answers held out: 0.963 vs 0.970 top-3.)"""
        return self.top(3)


@dataclass(frozen=True)
class RecEvidence:
    """The unweighted evidence for one recommendation (see `ranking.EVIDENCE_NAMES`)."""

    rec_id: str
    cue_action: float
    cue_objective: float
    retrieval_action: float
    retrieval_objective: float
    prior: float
    terms_action: tuple[tuple[str, float], ...] = ()
    terms_objective: tuple[tuple[str, float], ...] = ()
    lone_generic: bool = False
    examples: float = 0.0  # vote of the nearest labelled examples (`examples.py`)
    cue_measure: float = 0.0  # the action's success measure (`MappingQuery.measure`)
    retrieval_measure: float = 0.0
    cue_notes: float = 0.0  # the action's other free text (`MappingQuery.notes`)
    retrieval_notes: float = 0.0
    terms_measure: tuple[tuple[str, float], ...] = ()
    terms_notes: tuple[tuple[str, float], ...] = ()
    examples_objective: float = 0.0  # vote of the nearest labelled objectives, on the objective alone


@dataclass(frozen=True)
class QueryEvidence:
    recs: tuple[RecEvidence, ...]  # reference order
    objective_own: bool  # the objective is this action's alone in its plan

    def vectors(self) -> list[tuple[float, ...]]:
        """Per recommendation, the evidence in `ranking.EVIDENCE_NAMES` order."""
        own = self.objective_own
        return [
            (
                e.cue_action,
                e.cue_objective if own else 0.0,
                0.0 if own else e.cue_objective,
                e.retrieval_action,
                e.retrieval_objective,
                e.prior,
                e.examples,
                e.cue_measure,
                e.retrieval_measure,
                e.cue_notes,
                e.retrieval_notes,
                e.examples_objective,
            )
            for e in self.recs
        ]


def combine(evidence: QueryEvidence, weights: RankingWeights) -> Ranking:
    """Weighted totals, best first (ties in reference order)."""
    w_obj = weights["cue_objective_own" if evidence.objective_own else "cue_objective_shared"]
    w_cue, w_ra, w_ro, w_p, w_ex, w_eo = (
        weights["cue_action"],
        weights["retrieval_action"],
        weights["retrieval_objective"],
        weights["prior"],
        weights["examples"],
        weights["examples_objective"],
    )
    w_cm, w_rm, w_cn, w_rn = (
        weights["cue_measure"],
        weights["retrieval_measure"],
        weights["cue_notes"],
        weights["retrieval_notes"],
    )
    scores = []
    for order, e in enumerate(evidence.recs):
        terms: dict[str, float] = {}
        if e.terms_action or e.terms_objective or e.terms_measure or e.terms_notes:  # most have none
            for weight, found in (
                (w_cue, e.terms_action),
                (w_obj, e.terms_objective),
                (w_cm, e.terms_measure),
                (w_cn, e.terms_notes),
            ):
                for phrase, v in found:
                    terms[phrase] = terms.get(phrase, 0.0) + weight * v
        cues = w_cue * e.cue_action + w_obj * e.cue_objective + w_cm * e.cue_measure + w_cn * e.cue_notes
        lexical = (
            w_ra * e.retrieval_action
            + w_ro * e.retrieval_objective
            + w_rm * e.retrieval_measure
            + w_rn * e.retrieval_notes
        )
        prior = w_p * e.prior
        examples = w_ex * e.examples + w_eo * e.examples_objective
        ranked_terms = tuple(sorted(terms.items(), key=_heaviest_first)) if terms else ()
        echo = max(e.retrieval_action, e.retrieval_objective)
        scores.append(
            (
                order,
                RecScore(
                    e.rec_id,
                    cues + lexical + prior + examples,
                    cues,
                    lexical,
                    prior,
                    ranked_terms,
                    e.lone_generic,
                    echo,
                    examples,
                ),
            )
        )
    scores.sort(key=lambda os: (-os[1].total, os[0]))
    return Ranking(tuple(s for _, s in scores))


def _heaviest_first(term: tuple[str, float]) -> tuple[float, str]:
    return -term[1], term[0]


@dataclass(frozen=True)
class CueEvidence:
    """Cue scores of one text: per recommendation the total and (phrase -> contribution)."""

    totals: Mapping[str, float]
    terms: Mapping[str, Mapping[str, float]]
    weak: frozenset[str]  # recommendations whose only cue is one generic word


@dataclass(frozen=True)
class ObjectiveEvidence:
    """What an objective alone contributes (cue scores, retrieval, votes of the nearest labelled
    objectives): the same for every action under it in a plan, so `match_all` computes it once."""

    cues: CueEvidence
    retrieval: Mapping[str, float]
    votes: Mapping[str, float]
    terms: tuple[str, ...]  # the objective's `retrieval.terms`, for the action's example vote


@dataclass(frozen=True)
class SimilarityRanker:
    reference: Reference
    vocabulary: Vocabulary
    retrieval: RetrievalIndex
    weights: RankingWeights
    examples: ExampleBank

    @classmethod
    def build(
        cls,
        reference: Reference,
        vocabulary: Vocabulary,
        weights: RankingWeights | None = None,
        examples: ExampleBank | None = None,
    ) -> SimilarityRanker:
        return cls(
            reference,
            vocabulary,
            RetrievalIndex.build(reference),
            weights or load_ranking_weights(),
            examples or ExampleBank.build(load_examples()),
        )

    def rank(
        self,
        query: MappingQuery,
        phrase_weights: Mapping[tuple[str, ...], float] | None = None,
        objective_own: bool = False,
        objective: ObjectiveEvidence | None = None,
    ) -> Ranking:
        """`evidence` combined by the weights."""
        return combine(self.evidence(query, phrase_weights, objective_own, objective), self.weights)

    def objective_evidence(
        self, objective: str, phrase_weights: Mapping[tuple[str, ...], float] | None = None
    ) -> ObjectiveEvidence:
        pw = phrase_weights or {}
        found = terms(objective)
        return ObjectiveEvidence(
            self.cue_evidence(objective, pw),
            self.retrieval.scaled_terms(found, _term_weights(pw)),
            self.examples.objectives.votes_of(bag_of_terms(found, ())),
            tuple(found),
        )

    def cue_evidence(
        self, text: str, phrase_weights: Mapping[tuple[str, ...], float] | None = None
    ) -> CueEvidence:
        if not text.strip():  # (most actions have no measure or notes)
            return CueEvidence({}, {}, frozenset())
        pw = phrase_weights or {}
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
        found: list[tuple[Cue, float]] = []
        for factor, hit in best_factor.values():
            base = factor * pw.get(hit.key, 1.0)
            for cue in hit.cues:
                found.append((cue, cue.weight * base * _kind_share(cue, hit, activities)))
        totals, terms, weak = _cue_totals(found)
        return CueEvidence(totals, terms, frozenset(weak))

    def evidence(
        self,
        query: MappingQuery,
        phrase_weights: Mapping[tuple[str, ...], float] | None = None,
        objective_own: bool = False,
        objective: ObjectiveEvidence | None = None,
    ) -> QueryEvidence:
        """Every kind of evidence for each recommendation, unweighted. `phrase_weights` (0..1 per
        stemmed phrase or single term) is plan-level context from `match_all`: words nearly every
        action of the plan uses say little about any one action; `objective_own` (also from
        `match_all`) whether no other action of the plan shares the objective; `objective` the
        query objective's `objective_evidence` under the same phrase weights, when already known."""
        action, measure, notes = query.action, query.measure, query.notes
        pw = phrase_weights or {}
        term_weights = _term_weights(pw)
        obj = objective or self.objective_evidence(query.objective, pw)
        action_terms = terms(action)
        cue_a, cue_o = self.cue_evidence(action, pw), obj.cues
        ret_a, ret_o = self.retrieval.scaled_terms(action_terms, term_weights), obj.retrieval
        cue_m = self.cue_evidence(measure, pw)
        cue_n = self.cue_evidence(notes, pw)
        ret_m = self.retrieval.scaled(measure, term_weights)
        ret_n = self.retrieval.scaled(notes, term_weights)
        prior = pillar_prior(query.theme)
        votes = self.examples.actions.votes_of(bag_of_terms(action_terms, obj.terms))
        objective_votes = obj.votes
        recs = []
        for rec in self.reference.recommendations:
            rid = rec.rec_id
            recs.append(
                RecEvidence(
                    rid,
                    cue_a.totals.get(rid, 0.0),
                    cue_o.totals.get(rid, 0.0),
                    ret_a.get(rid, 0.0),
                    ret_o.get(rid, 0.0),
                    prior.get(rid, 0.0),
                    tuple(cue_a.terms.get(rid, {}).items()),
                    tuple(cue_o.terms.get(rid, {}).items()),
                    (rid in cue_a.weak or rid in cue_o.weak)
                    and len(set(cue_a.terms.get(rid, {})) | set(cue_o.terms.get(rid, {}))) == 1,
                    votes.get(rid, 0.0),
                    cue_m.totals.get(rid, 0.0),
                    ret_m.get(rid, 0.0),
                    cue_n.totals.get(rid, 0.0),
                    ret_n.get(rid, 0.0),
                    tuple(cue_m.terms.get(rid, {}).items()),
                    tuple(cue_n.terms.get(rid, {}).items()),
                    objective_votes.get(rid, 0.0),
                )
            )
        return QueryEvidence(tuple(recs), objective_own)


def _term_weights(phrase_weights: Mapping[tuple[str, ...], float]) -> dict[str, float]:
    """The single-word entries of plan-level phrase weights, for retrieval."""
    return {t: w for k, w in phrase_weights.items() if len(k) == 1 for t in k}


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
