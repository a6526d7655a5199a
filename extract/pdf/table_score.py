"""A found table's calibrated score: the expected cell-adjacency F1 of its grid, from its evidence.

The grid's evidence (`grid_evidence.GridEvidence`: words beside it, in no cell or split by a cell
side, empty cells and nearly empty columns, merged rows, prose running down columns, rows stacking
values on shared baselines) goes through a small logistic model whose coefficients live in
`data/table_score.csv`. They are fitted by `benchmarks/table_score_calibration.py --write` on
measured F1 (ICDAR 2013 cell adjacency per table, and the layout generator's record F1 per
sample), cross-validated across documents, with every coefficient signed the way its evidence
can only point (more of a bad sign never raises the score). The README's reliability table is the
held-out result.

Evaluating it is a dot product and one `exp`: no numerical library at run time.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .grid_evidence import GridEvidence

SCORE_FILE = Path(__file__).parent / "data" / "table_score.csv"
# Below this score the table more likely than not reads its grid wrong (expected F1 < 0.5): the
# normaliser warns about the rows it reads from such a table.
LOW_SCORE = 0.5


@dataclass(frozen=True)
class ScoreModel:
    intercept: float
    weights: tuple[tuple[str, float], ...]

    def score(self, features: Mapping[str, float]) -> float:
        z = self.intercept + sum(w * features.get(name, 0.0) for name, w in self.weights)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def score_model(path: Path = SCORE_FILE) -> ScoreModel:
    """The fitted model (read once)."""
    with path.open(newline="", encoding="utf-8") as fh:
        values = {row["name"]: float(row["value"]) for row in csv.DictReader(fh)}
    intercept = values.pop("intercept")
    return ScoreModel(intercept, tuple(values.items()))


def table_score(evidence: GridEvidence, model: ScoreModel | None = None) -> float:
    """0..1: the grid's expected cell-adjacency F1 given its evidence."""
    return (model or score_model()).score(evidence.features())
