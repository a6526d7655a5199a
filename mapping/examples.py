"""Evidence from labelled examples: which recommendations hand-labelled actions worded like this one got.

The project's own labelled actions (`data/examples.csv`: the benchmark plans `holdout`,
`holdout2` and the check set, written by `benchmarks/mapping_calibration.py --write`) are a bank
of how plans word each recommendation, in their words rather than the Commission's. An action is
compared with every example by cosine over TF-IDF (log term frequency; words and adjacent word
pairs, `retrieval.terms`; the objective's terms at OBJECTIVE_SHARE); the K nearest vote for their
labels with their similarity (an example with two labels gives each half). The vote is one more
kind of evidence in `ranking.py`, weighed by the fitted weights; in the leave-one-plan-out figures
it is computed from the other plans' examples only.

The objective votes a second time on its own (`ExampleBank`): the K nearest labelled *objectives*
vote for the labels of their actions. In the first vote an objective counts at half beside the
action's words and is swamped when the action is long; on its own it is compared with text of its
own kind (plans word their objectives alike: "Raise the profile of technicians in ..."), and the
labels of the actions under a similar objective say what such objectives are usually for.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .reference import read_data_csv
from .retrieval import terms

EXAMPLES_FILE = "examples.csv"
K = 10
OBJECTIVE_SHARE = 0.5


@dataclass(frozen=True)
class Example:
    action: str
    objective: str
    labels: tuple[str, ...]


def bag(action: str, objective: str) -> Counter[str]:
    return bag_of_terms(terms(action), terms(objective))


def bag_of_terms(action: Sequence[str], objective: Sequence[str]) -> Counter[str]:
    """`bag` of an action and an objective whose `terms` are these."""
    counts: Counter[str] = Counter()
    for t in action:
        counts[t] += 1.0
    for t in objective:
        counts[t] += OBJECTIVE_SHARE
    return counts


@dataclass(frozen=True, eq=False)
class ExampleIndex:
    """The examples' unit TF-IDF vectors as one matrix (a row per term, a column per example), so
    that a query's similarity to every example is one sum of the rows of its terms."""

    labels: tuple[tuple[str, ...], ...]
    idf: Mapping[str, float]
    rows: Mapping[str, int]  # term -> its row of `weights`
    weights: np.ndarray  # (terms, examples): each example's unit vector, 0 where it lacks the term
    default_idf: float

    @classmethod
    def build(cls, examples: Sequence[Example]) -> ExampleIndex:
        bags = [bag(e.action, e.objective) for e in examples]
        n = len(bags)
        df = Counter(t for b in bags for t in b)
        idf = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}
        default = math.log(n + 1) + 1.0
        rows = {t: r for r, t in enumerate(df)}
        weights = np.zeros((len(rows), n))
        for i, b in enumerate(bags):
            for t, x in _unit(b, idf, default).items():
                weights[rows[t], i] = x
        weights.setflags(write=False)
        return cls(tuple(e.labels for e in examples), idf, rows, weights, default)

    def votes(self, action: str, objective: str = "") -> dict[str, float]:
        """Per recommendation, the summed similarity of the K nearest examples labelled with it."""
        return self.votes_of(bag(action, objective))

    def votes_of(self, counts: Mapping[str, float]) -> dict[str, float]:
        """`votes` of a query whose `bag` is `counts`."""
        query = _unit(counts, self.idf, self.default_idf)
        known = [(self.rows[t], x) for t, x in query.items() if t in self.rows]
        if not known:
            return {}
        rows, xs = zip(*known, strict=True)
        # Row by row in the query's term order (numpy reduces along the first axis one row at a
        # time): each example's sum is the one a loop over the query's terms would give.
        sims = (self.weights[list(rows)] * np.array(xs)[:, None]).sum(axis=0)
        out: dict[str, float] = defaultdict(float)
        for i in np.argsort(-sims, kind="stable")[:K]:  # ties: the earlier example first
            s = float(sims[i])
            if s <= 0.0:  # shares no term with the query, nor does any after it
                break
            for label in self.labels[i]:
                out[label] += s / len(self.labels[i])
        return dict(out)


def _unit(counts: Mapping[str, float], idf: Mapping[str, float], default: float) -> dict[str, float]:
    v = {t: (1.0 + math.log(f)) * idf.get(t, default) for t, f in counts.items() if f > 0}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {t: x / norm for t, x in v.items()}


def load_examples() -> list[Example]:
    return [
        Example(r["action"], r["objective"], tuple(r["labels"].split())) for r in read_data_csv(EXAMPLES_FILE)
    ]


@dataclass(frozen=True)
class ExampleBank:
    """The two votes of one labelled bank: on the action (with its objective at OBJECTIVE_SHARE),
    and on the objective alone against the examples' objectives."""

    actions: ExampleIndex
    objectives: ExampleIndex

    @classmethod
    def build(cls, examples: Sequence[Example]) -> ExampleBank:
        return cls(
            ExampleIndex.build(examples),
            ExampleIndex.build([Example(e.objective, "", e.labels) for e in examples if e.objective.strip()]),
        )

    def votes(self, action: str, objective: str = "") -> tuple[dict[str, float], dict[str, float]]:
        """(votes on the action, votes on the objective alone; {} without an objective)."""
        return self.actions.votes(action, objective), self.objectives.votes(objective)
