"""How likely the top-1 tag is right: a small logistic model over evidence the matcher already has.

A similarity decision is described by nine numbers (`DecisionFeatures`): the margin to the
runner-up under the fitted combination, the winner's total, how many distinct cue phrases speak for
it, the share of its cue score that comes from generic words, the action's length, whether the
plan's pillar is known and agrees with the winner, the winner's strongest single cue (whether one
decisive phrase says more than context words adding up to the same total is left to the fit),
and how many kinds of evidence (cue phrases, retrieval, example votes) rank the winner first.
`data/confidence.csv` holds the coefficients (on these raw features) and the review line; both
are fitted and chosen by leave-one-plan-out cross-validation in `benchmarks/mapping_calibration.py`
on labelled rows the vocabulary was not tuned on, which also writes the reliability table in
mapping/README.md. A decision read from the plan's own text (`stated`, `verbatim`) gets the
held-out accuracy of such decisions (`text_decided` row).

Evaluating the model is a dot product and one `exp`: no numerical library at run time.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Protocol

from .reference import read_data_csv
from .text import tokens

CONFIDENCE_FILE = "confidence.csv"


class ScoredRec(Protocol):
    """What the features read of a ranked recommendation (`similarity.RecScore`)."""

    rec_id: str
    total: float
    cues: float
    lexical: float
    examples: float
    prior: float
    cue_terms: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class DecisionFeatures:
    """The evidence behind one similarity decision, as model inputs (see `vector`)."""

    margin: float  # best total - second total
    top_total: float  # best total
    cue_terms: int  # distinct cue phrases for the winner
    generic_share: float  # share of the winner's cue score from generic words (0 when it has none)
    action_words: int  # content words (stop words dropped) in the action (objective when the action is empty)
    pillar_known: bool  # the theme names a pillar with a prior
    pillar_agrees: bool  # ... and the winner is one of that pillar's recommendations
    strongest_cue: float  # the winner's largest single cue contribution (0 when it has none)
    evidence_agree: (
        int  # kinds of evidence (cue phrases, retrieval, example votes) that rank the winner first
    )

    def vector(self) -> tuple[float, ...]:
        """Model inputs, in FEATURE_NAMES order: logs tame long tails (a margin of 12 is not 4x 3)."""
        return (
            math.log1p(max(0.0, self.margin)),
            math.log1p(max(0.0, self.top_total)),
            float(min(self.cue_terms, 4)),
            self.generic_share,
            math.log1p(self.action_words),
            float(self.pillar_known),
            float(self.pillar_agrees),
            math.log1p(max(0.0, self.strongest_cue)),
            float(self.evidence_agree),
        )


FEATURE_NAMES = tuple(f.name for f in fields(DecisionFeatures))


def decision_features(
    scores: Sequence[ScoredRec],
    action: str,
    generic: Collection[tuple[str, str]],
    pillar_known: bool,
) -> DecisionFeatures:
    """`scores` best first; `generic` holds the (rec_id, phrase) pairs of generic-kind cues."""
    best, second = scores[0], scores[1]
    cue_total = sum(v for _, v in best.cue_terms)
    generic_total = sum(v for p, v in best.cue_terms if (best.rec_id, p) in generic)
    return DecisionFeatures(
        margin=best.total - second.total,
        top_total=best.total,
        cue_terms=len({p for p, _ in best.cue_terms}),
        generic_share=generic_total / cue_total if cue_total > 0 else 0.0,
        action_words=len(tokens(action)),
        pillar_known=pillar_known,
        pillar_agrees=pillar_known and best.prior > 0,
        strongest_cue=max((v for _, v in best.cue_terms), default=0.0),
        evidence_agree=evidence_agreement(scores),
    )


def evidence_agreement(scores: Sequence[ScoredRec]) -> int:
    """How many kinds of evidence (cue phrases, retrieval, example votes) put the winner first, with
    something for it: a winner carried by one kind against the others (retrieval and the prior over
    two interview cues) is wrong more often than its margin says."""
    best = scores[0]
    return sum(
        getattr(best, kind) > 0 and all(getattr(s, kind) <= getattr(best, kind) for s in scores[1:])
        for kind in ("cues", "lexical", "examples")
    )


@dataclass(frozen=True)
class ConfidenceModel:
    """P(top-1 right) = logistic(intercept + coefficients . features.vector())."""

    intercept: float
    coefficients: tuple[float, ...]  # FEATURE_NAMES order
    text_decided: float  # P(right) for a stated or verbatim decision
    review_below: float  # needs_review when P(right) is below this line

    def probability(self, features: DecisionFeatures) -> float:
        z = self.intercept + sum(c * x for c, x in zip(self.coefficients, features.vector(), strict=True))
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def rows(self) -> list[dict[str, str]]:
        """As `data/confidence.csv` rows (name, value)."""
        named = {"intercept": self.intercept, **dict(zip(FEATURE_NAMES, self.coefficients, strict=True))}
        named |= {"text_decided": self.text_decided, "review_below": self.review_below}
        return [{"name": k, "value": f"{v:.6f}"} for k, v in named.items()]

    @classmethod
    def from_values(cls, values: Mapping[str, float]) -> ConfidenceModel:
        missing = {"intercept", "text_decided", "review_below", *FEATURE_NAMES} - set(values)
        if missing:
            raise ValueError(f"{CONFIDENCE_FILE}: missing {', '.join(sorted(missing))}")
        return cls(
            intercept=values["intercept"],
            coefficients=tuple(values[n] for n in FEATURE_NAMES),
            text_decided=values["text_decided"],
            review_below=values["review_below"],
        )


def load_confidence_model() -> ConfidenceModel:
    return ConfidenceModel.from_values({r["name"]: float(r["value"]) for r in read_data_csv(CONFIDENCE_FILE)})
