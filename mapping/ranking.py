"""How the evidence for one recommendation adds up to its total: weights fitted across plans.

Twelve kinds of evidence (`EVIDENCE_NAMES`) speak for a recommendation: cue phrases in the action;
cue phrases in the objective, split by whether the objective is the action's own (no other
action of the plan shares it: a point's heading, as in list-style plans) or shared by several
actions (often a pillar slogan); how much the action's and the objective's wording echo the
recommendation's texts (`retrieval.py`); the pillar prior; the votes of the nearest labelled
example actions (`examples.py`); cue phrases and retrieval of the action's success measure and
of its other free text (`MappingQuery.measure`, `notes`); and the votes of the nearest labelled
objectives on the objective alone. total = weights . evidence.

The weights are the coefficients of a conditional logit (softmax over the 16 recommendations)
fitted by `benchmarks/mapping_calibration.py --write` on labelled decisions, by leave-one-plan-out
for the reported figures; they are rescaled so that a cue phrase in the action counts 1 (the
ranking does not change under a positive scale, and the cue weights in `vocabulary.csv` keep
their meaning). Written to `data/ranking.csv`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .reference import read_data_csv

RANKING_FILE = "ranking.csv"
EVIDENCE_NAMES = (
    "cue_action",
    "cue_objective_own",
    "cue_objective_shared",
    "retrieval_action",
    "retrieval_objective",
    "prior",
    "examples",
    "cue_measure",
    "retrieval_measure",
    "cue_notes",
    "retrieval_notes",
    "examples_objective",
)


@dataclass(frozen=True)
class RankingWeights:
    values: tuple[float, ...]  # EVIDENCE_NAMES order

    def __post_init__(self) -> None:
        if len(self.values) != len(EVIDENCE_NAMES):
            raise ValueError(f"{len(EVIDENCE_NAMES)} ranking weights needed ({', '.join(EVIDENCE_NAMES)})")

    def __getitem__(self, name: str) -> float:
        return self.values[EVIDENCE_NAMES.index(name)]

    def rows(self) -> list[dict[str, str]]:
        return [{"name": n, "value": f"{v:.6f}"} for n, v in zip(EVIDENCE_NAMES, self.values, strict=True)]

    @classmethod
    def from_values(cls, values: Mapping[str, float]) -> RankingWeights:
        missing = set(EVIDENCE_NAMES) - set(values)
        if missing:
            raise ValueError(f"{RANKING_FILE}: missing {', '.join(sorted(missing))}")
        return cls(tuple(float(values[n]) for n in EVIDENCE_NAMES))


def load_ranking_weights() -> RankingWeights:
    return RankingWeights.from_values({r["name"]: float(r["value"]) for r in read_data_csv(RANKING_FILE)})
